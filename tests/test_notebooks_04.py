"""Les notebooks 04a et 04b (issue 16) : écrits par outils/construire_notebook_04.py, moins de
60 cellules chacun, les documents bruts repliés « Pour les curieux », les tickets expliqués là
où ils apparaissent, et l'ancien notebook 04 remplacé partout."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest

RACINE = Path(__file__).resolve().parents[1]
NOTEBOOKS = {"04a": RACINE / "notebooks" / "04a_authentification.ipynb",
             "04b": RACINE / "notebooks" / "04b_sso_cas.ipynb"}


def _constructeur():
    spec = importlib.util.spec_from_file_location(
        "construire_notebook_04", RACINE / "outils" / "construire_notebook_04.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)   # sans écrire : l'écriture est sous « __main__ »
    return module


@pytest.fixture(scope="module")
def constructeur():
    return _constructeur()


@pytest.mark.parametrize("nom", NOTEBOOKS)
def test_moins_de_60_cellules(nom):
    assert len(nbformat.read(NOTEBOOKS[nom], as_version=4).cells) < 60


@pytest.mark.parametrize("nom", NOTEBOOKS)
def test_le_notebook_est_a_jour_avec_son_constructeur(constructeur, nom):
    """Chaque cellule écrite par le constructeur est dans le notebook, dans l'ordre (une
    cellule ajoutée ailleurs, comme la première cellule commune du cours, est tolérée)."""
    attendues = [c.source for c in (constructeur.cellules_04a() if nom == "04a"
                                    else constructeur.cellules_04b())]
    presentes = iter(c.source for c in nbformat.read(NOTEBOOKS[nom], as_version=4).cells)
    manquantes = [s[:60] for s in attendues if not any(s == p for p in presentes)]
    assert not manquantes, f"relancez outils/construire_notebook_04.py : {manquantes}"


def test_une_section_de_plus_se_place_avant_la_conclusion(constructeur):
    section = lambda: [constructeur.md("## L'ENT en vrai HTTP")]  # noqa: E731
    cellules = constructeur.cellules_04b(sections_en_plus=[section])
    titres = [c.source.splitlines()[0] for c in cellules if c.cell_type == "markdown"]
    assert titres[-2:] == ["## L'ENT en vrai HTTP", "## Et maintenant ?"]


def test_les_echanges_http_sont_replies_pour_les_curieux():
    nb = nbformat.read(NOTEBOOKS["04b"], as_version=4)
    replies = [c for c in nb.cells if c.metadata.get("jp-MarkdownHeadingCollapsed")]
    assert replies and all(c.source.startswith("### Pour les curieux") for c in replies)


@pytest.mark.parametrize("nom", NOTEBOOKS)
def test_les_tickets_de_la_graine_sont_expliques_la_ou_ils_apparaissent(nom):
    """La première sortie qui montre un ticket ST-… est suivie (ou précédée), à deux
    cellules près, du texte qui dit que les tickets viennent de la graine."""
    cellules = nbformat.read(NOTEBOOKS[nom], as_version=4).cells
    sorties = ["".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
                       for o in c.get("outputs", [])) for c in cellules]
    premiere = next(i for i, s in enumerate(sorties) if re.search(r"ST-\d+-\w{4}", s))
    voisines = cellules[max(0, premiere - 2):premiere + 3]
    assert any(c.cell_type == "markdown" and "graine" in c.source and "secrets" in c.source
               for c in voisines)


def test_le_vrai_tirage_montre_l_entropie_calculee_et_jamais_de_ticket_reel():
    cellules = nbformat.read(NOTEBOOKS["04b"], as_version=4).cells
    cellule = next(c for c in cellules if "tickets_reels()" in c.source)
    texte = cellule.outputs[0]["data"]["text/plain"]
    assert "142,9 bits" in texte and "les deux tickets sont différents : True" in texte
    assert len(re.findall(r"ST-\d+-\w+", texte)) == 1    # seulement celui de la graine


def test_l_ancien_notebook_04_n_existe_plus_ni_ses_mentions():
    assert not (RACINE / "notebooks" / "04_authentification_sso.ipynb").exists()
    for chemin in [RACINE / "README.md", *(RACINE / "docs").glob("*.md"),
                   *(RACINE / "tests").glob("*.py"), *(RACINE / "outils").glob("*.py")]:
        if chemin.name == Path(__file__).name:
            continue
        assert "04_authentification_sso" not in chemin.read_text(encoding="utf-8"), chemin


# -- Revue d'une élève et d'un professeur (ELEVE04), reprise par FINITION04 -------------------

def _sorties(cellule) -> str:
    return "".join(o.get("text", "") + "".join(str(v) for v in o.get("data", {}).values())
                   for o in cellule.get("outputs", []))


@pytest.mark.parametrize("nom", NOTEBOOKS)
def test_chaque_cellule_du_cours_se_lit_en_deux_lignes_courtes(constructeur, nom):
    """Au plus deux lignes à lire (les « import » mis à part), d'au plus 82 caractères : une
    cellule projetée se lit d'un coup d'œil (avant : 115 caractères en 04a, trois lignes en
    04a et 04b)."""
    cellules = constructeur.cellules_04a() if nom == "04a" else constructeur.cellules_04b()
    trop_longues = []
    for c in cellules:
        if c.cell_type != "code":
            continue
        lignes = c.source.splitlines()
        a_lire = [ligne for ligne in lignes if not ligne.startswith(("from ", "import "))]
        if len(a_lire) > 2 or max(map(len, lignes)) > 82:
            trop_longues.append(c.source)
    assert not trop_longues


def test_04b_se_termine_par_l_ent_en_vrai_http_puis_la_conclusion(constructeur):
    """La section « L'ENT en vrai » (outils/section_ent_http.py) est dans 04b, avant la
    conclusion ; le serveur démarré dans le notebook y est arrêté."""
    import sys
    sys.path.insert(0, str(RACINE / "outils"))
    from fiches_notebook import avec_commencer   # la première cellule commune du cours
    attendues = [c.source for c in avec_commencer(constructeur.cellules_04b(
        sections_en_plus=[constructeur.b_ent_http]))]
    cellules = nbformat.read(NOTEBOOKS["04b"], as_version=4).cells
    assert [c.source for c in cellules] == attendues
    sources = [c.source for c in cellules]
    demarre = next(i for i, s in enumerate(sources) if "ent.servir()" in s)
    arrete = next(i for i, s in enumerate(sources) if "ent.arreter()" in s)
    assert demarre < arrete < len(sources) - 1
    assert sources[-1].startswith("## Et maintenant ?")
    assert "8765" in _sorties(cellules[demarre])


def test_04b_ne_montre_ni_mur_de_texte_ni_dictionnaire_python():
    """Le schéma pas à pas écrit déjà chaque étape, et le diagramme de séquence porte sa
    description repliée : pas de copie imprimée en 17 lignes. Les attributs sont un tableau
    français, pas un dictionnaire aux clés sans accent (« prenom »)."""
    cellules = nbformat.read(NOTEBOOKS["04b"], as_version=4).cells
    sources = "\n".join(c.source for c in cellules if c.cell_type == "code")
    assert "print(schema_parcours" not in sources and "print(sequence)" not in sources
    assert "ent.attributs(" not in sources
    sorties = "\n".join(_sorties(c) for c in cellules)
    assert "'prenom'" not in sorties and "{'profil'" not in sorties
    attributs = next(c for c in cellules if "attributs_transmis(ent" in c.source)
    assert "<table" in _sorties(attributs) and "Prénom" in _sorties(attributs)


def test_la_politique_de_mot_de_passe_est_une_liste_et_non_du_texte_a_largeur_fixe():
    cellules = nbformat.read(NOTEBOOKS["04a"], as_version=4).cells
    politique = next(c for c in cellules if "politique_de_l_ent(ent)" in c.source)
    html = politique.outputs[0]["data"]["text/html"]
    assert html.count("<li>") >= 5 and "caractères spéciaux" in html


def test_le_texte_de_la_signature_annonce_le_chiffre_de_la_cellule():
    """Avant : le texte proposait « 9 » (« 19 h ») et la cellule essayait « 0 »."""
    cellules = nbformat.read(NOTEBOOKS["04a"], as_version=4).cells
    i = next(i for i, c in enumerate(cellules) if "remplacement=" in c.source)
    chiffre = re.search(r'remplacement="(\d)"', cellules[i].source).group(1)
    texte = next(c.source for c in reversed(cellules[:i]) if c.cell_type == "markdown")
    assert f'`"{chiffre}"` (« 1{chiffre} h »)' in texte


@pytest.mark.parametrize("nom", NOTEBOOKS)
@pytest.mark.parametrize("tournure", ["nous sommes le ", "10^", "numérique (SIG)",
                                      "Autoriser à ", "sur « notes »"])
def test_les_sorties_se_lisent_en_francais(nom, tournure):
    cellules = nbformat.read(NOTEBOOKS[nom], as_version=4).cells
    assert not [c.source for c in cellules if tournure in _sorties(c)]
