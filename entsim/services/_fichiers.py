"""Fichiers simulés (espace documentaire, casier) : un nom, une taille, un type.

Aucun octet n'est stocké : l'ENT simulé garde ce qu'un serveur de fichiers verrait d'un
dépôt. Le nom est vérifié comme le ferait un serveur prudent :

* un nom n'est pas un chemin : ni « / » ni « \\ » (sinon « ../../etc/passwd » sortirait de
  l'espace de l'utilisateur — attaque par *traversée de répertoires*, OWASP « Path
  Traversal ») ; ni « . » ni « .. » seuls ;
* pas de caractère de contrôle (retour à la ligne, tabulation, caractère nul, C1…) ni de
  caractère invisible ou qui change le sens d'écriture (« ⟨U+202E⟩exe.fdp » s'afficherait
  « pdf.exe » : voir :mod:`entsim.socle.caracteres`), ni des caractères interdits par
  Windows (``< > : " | ? *``) : le fichier doit pouvoir être téléchargé sur n'importe quel
  poste, et son nom affiché doit être son vrai nom ;
* pas de nom réservé par Windows (``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM1``…), pas de
  point ni d'espace final, 255 caractères au plus (limite des systèmes de fichiers
  courants : ext4, NTFS) ;
* un type (MIME) s'écrit « type/sous-type » avec les seuls caractères permis par la RFC 6838
  (§4.2, « restricted-name »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from entsim.socle.caracteres import caractere_interdit
from entsim.socle.erreurs import ValeurInvalide, verifier_entier
from entsim.services._vie_eleve import cite

#: Taille maximale d'un fichier déposé dans l'ENT simulé (100 Mo).
TAILLE_MAX = 100 * 1024 * 1024
NOM_MAX = 255

#: Un nom de type MIME : RFC 6838, §4.2 (« restricted-name », 127 caractères au plus).
_NOM_RESTREINT = r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}"
_TYPE_MIME = re.compile(f"{_NOM_RESTREINT}/{_NOM_RESTREINT}", re.ASCII)

_INTERDITS = '<>:"|?*'
_RESERVES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}

#: Extension → (type MIME, libellé français).
TYPES: dict[str, tuple[str, str]] = {
    "pdf": ("application/pdf", "Document PDF"),
    "odt": ("application/vnd.oasis.opendocument.text", "Texte (LibreOffice)"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "Classeur (LibreOffice)"),
    "odp": ("application/vnd.oasis.opendocument.presentation", "Présentation (LibreOffice)"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "Texte (Word)"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "Classeur (Excel)"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation",
             "Présentation (PowerPoint)"),
    "txt": ("text/plain", "Texte brut"),
    "csv": ("text/csv", "Tableau CSV"),
    "ipynb": ("application/x-ipynb+json", "Notebook Jupyter"),
    "png": ("image/png", "Image PNG"),
    "jpg": ("image/jpeg", "Photo JPEG"),
    "jpeg": ("image/jpeg", "Photo JPEG"),
    "mp3": ("audio/mpeg", "Son MP3"),
    "mp4": ("video/mp4", "Vidéo MP4"),
    "zip": ("application/zip", "Archive ZIP"),
    "html": ("text/html", "Page web"),
}
TYPE_INCONNU = ("application/octet-stream", "Fichier")


def valider_nom(nom: object, sorte: str = "fichier") -> str:
    """Le nom d'un fichier ou d'un dossier, vérifié (espaces de bord ôtés), ou
    :class:`ValeurInvalide` avec une phrase française."""
    if not isinstance(nom, str):
        raise ValeurInvalide(f"Le nom du {sorte} doit être un texte, par exemple "
                             f"« devoir.pdf » (reçu : {cite(nom)}).", code="nom_invalide")
    probleme = caractere_interdit(nom[:NOM_MAX + 1])
    if probleme is not None:
        position, nature = probleme
        raise ValeurInvalide(f"Le nom du {sorte} contient un caractère invisible ou dangereux "
                             f"en position {position} : {nature}. Retirez-le.",
                             code="nom_controle")
    nom = nom.strip()
    if not nom:
        raise ValeurInvalide(f"Le nom du {sorte} ne peut pas être vide.", code="nom_vide")
    if "/" in nom or "\\" in nom:
        raise ValeurInvalide(f"Le nom du {sorte} ne doit contenir ni « / » ni « \\ » : un "
                             "nom n'est pas un chemin (un nom comme « ../../secret » "
                             "sortirait de votre espace).", code="nom_chemin")
    if set(nom) == {"."}:
        raise ValeurInvalide(f"{cite(nom)} n'est pas un nom de {sorte} : « . » et « .. » "
                             "désignent des dossiers.", code="nom_chemin")
    interdits = sorted({c for c in nom if c in _INTERDITS})
    if interdits:
        raise ValeurInvalide(f"Le nom du {sorte} contient des caractères interdits : "
                             f"{' '.join(interdits)} (à éviter : {' '.join(_INTERDITS)}).",
                             code="nom_caracteres")
    if len(nom) > NOM_MAX:
        raise ValeurInvalide(f"Le nom du {sorte} est trop long : {len(nom)} caractères pour "
                             f"{NOM_MAX} au plus.", code="nom_trop_long")
    if nom.endswith("."):
        raise ValeurInvalide(f"Le nom du {sorte} ne peut pas finir par un point.",
                             code="nom_invalide")
    if nom.split(".")[0].upper() in _RESERVES:
        raise ValeurInvalide(f"{cite(nom)} est un nom réservé par Windows : choisissez-en un "
                             "autre.", code="nom_reserve")
    return nom


def taille_lisible(octets: int) -> str:
    """« 512 octets », « 38 Ko », « 1,5 Mo » (virgule décimale française) ; au-delà d'un
    téraoctet, « plus d'un téraoctet » (jamais de calcul démesuré en nombre à virgule)."""
    if octets >= 1024 ** 4:
        return "plus d'un téraoctet"
    if octets < 1024:
        return f"{octets} octet{'s' if octets > 1 else ''}"
    if octets < 1024 * 1024:
        return f"{round(octets / 1024)} Ko"
    return f"{octets / (1024 * 1024):.1f} Mo".replace(".", ",")


