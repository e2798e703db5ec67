"""Requêtes hostiles contre le serveur web : paramètres manquants ou en double, service non
enregistré ou ``javascript:``, champs énormes, caractères de contrôle, mauvaises méthodes,
en-tête ``Host`` inventé.

Issue 18, « Done means » : le bon code CAS, ou une page 4xx en français, jamais une trace
d'exécution ; aucune redirection ouverte (*CAS Protocol 3.0 Specification*, sections 2.2.1
et 2.3.2 : seuls les services enregistrés).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
import requests

from outils_web import LEA, code_cas, connecter, demarrer, requete_brute


@pytest.fixture(scope="module")
def serveur():
    ent, serveur, base = demarrer()
    yield ent, serveur, base
    assert serveur.contexte.erreurs_serveur == 0  # aucune page 500 pendant tout le module
    ent.arreter()


def _page_francaise_4xx(reponse: requests.Response, statut: int) -> None:
    assert reponse.status_code == statut, reponse.text[:300]
    assert reponse.headers["content-type"].startswith("text/html")
    assert '<html lang="fr">' in reponse.text
    assert "Traceback" not in reponse.text and "Exception" not in reponse.text
    assert "location" not in reponse.headers


def _q(valeur: str) -> str:
    return quote(valeur, safe="")


@pytest.mark.parametrize("requete", [
    "",                                              # ni ticket ni service
    "ticket=ST-1-abc",                               # service manquant
    "service=http://127.0.0.1/notes",                # ticket manquant
    "ticket=ST-1-a&ticket=ST-2-b&service=x",         # ticket en double
    "ticket=ST-1-a&service=a&service=b",             # service en double
    "ticket=" + "A" * 5000 + "&service=x",           # champ énorme
    "ticket=ST-1-a&service=x&format=JSON",           # format non proposé
])
def test_validation_mal_formee_donne_invalid_request(serveur, requete):
    _ent, _serveur, base = serveur
    for chemin in ("/cas/p3/serviceValidate", "/cas/serviceValidate"):
        reponse = requests.get(f"{base}{chemin}?{requete}", timeout=10)
        assert reponse.status_code == 200
        assert code_cas(reponse.content) == "INVALID_REQUEST"


@pytest.mark.parametrize("ticket,code", [
    ("PT-1-abc", "INVALID_TICKET_SPEC"),             # ticket de mandataire
    ("ST-1-\u00e9\u0001", "INVALID_TICKET_SPEC"),     # caractères hors section 3.7
    ("ST-999-inconnu", "INVALID_TICKET"),
])
def test_ticket_mal_forme_ou_inconnu(serveur, ticket, code):
    _ent, _serveur, base = serveur
    reponse = requests.get(f"{base}/cas/p3/serviceValidate?ticket={_q(ticket)}"
                           f"&service={_q(base + '/notes')}", timeout=10)
    assert code_cas(reponse.content) == code
    assert requests.get(f"{base}/cas/validate?ticket={_q(ticket)}&service=x",
                        timeout=10).text == "no\n\n"


@pytest.mark.parametrize("service", [
    "javascript:alert(1)",
    "https://pirate.example/notes",
    "http://127.0.0.1:1/notes",                      # autre port : pas ce serveur
    "{base}.pirate.example/notes",
    "{base}@pirate.example/notes",
    "{base}/notes/../../pirate",
    "{base}/inconnu",
    "{base}/notes\u0000",
    "{base}/notes\u202e",
])
def test_service_non_enregistre_refuse_sans_redirection(serveur, service):
    _ent, _serveur, base = serveur
    service = service.format(base=base)
    session = requests.Session()
    reponse = session.get(f"{base}/cas/login?service={_q(service)}", allow_redirects=False,
                          timeout=10)
    assert reponse.status_code in (400, 403)
    _page_francaise_4xx(reponse, reponse.status_code)
    # même connecté : aucun ticket, aucune redirection vers cette adresse
    connecter(session, f"{base}/cas/login?service={_q(base + '/notes')}", base)
    apres = session.get(f"{base}/cas/login?service={_q(service)}", allow_redirects=False,
                        timeout=10)
    _page_francaise_4xx(apres, apres.status_code)


def test_logout_ne_redirige_que_vers_un_service_enregistre(serveur):
    _ent, _serveur, base = serveur
    for adresse in ("https://pirate.example/", "javascript:alert(1)"):
        reponse = requests.get(f"{base}/cas/logout?service={_q(adresse)}",
                               allow_redirects=False, timeout=10)
        assert reponse.status_code == 200 and "location" not in reponse.headers
        assert "Adresse de retour refusée" in reponse.text
    # « url » (CAS 2.0) est ignoré (section 2.3.1)
    ignore = requests.get(f"{base}/cas/logout?url={_q('https://pirate.example/')}",
                          allow_redirects=False, timeout=10)
    assert ignore.status_code == 200 and "location" not in ignore.headers
    bon = requests.get(f"{base}/cas/logout?service={_q(base + '/notes')}",
                       allow_redirects=False, timeout=10)
    assert bon.status_code == 302 and bon.headers["location"] == base + "/notes"


def test_parametres_en_double_ou_enormes_sur_login(serveur):
    _ent, _serveur, base = serveur
    double = f"{base}/cas/login?service={_q(base + '/notes')}&service={_q(base + '/agenda')}"
    _page_francaise_4xx(requests.get(double, allow_redirects=False, timeout=10), 400)
    enorme = f"{base}/cas/login?service={_q(base + '/notes' + 'x' * 5000)}"
    _page_francaise_4xx(requests.get(enorme, allow_redirects=False, timeout=10), 400)


def test_formulaire_hostile(serveur):
    _ent, _serveur, base = serveur
    session = requests.Session()
    page = session.get(f"{base}/cas/login", timeout=10).text
    lt = page.split('name="lt" value="')[1].split('"')[0]
    # jeton lt absent, inventé, puis rejoué
    for donnees in ({"username": LEA, "password": "x"},
                    {"username": LEA, "password": "x", "lt": "LT-invente"}):
        _page_francaise_4xx(session.post(f"{base}/cas/login", data=donnees,
                                         allow_redirects=False, timeout=10), 400)
    premiere = session.post(f"{base}/cas/login", data={"username": LEA, "password": "faux",
                                                       "lt": lt}, timeout=10)
    assert premiere.status_code == 401 and "Identifiant ou mot de passe" in premiere.text
    _page_francaise_4xx(session.post(f"{base}/cas/login", data={
        "username": LEA, "password": "faux", "lt": lt}, allow_redirects=False, timeout=10), 400)

    def nouveau_lt() -> str:
        return session.get(f"{base}/cas/login", timeout=10).text.split(
            'name="lt" value="')[1].split('"')[0]

    # identifiant avec caractère de contrôle, identifiant énorme, champs en double
    for donnees in ({"username": "lea\u0000martin", "password": "x"},
                    {"username": "a" * 10_000, "password": "x"},
                    {"username": [LEA, "autre"], "password": "x"}):
        donnees["lt"] = nouveau_lt()
        _page_francaise_4xx(session.post(f"{base}/cas/login", data=donnees,
                                         allow_redirects=False, timeout=10), 400)
    # corps trop gros, corps qui n'est pas de l'UTF-8
    _page_francaise_4xx(session.post(f"{base}/cas/login", data=b"a=" + b"x" * 100_000,
                                     allow_redirects=False, timeout=10), 413)
    _page_francaise_4xx(session.post(f"{base}/cas/login", data=b"username=\xff\xfe",
                                     allow_redirects=False, timeout=10), 400)


@pytest.mark.parametrize("methode,chemin", [
    ("DELETE", "/cas/login"), ("PUT", "/cas/login"), ("POST", "/cas/logout"),
    ("POST", "/cas/p3/serviceValidate"), ("PUT", "/notes"), ("PATCH", "/"),
])
def test_mauvaise_methode_donne_405_en_francais(serveur, methode, chemin):
    _ent, _serveur, base = serveur
    reponse = requests.request(methode, base + chemin, allow_redirects=False, timeout=10)
    _page_francaise_4xx(reponse, 405)
    assert "Méthode refusée" in reponse.text


def test_adresse_inconnue_donne_404_en_francais(serveur):
    _ent, _serveur, base = serveur
    _page_francaise_4xx(requests.get(base + "/wp-admin", timeout=10), 404)


def test_hote_invente_ne_fait_pas_rediriger_ailleurs(serveur):
    _ent, _serveur, base = serveur
    reponse = requests.get(base + "/notes", headers={"Host": "pirate.example"},
                           allow_redirects=False, timeout=10)
    _page_francaise_4xx(reponse, 400)


def test_deconnexion_unique_mal_formee_refusee(serveur):
    _ent, _serveur, base = serveur
    for donnees in ({}, {"logoutRequest": "<pas du xml"}, {"logoutRequest": "<a/>"},
                    {"logoutRequest": ["<a/>", "<b/>"]}):
        _page_francaise_4xx(requests.post(base + "/notes", data=donnees,
                                          allow_redirects=False, timeout=10), 400)


def test_ticket_rejoue_dans_la_barre_d_adresse_donne_une_page_francaise(serveur):
    _ent, _serveur, base = serveur
    session = requests.Session()
    retour = connecter(session, f"{base}/cas/login?service={_q(base + '/notes')}", base)
    adresse = retour.headers["location"]
    assert session.get(adresse, allow_redirects=False, timeout=10).status_code == 303
    rejeu = session.get(adresse, allow_redirects=False, timeout=10)
    _page_francaise_4xx(rejeu, 403)
    assert "INVALID_TICKET" in rejeu.text and "déjà présenté" in rejeu.text


def test_chaque_reponse_porte_les_entetes_de_securite(serveur):
    _ent, _serveur, base = serveur
    reponse = requests.get(base + "/cas/login", timeout=10)
    assert "default-src 'none'" in reponse.headers["content-security-policy"]
    assert reponse.headers["referrer-policy"] == "no-referrer"
    assert "<script" not in reponse.text


def test_requete_http_illisible_ou_en_tetes_enormes_refusee_sans_trace(serveur):
    """Ce qui n'est pas du HTTP n'atteint pas l'application : uvicorn répond 400. Des en-têtes
    de plus de 16 Kio, avec le vrai ``Host`` (sinon le 400 viendrait de « Adresse inconnue »,
    pas de la limite de taille) : 431 (RFC 6585, section 5). Jamais de trace d'exécution."""
    _ent, serveur_web, _base = serveur
    hote = f"127.0.0.1:{serveur_web.port}".encode()
    for brut, statut in ((b"\x00\x01\x02 n'importe quoi\r\n\r\n", b"400"),
                         (b"GET /cas/login HTTP/1.1\r\nHost: " + hote + b"\r\nX: "
                          + b"a" * 20_000 + b"\r\n\r\n", b"431")):
        reponse = requete_brute(serveur_web.port, brut)
        assert reponse.startswith(b"HTTP/1.1 " + statut), reponse[:200]
        assert b"Traceback" not in reponse
