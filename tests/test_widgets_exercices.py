"""Les exercices génériques (classement, tableau à compléter) pilotés sans navigateur : on
choisit dans les listes, on écrit dans les cases, on clique (``bouton.click()``) et on lit le
retour — le même que celui de la fiche."""

from __future__ import annotations

import html

import pytest

from entsim.organisation import avantages_et_limites, tableau_avantages_limites
from entsim_corrige import fiche_corrigee as fiche
from entsim.questions.mots_cles import MotsCles
from entsim.questions.retours import STATUTS
from entsim.questions.types_de_questions.classement import Classement
from entsim.questions.types_de_questions.tableau_a_completer import TableauACompleter
from entsim.socle.erreurs import ErreurENT
from entsim.widgets.exercices import PLACEHOLDER, ExerciceClassement, ExerciceTableau

HOSTILES = ["", "   ", "x" * 10_000, "😀🙂" * 50, "\u202eenilno\u200b", "<b>gras</b> & \"x\""]


@pytest.fixture
def q1a() -> Classement:
    return fiche("partie1").question("q1a")


@pytest.fixture
def q16e() -> TableauACompleter:
    return fiche("partie3_authentification").question("q16e")


def choisir(exercice: ExerciceClassement, reponses: dict[str, str]) -> None:
    """Choisit dans chaque liste la catégorie donnée (par son texte), comme à la souris."""
    categories = exercice.question.categories
    for element, liste in zip(exercice.question.elements, exercice.choix):
        if element in reponses:
            liste.value = categories.index(reponses[element])


# --- Classement -------------------------------------------------------------------------

def test_chaque_element_a_sa_liste_avec_le_choix_par_defaut(q1a):
    exercice = ExerciceClassement(q1a)
    assert [liste.description for liste in exercice.choix] == list(q1a.elements)
    assert all(liste.label == PLACEHOLDER for liste in exercice.choix)
    assert exercice.reponse() == {}
    assert len(exercice.choix[0].options) == len(q1a.categories) + 1
    assert exercice.bouton_verifier.description == "Vérifier"
    assert exercice.bouton_verifier.tooltip and exercice.bouton_indice.tooltip
    assert f"1. {q1a.elements[0]} : {PLACEHOLDER}" in exercice.texte()


def test_verifier_sans_rien_choisir_dit_quoi_faire_dans_le_widget(q1a):
    exercice = ExerciceClassement(q1a)
    exercice.bouton_verifier.click()
    assert exercice.correction.statut == "vide"
    assert "choisissez une catégorie" in exercice.correction.message
    assert exercice.annonce.value.startswith("○ Pas de réponse")
    assert "Retour :" in exercice.texte()


def test_un_classement_juste_est_corrige_comme_dans_la_fiche(q1a):
    exercice = ExerciceClassement(q1a)
    choisir(exercice, dict(q1a.attendu))
    exercice.bouton_verifier.click()
    assert exercice.correction == q1a.corriger(exercice.reponse())
    assert exercice.correction.juste and exercice.annonce.value.startswith("✓ Juste")
    assert "✓ Juste" in exercice.retour.value
    # la réponse a la forme de la fiche : des lettres, et se recopie telle quelle
    assert set(exercice.reponse().values()) <= set("ABCDEFGH")
    ligne = exercice.reponse_a_recopier()
    assert ligne.startswith("reponse_q1a = {")
    assert q1a.corriger(eval(ligne.split(" = ", 1)[1])).juste   # noqa: S307 - notre texte


def test_une_erreur_est_citee_sans_donner_la_bonne_categorie(q1a):
    exercice = ExerciceClassement(q1a)
    attendu = dict(q1a.attendu)
    premier = q1a.elements[0]
    mauvaise = next(c for c in q1a.categories if c != attendu[premier])
    attendu[premier] = mauvaise
    choisir(exercice, attendu)
    exercice.bouton_verifier.click()
    assert exercice.correction.statut == "partiel"
    assert f"« {premier} » n'est pas dans la bonne catégorie." in exercice.correction.details
    assert q1a.attendu[premier] not in exercice.texte().split("Retour :")[1]


def test_les_indices_s_affichent_un_par_un_et_restent_visibles(q1a):
    exercice = ExerciceClassement(q1a)
    assert exercice.bouton_indice.description == f"Indice (1 sur {len(q1a.indices)})"
    for _ in q1a.indices:
        exercice.bouton_indice.click()
    texte = exercice.texte()
    for numero, indice in enumerate(q1a.indices, start=1):
        assert f"Indice {numero} sur {len(q1a.indices)}" in texte
        assert indice.split("«")[0].strip()[:30] in texte
    assert exercice.bouton_indice.disabled
    assert exercice.bouton_indice.description == "Tous les indices sont affichés"
    exercice.bouton_indice.click()                     # rien de plus, aucune erreur
    assert len(exercice.indices_montres) == len(q1a.indices)
    exercice.bouton_verifier.click()                   # vérifier n'efface pas les indices
    assert "Indice 1 sur" in exercice.texte()


