"""Les valeurs citées dans un message (``entsim.socle.texte.cite``, ``extrait``, ``nature``)
sont écrites en français, jamais par leur représentation Python (issue 10, section 7 de la
revue d'attaque) : ni ``<object object at 0x…>``, ni ``('lea.martin',)``, ni ``b'ab'``, ni
``nan``, ni ``1e+308``, ni ``0001-01-01 00:00:00``, ni « NoneType »."""

from __future__ import annotations

import math
from datetime import date, datetime, time

import pytest

from entsim.socle.erreurs import ValeurInvalide, verifier_entier, verifier_texte
from entsim.socle.saisie import date_saisie, instant_saisi
from entsim.socle.texte import cite, extrait, nature


class Bizarre:
    """Une classe d'élève dont l'écriture échoue."""

    def __str__(self) -> str:
        raise RuntimeError("boum")


class Muette:
    """Une classe d'élève sans écriture propre (``str`` donne ``<…Muette object at 0x…>``)."""


def _fonction():
    return None


@pytest.mark.parametrize("valeur, attendu", [
    (object(), "un objet Python (object)"),
    (Bizarre(), "un objet Python (Bizarre)"),
    (Muette(), "un objet Python (Muette)"),
    (print, "une fonction"),
    (_fonction, "une fonction"),
    (lambda: 1, "une fonction"),
    (Muette, "une classe"),
    (("lea.martin",), "un tuple de 1 élément"),
    (("a", "b"), "un tuple de 2 éléments"),
    (["a", "b"], "une liste de 2 éléments"),
    ([], "une liste vide"),
    ({"a"}, "un ensemble de 1 élément"),
    ({"a": 1}, "un dictionnaire de 1 entrée"),
    (b"ab", "des octets"),
    (1j, "un nombre complexe"),
    (math.nan, "un nombre non défini (NaN)"),
    (math.inf, "l'infini"),
    (-math.inf, "moins l'infini"),
    (1e308, "un nombre décimal démesuré"),
    ((x for x in "ab"), "un générateur"),
    (None, "(aucune valeur)"),
])
def test_une_valeur_qui_n_est_pas_un_texte_est_decrite_en_francais(valeur, attendu):
    """Avant : « <object object at 0x7f…> », « <built-in function print> »,
    « ('lea.martin',) », « {'a'} », « b'ab' », « 1j », « nan », « inf », « 1e+308 »,
    « une valeur de type Bizarre », « <generator object <genexpr> at 0x…> »."""
    assert cite(valeur) == attendu
    assert "0x" not in extrait(valeur) and "<" not in extrait(valeur)


@pytest.mark.parametrize("valeur, attendu", [
    (12.5, "« 12,5 »"),
    (-0.0, "« 0 »"),
    (3.0, "« 3 »"),
    (0.001, "« 0,001 »"),
    (123456.75, "« 123\u202f456,75 »"),
    (200000, "« 200\u202f000 »"),
    (-1234567, "« -1\u202f234\u202f567 »"),
    (2026, "« 2026 »"),            # quatre chiffres : pas d'espace (les années)
    (True, "« True »"),
    (False, "« False »"),
    ("zz", "« zz »"),
    (date(1, 1, 1), "« 01/01/0001 »"),
    (datetime(1, 1, 1), "« 01/01/0001 à 00:00 »"),
    (datetime(2026, 9, 14, 8, 5), "« 14/09/2026 à 08:05 »"),
    (time(8, 5), "« 08:05 »"),
])
def test_un_nombre_ou_une_date_est_ecrit_a_la_francaise(valeur, attendu):
    """Avant : « -0.0 », « 123456.75 », « 200000 », « 0001-01-01 00:00:00 »."""
    assert cite(valeur) == attendu


@pytest.mark.parametrize("valeur, attendu", [
    (None, "rien (None)"), (3, "un nombre entier"), (3.5, "un nombre décimal"),
    ([1], "une liste"), (("a",), "un tuple"), ({"a": 1}, "un dictionnaire"),
    ({1}, "un ensemble"), ("a", "un texte"), (True, "un booléen (True ou False)"),
    (b"a", "des octets"), (print, "une fonction"), (Muette(), "un objet Python (Muette)"),
    (date(2026, 1, 1), "une date"), (datetime(2026, 1, 1), "une date et heure"),
])
def test_nature_d_une_valeur_en_francais(valeur, attendu):
    assert nature(valeur) == attendu


