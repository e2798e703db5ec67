"""Fiches : solutions/ est la source unique, exercises/ en est tiré et doit être à jour.

Aller-retour complet : générer → répondre avec les solutions → corriger donne tous les
points ; la fiche vierge donne zéro, sans erreur.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from entsim.questions.exercices import (DEBUT_SOLUTION, IGNORER_SORTIE, PAS_LITTERAL, ErreurFiche,
                           contenu_solution, ecrire_texte, generer_exercice, generer_exercices,
                           lire_notebook, main, reponses_litterales, retirer_solution,
                           retirer_tests_caches, valeur_litterale, verifier_a_jour,
                           verifier_format)
from entsim.questions.types_de_questions.code_a_modifier import CodeAModifier
from entsim.questions.types_de_questions.question_ouverte import QuestionOuverte
from entsim_corrige import fiche_corrigee as fiche

RACINE = Path(__file__).resolve().parents[1]
SOLUTIONS = RACINE / "solutions"
EXERCICES = RACINE / "exercises"
FICHES = ("partie1", "partie2", "partie3_authentification", "partie3_donnees_personnelles",
          "partie3_risques")


def _role(cellule):
    return cellule.metadata.get("entsim", {}).get("role")


def _executer(notebook) -> dict:
    """Exécute les cellules de code dans un espace de noms neuf (hors IPython : rien ne
    s'affiche) et rend cet espace. Nos propres fiches seulement : jamais un rendu d'élève."""
    espace: dict = {"__name__": "__fiche__"}
    with contextlib.redirect_stdout(io.StringIO()):
        for cellule in notebook.cells:
            if cellule.cell_type == "code":
                exec(compile(cellule.source, f"<{cellule.id}>", "exec"), espace)
    return espace


# -- exercises/ à jour et génération déterministe ---------------------------------------------

def test_exercices_a_jour():
    ecarts = verifier_a_jour(SOLUTIONS, EXERCICES)
    assert ecarts == [], "\n".join(map(str, ecarts)) + \
        "\n→ lancez « python -m entsim.questions generer »"


def test_les_fiches_existent():
    for nom in FICHES:
        assert (SOLUTIONS / f"{nom}.ipynb").is_file()
        assert (EXERCICES / f"{nom}.ipynb").is_file()


def test_generation_deterministe(tmp_path):
    premier = tmp_path / "un"
    second = tmp_path / "deux"
    generer_exercices(SOLUTIONS, premier)
    generer_exercices(SOLUTIONS, second)
    for nom in FICHES:
        octets = (premier / f"{nom}.ipynb").read_bytes()
        assert octets == (second / f"{nom}.ipynb").read_bytes()
        assert octets == (EXERCICES / f"{nom}.ipynb").read_bytes()


@pytest.mark.parametrize("nom", FICHES)
def test_exercice_sans_solution_ni_test_cache(nom):
    solution = lire_notebook(SOLUTIONS / f"{nom}.ipynb")
    exercice = lire_notebook(EXERCICES / f"{nom}.ipynb")
    f = fiche(nom)
    texte = (EXERCICES / f"{nom}.ipynb").read_text(encoding="utf-8")
    for marque in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS", "est_juste"):
        assert marque not in texte
    assert exercice.metadata["entsim"] == {"fiche": nom, "version": 1}
    ids_solution = [c.id for c in solution.cells if _role(c) != "corrige"]
    assert [c.id for c in exercice.cells] == ids_solution          # identifiants conservés
    for cellule in exercice.cells:
        role = _role(cellule)
        if role == "reponse":
            qid = cellule.metadata["entsim"]["question"]
            assert f.question(qid).amorce() in cellule.source
            assert cellule.metadata["nbgrader"]["solution"] is True
        if role in ("reponse", "verification", "indice", "bilan"):
            assert cellule.outputs == [] and IGNORER_SORTIE in cellule.metadata["tags"]
    # les réponses modèles n'ont pas fuité dans l'exercice
    for qid, valeur in reponses_litterales(solution).items():
        if isinstance(valeur, str) and len(valeur) > 20:
            assert valeur[:20] not in texte, qid


def test_amorce_francaise():
    exercice = lire_notebook(EXERCICES / "partie1.ipynb")
    reponse = next(c for c in exercice.cells if c.id == "q1a-reponse")
    assert reponse.source == "reponse_q1a = None  # À compléter"
    exercice = lire_notebook(EXERCICES / "partie3_authentification.ipynb")
    code = next(c for c in exercice.cells if c.id == "q16c-reponse")
    assert code.source.startswith("attente = 2  # ← la ligne à modifier\n")


# -- format des solutions ---------------------------------------------------------------------

@pytest.mark.parametrize("nom", FICHES)
def test_solutions_au_format(nom):
    notebook = lire_notebook(SOLUTIONS / f"{nom}.ipynb")
    assert verifier_format(notebook, nom).id == nom
    # la première cellule de code prépare le cours (mode projection, erreurs en français),
    # la deuxième charge la fiche
    premiere, deuxieme = [c for c in notebook.cells if c.cell_type == "code"][:2]
    assert premiere.source == "from entsim.widgets import commencer\ncommencer()"
    assert deuxieme.source == f'from entsim.questions import fiche\nf = fiche("{nom}")'
    for cellule in notebook.cells:
        if cellule.cell_type == "code":
            assert len(cellule.source.split("\n")) <= 12, cellule.id
            assert all(o.get("output_type") != "error" for o in cellule.outputs), cellule.id


@pytest.mark.parametrize("nom", FICHES)
def test_note_francaise_sur_les_marqueurs_dans_le_corrige_seulement(nom):
    solution = lire_notebook(SOLUTIONS / f"{nom}.ipynb")
    note = solution.cells[1]
    assert note.cell_type == "markdown" and _role(note) == "corrige"
    assert "### BEGIN SOLUTION" in note.source and "nbgrader" in note.source
    assert "python -m entsim.questions generer" in note.source
    assert "provisoire" in note.source
    exercice = lire_notebook(EXERCICES / f"{nom}.ipynb")
    assert note.id not in [c.id for c in exercice.cells]


@pytest.mark.parametrize("nom", FICHES)
def test_enonces_des_solutions_a_jour_avec_la_banque(nom):
    """Chaque cellule d'énoncé reprend la consigne de la banque (rien de périmé)."""
    f = fiche(nom)
    for cellule in lire_notebook(SOLUTIONS / f"{nom}.ipynb").cells:
        meta = cellule.metadata.get("entsim", {})
        if meta.get("role") == "enonce":
            assert f.question(meta["question"]).consigne() in cellule.source, meta


def test_partie3_cellules_courtes_et_essai_du_ticket_en_une_ligne():
    solution = lire_notebook(SOLUTIONS / "partie3_authentification.ipynb")
    cellules = {c.id: c for c in solution.cells}
    assert cellules["parcours"].source == \
        'parcours = ent.parcours("lea.martin", "notes", "cahier_de_textes")'
    code = cellules["q16c-reponse"].source.split("\n")
    assert code[-1] == "reponse_q16c = essayer_ticket(ent, attente)"
    # la cellule montre la réponse du serveur CAS (code et message en français)
    sortie = "".join(o.get("text", "") for o in cellules["q16c-reponse"].outputs)
    assert "code INVALID_TICKET" in sortie and "expiré" in sortie
    for cellule in solution.cells:       # les cellules d'exploration tiennent sur l'écran
        if cellule.cell_type == "code" and _role(cellule) is None:
            assert max(len(l) for l in cellule.source.split("\n")) <= 100, cellule.id


# -- aller-retour : générer → répondre → corriger ---------------------------------------------

@pytest.mark.parametrize("nom", FICHES)
def test_reponses_litterales_des_solutions_tous_les_points(nom):
    f = fiche(nom)
    reponses = reponses_litterales(lire_notebook(SOLUTIONS / f"{nom}.ipynb"))
    litterales = [q.id for q in f.questions if not isinstance(q, CodeAModifier)]
    assert sorted(reponses) == sorted(litterales)
    resultat = f.corriger(reponses)
    for c in resultat.corrections:
        if c.question in reponses:
            assert c.statut == ("manuel" if c.question in resultat.ouvertes else "juste"), c


@pytest.mark.parametrize("nom", FICHES)
def test_generer_repondre_corriger(nom):
    """Un élève parfait : il remplace chaque amorce de l'exercice par la solution."""
    solution = lire_notebook(SOLUTIONS / f"{nom}.ipynb")
    exercice = generer_exercice(solution, nom)
    f = fiche(nom)
    sources = {c.id: c.source for c in solution.cells}
    for cellule in exercice.cells:
        if _role(cellule) == "reponse":
            qid = cellule.metadata["entsim"]["question"]
            cellule.source = cellule.source.replace(f.question(qid).amorce(),
                                                    contenu_solution(sources[cellule.id]))
    resultat = f.bilan(_executer(exercice))
    assert resultat.points == resultat.sur_automatique > 0
    assert sorted(resultat.a_corriger_a_la_main()) == sorted(
        q.id for q in f.questions if isinstance(q, QuestionOuverte))


@pytest.mark.parametrize("nom", FICHES)
def test_exercice_vierge_zero_sans_erreur(nom):
    exercice = lire_notebook(EXERCICES / f"{nom}.ipynb")
    resultat = fiche(nom).bilan(_executer(exercice))
    assert resultat.points == 0
    assert {c.statut for c in resultat.corrections} == {"vide"}


# -- fiches mal formées -----------------------------------------------------------------------

def _solution(nom="partie1"):
    return lire_notebook(SOLUTIONS / f"{nom}.ipynb")


def test_region_non_fermee():
    notebook = _solution()
    cellule = next(c for c in notebook.cells if _role(c) == "reponse")
    cellule.source = cellule.source.replace("### END SOLUTION", "")
    with pytest.raises(ErreurFiche, match="jamais fermé"):
        generer_exercice(notebook, "essai")


def test_question_sans_cellule_de_reponse():
    notebook = _solution()
    notebook.cells = [c for c in notebook.cells if c.id != "q1b-reponse"]
    with pytest.raises(ErreurFiche, match="q1b doit avoir exactement une cellule « reponse »"):
        verifier_format(notebook, "essai")


def test_question_inconnue_et_fiche_absente():
    notebook = _solution()
    notebook.cells[3].metadata["entsim"] = {"question": "q42", "role": "enonce"}
    with pytest.raises(ErreurFiche, match="q42"):
        verifier_format(notebook, "essai")
    notebook = _solution()
    del notebook.metadata["entsim"]
    with pytest.raises(ErreurFiche, match="entsim.fiche"):
        verifier_format(notebook, "essai")


def test_verifier_a_jour_signale_les_ecarts(tmp_path):
    solutions = tmp_path / "solutions"
    exercices = tmp_path / "exercises"
    shutil.copytree(SOLUTIONS, solutions)
    generer_exercices(solutions, exercices)
    assert verifier_a_jour(solutions, exercices) == []
    # une solution modifiée rend l'exercice périmé
    notebook = lire_notebook(solutions / "partie1.ipynb")
    notebook.cells[0].source += "\n\nUne phrase ajoutée."
    (solutions / "partie1.ipynb").write_text(ecrire_texte(notebook), encoding="utf-8")
    (exercices / "autre.ipynb").write_text("{}", encoding="utf-8")
    (exercices / "partie3_authentification.ipynb").unlink()
    problemes = [str(e) for e in verifier_a_jour(solutions, exercices)]
    assert any("partie1.ipynb : pas à jour" in p for p in problemes)
    assert any("partie3_authentification.ipynb : fichier absent" in p for p in problemes)
    assert any("autre.ipynb : exercice sans fiche corrigée" in p for p in problemes)
    assert main(["verifier", "--solutions", str(solutions), "--exercices", str(exercices)]) == 1
    assert main(["generer", "--solutions", str(solutions), "--exercices", str(exercices)]) == 0
    (exercices / "autre.ipynb").unlink()
    assert main(["verifier", "--solutions", str(solutions), "--exercices", str(exercices)]) == 0


def test_commande_python_m():
    sortie = subprocess.run([sys.executable, "-m", "entsim.questions", "verifier"], cwd=RACINE,
                            capture_output=True, text=True, timeout=120)
    assert sortie.returncode == 0, sortie.stderr
    assert "à jour" in sortie.stdout


def test_dossier_absent_message_francais(tmp_path):
    with pytest.raises(ErreurFiche, match="introuvable"):
        generer_exercices(tmp_path / "rien", tmp_path / "ex")


# -- régions et littéraux ---------------------------------------------------------------------

def test_regions():
    source = "a = 1\n    ### BEGIN SOLUTION\n    x = 2\n    ### END SOLUTION\nb = 3"
    assert retirer_solution(source, "x = None  # À compléter") == \
        "a = 1\n    x = None  # À compléter\nb = 3"
    assert contenu_solution(source) == "    x = 2"
    source = 'f.verifier("q1", r)\n### BEGIN HIDDEN TESTS\nassert 1\n### END HIDDEN TESTS\n'
    assert retirer_tests_caches(source) == 'f.verifier("q1", r)'
    with pytest.raises(ErreurFiche):
        retirer_solution("### END SOLUTION", "x")
    assert DEBUT_SOLUTION == "### BEGIN SOLUTION"


def test_valeur_litterale_n_execute_rien(tmp_path):
    temoin = tmp_path / "temoin"
    source = f"reponse_q1 = __import__('pathlib').Path({str(temoin)!r}).touch()"
    assert valeur_litterale(source, "reponse_q1") is PAS_LITTERAL
    assert not temoin.exists()
    assert valeur_litterale('reponse_q1 = {"a": [1, "B"]}', "reponse_q1") == {"a": [1, "B"]}
    assert valeur_litterale("reponse_q1 = (", "reponse_q1") is PAS_LITTERAL
    assert valeur_litterale('reponse_q1 = """texte\nsur deux lignes"""', "reponse_q1") == \
        "texte\nsur deux lignes"
