"""Connexions lentes ou à moitié ouvertes : le protocole HTTP de uvicorn, borné dans le temps.

uvicorn (protocole ``h11``) limite la durée d'une connexion *inactive entre deux requêtes*
(``timeout_keep_alive``, 5 s) et, avec ``limit_concurrency``, le nombre de connexions (au-delà,
réponse 503), mais il n'a pas de délai pour *recevoir les en-têtes* d'une requête : un client
qui ouvre une connexion et n'envoie rien, ou envoie ses en-têtes octet par octet (attaque
« Slowloris »), garde sa connexion indéfiniment (``timeout_keep_alive`` est même remis à
zéro à chaque octet reçu). L'option ``--timeout-request-start`` (« Timeout unless request
headers complete within this time. ~10s ») est proposée depuis 2018 dans le ticket uvicorn
n° 157 (github.com/Kludex/uvicorn/issues/157), sans être réalisée.

:class:`ProtocoleBorne` ajoute ce délai : si les en-têtes d'une requête ne sont pas arrivés
:data:`DELAI_ENTETES` secondes après l'ouverture de la connexion (ou après la réponse
précédente), la connexion est fermée. Temps réel, et non horloge simulée : c'est une
protection du vrai serveur, pas une règle de l'ENT.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.h11_impl import H11Protocol

#: Délai (secondes, temps réel) pour recevoir les en-têtes complets d'une requête.
DELAI_ENTETES = 10.0


class ProtocoleBorne(H11Protocol):
    """Le protocole ``h11`` de uvicorn, avec un délai de réception des en-têtes."""

    delai_entetes: float = DELAI_ENTETES

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._minuterie_entetes: asyncio.TimerHandle | None = None
        self._armer()

    def _armer(self) -> None:
        if self._minuterie_entetes is not None:
            self._minuterie_entetes.cancel()
        self._minuterie_entetes = self.loop.call_later(self.delai_entetes, self._trop_lent)

    def _trop_lent(self) -> None:
        self._minuterie_entetes = None
        # une requête en cours (en-têtes reçus, réponse pas finie) n'est pas coupée
        en_cours = self.cycle is not None and not self.cycle.response_complete
        if not en_cours and not self.transport.is_closing():
            self.transport.close()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._armer()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._minuterie_entetes is not None:
            self._minuterie_entetes.cancel()
            self._minuterie_entetes = None
        super().connection_lost(exc)
