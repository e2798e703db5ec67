"""L'enquête dans le journal (partie 3) : chaque fonction retrouve exactement les incidents
plantés par le simulateur d'activité, et les exercices vérifient les réponses en français."""

from __future__ import annotations

import pandas as pd
import pytest

from entsim import ENT
from entsim.activite import simuler_activite
from entsim.attaques.enquete_journal import (acces_refuses, lignes_de_sessions_simultanees,
                                             qui_a_ouvert, rafales_d_echecs,
                                             sessions_simultanees, tout_ce_qu_a_fait)
from entsim.attaques.enquetes import enquetes
from entsim.etablissement.identifiants import forme_identifiant
from entsim.socle.erreurs import ErreurENT


@pytest.fixture(scope="module")
def activite():
    return simuler_activite(ENT(2026, 300), "trimestre", incidents=True, progression=False)


@pytest.fixture(scope="module")
def incidents(activite):
    return {i.code: i for i in activite.incidents}


def test_rafale_d_echecs_trouve_la_force_brute_et_elle_seule(activite, incidents):
    inc = incidents["force_brute"]
    rafales = rafales_d_echecs(activite.journal)
    assert list(rafales["Identité"]) == [inc.identite]
    rafale = rafales.iloc[0]
    assert rafale["Postes"] == inc.poste
    assert (rafale["Début"], rafale["Fin"]) == (pd.Timestamp(inc.debut), pd.Timestamp(inc.fin))
    assert rafale["Compte bloqué"] == "oui"
    # toutes les lignes de l'attaque : celles de l'identité entre le début et la fin
    lignes = tout_ce_qu_a_fait(activite.journal, rafale["Identité"], du=rafale["Début"],
                               au=rafale["Fin"])
    assert set(lignes.index) == set(inc.numeros)


def test_une_faute_de_frappe_n_est_pas_une_rafale(activite):
    # le trimestre compte des centaines d'échecs isolés (fautes de frappe)
    echecs = activite.journal[activite.journal["Opération"] == "Échec de connexion"]
    assert len(echecs) > 100
    assert len(rafales_d_echecs(activite.journal, seuil=5)) == 1


def test_rafale_par_poste_nomme_les_comptes_vises(activite, incidents):
    rafales = rafales_d_echecs(activite.journal, par="Poste")
    attaque = rafales[rafales["Poste"] == incidents["force_brute"].poste]
    assert len(attaque) == 1 and attaque.iloc[0]["Comptes visés"] == \
        incidents["force_brute"].identite


def test_sessions_simultanees_trouvent_le_compte_prete(activite, incidents):
    inc = incidents["compte_prete"]
    episodes = sessions_simultanees(activite.journal)
    assert list(episodes["Identité"]) == [inc.identite]
    assert episodes.iloc[0]["Premier poste"] == inc.poste
    assert episodes.iloc[0]["Second poste"] != inc.poste
    assert set(lignes_de_sessions_simultanees(activite.journal).index) == set(inc.numeros)


def test_acces_refuses_par_profil(activite, incidents):
    parents = acces_refuses(activite, "Parent")
    profs = acces_refuses(activite, "enseignants")
    assert set(parents["Identité"]) == {incidents["parent_curieux"].identite}
    assert set(parents.index) <= set(incidents["parent_curieux"].numeros)
    assert set(profs["Identité"]) == {incidents["initie_curieux"].identite}
    assert set(profs.index) <= set(incidents["initie_curieux"].numeros)
    assert len(acces_refuses(activite)) == len(parents) + len(profs)


def test_acces_refuses_d_un_profil_sans_annuaire_est_une_erreur_francaise(activite):
    with pytest.raises(ErreurENT, match="annuaire"):
        acces_refuses(activite.journal, "Parent")


def test_qui_a_ouvert_par_nom_ou_identifiant_sur_une_semaine(activite, incidents):
    inc = incidents["parent_curieux"]
    refus = activite.journal.loc[list(inc.numeros)]
    refus = refus[refus["Opération"] == "Accès refusé"]
    victime = str(refus["Objet"].iloc[0]).removesuffix(" (lire)")
    nom = victime.removeprefix("notes de ").removeprefix("notes d'")
    lundi = (pd.Timestamp(inc.debut) - pd.Timedelta(days=inc.debut.weekday())).normalize()
    lignes = qui_a_ouvert(activite.journal, nom, du=lundi.date(),
                          au=(lundi + pd.Timedelta(days=6)).date())
    assert list(lignes.columns) == ["Date", "Identité", "Poste", "Opération", "Résultat",
                                    "Objet"]
    assert lignes["Date"].between(lundi, lundi + pd.Timedelta(days=7)).all()
    echecs = lignes[lignes["Résultat"] == "Échec"]
    assert set(echecs["Identité"]) == {inc.identite}
    assert set(echecs.index) <= set(inc.numeros)
    assert not qui_a_ouvert(activite.journal, nom, refus=False)["Résultat"].eq("Échec").any()
    # l'identifiant de l'élève (prenom.nom) donne les mêmes lignes que son nom
    prenom, nom_de_famille = nom.split(" ", 1)
    identifiant = forme_identifiant(prenom, nom_de_famille)
    par_identifiant = qui_a_ouvert(activite.journal, identifiant)
    assert len(par_identifiant) > len(lignes) and par_identifiant.equals(
        qui_a_ouvert(activite.journal, nom))


