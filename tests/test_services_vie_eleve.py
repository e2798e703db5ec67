"""Services de la vie de l'élève simulés avec les données du lycée de démonstration :
cahier de textes, notes, absences, emploi du temps, médiacentre (GAR), CDI, Folios."""

from collections import Counter
from datetime import date, datetime, time

import pytest

from entsim import ENT
from entsim.socle.erreurs import AccesRefuse, ValeurInvalide
from entsim.services.notes import lire_note
from entsim.services.emploi_du_temps import formation_de

SIG = "Management, sciences de gestion et numérique, enseignement spécifique SIG"
MDP_LEA = "Cahier!Vert2026"


@pytest.fixture(scope="module")
def ent_lecture():
    """Un ENT partagé par les tests qui ne modifient rien."""
    return ENT.demo(cout="rapide")


@pytest.fixture
def ent():
    return ENT.demo(cout="rapide")


def refus(appel) -> str:
    with pytest.raises(AccesRefuse) as erreur:
        appel()
    return str(erreur.value)


# -- emploi du temps ---------------------------------------------------------------------------

def test_semaine_de_tstmg1_suit_les_horaires_officiels(ent_lecture):
    edt = ent_lecture.service("emploi_du_temps")
    semaine = edt.semaine_de_classe("lea.martin", "TSTMG1")
    heures = Counter(c.discipline for c in semaine)
    assert heures[SIG] == 10 and heures["Droit et économie"] == 6
    assert heures["Mathématiques"] == 3 and heures["Philosophie"] == 2
    assert heures["Histoire-géographie et EMC"] == 2          # 1 h 30 + 30 min d'EMC
    assert sum(heures.values()) == 29
    assert all(c.jour < 5 and time(8) <= c.debut and c.fin <= time(17) for c in semaine)
    assert not any(c.jour == 2 and c.debut >= time(12) for c in semaine)  # mercredi a.-m.
    assert not any(c.debut == time(12) for c in semaine)                  # pause de midi
    assert {c.salle for c in semaine if c.discipline.startswith("Éducation physique")} \
        == {"Gymnase"}


def test_un_enseignant_n_est_jamais_dans_deux_classes_a_la_fois():
    grand = ENT(2026, 600, cout="rapide")
    edt = grand.service("emploi_du_temps")
    occupations = Counter((c.enseignant, c.jour, c.debut) for c in edt._creneaux
                          if c.enseignant)
    assert occupations and max(occupations.values()) == 1
    assert edt.non_places == []


def test_emploi_du_temps_selon_les_roles(ent_lecture):
    edt = ent_lecture.service("emploi_du_temps")
    assert len(edt.semaine_de_classe("samira.haddad", "2NDE3")) == 7   # Yanis
    assert len(edt.semaine_de("nicolas.durand")) == 10
    assert "Nicolas Durand" in edt.en_texte(edt.semaine_de_classe("philippe.lefevre",
                                                                  "TSTMG1"))
    assert "un parent ne voit que" in refus(
        lambda: edt.semaine_de_classe("karim.bernard", "2NDE3"))
    assert "Accès refusé" in refus(lambda: edt.semaine_de_enseignant("lea.martin",
                                                                     "nicolas.durand"))
    entetes, lignes = edt.grille(edt.semaine_de_classe("lea.martin", "TSTMG1"))
    assert entetes[1:] == ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"]
    assert len(lignes) == 9 and lignes[4][1] == "Pause déjeuner"


def test_formation_d_une_classe():
    assert formation_de("TSTMG1") == "TSTMG" and formation_de("1STMG2") == "1STMG"
    assert formation_de("2NDE3") == "2NDE" and formation_de("TG4") == "TG"


# -- cahier de textes --------------------------------------------------------------------------

def test_cahier_de_textes_seance_des_deux_semaines(ent_lecture):
    cahier = ent_lecture.service("cahier_de_textes")
    seances = cahier.seances("lea.martin", "TSTMG1")
    assert {s.date for s in seances} <= {date(2026, 9, d) for d in range(7, 19)}
    assert any(s.date >= date(2026, 9, 14) for s in seances)          # semaine suivante
    sig = [s for s in seances if s.discipline == SIG]
    assert "ENT" in sig[0].contenu and sig[1].travail.startswith("Lister les services")
    assert cahier.seances("samira.haddad", "2NDE3")                   # le frère, en 2NDE3
    for s in cahier.travail_a_faire("sophie.martin", "TSTMG1"):
        assert s.pour_le > s.date                                     # jamais pour le jour même


