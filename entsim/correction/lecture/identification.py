"""Reconnaître une copie : la fiche à laquelle elle répond et le nom de l'élève.

La fiche est reconnue à ses métadonnées (``metadata.entsim.fiche``), sinon, métadonnées
effacées, à la ligne ``fiche("…")`` ou aux noms des variables de réponse ; une fiche déclarée
mais inconnue n'est jamais remplacée par une fiche devinée. Le nom de l'élève vient d'une
cellule ``nom_eleve = "…"``, sinon du chemin du fichier rendu.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from entsim.correction.lecture.notebook import NotebookLu
from entsim.correction.lecture.reponses import ROLES_SANS_REPONSE
from entsim.etablissement.identifiants import replier

__all__ = ["FicheReconnue", "reconnaitre_fiche", "nom_dans_notebook", "nom_depuis_chemin"]


# ---------------------------------------------------------------------------------------
# Reconnaître la fiche
# ---------------------------------------------------------------------------------------

_APPEL_FICHE = re.compile(r"""\bfiche\(\s*["']([a-z][a-z0-9_]*)["']\s*\)""")
_VARIABLE_REPONSE = re.compile(r"^[ \t]*reponse_(q[0-9]+[a-z]?)\s*(?::[^=\n]*)?=(?!=)",
                               re.MULTILINE)


@dataclass(frozen=True)
class FicheReconnue:
    """La fiche d'un rendu : ``fiche`` (ou ``None``), ``comment`` elle a été reconnue
    (``"metadonnees"``, ``"contenu"``, ``"questions"``) ou, sinon, le ``code`` du refus
    (``"fiche_inconnue"``, ``"fiche_non_reconnue"``) et sa raison en français."""

    fiche: str | None
    comment: str = ""
    code: str = ""
    raison: str = ""


def reconnaitre_fiche(notebook: NotebookLu, questions_des_fiches: dict[str, Sequence[str]]
                      ) -> FicheReconnue:
    """Reconnaît la fiche : métadonnées, puis ligne ``fiche("…")``, puis noms des réponses.

    Une fiche déclarée (métadonnées ou ligne ``fiche("…")``) mais inconnue n'est jamais
    remplacée par une fiche devinée : une autre version de la fiche, ou une fiche d'un autre
    cours, ne doit pas être notée avec un barème qui n'est pas le sien.

    ``questions_des_fiches`` : identifiant de fiche → identifiants de ses questions.
    """
    declaree = notebook.fiche_declaree
    if declaree in questions_des_fiches:
        return FicheReconnue(declaree, "metadonnees")
    for cellule in notebook.cellules:
        for trouvee in _APPEL_FICHE.findall(cellule.source):
            if trouvee in questions_des_fiches:
                return FicheReconnue(trouvee, "contenu")
    disponibles = ", ".join(sorted(questions_des_fiches)) or "aucune"
    if declaree is not None:
        return FicheReconnue(None, code="fiche_inconnue", raison=(
            f"Ce notebook se déclare fiche « {declaree} », qui n'existe pas dans entsim "
            f"(fiches connues : {disponibles})."))
    annonces = sorted({f for c in notebook.cellules for f in _APPEL_FICHE.findall(c.source)})
    if annonces:
        return FicheReconnue(None, code="fiche_inconnue", raison=(
            f"Ce notebook utilise la fiche « {annonces[0]} », qui n'existe pas dans entsim "
            f"(fiches connues : {disponibles})."))
    nommees = {c.question for c in notebook.cellules if c.question}
    for cellule in notebook.cellules:
        nommees.update(_VARIABLE_REPONSE.findall(cellule.source))
    scores = sorted(((len(nommees & set(qids)), fid) for fid, qids in
                     questions_des_fiches.items()), reverse=True)
    if scores and scores[0][0] > 0 and (len(scores) == 1 or scores[1][0] < scores[0][0]):
        return FicheReconnue(scores[0][1], "questions")
    return FicheReconnue(None, code="fiche_non_reconnue", raison=(
        "Ce notebook n'est pas une fiche d'entsim reconnaissable : ni métadonnées entsim, "
        "ni ligne fiche(\"…\"), ni variable reponse_… d'une fiche connue."))


# ---------------------------------------------------------------------------------------
# Le nom de l'élève
# ---------------------------------------------------------------------------------------

_MOTS_PARASITES = {
    "copie", "copy", "de", "of", "du", "fiche", "fiches", "exercice", "exercices", "exo",
    "rendu", "rendus", "devoir", "tp", "final", "finale", "definitif", "version", "v",
    "corrige", "solution", "solutions", "notebook", "ipynb", "partie", "sig", "ent",
    "entsim", "stmg", "tstmg", "terminale", "checkpoint", "rapport",
}
_NOM_NOTEBOOK_PAR_DEFAUT = re.compile(r"^(untitled|sans titre)\d*$", re.IGNORECASE)
_NOM_ELEVE_CELLULE = re.compile(
    r"""^[ \t]*(?:nom_eleve|eleve|nom_prenom|prenom_nom)\s*=\s*(['"])(.+?)\1[ \t]*(?:#.*)?$""",
    re.MULTILINE)


def nom_dans_notebook(notebook: NotebookLu) -> str | None:
    """Le nom écrit par l'élève dans une cellule ``nom_eleve = "…"``, s'il y en a une."""
    for cellule in notebook.cellules:
        if cellule.role in ROLES_SANS_REPONSE:
            continue
        for _, nom in _NOM_ELEVE_CELLULE.findall(cellule.source):
            nom = " ".join(nom.split())
            if replier(nom).strip(" .…") not in ("", "a completer", "prenom nom",
                                                 "nom prenom", "votre nom"):
                return nom[:80]
    return None


def nom_depuis_chemin(chemin: PurePosixPath, fiches: Sequence[str]) -> str:
    """Le nom de l'élève tiré du chemin du fichier rendu (relatif au dossier des rendus).

    Règle : si le fichier est dans un sous-dossier (un dossier par élève, comme le font
    les outils de ramassage), le nom du dernier sous-dossier ; sinon le nom du fichier
    débarrassé de ce qui n'est pas un nom (« Copie de », « (2) », l'identifiant de la
    fiche, « exercice », les numéros…). S'il ne reste rien, le nom du fichier tel quel.
    """
    dossiers = [p for p in chemin.parts[:-1] if not p.lower().endswith(".zip")]
    if dossiers:
        dossier = " ".join(dossiers[-1].replace("_", " ").split())
        if dossier:
            return dossier
    base = PurePosixPath(chemin.name).stem if "." in chemin.name else chemin.name
    texte = base
    for fid in sorted(fiches, key=len, reverse=True):
        texte = re.sub(re.escape(fid), " ", texte, flags=re.IGNORECASE)
    texte = re.sub(r"\(\s*\d+\s*\)|\[\s*\d+\s*\]", " ", texte)
    texte = re.sub(r"(?<![^\W\d_])-|-(?![^\W\d_])|[_.,;:+=()\[\]{}«»—–]", " ", texte)
    mots = [m for m in texte.split() if not any(ch.isdigit() for ch in m)
            and replier(m).strip("-") not in _MOTS_PARASITES
            and not _NOM_NOTEBOOK_PAR_DEFAUT.match(m)]
    nom = " ".join(mots).strip(" -")
    return nom if nom else base
