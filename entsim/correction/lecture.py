"""Lire un notebook rendu par un élève, même abîmé, et en extraire les réponses sans l'exécuter.

Un notebook (format nbformat 4, décrit dans la documentation de Jupyter « The Notebook file
format ») est un fichier JSON : une liste ``cells`` (type, ``source``, ``metadata``) et des
``metadata`` générales. Les fiches d'entsim y ajoutent (docs/QUESTIONS.md) :
``metadata.entsim.fiche`` (l'identifiant de la fiche) et, sur chaque cellule de réponse,
``metadata.entsim = {"question": qid, "role": "reponse"}`` ; la réponse est l'affectation
``reponse_<qid> = …`` écrite dans la cellule.

Ce module lit ces fichiers avec :mod:`json` seulement (pas de validation stricte : une copie
d'élève n'est jamais refusée pour un détail de format) et tolère ce qui peut l'être :

- identifiants de cellules absents ou en double (cellules copiées-collées) : ignorés ;
- format nbformat 3 (``worksheets``, cellules ``heading``, source dans ``input``) : lu ;
- fichier tronqué ou JSON abîmé : les cellules entières situées avant l'endroit abîmé sont
  récupérées (la copie est alors « corrigée partiellement ») ;
- cellule de réponse changée en Markdown : sa réponse est relue dans son texte ;
- métadonnées effacées : la fiche est reconnue à la ligne ``fiche("…")`` ou aux noms des
  variables de réponse, et les cellules de réponse à l'affectation ``reponse_<qid> = …`` ;
- cellule de réponse dupliquée : la dernière réponse complétée est retenue.

Les sorties enregistrées dans le fichier (``outputs``) ne sont **jamais** lues : la note
vient des réponses, pas d'un « ✓ Juste » qu'on aurait pu fabriquer.

Une réponse écrite comme une valeur littérale (texte, nombre, liste, dictionnaire…) est lue
par :func:`ast.literal_eval`, qui n'exécute rien. Une réponse calculée (question « code à
modifier », expression qui appelle la bibliothèque…) est signalée ``a_executer`` : elle sera
obtenue par :mod:`entsim.correction.execution`, dans un processus séparé, sous délai.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from entsim.socle.texte import accorder
from entsim.socle.erreurs import ErreurENT
from entsim.etablissement.identifiants import replier

#: Taille maximale d'un fichier rendu (au-delà : « trop volumineux », sans le lire).
TAILLE_MAX = 100 * 1024 ** 2
#: Longueur maximale de la source d'une cellule de réponse lue par évaluation littérale.
SOURCE_MAX = 200_000

#: Codes des fichiers non corrigeables et leur libellé (colonne « statut » du carnet).
STATUTS_ILLISIBLES: dict[str, str] = {
    "vide": "vide",
    "trop_volumineux": "trop volumineux",
    "illisible": "illisible",
    "pas_un_notebook": "pas un notebook",
}


class RenduIllisible(ErreurENT):
    """Le fichier rendu ne peut pas être lu comme un notebook ; ``code`` dans
    :data:`STATUTS_ILLISIBLES`, message en français (la raison du carnet)."""


@dataclass(frozen=True)
class Cellule:
    """Une cellule telle qu'on l'a lue : position, type, texte source, rôle entsim."""

    numero: int
    type: str
    source: str
    question: str | None = None
    role: str | None = None
    identifiant: str | None = None


@dataclass(frozen=True)
class NotebookLu:
    """Un notebook lu (éventuellement réparé) ; ``anomalies`` : ce qui a été toléré."""

    cellules: tuple[Cellule, ...]
    fiche_declaree: str | None = None
    version_declaree: int | None = None
    format: int | None = None
    complet: bool = True
    anomalies: tuple[str, ...] = ()


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
    remarques: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------
# Lecture du fichier
# ---------------------------------------------------------------------------------------

def lire_notebook(chemin: Path, *, taille_max: int = TAILLE_MAX) -> NotebookLu:
    """Lit le notebook ``chemin`` ; lève :class:`RenduIllisible` s'il ne peut pas l'être."""
    try:
        taille = chemin.stat().st_size
    except OSError as erreur:
        raise RenduIllisible(f"Le fichier ne peut pas être ouvert ({erreur.strerror}).",
                             code="illisible") from None
    if taille > taille_max:
        raise RenduIllisible(
            f"Le fichier pèse {_taille_lisible(taille)}, plus que la limite de "
            f"{_taille_lisible(taille_max)} : il n'a pas été lu (une sortie énorme a sans "
            "doute été enregistrée ; demandez à l'élève d'effacer les sorties — menu "
            "Édition → Effacer toutes les sorties — puis de rendre à nouveau).",
            code="trop_volumineux")
    try:
        donnees = chemin.read_bytes()
    except OSError as erreur:
        raise RenduIllisible(f"Le fichier ne peut pas être lu ({erreur.strerror}).",
                             code="illisible") from None
    return lire_octets(donnees, taille_max=taille_max)


def lire_octets(donnees: bytes, *, taille_max: int = TAILLE_MAX) -> NotebookLu:
    """Lit un notebook depuis son contenu brut (fichier ou membre d'une archive zip)."""
    if len(donnees) > taille_max:
        raise RenduIllisible(f"Le fichier pèse {_taille_lisible(len(donnees))}, plus que la "
                             f"limite de {_taille_lisible(taille_max)} : il n'a pas été lu.",
                             code="trop_volumineux")
    if not donnees.strip():
        raise RenduIllisible(
            "Le fichier est vide (0 octet) : il a sans doute été rendu avant d'être "
            "enregistré, ou l'envoi a échoué." if not donnees else
            "Le fichier ne contient que des espaces : aucun notebook à corriger.",
            code="vide")
    texte, remarques = _decoder(donnees)
    try:
        contenu = json.loads(texte)
    except RecursionError:
        raise RenduIllisible("Le fichier est un JSON démesurément imbriqué : ce n'est pas un "
                             "notebook.", code="illisible") from None
    except json.JSONDecodeError as erreur:
        return _recuperer(texte, erreur, remarques)
    return _depuis_json(contenu, remarques)


def _decoder(donnees: bytes) -> tuple[str, list[str]]:
    """Les octets en texte : UTF-8 (format des notebooks), UTF-16 avec BOM, sinon refus."""
    if donnees.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return donnees.decode("utf-16"), ["fichier réenregistré en UTF-16"]
        except UnicodeDecodeError:
            pass
    try:
        return donnees.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    debut = donnees[:8192]
    controles = sum(1 for o in debut if o < 9 or 13 < o < 32)
    if b"\x00" in debut or controles > len(debut) // 20:
        raise RenduIllisible("Le fichier n'est pas un texte (contenu binaire) : ce n'est pas "
                             "un notebook Jupyter, malgré son extension.", code="illisible")
    return donnees.decode("cp1252", errors="replace"), [
        "fichier réenregistré dans un autre encodage que UTF-8 (accents peut-être abîmés)"]


def _source(brut: object) -> str:
    if isinstance(brut, str):
        return brut
    if isinstance(brut, list):
        return "".join(x for x in brut if isinstance(x, str))
    return ""


def _entsim(metadonnees: object) -> dict:
    if isinstance(metadonnees, dict) and isinstance(metadonnees.get("entsim"), dict):
        return metadonnees["entsim"]
    return {}


def _texte_ou_rien(valeur: object) -> str | None:
    return valeur if isinstance(valeur, str) and valeur else None


def _cellule(numero: int, brute: dict, format_: int | None) -> Cellule:
    type_ = brute.get("cell_type") if isinstance(brute.get("cell_type"), str) else "inconnu"
    if format_ == 3 and type_ == "code":
        source = _source(brute.get("input", brute.get("source")))
    else:
        source = _source(brute.get("source"))
    if type_ == "heading":  # nbformat 3 : les titres sont devenus du Markdown en version 4
        type_ = "markdown"
    meta = _entsim(brute.get("metadata"))
    return Cellule(numero, type_, source, _texte_ou_rien(meta.get("question")),
                   _texte_ou_rien(meta.get("role")), _texte_ou_rien(brute.get("id")))


def _depuis_json(contenu: object, remarques: list[str]) -> NotebookLu:
    if not isinstance(contenu, dict):
        raise RenduIllisible("Le fichier contient des données JSON, mais pas un notebook "
                             "Jupyter (pas de liste de cellules).", code="pas_un_notebook")
    format_ = contenu.get("nbformat") if isinstance(contenu.get("nbformat"), int) else None
    if isinstance(contenu.get("cells"), list):
        brutes = contenu["cells"]
    elif isinstance(contenu.get("worksheets"), list):
        format_ = format_ or 3
        brutes = [c for feuille in contenu["worksheets"] if isinstance(feuille, dict)
                  and isinstance(feuille.get("cells"), list) for c in feuille["cells"]]
        remarques.append(f"ancien format de notebook (nbformat {format_})")
    else:
        raise RenduIllisible("Le fichier contient des données JSON, mais pas un notebook "
                             "Jupyter (pas de liste de cellules « cells »).",
                             code="pas_un_notebook")
    cellules = []
    ignorees = 0
    for brute in brutes:
        if isinstance(brute, dict):
            cellules.append(_cellule(len(cellules), brute, format_))
        else:
            ignorees += 1
    if ignorees:
        remarques.append(accorder(ignorees, "cellule illisible ignorée",
                                  "cellules illisibles ignorées"))
    identifiants = [c.identifiant for c in cellules if c.identifiant]
    if len(set(identifiants)) < len(identifiants):
        remarques.append("cellules en double (copiées-collées)")
    meta = _entsim(contenu.get("metadata"))
    version = meta.get("version")
    return NotebookLu(tuple(cellules), _texte_ou_rien(meta.get("fiche")),
                      version if isinstance(version, int) and not isinstance(version, bool)
                      else None, format_, True, tuple(remarques))


_DEBUT_CELLULES = re.compile(r'"cells"\s*:\s*\[')
_FICHE_DANS_TEXTE = re.compile(r'"entsim"\s*:\s*\{[^{}]*?"fiche"\s*:\s*"([a-z][a-z0-9_]*)"')


def _recuperer(texte: str, erreur: json.JSONDecodeError, remarques: list[str]) -> NotebookLu:
    """Récupère les cellules entières d'un JSON abîmé ou tronqué (avant l'endroit abîmé)."""
    lieu = f"ligne {erreur.lineno}, colonne {erreur.colno}"
    debut = _DEBUT_CELLULES.search(texte)
    cellules: list[Cellule] = []
    if debut is not None:
        decodeur = json.JSONDecoder()
        position = debut.end()
        while True:
            while position < len(texte) and texte[position] in " \t\r\n,":
                position += 1
            if position >= len(texte) or texte[position] != "{":
                break
            try:
                brute, position = decodeur.raw_decode(texte, position)
            except (json.JSONDecodeError, RecursionError):
                break
            if isinstance(brute, dict):
                cellules.append(_cellule(len(cellules), brute, 4))
    if not cellules:
        raise RenduIllisible(f"Le fichier n'est pas un notebook lisible : JSON invalide ({lieu}) "
                             "et aucune cellule récupérable (fichier tronqué ou modifié à "
                             "la main ?).", code="illisible")
    trouvee = _FICHE_DANS_TEXTE.search(texte)
    remarques.append(f"fichier abîmé (JSON invalide, {lieu}) : "
                     + accorder(len(cellules), "cellule entière récupérée",
                                "cellules entières récupérées") + " avant l'endroit abîmé")
    return NotebookLu(tuple(cellules), trouvee.group(1) if trouvee else None, None, 4, False,
                      tuple(remarques))


def _taille_lisible(octets: int) -> str:
    if octets >= 1024 ** 2:
        return f"{octets / 1024 ** 2:.1f} Mo".replace(".", ",")
    if octets >= 1024:
        return f"{octets / 1024:.1f} ko".replace(".", ",")
    return f"{octets} octets"


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
# Lire une réponse
# ---------------------------------------------------------------------------------------

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
            f"La cellule de réponse est démesurée ({len(source)} caractères) : elle n'a "
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
    remarques: tuple[str, ...] = ()
    if len(lues) > 1:
        remarques = (f"{len(lues)} cellules répondent à {qid} (copiées ?) : la dernière "
                     "réponse complétée est retenue",)
    if retenue.cellule is not None and retenue.cellule.type != "code":
        remarques += (f"la cellule de réponse à {qid} a été changée en texte (Markdown) : "
                      "sa réponse a quand même été relue",)
    if remarques:
        retenue = ReponseLue(retenue.nature, retenue.valeur, retenue.message, retenue.cellule,
                             retenue.source, remarques)
    return retenue


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
