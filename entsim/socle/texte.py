"""Petits outils de rédaction française pour les messages lus par les élèves et les
enseignants : accords en nombre (« 2 services prévenus », jamais « service(s) ») et citations
entre guillemets français (« zz », jamais la représentation Python 'zz').

Une valeur citée (:func:`cite`, :func:`extrait`) ou dont on dit la nature (:func:`nature`)
n'est jamais montrée par sa représentation Python (``<object object at 0x…>``,
``('lea.martin',)``, ``b'ab'``, ``nan``, ``1e+308``, ``0001-01-01 00:00:00``, ``NoneType``) :

=====================================  ====================================  ======================
valeur reçue                           :func:`cite`                          :func:`nature`
=====================================  ====================================  ======================
``"zz"``, ``Path("a/b")``              « zz », « a/b »                       un texte
``None``                               (aucune valeur)                       rien (None)
``True`` / ``False``                   « True » / « False »                  un booléen (True ou False)
``3``, ``2026``, ``200000``            « 3 », « 2026 », « 200 000 »          un nombre entier
``10 ** 5000``                         un nombre de 5 001 chiffres           un nombre entier
``12.5``, ``-0.0``, ``3.0``            « 12,5 », « 0 », « 3 »                un nombre décimal
``1e308`` / ``1e-9``                   un nombre décimal démesuré /          un nombre décimal
                                       un nombre décimal très proche de 0
``nan`` / ``inf`` / ``-inf``           un nombre non défini (NaN) /          un nombre décimal
                                       l'infini / moins l'infini
``1j``                                 un nombre complexe                    un nombre complexe
``date(1, 1, 1)``                      « 01/01/0001 »                        une date
``datetime(2026, 9, 14, 8, 5)``        « 14/09/2026 à 08:05 »                une date et heure
``time(8, 5)``                         « 08:05 »                             une heure
``["a", "b"]``, ``[]``                 une liste de 2 éléments, une liste    une liste
                                       vide
``("a",)``, ``{"a"}``, ``{"a": 1}``    un tuple de 1 élément, un ensemble    un tuple, un ensemble,
                                       de 1 élément, un dictionnaire de      un dictionnaire
                                       1 entrée
``b"ab"``                              des octets                            des octets
``print``, ``lambda: 1``               une fonction                          une fonction
une classe, un générateur              une classe, un générateur             (idem)
un objet d'une autre classe            un objet Python (Bizarre)             (idem)
=====================================  ====================================  ======================

Les nombres suivent l'usage typographique français (Imprimerie nationale, *Lexique des règles
typographiques*) : virgule décimale, chiffres groupés par trois à partir de cinq chiffres
(« 200 000 », mais « 2026 ») séparés par une espace fine insécable (U+202F), jamais
d'exposant (un nombre décimal hors de 10⁻⁴ … 10¹⁵ est décrit, non écrit). Les dates
s'écrivent jj/mm/aaaa, l'année sur quatre chiffres (``%Y`` écrit « 1 » pour l'an 1).
Un objet de entsim qui a sa propre écriture (``__str__`` : une règle, une personne) est écrit
par elle ; un membre d'énumération par sa valeur."""

from __future__ import annotations

import functools
import math
import numbers
import os
import types
from collections.abc import Iterator, Mapping
from decimal import Decimal
from datetime import date, datetime, time, timedelta
from enum import Enum

from entsim.socle.caracteres import rendre_visible

#: Longueur maximale (en caractères) d'une valeur citée dans un message : au-delà, le début
#: seulement, suivi de « … » — un message ne répète jamais une saisie démesurée.
CITATION_MAX = 60


def accorder(nombre: int, singulier: str, pluriel: str | None = None) -> str:
    """« 0 décision », « 1 ticket », « 2 services » : le nombre et le nom accordé (en
    français, 0 et 1 gardent le singulier). Sans ``pluriel``, chaque mot prend un « s »."""
    if abs(nombre) < 2:
        return f"{nombre} {singulier}"
    if pluriel is None:
        pluriel = " ".join(mot if mot.endswith(("s", "x")) else mot + "s"
                           for mot in singulier.split())
    return f"{nombre} {pluriel}"


