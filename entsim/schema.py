"""Un schéma affichable : une description DOT, un titre français, un dessin SVG et un texte.

Un :class:`Schema` s'affiche dans JupyterLab (et dans un export HTML du notebook) comme un
bloc HTML contenant le dessin SVG, son titre et une description textuelle dépliable ; sa
version texte (``text/plain``) est une description déterministe — titre puis une ligne
« A → B : étiquette » par flèche — lue par les lecteurs d'écran et comparée par nbval.
Le dessin lui-même dépend du moteur (version de Graphviz, coordonnées) : les cellules qui
affichent un schéma sont marquées ``# NBVAL_IGNORE_OUTPUT`` dans les notebooks.

La charte graphique (police DejaVu Sans, grande taille pour la projection, boîtes arrondies)
est ajoutée en tête de la description : tout attribut écrit dans la source l'emporte.
Les natures de nœuds (:data:`NATURES`) et de flèches (:data:`FLECHES`) se distinguent par
la forme et le trait autant que par la couleur (WCAG 2.1, critère 1.4.1 « Utilisation de la
couleur » : la couleur n'est jamais le seul moyen de transmettre une information).

:meth:`Schema.aretes` relit la description DOT (grammaire : https://graphviz.org/doc/info/lang.html)
et rend les flèches **dans l'ordre où elles sont écrites**, ce que Graphviz ne garantit pas
dans ses sorties : on peut ainsi comparer un schéma du parcours de connexion au journal.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import graphviz

from .erreurs import ErreurENT, ValeurInvalide, verifier_texte
from .rendu import rendre, texte_dot

# --------------------------------------------------------------------------------------
# Charte graphique
# --------------------------------------------------------------------------------------

#: Police des schémas. Graphviz connaît ses largeurs de caractères même sans police installée
#: (le Graphviz intégré les estime avec la même table), donc les boîtes ont la bonne taille.
POLICE = "DejaVu Sans"

#: Polices de repli pour le navigateur (Verdana a presque les mêmes largeurs que DejaVu Sans).
POLICES_NAVIGATEUR = "DejaVu Sans,Verdana,Arial,sans-serif"

#: Attributs par défaut (tailles en points : 18 pt ≈ 24 pixels, lisible au vidéoprojecteur).
CHARTE: dict[str, dict[str, str]] = {
    "graph": {"fontname": POLICE, "fontsize": "20", "bgcolor": "white", "pad": "0.3",
              "nodesep": "0.6", "ranksep": "0.7", "fontcolor": "#1A1A1A"},
    "node": {"fontname": POLICE, "fontsize": "18", "shape": "box", "style": "rounded,filled",
             "fillcolor": "#F4F6F6", "color": "#424949", "fontcolor": "#1A1A1A",
             "penwidth": "1.5", "margin": "0.25,0.12"},
    "edge": {"fontname": POLICE, "fontsize": "16", "color": "#333333", "fontcolor": "#1A1A1A",
             "penwidth": "1.5", "arrowsize": "1.1"},
}


@dataclass(frozen=True)
class Apparence:
    """L'allure d'une nature de nœud ou de flèche, et ce qu'elle signifie (pour une légende)."""

    description: str
    attributs: dict[str, str] = field(default_factory=dict)


