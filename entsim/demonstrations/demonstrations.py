"""Ancien emplacement des démonstrations, gardé pour les fiches et les notebooks déjà écrits.

Les démonstrations sont rangées, une responsabilité par module :

- :mod:`~entsim.demonstrations.sso` : :class:`DemonstrationSSO` (deux services avec un seul
  mot de passe, tickets, rejeu, inactivité, déconnexion unique ; questions 13 à 15) ;
- :mod:`~entsim.demonstrations.preuves` : :class:`DemonstrationPreuves` (mot de passe, code
  à usage unique, certificat et clé, signature ; question 16) ;
- :mod:`~entsim.demonstrations.autorisation` : :func:`peut_lire` (question 13) ;
- :mod:`~entsim.demonstrations.resultats` : les résultats affichables ;
- :mod:`~entsim.demonstrations.commun` : les outils partagés (:func:`exiger_ent`…).

Tous les noms définis ici auparavant restent importables depuis
``entsim.demonstrations.demonstrations``.
"""

from entsim.demonstrations.autorisation import peut_lire
from entsim.demonstrations.commun import (  # noqa: F401 — anciens noms du module
    _duree_fr, _mot_de_passe_demo, _pluriel, exiger_ent,
)
from entsim.demonstrations.preuves import (  # noqa: F401 — anciens noms du module
    ATTENTE_MAX_SECONDES,
    DemonstrationPreuves,
)
from entsim.demonstrations.resultats import (
    ResultatDeconnexionUnique,
    ResultatDemonstration,
    ResultatDeuxServices,
    ResultatInactivite,
    ResultatRejeu,
    ResultatSignature,
    ResultatTickets,
)
from entsim.demonstrations.sso import (  # noqa: F401 — anciens noms du module
    INACTIVITE_MAX_DEMONSTRATION,
    LIBELLES_ATTRIBUTS,
    POSTE_ESPION,
    DemonstrationSSO,
)

__all__ = [
    "DemonstrationPreuves", "DemonstrationSSO", "LIBELLES_ATTRIBUTS", "POSTE_ESPION",
    "ResultatDeconnexionUnique", "exiger_ent", "peut_lire",
    "ResultatDemonstration", "ResultatSignature",
    "ResultatDeuxServices", "ResultatInactivite", "ResultatRejeu", "ResultatTickets",
]
