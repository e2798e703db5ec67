"""Le schéma « prévenir une famille d'une absence » avant et avec l'ENT : tiré des données
de entsim.organisation, dessiné par le dot installé et par le Graphviz intégré, décrit en
texte de façon déterministe (nbval, lecteurs d'écran)."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest

from entsim.diagrammes import rendu
from entsim.diagrammes.coordination import ETAPE_ENT, ETAPE_PAPIER, schema_coordination
from entsim.organisation import AVERTISSEMENT_DELAIS, coordination

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def sans_variable(monkeypatch):
    monkeypatch.delenv(rendu.VARIABLE_ENVIRONNEMENT, raising=False)


def textes(svg: str) -> str:
    racine = ET.fromstring(svg.encode("utf-8"))
    return " ".join(e.text or "" for e in racine.iter(f"{SVG}text"))


def test_les_fleches_portent_les_delais_des_donnees_dans_l_ordre():
    schema = schema_coordination()
    etiquettes = [a.etiquette for a in schema.aretes()]
    attendues = ([e.delai_texte for e in coordination(False)] + [""]
                 + [e.delai_texte for e in coordination(True)] + [""])
    assert etiquettes == attendues


def test_chaque_etape_dit_qui_quoi_et_avec_quel_support():
    noeuds = schema_coordination().noeuds()
    for prefixe, avec_ent in (("avant", False), ("avec", True)):
        for e in coordination(avec_ent):
            libelle = noeuds[f"{prefixe}_{e.ordre}"]
            assert libelle.startswith(f"{e.ordre}. {e.acteur_nom} ")
            assert f"[{e.support}]" in libelle
    assert noeuds["avant_fin"] == "Absence justifiée : environ 3 jours en tout"
    assert noeuds["avec_fin"] == "Absence justifiée : environ 3 heures en tout"
    assert noeuds["avant_debut"].startswith("Avant l'ENT : ")
    assert noeuds["avec_debut"].startswith("Avec l'ENT : ")


def test_la_description_texte_est_deterministe_et_en_francais():
    texte = str(schema_coordination())
    assert texte == str(schema_coordination())
    lignes = texte.splitlines()
    assert lignes[0] == ("Schéma : Prévenir une famille de l'absence de son enfant : avant "
                         "l'ENT et avec l'ENT")
    assert len(lignes) == 1 + 8 + 6
    assert "→ 2. Vie scolaire Voit l'absence s'afficher en temps réel" in texte


def test_papier_et_ent_se_distinguent_par_la_forme_pas_seulement_la_couleur():
    assert ETAPE_PAPIER["shape"] != ETAPE_ENT["shape"]
    source = schema_coordination().source
    assert source.count("shape=note") == len(coordination(False))
    assert source.count("shape=box") == len(coordination(True))
    assert "cluster_avant" in source and "cluster_avec" in source


@pytest.mark.parametrize("moteur", ["dot", "wasm"])
def test_le_schema_se_dessine_avec_les_deux_moteurs(moteur):
    if moteur == "dot" and not (shutil.which("dot") and rendu.moteur_disponible("dot")):
        pytest.skip("Graphviz (dot) n'est pas installé sur ce poste : chemin non testé ici.")
    svg = schema_coordination().svg(moteur=moteur)
    dessin = textes(svg)
    for attendu in ("Avant l'ENT : papier et téléphone", "Avec l'ENT", "environ une heure",
                    "[Courrier postal]", "aussitôt"):
        assert attendu in dessin, attendu
    assert AVERTISSEMENT_DELAIS.split()[0] in dessin
    assert 'aria-label="Schéma : Prévenir une famille' in svg


def test_le_schema_s_affiche_dans_un_notebook_avec_sa_description():
    html = schema_coordination()._repr_html_()
    assert html.startswith('<figure class="entsim-schema"')
    assert "Description textuelle du schéma" in html and '<img src="data:image/svg+xml;base64,' in html
