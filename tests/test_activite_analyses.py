"""Les analyses et graphiques de l'usage de l'ENT (partie 2, Q4–Q6) : les nombres qu'ils
donnent, les phrases françaises qui suivent les données, les refus en français ; sur un
journal construit à la main, sur le vrai journal de l'AAS et sur une période simulée."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from entsim import ENT
from entsim.activite.analyses import (ajouter_profils, carte_horaire, connexions,
                                      creneau_principal, libelle_profil, par_semaine,
                                      part_du_soir, usage_des_services)
from entsim.activite.calendrier import CalendrierScolaire
from entsim.activite.coordination import (HypothesesPapier, delai_de_publication_des_devoirs,
                                          messages_par_couple, papier_economise)
from entsim.activite.graphiques import (graphique_annee, graphique_carte_horaire,
                                        graphique_devoirs, graphique_messages,
                                        graphique_profils_services)
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.graphiques import Graphique

COLONNES = ["Date", "Opération", "Identité", "Service", "Poste", "Résultat", "Détail", "Objet"]


def journal(lignes: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """Un journal au format du contrat : (date, opération, identité, service) par ligne,
    index « N° » à partir de 1, colonnes de texte catégorielles."""
    cadre = pd.DataFrame(
        [(pd.Timestamp(d), op, ident, service, "Ordinateur de la maison", "Succès", "", "")
         for d, op, ident, service in lignes], columns=COLONNES)
    cadre["Date"] = cadre["Date"].astype("datetime64[ns]")
    for colonne in COLONNES[1:]:
        cadre[colonne] = pd.Categorical(cadre[colonne])
    cadre.index = pd.RangeIndex(1, len(cadre) + 1, name="N°")
    return cadre


def connexion(quand: str, qui: str) -> tuple[str, str, str, str]:
    return (quand, "Connexion réussie", qui, "")


def service(quand: str, qui: str, code: str) -> tuple[str, str, str, str]:
    return (quand, "Ticket de service validé", qui, code)


# Semaine du lundi 6 octobre 2025 (cours), puis celle du 20 octobre (Toussaint).
LIGNES = [
    connexion("2025-10-06 20:10", "sophie.martin"),          # parent, lundi 20 h
    connexion("2025-10-06 21:30", "sophie.martin"),          # parent, lundi 21 h
    connexion("2025-10-07 19:05", "karim.bernard"),          # parent, mardi 19 h
    connexion("2025-10-08 20:45", "karim.bernard"),          # parent, mercredi 20 h
    connexion("2025-10-11 12:15", "sophie.martin"),          # parent, samedi 12 h
    connexion("2025-10-06 18:00", "lea.martin"),             # élève, lundi 18 h
    connexion("2025-10-08 14:20", "lea.martin"),             # élève, mercredi 14 h
    connexion("2025-10-12 21:10", "nicolas.durand"),         # enseignant, dimanche 21 h
    connexion("2025-10-21 21:00", "nicolas.durand"),         # enseignant, en vacances
    connexion("2025-10-07 09:00", "zz.inconnu"),             # absent de l'annuaire
    ("2025-10-07 08:59", "Échec de connexion", "zz.inconnu", ""),
    ("2025-10-06 20:10", "Session SSO ouverte (TGT)", "sophie.martin", ""),
    service("2025-10-06 20:11", "sophie.martin", "notes"),
    service("2025-10-06 21:31", "sophie.martin", "notes"),
    service("2025-10-07 19:06", "karim.bernard", "messagerie"),
    service("2025-10-06 18:01", "lea.martin", "cahier_de_textes"),
    service("2025-10-08 14:21", "lea.martin", "cahier_de_textes"),
    service("2025-10-08 14:22", "lea.martin", "notes"),
    service("2025-10-12 21:11", "nicolas.durand", "cahier_de_textes"),
]


@pytest.fixture(scope="module")
def ent():
    return ENT.demo()


@pytest.fixture
def tableau():
    return journal(LIGNES)


# -- les nombres -----------------------------------------------------------------------------
def test_connexions_ne_garde_que_les_connexions_reussies(tableau):
    lignes = connexions(tableau)
    assert len(lignes) == 10
    assert set(lignes["Opération"]) == {"Connexion réussie"}


def test_carte_horaire_compte_par_heure_et_jour(tableau):
    carte = carte_horaire(tableau)
    assert carte.shape == (24, 7)
    assert carte.index.name == "Heure" and carte.columns.name == "Jour"
    assert list(carte.columns) == ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                                   "dimanche"]
    assert carte.loc[20, "lundi"] == 1 and carte.loc[21, "lundi"] == 1
    assert carte.loc[21, "mardi"] == 1                       # l'enseignant en vacances
    assert carte.loc[9, "mardi"] == 1                        # l'échec de 8 h 59 ne compte pas
    assert carte.to_numpy().sum() == 10


def test_carte_horaire_d_un_profil(tableau, ent):
    carte = carte_horaire(tableau, "Parent", ent.etablissement)
    assert carte.to_numpy().sum() == 5
    assert carte.loc[19:21].to_numpy().sum() == 4
    for ecriture in ("parents", "PARENT", "Parents"):
        assert carte_horaire(tableau, ecriture, ent).equals(carte)
    assert carte_horaire(tableau, "Inconnu", ent).loc[9, "mardi"] == 1


@pytest.mark.parametrize("ecriture", ["eleve", "Élève", "élèves", "Élèves", "ELEVES"])
def test_le_profil_s_ecrit_librement(ecriture):
    assert libelle_profil(ecriture) == "Élève"


@pytest.mark.parametrize("mauvais", ["prof", "", 3, "élèvesss", ["Parent"]])
def test_un_profil_inconnu_est_refuse_en_francais(tableau, ent, mauvais):
    with pytest.raises(ValeurInvalide, match="Profil inconnu.*Élève, Parent, Enseignant"):
        carte_horaire(tableau, mauvais, ent.etablissement)


def test_ajouter_profils_et_identites_inconnues(tableau, ent):
    avec = ajouter_profils(tableau, ent.etablissement)
    assert avec.loc[1, "Profil"] == "Parent"
    assert avec.loc[6, "Profil"] == "Élève"
    assert avec.loc[10, "Profil"] == "Inconnu"
    # Même résultat sur des colonnes de texte ordinaires (journal de l'AAS).
    texte = tableau.astype({"Identité": str})
    texte.loc[2, "Identité"] = ""
    avec_texte = ajouter_profils(texte, ent)
    assert avec_texte.loc[2, "Profil"] == "Inconnu"
    assert list(avec_texte["Profil"])[2:] == list(avec["Profil"])[2:]


def test_sans_annuaire_le_profil_est_demande_en_francais(tableau):
    with pytest.raises(ValeurInvalide, match="il faut l'annuaire"):
        carte_horaire(tableau, "Parent")


def test_part_du_soir_et_creneau_principal(tableau, ent):
    assert part_du_soir(tableau, "Parent", ent) == pytest.approx(4 / 5)
    assert part_du_soir(tableau) == pytest.approx(7 / 10)
    creneau = creneau_principal(carte_horaire(tableau, "Parent", ent))
    assert (creneau.debut, creneau.fin, creneau.connexions) == (19, 22, 4)
    assert creneau.texte() == "entre 19 h et 22 h"


def test_par_semaine_toutes_les_semaines_et_les_vacances(tableau, ent):
    semaines = par_semaine(tableau, ent.etablissement, CalendrierScolaire("B"))
    assert list(semaines.index) == list(pd.to_datetime(["2025-10-06", "2025-10-13",
                                                        "2025-10-20"]))
    assert semaines.index.name == "Semaine du"
    assert semaines.loc["2025-10-06", "Parent"] == 5
    assert semaines.loc["2025-10-06", "Enseignant"] == 1      # le dimanche 12
    assert semaines.loc["2025-10-13"].drop("Vacances").sum() == 0
    assert list(semaines["Vacances"]) == ["", "", "Vacances de la Toussaint"]
    assert "Invité" not in semaines.columns                   # aucun invité connecté


def test_usage_des_services_par_profil(tableau, ent):
    usage = usage_des_services(tableau, ent.etablissement)
    assert usage.index.name == "Profil" and usage.columns.name == "Service"
    assert usage.loc["Parent", "Notes et résultats des évaluations"] == 2
    assert usage.loc["Élève", "Cahier de textes"] == 2
    assert usage.loc["Parent", "Messagerie"] == 1
    assert list(usage.columns)[0] == "Cahier de textes"       # 3 ouvertures, le plus ouvert
    assert usage.to_numpy().sum() == 7


# -- les refus -------------------------------------------------------------------------------
@pytest.mark.parametrize("mauvais", [3, None, "journal", [1, 2]])
def test_pas_un_journal_refuse_en_francais(mauvais):
    with pytest.raises(ValeurInvalide, match="journal en tableau pandas.*ent.journal.tableau"):
        carte_horaire(mauvais)


def test_colonnes_manquantes_refusees_en_francais(tableau, ent):
    with pytest.raises(ValeurInvalide, match="Il manque au tableau les colonnes « Date »"):
        connexions(pd.DataFrame())
    with pytest.raises(ValeurInvalide, match="la colonne « Service »"):
        usage_des_services(tableau.drop(columns="Service"), ent)
    with pytest.raises(ValeurInvalide, match="« Date ».*dates"):
        carte_horaire(tableau.assign(Date="mardi"))


# -- les graphiques --------------------------------------------------------------------------
@pytest.mark.parametrize("fonction", [graphique_carte_horaire, graphique_annee,
                                      graphique_profils_services, graphique_messages,
                                      graphique_devoirs])
def test_les_graphiques_refusent_ce_qui_n_est_pas_un_tableau(fonction):
    with pytest.raises(ValeurInvalide, match="(reçu : un nombre entier)"):
        fonction(3)


def _textes_de_legende(axes) -> list[str]:
    legende = axes.get_legend()
    return [t.get_text() for t in legende.get_texts()] if legende else []


def test_graphique_carte_horaire_phrase_calculee(tableau, ent):
    graphique = graphique_carte_horaire(tableau, "Parent", ent.etablissement)
    assert isinstance(graphique, Graphique)
    assert graphique.phrase == ("Les parents se connectent surtout entre 19 h et 22 h "
                                "(80\u202f% de leurs connexions), le plus souvent le lundi.")
    axes = graphique.figure.axes[0]
    assert axes.get_title() == "Connexions des parents à l'ENT, par heure et par jour"
    assert axes.get_xlabel() == "Jour de la semaine"
    assert axes.get_ylabel() == "Heure de la connexion"
    assert [t.get_text() for t in axes.get_xticklabels()][:3] == ["lundi", "mardi", "mercredi"]
    assert "8 h" in [t.get_text() for t in axes.get_yticklabels()]
    assert graphique.figure.axes[1].get_ylabel() == "Nombre de connexions"   # barre de couleur
    # D'autres données, une autre phrase : les parents passent au midi du samedi.
    midi = journal([connexion(f"2025-10-{j:02d} 12:{m:02d}", "sophie.martin")
                    for j in (4, 11) for m in (5, 25)] + [connexion("2025-10-06 20:00",
                                                                     "karim.bernard")])
    autre = graphique_carte_horaire(midi, "parents", ent)
    assert autre.phrase == ("Les parents se connectent surtout entre 11 h et 14 h "
                            "(80\u202f% de leurs connexions), le plus souvent le samedi.")


def test_graphique_annee_vacances_nommees_et_legende(tableau, ent):
    graphique = graphique_annee(tableau, ent.etablissement, CalendrierScolaire("B"))
    axes = graphique.figure.axes[0]
    assert axes.get_title() == "Connexions à l'ENT semaine par semaine, par profil"
    assert axes.get_xlabel() == "Semaine (date du lundi), 2025"
    assert axes.get_ylabel() == "Connexions par semaine"
    assert _textes_de_legende(axes) == ["Élèves", "Parents", "Enseignants",
                                        "Identités inconnues", "Vacances scolaires"]
    # Jamais la couleur seule : chaque courbe a aussi son propre motif de trait.
    motifs = {ligne.get_label(): str(ligne._unscaled_dash_pattern) for ligne in axes.get_lines()}
    couleurs = {ligne.get_label(): ligne.get_color() for ligne in axes.get_lines()}
    assert len(set(motifs.values())) == len(motifs) == len(set(couleurs.values())) == 4
    assert "Toussaint" in [t.get_text() for t in axes.texts]
    assert graphique.phrase == ("Pendant les vacances, l'ENT ne reçoit que 1 connexion par "
                                "semaine en moyenne, contre 4,5 les semaines de cours ; la "
                                "semaine la plus chargée est celle du 06/10/2025, avec 9 "
                                "connexions, dont 56\u202f% par les parents.")


def test_graphique_profils_services_phrase_et_etiquettes(tableau, ent):
    graphique = graphique_profils_services(tableau, ent.etablissement)
    axes = graphique.figure.axes[0]
    assert axes.get_title() == "Services ouverts par chaque profil"
    assert (axes.get_xlabel(), axes.get_ylabel()) == ("Profil", "Service")
    # chaque colonne dit sur combien d'ouvertures portent ses pourcentages
    assert [t.get_text() for t in axes.get_xticklabels()] == [
        "Élèves\n(3 ouvertures)", "Parents\n(3 ouvertures)", "Enseignants\n(1 ouverture)"]
    assert "67\u202f%" in [t.get_text() for t in axes.texts]     # le nombre dans la case
    # sur si peu d'ouvertures, un pourcentage ne dit pas grand-chose : la phrase le précise
    assert graphique.phrase == ("Les élèves ouvrent surtout « Cahier de textes » (67\u202f% de "
                                "leurs ouvertures, sur 3 seulement), les parents « Notes et "
                                "résultats des évaluations » (67\u202f%, sur 3 seulement), les "
                                "enseignants « Cahier de textes » (100\u202f%, sur 1 seule).")


def test_periode_vide_graphiques_vides_avec_une_phrase(tableau, ent):
    vide = tableau.iloc[:0]
    assert carte_horaire(vide).to_numpy().sum() == 0
    assert par_semaine(vide, ent).empty
    phrases = [graphique_carte_horaire(vide).phrase,
               graphique_carte_horaire(vide, "Invité", ent).phrase,
               graphique_annee(vide, ent).phrase,
               graphique_profils_services(vide, ent).phrase]
    assert phrases == ["Aucune connexion dans ce journal : rien à montrer.",
                       "Aucune connexion des invités dans ce journal : rien à montrer.",
                       "Aucune connexion dans ce journal : rien à montrer.",
                       "Aucun service ouvert dans ce journal : rien à montrer."]
    # Un profil sans connexion dans un journal non vide : même chose.
    assert graphique_carte_horaire(tableau, "Personnel", ent).phrase == (
        "Aucune connexion des personnels dans ce journal : rien à montrer.")


# -- sur le vrai journal de l'AAS ------------------------------------------------------------
def test_les_analyses_marchent_sur_le_journal_de_l_aas():
    ent = ENT.demo()
    ent.avancer(heures=12)                                    # lundi 7 septembre 2026, 20 h
    ent.connexion("sophie.martin", "Jardin-Lilas-83", poste="Ordinateur de la maison")
    ent.ouvrir("notes", poste="Ordinateur de la maison")
    ent.connexion("zz.personne", "mauvais", poste="Téléphone")   # échec : ne compte pas
    aas = ent.journal.tableau()
    assert carte_horaire(aas, "Parent", ent.etablissement).loc[20, "lundi"] == 1
    assert usage_des_services(aas, ent).loc["Parent", "Notes et résultats des évaluations"] == 1
    graphique = graphique_carte_horaire(ent, "parents")       # l'ENT lui-même est accepté
    assert graphique.phrase == ("Les parents se connectent surtout entre 19 h et 22 h "
                                "(100\u202f% de leurs connexions), le plus souvent le lundi.")
    annee = graphique_annee(aas, ent.etablissement)
    assert "celle du 07/09/2026" in annee.phrase
    assert len(graphique_profils_services(aas, ent).figure.axes) == 2


# -- la coordination -------------------------------------------------------------------------
MESSAGES = pd.DataFrame({
    "Date": pd.to_datetime(["2025-10-06 20:00"] * 6),
    "Expéditeur": ["nicolas.durand"] * 3 + ["sophie.martin", "lea.martin", "isabelle.moreau"],
    "Destinataire": ["sophie.martin", "karim.bernard", "lea.martin", "nicolas.durand",
                     "hugo.bernard", "sophie.martin"],
    "Profil de l'expéditeur": ["Enseignant"] * 3 + ["Parent", "Élève", "Personnel"],
    "Profil du destinataire": ["Parent", "Parent", "Élève", "Enseignant", "Élève", "Parent"],
})

DEVOIRS = pd.DataFrame({
    "Classe": ["TSTMG1"] * 4 + ["2NDE3"],
    "Discipline": ["Mathématiques"] * 5,
    "Enseignant": ["nicolas.durand"] * 5,
    "Publié le": pd.to_datetime(["2025-10-06 18:00", "2025-10-06 21:00", "2025-10-07 17:00",
                                 "2025-10-08 08:00", "2025-10-09 12:00"]),
    "Pour le": [date(2025, 10, 13), date(2025, 10, 7), date(2025, 10, 9),
                date(2025, 10, 8), date(2025, 10, 16)],
})

EVALUATIONS = pd.DataFrame({"Classe": ["TSTMG1", "TSTMG1", "2NDE3"],
                            "Discipline": ["Mathématiques"] * 3,
                            "Enseignant": ["nicolas.durand"] * 3,
                            "Date de l'évaluation": [date(2025, 10, 10)] * 3,
                            "Notes publiées le": pd.to_datetime(["2025-10-15 18:00"] * 3)})


class Activite:
    """Le minimum d'une activité simulée pour les analyses de la coordination."""

    def __init__(self, messages=MESSAGES, devoirs=DEVOIRS, evaluations=EVALUATIONS):
        self.messages, self.devoirs, self.evaluations = messages, devoirs, evaluations


