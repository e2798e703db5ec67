"""Les règles d'une politique de mot de passe, une par critère, comme les validateurs de mot de
passe de Django : des ``codes`` stables, ``valider(mot_de_passe, utilisateur, contexte) ->
list[Echec]`` et ``aide() -> str``.

Source : SDET, document 2 (seed 000), « Authentification » : « Une politique de mot de passe
adaptée aux utilisateurs DOIT être définie pour un ENT. […] elle PEUT reposer sur les
critères suivants : dureté ou non trivialité : longueur minimale, règles de syntaxe,
combinaison imposée de caractères spéciaux, dictionnaires… ; fréquence de renouvellement ;
interdiction de réutiliser des mots de passe précédents ou trop proches des derniers ;
interdiction d'utiliser un mot de passe contenant des attributs de l'utilisateur. »

==========================  ===========================================================
Critère du SDET             Règle
==========================  ===========================================================
longueur minimale           :class:`LongueurMinimale`
règles de syntaxe           :class:`LongueurMaximale` (longueurs absurdes)
combinaison de caractères   :class:`TypesDeCaracteres`
dictionnaires               :class:`MotDePasseCourant` (``data/mots_de_passe_courants.txt``)
fréquence de renouvellement :class:`AgeMaximal` (ne fait jamais échouer ``valider``)
non-réutilisation           :class:`NonReutilisation` (dont « trop proches des derniers »)
attributs de l'utilisateur  :class:`~.attributs.AttributsUtilisateur`
(CNIL, délibération 2022-100) :class:`EntropieMinimale`
==========================  ===========================================================
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import ClassVar

from entsim.authentification.mots_de_passe.caracteres import (
    ORDRE_TYPES,
    TypeCaractere,
    type_depuis,
    longueur,
    types_de_caracteres,
)
from entsim.authentification.mots_de_passe.courants import (
    ListeCourante,
    liste_perso,
    base_courante,
    liste_courante,
)
from entsim.authentification.mots_de_passe.echecs import ContexteValidation, Echec, message
from entsim.authentification.mots_de_passe.entropie import bits_arrondis, entropie_theorique
from entsim.authentification.mots_de_passe.redaction import enumerer, fr
from entsim.etablissement.annuaire import Personne
from entsim.socle.erreurs import ValeurInvalide, verifier_entier


@dataclass(frozen=True)
class LongueurMaximale:
    """Refuse les longueurs absurdes *avant* toute autre analyse.

    SDET, « règles de syntaxe » ; la CNIL demande de fixer une longueur maximale (questions-
    réponses du 14 octobre 2022 sur la délibération n° 2022-100, alors que l'ANSSI conseille
    de ne pas en imposer : une limite large, 128 caractères, concilie les deux). Un attaquant
    (ou une erreur de copier-coller) qui envoie un mégaoctet ferait calculer une empreinte
    lente sur un mégaoctet : on répond par un message clair au lieu de hacher. Règle
    **bloquante** : si elle échoue, les autres règles ne sont pas évaluées.
    """

    maximum: int = 128
    codes: ClassVar[tuple[str, ...]] = ("mdp_trop_long",)
    bloquante: ClassVar[bool] = True

    def __post_init__(self) -> None:
        verifier_entier(self.maximum, "maximum", minimum=1)

    def valider(self, mot_de_passe: str, utilisateur: Personne | None = None,
                contexte: ContexteValidation = ContexteValidation()) -> list[Echec]:
        n = len(mot_de_passe)
        if n > self.maximum:
            return [Echec("mdp_trop_long", message("mdp_trop_long", longueur=fr(n),
                                                   maximum=fr(self.maximum)))]
        return []

    def aide(self) -> str:
        return f"Votre mot de passe ne doit pas dépasser {self.maximum} caractères."


@dataclass(frozen=True)
class LongueurMinimale:
    """SDET, « Dureté ou non trivialité : longueur minimale ». La longueur se compte en
    caractères (un « é » ou un émoji compte pour un)."""

    minimum: int = 8
    codes: ClassVar[tuple[str, ...]] = ("mdp_trop_court", "mdp_vide")

    def __post_init__(self) -> None:
        verifier_entier(self.minimum, "minimum", minimum=1)

    def valider(self, mot_de_passe: str, utilisateur: Personne | None = None,
                contexte: ContexteValidation = ContexteValidation()) -> list[Echec]:
        n = longueur(mot_de_passe)
        if n == 0:
            return [Echec("mdp_vide", message("mdp_vide"))]
        if n < self.minimum:
            return [Echec("mdp_trop_court", message("mdp_trop_court", longueur=n,
                                                    s="" if n == 1 else "s",
                                                    minimum=self.minimum))]
        return []

    def aide(self) -> str:
        return f"Votre mot de passe doit contenir au moins {self.minimum} caractères."


@dataclass(frozen=True, init=False)
class TypesDeCaracteres:
    """SDET, « combinaison imposée de caractères spéciaux » ; CNIL 2022-100, cas n° 2 :
    « 3 des 4 types » (minuscules, majuscules, chiffres, caractères spéciaux).

    ``parmi`` : les types pris en compte — un nombre (``4`` : les quatre ; ``3`` : minuscules,
    majuscules, chiffres) ou une liste de :class:`TypeCaractere`. Lettres accentuées comprises.
    """

    minimum: int
    parmi: tuple[TypeCaractere, ...]
    codes: ClassVar[tuple[str, ...]] = ("mdp_types_insuffisants",)

    def __init__(self, minimum: int = 3,
                 parmi: int | Iterable[TypeCaractere | str] = 4) -> None:
        if isinstance(parmi, int) and not isinstance(parmi, bool):
            verifier_entier(parmi, "parmi", minimum=1, maximum=4)
            types = ORDRE_TYPES[:parmi]
        else:
            types = tuple(dict.fromkeys(type_depuis(t) for t in parmi))
            if not types:
                raise ValeurInvalide("« parmi » doit nommer au moins un type de caractères.")
        verifier_entier(minimum, "minimum", minimum=1, maximum=len(types))
        object.__setattr__(self, "minimum", minimum)
        object.__setattr__(self, "parmi", types)

    def valider(self, mot_de_passe: str, utilisateur: Personne | None = None,
                contexte: ContexteValidation = ContexteValidation()) -> list[Echec]:
        presents = [t for t in self.parmi if t in types_de_caracteres(mot_de_passe)]
        if len(presents) >= self.minimum:
            return []
        manquants = [t for t in self.parmi if t not in presents]
        return [Echec("mdp_types_insuffisants", message(
            "mdp_types_insuffisants", minimum=self.minimum, parmi=len(self.parmi),
            liste=enumerer([str(t) for t in self.parmi]), nombre=_combien(presents),
            manquants=enumerer([t.exemple for t in manquants], "ou")))]

    def aide(self) -> str:
        if self.minimum == len(self.parmi):
            return (f"Votre mot de passe doit contenir des "
                    f"{enumerer([str(t) for t in self.parmi])}.")
        return (f"Votre mot de passe doit mélanger au moins {self.minimum} types de caractères "
                f"parmi : {', '.join(str(t) for t in self.parmi)}.")


def _combien(presents: Sequence[TypeCaractere]) -> str:
    """« aucun », « qu'un (minuscules) », « que 2 (minuscules et chiffres) »."""
    if not presents:
        return "aucun"
    noms = enumerer([str(t) for t in presents])
    return f"qu'un ({noms})" if len(presents) == 1 else f"que {len(presents)} ({noms})"


