"""Vues du portail des services de communication et de collaboration, pilotées sans
navigateur (par leurs méthodes et leurs boutons) : chaque profil qui utilise un service
l'ouvre et y voit les données de l'établissement de démonstration ; chaque action est
annoncée en français ; le texte saisi est affiché comme du texte."""

import ipywidgets as widgets
import pytest

from entsim import ENT
from entsim.etablissement.annuaire import Profil
from entsim.etablissement.generation import PERSONAS
from entsim.widgets.vues import ContexteVue, classe_de_vue

CODES = ("messagerie", "actualites", "agenda", "forum", "blog", "espace_documentaire",
         "casier")

#: Le personnage qui représente chaque profil.
PERSONA_DU_PROFIL = {Profil.ELEVE: "eleve", Profil.PARENT: "mere",
                     Profil.ENSEIGNANT: "professeur_principal", Profil.PERSONNEL: "cpe",
                     Profil.INVITE: "partenaire"}

#: (service, profil) → ce que le personnage du profil doit voir en ouvrant la vue.
ATTENDU = {
    ("messagerie", Profil.ELEVE): "Projet SIG : documents de rentrée",
    ("messagerie", Profil.PARENT): "RE : Absence de Léa jeudi matin",
    ("messagerie", Profil.ENSEIGNANT): "de Sophie Martin — Absence de Léa jeudi matin",
    ("messagerie", Profil.PERSONNEL): "Boîte de réception : 0 message.",
    ("messagerie", Profil.INVITE): "RE : Liaison collège-lycée",
    ("actualites", Profil.ELEVE): "Activez votre compte ENT",
    ("actualites", Profil.PARENT): "Restauration scolaire : inscriptions et tarifs",
    ("actualites", Profil.ENSEIGNANT): "Réunion parents-professeurs",
    ("actualites", Profil.PERSONNEL): "Élections des délégués de classe",
    ("actualites", Profil.INVITE): "Intervention sur les risques numériques",
    ("agenda", Profil.ELEVE): "Révisions SIG avec Inès",
    ("agenda", Profil.PARENT): "Réunion parents-professeurs — TSTMG1",
    ("agenda", Profil.ENSEIGNANT): "Corriger les copies de TSTMG1",
    ("agenda", Profil.PERSONNEL): "Conseil pédagogique",
    ("forum", Profil.ELEVE): "Authentification ou autorisation ?",
    ("forum", Profil.ENSEIGNANT): "Vous modérez cette catégorie.",
    ("forum", Profil.PERSONNEL): "Le schéma du SSO pour la question 15",
    ("blog", Profil.ELEVE): "Préparer la visite d'entreprise",
    ("blog", Profil.PARENT): "Vous pouvez lire ce blog (sans commenter).",
    ("blog", Profil.ENSEIGNANT): "Vous pouvez publier des billets et commenter.",
    ("blog", Profil.PERSONNEL): "Bienvenue sur le blog de la TSTMG1",
    ("blog", Profil.INVITE): "Vérifier une information en ligne",
    ("espace_documentaire", Profil.ELEVE): "CV_stage.odt",
    ("espace_documentaire", Profil.PARENT): "Attestation_assurance_scolaire.pdf",
    ("espace_documentaire", Profil.ENSEIGNANT): "Progression_annuelle.ods",
    ("espace_documentaire", Profil.PERSONNEL): "Vie scolaire — protocoles",
    ("espace_documentaire", Profil.INVITE): "Rien ici pour l'instant.",
    ("casier", Profil.ELEVE): "Mes dépôts : 0.",
    ("casier", Profil.ENSEIGNANT): "Exercice_rentree_Bernard_Hugo.ipynb",
    ("casier", Profil.PERSONNEL): "Profession_de_foi_delegue.pdf",
}


@pytest.fixture
def ent():
    return ENT.demo(cout="rapide")


def ouvrir(ent, role_ou_identifiant, code, **options):
    ident = PERSONAS[role_ou_identifiant].identifiant if role_ou_identifiant in PERSONAS \
        else role_ou_identifiant
    annonces = []
    vue = classe_de_vue(code)(ContexteVue(ent, ident, annoncer=annonces.append, **options),
                              code)
    return vue, annonces


def bouton(vue, libelle):
    trouves = [w for w in _descendants(vue.vue) if isinstance(w, widgets.Button)
               and w.description == libelle]
    assert trouves, f"pas de bouton « {libelle} »"
    return trouves[0]


def _descendants(widget):
    yield widget
    for enfant in getattr(widget, "children", ()):
        yield from _descendants(enfant)


