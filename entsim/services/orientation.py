"""Folios (orientation) : le portfolio où l'élève garde la trace de ses expériences (stages,
forums des métiers, projets, portes ouvertes) et de ses démarches d'orientation.

Folios est l'application de l'ONISEP qui accompagne le parcours Avenir ; on l'ouvre depuis
l'ENT (page du ministère, 2022 : « folios pour l'orientation »). Qui fait quoi
(``entsim.autorisation.service.HABILITATIONS``) : l'élève écrit dans son propre portfolio ; ses
enseignants et son professeur principal le lisent et commentent ses entrées ; sa famille le
lit (sauf opposition de l'élève majeur, :mod:`entsim.autorisation.majorite`) ; la direction
et le CPE le consultent pour le suivi. Les portfolios de toute une classe
(``Ressource("orientation", classe=…)``) ne sont jamais pour un élève ni un parent : l'élève
n'a aucune action, pas même « supprimer », sur la ressource de sa classe.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from entsim.etablissement.annuaire import Eleve
from entsim.autorisation.service import Action, Ressource
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.saisie import texte_saisi
from entsim.socle.texte import extrait
from entsim.etablissement.generation import CLASSE_DEMO, PERSONAS, SECONDE_DEMO
from entsim.services._vie_eleve import ServiceVieEleve, cite, date_fr, lire_date
from entsim.autorisation.habilitations.ressources import de
from entsim.services._donnees import (CONTENU_RETIRE, DonneePersonnelle, numero_suivant,
                                      verifier_motif)

TYPES = ("Stage", "Forum des métiers", "Projet", "Journée portes ouvertes",
         "Entretien d'orientation", "Engagement")
#: Longueur maximale (caractères) d'une description ou d'un commentaire.
LONGUEUR_MAX = 1000
#: Longueur maximale du titre d'une entrée.
TITRE_MAX = 120

#: Entrées de démonstration : (type, titre, description, date).
_LEA = (
    ("Stage", "Stage d'observation de 3e : agence de communication",
     "Une semaine dans une agence : réunions de projet, site web d'un client, gestion des "
     "réseaux sociaux.", date(2023, 12, 11)),
    ("Forum des métiers", "Forum des métiers du numérique",
     "Rencontre avec une développeuse et un administrateur réseau ; le métier de "
     "technicien support m'intéresse.", date(2026, 3, 12)),
    ("Projet", "Piste : BTS Services informatiques aux organisations (SIO)",
     "À comparer avec un BUT ; aller aux journées portes ouvertes en février.",
     date(2026, 6, 5)),
)
_YANIS = (
    ("Stage", "Stage d'observation de 3e : garage automobile",
     "Accueil des clients, diagnostic électronique des véhicules.", date(2025, 12, 8)),
)
_BANQUE = (
    ("Forum des métiers", "Forum des métiers du lycée",
     "Échanges avec des professionnels de la banque et du commerce.", date(2026, 3, 12)),
    ("Stage", "Stage d'observation de 3e en entreprise",
     "Découverte d'un service administratif et de ses logiciels.", date(2023, 12, 11)),
    ("Journée portes ouvertes", "Portes ouvertes de l'IUT",
     "Présentation du BUT Gestion des entreprises et des administrations.", date(2026, 2, 7)),
    ("Projet", "Piste : BTS Management commercial opérationnel",
     "Se renseigner sur l'alternance.", date(2026, 5, 20)),
    ("Engagement", "Délégué de classe",
     "Élu délégué ; participation aux conseils de classe.", date(2025, 9, 25)),
    ("Entretien d'orientation", "Entretien avec la psychologue de l'Éducation nationale",
     "Point sur les vœux possibles après le baccalauréat.", date(2026, 4, 16)),
)


@dataclass(frozen=True)
class Commentaire:
    auteur: str
    texte: str
    le: datetime


@dataclass
class EntreeFolios:
    """Une entrée du portfolio d'un élève."""

    numero: int
    eleve: str
    type: str
    titre: str
    description: str
    date: date
    auteur: str
    commentaires: list[Commentaire] = field(default_factory=list)

    def en_texte(self, noms: dict[str, str] | None = None) -> str:
        texte = f"{date_fr(self.date, avec_jour=False)} — {self.type} — {self.titre}"
        if self.description:
            texte += f" : {self.description}"
        for c in self.commentaires:
            texte += f" [Commentaire {de((noms or {}).get(c.auteur, c.auteur))} : {c.texte}]"
        return texte


