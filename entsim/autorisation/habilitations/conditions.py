"""Les conditions d'accès : l'horaire et la typologie d'accès (le lieu).

SDET, document 2 : « Une condition peut être une restriction d'accès au service
applicatif, par exemple en fonction de l'horaire ou de la typologie d'accès. » Une
condition (:class:`PlageHoraire`, :class:`Lieu`) est satisfaite ou non dans le contexte
d'une demande (:class:`ContexteAcces` : quand, d'où, depuis quel poste) ; sinon elle dit
pourquoi, en français, avec un code stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import ClassVar, Protocol

from entsim.autorisation.habilitations.actions import replier_cle
from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.texte import cite

__all__ = ["LIEUX", "JOURS", "ContexteAcces", "Condition", "PlageHoraire", "Lieu"]

#: Les lieux d'accès (la « typologie d'accès » du SDET) et leur description.
LIEUX: dict[str, str] = {
    "etablissement": "depuis le réseau de l'établissement",
    "exterieur": "depuis l'extérieur (domicile, téléphone…)",
}

#: Les jours, dans l'ordre de ``datetime.weekday()`` (0 = lundi).
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _lieu(valeur: object, nom: str = "lieu") -> str:
    if not isinstance(valeur, str) or replier_cle(valeur) not in LIEUX:
        raise ValeurInvalide(f"« {nom} » doit valoir « etablissement » (réseau du lycée) ou "
                             f"« exterieur » (reçu : {cite(valeur)}).", code="lieu_inconnu")
    return replier_cle(valeur)


def _heure(t: time) -> str:
    return f"{t.hour} h {t.minute:02d}"


@dataclass(frozen=True)
class ContexteAcces:
    """Le contexte d'une demande : quand, d'où (typologie d'accès), depuis quel poste."""

    instant: datetime
    lieu: str = "etablissement"
    poste: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.instant, datetime):
            raise ValeurInvalide("L'instant du contexte doit être une date et heure "
                                 "(datetime), par exemple ent.horloge.maintenant().")
        object.__setattr__(self, "lieu", _lieu(self.lieu))
        if self.poste is not None:
            verifier_texte(self.poste, "poste")


class Condition(Protocol):
    """Une condition d'accès (protocole) : satisfaite ou non dans un contexte."""

    code_echec: str

    @property
    def description(self) -> str: ...

    def est_satisfaite(self, contexte: ContexteAcces) -> bool: ...

    def raison_echec(self, contexte: ContexteAcces) -> str: ...


@dataclass(frozen=True)
class PlageHoraire:
    """Accès seulement entre ``debut`` et ``fin`` (fin exclue), les ``jours`` donnés.

    Une plage peut passer minuit (``PlageHoraire(time(22), time(7))`` : la nuit). Les jours
    s'écrivent en toutes lettres (« lundi »…) ou en nombres (0 = lundi … 6 = dimanche) ;
    par défaut, tous les jours.
    """

    debut: time
    fin: time
    jours: tuple[int, ...] = tuple(range(7))

    code_echec: ClassVar[str] = "hors_plage_horaire"

    def __post_init__(self) -> None:
        for nom in ("debut", "fin"):
            if not isinstance(getattr(self, nom), time):
                raise ValeurInvalide(f"« {nom} » doit être une heure, par exemple time(7, 30) "
                                     f"(reçu : {cite(getattr(self, nom))}).")
        if self.debut == self.fin:
            raise ValeurInvalide("Le début et la fin de la plage horaire doivent être "
                                 "différents.")
        jours = self.jours
        if isinstance(jours, (str, int)):
            jours = (jours,)
        try:
            valeurs = tuple(sorted({self._jour(j) for j in jours}))
        except TypeError:
            raise ValeurInvalide("« jours » doit être une liste de jours, par exemple "
                                 "[\"lundi\", \"mardi\"].") from None
        if not valeurs:
            raise ValeurInvalide("Donnez au moins un jour pour la plage horaire.")
        object.__setattr__(self, "jours", valeurs)

    @staticmethod
    def _jour(jour: object) -> int:
        if isinstance(jour, int) and not isinstance(jour, bool) and 0 <= jour <= 6:
            return jour
        if isinstance(jour, str) and replier_cle(jour) in JOURS:
            return JOURS.index(replier_cle(jour))
        raise ValeurInvalide(f"Jour inconnu : {cite(jour)} (attendu : « lundi » … « dimanche », "
                             f"ou 0 à 6).")

    @property
    def description(self) -> str:
        texte = f"de {_heure(self.debut)} à {_heure(self.fin)}"
        if self.jours == tuple(range(7)):
            return texte
        if self.jours == tuple(range(self.jours[0], self.jours[-1] + 1)) and len(self.jours) > 2:
            return f"{texte}, du {JOURS[self.jours[0]]} au {JOURS[self.jours[-1]]}"
        noms = [JOURS[j] for j in self.jours]
        liste = noms[0] if len(noms) == 1 else ", ".join(noms[:-1]) + " et " + noms[-1]
        return f"{texte}, le {liste}" if len(noms) == 1 else f"{texte}, les {liste}"

    def est_satisfaite(self, contexte: ContexteAcces) -> bool:
        instant = contexte.instant
        if instant.weekday() not in self.jours:
            return False
        t = instant.time()
        if self.debut < self.fin:
            return self.debut <= t < self.fin
        return t >= self.debut or t < self.fin

    def raison_echec(self, contexte: ContexteAcces) -> str:
        i = contexte.instant
        return (f"Accès possible seulement {self.description} ; nous sommes "
                f"{JOURS[i.weekday()]}, il est {_heure(i.time())}.")


@dataclass(frozen=True)
class Lieu:
    """Accès seulement depuis un lieu : ``"etablissement"`` (réseau du lycée) ou
    ``"exterieur"`` — la « typologie d'accès » du SDET."""

    lieu: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "lieu", _lieu(self.lieu))

    @property
    def code_echec(self) -> str:
        return "hors_etablissement" if self.lieu == "etablissement" else "lieu_non_autorise"

    @property
    def description(self) -> str:
        return LIEUX[self.lieu]

    def est_satisfaite(self, contexte: ContexteAcces) -> bool:
        return contexte.lieu == self.lieu

    def raison_echec(self, contexte: ContexteAcces) -> str:
        return (f"Accès possible seulement {LIEUX[self.lieu]} ; cette demande arrive "
                f"{LIEUX[contexte.lieu]}.")
