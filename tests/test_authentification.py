import dataclasses
from datetime import date, datetime, timedelta

import pytest

from entsim.socle.aleatoire import SourceAleatoire
from entsim.etablissement.annuaire import Eleve, Enseignant, Etablissement, Parent, Personne, Profil
from entsim.authentification.comptes import ALPHABET_CODE_ACTIVATION
from entsim.authentification.service import (Authentification, EtatCompte, RetardCroissant,
                                             Verrouillage)
from entsim.socle.erreurs import ErreurENT, Introuvable
from entsim.socle.horloge import Horloge
from entsim.journal.chaine import Journal
from entsim.authentification.mots_de_passe.regles import AgeMaximal, LongueurMinimale
from entsim.authentification.mots_de_passe.politique import PolitiqueMotDePasse
from entsim.authentification.preuves import AutoriteCertification, code_totp, generer_paire_de_cles, signer

DEBUT = datetime(2026, 9, 7, 8, 0)
MDP = "Cerisier-en-fleur-42"
MDP2 = "Montagne#Neige-1789"
INCORRECT = "Identifiant ou mot de passe incorrect."


def _etablissement() -> Etablissement:
    e = Etablissement("Lycée Jean-Jaurès", "0330001A", "Bordeaux", "Bordeaux")
    e.ajouter(Eleve("lea.martin", "Léa", "Martin", Profil.ELEVE,
                    date_naissance=date(2009, 3, 14), classe="TSTMG1",
                    responsables=["sophie.martin"]))
    e.ajouter(Parent("sophie.martin", "Sophie", "Martin", Profil.PARENT,
                     enfants=["lea.martin"]))
    e.ajouter(Enseignant("paul.durand", "Paul", "Durand", Profil.ENSEIGNANT))
    e.ajouter(Personne("nadia.benali", "Nadia", "Benali", Profil.PERSONNEL))
    return e


@pytest.fixture
def horloge():
    return Horloge(DEBUT)


@pytest.fixture
def journal(horloge):
    return Journal(horloge)


def _service(horloge, journal, **options) -> Authentification:
    options.setdefault("schema", "pbkdf2_sha256")
    options.setdefault("cout", "rapide")
    return Authentification(horloge, journal, SourceAleatoire(7),
                            etablissement=_etablissement(), **options)


@pytest.fixture
def aas(horloge, journal):
    return _service(horloge, journal)


def _activer(aas, ident="lea.martin", mdp=MDP):
    code = aas.creer_compte(ident)
    resultat = aas.activer(ident, code, mdp, charte_acceptee=True, information_lue=True)
    assert resultat.ok, resultat.message
    return code


def _operations(journal, depuis=0):
    return [e.operation for e in journal.depuis(depuis)]


# -- création des comptes -------------------------------------------------------------------

def test_creer_compte_donne_un_code_d_activation_qui_n_est_pas_stocke(aas, journal):
    code = aas.creer_compte("lea.martin")
    assert len(code) == 8 and set(code) <= set(ALPHABET_CODE_ACTIVATION)
    compte = aas.compte("lea.martin")
    assert compte.etat is EtatCompte.A_ACTIVER and compte.empreinte is None
    assert all(code not in repr(getattr(compte, f.name)) for f in dataclasses.fields(compte))
    assert code not in repr(compte)
    assert journal[-1].operation == "compte_cree" and journal[-1].identite == "lea.martin"
    assert code not in journal[-1].contenu()


def test_creer_comptes_pour_tout_l_etablissement(aas, journal):
    codes = aas.creer_comptes()
    assert set(codes) == {"lea.martin", "sophie.martin", "paul.durand", "nadia.benali"}
    assert len(set(codes.values())) == 4
    assert _operations(journal) == ["compte_cree"] * 4
    assert aas.creer_comptes() == {}          # rien à recréer