def test_le_tableau_couvre_chaque_profil_qui_utilise_chaque_service(ent):
    for code in CODES:
        assert classe_de_vue(code).__module__ == f"entsim.widgets.vues.{code}"
        for profil in Profil:
            utilise = ent.catalogue.usage(profil, code) != "aucun"
            assert ((code, profil) in ATTENDU) == utilise, (code, profil)


@pytest.mark.parametrize("code, profil", sorted(ATTENDU, key=lambda c: (c[0], c[1].name)))
def test_chaque_profil_ouvre_le_service_avec_les_donnees_de_demo(ent, code, profil):
    vue, _ = ouvrir(ent, PERSONA_DU_PROFIL[profil], code)
    assert isinstance(vue.vue, widgets.VBox)
    texte = vue.texte()
    assert ATTENDU[(code, profil)] in texte
    assert "Refusé" not in texte and "Traceback" not in texte


@pytest.mark.parametrize("code, role", [("forum", "mere"), ("agenda", "invite"),
                                        ("casier", "mere"), ("forum", "invite")])
def test_un_profil_sans_acces_lit_une_phrase_et_pas_une_trace(ent, code, role):
    vue, _ = ouvrir(ent, role, code)
    assert "✗ Refusé : Le service" in vue.texte()
    assert "pas ouvert au profil" in vue.contenu.value


def test_envoyer_un_message_le_destinataire_le_voit(ent):
    mere, annonces = ouvrir(ent, "mere", "messagerie")
    assert any(v == "nicolas.durand" for _, v in mere.destinataires.options)
    mere.destinataires.value = ("nicolas.durand",)
    mere.objet.value = "Sortie du 7 octobre"
    mere.corps.value = "Léa viendra, autorisation signée."
    bouton(mere, "Envoyer").click()
    assert annonces[-1] == "✓ Message « Sortie du 7 octobre » envoyé à Nicolas Durand."
    assert mere.annonce.value == annonces[-1]
    prof, _ = ouvrir(ent, "professeur_principal", "messagerie")
    assert "de Sophie Martin — Sortie du 7 octobre" in prof.texte()
    numero = next(n for libelle, n in prof.liste.options if "Sortie du 7 octobre" in libelle)
    prof.ouvrir(numero)
    assert "Léa viendra, autorisation signée." in prof.texte()
    assert prof.repondre("Merci !").startswith("✓ Réponse envoyée à Sophie Martin")


def test_destinataire_interdit_refus_en_francais(ent):
    eleve, annonces = ouvrir(ent, "eleve", "messagerie")
    assert all(v != "hugo.bernard" for _, v in eleve.destinataires.options)
    eleve.autre.value = "hugo.bernard"
    eleve.objet.value = "Devoir"
    eleve.corps.value = "Tu as fini ?"
    bouton(eleve, "Envoyer").click()
    assert annonces[-1].startswith("✗ Refusé : Un élève ne peut pas écrire à un autre élève")
    assert "Refusé" in eleve.texte()
    autre, _ = ouvrir(ent, "autre_eleve", "messagerie")
    assert "Devoir" not in autre.texte()


def test_personne_n_ouvre_le_message_d_un_autre(ent):
    mere, _ = ouvrir(ent, "mere", "messagerie")
    numero = mere.liste.options[0][1]
    proviseur, annonces = ouvrir(ent, "proviseur", "messagerie")
    assert proviseur.ouvrir(numero).startswith("✗ Refusé : Personne ne lit les messages privés")


def test_le_texte_saisi_n_est_jamais_interprete(ent):
    eleve, _ = ouvrir(ent, "eleve", "forum")
    eleve.ouvrir_sujet(1)
    eleve.reponse.value = "<script>alert('pirate')</script> <b>gras</b>"
    bouton(eleve, "Répondre").click()
    assert "<script>alert('pirate')</script>" in eleve.texte()      # lu comme du texte
    assert "<script>" not in eleve.fil.value and "<b>gras" not in eleve.fil.value
    assert "&lt;script&gt;" in eleve.fil.value
    mere, _ = ouvrir(ent, "mere", "messagerie")
    mere.envoyer(["nicolas.durand"], "<img src=x onerror=alert(1)>", "<script>x</script>")
    prof, _ = ouvrir(ent, "professeur_principal", "messagerie")
    prof.ouvrir(prof.liste.options[0][1])
    assert "<img" not in prof.contenu.value + prof.lecture.value
    assert "<script>" not in prof.lecture.value and "&lt;script&gt;x" in prof.lecture.value


