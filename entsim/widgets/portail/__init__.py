"""Le portail de l'ENT : la page d'accueil, les tuiles des services, le changement de rôle,
le mode projection et les coulisses ; et la même donnée vue par chaque rôle.

Tout passe par les vrais services AAS de l'ENT simulé (SDET, document 2) :

- :mod:`~entsim.widgets.portail.connexion` : la connexion par le serveur CAS (échecs comptés,
  blocage après 5 échecs, même message pour un identifiant inconnu et un mot de passe faux),
  l'horloge simulée qu'on avance jusqu'à la fin d'un blocage, la première connexion (code
  d'activation, charte, information sur les droits — avis de la CNIL, 2006 —, mot de passe
  conforme) et la déconnexion unique propagée à chaque service ouvert (CAS 3.0,
  section 2.3.3) ;
- :mod:`~entsim.widgets.portail.tuiles` : les tuiles du profil connecté et l'ouverture d'un
  service par le SSO, sans nouvelle saisie du mot de passe (CAS 3.0, sections 2.1 à 2.5),
  médiacentre (GAR) compris ;
- :mod:`~entsim.widgets.portail.barre` : « Voir en tant que » (changer de rôle par le vrai
  serveur CAS), le mode projection et les coulisses ;
- :mod:`~entsim.widgets.portail.roles` : les personnages du récit qu'on peut incarner ;
- :mod:`~entsim.widgets.portail.base` : l'état et la zone d'annonce communs aux parties ;
- :mod:`~entsim.widgets.portail.assemblage` : :class:`Portail`, qui assemble le tout ;
- :mod:`~entsim.widgets.portail.comparaison` : :class:`MemeActionParRole`, la décision du
  service d'autorisation pour chaque rôle sur une même ressource.

Chaque effet est aussi écrit en toutes lettres dans une zone d'annonce (``role="status"``,
lue par les lecteurs d'écran) ; la couleur n'est jamais le seul signal (symboles ✓ ✗ ▶ et
mots) ; tout texte venu d'un utilisateur est échappé, jamais interprété comme du HTML.

Questions du cours : Q1–Q3 (les services de chaque profil, une seule connexion), Q13
(authentification, autorisation, SSO), Q14 (propagation de l'identité).
Peut importer : tout :mod:`entsim` (les widgets sont la couche du haut) ; rien hors des
widgets n'importe ce paquet.

Dans un notebook::

    from entsim import ENT
    from entsim.widgets.portail import Portail
    Portail(ENT.demo())
"""

from __future__ import annotations

from entsim.widgets.portail.assemblage import Portail
from entsim.widgets.portail.comparaison import (
    MemeActionParRole,
    VueParRole,
    personnaliser_raison,
)
from entsim.widgets.portail.connexion import LIBELLE_ATTENTE, MESSAGE_BIENVENUE, NOTE_BLOCAGE
from entsim.widgets.portail.roles import (
    ALIAS_ROLES,
    DESCRIPTIONS_ROLES,
    ROLES_DEMO,
    libelle_persona,
    que,
    resoudre_role,
)

__all__ = ["ALIAS_ROLES", "DESCRIPTIONS_ROLES", "LIBELLE_ATTENTE", "MemeActionParRole",
           "NOTE_BLOCAGE", "Portail", "ROLES_DEMO", "VueParRole", "libelle_persona",
           "personnaliser_raison", "que", "resoudre_role"]
