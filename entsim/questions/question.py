"""La question notée, base commune de tous les types de questions (:class:`Question`).

Elle porte l'identifiant (qui nomme la variable ``reponse_<id>`` de la fiche), l'énoncé, le
barème et les indices ; :meth:`Question.corriger` ne lève jamais d'exception sur une réponse
d'élève : une réponse absente donne le statut « vide », une réponse d'une forme absurde le
statut « invalide », toujours avec un message en français.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from entsim.questions.ecriture import points_fr
from entsim.questions.normalisation import est_vide, ReponseInvalide, verifier_taille
from entsim.questions.retours import Correction
from entsim.socle.erreurs import ErreurENT, ValeurInvalide


#: Motif de l'amorce laissée dans les exercices à la place d'une réponse.
AMORCE = "reponse_{qid} = None  # À compléter"


@dataclass(frozen=True, kw_only=True, repr=False)
class Question:
    """Une question notée. Les sous-classes définissent ``_corriger`` et ``exemple_de_reponse``.

    ``id`` : identifiant court (``"q13a"``) qui nomme la variable ``reponse_q13a`` ;
    ``enonce`` : la consigne (markdown, en français) ; ``points`` : le barème ;
    ``indices`` : les indices, du plus discret au plus précis ; ``titre`` : un titre court.
    """

    id: str
    enonce: str
    points: float = 1.0
    indices: tuple[str, ...] = ()
    titre: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not re.fullmatch(r"q[0-9]+[a-z]?", self.id):
            raise ValeurInvalide(f"Identifiant de question invalide : {self.id!r} (forme "
                                 "attendue : q1, q13a…).")
        if isinstance(self.points, bool) or not isinstance(self.points, (int, float)) \
                or self.points <= 0:
            raise ValeurInvalide(f"Question {self.id} : le barème doit être un nombre positif.")
        object.__setattr__(self, "indices", tuple(self.indices))

    # -- API publique -----------------------------------------------------------------------
    @property
    def variable(self) -> str:
        """Le nom de la variable de réponse dans la fiche : ``reponse_<id>``."""
        return f"reponse_{self.id}"

    def amorce(self) -> str:
        """La ligne laissée dans l'exercice à la place de la réponse modèle."""
        return AMORCE.format(qid=self.id)

    def consigne(self) -> str:
        """L'énoncé complet en markdown (avec les choix, les éléments à classer…)."""
        return self.enonce

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        """Affichée dans un notebook, une question montre sa consigne complète."""
        texte = f"**{self.titre or 'Question ' + self.id}** ({points_fr(self.points)})" \
                f"\n\n{self.consigne()}"
        return {"text/markdown": texte, "text/plain": texte}

    # La représentation ne montre jamais la réponse attendue (``attendu``, ``bonnes``,
    # ``exemple``…) : un élève qui affiche une question ou ``f.questions`` ne voit que son
    # identifiant, son titre, son barème (repr) ou sa consigne (str, affichage notebook).
    def __repr__(self) -> str:
        titre = f" « {self.titre} »" if self.titre else ""
        return f"<{type(self).__name__} {self.id}{titre}, {points_fr(self.points)}>"

    def __str__(self) -> str:
        return self._repr_mimebundle_()["text/plain"]

    def corriger(self, reponse: object) -> Correction:
        """Corrige une réponse d'élève. Ne lève jamais d'exception."""
        try:
            verifier_taille(reponse)
            if self._est_vide(reponse):
                return self._vide()
            return self._corriger(reponse)
        except ReponseInvalide as erreur:
            return self._correction(0, "invalide", str(erreur))
        except ErreurENT as erreur:
            return self._correction(0, "invalide", str(erreur))
        except RecursionError:
            return self._correction(0, "invalide", "La réponse est trop imbriquée : gardez "
                                                   "la forme de l'exemple.")
        except Exception:  # une réponse absurde ne doit jamais faire planter la fiche
            return self._correction(0, "invalide", "Cette réponse n'a pas la forme attendue : "
                                                   "relisez la consigne et l'exemple.")

    def exemple_de_reponse(self) -> object:  # pragma: no cover - redéfinie partout
        raise NotImplementedError

    # -- outils des sous-classes ------------------------------------------------------------
    def _est_vide(self, reponse: object) -> bool:
        return est_vide(reponse)

    def _vide(self) -> Correction:
        return self._correction(0, "vide", f"Pas encore de réponse : remplacez None par votre "
                                           f"réponse dans la cellule « {self.variable} = … », "
                                           "puis exécutez-la.")

    def _corriger(self, reponse: object) -> Correction:  # pragma: no cover
        raise NotImplementedError

    def _correction(self, points: float, statut: str, message: str,
                    details: Iterable[str] = (), pour_le_professeur: Iterable[str] = (),
                    provisoire: bool = False) -> Correction:
        return Correction(self.id, round(float(points), 4), float(self.points), statut,
                          message, tuple(details), tuple(pour_le_professeur), provisoire)

    def _proportion(self, part: float, message_juste: str, message_partiel: str,
                    message_faux: str, details: Iterable[str] = (),
                    pour_le_professeur: Iterable[str] = (),
                    provisoire: bool = False) -> Correction:
        part = min(1.0, max(0.0, part))
        extra = {"pour_le_professeur": pour_le_professeur, "provisoire": provisoire}
        if part >= 1 - 1e-9:
            return self._correction(self.points, "juste", message_juste, details, **extra)
        if part <= 1e-9:
            return self._correction(0, "faux", message_faux, details, **extra)
        points = round(self.points * part * 4) / 4       # au quart de point
        if points <= 0:
            points = 0.25 if self.points >= 0.25 else self.points * part
        if points >= self.points:
            points = self.points - 0.25
        return self._correction(points, "partiel", message_partiel, details, **extra)
