"""Revue du serveur web (vague 4, WEBREVUE) : les défauts trouvés en l'attaquant sur 127.0.0.1.

Chaque test échouait avant le correctif de :mod:`entsim.web` qu'il accompagne.

- Réseau local : les valeurs secrètes (cookie ``TGC``, tickets, jeton ``lt``, cookie de
  session des services) ne doivent pas venir de la graine publique, sinon un élève de la
  classe les recalcule (*CAS Protocol 3.0 Specification*, section 3.1.1 : « Service tickets
  MUST contain adequate secure random data so that a ticket is not guessable » ; 3.6.1 pour
  le TGC ; 3.5.1 pour le jeton ``lt``).
- Réseau local : les autres élèves du récit ne gardent pas leur mot de passe publié (depuis
  WEB2, Léa Martin et les adultes du récit non plus : tests/test_web_classe.py).
- En-têtes trop gros : refusés (431) même quand ils arrivent d'un seul bloc.
- Déconnexion unique : une requête relayée par un mandataire (en-têtes ``X-Forwarded-…``)
  ne vient pas du serveur CAS, même si elle arrive de 127.0.0.1 (phpCAS vérifie de même
  l'origine, ``handleLogoutRequests($check_client)``).
- Formulaire de connexion posté depuis un autre site (en-tête ``Origin`` étranger) : refusé
  (connexion forcée, « login CSRF ») ; le jeton ``lt`` seul ne suffit pas, il n'est lié à
  aucun navigateur.
"""

from __future__ import annotations

import threading

import pytest
import requests

from entsim import ENT
from entsim.ent import MOTS_DE_PASSE_DEMO
from entsim.etablissement.generation import PERSONAS
from entsim.web.commande import main
from entsim.web.comptes import preparer_la_classe
from outils_web import LEA, MDP_LEA, champ, connecter, requete_brute, ticket_de


@pytest.fixture
def serveur():
    """Un ENT de démonstration servi sur 127.0.0.1 (port libre), arrêté après le test."""
    ent = ENT.demo()
    yield ent.servir(port=0, afficher=False)
    ent.arreter()


def _jetons_predits(ent_meme_graine: ENT, flux: str, combien: int = 50) -> list[str]:
    source = ent_meme_graine.aleatoire.derivee(flux)
    return [source.jeton(32) for _ in range(combien)]


def test_reseau_local_les_secrets_ne_viennent_pas_de_la_graine():
    ent = ENT.demo()                       # comme dans un notebook : mode reproductible
    serveur = ent.servir(port=0, reseau_local=True, afficher=False)
    try:
        base = serveur.adresse.rstrip("/")
        session = requests.Session()
        redirection = connecter(session, f"{base}/cas/login?service={base}/notes", base,
                                LEA, serveur.contexte.comptes_demo[LEA])
        ticket = ticket_de(redirection)
        tgc = session.cookies.get("TGC")
        lt = champ(requests.get(f"{base}/cas/login", timeout=10).text, "lt")
        retour = session.get(redirection.headers["location"], allow_redirects=False,
                             timeout=10)
        id_session = retour.cookies.get("session_notes")
        assert tgc and ticket and lt and id_session
        # l'attaquant : le même ENT (graine publique 2026), les mêmes suites de jetons
        jumeau = ENT.demo()
        predits_cas = _jetons_predits(jumeau, "cas")
        predits_web = _jetons_predits(jumeau, "web")
        assert not any(p in tgc or p in ticket for p in predits_cas)
        assert not any(p in lt or p in id_session for p in predits_web)
    finally:
        ent.arreter()


def test_reseau_local_les_eleves_du_recit_changent_de_mot_de_passe():
    ent = ENT.demo()
    comptes, _fiches = preparer_la_classe(ent, 13)
    # Léa aussi (WEB2) : son mot de passe est public, l'enseignant lit le nouveau sur sa page
    assert comptes[LEA] != MDP_LEA
    assert ent.authentification.verifier_mot_de_passe(LEA, comptes[LEA]).ok
    # les élèves du récit : leur mot de passe est public (code, notebooks)
    for role in ("eleve", "autre_eleve", "eleve_fratrie", "frere"):
        ident = PERSONAS[role].identifiant
        assert comptes[ident] != MOTS_DE_PASSE_DEMO[role]
        assert not ent.authentification.verifier_mot_de_passe(
            ident, MOTS_DE_PASSE_DEMO[role]).ok


def test_commande_port_occupe_conseille_l_option_de_la_commande(capsys):
    occupe = ENT.demo().servir(port=0, afficher=False)
    try:
        assert main(["--port", str(occupe.port)], arret=threading.Event()) == 1
        sortie = capsys.readouterr().out
        assert "entsim-serveur --port 0" in sortie and "ent.servir" not in sortie
    finally:
        occupe.arreter()


def test_en_tetes_enormes_d_un_seul_bloc_refuses(serveur):
    hote = f"127.0.0.1:{serveur.port}".encode()
    reponse = requete_brute(serveur.port, b"GET / HTTP/1.1\r\nHost: " + hote + b"\r\nX: "
                            + b"a" * 100_000 + b"\r\n\r\n", fin=b"</html>")
    assert reponse.startswith(b"HTTP/1.1 431"), reponse[:60]
    assert "En-têtes trop gros".encode() in reponse
    assert serveur.contexte.erreurs_serveur == 0


