"""L'estimation **réaliste** d'un mot de passe : ce qu'il coûte vraiment à un attaquant.

Un attaquant ne tire pas les caractères au hasard : il essaie d'abord les listes de mots de
passe courants (avec majuscules, leet, chiffres ajoutés), les dates, les années, les suites
du clavier et les informations personnelles de sa cible. Le mot de passe est découpé en
morceaux comme il le ferait, et le coût des morceaux additionné. L'écart avec l'entropie
théorique de la CNIL (délibération n° 2022-100,
:mod:`entsim.authentification.mots_de_passe.entropie`) est le cœur de la leçon :
« Soleil2024! » vaut ≈ 73 bits en théorie, une vingtaine en réalité.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from entsim.authentification.mots_de_passe.attributs import AttributsUtilisateur
from entsim.authentification.mots_de_passe.caracteres import (
    replier_caractere_a_caractere,
    types_de_caracteres,
    variantes_leet,
)
from entsim.authentification.mots_de_passe.courants import ListeCourante, liste_courante
from entsim.authentification.mots_de_passe.entropie import (
    TAILLE_DICTIONNAIRE_DICEWARE,
    verifier_mdp,
    entropie_phrase_de_passe,
    entropie_theorique,
    mots_de_phrase,
    taille_alphabet,
)
from entsim.authentification.mots_de_passe.redaction import fr
from entsim.socle.erreurs import ValeurInvalide

if TYPE_CHECKING:   # pragma: no cover
    from entsim.etablissement.annuaire import Personne


#: Au-delà, l'estimation réaliste refuse d'analyser (un mot de passe n'a pas mille caractères).
LONGUEUR_ANALYSE_MAX = 1024


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
    return f"{fr(bits, 1)} bit{'s' if round(bits, 1) >= 2 else ''}"


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
    texte = verifier_mdp(mot_de_passe)
    if len(texte) > LONGUEUR_ANALYSE_MAX:
        raise ValeurInvalide(f"Ce mot de passe fait {fr(len(texte))} caractères : c'est trop "
                             f"long pour être analysé ({fr(LONGUEUR_ANALYSE_MAX)} au plus).")
    texte = unicodedata.normalize("NFC", texte)
    theorique = entropie_theorique(texte, taille_dictionnaire=taille_dictionnaire)
    n = len(texte)
    if n == 0:
        return EstimationRealiste(0.0, 0.0, ())
    liste = liste_courante() if liste is None else liste
    alphabet = max(taille_alphabet(types_de_caracteres(texte)), 2)
    bits_brute = math.log2(alphabet)
    replie = replier_caractere_a_caractere(texte)
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
                                f"{len(mots)} mots parmi {fr(taille_dictionnaire)}")]
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


__all__ = [
    "EstimationRealiste", "LONGUEUR_ANALYSE_MAX", "Morceau", "SUITES_CLAVIER",
    "analyse_realiste", "estimation_realiste",
]
