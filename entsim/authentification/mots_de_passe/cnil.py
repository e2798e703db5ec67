"""Les trois cas de la CNIL (délibération n° 2022-100) et le verdict d'un mot de passe.

Source : CNIL, délibération n° 2022-100 du 21 juillet 2022 portant adoption d'une
recommandation relative aux mots de passe et autres secrets partagés (JORF du 16 octobre
2022 ; elle abroge la délibération n° 2017-012). La CNIL y mesure la robustesse en
**entropie** (en bits : la « quantité de hasard ») et distingue trois cas :

* cas n° 1, **mot de passe seul** : au moins **80 bits** (12 caractères des 4 types,
  14 caractères sans caractère spécial obligatoire, ou une phrase de passe de 7 mots) ;
* cas n° 2, **mot de passe et restriction d'accès au compte** (temporisation, blocage…) :
  au moins **50 bits** ; exemple : 8 caractères comprenant 3 des 4 types ;
* cas n° 3, **code de déverrouillage** d'un matériel détenu par la personne, bloqué après
  3 échecs : au moins **13 bits** ; exemple : 4 chiffres.

Le verdict compare l'entropie théorique (arrondie au bit près) au seuil du cas, et signale
un mot de passe conforme mais devinable d'après l'estimation réaliste.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from entsim.authentification.mots_de_passe.caracteres import ORDRE_TYPES, types_de_caracteres
from entsim.authentification.mots_de_passe.caracteres import longueur as _longueur
from entsim.authentification.mots_de_passe.cassage import _vitesse, temps_de_cassage
from entsim.authentification.mots_de_passe.entropie import (
    verifier_mdp,
    bits_arrondis,
    entropie_combinatoire,
    entropie_phrase_de_passe,
    entropie_theorique,
)
from entsim.authentification.mots_de_passe.estimation import (
    LONGUEUR_ANALYSE_MAX,
    EstimationRealiste,
    analyse_realiste,
)
from entsim.authentification.mots_de_passe.redaction import enumerer
from entsim.socle.erreurs import ValeurInvalide

if TYPE_CHECKING:   # pragma: no cover
    import pandas


class Cas(Enum):
    """Les trois cas de la délibération n° 2022-100 et leur entropie minimale."""

    MOT_DE_PASSE_SEUL = 1
    AVEC_RESTRICTION = 2
    CODE_DEVERROUILLAGE = 3

    @property
    def seuil(self) -> int:
        """Entropie minimale exigée, en bits."""
        return {1: 80, 2: 50, 3: 13}[self.value]

    @property
    def libelle(self) -> str:
        return {1: "Mot de passe seul",
                2: "Mot de passe et restriction d'accès au compte (blocage, temporisation…)",
                3: "Code de déverrouillage d'un matériel détenu par l'utilisateur "
                   "(blocage après 3 échecs)"}[self.value]

    @property
    def contexte(self) -> str:
        """La fin de phrase d'un verdict : « … bits exigés {contexte} »."""
        return {1: "pour un mot de passe seul",
                2: "avec blocage ou temporisation du compte",
                3: "pour un code de déverrouillage (blocage après 3 échecs)"}[self.value]

    @property
    def court(self) -> str:
        return {1: "Mot de passe seul", 2: "Avec blocage", 3: "Code de déverrouillage"}[self.value]

    def __str__(self) -> str:
        return self.libelle


def _cas(valeur: Cas | int) -> Cas:
    if isinstance(valeur, Cas):
        return valeur
    if isinstance(valeur, int) and not isinstance(valeur, bool) and valeur in (1, 2, 3):
        return Cas(valeur)
    raise ValeurInvalide(f"Cas inconnu : {valeur!r}. Choisissez Cas.MOT_DE_PASSE_SEUL (1), "
                         "Cas.AVEC_RESTRICTION (2) ou Cas.CODE_DEVERROUILLAGE (3).")


