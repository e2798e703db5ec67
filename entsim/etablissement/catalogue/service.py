"""Un service de l'ENT : sa finalité, ses usages par profil, les données qu'il traite.

Usages par profil : ``aucun``, ``lecture`` ou ``ecriture`` (écriture = publier, répondre,
déposer ou modifier, ce qui suppose de pouvoir lire). C'est le maximum qu'un profil peut
faire dans le service ; les fonctions et les partages de chaque ressource restreignent
ensuite, conformément à l'arrêté ENT (arrêté du 30 novembre 2006 modifié) : chaque profil
ne voit que ce que son rôle exige.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from entsim.etablissement.annuaire import Profil, profil_depuis
from entsim.etablissement.catalogue.sources import FAMILLES, SOURCES
from entsim.etablissement.identifiants import replier
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

__all__ = ["USAGES", "LIBELLES_USAGE", "Service", "replier_nom"]

#: Les trois usages possibles, du plus faible au plus fort.
USAGES: tuple[str, ...] = ("aucun", "lecture", "ecriture")

#: Libellés français des usages (affichage).
LIBELLES_USAGE: dict[str, str] = {
    "aucun": "aucun accès",
    "lecture": "lecture",
    "ecriture": "écriture",
}


def replier_nom(texte: str) -> str:
    """Minuscules, sans accents (:func:`entsim.etablissement.identifiants.replier`), apostrophes et espaces
    uniformisés (pour comparer des noms)."""
    texte = replier(texte).replace("’", "'").replace("_", " ").replace("-", " ")
    return " ".join(texte.split())


@dataclass(frozen=True, repr=False)
class Service:
    """Un service de l'ENT, sa finalité, ses usages par profil et les données qu'il traite.

    ``usages`` ne contient que les profils qui utilisent le service (``"lecture"`` ou
    ``"ecriture"``) ; ``categories_donnees`` contient des codes de catégorie (voir
    :meth:`Catalogue.libelle_categorie`).
    """

    code: str
    nom: str
    description: str
    finalite: str
    famille: str
    usages: Mapping[Profil, str] = field(hash=False)
    categories_donnees: tuple[str, ...]
    duree_conservation: str
    duree_conservation_jours: int
    via_gar: bool
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        utiles = {profil_depuis(p): u for p, u in dict(self.usages).items() if u != "aucun"}
        for profil, usage in utiles.items():
            if usage not in USAGES:
                raise ValeurInvalide(
                    f"Usage « {usage} » invalide pour le profil {profil.value} du service "
                    f"« {self.code} » (valeurs permises : {', '.join(USAGES)}).")
        ordonnes = {p: utiles[p] for p in Profil if p in utiles}
        object.__setattr__(self, "usages", MappingProxyType(ordonnes))
        object.__setattr__(self, "categories_donnees", tuple(self.categories_donnees))
        object.__setattr__(self, "sources", tuple(self.sources))

    # -- usages -----------------------------------------------------------------------------
    def usage(self, profil: Profil | str) -> str:
        """``"aucun"``, ``"lecture"`` ou ``"ecriture"`` pour ce profil."""
        return self.usages.get(profil_depuis(profil), "aucun")

    def peut_lire(self, profil: Profil | str) -> bool:
        """Le profil peut consulter le service (la lecture est incluse dans l'écriture)."""
        return self.usage(profil) in ("lecture", "ecriture")

    def peut_ecrire(self, profil: Profil | str) -> bool:
        """Le profil peut publier, répondre, déposer ou modifier dans le service."""
        return self.usage(profil) == "ecriture"

    def profils(self) -> list[Profil]:
        """Les profils qui utilisent le service, dans l'ordre des profils."""
        return list(self.usages)

    # -- affichage --------------------------------------------------------------------------
    @property
    def libelle_famille(self) -> str:
        """La famille telle que la nomme la page du ministère."""
        return FAMILLES[self.famille]

    @property
    def source(self) -> str:
        """Les documents qui nomment le service, en une phrase (« CERTA 2013 ; ENT réel »)."""
        return " ; ".join(self.sources)

    def cite_par(self, source: str) -> bool:
        """Le service est nommé par ce document (« CERTA 2013 », « Ministère 2022 », « ENT réel »)."""
        if source not in SOURCES:
            raise ValeurInvalide(f"Source inconnue : {cite(source)}. Sources possibles : "
                                 f"{', '.join(SOURCES)}.")
        return source in self.sources

    def resume_usages(self) -> str:
        """« Élève : lecture ; Parent : lecture ; Enseignant : écriture… »."""
        return " ; ".join(f"{p.value} : {LIBELLES_USAGE[u]}" for p, u in self.usages.items())

    def __str__(self) -> str:
        return self.nom

    def __repr__(self) -> str:
        return f"Service({self.code!r}, « {self.nom} »)"
