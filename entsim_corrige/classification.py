"""Classer les données de l'ENT simulé : directement ou indirectement identifiantes,
pseudonymes, anonymes, sensibles (données pour l'exercice de la question 8).

Définitions : RGPD art. 4.1 (donnée à caractère personnel : toute information se rapportant
à une personne identifiée ou identifiable, directement ou indirectement) ; art. 4.5
(pseudonymisation : on ne peut plus attribuer les données à une personne sans informations
supplémentaires conservées séparément) ; considérant 26 (les données pseudonymisées restent
des données personnelles, les données anonymes n'en sont plus) ; art. 9.1 (données
sensibles) ; CNIL, « L'anonymisation de données personnelles » (anonymisation
irréversible, pseudonymisation réversible). Les exemples sont dans
``entsim_corrige/donnees/classification_donnees.csv`` ; chaque ligne cite ses sources (codes de
:mod:`entsim.rgpd.textes`).

Ces exemples classés sont exactement la réponse acceptée de la question 8 (q8b) : ils font
partie du corrigé (édition enseignant) et ne sont pas dans l'édition des élèves.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from entsim.rgpd.textes import citer
from entsim.socle.erreurs import ValeurInvalide

#: Le fichier des exemples classés (dans le corrigé, pas dans ``data/``).
FICHIER = Path(__file__).with_name("donnees") / "classification_donnees.csv"


def _lire_exemples() -> tuple[dict[str, str], ...]:
    """Les lignes du CSV des exemples (la ligne ``#`` de provenance est ignorée)."""
    with FICHIER.open(encoding="utf-8", newline="") as f:
        return tuple(dict(ligne) for ligne in csv.DictReader(
            ligne for ligne in f if not ligne.startswith("#")))


CLASSES: tuple[str, ...] = ("directement identifiante", "indirectement identifiante",
                            "pseudonyme", "anonyme", "sensible (art. 9)")


@dataclass(frozen=True)
class ExempleAClasser:
    """Une donnée de la simulation, sa classe, l'explication et les sources."""

    donnee: str
    classe: str
    explication: str
    source: str          # références lisibles (« RGPD, art. 4.5 ; … »)

    def __iter__(self):  # se déballe comme un tuple (donnée, classe, explication, source)
        return iter((self.donnee, self.classe, self.explication, self.source))


def exemples_a_classer() -> tuple[ExempleAClasser, ...]:
    """Les exemples livrés, dans l'ordre du fichier."""
    exemples = []
    for ligne in _lire_exemples():
        if ligne["classe"] not in CLASSES:
            raise ValeurInvalide("classification_donnees.csv : classe inconnue "
                                 f"« {ligne['classe']} ».")
        exemples.append(ExempleAClasser(ligne["donnee"], ligne["classe"], ligne["explication"],
                                        citer(*ligne["sources"].split(";"))))
    return tuple(exemples)


__all__ = ["CLASSES", "ExempleAClasser", "exemples_a_classer"]
