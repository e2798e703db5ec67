"""Le diagramme de séquence d'une exécution : navigateur, services et serveur CAS.

Chaque échange HTTP (:class:`entsim.sso.navigateur.Echange`) donne deux flèches numérotées,
la requête puis la réponse ; les échanges directs d'un serveur pendant qu'il traite une
requête (validation du ticket, demandes de déconnexion) s'intercalent entre les deux, comme
dans le fonctionnement réel (spécification CAS 3.0, sections 2.5 et 2.3.3).
:func:`schema_sso_second_acces` en tire le second accès, sans mot de passe (SSO).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from entsim.socle.texte import accorder
from entsim.socle.erreurs import ValeurInvalide
from entsim.sso.navigateur import CANAL_DIRECT, CANAL_NAVIGATEUR, Echange
from entsim.sso.parcours import Parcours
from entsim.sso.reponses import NOM_SERVEUR
from entsim.sso.tickets import NOM_COOKIE_TGC
from entsim.diagrammes.schema import Schema
from entsim.diagrammes.sso.couloirs import dessiner_couloirs, Ligne
from entsim.diagrammes.sso.textes import echanges_de, abreger, abreger_texte, url_courte

__all__ = ["Message", "messages_sequence", "schema_sequence", "schema_sso_second_acces"]


@dataclass(frozen=True)
class Message:
    """Une flèche du diagramme de séquence : une requête ou la réponse à une requête."""

    numero: int            # numéro de la flèche dans le diagramme (1, 2, 3…)
    emetteur: str
    destinataire: str
    texte: str
    reponse: bool
    echange: Echange


def _texte_requete(e: Echange) -> str:
    texte = f"{e.methode} {url_courte(e.url)}"
    if e.corps and e.corps.startswith("username="):
        texte += " (identifiant et mot de passe)"
    elif e.corps and e.corps.startswith("logoutRequest="):
        index = re.search(r"<samlp:SessionIndex>([^<]+)</samlp:SessionIndex>", e.corps)
        texte = f"POST LogoutRequest, SessionIndex = {abreger(index.group(1)) if index else '?'}"
    elif e.corps and e.corps.startswith("preuve="):
        texte += f" (preuve : {e.corps.split('=', 1)[1]})"
    tgc = [c for c in e.cookies_envoyes if c.startswith(f"{NOM_COOKIE_TGC}=")]
    if tgc:
        texte += f" + cookie {abreger_texte(tgc[0])}"
    return texte


def _texte_reponse(e: Echange) -> str:
    texte = e.libelle_statut.split(" (")[0]
    if e.reponse and "authenticationSuccess" in e.reponse:
        utilisateur = re.search(r"<cas:user>([^<]*)</cas:user>", e.reponse)
        texte += f" : succès, utilisateur {utilisateur.group(1) if utilisateur else '?'}"
    elif e.reponse and "authenticationFailure" in e.reponse:
        code = re.search(r'code="([A-Z_]+)"', e.reponse)
        texte += f" : échec {code.group(1) if code else ''}".rstrip()
    elif e.location:
        texte += f" → {url_courte(e.location)}"
    elif e.corps and e.corps.startswith("logoutRequest="):
        texte += " : session fermée"
    elif e.statut == 403:
        texte += " : accès refusé"
    elif e.destinataire == NOM_SERVEUR and "/logout" in e.url:
        texte += " : « Vous êtes déconnecté(e) »"
    elif e.destinataire == NOM_SERVEUR and "/login" in e.url and e.methode == "GET":
        texte += " : formulaire de connexion"
    elif e.statut == 200:
        texte += " : page affichée"
    if e.cookies_poses:
        texte += " ; pose " + ", ".join(abreger_texte(c) for c in e.cookies_poses)
    if e.cookies_effaces:
        texte += " ; efface " + ", ".join(e.cookies_effaces)
    return texte


def messages_sequence(echanges: object) -> list[Message]:
    """Les flèches du diagramme de séquence, dans l'ordre où elles se produisent.

    Chaque échange donne deux flèches : la requête, puis la réponse. Les échanges directs
    qu'un serveur fait *pendant* qu'il traite une requête (validation du ticket, demandes
    de déconnexion) s'intercalent entre cette requête et sa réponse, comme dans le
    fonctionnement réel (spécification CAS 3.0, sections 2.5 et 2.3.3).
    """
    liste = list(echanges_de(echanges))
    messages: list[Message] = []
    suivant = 0

    def ajouter(e: Echange, reponse: bool) -> None:
        de, vers = (e.destinataire, e.emetteur) if reponse else (e.emetteur, e.destinataire)
        texte = _texte_reponse(e) if reponse else _texte_requete(e)
        messages.append(Message(len(messages) + 1, de, vers, texte, reponse, e))

    def traiter(e: Echange) -> None:
        nonlocal suivant
        ajouter(e, False)
        while suivant < len(liste) and liste[suivant].canal == CANAL_DIRECT \
                and liste[suivant].emetteur == e.destinataire:
            imbrique = liste[suivant]
            suivant += 1
            traiter(imbrique)
        ajouter(e, True)

    while suivant < len(liste):
        suivant += 1
        traiter(liste[suivant - 1])
    return messages


def _nature_couloir(nom: str, echanges: Iterable[Echange]) -> str:
    if nom == NOM_SERVEUR:
        return "serveur"
    if any(e.poste == nom and e.emetteur == nom for e in echanges):
        return "navigateur"
    return "service"


def schema_sequence(echanges: object, titre: str | None = None) -> Schema:
    """Le diagramme de séquence d'une exécution : un couloir par participant (navigateur,
    services, serveur CAS), une flèche numérotée par requête et par réponse, de haut en bas.

    ``echanges`` : ``ent.cas.reseau.echanges()``, le ``.echanges`` d'un résultat, ou un
    parcours. Les réponses sont en tirets, les refus (statut 403, échec de validation) en
    rouge terminé par une barre. Les valeurs sont réelles (abrégées : ``ST-1-ze6Y…``).
    """
    liste = echanges_de(echanges)
    if not liste:
        raise ValeurInvalide("Aucun échange à dessiner : faites d'abord une connexion "
                             "(par exemple demo.ouvrir_deux_services()).")
    messages = messages_sequence(liste)
    couloirs: list[str] = []
    for e in liste:  # les postes d'abord, puis l'ordre d'apparition
        if e.canal == CANAL_NAVIGATEUR and e.emetteur not in couloirs:
            couloirs.append(e.emetteur)
    for m in messages:
        for nom in (m.emetteur, m.destinataire):
            if nom not in couloirs:
                couloirs.append(nom)
    rang = {nom: i for i, nom in enumerate(couloirs)}
    lignes = []
    for m in messages:
        refus = m.reponse and (m.echange.statut >= 400 or ": échec" in m.texte)
        nature = "refus" if refus else ("reponse" if m.reponse else "requete")
        lignes.append(Ligne(rang[m.emetteur], rang[m.destinataire], f"{m.numero}. {m.texte}",
                             nature, m.echange.description or m.texte))
    g = dessiner_couloirs("sequence", [(nom, _nature_couloir(nom, liste)) for nom in couloirs],
                           lignes)
    if titre is None:
        postes = ", ".join(dict.fromkeys(e.poste for e in liste if e.poste)) or "serveurs"
        titre = (f"Diagramme de séquence : {accorder(len(liste), 'échange')}, soit "
                 f"{accorder(len(messages), 'flèche')} ({accorder(len(liste), 'requête')} "
                 f"et {accorder(len(liste), 'réponse')}) — {postes}")
    return Schema(g, titre)


def schema_sso_second_acces(parcours: Parcours) -> Schema:
    """Le second accès du parcours (étapes 6 à 8 du SDET) : le navigateur présente son
    cookie TGC, le serveur CAS émet un ticket sans demander de mot de passe (SSO)."""
    if not isinstance(parcours, Parcours):
        raise ValeurInvalide("Il faut un parcours, par exemple "
                             "demo.ouvrir_deux_services().parcours.")
    etapes = [e for e in parcours.etapes if e.numero >= 6]
    if not etapes or not etapes[0].echanges:
        raise ValeurInvalide(f"Ce parcours s'est arrêté à l'étape {parcours.arret} : il n'y a "
                             "pas eu de second accès.")
    echanges = tuple(x for e in etapes for x in e.echanges)
    second = etapes[0].echanges[0].destinataire
    return schema_sequence(echanges, f"Second accès sans mot de passe (SSO) : "
                                     f"{parcours.identifiant} ouvre « {second} »")
