"""Vue « Folios (orientation) » : le portfolio d'un élève ; l'élève y ajoute ses expériences,
ses professeurs les commentent, sa famille les lit."""

from __future__ import annotations

from entsim.etablissement.annuaire import Eleve
from entsim.autorisation.service import Action, Ressource
from entsim.services.orientation import TYPES
from entsim.socle.texte import accorder
from entsim.services._vie_eleve import date_fr
from entsim.autorisation.habilitations.ressources import de
from entsim.widgets.vues._contexte import ContexteVue, decrire_valeur
from entsim.widgets.vues._vie_eleve import VueVieEleve


class VueFolios(VueVieEleve):
    """Élève : son portfolio et l'ajout d'une entrée. Parent : le portfolio de l'enfant
    choisi. Enseignants : celui d'un élève de leurs classes, avec commentaire. Direction,
    CPE : lecture."""

    def __init__(self, contexte: ContexteVue, code: str = "orientation") -> None:
        super().__init__(contexte, code)
        if not self.acces_au_service():
            return
        self.choix_entree = self.liste("Entrée :", [], lambda _v: None)
        self.construire_choix_eleve()
        controles = list(self.controles.children)
        if isinstance(self.personne, Eleve):
            self.choix_type = self.liste("Type :", list(TYPES), lambda _v: None)
            self.champ_titre = self.champ("Titre :")
            self.champ_description = self.champ("Description :", long=True)
            self.champ_date = self.champ("Date (JJ/MM/AAAA) :")
            controles += [self.choix_type, self.champ_titre, self.champ_description,
                          self.champ_date,
                          self.bouton("Ajouter à mon Folios", lambda: self.ajouter(
                              self.choix_type.value, self.champ_titre.value,
                              self.champ_description.value, self.champ_date.value))]
        elif self.eleve and self.service.permis(self.identifiant, Action.ECRIRE,
                                                Ressource("orientation", eleve=self.eleve)):
            self.champ_commentaire = self.champ("Commentaire :", long=True)
            controles += [self.choix_entree, self.champ_commentaire,
                          self.bouton("Commenter", lambda: self.commenter(
                              self.choix_entree.value, self.champ_commentaire.value))]
        self.controles.children = controles

    def choisir_eleve(self, eleve: str | None) -> str:
        """Affiche le portfolio d'un élève."""
        if not eleve:
            return self.annonce.value
        refus = self.verifier_choix(eleve, "L'élève")
        if refus is not None:
            return refus
        self.eleve = eleve
        self.selectionner_eleve(eleve)

        def afficher() -> str:
            entrees = self.service.portfolio(self.identifiant, eleve, poste=self.contexte.poste)
            nom = self.ent.etablissement.personne(eleve).nom_complet
            noms = {c.auteur: self.service.nom_de(c.auteur) for e in entrees
                    for c in e.commentaires}
            self.remplir(self.choix_entree, [(f"{e.titre} ({e.date:%d/%m/%Y})", e.numero)
                                             for e in entrees])
            lignes = [(date_fr(e.date, avec_jour=False), e.type, e.titre, e.description or "—",
                       " ; ".join(f"{noms[c.auteur]} : {c.texte}" for c in e.commentaires)
                       or "—") for e in entrees]
            self.montrer(self.tableau(["Date", "Type", "Titre", "Description", "Commentaires"],
                                      lignes, f"Folios {de(nom)}"),
                         [e.en_texte(noms) for e in entrees])
            return self.annoncer(f"Folios {de(nom)} : {accorder(len(entrees), 'entrée')}.")

        return self.tenter(afficher, affichage=True)

    def ajouter(self, type: str, titre: str, description: str = "", le: str = "") -> str:
        """L'élève ajoute une entrée à son portfolio."""
        def faire() -> str:
            if le is not None and not isinstance(le, str):
                return self.annoncer(f"⚠ La date s'écrit JJ/MM/AAAA (reçu : "
                                     f"{decrire_valeur(le)}).")
            e = self.service.ajouter(self.identifiant, self.eleve or self.identifiant, type,
                                     titre, description, le=(le or "").strip() or None,
                                     poste=self.contexte.poste)
            self.choisir_eleve(e.eleve)
            return self.annoncer(f"Entrée « {e.titre} » ajoutée à votre Folios ; votre "
                                 f"famille et vos professeurs peuvent la lire.")
        return self.tenter(faire)

    def commenter(self, numero: int | None, texte: str) -> str:
        """Un enseignant commente une entrée du portfolio affiché."""
        def faire() -> str:
            if numero is None:
                return self.annoncer("⚠ Choisissez d'abord une entrée.")
            e = self.service.commenter(self.identifiant, numero, texte,
                                       poste=self.contexte.poste)
            self.choisir_eleve(e.eleve)
            return self.annoncer(f"Commentaire ajouté à « {e.titre} ».")
        return self.tenter(faire)


VUE = VueFolios
