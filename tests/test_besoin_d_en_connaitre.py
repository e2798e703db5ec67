"""Le besoin d'en connaître, de bout en bout (issue 10, partie 1) : les vues d'une classe
réservées aux personnels qui en ont besoin, les disciplines reconnues exactement, la partie
d'une ressource jugée par la décision elle-même, les règles de l'établissement qui ne font
que restreindre, et les élèves majeurs.

Sources : arrêté du 30 novembre 2006 modifié (ENT), article 4 ; avis de la CNIL sur les ENT
(document 1) ; Code civil, articles 371-1 et 414 ; code de l'éducation, articles R. 421-50
et R. 421-51 (conseil de classe)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from entsim import ENT
from entsim.autorisation.service import (Action, ContexteAcces, Lieu, PlageHoraire, Profil,
                                         Regle, Ressource)
from entsim.etablissement.generation import RENTREE, generer_etablissement
from entsim.socle.erreurs import AccesRefuse, ValeurInvalide

SIG = "Management, sciences de gestion et numérique, enseignement spécifique SIG"
HG = "Histoire-géographie"
HGGSP = "Histoire-géographie, géopolitique et sciences politiques"
LUNDI_8H = datetime(2026, 9, 7, 8, 0)


@pytest.fixture
def ent():
    return ENT.demo(cout="rapide")


@pytest.fixture
def lycee():
    """Un lycée complet : des classes de première et de terminale générales avec HGGSP."""
    return ENT(2026, 300, cout="rapide")


def refus(appel) -> AccesRefuse:
    with pytest.raises(AccesRefuse) as erreur:
        appel()
    return erreur.value


def _classe_hggsp(ent) -> tuple[str, str, str]:
    """(classe, professeur d'histoire-géographie, professeur d'HGGSP), deux personnes."""
    for code, classe in sorted(ent.etablissement.classes.items()):
        hg, hggsp = classe.enseignements.get(HG), classe.enseignements.get(HGGSP)
        if hg and hggsp and hg != hggsp:
            return code, hg, hggsp
    raise AssertionError("aucune classe avec HGGSP dans ce lycée")


# -- 1. les données personnelles d'une classe -------------------------------------------------

def test_un_eleve_ne_voit_pas_le_tableau_des_notes_de_sa_classe(ent):
    notes = ent.service("notes")
    erreur = refus(lambda: notes.tableau_classe("lea.martin", "TSTMG1", "Mathématiques"))
    assert str(erreur).startswith("Accès refusé : un élève ne voit que ses propres notes et "
                                  "les moyennes de sa classe")
    assert erreur.code == "hors_perimetre"
    trace = ent.journal.filtrer(identite="lea.martin", operation="acces_refuse")
    assert trace and trace[-1].objet == "notes de TSTMG1 (lire)"
    # Ce qu'elle voit toujours : son relevé, avec la moyenne de la classe (un agrégat).
    releve = notes.releve("lea.martin", "lea.martin")
    assert releve.moyenne_generale_classe is not None
    assert all(l.moyenne_classe is not None for l in releve.lignes if l.notes)


def test_un_parent_ne_voit_pas_les_absences_de_toute_la_classe(ent):
    absences = ent.service("absences")
    erreur = refus(lambda: absences.evenements_de_la_classe("karim.bernard", "TSTMG1"))
    assert str(erreur).startswith("Accès refusé : un parent ne voit que les absences de ses "
                                  "propres enfants")
    assert absences.evenements_de("karim.bernard", "hugo.bernard")      # son fils, oui
    for personnel in ("julien.tshibanda", "nicolas.durand", "isabelle.moreau",
                      "thomas.lambert", "philippe.lefevre"):
        assert absences.evenements_de_la_classe(personnel, "TSTMG1"), personnel
    assert refus(lambda: absences.evenements_de_la_classe("stephane.garnier", "TSTMG1"))


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("service", ["notes", "absences", "dossier_eleve", "orientation"])
def test_eleves_et_parents_n_ont_rien_au_niveau_de_la_classe(ent, service, action):
    ressource = Ressource(service, classe="TSTMG1")
    for qui in ("lea.martin", "sophie.martin", "ana-sofia.cardoso"):
        d = ent.autorisation.evaluer(qui, action, ressource)
        assert not d.autorise, (qui, d.raison)
        assert d.code in ("hors_perimetre", "action_non_permise")


def test_un_eleve_ne_peut_pas_supprimer_le_folios_de_sa_classe(ent):
    d = ent.autorisation.evaluer("lea.martin", "supprimer",
                                 Ressource("orientation", classe="TSTMG1"))
    assert not d.autorise and d.code == "hors_perimetre"
    assert "son propre portfolio Folios" in d.raison
    # Son propre portfolio reste le sien.
    assert ent.autorisation.evaluer("lea.martin", "supprimer",
                                    Ressource("orientation", eleve="lea.martin"))


def test_le_tableau_de_classe_d_une_discipline_est_celui_de_son_enseignant(ent):
    notes = ent.service("notes")
    # Mélodie Legrand enseigne les mathématiques en TSTMG1, pas le SIG.
    erreur = refus(lambda: notes.tableau_classe("melodie.legrand", "TSTMG1", SIG))
    assert erreur.code == "discipline_non_enseignee"
    assert "n'enseigne pas « Management" in str(erreur)
    assert notes.tableau_classe("melodie.legrand", "TSTMG1", "Mathématiques").eleves
    # Le professeur principal, le CPE et la direction voient toutes les disciplines.
    for qui in ("nicolas.durand", "isabelle.moreau", "philippe.lefevre"):
        assert notes.tableau_classe(qui, "TSTMG1", "Mathématiques").notes, qui
    # L'assistant d'éducation et le gestionnaire n'ont pas à connaître les notes.
    for qui in ("thomas.lambert", "stephane.garnier"):
        assert refus(lambda: notes.tableau_classe(qui, "TSTMG1", "Mathématiques"))
    # Un enseignant consulte toujours le relevé de chacun de ses élèves (conseil de classe).
    assert notes.releve("melodie.legrand", "lea.martin").lignes


# -- 2. les disciplines reconnues exactement ------------------------------------------------

def test_le_professeur_d_histoire_geographie_n_agit_pas_sur_hggsp(lycee):
    classe, prof_hg, prof_hggsp = _classe_hggsp(lycee)
    notes, cahier = lycee.service("notes"), lycee.service("cahier_de_textes")
    avant = len(notes._evaluations)
    erreur = refus(lambda: notes.creer_evaluation(prof_hg, classe, HGGSP, "Devoir"))
    assert erreur.code == "discipline_non_enseignee" and "n'enseigne pas" in str(erreur)
    assert len(notes._evaluations) == avant
    ev = notes.creer_evaluation(prof_hggsp, classe, HGGSP, "Devoir de spécialité")
    eleve = lycee.etablissement.classe(classe).eleves[0]
    assert refus(lambda: notes.saisir_note(prof_hg, eleve, ev.numero, 12)).code == \
        "discipline_non_enseignee"
    assert (eleve, ev.numero) not in notes._notes
    assert notes.saisir_note(prof_hggsp, eleve, ev.numero, 14).valeur == 14
    seances = len(cahier._seances)
    assert refus(lambda: cahier.ecrire(prof_hg, classe, HGGSP, "Cours")).code == \
        "discipline_non_enseignee"
    assert len(cahier._seances) == seances


def test_le_vrai_professeur_d_hggsp_ecrit_dans_le_cahier_de_textes(lycee):
    classe, prof_hg, prof_hggsp = _classe_hggsp(lycee)
    cahier = lycee.service("cahier_de_textes")
    s = cahier.ecrire(prof_hggsp, classe, HGGSP, "Les frontières : introduction.")
    assert s.discipline == HGGSP and s.enseignant == prof_hggsp
    # La séance est placée sur un cours d'HGGSP de l'emploi du temps, pas d'histoire-géo.
    creneaux = lycee.service("emploi_du_temps").semaine_de_classe(prof_hggsp, classe)
    assert any(c.discipline == HGGSP and c.jour == s.debut.weekday()
               and c.debut == s.debut.time() for c in creneaux)
    h = cahier.ecrire(prof_hg, classe, HG, "La Révolution française.")
    assert h.discipline == "Histoire-géographie et EMC"


@pytest.mark.parametrize("inventee", ["Histoire-géographie (bidon)", "Histoire",
                                      "Mathématiques et physique", "mathématiques"])
def test_une_discipline_inventee_est_refusee_en_francais(ent, inventee):
    notes, cahier = ent.service("notes"), ent.service("cahier_de_textes")
    evaluations, seances = len(notes._evaluations), len(cahier._seances)
    for appel in (lambda: notes.creer_evaluation("julien.tshibanda", "TSTMG1", inventee, "X"),
                  lambda: cahier.ecrire("julien.tshibanda", "TSTMG1", inventee, "Cours"),
                  lambda: notes.tableau_classe("nicolas.durand", "TSTMG1", inventee)):
        erreur = refus(appel)
        assert erreur.code == "discipline_inconnue"
        assert f"« {inventee} » n'est pas une discipline enseignée en TSTMG1" in str(erreur)
        assert "Mathématiques" in str(erreur)                   # la liste de la classe
    assert (len(notes._evaluations), len(cahier._seances)) == (evaluations, seances)
    trace = ent.journal.filtrer(identite="julien.tshibanda", operation="acces_refuse")
    assert trace and "n'est pas une discipline enseignée" in trace[-1].detail


def test_histoire_geographie_et_emc_forment_une_seule_discipline_des_notes(ent):
    notes = ent.service("notes")
    for nom in (HG, "Enseignement moral et civique", "Histoire-géographie et EMC"):
        ev = notes.creer_evaluation("julien.tshibanda", "TSTMG1", nom, f"Devoir ({nom})")
        assert ev.discipline == "Histoire-géographie et EMC"
    t = notes.tableau_classe("julien.tshibanda", "TSTMG1", HG)
    assert t.discipline == "Histoire-géographie et EMC" and len(t.evaluations) == 4


# -- 3. la partie d'une ressource, jugée par la décision -----------------------------------

def test_un_enseignant_ne_justifie_pas_une_absence_au_niveau_de_la_decision(ent):
    a = ent.autorisation
    justificatifs = Ressource("absences", partie="justificatifs", eleve="lea.martin")
    d = a.evaluer("julien.tshibanda", "écrire", justificatifs)
    assert not d.autorise and d.code == "action_non_permise"
    assert d.raison.startswith("Un enseignant constate les absences")
    assert a.evaluer("julien.tshibanda", "lire", justificatifs)
    assert a.evaluer("julien.tshibanda", "écrire", Ressource.absences_de("lea.martin"))
    assert a.evaluer("sophie.martin", "écrire", justificatifs)
    assert not a.evaluer("sophie.martin", "modifier", justificatifs)
    assert a.evaluer("isabelle.moreau", "modifier", justificatifs)
    assert not a.evaluer("lea.martin", "écrire", justificatifs)    # mineure : sa famille


def test_une_partie_inconnue_ou_un_proprietaire_n_ouvre_rien(ent):
    a = ent.autorisation
    d = a.evaluer("julien.tshibanda", "écrire",
                  Ressource("absences", partie="appel_corrige", eleve="lea.martin"))
    assert not d.autorise and d.code == "hors_perimetre"
    assert "n'a pas de partie « appel_corrige »" in d.raison
    for qui in ("philippe.lefevre", "lea.martin"):
        d = a.evaluer(qui, "lire", Ressource("notes", proprietaire="lea.martin"))
        assert not d.autorise and d.code == "hors_perimetre", qui


# -- 4. une règle de l'établissement ne fait que restreindre -------------------------------

def test_regle_reseau_pour_les_enseignants_n_ouvre_pas_les_notes_a_l_administrateur(ent):
    a = ent.autorisation
    a.ajouter_regle(Regle(Profil.ENSEIGNANT, ["écrire", "modifier"], "notes",
                          conditions=Lieu("etablissement"),
                          libelle="Notes saisies depuis le réseau du lycée"))
    # Claire Fontaine : enseignante documentaliste ET administratrice locale, sans classe.
    d = a.evaluer("claire.fontaine", "modifier", Ressource.notes_de("lea.martin"))
    assert not d.autorise and d.code == "hors_perimetre"
    assert "classes où il enseigne" in d.raison
    # La règle restreint toujours : le professeur de Léa, depuis la maison, est refusé…
    maison = ContexteAcces(LUNDI_8H, "exterieur", poste="maison")
    assert a.evaluer("nicolas.durand", "modifier", Ressource.notes_de("lea.martin"),
                     contexte=maison).code == "hors_etablissement"
    # … et accepté depuis le lycée, la règle citée.
    d = a.evaluer("nicolas.durand", "modifier", Ressource.notes_de("lea.martin"))
    assert d.autorise and d.regle == "Notes saisies depuis le réseau du lycée"


def test_regle_pour_tous_n_ouvre_pas_les_notes_au_gestionnaire(ent):
    a = ent.autorisation
    a.ajouter_regle(Regle("tous", "lire", "notes",
                          conditions=PlageHoraire(time(7), time(20))))
    d = a.evaluer("stephane.garnier", "lire", Ressource.notes_de("lea.martin"))
    assert not d.autorise and d.code == "profil_non_habilite"
    assert "ne peut pas élargir le besoin d'en connaître" in d.raison
    assert refus(lambda: ent.service("notes").releve("stephane.garnier", "lea.martin"))
    assert not a.evaluer("marc.girard", "lire", Ressource.notes_de("lea.martin"))
    # Pour ceux qui ont déjà le droit, la plage horaire restreint.
    soir = ContexteAcces(datetime(2026, 9, 7, 21, 30))
    assert a.evaluer("lea.martin", "lire", Ressource.notes_de("lea.martin"),
                     contexte=soir).code == "hors_plage_horaire"
    assert a.evaluer("lea.martin", "lire", Ressource.notes_de("lea.martin"))


def test_une_regle_sur_une_personne_ne_lui_ouvre_rien(ent):
    a = ent.autorisation
    a.ajouter_regle(Regle("claire.fontaine", ["lire", "modifier"], "notes"))
    a.ajouter_regle(Regle(Profil.ELEVE, "supprimer", "orientation"))
    assert not a.evaluer("claire.fontaine", "lire", Ressource.notes_de("lea.martin"))
    assert not a.evaluer("lea.martin", "supprimer", Ressource("orientation", classe="TSTMG1"))
    assert not a.evaluer("lea.martin", "supprimer", Ressource("orientation",
                                                              eleve="hugo.bernard"))
    assert refus(lambda: ent.service("notes").releve("claire.fontaine", "lea.martin"))


# -- 5. la majorité -----------------------------------------------------------------------

def _majeurs(ent, le: date) -> list:
    return sorted((e for e in ent.etablissement.eleves() if e.est_majeur(le)),
                  key=lambda e: e.identifiant)


def test_un_eleve_majeur_justifie_lui_meme_ses_absences(ent):
    majeur = _majeurs(ent, LUNDI_8H.date())[0]
    absences = ent.service("absences")
    ev = absences.signaler("thomas.lambert", majeur.identifiant, "absence")
    justifiee = absences.justifier(majeur.identifiant, ev.numero, "maladie")
    assert justifiee.statut == "justifiee"
    assert justifiee.justification.par == majeur.identifiant
    # Une élève mineure, elle, laisse sa famille justifier.
    autre = absences.signaler("thomas.lambert", "lea.martin", "absence")
    assert "c'est sa famille qui les justifie" in str(
        refus(lambda: absences.justifier("lea.martin", autre.numero, "maladie")))


def test_les_parents_d_un_eleve_majeur_gardent_l_acces_sauf_opposition(ent):
    majeur = _majeurs(ent, LUNDI_8H.date())[0].identifiant
    parent = ent.etablissement.responsables_de(majeur)[0].identifiant
    notes = ent.service("notes")
    assert notes.releve(parent, majeur).lignes                  # par défaut : oui
    opposition = ent.autorisation.enregistrer_opposition(majeur, par=majeur)
    assert opposition.ok and opposition.active
    trace = ent.journal.filtrer(identite=majeur, operation="opposition_enregistree")
    assert len(trace) == 1
    erreur = refus(lambda: notes.releve(parent, majeur))
    assert erreur.code == "hors_perimetre" and "a fait opposition" in str(erreur)
    assert refus(lambda: ent.service("absences").evenements_de(parent, majeur))
    assert refus(lambda: ent.service("orientation").portfolio(parent, majeur))
    for qui in (majeur, "isabelle.moreau", "nicolas.durand"):     # lui et l'équipe : oui
        assert notes.releve(qui, majeur).lignes
    assert ent.service("cahier_de_textes").seances(parent, "TSTMG1")  # la classe : oui
    levee = ent.autorisation.enregistrer_opposition(majeur, par=majeur, opposition=False)
    assert levee.ok and not levee.active
    assert notes.releve(parent, majeur).lignes
    assert ent.journal.filtrer(identite=majeur, operation="opposition_levee")


def test_un_eleve_mineur_ne_peut_pas_s_opposer(ent):
    with pytest.raises(ValeurInvalide) as erreur:
        ent.autorisation.enregistrer_opposition("hugo.bernard", par="hugo.bernard")
    assert erreur.value.code == "eleve_mineur"
    assert "17 ans" in str(erreur.value) and "18 ans" in str(erreur.value)
    assert not ent.journal.filtrer(identite="hugo.bernard", operation="opposition_enregistree")
    with pytest.raises(ValeurInvalide, match="n'est pas un élève"):
        ent.autorisation.enregistrer_opposition("sophie.martin", par="sophie.martin")
    assert ent.service("notes").releve("karim.bernard", "hugo.bernard")


def test_la_majorite_se_juge_a_la_date_simulee(ent):
    """Hugo Bernard, né le 27 janvier 2009, a 18 ans accomplis le 27 janvier 2027."""
    ent.horloge.aller_a(datetime(2027, 1, 26, 8, 0))
    with pytest.raises(ValeurInvalide):
        ent.autorisation.enregistrer_opposition("hugo.bernard", par="hugo.bernard")
    ent.horloge.aller_a(datetime(2027, 1, 27, 8, 0))
    ent.autorisation.enregistrer_opposition("hugo.bernard", par="hugo.bernard")
    assert refus(lambda: ent.service("notes").releve("karim.bernard", "hugo.bernard"))
    # La décision se juge à l'instant de la demande : la veille, il était mineur.
    veille = ContexteAcces(datetime(2027, 1, 26, 8, 0))
    assert ent.autorisation.evaluer("karim.bernard", "lire",
                                    Ressource.notes_de("hugo.bernard"), contexte=veille)


def test_generation_avec_des_eleves_majeurs_sans_changer_la_demo():
    demo = generer_etablissement(2026, "demo")
    avec = generer_etablissement(2026, "demo", eleves_majeurs=4)
    assert [e.identifiant for e in avec.eleves()] == [e.identifiant for e in demo.eleves()]
    assert sum(e.est_majeur(RENTREE) for e in avec.eleves()) >= 4
    for ident in ("lea.martin", "hugo.bernard", "ines.haddad", "yanis.haddad"):
        assert avec.personne(ident).date_naissance == demo.personne(ident).date_naissance
    assert [e.date_naissance for e in generer_etablissement(2026, "demo", eleves_majeurs=0)
            .eleves()] == [e.date_naissance for e in demo.eleves()]
    with pytest.raises(ValeurInvalide, match="élèves majeurs"):
        generer_etablissement(2026, "demo", eleves_majeurs=50)
    with pytest.raises(ValeurInvalide, match="élèves majeurs"):
        generer_etablissement(2026, "demo", eleves_majeurs=-1)


# -- 6. choix documentés (sources dans besoin_d_en_connaitre.HABILITATIONS) ---------------

def test_choix_documentes(ent):
    a = ent.autorisation
    lea = "lea.martin"
    # L'enseignant constate une absence ; la corriger revient à la vie scolaire.
    assert a.evaluer("nicolas.durand", "écrire", Ressource.absences_de(lea))
    assert not a.evaluer("nicolas.durand", "modifier", Ressource.absences_de(lea))
    assert a.evaluer("thomas.lambert", "modifier", Ressource.absences_de(lea))
    # Un enseignant ne lit pas le cahier de textes d'une classe où il n'enseigne pas.
    assert not a.evaluer("nicolas.durand", "lire", Ressource.cahier_de_textes_de("2NDE3"))
    # Le CPE, membre du conseil de classe, consulte les notes sans les saisir.
    assert a.evaluer("isabelle.moreau", "lire", Ressource.notes_de(lea))
    assert not a.evaluer("isabelle.moreau", "écrire", Ressource.notes_de(lea))
    # Le secrétariat tient le dossier ; l'assistant d'éducation n'y a pas accès.
    assert a.evaluer("sandrine.robert", "modifier", Ressource.dossier_de(lea))
    assert not a.evaluer("thomas.lambert", "lire", Ressource.dossier_de(lea))


# -- 7. l'espace documentaire et le casier : aucune lecture sans autorisation ---------------

def _lignes(ent, operation, identite):
    return [l for l in ent.journal.filtrer()
            if l.operation == operation and l.identite == identite]


def _documents_de_lea(ent):
    d = ent.service("espace_documentaire")
    cours, cv = d.mes_documents("lea.martin")
    notes = d.contenu("lea.martin", cours.numero)[0]
    return d, cours, cv, notes


@pytest.mark.parametrize("lecture", ["element", "chemin", "partages", "droit_de"])
def test_personne_ne_lit_le_nom_ni_le_chemin_des_documents_d_un_autre(ent, lecture):
    """Avant : ``element``, ``chemin``, ``partages`` et ``droit_de`` ne demandaient rien à
    personne ; n'importe qui lisait le nom, le propriétaire et les partages des fichiers
    privés de Léa. Maintenant : refus tracé, qui ne dit ni le nom ni le propriétaire."""
    d, cours, cv, notes = _documents_de_lea(ent)
    for curieux in ("hugo.bernard", "philippe.lefevre"):       # un camarade, le proviseur
        for element in (cours, cv, notes):
            avant = len(_lignes(ent, "acces_refuse", curieux))
            erreur = refus(lambda: getattr(d, lecture)(curieux, element.numero))
            message = str(erreur)
            assert "n'a pas été partagé avec vous" in message
            assert element.nom not in message and "Léa" not in message \
                and "Cours" not in message
            assert element.nom not in erreur.decision.objet
            assert len(_lignes(ent, "acces_refuse", curieux)) == avant + 1


def test_un_dossier_pris_pour_un_fichier_ne_trahit_pas_son_nom(ent):
    """Avant : ``contenu`` sur le fichier d'un autre répondait « « CV_stage.odt » est un
    fichier, pas un dossier » avant tout contrôle ; de même pour un dépôt dans ce fichier."""
    d, _, cv, _ = _documents_de_lea(ent)
    for appel in (lambda: d.contenu("hugo.bernard", cv.numero),
                  lambda: d.deposer("hugo.bernard", "a.pdf", 10, dossier=cv.numero)):
        assert "CV_stage" not in str(refus(appel))
    with pytest.raises(ValeurInvalide, match="CV_stage.odt"):   # sa propriétaire, elle, le sait
        d.contenu("lea.martin", cv.numero)


def test_le_proprietaire_et_ceux_qui_ont_le_partage_lisent_toujours(ent):
    d = ent.service("espace_documentaire")
    sig = next(x for x in d.partages_avec_moi("lea.martin") if x.nom.startswith("SIG"))
    fiche = next(x for x in d.contenu("lea.martin", sig.numero)
                 if x.nom == "Fiche_seance_ENT.ipynb")
    assert d.element("lea.martin", fiche.numero) is fiche
    assert d.droit_de("lea.martin", fiche.numero).value == "lire"
    assert d.chemin("lea.martin", fiche.numero) == \
        "Partagé par Nicolas Durand / SIG — Documents de la TSTMG1 / Fiche_seance_ENT.ipynb"
    assert d.chemin("nicolas.durand", fiche.numero) == \
        "Mes documents / SIG — Documents de la TSTMG1 / Fiche_seance_ENT.ipynb"
    assert d.partages("nicolas.durand", sig.numero) == [("élèves de TSTMG1", "lecture")]
    # Qui lit un dossier ne voit pas avec qui d'autre il est partagé : cela revient à qui
    # le gère (comme la vue l'affichait déjà).
    assert "droit de gestion" in str(refus(lambda: d.partages("lea.martin", sig.numero)))
    assert _lignes(ent, "acces_refuse", "lea.martin")[-1].service == "espace_documentaire"


def test_le_chemin_ne_montre_que_les_dossiers_partages(ent):
    """Un fichier partagé seul, rangé dans un dossier qui ne l'est pas : le chemin ne dit
    pas le nom de ce dossier."""
    d, cours, _, notes = _documents_de_lea(ent)
    d.partager("lea.martin", notes.numero, "nicolas.durand", "lire")
    assert d.chemin("nicolas.durand", notes.numero) == \
        "Partagé par Léa Martin / Notes_SIG_chapitre1.odt"
    assert d.chemin("lea.martin", notes.numero) == \
        "Mes documents / Cours / Notes_SIG_chapitre1.odt"
    refus(lambda: d.element("nicolas.durand", cours.numero))


def test_retirer_le_depot_d_un_autre_ne_dit_pas_son_nom(ent):
    """Avant : « Le dépôt « Fiche_ENT_Martin_Lea.ipynb » est horodaté… » répondu à tout
    élève qui essayait de retirer le dépôt n° N de quelqu'un d'autre."""
    c = ent.service("casier")
    depot = c.deposer("lea.martin", "nicolas.durand", "Fiche_ENT_Martin_Lea.ipynb", 40_000)
    avant = len(_lignes(ent, "acces_refuse", "hugo.bernard"))
    message = str(refus(lambda: c.retirer("hugo.bernard", depot.numero)))
    assert "Fiche_ENT" not in message and "Léa" not in message
    assert len(_lignes(ent, "acces_refuse", "hugo.bernard")) == avant + 1
    assert "Fiche_ENT_Martin_Lea.ipynb" in str(refus(lambda: c.retirer("lea.martin",
                                                                          depot.numero)))


def test_parcourir_une_decision_et_les_partages_a_qui_gere_seulement(ent):
    """Ce que la vue affiche vient d'une seule lecture tracée ; les partages d'un élément ne
    sont donnés qu'à qui le gère."""
    d = ent.service("espace_documentaire")
    sig = next(x for x in d.partages_avec_moi("lea.martin") if x.nom.startswith("SIG"))
    debut = ent.journal.dernier_numero()
    vue = d.parcourir("lea.martin", sig.numero)
    assert len([l for l in ent.journal.depuis(debut)
                if l.operation in ("acces_autorise", "acces_refuse")]) == 1
    assert vue.chemin == "Partagé par Nicolas Durand / SIG — Documents de la TSTMG1"
    assert {vu.droit.value for vu in vue.elements} == {"lire"}
    assert all(vu.partages is None for vu in vue.elements)
    racine = d.parcourir("nicolas.durand")
    assert racine.chemin == "Mes documents"
    dossier_sig = next(vu for vu in racine.elements if vu.element.numero == sig.numero)
    assert dossier_sig.partages == (("élèves de TSTMG1", "lecture"),)
    assert d.parcourir("lea.martin", partages_recus=True).chemin == "Partagés avec moi"
    refus(lambda: d.parcourir("hugo.bernard", d.mes_documents("lea.martin")[0].numero))


