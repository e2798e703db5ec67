"""Démonstrations du SSO, une ligne chacune dans un notebook (questions 13 à 15).

::

    demo = DemonstrationSSO(ent)
    demo.ouvrir_deux_services()          # cahier de textes, puis messagerie sans mot de passe
    demo.inspecter_tickets()             # les tickets de service et leur état
    demo.rejouer_ticket()                # un ticket déjà utilisé → INVALID_TICKET
    demo.laisser_inactif(heures=2, minutes=1)   # la session SSO expire
    demo.se_deconnecter()                # la déconnexion est propagée à chaque service

Chaque méthode fait réellement l'opération avec le serveur CAS simulé (:mod:`entsim.sso.serveur`) et
rend un résultat (:class:`ResultatDemonstration`) : un constat en français, les étapes, les
échanges HTTP, les lignes du journal et les documents échangés (réponse XML du serveur CAS,
demandes de déconnexion). Il s'affiche dans un notebook (HTML échappé, et texte).

Sources : SDET, document 2 (« Single Sign-On » ; « Suite à une période d'inactivité ou après
une certaine durée, les services AAS DOIVENT demander une nouvelle authentification » ;
« propagation de la déconnexion auprès de l'ensemble des services applicatifs ») ;
spécification CAS 3.0 (section 3.1.1 : un ticket de service ne vaut que pour une tentative de
validation ; section 2.3.3 : déconnexion unique) ; durées par défaut d'Apereo CAS (session
SSO : 2 h sans activité, 8 h au plus).
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from datetime import timedelta

from entsim.socle.erreurs import ErreurENT, ValeurInvalide, verifier_texte
from entsim.journal.journal import EntreeJournal
from entsim.sso.navigateur import Echange, Navigateur
from entsim.sso.parcours import Parcours, parcours_acces
from entsim.sso.serveur import (
    INVALID_SERVICE,
    INVALID_TICKET_SPEC,
    MOTIFS_FIN,
    REAUTHENTIFICATION_DEMANDEE,
    SESSION_EXISTANTE,
    EtatTicket,
    ResultatAcces,
    ResultatDeconnexion,
    SessionSSO,
    Validation,
)

#: Le poste de l'espion qui rejoue un ticket lu dans l'historique ou dans l'adresse.
POSTE_ESPION = "Ordinateur d'un autre élève"


#: Inactivité la plus longue qu'on peut simuler d'un coup (30 jours).
INACTIVITE_MAX_DEMONSTRATION = timedelta(days=30)

#: Attente la plus longue de la démonstration du code à usage unique (une heure).
ATTENTE_MAX_SECONDES = 3600

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


def exiger_ent(ent: object, appel: str) -> None:
    """Vérifie qu'on a bien donné l'ENT simulé (sinon message en français).

    ``appel`` est l'exemple montré à l'élève, par exemple ``"DemonstrationSSO(ent)"``.
    """
    from entsim.ent import ENT

    if not isinstance(ent, ENT):
        recu = "rien (None)" if ent is None else type(ent).__name__
        raise ValeurInvalide(f"Il faut l'ENT simulé en premier argument : {appel}, après "
                             f"ent = ENT.demo() (reçu : {recu}).", code="ent_attendu")


def _pluriel(nombre: int, singulier: str, pluriel: str | None = None) -> str:
    """« 1 service prévenu », « 2 services prévenus » : le nombre et le bon accord."""
    return f"{nombre} {singulier if nombre <= 1 else (pluriel or singulier + 's')}"


def peut_lire(ent, identifiant: str, donnees: str, de: str) -> None:
    """Affiche la décision du service d'autorisation : ``identifiant`` peut-il lire les
    ``donnees`` (« notes », « absences », « dossier », « messages », « documents »,
    « cahier_de_textes », « emploi_du_temps ») de ``de`` (une personne, ou une classe pour le
    cahier de textes et l'emploi du temps) ?

    >>> peut_lire(ent, "lea.martin", "notes", "hugo.bernard")   # doctest: +SKIP
    ✗ refusé — Un élève ne voit que les notes le concernant.

    La décision n'est pas journalisée (c'est une question, pas un accès) ; SDET, service
    d'autorisation : « autorisent ou non l'accès de l'utilisateur à la ressource ».
    """
    from entsim.autorisation.service import Action, Ressource

    exiger_ent(ent, 'peut_lire(ent, "lea.martin", "notes", "hugo.bernard")')
    verifier_texte(identifiant, "identifiant")
    verifier_texte(donnees, "données")
    verifier_texte(de, "de qui")
    ressources = {
        "notes": Ressource.notes_de, "absences": Ressource.absences_de,
        "dossier": Ressource.dossier_de, "messages": Ressource.messages_de,
        "documents": Ressource.documents_de,
        "cahier_de_textes": Ressource.cahier_de_textes_de,
        "emploi_du_temps": Ressource.emploi_du_temps_de,
    }
    cle = donnees.strip().lower().replace(" ", "_").replace("-", "_")
    if cle not in ressources:
        raise ValeurInvalide(f"Données inconnues : « {donnees} ». Choisissez parmi : "
                             + ", ".join(f"« {x} »" for x in ressources) + ".",
                             code="donnees_inconnues")
    print(ent.autorisation.evaluer(identifiant, Action.LIRE, ressources[cle](de.strip())))


def _mot_de_passe_demo(identifiant: str) -> str | None:
    from entsim.ent import MOTS_DE_PASSE_DEMO
    from entsim.etablissement.generation import PERSONAS

    for role, persona in PERSONAS.items():
        if persona.identifiant == identifiant and role in MOTS_DE_PASSE_DEMO:
            return MOTS_DE_PASSE_DEMO[role]
    return None


def _duree_fr(duree: timedelta) -> str:
    secondes = int(duree.total_seconds())
    heures, reste = divmod(secondes, 3600)
    minutes, secondes = divmod(reste, 60)
    morceaux = []
    if heures:
        morceaux.append(f"{heures} h")
    if minutes:
        morceaux.append(f"{minutes} min")
    if secondes or not morceaux:
        morceaux.append(f"{secondes} s")
    return " ".join(morceaux)


# ---------------------------------------------------------------------------------------
# Résultats
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class ResultatDemonstration:
    """Ce qu'une démonstration a montré : un constat, les étapes, les traces réelles."""

    titre: str
    code: str
    constat: str
    lignes: tuple[str, ...] = ()
    echanges: tuple[Echange, ...] = field(default=(), repr=False)
    entrees: tuple[EntreeJournal, ...] = field(default=(), repr=False)
    #: Documents échangés à montrer tels quels : (légende, texte), par exemple le XML.
    documents: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    #: Documents longs, repliés dans l'affichage HTML (« Afficher … ») : le certificat PEM.
    documents_replies: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    #: Affichage bref : le titre et le constat seulement (le détail reste dans les champs).
    bref: bool = False

    def texte(self) -> str:
        """Le résultat en texte : titre, constat, étapes, lignes du journal, documents."""
        if self.bref:
            return f"{self.titre} — {self.constat}"
        morceaux = [self.titre, "=" * len(self.titre), self.constat]
        if self.lignes:
            morceaux += ["", *(f"• {ligne}" for ligne in self.lignes)]
        if self.entrees:
            morceaux += ["", "Journal :"]
            morceaux += [f"  {e.numero} | {e.instant:%H:%M:%S} | {e.libelle} | "
                         f"{e.identite or '—'} | {e.service or '—'} | {e.objet or ''}".rstrip()
                         for e in self.entrees]
        for legende, document in self.documents + self.documents_replies:
            morceaux += ["", f"{legende} :", document]
        return "\n".join(morceaux)

    def __str__(self) -> str:
        return self.texte()

    def journal(self):
        """Les lignes du journal produites par la démonstration (``pandas.DataFrame``)."""
        import pandas as pd

        return pd.DataFrame([e.en_ligne() for e in self.entrees])

    def tableau_echanges(self):
        """Les échanges HTTP de la démonstration (``pandas.DataFrame``)."""
        import pandas as pd

        return pd.DataFrame([e.en_ligne() for e in self.echanges])

    def _repr_html_(self) -> str:
        e = html.escape
        if self.bref:
            return (f'<div class="entsim-demonstration"><strong>{e(self.titre)}</strong> — '
                    f"{e(self.constat)}</div>")
        parties = [f'<div class="entsim-demonstration" style="font-size:1.05em">',
                   f"<h4 style=\"margin:0.3em 0\">{e(self.titre)}</h4>",
                   f"<p><strong>{e(self.constat)}</strong></p>"]
        if self.lignes:
            parties.append("<ul>" + "".join(f"<li>{e(ligne)}</li>" for ligne in self.lignes)
                           + "</ul>")
        if self.entrees:
            cellule = 'style="border:1px solid #888;padding:0.2em 0.5em;text-align:left"'
            entetes = ("N°", "Heure", "Opération", "Identité", "Service", "Objet")
            parties.append(
                "<details><summary>Lignes du journal</summary>"
                '<table style="border-collapse:collapse"><thead><tr>'
                + "".join(f"<th {cellule}>{e(t)}</th>" for t in entetes) + "</tr></thead><tbody>"
                + "".join(
                    "<tr>" + "".join(f"<td {cellule}>{e(str(v))}</td>" for v in (
                        x.numero, f"{x.instant:%H:%M:%S}", x.libelle, x.identite or "—",
                        x.service or "—", x.objet or "")) + "</tr>"
                    for x in self.entrees)
                + "</tbody></table></details>")
        for legende, document in self.documents:
            parties.append(f"<p>{e(legende)} :</p><pre style=\"white-space:pre-wrap\">"
                           f"{e(document)}</pre>")
        for legende, document in self.documents_replies:
            parties.append(f"<details><summary>{e(legende)} (cliquez pour l'afficher)</summary>"
                           f"<pre style=\"white-space:pre-wrap\">{e(document)}</pre></details>")
        parties.append("</div>")
        return "".join(parties)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return {"text/plain": self.texte(), "text/html": self._repr_html_()}


