"""La connexion à l'ENT, une étape à la fois (question 15), pour le professeur qui projette.

:class:`PasAPas` montre la cinématique d'accès du SDET (8 étapes) d'une exécution réelle :
boutons « Précédent » / « Suivant », compteur « Étape 3 sur 8 », le schéma avec l'étape
courante en évidence, le texte de l'étape et ses vraies valeurs (tickets, cookie, lignes du
journal, échanges HTTP), et le même contenu en texte brut (lecteurs d'écran). Les boutons se
désactivent aux extrémités. Les méthodes :meth:`suivant`, :meth:`precedent` et
:meth:`aller_a` font la même chose que les boutons (et servent aux tests).
"""

from __future__ import annotations

import math
import re

import ipywidgets as widgets

from entsim.demonstrations.sso import LIBELLES_ATTRIBUTS
from entsim.diagrammes.image import balise_image, boite, fenetre, largeur_projection
from entsim.diagrammes.sso import schema_parcours
from entsim.diagrammes.sso.couloirs import COULEUR_COURANTE
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite
from entsim.sso.parcours import Etape, Parcours
from entsim.diagrammes.schema import Schema
from entsim.widgets.mise_en_forme import echapper, tableau_html
from entsim.widgets.repli import AvecRepli
from entsim.widgets.style import CLASSE_PORTAIL, bloc_de_style

#: Hauteur minimale de la bande de l'étape courante (unités du schéma ; 1 unité ≈ 1,33 px à
#: la taille naturelle) : l'étape et ses voisines, sous les boutons sans défiler.
HAUTEUR_FENETRE = 300
#: Marge (unités du schéma) gardée à gauche et à droite de l'étape courante : de quoi lire
#: les en-têtes des couloirs aux deux bouts.
MARGE_LARGEUR = 80

#: « prenom = Léa » (nom technique d'un attribut, écrit par :mod:`entsim.sso.parcours`).
_ATTRIBUT = re.compile(r"\b(" + "|".join(LIBELLES_ATTRIBUTS) + r") = ")


def en_francais(texte: str) -> str:
    """Les noms techniques des attributs d'identité remplacés par leur libellé français
    (« prenom = Léa » → « Prénom : Léa »), comme dans ``demo.propagation()``."""
    return _ATTRIBUT.sub(lambda m: LIBELLES_ATTRIBUTS[m.group(1)] + " : ", texte)


