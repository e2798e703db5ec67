"""Outils communs des tests du serveur web (tests/test_web_*.py) : démarrer un ENT servi sur
un port libre, remplir le formulaire de connexion comme un navigateur (sans JavaScript)."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import requests

from entsim import ENT
from entsim.ent import MOTS_DE_PASSE_DEMO

LEA = "lea.martin"
MDP_LEA = MOTS_DE_PASSE_DEMO["eleve"]


def demarrer(**options):
    """(ent, serveur, base) : un ENT de démonstration servi sur un port libre."""
    ent = ENT.demo(**options)
    serveur = ent.servir(port=0, afficher=False)
    return ent, serveur, serveur.adresse.rstrip("/")


def champ(page: str, nom: str) -> str | None:
    trouve = re.search(rf'name="{nom}" value="([^"]*)"', page)
    return html.unescape(trouve.group(1)) if trouve else None


def poster_formulaire(session: requests.Session, page_formulaire: str, base: str,
                      identifiant: str, mot_de_passe: str) -> requests.Response:
    """Envoie le formulaire de connexion affiché (jeton ``lt`` et ``service`` compris) ; la
    réponse n'est pas suivie (on lit la redirection)."""
    donnees = {"username": identifiant, "password": mot_de_passe,
               "lt": champ(page_formulaire, "lt")}
    for nom in ("service", "renew"):
        valeur = champ(page_formulaire, nom)
        if valeur is not None:
            donnees[nom] = valeur
    return session.post(base + "/cas/login", data=donnees, allow_redirects=False, timeout=10)


def ticket_de(reponse: requests.Response) -> str:
    """Le ticket ``ST-…`` de l'adresse de redirection."""
    assert reponse.status_code in (302, 303), reponse.text[:500]
    return parse_qs(urlsplit(reponse.headers["location"]).query)["ticket"][0]


def connecter(session: requests.Session, url_login: str, base: str,
              identifiant: str = LEA, mot_de_passe: str = MDP_LEA) -> requests.Response:
    """Ouvre ``url_login`` (formulaire) puis l'envoie ; rend la redirection vers le service."""
    formulaire = session.get(url_login, allow_redirects=False, timeout=10)
    assert formulaire.status_code == 200, formulaire.text[:500]
    return poster_formulaire(session, formulaire.text, base, identifiant, mot_de_passe)


def code_cas(xml: bytes | str) -> str | None:
    """Le code d'échec d'une réponse de validation (``None`` si succès)."""
    trouve = re.search(r'authenticationFailure code="([A-Z_]+)"',
                       xml.decode() if isinstance(xml, bytes) else xml)
    return trouve.group(1) if trouve else None


def requete_brute(port: int, octets: bytes, *, fin: bytes = b"\r\n\r\n") -> bytes:
    """Envoie ``octets`` tels quels sur une connexion TCP à 127.0.0.1:``port`` et lit la
    réponse jusqu'à ``fin`` (ou la fermeture de la connexion)."""
    import socket

    reponse = b""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as prise:
        prise.sendall(octets)
        while fin not in reponse:
            morceau = prise.recv(65536)
            if not morceau:
                break
            reponse += morceau
    return reponse
