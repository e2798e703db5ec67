"""Ce que partagent les parties du portail : son état, la zone d'annonce et la mise en texte.

:class:`BaseDuPortail` est la base commune des parties de :class:`entsim.widgets.portail.Portail`
(connexion, tuiles des services, barre des réglages) : elle déclare l'état qu'elles lisent et
écrivent (qui est connecté, quel service est ouvert, le dernier résultat du serveur CAS…) et
la zone d'annonce, où chaque effet est écrit en toutes lettres (``role="status"``, lue par
les lecteurs d'écran ; WAI-ARIA 1.2, rôle ``status``) : la couleur n'est jamais le seul signal
et tout texte venu d'un utilisateur est échappé, jamais interprété comme du HTML.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

import ipywidgets as widgets

from entsim.socle.erreurs import ErreurENT
from entsim.widgets.mise_en_forme import echapper
from entsim.widgets.vues import classe_de_vue
from entsim.widgets.style import taille_texte

if TYPE_CHECKING:
    from entsim.ent import ENT
    from entsim.sso.navigateur import Navigateur

_Action = TypeVar("_Action", bound=Callable)


def texte_html(phrase: str) -> str:
    """Une phrase (éventuellement sur plusieurs lignes) en HTML échappé."""
    return "<br>".join(echapper(ligne) for ligne in phrase.split("\n"))


def sans_balises(texte: str) -> str:
    """Le texte d'un fragment HTML, sans ses balises."""
    return re.sub(r"<[^>]+>", "", texte)


def classe_de_vue_du_portail(code: str) -> type:
    """La classe de la vue du service ``code``, cherchée sous le nom ``classe_de_vue`` de ce
    module au moment de l'appel : c'est là que l'on substitue une vue (tests/test_portail.py
    y met une vue en défaut)."""
    return classe_de_vue(code)


def action_du_portail(methode: _Action) -> _Action:
    """Une action du portail (un clic, un choix) redessine le panneau « coulisses » une
    seule fois, à la fin, quel que soit le nombre de lignes qu'elle écrit au journal
    (:meth:`entsim.widgets.coulisses.PanneauCoulisses.en_lot` ; issue 17 : chaque rappel de
    widget sous 50 ms). Une action qui en appelle une autre (changer de rôle : déconnexion,
    connexion, ouverture) ne dessine toujours qu'une fois."""
    @functools.wraps(methode)
    def action(self, *args, **kwargs):
        coulisses = getattr(self, "coulisses", None)
        if coulisses is None:               # pendant la construction du portail
            return methode(self, *args, **kwargs)
        with coulisses.en_lot():
            return methode(self, *args, **kwargs)
    return action  # type: ignore[return-value]


class BaseDuPortail:
    """L'état et l'annonce communs aux parties du portail (voir
    :class:`entsim.widgets.portail.Portail`, qui les assemble et crée les widgets).

    Chaque partie appelle aussi les méthodes des autres : :meth:`_entrer` et
    :meth:`_afficher_accueil` (tuiles), :meth:`se_connecter` et :meth:`_deconnexion_sso`
    (connexion), :meth:`_synchroniser_role` (barre).
    """

    ent: ENT
    poste: str
    navigateur: Navigateur
    #: la personne connectée (``None`` : page d'accueil)
    identifiant: str | None
    #: le code du service ouvert, et sa vue
    code_ouvert: str | None
    vue_service: object | None
    #: le dernier résultat rendu par le serveur CAS ou le service d'authentification
    dernier_resultat: object
    projection: bool
    #: la zone d'annonce (``role="status"``)
    annonce: widgets.HTML
    #: toutes les phrases annoncées, dans l'ordre
    historique: list[str]
    _en_synchro: bool

    def _nom(self, identifiant: str | None) -> str:
        if identifiant is None:
            return "personne"
        try:
            return self.ent.etablissement.personne(identifiant).nom_complet
        except ErreurENT:
            return identifiant

    def _annoncer(self, phrase: str) -> str:
        """Écrit l'effet d'une action en toutes lettres (zone lue par les lecteurs d'écran)."""
        self.historique.append(phrase)
        self.annonce.value = (f'<div role="status" aria-live="polite" style="font-size:'
                              f'{taille_texte(self.projection)}">{texte_html(phrase)}</div>')
        return phrase

    @contextmanager
    def _synchro(self) -> Iterator[None]:
        """Change un widget sans relancer son observateur."""
        avant, self._en_synchro = self._en_synchro, True
        try:
            yield
        finally:
            self._en_synchro = avant


__all__ = ["BaseDuPortail", "action_du_portail", "classe_de_vue_du_portail", "sans_balises",
           "texte_html"]
