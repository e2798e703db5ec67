"""Écrire en français ce que disent les retours des fiches : un nombre (« 1,5 », « 1 234 »),
un barème en points, une valeur d'élève citée (courte, sur une ligne) et le nom du type
d'une réponse mal formée (« une liste », « un dictionnaire »).

Les accords en nombre (« 2 éléments bien classés ») viennent de
:func:`entsim.socle.texte.accorder`.
"""

from __future__ import annotations

from entsim.socle.caracteres import rendre_visible


def nombre_fr(valeur: float) -> str:
    """« 1,5 », « 2 » : un nombre écrit à la française, sans zéros inutiles."""
    if isinstance(valeur, float) and valeur.is_integer():
        valeur = int(valeur)
    if isinstance(valeur, int):
        return f"{valeur:,}".replace(",", "\u202f")
    texte = f"{valeur:.6g}"
    if "e" in texte:
        return texte.replace(".", ",")
    entier, _, decimales = f"{valeur:.4f}".rstrip("0").partition(".")
    entier_fr = f"{int(entier):,}".replace(",", "\u202f") if entier not in ("-0",) else "-0"
    return f"{entier_fr},{decimales}" if decimales else entier_fr


def points_fr(points: float) -> str:
    return f"{nombre_fr(points)} point" + ("s" if abs(points) >= 2 else "")


def nom_type(valeur: object) -> str:
    noms = {"list": "une liste", "tuple": "un tuple", "dict": "un dictionnaire",
            "set": "un ensemble", "int": "un nombre entier", "float": "un nombre décimal",
            "str": "un texte", "bool": "un booléen (True/False)", "NoneType": "None",
            "DataFrame": "un tableau pandas", "bytes": "des octets",
            "complex": "un nombre complexe", "function": "une fonction"}
    return noms.get(type(valeur).__name__, f"un objet {type(valeur).__name__}")


def affiche(valeur: object) -> str:
    """Une valeur d'élève citée dans un retour : courte, sans retour à la ligne, et chaque
    caractère invisible ou de contrôle montré par son numéro (« ⟨U+001B⟩ ») : la réponse
    citée n'agit jamais sur le retour affiché."""
    try:
        texte = valeur if isinstance(valeur, str) else repr(valeur)
    except Exception:  # noqa: BLE001 - un entier de 5 000 chiffres ne s'écrit pas
        texte = f"une valeur de type {type(valeur).__name__}"
    texte = " ".join(texte.split())
    return rendre_visible(texte if len(texte) <= 60 else texte[:57] + "…")
