"""Isoler le code d'un élève pendant la correction : « bac à sable » ou « surveillance ».

Le mode est choisi **au lancement** de la correction (option ``--isolement`` de
``entsim-corriger``, ``auto`` par défaut) et noté dans le carnet et la synthèse :

- **bac à sable** (Linux, programme ``bwrap`` du paquet Debian/Ubuntu ``bubblewrap``) : chaque
  copie s'exécute dans ses propres espaces de noms Linux — utilisateur, processus (PID),
  montages, réseau, IPC, nom d'hôte (``--unshare-all``), nouvelle session
  (``--new-session``, contre l'injection de frappes dans le terminal), arrêtée avec le
  correcteur (``--die-with-parent``). Sa racine est un système de fichiers en mémoire vide où
  ne sont montés, **en lecture seule**, que les programmes système (``/usr``…), l'installation
  de Python, l'environnement virtuel et le **seul dossier du paquet** ``entsim`` (pas la racine
  du dépôt : ni ``solutions/``, ni ``exercises/``, ni ``entsim_corrige/``, ni les copies, ni le
  carnet). ``/tmp`` y est un dossier en mémoire, borné (:data:`TAILLE_TMP`), propre à la copie ;
  ``/dev`` est minimal, ``/proc`` ne montre que les processus de la copie, il n'y a pas de
  réseau. Référence : manuel de bwrap(1), options ``--unshare-all``, ``--die-with-parent``,
  ``--new-session``, ``--size``/``--tmpfs``, ``--ro-bind`` (bubblewrap 0.8, Debian 12).
- **surveillance** (Windows, macOS, conteneurs sans espaces de noms) : le même processus
  enfant, dans un dossier temporaire, avec un *audit hook* Python (PEP 578,
  ``sys.addaudithook``) posé avant tout code d'élève, qui refuse fichiers hors de son
  dossier, processus, signaux, réseau et ``ctypes`` (voir :mod:`entsim.correction._enfant`).
  La documentation de Python le dit : un audit hook n'est **pas** un bac à sable contre un
  code malveillant déterminé ; la synthèse l'écrit en avertissement.

Dans les deux modes, l'environnement de l'enfant est vidé (:func:`environnement_enfant`) et
l'enfant pose lui-même ses limites système avant tout code d'élève.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from entsim.socle.erreurs import ErreurENT

__all__ = ["BAC_A_SABLE", "MODES", "SURVEILLANCE", "Isolement", "choisir_isolement",
           "environnement_enfant", "commande_enfant"]

#: Valeurs de l'option ``--isolement``.
MODES = ("auto", "bac-a-sable", "surveillance")
BAC_A_SABLE = "bac-a-sable"
SURVEILLANCE = "surveillance"
#: Taille du ``/tmp`` en mémoire d'une copie, en mode bac à sable.
TAILLE_TMP = 64 * 1024 ** 2
#: Taille du ``/dev/shm`` en mémoire d'une copie, en mode bac à sable.
TAILLE_SHM = 1024 ** 2
#: Le dossier de travail (et ``TMPDIR``, ``HOME``) de la copie dans le bac à sable.
DOSSIER_TRAVAIL_BAC = "/tmp/copie"
#: Le /tmp du bac à sable (en mémoire, borné) qui contient ce dossier de travail.
TMP_BAC = "/tmp"
#: Où le travail (lecture seule) et le fichier de résultats apparaissent dans le bac à sable.
ECHANGES_BAC = "/.entsim"
#: Dossiers système montés en lecture seule dans le bac à sable (s'ils existent).
SYSTEME = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc/alternatives",
           "/etc/ld.so.cache", "/etc/localtime", "/etc/ssl")

#: Ce que dit le carnet du mode (une phrase française).
DESCRIPTIONS = {
    BAC_A_SABLE: "bac à sable (bubblewrap : chaque copie isolée, sans réseau, sans accès aux "
                 "autres fichiers)",
    SURVEILLANCE: "surveillance (audit hook Python, sans bac à sable du système)",
}
#: L'avertissement de la synthèse quand seul le mode « surveillance » était disponible.
AVERTISSEMENT_SURVEILLANCE = (
    "le code des élèves a été exécuté en mode « surveillance » seulement (pas de bac à "
    "sable : bubblewrap absent ou inutilisable) ; il était surveillé, pas enfermé : un code "
    "malveillant très averti pourrait lire vos fichiers ; sous Linux, installez bubblewrap "
    "(sudo apt install bubblewrap) et relancez")
#: L'avertissement de la synthèse quand la correction tourne en administrateur (root) : le
#: noyau Linux n'applique pas la limite du nombre de processus (``RLIMIT_NPROC``) à root.
AVERTISSEMENT_ADMINISTRATEUR = (
    "la correction a été lancée en administrateur (root) : la limite du nombre de processus "
    "du système ne s'applique pas au code des élèves (la correction refuse quand même, dans "
    "les deux modes, qu'il en crée) ; lancez plutôt la correction avec votre compte "
    "habituel")


def lancee_en_administrateur() -> bool:
    """Vrai si la correction tourne avec les droits d'administrateur (Linux, macOS)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass(frozen=True)
