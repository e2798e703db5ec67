"""Les empreintes des réponses justes : ce que la fiche des élèves garde du corrigé.

La fiche des élèves (:mod:`entsim.questions.publique`) ne contient pas les réponses
acceptées : pour une question fermée (QCM, classement, mise en ordre, nombre, tableau de
nombres, ligne de code à modifier), elle garde seulement l'**empreinte** de la forme
canonique de chaque réponse juste. La réponse de l'élève est ramenée à la même forme
canonique (mêmes règles de lecture que la correction : lettre ou texte du choix, « 12,5 »,
« 80 bits »…), puis hachée de la même façon : si les empreintes sont égales, la réponse est
juste ; sinon, la fiche dit « pas encore », sans dire quel élément est faux.

Le hachage est **lent et salé**, comme le stockage des mots de passe que le cours enseigne
(partie 3, question 16 : « stockés de manière chiffrée et irréversible », SDET ; la CNIL,
délibération n° 2022-100, demande une fonction « lente » et salée) : PBKDF2-HMAC-SHA256
(RFC 8018, section 5.2 ; :func:`hashlib.pbkdf2_hmac`), :data:`ITERATIONS` tours (environ
0,08 s par essai sur un portable récent), un sel propre à chaque question. Essayer toutes
les réponses possibles d'un classement de 8 éléments en 3 catégories (6 561 réponses) prend
ainsi plusieurs minutes, bien plus que de répondre ; ``benchmarks/bench_empreintes.py``
mesure chaque question. Une question à peu de réponses possibles, en revanche, se devine
vite : 4 essais pour un QCM à choix unique de 4 choix, comme à la main, 127 (10 s) pour un
QCM à plusieurs réponses de 7 choix, une centaine pour un nombre entier ; la vérification
formative ne peut pas être plus discrète que « juste » / « pas encore » (voir la menace
décrite dans ``docs/ENSEIGNANTS.md`` : d'un quart à la moitié des points d'une fiche).

Une valeur numérique avec tolérance garde l'empreinte de chaque valeur arrondie au
:func:`pas` acceptée (de ``valeur − tolérance`` à ``valeur + tolérance``).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from typing import Any

from entsim.questions.lettres import LETTRES
from entsim.questions.normalisation import ReponseInvalide, _lire_nombre, _texte, normaliser
from entsim.questions.question import Question
from entsim.questions.types_de_questions import (QCM, Classement, CodeAModifier, MiseEnOrdre,
                                                 Numerique, TableauACompleter)

#: Tours de PBKDF2-HMAC-SHA256 par vérification (≈ 0,08 s sur un portable récent).
ITERATIONS = 400_000

#: Nombre maximal d'empreintes d'une question numérique à tolérance.
EMPREINTES_MAX = 201


def sel(fiche: str, question: str) -> bytes:
    """Le sel d'une question : propre à chaque question de chaque fiche (une table
    précalculée pour une question ne sert à rien pour une autre)."""
    return hashlib.sha256(f"entsim-empreinte:{fiche}:{question}".encode()).digest()[:16]


def empreinte(canonique: str, sel_: bytes, iterations: int = ITERATIONS) -> str:
    """L'empreinte (hexadécimale) d'une forme canonique : PBKDF2-HMAC-SHA256, lent et salé."""
    return hashlib.pbkdf2_hmac("sha256", canonique.encode("utf-8"), sel_, iterations).hex()


# ---------------------------------------------------------------------------------------------
# Ce que l'énoncé dit de la forme d'une réponse (public) et le lecteur qui s'en déduit
# ---------------------------------------------------------------------------------------------

def _nature_case(valeur: object) -> str | None:
    if isinstance(valeur, bool):
        return None
    if isinstance(valeur, (int, float)):
        return "nombre"
    if isinstance(valeur, str):
        return "texte"
    return None


def parametres_publics(q: Question) -> dict[str, Any] | None:
    """Les paramètres de lecture d'une question fermée (rien du corrigé), ou None si la
    question n'est pas fermée (définition, question ouverte, tableau rédigé)."""
    if isinstance(q, QCM):
        return {"type": "qcm", "choix": list(q.choix), "multiple": bool(q.multiple)}
    if isinstance(q, Classement):
        return {"type": "classement", "categories": list(q.categories),
                "elements": list(q.elements), "lettres": q.lettres}
    if isinstance(q, MiseEnOrdre):
        return {"type": "mise_en_ordre", "etapes": list(q.affichees)}
    if isinstance(q, Numerique):
        return {"type": "numerique", "unite": q.unite, "pas": pas(q.tolerance)}
    if isinstance(q, TableauACompleter):
        natures = {ligne: {c: _nature_case(v) for c, v in cases.items()}
                   for ligne, cases in q.attendu.items()}
        if any(n is None for cases in natures.values() for n in cases.values()):
            return None
        return {"type": "tableau", "colonnes": list(q.colonnes), "natures": natures,
                "alias_lignes": dict(q.alias_lignes)}
    if isinstance(q, CodeAModifier):
        return {"type": "code", "ligne_de_depart": q.ligne_de_depart,
                "valeur_de_depart": q.valeur_de_depart if isinstance(
                    q.valeur_de_depart, (str, int, float, type(None))) else None,
                "message_depart": q.message_depart}
    return None


def pas(tolerance: float) -> float:
    """Le pas d'arrondi d'une réponse numérique : un cinquième de la tolérance (puissance
    de 10), ou un millionième sans tolérance."""
    if tolerance <= 0:
        return 1e-6
    return 10.0 ** math.floor(math.log10(tolerance / 5))


