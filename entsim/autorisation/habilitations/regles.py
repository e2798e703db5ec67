"""Les règles explicites de l'établissement : « autoriser » ou « refuser », sous conditions.

Une règle vise « qui » (un profil, une fonction, une personne ou tous), des actions et un
service (ou une partie de service) ; ses conditions (horaire, lieu) restreignent quand elle
s'applique. Le refus l'emporte (:mod:`entsim.autorisation.service`) et aucune règle
n'élargit le besoin d'en connaître : une règle « autoriser » est une condition de plus, jamais
une habilitation de plus (voir :class:`Regle`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum

from entsim.autorisation.habilitations.actions import Action, liste_actions, replier_cle
from entsim.autorisation.habilitations.conditions import ContexteAcces
from entsim.autorisation.habilitations.ressources import Ressource
from entsim.etablissement.annuaire import Fonction, Personne, Profil
from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.saisie import texte_saisi
from entsim.socle.texte import cite, extrait

__all__ = ["Effet", "LIBELLE_MAX", "TOUS", "Regle"]

#: Longueur maximale du libellé donné à une règle (il est repris dans chaque motif de
#: décision qui la cite).
LIBELLE_MAX = 200


class Effet(str, Enum):
    """L'effet d'une règle : autoriser (sous conditions) ou refuser."""

    AUTORISER = "autoriser"
    REFUSER = "refuser"

    def __str__(self) -> str:
        return self.value


#: Valeur de ``Regle.qui`` qui désigne tout le monde.
TOUS = "tous"


def _qui(valeur: object) -> Profil | Fonction | str:
    """Un profil, une fonction, « tous » ou un identifiant (les noms de profils et de
    fonctions écrits en toutes lettres sont reconnus : « élève », « parent », « CPE »)."""
    if isinstance(valeur, (Profil, Fonction)):
        return valeur
    if not isinstance(valeur, str) or not valeur.strip():
        raise ValeurInvalide("« qui » doit être un profil (Profil.PARENT), une fonction "
                             "(Fonction.CPE), « tous » ou un identifiant comme « lea.martin »"
                             f" (reçu : {cite(valeur)}).", code="qui_invalide")
    cle = replier_cle(valeur)
    for profil in Profil:
        if cle in (replier_cle(profil.value), profil.name.lower()):
            return profil
    for fonction in Fonction:
        if cle in (replier_cle(fonction.value), fonction.name.lower()):
            return fonction
    return TOUS if cle == TOUS else valeur.strip()


@dataclass(frozen=True)
class Regle:
    """Une règle explicite : « qui » peut (ou ne peut pas) faire ces actions sur ce service
    (ou cette partie), éventuellement sous conditions.

    * ``effet="autoriser"`` : des *conditions* sur ce qu'elle vise (« les élèves lisent les
      notes de 7 h à 21 h » refuse donc à 22 h) ; elle ne donne rien que les habilitations
      intégrées ne donnent déjà.
    * ``effet="refuser"`` : un refus qui l'emporte sur toute autorisation quand ses
      conditions sont remplies (aucune condition : toujours).

    Aucune règle n'élargit le besoin d'en connaître, et c'est le service d'autorisation qui
    le garantit (:meth:`entsim.autorisation.service.Autorisation.evaluer`) : les
    habilitations intégrées (catalogue, table des rôles, partie du service) et le périmètre
    de chacun sont jugés sans lire aucune règle, avec les seuls rôles qui permettent l'action ;
    une règle « autoriser » n'est examinée qu'ensuite, pour refuser si ses conditions
    manquent. Un parent « autorisé » à écrire les notes ne les écrit pas ; « tous » autorisés
    à lire les notes ne les ouvre pas au gestionnaire ; un enseignant administrateur local
    n'agit que sur les notes de ses classes.
    """

    qui: Profil | Fonction | str
    actions: frozenset[Action] | Action | str | Iterable[Action | str]
    service: str
    partie: str | None = None
    conditions: tuple = ()
    effet: Effet | str = Effet.AUTORISER
    libelle: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "qui", _qui(self.qui))
        actions = self.actions
        if isinstance(actions, (Action, str)):
            actions = (actions,)
        try:
            ensemble = frozenset(Action.depuis(a) for a in actions)  # type: ignore[union-attr]
        except TypeError:
            raise ValeurInvalide("« actions » doit être une action (\"lire\") ou une liste "
                                 "d'actions ([\"lire\", \"écrire\"]).") from None
        if not ensemble:
            raise ValeurInvalide("Une règle doit viser au moins une action.")
        object.__setattr__(self, "actions", ensemble)
        verifier_texte(self.service, "service")
        if self.partie is not None:
            verifier_texte(self.partie, "partie")
        conditions = self.conditions
        if not isinstance(conditions, (tuple, list)):
            conditions = (conditions,)
        for c in conditions:
            if not all(hasattr(c, a) for a in ("est_satisfaite", "raison_echec", "code_echec")):
                raise ValeurInvalide("Chaque condition doit être une PlageHoraire(…) ou un "
                                     f"Lieu(…) (reçu : {cite(c)}).")
        object.__setattr__(self, "conditions", tuple(conditions))
        if isinstance(self.effet, str) and not isinstance(self.effet, Effet):
            try:
                object.__setattr__(self, "effet", Effet(replier_cle(self.effet)))
            except ValueError:
                raise ValeurInvalide("L'effet d'une règle est « autoriser » ou « refuser » "
                                     f"(reçu : {cite(self.effet)}).") from None
        elif not isinstance(self.effet, Effet):
            raise ValeurInvalide("L'effet d'une règle est « autoriser » ou « refuser ».")
        if not isinstance(self.libelle, str):
            raise ValeurInvalide("Le libellé d'une règle doit être un texte.")
        auto = self._libelle_auto()
        if not self.libelle.strip():
            object.__setattr__(self, "libelle", auto)
        elif self.libelle != auto:      # un libellé saisi : longueur et caractères vérifiés
            object.__setattr__(self, "libelle", texte_saisi(self.libelle, "libellé",
                                                            maximum=LIBELLE_MAX))

    def pour_le_service(self, code: str) -> "Regle":
        """La même règle, son service écrit par son code (le libellé ne change pas)."""
        regle = replace(self, service=code, libelle="")
        object.__setattr__(regle, "libelle", self.libelle)
        return regle

    def _libelle_auto(self) -> str:
        """Une phrase française : « Autoriser le profil Élève à lire dans le service « notes »,
        de 7 h 00 à 21 h 00 », « Refuser à la fonction … de lire dans le service « notes » »
        (autoriser quelqu'un *à* faire, refuser à quelqu'un *de* faire) ; une valeur reçue n'y
        entre que bornée (:func:`entsim.socle.texte.extrait`)."""
        if isinstance(self.qui, Profil):
            qui = f"le profil {self.qui.value}"
        elif isinstance(self.qui, Fonction):
            qui = f"la fonction {self.qui.value}"
        elif self.qui == TOUS:
            qui = "tout le monde"
        else:
            qui = extrait(self.qui)
        actions = liste_actions(self.actions)  # type: ignore[arg-type]
        cible = f"dans le service « {extrait(self.service)} »" + (
            f" (partie « {extrait(self.partie)} »)" if self.partie else "")
        if self.effet is Effet.AUTORISER:
            texte = f"Autoriser {qui} à {actions} {cible}"
        else:
            a_qui = ("au " + qui[3:] if qui.startswith("le ") else "à " + qui)
            de = "d'" if actions[:1] in "aeéiou" else "de "
            texte = f"Refuser {a_qui} {de}{actions} {cible}"
        if self.conditions:
            texte += ", " + ", ".join(c.description for c in self.conditions)
        return texte

    # -- correspondance -------------------------------------------------------------
    def concerne(self, personne: Personne) -> bool:
        if self.qui == TOUS:
            return True
        if isinstance(self.qui, Profil):
            return personne.profil is self.qui
        if isinstance(self.qui, Fonction):
            return self.qui in personne.fonctions
        return personne.identifiant == self.qui

    def couvre(self, action: Action, ressource: Ressource) -> bool:
        return (action in self.actions  # type: ignore[operator]
                and self.service in ("*", ressource.service)
                and (self.partie is None or self.partie == ressource.partie))

    def condition_manquee(self, contexte: ContexteAcces):
        """La première condition non remplie, ou None si toutes le sont."""
        for condition in self.conditions:
            if not condition.est_satisfaite(contexte):
                return condition
        return None
