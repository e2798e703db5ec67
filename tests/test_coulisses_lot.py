"""Le panneau « coulisses » se redessine une fois par action de l'élève, pas une fois par ligne
du journal (issue 17 : chaque rappel de widget sous 50 ms) — sans jamais rester en retard sur
le serveur : après chaque action, il montre exactement ce que montrerait un dessin complet."""

from __future__ import annotations

import pytest

from entsim import ENT, MOTS_DE_PASSE_DEMO
from entsim.etablissement.generation import PERSONAS
from entsim.widgets.portail import Portail

LEA = PERSONAS["eleve"].identifiant
SOPHIE = PERSONAS["mere"].identifiant
CHAMPS = ("resume", "cookie", "tickets", "decisions", "journal", "echanges")


@pytest.fixture
def ent():
    return ENT.demo(cout="rapide")


@pytest.fixture
def portail(ent):
    p = Portail(ent)
    yield p
    p.fermer()


def compter_dessins(monkeypatch, panneau) -> list[int]:
    """Compte les appels à ``actualiser`` (le dessin complet du panneau)."""
    appels = [0]
    original = panneau.actualiser

    def compte():
        appels[0] += 1
        original()

    monkeypatch.setattr(panneau, "actualiser", compte)
    return appels


def affichage(panneau) -> dict[str, str]:
    return {nom: getattr(panneau, nom).value for nom in CHAMPS}


def assert_a_jour(panneau) -> None:
    """Ce qu'affiche le panneau = ce qu'afficherait un dessin complet maintenant."""
    montre = affichage(panneau)
    panneau.actualiser()
    assert montre == affichage(panneau)


def connecter_et_ouvrir_trois_services(portail) -> list[str]:
    assert portail.se_connecter(LEA, MOTS_DE_PASSE_DEMO["eleve"]).startswith("✓")
    codes = list(portail.tuiles)[:3]
    for code in codes:
        portail.ouvrir(code)
    assert len(codes) == 3
    return codes


def test_deconnexion_avec_trois_services_un_seul_dessin(ent, portail, monkeypatch):
    codes = connecter_et_ouvrir_trois_services(portail)
    dessins = compter_dessins(monkeypatch, portail.coulisses)
    debut = ent.journal.dernier_numero()
    message = portail.se_deconnecter()
    assert "3 services prévenus (déconnexion unique)" in message
    assert ent.journal.dernier_numero() - debut >= len(codes) + 1     # plusieurs lignes…
    assert dessins[0] == 1                                            # … un seul dessin
    assert "Cookie TGC :</strong> aucun" in portail.coulisses.cookie.value
    assert_a_jour(portail.coulisses)


def test_bouton_deconnexion_un_seul_dessin(ent, portail, monkeypatch):
    connecter_et_ouvrir_trois_services(portail)
    dessins = compter_dessins(monkeypatch, portail.coulisses)
    portail.bouton_deconnexion.click()
    assert dessins[0] == 1 and portail.page_courante == "accueil"


@pytest.mark.parametrize("action", [
    lambda p: p.se_connecter(LEA, MOTS_DE_PASSE_DEMO["eleve"]),
    lambda p: p.se_connecter(LEA, "pas-le-bon"),
    lambda p: (p.se_connecter(LEA, MOTS_DE_PASSE_DEMO["eleve"]), p.ouvrir("notes")),
    lambda p: (connecter_et_ouvrir_trois_services(p), p.se_deconnecter()),
    lambda p: (connecter_et_ouvrir_trois_services(p), p.changer_de_role("mere")),
    lambda p: [p.se_connecter(LEA, "pas-le-bon") for _ in range(5)]
    + [p.attendre_fin_du_blocage()],
], ids=["connexion", "echec", "ouvrir", "deconnexion", "changer_de_role", "blocage"])
def test_apres_chaque_action_le_panneau_est_a_jour(portail, action):
    action(portail)
    assert_a_jour(portail.coulisses)


