"""Petits outils d'affichage partagés par les widgets : tableaux HTML échappés, styles lisibles."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

#: Style commun : texte lisible au vidéoprojecteur, tableau à lignes alternées.
STYLE_TABLEAU = (
    "border-collapse:collapse;font-size:1em;margin:0.3em 0;"
)
STYLE_CELLULE = "border:1px solid #888;padding:0.25em 0.6em;text-align:left;vertical-align:top;"


def echapper(valeur: object) -> str:
    """Le texte d'une valeur, échappé pour HTML (le contenu n'est jamais interprété)."""
    return html.escape("" if valeur is None else str(valeur))


def tableau_html(entetes: Sequence[str], lignes: Iterable[Sequence[object]],
                 legende: str | None = None) -> str:
    """Un tableau HTML dont chaque cellule est échappée."""
    parties = [f'<table style="{STYLE_TABLEAU}">']
    if legende:
        parties.append(f'<caption style="text-align:left;font-weight:bold;">{echapper(legende)}'
                       "</caption>")
    parties.append("<thead><tr>" + "".join(
        f'<th style="{STYLE_CELLULE}background:#e8e8e8;">{echapper(e)}</th>' for e in entetes)
        + "</tr></thead><tbody>")
    for ligne in lignes:
        parties.append("<tr>" + "".join(
            f'<td style="{STYLE_CELLULE}">{echapper(c)}</td>' for c in ligne) + "</tr>")
    parties.append("</tbody></table>")
    return "".join(parties)
