"""Enregistrer les réponses dans un fichier CSV et les relire sans perte.

Le format (version :data:`VERSION`), choisi pour qu'un élève ouvre le fichier d'un double
clic dans Excel sous Windows, en français, et le relise ensuite avec entsim :

* **UTF-8 avec marque d'ordre des octets (BOM)**. Sans elle, Excel ouvre un CSV dans le jeu
  de caractères de Windows (cp1252) et « é » s'affiche « Ã© » ; avec elle, il le lit en UTF-8
  (Excel 2007 et suivants). La lecture accepte les fichiers avec ou sans BOM.
* **Point-virgule** entre les colonnes : c'est le séparateur de liste des réglages
  régionaux français de Windows (la virgule y est le séparateur décimal), celui qu'Excel
  attend pour ouvrir un CSV directement en colonnes. La lecture accepte aussi la virgule
  (fichier réenregistré par un Excel en anglais).
* Guillemets et retours à la ligne selon la RFC 4180, § 2.6 et 2.7 : un champ qui contient
  « ; », « " » ou un retour à la ligne est entouré de guillemets, ses guillemets doublés.
  Lignes terminées par CRLF (RFC 4180, § 2.1).
* **Choix multiples** réunis par « | » (:data:`SEPARATEUR_CHOIX`) : aucun choix proposé ne
  contient ce caractère (vérifié à la construction du questionnaire).
* **Formules neutralisées** : une cellule qui commence par « = », « + », « - » ou « @ » serait
  exécutée comme une formule par le tableur (« injection CSV » : OWASP ASVS 5.0, exigence
  1.2.10 ; CWE-1236). Une telle cellule est écrite précédée d'une apostrophe, comme le
  recommande l'OWASP ; pour que la relecture soit exacte, un texte qui commence déjà par une
  apostrophe en reçoit une aussi, et la lecture en ôte toujours une.
* Une ligne de commentaire ``# entsim-enquete version 1 …`` avant l'en-tête (les lignes de
  tête qui commencent par ``#`` sont des commentaires : provenance d'un jeu de données) ;
  l'en-tête donne les codes des colonnes (:data:`COLONNES`), dans n'importe quel ordre.
* Dates en « jj/mm/aaaa » (ce qu'Excel en français réécrit à l'identique), accord en
  « oui »/« non », niveaux d'accord et choix en toutes lettres, acteur par son libellé.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from entsim.enquete.questionnaire import AFFIRMATIONS, SEPARATEUR_CHOIX
from entsim.enquete.reponse import Reponse
from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.socle.texte import accorder, cite, ecrire_nombre

__all__ = ["COLONNES", "TAILLE_MAX", "VERSION", "FichierEnqueteInvalide", "Lecture", "charger", "enregistrer",
           "lire"]

VERSION = 1
_LIGNE_VERSION = re.compile(r"#\s*entsim-enquete version (\d+)")
_ENTETE_VERSION = (f"# entsim-enquete version {VERSION} : réponses au questionnaire "
                   "d'entretien sur l'ENT (question 6). Colonnes séparées par des "
                   "points-virgules, choix multiples séparés par des barres verticales.")

_MULTIPLES = ("fonctionnalites", "moments", "avantages_themes", "limites_themes")
_TEXTES = ("groupe", "enqueteurs", "fonctionnalites_autres", "evolutions", "avantages", "limites")
COLONNES: tuple[str, ...] = (
    "identifiant", "groupe", "enqueteurs", "date", "acteur", "numero", "consentement",
    "fonctionnalites", "fonctionnalites_autres", "frequence", "moments",
    *(f"accord_{code}" for code in AFFIRMATIONS),
    "evolutions", "avantages", "avantages_themes", "limites", "limites_themes",
)
_DEBUTS_DE_FORMULE = ("=", "+", "-", "@", "'")
#: Taille maximale d'un fichier de réponses lu : 10 Mo, plus de cinquante fois le jeu livré
#: (312 réponses, moins de 200 ko) ; au-delà, ce n'est pas le fichier d'un groupe et sa
#: lecture bloquerait le notebook de longues secondes.
TAILLE_MAX = 10_000_000


class FichierEnqueteInvalide(ValeurInvalide):
    """Un fichier de réponses illisible ou abîmé ; ``problemes`` : une phrase par problème,
    qui nomme le fichier et la ligne."""

    def __init__(self, problemes: Iterable[str]) -> None:
        self.problemes = tuple(problemes)
        if len(self.problemes) == 1:
            message = self.problemes[0]
        else:
            message = (f"{accorder(len(self.problemes), 'problème')} dans les réponses :\n"
                       + "\n".join(f"- {p}" for p in self.problemes))
        super().__init__(message, code="fichier_enquete_invalide")


@dataclass(frozen=True)
class Lecture:
    """Ce qu'on a pu lire d'un fichier : les réponses valides (avec leur ligne) et les
    problèmes (une phrase par ligne refusée, ou pour le fichier entier)."""

    fichier: str
    reponses: tuple[Reponse, ...]
    lignes: tuple[int, ...]
    problemes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problemes


# -- écriture ---------------------------------------------------------------------------------
def _cellule(texte: str) -> str:
    return "'" + texte if texte.startswith(_DEBUTS_DE_FORMULE) else texte


def _ligne(reponse: Reponse) -> list[str]:
    valeurs = {
        "identifiant": reponse.identifiant,
        "date": f"{reponse.date:%d/%m/%Y}",
        "acteur": reponse.acteur.libelle,
        "numero": str(reponse.numero),
        "consentement": "oui" if reponse.consentement else "non",
        "frequence": reponse.frequence,
    }
    for code in _TEXTES:
        valeurs[code] = _cellule(getattr(reponse, code))
    for code in _MULTIPLES:
        valeurs[code] = SEPARATEUR_CHOIX.join(getattr(reponse, code))
    for code in AFFIRMATIONS:
        valeurs[f"accord_{code}"] = reponse.accords[code]
    valeurs["identifiant"] = _cellule(valeurs["identifiant"])
    return [valeurs[c] for c in COLONNES]


def enregistrer(reponses: Iterable[Reponse], chemin: str | Path, *,
                commentaires: Iterable[str] = ()) -> Path:
    """Écrit les réponses dans ``chemin`` (le fichier est remplacé d'un coup : une erreur en
    cours d'écriture laisse l'ancien fichier intact). ``commentaires`` : lignes ajoutées en
    tête (provenance), sans le « # ». Renvoie le chemin."""
    if isinstance(reponses, (Reponse, str, bytes)) or not isinstance(reponses, Iterable):
        raise ValeurInvalide(f"Il faut une liste de réponses, par exemple [reponse] (reçu : "
                             f"{cite(reponses)}).", code="pas_une_liste")
    reponses = list(reponses)
    for reponse in reponses:
        if not isinstance(reponse, Reponse):
            raise ValeurInvalide("On n'enregistre que des réponses au questionnaire (Reponse), "
                                 f"pas {cite(reponse)}.")
    vus: dict[str, Reponse] = {}
    for reponse in reponses:
        if reponse.identifiant in vus and vus[reponse.identifiant] != reponse:
            raise ValeurInvalide(f"Deux réponses différentes portent l'identifiant "
                                 f"« {reponse.identifiant} » : changez le numéro de l'une.",
                                 code="identifiant_en_double")
        vus[reponse.identifiant] = reponse
    tampon = io.StringIO(newline="")
    for ligne in commentaires:
        if "\n" in ligne or "\r" in ligne:
            raise ValeurInvalide("Une ligne de commentaire tient sur une seule ligne.")
        tampon.write(f"# {ligne}\r\n")
    tampon.write(_ENTETE_VERSION + "\r\n")
    ecrivain = csv.writer(tampon, delimiter=";", lineterminator="\r\n")
    ecrivain.writerow(COLONNES)
    ecrivain.writerows(_ligne(r) for r in vus.values())
    chemin = _chemin(chemin)
    if chemin.is_dir():
        raise ValeurInvalide(f"Impossible d'écrire dans {cite(str(chemin))} : c'est un dossier, "
                             "pas un fichier ; donnez le nom du fichier, par exemple "
                             "dossier / \"reponses.csv\".", code="chemin_dossier")
    dossier = chemin.parent if str(chemin.parent) else Path(".")
    if not dossier.is_dir():
        raise ValeurInvalide(f"Le dossier « {dossier} » n'existe pas : le fichier "
                             f"« {chemin.name} » n'a pas été écrit.", code="dossier_absent")
    # Un fichier temporaire à côté, créé comme un fichier ordinaire (droits selon l'umask,
    # comme le fichier qu'on remplace), puis renommé d'un coup (os.replace).
    temporaire = dossier / f".{chemin.name}.{os.getpid()}.{id(tampon):x}.tmp"
    try:
        with open(temporaire, "x", encoding="utf-8-sig", newline="") as f:
            f.write(tampon.getvalue())
        os.replace(temporaire, chemin)
    except BaseException:
        temporaire.unlink(missing_ok=True)
        raise
    return chemin


