"""Questions des fiches : correction tolérante, retours en français, réponses absurdes."""

from __future__ import annotations

import pandas as pd
import pytest

from entsim.etablissement.catalogue import Catalogue
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.questions.types_de_questions.qcm import QCM
from entsim.questions.retours import STATUTS, SYMBOLES, Correction, Indice
from entsim.questions.types_de_questions.classement import Classement
from entsim.questions.types_de_questions.code_a_modifier import CodeAModifier
from entsim.questions.fiches import Fiche
from entsim.questions.types_de_questions.mise_en_ordre import MiseEnOrdre
from entsim.questions.mots_cles import MotsCles
from entsim.questions.types_de_questions.numerique import Numerique
from entsim.questions.types_de_questions.question_ouverte import QuestionOuverte
from entsim.questions.types_de_questions.reponse_courte import ReponseCourte
from entsim.questions.types_de_questions.tableau_a_completer import TableauACompleter
from entsim_corrige import fiche_corrigee as fiche, fiches_disponibles
from entsim.questions.normalisation import lire_nombre

FICHES = ("partie1", "partie3_authentification")

# -- questions d'essai ------------------------------------------------------------------------

QCM_UNIQUE = QCM(id="q1", enonce="Combien de fois ?", choix=("Zéro", "Une seule fois", "Trois"),
                 bonnes="B", explications={"C": "le SSO l'évite."})
QCM_MULTIPLE = QCM(id="q2", enonce="Profils ?", choix=("Élève", "Parent", "Éditeur", "Invité"),
                   bonnes=("A", "B", "D"))
DEFINITION = ReponseCourte(
    id="q3", enonce="Authentification ?", exemple="vérifier l'identité avant l'accès",
    groupes=(MotsCles("de vérifier l'identité", ("verifi* l identite", "controler l identite")),
             MotsCles("d'un accès donné ensuite", ("acces*", "acceder"))))
CLASSEMENT = Classement(
    id="q4", enonce="Classez.", categories=("Ce que je sais", "Ce que je possède"),
    attendu={"Mot de passe": "Ce que je sais", "Carte à puce": "Ce que je possède",
             "Code PIN": "Ce que je sais"})
ORDRE = MiseEnOrdre(id="q5", enonce="Ordre ?", etapes=("un", "deux", "trois", "quatre"),
                    presentation=(2, 0, 3, 1))
NOMBRE = Numerique(id="q6", enonce="Seuil ?", valeur=12.5, tolerance=0.1, unite="bits")
TABLEAU = TableauACompleter(
    id="q7", enonce="Complétez.", colonnes=("Situation", "Bits", "Exemple"),
    attendu={"Seul": {"Bits": 80, "Exemple": ("12 caracteres", "douze caracteres")},
             "Blocage": {"Bits": 50, "Exemple": ("8 caracteres", "huit caracteres")}})
CODE = CodeAModifier(id="q8", enonce="Modifiez.", ligne_de_depart="attente = 2",
                     ligne_modifiee="attente = 30", exemple="INVALID_TICKET",
                     predicat=lambda v: v == "INVALID_TICKET", valeur_de_depart=None,
                     observation="Le ticket a expiré.")
OUVERTE = QuestionOuverte(id="q9", enonce="Proposez.", exemple="Un forum de révision.",
                          reperes=(MotsCles("du forum", ("forum",)),), mots_min=5)

TOUTES = (QCM_UNIQUE, QCM_MULTIPLE, DEFINITION, CLASSEMENT, ORDRE, NOMBRE, TABLEAU, CODE,
          OUVERTE)


def _questions_des_banques():
    return [q for identifiant in FICHES for q in fiche(identifiant).questions]


# -- registre des fiches ----------------------------------------------------------------------

def test_les_deux_fiches_sont_enregistrees():
    assert set(FICHES) <= set(fiches_disponibles())
    for identifiant in FICHES:
        f = fiche(identifiant)
        assert isinstance(f, Fiche) and f.id == identifiant and f.titre
        assert len(f.questions) >= 8


