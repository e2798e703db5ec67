"""Les actions d'une habilitation : les quatre actions du SDET et leurs synonymes.

SDET, document 2 : « Une action peut être une opération de lecture, écriture, modification
ou suppression. » Un élève peut écrire l'action comme il la dit (« consulter », « saisir »,
« mettre à jour »…) : :meth:`Action.depuis` la reconnaît, sans tenir compte des accents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum

from entsim.etablissement.identifiants import replier
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

__all__ = ["replier_cle", "Action", "TOUTES_LES_ACTIONS", "ACTIONS_PAR_USAGE", "liste_actions"]


def replier_cle(texte: str) -> str:
    """Minuscules sans accents (:func:`entsim.etablissement.identifiants.replier`), espaces, apostrophes et
    tirets ramenés à « _ » : la clé sous laquelle on reconnaît ce qu'un élève écrit."""
    return re.sub(r"[ '’-]", "_", replier(texte.strip()))


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
                f"L'action doit être un texte comme « lire », « écrire », « modifier » ou "
                f"« supprimer » (reçu : {cite(valeur)}).", code="action_invalide")
        action = _SYNONYMES_ACTION.get(replier_cle(valeur))
        if action is None:
            raise ValeurInvalide(
                f"Action inconnue : {cite(valeur)}. Les actions possibles sont « lire », "
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
