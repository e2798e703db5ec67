"""Les habilitations et leurs valeurs : actions, ressources, conditions, règles, décisions.

SDET, document 2, « Service d'autorisation » : « Une action sur une ressource définit une
habilitation. Une action peut être une opération de lecture, écriture, modification ou
suppression. Une ressource peut être un service applicatif, une partie de service, une
application, une page Web… Une condition peut être une restriction d'accès au service
applicatif, par exemple en fonction de l'horaire ou de la typologie d'accès. »

Ce module rassemble les *valeurs* (objets figés) que manipule le service d'autorisation
(:class:`entsim.autorisation.service.Autorisation`) :

* :class:`Action` — les quatre actions du SDET, reconnues aussi sous leurs synonymes ;
* :class:`Ressource` — un service, une partie de service, les données d'un élève, d'une
  classe ou d'un propriétaire ;
* les conditions d'accès : :class:`PlageHoraire` (l'horaire), :class:`Lieu` (la typologie
  d'accès), évaluées dans un :class:`ContexteAcces` ;
* :class:`Regle` — une règle explicite « autoriser » ou « refuser » de l'établissement ;
* :class:`Decision` — le résultat d'une demande, avec son code stable et sa raison en
  français.

Le besoin d'en connaître (qui voit quoi, par rôle) est dans
:mod:`entsim.autorisation.besoin_d_en_connaitre` ; tous ces noms restent importables depuis
:mod:`entsim.autorisation.service`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time
from enum import Enum
from typing import ClassVar, Protocol

from entsim.etablissement.annuaire import Etablissement, Fonction, Personne, Profil
from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.etablissement.identifiants import replier


def replier_cle(texte: str) -> str:
    """Minuscules sans accents (:func:`entsim.etablissement.identifiants.replier`), espaces, apostrophes et
    tirets ramenés à « _ » : la clé sous laquelle on reconnaît ce qu'un élève écrit."""
    return re.sub(r"[ '’-]", "_", replier(texte.strip()))


# ======================================================================================
# Actions
# ======================================================================================

class Action(str, Enum):
    """Les quatre actions du SDET : « lecture, écriture, modification ou suppression »."""

    LIRE = "lire"
    ECRIRE = "écrire"
    MODIFIER = "modifier"
    SUPPRIMER = "supprimer"

    def __str__(self) -> str:
        return self.value

    @classmethod
    def depuis(cls, valeur: object) -> "Action":
        """Une action à partir de ce qu'un élève écrit : ``Action.LIRE``, « lire »,
        « lecture », « consulter », « écrire », « saisir », « modification »…"""
        if isinstance(valeur, Action):
            return valeur
        if not isinstance(valeur, str):
            raise ValeurInvalide(
                f"L'action doit être un texte comme \"lire\", \"écrire\", \"modifier\" ou "
                f"\"supprimer\" (reçu : {valeur!r}).", code="action_invalide")
        action = _SYNONYMES_ACTION.get(replier_cle(valeur))
        if action is None:
            raise ValeurInvalide(
                f"Action inconnue : « {valeur} ». Les actions possibles sont « lire », "
                f"« écrire », « modifier » et « supprimer ».", code="action_inconnue")
        return action


_SYNONYMES_ACTION: dict[str, Action] = {
    **{m: Action.LIRE for m in ("lire", "lecture", "consulter", "consultation", "voir",
                                "afficher", "ouvrir")},
    **{m: Action.ECRIRE for m in ("ecrire", "ecriture", "saisir", "saisie", "creer",
                                  "creation", "ajouter", "publier", "deposer", "envoyer",
                                  "justifier")},
    **{m: Action.MODIFIER for m in ("modifier", "modification", "corriger", "changer",
                                    "mettre_a_jour")},
    **{m: Action.SUPPRIMER for m in ("supprimer", "suppression", "effacer", "retirer")},
}

TOUTES_LES_ACTIONS = frozenset(Action)

