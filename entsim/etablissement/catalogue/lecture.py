"""Lire et vérifier les fichiers du catalogue : ``data/services.csv`` et
``data/categories_donnees.csv``.

Toute erreur d'un fichier (profil inconnu, usage invalide, code en double, champ
obligatoire vide, catégorie ou source inconnue…) lève :class:`CatalogueInvalide` avec le
nom du fichier et le numéro de la ligne tel qu'on le voit dans un éditeur de texte (les
lignes de commentaire ``#`` sont comptées). ``duree_conservation_jours`` est le délai de
conservation compté à partir du départ de l'usager (arrêté du 30 novembre 2006 modifié par
l'arrêté du 13 octobre 2017, article 6).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from entsim.etablissement.annuaire import Profil
from entsim.etablissement.catalogue.service import USAGES, Service, replier_nom
from entsim.etablissement.catalogue.sources import FAMILLES, SOURCES
from entsim.socle import donnees
from entsim.socle.erreurs import Introuvable, ValeurInvalide

__all__ = ["FICHIER_SERVICES", "FICHIER_CATEGORIES", "COLONNES_USAGE", "COLONNES",
           "CatalogueInvalide", "fichier_existant", "lire_services", "lire_categories",
           "categories_livrees"]

#: Fichiers de données livrés dans ``data/``.
FICHIER_SERVICES = "services.csv"
FICHIER_CATEGORIES = "categories_donnees.csv"

#: Colonne du CSV → profil.
COLONNES_USAGE: dict[str, Profil] = {
    "usage_eleve": Profil.ELEVE,
    "usage_parent": Profil.PARENT,
    "usage_enseignant": Profil.ENSEIGNANT,
    "usage_personnel": Profil.PERSONNEL,
    "usage_invite": Profil.INVITE,
}

COLONNES: tuple[str, ...] = (
    "code", "nom", "description", "finalite", "famille", *COLONNES_USAGE,
    "categories_donnees", "duree_conservation", "duree_conservation_jours", "via_gar", "source",
)

_CODE_VALIDE = re.compile(r"^[a-z][a-z0-9_]*$")
_VRAI = {"oui", "vrai", "true", "1"}
_FAUX = {"non", "faux", "false", "0"}


class CatalogueInvalide(ValeurInvalide):
    """Le fichier du catalogue est mal formé ; le message nomme le fichier et la ligne."""

    def __init__(self, fichier: str, ligne: int, probleme: str) -> None:
        super().__init__(f"Fichier « {fichier} », ligne {ligne} : {probleme}",
                         code="catalogue_invalide")
        self.fichier = fichier
        self.ligne = ligne


def fichier_existant(chemin: str | Path) -> Path:
    """Le fichier indiqué, s'il existe (sinon :class:`Introuvable`)."""
    if not isinstance(chemin, (str, Path)):
        raise ValeurInvalide("Le chemin du fichier doit être un texte ou un Path.")
    fichier = Path(chemin)
    if not fichier.is_file():
        raise Introuvable(f"Le fichier « {fichier} » est introuvable.")
    return fichier


