"""Les retours des fiches s'affichent dans un notebook, et nulle part ailleurs.

La simulation n'importe pas IPython : :mod:`entsim.socle.affichage` est un crochet que
``import entsim`` branche sur IPython dans un notebook (:mod:`entsim.widgets.affichage`).
"""

from __future__ import annotations

import pytest

from entsim_corrige import fiche_corrigee as fiche
from entsim.socle import affichage
from entsim.widgets.affichage import brancher_ipython


@pytest.fixture
def crochet_vide():
    ancien = list(affichage._branchee)
    affichage.brancher(None)
    yield
    affichage._branchee[:] = ancien


def test_sans_crochet_rien_ne_s_affiche(crochet_vide):
    assert affichage.afficher({"text/plain": "bonjour"}) is False


def test_une_verification_passe_par_le_crochet_une_seule_fois(crochet_vide):
    vus = []
    affichage.brancher(vus.append)
    correction = fiche("partie1").verifier("q1a", "A")
    assert len(vus) == 1
    assert set(vus[0]) >= {"text/plain", "text/html"}
    assert vus[0]["text/plain"] == correction.texte()


def test_hors_d_un_shell_ipython_rien_n_est_branche(crochet_vide):
    assert brancher_ipython() is False
    assert affichage.afficher({"text/plain": "bonjour"}) is False


def test_dans_un_shell_ipython_la_correction_s_affiche(crochet_vide):
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    shell = InteractiveShell.instance()
    try:
        assert brancher_ipython() is True
        with capture_output() as sortie:
            fiche("partie1").verifier("q1a", "A")
        assert len(sortie.outputs) == 1
        assert "text/html" in sortie.outputs[0].data
    finally:
        InteractiveShell.clear_instance()
        del shell
