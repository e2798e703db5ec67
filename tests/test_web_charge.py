"""Une classe entière sur le serveur web (issue 18, « Done means ») : 35 élèves ouvrent 5
services en même temps, sur un nombre borné de tours ; aucune erreur, chaque ticket validé
une fois, journal intact. La version longue (20 tours, 95ᵉ centile affiché) est
``benchmarks/bench_web.py`` : ici, aucune durée n'est vérifiée."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_web import jouer_charge  # noqa: E402

pytestmark = pytest.mark.lent


def test_35_eleves_5_services_sans_erreur():
    bilan = jouer_charge(clients=35, tours=2)
    assert bilan["erreurs"] == 0, bilan["premieres_erreurs"]
    assert bilan["erreurs_serveur"] == 0, bilan["derniere_erreur"]
    assert bilan["echecs_internes"] == []
    attendus = 35 * 5 * 2
    assert bilan["tickets_emis"] == bilan["tickets_valides"] == attendus
    assert bilan["tickets_distincts_vus"] == attendus
    assert bilan["journal_verifie"]
