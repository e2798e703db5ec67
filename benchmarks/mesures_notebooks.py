"""Le temps d'exécution de chaque notebook du cours, comparé à un plancher mesuré dans la même
séance : un noyau démarré, ``import entsim, pandas, matplotlib, ipywidgets`` et
``ENT.demo()`` (issue 17). Chaque notebook est exécuté par nbclient sur une copie en mémoire,
dans un dossier temporaire (ce qu'il écrit n'arrive pas dans le dépôt) ; le temps compte le
démarrage et l'arrêt du noyau, comme pour le plancher.

    .venv/bin/python benchmarks/mesures_notebooks.py      # une exécution de chaque
(Mesure du temps réel : c'est un banc d'essai, pas la simulation, qui lit l'horloge.)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

RACINE = Path(__file__).resolve().parent.parent
DOSSIER = RACINE / "notebooks"

#: La cellule du plancher : ce que tout notebook du cours fait avant d'enseigner.
CELLULE_PLANCHER = ("import entsim, pandas, matplotlib, ipywidgets\n"
                    "from entsim import ENT\n"
                    "ent = ENT.demo()")


def executer(carnet: nbformat.NotebookNode, *, delai: int = 1800) -> float:
    """Exécute le carnet (noyau neuf, dossier temporaire) et renvoie la durée en secondes."""
    with tempfile.TemporaryDirectory(prefix="entsim-nb-") as dossier:
        client = NotebookClient(carnet, timeout=delai, kernel_name="python3",
                                resources={"metadata": {"path": dossier}})
        debut = time.perf_counter()
        client.execute()
        return time.perf_counter() - debut


def plancher() -> float:
    """Une exécution du plancher (noyau, imports, ``ENT.demo()``)."""
    carnet = nbformat.v4.new_notebook()
    carnet.cells.append(nbformat.v4.new_code_cell(CELLULE_PLANCHER))
    return executer(carnet)


def notebooks(prefixes: list[str] | None = None) -> list[Path]:
    """Les notebooks du cours ; avec ``prefixes`` (``["02", "06"]``), ceux dont le nom
    commence par l'un d'eux."""
    tous = sorted(DOSSIER.glob("*.ipynb"))
    return tous if not prefixes else [c for c in tous if c.stem.startswith(tuple(prefixes))]


def mesurer_notebooks(repetitions: int = 3, prefixes: list[str] | None = None
                      ) -> dict[str, object]:
    """Plancher et notebooks, tour à tour (``repetitions`` tours : la charge de la machine
    touche les deux de la même façon) ; médianes et rapports au plancher."""
    chemins = notebooks(prefixes)
    temps_plancher: list[float] = []
    temps: dict[str, list[float]] = {c.stem: [] for c in chemins}
    erreurs: dict[str, str] = {}
    for _ in range(repetitions):
        temps_plancher.append(plancher())
        for chemin in chemins:
            if chemin.stem in erreurs:
                continue
            try:
                temps[chemin.stem].append(executer(nbformat.read(chemin, as_version=4)))
            except CellExecutionError as erreur:     # un notebook cassé n'arrête pas la mesure
                lignes = [l for l in str(erreur).splitlines() if l.strip()]
                erreurs[chemin.stem] = lignes[-1] if lignes else type(erreur).__name__
    base = statistics.median(temps_plancher)
    return {"plancher_s": temps_plancher,
            "notebooks": {nom: ({"secondes": serie, "rapport": statistics.median(serie) / base}
                                if nom not in erreurs else
                                {"secondes": serie, "rapport": None, "erreur": erreurs[nom]})
                          for nom, serie in temps.items()}}


if __name__ == "__main__":
    resultats = mesurer_notebooks(1)
    print(f"Plancher : {resultats['plancher_s'][0]:.1f} s")
    for nom, r in resultats["notebooks"].items():
        if r["rapport"] is None:
            print(f"{nom:<32} erreur : {r['erreur']}")
        else:
            print(f"{nom:<32} {r['secondes'][0]:6.1f} s   {r['rapport']:.2f} × le plancher")
