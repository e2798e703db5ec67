"""Propriétés de l'explication française des erreurs : quoi que tape l'élève, l'explication
existe, est en français, et son encadré HTML n'interprète jamais son texte.

Si l'explication échouait, le gestionnaire reviendrait au message anglais d'IPython
(tests/test_erreurs_explications.py) : ces cas tirés au hasard montrent qu'elle n'échoue pas.
"""

from __future__ import annotations

import linecache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entsim.widgets.erreurs import expliquer
from entsim.widgets.erreurs.rendu import en_html
from proprietes import compter, exemples

pytestmark = pytest.mark.lent

#: Des morceaux de lignes qu'un élève tape (et ce qu'un copier-coller y glisse).
MORCEAUX = ["reponse_q1", " = ", "==", "(", ")", "[", "]", "{", "}", '"', "'", ":", ",",
            "\n", "    ", "\t", "if ", "for ", "print", "None", "« ", " »", "’", "08", "3x",
            "<script>", "&amp;", "é", "\u00a0", "\u202e", "1/0", "ent.", "[5]", "+ 1", "def "]


def executer(source: str) -> BaseException | None:
    linecache.cache["<cellule>"] = (len(source), None, source.splitlines(True), "<cellule>")
    try:
        exec(compile(source, "<cellule>", "exec"), {"__builtins__": {"print": lambda *a: None}})
    except (SyntaxError, ValueError, NameError, TypeError, AttributeError, KeyError,
            IndexError, ZeroDivisionError, ImportError) as erreur:
        return erreur
    return None


@settings(max_examples=exemples(400))
@given(st.lists(st.sampled_from(MORCEAUX), min_size=1, max_size=12).map("".join))
def test_toute_cellule_fautive_recoit_une_explication_francaise(source):
    erreur = executer(source)
    if erreur is None:
        return
    compter("erreurs : cellule fautive expliquée")
    explication = expliquer(erreur, ["reponse_q1a", "ent"])
    assert explication.titre and explication.phrases
    assert explication.message_original.startswith(type(erreur).__name__)
    html = en_html(explication)
    assert "<script>" not in html                   # le texte de l'élève est échappé
    assert html.count("<div") == html.count("</div>") == 1
    assert explication.texte.startswith("⚠ ")
    if explication.debut is not None:               # l'endroit souligné est dans la ligne
        assert 1 <= explication.debut <= len(explication.ligne) + 1