#: Ce que permet chaque usage du catalogue des services (data/services.csv) : « lecture »
#: permet de lire ; « ecriture » (publier, répondre, déposer, modifier) permet tout.
ACTIONS_PAR_USAGE: dict[str, frozenset[Action]] = {"lecture": frozenset({Action.LIRE}),
                                                   "ecriture": TOUTES_LES_ACTIONS}


def liste_actions(actions: Iterable[Action]) -> str:
    """« lire », « lire et écrire », « lire, écrire et modifier » (dans l'ordre du SDET)."""
    noms = [a.value for a in Action if a in set(actions)]
    return noms[0] if len(noms) == 1 else ", ".join(noms[:-1]) + " et " + noms[-1]


# ======================================================================================
# Ressources
# ======================================================================================

#: Services dont les données concernent un élève (``Ressource.eleve``).
SERVICES_PAR_ELEVE = frozenset({"notes", "absences", "dossier_eleve", "orientation"})
#: Services dont les données concernent une classe (``Ressource.classe``).
SERVICES_PAR_CLASSE = frozenset({"cahier_de_textes", "emploi_du_temps"})
#: Services strictement personnels : seul le propriétaire y accède (secret des
#: correspondances pour la messagerie, documents personnels).
SERVICES_PERSONNELS = frozenset({"messagerie", "espace_documentaire", "casier"})

#: Partie de la messagerie qui désigne l'envoi d'un message à quelqu'un.
PARTIE_MESSAGE = "message"

#: Comment décrire une ressource : modèle avec {sujet} (nom de l'élève, de la classe…).
_DESCRIPTIONS: dict[str, str] = {
    "notes": "notes {de_sujet}",
    "absences": "absences {de_sujet}",
    "dossier_eleve": "dossier {de_sujet}",
    "orientation": "Folios (orientation) {de_sujet}",
    "cahier_de_textes": "cahier de textes {de_sujet}",
    "emploi_du_temps": "emploi du temps {de_sujet}",
    "messagerie": "messages privés {de_sujet}",
    "espace_documentaire": "documents personnels {de_sujet}",
    "casier": "casier {de_sujet}",
}


