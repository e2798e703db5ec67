"""Chaque question est posée une fois (issue 16, § 2) : le notebook du cours explore, la fiche
pose les questions et se rend.

Une question d'une fiche ne doit pas être posée aussi dans un notebook du cours (même
identifiant — cellule ``reponse_<id> = …``, ``f.question``, ``f.verifier``, ``f.indice``,
widget d'exercice —, même consigne recopiée, ou même étape d'enquête vérifiée) ; et chaque
question reste à la portée des élèves : sa cellule de réponse est dans la fiche qu'ils
rendent, et un renvoi du cours vers la fiche nomme une question qui existe.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest

from entsim.questions import fiche, fiches_disponibles

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "outils"))

from questions_en_double import doublons  # noqa: E402

NOTEBOOKS = sorted((RACINE / "notebooks").glob("*.ipynb"))


def test_aucune_question_de_fiche_n_est_posee_aussi_dans_le_cours():
    liste = doublons()
    assert liste == [], (
        "Ces questions de fiche sont posées aussi dans un notebook du cours (remplacez le bloc "
        "par un renvoi « ✍️ À vous, dans la fiche ») :\n"
        + "\n".join(f"- {nb} : {qid} ({comment})" for nb, qid, comment in liste))


def test_le_detecteur_trouve_une_question_posee_deux_fois(tmp_path):
    """Le détecteur lui-même : chaque façon de poser une question de fiche est reconnue."""
    consigne = fiche("partie2").question("q5d").enonce
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('reponse_q1a = "BBACDDEE"'),
                nbformat.v4.new_code_cell('ExerciceClassement(f.question("q4a"))'),
                nbformat.v4.new_code_cell('f.indice("q9c")'),
                nbformat.v4.new_code_cell('f.verifier( "q3", reponse)'),
                nbformat.v4.new_markdown_cell(f"**Exercice.** {consigne}"),
                nbformat.v4.new_code_cell('reponse = "x"\n'
                                          'enquetes["parent_curieux_refus"].verifier(reponse)'),
                nbformat.v4.new_code_cell('reponse_q1ab = 3  # pas une question des fiches')]
    nbformat.write(nb, tmp_path / "cours.ipynb")
    trouves = {(qid, comment.split(" ")[1]) for _, qid, comment in doublons(tmp_path)}
    assert trouves == {("q1a", "son"), ("q4a", "son"), ("q9c", "son"), ("q3", "son"),
                       ("q5d", "sa"), ("q17f", "l'étape")}


@pytest.mark.parametrize("fid", fiches_disponibles())
def test_chaque_question_a_sa_cellule_de_reponse_dans_la_fiche_a_rendre(fid):
    """Ce que l'élève ne fait plus dans le cours, il peut le faire dans la fiche : une cellule
    ``reponse_<id> = None`` et sa vérification, pour chaque question de la fiche."""
    cellules = nbformat.read(RACINE / "exercises" / f"{fid}.ipynb", as_version=4).cells
    sources = ["".join(c.source) for c in cellules if c.cell_type == "code"]
    for q in fiche(fid).questions:
        assert any(re.search(rf"(?m)^{q.variable}\s*=", s) for s in sources), (fid, q.id)
        assert any(f'f.verifier("{q.id}", {q.variable})' in s for s in sources), (fid, q.id)


@pytest.mark.parametrize("chemin", NOTEBOOKS, ids=lambda c: c.stem)
def test_les_renvois_du_cours_nomment_une_question_de_la_fiche(chemin):
    """Un renvoi « À vous, dans la fiche `exercises/<id>.ipynb` » nomme des titres de
    questions qui existent dans cette fiche (un titre périmé enverrait l'élève nulle part)."""
    for cellule in nbformat.read(chemin, as_version=4).cells:
        texte = "".join(cellule.source)
        if cellule.cell_type != "markdown" or not texte.startswith("✍️ **À vous, dans la fiche**"):
            continue
        fid = re.search(r"`exercises/(\w+)\.ipynb`", texte).group(1)
        titres = {q.titre for q in fiche(fid).questions}
        nommes = re.findall(r"\*(Question [^*]+)\*", texte)
        assert nommes and set(nommes) <= titres, (chemin.name, texte)


@pytest.mark.parametrize("chemin", NOTEBOOKS, ids=lambda c: c.stem)
def test_le_cours_ne_charge_plus_une_fiche_qu_il_n_utilise_pas(chemin):
    """Une cellule ``f = fiche(…)`` ne sert que si une autre cellule utilise ``f.``."""
    sources = ["".join(c.source) for c in nbformat.read(chemin, as_version=4).cells
               if c.cell_type == "code"]
    charge = any(re.search(r"\bf = fiche\(", s) for s in sources)
    utilise = any(re.search(r"(?<![\w.])f\.\w", s) for s in sources)
    assert utilise or not charge, chemin.name
