"""Les acteurs de l'ENT, leurs avantages et limites, et la coordination avant/avec l'ENT
(questions 4 et 5) : ce qu'un élève ou un enseignant lit dans le notebook de la partie 2."""

from __future__ import annotations

import dataclasses
import importlib
import shutil

import pytest

from entsim.etablissement.annuaire import Profil
from entsim.organisation import (AVERTISSEMENT_DELAIS, EXTERNE, FAMILLES, INTERNE,
                                 DonneesInvalides, acteur, acteurs, acteurs_externes,
                                 acteurs_internes, avantages_et_limites,
                                 comparaison_coordination, coordination, duree_en_mots,
                                 tableau_acteurs, tableau_avantages_limites)
from entsim.questions.mots_cles import MotsCles
from entsim.questions.normalisation import normaliser
from entsim.socle import donnees
from entsim.socle.erreurs import Introuvable, ValeurInvalide


# --- Acteurs (question 4) -------------------------------------------------------------

def test_le_corrige_de_2013_range_les_acteurs_comme_le_professeur():
    internes = {a.code for a in acteurs_internes()}
    externes = {a.code for a in acteurs_externes()}
    assert {"direction", "vie_scolaire", "gestion", "eleves", "enseignants"} <= internes
    assert {"parents", "college_secteur", "partenaires"} <= externes
    assert internes.isdisjoint(externes)
    assert len(internes) + len(externes) == len(acteurs())


def test_les_acteurs_d_aujourd_hui_sont_presents():
    codes = {a.code for a in acteurs()}
    assert {"region", "academie", "drane", "rupn", "editeur_ent", "editeurs_ressources",
            "documentaliste", "secretariat"} <= codes


def test_les_parents_sont_externes_mais_usagers_avec_un_compte():
    parents = acteur("parents")
    assert not parents.interne and parents.position == EXTERNE
    assert parents.profil_ent == "Parent"
    assert "usagers" in parents.note and "compte" in parents.note


def test_educonnect_et_le_gar_ne_sont_pas_des_acteurs_et_on_explique_pourquoi():
    with pytest.raises(Introuvable) as erreur:
        acteur("EduConnect")
    assert "n'est pas un acteur" in str(erreur.value) and "ministère" in str(erreur.value)
    assert erreur.value.code == "service_pas_acteur"
    with pytest.raises(Introuvable, match="n'est pas un acteur"):
        acteur("gar")
    assert acteur("ministere").famille == "Pilotage et financement"


def test_on_trouve_un_acteur_par_son_code_son_nom_ou_un_mot_courant():
    assert acteur("vie_scolaire") is acteur("Vie scolaire") is acteur("CPE")
    assert acteur("ÉLÈVES").code == "eleves"
    assert acteur("proviseur").code == "direction"
    assert acteur("intendance").code == "gestion"
    assert acteur("DANE").code == "drane"
    assert acteur(acteur("region")) is acteur("Région")


@pytest.mark.parametrize("saisie", ["zz", "", "   ", "\u202eenilno", "é" * 10_000, "😀"])
def test_un_acteur_inconnu_donne_un_message_francais_court(saisie):
    with pytest.raises((Introuvable, ValeurInvalide)) as erreur:
        acteur(saisie)
    message = str(erreur.value)
    assert message and len(message) < 700
    assert "\u202e" not in message                       # caractère invisible rendu visible


@pytest.mark.parametrize("saisie", [None, 3, ["eleves"], b"eleves"])
def test_un_acteur_qui_n_est_pas_un_texte_est_refuse_en_francais(saisie):
    with pytest.raises(ValeurInvalide, match="doit être un texte"):
        acteur(saisie)


def test_chaque_acteur_est_documente_et_a_un_profil_reel():
    profils = {p.value for p in Profil}
    for a in acteurs():
        assert a.famille in FAMILLES
        assert a.role.endswith(".") and a.role[0].isupper(), a.code
        assert a.source, a.code
        assert a.profil_ent is None or a.profil_ent in profils, a.code
        assert MotsCles(a.nom, a.mots_cles).trouvee_dans(normaliser(a.nom)), a.code


def test_la_drane_est_nommee_avec_son_ancien_nom_et_sa_date():
    drane = acteur("drane")
    assert "régionale" in drane.nom and "DANE" in drane.note and "2020" in drane.note


def test_la_region_finance_l_ent_d_un_lycee_avec_sa_source():
    region = acteur("région")
    assert "L214-6" in region.source and "2013" in region.note


def test_l_editeur_de_l_ent_est_un_sous_traitant():
    assert "sous-traitant" in acteur("editeur_ent").note.lower()
    assert "art. 28" in acteur("editeur_ent").source


def test_le_tableau_des_acteurs_est_en_francais_et_numerote_a_partir_de_1():
    cadre = tableau_acteurs()
    assert list(cadre.columns) == ["Acteur", "Position", "Famille", "Rôle avec l'ENT",
                                   "Profil ENT", "Remarque", "Source"]
    assert cadre.index[0] == 1 and len(cadre) == len(acteurs())
    assert set(cadre["Position"]) == {"interne", "externe"}
    assert "aucun compte" in set(cadre["Profil ENT"])


