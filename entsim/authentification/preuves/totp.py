"""Le mot de passe à usage unique (TOTP) : le code à 6 chiffres qui change toutes les
30 secondes, et le téléphone simulé qui l'affiche.

RFC 6238 (TOTP) au-dessus de la RFC 4226 (HOTP), via ``pyotp`` : pas de 30 s, 6 chiffres,
HMAC-SHA-1, comme les applications d'authentification (FreeOTP, Google Authenticator,
Aegis…). Le secret fait 160 bits (RFC 4226, section 4, exigence R6 : au moins 128 bits,
160 recommandés). Le code se calcule sur l'heure *simulée*, lue comme de l'heure UTC
(:mod:`entsim.authentification.preuves`).
"""

from __future__ import annotations

import base64
import binascii
import string
from dataclasses import dataclass
from datetime import datetime

import pyotp

from entsim.authentification.preuves.commun import en_utc, verifier_horloge, verifier_source
from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ValeurInvalide, verifier_entier, verifier_texte
from entsim.socle.horloge import Horloge
from entsim.socle.texte import cite

#: Durée de validité d'un code : 30 secondes (RFC 6238, section 5.2 : « We RECOMMEND a
#: default time-step size of 30 seconds »).
PAS_TOTP = 30

#: Nombre de chiffres d'un code (RFC 4226, section 5.3 : au moins 6 chiffres).
CHIFFRES_TOTP = 6

#: Taille du secret partagé : 160 bits = 20 octets (RFC 4226, section 4, exigence R6).
OCTETS_SECRET_TOTP = 20

#: Taille minimale acceptée pour un secret : 128 bits (RFC 4226, R6 : « MUST be at least
#: 128 bits »).
OCTETS_SECRET_MINIMUM = 16

#: Libellés des résultats d'une vérification de code à usage unique (codes stables).
MESSAGES_TOTP: dict[str, str] = {
    "otp_accepte": "Code accepté : il correspond au code attendu à cet instant.",
    "otp_format_invalide": (
        "Le code doit comporter exactement {chiffres} chiffres (reçu : « {code} »)."
    ),
    "otp_incorrect": (
        "Code refusé : il ne correspond pas au code attendu (code faux, ou trop ancien : "
        "un code ne vaut que {pas} secondes)."
    ),
    "otp_deja_utilise": (
        "Code refusé : ce code a déjà servi. Un mot de passe à usage unique ne s'utilise "
        "qu'une fois ; attendez le code suivant."
    ),
}


def _normaliser_secret(secret: object) -> str:
    """Vérifie un secret base32 et le renvoie en majuscules, sans espaces ni « = »."""
    verifier_texte(secret, "secret")
    propre = secret.replace(" ", "").replace("-", "").rstrip("=").upper()
    try:
        octets = base64.b32decode(propre + "=" * (-len(propre) % 8))
    except (binascii.Error, ValueError):
        raise ValeurInvalide(
            "Le secret doit être écrit en base32 (lettres A à Z et chiffres 2 à 7), "
            "comme celui que donne nouveau_secret_totp()."
        ) from None
    if len(octets) < OCTETS_SECRET_MINIMUM:
        raise ValeurInvalide(
            f"Ce secret est trop court ({len(octets) * 8} bits) : la RFC 4226 exige au moins "
            f"{OCTETS_SECRET_MINIMUM * 8} bits (160 bits recommandés)."
        )
    return propre


def _totp(secret: object) -> pyotp.TOTP:
    return pyotp.TOTP(_normaliser_secret(secret), digits=CHIFFRES_TOTP, interval=PAS_TOTP)


def _horodatage(instant: object) -> int:
    """Secondes depuis le 1er janvier 1970 UTC (l'instant simulé étant lu comme UTC)."""
    secondes = int(en_utc(instant).timestamp())
    if secondes < 0:
        raise ValeurInvalide("Un code TOTP se calcule pour un instant après le 1er janvier 1970.")
    return secondes


def pas_totp(instant: datetime) -> int:
    """Le numéro du pas de 30 s qui contient cet instant (le « compteur » T de la RFC 6238)."""
    return _horodatage(instant) // PAS_TOTP


def nouveau_secret_totp(source: SourceAleatoire) -> str:
    """Un nouveau secret partagé, en base32 (160 bits), à enregistrer dans le téléphone.

    Le serveur et l'application d'authentification gardent chacun ce secret ; ensuite,
    aucun des deux n'a besoin de communiquer pour calculer le même code.
    """
    octets = verifier_source(source).octets(OCTETS_SECRET_TOTP)
    return base64.b32encode(octets).decode("ascii")


def code_totp(secret: str, instant: datetime) -> str:
    """Le code à 6 chiffres valable à cet instant simulé (RFC 6238 : SHA-1, pas de 30 s)."""
    return _totp(secret).at(_horodatage(instant))


@dataclass(frozen=True)
class VerificationTOTP:
    """Résultat détaillé de la vérification d'un code à usage unique."""

    valide: bool
    code: str
    message: str
    #: Le pas (compteur RFC 6238) du code reconnu, à retenir pour refuser sa réutilisation.
    pas: int | None = None

    @property
    def ok(self) -> bool:
        return self.valide

    def __bool__(self) -> bool:
        return self.valide

    def __str__(self) -> str:
        return self.message


