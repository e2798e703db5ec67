"""La politique de mot de passe de l'ENT : des règles enfichables, toutes vérifiées ensemble.

Source : SDET, document 2 (seed 000), « Authentification » : « Une politique de mot de passe
adaptée aux utilisateurs DOIT être définie pour un ENT. Elle PEUT différer selon le type
d'utilisateurs. Par exemple, elle PEUT reposer sur les critères suivants :
• Dureté ou non trivialité : longueur minimale, règles de syntaxe, combinaison imposée de
  caractères spéciaux, dictionnaires… ;
• Fréquence de renouvellement ;
• Interdiction de réutiliser des mots de passe précédents ou trop proches des derniers ;
• Interdiction d'utiliser un mot de passe contenant des attributs de l'utilisateur. »

Chaque critère est une règle (protocole informel, comme les validateurs de Django) :

==========================  ===========================================================
Critère du SDET             Règle
==========================  ===========================================================
longueur minimale           :class:`LongueurMinimale`
règles de syntaxe           :class:`LongueurMaximale` (longueurs absurdes)
combinaison de caractères   :class:`TypesDeCaracteres`
dictionnaires               :class:`MotDePasseCourant` (``data/mots_de_passe_courants.txt``)
fréquence de renouvellement :class:`AgeMaximal` (ne fait jamais échouer ``valider``)
non-réutilisation           :class:`NonReutilisation` (dont « trop proches des derniers »)
attributs de l'utilisateur  :class:`AttributsUtilisateur`
(CNIL, délibération 2022-100) :class:`EntropieMinimale`
==========================  ===========================================================

Une règle a des ``codes`` (stables, ASCII), une méthode ``valider(mot_de_passe, utilisateur,
contexte) -> list[Echec]`` et une méthode ``aide() -> str`` (texte d'aide en français).
:class:`PolitiqueMotDePasse` vérifie toutes les règles et rapporte **tous** les échecs
ensemble (l'élève corrige tout d'un coup). Les libellés français sont rangés à part dans
:data:`MESSAGES`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum
from functools import lru_cache
from typing import ClassVar, Protocol

from entsim.socle import donnees
from entsim.etablissement.annuaire import Personne
from entsim.socle.erreurs import ValeurInvalide, verifier_entier

#: Fichier de la liste des mots de passe courants (dans ``data/``).
FICHIER_MOTS_DE_PASSE_COURANTS = "mots_de_passe_courants.txt"

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


# ---------------------------------------------------------------------------------------------
# Résultats
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# Outils sur les caractères (partagés avec entsim.authentification.entropie)
# ---------------------------------------------------------------------------------------------

class TypeCaractere(str, Enum):
    """Les quatre types de caractères de la CNIL et du SDET (« combinaison imposée »)."""

    MINUSCULES = "minuscules"
    MAJUSCULES = "majuscules"
    CHIFFRES = "chiffres"
    SPECIAUX = "caractères spéciaux"

    def __str__(self) -> str:
        return self.value

    @property
    def exemple(self) -> str:
        return {"minuscules": "une minuscule (a, é…)", "majuscules": "une majuscule (A, É…)",
                "chiffres": "un chiffre (0 à 9)",
                "caractères spéciaux": "un caractère spécial (! ? # @ % …)"}[self.value]


#: Ordre canonique des types (``TypesDeCaracteres(parmi=3)`` = les trois premiers).
ORDRE_TYPES: tuple[TypeCaractere, ...] = tuple(TypeCaractere)


def type_du_caractere(caractere: str) -> TypeCaractere | None:
    """Le type d'un caractère : lettres accentuées comprises (« é » est une minuscule).

    Les chiffres sont les chiffres décimaux ; tout le reste (ponctuation, espace, symboles,
    émojis, lettres sans casse) est un « caractère spécial ». Les marques combinantes (accent
    isolé après une lettre) n'ont pas de type propre : ``None``.
    """
    if unicodedata.category(caractere).startswith("M"):
        return None
    if caractere.isdecimal():
        return TypeCaractere.CHIFFRES
    if caractere.isalpha():
        if caractere.isupper():
            return TypeCaractere.MAJUSCULES
        if caractere.islower():
            return TypeCaractere.MINUSCULES
    return TypeCaractere.SPECIAUX


def types_de_caracteres(mot_de_passe: str) -> frozenset[TypeCaractere]:
    """Les types de caractères présents dans un mot de passe."""
    types = {type_du_caractere(c) for c in unicodedata.normalize("NFC", mot_de_passe)}
    types.discard(None)
    return frozenset(types)  # type: ignore[arg-type]


def longueur(mot_de_passe: str) -> int:
    """Le nombre de caractères (forme NFC : « é » compte pour un, même tapé « e » + accent)."""
    return len(unicodedata.normalize("NFC", mot_de_passe))


def _replier_caractere(c: str) -> str:
    base = unicodedata.normalize("NFD", c)[:1] or c
    bas = base.lower()
    return bas if len(bas) == 1 else base


def replier(texte: str) -> str:
    """Minuscules sans accents, **caractère pour caractère** (même longueur que la forme NFC) :
    « Éloïse » → « eloise ». Sert à comparer sans tenir compte des majuscules ni des accents."""
    return "".join(_replier_caractere(c) for c in unicodedata.normalize("NFC", texte))


#: Substitutions « leet » courantes (0→o, 1→i ou l, 3→e, 4→a, @→a, $→s, 5→s, 7→t).
SUBSTITUTIONS_LEET: dict[str, str] = {"0": "o", "3": "e", "4": "a", "@": "a", "$": "s",
                                      "5": "s", "7": "t"}


def variantes_leet(texte: str) -> tuple[str, ...]:
    """Les lectures « non leet » d'un texte replié (même longueur) : « s0l3il » → « soleil ».

    Le « 1 » se lit « i » ou « l » : deux variantes. Le texte d'origine n'est pas inclus
    s'il ne contient aucune substitution.
    """
    if not any(c in SUBSTITUTIONS_LEET or c == "1" for c in texte):
        return ()
    base = "".join(SUBSTITUTIONS_LEET.get(c, c) for c in texte)
    if "1" not in base:
        return (base,)
    return (base.replace("1", "i"), base.replace("1", "l"))


def _est_decor(c: str) -> bool:
    """Chiffre ou caractère spécial : ce qu'on ajoute souvent avant ou après un mot."""
    return not c.isalpha()


