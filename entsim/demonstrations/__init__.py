"""Les démonstrations du cours, jouées en direct sur l'ENT simulé.

- :mod:`~entsim.demonstrations.demonstrations` : le SSO en action (deux services sans
  nouvelle saisie, ticket rejoué, session expirée, déconnexion unique) et les preuves
  d'authentification (code à usage unique, défi par clé, signature) ;
- :mod:`~entsim.demonstrations.capture` : ce qu'un espion voit sur le Wi-Fi du CDI, en
  HTTP et en HTTPS.

Questions du cours : Q13–Q16.
Peut importer : :mod:`entsim.ent` et tout ce qui est en dessous ; jamais les widgets ni les
fiches.
"""

from entsim.demonstrations.capture import Capture, capturer_connexion
from entsim.demonstrations.demonstrations import (DemonstrationPreuves, DemonstrationSSO,
                                                  peut_lire)

__all__ = ["Capture", "DemonstrationPreuves", "DemonstrationSSO", "capturer_connexion",
           "peut_lire"]