def test_messages_par_couple():
    couples = messages_par_couple(MESSAGES)
    assert couples.index.name == "Profil de l'expéditeur"
    assert couples.columns.name == "Profil du destinataire"
    assert list(couples.index) == ["Élève", "Parent", "Enseignant", "Personnel"]
    assert couples.loc["Enseignant", "Parent"] == 2
    assert couples.loc["Parent", "Enseignant"] == 1
    assert couples.loc["Parent", "Élève"] == 0
    assert couples.to_numpy().sum() == 6
    assert messages_par_couple(Activite()).equals(couples)


def test_graphique_messages_phrase_suit_les_donnees():
    graphique = graphique_messages(MESSAGES)
    axes = graphique.figure.axes[0]
    assert axes.get_title() == "Qui écrit à qui dans la messagerie de l'ENT"
    assert axes.get_xlabel() == "Profil du destinataire"
    assert axes.get_ylabel() == "Profil de l'expéditeur"
    assert graphique.phrase == ("Le plus souvent, les enseignants écrivent aux parents "
                                "(2 messages, 33\u202f% du total).")
    eleves = pd.concat([MESSAGES] + [MESSAGES.iloc[[4]]] * 3)
    assert graphique_messages(eleves).phrase == (
        "Le plus souvent, les élèves s'écrivent entre eux (4 messages, 44\u202f% du total) ; "
        "entre parents et enseignants, dans les deux sens : 3 messages.")


