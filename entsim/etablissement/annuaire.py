"""L'annuaire de l'établissement : personnes, profils, fonctions, classes et liens.

Profils et fonctions comme dans un ENT réel (Open ENT NG / Edifice) : cinq profils (Élève,
Parent, Enseignant, Personnel, Invité) et des fonctions qui s'y ajoutent (chef
d'établissement, professeur principal, administrateur local…). Les liens : élève ↔
responsables légaux, enseignant × discipline × classe, professeur principal d'une classe.

Ce module ne contient que les entités et les requêtes ; la génération d'un établissement
réaliste à partir d'une graine est dans :mod:`entsim.etablissement.generation`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.texte import cite
from entsim.socle.tableaux import tableau

if TYPE_CHECKING:  # pandas n'est importé qu'à l'appel des tableaux (import entsim reste léger)
    import pandas as pd


#: Âge de la majorité : « La majorité est fixée à dix-huit ans accomplis ; à cet âge, chacun
#: est capable d'exercer les droits dont il a la jouissance » (Code civil, art. 414) ;
#: l'autorité parentale appartient aux parents « jusqu'à la majorité ou l'émancipation de
#: l'enfant » (art. 371-1).
AGE_DE_LA_MAJORITE = 18


class Profil(str, Enum):
    """Les cinq profils d'un ENT (Open ENT NG)."""

    ELEVE = "Élève"
    PARENT = "Parent"
    ENSEIGNANT = "Enseignant"
    PERSONNEL = "Personnel"
    INVITE = "Invité"

    def __str__(self) -> str:
        return self.value


def profil_depuis(valeur: object) -> Profil:
    """Un :class:`Profil` à partir d'un profil ou d'un texte (« Élève », "eleve", "ENSEIGNANT"…),
    sans tenir compte des accents ni des majuscules."""
    from entsim.etablissement.identifiants import replier

    if isinstance(valeur, Profil):
        return valeur
    if isinstance(valeur, str):
        cle = " ".join(replier(valeur).replace("_", " ").replace("-", " ").split())
        for profil in Profil:
            if cle in (replier(profil.value), replier(profil.name)):
                return profil
    possibles = ", ".join(p.value for p in Profil)
    raise ValeurInvalide(f"Profil inconnu : {cite(valeur)}. Profils possibles : {possibles}.",
                         code="profil_inconnu")


class Fonction(str, Enum):
    """Fonctions qui s'ajoutent à un profil et donnent des droits particuliers."""

    CHEF_ETABLISSEMENT = "Chef d'établissement"
    ADJOINT = "Chef d'établissement adjoint"
    PROFESSEUR_PRINCIPAL = "Professeur principal"
    ADMINISTRATEUR_LOCAL = "Administrateur local"
    CPE = "Conseiller principal d'éducation (CPE)"
    VIE_SCOLAIRE = "Vie scolaire (assistant d'éducation)"
    GESTIONNAIRE = "Gestionnaire (intendance)"
    DOCUMENTALISTE = "Professeur documentaliste (CDI)"
    SECRETARIAT = "Secrétariat"
    PARTENAIRE = "Partenaire (collège de secteur)"
    REFERENT_NUMERIQUE = "Référent aux usages pédagogiques numériques (RUPN)"

    def __str__(self) -> str:
        return self.value


@dataclass
class Personne:
    """Une personne de l'annuaire, avec son compte ENT (l'identifiant)."""

    identifiant: str
    prenom: str
    nom: str
    profil: Profil
    fonctions: set[Fonction] = field(default_factory=set)
    date_naissance: date | None = None
    courriel: str = ""
    #: Date à laquelle la personne a quitté l'établissement (elle « n'a plus vocation à détenir
    #: un compte » : arrêté ENT du 30 novembre 2006 modifié, art. 6) ; ``None`` : présente.
    date_depart: date | None = None

    @property
    def nom_complet(self) -> str:
        return f"{self.prenom} {self.nom}"

    def a_fonction(self, fonction: Fonction) -> bool:
        return fonction in self.fonctions

    def __str__(self) -> str:
        return f"{self.nom_complet} ({self.profil.value})"


@dataclass
class Eleve(Personne):
    classe: str = ""
    responsables: list[str] = field(default_factory=list)   # identifiants des parents
    #: L'élève majeur a fait opposition à ce que ses responsables légaux consultent ses
    #: données (voir :mod:`entsim.autorisation.majorite`) ; sans effet tant qu'il est mineur.
    opposition_parents: bool = False

    def age(self, le: date) -> int | None:
        if self.date_naissance is None:
            return None
        d = self.date_naissance
        return le.year - d.year - ((le.month, le.day) < (d.month, d.day))

    def est_majeur(self, le: date) -> bool:
        """18 ans accomplis à la date ``le`` : « La majorité est fixée à dix-huit ans
        accomplis » (Code civil, art. 414). Sans date de naissance, l'élève compte comme
        mineur (rien ne change alors pour ses responsables légaux)."""
        age = self.age(le)
        return age is not None and age >= AGE_DE_LA_MAJORITE


