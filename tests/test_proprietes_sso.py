"""Propriétés du SSO : une machine à états hypothesis joue des scénarios au hasard.

Sur un ENT de démonstration (``ENT.demo(cout="rapide")`` : empreintes rapides, le temps des
tests), la machine enchaîne au hasard : connexions réussies ou ratées (jusqu'au blocage du
compte), demandes de ticket, présentations de tickets (au bon service, à un autre, rejouées,
inventées ou hostiles), attentes de durées quelconques sur l'horloge simulée (jusqu'à
l'inactivité et à la durée maximale des sessions), déconnexions, sur trois postes.

À côté, un **modèle** écrit d'après les textes, et non d'après le code du serveur, dit ce qui
doit arriver :

* spécification CAS 3.0 (Apereo), section 3.1.1 : un ticket de service ne sert qu'à une seule
  tentative de validation, réussie ou non, pour le seul service pour lequel il a été émis, et
  peu de temps ; section 2.3 : la déconnexion détruit la session SSO ;
* durées par défaut du serveur de référence Apereo CAS (pas des exigences du protocole) :
  ticket valable 10 s, session SSO close après 2 h sans utilisation ou 8 h après son
  ouverture ; une limite atteinte exactement n'est pas dépassée ; un ticket meurt avec sa
  session (classe ``AbstractTicket`` d'Apereo, méthode ``isExpired``) ;
* SDET, document 2 : ré-authentification après inactivité ou après une durée maximale ;
  déconnexion propagée à chaque service ouvert ; chaque opération AAS datée et reliée à une
  identité ;
* réglage des ENT réels (Open ENT NG), pas un chiffre de la CNIL : 5 échecs successifs →
  compte bloqué 15 minutes, compteur remis à zéro à la fin du blocage.

Invariants vérifiés après chaque étape : un ticket est validé au plus une fois, jamais après
son expiration, celle de sa session, une déconnexion ou un remplacement ; un service ne reçoit
jamais d'autre identité que celle du ticket ; chaque opération est journalisée, datée, dans
l'ordre ; la chaîne du journal se vérifie, y compris avec les sceaux gardés en route ; une
copie falsifiée du journal (ligne modifiée, supprimée, insérée, permutée, fin tronquée, suite
recalculée) est détectée — avec un sceau quand la chaîne seule ne peut pas le voir.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from xml.dom import minidom

import pytest
from hypothesis import assume, settings
from hypothesis import strategies as st
from hypothesis.stateful import (Bundle, RuleBasedStateMachine, invariant, multiple,
                                 precondition, rule)

from entsim import ENT, MOTS_DE_PASSE_DEMO
from entsim.ent import POSTES
from entsim.etablissement.generation import PERSONAS
from proprietes import compter, exemples

pytestmark = pytest.mark.lent

NS_CAS = "{http://www.yale.edu/tp/cas}"

# Le modèle : durées écrites d'après les textes cités plus haut, pas lues dans le code.
DUREE_TICKET = timedelta(seconds=10)
INACTIVITE_MAX = timedelta(hours=2)
DUREE_MAX = timedelta(hours=8)
SEUIL_BLOCAGE = 5
DUREE_BLOCAGE = timedelta(minutes=15)

ROLES = ("eleve", "mere", "autre_eleve", "professeur_principal")
MOTS_DE_PASSE = {PERSONAS[r].identifiant: MOTS_DE_PASSE_DEMO[r] for r in ROLES}
INCONNU = "personne.inconnue"
SERVICES = ("cahier_de_textes", "messagerie", "notes", "absences")

#: Attentes, en secondes : surtout petites (autour des 10 s d'un ticket), parfois longues
#: (inactivité, durée maximale, fin d'un blocage), et les bornes exactes.
ATTENTES = st.one_of(
    st.integers(0, 15), st.integers(0, 15), st.integers(0, 20 * 60),
    st.sampled_from([9, 10, 11, 899, 900, 901, 7199, 7200, 7201, 28799, 28800, 28801]),
    st.integers(0, 3 * 3600), st.integers(0, 9 * 3600))

#: Tickets inventés : texte quelconque (demi-codets et contrôles compris) ou forme valable.
FAUX_TICKETS = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=40),
    st.from_regex(r"ST-[0-9]{1,5}-[A-Za-z0-9]{0,30}", fullmatch=True),
    st.sampled_from(["ST-\x01", "PT-1-abc", "", "ST-1-abc\n"]))


@dataclass(eq=False)
class SessionModele:
    identifiant: str
    tgt: str
    cree_le: datetime
    derniere: datetime
    fermee: bool = False

    def vivante(self, maintenant: datetime) -> bool:
        return (not self.fermee and maintenant <= self.cree_le + DUREE_MAX
                and maintenant <= self.derniere + INACTIVITE_MAX)


@dataclass(eq=False)
class TicketModele:
    id: str
    identifiant: str
    service: str
    poste: str
    emis_le: datetime
    session: SessionModele
    presente: bool = False
    validations: int = 0
    session_de_service: bool = False   # validé par le service lui-même (session ouverte)


@dataclass
class CompteModele:
    echecs: int = 0
    bloque_jusqu_a: datetime | None = None


def _xml_bien_forme(xml: str) -> ET.Element:
    minidom.parseString(xml)
    return ET.fromstring(xml)


class MachineSSO(RuleBasedStateMachine):
    """Scénarios SSO au hasard, confrontés au modèle."""

    tickets = Bundle("tickets")

    def __init__(self) -> None:
        super().__init__()
        self.ent = ENT.demo(cout="rapide")
        self.sessions: dict[str, SessionModele] = {}        # poste → sa session SSO
        self.historique: list[tuple[str, SessionModele]] = []  # toutes, même remplacées
        self.modele: dict[str, TicketModele] = {}
        # (poste, service) → le ticket qui a ouvert la session du service sur ce poste
        self.sessions_appli: dict[tuple[str, str], TicketModele] = {}
        self.comptes: dict[str, CompteModele] = {i: CompteModele() for i in MOTS_DE_PASSE}
        self.sceaux: list = []
        compter("SSO : scénarios (machine à états)")

    # -- outils ---------------------------------------------------------------------------
    @property
    def maintenant(self) -> datetime:
        return self.ent.horloge.maintenant()

    def nav(self, poste: str):
        return self.ent.navigateur(poste)

    def url(self, service: str) -> str:
        return self.ent.cas.service(service).url

    def _nouvelles(self, avant: int) -> list:
        """Les lignes écrites par l'opération : datées de maintenant, numérotées à la
        suite."""
        lignes = self.ent.journal.depuis(avant)
        assert [e.numero for e in lignes] == list(range(avant + 1, avant + 1 + len(lignes)))
        assert all(e.instant == self.maintenant for e in lignes)
        return lignes

    def _expirer_le_modele(self) -> None:
        """Toute opération du serveur ferme les sessions expirées (ménage avant chaque
        opération, dont la validation) : le modèle fait de même."""
        for _poste, session in self.historique:
            if not session.vivante(self.maintenant):
                session.fermee = True

    def _postes_connectes(self) -> list[str]:
        return sorted(p for p, s in self.sessions.items() if s.vivante(self.maintenant))

    def _tirer_un_poste_connecte(self, data) -> str:
        return data.draw(st.sampled_from(self._postes_connectes()), label="poste")

    @staticmethod
    def _etape() -> None:
        compter("SSO : étapes jouées")

    # -- règles ---------------------------------------------------------------------------
    @rule(poste=st.sampled_from(POSTES), qui=st.sampled_from(sorted(MOTS_DE_PASSE) + [INCONNU]),
          bon=st.sampled_from([True, True, True, False]))   # surtout le bon mot de passe
    def se_connecter(self, poste, qui, bon):
        self._etape()
        avant = self.ent.journal.dernier_numero()
        maintenant = self.maintenant
        compte = self.comptes.get(qui)
        if compte is not None and compte.bloque_jusqu_a is not None \
                and maintenant >= compte.bloque_jusqu_a:
            compte.echecs, compte.bloque_jusqu_a = 0, None
        mot_de_passe = MOTS_DE_PASSE.get(qui, "Faux-Mot-2-Passe!") if bon else "Faux-Mot-2-Passe!"
        r = self.ent.cas.connexion(self.nav(poste), qui, mot_de_passe)
        lignes = self._nouvelles(avant)
        operations = [e.operation for e in lignes]
        ancienne = self.sessions.get(poste)
        if compte is not None and compte.bloque_jusqu_a is not None:
            assert not r.ok and r.code == "compte_bloque", r
            assert "connexion_refusee_blocage" in operations
        elif compte is not None and bon:
            assert r.ok, r
            compte.echecs = 0
            assert any(e.operation == "connexion_reussie" and e.identite == qui for e in lignes)
            if ancienne is not None and ancienne.vivante(maintenant) \
                    and ancienne.identifiant == qui:
                assert r.tgt == ancienne.tgt and "tgt_cree" not in operations
                ancienne.derniere = maintenant    # authentification renouvelée
            else:
                if ancienne is not None:
                    ancienne.fermee = True        # expirée, ou remplacée par qui
                assert operations.count("tgt_cree") == 1
                self.sessions[poste] = SessionModele(qui, r.tgt, maintenant, maintenant)
                self.historique.append((poste, self.sessions[poste]))
        else:
            assert not r.ok and r.tgt is None, r
            assert any(e.operation == "connexion_echouee" and e.identite == qui for e in lignes)
            if compte is not None:
                compte.echecs += 1
                if compte.echecs >= SEUIL_BLOCAGE:
                    compte.bloque_jusqu_a = maintenant + DUREE_BLOCAGE
                    assert "compte_bloque" in operations
        self._expirer_le_modele()

    @rule(poste=st.sampled_from(POSTES), qui=st.sampled_from(sorted(MOTS_DE_PASSE)))
    def se_tromper_cinq_fois(self, poste, qui):
        for _ in range(SEUIL_BLOCAGE):
            self.se_connecter(poste, qui, False)

    @rule(target=tickets, poste=st.sampled_from(POSTES), service=st.sampled_from(SERVICES))
    def demander_un_ticket(self, poste, service):
        return self._demander(poste, service)

    @precondition(lambda self: self._postes_connectes())
    @rule(target=tickets, data=st.data(), service=st.sampled_from(SERVICES))
    def demander_un_ticket_sur_un_poste_connecte(self, data, service):
        return self._demander(self._tirer_un_poste_connecte(data), service)

    def _demander(self, poste, service):
        self._etape()
        avant = self.ent.journal.dernier_numero()
        maintenant = self.maintenant
        session = self.sessions.get(poste)
        vivante = session is not None and session.vivante(maintenant)
        r = self.ent.cas.acceder(self.nav(poste), self.url(service))
        lignes = self._nouvelles(avant)
        self._expirer_le_modele()
        if not vivante:
            assert not r.ok and r.ticket is None, r
            assert r.code in ("identification_demandee", "reauthentification_demandee")
            return multiple()
        if not r.ok:                                 # refus du service d'autorisation
            assert r.code == "acces_refuse" and r.ticket is None, r
            assert lignes[-1].operation == "acces_refuse"
            return multiple()
        assert r.identifiant == session.identifiant
        assert len(r.ticket) <= 32 and r.ticket.startswith("ST-")
        emis = [e for e in lignes if e.operation == "ticket_emis"]
        assert len(emis) == 1 and emis[0].objet == r.ticket
        assert emis[0].identite == session.identifiant and emis[0].poste == poste
        assert r.ticket not in self.modele
        session.derniere = maintenant                # émettre un ticket utilise le TGT
        self.modele[r.ticket] = TicketModele(r.ticket, session.identifiant, service, poste,
                                             maintenant, session)
        return r.ticket

    @rule(ticket=tickets, cible=st.sampled_from(SERVICES), par_le_service=st.booleans(),
          poste=st.sampled_from(POSTES))
    def presenter_un_ticket(self, ticket, cible, par_le_service, poste):
        self._etape()
        t = self.modele[ticket]
        avant = self.ent.journal.dernier_numero()
        maintenant = self.maintenant
        self._expirer_le_modele()                    # la validation fait le ménage d'abord
        attendu = (not t.presente and maintenant <= t.emis_le + DUREE_TICKET
                   and t.session.vivante(maintenant) and cible == t.service)
        if par_le_service:
            service = self.ent.cas.service(cible)
            acces = service.recevoir_ticket(self.nav(poste), ticket)
            validation = acces.validation
        else:
            validation = self.ent.cas.valider(ticket, self.url(cible))
        t.presente = True                            # consommé, quel que soit le résultat
        assert validation.ok == attendu, (validation.message, t, maintenant)
        racine = _xml_bien_forme(validation.xml())
        lignes = self._nouvelles(avant)
        derniere = lignes[-1]
        assert derniere.objet == ticket
        if attendu:
            t.validations += 1
            assert t.validations == 1
            # l'identité reçue est celle du ticket, et aucune autre
            assert validation.utilisateur == t.identifiant
            assert racine.findtext(f"{NS_CAS}authenticationSuccess/{NS_CAS}user") == \
                t.identifiant
            assert derniere.operation == "ticket_valide" and derniere.identite == t.identifiant
            if par_le_service:
                assert acces.ok and acces.identifiant == t.identifiant
                assert service.session_de(self.nav(poste)).identifiant == t.identifiant
                t.session_de_service = True
                self.sessions_appli[(poste, cible)] = t
        else:
            assert validation.code in ("INVALID_TICKET", "INVALID_SERVICE"), validation
            assert derniere.operation == "ticket_refuse"
            assert racine.find(f"{NS_CAS}authenticationSuccess") is None
            if par_le_service:
                assert not acces.ok

    @rule(target=tickets, poste=st.sampled_from(POSTES), service=st.sampled_from(SERVICES))
    def ouvrir_un_service(self, poste, service):
        """Le parcours complet : le service, le serveur CAS, le ticket, la validation."""
        return self._ouvrir(poste, service)

    @precondition(lambda self: self._postes_connectes())
    @rule(target=tickets, data=st.data(), service=st.sampled_from(SERVICES))
    def ouvrir_un_service_sur_un_poste_connecte(self, data, service):
        return self._ouvrir(self._tirer_un_poste_connecte(data), service)

    def _ouvrir(self, poste, service):
        self._etape()
        avant = self.ent.journal.dernier_numero()
        maintenant = self.maintenant
        self._expirer_le_modele()                    # le service fait d'abord le ménage
        appli = self.sessions_appli.get((poste, service))
        session = self.sessions.get(poste)
        r = self.ent.cas.ouvrir_service(self.nav(poste), service)
        lignes = self._nouvelles(avant)
        if appli is not None and not appli.session.fermee:
            assert r.ok and r.code == "session_existante", r
            assert r.identifiant == appli.identifiant and r.ticket == appli.id
            assert not any(e.operation == "ticket_emis" for e in lignes)
            return multiple()
        if session is None or not session.vivante(maintenant):
            assert not r.ok and r.ticket is None, r
            assert r.code in ("identification_demandee", "reauthentification_demandee")
            return multiple()
        if not r.ok:
            assert r.code == "acces_refuse", r
            return multiple()
        # l'identité ouverte dans le service est celle de la session SSO du poste
        assert r.code == "acces_accorde" and r.identifiant == session.identifiant, r
        assert self.ent.cas.service(service).session_de(self.nav(poste)).identifiant == \
            session.identifiant
        operations = [(e.operation, e.objet) for e in lignes]
        assert operations.index(("ticket_emis", r.ticket)) < \
            operations.index(("ticket_valide", r.ticket))
        session.derniere = maintenant
        t = TicketModele(r.ticket, session.identifiant, service, poste, maintenant, session,
                         presente=True, validations=1, session_de_service=True)
        self.modele[r.ticket] = t
        self.sessions_appli[(poste, service)] = t
        return r.ticket

    @rule(faux=FAUX_TICKETS, cible=st.sampled_from(SERVICES))
    def presenter_un_ticket_invente(self, faux, cible):
        self._etape()
        assume(faux not in self.modele)
        avant = self.ent.journal.dernier_numero()
        validation = self.ent.cas.valider(faux, self.url(cible))
        self._expirer_le_modele()
        assert not validation.ok
        assert validation.code in ("INVALID_REQUEST", "INVALID_TICKET_SPEC", "INVALID_TICKET")
        _xml_bien_forme(validation.xml())
        assert self._nouvelles(avant)[-1].operation == "ticket_refuse"

    @rule(secondes=ATTENTES)
    def attendre(self, secondes):
        self._etape()
        self.ent.avancer(secondes)

    @rule(poste=st.sampled_from(POSTES))
    def se_deconnecter(self, poste):
        self._etape()
        avant = self.ent.journal.dernier_numero()
        session = self.sessions.get(poste)
        vivante = session is not None and session.vivante(self.maintenant)
        r = self.ent.cas.deconnexion(self.nav(poste))
        lignes = self._nouvelles(avant)
        self._expirer_le_modele()
        if not vivante:
            assert not r.ok and r.code == "aucune_session", r
            return
        assert r.ok and r.identifiant == session.identifiant and r.tgt == session.tgt, r
        session.fermee = True
        assert any(e.operation == "deconnexion" and e.objet == session.tgt
                   and e.identite == session.identifiant for e in lignes)
        valides = {t.service for t in self.modele.values()
                   if t.session is session and t.validations}
        assert set(r.services_notifies) == valides
        for xml in r.requetes:     # samlp:LogoutRequest envoyés aux services (annexe C)
            _xml_bien_forme(xml)

    @rule()
    def garder_un_sceau(self):
        """Un sceau (point de contrôle) est gardé ailleurs, par exemple imprimé."""
        self.sceaux.append(self.ent.journal.sceau())

    @precondition(lambda self: len(self.ent.journal) >= 3)
    @rule(attaque=st.sampled_from(["modifier", "supprimer", "inserer", "permuter",
                                   "tronquer", "recalculer"]),
          rang=st.floats(0, 1, exclude_max=True))
    def falsifier_une_copie(self, attaque, rang):
        """Un attaquant réécrit une copie du journal : la falsification doit se voir."""
        sceau = self.ent.journal.sceau()
        copie = copy.deepcopy(self.ent.journal)
        numeros = [e.numero for e in copie]
        # une ligne dont une autre ligne suit (une ligne ajoutée à la fin est un ajout)
        numero = numeros[int(rang * (len(numeros) - 1))]
        if attaque == "modifier":
            copie.falsifier(numero, detail="Rien à signaler.")
        elif attaque == "supprimer":
            copie.supprimer(numero)
        elif attaque == "inserer":
            copie.inserer_apres(numero, "connexion_reussie", identite="intrus")
        elif attaque == "permuter":
            position = numeros.index(numero)
            entrees = copie._entrees       # aucune méthode publique ne permute deux lignes
            entrees[position], entrees[position + 1] = entrees[position + 1], entrees[position]
        elif attaque == "tronquer":
            for n in numeros[numeros.index(numero) + 1:]:
                copie.supprimer(n)
        else:                              # modifier puis recalculer toute la suite
            copie.falsifier(numero, detail="Rien à signaler.")
            copie.recalculer_chaine(numero)
        if attaque in ("tronquer", "recalculer"):   # invisibles sans un sceau gardé ailleurs
            assert not copie.verifier(sceau).intact, attaque
        else:
            assert not copie.verifier().intact, attaque
        assert self.ent.journal.verifier(sceau).intact   # l'original n'a pas bougé

    # -- invariants -----------------------------------------------------------------------
    @invariant()
    def journal_integre_et_dans_l_ordre(self):
        journal = self.ent.journal
        assert journal.verifier().intact
        if self.sceaux:   # les sceaux gardés restent valables quand le journal grandit
            assert journal.verifier(self.sceaux).intact
        entrees = journal.entrees()
        assert all(a.numero + 1 == b.numero and a.instant <= b.instant
                   for a, b in zip(entrees, entrees[1:]))

    @invariant()
    def un_ticket_valide_au_plus_une_fois(self):
        valides = Counter(e.objet for e in self.ent.journal if e.operation == "ticket_valide")
        assert all(n == 1 for n in valides.values())
        assert all(t.validations <= 1 for t in self.modele.values())

    @invariant()
    def sessions_conformes_au_modele(self):
        reelles = {s.tgt: s for s in self.ent.cas.sessions_sso(toutes=True)}
        assert len(reelles) == len(self.historique)
        for poste, session in self.historique:
            reelle = reelles[session.tgt]
            assert reelle.identifiant == session.identifiant and reelle.poste == poste
            if session.fermee:
                assert reelle.etat == "fermée", (poste, reelle)
            elif session.vivante(self.maintenant):
                assert reelle.etat == "active", (poste, reelle)
                assert self.sessions[poste] is session
                assert self.ent.cas.tgt_de(self.nav(poste)).tgt == session.tgt

    @invariant()
    def deconnexion_propagee_aux_services(self):
        """Session SSO fermée → sessions des services ouvertes par ses tickets fermées."""
        for t in self.modele.values():
            if t.session_de_service and t.session.fermee:
                ouverte = self.ent.cas.service(t.service).session_du_ticket(t.id)
                assert ouverte is not None and not ouverte.ouverte, t

    def teardown(self):
        operations = Counter(e.operation for e in self.ent.journal)
        for nom, operation in (("tickets émis", "ticket_emis"),
                               ("tickets validés", "ticket_valide"),
                               ("tickets refusés", "ticket_refuse"),
                               ("sessions expirées", "tgt_expire"),
                               ("déconnexions", "deconnexion"),
                               ("comptes bloqués", "compte_bloque")):
            compter(f"SSO : {nom}", operations[operation])


MachineSSO.TestCase.settings = settings(max_examples=exemples(1200), stateful_step_count=50)
TestMachineSSO = MachineSSO.TestCase
