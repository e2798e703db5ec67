"""Les questions des fiches d'exercices, leur correction tolérante et les fiches notées.

Une fiche (:class:`Fiche`) rassemble les questions d'une partie du cours (partie 1 :
questions 1 à 3 de la ressource CERTA ; partie 3 : questions 13 à 16…). Les questions sont
écrites comme un professeur les écrit :

- :class:`QCM` — choix unique ou multiple ; l'élève répond par la lettre (``"A"``,
  ``"b"``), le numéro du choix (``1`` pour A) ou le texte du choix ; crédit partiel pour
  un choix multiple ;
- :class:`ReponseCourte` — une définition contrôlée par groupes de mots-clés
  (:class:`MotsCles`), avec variantes et synonymes, sans tenir compte des accents ni des
  majuscules ; le retour nomme l'idée qui manque (« Il manque l'idée de vérifier
  l'identité. ») ; une idée écrite à la forme négative ne compte pas, une liste de
  mots-clés sans phrase a au plus la moitié des points, et la note est marquée
  « provisoire » (le professeur relit et ajuste) ;
- :class:`Classement` — des éléments à ranger dans des catégories (acteur interne ou
  externe, preuve « ce que je sais » / « ce que je possède »…), par un dictionnaire ou la
  liste des lettres dans l'ordre des éléments ; le retour cite les éléments mal rangés ;
- :class:`MiseEnOrdre` — remettre des étapes dans l'ordre (les 8 étapes du SDET) ;
- :class:`Numerique` — un nombre, avec tolérance et unité ; accepte « 12,5 », et une
  durée (« 0:00:10 », ``timedelta``) pour une réponse en secondes ;
- :class:`TableauACompleter` — un petit tableau (dictionnaire, liste de lignes ou
  DataFrame pandas) comparé case par case ;
- :class:`CodeAModifier` — l'élève modifie une ligne de code, exécute et observe ; la
  correction porte sur la valeur obtenue ;
- :class:`QuestionOuverte` — réponse rédigée, notée à la main par le professeur (statut
  ``"manuel"``), avec des repères de mots-clés pour le professeur.

``corriger`` ne lève jamais d'exception sur une réponse d'élève : une réponse absente donne
le statut ``"vide"``, une réponse d'une forme absurde (mauvais type, texte démesuré,
structure imbriquée…) le statut ``"invalide"``, toujours avec un message en français.

Dans un notebook, :meth:`Fiche.verifier` affiche le retour (HTML échappé et texte brut :
symboles ✓/✗ et mots, la couleur n'est jamais le seul signal) et :meth:`Fiche.indice`
affiche un indice ; ces sorties restent dans le fichier enregistré (les indices restent
visibles). La réponse notée est la variable ``reponse_<qid>`` écrite dans la cellule :
elle est enregistrée dans le fichier que l'élève rend (l'état d'un widget, lui, serait
perdu). Le format des fiches est décrit dans ``docs/QUESTIONS.md``.
"""

from __future__ import annotations

import html
import importlib
import math
import pkgutil
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from entsim.socle.erreurs import ErreurENT, Introuvable, ValeurInvalide
from entsim.etablissement.identifiants import replier

# ---------------------------------------------------------------------------------------------
# Constantes
# ---------------------------------------------------------------------------------------------

#: Les statuts d'une correction et leur libellé français (affiché avec un symbole).
STATUTS: dict[str, str] = {
    "juste": "Juste",
    "partiel": "Partiellement juste",
    "faux": "Pas encore juste",
    "vide": "Pas de réponse",
    "manuel": "À corriger par le professeur",
    "invalide": "Réponse illisible",
}

#: Symbole de chaque statut : le sens ne repose jamais sur la seule couleur.
SYMBOLES: dict[str, str] = {
    "juste": "✓", "partiel": "◐", "faux": "✗", "vide": "○", "manuel": "✎", "invalide": "⚠",
}

_COULEURS: dict[str, tuple[str, str]] = {   # (bordure, fond) : aide visuelle seulement
    "juste": ("#1b7f3b", "#eaf6ee"), "partiel": ("#9a6700", "#fff5db"),
    "faux": ("#b3261e", "#fdecea"), "vide": ("#5f6368", "#f1f3f4"),
    "manuel": ("#1a5fb4", "#e8f0fe"), "invalide": ("#9a3412", "#fff1e6"),
}

#: Au-delà de cette longueur (en caractères), une réponse est jugée absurde.
LONGUEUR_MAX_REPONSE = 20_000

#: Profondeur maximale des structures imbriquées acceptées (listes de listes…).
PROFONDEUR_MAX = 6

#: Nombre maximal d'éléments d'une réponse structurée (lignes d'un tableau, choix…).
ELEMENTS_MAX = 500

#: Textes qui veulent dire « pas encore répondu ».
_TEXTES_VIDES = {"", "a completer", "a completer.", "...", "…", "?", "none", "reponse",
                 "votre reponse", "votre reponse ici", "ecrivez votre reponse ici", "todo"}

#: Motif de l'amorce laissée dans les exercices à la place d'une réponse.
AMORCE = "reponse_{qid} = None  # À compléter"

_LETTRES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


# ---------------------------------------------------------------------------------------------
# Correction
# ---------------------------------------------------------------------------------------------

def _nombre_fr(valeur: float) -> str:
    """« 1,5 », « 2 » : un nombre écrit à la française, sans zéros inutiles."""
    if isinstance(valeur, float) and valeur.is_integer():
        valeur = int(valeur)
    if isinstance(valeur, int):
        return f"{valeur:,}".replace(",", "\u202f")
    texte = f"{valeur:.6g}"
    if "e" in texte:
        return texte.replace(".", ",")
    entier, _, decimales = f"{valeur:.4f}".rstrip("0").partition(".")
    entier_fr = f"{int(entier):,}".replace(",", "\u202f") if entier not in ("-0",) else "-0"
    return f"{entier_fr},{decimales}" if decimales else entier_fr


def _points_fr(points: float) -> str:
    return f"{_nombre_fr(points)} point" + ("s" if abs(points) >= 2 else "")


def _accord(nombre: int, singulier: str, pluriel: str) -> str:
    """« 1 élément bien classé », « 2 éléments bien classés » : le nombre et ses mots
    accordés (règle française : singulier pour 0 et 1)."""
    return f"{nombre} {singulier if abs(nombre) < 2 else pluriel}"


#: Ce que lit l'élève à côté d'une note calculée par mots-clés.
MENTION_PROVISOIRE = "note provisoire : le professeur peut l'ajuster"


class _AffichageNotebook:
    """Affichage d'un retour (correction, indice) dans un notebook : texte brut et HTML.

    :meth:`Fiche.verifier` et :meth:`Fiche.indice` affichent déjà l'objet qu'ils renvoient :
    on ne le répète pas quand la cellule se termine par l'appel (un affichage suivant,
    par exemple ``c`` seul, le montre)."""

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return {"text/plain": self.texte(), "text/html": self.html()}

    def _ipython_display_(self) -> None:
        if self.__dict__.pop("_deja_affiche", False):
            return
        _afficher(self._repr_mimebundle_())


@dataclass(frozen=True)
class Correction(_AffichageNotebook):
    """Le résultat de la correction d'une réponse.

    ``statut`` : ``"juste"``, ``"partiel"``, ``"faux"``, ``"vide"``, ``"manuel"`` (question
    ouverte, notée à la main) ou ``"invalide"`` ; ``message`` : le retour en français pour
    l'élève ; ``details`` : les précisions (idée manquante, élément mal rangé…) ;
    ``pour_le_professeur`` : des repères qui ne sont pas montrés à l'élève ;
    ``provisoire`` : la note vient d'un contrôle par mots-clés (définition rédigée) ; le
    barème l'indique (« note provisoire : le professeur peut l'ajuster »).
    """

    question: str
    points: float
    sur: float
    statut: str
    message: str
    details: tuple[str, ...] = ()
    pour_le_professeur: tuple[str, ...] = ()
    provisoire: bool = False

    @property
    def juste(self) -> bool:
        """Vrai si la réponse a tous les points."""
        return self.statut == "juste"

    @property
    def libelle(self) -> str:
        """Le statut en toutes lettres, précédé de son symbole (« ✓ Juste »)."""
        return f"{SYMBOLES.get(self.statut, '?')} {STATUTS.get(self.statut, self.statut)}"

    def bareme(self) -> str:
        """« 1,5 / 2 points » ; pour une question ouverte : « note du professeur, sur 3 points »."""
        if self.statut == "manuel":
            return f"noté par le professeur, sur {_points_fr(self.sur)}"
        bareme = f"{_nombre_fr(self.points)} / {_points_fr(self.sur)}"
        return f"{bareme} ({MENTION_PROVISOIRE})" if self.provisoire else bareme

    def texte(self) -> str:
        """Le retour en texte brut (déterministe) : ce que voit un lecteur d'écran ou nbval."""
        lignes = [f"{self.libelle} — question {self.question} : {self.bareme()}.", self.message]
        lignes += [f"  • {d}" for d in self.details]
        return "\n".join(lignes)

    def html(self) -> str:
        """Le retour en HTML (textes échappés), avec symbole et mots en plus de la couleur."""
        bordure, fond = _COULEURS.get(self.statut, ("#5f6368", "#f1f3f4"))
        e = html.escape
        details = ""
        if self.details:
            details = "<ul style=\"margin:0.3em 0 0 0\">" + "".join(
                f"<li>{_html_texte(d)}</li>" for d in self.details) + "</ul>"
        return (f'<div class="entsim-correction" role="status" style="border-left:6px solid '
                f'{bordure};background:{fond};padding:0.5em 0.8em;margin:0.4em 0;'
                f'font-size:1.05em;color:#202124">'
                f"<strong>{e(self.libelle)}</strong> — question {e(self.question)} : "
                f"{e(self.bareme())}.<br>{_html_texte(self.message)}{details}</div>")

    def __str__(self) -> str:
        return self.texte()


