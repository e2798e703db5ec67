"""Le simulateur d'activité : l'usage de l'ENT par tout un lycée, d'une semaine à une année.

Il produit, à l'échelle d'un lycée de 2 000 élèves, les connexions et l'usage des services
par profil, avec des rythmes réalistes (élèves le soir et avant les évaluations, parents le
soir et juste après la publication des notes, enseignants après les cours, le dimanche soir
et en fin de trimestre, vie scolaire le matin, direction et secrétariat aux heures de
bureau ; week-ends, vacances scolaires de la zone, pics de fin de trimestre). Les lectures et
les messages simulés respectent les décisions du service d'autorisation de l'ENT (les mêmes,
pas une seconde liste de règles). La sortie a les colonnes du journal de l'AAS : toute
analyse (graphiques de la partie 2, enquête de la partie 3) marche sur les deux. Des
incidents peuvent être plantés (lieu et moment tirés de la graine, rendus avec les données).

Questions du cours : 4 à 6 (acteurs, organisation du travail, coordination), et l'enquête
dans le journal de la partie 3.
Peut importer : ``entsim.ent`` et les couches en dessous ; ni les widgets ni Jupyter.
"""

from entsim.activite.calendrier import CalendrierScolaire
from entsim.activite.resultat import ActiviteSimulee, Incident
from entsim.activite.simulateur import simuler_activite

__all__ = ["simuler_activite", "ActiviteSimulee", "Incident", "CalendrierScolaire"]