def _chiffres(entier: int) -> int:
    """Le nombre de chiffres d'un entier, sans l'écrire (Python refuse d'écrire en base 10
    un entier de plus de 4 300 chiffres : ``sys.get_int_max_str_digits``)."""
    entier = abs(entier)
    if entier < 10:
        return 1
    chiffres = int(math.log10(entier)) + 1
    if 10 ** (chiffres - 1) > entier:      # log10 arrondi vers le haut près d'une puissance
        chiffres -= 1
    elif 10 ** chiffres <= entier:
        chiffres += 1
    return chiffres


#: La nature de quelques valeurs, par leur classe (la première qui convient, dans l'ordre).
_NATURES: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "un booléen (True ou False)"),
    (numbers.Integral, "un nombre entier"),
    ((numbers.Real, Decimal), "un nombre décimal"),
    (numbers.Complex, "un nombre complexe"),
    ((str, os.PathLike), "un texte"),
    ((bytes, bytearray, memoryview), "des octets"),
    (list, "une liste"),
    (tuple, "un tuple"),
    ((set, frozenset), "un ensemble"),
    (Mapping, "un dictionnaire"),
    (datetime, "une date et heure"),
    (date, "une date"),
    (time, "une heure"),
    (timedelta, "une durée"),
    (range, "une suite de nombres (range)"),
    (type, "une classe"),
    ((types.FunctionType, types.BuiltinFunctionType, types.MethodType,
      types.BuiltinMethodType, functools.partial), "une fonction"),
    (types.ModuleType, "un module"),
    (Iterator, "un générateur"),
)

#: Les collections décrites avec leur nombre d'éléments (« une liste de 2 éléments »).
_COLLECTIONS: tuple[tuple[type | tuple[type, ...], str, str, str], ...] = (
    (list, "une liste", "élément", "éléments"),
    (tuple, "un tuple", "élément", "éléments"),
    ((set, frozenset), "un ensemble", "élément", "éléments"),
    (Mapping, "un dictionnaire", "entrée", "entrées"),
)


def nature(valeur: object) -> str:
    """Ce qu'est une valeur, en français, pour un message « (reçu : …) » : « rien (None) »,
    « un nombre entier », « une liste », « un objet Python (Bizarre) »… (table du module) ;
    jamais le nom Python du type (``NoneType``, ``int``, ``list``). Ne lève jamais."""
    if valeur is None:
        return "rien (None)"
    for classes, texte in _NATURES:
        if isinstance(valeur, classes):
            return texte
    classe = type(valeur)
    if classe.__module__.startswith("pandas") and classe.__name__ == "DataFrame":
        return "un tableau pandas"
    return f"un objet Python ({extrait(classe.__name__, 40)})"


def ecrire_nombre(nombre: int | float) -> str:
    """Un nombre écrit à la française : « 12,5 », « 200 000 » (espace fine insécable à partir
    de cinq chiffres), « 2026 », « 0 » pour -0.0, « 3 » pour 3.0, sans exposant ; un nombre
    décimal hors de 10⁻⁴ … 10¹⁵, infini ou non défini est décrit (table du module)."""
    if isinstance(nombre, float) or not isinstance(nombre, int):
        description = _description_decimal(float(nombre))
        if description is not None:
            return description
        entier, _, decimales = repr(float(nombre)).partition(".")
        decimales = decimales.rstrip("0")
        entier = "0" if entier == "-0" and not decimales else entier
        return _grouper(entier) + (f",{decimales}" if decimales else "")
    return _grouper(str(nombre))


def _grouper(chiffres: str) -> str:
    signe, chiffres = ("-", chiffres[1:]) if chiffres.startswith("-") else ("", chiffres)
    if len(chiffres) >= 5:
        chiffres = f"{int(chiffres):,}".replace(",", "\u202f")
    return signe + chiffres


def _description_decimal(nombre: float) -> str | None:
    if math.isnan(nombre):
        return "un nombre non défini (NaN)"
    if math.isinf(nombre):
        return "l'infini" if nombre > 0 else "moins l'infini"
    signe = "négatif " if nombre < 0 else ""
    if abs(nombre) >= 1e15:
        return f"un nombre décimal {signe}démesuré"
    if 0 < abs(nombre) < 1e-4:
        return f"un nombre décimal {signe}très proche de 0"
    return None


def _date_fr(jour: date) -> str:
    return f"{jour.day:02d}/{jour.month:02d}/{jour.year:04d}"


