"""L'annuaire : requêtes, recherche sans accents et tableaux pandas en français."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from entsim.etablissement.annuaire import Etablissement, Fonction, Profil
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.etablissement.generation import generer_etablissement


@pytest.fixture(scope="module")
def demo() -> Etablissement:
    return generer_etablissement()


@pytest.fixture(scope="module")
def lycee() -> Etablissement:
    return generer_etablissement(17, 600)


# -- requêtes -----------------------------------------------------------------------

def test_messages_clairs_pour_ce_qui_n_existe_pas(demo):
    with pytest.raises(Introuvable, match="Personne inconnue dans l'annuaire : « lea.martn »"):
        demo.personne("lea.martn")
    with pytest.raises(ValeurInvalide, match="doit être un texte"):
        demo.personne(3)  # type: ignore[arg-type]
    with pytest.raises(Introuvable, match="Classe inconnue : « TSTMG9 »"):
        demo.classe("TSTMG9")


def test_requetes_par_lien(demo):
    assert [e.identifiant for e in demo.enfants_de("sophie.martin")] == ["lea.martin"]
    assert demo.enfants_de("nicolas.durand") == []          # pas un parent
    assert demo.responsables_de("sophie.martin") == []      # pas un élève
    assert demo.est_responsable_de("sophie.martin", "lea.martin")
    assert not demo.est_responsable_de("karim.bernard", "lea.martin")
    assert demo.classes_de("lea.martin") == ["TSTMG1"]
    assert demo.classes_de("isabelle.moreau") == []
    assert "nicolas.durand" in [p.identifiant for p in demo.enseignants_de("TSTMG1")]
    assert len(demo.eleves_de("TSTMG1")) == 12
    assert len(demo.par_profil(Profil.INVITE)) == 2


def test_recherche_sans_accents_ni_majuscules(demo):
    assert [p.identifiant for p in demo.rechercher("lefevre")] == ["philippe.lefevre"]
    assert [p.identifiant for p in demo.rechercher("LÉA MART")] == ["lea.martin"]
    assert "isabelle.moreau" in [p.identifiant for p in demo.rechercher("Moreau")]
    with pytest.raises(ValeurInvalide, match="texte entre guillemets"):
        demo.rechercher(42)  # type: ignore[arg-type]


# -- tableaux -----------------------------------------------------------------------

def test_tableau_personnes(lycee):
    t = lycee.tableau_personnes()
    assert isinstance(t, pd.DataFrame)
    assert list(t.columns) == ["Identifiant", "Prénom", "Nom", "Profil", "Fonctions",
                               "Classes", "Date de naissance", "Courriel"]
    assert len(t) == len(lycee)
    assert t["Identifiant"].is_unique
    assert set(t["Profil"]) == {p.value for p in Profil}
    lea = t.set_index("Identifiant").loc["lea.martin"]
    assert (lea["Prénom"], lea["Profil"], lea["Classes"]) == ("Léa", "Élève", "TSTMG1")
    assert lea["Date de naissance"] == "14/03/2009"      # format français


def test_fonctions_listees_dans_un_ordre_stable(demo):
    t = demo.tableau_personnes().set_index("Identifiant")
    attendu = ", ".join(f.value for f in Fonction
                        if f in demo.personne("claire.fontaine").fonctions)
    assert t.loc["claire.fontaine", "Fonctions"] == attendu
    assert t.loc["claire.fontaine", "Fonctions"].startswith("Administrateur local")
    assert t.loc["philippe.lefevre", "Fonctions"] == "Chef d'établissement"


def test_tableau_eleves(demo):
    t = demo.tableau_eleves()
    assert list(t.columns) == ["Identifiant", "Prénom", "Nom", "Classe", "Niveau",
                               "Date de naissance", "Responsables"]
    assert len(t) == len(demo.eleves())
    lea = t.set_index("Identifiant").loc["lea.martin"]
    assert lea["Responsables"] == "Sophie Martin (Mère)"
    assert lea["Niveau"] == "Terminale"
    avec_age = demo.tableau_eleves(le=date(2026, 9, 1))
    assert list(avec_age.columns) == ["Identifiant", "Prénom", "Nom", "Classe", "Niveau",
                                      "Date de naissance", "Âge", "Responsables"]
    assert avec_age.set_index("Identifiant").loc["lea.martin", "Âge"] == 17
    with pytest.raises(ValeurInvalide, match="date"):
        demo.tableau_eleves(le="1er septembre")  # type: ignore[arg-type]


def test_tableau_classes(lycee):
    t = lycee.tableau_classes()
    assert list(t.columns) == ["Classe", "Libellé", "Niveau", "Série", "Effectif",
                               "Professeur principal", "Enseignants"]
    assert len(t) == len(lycee.classes)
    assert t["Effectif"].sum() == len(lycee.eleves())
    assert (t["Professeur principal"] != "").all()
    assert (t["Enseignants"] >= 8).all()
    tstmg1 = t.set_index("Classe").loc["TSTMG1"]
    assert tstmg1["Professeur principal"] == "Nicolas Durand"
    assert tstmg1["Série"] == "STMG"


def test_tableau_liens_familiaux(demo):
    t = demo.tableau_liens_familiaux()
    assert list(t.columns) == ["Élève", "Nom de l'élève", "Classe", "Responsable",
                               "Nom du responsable", "Lien"]
    assert len(t) == sum(len(e.responsables) for e in demo.eleves())
    haddad = t[t["Responsable"] == "samira.haddad"]
    assert list(haddad["Élève"]) == ["ines.haddad", "yanis.haddad"]
    assert set(haddad["Classe"]) == {"TSTMG1", "2NDE3"}
    assert set(t["Lien"]) <= {"Mère", "Père", "Tuteur", "Tutrice"}


def test_tableau_enseignements(lycee):
    t = lycee.tableau_enseignements()
    assert list(t.columns) == ["Enseignant", "Nom de l'enseignant", "Discipline", "Classe",
                               "Professeur principal"]
    assert len(t) == sum(len(c.enseignements) for c in lycee.classes.values())
    durand = t[(t["Enseignant"] == "nicolas.durand") & (t["Classe"] == "TSTMG1")]
    assert list(durand["Discipline"]) == ["Management, sciences de gestion et numérique, enseignement spécifique SIG"]
    assert durand["Professeur principal"].all()
    principaux = t[t["Professeur principal"]][["Enseignant", "Classe"]].drop_duplicates()
    assert len(principaux) == len(lycee.classes)        # HG et EMC : deux lignes, un seul PP


def test_resume(demo, lycee):
    r = demo.resume()
    assert list(r.columns) == ["Profil", "Comptes"]
    assert list(r["Profil"]) == ["Élève", "Parent", "Enseignant", "Personnel", "Invité",
                                 "Total"]
    comptes = dict(zip(r["Profil"], r["Comptes"]))
    assert comptes["Élève"] == 13 and comptes["Invité"] == 2
    assert comptes["Total"] == len(demo)
    grand = dict(zip(lycee.resume()["Profil"], lycee.resume()["Comptes"]))
    assert grand["Élève"] == 600
    assert grand["Parent"] > grand["Élève"]
    assert grand["Enseignant"] > 20 and grand["Personnel"] > 8


def test_tableaux_d_un_annuaire_vide():
    vide = Etablissement("Lycée vide", "0000000A", "Nulle part", "académie de Test")
    assert list(vide.tableau_personnes().columns)[0] == "Identifiant"
    assert vide.tableau_eleves().empty and vide.tableau_classes().empty
    assert vide.tableau_liens_familiaux().empty and vide.tableau_enseignements().empty
    assert vide.resume()["Comptes"].sum() == 0


def test_tableaux_numerotes_a_partir_de_1(lycee):
    t = lycee.tableau_eleves()
    assert t.index[0] == 1 and t.index[-1] == len(t) and t.index.name == "N°"
