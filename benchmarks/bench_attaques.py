"""Temps de chaque scénario du laboratoire d'attaques (issue 13) : chaque scénario du
registre ``entsim.attaques.scenarios()`` est joué sans puis avec sa parade, sur un ENT neuf ;
le script imprime le temps réel de chaque partie (objectif : moins de 10 s par scénario).

    .venv/bin/python benchmarks/bench_attaques.py
"""

from __future__ import annotations

import time

from entsim.attaques import scenarios

OBJECTIF_SECONDES = 10.0


def main() -> int:
    depasses = 0
    print(f"{'Scénario':<26} {'sans parade':>12} {'avec parade':>12} {'total':>8}  issue")
    for code, fabrique in scenarios().items():
        debut = time.perf_counter()
        s = fabrique()
        temps, issues = [], []
        for avec in (False, True):
            t = time.perf_counter()
            resultat = s.jouer(avec)
            temps.append(time.perf_counter() - t)
            issues.append("réussie" if resultat.reussie else "déjouée")
        total = time.perf_counter() - debut
        depasses += total >= OBJECTIF_SECONDES
        print(f"{code:<26} {temps[0]:>11.2f}s {temps[1]:>11.2f}s {total:>7.2f}s  "
              f"{issues[0]} / {issues[1]}" + ("  ← plus de 10 s" if total >= OBJECTIF_SECONDES
                                              else ""))
    print(f"{len(scenarios())} scénarios ; {depasses} au-delà de {OBJECTIF_SECONDES:g} s.")
    return 1 if depasses else 0


if __name__ == "__main__":
    raise SystemExit(main())
