"""Les sessions SSO du serveur CAS : déconnexion, expiration, déconnexion unique, et les
instantanés en lecture seule du panneau « coulisses ».

* ``/logout`` (section 2.3 de la *CAS Protocol 3.0 Specification*, version 3.0.3, Apereo) :
  le TGT et ses tickets sont détruits, le cookie TGC effacé ;
* déconnexion unique (section 2.3.3, annexe C) : chaque service où la session avait ouvert
  une session applicative reçoit un ``samlp:LogoutRequest``, aussi quand la session expire
  (« SLO requests MAY also be initiated by the CAS Server upon TGT idle timeout ») ;
* SDET, document 2 : « Le service de propagation des informations d'identité DOIT mettre en
  place des mécanismes permettant la propagation de la déconnexion auprès de l'ensemble des
  services applicatifs avec lesquels l'utilisateur a une session en cours. La déconnexion
  DEVRAIT se traduire par la destruction des preuves d'authentification émises. » ; et :
  « Suite à une période d'inactivité ou après une certaine durée, les services AAS DOIVENT
  demander une nouvelle authentification de l'utilisateur » (:meth:`SessionsCAS.nettoyer`).

:class:`SessionsCAS` est une partie de :class:`entsim.sso.serveur.ServeurCAS` (classe mère) : elle
lit et ferme les sessions du serveur.
"""

from __future__ import annotations


from entsim.sso.etat import EtatServeurCAS
from entsim.sso.reponses import (
    AUCUNE_SESSION,
    DECONNEXION_REUSSIE,
    MESSAGES,
    NOM_SERVEUR,
    ResultatDeconnexion,
    _avec_precision,
    requete_deconnexion,
)
from entsim.sso.tickets import (LONGUEUR_ALEA_LR, MOTIFS_FIN, NOM_COOKIE_TGC, PREFIXE_LR,
                                EtatTicket, SessionSSO, TicketTGT, _duree_lisible)
from entsim.socle.erreurs import ErreurENT
from entsim.sso.navigateur import CANAL_DIRECT, CANAL_NAVIGATEUR, Navigateur
from entsim.socle.texte import accorder