@dataclass(frozen=True)
class Fichier:
    """Ce que le serveur garde d'un fichier déposé."""

    nom: str
    taille: int               # octets
    type_mime: str
    libelle_type: str

    @property
    def taille_lisible(self) -> str:
        return taille_lisible(self.taille)


def fichier_simule(nom: object, taille: object, type_mime: str | None = None) -> Fichier:
    """Un fichier simulé, vérifié ; le type est déduit de l'extension s'il n'est pas donné."""
    nom = valider_nom(nom)
    taille = verifier_entier(taille, "taille (en octets)", minimum=0)
    if taille > TAILLE_MAX:
        raise ValeurInvalide(f"Fichier trop volumineux : {taille_lisible(taille)} pour "
                             f"{taille_lisible(TAILLE_MAX)} au plus.", code="fichier_trop_gros")
    extension = nom.rsplit(".", 1)[-1].lower() if "." in nom else ""
    connu = TYPES.get(extension, TYPE_INCONNU)
    if type_mime is None:
        type_mime, libelle = connu
    else:
        if not isinstance(type_mime, str) or not _TYPE_MIME.fullmatch(type_mime):
            raise ValeurInvalide("Le type d'un fichier s'écrit comme « application/pdf » ou "
                                 f"« image/png » (reçu : {cite(type_mime)}).", code="type_invalide")
        libelle = next((lib for mime, lib in TYPES.values() if mime == type_mime),
                       TYPE_INCONNU[1])
    return Fichier(nom, taille, type_mime, libelle)
