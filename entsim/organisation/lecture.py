"""Lecture et vérification des fichiers de données de l'organisation (``data/acteurs.csv``,
``data/avantages_limites.csv``, ``data/coordination_absence.csv``) et comparaison de noms
sans tenir compte des accents ni des majuscules.

Un fichier mal formé (colonne manquante, valeur hors liste, acteur inconnu) lève
:class:`DonneesInvalides`, dont le message nomme le fichier et la ligne : une erreur de
saisie dans ``data/`` se corrige sans lire de code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from entsim.socle import donnees
from entsim.socle.erreurs import ValeurInvalide

#: Séparateur des variantes dans la colonne ``mots_cles``.
SEPARATEUR_MOTS_CLES = "|"


class DonneesInvalides(ValeurInvalide):
    """Un fichier de ``data/`` est mal formé ; le message nomme le fichier et la ligne."""

    def __init__(self, fichier: str, ligne: int, probleme: str) -> None:
        super().__init__(f"Fichier « {fichier} », ligne {ligne} : {probleme}",
                         code="donnees_organisation_invalides")
        self.fichier = fichier
        self.ligne = ligne


def cle(texte: str) -> str:
    """Forme de comparaison d'un nom : sans accents, en minuscules, la ponctuation remplacée
    par des espaces (« Vie scolaire (CPE, …) » → ``"vie scolaire cpe …"``)."""
    decompose = unicodedata.normalize("NFKD", texte)
    sans_accents = "".join(c for c in decompose if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", sans_accents.casefold()).split())


def lignes(nom: str, colonnes: Iterable[str]) -> list[tuple[int, dict[str, str]]]:
    """Les lignes d'un CSV de ``data/`` avec leur numéro dans le fichier (commentaires
    compris), après avoir vérifié que l'en-tête a toutes les ``colonnes``."""
    resultat = []
    attendues = tuple(colonnes)
    commentaires = 0
    with donnees.chemin(nom).open(encoding="utf-8") as f:
        for texte in f:
            if not texte.startswith("#"):
                break
            commentaires += 1
    for rang, valeurs in enumerate(donnees.lire_csv(nom), start=commentaires + 2):
        manquantes = [c for c in attendues if valeurs.get(c) is None]
        if manquantes:
            raise DonneesInvalides(nom, rang, "colonne(s) manquante(s) : "
                                   + ", ".join(manquantes) + ".")
        resultat.append((rang, {c: (valeurs[c] or "").strip() for c in attendues}))
    if not resultat:
        raise DonneesInvalides(nom, commentaires + 1, "aucune ligne de données.")
    return resultat


def booleen(valeur: str, nom: str, ligne: int, colonne: str) -> bool:
    """« oui » / « non » → ``True`` / ``False``."""
    if valeur in ("oui", "non"):
        return valeur == "oui"
    raise DonneesInvalides(nom, ligne, f"la colonne « {colonne} » vaut « oui » ou « non ».")


def obligatoire(valeur: str, nom: str, ligne: int, colonne: str) -> str:
    """Une valeur qui ne peut pas être vide."""
    if not valeur:
        raise DonneesInvalides(nom, ligne, f"la colonne « {colonne} » est vide.")
    return valeur


def mots_cles(valeur: str, nom: str, ligne: int) -> tuple[str, ...]:
    """Les variantes de la colonne ``mots_cles`` (au moins une)."""
    variantes = tuple(v.strip() for v in valeur.split(SEPARATEUR_MOTS_CLES) if v.strip())
    if not variantes:
        raise DonneesInvalides(nom, ligne, "la colonne « mots_cles » est vide.")
    return variantes


def minuscule_initiale(texte: str) -> str:
    """« Économie de papier » → « économie de papier », mais « ENT indisponible » reste
    tel quel (un sigle garde ses majuscules)."""
    if len(texte) > 1 and texte[1].isupper():
        return texte
    return texte[:1].lower() + texte[1:]
