"""Corriger sans serveur un dossier de fiches rendues : carnet de notes, synthèse, retours.

Usage (voir docs/ENSEIGNANTS.md) ::

    python -m entsim.correction rendus/                 # résultats dans rendus/correction/
    python -m entsim.correction rendus/ --sortie notes/ --fiche partie1

ou, depuis Python : ``corriger_dossier("rendus")``. Pour chaque fichier rendu (y compris ceux
d'une archive ``.zip`` téléchargée depuis le casier de l'ENT), une ligne du carnet :

- ``carnet.csv`` : fichier, élève, fiche, points de chaque question, total, barème, questions
  à noter à la main, statut du fichier et raison (séparateur « ; », virgule décimale,
  UTF-8 avec BOM : s'ouvre tel quel dans un tableur réglé en français) ;
- ``synthese.html`` : tableau récapitulatif et, pour chaque fiche, taux de réussite de chaque
  question en diagramme (SVG intégré : un seul fichier, aucune ressource externe) ;
- ``retours/<élève>.html`` : le retour de chaque élève, question par question, avec les
  indices des questions à retravailler et les commentaires du professeur ;
- ``notes_manuelles.csv`` : une ligne par question ouverte (à noter à la main) ; le
  professeur y saisit « note » et « commentaire ». À chaque nouvelle correction, ce fichier
  est **relu et complété**, jamais écrasé : les notes saisies sont gardées et comptées dans
  les totaux ; les nouveaux fichiers et questions sont ajoutés.

Garanties : un fichier abîmé (JSON invalide, tronqué, vide, binaire, autre fiche…) reçoit
une ligne avec sa raison, jamais un plantage ; le code d'un élève ne s'exécute jamais sans
délai (:mod:`entsim.correction.execution`), et seulement quand sa réponse n'est pas une
valeur littérale (:mod:`entsim.correction.lecture`) ; deux corrections successives du même
dossier produisent des fichiers identiques, octet pour octet (ordre trié, aucune date).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from entsim.correction.execution import (CelluleAExecuter, Execution, ObjetNonTransmis,
                                   ValeurTropGrosse, executer_cellules)
from entsim.correction.lecture import (ROLES_SANS_REPONSE, TAILLE_MAX, NotebookLu, ReponseLue,
                                 RenduIllisible,
                                 code_de_cellule, lire_octets, lire_reponse,
                                 nom_dans_notebook, nom_depuis_chemin, reconnaitre_fiche)
from entsim.socle.erreurs import ErreurENT, Introuvable
from entsim.correction.notes import (COLONNES_NOTES, NoteManuelle, appliquer_notes, lignes_notes,
                               lire_note, lire_notes_manuelles)
from entsim.correction.rapports import ecrire_csv, ecrire_fichier
from entsim.questions.questions import Correction, Fiche, QuestionOuverte, fiche, fiches_disponibles

__all__ = ["Carnet", "RenduCorrige", "STATUTS_FICHIER", "STATUTS_CORRIGES", "COLONNES_NOTES",
           "NoteManuelle", "corriger_dossier", "lire_note", "lire_notes_manuelles", "main"]

#: Statut d'un fichier rendu (code stable) → libellé du carnet.
STATUTS_FICHIER: dict[str, str] = {
    "corrige": "corrigé",
    "corrige_partiellement": "corrigé partiellement",
    "autre_fiche": "autre fiche",
    "fiche_inconnue": "fiche inconnue",
    "fiche_non_reconnue": "fiche non reconnue",
    "vide": "vide",
    "illisible": "illisible",
    "pas_un_notebook": "pas un notebook",
    "trop_volumineux": "trop volumineux",
    "erreur_correcteur": "erreur du correcteur",
}
#: Les mêmes libellés au pluriel (résumé de la commande).
STATUTS_FICHIER_PLURIEL: dict[str, str] = {
    "corrige": "corrigés",
    "corrige_partiellement": "corrigés partiellement",
    "autre_fiche": "d'une autre fiche",
    "fiche_inconnue": "d'une fiche inconnue",
    "fiche_non_reconnue": "de fiche non reconnue",
    "vide": "vides",
    "illisible": "illisibles",
    "pas_un_notebook": "qui ne sont pas des notebooks",
    "trop_volumineux": "trop volumineux",
    "erreur_correcteur": "en erreur du correcteur",
}
#: Statuts des fichiers dont les réponses ont été corrigées.
STATUTS_CORRIGES = ("corrige", "corrige_partiellement", "autre_fiche")

#: Nom du dossier de sortie par défaut, créé dans le dossier des rendus.
DOSSIER_SORTIE_DEFAUT = "correction"
NOM_CARNET = "carnet.csv"
NOM_SYNTHESE = "synthese.html"
NOM_NOTES_MANUELLES = "notes_manuelles.csv"
NOM_RETOURS = "retours"

#: Fichiers et dossiers ignorés dans le dossier des rendus (système, Jupyter).
_IGNORES = {"desktop.ini", "thumbs.db", ".ds_store", "__macosx", ".ipynb_checkpoints"}
#: Nombre maximal de notebooks lus dans une archive zip.
MEMBRES_ZIP_MAX = 2000

_ADRESSE = re.compile(r" at 0x[0-9a-fA-F]+")
_TEMPORAIRE = re.compile(r"[^\s'\"]*entsim-correction-[^\s'\"/\\]+")


# ---------------------------------------------------------------------------------------
# Valeurs
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RenduCorrige:
    """Une ligne du carnet : un fichier rendu, son élève, sa fiche, ses corrections.

    ``statut`` : code de :data:`STATUTS_FICHIER` ; ``raison`` : en français, pourquoi le
    fichier n'est pas (ou pas entièrement) corrigé, et ce qui a été toléré ; ``total`` et
    ``sur`` : ``None`` si rien n'a été corrigé ; ``a_noter`` : questions ouvertes sans note
    manuelle pour l'instant.
    """

    fichier: str
    eleve: str
    fiche: str | None = None
    titre: str = ""
    statut: str = "corrige"
    raison: str = ""
    corrections: tuple[Correction, ...] = ()
    total: float | None = None
    sur: float | None = None
    a_noter: tuple[str, ...] = ()
    commentaires: tuple[tuple[str, str], ...] = ()

    @property
    def libelle_statut(self) -> str:
        """Le statut en toutes lettres (« corrigé partiellement »)."""
        return STATUTS_FICHIER.get(self.statut, self.statut)

    @property
    def corrige(self) -> bool:
        """Vrai si les réponses de ce fichier ont été corrigées."""
        return self.statut in STATUTS_CORRIGES

    def correction(self, qid: str) -> Correction | None:
        """La correction de la question ``qid``, ou ``None``."""
        return next((c for c in self.corrections if c.question == qid), None)

    def commentaire(self, qid: str) -> str:
        """Le commentaire du professeur sur ``qid`` (texte vide s'il n'y en a pas)."""
        return dict(self.commentaires).get(qid, "")


@dataclass(frozen=True)
class Carnet:
    """Le résultat de la correction d'un dossier ; les fichiers écrits sont dans
    ``dossier_sortie`` (:attr:`chemin_carnet`, :attr:`chemin_synthese`…)."""

    dossier_rendus: Path
    dossier_sortie: Path
    rendus: tuple[RenduCorrige, ...]
    colonnes: tuple[tuple[str, str], ...] = ()
    avertissements: tuple[str, ...] = ()
    fiches_attendues: tuple[str, ...] = ()

    @property
    def chemin_carnet(self) -> Path:
        return self.dossier_sortie / NOM_CARNET

    @property
    def chemin_synthese(self) -> Path:
        return self.dossier_sortie / NOM_SYNTHESE

    @property
    def chemin_notes_manuelles(self) -> Path:
        return self.dossier_sortie / NOM_NOTES_MANUELLES

    @property
    def dossier_retours(self) -> Path:
        return self.dossier_sortie / NOM_RETOURS

    def rendu(self, fichier: str) -> RenduCorrige:
        """La ligne du fichier ``fichier`` (chemin relatif au dossier des rendus)."""
        for rendu in self.rendus:
            if rendu.fichier == fichier:
                return rendu
        raise Introuvable(f"Aucun fichier rendu « {fichier} » dans ce carnet.")

    def lignes(self) -> list[dict[str, str]]:
        """Les lignes du carnet, comme dans ``carnet.csv`` (textes)."""
        from entsim.correction.rapports import lignes_carnet

        return lignes_carnet(self)

    def tableau(self):
        """Le carnet en tableau pandas (mêmes colonnes que ``carnet.csv``)."""
        import pandas as pd

        return pd.DataFrame(self.lignes())

    def resume(self) -> str:
        """Un résumé en français : combien de fichiers, de chaque statut, où sont les résultats."""
        from entsim.correction.rapports import resume

        return resume(self)

    def __str__(self) -> str:
        return self.resume()


# ---------------------------------------------------------------------------------------
# Trouver les fichiers rendus
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Fichier:
    """Un fichier rendu : chemin relatif (affiché) et moyen d'en lire le contenu."""

    relatif: PurePosixPath
    chemin: Path
    membre: str | None = None      # membre d'une archive zip
    probleme: tuple[str, str] | None = None   # (code de statut, raison) connu d'avance


