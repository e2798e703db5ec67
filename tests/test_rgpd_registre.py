"""Registre des traitements (art. 30), matrice des accès, hébergement, classification."""

import csv

import pytest

from entsim import ENT
from entsim.autorisation.habilitations.ressources import Ressource
from entsim.rgpd.acces_matrice import acces, hebergement, matrice_des_acces, \
    personnes_representatives
from entsim_corrige.classification import CLASSES, exemples_a_classer
from entsim.rgpd.registre import registre, traitement_non_conforme, verifier
from entsim.rgpd.textes import SOURCES, citer, source
from entsim.socle.erreurs import ErreurENT, Introuvable


@pytest.fixture(scope="module")
def ent():
    return ENT.demo()


@pytest.fixture(scope="module")
def reg(ent):
    return registre(ent)


# -- textes -------------------------------------------------------------------------------
def test_sources_citees_en_francais():
    assert source("rgpd-30").citation() == \
        "RGPD, art. 30.1 (« Registre des activités de traitement »)"
    assert citer("rgpd-6-1-e", "arrete-ent") == \
        "RGPD, art. 6.1.e ; arrêté du 30 novembre 2006 modifié (ENT)"
    assert source("cnil-journalisation").nature == "recommandation"
    assert all(s.resume and s.nature for s in SOURCES.values())
    with pytest.raises(Introuvable, match="Aucune source de code « rgpd-99 »"):
        source("rgpd-99")


# -- registre -----------------------------------------------------------------------------
def test_chaque_service_du_catalogue_est_dans_un_seul_traitement(ent, reg):
    ranges = [s for e in reg for s in e.services]
    assert sorted(ranges) == sorted(s.code for s in ent.catalogue)
    assert reg.entree("journalisation").conservation_jours == 365


def test_entree_complete_et_tiree_du_catalogue(ent, reg):
    e = reg.entree("vie_scolaire")
    chef = ent.etablissement.chef_etablissement()
    assert chef.nom_complet in e.responsable
    assert "dpd@ac-nantes.example" in e.dpo
    assert any(ent.catalogue.service("notes").finalite in f for f in e.finalites)
    assert "RGPD, art. 6.1.e" in e.base_legale
    assert "Évaluations" in e.libelles_categories
    assert e.conservation_jours == 90 and "3 mois" in e.conservation
    assert e.transferts_hors_ue == "Aucun"
    assert any("Argon2id" in m for m in e.securite)
    assert any("15 min après 5 échecs" in m for m in e.securite)
    assert "SAS Exemple-ENT" in e.sous_traitants[0]
    assert "France" in e.hebergement
    assert verifier(e) == []


def test_destinataires_viennent_de_l_autorisation(ent, reg):
    # les invités n'ouvrent pas les notes : ils ne sont pas destinataires de la vie scolaire
    invite = ent.etablissement.invites()[0].identifiant
    assert not ent.autorisation.evaluer(invite, "lire", Ressource("notes")).autorise
    assert "invités" not in reg.entree("vie_scolaire").destinataires
    gar = reg.entree("gar")
    assert any("GAR" in d for d in gar.destinataires)
    assert "arrêté du 18 décembre 2017" in gar.base_legale


def test_tableau_numerote_et_exports(reg, tmp_path):
    df = reg.tableau()
    assert list(df.index) == list(range(1, len(reg) + 1))
    assert "Responsable du traitement" in df.columns and "Durée de conservation" in df.columns
    chemin = reg.exporter(tmp_path / "registre.csv")
    brut = chemin.read_bytes()
    assert brut.startswith(b"\xef\xbb\xbf")   # BOM pour Excel
    lignes = list(csv.reader(brut.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert lignes[0][:2] == ["N°", "Traitement"] and len(lignes) == len(reg) + 1
    assert "Registre des activités" in reg.exporter(tmp_path / "r.md").read_text()
    assert "<table" in reg.exporter(tmp_path / "r.html").read_text()
    with pytest.raises(ErreurENT, match="Format d'export inconnu"):
        reg.exporter(tmp_path / "r.xlsx")
    assert "Registre des activités de traitement — Lycée Jean-Moulin" in reg.texte()
    with pytest.raises(Introuvable, match="Aucun traitement de code"):
        reg.entree("inexistant")


def test_traitement_non_conforme_repere(ent):
    constats = verifier(traitement_non_conforme(ent))
    texte = "\n".join(constats)
    for attendu in ("Finalité absente", "Aucune base légale", "Données sensibles (santé)",
                    "illimitée", "délégué à la protection", "Aucune mesure de sécurité",
                    "Transfert hors de l'Union", "RGPD, art. 9.1"):
        assert attendu in texte, attendu
    with pytest.raises(ErreurENT):
        verifier("sondage")


# -- qui accède à quoi --------------------------------------------------------------------
def test_matrice_calculee_par_l_autorisation_et_sans_journal(ent):
    avant = len(ent.journal)
    m = matrice_des_acces(ent)
    assert len(ent.journal) == avant
    assert m.loc["élève", "Évaluations"] == "lecture (ses propres données)"
    assert m.loc["parent", "Évaluations"] == "lecture (ses enfants)"
    assert m.loc["enseignant", "Évaluations"] == "écriture (ses classes)"
    assert m.loc["invité", "Évaluations"] == "—"
    # recoupement avec evaluer
    roles = personnes_representatives(ent)
    eleve = ent.etablissement.personne(roles["élève"])
    autre = next(c for c in ent.etablissement.classes.values() if c.code != eleve.classe)
    evaluer = ent.autorisation.evaluer
    assert not evaluer(roles["enseignant"], "lire", Ressource.notes_de(autre.eleves[0])).autorise
    assert evaluer(roles["CPE"], "lire", Ressource.notes_de(autre.eleves[0])).autorise
    assert m.loc["CPE", "Évaluations"].endswith("(tout l'établissement)")
    assert m.loc["élève", "Correspondances privées"] == "écriture (ses propres données)"
    assert acces(ent, "parent", "evaluations") == m.loc["parent", "Évaluations"]
    with pytest.raises(Introuvable):
        acces(ent, "pilote", "evaluations")


def test_hebergement_repond_a_la_liste_du_chef(ent):
    h = hebergement(ent)
    questions = " ".join(h["Question"])
    for mot in ("sous-traitant", "hébergées", "Union européenne", "cybersécurité",
                "Qui accède", "mineurs"):
        assert mot in questions
    assert "SAS Exemple-ENT" in h.loc[1, "Réponse"] and "France" in h.loc[2, "Réponse"]


# -- classification -----------------------------------------------------------------------
def test_classification_exemples_sources():
    exemples = exemples_a_classer()
    assert 10 <= len(exemples) <= 14
    assert {e.classe for e in exemples} == set(CLASSES)
    par_donnee = {d: (c, e, s) for d, c, e, s in exemples}
    ip = next(v for d, v in par_donnee.items() if "Adresse IP" in d)
    assert ip[0] == "indirectement identifiante"
    gar = next(v for d, v in par_donnee.items() if "GAR" in d)
    assert gar[0] == "pseudonyme" and "RGPD, art. 4.5" in gar[2]
    moyenne = next(v for d, v in par_donnee.items() if "Moyenne" in d)
    assert moyenne[0] == "anonyme" and "groupe minuscule" in moyenne[1]
    sante = next(v for d, v in par_donnee.items() if "psychiatre" in d)
    assert sante[0] == "sensible (art. 9)"