def test_un_enseignant_ecrit_et_les_familles_lisent(ent):
    cahier = ent.service("cahier_de_textes")
    s = cahier.ecrire("nicolas.durand", "TSTMG1", SIG, "Cas Lycée Jean-Moulin : l'ENT.",
                      travail="Répondre aux questions 1 à 3.")
    assert s.pour_le is not None and s.pour_le > s.date
    for lecteur in ("lea.martin", "sophie.martin", "ines.haddad"):
        assert any(x.contenu == "Cas Lycée Jean-Moulin : l'ENT."
                   for x in cahier.seances(lecteur, "TSTMG1"))
    assert "n'enseigne pas « Mathématiques »" in refus(
        lambda: cahier.ecrire("nicolas.durand", "TSTMG1", "Mathématiques", "Suites"))
    assert "un élève peut seulement lire" in refus(
        lambda: cahier.ecrire("lea.martin", "TSTMG1", SIG, "Je triche"))
    assert "un parent ne voit que" in refus(lambda: cahier.seances("karim.bernard", "2NDE3"))
    with pytest.raises(ValeurInvalide, match="avant la séance"):
        cahier.ecrire("nicolas.durand", "TSTMG1", SIG, "x", travail="y", pour_le="01/09/2026")
    refuses = ent.journal.filtrer(identite="nicolas.durand", operation="acces_refuse")
    assert any("Mathématiques" in e.detail for e in refuses)


# -- notes --------------------------------------------------------------------------------------

def test_l_histoire_de_la_lecon_une_note_et_trois_familles(ent):
    """Une note saisie par Nicolas Durand pour Léa Martin est vue par Léa et par Sophie
    Martin, et non par Karim Bernard (une autre famille)."""
    notes = ent.service("notes")
    ev = notes.creer_evaluation("nicolas.durand", "TSTMG1", SIG, "Quiz : les services de l'ENT",
                                coefficient=2)
    notes.saisir_note("nicolas.durand", "lea.martin", ev.numero, "15,5")
    assert notes.releve("lea.martin", "lea.martin").note(ev.titre).valeur == 15.5
    assert notes.releve("sophie.martin", "lea.martin").note(ev.titre).texte == "15,5"
    message = refus(lambda: notes.releve("karim.bernard", "lea.martin"))
    assert message == "Accès refusé : un parent ne voit que les notes de ses propres enfants."
    assert notes.releve("karim.bernard", "hugo.bernard").note(ev.titre) is None
    trace = ent.journal.filtrer(identite="karim.bernard", operation="acces_refuse")
    assert trace and "Léa Martin" in trace[-1].objet


def test_moyennes_ponderees_et_mentions(ent_lecture):
    notes = ent_lecture.service("notes")
    releve = notes.releve("lea.martin", "lea.martin")
    for ligne in releve.lignes:
        paires = [(n.valeur, e.coefficient) for e, n in ligne.notes if n and n.valeur is not None]
        attendu = sum(v * c for v, c in paires) / sum(c for _, c in paires) if paires else None
        assert ligne.moyenne == pytest.approx(attendu)
    moyennes = [l.moyenne for l in releve.lignes if l.moyenne is not None]
    assert releve.moyenne_generale == pytest.approx(sum(moyennes) / len(moyennes))
    toutes = [n for (_, _), n in notes._notes.items()]
    assert {"Abs", "Disp"} <= {n.mention for n in toutes}
    valeurs = [n.valeur for n in toutes if n.valeur is not None]
    assert all(0 <= v <= 20 for v in valeurs) and 8 < sum(valeurs) / len(valeurs) < 15


def test_saisie_d_une_note_verifiee(ent):
    notes = ent.service("notes")
    ev = notes.creer_evaluation("nicolas.durand", "TSTMG1", SIG, "Devoir")
    with pytest.raises(ValeurInvalide, match="comprise entre 0 et 20"):
        notes.saisir_note("nicolas.durand", "lea.martin", ev.numero, "21")
    with pytest.raises(ValeurInvalide, match="Note illisible"):
        notes.saisir_note("nicolas.durand", "lea.martin", ev.numero, "quinze")
    with pytest.raises(ValeurInvalide, match="n'est pas élève de TSTMG1"):
        notes.saisir_note("nicolas.durand", "yanis.haddad", ev.numero, 12)
    assert "n'enseigne pas" in refus(
        lambda: notes.saisir_note("melodie.legrand", "lea.martin", ev.numero, 3))
    assert "seuls les enseignants" in refus(
        lambda: notes.saisir_note("sophie.martin", "lea.martin", ev.numero, 20))
    notes.saisir_note("nicolas.durand", "lea.martin", ev.numero, 12)
    corrigee = notes.saisir_note("nicolas.durand", "lea.martin", ev.numero, "13.5")
    assert corrigee.valeur == 13.5
    assert ent.journal.filtrer(identite="nicolas.durand")[-1].objet.endswith("(modifier)")


