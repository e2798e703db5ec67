"""Lecture d'une description DOT (le langage de Graphviz) : flèches dans l'ordre, libellés.

Graphviz ne garantit pas, dans ses sorties, l'ordre dans lequel les flèches ont été écrites ;
:func:`lire_dot` relit donc la description elle-même (grammaire :
https://graphviz.org/doc/info/lang.html ; lexique : fichier ``scan.l`` de Graphviz) et rend
une :class:`LectureDot` : le nom du graphe, les libellés des nœuds dans l'ordre
d'apparition, les flèches (:class:`Arete`) **dans l'ordre où elles sont écrites** et la
position de l'accolade ouvrante (où :class:`entsim.diagrammes.schema.Schema` insère la charte
graphique). :func:`texte_lisible` donne le texte d'une étiquette tel qu'un lecteur le voit.

Une description fausse lève :class:`ErreurSchema`, avec la ligne fautive et une explication
en français. Ces noms restent importables depuis :mod:`entsim.diagrammes.schema`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from entsim.socle.erreurs import ErreurENT


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
