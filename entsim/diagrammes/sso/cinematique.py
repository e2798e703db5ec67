"""Le schéma de la cinématique d'accès du SDET en 8 étapes (document 2 du cours, question 15).

:func:`schema_parcours` dessine un couloir par acteur — le poste de l'utilisateur, les trois
services AAS du SDET (identification/authentification, autorisation, propagation de
l'identité) et les services applicatifs — et une flèche par ligne du journal
(:mod:`entsim.journal.chaine`) ou échange HTTP réellement produit à chaque étape
(:func:`fleches_parcours`) ; l'étape courante peut être mise en évidence (animation pas à
pas du widget :mod:`entsim.widgets.pas_a_pas`).
"""

from __future__ import annotations

from dataclasses import dataclass

from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite
from entsim.journal.chaine import EntreeJournal
from entsim.sso.navigateur import CANAL_NAVIGATEUR, Echange
from entsim.sso.parcours import Etape, Parcours
from entsim.sso.reponses import NOM_SERVEUR
from entsim.sso.tickets import NOM_COOKIE_TGC
from entsim.diagrammes.schema import Schema
from entsim.diagrammes.sso.couloirs import dessiner_couloirs, Ligne
from entsim.diagrammes.sso.textes import _lignes, abreger, abreger_texte, url_courte

__all__ = ["OPERATIONS_DESSINEES", "Fleche", "fleches_parcours", "schema_parcours"]


@dataclass(frozen=True)
class Fleche:
    """Une flèche d'un schéma de parcours : d'où, vers où, quoi, de quelle nature, et la
    ligne du journal ou l'échange dont elle est tirée."""

    source: str
    cible: str
    texte: str
    nature: str                      # "requete", "reponse" ou "refus"
    infobulle: str = ""
    entree: EntreeJournal | None = None
    echange: Echange | None = None


_NOEUDS_AAS = {
    "authentification": "Identification /\nauthentification",
    "autorisation": "Autorisation",
    "propagation": "Propagation\nde l'identité",
}

#: Lignes du journal dessinées dans le schéma du parcours.
OPERATIONS_DESSINEES = frozenset({
    "connexion_reussie", "connexion_echouee", "connexion_refusee_blocage", "tgt_cree",
    "acces_autorise", "acces_refuse", "ticket_emis", "ticket_valide", "ticket_refuse",
})


def _services_du_parcours(parcours: Parcours) -> dict[str, str]:
    """Nom de chaque service rencontré → identifiant de nœud (``service_1``, ``service_2``)."""
    noms: dict[str, str] = {}
    for etape in parcours.etapes:
        for echange in etape.echanges:
            for nom in (echange.emetteur, echange.destinataire):
                if nom not in (parcours.poste, NOM_SERVEUR) and nom not in noms:
                    noms[nom] = f"service_{len(noms) + 1}"
    return noms


def _fleches_etape(etape: Etape, services: dict[str, str], par_code: dict[str, str],
                   poste: str) -> list[Fleche]:
    """Les flèches d'une étape : demandes du navigateur, puis lignes du journal, puis pages
    affichées — chacune tirée d'une donnée réelle de l'étape."""
    n = etape.numero
    avant: list[Fleche] = []
    apres: list[Fleche] = []
    for e in etape.echanges:
        if e.canal != CANAL_NAVIGATEUR or e.emetteur != poste:
            continue
        if e.destinataire in services and e.statut == 302:
            avant.append(Fleche("poste", services[e.destinataire],
                                f"{n}. GET {url_courte(e.url)} : pas de session, "
                                "redirection vers le serveur CAS", "requete", e.url, echange=e))
        elif e.destinataire == NOM_SERVEUR and e.methode == "GET" and any(
                c.startswith(f"{NOM_COOKIE_TGC}=") for c in e.cookies_envoyes):
            tgc = next(c for c in e.cookies_envoyes if c.startswith(f"{NOM_COOKIE_TGC}="))
            avant.append(Fleche("poste", "authentification",
                                f"{n}. cookie {abreger_texte(tgc)} reconnu : aucun mot de "
                                "passe demandé", "requete", tgc, echange=e))
        elif e.destinataire in services and e.statut == 200 and e.cookies_poses:
            cookie = e.cookies_poses[0]
            apres.append(Fleche(services[e.destinataire], "poste",
                                f"{n}. page affichée ; cookie {abreger_texte(cookie)} posé",
                                "reponse", cookie, echange=e))
    journal: list[Fleche] = []
    for x in etape.entrees:
        if x.operation not in OPERATIONS_DESSINEES:
            continue
        service = par_code.get(x.service or "", "propagation")
        objet = abreger(x.objet) if x.objet else ""
        if x.operation in ("connexion_reussie", "connexion_echouee",
                           "connexion_refusee_blocage"):
            journal.append(Fleche("poste", "authentification",
                                  f"{n}. identifiant et mot de passe (POST) : {x.libelle.lower()}",
                                  "requete" if x.resultat == "succes" else "refus",
                                  x.detail, entree=x))
        elif x.operation == "tgt_cree":
            journal.append(Fleche("authentification", "poste",
                                  f"{n}. session SSO ouverte : cookie {NOM_COOKIE_TGC}={objet}",
                                  "reponse", x.objet or "", entree=x))
        elif x.operation in ("acces_autorise", "acces_refuse"):
            nom = next((nom for nom, ident in services.items() if ident == service), x.service)
            verdict = "autorisé" if x.operation == "acces_autorise" else "refusé"
            journal.append(Fleche("authentification", "autorisation",
                                  f"{n}. accès de {x.identite} à «\u00a0{nom}\u00a0» : {verdict}",
                                  "requete" if verdict == "autorisé" else "refus",
                                  x.detail, entree=x))
        elif x.operation == "ticket_emis":
            journal.append(Fleche("propagation", "poste",
                                  f"{n}. ticket {objet} émis (redirection 302 vers le service)",
                                  "reponse", x.objet or "", entree=x))
        elif x.operation == "ticket_valide":
            journal.append(Fleche("propagation", service,
                                  f"{n}. ticket {objet} validé : identité de {x.identite} "
                                  "et attributs transmis", "reponse", x.objet or "", entree=x))
        elif x.operation == "ticket_refuse":
            journal.append(Fleche("propagation", service, f"{n}. ticket {objet} refusé",
                                  "refus", x.detail, entree=x))
    return avant + journal + apres


