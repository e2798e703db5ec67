"""L'état partagé du serveur CAS, déclaré une seule fois pour ses quatre parties.

:class:`~entsim.sso.serveur.ServeurCAS` est assemblé de parties (classes mères), une par
responsabilité : :class:`~entsim.sso.acces.AccesCAS`, :class:`~entsim.sso.connexion.ConnexionCAS`,
:class:`~entsim.sso.validation.ValidationCAS` et :class:`~entsim.sso.sessions.SessionsCAS`.
Chacune lit l'état que crée le constructeur du serveur (horloge, journal, tickets, sessions…)
et appelle des méthodes des autres : :class:`EtatServeurCAS`, leur base commune, le déclare
ici pour les lecteurs et les vérificateurs de types, sans rien définir à l'exécution.

On y trouve aussi ce que le serveur attend des deux autres services de l'AAS, qu'il ne connaît
pas (l'objet ENT les lui confie) : :class:`DecisionLike` (le service d'autorisation) et
:class:`ResultatAuthentificationLike` (le service d'identification/authentification).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # annotations seulement : ce module n'importe rien à l'exécution
    from entsim.journal.chaine import Journal
    from entsim.socle.aleatoire import SourceAleatoire
    from entsim.socle.horloge import Horloge
    from entsim.sso.applications import ServiceApplicatif
    from entsim.sso.navigateur import Cookie, Navigateur, Reseau
    from entsim.sso.reponses import ResultatAcces
    from entsim.sso.tickets import TicketDeService, TicketTGT


class DecisionLike(Protocol):
    """Ce que rend le service d'autorisation."""

    @property
    def autorise(self) -> bool: ...
    @property
    def raison(self) -> str: ...


class ResultatAuthentificationLike(Protocol):
    """Ce que rend le service d'identification/authentification (mot de passe, code à
    usage unique, certificat…)."""

    @property
    def ok(self) -> bool: ...
    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def identifiant(self) -> str | None: ...
    @property
    def methode(self) -> str: ...


class EtatServeurCAS:
    """L'état du serveur CAS (créé par le constructeur de ``ServeurCAS``) et les méthodes
    qu'une partie du serveur appelle chez une autre."""

    horloge: Horloge
    journal: Journal
    source: SourceAleatoire
    reseau: Reseau
    verifier_identifiants: Callable[[str, str, str | None], ResultatAuthentificationLike]
    attributs: Callable[[str], Mapping[str, str | list[str]]] | None
    autoriser: Callable[[str, str], DecisionLike] | None
    duree_ticket: timedelta
    inactivite_max: timedelta
    duree_max: timedelta
    domaine: str
    chemin_cookie: str
    _services: dict[str, ServiceApplicatif]
    _tickets: dict[str, TicketDeService]
    _tgts: dict[str, TicketTGT]
    _compteurs: dict[str, int]

    if TYPE_CHECKING:
        # serveur.py
        def url_login(self, service: str | None = None, *, renew: bool = False,
                      gateway: bool = False) -> str: ...

        def url_logout(self) -> str: ...

        def _trouver(self, code_ou_url: str) -> ServiceApplicatif | None: ...

        @staticmethod
        def _verifier_navigateur(navigateur: object) -> Navigateur: ...

        @staticmethod
        def _verifier_booleens(**valeurs: object) -> None: ...

        # sessions.py
        def nettoyer(self) -> list[str]: ...

        def _terminer(self, tgt: TicketTGT,
                      motif: str) -> tuple[list[str], list[str], list[str]]: ...

        # acces.py
        def _jeton(self, type_ticket: str, longueur: int) -> str: ...

        def _cookie_tgc(self, valeur: str) -> Cookie: ...

        def _lire_tgc(self, navigateur: Navigateur) -> tuple[TicketTGT | None, str | None,
                                                              Cookie | None]: ...

        def _delivrer(self, navigateur: Navigateur, tgt: TicketTGT,
                      service: ServiceApplicatif, *, identifiants_presentes: bool,
                      etapes: list[str]) -> tuple[ResultatAcces, int, str | None, str]: ...

        def _completer(self, resultat: ResultatAcces, etapes: list[str],
                       debut: int) -> ResultatAcces: ...


__all__ = ["DecisionLike", "EtatServeurCAS", "ResultatAuthentificationLike"]
