"""Vol de la base des mots de passe et cassage hors ligne (entsim.attaques.cassage,
mesures, vol_de_base) : ce qui tombe est déterministe, les vitesses sont mesurées à part."""

import math

import pytest

from entsim.attaques import scenarios
from entsim.attaques.cassage import casser, dictionnaire, fabriquer_base
from entsim.attaques.mesures import (VITESSES_GPU, Mesures, VitesseMesuree, en_environ,
                                     mesurer_schema, phrases_epuisement,
                                     sortes_de_mots_de_passe, tableau_epuisement)
from entsim.attaques.vol_de_base import MOTS_DE_PASSE_FAIBLES, POSTE_ATTAQUANT, VolDeBase
from entsim.authentification.hachage import GestionnaireEmpreintes
from entsim.socle.erreurs import ValeurInvalide


@pytest.fixture(scope="module")
def scenario():
    s = VolDeBase()
    s.comparer()
    return s


@pytest.fixture(scope="module")
def laboratoire(scenario):
    return scenario.laboratoire()


def test_le_scenario_est_inscrit_au_registre():
    assert scenarios()["vol_de_base"] is VolDeBase


def test_sans_parade_les_mots_de_passe_faibles_tombent_et_l_intrus_se_connecte(scenario):
    sans = scenario.resultats[False]
    assert sans.reussie and sans.issue == "Attaque réussie"
    assert sans.chiffres["comptes_retrouves"] == len(MOTS_DE_PASSE_FAIBLES)
    assert sans.chiffres["calculs_joues"] == len(dictionnaire())     # tout est joué
    # le journal garde la connexion de l'intrus… comme si c'était le titulaire
    connexions = sans.lignes("Connexion réussie")
    assert (connexions["Poste"] == POSTE_ATTAQUANT).sum() == 1
    assert "MD5 sans sel" in sans.resume and "Connexion réussie" in sans.resume


def test_avec_parade_rien_ne_tombe_et_la_politique_refuse_les_faibles(scenario):
    avec = scenario.resultats[True]
    assert not avec.reussie
    assert avec.chiffres["comptes_retrouves"] == 0
    assert avec.chiffres["mots_de_passe_refuses"] == len(MOTS_DE_PASSE_FAIBLES)
    assert len(avec.lignes("Nouveau mot de passe refusé")) == len(MOTS_DE_PASSE_FAIBLES)
    assert (avec.journal["Poste"] == POSTE_ATTAQUANT).sum() == 0      # aucune connexion
    assert "Argon2id" in avec.resume


def test_les_mesures_sont_a_part_et_le_reste_est_deterministe(scenario):
    autre = VolDeBase()
    for avec in (False, True):
        r, s = scenario.resultats[avec], autre.jouer(avec)
        assert (r.reussie, r.resume, dict(r.chiffres)) == (s.reussie, s.resume, dict(s.chiffres))
        assert set(r.mesures) == {"mesure_secondes", "mesure_essais_par_seconde"}
        assert r.mesures["mesure_essais_par_seconde"] > 0


def test_le_dictionnaire_suit_la_liste_et_ses_transformations():
    candidats = dictionnaire()
    assert candidats[:3] == ("123456", "123456789", "azerty")
    assert len(candidats) == len(set(candidats)) > 5000
    for mot in MOTS_DE_PASSE_FAIBLES:
        assert mot in candidats
    assert "Cahier!Vert2026" not in candidats


def test_sans_sel_deux_comptes_au_meme_mot_de_passe_ont_la_meme_empreinte():
    base = fabriquer_base({"a": "azerty", "b": "azerty", "c": "Tambour#Lune-58"}, "md5_sans_sel")
    assert base["a"] == base["b"] == GestionnaireEmpreintes("md5_sans_sel").hacher("azerty")
    resultat = casser(base, "md5_sans_sel")
    assert [c.identifiant for c in resultat.trouves] == ["a", "b"]
    assert resultat.trouves[0].rang == 3 and resultat.complet


def test_le_clair_se_lit_sans_rien_calculer():
    resultat = casser({"a": "Tambour#Lune-58"}, "clair")
    assert resultat.trouves[0].mot_de_passe == "Tambour#Lune-58"
    assert resultat.essais_joues == 0 and "même les plus solides" in resultat.texte()


def test_avec_sel_les_premiers_candidats_sont_joues_le_reste_extrapole():
    mots = {"a": "azerty", "b": "Soleil2025", "c": "Tambour#Lune-58"}
    resultat = casser(fabriquer_base(mots, "argon2"), "argon2", verite=mots, candidats_joues=3)
    a, b, c = resultat.comptes
    assert a.trouve and a.joue and a.rang == 3
    assert b.trouve and not b.joue and b.rang == dictionnaire().index("Soleil2025") + 1
    assert not c.trouve
    assert resultat.essais_joues == 3 * 3       # « azerty » est le 3e candidat : tout est joué
    assert resultat.essais_dictionnaire_complet == 3 * len(dictionnaire())
    assert "extrapolé" in resultat.texte()
    assert set(resultat.tableau()["Comment"]) == {"trouvé (joué)", "trouverait (extrapolé)",
                                                  "résiste au dictionnaire"}


