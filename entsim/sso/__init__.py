"""Le SSO à la CAS 3.0 (propagation de l'identité, deuxième service de l'AAS du SDET).

- :mod:`~entsim.sso.serveur` : le serveur CAS (TGT dans le cookie TGC, tickets de service,
  ``renew``, ``gateway``), assemblé de :mod:`~entsim.sso.acces` (``/login`` : ticket de
  service, autorisation), :mod:`~entsim.sso.connexion` (``/login`` : identifiants, session
  SSO), :mod:`~entsim.sso.validation` et :mod:`~entsim.sso.sessions` ;
- :mod:`~entsim.sso.tickets` : les tickets ``TGT-…`` et ``ST-…`` et leur durée de vie ;
- :mod:`~entsim.sso.validation` : la validation d'un ticket par un service (usage unique) ;
- :mod:`~entsim.sso.reponses` : les réponses XML ``cas:serviceResponse`` ;
- :mod:`~entsim.sso.sessions` : sessions SSO, inactivité, déconnexion unique (SLO) ;
- :mod:`~entsim.sso.applications` : les applications clientes (les services de l'ENT vus
  par le CAS) ;
- :mod:`~entsim.sso.navigateur` : le navigateur et le réseau simulés (cookies, échanges) ;
- :mod:`~entsim.sso.etat` : l'état partagé des parties du serveur, déclaré une fois, et ce que le
  serveur attend de l'authentification et de l'autorisation (sans les importer) ;
- :mod:`~entsim.sso.parcours` : la cinématique d'accès du SDET en 8 étapes.

Questions du cours : Q13 (SSO), Q14 (propagation de l'identité), Q15 (schéma de connexion).
Peut importer : :mod:`entsim.journal`, :mod:`entsim.etablissement`, :mod:`entsim.socle` —
ni l'authentification ni l'autorisation.
"""

from entsim.sso.serveur import ServeurCAS

__all__ = ["ServeurCAS"]
