"""Services de communication et de collaboration (messagerie, actualités, agenda, forum, blog,
espace documentaire, casier) : données de démonstration, droits, journal, déterminisme."""

from datetime import datetime

import pytest

from entsim import ENT
from entsim.socle.erreurs import AccesRefuse, Introuvable, ValeurInvalide
from entsim.etablissement.generation import PERSONAS

LEA = PERSONAS["eleve"].identifiant
HUGO = PERSONAS["autre_eleve"].identifiant
INES = PERSONAS["eleve_fratrie"].identifiant
YANIS = PERSONAS["frere"].identifiant
SOPHIE = PERSONAS["mere"].identifiant
KARIM = PERSONAS["autre_parent"].identifiant
SAMIRA = PERSONAS["mere_fratrie"].identifiant
DURAND = PERSONAS["professeur_principal"].identifiant
CPE = PERSONAS["cpe"].identifiant
PROVISEUR = PERSONAS["proviseur"].identifiant
GESTIONNAIRE = PERSONAS["gestionnaire"].identifiant
DOC = PERSONAS["documentaliste"].identifiant
AED = PERSONAS["vie_scolaire"].identifiant
PARTENAIRE = PERSONAS["partenaire"].identifiant
INVITE = PERSONAS["invite"].identifiant


@pytest.fixture
def ent():
    return ENT.demo(cout="rapide")


def derniere(ent, operation):
    return [e for e in ent.journal.filtrer() if e.operation == operation][-1]


# -- messagerie ------------------------------------------------------------------------------

def test_boites_de_demo(ent):
    m = ent.service("messagerie")
    objets_sophie = [x.objet for x in m.boite_de_reception(SOPHIE)]
    assert "RE : Absence de Léa jeudi matin" in objets_sophie
    assert "Absence de Léa jeudi matin" in [x.objet for x in m.messages_envoyes(SOPHIE)]
    assert "Projet SIG : documents de rentrée" in [x.objet for x in m.boite_de_reception(LEA)]
    assert "Liaison collège-lycée" in [x.objet for x in m.boite_de_reception(PROVISEUR)]
    assert m.non_lus(SOPHIE) >= 1


def test_les_messages_de_demo_respectent_la_matrice(ent):
    m = ent.service("messagerie")
    tous = {x.numero: x for ident in ent.etablissement.personnes
            for x in m.messages_envoyes(ident)}
    assert len(tous) >= 10
    for message in tous.values():
        for dest in message.destinataires:
            assert ent.autorisation.peut_ecrire_a(message.expediteur, dest).autorise


def test_personne_ne_lit_la_boite_d_un_autre_pas_meme_le_proviseur(ent):
    m = ent.service("messagerie")
    with pytest.raises(AccesRefuse) as refus:
        m.boite_de_reception(PROVISEUR, de=LEA)
    assert "pas même le chef d'établissement" in str(refus.value)
    assert refus.value.decision.code == "hors_perimetre"
    entree = derniere(ent, "acces_refuse")
    assert entree.identite == PROVISEUR and entree.service == "messagerie"
    numero = m.boite_de_reception(SOPHIE)[0].numero
    with pytest.raises(AccesRefuse):
        m.lire(KARIM, numero)


def test_envoyer_dans_la_matrice(ent):
    m = ent.service("messagerie")
    assert DURAND in m.destinataires_possibles(SOPHIE)
    assert m.destinataires_possibles(SOPHIE) == ent.autorisation.destinataires_possibles(SOPHIE)
    avant = m.non_lus(DURAND)
    message = m.envoyer(SOPHIE, DURAND, "Sortie", "Léa pourra-t-elle venir ?")
    assert message in m.boite_de_reception(DURAND)
    assert m.non_lus(DURAND) == avant + 1
    m.lire(DURAND, message.numero)
    assert m.non_lus(DURAND) == avant
    entree = derniere(ent, "message_envoye")
    assert entree.identite == SOPHIE and "Nicolas Durand" in entree.detail
    assert "Léa pourra" not in entree.detail          # le journal ne garde pas le texte privé
    reponse = m.repondre(DURAND, message.numero, "Oui, bien sûr.")
    assert reponse.objet == "RE : Sortie" and reponse.destinataires == (SOPHIE,)