#: Natures de nœuds : chacune a sa forme (et sa couleur, jamais seule).
NATURES: dict[str, Apparence] = {
    "personne": Apparence("Personne (élève, parent, enseignant…) : boîte arrondie bleue",
                          {"shape": "box", "style": "rounded,filled",
                           "fillcolor": "#D6EAF8", "color": "#1B4F72"}),
    "navigateur": Apparence("Navigateur ou poste de travail : onglet gris",
                            {"shape": "tab", "style": "filled",
                             "fillcolor": "#EAEDED", "color": "#424949"}),
    "service": Apparence("Service de l'ENT (messagerie, cahier de textes…) : "
                         "boîte arrondie verte à double bord",
                         {"shape": "box", "style": "rounded,filled", "peripheries": "2",
                          "fillcolor": "#D5F5E3", "color": "#1D6A39"}),
    "serveur": Apparence("Serveur d'authentification ou annuaire : boîte en relief jaune",
                         {"shape": "box3d", "style": "filled",
                          "fillcolor": "#FCF3CF", "color": "#7D6608"}),
    "donnees": Apparence("Données stockées : cylindre violet",
                         {"shape": "cylinder", "style": "filled",
                          "fillcolor": "#E8DAEF", "color": "#4A235A"}),
    "attaquant": Apparence("Attaquant : octogone rouge à bord en tirets",
                           {"shape": "octagon", "style": "filled,dashed,bold",
                            "fillcolor": "#FADBD8", "color": "#922B21"}),
}

#: Natures de flèches : le trait et la pointe portent le sens, la couleur le renforce.
FLECHES: dict[str, Apparence] = {
    "requete": Apparence("Demande : trait plein", {"style": "solid"}),
    "reponse": Apparence("Réponse : trait en tirets", {"style": "dashed"}),
    "refus": Apparence("Refus ou blocage : trait épais rouge terminé par une barre",
                       {"style": "bold", "color": "#922B21", "fontcolor": "#922B21",
                        "arrowhead": "tee"}),
    "attaque": Apparence("Attaque : trait épais rouge en pointillés, pointe creuse",
                         {"style": "bold,dotted", "color": "#922B21", "fontcolor": "#922B21",
                          "arrowhead": "empty"}),
}


def apparence(nature: str) -> dict[str, str]:
    """Attributs Graphviz d'un nœud de cette nature.

    Exemple : ``g.node("cas", "Serveur CAS", **apparence("serveur"))``.
    """
    return _apparence(nature, NATURES, "nature de nœud")


def apparence_fleche(nature: str) -> dict[str, str]:
    """Attributs Graphviz d'une flèche de cette nature.

    Exemple : ``g.edge("eleve", "cas", "1. …", **apparence_fleche("requete"))``.
    """
    return _apparence(nature, FLECHES, "nature de flèche")


def _apparence(nature: str, table: dict[str, Apparence], quoi: str) -> dict[str, str]:
    if nature not in table:
        raise ValeurInvalide(f"{quoi.capitalize()} inconnue : « {nature} ». Valeurs possibles : "
                             + ", ".join(f"« {n} »" for n in table) + ".",
                             code="nature_inconnue")
    return dict(table[nature].attributs)


def digraphe(nom: str = "schema", *, sens: str = "LR") -> graphviz.Digraph:
    """Un graphe orienté vide, de gauche à droite (``sens="LR"``) ou de haut en bas (``"TB"``)."""
    if sens not in ("LR", "TB", "RL", "BT"):
        raise ValeurInvalide(f"Sens inconnu : « {sens} ». Choisissez « LR » (de gauche à "
                             "droite) ou « TB » (de haut en bas).", code="sens_inconnu")
    return graphviz.Digraph(verifier_texte(nom, "nom"), graph_attr={"rankdir": sens})


# --------------------------------------------------------------------------------------
# Lecture de la description DOT (ordre des flèches, libellés)
# --------------------------------------------------------------------------------------

class ErreurSchema(ErreurENT):
    """La description DOT d'un schéma est illisible ; le message donne la ligne fautive."""

    def __init__(self, ligne: int, detail: str) -> None:
        super().__init__(f"Description du schéma illisible, ligne {ligne} : {detail}.",
                         code="dot_illisible")
        self.ligne = ligne
        self.detail = detail


class Arete(NamedTuple):
    """Une flèche : nœud de départ, nœud d'arrivée (identifiants DOT) et étiquette lisible."""

    source: str
    cible: str
    etiquette: str


