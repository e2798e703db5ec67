"""La grille d'évaluation de la présentation orale de l'enquête (pour l'enseignant).

Sept critères, tirés des travaux que propose la question 6 du cours (« questionnaire ;
interview ; analyse des résultats obtenus ; réalisation d'un diaporama ») et des trois
questions auxquelles l'entretien doit répondre, chacun noté sur quatre niveaux
(insuffisant, fragile, satisfaisant, très bon) ; total sur 20. Le barème d'un niveau est une
proposition du kit (0, environ un tiers, environ deux tiers, tout), que l'enseignant peut
changer dans le fichier exporté.

``grille()`` rend le tableau ; ``noter({...})`` calcule le total et un commentaire ;
``exporter_grille("grille.csv")`` écrit la grille pour un tableur (UTF-8 avec BOM,
point-virgule : voir :mod:`entsim.enquete.stockage`).
"""

from __future__ import annotations

import csv
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from entsim.etablissement.identifiants import replier
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.graphiques import nombre_fr
from entsim.socle.texte import cite

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["CRITERES", "Critere", "NIVEAUX", "Note", "TOTAL", "exporter_grille", "grille", "noter"]

NIVEAUX: tuple[str, ...] = ("insuffisant", "fragile", "satisfaisant", "très bon")
TOTAL = 20


@dataclass(frozen=True)
class Critere:
    """Un critère : code, libellé, points par niveau (du plus faible au plus fort) et
    descripteurs de chaque niveau."""

    code: str
    libelle: str
    bareme: tuple[float, float, float, float]
    descripteurs: tuple[str, str, str, str]

    @property
    def points(self) -> float:
        return self.bareme[-1]


CRITERES: tuple[Critere, ...] = (
    Critere("preparation", "Préparation du questionnaire", (0, 1, 2, 3), (
        "Questions absentes ou sans lien avec l'ENT.",
        "Quelques questions, qui ne couvrent pas les trois questions du cours.",
        "Questions claires couvrant fonctionnalités, évolutions, avantages et limites.",
        "Questionnaire adapté à l'acteur, ouvert et fermé, testé avant l'entretien.")),
    Critere("conduite", "Conduite de l'entretien", (0, 1, 2, 3), (
        "Entretien non réalisé ou réponses inventées.",
        "Entretien mené, réponses notées en partie.",
        "Entretien mené avec l'accord de la personne, réponses notées fidèlement.",
        "Relances pertinentes, réponses complètes, anonymat respecté (rôle seulement).")),
    Critere("analyse", "Analyse des résultats (chiffres, graphique)", (0, 1.5, 2.5, 4), (
        "Pas d'analyse : les réponses sont recopiées.",
        "Quelques chiffres sans graphique, ou un graphique sans titre ni légende.",
        "Chiffres justes et un graphique lisible (titre, axes, légende) commenté.",
        "Analyse qui compare les réponses, graphique choisi à propos, limites de l'enquête dites.")),
    Critere("trois_questions", "Réponse aux trois questions du cours", (0, 1.5, 2.5, 4), (
        "Les questions du cours ne sont pas traitées.",
        "Une ou deux questions traitées, ou traitées sans exemple.",
        "Fonctionnalités, évolutions du travail et de la coordination, avantages et "
        "limites traités avec des exemples.",
        "Les trois questions traitées et reliées au cours (acteurs, organisation du travail).")),
    Critere("support", "Qualité du support (diaporama)", (0, 0.5, 1.5, 2), (
        "Pas de support, ou illisible.",
        "Support chargé ou avec de nombreuses fautes.",
        "Support lisible et structuré, sources citées.",
        "Support clair et sobre, graphique exporté, orthographe soignée.")),
    Critere("expression", "Expression orale", (0, 0.5, 1.5, 2), (
        "Lecture des notes, propos inaudible.",
        "Propos compréhensible mais hésitant, vocabulaire approximatif.",
        "Propos clair, vocabulaire du cours employé.",
        "Propos fluide, regard vers l'auditoire, réponses précises aux questions.")),
    Critere("groupe", "Travail de groupe", (0, 0.5, 1.5, 2), (
        "Une seule personne a travaillé.",
        "Répartition déséquilibrée du travail ou de la parole.",
        "Chacun a un rôle et prend la parole.",
        "Travail réparti et coordonné, parole partagée, entraide visible.")),
)

assert sum(c.points for c in CRITERES) == TOTAL


def _cle(texte: str) -> str:
    return " ".join(replier(texte).replace("_", " ").replace("'", " ").split())


_PAR_CLE = {k: c for c in CRITERES for k in (_cle(c.code), _cle(c.libelle))}
_NIVEAUX_PAR_CLE = {_cle(n): i for i, n in enumerate(NIVEAUX)}


def _pts(valeur: float) -> str:
    """« 2 », « 1,5 » : des points à la française, sans « ,0 » inutile."""
    return nombre_fr(valeur, 0 if float(valeur).is_integer() else 1)


