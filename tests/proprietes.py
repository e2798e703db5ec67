"""Outils partagés des tests de propriétés (hypothesis).

- :func:`exemples` : le nombre de cas d'un test, multiplié par la variable d'environnement
  ``ENTSIM_PROPRIETES`` (1 par défaut ; ``ENTSIM_PROPRIETES=10`` pour une campagne dix fois
  plus longue, voir le README, section des mainteneurs) ;
- :data:`CAS` : le compteur des cas réellement joués, affiché à la fin de la suite
  (``tests/conftest.py``) ; un test de propriétés y ajoute un cas par exemple joué :
  ``compter("autorisation : oracle")``.

En CI, hypothesis est **dérandomisé** (profil ``ci`` de ``tests/conftest.py``) : la même suite
joue les mêmes cas à chaque exécution ; le profil ``exploration`` (``ENTSIM_HYPOTHESIS=exploration``)
tire de nouveaux cas à chaque fois.
"""

from __future__ import annotations

import os
from collections import Counter

#: Nombre de cas joués par test de propriétés (nom lisible → nombre).
CAS: Counter[str] = Counter()


def facteur() -> int:
    """Le multiplicateur de ``ENTSIM_PROPRIETES`` (entier ≥ 1 ; 1 si absent ou invalide)."""
    try:
        return max(1, int(os.environ.get("ENTSIM_PROPRIETES", "1")))
    except ValueError:
        return 1


def exemples(nombre: int) -> int:
    """``nombre`` cas, multiplié par ``ENTSIM_PROPRIETES``."""
    return nombre * facteur()


def compter(nom: str, nombre: int = 1) -> None:
    """Ajoute ``nombre`` cas joués au test de propriétés ``nom``."""
    CAS[nom] += nombre


#: Attributs d'un service simulé qui ne sont pas ses données (l'ENT et ses composants).
_HORS_DONNEES = frozenset({"ent", "etablissement", "horloge", "autorisation", "journal",
                           "acteurs", "_hasard", "_cle_gar", "ressources"})


def etat_des_donnees(service: object) -> str:
    """L'état des données que garde un service simulé (messages, notes, dépôts…), en texte :
    deux relevés égaux avant et après un refus prouvent que le refus n'a rien changé."""
    return repr(sorted((nom, repr(valeur)) for nom, valeur in vars(service).items()
                       if nom not in _HORS_DONNEES))
