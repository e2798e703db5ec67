"""Écrire dans un schéma les valeurs réelles d'une exécution : abréviations, adresses, lignes.

Les valeurs longues sont abrégées (``ST-1-ze6Y…``) par :func:`abreger` ; la valeur complète
reste dans l'info-bulle de la flèche (attribut ``tooltip``, visible au survol dans le SVG).
Les textes sont coupés en lignes courtes et échappés pour les attributs DOT (langage de
Graphviz, https://graphviz.org/doc/info/lang.html). :func:`echanges_de` lit les échanges
HTTP (:class:`entsim.sso.navigateur.Echange`) d'un parcours, d'un résultat ou d'une liste.
"""

from __future__ import annotations

import re
import textwrap
from urllib.parse import parse_qsl, unquote, urlsplit

from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import nature
from entsim.sso.navigateur import Echange
from entsim.sso.parcours import Parcours

__all__ = ["CARACTERES_VISIBLES", "abreger", "abreger_texte", "url_courte"]

#: Nombre de caractères aléatoires gardés quand on abrège un ticket ou un cookie.
CARACTERES_VISIBLES = 4

_JETON = re.compile(r"\b((?:ST|TGT|PT|LR)-\d+-)([A-Za-z0-9]+)")
_COOKIE = re.compile(r"\b(session_[a-z_]+=|TGC=)([A-Za-z0-9-]+)")


# --------------------------------------------------------------------------------------
# Abréviations lisibles
# --------------------------------------------------------------------------------------

def abreger(valeur: str, visibles: int = CARACTERES_VISIBLES) -> str:
    """Abrège un ticket, un TGT ou une valeur de cookie en gardant son début.

    >>> abreger("ST-1-ze6YCnaZTpJdlpmewrzmlWmX")
    'ST-1-ze6Y…'
    >>> abreger("HN0a9MwgF3WUmc28VpMueTaErs96qcPK")
    'HN0a9Mwg…'

    Le préfixe et le compteur (``ST-1-``) sont gardés : deux tickets d'une même exécution
    restent distincts une fois abrégés.
    """
    if not isinstance(valeur, str):
        raise ValeurInvalide(f"On n'abrège qu'un texte (reçu : {nature(valeur)}).")
    trouve = _JETON.fullmatch(valeur)
    if trouve:
        debut, alea = trouve.groups()
        return debut + alea[:visibles] + "…" if len(alea) > visibles else valeur
    if len(valeur) > 2 * visibles + 4:
        return valeur[:2 * visibles] + "…"
    return valeur


def abreger_texte(texte: str) -> str:
    """Abrège, dans un texte, tous les tickets (``ST-…``, ``TGT-…``) et valeurs de cookie."""
    texte = _JETON.sub(lambda m: abreger(m.group(0)), texte)
    return _COOKIE.sub(lambda m: m.group(1) + abreger(m.group(2)), texte)


def url_courte(url: str) -> str:
    """Une adresse lisible : chemin seul, paramètres décodés et abrégés.

    >>> url_courte("https://ent.example/cas/login?service=https%3A%2F%2Fent.example%2Fnotes")
    '/cas/login?service=/notes'
    """
    morceaux = urlsplit(url)
    chemin = morceaux.path or "/"
    if not morceaux.query:
        return chemin
    parametres = []
    for nom, valeur in parse_qsl(morceaux.query, keep_blank_values=True):
        valeur = unquote(valeur)
        if valeur.startswith(("https://", "http://")):
            valeur = urlsplit(valeur).path or "/"
        parametres.append(f"{nom}={abreger_texte(valeur)}")
    return f"{chemin}?{'&'.join(parametres)}"


def _lignes(texte: str, largeur: int = 34) -> str:
    """Coupe un texte en lignes courtes (retours à la ligne DOT « \\n »)."""
    morceaux = []
    for paragraphe in texte.split("\n"):
        morceaux.extend(textwrap.wrap(paragraphe, largeur, break_long_words=False,
                                      break_on_hyphens=False) or [""])
    return "\n".join(morceaux)


def dot(texte: str) -> str:
    """Un texte prêt pour un attribut DOT : guillemets et barres obliques échappés, retours à
    la ligne écrits « \\n » (le paquet graphviz n'échappe que les guillemets)."""
    return texte.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def echanges_de(source: object) -> tuple[Echange, ...]:
    """Les échanges d'un parcours, d'un résultat (``.echanges``) ou d'une liste d'échanges."""
    if isinstance(source, Parcours):
        vus: dict[int, Echange] = {}
        for etape in source.etapes:
            for echange in etape.echanges:
                vus[echange.numero] = echange
        return tuple(vus[n] for n in sorted(vus))
    echanges = getattr(source, "echanges", source)
    if isinstance(echanges, Echange):
        echanges = (echanges,)
    try:
        liste = tuple(echanges)  # type: ignore[arg-type]
    except TypeError:
        liste = None
    if liste is None or not all(isinstance(e, Echange) for e in liste):
        raise ValeurInvalide("Il faut des échanges de la simulation : un parcours, un résultat "
                             "(qui a .echanges) ou ent.cas.reseau.echanges().")
    return tuple(sorted(liste, key=lambda e: e.numero))
