"""Absences et retards : l'appel, la justification par la famille, le suivi par la vie
scolaire.

Qui fait quoi (``entsim.autorisation.service.HABILITATIONS``) : l'enseignant fait l'appel (il
constate absences et retards dans ses classes) ; la vie scolaire (CPE, assistants
d'éducation) les enregistre aussi et traite les justificatifs ; un responsable légal
consulte et justifie les absences de son enfant — il ne les modifie ni ne les supprime ;
l'élève consulte les siennes, et l'élève majeur les justifie lui-même (voir
:mod:`entsim.autorisation.majorite`). La justification est une partie du service
(``Ressource("absences", partie="justificatifs", …)``) que juge la décision elle-même : un
enseignant y est refusé par le service d'autorisation. Les absences de toute une classe sont
pour ses enseignants, la vie scolaire et la direction, jamais pour un élève ni un parent.

Règles reproduites : l'assiduité est une obligation de l'élève (code de l'éducation, art.
L511-1 et R511-11) ; les motifs d'absence reconnus comme légitimes sont ceux de l'article
L131-8 (maladie de l'enfant, maladie transmissible ou contagieuse d'un membre de la
famille, réunion solennelle de famille, empêchement résultant de la difficulté accidentelle
des communications, absence temporaire des responsables que l'enfant accompagne) — le CPE
apprécie la recevabilité du motif. Les absences se comptent en demi-journées (matin,
après-midi), comme sur les bulletins.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from entsim.etablissement.annuaire import Parent, Profil
from entsim.autorisation.service import Action, Ressource
from entsim.socle.erreurs import Introuvable, ValeurInvalide, verifier_entier
from entsim.socle.saisie import texte_saisi
from entsim.socle.texte import extrait
from entsim.etablissement.generation import CLASSE_DEMO, PERSONAS, RENTREE, SECONDE_DEMO
from entsim.etablissement.identifiants import replier
from entsim.services._vie_eleve import (ServiceVieEleve, cite, date_courte, heure_fr, lire_date,
                                        lire_heure)
from entsim.socle.texte import accorder
from entsim.autorisation.habilitations.ressources import de
from entsim.services.emploi_du_temps import lundi_de
from entsim.services._donnees import DonneePersonnelle, numero_suivant, verifier_motif

#: Motifs proposés aux familles (code stable → libellé), d'après l'art. L131-8.
MOTIFS: dict[str, str] = {
    "maladie": "Maladie",
    "rendez_vous_medical": "Rendez-vous médical",
    "raison_familiale": "Raison familiale (événement familial important)",
    "transport": "Difficulté de transport",
    "convocation": "Convocation officielle (examen, journée défense et citoyenneté…)",
    "autre": "Autre motif",
}

#: Statuts d'une absence ou d'un retard (code stable → libellé).
STATUTS: dict[str, str] = {
    "a_justifier": "à justifier",
    "justifiee": "justifiée par la famille, en attente de validation",
    "acceptee": "justification acceptée par la vie scolaire",
    "refusee": "justification refusée par la vie scolaire",
}
NATURES = {"absence": "Absence", "retard": "Retard"}
#: Longueur maximale (caractères) d'un commentaire de justification.
LONGUEUR_MAX_COMMENTAIRE = 500
#: Longueurs maximales d'une remarque à l'appel et du nom du cours manqué.
LONGUEUR_MAX_REMARQUE = 300
LONGUEUR_MAX_COURS = 100


def lire_motif(valeur: object) -> str:
    """Le code d'un motif, à partir du code ou du libellé (« maladie », « Maladie »…)."""
    if isinstance(valeur, str):
        cle = replier(valeur.strip()).replace(" ", "_").replace("-", "_")
        for code, libelle in MOTIFS.items():
            if cle in (code, replier(libelle).replace(" ", "_")):
                return code
    possibles = ", ".join(f"« {l} »" for l in MOTIFS.values())
    raise ValeurInvalide(f"Motif inconnu : {cite(valeur)}. Motifs possibles : {possibles}.",
                         code="motif_inconnu")


@dataclass(frozen=True)
class Justification:
    motif: str             # code de MOTIFS
    commentaire: str       # texte libre de la famille (affiché échappé, jamais interprété)
    par: str
    le: datetime

    @property
    def libelle_motif(self) -> str:
        return MOTIFS[self.motif]


