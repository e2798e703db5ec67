"""Correction : défauts de fichiers et de tenue du carnet (issue 14, section 4).

Chaque test montre un défaut qu'un professeur remarquerait (accents abîmés, copie comptée
comme dépassant le délai, note manuelle ignorée sans le dire, nom d'élève illisible, copie
en double comptée deux fois) ; il échouait avant la correction du défaut.
"""

from __future__ import annotations

import csv
import io
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest

from entsim.correction.dossier import corriger_dossier
from entsim.correction.execution import CelluleAExecuter, executer_cellules
from entsim.correction.lecture import lire_octets
from entsim.correction.resultats import nombre
from entsim_corrige import fiche_corrigee as fiche
from entsim.questions.types_de_questions.question_ouverte import QuestionOuverte
from test_correction import _fabriquer, _lire_csv   # aides partagées (tests/ sur le chemin)

RACINE = Path(__file__).resolve().parents[1]


def _juste1(fabriquer) -> dict:
    return fabriquer.repondre(fabriquer.charger(RACINE / "exercises" / "partie1.ipynb"),
                              fabriquer.charger(RACINE / "solutions" / "partie1.ipynb"))


# ---------------------------------------------------------------------------------------
# 1. Envoi coupé au milieu d'un caractère accentué
# ---------------------------------------------------------------------------------------

def test_un_envoi_coupe_au_milieu_d_un_accent_reste_lu_en_utf8():
    fabriquer = _fabriquer()
    nb = _juste1(fabriquer)
    octets = fabriquer.texte_notebook(nb).encode("utf-8")
    # Une coupure au milieu du « é » (2 octets) d'un mot situé après les réponses q1a et q1b.
    debut = octets.index("reponse_q1c".encode())
    position = octets.index("é".encode(), debut) + 1
    lu = lire_octets(octets[:position])
    assert not lu.complet
    assert not any("encodage" in a for a in lu.anomalies), lu.anomalies
    assert any("JSON invalide" in a for a in lu.anomalies)
    originales = [fabriquer.source(c) for c in nb["cells"]]
    for cellule in lu.cellules:
        assert cellule.source == originales[cellule.numero]   # accents intacts
    assert "Médiacentre" in "".join(c.source for c in lu.cellules)


# ---------------------------------------------------------------------------------------
# 2. Un fil d'exécution laissé en marche par l'élève
# ---------------------------------------------------------------------------------------

def test_un_fil_laisse_en_marche_ne_coute_pas_le_delai_total():
    debut = time.monotonic()
    execution = executer_cellules([
        CelluleAExecuter(0, "import threading, time\n"
                            "threading.Thread(target=time.sleep, args=(60,)).start()\n"
                            "reponse_q1 = 'fini'", ("reponse_q1",)),
    ], ["reponse_q1"], delai_par_cellule=5, delai_total=15)
    duree = time.monotonic() - debut
    assert execution.terminee, execution.interruption
    assert execution.valeurs["reponse_q1"] == "fini"
    assert duree < 10, f"{duree:.1f} s : la correction a attendu le fil de l'élève"


# ---------------------------------------------------------------------------------------
# 3. notes_manuelles.csv réenregistré par Excel (Windows-1252), noms décomposés (macOS)
# ---------------------------------------------------------------------------------------

LUKASZ = "partie1 Łukasz Wójcik.ipynb"
HELENE_NFD = unicodedata.normalize("NFD", "partie1 Hélène Roux.ipynb")
LEA = "partie1 Léa Martin.ipynb"


@pytest.fixture()
def dossier_notes(tmp_path):
    fabriquer = _fabriquer()
    rendus = tmp_path / "rendus"
    rendus.mkdir()
    texte = fabriquer.texte_notebook(_juste1(fabriquer))
    for nom in (LUKASZ, HELENE_NFD, LEA):
        (rendus / nom).write_text(texte, encoding="utf-8")
    return rendus


def _ouverte():
    return next(q for q in fiche("partie1").questions if isinstance(q, QuestionOuverte))


def _excel(chemin: Path, lignes: list[tuple[str, str, str]], *, garder: bool = True) -> None:
    """Le professeur saisit des notes puis Excel enregistre en « CSV (point-virgule) » :
    Windows-1252, un « ? » à la place de chaque caractère que cet encodage n'a pas."""
    texte = chemin.read_bytes().decode("utf-8-sig")
    lus = list(csv.reader(io.StringIO(texte, newline=""), delimiter=";"))
    entete, anciennes = lus[0], lus[1:] if garder else []
    col = {nom: entete.index(nom) for nom in ("fichier", "question", "note")}
    for fichier, question, note in lignes:
        ligne = next((l for l in anciennes if l[col["fichier"]] == fichier
                      and l[col["question"]] == question), None)
        if ligne is None:
            ligne = [""] * len(entete)
            ligne[col["fichier"]], ligne[col["question"]] = fichier, question
            anciennes.append(ligne)
        ligne[col["note"]] = note
    tampon = io.StringIO(newline="")
    csv.writer(tampon, delimiter=";", lineterminator="\r\n").writerows([entete, *anciennes])
    chemin.write_bytes(tampon.getvalue().encode("cp1252", errors="replace"))


