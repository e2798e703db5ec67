"""Une tâche de coordination avant et avec l'ENT : prévenir une famille de l'absence de son
enfant (partie 2 du cours : comment l'ENT change la coordination entre les acteurs).

Données : ``data/coordination_absence.csv``, écrit pour entsim d'après le corrigé CERTA
2013 (question 5 : les parents visualisent les absences et communiquent rapidement avec
les intervenants) et la page du ministère (2022 : les absences parmi les services
d'accompagnement de la vie de l'élève ; arrêté du 16 juillet 2015 portant création d'un
traitement permettant aux élèves et à leurs responsables légaux d'être informés des
événements de vie scolaire).

Avant l'ENT : billet d'absence papier porté à la vie scolaire, registre recopié, appels
téléphoniques, courrier aux familles injoignables, coupon du carnet de correspondance.
Avec l'ENT : appel en ligne en classe, absence visible aussitôt par la vie scolaire, avis
envoyé aux responsables (notification, SMS), justification en ligne.

Les délais sont des **ordres de grandeur** pour comparer deux organisations, pas des
mesures faites dans un établissement (:data:`AVERTISSEMENT_DELAIS`) : chaque étape indique
le temps écoulé depuis la précédente, et le délai total est leur somme.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache

from entsim.organisation.acteurs import acteurs
from entsim.organisation.lecture import DonneesInvalides, lignes, obligatoire
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import accorder, cite, nature

FICHIER_COORDINATION = "coordination_absence.csv"

#: La tâche décrite.
TACHE = "Prévenir une famille de l'absence de son enfant"

#: Les deux processus et leur titre.
PROCESSUS = {"avant": "Avant l'ENT", "avec_ent": "Avec l'ENT"}

AVERTISSEMENT_DELAIS = ("Les délais sont des ordres de grandeur pour comparer les deux "
                        "organisations, pas des mesures faites dans un établissement.")

_COLONNES = ("processus", "ordre", "acteur", "action", "support", "delai_minutes",
             "delai_texte")


@dataclass(frozen=True)
class Etape:
    """Une étape de la tâche : qui (``acteur`` : code, ``acteur_nom`` : nom court), fait
    quoi (``action``), avec quel support, et le temps écoulé depuis l'étape précédente
    (``delai_minutes``, un ordre de grandeur ; ``delai_texte`` : le même en mots)."""

    processus: str
    ordre: int
    acteur: str
    acteur_nom: str
    action: str
    support: str
    delai_minutes: int
    delai_texte: str

    def __str__(self) -> str:
        return (f"{self.ordre}. {self.acteur_nom} — {self.action} ({self.support} ; "
                f"{self.delai_texte})")


def _entier(valeur: str, rang: int, colonne: str) -> int:
    if not valeur.isascii() or not valeur.isdigit():
        raise DonneesInvalides(FICHIER_COORDINATION, rang,
                               f"la colonne « {colonne} » attend un nombre entier positif.")
    return int(valeur)


@lru_cache(maxsize=1)
def _etapes() -> dict[str, tuple[Etape, ...]]:
    noms = {a.code: a.nom_court for a in acteurs()}
    par_processus: dict[str, list[Etape]] = {p: [] for p in PROCESSUS}
    for rang, v in lignes(FICHIER_COORDINATION, _COLONNES):
        if v["processus"] not in PROCESSUS:
            raise DonneesInvalides(FICHIER_COORDINATION, rang,
                                   "la colonne « processus » vaut « avant » ou « avec_ent ».")
        if v["acteur"] not in noms:
            raise DonneesInvalides(FICHIER_COORDINATION, rang,
                                   f"acteur « {v['acteur']} » absent de acteurs.csv.")
        etapes = par_processus[v["processus"]]
        ordre = _entier(v["ordre"], rang, "ordre")
        if ordre != len(etapes) + 1:
            raise DonneesInvalides(FICHIER_COORDINATION, rang,
                                   f"étape n° {ordre} au lieu de n° {len(etapes) + 1}.")
        etapes.append(Etape(
            processus=v["processus"], ordre=ordre, acteur=v["acteur"],
            acteur_nom=noms[v["acteur"]],
            action=obligatoire(v["action"], FICHIER_COORDINATION, rang, "action"),
            support=obligatoire(v["support"], FICHIER_COORDINATION, rang, "support"),
            delai_minutes=_entier(v["delai_minutes"], rang, "delai_minutes"),
            delai_texte=obligatoire(v["delai_texte"], FICHIER_COORDINATION, rang,
                                    "delai_texte")))
    return {p: tuple(e) for p, e in par_processus.items()}


def coordination(avec_ent: bool) -> tuple[Etape, ...]:
    """Les étapes de la tâche « prévenir une famille d'une absence », sans l'ENT
    (``avec_ent=False``) ou avec lui (``avec_ent=True``)."""
    if not isinstance(avec_ent, bool):
        raise ValeurInvalide(f"« avec_ent » vaut True (avec l'ENT) ou False (avant l'ENT) "
                             f"(reçu : {nature(avec_ent)}).")
    return _etapes()["avec_ent" if avec_ent else "avant"]


#: La plus longue durée qu'écrit :func:`duree_en_mots` : une année.
DUREE_MAX_MINUTES = 366 * 24 * 60


def duree_en_mots(minutes: int) -> str:
    """Un ordre de grandeur en mots : « environ 45 minutes », « environ 4 heures »,
    « environ 3 jours ». ``minutes`` : un nombre entier de minutes, de 0 à
    :data:`DUREE_MAX_MINUTES` (sinon :class:`~entsim.socle.erreurs.ValeurInvalide`)."""
    if isinstance(minutes, bool) or not isinstance(minutes, int) \
            or not 0 <= minutes <= DUREE_MAX_MINUTES:
        maximum = f"{DUREE_MAX_MINUTES:,}".replace(",", "\u202f")
        raise ValeurInvalide(f"La durée est un nombre entier de minutes, entre 0 et "
                             f"{maximum} (un an), par exemple 45 (reçu : {cite(minutes)}).")
    if minutes < 60:
        return "environ " + accorder(minutes, "minute")
    if minutes < 24 * 60:
        return "environ " + accorder(round(minutes / 60), "heure")
    return "environ " + accorder(round(minutes / (24 * 60)), "jour")


def _acteurs_de(etapes: tuple[Etape, ...]) -> tuple[str, ...]:
    """Les acteurs (noms courts) dans l'ordre de leur première intervention."""
    return tuple(dict.fromkeys(e.acteur_nom for e in etapes))


