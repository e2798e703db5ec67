"""Du corrigé à la fiche des élèves : écrire ``entsim/questions/enonces/<id>.json``.

Appelé par ``python -m entsim.questions generer`` (édition enseignant : il faut le corrigé,
paquet ``entsim_corrige``) ; ``verifier`` signale un énoncé qui n'est plus à jour (et un test
le vérifie). Le fichier ne contient que ce que l'énoncé montre et, pour une question fermée,
les empreintes des réponses justes (:mod:`entsim.questions.empreintes`) ; chaque empreinte
est contrôlée : le corrigé donne tous les points à la réponse dont elle vient.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

from entsim.questions.empreintes import (ITERATIONS, empreinte, formes_justes,
                                         parametres_publics, sel)
from entsim.questions.fiches import Fiche
from entsim.questions.publique import DOSSIER_ENONCES
from entsim.questions.question import Question
from entsim.questions.types_de_questions import (Classement, MiseEnOrdre, QCM,
                                                 QuestionOuverte, ReponseCourte,
                                                 TableauACompleter)
from entsim.socle.erreurs import ErreurENT

#: Le message quand le corrigé manque (édition des élèves).
SANS_CORRIGE = ("La correction a besoin du corrigé (édition enseignant) : le paquet "
                "« entsim_corrige » est introuvable. Lancez cette commande depuis le dépôt "
                "complet du professeur (dossier qui contient entsim_corrige/), pas depuis "
                "l'édition distribuée aux élèves.")


class CorrigeIntrouvable(ErreurENT):
    """Le corrigé (paquet ``entsim_corrige``, édition enseignant) n'est pas installé."""

    def __init__(self) -> None:
        super().__init__(SANS_CORRIGE, code="corrige_introuvable")


def module_corrige() -> Any:
    """Le paquet ``entsim_corrige`` (import dynamique : il n'existe que chez le professeur)."""
    try:
        return importlib.import_module("entsim_corrige")
    except ModuleNotFoundError as erreur:
        if erreur.name and erreur.name.split(".")[0] == "entsim_corrige":
            raise CorrigeIntrouvable() from None
        raise


def fiche_corrigee(identifiant: str) -> Fiche:
    """La fiche complète (avec le corrigé) : pour le correcteur et les tests cachés."""
    return module_corrige().fiche_corrigee(identifiant)


def _structure(q: Question) -> dict[str, Any]:
    if isinstance(q, QCM):
        return {"choix": list(q.choix), "multiple": bool(q.multiple)}
    if isinstance(q, Classement):
        return {"categories": list(q.categories), "elements": list(q.elements),
                "lettres": q.lettres}
    if isinstance(q, MiseEnOrdre):
        return {"affichees": list(q.affichees)}
    if isinstance(q, TableauACompleter):
        return {"colonnes": list(q.colonnes), "a_remplir": list(q.a_remplir),
                "lignes": list(q.attendu)}
    return {}


def question_publique(fiche_id: str, q: Question) -> dict[str, Any]:
    """Le dictionnaire public d'une question (rien du corrigé)."""
    parametres = parametres_publics(q)
    if parametres is not None:
        sel_ = sel(fiche_id, q.id)
        empreintes = sorted(empreinte(f, sel_) for f in formes_justes(q, parametres))
        if not q.corriger(q.exemple_de_reponse()).juste:
            raise ErreurENT(f"Question {q.id} : la réponse modèle n'a pas tous les points.")
        verification: dict[str, Any] = {"mode": "empreinte", "parametres": parametres,
                                        "sel": sel_.hex(), "iterations": ITERATIONS,
                                        "empreintes": empreintes}
    else:
        tableau = isinstance(q, TableauACompleter) or (isinstance(q, QuestionOuverte)
                                                       and q.forme == "tableau")
        verification = {"mode": "forme", "forme": "tableau" if tableau else "texte",
                        "phrase": isinstance(q, ReponseCourte),
                        "mots_min": getattr(q, "mots_min", 0)}
    return {"id": q.id, "type": type(q).__name__, "titre": q.titre, "enonce": q.enonce,
            "points": q.points, "indices": list(q.indices), "consigne": q.consigne(),
            "amorce": q.amorce(), "structure": _structure(q), "verification": verification}


def enonce_public(fiche: Fiche) -> dict[str, Any]:
    """Le contenu de ``enonces/<id>.json`` pour une fiche du corrigé."""
    return {"id": fiche.id, "titre": fiche.titre, "version": fiche.version,
            "questions": [question_publique(fiche.id, q) for q in fiche.questions]}


def texte_enonce(fiche: Fiche) -> str:
    """Le texte exact du fichier (JSON trié, indenté : deux générations identiques)."""
    return json.dumps(enonce_public(fiche), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def ecrire_enonces(dossier: Path = DOSSIER_ENONCES) -> list[Path]:
    """Écrit l'énoncé public de chaque fiche du corrigé ; rend les chemins."""
    corrige = module_corrige()
    dossier.mkdir(parents=True, exist_ok=True)
    ecrits = []
    identifiants = corrige.fiches_disponibles()
    for identifiant in identifiants:
        texte = texte_enonce(corrige.fiche_corrigee(identifiant))
        chemin = dossier / f"{identifiant}.json"
        if not chemin.exists() or chemin.read_text(encoding="utf-8") != texte:
            chemin.write_text(texte, encoding="utf-8")
        ecrits.append(chemin)
    for perime in dossier.glob("*.json"):
        if perime.stem not in identifiants:
            perime.unlink()
    return ecrits


def enonces_a_jour(dossier: Path = DOSSIER_ENONCES) -> list[str]:
    """Les énoncés publics qui ne sont plus à jour par rapport au corrigé (vide : à jour)."""
    corrige = module_corrige()
    ecarts = []
    identifiants = corrige.fiches_disponibles()
    for identifiant in identifiants:
        chemin = dossier / f"{identifiant}.json"
        if not chemin.exists() or chemin.read_text(encoding="utf-8") != \
                texte_enonce(corrige.fiche_corrigee(identifiant)):
            ecarts.append(f"{chemin} : pas à jour par rapport au corrigé : lancez "
                          "« python -m entsim.questions generer ».")
    ecarts += [f"{p} : énoncé sans fiche dans le corrigé." for p in sorted(dossier.glob("*.json"))
               if p.stem not in identifiants]
    return ecarts