def test_delai_de_publication_des_devoirs():
    delai = delai_de_publication_des_devoirs(DEVOIRS)
    assert list(delai.delais) == [7, 1, 2, 0, 7]
    assert delai.mediane == 2
    assert delai.part_deux_jours_ou_plus == pytest.approx(3 / 5)
    assert delai.distribution.index.name == "Jours d'avance"
    assert delai.distribution.loc[7, "Devoirs"] == 2
    assert delai.distribution.loc[3, "Devoirs"] == 0
    assert str(delai) == ("5 devoirs ; médiane : 2 jours d'avance ; publiés au moins 2 jours "
                          "avant : 60\u202f%.")


def test_graphique_devoirs():
    graphique = graphique_devoirs(Activite())
    axes = graphique.figure.axes[0]
    assert axes.get_title() == "Combien de jours à l'avance les devoirs sont publiés"
    assert axes.get_xlabel() == "Jours entre la publication et la date prévue"
    assert axes.get_ylabel() == "Nombre de devoirs"
    assert _textes_de_legende(axes) == ["Médiane : 2 jours", "Seuil de 2 jours", "Devoirs"]
    assert graphique.phrase == ("La moitié des devoirs sont publiés au moins 2 jours avant la "
                                "date prévue, et 60\u202f% au moins 2 jours avant.")
    en_avance = DEVOIRS.assign(**{"Pour le": [date(2025, 10, 20)] * 5})
    assert graphique_devoirs(en_avance).phrase == (
        "La moitié des devoirs sont publiés au moins 13 jours avant la date prévue, et "
        "100\u202f% au moins 2 jours avant.")
    assert graphique_devoirs(DEVOIRS.iloc[:0]).phrase == (
        "Aucun devoir publié sur la période : rien à montrer.")


