"""La mise en ordre (:class:`MiseEnOrdre`) : remettre des étapes dans l'ordre (par exemple
les 8 étapes d'une connexion du SDET) ; la note suit la plus longue suite d'étapes déjà
dans le bon ordre.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from entsim.questions.ecriture import nom_type
from entsim.questions.lettres import LETTRES, choix_depuis, liste_lettres
from entsim.questions.normalisation import ReponseInvalide
from entsim.questions.question import Question
from entsim.questions.retours import Correction
from entsim.socle.erreurs import ValeurInvalide


@dataclass(frozen=True, kw_only=True, repr=False)
class MiseEnOrdre(Question):
    """Remettre des étapes dans l'ordre. ``etapes`` : dans le bon ordre ; ``presentation`` :
    l'ordre (mélangé) dans lequel l'énoncé les montre, avec les lettres A, B…

    L'élève donne la liste des lettres (ou des textes) dans l'ordre. Note : part des étapes
    de la plus longue suite déjà dans le bon ordre (plus longue sous-suite commune).
    """

    etapes: tuple[str, ...]
    presentation: tuple[int, ...]

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "etapes", tuple(self.etapes))
        object.__setattr__(self, "presentation", tuple(self.presentation))
        if sorted(self.presentation) != list(range(len(self.etapes))):
            raise ValeurInvalide(f"Question {self.id} : « presentation » doit mélanger les "
                                 f"numéros 0 à {len(self.etapes) - 1}.")

    @property
    def affichees(self) -> tuple[str, ...]:
        """Les étapes dans l'ordre de l'énoncé (lettre A = la première)."""
        return tuple(self.etapes[i] for i in self.presentation)

    def consigne(self) -> str:
        return (f"{self.enonce}\n\n{liste_lettres(self.affichees)}\n\n*Donnez les lettres "
                f"dans l'ordre, en une ligne, par exemple `\"CA…\"` (ici {len(self.etapes)} "
                f"lettres ; ou la liste `[\"C\", \"A\", …]`).*")

    def exemple_de_reponse(self) -> object:
        return [LETTRES[self.presentation.index(i)] for i in range(len(self.etapes))]

    def _ordre(self, reponse: object) -> list[int]:
        """La réponse lue : les numéros des étapes (dans ``etapes``) dans l'ordre donné."""
        if isinstance(reponse, str):
            morceaux = [m for m in re.split(r"[\s,;>\-]+", reponse.strip()) if m]
            if len(morceaux) == 1 and len(morceaux[0]) == len(self.etapes):
                morceaux = list(morceaux[0])
            reponse = morceaux
        if not isinstance(reponse, (list, tuple)):
            raise ReponseInvalide("Donnez la liste des lettres dans l'ordre, par exemple "
                                   f"[\"C\", \"A\", …] (reçu : {nom_type(reponse)}).")
        return [self.presentation[choix_depuis(r, self.affichees, "étape")] for r in reponse]

    def _corriger(self, reponse: object) -> Correction:
        ordre = self._ordre(reponse)
        details = []
        doublons = sorted({LETTRES[self.presentation.index(i)] for i in ordre
                           if ordre.count(i) > 1})
        if doublons:
            details.append(("Étape citée plusieurs fois : " if len(doublons) == 1 else
                            "Étapes citées plusieurs fois : ") + ", ".join(doublons) + ".")
        absentes = [LETTRES[self.presentation.index(i)] for i in range(len(self.etapes))
                    if i not in ordre]
        if absentes:
            details.append(("Étape oubliée : " if len(absentes) == 1 else "Étapes oubliées : ")
                           + ", ".join(sorted(absentes)) + ".")
        # plus longue sous-suite croissante (étapes déjà dans le bon ordre relatif)
        n = len(self.etapes)
        meilleure = [1] * len(ordre)
        for i in range(len(ordre)):
            for j in range(i):
                if ordre[j] < ordre[i]:
                    meilleure[i] = max(meilleure[i], meilleure[j] + 1)
        bien = max(meilleure, default=0)
        if ordre == list(range(n)):
            return self._correction(self.points, "juste", "Les étapes sont dans le bon ordre.")
        premiere = next((k for k in range(min(len(ordre), n)) if ordre[k] != k), None)
        if premiere is not None:
            details.append(f"Le début est juste jusqu'à l'étape {premiere} ; la position "
                           f"{premiere + 1} est à revoir." if premiere else
                           "La première étape n'est pas la bonne.")
        part = (bien - 1) / (n - 1) if n > 1 and not doublons else 0.0
        if len(ordre) != n:
            part = min(part, (len(set(ordre)) - 1) / (n - 1) * 0.5)
        return self._proportion(part, "Les étapes sont dans le bon ordre.",
                                f"{bien} étapes sur {n} sont dans le bon ordre les unes par "
                                "rapport aux autres.", "L'ordre n'est pas encore le bon.",
                                details)
