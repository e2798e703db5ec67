"""Les notebooks du cours ouverts SANS être exécutés, dans JupyterLab et Chromium (ce qu'un
élève voit en premier en ouvrant le fichier), puis exécutés dans la page.

Un notebook ouvert depuis le disque n'est pas « de confiance » : JupyterLab n'affiche que les
sorties sûres (texte, images, HTML nettoyé), et l'état des widgets n'est pas enregistré. Pour
chaque ``notebooks/*.ipynb``, le test vérifie dans la page :

* aucun widget ne s'affiche en code Python (« VBox(… », « HBox(… », « Box(children… ») ;
* aucun schéma ne s'affiche en mots (noms internes des nœuds : « cluster_… », « f1_de->… ») ;
* chaque schéma enregistré dans le fichier s'affiche en image (``<img>`` chargée dont la
  source est une image SVG en URI ``data:``) ;

et prend une capture d'écran du notebook ouvert. Puis (second test) il exécute chaque
notebook dans la page : aucun « Error displaying widget », capture du notebook exécuté, et
en mode projection les mesures de l'issue 15 (tests/mesures_navigateur.py).

* Les notebooks sont copiés dans un dossier temporaire : rien n'est écrit dans le dépôt.
  La variable ``ENTSIM_NOTEBOOKS_A_OUVRIR`` (un dossier) remplace ``notebooks/`` : pour
  vérifier des copies réexécutées avant de réexécuter ceux du dépôt.
* En CI (variable ``CI`` définie), le test DOIT tourner : il échoue si Chromium, JupyterLab
  ou Playwright manque. Ailleurs, il est ignoré avec la raison.
* Rien n'est téléchargé : Playwright pilote le Chromium de Debian (``executable_path``).
* Attentes bornées ; le serveur JupyterLab (et ses noyaux) est toujours arrêté.
* Captures : dans le dossier temporaire du test ; aussi dans ``docs/captures/`` si la
  variable ``ENTSIM_CAPTURES_DOCS`` vaut 1.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from entsim.widgets.cours import FEUILLE_PROJECTION, FEUILLE_SORTIES
from mesures_navigateur import verifier_la_projection
from test_navigateur_reel import (OPTIONS_CHROMIUM, _arreter, _chromium, _enregistrer,
                                  _port_libre)

pytestmark = pytest.mark.lent   # vrai navigateur : hors du sous-ensemble rapide (-m "not lent")

RACINE = Path(__file__).resolve().parent.parent
NOTEBOOKS = RACINE / "notebooks"
LARGEUR, HAUTEUR = 1400, 900
#: Attentes maximales (secondes).
ATTENTE_SERVEUR = 60
ATTENTE_PAGE = 90
ATTENTE_SORTIES = 30

#: Un widget affiché par sa représentation Python (état des widgets non enregistré).
WIDGET_EN_CODE = ("VBox(", "HBox(", "Box(children")
#: Un schéma Graphviz affiché en mots : noms de sous-graphes ou de flèches (« f1_de->f1_vers »).
SCHEMA_EN_MOTS = re.compile(r"cluster_|\w->\w")
#: Une sortie enregistrée qui est un schéma.
SCHEMA_DANS_LE_FICHIER = ("entsim-schema", "data:image/svg+xml", "<svg")

#: Réglages de JupyterLab (dossier de l'utilisateur, temporaire) : pas de fenêtre
#: « nouvelles » qui cacherait la page, toutes les cellules dans la page (pas de fenêtrage).
REGLAGES = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}

#: Le texte de chaque sortie affichée, et les images SVG (« data: ») chargées qu'elle contient.
LIRE_SORTIES = """() => [...document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output')].map(e => ({
  texte: e.textContent,
  images: [...e.querySelectorAll('img')].filter(i =>
      i.src.startsWith('data:image/svg+xml') && i.complete && i.naturalWidth > 0).length,
}))"""

#: Pour la capture : fait défiler jusqu'au premier widget (texte de repli) ou schéma.
MONTRER_PREMIERE_SORTIE = """() => {
  const sorties = [...document.querySelectorAll(
      '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output')];
  const premiere = sorties.find(e => e.textContent.includes('exécutez la cellule')
                                     || e.querySelector('img[src^="data:image/svg+xml"]'));
  if (premiere) premiere.scrollIntoView({block: 'center'});
}"""


def dossier_des_notebooks() -> Path:
    """Le dossier des notebooks à ouvrir : ``notebooks/``, ou ``ENTSIM_NOTEBOOKS_A_OUVRIR``."""
    autre = os.environ.get("ENTSIM_NOTEBOOKS_A_OUVRIR")
    return Path(autre).resolve() if autre else NOTEBOOKS


NOMS = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


def _manques() -> list[str]:
    manques = []
    if _chromium() is None:
        manques.append("Chromium (paquet Debian « chromium »)")
    for module, paquet in (("jupyterlab", "jupyterlab"), ("playwright", "playwright")):
        if importlib.util.find_spec(module) is None:
            manques.append(f"le paquet Python « {paquet} »")
    return manques


def _attendre_serveur(url: str, processus: subprocess.Popen, journal: Path) -> None:
    """Attend que JupyterLab réponde (API, sans démarrer de noyau)."""
    import urllib.request

    limite = time.monotonic() + ATTENTE_SERVEUR
    while time.monotonic() < limite:
        if processus.poll() is not None:
            pytest.fail(f"JupyterLab s'est arrêté (code {processus.returncode}) :\n"
                        + journal.read_text(errors="replace")[-3000:])
        try:
            with urllib.request.urlopen(url, timeout=2) as reponse:
                if reponse.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail("JupyterLab n'a pas répondu à temps :\n"
                + journal.read_text(errors="replace")[-3000:])


def verifier_outils() -> None:
    """Ignore le test (échec en CI) s'il manque Chromium, JupyterLab ou Playwright."""
    manques = _manques()
    if manques:
        raison = ("Il manque " + " et ".join(manques)
                  + " pour ouvrir les notebooks dans un navigateur.")
        if os.environ.get("CI"):
            pytest.fail(raison + " (obligatoire en CI)")
        pytest.skip(raison)


