"""Le texte de repli des widgets : ce que montre un notebook ouvert sans avoir été exécuté.

L'état des widgets n'est pas enregistré dans le fichier ``.ipynb`` : ouvert sans être
exécuté, un notebook montre de chaque widget sa sortie ``text/plain``. Par défaut, c'est la
représentation Python du widget (« VBox(children=(HTML(value="<style>… »), la première
chose qu'un élève verrait. Chaque widget d'entsim s'affiche donc avec, en ``text/plain``,
une phrase française qui le nomme et dit quoi faire : « Portail de l'ENT : exécutez la
cellule (Maj + Entrée) pour l'afficher. » ; la vue du widget
(``application/vnd.jupyter.widget-view+json``) est inchangée une fois la cellule exécutée.

Deux façons de s'en servir :

* :func:`afficher_avec_repli` (vue, phrase) pour un affichage ponctuel ;
* :class:`AvecRepli`, classe de base d'un widget qui a un attribut ``vue`` (le widget
  racine) : elle définit ``_ipython_display_`` ; le widget nomme ce qu'il montre avec
  :meth:`AvecRepli.nom_affiche` (ou l'attribut de classe ``NOM_AFFICHE``).

Constaté dans JupyterLab 4.6 avec Chromium : sans état enregistré, chaque widget d'un
notebook non exécuté s'affiche par sa sortie ``text/plain``.
"""

from __future__ import annotations

import ipywidgets as widgets

#: La fin de chaque texte de repli.
CONSIGNE_EXECUTER = "exécutez la cellule (Maj + Entrée) pour l'afficher."


def phrase_de_repli(nom: str) -> str:
    """« <nom> : exécutez la cellule (Maj + Entrée) pour l'afficher. »

    >>> phrase_de_repli("Portail de l'ENT")
    "Portail de l'ENT : exécutez la cellule (Maj + Entrée) pour l'afficher."
    """
    return f"{nom} : {CONSIGNE_EXECUTER}"


def afficher_avec_repli(vue: widgets.Widget, repli: str) -> None:
    """Affiche un widget avec un texte de repli en français : c'est ce que montre un notebook
    ouvert sans avoir été exécuté (l'état des widgets n'y est pas enregistré), au lieu de
    la représentation Python du widget (« VBox(children=(HTML(value=… »)."""
    from IPython.display import display

    paquet = vue._repr_mimebundle_()
    if not paquet:                       # widget sans vue : l'affichage ordinaire
        display(vue)
        return
    display({**paquet, "text/plain": repli}, raw=True)


class AvecRepli:
    """Classe de base d'un widget d'entsim (attribut ``vue`` : le widget racine) qui
    s'affiche avec un texte de repli en français (:func:`afficher_avec_repli`)."""

    #: Ce que le widget montre, pour le texte de repli (« Portail de l'ENT »).
    NOM_AFFICHE = "Ce widget"

    def nom_affiche(self) -> str:
        """Le nom de ce que montre le widget, dans le texte de repli."""
        return self.NOM_AFFICHE

    def texte_de_repli(self) -> str:
        """La phrase montrée tant que la cellule n'est pas exécutée."""
        return phrase_de_repli(self.nom_affiche())

    def _ipython_display_(self) -> None:
        afficher_avec_repli(self.vue, self.texte_de_repli())


__all__ = ["CONSIGNE_EXECUTER", "AvecRepli", "afficher_avec_repli", "phrase_de_repli"]