def test_changer_de_role_actions_imbriquees_un_seul_dessin(portail, monkeypatch):
    connecter_et_ouvrir_trois_services(portail)      # déconnexion, connexion, ouverture
    dessins = compter_dessins(monkeypatch, portail.coulisses)
    portail.changer_de_role("mere")
    assert portail.identifiant == SOPHIE
    assert dessins[0] == 1
    assert_a_jour(portail.coulisses)


def test_lots_imbriques_un_seul_dessin(ent, portail, monkeypatch):
    panneau = portail.coulisses
    dessins = compter_dessins(monkeypatch, panneau)
    with panneau.en_lot():
        ent.journal.enregistrer("deconnexion", identite=LEA, resultat="info", detail="un")
        with panneau.en_lot():
            ent.journal.enregistrer("deconnexion", identite=LEA, resultat="info",
                                    detail="deux")
        assert dessins[0] == 0                    # le lot intérieur ne dessine pas
        ent.journal.enregistrer("deconnexion", identite=LEA, resultat="info", detail="trois")
        assert dessins[0] == 0
    assert dessins[0] == 1
    assert "3 nouvelles lignes" in panneau.resume.value
    assert_a_jour(panneau)


def test_action_sans_ligne_de_journal_dessine_une_fois(portail, monkeypatch):
    dessins = compter_dessins(monkeypatch, portail.coulisses)
    portail.attendre_fin_du_blocage()             # rien à journaliser
    portail.basculer_projection(True)
    assert dessins[0] == 2                        # une fois par action, pas plus
    assert_a_jour(portail.coulisses)


def test_afficher_les_coulisses_dessine_une_fois(portail, monkeypatch):
    portail.montrer_coulisses(False)
    dessins = compter_dessins(monkeypatch, portail.coulisses)
    portail.bouton_coulisses.value = True
    assert dessins[0] == 1
    assert_a_jour(portail.coulisses)


def test_exception_dans_un_lot_le_panneau_est_quand_meme_a_jour(ent, portail):
    panneau = portail.coulisses
    with pytest.raises(RuntimeError, match="en plein lot"):
        with panneau.en_lot():
            ent.journal.enregistrer("deconnexion", identite=LEA, resultat="info",
                                    detail="essai")
            raise RuntimeError("en plein lot")
    assert "1 nouvelle ligne" in panneau.resume.value
    assert_a_jour(panneau)


def test_exception_pendant_une_action_du_portail_le_panneau_est_a_jour(portail, monkeypatch):
    connecter_et_ouvrir_trois_services(portail)

    def casse():
        raise RuntimeError("accueil en panne")

    monkeypatch.setattr(portail, "_afficher_accueil", casse)   # après la déconnexion SSO
    with pytest.raises(RuntimeError):
        portail.se_deconnecter()
    assert "Cookie TGC :</strong> aucun" in portail.coulisses.cookie.value
    assert_a_jour(portail.coulisses)


def test_hors_d_une_action_du_portail_le_panneau_suit_chaque_ligne(ent, portail,
                                                                    monkeypatch):
    dessins = compter_dessins(monkeypatch, portail.coulisses)
    ent.journal.enregistrer("deconnexion", identite=LEA, resultat="info", detail="un")
    assert dessins[0] == 1 and "1 nouvelle ligne" in portail.coulisses.resume.value
    ent.journal.enregistrer("deconnexion", identite=LEA, resultat="info", detail="deux")
    assert dessins[0] == 2 and "2 nouvelles lignes" in portail.coulisses.resume.value


def test_panneau_masque_ne_dessine_pas_et_se_remet_a_jour_quand_on_l_affiche(portail,
                                                                            monkeypatch):
    portail.montrer_coulisses(False)
    dessins = compter_dessins(monkeypatch, portail.coulisses)
    connecter_et_ouvrir_trois_services(portail)
    portail.se_deconnecter()
    assert dessins[0] == 0
    portail.montrer_coulisses(True)
    assert dessins[0] == 1
    assert_a_jour(portail.coulisses)
