"""L'analyse des risques (partie 3) : chaque risque coté en gravité × vraisemblance, avant et
après les mesures, et sa carte.

Échelles : celles de la CNIL pour l'analyse d'impact (« PIA, la méthode » et « PIA, la base
de connaissances », édition février 2018) — gravité et vraisemblance de 1 à 4 : négligeable,
limitée, importante, maximale (:data:`entsim.attaques.scenario.NIVEAUX`). La méthode place
chaque risque sur une carte (vraisemblance en abscisse, gravité en ordonnée) : plus il est en
haut à droite, plus il faut le réduire.

Les risques : un par scénario du laboratoire (:func:`entsim.attaques.scenarios` ; la
cotation ``risque_avant`` / ``risque_apres`` du scénario prime) et les deux familles de
risques de la page du ministère sur l'ENT (2022, document 004 : intégrité du système,
données personnelles). La table ``data/risques.csv`` donne la cotation des risques qui n'ont
pas (encore) de scénario, avec une justification d'une ligne pour chaque note.

Les trois zones de la carte sont une **convention du cours**, pas un seuil de la CNIL :
« prioritaire » quand gravité et vraisemblance sont toutes deux importantes ou maximales
(3 ou 4), « acceptable » quand elles sont toutes deux négligeables ou limitées (1 ou 2),
« à réduire » entre les deux.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import pandas as pd

from entsim.attaques import scenarios
from entsim.attaques.scenario import CAUSES, FAMILLES, NIVEAUX, Risque
from entsim.socle.donnees import lire_csv
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.graphiques import PALETTE, TAILLE_TEXTE, TAILLE_TITRE, Graphique, nouvelle_figure, \
    style_du_cours
from entsim.socle.texte import accorder, cite

__all__ = ["RisqueCote", "risques", "tableau_des_risques", "carte_des_risques", "zone",
           "ZONES", "FICHIER_RISQUES"]

FICHIER_RISQUES = "risques.csv"

#: Les zones de la carte (convention du cours) : libellé, couleur pâle (Okabe-Ito :
#: vert bleuté, orange, vermillon) et hachures (la couleur n'est jamais le seul signe).
ZONES = {"acceptable": ("Acceptable", "#009E73", ""),
         "a_reduire": ("À réduire", "#E69F00", "//"),
         "prioritaire": ("Prioritaire", "#D55E00", "xx")}


def zone(gravite: int, vraisemblance: int) -> str:
    """Le code de la zone d'un risque : ``prioritaire``, ``a_reduire`` ou ``acceptable``."""
    if gravite >= 3 and vraisemblance >= 3:
        return "prioritaire"
    if gravite <= 2 and vraisemblance <= 2:
        return "acceptable"
    return "a_reduire"


@dataclass(frozen=True)
class RisqueCote:
    """Un risque, sa cotation avant et après les mesures, et d'où elle vient."""

    code: str
    risque: str
    court: str
    famille: str
    cause: str
    avant: Risque
    apres: Risque
    mesures: str
    sources: str
    origine: str          # « scénario » ou « table »

    def __str__(self) -> str:
        return (f"{self.court} : avant, {self.avant.texte()} ; après, "
                f"{self.apres.texte()}.")


def _entier(ligne: dict[str, str], nom: str) -> int:
    return int(ligne[nom])


def _table() -> dict[str, dict[str, str]]:
    return {ligne["code"]: ligne for ligne in lire_csv(FICHIER_RISQUES)}


def risques() -> tuple[RisqueCote, ...]:
    """Tous les risques, dans l'ordre du cours : les scénarios (ordre du registre), puis
    les risques de la table qui n'ont pas de scénario."""
    table = _table()
    resultat = []
    registre = scenarios()
    for code, classe in registre.items():
        ligne = table.get(code, {})
        resultat.append(RisqueCote(
            code, getattr(classe, "titre", "") or ligne.get("risque", code),
            ligne.get("court") or classe.titre, classe.famille, classe.cause,
            classe.risque_avant, classe.risque_apres,
            ligne.get("mesures") or classe.parade, "; ".join(classe.sources), "scénario"))
    for code, ligne in table.items():
        if code in registre:
            continue
        avant = Risque(_entier(ligne, "gravite_avant"), _entier(ligne, "vraisemblance_avant"),
                       ligne["justification_gravite_avant"],
                       ligne["justification_vraisemblance_avant"])
        apres = Risque(_entier(ligne, "gravite_apres"), _entier(ligne, "vraisemblance_apres"),
                       ligne["justification_gravite_apres"],
                       ligne["justification_vraisemblance_apres"])
        if ligne["famille"] not in FAMILLES or ligne["cause"] not in CAUSES:
            raise ValeurInvalide(f"{FICHIER_RISQUES} : famille ou cause inconnue pour "
                                 f"{cite(code)}.")
        resultat.append(RisqueCote(code, ligne["risque"], ligne["court"], ligne["famille"],
                                   ligne["cause"], avant, apres, ligne["mesures"],
                                   ligne["sources"], "table"))
    return tuple(resultat)