def test_fiche_inconnue_message_francais():
    with pytest.raises(Introuvable, match="Fiche inconnue.*partie1"):
        fiche("partie9")
    with pytest.raises(ValeurInvalide, match="Identifiant de fiche invalide"):
        fiche("../etc/passwd")
    with pytest.raises(ValeurInvalide):
        fiche(None)  # type: ignore[arg-type]
    with pytest.raises(Introuvable, match="pas de question « q99 »"):
        fiche("partie1").question("q99")


def test_la_partie1_couvre_les_questions_1_a_3():
    ids = fiche("partie1").ids()
    assert any(i.startswith("q1") for i in ids) and "q2" in ids and "q3" in ids


def test_la_partie3_couvre_les_questions_13_a_16():
    ids = fiche("partie3_authentification").ids()
    for numero in ("q13", "q14", "q15", "q16"):
        assert any(i.startswith(numero) for i in ids), numero


# -- réponses modèles et réponses vides -------------------------------------------------------

@pytest.mark.parametrize("identifiant", FICHES)
def test_reponses_modeles_tous_les_points(identifiant):
    f = fiche(identifiant)
    resultat = f.corriger(f.reponses_modeles())
    for c in resultat.corrections:
        if c.question in resultat.ouvertes:
            assert c.statut == "manuel"
        else:
            assert c.statut == "juste", (c.question, c.message, c.details)
    assert resultat.points == resultat.sur_automatique > 0


@pytest.mark.parametrize("identifiant", FICHES)
def test_fiche_vierge_zero_sans_erreur(identifiant):
    f = fiche(identifiant)
    for reponses in ({}, {q: None for q in f.ids()}, None, "n'importe quoi", {"q99": 3}):
        resultat = f.corriger(reponses)  # type: ignore[arg-type]
        assert resultat.points == 0
        assert {c.statut for c in resultat.corrections} == {"vide"}
        assert all("Pas encore" in c.message or "pas encore" in c.message
                   for c in resultat.corrections)


# -- réponses absurdes : jamais d'exception ---------------------------------------------------

class _Bizarre:
    def __eq__(self, autre):
        raise RuntimeError("piège")

    def __repr__(self):
        raise RuntimeError("piège")


def _imbriquee(profondeur):
    valeur: object = "x"
    for _ in range(profondeur):
        valeur = [valeur]
    return valeur


ABSURDES = [
    True, False, 3.7, -1, 10**100, float("nan"), float("inf"), 1j, b"octets", object(),
    _Bizarre(), lambda x: x, {1, 2, 3}, {"a": {"b": {"c": [1, 2]}}}, [[], [[]], {}],
    "x" * 1_000_000, "🙂👍 ∑ 漢字 \u202e\u0000", "   ", "À compléter", _imbriquee(200),
    [None] * 10_000, {i: i for i in range(5000)}, pd.DataFrame(), pd.DataFrame({"a": [1]}),
    ("A", "Z", 99), "<script>alert(1)</script>", Ellipsis, range(3),
]


@pytest.mark.parametrize("reponse", ABSURDES, ids=lambda r: type(r).__name__)
def test_reponses_absurdes_jamais_d_exception(reponse):
    for question in (*TOUTES, *_questions_des_banques()):
        c = question.corriger(reponse)
        assert isinstance(c, Correction)
        assert c.statut in STATUTS
        assert c.message and "Traceback" not in c.message
        assert 0 <= c.points <= c.sur
        if c.statut in ("vide", "invalide"):
            assert c.points == 0
        c.texte(), c.html()  # l'affichage ne lève pas non plus


def test_reponse_demesuree_est_invalide_avec_message():
    c = DEFINITION.corriger("vérifier " * 10_000)
    assert c.statut == "invalide" and "trop longue" in c.message
    c = CLASSEMENT.corriger(_imbriquee(50))
    assert c.statut == "invalide" and "imbriquée" in c.message


# -- QCM --------------------------------------------------------------------------------------

@pytest.mark.parametrize("reponse", ["B", "b", " b. ", 2, "2", "Une seule fois", "une seule FOIS",
                                     ["B"], "B) Une seule fois"])
def test_qcm_unique_formes_acceptees(reponse):
    assert QCM_UNIQUE.corriger(reponse).statut == "juste"