def test_papier_economise_sous_hypotheses_explicites(ent):
    papier = papier_economise(Activite(), etablissement=ent.etablissement)
    tableau = papier.tableau
    assert tableau.loc["Messages aux familles", "Nombre"] == 3
    assert tableau.loc["Messages aux familles", "Feuilles"] == 3
    # 4 devoirs en TSTMG1 (12 élèves), 1 en 2NDE3 (1 élève) ; un quart sur feuille.
    assert tableau.loc["Devoirs distribués sur feuille", "Feuilles"] == pytest.approx(49 / 4)
    # 2 évaluations en TSTMG1, 1 en 2NDE3 : 25 relevés d'un quart de feuille.
    assert tableau.loc["Relevés de notes", "Nombre"] == 25
    assert papier.feuilles == pytest.approx(3 + 12.25 + 6.25)
    assert papier.kilogrammes == pytest.approx(21.5 * 5 / 1000)
    texte = str(papier)
    assert texte.startswith("Environ 22 feuilles de papier économisées (0,1 kg")
    assert "une estimation, pas une mesure" in texte and "80 g/m²" in texte
    # Les hypothèses se changent, et le résultat suit.
    seules_lettres = HypothesesPapier(part_des_devoirs_sur_feuille=0, feuilles_par_releve=0,
                                      feuilles_par_message=2)
    assert papier_economise(Activite(), seules_lettres, ent).feuilles == 6
    assert papier_economise(Activite(), seules_lettres).hypotheses is seules_lettres
    # Sans annuaire : des classes de 30 élèves (hypothèse écrite).
    sans_annuaire = papier_economise(Activite())
    assert sans_annuaire.tableau.loc["Relevés de notes", "Nombre"] == 90
    assert "des classes de 30 élèves (l'annuaire n'a pas été donné)" in str(sans_annuaire)
    assert "classes de 30" not in texte


