"""Vue « Cahier de textes » : les séances et le travail à faire d'une classe ; un enseignant
y publie la séance de sa discipline."""

from __future__ import annotations

import ipywidgets as widgets

from entsim.etablissement.annuaire import Enseignant
from entsim.socle.texte import accorder
from entsim.services._vie_eleve import date_fr
from entsim.widgets.vues._contexte import ContexteVue, decrire_valeur
from entsim.widgets.vues._vie_eleve import VueVieEleve

AFFICHAGES = {"Travail à faire": "travail", "Toutes les séances": "seances"}


class VueCahierDeTextes(VueVieEleve):
    """Élève : sa classe. Parent : la classe de l'enfant choisi. Enseignant : ses classes, et
    la publication d'une séance. Personnels : toutes les classes."""

    def __init__(self, contexte: ContexteVue, code: str = "cahier_de_textes") -> None:
        super().__init__(contexte, code)
        self.affichage = "travail"
        self.enseignant = False
        if not self.acces_au_service():
            return
        classes = self.classes_proposees()
        self.choix_classe = self.liste("Classe :", classes, self.choisir_classe)
        self.choix_affichage = widgets.ToggleButtons(options=list(AFFICHAGES),
                                                     description="Afficher :")
        self.choix_affichage.observe(
            lambda ch: None if self._silence else self.afficher(AFFICHAGES[ch["new"]]),
            names="value")
        controles: list[widgets.Widget] = [widgets.HBox([self.choix_classe,
                                                         self.choix_affichage])]
        self.enseignant = isinstance(self.personne, Enseignant) and bool(
            self.personne.enseignements)
        if self.enseignant:
            self.choix_discipline = self.liste("Discipline :", [], lambda _v: None)
            self.champ_contenu = self.champ("Contenu de la séance :", long=True)
            self.champ_travail = self.champ("Travail à faire :")
            self.champ_echeance = self.champ("Pour le (JJ/MM/AAAA) :")
            controles += [self.choix_discipline, self.champ_contenu,
                          widgets.HBox([self.champ_travail, self.champ_echeance]),
                          self.bouton("Publier la séance", lambda: self.ecrire(
                              self.choix_discipline.value, self.champ_contenu.value,
                              self.champ_travail.value, self.champ_echeance.value))]
        self.controles.children = controles
        self.choisir_classe_initiale(classes)

    def choisir_classe(self, classe: str | None) -> str:
        """Affiche le cahier de textes d'une classe."""
        refus = self.refus_de_choix_de_classe(classe)
        if refus is not None:
            return refus

        def choisir() -> str:
            enseignements = self.ent.etablissement.classe(classe).enseignements  # inconnue ?
            self.classe = classe
            self.remplir(self.choix_classe, self.choix_classe.options, classe)
            if self.enseignant:
                self.remplir(self.choix_discipline, [
                    d for d, prof in enseignements.items() if prof == self.identifiant])
            return self.afficher(self.affichage)

        return self.tenter(choisir)

    def afficher(self, affichage: str = "travail") -> str:
        """« travail » : le travail à faire à partir d'aujourd'hui ; « seances » : toutes les
        séances (contenu et travail)."""
        if not isinstance(affichage, str) or affichage not in AFFICHAGES.values():
            return self.annoncer(f"⚠ Affichage inconnu : {decrire_valeur(affichage)}. "
                                 "Choisissez « travail » (le travail à faire) ou « seances » "
                                 "(toutes les séances).")
        if self.classe is None:
            return self.annoncer("⚠ Choisissez d'abord une classe.")
        self.affichage = affichage
        libelle = next(k for k, v in AFFICHAGES.items() if v == affichage)
        self.remplir(self.choix_affichage, self.choix_affichage.options, libelle)

        def montrer() -> str:
            poste = self.contexte.poste
            if affichage == "travail":
                seances = self.service.travail_a_faire(self.identifiant, self.classe,
                                                       poste=poste)
                lignes = [(date_fr(s.pour_le), s.discipline, s.travail,
                           f"donné le {date_fr(s.debut)}") for s in seances]
                html = self.tableau(["Pour le", "Discipline", "Travail à faire", "Donné"],
                                    lignes, f"Travail à faire — {self.classe}")
                texte = [f"Pour le {a} — {b} : {c} ({d})" for a, b, c, d in lignes]
                phrase = (f"Travail à faire en {self.classe} : "
                          f"{accorder(len(seances), 'devoir')}.")
            else:
                seances = self.service.seances(self.identifiant, self.classe, poste=poste)
                html = self.tableau(["Date", "Horaire", "Discipline", "Contenu",
                                     "Travail à faire"], self.service.lignes(seances),
                                    f"Cahier de textes — {self.classe}")
                texte = [s.en_texte(self.service.nom_de(s.enseignant)) for s in seances]
                phrase = (f"Cahier de textes de {self.classe} : "
                          f"{accorder(len(seances), 'séance')}.")
            self.montrer(html, texte)
            return self.annoncer(phrase)

        return self.tenter(montrer, affichage=True)

    def ecrire(self, discipline: str | None, contenu: str, travail: str = "",
               pour_le: str = "") -> str:
        """L'enseignant publie la prochaine séance de sa discipline dans la classe choisie."""
        def publier() -> str:
            if not self.enseignant:
                return self.annoncer("⚠ Seul un enseignant de la classe publie une séance "
                                     "dans le cahier de textes.")
            if not discipline:
                return self.annoncer("⚠ Choisissez d'abord la discipline.")
            if pour_le is not None and not isinstance(pour_le, str):
                return self.annoncer(f"⚠ La date du travail s'écrit JJ/MM/AAAA (reçu : "
                                     f"{decrire_valeur(pour_le)}).")
            s = self.service.ecrire(self.identifiant, self.classe, discipline, contenu,
                                    travail=travail,
                                    pour_le=(pour_le or "").strip() or None,
                                    poste=self.contexte.poste)
            self.afficher("seances")
            suite = f" Travail à faire pour le {date_fr(s.pour_le)}." if s.travail else ""
            return self.annoncer(f"Séance du {date_fr(s.debut)} publiée dans le cahier de "
                                 f"textes de {s.classe} ({s.discipline}).{suite}")
        return self.tenter(publier)


VUE = VueCahierDeTextes
