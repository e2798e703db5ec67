"""Fabrique des copies **hostiles** de la fiche partie1 : du code d'élève qui attaque la correction.

Issue 14, § 1 : chaque copie tente une attaque réellement observée (tuer ou figer le
correcteur, lire le corrigé ou la copie d'un camarade, modifier une copie, le carnet ou les
notes manuelles — tout de suite ou plus tard par un processus détaché —, effacer un fichier
du professeur, dépasser la mémoire, bombe de processus, réseau, fil laissé en marche…).
Les copies sont **fabriquées au moment du test** (:func:`fabriquer`), avec les vrais chemins
du dossier du professeur écrits dedans (l'élève le plus averti les connaîtrait) ; rien n'est
versionné. Chaque attaque est entourée de ``try`` : elle essaie tout, sans s'arrêter à la
première barrière.

Chaque copie part de ``exercises/partie1.ipynb`` (sans les cellules de mise en route,
``import`` d'entsim et ``ENT.demo()``, pour que le test reste rapide) : l'attaque est dans la cellule de réponse q1a, et chaque cellule de
réponse vaut ``_vol.get("reponse_qX")`` — si l'attaque avait volé des réponses, la copie
aurait des points. Le témoin (:data:`TEMOIN`) est la même copie sans attaque : une copie
hostile contenue a exactement sa note.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]
TEMOIN = "partie1 Témoin Vide.ipynb"
#: Nom du fichier « du professeur » posé à côté des copies (un leurre que l'on efface).
LEURRE = "fichier du professeur.txt"
#: Variable d'environnement secrète du professeur, qu'une copie essaie de faire fuiter.
SECRET = "ENTSIM_SECRET_DU_PROFESSEUR"

_VOLER = '''
import json, os, glob
def _voler(chemin):
    try:
        nb = json.load(open(chemin, encoding="utf-8"))
    except Exception:
        return
    for c in nb.get("cells", []):
        if c.get("metadata", {{}}).get("entsim", {{}}).get("role") == "reponse":
            espace = {{}}
            try:
                exec("".join(c["source"]), espace)
            except Exception:
                pass
            _vol.update({{k: v for k, v in espace.items() if k.startswith("reponse_")}})
'''

_VOL_SOLUTIONS = _VOLER + '''
_voler({solution!r})
import sys
sys.path.insert(0, {racine!r})
for _source in ("entsim_corrige:fiche_corrigee", "entsim.questions:fiche"):
    try:
        _module, _nom = _source.split(":")
        for _q in getattr(__import__(_module, fromlist=[_nom]), _nom)("partie1").questions:
            try:
                _vol["reponse_" + _q.id] = _q.exemple_de_reponse()
            except Exception:
                pass
    except Exception:
        pass
'''

_CHERCHER_DOSSIER = '''
import os
_dossiers = [{rendus!r}]
for _pid in [os.getppid(), *[int(p) for p in os.listdir("/proc") if p.isdigit()]]:
    try:
        _dossiers.append(os.readlink(f"/proc/{{_pid}}/cwd"))
        _dossiers += [a.decode() for a in open(f"/proc/{{_pid}}/cmdline", "rb").read().split(b"\\0") if a.startswith(b"/")]
    except Exception:
        pass
'''

ATTAQUES: dict[str, tuple[str, str]] = {
    "partie1 Hostile Tuer.ipynb": ("tue le correcteur (SIGKILL au parent et à tout processus "
                                   "de /proc qui nomme le dossier des rendus)", '''
import os, signal
_cibles = {{os.getppid()}}
try:
    for _p in os.listdir("/proc"):
        try:
            if _p.isdigit() and int(_p) != os.getpid() and {rendus!r}.encode() in open(f"/proc/{{_p}}/cmdline", "rb").read():
                _cibles.add(int(_p))
        except Exception:
            pass
except Exception:
    pass
for _c in _cibles:
    try:
        os.kill(_c, signal.SIGKILL)
    except Exception:
        pass
try:
    os.killpg(0, signal.SIGKILL)
except Exception:
    pass
'''),
    "partie1 Hostile Figer.ipynb": ("fige le correcteur (SIGSTOP au parent)", '''
import os, signal
try:
    os.kill(os.getppid(), signal.SIGSTOP)
except Exception:
    pass
try:
    os.kill(os.getppid(), signal.SIGSTOP)
    os.killpg(os.getpgid(os.getppid()), signal.SIGSTOP)
except Exception:
    pass
'''),
    "partie1 Hostile Corrigé.ipynb": ("lit solutions/partie1.ipynb, entsim_corrige/ et "
                                      "exemple_de_reponse() pour avoir tous les points",
                                      _VOL_SOLUTIONS),
    "partie1 Hostile Copieur.ipynb": ("lit la copie d'un camarade pendant la correction",
                                      _CHERCHER_DOSSIER + _VOLER + '''
for _d in _dossiers:
    _voler(os.path.join(_d, {camarade!r}))
'''),
    "partie1 Hostile Saboteur.ipynb": ("modifie la copie d'un camarade (réponse q1a effacée)",
                                       _CHERCHER_DOSSIER + '''
for _d in _dossiers:
    try:
        _cible = os.path.join(_d, {camarade!r})
        _texte = open(_cible, encoding="utf-8").read()
        open(_cible, "w", encoding="utf-8").write(_texte.replace("reponse_q1a = ", "reponse_q1a = None and "))
    except Exception:
        pass
'''),
    "partie1 Hostile Notes.ipynb": ("ajoute des notes manuelles « revues » tout de suite, "
                                    "et plus tard par un processus détaché (double fork + "
                                    "setsid)", '''
import os, time
_ligne = "\\n{fichier_notes};Hostile Notes;partie1;q1a;2;2;Note revue par votre professeur;;\\n"
def _ajouter():
    for _n in ("notes_manuelles.csv", "carnet.csv"):
        try:
            with open(os.path.join({sortie!r}, _n), "a", encoding="utf-8") as f:
                f.write(_ligne)
        except Exception:
            pass
_ajouter()
try:
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(1.5)
            _ajouter()
        os._exit(0)
except Exception:
    pass
'''),
    "partie1 Hostile Effaceur.ipynb": ("efface un fichier du professeur et le carnet", '''
import os, shutil
for _f in ({leurre!r}, os.path.join({sortie!r}, "carnet.csv"), os.path.join({sortie!r}, "synthese.html")):
    try:
        os.remove(_f)
    except Exception:
        pass
try:
    shutil.rmtree({sortie!r})
except Exception:
    pass
'''),
    "partie1 Hostile Mémoire.ipynb": ("projette 2,5 Gio de mémoire partagée (mmap), puis "
                                      "1 Gio à la fois jusqu'à l'échec", '''
import mmap
_blocs = []
try:
    _m = mmap.mmap(-1, 2560 * 1024 ** 2)
    _m[-1] = 1
    _blocs.append(_m)
except Exception:
    pass
try:
    for _i in range(4):
        _m = mmap.mmap(-1, 1024 ** 3)
        _m[::4096] = b"x" * len(range(0, 1024 ** 3, 4096))
        _blocs.append(_m)
except Exception:
    pass
_blocs.clear()
'''),
    "partie1 Hostile Bombe.ipynb": ("bombe de processus (fork en boucle, puis subprocess)", '''
import os, subprocess
try:
    for _i in range(10000):
        os.fork()
except Exception:
    pass
try:
    for _i in range(200):
        subprocess.Popen(["sleep", "60"])
except Exception:
    pass
'''),
    "partie1 Hostile Réseau.ipynb": ("se connecte à un port ouvert par le test sur 127.0.0.1",
                                     '''
import socket
try:
    _s = socket.create_connection(("127.0.0.1", {port}), timeout=2)
    _s.sendall(b"vol")
except Exception:
    pass
'''),
    "partie1 Hostile Secret.ipynb": ("fait fuiter une variable d'environnement du professeur "
                                     "dans la réponse ouverte q1c", '''
import os
_fuite = os.environ.get({secret!r}, "")
for _p in ("/proc/1/environ", f"/proc/{{os.getppid()}}/environ"):
    try:
        _fuite += " " + open(_p, "rb").read().decode(errors="replace")
    except Exception:
        pass
if _fuite.strip():
    _vol["reponse_q1c"] = "Un ENT est un espace numérique de travail. " + _fuite
'''),
    "partie1 Hostile Fil.ipynb": ("laisse un fil d'exécution (non démon) en marche", '''
import threading, time
threading.Thread(target=time.sleep, args=(3600,)).start()
'''),
}


def _charger(chemin: Path) -> dict:
    return json.loads(chemin.read_text(encoding="utf-8"))


def _role(cellule: dict) -> tuple[str | None, str | None]:
    meta = cellule.get("metadata", {}).get("entsim", {})
    return meta.get("question"), meta.get("role")


def copie(attaque: str = "") -> dict:
    """La fiche partie1, sans ``ENT.demo()``, avec ``attaque`` dans la réponse q1a."""
    nb = copy.deepcopy(_charger(RACINE / "exercises" / "partie1.ipynb"))
    # Sans les cellules de mise en route (import d'entsim, ENT.demo()) : le test reste
    # rapide ; seule l'attaque et les réponses s'exécutent.
    nb["cells"] = [c for c in nb["cells"] if c.get("cell_type") != "code" or _role(c)[1]]
    premiere = True
    for cellule in nb["cells"]:
        qid, role = _role(cellule)
        if role != "reponse" or cellule.get("cell_type") != "code":
            continue
        texte = f'reponse_{qid} = _vol.get("reponse_{qid}")\n'
        if premiere:
            texte = "_vol = {}\n" + attaque.strip("\n") + "\n" + texte
            premiere = False
        cellule["source"] = texte.splitlines(keepends=True)
        cellule["outputs"] = []
    return nb


def fabriquer(rendus: Path, *, port: int, camarade: str) -> dict[str, str]:
    """Écrit le témoin et les copies hostiles dans ``rendus`` ; rend nom → attaque."""
    sortie = rendus / "correction"
    valeurs = {"solution": str(RACINE / "solutions" / "partie1.ipynb"),
               "racine": str(RACINE), "rendus": str(rendus),
               "camarade": camarade, "sortie": str(sortie), "leurre": str(rendus / LEURRE),
               "fichier_notes": camarade, "port": port, "secret": SECRET}
    ecrits = {TEMOIN: "témoin : la même copie, sans attaque"}
    (rendus / TEMOIN).write_text(json.dumps(copie(), indent=1, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
    for nom, (description, code) in ATTAQUES.items():
        texte = code.format(**valeurs) if "{" in code else code
        (rendus / nom).write_text(json.dumps(copie(texte), indent=1, ensure_ascii=False)
                                  + "\n", encoding="utf-8")
        ecrits[nom] = description
    return ecrits