@dataclass(frozen=True)
class Ressource:
    """Une ressource protégée (SDET : « un service applicatif, une partie de service… »).

    :param service: le code du service dans le catalogue (``"notes"``, ``"absences"``,
        ``"cahier_de_textes"``, ``"messagerie"``, ``"actualites"``…).
    :param partie: une partie du service (``"justificatifs"``, ``"message"``…), facultative.
    :param eleve: l'identifiant de l'élève concerné (notes, absences, dossier…).
    :param classe: le code de la classe concernée (cahier de textes, emploi du temps).
    :param proprietaire: l'identifiant du propriétaire (messagerie, documents personnels).

    Les constructeurs nommés se lisent mieux : ``Ressource.notes_de("lea.martin")``,
    ``Ressource.cahier_de_textes_de("TSTMG1")``, ``Ressource.messages_de("paul.durand")``.
    """

    service: str
    partie: str | None = None
    eleve: str | None = None
    classe: str | None = None
    proprietaire: str | None = None

    def __post_init__(self) -> None:
        verifier_texte(self.service, "service")
        for nom, libelle in (("partie", "partie"), ("eleve", "élève"), ("classe", "classe"),
                             ("proprietaire", "propriétaire")):
            valeur = getattr(self, nom)
            if valeur is not None:
                verifier_texte(valeur, libelle)
        if self.eleve is not None and self.classe is not None:
            raise ValeurInvalide("Une ressource concerne un élève ou une classe, pas les deux.")

    # -- constructeurs nommés --------------------------------------------------------
    @classmethod
    def service_seul(cls, code: str) -> "Ressource":
        """Le service lui-même (son accès), sans donnée particulière."""
        return cls(code)

    @classmethod
    def notes_de(cls, eleve: str) -> "Ressource":
        verifier_texte(eleve, "élève")
        return cls("notes", eleve=eleve)

    @classmethod
    def absences_de(cls, eleve: str) -> "Ressource":
        verifier_texte(eleve, "élève")
        return cls("absences", eleve=eleve)

    @classmethod
    def dossier_de(cls, eleve: str) -> "Ressource":
        verifier_texte(eleve, "élève")
        return cls("dossier_eleve", eleve=eleve)

    @classmethod
    def cahier_de_textes_de(cls, classe: str) -> "Ressource":
        verifier_texte(classe, "classe")
        return cls("cahier_de_textes", classe=classe)

    @classmethod
    def emploi_du_temps_de(cls, classe: str) -> "Ressource":
        verifier_texte(classe, "classe")
        return cls("emploi_du_temps", classe=classe)

    @classmethod
    def messages_de(cls, identifiant: str) -> "Ressource":
        """La boîte de messagerie privée d'une personne."""
        return cls("messagerie", proprietaire=identifiant)

    @classmethod
    def message_a(cls, destinataire: str) -> "Ressource":
        """L'envoi d'un message à une personne (action : écrire)."""
        return cls("messagerie", partie=PARTIE_MESSAGE, proprietaire=destinataire)

    @classmethod
    def documents_de(cls, identifiant: str) -> "Ressource":
        return cls("espace_documentaire", proprietaire=identifiant)

    # -- description ------------------------------------------------------------------
    @property
    def sujet(self) -> str | None:
        """L'identifiant de l'élève, la classe ou le propriétaire concerné."""
        return self.eleve or self.classe or self.proprietaire

    def decrire(self, etablissement: Etablissement | None = None,
                nom_service: str | None = None) -> str:
        """Description en français ; avec l'établissement, les identifiants sont remplacés
        par les noms (« notes de Léa Martin »)."""
        sujet = self.sujet
        if sujet is not None and etablissement is not None and sujet != self.classe \
                and etablissement.existe(sujet):
            sujet = etablissement.personne(sujet).nom_complet
        if self.service == "messagerie" and self.partie == PARTIE_MESSAGE and sujet:
            return f"message adressé à {sujet}"
        nom = nom_service or self.service
        if sujet is None:
            texte = f"service « {nom} »"
        else:
            texte = _DESCRIPTIONS.get(self.service, nom + " {de_sujet}").format(
                de_sujet=de(sujet))
        if self.partie:
            texte += f" (partie « {self.partie} »)"
        return texte

    @property
    def description(self) -> str:
        """Description lisible, avec les identifiants (« notes de lea.martin »)."""
        return self.decrire()

    def __str__(self) -> str:
        return self.description


# ======================================================================================
# Conditions (SDET : « en fonction de l'horaire ou de la typologie d'accès »)
# ======================================================================================

LIEUX: dict[str, str] = {
    "etablissement": "depuis le réseau de l'établissement",
    "exterieur": "depuis l'extérieur (domicile, téléphone…)",
}

JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _lieu(valeur: object, nom: str = "lieu") -> str:
    if not isinstance(valeur, str) or replier_cle(valeur) not in LIEUX:
        raise ValeurInvalide(f"« {nom} » doit valoir \"etablissement\" (réseau du lycée) ou "
                             f"\"exterieur\" (reçu : {valeur!r}).", code="lieu_inconnu")
    return replier_cle(valeur)


def de(nom: str) -> str:
    """« de » ou « d' » devant un nom : élision devant une voyelle ou un h muet
    (« d'Inès Petit », « d'Hugo »), jamais devant un y consonne (« de Yanis ») :
    ``de("TSTMG1")`` → « de TSTMG1 »."""
    initiale = unicodedata.normalize("NFKD", nom[:1].lower())[:1]
    return f"d'{nom}" if initiale and initiale in "aeiouh" else f"de {nom}"


def _heure(t: time) -> str:
    return f"{t.hour} h {t.minute:02d}"


