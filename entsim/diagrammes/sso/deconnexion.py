"""Le schéma de la déconnexion unique, propagée à chaque service ouvert pendant la session.

Spécification CAS 3.0 (Apereo), section 2.3.3 et annexe C : le serveur CAS envoie un
``samlp:LogoutRequest`` à chaque service, avec le ticket qui y avait ouvert la session comme
``SessionIndex`` ; SDET, document 2 : « propagation de la déconnexion auprès de l'ensemble
des services applicatifs avec lesquels l'utilisateur a une session en cours ».
"""

from __future__ import annotations

import re

from entsim.socle.texte import accorder
from entsim.socle.erreurs import ValeurInvalide
from entsim.sso.navigateur import CANAL_DIRECT, CANAL_NAVIGATEUR
from entsim.sso.reponses import NOM_SERVEUR, ResultatDeconnexion
from entsim.diagrammes.schema import Schema, apparence, apparence_fleche, digraphe
from entsim.diagrammes.sso.textes import (
    dot, echanges_de, _lignes, abreger, abreger_texte, url_courte,
)

__all__ = ["schema_deconnexion"]


def schema_deconnexion(resultat: ResultatDeconnexion) -> Schema:
    """La déconnexion unique : le navigateur demande ``/logout`` ; le serveur CAS détruit la
    session SSO et envoie un ``samlp:LogoutRequest`` à chaque service où une session était
    ouverte, avec le ticket qui l'avait ouverte comme ``SessionIndex`` (CAS 3.0,
    section 2.3.3 et annexe C). Une flèche par demande réellement envoyée (une par ligne
    ``deconnexion_propagee`` du journal)."""
    if not isinstance(resultat, ResultatDeconnexion):
        raise ValeurInvalide("Il faut le résultat d'une déconnexion, par exemple "
                             "ent.deconnexion() ou demo.se_deconnecter().deconnexion.")
    echanges = echanges_de(resultat)
    g = digraphe("deconnexion", sens="LR")
    g.attr(ranksep="1.4", nodesep="0.4")
    numero = 0
    for e in echanges:
        if e.canal == CANAL_NAVIGATEUR:
            g.node("poste", e.emetteur, **apparence("navigateur"))
            g.node("cas", NOM_SERVEUR, **apparence("serveur"))
            numero += 1
            texte = f"{numero}. GET {url_courte(e.url)}"
            if e.cookies_envoyes:
                texte += f" avec {abreger_texte(e.cookies_envoyes[0])}"
            if e.cookies_effaces:
                texte += f" ; cookie {', '.join(e.cookies_effaces)} effacé"
            g.edge("poste", "cas", dot(_lignes(texte, 28)),
                   **apparence_fleche("requete" if resultat.ok else "refus"),
                   tooltip=dot(e.description))
    services = 0
    for e in echanges:
        if e.canal != CANAL_DIRECT:
            continue
        services += 1
        numero += 1
        index = re.search(r"<samlp:SessionIndex>([^<]+)</samlp:SessionIndex>", e.corps or "")
        ticket = index.group(1) if index else "?"
        g.node("cas", NOM_SERVEUR, **apparence("serveur"))
        g.node(f"service_{services}", e.destinataire, **apparence("service"))
        g.edge("cas", f"service_{services}",
               dot(_lignes(f"{numero}. LogoutRequest, SessionIndex = {abreger(ticket)}", 28)),
               **apparence_fleche("requete"), tooltip=dot(ticket))
    if resultat.ok:
        titre = (f"Déconnexion unique de {resultat.identifiant} : "
                 f"{accorder(services, 'service prévenu', 'services prévenus')}")
    else:
        titre = "Déconnexion : aucune session SSO à fermer"
    return Schema(g, titre)