class PasAPas(AvecRepli):
    """Parcourir les étapes d'un parcours d'accès (:func:`entsim.sso.parcours.parcours_acces`).

    >>> w = PasAPas(demo.ouvrir_deux_services().parcours)   # doctest: +SKIP
    >>> w.suivant()                                           # doctest: +SKIP
    """

    def __init__(self, parcours: Parcours, etape: int = 1) -> None:
        if not isinstance(parcours, Parcours):
            raise ValeurInvalide("Il faut un parcours, par exemple "
                                 "demo.ouvrir_deux_services().parcours.")
        self.parcours = parcours
        self.total = len(parcours.etapes)
        self._schemas: dict[int, Schema] = {}
        self._svgs: dict[int, str] = {}
        self._etape = 1
        self.bouton_precedent = widgets.Button(description="◀ Précédent",
                                               tooltip="Revenir à l'étape précédente")
        self.bouton_suivant = widgets.Button(description="Suivant ▶",
                                             tooltip="Passer à l'étape suivante")
        self.compteur = widgets.Label()
        self.dessin = widgets.HTML()
        self.explication = widgets.HTML()
        self.echo = widgets.Textarea(description="En texte :", disabled=True, rows=8,
                                     layout=widgets.Layout(width="100%"),
                                     style={"description_width": "initial"})
        self.bouton_precedent.on_click(lambda _bouton: self.precedent())
        self.bouton_suivant.on_click(lambda _bouton: self.suivant())
        self.vue = widgets.VBox([
            bloc_de_style(),
            widgets.HBox([self.bouton_precedent, self.compteur, self.bouton_suivant],
                         layout=widgets.Layout(flex_flow="row wrap", align_items="center")),
            self.dessin, self.explication, self.echo])
        self.vue.add_class(CLASSE_PORTAIL)       # tableaux qui défilent, mots jamais coupés
        self.aller_a(etape)

    # -- navigation ----------------------------------------------------------------------
    @property
    def etape(self) -> int:
        """Le numéro de l'étape affichée (de 1 au nombre d'étapes)."""
        return self._etape

    def suivant(self) -> str:
        """Passe à l'étape suivante (rien ne change à la dernière) ; rend le texte affiché."""
        return self.aller_a(min(self._etape + 1, self.total))

    def precedent(self) -> str:
        """Revient à l'étape précédente (rien ne change à la première) ; rend le texte."""
        return self.aller_a(max(self._etape - 1, 1))

    def aller_a(self, numero: int) -> str:
        """Affiche l'étape ``numero`` ; rend le texte affiché."""
        if isinstance(numero, str):
            raise ValeurInvalide(f"Le numéro de l'étape s'écrit sans guillemets : par exemple "
                                 f"aller_a(3) (reçu : {cite(numero)}).",
                                 code="etape_entre_guillemets")
        if isinstance(numero, bool) or not isinstance(numero, int) \
                or not 1 <= numero <= self.total:
            raise ValeurInvalide(f"Choisissez une étape de 1 à {self.total} "
                                 f"(reçu : {cite(numero)}).")
        self._etape = numero
        self.bouton_precedent.disabled = numero == 1
        self.bouton_suivant.disabled = numero == self.total
        self.compteur.value = self.libelle_compteur()
        self.dessin.value = self._html_dessin()
        self.explication.value = self._html_etape(self.etape_courante())
        self.echo.value = self.texte()
        return self.echo.value

    # -- contenu -------------------------------------------------------------------------
    def etape_courante(self) -> Etape:
        return self.parcours.etape(self._etape)

    def libelle_compteur(self) -> str:
        libelle = f"Étape {self._etape} sur {self.total}"
        if self.parcours.arret is not None:
            libelle += f" (parcours arrêté à l'étape {self.parcours.arret})"
        return libelle

    def schema(self) -> Schema:
        """Le schéma de la cinématique, étape courante en évidence (calculé une fois)."""
        if self._etape not in self._schemas:
            self._schemas[self._etape] = schema_parcours(self.parcours, self._etape,
                                                         projection=True)
        return self._schemas[self._etape]

    def svg(self) -> str:
        """Le dessin SVG du schéma de l'étape courante (dessiné une fois par étape)."""
        if self._etape not in self._svgs:
            self._svgs[self._etape] = self.schema().svg()
        return self._svgs[self._etape]

    def fenetre_etape(self) -> tuple[str, str]:
        """(en-têtes des couloirs, bande de l'étape courante) : deux morceaux du schéma, en
        SVG. Le schéma entier est plus haut que l'écran (les étapes 3 à 8 étaient de 870 à
        1 400 px sous les boutons, issue 15) : le widget montre, juste sous les boutons, les
        noms des couloirs puis une bande d'au moins :data:`HAUTEUR_FENETRE` unités centrée
        sur l'étape courante — la vue suit l'étape."""
        svg = self.svg()
        _x, _y, _largeur, hauteur = boite(svg)
        translation = re.search(r'<g id="graph0"[^>]*translate\([-\d.]+ ([-\d.]+)\)', svg)
        decalage = float(translation.group(1)) if translation else 0.0
        vies = [float(v) for v in re.findall(
            r'<title>vie_0</title>\s*<polygon[^>]*points="[-\d.]+,([-\d.]+)', svg)]
        bas_entete = decalage + vies[0] + 6 if vies else 0.0
        couleur = COULEUR_COURANTE.lower()
        ordonnees = [float(y) for y in re.findall(
            r'<(?:text|ellipse)\b[^>]*?\b(?:y|cy)="([-\d.]+)"[^>]*?(?:fill|stroke)="'
            + couleur + '"', svg.lower())]
        if not ordonnees:
            return fenetre(svg, 0, bas_entete), fenetre(svg, bas_entete, hauteur)
        gauche, droite = self._etendue_courante(svg)
        haut, bas = decalage + min(ordonnees) - 24, decalage + max(ordonnees) + 14
        manque = HAUTEUR_FENETRE - (bas - haut)
        if manque > 0:
            haut, bas = haut - manque / 2, bas + manque / 2
        haut = max(haut, bas_entete)
        bas = min(max(bas, haut + HAUTEUR_FENETRE), hauteur)
        return (fenetre(svg, 0, bas_entete, gauche, droite),
                fenetre(svg, haut, bas, gauche, droite))

    @staticmethod
    def _etendue_courante(svg: str) -> tuple[float, float]:
        """De gauche à droite, ce que couvre l'étape courante (flèches, points, étiquettes
        en :data:`COULEUR_COURANTE`, sans le repère « Étape N » de la marge), plus
        :data:`MARGE_LARGEUR` de chaque côté : la bande est recadrée en largeur aussi, pour
        qu'une flèche venue d'un couloir lointain soit en entier dans la page."""
        translation = re.search(r'<g id="graph0"[^>]*translate\(([-\d.]+) ', svg)
        decalage = float(translation.group(1)) if translation else 0.0
        couleur = COULEUR_COURANTE.lower()
        abscisses: list[float] = []
        for bloc in re.findall(r'<g id="[^"]*" class="(?:node|edge)">(.*?)</g>', svg, re.S):
            if couleur not in bloc.lower() or "<title>repere_" in bloc:
                continue
            for points in re.findall(r'points="([^"]+)"', bloc):
                abscisses += [float(p.split(",")[0]) for p in points.split()]
            for cx, rx in re.findall(r'cx="([-\d.]+)"[^>]*rx="([\d.]+)"', bloc):
                abscisses += [float(cx) - float(rx), float(cx) + float(rx)]
        _x, _y, largeur, _h = boite(svg)
        if not abscisses:
            return 0.0, largeur
        return (max(0.0, decalage + min(abscisses) - MARGE_LARGEUR),
                min(largeur, decalage + max(abscisses) + MARGE_LARGEUR))

    def _html_dessin(self) -> str:
        """Sous les boutons : en-têtes des couloirs et bande de l'étape courante (défilant
        ensemble en largeur si le mode projection les élargit) ; le schéma entier dans un
        bloc repliable."""
        entete, bande = self.fenetre_etape()
        schema = self.schema()
        style = "max-width:100%;height:auto;display:block"
        largeur = largeur_projection(self.svg())      # même échelle pour les deux morceaux
        largeur_bande = (None if largeur is None else
                         math.ceil(largeur * boite(bande)[2] / boite(self.svg())[2]))
        return (f'<div class="entsim-pas-a-pas-fenetre" style="overflow-x:auto">'
                + balise_image(entete, "Couloirs du schéma : " + schema.titre, style=style,
                               largeur=largeur_bande)
                + balise_image(bande, f"Étape {self._etape} sur {self.total} du schéma",
                               style=style, largeur=largeur_bande,
                               classe="entsim-schema-image entsim-etape-courante")
                + "</div><details><summary>Schéma entier</summary>"
                + '<div style="overflow-x:auto">'
                + balise_image(self.svg(), "Schéma : " + schema.titre, largeur=largeur)
                + "</div></details>")

    def texte(self) -> str:
        """L'étape en texte : compteur, phrase du SDET, ce qui s'est passé, traces."""
        e = self.etape_courante()
        lignes = [f"{self.libelle_compteur()} — {e.acteur}", f"SDET : {e.titre}",
                  f"Ce qui s'est passé : {en_francais(e.detail)}"]
        if not e.reussie:
            lignes.append("✗ Cette étape a échoué : le parcours s'arrête ici.")
        if e.entrees:
            lignes.append("Journal : " + " ; ".join(
                x.libelle + (f" ({x.objet})" if x.objet else "") for x in e.entrees))
        for x in e.echanges:
            lignes.append(f"Échange {x.numero} : {x.emetteur} → {x.destinataire} : "
                          f"{x.methode} {x.url} → {x.libelle_statut}"
                          + (f", cookies posés : {', '.join(x.cookies_poses)}"
                             if x.cookies_poses else ""))
        return "\n".join(lignes)

    def _html_etape(self, e: Etape) -> str:
        parties = [f"<h4 style=\"margin:0.2em 0\">{echapper(self.libelle_compteur())} — "
                   f"{echapper(e.acteur)}</h4>",
                   f"<p><em>SDET : {echapper(e.titre)}</em></p>",
                   f"<p style=\"font-size:1.1em\">{'✗ ' if not e.reussie else ''}"
                   f"{echapper(en_francais(e.detail))}</p>"]
        if e.entrees:
            parties.append(tableau_html(
                ["N°", "Opération", "Identité", "Service", "Objet"],
                [(x.numero, x.libelle, x.identite or "—", x.service or "—", x.objet or "")
                 for x in e.entrees], legende="Lignes du journal"))
        if e.echanges:
            parties.append(tableau_html(
                ["N°", "De", "Vers", "Requête", "Réponse", "Cookies posés"],
                [(x.numero, x.emetteur, x.destinataire, f"{x.methode} {x.url}",
                  x.libelle_statut + (f" → {x.location}" if x.location else ""),
                  ", ".join(x.cookies_poses)) for x in e.echanges],
                legende="Échanges HTTP"))
        return "".join(parties)

    def nom_affiche(self) -> str:
        """Ce que montre le widget, pour son texte de repli (notebook non exécuté)."""
        return f"Connexion à l'ENT pas à pas ({self.total} étapes)"


__all__ = ["PasAPas"]
