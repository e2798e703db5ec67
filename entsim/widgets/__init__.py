"""La couche « widgets » (ipywidgets) : elle ne fait qu'appeler la simulation.

La simulation (tous les autres sous-paquets d'``entsim``) ne dépend jamais de ce paquet, ce
qui la rend testable sans Jupyter. Chaque widget écrit aussi son effet sous forme de texte (lecteurs d'écran) et
n'utilise jamais la couleur comme seul signal ; le texte saisi ou produit par un utilisateur
est échappé (jamais interprété comme du HTML).

Les noms exportés (``from entsim.widgets import Portail``) sont importés à la première
demande (PEP 562) : ``import entsim`` dans un notebook n'importe que
:mod:`entsim.widgets.affichage` (l'affichage des retours des fiches), sans ipywidgets ni le
portail.

Questions du cours : celles des notebooks qui les montrent (portail et inventaire des
services pour les questions 1 à 3, pas à pas et téléphone pour les questions 13 à 16).
Peut importer : ipywidgets, IPython et tout le reste d'entsim (couche la plus haute).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - pour les outils d'analyse seulement
    from entsim.widgets.cours import BarreDuCours, commencer
    from entsim.widgets.demarrage import ExplorateurClasses, ExplorateurServices
    from entsim.widgets.exercices import ExerciceClassement, ExerciceTableau
    from entsim.widgets.pas_a_pas import PasAPas
    from entsim.widgets.questionnaire import Questionnaire
    from entsim.widgets.portail import MemeActionParRole, Portail
    from entsim.widgets.telephone import TelephoneWidget

#: Chaque nom exporté et le module qui le définit.
_MODULES: dict[str, str] = {
    "BarreDuCours": "entsim.widgets.cours",
    "commencer": "entsim.widgets.cours",
    "ExerciceClassement": "entsim.widgets.exercices",
    "ExerciceTableau": "entsim.widgets.exercices",
    "ExplorateurClasses": "entsim.widgets.demarrage",
    "ExplorateurServices": "entsim.widgets.demarrage",
    "MemeActionParRole": "entsim.widgets.portail",
    "PasAPas": "entsim.widgets.pas_a_pas",
    "Questionnaire": "entsim.widgets.questionnaire",
    "Portail": "entsim.widgets.portail",
    "TelephoneWidget": "entsim.widgets.telephone",
}

__all__ = ["BarreDuCours", "commencer", "ExerciceClassement", "ExerciceTableau", "ExplorateurClasses", "ExplorateurServices",
           "MemeActionParRole", "PasAPas",
           "Questionnaire",
           "Portail", "TelephoneWidget"]


def __getattr__(nom: str) -> object:
    """Importe à la demande le module qui définit un nom exporté (PEP 562)."""
    module = _MODULES.get(nom)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {nom!r}")
    valeur = getattr(importlib.import_module(module), nom)
    globals()[nom] = valeur
    return valeur


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
