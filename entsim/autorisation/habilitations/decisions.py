"""Les décisions d'autorisation : autorisé ou refusé, avec un code stable et une raison.

Chaque décision porte un code (:data:`CODES_DECISION`) que les tests et les notebooks
peuvent comparer, et une phrase en français qui l'explique ; ✓ ou ✗ est toujours
accompagné d'un mot (la couleur n'est jamais le seul signal).
"""

from __future__ import annotations

from dataclasses import dataclass

from entsim.autorisation.habilitations.actions import Action
from entsim.autorisation.habilitations.ressources import Ressource

__all__ = ["CODES_DECISION", "Decision"]

#: Les codes de décision (stables) et leur libellé court.
CODES_DECISION: dict[str, str] = {
    "autorise": "Accès autorisé",
    "regle_refus": "Refusé par une règle de l'établissement",
    "hors_plage_horaire": "Refusé : en dehors de la plage horaire",
    "hors_etablissement": "Refusé : réservé au réseau de l'établissement",
    "lieu_non_autorise": "Refusé : lieu d'accès non autorisé",
    "profil_non_habilite": "Refusé : profil non habilité",
    "action_non_permise": "Refusé : action non permise à ce profil",
    "hors_perimetre": "Refusé : hors du besoin d'en connaître",
    "communication_non_autorisee": "Refusé : messagerie non ouverte entre ces personnes",
}


@dataclass(frozen=True)
class Decision:
    """Le résultat d'une demande d'autorisation, explicable en une phrase."""

    autorise: bool
    code: str
    raison: str
    regle: str | None
    identifiant: str
    action: Action
    ressource: Ressource
    objet: str = ""          # description lisible de la ressource (avec les noms)

    @property
    def ok(self) -> bool:
        return self.autorise

    @property
    def message(self) -> str:
        return self.raison

    @property
    def libelle(self) -> str:
        return CODES_DECISION.get(self.code, self.code)

    @property
    def symbole(self) -> str:
        """✓ ou ✗, toujours accompagné d'un mot (la couleur n'est jamais le seul signal)."""
        return "✓ autorisé" if self.autorise else "✗ refusé"

    def __bool__(self) -> bool:
        return self.autorise

    def __str__(self) -> str:
        return f"{self.symbole} — {self.raison}"
