import doctest
import warnings

import pytest

import entsim.authentification.hachage
from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ErreurENT
from entsim.authentification.hachage import (
    LONGUEUR_MAX_MOT_DE_PASSE,
    SCHEMAS,
    GestionnaireEmpreintes,
    tableau_schemas,
)

MDP = "Cerisier-en-fleur-42"
SALES = ["argon2", "scrypt", "pbkdf2_sha256"]
SANS_SEL = ["md5_sans_sel", "sha1_sans_sel", "sha256_sans_sel", "clair"]


@pytest.mark.parametrize("schema", list(SCHEMAS))
def test_chaque_schema_hache_puis_reconnait_le_bon_mot_de_passe(schema):
    g = GestionnaireEmpreintes(schema, cout="rapide")
    empreinte = g.hacher(MDP)
    assert g.verifier(MDP, empreinte)
    assert not g.verifier("cerisier-en-fleur-42", empreinte)
    assert not g.verifier(MDP + " ", empreinte)
    assert g.schema_de(empreinte) == schema


@pytest.mark.parametrize("schema", SALES)
def test_un_schema_sale_donne_deux_empreintes_differentes_pour_le_meme_mot_de_passe(schema):
    g = GestionnaireEmpreintes(schema, cout="rapide")
    a, b = g.hacher(MDP), g.hacher(MDP)
    assert a != b
    assert g.verifier(MDP, a) and g.verifier(MDP, b)
    assert MDP not in a


@pytest.mark.parametrize("schema", SANS_SEL)
def test_un_schema_sans_sel_donne_toujours_la_meme_empreinte(schema):
    g = GestionnaireEmpreintes(schema)
    assert g.hacher(MDP) == g.hacher(MDP)


def test_empreintes_sans_sel_connues():
    assert GestionnaireEmpreintes("md5_sans_sel").hacher("azerty") == \
        "ab4f63f9ac65152575886860dde480a1"
    assert len(GestionnaireEmpreintes("sha1_sans_sel").hacher("azerty")) == 40
    assert len(GestionnaireEmpreintes("sha256_sans_sel").hacher("azerty")) == 64


def test_seul_le_schema_clair_stocke_le_mot_de_passe():
    for schema in SCHEMAS:
        empreinte = GestionnaireEmpreintes(schema, cout="rapide").hacher(MDP)
        assert (MDP in empreinte) == (schema == "clair")
        assert GestionnaireEmpreintes().est_en_clair(empreinte) == (schema == "clair")


def test_parametres_normaux_d_argon2_et_de_pbkdf2():
    argon = GestionnaireEmpreintes("argon2").hacher(MDP)
    assert argon.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    pbkdf2 = GestionnaireEmpreintes("pbkdf2_sha256").hacher(MDP)
    assert pbkdf2.startswith("$pbkdf2-sha256$600000$")


def test_une_empreinte_md5_est_renforcee_en_argon2_a_la_connexion():
    ancienne = GestionnaireEmpreintes("md5_sans_sel").hacher(MDP)
    g = GestionnaireEmpreintes("argon2", cout="rapide")
    assert g.doit_etre_renforcee(ancienne)
    ok, nouvelle = g.verifier_et_renforcer(MDP, ancienne)
    assert ok and nouvelle.startswith("$argon2id$")
    assert g.verifier(MDP, nouvelle)
    assert g.verifier_et_renforcer(MDP, nouvelle) == (True, None)
    assert g.verifier_et_renforcer("mauvais", ancienne) == (False, None)


def test_un_cout_rapide_est_renforce_mais_un_cout_normal_n_est_jamais_affaibli():
    rapide = GestionnaireEmpreintes("argon2", cout="rapide")
    normal = GestionnaireEmpreintes("argon2")
    assert normal.doit_etre_renforcee(rapide.hacher(MDP))
    assert not rapide.doit_etre_renforcee(normal.hacher(MDP))
    assert not rapide.doit_etre_renforcee(rapide.hacher(MDP))