@dataclass(frozen=True)
class _Jeton:
    genre: str  # "id" (nom ou nombre), "chaine" ("…"), "html" (<…>), "ponct", "fin"
    valeur: str
    ligne: int
    fin: int  # position juste après le jeton dans le texte


@dataclass(frozen=True)
class _Valeur:
    texte: str
    html: bool = False


_MOTS_RESERVES = ("node", "edge", "graph", "digraph", "subgraph", "strict")
_PONCTUATIONS = ("->", "--", "{", "}", "[", "]", ";", ",", "=", ":", "+")
_NOMBRE = re.compile(r"-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)")


def _est_lettre(c: str) -> bool:
    # Comme Graphviz : lettres ASCII, « _ » et tout caractère non ASCII (é, ç, «…).
    return c == "_" or ("a" <= c.lower() <= "z") or ord(c) >= 128


def _jetons(texte: str) -> list[_Jeton]:
    """Découpe une description DOT en jetons (lexique de Graphviz, fichier ``scan.l``)."""
    jetons: list[_Jeton] = []
    i, ligne, n = 0, 1, len(texte)
    debut_de_ligne = True
    while i < n:
        c = texte[i]
        if c == "\n":
            ligne, i, debut_de_ligne = ligne + 1, i + 1, True
            continue
        if c.isspace():
            i += 1
            continue
        if c == "#" and debut_de_ligne:  # ligne du préprocesseur C : ignorée par Graphviz
            while i < n and texte[i] != "\n":
                i += 1
            continue
        debut_de_ligne = False
        if texte.startswith("//", i):
            while i < n and texte[i] != "\n":
                i += 1
            continue
        if texte.startswith("/*", i):
            fin = texte.find("*/", i + 2)
            if fin < 0:
                raise ErreurSchema(ligne, "commentaire « /* » jamais fermé par « */ »")
            ligne += texte.count("\n", i, fin)
            i = fin + 2
            continue
        depart = ligne
        if c == '"':
            morceaux, i = [], i + 1
            while True:
                if i >= n:
                    raise ErreurSchema(depart, "texte entre guillemets jamais refermé")
                c = texte[i]
                if c == '"':
                    i += 1
                    break
                if c == "\\" and i + 1 < n and texte[i + 1] in '"\\\n':
                    suivant = texte[i + 1]
                    if suivant == '"':
                        morceaux.append('"')
                    elif suivant == "\\":
                        morceaux.append("\\\\")
                    else:
                        ligne += 1  # retour à la ligne échappé : supprimé
                    i += 2
                    continue
                if c == "\n":
                    ligne += 1
                morceaux.append(c)
                i += 1
            jetons.append(_Jeton("chaine", "".join(morceaux), depart, i))
            continue
        if c == "<":
            profondeur, j = 0, i
            while j < n:
                if texte[j] == "<":
                    profondeur += 1
                elif texte[j] == ">":
                    profondeur -= 1
                    if profondeur == 0:
                        break
                elif texte[j] == "\n":
                    ligne += 1
                j += 1
            if j >= n:
                raise ErreurSchema(depart, "étiquette HTML « < … > » jamais refermée")
            jetons.append(_Jeton("html", texte[i + 1:j], depart, j + 1))
            i = j + 1
            continue
        ponctuation = next((p for p in _PONCTUATIONS if texte.startswith(p, i)), None)
        if ponctuation:
            i += len(ponctuation)
            jetons.append(_Jeton("ponct", ponctuation, ligne, i))
            continue
        nombre = _NOMBRE.match(texte, i)
        if nombre:
            i = nombre.end()
            jetons.append(_Jeton("id", nombre.group(), ligne, i))
            continue
        if _est_lettre(c):
            j = i + 1
            while j < n and (_est_lettre(texte[j]) or texte[j].isdigit()):
                j += 1
            jetons.append(_Jeton("id", texte[i:j], ligne, j))
            i = j
            continue
        raise ErreurSchema(ligne, f"caractère inattendu « {c} »")
    jetons.append(_Jeton("fin", "", ligne, n))
    return jetons


