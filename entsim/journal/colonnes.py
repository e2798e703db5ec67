"""Les lignes du journal rangées en colonnes (tableaux numpy), pas un objet Python par ligne.

Un journal d'une année scolaire compte une dizaine de millions de lignes : un objet Python
par ligne coûterait des gigaoctets et des dizaines de secondes. Chaque champ est donc une
colonne numpy, agrandie par blocs :

- ``numero`` et ``instant`` (microsecondes depuis 1970, heure simulée sans fuseau) : entiers ;
- ``operation``, ``identite``, ``service``, ``poste``, ``resultat`` (peu de valeurs
  différentes) : un code entier par ligne et un dictionnaire commun des textes ;
- ``detail`` et ``objet`` (des textes souvent tous différents : « ST-40 ») : chaînes numpy
  de longueur variable, stockées à la suite, sans objet Python par ligne ;
- ``precedente`` et ``empreinte`` : les empreintes hexadécimales (64 octets ASCII).

Une :class:`EntreeJournal` n'est fabriquée qu'à la lecture. Une ligne falsifiée avec une
valeur qui n'entre pas dans sa colonne (une heure qui n'est pas une date, un numéro qui
n'est pas un entier…) garde cette valeur à part (``exotiques``) : la vérification la traite
ligne par ligne, exactement comme avant. Le contenu haché est le même JSON canonique
(:func:`~entsim.journal.integrite.codage_canonique`), qu'une ligne soit écrite seule ou dans
un bloc : la chaîne est identique.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
import numpy as np

from entsim.journal.codage import CHAMPS_CODES, _json_libres, parties_colonnes
from entsim.journal.integrite import codage_canonique
from entsim.journal.operations import OPERATIONS, RESULTATS

#: Les champs textes de longueur variable (souvent tous différents).
CHAMPS_LIBRES = ("detail", "objet")
CHAMPS = ("numero", "instant", "operation", "identite", "service", "poste", "resultat",
          "detail", "objet", "empreinte_precedente", "empreinte")

_EPOQUE = datetime(1970, 1, 1)
_MICRO = timedelta(microseconds=1)
_HEXA = re.compile(r"[0-9a-f]{0,64}")
_TEXTE = np.dtypes.StringDType(na_object=None)
_ENTIER_MAX = 2**63 - 1


@dataclass(frozen=True, slots=True)
class EntreeJournal:
    """Une ligne du journal : qui, quoi, quand, où, avec quel résultat."""

    numero: int
    instant: datetime
    operation: str
    identite: str | None
    service: str | None
    poste: str | None
    resultat: str
    detail: str
    objet: str | None
    empreinte_precedente: str
    empreinte: str

    @property
    def libelle(self) -> str:
        """Le libellé français de l'opération."""
        return OPERATIONS.get(self.operation, self.operation)

    def contenu(self) -> str:
        """Le texte haché : tous les champs sauf l'empreinte elle-même, en JSON canonique
        (codage injectif, voir :func:`~entsim.journal.integrite.codage_canonique`). Une heure
        falsifiée qui n'est pas une date est marquée comme telle."""
        instant = (self.instant.isoformat() if isinstance(self.instant, datetime)
                   else ["pas une date", self.instant])
        return codage_canonique((self.numero, instant, self.operation, self.identite,
                                 self.service, self.poste, self.resultat, self.detail,
                                 self.objet, self.empreinte_precedente))

    def empreinte_calculee(self) -> str:
        # JSON en ASCII : un demi-codet isolé (refusé à la saisie, voir entsim.socle.saisie)
        # s'écrit \udXXX et ne fait jamais échouer le journal.
        return hashlib.sha256(self.contenu().encode("ascii")).hexdigest()

    def en_ligne(self) -> dict[str, object]:
        """La ligne telle qu'elle s'affiche dans un tableau (colonnes en français)."""
        return {
            "N°": self.numero,
            "Date": self.instant,
            "Opération": self.libelle,
            "Identité": self.identite or "",
            "Service": self.service or "",
            "Poste": self.poste or "",
            "Résultat": RESULTATS.get(self.resultat, self.resultat),
            "Détail": self.detail,
            "Objet": self.objet or "",
        }


