"""La cinématique d'accès du SDET, exécutée pour de vrai, étape par étape.

SDET, document 2, « Principes de fonctionnement » : « La cinématique d'accès est la
suivante : 1. Un utilisateur non authentifié souhaite accéder à un service applicatif […]
8. L'utilisateur accède au service applicatif. »

:func:`parcours_acces` ne raconte pas ces huit étapes : il les *fait* avec le serveur CAS
simulé (:mod:`entsim.sso.serveur`) et rend, pour chacune, ce qui s'est réellement passé : ticket,
cookie, décision d'autorisation, échanges HTTP et lignes du journal produites pendant
l'étape. Un mauvais mot de passe arrête le parcours à l'étape 2, un refus d'autorisation à
l'étape 3 — avec la raison.
"""

from __future__ import annotations

from dataclasses import dataclass

from entsim.socle.erreurs import ErreurENT, ValeurInvalide, verifier_texte
from entsim.socle.texte import cite
from entsim.journal.chaine import EntreeJournal
from entsim.sso.navigateur import CANAL_DIRECT, CANAL_NAVIGATEUR, Echange, Navigateur
from entsim.sso.serveur import ServeurCAS
from entsim.sso.tickets import NOM_COOKIE_TGC

#: Les huit étapes, dans les mots du SDET (document 2 du cours).
TITRES_SDET: dict[int, str] = {
    1: "Un utilisateur non authentifié souhaite accéder à un service applicatif ou à des "
       "fonctionnalités ou données propres à un service applicatif.",
    2: "Cette demande d'accès sur une ressource protégée déclenche l'identification et "
       "l'authentification de l'utilisateur auprès des services AAS.",
    3: "Une fois l'utilisateur identifié et authentifié, les services AAS autorisent ou non "
       "l'accès de l'utilisateur à la ressource.",
    4: "Les services AAS propagent auprès du service applicatif les informations d'identité "
       "permettant l'accès de l'utilisateur authentifié, et permettant éventuellement de "
       "réaliser un contrôle complémentaire pour autoriser l'accès de l'utilisateur.",
    5: "L'utilisateur accède au service applicatif.",
    6: "L'utilisateur souhaite ensuite accéder dans la même session à un autre service "
       "applicatif.",
    7: "Il n'est pas nécessaire qu'il s'identifie et s'authentifie de nouveau auprès des "
       "services AAS. Des informations d'identités sont transmises au service applicatif de "
       "manière transparente pour l'utilisateur.",
    8: "L'utilisateur accède au service applicatif.",
}

#: Qui agit à chaque étape (les trois services AAS du SDET, l'utilisateur, le service).
ACTEURS: dict[int, str] = {
    1: "Utilisateur (navigateur)",
    2: "Service d'identification/authentification (serveur CAS)",
    3: "Service d'autorisation",
    4: "Service de propagation de l'identité (serveur CAS → service)",
    5: "Service applicatif",
    6: "Utilisateur (navigateur)",
    7: "Service de propagation de l'identité (SSO)",
    8: "Service applicatif",
}

_OPERATIONS_AUTORISATION = frozenset({"acces_autorise", "acces_refuse"})
_OPERATIONS_TICKET = frozenset({"ticket_emis", "ticket_valide", "ticket_refuse"})


@dataclass(frozen=True)
class Etape:
    """Une étape de la cinématique, telle qu'elle s'est déroulée."""

    numero: int
    titre: str
    acteur: str
    detail: str
    entrees: tuple[EntreeJournal, ...] = ()
    echanges: tuple[Echange, ...] = ()
    reussie: bool = True

    def __str__(self) -> str:
        marque = "" if self.reussie else " ✗"
        return f"{self.numero}. {self.titre}{marque}\n   [{self.acteur}] {self.detail}"


@dataclass(frozen=True)
class Parcours:
    """Le parcours complet : les étapes franchies, dans l'ordre, et comment il s'est fini."""

    ok: bool
    code: str
    message: str
    identifiant: str
    poste: str
    etapes: tuple[Etape, ...]
    arret: int | None = None   # numéro de l'étape où le parcours s'est arrêté

    def etape(self, numero: int) -> Etape:
        """L'étape ``numero`` (un nombre entier de 1 à 8, sans guillemets)."""
        if isinstance(numero, bool) or not isinstance(numero, int):
            raise ValeurInvalide(f"Le numéro de l'étape est un nombre entier, sans guillemets : "
                                 f"parcours.etape(1) (reçu : {cite(numero)}).")
        for e in self.etapes:
            if e.numero == numero:
                return e
        raise ValeurInvalide(f"Le parcours ne contient pas d'étape {numero} "
                             f"(étapes franchies : 1 à {len(self.etapes)}).")

    def tableau(self):
        """Un ``pandas.DataFrame`` des étapes (colonnes en français)."""
        import pandas as pd

        lignes = [{"Étape": e.numero, "Acteur": e.acteur, "Ce qui se passe": e.detail,
                   "Lignes du journal": ", ".join(x.libelle for x in e.entrees),
                   "Réussie": "oui" if e.reussie else "non"} for e in self.etapes]
        return pd.DataFrame(lignes).set_index("Étape")

    def __str__(self) -> str:
        return "\n".join([*(str(e) for e in self.etapes), "", self.message])


