"""Les schémas de la connexion à l'ENT (question 15), tracés à partir d'exécutions réelles.

Aucun de ces schémas n'est dessiné à la main : chacun lit ce qu'une exécution de la
simulation a produit — les lignes du journal (:mod:`entsim.journal.chaine`) et les échanges HTTP
(:class:`entsim.sso.navigateur.Echange`) — avec les vraies valeurs (tickets ``ST-…``, cookie
``TGC``, adresses). Relancer la simulation avec une autre graine change les valeurs.

* :func:`schema_parcours` (:mod:`~entsim.diagrammes.sso.cinematique`) : la cinématique
  d'accès du SDET en 8 étapes (document 2 du cours), étape courante mise en évidence (pour
  l'animation pas à pas) ;
* :func:`schema_sequence` (:mod:`~entsim.diagrammes.sso.sequence`) : le diagramme de
  séquence des échanges (navigateur, services, serveur CAS), flèches numérotées dans
  l'ordre ; :func:`schema_sso_second_acces` : le second accès, sans mot de passe (SSO) ;
* :func:`schema_a_completer` (:mod:`~entsim.diagrammes.sso.a_completer`) : le même
  processus en 8 flèches numérotées et vides, que l'élève étiquette (question 15, ``q15c``) ;
* :func:`schema_deconnexion` (:mod:`~entsim.diagrammes.sso.deconnexion`) : la déconnexion
  unique propagée à chaque service, avec le ``SessionIndex`` (ticket) de chacun
  (spécification CAS 3.0, section 2.3.3 et annexe C ; SDET : « propagation de la
  déconnexion auprès de l'ensemble des services applicatifs »).

Outils communs : :mod:`~entsim.diagrammes.sso.textes` (valeurs abrégées, adresses courtes,
textes DOT) et :mod:`~entsim.diagrammes.sso.couloirs` (le dessin en couloirs des deux
premiers schémas, que Graphviz ne sait pas faire).

Questions du cours : Q14 (propagation de l'identité), Q15 (schéma du processus de
connexion). Peut importer : :mod:`entsim.diagrammes.schema`, :mod:`entsim.sso` (parcours,
échanges, réponses), :mod:`entsim.journal` et :mod:`entsim.socle` ; jamais les widgets.
"""

from entsim.diagrammes.sso.a_completer import schema_a_completer
from entsim.diagrammes.sso.cinematique import Fleche, fleches_parcours, schema_parcours
from entsim.diagrammes.sso.deconnexion import schema_deconnexion
from entsim.diagrammes.sso.sequence import (Message, messages_sequence, schema_sequence,
                                            schema_sso_second_acces)
from entsim.diagrammes.sso.textes import abreger, abreger_texte, url_courte

__all__ = [
    "Fleche", "Message", "abreger", "abreger_texte", "fleches_parcours", "messages_sequence",
    "schema_a_completer", "schema_deconnexion", "schema_parcours", "schema_sequence",
    "schema_sso_second_acces", "url_courte",
]
