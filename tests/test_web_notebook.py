"""La section « L'ENT en vrai HTTP » du notebook du SSO (outils/section_ent_http.py) passe
nbval : exécutée une fois (serveur démarré et arrêté dans le notebook), puis rejouée par
nbval, ses sorties sont identiques (port fixe 8765, ENT reproductible)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE / "outils"))

from section_ent_http import cellules, notebook_essai  # noqa: E402

pytestmark = pytest.mark.lent


def test_la_section_demarre_et_arrete_le_serveur_et_passe_nbval(tmp_path):
    nb = notebook_essai()
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    textes = "\n".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
                       for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "Serveur de l'ENT démarré : http://127.0.0.1:8765/" in textes
    assert "cookie posé : TGC=TGT-" in textes and "HttpOnly" in textes
    assert "INVALID_TICKET" in textes
    assert "Services prévenus (déconnexion unique) : Cahier de textes : demande reçue" in textes
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
                if o.output_type == "error" or o.get("name") == "stderr"]
    chemin = tmp_path / "section_ent_http.ipynb"
    nbformat.write(nb, chemin)
    fini = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--nbval",
         "--nbval-current-env", "--nbval-sanitize-with",
         str(RACINE / "tests" / "nbval_sanitize.cfg"), "-o", "addopts=", str(chemin)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert fini.returncode == 0, fini.stdout[-3000:]


def test_la_section_sans_ent_suppose_celui_du_notebook():
    sources = [c.source for c in cellules()]
    assert "ent = ENT.demo()" not in "\n".join(sources)
    assert sources[1] == "serveur = ent.servir()"
    assert sources[-1].endswith("ent.arreter()")
