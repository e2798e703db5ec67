"""Le serveur web de l'ENT simulé : uvicorn dans un fil d'exécution à part.

:func:`demarrer` lance uvicorn (serveur ASGI) dans un fil « démon » avec sa propre boucle
d'événements : la cellule du notebook rend la main tout de suite, et le serveur s'arrête
avec le noyau (ou par :meth:`ServeurWeb.arreter`, ``ent.arreter()``).

**Sur quelle adresse ?** Par défaut 127.0.0.1 : seul l'ordinateur lui-même joint le
serveur. ``reseau_local=True`` écoute sur toutes les interfaces (0.0.0.0), pour une classe
sur le réseau du lycée : le serveur affiche alors un avertissement en français, crée un
compte par élève de la classe, donne à chaque compte du récit un mot de passe aléatoire
(module ``secrets`` : voir :mod:`entsim.web.comptes`) et tire un jeton d'administration
propre à la séance, qui ouvre la page de l'enseignant (``/admin?jeton=…``) où figurent ces
mots de passe, et les fiches à imprimer (``/admin/fiches?jeton=…``).

Connexions lentes ou à moitié ouvertes : au plus :data:`CONNEXIONS_MAX` connexions
(``limit_concurrency``), :data:`DELAI_INACTIVITE` secondes d'inactivité entre deux requêtes
(``timeout_keep_alive``), en-têtes reçus en :data:`~entsim.web.protocole.DELAI_ENTETES`
secondes au plus (:mod:`entsim.web.protocole`), 16 Kio d'en-têtes au plus.

Le serveur parle HTTP, sans chiffrement : sur le réseau, un mot de passe circule en clair
(c'est une simulation, avec des comptes de démonstration).
"""

from __future__ import annotations

import logging
import secrets
import socket
import threading
from dataclasses import dataclass, field

import uvicorn

from entsim.ent import ENT, URL_ENT
from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.web.adresses import Adresses
from entsim.web.application import creer_application
from entsim.web.comptes import COMPTES_PAR_DEFAUT, preparer_la_classe, verifier_nombre_de_comptes
from entsim.web.contexte import Contexte
from entsim.web.protocole import DELAI_ENTETES, ProtocoleBorne
from entsim.web.visite import NavigateurHTTP

#: Port par défaut (fixe : les sorties des notebooks restent identiques d'une exécution à
#: l'autre) ; 0 demande un port libre au système.
PORT_PAR_DEFAUT = 8765
#: Nombre maximal de connexions (et de requêtes en cours) : au-delà, uvicorn répond 503
#: (``limit_concurrency``). Une classe (35 élèves × 5 services, plus les validations de
#: serveur à serveur) reste loin en dessous ; 300 connexions à moitié ouvertes n'épuisent
#: plus les descripteurs de fichiers du système.
CONNEXIONS_MAX = 1000
#: Délai d'inactivité entre deux requêtes d'une connexion gardée ouverte (secondes).
DELAI_INACTIVITE = 5
#: Temps maximal d'attente du démarrage et de l'arrêt (secondes, temps réel).
ATTENTE_MAX = 10.0

AVERTISSEMENT_RESEAU = (
    "⚠ Attention : le serveur de l'ENT simulé est ouvert à tout le réseau local. Il parle "
    "HTTP sans chiffrement : les mots de passe de démonstration y circulent en clair. "
    "N'utilisez aucun vrai mot de passe, et arrêtez le serveur à la fin de la séance "
    "(ent.arreter() ou Ctrl+C).")

class ServeurIndisponible(ErreurENT):
    """Le serveur web n'a pas pu démarrer (port occupé…)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="serveur_indisponible")


def adresse_reseau_local() -> str | None:
    """L'adresse IP de la machine sur le réseau local (aucun paquet n'est envoyé : la
    « connexion » UDP ne fait que choisir l'interface de sortie)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
    except OSError:
        return None


