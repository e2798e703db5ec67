"""Les usages des services par profil, tels que les donne le catalogue de l'ENT.

Le service d'autorisation demande au catalogue l'usage d'un service par un profil
(« lecture », « ecriture » ou aucun) : c'est le plafond des actions permises
(:data:`~entsim.autorisation.habilitations.ACTIONS_PAR_USAGE`). Sans catalogue, les usages
sont lus directement dans ``data/services.csv`` (:class:`UsagesParDefaut`), la même source
que :mod:`entsim.etablissement.catalogue`.
"""

from __future__ import annotations

from typing import Protocol

from entsim.autorisation.habilitations.actions import ACTIONS_PAR_USAGE, replier_cle
from entsim.etablissement.annuaire import Profil
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.texte import cite

__all__ = ["LIBELLES_USAGE", "UsagesServices", "UsagesParDefaut", "usage_normalise"]

#: Libellé de chaque usage du catalogue, pour les phrases d'explication.
LIBELLES_USAGE = {"lecture": "lecture", "ecriture": "écriture"}


class UsagesServices(Protocol):
    """Ce que le service d'autorisation attend d'un catalogue : l'usage d'un service."""

    def usage(self, profil: Profil, code: str) -> str | None: ...


class UsagesParDefaut:
    """Repli quand aucun catalogue n'est donné : les usages par profil sont lus directement
    dans ``data/services.csv`` (la même source que :mod:`entsim.etablissement.catalogue`)."""

    _COLONNES = {Profil.ELEVE: "usage_eleve", Profil.PARENT: "usage_parent",
                 Profil.ENSEIGNANT: "usage_enseignant", Profil.PERSONNEL: "usage_personnel",
                 Profil.INVITE: "usage_invite"}

    def __init__(self) -> None:
        from entsim.socle.donnees import lire_csv

        self._lignes = {ligne["code"]: ligne for ligne in lire_csv("services.csv")}

    def codes(self) -> list[str]:
        return list(self._lignes)

    def nom(self, code: str) -> str:
        return self._ligne(code)["nom"]

    def _ligne(self, code: str) -> dict[str, str]:
        try:
            return self._lignes[code]
        except KeyError:
            exemples = ", ".join(list(self._lignes)[:6])
            raise Introuvable(f"Service inconnu : {cite(code)} (exemples : {exemples}).",
                              code="service_inconnu") from None

    def usage(self, profil: Profil, code: str) -> str | None:
        valeur = self._ligne(code)[self._COLONNES[profil]].strip()
        return None if valeur in ("", "aucun") else valeur


def usage_normalise(valeur: object) -> str | None:
    """L'usage donné par un catalogue, ramené à « lecture », « ecriture » ou ``None``."""
    if valeur is None:
        return None
    texte = replier_cle(str(getattr(valeur, "value", valeur)))
    if texte in ("", "aucun", "none"):
        return None
    if texte not in ACTIONS_PAR_USAGE:
        raise ValeurInvalide(f"Usage de service inattendu dans le catalogue : {cite(valeur)}.")
    return texte
