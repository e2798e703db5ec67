"""Ce que promet chaque mode d'isolement du code des élèves (docs/ENSEIGNANTS.md § 7).

- le bac à sable **seul** (bubblewrap, sans le crochet d'audit) : ni le dépôt, ni le
  corrigé, ni l'environnement du professeur, ni le réseau, ni ses processus ; la
  bibliothèque en lecture seule ;
- la surveillance (audit hook) : ce qu'elle refuse, ce qu'elle laisse faire à une copie
  ordinaire ;
- les limites système (espace d'adresses) ;
- un délai dépassé est réessayé une fois avec un délai double (« deux essais ») ;
- le choix du mode et ses messages.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from entsim.correction import isolement as module_isolement
from entsim.correction.commande import main
from entsim.correction.execution import CelluleAExecuter, executer_cellules
from entsim.correction.isolement import Isolement, choisir_isolement
from entsim.socle.erreurs import ErreurENT

RACINE = Path(__file__).resolve().parents[1]
SURVEILLANCE = Isolement("surveillance")


def _modes() -> list[Isolement]:
    modes = [SURVEILLANCE]
    if sys.platform.startswith("linux"):
        modes.append(choisir_isolement("bac-a-sable"))
    return modes


OBSERVER = r"""
import json, os, socket, sys
vu = {}
vu["racine"] = sorted(os.listdir(sys.argv[1])) if os.path.isdir(sys.argv[1]) else []
for nom, chemin in (("solutions", sys.argv[1] + "/solutions/partie1.ipynb"),
                    ("corrige", sys.argv[1] + "/entsim_corrige/__init__.py"),
                    ("rendus", sys.argv[2])):
    try:
        open(chemin, "rb").read(10)
        vu[nom] = "lu"
    except OSError as erreur:
        vu[nom] = type(erreur).__name__
try:
    open(sys.argv[1] + "/entsim/__init__.py", "a").write("# piégé\n")
    vu["ecrire_entsim"] = "écrit"
except OSError as erreur:
    vu["ecrire_entsim"] = type(erreur).__name__
vu["environnement"] = sorted(os.environ)
vu["processus"] = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
try:
    socket.create_connection(("127.0.0.1", int(sys.argv[3])), timeout=2).close()
    vu["reseau"] = "connecté"
except OSError as erreur:
    vu["reseau"] = type(erreur).__name__
