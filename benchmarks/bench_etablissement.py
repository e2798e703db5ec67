"""Temps de génération d'un lycée, par taille (objectif : 2 000 élèves bien sous 0,5 s).

Lancer depuis la racine du dépôt :  ``.venv/bin/python benchmarks/bench_etablissement.py``
Affiche, pour chaque taille, le meilleur temps sur plusieurs répétitions et les effectifs.
(Mesure du temps réel : c'est un banc d'essai, pas la simulation, qui lit l'horloge.)
"""

from __future__ import annotations

import time

from entsim.etablissement.generation import generer_etablissement

TAILLES: tuple[int | str, ...] = ("demo", 100, 500, 1000, 2000, 3000)
REPETITIONS = 5


def durees(taille: int | str, repetitions: int = REPETITIONS) -> tuple[list[float], object]:
    """Les temps de génération (une graine par répétition) et le dernier lycée généré."""
    generer_etablissement(2026, taille)               # premier appel : lecture des CSV
    temps = []
    for graine in range(repetitions):
        debut = time.perf_counter()
        lycee = generer_etablissement(graine, taille)
        temps.append(time.perf_counter() - debut)
    return temps, lycee


def mesurer(taille: int | str) -> tuple[float, dict[str, int]]:
    temps, lycee = durees(taille)
    meilleur = min(temps)
    comptes = {
        "élèves": len(lycee.eleves()),
        "parents": len(lycee.parents()),
        "enseignants": len(lycee.enseignants()),
        "personnels": len(lycee.personnels()),
        "invités": len(lycee.invites()),
        "classes": len(lycee.classes),
    }
    return meilleur, comptes


def main() -> None:
    print(f"{'taille':>7} {'temps (s)':>10}  effectifs")
    for taille in TAILLES:
        duree, comptes = mesurer(taille)
        detail = ", ".join(f"{v} {k}" for k, v in comptes.items())
        print(f"{taille!s:>7} {duree:10.3f}  {detail}")


if __name__ == "__main__":
    main()