def test_le_texte_saisi_par_l_auteur_de_la_question_est_echappe():
    question = Classement(id="q9z", enonce="Rangez <b>ceci</b> : **important**",
                          categories=("Interne", "Externe"),
                          attendu={"<script>alert(1)</script>": "Interne", "Parents": "Externe"})
    exercice = ExerciceClassement(question)
    assert "<b>ceci" not in exercice.consigne.value and "&lt;b&gt;" in exercice.consigne.value
    assert "<strong>important</strong>" in exercice.consigne.value
    exercice.choix[0].value = 1
    exercice.bouton_verifier.click()
    assert "<script>" not in exercice.retour.value and "&lt;script&gt;" in exercice.retour.value


@pytest.mark.parametrize("mauvaise", [None, "q1a", 3, fiche("partie3_authentification")
                                      .question("q16e")])
def test_un_exercice_sur_une_question_d_un_autre_type_est_refuse_en_francais(mauvaise):
    with pytest.raises(ErreurENT, match="Cet exercice attend une question de type"):
        ExerciceClassement(mauvaise)


# --- Tableau à compléter ----------------------------------------------------------------

def test_le_tableau_a_une_case_par_ligne_et_par_colonne_a_remplir(q16e):
    exercice = ExerciceTableau(q16e)
    assert exercice.lignes == tuple(q16e.attendu)
    assert exercice.colonnes == ("Entropie minimale (bits)",)
    assert len(exercice.cases) == len(q16e.attendu)
    case = exercice.case(exercice.lignes[0])
    assert case.placeholder.startswith("Entropie minimale (bits) : ")
    assert case.tooltip == f"{exercice.lignes[0]} — Entropie minimale (bits)"
    assert "(vide)" in exercice.texte()


def test_un_tableau_juste_puis_partiel_est_corrige_comme_dans_la_fiche(q16e):
    exercice = ExerciceTableau(q16e)
    for ligne, cases in q16e.attendu.items():
        exercice.case(ligne).value = str(cases["Entropie minimale (bits)"])
    exercice.bouton_verifier.click()
    assert exercice.correction.juste
    exercice.case(exercice.lignes[2]).value = ""
    exercice.bouton_verifier.click()
    assert exercice.correction == q16e.corriger(exercice.reponse())
    assert exercice.correction.statut == "partiel"
    assert any("case vide" in d for d in exercice.correction.details)


@pytest.mark.parametrize("saisie", HOSTILES)
def test_aucune_saisie_ne_produit_de_trace_d_erreur(q16e, saisie):
    exercice = ExerciceTableau(q16e)
    for case in exercice.cases.values():
        case.value = saisie
    exercice.bouton_verifier.click()
    correction = exercice.correction
    assert correction.statut in ("vide", "faux", "invalide", "partiel")
    assert correction.message and "Traceback" not in exercice.texte()
    assert "\u202e" not in exercice.texte() and "<b>gras" not in exercice.retour.value
    assert len(exercice.texte()) < 5_000


@pytest.mark.parametrize("saisie", [h for h in HOSTILES if h.strip()])
def test_un_classement_ne_plante_pas_non_plus_sur_des_noms_hostiles(saisie):
    question = Classement(id="q9y", enonce="Rangez.", categories=("Interne", "Externe"),
                          attendu={saisie: "Interne", "Parents": "Externe"})
    exercice = ExerciceClassement(question)
    exercice.choix[0].value = 0
    exercice.bouton_verifier.click()
    assert exercice.correction.statut in STATUTS and exercice.correction.message
    assert "\u202e" not in exercice.texte()


def test_le_tableau_des_avantages_et_limites_se_remplit_dans_le_widget():
    """Un tableau à deux colonnes, construit comme la question 5 de la partie 2."""
    reference = tableau_avantages_limites().set_index("Acteur")
    attendu = {}
    for acteur in ("Direction", "Élèves"):
        code = {"Direction": "direction", "Élèves": "eleves"}[acteur]
        cases = {}
        for nature, colonne in (("avantage", "Avantages"), ("limite", "Limites")):
            premiere = avantages_et_limites(code, nature=nature)[0]
            cases[colonne] = MotsCles(premiere.idee, premiere.mots_cles)
        attendu[acteur] = cases
    question = TableauACompleter(id="q5z", enonce="Complétez le tableau.",
                                 colonnes=("Acteur", "Avantages", "Limites"), attendu=attendu)
    exercice = ExerciceTableau(question)
    assert exercice.colonnes == ("Avantages", "Limites")
    exercice.case("Direction", "Avantages").value = "On communique plus vite, sans papier."
    exercice.case("Direction", "Limites").value = reference.loc["Direction", "Limites"]
    exercice.case("Élèves", "Avantages").value = "On peut faire un travail de groupe"
    exercice.bouton_verifier.click()
    assert exercice.reponse()["Direction"]["Avantages"] == "On communique plus vite, sans papier."
    assert exercice.reponse()["Élèves"]["Limites"] == ""
    assert exercice.correction.statut == "partiel"
    assert "3 cases justes sur 4." == exercice.correction.message
    assert exercice.correction == question.corriger(exercice.reponse())
    with pytest.raises(ErreurENT, match="Pas de case"):
        exercice.case("Martiens", "Avantages")