def test_envoyer_hors_matrice_est_refuse_et_rien_n_est_envoye(ent):
    m = ent.service("messagerie")
    avant = len(m.boite_de_reception(HUGO))
    with pytest.raises(AccesRefuse) as refus:
        m.envoyer(LEA, [DURAND, HUGO], "Devoir", "Tu as fait l'exercice ?")
    assert "Un élève ne peut pas écrire à un autre élève" in str(refus.value)
    assert refus.value.decision.code == "communication_non_autorisee"
    assert len(m.boite_de_reception(HUGO)) == avant
    assert not [x for x in m.boite_de_reception(DURAND) if x.objet == "Devoir"]
    with pytest.raises(AccesRefuse, match="parmi les élèves, qu'à ses propres enfants"):
        m.envoyer(SOPHIE, HUGO, "Bonjour", "…")


def test_envoyer_verifie_la_saisie(ent):
    m = ent.service("messagerie")
    with pytest.raises(ValeurInvalide, match="ne peut pas être vide"):
        m.envoyer(SOPHIE, DURAND, "Objet", "   ")
    with pytest.raises(ValeurInvalide, match="au moins un destinataire"):
        m.envoyer(SOPHIE, [], "Objet", "Texte")
    with pytest.raises(Introuvable):
        m.envoyer(SOPHIE, "personne.inconnue", "Objet", "Texte")


# -- actualités -------------------------------------------------------------------------------

def test_actualites_selon_le_public(ent):
    a = ent.service("actualites")
    titres = {ident: [x.titre for x in a.articles_visibles(ident)]
              for ident in (LEA, SOPHIE, INVITE, DURAND, PROVISEUR)}
    assert "Restauration scolaire : inscriptions et tarifs" in titres[SOPHIE]
    assert "Restauration scolaire : inscriptions et tarifs" not in titres[LEA]
    assert "Activez votre compte ENT" in titres[LEA]
    assert titres[INVITE] == ["Intervention sur les risques numériques", "Bonne rentrée 2026 !"]
    assert len(titres[PROVISEUR]) == 7                   # la direction voit tout le fil


def test_publier_une_actualite(ent):
    a = ent.service("actualites")
    with pytest.raises(AccesRefuse, match="peut seulement lire"):
        a.publier(LEA, "Fête", "Venez !", ["Élève"])
    article = a.publier(DURAND, "Sortie du 7 octobre", "Prévoir un pique-nique.", ["Parent"])
    assert article in a.articles_visibles(SOPHIE)
    assert article not in a.articles_visibles(LEA)
    assert derniere(ent, "publication_ajoutee").identite == DURAND
    with pytest.raises(ValeurInvalide, match="Profil inconnu"):
        a.publier(DURAND, "Titre", "Texte", ["Martien"])


# -- agenda -----------------------------------------------------------------------------------

def test_agenda_selon_le_besoin_d_en_connaitre(ent):
    g = ent.service("agenda")
    titres = {ident: [x.titre for x in g.evenements_visibles(ident)]
              for ident in (LEA, SOPHIE, SAMIRA, DURAND, CPE)}
    assert "Révisions SIG avec Inès" in titres[LEA]
    assert "Révisions SIG avec Inès" not in titres[SOPHIE]      # agenda personnel
    assert "Réunion parents-professeurs — TSTMG1" in titres[SOPHIE]
    assert "Réunion parents-professeurs — TSTMG1" not in titres[LEA]
    assert {"Réunion parents-professeurs — TSTMG1",
            "Réunion parents-professeurs — 2NDE3"} <= set(titres[SAMIRA])   # deux enfants
    assert "Conseil pédagogique" in titres[DURAND] and "Conseil pédagogique" not in titres[LEA]
    assert "Réunion parents-professeurs — 2NDE3" not in titres[DURAND]
    assert "Réunion parents-professeurs — 2NDE3" in titres[CPE]
    with pytest.raises(AccesRefuse, match="pas ouvert au profil Invité"):
        g.evenements_visibles(INVITE)