def test_creer_comptes_d_un_gros_lycee_sans_calcul_d_empreinte(horloge, journal):
    e = Etablissement("Grand lycée", "0330002B", "Bordeaux", "Bordeaux")
    for i in range(6000):
        e.ajouter(Personne(f"eleve.{i}", "Prénom", "Nom", Profil.ELEVE))
    aas = Authentification(horloge, journal, SourceAleatoire(1), etablissement=e)  # argon2
    codes = aas.creer_comptes()
    assert len(codes) == 6000 and len(set(codes.values())) == 6000
    assert aas.empreintes().empty          # aucun mot de passe tant que rien n'est activé


def test_creation_refusee_avec_un_message_clair(aas):
    with pytest.raises(Introuvable, match="pas dans l'annuaire"):
        aas.creer_compte("inconnu.total")
    aas.creer_compte("lea.martin")
    with pytest.raises(ErreurENT, match="existe déjà"):
        aas.creer_compte("lea.martin")
    for mauvais in ("", "   ", None, 42):
        with pytest.raises(ErreurENT):
            aas.creer_compte(mauvais)


def test_supprimer_un_compte(aas, journal):
    _activer(aas)
    aas.supprimer_compte("lea.martin")
    assert "lea.martin" not in aas
    assert journal[-1].operation == "compte_supprime"
    assert aas.verifier_mot_de_passe("lea.martin", MDP).code == "identifiants_invalides"
    with pytest.raises(Introuvable):
        aas.supprimer_compte("lea.martin")


# -- première connexion ---------------------------------------------------------------------

def test_activation_signale_tous_les_problemes_ensemble(aas, journal):
    aas.creer_compte("lea.martin")
    r = aas.activer("lea.martin", "FAUXCODE", "azerty", charte_acceptee=False,
                    information_lue=False)
    assert not r.ok and r.code == "activation_refusee"
    assert {"code_activation_invalide", "charte_non_acceptee", "information_non_lue",
            "mdp_trop_court", "mdp_trop_courant"} <= set(r.codes)
    assert "charte" in r.message and "droits" in r.message
    assert journal[-1].operation == "activation_echouee"
    assert "azerty" not in journal[-1].contenu()
    assert aas.compte("lea.martin").etat is EtatCompte.A_ACTIVER


def test_activation_exige_la_charte_et_l_information_meme_avec_le_bon_code(aas):
    code = aas.creer_compte("lea.martin")
    r = aas.activer("lea.martin", code, MDP, charte_acceptee=True, information_lue=False)
    assert r.codes == ("information_non_lue",)
    r = aas.activer("lea.martin", code, MDP, charte_acceptee=False, information_lue=True)
    assert r.codes == ("charte_non_acceptee",)


def test_activation_refuse_un_mot_de_passe_contenant_le_nom(aas):
    code = aas.creer_compte("lea.martin")
    r = aas.activer("lea.martin", code, "Martin#Bordeaux-33", charte_acceptee=True,
                    information_lue=True)
    assert "mdp_contient_nom" in r.codes


def test_activation_reussie_puis_connexion(aas, journal):
    code = aas.creer_compte("lea.martin", )
    debut = journal.dernier_numero()
    r = aas.activer(" lea.martin ", code.lower(), MDP, charte_acceptee=True,
                    information_lue=True, poste="CDI")
    assert r.ok and r.code == "ok"
    assert _operations(journal, debut) == ["charte_acceptee", "activation_reussie"]
    compte = aas.compte("lea.martin")
    assert compte.etat is EtatCompte.ACTIF
    assert compte.charte_acceptee_le == DEBUT and compte.information_lue_le == DEBUT
    assert compte.code_activation_empreinte is None
    assert aas.verifier_mot_de_passe("lea.martin", MDP, poste="CDI").ok
    # Le code ne sert qu'une fois.
    r = aas.activer("lea.martin", code, MDP2, charte_acceptee=True, information_lue=True)
    assert r.codes == ("code_activation_invalide",)


