"""Le catalogue des services de l'ENT : ce que fait chaque service, pour qui, avec quelles données.

Partie 1 du cours (question 1 : « relever et définir chacun des services proposés […] en
précisant leurs finalités ») et partie 3 (questions 8 à 10 : données personnelles, finalité,
durée de conservation). Les services viennent de trois sources, notées dans la colonne
``source`` de ``data/services.csv`` :

- « CERTA 2013 » : la ressource CERTA du cours (questions 3, 5, 6 et 11 ; document 1, avis de
  la CNIL : « les notes, les absences, le cahier de textes de la classe » ; document 2, SDET :
  « Téléservices de l'Education Nationale », « services tiers fournisseurs de ressources
  pédagogiques ») ;
- « Ministère 2022 » : la page du ministère, qui range les services de base en cinq familles
  (:data:`FAMILLES`) ;
- « ENT réel » : les applications d'Open ENT NG / Edifice (Messagerie, Actualités, Blog,
  Forum, Wiki, Pad collaboratif, Mur collaboratif, Communautés, Annuaire, Sondage, Pages,
  Casier, Documents, Cahier de textes, Agenda, Exercices et évaluations…).

:data:`CITATIONS` relie chaque service nommé dans les deux documents (avec les mots du
document) au code du catalogue ; :data:`SERVICES_CITES` en est la forme « mot → code ».

Usages par profil : ``aucun``, ``lecture`` ou ``ecriture`` (écriture = publier, répondre,
déposer ou modifier, ce qui suppose de pouvoir lire). C'est le maximum qu'un profil peut
faire dans le service ; les fonctions (professeur documentaliste, chef d'établissement…) et
les partages de chaque ressource restreignent ensuite, conformément à l'arrêté ENT : chaque
profil ne voit que ce que son rôle exige.

Conservation : arrêté du 30 novembre 2006 modifié par l'arrêté du 13 octobre 2017, article 6
(données mises à jour à chaque rentrée ; dans l'enseignement scolaire, supprimées de l'ENT
dans un délai de trois mois dès que la personne n'a plus vocation à détenir un compte ;
contributions aux espaces communautaires conservables à des fins pédagogiques sauf
opposition de leur auteur). ``duree_conservation_jours`` est ce délai compté à partir du
départ de l'usager. Les journaux de connexion relèvent d'une autre règle (CNIL : 6 mois à
1 an), voir :mod:`entsim.journal.journal`.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from entsim.socle import donnees
from entsim.etablissement.annuaire import Profil, profil_depuis
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.etablissement.identifiants import replier
from entsim.socle.tableaux import tableau

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Fichiers de données livrés dans ``data/``.
FICHIER_SERVICES = "services.csv"
FICHIER_CATEGORIES = "categories_donnees.csv"

#: Les trois usages possibles, du plus faible au plus fort.
USAGES: tuple[str, ...] = ("aucun", "lecture", "ecriture")

#: Libellés français des usages (affichage).
LIBELLES_USAGE: dict[str, str] = {
    "aucun": "aucun accès",
    "lecture": "lecture",
    "ecriture": "écriture",
}

#: Les cinq familles de services de la page du ministère (2022), dans l'ordre de la page.
FAMILLES: dict[str, str] = {
    "espaces_travail_partages": "Espaces de travail partagés",
    "communication_collaboration": "Communication et collaboration",
    "ressources_documentaires": "Ressources informationnelles et documentaires",
    "vie_eleve": "Accompagnement de la vie de l'élève",
    "depot_pedagogique": "Espaces de dépôt pédagogique",
}

#: Les documents qui nomment les services (valeurs permises de la colonne ``source``).
SOURCES: dict[str, str] = {
    "CERTA 2013": "Ressource CERTA « L'ENT, les impacts sur l'organisation du travail et "
                  "les risques associés » (août 2013)",
    "Ministère 2022": "Page du ministère de l'Éducation nationale sur l'ENT "
                      "(textes en vigueur le 12 décembre 2022)",
    "ENT réel": "Applications d'un ENT réel (Open ENT NG / Edifice, Scolarité services)",
}

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


@dataclass(frozen=True)
class Citation:
    """Un service tel qu'un document source le nomme : ``terme`` reprend les mots du document."""

    terme: str
    code: str
    source: str
    passage: str


