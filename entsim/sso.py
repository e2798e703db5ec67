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
  objet :class:`Validation` et le XML exact de la réponse (annexe A) ;
* ``/logout`` et la déconnexion unique (sections 2.3 et 2.3.3, annexe C) :
  :meth:`ServeurCAS.deconnexion` envoie un ``samlp:LogoutRequest`` à chaque service ;
* les tickets (section 3) : ticket de service ``ST-…`` (3.1), ticket d'octroi ``TGT-…``
  (3.8) gardé dans le cookie TGC (3.6), jeu de caractères (3.7).

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
``Z`` (voir :func:`_date_xml`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol
from urllib.parse import quote, urlsplit
from xml.sax.saxutils import escape, quoteattr

from .aleatoire import ALPHABET_JETON, SourceAleatoire
from .texte import accorder
from .erreurs import ErreurENT, Introuvable, ValeurInvalide, verifier_texte
from .horloge import Horloge
from .journal import Journal
from .navigateur import CANAL_DIRECT, CANAL_NAVIGATEUR, Cookie, Echange, Navigateur, Reseau

if TYPE_CHECKING:
    from .application import ServiceApplicatif

# ---------------------------------------------------------------------------------------
# Constantes du protocole
# ---------------------------------------------------------------------------------------

#: Espace de noms XML des réponses CAS (annexe A).
NS_CAS = "http://www.yale.edu/tp/cas"
#: Espaces de noms SAML 2.0 de la demande de déconnexion (annexe C).
NS_SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol"
NS_SAML = "urn:oasis:names:tc:SAML:2.0:assertion"

#: Section 3.1.1 : « Service tickets MUST begin with the characters, ST- ».
PREFIXE_ST = "ST-"
#: Section 3.8.1 : « Ticket-granting tickets SHOULD begin with the characters TGT- ».
PREFIXE_TGT = "TGT-"
#: Section 3.2.1 : les tickets de proxy commencent par « PT- » (non gérés ici).
PREFIXE_PT = "PT-"
#: Identifiant d'une demande de déconnexion (comme le serveur Apereo : « LR-… »).
PREFIXE_LR = "LR-"

#: Partie aléatoire d'un ticket de service : 24 caractères de A-Z a-z 0-9, soit ≈ 143 bits
#: (section 3.1.1 : « adequate secure random data so that a ticket is not guessable » ;
#: on vise au moins 128 bits). Avec le préfixe et le compteur, un ticket tient en 32
#: caractères, longueur que tout service DOIT accepter (section 3.1.1).
LONGUEUR_ALEA_ST = 24
#: Partie aléatoire d'un TGT : 32 caractères, ≈ 190 bits (section 3.8.1).
LONGUEUR_ALEA_TGT = 32
#: Partie aléatoire de l'identifiant d'une demande de déconnexion.
LONGUEUR_ALEA_LR = 20
#: Entropie d'un ticket de service, en bits.
ENTROPIE_ST = LONGUEUR_ALEA_ST * math.log2(len(ALPHABET_JETON))
#: Section 3.1.1 : « It is RECOMMENDED that services support service tickets of up to 256
#: characters in length ».
LONGUEUR_MAX_TICKET = 256

#: Section 3.7 : tickets et cookie TGC ne contiennent que A-Z, a-z, 0-9 et le tiret.
MOTIF_TICKET_SERVICE = re.compile(r"^ST-[A-Za-z0-9-]+$")

#: Nom du cookie de session SSO (nom par défaut du serveur Apereo, « TGC ») ; sa valeur est
#: le TGT lui-même (section 3.6.1 : « the value of the ticket-granting cookies MAY contain
#: the ticket-granting ticket itself »).
NOM_COOKIE_TGC = "TGC"

URL_CAS_PAR_DEFAUT = "https://ent.example/cas"
NOM_SERVEUR = "Serveur CAS"

#: Durées par défaut du serveur Apereo CAS.
DUREE_TICKET_PAR_DEFAUT = timedelta(seconds=10)
INACTIVITE_MAX_PAR_DEFAUT = timedelta(hours=2)
DUREE_MAX_PAR_DEFAUT = timedelta(hours=8)

# Codes d'échec de la validation (section 2.5.3 : l'ensemble minimal que tout serveur CAS
# DOIT gérer ; les codes propres au proxy ne servent pas ici).
INVALID_REQUEST = "INVALID_REQUEST"
INVALID_TICKET_SPEC = "INVALID_TICKET_SPEC"
INVALID_TICKET = "INVALID_TICKET"
INVALID_SERVICE = "INVALID_SERVICE"
INTERNAL_ERROR = "INTERNAL_ERROR"

#: Les codes d'échec CAS et leur sens (section 2.5.3), en français.
CODES_CAS: dict[str, str] = {
    INVALID_REQUEST: "Requête incomplète : il manque un paramètre obligatoire.",
    INVALID_TICKET_SPEC: "Le ticket ne respecte pas les règles de validation "
                         "(ce n'est pas un ticket de service « ST- »).",
    INVALID_TICKET: "Ticket non valable : inconnu, déjà utilisé, expiré, ou émis sans saisie "
                    "des identifiants alors que « renew » est demandé.",
    INVALID_SERVICE: "Le ticket a été émis pour un autre service ; il est désormais "
                     "invalidé.",
    INTERNAL_ERROR: "Erreur interne du serveur pendant la validation.",
}

# Codes des résultats (stables, ASCII) et leur libellé français.
TICKET_EMIS = "ticket_emis"
IDENTIFICATION_DEMANDEE = "identification_demandee"
REAUTHENTIFICATION_DEMANDEE = "reauthentification_demandee"
PASSERELLE_SANS_SESSION = "passerelle_sans_session"
ACCES_REFUSE = "acces_refuse"
SERVICE_INCONNU = "service_inconnu"
ACCES_ACCORDE = "acces_accorde"
SESSION_EXISTANTE = "session_existante"
REDIRECTION_CAS = "redirection_cas"
TICKET_REFUSE = "ticket_refuse"
SESSION_SSO_OUVERTE = "session_sso_ouverte"
DECONNEXION_REUSSIE = "deconnexion_reussie"
AUCUNE_SESSION = "aucune_session"

MESSAGES: dict[str, str] = {
    TICKET_EMIS: "Ticket de service émis : le navigateur est renvoyé vers le service avec "
                 "le ticket.",
    IDENTIFICATION_DEMANDEE: "Identification demandée : saisissez votre identifiant et "
                             "votre mot de passe.",
    REAUTHENTIFICATION_DEMANDEE: "Nouvelle authentification demandée : la session SSO a "
                                 "expiré.",
    PASSERELLE_SANS_SESSION: "Retour au service sans ticket : aucune session SSO n'est "
                             "ouverte et « gateway » interdit de demander l'identification.",
    ACCES_REFUSE: "Accès refusé par le service d'autorisation.",
    SERVICE_INCONNU: "Ce service n'est pas enregistré auprès du serveur CAS : aucun ticket "
                     "ne peut être émis pour lui.",
    ACCES_ACCORDE: "Accès accordé : une session est ouverte dans le service.",
    SESSION_EXISTANTE: "Une session est déjà ouverte dans ce service : accès direct, sans "
                       "passer par le serveur CAS.",
    REDIRECTION_CAS: "Pas de session dans ce service : redirection vers le serveur CAS.",
    TICKET_REFUSE: "Le serveur CAS a refusé le ticket : accès impossible.",
    SESSION_SSO_OUVERTE: "Authentification réussie : session SSO ouverte (cookie TGC posé).",
    DECONNEXION_REUSSIE: "Déconnexion réussie : session SSO fermée, preuves détruites et "
                         "déconnexion propagée aux services.",
    AUCUNE_SESSION: "Aucune session SSO ouverte sur ce poste : rien à fermer.",
}

#: Pourquoi une session SSO a pris fin.
MOTIFS_FIN: dict[str, str] = {
    "deconnexion": "déconnexion demandée par l'utilisateur",
    "inactivite": "inactivité trop longue",
    "duree_max": "durée maximale de session atteinte",
    "remplacement": "nouvelle connexion d'un autre utilisateur sur le même poste",
}

#: États d'un ticket de service, pour le panneau « coulisses ».
ETATS_TICKET = ("émis", "validé", "refusé", "expiré", "détruit")

# Attributs CAS standard (annexe A, AttributesType) : un attribut d'identité ne peut pas
# porter l'un de ces noms.
ATTRIBUTS_CAS = ("authenticationDate", "longTermAuthenticationRequestTokenUsed",
                 "isFromNewLogin")
_NOM_XML = re.compile(r"^[^\W\d][\w.-]*$")


def _avec_precision(message: str, precision: str) -> str:
    """Ajoute une précision entre parenthèses avant le point final d'une phrase."""
    return f"{message.rstrip('.')} ({precision})."


#: Fuseau de l'horloge simulée : l'heure légale française (le lycée est en métropole).
FUSEAU_SIMULATION = "Europe/Paris"


def _dernier_dimanche(annee: int, mois: int) -> datetime:
    """Le dernier dimanche du mois (mars ou octobre), à minuit."""
    jour = datetime(annee, mois, 31)      # mars et octobre ont 31 jours
    return jour - timedelta(days=(jour.weekday() - 6) % 7)


def _decalage_paris_regle_ue(local: datetime) -> timedelta:
    """Décalage de l'heure légale française sur l'UTC, calculé par la règle européenne.

    Directive 2000/84/CE, articles 2 et 3 : l'heure d'été commence le dernier dimanche de
    mars et finit le dernier dimanche d'octobre, à 1 h du matin, temps universel. À Paris :
    UTC+1 en hiver, UTC+2 en été ; le changement se fait à 2 h (heure d'hiver) en mars et à
    3 h (heure d'été) en octobre. Comme ``zoneinfo`` (PEP 495, ``fold=0``), une heure qui
    n'existe pas (2 h 30 le jour du passage à l'heure d'été) est lue avec le décalage
    d'avant le changement, et une heure vécue deux fois (2 h 30 le jour du retour à l'heure
    d'hiver) est lue comme sa première occurrence, en heure d'été.
    """
    debut_ete = _dernier_dimanche(local.year, 3) + timedelta(hours=3)
    fin_ete = _dernier_dimanche(local.year, 10) + timedelta(hours=3)
    return timedelta(hours=2) if debut_ete <= local < fin_ete else timedelta(hours=1)


def _en_utc_depuis_paris(instant: datetime) -> datetime:
    """Convertit une heure simulée (heure légale française, sans fuseau) en UTC, sans fuseau.

    Une date qui porte déjà un fuseau est simplement convertie. La base des fuseaux (IANA,
    module ``zoneinfo``) est utilisée si elle est installée ; sinon (Windows sans le paquet
    ``tzdata``), la règle européenne de l'heure d'été donne le même résultat.
    """
    from datetime import timezone

    if instant.tzinfo is not None:
        return instant.astimezone(timezone.utc).replace(tzinfo=None)
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError:  # pragma: no cover - zoneinfo existe depuis Python 3.9
        return instant - _decalage_paris_regle_ue(instant)
    try:
        fuseau = ZoneInfo(FUSEAU_SIMULATION)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return instant - _decalage_paris_regle_ue(instant)
    return instant.replace(tzinfo=fuseau).astimezone(timezone.utc).replace(tzinfo=None)


def _date_xml(instant: datetime) -> str:
    """Date au format xs:dateTime en UTC (suffixe ``Z``).

    L'horloge simulée donne l'heure légale française (8 h au lycée, le jour de la
    rentrée) : elle est convertie en UTC avant d'écrire le ``Z`` — 8 h à Paris en septembre
    s'écrit ``06:00:00Z`` (UTC+2, heure d'été), en janvier ``07:00:00Z`` (UTC+1). Sert à
    ``cas:authenticationDate`` (annexe A) et à l'``IssueInstant`` des demandes de
    déconnexion (annexe C ; SAML 2.0 impose l'UTC sans décalage).
    """
    return _en_utc_depuis_paris(instant).strftime("%Y-%m-%dT%H:%M:%SZ")


def _duree_lisible(duree: timedelta) -> str:
    secondes = int(duree.total_seconds())
    if secondes % 3600 == 0:
        return f"{secondes // 3600} h"
    if secondes % 60 == 0:
        return f"{secondes // 60} min"
    return f"{secondes} s"


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
# Les tickets (entités internes du serveur)
# ---------------------------------------------------------------------------------------

@dataclass(eq=False)
class TicketDeService:
    """Un ticket de service (section 3.1).

    Valable pour un seul service (celui donné à ``/login``), pour une seule tentative de
    validation, réussie ou non (section 3.1.1), et pendant peu de temps.
    ``identifiants_presentes`` est vrai si le ticket a été émis juste après la saisie des
    identifiants (et non grâce à la session SSO) : c'est ce que vérifie ``renew`` à la
    validation (section 2.5.1) et ce que dit ``isFromNewLogin`` (annexe A).
    """

    id: str
    service: str               # l'URL du service (identifiant de service, section 2.2.1)
    code_service: str
    identifiant: str
    tgt: str
    poste: str
    emis_le: datetime
    expire_le: datetime
    identifiants_presentes: bool
    presente_le: datetime | None = None   # première (et seule) tentative de validation
    resultat: str | None = None           # "validé" ou "refusé"
    code_refus: str | None = None
    detruit_le: datetime | None = None    # session SSO fermée

    def etat(self, maintenant: datetime) -> str:
        """État du ticket : émis, validé, refusé, expiré ou détruit (lecture seule)."""
        if self.resultat is not None:
            return self.resultat
        if self.detruit_le is not None:
            return "détruit"
        if maintenant > self.expire_le:
            return "expiré"
        return "émis"


@dataclass(eq=False)
class TicketTGT:
    """Un ticket d'octroi de tickets (TGT, section 3.8) : la session SSO d'un navigateur.

    Il n'est pas à usage unique (section 3.8.1) : chaque ticket de service émis grâce à lui
    le « réutilise » et repousse l'expiration pour inactivité.
    """

    id: str
    identifiant: str
    poste: str
    methode: str
    cree_le: datetime
    authentifie_le: datetime
    derniere_utilisation: datetime
    tickets: list[str] = field(default_factory=list)
    fin_le: datetime | None = None
    motif_fin: str | None = None

    def motif_expiration(self, maintenant: datetime, inactivite_max: timedelta,
                         duree_max: timedelta) -> str | None:
        """``"duree_max"``, ``"inactivite"`` ou ``None`` : la session a-t-elle dépassé une
        limite ? Comme Apereo, une limite atteinte *exactement* n'est pas encore dépassée."""
        if maintenant > self.cree_le + duree_max:
            return "duree_max"
        if maintenant > self.derniere_utilisation + inactivite_max:
            return "inactivite"
        return None


# ---------------------------------------------------------------------------------------
# Valeurs rendues (instantanés et résultats)
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EtatTicket:
    """Instantané d'un ticket de service, pour le panneau « coulisses »."""

    ticket: str
    service: str
    identifiant: str
    poste: str
    emis_le: datetime
    expire_le: datetime
    etat: str
    identifiants_presentes: bool
    code_refus: str | None

    @property
    def vivant(self) -> bool:
        """Vrai si le ticket peut encore être validé."""
        return self.etat == "émis"

    def en_ligne(self) -> dict[str, object]:
        return {"Ticket": self.ticket, "Service": self.service, "Identité": self.identifiant,
                "Poste": self.poste, "Émis à": self.emis_le, "Expire à": self.expire_le,
                "État": self.etat, "Refus": self.code_refus or ""}


@dataclass(frozen=True)
class SessionSSO:
    """Instantané d'une session SSO (un TGT) : qui, sur quel poste, jusqu'à quand."""

    tgt: str
    identifiant: str
    poste: str
    methode: str
    ouverte_le: datetime
    authentifie_le: datetime
    derniere_utilisation: datetime
    expire_inactivite_le: datetime
    expire_au_plus_tard_le: datetime
    tickets: tuple[str, ...]
    services: tuple[str, ...]      # codes des services où un ticket a été validé
    etat: str                       # "active", "expirée" ou "fermée"
    motif_fin: str | None = None

    def en_ligne(self) -> dict[str, object]:
        return {"TGT": self.tgt, "Identité": self.identifiant, "Poste": self.poste,
                "Ouverte à": self.ouverte_le, "Dernière utilisation": self.derniere_utilisation,
                "Expire (inactivité)": self.expire_inactivite_le,
                "Expire au plus tard": self.expire_au_plus_tard_le,
                "Services": ", ".join(self.services), "État": self.etat}


@dataclass(frozen=True)
class Validation:
    """Le résultat d'une validation de ticket (``/p3/serviceValidate``, sections 2.5 et 2.8).

    Jamais un tuple ni ``None`` : ``ok``, ``utilisateur``, ``attributs``, le ``code`` CAS en
    cas d'échec (section 2.5.3) et un ``message`` en français ; :meth:`xml` donne la réponse
    exacte du serveur (annexe A).
    """

    ok: bool
    ticket: str | None
    service: str | None
    code: str | None
    message: str
    utilisateur: str | None = None
    attributs: Mapping[str, str | tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}), hash=False)
    authentifie_le: datetime | None = None
    nouvelle_connexion: bool = False
    instant: datetime | None = None
    etapes: tuple[str, ...] = ()

    def xml(self) -> str:
        """La réponse XML de ``/p3/serviceValidate`` (espace de noms ``cas``, annexe A)."""
        lignes = [f'<cas:serviceResponse xmlns:cas="{NS_CAS}">']
        if self.ok:
            lignes.append("  <cas:authenticationSuccess>")
            lignes.append(f"    <cas:user>{escape(self.utilisateur or '')}</cas:user>")
            lignes.append("    <cas:attributes>")
            date = _date_xml(self.authentifie_le) if self.authentifie_le else ""
            lignes.append(f"      <cas:authenticationDate>{date}</cas:authenticationDate>")
            lignes.append("      <cas:longTermAuthenticationRequestTokenUsed>false"
                          "</cas:longTermAuthenticationRequestTokenUsed>")
            nouvelle = "true" if self.nouvelle_connexion else "false"
            lignes.append(f"      <cas:isFromNewLogin>{nouvelle}</cas:isFromNewLogin>")
            for nom, valeur in self.attributs.items():
                valeurs = (valeur,) if isinstance(valeur, str) else valeur
                for v in valeurs:  # attribut à plusieurs valeurs : élément répété (2.5.7)
                    lignes.append(f"      <cas:{nom}>{escape(v)}</cas:{nom}>")
            lignes.append("    </cas:attributes>")
            lignes.append("  </cas:authenticationSuccess>")
        else:
            lignes.append(f"  <cas:authenticationFailure code={quoteattr(self.code or '')}>"
                          f"{escape(self.message)}</cas:authenticationFailure>")
        lignes.append("</cas:serviceResponse>")
        return "\n".join(lignes)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ResultatAcces:
    """Résultat d'une demande d'accès à un service (``/login`` ou aller-retour complet).

    ``ok`` : pour :meth:`ServeurCAS.acceder`, un ticket a été émis ; pour
    :meth:`ServeurCAS.ouvrir_service`, l'utilisateur est dans le service.
    ``sso`` : l'identité a été propagée sans que l'utilisateur ressaisisse ses identifiants.
    """

    ok: bool
    code: str
    message: str
    service: str | None = None
    identifiant: str | None = None
    ticket: str | None = None
    url_redirection: str | None = None
    sso: bool = False
    autorise: bool | None = None
    raison: str = ""
    validation: Validation | None = None
    session: str | None = None
    etapes: tuple[str, ...] = ()
    echanges: tuple[Echange, ...] = ()

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ResultatConnexion:
    """Résultat d'une connexion au serveur CAS (``/login`` qui reçoit des identifiants).

    ``ok`` : l'authentification a réussi et une session SSO est ouverte ; si un service
    était demandé, ``acces`` dit si un ticket a été émis (l'autorisation peut refuser).
    """

    ok: bool
    code: str
    message: str
    identifiant: str | None = None
    methode: str | None = None
    tgt: str | None = None
    service: str | None = None
    ticket: str | None = None
    acces: ResultatAcces | None = None
    url_redirection: str | None = None
    etapes: tuple[str, ...] = ()
    echanges: tuple[Echange, ...] = ()

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ResultatDeconnexion:
    """Résultat d'une déconnexion (``/logout`` et déconnexion unique, section 2.3)."""

    ok: bool
    code: str
    message: str
    identifiant: str | None = None
    tgt: str | None = None
    services_notifies: tuple[str, ...] = ()
    requetes: tuple[str, ...] = ()          # les samlp:LogoutRequest envoyés (XML)
    tickets_detruits: tuple[str, ...] = ()
    etapes: tuple[str, ...] = ()
    echanges: tuple[Echange, ...] = ()

    def __str__(self) -> str:
        return self.message


