"""Classer les données de l'ENT simulé : directement ou indirectement identifiantes,
pseudonymes, anonymes, sensibles (données pour l'exercice de la question 8).

Définitions : RGPD art. 4.1 (donnée à caractère personnel : toute information se rapportant
à une personne identifiée ou identifiable, directement ou indirectement) ; art. 4.5
(pseudonymisation : on ne peut plus attribuer les données à une personne sans informations
supplémentaires conservées séparément) ; considérant 26 (les données pseudonymisées restent
des données personnelles, les données anonymes n'en sont plus) ; art. 9.1 (données
sensibles) ; CNIL, « L'anonymisation de données personnelles » (anonymisation
irréversible, pseudonymisation réversible). Les exemples sont dans
``data/classification_donnees.csv`` ; chaque ligne cite ses sources (codes de
:mod:`entsim.rgpd.textes`).
"""

from __future__ import annotations

from dataclasses import dataclass

from entsim.rgpd.textes import citer
from entsim.socle.donnees import lire_csv
from entsim.socle.erreurs import ValeurInvalide

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
    for ligne in lire_csv("classification_donnees.csv"):
        if ligne["classe"] not in CLASSES:
            raise ValeurInvalide("classification_donnees.csv : classe inconnue "
                                 f"« {ligne['classe']} ».")
        exemples.append(ExempleAClasser(ligne["donnee"], ligne["classe"], ligne["explication"],
                                        citer(*ligne["sources"].split(";"))))
    return tuple(exemples)


__all__ = ["CLASSES", "ExempleAClasser", "exemples_a_classer"]