def test_forum_poster_et_moderer(ent):
    eleve, annonces = ouvrir(ent, "eleve", "forum")
    assert eleve.moderation.layout.display == "none"
    reponse = eleve.nouveau_sujet("Idée pour la question 3",
                                  "Utiliser le forum pour réviser ensemble.")
    assert reponse == "✓ Sujet « Idée pour la question 3 » publié dans « Entraide SIG TSTMG1 »."
    assert eleve.masquer(1, "test").startswith("✗ Refusé : Dans « Entraide SIG TSTMG1 »")
    prof, _ = ouvrir(ent, "professeur_principal", "forum")
    assert prof.moderation.layout.display is None
    numero = [m for m in prof.service.messages(prof.identifiant, 1)][-1].numero
    assert prof.masquer(numero, "Hors sujet").startswith("✓ Message n° ")
    camarade, _ = ouvrir(ent, "autre_eleve", "forum")
    camarade.ouvrir_sujet(1)
    assert "Message masqué par la modération." in camarade.texte()


def test_partager_un_document_l_autre_le_voit(ent):
    eleve, annonces = ouvrir(ent, "eleve", "espace_documentaire")
    eleve.nom_fichier.value = "Expose_ENT.odp"
    eleve.taille_ko.value = 120
    bouton(eleve, "Déposer").click()
    assert annonces[-1] == ("✓ Fichier « Expose_ENT.odp » déposé : Mes documents / "
                            "Expose_ENT.odp (120 Ko).")
    numero = next(n for nom, n in eleve.choix_element.options if nom == "Expose_ENT.odp")
    prof, _ = ouvrir(ent, "professeur_principal", "espace_documentaire")
    prof.afficher("partages")
    assert "Expose_ENT.odp" not in prof.texte()
    assert eleve.partager(numero, "nicolas.durand", "lire") == \
        "✓ « Expose_ENT.odp » partagé avec Nicolas Durand en lecture."
    prof.afficher("partages")
    assert "Expose_ENT.odp — Présentation (LibreOffice), 120 Ko — propriétaire : Léa Martin" \
        in prof.texte()
    assert eleve.partager(numero, "hugo.bernard").startswith("✗ Refusé : On ne partage")
    assert eleve.deposer("../../secret.txt", 1).startswith("⚠ Impossible : Le nom du fichier")


def test_dossier_partage_en_lecture_seule(ent):
    eleve, _ = ouvrir(ent, "eleve", "espace_documentaire")
    eleve.afficher("partages")
    dossier = eleve.choix_element.options[0][1]
    assert eleve.ouvrir(dossier).startswith("✓ Dossier « SIG — Documents de la TSTMG1 »")
    assert "Fiche_seance_ENT.ipynb" in eleve.texte()
    assert eleve.deposer("copie.pdf", 5).startswith("✗ Refusé : Ce dossier est partagé avec "
                                                     "vous en lecture seulement")
    assert eleve.remonter() == "Retour à : Partagés avec moi."


def test_dossier_d_un_autre_ouvert_par_son_numero_ni_nom_ni_proprietaire(ent):
    """Avant : la vue lisait l'élément sans contrôle, et le refus nommait sa propriétaire
    (« Léa Martin n'a pas partagé ce dossier avec vous »)."""
    eleve, _ = ouvrir(ent, "eleve", "espace_documentaire")
    cours = next(n for nom, n in eleve.choix_element.options if nom == "Cours")
    prof, _ = ouvrir(ent, "professeur_principal", "espace_documentaire")
    phrase = prof.ouvrir(cours)
    assert phrase.startswith("✗ Refusé : Cet élément (document ou dossier) n'a pas été "
                             "partagé avec vous")
    assert "Cours" not in prof.texte() and "Léa" not in prof.texte()


def test_naviguer_dans_un_dossier_partage_sans_refus_au_journal(ent):
    """Entrer dans un sous-dossier d'un dossier partagé puis remonter : chemins justes pour
    celle à qui le dossier est partagé, et aucune ligne « accès refusé » à son nom."""
    ines, _ = ouvrir(ent, "eleve_fratrie", "espace_documentaire")
    ines.afficher("partages")
    projet = next(n for nom, n in ines.choix_element.options if nom.startswith("Projet"))
    assert ines.ouvrir(projet).startswith("✓ Dossier « Projet SIG — groupe 1 » ouvert")
    assert ines.creer_dossier("Sources") == "✓ Dossier « Sources » créé."
    sources = next(n for nom, n in ines.choix_element.options if nom == "Sources")
    ines.ouvrir(sources)
    assert "Partagé par Nicolas Durand / Projet SIG — groupe 1 / Sources" in ines.texte()
    assert ines.remonter() == "Retour à : Partagé par Nicolas Durand / Projet SIG — groupe 1."
    assert ines.remonter() == "Retour à : Partagés avec moi."
    assert not [l for l in ent.journal.filtrer()
                if l.operation == "acces_refuse" and l.identite == ines.identifiant]


