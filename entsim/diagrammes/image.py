"""Un dessin SVG montré comme image dans un notebook : balise ``<img>``, taille lisible en
projection, fenêtre sur une partie du dessin.

* Un notebook ouvert sans être exécuté n'est pas « de confiance » : JupyterLab retire le SVG
  écrit dans le HTML mais affiche une ``<img>`` dont la source est le SVG en URI ``data:``
  (constaté dans JupyterLab 4.6, voir JUPYTER-FACTS).
* En mode projection (:mod:`entsim.widgets.cours`), l'image prend la largeur
  ``--entsim-largeur-projection`` calculée ici : celle où la plus petite étiquette visible
  du dessin fait au moins 18 px à l'écran (taille de police du SVG × échelle d'affichage ;
  cible de l'issue 15). Une étiquette transparente (texte gardé pour la description
  textuelle) ne compte pas.
* :func:`fenetre` découpe une bande horizontale du dessin (attribut ``viewBox`` du SVG,
  https://www.w3.org/TR/SVG2/coords.html#ViewBoxAttribute) : le pas à pas montre les en-têtes
  des couloirs et la bande de l'étape courante, visibles sans défiler.
"""

from __future__ import annotations

import base64
import html
import math
import re

#: Taille minimale (px à l'écran) d'une étiquette de schéma en mode projection (issue 15 :
#: « no text under 18 px »), avec une petite marge pour les arrondis du navigateur.
TAILLE_MINIMALE_PX = 18.5
#: Classe CSS de l'image d'un schéma (la feuille du mode projection l'agrandit).
CLASSE_IMAGE = "entsim-schema-image"

_SVG = re.compile(r"<svg\b[^>]*>", re.S)
_VIEWBOX = re.compile(r'viewBox="([-\d.]+)[ ,]+([-\d.]+)[ ,]+([-\d.]+)[ ,]+([-\d.]+)"')
_TEXTE = re.compile(r"<text\b[^>]*>", re.S)
_TAILLE = re.compile(r'font-size="([\d.]+)"')
_TRANSPARENT = re.compile(r'fill="(transparent|none|#fffffe)"', re.I)


def boite(svg: str) -> tuple[float, float, float, float]:
    """Le ``viewBox`` du dessin : (x, y, largeur, hauteur), en unités du dessin."""
    entete = _SVG.search(svg)
    trouve = _VIEWBOX.search(entete.group(0)) if entete else None
    if trouve is None:
        return (0.0, 0.0, 0.0, 0.0)
    x, y, largeur, hauteur = (float(v) for v in trouve.groups())
    return x, y, largeur, hauteur


def plus_petite_police(svg: str) -> float | None:
    """La plus petite taille de police d'un texte visible du dessin (``None`` : aucun texte)."""
    tailles = []
    for balise in _TEXTE.findall(svg):
        taille = _TAILLE.search(balise)
        if taille and not _TRANSPARENT.search(balise):
            tailles.append(float(taille.group(1)))
    return min(tailles) if tailles else None


def largeur_projection(svg: str, taille_px: float = TAILLE_MINIMALE_PX) -> int | None:
    """La largeur d'affichage (px) où la plus petite étiquette visible fait ``taille_px`` :
    taille affichée = taille dans le SVG × largeur affichée / largeur du ``viewBox``."""
    police = plus_petite_police(svg)
    largeur = boite(svg)[2]
    if not police or not largeur:
        return None
    return math.ceil(largeur * taille_px / police)


def balise_image(svg: str, alt: str, *, style: str = "max-width:100%;height:auto",
                 classe: str = CLASSE_IMAGE, largeur: int | None = None) -> str:
    """``<img>`` dont la source est le SVG en URI ``data:`` (affichée même dans un notebook
    non exécuté), avec la largeur du mode projection en variable CSS (``largeur`` : imposée,
    pour que deux morceaux d'un même dessin gardent la même échelle)."""
    donnees = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    largeur = largeur if largeur is not None else largeur_projection(svg)
    if largeur is not None:
        style = f"{style};--entsim-largeur-projection:{largeur}px"
    return (f'<img src="data:image/svg+xml;base64,{donnees}" class="{classe}" '
            f'alt="{html.escape(alt)}" style="{style}">')


def fenetre(svg: str, haut: float, bas: float, gauche: float | None = None,
            droite: float | None = None) -> str:
    """Le même dessin réduit à la bande ``[haut, bas]`` (unités du ``viewBox``), et à
    ``[gauche, droite]`` en largeur si on les donne : ``viewBox``, largeur et hauteur du
    ``<svg>`` sont remplacés, le reste est inchangé."""
    entete = _SVG.search(svg)
    if entete is None:
        return svg
    x, y, largeur, hauteur = boite(svg)
    haut, bas = max(y, haut), min(y + hauteur, bas)
    gauche = x if gauche is None else max(x, gauche)
    droite = x + largeur if droite is None else min(x + largeur, droite)
    nouvelle = _VIEWBOX.sub(f'viewBox="{gauche:.2f} {haut:.2f} {droite - gauche:.2f} '
                            f'{bas - haut:.2f}"', entete.group(0))
    nouvelle = re.sub(r'height="[\d.]+pt"', f'height="{bas - haut:.2f}pt"', nouvelle)
    nouvelle = re.sub(r'width="[\d.]+pt"', f'width="{droite - gauche:.2f}pt"', nouvelle)
    return svg[:entete.start()] + nouvelle + svg[entete.end():]


__all__ = ["CLASSE_IMAGE", "TAILLE_MINIMALE_PX", "balise_image", "boite", "fenetre",
           "largeur_projection", "plus_petite_police"]
