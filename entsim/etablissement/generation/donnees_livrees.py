"""Les données livrées dans ``data/`` (prénoms, noms, établissements, grilles horaires),
lues une fois, et l'urne qui tire un prénom ou un nom selon son poids.

Sources : ``data/prenoms.csv`` et ``data/noms.csv`` (fréquences par génération),
``data/etablissements.csv`` (établissements fictifs ; la lettre-clé de leur code UAI suit
la règle du Répertoire national des établissements, :func:`cle_uai`),
``data/disciplines.csv`` (enseignements et horaires des arrêtés du 16 juillet 2018).
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from entsim.socle import donnees
from entsim.socle.erreurs import ValeurInvalide

__all__ = ["Urne", "Enseignement", "DonneesLivrees", "donnees_livrees", "cle_uai"]


@dataclass(frozen=True)
class Urne:
    """Un tirage pondéré rapide (cumuls précalculés)."""

    valeurs: tuple[str, ...]
    cumuls: tuple[float, ...]

    @classmethod
    def de(cls, paires: Sequence[tuple[str, float]]) -> Urne:
        return cls(tuple(v for v, _ in paires), tuple(accumulate(p for _, p in paires)))

    def tirer(self, rng: random.Random) -> str:
        return self.valeurs[bisect_right(self.cumuls, rng.random() * self.cumuls[-1])]


@dataclass(frozen=True)
class Enseignement:
    """Une ligne de ``data/disciplines.csv``."""

    formation: str
    discipline: str
    heures: float
    corps: str
    lot: str
    groupe: str
    frequence: float


@dataclass(frozen=True)
class DonneesLivrees:
    """Le contenu des fichiers de ``data/`` utiles à la génération."""

    cohortes: tuple[tuple[int, int, str], ...]
    prenoms: dict[tuple[str, str], Urne]                 # (sexe, cohorte)
    prenoms_langue: dict[tuple[str, str, str], Urne]     # (sexe, cohorte, langue)
    noms: Urne
    langue_nom: dict[str, str]
    etablissements: tuple[dict[str, str], ...]
    enseignements: dict[str, tuple[Enseignement, ...]]   # formation → lignes
    corps: tuple[str, ...]                                # dans l'ordre du fichier


@lru_cache(maxsize=1)
def donnees_livrees() -> DonneesLivrees:
    """Les données livrées, lues au premier appel seulement."""
    par_pool: dict[tuple[str, str], list[tuple[str, float]]] = {}
    par_langue: dict[tuple[str, str, str], list[tuple[str, float]]] = {}
    cohortes: set[str] = set()
    for ligne in donnees.lire_csv("prenoms.csv"):
        paire = (ligne["prenom"], float(ligne["poids"]))
        par_pool.setdefault((ligne["sexe"], ligne["cohorte"]), []).append(paire)
        par_langue.setdefault((ligne["sexe"], ligne["cohorte"], ligne["langue"]), []).append(paire)
        cohortes.add(ligne["cohorte"])
    lignes_noms = donnees.lire_csv("noms.csv")
    enseignements: dict[str, list[Enseignement]] = {}
    corps: list[str] = []
    for ligne in donnees.lire_csv("disciplines.csv"):
        e = Enseignement(ligne["formation"], ligne["discipline"], float(ligne["heures"]),
                          ligne["corps"], ligne["lot"], ligne["groupe"],
                          float(ligne["frequence"] or 1))
        enseignements.setdefault(e.formation, []).append(e)
        if e.corps not in corps:
            corps.append(e.corps)
    bornes = tuple(sorted((int(c[:4]), int(c[5:]), c) for c in cohortes))
    return DonneesLivrees(
        cohortes=bornes,
        prenoms={k: Urne.de(v) for k, v in par_pool.items()},
        prenoms_langue={k: Urne.de(v) for k, v in par_langue.items()},
        noms=Urne.de([(l["nom"], float(l["poids"])) for l in lignes_noms]),
        langue_nom={l["nom"]: l["langue"] for l in lignes_noms},
        etablissements=donnees.lire_csv("etablissements.csv"),
        enseignements={k: tuple(v) for k, v in enseignements.items()},
        corps=tuple(corps),
    )


def cle_uai(chiffres: str) -> str:
    """La lettre-clé d'un code UAI (Répertoire national des établissements) : le nombre
    formé des 7 chiffres, modulo 23, dans l'alphabet privé de I, O et Q.

    >>> cle_uai("0304127")
    'Y'
    """
    if not (isinstance(chiffres, str) and len(chiffres) == 7 and chiffres.isdigit()):
        raise ValeurInvalide("Un code UAI commence par 7 chiffres, par exemple \"0304127\".")
    return "ABCDEFGHJKLMNPRSTUVWXYZ"[int(chiffres) % 23]
