"""Outils communs pour écrire un corrigé ``solutions/<id>.ipynb`` à partir de sa banque.

Chaque question de la banque (:mod:`entsim.questions.banque`) devient, au format décrit dans
docs/QUESTIONS.md : une cellule d'énoncé (markdown), une cellule de réponse (la réponse modèle
entre ``### BEGIN SOLUTION`` et ``### END SOLUTION``), une cellule de vérification (avec le
test caché) et une cellule d'indice. Le script d'une fiche (``outils/construire_fiche_<id>.py``)
donne le plan : textes d'introduction, cellules d'exploration et questions, dans l'ordre.

Les réponses modèles viennent de ``question.exemple_de_reponse()`` : le corrigé et la banque
ne peuvent pas diverger (tests/test_fiches.py vérifie qu'elles ont toutes les points).
"""

from __future__ import annotations

import pprint
from pathlib import Path

import nbformat as nbf

from entsim.questions.ecriture import points_fr

RACINE = Path(__file__).resolve().parent.parent

NOTE_PROFESSEUR = """**Note pour le professeur (cette cellule n'apparaît pas dans la fiche des élèves).**
Les lignes `### BEGIN SOLUTION` / `### END SOLUTION` et `### BEGIN HIDDEN TESTS` /
`### END HIDDEN TESTS` des cellules de code sont des marqueurs (au format de nbgrader) : la
commande `python -m entsim.questions generer` s'en sert pour tirer la fiche d'exercice de ce
corrigé (la réponse est remplacée par `reponse_… = None`, les tests cachés sont retirés).
{complement}"""

COMMENT_REPONDRE = """**Comment répondre.** Chaque question a une cellule de réponse : remplacez `None` par votre
réponse (elle reste enregistrée dans ce fichier), exécutez la cellule (*Maj + Entrée*), puis
exécutez la cellule de vérification juste en dessous : le retour s'affiche aussitôt. Vous
pouvez corriger et vérifier autant de fois que vous voulez.

Les indices que vous ouvrez restent affichés dans la fiche. Enregistrez régulièrement
(*Ctrl + S*) ; à la fin, déposez ce fichier dans le **casier** de votre professeur sur l'ENT."""

BILAN = """## Bilan

La cellule ci-dessous récapitule vos réponses (les questions ouvertes seront notées
par votre professeur). Enregistrez ensuite la fiche (*Ctrl + S*) et déposez-la dans
le casier de votre professeur."""


def markdown(texte: str, **entsim) -> nbf.NotebookNode:
    cellule = nbf.v4.new_markdown_cell(texte.strip("\n"))
    if entsim:
        cellule.metadata["entsim"] = entsim
    return cellule


def code(source: str, *tags: str, **entsim) -> nbf.NotebookNode:
    cellule = nbf.v4.new_code_cell(source.strip("\n"))
    if tags:
        cellule.metadata["tags"] = list(tags)
    if entsim:
        cellule.metadata["entsim"] = entsim
    return cellule


def litteral(nom: str, valeur: object) -> str:
    """``reponse_q4 = …`` lisible : textes longs entre triples guillemets, dictionnaires et
    listes une entrée par ligne, guillemets doubles."""
    if isinstance(valeur, str):
        if len(valeur) > 70 or "\n" in valeur:
            assert '"""' not in valeur and not valeur.endswith('"')
            return f'{nom} = """{valeur}"""'
        return f"{nom} = {_chaine(valeur)}"
    if isinstance(valeur, dict) and valeur:
        lignes = [f"{nom} = {{"]
        for cle, val in valeur.items():
            lignes.append(f"    {_valeur(cle)}: {_valeur(val, 8)},")
        lignes.append("}")
        return "\n".join(lignes)
    if isinstance(valeur, (list, tuple)) and sum(len(repr(v)) for v in valeur) > 60:
        lignes = [f"{nom} = ["] + [f"    {_valeur(v, 8)}," for v in valeur] + ["]"]
        return "\n".join(lignes)
    return f"{nom} = {_valeur(valeur)}"


