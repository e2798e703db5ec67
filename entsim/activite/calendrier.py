"""Le calendrier scolaire de l'année simulée : jours de cours, week-ends, vacances, fériés.

**Pourquoi 2025-2026.** Le présent simulé de l'ENT est septembre 2026 (``ent.horloge``) :
la dernière année scolaire complète est donc 2025-2026, et son calendrier est officiel
(arrêté fixant le calendrier scolaire des années 2024-2025, 2025-2026 et 2026-2027, zones A,
B et C). Les dates sont livrées dans ``data/calendrier_scolaire.csv``, avec leurs sources
(première ligne) ; rien n'est téléchargé.

Conventions (celles du calendrier officiel) : les vacances commencent le samedi « après la
classe » et la classe reprend « le matin du jour indiqué » ; dans le fichier, la colonne
« fin » d'une période de vacances est ce jour de reprise (exclu). Les jours fériés sont ceux
du code du travail (art. L3133-1). Le pont de l'Ascension (pas de classe les vendredi 15 et
samedi 16 mai 2026) compte comme des vacances.

**Choix d'établissement** (pas des règles nationales, donc des choix du modèle) : un lycée
découpe l'année en trimestres (ici fin du premier le 28 novembre 2025, du deuxième le
13 mars 2026, du troisième le 29 mai 2026, avant les examens) et tient ses conseils de
classe dans les deux semaines qui suivent chaque fin de trimestre.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import numpy as np

from entsim.socle.donnees import lire_csv
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

__all__ = ["CalendrierScolaire", "JourScolaire", "NATURES_DE_JOUR", "ZONES", "zone_de"]

#: Les natures de jour, dans l'ordre des codes entiers de :meth:`CalendrierScolaire.codes`.
NATURES_DE_JOUR = ("cours", "week-end", "vacances", "férié")
#: Les trois zones de vacances de la métropole.
ZONES = ("A", "B", "C")
#: L'année scolaire dont le calendrier est livré.
ANNEE_LIVREE = "2025-2026"


@dataclass(frozen=True)
class JourScolaire:
    """Un jour du calendrier : sa date, sa nature (« cours », « week-end », « vacances »,
    « férié ») et le nom de la période ou du jour férié (« Vacances de Noël »,
    « Lundi de Pâques »…), vide pour un jour de cours ou un week-end ordinaire."""

    date: date
    nature: str
    nom: str = ""

    def __str__(self) -> str:
        jours = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
        texte = f"{jours[self.date.weekday()]} {self.date:%d/%m/%Y} : {self.nature}"
        return texte + (f" ({self.nom})" if self.nom else "")


def _jour(valeur: object, nom: str = "date") -> date:
    if isinstance(valeur, datetime):
        return valeur.date()
    if isinstance(valeur, date):
        return valeur
    if isinstance(valeur, str):
        try:
            return date.fromisoformat(valeur.strip())
        except ValueError:
            pass
    raise ValeurInvalide(f"« {nom} » doit être une date, par exemple date(2025, 10, 6) ou "
                         f"\"2025-10-06\" (reçu : {cite(valeur)}).")


def zone_de(academie: str) -> str:
    """La zone de vacances (« A », « B » ou « C ») d'une académie : « académie de Nantes »,
    « Nantes » ou « Orléans-Tours » ; message clair si l'académie n'est pas en métropole."""
    if not isinstance(academie, str):
        raise ValeurInvalide(f"L'académie est un texte, par exemple « académie de Nantes » "
                             f"(reçu : {cite(academie)}).")
    nom = academie.strip()
    for prefixe in ("académie de ", "académie d'", "academie de ", "academie d'"):
        if nom.lower().startswith(prefixe):
            nom = nom[len(prefixe):]
            break
    table = {ligne["nom"].lower(): ligne["zone"]
             for ligne in lire_csv("calendrier_scolaire.csv") if ligne["type"] == "academie"}
    try:
        return table[nom.lower()]
    except KeyError:
        raise ValeurInvalide(f"Académie sans zone de vacances connue : {cite(academie)} "
                             f"(académies de métropole seulement : zones A, B et C).") from None


class CalendrierScolaire:
    """Le calendrier scolaire 2025-2026 d'une zone (A, B ou C), lu dans
    ``data/calendrier_scolaire.csv``.

    ``jour(d)`` dit ce qu'est un jour ; ``vacances()``, ``conseils_de_classe()``,
    ``trimestres()`` et ``semaines()`` listent les périodes ; :meth:`codes` donne, pour une
    suite de jours, la nature de chacun en entiers (pour les calculs vectorisés du
    simulateur)."""

    def __init__(self, zone: str = "B", annee: str = ANNEE_LIVREE) -> None:
        if annee != ANNEE_LIVREE:
            raise ValeurInvalide(f"Seul le calendrier de l'année scolaire {ANNEE_LIVREE} est "
                                 f"livré (reçu : {cite(annee)}).")
        if not isinstance(zone, str) or zone.strip().upper() not in ZONES:
            raise ValeurInvalide(f"La zone de vacances est « A », « B » ou « C » "
                                 f"(reçu : {cite(zone)}).")
        self.zone = zone.strip().upper()
        self.annee = annee
        lignes = [l for l in lire_csv("calendrier_scolaire.csv")
                  if l["type"] != "academie" and self.zone in l["zone"]]

        def periodes(type_: str) -> list[tuple[str, date, date]]:
            return [(l["nom"], date.fromisoformat(l["debut"]), date.fromisoformat(l["fin"]))
                    for l in lignes if l["type"] == type_]

        self.rentree: date = periodes("rentree")[0][1]
        self._vacances = periodes("vacances")                   # fin exclue (reprise)
        self._feries = periodes("ferie")                        # fin exclue
        self._trimestres = periodes("trimestre")                # fin incluse
        self._conseils = periodes("conseils")                   # fin incluse
        ete = next(d for n, d, _ in self._vacances if n == "Vacances d'été")
        #: Le premier jour des vacances d'été (le dernier jour de classe est la veille).
        self.debut_ete: date = ete

    @classmethod
    def pour_academie(cls, academie: str, annee: str = ANNEE_LIVREE) -> "CalendrierScolaire":
        """Le calendrier de la zone d'une académie (« académie de Nantes » → zone B)."""
        return cls(zone_de(academie), annee)

    # -- un jour ------------------------------------------------------------------------
    @property
    def dernier_jour(self) -> date:
        """Le dernier jour que le calendrier livré connaît : la veille de la rentrée
        suivante (fin exclue des vacances d'été)."""
        return next(f for n, _, f in self._vacances if n == "Vacances d'été") - timedelta(days=1)

    def _dans_l_annee(self, d: date, nom: str = "date") -> date:
        """Refuse un jour hors de l'année livrée : avant la rentrée 2025 (les vacances d'été
        2025 ne sont pas dans le fichier) ou après l'été 2026, il passerait pour un jour de
        cours."""
        if not self.rentree <= d <= self.dernier_jour:
            raise ValeurInvalide(
                f"« {nom} » doit être entre le {self.rentree:%d/%m/%Y} et le "
                f"{self.dernier_jour:%d/%m/%Y} : seul le calendrier de l'année scolaire "
                f"{self.annee} est livré (reçu : le {d:%d/%m/%Y}).", code="date_hors_limites")
        return d

    def jour(self, valeur: date | datetime | str) -> JourScolaire:
        """Ce qu'est ce jour : férié d'abord, puis vacances, puis week-end, sinon cours.
        Un jour hors de l'année livrée lève :class:`~entsim.socle.erreurs.ValeurInvalide`."""
        d = self._dans_l_annee(_jour(valeur))
        for nom, debut, fin in self._feries:
            if debut <= d < fin:
                return JourScolaire(d, "férié", nom)
        for nom, debut, fin in self._vacances:
            if debut <= d < fin:
                return JourScolaire(d, "vacances", nom)
        if d.weekday() >= 5:
            return JourScolaire(d, "week-end")
        return JourScolaire(d, "cours")

    def est_vacances(self, valeur: date | datetime | str) -> bool:
        """Vrai pendant les vacances scolaires (pont de l'Ascension compris)."""
        d = _jour(valeur)
        return any(debut <= d < fin for _, debut, fin in self._vacances)

    def codes(self, debut: date, nombre_de_jours: int) -> np.ndarray:
        """La nature de ``nombre_de_jours`` jours consécutifs depuis ``debut``, en codes
        (indices dans :data:`NATURES_DE_JOUR`), calculée une fois par jour."""
        return np.array([NATURES_DE_JOUR.index(self.jour(debut + timedelta(days=i)).nature)
                         for i in range(nombre_de_jours)], dtype=np.int8)

    # -- les périodes -------------------------------------------------------------------
    def vacances(self) -> list[tuple[str, date, date]]:
        """(nom, premier jour, dernier jour) de chaque période de vacances de la zone."""
        return [(nom, debut, fin - timedelta(days=1)) for nom, debut, fin in self._vacances]

    def jours_feries(self) -> list[tuple[str, date]]:
        return [(nom, debut) for nom, debut, _ in self._feries]

    def trimestres(self) -> list[tuple[str, date, date]]:
        """(nom, premier jour, dernier jour) de chaque trimestre (choix d'établissement)."""
        return list(self._trimestres)

    def conseils_de_classe(self) -> list[tuple[str, date, date]]:
        """(nom, premier jour, dernier jour) des semaines de conseils de classe (choix
        d'établissement : les deux semaines qui suivent chaque fin de trimestre)."""
        return list(self._conseils)

    def semaines(self) -> list[tuple[date, date]]:
        """(lundi, dimanche) de chaque semaine de l'année scolaire, de la rentrée à la
        veille des vacances d'été."""
        lundi = self.rentree - timedelta(days=self.rentree.weekday())
        semaines = []
        while lundi < self.debut_ete:
            semaines.append((lundi, lundi + timedelta(days=6)))
            lundi += timedelta(days=7)
        return semaines

    def periode(self, nom: object) -> tuple[date, date]:
        """(premier jour, dernier jour) d'une période nommée : « annee » (de la rentrée à la
        veille des vacances d'été), « trimestre » (le premier), « semaine » (la première
        semaine entière de cours d'octobre 2025, du lundi au dimanche) ; ou un couple de
        dates (date, date)."""
        if isinstance(nom, (tuple, list)) and len(nom) == 2:
            debut, fin = _jour(nom[0], "début"), _jour(nom[1], "fin")
            self._dans_l_annee(debut, "début")
            self._dans_l_annee(fin, "fin")
            if fin < debut:
                raise ValeurInvalide(f"La fin de la période ({fin:%d/%m/%Y}) doit venir après "
                                     f"son début ({debut:%d/%m/%Y}).")
            return debut, fin
        if isinstance(nom, str):
            nom = nom.strip().lower()
        if nom == "annee" or nom == "année":
            return self.rentree, self.debut_ete - timedelta(days=1)
        if nom == "trimestre":
            return self._trimestres[0][1], self._trimestres[0][2]
        if nom == "semaine":
            lundi = date(2025, 10, 1)
            while True:
                lundi += timedelta(days=(7 - lundi.weekday()) % 7)
                if all(self.jour(lundi + timedelta(days=i)).nature == "cours"
                       for i in range(5)):
                    return lundi, lundi + timedelta(days=6)
                lundi += timedelta(days=1)
        raise ValeurInvalide(f"Période inconnue : {cite(nom)}. Périodes possibles : "
                             f"« annee », « trimestre », « semaine », ou un couple de dates "
                             f"(date(2025, 9, 1), date(2025, 9, 30)).")

    def __repr__(self) -> str:
        return f"CalendrierScolaire(zone {self.zone}, {self.annee})"


@lru_cache(maxsize=8)
def calendrier(zone: str, annee: str = ANNEE_LIVREE) -> CalendrierScolaire:
    """Le calendrier d'une zone, mis en cache (il ne change pas)."""
    return CalendrierScolaire(zone, annee)
