"""Brancher l'affichage d'IPython sur les retours des fiches (corrections, indices).

:mod:`entsim.socle.affichage` ne connaît pas Jupyter : ce module lui donne
``IPython.display.display(paquet, raw=True)`` quand un shell IPython tourne (noyau d'un
notebook). ``import entsim`` l'appelle dans un notebook ; le processus enfant du correcteur
(:mod:`entsim.correction._enfant`), sans shell IPython, n'affiche donc rien. Il branche aussi
l'explication française des erreurs de Python (:mod:`entsim.widgets.erreurs`).
"""

from __future__ import annotations

from entsim.socle.affichage import brancher
from entsim.widgets.erreurs.noyau import installer_erreurs_en_francais


def brancher_ipython() -> bool:
    """Branche l'affichage d'IPython si un shell IPython tourne ; vrai si c'est fait.

    Hors IPython (ou sans IPython installé), ne branche rien et renvoie faux."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython est installé avec Jupyter
        return False
    if get_ipython() is None:
        return False

    def afficher_dans_ipython(paquet: dict[str, str]) -> None:
        display(paquet, raw=True)

    brancher(afficher_dans_ipython)
    # les erreurs de Python expliquées en français dès la première importation d'entsim :
    # les fiches (exercises/), qui n'ont pas de cellule commencer(), en profitent aussi
    installer_erreurs_en_francais()
    return True
