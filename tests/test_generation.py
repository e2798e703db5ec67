"""Génération d'un lycée : reproductibilité, tailles, personnages, liens, enseignements."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from entsim.socle import donnees
from entsim.socle.aleatoire import SourceAleatoire
from entsim.etablissement.annuaire import (Eleve, Enseignant, Etablissement, Fonction, Invite, Parent,
                             Personnel, Profil)
from entsim.socle.erreurs import ValeurInvalide
from entsim.etablissement.generation import (CLASSE_DEMO, DOMAINE_ENT, EFFECTIF_DEMO, PERSONAS,
                               SERVICE_ENSEIGNANT, cle_uai, generer_etablissement, repartir)
from entsim.etablissement.identifiants import est_identifiant_valide, forme_identifiant


@pytest.fixture(scope="module")
def demo() -> Etablissement:
    return generer_etablissement()


@pytest.fixture(scope="module")
def grand() -> Etablissement:
    return generer_etablissement(2026, 2000)


@pytest.fixture(scope="module")
def moyen() -> Etablissement:
    return generer_etablissement(11, 450)


def _ident(role: str) -> str:
    return PERSONAS[role].identifiant


# -- reproductibilité -----------------------------------------------------------------

def test_meme_graine_meme_lycee():
    a, b = generer_etablissement(5, 400), generer_etablissement(5, 400)
    assert a == b                                    # chaque attribut de chaque personne
    assert a.tableau_personnes().equals(b.tableau_personnes())
    assert generer_etablissement(5) == generer_etablissement(5)


def test_graines_differentes_lycees_differents():
    a, b = generer_etablissement(1, 400), generer_etablissement(2, 400)
    assert a != b
    assert set(a.personnes) != set(b.personnes)
    # en démonstration, les personnages restent, les autres élèves changent
    d1, d2 = generer_etablissement(1), generer_etablissement(2)
    assert _ident("eleve") in d1.personnes and _ident("eleve") in d2.personnes
    assert d1.classe(CLASSE_DEMO).eleves != d2.classe(CLASSE_DEMO).eleves


def test_la_source_de_l_ent_donne_le_meme_lycee_que_sa_graine():
    source = SourceAleatoire(9)
    source.generateur("annuaire").random()        # un autre tirage ne change rien
    premier = generer_etablissement(taille=300, source=source)
    assert premier == generer_etablissement(9, 300)
    assert generer_etablissement(taille=300, source=source) == premier   # réinitialisation
    assert premier.graine == 9


def test_deux_graines_contradictoires_sont_refusees():
    with pytest.raises(ValeurInvalide, match="Deux graines différentes"):
        generer_etablissement(3, source=SourceAleatoire(4))
    with pytest.raises(ValeurInvalide, match="SourceAleatoire"):
        generer_etablissement(source=42)  # type: ignore[arg-type]


def test_le_hasard_global_n_est_pas_utilise():
    random.seed(123)
    etat = random.getstate()
    generer_etablissement(8, 300)
    assert random.getstate() == etat


def test_graine_invalide():
    with pytest.raises(ValeurInvalide, match="graine"):
        generer_etablissement("abc")  # type: ignore[arg-type]


# -- tailles ------------------------------------------------------------------------

@pytest.mark.parametrize("taille", [1, 2, 3, 10, 35, 36, 120, 999, 3000])
def test_nombre_d_eleves_demande(taille):
    lycee = generer_etablissement(4, taille)
    assert len(lycee.eleves()) == taille
    assert sum(len(c.eleves) for c in lycee.classes.values()) == taille


@pytest.mark.parametrize("taille, extrait", [
    (0, "entre 1 et 3000"),
    (-5, "entre 1 et 3000"),
    (3001, "entre 1 et 3000"),
    (12.5, "nombre entier"),
    (True, "nombre entier"),
    (None, "nombre entier"),
    ("grand", "Taille inconnue"),
    ("", "Taille inconnue"),
])
def test_tailles_absurdes_refusees_en_francais(taille, extrait):
    with pytest.raises(ValeurInvalide, match=extrait):
        generer_etablissement(1, taille)


def test_demo_s_ecrit_avec_ou_sans_accent():
    assert generer_etablissement(1, "Démo") == generer_etablissement(1, "demo")


def test_repartition_par_formation():
    r = repartir(2000)
    assert sum(r.values()) == 2000
    assert r["2NDE"] > r["1G"] + r["1STMG"] > r["TG"] + r["TSTMG"] > 0
    assert 0.15 < (r["1STMG"] + r["TSTMG"]) / (2000 - r["2NDE"]) < 0.35


def test_classes_de_chaque_niveau_et_voie(grand):
    codes = set(grand.classes)
    assert {"2NDE1", "1G1", "1STMG1", "TG1", "TSTMG1"} <= codes
    for c in grand.classes.values():
        assert re.fullmatch(r"(2NDE|1G|1STMG|TG|TSTMG)[1-9][0-9]*", c.code)
        assert 30 <= len(c.eleves) <= 35
        assert c.niveau == {"2": "Seconde", "1": "Première", "T": "Terminale"}[c.code[0]]
        assert c.serie == ("STMG" if "STMG" in c.code else
                           "Générale et technologique" if c.code.startswith("2") else "Générale")
    assert "systèmes d'information de gestion" in grand.classe("TSTMG1").libelle


def test_dates_de_naissance_selon_le_niveau(grand):
    annees = {"Seconde": {2010, 2011, 2012}, "Première": {2009, 2010, 2011},
              "Terminale": {2008, 2009, 2010}}
    a_l_heure = {"Seconde": 2011, "Première": 2010, "Terminale": 2009}
    compte: Counter[str] = Counter()
    for e in grand.eleves():
        niveau = grand.classe(e.classe).niveau
        assert e.date_naissance.year in annees[niveau]
        compte[niveau] += e.date_naissance.year == a_l_heure[niveau]
    for niveau, nombre in compte.items():
        effectif = sum(len(c.eleves) for c in grand.classes.values() if c.niveau == niveau)
        assert nombre / effectif > 0.75          # la plupart des élèves sont « à l'heure »


# -- identité de l'établissement -----------------------------------------------------

def test_identite_realiste():
    vues = set()
    for graine in range(12):
        lycee = generer_etablissement(graine, 1)
        assert lycee.nom.startswith("Lycée ")
        assert re.fullmatch(r"[0-9]{7}[A-Z]", lycee.uai)
        assert lycee.uai[7] == cle_uai(lycee.uai[:7])
        assert lycee.academie.startswith("académie d")
        assert lycee.commune
        vues.add(lycee.nom)
    assert len(vues) > 3                           # la graine choisit l'établissement


def test_tous_les_uai_livres_ont_une_cle_valide():
    for ligne in donnees.lire_csv("etablissements.csv"):
        assert ligne["uai"][7] == cle_uai(ligne["uai"][:7]), ligne["nom"]


def test_cle_uai_refuse_un_code_mal_forme():
    with pytest.raises(ValeurInvalide, match="7 chiffres"):
        cle_uai("12AB")


# -- personnages du récit -------------------------------------------------------------

def _verifier_personnages(lycee: Etablissement) -> None:
    lea = lycee.personne("lea.martin")
    assert isinstance(lea, Eleve) and lea.nom_complet == "Léa Martin"
    assert lea.classe == "TSTMG1"
    sophie = lycee.personne("sophie.martin")
    assert isinstance(sophie, Parent) and sophie.lien == "Mère"
    assert lycee.responsables_de("lea.martin") == [sophie]
    assert lycee.enfants_de("sophie.martin") == [lea]
    # l'autre parent n'a aucun lien avec Léa
    assert lycee.personne("karim.bernard").nom_complet == "Karim Bernard"
    assert not lycee.est_responsable_de("karim.bernard", "lea.martin")
    assert {p.identifiant for p in lycee.responsables_de("hugo.bernard")} == {
        "karim.bernard", "emilie.rousseau"}
    assert lycee.personne("hugo.bernard").classe == "TSTMG1"
    # une famille, deux enfants, deux classes
    assert [e.identifiant for e in lycee.enfants_de("samira.haddad")] == [
        "ines.haddad", "yanis.haddad"]
    assert lycee.classes_de("mehdi.haddad") == sorted(
        ["TSTMG1", lycee.personne("yanis.haddad").classe])
    assert lycee.classe(lycee.personne("yanis.haddad").classe).niveau == "Seconde"
    # le professeur principal de TSTMG1
    durand = lycee.personne("nicolas.durand")
    assert isinstance(durand, Enseignant)
    assert lycee.classe("TSTMG1").professeur_principal == "nicolas.durand"
    assert durand.a_fonction(Fonction.PROFESSEUR_PRINCIPAL)
    assert lycee.enseigne_a("nicolas.durand", "TSTMG1")
    assert ("TSTMG1", "Management, sciences de gestion et numérique, enseignement spécifique SIG") in durand.enseignements
    # personnels et comptes extérieurs
    assert lycee.chef_etablissement().identifiant == "philippe.lefevre"
    assert lycee.personne("philippe.lefevre").nom_complet == "Philippe Lefèvre"
    assert lycee.personne("isabelle.moreau").a_fonction(Fonction.CPE)
    assert lycee.personne("caroline.faure").a_fonction(Fonction.ADJOINT)
    assert lycee.personne("stephane.garnier").a_fonction(Fonction.GESTIONNAIRE)
    assert lycee.personne("sandrine.robert").a_fonction(Fonction.SECRETARIAT)
    assert lycee.personne("thomas.lambert").a_fonction(Fonction.VIE_SCOLAIRE)
    doc = lycee.personne("claire.fontaine")
    assert doc.profil is Profil.ENSEIGNANT
    assert doc.fonctions >= {Fonction.DOCUMENTALISTE, Fonction.ADMINISTRATEUR_LOCAL}
    partenaire = lycee.personne("julien.roux")
    assert isinstance(partenaire, Invite) and partenaire.a_fonction(Fonction.PARTENAIRE)
    assert partenaire.organisme.endswith("(collège de secteur)")
    assert partenaire.organisme.startswith("Collège ")
    invite = lycee.personne("marc.girard")
    assert invite.profil is Profil.INVITE and "Intervenant" in invite.organisme
    for persona in PERSONAS.values():
        personne = lycee.personne(persona.identifiant)
        assert (personne.prenom, personne.nom) == (persona.prenom, persona.nom)
        assert personne.date_naissance == persona.date_naissance


def test_personnages_de_la_demo(demo):
    _verifier_personnages(demo)
    assert len(demo.eleves_de("TSTMG1")) == EFFECTIF_DEMO
    assert demo.personne("yanis.haddad").classe == "2NDE3"


def test_la_demo_tient_sur_un_ecran(demo):
    assert set(demo.classes) == {"TSTMG1", "2NDE3"}
    assert len(demo.eleves()) == EFFECTIF_DEMO + 1
    assert len(demo) < 60
    assert len(demo.enseignants_de("TSTMG1")) <= 10


@pytest.mark.parametrize("taille", [10, 450, 2000])
def test_personnages_presents_dans_un_grand_lycee(taille):
    _verifier_personnages(generer_etablissement(3, taille))


def test_un_lycee_d_un_eleve_est_celui_de_lea():
    lycee = generer_etablissement(1, 1)
    assert [e.identifiant for e in lycee.eleves()] == ["lea.martin"]
    assert lycee.responsables_de("lea.martin")[0].identifiant == "sophie.martin"


# -- familles -----------------------------------------------------------------------

@pytest.mark.parametrize("nom", ["demo", "moyen", "grand"])
def test_chaque_eleve_a_un_ou_deux_responsables_qui_le_connaissent(nom, request):
    lycee: Etablissement = request.getfixturevalue(nom)
    for eleve in lycee.eleves():
        assert 1 <= len(eleve.responsables) <= 2
        assert len(set(eleve.responsables)) == len(eleve.responsables)
        for parent in lycee.responsables_de(eleve.identifiant):
            assert isinstance(parent, Parent)
            assert eleve.identifiant in parent.enfants
    for parent in lycee.parents():
        assert parent.enfants, parent
        assert parent.lien in {"Mère", "Père", "Tuteur", "Tutrice"}
        for enfant in lycee.enfants_de(parent.identifiant):
            assert parent.identifiant in enfant.responsables


def test_fratries_dans_des_niveaux_differents(grand):
    familles = {tuple(p.enfants) for p in grand.parents()}
    fratries = [f for f in familles if len(f) > 1]
    assert 0.08 <= len(fratries) / len(familles) <= 0.12
    for fratrie in fratries:
        niveaux = [grand.classe(grand.personne(e).classe).niveau for e in fratrie]
        assert len(set(niveaux)) == len(niveaux)


def test_nom_de_famille_partage_souvent_mais_pas_toujours(grand):
    partage = [any(p.nom == e.nom for p in grand.responsables_de(e.identifiant))
               for e in grand.eleves()]
    assert 0.7 < sum(partage) / len(partage) < 0.97
    assert any(p.lien in ("Tuteur", "Tutrice") for p in grand.parents())
    assert Counter(len(e.responsables) for e in grand.eleves())[1] > 0


def test_noms_divers_accents_et_noms_composes(grand):
    noms = {e.nom for e in grand.personnes.values()}
    assert any(" " in n for n in noms)           # Le Gall, Da Silva…
    assert any(re.search("[éèçëïô]", n) for n in noms)
    prenoms = {p.prenom for p in grand.personnes.values()}
    assert any("-" in p for p in prenoms)        # Jean-Baptiste, Marie-Ève…
    assert len(prenoms) > 250 and len(noms) > 250


def test_prenoms_de_la_generation(grand):
    jeunes = Counter(e.prenom for e in grand.eleves())
    adultes = Counter(p.prenom for p in grand.parents())
    assert jeunes["Thierry"] == 0 and jeunes["Nathalie"] == 0
    assert adultes["Lilou"] == 0 and adultes["Timéo"] == 0


# -- enseignants --------------------------------------------------------------------

def _heures() -> dict[tuple[str, str], float]:
    """(formation, discipline) → heures hebdomadaires, d'après data/disciplines.csv."""
    return {(l["formation"], l["discipline"]): float(l["heures"])
            for l in donnees.lire_csv("disciplines.csv")}