def _chaine(texte: str) -> str:
    return '"' + texte.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _valeur(valeur: object, retrait: int = 4) -> str:
    if isinstance(valeur, str):
        return _chaine(valeur)
    if isinstance(valeur, dict):
        interieur = ", ".join(f"{_valeur(c)}: {_valeur(v)}" for c, v in valeur.items())
        if len(interieur) < 80:
            return "{" + interieur + "}"
        pas = " " * retrait
        return ("{\n" + "".join(f"{pas}    {_valeur(c)}: {_valeur(v, retrait + 4)},\n"
                                for c, v in valeur.items()) + pas + "}")
    if isinstance(valeur, (list, tuple)):
        return "[" + ", ".join(_valeur(v) for v in valeur) + "]"
    return pprint.pformat(valeur)


def cellules_question(fiche, qid: str, *, indice: bool = True) -> list[nbf.NotebookNode]:
    """Énoncé, réponse modèle, vérification (et test caché) et indice d'une question."""
    q = fiche.question(qid)
    titre = q.titre or f"Question {qid}"
    enonce = (f"### {titre} ({points_fr(q.points)})\n\n{q.consigne()}")
    if indice and q.indices:
        enonce += (f"\n\n*Besoin d'aide ?* Exécutez la cellule `f.indice(\"{qid}\")` sous la "
                   f"vérification (puis `f.indice(\"{qid}\", 2)` pour l'indice suivant)."
                   if len(q.indices) > 1 else
                   f"\n\n*Besoin d'aide ?* Exécutez la cellule `f.indice(\"{qid}\")` sous la "
                   "vérification.")
    modele = q.exemple_de_reponse()
    if type(q).__name__ == "Classement" and isinstance(modele, dict) and q.lettres:
        # la forme courte que la consigne montre : les lettres dans l'ordre des éléments,
        # en une ligne (« BBACDDEE »)
        modele = "".join(modele.values())
    reponse = code(f"### BEGIN SOLUTION\n{litteral(q.variable, modele)}\n"
                   "### END SOLUTION", question=qid, role="reponse")
    reponse.metadata["nbgrader"] = {"grade": False, "grade_id": qid, "locked": False,
                                    "schema_version": 3, "solution": True}
    ouverte = type(q).__name__ == "QuestionOuverte"
    source = f'f.verifier("{qid}", {q.variable})'
    if not ouverte:
        source += (f"\n### BEGIN HIDDEN TESTS\nfrom entsim_corrige import fiche_corrigee\n"
                   f"assert fiche_corrigee(\"{fiche.id}\").est_juste(\"{qid}\", {q.variable})\n"
                   "### END HIDDEN TESTS")
    verification = code(source, question=qid, role="verification")
    if not ouverte:
        verification.metadata["nbgrader"] = {
            "grade": True, "grade_id": f"verification_{qid}", "locked": True,
            "points": q.points, "schema_version": 3, "solution": False}
    cellules = [markdown(enonce, question=qid, role="enonce"), reponse, verification]
    if indice and q.indices:
        cellules.append(code(f'f.indice("{qid}")', question=qid, role="indice"))
    return cellules