class Indice(_AffichageNotebook, str):
    """Un indice : un texte, affiché joliment dans un notebook (et en texte brut)."""

    question: str = ""
    numero: int = 0
    total: int = 0

    def texte(self) -> str:
        return (f"💡 Indice {self.numero} sur {self.total} — question {self.question} : "
                f"{str(self)}")

    def html(self) -> str:
        return (f'<div class="entsim-indice" role="note" style="border-left:6px solid '
                f'#1a5fb4;background:#e8f0fe;padding:0.5em 0.8em;margin:0.4em 0;'
                f'font-size:1.05em;color:#202124"><strong>💡 Indice {self.numero} sur '
                f'{self.total}</strong> — question {html.escape(self.question)} : '
                f"{_html_texte(str(self))}</div>")



def _html_texte(texte: str) -> str:
    """Texte échappé pour le HTML ; les `extraits de code` sont mis en forme de code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(texte))


def _afficher(paquet: dict[str, str]) -> bool:
    """Affiche un paquet MIME si l'on est dans IPython/Jupyter ; sinon ne fait rien."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython est installé avec Jupyter
        return False
    if get_ipython() is None:
        return False
    display(paquet, raw=True)
    return True


# ---------------------------------------------------------------------------------------------
# Outils de normalisation (ne lèvent que _ReponseInvalide, rattrapée par Question.corriger)
# ---------------------------------------------------------------------------------------------

class _ReponseInvalide(Exception):
    """Réponse d'une forme inattendue ; le message (français) est montré à l'élève."""


def _normaliser(texte: str) -> str:
    """Minuscules, sans accents, ponctuation remplacée par des espaces, espaces réduits."""
    texte = replier(texte).replace("’", "'")
    texte = re.sub(r"[^\w]+", " ", texte)
    return " ".join(texte.split())


def _verifier_taille(reponse: object, profondeur: int = 0) -> None:
    """Refuse les réponses démesurées ou trop imbriquées (sans les parcourir en entier)."""
    if profondeur > PROFONDEUR_MAX:
        raise _ReponseInvalide("La réponse est trop imbriquée (des listes dans des listes "
                               "dans des listes…) : gardez la forme de l'exemple.")
    if isinstance(reponse, str):
        if len(reponse) > LONGUEUR_MAX_REPONSE:
            raise _ReponseInvalide(
                f"La réponse est beaucoup trop longue ({len(reponse)} caractères ; "
                f"{LONGUEUR_MAX_REPONSE} au plus) : quelques phrases suffisent.")
        return
    if isinstance(reponse, (bytes, bytearray)):
        raise _ReponseInvalide("La réponse doit être du texte entre guillemets, pas des "
                               "octets (b\"…\").")
    if isinstance(reponse, Mapping):
        elements: Iterable[object] = list(reponse.keys())[:ELEMENTS_MAX + 1] + \
            list(reponse.values())[:ELEMENTS_MAX + 1]
        taille = len(reponse)
    elif isinstance(reponse, (list, tuple, set, frozenset)):
        elements, taille = reponse, len(reponse)
    else:
        return
    if taille > ELEMENTS_MAX:
        raise _ReponseInvalide(f"La réponse contient trop d'éléments ({taille} ; "
                               f"{ELEMENTS_MAX} au plus).")
    for element in elements:
        _verifier_taille(element, profondeur + 1)


def _est_vide(reponse: object) -> bool:
    """Vrai pour « pas de réponse » : None, texte vide ou amorce, conteneur vide…"""
    if reponse is None or reponse is Ellipsis:
        return True
    if isinstance(reponse, str):
        if len(reponse) > 200:
            return False
        return _normaliser(reponse) in _TEXTES_VIDES or not reponse.strip()
    if isinstance(reponse, (list, tuple, set, frozenset, dict)):
        return len(reponse) == 0 or all(_est_vide(v) for v in
                                        (reponse.values() if isinstance(reponse, dict)
                                         else reponse))
    if _est_dataframe(reponse):
        try:
            return bool(reponse.empty)  # type: ignore[attr-defined]
        except Exception:
            return False
    return False


def _est_dataframe(objet: object) -> bool:
    return type(objet).__name__ == "DataFrame" and hasattr(objet, "to_dict") \
        and hasattr(objet, "columns")


def _texte(reponse: object, quoi: str = "La réponse") -> str:
    """La réponse comme texte ; un nombre est accepté (écrit en chiffres)."""
    if isinstance(reponse, str):
        return reponse
    if isinstance(reponse, bool):
        raise _ReponseInvalide(f"{quoi} doit être un texte entre guillemets, pas "
                               f"{'True' if reponse else 'False'}.")
    if isinstance(reponse, (int, float)):
        return str(reponse)
    raise _ReponseInvalide(f"{quoi} doit être un texte entre guillemets, par exemple "
                           f"\"…\" (reçu : {_nom_type(reponse)}).")


def _nom_type(valeur: object) -> str:
    noms = {"list": "une liste", "tuple": "un tuple", "dict": "un dictionnaire",
            "set": "un ensemble", "int": "un nombre entier", "float": "un nombre décimal",
            "str": "un texte", "bool": "un booléen (True/False)", "NoneType": "None",
            "DataFrame": "un tableau pandas", "bytes": "des octets",
            "complex": "un nombre complexe", "function": "une fonction"}
    return noms.get(type(valeur).__name__, f"un objet {type(valeur).__name__}")


_NOMBRE = re.compile(r"^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$", re.IGNORECASE)


def lire_nombre(valeur: object) -> float:
    """Un nombre depuis ``12``, ``12.5``, ``"12,5"``, ``"1 234"``, ``"80 bits"``, ``"50 %"``.

    Lève :class:`~entsim.socle.erreurs.ValeurInvalide` (message français) si ce n'est pas un nombre.
    """
    try:
        return _lire_nombre(valeur)
    except _ReponseInvalide as erreur:
        raise ValeurInvalide(str(erreur)) from None


def _lire_nombre(valeur: object, unite: str = "") -> float:
    if isinstance(valeur, bool):
        raise _ReponseInvalide("Un nombre est attendu, pas True ou False.")
    if isinstance(valeur, (int, float)):
        nombre = float(valeur)
    elif isinstance(valeur, str):
        if len(valeur) > 100:
            raise _ReponseInvalide("Un nombre est attendu, pas un long texte.")
        texte = valeur.strip().replace("\u202f", "").replace("\u00a0", "").replace("\u2009", "")
        texte = texte.replace("−", "-")
        for suffixe in sorted({unite, unite.rstrip("s"), "%", "bits", "bit", "secondes",
                               "seconde", "s", "caracteres", "caractères", "services",
                               "minutes", "min", "heures", "h", "jours"} - {""},
                              key=len, reverse=True):
            if replier(texte).endswith(replier(suffixe)):
                texte = texte[: len(texte) - len(suffixe)].strip()
                break
        compact = texte.replace(" ", "")
        if re.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3})+", compact) and "," not in compact:
            compact = compact.replace(".", "")     # « 1.234 » : séparateur de milliers
        if not _NOMBRE.match(compact):
            raise _ReponseInvalide(f"« {valeur.strip()[:40]} » n'est pas un nombre : écrivez "
                                   "par exemple 12 ou 12,5.")
        nombre = float(compact.replace(",", "."))
    else:
        raise _ReponseInvalide(f"Un nombre est attendu, par exemple 12 ou \"12,5\" "
                               f"(reçu : {_nom_type(valeur)}).")
    if math.isnan(nombre) or math.isinf(nombre):
        raise _ReponseInvalide("Un nombre fini est attendu.")
    return nombre


# ---------------------------------------------------------------------------------------------
# Mots-clés
# ---------------------------------------------------------------------------------------------

def _motif_variante(variante: str) -> re.Pattern[str]:
    """Motif d'une variante : mots dans l'ordre (deux mots intercalés au plus) ; un mot
    terminé par ``*`` est un radical (``verifi*`` → vérifier, vérification…)."""
    mots = _normaliser(variante.replace("*", " ETOILE ")).replace(" etoile", "*").split()
    morceaux = []
    for mot in mots:
        if mot.endswith("*"):
            morceaux.append(r"\b" + re.escape(mot[:-1]) + r"\w*")
        else:
            morceaux.append(r"\b" + re.escape(mot) + r"\b")
    return re.compile(r"(?:\s+\w+){0,2}?\s+".join(morceaux))


#: Mots qui rendent négative la tournure qui les suit (« ce n'est pas … », « ni … »).
MOTS_NEGATIFS = frozenset({"pas", "ni", "jamais", "aucun", "aucune", "nullement"})

#: « pas seulement », « pas uniquement »… : une restriction, pas une négation.
_APRES_PAS_NON_NEGATIF = frozenset({"seulement", "uniquement", "que", "simplement", "juste",
                                    "forcement", "besoin"})

#: Portée d'une négation : le nombre de mots, avant une variante, où l'on cherche un mot
#: négatif.
PORTEE_NEGATION = 3


def _negatif_avant(mots: Sequence[str]) -> bool:
    """Vrai si l'un des derniers mots (``PORTEE_NEGATION`` au plus) est une négation."""
    fenetre = list(mots[-PORTEE_NEGATION:])
    for i, mot in enumerate(fenetre):
        if mot in MOTS_NEGATIFS:
            suivant = fenetre[i + 1] if i + 1 < len(fenetre) else ""
            if mot == "pas" and suivant in _APRES_PAS_NON_NEGATIF:
                continue
            return True
    return False


def _occurrence_niee(texte: str, debut: int, fin: int) -> bool:
    """Une occurrence (``texte[debut:fin]``) est niée si un mot négatif la précède de près
    (« ce n'est pas vérifier », « ni donner accès ») ou si elle est encadrée par « ne … pas »
    (« ne vérifie pas »). Les mots négatifs qui font partie de la variante elle-même
    (« pas besoin de ressaisir ») ne comptent pas."""
    avant = texte[:debut].split()
    if _negatif_avant(avant):
        return True
    apres = texte[fin:].split()[:1]
    return bool(apres) and apres[0] in ("pas", "jamais") and \
        any(m in ("ne", "n") for m in avant[-2:])


