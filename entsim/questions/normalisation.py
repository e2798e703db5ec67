"""Lire la réponse d'un élève sans jamais planter : réponse vide ou amorce laissée telle
quelle, réponse démesurée ou trop imbriquée, texte comparé sans accents ni majuscules,
nombre écrit à la française (« 12,5 », « 1 234 », « 80 bits », « 50 % »).

Ces outils ne lèvent que :class:`ReponseInvalide`, rattrapée par
:meth:`entsim.questions.question.Question.corriger` (statut « invalide », avec le message
français de l'exception) ; :func:`lire_nombre`, seul outil public, lève
:class:`~entsim.socle.erreurs.ValeurInvalide`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from entsim.etablissement.identifiants import replier
from entsim.questions.ecriture import affiche, nom_type
from entsim.socle.texte import ecrire_nombre
from entsim.socle.erreurs import ValeurInvalide


#: Au-delà de cette longueur (en caractères), une réponse est jugée absurde.
LONGUEUR_MAX_REPONSE = 20_000

#: Profondeur maximale des structures imbriquées acceptées (listes de listes…).
PROFONDEUR_MAX = 6

#: Nombre maximal d'éléments d'une réponse structurée (lignes d'un tableau, choix…).
ELEMENTS_MAX = 500

#: Textes qui veulent dire « pas encore répondu ».
_TEXTES_VIDES = {"", "a completer", "a completer.", "...", "…", "?", "none", "reponse",
                 "votre reponse", "votre reponse ici", "ecrivez votre reponse ici", "todo"}


class ReponseInvalide(Exception):
    """Réponse d'une forme inattendue ; le message (français) est montré à l'élève."""


def normaliser(texte: str) -> str:
    """Minuscules, sans accents, ponctuation remplacée par des espaces, espaces réduits."""
    texte = replier(texte).replace("’", "'")
    texte = re.sub(r"[^\w]+", " ", texte)
    return " ".join(texte.split())


def verifier_taille(reponse: object, profondeur: int = 0) -> None:
    """Refuse les réponses démesurées ou trop imbriquées (sans les parcourir en entier)."""
    if profondeur > PROFONDEUR_MAX:
        raise ReponseInvalide("La réponse est trop imbriquée (des listes dans des listes "
                               "dans des listes…) : gardez la forme de l'exemple.")
    if isinstance(reponse, str):
        if len(reponse) > LONGUEUR_MAX_REPONSE:
            raise ReponseInvalide(
                f"La réponse est beaucoup trop longue ({ecrire_nombre(len(reponse))} "
                f"caractères ; {ecrire_nombre(LONGUEUR_MAX_REPONSE)} au plus) : quelques "
                f"phrases suffisent.")
        return
    if isinstance(reponse, (bytes, bytearray)):
        raise ReponseInvalide("La réponse doit être du texte entre guillemets, pas des "
                               "octets (b\"…\").")
    if isinstance(reponse, Mapping):
        elements: Iterable[object] = list(reponse.keys())[:ELEMENTS_MAX + 1] + \
            list(reponse.values())[:ELEMENTS_MAX + 1]
        taille = len(reponse)
    elif isinstance(reponse, (list, tuple, set, frozenset)):
        elements, taille = reponse, len(reponse)
    else:
        return
    if taille > ELEMENTS_MAX:
        raise ReponseInvalide(f"La réponse contient trop d'éléments ({taille} ; "
                               f"{ELEMENTS_MAX} au plus).")
    for element in elements:
        verifier_taille(element, profondeur + 1)


def est_vide(reponse: object) -> bool:
    """Vrai pour « pas de réponse » : None, texte vide ou amorce, conteneur vide…"""
    if reponse is None or reponse is Ellipsis:
        return True
    if isinstance(reponse, str):
        if len(reponse) > 200:
            return False
        return normaliser(reponse) in _TEXTES_VIDES or not reponse.strip()
    if isinstance(reponse, (list, tuple, set, frozenset, dict)):
        return len(reponse) == 0 or all(est_vide(v) for v in
                                        (reponse.values() if isinstance(reponse, dict)
                                         else reponse))
    if est_dataframe(reponse):
        try:
            return bool(reponse.empty)  # type: ignore[attr-defined]
        except Exception:
            return False
    return False


def est_dataframe(objet: object) -> bool:
    return type(objet).__name__ == "DataFrame" and hasattr(objet, "to_dict") \
        and hasattr(objet, "columns")


def _texte(reponse: object, quoi: str = "La réponse") -> str:
    """La réponse comme texte ; un nombre est accepté (écrit en chiffres)."""
    if isinstance(reponse, str):
        return reponse
    if isinstance(reponse, bool):
        raise ReponseInvalide(f"{quoi} doit être un texte entre guillemets, pas "
                               f"{'True' if reponse else 'False'}.")
    if isinstance(reponse, (int, float)):
        return str(reponse)
    raise ReponseInvalide(f"{quoi} doit être un texte entre guillemets, par exemple "
                           f"\"…\" (reçu : {nom_type(reponse)}).")


_NOMBRE = re.compile(r"^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$", re.IGNORECASE)


def lire_nombre(valeur: object) -> float:
    """Un nombre depuis ``12``, ``12.5``, ``"12,5"``, ``"1 234"``, ``"80 bits"``, ``"50 %"``.

    Lève :class:`~entsim.socle.erreurs.ValeurInvalide` (message français) si ce n'est pas un nombre.
    """
    try:
        return _lire_nombre(valeur)
    except ReponseInvalide as erreur:
        raise ValeurInvalide(str(erreur)) from None


def _lire_nombre(valeur: object, unite: str = "") -> float:
    if isinstance(valeur, bool):
        raise ReponseInvalide("Un nombre est attendu, pas True ou False.")
    if isinstance(valeur, (int, float)):
        nombre = float(valeur)
    elif isinstance(valeur, str):
        if len(valeur) > 100:
            raise ReponseInvalide("Un nombre est attendu, pas un long texte.")
        texte = valeur.strip().replace("\u202f", "").replace("\u00a0", "").replace("\u2009", "")
        texte = texte.replace("−", "-")
        for suffixe in sorted({unite, unite.rstrip("s"), "%", "bits", "bit", "secondes",
                               "seconde", "s", "caracteres", "caractères", "services",
                               "minutes", "min", "heures", "h", "jours"} - {""},
                              key=len, reverse=True):
            if replier(texte).endswith(replier(suffixe)):
                texte = texte[: len(texte) - len(suffixe)].strip()
                break
        compact = texte.replace(" ", "")
        if re.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3})+", compact) and "," not in compact:
            compact = compact.replace(".", "")     # « 1.234 » : séparateur de milliers
        if not _NOMBRE.match(compact):
            raise ReponseInvalide(f"« {affiche(valeur.strip()[:40])} » n'est pas un nombre : "
                                   "écrivez "
                                   "par exemple 12 ou 12,5.")
        nombre = float(compact.replace(",", "."))
    else:
        raise ReponseInvalide(f"Un nombre est attendu, par exemple 12 ou \"12,5\" "
                               f"(reçu : {nom_type(valeur)}).")
    if math.isnan(nombre) or math.isinf(nombre):
        raise ReponseInvalide("Un nombre fini est attendu.")
    return nombre


def cle_element(element: object) -> str:
    return normaliser(_texte(element, "Chaque élément"))