def _formation(code: str) -> str:
    return re.sub(r"[0-9]+$", "", code)


@pytest.mark.parametrize("nom", ["demo", "moyen", "grand"])
def test_chaque_classe_a_ses_enseignants_et_un_professeur_principal(nom, request):
    lycee: Etablissement = request.getfixturevalue(nom)
    for classe in lycee.classes.values():
        assert classe.enseignements
        pp = classe.professeur_principal
        assert pp is not None and lycee.enseigne_a(pp, classe.code)
        assert lycee.personne(pp).a_fonction(Fonction.PROFESSEUR_PRINCIPAL)
        for discipline, ident in classe.enseignements.items():
            prof = lycee.personne(ident)
            assert isinstance(prof, Enseignant)
            assert (classe.code, discipline) in prof.enseignements
    for prof in lycee.enseignants():
        for code, discipline in prof.enseignements:
            assert lycee.classe(code).enseignements[discipline] == prof.identifiant


def test_programme_complet_de_chaque_classe(grand):
    communs: dict[str, set[str]] = {}
    for l in donnees.lire_csv("disciplines.csv"):
        if l["groupe"] == "commun":
            communs.setdefault(l["formation"], set()).add(l["discipline"])
    for classe in grand.classes.values():
        disciplines = set(classe.enseignements)
        assert communs[_formation(classe.code)] <= disciplines, classe.code
        assert "Espagnol (LVB)" in disciplines
        if classe.code.startswith("1G"):
            assert len(disciplines - communs["1G"] - {"Espagnol (LVB)", "Allemand (LVB)",
                                                      "Italien (LVB)"}) == 3
    tstmg1 = set(grand.classe("TSTMG1").enseignements)
    assert {"Droit et économie", "Management, sciences de gestion et numérique, enseignement spécifique SIG",
            "Philosophie", "Mathématiques"} <= tstmg1
    assert {"Sciences de gestion et numérique", "Management", "Droit et économie"} <= set(
        grand.classe("1STMG1").enseignements)