@dataclass(frozen=True)
class VerdictCNIL:
    """Le verdict de la CNIL pour un mot de passe dans un cas donné.

    ``bits`` : l'entropie théorique (calcul de la CNIL) ; ``conforme`` : ``bits`` arrondi au
    bit le plus proche atteint le ``seuil`` ; ``bits_realistes`` et ``devinable`` : ce que
    coûte vraiment le mot de passe (un mot de passe peut être conforme au calcul et pourtant
    devinable, comme « Marseille2024! »).
    """

    cas: Cas
    bits: float
    seuil: int
    conforme: bool
    message: str
    bits_realistes: float = 0.0
    devinable: bool = False

    @property
    def ok(self) -> bool:
        return self.conforme

    @property
    def code(self) -> str:
        return "cnil_conforme" if self.conforme else "cnil_non_conforme"

    def __str__(self) -> str:
        return self.message


def verdict_cnil(mot_de_passe: str, cas: Cas | int) -> VerdictCNIL:
    """Le verdict de la délibération n° 2022-100 pour ce mot de passe dans ce cas.

    >>> verdict_cnil("k7#Qm!2vZp9@", Cas.MOT_DE_PASSE_SEUL).message
    '80 bits ≥ 80 bits exigés pour un mot de passe seul : conforme.'
    """
    texte = verifier_mdp(mot_de_passe)
    return _verdict(_cas(cas), *_mesures(texte))


def _mesures(texte: str) -> tuple[float, EstimationRealiste | None]:
    """Entropie théorique et analyse réaliste, calculées une fois. Au-delà de
    :data:`LONGUEUR_ANALYSE_MAX` caractères, l'analyse réaliste porte sur le début du mot de
    passe (une minoration : « aaaa… » reste devinable, quelle que soit sa longueur)."""
    return entropie_theorique(texte), analyse_realiste(texte[:LONGUEUR_ANALYSE_MAX])


def _verdict(le_cas: Cas, bits: float, analyse: EstimationRealiste | None) -> VerdictCNIL:
    arrondi = bits_arrondis(bits)
    conforme = arrondi >= le_cas.seuil
    realistes = analyse.bits if analyse is not None else bits
    devinable = bits_arrondis(realistes) < le_cas.seuil and bits_arrondis(realistes) < arrondi
    signe = "≥" if conforme else "<"
    texte_verdict = (f"{_bits(arrondi)} {signe} {le_cas.seuil} bits exigés {le_cas.contexte} : "
                     f"{'conforme' if conforme else 'non conforme'}.")
    if conforme and devinable and analyse is not None:
        raisons = enumerer(list(analyse.raisons)) or "une structure prévisible"
        texte_verdict += (f" Mais attention : il est devinable (≈ {_bits(bits_arrondis(realistes))}"
                          f" en réalité), car il contient {raisons} : les attaquants "
                          "essaient d'abord les listes de mots de passe connus.")
    return VerdictCNIL(le_cas, bits, le_cas.seuil, conforme, texte_verdict, realistes, devinable)


def _bits(nombre: int) -> str:
    """« 0 bit », « 1 bit », « 52 bits » (accord français : singulier en dessous de 2)."""
    return f"{nombre} bit{'s' if abs(nombre) >= 2 else ''}"


def verdicts_cnil(mot_de_passe: str) -> tuple[VerdictCNIL, ...]:
    """Les verdicts des trois cas, dans l'ordre (seul, avec blocage, code de déverrouillage)."""
    mesures = _mesures(verifier_mdp(mot_de_passe))
    return tuple(_verdict(cas, *mesures) for cas in Cas)