def requete_deconnexion(id_requete: str, instant: datetime, ticket: str) -> str:
    """La demande de déconnexion unique envoyée à un service (annexe C de la spécification) :
    un ``samlp:LogoutRequest`` SAML 2.0 dont le ``SessionIndex`` est le ticket de service
    qui a ouvert la session dans ce service."""
    return (
        f'<samlp:LogoutRequest xmlns:samlp="{NS_SAMLP}" ID={quoteattr(id_requete)} '
        f'Version="2.0" IssueInstant="{_date_xml(instant)}">\n'
        f'  <saml:NameID xmlns:saml="{NS_SAML}">@NOT_USED@</saml:NameID>\n'
        f"  <samlp:SessionIndex>{escape(ticket)}</samlp:SessionIndex>\n"
        f"</samlp:LogoutRequest>"
    )


def _normaliser_attributs(brut: object) -> dict[str, str | tuple[str, ...]]:
    """Vérifie et fige les attributs d'identité (noms XML valides, valeurs texte)."""
    if not isinstance(brut, Mapping):
        raise ValeurInvalide("Les attributs d'identité doivent être un dictionnaire "
                             "{nom: valeur}.")
    propres: dict[str, str | tuple[str, ...]] = {}
    for nom, valeur in brut.items():
        if not isinstance(nom, str) or not _NOM_XML.match(nom) or nom in ATTRIBUTS_CAS:
            raise ValeurInvalide(f"Nom d'attribut impossible dans une réponse CAS : {nom!r}.")
        if isinstance(valeur, str):
            propres[nom] = valeur
        elif isinstance(valeur, (list, tuple)) and all(isinstance(v, str) for v in valeur):
            propres[nom] = tuple(valeur)
        else:
            raise ValeurInvalide(f"L'attribut « {nom} » doit être un texte ou une liste de "
                                 f"textes (reçu : {valeur!r}).")
    return propres


