"""Le socle des scénarios d'attaque et les scénarios en ligne, SSO et autorisation (13-A) :
chaque attaque réussit sans parade, échoue avec, et le journal la garde."""

from datetime import timedelta

import pytest

from entsim.attaques import scenario, scenarios
from entsim.attaques.acces_notes import ParentCurieux
from entsim.attaques.en_ligne import (MOT_DE_PASSE_FAIBLE, POSTE_ATTAQUANT, DevinetteEnLigne,
                                      Pulverisation)
from entsim.attaques.fuites import BourrageIdentifiants
from entsim.attaques.hameconnage import (ADRESSE_EDUCONNECT, ADRESSE_PIEGE, Hameconnage,
                                         lire_adresse)
from entsim.attaques.scenario import NIVEAUX, Risque
from entsim.attaques.seuils import phrase_seuils_cnil, tableau_seuils_cnil
from entsim.attaques.sessions_sso import RejeuDeTicket, SessionOublieeCDI
from entsim.authentification.verrouillage import RetardCroissant
from entsim.socle.erreurs import ErreurENT


def _ops(resultat):
    return list(resultat.journal["Opération"])


# -- le socle ------------------------------------------------------------------------------
def test_echelles_cnil_et_risque_verifie():
    assert list(NIVEAUX.values()) == ["négligeable", "limitée", "importante", "maximale"]
    assert Risque(3, 4, "a", "b").texte() == "gravité 3 (importante), vraisemblance 4 (maximale)"
    with pytest.raises(ErreurENT, match="de 1 \\(négligeable\\) à 4"):
        Risque(5, 1, "a", "b")


def test_registre_et_scenario_inconnu():
    registre = scenarios()
    for code in ("devinette_en_ligne", "pulverisation", "bourrage_identifiants", "hameconnage",
                 "session_oubliee_cdi", "rejeu_de_ticket", "parent_curieux"):
        assert registre[code].code == code
    with pytest.raises(ErreurENT, match="Aucun scénario « zz »"):
        scenario("zz")
    with pytest.raises(ErreurENT, match="avec_parade"):
        scenario("parent_curieux").jouer("oui")


def test_comparer_reinitialiser_et_indices():
    s = scenario("parent_curieux")
    assert s.indice() == s.indices[0]
    comparaison = s.comparer()
    tableau = comparaison.tableau()
    assert list(tableau.columns) == ["Sans parade", "Avec parade"]
    assert tableau.loc["Issue"].tolist() == ["Attaque réussie", "Attaque déjouée"]
    assert "Risque : gravité 2" in comparaison.texte()
    s.reinitialiser()
    assert s.resultats == {} and s.indices_montres == [s.indices[0]]   # indices gardés
    assert not [e for e in s.ent.journal.filtrer(identite="karim.bernard")   # ENT neuf
                if e.operation.startswith("acces")]


def test_meme_graine_meme_resultat():
    a, b = scenario("rejeu_de_ticket").jouer(False), scenario("rejeu_de_ticket").jouer(False)
    assert a.resume == b.resume and a.journal.equals(b.journal)


# -- 1. devinette en ligne ------------------------------------------------------------------
def test_devinette_reussit_sans_blocage_echoue_avec_et_journal():
    s = DevinetteEnLigne()
    sans, avec = s.jouer(False), s.jouer(True)
    assert sans.reussie and MOT_DE_PASSE_FAIBLE in sans.resume
    assert _ops(sans).count("Échec de connexion") == sans.chiffres["rang_du_mot_de_passe"] - 1
    assert not avec.reussie and avec.chiffres["blocages"] > 0
    assert "Compte bloqué" in _ops(avec)
    assert set(avec.journal["Poste"]) >= {POSTE_ATTAQUANT}
    assert "12 heures environ" in avec.resume        # le blocage ralentit, il n'empêche pas


def test_devinette_avec_temporisation():
    r = DevinetteEnLigne(parade="retard").jouer(True)
    assert not r.reussie and r.chiffres["blocages"] > 0 and r.chiffres["essais"] < 20


def test_seuils_cnil_calcules():
    assert "3,2 milliards d'années" in phrase_seuils_cnil()
    assert "57 minutes" in phrase_seuils_cnil() and "116\u202f794 ans" in phrase_seuils_cnil()
    assert tableau_seuils_cnil().shape == (3, 3)


