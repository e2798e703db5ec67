from datetime import datetime, timedelta

import pytest

from entsim.socle.erreurs import ErreurENT
from entsim.socle.horloge import DEBUT_PAR_DEFAUT, Horloge


def test_horloge_part_du_debut_et_n_avance_que_sur_demande():
    h = Horloge()
    assert h.maintenant() == DEBUT_PAR_DEFAUT
    assert h.maintenant() == DEBUT_PAR_DEFAUT
    h.avancer(10)
    assert h.maintenant() == DEBUT_PAR_DEFAUT + timedelta(seconds=10)
    h.avancer(minutes=1, heures=2, jours=1)
    assert h.maintenant() == DEBUT_PAR_DEFAUT + timedelta(days=1, hours=2, minutes=1, seconds=10)


def test_horloge_refuse_de_reculer_avec_un_message_francais():
    h = Horloge(datetime(2026, 9, 7, 8))
    with pytest.raises(ErreurENT, match="reculer"):
        h.avancer(-5)
    with pytest.raises(ErreurENT, match="reculer"):
        h.aller_a(datetime(2026, 9, 1))
    with pytest.raises(ErreurENT, match="nombre"):
        h.avancer("dix")


def test_aller_a_et_avancer_de():
    h = Horloge(datetime(2026, 9, 7, 8))
    h.aller_a(datetime(2026, 9, 7, 12))
    h.avancer_de(timedelta(minutes=30))
    assert h.maintenant() == datetime(2026, 9, 7, 12, 30)


def test_durees_absurdes_refusees_en_francais():
    h = Horloge(datetime(2026, 9, 7, 8))
    for absurde in (float("nan"), float("inf"), 1e20):
        with pytest.raises(ErreurENT):
            h.avancer(absurde)
    with pytest.raises(ErreurENT, match="démesurée"):
        h.avancer(jours=1e9)
    assert h.maintenant() == datetime(2026, 9, 7, 8)     # rien n'a bougé
