"""La commande unique des bancs d'essai (benchmarks/tout.py, issue 17) : elle tourne, écrit
un JSON complet (machine, commit, budgets) et affiche un tableau en français. Aucune
assertion de durée : les chiffres dépendent de la machine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent


def test_tout_rapide_sur_deux_groupes_ecrit_le_json_et_le_tableau(tmp_path):
    sortie = tmp_path / "resultats.json"
    fini = subprocess.run(
        [sys.executable, str(RACINE / "benchmarks" / "tout.py"), "--rapide",
         "--seulement", "import,etablissement", "--sortie", str(sortie)],
        capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert fini.returncode == 0, fini.stderr
    entete = fini.stdout.splitlines()[0].split()
    assert entete == ["Mesure", "Valeur", "Budget", "Verdict"]
    assert "import entsim / import des dépendances" in fini.stdout
    assert "génération d'un lycée de 2 000 élèves" in fini.stdout
    resultats = json.loads(sortie.read_text(encoding="utf-8"))
    assert {"date", "commit", "machine", "mode", "groupes", "budgets", "mesures"} <= set(resultats)
    assert {"coeurs", "python", "plateforme"} <= set(resultats["machine"])
    assert resultats["machine"]["coeurs"] >= 1 and resultats["mode"] == "rapide"
    assert resultats["groupes"] == ["import", "etablissement"]
    cles = {m["cle"] for m in resultats["mesures"]}
    assert {"import_entsim_s", "import_dependances_s", "import_rapport",
            "generation_2000_s"} <= cles
    assert resultats["budgets"]["import_rapport"]["seuil"] == {"sens": "<=", "valeur": 1.15}
    for mesure in resultats["mesures"]:
        assert mesure["verdict"] in ("tenu", "manqué", "—")
        assert mesure["valeur"] is not None and mesure["valeur"] > 0


def test_un_groupe_inconnu_est_refuse_en_francais(tmp_path):
    fini = subprocess.run(
        [sys.executable, str(RACINE / "benchmarks" / "tout.py"), "--seulement", "vitesse",
         "--sortie", str(tmp_path / "r.json")], capture_output=True, text=True, timeout=120)
    assert fini.returncode != 0
    assert "groupe inconnu : vitesse" in fini.stderr
    assert not (tmp_path / "r.json").exists()
