"""Ce que partagent les vues des services : le contexte de la session et les actions sûres.

:class:`ContexteVue` dit à une vue qui est connecté, depuis quel poste, et comment annoncer
chaque effet ; :class:`ActionsSures` garantit qu'une action appelée avec une valeur absurde
rend une phrase française commençant par « ⚠ » au lieu de lever une exception (voir
:mod:`entsim.widgets.vues`).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field

from entsim.socle.erreurs import ErreurENT
from entsim.socle.texte import accorder, cite

#: Méthodes publiques des vues qui ne sont pas des actions (lecture du contenu, rafraîchissement).
NON_ACTIONS: frozenset[str] = frozenset({"texte", "rafraichir"})


def decrire_valeur(valeur: object) -> str:
    """Une valeur reçue, citée pour un élève : « zz », « 3 », « (vide) », « (aucune) ».

    Ne lève jamais d'exception et ne s'étend jamais (:func:`entsim.socle.texte.cite`) : un
    entier de 5 000 chiffres devient « un nombre de 5 001 chiffres », un texte de 1 Mo son
    début suivi de « … », un caractère invisible son numéro Unicode."""
    if valeur is None:
        return "(aucune)"
    if isinstance(valeur, (list, tuple, set, dict)) and not valeur:
        return "(liste vide)"
    return cite(valeur)


def phrase_valeurs_invalides(nom_action: str, valeurs: tuple) -> str:
    """La phrase d'une action impossible avec les valeurs reçues (sans jargon Python)."""
    recu = ", ".join(decrire_valeur(v) for v in valeurs) if valeurs else "aucune valeur"
    return (f"⚠ Action « {nom_action.replace('_', ' ')} » impossible avec ces valeurs "
            f"({recu}) : choisissez parmi les choix proposés par la vue.")


def action_sure(methode: Callable) -> Callable:
    """Enveloppe une action de vue : toute erreur devient une phrase française annoncée."""
    if getattr(methode, "_action_sure", False):
        return methode

    signature = inspect.signature(methode)

    @functools.wraps(methode)
    def enveloppe(self, *args, **kwargs):
        try:
            signature.bind(self, *args, **kwargs)
        except TypeError:
            attendus = [p.name for p in list(signature.parameters.values())[1:]
                        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD,
                                      p.KEYWORD_ONLY)]
            return self._annoncer_probleme(
                f"⚠ L'action « {methode.__name__.replace('_', ' ')} » attend : "
                + ", ".join(attendus)
                + f" ({accorder(len(args), 'valeur reçue', 'valeurs reçues')}).")
        try:
            return methode(self, *args, **kwargs)
        except ErreurENT as erreur:
            phrase = str(erreur)
            if not phrase.startswith(("⚠", "✗", "Accès refusé")):
                phrase = f"⚠ {phrase}"
        except Exception as erreur:  # noqa: BLE001 - l'élève ne voit jamais une trace
            self.erreur_interne = erreur
            phrase = phrase_valeurs_invalides(methode.__name__,
                                              args + tuple(kwargs.values()))
        return self._annoncer_probleme(phrase)

    enveloppe._action_sure = True  # type: ignore[attr-defined]
    return enveloppe


class ActionsSures:
    """Rend sûres les actions des vues : chaque méthode publique définie dans un module de
    vue (``entsim.widgets.vues.x``) et les méthodes marquées ``_action_sure`` des socles
    communs ne lèvent jamais d'exception devant l'élève. Les socles définissent
    ``_annoncer_probleme(phrase) -> str`` (écho texte de la phrase)."""

    erreur_interne: Exception | None = None

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        socle = cls.__module__.rsplit(".", 1)[-1].startswith("_")
        for nom, valeur in list(vars(cls).items()):
            if nom.startswith("_") or nom in NON_ACTIONS or not inspect.isfunction(valeur):
                continue
            if socle and not getattr(valeur, "_action_du_socle", False):
                continue
            setattr(cls, nom, action_sure(valeur))

    def _annoncer_probleme(self, phrase: str) -> str:  # pragma: no cover - redéfinie
        raise NotImplementedError


def action_du_socle(methode: Callable) -> Callable:
    """Marque une méthode d'un socle commun comme action (elle sera rendue sûre)."""
    methode._action_du_socle = True  # type: ignore[attr-defined]
    return methode


def actions_de_vue(classe: type) -> list[str]:
    """Les noms des actions publiques d'une classe de vue (pour les tests et la doc)."""
    return sorted(nom for nom in dir(classe)
                  if not nom.startswith("_") and nom not in NON_ACTIONS
                  and getattr(getattr(classe, nom), "_action_sure", False))


@dataclass
class ContexteVue:
    """Ce qu'une vue sait de la session : l'ENT, qui est connecté, depuis quel poste."""

    ent: object                      # entsim.ENT
    identifiant: str                 # la personne connectée
    poste: str = "Poste du CDI"
    projection: bool = False         # mode projection (texte plus grand, fort contraste)
    #: appelé avec une phrase française à chaque effet d'une action (écho texte)
    annoncer: Callable[[str], None] = field(default=lambda texte: None)

    @property
    def personne(self):
        return self.ent.etablissement.personne(self.identifiant)
