"""Le catalogue des services de l'ENT : ce que fait chaque service, pour qui, avec quelles données.

Partie 1 du cours (question 1 : « relever et définir chacun des services proposés […] en
précisant leurs finalités ») et partie 3 (questions 8 à 10 : données personnelles, finalité,
durée de conservation). Les services viennent de trois sources, notées dans la colonne
``source`` de ``data/services.csv`` :

- « CERTA 2013 » : la ressource CERTA du cours (questions 3, 5, 6 et 11 ; document 1, avis de
  la CNIL : « les notes, les absences, le cahier de textes de la classe » ; document 2, SDET :
  « Téléservices de l'Education Nationale », « services tiers fournisseurs de ressources
  pédagogiques ») ;
- « Ministère 2022 » : la page du ministère, qui range les services de base en cinq familles
  (:data:`FAMILLES`) ;
- « ENT réel » : les applications d'Open ENT NG / Edifice (Messagerie, Actualités, Blog,
  Forum, Wiki, Pad collaboratif, Mur collaboratif, Communautés, Annuaire, Sondage, Pages,
  Casier, Documents, Cahier de textes, Agenda, Exercices et évaluations…).

:data:`CITATIONS` relie chaque service nommé dans les deux documents (avec les mots du
document) au code du catalogue ; :data:`SERVICES_CITES` en est la forme « mot → code ».

Usages par profil : ``aucun``, ``lecture`` ou ``ecriture`` (écriture = publier, répondre,
déposer ou modifier, ce qui suppose de pouvoir lire). C'est le maximum qu'un profil peut
faire dans le service ; les fonctions (professeur documentaliste, chef d'établissement…) et
les partages de chaque ressource restreignent ensuite, conformément à l'arrêté ENT : chaque
profil ne voit que ce que son rôle exige.

Conservation : arrêté du 30 novembre 2006 modifié par l'arrêté du 13 octobre 2017, article 6
(données mises à jour à chaque rentrée ; dans l'enseignement scolaire, supprimées de l'ENT
dans un délai de trois mois dès que la personne n'a plus vocation à détenir un compte ;
contributions aux espaces communautaires conservables à des fins pédagogiques sauf
opposition de leur auteur). ``duree_conservation_jours`` est ce délai compté à partir du
départ de l'usager. Les journaux de connexion relèvent d'une autre règle (CNIL : 6 mois à
1 an), voir :mod:`entsim.journal.chaine`.

Le sous-paquet :

- :mod:`~entsim.etablissement.catalogue.sources` : les documents qui nomment les services
  (:data:`SOURCES`, :data:`FAMILLES`, :data:`CITATIONS`) — des données, recopiées des
  documents du cours ;
- :mod:`~entsim.etablissement.catalogue.service` : un service (:class:`Service`) et ses
  usages par profil ;
- :mod:`~entsim.etablissement.catalogue.lecture` : lire et vérifier ``data/services.csv`` et
  ``data/categories_donnees.csv`` (:class:`CatalogueInvalide` nomme la ligne fautive) ;
- :mod:`~entsim.etablissement.catalogue.catalogue` : le catalogue (:class:`Catalogue`), ses
  recherches et son tableau en français.

Questions du cours : Q1–Q3 (les services et leurs usages), Q8–Q10 (données personnelles,
finalité, durée de conservation).
Peut importer : :mod:`entsim.etablissement.annuaire` (les profils),
:mod:`entsim.etablissement.identifiants` et :mod:`entsim.socle`.
"""

from entsim.etablissement.catalogue.catalogue import Catalogue, charger_catalogue
from entsim.etablissement.catalogue.lecture import (COLONNES, COLONNES_USAGE, FICHIER_CATEGORIES,
                                                    FICHIER_SERVICES, CatalogueInvalide,
                                                    lire_categories)
from entsim.etablissement.catalogue.service import LIBELLES_USAGE, USAGES, Service
from entsim.etablissement.catalogue.sources import (CITATIONS, FAMILLES, SERVICES_CITES, SOURCES,
                                                    Citation)

__all__ = ["Catalogue", "charger_catalogue", "Service", "Citation", "CatalogueInvalide",
           "lire_categories", "FICHIER_SERVICES", "FICHIER_CATEGORIES", "USAGES",
           "LIBELLES_USAGE", "FAMILLES", "SOURCES", "COLONNES_USAGE", "COLONNES", "CITATIONS",
           "SERVICES_CITES"]
