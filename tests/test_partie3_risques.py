"""La fiche de la partie 3c (risques, parades, enquête, question 17) : réponses tirées du
laboratoire d'attaques et du trimestre simulé, correction par le correcteur."""

from __future__ import annotations

from pathlib import Path

import pytest
from correction_copies import corriger_copies

from entsim.attaques import scenarios
from entsim.attaques.hameconnage import lire_adresse
from entsim_corrige import fiche_corrigee as fiche

RACINE = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def f():
    return fiche("partie3_risques")


def test_les_reponses_modeles_ont_tous_les_points(f):
    resultat = f.corriger(f.reponses_modeles())
    assert resultat.points == resultat.sur == 14.5


def test_les_familles_sont_celles_des_scenarios(f):
    q = f.question("q17a")
    titres = {classe.titre: classe.famille for classe in scenarios().values()}
    assert all(titres[titre] == famille for titre, famille in q.attendu.items())
    assert len(set(q.attendu.values())) == 2


def test_une_fausse_adresse_n_est_pas_du_ministere(f):
    q = f.question("q17c")
    for lettre, adresse in zip("ABCDE", q.choix):
        vraie = lire_adresse(adresse).appartient_a("education.gouv.fr")
        assert (lettre in q.bonnes) == vraie, adresse
    correction = f.corriger_question("q17c", ["A", "B", "D"])
    assert correction.points < 1.5 and "connexion-securisee.example" in correction.texte()


def test_la_conclusion_de_2013_sans_nuance_n_a_pas_tous_les_points(f):
    correction = f.corriger_question("q17h", "Oui, le SDET répond aux recommandations de la "
                                             "CNIL : il y a un journal des connexions.")
    assert correction.provisoire and correction.points < 2
    assert "Il manque l'idée d'une réponse nuancée" in correction.texte()


def test_le_correcteur_note_la_fiche_3c(tmp_path):
    lignes = corriger_copies(tmp_path, {
        "partie3_risques_MARTIN_Léa.ipynb": RACINE / "solutions" / "partie3_risques.ipynb"})
    assert lignes["MARTIN Léa"]["total"] == "14,5" and lignes["MARTIN Léa"]["statut"] == "corrigé"


# -- revue 13 : la conclusion de la question 17 notée comme un professeur la lirait ---------
BONNE_CONCLUSION = (
    "En partie. Le SDET impose l'authentification et des habilitations : chacun ne voit que "
    "les informations qui le concernent. Les mots de passe ne sont jamais stockés en clair, "
    "ils sont hachés (empreintes irréversibles). Toutes les opérations sont tracées dans les "
    "journaux. Mais la sensibilisation des utilisateurs revient au chef d'établissement.")


def test_une_bonne_conclusion_au_pluriel_et_a_la_forme_negative_a_tous_les_points(f):
    """« habilitations », « hachés », « empreintes », « tracées », « journaux » et « jamais
    stockés en clair » (la forme correcte de l'idée !) doivent être reconnus."""
    correction = f.corriger_question("q17h", BONNE_CONCLUSION)
    assert correction.points == 4, correction.texte()
    assert "Il manque" not in correction.texte()


def test_dire_que_les_mots_de_passe_sont_en_clair_ne_rapporte_rien(f):
    faux = ("Non, le SDET ne répond pas du tout : il n'y a pas d'autorisation, les mots de "
            "passe sont en clair et il n'y a aucun journal, en partie.")
    correction = f.corriger_question("q17h", faux)
    assert correction.points <= 1, correction.texte()
    en_clair = ("En clair, le SDET répond en partie : l'autorisation limite l'accès et le "
                "journal trace tout.")
    assert f.corriger_question("q17h", en_clair).points < 4


def test_des_chiffres_ne_sont_pas_un_stockage_des_mots_de_passe(f):
    texte = ("Le SDET répond en partie : l'autorisation limite l'accès, le journal garde "
             "tout, et le mot de passe a 12 caractères avec des chiffres.")
    assert "stockés en clair" in f.corriger_question("q17h", texte).texte()
