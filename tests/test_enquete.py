"""La trousse d'entretien (question 6) : questionnaire, réponses, fichier CSV, fusion d'une
classe, jeu livré, analyse, graphiques et grille de l'oral."""

from __future__ import annotations

import runpy
from datetime import date
from pathlib import Path

import pytest

from entsim.enquete import (ACTEURS, CRITERES, FichierEnqueteInvalide, Reponse, ReponseInvalide,
                            analyser, charger, charger_exemple, enregistrer, exporter_grille,
                            fusionner, graphique_avantages_limites, graphique_fonctionnalites,
                            grille, lire, noter, options_fonctionnalites, questionnaire,
                            themes_du_texte)
from entsim.enquete.questionnaire import AVERTISSEMENT_RGPD, SEPARATEUR_CHOIX, TEXTE_MAX
from entsim.etablissement.catalogue import Catalogue
from entsim.socle.donnees import chemin as chemin_donnees
from entsim.socle.erreurs import ErreurENT

RACINE = Path(__file__).resolve().parent.parent


def reponse(**changements) -> Reponse:
    valeurs = dict(groupe="TSTMG1 G3", enqueteurs="Inès et Lucas", date="14/01/2027",
                   acteur="Parent", numero=1, consentement=True,
                   fonctionnalites=["Notes et résultats des évaluations", "Messagerie"],
                   frequence="Tous les jours", moments=["Soir"],
                   accords={"travail": 4, "coordination": 5, "echanges": 3, "temps": 4,
                            "horaires": 2},
                   evolutions="Je suis les notes au fur et à mesure.",
                   avantages="Je suis prévenu tout de suite des absences.",
                   limites="Trop de messages.")
    valeurs.update(changements)
    return Reponse(**valeurs)


# -- questionnaire ----------------------------------------------------------------------------
def test_chaque_acteur_ne_coche_que_les_services_ouverts_a_son_profil():
    catalogue = Catalogue.charger()
    for acteur in ACTEURS:
        proposes = questionnaire(acteur).question("fonctionnalites").options
        if acteur.profil is None:
            assert len(proposes) == len(catalogue)
        else:
            assert set(proposes) == {s.nom for s in catalogue.pour_profil(acteur.profil)}
    assert "Médiacentre (ressources numériques)" not in options_fonctionnalites(ACTEURS[1])
    assert "Médiacentre (ressources numériques)" in options_fonctionnalites(ACTEURS[0])


def test_aucun_choix_ne_contient_le_separateur_du_csv():
    for acteur in ACTEURS:
        for q in questionnaire(acteur).questions:
            assert all(SEPARATEUR_CHOIX.strip() not in o for o in q.options), q.code


def test_le_questionnaire_dit_qu_aucun_nom_n_est_demande():
    texte = questionnaire("Enseignant").texte()
    assert "Aucun nom de la personne interviewée n'est demandé" in texte
    assert "RGPD" in AVERTISSEMENT_RGPD
    assert "Avantages" in texte and "Limites" in texte and "Fréquence d'utilisation" in texte


# -- réponse ----------------------------------------------------------------------------------
def test_une_reponse_valide_est_normalisee():
    r = reponse(fonctionnalites=["Messagerie", "Notes et résultats des évaluations",
                                 "Messagerie"])
    assert r.date == date(2027, 1, 14)
    assert r.fonctionnalites == ("Messagerie", "Notes et résultats des évaluations")
    assert r.accords["travail"] == "Plutôt d'accord"
    assert r.identifiant == "TSTMG1 G3-parent-001"
    assert r.resume() == ("TSTMG1 G3-parent-001 : Parent, entretien du 14/01/2027 ; "
                          "2 fonctionnalités cochées ; tous les jours.")


def test_une_question_vide_est_nommee_en_francais():
    with pytest.raises(ReponseInvalide) as erreur:
        reponse(avantages="   ")
    assert str(erreur.value).startswith("Réponse non enregistrée. La question « Avantages » "
                                        "est vide : ")
    assert erreur.value.questions == ("avantages",)