def test_code_d_activation_expire(aas, horloge):
    code = aas.creer_compte("lea.martin")
    horloge.avancer(jours=8)
    r = aas.activer("lea.martin", code, MDP, charte_acceptee=True, information_lue=True)
    assert r.codes == ("code_activation_expire",)
    assert "expiré" in r.message
    nouveau = aas.renouveler_code_activation("lea.martin")
    assert nouveau != code
    assert aas.activer("lea.martin", nouveau, MDP, charte_acceptee=True,
                       information_lue=True).ok


def test_compte_non_active_n_est_annonce_qu_a_son_titulaire(aas):
    code = aas.creer_compte("lea.martin")
    r = aas.verifier_mot_de_passe("lea.martin", code)
    assert r.code == "compte_non_active" and "activ" in r.message
    r = aas.verifier_mot_de_passe("lea.martin", "Nimporte-quoi-1")
    assert r.code == "identifiants_invalides" and r.message == INCORRECT


# -- connexion par mot de passe -------------------------------------------------------------

def test_meme_message_pour_un_inconnu_et_un_mauvais_mot_de_passe(aas, journal):
    _activer(aas)
    inconnu = aas.verifier_mot_de_passe("personne.inconnue", MDP)
    faux = aas.verifier_mot_de_passe("lea.martin", "Mauvais-mot-2-passe")
    assert (inconnu.ok, inconnu.code, inconnu.message) == (faux.ok, faux.code, faux.message)
    assert faux.message == INCORRECT and faux.methode == "mot de passe"
    details = [e.detail for e in journal.filtrer(operation="connexion_echouee")]
    assert "Identifiant inconnu." in details[0]
    assert "Mot de passe incorrect." in details[1]


def test_connexion_reussie(aas, journal, horloge):
    _activer(aas)
    horloge.avancer(minutes=5)
    r = aas.verifier_mot_de_passe("lea.martin", MDP, poste="Salle 12", service="notes")
    assert r.ok and r.code == "ok" and bool(r)
    assert r.identifiant == "lea.martin" and r.instant == DEBUT + timedelta(minutes=5)
    e = journal[-1]
    assert (e.operation, e.identite, e.poste, e.service, e.resultat) == (
        "connexion_reussie", "lea.martin", "Salle 12", "notes", "succes")


def test_les_echecs_successifs_sont_traces_avec_leur_rang(aas, journal):
    _activer(aas)
    for _ in range(3):
        aas.verifier_mot_de_passe("lea.martin", "Faux-mdp-000", poste="CDI")
    echecs = journal.filtrer(identite="lea.martin", operation="connexion_echouee")
    assert [e.detail.split("n° ")[-1] for e in echecs] == ["1.", "2.", "3."]
    assert all(e.resultat == "echec" and e.poste == "CDI" for e in echecs)
    assert aas.compte("lea.martin").echecs_consecutifs == 3
    aas.verifier_mot_de_passe("lea.martin", MDP)
    assert aas.compte("lea.martin").echecs_consecutifs == 0
    assert "après 3 échecs successifs" in journal[-1].detail


def test_blocage_apres_5_echecs_puis_fin_apres_15_minutes(aas, journal, horloge):
    _activer(aas)
    debut = journal.dernier_numero()
    for i in range(5):
        r = aas.verifier_mot_de_passe("lea.martin", f"Faux-mdp-{i}")
    assert r.code == "identifiants_invalides" and r.bloque_jusqu_a == DEBUT + timedelta(minutes=15)
    assert "bloqué" in r.message and "08:15" in r.message
    assert aas.compte("lea.martin").etat is EtatCompte.BLOQUE
    # Même avec le bon mot de passe : refusé, sans vérification.
    horloge.avancer(minutes=14, secondes=59)
    r = aas.verifier_mot_de_passe("lea.martin", MDP)
    assert not r.ok and r.code == "compte_bloque"
    horloge.avancer(1)
    r = aas.verifier_mot_de_passe("lea.martin", MDP)
    assert r.ok
    assert _operations(journal, debut) == (
        ["connexion_echouee"] * 5 + ["compte_bloque", "connexion_refusee_blocage",
                                     "compte_debloque", "connexion_reussie"])