def test_tout_ce_qu_a_fait_est_la_chaine_d_une_identite(activite, incidents):
    inc = incidents["session_oubliee_cdi"]
    chaine = tout_ce_qu_a_fait(activite.journal, inc.identite)
    assert (chaine["Identité"] == inc.identite).all()
    assert chaine["Date"].is_monotonic_increasing
    jour = tout_ce_qu_a_fait(activite.journal, inc.identite, du=f"{inc.debut:%Y-%m-%d}",
                             au=f"{inc.debut:%Y-%m-%d}")
    assert set(jour.index) == set(inc.numeros)


def test_les_fonctions_marchent_sur_le_journal_de_l_aas():
    ent = ENT.demo()
    ent.parcours("lea.martin")
    tableau = ent.journal.tableau()
    assert len(tout_ce_qu_a_fait(ent, "lea.martin")) == \
        len(ent.journal.chaine_de("lea.martin"))
    assert rafales_d_echecs(tableau).empty
    assert sessions_simultanees(tableau).empty
    assert acces_refuses(tableau, "Parent", etablissement=ent.etablissement).empty


@pytest.mark.parametrize("appel, message", [
    (lambda j: rafales_d_echecs(j, seuil=1), "seuil"),
    (lambda j: rafales_d_echecs(j, fenetre="bientôt"), "durée"),
    (lambda j: rafales_d_echecs(j, par="Classe"), "Identité"),
    (lambda j: qui_a_ouvert(j, "Léa Martin", service="forum"), "Service"),
    (lambda j: qui_a_ouvert(j, "Léa Martin", du="2025-10-12", au="2025-10-06"), "échangez"),
    (lambda j: qui_a_ouvert(j, "Léa Martin", du="la semaine dernière"), "date"),
    (lambda j: tout_ce_qu_a_fait(j, 42), "identite"),
    (lambda j: tout_ce_qu_a_fait("journal", "lea.martin"), "tableau pandas"),
])
def test_erreurs_d_eleve_en_francais(activite, appel, message):
    with pytest.raises(ErreurENT, match=message):
        appel(activite.journal)


def test_les_enquetes_verifient_les_reponses(activite, incidents):
    exercices = enquetes(activite)
    assert {"force_brute_compte", "force_brute_poste", "force_brute_lignes",
            "parent_curieux_identite", "parent_curieux_refus", "qui_a_ouvert",
            "compte_prete_compte", "compte_prete_lignes", "initie_curieux_identite",
            "initie_curieux_classe", "session_oubliee_compte"} == set(exercices)
    j = activite.journal
    fb = incidents["force_brute"]
    assert exercices["force_brute_compte"].verifier(rafales_d_echecs(j)).juste
    assert exercices["force_brute_compte"].verifier(fb.identite.upper()).juste
    faux = exercices["force_brute_compte"].verifier("lea.martin")
    assert not faux and faux.message.startswith("Pas encore") and "Indice" in faux.message
    assert exercices["force_brute_poste"].verifier(fb.poste).juste
    r = rafales_d_echecs(j).iloc[0]
    assert exercices["force_brute_lignes"].verifier(
        tout_ce_qu_a_fait(j, fb.identite, du=r["Début"], au=r["Fin"])).juste
    trop = exercices["force_brute_lignes"].verifier(len(fb.numeros) + 1)
    assert trop.code == "faux" and "trop" in trop.message
    assert exercices["parent_curieux_identite"].verifier(acces_refuses(activite, "Parent")).juste
    assert exercices["parent_curieux_refus"].verifier(acces_refuses(activite, "Parent")).juste
    plusieurs = exercices["qui_a_ouvert"].verifier(j.head(50))
    assert plusieurs.code == "incomplet" and "identités" in plusieurs.message
    cp = incidents["compte_prete"]
    assert exercices["compte_prete_compte"].verifier(sessions_simultanees(j)).juste
    lignes = tout_ce_qu_a_fait(j, cp.identite, du=f"{cp.debut:%Y-%m-%d}", au=f"{cp.debut:%Y-%m-%d}")
    assert exercices["compte_prete_lignes"].verifier(lignes).juste
    partiel = exercices["compte_prete_lignes"].verifier(lignes.iloc[1:])
    assert partiel.code == "incomplet" and "il manque 1 ligne" in partiel.message
    assert exercices["compte_prete_lignes"].verifier(3).code == "format"
    assert exercices["initie_curieux_classe"].verifier(incidents["initie_curieux"].cible).juste
    assert exercices["session_oubliee_compte"].verifier(
        incidents["session_oubliee_cdi"].identite).juste
    assert exercices["force_brute_compte"].verifier(True).code == "format"