@dataclass
class Parent(Personne):
    enfants: list[str] = field(default_factory=list)         # identifiants des élèves
    lien: str = "Responsable légal"                           # « Mère », « Père », « Tuteur »…


@dataclass
class Enseignant(Personne):
    disciplines: list[str] = field(default_factory=list)
    #: (code de classe, discipline) pour chaque enseignement assuré
    enseignements: list[tuple[str, str]] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        vues: list[str] = []
        for classe, _ in self.enseignements:
            if classe not in vues:
                vues.append(classe)
        return vues


@dataclass
class Personnel(Personne):
    service: str = ""      # « Direction », « Vie scolaire », « Intendance », « Secrétariat »…


@dataclass
class Invite(Personne):
    organisme: str = ""    # « Collège Jean-Moulin (collège de secteur) », « Intervenant »…


@dataclass
class Classe:
    """Une division : ``code`` court (« TSTMG1 »), niveau, voie ou série."""

    code: str
    libelle: str
    niveau: str                     # « Seconde », « Première », « Terminale »
    serie: str                      # « Générale et technologique », « STMG », « Générale »…
    eleves: list[str] = field(default_factory=list)
    professeur_principal: str | None = None
    #: discipline → identifiant de l'enseignant
    enseignements: dict[str, str] = field(default_factory=dict)


