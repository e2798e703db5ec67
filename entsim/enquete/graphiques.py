"""Les graphiques de l'enquête, pour l'analyse et le diaporama de la présentation.

Chaque fonction rend un :class:`entsim.socle.graphiques.Graphique` : la figure (sans
``pyplot``), un titre en français et une phrase calculée sur les données qui dit ce qu'elle
montre. ``graphique.enregistrer_png("avantages_parents.png")`` l'exporte pour le diaporama.

* :func:`graphique_avantages_limites` : pour un acteur, les avantages et les limites les
  plus cités, en barres horizontales ; deux couleurs de la palette d'Okabe et Ito, des
  hachures sur les limites et le mot « Avantage » ou « Limite » dans la légende : la couleur
  n'est jamais le seul signal ;
* :func:`graphique_fonctionnalites` : la carte de chaleur acteurs × services (part des
  réponses qui citent le service), en « cividis » (lisible par les daltoniens), chaque case
  annotée de sa valeur.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from contextlib import contextmanager

from entsim.enquete.acteurs import Acteur, acteur_depuis
from entsim.enquete.analyse import reponses_verifiees, analyser, themes_par_acteur
from entsim.enquete.reponse import Reponse
from entsim.enquete.themes import AVANTAGE, LIMITE
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.graphiques import (CARTE_SEQUENTIELLE, PALETTE, TAILLE_TEXTE, Graphique,
                                     nombre_fr, nouvelle_figure, style_du_cours)
from entsim.socle.texte import accorder

__all__ = ["graphique_avantages_limites", "graphique_fonctionnalites"]

COULEUR_AVANTAGE = PALETTE[0]     # bleu
COULEUR_LIMITE = PALETTE[5]       # vermillon
HACHURES_LIMITE = "//"
_POURCENT = "\u202f%"             # espace fine insécable : « 41 % » ne se coupe pas


@contextmanager
def _style():
    """Le style du cours pendant tout le dessin : les tailles du titre, des axes et de la
    légende sont lues quand on les pose, pas à la création de la figure."""
    import matplotlib

    with matplotlib.rc_context(style_du_cours()):
        yield


def graphique_avantages_limites(reponses: Iterable[Reponse], acteur: Acteur | str, *,
                                nombre: int = 5) -> Graphique:
    """Les ``nombre`` avantages et limites les plus cités par un acteur (barres
    horizontales : nombre de réponses qui citent chaque thème)."""
    if isinstance(nombre, bool) or not isinstance(nombre, int) or not 1 <= nombre <= 10:
        raise ValeurInvalide("« nombre » est un nombre entier de 1 à 10 (les thèmes montrés).")
    a = acteur_depuis(acteur)
    liste = [r for r in reponses_verifiees(reponses) if r.acteur == a]
    if not liste:
        raise ValeurInvalide(f"Aucune réponse d'un acteur « {a.libelle} » : rien à montrer.",
                             code="aucune_reponse")
    avantages = themes_par_acteur(liste, AVANTAGE).head(nombre)
    limites = themes_par_acteur(liste, LIMITE).head(nombre)
    with _style():
        figure, axes = nouvelle_figure(11, 6.5)
        phrase = _dessiner_avantages_limites(figure, axes, a, len(liste), avantages, limites)
    return Graphique(figure, f"Avantages et limites les plus cités — {a.libelle}", phrase)


def _dessiner_avantages_limites(figure, axes, a: Acteur, total: int, avantages,
                                limites) -> str:
    etiquettes: list[str] = []
    valeurs: list[int] = []
    positions: list[int] = []
    y = 0
    for table, couleur, hachures, nature in ((limites, COULEUR_LIMITE, HACHURES_LIMITE, "Limite"),
                                             (avantages, COULEUR_AVANTAGE, "", "Avantage")):
        noms = list(table["Thème"])[::-1]
        comptes = [int(n) for n in table["Réponses"]][::-1]
        ys = list(range(y, y + len(noms)))
        if noms:
            axes.barh(ys, comptes, color=couleur, hatch=hachures, edgecolor="white",
                      label=f"{nature} (" + ("hachuré" if hachures else "plein") + ")")
        etiquettes += noms
        valeurs += comptes
        positions += ys
        y += len(noms) + 1
    for position, valeur in zip(positions, valeurs):
        axes.text(valeur, position, f" {valeur} ({nombre_fr(100 * valeur / total)}{_POURCENT})",
                  va="center", fontsize=TAILLE_TEXTE - 1)
    axes.set_yticks(positions, [textwrap.fill(e, 30) for e in etiquettes])
    axes.set_xlabel(f"Nombre de réponses qui citent le thème (sur {total})")
    axes.set_ylabel("Thème")
    titre = f"Avantages et limites les plus cités — {a.libelle}"
    axes.set_title(titre)
    if valeurs:
        axes.set_xlim(0, max(valeurs) * 1.3)
        poignees, libelles = axes.get_legend_handles_labels()   # dans l'ordre du dessin :
        axes.legend(poignees[::-1], libelles[::-1], loc="lower right")  # avantages en haut
    return _phrase_avantages_limites(a, total, avantages, limites)


def _le_plus_cite(table, qui: str, aucun: str) -> str:
    """« l'avantage le plus cité est « X » (12 réponses) », ou la phrase ``aucun``."""
    if not len(table):
        return aucun
    premier = table.iloc[0]
    return (f"{qui} est « {premier['Thème']} » "
            f"({accorder(int(premier['Réponses']), 'réponse')})")


