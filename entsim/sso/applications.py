"""Les services applicatifs de l'ENT vus comme clients CAS (cahier de textes, messagerie…).

Un service applicatif ne voit jamais le mot de passe : il renvoie le navigateur vers le
serveur CAS, reçoit un ticket de service dans l'adresse (``?ticket=ST-…``), le fait valider
directement auprès du serveur (``/p3/serviceValidate``), lit l'identité dans la réponse XML
et ouvre sa propre session applicative (SDET, cinématique d'accès, étapes 4 et 5 : « Les
services AAS propagent auprès du service applicatif les informations d'identité […].
L'utilisateur accède au service applicatif. »).

Chaque session applicative est rangée sous le ticket qui l'a ouverte : c'est ce ticket que
le serveur CAS nomme dans le ``SessionIndex`` de la demande de déconnexion unique
(spécification CAS 3.0, section 2.3.3.2 : « It is RECOMMENDED to logout the user from the
application identified by the service ticket id sent in the SLO POST request »).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from entsim.socle.erreurs import ErreurENT, ValeurInvalide, verifier_texte
from entsim.socle.texte import accorder, cite
from entsim.sso.navigateur import CANAL_DIRECT, CANAL_NAVIGATEUR, Cookie, Navigateur
from entsim.sso.reponses import (
    ACCES_ACCORDE,
    ATTRIBUTS_CAS,
    IDENTIFICATION_DEMANDEE,
    MESSAGES,
    NOM_SERVEUR,
    NS_CAS,
    NS_SAMLP,
    PASSERELLE_SANS_SESSION,
    REAUTHENTIFICATION_DEMANDEE,
    REDIRECTION_CAS,
    SESSION_EXISTANTE,
    TICKET_REFUSE,
    ResultatAcces,
)

if TYPE_CHECKING:
    from entsim.sso.serveur import ServeurCAS


@dataclass(eq=False)
class SessionApplicative:
    """Une session ouverte dans un service, après validation d'un ticket."""

    id: str                    # valeur du cookie de session du service
    identifiant: str
    ticket: str                # le ticket qui l'a ouverte (SessionIndex de la déconnexion)
    poste: str
    ouverte_le: datetime
    attributs: Mapping[str, str | tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    fermee_le: datetime | None = None
    motif_fermeture: str | None = None

    @property
    def ouverte(self) -> bool:
        return self.fermee_le is None


@dataclass(frozen=True)
class AvisDeconnexion:
    """Une demande de déconnexion unique reçue par un service (annexe C)."""

    recu_le: datetime
    id_requete: str
    emise_le: str              # IssueInstant, tel qu'écrit dans la demande
    session_index: str         # le ticket de service nommé par la demande
    session_fermee: bool
    identifiant: str | None
    xml: str

    @property
    def message(self) -> str:
        if self.session_fermee:
            return (f"session de {self.identifiant} ouverte par le ticket "
                    f"{self.session_index} fermée.")
        return f"aucune session ouverte pour le ticket {self.session_index}."


def _lire_reponse_cas(xml: str) -> tuple[str | None, dict[str, str | tuple[str, ...]]]:
    """Ce qu'un client CAS lit dans la réponse de validation : l'utilisateur et ses
    attributs (annexe A)."""
    racine = ET.fromstring(xml)
    succes = racine.find(f"{{{NS_CAS}}}authenticationSuccess")
    if succes is None:
        return None, {}
    utilisateur = succes.findtext(f"{{{NS_CAS}}}user")
    attributs: dict[str, list[str]] = {}
    bloc = succes.find(f"{{{NS_CAS}}}attributes")
    for element in (bloc if bloc is not None else []):
        nom = element.tag.split("}", 1)[1]
        if nom not in ATTRIBUTS_CAS:
            attributs.setdefault(nom, []).append(element.text or "")
    return utilisateur, {n: v[0] if len(v) == 1 else tuple(v) for n, v in attributs.items()}


class ServiceApplicatif:
    """Un service de l'ENT protégé par le serveur CAS (un « client CAS »).

    >>> cahier = ServiceApplicatif("cahier_de_textes", "Cahier de textes",
    ...                            "https://ent.example/cahier-de-textes")
    >>> cahier.nom_cookie
    'session_cahier_de_textes'
    """

    def __init__(self, code: str, nom: str, url: str) -> None:
        verifier_texte(code, "code du service")
        verifier_texte(nom, "nom du service")
        verifier_texte(url, "adresse du service")
        if not code.isascii() or not code.replace("_", "").isalnum():
            raise ValeurInvalide(f"Le code d'un service s'écrit en minuscules sans accent, "
                                 f"avec des « _ », par exemple \"cahier_de_textes\" "
                                 f"(reçu : {cite(code)}).")
        morceaux = urlsplit(url)
        if morceaux.scheme != "https" or not morceaux.hostname:
            raise ValeurInvalide(f"L'adresse d'un service doit commencer par https:// "
                                 f"(spécification CAS 3.0, section 2.1.1 : seuls les "
                                 f"protocoles sécurisés sont recommandés) ; reçu : {cite(url)}.")
        self.code = code
        self.nom = nom
        self.url = url
        self.serveur_cas: ServeurCAS | None = None
        self._sessions: dict[str, SessionApplicative] = {}
        self._avis: list[AvisDeconnexion] = []

    # -- sessions ------------------------------------------------------------------------
    @property
    def nom_cookie(self) -> str:
        return f"session_{self.code}"

    def _cookie(self, valeur: str) -> Cookie:
        morceaux = urlsplit(self.url)
        return Cookie(morceaux.hostname or "", morceaux.path or "/", self.nom_cookie, valeur)

    def session_de(self, navigateur: Navigateur) -> SessionApplicative | None:
        """La session ouverte que désigne le cookie de ce navigateur (sans rien modifier)."""
        cookie = navigateur.cookie(self.url, self.nom_cookie)
        if cookie is None:
            return None
        for session in self._sessions.values():
            if session.id == cookie.valeur and session.ouverte:
                return session
        return None

    def sessions(self) -> list[SessionApplicative]:
        """Toutes les sessions, ouvertes ou fermées, dans l'ordre d'ouverture."""
        return list(self._sessions.values())

    def sessions_ouvertes(self) -> list[SessionApplicative]:
        return [s for s in self._sessions.values() if s.ouverte]

    def session_du_ticket(self, ticket: str) -> SessionApplicative | None:
        """La session ouverte par ce ticket (le ``SessionIndex``)."""
        return self._sessions.get(ticket)

    def avis_recus(self) -> list[AvisDeconnexion]:
        """Les demandes de déconnexion reçues, dans l'ordre."""
        return list(self._avis)

    def _serveur(self) -> ServeurCAS:
        if self.serveur_cas is None:
            raise ErreurENT(f"Le service « {self.nom} » n'est pas encore enregistré auprès du "
                            f"serveur CAS : écrivez d'abord serveur.enregistrer(service).",
                            code="service_non_enregistre")
        return self.serveur_cas

    # -- l'accès, étape par étape --------------------------------------------------------
    def demander(self, navigateur: Navigateur, *, renew: bool = False,
                 gateway: bool = False) -> ResultatAcces:
        """Le navigateur demande la page du service.

        Session applicative déjà ouverte → accès direct (``session_existante``, ``ok``).
        Sinon → redirection 302 vers ``/login?service=…`` du serveur CAS
        (``redirection_cas``) ; ``renew`` et ``gateway`` sont ajoutés à cette adresse.
        """
        serveur = self._serveur()
        serveur.nettoyer()
        debut = serveur.reseau.dernier_numero()
        envoyes = tuple(str(c) for c in navigateur.cookies_pour(self.url))
        session = self.session_de(navigateur)
        if session is not None and not renew:
            serveur.reseau.noter(canal=CANAL_NAVIGATEUR, navigateur=navigateur,
                                 emetteur=navigateur.nom_poste, destinataire=self.nom,
                                 methode="GET", url=self.url, statut=200,
                                 cookies_envoyes=envoyes,
                                 description=f"Session déjà ouverte dans « {self.nom} » pour "
                                             f"{session.identifiant} : page affichée.")
            return ResultatAcces(
                ok=True, code=SESSION_EXISTANTE, message=MESSAGES[SESSION_EXISTANTE],
                service=self.code, identifiant=session.identifiant, ticket=session.ticket,
                session=session.id,
                etapes=(f"« {self.nom} » reconnaît son cookie de session : accès direct",),
                echanges=serveur.reseau.depuis(debut))
        location = serveur.url_login(self.url, renew=renew, gateway=gateway)
        serveur.reseau.noter(canal=CANAL_NAVIGATEUR, navigateur=navigateur,
                             emetteur=navigateur.nom_poste, destinataire=self.nom,
                             methode="GET", url=self.url, statut=302, location=location,
                             cookies_envoyes=envoyes,
                             description=f"Pas de session dans « {self.nom} » : redirection "
                                         "vers le serveur CAS.")
        return ResultatAcces(
            ok=False, code=REDIRECTION_CAS, message=MESSAGES[REDIRECTION_CAS],
            service=self.code, url_redirection=location,
            etapes=(f"« {self.nom} » : pas de session, redirection vers {location}",),
            echanges=serveur.reseau.depuis(debut))

    def recevoir_ticket(self, navigateur: Navigateur, ticket: str, *,
                        renew: bool = False) -> ResultatAcces:
        """Le navigateur revient avec ``?ticket=ST-…`` : le service fait valider le ticket
        par le serveur CAS (requête directe ``/p3/serviceValidate``), lit l'identité dans la
        réponse XML, puis ouvre sa session applicative et pose son cookie."""
        serveur = self._serveur()
        verifier_texte(ticket, "ticket")
        debut = serveur.reseau.dernier_numero()
        url_retour = f"{self.url}{'&' if '?' in self.url else '?'}ticket={ticket}"
        envoyes = tuple(str(c) for c in navigateur.cookies_pour(self.url))
        numero_retour = serveur.reseau.reserver()  # la requête du navigateur arrive d'abord
        validation = serveur.valider(ticket, self.url, renew=renew)
        reponse_xml = validation.xml()
        serveur.reseau.noter(canal=CANAL_DIRECT, emetteur=self.nom, destinataire=NOM_SERVEUR,
                             methode="GET",
                             url=serveur.url_validation(self.url, ticket, renew=renew),
                             statut=200, reponse=reponse_xml,
                             description=validation.message)
        etapes = [f"« {self.nom} » fait valider {ticket} par le serveur CAS "
                  "(/p3/serviceValidate)"] + [f"  ✓ {e}" if not e.startswith("Refus")
                                              else f"  ✗ {e}" for e in validation.etapes]
        utilisateur, attributs = _lire_reponse_cas(reponse_xml)
        if not validation.ok or utilisateur is None:
            serveur.reseau.noter(canal=CANAL_NAVIGATEUR, navigateur=navigateur,
                                 emetteur=navigateur.nom_poste, destinataire=self.nom,
                                 methode="GET", url=url_retour, statut=403,
                                 cookies_envoyes=envoyes, numero=numero_retour,
                                 description=f"Ticket refusé ({validation.code}) : "
                                             "accès impossible.")
            return ResultatAcces(
                ok=False, code=TICKET_REFUSE,
                message=f"{MESSAGES[TICKET_REFUSE]} {validation.message}", service=self.code,
                ticket=ticket, validation=validation, etapes=tuple(etapes),
                echanges=serveur.reseau.depuis(debut))
        maintenant = serveur.horloge.maintenant()
        session = SessionApplicative(
            id=serveur.source.jeton(32), identifiant=utilisateur, ticket=ticket,
            poste=navigateur.nom_poste, ouverte_le=maintenant,
            attributs=MappingProxyType(attributs))
        self._sessions[ticket] = session
        cookie = self._cookie(session.id)
        navigateur.poser_cookie(cookie)
        serveur.reseau.noter(canal=CANAL_NAVIGATEUR, navigateur=navigateur,
                             emetteur=navigateur.nom_poste, destinataire=self.nom,
                             methode="GET", url=url_retour, statut=200,
                             cookies_envoyes=envoyes, cookies_poses=(str(cookie),),
                             numero=numero_retour,
                             description=f"Ticket validé : « {self.nom} » ouvre une session "
                                         f"pour {utilisateur}.")
        etapes.append(f"« {self.nom} » ouvre une session pour {utilisateur} "
                      f"(cookie {self.nom_cookie})")
        return ResultatAcces(
            ok=True, code=ACCES_ACCORDE, message=MESSAGES[ACCES_ACCORDE], service=self.code,
            identifiant=utilisateur, ticket=ticket, validation=validation,
            session=session.id, etapes=tuple(etapes), echanges=serveur.reseau.depuis(debut))

    def ouvrir(self, navigateur: Navigateur, *, identifiant: str | None = None,
               mot_de_passe: str | None = None, renew: bool = False,
               gateway: bool = False) -> ResultatAcces:
        """L'aller-retour complet : service → serveur CAS → (identifiants si besoin et
        fournis) → ticket → retour au service → validation → session ouverte."""
        serveur = self._serveur()
        if (identifiant is None) != (mot_de_passe is None):
            raise ValeurInvalide("Donnez l'identifiant et le mot de passe ensemble "
                                 "(ou aucun des deux).")
        debut = serveur.reseau.dernier_numero()
        etapes: list[str] = []

        def fin(resultat: ResultatAcces, **changements: object) -> ResultatAcces:
            return replace(resultat, etapes=tuple(etapes),
                           echanges=serveur.reseau.depuis(debut), **changements)

        premier = self.demander(navigateur, renew=renew, gateway=gateway)
        etapes += premier.etapes
        if premier.ok:
            return fin(premier)
        acces = serveur.acceder(navigateur, self.url, renew=renew, gateway=gateway)
        etapes += acces.etapes
        sso = acces.ok
        if acces.code in (IDENTIFICATION_DEMANDEE, REAUTHENTIFICATION_DEMANDEE) \
                and identifiant is not None and mot_de_passe is not None:
            connexion = serveur.connexion(navigateur, identifiant, mot_de_passe,
                                          service=self.url, renew=renew)
            etapes += connexion.etapes
            if not connexion.ok or connexion.acces is None:
                return fin(ResultatAcces(ok=False, code=connexion.code,
                                         message=connexion.message, service=self.code,
                                         identifiant=connexion.identifiant))
            acces = connexion.acces
        if acces.code == PASSERELLE_SANS_SESSION:
            serveur.reseau.noter(canal=CANAL_NAVIGATEUR, navigateur=navigateur,
                                 emetteur=navigateur.nom_poste, destinataire=self.nom,
                                 methode="GET", url=self.url, statut=200,
                                 description=f"Retour sans ticket : « {self.nom} » affiche "
                                             "sa page publique (utilisateur anonyme).")
            etapes.append(f"« {self.nom} » affiche sa page publique, sans identité")
            return fin(acces)
        if not acces.ok or acces.ticket is None:
            return fin(acces)
        final = self.recevoir_ticket(navigateur, acces.ticket, renew=renew)
        etapes += final.etapes
        return fin(final, sso=sso, autorise=acces.autorise, raison=acces.raison)

    def noter_session(self, identifiant: str, ticket: str, *, poste: str, id_session: str,
                      attributs: Mapping[str, str | tuple[str, ...]] | None = None
                      ) -> SessionApplicative:
        """Note une session ouverte après une validation faite hors de la simulation (la
        vraie requête HTTP d'un service web, :mod:`entsim.web.services`, dont le cookie vaut
        ``id_session``) : la déconnexion unique simulée la trouve et la ferme
        (SessionIndex = ``ticket``), et le journal le dit. Ne pose aucun cookie, ne valide
        rien et ne tire aucun secret."""
        serveur = self._serveur()
        verifier_texte(identifiant, "identifiant")
        verifier_texte(ticket, "ticket")
        verifier_texte(id_session, "session")
        session = SessionApplicative(
            id=id_session, identifiant=identifiant, ticket=ticket, poste=poste,
            ouverte_le=serveur.horloge.maintenant(),
            attributs=MappingProxyType(dict(attributs or {})))
        self._sessions[ticket] = session
        return session

    # -- déconnexion unique --------------------------------------------------------------
    def recevoir_deconnexion(self, logout_request_xml: str) -> AvisDeconnexion:
        """Reçoit un ``samlp:LogoutRequest`` (annexe C) et ferme la session ouverte par le
        ticket nommé dans ``SessionIndex`` (section 2.3.3.2)."""
        serveur = self._serveur()
        verifier_texte(logout_request_xml, "demande de déconnexion")
        try:
            racine = ET.fromstring(logout_request_xml)
        except ET.ParseError as erreur:
            raise ValeurInvalide(f"Demande de déconnexion illisible (XML mal formé : "
                                 f"{erreur}).") from erreur
        if racine.tag != f"{{{NS_SAMLP}}}LogoutRequest":
            raise ValeurInvalide("Ce document n'est pas une demande de déconnexion "
                                 "(samlp:LogoutRequest).")
        index = (racine.findtext(f"{{{NS_SAMLP}}}SessionIndex") or "").strip()
        if not index:
            raise ValeurInvalide("La demande de déconnexion ne nomme aucune session "
                                 "(SessionIndex vide).")
        maintenant = serveur.horloge.maintenant()
        session = self._sessions.get(index)
        fermee = session is not None and session.ouverte
        if session is not None and fermee:
            session.fermee_le = maintenant
            session.motif_fermeture = "deconnexion_unique"
        avis = AvisDeconnexion(
            recu_le=maintenant, id_requete=racine.get("ID", ""),
            emise_le=racine.get("IssueInstant", ""), session_index=index,
            session_fermee=fermee, identifiant=session.identifiant if session else None,
            xml=logout_request_xml)
        self._avis.append(avis)
        return avis

    def __repr__(self) -> str:
        return (f"ServiceApplicatif({self.code!r}, {self.nom!r}, {self.url!r}, "
                f"{accorder(len(self.sessions_ouvertes()), 'session ouverte', 'sessions ouvertes')}"
                ")")
