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
  d'élève : mémoire de données (2 Gio), taille des fichiers écrits (16 Mio), temps
  processeur (délai total + 5 s) ;
- le dossier courant de l'enfant est un dossier temporaire vide, supprimé ensuite ; l'entrée
  standard est fermée (un ``input()`` échoue aussitôt) ; ``PYTHONHASHSEED=0`` pour que deux
  corrections donnent le même résultat ;
- les valeurs reviennent en JSON étiqueté et borné, décodé ici sans rien exécuter
  (:func:`decoder`) ; un objet qui n'est pas une valeur simple revient sous la forme d'un
  :class:`ObjetNonTransmis`.

Ce n'est **pas un bac à sable de sécurité** : le code tourne avec les droits de l'enseignant
qui lance la correction (il pourrait lire ou effacer ses fichiers). La correction le
signale dans docs/ENSEIGNANTS.md : on corrige les copies de ses élèves, pas des fichiers
inconnus trouvés sur Internet.

Les délais se mesurent en temps réel (``time.monotonic``) : c'est le seul endroit d'entsim
qui lit une horloge réelle, parce qu'il s'agit de protéger l'ordinateur de l'enseignant, pas
de simuler l'ENT.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: Le programme lancé dans le processus enfant.
PROGRAMME_ENFANT = Path(__file__).with_name("_enfant.py")
#: Limite de mémoire de données du processus enfant (Linux, macOS).
MEMOIRE_MAX = 2 * 1024 ** 3
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


def _environnement() -> dict[str, str]:
    """Variables d'environnement de l'enfant : entsim importable, hasard des hachages fixé."""
    env = dict(os.environ)
    racine = str(Path(__file__).resolve().parents[2])   # le dossier qui contient entsim/
    anciens = env.get("PYTHONPATH", "")
    env["PYTHONPATH"] = racine + (os.pathsep + anciens if anciens else "")
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["MPLBACKEND"] = "Agg"
    return env


def _tuer(processus: subprocess.Popen) -> None:
    """Arrête l'enfant et, sous Linux et macOS, tout son groupe de processus."""
    if os.name == "posix":
        import signal

        try:
            os.killpg(processus.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
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
            except (ValueError, UnicodeDecodeError):
                continue
            if isinstance(message, dict):
                messages.append(message)
        return messages


def executer_cellules(cellules: Sequence[CelluleAExecuter], noms: Sequence[str], *,
                      delai_par_cellule: float = 10, delai_total: float = 60) -> Execution:
    """Exécute ``cellules`` dans l'ordre, dans un processus séparé, sous délais.

    Renvoie les valeurs des ``noms`` relevées (après chaque cellule qui les ``suit``, puis à
    la fin), les erreurs de chaque cellule et, si l'enfant a été arrêté, la raison en
    français. Ne lève pas sur un comportement d'élève (boucle infinie, erreur, sortie
    énorme, arrêt brutal du processus).
    """
    valeurs: dict[str, object] = {}
    par_cellule: dict[int, dict[str, object]] = {}
    erreurs: dict[int, str] = {}
    executees: list[int] = []
    sortie = 0
    interruption: str | None = None
    en_cours: int | None = None
    with tempfile.TemporaryDirectory(prefix="entsim-correction-") as temporaire:
        dossier = Path(temporaire)
        travail = dossier / "travail.json"
        resultats = dossier / "resultats.jsonl"
        dossier_courant = dossier / "dossier_de_travail"
        dossier_courant.mkdir()
        travail.write_text(json.dumps({
            "cellules": [{"numero": c.numero, "source": c.source, "suivre": list(c.suivre)}
                         for c in cellules],
            "noms": list(noms),
            "limites": {"memoire": MEMOIRE_MAX, "fichier": FICHIER_ECRIT_MAX,
                        "processeur": int(delai_total) + 5},
        }), encoding="utf-8")
        resultats.write_bytes(b"")
        options: dict = {}
        if os.name == "posix":
            options["start_new_session"] = True
        elif hasattr(subprocess, "CREATE_NEW_PROCESS_GROUP"):  # pragma: no cover - Windows
            options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
        processus = subprocess.Popen(
            [sys.executable, "-X", "utf8", str(PROGRAMME_ENFANT), str(travail), str(resultats)],
            cwd=dossier_courant, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env=_environnement(), **options)
        lecteur = _Lecteur(resultats)
        debut = time.monotonic()
        echeance_cellule: float | None = None
        termine = False
        attente = 0.005

        def traiter(messages: list[dict]) -> None:
            nonlocal en_cours, echeance_cellule, sortie, termine
            for message in messages:
                if "debut" in message:
                    en_cours = message["debut"]
                    echeance_cellule = time.monotonic() + delai_par_cellule
                elif "fin" in message:
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
                        valeurs[nom] = decoder(code)
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
                    interruption = (f"délai total de {_secondes(delai_total)} dépassé, "
                                    "exécution arrêtée")
                    break
                if echeance_cellule is not None and maintenant > echeance_cellule:
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
                     cellule_interrompue=en_cours if interruption else None)


def _secondes(duree: float) -> str:
    """« 10 s », « 0,5 s » : une durée lisible en français."""
    texte = f"{duree:g}".replace(".", ",")
    return f"{texte} s"