def _sans_decor(texte: str) -> str:
    debut, fin = 0, len(texte)
    while debut < fin and _est_decor(texte[debut]):
        debut += 1
    while fin > debut and _est_decor(texte[fin - 1]):
        fin -= 1
    return texte[debut:fin]


@dataclass(frozen=True)
class ListeCourante:
    """La liste des mots de passe courants, repliés, avec leur rang (1 = le plus courant)."""

    rangs: dict[str, int] = field(repr=False)
    longueur_max: int = 0

    def __len__(self) -> int:
        return len(self.rangs)

    def __contains__(self, mot: object) -> bool:
        return mot in self.rangs

    def rang(self, mot: str) -> int | None:
        return self.rangs.get(mot)

    @classmethod
    def depuis(cls, mots: Iterable[str]) -> ListeCourante:
        rangs: dict[str, int] = {}
        for mot in mots:
            if not isinstance(mot, str):
                raise ValeurInvalide("La liste de mots de passe courants ne doit contenir que "
                                     f"des textes (reçu : {mot!r}).")
            cle = replier(mot.strip())
            if cle and cle not in rangs:
                rangs[cle] = len(rangs) + 1
        return cls(rangs=rangs, longueur_max=max(map(len, rangs), default=0))


@lru_cache(maxsize=1)
def liste_courante() -> ListeCourante:
    """La liste livrée dans ``data/mots_de_passe_courants.txt`` (chargée une seule fois)."""
    return ListeCourante.depuis(donnees.lignes(FICHIER_MOTS_DE_PASSE_COURANTS))


def base_courante(mot_de_passe: str, liste: ListeCourante | None = None) -> tuple[str, int] | None:
    """Si le mot de passe repose sur un mot de passe courant, ``(entrée, rang)``, sinon ``None``.

    Reconnu : majuscules et accents (« SOLEIL », « Sôleil »), leet (« S0l3il », « P@ssw0rd »),
    chiffres et symboles ajoutés au début ou à la fin (« Soleil2024! », « 2008azerty »), et
    répétition d'une entrée (« azertyazerty »).
    """
    liste = liste_courante() if liste is None else liste
    replie = replier(mot_de_passe)
    coeur = _sans_decor(replie)
    candidats: list[str] = [replie, coeur, *variantes_leet(replie), *variantes_leet(coeur)]
    candidats += [_sans_decor(v) for v in variantes_leet(replie)]
    trouves: list[tuple[int, str]] = []
    for candidat in candidats:
        if not candidat:
            continue
        rang = liste.rang(candidat)
        if rang is None:
            rang, candidat = _repetition(candidat, liste)
        if rang is not None:
            trouves.append((rang, candidat))
    if not trouves:
        return None
    rang, entree = min(trouves)
    return entree, rang