def test_qcm_unique_faux_avec_explication():
    c = QCM_UNIQUE.corriger("c")
    assert c.statut == "faux" and c.points == 0
    assert "La réponse C n'est pas la bonne." == c.message
    assert any("le SSO l'évite" in d for d in c.details)


def test_qcm_lettre_inconnue_invalide():
    c = QCM_UNIQUE.corriger("Z")
    assert c.statut == "invalide" and "de A à C" in c.message
    assert QCM_UNIQUE.corriger(7).statut == "invalide"
    assert QCM_UNIQUE.corriger(["A", "B"]).statut == "invalide"


@pytest.mark.parametrize("reponse", [["A", "B", "D"], "A, B, D", "ABD", "a;b;d", [1, 2, 4],
                                     {"D", "A", "B"}, ["Élève", "parent", "Invite"]])
def test_qcm_multiple_formes_acceptees(reponse):
    assert QCM_MULTIPLE.corriger(reponse).statut == "juste"


def test_qcm_multiple_credit_partiel():
    c = QCM_MULTIPLE.corriger(["A", "B"])
    assert c.statut == "partiel" and 0 < c.points < c.sur
    assert "Il manque une bonne réponse." in c.details
    c = QCM_MULTIPLE.corriger(["A", "C"])            # une bonne, une mauvaise : 0
    assert c.points == 0 and "Choix à revoir : C." in c.details


# -- réponse courte ---------------------------------------------------------------------------

def test_reponse_courte_accents_majuscules_radicaux():
    for texte in ("On VÉRIFIE l'identité avant d'accéder.",
                  "verification de l identite, puis acces",
                  "contrôler l’identité de la personne ; accès ensuite"):
        assert DEFINITION.corriger(texte).statut == "juste", texte


def test_reponse_courte_nomme_l_idee_manquante():
    c = DEFINITION.corriger("C'est l'accès au service.")
    assert c.statut == "partiel"
    assert "Il manque l'idée de vérifier l'identité." in c.details
    c = DEFINITION.corriger("Je ne sais pas")
    assert c.statut == "faux" and c.points == 0 and len(c.details) == 2


def test_banque_q13a_retour_exemple_du_cours():
    q = fiche("partie3_authentification").question("q13a")
    c = q.corriger("C'est quand on donne accès aux services.")
    assert c.statut == "partiel"
    assert any(d.startswith("Il manque l'idée de vérifier") for d in c.details)


# -- classement -------------------------------------------------------------------------------

@pytest.mark.parametrize("reponse", [
    {"Mot de passe": "A", "Carte à puce": "B", "Code PIN": "a"},
    {"mot de passe": "ce que je sais", "CARTE A PUCE": "Ce que je possède", "code pin": 1},
    {"Ce que je sais": ["Mot de passe", "Code PIN"], "Ce que je possède": ["Carte à puce"]},
    [("Mot de passe", "A"), ("Carte à puce", "B"), ("Code PIN", "A")],
    {1: "A", "2": "B", "3.": "A"},
    pd.DataFrame({"Preuve": ["Mot de passe", "Carte à puce", "Code PIN"],
                  "Catégorie": ["A", "B", "A"]}),
])
def test_classement_formes_acceptees(reponse):
    assert CLASSEMENT.corriger(reponse).statut == "juste"


def test_classement_cite_les_elements_mal_ranges():
    c = CLASSEMENT.corriger({"Mot de passe": "B", "Carte à puce": "B", "Inconnu": "A"})
    assert c.statut == "partiel"
    assert "« Mot de passe » n'est pas dans la bonne catégorie." in c.details
    assert "« Code PIN » n'est pas classé." in c.details
    assert "« Inconnu » ne fait pas partie des éléments à classer." in c.details
    # le retour ne donne pas la bonne catégorie
    assert not any("Ce que je sais" in d for d in c.details)


def test_classement_catalogue_partie1():
    q = fiche("partie1").question("q1a")
    catalogue = Catalogue.charger()
    # la réponse attendue vient du catalogue, pas d'une liste recopiée
    for element, categorie in q.attendu.items():
        assert catalogue.service(element).libelle_famille == categorie


# -- mise en ordre ----------------------------------------------------------------------------

