"""Lire la réponse d'un élève à une question dans les cellules d'un notebook, sans l'exécuter.

La réponse est l'affectation ``reponse_<qid> = …`` d'une cellule de réponse (repérée par ses
métadonnées ``metadata.entsim``, ou, métadonnées effacées, par cette affectation). Ce qui est
toléré : cellule de réponse changée en Markdown (sa réponse est relue dans son texte),
cellule de réponse dupliquée (la dernière réponse complétée est retenue).

Une réponse écrite comme une valeur littérale (texte, nombre, liste, dictionnaire…) est lue
par :func:`ast.literal_eval`, qui n'exécute rien. Une réponse calculée (question « code à
modifier », expression qui appelle la bibliothèque…) est signalée ``a_executer`` : elle sera
obtenue par :mod:`entsim.correction.execution`, dans un processus séparé, sous délai.
"""

from __future__ import annotations

from entsim.socle.texte import ecrire_nombre

import ast
import re
from dataclasses import dataclass, replace

from entsim.correction.lecture.notebook import Cellule, NotebookLu, Remarque
from entsim.etablissement.identifiants import replier

__all__ = ["SOURCE_MAX", "ROLES_SANS_REPONSE", "ReponseLue", "code_de_cellule",
           "cellules_candidates", "analyser_cellule", "lire_reponse"]

#: Longueur maximale de la source d'une cellule de réponse lue par évaluation littérale.
SOURCE_MAX = 200_000


@dataclass(frozen=True)
class ReponseLue:
    """La réponse à une question, lue dans une cellule.

    ``nature`` : ``"litterale"`` (``valeur`` lue sans rien exécuter), ``"a_executer"`` (la
    cellule calcule la réponse), ``"absente"`` (aucune cellule ne répond), ``"syntaxe"``
    (erreur de syntaxe : ``message`` l'explique), ``"demesuree"`` (cellule démesurée).
    ``cellule`` : la cellule retenue ; ``source`` : son code (sans les balises Markdown).
    """

    nature: str
    valeur: object = None
    message: str = ""
    cellule: Cellule | None = None
    source: str = ""
    remarques: tuple[Remarque, ...] = ()


_BALISE_MARKDOWN = re.compile(r"^[ \t]*(```|~~~)[\w+-]*[ \t]*$", re.MULTILINE)
_MAGIE = re.compile(r"^([ \t]*)[%!].*$", re.MULTILINE)
#: Rôles de cellules qui ne contiennent jamais la réponse d'un élève (énoncé, vérification,
#: indice, corrigé du professeur, bilan de fin de fiche).
ROLES_SANS_REPONSE = frozenset({"verification", "indice", "enonce", "corrige", "bilan"})


def code_de_cellule(cellule: Cellule) -> str:
    """Le code Python d'une cellule : sans balises Markdown (cellule changée en texte) ni
    commandes magiques d'IPython (``%…``, ``!…``, remplacées par ``pass``)."""
    source = cellule.source
    if cellule.type != "code":
        source = _BALISE_MARKDOWN.sub("", source)
    return _MAGIE.sub(lambda m: m.group(1) + "pass", source)


def _affecte(source: str, variable: str) -> bool:
    return re.search(rf"^[ \t]*{re.escape(variable)}\s*(?::[^=\n]*)?=(?!=)", source,
                     re.MULTILINE) is not None or re.search(
        rf"\b{re.escape(variable)}\s*(?::[^=\n]*)?=(?!=)", source) is not None


def cellules_candidates(notebook: NotebookLu, qid: str) -> list[Cellule]:
    """Les cellules qui répondent à ``qid``, dans l'ordre du notebook.

    Une cellule de code qui affecte ``reponse_<qid>`` ou qui porte le rôle « reponse » de
    cette question ; une cellule de texte seulement si une de ses lignes commence par
    ``reponse_<qid> =`` (cellule de code changée en Markdown). Les énoncés, vérifications
    et indices ne comptent jamais.
    """
    variable = f"reponse_{qid}"
    candidates = []
    for cellule in notebook.cellules:
        if cellule.role in ROLES_SANS_REPONSE:
            continue
        marquee = cellule.question == qid and cellule.role == "reponse"
        if cellule.type == "code":
            if marquee or _affecte(cellule.source, variable):
                candidates.append(cellule)
        elif re.search(rf"^[ \t]*{re.escape(variable)}\s*=(?!=)", cellule.source,
                       re.MULTILINE):
            candidates.append(cellule)
    return candidates


def _ligne_affectation(instruction: ast.stmt, variable: str) -> ast.expr | None:
    """L'expression affectée à ``variable`` par cette instruction, sinon ``None``."""
    if isinstance(instruction, ast.Assign):
        if any(isinstance(c, ast.Name) and c.id == variable for c in instruction.targets):
            return instruction.value
    elif isinstance(instruction, ast.AnnAssign) and instruction.value is not None:
        if isinstance(instruction.target, ast.Name) and instruction.target.id == variable:
            return instruction.value
    return None