def _rangeable(champ: str, valeur: object) -> bool:
    """La valeur tient-elle dans la colonne du champ (sinon elle est gardée à part) ?"""
    if champ == "numero":
        return type(valeur) is int and -_ENTIER_MAX <= valeur <= _ENTIER_MAX
    if champ == "instant":
        return type(valeur) is datetime and valeur.tzinfo is None
    if champ in ("empreinte_precedente", "empreinte"):
        return type(valeur) is str and _HEXA.fullmatch(valeur) is not None
    if champ in CHAMPS_LIBRES and type(valeur) is str and not valeur.isascii():
        try:                       # un demi-codet isolé n'a pas de codage UTF-8 : à part
            valeur.encode("utf-8")
        except UnicodeEncodeError:
            return False
    return valeur is None or type(valeur) is str


def microsecondes(instant: datetime) -> int:
    """L'instant (sans fuseau) en microsecondes depuis le 1er janvier 1970."""
    return (instant - _EPOQUE) // _MICRO


class Colonnes:
    """Le stockage en colonnes des lignes d'un journal (voir le module)."""

    def __init__(self) -> None:
        self.n = 0
        self.numero = np.zeros(0, np.int64)
        self.instant = np.zeros(0, np.int64)
        self.codes = {champ: np.zeros(0, np.int32) for champ in CHAMPS_CODES}
        self.libres = {champ: np.zeros(0, _TEXTE) for champ in CHAMPS_LIBRES}
        self.precedente = np.zeros(0, "S64")
        self.empreinte = np.zeros(0, "S64")
        self.uid = np.zeros(0, np.int64)
        self.valeurs: list[str | None] = [None]      # code -> texte (0 : aucun)
        self.index_valeurs: dict[str | None, int] = {None: 0}
        self.exotiques: dict[int, dict[str, object]] = {}   # uid -> champs hors colonne
        self._uid_suivant = 0

    # -- capacité -------------------------------------------------------------------
    def _colonnes(self) -> list[tuple[object, str | None]]:
        return ([(self, "numero"), (self, "instant"), (self, "precedente"),
                 (self, "empreinte"), (self, "uid")]
                + [(self.codes, c) for c in CHAMPS_CODES]
                + [(self.libres, c) for c in CHAMPS_LIBRES])

    @staticmethod
    def _lire(porteur, nom):
        return porteur[nom] if isinstance(porteur, dict) else getattr(porteur, nom)

    @staticmethod
    def _ecrire(porteur, nom, valeur) -> None:
        if isinstance(porteur, dict):
            porteur[nom] = valeur
        else:
            setattr(porteur, nom, valeur)

    def reserver(self, supplement: int) -> None:
        """Agrandit les colonnes (par doublement) pour ``supplement`` lignes de plus."""
        besoin = self.n + supplement
        capacite = len(self.numero)
        if besoin <= capacite:
            return
        nouvelle = max(besoin, 2 * capacite, 64)
        for porteur, nom in self._colonnes():
            ancienne = self._lire(porteur, nom)
            colonne = np.zeros(nouvelle, ancienne.dtype)
            colonne[:self.n] = ancienne[:self.n]
            self._ecrire(porteur, nom, colonne)

    # -- codage -----------------------------------------------------------------------
    def code(self, texte: str | None) -> int:
        """Le code d'un texte du dictionnaire (ajouté s'il est nouveau)."""
        code = self.index_valeurs.get(texte)
        if code is None:
            code = len(self.valeurs)
            self.valeurs.append(texte)
            self.index_valeurs[texte] = code
        return code

    def coder(self, valeurs: np.ndarray) -> np.ndarray:
        """Les codes d'une colonne de textes (ou ``None``), calculés par valeur distincte."""
        import pandas as pd

        indices, distinctes = pd.factorize(np.asarray(valeurs, dtype=object),
                                           use_na_sentinel=True)
        table = np.array([self.code(v) for v in distinctes] + [0], dtype=np.int32)
        return table[indices]           # indice -1 (None) : le dernier, code 0

    # -- écriture -------------------------------------------------------------------
    def _placer(self, position: int, entree: EntreeJournal, uid: int) -> None:
        exotiques = {}
        for champ in CHAMPS:
            valeur = getattr(entree, champ)
            if not _rangeable(champ, valeur):
                exotiques[champ] = valeur
                valeur = None
            if champ == "numero":
                self.numero[position] = 0 if valeur is None else valeur
            elif champ == "instant":
                self.instant[position] = 0 if valeur is None else microsecondes(valeur)
            elif champ in CHAMPS_CODES:
                self.codes[champ][position] = self.code(valeur)
            elif champ in CHAMPS_LIBRES:
                self.libres[champ][position] = valeur
            elif champ == "empreinte_precedente":
                self.precedente[position] = (valeur or "").encode("ascii")
            else:
                self.empreinte[position] = (valeur or "").encode("ascii")
        self.uid[position] = uid
        if exotiques:
            self.exotiques[uid] = exotiques
        else:
            self.exotiques.pop(uid, None)

    def ajouter(self, entree: EntreeJournal) -> None:
        """Ajoute une ligne à la fin (chemin court quand chaque valeur tient dans sa
        colonne : c'est le cas de toute ligne écrite par l'AAS)."""
        self.reserver(1)
        e, p = entree, self.n
        if (type(e.numero) is int and type(e.instant) is datetime and e.instant.tzinfo is None
                and type(e.operation) is str and type(e.resultat) is str
                and (e.identite is None or type(e.identite) is str)
                and (e.service is None or type(e.service) is str)
                and (e.poste is None or type(e.poste) is str)
                and type(e.detail) is str and (e.objet is None or type(e.objet) is str)
                and -_ENTIER_MAX <= e.numero <= _ENTIER_MAX
                and _HEXA.fullmatch(e.empreinte_precedente) and _HEXA.fullmatch(e.empreinte)):
            self.numero[p] = e.numero
            self.instant[p] = (e.instant - _EPOQUE) // _MICRO
            code, codes = self.code, self.codes
            codes["operation"][p] = code(e.operation)
            codes["identite"][p] = code(e.identite)
            codes["service"][p] = code(e.service)
            codes["poste"][p] = code(e.poste)
            codes["resultat"][p] = code(e.resultat)
            try:
                self.libres["detail"][p] = e.detail
                self.libres["objet"][p] = e.objet
            except UnicodeEncodeError:         # demi-codet isolé : la ligne passe à part
                self._placer(p, entree, self._uid_suivant)
            self.precedente[p] = e.empreinte_precedente.encode("ascii")
            self.empreinte[p] = e.empreinte.encode("ascii")
            self.uid[p] = self._uid_suivant
        else:
            self._placer(p, entree, self._uid_suivant)
        self._uid_suivant += 1
        self.n += 1

    def ajouter_bloc(self, numero: np.ndarray, instant: np.ndarray, codes: dict,
                     libres: dict, precedente: np.ndarray, empreinte: np.ndarray) -> None:
        """Ajoute des lignes déjà rangées en colonnes (toutes « rangeables »)."""
        k = len(numero)
        self.reserver(k)
        fin = self.n + k
        self.numero[self.n:fin] = numero
        self.instant[self.n:fin] = instant
        for champ in CHAMPS_CODES:
            self.codes[champ][self.n:fin] = codes[champ]
        for champ in CHAMPS_LIBRES:
            self.libres[champ][self.n:fin] = libres[champ]
        self.precedente[self.n:fin] = precedente
        self.empreinte[self.n:fin] = empreinte
        self.uid[self.n:fin] = np.arange(self._uid_suivant, self._uid_suivant + k)
        self._uid_suivant += k
        self.n = fin

    def remplacer(self, position: int, entree: EntreeJournal) -> None:
        """Remplace la ligne à cette position (une falsification simulée, un recalcul)."""
        self._placer(self._position_valide(position), entree,
                     int(self.uid[self._position_valide(position)]))

    def _deplacer(self, debut: int, fin: int, decalage: int) -> None:
        for porteur, nom in self._colonnes():
            colonne = self._lire(porteur, nom)
            colonne[debut + decalage:fin + decalage] = colonne[debut:fin].copy()

    def supprimer(self, position: int) -> EntreeJournal:
        position = self._position_valide(position)
        entree = self.entree(position)
        self.exotiques.pop(int(self.uid[position]), None)
        self._deplacer(position + 1, self.n, -1)
        self.n -= 1
        return entree

    def supprimer_debut(self, nombre: int) -> None:
        for uid in self.uid[:nombre].tolist():
            self.exotiques.pop(uid, None)
        self._deplacer(nombre, self.n, -nombre)
        self.n -= nombre

    def inserer(self, position: int, entree: EntreeJournal) -> None:
        position = max(0, min(self.n, position if position >= 0 else self.n + position))
        self.reserver(1)
        self._deplacer(position, self.n, 1)
        self.n += 1
        self._placer(position, entree, self._uid_suivant)
        self._uid_suivant += 1

    # -- lecture --------------------------------------------------------------------
    def __len__(self) -> int:
        return self.n

    def _position_valide(self, position: int) -> int:
        if position < 0:
            position += self.n
        if not 0 <= position < self.n:
            raise IndexError("Position hors du journal.")
        return position

    def entree(self, position: int) -> EntreeJournal:
        return self.entrees(np.array([self._position_valide(position)]))[0]

    def entrees(self, positions: np.ndarray | None = None) -> list[EntreeJournal]:
        """Les lignes aux positions données (toutes par défaut), fabriquées d'un coup."""
        if positions is None:
            positions = np.arange(self.n)
        valeurs = np.array(self.valeurs, dtype=object)
        colonnes = [self.numero[positions].tolist(),
                    self.instant[positions].astype("datetime64[us]").tolist()]
        colonnes += [valeurs[self.codes[c][positions]].tolist() for c in CHAMPS_CODES]
        colonnes += [self.libres[c][positions].tolist() for c in CHAMPS_LIBRES]
        colonnes += [self.precedente[positions].astype("U64").tolist(),
                     self.empreinte[positions].astype("U64").tolist()]
        lignes = [EntreeJournal(*champs) for champs in zip(*colonnes)]   # ordre des champs
        if self.exotiques:
            uids = self.uid[positions].tolist()
            for i, uid in enumerate(uids):
                speciaux = self.exotiques.get(uid)
                if speciaux:
                    champs = {c: getattr(lignes[i], c) for c in CHAMPS}
                    champs.update(speciaux)
                    lignes[i] = EntreeJournal(**champs)
        return lignes

    def positions_exotiques(self) -> np.ndarray:
        if not self.exotiques:
            return np.zeros(0, np.int64)
        return np.flatnonzero(np.isin(self.uid[:self.n], list(self.exotiques)))

    def position_de(self, numero: int) -> int | None:
        """La première position qui porte ce numéro (``None`` s'il n'y en a pas)."""
        if self.exotiques:   # un numéro falsifié (pas un entier) ne correspond à rien
            for position in range(self.n):
                if self.entree(position).numero == numero and type(numero) is int:
                    return position
            return None
        if not -_ENTIER_MAX <= numero <= _ENTIER_MAX:
            return None
        trouvees = np.flatnonzero(self.numero[:self.n] == numero)
        return int(trouvees[0]) if len(trouvees) else None

    # -- contenu haché, en bloc ---------------------------------------------------------
    def parties(self, debut: int, fin: int) -> tuple[list, ...]:
        """Les parties JSON des lignes ``debut`` à ``fin``, sauf l'empreinte précédente
        (voir :data:`entsim.journal.codage.GABARIT`). Ne vaut que pour les lignes sans
        valeur hors colonne."""
        return parties_colonnes(self.numero[debut:fin], self.instant[debut:fin],
                                {c: self.codes[c][debut:fin] for c in CHAMPS_CODES},
                                self.valeurs, _json_libres(self.libres["detail"][debut:fin]),
                                _json_libres(self.libres["objet"][debut:fin]))


class VueLignes:
    """Les lignes du journal vues comme une liste de :class:`EntreeJournal` (lecture,
    remplacement, insertion, suppression) : ce que faisait l'ancienne liste de lignes.
    ``modifie`` est appelé après chaque changement (l'index par identité est à refaire)."""

    def __init__(self, colonnes: Colonnes, modifie) -> None:
        self._colonnes = colonnes
        self._modifie = modifie

    def __len__(self) -> int:
        return len(self._colonnes)

    def __bool__(self) -> bool:
        return len(self._colonnes) > 0

    def __getitem__(self, position):
        if isinstance(position, slice):
            return self._colonnes.entrees(np.arange(len(self._colonnes))[position])
        return self._colonnes.entree(position)

    def __iter__(self):
        return iter(self._colonnes.entrees())

    def __setitem__(self, position: int, entree: EntreeJournal) -> None:
        self._colonnes.remplacer(position, entree)
        self._modifie()

    def pop(self, position: int = -1) -> EntreeJournal:
        entree = self._colonnes.supprimer(position)
        self._modifie()
        return entree

    def insert(self, position: int, entree: EntreeJournal) -> None:
        self._colonnes.inserer(position, entree)
        self._modifie()
