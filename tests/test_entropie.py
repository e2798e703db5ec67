"""Entropie et verdicts de la CNIL (délibération n° 2022-100) : les exemples de la délibération,
des contre-exemples, l'estimation réaliste et les temps de cassage, en français."""

from __future__ import annotations

import math
from datetime import date

import pytest

from entsim.etablissement.annuaire import Eleve, Profil
from entsim.authentification.mots_de_passe.cassage import (VITESSES_RTX_4090, duree_lisible,
                                                           temps_de_cassage)
from entsim.authentification.mots_de_passe.cnil import (Cas, exemples_deliberation,
                                                        tableau_exemples_cnil, tableau_verdicts,
                                                        verdict_cnil, verdicts_cnil)
from entsim.authentification.mots_de_passe.estimation import analyse_realiste, estimation_realiste
from entsim.authentification.mots_de_passe.entropie import (bits_arrondis, entropie_caracteres,
                                                            entropie_combinatoire,
                                                            entropie_phrase_de_passe,
                                                            entropie_theorique)
from entsim.socle.erreurs import ErreurENT, ValeurInvalide

TOUS = ["minuscules", "majuscules", "chiffres", "speciaux"]
DOUZE_QUATRE_TYPES = "k7#Qm!2vZp9@"          # 12 caractères, 4 types
QUATORZE_SANS_SPECIAUX = "Xk7mQ2vZp9rT4w"      # 14 caractères, 3 types, aucun spécial
PHRASE_7_MOTS = "cheval agrafe pluie tambour neige vélo citron"
HUIT_TROIS_TYPES = "Km#Qv!pZ"                  # 8 caractères : majuscules, minuscules, spéciaux
CODE_4_CHIFFRES = "4821"


# --- les exemples de la délibération, en règle ------------------------------------------------

def test_exemples_de_la_deliberation_en_combinatoire():
    # cas n° 1 : 12 caractères des 4 types, 37 caractères spéciaux → 12 × log2(99) ≈ 79,6 ≈ 80
    douze = entropie_combinatoire(12, TOUS)
    assert douze == pytest.approx(12 * math.log2(99)) and bits_arrondis(douze) == 80
    # cas n° 1 : 14 caractères sans caractère spécial → 14 × log2(62) ≈ 83,4
    assert entropie_combinatoire(14, TOUS[:3]) == pytest.approx(83.36, abs=0.01)
    # cas n° 1 : phrase de 7 mots (liste Diceware de 7 776 mots) ≈ 90,5
    assert entropie_phrase_de_passe(7) == pytest.approx(90.47, abs=0.01)
    # cas n° 2 : 8 caractères, 3 des 4 types imposés, les 99 caractères autorisés → ≈ 53
    assert entropie_combinatoire(8, TOUS) == pytest.approx(53.03, abs=0.01)
    # cas n° 3 : 4 chiffres → ≈ 13,3
    assert entropie_combinatoire(4, ["chiffres"]) == pytest.approx(13.29, abs=0.01)
    assert all(e.conforme for e in exemples_deliberation())
    assert len(exemples_deliberation()) == 5


@pytest.mark.parametrize("bits, seuil", [
    (entropie_combinatoire(11, TOUS), 80),                       # 11 caractères : ≈ 72,9
    (entropie_combinatoire(13, TOUS[:3]), 80),                   # 13 sans spéciaux : ≈ 77,4
    (entropie_phrase_de_passe(6), 80),                           # 6 mots : ≈ 77,5
    (entropie_phrase_de_passe(7, taille_dictionnaire=1000), 80),  # 7 mots parmi 1 000 : ≈ 69,8
    (entropie_combinatoire(7, TOUS), 50),                        # 7 caractères : ≈ 46,4
    (entropie_combinatoire(3, ["chiffres"]), 13),                # 3 chiffres : ≈ 10
])
def test_contre_exemples_en_combinatoire(bits, seuil):
    assert bits_arrondis(bits) < seuil


def test_taille_minimale_du_dictionnaire_pour_7_mots():
    assert bits_arrondis(entropie_phrase_de_passe(7, 2624)) == 80
    assert bits_arrondis(entropie_phrase_de_passe(7, 2623)) == 79


# --- les mêmes exemples, sur de vrais mots de passe -----------------------------------------

