"""Les caractères qu'un texte saisi ne garde pas, nommés en français.

Un texte saisi dans l'ENT (titre, message, nom de fichier…) est gardé, montré à d'autres
personnes et écrit au journal. Certains caractères n'y ont pas leur place :

* les **demi-codets isolés** (« surrogates », U+D800 à U+DFFF) ne sont pas des caractères :
  « la définition d'UTF-8 interdit d'encoder les numéros de U+D800 à U+DFFF », réservés aux
  paires de l'UTF-16 (RFC 3629, §3) ; un texte qui en contient ne s'écrit ni au journal, ni
  dans une page web, ni dans une réponse XML ;
* les **caractères de contrôle** C0 (U+0000 à U+001F), DEL (U+007F) et C1 (U+0080 à
  U+009F) : XML 1.0 (5ᵉ édition, §2.2 « Characters ») exclut les premiers sauf la
  tabulation et les fins de ligne, et déconseille les autres ; invisibles, ils effacent ou
  déplacent ce qui s'affiche dans un terminal. Seuls le retour à la ligne et la tabulation
  sont gardés, et seulement dans un texte de plusieurs lignes (message, billet…) ;
* les **contrôles du sens d'écriture** (U+202A à U+202E, U+2066 à U+2069, et les marques
  U+200E, U+200F, U+061C) : ils font afficher un texte à l'envers — un fichier nommé
  « ⟨U+202E⟩exe.fdp » s'affiche « pdf.exe » (Unicode Technical Report #36, « Unicode
  Security Considerations », §2.5 « Bidirectional Text Spoofing » ; attaque « Trojan
  Source », CVE-2021-42574) ;
* les **caractères invisibles** : sans largeur (U+200B, U+200C, U+200D, U+2060), marque
  d'ordre des octets (BOM, U+FEFF) et les autres caractères de mise en forme (catégorie
  Unicode « Cf », comme le trait d'union conditionnel U+00AD) : deux noms qui s'affichent
  pareil seraient deux noms différents (UTR #36, §2 « Visual Security Issues ») ;
* les **séparateurs de ligne et de paragraphe** Unicode (U+2028, U+2029) et les
  **non-caractères** (U+FFFE, U+FFFF, U+FDD0 à U+FDEF…), que XML 1.0 exclut ou déconseille.

Ce module ne dépend de rien : :mod:`entsim.socle.texte` s'en sert pour citer une valeur
sans la laisser agir sur le message (:func:`rendre_visible`) et :mod:`entsim.socle.saisie`
pour refuser une saisie (:func:`caractere_interdit`). Le choix de refuser plutôt que
d'effacer en silence est celui d'un produit prudent : la personne sait ce qui a été refusé
et pourquoi.
"""

from __future__ import annotations

import unicodedata

#: Contrôles du sens d'écriture : plongements, forçages, isolats et marques (UTR #36, §2.5).
CONTROLES_DE_DIRECTION = frozenset({
    *(chr(c) for c in range(0x202A, 0x202F)),       # LRE, RLE, PDF, LRO, RLO
    *(chr(c) for c in range(0x2066, 0x206A)),       # LRI, RLI, FSI, PDI
    "\u200e", "\u200f", "\u061c",                   # LRM, RLM, ALM
})

#: Caractères invisibles sans largeur et marque d'ordre des octets.
SANS_LARGEUR: dict[str, str] = {
    "\u200b": "espace sans largeur",
    "\u200c": "antiliant sans largeur",
    "\u200d": "liant sans largeur",
    "\u2060": "gluon de mots",
    "\ufeff": "marque d'ordre des octets, « BOM »",
}

_NOMS_DE_CONTROLE = {"\n": "un retour à la ligne", "\r": "un retour chariot",
                     "\t": "une tabulation"}


def code_point(caractere: str) -> str:
    """« U+202E » : le numéro Unicode d'un caractère, comme dans les tables Unicode."""
    return f"U+{ord(caractere):04X}"


def _est_non_caractere(point: int) -> bool:
    return (point & 0xFFFE) == 0xFFFE or 0xFDD0 <= point <= 0xFDEF


def nature_interdite(caractere: str, *, multiligne: bool = False) -> str | None:
    """Ce qu'est ``caractere`` s'il n'a pas sa place dans un texte saisi (« un caractère de
    contrôle invisible (U+0007) »…), ou ``None`` s'il est permis. Dans un texte de plusieurs
    lignes (``multiligne=True``), le retour à la ligne et la tabulation sont permis."""
    point = ord(caractere)
    if 0x20 <= point < 0x7F:                          # ASCII imprimable : le cas courant
        return None
    if multiligne and caractere in "\n\t":
        return None
    categorie = unicodedata.category(caractere)
    code = code_point(caractere)
    if categorie == "Cs":
        return (f"un demi-codet isolé ({code}, « surrogate ») : ce n'est pas un caractère, "
                "le texte ne pourrait pas être enregistré en UTF-8")
    if categorie == "Cc":
        if caractere in _NOMS_DE_CONTROLE:
            nom = _NOMS_DE_CONTROLE[caractere]
            return f"{nom} ({code}) alors que ce champ tient sur une seule ligne" \
                if caractere != "\r" else f"{nom} ({code}), un caractère de contrôle"
        return f"un caractère de contrôle invisible ({code})"
    if caractere in CONTROLES_DE_DIRECTION:
        return (f"un caractère invisible qui change le sens d'écriture ({code}) : il peut "
                "faire lire le texte à l'envers (« ⟨U+202E⟩exe.fdp » s'affiche « pdf.exe »)")
    if caractere in SANS_LARGEUR:
        return f"un caractère invisible ({code}, {SANS_LARGEUR[caractere]})"
    if categorie == "Cf":
        return f"un caractère de mise en forme invisible ({code})"
    if categorie in ("Zl", "Zp"):
        return f"un séparateur de ligne ou de paragraphe Unicode ({code})"
    if _est_non_caractere(point):
        return f"un non-caractère Unicode ({code})"
    return None


def caractere_interdit(texte: str, *, multiligne: bool = False) -> tuple[int, str] | None:
    """Le premier caractère qui n'a pas sa place dans ``texte`` : ``(position, nature)``
    (position comptée à partir de 1), ou ``None`` si le texte est sain."""
    if texte.isascii() and texte.isprintable():       # cas courant : rien à examiner
        return None
    for position, caractere in enumerate(texte, start=1):
        nature = nature_interdite(caractere, multiligne=multiligne)
        if nature is not None:
            return position, nature
    return None


def rendre_visible(texte: str) -> str:
    """Le texte où chaque caractère interdit est remplacé par son numéro entre chevrons
    (« ⟨U+202E⟩exe.fdp ») : une valeur citée dans un message n'agit jamais sur lui."""
    if texte.isascii() and texte.isprintable():
        return texte
    return "".join(f"⟨{code_point(c)}⟩" if nature_interdite(c) is not None else c
                   for c in texte)


__all__ = ["CONTROLES_DE_DIRECTION", "SANS_LARGEUR", "caractere_interdit", "code_point",
           "nature_interdite", "rendre_visible"]
