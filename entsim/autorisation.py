"""Le service d'autorisation : habilitations, conditions et besoin d'en connaître.

SDET, document 2, « Service d'autorisation » : « Les autorisations définissent quels
utilisateurs (caractérisés par un identifiant et un ou plusieurs attributs) peuvent effectuer
des actions sur des ressources, éventuellement sous certaines conditions. Une action sur une
ressource définit une habilitation. Une action peut être une opération de lecture, écriture,
modification ou suppression. Une ressource peut être un service applicatif, une partie de
service, une application, une page Web… Une condition peut être une restriction d'accès au
service applicatif, par exemple en fonction de l'horaire ou de la typologie d'accès. »

Avis de la CNIL sur les ENT (document 1) : « chaque titulaire d'un compte ENT ne [peut]
accéder qu'aux seules informations le concernant (exemple : un parent d'élève ne peut avoir
accès qu'aux seules informations relatives à la vie scolaire de son enfant telles les notes,
les absences, le cahier de textes de la classe) ».

Arrêté du 30 novembre 2006 modifié (ENT), article 4 : les destinataires des données le sont
« dans le cadre de leurs attributions et dans les limites du besoin d'en connaître » — les
élèves pour « leurs informations personnelles et la vie scolaire », les responsables pour
« la vie scolaire des enfants dont ils ont la charge », les enseignants pour « la scolarité
de leurs élèves », les autres personnels pour « leurs fonctions dans l'établissement », les
intervenants extérieurs pour les seules activités auxquelles ils participent.

Algorithme de décision (:meth:`Autorisation.decider`), dans cet ordre :

1. **Vérification** de la demande (personne connue, action connue, ressource existante).
2. **Le refus l'emporte** (*deny-overrides*) : une règle explicite « refuser » qui vise la
   personne, l'action et la ressource, et dont les conditions sont remplies, refuse l'accès
   quoi que disent les autres règles.
3. **Habilitation** : si des règles explicites « autoriser » visent la demande, ce sont elles
   qui font foi — l'accès est habilité si l'une d'elles a ses conditions remplies, refusé
   sinon (code de la condition manquée : ``hors_plage_horaire``, ``hors_etablissement``…).
   Sinon, les habilitations intégrées s'appliquent : le service doit être ouvert au profil
   dans le catalogue (usage « lecture » : lire seulement ; « ecriture » : toutes les
   actions), puis, pour les données de la vie scolaire, la table :data:`HABILITATIONS`
   précise les actions de chaque rôle (profil ou fonction).
4. **Besoin d'en connaître** : même habilité, on n'accède qu'aux données de son périmètre
   (ses propres données, celles de ses enfants, de ses classes, de tout l'établissement pour
   les personnels dans leurs fonctions, rien pour un invité). Aucune règle explicite ne
   peut élargir ce périmètre : c'est la garantie demandée par la CNIL.

Chaque décision porte un code stable et une phrase en français qui l'explique.
"""

from __future__ import annotations

import re

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, time
from enum import Enum
from typing import TYPE_CHECKING, ClassVar, Protocol

from .annuaire import Eleve, Etablissement, Fonction, Personne, Profil
from .erreurs import ErreurENT, Introuvable, ValeurInvalide, verifier_texte
from .horloge import Horloge
from .identifiants import replier
from .journal import Journal

if TYPE_CHECKING:  # pragma: no cover
    from .messagerie_regles import OptionsMessagerie, ReglesMessagerie


def _replier(texte: str) -> str:
    """Minuscules sans accents (:func:`entsim.identifiants.replier`), espaces, apostrophes et
    tirets ramenés à « _ »."""
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
        action = _SYNONYMES_ACTION.get(_replier(valeur))
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
_L = frozenset({Action.LIRE})
_LE = frozenset({Action.LIRE, Action.ECRIRE})
_LEM = frozenset({Action.LIRE, Action.ECRIRE, Action.MODIFIER})
_LM = frozenset({Action.LIRE, Action.MODIFIER})
_TOUT = TOUTES_LES_ACTIONS

#: Ce que permet chaque usage du catalogue des services (data/services.csv) : « lecture »
#: permet de lire ; « ecriture » (publier, répondre, déposer, modifier) permet tout.
ACTIONS_PAR_USAGE: dict[str, frozenset[Action]] = {"lecture": _L, "ecriture": _TOUT}


_LIBELLES_USAGE = {"lecture": "lecture", "ecriture": "écriture"}


def _liste_actions(actions: Iterable[Action]) -> str:
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