def test_mise_en_ordre():
    bonne = ORDRE.exemple_de_reponse()
    assert bonne == ["B", "D", "A", "C"]
    for forme in (bonne, "B D A C", "BDAC", "b, d, a, c", [2, 4, 1, 3]):
        assert ORDRE.corriger(forme).statut == "juste", forme
    c = ORDRE.corriger(["B", "A", "D", "C"])
    assert c.statut == "partiel" and "3 étapes sur 4" in c.message
    c = ORDRE.corriger(["B", "B", "A"])
    assert c.points == 0 and any("plusieurs fois" in d for d in c.details)
    assert any("oubliée" in d for d in c.details)


def test_etapes_du_sdet_dans_l_ordre():
    q = fiche("partie3_authentification").question("q15a")
    assert q.etapes[0].startswith("Un utilisateur non authentifié")
    assert len(set(q.etapes)) == 8


# -- numérique --------------------------------------------------------------------------------

@pytest.mark.parametrize("reponse", [12.5, "12,5", "12.5", " 12,5 bits", "12,55", 12.45, ["12,5"]])
def test_numerique_formes_acceptees(reponse):
    assert NOMBRE.corriger(reponse).statut == "juste"


def test_numerique_faux_et_invalide():
    c = NOMBRE.corriger(20)
    assert c.statut == "faux" and "trop grande" in c.message
    c = NOMBRE.corriger("douze")
    assert c.statut == "invalide" and "n'est pas un nombre" in c.message
    assert NOMBRE.corriger(True).statut == "invalide"
    assert lire_nombre("1 234,5") == 1234.5
    assert lire_nombre("1\u202f234") == 1234
    with pytest.raises(ValeurInvalide):
        lire_nombre("beaucoup")


def test_numerique_parent_verifie_par_le_catalogue():
    q = fiche("partie1").question("q1f")
    assert q.valeur == len(Catalogue.charger().pour_profil("Parent"))


def test_seuils_cnil():
    q = fiche("partie3_authentification").question("q16e")
    reponse = {"Mot de passe seul": "80 bits", "Avec blocage": 50,
               "Code de déverrouillage": "13"}
    assert q.corriger(reponse).statut == "juste"
    c = q.corriger({"Mot de passe seul": 80, "Avec blocage": 80, "Code de déverrouillage": 13})
    assert c.statut == "partiel" and any("blocage du compte" in d for d in c.details)
    # les lignes se désignent aussi par leur numéro (libellés longs, écrits en clair)
    assert q.corriger({1: 80, 2: 50, 3: 13}).statut == "juste"
    assert q.exemple_de_reponse() == {1: 80, 2: 50, 3: 13}


# -- tableau à compléter ----------------------------------------------------------------------

@pytest.mark.parametrize("reponse", [
    {"Seul": {"Bits": 80, "Exemple": "12 caractères"}, "Blocage": {"Bits": "50", "exemple": "8 caractères"}},
    [["Seul", 80, "douze caractères de 4 types"], ["Blocage", 50, "huit caractères"]],
    [{"Situation": "seul", "Bits": 80, "Exemple": "12 caractères"},
     {"Situation": "Blocage", "Bits": 50, "Exemple": "8 caractères"}],
    pd.DataFrame({"Situation": ["Seul", "Blocage"], "Bits": [80, 50],
                  "Exemple": ["12 caractères", "8 caractères"]}),
])
def test_tableau_formes_acceptees(reponse):
    assert TABLEAU.corriger(reponse).statut == "juste"


def test_tableau_partiel_et_lignes_absentes():
    c = TABLEAU.corriger({"Seul": {"Bits": 80, "Exemple": "un long mot"}})
    assert c.statut == "partiel" and "1 case juste sur 4." == c.message
    assert "Ligne « Blocage » absente de votre tableau." in c.details
    assert any("« un long mot »" in d for d in c.details)


# -- code à modifier --------------------------------------------------------------------------

def test_code_a_modifier():
    assert CODE.amorce() == "attente = 2  # ← la ligne à modifier"
    c = CODE.corriger(None)
    assert c.statut == "vide" and "pas encore été modifiée" in c.message
    c = CODE.corriger("INVALID_TICKET")
    assert c.statut == "juste" and "Le ticket a expiré." in c.details
    c = CODE.corriger("INVALID_SERVICE")
    assert c.statut == "faux" and "INVALID_SERVICE" in c.message


