"""Durée de conservation du journal : les bornes recommandées par la CNIL et le résultat
d'une purge.

La CNIL *recommande* (délibération n° 2021-122 du 14 octobre 2021, recommandation relative à
la journalisation) de conserver les données de journalisation **de six mois à un an** dans le
cas général (plus longtemps seulement dans des cas qu'il faut justifier). C'est une
recommandation, pas une obligation légale ; entsim en fait sa règle :

* :meth:`Journal.purger` refuse d'effacer une ligne de moins de six mois (la borne basse) ;
* sans date donnée, elle efface ce qui a plus d'un an (la borne haute) : c'est un choix de
  la simulation, un établissement peut purger plus tôt, mais jamais avant six mois.

Les mois sont des mois du calendrier (du 31 août on recule au 28 ou 29 février s'il le faut),
mesurés sur l'horloge simulée.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from entsim.journal.integrite import Sceau

if TYPE_CHECKING:  # annotations seulement : le journal importe ce module, pas l'inverse
    from entsim.journal.chaine import EntreeJournal

#: Borne basse de la CNIL : une ligne de moins de six mois n'est jamais effacée.
CONSERVATION_MINIMALE_MOIS = 6

#: Borne haute de la CNIL, durée par défaut de :meth:`Journal.purger`.
CONSERVATION_PAR_DEFAUT_MOIS = 12


def mois_avant(instant: datetime, mois: int) -> datetime:
    """Le même jour et la même heure, ``mois`` mois du calendrier plus tôt."""
    rang = instant.year * 12 + instant.month - 1 - mois
    annee, mois_du_calendrier = divmod(rang, 12)
    if annee < datetime.min.year:          # une horloge réglée sur l'an 1 : rien n'est plus vieux
        return datetime.min
    jour = min(instant.day, calendar.monthrange(annee, mois_du_calendrier + 1)[1])
    return instant.replace(year=annee, month=mois_du_calendrier + 1, day=jour)


@dataclass(frozen=True)
class ResultatPurge:
    """Résultat de :meth:`Journal.purger`."""

    ok: bool
    code: str                          # "purge_effectuee" ou "rien_a_purger"
    message: str
    nb_effacees: int
    ancre: Sceau | None                # point de départ du journal restant
    entree: EntreeJournal | None       # la ligne « purge » ajoutée au journal

    def __str__(self) -> str:
        return self.message
