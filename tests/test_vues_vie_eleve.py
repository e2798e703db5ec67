"""Les vues du portail des services de la vie de l'élève, pilotées sans navigateur (par leurs
méthodes, celles qu'appellent les boutons) : chaque service s'ouvre pour chaque profil qui
l'utilise et montre les données du lycée de démonstration ; un parent ne voit jamais les
données d'une autre famille ; le texte saisi est affiché comme du texte ; chaque action est
annoncée en toutes lettres."""

import pytest

from entsim import ENT
from entsim.etablissement.annuaire import Profil
from entsim.widgets.vues import ContexteVue, classe_de_vue

SIG = "Management, sciences de gestion et numérique, enseignement spécifique SIG"
CODES = ("cahier_de_textes", "notes", "absences", "emploi_du_temps", "mediacentre", "cdi",
         "orientation")

#: (service, identifiant, un texte que la vue doit montrer) : un personnage de démonstration
#: pour chaque profil qui utilise le service d'après le catalogue.
OUVERTURES = [
    ("cahier_de_textes", "lea.martin", "Activer son compte ENT"),
    ("cahier_de_textes", "sophie.martin", "Travail à faire en TSTMG1"),
    ("cahier_de_textes", "nicolas.durand", "Lister les services de l'ENT"),
    ("cahier_de_textes", "philippe.lefevre", "Travail à faire en TSTMG1"),
    ("notes", "lea.martin", "Relevé de notes de Léa Martin (TSTMG1)"),
    ("notes", "sophie.martin", "Moyenne générale"),
    ("notes", "nicolas.durand", "Évaluation diagnostique : le système d'information"),
    ("notes", "isabelle.moreau", "Relevé de notes"),
    ("absences", "lea.martin", "Histoire-géographie et EMC — à justifier"),
    ("absences", "sophie.martin", "demi-journée d'absence"),
    ("absences", "nicolas.durand", "Absences et retards de TSTMG1"),
    ("absences", "thomas.lambert", "Léa Martin : Absence"),
    ("emploi_du_temps", "lea.martin", "Droit et économie (TSTMG1), Caroline Teixeira"),
    ("emploi_du_temps", "sophie.martin", "Semaine type de la classe TSTMG1"),
    ("emploi_du_temps", "nicolas.durand", "Semaine type de Nicolas Durand (10 h de cours)"),
    ("emploi_du_temps", "stephane.garnier", "29 heures de cours par semaine"),
    ("mediacentre", "lea.martin", "Droit et économie – Terminale STMG"),
    ("mediacentre", "nicolas.durand", "Banque de sujets et de corrigés"),
    ("mediacentre", "isabelle.moreau", "Kiosque de presse en ligne"),
    ("cdi", "lea.martin", "Les Misérables"),
    ("cdi", "sophie.martin", "Protéger ses données personnelles"),
    ("cdi", "nicolas.durand", "notices trouvées dans tout le catalogue"),
    ("cdi", "claire.fontaine", "Au Bonheur des Dames"),
    ("cdi", "isabelle.moreau", "Cybersécurité : les bons réflexes"),
    ("orientation", "lea.martin", "Forum des métiers du numérique"),
    ("orientation", "sophie.martin", "Stage d'observation de 3e : agence de communication"),
    ("orientation", "nicolas.durand", "Folios de Maëlys Alvarez"),
    ("orientation", "philippe.lefevre", "Folios de Maëlys Alvarez : 1 entrée."),
]


@pytest.fixture(scope="module")
def ent_lecture():
    return ENT.demo(cout="rapide")


@pytest.fixture
def ent():
    return ENT.demo(cout="rapide")


class Portail:
    """Ouvre les vues comme le fera le portail, et garde les annonces (écho texte)."""

    def __init__(self, ent, **options) -> None:
        self.ent = ent
        self.options = options
        self.annonces: list[str] = []

    def vue(self, identifiant: str, code: str):
        contexte = ContexteVue(self.ent, identifiant, annoncer=self.annonces.append,
                               **self.options)
        return classe_de_vue(code)(contexte, code)


@pytest.mark.parametrize("code, identifiant, attendu", OUVERTURES)
def test_chaque_service_s_ouvre_pour_chaque_profil(ent_lecture, code, identifiant, attendu):
    portail = Portail(ent_lecture)
    vue = portail.vue(identifiant, code)
    texte = vue.texte()
    assert attendu in texte
    assert "Accès refusé" not in texte and "⚠" not in texte
    assert portail.annonces and portail.annonces[-1] == vue.annonce.value


