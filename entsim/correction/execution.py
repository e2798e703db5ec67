"""Exécuter les cellules d'un élève dans un processus séparé, sous délai, sortie bornée.

Règle de la correction : **le code d'un élève ne s'exécute jamais sans limite de temps**, et
jamais dans le processus qui corrige. Quand une réponse ne se lit pas par simple évaluation
littérale (voir :mod:`entsim.correction.lecture`), les cellules de code du notebook sont
exécutées par :mod:`entsim.correction._enfant`, lancé avec l'interpréteur courant :

- un délai **par cellule** et un délai **total** : le parent suit l'avancement (une ligne
  « début de la cellule n » écrite par l'enfant) et tue l'enfant — avec tout son groupe de
  processus sous Linux et macOS — dès qu'un délai est dépassé (boucle infinie, attente
  d'une saisie…) ; les réponses déjà obtenues sont gardées ;
- la sortie de l'élève (``print``…) est comptée et jetée ; la sortie brute du processus va
  vers ``os.devnull`` : une sortie de 50 Mo ne coûte rien ;
- sous Linux et macOS, des limites système en plus, posées par l'enfant avant tout code
  d'élève : espace d'adresses (2 Gio, ``mmap`` compris), taille des fichiers écrits
  (16 Mio), temps processeur (délai total doublé + 5 s), processus (en bac à sable) ;
- le dossier courant de l'enfant est un dossier temporaire vide, supprimé ensuite ; l'entrée
  standard est fermée (un ``input()`` échoue aussitôt) ; l'environnement est vidé,
  ``PYTHONHASHSEED=0`` pour que deux corrections donnent le même résultat ;
- les valeurs reviennent en JSON étiqueté et borné, décodé ici sans rien exécuter
  (:func:`decoder`) ; un objet qui n'est pas une valeur simple revient sous la forme d'un
  :class:`ObjetNonTransmis`.

L'enfant est isolé selon le mode choisi au lancement (:mod:`entsim.correction.isolement`) :
« bac à sable » (bubblewrap, Linux) ou « surveillance » (audit hook). En surveillance, les
copies s'exécutent **une à la fois** (verrou :data:`_UNE_A_LA_FOIS`) : aucune ne tourne
pendant qu'une autre pourrait la voir ; en bac à sable, chacune a ses propres espaces de
noms et ne voit pas les autres.

Un délai dépassé est **réessayé une fois avec des délais doublés** avant d'être retenu
(« deux essais ») : une cellule proche de la limite ne donne pas un carnet différent d'une
correction à l'autre selon la charge de l'ordinateur (issue 14, § 4).

Les délais se mesurent en temps réel (``time.monotonic``) : c'est le seul endroit d'entsim
qui lit une horloge réelle, parce qu'il s'agit de protéger l'ordinateur de l'enseignant, pas
de simuler l'ENT.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from entsim.correction.isolement import (BAC_A_SABLE, DOSSIER_TRAVAIL_BAC, Isolement,
                                         chemins_bibliotheque, chemins_caches,
                                         choisir_isolement,
                                         commande_enfant)

#: Le programme lancé dans le processus enfant.
PROGRAMME_ENFANT = Path(__file__).with_name("_enfant.py")
#: Limite d'espace d'adresses du processus enfant (Linux, macOS ; ``RLIMIT_AS``).
MEMOIRE_MAX = 2 * 1024 ** 3
#: Nombre maximal de processus et fils d'exécution d'une copie, en bac à sable.
PROCESSUS_MAX = 64
#: Taille maximale d'un fichier écrit par le processus enfant (Linux, macOS).
FICHIER_ECRIT_MAX = 16 * 1024 ** 2
#: Taille maximale lue du fichier de résultats de l'enfant.
RESULTATS_MAX = 64 * 1024 ** 2


@dataclass(frozen=True)
class CelluleAExecuter:
    """Une cellule à exécuter : son numéro dans le notebook, son code, les noms à relever."""

    numero: int
    source: str
    suivre: tuple[str, ...] = ()


@dataclass(frozen=True)
class ObjetNonTransmis:
    """Une valeur d'élève qui n'est pas une valeur simple (texte, nombre, liste…)."""

    type: str
    texte: str

    def __str__(self) -> str:
        return self.texte


@dataclass(frozen=True)
class ValeurTropGrosse:
    """Une valeur d'élève trop volumineuse pour être transmise et corrigée."""

    type: str


