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

:meth:`Schema.aretes` relit la description DOT avec :func:`entsim.diagrammes.dot.lire_dot` (grammaire :
https://graphviz.org/doc/info/lang.html) et rend les flèches **dans l'ordre où elles sont
écrites**, ce que Graphviz ne garantit pas dans ses sorties : on peut ainsi comparer un
schéma du parcours de connexion au journal.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import graphviz

from entsim.diagrammes.dot import Arete, ErreurSchema, LectureDot, lire_dot, texte_lisible  # réexporté
from entsim.socle.erreurs import ErreurENT, ValeurInvalide, verifier_texte
from entsim.socle.texte import cite
from entsim.diagrammes.image import balise_image
from entsim.diagrammes.rendu import rendre, texte_dot

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
        raise ValeurInvalide(f"{quoi.capitalize()} inconnue : {cite(nature)}. Valeurs possibles : "
                             + ", ".join(f"« {n} »" for n in table) + ".",
                             code="nature_inconnue")
    return dict(table[nature].attributs)


def digraphe(nom: str = "schema", *, sens: str = "LR") -> graphviz.Digraph:
    """Un graphe orienté vide, de gauche à droite (``sens="LR"``) ou de haut en bas (``"TB"``)."""
    if sens not in ("LR", "TB", "RL", "BT"):
        raise ValeurInvalide(f"Sens inconnu : {cite(sens)}. Choisissez « LR » (de gauche à "
                             "droite) ou « TB » (de haut en bas).", code="sens_inconnu")
    return graphviz.Digraph(verifier_texte(nom, "nom"), graph_attr={"rankdir": sens})


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
    def _image_en_ligne(self, *, moteur: str = "auto") -> str:
        """Le schéma comme image (``<img>`` dont la source est le SVG en data URI) : un
        notebook ouvert sans être exécuté n'est pas « de confiance », et JupyterLab retire
        alors le SVG écrit dans le HTML (il n'en reste que les noms des nœuds, en vrac) ;
        une image, elle, s'affiche toujours (voir JUPYTER-FACTS)."""
        return balise_image(self.svg(moteur=moteur), f"Schéma : {self._titre}")

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
            dessin = f'<div style="overflow-x:auto">{self._image_en_ligne()}</div>'
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