@dataclass(frozen=True)
class ContexteAcces:
    """Le contexte d'une demande : quand, d'où (typologie d'accès), depuis quel poste."""

    instant: datetime
    lieu: str = "etablissement"
    poste: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.instant, datetime):
            raise ValeurInvalide("L'instant du contexte doit être une date et heure "
                                 "(datetime), par exemple ent.horloge.maintenant().")
        object.__setattr__(self, "lieu", _lieu(self.lieu))
        if self.poste is not None:
            verifier_texte(self.poste, "poste")


class Condition(Protocol):
    """Une condition d'accès (protocole) : satisfaite ou non dans un contexte."""

    code_echec: str

    @property
    def description(self) -> str: ...

    def est_satisfaite(self, contexte: ContexteAcces) -> bool: ...

    def raison_echec(self, contexte: ContexteAcces) -> str: ...


@dataclass(frozen=True)
class PlageHoraire:
    """Accès seulement entre ``debut`` et ``fin`` (fin exclue), les ``jours`` donnés.

    Une plage peut passer minuit (``PlageHoraire(time(22), time(7))`` : la nuit). Les jours
    s'écrivent en toutes lettres (« lundi »…) ou en nombres (0 = lundi … 6 = dimanche) ;
    par défaut, tous les jours.
    """

    debut: time
    fin: time
    jours: tuple[int, ...] = tuple(range(7))

    code_echec: ClassVar[str] = "hors_plage_horaire"

    def __post_init__(self) -> None:
        for nom in ("debut", "fin"):
            if not isinstance(getattr(self, nom), time):
                raise ValeurInvalide(f"« {nom} » doit être une heure, par exemple time(7, 30) "
                                     f"(reçu : {getattr(self, nom)!r}).")
        if self.debut == self.fin:
            raise ValeurInvalide("Le début et la fin de la plage horaire doivent être "
                                 "différents.")
        jours = self.jours
        if isinstance(jours, (str, int)):
            jours = (jours,)
        try:
            valeurs = tuple(sorted({self._jour(j) for j in jours}))
        except TypeError:
            raise ValeurInvalide("« jours » doit être une liste de jours, par exemple "
                                 "[\"lundi\", \"mardi\"].") from None
        if not valeurs:
            raise ValeurInvalide("Donnez au moins un jour pour la plage horaire.")
        object.__setattr__(self, "jours", valeurs)

    @staticmethod
    def _jour(jour: object) -> int:
        if isinstance(jour, int) and not isinstance(jour, bool) and 0 <= jour <= 6:
            return jour
        if isinstance(jour, str) and replier_cle(jour) in JOURS:
            return JOURS.index(replier_cle(jour))
        raise ValeurInvalide(f"Jour inconnu : {jour!r} (attendu : \"lundi\" … \"dimanche\", "
                             f"ou 0 à 6).")

    @property
    def description(self) -> str:
        texte = f"de {_heure(self.debut)} à {_heure(self.fin)}"
        if self.jours == tuple(range(7)):
            return texte
        if self.jours == tuple(range(self.jours[0], self.jours[-1] + 1)) and len(self.jours) > 2:
            return f"{texte}, du {JOURS[self.jours[0]]} au {JOURS[self.jours[-1]]}"
        noms = [JOURS[j] for j in self.jours]
        liste = noms[0] if len(noms) == 1 else ", ".join(noms[:-1]) + " et " + noms[-1]
        return f"{texte}, le {liste}" if len(noms) == 1 else f"{texte}, les {liste}"

    def est_satisfaite(self, contexte: ContexteAcces) -> bool:
        instant = contexte.instant
        if instant.weekday() not in self.jours:
            return False
        t = instant.time()
        if self.debut < self.fin:
            return self.debut <= t < self.fin
        return t >= self.debut or t < self.fin

    def raison_echec(self, contexte: ContexteAcces) -> str:
        i = contexte.instant
        return (f"Accès possible seulement {self.description} ; nous sommes le "
                f"{JOURS[i.weekday()]}, il est {_heure(i.time())}.")


