"""L'assemblage d'un lycée généré : :func:`generer_etablissement`.

L'identité de l'établissement est tirée parmi les établissements fictifs de
``data/etablissements.csv`` ; le plan du lycée, les comptes et les services des enseignants
sont construits dans cet ordre, avec le même générateur : même graine, même lycée.
"""

from __future__ import annotations

from datetime import date

from entsim.etablissement.annuaire import AGE_DE_LA_MAJORITE, Classe, Etablissement, Personne
from entsim.etablissement.generation.enseignants import FabriqueEnseignants
from entsim.etablissement.generation.plan import (FORMATIONS, RENTREE, libelle_classe,
                                                  personas_presents, plan_du_lycee)
from entsim.etablissement.generation.recit import PERSONAS
from entsim.etablissement.identifiants import replier
from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

__all__ = ["GRAINE_PAR_DEFAUT", "TAILLE_DEMO", "TAILLE_MAX", "generer_etablissement"]

GRAINE_PAR_DEFAUT = 2026
#: Valeur de ``taille`` pour la démonstration d'une classe.
TAILLE_DEMO = "demo"
#: Nombre d'élèves maximal d'un lycée généré (les plus grands lycées français en ont ~3 000).
TAILLE_MAX = 3000


class Fabrique(FabriqueEnseignants):
    """Construit un établissement pas à pas ; chaque tirage vient de ``rng``."""

    # -- assemblage ----------------------------------------------------------------
    def construire(self, graine: int) -> Etablissement:
        identite = self.rng.choice(self.d.etablissements)
        plan = plan_du_lycee(self.rng, self.nb_eleves)
        classes = {c.code: Classe(c.code, libelle_classe(c), c.niveau, FORMATIONS[c.formation][1])
                   for c in plan}
        self.reserver_personas(personas_presents(plan))
        self.construire_personnels()
        self.construire_eleves(plan)
        self.construire_enseignants(plan, classes)
        self.construire_invites(identite["college_secteur"])

        cle = {e.identifiant: (replier(e.nom), replier(e.prenom), e.identifiant)
               for e in self.eleves}
        for e in sorted(self.eleves, key=lambda e: cle[e.identifiant]):
            classes[e.classe].eleves.append(e.identifiant)
        rang_eleve = {ident: rang for rang, ident in
                      enumerate(e for c in classes.values() for e in c.eleves)}
        eleves = sorted(self.eleves, key=lambda e: rang_eleve[e.identifiant])
        parents = sorted(self.parents, key=lambda p: min(rang_eleve[e] for e in p.enfants))

        etab = Etablissement(identite["nom"], identite["uai"], identite["commune"],
                             identite["academie"], graine=graine)
        personnes: list[Personne] = [*self.personnels, *self.enseignants, *eleves, *parents,
                                     *self.invites]
        for personne in personnes:
            etab.ajouter(personne)
        etab.classes = classes
        return etab



def _nb_eleves(taille: object) -> int | None:
    """``None`` pour la démonstration, sinon le nombre d'élèves vérifié."""
    if isinstance(taille, str):
        if replier(taille.strip()) == TAILLE_DEMO:
            return None
        raise ValeurInvalide(
            f"Taille inconnue : {cite(taille)}. Écrivez \"demo\" pour la classe de "
            f"démonstration, ou un nombre d'élèves entre 1 et {TAILLE_MAX}, par exemple 800."
        )
    if isinstance(taille, bool) or not isinstance(taille, int):
        raise ValeurInvalide(
            f"La taille doit être \"demo\" ou un nombre entier d'élèves, par exemple 800 "
            f"(reçu : {cite(taille)})."
        )
    if not 1 <= taille <= TAILLE_MAX:
        raise ValeurInvalide(
            f"Un lycée généré compte entre 1 et {TAILLE_MAX} élèves (reçu : {taille})."
        )
    return taille