class Isolement:
    """Le mode d'isolement d'une correction et, en bac à sable, le chemin de ``bwrap``."""

    mode: str
    bwrap: str | None = None

    @property
    def description(self) -> str:
        return DESCRIPTIONS[self.mode]


def _paquet() -> Path:
    """Le dossier du paquet ``entsim`` (celui qui contient ``correction/``)."""
    return Path(__file__).resolve().parents[1]


def chemins_bibliotheque() -> tuple[str, ...]:
    """Les dossiers que l'enfant peut lire : Python, sa bibliothèque standard,
    l'environnement virtuel, le paquet ``entsim`` et ses données publiques (jamais la racine
    du dépôt)."""
    chemins = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix,
                                             sys.base_exec_prefix) if p}
    for cle in ("stdlib", "platstdlib", "purelib", "platlib"):
        chemin = sysconfig.get_paths().get(cle)
        if chemin:
            chemins.add(os.path.realpath(chemin))
    chemins.add(str(_paquet()))
    # Les données publiques livrées avec entsim : entsim/_data (wheel) ou data/ à la racine
    # du dépôt (installation « éditable », voir entsim.socle.donnees) ; rien d'autre du dépôt.
    donnees = _paquet().parent / "data"
    if not (_paquet() / "_data").is_dir() and donnees.is_dir():
        chemins.add(str(donnees.resolve()))
    executable = os.path.realpath(sys.executable)
    chemins.add(os.path.dirname(executable))
    # Les plus courts d'abord, sans doublon inclus dans un autre.
    garde: list[str] = []
    for chemin in sorted(chemins, key=len):
        if not any(chemin == g or chemin.startswith(g.rstrip(os.sep) + os.sep) for g in garde):
            garde.append(chemin)
    return tuple(garde)


def chemins_caches() -> tuple[str, ...]:
    """Les dossiers que l'enfant ne doit jamais lire, même s'ils sont dans un dossier de la
    bibliothèque : le corrigé ``entsim_corrige`` (installé dans l'environnement virtuel, il
    serait sinon lisible) et, à la racine du dépôt, ``solutions/`` et ``exercises/``."""
    import importlib.util

    caches: list[str] = []
    try:
        spec = importlib.util.find_spec("entsim_corrige")
    except (ImportError, ValueError):
        spec = None
    for dossier in (spec.submodule_search_locations or ()) if spec else ():
        caches.append(os.path.realpath(dossier))
    racine = _paquet().parent
    for nom in ("solutions", "exercises", "entsim_corrige"):
        if (racine / nom).is_dir():
            caches.append(str((racine / nom).resolve()))
    return tuple(dict.fromkeys(caches))


