"""Problème ou simple remarque : la catégorie de tout ce que la correction dit d'une copie.

Chaque remarque sur une copie porte un code stable
(:class:`entsim.correction.lecture.Remarque` : un texte avec son ``code``). La table
:data:`CATEGORIES` — le seul endroit où c'est décidé — range chaque code :

- « problème » : le professeur doit agir (copie illisible ou en partie perdue, réponses
  perdues, délai dépassé, copie en double, autre fiche, réponse à relire à la main…) ;
- « remarque » : ce qui a été toléré sans rien perdre (ancien format, fichier réenregistré
  en UTF-16, cellules copiées ou changées en texte mais toutes les réponses retrouvées…) :
  rien à faire.

Tout statut de fichier autre que « corrigé » est un problème ; un code inconnu aussi (dans
le doute, on montre). Les notes manuelles signalées ou à confirmer sont des problèmes du
carnet entier (:attr:`entsim.correction.resultats.Carnet.avertissements`, ``a_confirmer``).

Ce module n'importe rien (il sert à :mod:`~entsim.correction.resultats`, qui ne dépend pas
de :mod:`~entsim.correction.lecture`).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["PROBLEME", "REMARQUE", "CATEGORIES", "categorie", "est_probleme", "phrase"]

PROBLEME = "problème"
REMARQUE = "remarque"

#: Code d'une remarque sur une copie → catégorie (« problème » ou « remarque »).
CATEGORIES: dict[str, str] = {
    # lecture du fichier (entsim.correction.lecture.notebook)
    "encodage_utf16": REMARQUE,          # relu sans perte
    "encodage_autre": PROBLEME,          # lu en Windows-1252 : accents peut-être abîmés
    "ancien_format": REMARQUE,           # nbformat 3, lu entièrement
    "cellules_en_double": REMARQUE,      # identifiants répétés, sans effet sur la lecture
    "cellules_illisibles": PROBLEME,     # des cellules perdues
    "fichier_abime": PROBLEME,           # JSON invalide : la fin de la copie est perdue
    # lecture des réponses (entsim.correction.lecture.reponses)
    "reponse_en_double": REMARQUE,       # la dernière réponse complétée est retenue
    "cellule_en_texte": REMARQUE,        # changée en Markdown, réponse relue
    "reponse_dans_verification": REMARQUE,  # tapée dans la vérification, relue
    "reponse_non_relue": PROBLEME,       # tapée dans la vérification, à relire à la main
    # correction de la copie (entsim.correction.copie, entsim.correction.dossier)
    "fiche_inconnue": PROBLEME,
    "fiche_non_reconnue": PROBLEME,
    "metadonnees_absentes": REMARQUE,    # fiche reconnue autrement (code, noms de réponses)
    "version_differente": PROBLEME,      # corrigée avec une autre version de la fiche
    "execution_interrompue": PROBLEME,   # délai, mémoire… : des réponses non calculées
    "reponse_introuvable": PROBLEME,     # cellule supprimée : réponse comptée 0
    "autre_fiche": PROBLEME,             # pas la fiche attendue
    "aucune_reponse": PROBLEME,          # copie rendue sans réponse : le bon fichier ?
    "copie_en_double": PROBLEME,         # l'élève a rendu deux copies de la fiche
    "code_refuse": PROBLEME,             # la surveillance a refusé une opération de la copie
}


def categorie(code: str) -> str:
    """« problème » ou « remarque » ; un code absent de :data:`CATEGORIES` est un problème."""
    return CATEGORIES.get(code, PROBLEME)


def est_probleme(remarque: str) -> bool:
    """Vrai si la remarque (texte, ou :class:`~entsim.correction.lecture.Remarque` avec son
    code) est un problème ; un texte sans code en est un."""
    return categorie(getattr(remarque, "code", "")) == PROBLEME


def phrase(remarques: Iterable[str]) -> str:
    """Des remarques réunies en une phrase : « A ; b ; c. » (texte vide s'il n'y en a pas)."""
    morceaux = [r.strip().rstrip(".") for r in remarques if r and r.strip()]
    if not morceaux:
        return ""
    texte = " ; ".join(morceaux)
    return texte[0].upper() + texte[1:] + "."