def test_apres_la_fin_du_blocage_le_compteur_repart_de_zero(aas, horloge):
    _activer(aas)
    for i in range(5):
        aas.verifier_mot_de_passe("lea.martin", f"Faux-mdp-{i}")
    horloge.avancer(minutes=15)
    r = aas.verifier_mot_de_passe("lea.martin", "Encore-faux-1")
    assert r.code == "identifiants_invalides" and r.bloque_jusqu_a is None
    assert aas.compte("lea.martin").echecs_consecutifs == 1


def test_verrouillage_configurable_et_deblocage_par_l_administrateur(horloge, journal):
    aas = _service(horloge, journal, verrouillage=Verrouillage(seuil=3,
                                                                duree=timedelta(hours=1)))
    _activer(aas)
    for i in range(3):
        aas.verifier_mot_de_passe("lea.martin", f"Faux-mdp-{i}")
    assert aas.verifier_mot_de_passe("lea.martin", MDP).code == "compte_bloque"
    aas.debloquer("lea.martin")
    assert journal[-1].operation == "compte_debloque"
    assert aas.verifier_mot_de_passe("lea.martin", MDP).ok


def test_retard_croissant(horloge, journal):
    aas = _service(horloge, journal, verrouillage=RetardCroissant(
        essais_libres=3, premier_delai=timedelta(seconds=30)))
    _activer(aas)
    for i in range(3):
        r = aas.verifier_mot_de_passe("lea.martin", f"Faux-mdp-{i}")
    assert r.bloque_jusqu_a == DEBUT + timedelta(seconds=30)
    horloge.avancer(10)
    r = aas.verifier_mot_de_passe("lea.martin", MDP)        # trop tôt : refusé
    assert r.code == "tentative_trop_rapprochee" and "08:00:30" in r.message
    horloge.avancer(20)
    r = aas.verifier_mot_de_passe("lea.martin", "Faux-mdp-3")  # 4e échec : 1 minute
    assert r.bloque_jusqu_a == DEBUT + timedelta(seconds=90)
    horloge.avancer(60)
    r = aas.verifier_mot_de_passe("lea.martin", "Faux-mdp-4")  # 5e échec : 2 minutes
    assert r.bloque_jusqu_a == DEBUT + timedelta(seconds=210)
    horloge.avancer(120)
    assert aas.verifier_mot_de_passe("lea.martin", MDP).ok
    assert aas.compte("lea.martin").echecs_consecutifs == 0


def test_sans_restriction_la_politique_exige_80_bits(horloge, journal):
    avec = _service(horloge, journal)
    sans = _service(horloge, journal, verrouillage=None)
    assert "mdp_entropie_insuffisante" in sans.politique.codes()
    assert "mdp_entropie_insuffisante" not in avec.politique.codes()
    _activer(sans)
    for i in range(20):
        sans.verifier_mot_de_passe("lea.martin", f"Faux-mdp-{i}")
    assert sans.verifier_mot_de_passe("lea.martin", MDP).ok


def test_saisies_invalides_donnent_un_message_francais(aas):
    _activer(aas)
    for identifiant, mdp in ((123, MDP), ("", MDP), ("   ", MDP), ("lea.martin", None),
                             ("lea.martin", 1234), ("lea.martin", "")):
        r = aas.verifier_mot_de_passe(identifiant, mdp)
        assert not r.ok and r.code == "saisie_invalide" and r.message.startswith("Saisissez")
    r = aas.verifier_mot_de_passe("lea.martin", "x" * 100_000)
    assert r.code == "mot_de_passe_trop_long" and "trop long" in r.message
    assert aas.compte("lea.martin").echecs_consecutifs == 0
    with pytest.raises(ErreurENT):
        aas.definir_mot_de_passe("lea.martin", 1234)
    with pytest.raises(ErreurENT, match="Schéma de stockage inconnu"):
        aas.choisir_schema("rot13")
    with pytest.raises(ErreurENT):
        Verrouillage(seuil=0)
    with pytest.raises(ErreurENT):
        Authentification(Horloge(), Journal(), SourceAleatoire(), verrouillage="oui")