@dataclass(frozen=True)
class MotsCles:
    """Une idée attendue et les façons acceptées de l'exprimer.

    ``idee`` complète la phrase « Il manque l'idée … » : ``"de vérifier l'identité"``,
    ``"d'une connexion unique"``. ``variantes`` : mots ou expressions (accents et
    majuscules ignorés ; ``*`` en fin de mot = radical ; les mots d'une expression doivent
    venir dans l'ordre, deux mots intercalés au plus). ``poids`` : part de la note.
    ``facultative`` : une idée qui rapporte des points si elle est présente mais dont
    l'absence n'empêche pas d'avoir tous les points (elle compte au numérateur, pas au
    dénominateur).
    """

    idee: str
    variantes: tuple[str, ...]
    poids: float = 1.0
    facultative: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.variantes, str):
            object.__setattr__(self, "variantes", (self.variantes,))
        object.__setattr__(self, "variantes", tuple(self.variantes))
        if not self.variantes or not all(isinstance(v, str) and v.strip()
                                          for v in self.variantes):
            raise ValeurInvalide(f"L'idée « {self.idee} » doit avoir au moins une variante "
                                 "(un texte non vide).")
        if self.poids <= 0:
            raise ValeurInvalide(f"Le poids de l'idée « {self.idee} » doit être positif.")
        object.__setattr__(self, "_motifs", tuple(_motif_variante(v) for v in self.variantes))

    def trouvee_dans(self, texte_normalise: str, *, negation: bool = False) -> bool:
        """Vrai si une variante apparaît dans le texte (déjà passé par la normalisation).

        Avec ``negation=True``, une variante qui n'apparaît que dans une tournure négative
        (« ce n'est pas … », « ni … », « ne … pas ») ne compte pas."""
        for motif in self.__dict__["_motifs"]:
            for trouve in motif.finditer(texte_normalise):
                if not negation or not _occurrence_niee(texte_normalise, trouve.start(),
                                                        trouve.end()):
                    return True
        return False

    def manque(self) -> str:
        return f"Il manque l'idée {self.idee}."


def _groupes(groupes: Iterable[MotsCles | str | Sequence[str]]) -> tuple[MotsCles, ...]:
    resultat = []
    for g in groupes:
        if isinstance(g, MotsCles):
            resultat.append(g)
        elif isinstance(g, str):
            resultat.append(MotsCles(f"« {g} »", (g,)))
        else:
            variantes = tuple(g)
            resultat.append(MotsCles(f"« {variantes[0]} »", variantes))
    return tuple(resultat)


def _cellule_correspond(attendu: object, valeur: object) -> bool:
    """Compare une case : nombre (tolérance 1e-9), texte ou variantes (mots-clés)."""
    if isinstance(attendu, MotsCles):
        return attendu.trouvee_dans(_normaliser(_texte(valeur)))
    if isinstance(attendu, (int, float)) and not isinstance(attendu, bool):
        try:
            return math.isclose(_lire_nombre(valeur), float(attendu), abs_tol=1e-9)
        except _ReponseInvalide:
            return False
    if isinstance(attendu, str):
        attendu = (attendu,)
    if isinstance(attendu, (tuple, list)):
        texte = _normaliser(_texte(valeur))
        return any(_motif_variante(v).search(texte) or _normaliser(v) == texte
                   for v in attendu)
    if callable(attendu):
        return bool(attendu(valeur))
    return attendu == valeur


def _affiche(valeur: object) -> str:
    """Une valeur d'élève citée dans un retour : courte et sans retour à la ligne."""
    texte = valeur if isinstance(valeur, str) else repr(valeur)
    texte = " ".join(texte.split())
    return texte if len(texte) <= 60 else texte[:57] + "…"


# ---------------------------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True, repr=False)
class Question:
    """Une question notée. Les sous-classes définissent ``_corriger`` et ``exemple_de_reponse``.

    ``id`` : identifiant court (``"q13a"``) qui nomme la variable ``reponse_q13a`` ;
    ``enonce`` : la consigne (markdown, en français) ; ``points`` : le barème ;
    ``indices`` : les indices, du plus discret au plus précis ; ``titre`` : un titre court.
    """

    id: str
    enonce: str
    points: float = 1.0
    indices: tuple[str, ...] = ()
    titre: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not re.fullmatch(r"q[0-9]+[a-z]?", self.id):
            raise ValeurInvalide(f"Identifiant de question invalide : {self.id!r} (forme "
                                 "attendue : q1, q13a…).")
        if isinstance(self.points, bool) or not isinstance(self.points, (int, float)) \
                or self.points <= 0:
            raise ValeurInvalide(f"Question {self.id} : le barème doit être un nombre positif.")
        object.__setattr__(self, "indices", tuple(self.indices))

    # -- API publique -----------------------------------------------------------------------
    @property
    def variable(self) -> str:
        """Le nom de la variable de réponse dans la fiche : ``reponse_<id>``."""
        return f"reponse_{self.id}"

    def amorce(self) -> str:
        """La ligne laissée dans l'exercice à la place de la réponse modèle."""
        return AMORCE.format(qid=self.id)

    def consigne(self) -> str:
        """L'énoncé complet en markdown (avec les choix, les éléments à classer…)."""
        return self.enonce

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        """Affichée dans un notebook, une question montre sa consigne complète."""
        texte = f"**{self.titre or 'Question ' + self.id}** ({_points_fr(self.points)})" \
                f"\n\n{self.consigne()}"
        return {"text/markdown": texte, "text/plain": texte}

    # La représentation ne montre jamais la réponse attendue (``attendu``, ``bonnes``,
    # ``exemple``…) : un élève qui affiche une question ou ``f.questions`` ne voit que son
    # identifiant, son titre, son barème (repr) ou sa consigne (str, affichage notebook).
    def __repr__(self) -> str:
        titre = f" « {self.titre} »" if self.titre else ""
        return f"<{type(self).__name__} {self.id}{titre}, {_points_fr(self.points)}>"

    def __str__(self) -> str:
        return self._repr_mimebundle_()["text/plain"]

    def corriger(self, reponse: object) -> Correction:
        """Corrige une réponse d'élève. Ne lève jamais d'exception."""
        try:
            _verifier_taille(reponse)
            if self._est_vide(reponse):
                return self._vide()
            return self._corriger(reponse)
        except _ReponseInvalide as erreur:
            return self._correction(0, "invalide", str(erreur))
        except ErreurENT as erreur:
            return self._correction(0, "invalide", str(erreur))
        except RecursionError:
            return self._correction(0, "invalide", "La réponse est trop imbriquée : gardez "
                                                   "la forme de l'exemple.")
        except Exception:  # une réponse absurde ne doit jamais faire planter la fiche
            return self._correction(0, "invalide", "Cette réponse n'a pas la forme attendue : "
                                                   "relisez la consigne et l'exemple.")

    def exemple_de_reponse(self) -> object:  # pragma: no cover - redéfinie partout
        raise NotImplementedError

    # -- outils des sous-classes ------------------------------------------------------------
    def _est_vide(self, reponse: object) -> bool:
        return _est_vide(reponse)

    def _vide(self) -> Correction:
        return self._correction(0, "vide", f"Pas encore de réponse : remplacez None par votre "
                                           f"réponse dans la cellule « {self.variable} = … », "
                                           "puis exécutez-la.")

    def _corriger(self, reponse: object) -> Correction:  # pragma: no cover
        raise NotImplementedError

    def _correction(self, points: float, statut: str, message: str,
                    details: Iterable[str] = (), pour_le_professeur: Iterable[str] = (),
                    provisoire: bool = False) -> Correction:
        return Correction(self.id, round(float(points), 4), float(self.points), statut,
                          message, tuple(details), tuple(pour_le_professeur), provisoire)

    def _proportion(self, part: float, message_juste: str, message_partiel: str,
                    message_faux: str, details: Iterable[str] = (),
                    pour_le_professeur: Iterable[str] = (),
                    provisoire: bool = False) -> Correction:
        part = min(1.0, max(0.0, part))
        extra = {"pour_le_professeur": pour_le_professeur, "provisoire": provisoire}
        if part >= 1 - 1e-9:
            return self._correction(self.points, "juste", message_juste, details, **extra)
        if part <= 1e-9:
            return self._correction(0, "faux", message_faux, details, **extra)
        points = round(self.points * part * 4) / 4       # au quart de point
        if points <= 0:
            points = 0.25 if self.points >= 0.25 else self.points * part
        if points >= self.points:
            points = self.points - 0.25
        return self._correction(points, "partiel", message_partiel, details, **extra)


def _liste_lettres(elements: Sequence[str]) -> str:
    return "\n".join(f"- **{_LETTRES[i]}.** {e}" for i, e in enumerate(elements))


def _choix_depuis(reponse: object, choix: Sequence[str], quoi: str = "choix") -> int:
    """L'indice (0…) désigné par une lettre, un numéro (1 = A) ou le texte d'un choix."""
    if isinstance(reponse, bool):
        raise _ReponseInvalide(f"Répondez par une lettre (\"A\", \"B\"…), pas par "
                               f"{'True' if reponse else 'False'}.")
    if isinstance(reponse, int):
        if 1 <= reponse <= len(choix):
            return reponse - 1
        raise _ReponseInvalide(f"Le {quoi} n° {reponse} n'existe pas : les numéros vont de 1 "
                               f"à {len(choix)} (ou les lettres A à {_LETTRES[len(choix) - 1]}).")
    if isinstance(reponse, float) and reponse.is_integer():
        return _choix_depuis(int(reponse), choix, quoi)
    if not isinstance(reponse, str):
        raise _ReponseInvalide(f"Chaque {quoi} s'écrit avec sa lettre entre guillemets, par "
                               f"exemple \"B\" (reçu : {_nom_type(reponse)}).")
    brut = reponse.strip().rstrip(".)").strip()
    if len(brut) == 1 and brut.upper() in _LETTRES[: len(choix)]:
        return _LETTRES.index(brut.upper())
    if brut.isdigit():
        return _choix_depuis(int(brut), choix, quoi)
    cle = _normaliser(brut)
    for i, texte in enumerate(choix):
        if cle and cle == _normaliser(texte):
            return i
    m = re.fullmatch(r"([A-Za-z])\s*[.)\-:]\s*(.+)", brut)
    if m and m.group(1).upper() in _LETTRES[: len(choix)]:
        return _LETTRES.index(m.group(1).upper())
    raise _ReponseInvalide(f"« {_affiche(brut)} » ne correspond à aucun {quoi} : répondez "
                           f"par une lettre de A à {_LETTRES[len(choix) - 1]}.")