def fleches_parcours(parcours: Parcours) -> list[tuple[int, Fleche]]:
    """Toutes les flèches du parcours, dans l'ordre, avec le numéro de leur étape."""
    if not isinstance(parcours, Parcours):
        raise ValeurInvalide("Il faut un parcours, par exemple celui que rend "
                             "parcours_acces(...) ou demo.ouvrir_deux_services().parcours.")
    services = _services_du_parcours(parcours)
    # Le journal nomme les services par leur code (« cahier_de_textes »), les échanges par
    # leur nom (« Cahier de textes ») : dans un parcours, ils apparaissent dans le même
    # ordre (le premier service est demandé à l'étape 1 et autorisé à l'étape 3, le second
    # demandé à l'étape 6 et autorisé à l'étape 7).
    codes = list(dict.fromkeys(x.service for e in parcours.etapes for x in e.entrees
                               if x.service))
    par_code = dict(zip(codes, services.values()))
    return [(etape.numero, f) for etape in parcours.etapes
            for f in _fleches_etape(etape, services, par_code, parcours.poste)]


#: Les couloirs des services AAS, dans l'ordre du SDET (document 2 du cours).
_COULOIRS_AAS = ("authentification", "autorisation", "propagation")


def schema_parcours(parcours: Parcours, etape_courante: int | None = None, *,
                    projection: bool = False) -> Schema:
    """La cinématique d'accès du SDET (question 15), telle qu'elle vient de se dérouler.

    Un couloir par acteur : le poste de l'utilisateur, les trois services AAS du SDET
    (identification/authentification, autorisation, propagation de l'identité) et les
    services applicatifs. Chaque flèche est tirée d'une ligne du journal ou d'un échange
    HTTP de l'étape (:func:`fleches_parcours`), avec les vraies valeurs ; son étiquette
    commence par le numéro de l'étape. ``etape_courante`` (de 1 au nombre d'étapes
    franchies) met une étape en évidence : trait épais bleu et marque « ▶ » ; les étapes
    suivantes sont grisées. La disposition ne change pas d'une étape à l'autre.

    ``projection=True`` (le pas à pas) : étiquettes en 18 pt, noms des services et du poste
    sur des lignes courtes, couloirs serrés, pas de repère « Étape N » dans la marge (le
    numéro ouvre chaque étiquette) : un dessin moins large par rapport à son texte. En mode
    projection, l'étape courante tient dans la largeur de la page avec des étiquettes d'au
    moins 18 px (issue 15).
    """
    fleches = fleches_parcours(parcours)
    total = len(parcours.etapes)
    if etape_courante is not None:
        if isinstance(etape_courante, bool) or not isinstance(etape_courante, int) \
                or not 1 <= etape_courante <= total:
            raise ValeurInvalide(f"L'étape à mettre en évidence est un nombre de 1 à {total} "
                                 f"(reçu : {cite(etape_courante)}).")
    services = _services_du_parcours(parcours)
    identifiants = ["poste", *_COULOIRS_AAS, *services.values()]
    court = (lambda t: _lignes(t, 10)) if projection else (lambda t: t)  # noqa: E731
    entetes = [(f"{court(parcours.poste)}\n({parcours.identifiant})", "navigateur"),
               *((_NOEUDS_AAS[c], "serveur") for c in _COULOIRS_AAS),
               *((court(nom), "service") for nom in services)]
    rang = {ident: i for i, ident in enumerate(identifiants)}
    lignes: list[Ligne] = []
    precedente = None
    for numero, f in fleches:
        etat = None if etape_courante is None else (
            "courante" if numero == etape_courante else
            "a_venir" if numero > etape_courante else "passee")
        repere = f"Étape {numero}" if numero != precedente and not projection else None
        lignes.append(Ligne(rang[f.source], rang[f.cible], f.texte, f.nature, f.infobulle,
                            etat, repere))
        precedente = numero
    g = dessiner_couloirs("parcours_sdet", entetes, lignes,
                           largeur_texte=14 if projection else 26,
                           taille_texte=18 if projection else 14, serre=projection,
                           bandeaux=[(1, 3, "Services AAS (serveur CAS)")])
    titre = (f"Connexion à l'ENT : la cinématique du SDET ({parcours.identifiant}, "
             f"{parcours.poste})")
    if etape_courante is not None:
        titre += f" — étape {etape_courante} sur {total}"
    return Schema(g, titre)
