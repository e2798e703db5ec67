"""Le simulateur d'activité : calendrier, rythmes par profil, respect des décisions de
l'autorisation, colonnes du journal de l'AAS, déterminisme.

Écoles utilisées : la démonstration (une classe) et un lycée moyen (300 élèves) de la
rentrée à fin janvier (vacances de la Toussaint et de Noël, conseils de classe de décembre).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from entsim import ENT
from entsim.activite import ActiviteSimulee, CalendrierScolaire, simuler_activite
from entsim.activite.calendrier import zone_de
from entsim.autorisation.habilitations import Action, Ressource
from entsim.socle.erreurs import ErreurENT

PERIODE_MOYENNE = ("2025-09-01", "2026-01-31")


@pytest.fixture(scope="module")
def ent_moyen():
    return ENT(7, 300)


@pytest.fixture(scope="module")
def moyen(ent_moyen) -> ActiviteSimulee:
    return simuler_activite(ent_moyen, PERIODE_MOYENNE, progression=False)


@pytest.fixture(scope="module")
def demo() -> ActiviteSimulee:
    return simuler_activite(ENT.demo(), "annee", progression=False)


def _connexions(activite: ActiviteSimulee, profil: str | None = None) -> pd.DataFrame:
    j = activite.journal
    c = j[j["Opération"] == "Connexion réussie"]
    if profil is not None:
        c = c[activite.profils.reindex(c["Identité"].astype(str)).to_numpy() == profil]
    return c


# -- calendrier ------------------------------------------------------------------------

def test_calendrier_2025_2026_zone_b():
    cal = CalendrierScolaire.pour_academie("académie de Nantes")
    assert cal.zone == "B"
    assert cal.jour(date(2025, 9, 1)).nature == "cours"
    assert (cal.jour(date(2025, 10, 20)).nature, cal.jour(date(2025, 10, 20)).nom) == \
        ("vacances", "Vacances de la Toussaint")
    assert cal.jour(date(2025, 11, 3)).nature == "cours"            # jour de la reprise
    assert cal.jour(date(2025, 11, 11)).nom == "Armistice de 1918"
    assert cal.jour(date(2026, 2, 16)).nature == "vacances"          # hiver B : 14/02–02/03
    assert cal.jour(date(2026, 3, 2)).nature == "cours"
    assert cal.jour(date(2026, 5, 15)).nom == "Pont de l'Ascension"
    assert cal.jour(date(2026, 5, 14)).nature == "férié"
    assert cal.jour(date(2025, 9, 6)).nature == "week-end"
    assert cal.periode("annee") == (date(2025, 9, 1), date(2026, 7, 3))
    assert cal.periode("semaine") == (date(2025, 10, 6), date(2025, 10, 12))
    assert cal.est_vacances("2025-12-24") and not cal.est_vacances("2026-01-05")


def test_zones_des_academies_et_hiver_par_zone():
    assert (zone_de("académie de Lyon"), zone_de("Orléans-Tours"),
            zone_de("académie de Créteil")) == ("A", "B", "C")
    hiver = {z: next(v for v in CalendrierScolaire(z).vacances() if v[0] == "Vacances d'hiver")
             for z in "ABC"}
    assert hiver["A"][1:] == (date(2026, 2, 7), date(2026, 2, 22))
    assert hiver["C"][1:] == (date(2026, 2, 21), date(2026, 3, 8))
    with pytest.raises(ErreurENT, match="zone"):
        zone_de("académie de la Lune")


def test_periode_inconnue_message_francais(ent_moyen):
    with pytest.raises(ErreurENT, match="Période inconnue"):
        simuler_activite(ent_moyen, "mois")
    with pytest.raises(ErreurENT, match="Il faut un ENT"):
        simuler_activite("lycée", "semaine")


@pytest.mark.parametrize("periode", [("2023-01-01", "2023-01-10"),      # une autre année
                                     ("2025-08-01", "2025-09-10"),      # avant la rentrée
                                     ("2026-08-25", "2026-09-05"),      # après l'été
                                     ("9999-12-31", "9999-12-31")])
def test_periode_hors_de_l_annee_livree_refusee(periode):
    """Le calendrier livré couvre du 1er septembre 2025 au 31 août 2026 : hors de ces dates,
    un jour de l'été 2025 ou de 2023 passerait pour un « jour de cours »."""
    ent = ENT.demo()
    avant = len(ent.journal)
    with pytest.raises(ErreurENT, match=r"entre le 01/09/2025 et le 31/08/2026"):
        simuler_activite(ent, periode, progression=False)
    assert len(ent.journal) == avant
    dehors = periode[0] if periode[0] < "2025-09-01" or periode[0] > "2026-08-31" \
        else periode[1]
    with pytest.raises(ErreurENT, match=r"entre le 01/09/2025 et le 31/08/2026"):
        CalendrierScolaire("B").jour(dehors)


