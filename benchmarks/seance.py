"""La séance de bancs d'essai de ``tout.py`` : le commit mesuré, le tableau imprimé et la
fusion d'une séance partielle (``--seulement``) dans le JSON précédent (issue 17)."""

from __future__ import annotations

import subprocess
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
COLONNES = ("Mesure", "Valeur", "Budget", "Verdict")
SANS = "—"


def commit() -> dict[str, object]:
    """Le commit courant, lu dans .git (HEAD puis la référence), et s'il y a des changements."""
    git = RACINE / ".git"
    try:
        tete = (git / "HEAD").read_text().strip()
        if tete.startswith("ref: "):
            ref = tete[5:]
            fichier = git / ref
            if fichier.exists():
                tete = fichier.read_text().strip()
            else:
                lignes = (git / "packed-refs").read_text().splitlines()
                tete = next(ligne.split()[0] for ligne in lignes if ligne.endswith(" " + ref))
    except (OSError, StopIteration):
        return {"commit": None, "modifie": None}
    try:
        etat = subprocess.run(["git", "status", "--porcelain"], cwd=RACINE, text=True,
                              capture_output=True, check=True).stdout
        modifie: bool | None = bool(etat.strip())
    except (OSError, subprocess.CalledProcessError):
        modifie = None
    return {"commit": tete, "modifie": modifie}


def tableau(lignes: list[dict[str, object]]) -> str:
    rangs = [COLONNES] + [(str(l["mesure"]), str(l["texte"]), str(l["budget"] or SANS),
                           str(l["verdict"])) for l in lignes]
    largeurs = [max(len(r[i]) for r in rangs) for i in range(len(COLONNES))]
    sortie = []
    for n, rang in enumerate(rangs):
        sortie.append("  ".join(c.ljust(largeurs[i]) if i != 1 else c.rjust(largeurs[i])
                                for i, c in enumerate(rang)).rstrip())
        if n == 0:
            sortie.append("  ".join("-" * w for w in largeurs))
    return "\n".join(sortie)


def fusionner(ancien: dict[str, object], nouveau: dict[str, object]) -> dict[str, object]:
    """Le JSON d'une séance partielle (``--seulement``) fondu dans le précédent : chaque
    mesure refaite remplace celle de même clé (à sa place), les nouvelles s'ajoutent, les
    autres restent telles quelles, avec la date de leur séance. Les en-têtes (date, commit,
    machine) sont ceux de la dernière séance ; les séances précédentes sont gardées dans
    « seances_precedentes »."""
    refaites = {l["cle"]: l for l in nouveau["mesures"]}
    date_ancienne = ancien.get("date")
    mesures = []
    for ligne in ancien.get("mesures", []):
        if ligne["cle"] in refaites:
            mesures.append(refaites.pop(ligne["cle"]))
        else:
            mesures.append({**ligne, "date": ligne.get("date", date_ancienne)})
    mesures.extend(refaites.values())
    entete = ("date", "commit", "modifie", "machine", "mode", "groupes")
    precedentes = list(ancien.get("seances_precedentes", []))
    precedentes.append({**{k: ancien.get(k) for k in entete},
                        "groupes": ancien.get("groupes_de_cette_seance", ancien.get("groupes"))})
    groupes = list(dict.fromkeys(list(ancien.get("groupes", [])) + list(nouveau["groupes"])))
    return {**nouveau, "groupes": groupes, "groupes_de_cette_seance": nouveau["groupes"],
            "durees_groupes_s": {**ancien.get("durees_groupes_s", {}),
                                 **nouveau["durees_groupes_s"]},
            "seances_precedentes": precedentes,
            "budgets": {l["cle"]: {"budget": l["budget"], "seuil": l["seuil"],
                                   "verdict": l["verdict"]}
                        for l in mesures if l["budget"] is not None},
            "mesures": mesures}
