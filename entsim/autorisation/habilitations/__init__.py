"""Les habilitations et leurs valeurs : actions, ressources, conditions, règles, décisions.

SDET, document 2, « Service d'autorisation » : « Une action sur une ressource définit une
habilitation. Une action peut être une opération de lecture, écriture, modification ou
suppression. Une ressource peut être un service applicatif, une partie de service, une
application, une page Web… Une condition peut être une restriction d'accès au service
applicatif, par exemple en fonction de l'horaire ou de la typologie d'accès. »

Ce sous-paquet rassemble les *valeurs* (objets figés) que manipule le service d'autorisation
(:class:`entsim.autorisation.service.Autorisation`), une notion par module :

* :mod:`~entsim.autorisation.habilitations.actions` — :class:`Action`, les quatre actions du
  SDET, reconnues aussi sous leurs synonymes ;
* :mod:`~entsim.autorisation.habilitations.ressources` — :class:`Ressource`, un service, une
  partie de service, les données d'un élève, d'une classe ou d'un propriétaire ;
* :mod:`~entsim.autorisation.habilitations.conditions` — les conditions d'accès :
  :class:`PlageHoraire` (l'horaire), :class:`Lieu` (la typologie d'accès), évaluées dans un
  :class:`ContexteAcces` ;
* :mod:`~entsim.autorisation.habilitations.regles` — :class:`Regle`, une règle explicite
  « autoriser » ou « refuser » de l'établissement ;
* :mod:`~entsim.autorisation.habilitations.decisions` — :class:`Decision`, le résultat d'une
  demande, avec son code stable et sa raison en français.

Le besoin d'en connaître (qui voit quoi, par rôle) est dans
:mod:`entsim.autorisation.besoin_d_en_connaitre` ; tous ces noms restent importables depuis
:mod:`entsim.autorisation.service`.

Questions du cours : Q13 (l'autorisation : habilitations, conditions).
Peut importer : :mod:`entsim.etablissement` et :mod:`entsim.socle` ; rien d'autre de
:mod:`entsim.autorisation`.
"""

from entsim.autorisation.habilitations.actions import (ACTIONS_PAR_USAGE, TOUTES_LES_ACTIONS,
                                                       Action, liste_actions, replier_cle)
from entsim.autorisation.habilitations.conditions import (JOURS, LIEUX, Condition,
                                                          ContexteAcces, Lieu, PlageHoraire)
from entsim.autorisation.habilitations.decisions import CODES_DECISION, Decision
from entsim.autorisation.habilitations.regles import TOUS, Effet, Regle
from entsim.autorisation.habilitations.ressources import (PARTIE_MESSAGE, SERVICES_PAR_CLASSE,
                                                          SERVICES_PAR_ELEVE,
                                                          SERVICES_PERSONNELS, Ressource, de)

__all__ = ["replier_cle", "Action", "TOUTES_LES_ACTIONS", "ACTIONS_PAR_USAGE", "liste_actions",
           "SERVICES_PAR_ELEVE", "SERVICES_PAR_CLASSE", "SERVICES_PERSONNELS", "PARTIE_MESSAGE",
           "Ressource", "de", "LIEUX", "JOURS", "ContexteAcces", "Condition", "PlageHoraire",
           "Lieu", "Effet", "TOUS", "Regle", "CODES_DECISION", "Decision"]
