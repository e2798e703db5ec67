"""La réponse numérique (:class:`Numerique`) : un nombre, avec tolérance et unité ; accepte
« 12,5 », « 80 bits », et une durée (« 0:00:10 », ``timedelta``) pour une réponse en
secondes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from entsim.etablissement.identifiants import replier
from entsim.questions.ecriture import nombre_fr
from entsim.questions.normalisation import _lire_nombre
from entsim.questions.question import Question
from entsim.questions.retours import Correction


_DUREE = re.compile(r"^\s*(?:(\d+)\s*(?:days?|jours?),?\s*)?(\d{1,2}):(\d{2})(?::(\d{2}(?:[.,]\d+)?))?\s*$",
                    re.IGNORECASE)


def _secondes_de_duree(valeur: object) -> float | None:
    """Une durée en secondes depuis un ``timedelta`` ou un texte « 0:00:10 » (heures,
    minutes, secondes, comme ``print(timedelta)``) ou « 1:30 » (minutes, secondes) ;
    None si ce n'est pas une durée."""
    if isinstance(valeur, timedelta):
        return valeur.total_seconds()
    if not isinstance(valeur, str) or len(valeur) > 40:
        return None
    trouve = _DUREE.match(valeur)
    if trouve is None:
        return None
    jours, a, b, c = trouve.groups()
    if c is None:                                  # « 1:30 » : minutes et secondes
        heures, minutes, secondes = 0, int(a), float(b)
    else:
        heures, minutes, secondes = int(a), int(b), float(c.replace(",", "."))
    return (int(jours or 0) * 24 + heures) * 3600 + minutes * 60 + secondes


@dataclass(frozen=True, kw_only=True, repr=False)
class Numerique(Question):
    """Une réponse numérique. ``valeur`` : la valeur attendue ; ``tolerance`` : écart
    absolu accepté ; ``unite`` : l'unité (acceptée à la fin d'un texte : ``"80 bits"`` ;
    rappelée dans la consigne, « (en secondes) », si ``unite_dans_consigne``).
    Accepte ``12``, ``12.5``, ``"12,5"``, ``"1 234"``. Si l'unité est ``"secondes"``,
    accepte aussi une durée : ``timedelta(seconds=10)`` ou ``"0:00:10"`` (ce qu'affiche
    ``print`` d'un ``timedelta``). ``explication`` : affichée pour toute valeur fausse ;
    ``pieges`` : valeur fausse → retour précis (une erreur classique).
    """

    valeur: float
    tolerance: float = 0.0
    unite: str = ""
    explication: str = ""
    unite_dans_consigne: bool = True
    pieges: Mapping[float, str] = field(default_factory=dict)

    def exemple_de_reponse(self) -> object:
        v = self.valeur
        return int(v) if isinstance(v, float) and v.is_integer() else v

    @property
    def _entier(self) -> bool:
        return float(self.valeur).is_integer() and self.tolerance < 1

    def consigne(self) -> str:
        unite = f" (en {self.unite})" if self.unite and self.unite_dans_consigne else ""
        forme = ("Répondez par un nombre entier, par exemple `12`" if self._entier else
                 'Répondez par un nombre, par exemple `12` ou `"12,5"`')
        forme += (f' (l\'unité est permise : `"12 {self.unite}"`).' if self.unite and
                  self.unite_dans_consigne else ".")
        return f"{self.enonce}{unite}\n\n*{forme}*"

    def _nombre(self, reponse: object) -> float:
        """La réponse lue comme un nombre (dans l'unité de la question)."""
        if isinstance(reponse, (list, tuple)) and len(reponse) == 1:
            reponse = reponse[0]
        duree = _secondes_de_duree(reponse) if replier(self.unite).startswith("seconde") \
            else None
        return duree if duree is not None else _lire_nombre(reponse, self.unite)

    def _corriger(self, reponse: object) -> Correction:
        nombre = self._nombre(reponse)
        if abs(nombre - float(self.valeur)) <= self.tolerance + 1e-9:
            return self._correction(self.points, "juste", "Bonne valeur.")
        sens = "trop grande" if nombre > self.valeur else "trop petite"
        piege = next((texte for valeur, texte in self.pieges.items()
                      if math.isclose(nombre, float(valeur), abs_tol=1e-9)), None)
        details = [piege] if piege else ([self.explication] if self.explication else [])
        unite = f" {self.unite}" if self.unite else ""
        return self._correction(0, "faux", f"{nombre_fr(nombre)}{unite} : cette valeur est "
                                           f"{sens}.", details)