def _naissance_majeure(naissance: date) -> date:
    """Le même jour de l'année, l'année la plus récente où l'on a 18 ans accomplis à la
    rentrée (un élève qui a redoublé une ou deux fois)."""
    annee = RENTREE.year - AGE_DE_LA_MAJORITE
    if (naissance.month, naissance.day) > (RENTREE.month, RENTREE.day):
        annee -= 1
    try:
        return naissance.replace(year=annee)
    except ValueError:          # un 29 février
        return naissance.replace(year=annee, day=28)


def _eleves_majeurs(etab: Etablissement, nombre: object) -> None:
    """Au moins ``nombre`` élèves majeurs (18 ans accomplis) le jour de la rentrée : des
    élèves de terminale, par ordre d'identifiant, reçoivent une date de naissance plus
    ancienne (redoublants). Aucun tirage au hasard : le reste du lycée ne change pas, et les
    personnages du récit gardent leur date de naissance."""
    if isinstance(nombre, bool) or not isinstance(nombre, int) or nombre < 0:
        raise ValeurInvalide(f"« eleves_majeurs » est un nombre d'élèves majeurs, entier, "
                             f"positif ou nul (reçu : {cite(nombre)}).")
    manque = nombre - sum(e.est_majeur(RENTREE) for e in etab.eleves())
    if manque <= 0:
        return
    personas = {p.identifiant for p in PERSONAS.values()}
    candidats = sorted((e for e in etab.eleves() if not e.est_majeur(RENTREE)
                        and e.identifiant not in personas and e.date_naissance is not None
                        and etab.classes[e.classe].niveau == "Terminale"),
                       key=lambda e: e.identifiant)
    if manque > len(candidats):
        raise ValeurInvalide(f"Impossible d'avoir {nombre} élèves majeurs à la rentrée : ce "
                             f"lycée n'a que {len(candidats)} autres élèves de terminale à "
                             f"qui donner 18 ans (les personnages du récit gardent leur date "
                             f"de naissance).")
    for eleve in candidats[:manque]:
        eleve.date_naissance = _naissance_majeure(eleve.date_naissance)  # type: ignore[arg-type]


def generer_etablissement(graine: int = GRAINE_PAR_DEFAUT, taille: int | str = TAILLE_DEMO,
                          *, source: SourceAleatoire | None = None,
                          eleves_majeurs: int = 0) -> Etablissement:
    """Un lycée réaliste et reproductible.

    :param graine: la graine du hasard ; même graine, même lycée.
    :param taille: ``"demo"`` (la classe TSTMG1 du récit) ou un nombre d'élèves (1 à 3 000).
    :param source: la source de hasard de l'ENT ; si elle est donnée, c'est sa graine qui
        compte (``graine`` doit alors être omise ou égale). Le tirage utilise toujours un
        générateur « annuaire » neuf : régénérer le lycée d'un même ENT (réinitialisation
        d'un scénario) redonne exactement le même lycée.
    :param eleves_majeurs: au moins ce nombre d'élèves de terminale ont 18 ans accomplis le
        jour de la rentrée (:data:`~entsim.etablissement.generation.plan.RENTREE`), pour
        essayer ce que la majorité change (:mod:`entsim.autorisation.majorite`). Par défaut
        (0), le lycée est celui que donne la graine, sans rien changer.

    >>> lycee = generer_etablissement()
    >>> lycee.personne("lea.martin").classe
    'TSTMG1'
    """
    if source is None:
        source = SourceAleatoire(graine)
    elif not isinstance(source, SourceAleatoire):
        raise ValeurInvalide("« source » doit être la SourceAleatoire de l'ENT.")
    elif graine != GRAINE_PAR_DEFAUT and graine != source.graine:
        raise ValeurInvalide(
            f"Deux graines différentes ont été données ({graine} et celle de la source, "
            f"{source.graine}) : donnez l'une ou l'autre."
        )
    nb_eleves = _nb_eleves(taille)
    rng = source.nouveau_generateur("annuaire")
    etab = Fabrique(rng, nb_eleves).construire(source.graine)
    _eleves_majeurs(etab, eleves_majeurs)
    return etab
