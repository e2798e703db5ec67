"""Inventer un mot de passe et le faire juger, sans qu'il soit gardé (notebook 04a, Q13/Q16).

L'élève tape un mot de passe dans un champ masqué (``ipywidgets.Password``) ; à la touche
Entrée (ou en quittant le champ),
:func:`entsim.demonstrations.mot_de_passe_invente.analyser_mot_de_passe` le juge (politique de l'ENT, entropie théorique et réaliste, verdicts de la CNIL) et le
**champ est aussitôt vidé** : le mot de passe n'est gardé ni dans le widget (dont l'état
pourrait être enregistré dans le notebook), ni dans une variable, ni dans le résultat
affiché, qui n'en cite aucun morceau.
"""

from __future__ import annotations

import ipywidgets as widgets

from entsim.demonstrations.mot_de_passe_invente import analyser_mot_de_passe
from entsim.socle.erreurs import ErreurENT
from entsim.widgets.mise_en_forme import echapper
from entsim.widgets.repli import AvecRepli

__all__ = ["EssaiMotDePasse"]


class EssaiMotDePasse(AvecRepli):
    """Un champ masqué, et le verdict du mot de passe tapé (jamais répété, jamais gardé)."""

    NOM_AFFICHE = "Essai d'un mot de passe (champ masqué)"

    def __init__(self, ent, identifiant: str | None = None) -> None:
        self.ent = ent
        self.identifiant = identifiant
        analyser_mot_de_passe(ent, "", identifiant)     # vérifie l'ENT et l'identifiant
        self.champ = widgets.Password(
            value="", placeholder="Tapez un mot de passe inventé, puis Entrée",
            description="Mot de passe :", continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="32em"))
        self.verdict = widgets.HTML(
            "<p>Tapez un mot de passe <strong>inventé</strong> (jamais un vrai), puis "
            "appuyez sur Entrée. Il est analysé, puis effacé du champ : il n'est ni gardé "
            "ni affiché.</p>")
        self.resume = widgets.Label()     # le même verdict en texte (lecteurs d'écran)
        self.champ.observe(self._sur_saisie, names="value")
        self.vue = widgets.VBox([self.champ, self.verdict, self.resume])

    def _sur_saisie(self, changement) -> None:
        valeur = changement["new"]
        if not valeur:
            return
        self.champ.value = ""             # le mot de passe quitte le widget tout de suite
        self.analyser(valeur)

    def analyser(self, mot_de_passe: str) -> str:
        """Juge ``mot_de_passe`` et affiche le verdict ; rend le texte affiché (sans aucun
        morceau du mot de passe)."""
        try:
            resultat = analyser_mot_de_passe(self.ent, mot_de_passe, self.identifiant)
        except ErreurENT as erreur:
            self.verdict.value = f"<p role=\"alert\">{echapper(str(erreur))}</p>"
            self.resume.value = str(erreur)
            return str(erreur)
        self.verdict.value = resultat._repr_html_()
        self.resume.value = resultat.constat
        return resultat.texte()