@dataclass
class _Portee:
    """Un graphe ou sous-graphe : ses attributs par défaut et ses nœuds, dans l'ordre."""

    defauts_noeud: dict[str, _Valeur]
    defauts_arete: dict[str, _Valeur]
    parent: _Portee | None = None
    noeuds: dict[str, None] = field(default_factory=dict)

    def enfant(self) -> _Portee:
        return _Portee(dict(self.defauts_noeud), dict(self.defauts_arete), self)


@dataclass(frozen=True)
class LectureDot:
    """Ce que :func:`lire_dot` retient d'une description DOT."""

    nom: str
    oriente: bool
    strict: bool
    position_accolade: int  # juste après la « { » qui ouvre le graphe
    libelles: dict[str, str]  # identifiant de nœud -> libellé lisible, dans l'ordre d'apparition
    aretes: tuple[Arete, ...]
    libelle_graphe: str | None


class _Lecteur:
    """Analyse descendante de la grammaire DOT (graph, stmt_list, edge_stmt, subgraph…)."""

    def __init__(self, texte: str) -> None:
        self.jetons = _jetons(texte)
        self.k = 0
        self.oriente = True
        self.strict = False
        self.nom = ""
        self.attributs_noeuds: dict[str, dict[str, _Valeur]] = {}
        self.aretes: list[tuple[str, str, dict[str, _Valeur]]] = []
        self.attributs_graphe: dict[str, _Valeur] = {}

    # -- outils
    def courant(self) -> _Jeton:
        return self.jetons[self.k]

    def avancer(self) -> _Jeton:
        jeton = self.jetons[self.k]
        if jeton.genre != "fin":
            self.k += 1
        return jeton

    def est(self, ponctuation: str) -> bool:
        jeton = self.courant()
        return jeton.genre == "ponct" and jeton.valeur == ponctuation

    def mot_cle(self, *mots: str) -> bool:
        jeton = self.courant()
        return jeton.genre == "id" and jeton.valeur.lower() in mots

    def erreur(self, attendu: str) -> ErreurSchema:
        jeton = self.courant()
        vu = "la fin du texte" if jeton.genre == "fin" else f"« {jeton.valeur} »"
        return ErreurSchema(jeton.ligne, f"on attendait {attendu}, mais on trouve {vu}")

    def exiger(self, ponctuation: str, attendu: str) -> _Jeton:
        if not self.est(ponctuation):
            raise self.erreur(attendu)
        return self.avancer()

    def identifiant(self, attendu: str) -> _Valeur:
        """Un ID DOT : nom, nombre, "texte" (éventuellement "a" + "b") ou <html>."""
        jeton = self.courant()
        if jeton.genre == "id" and jeton.valeur.lower() in _MOTS_RESERVES:
            raise ErreurSchema(jeton.ligne, f"« {jeton.valeur} » est un mot réservé du langage "
                               f"DOT : écrivez-le entre guillemets (\"{jeton.valeur}\")")
        if jeton.genre == "id" or jeton.genre == "html":
            self.avancer()
            return _Valeur(jeton.valeur, html=jeton.genre == "html")
        if jeton.genre == "chaine":
            morceaux = [self.avancer().valeur]
            while self.est("+"):
                self.avancer()
                if self.courant().genre != "chaine":
                    raise self.erreur("un texte entre guillemets après « + »")
                morceaux.append(self.avancer().valeur)
            return _Valeur("".join(morceaux))
        raise self.erreur(attendu)

    # -- grammaire
    def graphe(self) -> int:
        if self.mot_cle("strict"):
            self.avancer()
            self.strict = True
        if not self.mot_cle("graph", "digraph"):
            raise self.erreur("« digraph » (schéma orienté) ou « graph » au début")
        self.oriente = self.avancer().valeur.lower() == "digraph"
        if not self.est("{"):
            self.nom = self.identifiant("un nom de schéma ou « { »").texte
        position = self.exiger("{", "« { » pour ouvrir le schéma").fin
        racine = _Portee({}, {})
        self.liste_instructions(racine, racine=True)
        if self.courant().genre != "fin":
            raise ErreurSchema(self.courant().ligne,
                               "du texte après l'accolade « } » qui ferme le schéma "
                               "(un schéma ne contient qu'un seul graphe)")
        return position

    def liste_instructions(self, portee: _Portee, *, racine: bool = False) -> None:
        while not self.est("}"):
            if self.courant().genre == "fin":
                raise self.erreur("« } » pour fermer le schéma")
            self.instruction(portee, racine)
            if self.est(";"):
                self.avancer()
        self.avancer()

    def instruction(self, portee: _Portee, racine: bool) -> None:
        if self.mot_cle("graph", "node", "edge"):
            genre = self.avancer().valeur.lower()
            attributs = self.liste_attributs(obligatoire=True)
            if genre == "node":
                portee.defauts_noeud.update(attributs)
            elif genre == "edge":
                portee.defauts_arete.update(attributs)
            elif racine:
                self.attributs_graphe.update(attributs)
            return
        if self.mot_cle("subgraph") or self.est("{"):
            extremite = self.sous_graphe(portee)
            self.suite_aretes(portee, extremite)
            return
        nom = self.identifiant("un nom de nœud, « node », « edge », « graph » "
                               "ou « subgraph »")
        if self.est("="):
            self.avancer()
            valeur = self.identifiant(f"une valeur après « {nom.texte} = »")
            if racine:
                self.attributs_graphe[nom.texte] = valeur
            return
        self.port()
        if self.est("->") or self.est("--"):
            self.suite_aretes(portee, [self.noeud(portee, nom.texte)])
            return
        self.noeud(portee, nom.texte)
        self.attributs_noeuds[nom.texte].update(self.liste_attributs())

    def port(self) -> None:
        for _ in range(2):  # nœud:port ou nœud:port:direction
            if not self.est(":"):
                return
            self.avancer()
            self.identifiant("un nom de port après « : »")

    def noeud(self, portee: _Portee, nom: str) -> str:
        if nom not in self.attributs_noeuds:
            self.attributs_noeuds[nom] = dict(portee.defauts_noeud)
        ancetre: _Portee | None = portee
        while ancetre is not None:  # un nœud appartient aussi aux graphes englobants
            ancetre.noeuds.setdefault(nom)
            ancetre = ancetre.parent
        return nom

    def sous_graphe(self, portee: _Portee) -> list[str]:
        if self.mot_cle("subgraph"):
            self.avancer()
            if not self.est("{"):
                self.identifiant("un nom de sous-graphe ou « { »")
                if not self.est("{"):  # « subgraph nom » seul : référence à un sous-graphe
                    return []
        self.exiger("{", "« { »")
        interieur = portee.enfant()
        self.liste_instructions(interieur)
        return list(interieur.noeuds)

    def suite_aretes(self, portee: _Portee, depart: list[str]) -> None:
        extremites = [depart]
        while self.est("->") or self.est("--"):
            fleche = self.avancer()
            if self.oriente and fleche.valeur == "--":
                raise ErreurSchema(fleche.ligne, "dans un schéma orienté (digraph), une flèche "
                                   "s'écrit « -> » et non « -- »")
            if not self.oriente and fleche.valeur == "->":
                raise ErreurSchema(fleche.ligne, "dans un schéma non orienté (graph), un lien "
                                   "s'écrit « -- » et non « -> »")
            if self.mot_cle("subgraph") or self.est("{"):
                extremites.append(self.sous_graphe(portee))
            else:
                nom = self.identifiant("un nom de nœud après la flèche")
                self.port()
                extremites.append([self.noeud(portee, nom.texte)])
        if len(extremites) == 1:  # un sous-graphe seul, sans flèche
            return
        attributs = dict(portee.defauts_arete)
        attributs.update(self.liste_attributs())
        for depart_, arrivee in zip(extremites, extremites[1:]):
            for source in depart_:
                for cible in arrivee:
                    self.ajouter_arete(source, cible, attributs)

    def ajouter_arete(self, source: str, cible: str, attributs: dict[str, _Valeur]) -> None:
        if self.strict:  # « strict » : une seule flèche entre deux nœuds, attributs fusionnés
            for existante in self.aretes:
                memes = (existante[0], existante[1]) == (source, cible) or (
                    not self.oriente and (existante[1], existante[0]) == (source, cible))
                if memes:
                    existante[2].update(attributs)
                    return
        self.aretes.append((source, cible, dict(attributs)))

    def liste_attributs(self, *, obligatoire: bool = False) -> dict[str, _Valeur]:
        attributs: dict[str, _Valeur] = {}
        if obligatoire and not self.est("["):
            raise self.erreur("« [ » et une liste d'attributs")
        while self.est("["):
            self.avancer()
            while not self.est("]"):
                cle = self.identifiant("un nom d'attribut ou « ] »")
                if self.est("="):
                    self.avancer()
                    attendu = f"une valeur après « {cle.texte} = »"
                    attributs[cle.texte] = self.identifiant(attendu)
                else:
                    attributs[cle.texte] = _Valeur("true")
                if self.est(",") or self.est(";"):
                    self.avancer()
            self.avancer()
        return attributs


