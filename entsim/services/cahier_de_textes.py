"""Cahier de textes : contenu de chaque séance et travail à faire, par classe et discipline.

Le cahier de textes numérique est un document officiel de la classe, tenu par les
enseignants et visé par le chef d'établissement (circulaire n° 2010-136 du 6 septembre 2010
relative au cahier de textes numérique). Chaque enseignant y remplit la partie de sa
discipline ; élèves et familles y lisent le travail à faire (avis de la CNIL sur les ENT,
document 1 : « un parent d'élève ne peut avoir accès qu'aux seules informations relatives à
la vie scolaire de son enfant telles les notes, les absences, le cahier de textes de la
classe »).

Données de démonstration : pour les classes du récit (TSTMG1 et 2NDE3), les séances de la
semaine en cours et de la suivante, placées sur l'emploi du temps de la classe (deux heures
de suite = une séance). Les séances de SIG suivent la leçon « L'ENT, les impacts sur
l'organisation du travail et les risques associés ».
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from entsim.autorisation.service import Action, Ressource
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.saisie import instant_saisi, texte_saisi
from entsim.etablissement.generation import CLASSE_DEMO, SECONDE_DEMO
from entsim.services._vie_eleve import (ServiceVieEleve, date_courte, date_fr, heure_fr,
                                        liste_d_objets, lire_date)
from entsim.services.emploi_du_temps import lundi_de
from entsim.services._donnees import DonneePersonnelle, verifier_motif

#: Séances de démonstration par discipline : (contenu, travail à faire ou "").
PROGRESSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "Management, sciences de gestion et numérique, enseignement spécifique SIG": (
        ("Présentation de l'année et de l'enseignement spécifique SIG ; première connexion "
         "à l'ENT du lycée.", "Activer son compte ENT et lire la charte d'utilisation."),
        ("L'ENT : définir chaque service et sa finalité (questions 1 à 3).",
         "Lister les services de l'ENT que vous utilisez et dans quel contexte (question 2)."),
        ("Les acteurs internes et externes de l'ENT (question 4).", ""),
        ("Les avantages de l'ENT pour chaque acteur (question 5).",
         "Compléter le tableau des avantages par acteur."),
        ("Préparer un questionnaire d'entretien auprès des acteurs de l'établissement "
         "(question 6).", "Interroger deux acteurs (un parent, un personnel) avec le "
                          "questionnaire."),
        ("Analyse des résultats des entretiens ; préparation du diaporama.", ""),
        ("Données personnelles : le rôle de la CNIL et du chef d'établissement "
         "(questions 7 et 8).", "Lire l'avis de la CNIL sur les ENT (document 1) et relever "
                               "les droits des personnes."),
        ("Droits des personnes et principes de protection des données (questions 9 à 12).", ""),
        ("Authentification, autorisation et SSO (questions 13 et 14).",
         "Schématiser la cinématique de connexion à l'ENT (question 15)."),
        ("Les preuves d'authentification : mot de passe, code à usage unique, certificat, "
         "signature (question 16).", "Évaluer la force de trois mots de passe au regard de "
                                    "la recommandation de la CNIL."),
        ("Le SDET répond-il aux recommandations de la CNIL ? (question 17).", ""),
        ("Synthèse : les risques liés à l'ENT et les protections.",
         "Réviser la question de gestion pour l'évaluation."),
    ),
    "Droit et économie": (
        ("Droit : qu'est-ce qu'une règle de droit ? Les sources du droit.",
         "Apprendre la définition de la règle de droit et ses caractères."),
        ("Économie : la croissance économique et ses mesures (PIB).", ""),
        ("Droit : le contrat, sa formation et ses conditions de validité.",
         "Faire l'étude de cas n° 1 (contrat de vente en ligne)."),
        ("Économie : les facteurs de la croissance.", ""),
        ("Droit : les obligations nées du contrat et leur exécution.",
         "Lire le document sur le RGPD et le droit des données personnelles."),
        ("Économie : la répartition des revenus.", ""),
        ("Correction de l'étude de cas ; méthode de l'argumentation juridique.", ""),
        ("Économie : les inégalités et leur mesure.", "Exercices p. 42 à 44."),
    ),
    "Mathématiques": (
        ("Suites numériques : rappels et suites arithmétiques.", "Exercices 1 à 4 p. 12."),
        ("Suites géométriques ; applications aux placements financiers.", ""),
        ("Évaluation diagnostique corrigée en classe.", "Refaire les exercices manqués."),
        ("Statistiques à deux variables : nuage de points, ajustement.",
         "Exercices 10 et 11 p. 30."),
        ("Probabilités conditionnelles : arbres pondérés.", ""),
    ),
    "Philosophie": (
        ("Qu'est-ce que philosopher ? Présentation du programme.",
         "Lire le texte d'introduction distribué et en dégager la thèse."),
        ("La technique : la technique nous libère-t-elle ?", ""),
        ("Méthode de l'explication de texte.", "Préparer l'explication du texte n° 1."),
    ),
    "Anglais (LVA)": (
        ("Back to school: introducing yourself; vocabulary of the digital world.",
         "Write a short paragraph about your use of social networks."),
        ("Axe « Espace privé et espace public » : document vidéo.", ""),
        ("Grammar: present perfect vs. preterit.", "Exercices 1 à 3 du cahier."),
        ("Compréhension écrite : article sur la protection des données.", ""),
    ),
    "Espagnol (LVB)": (
        ("Presentación del curso ; vocabulario de la escuela.", "Aprender el vocabulario."),
        ("Eje « Innovaciones científicas y responsabilidad » : documento audio.", ""),
        ("Gramática : el pretérito indefinido.", "Ejercicios 2 y 3."),
    ),
    "Histoire-géographie et EMC": (
        ("Histoire : le monde à la fin de la Seconde Guerre mondiale.", ""),
        ("EMC : les libertés à l'ère du numérique.",
         "Rechercher un exemple d'atteinte à la vie privée en ligne."),
        ("Géographie : la mondialisation et ses acteurs.", "Apprendre le cours."),
    ),
    "Éducation physique et sportive": (
        ("Course de demi-fond : test de VMA.", ""),
        ("Badminton : échanges et placement.", "Apporter une tenue de rechange."),
    ),
}
_GENERIQUE = ("Cours et exercices d'application.", "Relire le cours.")

#: Longueurs maximales (caractères) du contenu d'une séance, du travail à faire et du nom
#: de la discipline saisis.
CONTENU_MAX = 2000
TRAVAIL_MAX = 2000
DISCIPLINE_MAX = 100


@dataclass
class Seance:
    """Une séance du cahier de textes (une entité : l'enseignant peut la compléter)."""

    numero: int
    classe: str
    discipline: str
    enseignant: str | None
    debut: datetime
    fin: datetime
    contenu: str
    travail: str = ""
    pour_le: date | None = None
    ecrit_le: datetime | None = None

    @property
    def date(self) -> date:
        return self.debut.date()

    def en_texte(self, nom_enseignant: str = "") -> str:
        texte = (f"{date_fr(self.debut)}, {heure_fr(self.debut)} – {heure_fr(self.fin)}, "
                 f"{self.discipline}" + (f" ({nom_enseignant})" if nom_enseignant else "")
                 + f" : {self.contenu}")
        if self.travail:
            texte += f" Travail à faire pour le {date_fr(self.pour_le)} : {self.travail}" \
                if self.pour_le else f" Travail à faire : {self.travail}"
        return texte


class CahierDeTextes(ServiceVieEleve):
    """Le service « Cahier de textes »."""

    code = "cahier_de_textes"

    def __init__(self, ent) -> None:
        super().__init__(ent)
        self._seances: list[Seance] = []
        self._peupler()

    # -- données de démonstration ----------------------------------------------------------
    def _edt(self):
        return self.ent.service("emploi_du_temps")

    def _cours_groupes(self, classe: str, discipline: str | None, debut: date, fin: date
                       ) -> list[tuple[datetime, datetime, str, str | None]]:
        """Les cours de la période, deux heures consécutives réunies en une séance."""
        groupes: list[list] = []
        for instant, c in self._edt()._cours_entre(classe, discipline, debut, fin):
            fin_cours = datetime.combine(instant.date(), c.fin)
            precedent = groupes[-1] if groupes else None
            if precedent and precedent[2] == c.discipline and precedent[1] == instant:
                precedent[1] = fin_cours
            else:
                groupes.append([instant, fin_cours, c.discipline, c.enseignant])
        return [tuple(g) for g in groupes]  # type: ignore[misc]

    def _peupler(self) -> None:
        lundi = lundi_de(self.horloge.maintenant())
        debut, fin = lundi, lundi + timedelta(days=11)          # semaine en cours et suivante
        for classe in (CLASSE_DEMO, SECONDE_DEMO):
            if classe not in self.etablissement.classes:
                continue
            rng = self._generateur(classe)
            cours = self._cours_groupes(classe, None, debut, fin)
            rang: dict[str, int] = {}
            for i, (d, f, discipline, prof) in enumerate(cours):
                banque = PROGRESSIONS.get(discipline)
                k = rang.get(discipline, 0)
                rang[discipline] = k + 1
                contenu, travail = banque[k] if banque and k < len(banque) else _GENERIQUE
                if not banque and rng.random() < 0.5:
                    travail = ""
                suivante = next((c for c in cours[i + 1:]
                                 if c[2] == discipline and c[0].date() > d.date()), None)
                pour_le = suivante[0].date() if travail and suivante else (
                    d.date() + timedelta(days=7) if travail else None)
                self._seances.append(Seance(len(self._seances) + 1, classe, discipline, prof,
                                            d, f, contenu, travail, pour_le, d))

    # -- lecture -----------------------------------------------------------------------------
    def seances(self, identifiant: str, classe: str, *, discipline: str | None = None,
                debut: date | str | None = None, fin: date | str | None = None,
                poste: str | None = None) -> list[Seance]:
        """Les séances d'une classe (dans l'ordre chronologique), éventuellement d'une
        discipline et d'une période."""
        d = lire_date(debut, "debut") if debut is not None else None
        f = lire_date(fin, "fin") if fin is not None else None
        self.exiger(identifiant, Action.LIRE, Ressource.cahier_de_textes_de(classe),
                    poste=poste)
        return sorted((s for s in self._seances if s.classe == classe
                       and (discipline is None or s.discipline == discipline)
                       and (d is None or s.date >= d) and (f is None or s.date <= f)),
                      key=lambda s: s.debut)

    def travail_a_faire(self, identifiant: str, classe: str, *,
                        a_partir_du: date | str | None = None,
                        poste: str | None = None) -> list[Seance]:
        """Les séances qui donnent du travail pour aujourd'hui ou plus tard, par échéance."""
        jour = lire_date(a_partir_du, "a_partir_du") if a_partir_du is not None \
            else self.horloge.maintenant().date()
        seances = self.seances(identifiant, classe, poste=poste)
        return sorted((s for s in seances if s.travail and s.pour_le and s.pour_le >= jour),
                      key=lambda s: (s.pour_le, s.debut))

    # -- écriture ----------------------------------------------------------------------------
    def ecrire(self, identifiant: str, classe: str, discipline: str, contenu: str, *,
               travail: str = "", pour_le: date | str | None = None,
               le: datetime | None = None, poste: str | None = None) -> Seance:
        """Un enseignant remplit le cahier de textes d'une séance de sa discipline (la
        séance prévue à cette heure est complétée, sinon une séance est ajoutée).

        ``le`` : début de la séance (par défaut, le prochain cours de cette discipline dans
        l'emploi du temps de la classe) ; ``pour_le`` : échéance du travail (par défaut, le
        cours suivant de la discipline)."""
        contenu = texte_saisi(contenu, "contenu", maximum=CONTENU_MAX, multiligne=True)
        travail = texte_saisi(travail, "travail", maximum=TRAVAIL_MAX, multiligne=True,
                              vide_autorise=True)
        texte_saisi(discipline, "discipline", maximum=DISCIPLINE_MAX)
        echeance_saisie = lire_date(pour_le, "pour_le") if travail and pour_le is not None \
            else None
        # Le libellé exact de l'emploi du temps (« Histoire-géographie » → « Histoire-géographie
        # et EMC ») ; un nom qui n'est pas celui d'une discipline de la classe est refusé plus
        # bas, après la décision d'accès. Jamais de correspondance par le début du nom (HGGSP).
        libelle = self._edt().disciplines_de_la_classe(classe).get(
            discipline.strip(), (discipline, None))[0]
        maintenant = self.horloge.maintenant()
        a_venir = [g for g in self._cours_groupes(classe, libelle, maintenant.date(),
                                                  maintenant.date() + timedelta(days=21))
                   if g[1] > maintenant]
        if le is None:
            debut, fin = (a_venir[0][0], a_venir[0][1]) if a_venir else (
                maintenant, maintenant + timedelta(hours=1))
        else:
            debut = instant_saisi(le, "le", exemple="datetime(2026, 9, 14, 10, 0)")
            fin = debut + timedelta(hours=1)
        existante = next((x for x in self._seances if x.classe == classe and x.debut == debut
                          and x.discipline == libelle), None)
        self.exiger(identifiant, Action.MODIFIER if existante else Action.ECRIRE,
                    Ressource.cahier_de_textes_de(classe), poste=poste)
        objet = f"cahier de textes de {classe} ({discipline})"
        libelle, prof = self.discipline_de_la_classe(identifiant, classe, discipline,
                                                     objet=objet, poste=poste)
        if prof != identifiant:
            raise self.refuser(
                identifiant, f"{self.nom_de(identifiant)} n'enseigne pas « {libelle} » en "
                f"{classe} : chaque enseignant remplit seulement la partie de sa discipline "
                f"dans le cahier de textes.", objet, poste=poste,
                code="discipline_non_enseignee")
        echeance: date | None = None
        if travail:
            if echeance_saisie is not None:
                echeance = echeance_saisie
            else:
                suivants = [g for g in a_venir if g[0].date() > debut.date()]
                echeance = suivants[0][0].date() if suivants else debut.date() + timedelta(7)
            if echeance < debut.date():
                raise ValeurInvalide(f"Le travail ne peut pas être à faire pour le "
                                     f"{date_fr(echeance)}, avant la séance du "
                                     f"{date_fr(debut)}.", code="echeance_passee")
        if existante is not None:        # la séance prévue est complétée
            existante.contenu, existante.travail = contenu, travail
            existante.pour_le, existante.ecrit_le = echeance, maintenant
            existante.enseignant = identifiant
            return existante
        seance = Seance(len(self._seances) + 1, classe, libelle, identifiant, debut, fin,
                        contenu, travail, echeance, maintenant)
        self._seances.append(seance)
        return seance

    # -- présentation -----------------------------------------------------------------------
    def lignes(self, seances: list[Seance]) -> list[tuple[str, str, str, str, str]]:
        """(date, horaire, discipline, contenu, travail) pour un tableau."""
        seances = liste_d_objets(seances, Seance, "les séances rendues par seances(…)")
        return [(date_courte(s.debut), f"{heure_fr(s.debut)} – {heure_fr(s.fin)}",
                 s.discipline, s.contenu,
                 (f"Pour le {date_courte(s.pour_le)} : {s.travail}" if s.pour_le else s.travail)
                 if s.travail else "—")
                for s in seances]

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Un enseignant : les séances qu'il a écrites (catégorie « vie_scolaire »). Un
        élève : rien — le cahier de textes de sa classe n'est pas une donnée personnelle
        (voir :mod:`entsim.autorisation.majorite`)."""
        return [DonneePersonnelle(self.code, "vie_scolaire",
                                  f"Séance écrite — {s.classe}, {s.discipline}",
                                  s.en_texte(), identifiant, identifiant,
                                  f"cahier_de_textes:seance:{s.numero}", s.ecrit_le or s.debut)
                for s in self._seances if s.enseignant == identifiant]

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Les séances restent (le cahier de textes retrace le travail de la classe) ; le
        nom de l'enseignant en est retiré."""
        verifier_motif(motif)
        compte = 0
        for s in self._seances:
            if s.enseignant == identifiant:
                s.enseignant = None
                compte += 1
        return compte


SERVICE = CahierDeTextes
