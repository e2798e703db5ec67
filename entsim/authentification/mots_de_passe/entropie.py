"""L'entropie **théorique** d'un mot de passe, au sens de la CNIL : combien de bits de hasard
si chaque caractère (ou chaque mot d'une phrase de passe) avait été tiré au hasard.

Source : CNIL, délibération n° 2022-100 du 21 juillet 2022 : ``longueur × log2(alphabet)``
avec les tailles de ses exemples (26 minuscules, 26 majuscules, 10 chiffres, « une liste
d'au moins 37 caractères spéciaux possibles »), et des mots pour « une phrase de passe …
composée d'au minimum 7 mots ». Les seuils et les verdicts des trois cas sont dans
:mod:`entsim.authentification.mots_de_passe.cnil` ; ce que coûte vraiment un mot de passe à
un attaquant, dans :mod:`entsim.authentification.mots_de_passe.estimation`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from entsim.authentification.mots_de_passe.caracteres import (
    TypeCaractere,
    type_depuis,
    type_du_caractere,
    types_de_caracteres,
)
from entsim.socle.erreurs import ValeurInvalide, verifier_entier
from entsim.socle.texte import nature


#: Taille de l'alphabet de chaque type de caractères, comme dans les exemples de la CNIL :
#: 26 minuscules, 26 majuscules, 10 chiffres, 37 caractères spéciaux (« une liste d'au moins
#: 37 caractères spéciaux possibles »), soit 99 caractères en tout.
TAILLES_ALPHABETS_CNIL: dict[TypeCaractere, int] = {
    TypeCaractere.MINUSCULES: 26, TypeCaractere.MAJUSCULES: 26,
    TypeCaractere.CHIFFRES: 10, TypeCaractere.SPECIAUX: 37,
}

#: Taille d'une liste Diceware (5 dés : 6⁵ = 7 776 mots ; il en existe en français). La
#: délibération ne fixe pas la taille du dictionnaire de sa phrase de 7 mots : avec l'arrondi
#: au bit près, 7 mots atteignent 80 bits dès que le dictionnaire compte 2 624 mots.
TAILLE_DICTIONNAIRE_DICEWARE = 7776


def verifier_mdp(mot_de_passe: object) -> str:
    if not isinstance(mot_de_passe, str):
        raise ValeurInvalide("Le mot de passe doit être un texte entre guillemets, par exemple "
                             f"\"Ma phrase secrète !\" (reçu : {nature(mot_de_passe)}).")
    return mot_de_passe


def bits_arrondis(bits: float) -> int:
    """Arrondi au bit le plus proche, comme les exemples de la délibération : 12 caractères
    pris parmi 99 donnent 12 × log2(99) ≈ 79,6 bits, que la CNIL présente comme atteignant
    80 bits."""
    return math.floor(bits + 0.5)


def taille_alphabet(types: Iterable[TypeCaractere | str], *, nb_speciaux: int = 37) -> int:
    """Nombre de caractères possibles pour ces types (26 + 26 + 10 + 37 = 99 pour les quatre)."""
    tailles = dict(TAILLES_ALPHABETS_CNIL)
    tailles[TypeCaractere.SPECIAUX] = nb_speciaux
    return sum(tailles[t] for t in {type_depuis(t) for t in types})


def entropie_combinatoire(longueur: int, types: Iterable[TypeCaractere | str], *,
                          nb_speciaux: int = 37) -> float:
    """Entropie d'une **règle** : ``longueur`` caractères tirés au hasard parmi les ``types``
    autorisés, soit ``longueur × log2(taille de l'alphabet)``.

    C'est ainsi que se lisent les exemples de la délibération :

    * ``entropie_combinatoire(12, ["minuscules", "majuscules", "chiffres", "speciaux"])`` :
      12 × log2(99) ≈ 79,6 bits ≈ 80 (cas n° 1) ;
    * ``entropie_combinatoire(14, ["minuscules", "majuscules", "chiffres"])`` :
      14 × log2(62) ≈ 83,4 bits (cas n° 1) ;
    * 8 caractères, « 3 des 4 types » : les quatre types restent *autorisés*, l'attaquant doit
      donc essayer les 99 caractères à chaque position : 8 × log2(99) ≈ 53 bits (cas n° 2).
      Un mot de passe précis qui n'utiliserait que minuscules, majuscules et chiffres ne
      vaudrait que 8 × log2(62) ≈ 47,6 bits au calcul de :func:`entropie_theorique` ;
    * ``entropie_combinatoire(4, ["chiffres"])`` : 4 × log2(10) ≈ 13,3 bits (cas n° 3).
    """
    verifier_entier(longueur, "longueur", minimum=0)
    verifier_entier(nb_speciaux, "nb_speciaux", minimum=1)
    if isinstance(types, (int, str)) or not isinstance(types, Iterable):
        raise ValeurInvalide("« types » doit être une liste de types de caractères, par exemple "
                             "[\"minuscules\", \"majuscules\", \"chiffres\", \"speciaux\"].")
    types = list(types)
    if not types:
        raise ValeurInvalide("Donnez au moins un type de caractères (par exemple [\"chiffres\"]).")
    return longueur * math.log2(taille_alphabet(types, nb_speciaux=nb_speciaux))


def entropie_phrase_de_passe(nb_mots: int,
                             taille_dictionnaire: int = TAILLE_DICTIONNAIRE_DICEWARE) -> float:
    """Entropie d'une phrase de passe de ``nb_mots`` mots **tirés au hasard** dans un
    dictionnaire : ``nb_mots × log2(taille_dictionnaire)``. Avec une liste Diceware de
    7 776 mots : 7 mots ≈ 90,5 bits (exemple de la CNIL, cas n° 1), 6 mots ≈ 77,5 bits."""
    verifier_entier(nb_mots, "nb_mots", minimum=0)
    verifier_entier(taille_dictionnaire, "taille_dictionnaire", minimum=2)
    return nb_mots * math.log2(taille_dictionnaire)


def entropie_caracteres(mot_de_passe: str) -> float:
    """``longueur × log2(alphabet des types présents)`` (tailles de la CNIL : 26, 26, 10, 37).

    « Az3rty0) » : 8 caractères, quatre types → 8 × log2(99) ≈ 53 bits. Une lettre accentuée
    compte comme une minuscule ou une majuscule, un émoji comme un caractère spécial.
    """
    texte = verifier_mdp(mot_de_passe)
    types = types_de_caracteres(texte)
    if not types:
        return 0.0
    n = sum(1 for c in texte if type_du_caractere(c) is not None)
    return n * math.log2(taille_alphabet(types))


_SEPARATEURS_MOTS = re.compile(r"[\s\-_.,;:+/]+")


def mots_de_phrase(mot_de_passe: str) -> list[str] | None:
    """Les mots d'une phrase de passe (au moins 4 mots de lettres séparés par des espaces,
    tirets, points…), ou ``None`` si ce n'est pas une phrase de passe."""
    morceaux = [m for m in _SEPARATEURS_MOTS.split(mot_de_passe.strip()) if m]
    if len(morceaux) >= 4 and _SEPARATEURS_MOTS.search(mot_de_passe.strip()) and all(
            m.isalpha() and len(m) >= 2 for m in morceaux):
        return morceaux
    return None


