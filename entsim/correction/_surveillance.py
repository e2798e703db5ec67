"""Surveillance du code d'un élève par un *audit hook* Python (mode « surveillance »).

Chargé par :mod:`entsim.correction._enfant` (le processus enfant de la correction), **avant
tout code d'élève**, dans les deux modes d'isolement (en bac à sable, c'est une seconde
barrière). Bibliothèque standard seulement.

:func:`poser` installe, par ``sys.addaudithook`` (PEP 578), un crochet qui lève
``PermissionError`` (message français) sur les événements d'audit de CPython qui
permettraient de sortir de la copie. Noms des événements : « Audit events table » de la
documentation de Python (3.10 à 3.14), vérifiés à l'exécution sous 3.11 :

- fichiers : ``open`` (lecture hors de son dossier et des dossiers de la bibliothèque ;
  écriture hors de son dossier ; ouverture d'un dossier, qui permettrait ``dir_fd`` ;
  chemin relatif qui remonte par « .. », au cas où un descripteur de dossier aurait été
  obtenu par une course), ``os.mknod`` (sans événement : neutralisé),
  ``os.listdir``/``os.scandir``, ``os.chdir``, ``os.remove``, ``os.rename``, ``os.rmdir``,
  ``os.mkdir``, ``os.chmod``, ``os.chown``, ``os.utime``, ``os.truncate``, ``shutil.*`` ;
  ``os.link``/``os.symlink`` refusés ; aucune bibliothèque binaire (``.so``, ``.pyd``…)
  écrite ;
- processus : ``os.fork``, ``os.forkpty``, ``os.exec``, ``os.spawn``, ``os.posix_spawn``,
  ``os.system``, ``subprocess.Popen``, ``os.startfile``, ``_winapi.CreateProcess`` ; et
  ``_posixsubprocess.fork_exec``, qui ne lève aucun événement, est neutralisé ;
- signaux : ``os.kill``, ``os.killpg``, ``signal.pthread_kill``, ``resource.prlimit`` ;
  ``os.pidfd_open``/``signal.pidfd_send_signal`` (sans événement : neutralisés) ;
- réseau : ``socket.__new__``, ``socket.connect``, ``socket.bind``, ``socket.getaddrinfo``… ;
- code natif : tout ``ctypes.*`` sauf ``ctypes.dlopen(None)`` (fait par ``import ctypes``,
  dont numpy a besoin) ; ``import cffi`` ; ``_cffi_backend.load_library`` (sans
  événement : retiré, le ré-import du module refusé) ;
- contournements : ``sys.addaudithook`` (pas de second crochet), ``gc.get_objects``,
  ``gc.get_referrers``, ``gc.get_referents`` (retrouver ce crochet), ``mmap.__new__`` plus
  grand que la limite de mémoire.

Le crochet ne fait confiance à rien de ce que l'élève peut changer : fonctions natives et
constantes capturées à la pose (``builtins.isinstance`` remplacé, ou les globales de ce
module atteintes par ``sys._getframe``, ne changent rien) ; il n'appelle aucune méthode d'un
objet de l'élève (seuls les types exacts ``str``, ``bytes``, ``int`` sont examinés : une
sous-classe dont ``decode`` ou ``__gt__`` s'exécuterait *dans* le crochet, avec accès à ses
variables, est refusée). Attaques de la revue : ``tests/test_correction_attaques_revue.py``.

Limites (la documentation de Python le dit de ``sys.addaudithook`` : ce n'est pas un bac à
sable) : une extension en C déjà chargée qui appelle le système sans passer par Python (par
exemple ``_cffi_backend``, chargé par entsim, par ses fonctions de copie de mémoire) n'est
pas vue ; le crochet est du Python, dans
le même processus que l'élève. D'où le mode « bac à sable » quand il est possible.
"""

from __future__ import annotations

import os
import stat
import sys

__all__ = ["poser"]