#: Chaque service nommé dans les deux documents du cours, avec les mots du document.
CITATIONS: tuple[Citation, ...] = (
    # --- CERTA 2013 -------------------------------------------------------------------------
    Citation("forum", "forum", "CERTA 2013", "question 3"),
    Citation("messagerie interne", "messagerie", "CERTA 2013", "question 5 (enseignants)"),
    Citation("espace de travail commun", "espaces_partages", "CERTA 2013",
             "question 5 (enseignants)"),
    Citation("visualiser les résultats", "notes", "CERTA 2013", "question 5 (parents)"),
    Citation("dossier à déposer sur l'ENT", "espace_documentaire", "CERTA 2013", "question 6"),
    Citation("notes", "notes", "CERTA 2013", "question 11"),
    Citation("messagerie", "messagerie", "CERTA 2013", "question 11"),
    Citation("suivi des absences", "absences", "CERTA 2013", "question 11"),
    Citation("dossier élève", "dossier_eleve", "CERTA 2013", "question 11"),
    Citation("sites", "pages", "CERTA 2013", "question 11"),
    Citation("blogs", "blog", "CERTA 2013", "question 11"),
    Citation("forums", "forum", "CERTA 2013", "question 11"),
    Citation("cahier de textes de la classe", "cahier_de_textes", "CERTA 2013",
             "document 1 (avis de la CNIL)"),
    Citation("absences", "absences", "CERTA 2013", "document 1 (avis de la CNIL)"),
    Citation("accès à des contenus à vocation pédagogique et éducative", "mediacentre",
             "CERTA 2013", "document 1 (avis de la CNIL)"),
    Citation("diffusion d'informations administratives ou relatives à la vie scolaire",
             "actualites", "CERTA 2013", "document 1 (avis de la CNIL)"),
    Citation("Téléservices de l'Education Nationale", "teleservices", "CERTA 2013",
             "document 2 (SDET)"),
    Citation("services tiers fournisseurs de ressources pédagogiques", "mediacentre",
             "CERTA 2013", "document 2 (SDET)"),
    # --- Ministère 2022 ---------------------------------------------------------------------
    Citation("espaces de travail partagés", "espaces_partages", "Ministère 2022",
             "services de base"),
    Citation("informations des personnels", "actualites", "Ministère 2022", "services de base"),
    Citation("informations des personnels et des familles", "informations_familles",
             "Ministère 2022", "services de base"),
    Citation("visioconférences", "visioconference", "Ministère 2022", "services de base"),
    Citation("outils collaboratifs", "pad", "Ministère 2022", "services de base"),
    Citation("classes virtuelles", "visioconference", "Ministère 2022", "services de base"),
    Citation("ressources numériques", "mediacentre", "Ministère 2022", "services de base"),
    Citation("manuels scolaires", "mediacentre", "Ministère 2022", "services de base"),
    Citation("cahiers d'activités", "mediacentre", "Ministère 2022", "services de base"),
    Citation("applications pédagogiques avec accès personnalisé", "mediacentre",
             "Ministère 2022", "services de base"),
    Citation("gestionnaire d'accès des ressources (GAR)", "mediacentre", "Ministère 2022",
             "services de base"),
    Citation("résultats des évaluations", "notes", "Ministère 2022", "services de base"),
    Citation("emplois du temps", "emploi_du_temps", "Ministère 2022", "services de base"),
    Citation("agendas", "agenda", "Ministère 2022", "services de base"),
    Citation("catalogue CDI", "cdi", "Ministère 2022", "services de base"),
    Citation("folios pour l'orientation", "orientation", "Ministère 2022", "services de base"),
    Citation("cahier de texte numérique", "cahier_de_textes", "Ministère 2022",
             "services de base"),
    Citation("espaces de travail et de stockage communs aux élèves et aux enseignants",
             "espace_documentaire", "Ministère 2022", "services de base"),
    Citation("Téléservice inscription", "teleservices", "Ministère 2022", "textes officiels"),
    Citation("Téléservice orientation", "teleservices", "Ministère 2022", "textes officiels"),
    Citation("Téléservice bourses", "teleservices", "Ministère 2022", "textes officiels"),
    # « messagerie », « blogs », « forum » et « absences » figurent dans les deux documents.
    Citation("messagerie", "messagerie", "Ministère 2022", "services de base"),
    Citation("blogs", "blog", "Ministère 2022", "services de base"),
    Citation("forum", "forum", "Ministère 2022", "services de base"),
    Citation("absences", "absences", "Ministère 2022", "services de base"),
)

