"""Des tableaux pandas lisibles par des élèves : lignes numérotées à partir de 1 (« N° »),
dates au format français (jj/mm/aaaa), textes jamais tronqués dans un notebook."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime


def _cellule(valeur: object) -> object:
    if isinstance(valeur, datetime):
        return valeur.strftime("%d/%m/%Y %H:%M")
    if isinstance(valeur, date):
        return valeur.strftime("%d/%m/%Y")
    return valeur


def tableau(lignes: Iterable[Sequence[object] | dict], colonnes: Sequence[str]):
    """Un ``DataFrame`` aux colonnes françaises, numéroté 1, 2, 3… (et non 0, 1, 2…, qui
    piège quand on compte les lignes), dates en jj/mm/aaaa."""
    import pandas as pd

    lignes = [
        {c: _cellule(v) for c, v in ligne.items()} if isinstance(ligne, dict)
        else [_cellule(v) for v in ligne]
        for ligne in lignes
    ]
    cadre = pd.DataFrame(lignes, columns=list(colonnes))
    cadre.index = pd.RangeIndex(1, len(cadre) + 1, name="N°")
    return cadre


def regler_affichage_pandas() -> None:
    """Dans un notebook, montre les textes en entier (pandas coupe à 50 caractères par
    défaut : les finalités des services seraient tronquées)."""
    import pandas as pd

    pd.set_option("display.max_colwidth", None)
