"""Ce que partagent les explications : l'objet :class:`Explication` et le nom le plus proche."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable


@dataclass(frozen=True)
class Explication:
    """Une erreur de Python expliquée en français à un élève.

    ``code`` est stable (ASCII, pour les tests) ; ``titre`` et ``phrases`` sont ce que l'élève
    lit ; ``ligne`` est la ligne de sa cellule où Python s'est arrêté (numérotée à partir
    de 1 dans la cellule), ``debut``/``fin`` les colonnes à souligner (à partir de 1) ;
    ``message_original`` garde le message de Python, en anglais, pour le professeur.
    """

    code: str
    titre: str
    phrases: tuple[str, ...]
    type_erreur: str
    message_original: str
    ligne: str | None = None
    numero_ligne: int | None = None
    cellule: str | None = None
    debut: int | None = None
    fin: int | None = None
    details: tuple[str, ...] = field(default=())

    @property
    def texte(self) -> str:
        """L'explication en texte brut (affichage sans HTML, lecteurs d'écran, terminal)."""
        lignes = [f"⚠ {self.titre}"]
        lignes += [f"  {phrase}" for phrase in self.phrases]
        if self.ligne is not None:
            ou = self.ou()
            lignes.append(f"  {ou} :" if ou else "  Ligne concernée :")
            lignes.append(f"    {self.ligne.rstrip()}")
            if self.debut is not None:
                largeur = max(1, (self.fin or self.debut + 1) - self.debut)
                lignes.append("    " + " " * (self.debut - 1) + "^" * largeur)
        lignes.append(f"  (Message de Python : {self.message_original})")
        return "\n".join(lignes)

    def ou(self) -> str:
        """« Ligne 2 de la cellule [5] », ou « Ligne 2 », ou rien."""
        if self.numero_ligne is None:
            return ""
        if self.cellule:
            return f"Ligne {self.numero_ligne} de la cellule {self.cellule}"
        return f"Ligne {self.numero_ligne}"


def sans_accents(texte: str) -> str:
    """« Réponse_Q1 » → « reponse_q1 » : pour rapprocher un nom mal tapé d'un nom connu."""
    decompose = unicodedata.normalize("NFKD", texte)
    return "".join(c for c in decompose if not unicodedata.combining(c)).casefold()


def nom_proche(nom: str, connus: Iterable[str]) -> str | None:
    """Le nom connu le plus proche de ``nom`` (faute de frappe, accent, majuscule), ou ``None``.

    Même idée que la suggestion « Did you mean » de Python 3.10+ (qui n'existe qu'en anglais et
    ignore les accents) : ``difflib`` sur les noms sans accents ni majuscules, seuil 0,75.
    """
    candidats: dict[str, str] = {}
    for connu in connus:
        if isinstance(connu, str) and connu != nom and connu.isidentifier():
            candidats.setdefault(sans_accents(connu), connu)
    cle = sans_accents(nom)
    if cle in candidats:
        return candidats[cle]
    proches = difflib.get_close_matches(cle, list(candidats), n=1, cutoff=0.75)
    return candidats[proches[0]] if proches else None


#: Noms écrits à la française ou avec une minuscule, et le nom que Python attend.
NOMS_PYTHON = {"true": "True", "false": "False", "none": "None", "vrai": "True",
               "faux": "False", "rien": "None", "afficher": "print", "imprimer": "print",
               "longueur": "len", "taille": "len"}