@pytest.mark.parametrize("valeur, attendu", [
    (None, "(reçu : rien (None))"), (3, "(reçu : un nombre entier)"),
    (["a"], "(reçu : une liste)"),
])
def test_verifier_texte_ne_montre_pas_le_nom_python_du_type(valeur, attendu):
    """Avant : « (reçu : NoneType) », « (reçu : int) », « (reçu : list) »."""
    with pytest.raises(ValeurInvalide) as erreur:
        verifier_texte(valeur, "poste")
    message = str(erreur.value)
    assert message.endswith(attendu + "."), message
    assert '"' not in message            # ni guillemets droits ni exemple « "exemple" »


def test_verifier_entier_cite_une_liste_en_francais():
    with pytest.raises(ValeurInvalide) as erreur:
        verifier_entier(("a", "b"), "numéro")
    assert "(reçu : un tuple de 2 éléments)" in str(erreur.value)


def test_une_date_de_l_an_1_est_citee_avec_quatre_chiffres():
    """Avant : « (reçu : « 01/01/1 ») » (``%Y`` n'écrit pas les zéros de tête)."""
    with pytest.raises(ValeurInvalide) as erreur:
        date_saisie(date(1, 1, 1), "le")
    assert "(reçu : « 01/01/0001 »)" in str(erreur.value)
    with pytest.raises(ValeurInvalide) as erreur:
        instant_saisi(datetime(1, 1, 1), "le")
    assert "(reçu : « 01/01/0001 à 00:00 »)" in str(erreur.value)


def test_un_texte_trop_long_groupe_les_chiffres():
    """Avant : « 200001 caractères pour 200000 au plus »."""
    from entsim.socle.saisie import texte_saisi
    with pytest.raises(ValeurInvalide) as erreur:
        texte_saisi("x" * 200_001, "contenu", maximum=200_000)
    assert "200\u202f001 caractères pour 200\u202f000 au plus" in str(erreur.value)


def _appels_qui_disaient_le_type_python():
    from entsim.authentification.hachage import verifier_mot_de_passe_saisi
    from entsim.authentification.mots_de_passe.entropie import verifier_mdp
    from entsim.authentification.preuves.commun import en_octets, en_utc, verifier_horloge
    from entsim.demonstrations.commun import exiger_ent
    from entsim.diagrammes.sso.textes import abreger
    from entsim.etablissement.identifiants import replier
    return {
        "replier": lambda v: replier(v),
        "mot de passe saisi": lambda v: verifier_mot_de_passe_saisi(v),
        "entropie": lambda v: verifier_mdp(v),
        "instant d'une preuve": lambda v: en_utc(v),
        "données d'une preuve": lambda v: en_octets(v),
        "horloge d'une preuve": lambda v: verifier_horloge(v),
        "abréger": lambda v: abreger(v),
        "ENT d'une démonstration": lambda v: exiger_ent(v, "DemonstrationSSO(ent)"),
    }


@pytest.mark.parametrize("sorte", sorted(_appels_qui_disaient_le_type_python()))
def test_les_messages_disent_la_nature_en_francais(sorte):
    """Avant : « (reçu : int) », « (reçu : list) », « (reçu : NoneType) »."""
    appel = _appels_qui_disaient_le_type_python()[sorte]
    for valeur, attendu in ((3, "un nombre entier"), (["a"], "une liste"),
                            (None, "rien (None)")):
        if sorte == "données d'une preuve" and valeur == ["a"]:
            continue                     # une liste d'octets est acceptée
        with pytest.raises(ValeurInvalide) as erreur:
            appel(valeur)
        assert f"(reçu : {attendu})" in str(erreur.value), str(erreur.value)


def test_un_schema_qui_n_est_pas_un_texte_dit_sa_nature():
    from entsim.diagrammes.rendu import rendre_svg
    with pytest.raises(ValeurInvalide) as erreur:
        rendre_svg(42)
    assert "reçu : un nombre entier" in str(erreur.value)


def test_un_grand_entier_cite_n_est_pas_coupe_au_milieu():
    """Les espaces de groupement ne doivent pas faire couper un nombre de 60 chiffres."""
    assert "…" not in cite(10 ** 59) and cite(10 ** 59).endswith("000 »")


def test_decimal_et_partial_sont_decrits():
    from decimal import Decimal
    from functools import partial
    assert cite(Decimal("1.25")) == "« 1,25 »" and nature(Decimal("1")) == "un nombre décimal"
    assert cite(partial(print)) == "une fonction"
