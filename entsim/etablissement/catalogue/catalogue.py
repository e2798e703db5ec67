"""Le catalogue des services de l'ENT : chercher un service, filtrer par profil, par
famille, par document source ou par catégorie de données, et l'afficher en tableau.

Le catalogue livré (``data/``) est lu une fois et partagé : ses services sont immuables.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from entsim.etablissement.annuaire import Profil, profil_depuis
from entsim.etablissement.catalogue.lecture import (FICHIER_SERVICES, categories_livrees,
                                                    fichier_existant, lire_categories,
                                                    lire_services)
from entsim.etablissement.catalogue.service import LIBELLES_USAGE, Service, replier_nom
from entsim.etablissement.catalogue.sources import CITATIONS, FAMILLES, SERVICES_CITES, Citation
from entsim.socle import donnees
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.texte import cite
from entsim.socle.tableaux import tableau

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Catalogue", "charger_catalogue"]


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
            dict(categories) if categories is not None else categories_livrees())

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
        categories = (categories_livrees() if chemin_categories is None
                      else lire_categories(chemin_categories))
        fichier = donnees.chemin(FICHIER_SERVICES) if chemin is None else fichier_existant(chemin)
        return cls(lire_services(fichier, categories), categories)

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
        cle = replier_nom(code)
        for service in self._services.values():
            if cle in (replier_nom(service.code), replier_nom(service.nom)):
                return service
        for terme, code_cite in SERVICES_CITES.items():
            if cle == replier_nom(terme) and code_cite in self._services:
                return self._services[code_cite]
        proches = difflib.get_close_matches(cle, [replier_nom(c) for c in self._services],
                                            n=3, cutoff=0.6)
        codes_proches = [c for c in self._services if replier_nom(c) in proches]
        if codes_proches:
            suggestion = ("Vouliez-vous dire "
                          + " ou ".join(f"« {c} »" for c in codes_proches) + " ?")
        else:
            suggestion = "Codes possibles : " + ", ".join(self._services) + "."
        raise Introuvable(f"Service inconnu : {cite(code)}. {suggestion}",
                          code="service_inconnu")

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
        cle = replier_nom(categorie)
        for code, libelle in self.categories.items():
            if cle in (replier_nom(code), replier_nom(libelle)):
                return code
        raise Introuvable(f"Catégorie de données inconnue : {cite(categorie)}. Catégories "
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


@lru_cache(maxsize=1)
def _catalogue_livre() -> Catalogue:
    # Le catalogue livré est lu une fois : ses services sont immuables, le partager est sûr.
    categories = categories_livrees()
    return Catalogue(lire_services(donnees.chemin(FICHIER_SERVICES), categories), categories)
