"""Question 15 faite par l'élève : le schéma vierge de la connexion, qu'il complète et qui se
dessine à partir de sa réponse (entsim.diagrammes.sso.a_completer), noté par la fiche et par
la commande de correction des enseignants (question q15c, un Classement)."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from correction_copies import corriger_copies
from entsim.diagrammes import schema_a_completer
from entsim.diagrammes.sso.a_completer import ETIQUETTES, FLECHES, lire_reponse
from entsim.socle.erreurs import ErreurENT
from entsim_corrige import fiche_corrigee

RACINE = Path(__file__).resolve().parents[1]
JUSTE = "DACGFHEB"


@pytest.fixture(scope="module")
def q15c():
    return fiche_corrigee("partie3_authentification").question("q15c")


def _etiquettes(schema):
    return [a.etiquette for a in schema.aretes()]


def test_le_schema_vierge_a_huit_fleches_numerotees_sans_etiquette():
    schema = schema_a_completer()
    assert len(FLECHES) == 8 and len(ETIQUETTES) == 8
    assert _etiquettes(schema) == [f"{n}. ?" for n in range(1, 9)]
    assert "à compléter" in schema.titre
    # les couloirs du SDET : le navigateur, les trois services AAS, deux services
    texte = str(schema)
    for couloir in ("Navigateur de Léa", "Identification / authentification", "Autorisation",
                    "Propagation de l'identité", "Cahier de textes", "Messagerie"):
        assert couloir in texte


def test_la_reponse_de_l_eleve_dessine_son_schema():
    schema = schema_a_completer(JUSTE)
    etiquettes = _etiquettes(schema)
    assert etiquettes[0] == f"1. (D) {ETIQUETTES[3]}"
    assert etiquettes[1].startswith("2. (A) Identification et authentification")
    assert "8 flèches sur 8" in schema.titre
    partiel = schema_a_completer("DA?C")
    assert _etiquettes(partiel)[2] == "3. ?" and _etiquettes(partiel)[3].startswith("4. (C)")
    assert "3 flèches sur 8" in partiel.titre


@pytest.mark.parametrize("reponse", [JUSTE, "d a c g f h e b", "D, A, C, G, F, H, E, B",
                                     list(JUSTE), {i + 1: l for i, l in enumerate(JUSTE)}])
def test_formes_de_reponse_acceptees_par_le_dessin(reponse):
    assert lire_reponse(reponse) == tuple(JUSTE)


@pytest.mark.parametrize("reponse, extrait", [
    ("DAZ", "la lettre « Z »"), ("DACGFHEBA", "que 8 flèches"), (42, "une lettre par flèche"),
    ({9: "A"}, "de 1 à 8"), (["AB"], "une seule lettre")])
def test_une_reponse_mal_formee_donne_une_erreur_en_francais(reponse, extrait):
    with pytest.raises(ErreurENT) as erreur:
        schema_a_completer(reponse)
    assert extrait in str(erreur.value)


def test_q15c_juste_partielle_vide(q15c):
    juste = q15c.corriger(JUSTE)
    assert juste.points == 2 and juste.statut == "juste"
    partielle = q15c.corriger("DACGFHBE")         # flèches 7 et 8 échangées
    assert partielle.points == 1.5 and partielle.statut == "partiel"
    assert "Flèche 7" in str(partielle) and "Flèche 8" in str(partielle)
    for vide in (None, "", "????????"):
        assert q15c.corriger(vide).points == 0


def test_un_point_d_interrogation_laisse_la_fleche_sans_etiquette(q15c):
    """« ? » : la flèche n'est pas classée (avant : toute la réponse était refusée)."""
    correction = q15c.corriger("DA?C????")
    assert correction.statut == "partiel" and correction.points == 0.5
    assert "« Flèche 3 (Identification / authentification → Autorisation) » n'est pas " \
           "classé" in str(correction)


def test_le_corrige_contient_q15c_en_une_ligne_et_son_dessin():
    nb = nbformat.read(RACINE / "solutions" / "partie3_authentification.ipynb", as_version=4)
    sources = {c.get("id"): c.source for c in nb.cells}
    assert f'reponse_q15c = "{JUSTE}"' in sources["q15c-reponse"]
    assert sources["q15c-votre-schema"] == "schema_a_completer(reponse_q15c)"
    assert "schema_a_completer()" in sources["q15c-schema-vierge"]


def _copie(tmp_path: Path, nom: str, reponse: str) -> Path:
    nb = nbformat.read(RACINE / "solutions" / "partie3_authentification.ipynb", as_version=4)
    for cellule in nb.cells:
        if cellule.get("id") == "q15c-reponse":
            cellule.source = reponse
    chemin = tmp_path / nom
    nbformat.write(nb, chemin)
    return chemin


def test_le_correcteur_note_q15c_juste_partielle_vide(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    lignes = corriger_copies(tmp_path, {
        "partie3_authentification_MARTIN_Léa.ipynb":
            _copie(sources, "a.ipynb", f'reponse_q15c = "{JUSTE}"'),
        "partie3_authentification_BERNARD_Hugo.ipynb":
            _copie(sources, "b.ipynb", 'reponse_q15c = "DACGFHBE"'),
        "partie3_authentification_HADDAD_Inès.ipynb":
            _copie(sources, "c.ipynb", "reponse_q15c = None")})
    colonne = "partie3_authentification q15c"
    assert lignes["MARTIN Léa"][colonne] == "2"
    assert lignes["BERNARD Hugo"][colonne] == "1,5"
    assert lignes["HADDAD Inès"][colonne] in ("0", "")
    json.dumps(lignes)  # le carnet se lit comme du texte
