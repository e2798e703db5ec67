"""Vue « Notes » : le relevé (élève, parent, direction, CPE) ou le carnet de notes de la
classe (enseignant), avec la saisie d'une note."""

from __future__ import annotations

import ipywidgets as widgets

from entsim.etablissement.annuaire import Enseignant
from entsim.services.notes import texte_moyenne
from entsim.socle.texte import accorder
from entsim.services._vie_eleve import date_courte, nombre_fr
from entsim.autorisation.habilitations.ressources import de
from entsim.widgets.vues._contexte import ContexteVue
from entsim.widgets.vues._vie_eleve import VueVieEleve


class VueNotes(VueVieEleve):
    """Élève : son relevé. Parent : le relevé de l'enfant choisi. Enseignant : les notes de
    ses classes dans sa discipline, et la saisie. Direction, CPE : le relevé d'un élève choisi
    dans une classe."""

    def __init__(self, contexte: ContexteVue, code: str = "notes") -> None:
        super().__init__(contexte, code)
        self.classe: str | None = None
        self.discipline: str | None = None
        self.eleve: str | None = None
        self.mode = "releve"
        self.choix_discipline: widgets.Dropdown | None = None
        if not self.acces_au_service():
            return
        p = self.personne
        if isinstance(p, Enseignant) and p.enseignements:
            self.mode = "enseignant"
            self._construire_enseignant()
        else:
            self.mode = "releve"
            self.construire_choix_eleve()

    # -- relevé (élève, parent, suivi) -----------------------------------------------------
    def choisir_eleve(self, eleve: str | None) -> str:
        """Affiche le relevé de notes d'un élève."""
        if not eleve:
            return self.annonce.value
        refus = self.verifier_choix(eleve, "L'élève")
        if refus is not None:
            return refus
        if self.mode == "enseignant":
            return self.annoncer("⚠ Le carnet de notes se choisit par classe et par "
                                 "discipline ; l'élève se choisit au moment de saisir une "
                                 "note.")
        self.eleve = eleve
        self.selectionner_eleve(eleve)

        def afficher() -> str:
            r = self.service.releve(self.identifiant, eleve, poste=self.contexte.poste)
            lignes = [(l.discipline, l.enseignant,
                       " ; ".join(f"{e.titre} : {n.texte if n else 'non notée'} "
                                  f"(coef. {nombre_fr(e.coefficient)}, {date_courte(e.date)})"
                                  for e, n in l.notes),
                       texte_moyenne(l.moyenne), texte_moyenne(l.moyenne_classe))
                      for l in r.lignes]
            general = (f"Moyenne générale : {texte_moyenne(r.moyenne_generale)} (moyenne de la "
                       f"classe : {texte_moyenne(r.moyenne_generale_classe)}).")
            self.montrer(self.tableau(["Discipline", "Enseignant", "Notes sur 20",
                                       "Moyenne", "Moyenne de la classe"], lignes,
                                      f"Relevé de notes {de(r.nom)} ({r.classe})")
                         + self.paragraphe(general)
                         + self.paragraphe("« Abs » : absent ; « Disp » : dispensé (ces "
                                           "mentions ne comptent pas dans la moyenne)."),
                         r.en_texte().splitlines())
            return self.annoncer(f"Relevé de notes {de(r.nom)} affiché : {general}")

        return self.tenter(afficher, affichage=True)

    def choisir_classe(self, classe: str | None) -> str:
        """Choisit une classe (enseignant : son carnet ; direction, CPE : ses élèves)."""
        if self.mode == "releve":
            return super().choisir_classe(classe)
        if not classe:
            return self.annonce.value
        refus = self.verifier_choix(classe, "La classe")
        if refus is not None:
            return refus

        def choisir() -> str:
            disciplines = self.service.disciplines_enseignees(self.identifiant, classe) or \
                list(self.ent.etablissement.classe(classe).enseignements)
            eleves = self.eleves_de(classe)
            self.classe = classe
            self.remplir(self.choix_classe, self.choix_classe.options, classe)
            self.remplir(self.choix_discipline, disciplines)
            self.remplir(self.choix_eleve, eleves)
            if not disciplines:
                return self.annoncer(f"⚠ Aucune discipline enseignée en {classe}.")
            return self.choisir_discipline(disciplines[0])

        return self.tenter(choisir)

    # -- carnet de l'enseignant ------------------------------------------------------------
    def _construire_enseignant(self) -> None:
        classes = self.classes_proposees()
        self.choix_classe = self.liste("Classe :", classes, self.choisir_classe)
        self.choix_discipline = self.liste("Discipline :", [], self.choisir_discipline)
        self.titre_evaluation = self.champ("Nouvelle évaluation :", "")
        self.coefficient = self.champ("Coefficient :", "1")
        self.choix_evaluation = self.liste("Évaluation :", [], lambda _v: None)
        self.choix_eleve = self.liste("Élève :", [], lambda _v: None)
        self.champ_note = self.champ("Note sur 20 :", "")
        self.controles.children = [
            widgets.HBox([self.choix_classe, self.choix_discipline]),
            widgets.HBox([self.titre_evaluation, self.coefficient,
                          self.bouton("Créer l'évaluation", lambda: self.creer_evaluation(
                              self.titre_evaluation.value, self.coefficient.value))]),
            widgets.HBox([self.choix_evaluation, self.choix_eleve, self.champ_note,
                          self.bouton("Enregistrer la note", lambda: self.saisir_note(
                              self.choix_eleve.value, self.choix_evaluation.value,
                              self.champ_note.value))]),
        ]
        self.choisir_classe_initiale(classes)

    def choisir_discipline(self, discipline: str | None) -> str:
        """Affiche les notes de la classe dans cette discipline."""
        if self.choix_discipline is None:
            return self.annoncer("⚠ Le choix d'une discipline est réservé au carnet de notes "
                                 "des enseignants.")
        if not discipline or not self.classe:
            return self.annonce.value
        refus = self.verifier_choix(discipline, "La discipline")
        if refus is not None:
            return refus
        self.discipline = discipline
        self.remplir(self.choix_discipline, self.choix_discipline.options, discipline)
        return self.tenter(self._afficher_carnet, affichage=True)

    def _afficher_carnet(self) -> str:
        t = self.service.tableau_classe(self.identifiant, self.classe, self.discipline,
                                        poste=self.contexte.poste)
        garde = self.choix_evaluation.value
        options = [(f"{e.titre} ({date_courte(e.date)})", e.numero) for e in t.evaluations]
        self.remplir(self.choix_evaluation, options,
                     garde if garde in [n for _, n in options] else None)
        entetes = ["Élève"] + [f"{e.titre} (coef. {nombre_fr(e.coefficient)})"
                               for e in t.evaluations] + ["Moyenne"]
        lignes = t.lignes()
        texte = [f"Notes de {t.classe} en {t.discipline} :"] + [
            f"{l[0]} : " + ", ".join(f"{e.titre} {n}" for e, n in zip(t.evaluations, l[1:]))
            + f" ; moyenne {l[-1]}" for l in lignes]
        self.montrer(self.tableau(entetes, lignes, f"{t.classe} — {t.discipline}"), texte)
        return self.annoncer(f"Notes de {t.classe} en {t.discipline} : "
                             f"{accorder(len(t.evaluations), 'évaluation')}, "
                             f"{accorder(len(t.eleves), 'élève')}.")

    def creer_evaluation(self, titre: str, coefficient: str | float = "1") -> str:
        """Crée une évaluation dans la classe et la discipline choisies."""
        def creer() -> str:
            ev = self.service.creer_evaluation(self.identifiant, self.classe, self.discipline,
                                               titre, coefficient=coefficient,
                                               poste=self.contexte.poste)
            self._afficher_carnet()
            self.remplir(self.choix_evaluation, self.choix_evaluation.options, ev.numero)
            return self.annoncer(f"Évaluation « {ev.titre} » créée en {ev.classe} "
                                 f"(coefficient {nombre_fr(ev.coefficient)}).")
        return self.tenter(creer)

    def saisir_note(self, eleve: str | None, evaluation: int | None, valeur: object) -> str:
        """Enregistre la note d'un élève ; l'élève et ses responsables la voient aussitôt."""
        def saisir() -> str:
            if not eleve or evaluation is None:
                return self.annoncer("⚠ Choisissez d'abord une évaluation et un élève.")
            note = self.service.saisir_note(self.identifiant, eleve, evaluation, valeur,
                                            poste=self.contexte.poste)
            ev = self.service.evaluation(evaluation)
            self._afficher_carnet()
            valeur_lue = note.mention or f"{note.texte}/20"
            return self.annoncer(f"Note enregistrée : {valeur_lue} pour "
                                 f"{self.ent.etablissement.personne(eleve).nom_complet} "
                                 f"(« {ev.titre} »).")
        return self.tenter(saisir)


VUE = VueNotes
