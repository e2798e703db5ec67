"""Socle commun des vues des services de la vie de l'élève (cahier de textes, notes,
absences, emploi du temps, médiacentre, CDI, Folios).

Chaque vue : un titre, des contrôles (listes, champs, boutons), une ligne d'annonce (l'effet
de la dernière action, en toutes lettres : lecteurs d'écran, et jamais la couleur seule) et
un contenu HTML dont chaque texte est échappé (un texte saisi n'est jamais interprété comme
du HTML). Un refus du service d'autorisation s'affiche comme une phrase française.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as widgets

from entsim.etablissement.annuaire import Eleve, Parent
from entsim.socle.erreurs import ErreurENT
from entsim.etablissement.generation import CLASSE_DEMO
from entsim.widgets.mise_en_forme import echapper, tableau_html
from entsim.widgets.repli import AvecRepli
from entsim.widgets.vues._contexte import ActionsSures, ContexteVue, action_du_socle, decrire_valeur
from entsim.autorisation.service import Action, Ressource

_STYLE_LARGE = {"description_width": "initial"}


class VueVieEleve(ActionsSures, AvecRepli):
    """Base des vues : construit le cadre et gère annonces, refus et texte brut."""

    def __init__(self, contexte: ContexteVue, code: str) -> None:
        self.contexte = contexte
        self.ent = contexte.ent
        self.code = code
        self.identifiant = contexte.identifiant
        self.personne = contexte.personne
        self.service = self.ent.service(code)
        self.nom_service = self.ent.catalogue.service(code).nom
        taille = "1.5em" if contexte.projection else "1em"
        self._taille = taille
        taille_titre = "1.8em" if contexte.projection else "1.3em"
        self.titre = widgets.HTML(f'<h3 style="font-size:{taille_titre}">'
                                  f"{echapper(self.nom_service)}</h3>")
        self.annonce = widgets.Label(
            style={"font_size": "20px"} if contexte.projection else {})
        self.contenu = widgets.HTML()
        self.controles = widgets.VBox([])
        self._lignes: list[str] = []
        self._silence = False
        self.classe: str | None = None
        self.eleve: str | None = None
        self.choix_classe: widgets.Dropdown | None = None
        self.choix_eleve: widgets.Dropdown | None = None
        self.vue = widgets.VBox([self.titre, self.controles, self.annonce, self.contenu])

    # -- outils d'affichage ---------------------------------------------------------------
    def _html(self, *parties: str) -> str:
        return f'<div style="font-size:{self._taille}">' + "".join(parties) + "</div>"

    @staticmethod
    def tableau(entetes: Sequence[str], lignes, legende: str | None = None) -> str:
        return tableau_html(entetes, lignes, legende)

    @staticmethod
    def paragraphe(texte: str) -> str:
        return f"<p>{echapper(texte)}</p>"

    def montrer(self, html: str, lignes_texte: list[str]) -> None:
        """Remplace le contenu (HTML déjà échappé) et son équivalent en texte."""
        self.contenu.value = self._html(html)
        self._lignes = list(lignes_texte)

    def annoncer(self, phrase: str) -> str:
        """L'effet d'une action, en une phrase française (écho texte et lecteur d'écran)."""
        self.annonce.value = phrase
        self.contexte.annoncer(phrase)
        return phrase

    def _annoncer_probleme(self, phrase: str) -> str:
        return self.annoncer(phrase)

    def refus(self, erreur: ErreurENT) -> str:
        """Affiche une erreur (refus d'accès, saisie invalide) comme une phrase, jamais une
        trace d'exécution."""
        phrase = str(erreur)
        if not phrase.startswith("Accès refusé") and not phrase.startswith("⚠"):
            phrase = f"⚠ {phrase}"
        return self.annoncer(phrase)

    def tenter(self, action: Callable[[], str], *, affichage: bool = False) -> str:
        """Exécute une action ; un refus ou une saisie invalide devient une annonce. Pour un
        ``affichage`` refusé, le contenu précédent est retiré (il ne correspond plus au
        choix) et remplacé par la phrase du refus."""
        try:
            return action()
        except ErreurENT as erreur:
            phrase = self.refus(erreur)
            if affichage:
                self.montrer(self.paragraphe(phrase), [])
            return phrase

    def texte(self) -> str:
        """Ce que la vue montre, en texte brut."""
        return "\n".join([self.nom_service] + ([self.annonce.value] if self.annonce.value
                                               else []) + self._lignes)

    def nom_affiche(self) -> str:
        """Ce que montre le widget, pour son texte de repli (notebook non exécuté)."""
        return f"Service « {self.nom_service} »"

    # -- contrôles usuels ------------------------------------------------------------------
    def liste(self, description: str, options: list, rappel: Callable[[object], object],
              valeur: object = None) -> widgets.Dropdown:
        """Une liste déroulante qui appelle ``rappel(valeur)`` quand on choisit (pas quand
        la vue remplit la liste elle-même, voir :meth:`remplir`)."""
        choix = widgets.Dropdown(options=options, description=description,
                                 style=_STYLE_LARGE,
                                 layout=widgets.Layout(width="max-content"))
        if valeur is not None:
            choix.value = valeur

        def observer(changement) -> None:
            if not self._silence:
                rappel(changement["new"])

        choix.observe(observer, names="value")
        return choix

    def remplir(self, choix: widgets.Dropdown, options: list, valeur: object = None) -> None:
        """Change les options (et la valeur) d'une liste sans déclencher son rappel."""
        self._silence = True
        try:
            if tuple(choix.options) != tuple(options):
                choix.options = options
            valeurs = [o[1] if isinstance(o, tuple) else o for o in choix.options]
            if valeur is not None and valeur in valeurs:
                choix.value = valeur
            elif choix.value is None and valeurs:
                choix.value = valeurs[0]
        finally:
            self._silence = False

    @staticmethod
    def bouton(description: str, rappel: Callable[[], object]) -> widgets.Button:
        b = widgets.Button(description=description, layout=widgets.Layout(width="auto"))
        b.on_click(lambda _b: rappel())
        return b

    @staticmethod
    def champ(description: str, valeur: str = "", *, long: bool = False):
        classe = widgets.Textarea if long else widgets.Text
        return classe(value=valeur, description=description, style=_STYLE_LARGE)

    def eleves_proposes(self) -> list[tuple[str, str]]:
        """(nom, identifiant) des élèves qu'on peut choisir : ses enfants (parent), soi-même
        (élève) ; vide pour les autres (ils choisissent une classe d'abord)."""
        etab = self.ent.etablissement
        if isinstance(self.personne, Parent):
            return [(f"{e.prenom} ({e.classe})", e.identifiant)
                    for e in etab.enfants_de(self.identifiant)]
        if isinstance(self.personne, Eleve):
            return [(self.personne.nom_complet, self.identifiant)]
        return []

    def classes_proposees(self) -> list[str]:
        """Les classes dont la personne peut voir les données de ce service."""
        return self.service.classes_visibles(self.identifiant)

    def eleves_de(self, classe: str) -> list[tuple[str, str]]:
        return [(e.nom_complet, e.identifiant) for e in sorted(
            self.ent.etablissement.eleves_de(classe), key=lambda x: (x.nom, x.prenom))]

    # -- accès au service ------------------------------------------------------------------
    def acces_au_service(self) -> bool:
        """Le contrôle d'accès au service lui-même ; en cas de refus, la vue montre la
        phrase du refus et rien d'autre.

        Un accès permis n'est pas écrit ici au journal : le serveur CAS a déjà tracé la
        décision d'ouvrir le service (SDET, cinématique d'accès, étape 3) et chaque lecture
        que fait ensuite la vue est tracée par le service — une action de l'utilisateur
        donne une seule ligne par ressource lue. Un refus, lui, est tracé."""
        if self.service.permis(self.identifiant, Action.LIRE, Ressource(self.code),
                               poste=self.contexte.poste):
            return True
        try:
            self.service.exiger(self.identifiant, Action.LIRE, Ressource(self.code),
                                poste=self.contexte.poste)
        except ErreurENT as erreur:
            self.refus(erreur)
            self.montrer(self.paragraphe(str(erreur)), [])
            return False
        return True

    # -- choisir un élève (parent : ses enfants ; personnels : une classe puis un élève) ----
    def construire_choix_eleve(self) -> None:
        """Met en place le choix de l'élève et affiche le premier (la méthode
        ``choisir_eleve`` de la vue affiche ses données)."""
        self.choix_classe = None
        eleves = self.eleves_proposes()
        if eleves:
            self.choix_eleve = self.liste("Élève :", eleves, self.choisir_eleve)
            if len(eleves) > 1:
                self.controles.children = [self.choix_eleve]
            self.choisir_eleve(eleves[0][1])
            return
        classes = self.classes_proposees()
        self.choix_classe = self.liste("Classe :", classes, self.choisir_classe)
        self.choix_eleve = self.liste("Élève :", [], self.choisir_eleve)
        self.controles.children = [widgets.HBox([self.choix_classe, self.choix_eleve])]
        self.choisir_classe_initiale(classes)

    def choisir_classe_initiale(self, classes: list[str]) -> None:
        """Ouvre la classe de la démonstration si elle est proposée, sinon la première ;
        sans classe proposée, le dit en français."""
        if classes:
            self.choisir_classe(CLASSE_DEMO if CLASSE_DEMO in classes else classes[0])
        else:
            self.aucune_classe()

    def refus_de_choix_de_classe(self, classe: object) -> str | None:
        """La phrase à renvoyer au lieu de choisir cette classe (vue sans choix de classe,
        aucun choix, valeur absurde), ou ``None`` si le choix peut se faire."""
        refus = self.sans_choix_de_classe()
        if refus is not None:
            return refus
        if not classe:
            return self.annonce.value
        return self.verifier_choix(classe, "La classe")

    def sans_choix_de_classe(self) -> str | None:
        """La phrase à annoncer si cette vue ne propose pas de choix de classe (``None`` si
        elle en propose un)."""
        if self.choix_classe is not None:
            return None
        if self.choix_eleve is not None and self.eleves_proposes():
            return self.annoncer(f"⚠ « {self.nom_service} » ne se choisit pas par classe pour "
                                 "vous : la vue montre directement les données de l'élève "
                                 "concerné.")
        return self.annoncer(f"⚠ « {self.nom_service} » ne propose pas de choix de classe.")

    def verifier_choix(self, valeur: object, quoi: str) -> str | None:
        """La phrase à annoncer si ``valeur`` n'est pas un texte (code de classe, identifiant
        d'élève) ; ``None`` si elle en est un."""
        if isinstance(valeur, str):
            return None
        return self.annoncer(f"⚠ {quoi} s'indique par un texte (reçu : "
                             f"{decrire_valeur(valeur)}).")

    @action_du_socle
    def choisir_classe(self, classe: str | None) -> str:
        """Choisit une classe, puis son premier élève."""
        refus = self.refus_de_choix_de_classe(classe)
        if refus is not None:
            return refus

        def choisir() -> str:
            eleves = self.eleves_de(classe)     # classe inconnue : message français
            self.classe = classe
            self.remplir(self.choix_classe, self.choix_classe.options, classe)
            self.remplir(self.choix_eleve, eleves)
            if eleves:
                return self.choisir_eleve(eleves[0][1])
            return self.annoncer(f"La classe {classe} n'a pas d'élève.")

        return self.tenter(choisir)

    @action_du_socle
    def choisir_eleve(self, eleve: str | None) -> str:
        """Les vues qui affichent les données d'un élève redéfinissent cette action."""
        return self.annoncer(f"⚠ « {self.nom_service} » ne se consulte pas élève par élève.")

    def selectionner_eleve(self, eleve: str) -> None:
        """Aligne la liste déroulante sur l'élève affiché (sans relancer l'affichage)."""
        choix = getattr(self, "choix_eleve", None)
        if choix is not None and eleve in [v for _, v in choix.options]:
            self.remplir(choix, choix.options, eleve)

    def aucune_classe(self) -> str:
        self.montrer("", [])
        return self.annoncer("Aucune classe à afficher : vos fonctions ne vous donnent accès "
                             "aux données d'aucune classe dans ce service.")