def _repetition(texte: str, liste: ListeCourante) -> tuple[int | None, str]:
    """« azertyazerty » → rang de « azerty » (une entrée répétée au moins deux fois)."""
    n = len(texte)
    for taille in range(1, n // 2 + 1):
        if n % taille == 0 and texte == texte[:taille] * (n // taille):
            rang = liste.rang(texte[:taille])
            if rang is not None:
                return rang, texte[:taille]
    return None, texte


# ---------------------------------------------------------------------------------------------
# Les règles
# ---------------------------------------------------------------------------------------------

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
            return [Echec("mdp_trop_long", message("mdp_trop_long", longueur=_fr(n),
                                                   maximum=_fr(self.maximum)))]
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
            types = tuple(dict.fromkeys(_type_depuis(t) for t in parmi))
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
            liste=_enumerer([str(t) for t in self.parmi]), nombre=_combien(presents),
            manquants=_enumerer([t.exemple for t in manquants], "ou")))]

    def aide(self) -> str:
        if self.minimum == len(self.parmi):
            return (f"Votre mot de passe doit contenir des "
                    f"{_enumerer([str(t) for t in self.parmi])}.")
        return (f"Votre mot de passe doit mélanger au moins {self.minimum} types de caractères "
                f"parmi : {', '.join(str(t) for t in self.parmi)}.")


def _combien(presents: Sequence[TypeCaractere]) -> str:
    """« aucun », « qu'un (minuscules) », « que 2 (minuscules et chiffres) »."""
    if not presents:
        return "aucun"
    noms = _enumerer([str(t) for t in presents])
    return f"qu'un ({noms})" if len(presents) == 1 else f"que {len(presents)} ({noms})"


def _type_depuis(valeur: TypeCaractere | str) -> TypeCaractere:
    if isinstance(valeur, TypeCaractere):
        return valeur
    if isinstance(valeur, str):
        cle = replier(valeur).replace("caracteres", "").replace("_", " ").strip()
        noms = {"minuscules": TypeCaractere.MINUSCULES, "minuscule": TypeCaractere.MINUSCULES,
                "majuscules": TypeCaractere.MAJUSCULES, "majuscule": TypeCaractere.MAJUSCULES,
                "chiffres": TypeCaractere.CHIFFRES, "chiffre": TypeCaractere.CHIFFRES,
                "speciaux": TypeCaractere.SPECIAUX, "special": TypeCaractere.SPECIAUX}
        if cle in noms:
            return noms[cle]
    raise ValeurInvalide(f"Type de caractères inconnu : {valeur!r}. Types possibles : "
                         "\"minuscules\", \"majuscules\", \"chiffres\", \"speciaux\".")


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
        return liste_courante() if self.mots is None else _liste_perso(self.mots)

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


@lru_cache(maxsize=8)
def _liste_perso(mots: tuple[str, ...]) -> ListeCourante:
    return ListeCourante.depuis(mots)


_MOIS = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
         "octobre", "novembre", "decembre")
_SEPARATEURS = re.compile(r"[\s\-_./',:;]+")


def formes_date(jour: date) -> tuple[str, ...]:
    """Les façons courantes d'écrire une date de naissance dans un mot de passe (sans
    séparateurs) : « 14032008 », « 140308 », « 20080314 », « 2008 », « 1403 », « 14mars »…"""
    j, m, a = jour.day, jour.month, jour.year
    aa = f"{a % 100:02d}"
    formes = [f"{j:02d}{m:02d}{a}", f"{j:02d}{m:02d}{aa}", f"{a}{m:02d}{j:02d}", f"{j}{m}{a}",
              f"{j}{m}{aa}", f"{a}", f"{j:02d}{m:02d}", f"{j}{_MOIS[m - 1]}",
              f"{_MOIS[m - 1]}{a}", f"{j:02d}{_MOIS[m - 1]}"]
    return tuple(dict.fromkeys(formes))


