"""L'authentification (premier service de l'AAS du SDET) : prouver qui l'on est.

- :mod:`~entsim.authentification.service` : le service d'authentification (connexion,
  échecs tracés) ;
- :mod:`~entsim.authentification.comptes` : comptes et leurs états ;
- :mod:`~entsim.authentification.hachage` : empreintes des mots de passe (Argon2, et des
  schémas faibles gardés pour la leçon) ;
- :mod:`~entsim.authentification.mots_de_passe` (sous-paquet) : la politique de mots de passe
  du SDET, l'entropie et les verdicts de la CNIL (délibération 2022-100), la liste des mots de
  passe courants, les temps de cassage ;
- :mod:`~entsim.authentification.changement` : choisir et changer un mot de passe ;
- :mod:`~entsim.authentification.verrouillage` : blocage après des échecs, délai croissant ;
- :mod:`~entsim.authentification.activation` : première connexion (code d'activation) ;
- :mod:`~entsim.authentification.preuves` (sous-paquet) : autres preuves (code à usage
  unique, clés, certificats, signature) ;
- :mod:`~entsim.authentification.autres_preuves` : ces preuves branchées sur le service ;
- :mod:`~entsim.authentification.etat` : l'état partagé des parties du service, déclaré une
  fois.

Questions du cours : Q13 (authentification), Q16 (preuves d'authentification), Q17 (le SDET
et la CNIL).
Peut importer : :mod:`entsim.journal`, :mod:`entsim.etablissement`, :mod:`entsim.socle` —
ni le SSO ni l'autorisation (les trois services de l'AAS sont indépendants ; l'objet
:class:`entsim.ENT` les relie).
"""

from entsim.authentification.mots_de_passe.cnil import tableau_exemples_cnil
from entsim.authentification.service import Authentification

# tableau_exemples_cnil : la fiche de la partie 3 le fait afficher aux élèves (indice de q16e)
__all__ = ["Authentification", "tableau_exemples_cnil"]