def verifier_totp_detail(secret: str, code: str, instant: datetime, *, fenetre: int = 1,
                         dernier_pas_utilise: int | None = None) -> VerificationTOTP:
    """Vérifie un code et dit pourquoi il est accepté ou refusé.

    ``fenetre`` : nombre de pas de 30 s tolérés autour de l'instant (RFC 6238, section 5.2 :
    « We RECOMMEND that at most one time step is allowed as the network delay »). Avec
    ``fenetre=1``, le code du pas précédent (et du suivant, si l'horloge du téléphone avance)
    est accepté ; un code plus ancien est refusé.

    ``dernier_pas_utilise`` : le pas du dernier code accepté pour ce compte. RFC 6238,
    section 5.2 : « the verifier MUST NOT accept the second attempt of the OTP after the
    successful validation has been issued for the first OTP » ; un code d'un pas déjà
    utilisé (ou plus ancien) est donc refusé (code ``otp_deja_utilise``).
    """
    verifier_entier(fenetre, "fenetre", minimum=0, maximum=10)
    if dernier_pas_utilise is not None:
        verifier_entier(dernier_pas_utilise, "dernier_pas_utilise", minimum=0)
    if not isinstance(code, str):
        raise ValeurInvalide(
            "Le code doit être un texte entre guillemets, par exemple \"081804\" : écrit comme "
            f"un nombre, il perdrait ses zéros de tête (reçu : {cite(code)})."
        )
    totp = _totp(secret)
    saisi = code.replace(" ", "").strip()
    if len(saisi) != CHIFFRES_TOTP or not all(c in string.digits for c in saisi):
        return VerificationTOTP(False, "otp_format_invalide", MESSAGES_TOTP[
            "otp_format_invalide"].format(chiffres=CHIFFRES_TOTP, code=code))
    pas_actuel = pas_totp(instant)
    # Du plus récent au plus ancien : le pas courant d'abord.
    for decalage in sorted(range(-fenetre, fenetre + 1), key=lambda d: (abs(d), -d)):
        pas = pas_actuel + decalage
        if pas < 0:
            continue
        if pyotp.utils.strings_equal(saisi, totp.generate_otp(pas)):
            if dernier_pas_utilise is not None and pas <= dernier_pas_utilise:
                return VerificationTOTP(False, "otp_deja_utilise",
                                        MESSAGES_TOTP["otp_deja_utilise"], pas)
            return VerificationTOTP(True, "otp_accepte", MESSAGES_TOTP["otp_accepte"], pas)
    return VerificationTOTP(False, "otp_incorrect",
                            MESSAGES_TOTP["otp_incorrect"].format(pas=PAS_TOTP))


def verifier_totp(secret: str, code: str, instant: datetime, *, fenetre: int = 1) -> bool:
    """``True`` si le code est celui de l'instant (à ``fenetre`` pas de 30 s près).

    Un code qui n'a pas 6 chiffres donne ``False`` ; la raison détaillée est donnée par
    :func:`verifier_totp_detail`.
    """
    return verifier_totp_detail(secret, code, instant, fenetre=fenetre).valide


def uri_totp(secret: str, identifiant: str, emetteur: str = "ENT du lycée") -> str:
    """L'adresse ``otpauth://totp/…`` qu'un QR code transmet à l'application du téléphone.

    Format « Key Uri Format » de Google Authenticator, repris par toutes les applications :
    ``otpauth://totp/Émetteur:identifiant?secret=…&issuer=…``.
    """
    verifier_texte(identifiant, "identifiant")
    verifier_texte(emetteur, "emetteur")
    return _totp(secret).provisioning_uri(name=identifiant, issuer_name=emetteur)


class TelephoneSimule:
    """L'application d'authentification sur le téléphone d'un élève.

    Elle ne connaît que le secret et l'heure (ici, l'heure *simulée*) : elle n'a besoin ni
    de réseau ni du serveur pour afficher le bon code. C'est une preuve de ce que l'on
    *possède* (le téléphone), qui s'ajoute à ce que l'on *sait* (le mot de passe).
    """

    def __init__(self, proprietaire: str, secret: str, horloge: Horloge) -> None:
        self.proprietaire = verifier_texte(proprietaire, "proprietaire")
        self.secret = _normaliser_secret(secret)
        self.horloge = verifier_horloge(horloge)

    def code_affiche(self) -> str:
        """Le code que l'écran affiche à l'instant simulé (6 chiffres, sans espace)."""
        return code_totp(self.secret, self.horloge.maintenant())

    def secondes_restantes(self) -> int:
        """Combien de secondes le code affiché reste valable (de 30 à 1)."""
        return PAS_TOTP - _horodatage(self.horloge.maintenant()) % PAS_TOTP

    def __str__(self) -> str:
        code = self.code_affiche()
        return (f"📱 Téléphone de {self.proprietaire} : {code[:3]} {code[3:]} "
                f"(encore {self.secondes_restantes()} s)")

    def __repr__(self) -> str:
        return f"TelephoneSimule({self.proprietaire!r})"


__all__ = [
    "CHIFFRES_TOTP", "MESSAGES_TOTP", "OCTETS_SECRET_MINIMUM", "OCTETS_SECRET_TOTP", "PAS_TOTP",
    "TelephoneSimule", "VerificationTOTP", "code_totp", "nouveau_secret_totp", "pas_totp",
    "uri_totp", "verifier_totp", "verifier_totp_detail",
]