_BALISE_RETOUR = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_BALISE = re.compile(r"<[^>]*>")
_ECHAPPEMENT = re.compile(r"\\(.)", re.DOTALL)


def texte_lisible(valeur: _Valeur | None, *, noeud: str = "", graphe: str = "",
                  source: str = "", cible: str = "", fleche: str = "->") -> str:
    """Le texte d'une étiquette DOT tel qu'un lecteur le voit (retours à la ligne → espaces).

    Interprète les séquences de Graphviz : ``\\n``, ``\\l``, ``\\r`` (retours à la ligne),
    ``\\N`` (nom du nœud), ``\\G`` (du graphe), ``\\T``, ``\\H``, ``\\E`` (d'une flèche) ;
    une étiquette HTML est débarrassée de ses balises.
    """
    if valeur is None:
        return ""
    if valeur.html:
        texte = html.unescape(_BALISE.sub(" ", _BALISE_RETOUR.sub(" ", valeur.texte)))
    else:
        remplacements = {"n": " ", "l": " ", "r": " ", "N": noeud, "G": graphe, "T": source,
                         "H": cible, "E": f"{source}{fleche}{cible}", "L": ""}
        texte = _ECHAPPEMENT.sub(lambda m: remplacements.get(m.group(1), m.group(1)),
                                 valeur.texte)
    return " ".join(texte.split())


