"""L'édition des élèves : ce que le professeur distribue, sans le corrigé.

``python -m entsim.questions edition-eleves DOSSIER`` (ou ``entsim-fiches edition-eleves
DOSSIER``) copie, depuis le dépôt complet du professeur : le paquet ``entsim`` (avec les
énoncés publics ``entsim/questions/enonces/``), ``notebooks/``, ``exercises/``, ``data/``,
``scripts/ouvrir_cours.sh`` et ``scripts/installer.sh``, ``README.md``, ``pyproject.toml``
et ``environment.yml``. Elle ne copie **pas** le corrigé (``entsim_corrige/``), les fiches
corrigées (``solutions/``), les tests (``tests/``), les outils du professeur ni ``docs/``.
Les caches Python (``__pycache__``) ne sont pas copiés non plus, ni les fichiers du paquet
qui portent un corrigé (:data:`EXCLUS_CHEMINS`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

#: La racine du dépôt du professeur (le dossier qui contient le paquet entsim).
RACINE = Path(__file__).resolve().parent.parent.parent

#: Les dossiers copiés dans l'édition des élèves.
DOSSIERS = ("entsim", "notebooks", "exercises", "data")

#: Les dossiers de notebooks : seuls leurs fichiers ``.ipynb`` sont copiés.
CAHIERS = ("notebooks", "exercises")

#: Les fichiers copiés (s'ils existent).
FICHIERS = ("README.md", "pyproject.toml", "environment.yml", "scripts/ouvrir_cours.sh",
            "scripts/installer.sh")

#: Ce qui n'est jamais copié, où que ce soit.
EXCLUS = ("__pycache__", "*.pyc", ".ipynb_checkpoints", "entsim_corrige", "solutions")

#: Fichiers du paquet ou des données qui ne doivent jamais être copiés (aucun aujourd'hui : la
#: classification des données de la question 8, qui est la réponse de q8b, est dans
#: ``entsim_corrige/``).
EXCLUS_CHEMINS: tuple[str, ...] = ()


def ecrire_edition_eleves(dossier: str | Path, racine: Path = RACINE) -> Path:
    """Écrit l'édition des élèves dans ``dossier`` (absent ou vide) ; rend son chemin."""
    cible = Path(dossier).resolve()
    if cible.exists() and (not cible.is_dir() or any(cible.iterdir())):
        raise ValeurInvalide(f"Le dossier {cite(str(cible))} existe déjà et n'est pas vide : "
                             "choisissez un dossier nouveau pour l'édition des élèves.",
                             code="edition_dossier_occupe")
    if cible == racine or racine in cible.parents:
        raise ValeurInvalide("Écrivez l'édition des élèves hors du dépôt du professeur "
                             f"(reçu : {cite(str(cible))}).", code="edition_dans_le_depot")
    cible.mkdir(parents=True, exist_ok=True)
    motifs = shutil.ignore_patterns(*EXCLUS)
    exclus = {(racine / chemin).resolve() for chemin in EXCLUS_CHEMINS}

    cahiers = {(racine / nom).resolve() for nom in CAHIERS}

    def ignorer(dossier_copie: str, noms: list[str]) -> set[str]:
        ici = Path(dossier_copie).resolve()
        # dans notebooks/ et exercises/, seuls les notebooks : pas les fichiers qu'une
        # exécution du professeur y a laissés (images, archives, CSV de ses essais)
        produits = {nom for nom in noms if ici in cahiers and (ici / nom).is_file()
                    and not nom.endswith(".ipynb")}
        return set(motifs(dossier_copie, noms)) | produits | {
            nom for nom in noms if (ici / nom).resolve() in exclus}

    for nom in DOSSIERS:
        if (racine / nom).is_dir():
            shutil.copytree(racine / nom, cible / nom, ignore=ignorer)
    for nom in FICHIERS:
        if (racine / nom).is_file():
            (cible / nom).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(racine / nom, cible / nom)
    return cible