def _valeurs(attributs) -> str:
    morceaux = []
    for nom, valeur in attributs.items():
        texte = valeur if isinstance(valeur, str) else (", ".join(valeur) or "(aucune)")
        morceaux.append(f"{nom} = {texte}")
    return " ; ".join(morceaux) if morceaux else "aucun"


def parcours_acces(serveur: ServeurCAS, navigateur: Navigateur, identifiant: str,
                   mot_de_passe: str, premier_service: str,
                   second_service: str) -> Parcours:
    """Exécute les 8 étapes de la cinématique d'accès du SDET et rend ce qui s'est passé.

    Le navigateur ne doit pas avoir de session SSO ouverte (étape 1 : « un utilisateur non
    authentifié »). ``premier_service`` et ``second_service`` sont des codes (ou adresses)
    de services enregistrés dans ``serveur``.
    """
    if not isinstance(serveur, ServeurCAS):
        raise ValeurInvalide("Il faut le serveur CAS de l'ENT (un ServeurCAS).")
    if not isinstance(navigateur, Navigateur):
        raise ValeurInvalide("Il faut un navigateur, par exemple Navigateur(\"Poste du CDI\").")
    verifier_texte(identifiant, "identifiant")
    verifier_texte(mot_de_passe, "mot de passe", vide_autorise=True)
    premier = serveur.service(premier_service)
    second = serveur.service(second_service)
    if premier is second:
        raise ValeurInvalide("Choisissez deux services différents : l'étape 6 est l'accès à "
                             "un autre service applicatif.")
    serveur.nettoyer()
    session = serveur.tgt_de(navigateur)
    if (session is not None and session.etat == "active") \
            or premier.session_de(navigateur) is not None:
        raise ErreurENT(f"Une session est déjà ouverte sur « {navigateur.nom_poste} » : la "
                        "cinématique part d'un utilisateur non authentifié. Déconnectez-vous "
                        f"d'abord : ent.deconnexion(poste=\"{navigateur.nom_poste}\") (ou "
                        "demo.se_deconnecter() dans une démonstration), puis recommencez.",
                        code="deja_authentifie")

    journal = serveur.journal
    etapes: list[Etape] = []
    poste = navigateur.nom_poste

    def etape(numero: int, detail: str, entrees=(), echanges=(), reussie=True) -> None:
        etapes.append(Etape(numero, TITRES_SDET[numero], ACTEURS[numero], detail,
                            tuple(entrees), tuple(echanges), reussie))

    def arret(numero: int, code: str, message: str) -> Parcours:
        return Parcours(False, code, f"Parcours arrêté à l'étape {numero} : {message}",
                        identifiant, poste, tuple(etapes), numero)

    def par_canal(echanges: tuple[Echange, ...], canal: str) -> tuple[Echange, ...]:
        return tuple(e for e in echanges if e.canal == canal)

    # 1. L'utilisateur demande le premier service, sans être authentifié.
    n = journal.dernier_numero()
    demande = premier.demander(navigateur)
    etape(1, f"« {poste} » demande {premier.url} : aucune session dans « {premier.nom} », "
             f"qui renvoie le navigateur (302) vers {demande.url_redirection}.",
          journal.depuis(n), demande.echanges)

    # 2. Identification et authentification auprès du serveur CAS.
    n = journal.dernier_numero()
    formulaire = serveur.acceder(navigateur, premier.url)
    connexion = serveur.connexion(navigateur, identifiant, mot_de_passe, service=premier.url)
    produites = journal.depuis(n)
    authentification = [e for e in produites
                        if e.operation not in _OPERATIONS_AUTORISATION | _OPERATIONS_TICKET]
    debut = (f"Le serveur CAS affiche son formulaire ({formulaire.message}) ; "
             f"{cite(identifiant)} envoie son identifiant et son mot de passe (POST). ")
    if not connexion.ok:
        etape(2, debut + f"Authentification refusée : {connexion.message} "
                         f"(code {connexion.code}).",
              authentification, formulaire.echanges + connexion.echanges, reussie=False)
        return arret(2, connexion.code, connexion.message)
    etape(2, debut + f"Authentification réussie : session SSO {connexion.tgt} ouverte, "
                     f"cookie {NOM_COOKIE_TGC}={connexion.tgt} posé dans « {poste} ».",
          authentification, formulaire.echanges + connexion.echanges)

    # 3. Autorisation.
    acces = connexion.acces
    if acces is None or acces.autorise is None:
        raise ErreurENT("Le serveur CAS n'a pas rendu de décision d'autorisation.",
                        code="erreur_interne")
    decision = [e for e in produites if e.operation in _OPERATIONS_AUTORISATION]
    if not acces.autorise:
        etape(3, f"Accès à « {premier.nom} » refusé pour {identifiant} : {acces.raison}. "
                 "Aucun ticket n'est émis.", decision, reussie=False)
        return arret(3, acces.code, acces.message)
    etape(3, f"Accès à « {premier.nom} » autorisé pour {identifiant} : {acces.raison}",
          decision)

    # 4. Propagation de l'identité : ticket, retour au service, validation.
    tickets = [e for e in produites if e.operation in _OPERATIONS_TICKET]
    n = journal.dernier_numero()
    recu = premier.recevoir_ticket(navigateur, acces.ticket or "")
    validation = recu.validation
    detail = (f"Ticket {acces.ticket} émis (valable "
              f"{int(serveur.duree_ticket.total_seconds())} s, une seule fois) ; le navigateur "
              f"revient sur {acces.url_redirection}. « {premier.nom} » fait valider le ticket "
              f"directement auprès du serveur CAS (/p3/serviceValidate) : "
              f"{validation.message if validation else recu.message}")
    if not recu.ok or validation is None:
        etape(4, detail, [*tickets, *journal.depuis(n)], par_canal(recu.echanges, CANAL_DIRECT),
              reussie=False)
        return arret(4, recu.code, recu.message)
    etape(4, detail + f" Attributs transmis : {_valeurs(validation.attributs)}.",
          [*tickets, *journal.depuis(n)], par_canal(recu.echanges, CANAL_DIRECT))

    # 5. Accès au premier service.
    etape(5, f"« {premier.nom} » ouvre une session pour {recu.identifiant} (cookie "
             f"{premier.nom_cookie}) et affiche sa page.",
          (), par_canal(recu.echanges, CANAL_NAVIGATEUR))

    # 6. Demande d'un autre service, dans la même session.
    n = journal.dernier_numero()
    demande2 = second.demander(navigateur)
    etape(6, f"« {poste} » demande {second.url} : pas encore de session dans "
             f"« {second.nom} », qui renvoie le navigateur (302) vers le serveur CAS "
             f"({demande2.url_redirection}).",
          journal.depuis(n), demande2.echanges)

    # 7. SSO : pas de nouvelle identification, l'identité est transmise.
    n = journal.dernier_numero()
    acces2 = serveur.acceder(navigateur, second.url)
    if not acces2.ok or acces2.ticket is None:
        etape(7, f"Le serveur CAS ne délivre pas de ticket pour « {second.nom} » : "
                 f"{acces2.message}", journal.depuis(n), acces2.echanges, reussie=False)
        return arret(7, acces2.code, acces2.message)
    recu2 = second.recevoir_ticket(navigateur, acces2.ticket)
    detail = (f"Le navigateur arrive sur le serveur CAS avec son cookie "
              f"{NOM_COOKIE_TGC}={connexion.tgt} : cookie reconnu, ticket {acces2.ticket} émis "
              f"sans ressaisie du mot de passe ; « {second.nom} » le fait valider : "
              f"{recu2.validation.message if recu2.validation else recu2.message}")
    echanges7 = acces2.echanges + par_canal(recu2.echanges, CANAL_DIRECT)
    if not recu2.ok:
        etape(7, detail, journal.depuis(n), echanges7, reussie=False)
        return arret(7, recu2.code, recu2.message)
    etape(7, detail, journal.depuis(n), echanges7)

    # 8. Accès au second service.
    etape(8, f"« {second.nom} » ouvre une session pour {recu2.identifiant} (cookie "
             f"{second.nom_cookie}) : l'utilisateur n'a saisi son mot de passe qu'une fois.",
          (), par_canal(recu2.echanges, CANAL_NAVIGATEUR))
    return Parcours(True, "parcours_complet",
                    f"Parcours complet : {identifiant} accède à « {premier.nom} » puis à "
                    f"« {second.nom} » en ne s'authentifiant qu'une seule fois (SSO).",
                    identifiant, poste, tuple(etapes))