def test_periode_nommee_sans_tenir_compte_des_majuscules():
    cal = CalendrierScolaire("B")
    assert cal.periode("Année") == cal.periode("ANNEE") == cal.periode(" annee ") == \
        (date(2025, 9, 1), date(2026, 7, 3))
    assert cal.periode("Semaine") == (date(2025, 10, 6), date(2025, 10, 12))
    assert cal.periode(("2025-09-01", "2026-08-31")) == (date(2025, 9, 1), date(2026, 8, 31))


def test_academie_d_outre_mer_dit_comment_choisir_une_zone():
    """Une graine peut tirer l'académie de La Réunion, dont le recteur fixe le calendrier
    (code de l'éducation, art. D521-6) : le message dit quoi écrire, et ``zone=`` marche."""
    ent = ENT(5, 20)
    assert "Réunion" in ent.etablissement.academie
    with pytest.raises(ErreurENT, match=r'zone="B"') as erreur:
        simuler_activite(ent, "semaine", progression=False)
    assert "recteur" in str(erreur.value)
    assert len(simuler_activite(ent, "semaine", zone="B", progression=False)) > 0


# -- forme du résultat -----------------------------------------------------------------

def test_colonnes_du_journal_de_l_aas(demo):
    ent = ENT.demo()
    ent.parcours("lea.martin")
    aas = ent.journal.tableau()
    j = demo.journal
    assert list(j.columns) == list(aas.columns)
    assert j.index.name == aas.index.name == "N°"
    assert j.index[0] == 1 and (np.diff(j.index.to_numpy()) == 1).all()
    assert j["Date"].is_monotonic_increasing
    assert str(j["Date"].dtype) == "datetime64[ns]"
    for colonne in j.columns[1:]:
        assert isinstance(j[colonne].dtype, pd.CategoricalDtype)
        assert not j[colonne].isna().any()
    assert set(j["Opération"].unique()) <= set(aas["Opération"].unique()) | {
        "Échec de connexion", "Déconnexion", "Déconnexion propagée au service",
        "Message envoyé", "Accès refusé", "Compte bloqué", "Connexion refusée (compte bloqué)"}
    # une ligne de lecture a le même « Objet » qu'une vraie lecture de l'AAS
    ent.service("notes").releve("lea.martin", "lea.martin")
    vraie = ent.journal.tableau().iloc[-1]
    simulees = j[(j["Identité"] == "lea.martin") & (j["Objet"] == vraie["Objet"])]
    assert len(simulees) and (simulees["Détail"] == vraie["Détail"]).all()


def test_resume_et_repr_en_francais(demo):
    texte = demo.resume()
    assert "Activité simulée" in texte and "Connexions par profil" in texte
    assert "incidents plantés" in texte
    assert repr(demo).startswith("ActiviteSimulee(Lycée") and "lignes" in repr(demo)
    assert len(demo) == len(demo.journal)
    assert set(demo.profils.unique()) <= {"Élève", "Parent", "Enseignant", "Personnel",
                                          "Invité"}
    assert (demo.fonctions[demo.profils == "Élève"] == "").all()
    assert "CPE" in set(demo.fonctions)


def test_demo_annee_complete(demo):
    assert demo.debut == date(2025, 9, 1) and demo.fin == date(2026, 7, 3)
    assert len(demo) > 50_000
    assert len(demo.messages) and len(demo.devoirs) and len(demo.evaluations)


def test_devoirs_publies_plusieurs_jours_avant(moyen):
    d = moyen.devoirs
    avance = (pd.to_datetime(d["Pour le"]) - d["Publié le"].dt.normalize()).dt.days
    assert (avance >= 1).all()
    assert (avance >= 3).mean() > 0.6


def test_messages_sont_des_lignes_du_journal(moyen):
    j = moyen.journal
    envoyes = j[j["Opération"] == "Message envoyé"]
    assert len(envoyes) == len(moyen.messages)
    assert (envoyes["Identité"].astype(str).value_counts().sort_index()
            == moyen.messages["Expéditeur"].astype(str).value_counts().sort_index()).all()


# -- rythmes ---------------------------------------------------------------------------