def _afficher_dans_un_shell(objet) -> dict:
    """Ce que Jupyter enregistre dans le notebook quand la cellule affiche ``objet``."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.display import display
    from IPython.utils.capture import capture_output

    shell = InteractiveShell.instance()
    try:
        with capture_output() as sortie:
            display(objet)
        assert len(sortie.outputs) == 1
        return sortie.outputs[0].data
    finally:
        InteractiveShell.clear_instance()
        del shell


@pytest.mark.parametrize("question", ["q4a", "q5a"])
def test_un_exercice_non_execute_ne_montre_pas_de_code_python(question):
    """Notebook ouvert sans avoir été exécuté (l'état des widgets n'est pas enregistré) :
    l'élève voit le texte de repli, en français, et non « VBox(children=(HTML(value=… »."""
    q = fiche("partie2").question(question)
    exercice = (ExerciceClassement if isinstance(q, Classement) else ExerciceTableau)(q)
    donnees = _afficher_dans_un_shell(exercice)
    assert "application/vnd.jupyter.widget-view+json" in donnees
    repli = donnees["text/plain"]
    assert "VBox" not in repli and "children" not in repli
    assert repli.startswith(f"Exercice « {q.titre} »")
    assert "exécutez la cellule" in repli


def _textes_visibles(vue) -> str:
    """Le texte de tous les widgets affichés dans la vue (HTML, libellés, descriptions)."""
    morceaux, pile = [], [vue]
    while pile:
        w = pile.pop()
        pile.extend(getattr(w, "children", ()))
        morceaux += [str(getattr(w, attr, "") or "") for attr in ("value", "description")
                     if isinstance(getattr(w, attr, None), str)]
    return "\n".join(morceaux)


def test_le_verdict_ne_s_affiche_qu_une_fois():
    """Le verdict est dans l'encadré du retour ; une seconde ligne, coupée au bord de l'écran
    au vidéoprojecteur (« … (note provisoire : le profess »), n'apparaît plus."""
    exercice = ExerciceTableau(fiche("partie2").question("q5a"))
    exercice.case("Direction").value = "On communique plus vite, sans papier."
    correction = exercice.verifier()
    assert _textes_visibles(exercice.vue).count(correction.libelle) == 1
    assert exercice.annonce.value.startswith(correction.libelle)   # toujours disponible


def test_des_categories_longues_sont_lisibles_en_entier():
    """Question 4 (qui fait quoi ?) : les rôles sont de longues phrases. Ils sont listés en
    entier, avec leur lettre, au-dessus des listes ; chaque acteur a sa liste sous son nom,
    sur toute la largeur (sinon, au vidéoprojecteur, on lit « — choi » et « E. Pilote le
    projet ENT de l'établissement, inf »)."""
    q = fiche("partie2").question("q4b")
    exercice = ExerciceClassement(q)
    visibles = _textes_visibles(exercice.vue)
    for lettre, categorie in zip("ABCDEF", q.categories):
        assert f"{lettre}." in visibles and html.escape(categorie) in visibles
    lignes = exercice.vue.children[2].children[1:]       # après la liste des choix
    assert len(lignes) == len(q.elements)
    for ligne, element, liste in zip(lignes, q.elements, exercice.choix):
        nom, menu = ligne.children                          # le nom, puis la liste dessous
        assert html.escape(element) in nom.value and menu is liste
        assert liste.layout.width == "99%"                  # toute la largeur, bord compris
        assert liste.description == element                 # étiquette associée (lecteurs d'écran)


def test_des_categories_courtes_restent_sur_une_ligne():
    exercice = ExerciceClassement(fiche("partie2").question("q4a"))
    assert list(exercice.vue.children[2].children) == exercice.choix   # nom et liste côte à côte
    assert "A. Interne" not in _textes_visibles(exercice.vue)     # pas de liste des catégories


def test_le_bouton_indice_montre_son_texte_en_entier():
    """« Tous les indices sont affichés » ne tient pas dans les 148 px d'un bouton par
    défaut : les boutons prennent la largeur de leur texte."""
    exercice = ExerciceClassement(fiche("partie2").question("q4a"))
    while exercice.montrer_indice() is not None:
        pass
    assert exercice.bouton_indice.description == "Tous les indices sont affichés"
    assert exercice.bouton_indice.layout.width == "auto"
    assert exercice.bouton_verifier.layout.width == "auto"
