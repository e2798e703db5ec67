"""Démonstrations du SSO, une ligne chacune dans un notebook (questions 13 à 15).

::

    demo = DemonstrationSSO(ent)
    demo.ouvrir_deux_services()          # cahier de textes, puis messagerie sans mot de passe
    demo.inspecter_tickets()             # les tickets de service et leur état
    demo.rejouer_ticket()                # un ticket déjà utilisé → INVALID_TICKET
    demo.laisser_inactif(heures=2, minutes=1)   # la session SSO expire
    demo.se_deconnecter()                # la déconnexion est propagée à chaque service

Chaque méthode fait réellement l'opération avec le serveur CAS simulé
(:mod:`entsim.sso.serveur`) et rend un résultat
(:class:`~entsim.demonstrations.resultats.ResultatDemonstration`) : un constat en français,
les étapes, les échanges HTTP, les lignes du journal et les documents échangés (réponse XML
du serveur CAS, demandes de déconnexion). Il s'affiche dans un notebook (HTML échappé, et
texte).

Sources : SDET, document 2 (« Single Sign-On » ; « Suite à une période d'inactivité ou après
une certaine durée, les services AAS DOIVENT demander une nouvelle authentification » ;
« propagation de la déconnexion auprès de l'ensemble des services applicatifs ») ;
spécification CAS 3.0 (section 3.1.1 : un ticket de service ne vaut que pour une tentative de
validation ; section 2.3.3 : déconnexion unique) ; durées par défaut d'Apereo CAS (session
SSO : 2 h sans activité, 8 h au plus).
"""

from __future__ import annotations

import math
import re
from datetime import timedelta

from entsim.socle.erreurs import ErreurENT, ValeurInvalide, verifier_texte
from entsim.socle.texte import accorder, cite
from entsim.sso.navigateur import Navigateur
from entsim.sso.parcours import Parcours, parcours_acces
from entsim.sso.reponses import (
    INVALID_SERVICE,
    INVALID_TICKET_SPEC,
    REAUTHENTIFICATION_DEMANDEE,
    SESSION_EXISTANTE,
)
from entsim.sso.tickets import MOTIFS_FIN, SessionSSO
from entsim.demonstrations.commun import (duree_fr, mot_de_passe_a_utiliser,
                                          exiger_ent)
from entsim.demonstrations.resultats import (
    ResultatDeconnexionUnique,
    ResultatDemonstration,
    ResultatDeuxServices,
    ResultatInactivite,
    ResultatRejeu,
    ResultatTickets,
)

__all__ = [
    "INACTIVITE_MAX_DEMONSTRATION", "LIBELLES_ATTRIBUTS", "POSTE_ESPION", "DemonstrationSSO",
]

#: Le poste de l'espion qui rejoue un ticket lu dans l'historique ou dans l'adresse.
POSTE_ESPION = "Ordinateur d'un autre élève"

#: Inactivité la plus longue qu'on peut simuler d'un coup (30 jours).
INACTIVITE_MAX_DEMONSTRATION = timedelta(days=30)

#: Les attributs d'identité, avec leur nom en français (le XML garde le nom technique).
LIBELLES_ATTRIBUTS: dict[str, str] = {
    "profil": "Profil",
    "nom": "Nom",
    "prenom": "Prénom",
    "fonctions": "Fonctions",
    "etablissement": "Établissement (numéro UAI)",
    "classe": "Classe",
    "classes": "Classes",
    "enfants": "Enfants",
    "disciplines": "Disciplines",
}