def _choix_multiples(reponse: object, choix: Sequence[str]) -> list[int]:
    if isinstance(reponse, (list, tuple, set, frozenset)):
        elements = list(reponse)
        if isinstance(reponse, (set, frozenset)):
            elements = sorted(elements, key=repr)
    elif isinstance(reponse, str):
        brut = reponse.strip()
        if re.fullmatch(r"[A-Za-z]{2,}", brut) and all(c.upper() in _LETTRES[: len(choix)]
                                                       for c in brut) \
                and not any(_normaliser(brut) == _normaliser(t) for t in choix):
            elements = list(brut)                    # « AC »
        elif re.search(r"[,;/+]|\bet\b", brut) and not any(
                _normaliser(brut) == _normaliser(t) for t in choix):
            elements = [e for e in re.split(r"\s*(?:[,;/+]|\bet\b)\s*", brut) if e]
        else:
            elements = [brut]
    else:
        elements = [reponse]
    indices: list[int] = []
    for element in elements:
        i = _choix_depuis(element, choix)
        if i not in indices:
            indices.append(i)
    return indices


@dataclass(frozen=True, kw_only=True, repr=False)
class QCM(Question):
    """Question à choix. ``bonnes`` : les lettres des bonnes réponses (``"B"`` ou
    ``("A", "C")``). ``multiple`` : plusieurs réponses possibles (par défaut : vrai s'il y a
    plusieurs bonnes réponses). ``explications`` : lettre → phrase affichée si l'élève
    choisit ce choix à tort.

    Choix multiple : note = (bonnes cochées − mauvaises cochées) / nombre de bonnes,
    jamais négative.
    """

    choix: tuple[str, ...]
    bonnes: tuple[str, ...] | str
    multiple: bool | None = None
    explications: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "choix", tuple(self.choix))
        if not 2 <= len(self.choix) <= len(_LETTRES):
            raise ValeurInvalide(f"Question {self.id} : il faut au moins deux choix.")
        bonnes = (self.bonnes,) if isinstance(self.bonnes, str) else tuple(self.bonnes)
        indices = []
        for b in bonnes:
            try:
                indices.append(_choix_depuis(b, self.choix))
            except _ReponseInvalide:
                raise ValeurInvalide(f"Question {self.id} : bonne réponse {b!r} inconnue.") \
                    from None
        if not indices:
            raise ValeurInvalide(f"Question {self.id} : aucune bonne réponse.")
        object.__setattr__(self, "bonnes", tuple(_LETTRES[i] for i in sorted(set(indices))))
        if self.multiple is None:
            object.__setattr__(self, "multiple", len(self.bonnes) > 1)
        elif not self.multiple and len(self.bonnes) > 1:
            raise ValeurInvalide(f"Question {self.id} : choix unique mais plusieurs bonnes "
                                 "réponses.")
        object.__setattr__(self, "explications",
                           {k.upper(): v for k, v in dict(self.explications).items()})

    def consigne(self) -> str:
        regle = ("Plusieurs réponses possibles : donnez la liste des lettres, par exemple "
                 '`["A", "C"]`.' if self.multiple else
                 'Une seule réponse : donnez sa lettre, par exemple `"B"`.')
        return f"{self.enonce}\n\n{_liste_lettres(self.choix)}\n\n*{regle}*"

    def exemple_de_reponse(self) -> object:
        return list(self.bonnes) if self.multiple else self.bonnes[0]

    def _corriger(self, reponse: object) -> Correction:
        bonnes = {_LETTRES.index(b) for b in self.bonnes}
        if self.multiple:
            choisis = _choix_multiples(reponse, self.choix)
        else:
            if isinstance(reponse, (list, tuple, set, frozenset)):
                if len(reponse) != 1:
                    raise _ReponseInvalide("Une seule réponse est attendue : donnez une seule "
                                           "lettre, par exemple \"B\".")
                reponse = next(iter(reponse))
            choisis = [_choix_depuis(reponse, self.choix)]
        mauvaises = [i for i in choisis if i not in bonnes]
        trouvees = [i for i in choisis if i in bonnes]
        details = [f"{_LETTRES[i]} : {self.explications[_LETTRES[i]]}"
                   for i in mauvaises if _LETTRES[i] in self.explications]
        if not self.multiple:
            if trouvees:
                return self._correction(self.points, "juste", "Bonne réponse.")
            lettre = _LETTRES[mauvaises[0]]
            return self._correction(0, "faux", f"La réponse {lettre} n'est pas la bonne.",
                                    details)
        manquantes = len(bonnes) - len(trouvees)
        if manquantes:
            details.append(f"Il manque {manquantes} bonnes réponses."
                           if manquantes > 1 else "Il manque une bonne réponse.")
        if mauvaises:
            lettres = ", ".join(_LETTRES[i] for i in mauvaises)
            details.insert(0, f"Choix à revoir : {lettres}.")
        part = (len(trouvees) - len(mauvaises)) / len(bonnes)
        return self._proportion(part, "Bonne réponse : tous les bons choix, et eux seuls.",
                                "Réponse en partie juste.", "Réponse fausse.", details)


#: Petits mots de liaison (articles, prépositions, pronoms, auxiliaires) : une définition
#: rédigée en contient ; une simple liste de mots-clés n'en contient pas.
MOTS_DE_LIAISON = frozenset({
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "a", "au", "aux", "et", "ou",
    "puis", "pour", "par", "avec", "sans", "qui", "que", "qu", "quand", "dans", "sur", "en",
    "son", "sa", "ses", "leur", "leurs", "est", "sont", "on", "il", "elle", "ils", "elles",
    "se", "s", "c", "ce", "ca", "cela", "avant", "apres", "afin", "selon", "lui", "y",
    "chaque", "tout", "tous", "toutes", "ne", "n", "ont", "peut", "permet", "consiste",
})

#: Expressions figées retirées avant de compter les mots de liaison (« mot de passe »).
_EXPRESSIONS_FIGEES = re.compile(r"\b(?:mots? de passe|emploi du temps|cahier de textes|"
                                 r"point d entree|vie scolaire)\b")

#: Une définition rédigée a au moins ce nombre de mots…
MOTS_MIN_PHRASE = 4
#: … et au moins ce nombre de mots de liaison.
LIAISONS_MIN_PHRASE = 2
#: Part maximale de la note pour une liste de mots-clés sans phrase.
PART_MAX_SANS_PHRASE = 0.5


def est_une_phrase(texte_normalise: str) -> bool:
    """Vrai si le texte est rédigé (au moins 4 mots, dont 2 petits mots de liaison comme
    « le », « de », « pour », « qui », « est ») et pas une simple liste de mots-clés
    (« portail services élèves mot de passe »)."""
    mots = texte_normalise.split()
    liaisons = [m for m in _EXPRESSIONS_FIGEES.sub(" ", texte_normalise).split()
                if m in MOTS_DE_LIAISON]
    return len(mots) >= MOTS_MIN_PHRASE and len(liaisons) >= LIAISONS_MIN_PHRASE


@dataclass(frozen=True, kw_only=True, repr=False)
class ReponseCourte(Question):
    """Une définition ou une phrase courte, contrôlée par groupes de mots-clés.

    Chaque :class:`MotsCles` est une idée attendue ; la note est la part (pondérée) des
    idées présentes (une idée ``facultative`` ajoute des points sans être exigée). Le
    retour nomme chaque idée manquante. ``exemple`` : une réponse modèle (celle du
    corrigé), qui doit obtenir tous les points.

    Règles simples, qu'un professeur peut expliquer à sa classe :

    - une idée écrite à la forme négative (« ce n'est pas … », « ni … », « ne … pas »,
      trois mots avant l'idée au plus) ne compte pas ;
    - une liste de mots-clés sans phrase (moins de 4 mots, ou moins de 2 petits mots de
      liaison comme « le », « de », « pour ») a au plus la moitié des points ;
    - la note est **provisoire** (``Correction.provisoire``) : le barème affiché le dit, et
      ``pour_le_professeur`` rappelle les idées trouvées, pour que le professeur relise et
      ajuste.
    """

    groupes: tuple[MotsCles, ...]
    exemple: str

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "groupes", _groupes(self.groupes))
        if not any(not g.facultative for g in self.groupes):
            raise ValeurInvalide(f"Question {self.id} : aucune idée attendue.")

    def exemple_de_reponse(self) -> object:
        return self.exemple

    def consigne(self) -> str:
        return (f"{self.enonce}\n\n*Écrivez votre réponse en une ou deux phrases, entre "
                f'triples guillemets : `{self.variable} = """…"""` (les apostrophes et les '
                "retours à la ligne y sont permis). La note calculée par la fiche est "
                "provisoire : votre professeur relit les définitions et peut l'ajuster.*")

    def _corriger(self, reponse: object) -> Correction:
        if isinstance(reponse, (list, tuple)) and all(isinstance(r, str) for r in reponse):
            reponse = " ; ".join(reponse)
        texte = _normaliser(_texte(reponse))
        presentes = [g for g in self.groupes if g.trouvee_dans(texte, negation=True)]
        niees = [g for g in self.groupes if not any(g is p for p in presentes)
                 and g.trouvee_dans(texte)]
        exigees = [g for g in self.groupes if not g.facultative]
        manquantes = [g for g in exigees if not any(g is p for p in presentes)]
        total = sum(g.poids for g in exigees)
        part = min(1.0, sum(g.poids for g in presentes) / total)
        details = [(f"L'idée {g.idee} n'apparaît qu'à la forme négative (« ne … pas », "
                    "« ni ») : elle ne compte pas." if any(g is n for n in niees)
                    else g.manque()) for g in manquantes]
        phrase = est_une_phrase(texte)
        plafonnee = not phrase and part > PART_MAX_SANS_PHRASE
        if plafonnee:
            part = PART_MAX_SANS_PHRASE
            details.append("Une définition s'écrit en phrase : une liste de mots-clés ne "
                           "suffit pas (note limitée à la moitié des points).")
        if part < 1 - 1e-9:
            details += [f"Pour aller plus loin : l'idée {g.idee}." for g in self.groupes
                        if g.facultative and not any(g is p for p in presentes)]
        trouvees = ", ".join(g.idee for g in presentes) or "aucune"
        pour_prof = (f"Note calculée par mots-clés, provisoire : relisez la réponse et "
                     f"ajustez-la si besoin (idées reconnues : {trouvees}"
                     + (" ; réponse sans phrase rédigée" if not phrase else "")
                     + (" ; idées écrites à la forme négative : "
                        + ", ".join(g.idee for g in niees) if niees else "") + ").",)
        nb_exigees = sum(1 for g in exigees if any(g is p for p in presentes))
        return self._proportion(
            part, "Très bien : toutes les idées attendues sont présentes.",
            "Les mots-clés sont là, mais la définition n'est pas rédigée." if plafonnee
            else f"C'est un bon début : {_accord(nb_exigees, 'idée', 'idées')} sur "
                 f"{len(exigees)}.",
            "Les idées attendues n'apparaissent pas encore dans votre réponse.",
            details, pour_prof, provisoire=True)


