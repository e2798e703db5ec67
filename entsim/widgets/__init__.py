"""La couche « widgets » (ipywidgets) : elle ne fait qu'appeler la simulation.

La simulation (``entsim/*.py``) ne dépend jamais de ce paquet, ce qui la rend testable sans
Jupyter. Chaque widget écrit aussi son effet sous forme de texte (lecteurs d'écran) et
n'utilise jamais la couleur comme seul signal ; le texte saisi ou produit par un utilisateur
est échappé (jamais interprété comme du HTML).
"""

from .demarrage import ExplorateurClasses, ExplorateurServices
from .pas_a_pas import PasAPas
from .portail import MemeActionParRole, Portail
from .telephone import TelephoneWidget

__all__ = ["ExplorateurClasses", "ExplorateurServices", "MemeActionParRole", "PasAPas",
           "Portail", "TelephoneWidget"]
