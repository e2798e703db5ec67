"""Les schémas de la connexion à l'ENT (question 15), tracés à partir d'exécutions réelles.

Aucun de ces schémas n'est dessiné à la main : chacun lit ce qu'une exécution de la
simulation a produit — les lignes du journal (:mod:`entsim.journal.journal`) et les échanges HTTP
(:class:`entsim.sso.navigateur.Echange`) — avec les vraies valeurs (tickets ``ST-…``, cookie
``TGC``, adresses). Relancer la simulation avec une autre graine change les valeurs.

* :func:`schema_parcours` : la cinématique d'accès du SDET en 8 étapes (document 2 du cours),
  étape courante mise en évidence (pour l'animation pas à pas) ;
* :func:`schema_sequence` : le diagramme de séquence des échanges (navigateur, services,
  serveur CAS), flèches numérotées dans l'ordre ;
* :func:`schema_sso_second_acces` : le second accès, sans mot de passe (SSO) ;
* :func:`schema_deconnexion` : la déconnexion unique propagée à chaque service, avec le
  ``SessionIndex`` (ticket) de chacun (spécification CAS 3.0, section 2.3.3 et annexe C ;
  SDET : « propagation de la déconnexion auprès de l'ensemble des services applicatifs »).

Les valeurs longues sont abrégées (``ST-1-ze6Y…``) par :func:`abreger` ; la valeur complète
reste dans l'info-bulle de la flèche (attribut ``tooltip``, visible au survol dans le SVG).

Graphviz n'a pas de diagramme de séquence : :func:`schema_sequence` place lui-même les
couloirs et les lignes (disposition ``neato``, positions fixées « ! »). Le texte d'un message
est un nœud posé au-dessus de sa flèche ; la flèche garde aussi ce texte dans son attribut
``label`` (dessiné transparent) pour que :meth:`Schema.aretes` et la description textuelle
(lecteurs d'écran, nbval) le lisent. Les étiquettes HTML de Graphviz ne sont pas utilisées :
le Graphviz intégré (WebAssembly) ne les affiche pas.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

import graphviz

from entsim.socle.erreurs import ValeurInvalide
from entsim.journal.journal import EntreeJournal
from entsim.sso.navigateur import CANAL_DIRECT, CANAL_NAVIGATEUR, Echange
from entsim.sso.parcours import Etape, Parcours
from entsim.diagrammes.schema import Schema, apparence, apparence_fleche, digraphe
from entsim.sso.serveur import NOM_COOKIE_TGC, NOM_SERVEUR, ResultatDeconnexion

#: Nombre de caractères aléatoires gardés quand on abrège un ticket ou un cookie.
CARACTERES_VISIBLES = 4

#: Couleurs de la mise en évidence (le trait épais et la marque « ▶ » portent aussi
#: l'information : WCAG 2.1, critère 1.4.1).
COULEUR_COURANTE = "#1F4E9E"
COULEUR_A_VENIR = "#A6ACAF"
MARQUE_COURANTE = "▶ "

_JETON = re.compile(r"\b((?:ST|TGT|PT|LR)-\d+-)([A-Za-z0-9]+)")
_COOKIE = re.compile(r"\b(session_[a-z_]+=|TGC=)([A-Za-z0-9-]+)")


# --------------------------------------------------------------------------------------
# Abréviations lisibles
# --------------------------------------------------------------------------------------

def _pluriel(nombre: int, singulier: str, pluriel: str | None = None) -> str:
    """« 1 échange », « 9 échanges » : le nombre et le bon accord."""
    return f"{nombre} {singulier if nombre <= 1 else (pluriel or singulier + 's')}"


def abreger(valeur: str, visibles: int = CARACTERES_VISIBLES) -> str:
    """Abrège un ticket, un TGT ou une valeur de cookie en gardant son début.

    >>> abreger("ST-1-ze6YCnaZTpJdlpmewrzmlWmX")
    'ST-1-ze6Y…'
    >>> abreger("HN0a9MwgF3WUmc28VpMueTaErs96qcPK")
    'HN0a9Mwg…'

    Le préfixe et le compteur (``ST-1-``) sont gardés : deux tickets d'une même exécution
    restent distincts une fois abrégés.
    """
    if not isinstance(valeur, str):
        raise ValeurInvalide(f"On n'abrège qu'un texte (reçu : {type(valeur).__name__}).")
    trouve = _JETON.fullmatch(valeur)
    if trouve:
        debut, alea = trouve.groups()
        return debut + alea[:visibles] + "…" if len(alea) > visibles else valeur
    if len(valeur) > 2 * visibles + 4:
        return valeur[:2 * visibles] + "…"
    return valeur


def abreger_texte(texte: str) -> str:
    """Abrège, dans un texte, tous les tickets (``ST-…``, ``TGT-…``) et valeurs de cookie."""
    texte = _JETON.sub(lambda m: abreger(m.group(0)), texte)
    return _COOKIE.sub(lambda m: m.group(1) + abreger(m.group(2)), texte)


def url_courte(url: str) -> str:
    """Une adresse lisible : chemin seul, paramètres décodés et abrégés.

    >>> url_courte("https://ent.example/cas/login?service=https%3A%2F%2Fent.example%2Fnotes")
    '/cas/login?service=/notes'
    """
    morceaux = urlsplit(url)
    chemin = morceaux.path or "/"
    if not morceaux.query:
        return chemin
    parametres = []
    for nom, valeur in parse_qsl(morceaux.query, keep_blank_values=True):
        valeur = unquote(valeur)
        if valeur.startswith(("https://", "http://")):
            valeur = urlsplit(valeur).path or "/"
        parametres.append(f"{nom}={abreger_texte(valeur)}")
    return f"{chemin}?{'&'.join(parametres)}"


def _lignes(texte: str, largeur: int = 34) -> str:
    """Coupe un texte en lignes courtes (retours à la ligne DOT « \\n »)."""
    morceaux = []
    for paragraphe in texte.split("\n"):
        morceaux.extend(textwrap.wrap(paragraphe, largeur, break_long_words=False,
                                      break_on_hyphens=False) or [""])
    return "\n".join(morceaux)


def _dot(texte: str) -> str:
    """Un texte prêt pour un attribut DOT : guillemets et barres obliques échappés, retours à
    la ligne écrits « \\n » (le paquet graphviz n'échappe que les guillemets)."""
    return texte.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _echanges_de(source: object) -> tuple[Echange, ...]:
    """Les échanges d'un parcours, d'un résultat (``.echanges``) ou d'une liste d'échanges."""
    if isinstance(source, Parcours):
        vus: dict[int, Echange] = {}
        for etape in source.etapes:
            for echange in etape.echanges:
                vus[echange.numero] = echange
        return tuple(vus[n] for n in sorted(vus))
    echanges = getattr(source, "echanges", source)
    if isinstance(echanges, Echange):
        echanges = (echanges,)
    try:
        liste = tuple(echanges)  # type: ignore[arg-type]
    except TypeError:
        liste = None
    if liste is None or not all(isinstance(e, Echange) for e in liste):
        raise ValeurInvalide("Il faut des échanges de la simulation : un parcours, un résultat "
                             "(qui a .echanges) ou ent.cas.reseau.echanges().")
    return tuple(sorted(liste, key=lambda e: e.numero))


# --------------------------------------------------------------------------------------
# La cinématique du SDET en 8 étapes
# --------------------------------------------------------------------------------------

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


def schema_parcours(parcours: Parcours, etape_courante: int | None = None) -> Schema:
    """La cinématique d'accès du SDET (question 15), telle qu'elle vient de se dérouler.

    Un couloir par acteur : le poste de l'utilisateur, les trois services AAS du SDET
    (identification/authentification, autorisation, propagation de l'identité) et les
    services applicatifs. Chaque flèche est tirée d'une ligne du journal ou d'un échange
    HTTP de l'étape (:func:`fleches_parcours`), avec les vraies valeurs ; son étiquette
    commence par le numéro de l'étape. ``etape_courante`` (de 1 au nombre d'étapes
    franchies) met une étape en évidence : trait épais bleu et marque « ▶ » ; les étapes
    suivantes sont grisées. La disposition ne change pas d'une étape à l'autre.
    """
    fleches = fleches_parcours(parcours)
    total = len(parcours.etapes)
    if etape_courante is not None:
        if isinstance(etape_courante, bool) or not isinstance(etape_courante, int) \
                or not 1 <= etape_courante <= total:
            raise ValeurInvalide(f"L'étape à mettre en évidence est un nombre de 1 à {total} "
                                 f"(reçu : {etape_courante!r}).")
    services = _services_du_parcours(parcours)
    identifiants = ["poste", *_COULOIRS_AAS, *services.values()]
    entetes = [(f"{parcours.poste}\n({parcours.identifiant})", "navigateur"),
               *((_NOEUDS_AAS[c], "serveur") for c in _COULOIRS_AAS),
               *((nom, "service") for nom in services)]
    rang = {ident: i for i, ident in enumerate(identifiants)}
    lignes: list[_Ligne] = []
    precedente = None
    for numero, f in fleches:
        etat = None if etape_courante is None else (
            "courante" if numero == etape_courante else
            "a_venir" if numero > etape_courante else "passee")
        lignes.append(_Ligne(rang[f.source], rang[f.cible], f.texte, f.nature, f.infobulle,
                             etat, f"Étape {numero}" if numero != precedente else None))
        precedente = numero
    g = _dessiner_couloirs("parcours_sdet", entetes, lignes, largeur_texte=26,
                           bandeaux=[(1, 3, "Services AAS (serveur CAS)")])
    titre = (f"Connexion à l'ENT : la cinématique du SDET ({parcours.identifiant}, "
             f"{parcours.poste})")
    if etape_courante is not None:
        titre += f" — étape {etape_courante} sur {total}"
    return Schema(g, titre)


# --------------------------------------------------------------------------------------
# Dessin en couloirs (diagrammes de séquence)
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Ligne:
    """Une flèche d'un dessin en couloirs, d'un couloir à un autre, sur sa propre ligne."""

    de: int
    vers: int
    texte: str
    nature: str                     # "requete", "reponse" ou "refus"
    infobulle: str = ""
    etat: str | None = None         # None, "passee", "courante" ou "a_venir"
    repere: str | None = None       # texte dans la marge gauche (« Étape 4 »)


#: Dimensions du dessin en couloirs (pouces ; texte des messages en 14 pt).
_LARGEUR_CARACTERE = 0.105
_LARGEUR_CARACTERE_ENTETE = 0.14   # en-têtes en 18 pt
_HAUTEUR_LIGNE = 0.25
_ECART_MINIMAL = 1.9
_MARGE_REPERES = 1.3


def _ecarts(entetes: list[tuple[str, str]], lignes: list[_Ligne],
            textes: list[str]) -> list[float]:
    """La largeur de chaque intervalle entre deux couloirs voisins : assez pour les deux
    en-têtes voisins, et pour le texte de chaque flèche qui le traverse (le manque est
    réparti sur les intervalles traversés)."""
    largeurs = [max(len(x) for x in libelle.split("\n")) * _LARGEUR_CARACTERE_ENTETE + 0.7
                for libelle, _ in entetes]
    ecarts = [max(_ECART_MINIMAL, (largeurs[i] + largeurs[i + 1]) / 2 + 0.3)
              for i in range(len(entetes) - 1)]
    ordre = sorted(range(len(lignes)), key=lambda k: abs(lignes[k].de - lignes[k].vers))
    for k in ordre:
        a, b = sorted((lignes[k].de, lignes[k].vers))
        if a == b:
            continue
        largeur = max(len(x) for x in textes[k].split("\n")) * _LARGEUR_CARACTERE + 0.5
        manque = largeur - sum(ecarts[a:b])
        if manque > 0:
            for i in range(a, b):
                ecarts[i] += manque / (b - a)
    return ecarts


def _dessiner_couloirs(nom: str, entetes: list[tuple[str, str]], lignes: list[_Ligne], *,
                       largeur_texte: int = 36,
                       bandeaux: Iterable[tuple[int, int, str]] = ()) -> graphviz.Digraph:
    """Dessine des couloirs verticaux (un par participant) et une flèche par ligne.

    Les positions sont calculées ici et fixées (disposition ``neato``, « ! ») : Graphviz ne
    sait pas faire de diagramme de séquence, et ses placements d'étiquettes varient d'une
    version à l'autre. Le texte d'une flèche est un nœud posé juste au-dessus d'elle ; la
    flèche garde ce texte dans ``label`` (transparent), lu par :meth:`Schema.aretes`. Les
    extrémités des flèches sont des points qui portent le nom de leur couloir (un point
    n'affiche pas son libellé) : la description textuelle dit « Poste du CDI → Serveur CAS ».
    """
    textes = [_lignes((MARQUE_COURANTE if ligne.etat == "courante" else "") + ligne.texte,
                      largeur_texte) for ligne in lignes]
    ecarts = _ecarts(entetes, lignes, textes)
    marge = _MARGE_REPERES if any(ligne.repere for ligne in lignes) else 0.0
    x = [marge + sum(ecarts[:i]) for i in range(len(entetes))]
    g = graphviz.Digraph(nom, engine="neato")
    g.attr(splines="false", outputorder="nodesfirst", pad="0.3")
    hauteur_entete = max(t.count("\n") + 1 for t, _ in entetes) * 0.3 + 0.3
    y = -hauteur_entete / 2 - 0.3
    positions: list[float] = []
    for texte in textes:
        y -= (texte.count("\n") + 1) * _HAUTEUR_LIGNE + 0.28
        positions.append(y)
        y -= 0.12
    bas = y - 0.3
    haut = -hauteur_entete / 2
    for i in range(len(entetes)):  # lignes de vie, dessinées en premier (sous le reste)
        g.node(f"vie_{i}", "", shape="box", fixedsize="true", width="0.02",
               height=f"{haut - bas:.2f}", style="filled", fillcolor="#BFC5C9",
               color="#BFC5C9", penwidth="0", pos=f"{x[i]:.2f},{(haut + bas) / 2:.2f}!")
    for k, (debut, fin, texte) in enumerate(bandeaux):
        if fin < len(entetes):
            g.node(f"bandeau_{k}", _dot(texte), shape="plaintext", fontsize="16",
                   fontcolor="#7D6608", pos=f"{(x[debut] + x[fin]) / 2:.2f},"
                                            f"{hauteur_entete / 2 + 0.25:.2f}!")
    for i, (libelle, nature) in enumerate(entetes):
        g.node(f"couloir_{i}", _dot(libelle), **apparence(nature), pos=f"{x[i]:.2f},0!")
    for k, (ligne, texte, ym) in enumerate(zip(lignes, textes, positions), start=1):
        couleur = {"courante": COULEUR_COURANTE, "a_venir": COULEUR_A_VENIR}.get(
            ligne.etat or "", "#1A1A1A")
        hauteur = (texte.count("\n") + 1) * _HAUTEUR_LIGNE
        milieu = (x[ligne.de] + x[ligne.vers]) / 2
        if ligne.repere:
            g.node(f"repere_{k}", _dot(ligne.repere), shape="plaintext", fontsize="15",
                   fontcolor=couleur, pos=f"{marge / 2 - 0.3:.2f},{ym + 0.1:.2f}!")
        g.node(f"texte_{k}", _dot(texte), shape="plaintext", style="filled",
               fillcolor="white", color="white", fontsize="14", fontcolor=couleur,
               margin="0.04,0.02", pos=f"{milieu:.2f},{ym + hauteur / 2 + 0.1:.2f}!")
        for cote, couloir in (("de", ligne.de), ("vers", ligne.vers)):
            g.node(f"f{k}_{cote}", _dot(entetes[couloir][0]), shape="point", width="0.06",
                   color=couleur, pos=f"{x[couloir]:.2f},{ym:.2f}!")
        attributs = apparence_fleche(ligne.nature)
        if ligne.etat == "courante":
            attributs.update(color=COULEUR_COURANTE, penwidth="4")
        elif ligne.etat == "a_venir":
            attributs.update(color=COULEUR_A_VENIR)
        attributs.update(fontcolor="transparent", fontsize="8")
        if ligne.infobulle:
            attributs["tooltip"] = _dot(ligne.infobulle)
        g.edge(f"f{k}_de", f"f{k}_vers", _dot(texte), **attributs)
    return g


# --------------------------------------------------------------------------------------
# Diagramme de séquence d'une exécution
# --------------------------------------------------------------------------------------

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
    liste = list(_echanges_de(echanges))
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
    liste = _echanges_de(echanges)
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
        lignes.append(_Ligne(rang[m.emetteur], rang[m.destinataire], f"{m.numero}. {m.texte}",
                             nature, m.echange.description or m.texte))
    g = _dessiner_couloirs("sequence", [(nom, _nature_couloir(nom, liste)) for nom in couloirs],
                           lignes)
    if titre is None:
        postes = ", ".join(dict.fromkeys(e.poste for e in liste if e.poste)) or "serveurs"
        titre = (f"Diagramme de séquence : {_pluriel(len(liste), 'échange')}, soit "
                 f"{_pluriel(len(messages), 'flèche')} ({_pluriel(len(liste), 'requête')} "
                 f"et {_pluriel(len(liste), 'réponse')}) — {postes}")
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


# --------------------------------------------------------------------------------------
# Déconnexion unique
# --------------------------------------------------------------------------------------

def schema_deconnexion(resultat: ResultatDeconnexion) -> Schema:
    """La déconnexion unique : le navigateur demande ``/logout`` ; le serveur CAS détruit la
    session SSO et envoie un ``samlp:LogoutRequest`` à chaque service où une session était
    ouverte, avec le ticket qui l'avait ouverte comme ``SessionIndex`` (CAS 3.0,
    section 2.3.3 et annexe C). Une flèche par demande réellement envoyée (une par ligne
    ``deconnexion_propagee`` du journal)."""
    if not isinstance(resultat, ResultatDeconnexion):
        raise ValeurInvalide("Il faut le résultat d'une déconnexion, par exemple "
                             "ent.deconnexion() ou demo.se_deconnecter().deconnexion.")
    echanges = _echanges_de(resultat)
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
            g.edge("poste", "cas", _dot(_lignes(texte, 28)),
                   **apparence_fleche("requete" if resultat.ok else "refus"),
                   tooltip=_dot(e.description))
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
               _dot(_lignes(f"{numero}. LogoutRequest, SessionIndex = {abreger(ticket)}", 28)),
               **apparence_fleche("requete"), tooltip=_dot(ticket))
    if resultat.ok:
        titre = (f"Déconnexion unique de {resultat.identifiant} : "
                 f"{_pluriel(services, 'service prévenu', 'services prévenus')}")
    else:
        titre = "Déconnexion : aucune session SSO à fermer"
    return Schema(g, titre)


__all__ = [
    "Fleche", "Message", "abreger", "abreger_texte", "fleches_parcours", "messages_sequence",
    "schema_deconnexion", "schema_parcours", "schema_sequence", "schema_sso_second_acces",
    "url_courte",
]