def _cle_element(element: object) -> str:
    return _normaliser(_texte(element, "Chaque élément"))


@dataclass(frozen=True, kw_only=True, repr=False)
class Classement(Question):
    """Des éléments à ranger dans des catégories (``attendu`` : élément → catégorie).

    L'élève répond par un dictionnaire élément → catégorie (la catégorie par son texte ou
    sa lettre), ou catégorie → liste d'éléments, ou une liste de paires. Chaque élément
    bien rangé rapporte la même part des points ; le retour cite les éléments mal rangés
    (sans donner la bonne catégorie : les indices sont là pour ça).
    """

    categories: tuple[str, ...]
    attendu: Mapping[str, str]
    lettres: bool = True

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "categories", tuple(self.categories))
        attendu = dict(self.attendu)
        for element, categorie in attendu.items():
            if categorie not in self.categories:
                raise ValeurInvalide(f"Question {self.id} : catégorie « {categorie} » de "
                                     f"« {element} » absente des catégories.")
        object.__setattr__(self, "attendu", attendu)

    @property
    def elements(self) -> tuple[str, ...]:
        return tuple(self.attendu)

    def consigne(self) -> str:
        if self.lettres:
            categories = _liste_lettres(self.categories)
        else:
            categories = "\n".join(f"- {c}" for c in self.categories)
        elements = "\n".join(f"{i}. {e}" for i, e in enumerate(self.attendu, start=1))
        premier = next(iter(self.attendu))
        cle = "1" if max(len(e) for e in self.attendu) > 50 else f'"{premier}"'
        valeur = '"A"' if self.lettres else f'"{self.categories[0]}"'
        exemple = f"{{{cle}: {valeur}, …}}"
        forme = ("la lettre de sa catégorie" if self.lettres else "sa catégorie")
        forme_element = "son numéro ou son texte" if cle == "1" else "son texte ou son numéro"
        dans_l_ordre = (f" Vous pouvez aussi donner la liste des lettres dans l'ordre des "
                        f"éléments : `[\"{_LETTRES[0]}\", \"{_LETTRES[1 % len(self.categories)]}\""
                        f", …]`." if self.lettres else "")
        return (f"{self.enonce}\n\n**Éléments à classer :**\n\n{elements}\n\n"
                f"**Catégories :**\n\n{categories}\n\n*Répondez par un dictionnaire qui "
                f"donne, pour chaque élément ({forme_element}), {forme} : `{exemple}`."
                f"{dans_l_ordre}*")

    def exemple_de_reponse(self) -> object:
        longs = max(len(e) for e in self.attendu) > 50    # désignés par leur numéro
        return {(i if longs else e): (_LETTRES[self.categories.index(c)] if self.lettres else c)
                for i, (e, c) in enumerate(self.attendu.items(), start=1)}

    def _categorie(self, valeur: object) -> int | None:
        if self.lettres or isinstance(valeur, int):
            try:
                return _choix_depuis(valeur, self.categories, "catégorie")
            except _ReponseInvalide:
                pass
        if isinstance(valeur, str):
            cle = _normaliser(valeur)
            for i, c in enumerate(self.categories):
                if cle == _normaliser(c):
                    return i
            correspondances = [i for i, c in enumerate(self.categories)
                               if cle and (cle in _normaliser(c) or _normaliser(c) in cle)]
            if len(correspondances) == 1:
                return correspondances[0]
        return None

    def _paires(self, reponse: object) -> list[tuple[object, object]]:
        if _est_dataframe(reponse):
            lignes = reponse.to_dict("records")  # type: ignore[attr-defined]
            paires = []
            for ligne in lignes:
                valeurs = list(ligne.values())
                if len(valeurs) < 2:
                    raise _ReponseInvalide("Le tableau doit avoir deux colonnes : l'élément "
                                           "et sa catégorie.")
                paires.append((valeurs[0], valeurs[1]))
            return paires
        if isinstance(reponse, Mapping):
            paires = []
            for cle, valeur in reponse.items():
                if isinstance(valeur, (list, tuple, set, frozenset)):
                    # catégorie → liste d'éléments
                    for element in valeur:
                        paires.append((element, cle))
                else:
                    paires.append((cle, valeur))
            return paires
        if isinstance(reponse, str):
            return self._paires_texte(reponse)
        if isinstance(reponse, (list, tuple)):
            if reponse and not any(isinstance(e, (list, tuple)) for e in reponse):
                return self._paires_dans_l_ordre(list(reponse))
            paires = []
            for couple in reponse:
                if not isinstance(couple, (list, tuple)) or len(couple) != 2:
                    raise _ReponseInvalide("Écrivez un dictionnaire { \"élément\" : "
                                           "\"catégorie\", … } comme dans l'exemple.")
                paires.append((couple[0], couple[1]))
            return paires
        raise _ReponseInvalide("Écrivez un dictionnaire { \"élément\" : \"catégorie\", … } "
                               "comme dans l'exemple (reçu : " + _nom_type(reponse) + ").")

    def _paires_dans_l_ordre(self, categories: list[object]) -> list[tuple[object, object]]:
        """Une catégorie par élément, dans l'ordre de l'énoncé : ``["B", "B", "A", …]``."""
        n = len(self.attendu)
        if len(categories) != n:
            raise _ReponseInvalide(
                f"Votre liste a {_accord(len(categories), 'catégorie', 'catégories')} pour "
                f"{n} éléments : donnez une lettre par élément, dans l'ordre de l'énoncé, ou "
                "un dictionnaire { numéro : \"lettre\", … }.")
        return [(i, c) for i, c in enumerate(categories, start=1)]

    def _paires_texte(self, texte: str) -> list[tuple[object, object]]:
        """« 1B 2B 3A … », « 1-B, 2-B… » (numéro et lettre), ou « B B A … » / « BBA… »
        (une lettre par élément, dans l'ordre)."""
        n = len(self.attendu)
        numerotees = re.findall(r"(\d+)\s*[-:=.)]?\s*([A-Za-z])(?![A-Za-z])", texte)
        reste = re.sub(r"(\d+)\s*[-:=.)]?\s*([A-Za-z])(?![A-Za-z])", "", texte)
        if numerotees and not re.sub(r"[\s,;/]+", "", reste):
            return [(int(numero), lettre) for numero, lettre in numerotees]
        morceaux = [m for m in re.split(r"[\s,;/]+", texte.strip()) if m]
        if len(morceaux) == 1 and len(morceaux[0]) == n and morceaux[0].isalpha():
            morceaux = list(morceaux[0])
        if len(morceaux) == n and all(len(m) == 1 and m.isalpha() for m in morceaux):
            return self._paires_dans_l_ordre(list(morceaux))
        raise _ReponseInvalide("Écrivez un dictionnaire { \"élément\" : \"catégorie\", … } "
                               "comme dans l'exemple, ou la liste des lettres dans l'ordre "
                               "des éléments (par exemple [\"B\", \"A\", …]).")

    def _corriger(self, reponse: object) -> Correction:
        cles = {_normaliser(e): e for e in self.attendu}
        ranges: dict[str, int | None] = {}
        inconnus: list[str] = []
        numeros = list(self.attendu)
        for element, categorie in self._paires(reponse):
            if _est_vide(element) or _est_vide(categorie):
                continue
            if isinstance(element, str) and element.strip().rstrip(".").isdigit():
                element = int(element.strip().rstrip("."))
            if isinstance(element, int) and not isinstance(element, bool):
                if 1 <= element <= len(numeros):     # élément désigné par son numéro
                    element = numeros[element - 1]
                else:
                    inconnus.append(f"n° {element}")
                    continue
            cle = _cle_element(element)
            if cle not in cles:
                # tolérance : un élément désigné par un début non ambigu
                proches = [k for k in cles if cle and (k.startswith(cle) or cle.startswith(k))]
                if len(proches) != 1:
                    inconnus.append(_affiche(element))
                    continue
                cle = proches[0]
            if isinstance(categorie, (list, tuple, set, dict)):
                raise _ReponseInvalide("Chaque élément va dans une seule catégorie.")
            ranges[cles[cle]] = self._categorie(categorie)
        if not ranges and inconnus:
            raise _ReponseInvalide("Aucun des éléments de la liste n'a été reconnu : "
                                   "recopiez leurs noms tels qu'ils sont écrits dans l'énoncé.")
        details = []
        justes = 0
        for element, categorie in self.attendu.items():
            if element not in ranges:
                details.append(f"« {element} » n'est pas classé.")
            elif ranges[element] is None:
                details.append(f"« {element} » : catégorie non reconnue (choisissez dans la "
                               "liste).")
            elif self.categories[ranges[element]] == categorie:
                justes += 1
            else:
                details.append(f"« {element} » est mal classé.")
        details += [f"« {e} » ne fait pas partie des éléments à classer." for e in inconnus]
        n = len(self.attendu)
        return self._proportion(justes / n, "Tous les éléments sont bien classés.",
                                f"{_accord(justes, 'élément bien classé', 'éléments bien classés')} sur {n}.",
                                f"Aucun élément bien classé sur {n}.", details)


