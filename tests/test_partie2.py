"""La fiche de la partie 2 (questions 4 à 6) : réponses attendues tirées des données et de la
simulation, retours en français, correction par le correcteur comme les autres fiches."""

from __future__ import annotations

from pathlib import Path

import pytest
from correction_copies import corriger_copies

from entsim import ENT
from entsim.activite import simuler_activite
from entsim.activite.analyses import carte_horaire, creneau_principal, par_semaine
from entsim.enquete import analyser, charger_exemple
from entsim.organisation import EXTERNE, INTERNE, acteur, coordination
from entsim_corrige import fiche_corrigee as fiche

RACINE = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def f():
    return fiche("partie2")


@pytest.fixture(scope="module")
def annee():
    """L'année simulée de la fiche (un lycée de 400 élèves)."""
    return simuler_activite(ENT(2026, taille=400), "annee", progression=False)


def test_les_reponses_modeles_ont_tous_les_points(f):
    resultat = f.corriger(f.reponses_modeles())
    assert resultat.points == resultat.sur_automatique == 18.5
    assert resultat.a_corriger_a_la_main() == ["q6a", "q6e"]


def test_les_parents_sont_des_acteurs_externes_comme_dans_le_corrige_de_2013(f):
    q = f.question("q4a")
    assert q.attendu["Parents"] == EXTERNE and q.attendu["Élèves"] == INTERNE
    reponse = {element: "A" for element in q.attendu}            # tout « interne »
    correction = f.corriger_question("q4a", reponse)
    assert correction.statut == "partiel" and 0 < correction.points < 2
    assert "« Parents » n'est pas dans la bonne catégorie." in correction.texte()
    assert EXTERNE not in correction.texte()                        # la catégorie n'est pas donnée


def test_les_roles_viennent_des_donnees_des_acteurs(f):
    q = f.question("q4b")
    assert q.attendu["Région"] == acteur("region").role
    assert sorted(q.categories) == list(q.categories)              # pas dans l'ordre des acteurs


def test_un_avantage_redige_avec_ses_mots_est_reconnu(f):
    reponse = {"Direction": "on imprime beaucoup moins de circulaires",
               "Parents": "ils suivent les notes de leur enfant",
               "Enseignants": "ils partagent des documents avec les collègues",
               "Élèves": "on peut travailler depuis chez soi",
               "Collège de secteur": "une meilleure liaison avec le lycée"}
    correction = f.corriger_question("q5a", reponse)
    assert correction.juste and correction.provisoire


def test_une_limite_a_la_place_d_un_avantage_ne_compte_pas(f):
    reponse = {"Direction": "rien", "Parents": "ils n'ont pas d'ordinateur",
               "Enseignants": "", "Élèves": "", "Collège de secteur": ""}
    correction = f.corriger_question("q5a", reponse)
    assert correction.points == 0 and correction.statut in ("faux", "partiel")


def test_la_limite_fracture_numerique_est_reconnue(f):
    correction = f.corriger_question("q5b", {"Parents": "la fracture numérique",
                                            "Élèves": "pas d'internet à la maison",
                                            "Enseignants": "trop de messages",
                                            "Direction": "une panne du réseau bloque tout"})
    assert correction.juste


BOURRAGE = "papier suivi collaboratif communication liaison fracture"


@pytest.mark.parametrize("question", ["q5a", "q5b"])
def test_une_liste_de_mots_cles_dans_chaque_case_n_a_pas_tous_les_points(f, question):
    """Le même bourrage de mots-clés dans chaque case (ils valent pour toutes les lignes)
    est plafonné comme une définition sans phrase (ReponseCourte) : la moitié des points
    au plus, et le retour dit pourquoi."""
    q = next(x for x in f.questions if x.id == question)
    for texte in (BOURRAGE, BOURRAGE + " réseau déconnexion surcharge inégalité messages",
                  "le papier, le suivi, la collaboration, la communication, la liaison, la "
                  "fracture, la panne, la surcharge"):
        correction = f.corriger_question(question, {ligne: texte for ligne in q.attendu})
        assert correction.points <= q.points / 2, (question, texte, correction.points)
        assert correction.provisoire
        if texte != BOURRAGE or question == "q5a":      # des cases reconnues, plafonnées
            assert "une liste de mots-clés qui vaudrait pour d'autres lignes ne suffit pas" \
                in " ".join(correction.details)
            assert "pour moitié" in correction.message