def entropie_theorique(mot_de_passe: str, *,
                       taille_dictionnaire: int = TAILLE_DICTIONNAIRE_DICEWARE) -> float:
    """L'entropie au sens de la CNIL : **combien de bits de hasard** si chaque élément du mot
    de passe avait été tiré au hasard.

    * Mot de passe ordinaire : ``longueur × log2(A)``, où A additionne les alphabets des types
      de caractères présents, avec les tailles de la délibération (26 minuscules,
      26 majuscules, 10 chiffres, 37 caractères spéciaux) — c'est aussi le calcul de la
      calculette de la CNIL, tel qu'il a été décortiqué publiquement (« Az3rty0) » :
      8 × log2(99) ≈ 53 bits).
    * Phrase de passe (au moins 4 mots séparés) : la délibération compte des **mots** et non
      des lettres (« une phrase de passe … composée d'au minimum 7 mots »), soit
      ``nb_mots × log2(taille_dictionnaire)`` (liste Diceware de 7 776 mots par défaut) ; on
      retient le plus petit des deux calculs.

    Ce calcul ignore que les humains ne tirent pas au hasard : « Soleil2024! » vaut ici
    ≈ 73 bits. Voir :func:`estimation_realiste`.
    """
    texte = verifier_mdp(mot_de_passe)
    bits = entropie_caracteres(texte)
    mots = mots_de_phrase(texte)
    if mots is not None:
        bits = min(bits, entropie_phrase_de_passe(len(mots), taille_dictionnaire))
    return bits


__all__ = [
    "TAILLES_ALPHABETS_CNIL", "TAILLE_DICTIONNAIRE_DICEWARE", "bits_arrondis",
    "entropie_caracteres", "entropie_combinatoire", "entropie_phrase_de_passe",
    "entropie_theorique", "mots_de_phrase", "taille_alphabet",
]