def grille() -> pd.DataFrame:
    """La grille : une ligne par critère, ses points et le descripteur de chaque niveau
    (avec les points du niveau)."""
    import pandas as pd

    lignes = []
    for c in CRITERES:
        ligne: dict[str, object] = {"Critère": c.libelle, "Points": c.points}
        for niveau, points, descripteur in zip(NIVEAUX, c.bareme, c.descripteurs):
            ligne[niveau.capitalize()] = f"{descripteur} ({_pts(points)} pt)"
        lignes.append(ligne)
    table = pd.DataFrame(lignes)
    table.index = pd.RangeIndex(1, len(table) + 1, name="N°")
    return table


@dataclass(frozen=True)
class Note:
    """Une note : le total sur 20, le détail par critère et un commentaire en français."""

    total: float
    details: tuple[tuple[str, str, float, float], ...]
    commentaire: str

    def texte(self) -> str:
        lignes = [f"- {libelle} : {niveau} ({_pts(points)} / {_pts(maxi)})"
                  for libelle, niveau, points, maxi in self.details]
        return self.commentaire + "\n" + "\n".join(lignes)

    def __str__(self) -> str:
        return self.texte()


def _niveau(valeur: object, critere: Critere) -> int:
    # un entier Python ou numpy (lu avec pandas), ou un décimal entier (3.0, d'un tableur)
    if isinstance(valeur, numbers.Real) and not isinstance(valeur, bool) \
            and (isinstance(valeur, numbers.Integral) or float(valeur).is_integer()) \
            and 1 <= valeur <= len(NIVEAUX):
        return int(valeur) - 1
    if isinstance(valeur, str) and _cle(valeur) in _NIVEAUX_PAR_CLE:
        return _NIVEAUX_PAR_CLE[_cle(valeur)]
    raise ValeurInvalide(f"Critère « {critere.libelle} » : niveau {cite(valeur)} inconnu. "
                         "Donnez un nombre de 1 à 4 ou l'un des niveaux : "
                         + ", ".join(f"« {n} »" for n in NIVEAUX) + ".", code="niveau_invalide")


def noter(niveaux: Mapping[str, object]) -> Note:
    """La note d'un groupe : ``niveaux`` donne, pour chaque critère (code ou libellé), un
    niveau de 1 (insuffisant) à 4 (très bon) ou son nom. Tous les critères sont notés."""
    if not isinstance(niveaux, Mapping):
        raise ValeurInvalide("Donnez les niveaux dans un dictionnaire, par exemple "
                             "{\"preparation\": 3, \"conduite\": \"très bon\", …}.")
    choisis: dict[str, int] = {}
    for cle, valeur in niveaux.items():
        critere = _PAR_CLE.get(_cle(cle)) if isinstance(cle, str) else None
        if critere is None:
            raise ValeurInvalide(f"Critère inconnu : {cite(cle)}. Critères de la grille : "
                                 + ", ".join(f"« {c.code} »" for c in CRITERES) + ".",
                                 code="critere_inconnu")
        choisis[critere.code] = _niveau(valeur, critere)
    manquants = [c for c in CRITERES if c.code not in choisis]
    if manquants:
        raise ValeurInvalide("Il manque le niveau de : " + ", ".join(
            f"« {c.libelle} »" for c in manquants) + ".", code="critere_manquant")
    details = tuple((c.libelle, NIVEAUX[choisis[c.code]], float(c.bareme[choisis[c.code]]),
                     float(c.points)) for c in CRITERES)
    total = sum(d[2] for d in details)
    forts = [c.libelle.lower() for c in CRITERES if choisis[c.code] == 3]
    faibles = [c.libelle.lower() for c in CRITERES if choisis[c.code] <= 1]
    commentaire = f"Total : {_pts(total)} / {TOTAL}."
    if forts:
        commentaire += " Points forts : " + ", ".join(forts) + "."
    if faibles:
        commentaire += " À retravailler : " + ", ".join(faibles) + "."
    if not forts and not faibles:
        commentaire += " Travail satisfaisant sur tous les critères."
    return Note(total, details, commentaire)


def exporter_grille(chemin: str | Path) -> Path:
    """Écrit la grille en CSV pour un tableur (UTF-8 avec BOM, point-virgule), avec deux
    colonnes vides à remplir : « Niveau (1 à 4) » et « Points obtenus »."""
    chemin = Path(chemin)
    if not chemin.parent.is_dir():
        raise ValeurInvalide(f"Le dossier « {chemin.parent} » n'existe pas : la grille n'a pas "
                             "été écrite.", code="dossier_absent")
    table = grille()
    with chemin.open("w", encoding="utf-8-sig", newline="") as f:
        ecrivain = csv.writer(f, delimiter=";", lineterminator="\r\n")
        ecrivain.writerow([*table.columns, "Niveau (1 à 4)", "Points obtenus"])
        for ligne in table.itertuples(index=False):
            ecrivain.writerow([_pts(v) if isinstance(v, (int, float)) else v for v in ligne]
                              + ["", ""])
        ecrivain.writerow(["Total", _pts(TOTAL), "", "", "", "", "", ""])
    return chemin