#: Événements toujours refusés.
REFUSES = frozenset({
    "os.fork", "os.forkpty", "os.exec", "os.spawn", "os.posix_spawn", "os.system",
    "os.startfile", "subprocess.Popen", "_winapi.CreateProcess", "_winapi.OpenProcess",
    "_winapi.TerminateProcess", "os.kill", "os.killpg", "signal.pthread_kill",
    "resource.prlimit", "resource.setrlimit", "socket.__new__", "socket.connect",
    "socket.bind", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo",
    "socket.gethostbyname", "socket.gethostbyaddr", "os.link", "os.symlink",
    "sys.addaudithook", "gc.get_objects", "gc.get_referrers", "gc.get_referents",
    "sys._current_frames", "sys.remote_exec", "cpython.remote_debugger_script",
    "os.add_dll_directory", "winreg.OpenKey", "winreg.CreateKey",
})
#: Événements de fichiers dont chaque chemin doit être dans le dossier de la copie.
FICHIERS = frozenset({
    "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.utime",
    "os.truncate", "os.setxattr", "os.removexattr", "os.chflags", "os.lchflags",
    "shutil.copyfile", "shutil.copymode", "shutil.copystat", "shutil.copytree",
    "shutil.move", "shutil.rmtree", "shutil.make_archive", "shutil.unpack_archive",
})
#: Modules dont l'import est refusé.
IMPORTS_REFUSES = frozenset({"_posixsubprocess", "cffi", "_winapi", "_ctypes_test",
                             "_cffi_backend", "posix", "_signal"})
#: Fichiers système lisibles (lecture seule) en plus de la bibliothèque.
LECTURE_SYSTEME = ("/dev/null", "/dev/urandom", "/dev/random", "/dev/zero",
                   "/etc/localtime", "/usr/share/zoneinfo")
