"""L'analyse des risques (carte CNIL 1–4, avant et après les mesures) et la grille de la
question 17 (SDET × CNIL × ce qu'on observe dans la simulation)."""

from __future__ import annotations

import pytest

from entsim import ENT
from entsim.attaques import scenarios
from entsim.attaques.q17 import COLONNES_Q17, VERDICTS, elements_q17, grille_q17
from entsim_corrige.q17 import POINTS_ATTENDUS, conclusion_q17, points_presents
from entsim.attaques.risques import (ZONES, carte_des_risques, risques, tableau_des_risques,
                                     zone)
from entsim.attaques.scenario import CAUSES, FAMILLES
from entsim.authentification.verrouillage import RetardCroissant
from entsim.socle.erreurs import ErreurENT
from entsim.socle.graphiques import Graphique


def test_un_risque_par_scenario_et_les_deux_familles_de_2022():
    codes = [r.code for r in risques()]
    assert len(codes) == len(set(codes))
    assert set(scenarios()) <= set(codes)
    familles = {r.famille for r in risques() if r.code.startswith("famille_")}
    assert familles == set(FAMILLES)
    for r in risques():
        assert r.famille in FAMILLES and r.cause in CAUSES
        for cote in (r.avant, r.apres):
            assert 1 <= cote.gravite <= 4 and 1 <= cote.vraisemblance <= 4
            assert cote.justification_gravite.strip() and cote.justification_vraisemblance
        # une mesure ne rend jamais un risque plus élevé
        assert r.apres.gravite <= r.avant.gravite
        assert r.apres.vraisemblance <= r.avant.vraisemblance


def test_la_cotation_d_un_scenario_prime_sur_la_table():
    par_code = {r.code: r for r in risques()}
    for code, classe in scenarios().items():
        assert par_code[code].avant == classe.risque_avant
        assert par_code[code].apres == classe.risque_apres
        assert par_code[code].origine == "scénario"


def test_tableau_des_risques_en_francais():
    tableau = tableau_des_risques()
    assert tableau.index[0] == 1 and tableau.index.name == "N°"
    for colonne in ("Risque", "Famille", "Cause", "Gravité avant", "Vraisemblance avant",
                    "Gravité après", "Vraisemblance après", "Zone avant", "Zone après",
                    "Justification avant", "Justification après", "Mesures"):
        assert colonne in tableau.columns
    assert set(tableau["Zone avant"]) | set(tableau["Zone après"]) <= \
        {libelle for libelle, _, _ in ZONES.values()}
    assert (tableau["Zone avant"] == "Prioritaire").sum() > \
        (tableau["Zone après"] == "Prioritaire").sum()


@pytest.mark.parametrize("g, v, attendu", [(4, 4, "prioritaire"), (3, 3, "prioritaire"),
                                           (4, 1, "a_reduire"), (2, 3, "a_reduire"),
                                           (2, 2, "acceptable"), (1, 1, "acceptable")])
def test_zones(g, v, attendu):
    assert zone(g, v) == attendu


@pytest.mark.parametrize("avant, debut", [(None, "Sur "), (True, "Avant les mesures"),
                                          (False, "Après les mesures")])
def test_carte_des_risques(avant, debut):
    carte = carte_des_risques(avant)
    assert isinstance(carte, Graphique)
    assert carte.phrase.startswith(debut) and "zone prioritaire" in carte.phrase
    axes = carte.figure.axes[0]
    assert axes.get_xlabel() == "Vraisemblance (échelle CNIL)"
    assert axes.get_ylabel() == "Gravité (échelle CNIL)"
    assert [t.get_text() for t in axes.get_xticklabels()] == \
        ["1\nnégligeable", "2\nlimitée", "3\nimportante", "4\nmaximale"]
    # chaque risque porte son numéro (la couleur n'est pas le seul signe)
    numeros = [t.get_text() for t in axes.texts if t.get_text().isdigit()]
    attendu = len(risques()) * (2 if avant is None else 1)
    assert len(numeros) == attendu
    fleches = [a for a in axes.texts if getattr(a, "arrow_patch", None) is not None]
    assert len(fleches) == (len(risques()) if avant is None else 0)


def test_carte_des_risques_refuse_un_mauvais_argument():
    with pytest.raises(ErreurENT, match="avant"):
        carte_des_risques("oui")


@pytest.fixture(scope="module")
def ent():
    return ENT.demo()


def test_grille_q17_calculee_sur_la_simulation(ent):
    grille = grille_q17(ent)
    assert list(grille.columns) == COLONNES_Q17
    assert set(grille["Verdict"]) <= set(VERDICTS)
    observe = " ".join(grille["Observé dans la simulation"])
    assert "refusé" in observe and "Argon2id" in observe
    assert "15 min après 5 échecs" in observe
    assert "2 heures d'inactivité" in observe
    assert "Journal intact" in observe
    assert "Hors du SDET" in set(grille["Verdict"])


