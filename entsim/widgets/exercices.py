"""Deux exercices génériques des fiches, en widgets : ranger des éléments dans des catégories
(:class:`ExerciceClassement`, pour toute question
:class:`~entsim.questions.types_de_questions.classement.Classement`) et remplir un tableau
(:class:`ExerciceTableau`, pour toute question
:class:`~entsim.questions.types_de_questions.tableau_a_completer.TableauACompleter`).

La correction est **celle de la fiche** (``question.corriger(reponse)``) : même statut, même
message, mêmes précisions ; :meth:`reponse` rend la réponse dans la forme que la fiche
accepte, pour la recopier dans la cellule ``reponse_<id> = …``. Aucune réponse n'est jamais
dévoilée : le bouton « Indice » montre les indices de la question, un par un, et ils restent
affichés.

Accessibilité : chaque liste déroulante porte le nom de l'élément à classer (étiquette
associée, lue par les lecteurs d'écran), chaque case du tableau son info-bulle « ligne —
colonne » et un texte indicatif ; les boutons ont une info-bulle ; le retour dit le statut en
mots et par un symbole (✓, ◐, ✗…), jamais par la seule couleur (WCAG 2.1, critère
1.4.1), et tout texte saisi est échappé avant d'être affiché. Aucune saisie (vide, 10 000 caractères,
émoji, caractères de contrôle bidirectionnels) ne produit de trace d'erreur Python : le
verdict est celui de la question, en français. :meth:`texte` décrit l'état courant en texte
(tests, nbval).
"""

from __future__ import annotations

import dataclasses
import html
import re

import ipywidgets as widgets

from entsim.questions.lettres import LETTRES
from entsim.questions.retours import Correction, Indice
from entsim.questions.types_de_questions.classement import Classement
from entsim.questions.types_de_questions.tableau_a_completer import TableauACompleter
from entsim.socle.caracteres import rendre_visible
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import extrait, nature
from entsim.widgets.repli import afficher_avec_repli, phrase_de_repli

#: Le choix affiché tant qu'aucune catégorie n'est choisie, et sa valeur dans la liste.
PLACEHOLDER = "— choisir —"
AUCUN_CHOIX = -1

#: Classe CSS posée sur la boîte d'un exercice.
CLASSE_EXERCICE = "entsim-exercice"

#: Au-delà de ces longueurs (en caractères), un élément ou une catégorie ne tient plus sur
#: une ligne à côté de sa liste au vidéoprojecteur (1280 px zoomés à 150 %) : chaque liste
#: passe sous le nom de son élément, et les catégories sont listées en entier au-dessus.
ELEMENT_LONG = 30
CATEGORIE_LONGUE = 40

_MESSAGE_PANNE = ("La vérification n'a pas pu se faire avec cette saisie : raccourcissez ou "
                  "simplifiez votre réponse, puis cliquez de nouveau sur « Vérifier ».")


def _consigne_html(enonce: str) -> str:
    """L'énoncé (markdown simple) en HTML échappé : **gras**, `code`, paragraphes."""
    texte = html.escape(enonce)
    texte = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", texte)
    texte = re.sub(r"`([^`]+)`", r"<code>\1</code>", texte)
    return "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in texte.split("\n\n"))


