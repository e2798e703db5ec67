"""L'ENT servi en HTTP dans un vrai navigateur (Chromium de Debian piloté par Playwright).

Issue 18, « Done means » : connexion par le formulaire, ``ticket=ST-`` vu dans une
redirection, cookie ``TGC`` ``HttpOnly`` (chemin ``/cas``, ``SameSite=Lax``), second service
ouvert sans mot de passe, déconnexion, et les deux sessions des services terminées.

Rien n'est téléchargé : Playwright pilote ``/usr/bin/chromium`` (installé par
``scripts/lancer_tests.sh``). Captures d'écran dans le dossier temporaire du test, et dans
``docs/captures/http_*.png`` si ``ENTSIM_CAPTURES_DOCS`` vaut 1.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from outils_web import LEA, MDP_LEA, demarrer

pytestmark = pytest.mark.lent   # vrai navigateur

RACINE = Path(__file__).resolve().parent.parent
OPTIONS_CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync"]
ATTENTE_MS = 30_000


def _chromium() -> str:
    for chemin in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if chemin and os.path.exists(chemin):
            return chemin
    raise AssertionError("Chromium manque : paquet Debian « chromium » "
                         "(installé par scripts/lancer_tests.sh).")


def test_connexion_sso_et_deconnexion_unique_dans_chromium(tmp_path):
    from playwright.sync_api import sync_playwright

    ent, serveur, base = demarrer()
    captures = [tmp_path]
    if os.environ.get("ENTSIM_CAPTURES_DOCS") == "1":
        captures.append(RACINE / "docs" / "captures")

    def capturer(page, nom: str) -> None:
        for dossier in captures:
            page.screenshot(path=str(dossier / f"http_{nom}.png"))

    try:
        with sync_playwright() as pw:
            navigateur = pw.chromium.launch(executable_path=_chromium(), args=OPTIONS_CHROMIUM)
            contexte = navigateur.new_context(viewport={"width": 1000, "height": 720},
                                              locale="fr-FR")
            page = contexte.new_page()
            page.set_default_timeout(ATTENTE_MS)
            redirections: list[str] = []
            formulaires: list[str] = []
            page.on("response", lambda r: redirections.append(r.headers.get("location", ""))
                    if 300 <= r.status < 400 else None)
            page.on("response", lambda r: formulaires.append(r.url)
                    if "/cas/login" in r.url and r.status == 200 else None)

            # 1. le cahier de textes renvoie vers le formulaire du serveur CAS
            page.goto(base + "/cahier-de-textes")
            assert "/cas/login?service=" in page.url
            assert page.get_by_text("Information sur vos données personnelles").count() == 1
            capturer(page, "connexion")
            page.fill("#username", LEA)
            page.fill("#password", MDP_LEA)
            page.click("button[type=submit]")
            page.wait_for_url(base + "/cahier-de-textes")
            assert "Bonjour Léa Martin" in page.content()
            assert any("ticket=ST-" in r for r in redirections), redirections
            capturer(page, "service")

            # 2. le cookie TGC : HttpOnly, chemin /cas, SameSite=Lax, pas Secure en HTTP
            tgc = [c for c in contexte.cookies() if c["name"] == "TGC"]
            assert len(tgc) == 1
            assert tgc[0]["httpOnly"] and tgc[0]["path"] == "/cas"
            assert tgc[0]["sameSite"] == "Lax" and not tgc[0]["secure"]
            assert tgc[0]["value"].startswith("TGT-")
            # invisible pour un script de la page (HttpOnly)
            assert "TGC" not in page.evaluate("document.cookie")

            # 3. second service : pas de formulaire, session SSO réutilisée
            deja = len(formulaires)
            page.goto(base + "/notes")
            page.wait_for_url(base + "/notes")
            assert "Bonjour Léa Martin" in page.content()
            assert len(formulaires) == deja, "le mot de passe a été redemandé"

            # 4. déconnexion : chaque service est prévenu, les deux sessions sont finies
            page.click("text=Se déconnecter")
            assert "Vous êtes déconnecté(e)" in page.content()
            assert "Cahier de textes : demande reçue" in page.content()
            capturer(page, "deconnexion")
            assert not [c for c in contexte.cookies() if c["name"] == "TGC"]
            for chemin in ("/cahier-de-textes", "/notes"):
                page.goto(base + chemin)
                assert "/cas/login?service=" in page.url
                assert page.locator("#password").count() == 1
            navigateur.close()
        assert {a.service for a in serveur.contexte.avis if a.session_fermee} \
            == {"cahier_de_textes", "notes"}
        assert serveur.contexte.erreurs_serveur == 0
    finally:
        ent.arreter()
