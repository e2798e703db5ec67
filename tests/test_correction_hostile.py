"""Copies hostiles (issue 14, § 1 et § 3) : la correction va au bout, rien ne fuit, rien ne change.

Pour chaque mode d'isolement (« surveillance » partout ; « bac à sable » sous Linux, où
scripts/lancer_tests.sh installe bubblewrap), la commande des enseignants corrige deux fois
un dossier qui contient des copies ordinaires, un témoin et les copies hostiles de
tests/corpus_hostile/fabriquer.py, avec un fichier du professeur, un secret dans
l'environnement et un port ouvert sur 127.0.0.1. On vérifie ce que le professeur verrait :
la commande finit, carnet et synthèse existent et disent le mode, les autres copies ont
exactement la note d'une correction sans les copies hostiles, une copie hostile n'a que la
note du témoin, aucun fichier du dossier n'a changé (empreintes avant, après, et après une
attente pour un processus détaché), aucune connexion, aucun processus ni dossier temporaire
restant.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from entsim.correction.isolement import choisir_isolement

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus_hostile"))
import fabriquer as hostile  # noqa: E402

#: Trois corrections complètes par mode (environ 1 min par mode sur 2 cœurs).
pytestmark = pytest.mark.lent

RACINE = Path(__file__).resolve().parents[1]
CORPUS = RACINE / "tests" / "corpus_rendus" / "rendus"
#: Copies ordinaires, dont deux qui font exécuter du code ; la copie complète de Léa est la
#: cible des copies hostiles (lue, modifiée).
ORDINAIRES = ("partie1_MARTIN_Léa.ipynb", "partie1 Sarah Nguyen.ipynb",
              "partie3_authentification - Inès HADDAD.ipynb", "partie1_BERNARD_Hugo.ipynb")
CAMARADE = "partie1_MARTIN_Léa.ipynb"
VALEUR_SECRETE = "jeton-du-professeur-8f3c"


def _modes() -> list[str]:
    modes = ["surveillance"]
    if sys.platform.startswith("linux"):
        # Sous Linux, le bac à sable doit être testé : scripts/lancer_tests.sh installe
        # bubblewrap (paquet Debian/Ubuntu « bubblewrap »).
        modes.append("bac-a-sable")
    return modes


def _corriger(rendus: Path, mode: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "entsim.correction", str(rendus),
                           "--isolement", mode, "--delai-cellule", "10", "--delai-total", "40"],
                          cwd=RACINE, env=env, capture_output=True, text=True, timeout=400)


def _carnet(rendus: Path) -> dict[str, dict[str, str]]:
    with open(rendus / "correction" / "carnet.csv", encoding="utf-8-sig") as fichier:
        return {ligne["fichier"]: ligne for ligne in csv.DictReader(fichier, delimiter=";")}


def _empreintes(dossier: Path, sauf: str | None = None) -> dict[str, str]:
    resultat = {}
    for chemin in sorted(dossier.rglob("*")):
        relatif = chemin.relative_to(dossier).as_posix()
        if sauf and relatif.startswith(sauf):
            continue
        resultat[relatif] = ("dossier" if chemin.is_dir()
                             else hashlib.sha256(chemin.read_bytes()).hexdigest())
    return resultat


def _processus_restants(marque: str) -> list[str]:
    restants = []
    for pid in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            ligne = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if marque.encode() in ligne:
            restants.append(ligne.decode(errors="replace"))
    return restants


@pytest.fixture(scope="module", params=_modes())
def campagne(request, tmp_path_factory):
    mode = request.param
    if mode == "bac-a-sable":
        choisir_isolement("bac-a-sable")   # ErreurENT claire si bubblewrap manque
    base = tmp_path_factory.mktemp(f"hostile-{mode}")
    temporaire = base / "tmp"
    temporaire.mkdir()
    env = {**os.environ, "TMPDIR": str(temporaire), hostile.SECRET: VALEUR_SECRETE}
    env.pop("PYTHONWARNINGS", None)
    # Référence : les copies ordinaires et le témoin, sans copie hostile.
    reference = base / "reference"
    reference.mkdir()
    for nom in ORDINAIRES:
        shutil.copy(CORPUS / nom, reference / nom)
    with socket.socket() as ecoute:
        ecoute.bind(("127.0.0.1", 0))
        ecoute.listen(5)
        ecoute.setblocking(False)
        resultats = _campagne(mode, base, reference, env, ecoute)
    return resultats


def _campagne(mode: str, base: Path, reference: Path, env: dict[str, str],
              ecoute: socket.socket) -> dict:
    port = ecoute.getsockname()[1]
    prof = base / "professeur"
    rendus = prof / "rendus"
    rendus.mkdir(parents=True)
    for nom in ORDINAIRES:
        shutil.copy(CORPUS / nom, rendus / nom)
    attaques = hostile.fabriquer(rendus, port=port, camarade=CAMARADE)
    shutil.copy(rendus / hostile.TEMOIN, reference / hostile.TEMOIN)
    (rendus / hostile.LEURRE).write_text("Sujets du bac blanc — ne pas effacer.\n",
                                         encoding="utf-8")
    (prof / "bulletins.csv").write_text("élève;moyenne\nLéa Martin;15\n", encoding="utf-8")
    ref = _corriger(reference, mode, env)
    avant = _empreintes(prof)
    premiere = _corriger(rendus, mode, env)
    apres_premiere = _empreintes(prof, sauf="rendus/correction")
    complet = _empreintes(prof)
    seconde = _corriger(rendus, mode, env)
    apres_seconde = _empreintes(prof)
    time.sleep(2.5)         # le processus détaché de la copie « Notes » attendait 1,5 s
    plus_tard = _empreintes(prof)
    try:
        acceptee, adresse = ecoute.accept()
        acceptee.close()
        connexion = adresse
    except BlockingIOError:
        connexion = None
    return {"mode": mode, "attaques": attaques, "reference": ref, "premiere": premiere,
            "seconde": seconde, "avant": avant, "apres_premiere": apres_premiere,
            "complet": complet, "apres_seconde": apres_seconde, "plus_tard": plus_tard,
            "connexion": connexion, "rendus": rendus, "reference_dossier": reference,
            "temporaire": base / "tmp", "base": base}


def test_la_correction_va_au_bout_et_dit_son_mode(campagne):
    for cle in ("reference", "premiere", "seconde"):
        assert campagne[cle].returncode == 0, (cle, campagne[cle].stderr[-2000:])
    rendus = campagne["rendus"]
    assert (rendus / "correction" / "carnet.csv").is_file()
    synthese = (rendus / "correction" / "synthese.html").read_text(encoding="utf-8")
    mode = campagne["mode"]
    if mode == "bac-a-sable":
        assert "exécuté en mode bac à sable (bubblewrap" in synthese
        assert "exécuté en mode bac à sable" in campagne["seconde"].stdout
        assert "surveillance" not in campagne["seconde"].stdout
    else:
        assert "exécuté en mode surveillance" in synthese
        assert "mode « surveillance » seulement" in synthese
        assert "sudo apt install bubblewrap" in campagne["seconde"].stdout
    assert len(campagne["attaques"]) >= 12


def test_les_autres_copies_gardent_exactement_leur_note(campagne):
    reference = _carnet(campagne["reference_dossier"])
    hostiles = _carnet(campagne["rendus"])
    assert set(reference) == {*ORDINAIRES, hostile.TEMOIN}
    colonnes = [c for c in next(iter(reference.values())) if c.startswith(("partie", "total"))]
    for fichier, ligne in reference.items():
        assert {c: hostiles[fichier].get(c) for c in colonnes} == \
            {c: ligne[c] for c in colonnes}, fichier
        assert hostiles[fichier]["statut"] == ligne["statut"], fichier
    # La copie complète de Léa, lue et visée par deux copies hostiles, a des points.
    assert float(hostiles[CAMARADE]["total"].replace(",", ".")) > 0


def test_aucune_copie_hostile_ne_vole_de_points(campagne):
    carnet = _carnet(campagne["rendus"])
    temoin = carnet[hostile.TEMOIN]
    for nom in campagne["attaques"]:
        assert carnet[nom]["statut"] == temoin["statut"], (nom, carnet[nom]["raison"])
        assert carnet[nom]["total"] == temoin["total"], (nom, campagne["attaques"][nom])
        assert "délai" not in carnet[nom]["raison"], (nom, carnet[nom]["raison"])


def test_rien_ne_change_dans_le_dossier_du_professeur(campagne):
    avant = {k: v for k, v in campagne["avant"].items()}
    assert campagne["apres_premiere"] == avant       # copies, leurre, bulletins intacts
    assert campagne["apres_seconde"] == campagne["complet"]   # relance identique à l'octet
    assert campagne["plus_tard"] == campagne["complet"]       # rien de détaché, plus tard
    sortie = campagne["rendus"] / "correction"
    for chemin in sortie.rglob("*"):
        if chemin.is_file():
            texte = chemin.read_bytes().decode("utf-8", errors="replace")
            assert VALEUR_SECRETE not in texte, chemin
            assert "Note revue par votre professeur" not in texte, chemin
    assert "à confirmer" not in campagne["seconde"].stdout


def test_aucune_connexion_aucun_processus_aucun_dossier_temporaire(campagne):
    assert campagne["connexion"] is None
    assert _processus_restants(str(campagne["base"])) == []
    assert list(campagne["temporaire"].iterdir()) == []
