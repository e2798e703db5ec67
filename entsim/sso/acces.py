"""``/login`` comme demandeur d'identifiants : le serveur CAS délivre un ticket de service.

*CAS Protocol 3.0 Specification* (version 3.0.3, Apereo), section 2.1 : le navigateur arrive
sur ``/login?service=…`` ; une session SSO valable (cookie TGC, section 3.6) donne un ticket
sans ressaisie (2.1.5) ; sinon le serveur demande les identifiants (2.1.3) ; ``renew`` et
``gateway`` (2.1.1). Le ticket de service (section 3.1) n'est émis qu'après la décision du
service d'autorisation (SDET, document 2, cinématique d'accès, étapes 3 et 4) ; une session
expirée (inactivité ou durée maximale) impose une nouvelle authentification (SDET).

:class:`AccesCAS` est une partie de :class:`entsim.sso.serveur.ServeurCAS` (classe mère) ;
:class:`DecisionLike` décrit ce que rend le service d'autorisation.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from entsim.socle.erreurs import verifier_texte
from entsim.sso.etat import EtatServeurCAS
from entsim.sso.navigateur import CANAL_NAVIGATEUR, Cookie, Navigateur
from entsim.sso.reponses import (
    ACCES_REFUSE,
    IDENTIFICATION_DEMANDEE,
    MESSAGES,
    NOM_SERVEUR,
    PASSERELLE_SANS_SESSION,
    REAUTHENTIFICATION_DEMANDEE,
    SERVICE_INCONNU,
    TICKET_EMIS,
    ResultatAcces,
    _avec_precision,
    recopie,
)
from entsim.sso.tickets import (
    MOTIFS_FIN,
    NOM_COOKIE_TGC,
    TicketDeService,
    TicketTGT,
    _duree_lisible,
    identifiant_ticket_de_service,
    nouvel_identifiant,
)

if TYPE_CHECKING:
    from entsim.sso.applications import ServiceApplicatif


class AccesCAS(EtatServeurCAS):
    """``/login`` (section 2.1) : session SSO, autorisation, puis ticket de service."""

    # -- outils internes -----------------------------------------------------------------
    def _jeton(self, type_ticket: str, longueur: int) -> str:
        self._compteurs[type_ticket] += 1
        return nouvel_identifiant(type_ticket, self._compteurs[type_ticket], self.source,
                                  longueur)

    def _cookie_tgc(self, valeur: str) -> Cookie:
        return Cookie(self.domaine, self.chemin_cookie, NOM_COOKIE_TGC, valeur)

    def _lire_tgc(self, navigateur: Navigateur) -> tuple[TicketTGT | None, str | None,
                                                          Cookie | None]:
        """(TGT valable, motif de fin si le cookie désigne une session terminée, cookie).

        Un cookie qui désigne une session terminée ou expirée est effacé du navigateur.
        """
        cookie = navigateur.cookie(self.url_login(), NOM_COOKIE_TGC)
        if cookie is None:
            return None, None, None
        tgt = self._tgts.get(cookie.valeur)
        if tgt is not None and tgt.fin_le is None:
            motif = tgt.motif_expiration(self.horloge.maintenant(), self.inactivite_max,
                                         self.duree_max)
            if motif is None:
                return tgt, None, cookie
            self._terminer(tgt, motif)
        navigateur.effacer_cookie(cookie)
        return None, (tgt.motif_fin if tgt is not None else "inconnu"), cookie

    def _emettre_ticket(self, navigateur: Navigateur, tgt: TicketTGT,
                        service: ServiceApplicatif, *,
                        identifiants_presentes: bool) -> TicketDeService:
        """Émet un ticket de service lié à ce service et à ce TGT (section 3.1.1), de 32
        caractères au plus (:func:`~entsim.sso.tickets.identifiant_ticket_de_service`)."""
        maintenant = self.horloge.maintenant()
        self._compteurs["ST"] += 1
        id_ticket = identifiant_ticket_de_service(self._compteurs["ST"], self.source)
        while id_ticket in self._tickets:  # numérotation repartie de 1 : le hasard départage
            id_ticket = identifiant_ticket_de_service(self._compteurs["ST"], self.source)
        ticket = TicketDeService(
            id=id_ticket, service=service.url,
            code_service=service.code, identifiant=tgt.identifiant, tgt=tgt.id,
            poste=navigateur.nom_poste, emis_le=maintenant,
            expire_le=maintenant + self.duree_ticket,
            identifiants_presentes=identifiants_presentes)
        self._tickets[ticket.id] = ticket
        tgt.tickets.append(ticket.id)
        tgt.derniere_utilisation = maintenant  # utiliser le TGT repousse l'inactivité
        self.journal.enregistrer(
            "ticket_emis", identite=tgt.identifiant, service=service.code,
            poste=navigateur.nom_poste, objet=ticket.id,
            detail=("Ticket émis juste après la saisie des identifiants."
                    if identifiants_presentes else
                    "Ticket émis grâce à la session SSO, sans ressaisie des identifiants.")
                   + f" Valable {_duree_lisible(self.duree_ticket)}, une seule fois.")
        return ticket

    def _decider(self, identifiant: str, service: ServiceApplicatif) -> tuple[bool, str]:
        if self.autoriser is None:
            return True, "Aucune règle d'autorisation : tout utilisateur authentifié entre."
        decision = self.autoriser(identifiant, service.code)
        return bool(decision.autorise), str(decision.raison)

    def _delivrer(self, navigateur: Navigateur, tgt: TicketTGT, service: ServiceApplicatif,
                  *, identifiants_presentes: bool, etapes: list[str]
                  ) -> tuple[ResultatAcces, int, str | None, str]:
        """Autorisation puis émission du ticket (SDET, étapes 3 et 4 de la cinématique).

        Rend le résultat et la réponse HTTP à noter (statut, redirection, description).
        """
        autorise, raison = self._decider(tgt.identifiant, service)
        if not autorise:
            self.journal.enregistrer("acces_refuse", identite=tgt.identifiant,
                                     service=service.code, poste=navigateur.nom_poste,
                                     resultat="echec", detail=raison)
            etapes.append(f"Autorisation refusée pour « {service.nom} » : {raison}")
            resultat = ResultatAcces(
                ok=False, code=ACCES_REFUSE, message=f"{MESSAGES[ACCES_REFUSE]} {raison}",
                service=service.code, identifiant=tgt.identifiant, autorise=False,
                raison=raison, sso=not identifiants_presentes)
            return resultat, 403, None, f"Accès à « {service.nom} » refusé : {raison}"
        if self.autoriser is not None:
            self.journal.enregistrer("acces_autorise", identite=tgt.identifiant,
                                     service=service.code, poste=navigateur.nom_poste,
                                     detail=raison)
        etapes.append(f"Autorisation accordée pour « {service.nom} » : {raison}")
        ticket = self._emettre_ticket(navigateur, tgt, service,
                                      identifiants_presentes=identifiants_presentes)
        location = f"{service.url}{'&' if '?' in service.url else '?'}ticket={ticket.id}"
        etapes.append(f"Ticket {ticket.id} émis pour « {service.nom} », valable "
                      f"{_duree_lisible(self.duree_ticket)}")
        resultat = ResultatAcces(
            ok=True, code=TICKET_EMIS, message=MESSAGES[TICKET_EMIS], service=service.code,
            identifiant=tgt.identifiant, ticket=ticket.id, url_redirection=location,
            sso=not identifiants_presentes, autorise=True, raison=raison)
        return resultat, 302, location, (f"Ticket {ticket.id} émis : retour vers "
                                         f"« {service.nom} »")

    # -- /login comme demandeur d'identifiants (section 2.1) -----------------------------
    def acceder(self, navigateur: Navigateur, service: str, *, renew: bool = False,
                gateway: bool = False) -> ResultatAcces:
        """Le navigateur arrive sur ``/login?service=…`` (section 2.1).

        * session SSO valable (cookie TGC) → ticket émis sans ressaisie (2.1.5) — si le
          service d'autorisation l'accepte (SDET, étape 3) ;
        * pas de session → « identification demandée » (2.1.3) ; avec ``gateway``, retour
          au service sans ticket et sans rien demander (2.1.1) ;
        * ``renew`` → identifiants exigés même avec une session (2.1.1 ; ``gateway`` est
          alors ignoré, comme la spécification le recommande) ;
        * session expirée (inactivité ou durée maximale) → session détruite et nouvelle
          authentification demandée (SDET).
        """
        navigateur = self._verifier_navigateur(navigateur)
        verifier_texte(service, "service")
        self._verifier_booleens(renew=renew, gateway=gateway)
        self.nettoyer()
        debut = self.reseau.dernier_numero()
        gateway = gateway and not renew
        cible = self._trouver(service)
        url_service = cible.url if cible is not None else service
        url = self.url_login(url_service, renew=renew, gateway=gateway)
        envoyes = tuple(str(c) for c in navigateur.cookies_pour(url))
        etapes: list[str] = [f"Le navigateur « {navigateur.nom_poste} » demande {recopie(url)}"]

        def noter(statut: int, description: str, location: str | None = None,
                  effaces: tuple[str, ...] = ()) -> None:
            self.reseau.noter(canal=CANAL_NAVIGATEUR, navigateur=navigateur,
                              emetteur=navigateur.nom_poste, destinataire=NOM_SERVEUR,
                              methode="GET", url=url, statut=statut, location=location,
                              cookies_envoyes=envoyes, cookies_effaces=effaces,
                              description=description)

        if cible is None:
            message = f"{MESSAGES[SERVICE_INCONNU]} (service demandé : {recopie(service)})"
            etapes.append("Service absent du registre : opération refusée")
            noter(403, "Service non enregistré : le serveur CAS refuse de continuer.")
            return ResultatAcces(ok=False, code=SERVICE_INCONNU, message=message,
                                 etapes=tuple(etapes),
                                 echanges=self.reseau.depuis(debut))

        tgt, motif_fin, cookie = self._lire_tgc(navigateur)
        effaces = (f"{NOM_COOKIE_TGC}",) if cookie is not None and tgt is None else ()
        expiree = motif_fin in ("inactivite", "duree_max")

        if tgt is not None and not renew:
            etapes.append(f"Cookie TGC reçu : session SSO {tgt.id} de {tgt.identifiant} "
                          "valable, pas besoin de se réidentifier")
            resultat, statut, location, description = self._delivrer(
                navigateur, tgt, cible, identifiants_presentes=False, etapes=etapes)
            noter(statut, description, location)
            return self._completer(resultat, etapes, debut)

        if gateway:
            self.journal.enregistrer(
                "passerelle_sans_session", service=cible.code, poste=navigateur.nom_poste,
                resultat="info",
                detail="Pas de session SSO : retour au service sans ticket (gateway).")
            etapes.append("Pas de session SSO et « gateway » : retour au service sans "
                          "ticket, sans rien demander")
            noter(302, "Pas de session SSO : retour au service sans ticket (gateway).",
                  cible.url, effaces)
            return ResultatAcces(ok=False, code=PASSERELLE_SANS_SESSION,
                                 message=MESSAGES[PASSERELLE_SANS_SESSION],
                                 service=cible.code, url_redirection=cible.url,
                                 etapes=tuple(etapes), echanges=self.reseau.depuis(debut))

        if tgt is not None and renew:
            etapes.append("Session SSO valable, mais le service exige « renew » : "
                          "identifiants demandés quand même")
            code, message = IDENTIFICATION_DEMANDEE, (
                "Le service exige une authentification récente (renew) : saisissez de "
                "nouveau votre identifiant et votre mot de passe.")
        elif expiree:
            detail = MOTIFS_FIN[motif_fin or ""]
            self.journal.enregistrer(
                "reauthentification_demandee", identite=self._identite_du_cookie(cookie),
                service=cible.code, poste=navigateur.nom_poste, resultat="info",
                objet=cookie.valeur if cookie else None,
                detail=f"Session SSO expirée ({detail}) : nouvelle authentification.")
            etapes.append(f"Session SSO expirée ({detail}) : cookie TGC effacé, "
                          "nouvelle authentification demandée")
            code, message = REAUTHENTIFICATION_DEMANDEE, _avec_precision(
                MESSAGES[REAUTHENTIFICATION_DEMANDEE], detail)
        else:
            etapes.append("Pas de session SSO sur ce poste : formulaire de connexion")
            code, message = IDENTIFICATION_DEMANDEE, MESSAGES[IDENTIFICATION_DEMANDEE]
        noter(200, "Formulaire de connexion du serveur CAS (identifiant, mot de passe).",
              effaces=effaces)
        return ResultatAcces(ok=False, code=code, message=message, service=cible.code,
                             etapes=tuple(etapes), echanges=self.reseau.depuis(debut))

    def _identite_du_cookie(self, cookie: Cookie | None) -> str | None:
        if cookie is None or cookie.valeur not in self._tgts:
            return None
        return self._tgts[cookie.valeur].identifiant

    def _completer(self, resultat: ResultatAcces, etapes: list[str],
                   debut: int) -> ResultatAcces:
        return replace(resultat, etapes=tuple(etapes), echanges=self.reseau.depuis(debut))