# -- lecture ----------------------------------------------------------------------------------
def _texte_du_fichier(contenu: bytes, nom: str) -> str:
    if b"\x00" in contenu:
        numero = contenu[:contenu.index(b"\x00")].count(b"\n") + 1
        raise FichierEnqueteInvalide([
            f"Fichier {cite(nom)}, ligne {numero} : ce n'est pas un fichier texte (CSV) mais "
            "sans doute une image ou un document ; déposez le fichier CSV de l'enquête."])
    try:
        return contenu.decode("utf-8-sig")
    except UnicodeDecodeError as erreur:
        numero = contenu[:erreur.start].count(b"\n") + 1
        raise FichierEnqueteInvalide([
            f"Fichier {cite(nom)}, ligne {numero} : le texte n'est pas en UTF-8. Il a sans doute "
            "été réenregistré par Excel au format « CSV (séparateur : point-virgule) ». Dans "
            "Excel, choisissez « Enregistrer sous » puis le type « CSV UTF-8 », et "
            "recommencez."]) from None


def _valeurs(brut: dict[str, str]) -> dict[str, object]:
    """Les arguments de :class:`Reponse` lus dans une ligne du fichier."""
    valeurs: dict[str, object] = {}
    for code in _TEXTES:
        texte = brut[code]
        valeurs[code] = texte[1:] if texte.startswith("'") else texte
    for code in _MULTIPLES:
        valeurs[code] = tuple(x.strip() for x in brut[code].split(SEPARATEUR_CHOIX.strip())
                              if x.strip())
    valeurs["acteur"] = brut["acteur"]
    valeurs["frequence"] = brut["frequence"]
    valeurs["accords"] = {code: brut[f"accord_{code}"] or None for code in AFFIRMATIONS}
    texte_date = brut["date"].strip()
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", texte_date, re.ASCII)
    if iso:
        try:
            valeurs["date"] = date(*(int(x) for x in iso.groups()))
        except ValueError:
            valeurs["date"] = texte_date
    else:
        valeurs["date"] = texte_date
    numero = brut["numero"].strip()
    valeurs["numero"] = int(numero) if numero.isascii() and numero.isdigit() else numero
    accord = brut["consentement"].strip().lower()
    valeurs["consentement"] = (True if accord in ("oui", "vrai", "true", "1") else
                               False if accord in ("non", "faux", "false", "0") else accord)
    return valeurs


