"""Le Single Sign-On de l'ENT : un serveur CAS simulé (protocole CAS 3.0, Apereo).

SDET, document 2, « Single Sign-On » : « L'ENT DOIT offrir une fonction de SSO. Cette
fonction permet à un utilisateur d'accéder à différents services applicatifs en ne devant
s'authentifier qu'une seule fois (tant que l'authentification préalable auprès des services
AAS est valable). » Les vrais ENT français sont des serveurs CAS ; ce module en suit la
spécification (*CAS Protocol 3.0 Specification*, version 3.0.3, Apereo) :

* ``/login`` (sections 2.1 et 2.2) : :meth:`ServeurCAS.acceder` (demandeur d'identifiants :
  session SSO → ticket sans ressaisie ; sinon « identification demandée » ; ``renew`` et
  ``gateway``) et :meth:`ServeurCAS.connexion` (accepteur d'identifiants) ;
* ``/p3/serviceValidate`` (sections 2.5 et 2.8) : :meth:`ServeurCAS.valider`, qui rend un
  objet :class:`Validation` et le XML exact de la réponse (annexe A) — les vérifications
  sont dans :mod:`entsim.sso.validation` ;
* ``/logout`` et la déconnexion unique (sections 2.3 et 2.3.3, annexe C) :
  :meth:`ServeurCAS.deconnexion` envoie un ``samlp:LogoutRequest`` à chaque service — voir
  :mod:`entsim.sso.sessions` ;
* les tickets (section 3) : ticket de service ``ST-…`` (3.1), ticket d'octroi ``TGT-…``
  (3.8) gardé dans le cookie TGC (3.6), jeu de caractères (3.7) — voir
  :mod:`entsim.sso.tickets` ; les réponses et résultats : :mod:`entsim.sso.reponses`.

Les durées par défaut sont celles du serveur de référence Apereo CAS : un ticket de service
vit 10 secondes (la spécification recommande au plus 5 minutes, section 3.1.1) ; une
session SSO expire après 2 heures sans utilisation ou 8 heures après son ouverture (SDET :
« Suite à une période d'inactivité ou après une certaine durée, les services AAS DOIVENT
demander une nouvelle authentification de l'utilisateur »).

Le serveur ne vérifie pas lui-même les mots de passe ni les droits : il reçoit ces
collaborateurs sous forme de fonctions (``verifier_identifiants``, ``attributs``,
``autoriser``), comme les trois services AAS du SDET (identification/authentification,
propagation de l'identité, autorisation).

Heures : l'horloge simulée donne l'heure légale française, sans fuseau ; les dates XML
(``cas:authenticationDate``, ``IssueInstant``) sont converties en UTC et portent le suffixe
``Z`` (voir :func:`entsim.sso.reponses._date_xml`).

Tous les noms des modules ``cas_*`` qui étaient définis ici restent importables depuis
``entsim.sso.serveur``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol
from urllib.parse import quote, urlsplit

from entsim.socle.aleatoire import SourceAleatoire
from entsim.sso.reponses import (  # noqa: F401 — réexportés
    ACCES_ACCORDE, ACCES_REFUSE, ATTRIBUTS_CAS, AUCUNE_SESSION, CODES_CAS, DECONNEXION_REUSSIE,
    FUSEAU_SIMULATION, IDENTIFICATION_DEMANDEE, INTERNAL_ERROR, INVALID_REQUEST,
    INVALID_SERVICE, INVALID_TICKET, INVALID_TICKET_SPEC, MESSAGES, NOM_SERVEUR, NS_CAS,
    NS_SAML, NS_SAMLP, PASSERELLE_SANS_SESSION, REAUTHENTIFICATION_DEMANDEE, REDIRECTION_CAS,
    SERVICE_INCONNU, SESSION_EXISTANTE, SESSION_SSO_OUVERTE, TICKET_EMIS, TICKET_REFUSE,
    ResultatAcces, ResultatConnexion, ResultatDeconnexion, Validation, _NOM_XML,
    _avec_precision, _date_xml, _decalage_paris_regle_ue, _dernier_dimanche,
    _en_utc_depuis_paris, _normaliser_attributs, requete_deconnexion,
)
from entsim.sso.sessions import SessionsCAS
from entsim.sso.tickets import (  # noqa: F401 — réexportés
    DUREE_MAX_PAR_DEFAUT, DUREE_TICKET_PAR_DEFAUT, ENTROPIE_ST, ETATS_TICKET,
    INACTIVITE_MAX_PAR_DEFAUT, LONGUEUR_ALEA_LR, LONGUEUR_ALEA_ST, LONGUEUR_ALEA_TGT,
    LONGUEUR_MAX_TICKET, MOTIF_TICKET_SERVICE, MOTIFS_FIN, NOM_COOKIE_TGC, PREFIXE_LR,
    PREFIXE_PT, PREFIXE_ST, PREFIXE_TGT, EtatTicket, SessionSSO, TicketDeService, TicketTGT,
    _duree_lisible, nouvel_identifiant,
)
from entsim.sso.validation import ValidationCAS
from entsim.socle.erreurs import Introuvable, ValeurInvalide, verifier_texte
from entsim.socle.horloge import Horloge
from entsim.journal.journal import Journal
from entsim.sso.navigateur import CANAL_NAVIGATEUR, Cookie, Navigateur, Reseau

if TYPE_CHECKING:
    from entsim.sso.applications import ServiceApplicatif

#: L'adresse du serveur CAS de l'ENT simulé (les URI ``/login``, ``/logout``… s'y ajoutent).
URL_CAS_PAR_DEFAUT = "https://ent.example/cas"


# ---------------------------------------------------------------------------------------
# Collaborateurs (protocoles informels)
# ---------------------------------------------------------------------------------------

class ResultatAuthentificationLike(Protocol):
    """Ce que rend le service d'identification/authentification (mot de passe, code à
    usage unique, certificat…)."""

    @property
    def ok(self) -> bool: ...
    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def identifiant(self) -> str | None: ...
    @property
    def methode(self) -> str: ...


class DecisionLike(Protocol):
    """Ce que rend le service d'autorisation."""

    @property
    def autorise(self) -> bool: ...
    @property
    def raison(self) -> str: ...