def _ignore(nom: str) -> bool:
    return nom.startswith(".") or nom.startswith("~$") or nom.lower() in _IGNORES


def _fichiers_rendus(dossier: Path, sortie: Path) -> list[_Fichier]:
    """Les fichiers à corriger, triés : notebooks, autres fichiers (signalés), membres zip."""
    trouves: list[_Fichier] = []
    sortie_resolue = sortie.resolve()
    for racine, dossiers, fichiers in os.walk(dossier):
        racine_p = Path(racine)
        dossiers[:] = sorted(d for d in dossiers if not _ignore(d)
                             and (racine_p / d).resolve() != sortie_resolue)
        for nom in sorted(fichiers):
            if _ignore(nom):
                continue
            chemin = racine_p / nom
            relatif = _lisible(PurePosixPath(chemin.relative_to(dossier).as_posix()))
            if nom.lower().endswith(".zip"):
                trouves.extend(_membres_zip(chemin, relatif))
            else:
                trouves.append(_Fichier(relatif, chemin))
    return sorted(trouves, key=lambda f: (str(f.relatif).casefold(), str(f.relatif)))


def _lisible(chemin: PurePosixPath) -> PurePosixPath:
    """Le chemin affiché d'un fichier : un nom qui n'est pas de l'UTF-8 valide (octets
    bruts d'un autre système) est rendu lisible, pour pouvoir l'écrire dans le carnet."""
    texte = str(chemin).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return PurePosixPath(texte)