@pytest.mark.parametrize("mot_de_passe, cas", [
    (DOUZE_QUATRE_TYPES, Cas.MOT_DE_PASSE_SEUL),
    (QUATORZE_SANS_SPECIAUX, Cas.MOT_DE_PASSE_SEUL),
    (PHRASE_7_MOTS, Cas.MOT_DE_PASSE_SEUL),
    (HUIT_TROIS_TYPES, Cas.AVEC_RESTRICTION),
    (CODE_4_CHIFFRES, Cas.CODE_DEVERROUILLAGE),
])
def test_verdicts_sur_les_exemples_de_la_deliberation(mot_de_passe, cas):
    verdict = verdict_cnil(mot_de_passe, cas)
    assert verdict.conforme and verdict.ok and verdict.code == "cnil_conforme"
    assert verdict.seuil == cas.seuil and verdict.cas is cas
    assert verdict.message.endswith(": conforme.")


def test_message_du_verdict():
    assert verdict_cnil(DOUZE_QUATRE_TYPES, Cas.MOT_DE_PASSE_SEUL).message == (
        "80 bits ≥ 80 bits exigés pour un mot de passe seul : conforme.")
    assert verdict_cnil(HUIT_TROIS_TYPES, 2).message == (
        "52 bits ≥ 50 bits exigés avec blocage ou temporisation du compte : conforme.")
    assert verdict_cnil(HUIT_TROIS_TYPES, 1).message == (
        "52 bits < 80 bits exigés pour un mot de passe seul : non conforme.")
    assert verdict_cnil("482", Cas.CODE_DEVERROUILLAGE).message == (
        "10 bits < 13 bits exigés pour un code de déverrouillage (blocage après 3 échecs) : "
        "non conforme.")


@pytest.mark.parametrize("mot_de_passe, cas", [
    ("k7#Qm!2vZp9", Cas.MOT_DE_PASSE_SEUL),                  # 11 caractères seulement
    ("Xk7mQ2vZp9rT4", Cas.MOT_DE_PASSE_SEUL),                # 13 sans caractère spécial
    ("cheval agrafe pluie tambour neige vélo", Cas.MOT_DE_PASSE_SEUL),   # 6 mots
    ("Km#Qv!p", Cas.AVEC_RESTRICTION),                       # 7 caractères
    ("482", Cas.CODE_DEVERROUILLAGE),                        # 3 chiffres
    ("", Cas.CODE_DEVERROUILLAGE),
])
def test_contre_exemples_sur_de_vrais_mots_de_passe(mot_de_passe, cas):
    verdict = verdict_cnil(mot_de_passe, cas)
    assert not verdict.conforme and verdict.message.endswith(": non conforme.")


def test_un_mot_de_passe_precis_peut_valoir_moins_que_la_regle():
    # La règle « 8 caractères, 3 des 4 types » vaut 53 bits (99 caractères possibles), mais un
    # mot de passe qui n'utilise que lettres et chiffres ne pèse que 8 × log2(62) ≈ 47,6 bits.
    assert entropie_theorique("Abcdefg1") == pytest.approx(47.63, abs=0.01)
    assert not verdict_cnil("Tr7kPz2w", Cas.AVEC_RESTRICTION).conforme


def test_trois_verdicts_dans_l_ordre():
    verdicts = verdicts_cnil(HUIT_TROIS_TYPES)
    assert [v.cas for v in verdicts] == [Cas.MOT_DE_PASSE_SEUL, Cas.AVEC_RESTRICTION,
                                         Cas.CODE_DEVERROUILLAGE]
    assert [v.conforme for v in verdicts] == [False, True, True]
    assert [v.seuil for v in verdicts] == [80, 50, 13]


def test_conforme_mais_devinable():
    verdict = verdict_cnil("Marseille2024!", Cas.MOT_DE_PASSE_SEUL)
    assert verdict.conforme and verdict.devinable
    assert verdict.bits_realistes < 25
    assert "Mais attention : il est devinable" in verdict.message
    assert "« Marseille »" in verdict.message and "une année (« 2024 »)" in verdict.message
    assert not verdict_cnil(DOUZE_QUATRE_TYPES, 1).devinable


def test_cas_invalide_en_francais():
    with pytest.raises(ValeurInvalide, match="Cas inconnu"):
        verdict_cnil("azerty", 4)
    with pytest.raises(ValeurInvalide, match="Cas inconnu"):
        verdict_cnil("azerty", "seul")   # type: ignore[arg-type]


# --- entropie théorique -----------------------------------------------------------------------

