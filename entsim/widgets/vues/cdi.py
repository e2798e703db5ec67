"""Vue « Catalogue du CDI » : la recherche documentaire pour tous ; l'ajout d'une notice pour
le professeur documentaliste."""

from __future__ import annotations

import ipywidgets as widgets

from entsim.autorisation.service import Action, Ressource
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite
from entsim.socle.texte import accorder
from entsim.services.cdi import CHAMPS, TYPES
from entsim.widgets.vues._contexte import ContexteVue
from entsim.widgets.vues._vie_eleve import VueVieEleve

ENTETES = ["Titre", "Auteurs", "Type", "Cote", "Sujets", "Disponibilité"]


class VueCDI(VueVieEleve):
    """Rechercher (sans tenir compte des accents) ; cataloguer (documentaliste)."""

    def __init__(self, contexte: ContexteVue, code: str = "cdi") -> None:
        super().__init__(contexte, code)
        if not self.acces_au_service():
            return
        self.champ_recherche = self.champ("Rechercher :")
        self.choix_champ = self.liste("Dans :", [(l, c) for c, l in CHAMPS.items()],
                                      lambda _v: None)
        self.case_disponibles = widgets.Checkbox(description="Disponibles seulement")
        controles: list[widgets.Widget] = [widgets.HBox([
            self.champ_recherche, self.choix_champ, self.case_disponibles,
            self.bouton("Rechercher", lambda: self.rechercher(
                self.champ_recherche.value, self.choix_champ.value,
                self.case_disponibles.value))])]
        self.documentaliste = self.service.permis(self.identifiant, Action.ECRIRE,
                                                  Ressource("cdi"))
        if self.documentaliste:
            self.champs_notice = {nom: self.champ(libelle) for nom, libelle in (
                ("titre", "Titre :"), ("auteurs", "Auteurs (séparés par des virgules) :"),
                ("editeur", "Éditeur :"), ("annee", "Année :"),
                ("sujets", "Sujets (séparés par des virgules) :"))}
            self.choix_type = self.liste("Type :", list(TYPES), lambda _v: None)
            controles += [widgets.HTML("<b>Nouvelle notice</b>"),
                          *self.champs_notice.values(), self.choix_type,
                          self.bouton("Ajouter la notice", lambda: self.ajouter_notice(
                              **{n: c.value for n, c in self.champs_notice.items()},
                              type=self.choix_type.value))]
        self.controles.children = controles
        self.rechercher("")

    def rechercher(self, texte: str, champ: str = "tout",
                   disponibles_seulement: bool = False) -> str:
        """Cherche dans le catalogue et affiche les notices trouvées."""
        def chercher() -> str:
            notices = self.service.rechercher(self.identifiant, texte, champ=champ,
                                              disponibles_seulement=disponibles_seulement,
                                              poste=self.contexte.poste)
            lignes = [(n.titre, ", ".join(n.auteurs), n.type, n.cote, ", ".join(n.sujets),
                       n.disponibilite) for n in notices]
            legende = f"Recherche « {texte} » dans {CHAMPS[champ]}" if texte.strip() \
                else "Tout le catalogue"
            self.montrer(self.tableau(ENTETES, lignes, legende),
                         [n.en_texte() for n in notices])
            quoi = f"pour « {texte.strip()} »" if texte.strip() else "dans tout le catalogue"
            return self.annoncer(f"{accorder(len(notices), 'notice trouvée')} {quoi}.")
        return self.tenter(chercher, affichage=True)

    def ajouter_notice(self, titre: str, auteurs: str, editeur: str = "", annee: str = "",
                       sujets: str = "", type: str = "Livre") -> str:
        """Le professeur documentaliste ajoute une notice au catalogue."""
        def ajouter() -> str:
            annee_lue = None
            brute = annee.strip() if isinstance(annee, str) else annee
            if isinstance(brute, int) and not isinstance(brute, bool):
                annee_lue = brute
            elif brute not in ("", None):
                if not (isinstance(brute, str) and brute.isascii() and brute.isdigit()):
                    raise ValeurInvalide(f"L'année s'écrit en chiffres, par exemple 2024 "
                                         f"(reçu : {cite(annee)}).")
                annee_lue = int(brute)
            n = self.service.ajouter_notice(self.identifiant, titre, auteurs, editeur=editeur,
                                            annee=annee_lue, type=type, sujets=sujets,
                                            poste=self.contexte.poste)
            self.rechercher(n.titre, "titre")
            return self.annoncer(f"Notice « {n.titre} » ajoutée au catalogue (cote {n.cote}).")
        return self.tenter(ajouter)


VUE = VueCDI