def test_services_des_enseignants(grand):
    heures = _heures()
    professeurs_principaux = Counter(c.professeur_principal for c in grand.classes.values())
    assert max(professeurs_principaux.values()) == 1
    for prof in grand.enseignants():
        service = sum(heures[(_formation(c), d)] for c, d in prof.enseignements)
        assert service <= SERVICE_ENSEIGNANT, prof
        if Fonction.DOCUMENTALISTE not in prof.fonctions:
            assert prof.enseignements
    services = [sum(heures[(_formation(c), d)] for c, d in p.enseignements)
                for p in grand.enseignants() if p.enseignements]
    assert sum(services) / len(services) > 14      # des services presque complets


# -- personnels ---------------------------------------------------------------------

@pytest.mark.parametrize("taille, cpe", [(300, 1), (1000, 2), (2000, 4), (3000, 6)])
def test_personnels_dimensionnes(taille, cpe):
    lycee = generer_etablissement(2, taille)
    assert len(lycee.avec_fonction(Fonction.CHEF_ETABLISSEMENT)) == 1
    assert 1 <= len(lycee.avec_fonction(Fonction.ADJOINT)) <= 2
    assert len(lycee.avec_fonction(Fonction.CPE)) == cpe
    assert len(lycee.avec_fonction(Fonction.GESTIONNAIRE)) == 1
    assert lycee.avec_fonction(Fonction.SECRETARIAT)
    assert len(lycee.avec_fonction(Fonction.VIE_SCOLAIRE)) >= taille // 150
    assert lycee.avec_fonction(Fonction.DOCUMENTALISTE)
    assert len(lycee.avec_fonction(Fonction.ADMINISTRATEUR_LOCAL)) == 1
    assert len(lycee.avec_fonction(Fonction.PARTENAIRE)) == 1
    assert len(lycee.invites()) == 2
    for p in lycee.personnels():
        assert p.service in {"Direction", "Intendance", "Secrétariat", "Vie scolaire"}