def _membres_zip(chemin: Path, relatif: PurePosixPath) -> list[_Fichier]:
    """Les notebooks d'une archive zip (téléchargement groupé depuis le casier de l'ENT)."""
    try:
        with zipfile.ZipFile(chemin) as archive:
            membres = [i for i in archive.infolist() if not i.is_dir()
                       and i.filename.lower().endswith(".ipynb")
                       and not any(_ignore(p) for p in PurePosixPath(i.filename).parts)]
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return [_Fichier(relatif, chemin, probleme=(
            "illisible", "L'archive zip est abîmée ou incomplète : décompressez-la à la main "
                         "ou téléchargez-la à nouveau."))]
    if not membres:
        return [_Fichier(relatif, chemin, probleme=(
            "pas_un_notebook", "L'archive zip ne contient aucun notebook (.ipynb)."))]
    resultat = []
    for info in sorted(membres, key=lambda i: i.filename)[:MEMBRES_ZIP_MAX]:
        rel = relatif / PurePosixPath(info.filename)
        if info.file_size > TAILLE_MAX:
            resultat.append(_Fichier(rel, chemin, info.filename, probleme=(
                "trop_volumineux", "Le notebook de l'archive dépasse la taille maximale : "
                                   "il n'a pas été lu.")))
        else:
            resultat.append(_Fichier(rel, chemin, info.filename))
    return resultat


def _lire(fichier: _Fichier) -> NotebookLu:
    if fichier.membre is not None:
        try:
            with zipfile.ZipFile(fichier.chemin) as archive:
                with archive.open(fichier.membre) as membre:
                    donnees = membre.read(TAILLE_MAX + 1)
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
            raise RenduIllisible("Ce notebook de l'archive zip ne peut pas être extrait "
                                 "(archive abîmée ou protégée).", code="illisible") from None
        return lire_octets(donnees)
    from entsim.correction.lecture import lire_notebook

    return lire_notebook(fichier.chemin)


# ---------------------------------------------------------------------------------------
# Corriger un fichier
# ---------------------------------------------------------------------------------------

def _nettoyer(texte: str) -> str:
    """Retire d'un message ce qui changerait d'une correction à l'autre (adresses, dossiers
    temporaires)."""
    return _TEMPORAIRE.sub("…", _ADRESSE.sub("", texte))


