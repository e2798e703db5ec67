"""La vie de la classe qui rythme l'ENT : évaluations (et publication des notes), travail
à faire écrit au cahier de textes, pics de fin de trimestre.

Choix de modèle : chaque enseignement (un professeur, une classe, une discipline) donne une
évaluation toutes les trois semaines de classe environ ; les notes sont saisies et publiées
par l'enseignant lors d'une de ses connexions, 3 à 14 jours après l'évaluation ; le travail
à faire est écrit 1 à 10 jours avant l'échéance (la plupart du temps plusieurs jours avant :
c'est ce que le cahier de textes en ligne change pour les familles).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from entsim.activite.calendrier import CalendrierScolaire
from entsim.activite.population import Population
from entsim.activite.sessions import Sessions

__all__ = ["Planification", "tirer_evaluations", "tirer_devoirs", "jours_fin_de_trimestre",
           "attacher"]

SECONDES_PAR_JOUR = 86400


@dataclass
class Planification:
    """Des écritures planifiées (évaluations ou devoirs), chacune rattachée à une session
    de l'enseignant (``session`` = -1 : aucune session dans la fenêtre, écriture abandonnée)."""

    enseignement: np.ndarray   # indice dans pop.enseignements
    jour: np.ndarray           # jour de l'évaluation, ou échéance du travail (indice de jour)
    session: np.ndarray        # indice de session de l'enseignant


def _jours_de_classe(types: np.ndarray) -> np.ndarray:
    return np.flatnonzero(types <= 1)


def _tirer(pop: Population, types: np.ndarray, rng: np.random.Generator,
           jours_par_ecriture: float) -> tuple[np.ndarray, np.ndarray]:
    """(enseignement, jour de classe) : en moyenne une écriture tous les
    ``jours_par_ecriture`` jours de classe par enseignement, triées."""
    classe = _jours_de_classe(types)
    if len(classe) == 0 or not pop.enseignements:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int64)
    nombre = rng.poisson(len(classe) / jours_par_ecriture, len(pop.enseignements))
    ens = np.repeat(np.arange(len(pop.enseignements)), nombre).astype(np.int32)
    jour = classe[rng.integers(0, len(classe), len(ens))]
    ordre = np.lexsort((jour, ens))
    return ens[ordre], jour[ordre]


def tirer_evaluations(pop: Population, types: np.ndarray,
                      rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """(enseignement, jour) de chaque évaluation : une toutes les trois semaines de classe
    environ (15 jours de classe)."""
    return _tirer(pop, types, rng, 15)


def tirer_devoirs(pop: Population, types: np.ndarray,
                  rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """(enseignement, jour d'échéance) de chaque travail à faire : un peu plus d'un par
    semaine de classe et par enseignement."""
    return _tirer(pop, types, rng, 4.5)


def attacher(pop: Population, sessions: Sessions, enseignement: np.ndarray,
             jour: np.ndarray, decalage_min: int, decalage_max: int,
             rng: np.random.Generator) -> Planification:
    """Rattache chaque écriture à une session de son enseignant dont le jour est dans
    [jour + decalage_min, jour + decalage_max] (au hasard parmi elles), vectorisé avec
    ``np.searchsorted`` sur les sessions triées par (personne, début)."""
    profs = np.array([e[0] for e in pop.enseignements], dtype=np.int64)[enseignement] \
        if len(enseignement) else np.zeros(0, dtype=np.int64)
    grand = np.int64(1) << 40
    cle = sessions.personne.astype(np.int64) * grand + sessions.debut
    ordre = np.argsort(cle, kind="stable")
    cle_triee = cle[ordre]
    bas = np.searchsorted(cle_triee, profs * grand + (jour + decalage_min) * SECONDES_PAR_JOUR)
    haut = np.searchsorted(cle_triee,
                           profs * grand + (jour + decalage_max + 1) * SECONDES_PAR_JOUR)
    choisie = np.full(len(enseignement), -1, dtype=np.int64)
    ok = haut > bas
    rang = bas[ok] + (rng.random(ok.sum()) * (haut[ok] - bas[ok])).astype(np.int64)
    choisie[ok] = ordre[rang]
    return Planification(enseignement, jour, choisie)


def jours_fin_de_trimestre(calendrier: CalendrierScolaire, debut: date,
                           nombre_de_jours: int) -> np.ndarray:
    """Masque des jours de « fin de trimestre » : les deux semaines avant la fin de chaque
    trimestre (saisie des notes et des appréciations) et les semaines des conseils de
    classe (choix d'établissement, voir :mod:`entsim.activite.calendrier`)."""
    masque = np.zeros(nombre_de_jours, dtype=bool)
    periodes = [(fin - timedelta(days=13), fin) for _, _, fin in calendrier.trimestres()]
    periodes += [(d, f) for _, d, f in calendrier.conseils_de_classe()]
    for d, f in periodes:
        a = max((d - debut).days, 0)
        b = min((f - debut).days + 1, nombre_de_jours)
        if a < b:
            masque[a:b] = True
    return masque