def test_mot_de_passe_expire_si_la_politique_impose_un_renouvellement(horloge, journal):
    politique = PolitiqueMotDePasse([LongueurMinimale(8), AgeMaximal(90)])
    aas = _service(horloge, journal, politique=politique)
    _activer(aas)
    horloge.avancer(jours=91)
    r = aas.verifier_mot_de_passe("lea.martin", MDP)
    assert not r.ok and r.code == "mot_de_passe_expire"
    assert aas.changer_mot_de_passe("lea.martin", MDP, MDP2).ok
    assert aas.verifier_mot_de_passe("lea.martin", MDP2).ok


# -- changement de mot de passe -------------------------------------------------------------

def test_changer_de_mot_de_passe(aas, journal):
    _activer(aas)
    r = aas.changer_mot_de_passe("lea.martin", MDP, MDP2, poste="Maison")
    assert r.ok and journal[-1].operation == "mot_de_passe_change"
    assert not aas.verifier_mot_de_passe("lea.martin", MDP).ok
    assert aas.verifier_mot_de_passe("lea.martin", MDP2).ok


def test_changement_refuse_reutilisation_et_ancien_faux(aas, journal):
    _activer(aas)
    assert aas.changer_mot_de_passe("lea.martin", MDP, MDP2).ok
    r = aas.changer_mot_de_passe("lea.martin", MDP2, MDP)          # un ancien
    assert not r.ok and r.codes == ("mdp_deja_utilise",)
    r = aas.changer_mot_de_passe("lea.martin", MDP2, MDP2)         # l'actuel
    assert r.codes == ("mdp_deja_utilise",)
    assert journal[-1].operation == "mot_de_passe_refuse"
    r = aas.changer_mot_de_passe("lea.martin", "Pas-le-bon-1", "Ruisseau&Galets-77")
    assert r.codes == ("ancien_mot_de_passe_incorrect",)
    assert aas.compte("lea.martin").echecs_consecutifs == 1
    # Ancien faux : pas de comparaison à l'historique (ce serait un oracle pour l'attaquant).
    r = aas.changer_mot_de_passe("lea.martin", "Pas-le-bon-2", MDP)
    assert r.codes == ("ancien_mot_de_passe_incorrect",)


def test_definir_mot_de_passe_pour_une_demonstration(aas, journal):
    aas.creer_compte("paul.durand")
    r = aas.definir_mot_de_passe("paul.durand", "azerty")
    assert not r.ok and "mdp_trop_courant" in r.codes
    r = aas.definir_mot_de_passe("paul.durand", "azerty", contourner_politique=True)
    assert r.ok and aas.compte("paul.durand").etat is EtatCompte.ACTIF
    assert journal[-1].operation == "mot_de_passe_change"
    assert "contournée" in journal[-1].detail
    assert aas.verifier_mot_de_passe("paul.durand", "azerty").ok


# -- stockage ---------------------------------------------------------------------------------

def _tout_le_stockage(aas) -> str:
    morceaux = []
    for compte in aas.comptes():
        for f in dataclasses.fields(compte):
            morceaux.append(repr(getattr(compte, f.name)))
            morceaux.extend(a.valeur for a in compte.historique)
        morceaux.append(repr(compte))
        morceaux.append(str(compte))
    return "\n".join(morceaux)


@pytest.mark.parametrize("schema", ["argon2", "scrypt", "pbkdf2_sha256", "md5_sans_sel",
                                    "sha1_sans_sel", "sha256_sans_sel"])
