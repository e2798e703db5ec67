"""``/login`` comme accepteur d'identifiants : le serveur CAS ouvre la session SSO.

*CAS Protocol 3.0 Specification* (version 3.0.3, Apereo), section 2.2 : l'utilisateur envoie
le formulaire de connexion (2.2.2) ; en cas de succès, le ticket d'octroi ``TGT-…`` (3.8) est
créé et gardé dans le cookie TGC (3.6) ; si un service est nommé, un ticket de service lui est
émis tout de suite (2.2.4). Le mot de passe n'est pas vérifié ici mais par le service
d'identification/authentification (SDET, document 2 : « la comparaison avec la valeur stockée
du mot de passe DOIVENT être effectuées par le service AAS ») ; toute autre preuve réussie
(code à usage unique, certificat : SDET, « Les moyens d'authentification ») ouvre aussi la
session.

:class:`ConnexionCAS` est une partie de :class:`entsim.sso.serveur.ServeurCAS` (classe mère) ;
:class:`ResultatAuthentificationLike` décrit ce que rend le service d'authentification.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.texte import cite
from entsim.sso.etat import EtatServeurCAS, ResultatAuthentificationLike
from entsim.sso.navigateur import CANAL_NAVIGATEUR, Navigateur
from entsim.sso.reponses import (MESSAGES, NOM_SERVEUR, SERVICE_INCONNU, SESSION_SSO_OUVERTE,
                                 ResultatConnexion, recopie, verifier_transmissible)
from entsim.sso.tickets import LONGUEUR_ALEA_TGT, NOM_COOKIE_TGC, TicketTGT, _duree_lisible

if TYPE_CHECKING:
    from entsim.sso.applications import ServiceApplicatif


class ConnexionCAS(EtatServeurCAS):
    """``/login`` (section 2.2) : vérifier une preuve, ouvrir la session SSO (TGT)."""

    # -- /login comme accepteur d'identifiants (section 2.2) -----------------------------
    def connexion(self, navigateur: Navigateur, identifiant: str, mot_de_passe: str, *,
                  service: str | None = None, renew: bool = False) -> ResultatConnexion:
        """L'utilisateur envoie le formulaire de connexion (section 2.2.2).

        Le mot de passe est vérifié par le service d'authentification
        (``verifier_identifiants`` ; SDET : « la comparaison avec la valeur stockée du mot
        de passe DOIVENT être effectuées par le service AAS »). En cas de succès, la session
        SSO (TGT) est ouverte et le cookie TGC posé ; si un service est donné, un ticket est
        émis pour lui (section 2.2.4) — ticket « de première main », qui satisfait
        ``renew``. ``renew`` ne change que l'adresse notée : des identifiants saisis
        satisfont toujours ``renew``.
        """
        navigateur = self._verifier_navigateur(navigateur)
        verifier_texte(identifiant, "identifiant")
        verifier_transmissible(identifiant, "identifiant")
        verifier_texte(mot_de_passe, "mot de passe", vide_autorise=True)
        self._verifier_booleens(renew=renew)
        self.nettoyer()
        debut = self.reseau.dernier_numero()
        cible = None
        if service is not None:
            verifier_texte(service, "service")
            cible = self._trouver(service)
        url = self.url_login(cible.url if cible is not None else service, renew=renew)
        corps = f"username={identifiant}&password={'•' * 8}"
        if cible is None and service is not None:
            self.reseau.noter(canal=CANAL_NAVIGATEUR, navigateur=navigateur,
                              emetteur=navigateur.nom_poste, destinataire=NOM_SERVEUR,
                              methode="POST", url=url, statut=403, corps=corps,
                              description="Service non enregistré : connexion refusée.")
            return ResultatConnexion(
                ok=False, code=SERVICE_INCONNU,
                message=f"{MESSAGES[SERVICE_INCONNU]} (service demandé : {recopie(service)})",
                identifiant=identifiant, service=service,
                etapes=("Service absent du registre : opération refusée",),
                echanges=self.reseau.depuis(debut))
        resultat = self.verifier_identifiants(identifiant, mot_de_passe, navigateur.nom_poste)
        return self._ouvrir(navigateur, resultat, cible, debut=debut, methode_http="POST",
                            url=url, corps=corps,
                            etapes=[f"Identifiants de {cite(identifiant)} envoyés au serveur "
                                    "CAS (formulaire, méthode POST)"])

    def ouvrir_session(self, navigateur: Navigateur,
                       resultat_authentification: ResultatAuthentificationLike, *,
                       service: str | None = None) -> ResultatConnexion:
        """Ouvre la session SSO à partir de n'importe quelle preuve réussie (mot de passe,
        code à usage unique, certificat : SDET, « Les moyens d'authentification »)."""
        navigateur = self._verifier_navigateur(navigateur)
        for attribut in ("ok", "code", "message", "identifiant", "methode"):
            if not hasattr(resultat_authentification, attribut):
                raise ValeurInvalide("Il faut le résultat d'une authentification (avec ok, "
                                     "code, message, identifiant et methode).")
        self.nettoyer()
        debut = self.reseau.dernier_numero()
        cible = None
        if service is not None:
            verifier_texte(service, "service")
            cible = self._trouver(service)
            if cible is None:
                return ResultatConnexion(
                    ok=False, code=SERVICE_INCONNU,
                    message=f"{MESSAGES[SERVICE_INCONNU]} (service demandé : "
                            f"{recopie(service)})",
                    service=service, etapes=("Service absent du registre : opération "
                                             "refusée",))
        methode = str(resultat_authentification.methode)
        url = self.url_login(cible.url if cible is not None else None)
        return self._ouvrir(navigateur, resultat_authentification, cible, debut=debut,
                            methode_http="POST", url=url, corps=f"preuve={methode}",
                            etapes=[f"Preuve d'authentification ({methode}) présentée au "
                                    "serveur CAS"])

    def _ouvrir(self, navigateur: Navigateur, resultat: ResultatAuthentificationLike,
                cible: ServiceApplicatif | None, *, debut: int, methode_http: str, url: str,
                corps: str, etapes: list[str]) -> ResultatConnexion:
        envoyes = tuple(str(c) for c in navigateur.cookies_pour(url))

        def noter(statut: int, description: str, location: str | None = None,
                  poses: tuple[str, ...] = ()) -> None:
            self.reseau.noter(canal=CANAL_NAVIGATEUR, navigateur=navigateur,
                              emetteur=navigateur.nom_poste, destinataire=NOM_SERVEUR,
                              methode=methode_http, url=url, statut=statut, corps=corps,
                              location=location, cookies_envoyes=envoyes,
                              cookies_poses=poses, description=description)

        if not resultat.ok:
            etapes.append(f"Authentification refusée : {resultat.message}")
            noter(200, f"Échec de l'authentification : formulaire affiché de nouveau "
                       f"({resultat.message})")
            return ResultatConnexion(
                ok=False, code=str(resultat.code), message=str(resultat.message),
                identifiant=resultat.identifiant, methode=str(resultat.methode),
                service=cible.code if cible else None, etapes=tuple(etapes),
                echanges=self.reseau.depuis(debut))
        identifiant = resultat.identifiant
        if not isinstance(identifiant, str) or not identifiant:
            raise ValeurInvalide("Une authentification réussie doit nommer l'identifiant "
                                 "authentifié.")
        # l'identité part telle quelle dans cas:user (annexe A) : elle doit s'écrire en XML
        verifier_transmissible(identifiant, "identifiant")
        maintenant = self.horloge.maintenant()
        methode = str(resultat.methode)
        etapes.append(f"Authentification réussie ({methode}) : {resultat.message}")
        tgt, _motif, _cookie = self._lire_tgc(navigateur)
        poses: tuple[str, ...] = ()
        if tgt is not None and tgt.identifiant == identifiant:
            tgt.authentifie_le = maintenant
            tgt.derniere_utilisation = maintenant
            tgt.methode = methode
            etapes.append(f"Session SSO {tgt.id} déjà ouverte sur ce poste pour "
                          f"{identifiant} : authentification renouvelée")
        else:
            if tgt is not None:
                etapes.append(f"La session SSO de {tgt.identifiant} sur ce poste est fermée : "
                              f"{identifiant} se connecte à sa place")
                self._terminer(tgt, "remplacement")
            tgt = TicketTGT(id=self._jeton("TGT", LONGUEUR_ALEA_TGT), identifiant=identifiant,
                            poste=navigateur.nom_poste, methode=methode, cree_le=maintenant,
                            authentifie_le=maintenant, derniere_utilisation=maintenant)
            self._tgts[tgt.id] = tgt
            cookie = self._cookie_tgc(tgt.id)
            navigateur.poser_cookie(cookie)
            poses = (str(cookie),)
            self.journal.enregistrer(
                "tgt_cree", identite=identifiant, poste=navigateur.nom_poste, objet=tgt.id,
                detail=f"Session SSO ouverte ({methode}) ; cookie {NOM_COOKIE_TGC} posé. "
                       f"Expire après {_duree_lisible(self.inactivite_max)} d'inactivité, "
                       f"au plus tard dans {_duree_lisible(self.duree_max)}.")
            etapes.append(f"Session SSO {tgt.id} ouverte ; cookie {NOM_COOKIE_TGC} posé "
                          f"dans le navigateur « {navigateur.nom_poste} »")
        if cible is None:
            noter(200, "Connexion réussie : « Vous êtes connecté(e) au service "
                       "d'authentification centrale ».", poses=poses)
            return ResultatConnexion(
                ok=True, code=SESSION_SSO_OUVERTE, message=MESSAGES[SESSION_SSO_OUVERTE],
                identifiant=identifiant, methode=methode, tgt=tgt.id, etapes=tuple(etapes),
                echanges=self.reseau.depuis(debut))
        acces, statut, location, description = self._delivrer(
            navigateur, tgt, cible, identifiants_presentes=True, etapes=etapes)
        noter(statut, description, location, poses=poses)
        acces = self._completer(acces, etapes, debut)
        return ResultatConnexion(
            ok=True, code=SESSION_SSO_OUVERTE,
            message=MESSAGES[SESSION_SSO_OUVERTE] + ("" if acces.ok else " " + acces.message),
            identifiant=identifiant, methode=methode, tgt=tgt.id, service=cible.code,
            ticket=acces.ticket, acces=acces, url_redirection=location,
            etapes=tuple(etapes), echanges=self.reseau.depuis(debut))
