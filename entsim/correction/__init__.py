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
- :mod:`~entsim.correction.rendus` : trouver les fichiers rendus (y compris dans les archives
  zip téléchargées depuis le casier) ;
- :mod:`~entsim.correction.copie` : corriger une copie (une ligne du carnet) ;
- :mod:`~entsim.correction.dossier` : corriger tout un dossier (:func:`corriger_dossier`) :
  ``carnet.csv``, ``synthese.html``, ``retours/``, ``notes_manuelles.csv`` ;
- :mod:`~entsim.correction.commande` : la ligne de commande (``entsim-corriger``,
  ``python -m entsim.correction``).

Garanties (docs/ENSEIGNANTS.md) : un fichier abîmé reçoit une ligne avec sa raison, jamais un
plantage ; le code d'un élève ne s'exécute jamais sans délai, et seulement quand sa réponse
n'est pas une valeur littérale ; deux corrections du même dossier donnent des fichiers
identiques, octet pour octet.

Sens des imports : ``commande`` → ``dossier`` → ``copie`` → ``lecture`` et ``execution`` ;
``dossier`` → ``notes`` et ``rapports`` → ``resultats`` ; ``_enfant`` n'importe rien d'entsim
(il est lancé par son chemin, comme un programme).

Questions du cours : toutes (la correction des fiches).
Peut importer : :mod:`entsim.questions` et tout ce qui est en dessous ; jamais les widgets.
"""

from entsim.correction.commande import main
from entsim.correction.dossier import corriger_dossier
from entsim.correction.notes import lire_note
from entsim.correction.resultats import STATUTS_FICHIER, Carnet, RenduCorrige

__all__ = ["STATUTS_FICHIER", "Carnet", "RenduCorrige", "corriger_dossier", "lire_note", "main"]
