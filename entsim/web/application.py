"""L'application web (Starlette) : routes du serveur CAS, des services, du portail et de la
page de l'enseignant, et les pages d'erreur en français.

Une erreur n'affiche jamais de trace d'exécution : un paramètre refusé donne une page 400
(413 pour un formulaire trop gros), une adresse inconnue une page 404, une mauvaise méthode
(``DELETE /cas/login``) une page 405, et une erreur imprévue une page 500 en français,
comptée dans :attr:`~entsim.web.contexte.Contexte.erreurs_serveur` (les tests vérifient
qu'elle reste à zéro).

Chaque réponse porte ``Content-Security-Policy`` (aucun script, formulaires vers le serveur
seulement), ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer`` (un ticket
dans l'adresse ne part pas chez un autre site par l'en-tête ``Referer``) et
``Cache-Control: no-store``.
"""

from __future__ import annotations

import secrets
import traceback
from contextlib import asynccontextmanager

import httpx
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from entsim.socle.erreurs import ErreurENT
from entsim.web import cas as routes_cas
from entsim.web import services as routes_services
from entsim.web.adresses import BASE_DE_LA_REQUETE, chemin_du_service
from entsim.web.cas import CorpsTropGros, base_exigee
from entsim.web.comptes import page_fiches
from entsim.web.contexte import Contexte
from entsim.web.pages import e, page, page_erreur, tableau

