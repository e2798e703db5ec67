"""Le dessin en couloirs (diagramme de séquence) que Graphviz ne sait pas faire lui-même.

Graphviz n'a pas de diagramme de séquence : :func:`dessiner_couloirs` place lui-même les
couloirs et les lignes (disposition ``neato``, positions fixées « ! »). Le texte d'un message
est un nœud posé au-dessus de sa flèche ; la flèche garde aussi ce texte dans son attribut
``label`` (dessiné transparent) pour que :meth:`entsim.diagrammes.schema.Schema.aretes` et la
description textuelle (lecteurs d'écran, nbval) le lisent. Les étiquettes HTML de Graphviz ne
sont pas utilisées : le Graphviz intégré (WebAssembly) ne les affiche pas.

La mise en évidence d'une étape passe par la couleur, le trait épais et la marque « ▶ » :
la couleur n'est jamais seule à porter l'information (WCAG 2.1, critère 1.4.1).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import graphviz

from entsim.diagrammes.schema import apparence, apparence_fleche
from entsim.diagrammes.sso.textes import dot, _lignes

__all__ = ["COULEUR_A_VENIR", "COULEUR_COURANTE", "MARQUE_COURANTE"]

#: Couleurs de la mise en évidence (le trait épais et la marque « ▶ » portent aussi
#: l'information : WCAG 2.1, critère 1.4.1).
COULEUR_COURANTE = "#1F4E9E"
COULEUR_A_VENIR = "#A6ACAF"
MARQUE_COURANTE = "▶ "


@dataclass(frozen=True)
class Ligne:
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


def _ecarts(entetes: list[tuple[str, str]], lignes: list[Ligne],
            textes: list[str], taille_texte: float = 14, serre: bool = False) -> list[float]:
    """La largeur de chaque intervalle entre deux couloirs voisins : assez pour les deux
    en-têtes voisins, et pour le texte de chaque flèche qui le traverse (le manque est
    réparti sur les intervalles traversés). ``serre`` : marges réduites (dessin à projeter,
    le moins large possible pour la taille de son texte)."""
    marge_entete, espace, marge_texte = (0.35, 0.1, 0.3) if serre else (0.7, 0.3, 0.5)
    largeurs = [max(len(x) for x in libelle.split("\n")) * _LARGEUR_CARACTERE_ENTETE
                + marge_entete for libelle, _ in entetes]
    ecarts = [max(_ECART_MINIMAL, (largeurs[i] + largeurs[i + 1]) / 2 + espace)
              for i in range(len(entetes) - 1)]
    ordre = sorted(range(len(lignes)), key=lambda k: abs(lignes[k].de - lignes[k].vers))
    for k in ordre:
        a, b = sorted((lignes[k].de, lignes[k].vers))
        if a == b:
            continue
        largeur = (max(len(x) for x in textes[k].split("\n")) * _LARGEUR_CARACTERE
                   * taille_texte / 14 + marge_texte)
        manque = largeur - sum(ecarts[a:b])
        if manque > 0:
            for i in range(a, b):
                ecarts[i] += manque / (b - a)
    return ecarts


def dessiner_couloirs(nom: str, entetes: list[tuple[str, str]], lignes: list[Ligne], *,
                       largeur_texte: int = 36, taille_texte: int = 14, serre: bool = False,
                       bandeaux: Iterable[tuple[int, int, str]] = ()) -> graphviz.Digraph:
    """Dessine des couloirs verticaux (un par participant) et une flèche par ligne.

    Les positions sont calculées ici et fixées (disposition ``neato``, « ! ») : Graphviz ne
    sait pas faire de diagramme de séquence, et ses placements d'étiquettes varient d'une
    version à l'autre. Le texte d'une flèche est un nœud posé juste au-dessus d'elle ; la
    flèche garde ce texte dans ``label`` (transparent), lu par :meth:`Schema.aretes`. Les
    extrémités des flèches sont des points qui portent le nom de leur couloir (un point
    n'affiche pas son libellé) : la description textuelle dit « Poste du CDI → Serveur CAS ».

    ``taille_texte`` (points) : la police des étiquettes des flèches ; les repères de la
    marge et le bandeau ne sont jamais plus petits. Un schéma à projeter la prend d'au moins
    18 pt, comme les en-têtes des couloirs : il s'affiche alors à une largeur proche de celle
    de son dessin pour que ses étiquettes fassent 18 px (issue 15). ``serre`` réduit les
    marges entre couloirs (voir :func:`_ecarts`).
    """
    echelle = taille_texte / 14
    # Dessin serré : une flèche qui traverse plusieurs couloirs a la place d'une étiquette
    # plus large (moins de lignes).
    textes = [_lignes((MARQUE_COURANTE if ligne.etat == "courante" else "") + ligne.texte,
                      min(40, largeur_texte * max(1, abs(ligne.de - ligne.vers)))
                      if serre else largeur_texte) for ligne in lignes]
    ecarts = _ecarts(entetes, lignes, textes, taille_texte, serre)
    marge = _MARGE_REPERES if any(ligne.repere for ligne in lignes) else 0.0
    x = [marge + sum(ecarts[:i]) for i in range(len(entetes))]
    g = graphviz.Digraph(nom, engine="neato")
    g.attr(splines="false", outputorder="nodesfirst", pad="0.3")
    hauteur_entete = max(t.count("\n") + 1 for t, _ in entetes) * 0.3 + 0.3
    y = -hauteur_entete / 2 - 0.3
    positions: list[float] = []
    for texte in textes:
        y -= (texte.count("\n") + 1) * _HAUTEUR_LIGNE * echelle + 0.28
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
            g.node(f"bandeau_{k}", dot(texte), shape="plaintext",
                   fontsize=str(max(16, taille_texte)),
                   fontcolor="#7D6608", pos=f"{(x[debut] + x[fin]) / 2:.2f},"
                                            f"{hauteur_entete / 2 + 0.25:.2f}!")
    for i, (libelle, nature) in enumerate(entetes):
        g.node(f"couloir_{i}", dot(libelle), **apparence(nature), pos=f"{x[i]:.2f},0!")
    for k, (ligne, texte, ym) in enumerate(zip(lignes, textes, positions), start=1):
        couleur = {"courante": COULEUR_COURANTE, "a_venir": COULEUR_A_VENIR}.get(
            ligne.etat or "", "#1A1A1A")
        hauteur = (texte.count("\n") + 1) * _HAUTEUR_LIGNE * echelle
        milieu = (x[ligne.de] + x[ligne.vers]) / 2
        if ligne.repere:
            g.node(f"repere_{k}", dot(ligne.repere), shape="plaintext",
                   fontsize=str(max(15, taille_texte)),
                   fontcolor=couleur, pos=f"{marge / 2 - 0.3:.2f},{ym + 0.1:.2f}!")
        g.node(f"texte_{k}", dot(texte), shape="plaintext", style="filled",
               fillcolor="white", color="white", fontsize=str(taille_texte), fontcolor=couleur,
               margin="0.04,0.02", pos=f"{milieu:.2f},{ym + hauteur / 2 + 0.1:.2f}!")
        for cote, couloir in (("de", ligne.de), ("vers", ligne.vers)):
            g.node(f"f{k}_{cote}", dot(entetes[couloir][0]), shape="point", width="0.06",
                   color=couleur, pos=f"{x[couloir]:.2f},{ym:.2f}!")
        attributs = apparence_fleche(ligne.nature)
        if ligne.etat == "courante":
            attributs.update(color=COULEUR_COURANTE, penwidth="4")
        elif ligne.etat == "a_venir":
            attributs.update(color=COULEUR_A_VENIR)
        attributs.update(fontcolor="transparent", fontsize="8")
        if ligne.infobulle:
            attributs["tooltip"] = dot(ligne.infobulle)
        g.edge(f"f{k}_de", f"f{k}_vers", dot(texte), **attributs)
    return g
