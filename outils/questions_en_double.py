"""Les questions des fiches que les notebooks du cours posent aussi (issue 16, § 2 :
« chaque question posée une fois »).

Pour chaque notebook ``notebooks/*.ipynb``, liste les questions d'une fiche qu'il pose déjà :
par identifiant (une cellule qui écrit ``reponse_<id> = …``, affiche ``f.question("<id>")``,
appelle ``f.verifier("<id>", …)`` ou ``f.indice("<id>")``, ou ouvre un widget d'exercice sur
la question) ou par la consigne (l'énoncé de la fiche recopié dans une cellule de texte). Sert à appliquer et vérifier
le choix « le notebook explore, la fiche pose les questions » ; n'écrit rien (le test
tests/test_questions_une_fois.py exige une liste vide).

    .venv/bin/python outils/questions_en_double.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))

from entsim.questions import fiche, fiches_disponibles  # noqa: E402
from entsim.questions.exercices import lire_notebook  # noqa: E402
from entsim.questions.normalisation import normaliser  # noqa: E402


#: Les étapes de l'enquête dans le journal (``entsim.attaques.enquetes``) qu'une question de
#: fiche pose aussi, sur le même trimestre simulé (mêmes graine et taille) : les vérifier
#: dans le notebook 06, ce serait poser la question deux fois (et en donner la réponse).
ENQUETES_DES_FICHES = {"force_brute_compte": "q17e", "parent_curieux_refus": "q17f"}


def doublons(dossier: Path = RACINE / "notebooks") -> list[tuple[str, str, str]]:
    """(notebook, question, comment) pour chaque question de fiche posée dans le cours."""
    questions = {q.id: q for fid in fiches_disponibles() for q in fiche(fid).questions}
    trouves = []
    for chemin in sorted(dossier.glob("*.ipynb")):
        for cellule in lire_notebook(chemin).cells:
            source = "".join(cellule.source)
            for qid, q in questions.items():
                motif = (rf"\breponse_{qid}\s*=|\.question\(\s*[\"']{qid}[\"']\s*\)"
                         rf"|(verifier|indice)\(\s*[\"']{qid}[\"']")
                if cellule.cell_type == "code" and re.search(motif, source):
                    trouves.append((chemin.name, qid, "par son identifiant"))
                elif cellule.cell_type == "markdown" and len(q.enonce) > 40 and \
                        normaliser(q.enonce) in normaliser(source):
                    trouves.append((chemin.name, qid, "par sa consigne"))
            for etape, qid in ENQUETES_DES_FICHES.items():
                if cellule.cell_type == "code" and re.search(
                        rf"enquetes\[\s*[\"']{etape}[\"']\s*\]\.verifier", source):
                    trouves.append((chemin.name, qid, f"par l'étape d'enquête « {etape} »"))
    return sorted(set(trouves))


def main() -> None:
    liste = doublons()
    for notebook, qid, comment in liste:
        print(f"{notebook} : {qid} ({comment})")
    print(f"{len({(n, q) for n, q, _ in liste})} questions de fiche posées aussi dans le cours.")


if __name__ == "__main__":
    main()