# ---------------------------------------------------------------------------------------
# Le serveur
# ---------------------------------------------------------------------------------------

class ServeurCAS(ValidationCAS, SessionsCAS):
    """Le serveur d'authentification centrale (CAS) de l'ENT.

    :param horloge: l'horloge simulée (expiration des tickets et des sessions).
    :param journal: le journal des opérations AAS (SDET, « Traçabilité des opérations AAS »).
    :param source: la source de hasard ; les tickets en viennent (``source.jeton``).
    :param verifier_identifiants: ``(identifiant, mot_de_passe, poste) -> résultat`` avec
        ``.ok``, ``.code``, ``.message``, ``.identifiant``, ``.methode`` (le service
        d'identification/authentification ; il journalise lui-même ses succès et échecs).
    :param attributs: ``identifiant -> {nom: valeur}`` : les informations d'identité
        propagées aux services (SDET, « Service de propagation des informations d'identité »).
    :param autoriser: ``(identifiant, code_service) -> décision`` avec ``.autorise`` et
        ``.raison`` (SDET, « Service d'autorisation »).
    :param duree_ticket: durée de vie d'un ticket de service non validé.
    :param inactivite_max: une session SSO inutilisée plus longtemps expire.
    :param duree_max: une session SSO expire au plus tard après cette durée.
    :param url: l'adresse du serveur CAS (les URI ``/login``, ``/logout``… s'y ajoutent).
    :param reseau: la capture des échanges (une nouvelle si rien n'est donné).

    Journal (SDET, « Traçabilité des opérations AAS ») : le serveur écrit ``tgt_cree``,
    ``tgt_expire``, ``reauthentification_demandee``, ``ticket_emis``, ``ticket_valide``,
    ``ticket_refuse``, ``passerelle_sans_session``, ``deconnexion``,
    ``deconnexion_propagee``, et la décision d'autorisation (``acces_autorise`` /
    ``acces_refuse``, quand ``autoriser`` est fourni : c'est le serveur qui connaît le poste)
    — avec le ticket dans ``objet``, le code du service dans ``service`` et le poste dans
    ``poste``. Les succès et échecs de connexion sont écrits par le service
    d'authentification lui-même (pas de doublon ici) ; de même, ``autoriser`` ne doit pas
    journaliser sa décision une seconde fois.
    """

    def __init__(self, horloge: Horloge, journal: Journal, source: SourceAleatoire, *,
                 verifier_identifiants: Callable[[str, str, str | None],
                                                 ResultatAuthentificationLike],
                 attributs: Callable[[str], Mapping[str, str | list[str]]] | None = None,
                 autoriser: Callable[[str, str], DecisionLike] | None = None,
                 duree_ticket: timedelta = DUREE_TICKET_PAR_DEFAUT,
                 inactivite_max: timedelta = INACTIVITE_MAX_PAR_DEFAUT,
                 duree_max: timedelta = DUREE_MAX_PAR_DEFAUT,
                 url: str = URL_CAS_PAR_DEFAUT, reseau: Reseau | None = None) -> None:
        if not callable(verifier_identifiants):
            raise ValeurInvalide("« verifier_identifiants » doit être une fonction.")
        for nom, fonction in (("attributs", attributs), ("autoriser", autoriser)):
            if fonction is not None and not callable(fonction):
                raise ValeurInvalide(f"« {nom} » doit être une fonction (ou None).")
        for nom, duree in (("duree_ticket", duree_ticket), ("inactivite_max", inactivite_max),
                           ("duree_max", duree_max)):
            if not isinstance(duree, timedelta) or duree <= timedelta(0):
                raise ValeurInvalide(f"« {nom} » doit être une durée (timedelta) positive.")
        verifier_texte(url, "url")
        if urlsplit(url).scheme != "https" or not urlsplit(url).hostname:
            raise ValeurInvalide("L'adresse du serveur CAS doit commencer par https:// "
                                 "(spécification CAS 3.0, section 3.6 : cookie sécurisé).")
        self.horloge = horloge
        self.journal = journal
        self.source = source
        self.verifier_identifiants = verifier_identifiants
        self.attributs = attributs
        self.autoriser = autoriser
        self.duree_ticket = duree_ticket
        self.inactivite_max = inactivite_max
        self.duree_max = duree_max
        self.url = url.rstrip("/")
        self.reseau = reseau if reseau is not None else Reseau(horloge)
        self._services: dict[str, ServiceApplicatif] = {}
        self._tickets: dict[str, TicketDeService] = {}
        self._tgts: dict[str, TicketTGT] = {}
        self._compteurs = {"ST": 0, "TGT": 0, "LR": 0}

    # -- adresses ------------------------------------------------------------------------
    @property
    def domaine(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def chemin_cookie(self) -> str:
        """Chemin du cookie TGC : celui du serveur, le plus restrictif possible (3.6.1)."""
        return urlsplit(self.url).path or "/"

    def url_login(self, service: str | None = None, *, renew: bool = False,
                  gateway: bool = False) -> str:
        """L'adresse ``/login`` avec ses paramètres (section 2.1.2 : ``service`` encodé)."""
        parametres = []
        if service is not None:
            parametres.append(f"service={quote(service, safe='')}")
        if renew:
            parametres.append("renew=true")
        if gateway:
            parametres.append("gateway=true")
        return f"{self.url}/login" + ("?" + "&".join(parametres) if parametres else "")

    def url_validation(self, service: str, ticket: str, *, renew: bool = False) -> str:
        """L'adresse ``/p3/serviceValidate`` appelée par un service (section 2.8)."""
        url = (f"{self.url}/p3/serviceValidate?service={quote(service, safe='')}"
               f"&ticket={quote(ticket, safe='')}")
        return url + ("&renew=true" if renew else "")

    def url_logout(self) -> str:
        return f"{self.url}/logout"

    # -- registre des services -----------------------------------------------------------
    def enregistrer(self, service: ServiceApplicatif) -> ServiceApplicatif:
        """Inscrit un service dans le registre : seuls les services inscrits reçoivent des
        tickets (section 2.2.1 : en mode non ouvert, le serveur DOIT refuser un service
        non autorisé ; il est fortement recommandé de filtrer les URL de service)."""
        from entsim.sso.applications import ServiceApplicatif

        if not isinstance(service, ServiceApplicatif):
            raise ValeurInvalide("On n'enregistre qu'un ServiceApplicatif(code, nom, url).")
        if service.code in self._services:
            raise ValeurInvalide(f"Un service de code « {service.code} » est déjà enregistré.")
        if any(s.url == service.url for s in self._services.values()):
            raise ValeurInvalide(f"L'adresse {service.url} est déjà celle d'un autre service.")
        if service.serveur_cas is not None and service.serveur_cas is not self:
            raise ValeurInvalide(f"Le service « {service.nom} » dépend déjà d'un autre "
                                 "serveur CAS.")
        self._services[service.code] = service
        service.serveur_cas = self
        return service

    def services(self) -> list[ServiceApplicatif]:
        """Les services enregistrés, dans l'ordre d'inscription."""
        return list(self._services.values())

    def _trouver(self, code_ou_url: str) -> ServiceApplicatif | None:
        if code_ou_url in self._services:
            return self._services[code_ou_url]
        for service in self._services.values():
            if service.url == code_ou_url:
                return service
        return None

    def service(self, code_ou_url: str) -> ServiceApplicatif:
        """Le service enregistré sous ce code (ou à cette adresse)."""
        verifier_texte(code_ou_url, "service")
        trouve = self._trouver(code_ou_url)
        if trouve is None:
            connus = ", ".join(f"« {c} »" for c in self._services) or "aucun"
            raise Introuvable(f"Aucun service « {code_ou_url} » n'est enregistré auprès du "
                              f"serveur CAS (services connus : {connus}).")
        return trouve

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
        """Émet un ticket de service lié à ce service et à ce TGT (section 3.1.1)."""
        maintenant = self.horloge.maintenant()
        ticket = TicketDeService(
            id=self._jeton("ST", LONGUEUR_ALEA_ST), service=service.url,
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
        etapes: list[str] = [f"Le navigateur « {navigateur.nom_poste} » demande {url}"]

        def noter(statut: int, description: str, location: str | None = None,
                  effaces: tuple[str, ...] = ()) -> None:
            self.reseau.noter(canal=CANAL_NAVIGATEUR, navigateur=navigateur,
                              emetteur=navigateur.nom_poste, destinataire=NOM_SERVEUR,
                              methode="GET", url=url, statut=statut, location=location,
                              cookies_envoyes=envoyes, cookies_effaces=effaces,
                              description=description)

        if cible is None:
            message = f"{MESSAGES[SERVICE_INCONNU]} (service demandé : {service})"
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
                message=f"{MESSAGES[SERVICE_INCONNU]} (service demandé : {service})",
                identifiant=identifiant, service=service,
                etapes=("Service absent du registre : opération refusée",),
                echanges=self.reseau.depuis(debut))
        resultat = self.verifier_identifiants(identifiant, mot_de_passe, navigateur.nom_poste)
        return self._ouvrir(navigateur, resultat, cible, debut=debut, methode_http="POST",
                            url=url, corps=corps,
                            etapes=[f"Identifiants de « {identifiant} » envoyés au serveur "
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
                    message=f"{MESSAGES[SERVICE_INCONNU]} (service demandé : {service})",
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

    # -- l'aller-retour complet ----------------------------------------------------------
    def ouvrir_service(self, navigateur: Navigateur, code_service: str, *,
                       identifiant: str | None = None, mot_de_passe: str | None = None,
                       renew: bool = False, gateway: bool = False) -> ResultatAcces:
        """Tout le parcours d'un accès, avec les vrais échanges : le navigateur va au
        service → redirection vers le serveur CAS → ticket (tout de suite grâce à la
        session SSO, ou après saisie de ``identifiant``/``mot_de_passe`` s'ils sont donnés)
        → retour au service → le service valide le ticket → session ouverte dans le service.
        """
        return self.service(code_service).ouvrir(
            navigateur, identifiant=identifiant, mot_de_passe=mot_de_passe, renew=renew,
            gateway=gateway)

    # -- vérifications des arguments -----------------------------------------------------
    @staticmethod
    def _verifier_navigateur(navigateur: object) -> Navigateur:
        if not isinstance(navigateur, Navigateur):
            raise ValeurInvalide("Il faut un navigateur, par exemple "
                                 "Navigateur(\"Poste du CDI\").")
        return navigateur

    @staticmethod
    def _verifier_booleens(**valeurs: object) -> None:
        for nom, valeur in valeurs.items():
            if not isinstance(valeur, bool):
                raise ValeurInvalide(f"« {nom} » vaut True ou False (reçu : {valeur!r}).")

    def __repr__(self) -> str:
        actives = sum(1 for t in self._tgts.values() if t.fin_le is None)
        return (f"ServeurCAS({self.url!r}, {len(self._services)} service(s), "
                f"{actives} session(s) SSO ouverte(s))")