def test_une_base_vide_ou_un_schema_inconnu_est_refuse_en_francais():
    with pytest.raises(ValeurInvalide, match="non vide"):
        casser({}, "md5_sans_sel")
    with pytest.raises(ValeurInvalide, match="Schéma de stockage inconnu"):
        casser({"a": "x"}, "rot13")


def test_laboratoire_memes_comptes_retrouves_quel_que_soit_le_stockage(laboratoire):
    r = laboratoire.resultats
    assert list(r) == ["clair", "md5_sans_sel", "pbkdf2_sha256", "argon2"]
    assert len(r["clair"].trouves) == 9                        # même les solides
    for schema in ("md5_sans_sel", "pbkdf2_sha256", "argon2"):
        assert len(r[schema].trouves) == 6, schema
    assert r["argon2"].essais_joues < r["argon2"].essais_dictionnaire_complet
    assert "seul un mot de passe absent des dictionnaires" in laboratoire.texte()
    assert len(laboratoire.tableau()) == 4


def test_laboratoire_mesures_ordre_de_grandeur(laboratoire):
    m = laboratoire.mesures
    assert math.isinf(m.essais_par_seconde("clair"))
    # MD5 sans sel : des centaines de milliers par seconde ; Argon2 : quelques dizaines
    assert m.essais_par_seconde("md5_sans_sel") > 100 * m.essais_par_seconde("argon2")
    assert "RTX 4090" in laboratoire.mesure_texte()


def test_vitesses_gpu_publiees_et_extrapolees():
    assert VITESSES_GPU["md5_sans_sel"].essais_par_seconde == 164e9
    assert VITESSES_GPU["pbkdf2_sha256"].essais_par_seconde == pytest.approx(
        8.9e6 * 999 / 600_000)
    assert VITESSES_GPU["bcrypt"].essais_par_seconde == 184e3
    assert VITESSES_GPU["argon2"].essais_par_seconde is None
    assert "7.0.0" in VITESSES_GPU["argon2"].source


def test_sortes_de_mots_de_passe_et_cas_cnil():
    sortes = {s.libelle: s for s in sortes_de_mots_de_passe()}
    assert round(sortes["Code PIN de 6 chiffres"].bits) == 20
    assert sortes["8 caractères, 3 des 4 types"].cas_cnil.startswith("cas n° 2")
    assert sortes["12 caractères des 4 types"].cas_cnil.startswith("cas n° 1")
    assert sortes["Phrase de passe de 7 mots"].bits > 90


def _mesures_fixes() -> Mesures:
    return Mesures({"clair": VitesseMesuree("clair", 0, 0.0),
                    "md5_sans_sel": VitesseMesuree("md5_sans_sel", 500_000, 1.0),
                    "argon2": VitesseMesuree("argon2", 50, 1.0)})


def test_tableau_d_epuisement_phrases_vraies():
    table = tableau_epuisement(_mesures_fixes(), ("clair", "md5_sans_sel", "argon2", "bcrypt"))
    assert list(table.columns) == ["Mot de passe", "Bits", "Stockage", "Sur ce PC",
                                   "Sur une RTX 4090"]               # lisible projeté
    huit = table[table["Mot de passe"] == "8 caractères, 3 des 4 types"].set_index("Stockage")
    assert huit.loc["MD5 sans sel", "Sur une RTX 4090"] == "16 heures"
    assert huit.loc["Argon2id (19 Mio, t = 2)", "Sur une RTX 4090"] == "pas de chiffre publié"
    assert huit.loc["bcrypt (coût 5)", "Sur ce PC"] == "non mesuré ici"
    assert huit.loc["Texte en clair", "Sur une RTX 4090"].startswith("immédiat")
    assert table.index[0] == 1 and table["Bits"].dtype.kind == "i"
    phrases = phrases_epuisement(_mesures_fixes())
    assert "en environ 16 heures" in phrases[1]
    # « l'âge de l'Univers » seulement quand c'est vrai
    pin = phrases[0]
    assert "Univers" not in pin and "en moins d'une seconde" in pin
    assert en_environ(1e30).startswith("en plus que l'âge de l'Univers")


def test_une_rafale_mesure_au_moins_deux_essais():
    v = mesurer_schema("md5_sans_sel", 0.01)
    assert v.mesure_essais >= 2 and v.mesure_essais_par_seconde > 0
    assert "essais par seconde" in v.texte()
    with pytest.raises(ValeurInvalide, match="entre 0 et 5"):
        mesurer_schema("md5_sans_sel", 60)


def test_bcrypt_est_mesure_au_cout_des_chiffres_publies():
    """bcrypt (paquet installé avec entsim) est mesuré sur ce PC au coût 5, celui du chiffre
    publié pour la RTX 4090 : la comparaison se fait à coût égal."""
    from entsim.attaques.mesures import COUT_BCRYPT, mesurer, tableau_epuisement

    mesures = mesurer(("md5_sans_sel", "bcrypt"), duree=0.05)
    assert COUT_BCRYPT == 5 and "bcrypt" in mesures
    assert 0 < mesures.essais_par_seconde("bcrypt") < mesures.essais_par_seconde("md5_sans_sel")
    assert "bcrypt (coût 5)" in mesures.texte()
    tableau = tableau_epuisement(mesures, ("md5_sans_sel", "bcrypt"))
    assert tableau.index[0] == 1 and "non mesuré ici" not in tableau.to_string()
