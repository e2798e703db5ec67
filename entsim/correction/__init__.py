"""La correction hors ligne des fiches rendues (commande ``entsim-corriger``).

- :mod:`~entsim.correction.lecture` : lire une copie, même abîmée (JSON invalide, zip,
  UTF-16, cellules supprimées…), reconnaître sa fiche et son élève ;
- :mod:`~entsim.correction.execution` et :mod:`~entsim.correction._enfant` : exécuter le code
  d'un élève dans un processus séparé, sous délai, sortie bornée ;
- :mod:`~entsim.correction.resultats` : le résultat (statuts des fichiers, lignes du carnet,
  carnet), des valeurs sans lecture ni écriture ;
- :mod:`~entsim.correction.notes` : notes manuelles de l'enseignant, conservées d'une
  correction à l'autre ;
- :mod:`~entsim.correction.rapports` : carnet de notes CSV, synthèse HTML, retours par élève ;
- :mod:`~entsim.correction.correction` : trouver les fichiers rendus, corriger chaque copie,
  tout un dossier, et la ligne de commande.

Sens des imports : ``correction`` → ``notes`` et ``rapports`` → ``resultats`` ; ``correction``
→ ``lecture`` et ``execution`` ; ``_enfant`` n'importe rien d'entsim (il est lancé par son
chemin, comme un programme).

Questions du cours : toutes (la correction des fiches).
Peut importer : :mod:`entsim.questions` et tout ce qui est en dessous ; jamais les widgets.
"""

from entsim.correction.correction import Carnet, RenduCorrige, corriger_dossier, main

__all__ = ["Carnet", "RenduCorrige", "corriger_dossier", "main"]