def _phrase_avantages_limites(acteur: Acteur, total: int, avantages, limites) -> str:
    avantage = _le_plus_cite(avantages, "l'avantage le plus cité", "aucun avantage n'est repéré")
    limite = _le_plus_cite(limites, "la limite la plus citée", "aucune limite n'est repérée")
    return f"Sur {accorder(total, 'réponse')} ({acteur.libelle}), {avantage} ; {limite}."


def graphique_fonctionnalites(reponses: Iterable[Reponse], *, services: int = 12) -> Graphique:
    """La carte de chaleur des fonctionnalités utilisées : pour chaque acteur (ligne) et
    chacun des ``services`` services les plus cités (colonne), la part des réponses de cet
    acteur qui le citent."""
    if isinstance(services, bool) or not isinstance(services, int) or not 1 <= services <= 30:
        raise ValeurInvalide("« services » est un nombre entier de 1 à 30 (les colonnes montrées).")
    analyse = analyser(reponses)
    table = analyse.fonctionnalites.iloc[:, :services]
    with _style():
        figure, axes = nouvelle_figure(13, 7)
        _dessiner_fonctionnalites(figure, axes, table)
    titre = "Fonctionnalités utilisées par acteur"
    i, j = divmod(int(table.to_numpy().argmax()), table.shape[1])
    premier = table.columns[0]
    part = 100 * sum(premier in r.fonctionnalites for r in reponses_verifiees(reponses)) / analyse.nombre
    phrase = (f"Le service le plus cité, tous acteurs confondus, est « {premier} » "
              f"({nombre_fr(part)}{_POURCENT} des {analyse.nombre} réponses) ; la part la plus "
              f"forte est celle de « {table.columns[j]} » chez les réponses « {table.index[i]} » "
              f"({nombre_fr(float(table.iat[i, j]))}{_POURCENT}).")
    return Graphique(figure, titre, phrase)


def _dessiner_fonctionnalites(figure, axes, table) -> None:
    image = axes.imshow(table.to_numpy(), cmap=CARTE_SEQUENTIELLE, vmin=0, vmax=100,
                        aspect="auto")
    axes.set_xticks(range(table.shape[1]), [s.split(" (")[0] for s in table.columns],
                    rotation=40, ha="right", rotation_mode="anchor")
    axes.set_yticks(range(table.shape[0]), list(table.index))
    for i in range(table.shape[0]):
        for j in range(table.shape[1]):
            valeur = float(table.iat[i, j])
            axes.text(j, i, f"{nombre_fr(valeur)}", ha="center", va="center",
                      fontsize=TAILLE_TEXTE - 1, color="black" if valeur >= 55 else "white")
    barre = figure.colorbar(image, ax=axes)
    barre.set_label("Part des réponses de l'acteur (%)")
    axes.set_xlabel("Service de l'ENT")
    axes.set_ylabel("Acteur interviewé")
    axes.set_title("Fonctionnalités utilisées par acteur")
