"""Revue de la partie 3a : ce qu'un élève malveillant ou maladroit tape dans une cellule
(droits, export, registre, conservation). Chaque saisie fausse donne une ErreurENT en
français, ne laisse ni demande ni ligne au journal, et ne livre jamais les données d'un
autre."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from entsim import ENT
from entsim.rgpd.acces_matrice import hebergement
from entsim.rgpd.conservation import enregistrer_depart
from entsim.rgpd.demandes import registre_des_demandes
from entsim.rgpd.droits import exercer
from entsim.rgpd.registre import registre
from entsim.socle.erreurs import ErreurENT

LEA, MERE, ANA, MERE_ANA = "lea.martin", "sophie.martin", "ana-sofia.cardoso", "maria.cardoso"


@pytest.fixture
def ent():
    return ENT.demo()


def _rien_ne_change(ent, action):
    """L'action lève une ErreurENT en français, sans demande ni ligne de journal."""
    n, demandes = ent.journal.dernier_numero(), len(registre_des_demandes(ent).demandes)
    with pytest.raises(ErreurENT) as erreur:
        action()
    assert ent.journal.dernier_numero() == n
    assert len(registre_des_demandes(ent).demandes) == demandes
    return str(erreur.value)


def test_un_parent_ne_contourne_pas_l_opposition_de_son_enfant_majeur(ent):
    assert exercer(ent, ANA, "opposition", cible="parents").ok
    r = exercer(ent, MERE_ANA, "acces", ANA, accord_de_l_eleve=True)
    assert not r.ok and r.export is None
    assert "opposition" in r.message


def test_accord_de_l_eleve_vaut_vrai_ou_faux(ent):
    message = _rien_ne_change(ent, lambda: exercer(ent, MERE, "acces", LEA,
                                                   accord_de_l_eleve="oui"))
    assert "True ou False" in message


@pytest.mark.parametrize("nom", ["mes_donnees.exe", "export.pdf"])
def test_export_d_acces_refuse_une_extension_autre_que_zip(ent, tmp_path, nom):
    message = _rien_ne_change(ent, lambda: exercer(ent, LEA, "acces",
                                                   chemin=str(tmp_path / nom)))
    assert "« .zip »" in message and not (tmp_path / nom).exists()


def test_export_d_acces_vers_un_chemin_impossible(ent, tmp_path):
    fichier = tmp_path / "deja_la"
    fichier.write_text("x")
    message = _rien_ne_change(ent, lambda: exercer(ent, LEA, "acces", chemin=str(fichier)))
    assert "deja_la" in message
    assert fichier.read_text() == "x"
    _rien_ne_change(ent, lambda: exercer(ent, LEA, "acces",
                                         chemin=str(fichier / "sous" / "x.zip")))


@pytest.mark.parametrize("chemin", [None, "", "DOSSIER", "manque/registre.csv"])
def test_registre_exporter_vers_un_chemin_impossible(ent, tmp_path, chemin):
    (tmp_path / "DOSSIER.csv").mkdir()
    if chemin == "DOSSIER":
        chemin = str(tmp_path / "DOSSIER.csv")
    elif chemin == "manque/registre.csv":
        chemin = str(tmp_path / chemin)
    with pytest.raises(ErreurENT):
        registre(ent).exporter(chemin)


def test_rectifier_une_date_de_naissance_invraisemblable(ent):
    hier = ent.horloge.maintenant().date() - timedelta(days=1)
    message = _rien_ne_change(ent, lambda: exercer(
        ent, MERE, "rectification", LEA, champ="date_naissance", valeur=hier))
    assert "vraisemblable" in message
    assert ent.etablissement.personne(LEA).date_naissance == date(2009, 3, 14)


def test_un_mineur_ne_se_rend_pas_majeur_par_une_rectification(ent):
    r = exercer(ent, LEA, "rectification", champ="date_naissance", valeur="14/03/2000")
    assert not r.ok and r.code == "justificatif_requis"
    assert ent.etablissement.personne(LEA).date_naissance == date(2009, 3, 14)
    assert not exercer(ent, LEA, "opposition", cible="parents").ok


@pytest.mark.parametrize("valeur", ['=HYPERLINK("http://x")', "Martin<script>", "L3a"])
def test_un_nom_rectifie_n_a_que_des_lettres(ent, valeur):
    message = _rien_ne_change(ent, lambda: exercer(ent, MERE, "rectification", LEA,
                                                   champ="nom", valeur=valeur))
    assert "lettres" in message
    assert ent.etablissement.personne(LEA).nom == "Martin"


@pytest.mark.parametrize("valeur", ["N'Diaye", "Le Gall-Müller", "O’Brien"])
def test_les_vrais_noms_restent_rectifiables(ent, valeur):
    assert exercer(ent, MERE, "rectification", LEA, champ="nom", valeur=valeur).ok


@pytest.mark.parametrize("details", [{"service": "xyz"}, {"cible": "profs"},
                                     {"service": 3}])
def test_opposition_a_un_service_ou_une_cible_inconnus(ent, details):
    message = _rien_ne_change(ent, lambda: exercer(ent, LEA, "opposition", **details))
    assert "possible" in message


def test_effacement_d_un_service_inconnu(ent):
    _rien_ne_change(ent, lambda: exercer(ent, LEA, "effacement", service="xyz"))


def test_un_depart_ne_se_note_pas_dans_le_futur(ent):
    futur = ent.horloge.maintenant().date() + timedelta(days=400)
    message = _rien_ne_change(ent, lambda: enregistrer_depart(ent, "ines.haddad", le=futur))
    assert "futur" in message
    assert ent.etablissement.personne("ines.haddad").date_depart is None


def test_hebergement_accorde_le_nombre_d_eleves_mineurs(ent):
    reponse = hebergement(ent).loc[6, "Réponse"]
    assert "(s)" not in reponse and "12 élèves sur 13 sont mineurs" in reponse
    assert hebergement(ent).loc[6, "Source"] != "RGPD, art. 13"


def test_registre_apercu_lisible_projete(ent):
    apercu = registre(ent).apercu()
    assert list(apercu.index[:2]) == [1, 2]
    assert len(apercu.columns) <= 5 and "Traitement" in apercu.columns


def test_le_tableau_de_l_export_n_affiche_pas_de_barre_oblique_n(ent):
    """pandas affiche un retour à la ligne comme « \\n » littéral : le tableau montré dans
    le notebook met une espace à la place (les fichiers CSV gardent le texte entier)."""
    export = exercer(ent, MERE, "acces", LEA).export
    valeurs = export.tableau()["Valeur"]
    assert not any("\n" in v for v in valeurs)
    assert any("\n" in ligne[3] for ligne in export.lignes())