def test_retard_croissant_plafonne_sans_debordement():
    # avant : OverflowError de timedelta vers le 50e échec
    assert [RetardCroissant().restriction(n) for n in (40, 50, 66, 200)] == \
        [timedelta(hours=1)] * 4
    assert RetardCroissant(facteur=1e100).restriction(10) == timedelta(hours=1)


# -- 2. pulvérisation ------------------------------------------------------------------------
def test_pulverisation():
    s = Pulverisation()
    sans, avec = s.jouer(False), s.jouer(True)
    assert sans.reussie and len(sans.chiffres["comptes_pris"]) == 3
    assert sans.chiffres["comptes_bloques"] == 0           # le blocage ne voit rien
    assert not avec.reussie and avec.chiffres["mots_de_passe_refuses_a_l_activation"] == 3
    # le journal montre la pulvérisation : un poste, toutes les identités en échec
    assert avec.chiffres["identites_en_echec_depuis_le_poste"] == avec.chiffres["comptes_vises"]
    assert sans.chiffres["identites_en_echec_depuis_le_poste"] >= \
        sans.chiffres["comptes_vises"] - len(sans.chiffres["comptes_pris"])


# -- 3. bourrage d'identifiants --------------------------------------------------------------
def test_bourrage():
    s = BourrageIdentifiants()
    sans, avec = s.jouer(False), s.jouer(True)
    assert sans.reussie and sans.chiffres["comptes_pris"] == ("hugo.bernard", "karim.bernard")
    assert not avec.reussie
    assert _ops(avec).count("Code à usage unique refusé") == 2
    assert "Session SSO ouverte (TGT)" not in _ops(avec)


# -- 4. hameçonnage ---------------------------------------------------------------------------
def test_lire_adresse():
    assert lire_adresse(ADRESSE_PIEGE).domaine_enregistrable == "connexion-securisee.example"
    assert lire_adresse(ADRESSE_EDUCONNECT).domaine_enregistrable == "education.gouv.fr"
    assert not lire_adresse(ADRESSE_PIEGE).appartient_a("education.gouv.fr")
    with pytest.raises(ErreurENT):
        lire_adresse("pas une adresse")


def test_hameconnage():
    s = Hameconnage()
    sans, avec = s.jouer(False), s.jouer(True)
    assert sans.reussie and "Session SSO ouverte (TGT)" in _ops(sans)
    assert not avec.reussie and "Code à usage unique refusé" in _ops(avec)
    assert "a expiré" in avec.resume


# -- 5. session oubliée au CDI -----------------------------------------------------------------
@pytest.mark.parametrize("parade,trace", [("inactivite", "Session SSO expirée"),
                                          ("deconnexion", "Déconnexion")])
def test_session_oubliee(parade, trace):
    s = SessionOublieeCDI(parade=parade)
    sans, avec = s.jouer(False), s.jouer(True)
    assert sans.reussie and sans.chiffres["services_ouverts_comme_lea"] == ("messagerie", "notes")
    assert not avec.reussie and trace in _ops(avec)
    assert "Déconnexion propagée au service" in _ops(avec)


# -- 6. parent curieux ---------------------------------------------------------------------------
def test_parent_curieux():
    s = ParentCurieux()
    sans, avec = s.jouer(False), s.jouer(True)
    assert sans.reussie and sans.chiffres["notes_lues"] > 0
    assert not avec.reussie
    refus = avec.lignes("Accès refusé")
    assert list(refus["Identité"]) == ["karim.bernard"]
    assert "Léa Martin" in refus["Objet"].iloc[0]


# -- 7. rejeu de ticket -----------------------------------------------------------------------------
def test_rejeu_de_ticket():
    s = RejeuDeTicket()
    sans, avec = s.jouer(False), s.jouer(True)
    assert sans.reussie and sans.chiffres["lea_refusee"]
    assert not avec.reussie and avec.chiffres["code_cas"] == "INVALID_TICKET"
    assert "Ticket de service refusé" in _ops(sans) and "Ticket de service refusé" in _ops(avec)


def test_indice_affiche_son_rang_et_catalogue_numerote():
    from entsim.attaques import catalogue, scenario

    s = scenario("session_oubliee_cdi")
    premier = s.indice()
    assert repr(premier).startswith("💡 Indice 1 sur ") and str(premier) in repr(premier)
    assert repr(s.indice()).startswith("💡 Indice 2 sur ")
    s.reinitialiser()
    assert len(s.indices_montres) == 2                      # les indices restent affichés
    tableau = catalogue()
    assert tableau.index[0] == 1 and len(tableau) == len(set(tableau["Code"]))


