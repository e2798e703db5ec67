import re

import pytest

from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ErreurENT


def test_meme_graine_memes_tirages_et_composants_independants():
    a, b = SourceAleatoire(7), SourceAleatoire(7)
    # L'ordre d'appel des composants ne change pas ce que chacun tire.
    b.generateur("activite").random()
    assert [a.generateur("annuaire").random() for _ in range(3)] == \
        [b.generateur("annuaire").random() for _ in range(3)]
    assert SourceAleatoire(8).generateur("annuaire").random() != \
        SourceAleatoire(7).generateur("annuaire").random()


def test_jetons_reproductibles_ou_secrets():
    assert SourceAleatoire(1).jeton() == SourceAleatoire(1).jeton()
    s1, s2 = SourceAleatoire(1, reproductible=False), SourceAleatoire(1, reproductible=False)
    assert s1.jeton() != s2.jeton()
    assert re.fullmatch(r"[A-Za-z0-9]{32}", s1.jeton())
    assert len(SourceAleatoire(3).octets(16)) == 16
    assert re.fullmatch(r"\d{6}", SourceAleatoire(3).chiffres(6))


def test_graine_invalide():
    with pytest.raises(ErreurENT, match="entier"):
        SourceAleatoire("abc")


def test_sources_derivees_independantes():
    a = SourceAleatoire(5)
    cas_seul = a.derivee("cas").jeton()
    b = SourceAleatoire(5)
    b.derivee("autorite").octets(32)     # un autre composant tire d'abord…
    assert b.derivee("cas").jeton() == cas_seul   # … sans changer les tickets du CAS
    assert a.derivee("cas").jeton() != a.derivee("autorite").jeton()
    assert not SourceAleatoire(5, reproductible=False).derivee("x").reproductible
