"""Ce que coûte d'essayer toutes les réponses d'une question de la fiche des élèves (issue 14, § 2).

La fiche des élèves ne garde, pour une question fermée, que l'empreinte lente et salée de la
réponse juste (:mod:`entsim.questions.empreintes`, PBKDF2-HMAC-SHA256). Ce banc mesure la
durée d'une vérification sur cette machine, puis, pour chaque question fermée, la taille de
l'espace des réponses et le temps qu'il faut pour l'épuiser (pire cas) par un programme qui
appelle ``f.est_juste`` en boucle. À comparer au temps de répondre (quelques minutes) :
un QCM à choix unique se devine en quelques essais, comme à la main, mais un classement ou
une mise en ordre coûte des minutes à des heures.

    .venv/bin/python benchmarks/bench_empreintes.py

(Mesure du temps réel : c'est un banc d'essai, pas la simulation, qui lit l'horloge.)
"""

from __future__ import annotations

import math
import statistics
import time

from entsim.questions import fiche, fiches_disponibles
from entsim.questions.empreintes import ITERATIONS, empreinte, sel


def duree_d_une_verification(passes: int = 7) -> float:
    """Médiane, en secondes, d'un calcul d'empreinte (une vérification)."""
    mesures = []
    for i in range(passes):
        debut = time.perf_counter()
        empreinte(f"essai{i}", sel("mesure", "q1"), ITERATIONS)
        mesures.append(time.perf_counter() - debut)
    return statistics.median(mesures)


def taille_de_l_espace(q) -> tuple[int, str]:
    """(nombre de réponses possibles, comment on le compte) pour une question fermée."""
    s = q.structure
    parametres = q.verification["parametres"]
    genre = parametres["type"]
    if genre == "qcm":
        n = len(s["choix"])
        return ((2 ** n - 1, f"{n} choix, sous-ensembles non vides") if s["multiple"]
                else (n, f"{n} choix"))
    if genre == "classement":
        k, n = len(s["categories"]), len(s["elements"])
        return k ** n, f"{k} catégories ^ {n} éléments"
    if genre == "mise_en_ordre":
        n = len(s["affichees"])
        return math.factorial(n), f"{n}! ordres"
    if genre == "numerique":
        return 1001, "entiers de 0 à 1 000 (le nombre lui-même n'est pas borné)"
    if genre == "tableau":
        cases = sum(len(c) for c in parametres["natures"].values())
        return 129 ** cases, f"{cases} cases, entiers de 0 à 128"
    return 50, "codes d'erreur CAS plausibles (la cellule les affiche de toute façon)"


def _entier(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def main() -> None:
    t = duree_d_une_verification()
    print(f"Une vérification (PBKDF2-HMAC-SHA256, {_entier(ITERATIONS)} tours) : "
          f"{t * 1000:.0f} ms")
    print(f"{'Fiche':<30} {'Question':<8} {'Réponses possibles':>20}  {'Tout essayer':>14}  Compte")
    for fid in fiches_disponibles():
        for q in fiche(fid).questions:
            if not q.fermee:
                continue
            taille, comment = taille_de_l_espace(q)
            secondes = taille * t
            duree = (f"{secondes:.1f} s".replace(".", ",") if secondes < 120 else
                     f"{secondes / 60:.0f} min" if secondes < 7200 else
                     f"{secondes / 3600:.0f} h" if secondes < 86400 * 365 else "> 1 an")
            print(f"{fid:<30} {q.id:<8} {_entier(taille):>20}  {duree:>14}  {comment}")


if __name__ == "__main__":
    main()
