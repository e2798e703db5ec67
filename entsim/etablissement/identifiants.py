"""Identifiants des comptes ENT : forme ``prenom.nom`` et repliement des accents.

Les ENT français attribuent couramment à chaque compte un identifiant de connexion de la
forme ``prenom.nom``. Règle retenue par entsim : minuscules, accents et ligatures repliés,
espaces et apostrophes supprimés (« Le Gall » → ``legall``, « D'Angelo » → ``dangelo``),
traits d'union des prénoms et noms composés conservés (``jean-pierre.dupont``) ; en cas
d'homonymie, un numéro est ajouté (``lea.martin``, ``lea.martin2``, ``lea.martin3``…).
C'est ce que fait :class:`GenerateurIdentifiants`. Un identifiant ne contient que a-z, le
trait d'union, un point et le numéro : les lettres d'autres alphabets sont refusées avec
un message clair (l'état civil français les translittère).

:func:`replier` sert aussi à la recherche dans l'annuaire (« lefevre » trouve
« Lefèvre », « oeuvre » trouve « Œuvre »).

Exemples ::

    >>> replier("Lefèvre Œuvre Æsa")
    'lefevre oeuvre aesa'
    >>> forme_identifiant("Jean-Pierre", "Le Gall")
    'jean-pierre.legall'
    >>> forme_identifiant("Chloé", "D'Angelo")
    'chloe.dangelo'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.texte import cite, nature

#: Lettres que la décomposition Unicode (NFKD) ne ramène pas à une lettre latine simple.
LIGATURES: dict[str, str] = {
    "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
    "þ": "th", "ı": "i", "ħ": "h", "ŀ": "l",
}

#: Apostrophes et assimilés, supprimés dans un identifiant (« D'Angelo » → dangelo).
APOSTROPHES = "'’ʼ‘`´"

#: Longueur maximale d'un prénom ou d'un nom accepté (au-delà, la saisie est absurde).
LONGUEUR_MAX_PARTIE = 60

#: Un identifiant : prénom replié, un point, nom replié, éventuellement un numéro ≥ 2.
MOTIF_IDENTIFIANT = re.compile(
    r"^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*(?:[2-9]|[1-9][0-9]+)?$"
)

_TRADUCTION_LIGATURES = str.maketrans(LIGATURES)
_PAS_LETTRE_ASCII = re.compile(r"[^a-z-]")
_TIRETS_MULTIPLES = re.compile(r"-{2,}")
_TIRETS = "‐‑‒–—"   # tirets typographiques, ramenés au trait d'union


@lru_cache(maxsize=8192)
def _replier(texte: str) -> str:
    texte = texte.lower().translate(_TRADUCTION_LIGATURES)
    decompose = unicodedata.normalize("NFKD", texte)
    return "".join(c for c in decompose if not unicodedata.combining(c))


def replier(texte: str) -> str:
    """Le texte en minuscules, accents et ligatures repliés (é→e, œ→oe, æ→ae, ç→c…).

    Les autres caractères (espaces, ponctuation, chiffres) sont gardés : c'est la clé de
    comparaison de la recherche dans l'annuaire.

    >>> replier("Hélène Æ Çà")
    'helene ae ca'
    """
    if not isinstance(texte, str):
        raise ValeurInvalide(
            f"La recherche porte sur un texte entre guillemets, par exemple \"martin\" "
            f"(reçu : {nature(texte)})."
        )
    return _replier(texte)


def _partie(texte: object, nom: str) -> str:
    """Replie un prénom ou un nom en partie d'identifiant (lettres a-z et traits d'union)."""
    verifier_texte(texte, nom)
    assert isinstance(texte, str)
    brut = texte.strip()
    if len(brut) > LONGUEUR_MAX_PARTIE:
        raise ValeurInvalide(
            f"Le {nom} « {brut[:20]}… » est trop long ({len(brut)} caractères, "
            f"{LONGUEUR_MAX_PARTIE} au plus)."
        )
    if any(c.isdigit() for c in brut):
        raise ValeurInvalide(f"Le {nom} « {brut} » contient des chiffres : "
                             "un prénom ou un nom ne s'écrit qu'avec des lettres.")
    for tiret in _TIRETS:
        brut = brut.replace(tiret, "-")
    replie = _replier(brut)
    for apostrophe in APOSTROPHES:
        replie = replie.replace(apostrophe, "")
    replie = "".join(replie.split())            # espaces supprimés (« Le Gall » → legall)
    autres = sorted({c for c in _PAS_LETTRE_ASCII.findall(replie)})
    if autres:
        if all(c.isalpha() for c in autres):
            raise ValeurInvalide(
                f"Le {nom} « {brut} » contient des lettres hors de l'alphabet latin "
                f"({' '.join(autres)}) : un identifiant ENT ne s'écrit qu'avec a-z. "
                "Saisissez la forme latine du nom, comme à l'état civil français."
            )
        raise ValeurInvalide(
            f"Le {nom} « {brut} » contient des caractères non autorisés "
            f"({' '.join(autres)}) : seuls les lettres, les espaces, les traits d'union "
            "et les apostrophes sont acceptés."
        )
    replie = _TIRETS_MULTIPLES.sub("-", replie).strip("-")
    if not replie:
        raise ValeurInvalide(f"Le {nom} {cite(brut)} ne contient aucune lettre.")
    return replie


def forme_identifiant(prenom: str, nom: str) -> str:
    """L'identifiant de base ``prenom.nom`` (sans numéro d'homonymie).

    >>> forme_identifiant("Marie-Ève", "N'Diaye")
    'marie-eve.ndiaye'
    """
    return f"{_partie(prenom, 'prénom')}.{_partie(nom, 'nom')}"


def est_identifiant_valide(identifiant: object) -> bool:
    """Vrai si ``identifiant`` a la forme ``prenom.nom`` ou ``prenom.nomN`` (N ≥ 2)."""
    return isinstance(identifiant, str) and MOTIF_IDENTIFIANT.match(identifiant) is not None


class GenerateurIdentifiants:
    """Attribue des identifiants uniques ``prenom.nom``, numérotés en cas d'homonymie.

    Le générateur se souvient des identifiants pris (ceux qu'il a donnés et ceux qu'on lui
    a signalés avec :meth:`reserver`) ::

        >>> g = GenerateurIdentifiants()
        >>> [g.generer("Léa", "Martin") for _ in range(3)]
        ['lea.martin', 'lea.martin2', 'lea.martin3']
    """

    def __init__(self, pris: Iterable[str] = ()) -> None:
        self._pris: set[str] = set()
        self._prochain: dict[str, int] = {}
        for identifiant in pris:
            self.reserver(identifiant)

    def generer(self, prenom: str, nom: str) -> str:
        """Un identifiant libre pour cette personne, aussitôt marqué comme pris."""
        base = forme_identifiant(prenom, nom)
        if base not in self._pris:
            self._pris.add(base)
            return base
        numero = self._prochain.get(base, 2)
        while f"{base}{numero}" in self._pris:
            numero += 1
        identifiant = f"{base}{numero}"
        self._prochain[base] = numero + 1
        self._pris.add(identifiant)
        return identifiant

    def reserver(self, identifiant: str) -> None:
        """Marque un identifiant existant comme pris (import d'un annuaire, par exemple)."""
        verifier_texte(identifiant, "identifiant")
        if not est_identifiant_valide(identifiant):
            raise ValeurInvalide(
                f"« {identifiant} » n'a pas la forme d'un identifiant ENT "
                "(prenom.nom en minuscules sans accents, par exemple \"lea.martin\")."
            )
        if identifiant in self._pris:
            raise ValeurInvalide(f"L'identifiant « {identifiant} » est déjà pris.")
        self._pris.add(identifiant)

    def est_pris(self, identifiant: str) -> bool:
        """Vrai si l'identifiant est déjà attribué."""
        return identifiant in self._pris

    def __contains__(self, identifiant: object) -> bool:
        return identifiant in self._pris

    def __len__(self) -> int:
        return len(self._pris)

    def __repr__(self) -> str:
        return f"GenerateurIdentifiants({len(self._pris)} identifiants pris)"