def _invalide(question_id: str, sur: float, message: str) -> Correction:
    return Correction(question_id, 0.0, float(sur), "invalide", message)


def _valeur_executee(lue: ReponseLue, execution: Execution, variable: str
                     ) -> tuple[bool, object, str]:
    """(trouvée, valeur, message d'erreur) de la réponse calculée par la cellule retenue."""
    numero = lue.cellule.numero if lue.cellule is not None else -1
    valeurs = execution.valeurs_par_cellule.get(numero, {})
    if variable in valeurs:
        return True, valeurs[variable], ""
    if numero in execution.erreurs:
        return False, None, ("L'exécution de la cellule de réponse a provoqué une erreur : "
                             f"{_nettoyer(execution.erreurs[numero])}.")
    if execution.interruption and numero not in execution.executees:
        if execution.cellule_interrompue == numero:
            return False, None, f"La cellule de réponse n'a pas abouti : {execution.interruption}."
        return False, None, ("La cellule de réponse n'a pas pu être exécutée : "
                             f"{execution.interruption} avant elle.")
    return False, None, ""


def _corriger_reponses(notebook: NotebookLu, la_fiche: Fiche, *, delai_par_cellule: float,
                       delai_total: float
                       ) -> tuple[list[Correction], list[str], bool, dict[str, str]]:
    """Corrige chaque question ; renvoie (corrections, remarques, complet, textes des
    réponses aux questions ouvertes)."""
    lues = {q.id: lire_reponse(notebook, q.id) for q in la_fiche.questions}
    remarques: list[str] = []
    complet = notebook.complet
    a_executer = {qid: lue for qid, lue in lues.items() if lue.nature == "a_executer"}
    execution: Execution | None = None
    if a_executer:
        execution = _executer(notebook, a_executer, delai_par_cellule=delai_par_cellule,
                              delai_total=delai_total)
        if execution.interruption:
            remarques.append(f"exécution du code : {execution.interruption}")
            complet = False
    absentes = [qid for qid, lue in lues.items() if lue.nature == "absente" and lue.cellule is None]
    if absentes:
        remarques.append("cellule de réponse introuvable (supprimée ?) pour "
                         + ", ".join(absentes) + " : comptée sans réponse")
        complet = False
    corrections = []
    textes: dict[str, str] = {}
    for question in la_fiche.questions:
        lue = lues[question.id]
        for remarque in lue.remarques:
            if remarque not in remarques:
                remarques.append(remarque)
        if isinstance(question, QuestionOuverte):
            textes[question.id] = _texte_reponse(lue.valeur if lue.nature == "litterale"
                                                 else lue.source)
        if lue.nature == "litterale":
            corrections.append(question.corriger(lue.valeur))
        elif lue.nature in ("syntaxe", "demesuree"):
            corrections.append(_invalide(question.id, question.points, lue.message))
        elif lue.nature == "absente":
            corrections.append(question.corriger(None))
        else:
            assert execution is not None
            trouvee, valeur, message = _valeur_executee(lue, execution, question.variable)
            if isinstance(valeur, ObjetNonTransmis) and valeur.type == "timedelta":
                # une durée (ent.cas.duree_ticket) : corrigée sur son texte « 0:00:10 »,
                # comme le fait la vérification dans la fiche
                corrections.append(question.corriger(valeur.texte))
            elif isinstance(valeur, ObjetNonTransmis):
                corrections.append(_invalide(question.id, question.points, (
                    "La réponse doit être une valeur simple (texte, nombre, liste, "
                    f"dictionnaire, tableau) ; la cellule donne un objet « {valeur.type} ».")))
            elif isinstance(valeur, ValeurTropGrosse):
                corrections.append(_invalide(question.id, question.points,
                                             "La réponse calculée est démesurée : elle n'a "
                                             "pas été corrigée."))
            elif trouvee or not message:
                corrections.append(question.corriger(valeur))
            else:
                corrections.append(_invalide(question.id, question.points, message))
    return corrections, remarques, complet, textes


