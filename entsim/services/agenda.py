"""L'agenda : événements de l'établissement, de chaque classe, et agendas personnels.

Règles reproduites :

* **qui lit** : l'usage du catalogue (élèves, enseignants, personnels : écriture ; parents :
  lecture ; invités : aucun accès), puis le besoin d'en connaître (arrêté ENT du 30 novembre
  2006 modifié, art. 4) — un événement de classe n'est montré qu'aux élèves de la classe, à
  leurs parents, à ses enseignants et aux personnels ; un événement personnel à son seul
  auteur ; un événement peut en outre être réservé à certains profils (le conseil
  pédagogique ne concerne que les enseignants et les personnels) ;
* **qui écrit** : chacun dans son agenda personnel ; les enseignants dans l'agenda des
  classes où ils enseignent ; les personnels (direction, vie scolaire…) dans celui de
  l'établissement et de toutes les classes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from entsim.etablissement.annuaire import Eleve, Profil
from entsim.autorisation.service import Action
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.saisie import date_saisie, instant_saisi, texte_saisi
from entsim.socle.texte import cite
from entsim.services._communication import ServiceSimule, date_fr
from entsim.services._donnees import CONTENU_RETIRE, DonneePersonnelle, verifier_motif

TITRE_MAX = 120
LIEU_MAX = 80
DESCRIPTION_MAX = 1000

#: Catégories d'événements (affichées en toutes lettres).
CATEGORIES = ("Conseil de classe", "Réunion", "Sortie", "Examen", "Vie de l'établissement",
              "Personnel")


@dataclass(frozen=True)
class Evenement:
    """Un événement de l'agenda."""

    numero: int
    titre: str
    debut: datetime
    fin: datetime
    categorie: str
    auteur: str
    lieu: str = ""
    classe: str | None = None              # événement d'une classe
    personnel: bool = False                # agenda personnel de l'auteur
    profils: frozenset[Profil] | None = None   # réservé à ces profils (None : tous)
    description: str = ""

    @property
    def portee(self) -> str:
        """« Établissement », « Classe TSTMG1 » ou « Personnel »."""
        if self.personnel:
            return "Personnel"
        return f"Classe {self.classe}" if self.classe else "Établissement"

    @property
    def quand(self) -> str:
        """« jeudi 24 septembre 2026 à 10 h 00 – 12 h 00 »."""
        fin = f"{self.fin.hour} h {self.fin.minute:02d}"
        if self.fin.date() != self.debut.date():
            fin = date_fr(self.fin)
        return f"{date_fr(self.debut)} – {fin}"