def test_les_acteurs_sont_des_valeurs_immuables():
    with pytest.raises(dataclasses.FrozenInstanceError):
        acteur("eleves").interne = False  # type: ignore[misc]


# --- Avantages et limites (question 5) --------------------------------------------------

CORRIGE_2013 = {
    "Élèves": "Travail collaboratif ; meilleur suivi de la formation.",
    "Parents": "Meilleur suivi des enfants ; contact rapide avec l'équipe.",
    "Enseignants": "Travail collaboratif facilité ; meilleure communication entre "
                   "intervenants ; suivi plus précis des élèves.",
    "Direction": "Communication plus efficace ; économie de papier.",
    "Collège de secteur": "Meilleure liaison avec le lycée ; préparation à l'entrée en "
                          "seconde.",
}


def test_le_tableau_de_reference_est_celui_du_corrige_de_2013():
    cadre = tableau_avantages_limites(corrige_2013=True)
    assert list(cadre.columns) == ["Acteur", "Avantages", "Limites"]
    assert dict(zip(cadre["Acteur"], cadre["Avantages"])) == CORRIGE_2013
    assert set(cadre["Limites"]) == {""}          # le corrigé de 2013 ne donne pas de limites


def test_le_tableau_complet_ajoute_les_limites_sourcees():
    cadre = tableau_avantages_limites().set_index("Acteur")
    assert "Fracture numérique" in cadre.loc["Élèves", "Limites"]
    assert "droit à la déconnexion" in cadre.loc["Enseignants", "Limites"]
    assert "Dépendance au réseau" in cadre.loc["Direction", "Limites"]
    detaille = tableau_avantages_limites(detaille=True).set_index("Acteur")
    assert detaille.loc["Direction", "Avantages"].startswith("• Communication plus efficace : ")


def test_chaque_libelle_est_reconnu_par_ses_propres_mots_cles():
    for ligne in avantages_et_limites():
        idee = MotsCles(ligne.idee, ligne.mots_cles)
        assert idee.trouvee_dans(normaliser(ligne.libelle)), ligne.code
        assert 2 <= len(ligne.libelle.split()) <= 6, ligne.code
        assert idee.manque().startswith("Il manque l'idée d")


@pytest.mark.parametrize("reponse, code", [
    ("On imprime beaucoup moins", "direction_papier"),
    ("moins de PHOTOCOPIES", "direction_papier"),
    ("Les familles sans internet sont exclues", "eleves_fracture"),
    ("ils recoivent des messages le week-end", "enseignants_deconnexion"),
    ("on se sent fliqué par les parents", "eleves_surveillance"),
])
def test_les_mots_d_un_eleve_sont_reconnus(reponse, code):
    ligne = next(l for l in avantages_et_limites() if l.code == code)
    assert MotsCles(ligne.idee, ligne.mots_cles).trouvee_dans(normaliser(reponse))


def test_les_limites_citent_leur_source_et_le_droit_du_travail_est_bien_dit():
    limites = avantages_et_limites(nature="limite")
    assert limites and all(not l.est_avantage and l.source for l in limites)
    assert any(l.libelle == "Fracture numérique" and "Ministère 2022" in l.source
               for l in limites)
    deconnexion = next(l for l in limites if l.code == "enseignants_deconnexion")
    assert "L2242-17" in deconnexion.source and "L2242-17" in deconnexion.explication
    assert "salariés" in deconnexion.explication and "ne s'applique pas" in deconnexion.explication


def test_les_lignes_d_un_acteur_se_demandent_par_son_nom():
    direction = avantages_et_limites("Direction")
    assert [l.nature for l in direction] == ["avantage", "avantage", "limite", "limite"]
    assert avantages_et_limites("proviseur") == direction
    assert avantages_et_limites(acteur("direction"), nature="avantage") == direction[:2]
    assert avantages_et_limites("region") == ()


def test_un_acteur_ou_une_nature_inconnus_donnent_un_message_francais():
    with pytest.raises(Introuvable, match="Aucun acteur"):
        avantages_et_limites("Martiens")
    with pytest.raises(ValeurInvalide, match="« avantage » ou « limite »"):
        avantages_et_limites(nature="inconvénient")


# --- Coordination avant / avec l'ENT ----------------------------------------------------

def test_avec_l_ent_la_tache_prend_moins_d_etapes_d_acteurs_et_de_temps():
    avant, avec = coordination(False), coordination(True)
    assert len(avec) < len(avant)
    assert sum(e.delai_minutes for e in avec) < sum(e.delai_minutes for e in avant) / 10
    assert [e.ordre for e in avant] == list(range(1, len(avant) + 1))
    assert any("papier" in e.support.lower() for e in avant)
    assert all("ENT" in e.support for e in avec)
    assert avec[0].acteur == "enseignants" and avec[-1].acteur == "vie_scolaire"