def tableau_des_risques() -> pd.DataFrame:
    """Les risques en tableau (« N° » à partir de 1, comme sur la carte) : famille, cause,
    gravité et vraisemblance avant et après (1 à 4), zone, justifications, mesures."""
    lignes = []
    for r in risques():
        lignes.append({
            "Risque": r.court, "Famille": r.famille, "Cause": r.cause,
            "Gravité avant": r.avant.gravite, "Vraisemblance avant": r.avant.vraisemblance,
            "Zone avant": ZONES[zone(r.avant.gravite, r.avant.vraisemblance)][0],
            "Mesures": r.mesures,
            "Gravité après": r.apres.gravite, "Vraisemblance après": r.apres.vraisemblance,
            "Zone après": ZONES[zone(r.apres.gravite, r.apres.vraisemblance)][0],
            "Justification avant": f"Gravité : {r.avant.justification_gravite} "
                                   f"Vraisemblance : {r.avant.justification_vraisemblance}",
            "Justification après": f"Gravité : {r.apres.justification_gravite} "
                                   f"Vraisemblance : {r.apres.justification_vraisemblance}",
            "Sources": r.sources, "Cotation": r.origine, "Code": r.code})
    tableau = pd.DataFrame(lignes)
    tableau.index = pd.RangeIndex(1, len(tableau) + 1, name="N°")
    return tableau