#: Groupe nominal de chaque donnée de la vie scolaire, pour les phrases d'explication.
_GN: dict[str, str] = {
    "notes": "les notes", "absences": "les absences", "dossier_eleve": "le dossier scolaire",
    "orientation": "le dossier d'orientation", "cahier_de_textes": "le cahier de textes",
    "emploi_du_temps": "l'emploi du temps", "messagerie": "les messages",
    "espace_documentaire": "les documents personnels", "casier": "le casier",
    "cdi": "le catalogue du CDI",
}
#: Le même, « de tous » (pour dire qu'un rôle n'a pas à connaître ces données).
_GN_TOUS: dict[str, str] = {
    "notes": "les notes des élèves", "absences": "les absences des élèves",
    "dossier_eleve": "le dossier des élèves", "orientation": "l'orientation des élèves",
    "cahier_de_textes": "le cahier de textes des classes",
    "emploi_du_temps": "l'emploi du temps des classes", "cdi": "le catalogue du CDI",
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
    if not isinstance(valeur, str) or _replier(valeur) not in LIEUX:
        raise ValeurInvalide(f"« {nom} » doit valoir \"etablissement\" (réseau du lycée) ou "
                             f"\"exterieur\" (reçu : {valeur!r}).", code="lieu_inconnu")
    return _replier(valeur)


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
        if isinstance(jour, str) and _replier(jour) in JOURS:
            return JOURS.index(_replier(jour))
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
    cle = _replier(valeur)
    for profil in Profil:
        if cle in (_replier(profil.value), profil.name.lower()):
            return profil
    for fonction in Fonction:
        if cle in (_replier(fonction.value), fonction.name.lower()):
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
                object.__setattr__(self, "effet", Effet(_replier(self.effet)))
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
        texte = f"{verbe} à {qui} : {_liste_actions(self.actions)} sur {cible}"  # type: ignore[arg-type]
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


# ======================================================================================
# Rôles et habilitations intégrées (arrêté ENT, art. 4 ; avis de la CNIL)
# ======================================================================================

#: Rôle → (sujet d'une phrase, libellé court).
ROLES: dict[str, tuple[str, str]] = {
    "eleve": ("Un élève", "Élève"),
    "parent": ("Un parent", "Parent"),
    "enseignant": ("Un enseignant", "Enseignant"),
    "professeur_principal": ("Le professeur principal", "Professeur principal"),
    "direction": ("Le chef d'établissement (ou son adjoint)", "Direction"),
    "cpe": ("Le CPE", "CPE"),
    "vie_scolaire": ("La vie scolaire (assistant d'éducation)", "Vie scolaire"),
    "secretariat": ("Le secrétariat", "Secrétariat"),
    "gestionnaire": ("Le gestionnaire (intendance)", "Gestionnaire"),
    "documentaliste": ("Le professeur documentaliste", "Documentaliste"),
    "administrateur_local": ("L'administrateur local de l'ENT", "Administrateur local"),
    "referent_numerique": ("Le référent numérique (RUPN)", "Référent numérique"),
    "personnel": ("Un membre du personnel", "Personnel"),
    "invite": ("Un invité (intervenant extérieur)", "Invité"),
}

#: Rôles tenus du profil (les autres viennent d'une fonction).
ROLES_DE_PROFIL = frozenset({"eleve", "parent", "enseignant", "personnel", "invite"})

#: Rôles dont le périmètre est tout l'établissement (« leurs fonctions dans l'école ou
#: l'établissement », arrêté ENT, art. 4).
ROLES_ETABLISSEMENT = frozenset({"direction", "cpe", "vie_scolaire", "secretariat",
                                 "gestionnaire", "documentaliste", "administrateur_local",
                                 "referent_numerique", "personnel"})

_ROLE_DE_FONCTION: dict[Fonction, str] = {
    Fonction.CHEF_ETABLISSEMENT: "direction",
    Fonction.ADJOINT: "direction",
    Fonction.PROFESSEUR_PRINCIPAL: "professeur_principal",
    Fonction.ADMINISTRATEUR_LOCAL: "administrateur_local",
    Fonction.CPE: "cpe",
    Fonction.VIE_SCOLAIRE: "vie_scolaire",
    Fonction.GESTIONNAIRE: "gestionnaire",
    Fonction.DOCUMENTALISTE: "documentaliste",
    Fonction.SECRETARIAT: "secretariat",
    Fonction.PARTENAIRE: "invite",
    Fonction.REFERENT_NUMERIQUE: "referent_numerique",
}

_ROLE_DE_SERVICE: dict[str, str] = {
    "direction": "direction", "vie_scolaire": "vie_scolaire", "intendance": "gestionnaire",
    "gestion": "gestionnaire", "secretariat": "secretariat", "cdi": "documentaliste",
}

#: Habilitations intégrées : donnée → rôle → actions permises (dans le périmètre du rôle).
#: Un rôle absent n'a pas à connaître la donnée. Les actions des rôles tenus du profil sont
#: en outre bornées par l'usage du catalogue (« lecture » → lire seulement).
HABILITATIONS: dict[str, dict[str, frozenset[Action]]] = {
    # Notes : les enseignants saisissent ; élève, parents, direction, CPE consultent.
    "notes": {"eleve": _L, "parent": _L, "enseignant": _TOUT, "professeur_principal": _L,
              "direction": _L, "cpe": _L},
    # Absences : l'appel (enseignant), la justification (parent), le suivi (vie scolaire).
    "absences": {"eleve": _L, "parent": _LE, "enseignant": _LE, "professeur_principal": _L,
                 "direction": _L, "cpe": _LEM, "vie_scolaire": _LEM},
    # Cahier de textes : tenu par les enseignants, visé par le chef d'établissement.
    "cahier_de_textes": {"eleve": _L, "parent": _L, "enseignant": _TOUT,
                         "professeur_principal": _L, "direction": _L, "cpe": _L,
                         "vie_scolaire": _L},
    # Emploi du temps : construit par la direction, connu de tous les membres.
    "emploi_du_temps": {"eleve": _L, "parent": _L, "enseignant": _L,
                        "professeur_principal": _L, "direction": _LEM, "cpe": _L,
                        "vie_scolaire": _L, "secretariat": _L, "gestionnaire": _L,
                        "documentaliste": _L, "administrateur_local": _L,
                        "referent_numerique": _L, "personnel": _L},
    # Dossier élève : tenu par le secrétariat de scolarité.
    "dossier_eleve": {"eleve": _L, "parent": _L, "enseignant": _L, "professeur_principal": _L,
                      "direction": _LM, "cpe": _L, "secretariat": _LEM, "gestionnaire": _L},
    # Orientation (Folios) : l'élève écrit, sa famille et ses enseignants suivent.
    "orientation": {"eleve": _TOUT, "parent": _L, "enseignant": _LE,
                    "professeur_principal": _LE, "direction": _L, "cpe": _L},
    # Catalogue du CDI : tenu par le professeur documentaliste, consulté par tous.
    "cdi": {"eleve": _L, "parent": _L, "enseignant": _L, "professeur_principal": _L,
            "direction": _L, "cpe": _L, "vie_scolaire": _L, "secretariat": _L,
            "gestionnaire": _L, "documentaliste": _TOUT, "administrateur_local": _L,
            "referent_numerique": _L, "personnel": _L},
}

#: Refus « n'a pas à connaître » propres à un rôle et à une donnée.
_PHRASES_SANS_DROIT: dict[tuple[str, str], str] = {
    ("gestionnaire", "notes"): "Le gestionnaire (intendance) n'a pas à connaître les notes "
                               "des élèves : ce n'est pas nécessaire à sa mission.",
}

#: Refus d'une action précise (le rôle a d'autres actions sur la donnée).
_PHRASES_ACTION: dict[tuple[str, str], str] = {
    ("eleve", "notes"): "Un élève consulte ses notes ; seuls ses enseignants les saisissent "
                        "ou les modifient.",
    ("parent", "notes"): "Un parent consulte les notes de son enfant ; seuls les enseignants "
                         "les saisissent ou les modifient.",
    ("direction", "notes"): "Le chef d'établissement consulte les notes (conseils de classe, "
                            "bulletins) ; seuls les enseignants les saisissent.",
    ("cpe", "notes"): "Le CPE consulte les notes pour le suivi des élèves et les conseils de "
                      "classe ; seuls les enseignants les saisissent.",
    ("parent", "absences"): "Un parent peut consulter et justifier les absences de son "
                            "enfant, pas les modifier ni les supprimer.",
    ("eleve", "absences"): "Un élève consulte ses absences ; c'est sa famille qui les "
                           "justifie et la vie scolaire qui les traite.",
}

#: Complément de périmètre, pour les phrases « … ne voit que les notes <complément>. »
_PERIMETRE_ELEVE: dict[str, str] = {
    "enseignant": "des élèves des classes où il enseigne",
    "professeur_principal": "des élèves de la classe dont il est professeur principal",
    "parent": "de ses propres enfants",
    "eleve": "le concernant",
}
_PERIMETRE_CLASSE: dict[str, str] = {
    "enseignant": "des classes où il enseigne",
    "professeur_principal": "de la classe dont il est professeur principal",
    "parent": "de la classe de ses enfants",
    "eleve": "de sa propre classe",
}


def roles_de(personne: Personne) -> list[str]:
    """Les rôles d'une personne : ceux de ses fonctions d'abord, puis celui de son profil
    (un personnel CPE a le rôle ``"cpe"`` ; un professeur principal a les rôles
    ``"professeur_principal"`` et ``"enseignant"`` ; un invité n'a que le rôle ``"invite"``).
    """
    roles: list[str] = []
    for fonction in sorted(personne.fonctions, key=lambda f: f.name):
        role = _ROLE_DE_FONCTION.get(fonction)
        if role and role not in roles:
            roles.append(role)
    profil_role = {Profil.ELEVE: "eleve", Profil.PARENT: "parent",
                   Profil.ENSEIGNANT: "enseignant", Profil.INVITE: "invite"}.get(personne.profil)
    if profil_role is not None:
        if profil_role not in roles:
            roles.append(profil_role)
    elif not roles:  # un personnel sans fonction : d'après son service, sinon « personnel »
        service = _replier(getattr(personne, "service", "") or "")
        roles.append(_ROLE_DE_SERVICE.get(service, "personnel"))
    if "invite" in roles:  # un invité, même partenaire, reste un invité
        roles = ["invite"]
    return roles


# ======================================================================================
# Usages des services (catalogue)
# ======================================================================================

class _UsagesServices(Protocol):
    def usage(self, profil: Profil, code: str) -> str | None: ...


class UsagesParDefaut:
    """Repli quand aucun catalogue n'est donné : les usages par profil sont lus directement
    dans ``data/services.csv`` (la même source que :mod:`entsim.catalogue`)."""

    _COLONNES = {Profil.ELEVE: "usage_eleve", Profil.PARENT: "usage_parent",
                 Profil.ENSEIGNANT: "usage_enseignant", Profil.PERSONNEL: "usage_personnel",
                 Profil.INVITE: "usage_invite"}

    def __init__(self) -> None:
        from .donnees import lire_csv

        self._lignes = {ligne["code"]: ligne for ligne in lire_csv("services.csv")}

    def codes(self) -> list[str]:
        return list(self._lignes)

    def nom(self, code: str) -> str:
        return self._ligne(code)["nom"]

    def _ligne(self, code: str) -> dict[str, str]:
        try:
            return self._lignes[code]
        except KeyError:
            exemples = ", ".join(list(self._lignes)[:6])
            raise Introuvable(f"Service inconnu : « {code} » (exemples : {exemples}).",
                              code="service_inconnu") from None

    def usage(self, profil: Profil, code: str) -> str | None:
        valeur = self._ligne(code)[self._COLONNES[profil]].strip()
        return None if valeur in ("", "aucun") else valeur


def _usage_normalise(valeur: object) -> str | None:
    if valeur is None:
        return None
    texte = _replier(str(getattr(valeur, "value", valeur)))
    if texte in ("", "aucun", "none"):
        return None
    if texte not in ACTIONS_PAR_USAGE:
        raise ValeurInvalide(f"Usage de service inattendu dans le catalogue : {valeur!r}.")
    return texte


# ======================================================================================
# Le service d'autorisation
# ======================================================================================

class Autorisation:
    """Le service d'autorisation de l'ENT (SDET, document 2).

    :param etablissement: l'annuaire (personnes, classes, liens).
    :param journal: le journal AAS, où chaque décision est tracée (``acces_autorise`` /
        ``acces_refuse``).
    :param horloge: l'horloge simulée (instant des conditions horaires).
    :param catalogue: le catalogue des services (``catalogue.usage(profil, code)``) ; sans
        catalogue, les usages sont lus dans ``data/services.csv``.
    :param regles: des règles explicites de départ.
    :param options_messagerie: les réglages de la matrice de messagerie.
    """

    def __init__(self, etablissement: Etablissement, journal: Journal, horloge: Horloge, *,
                 catalogue: _UsagesServices | None = None,
                 regles: Iterable[Regle] | None = None,
                 options_messagerie: "OptionsMessagerie | None" = None) -> None:
        from .messagerie_regles import ReglesMessagerie

        if not isinstance(etablissement, Etablissement):
            raise ValeurInvalide("Il faut un établissement (Etablissement) pour l'autorisation.")
        if not isinstance(journal, Journal):
            raise ValeurInvalide("Il faut un journal (Journal) pour tracer les décisions.")
        if not isinstance(horloge, Horloge):
            raise ValeurInvalide("Il faut l'horloge simulée (Horloge).")
        if catalogue is not None and not callable(getattr(catalogue, "usage", None)):
            raise ValeurInvalide("Le catalogue doit offrir usage(profil, code_service).")
        self.etablissement = etablissement
        self.journal = journal
        self.horloge = horloge
        self.catalogue = catalogue
        self._repli = UsagesParDefaut()
        self._regles: list[Regle] = []
        self.messagerie: ReglesMessagerie = ReglesMessagerie(etablissement, options_messagerie)
        for regle in regles or ():
            self.ajouter_regle(regle)

    # -- règles explicites ---------------------------------------------------------------
    def ajouter_regle(self, regle: Regle) -> Regle:
        """Ajoute une règle explicite (le cycle de vie des autorisations, SDET)."""
        if not isinstance(regle, Regle):
            raise ValeurInvalide("Il faut une règle : Regle(qui=…, actions=…, service=…).")
        if not isinstance(regle.qui, (Profil, Fonction)) and regle.qui != TOUS:
            self.etablissement.personne(regle.qui)  # message clair si inconnu
        regle = self._regle_canonique(regle)
        if regle in self._regles:
            raise ValeurInvalide(f"Cette règle existe déjà : « {regle.libelle} ».")
        self._regles.append(regle)
        return regle

    def _regle_canonique(self, regle: Regle) -> Regle:
        if regle.service == "*":
            return regle
        code = self._code_canonique(regle.service)
        self._usage(Profil.ELEVE, code)  # le service doit exister (message clair sinon)
        return regle if code == regle.service else replace(regle, service=code)

    def retirer_regle(self, regle: Regle | str) -> Regle:
        """Retire une règle (donnée elle-même ou par son libellé)."""
        if isinstance(regle, Regle):
            regle = self._regle_canonique(regle)
        for existante in self._regles:
            if existante == regle or (isinstance(regle, str) and existante.libelle == regle):
                self._regles.remove(existante)
                return existante
        nom = regle.libelle if isinstance(regle, Regle) else regle
        raise Introuvable(f"Aucune règle « {nom} » n'est en place.", code="regle_inconnue")

    def regles(self) -> list[Regle]:
        return list(self._regles)

    @property
    def options_messagerie(self) -> "OptionsMessagerie":
        return self.messagerie.options

    @options_messagerie.setter
    def options_messagerie(self, options: "OptionsMessagerie") -> None:
        from .messagerie_regles import ReglesMessagerie

        self.messagerie = ReglesMessagerie(self.etablissement, options)

    # -- outils --------------------------------------------------------------------------
    def _usage(self, profil: Profil, code: str) -> str | None:
        if self.catalogue is not None:
            return _usage_normalise(self.catalogue.usage(profil, code))
        return self._repli.usage(profil, code)

    def nom_service(self, code: str) -> str:
        """Le nom lisible d'un service (« Notes et résultats des évaluations »)."""
        if self.catalogue is not None:
            for acces in ("service", "__getitem__"):
                methode = getattr(self.catalogue, acces, None)
                if callable(methode):
                    try:
                        nom = getattr(methode(code), "nom", None)
                    except (ErreurENT, LookupError, TypeError):
                        nom = None
                    if isinstance(nom, str):
                        return nom
        try:
            return self._repli.nom(code)
        except Introuvable:
            return code

    def decrire(self, ressource: Ressource) -> str:
        """La description de la ressource, avec les noms des personnes."""
        return ressource.decrire(self.etablissement, self.nom_service(ressource.service))

    def contexte_par_defaut(self) -> ContexteAcces:
        """Maintenant (horloge simulée), depuis le réseau de l'établissement."""
        return ContexteAcces(self.horloge.maintenant(), "etablissement")

    def _verifier_ressource(self, ressource: object) -> Ressource:
        if not isinstance(ressource, Ressource):
            raise ValeurInvalide("La ressource doit être une Ressource, par exemple "
                                 "Ressource.notes_de(\"lea.martin\") ou "
                                 f"Ressource(\"actualites\") (reçu : {ressource!r}).",
                                 code="ressource_invalide")
        code = self._code_canonique(ressource.service)
        if code != ressource.service:
            ressource = replace(ressource, service=code)
        e = self.etablissement
        if ressource.eleve is not None and not isinstance(e.personne(ressource.eleve), Eleve):
            raise ValeurInvalide(f"« {ressource.eleve} » n'est pas un élève : « eleve » "
                                 f"attend l'identifiant d'un élève.",
                                 code="ressource_invalide")
        if ressource.classe is not None:
            e.classe(ressource.classe)
        if ressource.proprietaire is not None:
            e.personne(ressource.proprietaire)
        self._usage(Profil.ELEVE, ressource.service)  # service inconnu → message clair
        return ressource

    def _code_canonique(self, code: str) -> str:
        """Le code du service ; le catalogue accepte aussi son nom (« Cahier de textes »)."""
        chercher = getattr(self.catalogue, "service", None)
        if callable(chercher):
            trouve = getattr(chercher(code), "code", None)
            if isinstance(trouve, str):
                return trouve
        return code

    def _verifier_contexte(self, contexte: object) -> ContexteAcces:
        if contexte is None:
            return self.contexte_par_defaut()
        if not isinstance(contexte, ContexteAcces):
            raise ValeurInvalide("Le contexte doit être un ContexteAcces(instant, lieu, poste).")
        return contexte

    # -- le cœur : évaluer sans tracer -----------------------------------------------------
    def evaluer(self, identifiant: str, action: Action | str, ressource: Ressource, *,
                contexte: ContexteAcces | None = None) -> Decision:
        """La décision, *sans* l'écrire au journal (pour les tableaux et les simulations)."""
        personne = self.etablissement.personne(identifiant)
        action = Action.depuis(action)
        ressource = self._verifier_ressource(ressource)
        contexte = self._verifier_contexte(contexte)
        objet = self.decrire(ressource)

        def decision(autorise: bool, code: str, raison: str, regle: str | None = None):
            return Decision(autorise, code, raison, regle, personne.identifiant, action,
                            ressource, objet)

        visees = [r for r in self._regles if r.concerne(personne) and r.couvre(action, ressource)]
        # 2. Le refus l'emporte.
        for regle in visees:
            if regle.effet is Effet.REFUSER and regle.condition_manquee(contexte) is None:
                return decision(False, "regle_refus", f"Règle de l'établissement : "
                                f"{regle.libelle}.", regle.libelle)
        # 3. Habilitation : règles explicites, sinon habilitations intégrées.
        permissions = [r for r in visees if r.effet is Effet.AUTORISER]
        regle_appliquee: str | None = None
        if permissions:
            valables = [r for r in permissions if r.condition_manquee(contexte) is None]
            if not valables:
                condition = permissions[0].condition_manquee(contexte)
                return decision(False, condition.code_echec, condition.raison_echec(contexte),
                                permissions[0].libelle)
            regle_appliquee = valables[0].libelle
            roles = roles_de(personne)
        else:
            refus, roles = self._habilitation(personne, action, ressource)
            if refus is not None:
                return decision(False, *refus)
        # 4. Besoin d'en connaître.
        autorise, code, raison = self._perimetre(personne, action, ressource, roles)
        if regle_appliquee is not None and autorise:
            raison = f"Règle de l'établissement : {regle_appliquee}. {raison}"
        return decision(autorise, code, raison, regle_appliquee)

    def _habilitation(self, personne: Personne, action: Action, ressource: Ressource
                      ) -> tuple[tuple[str, str] | None, list[str]]:
        """Habilitations intégrées : (refus ou None, rôles qui permettent l'action)."""
        code = ressource.service
        usage = self._usage(personne.profil, code)
        nom = self.nom_service(code)
        roles = roles_de(personne)
        table = HABILITATIONS.get(code)
        if usage is None:
            if code in SERVICES_PAR_ELEVE | SERVICES_PAR_CLASSE and roles[0] == "invite":
                return ("profil_non_habilite",
                        "Un invité (intervenant extérieur) n'a accès à aucune donnée "
                        "personnelle des élèves (notes, absences, dossier, cahier de "
                        "textes…)."), []
            return ("profil_non_habilite",
                    f"Le service « {nom} » n'est pas ouvert au profil "
                    f"{personne.profil.value} dans cet ENT."), []
        plafond = ACTIONS_PAR_USAGE[usage]
        if table is None:  # service sans données de vie scolaire : l'usage du catalogue
            if action in plafond:
                return None, roles
            return ("action_non_permise",
                    f"Le profil {personne.profil.value} peut seulement lire le service "
                    f"« {nom} » : l'action « {action.value} » ne lui est pas permise."), []
        droits = {role: (table.get(role, frozenset()) & plafond if role in ROLES_DE_PROFIL
                         else table.get(role, frozenset())) for role in roles}
        permis = [role for role in roles if action in droits[role]]
        if permis:
            return None, permis
        avec_droits = [role for role in roles if droits[role]]
        if avec_droits:
            role = avec_droits[0]
            phrase = _PHRASES_ACTION.get((role, code))
            if phrase is None:
                phrase = (f"{ROLES[role][0]} peut seulement {_liste_actions(droits[role])} "
                          f"{_GN[code]} : l'action « {action.value} » ne lui est pas permise.")
            return ("action_non_permise", phrase), []
        role = roles[0]
        phrase = _PHRASES_SANS_DROIT.get((role, code)) or (
            f"{ROLES[role][0]} n'a pas à connaître {_GN_TOUS.get(code, _GN[code])} : ce "
            f"n'est pas nécessaire à sa mission (besoin d'en connaître).")
        return ("profil_non_habilite", phrase), []

    def _perimetre(self, personne: Personne, action: Action, ressource: Ressource,
                   roles: list[str]) -> tuple[bool, str, str]:
        """Le besoin d'en connaître : (autorisé, code, raison)."""
        e = self.etablissement
        ident = personne.identifiant
        code = ressource.service
        gn = _GN.get(code, f"le service « {self.nom_service(code)} »")
        verbe = "ne voit que" if action is Action.LIRE else "ne peut agir que sur"
        # Messagerie : l'envoi suit la matrice ; la boîte reste privée.
        if code == "messagerie" and ressource.partie == PARTIE_MESSAGE \
                and ressource.proprietaire is not None and action is Action.ECRIRE:
            verdict = self.messagerie.verdict(personne, e.personne(ressource.proprietaire))
            return verdict.autorise, verdict.code, verdict.raison
        if code in SERVICES_PERSONNELS and ressource.proprietaire is not None:
            if ressource.proprietaire == ident:
                return True, "autorise", "C'est son propre espace : chacun accède à ses " \
                                         "messages et à ses documents."
            if code == "messagerie":
                return False, "hors_perimetre", (
                    "Personne ne lit les messages privés d'un autre utilisateur, pas même le "
                    "chef d'établissement (secret des correspondances).")
            return False, "hors_perimetre", (
                f"Seul son propriétaire accède à cet espace personnel ({gn}).")
        if ressource.eleve is not None:
            eleve = e.personne(ressource.eleve)
            for role in roles:
                if self._voit_eleve(role, personne, eleve):  # type: ignore[arg-type]
                    return True, "autorise", self._raison_ok(role, eleve.nom_complet, False)
            return False, "hors_perimetre", self._raison_hors(roles, gn, verbe, False)
        if ressource.classe is not None:
            for role in roles:
                if self._voit_classe(role, personne, ressource.classe):
                    return True, "autorise", self._raison_ok(role, ressource.classe, True)
            return False, "hors_perimetre", self._raison_hors(roles, gn, verbe, True)
        if ressource.proprietaire is not None:
            if ressource.proprietaire == ident or any(r in ROLES_ETABLISSEMENT for r in roles):
                return True, "autorise", "Cette donnée le concerne ou relève de ses fonctions."
            return False, "hors_perimetre", f"{ROLES[roles[0]][0]} {verbe} {gn} le concernant."
        table = HABILITATIONS.get(code)
        if table is not None and roles and roles[0] in table:
            return True, "autorise", (f"{ROLES[roles[0]][0]} peut "
                                      f"{_liste_actions(table[roles[0]])} {gn}.")
        usage = self._usage(personne.profil, code)
        precision = (f"(usage : {_LIBELLES_USAGE[usage]})" if usage is not None
                     else "par cette règle")
        return True, "autorise", (f"Le service « {self.nom_service(code)} » est ouvert au "
                                  f"profil {personne.profil.value} {precision}.")

    def _voit_eleve(self, role: str, personne: Personne, eleve: Eleve) -> bool:
        e = self.etablissement
        if role == "eleve":
            return personne.identifiant == eleve.identifiant
        if role == "parent":
            return e.est_responsable_de(personne.identifiant, eleve.identifiant)
        if role == "enseignant":
            return e.enseigne_a(personne.identifiant, eleve.classe)
        if role == "professeur_principal":
            return self._est_pp(personne.identifiant, eleve.classe)
        return role in ROLES_ETABLISSEMENT

    def _voit_classe(self, role: str, personne: Personne, classe: str) -> bool:
        e = self.etablissement
        if role == "eleve":
            return isinstance(personne, Eleve) and personne.classe == classe
        if role == "parent":
            return classe in e.classes_de(personne.identifiant)
        if role == "enseignant":
            return e.enseigne_a(personne.identifiant, classe)
        if role == "professeur_principal":
            return self._est_pp(personne.identifiant, classe)
        return role in ROLES_ETABLISSEMENT

    def _est_pp(self, identifiant: str, classe: str) -> bool:
        c = self.etablissement.classes.get(classe)
        return c is not None and c.professeur_principal == identifiant

    @staticmethod
    def _raison_ok(role: str, sujet: str, par_classe: bool) -> str:
        if role == "eleve":
            return ("C'est sa propre classe : un élève a accès à la vie scolaire de sa classe."
                    if par_classe else
                    "Ce sont ses propres données : un élève a accès aux informations le "
                    "concernant.")
        if role == "parent":
            lien = (f"La classe {sujet} est celle de son enfant" if par_classe
                    else f"{sujet} est son enfant")
            return (f"{lien} : un parent a accès à la vie scolaire de ses enfants "
                    "(avis de la CNIL).")
        if role == "enseignant":
            lien = (f"Cette personne enseigne en {sujet}" if par_classe
                    else f"{sujet} est son élève")
            return (f"{lien} : un enseignant a accès à la scolarité de ses élèves "
                    "(arrêté ENT, art. 4).")
        if role == "professeur_principal":
            return ("Cette personne est professeur principal de la classe : elle suit la "
                    "scolarité de ses élèves (arrêté ENT, art. 4).")
        return (f"{ROLES[role][0]} y a accès pour tout l'établissement, dans le cadre de ses "
                f"fonctions (arrêté ENT, art. 4).")

    @staticmethod
    def _raison_hors(roles: list[str], gn: str, verbe: str, par_classe: bool) -> str:
        table = _PERIMETRE_CLASSE if par_classe else _PERIMETRE_ELEVE
        for role in table:  # du périmètre le plus large au plus étroit
            if role in roles:
                return f"{ROLES[role][0]} {verbe} {gn} {table[role]}."
        return f"{ROLES[roles[0]][0]} n'a pas à connaître {gn} de cette personne."

    # -- décisions tracées -----------------------------------------------------------------
    def _tracer(self, decision: Decision, contexte: ContexteAcces | None) -> None:
        self.journal.enregistrer(
            "acces_autorise" if decision.autorise else "acces_refuse",
            identite=decision.identifiant, service=decision.ressource.service,
            poste=contexte.poste if contexte is not None else None,
            resultat="succes" if decision.autorise else "echec",
            detail=decision.raison, objet=f"{decision.objet} ({decision.action.value})")

    def decider(self, identifiant: str, action: Action | str, ressource: Ressource, *,
                contexte: ContexteAcces | None = None) -> Decision:
        """Décide si ``identifiant`` peut faire ``action`` sur ``ressource`` et trace la
        décision au journal (SDET, traçabilité : chaque opération datée et reliée à une
        identité)."""
        decision = self.evaluer(identifiant, action, ressource, contexte=contexte)
        self._tracer(decision, contexte)
        return decision

    def peut_acceder_service(self, identifiant: str, code_service: str, *,
                             contexte: ContexteAcces | None = None,
                             journaliser: bool = True) -> Decision:
        """Le contrôle d'accès à un service, appelé par le serveur SSO avant d'émettre un
        ticket (étape 3 de la cinématique du SDET) ; tracé au journal, sauf
        ``journaliser=False`` (quand l'appelant trace lui-même la décision)."""
        verifier_texte(code_service, "code_service")
        if journaliser:
            return self.decider(identifiant, Action.LIRE, Ressource(code_service),
                                contexte=contexte)
        return self.evaluer(identifiant, Action.LIRE, Ressource(code_service),
                            contexte=contexte)

    # -- messagerie --------------------------------------------------------------------------
    def peut_ecrire_a(self, expediteur: str, destinataire: str, *,
                      contexte: ContexteAcces | None = None,
                      journaliser: bool = False) -> Decision:
        """``expediteur`` peut-il écrire à ``destinataire`` ? Matrice de messagerie, plus
        les règles explicites sur le service « messagerie » (un refus la nuit, par
        exemple). Simple vérification par défaut ; ``journaliser=True`` quand un envoi est
        réellement tenté (la tentative est alors tracée)."""
        self.etablissement.personne(destinataire)
        ressource = Ressource.message_a(destinataire)
        if journaliser:
            return self.decider(expediteur, Action.ECRIRE, ressource, contexte=contexte)
        return self.evaluer(expediteur, Action.ECRIRE, ressource, contexte=contexte)

    def destinataires_possibles(self, identifiant: str, *,
                                contexte: ContexteAcces | None = None) -> list[str]:
        """Les identifiants auxquels cette personne peut écrire (elle-même exclue), triés."""
        self.etablissement.personne(identifiant)
        return sorted(autre for autre in self.etablissement.personnes
                      if autre != identifiant
                      and self.peut_ecrire_a(identifiant, autre, contexte=contexte).autorise)

    def matrice_messagerie(self):
        """La matrice de messagerie profil × profil (``pandas.DataFrame``, en français)."""
        return self.messagerie.matrice()

    # -- pour la classe ------------------------------------------------------------------
    def representants(self) -> list[str]:
        """Une personne par rôle, pour voir « la même action vue de chaque rôle » : un
        élève, un de ses parents, un de ses enseignants, un élève d'une autre famille, puis
        direction, CPE, vie scolaire, secrétariat, gestionnaire, documentaliste, invité."""
        e = self.etablissement
        choix: list[str] = []
        eleves = sorted(e.eleves(), key=lambda p: p.identifiant)
        if eleves:
            premier = eleves[0]
            choix.append(premier.identifiant)
            choix += [p.identifiant for p in e.responsables_de(premier.identifiant)][:1]
            if premier.classe:
                choix += [p.identifiant for p in e.enseignants_de(premier.classe)][:1]
        for fonction in (Fonction.CHEF_ETABLISSEMENT, Fonction.CPE, Fonction.VIE_SCOLAIRE,
                         Fonction.SECRETARIAT, Fonction.GESTIONNAIRE, Fonction.DOCUMENTALISTE):
            choix += sorted(p.identifiant for p in e.avec_fonction(fonction))[:1]
        choix += sorted(p.identifiant for p in e.invites())[:1]
        vus: list[str] = []
        for ident in choix:
            if ident not in vus:
                vus.append(ident)
        return vus

    def _libelle_personne(self, personne: Personne) -> str:
        fonctions = [f.value for f in sorted(personne.fonctions, key=lambda f: f.name)]
        return personne.profil.value + (f" — {', '.join(fonctions)}" if fonctions else "")

    def tableau_droits(self, identifiants: Iterable[str] | str | None = None,
                       ressources: Iterable[Ressource] | Ressource | None = None,
                       actions: Iterable[Action | str] | Action | str = Action.LIRE, *,
                       contexte: ContexteAcces | None = None):
        """« La même action vue de chaque rôle » : un ``pandas.DataFrame`` d'une ligne par
        (personne, action, ressource), avec ✓/✗ *et* un mot, et le motif en toutes lettres.
        Rien n'est écrit au journal (c'est une simulation).

        Sans ``identifiants`` : :meth:`representants`.
        """
        import pandas as pd

        if identifiants is None:
            identifiants = self.representants()
        elif isinstance(identifiants, str):
            identifiants = [identifiants]
        if ressources is None:
            raise ValeurInvalide("Donnez au moins une ressource, par exemple "
                                 "Ressource.notes_de(\"lea.martin\").")
        if isinstance(ressources, Ressource):
            ressources = [ressources]
        if isinstance(actions, (str, Action)):
            actions = [actions]
        actions = [Action.depuis(a) for a in actions]
        lignes = []
        for ident in identifiants:
            personne = self.etablissement.personne(ident)
            for ressource in ressources:
                for action in actions:
                    d = self.evaluer(ident, action, ressource, contexte=contexte)
                    lignes.append({
                        "Personne": personne.nom_complet,
                        "Profil / fonction": self._libelle_personne(personne),
                        "Action": action.value,
                        "Ressource": d.objet,
                        "Décision": d.symbole,
                        "Motif": d.raison,
                    })
        colonnes = ["Personne", "Profil / fonction", "Action", "Ressource", "Décision",
                    "Motif"]
        return pd.DataFrame(lignes, columns=colonnes)

    def expliquer(self, decision: Decision) -> str:
        """L'explication complète d'une décision, en français, sur quelques lignes."""
        if not isinstance(decision, Decision):
            raise ValeurInvalide("expliquer() attend une décision, par exemple le résultat "
                                 "de autorisation.decider(…).")
        personne = self.etablissement.personne(decision.identifiant)
        lignes = [
            f"Décision : {decision.symbole} ({decision.libelle}, code « {decision.code} »).",
            f"Qui : {personne.nom_complet} ({self._libelle_personne(personne)}).",
            f"Action : {decision.action.value}.",
            f"Ressource : {decision.objet or decision.ressource.description}.",
            f"Motif : {decision.raison}",
        ]
        if decision.regle:
            lignes.append(f"Règle appliquée : {decision.regle}.")
        return "\n".join(lignes)

    def __repr__(self) -> str:
        return (f"Autorisation({self.etablissement.nom!r}, {len(self._regles)} règle(s) "
                f"explicite(s))")
