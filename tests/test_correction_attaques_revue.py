"""Attaques trouvées à la revue hostile de l'isolement (vague 4, ATTAQUANT ; issue 14, § 1 et § 3).

Chacune est sortie du mode « surveillance » (audit hook) avant d'être corrigée :

- un chemin d'une sous-classe de ``bytes`` dont ``decode`` ment au crochet (le système, lui,
  ouvre les vrais octets) ;
- ``builtins.isinstance`` remplacé : le raccourci « chemin entier = descripteur » du
  crochet laissait tout ouvrir ;
- ``sys.audit`` appelé avec un ``int`` piégé : son ``__gt__`` s'exécute *dans* le crochet,
  y trouve ses variables (``sys._getframe``) et change le dossier autorisé en « / » ;
- ``sys._getframe().f_back`` : le cadre du programme enfant gardait le module de
  surveillance, dont les constantes (processus refusés…) étaient modifiables ;

puis, dans les deux modes, le fichier de résultats forgé par l'élève (numéro de cellule
qui n'est pas un entier, imbrication démesurée) faisait échouer la correction de la copie
(« erreur du correcteur ») au lieu d'être ignoré ; et, en bac à sable **seul** (si le
crochet tombait), la racine et ``/dev`` de bwrap étaient des systèmes de fichiers en mémoire
modifiables et sans limite (640 Mio écrits hors du ``/tmp`` de 64 Mio, en mémoire de
l'ordinateur de l'enseignant).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from entsim.correction import isolement as module_isolement
from entsim.correction.execution import CelluleAExecuter, executer_cellules
from entsim.correction.isolement import Isolement, choisir_isolement

RACINE = Path(__file__).resolve().parents[1]
SURVEILLANCE = Isolement("surveillance")

#: Chaque attaque essaie ensuite d'écrire ``DEHORS`` et de lire le corrigé.
ATTAQUES = {
    "octets": '''
import os
class _B(bytes):
    def decode(self, *a, **k):
        return os.getcwd() + "/rien.txt"
_chemin = lambda c: _B(os.fsencode(c))
''',
    "builtins": '''
import builtins
_vrai = builtins.isinstance
def _faux(o, t, _v=_vrai):
    if t is int and type(o) is str and o.startswith("/") and "rien" not in o:
        return True
    return _v(o, t)
builtins.isinstance = _faux
_chemin = lambda c: c
''',
    "entier": '''
import sys
def _attraper():
    f = sys._getframe(2)
    while f is not None and f.f_code.co_name != "crochet":
        f = f.f_back
    for fn in list(f.f_locals.values()) if f is not None else ():
        code = getattr(fn, "__code__", None)
        for nom, cellule in zip(code.co_freevars if code else (), fn.__closure__ or ()):
            if nom == "racine":
                cellule.cell_contents = "/"
class _I(int):
    def __gt__(self, autre):
        _attraper()
        return False
try:
    sys.audit("mmap.__new__", -1, _I(5), 0, 0)
except PermissionError:
    pass
_chemin = lambda c: c
''',
    "module": '''
import sys
_chemin = lambda c: c
_m = sys._getframe().f_back.f_locals.get("_surveillance")
if _m is not None:
    _m.REFUSES = frozenset()
    _m.FICHIERS = frozenset()
    _m.ECRITURE = 0
''',
}


@pytest.mark.parametrize("attaque", sorted(ATTAQUES))
def test_la_surveillance_ne_se_laisse_pas_tromper_par_un_objet_piege(attaque, tmp_path):
    dehors = tmp_path / "fichier du professeur.txt"
    solutions = RACINE / "solutions" / "partie1.ipynb"
    suite = f'''
try:
    with open(_chemin({str(dehors)!r}), "w") as f:
        f.write("écrit hors du dossier de la copie")
except Exception:
    pass
try:
    with open(_chemin({str(solutions)!r}), "rb") as f:
        lu = len(f.read())
except Exception:
    lu = 0
try:
    import os
    os.kill(os.getpid(), 0)
    signal_envoye = True
except Exception:
    signal_envoye = False
'''
    execution = executer_cellules(
        [CelluleAExecuter(1, ATTAQUES[attaque] + suite, ("lu", "signal_envoye"))],
        ["lu", "signal_envoye"], delai_par_cellule=20, delai_total=60, isolement=SURVEILLANCE)
    assert execution.terminee, execution.interruption
    assert not dehors.exists(), "la copie a écrit hors de son dossier"
    assert execution.valeurs["lu"] == 0, "la copie a lu le corrigé"
    assert execution.valeurs["signal_envoye"] is False, "la copie a pu envoyer un signal"


def test_une_copie_ordinaire_fonctionne_toujours_sous_surveillance():
    """Les parades ci-dessus ne gênent pas une copie ordinaire : entsim (qui importe
    pathlib, ntpath…), pandas, un Path, des octets."""
    code = ("from entsim.questions import fiche\nimport pathlib, pandas as pd\n"
            "pathlib.Path('a.txt').write_bytes('é'.encode())\n"
            "r = fiche('partie1').id + open(b'a.txt', encoding='utf-8').read()"
            " + str(len(pd.DataFrame({'x': [1, 2]})))")
    execution = executer_cellules([CelluleAExecuter(1, code, ("r",))], ["r"],
                                  delai_par_cellule=30, delai_total=60, isolement=SURVEILLANCE)
    assert execution.terminee, execution.interruption
    assert execution.valeurs["r"] == "partie1é2", execution.erreurs


def test_un_message_forge_dans_le_fichier_de_resultats_est_ignore():
    """L'élève peut écrire dans le fichier de résultats (par son descripteur déjà ouvert,
    ou son chemin) : des messages mal formés ne font pas échouer la correction."""
    forge = '''
import os
_lignes = ['{"fin": [1], "erreur": "x", "valeurs": {}}',
           '{"debut": {"a": 1}}',
           '{"valeurs": {"r": ' + "[" * 100000 + "]" * 100000 + '}}',
           '{"valeurs": {"r": ' + '["list", [' * 990 + '["none"]' + ']]' * 990 + '}}']
with open(os.path.join(os.path.dirname(os.getcwd()), "resultats.jsonl"), "a") as f:
    f.write("\\n".join(_lignes) + "\\n")
'''
    execution = executer_cellules(
        [CelluleAExecuter(1, forge), CelluleAExecuter(2, "r = 5", ("r",))], ["r"],
        delai_par_cellule=20, delai_total=60, isolement=SURVEILLANCE)
    assert execution.terminee, execution.interruption
    assert execution.erreurs == {}
    assert execution.valeurs["r"] == 5
    assert execution.valeurs_par_cellule[2] == {"r": 5}


def test_la_surveillance_ne_laisse_pas_appeler_la_bibliotheque_c_par_cffi(tmp_path):
    """``_cffi_backend.load_library(None)`` : ``open`` de la bibliothèque C, sans événement
    d'audit (le corrigé lu, un fichier écrit hors de la copie)."""
    dehors = tmp_path / "fichier du professeur.txt"
    code = f'''
ouverts = []
try:
    import _cffi_backend as B
    lib = B.load_library(None)
    I = B.new_primitive_type("int")
    CP = B.new_pointer_type(B.new_primitive_type("char"))
    ouvrir = lib.load_function(B.new_function_type((CP, I, I), I, False), "open")
    ouverts.append(ouvrir({str(RACINE / "solutions" / "partie1.ipynb").encode()!r}, 0, 0))
    ouverts.append(ouvrir({str(dehors).encode()!r}, 0o1101, 0o644))
except Exception:
    pass
'''
    execution = executer_cellules([CelluleAExecuter(1, code, ("ouverts",))], ["ouverts"],
                                  delai_par_cellule=20, delai_total=60, isolement=SURVEILLANCE)
    assert execution.terminee, execution.interruption
    assert execution.valeurs["ouverts"] == []
    assert not dehors.exists()