# ---------------------------------------------------------------------------------------
# Le serveur
# ---------------------------------------------------------------------------------------

class ServeurCAS:
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
        from .application import ServiceApplicatif

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
        return f"{type_ticket}-{self._compteurs[type_ticket]}-{self.source.jeton(longueur)}"

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

    # -- /p3/serviceValidate (sections 2.5 et 2.8) ---------------------------------------
    def valider(self, ticket: str | None, service_url: str | None, *,
                renew: bool = False) -> Validation:
        """Valide un ticket de service présenté par un service (``/p3/serviceValidate``).

        Les vérifications, dans l'ordre (comme django-mama-cas), chacune avec son code CAS
        (section 2.5.3) :

        1. paramètres ``ticket`` et ``service`` présents — sinon ``INVALID_REQUEST`` ;
        2. format : commence par ``ST-``, caractères de la section 3.7 — sinon
           ``INVALID_TICKET_SPEC`` (un ticket de proxy ``PT-`` n'est pas accepté ici,
           section 2.5) ;
        3. ticket connu (et non détruit par une déconnexion) — sinon ``INVALID_TICKET`` ;
        4. pas encore présenté — sinon ``INVALID_TICKET`` ;
        5. pas expiré — sinon ``INVALID_TICKET`` ;
        6. présenté par le service pour lequel il a été émis (et service enregistré) —
           sinon ``INVALID_SERVICE`` ;
        7. si ``renew`` : ticket émis juste après la saisie des identifiants — sinon
           ``INVALID_TICKET``.

        Toute tentative qui atteint un ticket existant le **consomme**, quel que soit le
        résultat (section 3.1.1 : « Whether or not validation was successful, CAS MUST
        then invalidate the ticket »). C'est la seule modification : rien d'autre ne change.
        Une requête incomplète ou mal formée n'atteint aucun ticket (comme le serveur
        Apereo, qui répond ``INVALID_REQUEST`` avant de chercher le ticket).
        """
        for nom, valeur in (("ticket", ticket), ("service", service_url)):
            if valeur is not None and not isinstance(valeur, str):
                raise ValeurInvalide(f"« {nom} » doit être un texte (reçu : {valeur!r}).")
        self._verifier_booleens(renew=renew)
        maintenant = self.horloge.maintenant()
        etapes: list[str] = []
        presentateur = self._trouver(service_url) if service_url else None
        if presentateur is not None:
            service_url = presentateur.url
        code_presentateur = presentateur.code if presentateur is not None else None

        def refus(code: str, message: str, t: TicketDeService | None) -> Validation:
            etapes.append(f"Refus : {code}")
            if t is not None and t.resultat is None:
                t.resultat, t.code_refus = "refusé", code
            self.journal.enregistrer(
                "ticket_refuse", identite=t.identifiant if t else None,
                service=code_presentateur or (t.code_service if t else None),
                poste=t.poste if t else None, resultat="echec", objet=ticket or None,
                detail=f"{code} : {message}")
            return Validation(ok=False, ticket=ticket, service=service_url, code=code,
                              message=message, instant=maintenant, etapes=tuple(etapes))

        # 1. paramètres présents
        if not ticket or not service_url:
            manquants = [n for n, v in (("ticket", ticket), ("service", service_url)) if not v]
            return refus(INVALID_REQUEST,
                         "Requête incomplète : "
                         + accorder(len(manquants), "paramètre obligatoire manquant",
                                    "paramètres obligatoires manquants")[2:] + " : "
                         + ", ".join(f"« {m} »" for m in manquants) + ".", None)
        etapes.append("Paramètres « ticket » et « service » présents")
        # 2. format
        if ticket.startswith(PREFIXE_PT):
            return refus(INVALID_TICKET_SPEC,
                         f"« {ticket} » est un ticket de proxy (PT-) : /p3/serviceValidate "
                         "ne valide que les tickets de service (ST-).", None)
        if not MOTIF_TICKET_SERVICE.match(ticket) or len(ticket) > LONGUEUR_MAX_TICKET:
            return refus(INVALID_TICKET_SPEC,
                         f"« {ticket} » n'est pas un ticket de service : il doit commencer "
                         "par « ST- » et ne contenir que des lettres sans accent, des "
                         "chiffres et des tirets.", None)
        etapes.append("Format correct (« ST- », lettres, chiffres, tirets)")
        # 3. ticket connu
        t = self._tickets.get(ticket)
        if t is None:
            return refus(INVALID_TICKET, f"Ticket {ticket} inconnu : ce serveur ne l'a "
                                         "jamais émis.", None)
        deja_presente = t.presente_le
        if deja_presente is None:
            t.presente_le = maintenant  # consommé : une seule tentative (3.1.1)
        if t.detruit_le is not None and deja_presente is None:
            return refus(INVALID_TICKET, f"Ticket {ticket} détruit : la session SSO qui "
                                         "l'avait émis a été fermée.", t)
        etapes.append("Ticket connu")
        # 4. pas encore présenté
        if deja_presente is not None:
            return refus(INVALID_TICKET,
                         f"Ticket {ticket} déjà présenté à {deja_presente:%H:%M:%S} : un "
                         "ticket de service ne sert qu'une fois, même si la première "
                         "tentative a échoué.", t)
        etapes.append("Première présentation du ticket")
        # 5. pas expiré
        if maintenant > t.expire_le:
            return refus(INVALID_TICKET,
                         f"Ticket {ticket} expiré : émis à {t.emis_le:%H:%M:%S}, il n'était "
                         f"valable que {_duree_lisible(self.duree_ticket)}.", t)
        etapes.append(f"Ticket encore valable (émis à {t.emis_le:%H:%M:%S})")
        # 6. bon service
        if presentateur is None:
            return refus(INVALID_SERVICE,
                         f"Le service {service_url} n'est pas enregistré auprès du serveur "
                         f"CAS ; le ticket {ticket} est désormais invalidé.", t)
        if presentateur.url != t.service:
            return refus(INVALID_SERVICE,
                         f"Ticket {ticket} émis pour « {self._nom_service(t)} » mais "
                         f"présenté par « {presentateur.nom} » : il est désormais invalidé.",
                         t)
        etapes.append(f"Présenté par le bon service (« {presentateur.nom} »)")
        # 7. renew
        if renew and not t.identifiants_presentes:
            return refus(INVALID_TICKET,
                         f"Ticket {ticket} émis grâce à la session SSO, sans saisie des "
                         "identifiants : refusé, car le service exige une authentification "
                         "récente (renew).", t)
        if renew:
            etapes.append("« renew » satisfait : identifiants saisis juste avant")
        # attributs d'identité (propagation de l'identité, SDET)
        try:
            attributs = _normaliser_attributs(
                self.attributs(t.identifiant) if self.attributs is not None else {})
        except ErreurENT as erreur:
            return refus(INTERNAL_ERROR, f"Erreur interne pendant la validation : {erreur}", t)
        tgt = self._tgts[t.tgt]
        t.resultat = "validé"
        etapes.append(f"Identité transmise : {t.identifiant}"
                      + (f" et {accorder(len(attributs), 'attribut')}" if attributs else ""))
        message = (f"Ticket {ticket} validé : l'identité de {t.identifiant} est transmise à "
                   f"« {presentateur.nom} ».")
        self.journal.enregistrer("ticket_valide", identite=t.identifiant,
                                 service=presentateur.code, poste=t.poste, objet=ticket,
                                 detail=message)
        return Validation(ok=True, ticket=ticket, service=service_url, code=None,
                          message=message, utilisateur=t.identifiant,
                          attributs=MappingProxyType(attributs),
                          authentifie_le=tgt.authentifie_le,
                          nouvelle_connexion=t.identifiants_presentes, instant=maintenant,
                          etapes=tuple(etapes))

    def _nom_service(self, t: TicketDeService) -> str:
        service = self._services.get(t.code_service)
        return service.nom if service is not None else t.code_service

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
        fait avant chaque opération d'un navigateur. Sans effet s'il n'y a rien à fermer.
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
