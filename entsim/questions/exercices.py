"""Des fiches corrigées (``solutions/``) aux fiches d'exercices (``exercises/``).

``solutions/<id>.ipynb`` est la source unique de chaque fiche : un notebook répondu, écrit
avec la bibliothèque (format dans ``docs/QUESTIONS.md``). Les exercices en sont tirés par
une commande, comme le fait numpy-100 pour ses versions et nbgrader pour ses devoirs :

    python -m entsim.questions generer      # (ou : entsim-fiches generer)
    python -m entsim.questions verifier     # code de sortie 1 si exercises/ n'est pas à jour

Ce que fait la génération, cellule par cellule :

- une région ``### BEGIN SOLUTION`` / ``### END SOLUTION`` (marqueurs de nbgrader) est
  remplacée par l'amorce de la question : ``reponse_<qid> = None  # À compléter``, ou la
  ligne de départ d'une question « modifier une ligne » (:meth:`Question.amorce`) ;
- une région ``### BEGIN HIDDEN TESTS`` / ``### END HIDDEN TESTS`` est retirée ;
- une cellule de rôle ``"corrige"`` (commentaire réservé au professeur) est retirée ;
- les cellules de réponse, de vérification et d'indice perdent leurs sorties (le retour
  affiché dépend de la réponse ; un indice n'est pas montré d'avance) et reçoivent
  l'étiquette ``nbval-ignore-output`` : nbval exécute quand même ces cellules (elles ne
  doivent pas échouer sur une fiche vierge) sans comparer leur sortie ;
- une autre cellule de code qui lit une variable de réponse (``schema_a_completer(reponse_q15c)``)
  perd aussi sa sortie, avec la même étiquette : dans le corrigé, elle montre la réponse
  juste (le schéma complété), qui ne doit pas rester affichée dans la fiche des élèves ;
- toutes les autres cellules (texte, exploration de l'ENT) sont copiées telles quelles, avec
  leurs sorties, qui sont identiques dans les deux fiches : nbval les compare dans l'une et
  l'autre.

Choix : on ne réexécute pas la fiche vierge. La génération reste ainsi rapide, sans noyau
Jupyter, et déterministe (deux générations donnent des fichiers identiques octet par
octet) ; le test « exercises/ est à jour » ne fait que régénérer en mémoire et comparer.
Les identifiants de cellule sont conservés : le correcteur retrouve une question par
l'identifiant ou par les métadonnées ``entsim`` de la cellule.
"""

from __future__ import annotations

import ast
import copy
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from entsim.socle.commandes import analyseur as analyseur_francais
from entsim.socle.erreurs import ErreurENT
from entsim.socle.texte import cite
from entsim.questions.fiches import Fiche
from entsim.questions.registre import fiche

DEBUT_SOLUTION = "### BEGIN SOLUTION"
FIN_SOLUTION = "### END SOLUTION"
DEBUT_TESTS_CACHES = "### BEGIN HIDDEN TESTS"
FIN_TESTS_CACHES = "### END HIDDEN TESTS"

#: Étiquette nbval posée sur les cellules dont la sortie dépend de la réponse.
IGNORER_SORTIE = "nbval-ignore-output"

#: Rôles des cellules d'une fiche (métadonnées ``cell.metadata.entsim.role``).
ROLES = ("enonce", "reponse", "verification", "indice", "corrige", "bilan")

#: Rôles dont la sortie est effacée dans l'exercice.
ROLES_SANS_SORTIE = ("reponse", "verification", "indice", "bilan")

#: Une cellule qui lit une variable de réponse : sa sortie, dans le corrigé, montre la réponse.
_LIT_UNE_REPONSE = re.compile(r"\breponse_\w+")

DOSSIER_SOLUTIONS = "solutions"
DOSSIER_EXERCICES = "exercises"


