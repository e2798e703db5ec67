"""Le portail dans un vrai navigateur : Voilà sert la page ``tests/navigateur/portail.ipynb``,
Chromium (paquet Debian, sans écran) l'affiche, on se connecte comme Léa Martin et on ouvre
un service ; deux captures d'écran, et aucun « Error displaying widget » sur la page.

C'est le seul test qui voit ce que voit l'élève : un décalage entre ipywidgets (noyau) et
son code JavaScript (page) ne se voit qu'ici (« Error displaying widget: model not found »).

* En CI (variable ``CI`` définie), le test DOIT tourner : il échoue si Chromium, Voilà ou
  Playwright manque. Ailleurs, il est ignoré avec la raison.
* Rien n'est téléchargé : Playwright pilote le Chromium de Debian
  (``executable_path``), jamais un navigateur à lui.
* Attentes bornées ; le serveur Voilà (et son noyau) est toujours arrêté.
* Captures : dans le dossier temporaire du test ; aussi dans ``docs/captures/`` si la
  variable ``ENTSIM_CAPTURES_DOCS`` vaut 1 (pour mettre à jour celles du README).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.lent   # vrai navigateur : hors du sous-ensemble rapide (-m "not lent")

RACINE = Path(__file__).resolve().parent.parent
PAGE = RACINE / "tests" / "navigateur" / "portail.ipynb"
CAPTURES_DOCS = RACINE / "docs" / "captures"

#: Options de Chromium sur une machine sans réseau sortant ni écran.
OPTIONS_CHROMIUM = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LARGEUR, HAUTEUR = 1366, 768
#: Attentes maximales (secondes).
ATTENTE_SERVEUR = 60
ATTENTE_PAGE = 120
ATTENTE_ACTION = 60

#: Remet en haut toute zone qui défile (la page de Voilà défile dans un conteneur).
REMONTER = """() => { window.scrollTo(0, 0);
  for (const e of document.querySelectorAll('*')) { if (e.scrollTop > 0) e.scrollTop = 0; } }"""

TEXTES_INTERDITS = ("Error displaying widget", "model not found",
                    "There was an error when executing cell", "Traceback")


def _chromium() -> str | None:
    for chemin in ("/usr/bin/chromium", shutil.which("chromium"),
                   shutil.which("chromium-browser")):
        if chemin and os.path.exists(chemin):
            return chemin
    return None


def _manques() -> list[str]:
    manques = []
    if _chromium() is None:
        manques.append("Chromium (paquet Debian « chromium »)")
    for module, paquet in (("voila", "voila"), ("playwright", "playwright")):
        if importlib.util.find_spec(module) is None:
            manques.append(f"le paquet Python « {paquet} »")
    return manques


def _port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _attendre_serveur(port: int, processus: subprocess.Popen, journal: Path) -> None:
    """Attend que Voilà écoute sur le port (sans demander la page : chaque demande de la
    page démarre un noyau)."""
    limite = time.monotonic() + ATTENTE_SERVEUR
    while time.monotonic() < limite:
        if processus.poll() is not None:
            pytest.fail(f"Voilà s'est arrêté (code {processus.returncode}) :\n"
                        + journal.read_text(errors="replace")[-3000:])
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail("Voilà n'a pas répondu à temps :\n" + journal.read_text(errors="replace")[-3000:])


def _arreter(processus: subprocess.Popen) -> None:
    """Arrête le serveur Voilà et son noyau (leur groupe de processus, créé pour eux)."""
    if processus.poll() is not None:
        return
    try:
        os.killpg(processus.pid, signal.SIGTERM)
        processus.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(processus.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        processus.wait(timeout=15)


@pytest.fixture
def serveur_voila(tmp_path):
    manques = _manques()
    if manques:
        raison = "Il manque " + " et ".join(manques) + " pour ouvrir le portail dans un navigateur."
        if os.environ.get("CI"):
            pytest.fail(raison + " (obligatoire en CI)")
        pytest.skip(raison)
    port = _port_libre()
    journal = tmp_path / "voila.log"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(RACINE), env.get("PYTHONPATH")]))
    for variable, dossier in (("JUPYTER_CONFIG_DIR", "config"),
                              ("JUPYTER_RUNTIME_DIR", "runtime")):
        (tmp_path / dossier).mkdir()
        env[variable] = str(tmp_path / dossier)
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    commande = [sys.executable, "-m", "voila", str(PAGE), "--no-browser", f"--port={port}",
                "--Voila.ip=127.0.0.1", "--show_tracebacks=True"]
    with open(journal, "wb") as sortie:
        processus = subprocess.Popen(commande, cwd=tmp_path, env=env, stdout=sortie,
                                     stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        _attendre_serveur(port, processus, journal)
        yield url, journal
    finally:
        _arreter(processus)


def _enregistrer(page, nom: str, dossier: Path) -> Path:
    chemin = dossier / nom
    page.screenshot(path=str(chemin))
    if os.environ.get("ENTSIM_CAPTURES_DOCS") == "1":
        CAPTURES_DOCS.mkdir(parents=True, exist_ok=True)
        reduire_png(chemin, CAPTURES_DOCS / nom)
    return chemin


def reduire_png(source: Path, cible: Path, couleurs: int = 64) -> None:
    """Copie une capture en PNG à palette (``couleurs`` couleurs) : quelques dizaines de Ko
    au lieu de plusieurs centaines, pour les captures gardées dans le dépôt."""
    from PIL import Image

    with Image.open(source) as image:
        image.convert("RGB").quantize(colors=couleurs).save(cible, optimize=True)


def _verifier_sans_erreur(page, journal: Path) -> None:
    contenu = page.content()
    for interdit in TEXTES_INTERDITS:
        assert interdit not in contenu, (
            f"« {interdit} » sur la page ; journal de Voilà :\n"
            + journal.read_text(errors="replace")[-3000:])


def test_portail_dans_chromium(serveur_voila, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    url, journal = serveur_voila
    messages_console: list[str] = []
    with sync_playwright() as pw:
        navigateur = pw.chromium.launch(executable_path=_chromium(), args=OPTIONS_CHROMIUM)
        try:
            page = navigateur.new_page(viewport={"width": LARGEUR, "height": HAUTEUR},
                                       locale="fr-FR")
            page.on("console", lambda m: messages_console.append(f"{m.type}: {m.text}"))
            page.goto(url, timeout=ATTENTE_PAGE * 1000, wait_until="domcontentloaded")
            # 1. la page d'accueil : formulaire de connexion et information sur les droits
            bouton = page.get_by_role("button", name="Se connecter")
            expect(bouton).to_be_visible(timeout=ATTENTE_PAGE * 1000)
            expect(page.get_by_role("heading", name="Information sur vos droits")) \
                .to_be_visible()
            expect(page.get_by_text("Responsable du traitement", exact=True)).to_be_visible()
            _verifier_sans_erreur(page, journal)
            capture_accueil = _enregistrer(page, "portail_connexion.png", tmp_path)
            # 2. connexion de Léa Martin (vrai serveur CAS simulé dans le noyau)
            from entsim import MOTS_DE_PASSE_DEMO

            champ = page.locator(".widget-text:has-text('Identifiant') input").first
            champ.fill("lea.martin")
            page.locator("input[type=password]").first.fill(MOTS_DE_PASSE_DEMO["eleve"])
            bouton.click()
            expect(page.get_by_role("heading", name="Mes services")).to_be_visible(
                timeout=ATTENTE_ACTION * 1000)
            expect(page.get_by_text("Connexion réussie : bienvenue, Léa Martin").first) \
                .to_be_visible()
            # 3. un service ouvert par le SSO, sans nouvelle saisie
            page.get_by_role("button", name="Notes et résultats des évaluations").click()
            expect(page.get_by_text("ouvert sans retaper le mot de passe").first) \
                .to_be_visible(timeout=ATTENTE_ACTION * 1000)
            expect(page.get_by_text("Cookie TGC").first).to_be_visible()
            _verifier_sans_erreur(page, journal)
            page.evaluate(REMONTER)
            capture_portail = _enregistrer(page, "portail_services.png", tmp_path)
            # 4. mode projection (texte agrandi, fort contraste), un seul interrupteur
            page.get_by_role("button", name="Mode projection : désactivé").click()
            expect(page.get_by_role("button", name="Mode projection : activé")).to_be_visible(
                timeout=ATTENTE_ACTION * 1000)
            expect(page.locator(".entsim-portail.entsim-projection")).to_have_count(1)
            taille = page.locator(".entsim-annonce").first.evaluate(
                "e => parseFloat(getComputedStyle(e.querySelector('div')).fontSize)")
            assert taille >= 20, f"texte trop petit en mode projection : {taille}px"
            _verifier_sans_erreur(page, journal)
            page.evaluate(REMONTER)
            _enregistrer(page, "portail_projection.png", tmp_path)
            # 5. « Voir en tant que » : la mère de Léa, sur le même navigateur
            page.locator(".widget-dropdown select").first.select_option(
                label="Sophie Martin — parent (de Léa Martin)")
            expect(page.get_by_text("Vous voyez maintenant l'ENT en tant que Sophie Martin")
                   .first).to_be_visible(timeout=ATTENTE_ACTION * 1000)
            expect(page.get_by_role("heading", name="Mes services")).to_be_visible()
            _verifier_sans_erreur(page, journal)
        finally:
            navigateur.close()
    for capture in (capture_accueil, capture_portail):
        assert capture.stat().st_size > 10_000, f"capture vide : {capture}"
    erreurs_widgets = [m for m in messages_console
                       if m.startswith("error") and "widget" in m.lower()]
    assert not erreurs_widgets, erreurs_widgets
