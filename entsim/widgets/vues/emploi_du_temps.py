"""Vue « Emploi du temps » : la semaine en grille (jours × heures), et la même en texte."""

from __future__ import annotations

from entsim.etablissement.annuaire import Eleve, Enseignant, Parent
from entsim.etablissement.generation import CLASSE_DEMO
from entsim.autorisation.habilitations.ressources import de
from entsim.widgets.vues._contexte import ContexteVue, decrire_valeur
from entsim.widgets.vues._vie_eleve import VueVieEleve

#: Préfixe des choix qui désignent un enseignant (les autres désignent une classe).
PREFIXE_ENSEIGNANT = "enseignant:"


class VueEmploiDuTemps(VueVieEleve):
    """Élève : sa classe. Parent : la classe de l'enfant choisi. Enseignant : sa semaine ou
    l'une de ses classes. Personnels : toute classe et tout enseignant."""

    def __init__(self, contexte: ContexteVue, code: str = "emploi_du_temps") -> None:
        super().__init__(contexte, code)
        self.cible: str | None = None
        if not self.acces_au_service():
            return
        options = self._options()
        self.choix = self.liste("Emploi du temps :", options, self.choisir)
        if len(options) > 1:
            self.controles.children = [self.choix]
        if options:
            valeurs = [v for _, v in options]
            personnel = not isinstance(self.personne, (Eleve, Parent, Enseignant))
            self.choisir(CLASSE_DEMO if personnel and CLASSE_DEMO in valeurs else valeurs[0])
        else:
            self.aucune_classe()

    def _options(self) -> list[tuple[str, str]]:
        etab = self.ent.etablissement
        p = self.personne
        if isinstance(p, Eleve):
            return [(f"Classe {p.classe}", p.classe)]
        if isinstance(p, Parent):
            return [(f"{e.prenom} — classe {e.classe}", e.classe)
                    for e in etab.enfants_de(self.identifiant)]
        options: list[tuple[str, str]] = []
        if isinstance(p, Enseignant) and p.enseignements:
            options.append(("Ma semaine", PREFIXE_ENSEIGNANT + self.identifiant))
        options += [(f"Classe {c}", c) for c in self.classes_proposees()]
        if not isinstance(p, Enseignant):
            options += [(f"Enseignant : {e.nom_complet}", PREFIXE_ENSEIGNANT + e.identifiant)
                        for e in sorted(etab.enseignants(), key=lambda x: (x.nom, x.prenom))
                        if e.enseignements]
        return options

    def choisir(self, cible: str | None) -> str:
        """Affiche la semaine d'une classe (« TSTMG1 ») ou d'un enseignant
        (« enseignant:nicolas.durand »)."""
        if not hasattr(self, "choix"):
            return self.annonce.value        # accès refusé : la vue montre déjà le refus
        if not cible:
            return self.annonce.value
        if not isinstance(cible, str):
            return self.annoncer(f"⚠ Choisissez une classe (par exemple « {CLASSE_DEMO} ») "
                                 f"ou un enseignant (« {PREFIXE_ENSEIGNANT}nicolas.durand ») "
                                 f"(reçu : {decrire_valeur(cible)}).")

        def afficher() -> str:
            edt = self.service
            poste = self.contexte.poste
            if cible.startswith(PREFIXE_ENSEIGNANT):
                qui = cible[len(PREFIXE_ENSEIGNANT):]
                creneaux = edt.semaine_de_enseignant(self.identifiant, qui, poste=poste)
                sujet = self.ent.etablissement.personne(qui).nom_complet
                avec_classe = True
            else:
                creneaux = edt.semaine_de_classe(self.identifiant, cible, poste=poste)
                sujet, avec_classe = f"la classe {cible}", False
            self.cible = cible
            self.remplir(self.choix, self.choix.options, cible)
            entetes, lignes = edt.grille(creneaux, avec_classe=avec_classe)
            heures = len(creneaux)
            self.montrer(self.tableau(entetes, lignes, f"Semaine type {de(sujet)}")
                         + self.paragraphe("Le mercredi après-midi est libre ; « — » : pas de "
                                           "cours."),
                         [f"Semaine type {de(sujet)} ({heures} h de cours) :"]
                         + edt.en_texte(creneaux).splitlines())
            return self.annoncer(f"Emploi du temps {de(sujet)} affiché : {heures} heures de "
                                 f"cours par semaine.")

        return self.tenter(afficher, affichage=True)

    def choisir_classe(self, classe: str | None) -> str:
        """Affiche la semaine d'une classe (même effet que :meth:`choisir`)."""
        if isinstance(classe, str) and classe.startswith(PREFIXE_ENSEIGNANT):
            return self.annoncer("⚠ Pour la semaine d'un enseignant, utilisez choisir("
                                 f"« {classe} »).")
        return self.choisir(classe)


VUE = VueEmploiDuTemps