class ErreurFiche(ErreurENT):
    """Une fiche corrigée ne respecte pas le format (le message dit où et quoi)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="fiche_mal_formee")


@dataclass(frozen=True)
class Ecart:
    """Une différence entre ``exercises/`` et ce que la génération produirait."""

    fichier: str
    probleme: str

    def __str__(self) -> str:
        return f"{self.fichier} : {self.probleme}"


# ---------------------------------------------------------------------------------------------
# Lecture et écriture des notebooks (format JSON de nbformat, écriture déterministe)
# ---------------------------------------------------------------------------------------------

def lire_notebook(chemin: str | Path) -> Any:
    import nbformat

    return nbformat.read(str(chemin), as_version=4)


def ecrire_texte(notebook: Any) -> str:
    """Le texte exact du fichier .ipynb (nbformat : JSON trié, indentation 1, fin de ligne)."""
    import nbformat

    texte = nbformat.writes(notebook)
    return texte if texte.endswith("\n") else texte + "\n"


def _source(cellule: Any) -> str:
    source = cellule.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _meta_entsim(cellule: Any) -> dict:
    meta = cellule.get("metadata", {}).get("entsim", {})
    return meta if isinstance(meta, dict) else {}


def identifiant_fiche(notebook: Any) -> str | None:
    """L'identifiant de la fiche (``metadata.entsim.fiche``), ou None."""
    meta = notebook.get("metadata", {}).get("entsim", {})
    valeur = meta.get("fiche") if isinstance(meta, dict) else None
    return valeur if isinstance(valeur, str) else None


# ---------------------------------------------------------------------------------------------
# Régions marquées
# ---------------------------------------------------------------------------------------------

def _regions(lignes: list[str], debut: str, fin: str, ou: str) -> list[tuple[int, int]]:
    """Les couples (ligne de début, ligne de fin) des régions marquées ; erreur si mal formé."""
    regions, ouverte = [], None
    for i, ligne in enumerate(lignes):
        marque = ligne.strip()
        if marque == debut:
            if ouverte is not None:
                raise ErreurFiche(f"{ou} : « {debut} » ouvert deux fois sans « {fin} ».")
            ouverte = i
        elif marque == fin:
            if ouverte is None:
                raise ErreurFiche(f"{ou} : « {fin} » sans « {debut} ».")
            regions.append((ouverte, i))
            ouverte = None
    if ouverte is not None:
        raise ErreurFiche(f"{ou} : « {debut} » n'est jamais fermé par « {fin} ».")
    return regions


def retirer_solution(source: str, amorce: str, ou: str = "cellule") -> str:
    """Remplace chaque région SOLUTION par l'amorce (avec l'indentation du marqueur)."""
    lignes = source.split("\n")
    regions = _regions(lignes, DEBUT_SOLUTION, FIN_SOLUTION, ou)
    for debut, fin in reversed(regions):
        marge = lignes[debut][: len(lignes[debut]) - len(lignes[debut].lstrip())]
        lignes[debut: fin + 1] = [marge + l for l in amorce.split("\n")]
    return "\n".join(lignes)


def retirer_tests_caches(source: str, ou: str = "cellule") -> str:
    """Retire les régions HIDDEN TESTS (marqueurs compris)."""
    lignes = source.split("\n")
    for debut, fin in reversed(_regions(lignes, DEBUT_TESTS_CACHES, FIN_TESTS_CACHES, ou)):
        del lignes[debut: fin + 1]
    while lignes and not lignes[-1].strip():
        lignes.pop()
    return "\n".join(lignes)


def contenu_solution(source: str) -> str:
    """Le texte entre ``### BEGIN SOLUTION`` et ``### END SOLUTION`` (première région)."""
    lignes = source.split("\n")
    regions = _regions(lignes, DEBUT_SOLUTION, FIN_SOLUTION, "cellule")
    if not regions:
        return ""
    debut, fin = regions[0]
    return "\n".join(lignes[debut + 1: fin])