def test_parents_le_soir(moyen):
    heures = _connexions(moyen, "Parent")["Date"].dt.hour
    par_heure = np.bincount(heures, minlength=24)
    soir = par_heure[19:22].sum()
    autres = [par_heure[h:h + 3].sum() for h in range(0, 22) if h != 19]
    assert soir > max(autres)


def test_presque_rien_pendant_les_vacances(moyen):
    c = _connexions(moyen)
    jours = c["Date"].dt.normalize().value_counts()
    cal = moyen.calendrier
    tous = pd.date_range(moyen.debut, moyen.fin)
    nature = {d: cal.jour(d.date()).nature for d in tous}
    vacances = [jours.get(d, 0) for d in tous if nature[d] == "vacances"]
    cours = [jours.get(d, 0) for d in tous if nature[d] == "cours"]
    assert np.mean(vacances) < 0.10 * np.mean(cours)


def _connexions_des_fonctions(activite: ActiviteSimulee, fonctions: list[str]):
    c = _connexions(activite)
    return c[activite.fonctions.reindex(c["Identité"].astype(str)).isin(fonctions).to_numpy()]


def test_vie_scolaire_le_matin(moyen):
    vs = _connexions_des_fonctions(moyen, ["Vie scolaire", "CPE"])
    assert len(vs) > 100
    assert vs["Date"].dt.hour.between(8, 9).mean() > 0.5
    assert (vs["Date"].dt.day_of_week < 5).all()


def test_direction_et_secretariat_aux_heures_de_bureau(moyen):
    bureau = _connexions_des_fonctions(moyen, ["Direction", "Secrétariat"])
    assert len(bureau) > 50
    assert bureau["Date"].dt.hour.between(8, 17).mean() > 0.9


def test_enseignants_dimanche_soir_plus_que_samedi_soir(moyen):
    c = _connexions(moyen, "Enseignant")
    soir = c[c["Date"].dt.hour >= 18]
    jours = soir["Date"].dt.day_of_week
    assert (jours == 6).sum() > (jours == 5).sum()


def test_enseignants_plus_actifs_aux_conseils_de_classe(moyen):
    c = _connexions(moyen, "Enseignant")
    par_jour = c["Date"].dt.normalize().value_counts()
    cal = moyen.calendrier
    jours_de_cours = [d for d in pd.date_range(moyen.debut, moyen.fin)
                      if cal.jour(d.date()).nature == "cours"]
    conseils = [d for d in jours_de_cours for _, a, b in cal.conseils_de_classe()
                if a <= d.date() <= b]
    assert conseils
    assert np.mean([par_jour.get(d, 0) for d in conseils]) > \
        np.mean([par_jour.get(d, 0) for d in jours_de_cours])


def test_parents_se_connectent_le_soir_de_publication_des_notes(moyen, ent_moyen):
    etab = ent_moyen.etablissement
    c = _connexions(moyen, "Parent")
    c = c[c["Date"].dt.hour >= 18]
    classe_parent = {p.identifiant: etab.personnes[p.enfants[0]].classe
                     for p in etab.parents() if p.enfants}
    c = c.assign(Classe=c["Identité"].astype(str).map(classe_parent), Jour=c["Date"].dt
                 .normalize())
    par_classe_jour = c.groupby(["Classe", "Jour"]).size()
    ev = moyen.evaluations
    soirs_pub = {(cl, d.normalize()) for cl, d in zip(ev["Classe"], ev["Notes publiées le"])
                 if d.hour < 18}
    pub = [par_classe_jour.get(k, 0) for k in soirs_pub]
    autres = par_classe_jour[[k not in soirs_pub for k in par_classe_jour.index]]
    assert np.mean(pub) > autres.mean()


# -- mêmes décisions que l'AAS -------------------------------------------------------------

def _ressources_par_objet(ent) -> dict[str, list[tuple[Action, Ressource]]]:
    """Toutes les ressources naturelles, par texte d'« Objet » (avec l'action)."""
    etab = ent.etablissement
    autorisation = ent.autorisation
    candidates: list[Ressource] = []
    for e in etab.eleves():
        i = e.identifiant
        candidates += [Ressource.notes_de(i), Ressource.absences_de(i), Ressource.dossier_de(i)]
    for c in etab.classes:
        candidates += [Ressource.cahier_de_textes_de(c), Ressource.emploi_du_temps_de(c)]
    for p in etab.personnes:
        candidates += [Ressource.messages_de(p), Ressource.message_a(p)]
    table: dict[str, list] = {}
    for r in candidates:
        for action in (Action.LIRE, Action.ECRIRE):
            table.setdefault(f"{autorisation.decrire(r)} ({action.value})", []).append(
                (action, r))
    return table


