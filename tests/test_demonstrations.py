"""Les démonstrations du SSO font réellement les opérations (entsim.demonstrations)."""

from __future__ import annotations

import pytest

from entsim import ENT
from entsim.demonstrations import POSTE_ESPION, DemonstrationSSO
from entsim.erreurs import ErreurENT, ValeurInvalide
from entsim.sso import INVALID_TICKET, REAUTHENTIFICATION_DEMANDEE


@pytest.fixture
def ent() -> ENT:
    return ENT.demo(cout="rapide")


@pytest.fixture
def demo(ent) -> DemonstrationSSO:
    d = DemonstrationSSO(ent)
    d.ouvrir_deux_services()
    return d


def test_deux_services_un_seul_mot_de_passe(ent):
    resultat = DemonstrationSSO(ent).ouvrir_deux_services()
    assert resultat.parcours.ok and resultat.code == "parcours_complet"
    operations = [x.operation for x in resultat.entrees]
    assert operations.count("connexion_reussie") == 1     # une seule saisie
    assert operations.count("ticket_valide") == 2          # deux services ouverts
    assert "une seule fois" in str(resultat)


def test_les_tickets_inspectes(demo):
    resultat = demo.inspecter_tickets()
    assert [t.etat for t in resultat.tickets] == ["validé", "validé"]
    assert [t.identifiants_presentes for t in resultat.tickets] == [True, False]
    assert "10 s" in resultat.constat


def test_rejouer_un_ticket_deja_utilise_est_refuse(ent, demo):
    resultat = demo.rejouer_ticket()
    assert resultat.refuse and resultat.validation.code == INVALID_TICKET
    assert resultat.code == INVALID_TICKET
    assert 'code="INVALID_TICKET"' in resultat.documents[0][1]
    assert "déjà présenté" in resultat.validation.message
    # aucune session ouverte pour l'espion
    service = ent.cas.service(demo.premier)
    assert service.session_de(ent.navigateur(POSTE_ESPION)) is None
    assert [x.operation for x in resultat.entrees] == ["ticket_refuse"]
    # le XML est affiché échappé
    assert "&lt;cas:serviceResponse" in resultat._repr_html_()


def test_rien_a_rejouer_avant_la_connexion(ent):
    with pytest.raises(ErreurENT, match="ouvrir_deux_services") as erreur:
        DemonstrationSSO(ent).rejouer_ticket()
    assert erreur.value.code == "demonstration_pas_prete"


def test_inactivite_sous_et_au_dela_de_la_limite(ent, demo):
    court = demo.laisser_inactif(heures=1, minutes=59)
    assert not court.expiree and court.acces.ok and court.acces.sso
    long = demo.laisser_inactif(heures=2, minutes=1)
    assert long.expiree and long.acces.code == REAUTHENTIFICATION_DEMANDEE
    assert long.session.etat == "fermée" and long.session.motif_fin == "inactivite"
    operations = [x.operation for x in long.entrees]
    assert operations[0] == "tgt_expire" and "reauthentification_demandee" in operations
    assert operations.count("deconnexion_propagee") == 3   # cahier, messagerie, notes
    for code in (demo.premier, demo.second, "notes"):
        assert ent.cas.service(code).sessions_ouvertes() == []
    assert ent.cas.tgt_de(demo.navigateur) is None
    assert "redemande le mot de passe" in long.constat


def test_la_deconnexion_ferme_chaque_service(ent, demo):
    resultat = demo.se_deconnecter()
    assert resultat.deconnexion.ok
    noms = [nom for nom, _ticket, _fermee in resultat.services]
    assert noms == [ent.cas.service(demo.premier).nom, ent.cas.service(demo.second).nom]
    assert all(fermee for _nom, _ticket, fermee in resultat.services)
    for code, (_nom, ticket, _f) in zip((demo.premier, demo.second), resultat.services):
        service = ent.cas.service(code)
        assert service.sessions_ouvertes() == []
        assert service.avis_recus()[-1].session_index == ticket
    assert [x.operation for x in resultat.entrees] == [
        "deconnexion", "deconnexion_propagee", "deconnexion_propagee"]
    assert "Déconnexion propagée : 2 service(s)" in resultat.texte()
    # après la déconnexion, la messagerie redemande l'identification
    acces = ent.cas.ouvrir_service(demo.navigateur, demo.second)
    assert not acces.ok and acces.code == "identification_demandee"


def test_affichage_texte_et_html(demo):
    resultat = demo.se_deconnecter()
    paquet = resultat._repr_mimebundle_()
    assert paquet["text/plain"] == resultat.texte()
    assert "&lt;samlp:LogoutRequest" in paquet["text/html"]
    assert "<samlp" not in paquet["text/html"]


def test_parametres_invalides(ent, demo):
    with pytest.raises(ValeurInvalide):
        DemonstrationSSO(ent, "inconnu.personne")
    with pytest.raises(ValeurInvalide):
        demo.laisser_inactif(heures=-1)
    with pytest.raises(ValeurInvalide):
        demo.laisser_inactif(heures=0, minutes=0)


# -- preuves d'authentification (question 16) ---------------------------------------------

from entsim.demonstrations import DemonstrationPreuves  # noqa: E402
from entsim.preuves import empreinte, verifier_document  # noqa: E402


def test_un_document_modifie_d_un_caractere_ne_se_verifie_plus(ent):
    resultat = DemonstrationPreuves(ent).signer_puis_modifier()
    assert resultat.verification_originale.valide
    assert not resultat.verification_modifiee.valide
    assert resultat.code == "signature_invalide"
    original, modifie = resultat.original.contenu, resultat.modifie.contenu
    assert len(original) == len(modifie)
    assert sum(a != b for a, b in zip(original, modifie)) == 1
    assert "17 h" in modifie
    assert 64 <= resultat.bits_differents <= 192          # effet avalanche
    assert empreinte(original) in resultat.texte() and empreinte(modifie) in resultat.texte()
    # même signature, contenu d'origine remis : de nouveau valide
    preuves = DemonstrationPreuves(ent)
    resultat = preuves.signer_puis_modifier()
    assert verifier_document(resultat.modifie.avec_contenu(original), preuves.paire).valide


def test_code_a_usage_unique_accepte_puis_refuse(ent):
    resultat = DemonstrationPreuves(ent).code_a_usage_unique(attente_secondes=60)
    operations = [(x.operation, x.resultat) for x in resultat.entrees]
    assert operations == [("activation_otp", "succes"), ("otp_reussi", "succes"),
                          ("otp_echoue", "echec"), ("otp_echoue", "echec")]
    assert "déjà servi" in resultat.texte()


def test_certificat_et_cle_privee(ent):
    resultat = DemonstrationPreuves(ent).certificat_et_cle()
    operations = [x.operation for x in resultat.entrees]
    assert operations == ["enregistrement_certificat", "certificat_reussi", "certificat_echoue"]
    assert "BEGIN CERTIFICATE" in resultat.documents[0][1]


def test_mot_de_passe(ent):
    resultat = DemonstrationPreuves(ent).mot_de_passe()
    assert [x.operation for x in resultat.entrees] == ["connexion_echouee", "connexion_reussie"]
    assert "argon2" in resultat.texte()
