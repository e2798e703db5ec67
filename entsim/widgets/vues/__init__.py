"""Les vues des services dans le portail (une par service du catalogue).

Convention : la vue du service de code ``x`` est la classe exposée sous le nom ``VUE`` par le
module ``entsim.widgets.vues.x``. Elle se construit avec ``VUE(contexte, code)`` (un
:class:`ContexteVue` et le code du service) et offre :

* ``.vue`` : le widget racine (ipywidgets) affiché dans le portail ;
* ``.texte() -> str`` : ce que la vue montre, en texte brut (lecteurs d'écran, tests) ;
* des méthodes pour chaque action proposée (ce que les boutons appellent), pour que les
  tests pilotent la vue sans navigateur.

Un service sans vue dédiée s'affiche avec :class:`entsim.widgets.vues.fiche.VueFiche`
(sa fiche du catalogue : description, finalité, données traitées, conservation).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class ContexteVue:
    """Ce qu'une vue sait de la session : l'ENT, qui est connecté, depuis quel poste."""

    ent: object                      # entsim.ENT
    identifiant: str                 # la personne connectée
    poste: str = "Poste du CDI"
    projection: bool = False         # mode projection (texte plus grand, fort contraste)
    #: appelé avec une phrase française à chaque effet d'une action (écho texte)
    annoncer: Callable[[str], None] = field(default=lambda texte: None)

    @property
    def personne(self):
        return self.ent.etablissement.personne(self.identifiant)


def classe_de_vue(code: str):
    """La classe de vue du service ``code`` (la fiche générique si aucune vue dédiée)."""
    nom = f"{__name__}.{code}"
    if importlib.util.find_spec(nom) is not None:
        classe = getattr(importlib.import_module(nom), "VUE", None)
        if classe is not None:
            return classe
    from .fiche import VueFiche

    return VueFiche
