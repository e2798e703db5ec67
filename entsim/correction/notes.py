"""Les notes manuelles : ``notes_manuelles.csv``, saisi par le professeur, relu et complété.

Les questions ouvertes (:class:`entsim.questions.types_de_questions.question_ouverte.QuestionOuverte`) sont notées à la main.
La correction écrit une ligne par réponse ouverte ; le professeur y remplit « note » et
« commentaire » dans son tableur, enregistre, relance la correction. Règles :

- le fichier est **relu puis réécrit**, jamais écrasé : notes et commentaires sont recopiés
  tels que le professeur les a tapés ; les nouvelles copies et questions sont ajoutées ;
  les lignes d'une copie retirée du dossier sont gardées à la fin ;
- une ligne ajoutée à la main pour une question corrigée automatiquement remplace la note
  automatique (le professeur revoit une note) ;
- une note illisible ou supérieure au barème est ignorée et signalée ;
- un fichier dont l'en-tête a disparu arrête la correction avec un message clair : il n'est
  jamais réécrit (aucune saisie du professeur ne se perd).

Les lignes sont identifiées par (fichier, question) : le chemin du fichier rendu, relatif
au dossier des rendus. Un tableur peut abîmer ce chemin : Excel enregistre un « CSV
(séparateur : point-virgule) » en Windows-1252, avec un « ? » à la place de chaque caractère
que cet encodage n'a pas (« ?ukasz Wójcik ») ; macOS écrit les accents des noms de fichiers
décomposés (« e » + accent combinant), d'autres outils les recomposent. Le fichier est donc
retrouvé par :func:`retrouver_fichier` (même texte en forme normale NFC, ou « ? » valant un
caractère quelconque), seulement s'il n'y a qu'un candidat ; une ligne qui porte une note
mais ne correspond à aucune copie est signalée, jamais ignorée en silence.

Chaque note manuelle qui change une note et n'était pas déjà comptée à la correction
précédente (``carnet.csv`` précédent) est listée pour que le professeur la confirme
(:func:`notes_a_confirmer`) : une ligne qu'il n'a pas saisie lui-même se voit.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from entsim.correction.resultats import (NOM_NOTES_MANUELLES, RenduCorrige, nombre,
                                         points_colonne)
from entsim.socle.erreurs import ErreurENT
from entsim.etablissement.identifiants import replier

#: Colonnes de ``notes_manuelles.csv`` ; le professeur remplit « note » et « commentaire ».
COLONNES_NOTES = ("fichier", "élève", "fiche", "question", "sur", "note", "commentaire",
                  "repères (pour le professeur)", "réponse de l'élève")


@dataclass(frozen=True)
class NoteManuelle:
    """Une ligne de ``notes_manuelles.csv`` : les deux cases du professeur et le reste."""

    fichier: str
    question: str
    note: str = ""
    commentaire: str = ""
    autres: tuple[str, ...] = field(default=())   # colonnes informatives, dans l'ordre


def _cle_colonne(nom: str) -> str:
    return re.sub(r"[^a-z]", "", replier(nom or ""))


def lire_notes_manuelles(chemin: Path) -> list[NoteManuelle]:
    """Relit ``notes_manuelles.csv`` (éventuellement réenregistré par un tableur : « ; »,
    « , » ou tabulation, UTF-8 ou Windows-1252). Lève :class:`ErreurENT` si le fichier est
    inutilisable : il n'est alors jamais écrasé."""
    if not chemin.exists():
        return []
    try:
        donnees = chemin.read_bytes()
    except OSError as erreur:
        raise ErreurENT(f"Le fichier {chemin.name} ne peut pas être lu ({erreur.strerror}) : "
                        "fermez-le dans le tableur puis relancez la correction.",
                        code="notes_illisibles") from None
    try:
        texte = donnees.decode("utf-8-sig")
    except UnicodeDecodeError:
        texte = donnees.decode("cp1252", errors="replace")
    if not texte.strip():
        return []
    premiere = texte.splitlines()[0]
    separateur = max((";", ",", "\t"), key=premiere.count)
    lecteur = csv.reader(io.StringIO(texte, newline=""), delimiter=separateur)
    lignes = list(lecteur)
    entete = [_cle_colonne(c) for c in lignes[0]]
    requises = {"fichier", "question", "note", "commentaire"}
    if not requises <= set(entete):
        absentes = sorted(requises - set(entete))
        manquantes = ", ".join(absentes) + (" manquante" if len(absentes) == 1 else
                                            " manquantes")
        raise ErreurENT(f"Le fichier {chemin.name} n'a plus ses colonnes ({manquantes}) : "
                        "rétablissez la première ligne ou renommez le fichier "
                        "pour repartir de zéro. Il n'a pas été modifié.",
                        code="notes_illisibles")
    position = {nom: entete.index(nom) for nom in requises}
    notes = []
    for ligne in lignes[1:]:
        if not any(case.strip() for case in ligne):
            continue
        case = (lambda nom: ligne[position[nom]].strip() if position[nom] < len(ligne) else "")
        autres = tuple(ligne[i] if i < len(ligne) else "" for i, c in enumerate(entete)
                       if c not in requises)
        if case("fichier") and case("question"):
            notes.append(NoteManuelle(case("fichier"), case("question"), case("note"),
                                      ligne[position["commentaire"]].strip()
                                      if position["commentaire"] < len(ligne) else "", autres))
    return notes


