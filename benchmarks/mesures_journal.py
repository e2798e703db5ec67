"""Les mesures du journal pour ``benchmarks/tout.py`` : écriture ligne à ligne, écriture par
blocs, vérification de toute la chaîne de 10 millions de lignes, chaîne d'une identité.

Lancé seul, dans un processus à part (la mémoire du journal est rendue au système à la
fin) : ``.venv/bin/python benchmarks/mesures_journal.py 200000 3`` (ligne à ligne, journal
rempli par :func:`bench_aas.remplir_journal`, le code de ``bench_aas.py``) ou
``.venv/bin/python benchmarks/mesures_journal.py blocs 10000000 3`` (par blocs d'un million
de lignes, puis vérification, indexation et chaîne d'une identité dans ce journal) imprime
un dictionnaire JSON.
(Mesure du temps réel : c'est un banc d'essai, pas la simulation, qui lit l'horloge.)
"""

from __future__ import annotations

import gc
import json
import resource
import statistics
import sys
import time

from bench_aas import OPERATIONS, remplir_journal

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


def blocs_d_une_annee(taille: int, identites: int = 2_000, bloc: int = 1_000_000):
    """Les colonnes de ``taille`` lignes, par blocs d'au plus ``bloc`` lignes (comme un
    simulateur qui écrit une année par morceaux) : mêmes lignes que :func:`remplir_journal`
    (une seconde de plus toutes les 50 lignes). Préparées hors du chronomètre."""
    import numpy as np

    from entsim.socle.horloge import DEBUT_PAR_DEFAUT

    operations = np.array(OPERATIONS, dtype=object)
    noms = np.array([f"eleve{k}" for k in range(identites)], dtype=object)
    depart = np.datetime64(DEBUT_PAR_DEFAUT, "us")
    for debut in range(0, taille, bloc):
        rangs = np.arange(debut, min(taille, debut + bloc))
        yield dict(operations=operations[rangs % len(OPERATIONS)],
                   identites=noms[rangs % identites], services="notes", postes="Poste du CDI",
                   objets=np.array([f"ST-{k}" for k in rangs.tolist()], dtype=object),
                   instants=depart + (rangs // 50 + 1).astype("timedelta64[s]"))


def mesurer_blocs(taille: int = 10_000_000, repetitions: int = 3,
                  identites: int = 2_000) -> dict[str, object]:
    """Écrit ``repetitions`` fois un journal de ``taille`` lignes par blocs (enregistrer_bloc)
    puis, sur chacun : vérification de toute la chaîne, indexation par identité (à part) et
    chaîne d'une identité (médiane de 21 requêtes)."""
    from entsim.journal.chaine import Journal
    from entsim.socle.horloge import Horloge

    ecriture, verification, indexation, chaine = [], [], [], []
    intacte, longueur = True, 0
    for _ in range(repetitions):
        journal, duree = Journal(Horloge()), 0.0
        for arguments in blocs_d_une_annee(taille, identites):
            ecoule, _ = _chrono(lambda a=arguments: journal.enregistrer_bloc(**a))
            duree += ecoule
        ecriture.append(taille / duree)
        duree, resultat = _chrono(journal.verifier)
        verification.append(duree)
        intacte = intacte and resultat.intact and len(journal) == taille
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
            "pic_octets": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def mesurer_journal(taille: int = 200_000, repetitions: int = 3,
                    identites: int = 2_000) -> dict[str, object]:
    """Remplit ``repetitions`` fois un journal de ``taille`` lignes écrites une à une
    (enregistrer) : débit d'écriture ligne à ligne."""
    ecriture, blocs = [], None
    for _ in range(repetitions):
        journal, duree = remplir_journal(taille, identites)
        ecriture.append(taille / duree)
        blocs = api_par_blocs(journal)
        del journal
        gc.collect()
    return {"taille": taille, "ecriture_lignes_par_s": ecriture, "api_par_blocs": blocs}


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "blocs":
        taille = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
        repetitions = int(sys.argv[3]) if len(sys.argv) > 3 else 3
        print(json.dumps(mesurer_blocs(taille, repetitions)))
    else:
        taille = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
        repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 3
        print(json.dumps(mesurer_journal(taille, repetitions)))