@dataclass(frozen=True, kw_only=True, repr=False)
class MiseEnOrdre(Question):
    """Remettre des étapes dans l'ordre. ``etapes`` : dans le bon ordre ; ``presentation`` :
    l'ordre (mélangé) dans lequel l'énoncé les montre, avec les lettres A, B…

    L'élève donne la liste des lettres (ou des textes) dans l'ordre. Note : part des étapes
    de la plus longue suite déjà dans le bon ordre (plus longue sous-suite commune).
    """

    etapes: tuple[str, ...]
    presentation: tuple[int, ...]

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "etapes", tuple(self.etapes))
        object.__setattr__(self, "presentation", tuple(self.presentation))
        if sorted(self.presentation) != list(range(len(self.etapes))):
            raise ValeurInvalide(f"Question {self.id} : « presentation » doit mélanger les "
                                 f"numéros 0 à {len(self.etapes) - 1}.")

    @property
    def affichees(self) -> tuple[str, ...]:
        """Les étapes dans l'ordre de l'énoncé (lettre A = la première)."""
        return tuple(self.etapes[i] for i in self.presentation)

    def consigne(self) -> str:
        return (f"{self.enonce}\n\n{_liste_lettres(self.affichees)}\n\n*Donnez la liste des "
                f"lettres dans l'ordre, par exemple `[\"C\", \"A\", …]`.*")

    def exemple_de_reponse(self) -> object:
        return [_LETTRES[self.presentation.index(i)] for i in range(len(self.etapes))]

    def _corriger(self, reponse: object) -> Correction:
        if isinstance(reponse, str):
            morceaux = [m for m in re.split(r"[\s,;>\-]+", reponse.strip()) if m]
            if len(morceaux) == 1 and len(morceaux[0]) == len(self.etapes):
                morceaux = list(morceaux[0])
            reponse = morceaux
        if not isinstance(reponse, (list, tuple)):
            raise _ReponseInvalide("Donnez la liste des lettres dans l'ordre, par exemple "
                                   f"[\"C\", \"A\", …] (reçu : {_nom_type(reponse)}).")
        ordre = [self.presentation[_choix_depuis(r, self.affichees, "étape")] for r in reponse]
        details = []
        doublons = sorted({_LETTRES[self.presentation.index(i)] for i in ordre
                           if ordre.count(i) > 1})
        if doublons:
            details.append(("Étape citée plusieurs fois : " if len(doublons) == 1 else
                            "Étapes citées plusieurs fois : ") + ", ".join(doublons) + ".")
        absentes = [_LETTRES[self.presentation.index(i)] for i in range(len(self.etapes))
                    if i not in ordre]
        if absentes:
            details.append(("Étape oubliée : " if len(absentes) == 1 else "Étapes oubliées : ")
                           + ", ".join(sorted(absentes)) + ".")
        # plus longue sous-suite croissante (étapes déjà dans le bon ordre relatif)
        n = len(self.etapes)
        meilleure = [1] * len(ordre)
        for i in range(len(ordre)):
            for j in range(i):
                if ordre[j] < ordre[i]:
                    meilleure[i] = max(meilleure[i], meilleure[j] + 1)
        bien = max(meilleure, default=0)
        if ordre == list(range(n)):
            return self._correction(self.points, "juste", "Les étapes sont dans le bon ordre.")
        premiere = next((k for k in range(min(len(ordre), n)) if ordre[k] != k), None)
        if premiere is not None:
            details.append(f"Le début est juste jusqu'à l'étape {premiere} ; la position "
                           f"{premiere + 1} est à revoir." if premiere else
                           "La première étape n'est pas la bonne.")
        part = (bien - 1) / (n - 1) if n > 1 and not doublons else 0.0
        if len(ordre) != n:
            part = min(part, (len(set(ordre)) - 1) / (n - 1) * 0.5)
        return self._proportion(part, "Les étapes sont dans le bon ordre.",
                                f"{bien} étapes sur {n} sont dans le bon ordre les unes par "
                                "rapport aux autres.", "L'ordre n'est pas encore le bon.",
                                details)


_DUREE = re.compile(r"^\s*(?:(\d+)\s*(?:days?|jours?),?\s*)?(\d{1,2}):(\d{2})(?::(\d{2}(?:[.,]\d+)?))?\s*$",
                    re.IGNORECASE)


def _secondes_de_duree(valeur: object) -> float | None:
    """Une durée en secondes depuis un ``timedelta`` ou un texte « 0:00:10 » (heures,
    minutes, secondes, comme ``print(timedelta)``) ou « 1:30 » (minutes, secondes) ;
    None si ce n'est pas une durée."""
    if isinstance(valeur, timedelta):
        return valeur.total_seconds()
    if not isinstance(valeur, str) or len(valeur) > 40:
        return None
    trouve = _DUREE.match(valeur)
    if trouve is None:
        return None
    jours, a, b, c = trouve.groups()
    if c is None:                                  # « 1:30 » : minutes et secondes
        heures, minutes, secondes = 0, int(a), float(b)
    else:
        heures, minutes, secondes = int(a), int(b), float(c.replace(",", "."))
    return (int(jours or 0) * 24 + heures) * 3600 + minutes * 60 + secondes


@dataclass(frozen=True, kw_only=True, repr=False)
class Numerique(Question):
    """Une réponse numérique. ``valeur`` : la valeur attendue ; ``tolerance`` : écart
    absolu accepté ; ``unite`` : l'unité (acceptée à la fin d'un texte : ``"80 bits"`` ;
    rappelée dans la consigne, « (en secondes) », si ``unite_dans_consigne``).
    Accepte ``12``, ``12.5``, ``"12,5"``, ``"1 234"``. Si l'unité est ``"secondes"``,
    accepte aussi une durée : ``timedelta(seconds=10)`` ou ``"0:00:10"`` (ce qu'affiche
    ``print`` d'un ``timedelta``). ``explication`` : affichée pour toute valeur fausse ;
    ``pieges`` : valeur fausse → retour précis (une erreur classique).
    """

    valeur: float
    tolerance: float = 0.0
    unite: str = ""
    explication: str = ""
    unite_dans_consigne: bool = True
    pieges: Mapping[float, str] = field(default_factory=dict)

    def exemple_de_reponse(self) -> object:
        v = self.valeur
        return int(v) if isinstance(v, float) and v.is_integer() else v

    @property
    def _entier(self) -> bool:
        return float(self.valeur).is_integer() and self.tolerance < 1

    def consigne(self) -> str:
        unite = f" (en {self.unite})" if self.unite and self.unite_dans_consigne else ""
        forme = ("Répondez par un nombre entier, par exemple `12`." if self._entier else
                 'Répondez par un nombre, par exemple `12` ou `"12,5"`.')
        return f"{self.enonce}{unite}\n\n*{forme}*"

    def _corriger(self, reponse: object) -> Correction:
        if isinstance(reponse, (list, tuple)) and len(reponse) == 1:
            reponse = reponse[0]
        duree = _secondes_de_duree(reponse) if replier(self.unite).startswith("seconde") \
            else None
        nombre = duree if duree is not None else _lire_nombre(reponse, self.unite)
        if abs(nombre - float(self.valeur)) <= self.tolerance + 1e-9:
            return self._correction(self.points, "juste", "Bonne valeur.")
        sens = "trop grande" if nombre > self.valeur else "trop petite"
        piege = next((texte for valeur, texte in self.pieges.items()
                      if math.isclose(nombre, float(valeur), abs_tol=1e-9)), None)
        details = [piege] if piege else ([self.explication] if self.explication else [])
        unite = f" {self.unite}" if self.unite else ""
        return self._correction(0, "faux", f"{_nombre_fr(nombre)}{unite} : cette valeur est "
                                           f"{sens}.", details)