def lire_note(texte: str) -> float | None:
    """« 1,5 », « 2 », « 1.5 », « 1,5/3 » → nombre ; texte vide ou illisible → ``None``."""
    texte = texte.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    texte = texte.split("/")[0].replace(",", ".")
    if not re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", texte):
        return None
    return float(texte)


def _nfc(texte: str) -> str:
    return unicodedata.normalize("NFC", texte)


def retrouver_fichier(nom: str, fichiers: Sequence[str]) -> str | None:
    """Le fichier rendu désigné par ``nom`` (colonne « fichier » relue), ou ``None`` :
    le même nom ; sinon le seul de même forme NFC ; sinon, si ``nom`` contient des « ? »
    (caractères remplacés par Excel en Windows-1252), le seul qui correspond, chaque « ? »
    valant un caractère (du nom composé ou décomposé)."""
    if nom in fichiers:
        return nom
    egaux = [f for f in fichiers if _nfc(f) == _nfc(nom)]
    if len(egaux) == 1:
        return egaux[0]
    if "?" in nom:
        motif = re.compile("".join("." if c == "?" else re.escape(c) for c in _nfc(nom)),
                           re.DOTALL)
        candidats = [f for f in fichiers if motif.fullmatch(_nfc(f))
                     or motif.fullmatch(unicodedata.normalize("NFD", f))]
        if len(candidats) == 1:
            return candidats[0]
    return None


def associer_notes(rendus: Sequence[RenduCorrige], notes: Sequence[NoteManuelle]
                   ) -> list[tuple[NoteManuelle, tuple[str, str] | None]]:
    """Chaque note et sa clé (fichier rendu retrouvé, question), ou ``None`` si aucune
    copie ne correspond ; à clé égale, la ligne au nom exact l'emporte."""
    fichiers = [r.fichier for r in rendus]
    paires = [(n, retrouver_fichier(n.fichier, fichiers)) for n in notes]
    exactes = {(n.fichier, n.question) for n, f in paires if f == n.fichier}
    resultat: list[tuple[NoteManuelle, tuple[str, str] | None]] = []
    for note, fichier in paires:
        cle = (fichier, note.question) if fichier is not None else None
        if cle is not None and fichier != note.fichier and cle in exactes:
            cle = None          # doublon abîmé d'une ligne au nom exact : gardé à part
        resultat.append((note, cle))
    return resultat


def appliquer_notes(rendus: Sequence[RenduCorrige], notes: Sequence[NoteManuelle]
                    ) -> tuple[list[RenduCorrige], list[str]]:
    """Applique les notes manuelles ; calcule totaux et questions restant à noter ;
    signale les notes illisibles, hors barème ou sans copie correspondante."""
    associees = associer_notes(rendus, notes)
    par_cle = {cle: n for n, cle in associees if cle is not None}
    avertissements: list[str] = [
        f"{n.fichier}, {n.question} : note « {n.note} » non comptée, aucun fichier rendu de "
        f"ce nom (fichier renommé ou retiré du dossier ?) ; corrigez la colonne « fichier » "
        f"de {NOM_NOTES_MANUELLES}" for n, cle in associees if cle is None and n.note.strip()]
    questions = {(r.fichier, c.question) for r in rendus for c in r.corrections}
    avertissements += [
        f"{n.fichier}, {n.question} : note « {n.note} » non comptée, cette question n'existe "
        "pas dans la fiche de ce fichier" for n, cle in associees
        if cle is not None and n.note.strip() and cle not in questions
        and any(r.fichier == cle[0] and r.corrige for r in rendus)]
    resultat = []
    for rendu in rendus:
        if not rendu.corrige:
            resultat.append(rendu)
            continue
        corrections = []
        a_noter = []
        commentaires = []
        for c in rendu.corrections:
            note = par_cle.get((rendu.fichier, c.question))
            valeur = lire_note(note.note) if note and note.note.strip() else None
            if note and note.note.strip() and valeur is None:
                avertissements.append(f"{rendu.fichier}, {c.question} : note « {note.note} » "
                                      "illisible (écrivez un nombre, par exemple 1,5)")
            elif valeur is not None and valeur > c.sur + 1e-9:
                avertissements.append(f"{rendu.fichier}, {c.question} : note {note.note} "
                                      f"supérieure au barème ({nombre(c.sur)}), ignorée")
                valeur = None
            if note and note.commentaire:
                commentaires.append((c.question, note.commentaire))
            if valeur is not None:
                statut = ("juste" if valeur >= c.sur - 1e-9 else "faux" if valeur <= 1e-9
                          else "partiel")
                message = ("Noté par votre professeur." if c.statut == "manuel" else
                           "Note revue par votre professeur.")
                c = replace(c, points=round(valeur, 4), statut=statut, message=message)
            elif c.statut == "manuel":
                a_noter.append(c.question)
            corrections.append(c)
        total = round(sum(c.points for c in corrections), 4)
        sur = round(sum(c.sur for c in corrections), 4)
        resultat.append(replace(rendu, corrections=tuple(corrections), total=total, sur=sur,
                                a_noter=tuple(a_noter), commentaires=tuple(commentaires)))
    return resultat, avertissements