def test_grille_q17_suit_la_configuration_reelle():
    # un autre réglage de l'ENT : une autre observation, pas un texte écrit d'avance
    autre = ENT.demo(schema="md5_sans_sel", cout="rapide")
    autre.authentification.verrouillage = RetardCroissant()
    autre.cas.inactivite_max = autre.cas.inactivite_max / 4
    observe = " ".join(grille_q17(autre)["Observé dans la simulation"])
    assert "MD5" in observe and "sans sel" in observe
    assert "30 minutes d'inactivité" in observe
    autre.journal.supprimer(3)
    assert "Journal intact" not in " ".join(grille_q17(autre)["Observé dans la simulation"])


def test_conclusion_q17_contient_tous_les_points_attendus(ent):
    conclusion = conclusion_q17(ent)
    assert conclusion.startswith("Oui pour la sécurité des accès, en partie")
    assert points_presents(conclusion) == [p.code for p in POINTS_ATTENDUS]
    assert "2022-100" in conclusion and "art. 30" in conclusion


def test_le_cours_donne_les_elements_a_discuter_pas_la_conclusion(ent):
    """Issue 16, § 2 : le cours (notebook 06) n'imprime plus une réponse complète à q17h ; la
    conclusion du professeur (4 / 4 à q17h) est dans le corrigé."""
    import entsim.attaques.q17 as cours
    from entsim_corrige import fiche_corrigee

    q17h = fiche_corrigee("partie3_risques")
    elements = elements_q17(ent)
    assert not hasattr(cours, "conclusion_q17")
    assert "La grille compte 10 points" in elements and "?" in elements
    assert q17h.corriger_question("q17h", elements).points <= 1
    assert q17h.corriger_question("q17h", conclusion_q17(ent)).points == 4
    texte = _markdown("06_enquete_et_synthese.ipynb")
    sources = _sources("06_enquete_et_synthese.ipynb")
    assert "conclusion_q17" not in sources and "print(elements_q17(ent))" in sources
    assert "À vous, dans la fiche" in texte and "20 essais par heure" not in texte


def test_points_attendus_notent_une_copie_d_eleve():
    copie = "Oui, le SDET répond car il y a une authentification et un journal."
    trouves = points_presents(copie)
    assert {"authentification", "tracabilite"} <= set(trouves)
    assert "renouvellement" not in trouves and "rgpd" not in trouves
    with pytest.raises(ErreurENT, match="texte"):
        points_presents(17)


def test_grille_q17_sans_ent_est_une_erreur_francaise():
    with pytest.raises(ErreurENT, match="ENT"):
        grille_q17("ent")


# -- revue 13 : ce que lisent les élèves dans les notebooks 05 et 06 -----------------------
def _markdown(nom):
    import json
    from pathlib import Path

    chemin = Path(__file__).resolve().parents[1] / "notebooks" / nom
    cellules = json.loads(chemin.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cellules if c["cell_type"] == "markdown")


def _sources(nom):
    import json
    from pathlib import Path

    chemin = Path(__file__).resolve().parents[1] / "notebooks" / nom
    cellules = json.loads(chemin.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cellules if c["cell_type"] == "code")


def test_le_notebook_05_dit_recommandation_pas_obligation():
    """La délibération 2022-100 est une recommandation (BRIEF, « Precisions checked ») ; et la
    CNIL cite scrypt et Argon2, pas PBKDF2."""
    texte = _markdown("05_attaques_et_protections.ipynb")
    assert "demande **80 bits**" not in texte and "recommande **80 bits**" in texte
    assert "PBKDF2 et en Argon2 (salés et lents, ce que recommande la CNIL)" not in texte


def test_le_notebook_06_ne_dit_pas_que_le_blocage_arrete_tout():
    texte = _markdown("06_enquete_et_synthese.ipynb")
    assert "ne peut plus rien essayer." not in texte


def test_les_marques_d_une_meme_case_ne_se_touchent_pas():
    """Projetée, la carte doit se lire : dans une case de 1 × 1, des ronds de 21 points ne se
    chevauchent pas (écart d'au moins 0,25 — une case fait environ 120 points de côté)."""
    import itertools

    from entsim.attaques.risques import _positions, risques

    liste = risques()
    points = [(("avant", n), r.avant.vraisemblance, r.avant.gravite)
              for n, r in enumerate(liste, 1)]
    points += [(("apres", n), r.apres.vraisemblance, r.apres.gravite)
               for n, r in enumerate(liste, 1)]
    positions = _positions(points)
    ecart = min(((xa - xb) ** 2 + (ya - yb) ** 2) ** 0.5
                for (xa, ya), (xb, yb) in itertools.combinations(positions.values(), 2))
    assert ecart >= 0.25


def test_le_laboratoire_ne_donne_pas_la_reponse_de_q17d():
    """Revue (session 4) : le risque après parade du scénario en ligne écrivait « 20 essais
    par heure », la réponse de la question 17d de la fiche ; le notebook 05 l'affichait."""
    import json
    from pathlib import Path

    from entsim_corrige import fiche_corrigee

    valeur = fiche_corrigee("partie3_risques").question("q17d").exemple_de_reponse()
    nombre = str(valeur).split()[0]
    chemin = Path(__file__).resolve().parents[1] / "notebooks" / "05_attaques_et_protections.ipynb"
    sorties = json.dumps([c.get("outputs", []) for c in json.loads(
        chemin.read_text(encoding="utf-8"))["cells"]], ensure_ascii=False)
    assert f"{nombre} essais par heure" not in sorties
