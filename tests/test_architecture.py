"""L'architecture du paquet (docs/ARCHITECTURE.md) est une règle vérifiée, pas une phrase.

- les contrats import-linter de pyproject.toml (couches, Jupyter réservé aux widgets, aucun
  cycle entre modules voisins, sens des imports à l'intérieur des sous-paquets) sont
  respectés, et ils couvrent chaque sous-paquet ;
- une mauvaise importation, ajoutée dans une copie jetable du paquet, le fait échouer ;
- aucun cycle d'imports entre deux modules quelconques (graphe de grimp, composantes
  fortement connexes) ;
- aucun module de plus de 500 lignes ;
- chaque sous-paquet s'ouvre sur une docstring française qui dit ce qu'il contient, les
  questions du cours qu'il sert et ce qu'il peut importer ;
- docs/ARCHITECTURE.md décrit les dépendances et le chemin d'une connexion tels qu'ils sont.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import tomllib
except ImportError:  # Python 3.10 (tomli vient avec import-linter)
    import tomli as tomllib

RACINE = Path(__file__).resolve().parent.parent
PAQUET = RACINE / "entsim"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
LIGNES_MAX = 500

sys.path.insert(0, str(RACINE / "outils"))
import architecture  # noqa: E402  (outils/architecture.py)


def _contrats() -> list[dict]:
    with open(RACINE / "pyproject.toml", "rb") as fichier:
        return tomllib.load(fichier)["tool"]["importlinter"]["contracts"]


def _lint_imports(dossier: Path) -> subprocess.CompletedProcess:
    """lint-imports sur le paquet ``entsim`` trouvé dans ``dossier`` (sans cache)."""
    env = dict(os.environ, PYTHONPATH=str(dossier), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo",
                           str(dossier / "pyproject.toml")],
                          cwd=dossier, env=env, capture_output=True, text=True, timeout=300)


def test_le_contrat_d_architecture_est_respecte():
    resultat = _lint_imports(RACINE)
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr
    assert f"{len(_contrats())} kept, 0 broken" in resultat.stdout


def test_le_contrat_couvre_chaque_sous_paquet():
    couches = next(c for c in _contrats() if c["type"] == "layers")
    assert couches["containers"] == ["entsim"]
    nommes = {nom.strip() for couche in couches["layers"] for nom in couche.split("|")}
    presents = {p.name for p in PAQUET.iterdir() if (p / "__init__.py").exists()}
    presents |= {p.stem for p in PAQUET.glob("*.py") if p.stem != "__init__"}
    assert nommes == presents, f"dans le contrat sans exister : {sorted(nommes - presents)} ; " \
                               f"absents du contrat : {sorted(presents - nommes)}"
    interdits = next(c for c in _contrats() if c["type"] == "forbidden")
    assert set(interdits["forbidden_modules"]) == {"ipywidgets", "IPython"}
    sources = {m.removeprefix("entsim.") for m in interdits["source_modules"]}
    assert sources == presents - {"widgets"}


@pytest.fixture(scope="module")
def copie_jetable(tmp_path_factory) -> Path:
    dossier = tmp_path_factory.mktemp("architecture")
    shutil.copytree(PAQUET, dossier / "entsim",
                    ignore=shutil.ignore_patterns("__pycache__", "_data"))
    shutil.copy(RACINE / "pyproject.toml", dossier / "pyproject.toml")
    return dossier


@pytest.mark.parametrize("module, importation, contrat", [
    # une couche basse qui importe une couche haute (le journal ne connaît pas le SSO)
    ("journal/__init__.py", "import entsim.sso.tickets", "Couches"),
    # deux services de l'AAS qui doivent rester indépendants
    ("sso/tickets.py", "import entsim.autorisation", "Couches"),
    # la simulation qui importe Jupyter
    ("etablissement/annuaire.py", "import ipywidgets", "Seuls les widgets"),
    ("questions/__init__.py", "import IPython.display", "Seuls les widgets"),
    # un cycle entre deux modules voisins du socle
    ("socle/erreurs.py", "import entsim.socle.horloge", "Aucun cycle"),
    # à l'intérieur d'un sous-paquet : un outil de correction des fiches qui remonte à la fiche
    ("questions/ecriture.py", "import entsim.questions.fiches", "Fiches :"),
    # le programme qui exécute le code des élèves, lancé par son chemin
    ("correction/_enfant.py", "import entsim.socle.texte", "Le programme qui exécute"),
])
def test_une_mauvaise_importation_fait_echouer_le_contrat(copie_jetable, module, importation,
                                                         contrat):
    fichier = copie_jetable / "entsim" / module
    original = fichier.read_text(encoding="utf-8")
    try:
        fichier.write_text(original + f"\n{importation}  # importation fautive\n",
                           encoding="utf-8")
        resultat = _lint_imports(copie_jetable)
    finally:
        fichier.write_text(original, encoding="utf-8")
    assert resultat.returncode == 1, resultat.stdout
    casses = resultat.stdout.split("Broken contracts", 1)[-1]
    assert contrat in casses, resultat.stdout
    assert " broken." in resultat.stdout and ", 0 broken" not in resultat.stdout


def test_le_paquet_racine_n_importe_que_l_ent_et_de_quoi_afficher():
    """``entsim/__init__.py`` n'est dans aucune couche : ce qu'il importe est vérifié ici."""
    import grimp

    graphe = grimp.build_graph("entsim", exclude_type_checking_imports=True, cache_dir=None)
    assert graphe.find_modules_directly_imported_by("entsim") <= {
        "entsim.ent", "entsim.socle.tableaux", "entsim.widgets.affichage"}


def test_import_entsim_hors_notebook_ne_charge_pas_jupyter():
    code = ("import sys, entsim; print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('ipywidgets', 'IPython') or m.startswith('entsim.widgets')))")
    sortie = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True,
                            text=True, timeout=120, cwd=RACINE)
    assert sortie.returncode == 0, sortie.stderr
    assert sortie.stdout.strip() == "[]"


def test_les_couches_des_schemas_sont_celles_du_contrat():
    couches = next(c for c in _contrats() if c["type"] == "layers")["layers"]
    attendues = [[nom.strip() for nom in couche.split("|")] for couche in couches]
    assert [membres for _, membres in architecture.COUCHES] == attendues


def _composantes_fortement_connexes(graphe: dict[str, set[str]]) -> list[list[str]]:
    """Algorithme de Tarjan (itératif) : les groupes de modules qui s'importent en cercle."""
    index: dict[str, int] = {}
    bas: dict[str, int] = {}
    pile: list[str] = []
    sur_pile: set[str] = set()
    composantes: list[list[str]] = []
    compteur = 0
    for depart in sorted(graphe):
        if depart in index:
            continue
        travail = [(depart, iter(sorted(graphe[depart])))]
        index[depart] = bas[depart] = compteur
        compteur += 1
        pile.append(depart)
        sur_pile.add(depart)
        while travail:
            noeud, voisins = travail[-1]
            avance = False
            for voisin in voisins:
                if voisin not in index:
                    index[voisin] = bas[voisin] = compteur
                    compteur += 1
                    pile.append(voisin)
                    sur_pile.add(voisin)
                    travail.append((voisin, iter(sorted(graphe.get(voisin, ())))))
                    avance = True
                    break
                if voisin in sur_pile:
                    bas[noeud] = min(bas[noeud], index[voisin])
            if avance:
                continue
            travail.pop()
            if travail:
                bas[travail[-1][0]] = min(bas[travail[-1][0]], bas[noeud])
            if bas[noeud] == index[noeud]:
                composante = []
                while True:
                    membre = pile.pop()
                    sur_pile.discard(membre)
                    composante.append(membre)
                    if membre == noeud:
                        break
                if len(composante) > 1:
                    composantes.append(sorted(composante))
    return composantes


