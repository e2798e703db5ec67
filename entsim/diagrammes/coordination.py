"""Le schéma de la coordination avant et avec l'ENT : prévenir une famille de l'absence de son
enfant (partie 2 du cours), dessiné à partir des données de
:mod:`entsim.organisation.coordination` (jamais à la main).

Deux colonnes côte à côte (deux groupes Graphviz « Avant l'ENT » et « Avec l'ENT ») : chaque
étape est une boîte qui dit **qui** (l'acteur, en première ligne), **quoi** et **avec quel
support** ; la flèche qui y mène porte le délai (un ordre de grandeur, pas une mesure). La
dernière boîte donne le délai total.

Accessibilité : les étapes sur papier ou au téléphone et les étapes dans l'ENT se
distinguent par la **forme** (feuille cornée / boîte arrondie) autant que par la couleur
(orange et bleu clair de la palette d'Okabe et Ito, distinctes pour les formes courantes de
daltonisme) — WCAG 2.1, critère 1.4.1 : la couleur n'est jamais seule. Polices de la charte
de :class:`~entsim.diagrammes.schema.Schema` (18 pt et plus), lisibles au vidéoprojecteur.
Pas d'étiquettes HTML : le Graphviz intégré (WebAssembly) ne les affiche pas.
"""

from __future__ import annotations

import textwrap

from entsim.diagrammes.schema import Schema, apparence_fleche, digraphe
from entsim.organisation.coordination import (AVERTISSEMENT_DELAIS, PROCESSUS, TACHE, Etape,
                                              coordination, duree_en_mots)

#: Titre du schéma.
TITRE = f"{TACHE} : avant l'ENT et avec l'ENT"

#: Allure des étapes selon leur support (forme ET couleur ; Okabe–Ito éclaircis).
ETAPE_PAPIER = {"shape": "note", "style": "filled", "fillcolor": "#FBE3B0",
                "color": "#8A5A00"}
ETAPE_ENT = {"shape": "box", "style": "rounded,filled", "fillcolor": "#CDE8F6",
             "color": "#0B5D8C"}
BORNE = {"shape": "ellipse", "style": "filled", "fillcolor": "#FFFFFF", "color": "#333333"}

#: Largeur (en caractères) des lignes d'une boîte.
LARGEUR = 30


def _dot(texte: str, largeur: int = LARGEUR) -> str:
    """Un texte pour un attribut DOT : barres obliques et guillemets échappés, lignes
    courtes écrites « \\n » (le paquet graphviz n'échappe que les guillemets)."""
    lignes = []
    for paragraphe in texte.split("\n"):
        lignes.extend(textwrap.wrap(paragraphe, largeur, break_long_words=False,
                                    break_on_hyphens=False) or [""])
    return "\n".join(lignes).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _sur_papier(etape: Etape) -> bool:
    return "ENT" not in etape.support


def _colonne(g, prefixe: str, titre: str, etapes: tuple[Etape, ...]) -> None:
    with g.subgraph(name=f"cluster_{prefixe}") as groupe:
        groupe.attr(label=titre, labelloc="t", fontsize="24", style="rounded", color="#424949",
                    penwidth="2", margin="16")
        debut = f"{titre.split(' : ')[0]} : un élève est absent en début d'heure"
        groupe.node(f"{prefixe}_debut", _dot(debut), **BORNE)
        precedent = f"{prefixe}_debut"
        for e in etapes:
            noeud = f"{prefixe}_{e.ordre}"
            allure = ETAPE_PAPIER if _sur_papier(e) else ETAPE_ENT
            groupe.node(noeud, _dot(f"{e.ordre}. {e.acteur_nom}\n{e.action}\n[{e.support}]"),
                        **allure)
            groupe.edge(precedent, noeud, _dot(e.delai_texte), **apparence_fleche("requete"))
            precedent = noeud
        total = duree_en_mots(sum(e.delai_minutes for e in etapes))
        groupe.node(f"{prefixe}_fin", _dot(f"Absence justifiée : {total} en tout"), **BORNE)
        groupe.edge(precedent, f"{prefixe}_fin", **apparence_fleche("reponse"))


def schema_coordination() -> Schema:
    """Le schéma « prévenir une famille d'une absence » : à gauche avant l'ENT (billet papier,
    registre, téléphone, courrier, carnet de correspondance), à droite avec l'ENT (appel en
    ligne, absence vue aussitôt, avis aux responsables, justification en ligne).

    Sa description textuelle (``print(schema)``) est déterministe : titre puis une ligne
    « A → B : délai » par flèche, dans l'ordre des étapes (avant l'ENT, puis avec l'ENT)."""
    g = digraphe("coordination_absence", sens="TB")
    g.attr(label=_dot(AVERTISSEMENT_DELAIS, 70), labelloc="b", fontsize="16", nodesep="0.5",
           newrank="true")
    _colonne(g, "avant", f"{PROCESSUS['avant']} : papier et téléphone", coordination(False))
    _colonne(g, "avec", PROCESSUS["avec_ent"], coordination(True))
    # Les deux débuts sur la même ligne : les colonnes partent du même instant.
    with g.subgraph() as meme_rang:
        meme_rang.attr(rank="same")
        meme_rang.node("avant_debut")
        meme_rang.node("avec_debut")
    return Schema(g, TITRE)
