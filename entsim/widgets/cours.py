"""La première cellule de chaque notebook : ``commencer()`` et le mode projection du cours.

::

    from entsim.widgets import commencer
    commencer()

affiche une petite barre avec un interrupteur « Mode projection » et branche l'explication
des erreurs de Python en français (:func:`entsim.widgets.erreurs.installer_erreurs_en_francais`).

**Le mode projection** sert à l'enseignant qui projette le cours : il agrandit tout ce que
montrent les sorties des cellules (widgets, tableaux, retours des fiches, textes) à 22 px au
moins, et les schémas assez pour que leurs étiquettes fassent au moins 18 px à l'écran (un
schéma plus large que la page défile alors horizontalement). Il s'applique à tout ce qui est
déjà affiché, sans réexécuter les cellules : la barre porte une feuille de style (un
``<style>`` dans un widget s'applique à toute la page de JupyterLab, donc aux autres
notebooks ouverts dans le même onglet). Le code lui-même s'agrandit avec le mode présentation
de JupyterLab (menu Affichage → Mode présentation).

**Un seul interrupteur** : le bouton « Mode projection » d'un portail
(:class:`entsim.widgets.portail.Portail`) change le même mode (:func:`choisir_projection`) ;
barres et portails du noyau le suivent, d'où que vienne le clic.

**Retenu pour la session** : le choix est écrit dans un petit fichier de préférences,
``entsim-preferences.json`` dans le dossier d'exécution de Jupyter
(``jupyter --runtime-dir`` ; variable ``JUPYTER_RUNTIME_DIR``), le dossier que Jupyter
réserve aux fichiers des sessions en cours. Le fichier note aussi le numéro de processus du
serveur Jupyter qui a lancé le noyau (``os.getppid()`` : JupyterLab, Notebook ou Voilà lance
lui-même ses noyaux) : le ``commencer()`` d'un autre notebook du même JupyterLab relit le
choix ; un JupyterLab relancé (une autre séance) repart en affichage normal. La variable
d'environnement ``ENTSIM_PREFERENCES`` (chemin d'un fichier) remplace ce fichier (tests,
salles partagées). Un fichier illisible vaut « désactivé ».

Un notebook ouvert sans être exécuté montre, à la place de la barre, la phrase de repli
(:mod:`entsim.widgets.repli`) ; elle ne dépend pas du mode choisi (sorties comparées par nbval).
"""

from __future__ import annotations

import json
import os
import weakref
from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets

from entsim.socle.erreurs import ValeurInvalide
from entsim.widgets.repli import AvecRepli

#: Variable d'environnement : chemin du fichier de préférences (remplace le dossier de Jupyter).
VARIABLE_PREFERENCES = "ENTSIM_PREFERENCES"
#: Nom du fichier de préférences dans le dossier d'exécution de Jupyter.
NOM_FICHIER = "entsim-preferences.json"
#: Classe CSS de la barre du cours.
CLASSE_BARRE = "entsim-barre-cours"
#: Taille du texte des sorties en mode projection (au moins 18 px exigés, issue 15).
TAILLE_PROJECTION = "22px"

#: La feuille de style du mode projection, pour toutes les sorties de cellules (JupyterLab,
#: Notebook 7 et Voilà ont les mêmes classes ``jp-OutputArea-output``). Les variables
#: ``--jp-widgets-*`` sont celles que lisent tous les widgets d'ipywidgets.
FEUILLE_PROJECTION = f"""
.jp-OutputArea-output {{
  --jp-widgets-font-size: {TAILLE_PROJECTION};
  --jp-widgets-inline-height: 44px;
  --jp-widgets-inline-label-width: 12em;
  --jp-widgets-inline-width: 30em;
  --jp-widgets-inline-width-short: 14em;
  --jp-content-font-size1: {TAILLE_PROJECTION};
  --jp-ui-font-size1: {TAILLE_PROJECTION};
  --jp-code-font-size: 20px;
  font-size: {TAILLE_PROJECTION};
}}
.jp-OutputArea-output .widget-html-content, .jp-OutputArea-output .widget-label,
.jp-OutputArea-output .widget-html, .jp-OutputArea-output .jp-RenderedHTMLCommon,
.jp-OutputArea-output .jp-RenderedText, .jp-OutputArea-output .jp-RenderedText pre {{
  font-size: {TAILLE_PROJECTION};
}}
.jp-OutputArea-output .widget-html-content {{ line-height: 1.4; }}
/* Un bloc HTML plus large que sa boîte (tableau, schéma agrandi) défile au lieu d'être
   coupé ou de pousser la page. */
.jp-OutputArea-output .widget-html, .jp-OutputArea-output .widget-html-content {{
  min-width: 0; max-width: 100%;
}}
.jp-OutputArea-output .widget-html-content {{ overflow-x: auto; }}
.jp-OutputArea-output button, .jp-OutputArea-output .jupyter-button,
.jp-OutputArea-output input, .jp-OutputArea-output textarea,
.jp-OutputArea-output select, .jp-OutputArea-output .widget-readout {{
  font-size: {TAILLE_PROJECTION} !important;
}}
.jp-OutputArea-output button, .jp-OutputArea-output .jupyter-button {{
  height: auto; min-height: 44px;
}}
.jp-OutputArea-output small, .jp-OutputArea-output sub, .jp-OutputArea-output sup,
.jp-OutputArea-output caption, .jp-OutputArea-output summary {{ font-size: 1em; }}
.jp-OutputArea-output img.entsim-schema-image {{
  max-width: none !important; width: var(--entsim-largeur-projection) !important;
  height: auto !important;
}}
"""