@dataclass
class Evenement:
    """Une absence ou un retard constaté."""

    numero: int
    eleve: str
    nature: str            # "absence" ou "retard"
    debut: datetime
    fin: datetime
    cours: str             # discipline du cours manqué (ou « — »)
    saisi_par: str
    saisi_le: datetime
    remarque: str = ""
    justification: Justification | None = None
    statut: str = "a_justifier"

    @property
    def demi_journee(self) -> tuple[date, str]:
        return self.debut.date(), "matin" if self.debut.hour < 12 else "après-midi"

    @property
    def justifiee(self) -> bool:
        return self.statut in ("justifiee", "acceptee")

    def en_texte(self) -> str:
        quand = f"{date_courte(self.debut)} {heure_fr(self.debut)} – {heure_fr(self.fin)}"
        if self.nature == "retard":
            minutes = int((self.fin - self.debut).total_seconds() // 60)
            quand = f"{date_courte(self.debut)} {heure_fr(self.debut)}, {minutes} min"
        texte = f"{NATURES[self.nature]} — {quand} — {self.cours} — {STATUTS[self.statut]}"
        if self.justification:
            j = self.justification
            texte += f" (motif : {j.libelle_motif}" + (f" ; « {j.commentaire} »" if
                                                       j.commentaire else "") + ")"
        return texte


@dataclass(frozen=True)
class Bilan:
    """Les comptes d'un élève, comme sur le bulletin."""

    eleve: str
    demi_journees: int
    demi_journees_non_justifiees: int
    retards: int
    a_justifier: tuple[int, ...]       # numéros des événements à justifier

    def en_texte(self) -> str:
        return (f"{accorder(self.demi_journees, 'demi-journée', 'demi-journées')} "
                f"d'absence, dont {accorder(self.demi_journees_non_justifiees, 'non justifiée')}"
                f" ; {accorder(self.retards, 'retard')}.")

    @classmethod
    def des_evenements(cls, eleve: str, evenements: list[Evenement]) -> Bilan:
        """Le bilan calculé sur des événements déjà lus (sans nouvelle lecture tracée)."""
        absences = [e for e in evenements if e.nature == "absence"]
        demi = {e.demi_journee for e in absences}
        # une demi-journée n'est justifiée que si toutes ses absences le sont
        demi_non = {e.demi_journee for e in absences if not e.justifiee}
        return cls(eleve, len(demi), len(demi_non),
                   sum(1 for e in evenements if e.nature == "retard"),
                   tuple(e.numero for e in evenements if e.statut == "a_justifier"))


class Absences(ServiceVieEleve):
    """Le service « Absences et retards »."""

    code = "absences"

    def __init__(self, ent) -> None:
        super().__init__(ent)
        self._evenements: dict[int, Evenement] = {}
        self._peupler()

    # -- données de démonstration ----------------------------------------------------------
    def _peupler(self) -> None:
        maintenant = self.horloge.maintenant()
        debut = max(RENTREE, lundi_de(maintenant) - timedelta(days=7))
        edt = self.ent.service("emploi_du_temps")
        vie_scolaire = sorted(p.identifiant for p in self.etablissement.personnels()
                              if replier(p.service) == "vie scolaire")
        appel = vie_scolaire[0] if vie_scolaire else None
        a_absenter = {PERSONAS["eleve"].identifiant, PERSONAS["frere"].identifiant}
        en_retard = {PERSONAS["autre_eleve"].identifiant}
        for classe in (CLASSE_DEMO, SECONDE_DEMO):
            if classe not in self.etablissement.classes:
                continue
            rng = self._generateur(classe)
            cours = edt._cours_entre(classe, None, debut, maintenant.date() - timedelta(1))
            if not cours:
                continue
            for eleve in sorted(self.etablissement.classe(classe).eleves):
                if eleve in a_absenter or rng.random() < 0.3:
                    instant, c = rng.choice(cours)
                    ev = self._ajouter(eleve, "absence", instant,
                                       datetime.combine(instant.date(), c.fin), c.discipline,
                                       c.enseignant or appel or eleve, instant)
                    if eleve not in a_absenter and rng.random() < 0.5:
                        parent = (self.etablissement.personne(eleve).responsables or [None])[0]
                        if parent:
                            ev.justification = Justification(
                                rng.choice(["maladie", "rendez_vous_medical"]), "", parent,
                                instant + timedelta(hours=rng.randint(3, 30)))
                            ev.statut = "acceptee"
                if eleve in en_retard or rng.random() < 0.2:
                    instant, c = rng.choice(cours)
                    self._ajouter(eleve, "retard", instant,
                                  instant + timedelta(minutes=rng.choice([5, 10, 15, 20])),
                                  c.discipline, c.enseignant or appel or eleve, instant)

    def _ajouter(self, eleve: str, nature: str, debut: datetime, fin: datetime, cours: str,
                 par: str, le: datetime, remarque: str = "") -> Evenement:
        ev = Evenement(numero_suivant(self._evenements), eleve, nature, debut, fin, cours, par, le,
                       remarque)
        self._evenements[ev.numero] = ev
        return ev

    def _evenement(self, numero: int) -> Evenement:
        try:
            return self._evenements[numero]
        except (KeyError, TypeError):
            raise Introuvable(f"Aucune absence ni aucun retard n° {extrait(numero)}.",
                              code="evenement_inconnu") from None

    def evenement(self, identifiant: str, numero: int, *,
                  poste: str | None = None) -> Evenement:
        """Une absence ou un retard (avec son motif), pour qui peut voir les absences de
        l'élève (lui, sa famille sauf opposition de l'élève majeur, ses enseignants, la vie
        scolaire) ; lecture tracée, refus tracé sinon."""
        ev = self._evenement(numero)
        self.exiger(identifiant, Action.LIRE, Ressource.absences_de(ev.eleve), poste=poste)
        return ev

    # -- consultation ------------------------------------------------------------------------
    def evenements_de(self, identifiant: str, eleve: str, *,
                      poste: str | None = None) -> list[Evenement]:
        """Les absences et retards d'un élève, du plus récent au plus ancien."""
        self.exiger(identifiant, Action.LIRE, Ressource.absences_de(eleve), poste=poste)
        return sorted((e for e in self._evenements.values() if e.eleve == eleve),
                      key=lambda e: e.debut, reverse=True)

    def evenements_de_la_classe(self, identifiant: str, classe: str, *,
                                poste: str | None = None) -> list[Evenement]:
        """Les absences et retards d'une classe (enseignants, vie scolaire, direction)."""
        self.exiger(identifiant, Action.LIRE, Ressource("absences", classe=classe), poste=poste)
        eleves = set(self.etablissement.classe(classe).eleves)
        return sorted((e for e in self._evenements.values() if e.eleve in eleves),
                      key=lambda e: e.debut, reverse=True)

    def bilan(self, identifiant: str, eleve: str, *, poste: str | None = None) -> Bilan:
        """Demi-journées d'absence (dont non justifiées) et retards d'un élève."""
        return Bilan.des_evenements(eleve, self.evenements_de(identifiant, eleve, poste=poste))

    # -- l'appel -----------------------------------------------------------------------------
    def signaler(self, identifiant: str, eleve: str, nature: str = "absence", *,
                 le: date | str | None = None, debut: time | str | None = None,
                 fin: time | str | None = None, minutes: int = 10, cours: str | None = None,
                 remarque: str = "", poste: str | None = None) -> Evenement:
        """Constater une absence ou un retard (enseignant à l'appel, vie scolaire).

        Par défaut : aujourd'hui, à l'heure pleine en cours, pendant une heure (absence) ou
        ``minutes`` minutes (retard)."""
        if not isinstance(nature, str) or nature not in NATURES:
            raise ValeurInvalide(f"« nature » vaut « absence » ou « retard » (reçu : "
                                 f"{cite(nature)}).", code="nature_inconnue")
        if cours is not None:
            cours = texte_saisi(cours, "cours", maximum=LONGUEUR_MAX_COURS)
        remarque = texte_saisi(remarque, "remarque", maximum=LONGUEUR_MAX_REMARQUE,
                               vide_autorise=True)
        verifier_entier(minutes, "minutes", minimum=1, maximum=240)
        maintenant = self.horloge.maintenant()
        jour = lire_date(le, "le") if le is not None else maintenant.date()
        h_debut = lire_heure(debut, "debut") if debut is not None else time(maintenant.hour)
        instant = datetime.combine(jour, h_debut)
        if nature == "retard":
            fin_dt = instant + timedelta(minutes=minutes)
        else:
            fin_dt = datetime.combine(jour, lire_heure(fin, "fin")) if fin is not None \
                else instant + timedelta(hours=1)
            if fin_dt <= instant:
                raise ValeurInvalide("La fin de l'absence doit venir après son début.",
                                     code="horaire_invalide")
        self.exiger(identifiant, Action.ECRIRE, Ressource.absences_de(eleve), poste=poste)
        if isinstance(self.etablissement.personne(identifiant), Parent):
            raise self.refuser(
                identifiant, "Un parent justifie les absences de son enfant ; ce sont "
                "l'enseignant (à l'appel) et la vie scolaire qui les constatent.",
                f"absences {de(self.nom_de(eleve))} (constater)", poste=poste,
                code="constat_reserve")
        classe = getattr(self.etablissement.personne(eleve), "classe", "")
        cours_donne = cours is not None
        if cours is None:   # le cours de la classe à cette heure, d'après l'emploi du temps
            trouves = self.ent.service("emploi_du_temps")._cours_entre(classe, None, jour, jour)
            cours = next((c.discipline for i, c in trouves
                          if c.debut <= h_debut < c.fin), "hors cours")
        if self.etablissement.personne(identifiant).profil is Profil.ENSEIGNANT:
            cours = self._cours_de_l_enseignant(identifiant, eleve, classe, instant, cours,
                                                cours_donne, poste=poste)
        return self._ajouter(eleve, nature, instant, fin_dt, cours.strip(), identifiant,
                             maintenant, remarque)

    def _cours_de_l_enseignant(self, identifiant: str, eleve: str, classe: str,
                               instant: datetime, cours: str, cours_donne: bool, *,
                               poste: str | None = None) -> str:
        """L'appel d'un enseignant ne porte que sur son activité : « tout personnel
        responsable d'une activité organisée pendant le temps scolaire signale les élèves
        absents » (code de l'éducation, art. L131-5) ; « chaque enseignant prenant en charge
        une classe procède à l'appel des élèves » (art. R131-5, repris par la circulaire
        n° 2014-159 du 24 décembre 2014 sur la prévention de l'absentéisme). Donc : l'un de
        ses cours dans la classe de l'élève (d'après l'emploi du temps), déjà commencé (pas
        dans le futur, horloge simulée) et de l'année scolaire en cours (pas avant la
        rentrée). Sans ``cours`` donné : le cours de la classe à cette heure s'il est le
        sien, sinon sa discipline dans la classe. La vie scolaire (CPE, assistants
        d'éducation), qui centralise les absences, n'a pas ces limites."""
        maintenant = self.horloge.maintenant()
        if instant > maintenant:
            raise ValeurInvalide(
                f"L'appel constate une absence ou un retard déjà commencé : le "
                f"{date_courte(instant)} à {heure_fr(instant)} est dans le futur (il est "
                f"{heure_fr(maintenant)} le {date_courte(maintenant)}).", code="date_future")
        annee = maintenant.year if (maintenant.month, maintenant.day) >= \
            (RENTREE.month, RENTREE.day) else maintenant.year - 1
        rentree = date(annee, RENTREE.month, RENTREE.day)
        if instant.date() < rentree:
            raise ValeurInvalide(
                f"Le {instant:%d/%m/%Y} est avant la rentrée du {rentree:%d/%m/%Y} : l'appel "
                f"d'un enseignant porte sur l'année scolaire en cours.", code="avant_rentree")
        noms = self.ent.service("emploi_du_temps").disciplines_de_la_classe(classe)
        siens = list(dict.fromkeys(l for l, prof in noms.values() if prof == identifiant))
        trouve = noms.get(cours.strip())
        if trouve is not None and trouve[1] == identifiant:
            return trouve[0]
        if not cours_donne and siens:     # à cette heure, la classe a un autre cours
            return siens[0]
        leurs = ", ".join(f"« {l} »" for l in siens) or "aucun"
        raise self.refuser(
            identifiant, f"{self.nom_de(identifiant)} n'enseigne pas {cite(cours.strip())} en "
            f"{classe} : un enseignant fait l'appel de ses propres cours (code de "
            f"l'éducation, art. L131-5) ; ses cours dans cette classe : {leurs}. La vie "
            f"scolaire enregistre les autres absences.",
            f"absences {de(self.nom_de(eleve))} (constater)", poste=poste,
            code="cours_d_un_autre")

    # -- justification et traitement -----------------------------------------------------------
    def justifier(self, identifiant: str, numero: int, motif: str, commentaire: str = "", *,
                  poste: str | None = None) -> Evenement:
        """Un responsable légal justifie une absence ou un retard de son enfant (la vie
        scolaire peut aussi enregistrer un justificatif reçu sur papier)."""
        ev = self._evenement(numero)
        code_motif = lire_motif(motif)
        commentaire = texte_saisi(commentaire, "commentaire", multiligne=True,
                                  maximum=LONGUEUR_MAX_COMMENTAIRE, vide_autorise=True)
        self.exiger(identifiant, Action.ECRIRE,
                    Ressource("absences", partie="justificatifs", eleve=ev.eleve), poste=poste)
        if self.etablissement.personne(identifiant).profil is Profil.ENSEIGNANT:
            raise self.refuser(
                identifiant, "Un enseignant constate les absences ; la justification vient de "
                "la famille et elle est traitée par la vie scolaire.",
                f"absences {de(self.nom_de(ev.eleve))} (justifier)", poste=poste,
                code="justification_reservee")
        if ev.justifiee:
            raise ValeurInvalide(f"Cette {ev.nature} est déjà justifiée "
                                 f"({STATUTS[ev.statut]}).", code="deja_justifiee")
        ev.justification = Justification(code_motif, commentaire, identifiant,
                                         self.horloge.maintenant())
        ev.statut = "justifiee"
        return ev

    def traiter(self, identifiant: str, numero: int, accepter: bool, *,
                poste: str | None = None) -> Evenement:
        """La vie scolaire (CPE, assistant d'éducation) accepte ou refuse une justification."""
        ev = self._evenement(numero)
        if not isinstance(accepter, bool):
            raise ValeurInvalide("« accepter » vaut True (accepter) ou False (refuser).")
        self.exiger(identifiant, Action.MODIFIER, Ressource.absences_de(ev.eleve), poste=poste)
        if ev.justification is None:
            raise ValeurInvalide(f"Cette {ev.nature} n'a pas encore été justifiée par la "
                                 f"famille : rien à valider.", code="pas_de_justification")
        ev.statut = "acceptee" if accepter else "refusee"
        return ev

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Un élève : chaque absence ou retard (catégorie « absences_retards »), avec sa
        remarque et sa justification (motif, commentaire de la famille) ; source : qui l'a
        saisi. Un responsable légal, un enseignant, la vie scolaire : les justifications
        qu'ils ont écrites et les absences qu'ils ont saisies — leurs actes, qui concernent
        aussi l'élève (que seuls eux et les personnes habilitées voient)."""
        donnees = []
        for ev in sorted(self._evenements.values(), key=lambda e: e.numero):
            ref = f"absences:evenement:{ev.numero}"
            if ev.eleve == identifiant:
                valeur = ev.en_texte()
                if ev.remarque:
                    valeur += f" — remarque : {ev.remarque}"
                donnees.append(DonneePersonnelle(self.code, "absences_retards",
                                                 NATURES[ev.nature], valeur, identifiant,
                                                 ev.saisi_par, ref, ev.debut))
                continue
            if ev.saisi_par == identifiant:
                donnees.append(DonneePersonnelle(
                    self.code, "absences_retards", f"{NATURES[ev.nature]} saisie pour "
                    f"{self.nom_de(ev.eleve)}", f"{date_courte(ev.debut)} "
                    f"{heure_fr(ev.debut)} — {ev.cours}", identifiant, identifiant, ref,
                    ev.saisi_le))
            j = ev.justification
            if j is not None and j.par == identifiant:
                donnees.append(DonneePersonnelle(
                    self.code, "absences_retards", f"Justification écrite pour "
                    f"{self.nom_de(ev.eleve)}", f"{j.libelle_motif}" + (
                        f" — « {j.commentaire} »" if j.commentaire else ""),
                    identifiant, identifiant, ref, j.le))
        return donnees

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Un élève : ses absences et retards sont supprimés (arrêté ENT du 30 novembre 2006
        modifié, art. 6). Qui a saisi ou justifié l'absence d'un autre élève : l'absence
        reste (c'est la donnée de l'élève), son nom est remplacé par « Ancien enseignant »,
        « Ancien responsable légal »…"""
        verifier_motif(motif)
        anonyme = self._anonyme(identifiant)
        compte = 0
        for numero in [n for n, ev in self._evenements.items() if ev.eleve == identifiant]:
            del self._evenements[numero]
            compte += 1
        for ev in self._evenements.values():
            if ev.saisi_par == identifiant:
                ev.saisi_par = anonyme
                compte += 1
            if ev.justification is not None and ev.justification.par == identifiant:
                ev.justification = replace(ev.justification, par=anonyme)
                compte += 1
        return compte


SERVICE = Absences