def test_code_a_modifier_banque_rejoue_vraiment_le_ticket():
    """La réponse attendue de q16c est bien ce que donne le serveur CAS simulé."""
    from entsim import ENT, MOTS_DE_PASSE_DEMO

    ent = ENT(cout="rapide")
    from entsim.etablissement.generation import PERSONAS
    ent.authentification.definir_mot_de_passe(PERSONAS["eleve"].identifiant,
                                              MOTS_DE_PASSE_DEMO["eleve"])
    nav = ent.navigateur()
    ent.cas.connexion(nav, "lea.martin", MOTS_DE_PASSE_DEMO["eleve"])
    q = fiche("partie3_authentification").question("q16c")
    codes = {}
    for attente in (2, 30):
        ticket = ent.cas.acceder(nav, "notes").ticket
        ent.avancer(secondes=attente)
        codes[attente] = ent.cas.valider(ticket, ent.cas.service("notes").url).code
    assert q.corriger(codes[2]).statut == "vide"
    assert q.corriger(codes[30]).statut == "juste"


# -- question ouverte -------------------------------------------------------------------------

def test_question_ouverte_manuelle():
    c = OUVERTE.corriger("Un forum pour réviser le bac ensemble le soir.")
    assert c.statut == "manuel" and c.points == 0 and c.sur == 1
    assert "votre professeur la lira" in c.message
    assert c.pour_le_professeur == ("présent : du forum",)
    assert "présent" not in c.texte() and "présent" not in c.html()   # réservé au professeur
    c = OUVERTE.corriger("Forum.")
    assert any("très courte" in d for d in c.details)


def test_question_ouverte_tableau_verifie_les_services():
    q = fiche("partie1").question("q2")
    c = q.corriger({"Messagerie": "pour écrire au professeur le soir", "Pronote": "notes"})
    assert c.statut == "manuel"
    assert any("« Pronote » n'est pas reconnu" in d for d in c.details)
    # un texte rédigé reste lisible par le professeur ; une liste de nombres ne l'est pas
    assert q.corriger("J'utilise la messagerie le soir pour écrire au professeur.").statut \
        == "manuel"
    assert q.corriger(3.5).statut == "invalide"


# -- affichage --------------------------------------------------------------------------------

def test_retour_texte_deterministe_symboles_et_mots():
    c = QCM_UNIQUE.corriger("B")
    assert c.texte() == "✓ Juste — question q1 : 1 / 1 point.\nBonne réponse."
    assert c._repr_mimebundle_()["text/plain"] == c.texte()
    for statut, symbole in SYMBOLES.items():
        assert Correction("q1", 0, 1, statut, "m").texte().startswith(
            f"{symbole} {STATUTS[statut]}")


def test_retour_html_echappe_le_texte_de_l_eleve():
    c = CLASSEMENT.corriger({"<script>alert(1)</script>": "A", "Mot de passe": "A"})
    assert "<script>" not in c.html() and "&lt;script&gt;" in c.html()
    assert 'role="status"' in c.html()


def test_verifier_hors_notebook_ne_fait_que_renvoyer(capsys):
    f = fiche("partie1")
    c = f.verifier("q1e", "B")
    assert isinstance(c, Correction) and c.juste
    assert capsys.readouterr().out == ""


def test_indices():
    f = fiche("partie3_authentification")
    indice = f.indice("q13a")
    assert isinstance(indice, Indice) and indice == f.question("q13a").indices[0]
    assert indice.texte().startswith("💡 Indice 1 sur 2 — question q13a : ")
    assert f.indice("q13a", 2) == f.question("q13a").indices[1]
    with pytest.raises(ValeurInvalide, match="choisissez un numéro de 1 à 2"):
        f.indice("q13a", 3)
    for q in _questions_des_banques():
        assert q.indices, f"{q.id} sans indice"