def secrets_imprevisibles(ent: ENT) -> SourceAleatoire:
    """Sur le réseau local, les valeurs secrètes ne viennent plus de la graine.

    Un ENT de notebook est en mode ``reproductible`` : ses tickets et ses jetons sont tirés
    d'une graine publique (2026), et quiconque a le code les recalcule dans l'ordre. Sur
    127.0.0.1, seul l'ordinateur lui-même joint le serveur ; ouvert à la classe, un élève
    pourrait deviner le cookie ``TGC`` ou un ticket d'un autre (*CAS Protocol 3.0
    Specification*, section 3.1.1 : « Service tickets MUST contain adequate secure random
    data so that a ticket is not guessable » ; 3.5.1 pour le jeton ``lt`` ; 3.6.1 pour le
    TGC). Les tickets du serveur CAS simulé (TGT, ST, ``LogoutRequest``) passent donc au
    module ``secrets`` pour toute la suite de la séance ; rend la source (``secrets``
    aussi) des jetons ``lt`` et des sessions des services web."""
    ent.cas.source.reproductible = False
    return SourceAleatoire(ent.aleatoire.graine, reproductible=False, flux="jetons:web")


@dataclass(eq=False)
class ServeurWeb:
    """Un serveur web démarré sur un ENT (rendu par ``ent.servir()``)."""

    ent: ENT
    hote: str
    port: int
    contexte: Contexte
    _serveur: uvicorn.Server = field(repr=False)
    _fil: threading.Thread = field(repr=False)

    @property
    def adresse(self) -> str:
        """L'adresse à ouvrir dans le navigateur de cet ordinateur."""
        return f"http://127.0.0.1:{self.port}/"

    @property
    def actif(self) -> bool:
        return self._fil.is_alive() and not self._serveur.should_exit

    def navigateur(self) -> NavigateurHTTP:
        """Un navigateur piloté depuis une cellule (vraies requêtes HTTP, ses propres
        cookies) : voir :mod:`entsim.web.visite`."""
        return NavigateurHTTP(self.adresse)

    def arreter(self) -> None:
        """Arrête le serveur (les sessions de la simulation restent dans l'ENT)."""
        self._serveur.should_exit = True
        self._fil.join(ATTENTE_MAX)

    def __repr__(self) -> str:
        etat = "en marche" if self.actif else "arrêté"
        return f"Serveur web de l'ENT ({etat}) : {self.adresse}"