#: Suffixes de code natif qu'on ne laisse pas écrire (il serait chargé sans contrôle).
NATIFS = (".so", ".pyd", ".dll", ".dylib")
#: Drapeaux d'``open`` qui signifient une écriture.
ECRITURE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def poser(ecriture: str, lecture: object, memoire: int = 2 * 1024 ** 3,
          caches: object = ()) -> None:
    """Installe le crochet : ``ecriture`` est le seul dossier modifiable (celui de la
    copie), ``lecture`` les dossiers lisibles de la bibliothèque, ``caches`` des dossiers
    jamais lisibles (le corrigé, même installé dans la bibliothèque)."""
    _neutraliser_fork_exec()
    _neutraliser_cffi()
    _neutraliser_sans_audit()
    # Tout ce dont le crochet se sert est capturé maintenant : l'élève peut remplacer
    # ``os.stat`` ensuite, pas ces références-ci.
    _readlink, _getcwd, _stat = os.readlink, os.getcwd, os.stat
    _isdir, _sep, _posix = stat.S_ISDIR, os.sep, os.name == "posix"
    _realpath = os.path.realpath
    import pathlib  # noqa: F401 - importé avant le crochet (ntpath essaie « _winapi », refusé)
    # Ni les fonctions natives (``builtins``) ni les constantes de ce module ne sont relues
    # pendant l'exécution : l'élève peut remplacer ``builtins.isinstance`` et, par les cadres
    # d'exécution (``sys._getframe``), atteindre les globales de ce module. Et le crochet
    # n'appelle jamais une méthode d'un objet de l'élève (sous-classe de ``bytes``, ``int``…
    # dont ``decode`` ou ``__gt__`` s'exécuteraient *dans* le crochet, avec accès à ses
    # variables) : seuls les types exacts ``str``, ``bytes``, ``int`` sont examinés.
    _any, _type, _tuple, _bool, _len = any, type, tuple, bool, len
    _str, _bytes, _int = str, bytes, int
    _refuses, _fichiers, _imports_refuses = REFUSES, FICHIERS, IMPORTS_REFUSES
    _natifs, _drapeaux_ecriture = NATIFS, ECRITURE
    _encodage, _erreurs = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
    racine = _realpath(ecriture) if ecriture else ""
    lisibles = tuple(_realpath(str(p)) for p in (lecture or ()) if p) + LECTURE_SYSTEME
    interdits = tuple(_realpath(str(p)) for p in (caches or ()) if p)
    listables = frozenset(_realpath(p or ".") for p in sys.path if isinstance(p, str))
    _Refus = PermissionError

    def refuser(quoi: str) -> None:
        raise _Refus(f"Refusé par la correction (surveillance du code des élèves) : {quoi}.")

    def resoudre(chemin: object) -> str:
        if _type(chemin) is _bytes:         # type exact : aucun code d'élève
            chemin = chemin.decode(_encodage, _erreurs)
        if _type(chemin) is not _str:
            refuser("chemin d'un type inattendu")
        if not _posix:  # pragma: no cover - Windows, macOS sans /
            return _realpath(chemin)
        texte = chemin if chemin.startswith("/") else _getcwd() + "/" + chemin
        parties: list[str] = []
        a_voir = texte.split("/")[::-1]
        sauts = 0
        while a_voir:
            partie = a_voir.pop()
            if partie in ("", "."):
                continue
            if partie == "..":
                if parties:
                    parties.pop()
                continue
            candidat = "/" + "/".join([*parties, partie])
            try:
                cible = _readlink(candidat)
            except (OSError, ValueError):
                parties.append(partie)
                continue
            sauts += 1
            if sauts > 40:
                refuser("trop de liens symboliques")
            if cible.startswith("/"):
                parties = []
            a_voir.extend(cible.split("/")[::-1])
        return "/" + "/".join(parties)

    def sans_dossier(descripteur: object) -> bool:
        return descripteur is None or (_type(descripteur) is _int and descripteur == -1)

    def dans(chemin: str, dossier: str) -> bool:
        return _bool(dossier) and (chemin == dossier or chemin.startswith(
            dossier.rstrip(_sep) + _sep))

    def est_dossier(chemin: str) -> bool:
        try:
            return _isdir(_stat(chemin).st_mode)
        except (OSError, ValueError):
            return False

    def ecrivable(chemin: object) -> None:
        if _type(chemin) is _int:
            return
        reel = resoudre(chemin)
        if not dans(reel, racine):
            refuser(f"modifier « {reel} », hors du dossier de la copie")
        if reel.lower().endswith(_natifs):
            refuser("écrire une bibliothèque de code natif")

    def crochet(evenement: str, args: tuple) -> None:
        if evenement == "open":
            chemin, _mode, drapeaux = (_tuple(args) + (None, None, None))[:3]
            if _type(chemin) is _int:
                return
            if _type(chemin) is _bytes:
                chemin = chemin.decode(_encodage, _erreurs)
            if _type(chemin) is _str and not chemin.startswith("/") \
                    and ".." in chemin.split("/"):
                # ``os.open(..., dir_fd=)`` : l'événement ne donne pas ``dir_fd`` ; un
                # descripteur de dossier obtenu par une course (renommages) ferait remonter
                # « .. » ailleurs que depuis le dossier courant, seul connu ici.
                refuser("chemin relatif qui remonte (« .. »)")
            reel = resoudre(chemin)
            if _any(dans(reel, d) for d in interdits):
                refuser(f"lire « {reel} » (corrigé ou dossier du professeur)")
            if est_dossier(reel):
                refuser(f"ouvrir le dossier « {reel} »")
            if dans(reel, racine):
                if _type(drapeaux) is _int and drapeaux & _drapeaux_ecriture \
                        and reel.lower().endswith(_natifs):
                    refuser("écrire une bibliothèque de code natif")
                return
            if _type(drapeaux) is _int and drapeaux & _drapeaux_ecriture and reel != "/dev/null":
                refuser(f"écrire dans « {reel} », hors du dossier de la copie")
            if not _any(dans(reel, d) for d in lisibles):
                refuser(f"lire « {reel} », hors du dossier de la copie")
        elif evenement in ("os.listdir", "os.scandir"):
            chemin = args[0] if args else None
            if chemin is None or _type(chemin) is _int:
                return
            reel = resoudre(chemin)
            if _any(dans(reel, d) for d in interdits):
                refuser(f"lister « {reel} » (corrigé ou dossier du professeur)")
            if not (dans(reel, racine) or reel in listables
                    or _any(dans(reel, d) for d in lisibles)):
                refuser(f"lister « {reel} », hors du dossier de la copie")
        elif evenement == "os.chdir":
            if not args or _type(args[0]) is _int or not dans(resoudre(args[0]), racine):
                refuser("changer de dossier hors du dossier de la copie")
        elif evenement in _fichiers:
            if evenement in ("os.chmod", "os.chown", "os.utime") and args \
                    and _type(args[0]) is _int:
                refuser("modifier un fichier ouvert par son descripteur")
            if evenement in ("os.remove", "os.rmdir", "os.mkdir", "os.chmod", "os.chown",
                             "os.utime") and args and not sans_dossier(args[-1]):
                refuser("chemin relatif à un descripteur de dossier")
            if evenement == "os.rename" and _len(args) >= 4 and \
                    not (sans_dossier(args[2]) and sans_dossier(args[3])):
                refuser("chemin relatif à un descripteur de dossier")
            nombre = 2 if evenement in ("os.rename", "shutil.copyfile", "shutil.copymode",
                                        "shutil.copystat", "shutil.copytree",
                                        "shutil.move") else 1
            for chemin in args[:nombre]:
                if evenement.startswith("shutil.") and _type(chemin) is not _str \
                        and _type(chemin) is not _bytes:
                    continue    # un Path : les événements os.* et open qui suivent le vérifient
                if chemin is not None:
                    ecrivable(chemin)
        elif evenement in _refuses:
            refuser(f"« {evenement} » (processus, signal, réseau ou accès interne)")
        elif evenement.startswith("ctypes."):
            if evenement != "ctypes.dlopen" or not args or args[0] is not None:
                refuser("code natif par ctypes")
        elif evenement == "import":
            if args and (_type(args[0]) is not _str or args[0] in _imports_refuses):
                refuser(f"importer « {args[0]} »")
        elif evenement == "mmap.__new__":
            if _len(args) >= 2 and (_type(args[1]) is not _int or args[1] > memoire):
                refuser("projection en mémoire plus grande que la limite")

    sys.addaudithook(crochet)