def test_aucun_mot_de_passe_en_clair_ni_dans_les_comptes_ni_dans_le_journal(
        horloge, journal, schema):
    aas = _service(horloge, journal, schema=schema)
    _activer(aas)
    aas.changer_mot_de_passe("lea.martin", MDP, MDP2)
    aas.verifier_mot_de_passe("lea.martin", MDP)
    aas.verifier_mot_de_passe("lea.martin", MDP2)
    stockage = _tout_le_stockage(aas)
    assert MDP not in stockage and MDP2 not in stockage
    assert not any(MDP in e.contenu() or MDP2 in e.contenu() for e in journal)
    assert not aas.mots_de_passe_en_clair_stockes()
    assert MDP2 not in repr(aas) and MDP2 not in aas.tableau().to_string()


def test_le_schema_clair_stocke_le_mot_de_passe_et_le_service_le_signale(horloge, journal):
    aas = _service(horloge, journal, schema="clair")
    _activer(aas)
    assert aas.mots_de_passe_en_clair_stockes()
    assert aas.empreintes().loc[0, "Empreinte"] == MDP       # la base volée
    assert MDP not in repr(aas.compte("lea.martin"))       # mais jamais dans un affichage
    assert not any(MDP in e.contenu() for e in journal)


def test_empreintes_la_base_qu_un_attaquant_volerait(horloge, journal):
    aas = _service(horloge, journal, schema="md5_sans_sel")
    for ident in ("lea.martin", "paul.durand"):
        aas.creer_compte(ident)
        aas.definir_mot_de_passe(ident, "Soleil2024!", contourner_politique=True)
    aas.creer_compte("sophie.martin")                     # pas encore activé
    base = aas.empreintes()
    assert list(base.columns) == ["Identifiant", "Empreinte"]
    assert list(base["Identifiant"]) == ["lea.martin", "paul.durand"]
    assert base.loc[0, "Empreinte"] == base.loc[1, "Empreinte"]    # sans sel : identiques
    assert list(aas.empreintes(avec_schema=True)["Schéma"]) == ["md5_sans_sel"] * 2


def test_une_empreinte_faible_est_renforcee_a_la_connexion(horloge, journal):
    aas = _service(horloge, journal, schema="md5_sans_sel")
    _activer(aas)
    ancienne = aas.compte("lea.martin").empreinte
    assert len(ancienne) == 32
    aas.choisir_schema("argon2")
    assert aas.compte("lea.martin").empreinte == ancienne     # rien ne change avant…
    debut = journal.dernier_numero()
    assert aas.verifier_mot_de_passe("lea.martin", MDP).ok     # …la connexion suivante
    compte = aas.compte("lea.martin")
    assert compte.empreinte.startswith("$argon2id$") and compte.schema == "argon2"
    assert _operations(journal, debut) == ["empreinte_mise_a_jour", "connexion_reussie"]
    assert "md5_sans_sel → argon2" in journal[-2].detail
    debut = journal.dernier_numero()
    assert aas.verifier_mot_de_passe("lea.martin", MDP).ok
    assert _operations(journal, debut) == ["connexion_reussie"]
    assert not aas.verifier_mot_de_passe("lea.martin", "Faux-mdp-0").ok


def test_un_ancien_mot_de_passe_stocke_en_clair_reste_signale_dans_l_historique(horloge, journal):
    aas = _service(horloge, journal, schema="clair")
    _activer(aas)
    aas.choisir_schema("argon2")
    aas.changer_mot_de_passe("lea.martin", MDP, MDP2)
    assert aas.compte("lea.martin").schema == "argon2"
    assert aas.mots_de_passe_en_clair_stockes()     # l'ancien est encore dans l'historique


# -- code à usage unique ----------------------------------------------------------------------