@dataclass(frozen=True)
class Lieu:
    """Accès seulement depuis un lieu : ``"etablissement"`` (réseau du lycée) ou
    ``"exterieur"`` — la « typologie d'accès » du SDET."""

    lieu: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "lieu", _lieu(self.lieu))

    @property
    def code_echec(self) -> str:
        return "hors_etablissement" if self.lieu == "etablissement" else "lieu_non_autorise"

    @property
    def description(self) -> str:
        return LIEUX[self.lieu]

    def est_satisfaite(self, contexte: ContexteAcces) -> bool:
        return contexte.lieu == self.lieu

    def raison_echec(self, contexte: ContexteAcces) -> str:
        return (f"Accès possible seulement {LIEUX[self.lieu]} ; cette demande arrive "
                f"{LIEUX[contexte.lieu]}.")


# ======================================================================================
# Règles explicites
# ======================================================================================

class Effet(str, Enum):
    AUTORISER = "autoriser"
    REFUSER = "refuser"

    def __str__(self) -> str:
        return self.value


#: Valeur de ``Regle.qui`` qui désigne tout le monde.
TOUS = "tous"


def _qui(valeur: object) -> Profil | Fonction | str:
    """Un profil, une fonction, « tous » ou un identifiant (les noms de profils et de
    fonctions écrits en toutes lettres sont reconnus : « élève », « parent », « CPE »)."""
    if isinstance(valeur, (Profil, Fonction)):
        return valeur
    if not isinstance(valeur, str) or not valeur.strip():
        raise ValeurInvalide("« qui » doit être un profil (Profil.PARENT), une fonction "
                             "(Fonction.CPE), \"tous\" ou un identifiant comme \"lea.martin\""
                             f" (reçu : {valeur!r}).", code="qui_invalide")
    cle = replier_cle(valeur)
    for profil in Profil:
        if cle in (replier_cle(profil.value), profil.name.lower()):
            return profil
    for fonction in Fonction:
        if cle in (replier_cle(fonction.value), fonction.name.lower()):
            return fonction
    return TOUS if cle == TOUS else valeur.strip()


