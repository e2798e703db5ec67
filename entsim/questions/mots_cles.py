"""Les idées attendues d'une réponse rédigée (:class:`MotsCles`) et leur recherche dans le
texte de l'élève.

Une idée s'exprime par des variantes (accents et majuscules ignorés, ``verifi*`` pour un
radical, mots dans l'ordre avec deux mots intercalés au plus) ; une idée écrite à la forme
négative (« ce n'est pas … », « ni … », « ne … pas ») peut être écartée.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from entsim.questions.normalisation import normaliser
from entsim.socle.erreurs import ValeurInvalide


def motif_variante(variante: str) -> re.Pattern[str]:
    """Motif d'une variante : mots dans l'ordre (deux mots intercalés au plus) ; un mot
    terminé par ``*`` est un radical (``verifi*`` → vérifier, vérification…)."""
    mots = normaliser(variante.replace("*", " ETOILE ")).replace(" etoile", "*").split()
    morceaux = []
    for mot in mots:
        if mot.endswith("*"):
            morceaux.append(r"\b" + re.escape(mot[:-1]) + r"\w*")
        else:
            morceaux.append(r"\b" + re.escape(mot) + r"\b")
    return re.compile(r"(?:\s+\w+){0,2}?\s+".join(morceaux))


#: Mots qui rendent négative la tournure qui les suit (« ce n'est pas … », « ni … »).
MOTS_NEGATIFS = frozenset({"pas", "ni", "jamais", "aucun", "aucune", "nullement"})

#: « pas seulement », « pas uniquement »… : une restriction, pas une négation.
_APRES_PAS_NON_NEGATIF = frozenset({"seulement", "uniquement", "que", "simplement", "juste",
                                    "forcement", "besoin"})

#: Portée d'une négation : le nombre de mots, avant une variante, où l'on cherche un mot
#: négatif.
PORTEE_NEGATION = 3


def _negatif_avant(mots: Sequence[str]) -> bool:
    """Vrai si l'un des derniers mots (``PORTEE_NEGATION`` au plus) est une négation."""
    fenetre = list(mots[-PORTEE_NEGATION:])
    for i, mot in enumerate(fenetre):
        if mot in MOTS_NEGATIFS:
            suivant = fenetre[i + 1] if i + 1 < len(fenetre) else ""
            if mot == "pas" and suivant in _APRES_PAS_NON_NEGATIF:
                continue
            return True
    return False


def _occurrence_niee(texte: str, debut: int, fin: int) -> bool:
    """Une occurrence (``texte[debut:fin]``) est niée si un mot négatif la précède de près
    (« ce n'est pas vérifier », « ni donner accès ») ou si elle est encadrée par « ne … pas »
    (« ne vérifie pas »). Les mots négatifs qui font partie de la variante elle-même
    (« pas besoin de ressaisir ») ne comptent pas."""
    avant = texte[:debut].split()
    if _negatif_avant(avant):
        return True
    apres = texte[fin:].split()[:1]
    return bool(apres) and apres[0] in ("pas", "jamais") and \
        any(m in ("ne", "n") for m in avant[-2:])


@dataclass(frozen=True)
class MotsCles:
    """Une idée attendue et les façons acceptées de l'exprimer.

    ``idee`` complète la phrase « Il manque l'idée … » : ``"de vérifier l'identité"``,
    ``"d'une connexion unique"``. ``variantes`` : mots ou expressions (accents et
    majuscules ignorés ; ``*`` en fin de mot = radical ; les mots d'une expression doivent
    venir dans l'ordre, deux mots intercalés au plus). ``poids`` : part de la note.
    ``facultative`` : une idée qui rapporte des points si elle est présente mais dont
    l'absence n'empêche pas d'avoir tous les points (elle compte au numérateur, pas au
    dénominateur).
    """

    idee: str
    variantes: tuple[str, ...]
    poids: float = 1.0
    facultative: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.variantes, str):
            object.__setattr__(self, "variantes", (self.variantes,))
        object.__setattr__(self, "variantes", tuple(self.variantes))
        if not self.variantes or not all(isinstance(v, str) and v.strip()
                                          for v in self.variantes):
            raise ValeurInvalide(f"L'idée « {self.idee} » doit avoir au moins une variante "
                                 "(un texte non vide).")
        if self.poids <= 0:
            raise ValeurInvalide(f"Le poids de l'idée « {self.idee} » doit être positif.")
        object.__setattr__(self, "_motifs", tuple(motif_variante(v) for v in self.variantes))

    def trouvee_dans(self, texte_normalise: str, *, negation: bool = False) -> bool:
        """Vrai si une variante apparaît dans le texte (déjà passé par la normalisation).

        Avec ``negation=True``, une variante qui n'apparaît que dans une tournure négative
        (« ce n'est pas … », « ni … », « ne … pas ») ne compte pas."""
        for motif in self.__dict__["_motifs"]:
            for trouve in motif.finditer(texte_normalise):
                if not negation or not _occurrence_niee(texte_normalise, trouve.start(),
                                                        trouve.end()):
                    return True
        return False

    def manque(self) -> str:
        return f"Il manque l'idée {self.idee}."


def _groupes(groupes: Iterable[MotsCles | str | Sequence[str]]) -> tuple[MotsCles, ...]:
    resultat = []
    for g in groupes:
        if isinstance(g, MotsCles):
            resultat.append(g)
        elif isinstance(g, str):
            resultat.append(MotsCles(f"« {g} »", (g,)))
        else:
            variantes = tuple(g)
            resultat.append(MotsCles(f"« {variantes[0]} »", variantes))
    return tuple(resultat)