def test_ajouter_un_evenement(ent):
    g = ent.service("agenda")
    jour = datetime(2026, 10, 2, 14, 0)
    perso = g.ajouter(LEA, "Dentiste", jour)
    assert perso in g.evenements_visibles(LEA) and perso not in g.evenements_visibles(HUGO)
    with pytest.raises(AccesRefuse, match="agenda personnel"):
        g.ajouter(LEA, "Fête de classe", jour, classe="TSTMG1")
    with pytest.raises(AccesRefuse, match="peut seulement lire"):
        g.ajouter(SOPHIE, "Rendez-vous", jour)
    with pytest.raises(AccesRefuse, match="pas en 2NDE3"):
        g.ajouter(DURAND, "Devoir", jour, classe="2NDE3")
    devoir = g.ajouter(DURAND, "Devoir surveillé", jour, classe="TSTMG1", categorie="Examen")
    assert devoir in g.evenements_visibles(SOPHIE) and devoir not in g.evenements_visibles(YANIS)
    with pytest.raises(ValeurInvalide, match="après son début"):
        g.ajouter(LEA, "À l'envers", jour, datetime(2026, 10, 2, 13, 0))


# -- forum ------------------------------------------------------------------------------------

def test_forum_categories_et_membres(ent):
    f = ent.service("forum")
    assert [c.titre for c in f.categories(LEA)] == ["Entraide SIG TSTMG1", "Vie du lycée"]
    assert "Salle des professeurs" in [c.titre for c in f.categories(DURAND)]
    sujets = [s.titre for s in f.sujets(LEA, "entraide_tstmg1")]
    assert "Authentification ou autorisation ?" in sujets
    with pytest.raises(AccesRefuse, match="pas ouvert au profil Parent"):
        f.categories(SOPHIE)
    with pytest.raises(AccesRefuse, match="réservée aux membres de la classe TSTMG1"):
        f.sujets(YANIS, "entraide_tstmg1")


def test_un_eleve_poste_et_repond(ent):
    f = ent.service("forum")
    sujet = f.creer_sujet(LEA, "vie_du_lycee", "Un club ENT ?",
                          "On pourrait utiliser le forum pour s'entraider.")
    assert sujet in f.sujets(HUGO, "vie_du_lycee")
    reponse = f.repondre(HUGO, sujet.numero, "Bonne idée !")
    assert [m.auteur for m in f.messages(LEA, sujet.numero)] == [LEA, HUGO]
    assert reponse.texte == "Bonne idée !"


def test_moderation(ent):
    f = ent.service("forum")
    sujet = next(s for s in f.sujets(LEA, "entraide_tstmg1")
                 if s.titre == "Authentification ou autorisation ?")
    message = f.repondre(HUGO, sujet.numero, "Réponse hors sujet")
    with pytest.raises(AccesRefuse, match="seuls les modérateurs"):
        f.masquer(LEA, message.numero, "Je n'aime pas")
    f.masquer(DURAND, message.numero, "Hors sujet")
    assert f.texte_de(LEA, message) == "Message masqué par la modération."
    assert "motif : Hors sujet" in f.texte_de(HUGO, message)       # l'auteur sait pourquoi
    entree = derniere(ent, "publication_masquee")
    assert entree.identite == DURAND and "Hors sujet" in entree.detail
    f.retablir(DURAND, message.numero)
    assert f.texte_de(LEA, message) == "Réponse hors sujet"
    with pytest.raises(ValeurInvalide, match="ne peut pas être vide"):
        f.masquer(DURAND, message.numero, " ")


# -- blog -------------------------------------------------------------------------------------

def test_blog_lecteurs_et_auteurs(ent):
    b = ent.service("blog")
    assert [x.code for x in b.blogs(SOPHIE)] == ["classe_tstmg1", "cdi"]
    assert [x.code for x in b.blogs(INVITE)] == ["cdi"]
    with pytest.raises(AccesRefuse, match="n'est partagé qu'avec la classe TSTMG1"):
        b.billets(YANIS, "classe_tstmg1")
    billet = b.billets(LEA, "classe_tstmg1")[0]
    with pytest.raises(AccesRefuse, match="peut seulement lire"):
        b.commenter(SOPHIE, billet.numero, "Merci")
    with pytest.raises(AccesRefuse, match="Seuls les contributeurs"):
        b.publier(LEA, "classe_tstmg1", "Mon billet", "Texte")
    commentaire = b.commenter(LEA, billet.numero, "Hâte d'y être !")
    assert commentaire in b.commentaires(SOPHIE, billet.numero)
    nouveau = b.publier(DURAND, "classe_tstmg1", "Photos de la sortie", "Les voici.")
    assert b.billets(SOPHIE, "classe_tstmg1")[0] == nouveau


