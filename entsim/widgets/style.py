"""L'apparence du portail : une feuille de style, le mode projection (fort contraste).

Le mode projection sert à l'enseignant qui projette le portail en classe : texte nettement
plus grand, noir sur blanc, contours épais, élément actif marqué par un symbole *et* une
couleur (la couleur n'est jamais le seul signal ; WCAG 2.1, critère 1.4.1 « Utilisation de
la couleur »). Il s'active par une classe CSS posée sur le widget racine
(``widget.add_class``) ; les variables CSS de JupyterLab (``--jp-widgets-font-size``…),
que lisent tous les widgets, sont redéfinies sous cette classe : la même règle vaut donc
dans JupyterLab, dans Notebook 7 et dans Voilà.

Contrastes (WCAG 2.1, critère 1.4.3, au moins 4,5:1 pour le texte) : bandeau blanc sur
bleu nuit #1d3557 (≈ 12:1) ; en projection, noir sur blanc (21:1) et tuile active noire sur
jaune #ffd400 (≈ 14:1).
"""

from __future__ import annotations

import ipywidgets as widgets

#: Classe CSS du widget racine du portail.
CLASSE_PORTAIL = "entsim-portail"
#: Classe ajoutée au widget racine en mode projection.
CLASSE_PROJECTION = "entsim-projection"
#: Classes des éléments du portail.
CLASSE_TUILE = "entsim-tuile"
CLASSE_TUILE_ACTIVE = "entsim-tuile-active"
CLASSE_BANDEAU = "entsim-bandeau"
CLASSE_ENCADRE = "entsim-encadre"
CLASSE_ANNONCE = "entsim-annonce"
CLASSE_COULISSES = "entsim-coulisses"
CLASSE_MENU = "entsim-menu"
#: La zone où s'affiche le service ouvert (collée en haut de l'écran quand la page défile).
CLASSE_ZONE_SERVICE = "entsim-zone-service"
#: Posée sur la colonne des tuiles quand le service ouvert est dans sa moitié basse.
CLASSE_MENU_BAS = "entsim-menu-bas"
#: Posée sur la zone du service quand sa vue agrandit elle-même son texte en projection
#: (``ContexteVue.projection``, tailles en « em ») : le portail ne l'agrandit pas une
#: seconde fois.
CLASSE_VUE_AUTONOME = "entsim-vue-autonome"