def test_lire_note():
    assert lire_note("12,5") == (12.5, "") and lire_note(" 14/20 ") == (14.0, "")
    assert lire_note("abs") == (None, "Abs") and lire_note("Dispensé") == (None, "Disp")
    assert lire_note(0) == (0.0, "") and lire_note(20) == (20.0, "")


def test_qui_consulte_les_notes(ent_lecture):
    notes = ent_lecture.service("notes")
    assert notes.releve("samira.haddad", "yanis.haddad").classe == "2NDE3"
    assert notes.releve("samira.haddad", "ines.haddad").classe == "TSTMG1"
    assert notes.releve("philippe.lefevre", "lea.martin").lignes
    assert notes.tableau_classe("isabelle.moreau", "TSTMG1", SIG).eleves
    assert "gestionnaire" in refus(lambda: notes.releve("stephane.garnier", "lea.martin"))
    assert "invité" in refus(lambda: notes.releve("marc.girard", "lea.martin"))
    assert "Accès refusé" in refus(lambda: notes.releve("hugo.bernard", "lea.martin"))


# -- absences -----------------------------------------------------------------------------------

def test_un_parent_justifie_l_absence_de_son_enfant(ent):
    absences = ent.service("absences")
    bilan = absences.bilan("sophie.martin", "lea.martin")
    assert bilan.demi_journees >= 1 and bilan.demi_journees_non_justifiees >= 1
    numero = bilan.a_justifier[0]
    assert "Accès refusé" in refus(lambda: absences.justifier("karim.bernard", numero, "maladie"))
    assert "c'est sa famille qui les justifie" in refus(
        lambda: absences.justifier("lea.martin", numero, "maladie"))
    assert "enseignant constate" in refus(
        lambda: absences.justifier("nicolas.durand", numero, "maladie"))
    ev = absences.justifier("sophie.martin", numero, "Rendez-vous médical",
                            "<b>Dentiste</b> à 8 h")
    assert ev.statut == "justifiee" and ev.justification.commentaire == "<b>Dentiste</b> à 8 h"
    assert absences.bilan("lea.martin", "lea.martin").demi_journees_non_justifiees == \
        bilan.demi_journees_non_justifiees - 1
    with pytest.raises(ValeurInvalide, match="déjà justifiée"):
        absences.justifier("sophie.martin", numero, "maladie")
    assert "Accès refusé" in refus(lambda: absences.traiter("nicolas.durand", numero, True))
    assert absences.traiter("isabelle.moreau", numero, True).statut == "acceptee"
    with pytest.raises(ValeurInvalide, match="Motif inconnu"):
        absences.justifier("sophie.martin", numero, "flemme")


def test_l_appel_et_les_comptes(ent):
    absences = ent.service("absences")
    avant = absences.bilan("thomas.lambert", "hugo.bernard")
    ent.horloge.aller_a(datetime(2026, 9, 8, 16))   # l'appel constate le passé (L131-5)
    ev = absences.signaler("nicolas.durand", "hugo.bernard", "absence", le="08/09/2026",
                           debut="13h", fin="15h")
    assert ev.cours == SIG                                  # d'après l'emploi du temps
    absences.signaler("thomas.lambert", "hugo.bernard", "retard", minutes=5)
    apres = absences.bilan("karim.bernard", "hugo.bernard")
    assert apres.demi_journees == avant.demi_journees + 1
    assert apres.retards == avant.retards + 1
    assert "ce sont l'enseignant" in refus(lambda: absences.signaler("karim.bernard",
                                                                     "hugo.bernard"))
    assert "Accès refusé" in refus(lambda: absences.evenements_de("sophie.martin",
                                                                  "hugo.bernard"))
    with pytest.raises(ValeurInvalide, match="heure"):
        absences.signaler("thomas.lambert", "hugo.bernard", debut="midi")


# -- médiacentre (GAR) -----------------------------------------------------------------------

