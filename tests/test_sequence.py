"""Le guide de la séquence (docs/SEQUENCE.md, issue 16, § 3) reste fidèle au cours.

Il couvre les 17 questions ; chaque notebook qu'il nomme existe et chaque notebook du cours y
est nommé ; chaque section qu'il cite (§ « titre ») est un titre du notebook de sa séance ;
chaque séance tient en 55 minutes, sans trou ; chaque réponse courte de son corrigé
(`reponse_q… = …`) est jugée juste par le corrigé des fiches, et chaque question des fiches
y figure.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import pytest

RACINE = Path(__file__).resolve().parents[1]
SEQUENCE = RACINE / "docs" / "SEQUENCE.md"
TEXTE = SEQUENCE.read_text(encoding="utf-8")
NOTEBOOKS = RACINE / "notebooks"
ENONCES = RACINE / "entsim" / "questions" / "enonces"
TYPES_FERMES = {"QCM", "Classement", "MiseEnOrdre", "Numerique"}


def en_une_ligne(texte: str) -> str:
    return re.sub(r"\s+", " ", texte)


def notebooks_nommes(texte: str) -> set[str]:
    """Les noms de notebooks cités : `notebooks/02_….ipynb` ou `02_…` entre accents graves."""
    noms = set(re.findall(r"notebooks/(\d\d[a-z]?_[a-z_]+)\.ipynb", texte))
    noms |= set(re.findall(r"`(\d\d[a-z]?_[a-z_]+)`", texte))
    return noms


def titres(nom: str) -> set[str]:
    notebook = nbformat.read(NOTEBOOKS / f"{nom}.ipynb", as_version=4)
    resultat = set()
    for cellule in notebook.cells:
        if cellule.cell_type == "markdown":
            for ligne in cellule.source.splitlines():
                if ligne.startswith("#"):
                    resultat.add(ligne.lstrip("#").strip().replace("*", ""))
    return resultat


def seances() -> list[tuple[str, str]]:
    """(titre, texte) de chaque « ### Séance N — … »."""
    morceaux = re.split(r"^### (Séance \d+[^\n]*)\n", TEXTE, flags=re.M)
    fin = [m.split("\n## ")[0] for m in morceaux[2::2]]
    return list(zip(morceaux[1::2], fin))


def test_les_17_questions_sont_couvertes():
    absentes = [n for n in range(1, 18) if not re.search(rf"\bQ{n}\b", TEXTE)]
    assert absentes == []
    for n in range(1, 18):                       # et chacune a son corrigé
        assert re.search(rf"^\*\*Q{n}\. ", TEXTE, flags=re.M), f"corrigé de Q{n}"


def test_chaque_notebook_nomme_existe_et_chaque_notebook_est_nomme():
    nommes = notebooks_nommes(TEXTE)
    existants = {p.stem for p in NOTEBOOKS.glob("*.ipynb")}
    assert nommes - existants == set(), "notebooks nommés mais absents"
    assert existants - nommes == set(), "notebooks du cours absents du guide"


def test_chaque_fiche_nommee_existe_et_chaque_fiche_est_nommee():
    nommees = set(re.findall(r"exercises/([a-z0-9_]+)\.ipynb", TEXTE))
    existantes = {p.stem for p in (RACINE / "exercises").glob("*.ipynb")}
    assert nommees == existantes


def test_le_guide_est_lie_depuis_le_readme_et_le_guide_de_l_enseignant():
    assert "(docs/SEQUENCE.md)" in (RACINE / "README.md").read_text(encoding="utf-8")
    assert "(SEQUENCE.md)" in (RACINE / "docs" / "ENSEIGNANTS.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("titre", "texte"), seances(), ids=[t for t, _ in seances()])
def test_chaque_section_citee_existe_dans_le_notebook_de_la_seance(titre, texte):
    texte = en_une_ligne(texte)
    disponibles = set().union(*[titres(nom) for nom in notebooks_nommes(texte)
                                if (NOTEBOOKS / f"{nom}.ipynb").exists()])
    citations = [m.start() for m in re.finditer("§ « ", texte)]
    assert citations, f"{titre} : aucune section citée"
    for debut in citations:
        suite = texte[debut + len("§ « "):]
        assert any(suite.startswith(t + " »") for t in disponibles), \
            f"{titre} : section introuvable : {suite[:70]}…"


@pytest.mark.parametrize(("titre", "texte"), seances(), ids=[t for t, _ in seances()])
def test_chaque_seance_dure_55_minutes_sans_trou(titre, texte):
    tranches = [(int(a), int(b)) for a, b in re.findall(r"\*\*(\d+)–(\d+) min\*\*", texte)]
    assert tranches, f"{titre} : pas de déroulé minuté"
    assert tranches[0][0] == 0 and tranches[-1][1] == 55
    for (_, fin), (debut, _) in zip(tranches, tranches[1:]):
        assert fin == debut, f"{titre} : trou ou chevauchement à {fin} min"
    assert "À projeter" in texte and "À rendre" in texte and "Objectifs" in texte


def enonces() -> dict[str, tuple[str, dict]]:
    """Chaque question publique : son identifiant → (fiche, énoncé JSON)."""
    resultat = {}
    for chemin in sorted(ENONCES.glob("*.json")):
        fiche = json.loads(chemin.read_text(encoding="utf-8"))
        for question in fiche["questions"]:
            resultat[question["id"]] = (fiche["id"], question)
    return resultat


def test_chaque_question_des_fiches_figure_au_corrige():
    cites = set(re.findall(r"`(q\d+[a-z]?)`", TEXTE))
    assert set(enonces()) - cites == set(), "questions des fiches absentes du corrigé"
    assert cites - set(enonces()) == set(), "questions citées qui n'existent pas"


def test_les_reponses_courtes_du_corrige_sont_justes():
    from entsim_corrige import fiche_corrigee

    questions = enonces()
    reponses = dict(re.findall(r"`reponse_(q\d+[a-z]?) = ([^`]+)`", TEXTE))
    fermees = {q for q, (_, e) in questions.items() if e["type"] in TYPES_FERMES}
    assert fermees - set(reponses) == set(), "questions fermées sans réponse courte"
    for qid, litteral in reponses.items():
        fiche, _ = questions[qid]
        assert fiche_corrigee(fiche).est_juste(qid, ast.literal_eval(litteral)), qid
