"""Fabrique le corpus de copies rendues (dont des copies abîmées) qui sert à tester la correction.

Lancer depuis la racine du dépôt, après toute modification des fiches ::

    .venv/bin/python tests/corpus_rendus/fabriquer.py

Le script part des vraies fiches (``exercises/<id>.ipynb``, complétées avec les réponses de
``solutions/<id>.ipynb``) et écrit, de façon déterministe :

- ``tests/corpus_rendus/rendus/`` : les fichiers « rendus » par des élèves imaginaires, tels
  qu'un professeur les télécharge du casier de l'ENT (noms choisis par les élèves,
  renommés, sous-dossier, archive zip, fichiers abîmés…) ;
- ``tests/corpus_rendus/attendus.json`` : pour chaque fichier, ce qu'il illustre et ce que
  la correction doit en dire (statut, note complète ou nulle…), relu par
  ``tests/test_correction.py``.

Les fichiers sont versionnés pour qu'on puisse les ouvrir et les inspecter.
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
import sys
import zipfile
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]
ICI = Path(__file__).resolve().parent
RENDUS = ICI / "rendus"
ATTENDUS = ICI / "attendus.json"

SOLUTION = "### BEGIN SOLUTION"
FIN_SOLUTION = "### END SOLUTION"


# ---------------------------------------------------------------------------------------
# Outils
# ---------------------------------------------------------------------------------------

def charger(chemin: Path) -> dict:
    return json.loads(chemin.read_text(encoding="utf-8"))


def texte_notebook(nb: dict) -> str:
    """Comme nbformat : JSON indenté d'un espace, clés triées, accents en clair."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def source(cellule: dict) -> str:
    brut = cellule.get("source", "")
    return "".join(brut) if isinstance(brut, list) else brut


def mettre_source(cellule: dict, texte: str) -> None:
    lignes = texte.splitlines(keepends=True)
    cellule["source"] = lignes


def role(cellule: dict) -> tuple[str | None, str | None]:
    meta = cellule.get("metadata", {}).get("entsim", {})
    return meta.get("question"), meta.get("role")


def cellule_reponse(nb: dict, qid: str) -> dict:
    for cellule in nb["cells"]:
        if role(cellule) == (qid, "reponse"):
            return cellule
    raise KeyError(qid)


def repondre(exercice: dict, solution: dict) -> dict:
    """L'exercice complété par l'élève avec les réponses du corrigé (sans les balises)."""
    nb = copy.deepcopy(exercice)
    for cellule in nb["cells"]:
        qid, r = role(cellule)
        if r == "reponse":
            modele = source(cellule_reponse(solution, qid))
            lignes = [l for l in modele.splitlines() if l.strip() not in (SOLUTION, FIN_SOLUTION)]
            mettre_source(cellule, "\n".join(lignes))
    return nb


def fixer_reponse(nb: dict, qid: str, texte: str) -> None:
    mettre_source(cellule_reponse(nb, qid), texte)


def octets_pseudo_aleatoires(n: int, graine: str) -> bytes:
    """Des octets « au hasard » mais toujours les mêmes (SHA-256 en chaîne)."""
    sortie = bytearray()
    bloc = graine.encode()
    while len(sortie) < n:
        bloc = hashlib.sha256(bloc).digest()
        sortie.extend(bloc)
    return bytes(sortie[:n])


def vers_nbformat3(nb: dict) -> dict:
    """Réécrit un notebook au format nbformat 3 (``worksheets``, ``input``, ``heading``)."""
    cellules = []
    for cellule in nb["cells"]:
        texte = source(cellule)
        if cellule["cell_type"] == "code":
            cellules.append({"cell_type": "code", "collapsed": False, "input": texte,
                             "language": "python", "metadata": cellule.get("metadata", {}),
                             "outputs": []})
        elif cellule["cell_type"] == "markdown" and texte.startswith("# "):
            cellules.append({"cell_type": "heading", "level": 1, "metadata": {},
                             "source": texte[2:]})
        else:
            cellules.append({"cell_type": cellule["cell_type"], "metadata":
                             cellule.get("metadata", {}), "source": texte})
    return {"metadata": {"name": "", "entsim": nb["metadata"].get("entsim", {})},
            "nbformat": 3, "nbformat_minor": 0,
            "worksheets": [{"cells": cellules, "metadata": {}}]}


# ---------------------------------------------------------------------------------------
# Le corpus
# ---------------------------------------------------------------------------------------