@dataclass(frozen=True)
class MotDePasseCourant:
    """SDET, « Dureté ou non trivialité : … dictionnaires ». Refuse les mots de passe de la
    liste ``data/mots_de_passe_courants.txt`` et leurs variantes évidentes (majuscules, accents,
    leet, chiffres ou symboles ajoutés au début ou à la fin, répétition) : un attaquant essaie
    d'abord ces listes, avec ces mêmes transformations (règles de hashcat). La CNIL recommande
    elle aussi une liste « noire » de mots de passe fréquents (questions-réponses du 14 octobre
    2022 sur la délibération n° 2022-100).

    ``mots`` : une autre liste (par exemple pour un exercice) ; par défaut la liste livrée.
    """

    mots: tuple[str, ...] | None = None
    codes: ClassVar[tuple[str, ...]] = ("mdp_trop_courant",)

    @property
    def liste(self) -> ListeCourante:
        return liste_courante() if self.mots is None else liste_perso(self.mots)

    def correspondance(self, mot_de_passe: str) -> str | None:
        """L'entrée de la liste sur laquelle repose le mot de passe, ou ``None``."""
        trouve = base_courante(mot_de_passe, self.liste)
        return trouve[0] if trouve else None

    def valider(self, mot_de_passe: str, utilisateur: Personne | None = None,
                contexte: ContexteValidation = ContexteValidation()) -> list[Echec]:
        base = self.correspondance(mot_de_passe)
        if base is None:
            return []
        return [Echec("mdp_trop_courant", message("mdp_trop_courant", base=base))]

    def aide(self) -> str:
        return ("Votre mot de passe ne doit pas reposer sur un mot de passe courant (« azerty », "
                "« soleil », « marseille »…), même avec des majuscules ou des chiffres ajoutés.")


