"""L'explication française des erreurs de Python, sans noyau (issue 16, § 2).

Les erreurs sont de vraies erreurs produites par l'interpréteur qui fait tourner les tests ;
quelques messages propres à d'autres versions de Python (3.10 à 3.13) sont fabriqués tels
que ces versions les écrivent.
"""

from __future__ import annotations

import linecache

import pytest

from entsim.widgets.erreurs import expliquer
from entsim.widgets.erreurs.commun import nom_proche
from entsim.widgets.erreurs.rendu import en_html


def erreur_de(source: str, noms: dict | None = None) -> BaseException:
    """L'erreur que lève ``source`` exécutée comme une cellule nommée ``<cellule>``."""
    linecache.cache["<cellule>"] = (len(source), None, source.splitlines(True), "<cellule>")
    espace = dict(noms or {})
    try:
        exec(compile(source, "<cellule>", "exec"), espace)
    except BaseException as erreur:  # noqa: BLE001 - c'est l'erreur qu'on veut expliquer
        return erreur
    raise AssertionError(f"aucune erreur pour {source!r}")


def explication(source: str, noms: dict | None = None):
    return expliquer(erreur_de(source, noms), list(noms or {}))


@pytest.mark.parametrize(("source", "code"), [
    ('print("Bonjour"', "parenthese_non_fermee"),
    ("liste = [1, 2", "parenthese_non_fermee"),
    ('print("a"))', "parenthese_en_trop"),
    ("x = [1, 2)", "parentheses_melangees"),
    ('reponse = "ENT', "guillemet_non_ferme"),
    ("reponse = '''ENT", "guillemet_non_ferme"),
    ("if x == 1\n    pass", "deux_points_manquants"),
    ("for i in range(3)\n    print(i)", "deux_points_manquants"),
    ("if x = 1:\n    pass", "egal_au_lieu_de_egal_egal"),
    ('"réponse" = x', "egal_au_lieu_de_egal_egal"),
    ("f(a b)", "virgule_oubliee"),
    ("reponse = «ENT»", "caractere_invalide"),
    ("reponse = ’ENT’", "caractere_invalide"),
    ("heure = 08", "zero_en_tete"),
    ('print "a"', "parentheses_appel"),
    ("x = 1\n  y = 2", "decalage_inattendu"),
    ("if True:\nprint(1)", "bloc_non_decale"),
    ("if True:\n    a = 1\n  b = 2", "decalage_incoherent"),
    ("if True:\n\ta = 1\n        b = 2", "tabulations_et_espaces"),
    ("x = 1 2", "syntaxe"),
    ("reponse_q1 = None\nreponse_q1.upper()", "attribut_de_none"),
    ("reponse = None\nreponse[0]", "pas_indexable"),
    ("f = None\nf()", "none_appele"),
    ("'ENT' + 3", "texte_plus_nombre"),
    ("3 + 'ENT'", "texte_plus_nombre"),
    ("None + 3", "operation_impossible"),
    ("len()", "nombre_d_arguments"),
    ("def f(a):\n    return a\nf(a=1, b=2)", "nombre_d_arguments"),
    ("for x in 3:\n    pass", "pas_parcourable"),
    ("{'a': 1}['b']", "cle_inconnue"),
    ("[][0]", "position_inexistante"),
    ("'abc'[5]", "position_inexistante"),
    ("1 // 0", "division_par_zero"),
    ("1.5 / 0", "division_par_zero"),
    ("float('2,5')", "conversion_impossible"),
    ("a, b = 1, 2, 3", "deballage"),
    ("import pandass", "module_introuvable"),
    ("from math import racine", "nom_absent_du_module"),
    ("import math\nmath.racine(4)", "attribut_inconnu"),
    ("assert 1 == 2, 'la note doit être sur 20'", "verification_echouee"),
    ("raise RuntimeError('autre')", "erreur"),
])
def test_chaque_cas_courant_a_son_explication(source, code):
    e = explication(source)
    assert e.code == code
    assert e.titre and e.phrases
    assert all(p.strip() and (p[0].isupper() or p[0] == "«") and p.rstrip()[-1] in ".?!»)" for p in e.phrases), e
    assert e.message_original.split(":")[0] == e.type_erreur


def test_mauvais_arguments_d_une_classe_nomment_la_classe():
    e = explication("class Portail:\n    def __init__(self, ent):\n        pass\nPortail()")
    assert e.titre == "Mauvais arguments pour « Portail() »"


def test_nom_inconnu_propose_le_nom_le_plus_proche_et_la_cellule_a_executer():
    e = explication("print(reponse_q1)", {"reponse_q1a": "ENT", "reponse_q2": None})
    assert e.titre == "Le nom « reponse_q1 » n'est pas défini"
    assert any("Vouliez-vous écrire « reponse_q1a » ?" in p for p in e.phrases)
    assert any("exécutez d'abord la cellule qui le définit" in p for p in e.phrases)
    assert e.ligne == "print(reponse_q1)" and e.numero_ligne == 1


@pytest.mark.parametrize(("tape", "connus", "propose"), [
    ("réponse_q1", ["reponse_q1", "reponse_q2"], "reponse_q1"),     # un accent en trop
    ("Reponse_Q1", ["reponse_q1"], "reponse_q1"),                   # des majuscules
    ("ent", ["ENT", "ent2"], "ENT"),
    ("pirnt", ["print", "len"], "print"),
    ("zzz", ["reponse_q1", "print"], None),                         # rien de proche
])
def test_nom_proche(tape, connus, propose):
    assert nom_proche(tape, connus) == propose


