"""Ce qu'un élève tape dans les notebooks 04a et 04b, essayé comme il le ferait (revue ELEVE04).

Chaque test part d'une saisie plausible d'élève qui donnait un retour trompeur :
une seule durée d'inactivité qui recevait en plus la valeur par défaut de l'autre, un mot de
passe de 129 à 200 caractères « non analysé » puis analysé quand même, une réponse de 7 ou
9 lettres à q15c à qui l'on conseillait d'écrire un dictionnaire, une flèche désignée par
« 1 » (entre guillemets) que le schéma disait hors de 1 à 8.
"""

from __future__ import annotations

import pytest

from entsim import ENT
from entsim.demonstrations.mot_de_passe_invente import analyser_mot_de_passe
from entsim.demonstrations.sso import DemonstrationSSO
from entsim.diagrammes import schema_a_completer
from entsim.questions import fiche
from entsim.socle.erreurs import ValeurInvalide


@pytest.fixture
def ent() -> ENT:
    return ENT.demo(cout="rapide")


@pytest.mark.parametrize(("arguments", "attendu"), [
    ({"heures": 3}, "3 h sans activité"),
    ({"minutes": 90}, "1 h 30 min sans activité"),
    ({"heures": 1.5}, "1 h 30 min sans activité"),
    ({}, "2 h 1 min sans activité"),          # sans rien : juste au-delà de la limite
])
def test_une_seule_duree_donnee_est_la_duree_d_inactivite(ent, arguments, attendu):
    maison = DemonstrationSSO(ent, poste="Ordinateur de la maison")
    maison.ouvrir_deux_services(bref=True)
    resultat = maison.laisser_inactif(**arguments)
    assert attendu in resultat.titre


def test_deux_heures_tout_juste_n_est_pas_deux_heures_et_une_minute(ent):
    maison = DemonstrationSSO(ent, poste="Ordinateur de la maison")
    maison.ouvrir_deux_services(bref=True)
    assert "2 h 1 min" not in maison.laisser_inactif(heures=2).texte()


@pytest.mark.parametrize("longueur", [129, 150, 200])
def test_un_mot_de_passe_trop_long_pour_l_ent_n_est_pas_analyse(ent, longueur):
    texte = analyser_mot_de_passe(ent, "a" * longueur).texte()
    assert "trop long" in texte
    assert "Entropie" not in texte and "conforme" not in texte   # pas « non analysé » puis analysé


@pytest.mark.parametrize(("reponse", "nombre"), [("DACGFHE", "7 lettres"),
                                                 ("DACGFHEBA", "9 lettres")])
def test_q15c_trop_ou_pas_assez_de_lettres_dit_combien(reponse, nombre):
    retour = str(fiche("partie3_authentification").verifier("q15c", reponse))
    assert nombre in retour and "8" in retour
    assert "dictionnaire { \"élément\"" not in retour    # pas de forme plus compliquée


def test_q15c_une_fleche_designee_par_un_numero_entre_guillemets():
    assert "1. (D)" in str(schema_a_completer({"1": "D"}))


def test_une_duree_entre_guillemets_est_signalee_comme_telle(ent):
    maison = DemonstrationSSO(ent, poste="Ordinateur de la maison")
    maison.ouvrir_deux_services(bref=True)
    with pytest.raises(ValeurInvalide, match="sans guillemets"):
        maison.laisser_inactif(heures="2")