@dataclass(frozen=True)
class Regle:
    """Une règle explicite : « qui » peut (ou ne peut pas) faire ces actions sur ce service
    (ou cette partie), éventuellement sous conditions.

    * ``effet="autoriser"`` : une habilitation *sous conditions* ; pour ce qu'elle vise, elle
      fait foi (« les élèves lisent les notes de 7 h à 21 h » refuse donc à 22 h).
    * ``effet="refuser"`` : un refus qui l'emporte sur toute autorisation quand ses
      conditions sont remplies (aucune condition : toujours).

    Aucune règle n'élargit le besoin d'en connaître : un parent autorisé sur les notes ne
    voit toujours que celles de ses enfants.
    """

    qui: Profil | Fonction | str
    actions: frozenset[Action] | Action | str | Iterable[Action | str]
    service: str
    partie: str | None = None
    conditions: tuple = ()
    effet: Effet | str = Effet.AUTORISER
    libelle: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "qui", _qui(self.qui))
        actions = self.actions
        if isinstance(actions, (Action, str)):
            actions = (actions,)
        try:
            ensemble = frozenset(Action.depuis(a) for a in actions)  # type: ignore[union-attr]
        except TypeError:
            raise ValeurInvalide("« actions » doit être une action (\"lire\") ou une liste "
                                 "d'actions ([\"lire\", \"écrire\"]).") from None
        if not ensemble:
            raise ValeurInvalide("Une règle doit viser au moins une action.")
        object.__setattr__(self, "actions", ensemble)
        verifier_texte(self.service, "service")
        if self.partie is not None:
            verifier_texte(self.partie, "partie")
        conditions = self.conditions
        if not isinstance(conditions, (tuple, list)):
            conditions = (conditions,)
        for c in conditions:
            if not all(hasattr(c, a) for a in ("est_satisfaite", "raison_echec", "code_echec")):
                raise ValeurInvalide("Chaque condition doit être une PlageHoraire(…) ou un "
                                     f"Lieu(…) (reçu : {c!r}).")
        object.__setattr__(self, "conditions", tuple(conditions))
        if isinstance(self.effet, str) and not isinstance(self.effet, Effet):
            try:
                object.__setattr__(self, "effet", Effet(replier_cle(self.effet)))
            except ValueError:
                raise ValeurInvalide("L'effet d'une règle est \"autoriser\" ou \"refuser\" "
                                     f"(reçu : {self.effet!r}).") from None
        elif not isinstance(self.effet, Effet):
            raise ValeurInvalide("L'effet d'une règle est \"autoriser\" ou \"refuser\".")
        if not isinstance(self.libelle, str):
            raise ValeurInvalide("Le libellé d'une règle doit être un texte.")
        if not self.libelle.strip():
            object.__setattr__(self, "libelle", self._libelle_auto())

    def _libelle_auto(self) -> str:
        qui = self.qui.value if isinstance(self.qui, (Profil, Fonction)) else self.qui
        cible = f"« {self.service} »" + (f" (partie « {self.partie} »)" if self.partie else "")
        verbe = "Autoriser" if self.effet is Effet.AUTORISER else "Refuser"
        texte = f"{verbe} à {qui} : {liste_actions(self.actions)} sur {cible}"  # type: ignore[arg-type]
        if self.conditions:
            texte += ", " + ", ".join(c.description for c in self.conditions)
        return texte

    # -- correspondance -------------------------------------------------------------
    def concerne(self, personne: Personne) -> bool:
        if self.qui == TOUS:
            return True
        if isinstance(self.qui, Profil):
            return personne.profil is self.qui
        if isinstance(self.qui, Fonction):
            return self.qui in personne.fonctions
        return personne.identifiant == self.qui

    def couvre(self, action: Action, ressource: Ressource) -> bool:
        return (action in self.actions  # type: ignore[operator]
                and self.service in ("*", ressource.service)
                and (self.partie is None or self.partie == ressource.partie))

    def condition_manquee(self, contexte: ContexteAcces):
        """La première condition non remplie, ou None si toutes le sont."""
        for condition in self.conditions:
            if not condition.est_satisfaite(contexte):
                return condition
        return None


# ======================================================================================
# Décisions
# ======================================================================================

#: Les codes de décision (stables) et leur libellé court.
CODES_DECISION: dict[str, str] = {
    "autorise": "Accès autorisé",
    "regle_refus": "Refusé par une règle de l'établissement",
    "hors_plage_horaire": "Refusé : en dehors de la plage horaire",
    "hors_etablissement": "Refusé : réservé au réseau de l'établissement",
    "lieu_non_autorise": "Refusé : lieu d'accès non autorisé",
    "profil_non_habilite": "Refusé : profil non habilité",
    "action_non_permise": "Refusé : action non permise à ce profil",
    "hors_perimetre": "Refusé : hors du besoin d'en connaître",
    "communication_non_autorisee": "Refusé : messagerie non ouverte entre ces personnes",
}


@dataclass(frozen=True)
class Decision:
    """Le résultat d'une demande d'autorisation, explicable en une phrase."""

    autorise: bool
    code: str
    raison: str
    regle: str | None
    identifiant: str
    action: Action
    ressource: Ressource
    objet: str = ""          # description lisible de la ressource (avec les noms)

    @property
    def ok(self) -> bool:
        return self.autorise

    @property
    def message(self) -> str:
        return self.raison

    @property
    def libelle(self) -> str:
        return CODES_DECISION.get(self.code, self.code)

    @property
    def symbole(self) -> str:
        """✓ ou ✗, toujours accompagné d'un mot (la couleur n'est jamais le seul signal)."""
        return "✓ autorisé" if self.autorise else "✗ refusé"

    def __bool__(self) -> bool:
        return self.autorise

    def __str__(self) -> str:
        return f"{self.symbole} — {self.raison}"
