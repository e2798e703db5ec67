"""Les mesures du journal pour ``benchmarks/tout.py`` : écriture ligne à ligne, écriture par
blocs (si le journal en a l'API), vérification de la chaîne, chaîne d'une identité.

Lancé seul, dans un processus à part (la mémoire d'un journal d'un million de lignes est
rendue au système à la fin) :  ``.venv/bin/python benchmarks/mesures_journal.py 1000000 3``
imprime un dictionnaire JSON. Le journal est rempli par
:func:`bench_aas.remplir_journal` (le même code que ``bench_aas.py``).
(Mesure du temps réel : c'est un banc d'essai, pas la simulation, qui lit l'horloge.)
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time

from bench_aas import remplir_journal

#: Les noms qu'une API d'écriture par blocs pourrait porter (issue 17 : « appended in blocks »).
NOMS_API_BLOCS = ("enregistrer_bloc", "enregistrer_blocs", "enregistrer_lot", "etendre",
                  "ajouter_bloc")


def api_par_blocs(journal) -> str | None:
    """Le nom de la méthode d'écriture par blocs du journal, ou ``None`` s'il n'en a pas."""
    return next((nom for nom in NOMS_API_BLOCS if callable(getattr(journal, nom, None))), None)


def _chrono(fonction) -> tuple[float, object]:
    gc.collect()     # on mesure l'opération, pas un ramasse-miettes déclenché par hasard
    debut = time.perf_counter()
    resultat = fonction()
    return time.perf_counter() - debut, resultat


def mesurer_journal(taille: int = 1_000_000, repetitions: int = 3,
                    identites: int = 2_000) -> dict[str, object]:
    """Remplit ``repetitions`` fois un journal de ``taille`` lignes ; pour chacun : débit
    d'écriture, vérification de toute la chaîne, indexation (à part) et chaîne d'une
    identité (médiane de 21 requêtes). Renvoie les séries de valeurs."""
    ecriture, verification, indexation, chaine = [], [], [], []
    intacte, longueur, blocs = True, 0, None
    for _ in range(repetitions):
        journal, duree = remplir_journal(taille, identites)
        ecriture.append(taille / duree)
        blocs = api_par_blocs(journal)
        duree, resultat = _chrono(journal.verifier)
        verification.append(duree)
        intacte = intacte and resultat.intact
        # indexation ponctuelle chronométrée à part : le journal actuel tient son index à
        # jour à chaque écriture ; on le reconstruit comme après une purge
        duree, _ = _chrono(journal._reindexer)
        indexation.append(duree)
        requetes = []
        for k in range(21):
            duree, lignes = _chrono(lambda k=k: journal.chaine_de(f"eleve{(42 + k) % identites}"))
            requetes.append(duree)
            longueur = len(lignes)
        chaine.append(statistics.median(requetes))
        del journal
        gc.collect()
    return {"taille": taille, "ecriture_lignes_par_s": ecriture,
            "verification_s": verification, "indexation_s": indexation,
            "chaine_s": chaine, "longueur_chaine": longueur, "intacte": intacte,
            "api_par_blocs": blocs}


if __name__ == "__main__":
    taille = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    print(json.dumps(mesurer_journal(taille, repetitions)))