# ---------------------------------------------------------------------------------------------
# Vérification du format d'une fiche corrigée
# ---------------------------------------------------------------------------------------------

def verifier_format(notebook: Any, nom: str = "fiche") -> Fiche:
    """Vérifie qu'un notebook corrigé suit le format des fiches et rend sa :class:`Fiche`.

    Chaque question de la banque a exactement une cellule de réponse (avec région SOLUTION
    et métadonnées nbgrader) et une cellule de vérification ; aucune cellule ne cite une
    question inconnue. Lève :class:`ErreurFiche` sinon.
    """
    identifiant = identifiant_fiche(notebook)
    if identifiant is None:
        raise ErreurFiche(f"{nom} : métadonnée « entsim.fiche » absente du notebook.")
    try:
        la_fiche = fiche(identifiant)
    except ErreurENT as erreur:
        raise ErreurFiche(f"{nom} : {erreur}") from None
    vues: dict[tuple[str, str], int] = {}
    for numero, cellule in enumerate(notebook.cells, start=1):
        meta = _meta_entsim(cellule)
        qid, role = meta.get("question"), meta.get("role")
        ou = f"{nom}, cellule {numero} ({cellule.get('id', '?')})"
        if qid is None and role is None:
            if DEBUT_SOLUTION in _source(cellule):
                raise ErreurFiche(f"{ou} : région de solution hors d'une cellule de réponse.")
            continue
        if role not in ROLES:
            raise ErreurFiche(f"{ou} : rôle {cite(role)} inconnu (rôles : {', '.join(ROLES)}).")
        if qid is not None and qid not in la_fiche.ids():
            raise ErreurFiche(f"{ou} : question {cite(qid)} absente de la banque "
                              f"{identifiant}.")
        vues[(qid, role)] = vues.get((qid, role), 0) + 1
        if role in ("reponse", "verification", "indice", "bilan") and \
                cellule.cell_type != "code":
            raise ErreurFiche(f"{ou} : une cellule « {role} » doit être une cellule de code.")
        if role == "reponse":
            source = _source(cellule)
            if not _regions(source.split("\n"), DEBUT_SOLUTION, FIN_SOLUTION, ou):
                raise ErreurFiche(f"{ou} : pas de région « {DEBUT_SOLUTION} ».")
            nbgrader = cellule.get("metadata", {}).get("nbgrader", {})
            if not nbgrader.get("solution") or nbgrader.get("grade_id") != qid:
                raise ErreurFiche(f"{ou} : métadonnées nbgrader manquantes ou fausses.")
            if f"reponse_{qid}" not in source:
                raise ErreurFiche(f"{ou} : la cellule n'affecte pas reponse_{qid}.")
        if role == "verification" and f'f.verifier("{qid}"' not in _source(cellule):
            raise ErreurFiche(f"{ou} : la vérification doit appeler f.verifier(\"{qid}\", …).")
    for qid in la_fiche.ids():
        for role in ("reponse", "verification"):
            if vues.get((qid, role), 0) != 1:
                raise ErreurFiche(f"{nom} : la question {qid} doit avoir exactement une "
                                  f"cellule « {role} » (trouvé : {vues.get((qid, role), 0)}).")
    return la_fiche


# ---------------------------------------------------------------------------------------------
# Génération
# ---------------------------------------------------------------------------------------------

