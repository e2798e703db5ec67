"""La notice d'information (RGPD, art. 13) : celle du portail est complète, celle de 2013 non."""

import pytest

from entsim import ENT
from entsim.rgpd.notice import ELEMENTS_ARTICLE_13, NOTICE_2013, notice_du_portail, \
    rubriques_du_portail, verifier_notice
from entsim.socle.erreurs import ErreurENT


@pytest.fixture(scope="module")
def ent():
    return ENT.demo()


def test_notice_du_portail_complete(ent):
    texte = notice_du_portail(ent)
    resultat = verifier_notice(texte)
    assert resultat.complete, resultat.texte()
    for attendu in ("Philippe Lefèvre", "dpd@ac-nantes.example", "RGPD, art. 6.1.e",
                    "droit à l'effacement", "droit à la limitation", "RGPD, art. 17.3.b",
                    "RGPD, art. 20.3", "un mois", "réclamation à la CNIL", "SAS Exemple-ENT"):
        assert attendu in texte, attendu


def test_page_accueil_affiche_la_meme_notice(ent):
    from entsim.widgets.accueil import notice_information

    assert notice_information(ent) == rubriques_du_portail(ent)


def test_notice_2013_incomplete():
    resultat = verifier_notice(NOTICE_2013)
    assert resultat.codes_presents() >= {"responsable", "finalites", "destinataires",
                                          "acces", "rectification", "opposition"}
    assert {"dpo", "base_legale", "conservation", "effacement", "limitation",
            "reclamation"} <= resultat.codes_manquants()
    assert not resultat.complete
    assert "délégué à la protection des données" in resultat.texte()
    df = resultat.tableau()
    assert list(df.index) == list(range(1, len(ELEMENTS_ARTICLE_13) + 1))
    assert set(df["Mentionné"]) <= {"oui", "non", "non (le cas échéant)"}


def test_cnil_citee_sans_reclamation_ne_compte_pas():
    assert "reclamation" not in verifier_notice(
        "Ce traitement a été déclaré à la CNIL.").codes_presents()
    assert "reclamation" in verifier_notice(
        "Vous pouvez adresser une réclamation à la CNIL.").codes_presents()


def test_texte_vide_refuse_en_francais():
    with pytest.raises(ErreurENT, match="ne peut pas être vide"):
        verifier_notice("  ")
