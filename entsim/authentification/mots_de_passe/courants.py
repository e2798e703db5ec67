"""La liste des mots de passe courants (``data/mots_de_passe_courants.txt``) et la recherche
du mot courant sur lequel repose un mot de passe.

Un attaquant essaie d'abord ces listes, avec les transformations habituelles (majuscules,
accents, leet, chiffres ou symboles ajoutés, répétition) ; la CNIL recommande une liste
« noire » de mots de passe fréquents (questions-réponses du 14 octobre 2022 sur la
délibération n° 2022-100) et le SDET cite les « dictionnaires » parmi les critères de dureté.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from entsim.authentification.mots_de_passe.caracteres import replier_caractere_a_caractere, variantes_leet
from entsim.socle import donnees
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite


#: Fichier de la liste des mots de passe courants (dans ``data/``).
FICHIER_MOTS_DE_PASSE_COURANTS = "mots_de_passe_courants.txt"


def _est_decor(c: str) -> bool:
    """Chiffre ou caractère spécial : ce qu'on ajoute souvent avant ou après un mot."""
    return not c.isalpha()


def _sans_decor(texte: str) -> str:
    debut, fin = 0, len(texte)
    while debut < fin and _est_decor(texte[debut]):
        debut += 1
    while fin > debut and _est_decor(texte[fin - 1]):
        fin -= 1
    return texte[debut:fin]


@dataclass(frozen=True)
class ListeCourante:
    """La liste des mots de passe courants, repliés, avec leur rang (1 = le plus courant)."""

    rangs: dict[str, int] = field(repr=False)
    longueur_max: int = 0

    def __len__(self) -> int:
        return len(self.rangs)

    def __contains__(self, mot: object) -> bool:
        return mot in self.rangs

    def rang(self, mot: str) -> int | None:
        return self.rangs.get(mot)

    @classmethod
    def depuis(cls, mots: Iterable[str]) -> ListeCourante:
        rangs: dict[str, int] = {}
        for mot in mots:
            if not isinstance(mot, str):
                raise ValeurInvalide("La liste de mots de passe courants ne doit contenir que "
                                     f"des textes (reçu : {cite(mot)}).")
            cle = replier_caractere_a_caractere(mot.strip())
            if cle and cle not in rangs:
                rangs[cle] = len(rangs) + 1
        return cls(rangs=rangs, longueur_max=max(map(len, rangs), default=0))


@lru_cache(maxsize=1)
def liste_courante() -> ListeCourante:
    """La liste livrée dans ``data/mots_de_passe_courants.txt`` (chargée une seule fois)."""
    return ListeCourante.depuis(donnees.lignes(FICHIER_MOTS_DE_PASSE_COURANTS))


def base_courante(mot_de_passe: str, liste: ListeCourante | None = None) -> tuple[str, int] | None:
    """Si le mot de passe repose sur un mot de passe courant, ``(entrée, rang)``, sinon ``None``.

    Reconnu : majuscules et accents (« SOLEIL », « Sôleil »), leet (« S0l3il », « P@ssw0rd »),
    chiffres et symboles ajoutés au début ou à la fin (« Soleil2024! », « 2008azerty »), et
    répétition d'une entrée (« azertyazerty »).
    """
    liste = liste_courante() if liste is None else liste
    replie = replier_caractere_a_caractere(mot_de_passe)
    coeur = _sans_decor(replie)
    candidats: list[str] = [replie, coeur, *variantes_leet(replie), *variantes_leet(coeur)]
    candidats += [_sans_decor(v) for v in variantes_leet(replie)]
    trouves: list[tuple[int, str]] = []
    for candidat in candidats:
        if not candidat:
            continue
        rang = liste.rang(candidat)
        if rang is None:
            rang, candidat = _repetition(candidat, liste)
        if rang is not None:
            trouves.append((rang, candidat))
    if not trouves:
        return None
    rang, entree = min(trouves)
    return entree, rang


def _repetition(texte: str, liste: ListeCourante) -> tuple[int | None, str]:
    """« azertyazerty » → rang de « azerty » (une entrée répétée au moins deux fois)."""
    n = len(texte)
    for taille in range(1, n // 2 + 1):
        if n % taille == 0 and texte == texte[:taille] * (n // taille):
            rang = liste.rang(texte[:taille])
            if rang is not None:
                return rang, texte[:taille]
    return None, texte


@lru_cache(maxsize=8)
def liste_perso(mots: tuple[str, ...]) -> ListeCourante:
    return ListeCourante.depuis(mots)


__all__ = ["FICHIER_MOTS_DE_PASSE_COURANTS", "ListeCourante", "base_courante",
           "liste_courante"]
