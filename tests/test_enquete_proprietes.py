"""Propriété du fichier de l'enquête (question 6) : toute réponse valide, enregistrée puis
relue, revient identique — accents, « guillemets », points-virgules, retours à la ligne,
émojis, textes qui ressemblent à des formules de tableur ou à des commentaires compris —
et la fusion de deux copies du même fichier ne compte chaque réponse qu'une fois."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entsim.enquete import (ACTEURS, AFFIRMATIONS, FREQUENCES, MOMENTS, NIVEAUX_ACCORD, Reponse,
                            charger, enregistrer, fusionner, options_fonctionnalites, questionnaire)
from entsim.enquete.questionnaire import AUTRE_MAX, GROUPE_MAX, JAMAIS
from entsim.socle.caracteres import caractere_interdit
from proprietes import compter, exemples

pytestmark = pytest.mark.lent

#: Des caractères de tous les jours et les pièges d'un CSV ouvert dans Excel.
_PIEGES = st.sampled_from(list("éèàçÉœ«»;,\"'=+-@#|\t\n ") + ["😀", "\u00a0", "\u202f", "€"])
_LETTRES = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp"))


def _texte(maximum: int, *, multiligne: bool):
    caracteres = st.one_of(_PIEGES, _LETTRES)
    if not multiligne:
        caracteres = caracteres.filter(lambda c: c not in "\n\t")

    def valide(texte: str) -> bool:
        return bool(texte.strip()) and caractere_interdit(texte, multiligne=multiligne) is None

    return st.text(caracteres, min_size=1, max_size=min(maximum, 80)).filter(valide)


@st.composite
def reponses(draw, numero: int):
    acteur = draw(st.sampled_from(ACTEURS))
    frequence = draw(st.sampled_from(FREQUENCES))
    services = draw(st.lists(st.sampled_from(options_fonctionnalites(acteur)), max_size=4))
    if not services and frequence != JAMAIS:
        services = [options_fonctionnalites(acteur)[0]]
    q = questionnaire(acteur)
    return Reponse(
        groupe=draw(_texte(GROUPE_MAX, multiligne=False)),
        enqueteurs=draw(_texte(GROUPE_MAX, multiligne=False)),
        date=draw(st.dates(date(1900, 1, 1), date(2999, 12, 31))), acteur=acteur, numero=numero, consentement=True,
        fonctionnalites=services, frequence=frequence,
        fonctionnalites_autres=draw(st.one_of(st.just(""), _texte(AUTRE_MAX, multiligne=False))),
        moments=draw(st.lists(st.sampled_from(MOMENTS), max_size=3)),
        accords={c: draw(st.sampled_from(NIVEAUX_ACCORD)) for c in AFFIRMATIONS},
        evolutions=draw(_texte(200, multiligne=True)),
        avantages=draw(_texte(200, multiligne=True)),
        limites=draw(_texte(200, multiligne=True)),
        avantages_themes=draw(st.lists(st.sampled_from(q.question("avantages_themes").options),
                                       max_size=2)),
        limites_themes=draw(st.lists(st.sampled_from(q.question("limites_themes").options),
                                     max_size=2)),
    )


@settings(max_examples=exemples(200))
@given(st.lists(st.integers(1, 9999), min_size=1, max_size=4, unique=True).flatmap(
    lambda numeros: st.tuples(*(reponses(n) for n in numeros))))
def test_enregistrer_puis_charger_rend_les_memes_reponses(liste):
    compter("enquête : aller-retour CSV")
    liste = list({r.identifiant: r for r in liste}.values())
    with tempfile.TemporaryDirectory() as dossier:
        fichier = enregistrer(liste, Path(dossier) / "groupe.csv")
        assert charger(fichier) == liste
        copie = Path(dossier) / "copie.csv"
        copie.write_bytes(fichier.read_bytes())
        fusion = fusionner([fichier, copie])
        assert list(fusion.reponses) == liste and fusion.doublons == len(liste) and fusion.ok