def test_les_ouvertures_couvrent_tous_les_profils_du_catalogue(ent_lecture):
    profils = {(code, ent_lecture.etablissement.personne(i).profil)
               for code, i, _ in OUVERTURES}
    for code in CODES:
        for profil in Profil:
            if ent_lecture.catalogue.usage(profil, code) != "aucun":
                assert (code, profil) in profils, (code, profil)


@pytest.mark.parametrize("code", CODES)
def test_un_invite_voit_un_refus_en_francais(ent_lecture, code):
    vue = Portail(ent_lecture).vue("marc.girard", code)
    assert vue.texte().splitlines()[1].startswith("Accès refusé : ")
    assert "Traceback" not in vue.texte() and "&lt;" not in vue.contenu.value


def test_pas_de_mediacentre_pour_les_parents(ent_lecture):
    vue = Portail(ent_lecture).vue("sophie.martin", "mediacentre")
    assert "n'est pas ouvert au profil Parent" in vue.texte()


def test_une_note_saisie_par_le_professeur_vue_par_l_eleve_et_sa_mere_seulement(ent):
    portail = Portail(ent)
    prof = portail.vue("nicolas.durand", "notes")
    assert prof.classe == "TSTMG1" and prof.discipline == SIG
    annonce = prof.creer_evaluation("Quiz : les services de l'ENT", "2")
    assert annonce == "Évaluation « Quiz : les services de l'ENT » créée en TSTMG1 " \
                      "(coefficient 2)."
    annonce = prof.saisir_note("lea.martin", prof.choix_evaluation.value, "17,5")
    assert annonce == "Note enregistrée : 17,5/20 pour Léa Martin (« Quiz : les services " \
                      "de l'ENT »)."
    assert portail.annonces[-1] == annonce == prof.annonce.value
    vue_de_la_note = "Quiz : les services de l'ENT (coef. 2, lun. 07/09) : 17,5"
    assert vue_de_la_note in portail.vue("lea.martin", "notes").texte()
    assert vue_de_la_note in portail.vue("sophie.martin", "notes").texte()
    karim = portail.vue("karim.bernard", "notes")
    assert "Hugo Bernard" in karim.texte() and "17,5" not in karim.texte()
    assert "Léa" not in karim.texte()
    assert karim.choisir_eleve("lea.martin") == \
        "Accès refusé : un parent ne voit que les notes de ses propres enfants."
    assert "Hugo" not in karim.texte() and "Léa Martin (TSTMG1)" not in karim.texte()


def test_saisie_invalide_annoncee(ent):
    prof = Portail(ent).vue("nicolas.durand", "notes")
    assert prof.saisir_note("lea.martin", prof.choix_evaluation.value, "vingt") \
        .startswith("⚠ Note illisible")
    assert prof.creer_evaluation("", "1").startswith("⚠")


def test_un_parent_de_deux_enfants_choisit_l_enfant(ent_lecture):
    vue = Portail(ent_lecture).vue("samira.haddad", "notes")
    assert [v for _, v in vue.choix_eleve.options] == ["ines.haddad", "yanis.haddad"]
    vue.choix_eleve.value = "yanis.haddad"             # comme un choix dans la liste
    assert "Relevé de notes de Yanis Haddad (2NDE3)" in vue.texte()
    edt = Portail(ent_lecture).vue("samira.haddad", "emploi_du_temps")
    assert edt.choisir("2NDE3").startswith("Emploi du temps de la classe 2NDE3")


def test_cahier_de_textes_publication_et_echappement(ent):
    portail = Portail(ent)
    prof = portail.vue("nicolas.durand", "cahier_de_textes")
    texte_saisi = "<script>alert('ENT')</script> Étude de cas"
    annonce = prof.ecrire(SIG, texte_saisi, "Lire le <b>document 1</b>", "")
    assert annonce.startswith("Séance du lundi 7 septembre 2026 publiée")
    lea = portail.vue("lea.martin", "cahier_de_textes")
    lea.afficher("seances")
    assert texte_saisi in lea.texte()
    assert "<script>" not in lea.contenu.value and "&lt;script&gt;" in lea.contenu.value
    assert "<b>document" not in lea.contenu.value
    karim = portail.vue("karim.bernard", "cahier_de_textes")
    assert karim.choisir_classe("2NDE3").startswith("Accès refusé : un parent ne voit que")


