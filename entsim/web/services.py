"""Les services de l'ENT comme petites applications web clientes du serveur CAS.

Chaque service (``/cahier-de-textes``, ``/notes``, ``/messagerie``…) se comporte comme un
client CAS (*CAS Protocol 3.0 Specification*, annexe B et section 2.5) :

1. pas de session → redirection 302 vers ``/cas/login?service=<son adresse>`` (``renew`` et
   ``gateway`` transmis si la page les reçoit) ;
2. retour avec ``?ticket=ST-…`` → le service fait valider le ticket **de serveur à serveur**
   par une vraie requête HTTP vers ``/cas/p3/serviceValidate`` (à l'adresse interne
   ``http://127.0.0.1:<port>``) et lit l'identité et les attributs dans la réponse XML ;
3. ticket validé → le service ouvre sa propre session (cookie ``session_<code>``, chemin du
   service, ``HttpOnly``, ``SameSite=Lax``) et renvoie (303) vers son adresse sans ticket :
   le ticket ne reste pas dans la barre d'adresse ni dans l'historique ;
4. la page montre ce que l'autorisation permet (les données du service simulé, lues avec
   l'identité reçue : une lecture refusée affiche le refus) ;
5. ``POST`` avec ``logoutRequest`` (déconnexion unique, section 2.3.3 et annexe C) → la
   session ouverte par le ticket nommé dans ``SessionIndex`` est fermée (section 2.3.3.2) ;
   le service répond 200 (« the client SHALL return a HTTP success status code »). Seules
   les demandes venues de la machine du serveur sont acceptées, et pas celles relayées par
   un mandataire (en-têtes ``X-Forwarded-…`` ou ``Forwarded`` : derrière
   jupyter-server-proxy, un navigateur distant arrive aussi de 127.0.0.1). La spécification
   ne dit pas comment authentifier la demande ; phpCAS vérifie de même que l'émetteur est le
   serveur CAS (``handleLogoutRequests``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from urllib.parse import quote

import httpx
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from entsim.socle.erreurs import ErreurENT
from entsim.sso.reponses import NS_CAS, NS_SAMLP
from entsim.web.adresses import ParametreInvalide, chemin_du_service, drapeau, un_parametre
from entsim.web.cas import base_exigee, lire_formulaire
from entsim.web.contexte import (AvisRecu, Contexte, SessionWeb, chemin_de_base, client_local,
                                 entete_cookie)
from entsim.web.pages import e, liste, page, page_erreur, tableau

#: Les services servis en HTTP : ceux qui ont une simulation détaillée.
SERVICES_WEB = ("cahier_de_textes", "notes", "messagerie", "absences", "emploi_du_temps",
                "agenda", "actualites", "forum", "blog", "casier", "cdi", "mediacentre",
                "orientation", "espace_documentaire")
#: Marqueurs (cookies courts) : le service attend le retour d'une demande ``gateway`` ou
#: ``renew`` (le serveur CAS renvoie à l'adresse du service, sans ce paramètre).
MARQUEUR_PASSERELLE = "passerelle"
MARQUEUR_RENEW = "renew"


def lire_validation(xml: bytes) -> tuple[str | None, dict[str, list[str]], str | None, str]:
    """(utilisateur, attributs, code d'échec, message) lus dans une réponse de
    ``/p3/serviceValidate`` (annexe A)."""
    racine = ET.fromstring(xml)
    succes = racine.find(f"{{{NS_CAS}}}authenticationSuccess")
    if succes is None:
        echec = racine.find(f"{{{NS_CAS}}}authenticationFailure")
        code = echec.get("code") if echec is not None else "INTERNAL_ERROR"
        return None, {}, code, (echec.text or "").strip() if echec is not None else ""
    utilisateur = succes.findtext(f"{{{NS_CAS}}}user")
    attributs: dict[str, list[str]] = {}
    bloc = succes.find(f"{{{NS_CAS}}}attributes")
    for element in (bloc if bloc is not None else []):
        attributs.setdefault(element.tag.split("}", 1)[1], []).append(element.text or "")
    return utilisateur, attributs, None, ""


def _premiere(attributs: dict[str, object], nom: str) -> str | None:
    valeurs = attributs.get(nom)
    return valeurs[0] if isinstance(valeurs, list) and valeurs else None


def _donnees(contexte: Contexte, code: str, session: SessionWeb) -> str:
    """Ce que le service montre à cette personne (lecture dans le service simulé, avec
    l'identité reçue du serveur CAS : l'autorisation décide)."""
    ent = contexte.ent
    ident = session.identifiant
    attributs = session.attributs
    classes = ([c for c in [_premiere(attributs, "classe")] if c]
               or list(attributs.get("classes", [])))  # type: ignore[arg-type]
    try:
        with contexte.verrou:
            if code == "cahier_de_textes":
                lignes = [e(s.en_texte()) for c in classes
                          for s in ent.service(code).travail_a_faire(ident, c)]
                return "<h3>Travail à faire</h3>" + liste(lignes)
            if code == "notes":
                # un élève reçoit l'attribut « classe », un parent « enfants »
                eleves = ([ident] if _premiere(attributs, "classe")
                          else list(attributs.get("enfants", [])))  # type: ignore[arg-type]
                blocs = [f"<pre>{e(ent.service(code).releve(ident, x).en_texte())}</pre>"
                         for x in eleves]
                return "<h3>Relevé de notes</h3>" + ("".join(blocs) or "<p>(aucun relevé)</p>")
            if code == "messagerie":
                service = ent.service(code)
                lignes = [(f"{m.date:%d/%m/%Y %H:%M}", service.nom_de(m.expediteur), m.objet)
                          for m in service.boite_de_reception(ident)]
                return "<h3>Boîte de réception</h3>" + tableau(("Date", "De", "Objet"), lignes)
    except ErreurENT as erreur:
        return f'<p class="erreur">{e(erreur)}</p>'
    return ("<p class=\"note\">Ce service existe dans la simulation ; sa page web ne montre "
            "que l'identité reçue du serveur CAS.</p>")


def routes(contexte: Contexte, appel_interne: Callable[[], httpx.AsyncClient]) -> list[Route]:
    """Les routes des services : ``GET`` (page, retour avec ticket) et ``POST``
    (déconnexion unique) sur le chemin de chaque service."""
    cas = contexte.ent.cas
    resultat: list[Route] = []
    for code in SERVICES_WEB:
        chemin = chemin_du_service(code)
        nom = cas.service(code).nom
        resultat.append(Route(chemin, _page(contexte, code, chemin, nom, appel_interne),
                              methods=["GET"]))
        resultat.append(Route(chemin, _deconnexion_unique(contexte, code), methods=["POST"]))
    return resultat


def _page(contexte: Contexte, code: str, chemin: str, nom: str,
          appel_interne: Callable[[], httpx.AsyncClient]):
    nom_cookie = f"session_{code}"
    cas = contexte.ent.cas

    async def afficher(request: Request) -> Response:
        base = base_exigee(contexte, request)
        adresse = base + chemin
        q = request.query_params
        ticket = un_parametre(q.getlist("ticket"), "ticket")
        renew = drapeau(q.getlist("renew"), "renew")
        gateway = drapeau(q.getlist("gateway"), "gateway")
        chemin_cookie = chemin_de_base(base) + chemin
        securise = base.startswith("https://")
        sessions = contexte.sessions_de(code)
        if ticket is not None:
            avec_renew = request.cookies.get(f"{MARQUEUR_RENEW}_{code}") == "1"
            # l'adresse du service par la base interne : la même adresse simulée que celle
            # vue par le navigateur (la base du mandataire ne vaut que pour sa requête)
            params = {"service": contexte.base_interne + chemin, "ticket": ticket}
            if avec_renew:
                params["renew"] = "true"
            try:
                reponse_cas = await appel_interne().get(
                    contexte.base_interne + "/cas/p3/serviceValidate", params=params)
            except httpx.HTTPError as erreur:
                contexte.echecs_internes.append(f"validation : {type(erreur).__name__}")
                return HTMLResponse(page_erreur(
                    503, f"{nom} : serveur CAS injoignable",
                    "Le service n'a pas pu faire valider le ticket par le serveur CAS "
                    "(pas de réponse à temps) : rechargez la page pour recommencer."),
                    status_code=503)
            utilisateur, attributs, code_echec, message = lire_validation(reponse_cas.content)
            if utilisateur is None:
                return HTMLResponse(page_erreur(
                    403, f"{nom} : ticket refusé",
                    f"Le serveur CAS a refusé le ticket ({code_echec}) : {message}",
                    code=code_echec), status_code=403)
            session = SessionWeb(contexte.nouvel_id_session(), utilisateur, ticket,
                                 dict(attributs))
            sessions[session.id] = session
            with contexte.verrou:  # la simulation la connaît aussi (journal, coulisses)
                cas.service(code).noter_session(
                    utilisateur, ticket, id_session=session.id,
                    poste=f"Navigateur web {request.client.host}"
                    if request.client else "Navigateur web",
                    attributs={n: v[0] if len(v) == 1 else tuple(v)
                               for n, v in attributs.items()})
            reponse: Response = RedirectResponse(adresse, status_code=303)
            reponse.headers.append("set-cookie", entete_cookie(
                nom_cookie, session.id, chemin=chemin_cookie, securise=securise))
            if avec_renew:
                reponse.headers.append("set-cookie", entete_cookie(
                    f"{MARQUEUR_RENEW}_{code}", None, chemin=chemin_cookie, securise=securise))
            return reponse
        session = sessions.get(request.cookies.get(nom_cookie, ""))
        if session is not None and session.ouverte:
            # la session SSO a pu finir sans que la demande HTTP arrive (expiration, ou POST
            # perdu : section 2.3.3.1, « fire and forget ») : la simulation, elle, le sait
            with contexte.verrou:
                cas.nettoyer()
                notee = cas.service(code).session_du_ticket(session.ticket)
            if notee is None or not notee.ouverte:
                session.ouverte, session.fermee_par = False, "session_sso_fermee"
        if session is not None and session.ouverte and not renew:
            return HTMLResponse(_page_service(contexte, code, nom, base, session))
        if request.cookies.get(f"{MARQUEUR_PASSERELLE}_{code}") == "1" and not gateway:
            # retour d'une demande gateway sans ticket : page publique (section 2.1.1)
            reponse = HTMLResponse(page(nom, "<p>Vous n'êtes pas connecté(e) : le serveur CAS "
                                             "n'avait pas de session SSO pour ce navigateur "
                                             "(« gateway »), et ne vous a rien demandé.</p>"
                                             f"<p><a href=\"{e(adresse)}\">Se connecter</a></p>"))
            reponse.headers.append("set-cookie", entete_cookie(
                f"{MARQUEUR_PASSERELLE}_{code}", None, chemin=chemin_cookie, securise=securise))
            return reponse
        cible = f"{base}/cas/login?service={quote(adresse, safe='')}"
        cible += "&renew=true" if renew else ""
        cible += "&gateway=true" if gateway and not renew else ""
        reponse = RedirectResponse(cible, status_code=302)
        if gateway and not renew:
            reponse.headers.append("set-cookie", entete_cookie(
                f"{MARQUEUR_PASSERELLE}_{code}", "1", chemin=chemin_cookie, securise=securise))
        if renew:
            reponse.headers.append("set-cookie", entete_cookie(
                f"{MARQUEUR_RENEW}_{code}", "1", chemin=chemin_cookie, securise=securise))
        return reponse

    return afficher


def _page_service(contexte: Contexte, code: str, nom: str, base: str,
                  session: SessionWeb) -> str:
    attributs = session.attributs
    prenom = _premiere(attributs, "prenom") or ""
    nom_famille = _premiere(attributs, "nom") or ""
    lignes = [(n, ", ".join(v)) for n, v in attributs.items()  # type: ignore[arg-type]
              if n not in ("authenticationDate", "longTermAuthenticationRequestTokenUsed")]
    corps = (f"<p class=\"succes\">Bonjour {e(prenom)} {e(nom_famille)} "
             f"(<code>{e(session.identifiant)}</code>) : session ouverte dans « {e(nom)} » "
             f"par le ticket <code>{e(session.ticket)}</code>.</p>"
             + _donnees(contexte, code, session)
             + "<details><summary>Attributs reçus du serveur CAS (propagation de "
               "l'identité)</summary>" + tableau(("Attribut", "Valeur"), lignes) + "</details>"
             + f"<p><a href=\"{e(base)}/\">Portail</a> · "
               f"<a href=\"{e(base)}/cas/logout\">Se déconnecter</a></p>")
    return page(nom, corps, entete=f"ENT du lycée — {nom}")


def _deconnexion_unique(contexte: Contexte, code: str):
    async def recevoir(request: Request) -> Response:
        relayee = any(n.startswith("x-forwarded-") or n == "forwarded"
                      for n in request.headers.keys())
        if relayee or not client_local(request.client.host if request.client else None):
            return HTMLResponse(page_erreur(403, "Demande refusée",
                                            "Seul le serveur CAS de l'ENT envoie des demandes "
                                            "de déconnexion à ce service."), status_code=403)
        champs = await lire_formulaire(request)
        xml = un_parametre(champs.get("logoutRequest", []), "logoutRequest",
                           obligatoire=True) or ""
        try:
            racine = ET.fromstring(xml)
        except ET.ParseError as erreur:
            raise ParametreInvalide("Demande de déconnexion illisible (XML mal formé).") \
                from erreur
        index = (racine.findtext(f"{{{NS_SAMLP}}}SessionIndex") or "").strip()
        if racine.tag != f"{{{NS_SAMLP}}}LogoutRequest" or not index:
            raise ParametreInvalide("Ce document n'est pas une demande de déconnexion "
                                    "(samlp:LogoutRequest avec un SessionIndex).")
        fermee = False
        for session in contexte.sessions_de(code).values():
            if session.ticket == index and session.ouverte:
                session.ouverte, session.fermee_par = False, "deconnexion_unique"
                fermee = True
        contexte.avis.append(AvisRecu(code, index, fermee, xml))
        return PlainTextResponse("Demande de déconnexion reçue.")

    return recevoir
