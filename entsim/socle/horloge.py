"""L'horloge simulée : le temps appartient à la simulation (comme ``env.now`` dans SimPy).

Aucun module de entsim ne lit l'heure réelle. Expiration des tickets CAS, inactivité d'une
session, blocage après des échecs, durées de conservation : tout se mesure sur cette
horloge, ce qui rend les scénarios reproductibles et testables (on « avance » le temps).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

#: Début par défaut : le lundi de la rentrée 2026, 8 h.
DEBUT_PAR_DEFAUT = datetime(2026, 9, 7, 8, 0, 0)

#: Les bornes du temps simulé (choix de la simulation, pas une règle) : de 1900 à 2999. Les
#: services calculent « maintenant + 3 semaines », « la veille de la rentrée »… ; avec ces
#: bornes, ces calculs restent loin des limites de Python (an 1 à an 9999) et ne débordent
#: jamais.
PREMIER_INSTANT = datetime(1900, 1, 1, 0, 0, 0)
DERNIER_INSTANT = datetime(2999, 12, 31, 23, 59, 59)

_DEMESUREE = ("Durée démesurée : l'horloge simulée ne va pas au-delà du "
              f"{DERNIER_INSTANT:%d/%m/%Y}. Donnez une durée raisonnable.")


def _dans_les_bornes(instant: datetime, nom: str) -> datetime:
    if not PREMIER_INSTANT <= instant <= DERNIER_INSTANT:
        raise ValeurInvalide(f"{nom} doit être entre le {PREMIER_INSTANT:%d/%m/%Y} et le "
                             f"{DERNIER_INSTANT:%d/%m/%Y} (reçu : {instant:%d/%m/%Y}).",
                             code="date_hors_limites")
    return instant


class Horloge:
    """Horloge simulée, qui n'avance que lorsqu'on le lui demande."""

    def __init__(self, debut: datetime = DEBUT_PAR_DEFAUT) -> None:
        if not isinstance(debut, datetime):
            raise ValeurInvalide("Le début de l'horloge doit être une date et heure (datetime).")
        _dans_les_bornes(debut, "Le début de l'horloge")
        self.debut = debut
        self._maintenant = debut

    def maintenant(self) -> datetime:
        """L'instant simulé actuel."""
        return self._maintenant

    def avancer(self, secondes: float = 0, *, minutes: float = 0, heures: float = 0,
                jours: float = 0) -> datetime:
        """Fait avancer le temps simulé et renvoie le nouvel instant.

        >>> h = Horloge(); _ = h.avancer(minutes=10); h.maintenant().strftime("%H:%M")
        '08:10'
        """
        for nom, valeur in (("secondes", secondes), ("minutes", minutes),
                            ("heures", heures), ("jours", jours)):
            if isinstance(valeur, bool) or not isinstance(valeur, (int, float)):
                raise ValeurInvalide(f"« {nom} » doit être un nombre (reçu : {cite(valeur)}).")
            if valeur != valeur:          # NaN (sans conversion : 10**400 n'est pas un float)
                raise ValeurInvalide(f"« {nom} » doit être un nombre (reçu : {cite(valeur)}).")
            if valeur < 0:
                raise ValeurInvalide("Le temps ne peut pas reculer : donnez une durée positive.")
        try:
            duree = timedelta(seconds=secondes, minutes=minutes, hours=heures, days=jours)
            nouveau = self._maintenant + duree
        except (OverflowError, ValueError):
            raise ValeurInvalide(_DEMESUREE) from None
        if nouveau > DERNIER_INSTANT:
            raise ValeurInvalide(_DEMESUREE)
        self._maintenant = nouveau
        return self._maintenant

    def avancer_de(self, duree: timedelta) -> datetime:
        """Fait avancer le temps d'une durée (``timedelta``)."""
        if not isinstance(duree, timedelta) or duree < timedelta(0):
            raise ValeurInvalide("La durée doit être un timedelta positif.")
        try:
            nouveau = self._maintenant + duree
        except OverflowError:
            raise ValeurInvalide(_DEMESUREE) from None
        if nouveau > DERNIER_INSTANT:
            raise ValeurInvalide(_DEMESUREE)
        self._maintenant = nouveau
        return self._maintenant

    def aller_a(self, instant: datetime) -> datetime:
        """Place l'horloge à un instant futur (jamais dans le passé)."""
        if not isinstance(instant, datetime):
            raise ValeurInvalide("L'instant doit être une date et heure (datetime).")
        if instant < self._maintenant:
            raise ValeurInvalide("Le temps ne peut pas reculer : choisissez un instant futur.")
        _dans_les_bornes(instant, "L'instant")
        self._maintenant = instant
        return self._maintenant

    def __repr__(self) -> str:
        return f"Horloge({self._maintenant:%d/%m/%Y %H:%M:%S})"
