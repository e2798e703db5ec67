"""Synthèse et carnet : les vrais problèmes à part des remarques sans conséquence ; des
tableaux qui ne débordent pas de la page (issue 14, section 4, 5e point).

Sur le corpus ``tests/corpus_rendus/`` : « À vérifier » ne garde que les copies qui
demandent au professeur d'agir (illisibles, réponses perdues, délai dépassé, fiche
inconnue, copie sans réponse…) ; les remarques sans conséquence (ancien format, cellules
copiées ou changées en texte, métadonnées effacées) vont dans une section repliée ;
``carnet.csv`` garde ses colonnes et en ajoute une, « catégorie ».
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from entsim.correction.dossier import corriger_dossier
from entsim.correction.lecture import Remarque, lire_octets
from entsim.correction.rapports import synthese_html
from entsim.correction.remarques import CATEGORIES, PROBLEME, REMARQUE, categorie
from entsim.correction.resultats import Carnet, RenduCorrige
from entsim_corrige import fiche_corrigee as fiche
from test_correction import ATTENDUS, CORPUS, DELAIS, _lire_csv   # tests/ sur le chemin

#: Les copies du corpus qui demandent au professeur d'agir (noms des fichiers du corpus).
A_VERIFIER = {
    "Lucas Moreau - rapport.pdf",                       # pas un notebook
    "partie1 Lucas Moreau.ipynb",                       # JSON qui n'est pas un notebook
    "partie1 Emma Girard.ipynb",                        # fichier vide
    "partie1 Rose Fabre.ipynb",                         # binaire
    "partie9 Adam Perrin.ipynb",                        # fiche inconnue
    "partie1 Camille Petit.ipynb",                      # JSON abîmé : réponses perdues
    "partie1 Nathan Roux.ipynb",                        # fichier tronqué : réponses perdues
    "partie1 Chloé Lambert.ipynb",                      # cellules de réponse supprimées
    "partie1 Louis Lefèvre.ipynb",                      # délai dépassé
    "partie1 Alice Colin.ipynb",                        # aucune réponse (le bon fichier ?)
    "partie1_BERNARD_Hugo.ipynb",
    "Yanis Haddad partie3_authentification.ipynb",
    "casier_TSTMG1.zip/Casier/Yanis Haddad/partie1.ipynb",
}
#: Les copies du corpus qui n'ont que des remarques sans conséquence.
REMARQUES_SEULES = {
    "partie1 Hugo Lemoine.ipynb",        # ancien format (nbformat 3)
    "partie1 Jules Fontaine.ipynb",      # cellules dupliquées, toutes les réponses retrouvées
    "partie1 Lina Robert.ipynb",         # métadonnées effacées, fiche et réponses retrouvées
    "partie1 Manon Durand.ipynb",        # cellules de réponse changées en texte, relues
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return corriger_dossier(CORPUS, tmp_path_factory.mktemp("synthese_corpus"), **DELAIS)


class _Page(HTMLParser):
    """Relève, pour chaque élément, ses attributs et la pile de ses ancêtres."""

    def __init__(self):
        super().__init__()
        self.pile: list[tuple[str, dict]] = []
        self.elements: list[tuple[str, dict, tuple[tuple[str, dict], ...]]] = []
        self.textes_th: list[tuple[str, dict]] = []
        self._th: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributs = dict(attrs)
        self.elements.append((tag, attributs, tuple(self.pile)))
        if tag not in ("meta", "br", "img", "path", "use"):
            self.pile.append((tag, attributs))
        if tag == "th":
            self._th = attributs
            self.textes_th.append(("", attributs))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), tuple(self.pile)))

    def handle_endtag(self, tag):
        for i in range(len(self.pile) - 1, -1, -1):
            if self.pile[i][0] == tag:
                del self.pile[i:]
                break
        if tag == "th":
            self._th = None

    def handle_data(self, data):
        if self._th is not None:
            texte, attributs = self.textes_th[-1]
            self.textes_th[-1] = (texte + data, attributs)


def _section(page: str, debut: str, fin: str) -> str:
    i = page.index(debut)
    return page[i:page.index(fin, i)]


# ---------------------------------------------------------------------------------------
# Problèmes et remarques
# ---------------------------------------------------------------------------------------

def test_a_verifier_ne_garde_que_les_copies_a_probleme(corpus):
    # Avant : 17 copies sur 29 « à vérifier », remarques sans conséquence comprises.
    assert {r.fichier for r in corpus.rendus if r.categorie == PROBLEME} == A_VERIFIER
    assert {r.fichier for r in corpus.rendus if r.categorie == REMARQUE} == REMARQUES_SEULES
    # Toute copie non corrigée entièrement (statut attendu) reste à vérifier.
    assert {f for f, a in ATTENDUS.items() if a["statut"] != "corrige"} <= A_VERIFIER
    page = corpus.chemin_synthese.read_text(encoding="utf-8")
    a_verifier = _section(page, '<h2 id="a-verifier">À vérifier</h2>', "<details")
    assert "Copies à vérifier (13)" in a_verifier
    for fichier in A_VERIFIER:
        assert f"<td>{fichier}</td>" in a_verifier, fichier
    for fichier in REMARQUES_SEULES:
        assert fichier not in a_verifier, fichier
    # Le problème est dit, sans la remarque sans conséquence qui l'accompagne.
    tronque = corpus.rendu("partie1 Nathan Roux.ipynb")
    assert "JSON invalide" in tronque.raison_a_verifier
    assert "métadonnées" not in tronque.raison_a_verifier
    assert "métadonnées" in tronque.raison                  # la raison du carnet : inchangée


def test_les_remarques_sans_consequence_sont_dans_une_section_repliee(corpus):
    page = corpus.chemin_synthese.read_text(encoding="utf-8")
    assert page.index("À vérifier") < page.index("Remarques (rien à faire)") \
        < page.index("<h2>Fiche partie1")
    remarques = _section(page, '<details class="remarques">', "</details>")
    assert "<details open" not in page.split("<h2>Fiche")[0]   # repliée par défaut
    assert "<summary>Remarques (rien à faire) : 5 copies</summary>" in remarques
    for fichier in REMARQUES_SEULES:
        assert f"<td>{fichier}</td>" in remarques, fichier
    # Une copie à problème peut aussi avoir une remarque sans conséquence : elle est ici.
    assert "<td>partie1 Nathan Roux.ipynb</td>" in remarques
    assert "ancien format de notebook" in remarques.lower()


def test_le_carnet_garde_ses_colonnes_et_ajoute_la_categorie(corpus):
    lignes = _lire_csv(corpus.chemin_carnet)
    colonnes = list(lignes[0])
    assert colonnes[-3:] == ["statut", "raison", "catégorie"]
    assert colonnes[:3] == ["fichier", "élève", "fiche"]
    par_fichier = {l["fichier"]: l for l in lignes}
    for fichier, ligne in par_fichier.items():
        attendue = ("problème" if fichier in A_VERIFIER else
                    "remarque" if fichier in REMARQUES_SEULES else "")
        assert ligne["catégorie"] == attendue, fichier
        assert bool(ligne["raison"]) == bool(attendue), fichier   # « raison » : même sens
    assert "ancien format" in par_fichier["partie1 Hugo Lemoine.ipynb"]["raison"].lower()
    assert "À vérifier : 13 fichiers" in corpus.resume()


def test_chaque_code_de_remarque_a_une_categorie(corpus):
    assert set(CATEGORIES.values()) == {PROBLEME, REMARQUE}
    codes = {r.code for rendu in corpus.rendus for r in rendu.remarques}
    assert codes and codes <= set(CATEGORIES), codes - set(CATEGORIES)
    assert categorie("code_inconnu") == PROBLEME       # dans le doute, on montre
    sans_code = RenduCorrige("a.ipynb", "A", statut="corrige", raison="Quelque chose.")
    assert sans_code.categorie == PROBLEME
    assert RenduCorrige("b.ipynb", "B").categorie == ""


def test_un_encodage_relu_sans_perte_est_une_remarque_l_autre_un_probleme():
    notebook = '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5, "x": "é"}'
    utf16 = lire_octets(notebook.encode("utf-16"))
    windows = lire_octets(notebook.encode("cp1252"))
    assert [(r.code, categorie(r.code)) for r in utf16.anomalies] == [
        ("encodage_utf16", REMARQUE)]
    assert [(r.code, categorie(r.code)) for r in windows.anomalies] == [
        ("encodage_autre", PROBLEME)]
    assert "UTF-16" in utf16.anomalies[0]                  # une remarque reste un texte


def test_les_notes_manuelles_signalees_sont_a_verifier(tmp_path):
    copie = RenduCorrige("x.ipynb", "X", remarques=(Remarque("ancien_format",
                                                             "ancien format de notebook"),),
                         raison="Ancien format de notebook.")
    carnet = Carnet(tmp_path, tmp_path / "sortie", (copie,),
                    avertissements=("y.ipynb, q1 : note « 3 » non comptée",),
                    a_confirmer=("x.ipynb (X), q3 : 2 / 2 au lieu de pas de note",))
    page = synthese_html(carnet, {})
    a_verifier = _section(page, "À vérifier", "<details")
    assert "note « 3 » non comptée" in a_verifier and "à confirmer" in a_verifier
    assert "Copies à vérifier" not in a_verifier          # la copie n'a qu'une remarque
    assert "<td>x.ipynb</td>" in _section(page, "<details", "</details>")
    rien = synthese_html(Carnet(tmp_path, tmp_path / "sortie", (copie,)), {})
    assert "Rien à vérifier" in rien


# ---------------------------------------------------------------------------------------
# Tableaux larges : la page ne déborde pas
# ---------------------------------------------------------------------------------------

def test_chaque_tableau_de_la_synthese_defile_dans_son_cadre(corpus):
    page = corpus.chemin_synthese.read_text(encoding="utf-8")
    style = re.search(r"<style>(.*?)</style>", page, re.DOTALL).group(1)
    regle = re.search(r"\.defilement\{([^}]*)\}", style).group(1)
    assert "overflow-x:auto" in regle and "max-width:100%" in regle
    lecteur = _Page()
    lecteur.feed(page)
    tableaux = [(attributs, pile) for tag, attributs, pile in lecteur.elements
                if tag == "table"]
    assert len(tableaux) >= 6           # à vérifier, remarques, 2 par fiche (2 fiches)
    for _, pile in tableaux:
        parent_tag, parent = pile[-1]
        assert parent_tag == "div" and parent.get("class") == "defilement", pile[-1]
        assert parent.get("role") == "region" and parent.get("aria-label")
        assert parent.get("tabindex") == "0"           # on fait défiler au clavier


def test_les_colonnes_de_questions_ont_un_en_tete_court_et_leur_titre_en_infobulle(corpus):
    page = corpus.chemin_synthese.read_text(encoding="utf-8")
    lecteur = _Page()
    lecteur.feed(page)
    entetes = {texte: attributs for texte, attributs in lecteur.textes_th}
    la_fiche = fiche("partie3_authentification")
    for question in la_fiche.questions:
        assert question.id in entetes, question.id
        assert len(question.id) <= 5
        assert entetes[question.id].get("title") == (question.titre
                                                     or f"Question {question.id}")