def test_bilan_depuis_les_variables():
    f = fiche("partie1")
    espace = {"reponse_q1e": "B", "reponse_q1f": "17,0", "autre": 3,
              "reponse_q3": "Un forum de révision pour la classe."}
    resultat = f.bilan(espace)
    assert resultat.correction("q1e").juste and resultat.correction("q1f").juste
    assert resultat.points == 2
    assert "questions à corriger à la main : q3" in resultat.texte()
    assert resultat.sur_automatique == 9 and resultat.sur == 15
    assert list(resultat.tableau().columns) == ["Question", "Statut", "Points", "Sur", "Retour"]


def test_construction_de_questions_mal_ecrites():
    with pytest.raises(ValeurInvalide):
        QCM(id="q1", enonce="?", choix=("a", "b"), bonnes="Z")
    with pytest.raises(ValeurInvalide):
        Classement(id="q1", enonce="?", categories=("x",), attendu={"a": "y"})
    with pytest.raises(ValeurInvalide):
        MiseEnOrdre(id="q1", enonce="?", etapes=("a", "b"), presentation=(0, 0))
    with pytest.raises(ValeurInvalide):
        Numerique(id="question 1", enonce="?", valeur=1)
    with pytest.raises(ValeurInvalide):
        Fiche("f", "F", (QCM_UNIQUE, QCM_UNIQUE))


# -- revue : équité des définitions, formes de réponse, affichage -----------------------------

F1 = fiche("partie1")
F3 = fiche("partie3_authentification")


@pytest.mark.parametrize("qid, texte", [
    ("q13a", "C'est vérifier que la personne est bien celle qu'elle prétend être."),
    ("q13a", "L'authentification permet de prouver qui on est."),
    ("q13b", "ce que l'utilisateur a le droit de faire selon son profil"),
    ("q13b", "Un parent peut voir les notes de son enfant mais pas celles des autres élèves."),
    ("q13c", "On se connecte une fois et on a accès à tout."),
    ("q13c", "On tape son mot de passe une seule fois pour tous les sites, sans le retaper."),
    ("q14", "Le serveur transmet l'identité aux services pour qu'il n'ait pas à se "
            "reconnecter."),
    ("q14", "Le serveur CAS envoie le nom et la classe de l'élève aux services, pour qu'il "
            "n'ait pas à se reconnecter."),
])
def test_definitions_justes_ecrites_autrement_ont_tous_les_points(qid, texte):
    assert F3.corriger_question(qid, texte).statut == "juste", texte


def test_definition_de_l_ent_profs_et_services_cites():
    texte = ("Un portail pour les élèves, les parents et les profs, avec un identifiant, qui "
             "regroupe les notes, les absences et l'emploi du temps.")
    assert F1.corriger_question("q1c", texte).statut == "juste"


@pytest.mark.parametrize("fiche_, qid, texte", [
    (F1, "q1c", "Ce n'est pas un portail, ni des services pour les élèves."),
    (F3, "q13a", "Ce n'est pas vérifier l'identité ni donner accès."),
    (F3, "q13a", "L'autorisation ne vérifie pas l'identité."),
])
def test_une_definition_a_la_forme_negative_n_a_pas_tous_les_points(fiche_, qid, texte):
    c = fiche_.corriger_question(qid, texte)
    assert c.statut != "juste" and c.points < c.sur / 2
    assert any("forme négative" in d for d in c.details)
    assert any("forme négative" in p for p in c.pour_le_professeur)


def test_une_negation_qui_fait_partie_de_l_idee_ne_compte_pas_contre():
    # « pas à se reconnecter », « pas besoin », « pas seulement » ne nient pas l'idée
    c = F3.corriger_question("q13c", "Ce n'est pas seulement un mot de passe : on se connecte "
                                     "une seule fois et pas besoin de le retaper pour les "
                                     "autres services.")
    assert c.statut == "juste"


def test_une_liste_de_mots_cles_n_a_pas_tous_les_points():
    c = F1.corriger_question("q1c", "portail services élèves mot de passe")
    assert c.statut == "partiel" and c.points == 1
    assert any("s'écrit en phrase" in d for d in c.details)
    assert "réponse sans phrase rédigée" in c.pour_le_professeur[0]


