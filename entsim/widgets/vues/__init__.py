"""Les vues des services dans le portail (une par service du catalogue).

Convention : la vue du service de code ``x`` est la classe exposée sous le nom ``VUE`` par le
module ``entsim.widgets.vues.x``. Elle se construit avec ``VUE(contexte, code)`` (un
:class:`ContexteVue` et le code du service) et offre :

* ``.vue`` : le widget racine (ipywidgets) affiché dans le portail ;
* ``.texte() -> str`` : ce que la vue montre, en texte brut (lecteurs d'écran, tests) ;
* des méthodes pour chaque action proposée (ce que les boutons appellent), pour que les
  tests pilotent la vue sans navigateur.

Actions sûres : une méthode d'action appelée avec une valeur absurde (``None``, ``3``, ``[]``,
``"zz"``, ``""``) ne lève jamais d'exception ; elle rend (et affiche) une phrase française
commençant par « ⚠ » (voir :class:`ActionsSures`). La classe de l'erreur interne n'est
jamais montrée : elle est gardée dans ``vue.erreur_interne`` pour les développeurs.

Un service sans vue dédiée s'affiche avec :class:`entsim.widgets.vues.fiche.VueFiche`
(sa fiche du catalogue : description, finalité, données traitées, conservation).
"""

from __future__ import annotations

import importlib
import importlib.util

from entsim.widgets.vues._contexte import (NON_ACTIONS, ActionsSures, ContexteVue,
                                           action_du_socle, action_sure, actions_de_vue,
                                           decrire_valeur, phrase_valeurs_invalides)
from entsim.widgets.vues.fiche import VueFiche


def classe_de_vue(code: str):
    """La classe de vue du service ``code`` (la fiche générique si aucune vue dédiée)."""
    nom = f"{__name__}.{code}"
    if importlib.util.find_spec(nom) is not None:
        classe = getattr(importlib.import_module(nom), "VUE", None)
        if classe is not None:
            return classe
    return VueFiche


__all__ = ["NON_ACTIONS", "ActionsSures", "ContexteVue", "action_du_socle", "action_sure",
           "actions_de_vue", "classe_de_vue", "decrire_valeur", "phrase_valeurs_invalides"]
