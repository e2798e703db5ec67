"""Les adresses et les paramètres : ce que le serveur web lit avant d'appeler la simulation.

**Deux adresses pour un service.** La simulation enregistre chaque service à une adresse
simulée (``https://ent.example/cahier-de-textes``) ; le navigateur, lui, voit l'adresse réelle
du serveur (``http://127.0.0.1:8765/cahier-de-textes``). :class:`Adresses` passe de l'une à
l'autre : une adresse de service reçue n'est traduite que si elle commence *exactement* par
une base connue du serveur (son adresse d'écoute, ``localhost``, l'adresse du réseau local ou
celle du mandataire Jupyter) suivie du chemin d'un service enregistré. Toute autre valeur
(``javascript:alert(1)``, ``https://pirate.example/``) est transmise telle quelle à la
simulation, qui la refuse : aucune redirection vers une adresse non enregistrée
(*CAS Protocol 3.0 Specification*, section 2.2.1 : « the CAS Server MUST deny operation and
print out a meaningful message if a non-authorized service URL is presented » ; section
2.3.2 pour ``/logout``).

**Paramètres hostiles.** Les paramètres d'une URL se répètent (``?service=a&service=b``) :
le serveur refuse un paramètre CAS en double plutôt que de choisir (aucune règle de la
spécification ne dit lequel garder). Une valeur de plus de :data:`LONGUEUR_MAX_PARAMETRE`
caractères est refusée (la spécification recommande que les services acceptent des tickets
de 256 caractères, section 3.1.1 ; une adresse de service tient en 2 000). Un caractère de
contrôle est refusé par la simulation elle-même (:func:`entsim.socle.erreurs.verifier_texte`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextvars import ContextVar
from urllib.parse import parse_qsl, urlsplit

from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

#: Longueur maximale d'un paramètre reçu (adresse de service, ticket, identifiant…).
LONGUEUR_MAX_PARAMETRE = 2048
#: Taille maximale du corps d'une requête POST (formulaire de connexion, déconnexion unique).
TAILLE_MAX_CORPS = 64 * 1024
#: Nombre maximal de champs d'un formulaire.
CHAMPS_MAX = 20
#: Préfixe que le mandataire de Jupyter (jupyter-server-proxy) annonce dans
#: ``X-Forwarded-Prefix`` : ``/proxy/8765`` ou ``/user/lea/proxy/8765``.
MOTIF_PREFIXE_MANDATAIRE = re.compile(r"^(/[A-Za-z0-9._~%-]+)*/proxy/[0-9]{1,5}$")


#: La base apprise du mandataire pour la requête en cours seulement (chaque requête HTTP est
#: traitée dans sa propre tâche asyncio, qui a sa copie des variables de contexte) : elle
#: n'entre jamais dans la liste permanente des bases.
BASE_DE_LA_REQUETE: ContextVar[str | None] = ContextVar("base_de_la_requete", default=None)


class ParametreInvalide(ValeurInvalide):
    """Un paramètre de requête manquant, en double, trop long ou mal formé (code HTTP 400)."""


def chemin_du_service(code: str) -> str:
    """Le chemin d'un service sur le serveur : ``cahier_de_textes`` → ``/cahier-de-textes``
    (le même que dans l'adresse simulée, voir :class:`entsim.ent.ENT`)."""
    return "/" + code.replace("_", "-")


class Adresses:
    """Les bases d'adresses du serveur et la traduction réel ⇄ simulé.

    :param url_simulee: la base des services dans la simulation (``https://ent.example``).
    :param bases: les bases réelles acceptées (``http://127.0.0.1:8765``…), sans « / » final.
    """

    def __init__(self, url_simulee: str, bases: Iterable[str]) -> None:
        self.url_simulee = url_simulee.rstrip("/")
        self._bases: list[str] = []
        for base in bases:
            self.ajouter_base(base)

    @property
    def bases(self) -> tuple[str, ...]:
        return tuple(self._bases)

    def ajouter_base(self, base: str) -> None:
        """Ajoute une base réelle (par exemple celle du mandataire Jupyter, vue dans une
        requête venue de la machine elle-même)."""
        base = base.rstrip("/")
        morceaux = urlsplit(base)
        if morceaux.scheme not in ("http", "https") or not morceaux.hostname:
            raise ValeurInvalide(f"Base d'adresse invalide : {cite(base)}.")
        if base not in self._bases:
            self._bases.append(base)

    def base_de(self, url: str) -> str | None:
        """La base connue par laquelle commence ``url`` (suivie d'un « / »), sinon ``None`` :
        une base déclarée au démarrage, ou celle du mandataire pour la requête en cours
        (:data:`BASE_DE_LA_REQUETE`)."""
        candidates = list(self._bases)
        de_la_requete = BASE_DE_LA_REQUETE.get()
        if de_la_requete is not None:
            candidates.append(de_la_requete)
        for base in sorted(candidates, key=len, reverse=True):
            if url.startswith(base + "/"):
                return base
        return None

    def vers_simulation(self, url: str) -> str:
        """L'adresse simulée qui correspond à une adresse réelle ; une adresse qui ne commence
        par aucune base connue est rendue telle quelle (la simulation la refusera)."""
        base = self.base_de(url)
        if base is None:
            return url
        return self.url_simulee + url[len(base):]

    def vers_reel(self, url_simulee: str, base: str) -> str:
        """L'adresse réelle, sous ``base``, d'une adresse simulée."""
        if url_simulee == self.url_simulee or url_simulee.startswith(self.url_simulee + "/") \
                or url_simulee.startswith(self.url_simulee + "?"):
            return base + url_simulee[len(self.url_simulee):]
        raise ValeurInvalide(f"Adresse hors de l'ENT simulé : {cite(url_simulee)}.")


def un_parametre(valeurs: list[str], nom: str, *, obligatoire: bool = False) -> str | None:
    """La valeur d'un paramètre reçu au plus une fois, d'au plus
    :data:`LONGUEUR_MAX_PARAMETRE` caractères ; sinon :class:`ParametreInvalide`."""
    if len(valeurs) > 1:
        raise ParametreInvalide(f"Le paramètre « {nom} » est donné {len(valeurs)} fois : "
                                "une seule valeur est permise.")
    if not valeurs:
        if obligatoire:
            raise ParametreInvalide(f"Le paramètre obligatoire « {nom} » manque.")
        return None
    valeur = valeurs[0]
    if len(valeur) > LONGUEUR_MAX_PARAMETRE:
        raise ParametreInvalide(f"Le paramètre « {nom} » est trop long : {len(valeur)} "
                                f"caractères pour {LONGUEUR_MAX_PARAMETRE} au plus.")
    return valeur


def drapeau(valeurs: list[str], nom: str) -> bool:
    """Un paramètre booléen de CAS (``renew``, ``gateway``) : présent → vrai (section 2.1.1 :
    « if this parameter is set » ; la valeur recommandée est ``true``)."""
    valeur = un_parametre(valeurs, nom)
    return valeur is not None and valeur.lower() not in ("false", "0")


def lire_corps_formulaire(corps: bytes) -> dict[str, list[str]]:
    """Les champs d'un formulaire ``application/x-www-form-urlencoded`` (UTF-8 strict).

    Au plus :data:`CHAMPS_MAX` champs ; un corps qui n'est pas de l'UTF-8 est refusé."""
    try:
        texte = corps.decode("utf-8")
    except UnicodeDecodeError as erreur:
        raise ParametreInvalide("Le formulaire reçu n'est pas écrit en UTF-8.") from erreur
    try:
        paires = parse_qsl(texte, keep_blank_values=True, strict_parsing=False,
                           max_num_fields=CHAMPS_MAX, errors="strict")
    except (ValueError, UnicodeDecodeError) as erreur:
        raise ParametreInvalide(f"Formulaire illisible : plus de {CHAMPS_MAX} champs, ou "
                                "caractères mal encodés.") from erreur
    champs: dict[str, list[str]] = {}
    for nom, valeur in paires:
        champs.setdefault(nom, []).append(valeur)
    return champs


def prefixe_mandataire(valeur: str | None) -> str | None:
    """Le préfixe annoncé par le mandataire de Jupyter (``X-Forwarded-Prefix``), s'il a la
    forme attendue (``…/proxy/<port>``) ; sinon ``None``."""
    if valeur and MOTIF_PREFIXE_MANDATAIRE.fullmatch(valeur):
        return valeur
    return None
