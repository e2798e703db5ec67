"""Ce que répond le serveur CAS : validation de ticket (XML CAS 3.0), résultats des
opérations, demande de déconnexion unique (SAML 2.0), et les dates de ces messages.

Ce module suit la spécification (*CAS Protocol 3.0 Specification*, version 3.0.3,
Apereo) :

* ``/p3/serviceValidate`` (sections 2.5 et 2.8) : :class:`Validation`, jamais un tuple ni
  ``None``, avec le code d'échec de la section 2.5.3 et la réponse XML exacte de
  l'annexe A (:meth:`Validation.xml`) ;
* ``/login`` et ``/logout`` (sections 2.1 à 2.3) : :class:`ResultatAcces`,
  :class:`ResultatConnexion`, :class:`ResultatDeconnexion`, chacun avec un code stable
  (ASCII) et son message en français (:data:`MESSAGES`) ;
* déconnexion unique (section 2.3.3, annexe C) : :func:`requete_deconnexion` écrit le
  ``samlp:LogoutRequest`` envoyé à chaque service ;
* textes recopiés (ticket, adresse de service, identité, attributs) : :func:`texte_xml` et
  :func:`recopie` garantissent un XML 1.0 bien formé et un message de taille raisonnable,
  quoi que le service ou le navigateur ait envoyé (l'échappement XML est l'affaire de la
  couche CAS).

Heures : l'horloge simulée donne l'heure légale française, sans fuseau ; les dates XML
(``cas:authenticationDate``, ``IssueInstant``) sont converties en UTC et portent le suffixe
``Z`` (voir :func:`_date_xml`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType
from xml.sax.saxutils import escape, quoteattr

from entsim.socle.caracteres import rendre_visible
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite, nature
from entsim.sso.navigateur import Echange

# ---------------------------------------------------------------------------------------
# Constantes du protocole
# ---------------------------------------------------------------------------------------

#: Espace de noms XML des réponses CAS (annexe A).
NS_CAS = "http://www.yale.edu/tp/cas"
#: Espaces de noms SAML 2.0 de la demande de déconnexion (annexe C).
NS_SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol"
NS_SAML = "urn:oasis:names:tc:SAML:2.0:assertion"

#: L'émetteur des réponses, tel qu'il apparaît dans les échanges capturés.
NOM_SERVEUR = "Serveur CAS"

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

# ---------------------------------------------------------------------------------------
# Textes recopiés dans les réponses XML, les messages et le journal
# ---------------------------------------------------------------------------------------

#: Caractères qu'aucun document XML 1.0 ne peut contenir, même sous forme de référence
#: (W3C, *Extensible Markup Language (XML) 1.0*, 5ᵉ édition, section 2.2, production
#: « Char ») : les contrôles C0 sauf la tabulation et les fins de ligne, les demi-codets
#: (« surrogates ») isolés, U+FFFE et U+FFFF. S'y ajoutent DEL et les contrôles C1
#: (U+007F à U+009F), que la même section déconseille : permis, mais invisibles à l'écran.
_HORS_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: Ce qui remplace un caractère interdit : U+FFFD, le « caractère de remplacement »
#: qu'Unicode réserve à un caractère impossible à représenter (affiché « � »).
CARACTERE_DE_REMPLACEMENT = "\ufffd"
#: Au-delà de cette longueur, une valeur reçue n'est recopiée qu'en partie dans un message.
LONGUEUR_MAX_RECOPIE = 120


def texte_xml(valeur: str) -> str:
    """Le texte sans aucun caractère interdit en XML 1.0 : chacun devient « � » (U+FFFD).

    Un ticket ``"ST-\\x01"`` ou une adresse terminée par ``"\\x1b"`` recopiés tels quels
    rendraient la réponse illisible par le service (document XML mal formé) ; un demi-codet
    isolé ne s'écrit même pas en UTF-8. Appliquer deux fois ne change plus rien.
    """
    return _HORS_XML.sub(CARACTERE_DE_REMPLACEMENT, valeur)


def recopie(valeur: str) -> str:
    """Une valeur reçue (ticket, adresse), recopiée dans un message, une réponse XML ou le
    journal : caractères interdits remplacés (:func:`texte_xml`), caractère invisible
    (forçage de direction, chasse nulle…) montré par son numéro (« ⟨U+202E⟩ »,
    :func:`entsim.socle.caracteres.rendre_visible`), et au plus :data:`LONGUEUR_MAX_RECOPIE`
    caractères suivis de la longueur totale — un ticket d'un million de caractères n'est pas
    répété en entier."""
    propre = texte_xml(valeur)
    if len(propre) <= LONGUEUR_MAX_RECOPIE:
        return rendre_visible(propre)
    total = f"{len(valeur):,}".replace(",", "\u202f")
    return f"{rendre_visible(propre[:LONGUEUR_MAX_RECOPIE])}… ({total} caractères)"


def verifier_transmissible(valeur: str, nom: str) -> str:
    """Refuse une valeur que le serveur devrait transmettre *exactement* dans une réponse
    XML (l'identifiant de l'utilisateur, ``cas:user``) mais qui contient un caractère
    interdit en XML 1.0 : la remplacer transmettrait une autre identité."""
    if _HORS_XML.search(valeur):
        raise ValeurInvalide(f"« {nom} » contient un caractère invisible ou de contrôle "
                             f"({cite(valeur)}) : cette "
                             "identité ne peut pas être transmise aux services.")
    return valeur


def _avec_precision(message: str, precision: str) -> str:
    """Ajoute une précision entre parenthèses avant le point final d'une phrase."""
    return f"{message.rstrip('.')} ({precision})."