@dataclass(frozen=True, kw_only=True, repr=False)
class TableauACompleter(Question):
    """Un petit tableau à compléter. ``colonnes`` : les en-têtes, la première désigne la
    ligne (elle est donnée à l'élève) ; ``attendu`` : première colonne → {colonne : valeur
    attendue}. Une valeur attendue est un nombre (comparé numériquement), un texte ou un
    tuple de variantes (comparés comme des mots-clés), ou un :class:`MotsCles`.

    L'élève répond par un dictionnaire ``{ligne : valeur}`` (une seule colonne à remplir)
    ou ``{ligne : {colonne : valeur}}``, une liste de lignes (listes ou dictionnaires), ou
    un DataFrame pandas. Chaque case juste rapporte la même part des points.
    """

    colonnes: tuple[str, ...]
    attendu: Mapping[str, Mapping[str, object]]
    modele: Mapping[str, Mapping[str, object]] | None = None
    alias_lignes: Mapping[str, str] = field(default_factory=dict)

    #: Au-delà de cette longueur, les lignes sont désignées par leur numéro dans l'exemple.
    LONGUEUR_LIBELLE_COURT = 40

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "colonnes", tuple(self.colonnes))
        if len(self.colonnes) < 2:
            raise ValeurInvalide(f"Question {self.id} : il faut au moins deux colonnes.")
        for ligne, cases in self.attendu.items():
            for colonne in cases:
                if colonne not in self.colonnes[1:]:
                    raise ValeurInvalide(f"Question {self.id} : colonne « {colonne} » inconnue "
                                         f"(ligne « {ligne} »).")

    @property
    def a_remplir(self) -> tuple[str, ...]:
        return self.colonnes[1:]

    @property
    def _numerotees(self) -> bool:
        """Vrai si les lignes ont de longs libellés : l'élève les désigne par leur numéro."""
        return max(len(l) for l in self.attendu) > self.LONGUEUR_LIBELLE_COURT

    def consigne(self) -> str:
        numeros = self._numerotees
        entete = "| " + ("N° | " if numeros else "") + " | ".join(self.colonnes) + " |"
        separation = "|" + "---|" * (len(self.colonnes) + numeros)
        lignes = ["| " + (f"{i} | " if numeros else "") + ligne + " |"
                  + " … |" * len(self.a_remplir)
                  for i, ligne in enumerate(self.attendu, start=1)]
        premier = "1" if numeros else f'"{next(iter(self.attendu))}"'
        if len(self.a_remplir) == 1:
            exemple = f"{{{premier}: …, …}}"
        else:
            exemple = (f"{{{premier}: {{" + ", ".join(f'"{c}": …' for c in self.a_remplir)
                       + "}, …}")
        designation = ("chaque ligne désignée par son numéro (ou son texte)" if numeros
                       else "une entrée par ligne du tableau")
        return "\n".join([self.enonce, "", entete, separation, *lignes, "",
                          f"*Répondez par un dictionnaire, {designation} : `{exemple}`.*"])

    def exemple_de_reponse(self) -> object:
        source = self.modele if self.modele is not None else self.attendu
        numeros = self._numerotees
        resultat: dict[object, object] = {}
        for rang, (ligne, cases) in enumerate(source.items(), start=1):
            valeurs = {}
            for colonne, valeur in cases.items():
                if isinstance(valeur, MotsCles):
                    valeur = valeur.variantes[0].replace("*", "")
                elif isinstance(valeur, (tuple, list)):
                    valeur = valeur[0]
                valeurs[colonne] = valeur
            resultat[rang if numeros else ligne] = valeurs[self.a_remplir[0]] \
                if len(self.a_remplir) == 1 else valeurs
        return resultat

    def _ligne(self, nom: object) -> str:
        """La ligne (libellé normalisé) désignée par un numéro (1 = la première), son
        libellé, un alias (``alias_lignes``) ou un début de libellé sans ambiguïté."""
        libelles = [_normaliser(l) for l in self.attendu]
        if isinstance(nom, str) and nom.strip().rstrip(".").isdigit():
            nom = int(nom.strip().rstrip("."))
        if isinstance(nom, float) and nom.is_integer():
            nom = int(nom)
        if isinstance(nom, int) and not isinstance(nom, bool):
            if 1 <= nom <= len(libelles):
                return libelles[nom - 1]
            return f"n° {nom}"
        cle = _cle_element(nom)
        if cle in libelles:
            return cle
        alias = {_normaliser(a): _normaliser(l) for a, l in self.alias_lignes.items()}
        if cle in alias:
            return alias[cle]
        proches = [l for l in libelles if cle and l.startswith(cle)]
        return proches[0] if len(proches) == 1 else cle

    def _lignes(self, reponse: object) -> dict[str, dict[str, object]]:
        """La réponse ramenée à {ligne normalisée : {colonne : valeur}}."""
        lignes: dict[str, dict[str, object]] = {}

        def ajouter(nom: object, cases: object) -> None:
            cle = self._ligne(nom)
            if isinstance(cases, Mapping):
                valeurs = {}
                for colonne, valeur in cases.items():
                    nom_colonne = self._colonne(colonne)
                    if nom_colonne:
                        valeurs[nom_colonne] = valeur
                lignes[cle] = valeurs
            elif isinstance(cases, (list, tuple)):
                lignes[cle] = dict(zip(self.a_remplir, cases))
            else:
                lignes[cle] = {self.a_remplir[0]: cases}

        if _est_dataframe(reponse):
            reponse = reponse.to_dict("records")  # type: ignore[attr-defined]
        if isinstance(reponse, Mapping):
            for nom, cases in reponse.items():
                ajouter(nom, cases)
        elif isinstance(reponse, (list, tuple)):
            for ligne in reponse:
                if isinstance(ligne, Mapping):
                    copie = dict(ligne)
                    premiere = next((k for k in copie if self._colonne(k) == self.colonnes[0]),
                                    None)
                    if premiere is None:
                        raise _ReponseInvalide(f"Chaque ligne doit avoir la colonne "
                                               f"« {self.colonnes[0]} ».")
                    ajouter(copie.pop(premiere), copie)
                elif isinstance(ligne, (list, tuple)) and len(ligne) >= 2:
                    ajouter(ligne[0], list(ligne[1:]))
                else:
                    raise _ReponseInvalide("Chaque ligne du tableau s'écrit comme une liste "
                                           "[\"ligne\", valeur…] ou un dictionnaire.")
        else:
            raise _ReponseInvalide("Écrivez le tableau comme un dictionnaire { \"ligne\" : "
                                   "valeur, … } (reçu : " + _nom_type(reponse) + ").")
        return lignes

    def _colonne(self, nom: object) -> str | None:
        if not isinstance(nom, str):
            return None
        cle = _normaliser(nom)
        for c in self.colonnes:
            if cle == _normaliser(c):
                return c
        return None

    def _corriger(self, reponse: object) -> Correction:
        lignes = self._lignes(reponse)
        details, justes, total = [], 0, 0
        for ligne, cases in self.attendu.items():
            donnees = lignes.get(_normaliser(ligne))
            for colonne, attendu in cases.items():
                total += 1
                if donnees is None:
                    continue
                valeur = donnees.get(colonne)
                if _est_vide(valeur):
                    details.append(f"Ligne « {ligne} », colonne « {colonne} » : case vide.")
                elif _cellule_correspond(attendu, valeur):
                    justes += 1
                else:
                    details.append(f"Ligne « {ligne} », colonne « {colonne} » : à revoir "
                                   f"(« {_affiche(valeur)} »).")
            if donnees is None:
                details.append(f"Ligne « {ligne} » absente de votre tableau.")
        return self._proportion(justes / total, "Tableau entièrement juste.",
                                f"{_accord(justes, 'case juste', 'cases justes')} sur {total}.",
                                f"Aucune case juste sur {total}.", details)


@dataclass(frozen=True, kw_only=True, repr=False)
class CodeAModifier(Question):
    """L'élève modifie une ligne de code, exécute et observe ; la correction porte sur la
    valeur obtenue (la variable ``reponse_<id>`` calculée par la cellule).

    ``ligne_de_depart`` : la ligne telle que l'exercice la donne (c'est l'amorce, à la place
    de la région de solution) ; ``ligne_modifiee`` : une modification juste (corrigé) ;
    ``attendu`` : la valeur attendue, ou ``predicat`` : une fonction valeur → bool ;
    ``valeur_de_depart`` : la valeur obtenue sans modification (l'élève n'a encore rien
    fait : statut ``"vide"``) ; ``observation`` : ce qu'il fallait observer (retour) ;
    ``message_depart`` : le retour quand la cellule donne encore la valeur de départ (par
    défaut : « La ligne n'a pas encore été modifiée… ») — à écrire quand d'autres
    modifications que l'absence de modification donnent aussi cette valeur.
    """

    ligne_de_depart: str
    ligne_modifiee: str
    exemple: object
    attendu: object = None
    predicat: Callable[[object], bool] | None = None
    valeur_de_depart: object = None
    observation: str = ""
    message_depart: str = ""

    def amorce(self) -> str:
        return f"{self.ligne_de_depart}  # ← la ligne à modifier"

    def exemple_de_reponse(self) -> object:
        return self.exemple

    def _est_vide(self, reponse: object) -> bool:
        return reponse is Ellipsis or reponse == self.valeur_de_depart or (
            self.valeur_de_depart is not None and _est_vide(reponse))

    def _vide(self) -> Correction:
        return self._correction(0, "vide", self.message_depart or (
            "La ligne n'a pas encore été modifiée (ou la cellule n'a pas été exécutée) : "
            "changez la ligne indiquée, exécutez la cellule et observez."))

    def _corriger(self, reponse: object) -> Correction:
        if self.predicat is not None:
            ok = bool(self.predicat(reponse))
        elif isinstance(self.attendu, (int, float)) and not isinstance(self.attendu, bool):
            try:
                ok = math.isclose(_lire_nombre(reponse), float(self.attendu), abs_tol=1e-9)
            except _ReponseInvalide:
                ok = False
        elif isinstance(self.attendu, str) and isinstance(reponse, str):
            ok = _normaliser(reponse) == _normaliser(self.attendu)
        else:
            ok = reponse == self.attendu
        details = [self.observation] if self.observation else []
        if ok:
            return self._correction(self.points, "juste", "Bien observé : la modification "
                                                          "donne le résultat attendu.", details)
        return self._correction(0, "faux", f"La cellule donne « {_affiche(reponse)} » : ce "
                                           "n'est pas encore le résultat attendu. Relisez la "
                                           "consigne, modifiez la ligne et réexécutez.")


@dataclass(frozen=True, kw_only=True, repr=False)
class QuestionOuverte(Question):
    """Réponse rédigée (ou petit tableau libre), notée à la main par le professeur.

    Statut ``"manuel"`` ; le retour dit à l'élève que le professeur lira sa réponse.
    ``reperes`` : idées (:class:`MotsCles`) que le professeur peut chercher ; elles sont
    signalées dans ``pour_le_professeur``, jamais montrées à l'élève. ``mots_min`` : une
    réponse plus courte reçoit un conseil. ``forme`` : ``"texte"`` ou ``"tableau"``
    (dictionnaire ou liste de lignes). ``cle_valide`` : pour un tableau, une fonction qui
    dit si une ligne est reconnue (par exemple un service du catalogue) ; ``cles_attendues``
    décrit les clés possibles dans le message.
    """

    exemple: object
    reperes: tuple[MotsCles, ...] = ()
    mots_min: int = 0
    forme: str = "texte"
    cle_valide: Callable[[str], bool] | None = None
    cles_attendues: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "reperes", _groupes(self.reperes))
        if self.forme not in ("texte", "tableau"):
            raise ValeurInvalide(f"Question {self.id} : forme « {self.forme} » inconnue.")

    def exemple_de_reponse(self) -> object:
        return self.exemple

    def consigne(self) -> str:
        if self.forme == "tableau":
            return f"{self.enonce}\n\n*Cette question est notée par votre professeur.*"
        return (f"{self.enonce}\n\n*Écrivez votre réponse entre triples guillemets : "
                f'`{self.variable} = """…"""` (les apostrophes et les retours à la ligne y '
                "sont permis). Cette question est notée par votre professeur.*")

    def _en_texte(self, reponse: object) -> str:
        if self.forme == "tableau" and (isinstance(reponse, (Mapping, list, tuple))
                                        or _est_dataframe(reponse)):
            if _est_dataframe(reponse):
                reponse = reponse.to_dict("records")  # type: ignore[attr-defined]
            if isinstance(reponse, Mapping):
                paires = list(reponse.items())
            else:
                paires = [(l[0], " ; ".join(map(str, l[1:]))) if isinstance(l, (list, tuple))
                          and l else (l, "") for l in reponse]
            return "\n".join(f"{_texte(k, 'Chaque ligne')} : {_texte(v, 'Chaque case')}"
                             if not isinstance(v, Mapping) else
                             f"{k} : " + " ; ".join(f"{a} = {b}" for a, b in v.items())
                             for k, v in paires)
        if self.forme == "tableau" and not isinstance(reponse, str):
            raise _ReponseInvalide("Écrivez un dictionnaire { \"service\" : \"contexte\", … } "
                                   "comme dans l'exemple.")
        return _texte(reponse)

    def _corriger(self, reponse: object) -> Correction:
        texte = self._en_texte(reponse)
        details: list[str] = []
        if self.forme == "tableau" and self.cle_valide is not None and \
                isinstance(reponse, Mapping):
            for cle in reponse:
                if isinstance(cle, str) and not self.cle_valide(cle):
                    details.append(f"« {_affiche(cle)} » n'est pas reconnu"
                                   + (f" ({self.cles_attendues})" if self.cles_attendues
                                      else "") + " : vérifiez l'orthographe.")
        nb_mots = len(_normaliser(texte).split())
        if self.mots_min and nb_mots < self.mots_min:
            details.append(f"Votre réponse est très courte ({_accord(nb_mots, 'mot', 'mots')}) : développez "
                           "un peu, avec un exemple précis.")
        normalise = _normaliser(texte)
        pour_prof = [("présent : " if g.trouvee_dans(normalise) else "absent : ") + g.idee
                     for g in self.reperes]
        return self._correction(0, "manuel", "Réponse enregistrée : votre professeur la lira "
                                             "et la notera.", details, pour_prof)


