"""Revue de l'édition des élèves par un élève curieux (issue 14, § 2).

Un élève qui a le cours (l'édition des élèves, ``python -m entsim.questions edition-eleves``)
cherche des réponses qui rapportent tous les points avec moins d'effort que de répondre :
fichiers de données, sorties enregistrées dans les fiches et les notebooks, textes recopiés.
Chaque test reproduit une fuite trouvée et vérifie qu'elle est fermée ; le rapport de revue
(tableau essai → résultat → effort) est dans ``/tmp/vague4/CURIEUX_RAPPORT.md``.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from entsim.ent import ENT
from entsim.questions.edition import ecrire_edition_eleves
from entsim.questions.exercices import generer_exercice
from entsim_corrige import fiche_corrigee

RACINE = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    return ecrire_edition_eleves(tmp_path_factory.mktemp("revue") / "edition")


def _sorties(chemin: Path) -> list[tuple[int, str, str]]:
    """(numéro de cellule, source, texte de chaque sortie enregistrée) d'un notebook."""
    resultat = []
    for numero, cellule in enumerate(json.loads(chemin.read_text(encoding="utf-8"))["cells"]):
        for sortie in cellule.get("outputs", []):
            morceaux = list(sortie.get("data", {}).values()) + [sortie.get("text", "")]
            texte = "".join("".join(m) if isinstance(m, list) else str(m) for m in morceaux)
            resultat.append((numero, "".join(cellule["source"]), texte))
    return resultat


def _notebooks_des_eleves(racine: Path) -> list[Path]:
    return sorted((racine / "notebooks").glob("*.ipynb")) + sorted(
        (racine / "exercises").glob("*.ipynb"))


# -- q8b : la classification des données, réponse acceptée livrée dans data/ --------------------
def test_la_reponse_de_q8b_n_est_dans_aucun_fichier_de_l_edition(edition):
    """Avant : ``data/classification_donnees.csv`` (et ``entsim.rgpd.classification``) donnait
    la classe de chacune des 12 données de q8b : ``pd.read_csv`` suffisait pour 3 points."""
    q = fiche_corrigee("partie3_donnees_personnelles").question("q8b")
    paires = [(donnee, classe.split(" (")[0]) for donnee, classe in q.attendu.items()]
    fuites = []   # (une ligne de moins de 1 000 caractères : pas la consigne entière)
    for chemin in sorted(p for p in edition.rglob("*") if p.is_file() and ".venv" not in p.parts):
        try:
            lignes = chemin.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue
        trouvees = sum(1 for donnee, classe in paires
                       if any(donnee in ligne and classe in ligne and len(ligne) < 1000
                              for ligne in lignes))
        if trouvees >= 3:
            fuites.append((str(chemin.relative_to(edition)), trouvees))
    assert fuites == []


# -- q15c : le schéma complété du corrigé, resté affiché dans la fiche des élèves --------------
def test_la_fiche_des_eleves_ne_montre_pas_le_schema_complete_du_corrige():
    """Avant : la cellule ``schema_a_completer(reponse_q15c)`` de la fiche gardait la sortie du
    corrigé, les 8 flèches étiquetées (« 1. (D) Demande d'un service… ») : 2 points lus."""
    import nbformat

    solution = nbformat.read(RACINE / "solutions" / "partie3_authentification.ipynb", as_version=4)
    exercice = generer_exercice(solution, "partie3_authentification")
    bonne = fiche_corrigee("partie3_authentification").question("q15c").exemple_de_reponse()
    etiquettes = [f"{fleche}. ({lettre})" for fleche, lettre in bonne.items()]
    texte = json.dumps(exercice, ensure_ascii=False)
    assert [e for e in etiquettes if e in texte] == []


def test_aucune_cellule_qui_lit_une_reponse_ne_garde_sa_sortie_dans_les_fiches():
    """La sortie d'une cellule qui lit ``reponse_…`` montre, dans le corrigé, la réponse juste :
    elle est effacée dans chaque fiche distribuée (``exercises/``)."""
    gardees = [(chemin.name, numero, source[:60])
               for chemin in sorted((RACINE / "exercises").glob("*.ipynb"))
               for numero, source, _ in _sorties(chemin) if re.search(r"\breponse_\w+", source)]
    assert gardees == []