@contextlib.contextmanager
def serveur_jupyterlab(base: Path, notebooks: dict[str, Path]):
    """JupyterLab servant une COPIE de ``notebooks`` (nom -> fichier) dans ``base/cours`` ;
    rend (adresse, jeton, dossier) ; le serveur (et ses noyaux) est toujours arrêté. Les
    dossiers de configuration et d'exécution de Jupyter sont ceux de ``base`` (le fichier de
    préférences d'entsim, dans le dossier d'exécution, ne fuit pas d'un test à l'autre)."""
    cours = base / "cours"
    cours.mkdir()
    for nom, source in notebooks.items():
        assert source.exists(), f"notebook absent : {source}"
        shutil.copyfile(source, cours / nom)
    reglages = base / "reglages"
    for chemin, valeurs in REGLAGES.items():
        (reglages / chemin).parent.mkdir(parents=True, exist_ok=True)
        (reglages / chemin).write_text(json.dumps(valeurs), encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(RACINE), env.get("PYTHONPATH")]))
    env.pop("ENTSIM_PREFERENCES", None)
    for variable, dossier in (("JUPYTER_CONFIG_DIR", "config"),
                              ("JUPYTER_RUNTIME_DIR", "runtime")):
        (base / dossier).mkdir()
        env[variable] = str(base / dossier)
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    port, jeton = _port_libre(), secrets.token_hex(16)
    commande = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
                "--ServerApp.ip=127.0.0.1", f"--ServerApp.token={jeton}",
                f"--ServerApp.root_dir={cours}", f"--LabApp.user_settings_dir={reglages}",
                f"--LabApp.workspaces_dir={base / 'espaces'}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        commande.append("--allow-root")
    journal = base / "jupyterlab.log"
    with open(journal, "wb") as sortie:
        processus = subprocess.Popen(commande, cwd=cours, env=env, stdout=sortie,
                                     stderr=subprocess.STDOUT, start_new_session=True)
    try:
        racine = f"http://127.0.0.1:{port}"
        _attendre_serveur(f"{racine}/api/status?token={jeton}", processus, journal)
        yield racine, jeton, cours
    finally:
        _arreter(processus)


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """JupyterLab servant une COPIE des notebooks (dossier temporaire) ; arrêté à la fin."""
    verifier_outils()
    base = tmp_path_factory.mktemp("jupyterlab")
    with serveur_jupyterlab(base, {nom: dossier_des_notebooks() / nom for nom in NOMS}) \
            as serveur:
        yield serveur