def test_enquetes_sans_activite_est_une_erreur_francaise():
    with pytest.raises(ErreurENT, match="simuler_activite"):
        enquetes("journal")


def test_memes_graines_memes_reponses(activite):
    autre = simuler_activite(ENT(2026, 300), "trimestre", incidents=True, progression=False)
    assert {c: e.attendu for c, e in enquetes(autre).items()} == \
        {c: e.attendu for c, e in enquetes(activite).items()}
    assert rafales_d_echecs(autre.journal).equals(rafales_d_echecs(activite.journal))


@pytest.mark.parametrize("graine", [2026, 7])
def test_sessions_reprises_trouve_exactement_la_session_oubliee(graine):
    from entsim import ENT
    from entsim.activite import simuler_activite
    from entsim.attaques.enquete_journal import sessions_reprises

    activite = simuler_activite(ENT(graine, 300), "trimestre", progression=False)
    plantee = next(i for i in activite.incidents if i.code == "session_oubliee_cdi")
    reprises = sessions_reprises(activite)
    assert list(reprises["Identité"]) == [plantee.identite]
    assert list(reprises["Poste"]) == [plantee.poste]
    assert reprises["Écart (min)"].iloc[0] > 20


# -- revue 13 (navigateur, élève maladroit) ---------------------------------------------------
def test_le_poste_se_verifie_avec_le_tableau_que_donne_l_indice(activite):
    """L'indice dit « rafales_d_echecs(…) ; la colonne « Postes » » : le tableau entier doit
    être accepté, pas refusé faute d'une colonne « Poste »."""
    exercices = enquetes(activite)
    verdict = exercices["force_brute_poste"].verifier(rafales_d_echecs(activite.journal))
    assert verdict.juste, verdict.message


def test_un_nombre_numpy_est_un_nombre_entier(activite):
    import numpy as np

    exercice = enquetes(activite)["force_brute_lignes"]
    assert exercice.verifier(np.int64(exercice.attendu)).juste
    assert "pas de nombre" not in exercice.verifier(np.int64(1)).message


def test_pas_assez_s_ecrit_en_bon_francais(activite):
    exercice = enquetes(activite)["force_brute_lignes"]
    message = exercice.verifier(1).message
    assert "ce n'est pas assez" in message and "c'est pas" not in message


def test_la_question_elide_de_devant_une_voyelle():
    # graine 7 : le parent curieux vise d'abord une élève au prénom en voyelle ?
    from entsim.autorisation.habilitations.ressources import de

    for graine in (2026, 7, 11):
        act = simuler_activite(ENT(graine, 150, cout="rapide"), "trimestre",
                               incidents=True, progression=False)
        question = enquetes(act)["qui_a_ouvert"].question
        nom = question.split("notes ", 1)[1].split(" la semaine")[0]
        assert nom.startswith(("de ", "d'")), question
        cible = nom.removeprefix("de ").removeprefix("d'")
        assert nom == de(cible), question


@pytest.mark.parametrize("index", [["a", "b"], [1.5]])
def test_un_tableau_sans_numeros_du_journal_est_refuse_en_francais(activite, index):
    exercice = enquetes(activite)["compte_prete_lignes"]
    verdict = exercice.verifier(pd.DataFrame({"x": range(len(index))}, index=index))
    assert verdict.code == "format" and "N°" in verdict.message


def test_un_tableau_remis_a_zero_garde_ses_numeros_dans_la_colonne(activite, incidents):
    cp = incidents["compte_prete"]
    lignes = tout_ce_qu_a_fait(activite.journal, cp.identite, du=f"{cp.debut:%Y-%m-%d}",
                               au=f"{cp.debut:%Y-%m-%d}")
    assert enquetes(activite)["compte_prete_lignes"].verifier(lignes.reset_index()).juste


def test_une_date_a_la_francaise_est_lue_jour_mois_annee(activite):
    j = activite.journal
    francaise = qui_a_ouvert(j, "Léa Martin", du="06/10/2025", au="12/10/2025")
    iso = qui_a_ouvert(j, "Léa Martin", du="2025-10-06", au="2025-10-12")
    assert francaise.equals(iso)


@pytest.mark.parametrize("valeur,attendu", [
    ("2025-13-45", "2025-13-45"), ("", "date"), ("   ", "date"), (pd.NaT, "date"),
    ("2025-10-06 08:00:00+02:00", "fuseau"),
])
def test_une_date_impossible_est_refusee_en_citant_ce_qui_a_ete_tape(activite, valeur, attendu):
    with pytest.raises(ErreurENT, match=attendu):
        qui_a_ouvert(activite.journal, "Léa Martin", du=valeur)


def test_une_duree_sans_unite_est_refusee(activite):
    with pytest.raises(ErreurENT, match="unité"):
        rafales_d_echecs(activite.journal, fenetre=10)
