"""Identifiants ENT « prenom.nom » et repliement des accents."""

from __future__ import annotations

import pytest

from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.etablissement.identifiants import (GenerateurIdentifiants, est_identifiant_valide,
                                 forme_identifiant, replier)


@pytest.mark.parametrize("texte, attendu", [
    ("Lefèvre", "lefevre"),
    ("HÉLÈNE Çà", "helene ca"),
    ("Œuvre cœur", "oeuvre coeur"),
    ("Æsa", "aesa"),
    ("Strauß", "strauss"),
    ("Zoë Noël", "zoe noel"),
    ("Şahin Wiśniewski", "sahin wisniewski"),
    ("déjà-vu 2026 !", "deja-vu 2026 !"),
    ("", ""),
])
def test_replier_plie_accents_et_ligatures(texte, attendu):
    assert replier(texte) == attendu


def test_replier_refuse_un_non_texte_en_francais():
    with pytest.raises(ValeurInvalide, match="texte entre guillemets"):
        replier(42)  # type: ignore[arg-type]


@pytest.mark.parametrize("prenom, nom, attendu", [
    ("Léa", "Martin", "lea.martin"),
    ("Jean-Pierre", "Dupont", "jean-pierre.dupont"),
    ("Marie-Ève", "Le Gall", "marie-eve.legall"),
    ("Chloé", "D'Angelo", "chloe.dangelo"),
    ("Chloé", "D’Angelo", "chloe.dangelo"),          # apostrophe typographique
    ("Awa", "N'Diaye", "awa.ndiaye"),
    ("Rafael", "Da Silva", "rafael.dasilva"),
    ("Sofia", "Bernard-Le Goff", "sofia.bernard-legoff"),
    ("  Noé ", " Lefèvre  ", "noe.lefevre"),
    ("Jean – Luc", "Saint-Martin", "jean-luc.saint-martin"),   # tiret typographique
    ("Anne--Laure", "Roux", "anne-laure.roux"),
    ("Œdipe", "Æbischer", "oedipe.aebischer"),
    ("Emir", "Öztürk", "emir.ozturk"),
])
def test_forme_identifiant(prenom, nom, attendu):
    assert forme_identifiant(prenom, nom) == attendu
    assert est_identifiant_valide(attendu)


@pytest.mark.parametrize("prenom, nom, extrait", [
    ("", "Martin", "ne peut pas être vide"),
    ("   ", "Martin", "ne peut pas être vide"),
    ("Léa", "", "ne peut pas être vide"),
    (None, "Martin", "doit être un texte"),
    ("Léa", 42, "doit être un texte"),
    ("Léa2", "Martin", "chiffres"),
    ("李", "Wang", "alphabet latin"),
    ("Алёна", "Petrova", "alphabet latin"),
    ("Léa", "Martin 🙂", "caractères non autorisés"),
    ("Léa", "Mar@tin", "caractères non autorisés"),
    ("'-'", "Martin", "aucune lettre"),
    ("Léa", "M" * 61, "trop long"),
])
def test_entrees_absurdes_donnent_un_message_francais(prenom, nom, extrait):
    with pytest.raises(ValeurInvalide) as info:
        forme_identifiant(prenom, nom)
    assert isinstance(info.value, ErreurENT)
    assert extrait in str(info.value)


def test_collisions_numerotees():
    g = GenerateurIdentifiants()
    assert [g.generer("Léa", "Martin") for _ in range(3)] == [
        "lea.martin", "lea.martin2", "lea.martin3"]
    # même nom une fois les accents repliés : même identifiant de base
    assert g.generer("Lea", "MARTIN") == "lea.martin4"
    assert g.generer("Léo", "Martin") == "leo.martin"
    assert len(g) == 5
    assert g.est_pris("lea.martin2") and "lea.martin3" in g
    assert not g.est_pris("lea.martin5")


def test_reserver_des_identifiants_existants():
    g = GenerateurIdentifiants(["lea.martin", "lea.martin2"])
    assert g.generer("Léa", "Martin") == "lea.martin3"
    g.reserver("hugo.bernard")
    assert g.generer("Hugo", "Bernard") == "hugo.bernard2"
    with pytest.raises(ValeurInvalide, match="déjà pris"):
        g.reserver("hugo.bernard")
    with pytest.raises(ValeurInvalide, match="forme d'un identifiant"):
        g.reserver("Hugo Bernard")


def test_un_numero_deja_reserve_est_saute():
    g = GenerateurIdentifiants(["lea.martin2"])
    assert g.generer("Léa", "Martin") == "lea.martin"
    assert g.generer("Léa", "Martin") == "lea.martin3"


@pytest.mark.parametrize("identifiant, valide", [
    ("lea.martin", True),
    ("lea.martin2", True),
    ("lea.martin10", True),
    ("jean-pierre.le-gall", True),
    ("lea.martin1", False),        # la numérotation commence à 2
    ("lea.martin02", False),
    ("Lea.Martin", False),
    ("léa.martin", False),
    ("leamartin", False),
    ("lea..martin", False),
    ("-lea.martin", False),
    ("lea.martin-", False),
    (42, False),
])
def test_motif_des_identifiants(identifiant, valide):
    assert est_identifiant_valide(identifiant) is valide
