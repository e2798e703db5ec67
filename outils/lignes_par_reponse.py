"""Combien de lignes un élève écrit par cellule de réponse (issue 16, § 2 : « réponses courtes »).

Compte, dans chaque fiche corrigée ``solutions/<id>.ipynb``, les lignes non vides de la réponse
modèle (région ``### BEGIN SOLUTION`` / ``### END SOLUTION`` de chaque cellule de réponse) :
c'est ce que la consigne demande d'écrire quand on prend la forme courte qu'elle montre
(``"BBACDDEE"``, ``"AC"``, ``"80 bits"``…). Affiche la médiane, la moyenne et les réponses de
plus d'une ligne (définitions et questions rédigées, écrites entre triples guillemets).

    .venv/bin/python outils/lignes_par_reponse.py
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))

from entsim.questions.exercices import contenu_solution, lire_notebook  # noqa: E402


def lignes_par_reponse(dossier: Path = RACINE / "solutions") -> dict[str, int]:
    """« fiche/question » → nombre de lignes non vides de la réponse modèle."""
    lignes = {}
    for chemin in sorted(dossier.glob("*.ipynb")):
        for cellule in lire_notebook(chemin).cells:
            meta = cellule.get("metadata", {}).get("entsim", {})
            if meta.get("role") == "reponse":
                reponse = contenu_solution("".join(cellule.source))
                lignes[f"{chemin.stem}/{meta['question']}"] = sum(
                    1 for l in reponse.split("\n") if l.strip())
    return lignes


def main() -> None:
    lignes = lignes_par_reponse()
    valeurs = list(lignes.values())
    print(f"{len(valeurs)} cellules de réponse dans solutions/ : médiane "
          f"{statistics.median(valeurs):g} ligne(s), moyenne "
          f"{statistics.mean(valeurs):.2f}".replace(".", ",") + ".")
    for cle, n in lignes.items():
        if n > 1:
            print(f"  {cle} : {n} lignes")


if __name__ == "__main__":
    main()
