"""Les décisions expliquées à la classe : tableau des droits et explication en français.

« La même action vue de chaque rôle » : :meth:`~ExplicationsAutorisation.tableau_droits`
évalue une demande pour un représentant de chaque rôle (élève, parent, enseignant,
direction, CPE…) sans rien écrire au journal ; chaque case dit ✓ ou ✗ *et* un mot, avec le
motif en toutes lettres. :meth:`~ExplicationsAutorisation.expliquer` détaille une décision
sur quelques lignes.
"""

from __future__ import annotations

from collections.abc import Iterable

from entsim.autorisation.habilitations.actions import Action
from entsim.autorisation.habilitations.conditions import ContexteAcces
from entsim.autorisation.habilitations.decisions import Decision
from entsim.autorisation.habilitations.ressources import Ressource
from entsim.etablissement.annuaire import Etablissement, Fonction, Personne
from entsim.socle.erreurs import ValeurInvalide

__all__ = ["ExplicationsAutorisation"]


class ExplicationsAutorisation:
    """Les tableaux et explications de :class:`entsim.autorisation.service.Autorisation`
    (qui fournit l'établissement et ``evaluer()``)."""

    etablissement: Etablissement

    def representants(self) -> list[str]:
        """Une personne par rôle, pour voir « la même action vue de chaque rôle » : un
        élève, un de ses parents, un de ses enseignants, un élève d'une autre famille, puis
        direction, CPE, vie scolaire, secrétariat, gestionnaire, documentaliste, invité."""
        e = self.etablissement
        choix: list[str] = []
        eleves = sorted(e.eleves(), key=lambda p: p.identifiant)
        if eleves:
            premier = eleves[0]
            choix.append(premier.identifiant)
            choix += [p.identifiant for p in e.responsables_de(premier.identifiant)][:1]
            if premier.classe:
                choix += [p.identifiant for p in e.enseignants_de(premier.classe)][:1]
        for fonction in (Fonction.CHEF_ETABLISSEMENT, Fonction.CPE, Fonction.VIE_SCOLAIRE,
                         Fonction.SECRETARIAT, Fonction.GESTIONNAIRE, Fonction.DOCUMENTALISTE):
            choix += sorted(p.identifiant for p in e.avec_fonction(fonction))[:1]
        choix += sorted(p.identifiant for p in e.invites())[:1]
        vus: list[str] = []
        for ident in choix:
            if ident not in vus:
                vus.append(ident)
        return vus

    def _libelle_personne(self, personne: Personne) -> str:
        fonctions = [f.value for f in sorted(personne.fonctions, key=lambda f: f.name)]
        return personne.profil.value + (f" — {', '.join(fonctions)}" if fonctions else "")

    def tableau_droits(self, identifiants: Iterable[str] | str | None = None,
                       ressources: Iterable[Ressource] | Ressource | None = None,
                       actions: Iterable[Action | str] | Action | str = Action.LIRE, *,
                       contexte: ContexteAcces | None = None):
        """« La même action vue de chaque rôle » : un ``pandas.DataFrame`` d'une ligne par
        (personne, action, ressource), avec ✓/✗ *et* un mot, et le motif en toutes lettres.
        Rien n'est écrit au journal (c'est une simulation).

        Sans ``identifiants`` : :meth:`representants`.
        """
        import pandas as pd

        if identifiants is None:
            identifiants = self.representants()
        elif isinstance(identifiants, str):
            identifiants = [identifiants]
        if ressources is None:
            raise ValeurInvalide("Donnez au moins une ressource, par exemple "
                                 "Ressource.notes_de(\"lea.martin\").")
        if isinstance(ressources, Ressource):
            ressources = [ressources]
        if isinstance(actions, (str, Action)):
            actions = [actions]
        try:
            identifiants, ressources, actions = (list(identifiants), list(ressources),
                                                 list(actions))
        except TypeError:
            raise ValeurInvalide("tableau_droits(identifiants, ressources, actions) : donnez "
                                 "un identifiant (\"lea.martin\") ou une liste d'identifiants, "
                                 "une ressource ou une liste de ressources, une action "
                                 "(\"lire\") ou une liste d'actions.") from None
        if any(not isinstance(r, Ressource) for r in ressources):
            raise ValeurInvalide("Chaque ressource s'écrit comme Ressource.notes_de("
                                 "\"lea.martin\") ou Ressource(\"cdi\").")
        actions = [Action.depuis(a) for a in actions]
        lignes = []
        for ident in identifiants:
            personne = self.etablissement.personne(ident)
            for ressource in ressources:
                for action in actions:
                    d = self.evaluer(ident, action, ressource, contexte=contexte)
                    lignes.append({
                        "Personne": personne.nom_complet,
                        "Profil / fonction": self._libelle_personne(personne),
                        "Action": action.value,
                        "Ressource": d.objet,
                        "Décision": d.symbole,
                        "Motif": d.raison,
                    })
        colonnes = ["Personne", "Profil / fonction", "Action", "Ressource", "Décision",
                    "Motif"]
        return pd.DataFrame(lignes, columns=colonnes)

    def expliquer(self, decision: Decision) -> str:
        """L'explication complète d'une décision, en français, sur quelques lignes."""
        if not isinstance(decision, Decision):
            raise ValeurInvalide("expliquer() attend une décision, par exemple le résultat "
                                 "de autorisation.decider(…).")
        personne = self.etablissement.personne(decision.identifiant)
        lignes = [
            f"Décision : {decision.symbole} ({decision.libelle}, code « {decision.code} »).",
            f"Qui : {personne.nom_complet} ({self._libelle_personne(personne)}).",
            f"Action : {decision.action.value}.",
            f"Ressource : {decision.objet or decision.ressource.description}.",
            f"Motif : {decision.raison}",
        ]
        if decision.regle:
            lignes.append(f"Règle appliquée : {decision.regle}.")
        return "\n".join(lignes)
