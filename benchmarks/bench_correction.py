"""Coût de l'isolement du code des élèves pendant la correction (issue 14, § 3).

    .venv/bin/python benchmarks/bench_correction.py [--passes 7] [--classe 35]

Affiche (médianes) : le démarrage d'un Python nu, l'exécution d'une cellule triviale dans
chaque mode (« bac à sable » : bubblewrap + surveillance ; « surveillance » seule), donc le
surcoût du bac à sable par copie, puis la correction d'une classe de ``--classe`` copies qui
font toutes exécuter du code (fiche partie1 sans mise en route), dans chaque mode.
(Mesure du temps réel : c'est un banc d'essai.)
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "tests" / "corpus_hostile"))

from entsim.correction.dossier import corriger_dossier  # noqa: E402
from entsim.correction.execution import CelluleAExecuter, executer_cellules  # noqa: E402
from entsim.correction.isolement import choisir_isolement  # noqa: E402


def _mediane(fonction, passes: int) -> float:
    durees = []
    for _ in range(passes):
        debut = time.perf_counter()
        fonction()
        durees.append(time.perf_counter() - debut)
    return statistics.median(durees)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--passes", type=int, default=7)
    options.add_argument("--classe", type=int, default=35)
    arguments = options.parse_args()
    modes = [choisir_isolement("surveillance")]
    auto = choisir_isolement("auto")
    if auto.mode == "bac-a-sable":
        modes.insert(0, auto)
    else:
        print("(bubblewrap absent ou inutilisable : mode « surveillance » seulement)")
    nu = _mediane(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True),
                  arguments.passes)
    print(f"Python nu (démarrage)                       : {nu * 1000:7.0f} ms")
    par_mode = {}
    for isolement in modes:
        par_mode[isolement.mode] = _mediane(lambda i=isolement: executer_cellules(
            [CelluleAExecuter(1, "r = 1", ("r",))], ["r"], isolement=i), arguments.passes)
        print(f"Une cellule, mode {isolement.mode:<13}             : "
              f"{par_mode[isolement.mode] * 1000:7.0f} ms")
    if "bac-a-sable" in par_mode:
        print(f"Surcoût du bac à sable par copie            : "
              f"{(par_mode['bac-a-sable'] - par_mode['surveillance']) * 1000:7.0f} ms")
    import fabriquer  # tests/corpus_hostile/fabriquer.py

    with tempfile.TemporaryDirectory() as temporaire:
        rendus = Path(temporaire) / "rendus"
        rendus.mkdir()
        texte = json.dumps(fabriquer.copie(), ensure_ascii=False)
        for n in range(arguments.classe):
            (rendus / f"partie1 Élève {n:02d}.ipynb").write_text(texte, encoding="utf-8")
        for isolement in modes:
            debut = time.perf_counter()
            corriger_dossier(rendus, Path(temporaire) / f"sortie-{isolement.mode}",
                             isolement=isolement.mode)
            duree = time.perf_counter() - debut
            print(f"Classe de {arguments.classe} copies exécutées, {isolement.mode:<13}: "
                  f"{duree:7.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
