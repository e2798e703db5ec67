"""Précision, rappel et vitesse du détecteur de données sensibles (RGPD art. 9 et 10).

Lancer depuis la racine du dépôt :  ``.venv/bin/python benchmarks/bench_sensibles.py``

Mesuré sur la partie « test » de ``data/phrases_sensibles.csv`` (une phrase sur trois des 369
premières, jamais utilisée pour régler les motifs, mais écrite en même temps que les premiers :
score optimiste), puis, pour comparaison, sur la partie « apprentissage » (qui comprend
l'ancienne partie « controle »). Une estimation honnête demande des phrases écrites par
quelqu'un d'autre, jamais lues pendant le réglage.
Précision = part des signalements justes ; rappel = part des données sensibles trouvées ;
« ensemble » = micro-moyenne (chaque couple phrase × catégorie compte une fois).
(Mesure du temps réel : c'est un banc d'essai, pas la simulation, qui lit l'horloge.)
"""

from __future__ import annotations

import time

from entsim.rgpd.sensibles import CATEGORIES, detecter, evaluer, jeu_etiquete

REPETITIONS = 5


def afficher(partie: str) -> None:
    phrases = jeu_etiquete(partie)
    mesures = evaluer(phrases)
    positives = sum(1 for p in phrases if p.categories)
    print(f"\nPartie « {partie} » : {len(phrases)} phrases ({positives} avec une donnée "
          f"sensible, {len(phrases) - positives} sans)")
    print(f"{'catégorie':<58} {'précision':>9} {'rappel':>7} {'VP':>4} {'FP':>4} {'FN':>4}")
    for code, mesure in mesures.items():
        libelle = "Ensemble (micro-moyenne)" if code == "ensemble" else \
            f"{CATEGORIES[code][0]} ({CATEGORIES[code][1]})"
        print(f"{libelle:<58} {mesure.precision:>9.2f} {mesure.rappel:>7.2f} "
              f"{mesure.vrais_positifs:>4} {mesure.faux_positifs:>4} {mesure.faux_negatifs:>4}")
    erreurs = [(p, sorted({s.categorie for s in detecter(p.texte)})) for p in phrases]
    erreurs = [(p, vues) for p, vues in erreurs if set(vues) != set(p.categories)]
    if partie == "aveugle":     # ne pas montrer ses phrases : on réglerait le détecteur dessus
        print(f"  ({len(erreurs)} phrases mal classées, non affichées : ce jeu ne sert qu'à mesurer)")
        return
    for phrase, vues in erreurs:
        print(f"  erreur : attendu {sorted(phrase.categories) or '∅'}, trouvé {vues or '∅'} — "
              f"{phrase.texte}")


def vitesse() -> None:
    textes = [p.texte for p in jeu_etiquete()]
    meilleur = float("inf")
    for _ in range(REPETITIONS):
        debut = time.perf_counter()
        for texte in textes:
            detecter(texte)
        meilleur = min(meilleur, time.perf_counter() - debut)
    long = " ".join(textes)
    debut = time.perf_counter()
    detecter(long)
    duree_long = time.perf_counter() - debut
    debit = f"{len(textes) / meilleur:,.0f}".replace(",", " ")
    print(f"\nVitesse : {debit} phrases par seconde ({meilleur * 1e6 / len(textes):.0f} µs "
          f"par phrase, meilleur de {REPETITIONS}) ; un texte de {len(long)} caractères "
          f"(toutes les phrases) : {duree_long * 1000:.1f} ms.")


def main() -> None:
    afficher("aveugle")      # la mesure honnête : jamais vue pendant le réglage
    afficher("test")
    afficher("apprentissage")
    vitesse()


if __name__ == "__main__":
    main()
