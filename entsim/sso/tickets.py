"""Les tickets du serveur CAS : ticket de service, ticket d'octroi (TGT), leurs formats.

Ce module suit la section 3 de la spécification (*CAS Protocol 3.0 Specification*, version
3.0.3, Apereo) :

* ticket de service ``ST-…`` (section 3.1) : valable pour un seul service, une seule
  tentative de validation, et peu de temps ; assez de hasard pour ne pas être deviné
  (3.1.1) ;
* ticket d'octroi de tickets ``TGT-…`` (section 3.8) : la session SSO d'un navigateur,
  gardée dans le cookie TGC (section 3.6) ;
* jeu de caractères des tickets (section 3.7) : A-Z, a-z, 0-9 et le tiret.

Les durées par défaut sont celles du serveur de référence Apereo CAS (des réglages du serveur,
pas des exigences du protocole) : un ticket de service vit 10 secondes (la spécification
recommande au plus 5 minutes, section 3.1.1) ; une session SSO expire après 2 heures sans
utilisation ou 8 heures après son ouverture (SDET :
« Suite à une période d'inactivité ou après une certaine durée, les services AAS DOIVENT
demander une nouvelle authentification de l'utilisateur »).

On y trouve aussi les instantanés en lecture seule (:class:`EtatTicket`,
:class:`SessionSSO`) que montre le panneau « coulisses ». Le serveur qui émet et valide les
tickets est :class:`entsim.sso.serveur.ServeurCAS`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from entsim.socle.aleatoire import ALPHABET_JETON, SourceAleatoire

# ---------------------------------------------------------------------------------------
# Formats et préfixes (sections 3.1, 3.2, 3.7 et 3.8)
# ---------------------------------------------------------------------------------------

#: Section 3.1.1 : « Service tickets MUST begin with the characters, ST- ».
PREFIXE_ST = "ST-"
#: Section 3.8.1 : « Ticket-granting tickets SHOULD begin with the characters TGT- ».
PREFIXE_TGT = "TGT-"
#: Section 3.2.1 : les tickets de proxy commencent par « PT- » (non gérés ici).
PREFIXE_PT = "PT-"
#: Identifiant d'une demande de déconnexion (comme le serveur Apereo : « LR-… »).
PREFIXE_LR = "LR-"

#: Longueur maximale d'un ticket de service émis : 32 caractères. Section 3.1.1 : « Services
#: MUST be able to accept service tickets of up to 32 characters in length. It is
#: RECOMMENDED that services support service tickets of up to 256 characters in length. »
#: L'obligation porte sur les services ; le serveur s'y tient pour que tout service conforme
#: accepte ses tickets, même celui qui s'arrête au minimum.
LONGUEUR_MAX_ST_EMIS = 32
#: Partie aléatoire d'un ticket de service : 24 caractères de A-Z a-z 0-9, soit ≈ 143 bits
#: (section 3.1.1 : « adequate secure random data so that a ticket is not guessable » ;
#: on vise au moins 128 bits). ``ST-`` + numéro + ``-`` + 24 caractères tient en 32
#: caractères jusqu'au ticket n° 9 999 ; au-delà, la partie aléatoire raccourcit pour rester
#: dans les 32 caractères, sans descendre sous :data:`LONGUEUR_ALEA_ST_MIN`.
LONGUEUR_ALEA_ST = 24
#: Partie aléatoire la plus courte d'un ticket de service : 22 caractères, ≈ 131 bits.
LONGUEUR_ALEA_ST_MIN = 22
#: Plus grand numéro écrit dans un ticket de service (999 999) : ``ST-999999-`` et 22
#: caractères font 32. Après le millionième ticket, la numérotation écrite repart de 1 ; la
#: partie aléatoire rend toujours chaque ticket unique (le serveur le vérifie).
NUMERO_MAX_ST = 10 ** (LONGUEUR_MAX_ST_EMIS - len("ST--") - LONGUEUR_ALEA_ST_MIN) - 1
#: Partie aléatoire d'un TGT : 32 caractères, ≈ 190 bits (section 3.8.1).
LONGUEUR_ALEA_TGT = 32
#: Partie aléatoire de l'identifiant d'une demande de déconnexion.
LONGUEUR_ALEA_LR = 20
#: Entropie d'un ticket de service, en bits (jusqu'au ticket n° 9 999).
ENTROPIE_ST = LONGUEUR_ALEA_ST * math.log2(len(ALPHABET_JETON))
#: Entropie minimale d'un ticket de service, quel que soit son numéro, en bits.
ENTROPIE_MIN_ST = LONGUEUR_ALEA_ST_MIN * math.log2(len(ALPHABET_JETON))
#: Section 3.1.1 : « It is RECOMMENDED that services support service tickets of up to 256
#: characters in length ».
LONGUEUR_MAX_TICKET = 256

#: Section 3.7 : tickets et cookie TGC ne contiennent que A-Z, a-z, 0-9 et le tiret.
MOTIF_TICKET_SERVICE = re.compile(r"^ST-[A-Za-z0-9-]+$")

#: Nom du cookie de session SSO (nom par défaut du serveur Apereo, « TGC ») ; sa valeur est
#: le TGT lui-même (section 3.6.1 : « the value of the ticket-granting cookies MAY contain
#: the ticket-granting ticket itself »).
NOM_COOKIE_TGC = "TGC"

# ---------------------------------------------------------------------------------------
# Durées de vie, états, motifs de fin
# ---------------------------------------------------------------------------------------

#: Durées par défaut du serveur Apereo CAS.
DUREE_TICKET_PAR_DEFAUT = timedelta(seconds=10)
INACTIVITE_MAX_PAR_DEFAUT = timedelta(hours=2)
DUREE_MAX_PAR_DEFAUT = timedelta(hours=8)

#: Pourquoi une session SSO a pris fin.
MOTIFS_FIN: dict[str, str] = {
    "deconnexion": "déconnexion demandée par l'utilisateur",
    "inactivite": "inactivité trop longue",
    "duree_max": "durée maximale de session atteinte",
    "remplacement": "nouvelle connexion d'un autre utilisateur sur le même poste",
}

#: États d'un ticket de service, pour le panneau « coulisses ».
ETATS_TICKET = ("émis", "validé", "refusé", "expiré", "détruit")


def _duree_lisible(duree: timedelta) -> str:
    """Une durée de vie écrite pour un élève : « 10 s », « 15 min », « 2 h »."""
    secondes = int(duree.total_seconds())
    if secondes % 3600 == 0:
        return f"{secondes // 3600} h"
    if secondes % 60 == 0:
        return f"{secondes // 60} min"
    return f"{secondes} s"


def nouvel_identifiant(type_ticket: str, numero: int, source: SourceAleatoire,
                       longueur: int) -> str:
    """L'identifiant d'un ticket : ``type-numéro-hasard`` (``ST-3-…``, ``TGT-1-…``,
    ``LR-2-…``).

    Le préfixe vient de la spécification (« ST- », section 3.1.1 ; « TGT- », section
    3.8.1) ; le numéro d'ordre rend chaque ticket unique ; la partie aléatoire, tirée de la
    source secrète (``source.jeton``), le rend impossible à deviner (section 3.1.1). Tous
    les caractères sont ceux de la section 3.7.
    """
    return f"{type_ticket}-{numero}-{source.jeton(longueur)}"


def identifiant_ticket_de_service(numero: int, source: SourceAleatoire) -> str:
    """L'identifiant du ``numero``-ième ticket de service : ``ST-numéro-hasard``, jamais plus
    de 32 caractères (:data:`LONGUEUR_MAX_ST_EMIS`, section 3.1.1).

    ``ST-3-`` suivi de 24 caractères aléatoires (≈ 143 bits) jusqu'au n° 9 999 ; au-delà, 23
    puis 22 caractères (≈ 131 bits) ; après le n° 999 999, le numéro écrit repart de 1.
    """
    ecrit = (numero - 1) % NUMERO_MAX_ST + 1
    prefixe = f"{PREFIXE_ST}{ecrit}-"
    return prefixe + source.jeton(min(LONGUEUR_ALEA_ST, LONGUEUR_MAX_ST_EMIS - len(prefixe)))


# ---------------------------------------------------------------------------------------
# Les tickets (entités internes du serveur)
# ---------------------------------------------------------------------------------------

@dataclass(eq=False)
class TicketDeService:
    """Un ticket de service (section 3.1).

    Valable pour un seul service (celui donné à ``/login``), pour une seule tentative de
    validation, réussie ou non (section 3.1.1), et pendant peu de temps.
    ``identifiants_presentes`` est vrai si le ticket a été émis juste après la saisie des
    identifiants (et non grâce à la session SSO) : c'est ce que vérifie ``renew`` à la
    validation (section 2.5.1) et ce que dit ``isFromNewLogin`` (annexe A).
    """

    id: str
    service: str               # l'URL du service (identifiant de service, section 2.2.1)
    code_service: str
    identifiant: str
    tgt: str
    poste: str
    emis_le: datetime
    expire_le: datetime
    identifiants_presentes: bool
    presente_le: datetime | None = None   # première (et seule) tentative de validation
    resultat: str | None = None           # "validé" ou "refusé"
    code_refus: str | None = None
    detruit_le: datetime | None = None    # session SSO fermée

    def etat(self, maintenant: datetime) -> str:
        """État du ticket : émis, validé, refusé, expiré ou détruit (lecture seule)."""
        if self.resultat is not None:
            return self.resultat
        if self.detruit_le is not None:
            return "détruit"
        if maintenant > self.expire_le:
            return "expiré"
        return "émis"


@dataclass(eq=False)
class TicketTGT:
    """Un ticket d'octroi de tickets (TGT, section 3.8) : la session SSO d'un navigateur.

    Il n'est pas à usage unique (section 3.8.1) : chaque ticket de service émis grâce à lui
    le « réutilise » et repousse l'expiration pour inactivité.
    """

    id: str
    identifiant: str
    poste: str
    methode: str
    cree_le: datetime
    authentifie_le: datetime
    derniere_utilisation: datetime
    tickets: list[str] = field(default_factory=list)
    fin_le: datetime | None = None
    motif_fin: str | None = None

    def motif_expiration(self, maintenant: datetime, inactivite_max: timedelta,
                         duree_max: timedelta) -> str | None:
        """``"duree_max"``, ``"inactivite"`` ou ``None`` : la session a-t-elle dépassé une
        limite ? Comme Apereo, une limite atteinte *exactement* n'est pas encore dépassée."""
        if maintenant > self.cree_le + duree_max:
            return "duree_max"
        if maintenant > self.derniere_utilisation + inactivite_max:
            return "inactivite"
        return None


