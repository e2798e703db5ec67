"""Tests de la cinématique d'accès du SDET exécutée pour de vrai (entsim.sso.parcours)."""

from __future__ import annotations

import pytest

from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.sso.navigateur import Navigateur
from entsim.sso.parcours import TITRES_SDET, parcours_acces
from test_sso import MOTS_DE_PASSE, Monde

MDP = MOTS_DE_PASSE["lea.martin"]


@pytest.fixture
def monde() -> Monde:
    return Monde()


def test_les_huit_etapes_dans_l_ordre(monde):
    cdi = Navigateur("Poste du CDI")
    parcours = parcours_acces(monde.serveur, cdi, "lea.martin", MDP, "cahier_de_textes",
                              "messagerie")
    assert parcours.ok and parcours.code == "parcours_complet" and parcours.arret is None
    assert [e.numero for e in parcours.etapes] == list(range(1, 9))
    assert all(e.reussie for e in parcours.etapes)
    assert [e.titre for e in parcours.etapes] == [TITRES_SDET[i] for i in range(1, 9)]
    assert parcours.etape(1).titre.startswith("Un utilisateur non authentifié")
    assert parcours.etape(8).titre == "L'utilisateur accède au service applicatif."


def test_chaque_etape_porte_les_vraies_valeurs(monde):
    cdi = Navigateur("Poste du CDI")
    parcours = parcours_acces(monde.serveur, cdi, "lea.martin", MDP, "cahier_de_textes",
                              "messagerie")
    tgt = monde.serveur.tgt_de(cdi).tgt
    tickets = [t.ticket for t in monde.serveur.tickets()]
    assert tgt in parcours.etape(2).detail and "TGC=" in parcours.etape(2).detail
    assert "Service ouvert à tous les profils" in parcours.etape(3).detail
    assert tickets[0] in parcours.etape(4).detail and "profil = Élève" in \
        parcours.etape(4).detail
    assert tickets[1] in parcours.etape(7).detail
    assert "session_messagerie" in parcours.etape(8).detail


def test_les_lignes_du_journal_sont_rangees_par_etape(monde):
    parcours = parcours_acces(monde.serveur, Navigateur("Poste du CDI"), "lea.martin", MDP,
                              "cahier_de_textes", "messagerie")
    operations = {e.numero: [x.operation for x in e.entrees] for e in parcours.etapes}
    assert operations == {
        1: [], 2: ["connexion_reussie", "tgt_cree"], 3: ["acces_autorise"],
        4: ["ticket_emis", "ticket_valide"], 5: [], 6: [],
        7: ["acces_autorise", "ticket_emis", "ticket_valide"], 8: [],
    }
    toutes = [x.numero for e in parcours.etapes for x in e.entrees]
    assert toutes == sorted(toutes) == [x.numero for x in monde.journal]


def test_les_echanges_suivent_les_etapes(monde):
    parcours = parcours_acces(monde.serveur, Navigateur("Poste du CDI"), "lea.martin", MDP,
                              "cahier_de_textes", "messagerie")
    assert parcours.etape(1).echanges[0].statut == 302
    assert [e.methode for e in parcours.etape(2).echanges] == ["GET", "POST"]
    assert parcours.etape(4).echanges[0].canal == "serveur_a_serveur"
    assert parcours.etape(5).echanges[0].cookies_poses[0].startswith("session_cahier")
    assert not any(e.methode == "POST" for e in parcours.etape(7).echanges)
    numeros = [x.numero for e in parcours.etapes for x in e.echanges]
    assert sorted(numeros) == [e.numero for e in monde.serveur.reseau.echanges()]


def test_mauvais_mot_de_passe_arrete_a_l_etape_2(monde):
    parcours = parcours_acces(monde.serveur, Navigateur("Poste du CDI"), "lea.martin",
                              "mot-de-passe-faux", "cahier_de_textes", "messagerie")
    assert not parcours.ok and parcours.arret == 2
    assert parcours.code == "identifiants_incorrects"
    assert [e.numero for e in parcours.etapes] == [1, 2]
    assert not parcours.etape(2).reussie
    assert "incorrect" in parcours.message
    assert [x.operation for x in parcours.etape(2).entrees] == ["connexion_echouee"]


