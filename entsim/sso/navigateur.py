"""Les postes de travail : un navigateur, ses cookies, et les échanges HTTP qu'il voit passer.

Chaque :class:`Navigateur` (« Poste du CDI », « Ordinateur de la maison », « Téléphone »…)
a sa propre boîte à cookies : le cookie TGC du serveur CAS (spécification CAS 3.0,
section 3.6) et les cookies de session de chaque service applicatif. Deux navigateurs sont
donc deux sessions indépendantes : se déconnecter au CDI ne déconnecte pas le téléphone.

Le :class:`Reseau` enregistre tous les échanges, ceux qui passent par le navigateur
(redirections 302 avec ``?service=…&ticket=ST-…``) comme ceux qui vont directement d'un
serveur à l'autre (validation du ticket, demande de déconnexion), avec les vraies valeurs :
de quoi dessiner un diagramme de séquence d'une exécution réelle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.horloge import Horloge
from entsim.socle.texte import accorder, cite

#: Les deux canaux d'un échange.
CANAL_NAVIGATEUR = "navigateur"
CANAL_DIRECT = "serveur_a_serveur"

#: Libellés des codes HTTP utilisés par la simulation.
STATUTS_HTTP: dict[int, str] = {
    200: "OK",
    302: "Found (redirection)",
    403: "Forbidden (accès refusé)",
}


@dataclass(frozen=True)
class Cookie:
    """Un cookie : nom, valeur, et à quelles adresses le navigateur le renvoie.

    Le cookie TGC est posé sur le chemin ``/cas`` uniquement (spécification CAS 3.0,
    section 3.6.1 : « CAS SHALL set the cookie path to be as restrictive as possible »),
    et c'est un cookie de session : il disparaît quand on ferme le navigateur.
    """

    domaine: str
    chemin: str
    nom: str
    valeur: str
    securise: bool = True      # Secure : envoyé seulement en HTTPS
    http_seulement: bool = True  # HttpOnly : invisible pour les scripts de la page

    def s_applique_a(self, url: str) -> bool:
        """Vrai si le navigateur envoie ce cookie avec une requête vers ``url``."""
        morceaux = urlsplit(url)
        if morceaux.hostname != self.domaine:
            return False
        if self.securise and morceaux.scheme != "https":
            return False
        chemin = morceaux.path or "/"
        racine = self.chemin.rstrip("/")
        return not racine or chemin == racine or chemin.startswith(racine + "/")

    def __str__(self) -> str:
        return f"{self.nom}={self.valeur}"


@dataclass(frozen=True)
class Echange:
    """Un échange HTTP simulé (une requête et sa réponse), avec les vraies valeurs."""

    numero: int
    instant: datetime
    canal: str                 # "navigateur" ou "serveur_a_serveur"
    poste: str | None          # le navigateur concerné (s'il y en a un)
    emetteur: str              # qui envoie : « Poste du CDI », « Cahier de textes »…
    destinataire: str          # qui répond : « Serveur CAS », « Messagerie »…
    methode: str               # GET ou POST
    url: str
    statut: int                # 200, 302, 403…
    location: str | None = None          # adresse de redirection (réponse 302)
    cookies_envoyes: tuple[str, ...] = ()
    cookies_poses: tuple[str, ...] = ()
    cookies_effaces: tuple[str, ...] = ()
    corps: str | None = None   # formulaire envoyé (mot de passe masqué) ou XML
    reponse: str | None = None  # corps de la réponse utile (XML de validation…)
    description: str = ""      # ce qui se passe, en une phrase

    @property
    def libelle_statut(self) -> str:
        return f"{self.statut} {STATUTS_HTTP.get(self.statut, '')}".strip()

    def en_ligne(self) -> dict[str, object]:
        """L'échange tel qu'il s'affiche dans un tableau (colonnes en français)."""
        return {
            "N°": self.numero,
            "Heure": self.instant,
            "De": self.emetteur,
            "Vers": self.destinataire,
            "Requête": f"{self.methode} {self.url}",
            "Réponse": self.libelle_statut + (f" → {self.location}" if self.location else ""),
            "Cookies envoyés": ", ".join(self.cookies_envoyes),
            "Cookies posés": ", ".join(self.cookies_poses),
            "Ce qui se passe": self.description,
        }


def _inserer(liste: list[Echange], echange: Echange) -> None:
    """Insère un échange à sa place (ordre des numéros de requête)."""
    position = len(liste)
    while position > 0 and liste[position - 1].numero > echange.numero:
        position -= 1
    liste.insert(position, echange)


