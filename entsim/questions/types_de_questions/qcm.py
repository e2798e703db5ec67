"""La question à choix (:class:`QCM`) : choix unique ou multiple ; l'élève répond par la
lettre (``"A"``, ``"b"``), le numéro du choix (``1`` pour A) ou le texte du choix ; crédit
partiel pour un choix multiple.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from entsim.questions.lettres import LETTRES, choix_depuis, liste_lettres
from entsim.questions.normalisation import normaliser, ReponseInvalide
from entsim.questions.question import Question
from entsim.questions.retours import Correction
from entsim.socle.erreurs import ValeurInvalide


def _choix_multiples(reponse: object, choix: Sequence[str]) -> list[int]:
    if isinstance(reponse, (list, tuple, set, frozenset)):
        elements = list(reponse)
        if isinstance(reponse, (set, frozenset)):
            elements = sorted(elements, key=repr)
    elif isinstance(reponse, str):
        brut = reponse.strip()
        if re.fullmatch(r"[A-Za-z]{2,}", brut) and all(c.upper() in LETTRES[: len(choix)]
                                                       for c in brut) \
                and not any(normaliser(brut) == normaliser(t) for t in choix):
            elements = list(brut)                    # « AC »
        elif re.search(r"[,;/+]|\bet\b", brut) and not any(
                normaliser(brut) == normaliser(t) for t in choix):
            elements = [e for e in re.split(r"\s*(?:[,;/+]|\bet\b)\s*", brut) if e]
        else:
            elements = [brut]
    else:
        elements = [reponse]
    indices: list[int] = []
    for element in elements:
        i = choix_depuis(element, choix)
        if i not in indices:
            indices.append(i)
    return indices


@dataclass(frozen=True, kw_only=True, repr=False)
class QCM(Question):
    """Question à choix. ``bonnes`` : les lettres des bonnes réponses (``"B"`` ou
    ``("A", "C")``). ``multiple`` : plusieurs réponses possibles (par défaut : vrai s'il y a
    plusieurs bonnes réponses). ``explications`` : lettre → phrase affichée si l'élève
    choisit ce choix à tort.

    Choix multiple : note = (bonnes cochées − mauvaises cochées) / nombre de bonnes,
    jamais négative.
    """

    choix: tuple[str, ...]
    bonnes: tuple[str, ...] | str
    multiple: bool | None = None
    explications: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "choix", tuple(self.choix))
        if not 2 <= len(self.choix) <= len(LETTRES):
            raise ValeurInvalide(f"Question {self.id} : il faut au moins deux choix.")
        bonnes = (self.bonnes,) if isinstance(self.bonnes, str) else tuple(self.bonnes)
        indices = []
        for b in bonnes:
            try:
                indices.append(choix_depuis(b, self.choix))
            except ReponseInvalide:
                raise ValeurInvalide(f"Question {self.id} : bonne réponse {b!r} inconnue.") \
                    from None
        if not indices:
            raise ValeurInvalide(f"Question {self.id} : aucune bonne réponse.")
        object.__setattr__(self, "bonnes", tuple(LETTRES[i] for i in sorted(set(indices))))
        if self.multiple is None:
            object.__setattr__(self, "multiple", len(self.bonnes) > 1)
        elif not self.multiple and len(self.bonnes) > 1:
            raise ValeurInvalide(f"Question {self.id} : choix unique mais plusieurs bonnes "
                                 "réponses.")
        object.__setattr__(self, "explications",
                           {k.upper(): v for k, v in dict(self.explications).items()})

    def consigne(self) -> str:
        regle = ("Plusieurs réponses possibles : donnez les lettres en une ligne, par exemple "
                 '`"AC"` (ou la liste `["A", "C"]`).' if self.multiple else
                 'Une seule réponse : donnez sa lettre, par exemple `"B"`.')
        return f"{self.enonce}\n\n{liste_lettres(self.choix)}\n\n*{regle}*"

    def exemple_de_reponse(self) -> object:
        return list(self.bonnes) if self.multiple else self.bonnes[0]

    def _choisis(self, reponse: object) -> list[int]:
        """Les numéros des choix de la réponse (lecture seule : n'utilise pas le corrigé)."""
        if self.multiple:
            return _choix_multiples(reponse, self.choix)
        if isinstance(reponse, (list, tuple, set, frozenset)):
            if len(reponse) != 1:
                raise ReponseInvalide("Une seule réponse est attendue : donnez une seule "
                                       "lettre, par exemple \"B\".")
            reponse = next(iter(reponse))
        return [choix_depuis(reponse, self.choix)]

    def _corriger(self, reponse: object) -> Correction:
        bonnes = {LETTRES.index(b) for b in self.bonnes}
        choisis = self._choisis(reponse)
        mauvaises = [i for i in choisis if i not in bonnes]
        trouvees = [i for i in choisis if i in bonnes]
        details = [f"{LETTRES[i]} : {self.explications[LETTRES[i]]}"
                   for i in mauvaises if LETTRES[i] in self.explications]
        if not self.multiple:
            if trouvees:
                return self._correction(self.points, "juste", "Bonne réponse.")
            lettre = LETTRES[mauvaises[0]]
            return self._correction(0, "faux", f"La réponse {lettre} n'est pas la bonne.",
                                    details)
        manquantes = len(bonnes) - len(trouvees)
        if manquantes:
            details.append(f"Il manque {manquantes} bonnes réponses."
                           if manquantes > 1 else "Il manque une bonne réponse.")
        if mauvaises:
            lettres = ", ".join(LETTRES[i] for i in mauvaises)
            details.insert(0, f"Choix à revoir : {lettres}.")
        part = (len(trouvees) - len(mauvaises)) / len(bonnes)
        return self._proportion(part, "Bonne réponse : tous les bons choix, et eux seuls.",
                                "Réponse en partie juste.", "Réponse fausse.", details)
