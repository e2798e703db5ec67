"""Le point d'affichage des retours dans un notebook : un crochet, sans rien savoir de Jupyter.

La simulation n'importe jamais IPython (règle des couches, docs/ARCHITECTURE.md) : les fiches
appellent :func:`afficher` avec un paquet MIME (``{"text/plain": …, "text/html": …}``), qui le
passe à la fonction branchée par :func:`brancher`. Dans un notebook, ``import entsim`` y
branche l'affichage d'IPython (:func:`entsim.widgets.affichage.brancher_ipython`) ; ailleurs
(tests, scripts, processus enfant du correcteur), rien n'est branché et rien ne s'affiche.
"""

from __future__ import annotations

from collections.abc import Callable

#: Une fonction qui affiche un paquet MIME (type MIME → contenu).
Afficheur = Callable[[dict[str, str]], object]

_branchee: list[Afficheur] = []


def brancher(fonction: Afficheur | None) -> None:
    """Branche la fonction qui affiche les paquets MIME (elle remplace la précédente) ;
    ``None`` débranche : plus rien ne s'affiche."""
    _branchee.clear()
    if fonction is not None:
        _branchee.append(fonction)


def afficher(paquet: dict[str, str]) -> bool:
    """Affiche un paquet MIME par la fonction branchée ; vrai s'il a été affiché, faux (sans
    rien faire) si aucune fonction n'est branchée."""
    if not _branchee:
        return False
    _branchee[0](paquet)
    return True
