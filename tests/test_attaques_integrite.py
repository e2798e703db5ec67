"""Journal falsifié, rançongiciel, compte prêté et initié curieux (entsim.attaques) :
chaque attaque réussit sans parade, échoue avec, et le journal en garde la trace ; la
détection retrouve exactement les incidents plantés par le simulateur d'activité."""

import pytest

from entsim import ENT
from entsim.activite import simuler_activite
from entsim.attaques import scenarios
from entsim.attaques.comptes import (ComptePrete, InitieCurieux, acces_hors_perimetre,
                                     lignes_de_sessions_simultanees, sessions_simultanees)
from entsim.attaques.journal_falsifie import JournalFalsifie
from entsim.attaques.rancongiciel import EXTENSION, Rancongiciel
from entsim.etablissement.generation import PERSONAS


def test_les_scenarios_sont_inscrits_au_registre():
    registre = scenarios()
    for classe in (JournalFalsifie, Rancongiciel, ComptePrete, InitieCurieux):
        assert registre[classe.code] is classe


# -- journal falsifié ---------------------------------------------------------------------
def test_journal_falsifie_sans_sceau_la_suppression_recalculee_passe_inapercue():
    s = JournalFalsifie()
    r = s.jouer(False)
    initie = PERSONAS["gestionnaire"].identifiant
    assert r.reussie
    assert r.chiffres["alerte_avant_recalcul"]          # la suppression seule casse la chaîne
    assert r.chiffres["journal_intact_apres_recalcul"]  # … mais le recalcul la cache
    assert s.verification.intact and "Journal intact" in s.verification.message
    assert (s.lignes_cachees["Identité"] == initie).all()
    assert "Accès refusé" in set(s.lignes_cachees["Opération"])
    restant = s.ent.journal.tableau()
    siennes = restant[restant["Identité"] == initie]
    assert not siennes["Opération"].isin(["Connexion réussie", "Accès refusé"]).any()


def test_journal_falsifie_avec_notaire_la_suppression_est_decouverte():
    s = JournalFalsifie()
    r = s.jouer(True)
    assert not r.reussie
    assert not s.verification.intact and r.chiffres["anomalies"] >= 1
    assert "journal tronqué" in s.verification.message
    assert "Journal altéré" in s.verification.message


# -- rançongiciel ---------------------------------------------------------------------------
def test_rancongiciel_sans_sauvegarde_tout_est_perdu():
    s = Rancongiciel()
    r = s.jouer(False)
    assert r.reussie
    assert r.chiffres["perdus"] == r.chiffres["documents"] == r.chiffres["chiffres"] > 10
    assert len(r.lignes("Document rendu illisible (chiffré)")) == r.chiffres["documents"]
    assert len(r.lignes("Sauvegarde restaurée")) == 0
    lea = PERSONAS["eleve"].identifiant
    noms = [e.nom for e in s.ent.service("espace_documentaire").mes_documents(lea)
            if not e.est_dossier]
    assert noms and all(n.endswith(EXTENSION) for n in noms)


def test_rancongiciel_avec_sauvegarde_on_perd_seulement_depuis_la_derniere():
    s = Rancongiciel()
    r = s.jouer(True)
    assert not r.reussie
    assert r.chiffres["perdus"] == 2                      # les dépôts de jeudi matin
    assert r.chiffres["restaures"] == r.chiffres["documents"] - 2
    assert r.chiffres["perdus_avec_seule_hebdomadaire"] == 8
    # l'hebdomadaire (début de semaine) puis lundi, mardi, mercredi à 22 h
    assert len(r.lignes("Sauvegarde effectuée")) == 4
    assert len(r.lignes("Sauvegarde restaurée")) == 1
    assert "2 documents perdus" in r.resume
    lea = PERSONAS["eleve"].identifiant
    noms = [e.nom for e in s.ent.service("espace_documentaire").mes_documents(lea)]
    assert "CV_stage.odt" in noms and not any(n.endswith(EXTENSION) for n in noms)
    assert "Rapport_de_stage_v3.odt" not in noms         # déposé jeudi 8 h : perdu


# -- compte prêté ---------------------------------------------------------------------------
def test_compte_prete_sans_code_l_ami_entre_et_la_detection_le_trouve():
    r = ComptePrete().jouer(False)
    lea = PERSONAS["eleve"].identifiant
    assert r.reussie and r.chiffres["connexion_de_l_ami"]
    episodes = sessions_simultanees(r.journal)
    assert len(episodes) == 1 and episodes.iloc[0]["Identité"] == lea
    assert {episodes.iloc[0]["Premier poste"], episodes.iloc[0]["Second poste"]} == \
        {"Poste du CDI", "Téléphone"}


def test_compte_prete_avec_code_a_usage_unique_l_ami_est_arrete():
    r = ComptePrete().jouer(True)
    assert not r.reussie and not r.chiffres["connexion_de_l_ami"]
    refus = r.lignes("Code à usage unique refusé")
    assert list(refus["Poste"]) == ["Téléphone"]
    # aucune session SSO sur le téléphone de l'ami
    assert not ((r.journal["Opération"] == "Session SSO ouverte (TGT)")
                & (r.journal["Poste"] == "Téléphone")).any()


# -- initié curieux -------------------------------------------------------------------------
def test_initie_curieux_refuse_dans_les_deux_cas_repere_seulement_avec_la_revue():
    s = InitieCurieux()
    sans, avec = s.jouer(False), s.jouer(True)
    assert sans.reussie and not avec.reussie
    for r in (sans, avec):
        assert r.chiffres["lectures_refusees"] == 2
        assert len(r.lignes("Accès refusé")) == 2        # le besoin d'en connaître refuse
    session = s.session_reperee
    assert session.iloc[0]["Opération"] == "Connexion réussie"
    assert session.iloc[-1]["Opération"] in ("Déconnexion", "Déconnexion propagée au service")
    assert "alerté" in avec.resume


# -- détection sur une période simulée ---------------------------------------------------
@pytest.fixture(scope="module", params=[2026, 7])
def activite(request):
    return simuler_activite(ENT(request.param, 150, cout="rapide"), "trimestre",
                            incidents=True, progression=False)


def _incident(activite, code):
    return next(i for i in activite.incidents if i.code == code)


def test_sessions_simultanees_rend_exactement_le_compte_prete(activite):
    incident = _incident(activite, "compte_prete")
    lignes = lignes_de_sessions_simultanees(activite.journal)
    assert tuple(lignes.index) == incident.numeros


def test_acces_hors_perimetre_rend_exactement_l_initie(activite):
    incident = _incident(activite, "initie_curieux")
    lignes = acces_hors_perimetre(activite, "Enseignant")
    assert tuple(lignes.index) == incident.numeros
    assert set(lignes["Identité"].astype(str)) == {incident.identite}


def test_acces_hors_perimetre_d_un_parent_rend_le_parent_curieux(activite):
    incident = _incident(activite, "parent_curieux")
    lignes = acces_hors_perimetre(activite, "Parent")
    assert tuple(lignes.index) == incident.numeros