def test_quelques_mots_justes_par_case_gardent_tous_les_points(f):
    """La consigne demande « quelques mots » : une réponse courte et propre à la ligne
    (« moins de papier », « trop de messages ») n'est pas une liste de mots-clés."""
    avantages = {"Direction": "moins de papier", "Parents": "suivi des notes",
                 "Enseignants": "travail collaboratif", "Élèves": "travail en groupe",
                 "Collège de secteur": "meilleure liaison"}
    assert f.corriger_question("q5a", avantages).juste
    limites = {"Direction": "dépendance au réseau", "Parents": "fracture numérique",
               "Enseignants": "trop de messages le soir", "Élèves": "pas d'ordinateur"}
    assert f.corriger_question("q5b", limites).juste


def test_la_reponse_de_la_question_5d_est_celle_de_la_simulation(f, annee):
    creneau = creneau_principal(carte_horaire(annee, "Parent"))
    assert (creneau.debut, creneau.fin) == (19, 22)
    bonne = f.question("q5d").choix[ord(f.question("q5d").bonnes[0]) - ord("A")]
    assert "entre 19 h et 22 h" in bonne


def test_la_reponse_de_la_question_5e_est_celle_de_la_simulation(f, annee):
    semaines = par_semaine(annee)
    profils = [c for c in semaines.columns if c != "Vacances"]
    total = semaines[profils].sum(axis=1)
    en_vacances = semaines["Vacances"].astype(str) != ""
    assert total[en_vacances].mean() < 0.1 * total[~en_vacances].mean()
    assert f.question("q5e").bonnes in ("C", ("C",))


def test_les_etapes_de_la_coordination_viennent_des_donnees(f):
    q = f.question("q5f")
    assert set(q.attendu.values()) == {"Avant l'ENT", "Avec l'ENT"}
    assert f.question("q5g").etapes == tuple(e.action for e in coordination(True))


def test_les_questions_6c_et_6d_suivent_le_jeu_de_reponses_livre(f):
    analyse = analyser(charger_exemple())
    parents = int(analyse.effectifs.set_index("Acteur").loc["Parent", "Réponses"])
    assert f.question("q6c").valeur == parents
    q6d = f.question("q6d")
    attendue = analyse.plus_cites("limite", "enseignant")[0][0]
    assert q6d.choix[ord(q6d.bonnes[0]) - ord("A")] == attendue
    assert "N°" == analyse.limites_de("Enseignant").index.name


def test_les_questions_ouvertes_donnent_des_reperes_au_professeur(f):
    correction = f.corriger_question("q6a", "Acteur : un parent. Quelles fonctionnalités "
                                            "utilisez-vous ? Qu'est-ce qui a changé ?")
    assert correction.statut == "manuel"
    assert any("fonctionnalités" in note for note in correction.pour_le_professeur)


def test_le_correcteur_note_la_fiche_de_la_partie_2(tmp_path):
    lignes = corriger_copies(tmp_path, {
        "partie2_MARTIN_Léa.ipynb": RACINE / "solutions" / "partie2.ipynb",
        "partie2_BERNARD_Hugo.ipynb": RACINE / "exercises" / "partie2.ipynb"})
    assert lignes["MARTIN Léa"]["total"] == "18,5"
    assert lignes["MARTIN Léa"]["à noter à la main"] == "q6a, q6e"
    assert lignes["BERNARD Hugo"]["raison"] == "Aucune question n'a de réponse."


def test_une_reponse_trop_longue_cite_des_nombres_a_la_francaise(f):
    correction = f.corriger_question("q5c", "A" * 156_000)
    assert correction.statut == "invalide"
    assert "156\u202f000 caractères" in correction.message or "156 000 caractères" in correction.message
    assert "20\u202f000 au plus" in correction.message or "20 000 au plus" in correction.message


def test_papier_economise_accorde_ramette(f):
    from entsim.activite.coordination import PapierEconomise
    import pandas as pd
    from entsim.activite.coordination import HypothesesPapier
    tableau = pd.DataFrame({"Nombre": [10], "Feuilles": [50.0]},
                           index=pd.Index(["Messages aux familles"], name="Document"))
    texte = str(PapierEconomise(tableau, HypothesesPapier(), True))
    assert "0,1 ramette de 500 feuilles" in texte


@pytest.mark.parametrize("nom", ["partie2", "partie3_donnees_personnelles"])
def test_les_elements_a_classer_ne_sont_pas_ranges_par_categorie(nom):
    """Une liste d'éléments rangés par catégorie (A, A, B, B…) ou en alternance (A, B, A, B…)
    donnerait la réponse à qui répond sans lire."""
    f = fiche(nom)
    for q in f.questions:
        if type(q).__name__ != "Classement":
            continue
        lettres = list(q.exemple_de_reponse().values())
        assert lettres != sorted(lettres), q.id
        if len(set(lettres)) == 2 and len(lettres) > 3:
            alternance = all(a != b for a, b in zip(lettres, lettres[1:]))
            assert not alternance, q.id
