"""Les incidents plantés dans l'activité simulée : exactement là où la graine les a mis,
``numeros`` égal à ce qu'une détection trouve, et une activité normale qui ne ressemble
jamais à un incident."""

from __future__ import annotations

import pandas as pd
import pytest

from entsim import ENT
from entsim.activite import Incident, simuler_activite
from entsim.activite.incidents import REUTILISATION_MIN
from entsim.authentification.verrouillage import Verrouillage

CODES = {"force_brute", "parent_curieux", "compte_prete", "initie_curieux",
         "session_oubliee_cdi"}


@pytest.fixture(scope="module")
def activite():
    return simuler_activite(ENT(7, 300), "trimestre", progression=False)


def _lignes_du_compte(activite, inc: Incident) -> pd.DataFrame:
    """La détection : toutes les lignes de l'identité entre le début et la fin."""
    j = activite.journal
    return j[(j["Identité"] == inc.identite) & (j["Date"] >= inc.debut) & (j["Date"] <= inc.fin)]


def _hors_incidents(activite) -> pd.DataFrame:
    numeros = {n for inc in activite.incidents for n in inc.numeros}
    j = activite.journal
    return j[~j.index.isin(numeros)]


def test_les_cinq_incidents_sont_plantes(activite):
    assert {i.code for i in activite.incidents} == CODES
    for inc in activite.incidents:
        assert inc.debut <= inc.fin and inc.numeros == tuple(sorted(inc.numeros))
        assert inc.description.endswith(".") and inc.libelle
    tableau = activite.tableau_incidents()
    assert list(tableau.columns) == ["Incident", "Identité", "Début", "Fin", "Poste",
                                     "Description"]
    assert len(tableau) == 5


def test_numeros_egaux_a_la_detection(activite):
    for inc in activite.incidents:
        trouvees = _lignes_du_compte(activite, inc)
        assert tuple(trouvees.index) == inc.numeros, inc.code


def test_force_brute_et_blocage_reel(activite):
    inc = next(i for i in activite.incidents if i.code == "force_brute")
    lignes = activite.journal.loc[list(inc.numeros)]
    politique = Verrouillage()
    ops = lignes["Opération"].astype(str).tolist()
    assert ops[:politique.seuil] == ["Échec de connexion"] * politique.seuil
    assert ops[politique.seuil] == "Compte bloqué"
    assert set(ops[politique.seuil + 1:]) == {"Connexion refusée (compte bloqué)"}
    assert 30 <= len(ops) - 1 <= 200
    assert (lignes["Poste"] == inc.poste).all() and "203.0.113." in inc.poste
    assert (lignes["Date"].max() - lignes["Date"].min()) < politique.duree


def test_refus_sont_les_vrais_refus_de_l_aas(activite):
    ent = ENT(7, 300)
    from entsim.autorisation.habilitations import Action, Ressource
    noms = {e.nom_complet: e.identifiant for e in ent.etablissement.eleves()}
    for code in ("parent_curieux", "initie_curieux"):
        inc = next(i for i in activite.incidents if i.code == code)
        lignes = activite.journal.loc[list(inc.numeros)]
        refus = lignes[lignes["Opération"] == "Accès refusé"]
        assert len(refus) >= 1 and (refus["Résultat"] == "Échec").all()
        for objet, detail in refus[["Objet", "Détail"]].astype(str).itertuples(index=False):
            nom = objet.removeprefix("notes de ").removeprefix("notes d'").removesuffix(
                " (lire)")
            decision = ent.autorisation.evaluer(inc.identite, Action.LIRE,
                                                Ressource.notes_de(noms[nom]))
            assert not decision.autorise and decision.raison == detail


def test_compte_prete_deux_postes_en_meme_temps(activite):
    inc = next(i for i in activite.incidents if i.code == "compte_prete")
    lignes = activite.journal.loc[list(inc.numeros)]
    connexions = lignes[lignes["Opération"] == "Connexion réussie"]
    assert connexions["Poste"].nunique() == 2
    assert (connexions["Date"].max() - connexions["Date"].min()) < pd.Timedelta(minutes=5)


def test_session_oubliee_reprise_sans_connexion(activite):
    inc = next(i for i in activite.incidents if i.code == "session_oubliee_cdi")
    lignes = activite.journal.loc[list(inc.numeros)]
    assert (lignes["Poste"] == "Poste du CDI").all()
    assert (lignes["Opération"] == "Connexion réussie").sum() == 1
    assert (lignes["Opération"] == "Déconnexion").sum() == 0
    ecarts = lignes["Date"].diff().dropna()
    assert ecarts.max() > REUTILISATION_MIN


def test_activite_normale_ne_ressemble_pas_a_un_incident(activite):
    normal = _hors_incidents(activite)
    assert (normal["Opération"] == "Accès refusé").sum() == 0
    assert (normal["Opération"] == "Compte bloqué").sum() == 0
    # pas de rafale d'échecs : jamais deux échecs de suite pour un même compte
    connexions = normal[normal["Opération"].isin(["Échec de connexion", "Connexion réussie"])]
    echec = (connexions["Opération"] == "Échec de connexion").astype(int)
    suite = echec.groupby(connexions["Identité"].astype(str)).rolling(2).sum()
    assert suite.max() < 2
    # pas de sessions qui se chevauchent : deux connexions d'un compte à 20 min au moins
    reussies = normal[normal["Opération"] == "Connexion réussie"]
    ecart = reussies.groupby(reussies["Identité"].astype(str))["Date"].diff().dropna()
    assert ecart.min() >= pd.Timedelta(minutes=20)
    # pas de reprise de session SSO après plus de 20 minutes sans connexion
    emis = normal[normal["Opération"] == "Ticket de service émis"][["Date", "Identité"]]
    derniere = reussies[["Date", "Identité"]].rename(columns={"Date": "Connexion"})
    rapproche = pd.merge_asof(emis.astype({"Identité": str}).sort_values("Date"),
                              derniere.astype({"Identité": str}).sort_values("Connexion"),
                              left_on="Date", right_on="Connexion", by="Identité")
    assert (rapproche["Date"] - rapproche["Connexion"]).max() <= REUTILISATION_MIN


def test_meme_graine_memes_incidents_autre_graine_autres(activite):
    encore = simuler_activite(ENT(7, 300), "trimestre", progression=False)
    assert encore.incidents == activite.incidents
    autre = simuler_activite(ENT(8, 300), "trimestre", progression=False)
    assert [(i.identite, i.debut) for i in autre.incidents] != \
        [(i.identite, i.debut) for i in activite.incidents]


def test_sans_incidents(activite):
    sans = simuler_activite(ENT.demo(), "semaine", incidents=False, progression=False)
    assert sans.incidents == () and sans.tableau_incidents().empty
    assert "Aucun incident planté." in sans.resume()


def test_incidents_dans_l_ecole_de_demonstration():
    demo = simuler_activite(ENT.demo(), "annee", progression=False)
    assert {i.code for i in demo.incidents} == CODES
    for inc in demo.incidents:
        assert tuple(_lignes_du_compte(demo, inc).index) == inc.numeros
