"""Le formulaire d'entretien (question 6) : saisir les réponses d'un acteur dans un CSV.

``Questionnaire(chemin="enquete_groupe.csv", acteur=None)`` : on choisit l'acteur interviewé,
on remplit le formulaire (cases à cocher, boutons, zones de texte), « Enregistrer la
réponse » la vérifie (:class:`entsim.enquete.Reponse`) et l'ajoute au fichier. Une réponse
refusée l'est avec un message français à côté du formulaire, et **rien n'est perdu** : les
champs gardent leurs valeurs. Les réponses déjà enregistrées dans le fichier sont relues à
la création ; un fichier abîmé n'est jamais réécrit (on le signale, on n'y écrit rien).
:meth:`Questionnaire.texte` décrit l'état en phrases (lecteurs d'écran, tests).
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from entsim.enquete import (ACTEURS, AFFIRMATIONS, FREQUENCES, MOMENTS, NIVEAUX_ACCORD,
                            Reponse, acteur_depuis, enregistrer, lire, questionnaire)
from entsim.enquete.questionnaire import AVERTISSEMENT_RGPD
from entsim.socle.erreurs import ErreurENT
from entsim.socle.texte import accorder
from entsim.widgets.repli import afficher_avec_repli
from entsim.widgets.mise_en_forme import echapper

_STYLE = {"description_width": "initial"}
_LARGE = widgets.Layout(width="95%")


def _cases(options) -> dict[str, widgets.Checkbox]:
    return {o: widgets.Checkbox(value=False, description=o, indent=False,
                                layout=widgets.Layout(width="auto")) for o in options}


class Questionnaire:
    """Le formulaire d'entretien relié à un fichier CSV de réponses."""

    def __init__(self, chemin: str | Path = "enquete_groupe.csv", acteur=None) -> None:
        self.chemin = Path(chemin)
        self.reponses: list[Reponse] = []
        self.fichier_abime = False
        self.message = widgets.HTML()
        self._message_texte = ""
        self.acteur = widgets.Dropdown(
            options=[("(choisir l'acteur)", "")] + [(a.libelle, a.code) for a in ACTEURS],
            value="", description="Acteur interviewé :", style=_STYLE)
        self.groupe = widgets.Text(description="Groupe :", style=_STYLE,
                                   placeholder="ex. TSTMG1 groupe 3")
        self.enqueteurs = widgets.Text(description="Enquêteurs :", style=_STYLE,
                                       placeholder="vos prénoms")
        self.date = widgets.Text(description="Date de l'entretien :", style=_STYLE,
                                 placeholder="jj/mm/aaaa")
        self.consentement = widgets.Checkbox(
            value=False, indent=False,
            description="La personne accepte que ses réponses servent en classe")
        self.fonctionnalites: dict[str, widgets.Checkbox] = {}
        self.boite_fonctionnalites = widgets.VBox()
        self.autre = widgets.Text(description="Autre fonctionnalité :", style=_STYLE,
                                  layout=_LARGE)
        self.frequence = widgets.RadioButtons(options=list(FREQUENCES), value=None,
                                              description="Fréquence :", style=_STYLE)
        self.moments = {m: widgets.ToggleButton(value=False, description=m, tooltip=m)
                        for m in MOMENTS}
        self.accords = {code: widgets.Dropdown(options=[("(choisir)", "")]
                                               + [(n, n) for n in NIVEAUX_ACCORD], value="",
                                               description=texte, style=_STYLE,
                                               layout=_LARGE)
                        for code, texte in AFFIRMATIONS.items()}
        self.evolutions = widgets.Textarea(
            description="Évolutions du travail, de la coordination et des échanges :",
            style=_STYLE, layout=_LARGE)
        self.avantages = widgets.Textarea(description="Avantages :", style=_STYLE, layout=_LARGE)
        self.limites = widgets.Textarea(description="Limites :", style=_STYLE, layout=_LARGE)
        q = questionnaire(ACTEURS[0])
        self.avantages_themes = _cases(q.question("avantages_themes").options)
        self.limites_themes = _cases(q.question("limites_themes").options)
        # largeur du texte : « Enregistrer la réponse » ne tient pas en 148 px
        self.bouton_enregistrer = widgets.Button(description="Enregistrer la réponse",
                                                 button_style="primary", icon="save",
                                                 layout=widgets.Layout(width="auto"))
        self.bouton_nouvelle = widgets.Button(description="Nouvelle réponse", icon="file",
                                              layout=widgets.Layout(width="auto"))
        self.bouton_enregistrer.on_click(lambda _b: self.enregistrer())
        self.bouton_nouvelle.on_click(lambda _b: self.nouvelle())
        self.liste = widgets.HTML()
        self.acteur.observe(lambda changement: self._changer_acteur(changement["new"]),
                            names="value")
        self.vue = self._assembler()
        self._changer_acteur(self.acteur.value)
        self._relire()
        if acteur is not None:
            self.acteur.value = acteur_depuis(acteur).code

    # -- construction -------------------------------------------------------------------------
    def _assembler(self) -> widgets.VBox:
        titre = lambda texte: widgets.HTML(f"<h4>{echapper(texte)}</h4>")  # noqa: E731
        return widgets.VBox([
            widgets.HTML(f"<p>{echapper(AVERTISSEMENT_RGPD)}</p>"),
            titre("L'entretien"), self.acteur, self.groupe, self.enqueteurs, self.date,
            self.consentement,
            titre("1. Fonctionnalités utilisées"), self.boite_fonctionnalites, self.autre,
            self.frequence, widgets.HBox([widgets.Label("Moments :"), *self.moments.values()]),
            titre("2. Évolutions du travail, de la coordination et des échanges"),
            *self.accords.values(), self.evolutions,
            titre("3. Avantages et limites"), self.avantages,
            widgets.Label("Thèmes des avantages (facultatif) :"),
            widgets.VBox(list(self.avantages_themes.values())), self.limites,
            widgets.Label("Thèmes des limites (facultatif) :"),
            widgets.VBox(list(self.limites_themes.values())),
            widgets.HBox([self.bouton_enregistrer, self.bouton_nouvelle]), self.message,
            titre("Réponses déjà enregistrées"), self.liste,
        ])

    def _changer_acteur(self, code: str) -> None:
        coches = {nom for nom, case in self.fonctionnalites.items() if case.value}
        if not code:
            self.fonctionnalites = {}
            self.boite_fonctionnalites.children = (widgets.Label(
                "Choisissez d'abord l'acteur interviewé : la liste des services en dépend."),)
            return
        options = questionnaire(code).question("fonctionnalites").options
        self.fonctionnalites = _cases(options)
        for nom in coches & set(options):
            self.fonctionnalites[nom].value = True
        self.boite_fonctionnalites.children = tuple(self.fonctionnalites.values())

    # -- fichier ------------------------------------------------------------------------------
    def _relire(self) -> None:
        if not self.chemin.exists():
            self.reponses = []
            self._afficher_liste()
            return
        lecture = lire(self.chemin)
        self.reponses = list(lecture.reponses)
        if lecture.problemes:
            self.fichier_abime = True
            self._dire("Le fichier « " + self.chemin.name + " » est abîmé : rien n'y sera "
                       "écrit tant qu'il n'est pas réparé (ou choisissez un autre fichier).",
                       lecture.problemes)
        self._afficher_liste()

    def _afficher_liste(self) -> None:
        if not self.reponses:
            self.liste.value = "<p>Aucune réponse enregistrée pour l'instant.</p>"
            return
        self.liste.value = ("<ul>" + "".join(f"<li>{echapper(r.resume())}</li>"
                                             for r in self.reponses) + "</ul>")

    def _dire(self, phrase: str, details=()) -> None:
        self._message_texte = "\n".join([phrase, *(f"- {d}" for d in details)])
        self.message.value = (f"<p><strong>{echapper(phrase)}</strong></p>"
                              + ("<ul>" + "".join(f"<li>{echapper(d)}</li>" for d in details)
                                 + "</ul>" if details else ""))

    # -- actions ------------------------------------------------------------------------------
    def _numero(self, groupe: str, code: str) -> int:
        numeros = [r.numero for r in self.reponses
                   if r.groupe == groupe.strip() and r.acteur.code == code]
        return max(numeros, default=0) + 1

    def enregistrer(self) -> Reponse | None:
        """Vérifie le formulaire et ajoute la réponse au fichier ; renvoie la réponse, ou
        ``None`` si elle est refusée (le message dit pourquoi, les champs sont gardés)."""
        if self.fichier_abime:
            self._dire(f"Rien n'est écrit : le fichier « {self.chemin.name} » est abîmé. "
                       "Réparez-le ou choisissez un autre fichier.")
            return None
        if not self.acteur.value:
            self._dire("Réponse non enregistrée. La question « Acteur interviewé » est vide : "
                       "choisissez l'acteur.")
            return None
        try:
            reponse = Reponse(
                groupe=self.groupe.value, enqueteurs=self.enqueteurs.value,
                date=self.date.value, acteur=self.acteur.value,
                numero=self._numero(self.groupe.value, self.acteur.value),
                consentement=self.consentement.value,
                fonctionnalites=[n for n, c in self.fonctionnalites.items() if c.value],
                fonctionnalites_autres=self.autre.value, frequence=self.frequence.value,
                moments=[m for m, b in self.moments.items() if b.value],
                accords={code: (d.value or None) for code, d in self.accords.items()},
                evolutions=self.evolutions.value, avantages=self.avantages.value,
                avantages_themes=[t for t, c in self.avantages_themes.items() if c.value],
                limites=self.limites.value,
                limites_themes=[t for t, c in self.limites_themes.items() if c.value])
        except ErreurENT as erreur:
            problemes = getattr(erreur, "problemes", ())
            if problemes:
                self._dire(f"Réponse non enregistrée : {accorder(len(problemes), 'problème')}. "
                           "Vos saisies sont gardées : corrigez puis enregistrez.", problemes)
            else:
                self._dire(str(erreur))
            return None
        try:
            enregistrer([*self.reponses, reponse], self.chemin)
        except (ErreurENT, OSError) as erreur:
            self._dire(f"Réponse non enregistrée : le fichier « {self.chemin.name} » n'a pas "
                       f"pu être écrit ({getattr(erreur, 'strerror', None) or erreur}). "
                       "Vos saisies sont gardées.")
            return None
        self.reponses.append(reponse)
        self._afficher_liste()
        self.nouvelle()
        self._dire(f"Réponse « {reponse.identifiant} » enregistrée dans « {self.chemin.name} » "
                   f"({accorder(len(self.reponses), 'réponse')} dans le fichier).")
        return reponse

    def nouvelle(self) -> None:
        """Vide les réponses du formulaire (le groupe, les enquêteurs, la date et l'acteur
        restent : c'est le même entretien de groupe)."""
        self.consentement.value = False
        for case in (*self.fonctionnalites.values(), *self.avantages_themes.values(),
                     *self.limites_themes.values()):
            case.value = False
        for bouton in self.moments.values():
            bouton.value = False
        for liste in self.accords.values():
            liste.value = ""
        self.frequence.value = None
        for zone in (self.autre, self.evolutions, self.avantages, self.limites):
            zone.value = ""
        self._dire("Formulaire vidé : nouvelle réponse.")

    # -- lecture ------------------------------------------------------------------------------
    def texte(self) -> str:
        """L'état du formulaire en phrases : acteur, fichier, réponses, dernier message."""
        acteur = (acteur_depuis(self.acteur.value).libelle if self.acteur.value
                  else "aucun acteur choisi")
        lignes = [f"Questionnaire — {acteur}.",
                  f"Fichier « {self.chemin.name} » : "
                  f"{accorder(len(self.reponses), 'réponse enregistrée', 'réponses enregistrées')}"
                  + (" (fichier abîmé : rien n'y sera écrit)." if self.fichier_abime else ".")]
        lignes += [f"- {r.resume()}" for r in self.reponses]
        if self._message_texte:
            lignes.append(self._message_texte)
        return "\n".join(lignes)

    def _ipython_display_(self) -> None:
        afficher_avec_repli(self.vue, "Formulaire d'entretien (question 6), relié au fichier "
                                      f"« {self.chemin.name} » : exécutez la cellule "
                                      "(Maj + Entrée) pour l'afficher.")
