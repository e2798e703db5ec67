"""Entropie d'un mot de passe et verdicts de la CNIL (délibération n° 2022-100).

Source : CNIL, délibération n° 2022-100 du 21 juillet 2022 portant adoption d'une
recommandation relative aux mots de passe et autres secrets partagés (JORF du 16 octobre
2022 ; elle abroge la délibération n° 2017-012). La CNIL y mesure la robustesse en
**entropie** (en bits : la « quantité de hasard ») et distingue trois cas :

* cas n° 1, **mot de passe seul** : au moins **80 bits**. Exemples de la délibération :
  12 caractères au minimum comprenant des majuscules, des minuscules, des chiffres et des
  caractères spéciaux « à choisir dans une liste d'au moins 37 caractères spéciaux
  possibles » ; 14 caractères au minimum comprenant des majuscules, des minuscules et des
  chiffres, « sans caractère spécial obligatoire » ; une phrase de passe d'au minimum
  7 mots ;
* cas n° 2, **mot de passe et restriction d'accès au compte** (temporisation après plusieurs
  échecs, nombre maximal de tentatives, « Captcha », blocage du compte…) : au moins
  **50 bits** ; exemple : 8 caractères au minimum comprenant 3 des 4 types de caractères ;
* cas n° 3, **code de déverrouillage** d'un matériel détenu en propre par la personne (carte
  à puce, téléphone) qui se bloque après 3 échecs : au moins **13 bits** ; exemple : 4 chiffres.

La même délibération ne recommande plus d'imposer un renouvellement périodique des mots de
passe, et demande de les conserver transformés par une fonction non réversible, lente et
salée (voir :mod:`entsim.authentification.politique`, règle ``AgeMaximal``, et le module de hachage).

Deux mesures sont proposées ici, et leur écart est le cœur de la leçon :

* :func:`entropie_theorique` : le calcul de la CNIL, qui suppose des caractères tirés au
  hasard ;
* :func:`estimation_realiste` : ce que coûte vraiment le mot de passe à un attaquant, qui
  essaie d'abord les listes de mots de passe courants, les dates, les suites du clavier.

Vitesses de cassage (:data:`VITESSES_RTX_4090`) : hashcat 6.2.6 sur une seule carte graphique
Nvidia GeForce RTX 4090 (mesures publiées par Sam Croley, « Chick3nman », en octobre 2022).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from entsim.socle.erreurs import ValeurInvalide, verifier_entier
from entsim.authentification.politique import (ORDRE_TYPES, AttributsUtilisateur, ListeCourante, TypeCaractere,
                            _enumerer, _fr, _type_depuis, liste_courante, replier,
                            type_du_caractere, types_de_caracteres, variantes_leet)
from entsim.authentification.politique import longueur as _longueur

if TYPE_CHECKING:   # pragma: no cover
    import pandas

    from entsim.etablissement.annuaire import Personne

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

#: Au-delà, l'estimation réaliste refuse d'analyser (un mot de passe n'a pas mille caractères).
LONGUEUR_ANALYSE_MAX = 1024

#: Âge de l'Univers, en années (13,8 milliards d'années).
AGE_UNIVERS_ANS = 13.8e9

_SECONDES_PAR_AN = 365.25 * 86400


# ---------------------------------------------------------------------------------------------
# Les trois cas de la délibération
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# Entropie théorique
# ---------------------------------------------------------------------------------------------

def _verifier_mdp(mot_de_passe: object) -> str:
    if not isinstance(mot_de_passe, str):
        raise ValeurInvalide("Le mot de passe doit être un texte entre guillemets, par exemple "
                             f"\"Ma phrase secrète !\" (reçu : {type(mot_de_passe).__name__}).")
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
    return sum(tailles[t] for t in {_type_depuis(t) for t in types})


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
    texte = _verifier_mdp(mot_de_passe)
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
    texte = _verifier_mdp(mot_de_passe)
    bits = entropie_caracteres(texte)
    mots = mots_de_phrase(texte)
    if mots is not None:
        bits = min(bits, entropie_phrase_de_passe(len(mots), taille_dictionnaire))
    return bits


# ---------------------------------------------------------------------------------------------
# Estimation réaliste : ce que fait un attaquant
# ---------------------------------------------------------------------------------------------

#: Suites du clavier (AZERTY et QWERTY), de l'alphabet et des chiffres.
SUITES_CLAVIER: tuple[str, ...] = ("azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop",
                                   "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz",
                                   "0123456789", "1234567890")
#: Bits d'une suite : où elle commence (≈ 90 départs possibles) et dans quel sens.
_BITS_DEBUT_SUITE = math.log2(sum(len(s) for s in SUITES_CLAVIER)) + 1
_BITS_ANNEE = math.log2(140)                      # 1900 à 2039
_BITS_DATE = math.log2(366 * 140)                 # jour, mois, année


@dataclass(frozen=True)
class Morceau:
    """Un morceau du mot de passe tel qu'un attaquant le devinerait, et son coût en bits."""

    texte: str
    nature: str          # « mot de passe courant », « année », « force brute »…
    bits: float
    detail: str = ""     # « rang 17 dans la liste », « votre prénom »…

    def __str__(self) -> str:
        detail = f", {self.detail}" if self.detail else ""
        return f"« {self.texte} » : {self.nature}{detail} (≈ {_bits_decimaux(self.bits)})"


