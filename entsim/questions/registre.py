"""Le registre des fiches des élèves : :func:`fiche` retrouve une fiche par son identifiant
(``fiche("partie1")``), :func:`fiches_disponibles` les énumère.

La fiche rendue est la **fiche publique** (:class:`~entsim.questions.publique.FichePublique`),
lue dans ``entsim/questions/enonces/<id>.json`` : énoncés, indices, formes de réponse et
empreintes des réponses justes, jamais le corrigé. C'est la même dans l'édition des élèves et
dans celle du professeur (les notebooks affichent la même chose) ; le corrigé, lui, est dans
le paquet ``entsim_corrige`` (édition enseignant), lu par le correcteur.
"""

from __future__ import annotations

import re

from entsim.questions.publique import FichePublique, charger, identifiants
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.texte import cite

_MOTIF_FICHE = re.compile(r"^[a-z][a-z0-9_]*$")
_CACHE: dict[str, FichePublique] = {}


def fiches_disponibles() -> list[str]:
    """Les identifiants des fiches (un énoncé ``entsim/questions/enonces/<id>.json`` par fiche)."""
    return identifiants()


def verifier_identifiant(identifiant: object, disponibles: list[str]) -> str:
    """L'identifiant s'il désigne une fiche de ``disponibles`` ; sinon une erreur française
    (sert aussi au corrigé, :func:`entsim_corrige.fiche_corrigee`)."""
    if not isinstance(identifiant, str) or not _MOTIF_FICHE.match(identifiant):
        raise ValeurInvalide(f"Identifiant de fiche invalide : {cite(identifiant)} (par exemple "
                             "\"partie1\").", code="fiche_invalide")
    if identifiant not in disponibles:
        raise Introuvable(f"Fiche inconnue : {cite(identifiant)}. Fiches disponibles : "
                          f"{', '.join(disponibles)}.", code="fiche_inconnue")
    return identifiant


def fiche(identifiant: str) -> FichePublique:
    """La fiche de cet identifiant : ``fiche("partie1")``, ``fiche("partie3_authentification")``."""
    verifier_identifiant(identifiant, fiches_disponibles())
    if identifiant not in _CACHE:
        _CACHE[identifiant] = charger(identifiant)
    return _CACHE[identifiant]