def _lignes_numerotees(fichier: Path) -> Iterator[tuple[int, dict[str | None, object]]]:
    """Les enregistrements du CSV avec le numéro de leur première ligne dans le fichier.

    Les lignes de commentaire (``#``) sont sautées mais comptées : le numéro donné est
    celui qu'on voit dans un éditeur de texte. La ligne d'en-tête est renvoyée avec la clé
    ``None`` → liste des colonnes.
    """
    try:
        texte = fichier.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CatalogueInvalide(fichier.name, 1, "le fichier n'est pas encodé en UTF-8.") from None
    gardees: list[str] = []
    numeros: list[int] = []
    for numero, ligne in enumerate(texte.splitlines(keepends=True), start=1):
        if ligne.startswith("#"):
            continue
        gardees.append(ligne)
        numeros.append(numero)
    lecteur = csv.reader(gardees)
    precedent = 0
    entete: list[str] | None = None
    for valeurs in lecteur:
        debut = numeros[precedent] if precedent < len(numeros) else numeros[-1]
        precedent = lecteur.line_num
        if not any(v.strip() for v in valeurs):
            continue
        if entete is None:
            entete = [v.strip() for v in valeurs]
            yield debut, {None: entete}
            continue
        if len(valeurs) != len(entete):
            raise CatalogueInvalide(
                fichier.name, debut,
                f"{len(valeurs)} valeurs au lieu de {len(entete)} (une virgule en trop ou "
                f"manquante, ou un texte contenant une virgule sans guillemets ?).")
        yield debut, dict(zip(entete, (v.strip() for v in valeurs)))
    if entete is None:
        raise CatalogueInvalide(fichier.name, 1, "le fichier ne contient aucune ligne d'en-tête.")


def _verifier_entete(nom: str, ligne: int, entete: list[str]) -> None:
    for colonne in entete:
        if colonne.startswith("usage_") and colonne not in COLONNES_USAGE:
            possibles = ", ".join(p.value for p in Profil)
            raise CatalogueInvalide(
                nom, ligne, f"la colonne « {colonne} » désigne un profil inconnu "
                f"(profils possibles : {possibles} ; colonnes {', '.join(COLONNES_USAGE)}).")
        if colonne not in COLONNES:
            raise CatalogueInvalide(nom, ligne, f"colonne inconnue « {colonne} » "
                                                f"(colonnes attendues : {', '.join(COLONNES)}).")
    if len(set(entete)) != len(entete):
        doubles = sorted({c for c in entete if entete.count(c) > 1})
        raise CatalogueInvalide(nom, ligne, f"colonne en double : {', '.join(doubles)}.")
    manquantes = [c for c in COLONNES if c not in entete]
    if manquantes:
        raise CatalogueInvalide(nom, ligne, "colonne(s) manquante(s) dans l'en-tête : "
                                            + ", ".join(manquantes) + ".")