def lire_dot(texte: str) -> LectureDot:
    """Lit une description DOT ; lève :class:`ErreurSchema` (avec la ligne) si elle est fausse."""
    lecteur = _Lecteur(texte)
    position = lecteur.graphe()
    fleche = "->" if lecteur.oriente else "--"
    libelles = {nom: texte_lisible(attributs.get("label", _Valeur("\\N")), noeud=nom,
                                   graphe=lecteur.nom) or nom
                for nom, attributs in lecteur.attributs_noeuds.items()}
    aretes = tuple(
        Arete(source, cible,
              texte_lisible(attributs.get("label") or attributs.get("xlabel"), graphe=lecteur.nom,
                            source=source, cible=cible, fleche=fleche))
        for source, cible, attributs in lecteur.aretes)
    libelle = texte_lisible(lecteur.attributs_graphe.get("label"), graphe=lecteur.nom)
    return LectureDot(nom=lecteur.nom, oriente=lecteur.oriente, strict=lecteur.strict,
                      position_accolade=position, libelles=libelles, aretes=aretes,
                      libelle_graphe=libelle or None)


# --------------------------------------------------------------------------------------
# Le schéma
# --------------------------------------------------------------------------------------

def _attributs_dot(attributs: dict[str, str]) -> str:
    return ", ".join(f'{cle}="{valeur}"' for cle, valeur in attributs.items())