# -- la carte ---------------------------------------------------------------------------------
def _decalages(n: int) -> list[tuple[float, float]]:
    """Des positions distinctes pour n points dans une case (grille centrée)."""
    cote = max(1, math.ceil(math.sqrt(n)))
    pas = 0.84 / cote          # la case entière, moins une demi-marque de chaque côté
    return [((k % cote - (cote - 1) / 2) * pas, ((cote - 1) / 2 - k // cote) * pas)
            for k in range(n)]


def _positions(points: list[tuple[object, int, int]]) -> dict[object, tuple[float, float]]:
    """(clé, vraisemblance, gravité) → position dans la case, sans chevauchement."""
    par_case: dict[tuple[int, int], list[object]] = {}
    for numero, v, g in points:
        par_case.setdefault((v, g), []).append(numero)
    positions = {}
    for (v, g), numeros in par_case.items():
        for numero, (dx, dy) in zip(numeros, _decalages(len(numeros))):
            positions[numero] = (v + dx, g + dy)
    return positions


def _verifier_avant(avant: object) -> tuple[bool, bool]:
    if avant is None:
        return True, True
    if isinstance(avant, bool):
        return avant, not avant
    raise ValeurInvalide(f"« avant » vaut True (avant les mesures), False (après) ou None "
                         f"(les deux, avec des flèches) (reçu : {cite(avant)}).",
                         code="avant_invalide")


def carte_des_risques(avant: bool | None = None) -> Graphique:
    """La carte des risques (échelles CNIL 1–4) : ``avant=True`` avant les mesures,
    ``False`` après, ``None`` (par défaut) les deux, reliés par une flèche.

    Chaque risque porte son numéro (celui de :func:`tableau_des_risques`), dans un rond
    vide avant les mesures et dans un carré plein après ; les zones ont une couleur **et**
    des hachures **et** un nom."""
    import matplotlib
    from matplotlib.patches import Patch, Rectangle
    from matplotlib.lines import Line2D

    montrer_avant, montrer_apres = _verifier_avant(avant)
    liste = risques()
    numeros = list(range(1, len(liste) + 1))
    # avant et après partagent les cases : des positions calculées ensemble
    points = []
    if montrer_avant:
        points += [(("avant", n), r.avant.vraisemblance, r.avant.gravite)
                   for n, r in zip(numeros, liste)]
    if montrer_apres:
        points += [(("apres", n), r.apres.vraisemblance, r.apres.gravite)
                   for n, r in zip(numeros, liste)]
    positions = _positions(points)
    figure, axes = nouvelle_figure(14, 8)
    with matplotlib.rc_context(style_du_cours()):
        figure.delaxes(axes)
        grille = figure.add_gridspec(1, 2, width_ratios=(3, 2))
        axes = figure.add_subplot(grille[0])
        cote = figure.add_subplot(grille[1])
    for v in range(1, 5):
        for g in range(1, 5):
            libelle, couleur, hachures = ZONES[zone(g, v)]
            axes.add_patch(Rectangle((v - 0.5, g - 0.5), 1, 1, facecolor=couleur, alpha=0.22,
                                     edgecolor="#555555", hatch=hachures, linewidth=0.8))
    axes.text(4.45, 4.45, "Prioritaire", ha="right", va="top", fontsize=TAILLE_TEXTE,
              fontweight="bold", color="#000000")
    axes.text(0.55, 0.55, "Acceptable", ha="left", va="bottom", fontsize=TAILLE_TEXTE,
              fontweight="bold", color="#000000")
    bleu, vermillon = PALETTE[0], PALETTE[5]
    for n in numeros:
        xa, ya = positions.get(("avant", n), (0, 0))
        xp, yp = positions.get(("apres", n), (0, 0))
        if montrer_avant and montrer_apres:
            # des flèches courbes, de courbures différentes : parallèles, elles se
            # confondraient (1, 2, 3 et 8 partent de la même ligne)
            axes.annotate("", xy=(xp, yp), xytext=(xa, ya),
                          arrowprops={"arrowstyle": "-|>", "color": "#333333", "lw": 1.2,
                                      "shrinkA": 12, "shrinkB": 12, "alpha": 0.75,
                                      "connectionstyle": f"arc3,rad={0.12 + 0.08 * (n % 3)}"})
        if montrer_avant:
            axes.plot(xa, ya, "o", markersize=21, markerfacecolor="white",
                      markeredgecolor=vermillon, markeredgewidth=2.2, zorder=3)
            axes.text(xa, ya, str(n), ha="center", va="center", fontsize=TAILLE_TEXTE - 2,
                      fontweight="bold", zorder=4)
        if montrer_apres:
            axes.plot(xp, yp, "s", markersize=20, markerfacecolor=bleu,
                      markeredgecolor="black", markeredgewidth=1, zorder=3)
            axes.text(xp, yp, str(n), ha="center", va="center", fontsize=TAILLE_TEXTE - 2,
                      fontweight="bold", color="white", zorder=4)
    etiquettes = [f"{k}\n{NIVEAUX[k]}" for k in range(1, 5)]
    axes.set_xticks(range(1, 5), etiquettes)
    axes.set_yticks(range(1, 5), etiquettes)
    axes.set_xlim(0.5, 4.5)
    axes.set_ylim(0.5, 4.5)
    axes.set_aspect("equal")
    axes.set_xlabel("Vraisemblance (échelle CNIL)")
    axes.set_ylabel("Gravité (échelle CNIL)")
    legende = []
    if montrer_avant:
        legende.append(Line2D([], [], marker="o", linestyle="", markersize=13,
                              markerfacecolor="white", markeredgecolor=vermillon,
                              markeredgewidth=2, label="Avant les mesures"))
    if montrer_apres:
        legende.append(Line2D([], [], marker="s", linestyle="", markersize=12,
                              markerfacecolor=bleu, markeredgecolor="black",
                              label="Après les mesures"))
    legende += [Patch(facecolor=c, alpha=0.3, hatch=h, edgecolor="#555555", label=f"Zone : {l}")
                for l, c, h in ZONES.values()]
    cote.axis("off")
    cote.legend(handles=legende, loc="upper left", frameon=False,
                fontsize=TAILLE_TEXTE - 1)
    texte = "\n".join(textwrap.fill(f"{n}. {r.court}", 44, subsequent_indent="    ")
                      for n, r in zip(numeros, liste))
    cote.text(0.0, 0.62, texte, va="top", ha="left", fontsize=TAILLE_TEXTE - 1,
              transform=cote.transAxes)
    quand = {(True, True): "avant et après les mesures", (True, False): "avant les mesures",
             (False, True): "après les mesures"}[(montrer_avant, montrer_apres)]
    titre = f"Carte des risques de l'ENT, {quand}"
    axes.set_title(titre, loc="left", fontsize=TAILLE_TITRE)
    return Graphique(figure, titre, _phrase(liste, montrer_avant, montrer_apres))


def _phrase(liste: tuple[RisqueCote, ...], avant: bool, apres: bool) -> str:
    def compte(quand: str) -> int:
        return sum(1 for r in liste
                   if zone(getattr(r, quand).gravite, getattr(r, quand).vraisemblance)
                   == "prioritaire")

    total = len(liste)
    n_avant, n_apres = compte("avant"), compte("apres")
    pire = max(liste, key=lambda r: (r.apres.gravite * r.apres.vraisemblance, r.apres.gravite))
    fin = (f" Le risque le plus élevé après les mesures : « {pire.court} » "
           f"({pire.apres.texte()}).")
    if avant and apres:
        baisse = sum(1 for r in liste if (r.apres.gravite * r.apres.vraisemblance
                                          < r.avant.gravite * r.avant.vraisemblance))
        return (f"Sur {accorder(total, 'risque')}, {_en_zone(n_avant)} avant les mesures, "
                f"{_en_zone(n_apres, apres=True)} après ; les mesures en réduisent "
                f"{baisse}." + fin)
    if avant:
        return f"Avant les mesures, sur {accorder(total, 'risque')}, {_en_zone(n_avant)}."
    return (f"Après les mesures, sur {accorder(total, 'risque')}, {_en_zone(n_apres)}."
            + fin)


def _en_zone(n: int, apres: bool = False) -> str:
    """« 7 sont en zone prioritaire », « 1 est… », « aucun n'est… »."""
    if n == 0:
        return "aucun n'est en zone prioritaire" if not apres else "aucun n'y reste"
    if apres:
        return f"{n} y {'reste' if n == 1 else 'restent'}"
    return f"{n} {'est' if n == 1 else 'sont'} en zone prioritaire"