def test_coordination_refuse_en_francais():
    with pytest.raises(ValeurInvalide, match="activite.messages"):
        messages_par_couple(3)
    with pytest.raises(ValeurInvalide, match="la colonne « Profil du destinataire »"):
        messages_par_couple(MESSAGES.drop(columns="Profil du destinataire"))
    with pytest.raises(ValeurInvalide, match="« Publié le » et « Pour le » doivent contenir"):
        delai_de_publication_des_devoirs(DEVOIRS.assign(**{"Pour le": "demain"}))
    with pytest.raises(ValeurInvalide, match="HypothesesPapier"):
        papier_economise(Activite(), {"feuilles_par_message": 2})


# -- sur une période simulée -----------------------------------------------------------------
@pytest.fixture(scope="module", params=["demo", "300 élèves"])
def simulee(request):
    from entsim.activite import simuler_activite

    ent = ENT.demo() if request.param == "demo" else ENT(2026, 300)
    return ent, simuler_activite(ent, "trimestre", progression=False)


PHRASE_CARTE = re.compile(r"^Les (parents|élèves|enseignants) se connectent surtout entre "
                          r"(\d+) h et (\d+) h \((\d+)\u202f% de leurs connexions\), le plus "
                          r"souvent le (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.$")


@pytest.mark.parametrize("profil", ["Parent", "Élève", "Enseignant"])
def test_carte_horaire_d_une_periode_simulee(simulee, profil):
    ent, activite = simulee
    # Un calcul indépendant : les connexions du profil, comptées par heure et par jour.
    journal = activite.journal
    lignes = journal[journal["Opération"] == "Connexion réussie"]
    lignes = lignes[lignes["Identité"].astype(str).map(activite.profils) == profil]
    attendu = lignes.groupby([lignes["Date"].dt.hour, lignes["Date"].dt.day_of_week]).size()
    carte = carte_horaire(activite, profil)
    assert carte.to_numpy().sum() == len(lignes) > 0
    for (heure, jour), nombre in attendu.items():
        assert carte.iloc[heure, jour] == nombre
    # Le même résultat par l'annuaire de l'établissement (comme pour le journal de l'AAS).
    assert carte_horaire(activite.journal, profil, ent.etablissement).equals(carte)
    # La phrase dit ce que montrent les données.
    phrase = graphique_carte_horaire(activite, profil).phrase
    trouve = PHRASE_CARTE.match(phrase)
    assert trouve, phrase
    debut, fin, part = int(trouve[2]), int(trouve[3]), int(trouve[4])
    par_heure = carte.sum(axis=1)
    assert fin - debut == 3
    assert part == round(100 * par_heure.loc[debut:fin - 1].sum() / par_heure.sum())
    assert par_heure.loc[debut:fin - 1].sum() == par_heure.rolling(3).sum().max()
    assert trouve[5] == carte.sum(axis=0).idxmax()