# -- revue 13 : lire une adresse piégée ---------------------------------------------------
@pytest.mark.parametrize("adresse,domaine", [
    # userinfo : ce qui précède « @ » n'est qu'un nom d'utilisateur
    ("https://educonnect.education.gouv.fr@evil.example/", "evil.example"),
    ("https://educonnect.education.gouv.fr:443@evil.example/", "evil.example"),
    # un navigateur lit « \ » comme « / » (norme WHATWG URL) : l'hôte est evil.example
    ("https://evil.example\\@educonnect.education.gouv.fr/", "evil.example"),
    # « %2e » est un point dans le nom d'hôte
    ("https://educonnect.education.gouv.fr%2eevil.example/", "evil.example"),
    ("https://EDUCONNECT.EDUCATION.GOUV.FR./", "education.gouv.fr"),
    ("https://educonnect.education.gouv.fr:8443/login", "education.gouv.fr"),
])
def test_lire_adresse_trouve_le_vrai_hote(adresse, domaine):
    assert lire_adresse(adresse).domaine_enregistrable == domaine


def test_lire_adresse_explique_le_nom_d_utilisateur_avant_l_arobase():
    phrase = lire_adresse("https://educonnect.education.gouv.fr@evil.example/").phrase()
    assert "@" in phrase and "educonnect.education.gouv.fr" in phrase


@pytest.mark.parametrize("adresse", ["https://192.168.1.10/login", "https://10.0.0.1:8080/",
                                     "https://[2001:db8::1]/"])
def test_une_adresse_ip_n_a_pas_de_domaine(adresse):
    lecture = lire_adresse(adresse)
    assert "adresse IP" in lecture.phrase()
    assert not lecture.appartient_a("education.gouv.fr")
    assert lecture.suffixe_public == ""


def test_un_nom_international_est_signale():
    for adresse in ("https://xn--ducation-e1a.gouv.fr/", "https://éducation.gouv.fr/",
                    "https://\u0435ducation.gouv.fr/"):         # е cyrillique
        lecture = lire_adresse(adresse)
        assert not lecture.appartient_a("education.gouv.fr")
        assert "non latin" in lecture.phrase() or "accent" in lecture.phrase()


def test_une_adresse_mal_formee_est_une_erreur_francaise():
    with pytest.raises(ErreurENT):
        lire_adresse("https://[::1/")


def test_un_code_de_scenario_qui_n_est_pas_un_texte():
    with pytest.raises(ErreurENT, match="Aucun scénario"):
        scenario(["hameconnage"])


# -- Le journal garde aussi la trace de l'attaque réussie (sans parade) ----------------------------
def test_le_journal_garde_l_attaque_reussie_sans_parade():
    """« Done means » de l'issue 13 : pour chaque scénario, le journal enregistre l'attaque —
    y compris quand elle réussit : c'est ce que lira l'enquête."""
    from entsim.attaques import scenario

    pulverisation = scenario("pulverisation").jouer(False)
    echecs = pulverisation.lignes("Échec de connexion")
    assert len(echecs) >= 9 and set(echecs["Poste"].astype(str)) == {"Ordinateur inconnu"}
    assert echecs["Identité"].nunique() >= 6                # beaucoup de comptes, un poste

    bourrage = scenario("bourrage_identifiants").jouer(False)
    prises = bourrage.lignes("Connexion réussie")
    assert sorted(prises["Identité"].astype(str)) == ["hugo.bernard", "karim.bernard"]
    assert set(prises["Poste"].astype(str)) == {"Ordinateur inconnu"}

    oubliee = scenario("session_oubliee_cdi").jouer(False)
    assert len(oubliee.lignes("Connexion réussie")) == 1     # une seule connexion…
    ouvertures = oubliee.lignes("Ticket de service validé")
    assert len(ouvertures) == 2 and set(ouvertures["Identité"].astype(str)) == {"lea.martin"}

    curieux = scenario("parent_curieux").jouer(False)        # le service mal écrit :
    acces = curieux.lignes("Accès autorisé")                 # une trace, mais sans l'élève lu
    assert list(acces["Identité"].astype(str)) == ["karim.bernard"]
    assert "Léa Martin" not in " ".join(acces["Objet"].astype(str))
