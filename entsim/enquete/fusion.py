"""Réunir les fichiers de réponses d'une classe (un fichier par groupe).

Chaque réponse a un identifiant stable (groupe, acteur, numéro) : la même réponse présente
dans deux fichiers (un fichier recopié, déposé deux fois) n'est comptée qu'une fois. Deux
réponses différentes sous le même identifiant sont un **conflit** : la première lue est
gardée, et le conflit est signalé en français pour qu'on vérifie. Un fichier abîmé (vide,
tronqué, mauvaises colonnes, pas un CSV, réenregistré en cp1252 par Excel) est signalé avec
son nom et la ligne fautive ; ses lignes valides et les autres fichiers sont quand même
réunis : rien de lisible n'est perdu.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from entsim.enquete.reponse import Reponse
from entsim.enquete.stockage import lire
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import accorder, cite

__all__ = ["Fusion", "fusionner"]


@dataclass(frozen=True)
class Fusion:
    """Le résultat d'une fusion : les réponses réunies (sans doublon), les fichiers lus, le
    nombre de doublons écartés, les conflits et les problèmes de lecture (phrases)."""

    reponses: tuple[Reponse, ...]
    fichiers: tuple[str, ...]
    doublons: int
    conflits: tuple[str, ...]
    problemes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Vrai si tout a été lu sans problème ni conflit."""
        return not self.conflits and not self.problemes

    def texte(self) -> str:
        """Le compte rendu de la fusion, en français."""
        lignes = [f"{accorder(len(self.reponses), 'réponse réunie', 'réponses réunies')} "
                  f"à partir de {accorder(len(self.fichiers), 'fichier')}."]
        if self.doublons:
            lignes.append(f"{accorder(self.doublons, 'réponse présente', 'réponses présentes')} "
                          "en double, comptée une seule fois.")
        if self.conflits:
            lignes.append(f"{accorder(len(self.conflits), 'conflit')} :")
            lignes += [f"- {c}" for c in self.conflits]
        if self.problemes:
            lignes.append(f"{accorder(len(self.problemes), 'problème')} de lecture (le reste "
                          "a été réuni) :")
            lignes += [f"- {p}" for p in self.problemes]
        return "\n".join(lignes)

    def __str__(self) -> str:
        return self.texte()


def _chemins(chemins: str | Path | Iterable[str | Path]) -> list[Path]:
    if isinstance(chemins, (str, Path)):
        chemin = Path(chemins)
        if not chemin.is_dir():
            return [chemin]
        # « .csv » en minuscules ou en majuscules (« G2.CSV » sous Windows) ; pas les fichiers
        # cachés (« ._g1.csv » que macOS ajoute sur une clé USB, fichiers temporaires)
        return sorted(c for c in chemin.iterdir() if c.suffix.lower() == ".csv"
                      and not c.name.startswith(".") and c.is_file())
    try:
        liste = [Path(c) for c in chemins]
    except TypeError:
        raise ValeurInvalide("Donnez une liste de fichiers CSV, ou un dossier qui les "
                             f"contient (reçu : {cite(chemins)}).") from None
    return liste


def fusionner(chemins: str | Path | Iterable[str | Path]) -> Fusion:
    """Réunit les réponses de plusieurs fichiers (une liste de chemins, ou un dossier : tous
    ses ``.csv``, par ordre alphabétique). Ne lève pas d'erreur pour un fichier abîmé : le
    problème est dans :attr:`Fusion.problemes`, les autres fichiers sont réunis."""
    liste = _chemins(chemins)
    if not liste:
        raise ValeurInvalide("Aucun fichier de réponses à réunir.", code="aucun_fichier")
    gardees: dict[str, tuple[Reponse, str]] = {}
    doublons = 0
    conflits: list[str] = []
    problemes: list[str] = []
    for chemin in liste:
        lecture = lire(chemin)
        problemes += lecture.problemes
        for reponse, ligne in zip(lecture.reponses, lecture.lignes):
            origine = f"{cite(lecture.fichier)}, ligne {ligne}"
            deja = gardees.get(reponse.identifiant)
            if deja is None:
                gardees[reponse.identifiant] = (reponse, origine)
            elif deja[0] == reponse:
                doublons += 1
            else:
                conflits.append(f"La réponse « {reponse.identifiant} » n'est pas la même dans "
                                f"{deja[1]} et dans {origine} : la première est gardée ; "
                                "vérifiez laquelle est la bonne et changez le numéro de "
                                "l'autre.")
    return Fusion(tuple(r for r, _ in gardees.values()), tuple(c.name for c in liste),
                  doublons, tuple(conflits), tuple(problemes))
