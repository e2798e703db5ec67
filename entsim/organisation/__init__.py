"""Les acteurs de l'ENT et l'organisation du travail : qui est concerné, ce que l'ENT change.

Les acteurs internes et externes de l'établissement (question 4), les avantages et les
limites de l'ENT pour chacun (question 5 : le tableau du corrigé de 2013, complété par la
page du ministère de 2022 — fracture numérique, droit à la déconnexion…), et une tâche de
coordination décrite avant et après l'ENT (prévenir une famille d'une absence) : étapes,
acteurs, délais.

Questions du cours : 4 et 5.
Peut importer : ``entsim.socle`` seulement (des données et des valeurs, sans simulation).
"""

from entsim.organisation.acteurs import (EXTERNE, FAMILLES, INTERNE, PROFILS,
                                         SERVICES_NON_ACTEURS, Acteur, acteur, acteurs,
                                         acteurs_externes, acteurs_internes, tableau_acteurs)
from entsim.organisation.avantages import (AVANTAGE, LIMITE, NATURES, AvantageOuLimite,
                                           acteurs_avec_avantages, avantages_et_limites,
                                           tableau_avantages_limites)
from entsim.organisation.coordination import (AVERTISSEMENT_DELAIS, PROCESSUS, TACHE,
                                              ComparaisonCoordination, Etape,
                                              comparaison_coordination, coordination,
                                              duree_en_mots)
from entsim.organisation.lecture import DonneesInvalides

__all__ = ["Acteur", "acteur", "acteurs", "acteurs_internes", "acteurs_externes",
           "tableau_acteurs", "FAMILLES", "PROFILS", "INTERNE", "EXTERNE",
           "SERVICES_NON_ACTEURS", "AvantageOuLimite", "avantages_et_limites",
           "acteurs_avec_avantages", "tableau_avantages_limites", "AVANTAGE", "LIMITE",
           "NATURES", "Etape", "ComparaisonCoordination", "coordination",
           "comparaison_coordination", "duree_en_mots", "TACHE", "PROCESSUS",
           "AVERTISSEMENT_DELAIS", "DonneesInvalides"]