def _lire_texte(texte: str, nom: str) -> tuple[list[Reponse], list[int], list[str]]:
    lignes_physiques = io.StringIO(texte, newline="").readlines()
    if not texte.strip():
        raise FichierEnqueteInvalide([f"Fichier {cite(nom)} : le fichier est vide."])
    tete = 0
    version = None
    while tete < len(lignes_physiques) and lignes_physiques[tete].startswith("#"):
        trouve = _LIGNE_VERSION.match(lignes_physiques[tete])
        if trouve:
            version = int(trouve.group(1))
        tete += 1
    if version is not None and version > VERSION:
        raise FichierEnqueteInvalide([f"Fichier {cite(nom)}, ligne {tete} : format de la "
                                      f"version {version}, ce kit lit la version {VERSION}. "
                                      "Mettez entsim à jour."])
    if tete == len(lignes_physiques):
        raise FichierEnqueteInvalide([f"Fichier {cite(nom)} : il n'y a pas de ligne d'en-tête "
                                      "(les noms des colonnes)."])
    entete = lignes_physiques[tete]
    separateur = ";" if ";" in entete or "," not in entete else ","
    lecteur = csv.reader(io.StringIO("".join(lignes_physiques[tete:]), newline=""),
                         delimiter=separateur)
    try:
        colonnes = [c.strip() for c in next(lecteur)]
    except csv.Error as erreur:
        raise FichierEnqueteInvalide([f"Fichier {cite(nom)}, ligne {tete + 1} : ce n'est pas "
                                      f"un fichier CSV lisible ({erreur})."]) from None
    manquantes = [c for c in COLONNES if c not in colonnes]
    en_trop = [c for c in colonnes if c and c not in COLONNES]
    if manquantes or en_trop:
        details = []
        if len(manquantes) > 5:
            details.append(accorder(len(manquantes), "colonne attendue manque",
                                    "colonnes attendues manquent"))
        elif manquantes:
            details.append(("il manque la colonne " if len(manquantes) == 1
                            else "il manque les colonnes ")
                           + ", ".join(f"« {c} »" for c in manquantes))
        if en_trop:
            details.append("colonnes inconnues : " + ", ".join(cite(c) for c in en_trop[:5]))
        raise FichierEnqueteInvalide([
            f"Fichier {cite(nom)}, ligne {tete + 1} : ce n'est pas un fichier de réponses de "
            f"l'enquête ({' ; '.join(details)}). L'en-tête attendu commence par "
            f"« {';'.join(COLONNES[:4])}… »."])
    reponses: list[Reponse] = []
    numeros: list[int] = []
    problemes: list[str] = []
    deja: dict[str, int] = {}
    fin_precedente = lecteur.line_num
    while True:
        debut = tete + fin_precedente + 1
        try:
            champs = next(lecteur)
        except StopIteration:
            break
        except csv.Error as erreur:
            problemes.append(f"Fichier {cite(nom)}, ligne {debut} : ligne CSV illisible ({erreur}) ; "
                             "la lecture s'arrête là.")
            break
        fin_precedente = lecteur.line_num
        if not any(c.strip() for c in champs):
            continue
        if len(champs) > len(colonnes) and any(c.strip() for c in champs[len(colonnes):]):
            problemes.append(f"Fichier {cite(nom)}, ligne {debut} : {len(champs)} colonnes au lieu "
                             f"de {len(colonnes)} ; la ligne n'est pas lue.")
            continue
        incomplete = len(champs) < len(colonnes)
        champs += [""] * (len(colonnes) - len(champs))
        brut = {c: v for c, v in zip(colonnes, champs) if c}
        try:
            reponse = Reponse(**_valeurs(brut))
        except ErreurENT as erreur:
            details = getattr(erreur, "problemes", None) or (str(erreur),)
            description = "réponse refusée : " + " ; ".join(d.rstrip(".") for d in details) + "."
            if incomplete:
                description = (f"ligne incomplète ({len([c for c in champs if c])} colonnes "
                               f"remplies sur {len(colonnes)} : fichier tronqué ?), "
                               + description)
            problemes.append(f"Fichier {cite(nom)}, ligne {debut} : {description}")
            continue
        if reponse.identifiant in deja:
            if reponses[deja[reponse.identifiant]] != reponse:
                premiere = numeros[deja[reponse.identifiant]]
                problemes.append(f"Fichier {cite(nom)}, ligne {debut} : la réponse "
                                 f"« {reponse.identifiant} » existe déjà ligne {premiere}, "
                                 "avec d'autres valeurs ; la ligne n'est pas lue.")
            continue
        deja[reponse.identifiant] = len(reponses)
        reponses.append(reponse)
        numeros.append(debut)
    return reponses, numeros, problemes


