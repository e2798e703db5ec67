"""Lire le fichier d'un notebook rendu, même abîmé : octets, encodage, JSON, cellules.

Ce module lit ces fichiers avec :mod:`json` seulement (pas de validation stricte : une copie
d'élève n'est jamais refusée pour un détail de format) et tolère ce qui peut l'être :

- identifiants de cellules absents ou en double (cellules copiées-collées) : ignorés ;
- format nbformat 3 (``worksheets``, cellules ``heading``, source dans ``input``) : lu ;
- fichier tronqué ou JSON abîmé : les cellules entières situées avant l'endroit abîmé sont
  récupérées (la copie est alors « corrigée partiellement ») ;
- fichier réenregistré en UTF-16 (avec BOM) ou dans un encodage Windows : relu, signalé.

Un fichier qui n'est pas un notebook (vide, binaire, trop gros, JSON sans cellules) lève
:class:`RenduIllisible`, avec la raison en français qui ira dans le carnet.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from entsim.socle.texte import accorder
from entsim.socle.erreurs import ErreurENT

__all__ = ["TAILLE_MAX", "STATUTS_ILLISIBLES", "RenduIllisible", "Remarque", "Cellule",
           "NotebookLu", "lire_notebook", "lire_octets"]

#: Taille maximale d'un fichier rendu (au-delà : « trop volumineux », sans le lire).
TAILLE_MAX = 100 * 1024 ** 2

#: Codes des fichiers non corrigeables et leur libellé (colonne « statut » du carnet).
STATUTS_ILLISIBLES: dict[str, str] = {
    "vide": "vide",
    "trop_volumineux": "trop volumineux",
    "illisible": "illisible",
    "pas_un_notebook": "pas un notebook",
}


class RenduIllisible(ErreurENT):
    """Le fichier rendu ne peut pas être lu comme un notebook ; ``code`` dans
    :data:`STATUTS_ILLISIBLES`, message en français (la raison du carnet)."""


class Remarque(str):
    """Une remarque sur une copie : son texte en français (c'est une chaîne), avec un
    ``code`` stable qui dit de quoi il s'agit (``"ancien_format"``…). Le code décide si
    c'est un problème à vérifier ou une simple remarque : table
    :data:`entsim.correction.remarques.CATEGORIES`, le seul endroit où c'est décidé."""

    code: str

    def __new__(cls, code: str, texte: str) -> "Remarque":
        remarque = super().__new__(cls, texte)
        remarque.code = code
        return remarque

    def __reduce__(self):
        return (Remarque, (self.code, str(self)))


@dataclass(frozen=True)
class Cellule:
    """Une cellule telle qu'on l'a lue : position, type, texte source, rôle entsim."""

    numero: int
    type: str
    source: str
    question: str | None = None
    role: str | None = None
    identifiant: str | None = None


@dataclass(frozen=True)
class NotebookLu:
    """Un notebook lu (éventuellement réparé) ; ``anomalies`` : ce qui a été toléré."""

    cellules: tuple[Cellule, ...]
    fiche_declaree: str | None = None
    version_declaree: int | None = None
    format: int | None = None
    complet: bool = True
    anomalies: tuple[Remarque, ...] = ()


# ---------------------------------------------------------------------------------------
# Lecture du fichier
# ---------------------------------------------------------------------------------------

def lire_notebook(chemin: Path, *, taille_max: int = TAILLE_MAX) -> NotebookLu:
    """Lit le notebook ``chemin`` ; lève :class:`RenduIllisible` s'il ne peut pas l'être."""
    try:
        taille = chemin.stat().st_size
    except OSError as erreur:
        raise RenduIllisible(f"Le fichier ne peut pas être ouvert ({erreur.strerror}).",
                             code="illisible") from None
    if taille > taille_max:
        raise RenduIllisible(
            f"Le fichier pèse {_taille_lisible(taille)}, plus que la limite de "
            f"{_taille_lisible(taille_max)} : il n'a pas été lu (une sortie énorme a sans "
            "doute été enregistrée ; demandez à l'élève d'effacer les sorties — menu "
            "Édition → Effacer toutes les sorties — puis de rendre à nouveau).",
            code="trop_volumineux")
    try:
        donnees = chemin.read_bytes()
    except OSError as erreur:
        raise RenduIllisible(f"Le fichier ne peut pas être lu ({erreur.strerror}).",
                             code="illisible") from None
    return lire_octets(donnees, taille_max=taille_max)


def lire_octets(donnees: bytes, *, taille_max: int = TAILLE_MAX) -> NotebookLu:
    """Lit un notebook depuis son contenu brut (fichier ou membre d'une archive zip)."""
    if len(donnees) > taille_max:
        raise RenduIllisible(f"Le fichier pèse {_taille_lisible(len(donnees))}, plus que la "
                             f"limite de {_taille_lisible(taille_max)} : il n'a pas été lu.",
                             code="trop_volumineux")
    if not donnees.strip():
        raise RenduIllisible(
            "Le fichier est vide (0 octet) : il a sans doute été rendu avant d'être "
            "enregistré, ou l'envoi a échoué." if not donnees else
            "Le fichier ne contient que des espaces : aucun notebook à corriger.",
            code="vide")
    texte, remarques = _decoder(donnees)
    try:
        contenu = json.loads(texte)
    except RecursionError:
        raise RenduIllisible("Le fichier est un JSON démesurément imbriqué : ce n'est pas un "
                             "notebook.", code="illisible") from None
    except json.JSONDecodeError as erreur:
        return _recuperer(texte, erreur, remarques)
    return _depuis_json(contenu, remarques)


def _decoder(donnees: bytes) -> tuple[str, list[str]]:
    """Les octets en texte : UTF-8 (format des notebooks), UTF-16 avec BOM, sinon refus."""
    if donnees.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return donnees.decode("utf-16"), [Remarque("encodage_utf16",
                                                       "fichier réenregistré en UTF-16")]
        except UnicodeDecodeError:
            pass
    try:
        return donnees.decode("utf-8-sig"), []
    except UnicodeDecodeError as erreur:
        # Envoi coupé au milieu d'un caractère de plusieurs octets (« é » = 2 octets en
        # UTF-8) : seule la fin est incomplète ; la partie valide reste de l'UTF-8.
        # (positions de l'erreur comptées après un éventuel BOM, retiré par « utf-8-sig »)
        sans_bom = donnees.removeprefix(b"\xef\xbb\xbf")
        if erreur.reason == "unexpected end of data" and erreur.end == len(sans_bom):
            return sans_bom[:erreur.start].decode("utf-8"), []
    debut = donnees[:8192]
    controles = sum(1 for o in debut if o < 9 or 13 < o < 32)
    if b"\x00" in debut or controles > len(debut) // 20:
        raise RenduIllisible("Le fichier n'est pas un texte (contenu binaire) : ce n'est pas "
                             "un notebook Jupyter, malgré son extension.", code="illisible")
    return donnees.decode("cp1252", errors="replace"), [Remarque(
        "encodage_autre",
        "fichier réenregistré dans un autre encodage que UTF-8 (accents peut-être abîmés)")]


def _source(brut: object) -> str:
    if isinstance(brut, str):
        return brut
    if isinstance(brut, list):
        return "".join(x for x in brut if isinstance(x, str))
    return ""


def _entsim(metadonnees: object) -> dict:
    if isinstance(metadonnees, dict) and isinstance(metadonnees.get("entsim"), dict):
        return metadonnees["entsim"]
    return {}


def _texte_ou_rien(valeur: object) -> str | None:
    return valeur if isinstance(valeur, str) and valeur else None


def _cellule(numero: int, brute: dict, format_: int | None) -> Cellule:
    type_ = brute.get("cell_type") if isinstance(brute.get("cell_type"), str) else "inconnu"
    if format_ == 3 and type_ == "code":
        source = _source(brute.get("input", brute.get("source")))
    else:
        source = _source(brute.get("source"))
    if type_ == "heading":  # nbformat 3 : les titres sont devenus du Markdown en version 4
        type_ = "markdown"
    meta = _entsim(brute.get("metadata"))
    return Cellule(numero, type_, source, _texte_ou_rien(meta.get("question")),
                   _texte_ou_rien(meta.get("role")), _texte_ou_rien(brute.get("id")))


def _depuis_json(contenu: object, remarques: list[str]) -> NotebookLu:
    if not isinstance(contenu, dict):
        raise RenduIllisible("Le fichier contient des données JSON, mais pas un notebook "
                             "Jupyter (pas de liste de cellules).", code="pas_un_notebook")
    format_ = contenu.get("nbformat") if isinstance(contenu.get("nbformat"), int) else None
    if isinstance(contenu.get("cells"), list):
        brutes = contenu["cells"]
    elif isinstance(contenu.get("worksheets"), list):
        format_ = format_ or 3
        brutes = [c for feuille in contenu["worksheets"] if isinstance(feuille, dict)
                  and isinstance(feuille.get("cells"), list) for c in feuille["cells"]]
        remarques.append(Remarque("ancien_format",
                                  f"ancien format de notebook (nbformat {format_})"))
    else:
        raise RenduIllisible("Le fichier contient des données JSON, mais pas un notebook "
                             "Jupyter (pas de liste de cellules « cells »).",
                             code="pas_un_notebook")
    cellules = []
    ignorees = 0
    for brute in brutes:
        if isinstance(brute, dict):
            cellules.append(_cellule(len(cellules), brute, format_))
        else:
            ignorees += 1
    if ignorees:
        remarques.append(Remarque("cellules_illisibles", accorder(
            ignorees, "cellule illisible ignorée", "cellules illisibles ignorées")))
    identifiants = [c.identifiant for c in cellules if c.identifiant]
    if len(set(identifiants)) < len(identifiants):
        remarques.append(Remarque("cellules_en_double", "cellules en double (copiées-collées)"))
    meta = _entsim(contenu.get("metadata"))
    version = meta.get("version")
    return NotebookLu(tuple(cellules), _texte_ou_rien(meta.get("fiche")),
                      version if isinstance(version, int) and not isinstance(version, bool)
                      else None, format_, True, tuple(remarques))


_DEBUT_CELLULES = re.compile(r'"cells"\s*:\s*\[')
_FICHE_DANS_TEXTE = re.compile(r'"entsim"\s*:\s*\{[^{}]*?"fiche"\s*:\s*"([a-z][a-z0-9_]*)"')


def _recuperer(texte: str, erreur: json.JSONDecodeError, remarques: list[str]) -> NotebookLu:
    """Récupère les cellules entières d'un JSON abîmé ou tronqué (avant l'endroit abîmé)."""
    lieu = f"ligne {erreur.lineno}, colonne {erreur.colno}"
    debut = _DEBUT_CELLULES.search(texte)
    cellules: list[Cellule] = []
    if debut is not None:
        decodeur = json.JSONDecoder()
        position = debut.end()
        while True:
            while position < len(texte) and texte[position] in " \t\r\n,":
                position += 1
            if position >= len(texte) or texte[position] != "{":
                break
            try:
                brute, position = decodeur.raw_decode(texte, position)
            except (json.JSONDecodeError, RecursionError):
                break
            if isinstance(brute, dict):
                cellules.append(_cellule(len(cellules), brute, 4))
    if not cellules:
        raise RenduIllisible(f"Le fichier n'est pas un notebook lisible : JSON invalide ({lieu}) "
                             "et aucune cellule récupérable (fichier tronqué ou modifié à "
                             "la main ?).", code="illisible")
    trouvee = _FICHE_DANS_TEXTE.search(texte)
    remarques.append(Remarque("fichier_abime", f"fichier abîmé (JSON invalide, {lieu}) : "
                              + accorder(len(cellules), "cellule entière récupérée",
                                         "cellules entières récupérées")
                              + " avant l'endroit abîmé"))
    return NotebookLu(tuple(cellules), trouvee.group(1) if trouvee else None, None, 4, False,
                      tuple(remarques))


def _taille_lisible(octets: int) -> str:
    if octets >= 1024 ** 2:
        return f"{octets / 1024 ** 2:.1f} Mo".replace(".", ",")
    if octets >= 1024:
        return f"{octets / 1024:.1f} ko".replace(".", ",")
    return f"{octets} octets"