def test_l_endroit_souligne_compte_les_lettres_accentuees():
    # Python donne la colonne en octets UTF-8 ; « é » et « à » en font deux chacun
    e = explication('print("Élèves à inscrire :", nombre_eleve)', {"nombre_eleves": 35})
    assert e.ligne[e.debut - 1:e.fin - 1] == "nombre_eleve"
    assert en_html(e).count("<u ") == 1 and ">nombre_eleve</u>" in en_html(e)


@pytest.mark.parametrize(("source", "conseil"), [
    ("reponse = true", "« True »"),                                  # vrai/faux à la française
    ("profil = Parent", 'mettez-le entre guillemets : "Parent"'),     # un texte sans guillemets
    ("ent = ENT.demo()", "from entsim import ENT"),                   # l'importation oubliée
    ("note = float('12,5')", "2.5 et non 2,5"),                       # la virgule décimale
])
def test_conseils_des_fautes_frequentes(source, conseil):
    assert any(conseil in p for p in explication(source).phrases)


def test_la_ligne_concernee_est_celle_de_la_cellule_meme_si_l_erreur_vient_de_plus_loin():
    # l'erreur naît dans une fonction d'une bibliothèque (json) : on montre la ligne de l'élève
    e = explication("import json\nx = 1\njson.loads('{cle: 1}')")
    assert e.numero_ligne == 3 and e.ligne == "json.loads('{cle: 1}')"
    assert any(d.startswith("Cette cellule, ligne 3 : json.loads") for d in e.details)
    assert any("json/" in d for d in e.details)                     # la pile pour le professeur


def test_erreur_de_l_ent_courte_et_sans_pile():
    from entsim.etablissement.annuaire import profil_depuis

    with pytest.raises(Exception) as info:
        profil_depuis("Pirate")
    e = expliquer(info.value)
    assert e.code == "erreur_ent"
    assert e.phrases == (str(info.value),) and not e.details


@pytest.mark.parametrize(("classe", "message", "code"), [
    # messages tels que les écrivent d'autres versions de Python que celle des tests
    (SyntaxError, "'(' was never closed", "parenthese_non_fermee"),                     # 3.10+
    (SyntaxError, "unterminated string literal (detected at line 3)", "guillemet_non_ferme"),
    (SyntaxError, "EOL while scanning string literal", "guillemet_non_ferme"),           # 3.9
    (SyntaxError, "expected ':'", "deux_points_manquants"),
    (SyntaxError, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
     "egal_au_lieu_de_egal_egal"),
    (SyntaxError, "cannot assign to function call here. Maybe you meant '==' instead of '='?",
     "egal_au_lieu_de_egal_egal"),
    (SyntaxError, "invalid character '«' (U+00AB)", "caractere_invalide"),
    (SyntaxError, "invalid non-printable character U+00A0", "caractere_invalide"),
    (SyntaxError, "un message que personne ne connaît", "syntaxe"),
    (IndentationError, "expected an indented block after 'for' statement on line 1",
     "bloc_non_decale"),
])
def test_messages_des_autres_versions(classe, message, code):
    erreur = classe(message, ("<cellule>", 1, 1, "x\n", 1, 2))
    assert expliquer(erreur).code == code


def test_encadre_html_echappe_le_code_de_l_eleve():
    e = explication('print("<script>alert(1)</script>"')
    html = en_html(e)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Détails pour le professeur" in html
    assert "SyntaxError: &#x27;(&#x27; was never closed" in html     # l'anglais, replié


def test_texte_brut_garde_le_message_de_python():
    e = explication("1 / 0")
    assert e.texte.startswith("⚠ Division par zéro")
    assert "(Message de Python : ZeroDivisionError: division by zero)" in e.texte


def test_hors_ipython_rien_n_est_installe():
    from entsim.widgets.erreurs import installer_erreurs_en_francais

    assert installer_erreurs_en_francais() is False


def test_si_l_explication_echoue_python_montre_son_erreur_d_origine(monkeypatch, capsys):
    from IPython.core.interactiveshell import InteractiveShell

    from entsim.widgets.erreurs import installer_erreurs_en_francais
    from entsim.widgets.erreurs import noyau

    shell = InteractiveShell.instance()
    try:
        assert installer_erreurs_en_francais(shell) is True
        shell.run_cell("1 / 0")
        assert "Division par zéro" in capsys.readouterr().out

        def en_panne(*args, **kwargs):
            raise RuntimeError("panne")

        monkeypatch.setattr(noyau, "expliquer", en_panne)
        resultat = shell.run_cell("1 / 0")
        sortie = capsys.readouterr().out
        assert resultat.error_in_exec is not None
        assert "ZeroDivisionError" in sortie and "Traceback" in sortie
        assert "Division par zéro" not in sortie
        resultat = shell.run_cell("print(")
        assert "SyntaxError" in capsys.readouterr().out
    finally:
        from entsim.widgets.erreurs import desinstaller_erreurs_en_francais

        desinstaller_erreurs_en_francais(shell)
        InteractiveShell.clear_instance()