@dataclass(frozen=True)
class NonReutilisation:
    """SDET, « Interdiction de réutiliser des mots de passe précédents ou trop proches des
    derniers ».

    Compare le nouveau mot de passe aux ``n`` dernières empreintes de l'historique avec la
    fonction ``verifier(clair, empreinte)`` fournie par l'authentification : l'ENT ne garde
    que des empreintes, jamais les anciens mots de passe en clair. Pour « trop proches »
    (``proches=True``), on ne peut pas comparer deux empreintes : on essaie donc quelques
    variantes du *nouveau* mot de passe (le nombre final augmenté ou diminué de 1 : « Soleil2025! »
    après « Soleil2024! » ; le dernier caractère retiré ; la casse de la première lettre), au
    plus quatre, et seulement contre les ``n_proches`` empreintes les plus récentes, car chaque
    essai coûte un calcul d'empreinte lent (au pire ``n + 4 × n_proches`` vérifications).
    """

    n: int = 5
    proches: bool = True
    n_proches: int = 2
    codes: ClassVar[tuple[str, ...]] = ("mdp_deja_utilise", "mdp_trop_proche")

    def __post_init__(self) -> None:
        verifier_entier(self.n, "n", minimum=1)
        verifier_entier(self.n_proches, "n_proches", minimum=1)

    @staticmethod
    def variantes_proches(mot_de_passe: str) -> tuple[str, ...]:
        """Les variantes « trop proches » essayées (quatre au plus, sans le mot de passe)."""
        variantes: list[str] = []
        nombre = re.search(r"(\d+)(\D*)$", mot_de_passe)
        if nombre:
            valeur, largeur = int(nombre.group(1)), len(nombre.group(1))
            for autre in (valeur - 1, valeur + 1):
                if autre >= 0:
                    texte = f"{autre:0{largeur}d}"
                    variantes.append(mot_de_passe[:nombre.start(1)] + texte + nombre.group(2))
        if len(mot_de_passe) > 1:
            variantes.append(mot_de_passe[:-1])
        if mot_de_passe[:1].isalpha():
            variantes.append(mot_de_passe[0].swapcase() + mot_de_passe[1:])
        uniques = [v for v in dict.fromkeys(variantes) if v and v != mot_de_passe]
        return tuple(uniques[:4])

    def valider(self, mot_de_passe: str, utilisateur: Personne | None = None,
                contexte: ContexteValidation = ContexteValidation()) -> list[Echec]:
        recents = contexte.historique[: self.n]
        if not recents:
            return []
        verifier = contexte.verifier
        if verifier is None:
            raise ValeurInvalide("Pour vérifier qu'un mot de passe n'est pas réutilisé, il faut "
                                 "fournir « verifier », la fonction qui compare un mot de passe "
                                 "à une empreinte.")
        if any(verifier(mot_de_passe, empreinte) for empreinte in recents):
            return [Echec("mdp_deja_utilise", message("mdp_deja_utilise", n=self.n))]
        if self.proches:
            derniers = recents[: self.n_proches]
            for variante in self.variantes_proches(mot_de_passe):
                if any(verifier(variante, empreinte) for empreinte in derniers):
                    return [Echec("mdp_trop_proche", message("mdp_trop_proche"))]
        return []

    def aide(self) -> str:
        return (f"Votre mot de passe doit être différent de vos {self.n} derniers mots de passe "
                "(et pas seulement d'un chiffre ou d'une lettre).")