@dataclass(frozen=True, kw_only=True)
class ResultatDeuxServices(ResultatDemonstration):
    """Deux services ouverts avec une seule saisie du mot de passe (cinématique du SDET)."""

    parcours: Parcours = field(repr=False)


@dataclass(frozen=True, kw_only=True)
class ResultatTickets(ResultatDemonstration):
    """Les tickets de service émis pour la démonstration, avec leur état."""

    tickets: tuple[EtatTicket, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ResultatRejeu(ResultatDemonstration):
    """Un ticket déjà utilisé présenté une seconde fois : refusé (``INVALID_TICKET``)."""

    ticket: str
    validation: Validation = field(repr=False)
    acces: ResultatAcces = field(repr=False)

    @property
    def refuse(self) -> bool:
        return not self.validation.ok


@dataclass(frozen=True, kw_only=True)
class ResultatInactivite(ResultatDemonstration):
    """Ce qui se passe quand on revient après une période sans activité."""

    #: L'inactivité réelle de la session SSO (depuis sa dernière utilisation).
    duree: timedelta
    expiree: bool
    #: Le temps qu'on a laissé passer pendant cette démonstration.
    attente: timedelta = timedelta(0)
    session: SessionSSO | None = None
    acces: ResultatAcces | None = field(default=None, repr=False)


@dataclass(frozen=True, kw_only=True)
class ResultatDeconnexionUnique(ResultatDemonstration):
    """La déconnexion et sa propagation (déconnexion unique) à chaque service."""

    deconnexion: ResultatDeconnexion = field(repr=False)
    #: (nom du service, ticket qui avait ouvert la session, session fermée ?)
    services: tuple[tuple[str, str, bool], ...] = ()


# ---------------------------------------------------------------------------------------
# La démonstration
# ---------------------------------------------------------------------------------------

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
        if mot_de_passe is None:
            mot_de_passe = _mot_de_passe_demo(identifiant)
            if mot_de_passe is None:
                raise ValeurInvalide(f"Donnez le mot de passe de « {identifiant} » : "
                                     "DemonstrationSSO(ent, identifiant, mot_de_passe).")
        verifier_texte(mot_de_passe, "mot de passe")
        self.ent = ent
        self.identifiant = identifiant
        self._mot_de_passe = mot_de_passe
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
                + _pluriel(len(fin.services_notifies), "service prévenu", "services prévenus")
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
        duree = _duree_fr(self.ent.cas.duree_ticket)
        lignes = tuple(
            f"{t.ticket} — service « {self.ent.cas.service(t.service).nom} », émis à "
            f"{t.emis_le:%H:%M:%S}, expire à {t.expire_le:%H:%M:%S} : {t.etat}"
            + (" (émis après la saisie du mot de passe)" if t.identifiants_presentes
               else " (émis grâce au cookie TGC, sans mot de passe)")
            for t in tickets)
        constat = (f"{_pluriel(len(tickets), 'ticket')} de service : chacun ne vaut que pour "
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
                       f"valait que {_duree_fr(self.ent.cas.duree_ticket)}). {refus}")
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
    def laisser_inactif(self, heures: float = 2, minutes: float = 1,
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
        """
        self._parcours_fait("laisser la session inactive")
        for nom, valeur in (("heures", heures), ("minutes", minutes)):
            if isinstance(valeur, bool) or not isinstance(valeur, (int, float)) \
                    or not math.isfinite(valeur) or valeur < 0:
                raise ValeurInvalide(f"« {nom} » est un nombre positif, par exemple "
                                     f"heures=2, minutes=1 (reçu : {valeur!r}).")
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
        limite = _duree_fr(self.ent.cas.inactivite_max)
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
            f"{_duree_fr(inactif)} sans activité.")
        if expiree:
            motif = apres.motif_fin if apres is not None else None
            if motif == "duree_max":
                constat = (f"Session expirée : ouverte à {avant.ouverte_le:%H:%M:%S}, elle a "
                           f"dépassé la durée maximale de {_duree_fr(self.ent.cas.duree_max)} ; "
                           f"le serveur CAS redemande le mot de passe pour « {nom} ».")
            else:
                constat = (f"Session expirée après {_duree_fr(inactif)} sans activité (limite : "
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
            constat = (f"Après {_duree_fr(inactif)} sans activité (moins que la limite de "
                       f"{limite}), « {nom} » s'ouvre directement : il avait déjà sa propre "
                       "session.")
            lignes += [f"« {nom} » a reconnu son propre cookie de session : le serveur CAS "
                       "n'a pas été contacté ; le délai de la session SSO n'est pas relancé "
                       f"(elle expirera à {avant.expire_inactivite_le:%H:%M:%S} sans "
                       "nouvelle activité)."]
        elif acces.ok:
            constat = (f"Après {_duree_fr(inactif)} sans activité (moins que la limite de "
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
            titre=f"Revenir après {_duree_fr(inactif)} sans activité",
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
                       f"{_pluriel(len(services), 'service prévenu', 'services prévenus')}, "
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




# ---------------------------------------------------------------------------------------
# Les preuves d'authentification (question 16)
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class ResultatSignature(ResultatDemonstration):
    """Un document signé, puis modifié d'un caractère : la vérification échoue."""

    original: object = field(repr=False)          # DocumentSigne
    modifie: object = field(repr=False)           # DocumentSigne
    verification_originale: object = field(repr=False)
    verification_modifiee: object = field(repr=False)
    bits_differents: int = 0


class DemonstrationPreuves:
    """Les preuves d'authentification de la question 16, chacune pour de vrai.

    * mot de passe (SDET : « DOIT proposer ») : le service d'authentification compare
      l'empreinte ;
    * code à usage unique (TOTP, RFC 6238) : l'application du téléphone et le serveur
      calculent le même code à partir d'un secret partagé et de l'heure simulée ;
    * certificat et clé privée (X.509, Ed25519) : le serveur envoie un défi, le poste le
      signe avec la clé privée, le serveur vérifie avec la clé publique du certificat ;
    * signature numérique d'un document : changer un seul caractère fait échouer la
      vérification.

    Note sur le corrigé de 2013 : il recommandait de renouveler « régulièrement » le mot de
    passe ; la CNIL ne le recommande plus (délibération n° 2022-100 : le changer seulement
    en cas de compromission). Et « SSL » s'appelle aujourd'hui TLS.
    """

    def __init__(self, ent, identifiant: str = "lea.martin",
                 mot_de_passe: str | None = None) -> None:
        exiger_ent(ent, "DemonstrationPreuves(ent)")
        verifier_texte(identifiant, "identifiant")
        if mot_de_passe is None:
            mot_de_passe = _mot_de_passe_demo(identifiant)
            if mot_de_passe is None:
                raise ValeurInvalide(f"Donnez le mot de passe de « {identifiant} » : "
                                     "DemonstrationPreuves(ent, identifiant, mot_de_passe).")
        verifier_texte(mot_de_passe, "mot de passe")
        self.ent = ent
        self.identifiant = identifiant
        self._mot_de_passe = mot_de_passe
        self.telephone = None
        self.paire = None
        self.certificat = None

    def _reperes(self) -> int:
        return self.ent.journal.dernier_numero()

    # -- mot de passe -----------------------------------------------------------------------
    def mot_de_passe(self, essai: str = "cahier!vert2026") -> ResultatDemonstration:
        """Un essai avec un mot de passe faux (``essai``), puis le bon : c'est le service
        d'authentification qui compare (SDET), à partir d'une empreinte irréversible."""
        verifier_texte(essai, "essai", vide_autorise=True)
        depuis = self._reperes()
        authn = self.ent.authentification
        faux = authn.verifier_mot_de_passe(self.identifiant, essai, poste="Poste du CDI")
        bon = authn.verifier_mot_de_passe(self.identifiant, self._mot_de_passe,
                                          poste="Poste du CDI")
        schema = authn.compte(self.identifiant).schema
        lignes = (f"Essai « {essai} » : {faux.message}",
                  f"Bon mot de passe : {bon.message}",
                  f"Le serveur ne garde pas le mot de passe, seulement son empreinte "
                  f"({schema}) : il recalcule l'empreinte de ce qui est saisi et compare.",
                  "Preuve fondée sur ce que l'on sait : quiconque l'apprend (regard par-dessus "
                  "l'épaule, réseau non chiffré, site piégé) peut se faire passer pour vous.")
        return ResultatDemonstration(
            titre="Preuve 1 : le mot de passe", code=bon.code,
            constat="Le mot de passe prouve l'identité… tant qu'il reste secret.",
            lignes=lignes, entrees=tuple(self.ent.journal.depuis(depuis)))

    # -- code à usage unique --------------------------------------------------------------
    def code_a_usage_unique(self, attente_secondes: int = 60) -> ResultatDemonstration:
        """Active le code à usage unique, lit le code sur le téléphone simulé et le saisit :
        accepté ; le même code saisi de nouveau : refusé (rejeu) ; un code lu puis saisi
        ``attente_secondes`` plus tard : refusé (trop ancien)."""
        from entsim.authentification.preuves import PAS_TOTP, TelephoneSimule

        if isinstance(attente_secondes, bool) or not isinstance(attente_secondes, int) \
                or not 0 <= attente_secondes <= ATTENTE_MAX_SECONDES:
            raise ValeurInvalide("L'attente est un nombre entier de secondes, de 0 à "
                                 f"{ATTENTE_MAX_SECONDES} (une heure), par exemple 60 "
                                 f"(reçu : {attente_secondes!r}).")
        depuis = self._reperes()
        authn = self.ent.authentification
        secret = authn.activer_otp(self.identifiant)
        self.telephone = TelephoneSimule(self.identifiant, secret, self.ent.horloge)
        code = self.telephone.code_affiche()
        accepte = authn.verifier_otp(self.identifiant, code, poste="Poste du CDI")
        rejeu = authn.verifier_otp(self.identifiant, code, poste="Poste du CDI")
        self.ent.horloge.avancer(PAS_TOTP)           # on attend le code suivant
        ancien = self.telephone.code_affiche()
        heure_lecture = self.ent.horloge.maintenant()
        self.ent.horloge.avancer(attente_secondes)
        tardif = authn.verifier_otp(self.identifiant, ancien, poste="Poste du CDI")
        lignes = (f"Le téléphone affiche {code[:3]} {code[3:]} ; saisi tout de suite : "
                  f"{accepte.message}",
                  f"Le même code saisi une seconde fois : {rejeu.message}",
                  f"Code {ancien[:3]} {ancien[3:]} lu à {heure_lecture:%H:%M:%S}, saisi "
                  f"{attente_secondes} s plus tard : {tardif.message}",
                  "Preuve fondée sur ce que l'on possède (le téléphone, qui garde le secret "
                  "partagé) : voler le mot de passe ne suffit plus.")
        return ResultatDemonstration(
            titre="Preuve 2 : le code à usage unique (TOTP)", code=accepte.code,
            constat=f"Un code ne sert qu'une fois et ne vaut que {PAS_TOTP} s (avec une "
                    "tolérance d'un pas pour le décalage des horloges).",
            lignes=lignes, entrees=tuple(self.ent.journal.depuis(depuis)))

    # -- certificat et clé privée ---------------------------------------------------------
    def certificat_et_cle(self) -> ResultatDemonstration:
        """L'autorité de l'académie certifie la clé publique de l'élève ; pour se connecter,
        le poste signe un défi avec la clé privée. Un voleur qui a copié le certificat (il
        est public) mais pas la clé privée est refusé."""
        from entsim.authentification.preuves import generer_paire_de_cles, repondre_au_defi

        depuis = self._reperes()
        authn = self.ent.authentification
        source = self.ent.aleatoire.derivee(f"preuves:{self.identifiant}")
        self.paire = generer_paire_de_cles(source)
        self.certificat = self.ent.autorite.emettre(self.identifiant, self.paire)
        authn.enregistrer_certificat(self.identifiant, self.certificat)
        defi = authn.defi(self.identifiant)
        reussi = authn.verifier_reponse_defi(self.identifiant,
                                             repondre_au_defi(self.paire, defi),
                                             poste="Poste du CDI")
        voleur = generer_paire_de_cles(source)       # une autre clé privée
        defi2 = authn.defi(self.identifiant)
        refuse = authn.verifier_reponse_defi(self.identifiant, repondre_au_defi(voleur, defi2),
                                             poste="Ordinateur du voleur")
        lignes = (*self.certificat.resume().splitlines(),
                  f"Défi envoyé par le serveur : {defi.hex()[:16]}… (32 octets, neuf à chaque "
                  "connexion)",
                  f"Réponse signée avec la clé privée de {self.identifiant} : {reussi.message}",
                  f"Réponse signée avec une autre clé (certificat copié) : {refuse.message}")
        return ResultatDemonstration(
            titre="Preuve 3 : certificat et clé privée", code=reussi.code,
            constat="Le certificat est public ; seule la clé privée, jamais envoyée, prouve "
                    "l'identité.", lignes=lignes,
            documents_replies=(("Le certificat (format PEM)", self.certificat.pem()),),
            entrees=tuple(self.ent.journal.depuis(depuis)))

    # -- signature d'un document ----------------------------------------------------------
    def signer_puis_modifier(self, document: str = "Autorisation de sortie : Léa Martin "
                                                   "peut quitter le lycée à 15 h le 12 mars.",
                             position: int | None = None,
                             remplacement: str | None = None) -> ResultatSignature:
        """Signe ``document`` avec la clé privée, puis change **un seul caractère** (le
        caractère n° ``position``, en comptant à partir de 1, remplacé par ``remplacement``) :
        la signature ne correspond plus. Les empreintes SHA-256 des deux textes n'ont
        presque plus rien en commun (effet avalanche). Par défaut : le dernier chiffre du
        premier nombre (« 15 h » devient « 17 h »)."""
        from entsim.authentification.preuves import (bits_differents, empreinte, generer_paire_de_cles,
                              signer_document, verifier_document)

        verifier_texte(document, "document")
        if position is None:   # par défaut : le dernier chiffre du premier nombre (15 h → 17 h)
            indice = next((i for i, c in enumerate(document) if c.isdigit()), 0)
            while indice + 1 < len(document) and document[indice + 1].isdigit():
                indice += 1
            position = indice + 1
        if isinstance(position, bool) or not isinstance(position, int) \
                or not 1 <= position <= len(document):
            raise ValeurInvalide(f"La position est un numéro de caractère de 1 à "
                                 f"{len(document)}, en comptant à partir de 1 "
                                 f"(reçu : {position!r}).")
        position -= 1                  # indice Python (à partir de 0)
        ancien = document[position]
        if remplacement is None:
            remplacement = str((int(ancien) + 2) % 10) if ancien.isdigit() else (
                "X" if ancien != "X" else "Y")
        if not isinstance(remplacement, str) or len(remplacement) != 1 \
                or remplacement == ancien:
            raise ValeurInvalide("Le remplacement est un seul caractère, différent de celui "
                                 f"qu'il remplace (« {ancien} »).")
        if self.paire is None:
            self.paire = generer_paire_de_cles(
                self.ent.aleatoire.derivee(f"preuves:{self.identifiant}"))
        signe = signer_document(document, self.identifiant, self.paire, self.certificat)
        modifie = signe.avec_contenu(document[:position] + remplacement
                                     + document[position + 1:])
        ok = verifier_document(signe, self.paire)
        ko = verifier_document(modifie, self.paire)
        bits = bits_differents(signe.contenu, modifie.contenu)
        lignes = (f"Document signé : « {signe.contenu} »",
                  f"Document modifié : « {modifie.contenu} » (caractère n° {position + 1} : "
                  f"« {ancien} » → « {remplacement} »)",
                  f"Empreinte SHA-256 de l'original : {empreinte(signe.contenu)}",
                  f"Empreinte SHA-256 du modifié :    {empreinte(modifie.contenu)}",
                  f"{bits} bits sur 256 diffèrent (environ la moitié) pour un seul caractère "
                  "changé.",
                  f"Vérification de l'original : {ok.message}",
                  f"Vérification du modifié : {ko.message}")
        return ResultatSignature(
            titre="Preuve 4 : la signature numérique", code=ko.code,
            constat="Un seul caractère changé, et la signature ne correspond plus : "
                    "l'intégrité et l'origine du document sont prouvées.",
            lignes=lignes, original=signe, modifie=modifie, verification_originale=ok,
            verification_modifiee=ko, bits_differents=bits,
            documents=(("Signature Ed25519 (64 octets, en hexadécimal)",
                        signe.signature_hex()),))


__all__ = [
    "DemonstrationPreuves", "DemonstrationSSO", "LIBELLES_ATTRIBUTS", "POSTE_ESPION",
    "ResultatDeconnexionUnique", "exiger_ent", "peut_lire",
    "ResultatDemonstration", "ResultatSignature",
    "ResultatDeuxServices", "ResultatInactivite", "ResultatRejeu", "ResultatTickets",
]
