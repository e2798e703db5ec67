"""Le corrigé des fiches (édition enseignant) : les banques de questions avec les réponses
acceptées, les réponses modèles, les mots-clés et les retours qui donnent la réponse.

Ce paquet n'est **pas** dans l'édition distribuée aux élèves (``python -m entsim.questions
edition-eleves DOSSIER``) : les élèves n'ont que la fiche publique
(``entsim.questions.fiche``, lue dans ``entsim/questions/enonces/<id>.json``). Le correcteur
(``entsim-corriger``), les tests cachés des corrigés ``solutions/`` et la génération des
énoncés publics (``python -m entsim.questions generer``) lisent ce paquet.

- :func:`fiche_corrigee` : la fiche complète (questions du corrigé) d'un identifiant ;
- :func:`fiches_disponibles` : les identifiants (un module ``banque/<id>.py`` par fiche).

Il importe les types de questions et la :class:`~entsim.questions.fiches.Fiche` d'``entsim`` ;
``entsim`` ne l'importe jamais directement (import dynamique, avec une erreur française
quand il manque : :func:`entsim.questions.publication.module_corrige`).
"""

from __future__ import annotations

import importlib
import pkgutil

from entsim.questions.fiches import Fiche
from entsim.questions.registre import verifier_identifiant
from entsim.socle.erreurs import Introuvable
from entsim_corrige import banque

__all__ = ["fiche_corrigee", "fiches_disponibles"]

def fiches_disponibles() -> list[str]:
    """Les identifiants des fiches du corrigé (un module ``entsim_corrige/banque/<id>.py``)."""
    return sorted(m.name for m in pkgutil.iter_modules(banque.__path__)
                  if not m.name.startswith("_"))


def fiche_corrigee(identifiant: str) -> Fiche:
    """La fiche complète, avec le corrigé : ``fiche_corrigee("partie1")``."""
    verifier_identifiant(identifiant, fiches_disponibles())
    module = importlib.import_module(f"entsim_corrige.banque.{identifiant}")
    resultat = getattr(module, "FICHE", None)
    if not isinstance(resultat, Fiche):
        raise Introuvable(f"Le module entsim_corrige.banque.{identifiant} ne définit pas de "
                          "FICHE.", code="fiche_inconnue")
    return resultat