@dataclass(frozen=True)
class EstimationRealiste:
    """Le coût réaliste d'un mot de passe pour un attaquant, morceau par morceau."""

    bits: float
    bits_theoriques: float
    morceaux: tuple[Morceau, ...]

    @property
    def devinable_par_liste(self) -> bool:
        """Le mot de passe contient-il un morceau que les attaquants essaient en premier ?"""
        return any(m.nature not in ("force brute", "phrase de passe") for m in self.morceaux)

    @property
    def raisons(self) -> tuple[str, ...]:
        """Les raisons de la faiblesse, en français (« un mot de passe courant (« soleil ») »)."""
        natures = {"mot de passe courant": "un mot de passe courant",
                   "information personnelle": "une information personnelle",
                   "année": "une année", "date": "une date",
                   "suite du clavier": "une suite du clavier",
                   "répétition": "un caractère répété"}
        vues: dict[str, list[str]] = {}
        for m in self.morceaux:
            if m.nature in natures:
                textes = vues.setdefault(natures[m.nature], [])
                if f"« {m.texte} »" not in textes:
                    textes.append(f"« {m.texte} »")
        return tuple(f"{nom} ({', '.join(textes)})" for nom, textes in vues.items())

    @property
    def explication(self) -> str:
        if not self.morceaux:
            return "Mot de passe vide : un attaquant le trouve au premier essai."
        lignes = "\n".join(f"• {m}" for m in self.morceaux)
        return (f"Estimation réaliste : ≈ {_bits_decimaux(self.bits)} (théorie : "
                f"{_bits_decimaux(self.bits_theoriques)}).\n{lignes}")

    def __float__(self) -> float:
        return self.bits

    def __str__(self) -> str:
        return self.explication


def _bits_decimaux(bits: float) -> str:
    """« 0,6 bit », « 5,1 bits » (singulier en dessous de 2, comme en français)."""
    return f"{_fr(bits, 1)} bit{'s' if round(bits, 1) >= 2 else ''}"


def _bits_casse(original: str) -> float:
    """Coût des majuscules d'un mot : 0 tout en minuscules, 1 bit « Soleil » ou « SOLEIL »,
    sinon le nombre de façons de placer les majuscules."""
    lettres = [c for c in original if c.isalpha()]
    majuscules = sum(1 for c in lettres if c.isupper())
    if majuscules == 0:
        return 0.0
    if majuscules == len(lettres) or (majuscules == 1 and lettres[0].isupper()):
        return 1.0
    return math.log2(sum(math.comb(len(lettres), k) for k in range(1, majuscules + 1)))


def _date_valide(jour: int, mois: int, annee: int) -> bool:
    try:
        date(annee, mois, jour)
    except ValueError:
        return False
    return True


def _est_date(texte: str) -> bool:
    """« 14032008 », « 140308 », « 20080314 », « 14/03/2008 », « 14-03-08 »."""
    chiffres = re.sub(r"[/\-.]", "", texte)
    if not chiffres.isdecimal() or not chiffres.isascii():
        return False
    if chiffres != texte and not re.fullmatch(r"\d{2}([/\-.])\d{2}\1\d{2}(\d{2})?", texte):
        return False
    if len(chiffres) == 8:
        j, m, a = int(chiffres[:2]), int(chiffres[2:4]), int(chiffres[4:])
        if 1900 <= a <= 2039 and _date_valide(j, m, a):
            return True
        a, m, j = int(chiffres[:4]), int(chiffres[4:6]), int(chiffres[6:])
        return chiffres == texte and 1900 <= a <= 2039 and _date_valide(j, m, a)
    if len(chiffres) == 6:
        j, m, a = int(chiffres[:2]), int(chiffres[2:4]), int(chiffres[4:])
        return _date_valide(j, m, 2000 + a)
    return False