@dataclass(frozen=True)
class ComparaisonCoordination:
    """Les deux processus côte à côte : ``avant`` et ``avec_ent`` (étapes), ``tableau``
    (DataFrame pandas, une ligne par rang d'étape) et ``resume`` (phrases en français :
    nombre d'étapes, acteurs, délai total, avertissement sur les délais)."""

    avant: tuple[Etape, ...]
    avec_ent: tuple[Etape, ...]
    tableau: object = field(compare=False, repr=False)
    resume: str = ""

    def nombre_etapes(self, avec_ent: bool) -> int:
        return len(coordination(avec_ent))

    def acteurs(self, avec_ent: bool) -> tuple[str, ...]:
        """Les acteurs qui interviennent (noms courts), dans l'ordre."""
        return _acteurs_de(coordination(avec_ent))

    def delai_total_minutes(self, avec_ent: bool) -> int:
        """La somme des délais des étapes (un ordre de grandeur)."""
        return sum(e.delai_minutes for e in coordination(avec_ent))

    def __str__(self) -> str:
        return self.resume

    def __repr__(self) -> str:       # la sortie texte d'un notebook : le résumé en français
        return self.resume

    def _repr_html_(self) -> str:
        tableau_html = self.tableau.to_html()  # type: ignore[attr-defined]
        return tableau_html + "".join(f"<p>{html.escape(phrase)}</p>"
                                      for phrase in self.resume.split("\n"))


def _phrase(titre: str, etapes: tuple[Etape, ...]) -> str:
    noms = _acteurs_de(etapes)
    total = sum(e.delai_minutes for e in etapes)
    return (f"{titre} : {accorder(len(etapes), 'étape')}, "
            f"{accorder(len(noms), 'acteur')} ({', '.join(noms)}), "
            f"{duree_en_mots(total)} avant que l'absence soit justifiée.")


def comparaison_coordination() -> ComparaisonCoordination:
    """La tâche avant et avec l'ENT, côte à côte, et son résumé en français."""
    from entsim.socle.tableaux import tableau

    avant, avec = coordination(False), coordination(True)
    colonnes = []
    for titre in PROCESSUS.values():
        colonnes += [f"{titre} : qui", f"{titre} : quoi", f"{titre} : support",
                     f"{titre} : délai"]
    rangs = []
    for i in range(max(len(avant), len(avec))):
        ligne: list[object] = []
        for etapes in (avant, avec):
            if i < len(etapes):
                e = etapes[i]
                ligne += [e.acteur_nom, e.action, e.support, e.delai_texte]
            else:
                ligne += ["", "", "", ""]
        rangs.append(ligne)
    cadre = tableau(rangs, colonnes)
    cadre.index.name = "Étape"
    resume = "\n".join([f"{TACHE}.", _phrase(PROCESSUS["avant"], avant),
                        _phrase(PROCESSUS["avec_ent"], avec), AVERTISSEMENT_DELAIS])
    return ComparaisonCoordination(avant=avant, avec_ent=avec, tableau=cadre, resume=resume)
