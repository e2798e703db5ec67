"""La fiche de la partie 3a (questions 7 à 12) : réponses tirées des outils RGPD, droit
d'aujourd'hui (pas la déclaration de 2013), correction par le correcteur."""

from __future__ import annotations

from pathlib import Path

import pytest
from correction_copies import corriger_copies

from entsim import ENT
from entsim_corrige import fiche_corrigee as fiche
from entsim_corrige.classification import exemples_a_classer
from entsim.rgpd.notice import NOTICE_2013, verifier_notice
from entsim.rgpd.registre import traitement_non_conforme, verifier

RACINE = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def f():
    return fiche("partie3_donnees_personnelles")


def test_les_reponses_modeles_ont_tous_les_points(f):
    resultat = f.corriger(f.reponses_modeles())
    assert resultat.points == resultat.sur == 29


def test_la_declaration_a_la_cnil_de_2013_n_est_plus_une_obligation(f):
    q = f.question("q12a")
    lettre = chr(ord("A") + next(i for i, c in enumerate(q.choix) if "déclaration" in c))
    assert lettre not in q.bonnes
    correction = f.corriger_question("q12a", [lettre])
    assert correction.points == 0 and "25 mai 2018" in correction.texte()


def test_la_classification_vient_des_donnees_du_registre(f):
    q = f.question("q8b")
    assert dict(q.attendu) == {e.donnee: e.classe for e in exemples_a_classer()}


def test_les_elements_manquants_de_la_notice_de_2013_sont_ceux_du_verificateur(f):
    q = f.question("q9e")
    manquants = {e.libelle for e in verifier_notice(NOTICE_2013).manquants if e.toujours}
    attendus = {q.choix[ord(lettre) - ord("A")].rsplit(" (", 1)[0] for lettre in q.bonnes}
    assert attendus == manquants


def test_les_reproches_fondes_sont_releves_par_le_registre(f):
    constats = " ".join(verifier(traitement_non_conforme(ENT.demo())))
    for mot in ("Finalité absente", "Données sensibles", "illimitée", "Destinataires trop larges",
                "hors de l'Union"):
        assert mot in constats


def test_le_delai_de_reponse_piege_des_trois_mois(f):
    correction = f.corriger_question("q9b", 3)
    assert correction.points == 0 and "prolongation" in correction.texte()


def test_le_correcteur_note_la_fiche_3a(tmp_path):
    lignes = corriger_copies(tmp_path, {
        "partie3_donnees_personnelles_MARTIN_Léa.ipynb": RACINE / "solutions" / "partie3_donnees_personnelles.ipynb"})
    assert lignes["MARTIN Léa"]["total"] == "29" and lignes["MARTIN Léa"]["statut"] == "corrigé"


def _sources(chemin: Path) -> list[tuple[str, str]]:
    import nbformat
    nb = nbformat.read(chemin, as_version=4)
    return [(c.cell_type, c.source) for c in nb.cells]


@pytest.mark.parametrize("chemin", ["notebooks/03_donnees_personnelles_rgpd.ipynb",
                                    "solutions/partie3_donnees_personnelles.ipynb"])
def test_le_registre_projete_est_l_apercu_lisible(chemin):
    """Le registre complet (15 colonnes de texte long) fait une cellule de plusieurs mètres de
    haut une fois projeté : la leçon et la fiche montrent l'aperçu en quatre colonnes."""
    codes = [s for t, s in _sources(RACINE / chemin) if t == "code"]
    assert not any("registre" in s and s.rstrip().endswith(".tableau()") for s in codes)
    assert any(s.rstrip().endswith(".apercu()") for s in codes)


def test_le_notebook_03_dit_l_age_simule_de_lea_et_des_titres_d_une_ligne():
    textes = [s for t, s in _sources(RACINE / "notebooks/03_donnees_personnelles_rgpd.ipynb")
              if t == "markdown"]
    ent = ENT.demo()
    naissance = ent.etablissement.personne("lea.martin").date_naissance
    le = ent.horloge.maintenant().date()
    age = le.year - naissance.year - ((le.month, le.day) < (naissance.month, naissance.day))
    assert any(f"Léa ({age} ans)" in " ".join(t.split()) for t in textes)
    for texte in textes:
        lignes = texte.splitlines()
        for i, ligne in enumerate(lignes[:-1]):
            if ligne.startswith("#"):
                assert lignes[i + 1].strip() == "" or lignes[i + 1].startswith("#"), ligne
