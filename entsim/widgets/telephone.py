"""L'application d'authentification du téléphone (question 16) : le code à usage unique et
le temps qui lui reste, sur l'horloge simulée.

Le code change toutes les 30 secondes (RFC 6238) ; le bouton « Attendre 10 s » fait avancer
l'horloge de la simulation (jamais l'horloge réelle), pour voir le code expirer.
"""

from __future__ import annotations

import ipywidgets as widgets

from entsim.socle.erreurs import ValeurInvalide
from entsim.authentification.preuves import TelephoneSimule
from entsim.widgets.mise_en_forme import echapper
from entsim.widgets.repli import AvecRepli


class TelephoneWidget(AvecRepli):
    """L'écran du téléphone simulé : code à 6 chiffres, compte à rebours, bouton d'attente."""

    def __init__(self, telephone: TelephoneSimule, pas_attente: int = 10) -> None:
        if telephone is None:
            raise ValeurInvalide("Pas encore de téléphone : exécutez d'abord "
                                 "preuves.code_a_usage_unique(), qui active le code à usage "
                                 "unique et donne son téléphone à l'élève.",
                                 code="telephone_absent")
        if not isinstance(telephone, TelephoneSimule):
            raise ValeurInvalide("Il faut un téléphone simulé : "
                                 "TelephoneSimule(identifiant, secret, ent.horloge).")
        if isinstance(pas_attente, bool) or not isinstance(pas_attente, int) \
                or not 1 <= pas_attente <= 3600:
            raise ValeurInvalide("L'attente est un nombre de secondes entre 1 et 3600.")
        self.telephone = telephone
        self.pas_attente = pas_attente
        self.ecran = widgets.HTML()
        self.resume = widgets.Label()     # le même contenu en texte (lecteurs d'écran)
        self.bouton_attendre = widgets.Button(description=f"Attendre {pas_attente} s",
                                              tooltip="Faire avancer l'horloge simulée")
        self.bouton_attendre.on_click(lambda _bouton: self.attendre())
        self.vue = widgets.VBox([self.ecran, self.resume, self.bouton_attendre])
        self.actualiser()

    def actualiser(self) -> str:
        """Relit le code et le temps restant à l'heure simulée ; rend le texte affiché."""
        code = self.telephone.code_affiche()
        restant = self.telephone.secondes_restantes()
        heure = self.telephone.horloge.maintenant()
        self.ecran.value = (
            '<div style="display:inline-block;border:3px solid #424949;border-radius:18px;'
            'padding:0.8em 1.6em;text-align:center;font-family:DejaVu Sans,Verdana,sans-serif">'
            f"<div>📱 Application d'authentification — {echapper(self.telephone.proprietaire)}"
            f"</div><div style=\"font-size:2.4em;letter-spacing:0.15em;margin:0.2em 0\">"
            f"{echapper(code[:3])} {echapper(code[3:])}</div>"
            f"<div>encore {restant} s (heure simulée {heure:%H:%M:%S})</div></div>")
        self.resume.value = (f"Code affiché : {code[:3]} {code[3:]}, valable encore {restant} s "
                             f"(heure simulée {heure:%H:%M:%S}).")
        return self.resume.value

    def attendre(self, secondes: int | None = None) -> str:
        """Fait avancer l'horloge simulée (par défaut du pas du bouton) puis actualise."""
        secondes = self.pas_attente if secondes is None else secondes
        if isinstance(secondes, bool) or not isinstance(secondes, int) or secondes < 1:
            raise ValeurInvalide("Indiquez un nombre entier de secondes, par exemple 10.")
        self.telephone.horloge.avancer(secondes)
        return self.actualiser()

    NOM_AFFICHE = "Téléphone simulé (code à usage unique)"


__all__ = ["TelephoneWidget"]