def _est_litteral(noeud: ast.expr) -> bool:
    try:
        ast.literal_eval(noeud)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def analyser_cellule(cellule: Cellule, qid: str) -> ReponseLue:
    """Lit la réponse à ``qid`` dans une cellule, sans rien exécuter.

    La cellule est « littérale » si elle ne contient que des affectations de valeurs
    littérales à des noms simples (et des textes ou ``pass``) : la réponse est alors la
    dernière valeur affectée à ``reponse_<qid>``. Sinon elle est « à exécuter ».
    """
    variable = f"reponse_{qid}"
    source = code_de_cellule(cellule)
    if len(source) > SOURCE_MAX:
        return ReponseLue("demesuree", message=(
            f"La cellule de réponse est démesurée ({ecrire_nombre(len(source))} caractères) : elle n'a "
            "pas été lue."), cellule=cellule, source=source)
    try:
        arbre = ast.parse(source)
    except SyntaxError as erreur:
        ligne = f" à la ligne {erreur.lineno}" if erreur.lineno else ""
        return ReponseLue("syntaxe", message=(
            f"La cellule de réponse contient une erreur de syntaxe{ligne} (guillemet, "
            "parenthèse, crochet ou virgule oubliés ?) : Python ne peut pas la lire."),
            cellule=cellule, source=source)
    except (ValueError, MemoryError, RecursionError):
        return ReponseLue("syntaxe", message=(
            "La cellule de réponse ne peut pas être lue par Python (caractère interdit ou "
            "structure trop imbriquée)."), cellule=cellule, source=source)
    valeur_trouvee = False
    valeur: object = None
    for instruction in arbre.body:
        if isinstance(instruction, ast.Pass):
            continue
        if isinstance(instruction, ast.Expr) and isinstance(instruction.value, ast.Constant):
            continue
        if isinstance(instruction, (ast.Assign, ast.AnnAssign)):
            cibles = instruction.targets if isinstance(instruction, ast.Assign) \
                else [instruction.target]
            if all(isinstance(c, ast.Name) for c in cibles) and instruction.value is not None \
                    and _est_litteral(instruction.value):
                expression = _ligne_affectation(instruction, variable)
                if expression is not None:
                    valeur, valeur_trouvee = ast.literal_eval(expression), True
                continue
        return ReponseLue("a_executer", cellule=cellule, source=source)
    if not valeur_trouvee:
        return ReponseLue("absente", message=(
            f"La cellule de réponse ne contient plus la ligne « {variable} = … »."),
            cellule=cellule, source=source)
    return ReponseLue("litterale", valeur, cellule=cellule, source=source)


def _semble_vide(reponse: ReponseLue) -> bool:
    if reponse.nature in ("absente",):
        return True
    if reponse.nature != "litterale":
        return False
    valeur = reponse.valeur
    if valeur is None or valeur is Ellipsis:
        return True
    if isinstance(valeur, str):
        return replier(valeur).strip(" .…") in ("", "a completer")
    if isinstance(valeur, (list, tuple, dict, set)):
        return len(valeur) == 0
    return False


def _reponse_dans_verification(notebook: NotebookLu, qid: str) -> ReponseLue | None:
    """La réponse à ``qid`` tapée par l'élève dans une cellule de vérification (la cellule
    ``f.verifier(…)`` qui suit la cellule de réponse), ou ``None`` s'il n'y en a pas. Seules
    les affectations à ``reponse_<qid>`` sont lues (la vérification n'est pas exécutée)."""
    variable = f"reponse_{qid}"
    trouvee = None
    for cellule in notebook.cellules:
        if cellule.role != "verification" or cellule.type != "code" \
                or not _affecte(cellule.source, variable):
            continue
        try:
            arbre = ast.parse(code_de_cellule(cellule))
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            trouvee = ReponseLue("syntaxe", cellule=cellule)
            continue
        lignes = [ast.get_source_segment(code_de_cellule(cellule), i) or ""
                  for i in arbre.body if _ligne_affectation(i, variable) is not None]
        if lignes:
            trouvee = analyser_cellule(replace(cellule, source="\n".join(lignes)), qid)
    return trouvee


def lire_reponse(notebook: NotebookLu, qid: str) -> ReponseLue:
    """La réponse à ``qid`` : la dernière cellule candidate complétée (sinon la dernière).

    Quand une cellule de réponse a été dupliquée, la copie restée vide ne fait pas perdre la
    réponse écrite dans l'autre ; une remarque le signale au professeur.
    """
    candidates = cellules_candidates(notebook, qid)
    if not candidates:
        return ReponseLue("absente", message=(
            f"Aucune cellule ne contient « reponse_{qid} = … » (cellule supprimée ?) : la "
            "question est comptée sans réponse."))
    lues = [analyser_cellule(c, qid) for c in candidates]
    retenue = next((r for r in reversed(lues) if not _semble_vide(r)), lues[-1])
    remarques: tuple[Remarque, ...] = ()
    if len(lues) > 1:
        remarques = (Remarque("reponse_en_double", f"{len(lues)} cellules répondent à {qid} "
                              "(copiées ?) : la dernière réponse complétée est retenue"),)
    if retenue.cellule is not None and retenue.cellule.type != "code":
        remarques += (Remarque("cellule_en_texte", f"la cellule de réponse à {qid} a été "
                               "changée en texte (Markdown) : sa réponse a quand même été "
                               "relue"),)
    if _semble_vide(retenue):
        dans_verification = _reponse_dans_verification(notebook, qid)
        if dans_verification is not None and dans_verification.nature == "litterale" \
                and not _semble_vide(dans_verification):
            retenue = dans_verification
            remarques += (Remarque("reponse_dans_verification", f"la réponse à {qid} a été "
                                   "écrite dans la cellule de vérification au lieu de la "
                                   "cellule de réponse : elle a quand même été relue"),)
        elif dans_verification is not None:
            remarques += (Remarque("reponse_non_relue", f"une réponse à {qid} semble écrite "
                                   "dans la cellule de vérification (pas dans la cellule de "
                                   "réponse) : elle n'a pas pu être relue sans exécuter de "
                                   "code, vérifiez-la à la main"),)
    if remarques:
        retenue = ReponseLue(retenue.nature, retenue.valeur, retenue.message, retenue.cellule,
                             retenue.source, remarques)
    return retenue