def test_deconnexion_unique_relayee_par_un_mandataire_refusee(serveur):
    base = serveur.adresse.rstrip("/")
    session = requests.Session()
    ticket = ticket_de(connecter(session, f"{base}/cas/login?service={base}/notes", base))
    session.get(f"{base}/notes?ticket={ticket}", allow_redirects=False, timeout=10)
    avis = ('<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" '
            'ID="LR-1" Version="2.0" IssueInstant="2026-09-01T08:00:00Z">'
            '<saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">lea.martin'
            f'</saml:NameID><samlp:SessionIndex>{ticket}</samlp:SessionIndex>'
            '</samlp:LogoutRequest>')
    reponse = requests.post(f"{base}/notes", data={"logoutRequest": avis}, timeout=10,
                            # jupyter-server-proxy : préfixe, sans X-Forwarded-For
                            headers={"X-Forwarded-Prefix": "/proxy/8765"})
    assert reponse.status_code == 403
    assert all(s.ouverte for _c, s in serveur.contexte.sessions_ouvertes())
    assert serveur.contexte.sessions_ouvertes()


def test_formulaire_poste_depuis_un_autre_site_refuse(serveur):
    base = serveur.adresse.rstrip("/")
    lt = champ(requests.get(f"{base}/cas/login", timeout=10).text, "lt")
    reponse = requests.post(f"{base}/cas/login", timeout=10, allow_redirects=False,
                            data={"lt": lt, "username": LEA, "password": MDP_LEA},
                            headers={"Origin": "https://pirate.example"})
    assert reponse.status_code == 403
    assert "TGC" not in reponse.headers.get("set-cookie", "")
    assert '<html lang="fr">' in reponse.text and "autre site" in reponse.text
    # une page piégée sans Origin (Referrer-Policy) : Sec-Fetch-Site la trahit
    lt = champ(requests.get(f"{base}/cas/login", timeout=10).text, "lt")
    reponse = requests.post(f"{base}/cas/login", timeout=10, allow_redirects=False,
                            data={"lt": lt, "username": LEA, "password": MDP_LEA},
                            headers={"Origin": "null", "Sec-Fetch-Site": "cross-site"})
    assert reponse.status_code == 403
    # le formulaire posté depuis la page du serveur passe : avec Origin, ou comme
    # Chromium sous « Referrer-Policy: no-referrer » (Origin: null, same-origin)
    for entetes in ({"Origin": base, "Sec-Fetch-Site": "same-origin"},
                    {"Origin": "null", "Sec-Fetch-Site": "same-origin"}):
        lt = champ(requests.get(f"{base}/cas/login", timeout=10).text, "lt")
        reponse = requests.post(f"{base}/cas/login", timeout=10, allow_redirects=False,
                                data={"lt": lt, "username": LEA, "password": MDP_LEA},
                                headers=entetes)
        assert reponse.status_code == 200 and "TGC=" in reponse.headers["set-cookie"]


def test_prefixe_de_mandataire_invente_n_ouvre_pas_de_redirection(serveur):
    """Depuis la machine elle-même, ``Host: pirate.example`` et ``X-Forwarded-Prefix:
    /proxy/1`` faisaient apprendre la base ``http://pirate.example/proxy/1`` : le serveur
    CAS y renvoyait ensuite le navigateur avec un ticket (redirection ouverte)."""
    base = serveur.adresse.rstrip("/")
    pirate = "http://pirate.example/proxy/1"
    for hote, prefixe in (("pirate.example", "/proxy/1"),
                          *((f"pirate{i}.example", f"/proxy/{serveur.port}")
                            for i in range(20))):
        requests.get(f"{base}/", timeout=10,
                     headers={"Host": hote, "X-Forwarded-Prefix": prefixe})
    assert pirate not in serveur.contexte.adresses.bases
    assert len(serveur.contexte.adresses.bases) <= 8
    session = requests.Session()
    connecter(session, f"{base}/cas/login?service={base}/notes", base)
    reponse = session.get(f"{base}/cas/login?service={pirate}/notes",
                          allow_redirects=False, timeout=10)
    assert "location" not in reponse.headers and reponse.status_code == 403


def test_adresse_simulee_donnee_telle_quelle_refusee_sans_erreur_500(serveur):
    """``service=https://ent.example/notes`` (l'adresse de la simulation) : trouvé par
    tests/test_web_proprietes.py (Hypothesis) — page 500 avec une session SSO ouverte."""
    base = serveur.adresse.rstrip("/")
    session = requests.Session()
    connecter(session, f"{base}/cas/login?service={base}/notes", base)
    for service in ("https://ent.example/notes", "https://ent.example/cahier-de-textes"):
        reponse = session.get(f"{base}/cas/login", params={"service": service},
                              allow_redirects=False, timeout=10)
        assert reponse.status_code == 403 and "location" not in reponse.headers
        assert "service_inconnu" in reponse.text
    lt = champ(requests.get(f"{base}/cas/login", timeout=10).text, "lt")
    reponse = requests.post(f"{base}/cas/login", timeout=10, allow_redirects=False,
                            data={"lt": lt, "username": LEA, "password": MDP_LEA,
                                  "service": "https://ent.example/notes"})
    assert reponse.status_code == 403 and "location" not in reponse.headers
    assert serveur.contexte.erreurs_serveur == 0