def test_plusieurs_problemes_dans_un_seul_message():
    with pytest.raises(ReponseInvalide) as erreur:
        reponse(avantages="", limites="a\u202eb", frequence="Souvent", date="31/02/2027",
                accords={"travail": 9})
    message = str(erreur.value)
    assert message.startswith("Réponse non enregistrée : ")
    for attendu in ("« Avantages » est vide", "« Limites » contient", "U+202E",
                    "« Souvent » n'est pas un choix proposé", "« Date de l'entretien »",
                    "« 9 » n'est pas un niveau de l'échelle", "L'ENT me fait gagner du temps."):
        assert attendu in message, attendu
    assert set(erreur.value.questions) == {"avantages", "limites", "frequence", "date", "accords"}


@pytest.mark.parametrize("changement, attendu", [
    ({"consentement": False}, "sans l'accord de la personne interviewée"),
    ({"fonctionnalites": ["Médiacentre (ressources numériques)"]}, "pas un choix proposé pour cet acteur"),
    ({"fonctionnalites": []}, "« Fonctionnalités utilisées » est vide"),
    ({"limites": "x" * (TEXTE_MAX + 1)}, "est trop longue : 2001 caractères pour 2000 au plus"),
    ({"groupe": "G1\u200b"}, "espace sans largeur"),
    ({"acteur": "Pirate"}, "Acteur inconnu"),
    ({"numero": 0}, "Le numéro de la réponse"),
])
def test_saisies_refusees(changement, attendu):
    with pytest.raises(ErreurENT) as erreur:
        reponse(**changement)
    assert attendu in str(erreur.value)


def test_qui_n_utilise_jamais_l_ent_ne_coche_aucun_service():
    r = reponse(frequence="Jamais", fonctionnalites=[], moments=[])
    assert r.fonctionnalites == ()


# -- fichier CSV ------------------------------------------------------------------------------
TEXTES_PIEGES = dict(
    evolutions="Ligne 1 ; « guillemets » et \"doubles\"\n# pas un commentaire\nfin 😀",
    avantages="=SOMME(A1:A2) n'est pas une formule",
    limites="'déjà une apostrophe",
    fonctionnalites_autres="-moins de papier",
)


def test_aller_retour_sans_perte_et_format_pour_excel(tmp_path):
    r1 = reponse(**TEXTES_PIEGES)
    r2 = reponse(acteur="Vie scolaire (CPE)", numero=2, fonctionnalites=["Absences et retards"],
                 avantages_themes=["Communication plus rapide"])
    fichier = enregistrer([r1, r2], tmp_path / "groupe.csv")
    octets = fichier.read_bytes()
    assert octets.startswith(b"\xef\xbb\xbf# entsim-enquete version 1")   # BOM : Excel lit l'UTF-8
    texte = octets.decode("utf-8-sig")
    assert texte.splitlines()[1].startswith("identifiant;groupe;enqueteurs;date;")
    assert "\r\n" in texte
    assert ";'=SOMME(A1:A2)" in texte and ";''déjà" in texte and ";'-moins" in texte
    assert charger(fichier) == [r1, r2]


def test_le_fichier_a_les_droits_d_un_fichier_ordinaire(tmp_path):
    temoin = tmp_path / "temoin.csv"
    temoin.write_text("x", encoding="utf-8")
    fichier = enregistrer([reponse()], tmp_path / "groupe.csv")
    assert fichier.stat().st_mode == temoin.stat().st_mode      # lisible par la classe
    assert sorted(p.name for p in tmp_path.iterdir()) == ["groupe.csv", "temoin.csv"]


def test_une_ligne_abimee_est_nommee_avec_sa_ligne(tmp_path):
    fichier = enregistrer([reponse(), reponse(numero=2)], tmp_path / "g.csv")
    texte = fichier.read_text(encoding="utf-8-sig").replace(";Tous les jours;", ";Toujours;", 1)
    fichier.write_text(texte, encoding="utf-8-sig")
    with pytest.raises(FichierEnqueteInvalide) as erreur:
        charger(fichier)
    assert str(erreur.value).startswith("Fichier « g.csv », ligne 3 : réponse refusée : "
                                        "La question « Fréquence d'utilisation » : « Toujours »")
    lecture = lire(fichier)
    assert [r.numero for r in lecture.reponses] == [2] and lecture.lignes == (4,)