def _executer(notebook: NotebookLu, a_executer: Mapping[str, ReponseLue], *,
              delai_par_cellule: float, delai_total: float) -> Execution:
    """Exécute, dans l'ordre et sous délai, les cellules de code jusqu'à la dernière réponse
    calculée (énoncés, vérifications et indices exceptés)."""
    suivies: dict[int, list[str]] = {}
    for qid, lue in a_executer.items():
        if lue.cellule is not None:
            suivies.setdefault(lue.cellule.numero, []).append(f"reponse_{qid}")
    dernier = max(suivies)
    cellules = []
    for cellule in notebook.cellules:
        if cellule.numero > dernier:
            break
        if cellule.role in ROLES_SANS_REPONSE:
            continue
        if cellule.type == "code" or cellule.numero in suivies:
            cellules.append(CelluleAExecuter(cellule.numero, code_de_cellule(cellule),
                                             tuple(sorted(suivies.get(cellule.numero, ())))))
    noms = sorted({nom for noms_ in suivies.values() for nom in noms_})
    return executer_cellules(cellules, noms, delai_par_cellule=delai_par_cellule,
                             delai_total=delai_total)


def _corriger_fichier(fichier: _Fichier, fiches: Mapping[str, Fiche],
                      attendues: Sequence[str], *, delai_par_cellule: float,
                      delai_total: float) -> tuple[RenduCorrige, dict[str, str]]:
    """La ligne du carnet d'un fichier, et le texte de ses réponses aux questions ouvertes."""
    nom_fichier = nom_depuis_chemin(fichier.relatif, list(fiches))
    base = RenduCorrige(str(fichier.relatif), nom_fichier)
    if fichier.probleme is not None:
        return replace(base, statut=fichier.probleme[0], raison=fichier.probleme[1]), {}
    if not fichier.relatif.name.lower().endswith(".ipynb"):
        return replace(base, statut="pas_un_notebook", raison=(
            f"Ce fichier n'est pas un notebook Jupyter (.ipynb) : « {fichier.relatif.name} » "
            "n'a pas été corrigé.")), {}
    try:
        notebook = _lire(fichier)
    except RenduIllisible as erreur:
        return replace(base, statut=erreur.code, raison=erreur.message), {}
    eleve = nom_dans_notebook(notebook) or nom_fichier
    base = replace(base, eleve=eleve)
    reconnue = reconnaitre_fiche(notebook, {fid: f.ids() for fid, f in fiches.items()})
    remarques = list(notebook.anomalies)
    if reconnue.fiche is None:
        return replace(base, statut=reconnue.code,
                       raison=_phrase([reconnue.raison] + remarques)), {}
    la_fiche = fiches[reconnue.fiche]
    if reconnue.comment != "metadonnees":
        remarques.append("métadonnées de la fiche absentes ou modifiées : fiche reconnue "
                         + ("à la ligne fiche(\"…\")" if reconnue.comment == "contenu"
                            else "aux noms des réponses"))
    if notebook.version_declaree is not None and notebook.version_declaree != la_fiche.version:
        remarques.append(f"version {notebook.version_declaree} de la fiche, corrigée avec "
                         f"la version {la_fiche.version}")
    corrections, autres, complet, textes = _corriger_reponses(
        notebook, la_fiche, delai_par_cellule=delai_par_cellule, delai_total=delai_total)
    remarques += autres
    statut = "corrige" if complet else "corrige_partiellement"
    if attendues and la_fiche.id not in attendues:
        statut = "autre_fiche"
        remarques.insert(0, f"ce fichier est la fiche « {la_fiche.id} », pas "
                            + ("la fiche attendue" if len(attendues) == 1 else "une des fiches "
                               "attendues") + f" ({', '.join(attendues)}) : il est corrigé "
                            f"comme fiche « {la_fiche.id} »")
    if all(c.statut == "vide" for c in corrections):
        remarques.append("aucune question n'a de réponse")
    return replace(base, fiche=la_fiche.id, titre=la_fiche.titre, statut=statut,
                   raison=_phrase(remarques), corrections=tuple(corrections)), textes


def _phrase(remarques: Iterable[str]) -> str:
    """Des remarques réunies en une phrase : « A ; b ; c. »"""
    morceaux = [r.strip().rstrip(".") for r in remarques if r and r.strip()]
    if not morceaux:
        return ""
    texte = " ; ".join(morceaux)
    return _nettoyer(texte[0].upper() + texte[1:] + ".")