class _Exercice:
    """Ce que les deux exercices partagent : titre, consigne, boutons, retour, indices."""

    _type: type = object
    _nom_type = ""
    _message_vide = "Pas encore de réponse : remplissez l'exercice, puis cliquez sur « Vérifier »."

    def __init__(self, question: object) -> None:
        # La fiche des élèves donne une QuestionPublique du même type (sans le corrigé).
        if not isinstance(question, self._type) and getattr(
                question, "__dict__", {}).get("type_de_question") != self._type.__name__:
            raise ValeurInvalide(f"Cet exercice attend une question de type {self._nom_type} "
                                 f"(reçu : {nature(question)}). Par exemple : "
                                 f"{type(self).__name__}(fiche(\"partie1\").question(\"q1a\")).")
        self.question = question
        self.correction: Correction | None = None
        self.indices_montres: list[Indice] = []
        titre = question.titre or f"Question {question.id}"
        self.titre = widgets.HTML(f"<h4>{html.escape(titre)}</h4>")
        self.consigne = widgets.HTML(_consigne_html(question.enonce))
        self.bouton_verifier = widgets.Button(
            description="Vérifier", icon="check", button_style="primary",
            tooltip="Corriger ma réponse comme la fiche le fera",
            layout=widgets.Layout(width="auto", min_width="9em"))
        # largeur du texte : « Tous les indices sont affichés » ne tient pas en 148 px
        self.bouton_indice = widgets.Button(description="Indice", icon="lightbulb-o",
                                            tooltip="Afficher l'indice suivant",
                                            layout=widgets.Layout(width="auto", min_width="9em"))
        self.retour = widgets.HTML()          # la correction (HTML échappé, symbole + mots)
        self.annonce = widgets.Label()        # le verdict en une ligne de texte
        self.zone_indices = widgets.HTML()
        self.bouton_verifier.on_click(lambda _bouton: self.verifier())
        self.bouton_indice.on_click(lambda _bouton: self.montrer_indice())
        self._mettre_a_jour_bouton_indice()

    # -- à définir par chaque exercice ----------------------------------------------------
    def reponse(self) -> object:  # pragma: no cover - redéfinie
        raise NotImplementedError

    def _etat(self) -> list[str]:  # pragma: no cover - redéfinie
        raise NotImplementedError

    # -- actions --------------------------------------------------------------------------
    def verifier(self) -> Correction:
        """Corrige la réponse saisie (comme la fiche) et affiche le retour."""
        try:
            correction = self.question.corriger(self.reponse())
        except Exception:  # noqa: BLE001 - jamais de trace d'erreur dans la cellule
            correction = Correction(self.question.id, 0.0, float(self.question.points),
                                    "invalide", _MESSAGE_PANNE)
        if correction.statut == "vide":
            # Le message de la fiche parle de la cellule « reponse_… = None » : ici, on dit
            # quoi faire dans le widget (même statut, mêmes points).
            correction = dataclasses.replace(correction, message=self._message_vide)
        self.correction = correction
        self.retour.value = correction.html()
        self.annonce.value = f"{correction.libelle} : {correction.bareme()}."
        return correction

    def montrer_indice(self) -> Indice | None:
        """Montre l'indice suivant (les précédents restent affichés) ; ``None`` s'il n'y en
        a plus."""
        total = len(self.question.indices)
        numero = len(self.indices_montres) + 1
        if numero > total:
            self._mettre_a_jour_bouton_indice()
            return None
        indice = Indice(self.question.indices[numero - 1])
        indice.question, indice.numero, indice.total = self.question.id, numero, total
        self.indices_montres.append(indice)
        self.zone_indices.value = "".join(i.html() for i in self.indices_montres)
        self._mettre_a_jour_bouton_indice()
        return indice

    def _mettre_a_jour_bouton_indice(self) -> None:
        total = len(self.question.indices)
        reste = total - len(self.indices_montres)
        if total == 0:
            self.bouton_indice.description = "Pas d'indice"
        elif reste == 0:
            self.bouton_indice.description = "Tous les indices sont affichés"
        else:
            self.bouton_indice.description = f"Indice ({len(self.indices_montres) + 1} sur {total})"
        self.bouton_indice.disabled = reste <= 0
        self.bouton_indice.tooltip = self.bouton_indice.description

    def reponse_a_recopier(self) -> str:
        """La ligne à recopier dans la fiche : ``reponse_q1a = {…}``."""
        return f"{self.question.variable} = {self.reponse()!r}"

    # -- affichage ------------------------------------------------------------------------
    def texte(self) -> str:
        """L'état courant de l'exercice en texte (déterministe) : saisies, retour, indices."""
        lignes = [self.titre_texte(), *self._etat()]
        if self.correction is not None:
            lignes += ["Retour :", self.correction.texte()]
        lignes += [i.texte() for i in self.indices_montres]
        return "\n".join(lignes)

    def titre_texte(self) -> str:
        return rendre_visible(self.question.titre or f"Question {self.question.id}")

    def _vue(self, corps: widgets.Widget) -> widgets.VBox:
        boutons = widgets.HBox([self.bouton_verifier, self.bouton_indice])
        # ``annonce`` (le verdict en une ligne) n'est pas affichée : l'encadré du retour
        # commence par le même verdict, et une ligne de texte trop longue serait coupée.
        vue = widgets.VBox([self.titre, self.consigne, corps, boutons,
                            self.retour, self.zone_indices],
                           layout=widgets.Layout(max_width="100%"))
        vue.add_class(CLASSE_EXERCICE)
        return vue

    def __str__(self) -> str:
        return self.texte()

    def _ipython_display_(self) -> None:
        afficher_avec_repli(self.vue, phrase_de_repli(f"Exercice « {self.titre_texte()} »"))