def _chemin(chemin: object) -> Path:
    """Le chemin d'un fichier, ou :class:`~entsim.socle.erreurs.ValeurInvalide`."""
    if not isinstance(chemin, (str, Path)) or not str(chemin).strip():
        raise ValeurInvalide(f"Il faut le chemin d'un fichier, par exemple "
                             f"\"reponses_groupe3.csv\" (reçu : {cite(chemin)}).",
                             code="chemin_invalide")
    return Path(chemin)


def lire(chemin: str | Path) -> Lecture:
    """Lit un fichier de réponses sans s'arrêter à la première ligne abîmée : renvoie les
    réponses valides et la liste des problèmes (fichier entier ou ligne par ligne)."""
    chemin = _chemin(chemin)
    nom = chemin.name
    try:
        if chemin.is_dir():
            return Lecture(nom, (), (), (f"Fichier {cite(nom)} : c'est un dossier ; pour "
                                         "réunir les fichiers d'un dossier, utilisez "
                                         "fusionner(dossier).",))
        taille = chemin.stat().st_size
        if taille > TAILLE_MAX:
            return Lecture(nom, (), (), (
                f"Fichier {cite(nom)} : le fichier est trop gros "
                f"({ecrire_nombre(taille // 1_000_000)} Mo pour "
                f"{ecrire_nombre(TAILLE_MAX // 1_000_000)} Mo au plus) : ce n'est sans doute "
                "pas le fichier de réponses d'un groupe ; il n'a pas été lu.",))
        contenu = chemin.read_bytes()
    except FileNotFoundError:
        return Lecture(nom, (), (), (f"Fichier {cite(nom)} : il n'existe pas.",))
    except PermissionError:
        return Lecture(nom, (), (), (f"Fichier {cite(nom)} : il ne peut pas être lu (accès "
                                     "refusé par le système).",))
    except OSError:
        return Lecture(nom, (), (), (f"Fichier {cite(nom)} : il ne peut pas être lu.",))
    try:
        reponses, lignes, problemes = _lire_texte(_texte_du_fichier(contenu, nom), nom)
    except FichierEnqueteInvalide as erreur:
        return Lecture(nom, (), (), erreur.problemes)
    return Lecture(nom, tuple(reponses), tuple(lignes), tuple(problemes))


def charger(chemin: str | Path) -> list[Reponse]:
    """Les réponses d'un fichier ; au moindre problème, :class:`FichierEnqueteInvalide`
    qui les énumère tous (fichier et ligne). Pour lire malgré tout ce qui est valide :
    :func:`lire` ; pour réunir les fichiers d'une classe : :func:`entsim.enquete.fusionner`."""
    lecture = lire(chemin)
    if lecture.problemes:
        raise FichierEnqueteInvalide(lecture.problemes)
    return list(lecture.reponses)