def _neutraliser_sans_audit() -> None:
    """Des fonctions qui ne lèvent aucun événement d'audit sont remplacées dans leurs modules
    (dont le ré-import est refusé) : ``os.mknod`` (lancé en administrateur, il crée dans le
    dossier de la copie un fichier spécial vers le disque, lisible ensuite sans refus),
    ``os.pidfd_open`` et ``signal.pidfd_send_signal`` (un signal au correcteur : pidfd_open(2),
    pidfd_send_signal(2))."""

    def refus(*_args: object, **_options: object) -> None:
        raise PermissionError("Refusé par la correction (surveillance du code des élèves) : "
                              "fichier spécial ou signal.")

    for module, noms in ((os, ("mknod", "pidfd_open")),
                         (sys.modules.get("posix"), ("mknod", "pidfd_open")),
                         (sys.modules.get("signal"), ("pidfd_send_signal",)),
                         (sys.modules.get("_signal"), ("pidfd_send_signal",))):
        for nom in noms:
            if module is not None and hasattr(module, nom):
                setattr(module, nom, refus)


def _neutraliser_cffi() -> None:
    """``_cffi_backend.load_library(None)`` donne toute la bibliothèque C (``open``,
    ``fork``, ``kill``…) sans aucun événement d'audit : cinq lignes suffisaient pour lire le
    corrigé. Le module est chargé **avant** le crochet (entsim en a besoin, par
    ``argon2``), privé de ``load_library`` ; son ré-import (qui rendrait la fonction) est
    refusé par le crochet. Les modules compilés par cffi (``argon2``…) n'utilisent pas
    cette fonction."""
    try:
        import _cffi_backend  # type: ignore[import-not-found]
    except ImportError:
        return
    try:
        del _cffi_backend.load_library
    except AttributeError:
        pass


def _neutraliser_fork_exec() -> None:
    """``_posixsubprocess.fork_exec`` crée un processus sans événement d'audit (le module
    ``subprocess`` lève ``subprocess.Popen`` avant de l'appeler) : on le remplace, et son
    ré-import est refusé par le crochet."""
    try:
        import _posixsubprocess  # type: ignore[import-not-found]
    except ImportError:  # Windows
        return

    def fork_exec(*_args: object, **_options: object) -> None:
        raise PermissionError("Refusé par la correction (surveillance du code des élèves) : "
                              "créer un processus.")

    _posixsubprocess.fork_exec = fork_exec  # type: ignore[attr-defined]
    sous = sys.modules.get("subprocess")
    if sous is not None and hasattr(sous, "_fork_exec"):
        sous._fork_exec = fork_exec  # type: ignore[attr-defined]
