"""Les erreurs expliquées en français, telles qu'un élève les voit dans JupyterLab (Chromium).

Le notebook 00 contient deux erreurs faites exprès (section « Et si je me trompe ? »). Ouvert
sans être exécuté (notebook « pas de confiance » : HTML nettoyé par JupyterLab), puis exécuté
dans la page : l'encadré français est visible, avec son titre et la ligne concernée ; le
message d'origine de Python est replié sous « Détails pour le professeur » (``<details>``
fermé) ; la ligne rouge de l'erreur reste sous l'encadré ; les cellules suivantes ont tourné
(la cellule fautive est marquée ``raises-exception`` : JupyterLab n'arrête pas la suite).
Mêmes outils et même serveur que tests/test_navigateur_notebooks.py.
"""

from __future__ import annotations

import re

import pytest

from test_navigateur_notebooks import (HAUTEUR, LARGEUR, NOTEBOOKS,
                                       _ouvrir_sans_executer, executer_toutes_les_cellules,
                                       serveur_jupyterlab, verifier_outils)
from test_navigateur_reel import OPTIONS_CHROMIUM, _chromium, _enregistrer

pytestmark = pytest.mark.lent

NOM = "00_demarrage.ipynb"

#: Chaque encadré : son titre, sa ligne soulignée, son pli « détails » (ouvert ou non), et la
#: sortie d'erreur (rouge) qui le suit dans la même cellule.
LIRE_ENCADRES = """() => [...document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .entsim-erreur')].map(e => {
  const cellule = e.closest('.jp-Cell');
  const details = e.querySelector('details');
  const rect = e.getBoundingClientRect();
  return {
    texte: e.innerText,
    visible: rect.width > 200 && rect.height > 40,
    plie: details ? !details.open : null,
    resume: details ? details.querySelector('summary').innerText : '',
    souligne: e.querySelector('u') ? e.querySelector('u').innerText : '',
    erreur: cellule ? [...cellule.querySelectorAll('.jp-OutputArea-output')]
        .map(s => s.innerText).filter(t => t.includes('Error:')).join('\\n') : '',
  };
})"""


#: L'invite (« [12]: ») de chaque cellule de code non vide.
INVITES = """() => [...document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')]
  .filter(c => c.querySelector('.jp-InputArea-editor').innerText.trim())
  .map(c => c.querySelector('.jp-InputArea-prompt').innerText.trim())"""


@pytest.fixture(scope="module")
def page_jupyterlab(tmp_path_factory):
    verifier_outils()
    from playwright.sync_api import sync_playwright

    base = tmp_path_factory.mktemp("erreurs")
    with serveur_jupyterlab(base, {NOM: NOTEBOOKS / NOM}) as (racine, jeton, _cours), \
            sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=_chromium(), args=OPTIONS_CHROMIUM)
        try:
            page = chromium.new_page(viewport={"width": LARGEUR, "height": HAUTEUR},
                                     locale="fr-FR")
            _ouvrir_sans_executer(page, racine, jeton, NOM)
            yield page
        finally:
            chromium.close()


def verifier(encadres: list[dict]) -> None:
    assert len(encadres) == 2, encadres
    nom, syntaxe = encadres
    assert nom["texte"].startswith("⚠ Le nom « nombre_eleve » n'est pas défini")
    assert "Vouliez-vous écrire « nombre_eleves » ?" in nom["texte"]
    assert nom["souligne"] == "nombre_eleve"
    assert syntaxe["texte"].startswith("⚠ Une parenthèse ouverte n'est jamais fermée")
    for encadre in encadres:
        assert encadre["visible"]
        assert encadre["plie"] is True                       # détails repliés
        assert encadre["resume"].startswith("Détails pour le professeur")
        assert "Message de Python" not in encadre["texte"]   # replié : pas lu par l'élève
    assert "NameError: name 'nombre_eleve' is not defined" in nom["erreur"]
    assert "SyntaxError: '(' was never closed" in syntaxe["erreur"]


def test_encadres_enregistres_dans_le_notebook_ouvert(page_jupyterlab, tmp_path):
    verifier(page_jupyterlab.evaluate(LIRE_ENCADRES))
    page_jupyterlab.locator(".entsim-erreur").first.scroll_into_view_if_needed()
    _enregistrer(page_jupyterlab, "erreurs_en_francais_ouvert.png", tmp_path)


def test_encadres_apres_execution_dans_la_page(page_jupyterlab, tmp_path):
    executer_toutes_les_cellules(page_jupyterlab)
    verifier(page_jupyterlab.evaluate(LIRE_ENCADRES))
    # la suite du notebook a tourné malgré les deux erreurs : chaque cellule de code non vide
    # porte un numéro d'exécution (« [ ]: » = pas exécutée, « [*]: » = en cours)
    invites = page_jupyterlab.evaluate(INVITES)
    assert invites and all(re.fullmatch(r"\[\d+\]:", i) for i in invites), invites
    page_jupyterlab.locator(".entsim-erreur").first.scroll_into_view_if_needed()
    _enregistrer(page_jupyterlab, "erreurs_en_francais_execute.png", tmp_path)
