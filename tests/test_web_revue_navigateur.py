"""Revue du serveur web dans Chromium (vague 4, WEBREVUE) : la page projetée se lit sans
faire défiler de côté.

Au vidéoprojecteur (1400 × 900), le relevé de notes (un bloc ``<pre>``) débordait à droite :
la fin de chaque ligne (l'évaluation, le coefficient) était coupée. Le test échouait avant la
règle ``pre { white-space: pre-wrap }`` de :mod:`entsim.web.pages`.
"""

from __future__ import annotations

import pytest

from outils_web import LEA, MDP_LEA, demarrer
from test_web_navigateur import ATTENTE_MS, OPTIONS_CHROMIUM, _chromium

pytestmark = pytest.mark.lent   # vrai navigateur


def test_releve_de_notes_lisible_sans_defilement_horizontal():
    from playwright.sync_api import sync_playwright

    ent, _serveur, base = demarrer()
    try:
        with sync_playwright() as pw:
            navigateur = pw.chromium.launch(executable_path=_chromium(), args=OPTIONS_CHROMIUM)
            # sans JavaScript pour la page, comme le promet le serveur
            contexte = navigateur.new_context(viewport={"width": 1400, "height": 900},
                                              locale="fr-FR", java_script_enabled=False)
            page = contexte.new_page()
            page.set_default_timeout(ATTENTE_MS)
            page.goto(base + "/notes")
            page.fill("#username", LEA)
            page.fill("#password", MDP_LEA)
            page.click("button[type=submit]")
            page.wait_for_url(base + "/notes")
            assert "Moyenne générale" in page.content()
            # evaluate() passe par le protocole du navigateur, pas par les scripts de la page
            debordements = page.evaluate(
                "[...document.querySelectorAll('main, main *')]"
                ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.tagName)")
            assert debordements == []
            navigateur.close()
    finally:
        ent.arreter()
