"""Les rythmes d'usage de l'ENT par profil : combien de connexions par jour, à quelle heure,
quels services.

Ce sont des **choix de modèle**, pas des mesures : les ordres de grandeur suivent ce que
décrivent le cours (CERTA 2013, questions 4 à 6 : parents le soir, enseignants qui
travaillent le soir et le week-end, vie scolaire qui fait l'appel le matin), le récit de la
séance (graine 004 : la fracture numérique, des familles qui ne se connectent presque
jamais) et le calendrier scolaire. Chaque valeur est écrite ici une fois, avec sa raison.

Un nombre de connexions par jour = taux du profil selon le type de jour × facteur
d'activité de la personne (à queue lourde : certains parents ne se connectent presque
jamais, quelques élèves tous les jours) × éventuels pics (veille d'évaluation, soir de
publication des notes, fin de trimestre). L'heure suit une distribution par profil et par
type de jour.
"""

from __future__ import annotations

import numpy as np

__all__ = ["GROUPES", "TYPES_DE_JOUR", "TAUX", "HEURES", "SERVICES", "probabilites_heures"]

#: Les groupes de rythme (un profil, ou une fonction pour les personnels).
GROUPES = ("eleve", "parent", "enseignant", "vie_scolaire", "bureau", "documentaliste",
           "invite")
#: Les types de jour : jour de classe (lundi, mardi, jeudi, vendredi), mercredi (cours le
#: matin seulement en lycée), samedi, dimanche, vacances, jour férié.
TYPES_DE_JOUR = ("semaine", "mercredi", "samedi", "dimanche", "vacances", "ferie")

#: Connexions par jour d'une personne au facteur d'activité 1, par type de jour.
#: Élèves : surtout les jours de classe, un peu le week-end, presque rien en vacances.
#: Parents : une connexion tous les 3 jours environ (suivi des notes et du cahier de textes).
#: Enseignants : plusieurs fois par jour de classe, le dimanche plus que le samedi (on
#: prépare la semaine), un peu en vacances (préparation).
#: Vie scolaire, bureaux, CDI : les jours de classe (appel, secrétariat), presque rien sinon.
TAUX: dict[str, tuple[float, ...]] = {
    "eleve":          (1.15, 1.35, 0.55, 0.85, 0.05, 0.06),
    "parent":         (0.36, 0.36, 0.24, 0.30, 0.025, 0.04),
    "enseignant":     (1.70, 1.40, 0.45, 1.00, 0.10, 0.10),
    "vie_scolaire":   (2.60, 2.00, 0.00, 0.00, 0.00, 0.00),
    "bureau":         (3.50, 3.00, 0.05, 0.02, 0.35, 0.00),
    "documentaliste": (2.50, 1.50, 0.00, 0.00, 0.05, 0.00),
    "invite":         (0.04, 0.04, 0.00, 0.00, 0.00, 0.00),
}


def _profil(points: dict[int, float]) -> np.ndarray:
    """Une distribution sur 24 heures à partir de poids donnés heure par heure."""
    poids = np.zeros(24)
    for heure, valeur in points.items():
        poids[heure] = valeur
    return poids / poids.sum()


# Heures (poids relatifs ; 0 = jamais). Un soir « 18–22 h » couvre les heures 18 à 21.
_ELEVE_COURS = _profil({7: 3, 8: 1, 9: 1, 10: 2, 11: 1, 12: 6, 13: 5, 14: 1, 15: 1, 16: 2,
                        17: 6, 18: 11, 19: 12, 20: 15, 21: 14, 22: 7, 23: 2})
_ELEVE_MERCREDI = _profil({7: 2, 8: 1, 9: 1, 10: 1, 11: 1, 12: 4, 13: 6, 14: 9, 15: 9,
                           16: 8, 17: 7, 18: 9, 19: 9, 20: 10, 21: 9, 22: 5, 23: 1})
_ELEVE_REPOS = _profil({9: 1, 10: 3, 11: 4, 12: 2, 13: 2, 14: 5, 15: 6, 16: 6, 17: 6,
                        18: 7, 19: 8, 20: 10, 21: 9, 22: 6, 23: 2})
_PARENT_COURS = _profil({6: 1, 7: 4, 8: 2, 9: 1, 10: 1, 11: 1, 12: 6, 13: 5, 14: 1,
                         15: 1, 16: 1, 17: 3, 18: 6, 19: 14, 20: 18, 21: 16, 22: 6, 23: 1})
_PARENT_REPOS = _profil({8: 2, 9: 4, 10: 6, 11: 6, 12: 3, 13: 2, 14: 4, 15: 4, 16: 4,
                         17: 4, 18: 5, 19: 9, 20: 11, 21: 9, 22: 4, 23: 1})
_PROF_COURS = _profil({6: 1, 7: 5, 8: 3, 9: 2, 10: 3, 11: 2, 12: 6, 13: 4, 14: 2, 15: 2,
                       16: 4, 17: 12, 18: 12, 19: 6, 20: 8, 21: 9, 22: 5, 23: 1})
_PROF_SAMEDI = _profil({8: 2, 9: 5, 10: 6, 11: 5, 12: 1, 14: 3, 15: 4, 16: 4, 17: 3, 18: 2,
                        19: 1, 20: 2, 21: 2, 22: 1})
_PROF_DIMANCHE = _profil({9: 1, 10: 3, 11: 3, 12: 1, 14: 3, 15: 4, 16: 5, 17: 6, 18: 8,
                          19: 8, 20: 12, 21: 13, 22: 7, 23: 1})
_PROF_VACANCES = _profil({9: 3, 10: 6, 11: 5, 14: 4, 15: 4, 16: 4, 17: 3, 18: 2, 20: 2,
                          21: 2})