def test_entropie_theorique_par_types_presents():
    assert entropie_theorique("Az3rty0)") == pytest.approx(8 * math.log2(99))
    assert entropie_theorique("abc") == pytest.approx(3 * math.log2(26))
    assert entropie_theorique("1234") == pytest.approx(4 * math.log2(10))
    assert entropie_theorique("") == 0.0
    # lettres accentuées = lettres ; émoji = caractère spécial ; « e » + accent = 1 caractère
    assert entropie_theorique("éèà") == pytest.approx(3 * math.log2(26))
    assert entropie_theorique("a🙂") == pytest.approx(2 * math.log2(26 + 37))
    assert entropie_theorique("Cafe\u0301") == pytest.approx(entropie_theorique("Café"))


def test_phrase_de_passe_comptee_en_mots():
    assert entropie_theorique(PHRASE_7_MOTS) == pytest.approx(entropie_phrase_de_passe(7))
    assert entropie_caracteres(PHRASE_7_MOTS) > 200
    assert entropie_theorique("Trois mots seulement") == pytest.approx(
        entropie_caracteres("Trois mots seulement"))


# --- estimation réaliste ----------------------------------------------------------------------

def test_estimation_realiste_bien_plus_basse_pour_un_mot_de_passe_courant():
    assert entropie_theorique("Soleil2024!") > 70
    assert estimation_realiste("Soleil2024!") < 25
    assert estimation_realiste("123456") < 1                 # le premier essai de la liste
    assert estimation_realiste("azerty") < 5
    assert estimation_realiste("P@ssw0rd1") < 20
    assert estimation_realiste("14032008") < 17             # une date
    assert estimation_realiste("qsdfghjklmp") < 20           # une suite du clavier
    assert estimation_realiste("zzzzzzzzzzzz") < 15          # un caractère répété


def test_estimation_realiste_egale_la_theorie_pour_un_mot_de_passe_aleatoire():
    for mot_de_passe in (DOUZE_QUATRE_TYPES, QUATORZE_SANS_SPECIAUX, PHRASE_7_MOTS):
        assert estimation_realiste(mot_de_passe) == pytest.approx(
            entropie_theorique(mot_de_passe))


@pytest.mark.parametrize("mot_de_passe", ["Soleil2024!", "azerty", "x", "", "Lea14032008",
                                          "Ça-marche-🙂-très-bien", DOUZE_QUATRE_TYPES])
def test_estimation_jamais_superieure_a_la_theorie(mot_de_passe):
    assert estimation_realiste(mot_de_passe) <= entropie_theorique(mot_de_passe) + 1e-9


def test_analyse_explique_les_morceaux_en_francais():
    analyse = analyse_realiste("Soleil2024!")
    assert [m.nature for m in analyse.morceaux] == ["mot de passe courant", "année",
                                                   "force brute"]
    assert analyse.devinable_par_liste
    assert "« Soleil » : mot de passe courant, rang" in analyse.explication
    assert analyse.explication.startswith("Estimation réaliste : ≈ ")


def test_attaque_ciblee_avec_les_informations_personnelles():
    lea = Eleve(identifiant="lea.martin", prenom="Léa", nom="Martin", profil=Profil.ELEVE,
                date_naissance=date(2008, 3, 14))
    sans_cible = estimation_realiste("Martin!1403x")
    ciblee = analyse_realiste("Martin!1403x", lea)
    assert ciblee.bits < sans_cible
    assert any(m.detail == "votre nom" for m in ciblee.morceaux)
    assert any(m.detail == "votre date de naissance" for m in ciblee.morceaux)


# --- tableau ---------------------------------------------------------------------------------

def test_tableau_des_verdicts():
    tableau = tableau_verdicts(["azerty", "Soleil2024!", DOUZE_QUATRE_TYPES], algorithme="md5")
    assert list(tableau.columns) == [
        "Mot de passe", "Longueur", "Types de caractères", "Entropie théorique (bits)",
        "Estimation réaliste (bits)", "Mot de passe seul (≥ 80 bits)",
        "Avec blocage (≥ 50 bits)", "Code de déverrouillage (≥ 13 bits)",
        "Temps de cassage (MD5)"]
    assert len(tableau) == 3
    ligne = tableau.iloc[2]
    assert ligne["Mot de passe seul (≥ 80 bits)"] == "conforme"
    assert tableau.iloc[0]["Avec blocage (≥ 50 bits)"] == "non conforme"
    assert tableau.iloc[0]["Temps de cassage (MD5)"] == "moins d'une seconde"
    assert set(tableau_exemples_cnil()["Verdict"]) == {"conforme"}
    with pytest.raises(ValeurInvalide, match="liste de mots de passe"):
        tableau_verdicts("azerty")