# -- espace documentaire ----------------------------------------------------------------------

def test_documents_de_demo(ent):
    d = ent.service("espace_documentaire")
    assert [x.nom for x in d.mes_documents(LEA)] == ["Cours", "CV_stage.odt"]
    partages = {x.nom for x in d.partages_avec_moi(LEA)}
    assert partages == {"SIG — Documents de la TSTMG1"}
    assert "Projet SIG — groupe 1" in {x.nom for x in d.partages_avec_moi(INES)}
    cours = d.mes_documents(LEA)[0]
    with pytest.raises(AccesRefuse, match="n'a pas été partagé avec vous") as refus:
        d.contenu(PROVISEUR, cours.numero)                  # même le chef d'établissement
    assert "Léa" not in str(refus.value)                    # ni nom ni propriétaire (besoin
    #                                                         d'en connaître)
    assert [x.nom for x in d.contenu(LEA, cours.numero)] == ["Notes_SIG_chapitre1.odt"]


def test_deposer_partager_et_l_autre_voit(ent):
    d = ent.service("espace_documentaire")
    doc = d.deposer(LEA, "Expose_ENT.odp", 120_000)
    assert doc.fichier.libelle_type == "Présentation (LibreOffice)"
    assert doc not in d.partages_avec_moi(DURAND)
    with pytest.raises(AccesRefuse, match="n'a pas été partagé"):
        d.ouvrir(DURAND, doc.numero)
    d.partager(LEA, doc.numero, DURAND, "lire")
    assert doc in d.partages_avec_moi(DURAND)
    assert d.ouvrir(DURAND, doc.numero) is doc
    assert derniere(ent, "partage_modifie").identite == LEA
    with pytest.raises(AccesRefuse, match="matrice de communication"):
        d.partager(LEA, doc.numero, HUGO)                   # élève → élève : lien fermé
    with pytest.raises(AccesRefuse, match="groupe entier"):
        d.partager(LEA, doc.numero, "TSTMG1")
    d.retirer_partage(LEA, doc.numero, DURAND)
    assert doc not in d.partages_avec_moi(DURAND)


def test_droits_lire_contribuer_gerer(ent):
    d = ent.service("espace_documentaire")
    sig = next(x for x in d.partages_avec_moi(LEA) if x.nom.startswith("SIG"))
    with pytest.raises(AccesRefuse, match="en lecture seulement"):
        d.deposer(LEA, "copie.pdf", 10, dossier=sig.numero)
    projet = next(x for x in d.partages_avec_moi(INES) if x.nom.startswith("Projet"))
    depot = d.deposer(INES, "Recherches.odt", 2048, dossier=projet.numero)
    assert depot.proprietaire == INES
    assert depot in d.contenu(DURAND, projet.numero)
    with pytest.raises(AccesRefuse):
        d.contenu(LEA, projet.numero)
    with pytest.raises(AccesRefuse, match="droit de gestion"):
        d.partager(INES, projet.numero, DURAND)
    classeur = d.deposer(DURAND, "Bareme.ods", 4096)
    d.partager(DURAND, classeur.numero, "TSTMG1", "lire")
    assert classeur in d.partages_avec_moi(LEA) and classeur not in d.partages_avec_moi(YANIS)


@pytest.mark.parametrize("nom, message", [
    ("", "ne peut pas être vide"),
    ("   ", "ne peut pas être vide"),
    ("../../etc/passwd", "n'est pas un chemin"),
    ("dossier\\devoir.pdf", "n'est pas un chemin"),
    ("..", "désignent des dossiers"),
    ("devoir\n.pdf", "caractère invisible"),
    ("devoir?.pdf", "caractères interdits"),
    ("x" * 300 + ".pdf", "trop long"),
    ("NUL.txt", "réservé par Windows"),
    ("devoir.", "finir par un point"),
])
def test_noms_de_fichier_refuses_en_francais(ent, nom, message):
    with pytest.raises(ValeurInvalide, match=message):
        ent.service("espace_documentaire").deposer(LEA, nom, 100)