#: La feuille de style de toutes les sorties, projection ou non. JupyterLab donne aux
#: tableaux HTML des sorties ``table-layout: fixed`` (colonnes égales : mots cassés au milieu,
#: « Poste / du / CDI » un mot par ligne) et coupe le texte préformaté n'importe où
#: (``word-break: break-all``) ; ici, chaque colonne prend la largeur de son contenu, aucun
#: mot n'est coupé entre deux lettres, et un tableau ou une ligne trop large défile.
FEUILLE_SORTIES = """
.jp-OutputArea-output table { table-layout: auto; }
.jp-OutputArea-output td, .jp-OutputArea-output th {
  overflow-wrap: normal; word-break: normal; hyphens: manual; min-width: 7em;
}
.jp-OutputArea-output.jp-RenderedHTMLCommon, .jp-OutputArea-output .widget-html-content {
  overflow-x: auto;
}
/* JupyterLab coupe le texte préformaté n'importe où (« word-break: break-all ») : ici il
   revient à la ligne entre les mots, et une ligne trop longue défile. */
.jp-OutputArea-output pre { word-break: normal; overflow-wrap: normal; overflow-x: auto; }
/* Une étiquette (widgets.Label) revient à la ligne au lieu d'être coupée (« … ») ; dans une
   rangée (HBox), étiquettes et boutons gardent leur largeur (« Répon… ») et la rangée passe
   à la ligne suivante quand la place manque. */
.jp-OutputArea-output div.widget-label { white-space: normal; height: auto; line-height: 1.4; }
.jp-OutputArea-output .widget-hbox { flex-wrap: wrap; }
.jp-OutputArea-output .widget-hbox > .widget-label,
.jp-OutputArea-output .widget-hbox > button { flex-shrink: 0; }
"""


def chemin_preferences() -> Path:
    """Le fichier de préférences : ``ENTSIM_PREFERENCES``, sinon
    ``<dossier d'exécution de Jupyter>/entsim-preferences.json``."""
    autre = os.environ.get(VARIABLE_PREFERENCES)
    if autre:
        return Path(autre)
    from jupyter_core.paths import jupyter_runtime_dir

    return Path(jupyter_runtime_dir()) / NOM_FICHIER