@dataclass
class Etablissement:
    """Un lycée, son annuaire et ses classes. Requêtes par identifiant ou par lien."""

    nom: str
    uai: str
    commune: str
    academie: str
    personnes: dict[str, Personne] = field(default_factory=dict)
    classes: dict[str, Classe] = field(default_factory=dict)
    graine: int | None = None

    # -- ajout -------------------------------------------------------------------
    def ajouter(self, personne: Personne) -> Personne:
        if personne.identifiant in self.personnes:
            raise ValeurInvalide(f"L'identifiant « {personne.identifiant} » existe déjà.")
        self.personnes[personne.identifiant] = personne
        return personne

    # -- départs ------------------------------------------------------------------
    def depart(self, identifiant: str, le: date) -> Personne:
        """Note le départ d'une personne à la date ``le`` (fin de scolarité, mutation…). Elle
        garde son compte jusqu'à la purge, qui l'efface dans les trois mois (arrêté ENT du
        30 novembre 2006 modifié, art. 6 ; voir :mod:`entsim.rgpd.conservation`)."""
        personne = self.personne(identifiant)
        if not isinstance(le, date):
            raise ValeurInvalide("La date de départ est une date, par exemple "
                                 "date(2026, 7, 4).")
        if personne.date_depart is not None:
            raise ValeurInvalide(f"Le départ de {personne.nom_complet} est déjà noté (le "
                                 f"{personne.date_depart:%d/%m/%Y}).", code="depart_deja_note")
        personne.date_depart = le
        return personne

    def partis(self) -> list[Personne]:
        """Les personnes dont le départ est noté (elles sont encore dans l'annuaire)."""
        return [p for p in self.personnes.values() if p.date_depart is not None]

    def retirer(self, identifiant: str) -> Personne:
        """Retire une personne de l'annuaire avec tous ses liens : sa classe, ses
        responsables ou ses enfants, ses enseignements. Rend la personne retirée."""
        personne = self.personne(identifiant)
        for classe in self.classes.values():
            if identifiant in classe.eleves:
                classe.eleves.remove(identifiant)
            if classe.professeur_principal == identifiant:
                classe.professeur_principal = None
            for discipline in [d for d, i in classe.enseignements.items() if i == identifiant]:
                del classe.enseignements[discipline]
        for autre in self.personnes.values():
            if isinstance(autre, Parent) and identifiant in autre.enfants:
                autre.enfants.remove(identifiant)
            if isinstance(autre, Eleve) and identifiant in autre.responsables:
                autre.responsables.remove(identifiant)
        del self.personnes[identifiant]
        return personne

    # -- requêtes ----------------------------------------------------------------
    def personne(self, identifiant: str) -> Personne:
        """La personne d'identifiant donné (message clair si elle n'existe pas)."""
        if not isinstance(identifiant, str):
            raise ValeurInvalide("L'identifiant doit être un texte, par exemple \"lea.martin\".")
        try:
            return self.personnes[identifiant]
        except KeyError:
            raise Introuvable(f"Personne inconnue dans l'annuaire : {cite(identifiant)}.") \
                from None

    def existe(self, identifiant: str) -> bool:
        return isinstance(identifiant, str) and identifiant in self.personnes

    def classe(self, code: str) -> Classe:
        if not isinstance(code, str):
            raise ValeurInvalide("Le code de classe doit être un texte, par exemple \"TSTMG1\".")
        try:
            return self.classes[code]
        except KeyError:
            connues = ", ".join(list(self.classes)[:6])
            raise Introuvable(f"Classe inconnue : {cite(code)} (exemples : {connues}).") from None

    def par_profil(self, profil: Profil) -> list[Personne]:
        return [p for p in self.personnes.values() if p.profil is profil]

    def eleves(self) -> list[Eleve]:
        return [p for p in self.personnes.values() if isinstance(p, Eleve)]

    def parents(self) -> list[Parent]:
        return [p for p in self.personnes.values() if isinstance(p, Parent)]

    def enseignants(self) -> list[Enseignant]:
        return [p for p in self.personnes.values() if isinstance(p, Enseignant)]

    def personnels(self) -> list[Personnel]:
        return [p for p in self.personnes.values() if isinstance(p, Personnel)]

    def invites(self) -> list[Invite]:
        return [p for p in self.personnes.values() if isinstance(p, Invite)]

    def avec_fonction(self, fonction: Fonction) -> list[Personne]:
        return [p for p in self.personnes.values() if fonction in p.fonctions]

    def chef_etablissement(self) -> Personne:
        chefs = self.avec_fonction(Fonction.CHEF_ETABLISSEMENT)
        if not chefs:
            raise Introuvable("Cet établissement n'a pas de chef d'établissement.")
        return chefs[0]

    def enfants_de(self, identifiant_parent: str) -> list[Eleve]:
        parent = self.personne(identifiant_parent)
        if not isinstance(parent, Parent):
            return []
        return [self.personnes[e] for e in parent.enfants]  # type: ignore[misc]

    def responsables_de(self, identifiant_eleve: str) -> list[Parent]:
        eleve = self.personne(identifiant_eleve)
        if not isinstance(eleve, Eleve):
            return []
        return [self.personnes[p] for p in eleve.responsables]  # type: ignore[misc]

    def eleves_de(self, code_classe: str) -> list[Eleve]:
        return [self.personnes[e] for e in self.classe(code_classe).eleves]  # type: ignore[misc]

    def enseignants_de(self, code_classe: str) -> list[Enseignant]:
        vus: list[Enseignant] = []
        for ident in self.classe(code_classe).enseignements.values():
            prof = self.personnes[ident]
            if prof not in vus:
                vus.append(prof)  # type: ignore[arg-type]
        return vus

    def classes_de(self, identifiant: str) -> list[str]:
        """Les classes liées à une personne : la sienne (élève), celles de ses enfants
        (parent), celles où il enseigne (enseignant)."""
        p = self.personne(identifiant)
        if isinstance(p, Eleve):
            return [p.classe] if p.classe else []
        if isinstance(p, Parent):
            return sorted({self.personnes[e].classe for e in p.enfants})  # type: ignore[attr-defined]
        if isinstance(p, Enseignant):
            return p.classes
        return []

    def enseigne_a(self, identifiant_enseignant: str, code_classe: str) -> bool:
        p = self.personnes.get(identifiant_enseignant)
        return isinstance(p, Enseignant) and code_classe in p.classes

    def est_responsable_de(self, identifiant_parent: str, identifiant_eleve: str) -> bool:
        p = self.personnes.get(identifiant_parent)
        return isinstance(p, Parent) and identifiant_eleve in p.enfants

    def rechercher(self, texte: str) -> list[Personne]:
        """Les personnes dont le nom, le prénom ou l'identifiant contient ``texte``
        (sans tenir compte des accents ni des majuscules)."""
        from entsim.etablissement.identifiants import replier

        cle = replier(texte)
        return [p for p in self.personnes.values()
                if cle in replier(f"{p.prenom} {p.nom} {p.identifiant}")]

    # -- tableaux (pandas) ---------------------------------------------------------
    # Colonnes en français, pour l'affichage dans les notebooks. Les fonctions sont listées
    # dans l'ordre de l'énumération Fonction (un ``set`` n'a pas d'ordre stable d'une
    # exécution à l'autre, ce qui changerait les sorties comparées par nbval).

    COLONNES_PERSONNES = ("Identifiant", "Prénom", "Nom", "Profil", "Fonctions", "Classes",
                          "Date de naissance", "Courriel")
    COLONNES_ELEVES = ("Identifiant", "Prénom", "Nom", "Classe", "Niveau",
                       "Date de naissance", "Responsables")
    COLONNES_CLASSES = ("Classe", "Libellé", "Niveau", "Série", "Effectif",
                        "Professeur principal", "Enseignants")
    COLONNES_LIENS = ("Élève", "Nom de l'élève", "Classe", "Responsable",
                      "Nom du responsable", "Lien")
    COLONNES_ENSEIGNEMENTS = ("Enseignant", "Nom de l'enseignant", "Discipline", "Classe",
                              "Professeur principal")

    @staticmethod
    def _fonctions_en_texte(personne: Personne) -> str:
        return ", ".join(f.value for f in Fonction if f in personne.fonctions)

    def _nom_de(self, identifiant: str | None) -> str:
        if identifiant is None or identifiant not in self.personnes:
            return ""
        return self.personnes[identifiant].nom_complet

    def tableau_personnes(self, profils: Iterable[Profil | str] | None = None) -> pd.DataFrame:
        """Tout l'annuaire, une ligne par compte ; ``profils`` (par exemple
        ``["Personnel", "Invité"]``) ne garde que ces profils."""
        if isinstance(profils, (str, Profil)):
            profils = [profils]
        if profils is not None and not isinstance(profils, (list, tuple, set)):
            raise ValeurInvalide("« profils » est une liste de profils, par exemple "
                                 "[\"Personnel\", \"Invité\"].")
        gardes = None if profils is None else {profil_depuis(p) for p in profils}
        lignes = [(p.identifiant, p.prenom, p.nom, p.profil.value, self._fonctions_en_texte(p),
                   ", ".join(self.classes_de(p.identifiant)), p.date_naissance, p.courriel)
                  for p in self.personnes.values() if gardes is None or p.profil in gardes]
        return tableau(lignes, list(self.COLONNES_PERSONNES))

    def tableau_eleves(self, le: date | None = None) -> pd.DataFrame:
        """Les élèves, avec leur classe et leurs responsables légaux ; si une date ``le``
        est donnée, une colonne « Âge » donne leur âge à cette date (majeur ou mineur)."""
        if le is not None and not isinstance(le, date):
            raise ValeurInvalide("« le » doit être une date, par exemple date(2026, 9, 1).")
        lignes = []
        for e in self.eleves():
            niveau = self.classes[e.classe].niveau if e.classe in self.classes else ""
            responsables = ", ".join(
                f"{self.personnes[r].nom_complet} ({getattr(self.personnes[r], 'lien', '')})"
                for r in e.responsables if r in self.personnes)
            ligne = [e.identifiant, e.prenom, e.nom, e.classe, niveau, e.date_naissance,
                     responsables]
            if le is not None:
                ligne.insert(6, e.age(le))
            lignes.append(ligne)
        colonnes = list(self.COLONNES_ELEVES)
        if le is not None:
            colonnes.insert(6, "Âge")
        return tableau(lignes, colonnes)

    def tableau_classes(self) -> pd.DataFrame:
        """Les classes : effectif, professeur principal, nombre d'enseignants."""
        lignes = [(c.code, c.libelle, c.niveau, c.serie, len(c.eleves),
                   self._nom_de(c.professeur_principal), len(set(c.enseignements.values())))
                  for c in self.classes.values()]
        return tableau(lignes, list(self.COLONNES_CLASSES))

    def tableau_liens_familiaux(self) -> pd.DataFrame:
        """Une ligne par lien élève ↔ responsable légal (ce qu'un parent a le droit de voir
        découle de ces liens)."""
        lignes = []
        for e in self.eleves():
            for r in e.responsables:
                parent = self.personnes.get(r)
                lignes.append((e.identifiant, e.nom_complet, e.classe, r,
                               parent.nom_complet if parent else "",
                               getattr(parent, "lien", "")))
        return tableau(lignes, list(self.COLONNES_LIENS))

    def tableau_enseignements(self) -> pd.DataFrame:
        """Une ligne par enseignement assuré : enseignant × discipline × classe."""
        lignes = []
        for prof in self.enseignants():
            for code, discipline in prof.enseignements:
                classe = self.classes.get(code)
                principal = classe is not None and classe.professeur_principal == prof.identifiant
                lignes.append((prof.identifiant, prof.nom_complet, discipline, code, principal))
        return tableau(lignes, list(self.COLONNES_ENSEIGNEMENTS))

    def resume(self) -> pd.DataFrame:
        """Le nombre de comptes par profil (les cinq profils, même absents), et le total."""
        lignes = [(profil.value, len(self.par_profil(profil))) for profil in Profil]
        lignes.append(("Total", len(self.personnes)))
        return tableau(lignes, ["Profil", "Comptes"])

    def __len__(self) -> int:
        return len(self.personnes)

    def __repr__(self) -> str:
        return (f"Etablissement({self.nom!r}, {len(self.eleves())} élèves, "
                f"{len(self.classes)} classes)")
