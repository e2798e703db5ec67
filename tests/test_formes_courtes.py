"""Les formes courtes des réponses (issue 16, § 2) : chaque consigne montre la forme en une
ligne que la correction accepte, cette forme a tous les points, et la médiane du nombre de
lignes écrites par cellule de réponse, sur toutes les fiches corrigées, reste ≤ 1,5."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest

from entsim.questions.types_de_questions import (QCM, Classement, MiseEnOrdre, Numerique,
                                                 QuestionOuverte)
from entsim_corrige import fiche_corrigee, fiches_disponibles

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE / "outils"))

from lignes_par_reponse import lignes_par_reponse  # noqa: E402

QUESTIONS = [(fid, q) for fid in fiches_disponibles() for q in fiche_corrigee(fid).questions]


def test_la_mediane_des_lignes_par_reponse_est_d_au_plus_une_ligne_et_demie(capsys):
    lignes = lignes_par_reponse()
    assert len(lignes) == len(QUESTIONS)
    mediane = statistics.median(lignes.values())
    with capsys.disabled():
        print(f"\nMédiane des lignes par cellule de réponse (solutions/) : {mediane:g}")
    assert mediane <= 1.5
    # les classements, les QCM et les nombres tiennent en une ligne dans le corrigé
    for fid, q in QUESTIONS:
        if isinstance(q, (QCM, Classement, MiseEnOrdre, Numerique)):
            assert lignes[f"{fid}/{q.id}"] == 1, (fid, q.id)


def _forme_courte(q) -> tuple[str, object] | None:
    """(ce que la consigne doit montrer, la réponse courte correspondante) ou None."""
    bonne = q.exemple_de_reponse()
    if isinstance(q, Classement) and q.lettres:
        return "en une ligne", "".join(bonne.values())
    if isinstance(q, QCM) and q.multiple:
        return '`"AC"`', "".join(q.bonnes)
    if isinstance(q, QCM):
        return '`"B"`', q.bonnes[0].lower()
    if isinstance(q, MiseEnOrdre):
        return "en une ligne", "".join(bonne)
    if isinstance(q, Numerique) and q.unite and q.unite_dans_consigne:
        return f'"12 {q.unite}"', f"{bonne} {q.unite}"
    if isinstance(q, Numerique):
        return "`12`", str(bonne)
    return None


@pytest.mark.parametrize("fid,q", QUESTIONS, ids=[f"{f}-{q.id}" for f, q in QUESTIONS])
def test_chaque_consigne_montre_une_forme_courte_acceptee(fid, q):
    forme = _forme_courte(q)
    if forme is None:   # définitions, questions rédigées, tableaux, lignes de code à modifier
        assert "`" in q.consigne().split("\n")[-1], "la dernière ligne montre la forme attendue"
        return
    montre, reponse = forme
    assert montre in q.consigne()
    assert q.corriger(reponse).juste, (fid, q.id, reponse)


def test_le_tableau_libre_de_la_question_2_s_ecrit_en_une_ligne():
    q = fiche_corrigee("partie1").question("q2")
    assert isinstance(q, QuestionOuverte) and "Une ligne suffit" in q.consigne()
    c = q.corriger("Cahier de textes : le soir, pour le travail à faire ; Messagerie : pour "
                   "écrire à mon professeur ; Notes : après un contrôle")
    assert c.statut == "manuel" and c.details == ()
