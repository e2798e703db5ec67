"""Accès aux fichiers de données livrés dans ``data/`` (rien n'est téléchargé à l'exécution).

Dans une installation normale (wheel), ``data/`` est copié dans ``entsim/_data`` ; dans une
installation « éditable » (``pip install -e .``), on lit directement ``data/`` à la racine
du dépôt.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from entsim.socle.erreurs import Introuvable

_ICI = Path(__file__).resolve().parent   # entsim/socle


def dossier() -> Path:
    """Le dossier des données livrées."""
    for candidat in (_ICI.parent / "_data", _ICI.parent.parent / "data"):
        if candidat.is_dir():
            return candidat
    raise Introuvable("Le dossier des données de entsim (data/) est introuvable : "
                      "réinstallez le paquet.")


def chemin(nom: str) -> Path:
    """Chemin d'un fichier de ``data/``."""
    fichier = dossier() / nom
    if not fichier.is_file():
        raise Introuvable(f"Le fichier de données « {nom} » est introuvable dans data/.")
    return fichier


def lignes(nom: str) -> list[str]:
    """Les lignes non vides d'un fichier texte, sans les commentaires (``#``)."""
    texte = chemin(nom).read_text(encoding="utf-8")
    return [ligne.strip() for ligne in texte.splitlines()
            if ligne.strip() and not ligne.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def lire_csv(nom: str) -> tuple[dict[str, str], ...]:
    """Les lignes d'un CSV (UTF-8, en-tête) sous forme de dictionnaires ; les lignes
    commençant par ``#`` (provenance) sont ignorées. Le résultat est mis en cache."""
    with chemin(nom).open(encoding="utf-8", newline="") as f:
        utiles = (ligne for ligne in f if not ligne.startswith("#"))
        return tuple(dict(ligne) for ligne in csv.DictReader(utiles))


class FichierEnregistre(type(Path())):      # PosixPath ou WindowsPath selon le système
    """Le chemin d'un fichier que la simulation vient d'écrire (un ``Path`` ordinaire) ;
    affiché en français avec sa taille : « Fichier enregistré : registre.csv (3 Ko) » —
    jamais ``PosixPath('registre.csv')`` devant un élève."""

    NATURE = "Fichier enregistré"

    def __repr__(self) -> str:
        if self.is_dir():
            return f"{self.NATURE} : {self} (dossier)"
        taille = self.stat().st_size if self.exists() else 0
        kilo = max(1, round(taille / 1024))
        return f"{self.NATURE} : {self} ({kilo:,} Ko)".replace(",", "\u202f")