def test_code_a_usage_unique_accepte_refuse_et_non_rejouable(aas, horloge, journal):
    _activer(aas)
    secret = aas.activer_otp("lea.martin")
    code = code_totp(secret, horloge.maintenant())
    r = aas.verifier_otp("lea.martin", code, poste="CDI")
    assert r.ok and r.methode == "code à usage unique"
    assert journal[-1].operation == "otp_reussi"
    rejeu = aas.verifier_otp("lea.martin", code)
    assert not rejeu.ok and rejeu.code == "otp_deja_utilise"
    faux = "000000" if code != "000000" else "111111"
    r = aas.verifier_otp("lea.martin", faux)
    assert r.code == "identifiants_invalides"
    assert journal[-1].operation == "otp_echoue"
    horloge.avancer(30)
    assert aas.verifier_otp("lea.martin", code_totp(secret, horloge.maintenant())).ok
    horloge.avancer(120)                                  # un code trop ancien est refusé
    assert not aas.verifier_otp("lea.martin",
                                code_totp(secret, horloge.maintenant() - timedelta(seconds=90))).ok


def test_code_a_usage_unique_meme_message_sans_compte_ou_sans_otp(aas, horloge):
    _activer(aas)
    _activer(aas, "paul.durand", MDP2)
    secret = aas.activer_otp("lea.martin")
    code = code_totp(secret, horloge.maintenant())
    inconnu = aas.verifier_otp("qui.donc", code)
    sans_otp = aas.verifier_otp("paul.durand", code)
    assert inconnu.message == sans_otp.message == "Identifiant ou code à usage unique incorrect."
    r = aas.verifier_otp("lea.martin", "12ab")
    assert r.code == "saisie_invalide" and "6 chiffres" in r.message


def test_les_echecs_de_code_comptent_pour_le_blocage(aas, horloge):
    _activer(aas)
    secret = aas.activer_otp("lea.martin")
    bon = code_totp(secret, horloge.maintenant())
    faux = [f"{n:06d}" for n in range(10) if f"{n:06d}" != bon][:5]
    for f in faux:
        aas.verifier_otp("lea.martin", f)
    assert aas.verifier_otp("lea.martin", bon).code == "compte_bloque"
    assert aas.verifier_mot_de_passe("lea.martin", MDP).code == "compte_bloque"


def test_activer_otp_exige_un_compte_active(aas):
    aas.creer_compte("lea.martin")
    with pytest.raises(ErreurENT, match="pas encore activé"):
        aas.activer_otp("lea.martin")


# -- connexion par clé -------------------------------------------------------------------------

@pytest.fixture
def ac(horloge):
    return AutoriteCertification("Autorité de certification de l'académie",
                                 SourceAleatoire(99), horloge)


@pytest.fixture
def avec_certificat(horloge, journal, ac):
    aas = _service(horloge, journal, autorite=ac)
    _activer(aas)
    paire = generer_paire_de_cles(SourceAleatoire(5))
    assert aas.enregistrer_certificat("lea.martin", ac.emettre("lea.martin", paire)).ok
    return aas, paire


def test_connexion_par_cle(avec_certificat, journal):
    aas, paire = avec_certificat
    defi = aas.defi("lea.martin")
    r = aas.verifier_reponse_defi("lea.martin", signer(paire, defi), poste="Salle 12")
    assert r.ok and r.methode == "certificat"
    assert journal[-1].operation == "certificat_reussi"


def test_un_defi_ne_sert_qu_une_fois(avec_certificat):
    aas, paire = avec_certificat
    signature = signer(paire, aas.defi("lea.martin"))
    assert aas.verifier_reponse_defi("lea.martin", signature).ok
    rejeu = aas.verifier_reponse_defi("lea.martin", signature)
    assert not rejeu.ok and rejeu.code == "defi_absent"


def test_mauvaise_cle_refusee_et_defi_consomme(avec_certificat, journal):
    aas, paire = avec_certificat
    intrus = generer_paire_de_cles(SourceAleatoire(6))
    defi = aas.defi("lea.martin")
    r = aas.verifier_reponse_defi("lea.martin", signer(intrus, defi))
    assert not r.ok and r.code == "signature_invalide"
    assert journal[-1].operation == "certificat_echoue"
    # Le défi a été consommé par l'échec : la bonne signature arrive trop tard.
    assert aas.verifier_reponse_defi("lea.martin", signer(paire, defi)).code == "defi_absent"