@pytest.fixture(scope="module")
def navigateur(jupyterlab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=_chromium(), args=OPTIONS_CHROMIUM)
        try:
            yield chromium
        finally:
            chromium.close()


def _sorties_du_fichier(chemin: Path) -> tuple[int, int]:
    """(nombre de schémas, nombre de sorties non vides) enregistrés dans le notebook."""
    schemas = sorties = 0
    for cellule in json.loads(chemin.read_text(encoding="utf-8"))["cells"]:
        for sortie in cellule.get("outputs", []):
            sorties += 1
            donnees = sortie.get("data", {})
            html = "".join(donnees.get("text/html", ""))
            if "image/svg+xml" in donnees or any(m in html for m in SCHEMA_DANS_LE_FICHIER):
                schemas += 1
    return schemas, sorties


def _ouvrir_sans_executer(page, racine: str, jeton: str, nom: str) -> list[dict]:
    """Ouvre le notebook (sans rien exécuter) et attend que ses sorties soient affichées :
    leur nombre et leurs images ne changent plus pendant une seconde (attente bornée)."""
    page.goto(f"{racine}/lab/tree/{nom}?token={jeton}&reset",
              timeout=ATTENTE_PAGE * 1000, wait_until="domcontentloaded")
    page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell",
                           timeout=ATTENTE_PAGE * 1000)
    limite = time.monotonic() + ATTENTE_SORTIES
    precedent, stables = None, 0
    while time.monotonic() < limite:
        sorties = page.evaluate(LIRE_SORTIES)
        etat = (len(sorties), sum(s["images"] for s in sorties))
        stables = stables + 1 if etat == precedent and etat[0] > 0 else 0
        if stables >= 4:
            return sorties
        precedent = etat
        time.sleep(0.25)
    return page.evaluate(LIRE_SORTIES)


@pytest.mark.parametrize("nom", NOMS)
def test_notebook_ouvert_sans_execution(jupyterlab, navigateur, tmp_path, nom):
    racine, jeton, cours = jupyterlab
    schemas_attendus, sorties_enregistrees = _sorties_du_fichier(cours / nom)
    page = navigateur.new_page(viewport={"width": LARGEUR, "height": HAUTEUR}, locale="fr-FR")
    try:
        sorties = _ouvrir_sans_executer(page, racine, jeton, nom)
        if sorties_enregistrees:
            assert sorties, f"{nom} : aucune sortie affichée ({sorties_enregistrees} enregistrées)"
        widgets_en_code = [s["texte"][:120] for s in sorties
                           if any(m in s["texte"] for m in WIDGET_EN_CODE)]
        assert not widgets_en_code, (
            f"{nom} : widget affiché en code Python (réexécuter le notebook ?) : "
            f"{widgets_en_code}")
        schemas_en_mots = [s["texte"][:120] for s in sorties if SCHEMA_EN_MOTS.search(s["texte"])]
        assert not schemas_en_mots, f"{nom} : schéma affiché en mots : {schemas_en_mots}"
        images = sum(s["images"] for s in sorties)
        assert images >= schemas_attendus, (
            f"{nom} : {schemas_attendus} schémas enregistrés, {images} affichés en image")
        page.evaluate(MONTRER_PREMIERE_SORTIE)
        capture = _enregistrer(page, f"notebook_{Path(nom).stem}_ouvert.png", tmp_path)
    finally:
        page.close()
    assert capture.stat().st_size > 10_000, f"capture vide : {capture}"


