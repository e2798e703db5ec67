"""Les schémas : Graphviz (programme ``dot`` ou intégré en WebAssembly) et les dessins du cours.

- :mod:`~entsim.diagrammes.dot` : lecteur du langage DOT (décrire un schéma en texte) ;
- :mod:`~entsim.diagrammes.rendu` : le moteur Graphviz (``dot`` installé ou WebAssembly) ;
- :mod:`~entsim.diagrammes.schema` : l'objet :class:`~entsim.diagrammes.schema.Schema`,
  affichable dans un notebook et décrit en texte ;
- :mod:`~entsim.diagrammes.carte` : la carte de l'ENT (profils et familles de services) ;
- :mod:`~entsim.diagrammes.coordination` : prévenir une famille d'une absence, avant et avec
  l'ENT (partie 2, coordination entre les acteurs), tiré de :mod:`entsim.organisation` ;
- :mod:`~entsim.diagrammes.sso` : les schémas de connexion tirés de vraies exécutions
  (8 étapes, séquence, SSO, déconnexion unique), un module par schéma.

Questions du cours : Q1 (carte des services), Q14–Q15 (schéma du processus de connexion).
Peut importer : :mod:`entsim.ent` et tout ce qui est en dessous (AAS, journal,
établissement, socle) ; jamais les widgets ni les fiches.
"""

from entsim.diagrammes.carte import carte_ent
from entsim.diagrammes.coordination import schema_coordination
from entsim.diagrammes.schema import Schema
from entsim.diagrammes.sso import (schema_a_completer, schema_deconnexion, schema_parcours,
                                   schema_sequence, schema_sso_second_acces)

__all__ = ["Schema", "carte_ent", "schema_a_completer", "schema_coordination",
           "schema_deconnexion", "schema_parcours", "schema_sequence", "schema_sso_second_acces"]
