"""``expliquer(erreur)`` : d'une exception de Python à une :class:`Explication` en français.

Fonction pure (ni IPython ni affichage) : elle reçoit l'exception, les noms connus du
notebook (pour proposer le nom le plus proche d'un nom mal tapé) et une fonction qui dit si un
fichier est une cellule du notebook (IPython compile chaque cellule sous un nom de fichier à
lui) ; elle trouve la ligne de la cellule où Python s'est arrêté.
"""

from __future__ import annotations

import linecache
import sysconfig
import traceback
from pathlib import Path
from typing import Callable, Iterable

from entsim.widgets.erreurs.commun import Explication
from entsim.widgets.erreurs.execution import expliquer_execution
from entsim.widgets.erreurs.syntaxe import expliquer_syntaxe

NomDeCellule = Callable[[str], "str | None"]

_RACINE_ENTSIM = Path(__file__).resolve().parents[2]


def cellule_si_chevrons(fichier: str) -> str | None:
    """Par défaut, un « fichier » entre chevrons (``<cellule>``) est une cellule sans numéro."""
    return "" if fichier.startswith("<") and fichier.endswith(">") else None


def message_original(erreur: BaseException) -> str:
    """« NameError: name 'x' is not defined » : le message de Python, tel qu'il l'écrit."""
    return "".join(traceback.format_exception_only(type(erreur), erreur)).strip().splitlines()[-1]


def expliquer(erreur: BaseException, noms: Iterable[str] = (),
              nom_de_cellule: NomDeCellule = cellule_si_chevrons) -> Explication:
    """L'explication française de ``erreur`` (une erreur de syntaxe ou d'exécution)."""
    if isinstance(erreur, SyntaxError):
        erreur = _preciser(erreur)
        code, titre, phrases = expliquer_syntaxe(erreur)
        return _pour_syntaxe(erreur, code, titre, phrases, nom_de_cellule)
    code, titre, phrases = expliquer_execution(erreur, noms)
    cadres = [c for c in traceback.extract_tb(erreur.__traceback__)
              if not _dans_ipython(c.filename)]
    ligne = numero = cellule = debut = fin = None
    if code == "commande_magique":                 # la cellule a été réécrite par IPython :
        cadres = []                                # sa ligne ne ressemble plus à celle tapée
    for cadre in reversed(cadres):                 # la ligne la plus profonde d'une cellule
        etiquette = nom_de_cellule(cadre.filename)
        if etiquette is not None:
            cellule, numero = etiquette, cadre.lineno
            ligne = cadre.line or linecache.getline(cadre.filename, cadre.lineno or 0) or None
            debut, fin = _colonnes(cadre, ligne)
            break
    details = tuple(_cadre_lisible(c, nom_de_cellule) for c in cadres)
    if code == "erreur_ent":                       # message déjà en français : pas de pile
        details = ()
    return Explication(code=code, titre=titre, phrases=phrases,
                       type_erreur=type(erreur).__name__, message_original=message_original(erreur),
                       ligne=ligne.rstrip("\n") if ligne else None, numero_ligne=numero,
                       cellule=cellule or None, debut=debut, fin=fin, details=details)


def _preciser(erreur: SyntaxError) -> SyntaxError:
    """« incomplete input » (IPython lit la cellule comme une saisie qui pourrait continuer) :
    on relit la cellule comme un fichier complet, et Python dit alors ce qui n'est pas fermé."""
    if not str(erreur.msg or "").startswith(("incomplete input", "unexpected EOF")):
        return erreur
    source = "".join(linecache.getlines(erreur.filename)) if erreur.filename else ""
    if not source:
        return erreur
    try:
        compile(source, erreur.filename, "exec", dont_inherit=True)
    except SyntaxError as precise:
        return precise
    except (ValueError, OverflowError):
        pass
    return erreur


def _pour_syntaxe(erreur: SyntaxError, code: str, titre: str, phrases: tuple[str, ...],
                  nom_de_cellule: NomDeCellule) -> Explication:
    fichier = erreur.filename or ""
    cellule = nom_de_cellule(fichier) if fichier else None
    ligne = erreur.text
    if ligne is None and fichier and erreur.lineno:
        ligne = linecache.getline(fichier, erreur.lineno) or None
    debut = erreur.offset if ligne and erreur.offset and erreur.offset > 0 else None
    fin = getattr(erreur, "end_offset", None)
    if debut is not None and (fin is None or fin <= debut):
        fin = debut + 1
    if debut is not None and ligne is not None and debut > len(ligne.rstrip("\n")) + 1:
        debut = fin = None
    marge = len(ligne) - len(ligne.lstrip(" \t")) if ligne else 0
    if code in ("decalage_inattendu", "decalage_incoherent", "tabulations_et_espaces") and marge:
        debut, fin = 1, marge + 1                  # on souligne le décalage lui-même
    return Explication(code=code, titre=titre, phrases=phrases,
                       type_erreur=type(erreur).__name__,
                       message_original=f"{type(erreur).__name__}: {erreur.msg}",
                       ligne=ligne.rstrip("\n") if ligne else None, numero_ligne=erreur.lineno,
                       cellule=cellule or None, debut=debut, fin=fin)


def _colonnes(cadre: traceback.FrameSummary, ligne: str | None) -> tuple[int | None, int | None]:
    """Colonnes (à partir de 1) de l'expression fautive, si Python les donne (3.11+)."""
    debut, fin = getattr(cadre, "colno", None), getattr(cadre, "end_colno", None)
    if ligne is None or debut is None or fin is None or getattr(cadre, "end_lineno", None) != \
            cadre.lineno or fin <= debut:
        return None, None
    # Python donne des colonnes en octets UTF-8 (« à » en compte 2) : on les compte en lettres
    octets = ligne.encode("utf-8")
    debut = len(octets[:debut].decode("utf-8", errors="replace"))
    fin = len(octets[:fin].decode("utf-8", errors="replace"))
    return debut + 1, fin + 1


def _dans_ipython(fichier: str) -> bool:
    """Les cadres d'IPython lui-même (``run_code``) n'intéressent ni l'élève ni le professeur."""
    parties = Path(fichier).parts
    return "IPython" in parties and "core" in parties


def _cadre_lisible(cadre: traceback.FrameSummary, nom_de_cellule: NomDeCellule) -> str:
    """« Cellule [5], ligne 2 : print(x) » ou « pandas/core/frame.py, ligne 4102 (…) : … »."""
    etiquette = nom_de_cellule(cadre.filename)
    if etiquette is not None:
        ou = (f"Cellule {etiquette}, ligne {cadre.lineno}" if etiquette
              else f"Cette cellule, ligne {cadre.lineno}")
    else:
        ou = f"{_chemin_court(cadre.filename)}, ligne {cadre.lineno} ({cadre.name})"
    code = (cadre.line or "").strip()
    return f"{ou} : {code}" if code else ou


def _chemin_court(fichier: str) -> str:
    chemin = Path(fichier)
    try:
        return "entsim/" + chemin.resolve().relative_to(_RACINE_ENTSIM).as_posix()
    except ValueError:
        pass
    parties = chemin.parts
    if "site-packages" in parties:
        return "/".join(parties[parties.index("site-packages") + 1:])
    try:                                     # bibliothèque standard : json/decoder.py
        return chemin.relative_to(sysconfig.get_paths()["stdlib"]).as_posix()
    except ValueError:
        return chemin.name
