"""Le temps de cassage d'un mot de passe dont les empreintes ont fuité.

Vitesses de cassage (:data:`VITESSES_RTX_4090`) : hashcat 6.2.6 sur une seule carte graphique
Nvidia GeForce RTX 4090 (mesures publiées par Sam Croley, « Chick3nman », en octobre 2022).
Une empreinte rapide (MD5, SHA-256) se casse des centaines de milliers de fois plus vite
qu'une empreinte lente et salée (bcrypt), d'où la demande de la CNIL (délibération
n° 2022-100) de conserver les mots de passe transformés par une fonction lente.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from entsim.authentification.mots_de_passe.caracteres import replier_caractere_a_caractere
from entsim.authentification.mots_de_passe.redaction import fr
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite


#: Âge de l'Univers, en années (13,8 milliards d'années).
AGE_UNIVERS_ANS = 13.8e9

_SECONDES_PAR_AN = 365.25 * 86400

#: Nombre de bits d'entropie au-delà duquel la question n'a plus de sens (un mot de passe de
#: plus de 15 000 caractères) : au-delà de 1 000 bits, le temps dépasse déjà l'âge de
#: l'Univers à toutes les vitesses de :data:`VITESSES_RTX_4090`.
BITS_MAX = 100_000


@dataclass(frozen=True)
class VitesseCassage:
    """Une vitesse de cassage mesurée : essais par seconde pour un algorithme d'empreinte."""

    algorithme: str
    mode_hashcat: int
    essais_par_seconde: float
    commentaire: str

    def __str__(self) -> str:
        return f"{self.algorithme} : {_vitesse_lisible(self.essais_par_seconde)}"


#: Vitesses de hashcat 6.2.6 sur **une** carte Nvidia GeForce RTX 4090 (mesures publiées par
#: Sam Croley, « Chick3nman », en octobre 2022). Une empreinte rapide (MD5, SHA-256) se casse
#: des centaines de milliers de fois plus vite qu'une empreinte lente (bcrypt).
VITESSES_RTX_4090: dict[str, VitesseCassage] = {
    "md5": VitesseCassage("MD5", 0, 164e9,
                          "empreinte rapide, sans sel : inacceptable pour des mots de passe"),
    "sha256": VitesseCassage("SHA-256", 1400, 22e9,
                             "empreinte rapide : inadaptée seule aux mots de passe"),
    "pbkdf2_sha256": VitesseCassage("PBKDF2-SHA256 (999 itérations)", 10900, 8.9e6,
                                    "fonction lente, mais 999 itérations, c'est peu"),
    "bcrypt": VitesseCassage("bcrypt (coût 5)", 3200, 184e3,
                             "fonction lente et salée (coût 5 : 32 tours)"),
}


def _fini(valeur: object) -> float | None:
    """Le nombre ``valeur`` (entier ou à virgule, pas un booléen) s'il est fini ; un entier
    trop grand pour un nombre à virgule (10**400) compte comme infini (``inf``) ; ``None``
    si ce n'est pas un nombre."""
    if isinstance(valeur, bool) or not isinstance(valeur, (int, float)):
        return None
    try:
        return float(valeur)
    except OverflowError:
        return math.inf if valeur > 0 else -math.inf


def _vitesse(valeur: VitesseCassage | str | float | int) -> VitesseCassage:
    if isinstance(valeur, VitesseCassage):
        return valeur
    if isinstance(valeur, str):
        cle = replier_caractere_a_caractere(valeur).replace("-", "").replace(" ", "_")
        if cle in VITESSES_RTX_4090:
            return VITESSES_RTX_4090[cle]
        raise ValeurInvalide(f"Algorithme inconnu : {cite(valeur)}. Choisissez parmi : "
                             f"{', '.join(VITESSES_RTX_4090)}.")
    nombre = _fini(valeur)
    if nombre is not None and 0 < nombre < math.inf:
        return VitesseCassage("vitesse donnée", -1, nombre, "")
    raise ValeurInvalide("La vitesse doit être un nombre d'essais par seconde positif (par "
                         "exemple 164e9) ou un nom d'algorithme comme \"md5\" "
                         f"(reçu : {cite(valeur)}).")


