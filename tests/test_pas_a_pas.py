"""Le widget pas à pas parcourt les 8 étapes dans les deux sens (ses boutons sont cliqués)."""

from __future__ import annotations

import pytest

from entsim import ENT, MOTS_DE_PASSE_DEMO
from entsim.demonstrations.sso import DemonstrationSSO
from entsim.socle.erreurs import ValeurInvalide
from entsim.sso.navigateur import Navigateur
from entsim.sso.parcours import parcours_acces
from entsim.authentification.preuves import TelephoneSimule, code_totp
from entsim.widgets.pas_a_pas import PasAPas
from entsim.widgets.telephone import TelephoneWidget


@pytest.fixture(scope="module")
def parcours():
    return DemonstrationSSO(ENT.demo(cout="rapide")).ouvrir_deux_services().parcours


def test_les_boutons_parcourent_les_huit_etapes_dans_les_deux_sens(parcours):
    w = PasAPas(parcours)
    assert w.etape == 1 and w.compteur.value == "Étape 1 sur 8"
    assert w.bouton_precedent.disabled and not w.bouton_suivant.disabled
    vus = [w.etape]
    for _ in range(7):
        w.bouton_suivant.click()
        vus.append(w.etape)
    assert vus == list(range(1, 9))
    assert w.compteur.value == "Étape 8 sur 8"
    assert w.bouton_suivant.disabled and not w.bouton_precedent.disabled
    w.bouton_suivant.click()  # bouton désactivé : rien ne bouge
    w.suivant()
    assert w.etape == 8
    for attendu in range(7, 0, -1):
        w.bouton_precedent.click()
        assert w.etape == attendu and w.compteur.value == f"Étape {attendu} sur 8"
    w.precedent()
    assert w.etape == 1 and w.bouton_precedent.disabled


def test_chaque_etape_montre_ses_vraies_valeurs(parcours):
    w = PasAPas(parcours)
    ticket = next(x.objet for x in parcours.etape(4).entrees if x.operation == "ticket_emis")
    texte = w.aller_a(4)
    assert texte.startswith("Étape 4 sur 8")
    assert ticket in texte and ticket in w.explication.value and w.echo.value == texte
    assert "étape 4 sur 8" in w.dessin.value and "▶ 4." in w.schema().description()
    w.aller_a(2)
    assert "TGC=" in w.echo.value and "Connexion réussie" in w.echo.value


def test_le_texte_de_l_utilisateur_est_echappe():
    ent = ENT.demo(cout="rapide")
    poste = Navigateur("<b>Poste piégé</b>")
    parcours = parcours_acces(ent.cas, poste, "lea.martin", MOTS_DE_PASSE_DEMO["eleve"],
                              "cahier_de_textes", "messagerie")
    w = PasAPas(parcours)
    assert "&lt;b&gt;Poste piégé&lt;/b&gt;" in w.explication.value
    assert "<b>Poste" not in w.explication.value and "<b>Poste" not in w.dessin.value
    assert "<b>Poste piégé</b>" in w.echo.value      # le texte brut reste lisible


def test_etape_hors_limites(parcours):
    w = PasAPas(parcours)
    with pytest.raises(ValeurInvalide, match="de 1 à 8"):
        w.aller_a(9)
    with pytest.raises(ValeurInvalide):
        PasAPas("pas un parcours")


def test_le_telephone_suit_l_horloge_simulee():
    ent = ENT.demo(cout="rapide")
    secret = ent.authentification.activer_otp("lea.martin")
    w = TelephoneWidget(TelephoneSimule("Léa", secret, ent.horloge))
    code = code_totp(secret, ent.horloge.maintenant())
    assert f"{code[:3]} {code[3:]}" in w.resume.value and "encore 30 s" in w.resume.value
    w.bouton_attendre.click()
    assert "encore 20 s" in w.resume.value
    w.attendre(20)
    suivant = code_totp(secret, ent.horloge.maintenant())
    assert suivant != code and f"{suivant[:3]} {suivant[3:]}" in w.resume.value


def test_un_numero_entre_guillemets_est_signale_comme_tel(parcours):
    """« aller_a("3") » disait « Choisissez une étape de 1 à 8 (reçu : « 3 ») » : faux, 3
    est entre 1 et 8 ; c'est l'écriture entre guillemets qui ne va pas (comme parcours.etape)."""
    w = PasAPas(parcours)
    with pytest.raises(ValeurInvalide, match="sans guillemets") as erreur:
        w.aller_a("3")
    assert "de 1 à" not in str(erreur.value) and "aller_a(3)" in str(erreur.value)
    assert w.etape == 1


def test_le_texte_de_l_etape_nomme_les_attributs_en_francais(parcours):
    """L'écho « En texte » montrait les clés techniques sans accents (« prenom = Léa ;
    etablissement = 0492954V ») : il montre les libellés de demo.propagation()."""
    w = PasAPas(parcours)
    texte = w.aller_a(4)
    assert "Prénom : Léa" in texte and "Établissement (numéro UAI) : " in texte
    assert "prenom =" not in texte and "etablissement =" not in texte
    assert "Prénom : Léa" in w.explication.value and "prenom =" not in w.explication.value