def tableau_verdicts(mots_de_passe: Sequence[str], *,
                     algorithme: str | None = None) -> pandas.DataFrame:
    """Un tableau (pandas) : une ligne par mot de passe, ses entropies et les trois verdicts.

    ``algorithme`` (``"md5"``, ``"sha256"``, ``"pbkdf2_sha256"``, ``"bcrypt"``) ajoute le temps
    de cassage réaliste sur une RTX 4090 si les empreintes ont fuité.
    """
    import pandas as pd

    if isinstance(mots_de_passe, str) or not isinstance(mots_de_passe, Iterable):
        raise ValeurInvalide("Donnez une liste de mots de passe, par exemple "
                             "[\"azerty\", \"Soleil2024!\"].")
    mots_de_passe = list(mots_de_passe)
    vitesse = _vitesse(algorithme) if algorithme is not None else None
    lignes = []
    for mdp in mots_de_passe:
        verifier_mdp(mdp)
        verdicts = verdicts_cnil(mdp)
        types = [t for t in ORDRE_TYPES if t in types_de_caracteres(mdp)]
        ligne: dict[str, object] = {
            "Mot de passe": mdp,
            "Longueur": _longueur(mdp),
            "Types de caractères": len(types),
            "Entropie théorique (bits)": round(verdicts[0].bits, 1),
            "Estimation réaliste (bits)": round(verdicts[0].bits_realistes, 1),
        }
        for verdict in verdicts:
            ligne[f"{verdict.cas.court} (≥ {verdict.seuil} bits)"] = (
                "conforme" if verdict.conforme else "non conforme")
        if vitesse is not None:
            ligne[f"Temps de cassage ({vitesse.algorithme})"] = temps_de_cassage(
                verdicts[0].bits_realistes, vitesse).texte
        lignes.append(ligne)
    return pd.DataFrame(lignes)


@dataclass(frozen=True)
class ExempleCNIL:
    """Un exemple de la délibération, recalculé."""

    cas: Cas
    description: str
    bits: float

    @property
    def conforme(self) -> bool:
        return bits_arrondis(self.bits) >= self.cas.seuil


def exemples_deliberation() -> tuple[ExempleCNIL, ...]:
    """Les exemples de la délibération n° 2022-100, avec leur entropie recalculée."""
    tous = ["minuscules", "majuscules", "chiffres", "speciaux"]
    return (
        ExempleCNIL(Cas.MOT_DE_PASSE_SEUL, "12 caractères : majuscules, minuscules, chiffres et "
                    "caractères spéciaux (liste d'au moins 37)", entropie_combinatoire(12, tous)),
        ExempleCNIL(Cas.MOT_DE_PASSE_SEUL, "14 caractères : majuscules, minuscules et chiffres, "
                    "sans caractère spécial obligatoire",
                    entropie_combinatoire(14, tous[:3])),
        ExempleCNIL(Cas.MOT_DE_PASSE_SEUL, "Phrase de passe de 7 mots (liste de 7 776 mots)",
                    entropie_phrase_de_passe(7)),
        ExempleCNIL(Cas.AVEC_RESTRICTION, "8 caractères comprenant 3 des 4 types (les 99 "
                    "caractères restent possibles)", entropie_combinatoire(8, tous)),
        ExempleCNIL(Cas.CODE_DEVERROUILLAGE, "4 chiffres, blocage après 3 échecs",
                    entropie_combinatoire(4, ["chiffres"])),
    )


def tableau_exemples_cnil() -> pandas.DataFrame:
    """Les exemples de la délibération sous forme de tableau (pandas)."""
    import pandas as pd

    return pd.DataFrame([{"Cas": f"n° {e.cas.value} — {e.cas.court}",
                          "Exemple de la CNIL": e.description,
                          "Entropie (bits)": round(e.bits, 1),
                          "Seuil (bits)": e.cas.seuil,
                          "Verdict": "conforme" if e.conforme else "non conforme"}
                         for e in exemples_deliberation()])


__all__ = [
    "Cas", "ExempleCNIL", "VerdictCNIL", "exemples_deliberation", "tableau_exemples_cnil",
    "tableau_verdicts", "verdict_cnil", "verdicts_cnil",
]
