"""Le serveur de l'ENT joint à travers JupyterLab (``jupyter-server-proxy``, extra « cours ») :
``https://<jupyter>/proxy/<port>/`` quand JupyterLab tourne sur une autre machine.

Un vrai serveur Jupyter est lancé (jeton de test) ; la connexion de Léa passe par
``/proxy/<port>/`` : le formulaire poste vers l'adresse du mandataire, le ticket revient à
l'adresse du mandataire, les cookies portent le préfixe (``Path=/proxy/<port>/cas``).
"""

from __future__ import annotations

import html
import re
import socket
import subprocess
import sys
import time

import httpx
import pytest

from outils_web import LEA, MDP_LEA, demarrer

pytestmark = pytest.mark.lent

JETON = "jeton-de-test-entsim"


def _port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def jupyter(tmp_path):
    port = _port_libre()
    processus = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "server", "--no-browser", "--allow-root",
         f"--port={port}", "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={JETON}",
         f"--ServerApp.root_dir={tmp_path}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{base}/api/status?token={JETON}", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            raise AssertionError("Le serveur Jupyter n'a pas démarré.")
        yield base
    finally:
        processus.terminate()
        processus.wait(20)


def test_connexion_a_travers_jupyter_server_proxy(jupyter):
    ent, serveur, _base = demarrer()
    try:
        mandataire = f"{jupyter}/proxy/{serveur.port}"
        with httpx.Client(headers={"Authorization": f"token {JETON}"}, timeout=30) as client:
            r = client.get(mandataire + "/notes")
            assert r.status_code == 302
            assert r.headers["location"].startswith(f"{mandataire}/cas/login?service=")
            formulaire = client.get(r.headers["location"])
            assert formulaire.status_code == 200
            champs = {n: html.unescape(v) for n, v in
                      re.findall(r'name="(lt|service)" value="([^"]*)"', formulaire.text)}
            assert champs["service"] == mandataire + "/notes"
            r = client.post(mandataire + "/cas/login",
                            data={**champs, "username": LEA, "password": MDP_LEA})
            assert r.status_code == 303
            assert r.headers["location"].startswith(mandataire + "/notes?ticket=ST-")
            assert f"Path=/proxy/{serveur.port}/cas" in r.headers["set-cookie"]
            r = client.get(r.headers["location"])
            assert r.status_code == 303
            assert f"Path=/proxy/{serveur.port}/notes" in r.headers["set-cookie"]
            page = client.get(mandataire + "/notes")
            assert page.status_code == 200 and "Bonjour Léa Martin" in page.text
        assert serveur.contexte.erreurs_serveur == 0
    finally:
        ent.arreter()