open("/.entsim/resultats.jsonl", "w").write(json.dumps(vu))
"""


def test_le_bac_a_sable_seul_ne_montre_que_la_bibliotheque(tmp_path):
    if not sys.platform.startswith("linux"):     # pas de bubblewrap : repli annoncé
        assert choisir_isolement("auto").mode == "surveillance"
        return
    isolement = choisir_isolement("bac-a-sable")
    rendus = tmp_path / "rendus"
    rendus.mkdir()
    (rendus / "copie.ipynb").write_text("{}", encoding="utf-8")
    copie = tmp_path / "copie"
    copie.mkdir()
    (copie / "travail.json").write_text("{}", encoding="utf-8")
    (copie / "resultats.jsonl").write_bytes(b"")
    with socket.socket() as ecoute:
        ecoute.bind(("127.0.0.1", 0))
        ecoute.listen(1)
        commande = [isolement.bwrap, *module_isolement._options_bwrap(copie), "--",
                    sys.executable, "-s", "-c", OBSERVER, str(RACINE),
                    str(rendus / "copie.ipynb"), str(ecoute.getsockname()[1])]
        fini = subprocess.run(commande, env={"PATH": os.defpath, "SECRET_PROF": "x"},
                              capture_output=True, text=True, timeout=60)
    assert fini.returncode == 0, fini.stderr
    vu = json.loads((copie / "resultats.jsonl").read_text(encoding="utf-8"))
    # Du dépôt, seuls le paquet, ses données et l'environnement virtuel sont visibles.
    assert set(vu["racine"]) <= {"entsim", "data", ".venv"}, vu["racine"]
    assert "entsim" in vu["racine"]
    assert vu["solutions"] == vu["corrige"] == vu["rendus"] == "FileNotFoundError"
    assert vu["ecrire_entsim"] == "OSError"            # système de fichiers en lecture seule
    assert "SECRET_PROF" not in vu["environnement"] and "PYTHONHASHSEED" in vu["environnement"]
    assert len(vu["processus"]) <= 3                    # son propre espace de processus
    assert vu["reseau"] != "connecté"
    assert "# piégé" not in (RACINE / "entsim" / "__init__.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("isolement", _modes(), ids=lambda i: i.mode)
def test_une_copie_ordinaire_fonctionne_une_copie_hostile_est_refusee(isolement, tmp_path):
    solutions = str(RACINE / "solutions" / "partie1.ipynb")
    dehors = tmp_path / "fichier du professeur.txt"
    dehors.write_text("à garder", encoding="utf-8")
    refus = {
        10: f"open({solutions!r}).read()",
        11: "open('/etc/passwd').read()",
        12: f"open({str(dehors)!r}, 'w').write('x')",
        13: f"import os\nos.remove({str(dehors)!r})",
        14: "import os\nos.chdir('/')",
        15: "import subprocess\nsubprocess.run(['true'])",
        16: "import os, signal\nos.kill(os.getppid(), signal.SIGSTOP)",
        17: "import socket\nsocket.socket()",
        18: "import ctypes\nctypes.CDLL(None).getpid()",
        20: "import gc\ngc.get_objects()",
        21: "open('module.so', 'wb').write(b'\\x7fELF')",
        22: "import mmap\nmmap.mmap(-1, 2560 * 1024 ** 2)",
        23: "import os\nos.fork()",
    }
    cellules = [
        CelluleAExecuter(1, "import pandas as pd\nimport json, pathlib\n"
                            "pathlib.Path('notes.txt').write_text('é')\n"
                            "r1 = pathlib.Path('notes.txt').read_text() + str(len(pd.DataFrame({'a': [1]})))",
                         ("r1",)),
        CelluleAExecuter(2, "from entsim.questions import fiche\nr2 = fiche('partie1').id", ("r2",)),
        # Un second crochet qui laisserait tout passer n'est pas ajouté (sans erreur : CPython
        # ignore l'exception du crochet en place) ; les refus qui suivent tiennent.
        CelluleAExecuter(3, "import sys\nsys.addaudithook(lambda *a: None)"),
        *(CelluleAExecuter(n, code) for n, code in refus.items()),
    ]
    execution = executer_cellules(cellules, ["r1", "r2"], delai_par_cellule=20,
                                  delai_total=120, isolement=isolement)
    assert execution.terminee, execution.interruption
    assert execution.valeurs["r1"] == "é1"
    assert execution.valeurs["r2"] == "partie1"
    assert 3 not in execution.erreurs
    for numero, code in refus.items():
        erreur = execution.erreurs.get(numero, "")
        # En bac à sable, un fichier du professeur sous /tmp n'existe même pas.
        assert "Refusé par la correction" in erreur or (
            isolement.mode == "bac-a-sable" and numero in (12, 13)
            and "FileNotFoundError" in erreur), (code, erreur)
    assert dehors.read_text(encoding="utf-8") == "à garder"


@pytest.mark.parametrize("isolement", _modes(), ids=lambda i: i.mode)
def test_l_espace_d_adresses_est_borne_mmap_compris(isolement):
    # Chaque projection (1 Gio) passe le crochet ; la limite RLIMIT_AS (2 Gio) les arrête.
    execution = executer_cellules([CelluleAExecuter(
        1, "import mmap\nblocs = []\nfor i in range(4):\n    blocs.append(mmap.mmap(-1, 1024 ** 3))\n"
           "r = len(blocs)")], ["r"], delai_par_cellule=20, delai_total=60, isolement=isolement)
    if sys.platform.startswith("linux"):
        assert "Cannot allocate memory" in execution.erreurs[1] or \
            "MemoryError" in execution.erreurs[1], execution.erreurs


def test_un_delai_depasse_est_reessaye_une_fois_avec_un_delai_double():
    # Une cellule un peu plus longue que la limite : arrêtée au premier essai, elle finit au
    # second (limite doublée) — le résultat ne dépend pas d'un ralentissement passager.
    lente = executer_cellules([CelluleAExecuter(1, "import time\ntime.sleep(1.2)\nr = 'fini'",
                                                ("r",))], ["r"],
                              delai_par_cellule=1, delai_total=30, isolement=SURVEILLANCE)
    assert lente.terminee and lente.valeurs["r"] == "fini"
    boucle = executer_cellules([CelluleAExecuter(1, "while True:\n    pass")], [],
                               delai_par_cellule=0.5, delai_total=30, isolement=SURVEILLANCE)
    assert boucle.interruption == ("délai de 0,5 s par cellule dépassé (deux essais, le second "
                                   "avec 1 s ; boucle infinie ?), exécution arrêtée")
    total = executer_cellules([CelluleAExecuter(i, "import time\ntime.sleep(0.4)")
                               for i in range(10)], [],
                              delai_par_cellule=5, delai_total=0.5, isolement=SURVEILLANCE)
    assert total.interruption == ("délai total de 0,5 s dépassé (deux essais, le second avec "
                                  "1 s), exécution arrêtée")


def test_choix_du_mode_et_messages(monkeypatch, capsys, tmp_path):
    assert choisir_isolement("surveillance").mode == "surveillance"
    with pytest.raises(ErreurENT, match="Mode d'isolement inconnu"):
        choisir_isolement("prison")
    monkeypatch.setattr(module_isolement.shutil, "which", lambda _nom: None)
    assert choisir_isolement("auto").mode == "surveillance"     # repli
    with pytest.raises(ErreurENT, match="sudo apt install bubblewrap"):
        choisir_isolement("bac-a-sable")
    rendus = tmp_path / "rendus"
    rendus.mkdir()
    assert main([str(rendus), "--isolement", "bac-a-sable"]) == 2
    assert "Le bac à sable est impossible ici" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([str(rendus), "--isolement", "prison"])
