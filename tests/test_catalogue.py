"""Le catalogue des services : complet au regard des deux documents du cours, cohérent avec
les règles d'accès de l'ENT, et des erreurs claires quand le fichier est mal écrit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from entsim.socle import donnees
from entsim.etablissement.annuaire import Profil
from entsim.etablissement.catalogue import (CITATIONS, FAMILLES, SERVICES_CITES, SOURCES, Catalogue,
                              CatalogueInvalide, Service, charger_catalogue)
from entsim.socle.erreurs import ErreurENT, Introuvable, ValeurInvalide

CODES_REQUIS = (
    "messagerie", "actualites", "cahier_de_textes", "notes", "absences", "emploi_du_temps",
    "agenda", "forum", "blog", "visioconference", "espace_documentaire", "mediacentre", "cdi",
    "orientation",
)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.charger()


# -- contenu ------------------------------------------------------------------------------
def test_les_codes_dont_dependent_les_autres_modules_existent(catalogue):
    manquants = [code for code in CODES_REQUIS if code not in catalogue]
    assert manquants == []


def test_chaque_service_nomme_dans_les_deux_documents_est_au_catalogue(catalogue):
    for terme, code in SERVICES_CITES.items():
        assert code in catalogue, f"« {terme} » renvoie à un code absent : {code}"
        service = catalogue.service(code)
        assert service.finalite.strip(), f"{code} n'a pas de finalité"
        assert len(service.categories_donnees) >= 1, f"{code} ne traite aucune donnée ?"


def test_les_deux_documents_sont_couverts_et_la_colonne_source_est_coherente(catalogue):
    sources_citees = {c.source for c in CITATIONS}
    assert sources_citees == {"CERTA 2013", "Ministère 2022"}
    for citation in CITATIONS:
        assert citation.source in catalogue.service(citation.code).sources, citation
    # Réciproquement, un service marqué « cité par » un document a un passage qui le prouve.
    for service in catalogue:
        for source in ("CERTA 2013", "Ministère 2022"):
            if service.cite_par(source):
                assert any(c.source == source for c in catalogue.citations(service.code)), \
                    f"{service.code} est marqué {source} sans citation"


def test_les_mots_du_programme_retrouvent_leur_service(catalogue):
    assert catalogue.service("cahier de texte numérique").code == "cahier_de_textes"
    assert catalogue.service("folios pour l'orientation").code == "orientation"
    assert catalogue.service("Catalogue CDI").code == "cdi"
    assert catalogue.service("classes virtuelles").code == "visioconference"
    assert catalogue.service("Emplois du temps").code == "emploi_du_temps"
    assert catalogue.service("Cahier de textes").code == "cahier_de_textes"   # nom affiché


def test_chaque_service_est_documente(catalogue):
    for service in catalogue:
        assert service.nom and service.description and service.finalite, service.code
        assert service.famille in FAMILLES
        assert set(service.sources) <= set(SOURCES)
        assert service.profils(), f"{service.code} n'a aucun utilisateur"
        for categorie in service.categories_donnees:
            assert categorie in catalogue.categories


def test_les_cinq_familles_du_ministere_rangent_tous_les_services(catalogue):
    familles = catalogue.par_famille()
    assert [FAMILLES[f] for f in familles] == [
        "Espaces de travail partagés", "Communication et collaboration",
        "Ressources informationnelles et documentaires",
        "Accompagnement de la vie de l'élève", "Espaces de dépôt pédagogique"]
    ranges = [s.code for services in familles.values() for s in services]
    assert sorted(ranges) == sorted(catalogue.codes())
    assert all(familles.values()), "une famille du ministère est vide"
    # La page du ministère range le catalogue CDI et Folios dans la vie de l'élève.
    assert catalogue.service("cdi").famille == "vie_eleve"
    assert catalogue.service("cahier_de_textes").famille == "depot_pedagogique"


def test_le_mediacentre_passe_par_le_gar(catalogue):
    mediacentre = catalogue.service("mediacentre")
    assert mediacentre.via_gar
    assert mediacentre in catalogue.via_gar()
    # Le GAR ne transmet qu'un identifiant opaque, pas le nom de l'élève.
    assert "identifiant_opaque" in mediacentre.categories_donnees
    assert "identite" not in mediacentre.categories_donnees
    # Les services de l'établissement lui-même ne passent pas par le GAR.
    assert not catalogue.service("messagerie").via_gar


# -- usages par profil ----------------------------------------------------------------------
def test_un_parent_lit_les_notes_sans_pouvoir_les_ecrire(catalogue):
    notes = catalogue.service("notes")
    assert notes.peut_lire(Profil.PARENT)
    assert not notes.peut_ecrire(Profil.PARENT)
    assert catalogue.usage("Parent", "notes") == "lecture"
    assert notes.peut_ecrire(Profil.ENSEIGNANT)


def test_le_professeur_ecrit_le_cahier_de_textes_que_l_eleve_consulte(catalogue):
    assert catalogue.usage(Profil.ENSEIGNANT, "cahier_de_textes") == "ecriture"
    assert catalogue.usage(Profil.ELEVE, "cahier_de_textes") == "lecture"
    assert catalogue.usage(Profil.PARENT, "cahier_de_textes") == "lecture"


def test_le_parent_voit_ce_que_cite_la_cnil_mais_pas_le_mediacentre(catalogue):
    # CNIL (document 1) : « les notes, les absences, le cahier de textes de la classe ».
    codes_parent = {s.code for s in catalogue.pour_profil(Profil.PARENT)}
    assert {"notes", "absences", "cahier_de_textes"} <= codes_parent
    # Arrêté GAR : ressources pour les élèves, les enseignants et les agents.
    assert "mediacentre" not in codes_parent
    assert "mediacentre" in {s.code for s in catalogue.pour_profil("élève")}


def test_un_invite_ne_voit_aucune_donnee_de_scolarite(catalogue):
    codes_invite = {s.code for s in catalogue.pour_profil(Profil.INVITE)}
    assert codes_invite.isdisjoint({"notes", "absences", "dossier_eleve", "cahier_de_textes"})
    assert "espaces_partages" in codes_invite   # travail avec le collège de secteur


def test_un_profil_mal_ecrit_donne_un_message_en_francais(catalogue):
    assert catalogue.pour_profil("ENSEIGNANT") == catalogue.pour_profil(Profil.ENSEIGNANT)
    with pytest.raises(ValeurInvalide, match="Profil inconnu : « proviseur »"):
        catalogue.pour_profil("proviseur")


# -- conservation -------------------------------------------------------------------------
def test_les_durees_de_conservation_sont_positives_et_justifiees(catalogue):
    for service in catalogue:
        assert service.duree_conservation_jours > 0, service.code
        assert service.duree_conservation.strip(), service.code
    # Arrêté ENT, article 6 : suppression dans un délai de trois mois après le départ.
    assert catalogue.service("notes").duree_conservation_jours == 90
    assert "3 mois" in catalogue.service("notes").duree_conservation


# -- affichage ----------------------------------------------------------------------------
def test_le_tableau_a_des_colonnes_en_francais(catalogue):
    tableau = catalogue.tableau()
    for colonne in ("Service", "Description", "Finalité", "Profils", "Données personnelles",
                    "Conservation", "Via le GAR", "Cité par"):
        assert colonne in tableau.columns
    assert len(tableau) == len(catalogue)
    ligne = tableau.set_index("Code").loc["notes"]
    assert "Évaluations" in ligne["Données personnelles"]
    assert "Parent : lecture" in ligne["Profils"]
    assert tableau.set_index("Code").loc["mediacentre", "Via le GAR"] == "oui"


def test_le_tableau_d_un_profil_montre_son_usage(catalogue):
    tableau = catalogue.tableau("Parent").set_index("Code")
    assert "mediacentre" not in tableau.index
    assert tableau.loc["notes", "Usage"] == "lecture"
    assert tableau.loc["absences", "Usage"] == "écriture"


def test_un_service_inconnu_propose_les_codes_proches(catalogue):
    with pytest.raises(Introuvable) as erreur:
        catalogue.service("messagrie")
    assert "Service inconnu : « messagrie »" in str(erreur.value)
    assert "messagerie" in str(erreur.value)
    with pytest.raises(ValeurInvalide, match="doit être un texte"):
        catalogue.service(42)  # type: ignore[arg-type]


def test_le_catalogue_est_un_conteneur_immuable(catalogue):
    assert len(catalogue) == len(catalogue.codes()) == len(list(catalogue))
    assert "forum" in catalogue and "mur_de_la_honte" not in catalogue
    assert catalogue.service("forum") in catalogue
    notes = catalogue.service("notes")
    with pytest.raises(dataclasses.FrozenInstanceError):
        notes.via_gar = True  # type: ignore[misc]
    with pytest.raises(TypeError):
        notes.usages[Profil.PARENT] = "ecriture"  # type: ignore[index]
    assert charger_catalogue() is catalogue   # le catalogue livré n'est lu qu'une fois


# -- fichiers mal formés --------------------------------------------------------------------
ENTETE = ("code,nom,description,finalite,famille,usage_eleve,usage_parent,usage_enseignant,"
          "usage_personnel,usage_invite,categories_donnees,duree_conservation,"
          "duree_conservation_jours,via_gar,source")
LIGNE_NOTES = ("notes,Notes,Relevé des notes,Informer les familles,vie_eleve,lecture,lecture,"
               "ecriture,lecture,aucun,identite;evaluations,3 mois après le départ,90,non,"
               "CERTA 2013")
LIGNE_FORUM = ("forum,Forum,Discussions,Échanger,communication_collaboration,ecriture,aucun,"
               "ecriture,ecriture,aucun,identite;contenus_publies,3 mois après le départ,90,non,"
               "ENT réel")


def _ecrire(tmp_path: Path, *lignes: str) -> Path:
    fichier = tmp_path / "services.csv"
    fichier.write_text("# provenance : test\n" + "\n".join(lignes) + "\n", encoding="utf-8")
    return fichier


def test_un_fichier_correct_se_charge_par_son_chemin(tmp_path):
    catalogue = Catalogue.charger(_ecrire(tmp_path, ENTETE, LIGNE_NOTES, LIGNE_FORUM))
    assert catalogue.codes() == ["notes", "forum"]
    assert catalogue.usage("Parent", "forum") == "aucun"


@pytest.mark.parametrize(("lignes", "numero", "extrait"), [
    # usage invalide pour un profil (la ligne de commentaire compte : ligne 3)
    ((ENTETE, LIGNE_NOTES.replace("lecture,lecture,ecriture", "lecture,lire,ecriture")),
     3, "usage « lire » invalide pour le profil Parent"),
    # colonne d'un profil qui n'existe pas
    ((ENTETE.replace("usage_invite", "usage_visiteur"), LIGNE_NOTES),
     2, "« usage_visiteur » désigne un profil inconnu"),
    # code en double
    ((ENTETE, LIGNE_NOTES, LIGNE_FORUM, LIGNE_NOTES),
     5, "le code « notes » est en double (déjà utilisé ligne 3)"),
    # champ obligatoire vide
    ((ENTETE, LIGNE_NOTES.replace("Informer les familles", "")),
     3, "le champ obligatoire « finalite » est vide"),
    # colonne manquante dans l'en-tête
    ((ENTETE.replace(",source", ""), LIGNE_NOTES.rsplit(",", 1)[0]),
     2, "colonne(s) manquante(s) dans l'en-tête : source"),
    # virgule en trop
    ((ENTETE, LIGNE_NOTES.replace("Relevé des notes", "Relevé des notes, par période")),
     3, "16 valeurs au lieu de 15"),
    # catégorie de données inconnue
    ((ENTETE, LIGNE_NOTES.replace("identite;evaluations", "identite;bulletins")),
     3, "catégorie de données inconnue « bulletins »"),
    # durée non entière ou nulle
    ((ENTETE, LIGNE_NOTES.replace(",90,", ",trois mois,")), 3, "nombre entier de jours"),
    ((ENTETE, LIGNE_NOTES.replace(",90,", ",0,")), 3, "au moins un jour"),
    # booléen, famille et source mal écrits
    ((ENTETE, LIGNE_NOTES.replace(",non,", ",peut-être,")), 3, "écrire oui ou non"),
    ((ENTETE, LIGNE_NOTES.replace("vie_eleve", "vie_de_l_eleve")), 3, "famille inconnue"),
    ((ENTETE, LIGNE_NOTES.replace("CERTA 2013", "Wikipédia")), 3, "source inconnue"),
    # service que personne n'utilise
    ((ENTETE, LIGNE_FORUM.replace("ecriture,aucun,ecriture,ecriture",
                                  "aucun,aucun,aucun,aucun")), 3, "aucun profil n'utilise"),
])
def test_un_fichier_mal_forme_donne_une_erreur_francaise_avec_la_ligne(
        tmp_path, lignes, numero, extrait):
    with pytest.raises(CatalogueInvalide) as erreur:
        Catalogue.charger(_ecrire(tmp_path, *lignes))
    message = str(erreur.value)
    assert message.startswith(f"Fichier « services.csv », ligne {numero} : "), message
    assert extrait in message
    assert erreur.value.ligne == numero
    assert isinstance(erreur.value, ErreurENT) and erreur.value.code == "catalogue_invalide"


def test_un_fichier_absent_est_signale(tmp_path):
    with pytest.raises(Introuvable, match="introuvable"):
        Catalogue.charger(tmp_path / "absent.csv")


def test_les_accents_des_usages_sont_toleres(tmp_path):
    ligne = LIGNE_FORUM.replace("ecriture,aucun,ecriture", "Écriture,aucun,écriture")
    catalogue = Catalogue.charger(_ecrire(tmp_path, ENTETE, ligne))
    assert catalogue.usage(Profil.ELEVE, "forum") == "ecriture"


def test_le_fichier_livre_commence_par_sa_provenance():
    premiere = donnees.chemin("services.csv").read_text(encoding="utf-8").splitlines()[0]
    assert premiere.startswith("#")
    assert len(donnees.lire_csv("services.csv")) == len(Catalogue.charger())


def test_un_service_construit_a_la_main_refuse_un_usage_inconnu():
    with pytest.raises(ValeurInvalide, match="Usage « lire » invalide"):
        Service(code="essai", nom="Essai", description="d", finalite="f",
                famille="vie_eleve", usages={Profil.ELEVE: "lire"},
                categories_donnees=("identite",), duree_conservation="3 mois",
                duree_conservation_jours=90, via_gar=False, sources=("ENT réel",))
