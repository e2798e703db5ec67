"""Correction sans serveur : carnet, synthèse, retours, notes manuelles, copies abîmées.

Le corpus ``tests/corpus_rendus/rendus/`` (fabriqué par ``tests/corpus_rendus/fabriquer.py``
à partir des vraies fiches) contient des copies saines et des copies abîmées ;
``tests/corpus_rendus/attendus.json`` dit, pour chacune, ce que la correction doit en dire.
Les délais sont courts ici pour que la suite reste rapide. Après une modification des
fiches (banques de questions, solutions/, exercises/), relancer
``tests/corpus_rendus/fabriquer.py`` pour que le corpus suive.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from entsim.correction.resultats import STATUTS_FICHIER
from entsim.correction.dossier import corriger_dossier
from entsim.correction.notes import lire_note
from entsim.correction.commande import main
from entsim.correction.execution import (CelluleAExecuter, ObjetNonTransmis,
                                         executer_cellules)
from entsim.correction.lecture import (Cellule, NotebookLu, RenduIllisible, analyser_cellule,
                                       lire_notebook, lire_octets, nom_depuis_chemin,
                                       reconnaitre_fiche)
from entsim.socle.erreurs import ErreurENT
from entsim.questions.types_de_questions.question_ouverte import QuestionOuverte
from entsim_corrige import fiche_corrigee as fiche, fiches_disponibles

RACINE = Path(__file__).resolve().parents[1]
CORPUS = RACINE / "tests" / "corpus_rendus" / "rendus"
ATTENDUS = json.loads((RACINE / "tests" / "corpus_rendus" / "attendus.json")
                      .read_text(encoding="utf-8"))
DELAIS = {"delai_par_cellule": 5, "delai_total": 30}


def _fabriquer():
    spec = importlib.util.spec_from_file_location(
        "fabriquer_corpus", RACINE / "tests" / "corpus_rendus" / "fabriquer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lire_csv(chemin: Path) -> list[dict[str, str]]:
    texte = chemin.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(texte, newline=""), delimiter=";"))


def _fichiers(dossier: Path) -> dict[str, bytes]:
    return {str(p.relative_to(dossier)): p.read_bytes()
            for p in sorted(dossier.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    sortie = tmp_path_factory.mktemp("correction_corpus")
    return corriger_dossier(CORPUS, sortie, **DELAIS)


# ---------------------------------------------------------------------------------------
# Le corpus de copies rendues
# ---------------------------------------------------------------------------------------

def test_le_corpus_a_au_moins_vingt_copies_et_chacune_a_sa_ligne(corpus):
    assert len(ATTENDUS) >= 20
    assert sorted(r.fichier for r in corpus.rendus) == sorted(ATTENDUS)
    lignes = _lire_csv(corpus.chemin_carnet)
    assert [l["fichier"] for l in lignes] == [r.fichier for r in corpus.rendus]


@pytest.mark.parametrize("fichier", sorted(ATTENDUS))
def test_chaque_copie_est_corrigee_ou_signalee_avec_sa_raison(corpus, fichier):
    attendu = ATTENDUS[fichier]
    rendu = corpus.rendu(fichier)
    assert rendu.statut == attendu["statut"], (fichier, rendu.raison)
    assert rendu.libelle_statut == STATUTS_FICHIER[attendu["statut"]]
    if rendu.statut not in ("corrige", "autre_fiche"):
        assert rendu.raison, "un fichier non entièrement corrigé dit pourquoi"
    if "eleve" in attendu:
        assert rendu.eleve == attendu["eleve"]
    if "fiche" in attendu:
        assert rendu.fiche == attendu["fiche"]
    if rendu.corrige:
        assert rendu.total is not None and rendu.sur == fiche(rendu.fiche).points
    note = attendu.get("note")
    if note == "complete":
        assert {c.statut for c in rendu.corrections} <= {"juste", "manuel"}
        automatiques = [c for c in rendu.corrections if c.statut != "manuel"]
        assert rendu.total == pytest.approx(sum(c.sur for c in automatiques))
        ouvertes = [q.id for q in fiche(rendu.fiche).questions
                    if isinstance(q, QuestionOuverte)]
        assert list(rendu.a_noter) == ouvertes
    elif note == "nulle":
        assert rendu.total == 0
        assert rendu.a_noter == ()
    for cle, statuts in (("invalides", {"invalide"}), ("justes", {"juste"}),
                         ("faux", {"faux", "partiel"})):
        for qid in attendu.get(cle, []):
            assert rendu.correction(qid).statut in statuts, (qid, rendu.correction(qid))


def test_les_messages_des_copies_abimees_sont_en_francais_et_sans_trace_python(corpus):
    for rendu in corpus.rendus:
        textes = [rendu.raison] + [c.message for c in rendu.corrections]
        for texte in textes:
            assert "Traceback" not in texte and "0x" not in texte
    boucle = corpus.rendu("partie1 Louis Lefèvre.ipynb")
    assert "délai de 5 s par cellule dépassé" in boucle.correction("q1c").message
    exception = corpus.rendu("partie1 Sarah Nguyen.ipynb")
    assert "erreur" in exception.correction("q1d").message
    syntaxe = corpus.rendu("partie1 Maxime Roy.ipynb")
    assert "erreur de syntaxe à la ligne 1" in syntaxe.correction("q1d").message
    tronque = corpus.rendu("partie1 Nathan Roux.ipynb")
    assert "JSON invalide" in tronque.raison and "récupérée" in tronque.raison


def test_la_note_vient_des_reponses_pas_des_sorties_falsifiees(corpus):
    falsifiee = corpus.rendu("partie1 Alice Colin.ipynb")
    assert falsifiee.total == 0
    assert {c.statut for c in falsifiee.corrections} == {"vide"}


def test_le_code_d_eleve_est_execute_et_corrige_comme_les_autres_reponses(corpus):
    # La réponse q1c importe os et liste le dossier courant : exécutée (sous délai), fausse.
    assert corpus.rendu("partie1 Tom Chevalier.ipynb").correction("q1c").statut == "faux"
    # La réponse q1f est calculée avec la bibliothèque : exécutée, juste.
    assert corpus.rendu("partie1 Sarah Nguyen.ipynb").correction("q1f").statut == "juste"


def test_deux_corrections_donnent_des_fichiers_identiques(corpus, tmp_path):
    # Seconde correction : un seul travail à la fois (le résultat ne dépend pas du nombre).
    seconde = corriger_dossier(CORPUS, tmp_path / "seconde", travaux=1, **DELAIS)
    premiers = _fichiers(corpus.dossier_sortie)
    seconds = _fichiers(seconde.dossier_sortie)
    assert sorted(premiers) == sorted(seconds)
    for nom, contenu in premiers.items():
        assert contenu == seconds[nom], nom
    assert "carnet.csv" in premiers and "synthese.html" in premiers
    assert "notes_manuelles.csv" in premiers


def test_le_carnet_s_ouvre_dans_un_tableur_francais(corpus):
    brut = corpus.chemin_carnet.read_bytes()
    assert brut.startswith(b"\xef\xbb\xbf")            # BOM : le tableur reconnaît l'UTF-8
    entete = brut.decode("utf-8-sig").splitlines()[0].split(";")
    assert entete[:3] == ["fichier", "élève", "fiche"]
    # « catégorie » (problème / remarque) ajoutée après « raison » : les autres colonnes
    # gardent leur nom, leur sens et leur ordre.
    assert entete[-6:] == ["total", "sur", "à noter à la main", "statut", "raison",
                           "catégorie"]
    assert "partie1 q1a" in entete and "partie3_authentification q16c" in entete
    ligne = next(l for l in _lire_csv(corpus.chemin_carnet)
                 if l["fichier"] == "partie3_authentification - Inès HADDAD.ipynb")
    assert ligne["total"] == ligne["sur"]
    assert ligne["sur"] == f"{fiche('partie3_authentification').points:g}".replace(".", ",")
    assert ligne["statut"] == "corrigé"


def test_la_synthese_est_une_page_autonome_avec_un_diagramme_par_fiche(corpus):
    page = corpus.chemin_synthese.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page
    assert page.count("<svg") == 2                      # partie1 et partie3
    assert "<script" not in page and "src=" not in page
    for lien in re.findall(r'href="([^"]*)"', page):
        assert lien.startswith("#"), lien              # aucune ressource externe
    assert "Taux de réussite par question" in page
    assert '<h2 id="a-verifier">À vérifier</h2>' in page
    assert "partie9 Adam Perrin.ipynb" in page


def test_un_retour_par_eleve_avec_retours_et_indices(corpus):
    retours = {p.name for p in corpus.dossier_retours.glob("*.html")}
    assert "lea_martin.html" in retours     # mots triés : « MARTIN Léa » → lea_martin
    # « Inès HADDAD » (partie 3) et « Ines Haddad » (archive zip) : le même élève.
    page = (corpus.dossier_retours / "haddad_ines.html").read_text(encoding="utf-8")
    assert page.count("<h2>") == 2
    vide = (corpus.dossier_retours / "bernard_hugo.html").read_text(encoding="utf-8")
    assert f"Note : 0 / {fiche('partie1').points:g}" in vide
    assert "Indices pour retravailler la question" in vide
    # le code d'un indice s'affiche en code, pas entre accents graves (issue 15, § 6)
    assert "<code>ent.catalogue.tableau()</code>" in vide and "`" not in vide
    illisible = (corpus.dossier_retours / "fabre_rose.html").read_text(encoding="utf-8")
    assert "pas pu être corrigé" in illisible and "binaire" in illisible


# ---------------------------------------------------------------------------------------
# Corrigés et exercices de toutes les fiches
# ---------------------------------------------------------------------------------------

def test_exercices_completes_avec_le_corrige_ont_tous_les_points_et_vides_zero(tmp_path):
    fabriquer = _fabriquer()
    rendus = tmp_path / "rendus"
    rendus.mkdir()
    for fid in fiches_disponibles():
        exercice = fabriquer.charger(RACINE / "exercises" / f"{fid}.ipynb")
        solution = fabriquer.charger(RACINE / "solutions" / f"{fid}.ipynb")
        (rendus / f"{fid} complete.ipynb").write_text(
            fabriquer.texte_notebook(fabriquer.repondre(exercice, solution)), encoding="utf-8")
        shutil.copy(RACINE / "exercises" / f"{fid}.ipynb", rendus / f"{fid} vide.ipynb")
        shutil.copy(RACINE / "solutions" / f"{fid}.ipynb", rendus / f"{fid} corrige.ipynb")
    carnet = corriger_dossier(rendus, tmp_path / "sortie", **DELAIS)
    assert len(carnet.rendus) == 3 * len(fiches_disponibles())
    for rendu in carnet.rendus:
        assert rendu.statut == "corrige", (rendu.fichier, rendu.raison)
        ouvertes = {q.id for q in fiche(rendu.fiche).questions
                    if isinstance(q, QuestionOuverte)}
        if rendu.fichier.endswith("vide.ipynb"):
            assert rendu.total == 0
            assert {c.statut for c in rendu.corrections} == {"vide"}
        else:
            for c in rendu.corrections:
                assert c.statut == ("manuel" if c.question in ouvertes else "juste"), c


# ---------------------------------------------------------------------------------------
# Notes manuelles
# ---------------------------------------------------------------------------------------

@pytest.fixture()
def petit_dossier(tmp_path):
    fabriquer = _fabriquer()
    rendus = tmp_path / "rendus"
    rendus.mkdir()
    juste = fabriquer.repondre(fabriquer.charger(RACINE / "exercises" / "partie1.ipynb"),
                               fabriquer.charger(RACINE / "solutions" / "partie1.ipynb"))
    for nom in ("partie1 Léa Martin.ipynb", "partie1 Hugo Bernard.ipynb"):
        (rendus / nom).write_text(fabriquer.texte_notebook(juste), encoding="utf-8")
    return rendus


def _remplir(chemin: Path, notes: dict[tuple[str, str], tuple[str, str]]) -> None:
    """Le professeur saisit des notes dans le tableur puis enregistre (même format)."""
    lignes = _lire_csv(chemin)
    entete = list(lignes[0].keys())
    for ligne in lignes:
        cle = (ligne["fichier"], ligne["question"])
        if cle in notes:
            ligne["note"], ligne["commentaire"] = notes.pop(cle)
    for (fichier, question), (note, commentaire) in notes.items():
        lignes.append({**{c: "" for c in entete}, "fichier": fichier, "question": question,
                       "note": note, "commentaire": commentaire})
    tampon = io.StringIO(newline="")
    ecrivain = csv.DictWriter(tampon, entete, delimiter=";", lineterminator="\r\n")
    ecrivain.writeheader()
    ecrivain.writerows(lignes)
    chemin.write_bytes(tampon.getvalue().encode("utf-8-sig"))


def test_les_notes_manuelles_sont_gardees_et_comptees_a_chaque_correction(petit_dossier):
    f1 = fiche("partie1")
    ouverte, autre_ouverte = [q for q in f1.questions if isinstance(q, QuestionOuverte)][:2]
    revue = next(q for q in f1.questions if not isinstance(q, QuestionOuverte)
                 and q.points >= 1.5)
    automatique = f1.points - sum(q.points for q in f1.questions
                                  if isinstance(q, QuestionOuverte))
    lea, hugo = "partie1 Léa Martin.ipynb", "partie1 Hugo Bernard.ipynb"

    carnet = corriger_dossier(petit_dossier)
    assert carnet.dossier_sortie == petit_dossier / "correction"
    lignes = _lire_csv(carnet.chemin_notes_manuelles)
    ouvertes = [q.id for q in f1.questions if isinstance(q, QuestionOuverte)]
    assert [(l["fichier"], l["question"]) for l in lignes] == \
        [(hugo, q) for q in ouvertes] + [(lea, q) for q in ouvertes]
    assert all(l["note"] == "" and l["commentaire"] == "" for l in lignes)
    assert lignes[0]["sur"] == f"{ouverte.points:g}"
    assert lignes[0]["réponse de l'élève"]                   # le professeur lit la réponse
    assert lignes[0]["repères (pour le professeur)"].startswith("présent : ")
    assert carnet.rendu(lea).total == automatique

    _remplir(carnet.chemin_notes_manuelles, {
        (lea, ouverte.id): ("2,5", "Bien vu pour le cahier de textes."),
        (lea, autre_ouverte.id): (f"{autre_ouverte.points:g}", ""),
        (hugo, ouverte.id): ("beaucoup", "Note illisible"),
        # le professeur revoit aussi une question corrigée automatiquement
        (hugo, revue.id): ("1,5", "Réponse un peu vague."),
    })
    carnet = corriger_dossier(petit_dossier)
    total_lea = automatique + 2.5 + autre_ouverte.points
    assert carnet.rendu(lea).total == total_lea and carnet.rendu(lea).a_noter == ()
    assert carnet.rendu(lea).correction(ouverte.id).points == 2.5
    assert carnet.rendu(lea).correction(ouverte.id).statut == "partiel"
    assert carnet.rendu(lea).correction(autre_ouverte.id).statut == "juste"
    assert carnet.rendu(hugo).correction(revue.id).points == 1.5
    assert ouverte.id in carnet.rendu(hugo).a_noter      # « beaucoup » n'est pas une note
    assert any("beaucoup" in a for a in carnet.avertissements)
    ligne = next(l for l in _lire_csv(carnet.chemin_carnet) if l["fichier"] == lea)
    assert ligne["total"] == f"{total_lea:g}".replace(".", ",")
    assert ligne[f"partie1 {ouverte.id}"] == "2,5"
    retour = (carnet.dossier_retours / "lea_martin.html").read_text(encoding="utf-8")
    assert "Bien vu pour le cahier de textes." in retour

    # Nouvelle copie, nouvelle correction : rien de ce que le professeur a saisi ne se perd.
    shutil.copy(petit_dossier / lea, petit_dossier / "partie1 Zoé Mercier.ipynb")
    avant = _lire_csv(carnet.chemin_notes_manuelles)
    carnet = corriger_dossier(petit_dossier)
    apres = _lire_csv(carnet.chemin_notes_manuelles)
    saisies = {(l["fichier"], l["question"]): (l["note"], l["commentaire"]) for l in avant}
    for l in apres:
        if (l["fichier"], l["question"]) in saisies:
            assert (l["note"], l["commentaire"]) == saisies[(l["fichier"], l["question"])]
    assert set(saisies) < {(l["fichier"], l["question"]) for l in apres}
    assert ("partie1 Zoé Mercier.ipynb", ouverte.id) in {(l["fichier"], l["question"])
                                                         for l in apres}
    assert carnet.rendu(lea).total == total_lea

    # Une copie retirée du dossier : ses notes restent dans le fichier.
    (petit_dossier / lea).unlink()
    carnet = corriger_dossier(petit_dossier)
    restantes = _lire_csv(carnet.chemin_notes_manuelles)
    assert (lea, ouverte.id, "2,5") in {(l["fichier"], l["question"], l["note"])
                                        for l in restantes}
    assert not (carnet.dossier_retours / "lea_martin.html").exists()


def test_un_fichier_de_notes_abime_n_est_jamais_ecrase(petit_dossier):
    carnet = corriger_dossier(petit_dossier)
    contenu = "n'importe quoi;sans les colonnes\r\n1;2\r\n".encode("utf-8")
    carnet.chemin_notes_manuelles.write_bytes(contenu)
    with pytest.raises(ErreurENT, match="colonnes"):
        corriger_dossier(petit_dossier)
    assert carnet.chemin_notes_manuelles.read_bytes() == contenu


def test_lire_note_accepte_la_virgule_et_refuse_le_texte():
    assert lire_note("1,5") == 1.5 and lire_note(" 2 ") == 2 and lire_note("1.25") == 1.25
    assert lire_note("2,5/3") == 2.5
    assert lire_note("") is None and lire_note("bien") is None and lire_note("-1") is None


def test_fiche_attendue_signale_les_copies_d_une_autre_fiche(petit_dossier, tmp_path):
    shutil.copy(RACINE / "exercises" / "partie3_authentification.ipynb",
                petit_dossier / "partie1 Inès Haddad.ipynb")
    carnet = corriger_dossier(petit_dossier, tmp_path / "notes", fiches=["partie1"], **DELAIS)
    autre = carnet.rendu("partie1 Inès Haddad.ipynb")
    assert autre.statut == "autre_fiche" and autre.fiche == "partie3_authentification"
    assert "fiche attendue" in autre.raison and autre.corrige
    with pytest.raises(ErreurENT, match="inconnue"):
        corriger_dossier(petit_dossier, tmp_path / "x", fiches=["partie42"])


# ---------------------------------------------------------------------------------------
# La commande
# ---------------------------------------------------------------------------------------

def test_la_commande_ecrit_un_resume_en_francais(petit_dossier, tmp_path, capsys):
    assert main([str(petit_dossier), "--sortie", str(tmp_path / "notes")]) == 0
    sortie = capsys.readouterr().out
    assert "2 fichiers rendus : 2 corrigés." in sortie
    ouvertes = sum(isinstance(q, QuestionOuverte) for q in fiche("partie1").questions)
    assert f"{2 * ouvertes} réponses ouvertes à noter à la main" in sortie
    assert (tmp_path / "notes" / "carnet.csv").exists()
    assert main([str(tmp_path / "absent")]) == 2
    assert "n'existe pas" in capsys.readouterr().err


def test_python_m_entsim_correction(petit_dossier):
    resultat = subprocess.run([sys.executable, "-m", "entsim.correction", str(petit_dossier)],
                              capture_output=True, text=True, cwd=RACINE, timeout=120)
    assert resultat.returncode == 0, resultat.stderr
    assert "Carnet de notes" in resultat.stdout
    assert (petit_dossier / "correction" / "synthese.html").exists()


def test_les_noms_de_fichiers_d_eleves_sont_echappes_dans_les_pages(tmp_path):
    rendus = tmp_path / "rendus"
    rendus.mkdir()
    shutil.copy(RACINE / "exercises" / "partie1.ipynb", rendus / "<i>Léo & Cie partie1.ipynb")
    carnet = corriger_dossier(rendus)
    for page in (carnet.chemin_synthese, *carnet.dossier_retours.glob("*.html")):
        texte = page.read_text(encoding="utf-8")
        assert "<i>" not in texte and "&lt;i&gt;Léo &amp; Cie" in texte


def test_un_dossier_vide_donne_un_carnet_vide(tmp_path):
    carnet = corriger_dossier(tmp_path)
    assert carnet.rendus == ()
    assert _lire_csv(carnet.chemin_carnet) == []


# ---------------------------------------------------------------------------------------
# Lecture et exécution
# ---------------------------------------------------------------------------------------

def test_un_fichier_trop_gros_n_est_pas_lu(tmp_path):
    chemin = tmp_path / "gros.ipynb"
    chemin.write_bytes(b"{" + b" " * 5000 + b"}")
    with pytest.raises(RenduIllisible) as erreur:
        lire_notebook(chemin, taille_max=1000)
    assert erreur.value.code == "trop_volumineux"
    assert "plus que la limite de 1000 octets" in str(erreur.value)


def test_lecture_tolerante():
    assert lire_octets(b'{"cells": [], "metadata": {}, "nbformat": 4}').cellules == ()
    with pytest.raises(RenduIllisible) as erreur:
        lire_octets(b"[1, 2, 3]")
    assert erreur.value.code == "pas_un_notebook"
    with pytest.raises(RenduIllisible) as erreur:
        lire_octets(b"   \n")
    assert erreur.value.code == "vide"
    utf16 = json.dumps({"cells": [{"cell_type": "code", "source": "reponse_q1 = 'é'",
                                   "metadata": {}}], "metadata": {}}).encode("utf-16")
    assert lire_octets(utf16).cellules[0].source == "reponse_q1 = 'é'"


def test_une_reponse_litterale_est_lue_sans_rien_executer():
    cellule = Cellule(0, "code", "# ma réponse\nreponse_q1 = {'A': [1, 2.5, None]}\nx = 'b'")
    lue = analyser_cellule(cellule, "q1")
    assert lue.nature == "litterale" and lue.valeur == {"A": [1, 2.5, None]}
    for source in ("reponse_q1 = len('abc')", "import os\nreponse_q1 = 1",
                   "reponse_q1 = 1\nreponse_q1 += 1", "reponse_q1 = __import__('os')"):
        assert analyser_cellule(Cellule(0, "code", source), "q1").nature == "a_executer"
    assert analyser_cellule(Cellule(0, "code", "reponse_q1 = [1,"), "q1").nature == "syntaxe"


def test_la_fiche_se_reconnait_aux_metadonnees_au_code_ou_aux_reponses():
    questions = {"partie1": ["q1a", "q2"], "partie3": ["q13a", "q14"]}
    code = NotebookLu((Cellule(0, "code", 'f = fiche("partie3")'),))
    assert reconnaitre_fiche(code, questions).fiche == "partie3"
    reponses = NotebookLu((Cellule(0, "code", "reponse_q2 = 'x'"),))
    assert reconnaitre_fiche(reponses, questions).fiche == "partie1"
    inconnue = NotebookLu((Cellule(0, "code", "reponse_q2 = 'x'"),), fiche_declaree="partie7")
    assert reconnaitre_fiche(inconnue, questions).code == "fiche_inconnue"
    assert reconnaitre_fiche(NotebookLu(()), questions).code == "fiche_non_reconnue"


@pytest.mark.parametrize("chemin, nom", [
    ("partie1_MARTIN_Léa.ipynb", "MARTIN Léa"),
    ("Jean-Pierre Le Gall - partie1 (3).ipynb", "Jean-Pierre Le Gall"),
    ("TSTMG1/Inès Haddad/partie1.ipynb", "Inès Haddad"),
    ("casier.zip/Casier/Hugo Bernard/Copie de partie1.ipynb", "Hugo Bernard"),
    ("Untitled1.ipynb", "Untitled1"),
])
def test_le_nom_de_l_eleve_vient_du_dossier_ou_du_fichier(chemin, nom):
    from pathlib import PurePosixPath

    assert nom_depuis_chemin(PurePosixPath(chemin), ["partie1"]) == nom


def test_execution_sous_delai_et_sortie_bornee():
    execution = executer_cellules([
        CelluleAExecuter(0, "print('x' * 20_000_000)\nreponse_q1 = [1, 'a', {2: None}]",
                         ("reponse_q1",)),
        CelluleAExecuter(1, "reponse_q2 = object()", ("reponse_q2",)),
        CelluleAExecuter(2, "reponse_q3 = input()", ("reponse_q3",)),
        CelluleAExecuter(3, "import os\nreponse_q5 = os.listdir('.')\n"
                            "trop = 'a' * 10 ** 10  # 10 Go", ("reponse_q5",)),
        CelluleAExecuter(4, "import subprocess, sys\ntry:\n"
                            "    subprocess.Popen([sys.executable, '-c', 'while True: pass'])\n"
                            "except PermissionError:\n    pass  # refusé par la correction\n"
                            "while True:\n    pass"),
        CelluleAExecuter(5, "reponse_q4 = 1", ("reponse_q4",)),
    ], ["reponse_q1", "reponse_q2", "reponse_q3", "reponse_q4", "reponse_q5"],
        delai_par_cellule=2, delai_total=20)
    assert execution.valeurs["reponse_q1"] == [1, "a", {2: None}]
    assert execution.sortie >= 20_000_000                 # comptée, pas gardée
    assert isinstance(execution.valeurs["reponse_q2"], ObjetNonTransmis)
    assert "EOFError" in execution.erreurs[2]           # pas de saisie possible
    assert execution.valeurs["reponse_q5"] == []        # dossier temporaire vide
    if sys.platform.startswith("linux"):                # mémoire limitée à 2 Gio
        assert "MemoryError" in execution.erreurs[3]
    assert execution.cellule_interrompue == 4 and not execution.terminee
    assert "reponse_q4" not in execution.valeurs


def test_une_duree_calculee_est_corrigee_comme_dans_la_fiche(tmp_path):
    """``reponse_q16d = ent.cas.duree_ticket`` (un timedelta) : même note qu'en classe."""
    import nbformat

    from entsim.correction.dossier import corriger_dossier

    nb = nbformat.read("solutions/partie3_authentification.ipynb", as_version=4)
    for cellule in nb.cells:
        if cellule.metadata.get("entsim", {}).get("question") == "q16d" \
                and cellule.metadata["entsim"].get("role") == "reponse":
            cellule.source = "reponse_q16d = ent.cas.duree_ticket"
    dossier = tmp_path / "rendus"
    dossier.mkdir()
    nbformat.write(nb, dossier / "lea_martin.ipynb")
    carnet = corriger_dossier(dossier, delai_par_cellule=30, delai_total=120)
    rendu = carnet.rendus[0]
    q16d = next(c for c in rendu.corrections if c.question == "q16d")
    assert q16d.statut == "juste", q16d.message