def generer_exercice(notebook: Any, nom: str = "fiche") -> Any:
    """La fiche d'exercice tirée d'une fiche corrigée (le notebook source n'est pas modifié)."""
    la_fiche = verifier_format(notebook, nom)
    exercice = copy.deepcopy(notebook)
    cellules = []
    for numero, cellule in enumerate(exercice.cells, start=1):
        meta = _meta_entsim(cellule)
        role, qid = meta.get("role"), meta.get("question")
        if role == "corrige":
            continue
        ou = f"{nom}, cellule {numero}"
        cellule.get("metadata", {}).pop("execution", None)
        if cellule.cell_type == "code":
            source = _source(cellule)
            if role == "reponse":
                source = retirer_solution(source, la_fiche.question(qid).amorce(), ou)
            source = retirer_tests_caches(source, ou)
            cellule["source"] = source
            if role in ROLES_SANS_SORTIE or _LIT_UNE_REPONSE.search(source):
                cellule["outputs"] = []
                cellule["execution_count"] = None
                etiquettes = list(cellule.metadata.get("tags", []))
                if IGNORER_SORTIE not in etiquettes:
                    etiquettes.append(IGNORER_SORTIE)
                cellule.metadata["tags"] = etiquettes
        cellules.append(cellule)
    exercice.cells = cellules
    exercice.metadata.pop("widgets", None)
    return exercice


def _solutions(dossier: Path) -> list[Path]:
    return sorted(p for p in dossier.glob("*.ipynb") if not p.name.startswith("."))


def generer_exercices(dossier_solutions: str | Path = DOSSIER_SOLUTIONS,
                      dossier_exercices: str | Path = DOSSIER_EXERCICES) -> list[Path]:
    """Écrit ``exercises/<id>.ipynb`` pour chaque ``solutions/<id>.ipynb`` ; rend les chemins.

    Un fichier n'est réécrit que si son contenu change (la date des fichiers à jour ne
    bouge pas).
    """
    source, cible = Path(dossier_solutions), Path(dossier_exercices)
    try:
        existe = source.is_dir()
    except OSError:                  # chemin impossible (trop long…) : il n'existe pas
        existe = False
    if not existe:
        raise ErreurFiche(f"Dossier des solutions introuvable : {cite(str(source))}.")
    cible.mkdir(parents=True, exist_ok=True)
    ecrits = []
    for chemin in _solutions(source):
        texte = ecrire_texte(generer_exercice(lire_notebook(chemin), chemin.name))
        destination = cible / chemin.name
        if not destination.exists() or destination.read_text(encoding="utf-8") != texte:
            destination.write_text(texte, encoding="utf-8")
        ecrits.append(destination)
    return ecrits


def verifier_a_jour(dossier_solutions: str | Path = DOSSIER_SOLUTIONS,
                    dossier_exercices: str | Path = DOSSIER_EXERCICES) -> list[Ecart]:
    """Les écarts entre ``exercises/`` et ce que la génération produirait (liste vide : à jour)."""
    source, cible = Path(dossier_solutions), Path(dossier_exercices)
    ecarts: list[Ecart] = []
    attendus = set()
    for chemin in _solutions(source):
        attendus.add(chemin.name)
        try:
            texte = ecrire_texte(generer_exercice(lire_notebook(chemin), chemin.name))
        except ErreurENT as erreur:
            ecarts.append(Ecart(str(chemin), str(erreur)))
            continue
        destination = cible / chemin.name
        if not destination.exists():
            ecarts.append(Ecart(str(destination), "fichier absent : lancez "
                                                  "« python -m entsim.questions generer »."))
        elif destination.read_text(encoding="utf-8") != texte:
            ecarts.append(Ecart(str(destination), "pas à jour par rapport à la solution : "
                                                  "lancez « python -m entsim.questions generer »."))
    if cible.is_dir():
        for chemin in _solutions(cible):
            if chemin.name not in attendus:
                ecarts.append(Ecart(str(chemin), "exercice sans fiche corrigée dans "
                                                 f"{cite(str(source))}."))
    return ecarts


# ---------------------------------------------------------------------------------------------
# Réponses écrites comme des valeurs littérales
# ---------------------------------------------------------------------------------------------

_PAS_LITTERAL = object()