def test_une_note_enregistree_par_excel_pour_un_nom_hors_windows_1252_est_comptee(
        dossier_notes):
    q = _ouverte()
    carnet = corriger_dossier(dossier_notes)
    avant = carnet.rendu(LUKASZ).total
    _excel(carnet.chemin_notes_manuelles, [(LUKASZ, q.id, "2")])
    assert "?ukasz" in carnet.chemin_notes_manuelles.read_bytes().decode("cp1252")
    carnet = corriger_dossier(dossier_notes)
    assert carnet.rendu(LUKASZ).correction(q.id).points == 2
    assert carnet.rendu(LUKASZ).total == avant + 2
    # Le fichier réécrit retrouve le vrai nom (UTF-8), sans ligne en double.
    lignes = _lire_csv(carnet.chemin_notes_manuelles)
    assert [(l["fichier"], l["note"]) for l in lignes if l["question"] == q.id
            and "ukasz" in l["fichier"]] == [(LUKASZ, "2")]


@pytest.mark.parametrize("ecrit", [
    unicodedata.normalize("NFC", HELENE_NFD),                      # tapé ou recomposé
    HELENE_NFD.encode("cp1252", errors="replace").decode("cp1252"),  # « He?le?ne » (Excel)
])
def test_une_note_pour_un_nom_de_fichier_a_accents_decomposes_est_comptee(dossier_notes,
                                                                          ecrit):
    q = _ouverte()
    carnet = corriger_dossier(dossier_notes)
    _excel(carnet.chemin_notes_manuelles, [(ecrit, q.id, "1")], garder=False)
    carnet = corriger_dossier(dossier_notes)
    assert carnet.rendu(HELENE_NFD).correction(q.id).points == 1
    assert not any("aucun fichier" in a for a in carnet.avertissements)


def test_une_note_sans_fichier_rendu_est_signalee(dossier_notes):
    q = _ouverte()
    carnet = corriger_dossier(dossier_notes)
    _excel(carnet.chemin_notes_manuelles, [("partie1 Inconnu Absent.ipynb", q.id, "3"),
                                           ("partie1 Sans Note.ipynb", q.id, "")])
    carnet = corriger_dossier(dossier_notes)
    orphelines = [a for a in carnet.avertissements if "aucun fichier rendu" in a]
    assert len(orphelines) == 1 and "partie1 Inconnu Absent.ipynb" in orphelines[0]
    assert "partie1 Inconnu Absent.ipynb" in carnet.resume()


def test_chaque_nouvelle_note_qui_change_une_note_est_a_confirmer(dossier_notes):
    f1 = fiche("partie1")
    q = _ouverte()
    revue = next(x for x in f1.questions if not isinstance(x, QuestionOuverte)
                 and x.points >= 1.5)
    carnet = corriger_dossier(dossier_notes)
    assert carnet.a_confirmer == ()
    _excel(carnet.chemin_notes_manuelles, [(LEA, q.id, "2"),
                                           (LEA, revue.id, "0,5"),
                                           # même note que l'automatique : rien ne change
                                           (LUKASZ, revue.id,
                                            f"{revue.points:g}".replace(".", ","))])
    carnet = corriger_dossier(dossier_notes)
    confirmer = carnet.a_confirmer
    assert len(confirmer) == 2, confirmer
    assert any(LEA in c and q.id in c for c in confirmer)
    assert any(LEA in c and revue.id in c and "0,5" in c for c in confirmer)
    assert not any(LUKASZ in c for c in confirmer)
    page = carnet.chemin_synthese.read_text(encoding="utf-8")
    assert "à confirmer" in page and "Léa Martin" in page
    assert "à confirmer" in carnet.resume()
    # Déjà là à la correction précédente : plus rien à confirmer.
    assert corriger_dossier(dossier_notes).a_confirmer == ()


# ---------------------------------------------------------------------------------------
# 4. Réponse tapée dans la cellule de vérification ; chemins zip avec « \ »
# ---------------------------------------------------------------------------------------

def _cellule(nb: dict, qid: str, role: str) -> dict:
    fabriquer = _fabriquer()
    return next(c for c in nb["cells"] if fabriquer.role(c) == (qid, role))


