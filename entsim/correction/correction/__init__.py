"""Corriger sans serveur un dossier de fiches rendues : carnet de notes, synthèse, retours.

Usage (voir docs/ENSEIGNANTS.md) ::

    python -m entsim.correction rendus/                 # résultats dans rendus/correction/
    python -m entsim.correction rendus/ --sortie notes/ --fiche partie1

ou, depuis Python : ``corriger_dossier("rendus")``. Pour chaque fichier rendu (y compris ceux
d'une archive ``.zip`` téléchargée depuis le casier de l'ENT), une ligne du carnet :

- ``carnet.csv`` : fichier, élève, fiche, points de chaque question, total, barème, questions
  à noter à la main, statut du fichier et raison (séparateur « ; », virgule décimale,
  UTF-8 avec BOM : s'ouvre tel quel dans un tableur réglé en français) ;
- ``synthese.html`` : tableau récapitulatif et, pour chaque fiche, taux de réussite de chaque
  question en diagramme (SVG intégré : un seul fichier, aucune ressource externe) ;
- ``retours/<élève>.html`` : le retour de chaque élève, question par question, avec les
  indices des questions à retravailler et les commentaires du professeur ;
- ``notes_manuelles.csv`` : une ligne par question ouverte (à noter à la main) ; le
  professeur y saisit « note » et « commentaire ». À chaque nouvelle correction, ce fichier
  est **relu et complété**, jamais écrasé : les notes saisies sont gardées et comptées dans
  les totaux ; les nouveaux fichiers et questions sont ajoutés.


Garanties : un fichier abîmé (JSON invalide, tronqué, vide, binaire, autre fiche…) reçoit
une ligne avec sa raison, jamais un plantage ; le code d'un élève ne s'exécute jamais sans
délai (:mod:`entsim.correction.execution`), et seulement quand sa réponse n'est pas une
valeur littérale (:mod:`entsim.correction.lecture`) ; deux corrections successives du même
dossier produisent des fichiers identiques, octet pour octet (ordre trié, aucune date).

- :mod:`~entsim.correction.correction.rendus` : trouver les fichiers rendus (y compris dans
  les archives zip) et lire leur contenu ;
- :mod:`~entsim.correction.correction.copie` : corriger une copie (une ligne du carnet) ;
- :mod:`~entsim.correction.correction.dossier` : corriger tout un dossier et écrire les
  résultats (:func:`corriger_dossier`) ;
- :mod:`~entsim.correction.correction.commande` : la ligne de commande (:func:`main`).

Questions du cours : toutes (la correction des fiches).
Peut importer : le reste de :mod:`entsim.correction` (lecture, exécution, résultats, notes,
rapports), :mod:`entsim.questions` et ce qui est en dessous.
"""

from entsim.correction.correction.commande import main
from entsim.correction.correction.dossier import corriger_dossier
from entsim.correction.correction.rendus import MEMBRES_ZIP_MAX
from entsim.correction.notes import (COLONNES_NOTES, NoteManuelle, lire_note,
                                     lire_notes_manuelles)
from entsim.correction.resultats import (DOSSIER_SORTIE_DEFAUT, NOM_CARNET,
                                         NOM_NOTES_MANUELLES, NOM_RETOURS, NOM_SYNTHESE,
                                         STATUTS_CORRIGES, STATUTS_FICHIER,
                                         STATUTS_FICHIER_PLURIEL, Carnet, RenduCorrige)

__all__ = ["Carnet", "RenduCorrige", "STATUTS_FICHIER", "STATUTS_FICHIER_PLURIEL",
           "STATUTS_CORRIGES", "DOSSIER_SORTIE_DEFAUT", "NOM_CARNET", "NOM_SYNTHESE",
           "NOM_NOTES_MANUELLES", "NOM_RETOURS", "MEMBRES_ZIP_MAX", "COLONNES_NOTES",
           "NoteManuelle", "corriger_dossier", "lire_note", "lire_notes_manuelles", "main"]
