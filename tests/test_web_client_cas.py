"""Le serveur CAS servi en HTTP, vérifié par un client CAS que personne ici n'a écrit :
``python-cas`` (PyPI, ``CASClientV3`` / ``CASClientV2`` / ``CASClientV1``).

Issue 18, « Done means » : formulaire → ticket → ``verify_ticket`` rend l'utilisateur et ses
attributs ; rejeu, ticket expiré, mauvais service, ``renew`` et ``gateway`` donnent les codes
CAS (*CAS Protocol 3.0 Specification*, section 2.5.3) ; la déconnexion unique atteint chaque
service (section 2.3.3).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
import requests
from cas import CASClientV1, CASClientV2, CASClientV3

from outils_web import LEA, MDP_LEA, code_cas, connecter, demarrer, ticket_de


@pytest.fixture(scope="module")
def serveur():
    ent, serveur, base = demarrer()
    yield ent, serveur, base
    ent.arreter()


def _client(base: str, service: str = "/notes", classe=CASClientV3, **options):
    return classe(service_url=base + service, server_url=base + "/cas/", **options)


def _ticket(base: str, client, session: requests.Session | None = None) -> str:
    session = session or requests.Session()
    return ticket_de(connecter(session, client.get_login_url(), base))


def test_formulaire_ticket_puis_verify_ticket_rend_utilisateur_et_attributs(serveur):
    ent, _serveur, base = serveur
    client = _client(base)
    ticket = _ticket(base, client)
    assert ticket.startswith("ST-")
    utilisateur, attributs, pgtiou = client.verify_ticket(ticket)
    assert utilisateur == LEA
    assert attributs["prenom"] == "Léa" and attributs["nom"] == "Martin"
    assert attributs["classe"] == ent.attributs(LEA)["classe"]
    assert attributs["isFromNewLogin"] == "true"
    assert pgtiou is None  # pas de mandataire simulé


def test_cas_2_et_cas_1_valident_aussi(serveur):
    _ent, _serveur, base = serveur
    v2 = _client(base, classe=CASClientV2)
    assert v2.verify_ticket(_ticket(base, v2))[0] == LEA
    v1 = _client(base, classe=CASClientV1)
    assert v1.verify_ticket(_ticket(base, v1)) == (LEA, None, None)
    # CAS 1.0 : « no » pour un ticket déjà présenté (section 2.4.2)
    ticket = _ticket(base, v1)
    v1.verify_ticket(ticket)
    assert v1.verify_ticket(ticket) == (None, None, None)


def test_rejeu_d_un_ticket_donne_invalid_ticket(serveur):
    _ent, _serveur, base = serveur
    client = _client(base)
    ticket = _ticket(base, client)
    assert client.verify_ticket(ticket)[0] == LEA
    assert client.verify_ticket(ticket) == (None, {}, None)
    assert code_cas(client.get_verification_response(ticket)) == "INVALID_TICKET"


def test_ticket_expire_donne_invalid_ticket(serveur):
    ent, _serveur, base = serveur
    client = _client(base)
    ticket = _ticket(base, client)
    ent.avancer(11)  # un ticket de service vit 10 s (réglage du serveur Apereo)
    reponse = client.get_verification_response(ticket)
    assert code_cas(reponse) == "INVALID_TICKET" and "expiré" in reponse.decode()


def test_ticket_presente_par_un_autre_service_donne_invalid_service(serveur):
    _ent, _serveur, base = serveur
    ticket = _ticket(base, _client(base, "/notes"))
    autre = _client(base, "/messagerie")
    assert code_cas(autre.get_verification_response(ticket)) == "INVALID_SERVICE"
    # et le ticket est désormais invalidé, même pour le bon service (section 2.5.3)
    assert code_cas(_client(base, "/notes").get_verification_response(ticket)) \
        == "INVALID_TICKET"


def test_renew_exige_le_mot_de_passe_malgre_la_session(serveur):
    _ent, _serveur, base = serveur
    session = requests.Session()
    client = _client(base, "/notes")
    client.verify_ticket(_ticket(base, client, session))
    # session SSO ouverte : un ticket sans mot de passe pour un autre service…
    sso = session.get(_client(base, "/agenda").get_login_url(), allow_redirects=False)
    ticket_sso = ticket_de(sso)
    # … que la validation avec renew refuse (section 2.5.1)
    url = (f"{base}/cas/p3/serviceValidate?service={quote(base + '/agenda', safe='')}"
           f"&ticket={ticket_sso}&renew=true")
    assert code_cas(requests.get(url, timeout=10).content) == "INVALID_TICKET"
    # /login?renew=true redemande le mot de passe, même avec la session SSO (2.1.1)
    avec_renew = _client(base, "/messagerie", renew=True)
    formulaire = session.get(avec_renew.get_login_url(), allow_redirects=False)
    assert formulaire.status_code == 200 and 'name="password"' in formulaire.text
    ticket = _ticket(base, avec_renew, session)
    url = (f"{base}/cas/p3/serviceValidate?service={quote(base + '/messagerie', safe='')}"
           f"&ticket={ticket}&renew=true")
    assert code_cas(requests.get(url, timeout=10).content) is None


def test_gateway_sans_session_revient_sans_ticket_avec_session_avec_ticket(serveur):
    _ent, _serveur, base = serveur
    client = _client(base, "/notes", extra_login_params={"gateway": "true"})
    session = requests.Session()
    sans = session.get(client.get_login_url(), allow_redirects=False)
    assert sans.status_code == 302 and sans.headers["location"] == base + "/notes"
    connecter(session, _client(base, "/agenda").get_login_url(), base)
    avec = session.get(client.get_login_url(), allow_redirects=False)
    assert client.verify_ticket(ticket_de(avec))[0] == LEA


def test_deconnexion_unique_atteint_chaque_service(serveur):
    _ent, serveur_web, base = serveur
    session = requests.Session()
    for chemin in ("/cahier-de-textes", "/notes", "/messagerie"):
        page = session.get(base + chemin, timeout=10)  # redirections suivies
        if 'name="password"' in page.text:
            page = session.post(base + "/cas/login", data={
                "username": LEA, "password": MDP_LEA,
                "lt": page.text.split('name="lt" value="')[1].split('"')[0],
                "service": base + chemin}, timeout=10)
        assert page.status_code == 200 and "Bonjour Léa Martin" in page.text
    tickets = {c: s.ticket for c, s in serveur_web.contexte.sessions_ouvertes()
               if s.identifiant == LEA and c in ("cahier_de_textes", "notes", "messagerie")}
    assert len(tickets) == 3
    avant = len(serveur_web.contexte.avis)
    fin = session.get(base + "/cas/logout", timeout=10)
    assert fin.status_code == 200 and "Vous êtes déconnecté(e)" in fin.text
    recus = serveur_web.contexte.avis[avant:]
    assert {a.service for a in recus} == set(tickets)
    for avis in recus:
        assert avis.session_fermee
        # le client CAS indépendant reconnaît la demande (SessionIndex = le ticket)
        assert CASClientV3.verify_logout_request(avis.xml, tickets[avis.service])
    for chemin in ("/cahier-de-textes", "/notes", "/messagerie"):
        apres = session.get(base + chemin, allow_redirects=False, timeout=10)
        assert apres.status_code == 302 and "/cas/login?service=" in apres.headers["location"]
    assert serveur_web.contexte.erreurs_serveur == 0