def test_une_reponse_tapee_dans_la_cellule_de_verification_est_relue_et_signalee(tmp_path):
    fabriquer = _fabriquer()
    nb = fabriquer.charger(RACINE / "exercises" / "partie1.ipynb")
    for qid, ligne in (("q1e", 'reponse_q1e = "B"'), ("q1f", "reponse_q1f = 10 + 7")):
        verification = _cellule(nb, qid, "verification")
        fabriquer.mettre_source(verification, ligne + "\n" + fabriquer.source(verification))
    rendus = tmp_path / "rendus"
    rendus.mkdir()
    (rendus / "partie1 Tom Petit.ipynb").write_text(fabriquer.texte_notebook(nb),
                                                    encoding="utf-8")
    rendu = corriger_dossier(rendus, tmp_path / "sortie").rendus[0]
    assert rendu.correction("q1e").statut == "juste", rendu.correction("q1e")
    assert "cellule de vérification" in rendu.raison and "q1e" in rendu.raison
    # Une réponse calculée n'est pas exécutée depuis la vérification, mais elle est signalée.
    assert rendu.correction("q1f").statut == "vide"
    assert "q1f" in rendu.raison and "à la main" in rendu.raison


def test_les_chemins_zip_avec_des_barres_obliques_inverses_donnent_le_nom_de_l_eleve(
        tmp_path):
    fabriquer = _fabriquer()
    rendus = tmp_path / "rendus"
    rendus.mkdir()
    with zipfile.ZipFile(rendus / "casier.zip", "w") as archive:
        archive.writestr(zipfile.ZipInfo("Rendus\\Tom PETIT\\partie1.ipynb"),
                         fabriquer.texte_notebook(_juste1(fabriquer)))
    rendu = corriger_dossier(rendus, tmp_path / "sortie").rendus[0]
    assert rendu.eleve == "Tom PETIT"
    assert rendu.fichier == "casier.zip/Rendus/Tom PETIT/partie1.ipynb"
    assert rendu.statut == "corrige"


# ---------------------------------------------------------------------------------------
# 5. Deux copies du même élève
# ---------------------------------------------------------------------------------------

def test_deux_copies_du_meme_eleve_sont_signalees_et_comptees_une_fois(tmp_path):
    fabriquer = _fabriquer()
    rendus = tmp_path / "rendus"
    rendus.mkdir()
    juste = fabriquer.texte_notebook(_juste1(fabriquer))
    vide = (RACINE / "exercises" / "partie1.ipynb").read_text(encoding="utf-8")
    (rendus / "partie1 Léa Martin.ipynb").write_text(juste, encoding="utf-8")
    (rendus / "MARTIN Léa - partie1 (2).ipynb").write_text(vide, encoding="utf-8")
    (rendus / "partie1 Hugo Bernard.ipynb").write_text(vide, encoding="utf-8")
    carnet = corriger_dossier(rendus, tmp_path / "sortie")
    premiere = carnet.rendu("partie1 Léa Martin.ipynb")
    seconde = carnet.rendu("MARTIN Léa - partie1 (2).ipynb")
    assert "en double" in premiere.raison and "MARTIN Léa - partie1 (2).ipynb" in premiere.raison
    assert "en double" in seconde.raison and "partie1 Léa Martin.ipynb" in seconde.raison
    assert not carnet.rendu("partie1 Hugo Bernard.ipynb").raison.count("double")
    # Une copie en double est un problème à vérifier (synthèse, colonne « catégorie »).
    assert premiere.categorie == seconde.categorie == "problème"
    assert [r.code for r in seconde.problemes] == ["copie_en_double", "aucune_reponse"]
    # Moyenne de la classe : deux élèves, Léa comptée une fois (sa meilleure copie).
    moyenne = nombre(premiere.total / 2)
    page = carnet.chemin_synthese.read_text(encoding="utf-8")
    assert f"moyenne {moyenne} / {nombre(fiche('partie1').points)}" in page, moyenne


@pytest.mark.parametrize("uid, averti", [(0, True), (1000, False)])
def test_une_correction_lancee_en_administrateur_est_signalee(dossier_notes, monkeypatch,
                                                              uid, averti):
    """Le noyau Linux n'applique pas RLIMIT_NPROC à root (revue d'attaque, session 4) : la
    synthèse le dit au professeur quand la correction tourne en administrateur."""
    import os
    monkeypatch.setattr(os, "geteuid", lambda: uid, raising=False)
    carnet = corriger_dossier(dossier_notes)
    assert any("administrateur (root)" in a for a in carnet.avertissements) is averti
    assert ("administrateur (root)" in carnet.resume()) is averti