class ExerciceClassement(_Exercice):
    """Ranger chaque élément d'une question de classement dans une catégorie, avec une liste
    déroulante par élément (« — choisir — » tant que rien n'est choisi).

    >>> from entsim.questions import fiche
    >>> exercice = ExerciceClassement(fiche("partie1").question("q1a"))
    >>> exercice.choix[0].value = 1          # la 2e catégorie pour le 1er élément
    >>> exercice.bouton_verifier.click()     # comme un clic
    """

    _type = Classement
    _nom_type = "« classement » (Classement)"
    _message_vide = ("Pas encore de réponse : choisissez une catégorie dans la liste de chaque "
                     "élément, puis cliquez sur « Vérifier ».")

    def __init__(self, question: Classement) -> None:
        super().__init__(question)
        libelles = [f"{LETTRES[i]}. {c}" if question.lettres else c
                    for i, c in enumerate(question.categories)]
        options = [(PLACEHOLDER, AUCUN_CHOIX)] + [(l, i) for i, l in enumerate(libelles)]
        longues = any(len(c) > CATEGORIE_LONGUE for c in question.categories)
        empile = longues or any(len(e) > ELEMENT_LONG for e in question.elements)
        if empile:   # le nom au-dessus, la liste en dessous, sur toute la largeur ; l'étiquette
            # associée reste (lecteurs d'écran) mais sans largeur : le nom est écrit au-dessus
            style = {"description_width": "0px"}
            disposition = dict(width="99%")      # 100 % + marge : bord droit coupé
        else:
            style = {"description_width": "initial"}
            disposition = dict(width="auto", max_width="100%")
        self.choix = [widgets.Dropdown(options=options, value=AUCUN_CHOIX, description=element,
                                       tooltip=f"Catégorie de « {element} »", style=style,
                                       layout=widgets.Layout(**disposition))
                      for element in question.elements]
        corps: list[widgets.Widget] = list(self.choix)
        if empile:
            corps = [widgets.VBox([widgets.HTML(f"<strong>{html.escape(element)}</strong>"),
                                   liste], layout=widgets.Layout(margin="0 0 6px 0"))
                     for element, liste in zip(question.elements, self.choix)]
        if longues:  # une liste déroulante coupe les longs textes : on les donne en entier
            self.categories = widgets.HTML(
                "<p><strong>Les choix :</strong></p><ul style=\"list-style:none;padding-left:0\">"
                + "".join(f"<li>{html.escape(l)}</li>" for l in libelles) + "</ul>")
            corps.insert(0, self.categories)
        self.vue = self._vue(widgets.VBox(corps))

    def reponse(self) -> dict[str, str]:
        """Les éléments classés et leur catégorie — la lettre si la question en utilise,
        sinon le texte de la catégorie —, dans la forme que la fiche accepte."""
        q = self.question
        return {element: (LETTRES[liste.value] if q.lettres else q.categories[liste.value])
                for element, liste in zip(q.elements, self.choix)
                if liste.value is not None and liste.value != AUCUN_CHOIX}

    def _etat(self) -> list[str]:
        lignes = []
        for i, (element, liste) in enumerate(zip(self.question.elements, self.choix), start=1):
            choisi = PLACEHOLDER if liste.value in (None, AUCUN_CHOIX) else liste.label
            lignes.append(f"{i}. {rendre_visible(element)} : {rendre_visible(choisi)}")
        return lignes