# -- 6. la forme de la ressource (attaque de l'issue 10, section 1.1) ---------------------------
#
# Une ressource nomme son sujet comme son service le connaît : un élève (notes, absences,
# dossier, Folios), une classe (celles-ci, plus le cahier de textes et l'emploi du temps), un
# propriétaire (messagerie, documents, casier, emploi du temps d'un enseignant). Un sujet
# qu'un service ne connaît pas n'ouvre rien (oracle : « ressource inconnue »).

@pytest.mark.parametrize("qui, action, ressource", [
    ("nicolas.durand", "lire", Ressource("messagerie", eleve="lea.martin")),
    ("stephane.garnier", "supprimer", Ressource("espace_documentaire", eleve="lea.martin")),
    ("karim.bernard", "lire", Ressource("messagerie", classe="TSTMG1")),
    ("hugo.bernard", "supprimer", Ressource("casier", classe="TSTMG1")),
    ("philippe.lefevre", "lire", Ressource("messagerie", eleve="lea.martin")),
    ("lea.martin", "lire", Ressource("casier", classe="TSTMG1")),
    ("nicolas.durand", "lire", Ressource("espace_documentaire", partie="bidon",
                                         proprietaire="lea.martin")),
    ("lea.martin", "lire", Ressource("messagerie", partie="message",
                                     proprietaire="lea.martin")),
])
def test_un_espace_prive_nomme_par_eleve_ou_classe_n_est_a_personne_d_autre(ent, qui, action,
                                                                               ressource):
    d = ent.autorisation.evaluer(qui, action, ressource)
    assert not d.autorise and d.code == "hors_perimetre"
    assert "propriétaire" in d.raison or "messages privés" in d.raison