def environnement_enfant(dossier_maison: str) -> dict[str, str]:
    """L'environnement de l'enfant : vidé, sauf ce dont Python a besoin.

    Rien de l'environnement de l'enseignant (jetons, chemins, proxys) ne passe ;
    ``PYTHONHASHSEED=0`` pour que deux corrections donnent le même résultat ; un seul fil
    de calcul pour les bibliothèques numériques (moins de mémoire virtuelle, résultat
    identique)."""
    env = {
        "PATH": os.defpath,
        "HOME": dossier_maison,
        "TMPDIR": dossier_maison,
        "LANG": "C.UTF-8",
        "PYTHONPATH": str(_paquet().parent),
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONNOUSERSITE": "1",
        "MPLBACKEND": "Agg",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    if os.name == "nt":  # pragma: no cover - Windows : Python a besoin de ces variables
        for nom in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP"):
            if nom in os.environ:
                env[nom] = os.environ[nom] if nom in ("SYSTEMROOT", "WINDIR") else dossier_maison
    return env


def _options_bwrap(dossier_copie: Path) -> list[str]:
    """Les options de ``bwrap`` pour une copie dont le dossier hôte est ``dossier_copie``."""
    options = ["--unshare-all", "--die-with-parent", "--new-session",
               "--uid", "65534", "--gid", "65534", "--hostname", "copie",
               "--proc", "/proc", "--dev", "/dev",
               # /tmp d'abord : si le dépôt est lui-même sous /tmp (un clone de CI), les
               # montages de la bibliothèque viennent ensuite, par-dessus, au lieu d'être
               # cachés par ce système de fichiers en mémoire.
               "--size", str(TAILLE_TMP), "--tmpfs", TMP_BAC,
               # le dossier de travail est un sous-dossier vide de /tmp (si le dépôt est sous
               # /tmp, /tmp contient aussi le chemin de ses montages), ouvert à l'élève
               "--perms", "01777", "--dir", DOSSIER_TRAVAIL_BAC]
    montes: list[str] = []
    for chemin in (*SYSTEME, *chemins_bibliotheque()):
        if not os.path.lexists(chemin):
            continue
        if any(chemin == m or chemin.startswith(m.rstrip("/") + "/") for m in montes):
            continue
        if os.path.islink(chemin):          # /lib → usr/lib (Debian « usrmerge »)
            options += ["--symlink", os.readlink(chemin), chemin]
        else:
            options += ["--ro-bind", chemin, chemin]
        montes.append(chemin)
    for cache in chemins_caches():          # masqué par un dossier vide, s'il était monté
        if any(cache == m or cache.startswith(m.rstrip("/") + "/") for m in montes):
            options += ["--tmpfs", cache]
    options += ["--ro-bind", str(dossier_copie / "travail.json"), f"{ECHANGES_BAC}/travail.json",
                "--bind", str(dossier_copie / "resultats.jsonl"),
                f"{ECHANGES_BAC}/resultats.jsonl",
                # La racine et /dev de bwrap sont des systèmes de fichiers en mémoire sans
                # limite de taille : en lecture seule (sinon une copie y écrit des Gio de la
                # mémoire de l'ordinateur), /dev/shm borné ; seul /tmp reste modifiable.
                "--size", str(TAILLE_SHM), "--tmpfs", "/dev/shm",
                "--remount-ro", "/dev", "--remount-ro", "/",
                "--chdir", DOSSIER_TRAVAIL_BAC, "--clearenv"]
    for nom, valeur in sorted(environnement_enfant(DOSSIER_TRAVAIL_BAC).items()):
        options += ["--setenv", nom, valeur]
    return options


def commande_enfant(isolement: Isolement, programme: Path, dossier_copie: Path
                    ) -> tuple[list[str], dict[str, str] | None, Path]:
    """La commande qui lance l'enfant, son environnement (``None`` : celui de la commande
    ``bwrap``, vidé par ``--clearenv``) et son dossier courant sur l'hôte."""
    interprete = [sys.executable, "-s", "-X", "utf8", str(programme)]
    if isolement.mode == BAC_A_SABLE and isolement.bwrap:
        return ([isolement.bwrap, *_options_bwrap(dossier_copie), "--", *interprete,
                 f"{ECHANGES_BAC}/travail.json", f"{ECHANGES_BAC}/resultats.jsonl"],
                {"PATH": os.defpath}, dossier_copie)
    travail = dossier_copie / "dossier_de_travail"
    return ([*interprete, str(dossier_copie / "travail.json"),
             str(dossier_copie / "resultats.jsonl")],
            environnement_enfant(str(travail)), travail)


@functools.lru_cache(maxsize=None)
def _bwrap_utilisable(bwrap: str) -> bool:
    """Vrai si ``bwrap`` crée vraiment un bac à sable ici (espaces de noms permis)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="entsim-essai-bwrap-") as temporaire:
        dossier = Path(temporaire)
        (dossier / "travail.json").write_text("{}", encoding="utf-8")
        (dossier / "resultats.jsonl").write_bytes(b"")
        commande = [bwrap, *_options_bwrap(dossier), "--", sys.executable, "-s", "-c",
                    f"open('{ECHANGES_BAC}/resultats.jsonl', 'w').write('ok')"]
        try:
            fini = subprocess.run(commande, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            return False
        return fini.returncode == 0 and \
            (dossier / "resultats.jsonl").read_text(encoding="utf-8") == "ok"


def choisir_isolement(demande: str = "auto") -> Isolement:
    """Le mode d'isolement : ``demande`` vaut ``auto`` (bac à sable si possible, sinon
    surveillance), ``bac-a-sable`` (erreur s'il est impossible) ou ``surveillance``."""
    if demande not in MODES:
        raise ErreurENT(f"Mode d'isolement inconnu : « {demande} » (modes : "
                        f"{', '.join(MODES)}).", code="isolement_inconnu")
    if demande == SURVEILLANCE:
        return Isolement(SURVEILLANCE)
    bwrap = shutil.which("bwrap") if sys.platform.startswith("linux") else None
    if bwrap and _bwrap_utilisable(bwrap):
        return Isolement(BAC_A_SABLE, bwrap)
    if demande == BAC_A_SABLE:
        raise ErreurENT("Le bac à sable est impossible ici : le programme « bwrap » est "
                        + ("absent (sous Debian ou Ubuntu : sudo apt install bubblewrap)"
                           if not bwrap else "présent mais ne peut pas créer d'espaces de "
                           "noms (conteneur sans privilèges ?)")
                        + ". Relancez avec --isolement surveillance ou --isolement auto.",
                        code="bac_a_sable_impossible")
    return Isolement(SURVEILLANCE)