@dataclass(frozen=True)
class Execution:
    """Ce qu'a donné l'exécution des cellules d'un élève.

    ``valeurs`` : la dernière valeur relevée de chaque nom suivi ; ``valeurs_par_cellule`` :
    numéro de cellule → valeurs des noms qu'elle ``suit``, juste après elle ; ``erreurs`` :
    numéro de cellule → erreur levée (texte court) ; ``executees`` : les cellules terminées ;
    ``interruption`` : ``None`` si tout s'est terminé, sinon la raison en français ;
    ``cellule_interrompue`` : la cellule en cours quand l'enfant a été arrêté.
    """

    valeurs: dict[str, object] = field(default_factory=dict)
    valeurs_par_cellule: dict[int, dict[str, object]] = field(default_factory=dict)
    erreurs: dict[int, str] = field(default_factory=dict)
    executees: tuple[int, ...] = ()
    sortie: int = 0
    interruption: str | None = None
    cellule_interrompue: int | None = None

    @property
    def terminee(self) -> bool:
        """Vrai si toutes les cellules ont été exécutées jusqu'au bout."""
        return self.interruption is None


def decoder(code: object) -> object:
    """Décode une valeur codée par le processus enfant (sans rien exécuter).

    >>> decoder(["list", [["int", "3"], ["str", "a"], ["none"]]])
    [3, 'a', None]
    """
    if not isinstance(code, list) or not code or not isinstance(code[0], str):
        return ObjetNonTransmis("inconnu", "")
    etiquette = code[0]
    if etiquette == "none":
        return None
    if etiquette == "bool" and len(code) == 2:
        return bool(code[1])
    if etiquette == "int" and len(code) == 2 and isinstance(code[1], str):
        try:
            return int(code[1])
        except ValueError:
            return ValeurTropGrosse("int")
    if etiquette == "float" and len(code) == 2 and isinstance(code[1], str):
        try:
            return float(code[1])
        except ValueError:
            return ObjetNonTransmis("float", code[1])
    if etiquette == "str" and len(code) == 2 and isinstance(code[1], str):
        return code[1]
    if etiquette in ("list", "tuple", "set", "frozenset") and len(code) == 2 \
            and isinstance(code[1], list):
        elements = [decoder(v) for v in code[1]]
        if etiquette == "list":
            return elements
        if etiquette == "tuple":
            return tuple(elements)
        try:
            return set(elements) if etiquette == "set" else frozenset(elements)
        except TypeError:
            return ObjetNonTransmis(etiquette, "")
    if etiquette == "dict" and len(code) == 2 and isinstance(code[1], list):
        resultat: dict = {}
        for paire in code[1]:
            if isinstance(paire, list) and len(paire) == 2:
                try:
                    resultat[decoder(paire[0])] = decoder(paire[1])
                except TypeError:
                    return ObjetNonTransmis("dict", "")
        return resultat
    if etiquette == "dataframe" and len(code) == 3:
        colonnes, lignes = decoder(code[1]), decoder(code[2])
        if isinstance(colonnes, list) and isinstance(lignes, list) and all(
                isinstance(ligne, list) and len(ligne) == len(colonnes) for ligne in lignes):
            import pandas as pd

            try:
                return pd.DataFrame(lignes, columns=colonnes)
            except Exception:  # noqa: BLE001 - colonnes en double, types mêlés…
                pass
        return ObjetNonTransmis("DataFrame", "")
    if etiquette == "trop_gros":
        return ValeurTropGrosse(str(code[1]) if len(code) > 1 else "")
    if etiquette == "objet" and len(code) == 3:
        return ObjetNonTransmis(str(code[1]), str(code[2]))
    return ObjetNonTransmis("inconnu", "")