@dataclass(frozen=True)
class AttributsUtilisateur:
    """SDET, « Interdiction d'utiliser un mot de passe contenant des attributs de l'utilisateur ».

    Cherche dans le mot de passe (sans tenir compte des majuscules, des accents ni du leet) :
    le prénom, le nom et les parties de l'identifiant ou de l'adresse électronique d'au moins
    ``longueur_min`` caractères, écrits à l'endroit ou à l'envers, ainsi que leur début
    (``longueur_extrait`` caractères au moins : « maxi » pour Maximilien) ; la date de
    naissance sous ses formes courantes (« 14/03/2008 », « 140308 », « 2008 », « 14mars »…).
    La CNIL (délibération 2022-100) rappelle que les mots de passe « fondés sur des
    informations publiques » (date de naissance, prénoms…) sont les premiers essayés.
    """

    longueur_min: int = 3
    longueur_extrait: int = 4
    codes: ClassVar[tuple[str, ...]] = ("mdp_contient_prenom", "mdp_contient_nom",
                                        "mdp_contient_date_naissance", "mdp_contient_identifiant")

    def __post_init__(self) -> None:
        verifier_entier(self.longueur_min, "longueur_min", minimum=2)
        verifier_entier(self.longueur_extrait, "longueur_extrait", minimum=self.longueur_min)

    def attributs(self, utilisateur: Personne) -> list[tuple[str, tuple[str, ...]]]:
        """``(code, formes cherchées)`` pour chaque attribut connu de l'utilisateur."""
        resultat: list[tuple[str, tuple[str, ...]]] = []
        for code, valeurs in (
                ("mdp_contient_prenom", [getattr(utilisateur, "prenom", "")]),
                ("mdp_contient_nom", [getattr(utilisateur, "nom", "")]),
                ("mdp_contient_identifiant", [getattr(utilisateur, "identifiant", ""),
                                              str(getattr(utilisateur, "courriel", "") or "")
                                              .split("@")[0]])):
            formes: list[str] = []
            for valeur in valeurs:
                if isinstance(valeur, str) and valeur.strip():
                    formes += self._formes_texte(valeur)
            if formes:
                resultat.append((code, tuple(dict.fromkeys(formes))))
        naissance = getattr(utilisateur, "date_naissance", None)
        if isinstance(naissance, date):
            resultat.append(("mdp_contient_date_naissance", formes_date(naissance)))
        return resultat

    def _formes_texte(self, valeur: str) -> list[str]:
        replie = replier(valeur)
        morceaux = [m for m in _SEPARATEURS.split(replie) if m]
        entiers = morceaux + ["".join(morceaux)] if len(morceaux) > 1 else morceaux
        formes: list[str] = []
        for mot in entiers:
            if len(mot) < self.longueur_min:
                continue
            formes.append(mot)
            if len(mot) >= self.longueur_extrait:      # « nitram » ; pas « ael » (Léa)
                formes.append(mot[::-1])
            formes += [mot[:k] for k in range(len(mot) - 1, self.longueur_extrait - 1, -1)]
        return sorted(dict.fromkeys(formes), key=len, reverse=True)

    def valider(self, mot_de_passe: str, utilisateur: Personne | None = None,
                contexte: ContexteValidation = ContexteValidation()) -> list[Echec]:
        if utilisateur is None:
            return []
        replie = replier(mot_de_passe)
        textes = (replie, *variantes_leet(replie))
        compact = _SEPARATEURS.sub("", replie)     # « 14/03/2008 » → « 14032008 »
        echecs: list[Echec] = []
        deja: set[str] = set()          # l'identifiant « lea.martin » répète prénom et nom
        for code, formes in self.attributs(utilisateur):
            cibles = (compact, replie) if code == "mdp_contient_date_naissance" else textes
            extrait = next((f for f in formes
                            if f not in deja and any(f in t for t in cibles)), None)
            deja.update(formes)
            if extrait is not None:
                echecs.append(Echec(code, message(code, extrait=extrait)))
        return echecs

    def aide(self) -> str:
        return ("Votre mot de passe ne doit contenir ni votre prénom, ni votre nom, ni votre "
                "identifiant, ni votre date de naissance (même à l'envers ou en partie).")


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
    Calcul : :func:`entsim.authentification.entropie.entropie_theorique`, arrondi au bit le plus proche comme
    dans les exemples de la délibération."""

    seuil: int = 80
    codes: ClassVar[tuple[str, ...]] = ("mdp_entropie_insuffisante",)

    def __post_init__(self) -> None:
        verifier_entier(self.seuil, "seuil", minimum=1)

    def valider(self, mot_de_passe: str, utilisateur: Personne | None = None,
                contexte: ContexteValidation = ContexteValidation()) -> list[Echec]:
        from entsim.authentification.entropie import bits_arrondis, entropie_theorique   # import tardif (cycle)

        bits = bits_arrondis(entropie_theorique(mot_de_passe))
        if bits >= self.seuil:
            return []
        return [Echec("mdp_entropie_insuffisante",
                      message("mdp_entropie_insuffisante", bits=bits, seuil=self.seuil))]

    def aide(self) -> str:
        return (f"Votre mot de passe doit atteindre {self.seuil} bits d'entropie (CNIL) : par "
                "exemple 12 caractères mêlant minuscules, majuscules, chiffres et caractères "
                "spéciaux, ou 14 caractères sans caractère spécial, ou une phrase de 7 mots.")


# ---------------------------------------------------------------------------------------------
# La politique
# ---------------------------------------------------------------------------------------------

class PolitiqueMotDePasse:
    """Une politique = une liste de règles, vérifiées toutes ensemble.

    >>> politique = PolitiqueMotDePasse([LongueurMinimale(12), MotDePasseCourant()])
    >>> politique.valider("Soleil2024").codes
    ('mdp_trop_court', 'mdp_trop_courant')
    """

    def __init__(self, regles: Sequence[Regle]) -> None:
        if isinstance(regles, (str, bytes)) or not isinstance(regles, Iterable):
            raise ValeurInvalide("Une politique se construit avec une liste de règles, par "
                                 "exemple PolitiqueMotDePasse([LongueurMinimale(12)]).")
        regles = tuple(regles)
        for regle in regles:
            if isinstance(regle, type):
                raise ValeurInvalide(f"« {regle.__name__} » est une règle à créer : écrivez "
                                     f"{regle.__name__}() avec des parenthèses.")
            if not (callable(getattr(regle, "valider", None))
                    and callable(getattr(regle, "aide", None))):
                raise ValeurInvalide(f"{regle!r} n'est pas une règle de mot de passe (il lui "
                                     "faut les méthodes « valider » et « aide »).")
        self.regles: tuple[Regle, ...] = regles

    def valider(self, mot_de_passe: str, utilisateur: Personne | None = None, *,
                historique: Sequence[str] = (),
                verifier: Callable[[str, str], bool] | None = None) -> ResultatPolitique:
        """Vérifie toutes les règles et renvoie **tous** les échecs (ou aucun).

        ``historique`` : empreintes des mots de passe précédents, la plus récente d'abord ;
        ``verifier(clair, empreinte)`` : la comparaison fournie par l'authentification.
        Les règles bloquantes (:class:`LongueurMaximale`) passent d'abord : si elles échouent,
        on s'arrête là.
        """
        if not isinstance(mot_de_passe, str):
            raise ValeurInvalide("Le mot de passe doit être un texte entre guillemets, par "
                                 f"exemple \"Ma phrase secrète !\" (reçu : "
                                 f"{type(mot_de_passe).__name__}).")
        if utilisateur is not None and not hasattr(utilisateur, "identifiant"):
            raise ValeurInvalide("« utilisateur » doit être une personne de l'annuaire (reçu : "
                                 f"{type(utilisateur).__name__}).")
        if isinstance(historique, str) or not all(isinstance(h, str) for h in historique):
            raise ValeurInvalide("« historique » doit être une liste d'empreintes (des textes), "
                                 "la plus récente d'abord.")
        if verifier is not None and not callable(verifier):
            raise ValeurInvalide("« verifier » doit être une fonction verifier(clair, empreinte).")
        contexte = ContexteValidation(tuple(historique), verifier)
        bloquantes = [r for r in self.regles if getattr(r, "bloquante", False)]
        autres = [r for r in self.regles if not getattr(r, "bloquante", False)]
        echecs: list[Echec] = []
        for regle in bloquantes:
            echecs += regle.valider(mot_de_passe, utilisateur, contexte)
        if echecs:
            return ResultatPolitique(tuple(echecs))
        for regle in autres:
            echecs += regle.valider(mot_de_passe, utilisateur, contexte)
        return ResultatPolitique(tuple(echecs))

    def aides(self) -> list[str]:
        """Le texte d'aide de chaque règle, en français (pour le formulaire de changement)."""
        return [regle.aide() for regle in self.regles]

    def codes(self) -> tuple[str, ...]:
        """Tous les codes d'échec que cette politique peut produire."""
        return tuple(c for r in self.regles for c in getattr(r, "codes", ()))

    def ages_maximaux(self) -> list[AgeMaximal]:
        return [r for r in self.regles if isinstance(r, AgeMaximal)]

    def echeance(self, dernier_changement: datetime) -> datetime | None:
        """Quand le mot de passe expire (``None`` sans renouvellement imposé)."""
        ages = self.ages_maximaux()
        return min(a.echeance(dernier_changement) for a in ages) if ages else None

    def expire(self, dernier_changement: datetime, maintenant: datetime) -> bool:
        """Le mot de passe a-t-il dépassé l'âge maximal (règle :class:`AgeMaximal`) ?
        Toujours ``False`` sans telle règle (recommandation de la CNIL)."""
        for nom, valeur in (("dernier_changement", dernier_changement),
                            ("maintenant", maintenant)):
            if not isinstance(valeur, datetime):
                raise ValeurInvalide(f"« {nom} » doit être une date et heure (datetime).")
        return any(a.expire(dernier_changement, maintenant) for a in self.ages_maximaux())

    def echec_expiration(self) -> Echec | None:
        """L'échec « mot de passe expiré » à afficher, ou ``None`` sans renouvellement imposé."""
        ages = self.ages_maximaux()
        return min(ages, key=lambda a: a.jours).echec_expiration() if ages else None

    def __repr__(self) -> str:
        return f"PolitiqueMotDePasse([{', '.join(map(repr, self.regles))}])"

    # -- politiques toutes faites --------------------------------------------------------------
    @classmethod
    def ent_par_defaut(cls) -> PolitiqueMotDePasse:
        """La politique d'un ENT qui bloque le compte après des échecs (CNIL 2022-100, cas n° 2 :
        « mot de passe et restriction d'accès au compte », 50 bits, exemple : au moins
        8 caractères de 3 des 4 types), complétée par les critères du SDET : liste de mots de
        passe courants, attributs de l'utilisateur, pas de réutilisation des 5 derniers. Pas de
        renouvellement périodique imposé (CNIL). Le blocage lui-même (5 échecs → 15 minutes,
        comme un ENT réel) relève de l'authentification, pas de la politique."""
        return cls([LongueurMaximale(128), LongueurMinimale(8), TypesDeCaracteres(3, 4),
                    MotDePasseCourant(), AttributsUtilisateur(), NonReutilisation(5)])

    @classmethod
    def cnil_mot_de_passe_seul(cls) -> PolitiqueMotDePasse:
        """CNIL 2022-100, cas n° 1 « mot de passe seul » : au moins 80 bits d'entropie (12
        caractères des 4 types, 14 caractères sans caractère spécial, ou phrase de 7 mots),
        plus les critères du SDET (liste, attributs, non-réutilisation)."""
        return cls([LongueurMaximale(128), EntropieMinimale(80), MotDePasseCourant(),
                    AttributsUtilisateur(), NonReutilisation(5)])

    @classmethod
    def permissive(cls) -> PolitiqueMotDePasse:
        """Une politique laxiste « d'avant » (4 caractères suffisent), pour montrer en cours ce
        qu'une vraie politique empêche. À ne jamais utiliser comme politique réelle."""
        return cls([LongueurMaximale(128), LongueurMinimale(4)])


