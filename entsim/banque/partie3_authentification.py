"""L'outil de la question 16 que la fiche des élèves utilise : :func:`essayer_ticket`.

Ce module est l'ancien chemin des banques, gardé pour les fiches déjà distribuées (elles
importent ``from entsim.banque.partie3_authentification import essayer_ticket``). Le corrigé
(banques, réponses acceptées) n'est plus dans le paquet ``entsim`` : il est dans le paquet
``entsim_corrige`` de l'édition enseignant (voir ``docs/QUESTIONS.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from entsim.ent import MOTS_DE_PASSE_DEMO
from entsim.etablissement.generation import PERSONAS
from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.socle.texte import cite

if TYPE_CHECKING:  # pragma: no cover - annotations seulement
    from entsim.ent import ENT

#: Le poste depuis lequel Léa fait l'essai de la question 16 (un navigateur à part).
POSTE_ESSAI = "Ordinateur de la maison"

#: Attente maximale acceptée par :func:`essayer_ticket` (une journée).
ATTENTE_MAX = 24 * 3600


def essayer_ticket(ent: ENT, attente: float = 2, *, service: str = "notes") -> str | None:
    """Rejoue, en une ligne, la vie d'un ticket de service (question 16) et renvoie le code
    d'échec CAS (``"INVALID_TICKET"``…), ou None si la validation a réussi.

    1. Léa Martin ouvre le service depuis l'« Ordinateur de la maison » ; si elle n'y a pas
       de session SSO valable (première fois, ou session expirée après une longue attente),
       elle se connecte d'abord avec son mot de passe ;
    2. le serveur CAS émet un ticket de service ``ST-…`` (protocole CAS 3.0, section 3.1) ;
    3. l'horloge simulée avance de ``attente`` secondes ;
    4. le service présente le ticket au serveur CAS (``/p3/serviceValidate``, section 2.8),
       qui répond par un succès ou par un code d'échec (section 2.5.3).

    La réponse du serveur CAS (code et message en français) est affichée.
    """
    if isinstance(attente, bool) or not isinstance(attente, (int, float)) or \
            not 0 <= attente <= ATTENTE_MAX:
        raise ValeurInvalide(f"L'attente est un nombre de secondes entre 0 et {ATTENTE_MAX} "
                             f"(une journée), par exemple attente = 30 (reçu : "
                             f"{cite(attente)}).")
    eleve = PERSONAS["eleve"].identifiant
    nav = ent.navigateur(POSTE_ESSAI)
    acces = ent.cas.acceder(nav, service)
    if acces.ticket is None:              # pas (ou plus) de session SSO : Léa se connecte
        connexion = ent.cas.connexion(nav, eleve, MOTS_DE_PASSE_DEMO["eleve"])
        if not connexion.ok:
            raise ErreurENT(f"Léa n'a pas pu se connecter : {connexion.message}",
                            code="connexion_impossible")
        acces = ent.cas.acceder(nav, service)
        if acces.ticket is None:
            raise ErreurENT(f"Aucun ticket émis : {acces.message}", code="ticket_non_emis")
    cible = ent.cas.service(service)
    ent.avancer(secondes=attente)
    validation = ent.cas.valider(acces.ticket, cible.url)
    attente_lisible = f"{attente:g}".replace(".", ",")
    print(f"Le serveur CAS émet un ticket de service pour « {cible.nom} » ; le service le "
          f"présente {attente_lisible} s plus tard.")
    if validation.ok:
        print(f"Réponse du serveur CAS : validation réussie, aucun code d'erreur. Le service "
              f"reçoit l'identité de {validation.utilisateur}.")
    else:
        print(f"Réponse du serveur CAS : échec, code {validation.code}.\n{validation.message}")
    return validation.code