def test_la_comparaison_donne_un_resume_en_francais_avec_l_avertissement():
    comparaison = comparaison_coordination()
    resume = str(comparaison)
    assert "Avant l'ENT : 7 étapes, 5 acteurs" in resume
    assert "Avec l'ENT : 5 étapes, 3 acteurs (Enseignants, Vie scolaire, Parents)" in resume
    assert "environ 3 jours" in resume and "environ 3 heures" in resume
    assert resume.endswith(AVERTISSEMENT_DELAIS) and "ordres de grandeur" in resume
    assert comparaison.nombre_etapes(True) == 5
    assert comparaison.delai_total_minutes(False) > comparaison.delai_total_minutes(True)
    assert comparaison.acteurs(False)[0] == "Enseignants"


def test_le_tableau_de_comparaison_met_les_deux_processus_cote_a_cote():
    cadre = comparaison_coordination().tableau
    assert cadre.index.name == "Étape" and list(cadre.index) == list(range(1, 8))
    assert cadre.columns[0] == "Avant l'ENT : qui" and cadre.columns[4] == "Avec l'ENT : qui"
    assert cadre.loc[7, "Avec l'ENT : qui"] == ""        # cinq étapes seulement avec l'ENT
    html = comparaison_coordination()._repr_html_()
    assert "<table" in html and "ordres de grandeur" in html


@pytest.mark.parametrize("valeur", [None, 1, "oui", "True"])
def test_avec_ent_doit_etre_un_booleen(valeur):
    with pytest.raises(ValeurInvalide, match="True .avec l'ENT. ou False"):
        coordination(valeur)


def test_les_durees_s_ecrivent_en_mots():
    assert duree_en_mots(1) == "environ 1 minute"
    assert duree_en_mots(45) == "environ 45 minutes"
    assert duree_en_mots(181) == "environ 3 heures"
    assert duree_en_mots(4565) == "environ 3 jours"


@pytest.mark.parametrize("valeur", ["5", -5, 2.5, True, None, 10 ** 5000],
                         ids=["texte", "negatif", "decimal", "booleen", "rien", "immense"])
def test_une_duree_absurde_est_refusee_en_francais(valeur):
    """``duree_en_mots`` est exportée pour les notebooks : « environ -5 minutes » ou
    « environ True minute » ne doivent pas s'afficher, ni une erreur Python brute."""
    with pytest.raises(ValeurInvalide, match="nombre entier de minutes"):
        duree_en_mots(valeur)


@pytest.mark.parametrize("option", ["corrige_2013", "detaille"])
@pytest.mark.parametrize("valeur", ["oui", 1, None])
def test_les_options_du_tableau_sont_des_booleens(option, valeur):
    with pytest.raises(ValeurInvalide, match=f"« {option} » vaut True ou False"):
        tableau_avantages_limites(**{option: valeur})


def test_les_resultats_sont_identiques_d_un_appel_a_l_autre():
    assert comparaison_coordination() == comparaison_coordination()
    assert str(comparaison_coordination()) == str(comparaison_coordination())
    assert tableau_avantages_limites().equals(tableau_avantages_limites())


# --- Fichiers de données ----------------------------------------------------------------

def test_les_fichiers_livres_commencent_par_leur_provenance():
    for nom in ("acteurs.csv", "avantages_limites.csv", "coordination_absence.csv"):
        assert donnees.chemin(nom).read_text(encoding="utf-8").startswith("# ")


@pytest.fixture
def donnees_copiees(tmp_path, monkeypatch):
    """Une copie de data/ où un test peut abîmer un fichier ; caches vidés avant et après."""
    for f in donnees.dossier().glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    # (le paquet réexporte des fonctions qui portent le nom de leur module : on passe par
    # importlib pour atteindre les modules eux-mêmes)
    module = importlib.import_module
    caches = (donnees.lire_csv, module("entsim.organisation.acteurs").acteurs,
              module("entsim.organisation.avantages")._toutes,
              module("entsim.organisation.coordination")._etapes)

    def vider():
        for cache in caches:
            cache.cache_clear()

    vider()
    monkeypatch.setattr(donnees, "dossier", lambda: tmp_path)
    yield tmp_path
    vider()


def test_un_fichier_d_acteurs_mal_forme_donne_la_ligne_en_francais(donnees_copiees):
    fichier = donnees_copiees / "acteurs.csv"
    texte = fichier.read_text(encoding="utf-8").replace(",Usagers,", ",Martiens,", 1)
    fichier.write_text(texte, encoding="utf-8")
    with pytest.raises(DonneesInvalides, match=r"« acteurs\.csv », ligne 4 : famille "
                                               r"« Martiens » inconnue"):
        acteurs()


def test_une_ligne_d_avantage_pour_un_acteur_inconnu_est_signalee(donnees_copiees):
    fichier = donnees_copiees / "avantages_limites.csv"
    texte = fichier.read_text(encoding="utf-8").replace(",direction,avantage,",
                                                        ",proviseur,avantage,", 1)
    fichier.write_text(texte, encoding="utf-8")
    with pytest.raises(DonneesInvalides, match="acteur « proviseur » absent de acteurs.csv"):
        avantages_et_limites()
