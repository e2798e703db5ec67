"""Les widgets du notebook de démarrage, pilotés sans navigateur (par leurs rappels)."""

import pytest

from entsim import ENT
from entsim.widgets import ExplorateurClasses, ExplorateurServices


@pytest.fixture(scope="module")
def ent():
    return ENT.demo(cout="rapide")


def test_explorateur_services_suit_le_profil_choisi(ent):
    w = ExplorateurServices(ent)
    assert w.resume.value.startswith("Profil Élève")
    w.choix.value = "Parent"            # comme un clic dans la liste déroulante
    nb_parent = len(ent.catalogue.pour_profil("Parent"))
    assert w.resume.value == f"Profil Parent : {nb_parent} services sur {len(ent.catalogue)}."
    assert "Notes et résultats des évaluations" in w.table.value
    assert "Médiacentre" not in w.table.value     # le GAR n'est pas ouvert aux parents
    assert "lecture" in w.table.value


def test_explorateur_services_profil_inconnu_message_francais(ent):
    w = ExplorateurServices(ent)
    assert "Profil inconnu" in w.choisir("pirate")


def test_explorateur_classes(ent):
    w = ExplorateurClasses(ent)
    w.choix.value = "TSTMG1"
    assert "12 élèves" in w.resume.value and "Nicolas Durand" in w.resume.value
    assert "Léa Martin" in w.eleves.value and "Sophie Martin" in w.eleves.value
    assert "Classe inconnue" in w.choisir("TERM99")


def test_le_texte_est_echappe():
    from entsim.widgets.mise_en_forme import tableau_html

    html = tableau_html(["Nom"], [["<script>alert(1)</script>"]])
    assert "<script>" not in html and "&lt;script&gt;" in html
