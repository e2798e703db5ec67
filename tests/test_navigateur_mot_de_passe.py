"""Le champ « mot de passe inventé » du notebook 04a, dans un vrai JupyterLab (Chromium) :
le mot de passe tapé est jugé, le champ se vide, et le fichier enregistré ne le contient pas
— même avec l'enregistrement de l'état des widgets activé (réglage « saveState »)."""

from __future__ import annotations

import json
import time

import nbformat
import pytest

from test_navigateur_notebooks import (ATTENTE_PAGE, REGLAGES, _ouvrir_sans_executer,
                                       executer_toutes_les_cellules, serveur_jupyterlab,
                                       verifier_outils)
from test_navigateur_reel import OPTIONS_CHROMIUM, _chromium

pytestmark = pytest.mark.lent   # vrai navigateur

SECRET = "Velo-Rouge-Lune-2031"
NOM = "essai_mot_de_passe.ipynb"


def test_le_mot_de_passe_tape_est_juge_puis_efface_et_jamais_enregistre(tmp_path, monkeypatch):
    verifier_outils()
    from playwright.sync_api import sync_playwright

    source = tmp_path / NOM
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from entsim import ENT\nent = ENT.demo()"),
                nbformat.v4.new_code_cell("from entsim.widgets.mot_de_passe import "
                                          "EssaiMotDePasse\nEssaiMotDePasse(ent)")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, source)
    # l'état des widgets enregistré dans le fichier : le cas le plus défavorable
    reglages = dict(REGLAGES)
    reglages["@jupyter-widgets/jupyterlab-manager/plugin.jupyterlab-settings"] = {
        "saveState": True}
    monkeypatch.setattr("test_navigateur_notebooks.REGLAGES", reglages)
    (tmp_path / "serveur").mkdir()
    with serveur_jupyterlab(tmp_path / "serveur", {NOM: source}) as (racine, jeton, cours), \
            sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=_chromium(), args=OPTIONS_CHROMIUM)
        try:
            page = chromium.new_page(viewport={"width": 1200, "height": 900}, locale="fr-FR")
            _ouvrir_sans_executer(page, racine, jeton, NOM)
            executer_toutes_les_cellules(page)
            champ = page.locator("input[type=password]")
            champ.wait_for(timeout=ATTENTE_PAGE * 1000)
            champ.fill(SECRET)
            champ.press("Enter")
            page.wait_for_function("() => document.body.innerText.includes('Politique de "
                                   "l\\'ENT')", timeout=ATTENTE_PAGE * 1000)
            assert champ.input_value() == ""
            texte = page.inner_text(".jp-NotebookPanel:not(.lm-mod-hidden)")
            assert "Estimation réaliste" in texte and SECRET not in texte
            # enregistrer depuis la page (mode commande, Ctrl + S), puis attendre le fichier
            page.click(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell .jp-InputArea-prompt")
            page.keyboard.press("Escape")
            page.keyboard.press("Control+s")
            limite = time.monotonic() + 30
            while time.monotonic() < limite and \
                    "Estimation réaliste" not in (cours / NOM).read_text(encoding="utf-8"):
                time.sleep(0.5)
            page.close()
        finally:
            chromium.close()
        enregistre = (cours / NOM).read_text(encoding="utf-8")
    assert "Estimation réaliste" in enregistre, "le notebook n'a pas été enregistré"
    assert "widgets" in json.loads(enregistre)["metadata"], "état des widgets non enregistré"
    assert SECRET not in enregistre and "Velo-Rouge" not in enregistre