class Agenda(ServiceSimule):
    """L'agenda de l'établissement, des classes et de chacun."""

    code = "agenda"

    def _peupler(self) -> None:
        self._evenements: list[Evenement] = []
        a = self.acteurs
        N, S, P = Profil.ENSEIGNANT, Profil.PERSONNEL, Profil.PARENT
        eta = a.proviseur or a.cpe
        if eta:
            self._graine(eta, "Conseil pédagogique", 10, 2, (17, 0), 90, "Réunion",
                         "Salle polyvalente", profils=frozenset({N, S}))
        if a.cpe:
            self._graine(a.cpe, "Élections des délégués de classe", 16, 3, (10, 0), 120,
                         "Vie de l'établissement", "Salles de classe")
        for code in sorted(self.etablissement.classes):
            classe = self.etablissement.classes[code]
            auteur = classe.professeur_principal or eta
            if not auteur:
                continue
            self._graine(auteur, f"Réunion parents-professeurs — {code}", 21, 4, (18, 0), 120,
                         "Réunion", "Salle polyvalente", classe=code,
                         profils=frozenset({P, N, S}))
            self._graine(eta or auteur, f"Conseil de classe du 1er trimestre — {code}", 84, 8,
                         (17, 0), 90, "Conseil de classe", "Salle du conseil", classe=code)
        if a.classe and a.professeur_principal:
            self._graine(a.professeur_principal, "Sortie : visite d'une entreprise (SIG)", 30,
                         4, (8, 30), 210, "Sortie", "Départ devant le lycée", classe=a.classe,
                         description="Observer le système d'information d'une PME ; "
                                     "autorisation parentale à rendre avant la sortie.")
            self._graine(a.professeur_principal, "Bac blanc — management, sciences de gestion "
                         "et numérique", 127, 3, (8, 0), 240, "Examen", "Salle d'examen",
                         classe=a.classe)
            self._graine(a.professeur_principal, f"Corriger les copies de {a.classe}", 5, 1,
                         (14, 0), 120, "Personnel", personnel=True)
        if a.eleve:
            ami = a.eleve_fratrie or a.autre_eleve
            avec = f" avec {self.personne(ami).prenom}" if ami else ""
            self._graine(a.eleve, f"Révisions SIG{avec}", 4, 1, (17, 0), 60,
                         "Personnel", "CDI", personnel=True)
        self._evenements.sort(key=lambda ev: (ev.debut, ev.numero))

    def _graine(self, auteur: str, titre: str, jours: int, ecart: int, heure: tuple[int, int],
                duree: int, categorie: str, lieu: str = "", **options) -> None:
        """Un événement de démonstration, ``jours`` (+ 0 à ``ecart``) jours après le début de
        l'horloge, reporté au lundi s'il tombe un week-end."""
        jour = self.ent.horloge.debut.date() + timedelta(
            days=jours + self._hasard.randint(0, ecart))
        jour += timedelta(days=(7 - jour.weekday()) % 7 if jour.weekday() >= 5 else 0)
        debut = datetime.combine(jour, time(*heure))
        self._evenements.append(Evenement(self._numero(), titre, debut,
                                          debut + timedelta(minutes=duree), categorie,
                                          auteur, lieu, **options))

    # -- lecture -----------------------------------------------------------------------------
    def _concerne(self, identifiant: str, evenement: Evenement) -> bool:
        personne = self.personne(identifiant)
        if evenement.personnel:
            return evenement.auteur == identifiant
        if evenement.auteur == identifiant:
            return True
        if evenement.profils is not None and personne.profil not in evenement.profils:
            return False
        if evenement.classe is None or personne.profil is Profil.PERSONNEL:
            return True
        return evenement.classe in self.etablissement.classes_de(identifiant)

    def evenements_visibles(self, identifiant: str, du: date | None = None,
                            au: date | None = None) -> list[Evenement]:
        """Les événements que cette personne a à connaître, dans l'ordre chronologique
        (entre les dates ``du`` et ``au`` incluses, si elles sont données)."""
        du = date_saisie(du, "du") if du is not None else None
        au = date_saisie(au, "au") if au is not None else None
        self._exiger_droit(identifiant, Action.LIRE, "agenda")
        return [ev for ev in self._evenements if self._concerne(identifiant, ev)
                and (du is None or ev.debut.date() >= du)
                and (au is None or ev.debut.date() <= au)]

    def a_venir(self, identifiant: str) -> list[Evenement]:
        """Les événements visibles qui ne sont pas encore terminés."""
        maintenant = self.maintenant()
        return [ev for ev in self.evenements_visibles(identifiant) if ev.fin >= maintenant]

    # -- écriture ----------------------------------------------------------------------------
    def portees_possibles(self, identifiant: str) -> list[str]:
        """Où cette personne peut ajouter un événement : « personnel », les codes de ses
        classes, « etablissement » (pour les boutons de la vue)."""
        if not self.peut(identifiant):
            return []
        personne = self.personne(identifiant)
        portees = ["personnel"]
        if personne.profil is Profil.PERSONNEL:
            portees += sorted(self.etablissement.classes) + ["etablissement"]
        elif personne.profil is Profil.ENSEIGNANT:
            portees += list(getattr(personne, "classes", []))
        return portees

    def _verdict_portee(self, identifiant: str, classe: str | None,
                        etablissement: bool) -> tuple[bool, str, str]:
        personne = self.personne(identifiant)
        if etablissement:
            if personne.profil is Profil.PERSONNEL:
                return True, "autorise", ("Les personnels publient dans l'agenda de "
                                          "l'établissement, dans le cadre de leurs fonctions.")
            return False, "action_non_permise", (
                "Seuls les personnels de l'établissement (direction, vie scolaire…) publient "
                "dans l'agenda de l'établissement.")
        if classe is not None:
            if personne.profil is Profil.PERSONNEL:
                return True, "autorise", ("Les personnels publient dans l'agenda de toutes "
                                          "les classes, dans le cadre de leurs fonctions.")
            if personne.profil is Profil.ENSEIGNANT and \
                    self.etablissement.enseigne_a(identifiant, classe):
                return True, "autorise", (f"Cette personne enseigne en {classe} : elle "
                                          "publie dans l'agenda de la classe.")
            if isinstance(personne, Eleve):
                return False, "action_non_permise", (
                    "Un élève n'ajoute des événements qu'à son agenda personnel ; ceux de la "
                    "classe sont publiés par ses enseignants ou la vie scolaire.")
            return False, "hors_perimetre", (f"Un enseignant ne publie que dans l'agenda des "
                                             f"classes où il enseigne, pas en {classe}.")
        return True, "autorise", "Chacun tient son agenda personnel."

    def ajouter(self, identifiant: str, titre: str, debut: datetime,
                fin: datetime | None = None, *, lieu: str = "", classe: str | None = None,
                etablissement: bool = False, categorie: str | None = None,
                description: str = "") -> Evenement:
        """Ajoute un événement : personnel (par défaut), d'une classe (``classe="TSTMG1"``)
        ou de l'établissement (``etablissement=True``)."""
        titre = texte_saisi(titre, "titre", maximum=TITRE_MAX)
        debut = instant_saisi(debut, "debut")
        fin = instant_saisi(debut + timedelta(hours=1) if fin is None else fin, "fin")
        if fin <= debut:
            raise ValeurInvalide("La fin d'un événement doit être une date et heure après "
                                 "son début.", code="date_invalide")
        if not isinstance(etablissement, bool):
            raise ValeurInvalide("« etablissement » vaut True (agenda de l'établissement) ou "
                                 f"False (reçu : {cite(etablissement)}).")
        if classe is not None:
            self.etablissement.classe(classe)          # classe inconnue → message clair
        if classe is not None and etablissement:
            raise ValeurInvalide("Un événement concerne une classe ou tout l'établissement, "
                                 "pas les deux.")
        lieu = texte_saisi(lieu, "lieu", maximum=LIEU_MAX, vide_autorise=True)
        description = texte_saisi(description, "description", maximum=DESCRIPTION_MAX,
                                  multiligne=True, vide_autorise=True)
        personnel = classe is None and not etablissement
        if categorie is None:
            categorie = "Personnel" if personnel else "Vie de l'établissement"
        if not isinstance(categorie, str) or categorie not in CATEGORIES:
            raise ValeurInvalide(f"Catégorie inconnue : {cite(categorie)} (possibles : "
                                 f"{', '.join(CATEGORIES)}).")
        portee = "agenda personnel" if personnel else (
            f"agenda de la classe {classe}" if classe else "agenda de l'établissement")
        self._exiger_droit(identifiant, Action.ECRIRE, portee,
                           self._verdict_portee(identifiant, classe, etablissement))
        evenement = Evenement(self._numero(), titre, debut, fin, categorie, identifiant, lieu,
                              classe, personnel, None, description)
        self._evenements.append(evenement)
        self._evenements.sort(key=lambda ev: (ev.debut, ev.numero))
        self._tracer("publication_ajoutee", identifiant, f"événement « {titre} »",
                     f"{portee}, {evenement.quand}")
        return evenement

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Les événements que la personne a créés (catégorie « emploi_du_temps ») : son
        agenda personnel et ce qu'elle a publié pour une classe ou l'établissement. Les
        événements de sa classe créés par d'autres ne sont pas des données sur elle."""
        return [DonneePersonnelle(
            self.code, "emploi_du_temps",
            "Événement de l'agenda personnel" if ev.personnel else
            f"Événement publié ({ev.portee})", f"{ev.titre} — {ev.quand}" +
            (f" — {ev.lieu}" if ev.lieu else "") +
            (f" — {ev.description}" if ev.description else ""),
            identifiant, identifiant, f"agenda:evenement:{ev.numero}", ev.debut)
            for ev in self._evenements if ev.auteur == identifiant]

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """L'agenda personnel de la personne est supprimé ; un événement qu'elle a publié
        pour une classe ou l'établissement reste (les autres s'y fient), signé « Ancien
        enseignant »… (arrêté ENT du 30 novembre 2006 modifié, art. 6) ; motif
        ``opposition`` : sa description est retirée."""
        motif = verifier_motif(motif)
        anonyme = self._anonyme(identifiant)
        compte, gardes = 0, []
        for ev in self._evenements:
            if ev.auteur == identifiant:
                compte += 1
                if ev.personnel:
                    continue
                ev = replace(ev, auteur=anonyme, description=CONTENU_RETIRE
                             if motif == "opposition" and ev.description else ev.description)
            gardes.append(ev)
        self._evenements = gardes
        return compte


SERVICE = Agenda