def test_les_parents_se_connectent_le_soir_dans_la_simulation(simulee):
    _, activite = simulee
    assert graphique_carte_horaire(activite, "Parent").phrase.startswith(
        "Les parents se connectent surtout entre 19 h et 22 h")
    assert part_du_soir(activite, "Parent") > part_du_soir(activite, "Personnel")


def test_les_comptes_d_une_periode_simulee_se_recoupent(simulee):
    ent, activite = simulee
    journal = activite.journal
    semaines = par_semaine(activite)
    assert list(semaines.columns)[-1] == "Vacances"
    total = int(semaines.drop(columns="Vacances").to_numpy().sum())
    assert total == int((journal["Opération"] == "Connexion réussie").sum())
    toussaint = semaines[semaines["Vacances"] == "Vacances de la Toussaint"]
    cours = semaines[semaines["Vacances"] == ""]
    assert len(toussaint) == 2
    assert (toussaint.drop(columns="Vacances").sum(axis=1).mean()
            < cours.drop(columns="Vacances").sum(axis=1).mean() / 5)
    usage = usage_des_services(activite)
    assert usage.to_numpy().sum() == int((journal["Opération"] == "Ticket de service validé").sum())
    assert messages_par_couple(activite).to_numpy().sum() == len(activite.messages)
    delai = delai_de_publication_des_devoirs(activite)
    assert delai.nombre == len(activite.devoirs) > 0
    assert delai.mediane >= 2
    papier = papier_economise(activite, etablissement=ent)
    assert papier.tableau.loc["Messages aux familles", "Nombre"] == int(
        (activite.messages["Profil du destinataire"] == "Parent").sum())
    assert papier.effectifs_reels