def test_taille_de_fichier_absurde(ent):
    d = ent.service("espace_documentaire")
    with pytest.raises(ValeurInvalide, match="trop volumineux"):
        d.deposer(LEA, "film.mp4", 10**10)
    with pytest.raises(ValeurInvalide, match="au moins 0"):
        d.deposer(LEA, "vide.txt", -1)


# -- casier -----------------------------------------------------------------------------------

def test_casier_du_professeur(ent):
    c = ent.service("casier")
    recus = c.depots_recus(DURAND)
    assert len(recus) == 5 and all(x.fichier.nom.endswith(".ipynb") for x in recus)
    assert DURAND in c.destinataires_possibles(LEA)
    assert SOPHIE not in c.destinataires_possibles(LEA)         # un parent n'a pas de casier


def test_depot_d_un_eleve_invisible_aux_camarades(ent):
    c = ent.service("casier")
    depot = c.deposer(LEA, DURAND, "Fiche_ENT_Martin_Lea.ipynb", 40_000, commentaire="Ma fiche")
    assert depot in c.depots_recus(DURAND)
    assert depot in c.mes_depots(LEA) and depot not in c.mes_depots(HUGO)
    with pytest.raises(AccesRefuse, match="Seul son propriétaire"):
        c.depots_recus(HUGO, de=DURAND)
    with pytest.raises(AccesRefuse, match="définitif"):
        c.retirer(LEA, depot.numero)
    assert depot in c.depots_recus(DURAND)
    assert derniere(ent, "depot_casier").identite == LEA
    with pytest.raises(AccesRefuse, match="n'a pas de casier"):
        c.deposer(LEA, SOPHIE, "a.pdf", 10)
    with pytest.raises(AccesRefuse, match="écrire à un autre élève"):
        c.deposer(LEA, HUGO, "a.pdf", 10)


# -- déterminisme -----------------------------------------------------------------------------

def _photo(ent):
    return (
        [(m.objet, m.date) for m in ent.service("messagerie").boite_de_reception(SOPHIE)],
        [(a.titre, a.date) for a in ent.service("actualites").articles_visibles(PROVISEUR)],
        [(e.titre, e.debut) for e in ent.service("agenda").evenements_visibles(CPE)],
        [(s.titre, s.auteur, s.date) for s in ent.service("forum").sujets(LEA, "vie_du_lycee")],
        [(b.titre, b.date) for b in ent.service("blog").billets(LEA, "classe_tstmg1")],
        [(x.nom, x.date) for x in ent.service("espace_documentaire").mes_documents(DURAND)],
        [(x.deposant, x.fichier.taille, x.date)
         for x in ent.service("casier").depots_recus(DURAND)],
    )


def test_meme_graine_memes_donnees():
    assert _photo(ENT.demo(cout="rapide")) == _photo(ENT.demo(cout="rapide"))
    assert _photo(ENT.demo(cout="rapide")) != _photo(ENT.demo(graine=7, cout="rapide"))


def test_un_lycee_genere_a_aussi_ses_donnees():
    ent = ENT(11, 60, cout="rapide")
    for code in ("messagerie", "actualites", "agenda", "forum", "blog", "espace_documentaire",
                 "casier"):
        assert ent.service(code).code == code
    assert ent.service("messagerie").boite_de_reception(ent.service("messagerie").acteurs.parent)


def test_forum_lire_categorie_une_seule_ligne_de_journal(ent):
    forum = ent.service("forum")
    lea = PERSONAS["eleve"].identifiant
    code = forum.categories(lea)[0].code
    debut = ent.journal.dernier_numero()
    fil = forum.lire_categorie(lea, code)
    assert [s for s, _ in fil] == forum.sujets(lea, code)
    assert all(m.sujet == s.numero for s, messages in fil for m in messages)
    lignes = [e for e in ent.journal.depuis(debut) if e.operation == "acces_autorise"]
    assert len(lignes) == 2                  # lire_categorie, puis sujets : une ligne chacun
    with pytest.raises(Introuvable, match="Catégorie de forum inconnue"):
        forum.categorie(["liste"])           # une liste : une phrase, pas « unhashable »
    with pytest.raises(Introuvable, match="Blog inconnu"):
        ent.service("blog").blog(["liste"])
