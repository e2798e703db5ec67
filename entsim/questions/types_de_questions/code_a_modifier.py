"""Le code à modifier (:class:`CodeAModifier`) : l'élève modifie une ligne de code, exécute
la cellule et observe ; la correction porte sur la valeur obtenue, pas sur le code écrit.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from entsim.questions.ecriture import affiche
from entsim.questions.normalisation import (est_vide, _lire_nombre, normaliser,
                                            ReponseInvalide)
from entsim.questions.question import Question
from entsim.questions.retours import Correction


@dataclass(frozen=True, kw_only=True, repr=False)
class CodeAModifier(Question):
    """L'élève modifie une ligne de code, exécute et observe ; la correction porte sur la
    valeur obtenue (la variable ``reponse_<id>`` calculée par la cellule).

    ``ligne_de_depart`` : la ligne telle que l'exercice la donne (c'est l'amorce, à la place
    de la région de solution) ; ``ligne_modifiee`` : une modification juste (corrigé) ;
    ``attendu`` : la valeur attendue, ou ``predicat`` : une fonction valeur → bool ;
    ``valeur_de_depart`` : la valeur obtenue sans modification (l'élève n'a encore rien
    fait : statut ``"vide"``) ; ``observation`` : ce qu'il fallait observer (retour) ;
    ``message_depart`` : le retour quand la cellule donne encore la valeur de départ (par
    défaut : « La ligne n'a pas encore été modifiée… ») — à écrire quand d'autres
    modifications que l'absence de modification donnent aussi cette valeur.
    """

    ligne_de_depart: str
    ligne_modifiee: str
    exemple: object
    attendu: object = None
    predicat: Callable[[object], bool] | None = None
    valeur_de_depart: object = None
    observation: str = ""
    message_depart: str = ""

    def amorce(self) -> str:
        return f"{self.ligne_de_depart}  # ← la ligne à modifier"

    def exemple_de_reponse(self) -> object:
        return self.exemple

    def _est_vide(self, reponse: object) -> bool:
        return reponse is Ellipsis or reponse == self.valeur_de_depart or (
            self.valeur_de_depart is not None and est_vide(reponse))

    def _vide(self) -> Correction:
        return self._correction(0, "vide", self.message_depart or (
            "La ligne n'a pas encore été modifiée (ou la cellule n'a pas été exécutée) : "
            "changez la ligne indiquée, exécutez la cellule et observez."))

    def _corriger(self, reponse: object) -> Correction:
        if self.predicat is not None:
            ok = bool(self.predicat(reponse))
        elif isinstance(self.attendu, (int, float)) and not isinstance(self.attendu, bool):
            try:
                ok = math.isclose(_lire_nombre(reponse), float(self.attendu), abs_tol=1e-9)
            except ReponseInvalide:
                ok = False
        elif isinstance(self.attendu, str) and isinstance(reponse, str):
            ok = normaliser(reponse) == normaliser(self.attendu)
        else:
            ok = reponse == self.attendu
        details = [self.observation] if self.observation else []
        if ok:
            return self._correction(self.points, "juste", "Bien observé : la modification "
                                                          "donne le résultat attendu.", details)
        return self._correction(0, "faux", f"La cellule donne « {affiche(reponse)} » : ce "
                                           "n'est pas encore le résultat attendu. Relisez la "
                                           "consigne, modifiez la ligne et réexécutez.")