def lignes_notes(rendus: Sequence[RenduCorrige], existantes: Sequence[NoteManuelle],
                 reponses: Mapping[tuple[str, str], str]) -> list[list[str]]:
    """Les lignes de ``notes_manuelles.csv`` : celles des questions ouvertes (et de toute
    question que le professeur a ajoutée), dans l'ordre du carnet ; les notes et
    commentaires déjà saisis sont recopiés tels quels ; les lignes d'anciens fichiers sont
    gardées à la fin."""
    associees = associer_notes(rendus, existantes)
    par_cle = {cle: n for n, cle in associees if cle is not None}
    lignes = []
    vues = set()
    for rendu in rendus:
        if not rendu.corrige:
            continue
        for c in rendu.corrections:
            cle = (rendu.fichier, c.question)
            ancienne = par_cle.get(cle)
            if c.statut != "manuel" and ancienne is None:
                continue
            vues.add(cle)
            reperes = " ; ".join(c.pour_le_professeur)
            lignes.append([rendu.fichier, rendu.eleve, rendu.fiche or "", c.question,
                           nombre(c.sur), ancienne.note if ancienne else "",
                           ancienne.commentaire if ancienne else "", reperes,
                           reponses.get(cle, "")])
    for note, cle in associees:
        if cle in vues:
            continue
        autres = list(note.autres) + [""] * 5
        # anciennes lignes (fichier disparu ou renommé) : gardées telles quelles
        lignes.append([note.fichier, autres[0], autres[1], note.question, autres[2],
                       note.note, note.commentaire, autres[3], autres[4]])
    return lignes


def lire_carnet_precedent(chemin: Path) -> dict[tuple[str, str], str]:
    """Les points de chaque (fichier, question) dans le ``carnet.csv`` de la correction
    précédente (textes tels qu'écrits) ; vide s'il n'existe pas ou ne se lit pas."""
    try:
        texte = chemin.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return {}
    lignes = list(csv.DictReader(io.StringIO(texte, newline=""), delimiter=";"))
    points: dict[tuple[str, str], str] = {}
    for ligne in lignes:
        fiche_id, fichier = ligne.get("fiche") or "", ligne.get("fichier") or ""
        for colonne, valeur in ligne.items():
            if fiche_id and isinstance(colonne, str) and colonne.startswith(f"{fiche_id} "):
                points[(fichier, colonne[len(fiche_id) + 1:])] = valeur or ""
    return points


def notes_a_confirmer(avant: Sequence[RenduCorrige], apres: Sequence[RenduCorrige],
                      precedent: Mapping[tuple[str, str], str]) -> list[str]:
    """Les notes manuelles qui changent une note (par rapport à la correction automatique)
    et n'étaient pas déjà comptées dans le carnet précédent (``precedent``) : le professeur
    vérifie qu'il les a bien saisies lui-même."""
    a_confirmer = []
    for rendu_avant, rendu in zip(avant, apres):
        for origine, c in zip(rendu_avant.corrections, rendu.corrections):
            if c == origine or c.message not in ("Noté par votre professeur.",
                                                 "Note revue par votre professeur."):
                continue
            ancien, nouveau = points_colonne(origine), nombre(c.points)
            cle = (rendu.fichier, c.question)
            if nouveau == ancien or precedent.get(cle) == nouveau:
                continue
            a_confirmer.append(
                f"{rendu.fichier} ({rendu.eleve}), {c.question} : {nouveau} / {nombre(c.sur)}"
                + (f" au lieu de {ancien} (note automatique)" if ancien
                   else " (aucune note avant)"))
    return a_confirmer