FEUILLE_DE_STYLE = f"""
.{CLASSE_PORTAIL} {{ max-width: 100%; }}
/* ipywidgets donne aux blocs HTML la hauteur de ligne d'un champ (28 px) : on revient à
   une hauteur de ligne de texte, plus lisible pour les paragraphes et les tableaux. */
.{CLASSE_PORTAIL} .widget-html-content {{ line-height: 1.4; }}
/* Une étiquette seule (widgets.Label, un <div>) revient à la ligne au lieu d'être coupée. */
.{CLASSE_PORTAIL} div.widget-label {{ white-space: normal; height: auto; line-height: 1.4; }}
/* Les tuiles ne défilent pas dans une boîte : la page défile, et le service ouvert reste
   collé en haut de l'écran à côté des tuiles (un clic sur une tuile du bas le montre) ; un
   service plus haut que l'écran défile dans sa zone, qui tient toujours dans l'écran. */
.{CLASSE_PORTAIL} .{CLASSE_MENU} {{ padding-right: 0.3em; }}
.{CLASSE_PORTAIL} .{CLASSE_MENU}.{CLASSE_MENU_BAS} {{ padding-bottom: 80vh; }}
.{CLASSE_PORTAIL} .{CLASSE_ZONE_SERVICE} {{
  position: sticky; top: 0; align-self: flex-start; max-height: 85vh; overflow-y: auto;
}}
/* « collé » (position: sticky) ne marche que si aucun ancêtre ne défile avant la page du
   notebook : ni la sortie de la cellule ni les boîtes d'ipywidgets (overflow: auto par
   défaut) qui contiennent le service ne défilent donc (ses tableaux défilent eux-mêmes). */
.jp-OutputArea:has(.{CLASSE_ZONE_SERVICE}), .jp-OutputArea-child:has(.{CLASSE_ZONE_SERVICE}),
.jp-OutputArea-output:has(.{CLASSE_ZONE_SERVICE}),
.widget-container:has(.{CLASSE_ZONE_SERVICE}) {{ overflow: visible; min-width: 0; }}
.{CLASSE_PORTAIL} .{CLASSE_MENU} h4 {{ font-size: 1em; }}
.{CLASSE_PORTAIL} .{CLASSE_MENU} > * {{ flex-shrink: 0; }}
.{CLASSE_PORTAIL} .{CLASSE_BANDEAU} {{
  background: #1d3557; color: #ffffff; padding: 0.4em 0.8em; border-radius: 4px;
}}
.{CLASSE_PORTAIL} .{CLASSE_BANDEAU} * {{ color: #ffffff; }}
.{CLASSE_PORTAIL} .{CLASSE_ENCADRE} {{
  border: 1px solid #6b7280; border-radius: 4px; padding: 0.4em 0.8em; margin: 0.3em;
  background: #ffffff;
}}
.{CLASSE_PORTAIL} .{CLASSE_ANNONCE} {{
  border-left: 4px solid #1d3557; padding: 0.2em 0.6em; background: #f3f4f6; color: #111827;
}}
.{CLASSE_PORTAIL} .{CLASSE_TUILE} {{
  white-space: normal !important; height: auto !important; text-align: left;
  min-height: 1.9em; line-height: 1.2; padding: 0.25em 0.6em; margin: 1px 0;
}}
.{CLASSE_PORTAIL} .{CLASSE_TUILE_ACTIVE} {{ font-weight: bold; }}
.{CLASSE_PORTAIL} button:focus-visible, .{CLASSE_PORTAIL} input:focus-visible,
.{CLASSE_PORTAIL} select:focus-visible {{ outline: 3px solid #000000; outline-offset: 2px; }}
.{CLASSE_PORTAIL} .{CLASSE_COULISSES} {{
  border: 2px dashed #374151; border-radius: 4px; padding: 0.4em 0.8em; margin-top: 0.5em;
  background: #fafafa;
}}
/* Tableaux : ils reviennent à la ligne entre les mots ou défilent, jamais coupés ni
   cassés au milieu d'un mot (« Évalu/ation ») ; identifiants et heures restent entiers. */
.{CLASSE_PORTAIL} .widget-html, .{CLASSE_PORTAIL} .widget-html-content {{ min-width: 0; }}
.{CLASSE_PORTAIL} .widget-html-content {{ overflow-x: auto; max-width: 100%; }}
.{CLASSE_PORTAIL} td, .{CLASSE_PORTAIL} th {{
  overflow-wrap: normal; word-break: normal; hyphens: manual; min-width: 7em;
}}
.{CLASSE_PORTAIL} code {{ white-space: nowrap; word-break: normal; overflow-wrap: normal; }}
.{CLASSE_PORTAIL} .widget-hbox {{ flex-wrap: wrap; }}
.{CLASSE_PORTAIL} .widget-hbox > button {{ flex-shrink: 0; }}

/* Mode projection : texte agrandi, fort contraste. */
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} {{
  --jp-widgets-font-size: 22px;
  --jp-widgets-inline-height: 44px;
  --jp-widgets-inline-label-width: 14em;
  --jp-widgets-inline-width: 34em;
  --jp-widgets-inline-width-short: 16em;
  --jp-ui-font-color1: #000000;
  --jp-content-font-color1: #000000;
  --jp-widgets-input-color: #000000;
  --jp-widgets-input-background-color: #ffffff;
  --jp-widgets-input-border-color: #000000;
  --jp-widgets-input-border-width: 2px;
  font-size: 22px; color: #000000; background: #ffffff;
}}
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} .widget-html,
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} .widget-label,
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} .widget-html-content {{ font-size: 22px; color: #000000; }}
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} .{CLASSE_VUE_AUTONOME} .widget-html-content {{
  font-size: 14px;
}}
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} button {{
  font-size: 22px; background: #000000 !important; color: #ffffff !important;
  border: 2px solid #000000;
}}
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} button.{CLASSE_TUILE_ACTIVE},
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} button.mod-active {{
  background: #ffd400 !important; color: #000000 !important; border: 3px solid #000000;
}}
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} .{CLASSE_BANDEAU} {{ background: #000000; }}
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} .{CLASSE_ENCADRE} {{ border: 2px solid #000000; }}
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} .{CLASSE_ANNONCE} {{
  border-left: 8px solid #000000; background: #ffffff; color: #000000; font-weight: bold;
}}
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} .{CLASSE_COULISSES} {{
  border: 3px dashed #000000; background: #ffffff;
}}
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} .{CLASSE_MENU} {{ min-width: 20em; }}
.{CLASSE_PORTAIL}.{CLASSE_PROJECTION} th, .{CLASSE_PORTAIL}.{CLASSE_PROJECTION} td {{
  border: 2px solid #000000 !important; color: #000000;
}}
"""


def bloc_de_style() -> widgets.HTML:
    """Le widget qui porte la feuille de style (invisible : un ``<style>`` s'applique même
    dans un élément masqué)."""
    return widgets.HTML(f"<style>{FEUILLE_DE_STYLE}</style>",
                        layout=widgets.Layout(display="none"))


def taille_texte(projection: bool) -> str:
    """La taille de base du texte des blocs HTML : celle du thème (« 1em », que le mode
    projection du cours agrandit) ou 22 px en mode projection du portail."""
    return "22px" if projection else "1em"