def test_les_definitions_ont_une_note_provisoire():
    c = F3.corriger_question("q13a", F3.question("q13a").exemple)
    assert c.juste and c.provisoire
    assert "note provisoire : le professeur peut l'ajuster" in c.texte()
    assert c.pour_le_professeur and "provisoire" in c.pour_le_professeur[0]
    assert not F3.corriger_question("q16f", "C").provisoire
    assert not F3.corriger_question("q13a", None).provisoire
    bilan = F3.bilan({"reponse_q13a": F3.question("q13a").exemple, "reponse_q16f": "C"})
    assert bilan.provisoires() == ["q13a"]
    assert "notes provisoires" in bilan.texte() and "q13a" in bilan.texte()


def test_idee_facultative():
    q = F3.question("q13a")
    # l'accès seul rapporte une partie des points, mais n'est pas exigé
    assert q.corriger("C'est quand on donne accès aux services.").statut == "partiel"
    c = q.corriger("C'est vérifier l'identité de la personne.")
    assert c.statut == "juste" and not any("accès" in d for d in c.details)


def test_consignes_des_reponses_redigees_en_triples_guillemets():
    for q in _questions_des_banques():
        if isinstance(q, ReponseCourte) or (isinstance(q, QuestionOuverte)
                                             and q.forme == "texte"):
            assert f'`{q.variable} = """…"""`' in q.consigne(), q.id
            assert "apostrophes" in q.consigne()


# -- numérique : durées, entiers, pièges ---------------------------------------------------

@pytest.mark.parametrize("reponse", [10, "10", "10 s", "0:00:10", "00:10",
                                     __import__("datetime").timedelta(seconds=10)])
def test_q16d_accepte_la_duree_affichee_par_print(reponse):
    assert F3.corriger_question("q16d", reponse).statut == "juste"


def test_q16d_indice_mene_a_la_bonne_reponse():
    q = F3.question("q16d")
    assert "plus longue attente pour laquelle la validation réussit" in q.indices[0]
    assert "plus petite" not in " ".join(q.indices)
    assert "plus longue attente" in q.enonce
    c = q.corriger(11)
    assert c.statut == "faux" and any("échoue déjà" in d for d in c.details)


def test_q1f_nombre_entier_et_piege_du_compte():
    q = F1.question("q1f")
    assert "(en services)" not in q.consigne()
    assert "nombre entier, par exemple `12`" in q.consigne() and "12,5" not in q.consigne()
    assert "12,5" in NOMBRE.consigne()
    assert "partir de 0" not in " ".join(q.indices)
    c = q.corriger(q.valeur - 1)
    assert c.statut == "faux" and any("comptez toutes les lignes" in d for d in c.details)
    c = q.corriger(26)          # le nombre de services d'un élève : l'explication générale
    assert any("Un élève en utilise" in d for d in c.details)


def test_q16d_numerique_en_secondes_dit_l_unite():
    assert "(en secondes)" in F3.question("q16d").consigne()


# -- classement : réponse dans l'ordre, accords -------------------------------------------

def test_classement_reponse_dans_l_ordre_des_elements():
    q = F1.question("q1a")
    lettres = [q.exemple_de_reponse()[e] for e in q.elements]
    assert q.corriger(lettres).statut == "juste"
    assert q.corriger(tuple(lettres)).statut == "juste"
    assert q.corriger(" ".join(f"{i}{l}" for i, l in enumerate(lettres, 1))).statut == "juste"
    assert q.corriger(", ".join(f"{i}-{l}" for i, l in enumerate(lettres, 1))).statut == "juste"
    assert q.corriger("".join(lettres)).statut == "juste"
    assert q.corriger(" ".join(lettres)).statut == "juste"
    c = q.corriger(lettres[:3])
    assert c.statut == "invalide" and "3 catégories pour 8 éléments" in c.message
    assert "dans l'ordre des éléments, en une ligne (ici 8 lettres)" in q.consigne()   # forme courte (issue 16)