#: Mot du document source → code du service dans le catalogue.
SERVICES_CITES: dict[str, str] = {c.terme: c.code for c in CITATIONS}


class CatalogueInvalide(ValeurInvalide):
    """Le fichier du catalogue est mal formé ; le message nomme le fichier et la ligne."""

    def __init__(self, fichier: str, ligne: int, probleme: str) -> None:
        super().__init__(f"Fichier « {fichier} », ligne {ligne} : {probleme}",
                         code="catalogue_invalide")
        self.fichier = fichier
        self.ligne = ligne


def _replier(texte: str) -> str:
    """Minuscules, sans accents (:func:`entsim.etablissement.identifiants.replier`), apostrophes et espaces
    uniformisés (pour comparer des noms)."""
    texte = replier(texte).replace("’", "'").replace("_", " ").replace("-", " ")
    return " ".join(texte.split())


@dataclass(frozen=True, repr=False)
class Service:
    """Un service de l'ENT, sa finalité, ses usages par profil et les données qu'il traite.

    ``usages`` ne contient que les profils qui utilisent le service (``"lecture"`` ou
    ``"ecriture"``) ; ``categories_donnees`` contient des codes de catégorie (voir
    :meth:`Catalogue.libelle_categorie`).
    """

    code: str
    nom: str
    description: str
    finalite: str
    famille: str
    usages: Mapping[Profil, str] = field(hash=False)
    categories_donnees: tuple[str, ...]
    duree_conservation: str
    duree_conservation_jours: int
    via_gar: bool
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        utiles = {profil_depuis(p): u for p, u in dict(self.usages).items() if u != "aucun"}
        for profil, usage in utiles.items():
            if usage not in USAGES:
                raise ValeurInvalide(
                    f"Usage « {usage} » invalide pour le profil {profil.value} du service "
                    f"« {self.code} » (valeurs permises : {', '.join(USAGES)}).")
        ordonnes = {p: utiles[p] for p in Profil if p in utiles}
        object.__setattr__(self, "usages", MappingProxyType(ordonnes))
        object.__setattr__(self, "categories_donnees", tuple(self.categories_donnees))
        object.__setattr__(self, "sources", tuple(self.sources))

    # -- usages -----------------------------------------------------------------------------
    def usage(self, profil: Profil | str) -> str:
        """``"aucun"``, ``"lecture"`` ou ``"ecriture"`` pour ce profil."""
        return self.usages.get(profil_depuis(profil), "aucun")

    def peut_lire(self, profil: Profil | str) -> bool:
        """Le profil peut consulter le service (la lecture est incluse dans l'écriture)."""
        return self.usage(profil) in ("lecture", "ecriture")

    def peut_ecrire(self, profil: Profil | str) -> bool:
        """Le profil peut publier, répondre, déposer ou modifier dans le service."""
        return self.usage(profil) == "ecriture"

    def profils(self) -> list[Profil]:
        """Les profils qui utilisent le service, dans l'ordre des profils."""
        return list(self.usages)

    # -- affichage --------------------------------------------------------------------------
    @property
    def libelle_famille(self) -> str:
        """La famille telle que la nomme la page du ministère."""
        return FAMILLES[self.famille]

    @property
    def source(self) -> str:
        """Les documents qui nomment le service, en une phrase (« CERTA 2013 ; ENT réel »)."""
        return " ; ".join(self.sources)

    def cite_par(self, source: str) -> bool:
        """Le service est nommé par ce document (« CERTA 2013 », « Ministère 2022 », « ENT réel »)."""
        if source not in SOURCES:
            raise ValeurInvalide(f"Source inconnue : « {source} ». Sources possibles : "
                                 f"{', '.join(SOURCES)}.")
        return source in self.sources

    def resume_usages(self) -> str:
        """« Élève : lecture ; Parent : lecture ; Enseignant : écriture… »."""
        return " ; ".join(f"{p.value} : {LIBELLES_USAGE[u]}" for p, u in self.usages.items())

    def __str__(self) -> str:
        return self.nom

    def __repr__(self) -> str:
        return f"Service({self.code!r}, « {self.nom} »)"