def _est_suite(texte: str) -> bool:
    return len(texte) >= 3 and any(texte in s or texte[::-1] in s for s in SUITES_CLAVIER)


def _attributs_personnels(utilisateur: Personne | None) -> list[tuple[str, str]]:
    """(forme repliée, libellé) des informations personnelles qu'un attaquant ciblé essaierait."""
    if utilisateur is None:
        return []
    regle = AttributsUtilisateur()
    libelles = {"mdp_contient_prenom": "votre prénom", "mdp_contient_nom": "votre nom",
                "mdp_contient_identifiant": "votre identifiant",
                "mdp_contient_date_naissance": "votre date de naissance"}
    formes: list[tuple[str, str]] = []
    for code, valeurs in regle.attributs(utilisateur):   # dates de naissance comprises
        formes += [(v, libelles[code]) for v in valeurs if len(v) >= 3]
    return formes


def analyse_realiste(mot_de_passe: str, utilisateur: Personne | None = None, *,
                     liste: ListeCourante | None = None,
                     taille_dictionnaire: int = TAILLE_DICTIONNAIRE_DICEWARE,
                     ) -> EstimationRealiste:
    """Découpe le mot de passe comme le ferait un attaquant et additionne le coût des morceaux.

    Un attaquant ne tire pas les caractères au hasard : il essaie d'abord les **listes** de
    mots de passe courants (« soleil » est parmi les premiers essais), avec les
    transformations habituelles (majuscule, leet, chiffres ajoutés), puis les dates, les
    années, les suites du clavier, les informations personnelles de sa cible. Coûts retenus :

    * mot de passe courant : log2(rang dans la liste) + 1 bit pour les majuscules + 1 bit si
      du leet est utilisé ;
    * information personnelle (si ``utilisateur`` est donné : attaque ciblée) : log2(nombre
      d'informations connues) ;
    * année (1900 à 2039) : log2(140) ≈ 7,1 bits ; date complète : log2(366 × 140) ≈ 15,6 bits ;
    * suite du clavier (« qsdfgh », « 12345 ») : ≈ 7,5 bits + log2(longueur) ;
    * caractère répété (« aaaa ») : log2(alphabet) + log2(longueur) ;
    * le reste, caractère par caractère, en force brute : log2(alphabet) par caractère, comme
      dans :func:`entropie_theorique` ;
    * une phrase de passe compte ses mots (:func:`entropie_phrase_de_passe`).

    Le découpage retenu est le moins coûteux (programmation dynamique). Le résultat n'excède
    jamais l'entropie théorique.
    """
    texte = _verifier_mdp(mot_de_passe)
    if len(texte) > LONGUEUR_ANALYSE_MAX:
        raise ValeurInvalide(f"Ce mot de passe fait {_fr(len(texte))} caractères : c'est trop "
                             f"long pour être analysé ({_fr(LONGUEUR_ANALYSE_MAX)} au plus).")
    texte = unicodedata.normalize("NFC", texte)
    theorique = entropie_theorique(texte, taille_dictionnaire=taille_dictionnaire)
    n = len(texte)
    if n == 0:
        return EstimationRealiste(0.0, 0.0, ())
    liste = liste_courante() if liste is None else liste
    alphabet = max(taille_alphabet(types_de_caracteres(texte)), 2)
    bits_brute = math.log2(alphabet)
    replie = replier(texte)
    lectures = [(replie, False)] + [(v, True) for v in variantes_leet(replie)]
    personnels = _attributs_personnels(utilisateur)
    bits_personnel = math.log2(max(len(personnels), 2))
    index_personnels: dict[str, str] = {}
    for forme, libelle in personnels:       # le premier libellé l'emporte (nom avant identifiant)
        index_personnels.setdefault(forme, libelle)
    portee = max(liste.longueur_max, 32, max((len(f) for f, _ in personnels), default=0))

    meilleur: list[float] = [0.0] + [math.inf] * n
    choix: list[Morceau | None] = [None] * (n + 1)
    debut: list[int] = [0] * (n + 1)
    for j in range(1, n + 1):
        # force brute sur un caractère
        meilleur[j] = meilleur[j - 1] + bits_brute
        choix[j], debut[j] = Morceau(texte[j - 1], "force brute", bits_brute), j - 1
        for i in range(max(0, j - portee), j - 1):
            original = texte[i:j]
            longueur_morceau = j - i
            candidats: list[Morceau] = []
            # mots de la liste : 4 caractères au moins, ou au début (« psg2024 ») ;
            # « ent » ou « mer » au milieu d'un mot ne sont pas des mots de passe courants
            if longueur_morceau >= 4 or i == 0:
                for lecture, leet in lectures:
                    morceau = lecture[i:j]
                    rang = liste.rang(morceau)
                    if rang is not None:
                        bits = math.log2(rang) + _bits_casse(original) + (1.0 if leet else 0.0)
                        candidats.append(Morceau(original, "mot de passe courant", bits,
                                                 f"rang {rang} dans la liste"))
                    if morceau in index_personnels and longueur_morceau >= 3:
                        bits = bits_personnel + _bits_casse(original) + (1.0 if leet else 0.0)
                        candidats.append(Morceau(original, "information personnelle", bits,
                                                 index_personnels[morceau]))
            if longueur_morceau == 4 and original.isdecimal() and original.isascii() and (
                    1900 <= int(original) <= 2039):
                candidats.append(Morceau(original, "année", _BITS_ANNEE))
            if longueur_morceau in (6, 8, 10) and _est_date(original):
                candidats.append(Morceau(original, "date", _BITS_DATE
                                         + (1.0 if not original.isdecimal() else 0.0)))
            if _est_suite(replie[i:j]):
                candidats.append(Morceau(original, "suite du clavier",
                                         _BITS_DEBUT_SUITE + math.log2(longueur_morceau)))
            if longueur_morceau >= 3 and len(set(original)) == 1:
                candidats.append(Morceau(original, "répétition",
                                         bits_brute + math.log2(longueur_morceau)))
            for morceau_candidat in candidats:
                total = meilleur[i] + morceau_candidat.bits
                if total < meilleur[j]:
                    meilleur[j], choix[j], debut[j] = total, morceau_candidat, i

    morceaux: list[Morceau] = []
    j = n
    while j > 0:
        morceau = choix[j]
        assert morceau is not None
        if (morceau.nature == "force brute" and morceaux
                and morceaux[-1].nature == "force brute"):
            suivant = morceaux.pop()
            morceau = Morceau(morceau.texte + suivant.texte, "force brute",
                              morceau.bits + suivant.bits)
        morceaux.append(morceau)
        j = debut[j]
    morceaux.reverse()
    for k, m in enumerate(morceaux):
        if m.nature == "force brute":
            nb = len(m.texte)
            morceaux[k] = Morceau(m.texte, m.nature, m.bits,
                                  f"{nb} caractère{'s' if nb > 1 else ''} parmi {alphabet}")
    bits = meilleur[n]

    mots = mots_de_phrase(texte)
    if mots is not None:
        bits_phrase = entropie_phrase_de_passe(len(mots), taille_dictionnaire)
        if bits_phrase < bits:
            bits = bits_phrase
            morceaux = [Morceau(texte, "phrase de passe", bits_phrase,
                                f"{len(mots)} mots parmi {_fr(taille_dictionnaire)}")]
    if theorique < bits:
        bits = theorique
        morceaux = [Morceau(texte, "force brute", theorique,
                            f"{n} caractère{'s' if n > 1 else ''} parmi {alphabet}")]
    return EstimationRealiste(bits, theorique, tuple(morceaux))


