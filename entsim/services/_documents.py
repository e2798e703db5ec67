"""Les valeurs de l'espace documentaire (:mod:`entsim.services.espace_documentaire`) : les
droits de partage emboîtés (lire, contribuer, gérer), les éléments (dossiers et fichiers) et ce
qu'une personne en voit (son droit, les partages de ce qu'elle gère, le chemin).

N'importe que le socle et :mod:`entsim.services._fichiers`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from entsim.services._fichiers import Fichier
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

__all__ = ["Droit", "Element", "ElementVu", "VueDossier"]


class Droit(str, Enum):
    """Les droits de partage, du plus faible au plus fort."""

    LIRE = "lire"
    CONTRIBUER = "contribuer"
    GERER = "gerer"

    @property
    def rang(self) -> int:
        return list(Droit).index(self)

    @property
    def libelle(self) -> str:
        return {"lire": "lecture", "contribuer": "contribution", "gerer": "gestion"}[self.value]

    @classmethod
    def depuis(cls, valeur: object) -> "Droit":
        if isinstance(valeur, Droit):
            return valeur
        cle = valeur.strip().lower().replace("é", "e") if isinstance(valeur, str) else None
        for droit in cls:
            if cle in (droit.value, droit.libelle.replace("é", "e")):
                return droit
        raise ValeurInvalide(f"Droit de partage inconnu : {cite(valeur)} (possibles : « lire », "
                             "« contribuer », « gérer »).", code="droit_inconnu")


@dataclass
class Element:
    """Un dossier ou un fichier de l'espace documentaire."""

    numero: int
    nom: str
    proprietaire: str
    date: datetime
    dossier: int | None = None               # dossier parent (None : à la racine)
    fichier: Fichier | None = None           # None : c'est un dossier
    partages: dict[str, Droit] = field(default_factory=dict)

    @property
    def est_dossier(self) -> bool:
        return self.fichier is None


@dataclass(frozen=True)
class ElementVu:
    """Un élément tel que le voit une personne : son droit et, si elle le gère, ses
    partages en toutes lettres (``None`` sinon)."""

    element: Element
    droit: Droit
    partages: tuple[tuple[str, str], ...] | None = None


@dataclass(frozen=True)
class VueDossier:
    """Ce qu'une personne voit à un endroit de l'espace (:meth:`EspaceDocumentaire.parcourir`) :
    le chemin et les éléments."""

    chemin: str
    elements: tuple[ElementVu, ...]
