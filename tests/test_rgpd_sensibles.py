"""Détecteur de données sensibles (RGPD art. 9 et 10) : mesuré sur la partie « test » du jeu
étiqueté data/phrases_sensibles.csv, et appliqué aux services simulés (entsim.rgpd.sensibles)."""

from __future__ import annotations

import pytest

from entsim import ENT
from entsim.etablissement.generation import PERSONAS
from entsim.rgpd.sensibles import (CATEGORIES, COLONNES_SCAN, contient_donnees_sensibles,
                                   detecter, evaluer, jeu_etiquete, scanner)
from entsim.socle.donnees import chemin
from entsim.socle.erreurs import ValeurInvalide


# -- le jeu étiqueté ---------------------------------------------------------------------------
def test_le_jeu_etiquete_est_documente_et_assez_grand():
    premiere = chemin("phrases_sensibles.csv").read_text(encoding="utf-8").splitlines()[0]
    assert premiere.startswith("#") and "aucune personne réelle" in premiere
    phrases = jeu_etiquete()
    assert len(phrases) >= 300
    assert len({p.texte for p in phrases}) == len(phrases)            # pas de doublon
    test = jeu_etiquete("test")
    assert len(test) / 369 == 1 / 3 and len(test) + len(jeu_etiquete("apprentissage")) == \
        len(phrases)
    # l'ancienne partie « controle » sert désormais à l'apprentissage (le fichier le dit)
    assert {p.partie for p in phrases} == {"apprentissage", "test"}
    assert "controle" in premiere and "apprentissage" in premiere
    # partage fixe, écrit dans le fichier : une ligne sur trois
    assert [p.partie for p in phrases[:6]] == ["apprentissage", "apprentissage", "test"] * 2
    for code in CATEGORIES:
        assert sum(code in p.categories for p in test) >= 5, code
    assert sum(not p.categories for p in test) >= 40                # négatifs difficiles
    assert all(p.categories <= set(CATEGORIES) for p in phrases)


def test_precision_et_rappel_sur_le_jeu_aveugle():
    """La mesure honnête (issue 12 : précision ≥ 0,9 et rappel ≥ 0,8 sur une partie tenue à
    l'écart) : 200 phrases écrites sans voir le détecteur, jamais utilisées pour le régler."""
    aveugle = jeu_etiquete("aveugle")
    assert len(aveugle) == 200 and all(p.categories <= set(CATEGORIES) for p in aveugle)
    assert sum(not p.categories for p in aveugle) >= 80                 # négatifs difficiles
    mesure = evaluer(aveugle)["ensemble"]
    assert mesure.precision >= 0.9, mesure
    assert mesure.rappel >= 0.8, mesure


def test_precision_et_rappel_sur_la_partie_test():
    mesure = evaluer(jeu_etiquete("test"))["ensemble"]
    assert mesure.precision >= 0.9, mesure
    assert mesure.rappel >= 0.8, mesure


def test_precision_et_rappel_sur_la_partie_apprentissage():
    mesure = evaluer(jeu_etiquete("apprentissage"))["ensemble"]
    assert mesure.precision >= 0.95 and mesure.rappel >= 0.95, mesure


def test_une_partie_inconnue_est_refusee_en_francais():
    with pytest.raises(ValeurInvalide) as erreur:
        jeu_etiquete("controle")
    assert "« apprentissage », « test » ou « aveugle »" in str(erreur.value)


# -- le détecteur -----------------------------------------------------------------------------
def test_un_signalement_donne_la_categorie_l_article_et_le_passage_tel_qu_il_est_ecrit():
    texte = "Bonjour, ma fille est diabétique et Théo a été placé en garde à vue."
    signalements = detecter(texte)
    assert [(s.categorie, s.article) for s in signalements] == [("sante", "art. 9.1"),
                                                                ("penal", "art. 10")]
    sante, penal = signalements
    assert sante.extrait == "diabétique" and texte[sante.debut:sante.fin] == sante.extrait
    assert penal.extrait == "garde à vue" and penal.libelle == \
        "Condamnations pénales et infractions"
    assert str(sante) == "Santé (RGPD, art. 9.1) : « diabétique »"


def test_les_positions_restent_justes_apres_une_ligature():
    texte = "Le cœur gros : Samir est musulman."
    (signalement,) = detecter(texte)
    assert texte[signalement.debut:signalement.fin] == signalement.extrait
    assert signalement.extrait == "est musulman"