class DemonstrationSSO:
    """Les démonstrations du SSO avec un ENT simulé et un poste de travail.

    :param ent: l'ENT (``ENT.demo()``).
    :param identifiant: qui se connecte (Léa Martin par défaut).
    :param mot_de_passe: son mot de passe ; pour les personnages de l'ENT de démonstration,
        il est connu (``MOTS_DE_PASSE_DEMO``) et peut être omis.
    :param poste: le poste de travail (un navigateur avec ses cookies).
    :param premier: :param second: les deux services ouverts (codes du catalogue).
    """

    def __init__(self, ent, identifiant: str = "lea.martin", mot_de_passe: str | None = None,
                 *, poste: str = "Poste du CDI", premier: str = "cahier_de_textes",
                 second: str = "messagerie") -> None:
        exiger_ent(ent, "DemonstrationSSO(ent)")
        verifier_texte(identifiant, "identifiant")
        verifier_texte(poste, "poste")
        self.ent = ent
        self.identifiant = identifiant
        self._mot_de_passe = mot_de_passe_a_utiliser(identifiant, mot_de_passe,
                                                      "DemonstrationSSO")
        self.navigateur: Navigateur = ent.navigateur(poste)
        self.premier = ent.catalogue.service(premier).code
        self.second = ent.catalogue.service(second).code
        self.parcours: Parcours | None = None

    # -- outils ------------------------------------------------------------------------
    def _parcours_fait(self, action: str) -> Parcours:
        if self.parcours is None or not self.parcours.ok:
            raise ErreurENT(f"Pour {action}, commencez par demo.ouvrir_deux_services() : "
                            "il faut d'abord une connexion réussie.",
                            code="demonstration_pas_prete")
        return self.parcours

    def _tickets_du_parcours(self) -> list[str]:
        parcours = self._parcours_fait("voir les tickets")
        return [x.objet for e in parcours.etapes for x in e.entrees
                if x.operation == "ticket_emis" and x.objet]

    def _depuis(self) -> tuple[int, int]:
        return self.ent.journal.dernier_numero(), self.ent.cas.reseau.dernier_numero()

    def _traces(self, reperes: tuple[int, int]) -> dict[str, tuple]:
        journal, reseau = reperes
        return {"entrees": tuple(self.ent.journal.depuis(journal)),
                "echanges": tuple(self.ent.cas.reseau.depuis(reseau))}

    def _session_active(self) -> SessionSSO | None:
        """La session SSO du poste si elle est encore valable à l'heure simulée."""
        session = self.ent.cas.tgt_de(self.navigateur)
        return session if session is not None and session.etat == "active" else None

    # -- 1. deux services, un seul mot de passe -------------------------------------------
    def ouvrir_deux_services(self, *, bref: bool = False) -> ResultatDeuxServices:
        """Ouvre le premier service (identifiant et mot de passe saisis), puis le second sans
        rien ressaisir : les 8 étapes de la cinématique du SDET, pour de vrai.

        La cinématique part d'un utilisateur non authentifié (étape 1) : si une session est
        déjà ouverte sur ce poste (cellule exécutée une seconde fois), la démonstration se
        déconnecte d'abord, et le dit. ``bref=True`` n'affiche que le constat.
        """
        reperes = self._depuis()
        prealable: list[str] = []
        self.ent.cas.nettoyer()
        ouverte = self._session_active()
        if ouverte is not None or self.ent.cas.service(self.premier).session_de(
                self.navigateur) is not None:
            fin = self.ent.cas.deconnexion(self.navigateur)
            qui = ouverte.identifiant if ouverte is not None else self.identifiant
            prealable.append(
                f"Une session de {qui} était déjà ouverte sur « {self.navigateur.nom_poste} » "
                "(cellule exécutée une seconde fois ?) : la démonstration s'est d'abord "
                "déconnectée, comme avec demo.se_deconnecter() ("
                + accorder(len(fin.services_notifies), "service prévenu", "services prévenus")
                + "), pour repartir d'un utilisateur non authentifié (étape 1).")
        parcours = parcours_acces(self.ent.cas, self.navigateur, self.identifiant,
                                  self._mot_de_passe, self.premier, self.second)
        self.parcours = parcours
        nom1 = self.ent.cas.service(self.premier).nom
        nom2 = self.ent.cas.service(self.second).nom
        tickets = [x.objet for e in parcours.etapes for x in e.entrees
                   if x.operation == "ticket_emis"]
        session = self.ent.cas.tgt_de(self.navigateur)
        if parcours.ok:
            constat = (f"{self.identifiant} a saisi son mot de passe une seule fois : "
                       f"« {nom1} » puis « {nom2} » se sont ouverts (SSO).")
            lignes = (
                *prealable,
                f"Mot de passe saisi une fois, pour « {nom1} » ; session SSO "
                f"{session.tgt if session else '?'} ouverte (cookie TGC dans "
                f"« {self.navigateur.nom_poste} »).",
                f"Ticket {tickets[0]} émis pour « {nom1} », validé une fois.",
                f"« {nom2} » : le cookie TGC suffit ; ticket {tickets[1]} émis sans "
                "ressaisie du mot de passe.",
                f"Chaque service a reçu l'identité de {self.identifiant} et ses attributs "
                "(propagation de l'identité).",
            )
        else:
            constat = parcours.message
            lignes = (*prealable, *(f"Étape {e.numero} : {e.detail}" for e in parcours.etapes))
        return ResultatDeuxServices(
            titre="Deux services, un seul mot de passe", code=parcours.code, constat=constat,
            lignes=lignes, parcours=parcours, bref=bref, **self._traces(reperes))

    # -- propagation de l'identité ------------------------------------------------------------
    def propagation(self) -> ResultatDemonstration:
        """Ce que le premier service a reçu du serveur CAS en validant son ticket : la réponse
        XML (``cas:authenticationSuccess``, annexe A de CAS 3.0) avec l'identifiant et les
        attributs (SDET : « Service de propagation des informations d'identité »)."""
        parcours = self._parcours_fait("voir l'identité propagée")
        validation = next(x for e in parcours.etapes for x in e.echanges
                          if x.reponse and "authenticationSuccess" in x.reponse)
        attributs = self.ent.attributs(self.identifiant)
        lignes = tuple(
            f"{LIBELLES_ATTRIBUTS.get(nom, nom.capitalize())} : "
            f"{valeur if isinstance(valeur, str) else ', '.join(valeur) or '(aucune)'}"
            for nom, valeur in attributs.items())
        lignes += ("Dans la réponse XML ci-dessous, chaque attribut garde son nom technique, "
                   "sans accent (cas:prenom, cas:etablissement…).",)
        return ResultatDemonstration(
            titre="La propagation de l'identité", code="identite_propagee",
            constat=(f"« {validation.emetteur} » n'a jamais vu le mot de passe : le serveur CAS "
                     f"lui a transmis l'identité de {self.identifiant} et ses attributs."),
            lignes=lignes, echanges=(validation,),
            documents=(("Réponse du serveur CAS au service (/p3/serviceValidate)",
                        validation.reponse or ""),))

    # -- 2. les tickets ---------------------------------------------------------------------
    def inspecter_tickets(self) -> ResultatTickets:
        """Les tickets de service émis pendant la démonstration, et leur état (sans rien
        modifier)."""
        ids = set(self._tickets_du_parcours())
        tickets = tuple(t for t in self.ent.cas.tickets() if t.ticket in ids)
        duree = duree_fr(self.ent.cas.duree_ticket)
        lignes = tuple(
            f"{t.ticket} — service « {self.ent.cas.service(t.service).nom} », émis à "
            f"{t.emis_le:%H:%M:%S}, expire à {t.expire_le:%H:%M:%S} : {t.etat}"
            + (" (émis après la saisie du mot de passe)" if t.identifiants_presentes
               else " (émis grâce au cookie TGC, sans mot de passe)")
            for t in tickets)
        constat = (f"{accorder(len(tickets), 'ticket')} de service : chacun ne vaut que pour "
                   f"un service, une seule validation, et pendant {duree}.")
        return ResultatTickets(titre="Les tickets de service", code="tickets",
                               constat=constat, lignes=lignes, tickets=tickets)

    # -- 3. rejouer un ticket --------------------------------------------------------------
    def rejouer_ticket(self, ticket: str | None = None) -> ResultatRejeu:
        """Un autre poste présente un ticket (par défaut le premier ticket de la
        démonstration, déjà utilisé, lu dans l'adresse ``…?ticket=ST-…`` de l'historique) :
        le service le fait valider et le serveur CAS répond. Le constat reprend la vraie
        raison de sa réponse : ticket inconnu, mal formé, déjà présenté, expiré, détruit par
        une déconnexion, ou présenté par le mauvais service (CAS 3.0, sections 2.5.3 et
        3.1.1)."""
        tickets = self._tickets_du_parcours()
        if ticket is None:
            ticket = tickets[0]
        verifier_texte(ticket, "ticket")
        ticket = ticket.strip()
        etat = next((t for t in self.ent.cas.tickets() if t.ticket == ticket), None)
        code_service = etat.service if etat is not None else self.premier
        service = self.ent.cas.service(code_service)
        reperes = self._depuis()
        espion = self.ent.navigateur(POSTE_ESPION)
        acces = service.recevoir_ticket(espion, ticket)
        validation = acces.validation
        if validation is None:  # pragma: no cover - recevoir_ticket valide toujours
            raise ErreurENT("Le service n'a pas fait valider le ticket.", code="erreur_interne")
        refus = f"« {service.nom} » n'ouvre aucune session pour « {POSTE_ESPION} »."
        if validation.ok:
            titre = "Présenter un ticket neuf"
            constat = (f"Ticket {ticket} accepté : il n'avait encore jamais servi. "
                       "Un ticket neuf vaut une connexion : il ne doit jamais circuler.")
        elif validation.code == INVALID_TICKET_SPEC:
            titre = "Présenter un faux ticket"
            constat = (f"Refusé ({validation.code}) : « {ticket} » n'a même pas la forme "
                       f"d'un ticket de service. {refus}")
        elif etat is None:
            titre = "Présenter un ticket inventé"
            constat = (f"Refusé ({validation.code}) : le ticket {ticket} n'existe pas, le "
                       f"serveur CAS ne l'a jamais émis. {refus}")
        elif validation.code == INVALID_SERVICE:
            titre = "Présenter un ticket au mauvais service"
            constat = (f"Refusé ({validation.code}) : le ticket {ticket} avait été émis pour "
                       f"un autre service. {refus}")
        elif etat.etat in ("validé", "refusé"):
            titre = "Rejouer un ticket déjà utilisé"
            constat = (f"Rejeu refusé ({validation.code}) : le ticket {ticket} a déjà servi. "
                       f"{refus}")
        elif etat.etat == "détruit":
            titre = "Rejouer le ticket d'une session fermée"
            constat = (f"Refusé ({validation.code}) : le ticket {ticket} a été détruit à la "
                       f"fermeture de la session SSO qui l'avait émis. {refus}")
        elif etat.etat == "expiré":
            titre = "Présenter un ticket expiré"
            constat = (f"Refusé ({validation.code}) : le ticket {ticket} a expiré (il ne "
                       f"valait que {duree_fr(self.ent.cas.duree_ticket)}). {refus}")
        else:
            titre = "Présenter un ticket"
            constat = f"Refusé ({validation.code}) : {validation.message} {refus}"
        lignes = (
            f"« {POSTE_ESPION} » ouvre l'adresse {service.url}?ticket={ticket} "
            "(copiée dans l'historique du poste).",
            f"« {service.nom} » demande au serveur CAS de valider le ticket "
            "(/p3/serviceValidate).",
            f"Réponse du serveur CAS : {validation.message}",
            "Voler un ticket après usage ne sert donc à rien (spécification CAS 3.0, "
            "section 3.1.1)." if titre == "Rejouer un ticket déjà utilisé" else
            "À retenir : toute présentation d'un ticket le consomme, qu'elle réussisse ou non "
            "(spécification CAS 3.0, section 3.1.1).",
        )
        return ResultatRejeu(
            titre=titre, code=validation.code or "ticket_accepte", constat=constat,
            lignes=lignes, documents=(("Réponse XML du serveur CAS", validation.xml()),),
            ticket=ticket, validation=validation, acces=acces, **self._traces(reperes))

    # -- 4. inactivité ----------------------------------------------------------------------
    def laisser_inactif(self, heures: float | None = None, minutes: float | None = None,
                        service: str = "notes") -> ResultatInactivite:
        """Laisse le poste sans activité (l'horloge simulée avance), puis ouvre ``service``.

        L'inactivité se mesure depuis la dernière utilisation réelle de la session SSO par le
        serveur CAS (dernier ticket émis), pas depuis l'appel précédent. Au-delà de 2 h
        sans activité (durée d'Apereo CAS) ou de 8 h depuis l'ouverture, la session SSO a
        expiré : le serveur CAS demande une nouvelle authentification (SDET) et prévient les
        services (déconnexion unique à l'expiration, CAS 3.0, section 2.3.3). En deçà, le
        service s'ouvre sans mot de passe — et si ce service avait déjà sa propre session,
        le serveur CAS n'est même pas contacté.

        Si la session SSO du poste est déjà fermée (expirée, déconnexion), la démonstration
        reconnecte d'abord l'utilisateur, et le dit : on peut relancer la cellule avec
        d'autres durées.

        Sans durée, 2 h 1 min (juste au-delà de la limite) ; une seule durée donnée est toute
        la durée (``heures=3`` : 3 h, pas 3 h 1 min).
        """
        self._parcours_fait("laisser la session inactive")
        if heures is None and minutes is None:
            heures, minutes = 2, 1
        heures = 0 if heures is None else heures
        minutes = 0 if minutes is None else minutes
        for nom, valeur in (("heures", heures), ("minutes", minutes)):
            if isinstance(valeur, str):     # heures="2" : le nombre entre guillemets
                raise ValeurInvalide(f"« {nom} » est un nombre, sans guillemets : par exemple "
                                     f"heures=2, minutes=1 (reçu : le texte {cite(valeur)}).")
            if isinstance(valeur, bool) or not isinstance(valeur, (int, float)) \
                    or (isinstance(valeur, float) and not math.isfinite(valeur)) or valeur < 0:
                raise ValeurInvalide(f"« {nom} » est un nombre positif, par exemple "
                                     f"heures=2, minutes=1 (reçu : {cite(valeur)}).")
        if heures * 3600 + minutes * 60 > INACTIVITE_MAX_DEMONSTRATION.total_seconds():
            raise ValeurInvalide("Durée trop longue : la démonstration simule au plus "
                                 f"{INACTIVITE_MAX_DEMONSTRATION.days} jours d'inactivité "
                                 "(par exemple heures=2, minutes=1).")
        duree = timedelta(hours=heures, minutes=minutes)
        if duree <= timedelta(0):
            raise ValeurInvalide("Indiquez une durée d'inactivité, par exemple heures=2, "
                                 "minutes=1.")
        code = self.ent.catalogue.service(service).code
        cible = self.ent.cas.service(code)
        nom = cible.nom
        limite = duree_fr(self.ent.cas.inactivite_max)
        reperes = self._depuis()
        lignes: list[str] = []
        avant = self._session_active()
        if avant is None:
            self.ent.cas.nettoyer()
            # la dernière session SSO de ce poste (son cookie a pu être effacé)
            ancienne = next((x for x in reversed(self.ent.cas.sessions_sso(toutes=True))
                             if x.poste == self.navigateur.nom_poste), None)
            pourquoi = (MOTIFS_FIN.get(ancienne.motif_fin or "", "fermée")
                        if ancienne is not None else "aucune session sur ce poste")
            connexion = self.ent.cas.connexion(self.navigateur, self.identifiant,
                                               self._mot_de_passe)
            if not connexion.ok:
                raise ErreurENT(f"La démonstration n'a pas pu reconnecter {self.identifiant} : "
                                f"{connexion.message}", code="demonstration_pas_prete")
            avant = self._session_active()
            lignes.append(
                f"La session SSO précédente était fermée ({pourquoi}) : la démonstration "
                f"reconnecte d'abord {self.identifiant} (mot de passe saisi à "
                f"{self.ent.horloge.maintenant():%H:%M:%S}, nouvelle session "
                f"{avant.tgt if avant else '?'}).")
        if avant is None:  # pragma: no cover - connexion réussie ci-dessus
            raise ErreurENT("Aucune session SSO sur ce poste.", code="demonstration_pas_prete")
        derniere = avant.derniere_utilisation
        self.ent.horloge.avancer(duree.total_seconds())
        maintenant = self.ent.horloge.maintenant()
        inactif = maintenant - derniere
        acces = self.ent.cas.ouvrir_service(self.navigateur, code)
        apres = next((s for s in self.ent.cas.sessions_sso(toutes=True)
                      if s.tgt == avant.tgt), None)
        expiree = acces.code == REAUTHENTIFICATION_DEMANDEE
        lignes.append(
            f"Dernière activité de la session SSO (dernier ticket émis par le serveur CAS) : "
            f"{derniere:%H:%M:%S} ; on revient à {maintenant:%H:%M:%S}, soit "
            f"{duree_fr(inactif)} sans activité.")
        if expiree:
            motif = apres.motif_fin if apres is not None else None
            if motif == "duree_max":
                constat = (f"Session expirée : ouverte à {avant.ouverte_le:%H:%M:%S}, elle a "
                           f"dépassé la durée maximale de {duree_fr(self.ent.cas.duree_max)} ; "
                           f"le serveur CAS redemande le mot de passe pour « {nom} ».")
            else:
                constat = (f"Session expirée après {duree_fr(inactif)} sans activité (limite : "
                           f"{limite}) : le serveur CAS redemande le mot de passe pour "
                           f"« {nom} ».")
            lignes += [f"Session SSO {avant.tgt} fermée : "
                       f"{MOTIFS_FIN.get(motif or '', 'expirée')}.",
                       "Preuves détruites : le cookie TGC est effacé, les tickets ne valent "
                       "plus rien.",
                       "Les services ouverts ont été prévenus (déconnexion unique) : "
                       "leurs sessions sont fermées.",
                       f"Réponse du serveur CAS : {acces.message}"]
        elif acces.code == SESSION_EXISTANTE:
            constat = (f"Après {duree_fr(inactif)} sans activité (moins que la limite de "
                       f"{limite}), « {nom} » s'ouvre directement : il avait déjà sa propre "
                       "session.")
            lignes += [f"« {nom} » a reconnu son propre cookie de session : le serveur CAS "
                       "n'a pas été contacté ; le délai de la session SSO n'est pas relancé "
                       f"(elle expirera à {avant.expire_inactivite_le:%H:%M:%S} sans "
                       "nouvelle activité)."]
        elif acces.ok:
            constat = (f"Après {duree_fr(inactif)} sans activité (moins que la limite de "
                       f"{limite}), la session SSO est toujours valable : « {nom} » s'ouvre "
                       "sans mot de passe.")
            lignes.append(f"Ticket {acces.ticket} émis grâce au cookie TGC.")
            if apres is not None:
                lignes.append("Le serveur CAS a utilisé la session SSO : le délai "
                              "d'inactivité repart de zéro, elle expirera à "
                              f"{apres.expire_inactivite_le:%H:%M:%S} sans nouvelle activité.")
        else:
            constat = acces.message
            lignes.append(f"Réponse : {acces.message}")
        return ResultatInactivite(
            titre=f"Revenir après {duree_fr(inactif)} sans activité",
            code=acces.code, constat=constat, lignes=tuple(lignes),
            duree=inactif, attente=duree, expiree=expiree, session=apres, acces=acces,
            **self._traces(reperes))

    # -- 5. déconnexion ---------------------------------------------------------------------
    def se_deconnecter(self) -> ResultatDeconnexionUnique:
        """Se déconnecter : le serveur CAS détruit la session SSO et envoie une demande de
        déconnexion (``samlp:LogoutRequest``) à chaque service ouvert, avec le ticket qui
        y avait ouvert la session (``SessionIndex``)."""
        reperes = self._depuis()
        resultat = self.ent.cas.deconnexion(self.navigateur)
        services: list[tuple[str, str, bool]] = []
        for code, xml in zip(resultat.services_notifies, resultat.requetes):
            service = self.ent.cas.service(code)
            trouve = re.search(r"<samlp:SessionIndex>([^<]+)</samlp:SessionIndex>", xml)
            index = trouve.group(1) if trouve else ""
            session = service.session_du_ticket(index)
            services.append((service.nom, index, session is not None and not session.ouverte))
        if resultat.ok:
            constat = (f"Déconnexion propagée : "
                       f"{accorder(len(services), 'service prévenu', 'services prévenus')}, "
                       "toutes les sessions sont fermées.")
            lignes = [f"Session SSO {resultat.tgt} détruite ; cookie TGC effacé du navigateur "
                      f"« {self.navigateur.nom_poste} »."]
            lignes += [f"« {nom} » : demande de déconnexion reçue (SessionIndex = {ticket}) ; "
                       + ("session fermée." if fermee else "aucune session à fermer.")
                       for nom, ticket, fermee in services]
            lignes.append("Sur un ordinateur partagé (CDI), se déconnecter protège le compte : "
                          "fermer seulement l'onglet laisserait la session ouverte.")
        else:
            constat = resultat.message
            lignes = list(resultat.etapes)
        documents = tuple((f"Demande envoyée à « {nom} »", xml)
                          for (nom, _t, _f), xml in zip(services, resultat.requetes))
        return ResultatDeconnexionUnique(
            titre="Se déconnecter : la déconnexion unique", code=resultat.code,
            constat=constat, lignes=tuple(lignes), documents=documents[:1],
            deconnexion=resultat, services=tuple(services), **self._traces(reperes))

    def __repr__(self) -> str:
        return (f"DemonstrationSSO({self.identifiant!r}, poste "
                f"{self.navigateur.nom_poste!r}, services {self.premier!r} et {self.second!r})")
