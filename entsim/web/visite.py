"""Un navigateur piloté depuis une cellule : de vraies requêtes HTTP vers le serveur de l'ENT,
et la liste de ce qui a circulé (redirections, cookies posés et envoyés).

Ce que montre l'onglet « Réseau » des outils de développement (F12), en texte :

    navigateur = serveur.navigateur()
    navigateur.ouvrir("cahier-de-textes")              # redirigé vers le formulaire CAS
    navigateur.connecter("lea.martin", "Cahier!Vert2026")

Le client est ``httpx`` (un vrai client HTTP, avec sa boîte à cookies) ; les redirections sont
suivies une par une pour être notées. Les échanges de serveur à serveur (validation du
ticket, déconnexion unique) n'y figurent pas, comme dans le navigateur : ils ne passent pas
par lui.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin

import httpx

from entsim.socle.erreurs import ErreurENT, ValeurInvalide

#: Nombre maximal de redirections suivies (comme un navigateur, qui s'arrête vers 20).
REDIRECTIONS_MAX = 10
_TITRE = re.compile(r"<h2>(.*?)</h2>", re.S)
_MESSAGE = re.compile(r'<p class="(?:succes|erreur)">(.*?)</p>', re.S)
_BALISES = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Passage:
    """Une requête du navigateur et sa réponse."""

    methode: str
    adresse: str
    statut: int
    location: str | None
    cookies_envoyes: tuple[str, ...]
    cookies_poses: tuple[str, ...]

    def texte(self) -> str:
        ligne = f"{self.methode} {self.adresse} → {self.statut}"
        if self.location:
            ligne += f", redirection vers {self.location}"
        for cookie in self.cookies_envoyes:
            ligne += f"\n    cookie envoyé : {cookie}"
        for cookie in self.cookies_poses:
            ligne += f"\n    cookie posé : {cookie}"
        return ligne


@dataclass(frozen=True)
class Visite:
    """Une navigation : les passages, puis la page d'arrivée (titre et message)."""

    passages: tuple[Passage, ...]
    statut: int
    titre: str
    message: str
    page: str

    def __str__(self) -> str:
        lignes = [p.texte() for p in self.passages]
        lignes.append(f"Page affichée : « {self.titre} »"
                      + (f" — {self.message}" if self.message else ""))
        return "\n".join(lignes)

    __repr__ = __str__


def _texte(fragment: str) -> str:
    return " ".join(html.unescape(_BALISES.sub("", fragment)).split())


class NavigateurHTTP:
    """Un navigateur (client HTTP avec ses cookies) ouvert sur le serveur de l'ENT.

    :param base: l'adresse du serveur (``http://127.0.0.1:8765``).
    """

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        # pas de connexion gardée ouverte entre deux requêtes : rien à fermer si la cellule
        # oublie navigateur.fermer() (sinon un avertissement ResourceWarning plus tard)
        self._client = httpx.Client(follow_redirects=False, timeout=30.0,
                                    limits=httpx.Limits(max_keepalive_connections=0))
        self._derniere: Visite | None = None

    def _court(self, adresse: str) -> str:
        """L'adresse sans la base, décodée pour être lue (``service=http://…``)."""
        if adresse.startswith(self.base):
            adresse = adresse[len(self.base):] or "/"
        return unquote(adresse)

    def _suivre(self, reponse: httpx.Response) -> Visite:
        passages = []
        for _ in range(REDIRECTIONS_MAX + 1):
            requete = reponse.request
            envoyes = tuple(c.strip() for c in requete.headers.get("cookie", "").split(";")
                            if c.strip())
            location = reponse.headers.get("location")
            passages.append(Passage(requete.method, self._court(str(requete.url)),
                                    reponse.status_code,
                                    self._court(location) if location else None, envoyes,
                                    tuple(reponse.headers.get_list("set-cookie"))))
            if not (300 <= reponse.status_code < 400 and location):
                break
            reponse = self._client.get(urljoin(str(requete.url), location))
        texte = reponse.text
        titre = _TITRE.search(texte)
        messages = " ".join(_texte(m) for m in _MESSAGE.findall(texte))
        self._derniere = Visite(tuple(passages), reponse.status_code,
                                _texte(titre.group(1)) if titre else "", messages, texte)
        return self._derniere

    def ouvrir(self, chemin: str) -> Visite:
        """Tape une adresse dans la barre (``"notes"``, ``"cas/logout"``, ou une adresse
        complète du serveur) et suit les redirections."""
        if not isinstance(chemin, str):
            raise ValeurInvalide("Donnez un chemin, par exemple \"notes\" ou \"cas/logout\".")
        adresse = chemin if chemin.startswith(self.base) else \
            f"{self.base}/{chemin.lstrip('/')}"
        try:
            return self._suivre(self._client.get(adresse))
        except httpx.HTTPError as erreur:
            raise ErreurENT(f"Le serveur de l'ENT ne répond pas ({type(erreur).__name__}) : "
                            "est-il démarré (ent.servir()) ?", code="serveur_injoignable") \
                from erreur

    def connecter(self, identifiant: str, mot_de_passe: str) -> Visite:
        """Remplit et envoie le formulaire de connexion affiché (après :meth:`ouvrir`)."""
        page = self._derniere.page if self._derniere else ""
        champs = dict(re.findall(r'name="(lt|service|renew)" value="([^"]*)"', page))
        if "lt" not in champs:
            raise ValeurInvalide("Aucun formulaire de connexion affiché : ouvrez d'abord un "
                                 "service, par exemple navigateur.ouvrir(\"notes\").")
        donnees = {n: html.unescape(v) for n, v in champs.items()}
        donnees.update(username=identifiant, password=mot_de_passe)
        try:
            return self._suivre(self._client.post(self.base + "/cas/login", data=donnees))
        except httpx.HTTPError as erreur:
            raise ErreurENT(f"Le serveur de l'ENT ne répond pas ({type(erreur).__name__}).",
                            code="serveur_injoignable") from erreur

    def fermer(self) -> None:
        """Ferme le navigateur : ses cookies de session disparaissent (section 3.6.1)."""
        self._client.close()
