"""Tests du serveur CAS simulé (entsim.sso.serveur, entsim.sso.navigateur, entsim.sso.applications).

Les collaborateurs (vérification des identifiants, attributs, autorisation) sont de simples
doubles de test : l'intégration avec les vrais modules se fait dans l'objet ENT.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import FrozenInstanceError, dataclass
from datetime import datetime, timedelta

import pytest

from entsim.socle.aleatoire import SourceAleatoire
from entsim.sso.applications import ServiceApplicatif
from entsim.socle.erreurs import ErreurENT, Introuvable, ValeurInvalide
from entsim.socle.horloge import Horloge
from entsim.journal.chaine import Journal
from entsim.sso.navigateur import Navigateur
from entsim.sso.tickets import ENTROPIE_ST
from entsim.sso.reponses import (INTERNAL_ERROR, INVALID_REQUEST, INVALID_SERVICE, INVALID_TICKET,
                                 INVALID_TICKET_SPEC, NS_CAS, NS_SAML, NS_SAMLP, Validation)
from entsim.sso.serveur import ServeurCAS

CAS = f"{{{NS_CAS}}}"
SAMLP = f"{{{NS_SAMLP}}}"
URL_CAHIER = "https://ent.example/cahier-de-textes"
URL_MESSAGERIE = "https://ent.example/messagerie"
URL_NOTES = "https://notes.example/"
MOTS_DE_PASSE = {"lea.martin": "Cartable-Vert-2026", "paul.durand": "Velo-Rouge-Soleil"}


@dataclass(frozen=True)
class ResultatTest:
    ok: bool
    code: str
    message: str
    identifiant: str | None
    methode: str = "mot_de_passe"


@dataclass(frozen=True)
class DecisionTest:
    autorise: bool
    raison: str


class Monde:
    """Un petit ENT de test : horloge, journal, serveur CAS et trois services."""

    def __init__(self, *, reproductible: bool = True, refus: set[tuple[str, str]] = frozenset(),
                 attributs=None, **durees: timedelta) -> None:
        self.horloge = Horloge()
        self.journal = Journal(self.horloge)
        self.source = SourceAleatoire(7, reproductible=reproductible)
        self.refus = set(refus)
        self.serveur = ServeurCAS(
            self.horloge, self.journal, self.source,
            verifier_identifiants=self.verifier, autoriser=self.autoriser,
            attributs=attributs or self.attributs, **durees)
        self.cahier = self.serveur.enregistrer(
            ServiceApplicatif("cahier_de_textes", "Cahier de textes", URL_CAHIER))
        self.messagerie = self.serveur.enregistrer(
            ServiceApplicatif("messagerie", "Messagerie", URL_MESSAGERIE))
        self.notes = self.serveur.enregistrer(
            ServiceApplicatif("notes", "Notes", URL_NOTES))

    # Doubles des services AAS : l'authentification journalise elle-même, comme le vrai.
    def verifier(self, identifiant: str, mot_de_passe: str, poste: str | None) -> ResultatTest:
        if MOTS_DE_PASSE.get(identifiant) == mot_de_passe:
            self.journal.enregistrer("connexion_reussie", identite=identifiant, poste=poste)
            return ResultatTest(True, "connexion_reussie", "Connexion réussie.", identifiant)
        self.journal.enregistrer("connexion_echouee", identite=identifiant, poste=poste,
                                 resultat="echec")
        return ResultatTest(False, "identifiants_incorrects",
                            "Identifiant ou mot de passe incorrect.", identifiant)

    def autoriser(self, identifiant: str, code_service: str) -> DecisionTest:
        if (identifiant, code_service) in self.refus:
            return DecisionTest(False, "Ce service est réservé aux personnels.")
        return DecisionTest(True, "Service ouvert à tous les profils.")

    @staticmethod
    def attributs(identifiant: str) -> dict[str, str | list[str]]:
        return {"profil": "Élève", "classe": "TSTMG1", "responsables": ["m.martin", "s.martin"]}

    def connecter(self, navigateur: Navigateur, identifiant: str = "lea.martin",
                  service: str = "cahier_de_textes"):
        return self.serveur.ouvrir_service(navigateur, service, identifiant=identifiant,
                                           mot_de_passe=MOTS_DE_PASSE[identifiant])

    def ticket_pour(self, navigateur: Navigateur, service: str) -> str:
        acces = self.serveur.acceder(navigateur, service)
        assert acces.ok, acces.message
        return acces.ticket


@pytest.fixture
def monde() -> Monde:
    return Monde()


@pytest.fixture
def cdi() -> Navigateur:
    return Navigateur("Poste du CDI")


# -- tickets de service : usage unique, durée, service ---------------------------------------

def test_un_ticket_ne_sert_qu_une_fois(monde, cdi):
    monde.connecter(cdi)
    ticket = monde.ticket_pour(cdi, "messagerie")
    premiere = monde.serveur.valider(ticket, URL_MESSAGERIE)
    seconde = monde.serveur.valider(ticket, URL_MESSAGERIE)
    assert premiere.ok and premiere.utilisateur == "lea.martin"
    assert not seconde.ok and seconde.code == INVALID_TICKET
    assert "déjà présenté" in seconde.message


def test_un_ticket_est_consomme_meme_si_la_premiere_tentative_echoue(monde, cdi):
    monde.connecter(cdi)
    ticket = monde.ticket_pour(cdi, "messagerie")
    rate = monde.serveur.valider(ticket, URL_MESSAGERIE, renew=True)  # échec : pas renew
    assert rate.code == INVALID_TICKET
    apres = monde.serveur.valider(ticket, URL_MESSAGERIE)
    assert not apres.ok and apres.code == INVALID_TICKET
    assert "déjà présenté" in apres.message


def test_un_ticket_expire_apres_dix_secondes(monde, cdi):
    monde.connecter(cdi)
    a_l_heure = monde.ticket_pour(cdi, "messagerie")
    en_retard = monde.ticket_pour(cdi, "notes")
    monde.horloge.avancer(10)
    assert monde.serveur.valider(a_l_heure, URL_MESSAGERIE).ok  # 10 s pile : encore valable
    monde.horloge.avancer(1)
    expire = monde.serveur.valider(en_retard, URL_NOTES)
    assert not expire.ok and expire.code == INVALID_TICKET
    assert "expiré" in expire.message


def test_ticket_non_presente_apparait_expire_dans_les_coulisses(monde, cdi):
    monde.connecter(cdi)
    ticket = monde.ticket_pour(cdi, "messagerie")
    assert {t.ticket: t.etat for t in monde.serveur.tickets()}[ticket] == "émis"
    monde.horloge.avancer(11)
    etats = {t.ticket: t for t in monde.serveur.tickets()}
    assert etats[ticket].etat == "expiré" and not etats[ticket].vivant


def test_ticket_lie_a_son_service_puis_invalide(monde, cdi):
    monde.connecter(cdi, service="messagerie")
    ticket = monde.ticket_pour(cdi, "cahier_de_textes")
    vole = monde.serveur.valider(ticket, URL_MESSAGERIE)
    assert not vole.ok and vole.code == INVALID_SERVICE
    assert "Cahier de textes" in vole.message and "Messagerie" in vole.message
    legitime = monde.serveur.valider(ticket, URL_CAHIER)
    assert not legitime.ok and legitime.code == INVALID_TICKET


@pytest.mark.parametrize("presente", ["messagerie", "https://ent.example/messagerie/",
                                      "HTTPS://ent.example/messagerie"])
def test_validation_exige_l_adresse_enregistree(monde, cdi, presente):
    """Section 2.5.1 : « service » est l'adresse du service (section 2.2.1), pas son code ;
    une autre écriture de l'adresse n'est pas acceptée non plus (aucune normalisation)."""
    monde.connecter(cdi)
    ticket = monde.ticket_pour(cdi, "messagerie")
    avant = len(monde.journal)
    refus = monde.serveur.valider(ticket, presente)
    assert not refus.ok and refus.code == INVALID_SERVICE and "invalidé" in refus.message
    if presente == "messagerie":  # le code : le message dit ce qu'il fallait envoyer
        assert f"« {presente} » est le code" in refus.message and URL_MESSAGERIE in refus.message
    assert [e.operation for e in list(monde.journal)[avant:]] == ["ticket_refuse"]
    assert monde.serveur.valider(ticket, URL_MESSAGERIE).code == INVALID_TICKET  # invalidé


def test_service_non_enregistre(monde, cdi):
    monde.connecter(cdi)
    ticket = monde.ticket_pour(cdi, "messagerie")
    inconnu = monde.serveur.valider(ticket, "https://pirate.example.org/")
    assert inconnu.code == INVALID_SERVICE and "n'est pas enregistré" in inconnu.message
    assert not monde.serveur.valider(ticket, URL_MESSAGERIE).ok
    refus = monde.serveur.acceder(cdi, "https://pirate.example.org/")
    assert not refus.ok and refus.code == "service_inconnu" and refus.ticket is None


@pytest.mark.parametrize("ticket, service", [(None, URL_CAHIER), ("", URL_CAHIER),
                                             ("ST-1-abc", None), ("ST-1-abc", "")])
def test_parametres_manquants(monde, ticket, service):
    validation = monde.serveur.valider(ticket, service)
    assert not validation.ok and validation.code == INVALID_REQUEST


def test_parametre_manquant_ne_consomme_pas_le_ticket(monde, cdi):
    monde.connecter(cdi)
    ticket = monde.ticket_pour(cdi, "messagerie")
    assert monde.serveur.valider(ticket, None).code == INVALID_REQUEST
    assert monde.serveur.valider(ticket, URL_MESSAGERIE).ok


@pytest.mark.parametrize("ticket", ["PT-1-aaaaaaaaaaaaaaaaaaaaaaaa", "TGT-1-abcdef",
                                    "ST-1-été", "ST-1 abc", "st-1-abc", "ST-" + "a" * 300,
                                    "ST-1-abc\n"])
def test_format_de_ticket_invalide(monde, ticket):
    validation = monde.serveur.valider(ticket, URL_CAHIER)
    assert not validation.ok and validation.code == INVALID_TICKET_SPEC


def test_ticket_de_proxy_explique(monde):
    validation = monde.serveur.valider("PT-1856376-1HMgO86Z2ZKeByc5XdYD", URL_CAHIER)
    assert "proxy" in validation.message


def test_ticket_inconnu(monde):
    validation = monde.serveur.valider("ST-1856339-aA5Yuvrxzpv8Tau1cYQ7", URL_CAHIER)
    assert validation.code == INVALID_TICKET and "inconnu" in validation.message


def test_validation_est_un_objet_fige(monde):
    validation = monde.serveur.valider(None, None)
    assert isinstance(validation, Validation)
    with pytest.raises(FrozenInstanceError):
        validation.ok = True


def test_erreur_des_attributs_donne_internal_error(cdi):
    def attributs_casses(identifiant):
        raise Introuvable(f"Aucune personne « {identifiant} » dans l'annuaire.")

    monde = Monde(attributs=attributs_casses)
    acces = monde.serveur.ouvrir_service(cdi, "cahier_de_textes", identifiant="lea.martin",
                                         mot_de_passe=MOTS_DE_PASSE["lea.martin"])
    assert not acces.ok and acces.validation.code == INTERNAL_ERROR
    assert "Aucune personne" in acces.validation.message


# -- SSO, renew, gateway --------------------------------------------------------------------

def test_sans_session_l_identification_est_demandee(monde, cdi):
    acces = monde.serveur.acceder(cdi, "cahier_de_textes")
    assert not acces.ok and acces.code == "identification_demandee" and acces.ticket is None
    assert acces.echanges[-1].statut == 200


def test_sso_second_service_sans_ressaisie(monde, cdi):
    premier = monde.connecter(cdi)
    assert premier.ok and not premier.sso
    second = monde.serveur.ouvrir_service(cdi, "messagerie")
    assert second.ok and second.sso and second.identifiant == "lea.martin"
    assert not any(e.methode == "POST" for e in second.echanges)  # aucun formulaire envoyé
    assert second.validation.nouvelle_connexion is False
    assert premier.validation.nouvelle_connexion is True


def test_session_applicative_existante_ne_repasse_pas_par_cas(monde, cdi):
    monde.connecter(cdi)
    encore = monde.serveur.ouvrir_service(cdi, "cahier_de_textes")
    assert encore.ok and encore.code == "session_existante"
    assert [e.destinataire for e in encore.echanges] == ["Cahier de textes"]


def test_renew_exige_les_identifiants_meme_avec_une_session(monde, cdi):
    monde.connecter(cdi)
    acces = monde.serveur.acceder(cdi, "notes", renew=True)
    assert not acces.ok and acces.code == "identification_demandee"
    assert "renew" in acces.message
    connexion = monde.serveur.connexion(cdi, "lea.martin", MOTS_DE_PASSE["lea.martin"],
                                        service="notes", renew=True)
    assert connexion.ok and connexion.ticket
    assert monde.serveur.valider(connexion.ticket, URL_NOTES, renew=True).ok


def test_renew_refuse_un_ticket_issu_du_sso(monde, cdi):
    monde.connecter(cdi)
    ticket = monde.ticket_pour(cdi, "notes")
    validation = monde.serveur.valider(ticket, URL_NOTES, renew=True)
    assert not validation.ok and validation.code == INVALID_TICKET
    assert "renew" in validation.message


def test_ouvrir_avec_renew_fait_tout_le_parcours(monde, cdi):
    monde.connecter(cdi)
    sans = monde.serveur.ouvrir_service(cdi, "notes", renew=True)
    assert not sans.ok and sans.code == "identification_demandee"
    avec = monde.serveur.ouvrir_service(cdi, "notes", renew=True, identifiant="lea.martin",
                                        mot_de_passe=MOTS_DE_PASSE["lea.martin"])
    assert avec.ok and avec.validation.nouvelle_connexion


def test_gateway_sans_session_ne_demande_rien(monde, cdi):
    acces = monde.serveur.acceder(cdi, "messagerie", gateway=True)
    assert not acces.ok and acces.code == "passerelle_sans_session"
    assert acces.ticket is None and acces.url_redirection == URL_MESSAGERIE
    assert acces.echanges[-1].statut == 302 and acces.echanges[-1].location == URL_MESSAGERIE
    assert monde.journal[-1].operation == "passerelle_sans_session"
    complet = monde.serveur.ouvrir_service(cdi, "messagerie", gateway=True)
    assert not complet.ok and complet.code == "passerelle_sans_session"
    assert not any(e.methode == "POST" for e in complet.echanges)


def test_gateway_avec_session_donne_un_ticket(monde, cdi):
    monde.connecter(cdi)
    acces = monde.serveur.acceder(cdi, "messagerie", gateway=True)
    assert acces.ok and acces.ticket.startswith("ST-")


def test_renew_l_emporte_sur_gateway(monde, cdi):
    monde.connecter(cdi)
    acces = monde.serveur.acceder(cdi, "notes", renew=True, gateway=True)
    assert acces.code == "identification_demandee"


def test_autorisation_refusee(cdi):
    monde = Monde(refus={("lea.martin", "notes")})
    monde.connecter(cdi)
    acces = monde.serveur.ouvrir_service(cdi, "notes")
    assert not acces.ok and acces.code == "acces_refuse" and acces.autorise is False
    assert "réservé aux personnels" in acces.message
    entree = monde.journal[-1]
    assert (entree.operation, entree.identite, entree.service, entree.poste) == \
        ("acces_refuse", "lea.martin", "notes", "Poste du CDI")
    assert not any(t.service == "notes" for t in monde.serveur.tickets())


def test_mauvais_mot_de_passe(monde, cdi):
    connexion = monde.serveur.connexion(cdi, "lea.martin", "mauvais", service="cahier_de_textes")
    assert not connexion.ok and connexion.code == "identifiants_incorrects"
    assert connexion.tgt is None and monde.serveur.tgt_de(cdi) is None
    assert not cdi.cookies()
    assert "mauvais" not in (connexion.echanges[-1].corps or "")  # mot de passe masqué


def test_ouvrir_session_avec_une_autre_preuve(monde, cdi):
    preuve = ResultatTest(True, "otp_reussi", "Code accepté.", "paul.durand", methode="otp")
    connexion = monde.serveur.ouvrir_session(cdi, preuve, service="messagerie")
    assert connexion.ok and connexion.methode == "otp" and connexion.ticket
    assert monde.serveur.tgt_de(cdi).methode == "otp"


# -- expiration de la session SSO ------------------------------------------------------------

def test_inactivite_de_plus_de_deux_heures(monde, cdi):
    monde.connecter(cdi)
    tgt = monde.serveur.tgt_de(cdi).tgt
    monde.horloge.avancer(heures=2)
    monde.horloge.avancer(1)
    acces = monde.serveur.acceder(cdi, "messagerie")
    assert not acces.ok and acces.code == "reauthentification_demandee"
    assert "inactivité" in acces.message
    operations = [e.operation for e in monde.journal]
    assert operations[-3:] == ["tgt_expire", "deconnexion_propagee",
                               "reauthentification_demandee"]
    assert monde.journal.filtrer(operation="tgt_expire")[0].objet == tgt
    assert monde.serveur.tgt_de(cdi) is None  # cookie périmé effacé
    assert not monde.cahier.sessions_ouvertes()


def test_l_activite_garde_la_session_vivante(monde, cdi):
    monde.connecter(cdi)
    monde.horloge.avancer(heures=1, minutes=59)
    assert monde.serveur.ouvrir_service(cdi, "messagerie").sso
    monde.horloge.avancer(heures=1, minutes=59)
    acces = monde.serveur.acceder(cdi, "notes")
    assert acces.ok and acces.code == "ticket_emis"


def test_duree_maximale_de_huit_heures_meme_avec_activite(monde, cdi):
    monde.connecter(cdi)
    for _ in range(8):
        monde.horloge.avancer(heures=1)
        assert monde.serveur.acceder(cdi, "messagerie").ok
    monde.horloge.avancer(1)
    acces = monde.serveur.acceder(cdi, "messagerie")
    assert acces.code == "reauthentification_demandee"
    assert "durée maximale" in acces.message
    expiration = monde.journal.filtrer(operation="tgt_expire")[-1]
    assert "8 h" in expiration.detail


def test_sessions_sso_ne_modifie_rien(monde, cdi):
    monde.connecter(cdi)
    monde.horloge.avancer(heures=3)
    avant = len(monde.journal)
    sessions = monde.serveur.sessions_sso()
    assert [s.etat for s in sessions] == ["expirée"]
    assert monde.serveur.tgt_de(cdi).etat == "expirée"
    assert len(monde.journal) == avant


def test_nouvel_utilisateur_sur_le_meme_poste_ferme_la_session_precedente(monde, cdi):
    monde.connecter(cdi, "lea.martin")
    # Léa est partie sans se déconnecter : sur ce poste, la messagerie s'ouvre à son nom (SSO)
    assert monde.serveur.ouvrir_service(cdi, "messagerie").identifiant == "lea.martin"
    connexion = monde.serveur.connexion(cdi, "paul.durand", MOTS_DE_PASSE["paul.durand"])
    assert connexion.ok
    assert monde.serveur.tgt_de(cdi).identifiant == "paul.durand"
    assert not monde.messagerie.sessions_ouvertes()
    assert not monde.cahier.sessions_ouvertes()
    assert [s.identifiant for s in monde.serveur.sessions_sso()] == ["paul.durand"]


# -- déconnexion unique ----------------------------------------------------------------------

def test_deconnexion_propagee_a_chaque_service(monde, cdi):
    r1 = monde.connecter(cdi)
    r2 = monde.serveur.ouvrir_service(cdi, "messagerie")
    restant = monde.ticket_pour(cdi, "notes")  # émis mais jamais présenté
    resultat = monde.serveur.deconnexion(cdi)
    assert resultat.ok and set(resultat.services_notifies) == {"cahier_de_textes", "messagerie"}
    for service, acces in ((monde.cahier, r1), (monde.messagerie, r2)):
        (avis,) = service.avis_recus()
        assert avis.session_index == acces.ticket and avis.session_fermee
        assert not service.sessions_ouvertes()
        assert service.session_du_ticket(acces.ticket).fermee_le is not None
    assert monde.serveur.tgt_de(cdi) is None and not cdi.cookie(
        "https://ent.example/cas/login", "TGC")
    assert resultat.tickets_detruits == (restant,)
    assert all(not t.vivant for t in monde.serveur.tickets())
    assert monde.serveur.valider(restant, URL_NOTES).code == INVALID_TICKET
    assert not monde.serveur.acceder(cdi, "messagerie").ok
    # revenir au service avec l'ancien cookie de session ne suffit plus
    assert monde.serveur.ouvrir_service(cdi, "messagerie").code == "identification_demandee"


def test_demande_de_deconnexion_est_du_vrai_saml(monde, cdi):
    acces = monde.connecter(cdi)
    monde.horloge.avancer(minutes=30)
    (xml,) = monde.serveur.deconnexion(cdi).requetes
    racine = ET.fromstring(xml)
    assert racine.tag == f"{SAMLP}LogoutRequest"
    assert racine.get("Version") == "2.0"
    # 8 h 30 à Paris en septembre (heure d'été, UTC+2) = 6 h 30 UTC
    assert racine.get("IssueInstant") == "2026-09-07T06:30:00Z"
    assert re.fullmatch(r"LR-\d+-[A-Za-z0-9]+", racine.get("ID"))
    assert racine.findtext(f"{{{NS_SAML}}}NameID") == "@NOT_USED@"
    assert racine.findtext(f"{SAMLP}SessionIndex") == acces.ticket


def test_deconnexion_journalisee(monde, cdi):
    monde.connecter(cdi)
    monde.serveur.ouvrir_service(cdi, "messagerie")
    debut = monde.journal.dernier_numero()
    monde.serveur.deconnexion(cdi)
    nouvelles = monde.journal.depuis(debut)
    assert [(e.operation, e.service) for e in nouvelles] == [
        ("deconnexion", None), ("deconnexion_propagee", "cahier_de_textes"),
        ("deconnexion_propagee", "messagerie")]
    assert all(e.identite == "lea.martin" and e.poste == "Poste du CDI" for e in nouvelles)


def test_deconnexion_sans_session(monde, cdi):
    resultat = monde.serveur.deconnexion(cdi)
    assert not resultat.ok and resultat.code == "aucune_session"


def test_deux_navigateurs_sont_independants(monde, cdi):
    telephone = Navigateur("Téléphone")
    monde.connecter(cdi)
    sur_tel = monde.connecter(telephone, service="messagerie")
    assert monde.serveur.tgt_de(cdi).tgt != monde.serveur.tgt_de(telephone).tgt
    monde.serveur.deconnexion(cdi)
    assert monde.serveur.tgt_de(telephone).etat == "active"
    assert monde.messagerie.session_de(telephone).ticket == sur_tel.ticket
    assert monde.serveur.ouvrir_service(telephone, "cahier_de_textes").sso
    assert monde.serveur.acceder(cdi, "cahier_de_textes").code == "identification_demandee"


def test_fermer_le_navigateur_n_est_pas_se_deconnecter(monde, cdi):
    monde.connecter(cdi)
    cdi.fermer()
    assert monde.serveur.tgt_de(cdi) is None
    assert [s.etat for s in monde.serveur.sessions_sso()] == ["active"]


def test_service_recoit_une_demande_illisible(monde):
    with pytest.raises(ValeurInvalide, match="XML mal formé"):
        monde.cahier.recevoir_deconnexion("<samlp:LogoutRequest")
    avis = monde.cahier.recevoir_deconnexion(
        f'<samlp:LogoutRequest xmlns:samlp="{NS_SAMLP}" ID="LR-9-x" Version="2.0" '
        f'IssueInstant="2026-09-07T08:00:00Z"><samlp:SessionIndex>ST-9-inconnu'
        f"</samlp:SessionIndex></samlp:LogoutRequest>")
    assert not avis.session_fermee and "aucune session" in avis.message


# -- format des tickets ----------------------------------------------------------------------

def test_format_des_tickets_en_mode_securise(cdi):
    monde = Monde(reproductible=False)
    acces = monde.connecter(cdi)
    ticket, tgt = acces.ticket, monde.serveur.tgt_de(cdi).tgt
    assert re.fullmatch(r"ST-\d+-[A-Za-z0-9]{24}", ticket)
    assert re.fullmatch(r"TGT-\d+-[A-Za-z0-9]{32}", tgt)
    assert re.fullmatch(r"[A-Za-z0-9-]+", ticket + tgt)
    assert len(ticket) <= 32  # longueur que tout service DOIT accepter (3.1.1)
    assert ENTROPIE_ST >= 128 and ENTROPIE_ST == pytest.approx(24 * math.log2(62))
    autre = Monde(reproductible=False)
    assert autre.connecter(Navigateur("Poste du CDI")).ticket != ticket


def test_tickets_reproductibles_avec_une_graine(cdi):
    premier = Monde().connecter(cdi).ticket
    second = Monde().connecter(Navigateur("Poste du CDI")).ticket
    assert premier == second


def test_cookie_tgc_contient_le_tgt(monde, cdi):
    monde.connecter(cdi)
    cookie = cdi.cookie("https://ent.example/cas/login", "TGC")
    assert cookie.valeur == monde.serveur.tgt_de(cdi).tgt
    assert cookie.chemin == "/cas" and cookie.securise
    assert cdi.cookie(URL_MESSAGERIE, "TGC") is None  # jamais envoyé aux services


# -- XML de validation -----------------------------------------------------------------------

def test_xml_de_succes(monde, cdi):
    monde.connecter(cdi)
    monde.horloge.avancer(minutes=5)
    ticket = monde.ticket_pour(cdi, "messagerie")
    racine = ET.fromstring(monde.serveur.valider(ticket, URL_MESSAGERIE).xml())
    assert racine.tag == f"{CAS}serviceResponse"
    succes = racine.find(f"{CAS}authenticationSuccess")
    assert succes.findtext(f"{CAS}user") == "lea.martin"
    attributs = succes.find(f"{CAS}attributes")
    # connexion à 8 h au lycée, en septembre : 6 h UTC (le « Z » signifie UTC)
    assert attributs.findtext(f"{CAS}authenticationDate") == "2026-09-07T06:00:00Z"
    assert attributs.findtext(f"{CAS}longTermAuthenticationRequestTokenUsed") == "false"
    assert attributs.findtext(f"{CAS}isFromNewLogin") == "false"
    assert attributs.findtext(f"{CAS}profil") == "Élève"
    assert [e.text for e in attributs.findall(f"{CAS}responsables")] == ["m.martin",
                                                                         "s.martin"]


@pytest.mark.parametrize("ticket, service, code", [
    (None, URL_CAHIER, INVALID_REQUEST),
    ("PT-1-abc", URL_CAHIER, INVALID_TICKET_SPEC),
    ("ST-1-inconnu", URL_CAHIER, INVALID_TICKET),
])
def test_xml_d_echec(monde, ticket, service, code):
    validation = monde.serveur.valider(ticket, service)
    racine = ET.fromstring(validation.xml())
    echec = racine.find(f"{CAS}authenticationFailure")
    assert echec.get("code") == code and echec.text == validation.message
    assert racine.find(f"{CAS}authenticationSuccess") is None


def test_xml_d_echec_invalid_service(monde, cdi):
    monde.connecter(cdi)
    ticket = monde.ticket_pour(cdi, "notes")
    xml = monde.serveur.valider(ticket, URL_CAHIER).xml()
    assert ET.fromstring(xml).find(f"{CAS}authenticationFailure").get("code") == \
        INVALID_SERVICE


def test_service_lit_l_identite_dans_le_xml(monde, cdi):
    acces = monde.connecter(cdi)
    session = monde.cahier.session_de(cdi)
    assert session.identifiant == "lea.martin" and session.ticket == acces.ticket
    assert session.attributs["responsables"] == ("m.martin", "s.martin")


# -- journal et échanges d'un scénario -------------------------------------------------------

def test_journal_d_un_scenario(monde, cdi):
    monde.serveur.ouvrir_service(cdi, "cahier_de_textes", identifiant="lea.martin",
                                 mot_de_passe="faux")
    premier = monde.connecter(cdi)
    second = monde.serveur.ouvrir_service(cdi, "messagerie")
    monde.serveur.deconnexion(cdi)
    tgt = monde.serveur.sessions_sso(toutes=True)[0].tgt
    assert [(e.operation, e.service, e.objet) for e in monde.journal] == [
        ("connexion_echouee", None, None),
        ("connexion_reussie", None, None),
        ("tgt_cree", None, tgt),
        ("acces_autorise", "cahier_de_textes", None),
        ("ticket_emis", "cahier_de_textes", premier.ticket),
        ("ticket_valide", "cahier_de_textes", premier.ticket),
        ("acces_autorise", "messagerie", None),
        ("ticket_emis", "messagerie", second.ticket),
        ("ticket_valide", "messagerie", second.ticket),
        ("deconnexion", None, tgt),
        ("deconnexion_propagee", "cahier_de_textes", premier.ticket),
        ("deconnexion_propagee", "messagerie", second.ticket),
    ]
    assert {e.poste for e in monde.journal} == {"Poste du CDI"}
    assert monde.journal.verifier().intact


def test_echanges_de_l_aller_retour(monde, cdi):
    acces = monde.connecter(cdi)
    resume = [(e.emetteur, e.destinataire, e.methode, e.statut) for e in acces.echanges]
    assert resume == [
        ("Poste du CDI", "Cahier de textes", "GET", 302),
        ("Poste du CDI", "Serveur CAS", "GET", 200),
        ("Poste du CDI", "Serveur CAS", "POST", 302),
        ("Poste du CDI", "Cahier de textes", "GET", 200),
        ("Cahier de textes", "Serveur CAS", "GET", 200),
    ]
    redirection, retour = acces.echanges[2], acces.echanges[3]
    assert redirection.location == f"{URL_CAHIER}?ticket={acces.ticket}"
    assert redirection.cookies_poses[0].startswith("TGC=TGT-")
    assert retour.url == redirection.location
    assert retour.numero < acces.echanges[4].numero
    assert "service=https%3A%2F%2Fent.example%2Fcahier-de-textes" in \
        acces.echanges[0].location
    assert acces.echanges[4].reponse.startswith("<cas:serviceResponse")
    assert [e.numero for e in cdi.historique] == sorted(e.numero for e in cdi.historique)
    assert all(e.canal == "navigateur" for e in cdi.historique)


# -- erreurs claires pour les élèves ---------------------------------------------------------

def test_erreurs_en_francais(monde, cdi):
    with pytest.raises(Introuvable, match="Aucun service « cantine »"):
        monde.serveur.ouvrir_service(cdi, "cantine")
    with pytest.raises(ValeurInvalide, match="navigateur"):
        monde.serveur.acceder("Poste du CDI", "messagerie")
    with pytest.raises(ValeurInvalide, match="True ou False"):
        monde.serveur.acceder(cdi, "messagerie", renew="oui")
    with pytest.raises(ValeurInvalide, match="texte"):
        monde.serveur.valider(123, URL_CAHIER)
    with pytest.raises(ValeurInvalide, match="https"):
        ServiceApplicatif("blog", "Blog", "http://blog.example.org/")
    with pytest.raises(ValeurInvalide, match="déjà enregistré"):
        monde.serveur.enregistrer(ServiceApplicatif("notes", "Notes bis", URL_NOTES + "x"))
    with pytest.raises(ErreurENT, match="pas encore enregistré"):
        ServiceApplicatif("blog", "Blog", "https://blog.example.org/").ouvrir(cdi)
    with pytest.raises(ValeurInvalide, match="ensemble"):
        monde.serveur.ouvrir_service(cdi, "notes", identifiant="lea.martin")


def test_durees_configurables():
    h = Horloge()
    with pytest.raises(ValeurInvalide, match="duree_ticket"):
        ServeurCAS(h, Journal(h), SourceAleatoire(), verifier_identifiants=lambda *a: None,
                   duree_ticket=timedelta(0))


# -- heures écrites en UTC -------------------------------------------------------------------

@pytest.mark.parametrize("local, utc", [
    (datetime(2026, 9, 7, 8, 0), "2026-09-07T06:00:00Z"),      # septembre : UTC+2
    (datetime(2027, 1, 11, 8, 0), "2027-01-11T07:00:00Z"),     # janvier : UTC+1
    (datetime(2026, 3, 29, 1, 59), "2026-03-29T00:59:00Z"),    # juste avant l'heure d'été
    (datetime(2026, 3, 29, 3, 0), "2026-03-29T01:00:00Z"),     # heure d'été commencée
    (datetime(2026, 10, 25, 2, 30), "2026-10-25T00:30:00Z"),   # 2 h 30 vécue deux fois : été
    (datetime(2026, 10, 25, 3, 0), "2026-10-25T02:00:00Z"),    # retour à l'heure d'hiver
])
def test_dates_xml_converties_de_paris_en_utc(local, utc, monkeypatch):
    from entsim.sso import reponses as sso

    assert sso._date_xml(local) == utc
    # sans la base des fuseaux (Windows sans tzdata) : la règle européenne donne la même heure
    import zoneinfo

    def absente(_nom):
        raise zoneinfo.ZoneInfoNotFoundError("Europe/Paris")

    monkeypatch.setattr(zoneinfo, "ZoneInfo", absente)
    assert sso._date_xml(local) == utc


def test_regle_europeenne_identique_a_zoneinfo_sur_une_annee():
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from entsim.sso.reponses import _decalage_paris_regle_ue

    instant = datetime(2026, 1, 1)
    while instant < datetime(2027, 1, 1):
        attendu = instant.replace(tzinfo=ZoneInfo("Europe/Paris")).utcoffset()
        assert _decalage_paris_regle_ue(instant) == attendu, instant
        instant += timedelta(minutes=30)


def test_date_xml_en_janvier_dans_la_reponse_cas(monde, cdi):
    monde.horloge.aller_a(datetime(2027, 1, 11, 8, 0))
    monde.connecter(cdi)
    ticket = monde.ticket_pour(cdi, "messagerie")
    racine = ET.fromstring(monde.serveur.valider(ticket, URL_MESSAGERIE).xml())
    date = racine.find(f"{CAS}authenticationSuccess/{CAS}attributes")
    assert date.findtext(f"{CAS}authenticationDate") == "2027-01-11T07:00:00Z"


# -- cas limites du CAS (issue 10, section 3) ------------------------------------------------

#: Caractères interdits partout dans un document XML 1.0 (production « Char », section 2.2) :
#: contrôles C0 sauf tabulation et fins de ligne, demi-codets isolés, U+FFFE et U+FFFF.
HORS_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _bien_forme(xml: str):
    """Le document se lit avec les deux analyseurs XML de la bibliothèque standard."""
    from xml.dom import minidom

    minidom.parseString(xml)
    return ET.fromstring(xml)


def _journal_propre(journal: Journal) -> None:
    for entree in journal:
        for valeur in (entree.detail, entree.objet or "", entree.identite or ""):
            assert not HORS_XML.search(valeur), entree
    assert journal.verifier().intact


@pytest.mark.parametrize("ticket", ["ST-\x01", "ST-1-abc\x1b", "ST-\udfff", "PT-\x00",
                                    "\x0c", "ST-\ufffe", "ST-1-abc\x7f\x85"])
def test_ticket_avec_caractere_de_controle_jamais_recopie_brut(monde, ticket):
    validation = monde.serveur.valider(ticket, URL_CAHIER)
    assert not validation.ok and validation.code == INVALID_TICKET_SPEC
    echec = _bien_forme(validation.xml()).find(f"{CAS}authenticationFailure")
    assert echec.get("code") == INVALID_TICKET_SPEC and echec.text == validation.message
    assert not HORS_XML.search(validation.message)
    assert not re.search("[\x7f-\x9f]", validation.message)  # DEL et C1, déconseillés
    assert "n'est pas un ticket de service" in validation.message or "proxy" in \
        validation.message
    _journal_propre(monde.journal)


@pytest.mark.parametrize("suffixe", ["\x1b", "\x00", "\udfff", "\uffff"])
def test_url_de_service_avec_caractere_de_controle(monde, cdi, suffixe):
    monde.connecter(cdi)
    ticket = monde.ticket_pour(cdi, "messagerie")
    validation = monde.serveur.valider(ticket, URL_MESSAGERIE + suffixe)
    assert validation.code == INVALID_SERVICE and "n'est pas enregistré" in validation.message
    assert _bien_forme(validation.xml()).find(f"{CAS}authenticationFailure").text == \
        validation.message
    assert not monde.serveur.valider(ticket, URL_MESSAGERIE).ok  # invalidé quand même
    _journal_propre(monde.journal)


@pytest.mark.parametrize("ticket", ["ST-\x01", "ST-\udfff", "ST-1-abc\x1b"])
def test_un_service_recoit_un_ticket_hostile_sans_traceback(monde, cdi, ticket):
    acces = monde.cahier.recevoir_ticket(cdi, ticket)
    assert not acces.ok and acces.code == "ticket_refuse"
    assert acces.validation.code == INVALID_TICKET_SPEC
    assert "Le serveur CAS a refusé le ticket" in acces.message
    assert not monde.cahier.sessions_ouvertes() and cdi.cookies() == []
    _bien_forme(next(e.reponse for e in acces.echanges if e.reponse))  # /p3/serviceValidate


@pytest.mark.parametrize("service", ["https://pirate.example.org/\udfff", "cantine\x1b"])
def test_acceder_ou_se_connecter_avec_une_adresse_hostile(monde, cdi, service):
    acces = monde.serveur.acceder(cdi, service)
    assert not acces.ok and acces.code == "service_inconnu" and acces.ticket is None
    connexion = monde.serveur.connexion(cdi, "lea.martin", MOTS_DE_PASSE["lea.martin"],
                                        service=service)
    assert not connexion.ok and connexion.code == "service_inconnu"
    assert monde.serveur.sessions_sso() == []


def test_un_ticket_enorme_n_est_pas_recopie_en_entier(monde):
    validation = monde.serveur.valider("ST-" + "a" * 1_000_000, URL_CAHIER)
    assert validation.code == INVALID_TICKET_SPEC
    assert len(validation.message) < 500
    assert "1\u202f000\u202f003 caractères" in validation.message
    assert len(monde.journal[-1].detail) < 600 and len(monde.journal[-1].objet) < 200


def test_attributs_avec_caracteres_de_controle_restent_du_xml_bien_forme(cdi):
    def attributs(identifiant):
        return {"nom": "Mar\x01tin", "classe": "T\udfffSTMG1", "notes": ["1\x1b", "ok"]}

    monde = Monde(attributs=attributs)
    acces = monde.connecter(cdi)
    assert acces.ok and acces.identifiant == "lea.martin"
    racine = _bien_forme(acces.validation.xml())
    lus = racine.find(f"{CAS}authenticationSuccess/{CAS}attributes")
    assert lus.findtext(f"{CAS}nom") == "Mar\ufffdtin"   # caractère de remplacement visible
    assert [e.text for e in lus.findall(f"{CAS}notes")] == ["1\ufffd", "ok"]
    assert monde.cahier.session_de(cdi).attributs["classe"] == "T\ufffdSTMG1"


@pytest.mark.parametrize("nom", ["a²", "x\u00d7y", "é\x01"])
def test_nom_d_attribut_impossible_en_xml_donne_internal_error(cdi, nom):
    monde = Monde(attributs=lambda identifiant: {nom: "valeur"})
    acces = monde.connecter(cdi)
    assert not acces.ok and acces.validation.code == INTERNAL_ERROR
    _bien_forme(acces.validation.xml())
    _journal_propre(monde.journal)


def test_identite_impossible_a_transmettre_refusee_avant_toute_session(monde, cdi):
    avant = len(monde.journal)
    with pytest.raises(ValeurInvalide, match="caractère"):
        monde.serveur.ouvrir_session(cdi, ResultatTest(True, "ok", "Preuve acceptée.",
                                                       "lea\x01martin"))
    with pytest.raises(ValeurInvalide, match="caractère"):
        monde.serveur.connexion(cdi, "lea.martin\x1b", MOTS_DE_PASSE["lea.martin"])
    assert monde.serveur.sessions_sso(toutes=True) == [] and cdi.cookies() == []
    assert len(monde.journal) == avant


def test_demande_de_deconnexion_toujours_bien_formee():
    from entsim.sso.reponses import requete_deconnexion

    xml = requete_deconnexion("LR-1-\x01\"<", datetime(2026, 9, 7, 8), "ST-\x02&\udfff")
    racine = _bien_forme(xml)
    assert racine.findtext(f"{SAMLP}SessionIndex") == "ST-\ufffd&\ufffd"


# Toute exception levée en construisant les attributs devient INTERNAL_ERROR (section 2.5.3),
# journalisée, et le ticket reste consommé (section 3.1.1).
@pytest.mark.parametrize("erreur", [KeyError("classe"), RuntimeError("annuaire indisponible"),
                                    ZeroDivisionError("division par zéro"),
                                    TypeError("\x01\udfff")])
def test_toute_erreur_des_attributs_donne_internal_error(cdi, erreur):
    def attributs_casses(identifiant):
        raise erreur

    monde = Monde(attributs=attributs_casses)
    monde.serveur.connexion(cdi, "lea.martin", MOTS_DE_PASSE["lea.martin"])
    ticket = monde.ticket_pour(cdi, "messagerie")
    validation = monde.serveur.valider(ticket, URL_MESSAGERIE)
    assert not validation.ok and validation.code == INTERNAL_ERROR
    assert "Erreur interne" in validation.message and "lea.martin" in validation.message
    _bien_forme(validation.xml())
    derniere = monde.journal[-1]
    assert derniere.operation == "ticket_refuse" and derniere.objet == ticket
    assert derniere.detail.startswith("INTERNAL_ERROR")
    assert {t.ticket: t.etat for t in monde.serveur.tickets()}[ticket] == "refusé"
    rejeu = monde.serveur.valider(ticket, URL_MESSAGERIE)
    assert rejeu.code == INVALID_TICKET and "déjà présenté" in rejeu.message
    _journal_propre(monde.journal)


def test_attributs_dont_la_lecture_echoue_donnent_internal_error(cdi):
    class Attributs(dict):
        def items(self):
            raise RuntimeError("lecture impossible")

    monde = Monde(attributs=lambda identifiant: Attributs(profil="Élève"))
    acces = monde.connecter(cdi)
    assert not acces.ok and acces.validation.code == INTERNAL_ERROR
    assert monde.journal[-1].operation == "ticket_refuse"


# Expiration de la session SSO vérifiée à la validation, sans attendre un navigateur.
def test_ticket_emis_juste_avant_la_duree_maximale_ne_valide_pas_apres(monde, cdi):
    monde.connecter(cdi)
    for _ in range(7):
        monde.horloge.avancer(heures=1)
        assert monde.serveur.acceder(cdi, "notes").ok     # activité : pas d'inactivité
    monde.horloge.avancer(minutes=59, secondes=55)        # 8 h − 5 s après la connexion
    ticket = monde.ticket_pour(cdi, "messagerie")
    monde.horloge.avancer(6)                               # ticket encore dans ses 10 s
    validation = monde.serveur.valider(ticket, URL_MESSAGERIE)
    assert not validation.ok and validation.code == INVALID_TICKET
    assert "durée maximale" in validation.message
    operations = [e.operation for e in monde.journal]
    assert operations.index("tgt_expire") < len(operations) - 1
    assert operations[-1] == "ticket_refuse"
    assert {t.ticket: t.etat for t in monde.serveur.tickets()}[ticket] == "refusé"
    assert monde.serveur.sessions_sso() == []
    _journal_propre(monde.journal)


def test_ticket_refuse_si_la_session_a_depasse_l_inactivite(cdi):
    # Durées choisies pour l'exemple : un ticket valable 5 min (le maximum recommandé par la
    # spécification, section 3.1.1) et une session qui expire après 2 min sans activité.
    monde = Monde(duree_ticket=timedelta(minutes=5), inactivite_max=timedelta(minutes=2))
    monde.connecter(cdi)
    ticket = monde.ticket_pour(cdi, "messagerie")
    monde.horloge.avancer(minutes=3)
    validation = monde.serveur.valider(ticket, URL_MESSAGERIE)
    assert not validation.ok and validation.code == INVALID_TICKET
    assert "inactivité" in validation.message
    assert monde.journal.filtrer(operation="tgt_expire")


# Longueur des tickets : tout service DOIT accepter 32 caractères (section 3.1.1).
def test_un_ticket_tient_toujours_en_32_caracteres(monde, cdi):
    monde.connecter(cdi)
    longueurs = set()
    for _ in range(10_001):
        acces = monde.serveur.acceder(cdi, "messagerie")
        longueurs.add(len(acces.ticket))
    assert acces.ticket.startswith("ST-10002-")
    assert max(longueurs) <= 32


@pytest.mark.parametrize("numero", [99_999, 999_998, 999_999, 10**9])
def test_grands_numeros_de_ticket(monde, cdi, numero):
    monde.connecter(cdi)
    monde.serveur._compteurs["ST"] = numero
    tickets = [monde.serveur.acceder(cdi, "messagerie").ticket for _ in range(3)]
    for ticket in tickets:
        assert len(ticket) <= 32 and re.fullmatch(r"ST-\d+-[A-Za-z0-9]{22,24}", ticket)
    assert len(set(tickets)) == 3