class Reseau:
    """Tous les échanges de la simulation, dans l'ordre (une « capture réseau »)."""

    def __init__(self, horloge: Horloge) -> None:
        self.horloge = horloge
        self._echanges: list[Echange] = []
        self._compteur = 0

    def noter(self, *, canal: str, emetteur: str, destinataire: str, methode: str, url: str,
              statut: int, navigateur: Navigateur | None = None, location: str | None = None,
              cookies_envoyes: tuple[str, ...] = (), cookies_poses: tuple[str, ...] = (),
              cookies_effaces: tuple[str, ...] = (), corps: str | None = None,
              reponse: str | None = None, description: str = "",
              numero: int | None = None) -> Echange:
        """Enregistre un échange ; s'il passe par un navigateur, il entre aussi dans son
        historique. ``numero`` : un numéro réservé avant (voir :meth:`reserver`)."""
        if canal not in (CANAL_NAVIGATEUR, CANAL_DIRECT):
            raise ValeurInvalide(f"Canal d'échange inconnu : {cite(canal)}.")
        if numero is None:
            numero = self.reserver()
        echange = Echange(
            numero=numero, instant=self.horloge.maintenant(), canal=canal,
            poste=navigateur.nom_poste if navigateur is not None else None,
            emetteur=emetteur, destinataire=destinataire, methode=methode, url=url,
            statut=statut, location=location, cookies_envoyes=cookies_envoyes,
            cookies_poses=cookies_poses, cookies_effaces=cookies_effaces, corps=corps,
            reponse=reponse, description=description)
        _inserer(self._echanges, echange)
        if navigateur is not None and canal == CANAL_NAVIGATEUR:
            _inserer(navigateur.historique, echange)
        return echange

    def reserver(self) -> int:
        """Réserve le numéro d'une requête dont la réponse viendra plus tard.

        Exemple : le navigateur revient au service avec ``?ticket=ST-…`` (numéro réservé) ;
        le service fait valider le ticket (échange suivant) ; puis il répond au navigateur,
        et l'échange est noté sous le numéro réservé : l'ordre est celui des requêtes,
        comme dans un diagramme de séquence."""
        self._compteur += 1
        return self._compteur

    def echanges(self) -> list[Echange]:
        return list(self._echanges)

    def dernier_numero(self) -> int:
        return self._compteur

    def depuis(self, numero: int) -> tuple[Echange, ...]:
        """Les échanges de numéro strictement supérieur à ``numero``."""
        return tuple(e for e in self._echanges if e.numero > numero)

    def __len__(self) -> int:
        return len(self._echanges)


@dataclass(eq=False)
class Navigateur:
    """Un navigateur sur un poste de travail, avec sa boîte à cookies et son historique.

    >>> cdi = Navigateur("Poste du CDI")
    >>> cdi.cookies()
    []
    """

    nom_poste: str
    historique: list[Echange] = field(default_factory=list)
    _boite: dict[tuple[str, str, str], Cookie] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        verifier_texte(self.nom_poste, "nom du poste")

    # -- cookies ------------------------------------------------------------------------
    def cookies(self) -> list[Cookie]:
        """Tous les cookies que garde ce navigateur."""
        return list(self._boite.values())

    def cookies_pour(self, url: str) -> list[Cookie]:
        """Les cookies que le navigateur joint à une requête vers ``url``."""
        return [c for c in self._boite.values() if c.s_applique_a(url)]

    def cookie(self, url: str, nom: str) -> Cookie | None:
        """Le cookie ``nom`` envoyé vers ``url``, s'il existe."""
        for c in self.cookies_pour(url):
            if c.nom == nom:
                return c
        return None

    def poser_cookie(self, cookie: Cookie) -> None:
        """Réponse ``Set-Cookie`` : le navigateur garde (ou remplace) le cookie."""
        self._boite[(cookie.domaine, cookie.chemin, cookie.nom)] = cookie

    def effacer_cookie(self, cookie: Cookie) -> None:
        """Le serveur demande d'effacer un cookie (``Set-Cookie`` déjà expiré)."""
        self._boite.pop((cookie.domaine, cookie.chemin, cookie.nom), None)

    def fermer(self) -> None:
        """Ferme le navigateur : les cookies de session (dont le TGC, spécification CAS 3.0,
        section 3.6.1) disparaissent. Côté serveur, la session SSO reste ouverte jusqu'à
        son expiration : fermer le navigateur n'est pas se déconnecter."""
        self._boite.clear()

    def __repr__(self) -> str:
        return f"Navigateur({self.nom_poste!r}, {accorder(len(self._boite), 'cookie')})"
