"""La correction hors ligne des fiches rendues (commande ``entsim-corriger``).

- :mod:`~entsim.correction.lecture` : lire une copie, même abîmée (JSON invalide, zip,
  UTF-16, cellules supprimées…) ;
- :mod:`~entsim.correction.execution` et :mod:`~entsim.correction._enfant` : exécuter le code
  d'un élève dans un processus séparé, sous délai, sortie bornée ;
- :mod:`~entsim.correction.correction` : corriger un dossier de copies ;
- :mod:`~entsim.correction.notes` : notes manuelles de l'enseignant, conservées d'une
  correction à l'autre ;
- :mod:`~entsim.correction.rapports` : carnet de notes CSV, synthèse HTML, retours par élève.

Questions du cours : toutes (la correction des fiches).
Peut importer : :mod:`entsim.questions` et tout ce qui est en dessous ; jamais les widgets.
"""

from entsim.correction.correction import Carnet, RenduCorrige, corriger_dossier, main

__all__ = ["Carnet", "RenduCorrige", "corriger_dossier", "main"]
