"""L'autorisation (troisième service de l'AAS du SDET) : qui a le droit de faire quoi.

- :mod:`~entsim.autorisation.service` : le service d'autorisation, le moteur de décision
  (décisions tracées, le refus l'emporte) ;
- :mod:`~entsim.autorisation.habilitations` (sous-paquet) : les valeurs — actions,
  ressources, conditions d'horaire et de lieu, règles, décisions ;
- :mod:`~entsim.autorisation.usages` : les usages des services par profil (catalogue) ;
- :mod:`~entsim.autorisation.besoin_d_en_connaitre` : le besoin d'en connaître (arrêté ENT
  du 30 novembre 2006 modifié : chaque profil ne voit que ce que son rôle exige) ;
- :mod:`~entsim.autorisation.perimetre` : ce besoin d'en connaître appliqué à une demande ;
- :mod:`~entsim.autorisation.majorite` : les élèves majeurs (Code civil, art. 414) — ils
  justifient leurs absences et peuvent s'opposer à l'accès de leurs parents ;
- :mod:`~entsim.autorisation.explications` : tableau des droits et explications en français ;
- :mod:`~entsim.autorisation.messagerie` : la matrice de la messagerie (qui écrit à qui).

Questions du cours : Q13 (autorisation), Q8–Q10 (données personnelles, confidentialité).
Peut importer : :mod:`entsim.journal`, :mod:`entsim.etablissement`, :mod:`entsim.socle` —
ni l'authentification ni le SSO.
"""

from entsim.autorisation.service import Autorisation

__all__ = ["Autorisation"]
