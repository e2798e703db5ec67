"""Le mode projection du cours dans JupyterLab et Chromium, à 1400×900, MESURÉ (issue 15).

Un notebook d'essai (écrit par le test dans un dossier temporaire) commence comme chaque
notebook du cours par ``commencer()``, active le mode projection, puis montre le portail
(notes de Léa, coulisses), un schéma de séquence, le pas à pas de la connexion, le schéma
à compléter de la question 15 (q15c), la
comparaison « même action par chaque rôle », la messagerie (bouton « Répondre ») et le
portail de la direction (le plus de tuiles, emploi du temps). Ses cellules sont exécutées
dans la page (Maj + Entrée), puis le test mesure (tests/mesures_navigateur.py) : aucun
texte de widget ni étiquette de schéma sous 18 px, rien de plus large que sa boîte sans
barre de défilement, aucun mot coupé entre deux lettres, aucune colonne à un mot par ligne ;
et encore :

* après chaque « Suivant » du pas à pas, l'étape courante est dans la fenêtre, boutons en
  haut, en hauteur et en largeur (ses flèches, sans faire défiler la bande) ;
* un clic sur la dernière tuile du portail de la direction : le service ouvert est visible ;
* aucun « Error displaying widget ».

Captures : ``projection_*.png`` (dossier temporaire ; ``docs/captures/`` si
``ENTSIM_CAPTURES_DOCS=1``).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from entsim.diagrammes.sso.couloirs import COULEUR_COURANTE
from mesures_navigateur import verifier_la_projection
from test_navigateur_notebooks import serveur_jupyterlab, verifier_outils
from test_navigateur_reel import OPTIONS_CHROMIUM, TEXTES_INTERDITS, _chromium, _enregistrer

pytestmark = pytest.mark.lent   # vrai navigateur : hors du sous-ensemble rapide (-m "not lent")

LARGEUR, HAUTEUR = 1400, 900
ATTENTE = 120

CELLULES = [
    "from entsim.widgets import commencer\ncommencer(projection=True)",
    "from entsim import ENT, MOTS_DE_PASSE_DEMO\n"
    "from entsim.widgets import MemeActionParRole, PasAPas, Portail\n"
    "ent = ENT.demo(cout=\"rapide\")\n"
    "portail = Portail(ent)\n"
    "portail.se_connecter(\"lea.martin\", MOTS_DE_PASSE_DEMO[\"eleve\"])\n"
    "portail.ouvrir(\"notes\")\n"
    "portail",
    "from entsim.demonstrations import DemonstrationSSO\n"
    "from entsim.diagrammes import schema_sequence\n"
    "demo = DemonstrationSSO(ent)\n"
    "resultat = demo.ouvrir_deux_services()\n"
    "schema_sequence(resultat.parcours)",
    "PasAPas(resultat.parcours)",
    "from entsim.diagrammes.sso import schema_a_completer\n"
    "schema_a_completer(\"DACG?HBE\")",
    "MemeActionParRole(ent, \"notes\")",
    "messages = Portail(ent, poste=\"Téléphone\")\n"
    "messages.se_connecter(\"lea.martin\", MOTS_DE_PASSE_DEMO[\"eleve\"])\n"
    "messages.ouvrir(\"messagerie\")\n"
    "messages",
    "direction = Portail(ent, poste=\"Ordinateur de la maison\")\n"
    "direction.changer_de_role(\"proviseur\")\n"
    "direction.ouvrir(\"emploi_du_temps\")\n"
    "direction",
]

TEXTE_DES_SORTIES = """() => [...document.querySelectorAll(
  '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output')].map(e => e.textContent).join('\\n')"""


def _ecrire_notebook(chemin: Path) -> None:
    cellules = [{"cell_type": "code", "execution_count": None, "id": f"projection-{i}",
                 "metadata": {}, "outputs": [], "source": source}
                for i, source in enumerate(CELLULES)]
    chemin.write_text(json.dumps({
        "cells": cellules, "metadata": {"kernelspec": {
            "display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")


def _executer_tout(page, nombre: int) -> None:
    """Exécute les cellules une à une (Maj + Entrée, quelle que soit la langue de
    l'interface) et attend que la dernière ait un numéro d'exécution. Avant : le noyau
    est prêt (indicateur d'exécution de la barre d'outils « idle »)."""
    page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) "
                           ".jp-Notebook-ExecutionIndicator[data-status='idle']",
                           state="attached", timeout=ATTENTE * 1000)
    page.wait_for_timeout(1000)
    page.click(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell .jp-InputArea-prompt")
    for _ in range(nombre):
        page.keyboard.press("Shift+Enter")
    page.wait_for_function(
        """(n) => { const p = [...document.querySelectorAll(
            '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')];
          return p.length >= n && p.slice(0, n).every(e => /\\[\\d+\\]/.test(e.textContent)); }""",
        arg=nombre, timeout=ATTENTE * 1000)
    time.sleep(2)   # les vues des widgets se dessinent après la réponse du noyau


def test_mode_projection_mesure(tmp_path):
    verifier_outils()
    from playwright.sync_api import sync_playwright

    source = tmp_path / "projection.ipynb"
    _ecrire_notebook(source)
    base = tmp_path / "serveur"
    base.mkdir()
    with serveur_jupyterlab(base, {"projection.ipynb": source}) as (racine, jeton, _cours), \
            sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=_chromium(), args=OPTIONS_CHROMIUM)
        try:
            page = chromium.new_page(viewport={"width": LARGEUR, "height": HAUTEUR},
                                     locale="fr-FR")
            page.goto(f"{racine}/lab/tree/projection.ipynb?token={jeton}&reset",
                      timeout=ATTENTE * 1000, wait_until="domcontentloaded")
            page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell",
                                   timeout=ATTENTE * 1000)
            _executer_tout(page, len(CELLULES))
            texte = page.evaluate(TEXTE_DES_SORTIES)
            for interdit in TEXTES_INTERDITS:
                assert interdit not in texte, f"« {interdit} » dans les sorties"
            assert "Mode projection : activé" in page.content()
            mesures = verifier_la_projection(page, "notebook d'essai")
            assert mesures["schemas"], "aucun schéma mesuré"
            assert any(s["alt"].startswith("Schéma : La connexion à l'ENT : votre schéma")
                       for s in mesures["schemas"]), "le schéma de q15c n'est pas mesuré"
            _capturer(page, ".entsim-barre-cours", "projection_barre_du_cours.png", tmp_path)
            _capturer(page, ".entsim-zone-service", "projection_portail_notes.png", tmp_path)
            _capturer(page, ".entsim-portail >> nth=2", "projection_comparaison_par_role.png",
                      tmp_path)
            _verifier_pas_a_pas(page, tmp_path)
            _verifier_tuile_du_bas(page, tmp_path)
        finally:
            chromium.close()


def _capturer(page, selecteur: str, nom: str, dossier: Path) -> None:
    """Capture de la fenêtre, l'élément ``selecteur`` (première sortie qui l'a) en haut."""
    page.locator(f".jp-OutputArea-output {selecteur}").first.evaluate(
        "e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    _enregistrer(page, nom, dossier)


#: Où est l'étape courante du pas à pas à l'écran : la bande (``img.entsim-etape-courante``)
#: pour la hauteur ; pour la largeur, les flèches, points et étiquettes dessinés dans la
#: couleur de l'étape courante, lus dans le SVG de l'image et ramenés en px (``viewBox`` →
#: taille affichée), comparés à la partie visible de la boîte qui défile et de la fenêtre.
BOITE_ETAPE_COURANTE = """(couleur) => {
  const img = document.querySelector('.jp-OutputArea-output img.entsim-etape-courante');
  const r = img.getBoundingClientRect();
  const b = [...document.querySelectorAll('.jp-OutputArea-output button')]
    .find(b => b.textContent.includes('Suivant')).getBoundingClientRect();
  const boiteDefile = img.closest('.entsim-pas-a-pas-fenetre').getBoundingClientRect();
  const svg = new DOMParser().parseFromString(
    decodeURIComponent(escape(atob(img.src.split(',')[1]))), 'image/svg+xml');
  const vb = svg.documentElement.getAttribute('viewBox').split(/[ ,]+/).map(Number);
  const t = (svg.querySelector('#graph0').getAttribute('transform') || '')
    .match(/translate\\(([-\\d.]+)/);
  const dx = t ? parseFloat(t[1]) : 0;
  const xs = []; let fleches = 0;
  for (const g of svg.querySelectorAll('g.node, g.edge')) {
    const titre = (g.querySelector('title') || {}).textContent || '';
    if (titre.startsWith('repere_')) continue;
    const formes = [...g.querySelectorAll('*')].filter(e => [e.getAttribute('stroke'),
      e.getAttribute('fill')].some(c => (c || '').toLowerCase() === couleur));
    if (!formes.length) continue;
    if (g.classList.contains('edge')) fleches++;
    for (const e of formes) {
      for (const p of (e.getAttribute('points') || '').trim().split(/\\s+/).filter(Boolean))
        xs.push(parseFloat(p.split(',')[0]));
      if (e.hasAttribute('cx')) {
        const cx = parseFloat(e.getAttribute('cx')), rx = parseFloat(e.getAttribute('rx') || 0);
        xs.push(cx - rx, cx + rx);
      }
    }
  }
  const echelle = r.width / vb[2];
  const px = x => r.left + (x + dx - vb[0]) * echelle;
  return {haut: r.top, bas: r.bottom, bouton: b.top, fenetre: innerHeight, fleches,
          gauche: px(Math.min(...xs)), droite: px(Math.max(...xs)),
          visible_gauche: Math.max(0, boiteDefile.left),
          visible_droite: Math.min(innerWidth, boiteDefile.right)};
}"""


def _verifier_pas_a_pas(page, dossier: Path) -> None:
    suivant = page.locator(".jp-OutputArea-output button", has_text="Suivant")
    precedent = page.locator(".jp-OutputArea-output button", has_text="Précédent")
    precedent.scroll_into_view_if_needed()
    page.evaluate("""() => { const b = [...document.querySelectorAll('.jp-OutputArea-output button')]
        .find(b => b.textContent.includes('Précédent'));
        b.scrollIntoView({block: 'start'}); }""")
    positions = []
    for numero in range(2, 9):
        suivant.click()
        page.wait_for_function(
            "(n) => [...document.querySelectorAll('.jp-OutputArea-output .widget-label')]"
            ".some(e => e.textContent.startsWith(`Étape ${n} sur`))", arg=numero,
            timeout=ATTENTE * 1000)
        page.wait_for_function("""(n) => { const i = document.querySelector(
            '.jp-OutputArea-output img.entsim-etape-courante');
            return i && i.alt.startsWith(`Étape ${n} sur`) && i.complete
                   && i.naturalWidth > 0; }""", arg=numero, timeout=ATTENTE * 1000)
        page.wait_for_timeout(200)
        boite = page.evaluate(BOITE_ETAPE_COURANTE, COULEUR_COURANTE.lower())
        positions.append((numero, round(boite["haut"]), round(boite["bas"]),
                          round(boite["gauche"]), round(boite["droite"])))
        assert boite["bouton"] >= 0, f"étape {numero} : le bouton « Suivant » est sorti de l'écran"
        assert 0 <= boite["haut"] and boite["bas"] <= boite["fenetre"], (
            f"étape {numero} : l'étape courante est hors de la fenêtre ({boite})")
        # En largeur aussi (une flèche venue d'un couloir lointain) : dans la fenêtre et dans
        # la boîte qui défile, sans faire défiler.
        assert boite["fleches"] > 0, f"étape {numero} : aucune flèche courante trouvée"
        assert boite["visible_gauche"] - 1 <= boite["gauche"] \
            and boite["droite"] <= boite["visible_droite"] + 1, (
            f"étape {numero} : la flèche courante dépasse en largeur ({boite})")
        if numero == 5:
            _enregistrer(page, "projection_pas_a_pas.png", dossier)
    print("pas à pas (étape, haut, bas, gauche, droite de l'étape courante, px) :",
          positions)


def _verifier_tuile_du_bas(page, dossier: Path) -> None:
    portails = page.locator(".jp-OutputArea-output .entsim-portail")
    direction = portails.nth(portails.count() - 1)
    tuiles = direction.locator("button.entsim-tuile")
    nombre = tuiles.count()
    assert nombre >= 20, f"{nombre} tuiles seulement pour la direction"
    derniere = tuiles.nth(nombre - 1)
    derniere.scroll_into_view_if_needed()
    nom = derniere.text_content().strip()
    derniere.click()
    page.wait_for_timeout(1500)
    boite = direction.locator(".entsim-zone-service").evaluate(
        "e => { const r = e.getBoundingClientRect(); return {haut: r.top, bas: r.bottom,"
        " fenetre: innerHeight, texte: e.textContent.slice(0, 80)}; }")
    print(f"tuile du bas « {nom} » ({nombre} tuiles) : service de {round(boite['haut'])} "
          f"à {round(boite['bas'])} px")
    assert -2 <= boite["haut"] < boite["fenetre"] / 2, (
        f"après un clic sur « {nom} », le service ouvert n'est pas en vue : {boite}")
    _enregistrer(page, "projection_portail_tuile_du_bas.png", dossier)