ECRIRE_PARTOUT = r"""
import json, os
vu = {}
for dossier in ("/", "/dev", "/dev/shm", "/etc", "/tmp"):
    try:
        with open(dossier.rstrip("/") + "/gros", "wb") as fichier:
            fichier.write(b"\0" * (8 * 1024 ** 2))
        vu[dossier] = "écrit"
    except OSError as erreur:
        vu[dossier] = type(erreur).__name__
with open("/dev/null", "w") as nul:
    vu["/dev/null"] = nul.write("x")
with open("/.entsim/resultats.jsonl", "w") as resultats:
    resultats.write(json.dumps(vu))
"""


@pytest.mark.parametrize("mode", ["bac-a-sable"] if sys.platform.startswith("linux") else [])
def test_le_bac_a_sable_seul_n_ecrit_que_dans_son_tmp_borne(mode, tmp_path):
    """Sans le crochet (bwrap seul) : 8 Mio ne s'écrivent que dans /tmp ; la racine, /dev,
    /etc sont en lecture seule et /dev/shm est borné (1 Mio)."""
    isolement = choisir_isolement(mode)
    (tmp_path / "travail.json").write_text("{}", encoding="utf-8")
    (tmp_path / "resultats.jsonl").write_bytes(b"")
    commande = [isolement.bwrap, *module_isolement._options_bwrap(tmp_path), "--",
                sys.executable, "-s", "-c", ECRIRE_PARTOUT]
    fini = subprocess.run(commande, capture_output=True, text=True, timeout=60, check=False)
    assert fini.returncode == 0, fini.stderr
    vu = json.loads((tmp_path / "resultats.jsonl").read_text(encoding="utf-8"))
    assert vu["/tmp"] == "écrit"
    assert vu["/dev/null"] == 1
    assert all(vu[d] == "OSError" for d in ("/", "/dev", "/dev/shm", "/etc")), vu