def test_absences_justification_et_traitement(ent):
    portail = Portail(ent)
    mere = portail.vue("sophie.martin", "absences")
    numero = mere.choix_a_justifier.value
    assert numero is not None
    annonce = mere.justifier(numero, "maladie", "<img src=x onerror=alert(1)> Fièvre")
    assert annonce.startswith("Justification envoyée (motif : Maladie) : l'absence du")
    assert "&lt;img" in mere.contenu.value and "<img" not in mere.contenu.value
    assert "justifiée par la famille, en attente de validation" in mere.texte()
    cpe = portail.vue("isabelle.moreau", "absences")
    assert cpe.choix_a_traiter.value == numero
    assert cpe.traiter(numero, True).endswith("justification acceptée par la vie scolaire.")
    assert "justification acceptée" in portail.vue("lea.martin", "absences").texte()
    eleve = portail.vue("lea.martin", "absences")
    assert len(eleve.controles.children) == 0          # un élève ne justifie pas
    prof = portail.vue("nicolas.durand", "absences")
    assert prof.signaler("hugo.bernard", "retard").startswith("Retard d'Hugo Bernard "
                                                              "enregistré le lun. 07/09")
    direction = portail.vue("philippe.lefevre", "absences")
    assert len(direction.controles.children) == 1      # consultation seulement


def test_mediacentre_ouverture_par_le_gar(ent):
    portail = Portail(ent)
    vue = portail.vue("lea.martin", "mediacentre")
    assert vue.ouvrir("msgn-sig-t").startswith("⚠ Aucune session ENT")
    ent.connexion("lea.martin", "Cahier!Vert2026")
    annonce = vue.ouvrir("msgn-sig-t")
    assert "ouverte sans nouvelle connexion" in annonce
    assert "Date de naissance — ENT : 14/03/2009 — éditeur : non transmis (filtré par le " \
           "GAR)" in vue.texte()
    assert "Profil — ENT : Élève — éditeur : Élève" in vue.texte()
    assert "Ce que reçoit l&#x27;éditeur" in vue.contenu.value


def test_cdi_recherche_et_catalogage(ent):
    portail = Portail(ent)
    lea = portail.vue("lea.martin", "cdi")
    assert not lea.documentaliste
    assert lea.rechercher("economie") == "2 notices trouvées pour « economie »."
    doc = portail.vue("claire.fontaine", "cdi")
    annonce = doc.ajouter_notice("Le <i>RGPD</i> expliqué", "Anne Roy", "Éditions X", "2025",
                                 "RGPD")
    assert annonce == "Notice « Le <i>RGPD</i> expliqué » ajoutée au catalogue (cote ROY)."
    assert "&lt;i&gt;RGPD" in doc.contenu.value
    assert doc.ajouter_notice("x", "y", annee="deux mille").startswith("⚠ L'année")


def test_folios_ajout_et_commentaire(ent):
    portail = Portail(ent)
    lea = portail.vue("lea.martin", "orientation")
    annonce = lea.ajouter("Journée portes ouvertes", "Portes ouvertes de l'IUT", "", "05/09/2026")
    assert annonce.startswith("Entrée « Portes ouvertes de l'IUT » ajoutée")
    prof = portail.vue("nicolas.durand", "orientation")
    prof.choix_eleve.value = "lea.martin"
    entree = next(v for l, v in prof.choix_entree.options if "Portes ouvertes" in l)
    assert prof.commenter(entree, "Bonne démarche") == \
        "Commentaire ajouté à « Portes ouvertes de l'IUT »."
    assert "Commentaire de Nicolas Durand : Bonne démarche" in \
        portail.vue("sophie.martin", "orientation").texte()


def test_emploi_du_temps_en_grille_lisible(ent_lecture):
    vue = Portail(ent_lecture, projection=True).vue("lea.martin", "emploi_du_temps")
    assert "<table" in vue.contenu.value and "Pause déjeuner" in vue.contenu.value
    assert "font-size:1.5em" in vue.contenu.value          # mode projection
    assert "Mercredi :" in vue.texte()


def test_les_statuts_sont_ecrits_en_toutes_lettres(ent_lecture):
    texte = Portail(ent_lecture).vue("thomas.lambert", "absences").texte()
    assert "à justifier" in texte and "justification acceptée par la vie scolaire" in texte