@dataclass(frozen=True)
class TempsDeCassage:
    """Le temps pour essayer **toutes** les possibilités (pire cas ; en moyenne, la moitié)."""

    bits: float
    essais_par_seconde: float
    secondes: float

    @property
    def secondes_en_moyenne(self) -> float:
        return self.secondes / 2

    @property
    def texte(self) -> str:
        return duree_lisible(self.secondes)

    def __float__(self) -> float:
        return self.secondes

    def __str__(self) -> str:
        return self.texte


def temps_de_cassage(bits: float, vitesse_par_seconde: VitesseCassage | str | float) -> \
        TempsDeCassage:
    """Temps pour essayer les 2^bits possibilités à ``vitesse_par_seconde`` essais par seconde
    (un nombre, ou un algorithme de :data:`VITESSES_RTX_4090` : ``"md5"``, ``"bcrypt"``…).

    >>> temps_de_cassage(40, "md5").texte
    '7 secondes'
    """
    nombre = _fini(bits)
    if nombre is None or not 0 <= nombre <= BITS_MAX:
        raise ValeurInvalide(f"Le nombre de bits doit être un nombre positif, au plus "
                             f"100\u202f000 (reçu : {cite(bits)}).")
    vitesse = _vitesse(vitesse_par_seconde)
    essais = 2.0 ** min(nombre, 1000)
    return TempsDeCassage(nombre, vitesse.essais_par_seconde,
                          essais / vitesse.essais_par_seconde)


_UNITES: tuple[tuple[float, str, str], ...] = (
    (1, "seconde", "secondes"), (60, "minute", "minutes"), (3600, "heure", "heures"),
    (86400, "jour", "jours"), (_SECONDES_PAR_AN / 12, "mois", "mois"),
)


def duree_lisible(secondes: float) -> str:
    """Une durée en français courant : « moins d'une seconde », « 3 secondes », « 12 ans »,
    « 4 millions d'années », « plus que l'âge de l'Univers »."""
    nombre = _fini(secondes)
    if nombre is None or not nombre >= 0:          # NaN compris
        raise ValeurInvalide(f"La durée doit être un nombre de secondes positif (reçu : "
                             f"{cite(secondes)}).")
    secondes = nombre
    if secondes < 1:
        return "moins d'une seconde"
    annees = secondes / _SECONDES_PAR_AN
    if annees >= AGE_UNIVERS_ANS:
        return "plus que l'âge de l'Univers (13,8 milliards d'années)"
    if annees >= 1e9:
        return _grand_nombre(annees / 1e9, "milliard", "milliards") + " d'années"
    if annees >= 1e6:
        return _grand_nombre(annees / 1e6, "million", "millions") + " d'années"
    if round(annees) >= 1 and secondes >= _SECONDES_PAR_AN:
        n = round(annees)
        return f"{fr(n)} an{'s' if n > 1 else ''}"
    for (taille, singulier, pluriel), suivante in zip(_UNITES, (*_UNITES[1:], None)):
        n = round(secondes / taille)
        if suivante is None or n < round(suivante[0] / taille):
            return f"{n} {singulier if n == 1 else pluriel}"
    return "1 an"   # pragma: no cover  (inatteignable : moins d'un an traité ci-dessus)


def _grand_nombre(valeur: float, singulier: str, pluriel: str) -> str:
    texte = fr(valeur, 1) if valeur < 10 else fr(round(valeur))
    texte = texte.removesuffix(",0")
    return f"{texte} {singulier if valeur < 2 else pluriel}"


def _vitesse_lisible(essais_par_seconde: float) -> str:
    for facteur, nom in ((1e9, "milliards"), (1e6, "millions")):
        if essais_par_seconde >= facteur:
            valeur = essais_par_seconde / facteur
            texte = (fr(valeur, 1) if valeur < 10 else fr(round(valeur))).removesuffix(",0")
            return f"{texte} {nom} d'essais par seconde"
    return f"{fr(essais_par_seconde)} essais par seconde"


__all__ = [
    "AGE_UNIVERS_ANS", "TempsDeCassage", "VITESSES_RTX_4090", "VitesseCassage",
    "duree_lisible", "temps_de_cassage",
]
