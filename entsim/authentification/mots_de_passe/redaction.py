"""Petits outils de rédaction française pour les messages sur les mots de passe : nombres
écrits à la française (« 1 000 000 », « 79,6 ») et énumérations (« a, b et c »)."""

from __future__ import annotations

from collections.abc import Sequence


def fr(nombre: float, decimales: int = 0) -> str:
    """Un nombre à la française : « 1 000 000 », « 79,6 » (espace fine insécable)."""
    texte = f"{nombre:,.{decimales}f}"
    return texte.replace(",", "\u202f").replace(".", ",")


def enumerer(elements: Sequence[str], conjonction: str = "et") -> str:
    """« a », « a et b », « a, b et c »."""
    elements = list(elements)
    if not elements:
        return ""
    if len(elements) == 1:
        return elements[0]
    return f"{', '.join(elements[:-1])} {conjonction} {elements[-1]}"


__all__: list[str] = []   # outils internes au sous-paquet
