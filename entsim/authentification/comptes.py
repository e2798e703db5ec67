"""Les comptes du service d'authentification : état, empreintes, secrets, et les résultats
des opérations (codes stables, messages en français).

* SDET, document 2, « Mots de passe » : jamais stockés en clair, empreinte irréversible
  (:class:`Compte` ne garde que l'empreinte et son schéma, :mod:`entsim.authentification.hachage`) ;
  « Interdiction de réutiliser des mots de passe précédents » → :attr:`Compte.historique`
  (:data:`TAILLE_HISTORIQUE` anciennes empreintes).
* Chaque refus a un code stable (ASCII), séparé de son libellé français
  (:data:`MESSAGES`) ; une opération refusée signale tous ses problèmes ensemble
  (:class:`ResultatOperation`), comme les validateurs de mot de passe de Django.
* Code d'activation : aléatoire, court, vite expiré ; seule son empreinte SHA-256 est
  gardée (:func:`_empreinte_code`).

Le service qui manipule ces comptes est :class:`entsim.authentification.service.Authentification`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import TypeVar

from entsim.authentification.hachage import LONGUEUR_MAX_MOT_DE_PASSE
from entsim.authentification.preuves import MESSAGES_TOTP, Certificat
from entsim.socle.texte import accorder

# ---------------------------------------------------------------------------------------
# Constantes
# ---------------------------------------------------------------------------------------

#: Méthodes d'authentification (libellés affichés).
METHODE_MOT_DE_PASSE = "mot de passe"
METHODE_OTP = "code à usage unique"
METHODE_CERTIFICAT = "certificat"

#: Durée de validité d'un code d'activation (choix de la simulation : le temps de distribuer
#: les codes en classe et de faire la première connexion ; un code temporaire doit vivre peu).
DUREE_CODE_ACTIVATION = timedelta(days=7)

#: Nombre d'anciennes empreintes conservées pour interdire la réutilisation (SDET :
#: « Interdiction de réutiliser des mots de passe précédents »).
TAILLE_HISTORIQUE = 10

#: Longueur d'un code d'activation, et son alphabet : sans les caractères qu'on confond sur
#: une feuille imprimée (0/O, 1/I/l…). 31 symboles, 8 caractères ≈ 39,6 bits.
LONGUEUR_CODE_ACTIVATION = 8
ALPHABET_CODE_ACTIVATION = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

#: Messages par code stable (le libellé, en français, est séparé du code).
MESSAGES: dict[str, str] = {
    "ok": "Authentification réussie ({methode}).",
    "identifiants_invalides": "Identifiant ou mot de passe incorrect.",
    "identifiants_invalides_otp": "Identifiant ou code à usage unique incorrect.",
    "identifiants_invalides_certificat": "Authentification par certificat refusée.",
    "compte_bloque": ("Compte temporairement bloqué après {echecs} échecs successifs : "
                      "réessayez après {fin}."),
    "tentative_trop_rapprochee": ("Trop d'échecs successifs ({echecs}) : patientez jusqu'à "
                                  "{fin} avant de réessayer."),
    "compte_non_active": ("Ce compte n'est pas encore activé : faites d'abord la première "
                          "connexion avec votre code d'activation."),
    "mot_de_passe_expire": ("Mot de passe correct, mais il a expiré : choisissez-en un "
                            "nouveau pour continuer."),
    "saisie_invalide": "Saisie invalide : vérifiez l'identifiant et le secret saisis.",
    "mot_de_passe_trop_long": (f"Le mot de passe saisi est trop long "
                               f"({LONGUEUR_MAX_MOT_DE_PASSE} caractères au plus)."),
    "otp_deja_utilise": MESSAGES_TOTP["otp_deja_utilise"],
    "defi_absent": ("Aucun défi en cours pour ce compte : demandez un nouveau défi (un défi "
                    "ne sert qu'une fois)."),
    "defi_expire": ("Le défi a expiré (il ne vaut que {duree}) : demandez-en un nouveau."),
    "signature_invalide": ("Authentification par certificat refusée : la réponse au défi n'a "
                           "pas été signée avec la clé privée du certificat enregistré."),
    "certificat_invalide": "Certificat refusé par l'autorité de certification.",
    # Activation, changement de mot de passe
    "activation_ok": ("Compte activé : vous pouvez maintenant vous connecter avec votre "
                      "identifiant et votre nouveau mot de passe."),
    "activation_refusee": "Activation refusée :",
    "code_activation_invalide": ("Identifiant ou code d'activation incorrect (ou compte déjà "
                                 "activé)."),
    "code_activation_expire": ("Ce code d'activation a expiré le {fin} : demandez-en un "
                               "nouveau à l'administrateur de l'ENT."),
    "charte_non_acceptee": "Vous devez accepter la charte d'utilisation de l'ENT.",
    "information_non_lue": ("Vous devez lire l'information sur vos droits (loi Informatique "
                            "et Libertés, RGPD) avant d'utiliser l'ENT."),
    "mot_de_passe_invalide": "Le nouveau mot de passe doit être un texte non vide.",
    "changement_ok": "Mot de passe changé.",
    "changement_refuse": "Changement de mot de passe refusé :",
    "ancien_mot_de_passe_incorrect": "Identifiant ou ancien mot de passe incorrect.",
    "mot_de_passe_defini": "Mot de passe défini par l'administrateur.",
    # Certificats
    "certificat_enregistre": "Certificat enregistré pour « {identifiant} ».",
    "certificat_autre_identite": ("Ce certificat a été émis pour « {titulaire} », et non pour "
                                  "« {identifiant} » : il ne peut pas servir à ce compte."),
}


def _empreinte_code(code: str) -> str:
    """Empreinte SHA-256 d'un code d'activation (espaces et casse ignorés à la saisie)."""
    return hashlib.sha256(code.strip().upper().encode("utf-8")).hexdigest()


def _echecs(nombre: int) -> str:
    """« 0 échec », « 1 échec », « 3 échecs »."""
    return accorder(nombre, "échec")


# ---------------------------------------------------------------------------------------
# Comptes
# ---------------------------------------------------------------------------------------

class EtatCompte(str, Enum):
    """L'état d'un compte ENT."""

    A_ACTIVER = "à activer"
    ACTIF = "actif"
    BLOQUE = "bloqué"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class EmpreinteAncienne:
    """Une empreinte d'un ancien mot de passe (pour interdire sa réutilisation)."""

    schema: str
    valeur: str = field(repr=False)
    jusqu_au: datetime