def demarrer(ent: ENT, *, port: int = PORT_PAR_DEFAUT, reseau_local: bool = False,
             comptes: int | None = None, journaliser: bool = False,
             connexions_max: int = CONNEXIONS_MAX,
             delai_entetes: float = DELAI_ENTETES) -> ServeurWeb:
    """Démarre le serveur web sur ``ent`` et rend la main dès qu'il écoute.

    :param port: le port TCP (0 : un port libre choisi par le système).
    :param reseau_local: ``True`` écoute sur tout le réseau local (avertissement, comptes
        de démonstration et jeton d'administration) ; ``False`` (par défaut) : 127.0.0.1.
    :param comptes: sur le réseau local, le nombre de comptes d'élèves à distribuer (par
        défaut :data:`~entsim.web.comptes.COMPTES_PAR_DEFAUT`, une classe de 35).
    :param connexions_max: voir :data:`CONNEXIONS_MAX` (les tests le réduisent).
    :param delai_entetes: voir :data:`~entsim.web.protocole.DELAI_ENTETES`.
    :param journaliser: ``True`` laisse uvicorn écrire ses messages (console de
        l'enseignant) ; ``False`` (notebook) : aucun message du serveur dans les cellules.
    """
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
        raise ValeurInvalide("« port » est un nombre entier entre 0 et 65535 (0 : port libre).")
    if not isinstance(reseau_local, bool):
        raise ValeurInvalide("« reseau_local » vaut True ou False.")
    if comptes is not None:
        if not reseau_local:
            raise ValeurInvalide("« comptes » ne sert qu'avec reseau_local=True : sur "
                                 "127.0.0.1, seul cet ordinateur joint le serveur.")
        verifier_nombre_de_comptes(comptes)
    hote = "0.0.0.0" if reseau_local else "127.0.0.1"
    prise = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    prise.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        prise.bind((hote, port))
    except OSError as erreur:
        prise.close()
        raise ServeurIndisponible(f"Le port {port} est déjà utilisé (ou interdit) : choisissez "
                                  f"un autre port, par exemple ent.servir(port=0).") from erreur
    port = prise.getsockname()[1]
    bases = [f"http://127.0.0.1:{port}", f"http://localhost:{port}"]
    ip = adresse_reseau_local() if reseau_local else None
    if ip:
        bases.append(f"http://{ip}:{port}")
    contexte = Contexte(ent=ent, adresses=Adresses(URL_ENT, bases),
                        base_interne=f"http://127.0.0.1:{port}",
                        jeton_admin=secrets.token_urlsafe(24), reseau_local=reseau_local,
                        source=secrets_imprevisibles(ent) if reseau_local else None)
    if reseau_local:
        contexte.comptes_demo, contexte.fiches = preparer_la_classe(
            ent, COMPTES_PAR_DEFAUT if comptes is None else comptes)
        contexte.adresse_classe = (bases[-1] if ip else bases[0]) + "/"
    if not journaliser:
        journal_uvicorn = logging.getLogger("uvicorn")
        journal_uvicorn.handlers[:] = [logging.NullHandler()]
        journal_uvicorn.propagate = False
    # requête HTTP illisible ou en-têtes de plus de 16 Kio : refusée par uvicorn (400)
    config = uvicorn.Config(creer_application(contexte), log_config=None,
                            access_log=journaliser,
                            log_level="info" if journaliser else "critical", lifespan="on",
                            timeout_graceful_shutdown=2,
                            h11_max_incomplete_event_size=16 * 1024,
                            limit_concurrency=connexions_max,
                            timeout_keep_alive=DELAI_INACTIVITE,
                            http=type("ProtocoleDeCeServeur", (ProtocoleBorne,),
                                      {"delai_entetes": delai_entetes}))
    serveur = uvicorn.Server(config)
    fil = threading.Thread(target=serveur.run, kwargs={"sockets": [prise]},
                           name=f"entsim-web-{port}", daemon=True)
    fil.start()
    attente = threading.Event()
    for _ in range(int(ATTENTE_MAX / 0.02)):
        if serveur.started or not fil.is_alive():
            break
        attente.wait(0.02)
    if not serveur.started:
        serveur.should_exit = True
        raise ServeurIndisponible("Le serveur web n'a pas démarré à temps.")
    return ServeurWeb(ent, hote, port, contexte, serveur, fil)


def presenter(serveur: ServeurWeb) -> str:
    """Ce que ``ent.servir()`` affiche : l'adresse, l'arrêt ; sur le réseau local,
    l'avertissement, les adresses pour la classe et celle de la page de l'enseignant."""
    lignes = [f"Serveur de l'ENT démarré : {serveur.adresse}",
              "Arrêt : ent.arreter() (ou redémarrage du noyau)."]
    contexte = serveur.contexte
    if contexte.reseau_local:
        lignes.insert(0, AVERTISSEMENT_RESEAU)
        autres = [b + "/" for b in contexte.adresses.bases if "127.0.0.1" not in b
                  and "localhost" not in b]
        if autres:
            lignes.append("Adresse pour la classe : " + ", ".join(autres))
        lignes.append(f"Page de l'enseignant (ne pas projeter) : "
                      f"{serveur.adresse}admin?jeton={contexte.jeton_admin}")
        admin = f"{serveur.adresse}admin"
        lignes.append(f"{len(contexte.fiches)} comptes d'élèves prêts : fiches à imprimer "
                      f"(une par élève) sur {admin}/fiches?jeton={contexte.jeton_admin}")
        lignes.append("Les personnages du récit (Léa Martin, M. Durand…) ont un nouveau mot "
                      "de passe, aléatoire : liste sur la page de l'enseignant.")
    return "\n".join(lignes)