def test_un_mot_de_passe_en_clair_qui_ressemble_a_un_md5_se_verifie_avec_son_schema():
    ressemble = "ab4f63f9ac65152575886860dde480a1"      # MD5 de « azerty »
    g = GestionnaireEmpreintes("clair")
    stocke = g.hacher(ressemble)
    assert g.schema_de(stocke) == "md5_sans_sel"          # le format seul est ambigu…
    assert g.verifier(ressemble, stocke, schema="clair")  # …d'où le schéma mémorisé
    # Et surtout : taper l'empreinte MD5 volée ne permet pas d'entrer (« pass-the-hash »).
    md5 = GestionnaireEmpreintes("md5_sans_sel").hacher("azerty")
    assert not g.verifier(md5, md5, schema="md5_sans_sel")
    assert not g.verifier(md5, md5)


def test_saisies_invalides_et_empreintes_abimees():
    g = GestionnaireEmpreintes("pbkdf2_sha256", cout="rapide")
    for mauvais in (None, 1234, "", "x" * (LONGUEUR_MAX_MOT_DE_PASSE + 1)):
        with pytest.raises(ErreurENT):
            g.hacher(mauvais)
        assert g.verifier(mauvais, g.hacher(MDP)) is False
    assert g.verifier(MDP, "$argon2id$abime") is False
    assert g.verifier(MDP, None) is False
    assert g.verification_factice() is False


def test_schema_et_cout_inconnus_donnent_un_message_francais():
    with pytest.raises(ErreurENT, match="Schéma de stockage inconnu.*argon2"):
        GestionnaireEmpreintes("rot13")
    with pytest.raises(ErreurENT, match="Coût inconnu"):
        GestionnaireEmpreintes("argon2", cout="turbo")


def test_les_schemas_faibles_n_emettent_aucun_avertissement():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for schema in SCHEMAS:
            g = GestionnaireEmpreintes(schema, cout="rapide")
            assert g.verifier(MDP, g.hacher(MDP))


def test_descriptions_verdicts_et_position_de_la_cnil():
    assert {n for n, d in SCHEMAS.items() if d.sur} == set(SALES)
    assert not SCHEMAS["md5_sans_sel"].sale and not SCHEMAS["md5_sans_sel"].lent
    assert "Non acceptable" in SCHEMAS["md5_sans_sel"].statut_cnil
    assert "NE DOIVENT PAS être stockés en clair" in SCHEMAS["clair"].statut_cnil
    assert "CNIL" in SCHEMAS["argon2"].statut_cnil
    assert "Argon2id" in str(SCHEMAS["argon2"])


def test_tableau_des_schemas():
    tableau = tableau_schemas()
    assert list(tableau.index) == list(SCHEMAS)
    assert tableau.loc["argon2", "Paramètres"] == "m = 19 Mio, t = 2, p = 1"
    assert tableau.loc["md5_sans_sel", "Salé"] == "non"
    assert tableau.loc["clair", "Sûr"] == "non"


def test_exemples_de_la_documentation():
    resultat = doctest.testmod(entsim.authentification.hachage)
    assert resultat.failed == 0 and resultat.attempted > 0


def test_en_mode_reproductible_les_sels_viennent_de_la_graine():
    a = GestionnaireEmpreintes("argon2", cout="rapide", source=SourceAleatoire(1))
    b = GestionnaireEmpreintes("argon2", cout="rapide", source=SourceAleatoire(1))
    premiere = a.hacher(MDP)
    assert premiere == b.hacher(MDP)            # même graine : même empreinte (nbval)
    assert a.hacher(MDP) != premiere            # mais un sel neuf à chaque empreinte
    reel = GestionnaireEmpreintes("argon2", cout="rapide",
                                  source=SourceAleatoire(1, reproductible=False))
    assert reel.hacher(MDP) != premiere
    with pytest.raises(ErreurENT):
        GestionnaireEmpreintes("argon2", source=42)