@dataclass(eq=False, repr=False)
class Compte:
    """Un compte du service d'authentification. Aucun champ ne contient le mot de passe,
    sauf si le schéma « clair » (illégal) a été choisi exprès : ``empreinte`` est alors le
    mot de passe lui-même. ``repr`` et ``str`` ne montrent jamais ni empreinte ni secret."""

    identifiant: str
    cree_le: datetime
    etat: EtatCompte = EtatCompte.A_ACTIVER
    #: L'empreinte du mot de passe (``None`` avant l'activation) et son schéma.
    empreinte: str | None = None
    schema: str | None = None
    #: Empreintes des mots de passe précédents, la plus récente d'abord.
    historique: list[EmpreinteAncienne] = field(default_factory=list)
    echecs_consecutifs: int = 0
    bloque_jusqu_a: datetime | None = None
    dernier_changement: datetime | None = None
    derniere_connexion: datetime | None = None
    active_le: datetime | None = None
    charte_acceptee_le: datetime | None = None
    information_lue_le: datetime | None = None
    #: Empreinte SHA-256 du code d'activation (jamais le code lui-même) et sa date de fin.
    code_activation_empreinte: str | None = None
    code_activation_expire_le: datetime | None = None
    #: Secret TOTP partagé avec le téléphone. Il doit être conservé *réversiblement* (le
    #: serveur recalcule les codes avec) : c'est un secret à protéger comme une clé.
    secret_otp: str | None = None
    #: Pas (RFC 6238) du dernier code accepté : un code de ce pas ou plus ancien est refusé.
    dernier_pas_otp: int | None = None
    certificat: Certificat | None = None
    defi_en_cours: bytes | None = None
    defi_expire_le: datetime | None = None

    @property
    def actif(self) -> bool:
        return self.etat is EtatCompte.ACTIF

    @property
    def otp_active(self) -> bool:
        return self.secret_otp is not None

    def __repr__(self) -> str:
        blocage = f", bloqué jusqu'à {self.bloque_jusqu_a:%d/%m/%Y %H:%M:%S}" \
            if self.bloque_jusqu_a else ""
        return (f"Compte({self.identifiant!r}, {self.etat.value}, schéma "
                f"{self.schema or 'aucun'}, {_echecs(self.echecs_consecutifs)}{blocage}, "
                f"code à usage unique : {'oui' if self.otp_active else 'non'}, "
                f"certificat : {'oui' if self.certificat is not None else 'non'})")

    __str__ = __repr__


# ---------------------------------------------------------------------------------------
# Résultats
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultatAuthentification:
    """Résultat d'une tentative d'authentification (mot de passe, code, certificat)."""

    ok: bool
    code: str
    message: str
    identifiant: str
    methode: str
    instant: datetime
    #: Fin du blocage ou de la temporisation, si le compte est (ou vient d'être) bloqué.
    bloque_jusqu_a: datetime | None = None

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return ("✓ " if self.ok else "✗ ") + self.message


@dataclass(frozen=True)
class Probleme:
    """Un problème d'une opération refusée : un code stable et son message français."""

    code: str
    message: str


@dataclass(frozen=True)
class ResultatOperation:
    """Résultat d'une opération sur un compte ; tous les problèmes sont signalés ensemble."""

    ok: bool
    code: str
    message: str
    identifiant: str
    instant: datetime
    problemes: tuple[Probleme, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """Les codes de tous les problèmes (vide si l'opération a réussi)."""
        return tuple(p.code for p in self.problemes)

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return ("✓ " if self.ok else "✗ ") + self.message


class ResultatActivation(ResultatOperation):
    """Résultat de la première connexion
    (:meth:`entsim.authentification.service.Authentification.activer`)."""


class ResultatChangement(ResultatOperation):
    """Résultat d'un changement (ou d'une définition) de mot de passe."""


R = TypeVar("R", bound=ResultatOperation)


def _resultat(classe: type[R], identifiant: str, instant: datetime,
              problemes: list[Probleme], *, code_ok: str, code_refus: str,
              **details: str) -> R:
    if not problemes:
        return classe(True, "ok", MESSAGES[code_ok].format(**details), identifiant, instant)
    lignes = "\n".join(f"• {p.message}" for p in problemes)
    return classe(False, code_refus, f"{MESSAGES[code_refus]}\n{lignes}", identifiant, instant,
                  tuple(problemes))