class Folios(ServiceVieEleve):
    """Le service « Folios (orientation) »."""

    code = "orientation"

    def __init__(self, ent) -> None:
        super().__init__(ent)
        self._entrees: dict[int, EntreeFolios] = {}
        self._peupler()

    def _peupler(self) -> None:
        fixes = {PERSONAS["eleve"].identifiant: _LEA, PERSONAS["frere"].identifiant: _YANIS}
        for classe in (CLASSE_DEMO, SECONDE_DEMO):
            if classe not in self.etablissement.classes:
                continue
            rng = self._generateur(classe)
            for eleve in sorted(self.etablissement.classe(classe).eleves):
                modeles = fixes.get(eleve) or rng.sample(_BANQUE, rng.randint(1, 3))
                for type_, titre, description, jour in sorted(modeles, key=lambda m: m[3]):
                    self._ajouter(eleve, type_, titre, description, jour, eleve)

    def _ajouter(self, eleve: str, type_: str, titre: str, description: str, jour: date,
                 auteur: str) -> EntreeFolios:
        entree = EntreeFolios(numero_suivant(self._entrees), eleve, type_, titre, description, jour,
                              auteur)
        self._entrees[entree.numero] = entree
        return entree

    def _entree(self, numero: int) -> EntreeFolios:
        try:
            return self._entrees[numero]
        except (KeyError, TypeError):
            raise Introuvable(f"Aucune entrée n° {extrait(numero)} dans Folios.",
                              code="entree_inconnue") from None

    def entree(self, identifiant: str, numero: int, *,
               poste: str | None = None) -> EntreeFolios:
        """Une entrée du portfolio, pour qui peut lire le portfolio de l'élève (sa famille
        sauf opposition de l'élève majeur) ; lecture tracée, refus tracé sinon."""
        entree = self._entree(numero)
        self.exiger(identifiant, Action.LIRE, Ressource("orientation", eleve=entree.eleve),
                    poste=poste)
        return entree

    # -- consultation ------------------------------------------------------------------------
    def portfolio(self, identifiant: str, eleve: str, *,
                  poste: str | None = None) -> list[EntreeFolios]:
        """Les entrées du portfolio d'un élève, de la plus récente à la plus ancienne."""
        self.exiger(identifiant, Action.LIRE, Ressource("orientation", eleve=eleve),
                    poste=poste)
        return sorted((e for e in self._entrees.values() if e.eleve == eleve),
                      key=lambda e: (e.date, e.numero), reverse=True)

    # -- écriture ----------------------------------------------------------------------------
    def ajouter(self, identifiant: str, eleve: str, type: str, titre: str,
                description: str = "", *, le: date | str | None = None,
                poste: str | None = None) -> EntreeFolios:
        """L'élève ajoute une expérience ou une démarche à son portfolio."""
        if not isinstance(type, str) or type not in TYPES:
            raise ValeurInvalide(f"Type d'entrée inconnu : {cite(type)} (types possibles : "
                                 f"{', '.join(TYPES)}).", code="type_inconnu")
        titre = texte_saisi(titre, "titre", maximum=TITRE_MAX)
        description = texte_saisi(description, "description", maximum=LONGUEUR_MAX,
                                  multiligne=True, vide_autorise=True)
        jour = lire_date(le, "le") if le is not None else self.horloge.maintenant().date()
        if jour > self.horloge.maintenant().date():
            raise ValeurInvalide("Folios garde la trace d'expériences vécues : la date ne peut "
                                 "pas être dans le futur.", code="date_future")
        self.exiger(identifiant, Action.ECRIRE, Ressource("orientation", eleve=eleve),
                    poste=poste)
        if identifiant != eleve:
            raise self.refuser(
                identifiant, "Seul l'élève complète son portfolio Folios ; ses professeurs "
                "peuvent commenter une entrée et sa famille la lire.",
                f"Folios {de(self.nom_de(eleve))} (ajouter)", poste=poste,
                code="portfolio_personnel")
        return self._ajouter(eleve, type, titre, description, jour, identifiant)

    def commenter(self, identifiant: str, numero: int, texte: str, *,
                  poste: str | None = None) -> EntreeFolios:
        """Un enseignant (le professeur principal surtout) commente une entrée."""
        entree = self._entree(numero)
        texte = texte_saisi(texte, "texte", maximum=LONGUEUR_MAX, multiligne=True)
        self.exiger(identifiant, Action.ECRIRE, Ressource("orientation", eleve=entree.eleve),
                    poste=poste)
        if isinstance(self.etablissement.personne(identifiant), Eleve):
            raise self.refuser(
                identifiant, "Les commentaires sont ceux de l'équipe éducative ; l'élève, lui, "
                "complète ses entrées.", f"Folios {de(self.nom_de(entree.eleve))} (commenter)",
                poste=poste, code="commentaire_reserve")
        entree.commentaires.append(Commentaire(identifiant, texte,
                                               self.horloge.maintenant()))
        return entree

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Un élève : les entrées de son portfolio (catégorie « orientation »), avec les
        commentaires de l'équipe (source : leur auteur). Un enseignant : les commentaires
        qu'il a écrits."""
        donnees = []
        for e in sorted(self._entrees.values(), key=lambda e: e.numero):
            ref = f"orientation:entree:{e.numero}"
            if e.eleve == identifiant:
                donnees.append(DonneePersonnelle(
                    self.code, "orientation", f"Folios — {e.type}", f"{e.titre}" +
                    (f" : {e.description}" if e.description else ""), identifiant, e.auteur,
                    ref, e.date))
                for c in e.commentaires:
                    donnees.append(DonneePersonnelle(
                        self.code, "orientation", f"Commentaire sur « {e.titre} »", c.texte,
                        identifiant, c.auteur, ref, c.le))
                continue
            for c in e.commentaires:
                if c.auteur == identifiant:
                    donnees.append(DonneePersonnelle(
                        self.code, "orientation", f"Commentaire écrit dans le Folios "
                        f"{de(self.nom_de(e.eleve))}", c.texte, identifiant, identifiant, ref,
                        c.le))
        return donnees

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Un élève : son portfolio est supprimé (arrêté ENT du 30 novembre 2006 modifié,
        art. 6). Un enseignant : ses commentaires restent dans le portfolio de l'élève,
        signés « Ancien enseignant » ; motif ``opposition`` : leur texte est retiré."""
        motif = verifier_motif(motif)
        anonyme = self._anonyme(identifiant)
        supprimes = [n for n, e in self._entrees.items() if e.eleve == identifiant]
        compte = len(supprimes)
        for n in supprimes:
            del self._entrees[n]
        for e in self._entrees.values():
            for i, c in enumerate(e.commentaires):
                if c.auteur == identifiant:
                    e.commentaires[i] = replace(c, auteur=anonyme, texte=CONTENU_RETIRE
                                                if motif == "opposition" else c.texte)
                    compte += 1
        return compte


SERVICE = Folios
