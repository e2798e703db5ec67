"""Le registre des fiches : :func:`fiche` retrouve une fiche par son identifiant
(``fiche("partie1")``) dans les banques de :mod:`entsim.questions.banque`,
:func:`fiches_disponibles` les énumère.

Les banques importent les types de questions ; aucun type de question n'importe ce module
(sinon : cycle d'imports entre les questions et les banques).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

from entsim.questions import banque
from entsim.questions.fiches import Fiche
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.texte import cite


_MOTIF_FICHE = re.compile(r"^[a-z][a-z0-9_]*$")


def fiches_disponibles() -> list[str]:
    """Les identifiants des fiches (un module ``entsim/questions/banque/<id>.py`` par fiche)."""
    return sorted(m.name for m in pkgutil.iter_modules(banque.__path__)
                  if not m.name.startswith("_"))


def fiche(identifiant: str) -> Fiche:
    """La fiche de cet identifiant : ``fiche("partie1")``, ``fiche("partie3_authentification")``."""
    if not isinstance(identifiant, str) or not _MOTIF_FICHE.match(identifiant):
        raise ValeurInvalide(f"Identifiant de fiche invalide : {cite(identifiant)} (par exemple "
                             "\"partie1\").", code="fiche_invalide")
    disponibles = fiches_disponibles()
    if identifiant not in disponibles:
        raise Introuvable(f"Fiche inconnue : {cite(identifiant)}. Fiches disponibles : "
                          f"{', '.join(disponibles)}.", code="fiche_inconnue")
    module = importlib.import_module(f"entsim.questions.banque.{identifiant}")
    resultat: Any = getattr(module, "FICHE", None)
    if not isinstance(resultat, Fiche):
        raise Introuvable(f"Le module entsim.questions.banque.{identifiant} ne définit pas de FICHE.",
                          code="fiche_inconnue")
    return resultat
