"""Les personnes tirées au hasard : personnels, élèves et leurs familles, comptes extérieurs.

Noms et prénoms sont tirés selon leur fréquence dans la génération de la personne
(:mod:`~entsim.etablissement.generation.donnees_livrees`) ; les personnages du récit
(:mod:`~entsim.etablissement.generation.recit`) gardent leurs noms fixes et leurs
identifiants, réservés d'avance. Une famille a un ou deux responsables légaux (parents ou
tuteur) ; le double nom des enfants suit la loi du 4 mars 2002 (appliquée en 2005). Les
adresses de messagerie sont dans le domaine :data:`DOMAINE_ENT`, réservé par la RFC 2606.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from entsim.etablissement.annuaire import (Eleve, Enseignant, Fonction, Invite, Parent,
                                           Personnel, Profil)
from entsim.etablissement.generation.donnees_livrees import donnees_livrees
from entsim.etablissement.generation.plan import (FORMATIONS, PART_EN_AVANCE, PART_EN_RETARD,
                                                  PlanClasse, personas_presents,
                                                  seconde_du_recit)
from entsim.etablissement.generation.recit import (CAROLINE_FAURE, CLASSE_DEMO, EMILIE_ROUSSEAU,
                                                   HUGO_BERNARD, INES_HADDAD, ISABELLE_MOREAU,
                                                   JULIEN_ROUX, KARIM_BERNARD, LEA_MARTIN,
                                                   MARC_GIRARD, MEHDI_HADDAD, ORGANISME_INVITE,
                                                   PHILIPPE_LEFEVRE, SAMIRA_HADDAD,
                                                   SANDRINE_ROBERT, SOPHIE_MARTIN,
                                                   STEPHANE_GARNIER, THOMAS_LAMBERT,
                                                   YANIS_HADDAD, Persona)
from entsim.etablissement.identifiants import GenerateurIdentifiants

__all__ = ["DOMAINE_ENT", "PART_FAMILLES_FRATRIE", "PART_FRATRIES_DE_TROIS",
           "PART_PRENOM_MEME_LANGUE", "Place", "date_dans", "annee_tiree", "FabriqueComptes"]

#: Domaine des adresses de messagerie ENT. ``.example`` est réservé par la RFC 2606 :
#: aucune adresse générée ne peut appartenir à une vraie personne.
DOMAINE_ENT = "ent.example"
#: Part des familles qui ont plusieurs enfants scolarisés au lycée.
PART_FAMILLES_FRATRIE = 0.10
#: Parmi ces familles, part de celles qui en ont trois (un par niveau).
PART_FRATRIES_DE_TROIS = 0.10
#: Chance qu'un prénom soit tiré dans la même aire linguistique que le nom de famille
#: (sinon il est tiré parmi tous les prénoms de la génération).
PART_PRENOM_MEME_LANGUE: dict[str, float] = {
    "ar": 0.6, "af": 0.5, "tr": 0.6, "pt": 0.35, "es": 0.2, "it": 0.2, "vi": 0.2, "zh": 0.15,
}


@dataclass
class Place:
    """Une place d'élève dans une classe, en attente d'une famille."""

    classe: str
    formation: str


def date_dans(rng: random.Random, annee: int) -> date:
    """Un jour de l'année ``annee``, tiré au hasard."""
    debut = date(annee, 1, 1)
    return debut + timedelta(days=rng.randrange((date(annee + 1, 1, 1) - debut).days))


def annee_tiree(rng: random.Random, bas: float, haut: float, mode: float) -> int:
    """Une année tirée selon une loi triangulaire (de ``bas`` à ``haut``, le plus souvent
    ``mode``)."""
    return round(rng.triangular(bas, haut, mode))


