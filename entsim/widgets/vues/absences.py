"""Vue « Absences et retards » : l'élève et sa famille voient ses absences (et la famille les
justifie) ; les enseignants font l'appel ; la vie scolaire suit la classe et traite les
justificatifs."""

from __future__ import annotations

import ipywidgets as widgets

from entsim.etablissement.annuaire import Eleve, Parent
from entsim.autorisation.service import Action, Ressource
from entsim.services.absences import MOTIFS, NATURES, STATUTS, Bilan
from entsim.socle.texte import accorder
from entsim.services._vie_eleve import date_courte, heure_fr
from entsim.autorisation.habilitations.ressources import de
from entsim.widgets.vues._contexte import ContexteVue, decrire_valeur
from entsim.widgets.vues._vie_eleve import VueVieEleve

_LE = {"absence": "l'absence", "retard": "le retard"}
_ENREGISTRE = {"absence": "enregistrée", "retard": "enregistré"}
ENTETES = ["Élève", "Nature", "Quand", "Cours", "Statut", "Motif et commentaire de la famille"]


class VueAbsences(VueVieEleve):
    """Famille (élève, parent) : les absences d'un élève et le formulaire de justification.
    Établissement (enseignant, vie scolaire, direction) : les absences d'une classe, l'appel
    et le traitement des justificatifs."""

    def __init__(self, contexte: ContexteVue, code: str = "absences") -> None:
        super().__init__(contexte, code)
        self.famille = isinstance(self.personne, (Eleve, Parent))
        if not self.acces_au_service():
            return
        self.famille = isinstance(self.personne, (Eleve, Parent))
        if self.famille:
            self._construire_famille()
        else:
            self._construire_etablissement()

    # -- famille ---------------------------------------------------------------------------
    def _construire_famille(self) -> None:
        self.choix_a_justifier = self.liste("Absence à justifier :", [], lambda _v: None)
        self.choix_motif = self.liste("Motif :", [(l, c) for c, l in MOTIFS.items()],
                                      lambda _v: None)
        self.champ_commentaire = self.champ("Commentaire :", long=True)
        self.construire_choix_eleve()
        if isinstance(self.personne, Parent):
            self.controles.children = tuple(self.controles.children) + (
                widgets.HBox([self.choix_a_justifier, self.choix_motif]),
                self.champ_commentaire,
                self.bouton("Justifier", lambda: self.justifier(
                    self.choix_a_justifier.value, self.choix_motif.value,
                    self.champ_commentaire.value)))

    def choisir_eleve(self, eleve: str | None) -> str:
        """Affiche les absences et retards d'un élève, avec son bilan."""
        if not eleve:
            return self.annonce.value
        refus = self.verifier_choix(eleve, "L'élève")
        if refus is not None:
            return refus
        if not self.famille:
            if eleve not in [v for _, v in (self.choix_eleve.options
                                            if self.choix_eleve is not None else [])]:
                return self.annoncer(f"⚠ Choisissez un élève de la classe affichée "
                                     f"(reçu : {decrire_valeur(eleve)}).")
            self.eleve = eleve
            self.selectionner_eleve(eleve)
            return self.annonce.value
        self.eleve = eleve
        self.selectionner_eleve(eleve)

        def afficher() -> str:
            poste = self.contexte.poste
            # une seule lecture tracée : le bilan se calcule sur les événements lus
            evenements = self.service.evenements_de(self.identifiant, eleve, poste=poste)
            bilan = Bilan.des_evenements(eleve, evenements)
            nom = self.ent.etablissement.personne(eleve).nom_complet
            self.remplir(self.choix_a_justifier, [
                (f"{NATURES[e.nature]} du {date_courte(e.debut)} à {heure_fr(e.debut)} "
                 f"({e.cours})", e.numero) for e in evenements if e.statut == "a_justifier"])
            self.montrer(self.tableau(ENTETES, self._lignes_de(evenements),
                                      f"Absences et retards {de(nom)}")
                         + self.paragraphe(f"Bilan : {bilan.en_texte()}"),
                         [f"Bilan : {bilan.en_texte()}"] + [e.en_texte() for e in evenements])
            return self.annoncer(f"Absences {de(nom)} : {bilan.en_texte()}")

        return self.tenter(afficher, affichage=True)

    def justifier(self, numero: int | None, motif: str, commentaire: str = "") -> str:
        """Le parent justifie une absence (motif et commentaire libre)."""
        def envoyer() -> str:
            if numero is None:
                return self.annoncer("⚠ Aucune absence à justifier pour cet élève.")
            ev = self.service.justifier(self.identifiant, numero, motif, commentaire,
                                        poste=self.contexte.poste)
            if self.famille:
                self.champ_commentaire.value = ""
                self.choisir_eleve(ev.eleve)
            else:
                self.choisir_classe(self.classe)
            return self.annoncer(f"Justification envoyée (motif : "
                                 f"{ev.justification.libelle_motif}) : {_LE[ev.nature]} du "
                                 f"{date_courte(ev.debut)} est {STATUTS[ev.statut]}.")
        return self.tenter(envoyer)

    # -- établissement ---------------------------------------------------------------------
    def _construire_etablissement(self) -> None:
        classes = self.classes_proposees()
        self.choix_classe = self.liste("Classe :", classes, self.choisir_classe)
        self.choix_eleve = self.liste("Élève :", [], self.choisir_eleve)
        self.choix_nature = widgets.ToggleButtons(options=[(l, c) for c, l in NATURES.items()],
                                                  description="Nature :")
        self.choix_a_traiter = self.liste("Justification à traiter :", [], lambda _v: None)
        controles: list[widgets.Widget] = [widgets.HBox([self.choix_classe, self.choix_eleve])]
        eleve_type = next((e for c in classes for e in self.ent.etablissement.classe(c).eleves),
                          None)
        if eleve_type and self.service.permis(self.identifiant, Action.ECRIRE,
                                              Ressource.absences_de(eleve_type)):
            controles.append(widgets.HBox([self.choix_nature, self.bouton(
                "Signaler", lambda: self.signaler(self.choix_eleve.value,
                                                  self.choix_nature.value))]))
        if eleve_type and self.service.permis(self.identifiant, Action.MODIFIER,
                                              Ressource.absences_de(eleve_type)):
            controles.append(widgets.HBox([
                self.choix_a_traiter,
                self.bouton("Accepter", lambda: self.traiter(self.choix_a_traiter.value, True)),
                self.bouton("Refuser", lambda: self.traiter(self.choix_a_traiter.value, False))]))
        self.controles.children = controles
        self.choisir_classe_initiale(classes)

    def choisir_classe(self, classe: str | None) -> str:
        """Affiche les absences et retards de toute une classe."""
        if self.famille or self.choix_classe is None:
            return super().choisir_classe(classe)
        if not classe:
            return self.annonce.value
        refus = self.verifier_choix(classe, "La classe")
        if refus is not None:
            return refus

        def afficher() -> str:
            eleves = self.eleves_de(classe)
            self.classe = classe
            self.remplir(self.choix_classe, self.choix_classe.options, classe)
            self.remplir(self.choix_eleve, eleves)
            evenements = self.service.evenements_de_la_classe(self.identifiant, classe,
                                                             poste=self.contexte.poste)
            self.remplir(self.choix_a_traiter, [
                (f"{self.service.nom_de(e.eleve)} — {date_courte(e.debut)} "
                 f"({e.justification.libelle_motif})", e.numero)
                for e in evenements if e.statut == "justifiee"])
            a_justifier = sum(1 for e in evenements if e.statut == "a_justifier")
            self.montrer(self.tableau(ENTETES, self._lignes_de(evenements),
                                      f"Absences et retards — {classe}"),
                         [f"{self.service.nom_de(e.eleve)} : {e.en_texte()}"
                          for e in evenements])
            return self.annoncer(f"Absences et retards de {classe} : "
                                 f"{accorder(len(evenements), 'événement')}, dont "
                                 f"{a_justifier} à justifier.")

        return self.tenter(afficher, affichage=True)

    def signaler(self, eleve: str | None, nature: str = "absence") -> str:
        """L'appel : signale l'élève absent (ou en retard) à l'heure actuelle."""
        def faire() -> str:
            if not eleve:
                return self.annoncer("⚠ Choisissez d'abord un élève.")
            if not isinstance(eleve, str):
                return self.annoncer(f"⚠ L'élève s'indique par son identifiant (reçu : "
                                     f"{decrire_valeur(eleve)}).")
            ev = self.service.signaler(self.identifiant, eleve, nature,
                                       poste=self.contexte.poste)
            self.choisir_classe(self.classe)
            return self.annoncer(f"{NATURES[ev.nature]} {de(self.service.nom_de(eleve))} "
                                 f"{_ENREGISTRE[ev.nature]} le {date_courte(ev.debut)} à "
                                 f"{heure_fr(ev.debut)} ({ev.cours}) ; sa famille le voit dans "
                                 f"l'ENT.")
        return self.tenter(faire)

    def traiter(self, numero: int | None, accepter: bool) -> str:
        """La vie scolaire accepte ou refuse une justification de la famille."""
        def faire() -> str:
            if numero is None:
                return self.annoncer("⚠ Aucune justification en attente dans cette classe.")
            if not isinstance(accepter, bool):
                return self.annoncer("⚠ Pour traiter une justification : True (accepter) ou "
                                     "False (refuser).")
            ev = self.service.traiter(self.identifiant, numero, accepter,
                                      poste=self.contexte.poste)
            self.choisir_classe(self.classe)
            return self.annoncer(f"{NATURES[ev.nature]} {de(self.service.nom_de(ev.eleve))} du "
                                 f"{date_courte(ev.debut)} : {STATUTS[ev.statut]}.")
        return self.tenter(faire)

    # -- commun ------------------------------------------------------------------------------
    def _lignes_de(self, evenements) -> list[tuple[str, ...]]:
        lignes = []
        for e in evenements:
            j = e.justification
            justification = (f"{j.libelle_motif}" + (f" — « {j.commentaire} »"
                                                      if j.commentaire else "")) if j else "—"
            quand = (f"{date_courte(e.debut)}, {heure_fr(e.debut)} – {heure_fr(e.fin)}"
                     if e.nature == "absence" else
                     f"{date_courte(e.debut)}, {int((e.fin - e.debut).total_seconds() // 60)} "
                     f"min à {heure_fr(e.debut)}")
            lignes.append((self.service.nom_de(e.eleve), NATURES[e.nature], quand, e.cours,
                           STATUTS[e.statut], justification))
        return lignes


VUE = VueAbsences