def _heure_fr(heure: time | datetime) -> str:
    texte = f"{heure.hour:02d}:{heure.minute:02d}"
    return texte + (f":{heure.second:02d}" if heure.second else "")


def _description(valeur: object, maximum: int) -> str | None:
    """La description d'une valeur qui ne se cite pas telle quelle, ou ``None``."""
    if isinstance(valeur, int) and not isinstance(valeur, bool) and \
            abs(valeur) >= 10 ** maximum:
        signe = "négatif " if valeur < 0 else ""
        return f"un nombre {signe}de {_chiffres(valeur):,} chiffres".replace(",", "\u202f")
    if isinstance(valeur, (numbers.Real, Decimal)) and \
            not isinstance(valeur, numbers.Integral):
        try:
            return _description_decimal(float(valeur))
        except (OverflowError, ValueError):
            return "un nombre décimal démesuré"
    for classes, debut, un, plusieurs in _COLLECTIONS:
        if isinstance(valeur, classes):
            try:
                taille = len(valeur)
            except Exception:  # noqa: BLE001 - une collection détournée reste décrite
                return debut
            return f"{debut} vide" if taille == 0 else \
                f"{debut} de {accorder(taille, un, plusieurs)}"
    if isinstance(valeur, (str, os.PathLike, bool, numbers.Integral, date, time, Enum)):
        return None
    if type(valeur).__module__.startswith("entsim") and \
            type(valeur).__str__ is not object.__str__:
        return None                     # un objet de entsim qui a sa propre écriture
    return nature(valeur)


def _litteral(valeur: object) -> object:
    """Le texte à citer d'une valeur qui se cite telle quelle."""
    if isinstance(valeur, Enum):
        return valeur.value if isinstance(valeur.value, str) else valeur.name
    if isinstance(valeur, str):
        return valeur
    if isinstance(valeur, os.PathLike):
        return os.fspath(valeur)
    if isinstance(valeur, bool):
        return "True" if valeur else "False"
    if isinstance(valeur, numbers.Integral):
        return ecrire_nombre(int(valeur))
    if isinstance(valeur, (numbers.Real, Decimal)):
        return ecrire_nombre(float(valeur))
    if isinstance(valeur, datetime):
        return f"{_date_fr(valeur)} à {_heure_fr(valeur)}"
    if isinstance(valeur, date):
        return _date_fr(valeur)
    if isinstance(valeur, time):
        return _heure_fr(valeur)
    return str(valeur)


def extrait(valeur: object, maximum: int = CITATION_MAX) -> str:
    """Une valeur reçue, écrite pour un message sans jamais échouer ni s'étendre : un entier
    démesuré devient « un nombre de 5 001 chiffres », un texte de plus de ``maximum``
    caractères est coupé (« début… »), un caractère invisible ou de contrôle est montré par
    son numéro (« ⟨U+202E⟩ ») ; un nombre ou une date s'écrit à la française, une valeur qui
    n'est ni un texte, ni un nombre, ni une date est décrite (table du module)."""
    if valeur is None:
        return "(aucune valeur)"
    try:
        description = _description(valeur, maximum)
        if description is not None:
            return description
        texte = _litteral(valeur)
    except Exception:  # noqa: BLE001 - une valeur dont l'écriture échoue reste citable
        return nature(valeur)
    if not isinstance(texte, str):     # __str__ ou valeur d'énumération détournés
        return nature(valeur)
    if len(texte) > maximum and not isinstance(valeur, (numbers.Number, Decimal)):
        texte = texte[:maximum] + "…"       # un nombre cité a au plus ``maximum`` chiffres
    return rendre_visible(texte)


def cite(valeur: object) -> str:
    """Une valeur reçue, citée entre guillemets français pour un message : « zz »
    (jamais la représentation Python 'zz'), coupée au-delà de :data:`CITATION_MAX`
    caractères (voir :func:`extrait`) ; une valeur décrite (« une liste de 2 éléments »,
    « un nombre de 5 001 chiffres », « l'infini ») ne prend pas de guillemets."""
    if valeur is None:
        return "(aucune valeur)"
    if isinstance(valeur, str) and not valeur.strip():
        return "(vide)"
    try:
        if _description(valeur, CITATION_MAX) is not None:
            return extrait(valeur)
    except Exception:  # noqa: BLE001 - une valeur détournée reste décrite
        return nature(valeur)
    return f"« {extrait(valeur)} »"
