"""Propriété : aucune redirection ouverte. Quelle que soit la valeur de ``service`` envoyée à
``/cas/login`` ou ``/cas/logout`` (texte quelconque, adresses presque justes, caractères de
contrôle), le serveur ne redirige que vers un service enregistré, sous une base connue ; sinon
il répond une page 4xx (ou la page de déconnexion) en français, jamais une erreur 500
(*CAS Protocol 3.0 Specification*, sections 2.2.1 et 2.3.2)."""

from __future__ import annotations

import requests
from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from outils_web import connecter, demarrer
from proprietes import compter, exemples

pytestmark = pytest.mark.lent

ENT_, SERVEUR, BASE = None, None, None
CHEMINS = ("/notes", "/cahier-de-textes", "/messagerie", "/inconnu", "", "/", "/notes/",
           "/notes?x=1", "/notes#f", "/../notes", "/NOTES", "/notes%00", "/cas/login")
PREFIXES = ("{base}", "http://localhost:{port}", "https://127.0.0.1:{port}",
            "http://127.0.0.1:{port}.pirate.example", "http://pirate.example",
            "javascript:", "//pirate.example", "{base}@pirate.example", " {base}", "")


@pytest.fixture(scope="module", autouse=True)
def serveur():
    global ENT_, SERVEUR, BASE
    ENT_, SERVEUR, BASE = demarrer()
    yield
    assert SERVEUR.contexte.erreurs_serveur == 0, SERVEUR.contexte.derniere_erreur
    ENT_.arreter()


adresses = st.one_of(
    st.text(max_size=80),
    st.builds(lambda p, c, s: p + c + s, st.sampled_from(PREFIXES), st.sampled_from(CHEMINS),
              st.text(max_size=8)),
)


def _redirection_permise(location: str) -> bool:
    services = {s.url.removeprefix("https://ent.example") for s in ENT_.cas.services()}
    for base in SERVEUR.contexte.adresses.bases:
        if location.startswith(base + "/"):
            chemin = location[len(base):].split("?", 1)[0]
            return chemin in services
    return False


@settings(max_examples=exemples(150), deadline=None)
@given(adresse=adresses)
def test_login_et_logout_ne_redirigent_que_vers_un_service_enregistre(adresse):
    compter("web : pas de redirection ouverte")
    adresse = adresse.replace("{base}", BASE).replace("{port}", str(SERVEUR.port))
    session = requests.Session()
    connecter(session, f"{BASE}/cas/login?service={BASE}/notes", BASE)
    for chemin in ("/cas/login", "/cas/logout"):
        reponse = session.get(BASE + chemin, params={"service": adresse},
                              allow_redirects=False, timeout=10)
        assert reponse.status_code < 500
        if 300 <= reponse.status_code < 400:
            assert _redirection_permise(reponse.headers["location"]), (adresse, reponse.headers)
        else:
            assert '<html lang="fr">' in reponse.text and "Traceback" not in reponse.text
    session.close()
