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

Les durées par défaut sont celles du serveur de référence Apereo CAS (des réglages du serveur,
pas des exigences du protocole) : un ticket de service vit 10 secondes (la spécification
recommande au plus 5 minutes, section 3.1.1) ; une session SSO expire après 2 heures sans
utilisation ou 8 heures après son ouverture (SDET :
« Suite à une période d'inactivité ou après une certaine durée, les services AAS DOIVENT
demander une nouvelle authentification de l'utilisateur »).

Le serveur ne vérifie pas lui-même les mots de passe ni les droits : il reçoit ces
collaborateurs sous forme de fonctions (``verifier_identifiants``, ``attributs``,
``autoriser``), comme les trois services AAS du SDET (identification/authentification,
propagation de l'identité, autorisation).

Heures : l'horloge simulée donne l'heure légale française, sans fuseau ; les dates XML
(``cas:authenticationDate``, ``IssueInstant``) sont converties en UTC et portent le suffixe
``Z`` (voir :func:`entsim.sso.reponses._date_xml`).

Le serveur est assemblé de parties, une par responsabilité (classes mères) :
:class:`~entsim.sso.acces.AccesCAS` (``/login`` demandeur d'identifiants : ticket de service),
:class:`~entsim.sso.connexion.ConnexionCAS` (``/login`` accepteur d'identifiants : session
SSO), :class:`~entsim.sso.validation.ValidationCAS` (``/p3/serviceValidate``) et
:class:`~entsim.sso.sessions.SessionsCAS` (``/logout``, expiration) ; ce module garde le
constructeur, les adresses et le registre des services.

"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from urllib.parse import quote, urlsplit

from entsim.socle.aleatoire import SourceAleatoire
from entsim.sso.acces import AccesCAS
from entsim.sso.applications import ServiceApplicatif
from entsim.sso.connexion import ConnexionCAS
from entsim.sso.etat import DecisionLike, ResultatAuthentificationLike
from entsim.sso.reponses import ResultatAcces
from entsim.sso.sessions import SessionsCAS
from entsim.sso.tickets import (DUREE_MAX_PAR_DEFAUT, DUREE_TICKET_PAR_DEFAUT,
                                INACTIVITE_MAX_PAR_DEFAUT, TicketDeService, TicketTGT)
from entsim.sso.validation import ValidationCAS
from entsim.socle.erreurs import Introuvable, ValeurInvalide, verifier_texte
from entsim.socle.texte import accorder, cite
from entsim.socle.horloge import Horloge
from entsim.journal.chaine import Journal
from entsim.sso.navigateur import Navigateur, Reseau

#: L'adresse du serveur CAS de l'ENT simulé (les URI ``/login``, ``/logout``… s'y ajoutent).
URL_CAS_PAR_DEFAUT = "https://ent.example/cas"


# ---------------------------------------------------------------------------------------
# Le serveur
# ---------------------------------------------------------------------------------------

class ServeurCAS(AccesCAS, ConnexionCAS, ValidationCAS, SessionsCAS):
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
        """L'adresse ``/login`` avec ses paramètres (section 2.1.2 : ``service`` encodé ; un
        caractère impossible à encoder en UTF-8, comme un demi-codet isolé, devient « ? »)."""
        parametres = []
        if service is not None:
            parametres.append(f"service={quote(service, safe='', errors='replace')}")
        if renew:
            parametres.append("renew=true")
        if gateway:
            parametres.append("gateway=true")
        return f"{self.url}/login" + ("?" + "&".join(parametres) if parametres else "")

    def url_validation(self, service: str, ticket: str, *, renew: bool = False) -> str:
        """L'adresse ``/p3/serviceValidate`` appelée par un service (section 2.8)."""
        url = (f"{self.url}/p3/serviceValidate?service={quote(service, safe='', errors='replace')}"
               f"&ticket={quote(ticket, safe='', errors='replace')}")
        return url + ("&renew=true" if renew else "")

    def url_logout(self) -> str:
        return f"{self.url}/logout"

    # -- registre des services -----------------------------------------------------------
    def enregistrer(self, service: ServiceApplicatif) -> ServiceApplicatif:
        """Inscrit un service dans le registre : seuls les services inscrits reçoivent des
        tickets (section 2.2.1 : en mode non ouvert, le serveur DOIT refuser un service
        non autorisé ; il est fortement recommandé de filtrer les URL de service)."""
        if not isinstance(service, ServiceApplicatif):
            raise ValeurInvalide("On n'enregistre qu'un ServiceApplicatif(code, nom, url).")
        if service.code in self._services:
            raise ValeurInvalide(f"Un service de code {cite(service.code)} est déjà enregistré.")
        if any(s.url == service.url for s in self._services.values()):
            raise ValeurInvalide(f"L'adresse {cite(service.url)} est déjà celle d'un autre service.")
        if service.serveur_cas is not None and service.serveur_cas is not self:
            raise ValeurInvalide(f"Le service {cite(service.nom)} dépend déjà d'un autre "
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
            raise Introuvable(f"Aucun service {cite(code_ou_url)} n'est enregistré auprès du "
                              f"serveur CAS (services connus : {connus}).")
        return trouve

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
                raise ValeurInvalide(f"« {nom} » vaut True ou False (reçu : {cite(valeur)}).")

    def __repr__(self) -> str:
        actives = sum(1 for t in self._tgts.values() if t.fin_le is None)
        return (f"ServeurCAS({self.url!r}, {accorder(len(self._services), 'service')}, "
                f"{accorder(actives, 'session SSO ouverte', 'sessions SSO ouvertes')})")