def lire_preferences() -> dict:
    """Les préférences enregistrées (``{}`` si le fichier manque ou est illisible)."""
    try:
        donnees = json.loads(chemin_preferences().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return donnees if isinstance(donnees, dict) else {}


def _serveur() -> int:
    """Le processus parent du noyau : le serveur Jupyter de la session."""
    return os.getppid()


def projection_active() -> bool:
    """Vrai si le mode projection a été choisi pendant cette session (même serveur Jupyter)."""
    preferences = lire_preferences()
    return preferences.get("projection") is True and preferences.get("serveur") == _serveur()


def enregistrer_projection(active: bool) -> bool:
    """Retient le choix pour la session ; faux si le fichier n'a pas pu être écrit (le mode
    reste alors valable pour ce notebook seulement)."""
    preferences = {**lire_preferences(), "projection": bool(active), "serveur": _serveur()}
    chemin = chemin_preferences()
    try:
        chemin.parent.mkdir(parents=True, exist_ok=True)
        chemin.write_text(json.dumps(preferences), encoding="utf-8")
    except OSError:
        return False
    return True


#: Ceux qui suivent l'interrupteur du cours dans ce noyau (barres du cours, portails) :
#: références faibles vers leur méthode ``(active: bool) -> object``.
_ABONNES: list[weakref.WeakMethod] = []


def suivre_projection(methode: Callable[[bool], object]) -> None:
    """Abonne une méthode liée (``barre._suivre``, ``portail._suivre_projection``) au mode
    projection du cours : elle est appelée à chaque choix, d'où qu'il vienne."""
    _ABONNES.append(weakref.WeakMethod(methode))


def choisir_projection(active: bool) -> None:
    """LE choix du mode projection (un seul interrupteur pour tout le cours, issue 15) :
    retenu pour la session, puis appliqué à chaque barre du cours et à chaque portail de ce
    noyau — que le clic vienne de la barre de ``commencer()`` ou du bouton d'un portail."""
    if not isinstance(active, bool):
        raise ValeurInvalide("Le mode projection s'active avec True et se désactive avec "
                             "False.", code="projection_invalide")
    enregistrer_projection(active)
    for reference in list(_ABONNES):
        methode = reference()
        if methode is None:
            _ABONNES.remove(reference)
        else:
            methode(active)


class BarreDuCours(AvecRepli):
    """La barre de la première cellule : l'interrupteur « Mode projection »."""

    NOM_AFFICHE = "Barre du cours (mode projection)"

    def __init__(self, projection: bool | None = None) -> None:
        if projection is not None and not isinstance(projection, bool):
            raise ValeurInvalide("« projection » vaut True (activé) ou False (désactivé).",
                                 code="projection_invalide")
        self.style = widgets.HTML(layout=widgets.Layout(display="none"))
        self.interrupteur = widgets.ToggleButton(
            value=False, description="Mode projection : désactivé", icon="desktop",
            tooltip="Agrandit le texte des widgets, des tableaux et des schémas "
                    "de tous les notebooks du cours (retenu pour la session)",
            layout=widgets.Layout(width="auto"))
        self.explication = widgets.HTML()
        self.interrupteur.observe(self._choisi, names="value")
        self.vue = widgets.HBox([self.style, self.interrupteur, self.explication],
                                layout=widgets.Layout(align_items="center",
                                                      flex_flow="row wrap"))
        self.vue.add_class(CLASSE_BARRE)
        self.projection = False
        self._appliquer(projection_active() if projection is None else projection)
        suivre_projection(self._suivre)
        if projection is not None:            # commencer(projection=True) : un choix
            choisir_projection(projection)

    def _suivre(self, active: bool) -> None:
        if active != self.projection:
            self._appliquer(active)

    def _choisi(self, changement) -> None:
        if bool(changement["new"]) != self.projection:
            self.basculer_projection(bool(changement["new"]))

    def _appliquer(self, active: bool) -> None:
        self.projection = active
        self.style.value = ("<style>" + FEUILLE_SORTIES
                            + (FEUILLE_PROJECTION if active else "") + "</style>")
        if self.interrupteur.value != active:
            self.interrupteur.value = active
        self.interrupteur.description = ("Mode projection : activé" if active
                                         else "Mode projection : désactivé")
        self.interrupteur.button_style = "info" if active else ""
        self.explication.value = self.texte_explication()

    def basculer_projection(self, active: bool) -> str:
        """Active ou désactive le mode projection du cours (retenu pour la session, suivi par
        les portails) ; rend la phrase affichée."""
        choisir_projection(active)
        return self.texte()

    def texte_explication(self) -> str:
        if self.projection:
            return ("Texte agrandi dans les widgets, les tableaux et les schémas de tous les "
                    "notebooks du cours. Pour le code : Affichage → Mode présentation.")
        return "Pour projeter le cours en classe : texte agrandi partout, retenu pour la session."

    def texte(self) -> str:
        """Ce que montre la barre, en texte brut (lecteurs d'écran, tests)."""
        etat = "activé" if self.projection else "désactivé"
        return f"Mode projection : {etat}. {self.texte_explication()}"


def commencer(projection: bool | None = None) -> BarreDuCours:
    """La première cellule du cours : la barre « Mode projection » (choix retenu pour la
    session, ou imposé par ``projection=True``/``False``) et les erreurs de Python expliquées
    en français."""
    from entsim.widgets.erreurs import installer_erreurs_en_francais

    barre = BarreDuCours(projection)
    installer_erreurs_en_francais()
    return barre


__all__ = ["BarreDuCours", "FEUILLE_PROJECTION", "FEUILLE_SORTIES", "chemin_preferences",
           "choisir_projection", "commencer", "enregistrer_projection", "lire_preferences",
           "projection_active", "suivre_projection"]
