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


def test_une_seance_partielle_garde_les_chiffres_des_autres_groupes(tmp_path):
    """``--seulement`` complète le JSON : le chiffre du journal, mesuré avant, reste."""
    sortie = tmp_path / "resultats.json"
    ancienne = {"date": "2026-12-07T17:50:00+00:00", "groupes": ["journal"],
                "durees_groupes_s": {"journal": 100.0}, "budgets": {},
                "mesures": [{"groupe": "journal", "cle": "journal_verification_10M_s",
                             "mesure": "journal : vérification", "valeur": 9.5, "unite": "s",
                             "texte": "9,5 s", "budget": "≤ 10 s",
                             "seuil": {"sens": "<=", "valeur": 10}, "verdict": "tenu",
                             "passes": [9.5], "note": ""}]}
    sortie.write_text(json.dumps(ancienne), encoding="utf-8")
    fini = subprocess.run(
        [sys.executable, str(RACINE / "benchmarks" / "tout.py"), "--rapide",
         "--seulement", "etablissement", "--sortie", str(sortie)],
        capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert fini.returncode == 0, fini.stderr
    resultats = json.loads(sortie.read_text(encoding="utf-8"))
    par_cle = {m["cle"]: m for m in resultats["mesures"]}
    assert par_cle["journal_verification_10M_s"]["valeur"] == 9.5
    assert par_cle["journal_verification_10M_s"]["date"] == "2026-12-07T17:50:00+00:00"
    assert "generation_2000_s" in par_cle
    assert resultats["budgets"]["journal_verification_10M_s"]["verdict"] == "tenu"
    assert resultats["groupes"] == ["journal", "etablissement"]
    assert resultats["seances_precedentes"][-1]["date"] == "2026-12-07T17:50:00+00:00"


def test_la_verification_d_exercice_hachee_expres_a_le_budget_de_la_connexion(monkeypatch):
    """« Vérifier » hache la réponse par PBKDF2 (exprès) : classée à part, comme la connexion ;
    une action qui ne hache pas (« Indice », « Vérifier » sans réponse) garde le budget de
    50 ms. Le classement vient de ce que fait l'action (appels à PBKDF2), pas de son nom."""
    from collections import defaultdict

    from entsim.questions import empreintes

    monkeypatch.syspath_prepend(str(RACINE / "benchmarks"))
    import mesures_portail

    monkeypatch.setattr(empreintes, "hashlib", mesures_portail.COMPTEUR)
    temps = defaultdict(list)
    mesures_portail._tour_des_exercices(temps)
    hachees = {n for n in temps if mesures_portail.categorie(n) == "vérification hachée"}
    assert hachees == {"tableau : « Vérifier »", "classement : « Vérifier » (rempli)"}
    assert mesures_portail.categorie("tableau : « Indice »") == "action"
    assert mesures_portail.categorie("classement : « Vérifier » (vide)") == "action"
    assert mesures_portail.categorie("connexion : bouton « Se connecter »") == "connexion"
    assert "PBKDF2" in mesures_portail.RAISON_HACHAGE