@pytest.mark.parametrize("qui, ressource", [
    ("sophie.martin", Ressource("cahier_de_textes", eleve="lea.martin")),
    ("lea.martin", Ressource("emploi_du_temps", eleve="lea.martin")),
    ("nicolas.durand", Ressource("cahier_de_textes", proprietaire="nicolas.durand")),
    ("lea.martin", Ressource("cahier_de_textes", partie="bidon", classe="TSTMG1")),
    ("lea.martin", Ressource("cdi", eleve="lea.martin")),
    ("lea.martin", Ressource("actualites", classe="TSTMG1")),
])
def test_un_sujet_que_le_service_ne_connait_pas_n_ouvre_rien(ent, qui, ressource):
    d = ent.autorisation.evaluer(qui, "lire", ressource)
    assert not d.autorise and d.code == "hors_perimetre"
    assert "ne concerne" in d.raison or "n'a pas de partie" in d.raison


@pytest.mark.parametrize("qui, ressource", [
    ("isabelle.moreau", Ressource("absences", partie="justificatifs")),
    ("isabelle.moreau", Ressource("absences", partie="justificatifs", classe="TSTMG1")),
    ("sophie.martin", Ressource("absences", partie="justificatifs")),
])
def test_un_justificatif_s_ecrit_pour_un_eleve_nomme(ent, qui, ressource):
    for action in ("écrire", "modifier") if qui == "isabelle.moreau" else ("écrire",):
        d = ent.autorisation.evaluer(qui, action, ressource)
        assert not d.autorise and "un élève" in d.raison, (qui, action, d.raison)
    assert ent.autorisation.evaluer("isabelle.moreau", "modifier", Ressource(
        "absences", partie="justificatifs", eleve="lea.martin"))


