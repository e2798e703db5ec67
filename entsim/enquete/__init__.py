"""La trousse d'entretien (question 6) : interroger les acteurs de l'ENT et analyser leurs réponses.

Un questionnaire par acteur, bâti sur les trois questions du cours (fonctionnalités
utilisées ; évolutions du travail, de la coordination et des échanges ; avantages et
limites), des réponses enregistrées dans un fichier CSV et relues sans perte (une classe
peut fusionner ses fichiers), un jeu de réponses synthétiques livré dans ``data/``,
l'analyse (effectifs, graphiques, avantages et limites les plus cités par acteur, un
graphique exporté en PNG pour la présentation) et une grille d'évaluation de l'oral.

Questions du cours : 6 (et 5 pour les avantages et limites).
Peut importer : ``entsim.organisation``, ``entsim.etablissement`` (le catalogue des
services, pour les fonctionnalités proposées à chaque acteur), ``entsim.socle`` ; ni les
widgets ni Jupyter.

Les modules, de bas en haut : :mod:`~entsim.enquete.acteurs` (les acteurs interviewés),
:mod:`~entsim.enquete.themes` (le dictionnaire des thèmes), :mod:`~entsim.enquete.questionnaire`
(les questions par acteur), :mod:`~entsim.enquete.reponse` (une réponse vérifiée),
:mod:`~entsim.enquete.stockage` (le fichier CSV), :mod:`~entsim.enquete.fusion` (les fichiers
d'une classe), :mod:`~entsim.enquete.analyse` et :mod:`~entsim.enquete.graphiques`
(l'analyse), :mod:`~entsim.enquete.grille` (la grille de l'oral).
"""

from entsim.enquete.acteurs import ACTEURS, Acteur, acteur_depuis
from entsim.enquete.analyse import Analyse, analyser, themes_par_acteur
from entsim.enquete.fusion import Fusion, fusionner
from entsim.enquete.graphiques import graphique_avantages_limites, graphique_fonctionnalites
from entsim.enquete.grille import CRITERES, NIVEAUX, Note, exporter_grille, grille, noter
from entsim.enquete.questionnaire import (AFFIRMATIONS, FREQUENCES, MOMENTS, NIVEAUX_ACCORD,
                                          Question, Questionnaire, options_fonctionnalites,
                                          questionnaire)
from entsim.enquete.reponse import Reponse, ReponseInvalide
from entsim.enquete.stockage import FichierEnqueteInvalide, Lecture, charger, enregistrer, lire
from entsim.enquete.themes import THEMES, Theme, themes_du_texte
from entsim.socle.donnees import chemin as _chemin_donnees

#: Le jeu de réponses synthétiques livré dans ``data/``.
FICHIER_EXEMPLE = "enquete_ent.csv"

__all__ = ["ACTEURS", "AFFIRMATIONS", "Acteur", "Analyse", "CRITERES", "FICHIER_EXEMPLE",
           "FREQUENCES", "FichierEnqueteInvalide", "Fusion", "Lecture", "MOMENTS", "NIVEAUX",
           "NIVEAUX_ACCORD", "Note", "Question", "Questionnaire", "Reponse", "ReponseInvalide",
           "THEMES", "Theme", "acteur_depuis", "analyser", "charger", "charger_exemple",
           "enregistrer", "exporter_grille", "fusionner", "graphique_avantages_limites",
           "graphique_fonctionnalites", "grille", "lire", "noter", "options_fonctionnalites",
           "questionnaire", "themes_du_texte", "themes_par_acteur"]


def charger_exemple() -> list[Reponse]:
    """Les réponses synthétiques livrées (``data/enquete_ent.csv``)."""
    return charger(_chemin_donnees(FICHIER_EXEMPLE))
