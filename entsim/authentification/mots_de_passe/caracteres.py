"""Les caractères d'un mot de passe : les quatre types de la CNIL et du SDET (minuscules,
majuscules, chiffres, caractères spéciaux), la longueur comptée en caractères, et le
« repli » qui compare sans tenir compte des majuscules, des accents ni du leet.

Source des quatre types : CNIL, délibération n° 2022-100 (« 3 des 4 types de caractères ») ;
SDET, document 2 (« combinaison imposée de caractères spéciaux »). Ces outils servent à la
fois aux règles de la politique et aux calculs d'entropie.
"""

from __future__ import annotations

import unicodedata
from enum import Enum

from entsim.socle.erreurs import ValeurInvalide


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


def replier_caractere_a_caractere(texte: str) -> str:
    """Minuscules sans accents, **caractère pour caractère** (même longueur que la forme NFC) :
    « Éloïse » → « eloise ». Sert à comparer sans tenir compte des majuscules ni des accents.

    À la différence de :func:`entsim.etablissement.identifiants.replier` (qui décompose « œ » en
    « oe » pour fabriquer des identifiants), la longueur est gardée : les positions des
    caractères d'un mot de passe restent comparables (variantes « leet »)."""
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


def type_depuis(valeur: TypeCaractere | str) -> TypeCaractere:
    if isinstance(valeur, TypeCaractere):
        return valeur
    if isinstance(valeur, str):
        cle = replier_caractere_a_caractere(valeur).replace("caracteres", "").replace("_", " ").strip()
        noms = {"minuscules": TypeCaractere.MINUSCULES, "minuscule": TypeCaractere.MINUSCULES,
                "majuscules": TypeCaractere.MAJUSCULES, "majuscule": TypeCaractere.MAJUSCULES,
                "chiffres": TypeCaractere.CHIFFRES, "chiffre": TypeCaractere.CHIFFRES,
                "speciaux": TypeCaractere.SPECIAUX, "special": TypeCaractere.SPECIAUX}
        if cle in noms:
            return noms[cle]
    raise ValeurInvalide(f"Type de caractères inconnu : {valeur!r}. Types possibles : "
                         "\"minuscules\", \"majuscules\", \"chiffres\", \"speciaux\".")


__all__ = [
    "ORDRE_TYPES", "SUBSTITUTIONS_LEET", "TypeCaractere", "longueur", "replier_caractere_a_caractere",
    "type_du_caractere", "types_de_caracteres", "variantes_leet",
]
