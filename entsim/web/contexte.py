"""L'état du serveur web et la traduction d'une requête HTTP en objets de la simulation.

Un vrai navigateur garde ses cookies lui-même : à chaque requête, le serveur fabrique un
:class:`~entsim.sso.navigateur.Navigateur` de la simulation, y recopie le cookie ``TGC``
reçu, appelle le serveur CAS simulé, puis traduit ce qui a changé dans la boîte à cookies en
en-têtes ``Set-Cookie``. Le navigateur simulé ne vit que le temps d'une requête ; la session
SSO, elle, est dans le serveur CAS simulé (le TGT), comme dans un vrai serveur CAS.

Propriétés du cookie ``TGC`` (:func:`entete_cookie`) :

* ``Path`` : celui du serveur CAS, ``/cas`` (*CAS Protocol 3.0 Specification*, section
  3.6.1 : « CAS SHALL set the cookie path to be as restrictive as possible ») ;
* pas d'``Expires`` : il disparaît à la fermeture du navigateur (section 3.6.1) ;
* ``HttpOnly`` : illisible pour un script de la page (RFC 6265, section 4.1.2.6) — un
  réglage par défaut du serveur Apereo CAS, pas une exigence du protocole ;
* ``SameSite=Lax`` : pas envoyé avec un formulaire posté depuis un autre site (RFC 6265bis) ;
  ``Lax`` et non ``Strict``, pour qu'un lien vers l'ENT ouvert depuis un autre site trouve
  encore la session SSO ;
* ``Secure`` **seulement en HTTPS** : un cookie ``Secure`` n'est jamais envoyé sur une
  connexion non chiffrée (RFC 6265, section 4.1.2.5). Le serveur de la classe parle HTTP
  (pas de certificat sur 127.0.0.1) : le cookie n'y est donc pas ``Secure``, et c'est une
  différence avec un vrai ENT, tout en HTTPS. Derrière un mandataire HTTPS (Jupyter distant),
  le cookie redevient ``Secure``.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from entsim.ent import ENT
from entsim.socle.aleatoire import SourceAleatoire
from entsim.sso.navigateur import Cookie, Navigateur
from entsim.sso.tickets import NOM_COOKIE_TGC
from entsim.web.adresses import BASE_DE_LA_REQUETE, Adresses, prefixe_mandataire

#: Nombre de jetons de formulaire (``lt``) gardés en attente ; au-delà, les plus anciens
#: sont oubliés (la mémoire du serveur reste bornée, même sous une avalanche de GET).
JETONS_EN_ATTENTE_MAX = 10_000
#: Longueur de la partie aléatoire d'un jeton de formulaire (``LT-…``, section 3.5.1).
LONGUEUR_JETON_FORMULAIRE = 32
#: Forme d'une valeur de cookie acceptée (section 3.7 : A-Z, a-z, 0-9 et le tiret).
MOTIF_VALEUR_COOKIE = re.compile(r"^[A-Za-z0-9-]{1,120}$")
#: Adresses d'où viennent les requêtes de serveur à serveur et du mandataire Jupyter.
BOUCLES_LOCALES = ("127.0.0.1", "::1")


@dataclass(eq=False)
class SessionWeb:
    """Une session ouverte dans un service web, après validation d'un ticket par HTTP."""

    id: str
    identifiant: str
    ticket: str
    attributs: dict[str, object]
    ouverte: bool = True
    fermee_par: str | None = None


@dataclass(frozen=True)
class AvisRecu:
    """Une demande de déconnexion unique reçue en POST par un service (section 2.3.3)."""

    service: str
    session_index: str
    session_fermee: bool
    xml: str


