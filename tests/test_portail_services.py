"""Chaque service de l'issue s'ouvre DANS LE PORTAIL (par le SSO, puis sa vue) pour chaque
profil qui l'utilise, et montre les données de l'établissement de démonstration."""

import pytest

from entsim import ENT, MOTS_DE_PASSE_DEMO
from entsim.etablissement.annuaire import Profil
from entsim.etablissement.generation import PERSONAS
from entsim.widgets.portail import Portail
from entsim.widgets.vues.fiche import VueFiche

#: Les services que l'issue 4 demande de rendre utilisables avec les données de la démo.
SERVICES = ("messagerie", "actualites", "cahier_de_textes", "notes", "absences",
            "emploi_du_temps", "agenda", "forum", "blog", "espace_documentaire", "mediacentre",
            "cdi", "orientation")

#: Un personnage de la démo par profil.
PERSONNAGE = {Profil.ELEVE: "eleve", Profil.PARENT: "mere",
              Profil.ENSEIGNANT: "professeur_principal", Profil.PERSONNEL: "cpe",
              Profil.INVITE: "invite"}


def _cas():
    ent = ENT.demo(cout="rapide")
    for profil, role in PERSONNAGE.items():
        for code in SERVICES:
            if ent.catalogue.usage(profil, code) != "aucun":
                yield profil, role, code


@pytest.fixture(scope="module")
def ent():
    return ENT.demo(cout="rapide")


@pytest.mark.parametrize("profil, role, code", list(_cas()),
                         ids=lambda v: v.value if isinstance(v, Profil) else str(v))
def test_le_service_s_ouvre_dans_le_portail(ent, profil, role, code):
    portail = Portail(ent, coulisses=False)
    identifiant = PERSONAS[role].identifiant
    assert portail.se_connecter(identifiant, MOTS_DE_PASSE_DEMO[role]).startswith("✓")
    annonce = portail.ouvrir(code)
    assert "Accès refusé" not in annonce and "⚠" not in annonce, annonce
    assert portail.code_ouvert == code
    vue = portail.vue_service
    assert vue is not None and not isinstance(vue, VueFiche), "une vue dédiée est attendue"
    texte = vue.texte()
    assert ent.catalogue.service(code).nom in portail.texte()
    assert len(texte.splitlines()) >= 3 and "Traceback" not in texte
    portail.se_deconnecter()


def test_chaque_profil_est_couvert():
    profils = {profil for profil, _, _ in _cas()}
    assert profils == set(PERSONNAGE)
