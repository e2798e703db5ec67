"""Les démonstrations du SSO font réellement les opérations (entsim.demonstrations)."""

from __future__ import annotations

import pytest

from entsim import ENT, MOTS_DE_PASSE_DEMO
from entsim.demonstrations.sso import POSTE_ESPION, DemonstrationSSO
from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.sso.reponses import INVALID_TICKET, REAUTHENTIFICATION_DEMANDEE


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
    assert "Déconnexion propagée : 2 services prévenus" in resultat.texte()
    assert "(s)" not in resultat.texte()
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

from entsim.demonstrations.preuves import DemonstrationPreuves  # noqa: E402
from entsim.authentification.preuves import empreinte, verifier_document  # noqa: E402


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
    # le certificat PEM est replié dans l'affichage HTML (mur de texte)
    legende, pem = resultat.documents_replies[0]
    assert "BEGIN CERTIFICATE" in pem and "certificat" in legende
    assert "<details><summary>Pour les curieux : le certificat (format PEM) (cliquez pour l" \
        in resultat._repr_html_()


def test_les_documents_bruts_sont_replies_pour_les_curieux(ent):
    """Issue 16 : XML SAML et CAS repliés dans l'affichage (ils restent dans le texte)."""
    demo = DemonstrationSSO(ent)
    demo.ouvrir_deux_services()
    fin = demo.se_deconnecter()
    html = fin._repr_html_()
    assert "<details><summary>Pour les curieux : demande envoyée à « Cahier de textes »" in html
    assert html.index("<details><summary>Pour les curieux") < html.index("samlp:LogoutRequest")
    assert "samlp:LogoutRequest" in fin.texte()


def test_mot_de_passe(ent):
    resultat = DemonstrationPreuves(ent).mot_de_passe()
    assert [x.operation for x in resultat.entrees] == ["connexion_echouee", "connexion_reussie"]
    assert "argon2" in resultat.texte()


# -- corrections de la relecture ----------------------------------------------------------

import math  # noqa: E402
from datetime import timedelta  # noqa: E402

from entsim.demonstrations.autorisation import peut_lire  # noqa: E402
from entsim.sso.reponses import INVALID_TICKET_SPEC, SESSION_EXISTANTE  # noqa: E402


def test_inactivite_mesuree_depuis_la_vraie_derniere_activite(ent, demo):
    # le cahier de textes a sa propre session : le serveur CAS n'est pas contacté
    court = demo.laisser_inactif(0, 30, service="cahier_de_textes")
    assert court.acces.code == SESSION_EXISTANTE and not court.expiree
    texte = court.texte()
    assert "le serveur CAS n'a pas été contacté" in texte
    assert "le délai de la session SSO n'est pas relancé" in texte
    assert "émis grâce au cookie TGC" not in texte and "repart de zéro" not in texte
    assert [x.operation for x in court.entrees] == []        # rien au journal AAS
    # 1 h 50 plus tard : 2 h 20 sans activité depuis le dernier ticket (8 h 00)
    long = demo.laisser_inactif(1, 50, service="cahier_de_textes")
    assert long.expiree and long.duree == timedelta(hours=2, minutes=20)
    assert long.attente == timedelta(hours=1, minutes=50)
    assert "Session expirée après 2 h 20 min" in long.constat
    assert "08:00:00" in long.lignes[0]


def test_inactivite_relancee_apres_expiration(ent, demo):
    """La consigne du notebook : 2 h 01, puis 1 h 59 (la session a expiré entre-temps)."""
    assert demo.laisser_inactif(heures=2, minutes=1).expiree
    ensuite = demo.laisser_inactif(heures=1, minutes=59)
    assert not ensuite.expiree and ensuite.acces.ok and ensuite.acces.sso
    assert "reconnecte d'abord lea.martin" in ensuite.lignes[0]
    assert "inactivité trop longue" in ensuite.lignes[0]
    assert ensuite.duree == timedelta(hours=1, minutes=59)
    assert [x.operation for x in ensuite.entrees][:2] == ["connexion_reussie", "tgt_cree"]
    # et de nouveau 2 h 01 : expirée
    assert demo.laisser_inactif(heures=2, minutes=1).expiree


@pytest.mark.parametrize("valeur", [1e12, math.nan, math.inf, 10 ** 30])
def test_inactivite_demesuree(demo, valeur):
    with pytest.raises(ValeurInvalide):
        demo.laisser_inactif(heures=valeur)


def test_rejouer_un_ticket_inconnu_ou_mal_forme(ent, demo):
    inconnu = demo.rejouer_ticket("ST-zz")
    assert inconnu.refuse and "n'existe pas" in inconnu.constat
    assert "déjà servi" not in inconnu.constat and "déjà utilisé" not in inconnu.titre
    faux = demo.rejouer_ticket("abc")
    assert faux.code == INVALID_TICKET_SPEC and "la forme d'un ticket" in faux.constat


