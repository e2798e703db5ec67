"""Les adresses du serveur CAS : chaque requête HTTP devient un appel du serveur CAS simulé.

*CAS Protocol 3.0 Specification* (version 3.0.3, Apereo) :

* ``GET /cas/login`` (section 2.1) : formulaire avec les champs ``username``, ``password``
  et ``lt`` (2.1.3) et la notice d'information ; ou ticket tout de suite grâce au cookie TGC
  (2.1.5) ; ``renew`` et ``gateway`` (2.1.1) — :meth:`entsim.sso.serveur.ServeurCAS.acceder` ;
* ``POST /cas/login`` (section 2.2) : le jeton ``lt`` doit avoir été émis et ne sert qu'une
  fois (3.5.1) ; succès → redirection **303** vers le service, pour que le navigateur y
  aille en GET sans renvoyer le mot de passe (2.2.4 : « This redirection MUST result in the
  client issuing a GET request ») — :meth:`~entsim.sso.serveur.ServeurCAS.connexion` ;
* ``GET /cas/logout`` (section 2.3) : session détruite, cookie effacé, ``samlp:LogoutRequest``
  envoyé en POST à chaque service (2.3.3, « fire and forget », 2.3.3.1) ; ``service`` ne
  redirige que vers un service enregistré (2.3.2), ``url`` est ignoré (2.3.1) ;
* ``/cas/validate`` (CAS 1.0, section 2.4 : ``yes`` puis l'identifiant, ou ``no``),
  ``/cas/serviceValidate`` (2.5) et ``/cas/p3/serviceValidate`` (2.8, attributs) : la
  réponse XML de l'annexe A, produite par :meth:`~entsim.sso.serveur.ServeurCAS.valider` ;
  un paramètre manquant ou en double donne ``INVALID_REQUEST`` (2.5.3).

Les mandataires (``pgtUrl``, ``/proxy``) ne sont pas simulés : ``pgtUrl`` est ignoré et
aucune réponse ne contient de ``proxyGrantingTicket``.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import httpx
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from entsim.rgpd.notice import rubriques_du_portail
from entsim.socle.erreurs import ErreurENT
from entsim.sso.reponses import (ACCES_REFUSE, IDENTIFICATION_DEMANDEE, INVALID_REQUEST,
                                 PASSERELLE_SANS_SESSION, REAUTHENTIFICATION_DEMANDEE,
                                 TICKET_EMIS, Validation)
from entsim.web.adresses import (LONGUEUR_MAX_PARAMETRE, TAILLE_MAX_CORPS, ParametreInvalide,
                                 chemin_du_service, drapeau, lire_corps_formulaire,
                                 un_parametre)
from entsim.web.contexte import (Contexte, base_publique, chemin_de_base, entete_cookie,
                                 navigateur_de_la_requete, tgc_de)
from entsim.web.pages import e, formulaire_connexion, page, page_erreur
from entsim.sso.tickets import NOM_COOKIE_TGC

XML = "application/xml; charset=UTF-8"


class CorpsTropGros(ParametreInvalide):
    """Corps de requête trop gros (HTTP 413)."""


async def lire_formulaire(request: Request) -> dict[str, list[str]]:
    """Le formulaire posté, lu par morceaux et refusé au-delà de
    :data:`~entsim.web.adresses.TAILLE_MAX_CORPS` octets."""
    corps = bytearray()
    async for morceau in request.stream():
        corps.extend(morceau)
        if len(corps) > TAILLE_MAX_CORPS:
            raise CorpsTropGros(f"Formulaire trop gros : plus de {TAILLE_MAX_CORPS // 1024} "
                                "Kio.")
    return lire_corps_formulaire(bytes(corps))


def base_ou_none(contexte: Contexte, request: Request) -> str | None:
    client = request.client.host if request.client else None
    return base_publique(contexte, schema=request.url.scheme,
                         hote=request.headers.get("host"), client=client,
                         prefixe=request.headers.get("x-forwarded-prefix"),
                         proto=request.headers.get("x-forwarded-proto"))


def base_exigee(contexte: Contexte, request: Request) -> str:
    base = base_ou_none(contexte, request)
    if base is None:
        raise ParametreInvalide("Adresse inconnue : ouvrez l'ENT à l'adresse affichée par "
                                "ent.servir() (" + ", ".join(contexte.adresses.bases) + ").")
    return base


def poser_tgc(reponse: Response, avant: str | None, apres: str | None, base: str) -> None:
    """Traduit le changement du cookie TGC dans le navigateur simulé en ``Set-Cookie``."""
    if avant == apres:
        return
    chemin = chemin_de_base(base) + "/cas"
    securise = base.startswith("https://")
    reponse.headers.append("set-cookie", entete_cookie(NOM_COOKIE_TGC, apres, chemin=chemin,
                                                       securise=securise))


def service_a_l_adresse(contexte: Contexte, url_simulee: str):
    """Le service enregistré à cette adresse simulée (comparaison exacte), sinon ``None``."""
    return next((s for s in contexte.ent.cas.services() if s.url == url_simulee), None)


def origine_acceptee(contexte: Contexte, origine: str | None, site: str | None,
                     base: str) -> bool:
    """Faux si le formulaire a été posté depuis une page d'un autre site.

    Sans ce contrôle, une page piégée poste le formulaire avec un jeton ``lt`` obtenu par
    l'attaquant et *ses* identifiants : la victime se retrouve connectée au compte de
    l'attaquant (connexion forcée, « login CSRF ») ; le jeton ``lt`` (section 3.5) n'est lié à
    aucun navigateur. Deux en-têtes posés par le navigateur lui-même :

    * ``Sec-Fetch-Site`` (W3C *Fetch Metadata Request Headers*) : ``cross-site`` → refusé ;
    * ``Origin`` (RFC 6454, section 7) : une autre origine que le serveur → refusé. Les pages
      du serveur ont ``Referrer-Policy: no-referrer`` : Chromium envoie alors
      ``Origin: null`` avec le formulaire du serveur lui-même ; ``null`` est donc accepté
      (``Sec-Fetch-Site`` tranche).

    Un client sans ces en-têtes (``python-cas``, ``curl``) passe."""
    if site is not None and site.lower() == "cross-site":
        return False
    if origine is None or origine == "null":
        return True
    permises = {f"{urlsplit(b).scheme}://{urlsplit(b).netloc}"
                for b in (base, *contexte.adresses.bases)}
    return origine.rstrip("/") in permises


def adresse_simulee_brute(contexte: Contexte, service: str | None) -> bool:
    """Vrai pour une adresse simulée donnée telle quelle (``https://ent.example/notes``).

    Elle ne commence par aucune base du serveur, donc n'est pas traduite ; mais la simulation
    y reconnaît un service enregistré et émettait un ticket vers une adresse que le serveur
    ne sait pas rejoindre (page 500). Le navigateur ne peut pas la joindre : elle est
    refusée comme un service inconnu (section 2.2.1)."""
    return (service is not None and contexte.adresses.base_de(service) is None
            and service.startswith(contexte.adresses.url_simulee))


def _refus_adresse_simulee(service: str) -> HTMLResponse:
    return HTMLResponse(page_erreur(
        403, "Service inconnu",
        f"L'adresse « {service} » est celle de la simulation, pas une adresse de ce serveur : "
        "ouvrez le service depuis le portail (aucune redirection, spécification CAS 3.0, "
        "section 2.2.1).", code="service_inconnu"), status_code=403)


def _notice(contexte: Contexte) -> list[tuple[str, str]]:
    return [(r.titre, r.texte) for r in rubriques_du_portail(contexte.ent)]


def _formulaire(contexte: Contexte, base: str, *, service: str | None, renew: bool,
                message: str | None, statut: int = 200, identifiant: str = "") -> HTMLResponse:
    nom = None
    if service is not None:
        cible = service_a_l_adresse(contexte, contexte.adresses.vers_simulation(service))
        nom = cible.nom if cible is not None else None
    html = formulaire_connexion(
        action=base + "/cas/login", lt=contexte.nouveau_jeton_formulaire(), service=service,
        renew=renew, nom_service=nom, message=message, notice=_notice(contexte),
        identifiant=identifiant[:LONGUEUR_MAX_PARAMETRE])
    return HTMLResponse(html, status_code=statut)


def _vers_service(contexte: Contexte, url_simulee: str, service: str) -> str:
    """L'adresse réelle de redirection : sous la base par laquelle ``service`` a été donné."""
    base = contexte.adresses.base_de(service)
    assert base is not None  # le service est enregistré : son adresse a été traduite
    return contexte.adresses.vers_reel(url_simulee, base)


def routes(contexte: Contexte,
           appel_interne: Callable[[], httpx.AsyncClient]) -> list[Route]:
    """Les routes ``/cas/…`` du serveur ; ``appel_interne`` donne le client HTTP partagé des
    requêtes de serveur à serveur (déconnexion unique)."""
    cas = contexte.ent.cas
    adresses = contexte.adresses

    async def login_get(request: Request) -> Response:
        base = base_exigee(contexte, request)
        q = request.query_params
        service = un_parametre(q.getlist("service"), "service")
        renew = drapeau(q.getlist("renew"), "renew")
        gateway = drapeau(q.getlist("gateway"), "gateway")
        if adresse_simulee_brute(contexte, service):
            return _refus_adresse_simulee(service)
        with contexte.verrou:
            navigateur = navigateur_de_la_requete(contexte, request.cookies,
                                                  request.client.host if request.client else None)
            avant = tgc_de(navigateur, contexte)
            if service is None:
                # section 2.1.1 : sans service, formulaire, ou « déjà connecté(e) »
                session = cas.tgt_de(navigateur)
                if session is not None and session.etat == "active" and not renew:
                    reponse: Response = HTMLResponse(page(
                        "Vous êtes connecté(e)",
                        f"<p class=\"succes\">Session SSO ouverte pour "
                        f"<strong>{e(session.identifiant)}</strong>.</p>"
                        f"<p><a href=\"{e(base)}/\">Retour au portail</a></p>"))
                else:
                    reponse = _formulaire(contexte, base, service=None, renew=renew,
                                          message=None)
                return reponse
            resultat = cas.acceder(navigateur, adresses.vers_simulation(service), renew=renew,
                                   gateway=gateway)
            apres = tgc_de(navigateur, contexte)
            if resultat.code in (TICKET_EMIS, PASSERELLE_SANS_SESSION) \
                    and resultat.url_redirection:
                reponse = RedirectResponse(
                    _vers_service(contexte, resultat.url_redirection, service), status_code=302)
            elif resultat.code in (IDENTIFICATION_DEMANDEE, REAUTHENTIFICATION_DEMANDEE):
                # le formulaire dit pourquoi s'il y a une raison (renew, session expirée)
                message = (resultat.message
                           if renew or resultat.code == REAUTHENTIFICATION_DEMANDEE else None)
                reponse = _formulaire(contexte, base, service=service, renew=renew,
                                      message=message)
            else:
                titre = "Accès refusé" if resultat.code == ACCES_REFUSE else "Service inconnu"
                reponse = HTMLResponse(page_erreur(403, titre, resultat.message,
                                                   code=resultat.code), status_code=403)
            poser_tgc(reponse, avant, apres, base)
            return reponse

    async def login_post(request: Request) -> Response:
        base = base_exigee(contexte, request)
        if not origine_acceptee(contexte, request.headers.get("origin"),
                                request.headers.get("sec-fetch-site"), base):
            return HTMLResponse(page_erreur(
                403, "Formulaire refusé",
                "Ce formulaire de connexion a été envoyé depuis un autre site : ouvrez la "
                "page de connexion de l'ENT et saisissez-y vos identifiants."),
                status_code=403)
        champs = await lire_formulaire(request)
        service = un_parametre(champs.get("service", []), "service")
        if adresse_simulee_brute(contexte, service):
            return _refus_adresse_simulee(service)
        renew = drapeau(champs.get("renew", []), "renew")
        identifiant = un_parametre(champs.get("username", []), "username") or ""
        mot_de_passe = un_parametre(champs.get("password", []), "password")
        lt = un_parametre(champs.get("lt", []), "lt")
        with contexte.verrou:
            if not contexte.consommer_jeton_formulaire(lt):
                return _formulaire(contexte, base, service=service, renew=renew, statut=400,
                                   message="Ce formulaire a déjà servi ou a expiré (jeton "
                                           "« lt » inconnu) : saisissez de nouveau vos "
                                           "identifiants.", identifiant=identifiant)
            if not identifiant or mot_de_passe is None:
                return _formulaire(contexte, base, service=service, renew=renew, statut=400,
                                   message="Saisissez votre identifiant et votre mot de passe.",
                                   identifiant=identifiant)
            navigateur = navigateur_de_la_requete(contexte, request.cookies,
                                                  request.client.host if request.client else None)
            avant = tgc_de(navigateur, contexte)
            try:
                resultat = cas.connexion(
                    navigateur, identifiant, mot_de_passe, renew=renew,
                    service=adresses.vers_simulation(service) if service is not None else None)
            except ErreurENT as erreur:
                return _formulaire(contexte, base, service=service, renew=renew, statut=400,
                                   message=str(erreur))
            apres = tgc_de(navigateur, contexte)
            if not resultat.ok:
                # section 2.2.4 : échec → retour au formulaire, avec la raison
                statut = 403 if resultat.code == "service_inconnu" else 401
                reponse: Response = _formulaire(contexte, base, service=service, renew=renew,
                                                statut=statut, message=resultat.message,
                                                identifiant=identifiant)
            elif resultat.url_redirection and service is not None:
                reponse = RedirectResponse(
                    _vers_service(contexte, resultat.url_redirection, service), status_code=303)
            elif resultat.acces is not None and not resultat.acces.ok:
                reponse = HTMLResponse(page_erreur(403, "Accès refusé", resultat.acces.message,
                                                   code=resultat.acces.code), status_code=403)
            else:
                reponse = HTMLResponse(page(
                    "Vous êtes connecté(e)",
                    f"<p class=\"succes\">{e(resultat.message)}</p>"
                    f"<p><a href=\"{e(base)}/\">Aller au portail</a></p>"))
            poser_tgc(reponse, avant, apres, base)
            return reponse

    async def logout(request: Request) -> Response:
        base = base_exigee(contexte, request)
        service = un_parametre(request.query_params.getlist("service"), "service")
        with contexte.verrou:
            navigateur = navigateur_de_la_requete(contexte, request.cookies,
                                                  request.client.host if request.client else None)
            avant = tgc_de(navigateur, contexte)
            resultat = cas.deconnexion(navigateur)
            apres = tgc_de(navigateur, contexte)
        # déconnexion unique : un vrai POST vers chaque service (section 2.3.3)
        prevenus = await envoyer_deconnexions(contexte, appel_interne(),
                                              resultat.services_notifies, resultat.requetes)
        cible = None
        if service is not None:
            simulee = adresses.vers_simulation(service)
            if service_a_l_adresse(contexte, simulee) is not None \
                    and adresses.base_de(service) is not None:
                cible = service
        if cible is not None:
            reponse: Response = RedirectResponse(cible, status_code=302)
        else:
            refus = ("<p class=\"note\">Adresse de retour refusée : ce n'est pas un service "
                     "enregistré (spécification CAS 3.0, section 2.3.2).</p>"
                     if service is not None else "")
            noms = " ; ".join(f"{cas.service(c).nom} : {etat}" for c, etat in prevenus)
            reponse = HTMLResponse(page(
                "Vous êtes déconnecté(e)",
                f"<p class=\"succes\">{e(resultat.message)}</p>"
                + (f"<p class=\"succes\">Services prévenus (déconnexion unique) : "
                   f"{e(noms)}.</p>" if noms else "") + refus
                + f"<p><a href=\"{e(base)}/\">Retour au portail</a></p>"))
        poser_tgc(reponse, avant, apres, base)
        return reponse

    def _validation(request: Request) -> Validation:
        q = request.query_params
        try:
            ticket = un_parametre(q.getlist("ticket"), "ticket")
            service = un_parametre(q.getlist("service"), "service")
            renew = drapeau(q.getlist("renew"), "renew")
            format_ = un_parametre(q.getlist("format"), "format")
            if format_ is not None and format_.upper() != "XML":
                raise ParametreInvalide("Seul le format XML est proposé par ce serveur "
                                        "(« format » : section 2.5.1).")
        except ParametreInvalide as erreur:
            return Validation(ok=False, ticket=None, service=None, code=INVALID_REQUEST,
                              message=str(erreur))
        with contexte.verrou:
            return cas.valider(ticket, adresses.vers_simulation(service) if service else service,
                               renew=renew)

    async def service_validate(request: Request) -> Response:
        return Response(_validation(request).xml(), media_type=XML)

    async def validate_v1(request: Request) -> Response:
        validation = _validation(request)
        corps = f"yes\n{validation.utilisateur}\n" if validation.ok else "no\n\n"
        return PlainTextResponse(corps)

    return [
        Route("/cas/login", login_get, methods=["GET"]),
        Route("/cas/login", login_post, methods=["POST"]),
        Route("/cas/logout", logout, methods=["GET"]),
        Route("/cas/validate", validate_v1, methods=["GET"]),
        Route("/cas/serviceValidate", service_validate, methods=["GET"]),
        Route("/cas/p3/serviceValidate", service_validate, methods=["GET"]),
    ]


async def envoyer_deconnexions(contexte: Contexte, client: httpx.AsyncClient,
                               services: tuple[str, ...],
                               requetes: tuple[str, ...]) -> list[tuple[str, str]]:
    """Envoie chaque ``samlp:LogoutRequest`` en POST (paramètre ``logoutRequest``) au service
    concerné, à l'adresse interne du serveur ; une erreur est notée et ignorée (section
    2.3.3.1, « fire and forget »). Rend (code du service, « demande reçue » ou la raison de
    l'échec)."""
    etats = []
    for code, xml in zip(services, requetes):
        url = contexte.base_interne + chemin_du_service(code)
        try:
            reponse = await client.post(url, data={"logoutRequest": xml})
            etats.append((code, "demande reçue" if reponse.status_code == 200
                          else f"réponse HTTP {reponse.status_code}"))
        except httpx.HTTPError as erreur:
            contexte.echecs_internes.append(f"déconnexion unique : {type(erreur).__name__}")
            etats.append((code, f"service injoignable ({type(erreur).__name__})"))
    return etats
