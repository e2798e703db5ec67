"""Petits outils de rédaction française pour les messages lus par les élèves et les
enseignants : accords en nombre (« 2 services prévenus », jamais « service(s) ») et citations
entre guillemets français (« zz », jamais la représentation Python 'zz')."""

from __future__ import annotations

import math

from entsim.socle.caracteres import rendre_visible

#: Longueur maximale (en caractères) d'une valeur citée dans un message : au-delà, le début
#: seulement, suivi de « … » — un message ne répète jamais une saisie démesurée.
CITATION_MAX = 60


def accorder(nombre: int, singulier: str, pluriel: str | None = None) -> str:
    """« 0 décision », « 1 ticket », « 2 services » : le nombre et le nom accordé (en
    français, 0 et 1 gardent le singulier). Sans ``pluriel``, chaque mot prend un « s »."""
    if abs(nombre) < 2:
        return f"{nombre} {singulier}"
    if pluriel is None:
        pluriel = " ".join(mot if mot.endswith(("s", "x")) else mot + "s"
                           for mot in singulier.split())
    return f"{nombre} {pluriel}"


def _chiffres(entier: int) -> int:
    """Le nombre de chiffres d'un entier, sans l'écrire (Python refuse d'écrire en base 10
    un entier de plus de 4 300 chiffres : ``sys.get_int_max_str_digits``)."""
    entier = abs(entier)
    if entier < 10:
        return 1
    chiffres = int(math.log10(entier)) + 1
    if 10 ** (chiffres - 1) > entier:      # log10 arrondi vers le haut près d'une puissance
        chiffres -= 1
    elif 10 ** chiffres <= entier:
        chiffres += 1
    return chiffres


def extrait(valeur: object, maximum: int = CITATION_MAX) -> str:
    """Une valeur reçue, écrite pour un message sans jamais échouer ni s'étendre : un entier
    démesuré devient « un nombre de 5 001 chiffres », un texte de plus de ``maximum``
    caractères est coupé (« début… »), un caractère invisible ou de contrôle est montré par
    son numéro (« ⟨U+202E⟩ »)."""
    if isinstance(valeur, int) and not isinstance(valeur, bool) and \
            abs(valeur) >= 10 ** maximum:
        signe = "négatif " if valeur < 0 else ""
        return f"un nombre {signe}de {_chiffres(valeur):,} chiffres".replace(",", "\u202f")
    try:
        texte = valeur if isinstance(valeur, str) else str(valeur)
    except Exception:  # noqa: BLE001 - une valeur dont l'écriture échoue reste citable
        return f"une valeur de type {type(valeur).__name__}"
    if not isinstance(texte, str):     # __str__ détourné
        return f"une valeur de type {type(valeur).__name__}"
    if len(texte) > maximum:
        texte = texte[:maximum] + "…"
    return rendre_visible(texte)


def cite(valeur: object) -> str:
    """Une valeur reçue, citée entre guillemets français pour un message : « zz »
    (jamais la représentation Python 'zz'), coupée au-delà de :data:`CITATION_MAX`
    caractères (voir :func:`extrait`)."""
    if valeur is None:
        return "(aucune valeur)"
    if isinstance(valeur, str) and not valeur.strip():
        return "(vide)"
    if isinstance(valeur, int) and not isinstance(valeur, bool) and \
            abs(valeur) >= 10 ** CITATION_MAX:
        return extrait(valeur)
    return f"« {extrait(valeur)} »"