# ---------------------------------------------------------------------------------------------
# Fiches
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ResultatFiche:
    """Les corrections de toutes les questions d'une fiche."""

    fiche: str
    corrections: tuple[Correction, ...]
    ouvertes: tuple[str, ...] = ()     # questions notées à la main (QuestionOuverte)

    @property
    def points(self) -> float:
        """Les points obtenus (questions ouvertes non comptées : notées à la main)."""
        return round(sum(c.points for c in self.corrections), 4)

    @property
    def sur(self) -> float:
        """Le total des points de la fiche (questions ouvertes comprises)."""
        return round(sum(c.sur for c in self.corrections), 4)

    @property
    def sur_automatique(self) -> float:
        """Le total des points corrigés automatiquement."""
        return round(sum(c.sur for c in self.corrections
                         if c.statut != "manuel" and c.question not in self.ouvertes), 4)

    def correction(self, qid: str) -> Correction:
        for c in self.corrections:
            if c.question == qid:
                return c
        raise Introuvable(f"Pas de question « {qid} » dans la fiche {self.fiche}.")

    def a_corriger_a_la_main(self) -> list[str]:
        return [c.question for c in self.corrections if c.statut == "manuel"]

    def provisoires(self) -> list[str]:
        """Les questions dont la note, calculée par mots-clés, est provisoire (hors réponses
        vides ou illisibles)."""
        return [c.question for c in self.corrections
                if c.provisoire and c.statut not in ("vide", "invalide")]

    def texte(self) -> str:
        lignes = [f"Fiche {self.fiche} : {_nombre_fr(self.points)} / "
                  f"{_nombre_fr(self.sur_automatique)} points corrigés automatiquement"
                  + (f" ; questions à corriger à la main : "
                     f"{', '.join(self.a_corriger_a_la_main())}"
                     if self.a_corriger_a_la_main() else "")
                  + (f" ; notes provisoires (définitions notées par mots-clés, le professeur "
                     f"peut les ajuster) : {', '.join(self.provisoires())}"
                     if self.provisoires() else "") + "."]
        lignes += [f"  {c.libelle} — {c.question} : {c.bareme()}" for c in self.corrections]
        return "\n".join(lignes)

    def tableau(self):
        """Les corrections en tableau pandas (une ligne par question)."""
        import pandas as pd

        return pd.DataFrame([{"Question": c.question, "Statut": STATUTS[c.statut],
                              "Points": c.points, "Sur": c.sur, "Retour": c.message}
                             for c in self.corrections])

    def html(self) -> str:
        """Le bilan en HTML (textes échappés)."""
        e = html.escape
        lignes = "".join(
            f"<tr><td>{e(c.question)}</td><td>{e(c.libelle)}</td><td>{e(c.bareme())}</td></tr>"
            for c in self.corrections)
        return (f'<div class="entsim-bilan" role="status"><p><strong>{e(self.texte().splitlines()[0])}'
                f'</strong></p><table><thead><tr><th>Question</th><th>Statut</th><th>Points</th>'
                f"</tr></thead><tbody>{lignes}</tbody></table></div>")

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return {"text/plain": self.texte(), "text/html": self.html()}

    def __str__(self) -> str:
        return self.texte()


@dataclass(frozen=True)
class Fiche:
    """Une fiche notée d'une partie du cours : ``id`` (``"partie1"``), titre, questions."""

    id: str
    titre: str
    questions: tuple[Question, ...]
    version: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "questions", tuple(self.questions))
        ids = [q.id for q in self.questions]
        doublons = sorted({i for i in ids if ids.count(i) > 1})
        if doublons:
            raise ValeurInvalide(f"Fiche {self.id} : questions en double : "
                                 f"{', '.join(doublons)}.")

    @property
    def points(self) -> float:
        return round(sum(q.points for q in self.questions), 4)

    def ids(self) -> list[str]:
        return [q.id for q in self.questions]

    def question(self, qid: str) -> Question:
        """La question de cet identifiant (``"q13a"``) ; erreur française sinon."""
        for q in self.questions:
            if q.id == qid:
                return q
        raise Introuvable(f"La fiche « {self.titre} » n'a pas de question « {qid} » "
                          f"(questions : {', '.join(self.ids())}).", code="question_inconnue")

    def corriger_question(self, qid: str, reponse: object) -> Correction:
        """La correction d'une réponse, sans rien afficher."""
        return self.question(qid).corriger(reponse)

    def est_juste(self, qid: str, reponse: object) -> bool:
        """Vrai si la réponse a tous les points (sert aux tests cachés, style nbgrader)."""
        return self.corriger_question(qid, reponse).juste

    def verifier(self, qid: str, reponse: object) -> Correction:
        """Corrige et affiche le retour dans le notebook ; renvoie la :class:`Correction`."""
        correction = self.corriger_question(qid, reponse)
        if _afficher(correction._repr_mimebundle_()):
            correction.__dict__["_deja_affiche"] = True
        return correction

    def indice(self, qid: str, numero: int = 1) -> Indice:
        """Affiche l'indice ``numero`` (1 = le plus discret) de la question et le renvoie."""
        question = self.question(qid)
        if not question.indices:
            texte = "Pas d'indice pour cette question : relisez l'énoncé et le cours."
            total = 0
        else:
            if isinstance(numero, bool) or not isinstance(numero, int) or not \
                    1 <= numero <= len(question.indices):
                raise ValeurInvalide(f"La question {qid} a "
                                     f"{_accord(len(question.indices), 'indice', 'indices')} : "
                                     f"choisissez un numéro de 1 à {len(question.indices)}.")
            texte, total = question.indices[numero - 1], len(question.indices)
        indice = Indice(texte)
        indice.question, indice.numero, indice.total = qid, numero, total
        if _afficher(indice._repr_mimebundle_()):
            indice.__dict__["_deja_affiche"] = True
        return indice

    def corriger(self, reponses: Mapping[str, object] | None) -> ResultatFiche:
        """Corrige toutes les questions ; une réponse absente compte comme vide."""
        if not isinstance(reponses, Mapping):
            reponses = {}
        return ResultatFiche(self.id, tuple(q.corriger(reponses.get(q.id))
                                            for q in self.questions),
                             tuple(q.id for q in self.questions
                                   if isinstance(q, QuestionOuverte)))

    def bilan(self, espace: Mapping[str, object]) -> ResultatFiche:
        """Le bilan de la fiche à partir des variables ``reponse_<qid>`` d'un espace de noms :
        dans un notebook, ``f.bilan(globals())``."""
        if not isinstance(espace, Mapping):
            raise ValeurInvalide(f"Écrivez f.bilan(globals()) : le bilan lit vos variables "
                                 f"reponse_… (reçu : {_nom_type(espace)}).",
                                 code="bilan_sans_globals")
        return self.corriger({q.id: espace.get(q.variable) for q in self.questions})

    def reponses_modeles(self) -> dict[str, object]:
        """Les réponses du corrigé (qui obtiennent tous les points)."""
        return {q.id: q.exemple_de_reponse() for q in self.questions}

    def __repr__(self) -> str:
        return f"Fiche({self.id!r}, « {self.titre} », {len(self.questions)} questions)"


_MOTIF_FICHE = re.compile(r"^[a-z][a-z0-9_]*$")


def fiches_disponibles() -> list[str]:
    """Les identifiants des fiches (un module ``entsim/banque/<id>.py`` par fiche)."""
    from entsim.questions import banque

    return sorted(m.name for m in pkgutil.iter_modules(banque.__path__)
                  if not m.name.startswith("_"))


def fiche(identifiant: str) -> Fiche:
    """La fiche de cet identifiant : ``fiche("partie1")``, ``fiche("partie3_authentification")``."""
    if not isinstance(identifiant, str) or not _MOTIF_FICHE.match(identifiant):
        raise ValeurInvalide(f"Identifiant de fiche invalide : {identifiant!r} (par exemple "
                             "\"partie1\").", code="fiche_invalide")
    disponibles = fiches_disponibles()
    if identifiant not in disponibles:
        raise Introuvable(f"Fiche inconnue : « {identifiant} ». Fiches disponibles : "
                          f"{', '.join(disponibles)}.", code="fiche_inconnue")
    module = importlib.import_module(f"entsim.questions.banque.{identifiant}")
    resultat: Any = getattr(module, "FICHE", None)
    if not isinstance(resultat, Fiche):
        raise Introuvable(f"Le module entsim.questions.banque.{identifiant} ne définit pas de FICHE.",
                          code="fiche_inconnue")
    return resultat