def test_mediacentre_ressources_par_profil(ent_lecture):
    m = ent_lecture.service("mediacentre")
    lea = {r.code for r in m.ressources_de("lea.martin")}
    assert {"msgn-sig-t", "droit-eco-t", "dico-fr"} <= lea and "maths-2nde" not in lea
    assert "maths-2nde" in {r.code for r in m.ressources_de("yanis.haddad")}
    assert "disciplines-profs" in {r.code for r in m.ressources_de("nicolas.durand")}
    assert "profil Parent" in refus(lambda: m.ressources_de("sophie.martin"))
    assert "profil Invité" in refus(lambda: m.ressources_de("marc.girard"))


def test_une_ressource_s_ouvre_sans_nouvelle_connexion_et_le_gar_filtre(ent):
    m = ent.service("mediacentre")
    sans = m.ouvrir("lea.martin", "msgn-sig-t")
    assert not sans.ok and sans.code == "session_absente"
    assert ent.connexion("lea.martin", MDP_LEA).ok
    nb_connexions = len(ent.journal.filtrer(operation="connexion_reussie"))
    o = m.ouvrir("lea.martin", "msgn-sig-t")
    assert o.ok and not o.nouvelle_connexion and o.ticket.startswith("ST-")
    assert len(ent.journal.filtrer(operation="connexion_reussie")) == nb_connexions
    recu = " ".join(v for _, v in o.transmis_a_l_editeur)
    for secret in ("Léa", "Martin", "lea.martin", "14/03/2009", "lea.martin@ent.example"):
        assert secret not in recu
    assert dict(o.transmis_a_l_editeur)["Niveau de formation"] == "Terminale STMG"
    assert ("Nom", "Martin", "non transmis (filtré par le GAR)") in o.comparaison()
    ido = m._identifiant_opaque("lea.martin", "Éditions Sillage")    # calcul interne au GAR
    assert ido in recu and ido != m._identifiant_opaque("lea.martin", "Atelier Lexique")
    assert m.donnees_recues_par("Éditions Sillage")[0]["Profil"] == "Élève"
    trace = ent.journal.filtrer(identite="lea.martin", service="mediacentre", resultat="info")
    assert "sans nouvelle connexion" in trace[-1].detail
    assert "n'est pas attribuée" in refus(lambda: m.ouvrir("lea.martin", "maths-2nde"))
    autre = m.ouvrir("nicolas.durand", "msgn-sig-t")
    assert autre.code == "autre_session" and "Léa Martin" in autre.message


# -- CDI ------------------------------------------------------------------------------------------

def test_recherche_au_cdi_sans_accents(ent_lecture):
    cdi = ent_lecture.service("cdi")
    titres = [n.titre for n in cdi.rechercher("lea.martin", "economie")]
    assert "Économie : les grandes questions" in titres
    assert [n.titre for n in cdi.rechercher("sophie.martin", "ZOLA", champ="auteur")] == \
        ["Au Bonheur des Dames"]
    assert all(n.disponibles > 0 for n in cdi.rechercher("nicolas.durand", "",
                                                          disponibles_seulement=True))
    assert any("retour prévu le" in n.disponibilite for n in cdi.rechercher("lea.martin"))
    with pytest.raises(ValeurInvalide, match="champ"):
        cdi.rechercher("lea.martin", "x", champ="isbn")


def test_seul_le_documentaliste_catalogue(ent):
    cdi = ent.service("cdi")
    n = cdi.ajouter_notice("claire.fontaine", "Le RGPD en dix questions", "Anne Roy, Luc Petit",
                           annee=2025, sujets="RGPD, données personnelles")
    assert n.auteurs == ("Anne Roy", "Luc Petit") and n.cote == "ROY"
    assert cdi.rechercher("lea.martin", "rgpd dix")[0].numero == n.numero
    assert "seulement lire" in refus(lambda: cdi.ajouter_notice("nicolas.durand", "x", "y"))
    assert "profil Invité" in refus(lambda: cdi.rechercher("marc.girard", "x"))
    with pytest.raises(ValeurInvalide, match="au plus 2026"):
        cdi.ajouter_notice("claire.fontaine", "Futur", "Quelqu'un", annee=2100)


# -- Folios --------------------------------------------------------------------------------------