def _texte_reponse(lue: object) -> str:
    """La réponse d'un élève en texte, pour le professeur (tronquée)."""
    if isinstance(lue, str):
        texte = lue
    elif isinstance(lue, dict):
        texte = "\n".join(f"{k} : {v}" for k, v in lue.items())
    elif isinstance(lue, (list, tuple)):
        texte = "\n".join(str(v) for v in lue)
    elif lue is None:
        texte = ""
    else:
        texte = str(lue)
    texte = texte.strip()
    return texte if len(texte) <= 3000 else texte[:3000] + " […]"


# ---------------------------------------------------------------------------------------
# La commande
# ---------------------------------------------------------------------------------------

def corriger_dossier(dossier_rendus: str | os.PathLike, dossier_sortie: str | os.PathLike |
                     None = None, *, delai_par_cellule: float = 10, delai_total: float = 60,
                     fiches: Sequence[str] | None = None, travaux: int | None = None
                     ) -> Carnet:
    """Corrige tous les fichiers rendus de ``dossier_rendus`` et écrit carnet, synthèse,
    retours et notes manuelles dans ``dossier_sortie`` (par défaut
    ``<dossier_rendus>/correction/``).

    ``delai_par_cellule`` / ``delai_total`` (secondes) : limites de temps du code d'un
    élève, quand il faut l'exécuter. ``fiches`` : les fiches attendues (un fichier d'une
    autre fiche reçoit le statut « autre fiche », tout en étant corrigé). ``travaux`` :
    nombre de copies corrigées en même temps (défaut : le nombre de processeurs, 4 au
    plus ; le résultat ne dépend pas de ce nombre). Lève
    :class:`ErreurENT` seulement pour un problème du professeur (dossier introuvable,
    notes manuelles illisibles, fichier de sortie verrouillé), jamais pour une copie.
    """
    dossier = Path(dossier_rendus)
    if not dossier.is_dir():
        raise Introuvable(f"Le dossier des rendus « {dossier} » n'existe pas (ou n'est pas un "
                          "dossier).", code="dossier_introuvable")
    sortie = Path(dossier_sortie) if dossier_sortie is not None else dossier / DOSSIER_SORTIE_DEFAUT
    if sortie.resolve() == dossier.resolve():
        raise ErreurENT("Le dossier des résultats doit être différent du dossier des rendus "
                        "(par défaut : un sous-dossier « correction »).",
                        code="sortie_invalide")
    disponibles = {fid: fiche(fid) for fid in fiches_disponibles()}
    attendues = tuple(fiches or ())
    for fid in attendues:
        if fid not in disponibles:
            raise Introuvable(f"Fiche attendue inconnue : « {fid} » (fiches connues : "
                              f"{', '.join(sorted(disponibles))}).", code="fiche_inconnue")
    notes_existantes = lire_notes_manuelles(sortie / NOM_NOTES_MANUELLES)
    def corriger_un(fichier: _Fichier) -> tuple[RenduCorrige, dict[str, str]]:
        try:
            return _corriger_fichier(fichier, disponibles, attendues,
                                     delai_par_cellule=delai_par_cellule,
                                     delai_total=delai_total)
        except Exception as erreur:  # noqa: BLE001 - une copie ne fait jamais tout échouer
            return RenduCorrige(str(fichier.relatif), nom_depuis_chemin(
                fichier.relatif, list(disponibles)), statut="erreur_correcteur", raison=(
                f"Erreur inattendue du correcteur ({type(erreur).__name__}) : ce fichier n'a "
                "pas été corrigé ; signalez-le aux auteurs d'entsim.")), {}

    fichiers_rendus = _fichiers_rendus(dossier, sortie)
    travaux = travaux or min(4, os.cpu_count() or 1)
    if travaux > 1 and len(fichiers_rendus) > 1:
        # Les copies qui exécutent du code attendent surtout leur processus enfant : on en
        # corrige plusieurs à la fois ; l'ordre du carnet reste celui des fichiers.
        with ThreadPoolExecutor(max_workers=travaux) as executeur:
            resultats = list(executeur.map(corriger_un, fichiers_rendus))
    else:
        resultats = [corriger_un(f) for f in fichiers_rendus]
    rendus: list[RenduCorrige] = []
    reponses_ouvertes: dict[tuple[str, str], str] = {}
    for rendu, textes in resultats:
        rendus.append(rendu)
        for qid, texte in textes.items():
            reponses_ouvertes[(rendu.fichier, qid)] = texte
    rendus, avertissements = appliquer_notes(rendus, notes_existantes)
    corrigees = sorted({r.fiche for r in rendus if r.corrige and r.fiche})
    colonnes = tuple((fid, q.id) for fid in corrigees for q in disponibles[fid].questions)
    carnet = Carnet(dossier, sortie, tuple(rendus), colonnes, tuple(avertissements), attendues)
    _ecrire(carnet, notes_existantes, reponses_ouvertes, disponibles)
    return carnet