def lecteur(qid: str, parametres: Mapping[str, Any]) -> Question:
    """Une question du bon type, construite avec l'énoncé seul (les champs du corrigé ont
    des valeurs neutres) : elle sert à lire la réponse de l'élève, jamais à la noter."""
    genre = parametres["type"]
    if genre == "qcm":
        return QCM(id=qid, enonce="", choix=tuple(parametres["choix"]), bonnes=("A",),
                   multiple=parametres["multiple"])
    if genre == "classement":
        categories = tuple(parametres["categories"])
        return Classement(id=qid, enonce="", categories=categories,
                          attendu={e: categories[0] for e in parametres["elements"]},
                          lettres=parametres["lettres"])
    if genre == "mise_en_ordre":
        etapes = tuple(parametres["etapes"])
        return MiseEnOrdre(id=qid, enonce="", etapes=etapes,
                           presentation=tuple(range(len(etapes))))
    if genre == "numerique":
        return Numerique(id=qid, enonce="", valeur=0, unite=parametres["unite"])
    if genre == "tableau":
        neutre = {"nombre": 0, "texte": ""}
        return TableauACompleter(id=qid, enonce="", colonnes=tuple(parametres["colonnes"]),
                                 attendu={l: {c: neutre[n] for c, n in cases.items()}
                                          for l, cases in parametres["natures"].items()},
                                 alias_lignes=parametres.get("alias_lignes", {}))
    if genre == "code":
        return CodeAModifier(id=qid, enonce="", ligne_de_depart=parametres["ligne_de_depart"],
                             ligne_modifiee="", exemple=None,
                             valeur_de_depart=parametres["valeur_de_depart"],
                             message_depart=parametres.get("message_depart", ""))
    raise ReponseInvalide(f"Type de question inconnu : {genre}.")


def _nombre_canonique(nombre: float, pas_: float) -> str:
    k = round(nombre / pas_)
    return f"{k * pas_:.6f}".rstrip("0").rstrip(".").replace("-0", "0") or "0"


def _valeur_canonique(valeur: object) -> str:
    if isinstance(valeur, str):
        return "t:" + normaliser(valeur)
    if isinstance(valeur, (int, float)) and not isinstance(valeur, bool):
        return "n:" + _nombre_canonique(float(valeur), 1e-6)
    return "r:" + repr(valeur)


def canonique(lecteur_: Question, parametres: Mapping[str, Any], reponse: object) -> str:
    """La forme canonique d'une réponse (lève :class:`ReponseInvalide` si elle est illisible).

    QCM : les lettres choisies, triées (« AC ») ; classement : la lettre de la catégorie de
    chaque élément, dans l'ordre de l'énoncé (« ? » : non classé) ; mise en ordre : les
    lettres dans l'ordre donné ; nombre : la valeur arrondie au pas ; tableau : chaque case
    lue ; ligne de code : la valeur obtenue.
    """
    genre = parametres["type"]
    if isinstance(lecteur_, QCM):
        return "".join(sorted({LETTRES[i] for i in lecteur_._choisis(reponse)}))
    if isinstance(lecteur_, Classement):
        ranges, _inconnus = lecteur_._ranger(reponse)
        return "".join(LETTRES[ranges[e]] if ranges.get(e) is not None else "?"
                       for e in lecteur_.elements)
    if isinstance(lecteur_, MiseEnOrdre):
        return "".join(LETTRES[i] for i in lecteur_._ordre(reponse))
    if isinstance(lecteur_, Numerique):
        return _nombre_canonique(lecteur_._nombre(reponse), parametres["pas"])
    if isinstance(lecteur_, TableauACompleter):
        lignes = lecteur_._lignes(reponse)
        cases = []
        for ligne, natures in parametres["natures"].items():
            donnees = lignes.get(normaliser(ligne)) or {}
            for colonne, nature in natures.items():
                valeur = donnees.get(colonne)
                if nature == "nombre":
                    try:
                        cases.append(_nombre_canonique(_lire_nombre(valeur), 1e-6))
                    except ReponseInvalide:
                        cases.append("?")
                else:
                    cases.append(normaliser(_texte(valeur)) if valeur is not None else "?")
        return "|".join(cases)
    if isinstance(lecteur_, CodeAModifier):
        return _valeur_canonique(reponse)
    raise ReponseInvalide(f"Type de question inconnu : {genre}.")


def formes_justes(q: Question, parametres: Mapping[str, Any]) -> list[str]:
    """Côté corrigé : les formes canoniques des réponses justes (la réponse modèle, et pour
    un nombre à tolérance, chaque valeur arrondie acceptée). Chacune est vérifiée : le
    corrigé lui donne tous les points."""
    lecteur_ = lecteur(q.id, parametres)
    formes = {canonique(lecteur_, parametres, q.exemple_de_reponse())}
    if isinstance(q, CodeAModifier) and isinstance(q.attendu, (str, int, float)):
        formes.add(canonique(lecteur_, parametres, q.attendu))
    if isinstance(q, Numerique) and q.tolerance > 0:
        p = parametres["pas"]
        debut = math.ceil((float(q.valeur) - q.tolerance) / p - 1e-9)
        fin = math.floor((float(q.valeur) + q.tolerance) / p + 1e-9)
        if fin - debut + 1 > EMPREINTES_MAX:
            raise ReponseInvalide(f"Question {q.id} : tolérance trop large pour des empreintes.")
        formes = {_nombre_canonique(k * p, p) for k in range(debut, fin + 1)}
    return sorted(formes)