@dataclass(eq=False)
class Contexte:
    """Tout ce que partagent les pages du serveur : l'ENT, les adresses, les jetons, les
    sessions des services web.

    Toutes les requêtes sont traitées dans la boucle d'événements du serveur, l'une après
    l'autre pour ce qui touche à la simulation ; le verrou :attr:`verrou` protège en plus
    l'ENT d'un appel simultané depuis une cellule du notebook (autre fil d'exécution).
    """

    ent: ENT
    adresses: Adresses
    base_interne: str
    jeton_admin: str
    reseau_local: bool = False
    #: mots de passe tirés pour la séance en réseau local (identifiant → mot de passe)
    comptes_demo: dict[str, str] = field(default_factory=dict)
    #: comptes d'élèves à distribuer (une fiche chacun : ``/admin/fiches``)
    fiches: list[str] = field(default_factory=list)
    #: l'adresse à donner à la classe (imprimée sur les fiches)
    adresse_classe: str = ""
    verrou: threading.RLock = field(default_factory=threading.RLock)
    source: SourceAleatoire | None = None
    jetons_formulaire: OrderedDict[str, None] = field(default_factory=OrderedDict)
    sessions: dict[str, dict[str, SessionWeb]] = field(default_factory=dict)
    avis: list[AvisRecu] = field(default_factory=list)
    requetes: int = 0
    erreurs_serveur: int = 0
    derniere_erreur: str | None = None
    #: requêtes de serveur à serveur qui ont échoué (type de l'erreur), pour l'enseignant
    echecs_internes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.source is None:
            self.source = self.ent.aleatoire.derivee("web")

    # -- jetons de formulaire (section 3.5) -------------------------------------------
    def nouveau_jeton_formulaire(self) -> str:
        """Un jeton ``LT-…`` à usage unique pour le formulaire de connexion (section 3.5.1 :
        « Login tickets MUST only be valid for one authentication attempt »)."""
        assert self.source is not None
        jeton = "LT-" + self.source.jeton(LONGUEUR_JETON_FORMULAIRE)
        self.jetons_formulaire[jeton] = None
        while len(self.jetons_formulaire) > JETONS_EN_ATTENTE_MAX:
            self.jetons_formulaire.popitem(last=False)
        return jeton

    def consommer_jeton_formulaire(self, jeton: str | None) -> bool:
        """Vrai si le jeton a été émis et pas encore utilisé ; il est consommé dans tous les
        cas (section 3.5.1 : « Whether or not authentication was successful, CAS MUST then
        invalidate the login ticket »)."""
        if jeton is None or jeton not in self.jetons_formulaire:
            return False
        del self.jetons_formulaire[jeton]
        return True

    def nouvel_id_session(self) -> str:
        assert self.source is not None
        return self.source.jeton(32)

    # -- sessions des services web ----------------------------------------------------
    def sessions_de(self, code: str) -> dict[str, SessionWeb]:
        return self.sessions.setdefault(code, {})

    def sessions_ouvertes(self) -> list[tuple[str, SessionWeb]]:
        """Toutes les sessions ouvertes dans les services web : (code du service, session)."""
        return [(code, s) for code, tout in self.sessions.items() for s in tout.values()
                if s.ouverte]


# -- requêtes ---------------------------------------------------------------------------

def client_local(hote: str | None) -> bool:
    """Vrai si la requête vient de la machine elle-même (serveur ou mandataire Jupyter)."""
    return hote in BOUCLES_LOCALES


def base_publique(contexte: Contexte, *, schema: str, hote: str | None,
                  client: str | None, prefixe: str | None, proto: str | None) -> str | None:
    """La base réelle par laquelle le navigateur a joint le serveur, si elle est connue.

    Derrière le mandataire de Jupyter (requête venue de la machine elle-même, avec
    ``X-Forwarded-Prefix: /proxy/<port de ce serveur>``), la base annoncée vaut pour *cette
    requête seulement* (:data:`~entsim.web.adresses.BASE_DE_LA_REQUETE`) : le navigateur qui
    passe par le mandataire y est renvoyé, mais elle ne devient pas une adresse de retour
    permise pour les requêtes suivantes. Sinon seule une base déclarée au démarrage est
    acceptée (un en-tête ``Host`` inventé ne fait pas rediriger vers un autre site).

    Un client de la machine elle-même qui invente ``Host: pirate.example`` ne peut donc
    faire rediriger que *sa propre* requête : il ne piège pas le navigateur d'un autre
    (*CAS Protocol 3.0 Specification*, section 2.2.1 : pas de redirection vers un service
    non autorisé)."""
    if not hote:
        return None
    prefixe = prefixe_mandataire(prefixe) if client_local(client) else None
    if client_local(client) and proto in ("http", "https"):
        schema = proto
    base = f"{schema}://{hote}{prefixe or ''}"
    if base in contexte.adresses.bases:
        return base
    port = urlsplit(contexte.base_interne).port
    if prefixe is not None and prefixe.endswith(f"/proxy/{port}"):
        BASE_DE_LA_REQUETE.set(base)
        return base
    return None


def chemin_de_base(base: str) -> str:
    """Le chemin d'une base (``""`` ou ``/proxy/8765``)."""
    return urlsplit(base).path.rstrip("/")


def navigateur_de_la_requete(contexte: Contexte, cookies: dict[str, str],
                             client: str | None) -> Navigateur:
    """Le navigateur simulé d'une requête, avec le cookie TGC reçu (s'il a la bonne forme)."""
    navigateur = Navigateur(f"Navigateur web {client or 'inconnu'}")
    valeur = cookies.get(NOM_COOKIE_TGC)
    if valeur is not None and MOTIF_VALEUR_COOKIE.fullmatch(valeur):
        cas = contexte.ent.cas
        navigateur.poser_cookie(Cookie(cas.domaine, cas.chemin_cookie, NOM_COOKIE_TGC, valeur))
    return navigateur


def tgc_de(navigateur: Navigateur, contexte: Contexte) -> str | None:
    cookie = navigateur.cookie(contexte.ent.cas.url_login(), NOM_COOKIE_TGC)
    return cookie.valeur if cookie is not None else None


def entete_cookie(nom: str, valeur: str | None, *, chemin: str, securise: bool) -> str:
    """Un en-tête ``Set-Cookie`` : cookie de session (sans date), ``HttpOnly``,
    ``SameSite=Lax``, ``Secure`` en HTTPS seulement ; ``valeur=None`` efface le cookie."""
    morceaux = [f"{nom}={valeur or ''}", f"Path={chemin or '/'}", "HttpOnly", "SameSite=Lax"]
    if valeur is None:
        morceaux.insert(1, "Max-Age=0")
    if securise:
        morceaux.append("Secure")
    return "; ".join(morceaux)