def test_une_ressource_a_un_seul_sujet(ent):
    for sujet in ({"eleve": "lea.martin"}, {"classe": "TSTMG1"}):
        with pytest.raises(ValeurInvalide) as erreur:
            Ressource("notes", proprietaire="lea.martin", **sujet)
        assert "un seul" in str(erreur.value)


def test_attributs_cas_du_parent_sans_l_enfant_majeur_opposant(ent):
    """Les attributs CAS « enfants » et « classes » d'un parent, transmis à tous les services,
    ne citent plus l'enfant majeur qui a fait opposition (Code civil, art. 414), ni sa
    classe ; ils le citent de nouveau quand l'opposition est levée."""
    majeur = "ana-sofia.cardoso"
    parent = ent.etablissement.responsables_de(majeur)[0].identifiant
    assert ent.attributs(parent)["enfants"] == [majeur]
    assert ent.attributs(parent)["classes"] == ["TSTMG1"]
    ent.autorisation.enregistrer_opposition(majeur, par=majeur)
    apres = ent.attributs(parent)
    assert apres["enfants"] == [] and apres["classes"] == []
    assert ent.cas.attributs(parent) == apres  # ce que le serveur CAS propage
    ent.autorisation.enregistrer_opposition(majeur, par="philippe.lefevre",  # le proviseur
                                            opposition=False)
    assert ent.attributs(parent)["enfants"] == [majeur]
