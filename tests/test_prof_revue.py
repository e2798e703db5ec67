"""Revue « un professeur suit le guide » (docs/ENSEIGNANTS.md, § 2 à 5) : ce qu'il a lu de
travers dans le résumé et la synthèse de la correction.

- Les avertissements sur l'isolement du code des élèves (mode « surveillance »,
  correction lancée en administrateur) étaient rangés sous le titre « Notes manuelles :
  avertissements » de la synthèse : ils ont leur propre titre.
- L'avertissement « administrateur » disait « seul le mode « surveillance » refuse d'en
  créer », alors que la surveillance s'ajoute aussi au bac à sable (guide, § 7) : la copie
  d'essai du professeur, en bac à sable, a bien reçu « Refusé … : « os.system » ».
- Une copie dont le code a été refusé par la surveillance (lecture de
  ``../../solutions/partie1.ipynb``, ``os.system``…) n'était signalée nulle part au
  professeur (catégorie vide, aucune raison), alors qu'une copie blanche l'est.
- Les messages d'erreur rendus à l'élève finissaient par « .. » ou « StopIteration : . ».
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest

from entsim.correction.dossier import corriger_dossier
from entsim.correction.isolement import AVERTISSEMENT_ADMINISTRATEUR, AVERTISSEMENT_SURVEILLANCE

RACINE = Path(__file__).resolve().parents[1]


def _copie(reponses: dict[str, str]) -> dict:
    """La fiche élève partie1 avec certaines cellules de réponse remplacées."""
    notebook = json.loads((RACINE / "exercises" / "partie1.ipynb").read_text(encoding="utf-8"))
    for cellule in notebook["cells"]:
        source = "".join(cellule["source"]) if isinstance(cellule["source"], list) \
            else cellule["source"]
        for variable, valeur in reponses.items():
            if cellule["cell_type"] == "code" and source.startswith(f"{variable} ="):
                cellule["source"] = f"{variable} = {valeur}"
    return notebook


@pytest.fixture(scope="module")
def correction(tmp_path_factory):
    """Une petite classe corrigée en surveillance (l'avertissement d'isolement est donc
    toujours là, administrateur ou non) : une copie juste, une copie qui triche, une copie
    dont le calcul lève une exception sans message."""
    dossier = tmp_path_factory.mktemp("prof") / "rendus"
    dossier.mkdir()
    copies = {
        "partie1_JUSTE_Anais.ipynb": _copie({
            "reponse_q1e": '"B"',
            "reponse_q2": '"Messagerie : le soir ; Notes : chaque semaine ; Casier : rendre"'}),
        "partie1_TRICHE_Dylan.ipynb": _copie({
            "reponse_q1b": 'open("../../solutions/partie1.ipynb").read()',
            "reponse_q1f": '__import__("os").system("true") or 17'}),
        "partie1_VIDE_Iter.ipynb": _copie({"reponse_q1e": "next(iter([]))"}),
    }
    for nom, contenu in copies.items():
        (dossier / nom).write_text(json.dumps(contenu), encoding="utf-8")
    carnet = corriger_dossier(dossier, isolement="surveillance")
    with open(dossier / "correction" / "carnet.csv", encoding="utf-8-sig") as fichier:
        lignes = {ligne["fichier"]: ligne for ligne in csv.DictReader(fichier, delimiter=";")}
    synthese = (dossier / "correction" / "synthese.html").read_text(encoding="utf-8")
    yield carnet, lignes, synthese, dossier / "correction"
    shutil.rmtree(dossier, ignore_errors=True)


def _sections(synthese: str) -> dict[str, str]:
    """Titre <h3> → texte qui le suit jusqu'au titre suivant."""
    morceaux = re.split(r"<h[23][^>]*>(.*?)</h[23]>", synthese)
    return {morceaux[i]: morceaux[i + 1] for i in range(1, len(morceaux) - 1, 2)}


def test_l_avertissement_d_isolement_n_est_pas_range_sous_les_notes_manuelles(correction):
    _, _, synthese, _ = correction
    sections = _sections(synthese)
    for titre, texte in sections.items():
        if "Notes manuelles" in titre:
            assert "surveillance" not in texte, titre
    isolement = [t for t in sections if "isolement" in t.lower()]
    assert isolement, list(sections)
    assert "« surveillance » seulement" in sections[isolement[0]]


def test_l_avertissement_administrateur_ne_contredit_pas_le_guide():
    # guide § 7 : « la surveillance refuse de toute façon la création de processus »,
    # dans les deux modes (elle s'ajoute au bac à sable comme seconde barrière)
    assert "seul le mode" not in AVERTISSEMENT_ADMINISTRATEUR
    assert "refuse quand même, dans les deux modes" in AVERTISSEMENT_ADMINISTRATEUR
    assert "surveillance" in AVERTISSEMENT_SURVEILLANCE


def test_une_copie_dont_le_code_est_refuse_est_signalee_au_professeur(correction):
    _, lignes, synthese, _ = correction
    triche = lignes["partie1_TRICHE_Dylan.ipynb"]
    assert triche["catégorie"] == "problème", triche
    assert "q1b" in triche["raison"] and "q1f" in triche["raison"], triche["raison"]
    assert "refusé" in triche["raison"].lower(), triche["raison"]
    assert "partie1_TRICHE_Dylan.ipynb" in synthese.split("Remarques (rien à faire)")[0]
    juste = lignes["partie1_JUSTE_Anais.ipynb"]
    assert "refusé" not in juste["raison"].lower()


def test_les_messages_d_erreur_a_l_eleve_finissent_proprement(correction):
    _, _, _, sortie = correction
    for retour in (sortie / "retours").glob("*.html"):
        texte = retour.read_text(encoding="utf-8")
        assert ").." not in texte and "»).." not in texte, retour.name
        assert " : ." not in texte, retour.name
    iter_ = next((sortie / "retours").glob("*iter*.html")).read_text(encoding="utf-8")
    assert "StopIteration" in iter_


def test_une_note_nouvelle_a_confirmer_se_lit_en_francais(correction):
    # guide § 5 : la note manuelle nouvelle est listée « à confirmer » ; la ligne disait
    # « 2 / 3 au lieu de pas de note »
    _, _, _, sortie = correction
    chemin = sortie / "notes_manuelles.csv"
    with open(chemin, encoding="utf-8-sig", newline="") as fichier:
        lignes = list(csv.reader(fichier, delimiter=";"))
    entete = lignes[0]
    for ligne in lignes[1:]:
        if "JUSTE" in ligne[entete.index("fichier")] and ligne[entete.index("question")] == "q2":
            ligne[entete.index("note")] = "2"
    # réenregistré par Excel : Windows-1252, sans BOM
    with open(chemin, "w", encoding="cp1252", newline="") as fichier:
        csv.writer(fichier, delimiter=";", lineterminator="\r\n").writerows(lignes)
    carnet = corriger_dossier(sortie.parent, isolement="surveillance")
    assert carnet.a_confirmer == (
        "partie1_JUSTE_Anais.ipynb (JUSTE Anais), q2 : 2 / 3 (aucune note avant)",), \
        carnet.a_confirmer
