"""Ce que l'élève lit dans les notebooks 04a/04b, relu par une élève et un professeur
(revue ELEVE04) : des phrases françaises là où il y avait des libellés techniques."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from entsim import ENT
from entsim.autorisation.service import PlageHoraire, Regle
from entsim.autorisation.habilitations.conditions import ContexteAcces
from entsim.demonstrations.coulisses_aas import attributs_transmis, tickets_reels
from entsim.demonstrations.mot_de_passe_invente import politique_de_l_ent
from entsim.etablissement.annuaire import Fonction, Profil
from entsim.socle.erreurs import ErreurENT


@pytest.fixture(scope="module")
def ent():
    return ENT.demo()


def test_la_regle_d_horaire_se_lit_comme_une_phrase():
    """Avant : « Autoriser à Élève : lire sur « notes », de 7 h 00 à 21 h 00 »."""
    regle = Regle("élève", "lire", "notes", conditions=PlageHoraire(time(7), time(21)))
    assert regle.libelle == ("Autoriser le profil Élève à lire dans le service « notes », "
                             "de 7 h 00 à 21 h 00")


@pytest.mark.parametrize("qui, actions, attendu", [
    (Fonction.CPE, "lire", "Refuser à la fonction Conseiller principal d'éducation (CPE) de "
                           "lire dans le service « notes »"),
    (Profil.ELEVE, "écrire", "Refuser au profil Élève d'écrire dans le service « notes »"),
    ("tous", "lire", "Refuser à tout le monde de lire dans le service « notes »"),
])
def test_refuser_a_quelqu_un_de_faire(qui, actions, attendu):
    assert Regle(qui, actions, "notes", effet="refuser").libelle == attendu


def test_le_refus_hors_horaire_dit_nous_sommes_lundi():
    condition = PlageHoraire(time(7), time(21))
    raison = condition.raison_echec(ContexteAcces(datetime(2026, 9, 7, 22)))   # un lundi
    assert raison == ("Accès possible seulement de 7 h 00 à 21 h 00 ; nous sommes lundi, "
                      "il est 22 h 00.")


def test_le_nombre_d_essais_pour_deviner_un_ticket_est_ecrit_en_puissance():
    texte = tickets_reels().texte()
    assert "10⁴³ essais" in texte and "^" not in texte


def test_la_specialite_du_professeur_principal_est_msgn_et_sig_son_enseignement_specifique(ent):
    """BRIEF : spécialité « management, sciences de gestion et numérique » (MSGN),
    enseignement spécifique « systèmes d'information de gestion » (SIG)."""
    disciplines = ent.attributs("nicolas.durand")["disciplines"]
    assert disciplines == ["Management, sciences de gestion et numérique, enseignement "
                           "spécifique SIG"]


def test_les_attributs_transmis_sont_un_tableau_en_francais(ent):
    tableau = attributs_transmis(ent, "sophie.martin", "nicolas.durand")
    assert list(tableau.columns) == ["Sophie Martin (Parent)", "Nicolas Durand (Enseignant)"]
    assert {"Prénom", "Établissement (numéro UAI)", "Enfants"} <= set(tableau.index)
    assert tableau.loc["Enfants", "Sophie Martin (Parent)"] == "lea.martin"
    assert tableau.loc["Fonctions", "Sophie Martin (Parent)"] == "(aucune)"
    assert tableau.loc["Enfants", "Nicolas Durand (Enseignant)"] == "—"
    html = tableau.to_html()
    assert "prenom" not in html and "etablissement" not in html


@pytest.mark.parametrize("identifiants", [(), ("zorro.masque",), (3,)])
def test_les_attributs_d_une_personne_inconnue_sont_refuses_en_francais(ent, identifiants):
    with pytest.raises(ErreurENT):
        attributs_transmis(ent, *identifiants)


def test_la_politique_de_mot_de_passe_est_une_liste_html(ent):
    """Avant : du texte imprimé à largeur fixe, coupé au milieu des mots (« spé / ciaux »)."""
    resultat = politique_de_l_ent(ent)
    html = resultat._repr_html_()
    assert html.count("<li>") == len(ent.authentification.politique.aides()) >= 5
    assert "caractères spéciaux" in html
