"""Outils communs aux services de communication et de collaboration (messagerie, actualités,
agenda, forum, blog, espace documentaire, casier).

* :class:`ServiceSimule` : la base d'un service simulé — sur le socle commun
  :class:`entsim.services._base.ServiceDeBase` (son générateur de données de démonstration
  ``ent.aleatoire.nouveau_generateur("service:<code>")``, le contrôle de chaque lecture ou
  écriture par le service d'autorisation, tracé au journal — SDET, traçabilité : « chaque
  opération datée et reliée à une identité » —, et le refus levé en
  :class:`entsim.socle.erreurs.AccesRefuse` avec la raison française de la décision), les
  personnages du récit, la numérotation des objets et le contrôle en deux étages.
* :class:`Acteurs` : les personnes du récit (Léa Martin, sa mère, M. Durand, la CPE…) qui
  écrivent les données de démonstration ; dans un lycée généré sans ces personnages, des
  personnes équivalentes sont choisies de façon déterministe.
* :func:`date_fr` : une date lisible en français (« lundi 7 septembre 2026 à 8 h 00 »).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from entsim.etablissement.annuaire import Fonction, Personne, Profil
from entsim.autorisation.service import Action, Decision, Ressource
from entsim.socle.erreurs import AccesRefuse
from entsim.etablissement.generation import PERSONAS
from entsim.services._base import ServiceDeBase

JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre")


def jour_fr(jour: date) -> str:
    """« lundi 7 septembre 2026 », « mardi 1er septembre 2026 »."""
    quantieme = "1er" if jour.day == 1 else str(jour.day)
    return f"{JOURS[jour.weekday()]} {quantieme} {MOIS[jour.month - 1]} {jour.year}"


def date_fr(instant: datetime) -> str:
    """« lundi 7 septembre 2026 à 8 h 05 »."""
    return f"{jour_fr(instant.date())} à {instant.hour} h {instant.minute:02d}"


@dataclass(frozen=True)
class Acteurs:
    """Les personnes qui « écrivent » les données de démonstration (``None`` si absentes)."""

    classe: str | None
    eleve: str | None
    autre_eleve: str | None
    eleve_fratrie: str | None
    parent: str | None
    autre_parent: str | None
    professeur_principal: str | None
    autre_professeur: str | None
    cpe: str | None
    vie_scolaire: str | None
    proviseur: str | None
    adjoint: str | None
    gestionnaire: str | None
    documentaliste: str | None
    secretariat: str | None
    partenaire: str | None
    invite: str | None

    @classmethod
    def de(cls, etablissement) -> "Acteurs":
        """Les personnages du récit s'ils existent, sinon des équivalents (premiers par ordre
        alphabétique d'identifiant : le choix ne dépend que de l'annuaire)."""
        e = etablissement

        def persona(role: str) -> str | None:
            ident = PERSONAS[role].identifiant
            return ident if e.existe(ident) else None

        def premier(personnes) -> str | None:
            idents = sorted(p.identifiant for p in personnes)
            return idents[0] if idents else None

        def fonction(f: Fonction) -> str | None:
            return premier(e.avec_fonction(f))

        eleve = persona("eleve")
        classe = e.personne(eleve).classe if eleve else None
        if classe is None:
            candidates = sorted(c for c, cl in e.classes.items()
                                if cl.eleves and cl.professeur_principal)
            classe = candidates[0] if candidates else None
        eleves = sorted(e.classes[classe].eleves) if classe else []
        eleve = eleve or (eleves[0] if eleves else None)
        autres = [x for x in eleves if x != eleve]
        autre_eleve = persona("autre_eleve") or (autres[0] if autres else None)
        fratrie = persona("eleve_fratrie") or (autres[1] if len(autres) > 1 else None)
        parent = persona("mere") or (premier(e.responsables_de(eleve)) if eleve else None)
        autre_parent = persona("autre_parent") or (
            premier(e.responsables_de(autre_eleve)) if autre_eleve else None)
        pp = e.classes[classe].professeur_principal if classe else None
        profs = sorted(p.identifiant for p in e.enseignants_de(classe)) if classe else []
        autre_prof = next((p for p in profs if p != pp), None)
        return cls(
            classe=classe, eleve=eleve, autre_eleve=autre_eleve, eleve_fratrie=fratrie,
            parent=parent, autre_parent=autre_parent, professeur_principal=pp,
            autre_professeur=autre_prof,
            cpe=persona("cpe") or fonction(Fonction.CPE),
            vie_scolaire=persona("vie_scolaire") or fonction(Fonction.VIE_SCOLAIRE),
            proviseur=persona("proviseur") or fonction(Fonction.CHEF_ETABLISSEMENT),
            adjoint=persona("adjoint") or fonction(Fonction.ADJOINT),
            gestionnaire=persona("gestionnaire") or fonction(Fonction.GESTIONNAIRE),
            documentaliste=persona("documentaliste") or fonction(Fonction.DOCUMENTALISTE),
            secretariat=persona("secretariat") or fonction(Fonction.SECRETARIAT),
            partenaire=persona("partenaire") or fonction(Fonction.PARTENAIRE),
            invite=persona("invite") or premier(
                p for p in e.invites() if Fonction.PARTENAIRE not in p.fonctions),
        )


class ServiceSimule(ServiceDeBase):
    """Base d'un service simulé : données de démonstration, contrôle d'accès tracé.

    :param ent: l'ENT (horloge, hasard, annuaire, autorisation, journal).
    """

    def __init__(self, ent) -> None:
        super().__init__(ent)
        self.acteurs = Acteurs.de(ent.etablissement)
        self._hasard: random.Random = self._generateur()
        self._prochain_numero = 1
        self._peupler()

    # -- à écrire par chaque service -----------------------------------------------------
    def _peupler(self) -> None:  # pragma: no cover - chaque service le définit
        raise NotImplementedError

    # -- outils --------------------------------------------------------------------------
    def _numero(self) -> int:
        numero = self._prochain_numero
        self._prochain_numero += 1
        return numero

    def maintenant(self) -> datetime:
        return self.horloge.maintenant()

    def _passe(self, jours_min: int, jours_max: int) -> datetime:
        """Un instant tiré entre ``jours_min`` et ``jours_max`` jours avant le début de
        l'horloge, un jour ouvré (le samedi et le dimanche reculent au vendredi), pendant
        une journée de lycée (7 h 30 – 19 h)."""
        debut = self.horloge.debut
        jour = debut.date() - timedelta(days=self._hasard.randint(jours_min, jours_max))
        jour -= timedelta(days=max(0, jour.weekday() - 4))
        minutes = self._hasard.randint(7 * 60 + 30, 19 * 60)
        return datetime(jour.year, jour.month, jour.day, minutes // 60, minutes % 60)

    def personne(self, identifiant: str) -> Personne:
        return self.etablissement.personne(identifiant)

    def profil_de(self, identifiant: str) -> Profil:
        return self.personne(identifiant).profil

    # -- autorisation ----------------------------------------------------------------------
    def _exiger(self, identifiant: str, action: Action, ressource: Ressource) -> Decision:
        """Décision du service d'autorisation (tracée au journal) ; refus → AccesRefuse
        (raison de la décision telle quelle). Sans poste : depuis l'établissement."""
        return self.exiger(identifiant, action, ressource)

    def _exiger_droit(self, identifiant: str, action: Action, objet: str,
                      verdict: tuple[bool, str, str] | None = None) -> Decision:
        """Deux étages, une seule ligne de journal : l'accès au service d'abord (catalogue,
        règles de l'établissement), puis le droit propre à la ressource dans le service
        (partage d'un dossier, membres d'un forum…), donné par ``verdict`` =
        ``(autorisé, code, raison)``. Refus → :class:`AccesRefuse` (raison française)."""
        decision = self.autorisation.evaluer(identifiant, action,
                                                 Ressource.service_seul(self.code))
        if decision.autorise and verdict is not None:
            autorise, code, raison = verdict
            decision = Decision(autorise, code, raison, None, decision.identifiant,
                                decision.action, decision.ressource, objet)
        self.journal.enregistrer(
            "acces_autorise" if decision.autorise else "acces_refuse",
            identite=decision.identifiant, service=self.code,
            resultat="succes" if decision.autorise else "echec",
            detail=decision.raison, objet=f"{objet} ({decision.action.value})")
        if not decision.autorise:
            raise AccesRefuse(decision.raison, code=decision.code, decision=decision)
        return decision

    def peut(self, identifiant: str, action: Action = Action.ECRIRE) -> bool:
        """Le service est-il ouvert à cette personne pour cette action (sans tracer) ?
        Sert aux vues pour n'afficher que les boutons utiles."""
        return self.autorisation.evaluer(identifiant, action,
                                             Ressource.service_seul(self.code)).autorise

    def _tracer(self, operation: str, identifiant: str, objet: str, detail: str = "") -> None:
        self.journal.enregistrer(operation, identite=identifiant, service=self.code,
                                     resultat="succes", detail=detail, objet=objet)