class ExerciceTableau(_Exercice):
    """Remplir un tableau à compléter : une zone de texte par case (lignes = celles de la
    question, colonnes = ses colonnes sauf la première, qui nomme la ligne)."""

    _type = TableauACompleter
    _nom_type = "« tableau à compléter » (TableauACompleter)"
    _message_vide = ("Pas encore de réponse : écrivez dans les cases du tableau, puis cliquez "
                     "sur « Vérifier ».")

    def __init__(self, question: TableauACompleter) -> None:
        super().__init__(question)
        self.lignes = tuple(question.lignes)
        self.colonnes = tuple(question.a_remplir)
        self.cases: dict[tuple[str, str], widgets.Textarea] = {}
        enfants: list[widgets.Widget] = [widgets.HTML(f"<strong>{html.escape(c)}</strong>")
                                         for c in question.colonnes]
        for ligne in self.lignes:
            enfants.append(widgets.HTML(f"<strong>{html.escape(ligne)}</strong>"))
            for colonne in self.colonnes:
                case = widgets.Textarea(
                    value="", placeholder=f"{colonne} : {ligne}",
                    tooltip=f"{ligne} — {colonne}",
                    layout=widgets.Layout(width="auto", height="5em"))
                self.cases[(ligne, colonne)] = case
                enfants.append(case)
        modele = f"minmax(8em, 1fr) repeat({len(self.colonnes)}, minmax(12em, 2fr))"
        self.grille = widgets.GridBox(enfants, layout=widgets.Layout(
            grid_template_columns=modele, grid_gap="6px 10px", width="100%"))
        self.vue = self._vue(self.grille)

    def case(self, ligne: str, colonne: str | None = None) -> widgets.Textarea:
        """La zone de texte d'une case (``colonne`` facultative s'il n'y en a qu'une)."""
        colonne = self.colonnes[0] if colonne is None and len(self.colonnes) == 1 else colonne
        try:
            return self.cases[(ligne, colonne)]  # type: ignore[index]
        except KeyError:
            raise ValeurInvalide(f"Pas de case à la ligne « {extrait(ligne)} », colonne "
                                 f"« {extrait(colonne)} » dans ce tableau.") from None

    def reponse(self) -> dict[str, object]:
        """Le tableau saisi : ``{ligne: texte}`` s'il n'y a qu'une colonne à remplir, sinon
        ``{ligne: {colonne: texte}}`` — la forme que la fiche accepte. Tant qu'aucune case
        n'est remplie : ``{}`` (la fiche dit « pas de réponse ») ; ensuite, les cases vides
        sont rendues vides (la fiche dit « case vide »)."""
        if not any(case.value.strip() for case in self.cases.values()):
            return {}
        resultat: dict[str, object] = {}
        for ligne in self.lignes:
            valeurs = {c: self.cases[(ligne, c)].value for c in self.colonnes}
            resultat[ligne] = valeurs[self.colonnes[0]] if len(self.colonnes) == 1 else valeurs
        return resultat

    def _etat(self) -> list[str]:
        lignes = []
        for ligne in self.lignes:
            for colonne in self.colonnes:
                valeur = self.cases[(ligne, colonne)].value
                lignes.append(f"{rendre_visible(ligne)} — {rendre_visible(colonne)} : "
                              + (extrait(valeur) if valeur.strip() else "(vide)"))
        return lignes