def test_un_descripteur_de_dossier_vole_par_une_course_ne_fait_pas_remonter():
    """Course : un fil renomme sans cesse un dossier et un fichier ; le crochet voit un
    fichier, le système ouvre le dossier. Avec ce descripteur, ``os.open("../../…",
    dir_fd=)`` remontait jusqu'à « / » (le crochet, qui ne voit pas ``dir_fd``, comptait
    les « .. » depuis un dossier courant plus profond) : le corrigé était lu."""
    code = f'''
import os, stat, threading
os.mkdir("a")
open("f", "w").close()
fin = []
def permuter():
    while not fin:
        try:
            os.rename("a", "t"); os.rename("f", "a"); os.rename("a", "f"); os.rename("t", "a")
        except OSError:
            pass
fil = threading.Thread(target=permuter, daemon=True)
fil.start()
dossier = None
for _ in range(100000):
    try:
        d = os.open("a", os.O_RDONLY)
    except OSError:
        continue
    if stat.S_ISDIR(os.fstat(d).st_mode):
        dossier = d
        break
    os.close(d)
fin.append(1)
fil.join()
lu = 0
if dossier is not None:
    os.makedirs("p/q/r/s/t/u/v/w")
    os.chdir("p/q/r/s/t/u/v/w")
    try:
        lu = len(os.read(os.open("../" * 8 + {str(RACINE / "solutions" / "partie1.ipynb")[1:]!r},
                                 os.O_RDONLY, dir_fd=dossier), 100))
    except OSError:
        pass
'''
    execution = executer_cellules([CelluleAExecuter(1, code, ("lu",))], ["lu"],
                                  delai_par_cellule=60, delai_total=120, isolement=SURVEILLANCE)
    assert execution.terminee, execution.interruption
    assert execution.valeurs["lu"] == 0, "le corrigé a été lu"


def test_la_surveillance_refuse_de_creer_un_fichier_special():
    """``os.mknod`` (aucun événement d'audit) : lancé en administrateur, un fichier spécial
    vers le disque, créé dans le dossier de la copie, s'y lisait sans refus. Ici un clone
    inoffensif de ``/dev/null`` ; hors administrateur, le système refuse de lui-même."""
    code = '''
import os, stat, sys
essais = []
for creer in (lambda: os.mknod("n", stat.S_IFCHR | 0o600, os.makedev(1, 3)),
              lambda: sys.modules["posix"].mknod("n", stat.S_IFCHR | 0o600, os.makedev(1, 3))):
    try:
        creer()
        essais.append("créé")
    except OSError as erreur:
        essais.append(str(erreur))
'''
    execution = executer_cellules([CelluleAExecuter(1, code, ("essais",))], ["essais"],
                                  delai_par_cellule=20, delai_total=60, isolement=SURVEILLANCE)
    assert execution.terminee, execution.interruption
    assert "créé" not in execution.valeurs["essais"]


def test_la_surveillance_refuse_un_signal_au_correcteur_par_pidfd():
    """``os.pidfd_open`` + ``signal.pidfd_send_signal`` ne lèvent aucun événement d'audit :
    un SIGKILL ou SIGSTOP au correcteur passait. Ici le signal 0 (ne fait rien, dit seulement
    si l'envoi serait permis)."""
    code = '''
import os, signal
try:
    signal.pidfd_send_signal(os.pidfd_open(os.getppid()), 0)
    envoye = True
except OSError:
    envoye = False
'''
    execution = executer_cellules([CelluleAExecuter(1, code, ("envoye",))], ["envoye"],
                                  delai_par_cellule=20, delai_total=60, isolement=SURVEILLANCE)
    assert execution.terminee, execution.interruption
    assert execution.valeurs["envoye"] is False