@dataclass(frozen=True)
class AgeMaximal:
    """SDET, « Fréquence de renouvellement » : le mot de passe expire après ``jours`` jours.

    Cette règle ne fait jamais échouer ``valider`` (un mot de passe neuf n'est pas « trop
    vieux ») : elle sert à :meth:`PolitiqueMotDePasse.expire`, que l'authentification consulte
    à la connexion (sur l'horloge simulée).

    Attention : la CNIL ne recommande plus le renouvellement périodique imposé aux
    utilisateurs (délibération n° 2022-100 du 21 juillet 2022 et ses questions-réponses du
    14 octobre 2022) : forcés de changer, la plupart choisissent un mot de passe très proche
    du précédent (« Soleil2024! » → « Soleil2025! ») ; « les bénéfices en termes de sécurité
    sont ainsi mineurs et largement contrebalancés par l'expérience utilisateur négative ».
    Le changement reste exigé en cas de compromission, et le renouvellement périodique reste
    recommandé pour les comptes d'administration. Le SDET de 2013, lui, cite la « fréquence de
    renouvellement » : les deux documents ne disent pas la même chose, c'est une question du
    cours (Q17).
    """

    jours: int = 365
    codes: ClassVar[tuple[str, ...]] = ()

    def __post_init__(self) -> None:
        verifier_entier(self.jours, "jours", minimum=1)

    def valider(self, mot_de_passe: str, utilisateur: Personne | None = None,
                contexte: ContexteValidation = ContexteValidation()) -> list[Echec]:
        return []

    def echeance(self, dernier_changement: datetime) -> datetime:
        return dernier_changement + timedelta(days=self.jours)

    def expire(self, dernier_changement: datetime, maintenant: datetime) -> bool:
        return maintenant >= self.echeance(dernier_changement)

    def echec_expiration(self) -> Echec:
        """L'échec à montrer à la connexion quand le mot de passe a expiré."""
        return Echec("mdp_expire", message("mdp_expire", jours=self.jours))

    def aide(self) -> str:
        return f"Votre mot de passe doit être changé au moins tous les {self.jours} jours."


@dataclass(frozen=True)
class EntropieMinimale:
    """CNIL, délibération n° 2022-100 : entropie minimale selon le cas (80 bits pour un mot de
    passe seul, 50 bits avec restriction d'accès, 13 bits pour un code de déverrouillage).
    Calcul : :func:`~entsim.authentification.mots_de_passe.entropie.entropie_theorique`,
    arrondi au bit le plus proche comme dans les exemples de la délibération."""

    seuil: int = 80
    codes: ClassVar[tuple[str, ...]] = ("mdp_entropie_insuffisante",)

    def __post_init__(self) -> None:
        verifier_entier(self.seuil, "seuil", minimum=1)

    def valider(self, mot_de_passe: str, utilisateur: Personne | None = None,
                contexte: ContexteValidation = ContexteValidation()) -> list[Echec]:
        bits = bits_arrondis(entropie_theorique(mot_de_passe))
        if bits >= self.seuil:
            return []
        return [Echec("mdp_entropie_insuffisante",
                      message("mdp_entropie_insuffisante", bits=bits, seuil=self.seuil))]

    def aide(self) -> str:
        return (f"Votre mot de passe doit atteindre {self.seuil} bits d'entropie (CNIL) : par "
                "exemple 12 caractères mêlant minuscules, majuscules, chiffres et caractères "
                "spéciaux, ou 14 caractères sans caractère spécial, ou une phrase de 7 mots.")


__all__ = [
    "AgeMaximal", "EntropieMinimale", "LongueurMaximale", "LongueurMinimale",
    "MotDePasseCourant", "NonReutilisation", "TypesDeCaracteres",
]