# -- comptes ------------------------------------------------------------------------

@pytest.mark.parametrize("nom", ["demo", "moyen", "grand"])
def test_identifiants_uniques_et_au_bon_format(nom, request):
    lycee: Etablissement = request.getfixturevalue(nom)
    courriels = set()
    for ident, p in lycee.personnes.items():
        assert p.identifiant == ident
        assert est_identifiant_valide(ident), ident
        base = forme_identifiant(p.prenom, p.nom)
        assert ident == base or re.fullmatch(re.escape(base) + r"[2-9][0-9]*", ident)
        assert p.courriel == f"{ident}@{DOMAINE_ENT}"
        courriels.add(p.courriel)
        assert isinstance(p.profil, Profil)
        assert all(isinstance(f, Fonction) for f in p.fonctions)
        attendu = {Eleve: Profil.ELEVE, Parent: Profil.PARENT, Enseignant: Profil.ENSEIGNANT,
                   Personnel: Profil.PERSONNEL, Invite: Profil.INVITE}[type(p)]
        assert p.profil is attendu
    assert len(courriels) == len(lycee)


def test_homonymes_numerotes_dans_un_grand_lycee():
    lycee = generer_etablissement(2026, 3000)
    numerotes = [i for i in lycee.personnes if i[-1].isdigit()]
    assert numerotes
    for ident in numerotes:
        base = ident.rstrip("0123456789")
        assert base in lycee.personnes
        numero = int(ident[len(base):])
        assert all(f"{base}{n}" in lycee.personnes for n in range(2, numero))