@pytest.fixture
def classe(tmp_path):
    """Les fichiers d'une classe : deux bons (avec une réponse en double et un conflit) et
    des fichiers abîmés de toutes les façons."""
    commune = reponse(numero=7)
    enregistrer([reponse(), commune], tmp_path / "a.csv")
    enregistrer([commune, reponse(numero=1, avantages="Autre chose."),
                 reponse(acteur="Enseignant", fonctionnalites=["Cahier de textes"])],
                tmp_path / "b.csv")
    complet = (tmp_path / "a.csv").read_bytes()
    (tmp_path / "tronque.csv").write_bytes(complet[: len(complet) - 60])
    (tmp_path / "vide.csv").write_bytes(b"")
    (tmp_path / "colonnes.csv").write_text("nom;prenom\nMartin;Léa\n", encoding="utf-8")
    (tmp_path / "image.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    excel = complet.decode("utf-8-sig").encode("cp1252", errors="replace")
    (tmp_path / "excel.csv").write_bytes(excel)
    return tmp_path


def test_fusion_d_une_classe(classe):
    fusion = fusionner(classe)
    assert fusion.fichiers == ("a.csv", "b.csv", "colonnes.csv", "excel.csv", "image.csv",
                               "tronque.csv", "vide.csv")
    assert sorted(r.identifiant for r in fusion.reponses) == [
        "TSTMG1 G3-enseignant-001", "TSTMG1 G3-parent-001", "TSTMG1 G3-parent-007"]
    assert fusion.doublons == 2              # la réponse 7 en double, et celle du fichier tronqué
    assert len(fusion.conflits) == 1
    assert fusion.conflits[0].startswith("La réponse « TSTMG1 G3-parent-001 » n'est pas la même "
                                         "dans « a.csv », ligne 3 et dans « b.csv », ligne 4")
    problemes = "\n".join(fusion.problemes)
    assert "Fichier « vide.csv » : le fichier est vide." in problemes
    assert "Fichier « colonnes.csv », ligne 1 : ce n'est pas un fichier de réponses" in problemes
    assert "Fichier « excel.csv », ligne 1 : le texte n'est pas en UTF-8" in problemes
    assert "Fichier « image.csv », ligne 3 : ce n'est pas un fichier texte (CSV)" in problemes
    assert "Fichier « tronque.csv », ligne 4 : ligne incomplète" in problemes
    assert not fusion.ok and "3 réponses réunies à partir de 7 fichiers." in fusion.texte()


def test_fusion_sans_fichier_message_francais(tmp_path):
    with pytest.raises(ErreurENT, match="Aucun fichier de réponses"):
        fusionner(tmp_path)


def test_fusion_d_un_dossier_lit_aussi_les_csv_en_majuscules(tmp_path):
    """Un fichier « G2.CSV » (extension en majuscules, fréquente sous Windows) est réuni,
    pas ignoré en silence ; un fichier caché ou qui n'est pas un CSV ne l'est pas."""
    enregistrer([reponse()], tmp_path / "g1.csv")
    enregistrer([reponse(numero=2)], tmp_path / "G2.CSV")
    (tmp_path / "notes.txt").write_text("pas un CSV", encoding="utf-8")
    (tmp_path / "._g1.csv").write_bytes(b"\x00\x05\x16\x07")       # fichier caché de macOS
    fusion = fusionner(tmp_path)
    assert fusion.fichiers == ("G2.CSV", "g1.csv")
    assert sorted(r.numero for r in fusion.reponses) == [1, 2] and fusion.ok


def test_nom_de_fichier_piege_cite_sans_caractere_invisible(tmp_path):
    """Le nom d'un fichier déposé par un élève est cité comme toute saisie : un caractère
    qui retourne le texte (U+202E) est montré, pas appliqué au message."""
    fichier = tmp_path / "groupe\u202evsc.csv"
    fichier.write_bytes(b"")
    probleme = lire(fichier).problemes[0]
    assert "\u202e" not in probleme and "⟨U+202E⟩" in probleme


def test_un_fichier_trop_gros_est_refuse_sans_etre_lu(tmp_path):
    from entsim.enquete.stockage import TAILLE_MAX
    fichier = tmp_path / "enorme.csv"
    with open(fichier, "wb") as f:
        f.truncate(TAILLE_MAX + 1)
    lecture = lire(fichier)
    assert lecture.reponses == ()
    assert lecture.problemes[0].startswith("Fichier « enorme.csv » : le fichier est trop gros")


@pytest.mark.parametrize("appel, attendu", [
    (lambda d: lire(None), "chemin d'un fichier"),
    (lambda d: lire(3), "chemin d'un fichier"),
    (lambda d: charger(d), "c'est un dossier"),
    (lambda d: enregistrer([reponse()], d), "c'est un dossier"),
    (lambda d: enregistrer(None, d / "x.csv"), "liste de réponses"),
    (lambda d: enregistrer(reponse(), d / "x.csv"), "liste de réponses"),
], ids=["lire-rien", "lire-nombre", "charger-dossier", "enregistrer-dossier",
        "enregistrer-rien", "enregistrer-une-reponse"])
def test_mauvais_arguments_des_fichiers_message_francais(tmp_path, appel, attendu):
    avant = sorted(tmp_path.iterdir())
    with pytest.raises(ErreurENT) as erreur:
        appel(tmp_path)
    assert attendu in str(erreur.value)
    assert "directory" not in str(erreur.value)          # pas de message système en anglais
    assert sorted(tmp_path.iterdir()) == avant


def test_un_accord_ecrit_oui_dit_d_ecrire_true():
    """consentement="oui" n'est pas un refus de la personne : le message dit quoi écrire."""
    with pytest.raises(ReponseInvalide, match="True") as erreur:
        reponse(consentement="oui")
    assert "sans l'accord" not in str(erreur.value)


# -- jeu livré --------------------------------------------------------------------------------
def test_le_jeu_livre_se_charge_et_respecte_les_profils():
    reponses = charger_exemple()
    assert len(reponses) >= 300
    assert {r.acteur for r in reponses} == set(ACTEURS)
    for r in reponses:
        assert set(r.fonctionnalites) <= set(options_fonctionnalites(r.acteur))
    premiere = chemin_donnees("enquete_ent.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert premiere.startswith("# Données synthétiques générées par outils/generer_enquete.py "
                               "(graine 2027)")
    assert "aucune personne réelle" in premiere


def test_le_jeu_livre_est_celui_que_fabrique_le_script():
    script = runpy.run_path(str(RACINE / "outils" / "generer_enquete.py"), run_name="essai")
    assert script["reponses"]() == charger_exemple()
    assert script["reponses"](1) == script["reponses"](1) != script["reponses"]()


# -- analyse et graphiques --------------------------------------------------------------------
def test_themes_reperes_dans_le_texte():
    assert themes_du_texte("Trop de messages le dimanche soir", "limite") == (
        "surcharge_messages", "deconnexion")
    assert themes_du_texte("Je n'ai pas d'ordinateur, seulement un téléphone.", "limite") == (
        "fracture_numerique",)
    assert themes_du_texte("Moins de photocopies", "avantage") == ("economie_papier",)


def test_analyse_du_jeu_livre():
    reponses = charger_exemple()
    analyse = analyser(reponses)
    assert analyse.effectifs["Réponses"].sum() == len(reponses) == analyse.nombre
    assert analyse.fonctionnalites.to_numpy().max() <= 100
    assert analyse.fonctionnalites.loc["Vie scolaire (CPE)", "Absences et retards"] == 100
    assert list(analyse.accords.index)[0] == "L'ENT a changé ma façon de travailler."
    limites_parents = [t for t, _ in analyse.plus_cites("limite", "Parent")]
    assert "Fracture numérique" in limites_parents[:2]
    limites_enseignants = [t for t, _ in analyse.plus_cites("limite", "Enseignant")]
    assert "Travail le soir, droit à la déconnexion" in limites_enseignants[:2]
    assert "Surcharge de messages" in limites_enseignants
    exemple = analyse.limites[analyse.limites["Thème"] == "Fracture numérique"]["Exemple"].iloc[0]
    assert exemple.startswith("« ") and exemple.endswith(" »")
    assert "Parent (62 réponses)" in analyse.texte()


def test_analyser_rien_message_francais():
    with pytest.raises(ErreurENT, match="Aucune réponse à analyser"):
        analyser([])


def test_graphiques_exportes_en_png_identiques(tmp_path):
    reponses = charger_exemple()
    graphique = graphique_avantages_limites(reponses, "Parent")
    assert graphique.titre == "Avantages et limites les plus cités — Parent"
    assert graphique.phrase.startswith("Sur 62 réponses (Parent), l'avantage le plus cité est ")
    axes = graphique.figure.axes[0]
    assert axes.get_xlabel() and axes.get_ylabel() and axes.get_legend() is not None
    image = graphique.enregistrer_png(tmp_path / "un.png")
    assert repr(image).startswith("Image enregistrée : ") and repr(image).endswith(" Ko)")
    premier = Path(image).read_bytes()
    second = Path(graphique_avantages_limites(reponses, "Parent").enregistrer_png(
        tmp_path / "deux.png")).read_bytes()
    assert premier.startswith(b"\x89PNG") and premier == second
    carte = graphique_fonctionnalites(reponses)
    assert carte.phrase.startswith("Le service le plus cité, tous acteurs confondus, est "
                                   "« Messagerie »")
    assert Path(carte.enregistrer_png(tmp_path / "carte.png")).stat().st_size > 10_000


@pytest.mark.parametrize("dessiner", [lambda r: graphique_avantages_limites(r, "Enseignant"),
                                      graphique_fonctionnalites])
def test_graphiques_lisibles_au_videoprojecteur(dessiner):
    """Même style que les autres graphiques du cours : titre en 16 points, axes et légende
    en 12-13 points, valeurs des cases en 12 points au moins ; « 41 % » avec une espace
    insécable (le « % » ne part jamais seul à la ligne)."""
    from entsim.socle.graphiques import TAILLE_TEXTE, TAILLE_TITRE

    graphique = dessiner(charger_exemple())
    axes = graphique.figure.axes[0]
    assert axes.title.get_fontsize() == TAILLE_TITRE
    assert axes.xaxis.label.get_fontsize() == TAILLE_TEXTE
    assert min(t.get_fontsize() for t in axes.texts) >= TAILLE_TEXTE - 1
    if axes.get_legend() is not None:
        assert axes.get_legend().get_texts()[0].get_fontsize() >= TAILLE_TEXTE - 1
    assert " %" not in graphique.phrase
    assert all(" %" not in t.get_text() for t in axes.texts)


# -- grille -----------------------------------------------------------------------------------
def test_grille_sur_20_et_notation():
    table = grille()
    assert table["Points"].sum() == 20 and len(table) == len(CRITERES) == 7
    assert list(table.columns) == ["Critère", "Points", "Insuffisant", "Fragile", "Satisfaisant",
                                   "Très bon"]
    note = noter({c.code: 4 for c in CRITERES})
    assert note.total == 20 and note.commentaire.startswith("Total : 20 / 20. Points forts : ")
    note = noter({**{c.code: "satisfaisant" for c in CRITERES}, "Expression orale": 1})
    assert note.total == 12        # 13,5 points au niveau « satisfaisant », moins 1,5
    assert note.commentaire == "Total : 12 / 20. À retravailler : expression orale."


@pytest.mark.parametrize("niveaux, attendu", [
    ({"eloquence": 3}, "Critère inconnu : « eloquence »"),
    ({c.code: 5 for c in CRITERES}, "niveau « 5 » inconnu"),
    ({"preparation": 2}, "Il manque le niveau de : « Conduite de l'entretien »"),
])
def test_grille_saisies_refusees(niveaux, attendu):
    with pytest.raises(ErreurENT) as erreur:
        noter(niveaux)
    assert attendu in str(erreur.value)


def test_grille_niveaux_lus_dans_un_tableur():
    """Des niveaux lus avec pandas sont des entiers numpy ou des décimaux (3.0) : même note
    qu'avec des entiers Python, pas « niveau « 3 » inconnu »."""
    import numpy as np
    attendu = noter({c.code: 3 for c in CRITERES})
    assert noter({c.code: np.int64(3) for c in CRITERES}) == attendu
    assert noter({c.code: 3.0 for c in CRITERES}) == attendu
    with pytest.raises(ErreurENT, match="niveau « 2,5 » inconnu|niveau « 2.5 » inconnu"):
        noter({**{c.code: 3 for c in CRITERES}, "preparation": 2.5})


def test_grille_exportee_pour_le_tableur(tmp_path):
    octets = exporter_grille(tmp_path / "grille.csv").read_bytes()
    texte = octets.decode("utf-8-sig")
    assert octets.startswith(b"\xef\xbb\xbf")
    assert texte.splitlines()[0] == ("Critère;Points;Insuffisant;Fragile;Satisfaisant;Très bon;"
                                     "Niveau (1 à 4);Points obtenus")
    assert texte.splitlines()[-1].startswith("Total;20;")
