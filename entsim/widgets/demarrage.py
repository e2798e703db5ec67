"""Widgets du notebook de démarrage : explorer le catalogue des services et les classes."""

from __future__ import annotations

import ipywidgets as widgets

from entsim.etablissement.annuaire import Profil
from entsim.etablissement.annuaire import profil_depuis
from entsim.etablissement.catalogue import LIBELLES_USAGE
from entsim.socle.erreurs import ErreurENT
from entsim.etablissement.generation import CLASSE_DEMO
from entsim.widgets.mise_en_forme import tableau_html
from entsim.widgets.repli import AvecRepli


class ExplorateurServices(AvecRepli):
    """Choisir un profil (Élève, Parent…) et voir les services qu'il utilise, et comment."""

    def __init__(self, ent) -> None:
        self.ent = ent
        self.choix = widgets.Dropdown(
            options=[p.value for p in Profil], value=Profil.ELEVE.value,
            description="Profil :", style={"description_width": "initial"})
        self.resume = widgets.Label()           # l'effet, en texte (lecteurs d'écran)
        self.table = widgets.HTML()
        self.choix.observe(lambda changement: self.choisir(changement["new"]), names="value")
        self.vue = widgets.VBox([self.choix, self.resume, self.table])
        self.choisir(self.choix.value)

    def choisir(self, profil: Profil | str) -> str:
        """Affiche les services du profil ; renvoie la phrase de résumé."""
        try:
            p = profil_depuis(profil)
        except ErreurENT as erreur:
            self.resume.value = str(erreur)
            self.table.value = ""
            return self.resume.value
        if self.choix.value != p.value:
            self.choix.value = p.value          # relance choisir() par l'observateur
            return self.resume.value
        services = self.ent.catalogue.pour_profil(p)
        self.resume.value = (f"Profil {p.value} : {len(services)} services sur "
                             f"{len(self.ent.catalogue)}.")
        self.table.value = tableau_html(
            ["Service", "Usage", "À quoi il sert"],
            [(s.nom, LIBELLES_USAGE[s.usage(p)], s.description) for s in services])
        return self.resume.value

    NOM_AFFICHE = "Explorateur des services par profil"


class ExplorateurClasses(AvecRepli):
    """Choisir une classe et voir ses élèves, leurs responsables légaux et ses enseignants."""

    def __init__(self, ent) -> None:
        self.ent = ent
        codes = sorted(ent.etablissement.classes)
        depart = CLASSE_DEMO if CLASSE_DEMO in codes else (codes[0] if codes else None)
        self.choix = widgets.Dropdown(options=codes, value=depart,
                                      description="Classe :",
                                      style={"description_width": "initial"})
        self.resume = widgets.Label()
        self.eleves = widgets.HTML()
        self.enseignants = widgets.HTML()
        self.choix.observe(lambda changement: self.choisir(changement["new"]), names="value")
        self.vue = widgets.VBox([self.choix, self.resume, self.eleves, self.enseignants])
        if depart is not None:
            self.choisir(depart)

    def choisir(self, code: str) -> str:
        etab = self.ent.etablissement
        try:
            classe = etab.classe(code)
        except ErreurENT as erreur:
            self.resume.value = str(erreur)
            return self.resume.value
        if self.choix.value != code:
            self.choix.value = code
            return self.resume.value
        eleves = etab.eleves_de(code)
        pp = etab.personnes.get(classe.professeur_principal or "")
        effectif = f"{len(eleves)} élève" + ("s" if len(eleves) > 1 else "")
        self.resume.value = (f"{classe.libelle} : {effectif} ; professeur principal : "
                             f"{pp.nom_complet if pp else 'non désigné'}.")
        self.eleves.value = tableau_html(
            ["Élève", "Identifiant", "Responsables légaux"],
            [(e.nom_complet, e.identifiant,
              ", ".join(r.nom_complet for r in etab.responsables_de(e.identifiant)))
             for e in eleves], legende="Élèves")
        self.enseignants.value = tableau_html(
            ["Discipline", "Enseignant"],
            [(discipline, etab.personne(ident).nom_complet)
             for discipline, ident in sorted(classe.enseignements.items())],
            legende="Équipe pédagogique")
        return self.resume.value

    NOM_AFFICHE = "Explorateur des classes"