def test_rejouer_un_ticket_expire(ent, demo):
    ent.deconnexion(poste=demo.navigateur.nom_poste)
    autre = ent.navigateur("Téléphone")
    ent.cas.connexion(autre, "lea.martin", MOTS_DE_PASSE_DEMO["eleve"])
    ticket = ent.cas.acceder(autre, "notes").ticket        # émis, jamais présenté
    ent.avancer(secondes=11)
    resultat = demo.rejouer_ticket(ticket)
    assert resultat.refuse and "a expiré" in resultat.constat


def test_le_rejeu_ne_repete_pas_la_meme_phrase(demo):
    texte = "\n".join(demo.rejouer_ticket().lignes)
    assert texte.count("ne sert qu'une fois") == 1
    assert "déjà servi" in demo.rejouer_ticket().constat


def test_ouvrir_deux_services_deux_fois(ent):
    demo = DemonstrationSSO(ent)
    premier = demo.ouvrir_deux_services()
    second = demo.ouvrir_deux_services()                   # cellule relancée : pas d'erreur
    assert second.parcours.ok
    assert "demo.se_deconnecter()" in second.lignes[0]
    assert "2 services prévenus" in second.lignes[0]
    assert [x.operation for x in second.entrees][0] == "deconnexion"
    assert premier.parcours.etapes[1].entrees[0].numero < second.entrees[0].numero


def test_ouvrir_deux_services_bref(ent):
    resultat = DemonstrationSSO(ent, poste="Ordinateur de la maison").ouvrir_deux_services(
        bref=True)
    assert resultat.texte().count("\n") == 0 and "une seule fois" in resultat.texte()
    assert "<li>" not in resultat._repr_html_()
    assert resultat.parcours.ok and resultat.entrees            # le détail reste disponible


def test_ent_absent_ou_attente_demesuree(ent):
    for appel in (lambda: DemonstrationSSO(None), lambda: DemonstrationPreuves(None)):
        with pytest.raises(ValeurInvalide, match="ENT.demo()"):
            appel()
    with pytest.raises(ValeurInvalide, match="de 0 à 3600"):
        DemonstrationPreuves(ent).code_a_usage_unique(10 ** 12)


def test_telephone_avant_le_code_a_usage_unique(ent):
    from entsim.widgets.telephone import TelephoneWidget

    preuves = DemonstrationPreuves(ent)
    with pytest.raises(ValeurInvalide, match=r"preuves\.code_a_usage_unique\(\)"):
        TelephoneWidget(preuves.telephone)
    preuves.code_a_usage_unique()
    assert "Code affiché" in TelephoneWidget(preuves.telephone).actualiser()


def test_propagation_en_francais(demo):
    resultat = demo.propagation()
    assert "Prénom : Léa" in resultat.lignes
    assert any(x.startswith("Établissement") for x in resultat.lignes)
    assert not any(x.startswith(("prenom", "etablissement")) for x in resultat.lignes)
    assert "<cas:prenom>Léa</cas:prenom>" in resultat.documents[0][1]   # le XML ne change pas


def test_tickets_accordes(demo):
    assert demo.inspecter_tickets().constat.startswith("2 tickets de service :")


def test_numero_de_caractere_compte_a_partir_de_1(ent):
    preuves = DemonstrationPreuves(ent)
    resultat = preuves.signer_puis_modifier()
    document = resultat.original.contenu
    numero = document.index("15 h") + 2                     # le « 5 », en comptant de 1
    assert f"caractère n° {numero} : « 5 » → « 7 »" in resultat.texte()
    meme = preuves.signer_puis_modifier(position=numero, remplacement="7")
    assert meme.modifie.contenu == resultat.modifie.contenu
    with pytest.raises(ValeurInvalide, match="de 1 à"):
        preuves.signer_puis_modifier(position=0)


def test_peut_lire(ent, capsys):
    assert peut_lire(ent, "lea.martin", "notes", "hugo.bernard") is None
    assert capsys.readouterr().out.startswith("✗ refusé")
    peut_lire(ent, "sophie.martin", "Notes", "lea.martin")
    assert capsys.readouterr().out.startswith("✓ autorisé")
    with pytest.raises(ValeurInvalide, match="Données inconnues"):
        peut_lire(ent, "lea.martin", "bulletins", "lea.martin")
    with pytest.raises(ValeurInvalide, match="ENT.demo()"):
        peut_lire(None, "lea.martin", "notes", "lea.martin")