def _ecrire(carnet: Carnet, notes_existantes: Sequence[NoteManuelle],
            reponses: Mapping[tuple, str], fiches: Mapping[str, Fiche]) -> None:
    from entsim.correction.rapports import ecrire_retours, entete_carnet, lignes_carnet, synthese_html

    sortie = carnet.dossier_sortie
    try:
        sortie.mkdir(parents=True, exist_ok=True)
        (sortie / NOM_RETOURS).mkdir(exist_ok=True)
    except OSError as erreur:
        raise ErreurENT(f"Impossible de créer le dossier de sortie {sortie} "
                        f"({erreur.strerror}).", code="ecriture_impossible") from None
    ecrire_csv(carnet.chemin_notes_manuelles, COLONNES_NOTES,
               lignes_notes(carnet.rendus, notes_existantes, reponses))
    entete = entete_carnet(carnet)
    ecrire_csv(carnet.chemin_carnet, entete,
               [[ligne[c] for c in entete] for ligne in lignes_carnet(carnet)])
    ecrire_fichier(carnet.chemin_synthese, synthese_html(carnet, fiches).encode("utf-8"))
    ecrire_retours(carnet, fiches)


class _Format(argparse.HelpFormatter):
    """La mise en page d'argparse, avec « utilisation : » au lieu de « usage: »."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[override]
        return super().add_usage(usage, actions, groups, prefix="utilisation : ")


class _Analyseur(argparse.ArgumentParser):
    """argparse, avec des messages d'erreur en français."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write("Commande incorrecte : vérifiez le dossier et les options "
                         "(aide : python -m entsim.correction --aide).\n")
        raise SystemExit(2)


def _analyseur() -> argparse.ArgumentParser:
    analyseur = _Analyseur(
        prog="python -m entsim.correction", add_help=False, formatter_class=_Format,
        usage="python -m entsim.correction DOSSIER_DES_RENDUS [--sortie DOSSIER] "
              "[--fiche ID] [--delai-cellule S] [--delai-total S]",
        description="Corrige les fiches entsim rendues par les élèves (dossier de fichiers "
                    ".ipynb, ou archive .zip du casier de l'ENT) : carnet de notes (CSV), "
                    "synthèse (HTML), retours par élève et notes manuelles à compléter.")
    analyseur.add_argument("dossier", metavar="DOSSIER_DES_RENDUS",
                           help="le dossier qui contient les fichiers rendus")
    analyseur.add_argument("--sortie", metavar="DOSSIER", default=None,
                           help="où écrire les résultats (défaut\u00a0: DOSSIER_DES_RENDUS/correction)")
    analyseur.add_argument("--fiche", metavar="ID", action="append", default=None,
                           help="fiche attendue, par exemple partie1 (option répétable)")
    analyseur.add_argument("--delai-cellule", metavar="S", type=float, default=10,
                           help="délai maximal d'une cellule de code d'élève, en secondes "
                                "(défaut\u00a0: 10)")
    analyseur.add_argument("--delai-total", metavar="S", type=float, default=60,
                           help="délai maximal du code d'un notebook, en secondes "
                                "(défaut\u00a0: 60)")
    analyseur.add_argument("-h", "--aide", action="help", help="affiche cette aide")
    analyseur._positionals.title = "argument"
    analyseur._optionals.title = "options"
    return analyseur


def main(arguments: Sequence[str] | None = None) -> int:
    """Point d'entrée de la commande ``entsim-corriger`` / ``python -m entsim.correction``."""
    options = _analyseur().parse_args(arguments)
    if options.delai_cellule <= 0 or options.delai_total <= 0:
        sys.stderr.write("Erreur : les délais doivent être des nombres de secondes positifs.\n")
        return 2
    try:
        carnet = corriger_dossier(options.dossier, options.sortie,
                                  delai_par_cellule=options.delai_cellule,
                                  delai_total=options.delai_total, fiches=options.fiche)
    except ErreurENT as erreur:
        sys.stderr.write(f"Erreur : {erreur}\n")
        return 2
    sys.stdout.write(carnet.resume() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
