"""Un notebook ouvert sans avoir été exécuté (l'état des widgets n'y est pas enregistré) montre
de chaque widget sa sortie ``text/plain`` : ce doit être une phrase française qui nomme le
widget et dit quoi faire (« Portail de l'ENT : exécutez la cellule (Maj + Entrée) pour
l'afficher. »), jamais « VBox(children=(HTML(value=… ». Vérifié sans navigateur : on lit ce que
Jupyter enregistre dans le notebook quand la cellule affiche le widget."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from test_widgets_exercices import _afficher_dans_un_shell

import entsim.widgets as paquet_widgets
from entsim import ENT
from entsim.authentification.preuves import TelephoneSimule
from entsim.demonstrations.sso import DemonstrationSSO
from entsim.etablissement.generation import PERSONAS
from entsim.widgets.accueil import PageAccueil
from entsim.widgets.demarrage import ExplorateurClasses, ExplorateurServices
from entsim.widgets.pas_a_pas import PasAPas
from entsim.widgets.portail import MemeActionParRole, Portail
from entsim.widgets.repli import CONSIGNE_EXECUTER
from entsim.widgets.telephone import TelephoneWidget
from entsim.widgets.vues import ContexteVue, classe_de_vue

VUE_WIDGET = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def ent():
    return ENT.demo(cout="rapide")


def _verifier_repli(objet, debut: str) -> str:
    donnees = _afficher_dans_un_shell(objet)
    assert VUE_WIDGET in donnees                   # exécuté : le widget s'affiche
    repli = donnees["text/plain"]
    for code_python in ("Box(", "children", "HTML(value", "object at 0x"):
        assert code_python not in repli, repli
    assert repli.startswith(debut), repli
    assert repli.endswith(" : " + CONSIGNE_EXECUTER)
    assert "\n" not in repli                       # une ligne courte
    return repli


def test_le_portail_non_execute_dit_d_executer_la_cellule(ent):
    repli = _verifier_repli(Portail(ent), "Portail de l'ENT")
    assert repli == "Portail de l'ENT : exécutez la cellule (Maj + Entrée) pour l'afficher."


def test_les_panneaux_du_portail_ont_leur_phrase(ent):
    portail = Portail(ent)
    _verifier_repli(portail.coulisses, "Panneau « Dans les coulisses »")
    _verifier_repli(PageAccueil(ent, connecter=lambda i, m: None, activer=lambda *a: None),
                    "Page d'accueil de l'ENT")


def test_la_comparaison_par_role_nomme_le_service(ent):
    repli = _verifier_repli(MemeActionParRole(ent, "notes"), "Comparaison par rôle")
    assert "« Notes" in repli and "Léa Martin" in repli


def test_les_explorateurs_du_demarrage(ent):
    _verifier_repli(ExplorateurServices(ent), "Explorateur des services")
    _verifier_repli(ExplorateurClasses(ent), "Explorateur des classes")


def test_le_pas_a_pas_et_le_telephone():
    ent = ENT.demo(cout="rapide")
    parcours = DemonstrationSSO(ent).ouvrir_deux_services().parcours
    _verifier_repli(PasAPas(parcours), "Connexion à l'ENT pas à pas (8 étapes)")
    secret = ent.authentification.activer_otp("lea.martin")
    _verifier_repli(TelephoneWidget(TelephoneSimule("Léa", secret, ent.horloge)),
                    "Téléphone simulé")


@pytest.mark.parametrize("code", ["notes", "messagerie", "forum", "cdi", "emploi_du_temps",
                                  "wiki"])
def test_chaque_vue_de_service_nomme_son_service(ent, code):
    """Une vue dédiée (vie de l'élève, communication) ou la fiche générique du catalogue."""
    vue = classe_de_vue(code)(ContexteVue(ent, PERSONAS["eleve"].identifiant), code)
    repli = _verifier_repli(vue, "")
    assert f"« {ent.catalogue.service(code).nom} »" in repli


def _classes_avec_vue() -> list[type]:
    """Toutes les classes d'entsim.widgets qui construisent un widget racine ``self.vue``."""
    classes = []
    for module in pkgutil.walk_packages(paquet_widgets.__path__, "entsim.widgets."):
        contenu = importlib.import_module(module.name)
        for _nom, classe in inspect.getmembers(contenu, inspect.isclass):
            if classe.__module__ == module.name and "self.vue = " in inspect.getsource(classe):
                classes.append(classe)
    return classes


def test_toute_classe_de_widget_s_affiche_avec_un_repli():
    """Un nouveau widget qui oublierait le texte de repli montrerait « VBox(children=… »."""
    classes = _classes_avec_vue()
    assert {"Portail", "PasAPas", "TelephoneWidget", "MemeActionParRole", "PanneauCoulisses",
            "ExplorateurServices", "VueFiche"} <= {c.__name__ for c in classes}
    sans_repli = [c.__qualname__ for c in classes
                  if "afficher_avec_repli" not in inspect.getsource(c._ipython_display_)]
    assert not sans_repli, sans_repli
