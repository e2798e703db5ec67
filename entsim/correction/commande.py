"""La commande ``entsim-corriger`` / ``python -m entsim.correction`` : options et messages.

Les options (dossier des rendus, ``--sortie``, ``--fiche``, délais, ``--isolement``) sont
lues par :mod:`argparse`, dont l'aide et les messages d'erreur sont mis en français ; la correction
elle-même est :func:`entsim.correction.dossier.corriger_dossier` (docs/ENSEIGNANTS.md).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from entsim.correction.dossier import corriger_dossier
from entsim.correction.isolement import MODES
from entsim.socle.commandes import analyseur
from entsim.socle.erreurs import ErreurENT

__all__ = ["main"]


def _analyseur() -> argparse.ArgumentParser:
    resultat = analyseur(
        "python -m entsim.correction", aide_erreur="vérifiez le dossier et les options",
        usage="python -m entsim.correction DOSSIER_DES_RENDUS [--sortie DOSSIER] "
              "[--fiche ID] [--delai-cellule S] [--delai-total S] "
              "[--isolement {auto,bac-a-sable,surveillance}]",
        description="Corrige les fiches entsim rendues par les élèves (dossier de fichiers "
                    ".ipynb, ou archive .zip du casier de l'ENT) : carnet de notes (CSV), "
                    "synthèse (HTML), retours par élève et notes manuelles à compléter.")
    resultat.add_argument("dossier", metavar="DOSSIER_DES_RENDUS",
                           help="le dossier qui contient les fichiers rendus")
    resultat.add_argument("--sortie", metavar="DOSSIER", default=None,
                           help="où écrire les résultats (défaut\u00a0: DOSSIER_DES_RENDUS/correction)")
    resultat.add_argument("--fiche", metavar="ID", action="append", default=None,
                           help="fiche attendue, par exemple partie1 (option répétable)")
    resultat.add_argument("--delai-cellule", metavar="S", type=float, default=10,
                           help="délai maximal d'une cellule de code d'élève, en secondes "
                                "(défaut\u00a0: 10)")
    resultat.add_argument("--delai-total", metavar="S", type=float, default=60,
                           help="délai maximal du code d'un notebook, en secondes "
                                "(défaut\u00a0: 60)")
    resultat.add_argument("--isolement", choices=MODES, default="auto",
                           help="comment isoler le code des élèves\u00a0: bac-a-sable "
                                "(bubblewrap, Linux), surveillance (partout) ou auto, le bac "
                                "à sable s'il est possible (défaut\u00a0: auto)")
    resultat._positionals.title = "argument"
    return resultat


def main(arguments: Sequence[str] | None = None) -> int:
    """Point d'entrée de la commande ``entsim-corriger`` / ``python -m entsim.correction``."""
    options = _analyseur().parse_args(arguments)
    if options.delai_cellule <= 0 or options.delai_total <= 0:
        sys.stderr.write("Erreur : les délais doivent être des nombres de secondes positifs.\n")
        return 2
    try:
        carnet = corriger_dossier(options.dossier, options.sortie,
                                  delai_par_cellule=options.delai_cellule,
                                  delai_total=options.delai_total, fiches=options.fiche,
                                  isolement=options.isolement)
    except ErreurENT as erreur:
        sys.stderr.write(f"Erreur : {erreur}\n")
        return 2
    sys.stdout.write(carnet.resume() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