# (au plus une connexion par heure et par personne : l'appel du matin remplit 8 h et 9 h)
_VIE_SCOLAIRE = _profil({7: 2, 8: 40, 9: 34, 10: 8, 11: 4, 12: 2, 13: 3, 14: 3, 15: 2,
                         16: 2})
_VIE_SCOLAIRE_MERCREDI = _profil({7: 2, 8: 42, 9: 36, 10: 10, 11: 5, 12: 1})
_BUREAU = _profil({7: 1, 8: 8, 9: 12, 10: 12, 11: 11, 12: 3, 13: 5, 14: 11, 15: 11, 16: 10,
                   17: 6})
_DOCUMENTALISTE = _profil({8: 8, 9: 10, 10: 12, 11: 10, 12: 4, 13: 8, 14: 10, 15: 10,
                           16: 8, 17: 3})
_INVITE = _profil({10: 2, 14: 3, 17: 3, 18: 3, 19: 2})

#: Distribution des heures de connexion, par groupe et par type de jour.
HEURES: dict[str, tuple[np.ndarray, ...]] = {
    "eleve": (_ELEVE_COURS, _ELEVE_MERCREDI, _ELEVE_REPOS, _ELEVE_REPOS, _ELEVE_REPOS,
              _ELEVE_REPOS),
    "parent": (_PARENT_COURS, _PARENT_COURS, _PARENT_REPOS, _PARENT_REPOS, _PARENT_REPOS,
               _PARENT_REPOS),
    "enseignant": (_PROF_COURS, _PROF_COURS, _PROF_SAMEDI, _PROF_DIMANCHE, _PROF_VACANCES,
                   _PROF_VACANCES),
    "vie_scolaire": (_VIE_SCOLAIRE, _VIE_SCOLAIRE_MERCREDI) + (_VIE_SCOLAIRE,) * 4,
    "bureau": (_BUREAU,) * 6,
    "documentaliste": (_DOCUMENTALISTE,) * 6,
    "invite": (_INVITE,) * 6,
}

#: Services ouverts dans une session, avec leur poids relatif, par groupe. Seuls ceux que
#: le catalogue ouvre au profil et que l'autorisation accepte sont gardés (voir
#: :mod:`entsim.activite.population`).
SERVICES: dict[str, dict[str, float]] = {
    "eleve": {"cahier_de_textes": 30, "notes": 22, "messagerie": 10, "emploi_du_temps": 10,
              "mediacentre": 6, "exercices": 5, "absences": 4, "pad": 3,
              "espace_documentaire": 3, "actualites": 3, "agenda": 2, "orientation": 2},
    "parent": {"notes": 35, "cahier_de_textes": 18, "absences": 15, "messagerie": 12,
               "informations_familles": 6, "actualites": 5, "emploi_du_temps": 5,
               "teleservices": 4},
    "enseignant": {"cahier_de_textes": 30, "notes": 25, "messagerie": 15, "absences": 10,
                   "mediacentre": 5, "espace_documentaire": 5, "exercices": 4,
                   "actualites": 3, "emploi_du_temps": 3},
    "vie_scolaire": {"absences": 55, "messagerie": 20, "emploi_du_temps": 10,
                     "informations_familles": 10, "dossier_eleve": 5},
    "bureau": {"messagerie": 30, "dossier_eleve": 15, "actualites": 12, "emploi_du_temps": 12,
               "notes": 10, "annuaire": 8, "absences": 8, "espace_documentaire": 5},
    "documentaliste": {"cdi": 40, "mediacentre": 25, "messagerie": 15, "actualites": 10,
                       "espace_documentaire": 10},
    "invite": {"actualites": 40, "messagerie": 30, "espace_documentaire": 30},
}

#: Probabilité qu'un service de messagerie ouvert serve à envoyer un message.
ENVOI_DE_MESSAGE: dict[str, float] = {"eleve": 0.15, "parent": 0.3, "enseignant": 0.5,
                                      "vie_scolaire": 0.6, "bureau": 0.5,
                                      "documentaliste": 0.3, "invite": 0.3}
#: Nombre moyen de services ouverts dans une session (au moins un).
SERVICES_PAR_SESSION: dict[str, float] = {"eleve": 2.0, "parent": 1.9, "enseignant": 2.6,
                                          "vie_scolaire": 2.2, "bureau": 2.3,
                                          "documentaliste": 2.0, "invite": 1.3}
#: Part des sessions fermées par « Déconnexion » (les autres expirent : on ferme l'onglet).
DECONNEXION: dict[str, float] = {"eleve": 0.45, "parent": 0.55, "enseignant": 0.7,
                                 "vie_scolaire": 0.8, "bureau": 0.8, "documentaliste": 0.7,
                                 "invite": 0.6}
#: Part des connexions précédées d'une faute de frappe (un échec, puis la réussite).
FAUTE_DE_FRAPPE = 0.04

#: Pics (multiplicateurs du taux journalier) : veille d'une évaluation de sa classe (élève),
#: soir de publication des notes et lendemain (parent), deux semaines avant la fin d'un
#: trimestre et semaines des conseils de classe (enseignant : saisie des notes et des
#: appréciations).
PIC_VEILLE_EVALUATION = 1.9
PIC_PUBLICATION_NOTES = 3.0
PIC_LENDEMAIN_PUBLICATION = 1.8
PIC_FIN_DE_TRIMESTRE = 1.6


def probabilites_heures(groupe: str) -> np.ndarray:
    """Tableau (type de jour × 24 heures) des probabilités d'heure de connexion."""
    return np.vstack(HEURES[groupe])
