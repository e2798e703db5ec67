"""Le vocabulaire commun des règles de mot de passe : les codes d'échec stables et leurs
libellés français (:data:`MESSAGES`), l'échec (:class:`Echec`), le résultat de toutes les règles
ensemble (:class:`ResultatPolitique`), ce qu'une règle peut consulter
(:class:`ContexteValidation`) et ce qu'elle doit fournir (protocole :class:`Regle`, comme les
validateurs de mot de passe de Django).

Les codes (ASCII, ``mdp_…``) ne changent pas : les tests et les corrections les vérifient ;
les libellés, eux, sont ce que l'élève lit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from entsim.etablissement.annuaire import Personne
from entsim.socle.erreurs import ValeurInvalide


#: Libellés français de chaque code d'échec (gabarits ``str.format``).
MESSAGES: dict[str, str] = {
    "mdp_vide": "Le mot de passe est vide : choisissez-en un.",
    "mdp_trop_court": ("Le mot de passe est trop court : {longueur} caractère{s} au lieu de "
                       "{minimum} au moins."),
    "mdp_trop_long": ("Le mot de passe est beaucoup trop long ({longueur} caractères, {maximum} "
                      "au plus) : il n'a pas été analysé. Choisissez un mot de passe plus court."),
    "mdp_types_insuffisants": ("Le mot de passe doit mélanger au moins {minimum} types de "
                               "caractères parmi {parmi} ({liste}) ; il n'en contient "
                               "{nombre}. Ajoutez par exemple {manquants}."),
    "mdp_trop_courant": ("Ce mot de passe est trop courant : il repose sur « {base} », qui figure "
                         "dans la liste des mots de passe les plus utilisés, que les attaquants "
                         "essaient en premier (même avec des majuscules, des chiffres ou des "
                         "symboles ajoutés)."),
    "mdp_contient_prenom": "Le mot de passe contient votre prénom (« {extrait} »).",
    "mdp_contient_nom": "Le mot de passe contient votre nom (« {extrait} »).",
    "mdp_contient_date_naissance": ("Le mot de passe contient votre date de naissance "
                                    "(« {extrait} »)."),
    "mdp_contient_identifiant": ("Le mot de passe contient votre identifiant ou votre adresse "
                                 "électronique (« {extrait} »)."),
    "mdp_deja_utilise": ("Vous avez déjà utilisé ce mot de passe (il fait partie de vos {n} "
                         "derniers) : choisissez-en un nouveau."),
    "mdp_trop_proche": ("Ce mot de passe est trop proche d'un de vos derniers mots de passe "
                        "(seuls quelques caractères changent) : choisissez-en un vraiment "
                        "différent."),
    "mdp_entropie_insuffisante": ("Le mot de passe n'est pas assez robuste : {bits} bits "
                                  "d'entropie, il en faut au moins {seuil} (allongez-le ou "
                                  "mélangez davantage de types de caractères)."),
    "mdp_expire": ("Votre mot de passe a été changé il y a plus de {jours} jours : vous devez "
                   "en choisir un nouveau."),
}


def message(code: str, **valeurs: object) -> str:
    """Le libellé français d'un code, complété avec ``valeurs``."""
    try:
        gabarit = MESSAGES[code]
    except KeyError:
        raise ValeurInvalide(f"Code de politique de mot de passe inconnu : « {code} ».") from None
    return gabarit.format(**valeurs)


@dataclass(frozen=True)
class Echec:
    """Une règle non respectée : un ``code`` stable et une phrase française pour l'élève."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ResultatPolitique:
    """Le résultat de la vérification d'un mot de passe : tous les échecs, ensemble."""

    echecs: tuple[Echec, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.echecs

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.echecs)

    @property
    def code(self) -> str:
        """``"mdp_conforme"`` si tout va bien, sinon le code du premier échec."""
        return self.echecs[0].code if self.echecs else "mdp_conforme"

    @property
    def message(self) -> str:
        if not self.echecs:
            return "Le mot de passe respecte la politique de l'ENT."
        if len(self.echecs) == 1:
            return self.echecs[0].message
        puces = "\n".join(f"• {e.message}" for e in self.echecs)
        return f"Le mot de passe est refusé pour {len(self.echecs)} raisons :\n{puces}"

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ContexteValidation:
    """Ce qu'une règle peut consulter en plus du mot de passe et de l'utilisateur.

    ``historique`` : les empreintes des mots de passe précédents, la plus récente d'abord
    (jamais les mots de passe en clair : SDET, « les mots de passe ne DOIVENT pas être stockés
    en clair ») ; ``verifier(clair, empreinte)`` compare un mot de passe à une empreinte.
    """

    historique: tuple[str, ...] = ()
    verifier: Callable[[str, str], bool] | None = None


class Regle(Protocol):
    """Protocole informel d'une règle (comme les validateurs de mot de passe de Django)."""

    codes: tuple[str, ...]

    def valider(self, mot_de_passe: str, utilisateur: Personne | None,
                contexte: ContexteValidation) -> list[Echec]: ...

    def aide(self) -> str: ...


__all__ = ["MESSAGES", "ContexteValidation", "Echec", "Regle", "ResultatPolitique", "message"]
