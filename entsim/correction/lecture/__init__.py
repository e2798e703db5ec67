"""Lire un notebook rendu par un élève, même abîmé, et en extraire les réponses sans l'exécuter.

Un notebook (format nbformat 4, décrit dans la documentation de Jupyter « The Notebook file
format ») est un fichier JSON : une liste ``cells`` (type, ``source``, ``metadata``) et des
``metadata`` générales. Les fiches d'entsim y ajoutent (docs/QUESTIONS.md) :
``metadata.entsim.fiche`` (l'identifiant de la fiche) et, sur chaque cellule de réponse,
``metadata.entsim = {"question": qid, "role": "reponse"}`` ; la réponse est l'affectation
``reponse_<qid> = …`` écrite dans la cellule.

- :mod:`~entsim.correction.lecture.notebook` : lire le fichier (octets, encodage, JSON,
  ancien format, fichier tronqué ou abîmé) en une liste de cellules ;
- :mod:`~entsim.correction.lecture.reponses` : lire la réponse à une question dans ces
  cellules, par évaluation littérale seulement (rien n'est exécuté ici) ;
- :mod:`~entsim.correction.lecture.identification` : reconnaître la fiche de la copie et le
  nom de l'élève.

Les sorties enregistrées dans le fichier (``outputs``) ne sont **jamais** lues : la note
vient des réponses, pas d'un « ✓ Juste » qu'on aurait pu fabriquer. Une réponse calculée
est obtenue par :mod:`entsim.correction.execution`, dans un processus séparé, sous délai.

Questions du cours : toutes (la correction des fiches).
Peut importer : :mod:`entsim.etablissement` (repli des textes) et :mod:`entsim.socle` ;
jamais le reste de :mod:`entsim.correction`.
"""

from entsim.correction.lecture.identification import (FicheReconnue, nom_dans_notebook,
                                                       nom_depuis_chemin, reconnaitre_fiche)
from entsim.correction.lecture.notebook import (STATUTS_ILLISIBLES, TAILLE_MAX, Cellule,
                                                NotebookLu, Remarque, RenduIllisible,
                                                lire_notebook, lire_octets)
from entsim.correction.lecture.reponses import (ROLES_SANS_REPONSE, SOURCE_MAX, ReponseLue,
                                                analyser_cellule, cellules_candidates,
                                                code_de_cellule, lire_reponse)

__all__ = ["TAILLE_MAX", "SOURCE_MAX", "STATUTS_ILLISIBLES", "ROLES_SANS_REPONSE",
           "RenduIllisible", "Remarque", "Cellule", "NotebookLu", "ReponseLue", "FicheReconnue",
           "lire_notebook", "lire_octets", "reconnaitre_fiche", "code_de_cellule",
           "cellules_candidates", "analyser_cellule", "lire_reponse", "nom_dans_notebook",
           "nom_depuis_chemin"]