#: Attente maximale de l'exécution de toutes les cellules d'un notebook (secondes).
ATTENTE_EXECUTION = 900

#: Vrai quand le noyau a fini : indicateur d'exécution « idle » et aucune cellule « [*] ».
EXECUTION_FINIE = """() => {
  const panneau = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const indicateur = panneau.querySelector('.jp-Notebook-ExecutionIndicator');
  const enCours = [...panneau.querySelectorAll('.jp-InputArea-prompt')]
      .some(e => e.textContent.includes('*'));
  return indicateur && indicateur.dataset.status === 'idle' && !enCours;
}"""

#: Pour la capture : le premier widget affiché (vue d'ipywidgets), sinon le premier schéma.
MONTRER_PREMIER_WIDGET = """() => {
  const panneau = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const premier = panneau.querySelector('.jp-OutputArea-output .jupyter-widgets')
      || panneau.querySelector('.jp-OutputArea-output img[src^="data:image/svg+xml"]');
  if (premier) premier.scrollIntoView({block: 'start'});
}"""


def executer_toutes_les_cellules(page) -> None:
    """Exécute chaque cellule dans la page (Maj + Entrée, quelle que soit la langue de
    l'interface), puis attend la fin du noyau (attente bornée)."""
    panneau = ".jp-NotebookPanel:not(.lm-mod-hidden)"
    page.wait_for_selector(f"{panneau} .jp-Notebook-ExecutionIndicator[data-status='idle']",
                           state="attached", timeout=ATTENTE_PAGE * 1000)
    nombre = page.locator(f"{panneau} .jp-Cell").count()
    page.click(f"{panneau} .jp-Cell .jp-InputArea-prompt")
    for _ in range(nombre):
        page.keyboard.press("Shift+Enter")
    limite = time.monotonic() + ATTENTE_EXECUTION
    stables = 0
    while time.monotonic() < limite and stables < 4:
        stables = stables + 1 if page.evaluate(EXECUTION_FINIE) else 0
        time.sleep(0.5)
    assert stables >= 4, f"les cellules n'ont pas fini en {ATTENTE_EXECUTION} s"
    time.sleep(1)     # les vues des widgets se dessinent après la réponse du noyau


@pytest.mark.parametrize("nom", NOMS)
def test_notebook_execute_dans_la_page(jupyterlab, navigateur, tmp_path, nom):
    """Chaque notebook exécuté dans JupyterLab : aucun « Error displaying widget » (décalage
    entre ipywidgets et son code JavaScript, visible seulement dans un navigateur), aucun
    widget resté en texte de repli ; capture du notebook exécuté ; puis, en mode projection,
    les mesures de tests/mesures_navigateur.py (texte et schémas d'au moins 18 px, rien de
    coupé, aucun mot cassé)."""
    racine, jeton, _cours = jupyterlab
    page = navigateur.new_page(viewport={"width": LARGEUR, "height": HAUTEUR}, locale="fr-FR")
    try:
        _ouvrir_sans_executer(page, racine, jeton, nom)
        executer_toutes_les_cellules(page)
        texte = "\n".join(s["texte"] for s in page.evaluate(LIRE_SORTIES))
        for interdit in ("Error displaying widget", "model not found"):
            assert interdit not in texte, f"{nom} : « {interdit} » après exécution"
        assert "exécutez la cellule (Maj + Entrée)" not in texte, (
            f"{nom} : un widget est resté en texte de repli après exécution")
        page.evaluate(MONTRER_PREMIER_WIDGET)
        time.sleep(0.5)
        capture = _enregistrer(page, f"notebook_{Path(nom).stem}_execute.png", tmp_path)
        # Mode projection : la feuille de style que pose la barre de commencer() (un
        # <style> vaut pour toute la page), puis les mesures de l'issue 15.
        page.add_style_tag(content=FEUILLE_SORTIES + FEUILLE_PROJECTION)
        time.sleep(1)
        verifier_la_projection(page, nom)
    finally:
        page.close()
    assert capture.stat().st_size > 10_000, f"capture vide : {capture}"