class Catalogue:
    """Les services de l'ENT, chargés depuis ``data/services.csv`` (voir :meth:`charger`)."""

    def __init__(self, services: Iterable[Service],
                 categories: Mapping[str, str] | None = None) -> None:
        self._services: dict[str, Service] = {}
        for service in services:
            if not isinstance(service, Service):
                raise ValeurInvalide("Un catalogue ne contient que des services (Service).")
            if service.code in self._services:
                raise ValeurInvalide(f"Le code de service « {service.code} » apparaît deux fois.")
            self._services[service.code] = service
        self.categories: Mapping[str, str] = MappingProxyType(
            dict(categories) if categories is not None else _categories_livrees())

    # -- chargement -------------------------------------------------------------------------
    @classmethod
    def charger(cls, chemin: str | Path | None = None, *,
                chemin_categories: str | Path | None = None) -> Catalogue:
        """Lit et vérifie le catalogue. Sans argument : les fichiers livrés dans ``data/``.

        Toute erreur du fichier (profil inconnu, usage invalide, code en double, champ
        obligatoire vide…) lève :class:`CatalogueInvalide` avec le numéro de la ligne.
        """
        if chemin is None and chemin_categories is None:
            return _catalogue_livre()
        categories = (_categories_livrees() if chemin_categories is None
                      else lire_categories(chemin_categories))
        fichier = donnees.chemin(FICHIER_SERVICES) if chemin is None else _fichier(chemin)
        return cls(_lire_services(fichier, categories), categories)

    # -- requêtes ---------------------------------------------------------------------------
    def service(self, code: str) -> Service:
        """Le service de ce code. Par commodité, accepte aussi le nom affiché (« Cahier de
        textes ») ou un mot des documents sources (« emplois du temps »), sans tenir compte
        des accents ni des majuscules."""
        if isinstance(code, Service):
            code = code.code
        if not isinstance(code, str) or not code.strip():
            raise ValeurInvalide("Le code d'un service doit être un texte, par exemple "
                                 "\"messagerie\".")
        if code in self._services:
            return self._services[code]
        cle = _replier(code)
        for service in self._services.values():
            if cle in (_replier(service.code), _replier(service.nom)):
                return service
        for terme, code_cite in SERVICES_CITES.items():
            if cle == _replier(terme) and code_cite in self._services:
                return self._services[code_cite]
        proches = difflib.get_close_matches(cle, [_replier(c) for c in self._services],
                                            n=3, cutoff=0.6)
        codes_proches = [c for c in self._services if _replier(c) in proches]
        if codes_proches:
            suggestion = ("Vouliez-vous dire "
                          + " ou ".join(f"« {c} »" for c in codes_proches) + " ?")
        else:
            suggestion = "Codes possibles : " + ", ".join(self._services) + "."
        raise Introuvable(f"Service inconnu : « {code} ». {suggestion}", code="service_inconnu")

    def codes(self) -> list[str]:
        """Les codes des services, dans l'ordre du fichier."""
        return list(self._services)

    def pour_profil(self, profil: Profil | str) -> list[Service]:
        """Les services qu'un profil utilise (en lecture ou en écriture)."""
        profil = profil_depuis(profil)
        return [s for s in self._services.values() if s.peut_lire(profil)]

    def usage(self, profil: Profil | str, code: str) -> str:
        """``"aucun"``, ``"lecture"`` ou ``"ecriture"`` : l'usage d'un service par un profil."""
        return self.service(code).usage(profil)

    def via_gar(self) -> list[Service]:
        """Les services d'éditeurs atteints par le Gestionnaire d'accès aux ressources (GAR)."""
        return [s for s in self._services.values() if s.via_gar]

    def par_famille(self) -> dict[str, list[Service]]:
        """Les services rangés par famille (clé : code de famille, dans l'ordre de
        :data:`FAMILLES` ; libellé : ``FAMILLES[cle]``)."""
        return {famille: [s for s in self._services.values() if s.famille == famille]
                for famille in FAMILLES}

    def cites_par(self, source: str) -> list[Service]:
        """Les services nommés par un document (« CERTA 2013 », « Ministère 2022 », « ENT réel »)."""
        return [s for s in self._services.values() if s.cite_par(source)]

    def citations(self, code: str) -> list[Citation]:
        """Les passages des documents sources qui nomment ce service."""
        service = self.service(code)
        return [c for c in CITATIONS if c.code == service.code]

    def traitant(self, categorie: str) -> list[Service]:
        """Les services qui traitent une catégorie de données (code ou libellé)."""
        code = self._code_categorie(categorie)
        return [s for s in self._services.values() if code in s.categories_donnees]

    def libelle_categorie(self, code: str) -> str:
        """Le libellé français d'une catégorie de données (« evaluations » → « Évaluations »)."""
        return self.categories[self._code_categorie(code)]

    def _code_categorie(self, categorie: str) -> str:
        if not isinstance(categorie, str):
            raise ValeurInvalide("Une catégorie de données est un texte, par exemple "
                                 "\"evaluations\".")
        if categorie in self.categories:
            return categorie
        cle = _replier(categorie)
        for code, libelle in self.categories.items():
            if cle in (_replier(code), _replier(libelle)):
                return code
        raise Introuvable(f"Catégorie de données inconnue : « {categorie} ». Catégories "
                          f"possibles : {', '.join(self.categories.values())}.",
                          code="categorie_inconnue")

    def tableau(self, profil: Profil | str | None = None) -> pd.DataFrame:
        """Le catalogue en tableau (colonnes en français). Avec ``profil`` : seulement les
        services de ce profil, et une colonne « Usage » pour lui."""
        services = list(self) if profil is None else self.pour_profil(profil)
        lignes = []
        for s in services:
            ligne = {
                "Code": s.code,
                "Service": s.nom,
                "Famille": s.libelle_famille,
                "Description": s.description,
                "Finalité": s.finalite,
                "Profils": s.resume_usages(),
                "Données personnelles": ", ".join(self.categories[c]
                                                  for c in s.categories_donnees),
                "Conservation": s.duree_conservation,
                "Conservation (jours)": s.duree_conservation_jours,
                "Via le GAR": "oui" if s.via_gar else "non",
                "Cité par": s.source,
            }
            if profil is not None:
                ligne["Usage"] = LIBELLES_USAGE[s.usage(profil)]
            lignes.append(ligne)
        colonnes = ["Code", "Service", "Famille", "Description", "Finalité", "Profils",
                    "Données personnelles", "Conservation", "Conservation (jours)",
                    "Via le GAR", "Cité par"]
        if profil is not None:
            colonnes.insert(2, "Usage")
        return tableau(lignes, colonnes)

    # -- protocole de conteneur -------------------------------------------------------------
    def __iter__(self) -> Iterator[Service]:
        return iter(self._services.values())

    def __len__(self) -> int:
        return len(self._services)

    def __contains__(self, element: object) -> bool:
        if isinstance(element, Service):
            return self._services.get(element.code) == element
        return isinstance(element, str) and element in self._services

    def __repr__(self) -> str:
        return f"Catalogue({len(self)} services)"


def charger_catalogue(chemin: str | Path | None = None) -> Catalogue:
    """Raccourci de :meth:`Catalogue.charger`."""
    return Catalogue.charger(chemin)


# -- lecture et vérification des fichiers ---------------------------------------------------
def _fichier(chemin: str | Path) -> Path:
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


def _lire_services(fichier: Path, categories: Mapping[str, str]) -> list[Service]:
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
            usage = _replier(brut)
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

        brut_gar = _replier(champs["via_gar"])
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
    fichier = donnees.chemin(FICHIER_CATEGORIES) if chemin is None else _fichier(chemin)
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
def _categories_livrees() -> dict[str, str]:
    return lire_categories()


@lru_cache(maxsize=1)
def _catalogue_livre() -> Catalogue:
    # Le catalogue livré est lu une fois : ses services sont immuables, le partager est sûr.
    categories = _categories_livrees()
    return Catalogue(_lire_services(donnees.chemin(FICHIER_SERVICES), categories), categories)