def test_folios_l_eleve_ecrit_sa_famille_et_ses_professeurs_lisent(ent):
    folios = ent.service("orientation")
    assert any("Forum des métiers du numérique" == e.titre
               for e in folios.portfolio("sophie.martin", "lea.martin"))
    e = folios.ajouter("lea.martin", "lea.martin", "Journée portes ouvertes", "JPO de l'IUT",
                       le="05/09/2026")
    assert folios.portfolio("nicolas.durand", "lea.martin")[0].numero == e.numero
    folios.commenter("nicolas.durand", e.numero, "Bonne démarche.")
    assert folios.portfolio("lea.martin", "lea.martin")[0].commentaires[0].texte == \
        "Bonne démarche."
    assert "seulement lire" in refus(lambda: folios.ajouter("sophie.martin", "lea.martin",
                                                            "Stage", "x"))
    assert "seul l'élève" in refus(lambda: folios.ajouter("nicolas.durand", "lea.martin",
                                                          "Stage", "x"))
    assert "Accès refusé" in refus(lambda: folios.portfolio("karim.bernard", "lea.martin"))
    assert "équipe éducative" in refus(lambda: folios.commenter("lea.martin", e.numero, "x"))
    with pytest.raises(ValeurInvalide, match="futur"):
        folios.ajouter("lea.martin", "lea.martin", "Stage", "x", le="01/01/2030")


# -- déterminisme -----------------------------------------------------------------------------

def _empreinte(ent) -> tuple:
    notes = ent.service("notes")
    edt = ent.service("emploi_du_temps")
    return (
        [(c.classe, c.jour, c.debut, c.discipline) for c in edt._creneaux],
        [(s.debut, s.contenu) for s in ent.service("cahier_de_textes").seances(
            "philippe.lefevre", "TSTMG1")],
        sorted((k, n.valeur, n.mention) for k, n in notes._notes.items()),
        [(e.eleve, e.debut, e.statut) for e in ent.service("absences").evenements_de_la_classe(
            "isabelle.moreau", "TSTMG1")],
        [n.disponibilite for n in ent.service("cdi").rechercher("lea.martin")],
        [e.titre for e in ent.service("orientation").portfolio("nicolas.durand", "hugo.bernard")],
    )


def test_meme_graine_memes_donnees():
    assert _empreinte(ENT.demo(cout="rapide")) == _empreinte(ENT.demo(cout="rapide"))
    assert _empreinte(ENT.demo(7, cout="rapide"))[2] != _empreinte(ENT.demo(cout="rapide"))[2]


# -- messages : valeurs citées entre guillemets français, nombres accordés ---------------------
def test_valeurs_recues_citees_entre_guillemets_francais(ent):
    from entsim.services.absences import lire_motif

    with pytest.raises(ValeurInvalide) as motif:
        lire_motif("zz")
    assert str(motif.value).startswith("Motif inconnu : « zz ».")
    with pytest.raises(ValeurInvalide) as champ:
        ent.service("cdi").rechercher("lea.martin", "droit", champ="zz")
    assert "(reçu : « zz »)" in str(champ.value) and "'zz'" not in str(champ.value)
    with pytest.raises(ValeurInvalide) as type_entree:
        ent.service("orientation").ajouter("lea.martin", "lea.martin", "zz", "Titre")
    assert str(type_entree.value).startswith("Type d'entrée inconnu : « zz »")
    # une liste au lieu d'un texte : une phrase, pas « unhashable type »
    with pytest.raises(ValeurInvalide, match="champ"):
        ent.service("cdi").rechercher("lea.martin", "droit", champ=["titre"])
    with pytest.raises(ValeurInvalide, match="nature"):
        ent.service("absences").signaler("nicolas.durand", "lea.martin", ["absence"])


def test_accorder_et_bilan_sans_parentheses():
    from entsim.socle.texte import accorder
    from entsim.services._vie_eleve import cite
    from entsim.services.absences import Bilan

    assert accorder(0, "décision") == "0 décision"
    assert accorder(1, "ticket") == "1 ticket"
    assert accorder(2, "service prévenu") == "2 services prévenus"
    assert accorder(3, "nouvelle ligne", "nouvelles lignes") == "3 nouvelles lignes"
    assert cite("zz") == "« zz »" and cite("") == "(vide)" and cite(None) == "(aucune valeur)"
    assert Bilan("x", 2, 1, 3, ()).en_texte() == ("2 demi-journées d'absence, dont 1 non "
                                                 "justifiée ; 3 retards.")


def test_bilan_une_seule_lecture_tracee(ent):
    debut = ent.journal.dernier_numero()
    bilan = ent.service("absences").bilan("lea.martin", "lea.martin")
    assert bilan.demi_journees == 1
    assert [e.operation for e in ent.journal.depuis(debut)] == ["acces_autorise"]