def _tuer(processus: subprocess.Popen) -> None:
    """Arrête l'enfant et tout son groupe de processus (Linux, macOS), puis vérifie qu'aucun
    processus du groupe ne survit. En bac à sable, ``processus`` est ``bwrap`` : sa mort
    tue la copie (``--die-with-parent``) et, avec elle, tout son espace de noms de
    processus (le noyau tue tous les processus d'un espace quand son processus 1 meurt :
    pid_namespaces(7))."""
    if os.name == "posix":
        import signal

        for _ in range(50):
            try:
                os.killpg(processus.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                break
            try:
                processus.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                pass
    try:
        processus.kill()
    except OSError:
        pass
    try:
        processus.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover - processus zombie récalcitrant
        pass


class _Lecteur:
    """Lit les lignes complètes ajoutées au fichier de résultats depuis la dernière lecture."""

    def __init__(self, chemin: Path) -> None:
        self.chemin = chemin
        self.position = 0
        self.reste = b""

    def lignes(self) -> list[dict]:
        if self.position >= RESULTATS_MAX:
            return []
        try:
            with open(self.chemin, "rb") as fichier:
                fichier.seek(self.position)
                donnees = fichier.read(RESULTATS_MAX - self.position)
        except OSError:
            return []
        self.position += len(donnees)
        morceaux = (self.reste + donnees).split(b"\n")
        self.reste = morceaux.pop()
        messages = []
        for morceau in morceaux:
            try:
                message = json.loads(morceau.decode("utf-8"))
            except (ValueError, UnicodeDecodeError, RecursionError):
                continue    # ligne forgée par l'élève (imbrication démesurée…) : ignorée
            if isinstance(message, dict):
                messages.append(message)
        return messages


#: Le mode d'isolement de la correction en cours (réglé par :func:`isolement_actif`).
_ISOLEMENT: list[Isolement] = []
#: En mode surveillance, une seule copie s'exécute à la fois.
_UNE_A_LA_FOIS = threading.Lock()


@contextlib.contextmanager
def isolement_actif(isolement: Isolement) -> Iterator[Isolement]:
    """Pendant le bloc, les exécutions sans ``isolement`` explicite utilisent celui-ci
    (la correction d'un dossier le choisit une fois, au lancement)."""
    _ISOLEMENT.append(isolement)
    try:
        yield isolement
    finally:
        _ISOLEMENT.remove(isolement)


def executer_cellules(cellules: Sequence[CelluleAExecuter], noms: Sequence[str], *,
                      delai_par_cellule: float = 10, delai_total: float = 60,
                      isolement: Isolement | None = None) -> Execution:
    """Exécute ``cellules`` dans l'ordre, dans un processus séparé et isolé, sous délais.

    Renvoie les valeurs des ``noms`` relevées (après chaque cellule qui les ``suit``, puis à
    la fin), les erreurs de chaque cellule et, si l'enfant a été arrêté, la raison en
    français. Une exécution arrêtée par un délai est refaite une fois avec des délais
    doublés ; si elle s'arrête encore, la raison le dit (« deux essais »). ``isolement`` :
    par défaut celui de :func:`isolement_actif`, sinon le mode « auto ». Ne lève pas sur un
    comportement d'élève (boucle infinie, erreur, sortie énorme, arrêt brutal, attaque).
    """
    if isolement is None:
        isolement = _ISOLEMENT[-1] if _ISOLEMENT else choisir_isolement("auto")
    verrou = contextlib.nullcontext() if isolement.mode == BAC_A_SABLE else _UNE_A_LA_FOIS
    processeur = int(2 * delai_total) + 5
    with verrou:
        premiere, depasse = _executer_une_fois(cellules, noms, delai_par_cellule, delai_total,
                                               isolement, processeur)
        if not depasse:
            return premiere
        seconde, depasse = _executer_une_fois(cellules, noms, 2 * delai_par_cellule,
                                              2 * delai_total, isolement, processeur)
    if not depasse:
        return seconde
    par_cellule = "par cellule" in (seconde.interruption or "")
    raison = (f"délai de {_secondes(delai_par_cellule)} par cellule dépassé (deux essais, le "
              f"second avec {_secondes(2 * delai_par_cellule)} ; boucle infinie ?), "
              "exécution arrêtée" if par_cellule else
              f"délai total de {_secondes(delai_total)} dépassé (deux essais, le second avec "
              f"{_secondes(2 * delai_total)}), exécution arrêtée")
    return replace(seconde, interruption=raison)


def _executer_une_fois(cellules: Sequence[CelluleAExecuter], noms: Sequence[str],
                       delai_par_cellule: float, delai_total: float, isolement: Isolement,
                       limite_processeur: int) -> tuple[Execution, bool]:
    """Une exécution ; le booléen dit si elle a été arrêtée par un délai."""
    valeurs: dict[str, object] = {}
    par_cellule: dict[int, dict[str, object]] = {}
    erreurs: dict[int, str] = {}
    executees: list[int] = []
    sortie = 0
    interruption: str | None = None
    delai_depasse = False
    en_cours: int | None = None
    with tempfile.TemporaryDirectory(prefix="entsim-correction-") as temporaire:
        dossier = Path(temporaire)
        travail = dossier / "travail.json"
        resultats = dossier / "resultats.jsonl"
        dossier_courant = dossier / "dossier_de_travail"
        dossier_courant.mkdir()
        bac = isolement.mode == BAC_A_SABLE
        limites = {"memoire": MEMOIRE_MAX, "fichier": FICHIER_ECRIT_MAX,
                   "processeur": limite_processeur, "core": 0}
        if bac:
            limites["processus"] = PROCESSUS_MAX
        travail.write_text(json.dumps({
            "cellules": [{"numero": c.numero, "source": c.source, "suivre": list(c.suivre)}
                         for c in cellules],
            "noms": list(noms),
            "limites": limites,
            "surveillance": {"ecriture": DOSSIER_TRAVAIL_BAC if bac else str(dossier),
                             "lecture": list(chemins_bibliotheque()),
                             "caches": list(chemins_caches())},
        }), encoding="utf-8")
        resultats.write_bytes(b"")
        options: dict = {}
        if os.name == "posix":
            options["start_new_session"] = True
        elif hasattr(subprocess, "CREATE_NEW_PROCESS_GROUP"):  # pragma: no cover - Windows
            options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
        commande, environnement, dossier_courant = commande_enfant(
            isolement, PROGRAMME_ENFANT, dossier)
        processus = subprocess.Popen(
            commande, cwd=dossier_courant, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env=environnement, **options)
        lecteur = _Lecteur(resultats)
        debut = time.monotonic()
        echeance_cellule: float | None = None
        termine = False
        attente = 0.005

        def traiter(messages: list[dict]) -> None:
            nonlocal en_cours, echeance_cellule, sortie, termine
            for message in messages:
                # Le fichier de résultats est à la portée du code de l'élève : un message
                # mal formé (numéro qui n'est pas un entier…) est ignoré, jamais une erreur.
                if _entier(message.get("debut")):
                    en_cours = message["debut"]
                    echeance_cellule = time.monotonic() + delai_par_cellule
                elif _entier(message.get("fin")):
                    numero = message["fin"]
                    executees.append(numero)
                    if message.get("erreur"):
                        erreurs[numero] = str(message["erreur"])
                    if isinstance(message.get("sortie"), int):
                        sortie = message["sortie"]
                    en_cours, echeance_cellule = None, None
                elif message.get("termine"):
                    termine = True
                if isinstance(message.get("valeurs"), dict):
                    for nom, code in message["valeurs"].items():
                        try:
                            valeurs[nom] = decoder(code)
                        except RecursionError:
                            valeurs[nom] = ValeurTropGrosse("")
                        if "fin" in message:
                            par_cellule.setdefault(message["fin"], {})[nom] = valeurs[nom]

        try:
            while True:
                try:
                    processus.wait(timeout=attente)
                    fini = True
                except subprocess.TimeoutExpired:
                    fini = False
                attente = min(attente * 2, 0.05)
                traiter(lecteur.lignes())
                if fini or termine:
                    # « termine » : toutes les cellules ont été exécutées et les valeurs
                    # relevées ; un fil laissé en marche par l'élève n'est pas attendu.
                    break
                maintenant = time.monotonic()
                if maintenant - debut > delai_total:
                    delai_depasse = True
                    interruption = (f"délai total de {_secondes(delai_total)} dépassé, "
                                    "exécution arrêtée")
                    break
                if echeance_cellule is not None and maintenant > echeance_cellule:
                    delai_depasse = True
                    interruption = (f"délai de {_secondes(delai_par_cellule)} par cellule "
                                    "dépassé (boucle infinie ?), exécution arrêtée")
                    break
        finally:
            _tuer(processus)
        traiter(lecteur.lignes())
        if interruption is None and not termine:
            interruption = "le code s'est arrêté brutalement avant la fin"
    return Execution(valeurs=valeurs, valeurs_par_cellule=par_cellule, erreurs=erreurs,
                     executees=tuple(executees), sortie=sortie, interruption=interruption,
                     cellule_interrompue=en_cours if interruption else None), delai_depasse


def _entier(valeur: object) -> bool:
    """Vrai pour un numéro de cellule bien formé (un entier, pas un booléen)."""
    return isinstance(valeur, int) and not isinstance(valeur, bool)


def _secondes(duree: float) -> str:
    """« 10 s », « 0,5 s » : une durée lisible en français."""
    texte = f"{duree:g}".replace(".", ",")
    return f"{texte} s"