def estimation_realiste(mot_de_passe: str, utilisateur: Personne | None = None) -> float:
    """L'entropie **réaliste** en bits (voir :func:`analyse_realiste`) : bien plus basse que
    l'entropie théorique dès que le mot de passe repose sur un mot de passe courant, un mot du
    dictionnaire, une date ou une suite du clavier, car les attaquants essaient ces listes en
    premier. « Soleil2024! » : ≈ 73 bits en théorie, une vingtaine en réalité."""
    return analyse_realiste(mot_de_passe, utilisateur).bits


# ---------------------------------------------------------------------------------------------
# Verdicts de la CNIL
# ---------------------------------------------------------------------------------------------

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
    texte = _verifier_mdp(mot_de_passe)
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
        raisons = _enumerer(list(analyse.raisons)) or "une structure prévisible"
        texte_verdict += (f" Mais attention : il est devinable (≈ {_bits(bits_arrondis(realistes))}"
                          f" en réalité), car il contient {raisons} : les attaquants "
                          "essaient d'abord les listes de mots de passe connus.")
    return VerdictCNIL(le_cas, bits, le_cas.seuil, conforme, texte_verdict, realistes, devinable)


def _bits(nombre: int) -> str:
    """« 0 bit », « 1 bit », « 52 bits » (accord français : singulier en dessous de 2)."""
    return f"{nombre} bit{'s' if abs(nombre) >= 2 else ''}"