# ---------------------------------------------------------------------------------------
# Dates des messages : heure légale française → UTC
# ---------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------
# Attributs d'identité (annexe A)
# ---------------------------------------------------------------------------------------

# Attributs CAS standard (annexe A, AttributesType) : un attribut d'identité ne peut pas
# porter l'un de ces noms.
ATTRIBUTS_CAS = ("authenticationDate", "longTermAuthenticationRequestTokenUsed",
                 "isFromNewLogin")
# Nom d'un attribut : un nom XML 1.0 sans « : » (section 2.3, productions NameStartChar et
# NameChar), puisqu'il s'écrit ``<cas:nom>`` ; « a² » ou « x×y » sont refusés.
_DEBUT_NOM_XML = ("A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d"
                  "\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff"
                  "\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_NOM_XML = re.compile(f"[{_DEBUT_NOM_XML}][{_DEBUT_NOM_XML}\\-.0-9\u00b7\u0300-\u036f"
                      "\u203f\u2040]*")


def _normaliser_attributs(brut: object) -> dict[str, str | tuple[str, ...]]:
    """Vérifie et fige les attributs d'identité (noms XML valides, valeurs texte)."""
    if not isinstance(brut, Mapping):
        raise ValeurInvalide("Les attributs d'identité doivent être un dictionnaire "
                             "{nom: valeur}.")
    propres: dict[str, str | tuple[str, ...]] = {}
    for nom, valeur in brut.items():
        if not isinstance(nom, str) or not _NOM_XML.fullmatch(nom) or nom in ATTRIBUTS_CAS:
            lisible = f"« {recopie(nom)} »" if isinstance(nom, str) else nature(nom)
            raise ValeurInvalide(f"Nom d'attribut impossible dans une réponse CAS : "
                                 f"{lisible}.")
        if isinstance(valeur, str):
            propres[nom] = valeur
        elif isinstance(valeur, (list, tuple)) and all(isinstance(v, str) for v in valeur):
            propres[nom] = tuple(valeur)
        else:
            raise ValeurInvalide(f"L'attribut « {nom} » doit être un texte ou une liste de "
                                 f"textes (reçu : {nature(valeur)}).")
    return propres


def _xml(texte: str) -> str:
    """Un texte placé entre deux balises : caractères interdits remplacés, puis ``&``,
    ``<`` et ``>`` échappés."""
    return escape(texte_xml(texte))


def _attribut_xml(texte: str) -> str:
    """La valeur d'un attribut XML, guillemets compris."""
    return quoteattr(texte_xml(texte))


# ---------------------------------------------------------------------------------------
# Valeurs rendues (validation et résultats)
# ---------------------------------------------------------------------------------------

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
            lignes.append(f"    <cas:user>{_xml(self.utilisateur or '')}</cas:user>")
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
                    lignes.append(f"      <cas:{nom}>{_xml(v)}</cas:{nom}>")
            lignes.append("    </cas:attributes>")
            lignes.append("  </cas:authenticationSuccess>")
        else:
            lignes.append(f"  <cas:authenticationFailure code={_attribut_xml(self.code or '')}>"
                          f"{_xml(self.message)}</cas:authenticationFailure>")
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
        f'<samlp:LogoutRequest xmlns:samlp="{NS_SAMLP}" ID={_attribut_xml(id_requete)} '
        f'Version="2.0" IssueInstant="{_date_xml(instant)}">\n'
        f'  <saml:NameID xmlns:saml="{NS_SAML}">@NOT_USED@</saml:NameID>\n'
        f"  <samlp:SessionIndex>{_xml(ticket)}</samlp:SessionIndex>\n"
        f"</samlp:LogoutRequest>"
    )
