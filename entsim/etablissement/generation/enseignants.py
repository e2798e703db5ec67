"""Les services des enseignants : qui enseigne quoi dans chaque classe.

Les enseignements de chaque classe (:mod:`~entsim.etablissement.generation.plan`) sont
regroupés en lots confiés à un même professeur de la bonne discipline, chacun au plus à
:data:`SERVICE_ENSEIGNANT` heures par semaine : le service d'un professeur certifié (décret
n° 2014-940 du 20 août 2014). Chaque classe reçoit un professeur principal (simplification
assumée : un seul, alors qu'en terminale il y en a souvent deux) ; les professeurs
documentalistes tiennent le CDI.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from entsim.etablissement.annuaire import Classe, Enseignant, Fonction, Profil
from entsim.etablissement.generation.personnes import FabriqueComptes, annee_tiree, date_dans
from entsim.etablissement.generation.plan import MSGN_SIG, PlanClasse
from entsim.etablissement.generation.recit import (CLAIRE_FONTAINE, CLASSE_DEMO, NICOLAS_DURAND,
                                                   Persona)

__all__ = ["SERVICE_ENSEIGNANT", "FabriqueEnseignants"]

#: Service hebdomadaire d'un professeur certifié (décret n° 2014-940 du 20 août 2014).
SERVICE_ENSEIGNANT = 18.0


@dataclass
class _Lot:
    """Les enseignements d'une classe confiés à un même professeur."""

    classe: str
    corps: str
    cle: str
    disciplines: list[str]
    heures: float


@dataclass
class _Service:
    lots: list[_Lot] = field(default_factory=list)

    @property
    def heures(self) -> float:
        return sum(l.heures for l in self.lots)


class FabriqueEnseignants(FabriqueComptes):
    """Ajoute à la fabrique des comptes les enseignants et leurs services."""

    def construire_enseignants(self, plan: list[PlanClasse],
                               classes: dict[str, Classe]) -> None:
        """Répartit les enseignements de chaque classe entre des professeurs de la bonne
        discipline, chacun au plus à :data:`SERVICE_ENSEIGNANT` heures par semaine."""
        lots_par_corps: dict[str, list[_Lot]] = {c: [] for c in self.d.corps}
        rang_lot: dict[tuple[str, str], int] = {}
        rang_classe = {code: i for i, code in enumerate(classes)}
        for c in plan:
            lots: dict[tuple[str, str], _Lot] = {}
            for e in c.enseignements:
                rang_lot.setdefault((e.corps, e.lot), len(rang_lot))
                lot = lots.setdefault((e.corps, e.lot), _Lot(c.code, e.corps, e.lot, [], 0.0))
                lot.disciplines.append(e.discipline)
                lot.heures += e.heures
            for lot in lots.values():
                lots_par_corps[lot.corps].append(lot)
        heures: dict[tuple[str, str], float] = {}          # (identifiant, classe) → heures
        for corps, lots in lots_par_corps.items():
            if not lots:
                continue
            # Un professeur enseigne de préférence la même chose dans plusieurs classes :
            # lots regroupés par nature, classes mélangées ; le lot SIG de TSTMG1 en tête
            # (il revient à Nicolas Durand).
            self.rng.shuffle(lots)
            lots.sort(key=lambda l: (not (l.classe == CLASSE_DEMO and MSGN_SIG in l.disciplines),
                                     rang_lot[(l.corps, l.cle)]))
            services: list[_Service] = []
            for lot in lots:        # premier service où le lot tient, jamais deux lots
                for service in services:   # d'une même classe pour un même professeur
                    if (service.heures + lot.heures <= SERVICE_ENSEIGNANT
                            and all(l.classe != lot.classe for l in service.lots)):
                        service.lots.append(lot)
                        break
                else:
                    services.append(_Service([lot]))
            for rang, service in enumerate(services):
                durand = (rang == 0 and service.lots[0].classe == CLASSE_DEMO
                          and MSGN_SIG in service.lots[0].disciplines)
                prof = self._enseignant(NICOLAS_DURAND if durand else None)
                service.lots.sort(key=lambda l: rang_classe[l.classe])
                for lot in service.lots:
                    for discipline in lot.disciplines:
                        prof.enseignements.append((lot.classe, discipline))
                        if discipline not in prof.disciplines:
                            prof.disciplines.append(discipline)
                        classes[lot.classe].enseignements[discipline] = prof.identifiant
                    cle = (prof.identifiant, lot.classe)
                    heures[cle] = heures.get(cle, 0.0) + lot.heures
        # ordre d'affichage des enseignements d'une classe : celui des grilles horaires
        for c in plan:
            ordre = [e.discipline for e in c.enseignements]
            classe = classes[c.code]
            classe.enseignements = {d: classe.enseignements[d] for d in ordre}
        self._professeurs_principaux(classes, heures)
        self._documentalistes()

    def _enseignant(self, persona: Persona | None) -> Enseignant:
        if persona is not None:
            prenom, nom, naissance = persona.prenom, persona.nom, persona.date_naissance
        else:
            annee = annee_tiree(self.rng, 1962, 2001, 1980)
            nom = self._nom()
            prenom = self._prenom("F" if self.rng.random() < 0.6 else "M", annee, nom)
            naissance = date_dans(self.rng, annee)
        ident = self._identifiant(prenom, nom, persona)
        prof = Enseignant(ident, prenom, nom, Profil.ENSEIGNANT, set(), naissance,
                          self._courriel(ident))
        self.enseignants.append(prof)
        return prof

    def _professeurs_principaux(self, classes: dict[str, Classe],
                                heures: dict[tuple[str, str], float]) -> None:
        """Un professeur principal par classe, choisi parmi ceux qui y enseignent le plus ;
        un professeur n'est principal que d'une classe tant que c'est possible."""
        deja: set[str] = set()
        index = {p.identifiant: p for p in self.enseignants}
        ordre = sorted(classes, key=lambda code: code != CLASSE_DEMO)
        for code in ordre:
            classe = classes[code]
            profs = list(dict.fromkeys(classe.enseignements.values()))
            if code == CLASSE_DEMO and NICOLAS_DURAND.identifiant in profs:
                choix = NICOLAS_DURAND.identifiant
            else:
                libres = [p for p in profs if p not in deja and heures[(p, code)] >= 2]
                libres = libres or [p for p in profs if p not in deja] or profs
                choix = self.rng.choices(libres, weights=[heures[(p, code)] for p in libres])[0]
            classe.professeur_principal = choix
            deja.add(choix)
            index[choix].fonctions.add(Fonction.PROFESSEUR_PRINCIPAL)

    def _documentalistes(self) -> None:
        """Professeurs documentalistes (profil Enseignant, sans classe) ; la première est
        aussi administratrice locale de l'ENT et référente numérique (RUPN)."""
        nombre = max(1, math.ceil((self.nb_eleves or 0) / 1200))
        for rang in range(nombre):
            prof = self._enseignant(CLAIRE_FONTAINE if rang == 0 else None)
            prof.disciplines.append("Documentation")
            prof.fonctions.add(Fonction.DOCUMENTALISTE)
            if rang == 0:
                prof.fonctions.update({Fonction.ADMINISTRATEUR_LOCAL,
                                       Fonction.REFERENT_NUMERIQUE})