def test_chaque_lecture_ou_ecriture_est_autorisee_par_l_aas(moyen, ent_moyen):
    j = moyen.journal
    acces = j[(j["Opération"] == "Accès autorisé") & (j["Objet"] != "")]
    triplets = acces[["Identité", "Objet"]].astype(str).drop_duplicates()
    table = _ressources_par_objet(ent_moyen)
    assert len(triplets) > 1000
    for identite, objet in triplets.itertuples(index=False):
        assert objet in table, objet
        assert any(ent_moyen.autorisation.evaluer(identite, a, r).autorise
                   for a, r in table[objet]), (identite, objet)


def test_chaque_message_respecte_la_matrice(moyen, ent_moyen):
    paires = moyen.messages[["Expéditeur", "Destinataire"]].astype(str).drop_duplicates()
    assert len(paires) > 50
    for exp, dest in paires.itertuples(index=False):
        assert ent_moyen.autorisation.peut_ecrire_a(exp, dest).autorise, (exp, dest)


def test_aucun_refus_sans_incident(ent_moyen):
    sans = simuler_activite(ent_moyen, "trimestre", incidents=False, progression=False)
    assert sans.incidents == ()
    assert not (sans.journal["Résultat"] == "Échec").loc[
        sans.journal["Opération"] != "Échec de connexion"].any()
    assert (sans.journal["Opération"] == "Accès refusé").sum() == 0


def test_le_journal_de_l_ent_n_est_pas_modifie(ent_moyen):
    avant = len(ent_moyen.journal)
    simuler_activite(ent_moyen, "semaine", progression=False)
    assert len(ent_moyen.journal) == avant


# -- déterminisme ------------------------------------------------------------------------

def test_meme_graine_meme_activite(moyen):
    encore = simuler_activite(ENT(7, 300), PERIODE_MOYENNE, progression=False)
    pd.testing.assert_frame_equal(moyen.journal, encore.journal)
    pd.testing.assert_frame_equal(moyen.messages, encore.messages)
    pd.testing.assert_frame_equal(moyen.devoirs, encore.devoirs)
    assert moyen.incidents == encore.incidents


def test_autre_graine_autre_activite(moyen):
    autre = simuler_activite(ENT(8, 300), PERIODE_MOYENNE, progression=False)
    assert len(autre) != len(moyen)


def test_opposition_d_un_eleve_majeur_respectee_par_la_simulation():
    """Un élève majeur fait opposition (``entsim.autorisation.majorite``) avant la
    simulation : aucune ligne simulée ne montre un de ses parents lisant ses notes, ses
    absences ou son dossier une fois la majorité atteinte — l'AAS le refuserait."""
    from datetime import datetime, time
    from entsim.autorisation.habilitations import ContexteAcces
    from entsim.etablissement.annuaire import Parent

    ent = ENT(2026, "demo")
    aujourd_hui = ent.horloge.maintenant().date()
    eleve = next(e for e in ent.etablissement.eleves() if e.est_majeur(aujourd_hui))
    assert ent.autorisation.enregistrer_opposition(eleve.identifiant,
                                                   par=eleve.identifiant).ok
    parents = {p.identifiant for p in ent.etablissement.personnes.values()
               if isinstance(p, Parent) and eleve.identifiant in p.enfants}
    assert parents
    activite = simuler_activite(ent, "annee", incidents=False, progression=False)
    j = activite.journal
    objets = {f"{ent.autorisation.decrire(r)} ({a.value})"
              for r in (Ressource.notes_de(eleve.identifiant),
                        Ressource.absences_de(eleve.identifiant),
                        Ressource.dossier_de(eleve.identifiant))
              for a in (Action.LIRE, Action.ECRIRE)}
    lues = j[j["Identité"].astype(str).isin(parents) & j["Objet"].astype(str).isin(objets)]
    for instant in lues["Date"]:
        assert not eleve.est_majeur(instant.date()), instant
    # et l'AAS refuse bien ces lectures une fois l'élève majeur (même règle, même date)
    majeur_le = next(d.date() for d in pd.date_range("2025-09-01", "2026-07-03")
                     if eleve.est_majeur(d.date()))
    contexte = ContexteAcces(datetime.combine(majeur_le, time(20)), "exterieur")
    assert not ent.autorisation.evaluer(next(iter(parents)), Action.LIRE,
                                        Ressource.notes_de(eleve.identifiant),
                                        contexte=contexte).autorise