def lire_services(fichier: Path, categories: Mapping[str, str]) -> list[Service]:
    """Les services du fichier, vérifiés ligne par ligne (voir :class:`CatalogueInvalide`)."""
    nom = fichier.name
    services: list[Service] = []
    vus: dict[str, int] = {}
    for ligne, valeurs in _lignes_numerotees(fichier):
        if None in valeurs:
            _verifier_entete(nom, ligne, valeurs[None])  # type: ignore[arg-type]
            continue
        champs: dict[str, str] = valeurs  # type: ignore[assignment]

        for colonne in COLONNES:
            if not champs[colonne]:
                raise CatalogueInvalide(nom, ligne, f"le champ obligatoire « {colonne} » est vide.")

        code = champs["code"]
        if not _CODE_VALIDE.match(code):
            raise CatalogueInvalide(nom, ligne, f"le code « {code} » doit être écrit en "
                                                "minuscules sans accents, chiffres et _ "
                                                "(par exemple cahier_de_textes).")
        if code in vus:
            raise CatalogueInvalide(nom, ligne, f"le code « {code} » est en double (déjà "
                                                f"utilisé ligne {vus[code]}).")
        vus[code] = ligne

        famille = champs["famille"]
        if famille not in FAMILLES:
            raise CatalogueInvalide(nom, ligne, f"famille inconnue « {famille} » (familles "
                                                f"possibles : {', '.join(FAMILLES)}).")

        usages: dict[Profil, str] = {}
        for colonne, profil in COLONNES_USAGE.items():
            brut = champs[colonne]
            usage = replier_nom(brut)
            if usage not in USAGES:
                raise CatalogueInvalide(
                    nom, ligne, f"usage « {brut} » invalide pour le profil {profil.value} "
                    f"(colonne {colonne}) ; valeurs permises : {', '.join(USAGES)}.")
            usages[profil] = usage
        if all(u == "aucun" for u in usages.values()):
            raise CatalogueInvalide(nom, ligne, f"aucun profil n'utilise le service « {code} ».")

        codes_categories = [c.strip() for c in champs["categories_donnees"].split(";")]
        if any(not c for c in codes_categories):
            raise CatalogueInvalide(nom, ligne, "catégorie de données vide (deux « ; » "
                                                "de suite ou « ; » en fin de liste ?).")
        for categorie in codes_categories:
            if categorie not in categories:
                raise CatalogueInvalide(
                    nom, ligne, f"catégorie de données inconnue « {categorie} » "
                    f"(catégories possibles : {', '.join(categories)}).")
        if len(set(codes_categories)) != len(codes_categories):
            raise CatalogueInvalide(nom, ligne, "une catégorie de données est répétée.")

        brut_jours = champs["duree_conservation_jours"]
        try:
            jours = int(brut_jours)
        except ValueError:
            raise CatalogueInvalide(nom, ligne, f"la durée de conservation « {brut_jours} » "
                                                "doit être un nombre entier de jours.") from None
        if jours <= 0:
            raise CatalogueInvalide(nom, ligne, "la durée de conservation doit être d'au "
                                                f"moins un jour (reçu : {jours}).")

        brut_gar = replier_nom(champs["via_gar"])
        if brut_gar not in _VRAI | _FAUX:
            raise CatalogueInvalide(nom, ligne, f"via_gar vaut « {champs['via_gar']} » : "
                                                "écrire oui ou non.")

        sources = tuple(s.strip() for s in champs["source"].split(";"))
        for source in sources:
            if source not in SOURCES:
                raise CatalogueInvalide(nom, ligne, f"source inconnue « {source} » (sources "
                                                    f"possibles : {', '.join(SOURCES)}).")

        services.append(Service(
            code=code,
            nom=champs["nom"],
            description=champs["description"],
            finalite=champs["finalite"],
            famille=famille,
            usages=usages,
            categories_donnees=tuple(codes_categories),
            duree_conservation=champs["duree_conservation"],
            duree_conservation_jours=jours,
            via_gar=brut_gar in _VRAI,
            sources=sources,
        ))
    if not services:
        raise CatalogueInvalide(nom, 1, "le fichier ne contient aucun service.")
    return services


def lire_categories(chemin: str | Path | None = None) -> dict[str, str]:
    """Les catégories de données personnelles (code → libellé), depuis
    ``data/categories_donnees.csv`` ou le fichier indiqué."""
    fichier = donnees.chemin(FICHIER_CATEGORIES) if chemin is None else fichier_existant(chemin)
    categories: dict[str, str] = {}
    for ligne, valeurs in _lignes_numerotees(fichier):
        if None in valeurs:
            entete = valeurs[None]
            manquantes = [c for c in ("code", "libelle", "description")
                          if c not in entete]  # type: ignore[operator]
            if manquantes:
                raise CatalogueInvalide(fichier.name, ligne, "colonne(s) manquante(s) dans "
                                        "l'en-tête : " + ", ".join(manquantes) + ".")
            continue
        code, libelle = valeurs["code"], valeurs["libelle"]
        if not code or not libelle:
            raise CatalogueInvalide(fichier.name, ligne, "le code et le libellé sont obligatoires.")
        if not _CODE_VALIDE.match(str(code)):
            raise CatalogueInvalide(fichier.name, ligne, f"code de catégorie invalide « {code} ».")
        if code in categories:
            raise CatalogueInvalide(fichier.name, ligne, f"la catégorie « {code} » est en double.")
        categories[str(code)] = str(libelle)
    return categories


@lru_cache(maxsize=1)
def categories_livrees() -> dict[str, str]:
    """Les catégories de ``data/categories_donnees.csv``, lues une fois."""
    return lire_categories()