#: Lignes DOT de la charte, placées juste après la « { » du graphe (la source l'emporte).
_CHARTE_DOT = "".join(f"\n  {genre} [{_attributs_dot(attributs)}]"
                      for genre, attributs in CHARTE.items()) + "\n"


class Schema:
    """Un schéma à afficher dans un notebook : description DOT + titre français.

    >>> g = digraphe()
    >>> g.node("eleve", "Élève", **apparence("personne"))
    >>> g.node("cas", "Serveur CAS", **apparence("serveur"))
    >>> g.edge("eleve", "cas", "1. identifiant et mot de passe")
    >>> print(Schema(g, "Connexion à l'ENT"))
    Schéma : Connexion à l'ENT
      Élève → Serveur CAS : 1. identifiant et mot de passe

    ``source`` est un texte DOT ou un graphe ``graphviz`` (recopié à la création : le modifier
    ensuite ne change pas le schéma). Sans ``titre``, l'attribut ``label`` du graphe sert de
    titre. ``charte=False`` dessine la source telle quelle, sans la charte graphique.
    """

    __slots__ = ("_titre", "_source", "_disposition", "_lecture", "_charte")

    def __init__(self, source: object, titre: str | None = None, *, charte: bool = True) -> None:
        texte, disposition = texte_dot(source)
        self._lecture = lire_dot(texte)
        if titre is None:
            titre = self._lecture.libelle_graphe
            if titre is None:
                raise ValeurInvalide("Donnez un titre au schéma, par exemple "
                                     "Schema(graphe, \"Connexion à l'ENT\").",
                                     code="titre_manquant")
        self._titre = " ".join(verifier_texte(titre, "titre").split())
        self._source = texte
        self._disposition = disposition
        self._charte = bool(charte)

    # -- ce que contient le schéma
    @property
    def titre(self) -> str:
        """Le titre français du schéma."""
        return self._titre

    @property
    def source(self) -> str:
        """La description DOT d'origine."""
        return self._source

    @property
    def oriente(self) -> bool:
        """``True`` pour un graphe orienté (``digraph``, flèches ``->``)."""
        return self._lecture.oriente

    def source_dessinee(self) -> str:
        """La description DOT envoyée à Graphviz (avec la charte graphique si demandée)."""
        if not self._charte:
            return self._source
        position = self._lecture.position_accolade
        return self._source[:position] + _CHARTE_DOT + self._source[position:]

    def aretes(self) -> list[Arete]:
        """Les flèches ``(source, cible, étiquette)``, dans l'ordre où elles sont écrites.

        ``source`` et ``cible`` sont les identifiants DOT des nœuds ; l'étiquette est le texte
        lu à l'écran (retours à la ligne remplacés par des espaces, ``""`` si aucune).
        """
        return list(self._lecture.aretes)

    def noeuds(self) -> dict[str, str]:
        """Identifiant -> libellé de chaque nœud, dans l'ordre d'apparition."""
        return dict(self._lecture.libelles)

    def description(self) -> str:
        """Le texte du schéma : titre, puis une ligne « A → B : étiquette » par flèche."""
        fleche = "→" if self.oriente else "—"
        libelles = self._lecture.libelles
        lignes = [f"Schéma : {self._titre}"]
        for arete in self._lecture.aretes:
            ligne = f"  {libelles[arete.source]} {fleche} {libelles[arete.cible]}"
            lignes.append(ligne + (f" : {arete.etiquette}" if arete.etiquette else ""))
        if not self._lecture.aretes:
            lignes.append("  (aucune flèche)")
        return "\n".join(lignes)

    # -- le dessin
    def svg(self, *, moteur: str = "auto") -> str:
        """Le dessin SVG complet (document autonome), avec un titre accessible."""
        dessin = graphviz.Source(self.source_dessinee(), engine=self._disposition)
        svg = rendre(dessin, moteur=moteur).svg
        if self._charte:  # polices de repli pour les navigateurs sans DejaVu Sans
            svg = svg.replace(f'font-family="{POLICE}"', f'font-family="{POLICES_NAVIGATEUR}"')
        etiquette = html.escape(f"Schéma : {self._titre}", quote=True)
        return svg.replace("<svg ", f'<svg role="img" aria-label="{etiquette}" ', 1)

    def enregistrer(self, chemin: str | Path, *, moteur: str = "auto") -> Path:
        """Écrit le dessin dans un fichier ``.svg`` (l'extension est ajoutée si absente)."""
        if not isinstance(chemin, (str, Path)) or not str(chemin).strip():
            raise ValeurInvalide("Donnez le nom du fichier à écrire, par exemple "
                                 "\"connexion.svg\".", code="chemin_invalide")
        chemin = Path(chemin)
        if chemin.suffix == "":
            chemin = chemin.with_suffix(".svg")
        elif chemin.suffix.lower() != ".svg":
            raise ValeurInvalide(f"Un schéma s'enregistre au format SVG : le nom du fichier doit "
                                 f"finir par « .svg » (reçu : « {chemin.name} »).",
                                 code="extension_invalide")
        if not chemin.parent.is_dir():
            raise ValeurInvalide(f"Le dossier « {chemin.parent} » n'existe pas.",
                                 code="dossier_introuvable")
        chemin.write_text(self.svg(moteur=moteur), encoding="utf-8")
        return chemin

    # -- affichage dans Jupyter
    def _identifiant(self) -> str:
        empreinte = hashlib.sha256((self._titre + "\0" + self._source).encode("utf-8"))
        return "entsim-" + empreinte.hexdigest()[:10]

    def _svg_en_ligne(self, *, moteur: str = "auto") -> str:
        """Le SVG à insérer dans une page HTML : sans en-tête XML, identifiants uniques."""
        svg = self.svg(moteur=moteur)
        svg = svg[svg.index("<svg"):]
        prefixe = self._identifiant()
        svg = re.sub(r'\bid="', f'id="{prefixe}-', svg)
        svg = svg.replace("url(#", f"url(#{prefixe}-").replace('href="#', f'href="#{prefixe}-')
        return svg.replace("<svg ", '<svg style="max-width:100%;height:auto" ', 1)

    def _html_description(self) -> str:
        lignes = self.description().splitlines()[1:]
        elements = "".join(f"<li>{html.escape(ligne.strip())}</li>" for ligne in lignes)
        return ("<details><summary>Description textuelle du schéma</summary>"
                f"<ul>{elements}</ul></details>")

    def _repr_html_(self) -> str:
        titre = html.escape(self._titre)
        legende = (f'<figcaption style="font-family:{POLICES_NAVIGATEUR};font-size:1.2em;'
                   f'font-weight:bold;margin:0 0 0.4em 0">Schéma : {titre}</figcaption>')
        try:
            dessin = f'<div style="overflow-x:auto">{self._svg_en_ligne()}</div>'
        except ErreurENT as erreur:  # jamais de trace d'erreur brute dans une cellule
            dessin = (f'<p role="alert"><strong>Le schéma n\'a pas pu être dessiné :</strong> '
                      f"{html.escape(str(erreur))}</p>")
        return (f'<figure class="entsim-schema" style="margin:1em 0">{legende}{dessin}'
                f"{self._html_description()}</figure>")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/plain": self.description(), "text/html": self._repr_html_()}

    def __str__(self) -> str:
        return self.description()

    def __repr__(self) -> str:
        nombre = len(self._lecture.aretes)
        return f"<Schema « {self._titre} » : {nombre} flèche{'s' if nombre > 1 else ''}>"