def notebook_fiche(fiche, plan: list, *, complement_professeur: str = "") -> nbf.NotebookNode:
    """Le corrigé : ``plan`` est une liste de cellules (markdown/code) et d'identifiants de
    questions (``"q4a"``) ; la note au professeur, le chargement de la fiche et le bilan sont
    ajoutés ici."""
    nb = nbf.v4.new_notebook()
    nb.metadata["entsim"] = {"fiche": fiche.id, "version": 1}
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    cellules: list[nbf.NotebookNode] = []
    for element in plan:
        if isinstance(element, str):
            cellules.extend(cellules_question(fiche, element))
        else:
            cellules.append(element)
    premiere, suite = cellules[0], cellules[1:]
    nb.cells = [premiere,
                markdown(NOTE_PROFESSEUR.format(complement=complement_professeur),
                         role="corrige"),
                code(CELLULE_COMMENCER),
                code(f'from entsim.questions import fiche\nf = fiche("{fiche.id}")'),
                *suite,
                markdown(BILAN),
                code("f.bilan(globals())", role="bilan")]
    vus = set(fiche.ids())
    poses = {c.metadata.get("entsim", {}).get("question") for c in nb.cells}
    manquantes = vus - poses
    assert not manquantes, f"questions absentes du plan : {sorted(manquantes)}"
    for numero, cellule in enumerate(nb.cells):
        role = cellule.metadata.get("entsim", {})
        cellule["id"] = ("bilan" if role.get("role") == "bilan" else
                         f"{role['question']}-{role['role']}" if "question" in role else
                         f"cellule-{numero:02d}")
    return nb


def ecrire(nb: nbf.NotebookNode, chemin: Path) -> None:
    from entsim.questions.exercices import ecrire_texte

    chemin.write_text(ecrire_texte(nb), encoding="utf-8")
    print(f"{chemin.relative_to(RACINE)} écrit ({len(nb.cells)} cellules).")


def ignorer_sortie(source: str) -> nbf.NotebookNode:
    """Une cellule dont nbval ne compare pas la sortie (widget, vitesse mesurée…)."""
    return code(source, "nbval-ignore-output")


def a_vous(fiche_id: str, *qids: str, aide: str = "") -> nbf.NotebookNode:
    """Le renvoi d'un notebook du cours vers la fiche (issue 16, § 2 : « le notebook du cours
    explore, la fiche pose les questions et se rend ») : une cellule de texte qui nomme les
    questions par leur titre (lu dans la fiche publique, donc toujours à jour) et le fichier
    où répondre. ``aide`` : la phrase qui dit quelles cellules du cours aident à répondre."""
    from entsim.questions import fiche

    f = fiche(fiche_id)
    titres = [f.question(qid).titre or f"Question {qid}" for qid in qids]
    fichier = f"`exercises/{fiche_id}.ipynb`"
    if len(titres) == 1:
        fin = "" if titres[0].endswith(("?", "!")) else "."
        texte = f"✍️ **À vous, dans la fiche** {fichier} : *{titres[0]}*{fin}"
    else:
        texte = (f"✍️ **À vous, dans la fiche** {fichier} :\n\n"
                 + "\n".join(f"- *{t}*" for t in titres))
    if aide:
        texte += f"\n\n{aide}"
    return markdown(texte)


#: La première cellule de code de chaque notebook du cours et de chaque fiche (issues 15 et
#: 16) : l'interrupteur « Mode projection » et les erreurs de Python expliquées en français.
CELLULE_COMMENCER = "from entsim.widgets import commencer\ncommencer()"


def avec_commencer(cellules: list) -> list:
    """Les cellules avec, en tête (après le titre), la cellule ``commencer()`` ; une seule
    fois, même si le builder l'a déjà placée."""
    if any(c.cell_type == "code" and "".join(c.source) == CELLULE_COMMENCER
           for c in cellules):
        return list(cellules)
    position = 1 if cellules and cellules[0].cell_type == "markdown" else 0
    return [*cellules[:position], code(CELLULE_COMMENCER), *cellules[position:]]


def ecrire_notebook(cellules: list, nom: str) -> None:
    """Écrit ``notebooks/<nom>`` : identifiants de cellules stables (c00, c01…), noyau
    Python 3 ; les sorties viennent ensuite de ``bash outils/executer_notebook.sh``."""
    nb = nbf.v4.new_notebook()
    nb.cells = avec_commencer(cellules)
    for numero, cellule in enumerate(nb.cells):
        cellule["id"] = f"c{numero:02d}"
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    nbf.write(nb, RACINE / "notebooks" / nom)
    print(f"notebooks/{nom} écrit.")
