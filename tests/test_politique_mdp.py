"""Politique de mot de passe (SDET, document 2) : chaque règle, chaque code, tous les échecs
ensemble, messages en français."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from entsim.socle import donnees
from entsim.etablissement.annuaire import Eleve, Enseignant, Profil
from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.socle.horloge import Horloge
from entsim.authentification.mots_de_passe.echecs import MESSAGES, Echec, ResultatPolitique
from entsim.authentification.mots_de_passe.regles import (AgeMaximal, EntropieMinimale,
                                                          LongueurMaximale, LongueurMinimale,
                                                          MotDePasseCourant, NonReutilisation,
                                                          TypesDeCaracteres)
from entsim.authentification.mots_de_passe.attributs import AttributsUtilisateur
from entsim.authentification.mots_de_passe.politique import (PolitiqueMotDePasse,
                                                             politique_par_defaut)
from entsim.authentification.mots_de_passe.caracteres import TypeCaractere
from entsim.authentification.mots_de_passe.courants import liste_courante

FORT = "k7#Qm!2vZp9@"           # 12 caractères tirés au hasard, 4 types


@pytest.fixture
def lea() -> Eleve:
    return Eleve(identifiant="lea.martin", prenom="Léa", nom="Martin", profil=Profil.ELEVE,
                 date_naissance=date(2008, 3, 14), courriel="lea.martin@lycee-exemple.fr")


@pytest.fixture
def eloise() -> Enseignant:
    return Enseignant(identifiant="edupre7", prenom="Éloïse", nom="Dupré",
                      profil=Profil.ENSEIGNANT, date_naissance=date(1979, 11, 2))


def empreinte(mot_de_passe: str) -> str:
    """Empreinte de test (SHA-256, suffisant ici : on teste la comparaison, pas le stockage)."""
    return hashlib.sha256(mot_de_passe.encode()).hexdigest()


def verifier(clair: str, empreinte_stockee: str) -> bool:
    return empreinte(clair) == empreinte_stockee


# --- chaque règle, chaque code ---------------------------------------------------------------

def test_mot_de_passe_fort_accepte(lea):
    resultat = politique_par_defaut().valider(FORT, lea)
    assert resultat.ok and resultat.codes == () and resultat.code == "mdp_conforme"
    assert resultat.message == "Le mot de passe respecte la politique de l'ENT."


def test_vide_et_trop_court():
    politique = PolitiqueMotDePasse([LongueurMinimale(8)])
    assert politique.valider("").codes == ("mdp_vide",)
    resultat = politique.valider("Ab1!")
    assert resultat.codes == ("mdp_trop_court",)
    assert resultat.message == ("Le mot de passe est trop court : 4 caractères au lieu de 8 "
                                "au moins.")
    assert politique.valider("a").message.startswith(
        "Le mot de passe est trop court : 1 caractère ")
    assert politique.valider("Ab1!Ab1!").ok


def test_trop_long_bloque_les_autres_regles_et_repond_en_francais():
    resultat = politique_par_defaut().valider("a" * 1_000_000)
    assert resultat.codes == ("mdp_trop_long",)
    assert "beaucoup trop long" in resultat.message and "128 au plus" in resultat.message
    assert PolitiqueMotDePasse([LongueurMaximale(20)]).valider("x" * 20).ok


def test_types_de_caracteres():
    regle = PolitiqueMotDePasse([TypesDeCaracteres(3, 4)])
    resultat = regle.valider("abcdefgh")
    assert resultat.codes == ("mdp_types_insuffisants",)
    assert "il n'en contient qu'un (minuscules)" in resultat.message
    assert "une majuscule" in resultat.message and "un chiffre" in resultat.message
    assert regle.valider("abcdEFGH").codes == ("mdp_types_insuffisants",)
    assert regle.valider("abcdEF12").ok
    assert regle.valider("abcd!?12").ok
    # les lettres accentuées sont des lettres, les émojis des caractères spéciaux
    assert regle.valider("éèÀ🙂").ok


def test_types_parmi_un_nombre_ou_une_liste():
    assert TypesDeCaracteres(2, 3).parmi == (TypeCaractere.MINUSCULES, TypeCaractere.MAJUSCULES,
                                             TypeCaractere.CHIFFRES)
    regle = TypesDeCaracteres(2, ["chiffres", "caractères spéciaux"])
    assert PolitiqueMotDePasse([regle]).valider("12!?").ok
    assert PolitiqueMotDePasse([regle]).valider("abc1").codes == ("mdp_types_insuffisants",)
    assert TypesDeCaracteres(4, 4).aide() == ("Votre mot de passe doit contenir des minuscules, "
                                              "majuscules, chiffres et caractères spéciaux.")
    with pytest.raises(ValeurInvalide, match="Type de caractères inconnu"):
        TypesDeCaracteres(1, ["voyelles"])
    with pytest.raises(ValeurInvalide, match="au plus 2"):
        TypesDeCaracteres(3, ["minuscules", "chiffres"])


@pytest.mark.parametrize("mot_de_passe, base", [
    ("azerty", "azerty"), ("123456", "123456"), ("AZERTYUIOP", "azertyuiop"),
    ("Soleil2024!", "soleil"), ("2008Marseille!", "marseille"), ("S0l3il", "soleil"),
    ("P@ssw0rd1", "password"), ("4zerty!!", "azerty"), ("M0td3p4ss3", "motdepasse"),
    ("azertyazerty", "azerty"), ("Doudou$$$", "doudou"), ("PSG75", "psg"), ("OM13!", "om"),
    ("Jétaime", "jetaime"), ("Allezlesbleus2018", "allezlesbleus"), ("qsdfgh", "qsdfgh"),
    ("Camille#1", "camille"), ("L0ul0u", "loulou"), ("1ovey0u", "loveyou"),
])
def test_mots_de_passe_courants_et_leurs_variantes(mot_de_passe, base):
    regle = MotDePasseCourant()
    assert regle.correspondance(mot_de_passe) == base
    resultat = PolitiqueMotDePasse([regle]).valider(mot_de_passe)
    assert resultat.codes == ("mdp_trop_courant",)
    assert f"« {base} »" in resultat.message and "attaquants" in resultat.message


@pytest.mark.parametrize("mot_de_passe", [FORT, "Tournesol-Vert-Bateau-42", "Xk7mQ2vZp9rT4w",
                                          "Ma phrase secrète : 3 chats !"])
def test_mots_de_passe_non_courants(mot_de_passe):
    assert MotDePasseCourant().correspondance(mot_de_passe) is None


def test_liste_personnalisee():
    regle = MotDePasseCourant(mots=("Ornithorynque",))
    assert regle.correspondance("ornithorynque2024") == "ornithorynque"
    assert regle.correspondance("azerty") is None


def test_liste_livree_a_une_provenance_et_assez_d_entrees():
    texte = donnees.chemin("mots_de_passe_courants.txt").read_text(encoding="utf-8")
    assert texte.startswith("#") and "aucun téléchargement" in texte.splitlines()[0]
    liste = liste_courante()
    assert len(liste) >= 400
    for mot in ("123456", "azerty", "azertyuiop", "motdepasse", "soleil", "doudou", "loulou",
                "chouchou", "marseille", "psg", "om", "olympiquedemarseille", "allezlesbleus",
                "jetaime", "bonjour", "coucou", "nicolas", "julien", "camille", "qsdfgh",
                "wxcvbn", "2008"):
        assert mot in liste, mot
    assert liste.rang("123456") == 1
    entrees = donnees.lignes("mots_de_passe_courants.txt")
    assert all(e == e.lower() and e.isascii() for e in entrees)
    assert len(entrees) == len(set(entrees))


# --- attributs de l'utilisateur --------------------------------------------------------------

@pytest.mark.parametrize("mot_de_passe, code, extrait", [
    ("LEA!x9Q#zz", "mdp_contient_prenom", "lea"),
    ("xx!Léa9Q#z", "mdp_contient_prenom", "lea"),
    ("Martin#x9Qz", "mdp_contient_nom", "martin"),
    ("m4rt1n#Zz9q", "mdp_contient_nom", "martin"),           # leet
    ("Nitram#Kx92", "mdp_contient_nom", "nitram"),           # à l'envers
    ("Marti!x9QzZ", "mdp_contient_nom", "marti"),            # le début du nom
    ("Kx!14/03/2008", "mdp_contient_date_naissance", "14032008"),
    ("Kx!9Qz2008#", "mdp_contient_date_naissance", "2008"),
    ("Kx!9Qz140308", "mdp_contient_date_naissance", "140308"),
    ("Kx!9Qz14mars", "mdp_contient_date_naissance", "14mars"),
    ("Kx!9Qz-leamartin", "mdp_contient_identifiant", "leamartin"),
])
def test_attributs_de_l_utilisateur(lea, mot_de_passe, code, extrait):
    resultat = PolitiqueMotDePasse([AttributsUtilisateur()]).valider(mot_de_passe, lea)
    assert code in resultat.codes
    assert f"« {extrait} »" in resultat.message


def test_attributs_sans_accents_ni_majuscules(eloise):
    politique = PolitiqueMotDePasse([AttributsUtilisateur()])
    assert politique.valider("ELOISE#2x9Q", eloise).codes == ("mdp_contient_prenom",)
    assert politique.valider("3lo1se#2x9Q", eloise).codes == ("mdp_contient_prenom",)
    assert politique.valider("x9Q#dupre!!", eloise).codes == ("mdp_contient_nom",)
    assert politique.valider("x9Q#EDUPRE7", eloise).codes == ("mdp_contient_nom",
                                                               "mdp_contient_identifiant")
    assert politique.valider("Kx!9Qz-02/11/1979", eloise).codes == (
        "mdp_contient_date_naissance",)
    assert politique.valider("Kx!9Qz-1979", eloise).codes == ("mdp_contient_date_naissance",)


def test_attributs_sans_faux_positifs(lea):
    politique = PolitiqueMotDePasse([AttributsUtilisateur()])
    for mot_de_passe in ("Particulier!9x", "Raphael!x9Q", FORT, "Tournesol-Vert-Bateau-42"):
        assert politique.valider(mot_de_passe, lea).ok, mot_de_passe
    assert politique.valider("LeaMartin2008", lea).ok is False
    assert politique.valider("LeaMartin2008", None).ok      # sans utilisateur : rien à comparer


# --- non-réutilisation -----------------------------------------------------------------------

def test_reutilisation_detectee_avec_un_vrai_verificateur(lea):
    anciens = ["Kx!9vQz#Tr2025", "Autre#Mot9dePasse", "Encore1!Different"]
    historique = [empreinte(m) for m in anciens]          # le plus récent d'abord
    politique = politique_par_defaut()
    resultat = politique.valider("Autre#Mot9dePasse", lea, historique=historique,
                                 verifier=verifier)
    assert resultat.codes == ("mdp_deja_utilise",)
    assert resultat.message == ("Vous avez déjà utilisé ce mot de passe (il fait partie de vos "
                                "5 derniers) : choisissez-en un nouveau.")
    assert politique.valider(FORT, lea, historique=historique, verifier=verifier).ok


def test_seuls_les_n_derniers_comptent():
    historique = [empreinte(f"Ancien#{i}xQz!") for i in range(6)]
    politique = PolitiqueMotDePasse([NonReutilisation(5, proches=False)])
    assert politique.valider("Ancien#4xQz!", historique=historique, verifier=verifier).codes == (
        "mdp_deja_utilise",)
    assert politique.valider("Ancien#5xQz!", historique=historique, verifier=verifier).ok


def test_mot_de_passe_trop_proche_du_precedent():
    historique = [empreinte("Kx!9vQz#Tr2024")]
    politique = PolitiqueMotDePasse([NonReutilisation(5)])
    for proche in ("Kx!9vQz#Tr2025", "Kx!9vQz#Tr2023", "Kx!9vQz#Tr20245", "kx!9vQz#Tr2024"):
        resultat = politique.valider(proche, historique=historique, verifier=verifier)
        assert resultat.codes == ("mdp_trop_proche",), proche
        assert "trop proche" in resultat.message
    assert politique.valider("Kx!9vQz#Tr2030", historique=historique, verifier=verifier).ok
    # la proximité n'est cherchée que parmi les 2 plus récents (chaque essai coûte un hachage)
    plus_ancien = [empreinte("a#1Zz!x9"), empreinte("b#1Zz!x9"), *historique]
    assert politique.valider("Kx!9vQz#Tr2025", historique=plus_ancien, verifier=verifier).ok
    sans_proches = PolitiqueMotDePasse([NonReutilisation(5, proches=False)])
    assert sans_proches.valider("Kx!9vQz#Tr2025", historique=historique, verifier=verifier).ok


def test_historique_sans_verificateur_est_une_erreur_claire():
    with pytest.raises(ValeurInvalide, match="verifier"):
        politique_par_defaut().valider(FORT, historique=[empreinte("x")])


# --- tous les échecs ensemble ----------------------------------------------------------------

def test_tous_les_echecs_sont_rapportes_ensemble(lea):
    resultat = politique_par_defaut().valider(
        "Lea2008", lea, historique=[empreinte("Lea2008")], verifier=verifier)
    assert resultat.codes == ("mdp_trop_court", "mdp_trop_courant", "mdp_contient_prenom",
                              "mdp_contient_date_naissance", "mdp_deja_utilise")
    assert not resultat.ok and resultat.code == "mdp_trop_court"
    assert resultat.message.startswith("Le mot de passe est refusé pour 5 raisons :\n• ")
    for echec in resultat.echecs:
        assert f"• {echec.message}" in resultat.message


def test_chaque_code_a_un_libelle_francais():
    politique = PolitiqueMotDePasse([LongueurMaximale(), LongueurMinimale(), TypesDeCaracteres(),
                                     MotDePasseCourant(), AttributsUtilisateur(),
                                     NonReutilisation(), EntropieMinimale(), AgeMaximal()])
    assert set(politique.codes()) | {"mdp_expire"} == set(MESSAGES)
    for code, gabarit in MESSAGES.items():
        assert code.isascii() and code.startswith("mdp_")
        assert gabarit[0].isupper() and gabarit.endswith("."), code   # une phrase française


def test_resultat_est_une_valeur_figee():
    resultat = ResultatPolitique((Echec("mdp_vide", MESSAGES["mdp_vide"]),))
    with pytest.raises(AttributeError):
        resultat.echecs = ()  # type: ignore[misc]
    assert str(resultat) == "Le mot de passe est vide : choisissez-en un."
    assert not resultat


# --- Unicode, erreurs d'élève ----------------------------------------------------------------

def test_mots_de_passe_unicode(lea):
    politique = politique_par_defaut()
    assert politique.valider("Ça-marche-🙂-très-bien", lea).ok
    # « é » tapé « e » + accent combinant compte pour un seul caractère
    assert PolitiqueMotDePasse([LongueurMinimale(8)]).valider("Caf\u0065\u0301!12").codes == (
        "mdp_trop_court",)


@pytest.mark.parametrize("valeur", [12345678, None, b"azerty", ["azerty"]])
def test_mot_de_passe_qui_n_est_pas_un_texte(valeur):
    with pytest.raises(ValeurInvalide) as erreur:
        politique_par_defaut().valider(valeur)
    assert isinstance(erreur.value, ErreurENT)
    assert "doit être un texte" in str(erreur.value)


def test_erreurs_de_construction_en_francais():
    with pytest.raises(ValeurInvalide, match="parenthèses"):
        PolitiqueMotDePasse([LongueurMinimale])                 # type: ignore[list-item]
    with pytest.raises(ValeurInvalide, match="n'est pas une règle"):
        PolitiqueMotDePasse(["longueur"])                        # type: ignore[list-item]
    with pytest.raises(ValeurInvalide, match="liste de règles"):
        PolitiqueMotDePasse("LongueurMinimale(8)")              # type: ignore[arg-type]
    with pytest.raises(ValeurInvalide, match="au moins 1"):
        LongueurMinimale(0)
    with pytest.raises(ValeurInvalide, match="personne de l'annuaire"):
        politique_par_defaut().valider(FORT, "lea.martin")     # type: ignore[arg-type]


# --- renouvellement, politiques toutes faites ------------------------------------------------

def test_age_maximal_sur_l_horloge_simulee():
    horloge = Horloge()
    politique = PolitiqueMotDePasse([LongueurMinimale(8), AgeMaximal(90)])
    change_le = horloge.maintenant()
    assert politique.valider(FORT).ok                    # ne fait jamais échouer « valider »
    horloge.avancer(jours=89)
    assert not politique.expire(change_le, horloge.maintenant())
    horloge.avancer(jours=1)
    assert politique.expire(change_le, horloge.maintenant())
    echec = politique.echec_expiration()
    assert echec is not None and echec.code == "mdp_expire"
    assert echec.message == ("Votre mot de passe a été changé il y a plus de 90 jours : vous "
                             "devez en choisir un nouveau.")
    assert "90 jours" in politique.aides()[1]


def test_politique_par_defaut_sans_renouvellement_impose():
    horloge = Horloge()
    politique = politique_par_defaut()
    debut = horloge.maintenant()
    horloge.avancer(jours=3650)
    assert not politique.expire(debut, horloge.maintenant())
    assert politique.echeance(debut) is None and politique.echec_expiration() is None
    with pytest.raises(ValeurInvalide, match="datetime"):
        politique.expire("2026-09-07", horloge.maintenant())    # type: ignore[arg-type]


def test_politique_ent_cas_2_de_la_cnil():
    politique = PolitiqueMotDePasse.ent_par_defaut()
    assert politique.valider("Km#Qv!pZ").ok             # 8 caractères, 3 des 4 types
    assert politique.valider("Km#Qv!p").codes == ("mdp_trop_court",)
    aides = politique.aides()
    assert len(aides) == len(politique.regles) and all(a.startswith("Votre mot de passe")
                                                       for a in aides)


def test_politique_cnil_mot_de_passe_seul():
    politique = PolitiqueMotDePasse.cnil_mot_de_passe_seul()
    for exemple in (FORT, "Xk7mQ2vZp9rT4w", "cheval agrafe pluie tambour neige vélo citron"):
        assert politique.valider(exemple).ok, exemple
    resultat = politique.valider("Km#Qv!pZ")
    assert resultat.codes == ("mdp_entropie_insuffisante",)
    assert resultat.message.startswith("Le mot de passe n'est pas assez robuste : 52 bits")
    assert politique.valider("Marseille2024!!").codes == ("mdp_trop_courant",)


def test_politique_permissive_pour_les_demonstrations():
    assert PolitiqueMotDePasse.permissive().valider("1234").ok


def test_nombre_de_verifications_borne():
    """Chaque vérification coûte un hachage lent : au pire n + 4 × n_proches."""
    appels: list[str] = []

    def verifier_compte(clair: str, empreinte_stockee: str) -> bool:
        appels.append(clair)
        return False

    historique = [empreinte(f"Ancien#{i}xQz!") for i in range(8)]
    PolitiqueMotDePasse([NonReutilisation(5)]).valider("Nouveau#2024xQz", historique=historique,
                                                       verifier=verifier_compte)
    assert 5 < len(appels) <= 5 + 4 * 2