def test_les_graphiques_d_une_periode_simulee(simulee):
    _, activite = simulee
    graphiques = [graphique_carte_horaire(activite), graphique_annee(activite),
                  graphique_profils_services(activite), graphique_messages(activite),
                  graphique_devoirs(activite)]
    for graphique in graphiques:
        axes = graphique.figure.axes[0]
        assert axes.get_title() == graphique.titre
        assert axes.get_xlabel() and axes.get_ylabel()
        phrase = graphique.phrase
        assert phrase.endswith(".") and phrase.count(". ") == 0          # une seule phrase
        assert not re.search(r"\d\.\d|\bnan\b|None|rien à montrer", phrase), phrase
    annee = graphiques[1]
    assert "Toussaint" in [t.get_text() for t in annee.figure.axes[0].texts]   # calendrier de l'activité
    assert annee.phrase.startswith("Pendant les vacances, l'ENT ne reçoit que ")
    # Même activité, mêmes phrases (rien d'aléatoire dans l'analyse).
    assert [g.phrase for g in graphiques] == [graphique_carte_horaire(activite).phrase,
                                             graphique_annee(activite).phrase,
                                             graphique_profils_services(activite).phrase,
                                             graphique_messages(activite).phrase,
                                             graphique_devoirs(activite).phrase]


def test_l_apercu_du_journal_dans_le_notebook_tient_sur_une_ou_deux_lignes():
    """Notebook 02 : l'aperçu du journal simulé montre des cases courtes. Avec les colonnes
    « Détail » et « Objet » (des phrases entières), chaque ligne du tableau prenait trois à
    cinq lignes à l'écran et la date se coupait en trois (« 2025-09- / 01 / 06:02:02 »)."""
    import json
    from pathlib import Path

    chemin = Path(__file__).resolve().parent.parent / "notebooks" / "02_travail_et_coordination.ipynb"
    cellules = json.loads(chemin.read_text(encoding="utf-8"))["cells"]
    (apercu,) = [c for c in cellules if c["cell_type"] == "code"
                 and "".join(c["source"]).startswith("annee.journal")]
    (html,) = ["".join(o["data"]["text/html"]) for o in apercu["outputs"]
               if "text/html" in o.get("data", {})]
    cases = re.findall(r"<td>(.*?)</td>", html, flags=re.S)
    assert cases and max(len(c) for c in cases) <= 30
    assert "<th>Détail</th>" not in html and "<th>Date</th>" in html
