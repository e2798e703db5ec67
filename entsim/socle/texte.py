"""Petits outils de rédaction française pour les messages lus par les élèves et les
enseignants : accords en nombre (« 2 services prévenus », jamais « service(s) ») et citations
entre guillemets français (« zz », jamais la représentation Python 'zz')."""

from __future__ import annotations


def accorder(nombre: int, singulier: str, pluriel: str | None = None) -> str:
    """« 0 décision », « 1 ticket », « 2 services » : le nombre et le nom accordé (en
    français, 0 et 1 gardent le singulier). Sans ``pluriel``, chaque mot prend un « s »."""
    if abs(nombre) < 2:
        return f"{nombre} {singulier}"
    if pluriel is None:
        pluriel = " ".join(mot if mot.endswith(("s", "x")) else mot + "s"
                           for mot in singulier.split())
    return f"{nombre} {pluriel}"


def cite(valeur: object) -> str:
    """Une valeur reçue, citée entre guillemets français pour un message : « zz »
    (jamais la représentation Python 'zz')."""
    if valeur is None:
        return "(aucune valeur)"
    if isinstance(valeur, str) and not valeur.strip():
        return "(vide)"
    return f"« {valeur} »"