def test_depot_au_casier_invisible_aux_camarades(ent):
    eleve, annonces = ouvrir(ent, "eleve", "casier")
    eleve.destinataire.value = "nicolas.durand"
    eleve.nom_fichier.value = "Fiche_ENT_Martin_Lea.ipynb"
    bouton(eleve, "Déposer").click()
    assert annonces[-1].startswith("✓ « Fiche_ENT_Martin_Lea.ipynb » déposé dans le casier "
                                   "de Nicolas Durand le lundi 7 septembre 2026")
    assert "Mes dépôts : 1." in eleve.texte()
    prof, _ = ouvrir(ent, "professeur_principal", "casier")
    assert "TSTMG1 — Léa Martin — Fiche_ENT_Martin_Lea.ipynb" in prof.texte()
    camarade, _ = ouvrir(ent, "autre_eleve", "casier")
    assert "Fiche_ENT_Martin_Lea" not in camarade.texte()
    assert "Exercice_rentree_Bernard_Hugo.ipynb" in camarade.texte()     # le sien seulement
    assert "Exercice_rentree_Haddad_Ines" not in camarade.texte()
    assert eleve.retirer(eleve.service.mes_depots(eleve.identifiant)[0].numero) \
        .startswith("✗ Refusé : Le dépôt « Fiche_ENT_Martin_Lea.ipynb » est horodaté")


def test_agenda_et_actualites_actions(ent):
    prof, annonces = ouvrir(ent, "professeur_principal", "agenda")
    assert [v for _, v in prof.portee.options] == ["personnel", "TSTMG1"]
    assert prof.ajouter("Devoir surveillé", "2026-10-02", "14 h 30", "TSTMG1") == (
        "✓ Événement « Devoir surveillé » ajouté dans l'agenda de la classe TSTMG1 : "
        "vendredi 2 octobre 2026 à 14 h 30 – 15 h 30.")
    assert prof.ajouter("X", "2026-10-02", "25:00").startswith("⚠ Impossible : Heure illisible")
    mere, _ = ouvrir(ent, "mere", "agenda")
    assert "Devoir surveillé" in mere.texte()
    assert mere.ajouter("Rendez-vous", "2026-10-02", "9:00").startswith("✗ Refusé")
    eleve, _ = ouvrir(ent, "eleve", "actualites")
    assert eleve.publier("Fête", "Venez !", ["Élève"]).startswith("✗ Refusé : Le profil Élève "
                                                                  "peut seulement lire")
    cpe, _ = ouvrir(ent, "cpe", "actualites")
    assert cpe.publier("Photos de classe", "Jeudi 17 septembre.", ["Élève", "Parent"]) == \
        "✓ Article « Photos de classe » publié pour : Élève, Parent."
    eleve.rafraichir()
    assert "Photos de classe" in eleve.texte()


def test_blog_commenter_et_publier(ent):
    eleve, _ = ouvrir(ent, "eleve", "blog")
    eleve.commentaire.value = "Hâte d'y être <3"
    bouton(eleve, "Commenter").click()
    assert eleve.annonce.value.startswith("✓ Commentaire publié sous")
    assert "Commentaire de Léa Martin" in eleve.texte() and "&lt;3" in eleve.contenu.value
    assert eleve.publier("Mon billet", "Texte").startswith("✗ Refusé : Seuls les contributeurs")
    assert eleve.choisir_blog("cdi") == "✓ Blog « Au CDI — lire, chercher, s'informer » : " \
                                        "2 billets."
    mere, _ = ouvrir(ent, "mere", "blog")
    assert mere.zone_commentaire.layout.display == "none"
    assert mere.commenter(1, "Merci").startswith("✗ Refusé : Le profil Parent")


def test_mode_projection_plus_grand(ent):
    vue, _ = ouvrir(ent, "eleve", "messagerie", projection=True)
    assert "font-size:1.4em" in vue.contenu.value
    assert vue.annonce.style.font_size == "1.4em"
    normale, _ = ouvrir(ent, "eleve", "messagerie")
    assert "font-size:1em" in normale.contenu.value


@pytest.mark.parametrize("code", CODES)
def test_meme_graine_meme_vue(code):
    role = "professeur_principal"
    assert ouvrir(ENT.demo(cout="rapide"), role, code)[0].texte() == \
        ouvrir(ENT.demo(cout="rapide"), role, code)[0].texte()