# ---------------------------------------------------------------------------------------
# Instantanés (panneau « coulisses »)
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EtatTicket:
    """Instantané d'un ticket de service, pour le panneau « coulisses »."""

    ticket: str
    service: str
    identifiant: str
    poste: str
    emis_le: datetime
    expire_le: datetime
    etat: str
    identifiants_presentes: bool
    code_refus: str | None

    @property
    def vivant(self) -> bool:
        """Vrai si le ticket peut encore être validé."""
        return self.etat == "émis"

    def en_ligne(self) -> dict[str, object]:
        return {"Ticket": self.ticket, "Service": self.service, "Identité": self.identifiant,
                "Poste": self.poste, "Émis à": self.emis_le, "Expire à": self.expire_le,
                "État": self.etat, "Refus": self.code_refus or ""}


@dataclass(frozen=True)
class SessionSSO:
    """Instantané d'une session SSO (un TGT) : qui, sur quel poste, jusqu'à quand."""

    tgt: str
    identifiant: str
    poste: str
    methode: str
    ouverte_le: datetime
    authentifie_le: datetime
    derniere_utilisation: datetime
    expire_inactivite_le: datetime
    expire_au_plus_tard_le: datetime
    tickets: tuple[str, ...]
    services: tuple[str, ...]      # codes des services où un ticket a été validé
    etat: str                       # "active", "expirée" ou "fermée"
    motif_fin: str | None = None

    def en_ligne(self) -> dict[str, object]:
        return {"TGT": self.tgt, "Identité": self.identifiant, "Poste": self.poste,
                "Ouverte à": self.ouverte_le, "Dernière utilisation": self.derniere_utilisation,
                "Expire (inactivité)": self.expire_inactivite_le,
                "Expire au plus tard": self.expire_au_plus_tard_le,
                "Services": ", ".join(self.services), "État": self.etat}