@pytest.mark.parametrize("texte", [
    "Le cours de SVT porte sur la santé.",
    "Grève des transports : retard de Léa.",
    "J'ai voté pour le délégué de classe.",
    "Le film raconte une religion ancienne.",
    "Léa n'est pas malade, elle passait son code.",
    "Il est interdit de fumer dans l'enceinte du lycée.",
])
def test_un_theme_ou_une_negation_n_est_pas_une_donnee_sensible(texte):
    assert detecter(texte) == [] and not contient_donnees_sensibles(texte)


@pytest.mark.parametrize(("texte", "categorie"), [
    ("Mon fils est dyslexique, merci de lui laisser plus de temps.", "sante"),
    ("jsuis malade depuis hier, qqn peut m'envoyer les cours ?", "sante"),
    ("Rdv chez le psy mardi à 15 h.", "sante"),
    ("Son AESH sera absente toute la semaine.", "sante"),
    ("Il fait le ramadan et sera fatigué en EPS.", "convictions"),
    ("Je ne crois pas en Dieu, mes parents non plus.", "convictions"),
    ("Je vais à la mosquée tous les vendredis avec mon père.", "convictions"),
    ("Moi je vote RN depuis que j'ai 18 ans.", "opinions_politiques"),
    ("Ma mère est déléguée CGT dans son entreprise.", "syndicat"),
    ("Ses parents sont originaires du Cameroun.", "origine"),
    ("Ma fille sort avec une fille de terminale.", "vie_sexuelle"),
    ("Il s'est fait choper par les keufs avec de la beuh.", "penal"),
])
def test_des_tournures_variees_sont_signalees(texte, categorie):
    assert categorie in {s.categorie for s in detecter(texte)}


@pytest.mark.parametrize("texte", [
    "Élection des délégués de classe : votez jeudi en salle 12.",
    "Mon fils est malade de jalousie depuis que sa sœur a un portable.",
    "Les élèves de seconde visitent la mosquée avec leur professeur d'histoire.",
    "La porte du gymnase est condamnée pendant les travaux.",
    "Le syndicat intercommunal gère le ramassage scolaire.",
    "Notre empreinte carbone a baissé grâce au covoiturage.",
    "Le prof fait la sourde oreille à nos demandes de sortie.",
])
def test_un_usage_figure_ou_collectif_n_est_pas_signale(texte):
    assert detecter(texte) == []


def test_une_maladie_passee_reste_une_donnee_de_sante():
    assert [s.categorie for s in detecter("Il n'est plus malade depuis lundi.")] == ["sante"]


@pytest.mark.parametrize("valeur", [None, 12, b"malade", ["malade"]])
def test_le_detecteur_refuse_ce_qui_n_est_pas_un_texte(valeur):
    with pytest.raises(ValeurInvalide) as erreur:
        detecter(valeur)
    assert "Le détecteur lit un texte" in str(erreur.value)


def test_le_detecteur_refuse_un_texte_demesure():
    with pytest.raises(ValeurInvalide) as erreur:
        detecter("a" * 100_001)
    assert "trop long" in str(erreur.value)


# -- les services simulés -------------------------------------------------------------------------
def test_scanner_trouve_les_donnees_sensibles_des_services_sans_rien_ecrire():
    ent = ENT.demo()
    lea, mere = PERSONAS["eleve"].identifiant, PERSONAS["mere"].identifiant
    absences = ent.service("absences")
    numero = absences.signaler(PERSONAS["cpe"].identifiant, lea).numero
    absences.justifier(mere, numero, "autre", "Elle avait une gastro-entérite.")
    classe = ent.etablissement.personne(lea).classe
    ent.service("forum").creer_sujet(lea, f"entraide_{classe.lower()}", "Sortie du vendredi",
                                     "Je suis musulmane, y aura-t-il un repas sans porc ?")
    lignes = len(ent.journal)
    tableau = scanner(ent)
    assert list(tableau.columns) == COLONNES_SCAN
    assert len(ent.journal) == lignes                         # rien n'est écrit au journal
    vues = set(zip(tableau["Service"], tableau["Concerne"], tableau["Catégorie"],
                   tableau["Extrait"]))
    assert ("Absences et retards", lea, "Santé", "gastro-entérite") in vues
    assert ("Forum", "", "Convictions religieuses ou philosophiques", "suis musulmane") in vues
    # un motif « Rendez-vous médical » ou « Maladie » est lui-même une donnée de santé
    motifs = tableau[tableau["Élément"].str.startswith("Motif")]
    assert len(motifs) and set(motifs["Catégorie"]) == {"Santé"}
    assert scanner(ent).equals(tableau)                        # même ENT, même résultat