class SessionsCAS(EtatServeurCAS):
    """La fin des sessions SSO (``/logout``, expiration) et leur consultation."""

    # -- /logout et déconnexion unique (section 2.3) -------------------------------------
    def deconnexion(self, navigateur: Navigateur) -> ResultatDeconnexion:
        """Déconnexion (``/logout``, section 2.3) : le TGT et tous ses tickets sont détruits,
        le cookie TGC effacé, et chaque service où la session avait ouvert une session
        applicative reçoit un ``samlp:LogoutRequest`` (section 2.3.3, annexe C).

        SDET : « Le service de propagation des informations d'identité DOIT mettre en place
        des mécanismes permettant la propagation de la déconnexion auprès de l'ensemble des
        services applicatifs avec lesquels l'utilisateur a une session en cours. La
        déconnexion DEVRAIT se traduire par la destruction des preuves d'authentification
        émises. »
        """
        navigateur = self._verifier_navigateur(navigateur)
        self.nettoyer()
        debut = self.reseau.dernier_numero()
        url = self.url_logout()
        cookie = navigateur.cookie(url, NOM_COOKIE_TGC)
        envoyes = (str(cookie),) if cookie is not None else ()
        tgt = self._tgts.get(cookie.valeur) if cookie is not None else None
        if cookie is not None:
            navigateur.effacer_cookie(cookie)
        effaces = (NOM_COOKIE_TGC,) if cookie is not None else ()
        self.reseau.noter(canal=CANAL_NAVIGATEUR, navigateur=navigateur,
                          emetteur=navigateur.nom_poste, destinataire=NOM_SERVEUR,
                          methode="GET", url=url, statut=200, cookies_envoyes=envoyes,
                          cookies_effaces=effaces,
                          description="Page « Vous êtes déconnecté(e) » ; cookie TGC effacé.")
        if tgt is None or tgt.fin_le is not None:
            message = MESSAGES[AUCUNE_SESSION]
            if tgt is not None and tgt.motif_fin in MOTIFS_FIN:
                message = _avec_precision(message, "la session SSO était déjà fermée : "
                                          + MOTIFS_FIN[tgt.motif_fin])
            return ResultatDeconnexion(
                ok=False, code=AUCUNE_SESSION, message=message,
                identifiant=tgt.identifiant if tgt else None,
                etapes=("Aucune session SSO valable sur ce poste",),
                echanges=self.reseau.depuis(debut))
        services, requetes, detruits = self._terminer(tgt, "deconnexion")
        etapes = [f"Session SSO {tgt.id} de {tgt.identifiant} détruite ; cookie TGC effacé",
                  accorder(len(tgt.tickets), "ticket de service rendu inutilisable",
                           "tickets de service rendus inutilisables")]
        etapes += [f"Demande de déconnexion envoyée à « {self._services[c].nom} »"
                   for c in services]
        return ResultatDeconnexion(
            ok=True, code=DECONNEXION_REUSSIE, message=MESSAGES[DECONNEXION_REUSSIE],
            identifiant=tgt.identifiant, tgt=tgt.id, services_notifies=tuple(services),
            requetes=tuple(requetes), tickets_detruits=tuple(detruits), etapes=tuple(etapes),
            echanges=self.reseau.depuis(debut))

    def _terminer(self, tgt: TicketTGT, motif: str) -> tuple[list[str], list[str], list[str]]:
        """Ferme une session SSO : TGT et tickets détruits, journal, déconnexion propagée.

        Rend (services notifiés, demandes XML envoyées, tickets détruits avant usage).
        La déconnexion unique est aussi envoyée quand la session expire (section 2.3.3 :
        « SLO requests MAY also be initiated by the CAS Server upon TGT idle timeout »).
        """
        maintenant = self.horloge.maintenant()
        tgt.fin_le, tgt.motif_fin = maintenant, motif
        detruits: list[str] = []
        for id_ticket in tgt.tickets:
            t = self._tickets[id_ticket]
            if t.detruit_le is None:
                t.detruit_le = maintenant
                if t.presente_le is None:
                    detruits.append(id_ticket)
        if motif in ("inactivite", "duree_max"):
            limite = self.inactivite_max if motif == "inactivite" else self.duree_max
            self.journal.enregistrer(
                "tgt_expire", identite=tgt.identifiant, poste=tgt.poste, objet=tgt.id,
                resultat="info",
                detail=f"Session SSO expirée : {MOTIFS_FIN[motif]} "
                       f"({_duree_lisible(limite)}).")
        else:
            self.journal.enregistrer(
                "deconnexion", identite=tgt.identifiant, poste=tgt.poste, objet=tgt.id,
                resultat="succes" if motif == "deconnexion" else "info",
                detail=f"Session SSO fermée : {MOTIFS_FIN[motif]} ; "
                       f"{accorder(len(tgt.tickets), 'ticket détruit', 'tickets détruits')}.")
        services: list[str] = []
        requetes: list[str] = []
        for id_ticket in tgt.tickets:
            t = self._tickets[id_ticket]
            service = self._services.get(t.code_service)
            if t.resultat != "validé" or service is None:
                continue  # aucune session ouverte dans ce service grâce à ce ticket
            self._compteurs["LR"] += 1
            id_requete = f"{PREFIXE_LR}{self._compteurs['LR']}-" \
                         f"{self.source.jeton(LONGUEUR_ALEA_LR)}"
            xml = requete_deconnexion(id_requete, maintenant, t.id)
            try:
                avis = service.recevoir_deconnexion(xml)
                resultat = "succes"
                detail = (f"Demande de déconnexion reçue par « {service.nom} » : "
                          + avis.message)
            except ErreurENT as erreur:  # « fire and forget » (section 2.3.3.1)
                resultat, detail = "echec", f"Le service n'a pas traité la demande : {erreur}"
            self.reseau.noter(canal=CANAL_DIRECT, emetteur=NOM_SERVEUR,
                              destinataire=service.nom, methode="POST", url=service.url,
                              statut=200, corps=f"logoutRequest={xml}",
                              description=f"Déconnexion unique : SessionIndex = {t.id}")
            self.journal.enregistrer("deconnexion_propagee", identite=tgt.identifiant,
                                     service=service.code, poste=tgt.poste, objet=t.id,
                                     resultat=resultat, detail=detail)
            services.append(service.code)
            requetes.append(xml)
        return services, requetes, detruits

    def nettoyer(self) -> list[str]:
        """Ferme les sessions SSO expirées et rend leurs TGT.

        Le serveur Apereo fait ce ménage régulièrement, en tâche de fond ; la simulation le
        fait avant chaque opération du serveur : celles d'un navigateur, et aussi la
        validation d'un ticket par un service (un ticket émis 5 s avant la durée maximale
        de sa session n'est plus validé 6 s plus tard, même si aucun navigateur n'a agi
        entre-temps). Sans effet s'il n'y a rien à fermer.
        """
        maintenant = self.horloge.maintenant()
        expires = []
        for tgt in list(self._tgts.values()):
            if tgt.fin_le is None:
                motif = tgt.motif_expiration(maintenant, self.inactivite_max, self.duree_max)
                if motif is not None:
                    self._terminer(tgt, motif)
                    expires.append(tgt.id)
        return expires

    # -- coulisses (lecture seule) -------------------------------------------------------
    def tickets(self) -> list[EtatTicket]:
        """Tous les tickets de service émis, avec leur état (sans rien modifier)."""
        maintenant = self.horloge.maintenant()
        return [EtatTicket(t.id, t.code_service, t.identifiant, t.poste, t.emis_le,
                           t.expire_le, t.etat(maintenant), t.identifiants_presentes,
                           t.code_refus)
                for t in self._tickets.values()]

    def _instantane(self, tgt: TicketTGT) -> SessionSSO:
        maintenant = self.horloge.maintenant()
        if tgt.fin_le is not None:
            etat = "fermée"
        elif tgt.motif_expiration(maintenant, self.inactivite_max, self.duree_max):
            etat = "expirée"
        else:
            etat = "active"
        services = tuple(dict.fromkeys(
            self._tickets[i].code_service for i in tgt.tickets
            if self._tickets[i].resultat == "validé"))
        return SessionSSO(
            tgt=tgt.id, identifiant=tgt.identifiant, poste=tgt.poste, methode=tgt.methode,
            ouverte_le=tgt.cree_le, authentifie_le=tgt.authentifie_le,
            derniere_utilisation=tgt.derniere_utilisation,
            expire_inactivite_le=tgt.derniere_utilisation + self.inactivite_max,
            expire_au_plus_tard_le=tgt.cree_le + self.duree_max,
            tickets=tuple(tgt.tickets), services=services, etat=etat,
            motif_fin=tgt.motif_fin)

    def sessions_sso(self, *, toutes: bool = False) -> list[SessionSSO]:
        """Les sessions SSO non fermées (ou toutes avec ``toutes=True``)."""
        return [self._instantane(t) for t in self._tgts.values()
                if toutes or t.fin_le is None]

    def tgt_de(self, navigateur: Navigateur) -> SessionSSO | None:
        """La session SSO que désigne le cookie TGC de ce navigateur (sans rien modifier)."""
        navigateur = self._verifier_navigateur(navigateur)
        cookie = navigateur.cookie(self.url_login(), NOM_COOKIE_TGC)
        if cookie is None or cookie.valeur not in self._tgts:
            return None
        return self._instantane(self._tgts[cookie.valeur])