def verdicts_cnil(mot_de_passe: str) -> tuple[VerdictCNIL, ...]:
    """Les verdicts des trois cas, dans l'ordre (seul, avec blocage, code de déverrouillage)."""
    mesures = _mesures(_verifier_mdp(mot_de_passe))
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
        _verifier_mdp(mdp)
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


# ---------------------------------------------------------------------------------------------
# Temps de cassage
# ---------------------------------------------------------------------------------------------

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


def _vitesse(valeur: VitesseCassage | str | float | int) -> VitesseCassage:
    if isinstance(valeur, VitesseCassage):
        return valeur
    if isinstance(valeur, str):
        cle = replier(valeur).replace("-", "").replace(" ", "_")
        if cle in VITESSES_RTX_4090:
            return VITESSES_RTX_4090[cle]
        raise ValeurInvalide(f"Algorithme inconnu : « {valeur} ». Choisissez parmi : "
                             f"{', '.join(VITESSES_RTX_4090)}.")
    if isinstance(valeur, (int, float)) and not isinstance(valeur, bool) and valeur > 0 and (
            math.isfinite(valeur)):
        return VitesseCassage("vitesse donnée", -1, float(valeur), "")
    raise ValeurInvalide("La vitesse doit être un nombre d'essais par seconde positif (par "
                         "exemple 164e9) ou un nom d'algorithme comme \"md5\" "
                         f"(reçu : {valeur!r}).")


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
    if isinstance(bits, bool) or not isinstance(bits, (int, float)) or not math.isfinite(bits) \
            or bits < 0:
        raise ValeurInvalide(f"Le nombre de bits doit être un nombre positif (reçu : {bits!r}).")
    vitesse = _vitesse(vitesse_par_seconde)
    essais = 2.0 ** min(bits, 1000)
    return TempsDeCassage(float(bits), vitesse.essais_par_seconde,
                          essais / vitesse.essais_par_seconde)


_UNITES: tuple[tuple[float, str, str], ...] = (
    (1, "seconde", "secondes"), (60, "minute", "minutes"), (3600, "heure", "heures"),
    (86400, "jour", "jours"), (_SECONDES_PAR_AN / 12, "mois", "mois"),
)


def duree_lisible(secondes: float) -> str:
    """Une durée en français courant : « moins d'une seconde », « 3 secondes », « 12 ans »,
    « 4 millions d'années », « plus que l'âge de l'Univers »."""
    if isinstance(secondes, bool) or not isinstance(secondes, (int, float)) \
            or math.isnan(secondes) or secondes < 0:
        raise ValeurInvalide(f"La durée doit être un nombre de secondes positif (reçu : "
                             f"{secondes!r}).")
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
        return f"{_fr(n)} an{'s' if n > 1 else ''}"
    for (taille, singulier, pluriel), suivante in zip(_UNITES, (*_UNITES[1:], None)):
        n = round(secondes / taille)
        if suivante is None or n < round(suivante[0] / taille):
            return f"{n} {singulier if n == 1 else pluriel}"
    return "1 an"   # pragma: no cover  (inatteignable : moins d'un an traité ci-dessus)


def _grand_nombre(valeur: float, singulier: str, pluriel: str) -> str:
    texte = _fr(valeur, 1) if valeur < 10 else _fr(round(valeur))
    texte = texte.removesuffix(",0")
    return f"{texte} {singulier if valeur < 2 else pluriel}"


def _vitesse_lisible(essais_par_seconde: float) -> str:
    for facteur, nom in ((1e9, "milliards"), (1e6, "millions")):
        if essais_par_seconde >= facteur:
            valeur = essais_par_seconde / facteur
            texte = (_fr(valeur, 1) if valeur < 10 else _fr(round(valeur))).removesuffix(",0")
            return f"{texte} {nom} d'essais par seconde"
    return f"{_fr(essais_par_seconde)} essais par seconde"


__all__ = [
    "AGE_UNIVERS_ANS", "Cas", "EstimationRealiste", "ExempleCNIL", "LONGUEUR_ANALYSE_MAX",
    "Morceau", "SUITES_CLAVIER", "TAILLES_ALPHABETS_CNIL", "TAILLE_DICTIONNAIRE_DICEWARE",
    "TempsDeCassage", "VITESSES_RTX_4090", "VerdictCNIL", "VitesseCassage", "analyse_realiste",
    "bits_arrondis", "duree_lisible", "entropie_caracteres", "entropie_combinatoire",
    "entropie_phrase_de_passe", "entropie_theorique", "estimation_realiste",
    "exemples_deliberation", "mots_de_phrase", "tableau_exemples_cnil", "tableau_verdicts",
    "taille_alphabet", "temps_de_cassage", "verdict_cnil", "verdicts_cnil",
]