def test_aucun_cycle_d_imports_entre_modules():
    import grimp

    graphe_imports = grimp.build_graph("entsim", exclude_type_checking_imports=True,
                                       cache_dir=None)
    graphe = {m: set(graphe_imports.find_modules_directly_imported_by(m))
              for m in graphe_imports.modules}
    # vérification de la vérification : un cycle fabriqué est bien trouvé
    assert _composantes_fortement_connexes({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) \
        == [["a", "b", "c"]]
    assert len(graphe) > 100
    assert _composantes_fortement_connexes(graphe) == []


def test_aucun_module_ne_depasse_500_lignes():
    trop_longs = {str(f.relative_to(RACINE)): n for f in sorted(PAQUET.rglob("*.py"))
                  if (n := len(f.read_text(encoding="utf-8").splitlines())) > LIGNES_MAX}
    assert trop_longs == {}


def _paquets() -> list[Path]:
    return sorted(p for p in PAQUET.rglob("__init__.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("init", _paquets(), ids=lambda p: str(p.parent.relative_to(RACINE)))
def test_chaque_sous_paquet_s_ouvre_sur_une_docstring_francaise(init):
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert docstring, f"{init} n'a pas de docstring"
    premiere = docstring.splitlines()[0]
    assert any(c in docstring for c in "éèàêç"), "une docstring française a des accents"
    assert len(premiere) > 20, premiere
    if init.parent.parent == PAQUET:  # les sous-paquets du premier niveau
        assert "Peut importer" in docstring or "Ancien emplacement" in docstring
        assert "Question" in docstring or "Ancien emplacement" in docstring


def test_la_documentation_decrit_l_architecture_telle_qu_elle_est():
    texte = (RACINE / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    attendu = architecture.remplacer_entre(texte, architecture.REPERE_TABLEAU,
                                           architecture.tableau_dependances())
    attendu = architecture.remplacer_entre(attendu, architecture.REPERE_DESCRIPTIONS,
                                           architecture.descriptions(
                                               [architecture.schema_paquets(),
                                                architecture.schema_connexion()]))
    assert texte == attendu, "docs/ARCHITECTURE.md n'est plus à jour : lancez " \
                             "« .venv/bin/python outils/architecture.py »"
    for nom in ("architecture_paquets.svg", "architecture_connexion.svg"):
        svg = (RACINE / "docs" / nom).read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg and f"]({nom})" in texte