ENTETES_SECURITE = {
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; "
                               "form-action 'self'; frame-ancestors 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}

TITRES_HTTP = {
    400: ("Requête refusée", "La requête est incomplète ou mal formée."),
    404: ("Page introuvable", "Cette adresse n'existe pas sur le serveur de l'ENT."),
    405: ("Méthode refusée", "Cette adresse ne s'utilise pas avec la méthode HTTP employée."),
    413: ("Requête trop grosse", "Le corps de la requête est trop gros."),
    431: ("En-têtes trop gros", "Les en-têtes de la requête dépassent 16 Kio."),
}
#: Taille maximale des en-têtes d'une requête (octets, noms et valeurs). uvicorn (h11) ne
#: limite que les en-têtes reçus en plusieurs morceaux (``h11_max_incomplete_event_size``) :
#: arrivés d'un seul bloc, 100 Kio passaient. Au-delà : 431 (RFC 6585, section 5).
TAILLE_MAX_ENTETES = 16 * 1024


class EntetesSecurite:
    """Intergiciel ASGI : compte les requêtes et ajoute :data:`ENTETES_SECURITE` à chaque
    réponse."""

    def __init__(self, app, contexte: Contexte) -> None:
        self.app = app
        self.contexte = contexte

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.contexte.requetes += 1
        BASE_DE_LA_REQUETE.set(None)
        taille = sum(len(n) + len(v) for n, v in scope.get("headers", []))
        if taille > TAILLE_MAX_ENTETES:
            titre, message = TITRES_HTTP[431]
            reponse = HTMLResponse(page_erreur(431, titre, message), status_code=431,
                                   headers=ENTETES_SECURITE)
            await reponse(scope, receive, send)
            return

        async def envoyer(message) -> None:
            if message["type"] == "http.response.start":
                presents = {n.lower() for n, _v in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (n.encode(), v.encode()) for n, v in ENTETES_SECURITE.items()
                    if n.encode() not in presents]
            await send(message)

        await self.app(scope, receive, envoyer)


def creer_application(contexte: Contexte) -> Starlette:
    """L'application Starlette du serveur (toutes les routes)."""
    client: dict[str, httpx.AsyncClient] = {}

    def appel_interne() -> httpx.AsyncClient:
        if "c" not in client:
            # une connexion neuve par requête interne : pas de course avec la fermeture d'une
            # connexion gardée ouverte (uvicorn la ferme après 5 s d'inactivité)
            client["c"] = httpx.AsyncClient(
                timeout=60.0, transport=httpx.AsyncHTTPTransport(retries=1),
                limits=httpx.Limits(max_connections=100, max_keepalive_connections=0))
        return client["c"]

    @asynccontextmanager
    async def cycle(_app):
        yield
        if "c" in client:
            await client.pop("c").aclose()

    async def accueil(request: Request) -> Response:
        base = base_exigee(contexte, request)
        cas = contexte.ent.cas
        liens = "".join(f"<li><a href=\"{e(base + chemin_du_service(code))}\">"
                        f"{e(cas.service(code).nom)}</a></li>"
                        for code in routes_services.SERVICES_WEB)
        etab = contexte.ent.etablissement
        return HTMLResponse(page(
            f"Portail de l'ENT — {etab.nom}",
            "<p>Chaque service vous renvoie vers le serveur d'authentification centrale "
            "(CAS) si vous n'y avez pas encore de session. Ouvrez les outils de "
            "développement du navigateur (F12) : onglet <em>Réseau</em> pour les "
            "redirections et le ticket <code>ST-…</code>, onglet <em>Application</em> → "
            "<em>Cookies</em> pour le cookie <code>TGC</code>.</p>"
            f"<ul>{liens}</ul>"
            f"<p><a href=\"{e(base)}/cas/login\">Se connecter</a> · "
            f"<a href=\"{e(base)}/cas/logout\">Se déconnecter</a></p>"))

    def refus_admin(request: Request) -> Response | None:
        jeton = request.query_params.get("jeton", "")
        if secrets.compare_digest(jeton.encode(), contexte.jeton_admin.encode()):
            return None
        return HTMLResponse(page_erreur(403, "Accès réservé à l'enseignant",
                                        "Jeton d'administration absent ou faux : il est "
                                        "affiché dans la console qui a lancé le serveur."),
                            status_code=403)

    async def fiches(request: Request) -> Response:
        refus = refus_admin(request)
        if refus is not None:
            return refus
        return HTMLResponse(page_fiches(
            contexte.ent.etablissement.nom, contexte.adresse_classe,
            [(i, contexte.comptes_demo[i]) for i in contexte.fiches]))

    async def administration(request: Request) -> Response:
        refus = refus_admin(request)
        if refus is not None:
            return refus
        lien = (f'<p><a href="admin/fiches?jeton={e(contexte.jeton_admin)}">Fiches de '
                f"connexion à imprimer</a> ({len(contexte.fiches)} comptes d'élèves).</p>"
                if contexte.fiches else "")
        comptes = lien + tableau(("Identifiant", "Mot de passe de démonstration"),
                                 sorted(contexte.comptes_demo.items()))
        sessions = tableau(("Service", "Identité", "Ticket"),
                           [(c, s.identifiant, s.ticket)
                            for c, s in contexte.sessions_ouvertes()])
        return HTMLResponse(page("Page de l'enseignant",
                                 f"<h3>Comptes de démonstration</h3>{comptes}"
                                 f"<h3>Sessions ouvertes dans les services</h3>{sessions}"))

    async def sur_erreur_http(request: Request, exc: Exception) -> Response:
        statut = getattr(exc, "status_code", 400)
        titre, message = TITRES_HTTP.get(statut, ("Requête refusée", "Requête refusée."))
        entetes = dict(getattr(exc, "headers", None) or {})
        return HTMLResponse(page_erreur(statut, titre, message), status_code=statut,
                            headers=entetes)

    async def sur_erreur_ent(request: Request, exc: Exception) -> Response:
        statut = 413 if isinstance(exc, CorpsTropGros) else 400
        titre = TITRES_HTTP[statut][0]
        code = getattr(exc, "code", None)
        return HTMLResponse(page_erreur(statut, titre, str(exc), code=code), status_code=statut)

    async def sur_erreur_imprevue(request: Request, exc: Exception) -> Response:
        contexte.erreurs_serveur += 1
        # pour l'enseignant et les tests (jamais dans la page) : la dernière erreur imprévue
        contexte.derniere_erreur = "".join(traceback.format_exception(exc))[-4000:]
        return HTMLResponse(page_erreur(500, "Erreur du serveur",
                                        "Le serveur de l'ENT simulé a rencontré une erreur "
                                        "imprévue ; la simulation n'a pas été modifiée par "
                                        "cette page."), status_code=500)

    routes = ([Route("/", accueil, methods=["GET"]),
               Route("/admin", administration, methods=["GET"]),
              Route("/admin/fiches", fiches, methods=["GET"])]
              + routes_cas.routes(contexte, appel_interne)
              + routes_services.routes(contexte, appel_interne))
    application = Starlette(
        routes=routes, lifespan=cycle, middleware=[Middleware(EntetesSecurite, contexte=contexte)],
        exception_handlers={HTTPException: sur_erreur_http, ErreurENT: sur_erreur_ent,
                            Exception: sur_erreur_imprevue})
    # pas de redirection « /admin/ → /admin » : Starlette la construit avec l'en-tête Host
    # reçu (une adresse que le serveur ne connaît pas) ; une adresse inconnue donne 404
    application.router.redirect_slashes = False

    return application
