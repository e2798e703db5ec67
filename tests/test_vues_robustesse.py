"""Robustesse des vues du portail : une valeur absurde donne une phrase française, jamais
une exception ; ouvrir une vue trace une seule décision par ressource lue."""

from __future__ import annotations

import inspect
import itertools
import pkgutil
from collections import Counter

import pytest

import entsim.widgets.vues as paquet_vues
from entsim import ENT
from entsim.etablissement.generation import PERSONAS
from entsim.widgets.portail import Portail
from entsim.widgets.vues import ContexteVue, actions_de_vue, classe_de_vue

CODES = sorted(m.name for m in pkgutil.iter_modules(paquet_vues.__path__)
               if not m.name.startswith("_") and m.name != "fiche")
ROLES = ("eleve", "mere", "professeur_principal", "cpe", "documentaliste", "invite")
#: Des saisies absurdes qu'un élève peut taper dans une cellule.
ABSURDES = (None, 3, [], "zz", "")


@pytest.fixture(scope="module")
def ent():
    return ENT.demo(cout="rapide")


def test_toutes_les_vues_ont_des_actions():
    assert len(CODES) >= 14
    for code in CODES:
        assert actions_de_vue(classe_de_vue(code)), code


def _appels(methode):
    """Les listes d'arguments essayées : chaque arité possible, toutes les combinaisons de
    valeurs absurdes sur les deux premiers arguments."""
    params = [p for p in inspect.signature(methode).parameters.values()
              if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    yield []
    for n in range(1, len(params) + 1):
        for debut in itertools.product(ABSURDES, repeat=min(n, 2)):
            yield list(debut) + [debut[-1]] * (n - len(debut))


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("role", ROLES)
def test_chaque_action_repond_par_une_phrase_a_une_saisie_absurde(ent, code, role):
    classe = classe_de_vue(code)
    vue = classe(ContexteVue(ent, PERSONAS[role].identifiant), code)
    for nom in actions_de_vue(classe):
        methode = getattr(vue, nom)
        for arguments in _appels(methode):
            vue.erreur_interne = None
            phrase = methode(*arguments)            # aucune exception, quelle qu'elle soit
            assert isinstance(phrase, str) and phrase.strip(), (nom, arguments)
            assert "Error" not in phrase and "Traceback" not in phrase, (nom, phrase)
            assert vue.erreur_interne is None, (nom, arguments, repr(vue.erreur_interne))
        assert vue.texte()


def test_phrases_precises_pour_les_cas_signales(ent):
    def vue(code, role):
        return classe_de_vue(code)(ContexteVue(ent, PERSONAS[role].identifiant), code)

    cahier = vue("cahier_de_textes", "eleve")
    assert cahier.afficher("zz").startswith("⚠ Affichage inconnu : « zz »")
    assert cahier.afficher("seances").startswith("Cahier de textes de TSTMG1")  # pas bloquée
    prof = vue("cahier_de_textes", "professeur_principal")
    assert prof.ecrire("SIG", 3).startswith("⚠ « contenu » doit être un texte")
    assert prof.ecrire("SIG", "Séance", "Exercice", 3).startswith(
        "⚠ La date du travail s'écrit JJ/MM/AAAA (reçu : « 3 »)")
    assert vue("notes", "eleve").choisir_classe("TSTMG1").startswith(
        "⚠ « Notes et résultats des évaluations » ne se choisit pas par classe")
    assert vue("cdi", "eleve").choisir_classe("TSTMG1") == \
        "⚠ « Catalogue du CDI (e-sidoc) » ne propose pas de choix de classe."
    assert vue("cdi", "eleve").choisir_eleve("lea.martin").startswith("⚠ ")
    edt = vue("emploi_du_temps", "cpe")
    assert edt.choisir(3).startswith("⚠ Choisissez une classe")
    assert edt.choisir_classe("2NDE3").startswith("Emploi du temps de la classe 2NDE3")
    assert vue("notes", "professeur_principal").choisir_classe("zz") == \
        "⚠ Classe inconnue : « zz » (exemples : TSTMG1, 2NDE3)."
    assert vue("orientation", "eleve").ajouter(None, None).startswith("⚠ ")
    assert vue("forum", "eleve").choisir_categorie([]).startswith("⚠ Impossible : Catégorie")
    assert vue("absences", "cpe").signaler(["lea.martin"]).startswith(
        "⚠ L'élève s'indique par son identifiant")
    assert vue("messagerie", "eleve").afficher([]).startswith("⚠ Dossier inconnu")
    assert vue("absences", "mere").justifier(None).startswith("⚠ L'action « justifier » attend")


@pytest.mark.parametrize("role", ("eleve", "mere", "professeur_principal", "cpe",
                                  "documentaliste"))
def test_ouvrir_une_vue_trace_une_decision_par_ressource(role):
    ent = ENT.demo(cout="rapide")
    portail = Portail(ent)
    portail.changer_de_role(role)
    for code in sorted(portail.tuiles):
        debut = ent.journal.dernier_numero()
        portail.ouvrir(code)
        decisions = Counter((e.operation, e.objet) for e in ent.journal.depuis(debut)
                            if e.operation in ("acces_autorise", "acces_refuse"))
        assert all(n == 1 for n in decisions.values()), (code, decisions)
    portail.fermer()


def test_actions_du_forum_une_lecture_par_ressource(ent):
    vue = classe_de_vue("forum")(ContexteVue(ent, PERSONAS["eleve"].identifiant), "forum")
    numero = vue.choix_sujet.options[0][1]
    for action in (lambda: vue.ouvrir_sujet(numero),
                   lambda: vue.choisir_categorie(vue.code_categorie)):
        debut = ent.journal.dernier_numero()
        assert action().startswith("✓ ")
        lectures = [e.objet for e in ent.journal.depuis(debut)
                    if e.operation == "acces_autorise"]
        assert len(lectures) == len(set(lectures)) == 1, lectures


def test_absences_une_lecture_pour_les_evenements_et_le_bilan(ent):
    debut = ent.journal.dernier_numero()
    vue = classe_de_vue("absences")(ContexteVue(ent, PERSONAS["eleve"].identifiant),
                                    "absences")
    lectures = [e.objet for e in ent.journal.depuis(debut) if e.operation == "acces_autorise"]
    assert lectures == ["absences de Léa Martin (lire)"]
    assert "1 demi-journée d'absence, dont 1 non justifiée ; 0 retard." in vue.texte()


@pytest.mark.parametrize("code", CODES)
def test_le_filet_des_actions_tient_face_a_un_nombre_enorme_ou_un_texte_de_1_mo(ent, code):
    """Avant : la phrase du filet de sécurité citait la valeur reçue telle quelle ; un entier
    de plus de 4 300 chiffres faisait lever ValueError au filet lui-même (65 actions), et un
    texte de 1 Mo était répété en entier dans la phrase."""
    classe = classe_de_vue(code)
    vue = classe(ContexteVue(ent, PERSONAS["professeur_principal"].identifiant), code)
    for nom in actions_de_vue(classe):
        methode = getattr(vue, nom)
        for valeur in (10 ** 5000, "x" * 1_000_000, "Sortie\udfff\u202e"):
            for arguments in _appels(methode):
                phrase = methode(*[valeur for _ in arguments])
                assert isinstance(phrase, str) and len(phrase) < 2000, (nom, phrase[:200])
                assert "\udfff" not in phrase and "\u202e" not in phrase, (nom, ascii(phrase))
