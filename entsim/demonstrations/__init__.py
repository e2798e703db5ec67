"""Les démonstrations du cours, jouées en direct sur l'ENT simulé.

- :mod:`~entsim.demonstrations.sso` : le SSO en action (deux services sans nouvelle
  saisie, ticket rejoué, session expirée, déconnexion unique) ;
- :mod:`~entsim.demonstrations.preuves` : les preuves d'authentification (code à usage
  unique, défi par clé, signature) ;
- :mod:`~entsim.demonstrations.autorisation` : la question posée au service d'autorisation
  (:func:`peut_lire`) ;
- :mod:`~entsim.demonstrations.resultats` : les résultats affichables de ces démonstrations ;
- :mod:`~entsim.demonstrations.capture` : ce qu'un espion voit sur le Wi-Fi du CDI, en
  HTTP et en HTTPS (octets fabriqués par :mod:`~entsim.demonstrations.trames`) ;
- :mod:`~entsim.demonstrations.coulisses_aas` : ce que l'ENT fait déjà en coulisses, en une
  ligne (tickets de la graine et d'un vrai serveur, empreintes stockées, durée maximale de
  session, identifiants opaques du GAR) ;
- :mod:`~entsim.demonstrations.mot_de_passe_invente` : juger un mot de passe inventé par
  l'élève sans jamais le répéter ;
- :mod:`~entsim.demonstrations.commun` : les outils partagés.

Questions du cours : Q13–Q16.
Peut importer : :mod:`entsim.ent` et tout ce qui est en dessous ; jamais les widgets ni les
fiches.
"""

from entsim.demonstrations.autorisation import peut_lire
from entsim.demonstrations.capture import Capture, capturer_connexion
from entsim.demonstrations.preuves import DemonstrationPreuves
from entsim.demonstrations.sso import DemonstrationSSO

__all__ = ["Capture", "DemonstrationPreuves", "DemonstrationSSO", "capturer_connexion",
           "peut_lire"]
