"""Corriger de vraies copies avec la commande des enseignants, pour les tests des fiches."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]


def corriger_copies(dossier: Path, copies: dict[str, Path]) -> dict[str, dict[str, str]]:
    """Copie chaque fichier (nom rendu → fichier source) dans ``dossier/rendus``, lance
    ``python -m entsim.correction`` et rend les lignes du carnet, par élève."""
    rendus = dossier / "rendus"
    rendus.mkdir()
    for nom, source in copies.items():
        shutil.copy(source, rendus / nom)
    sortie = subprocess.run([sys.executable, "-m", "entsim.correction", str(rendus)],
                            capture_output=True, text=True, timeout=300)
    assert sortie.returncode == 0, sortie.stderr
    with open(rendus / "correction" / "carnet.csv", encoding="utf-8-sig") as fichier:
        return {ligne["élève"]: ligne for ligne in csv.DictReader(fichier, delimiter=";")}