def test_accords_sans_parentheses():
    c = CLASSEMENT.corriger({"Mot de passe": "A", "Carte à puce": "B", "Code PIN": "B"})
    assert c.message == "2 éléments bien classés sur 3."
    c = CLASSEMENT.corriger({"Mot de passe": "A", "Carte à puce": "A", "Code PIN": "B"})
    assert c.message == "1 élément bien classé sur 3."
    assert ORDRE.corriger(["B"]).details[0] == "Étapes oubliées : A, C, D."
    c = OUVERTE.corriger("Forum.")
    assert any("(1 mot)" in d for d in c.details)
    for q in TOUTES + tuple(_questions_des_banques()):
        for reponse in (q.exemple_de_reponse(), "x", ["A"], {"a": 1}):
            c = q.corriger(reponse)
            assert "(s)" not in c.message and not any("(s)" in d for d in c.details)


# -- q16c : une ligne, la réponse du serveur CAS affichée, jamais bloqué ------------------

def _ent_de_demo():
    from entsim import ENT, MOTS_DE_PASSE_DEMO
    from entsim.etablissement.generation import PERSONAS

    ent = ENT(cout="rapide")
    ent.authentification.definir_mot_de_passe(PERSONAS["eleve"].identifiant,
                                              MOTS_DE_PASSE_DEMO["eleve"])
    return ent


def test_essayer_ticket_affiche_la_reponse_cas_et_n_est_jamais_bloque(capsys):
    from entsim.banque.partie3_authentification import essayer_ticket

    ent = _ent_de_demo()
    q = F3.question("q16c")
    assert essayer_ticket(ent, 2) is None
    sortie = capsys.readouterr().out
    assert "validation réussie" in sortie and "lea.martin" in sortie
    for attente in (9, 10):
        valeur = essayer_ticket(ent, attente)
        assert valeur is None
        c = q.corriger(valeur)
        assert c.points == 0 and "n'a pas encore été modifiée" not in c.message
        assert "le ticket était encore valable" in c.message
    assert essayer_ticket(ent, 11) == "INVALID_TICKET"
    sortie = capsys.readouterr().out
    assert "échec, code INVALID_TICKET" in sortie and "expiré" in sortie
    # une très longue attente fait expirer la session SSO (2 h) : l'essai suivant
    # reconnecte Léa au lieu de répondre INVALID_REQUEST pour toujours
    assert essayer_ticket(ent, 10_000) == "INVALID_TICKET"
    assert essayer_ticket(ent, 2) is None
    assert essayer_ticket(ent, 30) == "INVALID_TICKET"
    assert q.corriger("INVALID_TICKET").statut == "juste"
    for absurde in (-1, "30", True, 10 ** 9):
        with pytest.raises(ValeurInvalide, match="nombre de secondes"):
            essayer_ticket(ent, absurde)


# -- affichage d'une question : jamais la réponse -----------------------------------------

@pytest.mark.parametrize("identifiant", FICHES)
def test_afficher_une_question_ne_montre_pas_la_reponse(identifiant):
    f = fiche(identifiant)
    texte = repr(f.questions) + "".join(str(q) + repr(q) for q in f.questions)
    for champ in ("attendu=", "bonnes=", "exemple=", "ligne_modifiee=", "groupes=",
                  "reperes=", "valeur=", "predicat=", "pieges="):
        assert champ not in texte, champ
    q = f.questions[0]
    assert repr(q).startswith(f"<{type(q).__name__} {q.id}")
    assert str(q) == q._repr_mimebundle_()["text/plain"]
    assert q.consigne() in str(q)
    assert "text/markdown" in q._repr_mimebundle_()
    assert "attente = 30" not in str(F3.question("q16c")) + repr(F3.question("q16c"))


@pytest.mark.parametrize("mauvais", [None, 42, "x", ["reponse_q1e"]])
def test_bilan_sans_globals_message_francais(mauvais):
    with pytest.raises(ValeurInvalide, match=r"Écrivez f\.bilan\(globals\(\)\)"):
        F1.bilan(mauvais)


def test_seuils_cnil_en_clair_avec_le_contexte():
    q = F3.question("q16e")
    consigne = q.consigne()
    for attendu in ("Mot de passe + blocage du compte après plusieurs échecs",
                    "Code PIN d'un appareil que l'on possède (4 chiffres, bloqué après 3 "
                    "échecs)", "Commission nationale de l'informatique et des libertés",
                    "entropie"):
        assert attendu in consigne
    assert "D'après le SDET et la CNIL" in F3.question("q16f").enonce