# --- temps de cassage ------------------------------------------------------------------------

def test_vitesses_de_hashcat_sur_une_rtx_4090():
    assert VITESSES_RTX_4090["md5"].essais_par_seconde == 164e9
    assert VITESSES_RTX_4090["sha256"].essais_par_seconde == 22e9
    assert VITESSES_RTX_4090["pbkdf2_sha256"].essais_par_seconde == 8.9e6
    assert VITESSES_RTX_4090["bcrypt"].essais_par_seconde == 184e3
    assert str(VITESSES_RTX_4090["md5"]) == "MD5 : 164 milliards d'essais par seconde"
    assert str(VITESSES_RTX_4090["bcrypt"]) == "bcrypt (coût 5) : 184\u202f000 essais par seconde"


def test_temps_de_cassage():
    md5 = temps_de_cassage(40, "md5")
    assert md5.secondes == pytest.approx(2**40 / 164e9)
    assert md5.texte == "7 secondes" and str(md5) == "7 secondes"
    assert md5.secondes_en_moyenne == pytest.approx(md5.secondes / 2)
    assert temps_de_cassage(50, VITESSES_RTX_4090["md5"]).texte == "2 heures"
    assert temps_de_cassage(80, "bcrypt").texte == (
        "plus que l'âge de l'Univers (13,8 milliards d'années)")
    assert temps_de_cassage(10, 1000).texte == "1 seconde"
    # même mot de passe, empreinte lente : des centaines de milliers de fois plus long
    assert temps_de_cassage(60, "bcrypt").secondes / temps_de_cassage(60, "md5").secondes > 8e5


@pytest.mark.parametrize("secondes, texte", [
    (0.2, "moins d'une seconde"), (1, "1 seconde"), (3, "3 secondes"), (90, "2 minutes"),
    (3 * 3600, "3 heures"), (3 * 86400, "3 jours"), (100 * 86400, "3 mois"),
    (365.25 * 86400, "1 an"), (12 * 365.25 * 86400, "12 ans"),
    (450_000 * 365.25 * 86400, "450\u202f000 ans"),
    (3e6 * 365.25 * 86400, "3 millions d'années"),
    (1.5e9 * 365.25 * 86400, "1,5 milliard d'années"),
    (1e20 * 365.25 * 86400, "plus que l'âge de l'Univers (13,8 milliards d'années)"),
])
def test_durees_en_francais(secondes, texte):
    assert duree_lisible(secondes) == texte


def test_erreurs_de_vitesse_en_francais():
    with pytest.raises(ValeurInvalide, match="Algorithme inconnu"):
        temps_de_cassage(40, "md6")
    with pytest.raises(ValeurInvalide, match="essais par seconde"):
        temps_de_cassage(40, -5)
    with pytest.raises(ValeurInvalide, match="nombre positif"):
        temps_de_cassage("40", "md5")   # type: ignore[arg-type]


# --- erreurs d'élève -------------------------------------------------------------------------

@pytest.mark.parametrize("fonction", [entropie_theorique, estimation_realiste, verdicts_cnil])
@pytest.mark.parametrize("valeur", [123456, None, b"azerty"])
def test_mot_de_passe_qui_n_est_pas_un_texte(fonction, valeur):
    with pytest.raises(ValeurInvalide) as erreur:
        fonction(valeur)
    assert isinstance(erreur.value, ErreurENT) and "doit être un texte" in str(erreur.value)


def test_arguments_invalides_en_francais():
    with pytest.raises(ValeurInvalide, match="liste de types"):
        entropie_combinatoire(12, 4)        # type: ignore[arg-type]
    with pytest.raises(ValeurInvalide, match="Type de caractères inconnu"):
        entropie_combinatoire(12, ["lettres"])
    with pytest.raises(ValeurInvalide, match="au moins 0"):
        entropie_combinatoire(-1, TOUS)
    with pytest.raises(ValeurInvalide, match="trop long pour être analysé"):
        estimation_realiste("a" * 5000)


def test_unicode_partout():
    mot_de_passe = "Ça-marche-🙂-très-bien"
    assert entropie_theorique(mot_de_passe) > 80
    assert verdict_cnil(mot_de_passe, Cas.MOT_DE_PASSE_SEUL).conforme
    assert estimation_realiste(mot_de_passe) > 0