def fabriquer() -> dict[str, dict]:
    e1 = charger(RACINE / "exercises" / "partie1.ipynb")
    s1 = charger(RACINE / "solutions" / "partie1.ipynb")
    e3 = charger(RACINE / "exercises" / "partie3_authentification.ipynb")
    s3 = charger(RACINE / "solutions" / "partie3_authentification.ipynb")
    juste1 = repondre(e1, s1)
    juste3 = repondre(e3, s3)
    fichiers: dict[str, bytes] = {}
    attendus: dict[str, dict] = {}

    def ajouter(nom: str, contenu: bytes | dict, description: str, statut: str, **autres):
        if isinstance(contenu, dict):
            contenu = texte_notebook(contenu).encode("utf-8")
        fichiers[nom] = contenu
        attendus[nom] = {"description": description, "statut": statut, **autres}

    # -- copies saines --------------------------------------------------------------------
    ajouter("partie1_MARTIN_Léa.ipynb", juste1,
            "exercice complété avec les réponses du corrigé", "corrige", note="complete",
            eleve="MARTIN Léa")
    ajouter("partie1_BERNARD_Hugo.ipynb", e1, "exercice rendu sans aucune réponse",
            "corrige", note="nulle", eleve="BERNARD Hugo")
    ajouter("partie3_authentification - Inès HADDAD.ipynb", juste3,
            "partie 3 complétée (dont une question « code à modifier », exécutée sous délai)",
            "corrige", note="complete", eleve="Inès HADDAD")
    ajouter("Yanis Haddad partie3_authentification.ipynb", e3,
            "partie 3 rendue vide (la ligne à modifier n'a pas été modifiée)", "corrige",
            note="nulle", eleve="Yanis Haddad")
    ajouter("Karim Benali/partie1.ipynb", juste1,
            "copie rangée dans un dossier au nom de l'élève", "corrige", note="complete",
            eleve="Karim Benali")

    # -- fichiers renommés ----------------------------------------------------------------
    partielle = copy.deepcopy(e1)
    fixer_reponse(partielle, "q1e", 'reponse_q1e = "C"')
    fixer_reponse(partielle, "q1d", 'reponse_q1d = ["A", "B", "C"]')
    ajouter("Copie de partie1 (2).ipynb", partielle,
            "fichier renommé par le navigateur (« Copie de … (2) ») : le nom de l'élève manque",
            "corrige", eleve="Copie de partie1 (2)")
    ajouter("Élodie Dupré — fiche partie 1 (version finale).ipynb", juste1,
            "nom de fichier avec accents, espaces et tiret long", "corrige", note="complete",
            eleve="Élodie Dupré")

    # -- fichiers abîmés ------------------------------------------------------------------
    texte = texte_notebook(juste1)
    position = texte.index('"reponse_q1e = ')
    ajouter("partie1 Camille Petit.ipynb",
            (texte[:position] + texte[position + 1:]).encode("utf-8"),
            "JSON invalide (un guillemet effacé à la main dans la réponse q1e) : les cellules "
            "d'avant sont récupérées", "corrige_partiellement", eleve="Camille Petit")
    octets = texte.encode("utf-8")
    ajouter("partie1 Nathan Roux.ipynb", octets[: len(octets) * 3 // 5],
            "fichier tronqué aux trois cinquièmes (envoi interrompu)",
            "corrige_partiellement", eleve="Nathan Roux")
    ajouter("partie1 Emma Girard.ipynb", b"", "fichier vide (0 octet)", "vide",
            eleve="Emma Girard")
    ajouter("partie1 Lucas Moreau.ipynb",
            json.dumps({"nom": "Lucas Moreau", "notes": [12, 15]}, ensure_ascii=False)
            .encode("utf-8"), "un JSON qui n'est pas un notebook", "pas_un_notebook",
            eleve="Lucas Moreau")
    ajouter("partie1 Rose Fabre.ipynb", octets_pseudo_aleatoires(4096, "binaire"),
            "des octets binaires avec l'extension .ipynb", "illisible", eleve="Rose Fabre")
    ajouter("Lucas Moreau - rapport.pdf", b"%PDF-1.4\n% pas un notebook\n",
            "un autre fichier déposé dans le casier (PDF)", "pas_un_notebook")

    # -- cellules supprimées, dupliquées, changées de type ---------------------------------
    supprimees = copy.deepcopy(juste1)
    supprimees["cells"] = [c for c in supprimees["cells"]
                           if role(c) not in (("q1b", "reponse"), ("q2", "reponse"))]
    ajouter("partie1 Chloé Lambert.ipynb", supprimees,
            "cellules de réponse q1b et q2 supprimées", "corrige_partiellement",
            eleve="Chloé Lambert")
    dupliquees = copy.deepcopy(juste1)
    cellules = dupliquees["cells"]
    i = cellules.index(cellule_reponse(dupliquees, "q1a"))
    copie_vide = copy.deepcopy(cellules[i])
    mettre_source(copie_vide, "reponse_q1a = None  # À compléter")
    cellules[i + 1:i + 1] = [copie_vide, copy.deepcopy(cellules[i + 1])]
    ajouter("partie1 Jules Fontaine.ipynb", dupliquees,
            "cellules dupliquées (mêmes identifiants) ; la copie de la réponse q1a est restée "
            "vide", "corrige", note="complete", eleve="Jules Fontaine")
    types = copy.deepcopy(juste1)
    for qid, nouveau in (("q1e", "markdown"), ("q1d", "raw")):
        cellule = cellule_reponse(types, qid)
        cellule["cell_type"] = nouveau
        cellule.pop("outputs", None)
        cellule.pop("execution_count", None)
    mettre_source(cellule_reponse(types, "q1e"),
                  "```python\n" + source(cellule_reponse(juste1, "q1e")) + "\n```")
    ajouter("partie1 Manon Durand.ipynb", types,
            "cellules de réponse changées en Markdown (q1e, avec balises ```) et en texte brut "
            "(q1d) : les réponses sont relues", "corrige", note="complete",
            eleve="Manon Durand")
    sans_meta = copy.deepcopy(juste1)
    sans_meta["metadata"] = {}
    for cellule in sans_meta["cells"]:
        cellule["metadata"] = {}
    ajouter("partie1 Lina Robert.ipynb", sans_meta,
            "métadonnées effacées (notebook et cellules) : fiche et réponses retrouvées",
            "corrige", note="complete", eleve="Lina Robert")
    ajouter("partie1 Hugo Lemoine.ipynb", vers_nbformat3(juste1),
            "ancien format de notebook (nbformat 3)", "corrige", note="complete",
            eleve="Hugo Lemoine")

    # -- code d'élève : exécuté seulement sous délai ---------------------------------------
    boucle = copy.deepcopy(juste1)
    fixer_reponse(boucle, "q1c", "while True:\n    pass\n" + source(cellule_reponse(juste1, "q1c")))
    ajouter("partie1 Louis Lefèvre.ipynb", boucle,
            "boucle infinie dans la réponse q1c : arrêtée au bout du délai, les autres "
            "réponses sont corrigées", "corrige_partiellement", eleve="Louis Lefèvre",
            invalides=["q1c"])
    exception = copy.deepcopy(juste1)
    fixer_reponse(exception, "q1d", 'reponse_q1d = ["A", "B"] + 1')
    fixer_reponse(exception, "q1f", 'reponse_q1f = len(ent.catalogue.pour_profil("Parent"))')
    ajouter("partie1 Sarah Nguyen.ipynb", exception,
            "exception dans la réponse q1d ; réponse q1f calculée avec la bibliothèque (juste)",
            "corrige", eleve="Sarah Nguyen", invalides=["q1d"], justes=["q1f"])
    enorme = copy.deepcopy(juste1)
    fixer_reponse(enorme, "q1e", 'print("x" * 50_000_000)\n'
                  + source(cellule_reponse(juste1, "q1e")))
    verification = next(c for c in enorme["cells"] if role(c) == ("q1a", "verification"))
    verification["outputs"] = [{"name": "stdout", "output_type": "stream",
                                "text": ["y" * 1_000_000 + "\n"]}]
    ajouter("partie1 Théo Blanc.ipynb", enorme,
            "sortie énorme : 50 Mo affichés par la réponse q1e (exécutée, sortie jetée) et "
            "1 Mo de sortie enregistrée dans le fichier", "corrige", note="complete",
            eleve="Théo Blanc")
    fichiers_os = copy.deepcopy(juste1)
    fixer_reponse(fichiers_os, "q1c", "import os\ncontenu = os.listdir(\".\")\n"
                  "reponse_q1c = \"Fichiers vus : \" + str(len(contenu))")
    ajouter("partie1 Tom Chevalier.ipynb", fichiers_os,
            "la réponse q1c importe os et liste le dossier courant : exécutée dans un dossier "
            "temporaire vide, isolé (bac à sable ou surveillance)", "corrige",
            eleve="Tom Chevalier", faux=["q1c"])

    # -- réponses fausses, de mauvais types, syntaxe --------------------------------------
    types_faux = copy.deepcopy(e1)
    fixer_reponse(types_faux, "q1a", "reponse_q1a = 42")
    fixer_reponse(types_faux, "q1c", 'reponse_q1c = ["une", "liste"]')
    fixer_reponse(types_faux, "q1d", 'reponse_q1d = {"A": True}')
    fixer_reponse(types_faux, "q1f", 'reponse_q1f = "dix-sept"')
    fixer_reponse(types_faux, "q2", "reponse_q2 = 3.5")
    ajouter("partie1 Paul Garnier.ipynb", types_faux,
            "réponses de mauvais types (nombre, liste, dictionnaire, texte)", "corrige",
            eleve="Paul Garnier", note="nulle")
    syntaxe = copy.deepcopy(juste1)
    fixer_reponse(syntaxe, "q1d", 'reponse_q1d = ["A", "B", "C"')
    ajouter("partie1 Maxime Roy.ipynb", syntaxe,
            "erreur de syntaxe dans la réponse q1d (crochet oublié)", "corrige",
            eleve="Maxime Roy", invalides=["q1d"])
    falsifiee = copy.deepcopy(e1)
    for cellule in falsifiee["cells"]:
        qid, r = role(cellule)
        if r == "verification":
            faux_juste = f"✓ Juste — question {qid} : 2 / 2 points.\nBonne réponse."
            cellule["execution_count"] = 7
            cellule["outputs"] = [{"data": {"text/plain": [faux_juste]}, "metadata": {},
                                   "output_type": "display_data"}]
    ajouter("partie1 Alice Colin.ipynb", falsifiee,
            "exercice vide dont les sorties ont été falsifiées (« ✓ Juste » partout) : la note "
            "vient des réponses, pas des sorties", "corrige", note="nulle",
            eleve="Alice Colin")

    # -- autre fiche, fiche inconnue ------------------------------------------------------
    autre = copy.deepcopy(juste3)
    ajouter("partie1_Zoé_Mercier.ipynb", autre,
            "fichier nommé « partie1 » mais qui contient la fiche de la partie 3",
            "corrige", fiche="partie3_authentification", note="complete", eleve="Zoé Mercier")
    inconnue = copy.deepcopy(juste1)
    inconnue["metadata"]["entsim"]["fiche"] = "partie9"
    for cellule in inconnue["cells"]:
        if 'fiche("partie1")' in source(cellule):
            mettre_source(cellule, source(cellule).replace('fiche("partie1")',
                                                           'fiche("partie9")'))
    ajouter("partie9 Adam Perrin.ipynb", inconnue, "fiche qui n'existe pas (« partie9 »)",
            "fiche_inconnue", eleve="Adam Perrin")

    # -- archive zip téléchargée du casier ------------------------------------------------
    tampon = Path(ICI / ".archive.zip")
    with zipfile.ZipFile(tampon, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for nom, nb in (("Casier/Ines Haddad/partie1.ipynb", juste1),
                        ("Casier/Yanis Haddad/partie1.ipynb", e1)):
            info = zipfile.ZipInfo(nom, date_time=(2026, 1, 5, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, texte_notebook(nb).encode("utf-8"))
    fichiers["casier_TSTMG1.zip"] = tampon.read_bytes()
    tampon.unlink()
    attendus["casier_TSTMG1.zip/Casier/Ines Haddad/partie1.ipynb"] = {
        "description": "archive zip du casier : copie complète", "statut": "corrige",
        "note": "complete", "eleve": "Ines Haddad"}
    attendus["casier_TSTMG1.zip/Casier/Yanis Haddad/partie1.ipynb"] = {
        "description": "archive zip du casier : copie vide", "statut": "corrige",
        "note": "nulle", "eleve": "Yanis Haddad"}

    if RENDUS.exists():
        shutil.rmtree(RENDUS)
    for nom, contenu in fichiers.items():
        chemin = RENDUS / nom
        chemin.parent.mkdir(parents=True, exist_ok=True)
        chemin.write_bytes(contenu)
    ATTENDUS.write_text(json.dumps(dict(sorted(attendus.items())), indent=1,
                                   ensure_ascii=False) + "\n", encoding="utf-8")
    return attendus


if __name__ == "__main__":
    resultat = fabriquer()
    sys.stdout.write(f"{len(resultat)} fichiers rendus écrits dans {RENDUS}\n")
