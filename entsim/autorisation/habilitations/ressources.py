"""Les ressources protégées : un service, une partie de service, ou les données d'un
élève, d'une classe, d'un propriétaire.

SDET, document 2 : « Une ressource peut être un service applicatif, une partie de service,
une application, une page Web… » La ressource sait se décrire en français (« notes de Léa
Martin », « message adressé à Karim Bernard »).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from entsim.etablissement.annuaire import Etablissement
from entsim.socle.erreurs import ValeurInvalide, verifier_texte

__all__ = ["SERVICES_PAR_ELEVE", "SERVICES_PAR_CLASSE", "SERVICES_PERSONNELS",
           "PARTIE_MESSAGE", "Ressource", "de"]

#: Services dont les données concernent un élève (``Ressource.eleve``).
SERVICES_PAR_ELEVE = frozenset({"notes", "absences", "dossier_eleve", "orientation"})
#: Services dont les données concernent une classe (``Ressource.classe``).
SERVICES_PAR_CLASSE = frozenset({"cahier_de_textes", "emploi_du_temps"})
#: Services strictement personnels : seul le propriétaire y accède (secret des
#: correspondances pour la messagerie, documents personnels).
SERVICES_PERSONNELS = frozenset({"messagerie", "espace_documentaire", "casier"})

#: Partie de la messagerie qui désigne l'envoi d'un message à quelqu'un.
PARTIE_MESSAGE = "message"

#: Comment décrire une ressource : modèle avec {sujet} (nom de l'élève, de la classe…).
_DESCRIPTIONS: dict[str, str] = {
    "notes": "notes {de_sujet}",
    "absences": "absences {de_sujet}",
    "dossier_eleve": "dossier {de_sujet}",
    "orientation": "Folios (orientation) {de_sujet}",
    "cahier_de_textes": "cahier de textes {de_sujet}",
    "emploi_du_temps": "emploi du temps {de_sujet}",
    "messagerie": "messages privés {de_sujet}",
    "espace_documentaire": "documents personnels {de_sujet}",
    "casier": "casier {de_sujet}",
}


def de(nom: str) -> str:
    """« de » ou « d' » devant un nom : élision devant une voyelle ou un h muet
    (« d'Inès Petit », « d'Hugo »), jamais devant un y consonne (« de Yanis ») :
    ``de("TSTMG1")`` → « de TSTMG1 »."""
    initiale = unicodedata.normalize("NFKD", nom[:1].lower())[:1]
    return f"d'{nom}" if initiale and initiale in "aeiouh" else f"de {nom}"


@dataclass(frozen=True)
class Ressource:
    """Une ressource protégée (SDET : « un service applicatif, une partie de service… »).

    :param service: le code du service dans le catalogue (``"notes"``, ``"absences"``,
        ``"cahier_de_textes"``, ``"messagerie"``, ``"actualites"``…).
    :param partie: une partie du service (``"justificatifs"``, ``"message"``…), facultative.
    :param eleve: l'identifiant de l'élève concerné (notes, absences, dossier…).
    :param classe: le code de la classe concernée (cahier de textes, emploi du temps).
    :param proprietaire: l'identifiant du propriétaire (messagerie, documents personnels).

    Les constructeurs nommés se lisent mieux : ``Ressource.notes_de("lea.martin")``,
    ``Ressource.cahier_de_textes_de("TSTMG1")``, ``Ressource.messages_de("paul.durand")``.
    """

    service: str
    partie: str | None = None
    eleve: str | None = None
    classe: str | None = None
    proprietaire: str | None = None

    def __post_init__(self) -> None:
        verifier_texte(self.service, "service")
        for nom, libelle in (("partie", "partie"), ("eleve", "élève"), ("classe", "classe"),
                             ("proprietaire", "propriétaire")):
            valeur = getattr(self, nom)
            if valeur is not None:
                verifier_texte(valeur, libelle)
        sujets = [s for s in (self.eleve, self.classe, self.proprietaire) if s is not None]
        if len(sujets) > 1:
            raise ValeurInvalide("Une ressource concerne un seul sujet : un élève (eleve=…), "
                                 "une classe (classe=…) ou un propriétaire (proprietaire=…), "
                                 "pas plusieurs.", code="ressource_invalide")

    # -- constructeurs nommés --------------------------------------------------------
    @classmethod
    def service_seul(cls, code: str) -> "Ressource":
        """Le service lui-même (son accès), sans donnée particulière."""
        return cls(code)

    @classmethod
    def notes_de(cls, eleve: str) -> "Ressource":
        verifier_texte(eleve, "élève")
        return cls("notes", eleve=eleve)

    @classmethod
    def absences_de(cls, eleve: str) -> "Ressource":
        verifier_texte(eleve, "élève")
        return cls("absences", eleve=eleve)

    @classmethod
    def dossier_de(cls, eleve: str) -> "Ressource":
        verifier_texte(eleve, "élève")
        return cls("dossier_eleve", eleve=eleve)

    @classmethod
    def cahier_de_textes_de(cls, classe: str) -> "Ressource":
        verifier_texte(classe, "classe")
        return cls("cahier_de_textes", classe=classe)

    @classmethod
    def emploi_du_temps_de(cls, classe: str) -> "Ressource":
        verifier_texte(classe, "classe")
        return cls("emploi_du_temps", classe=classe)

    @classmethod
    def messages_de(cls, identifiant: str) -> "Ressource":
        """La boîte de messagerie privée d'une personne."""
        return cls("messagerie", proprietaire=identifiant)

    @classmethod
    def message_a(cls, destinataire: str) -> "Ressource":
        """L'envoi d'un message à une personne (action : écrire)."""
        return cls("messagerie", partie=PARTIE_MESSAGE, proprietaire=destinataire)

    @classmethod
    def documents_de(cls, identifiant: str) -> "Ressource":
        return cls("espace_documentaire", proprietaire=identifiant)

    # -- description ------------------------------------------------------------------
    @property
    def sujet(self) -> str | None:
        """L'identifiant de l'élève, la classe ou le propriétaire concerné."""
        return self.eleve or self.classe or self.proprietaire

    def decrire(self, etablissement: Etablissement | None = None,
                nom_service: str | None = None) -> str:
        """Description en français ; avec l'établissement, les identifiants sont remplacés
        par les noms (« notes de Léa Martin »)."""
        sujet = self.sujet
        if sujet is not None and etablissement is not None and sujet != self.classe \
                and etablissement.existe(sujet):
            sujet = etablissement.personne(sujet).nom_complet
        if self.service == "messagerie" and self.partie == PARTIE_MESSAGE and sujet:
            return f"message adressé à {sujet}"
        nom = nom_service or self.service
        if sujet is None:
            texte = f"service « {nom} »"
        else:
            texte = _DESCRIPTIONS.get(self.service, nom + " {de_sujet}").format(
                de_sujet=de(sujet))
        if self.partie:
            texte += f" (partie « {self.partie} »)"
        return texte

    @property
    def description(self) -> str:
        """Description lisible, avec les identifiants (« notes de lea.martin »)."""
        return self.decrire()

    def __str__(self) -> str:
        return self.description
