"""Les documents qui nomment les services de l'ENT, et les mots qu'ils emploient.

Des données, recopiées des documents du cours : la ressource CERTA (août 2013 : questions
3, 5, 6 et 11, document 1 — avis de la CNIL —, document 2 — SDET) et la page du ministère
de l'Éducation nationale sur l'ENT (textes en vigueur le 12 décembre 2022), qui range les
services de base en cinq familles (:data:`FAMILLES`). :data:`CITATIONS` relie chaque service
nommé dans ces documents (avec les mots du document) au code du catalogue ;
:data:`SERVICES_CITES` en est la forme « mot → code ».
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FAMILLES", "SOURCES", "Citation", "CITATIONS", "SERVICES_CITES"]

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