def valeur_litterale(source: str, variable: str) -> object:
    """La valeur affectée à ``variable`` dans ``source`` si c'est un littéral Python
    (``ast.literal_eval`` : aucun code n'est exécuté) ; sinon :data:`PAS_LITTERAL`."""
    try:
        arbre = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return _PAS_LITTERAL
    valeur: object = _PAS_LITTERAL
    for noeud in arbre.body:
        if isinstance(noeud, ast.Assign) and any(
                isinstance(c, ast.Name) and c.id == variable for c in noeud.targets):
            try:
                valeur = ast.literal_eval(noeud.value)
            except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
                valeur = _PAS_LITTERAL
    return valeur


PAS_LITTERAL = _PAS_LITTERAL


def reponses_litterales(notebook: Any) -> dict[str, object]:
    """Les réponses des cellules de réponse écrites comme des littéraux (qid → valeur).

    Les réponses calculées (question « modifier une ligne ») n'y sont pas : il faut exécuter
    le notebook pour les obtenir.
    """
    reponses: dict[str, object] = {}
    for cellule in notebook.cells:
        meta = _meta_entsim(cellule)
        qid = meta.get("question")
        if meta.get("role") != "reponse" or not isinstance(qid, str):
            continue
        valeur = valeur_litterale(_source(cellule), f"reponse_{qid}")
        if valeur is not _PAS_LITTERAL:
            reponses[qid] = valeur
    return reponses


# ---------------------------------------------------------------------------------------------
# Ligne de commande
# ---------------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    """``entsim-fiches generer|verifier [--solutions DOSSIER] [--exercices DOSSIER]`` ou
    ``entsim-fiches edition-eleves DOSSIER``."""
    analyseur = analyseur_francais(
        "entsim-fiches", aide_erreur="l'action est « generer », « verifier » ou « edition-eleves »",
        description="Génère les fiches d'exercices (exercises/) à partir des fiches corrigées "
                    "(solutions/), ou vérifie qu'elles sont à jour.")
    analyseur.add_argument("action", choices=("generer", "verifier", "edition-eleves"),
                           help="generer : écrire exercises/ et les énoncés publics ; "
                                "verifier : signaler les écarts ; edition-eleves : écrire "
                                "l'édition à distribuer (sans corrigé) dans DOSSIER")
    analyseur.add_argument("dossier", nargs="?", default="edition_eleves",
                           help="dossier de l'édition des élèves (par défaut : edition_eleves)")
    analyseur.add_argument("--solutions", default=DOSSIER_SOLUTIONS,
                           help="dossier des fiches corrigées (par défaut : solutions)")
    analyseur.add_argument("--exercices", default=DOSSIER_EXERCICES,
                           help="dossier des fiches d'exercices (par défaut : exercises)")
    analyseur._positionals.title = "action"
    arguments = analyseur.parse_args(argv)
    try:
        if arguments.action == "generer":
            from entsim.questions.publication import ecrire_enonces

            for chemin in ecrire_enonces():
                print(f"Écrit : {chemin}")
            for chemin in generer_exercices(arguments.solutions, arguments.exercices):
                print(f"Écrit : {chemin}")
            return 0
        if arguments.action == "edition-eleves":
            from entsim.questions.edition import ecrire_edition_eleves

            dossier = ecrire_edition_eleves(arguments.dossier)
            print(f"Édition des élèves écrite dans {dossier} (sans corrigé, sans solutions/, "
                  "sans tests/).")
            return 0
        from entsim.questions.publication import enonces_a_jour

        ecarts = [*(Ecart("enonces", e) for e in enonces_a_jour()),
                  *verifier_a_jour(arguments.solutions, arguments.exercices)]
    except ErreurENT as erreur:
        print(f"Erreur : {erreur}", file=sys.stderr)
        return 2
    for ecart in ecarts:
        print(ecart, file=sys.stderr)
    if not ecarts:
        print("Les fiches d'exercices sont à jour.")
    return 1 if ecarts else 0


if __name__ == "__main__":  # python entsim/questions/exercices.py (ou python -m entsim.questions)
    sys.exit(main())