class FabriqueComptes:
    """Crée les comptes d'un établissement pas à pas ; chaque tirage vient de ``rng``.

    Les enseignants sont ajoutés par
    :class:`~entsim.etablissement.generation.enseignants.FabriqueEnseignants`."""

    def __init__(self, rng: random.Random, nb_eleves: int | None) -> None:
        self.rng = rng
        self.nb_eleves = nb_eleves
        self.d = donnees_livrees()
        self.ids = GenerateurIdentifiants()
        self.personnels: list[Personnel] = []
        self.enseignants: list[Enseignant] = []
        self.eleves: list[Eleve] = []
        self.parents: list[Parent] = []
        self.invites: list[Invite] = []
        #: identifiants retenus d'avance pour les personnages du récit : un homonyme tiré
        #: au hasard (un parent nommé Nicolas Durand…) reçoit alors « nicolas.durand2 ».
        self._reserves: dict[Persona, str] = {}

    def reserver_personas(self, personas: Sequence[Persona]) -> None:
        for persona in personas:
            self._reserves[persona] = self.ids.generer(persona.prenom, persona.nom)

    def _identifiant(self, prenom: str, nom: str, persona: Persona | None) -> str:
        if persona is not None:
            return self._reserves.pop(persona)
        return self.ids.generer(prenom, nom)

    # -- noms ----------------------------------------------------------------------
    def _cohorte(self, annee: int) -> str:
        for debut, fin, nom in self.d.cohortes:
            if debut <= annee <= fin:
                return nom
        return min(self.d.cohortes, key=lambda c: min(abs(annee - c[0]), abs(annee - c[1])))[2]

    def _prenom(self, sexe: str, annee: int, nom: str, exclus: Sequence[str] = ()) -> str:
        cohorte = self._cohorte(annee)
        langue = self.d.langue_nom.get(nom.split("-")[0], "fr")
        urne = self.d.prenoms[(sexe, cohorte)]
        part = PART_PRENOM_MEME_LANGUE.get(langue, 0.0)
        propre = self.d.prenoms_langue.get((sexe, cohorte, langue))
        if propre is not None and self.rng.random() < part:
            urne = propre
        prenom = urne.tirer(self.rng)
        for _ in range(20):                # deux enfants d'une famille n'ont pas le même prénom
            if prenom not in exclus:
                break
            prenom = urne.tirer(self.rng)
        return prenom

    def _nom(self, autre_que: str = "") -> str:
        nom = self.d.noms.tirer(self.rng)
        while nom == autre_que:
            nom = self.d.noms.tirer(self.rng)
        return nom

    def _courriel(self, identifiant: str) -> str:
        return f"{identifiant}@{DOMAINE_ENT}"

    # -- comptes -------------------------------------------------------------------
    def _personnel(self, prenom: str, nom: str, naissance: date, service: str,
                   *fonctions: Fonction, persona: Persona | None = None) -> Personnel:
        ident = self._identifiant(prenom, nom, persona)
        p = Personnel(ident, prenom, nom, Profil.PERSONNEL, set(fonctions), naissance,
                      self._courriel(ident), service=service)
        self.personnels.append(p)
        return p

    def _personnel_tire(self, bas: int, haut: int, mode: int, service: str,
                        *fonctions: Fonction, part_femmes: float = 0.6) -> Personnel:
        annee = annee_tiree(self.rng, bas, haut, mode)
        sexe = "F" if self.rng.random() < part_femmes else "M"
        nom = self._nom()
        return self._personnel(self._prenom(sexe, annee, nom), nom,
                               date_dans(self.rng, annee), service, *fonctions)

    def _persona_personnel(self, persona: Persona, service: str,
                           *fonctions: Fonction) -> Personnel:
        return self._personnel(persona.prenom, persona.nom, persona.date_naissance, service,
                               *fonctions, persona=persona)

    def construire_personnels(self) -> None:
        """Direction, intendance, secrétariat, vie scolaire, dimensionnés au lycée."""
        n = self.nb_eleves or 0
        self._persona_personnel(PHILIPPE_LEFEVRE, "Direction", Fonction.CHEF_ETABLISSEMENT)
        self._persona_personnel(CAROLINE_FAURE, "Direction", Fonction.ADJOINT)
        if n >= 1200:
            self._personnel_tire(1965, 1988, 1975, "Direction", Fonction.ADJOINT)
        self._persona_personnel(STEPHANE_GARNIER, "Intendance", Fonction.GESTIONNAIRE)
        self._persona_personnel(SANDRINE_ROBERT, "Secrétariat", Fonction.SECRETARIAT)
        for _ in range(n // 800):
            self._personnel_tire(1962, 1998, 1978, "Secrétariat", Fonction.SECRETARIAT,
                                 part_femmes=0.85)
        self._persona_personnel(ISABELLE_MOREAU, "Vie scolaire", Fonction.CPE)
        for _ in range(max(1, round(n / 500)) - 1):
            self._personnel_tire(1968, 1996, 1982, "Vie scolaire", Fonction.CPE,
                                 part_femmes=0.7)
        self._persona_personnel(THOMAS_LAMBERT, "Vie scolaire", Fonction.VIE_SCOLAIRE)
        for _ in range(max(1, round(n / 120)) - 1):
            self._personnel_tire(1996, 2006, 2001, "Vie scolaire", Fonction.VIE_SCOLAIRE,
                                 part_femmes=0.55)

    # -- élèves et familles --------------------------------------------------------
    def _naissance_eleve(self, formation: str) -> date:
        annee = FORMATIONS[formation][3]
        tirage = self.rng.random()
        if tirage < PART_EN_RETARD[formation]:
            annee -= 1
        elif tirage > 1 - PART_EN_AVANCE:
            annee += 1
        return date_dans(self.rng, annee)

    def _eleve(self, prenom: str, nom: str, naissance: date, place: Place,
               persona: Persona | None = None) -> Eleve:
        ident = self._identifiant(prenom, nom, persona)
        e = Eleve(ident, prenom, nom, Profil.ELEVE, set(), naissance, self._courriel(ident),
                  classe=place.classe)
        self.eleves.append(e)
        return e

    def _parent(self, prenom: str, nom: str, naissance: date, lien: str,
                enfants: list[Eleve], persona: Persona | None = None) -> Parent:
        ident = self._identifiant(prenom, nom, persona)
        p = Parent(ident, prenom, nom, Profil.PARENT, set(), naissance, self._courriel(ident),
                   enfants=[e.identifiant for e in enfants], lien=lien)
        for e in enfants:
            e.responsables.append(ident)
        self.parents.append(p)
        return p

    def _parent_tire(self, sexe: str, nom: str, annee: int, lien: str,
                     enfants: list[Eleve]) -> Parent:
        return self._parent(self._prenom(sexe, annee, nom), nom, date_dans(self.rng, annee),
                            lien, enfants)

    def _famille(self, places: list[Place]) -> None:
        """Une famille tirée au hasard : ses enfants (aux places données) et ses
        responsables légaux (un ou deux, parents ou tuteur)."""
        rng = self.rng
        nom_pere = self._nom()
        tirage = rng.random()
        nom_mere = nom_pere
        if 0.50 <= tirage < 0.74 or 0.83 <= tirage < 0.92:
            nom_mere = self._nom(autre_que=nom_pere)      # la mère garde son propre nom
        nom_enfants = nom_pere
        if 0.70 <= tirage < 0.74:       # double nom (loi du 4 mars 2002, appliquée en 2005)
            nom_enfants = f"{nom_pere}-{nom_mere}"
        enfants: list[Eleve] = []
        for place in places:
            naissance = self._naissance_eleve(place.formation)
            sexe = "F" if rng.random() < 0.5 else "M"
            prenom = self._prenom(sexe, naissance.year, nom_enfants,
                                  exclus=[e.prenom for e in enfants])
            enfants.append(self._eleve(prenom, nom_enfants, naissance, place))
        aine = min(e.date_naissance.year for e in enfants)  # type: ignore[union-attr]
        mere = aine - annee_tiree(rng, 19, 45, 30)
        pere = aine - annee_tiree(rng, 21, 55, 33)
        if tirage < 0.74:                                   # deux parents
            self._parent_tire("F", nom_mere, mere, "Mère", enfants)
            self._parent_tire("M", nom_pere, pere, "Père", enfants)
        elif tirage < 0.75:                                 # deux mères
            self._parent_tire("F", nom_pere, mere, "Mère", enfants)
            self._parent_tire("F", self._nom(autre_que=nom_pere),
                              aine - annee_tiree(rng, 21, 50, 32), "Mère", enfants)
        elif tirage < 0.92:                                 # mère seule responsable
            self._parent_tire("F", nom_mere, mere, "Mère", enfants)
        elif tirage < 0.97:                                 # père seul responsable
            self._parent_tire("M", nom_pere, pere, "Père", enfants)
        else:                                               # tuteur ou tutrice
            sexe = "F" if rng.random() < 0.6 else "M"
            nom = nom_pere if rng.random() < 0.5 else self._nom(autre_que=nom_pere)
            self._parent_tire(sexe, nom, aine - annee_tiree(rng, 25, 68, 45),
                              "Tutrice" if sexe == "F" else "Tuteur", enfants)

    def construire_eleves(self, plan: list[PlanClasse]) -> None:
        places: dict[str, list[Place]] = {}
        for c in plan:
            places.setdefault(c.niveau, []).extend(
                Place(c.code, c.formation) for _ in range(c.effectif))
        self._familles_du_recit(plan, places)
        for liste in places.values():
            self.rng.shuffle(liste)
        restantes = sum(len(l) for l in places.values())
        nb_familles = restantes / (1 + PART_FAMILLES_FRATRIE * (1 + PART_FRATRIES_DE_TROIS))
        for _ in range(round(nb_familles * PART_FAMILLES_FRATRIE)):
            niveaux = [n for n, l in places.items() if l]
            if len(niveaux) < 2:
                break
            taille = 3 if len(niveaux) >= 3 and self.rng.random() < PART_FRATRIES_DE_TROIS else 2
            self._famille([places[n].pop() for n in self.rng.sample(niveaux, taille)])
        for liste in places.values():
            while liste:
                self._famille([liste.pop()])

    def _prendre(self, places: dict[str, list[Place]], code: str) -> Place:
        for liste in places.values():
            for i, place in enumerate(liste):
                if place.classe == code:
                    return liste.pop(i)
        raise AssertionError(f"plus de place libre en {code}")  # exclu par personas_presents

    def _eleve_persona(self, persona: Persona, place: Place) -> Eleve:
        return self._eleve(persona.prenom, persona.nom, persona.date_naissance, place, persona)

    def _parent_persona(self, persona: Persona, lien: str, enfants: list[Eleve]) -> Parent:
        return self._parent(persona.prenom, persona.nom, persona.date_naissance, lien, enfants,
                            persona)

    def _familles_du_recit(self, plan: list[PlanClasse],
                           places: dict[str, list[Place]]) -> None:
        """Léa Martin, Hugo Bernard et la fratrie Haddad, si leurs classes existent."""
        presents = personas_presents(plan)
        if LEA_MARTIN not in presents:
            return
        lea = self._eleve_persona(LEA_MARTIN, self._prendre(places, CLASSE_DEMO))
        self._parent_persona(SOPHIE_MARTIN, "Mère", [lea])
        if HUGO_BERNARD not in presents:
            return
        hugo = self._eleve_persona(HUGO_BERNARD, self._prendre(places, CLASSE_DEMO))
        self._parent_persona(EMILIE_ROUSSEAU, "Mère", [hugo])
        self._parent_persona(KARIM_BERNARD, "Père", [hugo])
        if INES_HADDAD not in presents:
            return
        fratrie = [self._eleve_persona(INES_HADDAD, self._prendre(places, CLASSE_DEMO))]
        if YANIS_HADDAD in presents:
            fratrie.append(self._eleve_persona(YANIS_HADDAD,
                                               self._prendre(places, seconde_du_recit(plan))))
        self._parent_persona(SAMIRA_HADDAD, "Mère", fratrie)
        self._parent_persona(MEHDI_HADDAD, "Père", fratrie)

    # -- comptes extérieurs --------------------------------------------------------
    def construire_invites(self, college: str) -> None:
        for persona, organisme, fonctions in (
                (JULIEN_ROUX, f"{college} (collège de secteur)", {Fonction.PARTENAIRE}),
                (MARC_GIRARD, ORGANISME_INVITE, set())):
            ident = self._identifiant(persona.prenom, persona.nom, persona)
            self.invites.append(Invite(ident, persona.prenom, persona.nom, Profil.INVITE,
                                       set(fonctions), persona.date_naissance,
                                       self._courriel(ident), organisme=organisme))
