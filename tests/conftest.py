"""Réglages communs de la suite : profils hypothesis, résumé des tests de propriétés."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from proprietes import CAS  # noqa: E402

# ci : mêmes cas à chaque exécution (sorties et durées reproductibles), aucune base d'exemples
# écrite dans le dépôt ; exploration : de nouveaux cas à chaque exécution.
settings.register_profile("ci", derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
settings.register_profile("exploration", derandomize=False, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
settings.load_profile(os.environ.get("ENTSIM_HYPOTHESIS", "ci"))


@pytest.fixture(autouse=True)
def preferences_du_cours(tmp_path_factory, monkeypatch):
    """Le mode projection du cours (entsim.widgets.cours) est retenu dans un fichier : chaque
    test a le sien (rien n'est écrit dans le dossier de Jupyter, rien ne passe d'un test à
    l'autre quand un portail ou la barre du cours change de mode)."""
    chemin = tmp_path_factory.mktemp("preferences") / "preferences.json"
    monkeypatch.setenv("ENTSIM_PREFERENCES", str(chemin))
    return chemin


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Affiche le nombre de cas joués par chaque test de propriétés."""
    if not CAS:
        return
    terminalreporter.section("Tests de propriétés : cas joués")
    for nom, nombre in sorted(CAS.items()):
        terminalreporter.write_line(f"{nombre:>9,} cas  {nom}".replace(",", " "))
    terminalreporter.write_line(f"{sum(CAS.values()):>9,} cas au total".replace(",", " "))