# -- q17h : la conclusion du professeur enregistrée dans un notebook du cours ------------------
def test_la_conclusion_du_professeur_n_est_pas_enregistree_dans_le_cours():
    """Avant : le notebook 06 gardait la sortie de ``print(conclusion_q17(ent))`` ; collée dans
    la fiche, elle obtenait 4 points sur 4 à q17h."""
    from entsim_corrige.q17 import conclusion_q17

    debut = conclusion_q17(ENT.demo()).split(". ")[1][:80]
    trouvees = [(chemin.name, numero) for chemin in _notebooks_des_eleves(RACINE)
                for numero, _, texte in _sorties(chemin) if debut in texte]
    assert trouvees == []


# -- q15a : les étapes du SDET affichées dans l'ordre juste, sous la question ------------------
def test_la_fiche_n_affiche_pas_les_etapes_de_q15a_dans_l_ordre_juste():
    """La cellule « Vérifiez votre ordre » (``print(parcours)``) affiche les 8 étapes du SDET
    numérotées, avec leur texte exact : la réponse de q15a (2 points) se lit sous la
    question (7 étapes sur 8 mot pour mot, la 8e se déduit). Reste à faire par l'auteur de
    la fiche (voir le rapport de revue)."""
    q = fiche_corrigee("partie3_authentification").question("q15a")
    lettres = q.exemple_de_reponse()
    debuts = [q.affichees[ord(lettre) - ord("A")][:30] for lettre in lettres]
    chemin = RACINE / "exercises" / "partie3_authentification.ipynb"
    dans_l_ordre = []
    for numero, _, texte in _sorties(chemin):
        positions = [p for p in (texte.find(d) for d in debuts) if p >= 0]
        # 7 étapes sur 8 dans l'ordre juste suffisent : la dernière se déduit
        if len(positions) >= len(debuts) - 1 and positions == sorted(positions):
            dans_l_ordre.append(numero)
    assert dans_l_ordre == []


# -- définitions notées par mots-clés : un long texte recopié --------------------------------
@pytest.mark.parametrize("fiche, qid", [("partie1", "q1c"), ("partie3_authentification", "q13c"),
                                        ("partie3_authentification", "q14")])
def test_un_parcours_affiche_recopie_n_a_pas_tous_les_points_d_une_definition(fiche, qid):
    """Avant : coller le parcours affiché par la fiche (``print(parcours)``, environ 500 mots)
    comme définition de l'ENT, du SSO ou de la propagation donnait 2 points sur 2 : tous les
    mots-clés y sont. Une réponse rédigée de la longueur du modèle garde tous ses points."""
    q = fiche_corrigee(fiche).question(qid)
    collage = str(ENT.demo().parcours("lea.martin", "notes", "cahier_de_textes"))
    correction = q.corriger(collage)
    assert correction.points <= q.points / 2
    assert any("très longue" in d and "recopié" in d for d in correction.details)
    assert q.corriger(q.exemple_de_reponse()).points == q.points


# -- deviner par essais : ce que le guide promet ----------------------------------------------
def _essais_au_pire(q) -> int | None:
    """Le nombre de réponses possibles d'une question fermée de la fiche des élèves (un nombre
    entier : de 0 à 100), ou None si la question n'est pas vérifiée par empreinte."""
    if not q.fermee:
        return None
    p = q.verification["parametres"]
    if p["type"] == "qcm":
        return 2 ** len(p["choix"]) - 1 if p["multiple"] else len(p["choix"])
    if p["type"] == "classement":
        return len(p["categories"]) ** len(p["elements"])
    if p["type"] == "mise_en_ordre":
        return math.factorial(len(p["etapes"]))
    if p["type"] == "numerique":
        return 101
    return None


def test_le_guide_dit_quelle_part_des_points_se_devine_par_essais():
    """Avant, le guide ne citait que le QCM à choix unique (« 4 essais ») et promettait « des
    minutes à des heures » pour un classement ou une mise en ordre ; en fait, à 0,08 s par
    essai, une boucle de quelques lignes devine en moins d'une minute jusqu'à la moitié des
    points d'une fiche (QCM à plusieurs réponses, nombres, petits classements, mises en ordre
    de 5 étapes). Le guide le dit, avec l'ordre de grandeur que ce calcul donne."""
    from entsim.questions import fiche, fiches_disponibles

    parts = {}
    for fid in fiches_disponibles():
        f = fiche(fid)
        vite = sum(q.points for q in f.questions
                   if (_essais_au_pire(q) or math.inf) * 0.08 <= 60)
        parts[fid] = vite / f.points
    assert 0.2 <= min(parts.values()) and max(parts.values()) <= 0.6, parts
    guide = " ".join((RACINE / "docs" / "ENSEIGNANTS.md").read_text(encoding="utf-8").split())
    assert "d'un quart à la moitié des points" in guide
    assert "127 essais" in guide and "un nombre entier de 0 à 100" in guide
