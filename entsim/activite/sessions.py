"""Tirer les sessions (qui se connecte, quel jour, à quelle heure, depuis quel poste) et les
services ouverts dans chacune, vectorisé avec numpy : un tableau personnes × jours de nombres
de connexions, puis ``np.repeat`` ; aucune boucle par événement.

Garanties (pour qu'une activité normale ne ressemble jamais à un incident) : au plus une
session par personne et par heure d'horloge ; une session commence entre h:00 et h:40 et dure
au plus 18 minutes (elle reste dans l'heure, donc deux sessions d'une même personne ne se
chevauchent jamais) ; chaque session commence par « Connexion réussie ».
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from entsim.activite.population import Population
from entsim.activite.rythmes import (GROUPES, HEURES, SERVICES_PAR_SESSION, TAUX,
                                     DECONNEXION, FAUTE_DE_FRAPPE)

__all__ = ["POSTES", "Sessions", "types_de_jour", "facteurs_activite", "tirer_sessions",
           "concatener"]

#: Les postes de travail des lignes simulées (indice = code).
POSTES = ("Poste du CDI", "Ordinateur de la maison", "Téléphone", "Salle des professeurs",
          "Bureau de l'administration", "Bureau de la vie scolaire", "Bureau du CDI")
CDI, MAISON, TELEPHONE, SALLE_DES_PROFS, ADMINISTRATION, VIE_SCOLAIRE, BUREAU_CDI = range(7)


@dataclass
class Sessions:
    """Des sessions (une valeur par session dans chaque tableau)."""

    personne: np.ndarray     # int32
    debut: np.ndarray        # int64, secondes depuis minuit du premier jour
    poste: np.ndarray        # int16
    faute: np.ndarray        # bool : un échec de connexion (faute de frappe) avant
    deconnexion: np.ndarray  # bool : fermée par « Déconnexion »

    def __len__(self) -> int:
        return len(self.personne)

    def garder(self, masque: np.ndarray) -> "Sessions":
        return Sessions(self.personne[masque], self.debut[masque], self.poste[masque],
                        self.faute[masque], self.deconnexion[masque])


def concatener(liste: list[Sessions]) -> Sessions:
    return Sessions(*(np.concatenate([getattr(s, n) for s in liste])
                      for n in ("personne", "debut", "poste", "faute", "deconnexion")))


def types_de_jour(natures: np.ndarray, jours_semaine: np.ndarray) -> np.ndarray:
    """Le type de jour de rythme (indice dans ``TYPES_DE_JOUR``) à partir de la nature du
    jour (cours, week-end, vacances, férié) et du jour de la semaine (0 = lundi)."""
    types = np.zeros(len(natures), dtype=np.int8)
    types[(natures == 0) & (jours_semaine == 2)] = 1
    types[(natures == 1) & (jours_semaine == 5)] = 2
    types[(natures == 1) & (jours_semaine == 6)] = 3
    types[natures == 2] = 4
    types[natures == 3] = 5
    return types


def facteurs_activite(pop: Population, rng: np.random.Generator) -> np.ndarray:
    """Le facteur d'activité de chaque personne (moyenne ≈ 1, queue lourde).

    Choix de modèle : un parent sur cinq ne se connecte presque jamais (la fracture
    numérique du récit, graine 004) ; un élève sur vingt se connecte tous les jours."""
    n = len(pop)
    facteur = rng.lognormal(-0.25, 0.7, n)
    groupe = pop.groupes
    parent = groupe == GROUPES.index("parent")
    eleve = groupe == GROUPES.index("eleve")
    facteur[parent] = rng.lognormal(-0.3, 0.8, parent.sum())
    eloignes = parent & (rng.random(n) < 0.2)
    facteur[eloignes] = 0.03
    assidus = eleve & (rng.random(n) < 0.05)
    facteur[assidus] = 3.0
    personnels = ~(parent | eleve)
    facteur[personnels] = rng.lognormal(-0.05, 0.3, personnels.sum())
    return facteur


def tirer_sessions(pop: Population, personnes: np.ndarray, types: np.ndarray,
                   facteur: np.ndarray, pics: np.ndarray | None,
                   rng: np.random.Generator) -> Sessions:
    """Les sessions d'un groupe de personnes (même groupe de rythme) sur la période.

    ``pics`` : multiplicateurs (personnes × jours) ou None."""
    groupe = GROUPES[pop.groupes[personnes[0]]]
    taux_jour = np.array(TAUX[groupe])[types]                        # jours
    taux = facteur[personnes][:, None] * taux_jour[None, :]
    if pics is not None:
        taux = taux * pics
    nombres = rng.poisson(taux)
    p_idx, j_idx = np.nonzero(nombres)
    repetitions = nombres[p_idx, j_idx]
    qui = np.repeat(personnes[p_idx], repetitions).astype(np.int32)
    jour = np.repeat(j_idx, repetitions).astype(np.int64)
    # l'heure : distribution du groupe selon le type de jour (inverse de la répartition)
    heure = np.zeros(len(qui), dtype=np.int64)
    type_session = types[jour]
    for t in range(len(HEURES[groupe])):
        choix = type_session == t
        if choix.any():
            cumul = np.cumsum(HEURES[groupe][t])
            heure[choix] = np.minimum(np.searchsorted(cumul, rng.random(choix.sum()),
                                                      side="right"), 23)
    # au plus une session par personne et par heure d'horloge
    cle = (qui.astype(np.int64) * 400 + jour) * 24 + heure
    _, premiers = np.unique(cle, return_index=True)
    premiers.sort()
    qui, jour, heure = qui[premiers], jour[premiers], heure[premiers]
    n = len(qui)
    debut = jour * 86400 + heure * 3600 + rng.integers(0, 40, n) * 60 + rng.integers(0, 60, n)
    poste = _postes(pop, groupe, qui, types[jour], heure, rng)
    faute = rng.random(n) < FAUTE_DE_FRAPPE
    deconnexion = rng.random(n) < DECONNEXION[groupe]
    return Sessions(qui, debut, poste, faute, deconnexion)


def _postes(pop: Population, groupe: str, qui: np.ndarray, types: np.ndarray,
            heure: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    maison = pop.poste_maison[qui]
    au_lycee = ((types == 0) & (heure >= 8) & (heure < 17)) | \
               ((types == 1) & (heure >= 8) & (heure < 12))
    sur_place = {"eleve": CDI, "enseignant": SALLE_DES_PROFS, "documentaliste": BUREAU_CDI,
                 "vie_scolaire": VIE_SCOLAIRE, "bureau": ADMINISTRATION}.get(groupe)
    if groupe in ("vie_scolaire", "bureau", "documentaliste"):
        au_lycee = (types <= 1) & (heure >= 7) & (heure < 18)
    if sur_place is None:
        return maison
    return np.where(au_lycee, sur_place, maison).astype(np.int16)


def services_des_sessions(pop: Population, sessions: Sessions,
                          rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Les services ouverts : (session, service) pour chaque ouverture, dans l'ordre de la
    session. Tirés parmi les services que l'autorisation ouvre à la personne."""
    n = len(sessions)
    groupes = pop.groupes[sessions.personne]
    moyenne = np.array([SERVICES_PAR_SESSION[g] for g in GROUPES])[groupes]
    nombre = 1 + rng.poisson(moyenne - 1)
    nombre = np.minimum(nombre, 5)
    session = np.repeat(np.arange(n), nombre)
    qui = sessions.personne[session]
    service = np.full(len(session), -1, dtype=np.int16)
    tirage = rng.random(len(session))
    # une boucle par signature de services (quelques dizaines), pas par événement
    signatures: dict[int, list[int]] = {}
    for i in np.unique(qui):
        signatures.setdefault(id(pop.services_ouverts[i][0]), []).append(int(i))
    appartient = np.zeros(len(pop), dtype=np.int32)
    listes = []
    for k, membres in enumerate(signatures.values()):
        appartient[membres] = k
        listes.append(pop.services_ouverts[membres[0]])
    sig = appartient[qui]
    for k, (codes, probas) in enumerate(listes):
        choix = sig == k
        if not choix.any() or len(codes) == 0:
            continue
        cumul = np.cumsum(probas)
        rang = np.minimum(np.searchsorted(cumul, tirage[choix], side="right"), len(codes) - 1)
        service[choix] = codes[rang]
    garder = service >= 0
    return session[garder], service[garder]