def test_autorisation_refusee_arrete_a_l_etape_3(monde):
    monde.refus.add(("lea.martin", "cahier_de_textes"))
    parcours = parcours_acces(monde.serveur, Navigateur("Poste du CDI"), "lea.martin", MDP,
                              "cahier_de_textes", "messagerie")
    assert not parcours.ok and parcours.arret == 3 and parcours.code == "acces_refuse"
    assert [e.numero for e in parcours.etapes] == [1, 2, 3]
    assert "réservé aux personnels" in parcours.etape(3).detail
    assert [x.operation for x in parcours.etape(3).entrees] == ["acces_refuse"]


def test_refus_du_second_service_arrete_a_l_etape_7(monde):
    monde.refus.add(("lea.martin", "notes"))
    parcours = parcours_acces(monde.serveur, Navigateur("Poste du CDI"), "lea.martin", MDP,
                              "cahier_de_textes", "notes")
    assert parcours.arret == 7 and parcours.code == "acces_refuse"


def test_il_faut_partir_non_authentifie(monde):
    cdi = Navigateur("Poste du CDI")
    monde.connecter(cdi)
    with pytest.raises(ErreurENT, match="déjà ouverte") as erreur:
        parcours_acces(monde.serveur, cdi, "lea.martin", MDP, "cahier_de_textes", "messagerie")
    # le message dit à l'élève quoi exécuter (et non une commande de développeur)
    assert 'ent.deconnexion(poste="Poste du CDI")' in str(erreur.value)
    assert "demo.se_deconnecter()" in str(erreur.value)
    assert "serveur.deconnexion" not in str(erreur.value)
    monde.serveur.deconnexion(cdi)
    assert parcours_acces(monde.serveur, cdi, "lea.martin", MDP, "cahier_de_textes",
                          "messagerie").ok


def test_deux_services_differents(monde):
    with pytest.raises(ValeurInvalide, match="deux services différents"):
        parcours_acces(monde.serveur, Navigateur("Téléphone"), "lea.martin", MDP, "notes",
                       "notes")


def test_affichage_et_tableau(monde):
    parcours = parcours_acces(monde.serveur, Navigateur("Poste du CDI"), "lea.martin", MDP,
                              "cahier_de_textes", "messagerie")
    texte = str(parcours)
    assert texte.splitlines()[0].startswith("1. Un utilisateur non authentifié")
    assert "Parcours complet" in texte
    tableau = parcours.tableau()
    assert list(tableau.index) == list(range(1, 9))
    assert "Acteur" in tableau.columns


def test_numero_d_etape_entre_guillemets(monde):
    parcours = parcours_acces(monde.serveur, Navigateur("Poste du CDI"), "lea.martin", MDP,
                              "cahier_de_textes", "messagerie")
    with pytest.raises(ValeurInvalide, match="nombre entier, sans guillemets"):
        parcours.etape("1")
    with pytest.raises(ValeurInvalide, match="pas d'étape 9"):
        parcours.etape(9)
    assert parcours.etape(1).numero == 1


def test_le_cookie_tgc_est_presente_a_l_etape_7(monde):
    """Le TGC est posé à l'étape 2 et présenté au serveur CAS à l'étape 7 (pas à la 6)."""
    parcours = parcours_acces(monde.serveur, Navigateur("Poste du CDI"), "lea.martin", MDP,
                              "cahier_de_textes", "messagerie")
    tgc = [n for n in range(1, 9) for e in parcours.etape(n).echanges
           if any(c.startswith("TGC=") for c in e.cookies_envoyes)]
    assert tgc == [7]
    assert "TGC" not in parcours.etape(6).detail
    assert "TGC=" in parcours.etape(7).detail