def test_defi_expire(avec_certificat, horloge):
    aas, paire = avec_certificat
    defi = aas.defi("lea.martin")
    horloge.avancer(minutes=3)
    r = aas.verifier_reponse_defi("lea.martin", signer(paire, defi))
    assert r.code == "defi_expire" and "expiré" in r.message


def test_certificat_de_quelqu_un_d_autre_refuse(horloge, journal, ac):
    aas = _service(horloge, journal, autorite=ac)
    _activer(aas)
    paire_paul = generer_paire_de_cles(SourceAleatoire(8))
    r = aas.enregistrer_certificat("lea.martin", ac.emettre("paul.durand", paire_paul))
    assert not r.ok and r.code == "certificat_autre_identite"
    assert "paul.durand" in r.message
    # Paul ne peut pas non plus se connecter au compte de Léa avec sa clé.
    defi = aas.defi("lea.martin")
    assert not aas.verifier_reponse_defi("lea.martin", signer(paire_paul, defi)).ok


def test_certificat_d_une_autre_autorite_ou_revoque(horloge, journal, ac):
    aas = _service(horloge, journal, autorite=ac)
    _activer(aas)
    paire = generer_paire_de_cles(SourceAleatoire(5))
    pirate = AutoriteCertification("AC pirate", SourceAleatoire(13), horloge)
    r = aas.enregistrer_certificat("lea.martin", pirate.emettre("lea.martin", paire))
    assert r.code == "certificat_autre_autorite"
    certificat = ac.emettre("lea.martin", paire)
    assert aas.enregistrer_certificat("lea.martin", certificat).ok
    ac.revoquer(certificat)
    defi = aas.defi("lea.martin")
    r = aas.verifier_reponse_defi("lea.martin", signer(paire, defi))
    assert r.code == "certificat_invalide" and "révoqué" in r.message


def test_defi_pour_un_inconnu_ne_revele_rien(avec_certificat):
    aas, paire = avec_certificat
    defi = aas.defi("qui.donc")
    assert isinstance(defi, bytes) and len(defi) == 32
    r = aas.verifier_reponse_defi("qui.donc", signer(paire, defi))
    assert r.code == "identifiants_invalides"
    _activer(aas, "paul.durand", MDP2)                   # un compte sans certificat
    sans = aas.verifier_reponse_defi("paul.durand", signer(paire, aas.defi("paul.durand")))
    assert (sans.code, sans.message) == (r.code, r.message)
    assert aas.verifier_reponse_defi("lea.martin", 42).code == "saisie_invalide"


# -- le journal d'un scénario complet -----------------------------------------------------------

def test_journal_d_un_scenario_dans_l_ordre(aas, journal, horloge):
    code = aas.creer_compte("lea.martin")
    aas.verifier_mot_de_passe("lea.martin", "Essai-au-hasard-1", poste="Maison")
    horloge.avancer(minutes=1)
    aas.activer("lea.martin", code, MDP, charte_acceptee=True, information_lue=True,
                poste="Maison")
    horloge.avancer(minutes=1)
    aas.verifier_mot_de_passe("lea.martin", "Cerisier-en-fleur-24", poste="Maison")
    aas.verifier_mot_de_passe("lea.martin", MDP, poste="Maison", service="notes")
    aas.changer_mot_de_passe("lea.martin", MDP, MDP2, poste="Maison")
    chaine = journal.chaine_de("lea.martin")
    assert [(e.operation, e.resultat) for e in chaine] == [
        ("compte_cree", "succes"),
        ("connexion_echouee", "echec"),
        ("charte_acceptee", "succes"),
        ("activation_reussie", "succes"),
        ("connexion_echouee", "echec"),
        ("connexion_reussie", "succes"),
        ("mot_de_passe_change", "succes"),
    ]
    assert [e.instant for e in chaine] == sorted(e.instant for e in chaine)
    assert all(e.poste == "Maison" for e in chaine[1:])
    assert journal.verifier().intact
