"""Trouver les fichiers rendus d'un dossier et lire leur contenu.

Chaque fichier du dossier des rendus (sous-dossiers compris) devient un
:class:`FichierRendu` ; une archive ``.zip`` (téléchargement groupé depuis le casier de
l'ENT) donne un fichier par notebook qu'elle contient. Les fichiers du système et de
Jupyter (``desktop.ini``, ``.ipynb_checkpoints``…) et le dossier des résultats sont ignorés.
Ce qui ne peut pas être lu est signalé d'avance (``probleme``), jamais par un plantage.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from entsim.correction.lecture import (TAILLE_MAX, NotebookLu, RenduIllisible, lire_notebook,
                                       lire_octets)

__all__ = ["MEMBRES_ZIP_MAX", "FichierRendu", "fichiers_rendus", "lire_fichier"]

#: Fichiers et dossiers ignorés dans le dossier des rendus (système, Jupyter).
_IGNORES = {"desktop.ini", "thumbs.db", ".ds_store", "__macosx", ".ipynb_checkpoints"}
#: Nombre maximal de notebooks lus dans une archive zip.
MEMBRES_ZIP_MAX = 2000


@dataclass(frozen=True)
class FichierRendu:
    """Un fichier rendu : chemin relatif (affiché) et moyen d'en lire le contenu."""

    relatif: PurePosixPath
    chemin: Path
    membre: str | None = None      # membre d'une archive zip
    probleme: tuple[str, str] | None = None   # (code de statut, raison) connu d'avance


def _ignore(nom: str) -> bool:
    return nom.startswith(".") or nom.startswith("~$") or nom.lower() in _IGNORES


def fichiers_rendus(dossier: Path, sortie: Path) -> list[FichierRendu]:
    """Les fichiers à corriger, triés : notebooks, autres fichiers (signalés), membres zip."""
    trouves: list[FichierRendu] = []
    sortie_resolue = sortie.resolve()
    for racine, dossiers, fichiers in os.walk(dossier):
        racine_p = Path(racine)
        dossiers[:] = sorted(d for d in dossiers if not _ignore(d)
                             and (racine_p / d).resolve() != sortie_resolue)
        for nom in sorted(fichiers):
            if _ignore(nom):
                continue
            chemin = racine_p / nom
            relatif = _lisible(PurePosixPath(chemin.relative_to(dossier).as_posix()))
            if nom.lower().endswith(".zip"):
                trouves.extend(_membres_zip(chemin, relatif))
            else:
                trouves.append(FichierRendu(relatif, chemin))
    return sorted(trouves, key=lambda f: (str(f.relatif).casefold(), str(f.relatif)))


def _lisible(chemin: PurePosixPath) -> PurePosixPath:
    """Le chemin affiché d'un fichier : un nom qui n'est pas de l'UTF-8 valide (octets
    bruts d'un autre système) est rendu lisible, pour pouvoir l'écrire dans le carnet."""
    texte = str(chemin).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return PurePosixPath(texte)


def _chemin_membre(nom: str) -> PurePosixPath:
    """Le chemin d'un membre d'archive zip. La norme zip (APPNOTE.TXT, section 4.4.17.1)
    impose « / » comme séparateur, mais des outils Windows écrivent « \\ » : on accepte
    les deux, pour retrouver le dossier de l'élève (« Rendus\\Tom PETIT\\partie1.ipynb »)."""
    return PurePosixPath(nom.replace("\\", "/"))


def _membres_zip(chemin: Path, relatif: PurePosixPath) -> list[FichierRendu]:
    """Les notebooks d'une archive zip (téléchargement groupé depuis le casier de l'ENT)."""
    try:
        with zipfile.ZipFile(chemin) as archive:
            membres = [i for i in archive.infolist() if not i.is_dir()
                       and i.filename.lower().endswith(".ipynb")
                       and not any(_ignore(p) for p in _chemin_membre(i.filename).parts)]
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return [FichierRendu(relatif, chemin, probleme=(
            "illisible", "L'archive zip est abîmée ou incomplète : décompressez-la à la main "
                         "ou téléchargez-la à nouveau."))]
    if not membres:
        return [FichierRendu(relatif, chemin, probleme=(
            "pas_un_notebook", "L'archive zip ne contient aucun notebook (.ipynb)."))]
    resultat = []
    for info in sorted(membres, key=lambda i: i.filename)[:MEMBRES_ZIP_MAX]:
        rel = relatif / _chemin_membre(info.filename)
        if info.file_size > TAILLE_MAX:
            resultat.append(FichierRendu(rel, chemin, info.filename, probleme=(
                "trop_volumineux", "Le notebook de l'archive dépasse la taille maximale : "
                                   "il n'a pas été lu.")))
        else:
            resultat.append(FichierRendu(rel, chemin, info.filename))
    return resultat


def lire_fichier(fichier: FichierRendu) -> NotebookLu:
    """Le notebook d'un fichier rendu (fichier ou membre d'une archive zip) ; lève
    :class:`RenduIllisible` s'il ne peut pas être lu."""
    if fichier.membre is not None:
        try:
            with zipfile.ZipFile(fichier.chemin) as archive:
                with archive.open(fichier.membre) as membre:
                    donnees = membre.read(TAILLE_MAX + 1)
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
            raise RenduIllisible("Ce notebook de l'archive zip ne peut pas être extrait "
                                 "(archive abîmée ou protégée).", code="illisible") from None
        return lire_octets(donnees)
    return lire_notebook(fichier.chemin)
