"""Le simulateur d'activité à l'échelle : une année scolaire complète (2025-2026) d'un lycée
de 2 000 élèves (objectif : au moins 10 millions de lignes en moins de 20 s et moins de 2 Go
de mémoire au pic), et de l'établissement de démonstration (moins d'une seconde).

Lancer depuis la racine du dépôt :  ``.venv/bin/python benchmarks/bench_activite.py``
Chaque cas tourne dans un processus à part, pour que le pic de mémoire (``ru_maxrss``, tout
le processus : Python, l'ENT et la simulation) soit le sien. Le temps mesuré est celui de
``simuler_activite`` (l'ENT est construit avant). (Mesure du temps réel : c'est un banc
d'essai, pas la simulation, qui lit l'horloge.)
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

CAS = {"lycee-2000": "ENT(2026, 2000)", "demo": "ENT.demo()"}


def mesurer_cas(cas: str) -> dict[str, float]:
    """Simule l'année du cas dans CE processus : lignes, secondes, pic et mémoire avant (Mo)."""
    from entsim import ENT
    from entsim.activite import simuler_activite

    ent = eval(CAS[cas], {"ENT": ENT})                       # noqa: S307 - table fixe ci-dessus
    avant = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    debut = time.perf_counter()
    activite = simuler_activite(ent, "annee", progression=False)
    duree = time.perf_counter() - debut
    pic = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"lignes": len(activite), "secondes": duree, "pic_mo": pic, "avant_mo": avant,
            "incidents": len(activite.incidents)}


def en_sous_processus(cas: str) -> dict[str, float]:
    """Le même cas dans un processus neuf (son pic de mémoire est le sien)."""
    sortie = subprocess.run([sys.executable, __file__, cas, "--json"], check=True,
                            capture_output=True, text=True).stdout
    return json.loads(sortie.strip().splitlines()[-1])


def mesurer(cas: str) -> None:
    m = mesurer_cas(cas)
    lignes, duree, pic, avant = m["lignes"], m["secondes"], m["pic_mo"], m["avant_mo"]
    print(f"{cas:>11} {lignes:>12,} {duree:>9.2f} {lignes / duree:>13,.0f} {pic:>10,.0f} "
          f"{avant:>9,.0f}   {m['incidents']} incidents".replace(",", " "))


def main() -> None:
    print(f"{'cas':>11} {'lignes':>12} {'temps (s)':>9} {'lignes/s':>13} {'pic (Mo)':>10} "
          f"{'avant (Mo)':>9}")
    for cas in CAS:
        subprocess.run([sys.executable, __file__, cas], check=True)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--json":
        print(json.dumps(mesurer_cas(sys.argv[1])))
    elif len(sys.argv) > 1:
        mesurer(sys.argv[1])
    else:
        main()
