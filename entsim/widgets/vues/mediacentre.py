"""Vue « Médiacentre » : les ressources des éditeurs attribuées à la personne ; en ouvrir une
montre qu'aucune nouvelle connexion n'est demandée et, côte à côte, ce que l'ENT sait de la
personne et ce que l'éditeur reçoit du GAR."""

from __future__ import annotations

import ipywidgets as widgets

from entsim.widgets.vues._contexte import ContexteVue
from entsim.widgets.vues._vie_eleve import VueVieEleve


class VueMediacentre(VueVieEleve):
    """Élèves, enseignants et personnels : leurs ressources (les parents n'ont pas de
    médiacentre)."""

    def __init__(self, contexte: ContexteVue, code: str = "mediacentre") -> None:
        super().__init__(contexte, code)
        self.ressources = []
        self.derniere_ouverture = None
        if not self.acces_au_service():
            return
        self.choix_ressource = self.liste("Ressource :", [], lambda _v: None)
        self.controles.children = [widgets.HBox([
            self.choix_ressource,
            self.bouton("Ouvrir la ressource", lambda: self.ouvrir(self.choix_ressource.value))])]
        self.afficher_liste()

    def afficher_liste(self) -> str:
        """La liste des ressources attribuées."""
        def afficher() -> str:
            self.ressources = self.service.ressources_de(self.identifiant,
                                                         poste=self.contexte.poste)
            self.remplir(self.choix_ressource, [(r.titre, r.code) for r in self.ressources])
            lignes = [(r.titre, r.nature, r.editeur) for r in self.ressources]
            self.montrer(self.tableau(["Ressource", "Nature", "Éditeur"], lignes,
                                      "Vos ressources numériques"),
                         [f"{t} — {n} — {e}" for t, n, e in lignes])
            n = len(self.ressources)
            attribuees = ("Aucune ressource numérique ne vous est attribuée." if n == 0 else
                          "1 ressource numérique vous est attribuée ; elle s'ouvre sans "
                          "nouvelle connexion." if n == 1 else
                          f"{n} ressources numériques vous sont attribuées ; elles s'ouvrent "
                          "sans nouvelle connexion.")
            return self.annoncer(attribuees)
        return self.tenter(afficher, affichage=True)

    def ouvrir(self, code: str | None) -> str:
        """Ouvre une ressource par le GAR et montre ce que reçoit l'éditeur."""
        def faire() -> str:
            if not code:
                return self.annoncer("⚠ Choisissez d'abord une ressource.")
            o = self.service.ouvrir(self.identifiant, code, poste=self.contexte.poste)
            self.derniere_ouverture = o
            if not o.ok:
                return self.annoncer(f"⚠ {o.message}")
            lignes = o.comparaison()
            self.montrer(
                self.paragraphe(o.message)
                + self.tableau(["Donnée", "Ce que sait l'ENT", "Ce que reçoit l'éditeur"],
                               lignes, f"Le GAR filtre les données personnelles — "
                                       f"{o.ressource.editeur}"),
                [o.message] + [f"{d} — ENT : {e} — éditeur : {r}" for d, e, r in lignes])
            return self.annoncer(o.message)
        return self.tenter(faire)


VUE = VueMediacentre
