"""La connexion à l'ENT, une étape à la fois (question 15), pour le professeur qui projette.

:class:`PasAPas` montre la cinématique d'accès du SDET (8 étapes) d'une exécution réelle :
boutons « Précédent » / « Suivant », compteur « Étape 3 sur 8 », le schéma avec l'étape
courante en évidence, le texte de l'étape et ses vraies valeurs (tickets, cookie, lignes du
journal, échanges HTTP), et le même contenu en texte brut (lecteurs d'écran). Les boutons se
désactivent aux extrémités. Les méthodes :meth:`suivant`, :meth:`precedent` et
:meth:`aller_a` font la même chose que les boutons (et servent aux tests).
"""

from __future__ import annotations

import ipywidgets as widgets

from entsim.diagrammes.sso import schema_parcours
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite
from entsim.sso.parcours import Etape, Parcours
from entsim.diagrammes.schema import Schema
from entsim.widgets.mise_en_forme import echapper, tableau_html
from entsim.widgets.repli import AvecRepli


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
            widgets.HBox([self.bouton_precedent, self.compteur, self.bouton_suivant]),
            self.explication, self.dessin, self.echo])
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
        if isinstance(numero, bool) or not isinstance(numero, int) \
                or not 1 <= numero <= self.total:
            raise ValeurInvalide(f"Choisissez une étape de 1 à {self.total} "
                                 f"(reçu : {cite(numero)}).")
        self._etape = numero
        self.bouton_precedent.disabled = numero == 1
        self.bouton_suivant.disabled = numero == self.total
        self.compteur.value = self.libelle_compteur()
        self.dessin.value = self.schema()._repr_html_()
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
            self._schemas[self._etape] = schema_parcours(self.parcours, self._etape)
        return self._schemas[self._etape]

    def texte(self) -> str:
        """L'étape en texte : compteur, phrase du SDET, ce qui s'est passé, traces."""
        e = self.etape_courante()
        lignes = [f"{self.libelle_compteur()} — {e.acteur}", f"SDET : {e.titre}",
                  f"Ce qui s'est passé : {e.detail}"]
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
                   f"{echapper(e.detail)}</p>"]
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