def politique_par_defaut() -> PolitiqueMotDePasse:
    """La politique par défaut de l'ENT simulé (:meth:`PolitiqueMotDePasse.ent_par_defaut`)."""
    return PolitiqueMotDePasse.ent_par_defaut()


# ---------------------------------------------------------------------------------------------
# Petits outils de texte
# ---------------------------------------------------------------------------------------------

def _fr(nombre: float, decimales: int = 0) -> str:
    """Un nombre à la française : « 1 000 000 », « 79,6 » (espace fine insécable)."""
    texte = f"{nombre:,.{decimales}f}"
    return texte.replace(",", "\u202f").replace(".", ",")


def _enumerer(elements: Sequence[str], conjonction: str = "et") -> str:
    """« a », « a et b », « a, b et c »."""
    elements = list(elements)
    if not elements:
        return ""
    if len(elements) == 1:
        return elements[0]
    return f"{', '.join(elements[:-1])} {conjonction} {elements[-1]}"


__all__ = [
    "AgeMaximal", "AttributsUtilisateur", "ContexteValidation", "Echec", "EntropieMinimale",
    "ListeCourante", "LongueurMaximale", "LongueurMinimale", "MESSAGES", "MotDePasseCourant",
    "NonReutilisation", "PolitiqueMotDePasse", "Regle", "ResultatPolitique", "TypeCaractere",
    "TypesDeCaracteres", "base_courante", "formes_date", "liste_courante", "longueur", "message",
    "politique_par_defaut", "replier", "type_du_caractere", "types_de_caracteres",
    "variantes_leet",
]
