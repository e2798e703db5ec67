"""Entrées hostiles (issue 10, section 2) : ce qu'un élève peut taper dans une cellule ne fait
jamais planter l'ENT, n'est jamais gardé à moitié, et le message d'erreur est une phrase
française qui nomme le problème.

Chaque test reproduit un défaut constaté avant la correction (trace Python brute, objet gardé
puis journal en panne, saisie absurde acceptée) ; les tests de propriétés qui généralisent
ces cas sont dans ``test_proprietes_entrees.py``.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from entsim import ENT
from entsim.authentification.mots_de_passe.cassage import duree_lisible, temps_de_cassage
from entsim.autorisation.service import Ressource
from entsim.etablissement.generation import PERSONAS
from entsim.journal.chaine import Journal
from entsim_corrige import fiche_corrigee as fiche
from entsim.services.notes import lire_note
from entsim.socle.erreurs import ErreurENT, Introuvable, ValeurInvalide, verifier_entier
from entsim.socle.horloge import Horloge
from entsim.socle.texte import cite
from entsim.widgets.vues import ContexteVue, classe_de_vue, decrire_valeur

from proprietes import etat_des_donnees

LEA = PERSONAS["eleve"].identifiant
SOPHIE = PERSONAS["mere"].identifiant
DURAND = PERSONAS["professeur_principal"].identifiant
CPE = PERSONAS["cpe"].identifiant
DOC = PERSONAS["documentaliste"].identifiant
PROVISEUR = PERSONAS["proviseur"].identifiant
SIG = "Management, sciences de gestion et numérique, enseignement spécifique SIG"
MEGA = "x" * 1_000_000                        # 1 Mo de texte
ENORME = 10 ** 5000                          # plus de chiffres que Python n'en écrit (4 300)


@pytest.fixture
def ent():
    return ENT.demo(cout="rapide")


def refuse_sans_rien_changer(ent, code_service, appel, *, match=None, erreur=ValeurInvalide):
    """``appel`` lève une erreur française ; ni le journal ni les données du service n'ont
    bougé ; le journal reste intact et lisible. Renvoie le message."""
    service = ent.service(code_service)
    avant, lignes = etat_des_donnees(service), len(ent.journal)
    with pytest.raises(erreur, match=match) as refus:
        appel(service)
    assert etat_des_donnees(service) == avant
    assert len(ent.journal) == lignes
    assert ent.journal.verifier().intact
    return str(refus.value)


# -- 1. un demi-codet isolé : refusé avant d'être gardé, le journal ne plante jamais ----------

#: (service, appel avec le texte ``t``) : chaque écriture d'un texte libre.
ECRITURES = {
    "billet de blog": ("blog", lambda s, t: s.publier(DURAND, "classe_tstmg1", t, "Texte")),
    "commentaire de blog": ("blog", lambda s, t: s.commenter(LEA, 1, t)),
    "sujet du forum": ("forum", lambda s, t: s.creer_sujet(LEA, "vie_du_lycee", t, "Texte")),
    "réponse du forum": ("forum", lambda s, t: s.repondre(LEA, 1, t)),
    "événement d'agenda": ("agenda", lambda s, t: s.ajouter(LEA, t, datetime(2026, 9, 10, 10))),
    "lieu d'agenda": ("agenda", lambda s, t: s.ajouter(LEA, "Révisions",
                                                       datetime(2026, 9, 10, 10), lieu=t)),
    "article": ("actualites", lambda s, t: s.publier(PROVISEUR, t, "Texte")),
    "message": ("messagerie", lambda s, t: s.envoyer(LEA, DURAND, "Objet", t)),
    "document": ("espace_documentaire", lambda s, t: s.deposer(LEA, t + ".pdf", 10)),
    "dossier": ("espace_documentaire", lambda s, t: s.creer_dossier(LEA, t)),
    "dépôt au casier": ("casier", lambda s, t: s.deposer(LEA, DURAND, "devoir.pdf", 10,
                                                         commentaire=t)),
    "évaluation": ("notes", lambda s, t: s.creer_evaluation(DURAND, "TSTMG1", SIG, t)),
    "cahier de textes": ("cahier_de_textes", lambda s, t: s.ecrire(DURAND, "TSTMG1", SIG, t)),
    "travail à faire": ("cahier_de_textes", lambda s, t: s.ecrire(DURAND, "TSTMG1", SIG,
                                                                  "Séance", travail=t)),
    "remarque d'absence": ("absences", lambda s, t: s.signaler(CPE, LEA, remarque=t)),
    "justification": ("absences", lambda s, t: s.justifier(SOPHIE, 1, "maladie", t)),
    "entrée Folios": ("orientation", lambda s, t: s.ajouter(LEA, LEA, "Stage", t)),
    "notice du CDI": ("cdi", lambda s, t: s.ajouter_notice(DOC, t, "Victor Hugo")),
}


@pytest.mark.parametrize("quoi", sorted(ECRITURES))
def test_un_demi_codet_isole_est_refuse_avant_d_etre_garde(ent, quoi):
    code, ecrire = ECRITURES[quoi]
    message = refuse_sans_rien_changer(ent, code, lambda s: ecrire(s, "Sortie\udfff"),
                                       match="demi-codet isolé")
    assert "U+DFFF" in message and "\udfff" not in message


def test_les_commentaires_restent_lisibles_apres_un_titre_refuse(ent):
    """Avant : le billet « Sortie\\udfff » était gardé, puis chaque lecture de ses
    commentaires levait UnicodeEncodeError dans le journal, pour toujours."""
    blog = ent.service("blog")
    with pytest.raises(ValeurInvalide):
        blog.publier(DURAND, "classe_tstmg1", "Sortie\udfff", "Texte")
    for billet in blog.billets(LEA, "classe_tstmg1"):
        blog.commentaires(LEA, billet.numero)
    assert ent.journal.verifier().intact


def test_le_journal_ne_plante_jamais_sur_un_demi_codet():
    journal = Journal()
    journal.enregistrer("publication_ajoutee", identite="lea\udfff", objet="billet « \ud800 »",
                        detail="Sortie\udfff")
    journal.enregistrer("acces_autorise", identite="lea\udfff")
    assert journal.verifier().intact
    assert len(journal.chaine_de("lea\udfff")) == 2
    assert len(journal.tableau()) == 2


# -- 2. caractères invisibles ou trompeurs dans un nom de fichier ou de dossier ---------------

CARACTERES_TROMPEURS = {
    "forçage droite-à-gauche": ("\u202eexe.fdp", "U+202E"),
    "isolat droite-à-gauche": ("devoir\u2067.pdf", "U+2067"),
    "espace sans largeur": ("devoir\u200b.pdf", "U+200B"),
    "marque d'ordre des octets": ("\ufeffdevoir.pdf", "U+FEFF"),
    "contrôle C1": ("devoir\x85.pdf", "U+0085"),
    "contrôle C1 en tête": ("\x85devoir.pdf", "U+0085"),
}


@pytest.mark.parametrize("quoi", sorted(CARACTERES_TROMPEURS))
def test_nom_de_fichier_trompeur_refuse(ent, quoi):
    nom, code_point = CARACTERES_TROMPEURS[quoi]
    for code, ecrire in (("espace_documentaire", lambda s: s.deposer(LEA, nom, 10)),
                         ("espace_documentaire", lambda s: s.creer_dossier(LEA, nom)),
                         ("casier", lambda s: s.deposer(LEA, DURAND, nom, 10))):
        message = refuse_sans_rien_changer(ent, code, ecrire, match="caractère invisible")
        assert code_point in message
        assert nom not in message                # la valeur n'agit jamais sur le message


def test_le_forcage_droite_a_gauche_est_explique(ent):
    message = refuse_sans_rien_changer(
        ent, "espace_documentaire", lambda s: s.deposer(LEA, "\u202eexe.fdp", 10))
    assert "sens d'écriture" in message and "« pdf.exe »" in message


@pytest.mark.parametrize("texte", ["Titre\u202e", "Ti\u200dtre", "\ufeffTitre", "Titre\x9b",
                                   "Titre\x07", "Titre\nsuite", "Titre\u2028suite"])
def test_texte_d_une_ligne_refuse_les_caracteres_invisibles(ent, texte):
    refuse_sans_rien_changer(ent, "blog", lambda s: s.publier(DURAND, "classe_tstmg1", texte,
                                                              "Texte"),
                             match="contient, en position")


def test_texte_de_plusieurs_lignes_garde_retours_et_tabulations(ent):
    billet = ent.service("blog").publier(DURAND, "classe_tstmg1", "Programme",
                                         "Lundi :\r\n\t- visite\n\t- bilan")
    assert billet.contenu == "Lundi :\n\t- visite\n\t- bilan"
    refuse_sans_rien_changer(ent, "blog", lambda s: s.publier(
        DURAND, "classe_tstmg1", "Programme", "Lundi\x1b[2J"), match="U\\+001B")


# -- 3. plus jamais de trace Python brute ------------------------------------------------------

def test_agenda_lieu_ou_description_none(ent):
    for options in ({"lieu": None}, {"description": None}):
        refuse_sans_rien_changer(ent, "agenda", lambda s: s.ajouter(
            LEA, "Révisions", datetime(2026, 9, 10, 10), **options), match="doit être un texte")


def test_agenda_dates_en_texte(ent):
    agenda = ent.service("agenda")
    assert agenda.evenements_visibles(LEA, du="14/09/2026") == \
        agenda.evenements_visibles(LEA, du=date(2026, 9, 14))
    with pytest.raises(ValeurInvalide, match="doit être une date"):
        agenda.evenements_visibles(LEA, au="demain")


def test_tableau_des_droits_arguments_absurdes(ent):
    ressource = Ressource.notes_de(LEA)
    for arguments in ((0, ressource), (None, ressource, None), (None, 5), ([LEA], [3])):
        with pytest.raises(ValeurInvalide, match="tableau_droits|Ressource"):
            ent.autorisation.tableau_droits(*arguments)
    with pytest.raises(ValeurInvalide):
        ent.autorisation.tableau_droits(None, ressource, [ENORME])


def test_tableau_du_journal_avec_autre_chose_que_des_lignes(ent):
    for absurde in (0, 3.5, True, [1, 2]):
        with pytest.raises(ValeurInvalide, match="lignes du journal"):
            ent.journal.tableau(absurde)


def test_deconnexion_d_un_poste_absurde(ent):
    for poste in ([], 3, None, "Poste\u202e"):
        with pytest.raises(ValeurInvalide):
            ent.deconnexion(poste=poste)
    with pytest.raises(Introuvable, match="Aucun navigateur"):
        ent.deconnexion(poste="Salle B12")


@pytest.mark.parametrize("duree", [{"secondes": 10 ** 400}, {"minutes": 10 ** 400},
                                   {"jours": ENORME}, {"heures": float("inf")}],
                         ids=["secondes", "minutes", "jours", "heures"])
def test_horloge_duree_demesuree(duree):
    horloge = Horloge()
    avant = horloge.maintenant()
    with pytest.raises(ValeurInvalide, match="Durée démesurée"):
        horloge.avancer(**duree)
    assert horloge.maintenant() == avant


def test_horloge_reste_dans_les_bornes_de_la_simulation():
    with pytest.raises(ValeurInvalide, match="31/12/2999"):
        Horloge(datetime(9999, 12, 31, 23))
    with pytest.raises(ValeurInvalide, match="31/12/2999"):
        Horloge().aller_a(datetime(9999, 12, 31))
    with pytest.raises(ValeurInvalide, match="démesurée"):
        Horloge(datetime(2999, 12, 31)).avancer(jours=2)


def test_taille_de_fichier_demesuree(ent):
    for taille in (10 ** 400, ENORME):
        message = refuse_sans_rien_changer(
            ent, "espace_documentaire", lambda s: s.deposer(LEA, "film.mp4", taille),
            match="trop volumineux")
        assert len(message) < 100


def test_temps_de_cassage_demesure():
    for appel in (lambda: temps_de_cassage(10 ** 400, "md5"),
                  lambda: temps_de_cassage(40, 10 ** 400),
                  lambda: temps_de_cassage(ENORME, "bcrypt")):
        with pytest.raises(ValeurInvalide):
            appel()
    assert duree_lisible(10 ** 400) == "plus que l'âge de l'Univers (13,8 milliards d'années)"
    assert temps_de_cassage(1000, "md5").texte.startswith("plus que l'âge de l'Univers")


def test_un_nombre_de_5000_chiffres_se_cite_sans_erreur():
    assert cite(ENORME) == "un nombre de 5\u202f001 chiffres"
    assert decrire_valeur(-ENORME) == "un nombre négatif de 5\u202f001 chiffres"
    with pytest.raises(ValeurInvalide, match="5\u202f001 chiffres"):
        verifier_entier(ENORME, "annee", maximum=2026)
    with pytest.raises(ErreurENT):
        fiche("partie1").verifier(ENORME, 1)


@pytest.mark.parametrize("code, action", [
    ("notes", "saisir_note"), ("messagerie", "ouvrir"), ("forum", "ouvrir_sujet"),
    ("casier", "retirer"), ("espace_documentaire", "ouvrir"), ("orientation", "commenter")])
def test_le_filet_des_vues_ne_leve_jamais_meme_sur_un_nombre_enorme(ent, code, action):
    """Avant : la phrase du filet de sécurité écrivait la valeur reçue et levait elle-même
    ValueError (plus de 4 300 chiffres) — 65 actions de vue levaient malgré le contrat."""
    vue = classe_de_vue(code)(ContexteVue(ent, DURAND), code)
    methode = getattr(vue, action)
    for arguments in ([ENORME], [ENORME, ENORME], [ENORME, ENORME, ENORME], [MEGA, MEGA]):
        vue.erreur_interne = None
        phrase = methode(*arguments)
        assert isinstance(phrase, str) and phrase.startswith(("⚠", "✗", "Accès refusé"))
        assert len(phrase) < 600 and vue.erreur_interne is None, (arguments[0], phrase)


def test_dates_au_bout_du_calendrier(ent):
    """Avant : « 31/12/9999 » à 23 h (une absence d'une heure, un événement…) débordait
    l'an 9999 dans un calcul (OverflowError)."""
    refuse_sans_rien_changer(ent, "absences", lambda s: s.signaler(
        CPE, LEA, le="31/12/9999", debut="23h"), match="31/12/2999")
    refuse_sans_rien_changer(ent, "absences", lambda s: s.signaler(
        CPE, LEA, "retard", le="31/12/9999", debut="23:59"), match="31/12/2999")
    refuse_sans_rien_changer(ent, "agenda", lambda s: s.ajouter(
        LEA, "Fin du monde", datetime(9999, 12, 31, 23, 30)), match="31/12/2999")
    refuse_sans_rien_changer(ent, "cahier_de_textes", lambda s: s.ecrire(
        DURAND, "TSTMG1", SIG, "Séance", le=datetime(9999, 12, 31, 23, 30)), match="31/12/2999")
    refuse_sans_rien_changer(ent, "cahier_de_textes", lambda s: s.ecrire(
        DURAND, "TSTMG1", SIG, "Séance", travail="Lire", pour_le="31/12/9999"),
        match="31/12/2999")
    with pytest.raises(ValeurInvalide, match="31/12/2999"):
        ENT.demo(debut=datetime(9999, 12, 31, 23))


def test_dates_en_chiffres_ascii_seulement(ent):
    refuse_sans_rien_changer(ent, "absences", lambda s: s.signaler(CPE, LEA, le="١٤/٠٩/٢٠٢٦"),
                             match="doit être une date")
    refuse_sans_rien_changer(ent, "absences", lambda s: s.signaler(CPE, LEA, debut="١٠h"),
                             match="doit être une heure")


@pytest.mark.parametrize("nom", ["Dupont/Durand", "<b>Zoé</b>", "Ré:union", "D'Almeida" * 40])
def test_un_nom_d_eleve_exotique_ne_bloque_pas_le_casier(nom):
    """Avant : le nom d'un élève servait tel quel de nom de fichier aux dépôts de
    démonstration ; « / », « < », « > » ou « : » faisaient échouer ent.service("casier")
    pour tout le monde."""
    ent = ENT.demo(cout="rapide")
    for identifiant in ent.etablissement.classe("TSTMG1").eleves:
        ent.etablissement.personne(identifiant).nom = nom
    casier = ent.service("casier")
    recus = casier.depots_recus(DURAND)
    assert recus and all("/" not in d.fichier.nom and "<" not in d.fichier.nom for d in recus)


# -- 4. accepté alors que ça ne devrait pas l'être ---------------------------------------------

@pytest.mark.parametrize("note", ["1_0", "١٠", "１０", "1e1", "inf", "nan", "1 0", "+5", "0x10"])
def test_note_en_chiffres_ascii_seulement(note):
    with pytest.raises(ValeurInvalide, match="Note illisible"):
        lire_note(note)


@pytest.mark.parametrize("note, attendu", [("12", 12.0), ("12,5", 12.5), ("12.5", 12.5),
                                           ("14/20", 14.0), ("14 / 20", 14.0), (" 9,75 ", 9.75),
                                           (15, 15.0), (12.5, 12.5), ("Abs", None)])
def test_note_formes_acceptees(note, attendu):
    assert lire_note(note)[0] == attendu


def test_note_et_coefficient_demesures(ent):
    notes = ent.service("notes")
    for valeur in (10 ** 400, ENORME, float("nan"), float("inf")):
        with pytest.raises(ValeurInvalide, match="entre 0 et 20"):
            notes.saisir_note(DURAND, LEA, 1, valeur)
    for coefficient in ("1_0", "١", 10 ** 400, float("nan")):
        refuse_sans_rien_changer(ent, "notes", lambda s: s.creer_evaluation(
            DURAND, "TSTMG1", SIG, "Devoir", coefficient=coefficient), match="coefficient")


#: (service, appel avec le texte ``t``, longueur maximale) : un texte libre de 1 Mo est
#: refusé, le message ne le répète pas.
LIMITES = {
    "titre d'évaluation": ("notes", lambda s, t: s.creer_evaluation(DURAND, "TSTMG1", SIG, t)),
    "contenu de séance": ("cahier_de_textes", lambda s, t: s.ecrire(DURAND, "TSTMG1", SIG, t)),
    "travail à faire": ("cahier_de_textes", lambda s, t: s.ecrire(DURAND, "TSTMG1", SIG,
                                                                  "Séance", travail=t)),
    "remarque d'absence": ("absences", lambda s, t: s.signaler(CPE, LEA, remarque=t)),
    "cours manqué": ("absences", lambda s, t: s.signaler(CPE, LEA, cours=t)),
    "titre Folios": ("orientation", lambda s, t: s.ajouter(LEA, LEA, "Stage", t)),
    "commentaire Folios": ("orientation", lambda s, t: s.commenter(DURAND, 1, t)),
    "titre de notice": ("cdi", lambda s, t: s.ajouter_notice(DOC, t, "Victor Hugo")),
    "auteur de notice": ("cdi", lambda s, t: s.ajouter_notice(DOC, "Titre", [t])),
    "éditeur de notice": ("cdi", lambda s, t: s.ajouter_notice(DOC, "Titre", "A", editeur=t)),
    "cote de notice": ("cdi", lambda s, t: s.ajouter_notice(DOC, "Titre", "A", cote=t)),
    "recherche au CDI": ("cdi", lambda s, t: s.rechercher(LEA, t)),
}


@pytest.mark.parametrize("quoi", sorted(LIMITES))
def test_texte_libre_de_1_mo_refuse(ent, quoi):
    code, ecrire = LIMITES[quoi]
    message = refuse_sans_rien_changer(ent, code, lambda s: ecrire(s, MEGA), match="trop long")
    assert len(message) < 120


@pytest.mark.parametrize("reponse_a", [float("nan"), b"3", object(), "3", True, [3], 999,
                                       ENORME],
                         ids=["nan", "octets", "objet", "texte", "booleen", "liste",
                              "inconnu", "enorme"])
def test_reponse_a_est_le_numero_d_un_de_ses_messages(ent, reponse_a):
    refuse_sans_rien_changer(ent, "messagerie", lambda s: s.envoyer(
        LEA, DURAND, "Objet", "Texte", reponse_a=reponse_a), erreur=ErreurENT,
        match="reponse_a|Aucun message")


def test_reponse_a_un_message_d_un_autre_refusee(ent):
    messagerie = ent.service("messagerie")
    autre = messagerie.boite_de_reception(SOPHIE)[0]
    assert not autre.concerne(LEA)
    with pytest.raises(Introuvable, match="parmi les vôtres"):
        messagerie.envoyer(LEA, DURAND, "Objet", "Texte", reponse_a=autre.numero)
    recu = next(m for m in messagerie.boite_de_reception(LEA) if m.expediteur == DURAND)
    envoye = messagerie.envoyer(LEA, recu.expediteur, "RE", "Merci", reponse_a=recu.numero)
    assert envoye.reponse_a == recu.numero


@pytest.mark.parametrize("appel", [
    lambda ent: ent.etablissement.personne(MEGA),
    lambda ent: ent.etablissement.classe(MEGA),
    lambda ent: ent.service("forum").categorie(MEGA),
    lambda ent: ent.service("blog").blog(MEGA),
    lambda ent: ent.service("forum").sujet(LEA, ENORME),
    lambda ent: ent.service("notes").saisir_note(DURAND, LEA, 1, MEGA),
    lambda ent: ent.service("espace_documentaire").partager(DURAND, 1, MEGA),
    lambda ent: ent.autorisation.tableau_droits(None, Ressource.notes_de(LEA), MEGA),
    lambda ent: fiche("partie1").verifier(MEGA, 1),
    lambda ent: ent.deconnexion(poste=MEGA),
], ids=["personne", "classe", "categorie", "blog", "sujet", "note", "partage", "action",
        "question", "poste"])
def test_un_message_d_erreur_ne_repete_pas_une_valeur_de_1_mo(ent, appel):
    with pytest.raises(ErreurENT) as erreur:
        appel(ent)
    assert len(str(erreur.value)) < 400 and "x" * 61 not in str(erreur.value)


def test_une_reponse_refusee_ne_marque_pas_le_message_comme_lu(ent):
    """Avant : ``repondre`` ouvrait le message (il devenait « lu ») puis l'envoi était
    refusé ; l'opération refusée avait changé l'état de la boîte."""
    hugo = PERSONAS["autre_eleve"].identifiant
    messagerie = ent.service("messagerie")
    recu = next(m for m in messagerie.boite_de_reception(hugo)
                if not messagerie.est_lu(hugo, m.numero))
    for corps in ("", "Merci\udfff"):
        with pytest.raises(ValeurInvalide):
            messagerie.repondre(hugo, recu.numero, corps)
        assert not messagerie.est_lu(hugo, recu.numero)
