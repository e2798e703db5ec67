"""L'ENT simulé servi en vrai HTTP : un serveur CAS et des services qu'un vrai navigateur et
un vrai client CAS utilisent.

Une seule simulation, deux façons de l'approcher : dans une cellule, ``ent.connexion(…)``
appelle le serveur CAS simulé (:mod:`entsim.sso`) ; avec ``ent.servir()``, un navigateur
(F12 : onglet Réseau, cookies) ou un client CAS écrit par d'autres (``python-cas``) envoie de
vraies requêtes HTTP, que ce paquet **traduit** en appels de la même simulation (même
établissement, même horloge, même journal). La sémantique CAS (tickets, validation,
déconnexion unique) reste dans :mod:`entsim.sso` ; ici, on ne fait que lire des paramètres,
écrire des pages et poser des cookies.

- :mod:`~entsim.web.adresses` : les adresses réelles (``http://127.0.0.1:8765/notes``) et
  simulées (``https://ent.example/notes``), les paramètres reçus (doublons, longueur,
  caractères de contrôle) ;
- :mod:`~entsim.web.pages` : les pages HTML en français (formulaire de connexion avec la
  notice d'information, pages d'erreur, pages des services), sans JavaScript ;
- :mod:`~entsim.web.cas` : ``/cas/login``, ``/cas/logout``, ``/cas/validate``,
  ``/cas/serviceValidate``, ``/cas/p3/serviceValidate`` ;
- :mod:`~entsim.web.services` : les services (cahier de textes, notes, messagerie…) comme
  de petites applications clientes CAS (validation de serveur à serveur, cookie de session,
  déconnexion unique reçue en POST) ;
- :mod:`~entsim.web.application` : l'application Starlette qui assemble le tout ;
- :mod:`~entsim.web.serveur` : le serveur uvicorn dans un fil d'exécution à part (une cellule
  rend la main tout de suite) et l'option « réseau local » ;
- :mod:`~entsim.web.comptes` : sur le réseau local, un compte par élève, ses fiches à imprimer,
  et un nouveau mot de passe pour chaque compte dont le mot de passe est publié ;
- :mod:`~entsim.web.protocole` : le protocole HTTP de uvicorn, avec un délai de réception des
  en-têtes (connexions lentes ou muettes) ;
- :mod:`~entsim.web.commande` : la commande ``entsim-serveur`` de l'enseignant.

Questions du cours : Q13 (SSO), Q14 (propagation de l'identité), Q15 (schéma de connexion).
Peut importer : :mod:`entsim.ent` et tout ce qui est en dessous, :mod:`entsim.rgpd` (la notice
d'information de la page de connexion) ; Starlette, uvicorn et httpx (extra « web »).
"""
