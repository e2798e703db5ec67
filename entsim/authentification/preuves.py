"""Les autres preuves d'authentification : mot de passe à usage unique, clés, certificats,
signatures numériques.

SDET, document 2, « Les moyens d'authentification » : « Le service d'identification/
authentification DOIT proposer une authentification par mot de passe. […] PEUT proposer
d'autres moyens d'authentification tels que les certificats et les mots de passe à usage
unique ». Le même document range le certificat X.509 parmi les « preuves signées par un
serveur d'authentification ». La question 16 du cours demande d'expliquer ces preuves (mot
de passe, mot de passe à usage unique, certificat, clé privée, signature numérique, TLS) :
ce module les fait *fonctionner* pour de vrai, avec des algorithmes réels.

* **Mot de passe à usage unique (TOTP)** — RFC 6238 (TOTP) au-dessus de la RFC 4226 (HOTP),
  via ``pyotp`` : pas de 30 s, 6 chiffres, HMAC-SHA-1, comme les applications
  d'authentification (FreeOTP, Google Authenticator, Aegis…). Le secret fait 160 bits
  (RFC 4226, section 4, exigence R6 : au moins 128 bits, 160 recommandés).
* **Clés et signatures** — Ed25519 (RFC 8032) avec le paquet ``cryptography`` ; une
  signature Ed25519 est déterministe : même clé + même message = même signature.
* **Certificats** — de vrais certificats X.509 v3 (RFC 5280) signés par une autorité de
  certification simulée (« Autorité de certification de l'académie »).

Temps : rien ne lit l'horloge réelle. Les codes TOTP et les dates de validité des
certificats viennent de l'horloge simulée (:class:`~entsim.socle.horloge.Horloge`). Cette horloge
donne une heure « naïve » (sans fuseau) : **on la traite comme de l'heure UTC**. Ainsi un code
TOTP ne dépend pas du fuseau de l'ordinateur qui exécute le notebook (``pyotp`` interpréterait
une date naïve comme heure locale), et un certificat émis à 8 h 00 simulées affiche 8 h 00.
Une date avec fuseau (``tzinfo``) est convertie en UTC.

Hasard : secrets TOTP, clés, numéros de série et défis viennent de la
:class:`~entsim.socle.aleatoire.SourceAleatoire`. En mode ``reproductible`` (notebooks), la même
graine donne les mêmes secrets, les mêmes clés et les mêmes certificats, octet pour octet
(la signature Ed25519 étant déterministe, tout le certificat l'est) ; sinon, l'aléa vient du
module ``secrets`` / du système.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import string
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Union

import pyotp
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ValeurInvalide, verifier_entier, verifier_texte
from entsim.socle.horloge import Horloge

# ---------------------------------------------------------------------------------------
# Outils communs
# ---------------------------------------------------------------------------------------

Donnees = Union[bytes, str]


def _en_utc(instant: object, nom: str = "instant") -> datetime:
    """Convertit un instant simulé en date UTC avec fuseau (une date naïve *est* de l'UTC)."""
    if not isinstance(instant, datetime):
        raise ValeurInvalide(
            f"« {nom} » doit être une date et heure (datetime), par exemple "
            f"horloge.maintenant() (reçu : {type(instant).__name__})."
        )
    if instant.tzinfo is None:
        return instant.replace(tzinfo=timezone.utc)
    return instant.astimezone(timezone.utc)


def _naif(instant_utc: datetime) -> datetime:
    """L'inverse de :func:`_en_utc` : une date UTC ramenée à l'heure naïve de l'horloge."""
    return instant_utc.astimezone(timezone.utc).replace(tzinfo=None)


def _en_octets(donnees: object, nom: str = "données") -> bytes:
    """Un texte est encodé en UTF-8 ; des octets restent tels quels ; le reste est refusé."""
    if isinstance(donnees, str):
        return donnees.encode("utf-8")
    if isinstance(donnees, (bytes, bytearray)):
        return bytes(donnees)
    raise ValeurInvalide(
        f"« {nom} » doit être un texte entre guillemets ou des octets (bytes) "
        f"(reçu : {type(donnees).__name__})."
    )


def _verifier_source(source: object) -> SourceAleatoire:
    if not isinstance(source, SourceAleatoire):
        raise ValeurInvalide(
            "Il faut une source de hasard (SourceAleatoire), par exemple ent.aleatoire "
            f"(reçu : {type(source).__name__})."
        )
    return source


def _verifier_horloge(horloge: object) -> Horloge:
    if not isinstance(horloge, Horloge):
        raise ValeurInvalide(
            "Il faut l'horloge de la simulation (Horloge), par exemple ent.horloge "
            f"(reçu : {type(horloge).__name__})."
        )
    return horloge


def _format_empreinte(octets: bytes) -> str:
    """Écrit des octets comme les navigateurs affichent une empreinte : ``AB:CD:EF:…``."""
    return ":".join(f"{o:02X}" for o in octets)


def _date_fr(instant: datetime) -> str:
    return instant.strftime("%d/%m/%Y à %H:%M")


def empreinte(texte: Donnees) -> str:
    """L'empreinte SHA-256 (64 chiffres hexadécimaux) d'un texte ou d'octets.

    Une fonction de hachage donne une empreinte de taille fixe ; changer une seule lettre
    change complètement l'empreinte (effet « avalanche »), et on ne peut pas remonter de
    l'empreinte au texte. C'est sur l'empreinte qu'on appuie les signatures numériques.

    >>> empreinte("ENT")[:16]
    '1f635e128bede643'
    """
    return hashlib.sha256(_en_octets(texte, "texte")).hexdigest()


def bits_differents(texte_a: Donnees, texte_b: Donnees) -> int:
    """Combien des 256 bits des empreintes SHA-256 de deux textes diffèrent.

    Pour deux textes qui ne diffèrent que d'une lettre, on trouve environ la moitié (≈ 128) :
    l'empreinte n'a « rien à voir » avec la précédente.
    """
    a = int(empreinte(texte_a), 16)
    b = int(empreinte(texte_b), 16)
    return bin(a ^ b).count("1")


# ---------------------------------------------------------------------------------------
# Mots de passe à usage unique (TOTP, RFC 6238)
# ---------------------------------------------------------------------------------------

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
    secondes = int(_en_utc(instant).timestamp())
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
    octets = _verifier_source(source).octets(OCTETS_SECRET_TOTP)
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
            f"un nombre, il perdrait ses zéros de tête (reçu : {code!r})."
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
        self.horloge = _verifier_horloge(horloge)

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


# ---------------------------------------------------------------------------------------
# Paires de clés et signatures (Ed25519)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PaireDeCles:
    """Une clé privée (secrète, gardée par son titulaire) et la clé publique qui va avec.

    Ce que la clé privée signe, n'importe qui peut le vérifier avec la clé publique ; mais
    sans la clé privée, personne ne peut fabriquer une signature valable.
    """

    cle_privee: Ed25519PrivateKey = field(repr=False)
    cle_publique: Ed25519PublicKey = field(repr=False)

    def empreinte(self) -> str:
        """Empreinte courte de la clé publique (8 premiers octets de son SHA-256)."""
        return empreinte_cle(self.cle_publique)

    def cle_publique_pem(self) -> str:
        """La clé publique au format texte PEM (celle qu'on peut publier)."""
        return cle_publique_pem(self.cle_publique)

    def __repr__(self) -> str:
        return f"PaireDeCles(empreinte={self.empreinte()!r})"


def _cle_publique(cle: object, nom: str = "cle_publique") -> Ed25519PublicKey:
    """Accepte une clé publique, une paire ou un certificat, et rend la clé publique."""
    if isinstance(cle, Ed25519PublicKey):
        return cle
    if isinstance(cle, PaireDeCles):
        return cle.cle_publique
    if isinstance(cle, Certificat):
        return cle.cle_publique()
    raise ValeurInvalide(
        f"« {nom} » doit être une clé publique (paire.cle_publique), une paire de clés ou "
        f"un certificat (reçu : {type(cle).__name__})."
    )


def _cle_privee(cle: object) -> Ed25519PrivateKey:
    if isinstance(cle, Ed25519PrivateKey):
        return cle
    if isinstance(cle, PaireDeCles):
        return cle.cle_privee
    if isinstance(cle, (Ed25519PublicKey, Certificat)):
        raise ValeurInvalide(
            "On ne signe pas avec une clé publique : il faut la clé privée "
            "(paire.cle_privee), que seul son titulaire possède."
        )
    raise ValeurInvalide(
        f"Il faut une clé privée (paire.cle_privee) pour signer (reçu : {type(cle).__name__})."
    )


def _octets_bruts(cle: Ed25519PublicKey) -> bytes:
    return cle.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def empreinte_cle(cle_publique: object) -> str:
    """Empreinte courte d'une clé publique : ``AB:CD:…`` (8 octets du SHA-256 de la clé)."""
    cle = _cle_publique(cle_publique)
    return _format_empreinte(hashlib.sha256(_octets_bruts(cle)).digest()[:8])


def cle_publique_pem(cle_publique: object) -> str:
    """Une clé publique au format texte PEM (``-----BEGIN PUBLIC KEY-----``)."""
    cle = _cle_publique(cle_publique)
    return cle.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def generer_paire_de_cles(source: SourceAleatoire) -> PaireDeCles:
    """Une nouvelle paire de clés Ed25519.

    En mode reproductible, la clé privée est tirée de la graine (même graine, même clé) ;
    sinon elle vient du générateur aléatoire du système.
    """
    source = _verifier_source(source)
    if source.reproductible:
        privee = Ed25519PrivateKey.from_private_bytes(source.octets(32))
    else:
        privee = Ed25519PrivateKey.generate()
    return PaireDeCles(privee, privee.public_key())


def signer(cle_privee: Ed25519PrivateKey | PaireDeCles, donnees: Donnees) -> bytes:
    """Signe des données (un texte est encodé en UTF-8) ; renvoie 64 octets de signature.

    La signature Ed25519 (RFC 8032) est déterministe : signer deux fois le même texte avec
    la même clé donne la même signature.
    """
    return _cle_privee(cle_privee).sign(_en_octets(donnees))


def _signature_en_octets(signature: object) -> bytes | None:
    """Octets d'une signature ; un texte hexadécimal (affiché à l'écran) est aussi accepté."""
    if isinstance(signature, (bytes, bytearray)):
        return bytes(signature)
    if isinstance(signature, str):
        try:
            return bytes.fromhex(signature.replace(" ", "").replace(":", ""))
        except ValueError:
            return None
    raise ValeurInvalide(
        f"La signature doit être des octets (bytes), comme ceux que renvoie signer() "
        f"(reçu : {type(signature).__name__})."
    )


def verifier_signature(cle_publique: Ed25519PublicKey | PaireDeCles | Certificat,
                       donnees: Donnees, signature: bytes) -> bool:
    """``True`` si ``signature`` a été faite sur ces données avec la clé privée associée.

    Une signature fausse, ou des données modifiées d'un seul caractère, donnent ``False``
    (jamais d'exception).
    """
    cle = _cle_publique(cle_publique)
    octets = _en_octets(donnees)
    sig = _signature_en_octets(signature)
    if sig is None:
        return False
    try:
        cle.verify(sig, octets)
    except InvalidSignature:
        return False
    return True


def nouveau_defi(source: SourceAleatoire) -> bytes:
    """Un défi aléatoire (32 octets) que l'utilisateur doit signer avec sa clé privée.

    Le serveur envoie un défi neuf à chaque connexion : une signature interceptée ne
    peut donc pas resservir (pas de « rejeu »).
    """
    return _verifier_source(source).octets(32)


def repondre_au_defi(cle_privee: Ed25519PrivateKey | PaireDeCles, defi: bytes) -> bytes:
    """Ce que fait le poste de l'utilisateur : signer le défi reçu avec sa clé privée."""
    return signer(cle_privee, defi)


# ---------------------------------------------------------------------------------------
# Certificats X.509 et autorité de certification
# ---------------------------------------------------------------------------------------

#: Longueur maximale du nom commun (CN) d'un certificat (RFC 5280, annexe A : ub-common-name).
LONGUEUR_MAX_IDENTITE = 64

#: Libellés des résultats de vérification (certificats, défis, documents), par code stable.
MESSAGES_VERIFICATION: dict[str, str] = {
    "certificat_valide": (
        "Certificat valide : émis par « {autorite} » pour « {identite} », "
        "valable jusqu'au {fin}."
    ),
    "certificat_autre_autorite": (
        "Certificat refusé : il a été émis par « {emetteur} », et non par « {autorite} ». "
        "Cette autorité ne peut pas s'en porter garante."
    ),
    "certificat_signature_invalide": (
        "Certificat refusé : la signature de l'autorité « {autorite} » ne correspond pas. "
        "Il n'a pas été signé par elle, ou il a été modifié (falsifié)."
    ),
    "certificat_revoque": (
        "Certificat refusé : il a été révoqué (annulé) par « {autorite} » le {revocation}, "
        "par exemple parce que sa clé privée a été perdue ou volée."
    ),
    "certificat_pas_encore_valide": (
        "Certificat refusé : il ne sera valable qu'à partir du {debut}."
    ),
    "certificat_expire": (
        "Certificat refusé : il a expiré le {fin}. Son titulaire doit en demander un nouveau."
    ),
    "authentification_reussie": (
        "Authentification réussie : certificat valide, et le défi a bien été signé avec la "
        "clé privée de « {identite} »."
    ),
    "defi_signature_invalide": (
        "Authentification refusée : le certificat est valide, mais la réponse au défi n'a "
        "pas été signée avec la clé privée de « {identite} ». Présenter le certificat de "
        "quelqu'un d'autre ne suffit pas : il faut posséder sa clé privée."
    ),
    "signature_valide": (
        "Signature valide : le document n'a pas été modifié depuis que « {signataire} » "
        "l'a signé."
    ),
    "signature_invalide": (
        "Signature invalide : le document a été modifié après sa signature, ou il n'a pas "
        "été signé avec la clé de « {signataire} »."
    ),
    "cle_manquante": (
        "Impossible de vérifier : il faut la clé publique du signataire, ou un certificat "
        "joint au document."
    ),
    "certificat_autre_titulaire": (
        "Signature refusée : le certificat joint appartient à « {identite} », et non à "
        "« {signataire} » qui prétend avoir signé."
    ),
}


@dataclass(frozen=True)
class VerificationCertificat:
    """Résultat d'une vérification : ``valide``, un ``code`` stable et un ``message`` français."""

    valide: bool
    code: str
    message: str

    @property
    def ok(self) -> bool:
        return self.valide

    def __bool__(self) -> bool:
        return self.valide

    def __str__(self) -> str:
        return ("✓ " if self.valide else "✗ ") + self.message


def _verification(valide: bool, code: str, **details: str) -> VerificationCertificat:
    return VerificationCertificat(valide, code, MESSAGES_VERIFICATION[code].format(**details))


def _nom_commun(nom: x509.Name) -> str:
    attributs = nom.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(attributs[0].value) if attributs else nom.rfc4514_string()


def _dates_validite(certificat: x509.Certificate) -> tuple[datetime, datetime]:
    """Dates de validité en UTC (``*_utc`` depuis cryptography 42 ; sinon dates naïves UTC)."""
    debut = getattr(certificat, "not_valid_before_utc", None)
    fin = getattr(certificat, "not_valid_after_utc", None)
    if debut is None or fin is None:  # cryptography 41
        debut = certificat.not_valid_before.replace(tzinfo=timezone.utc)
        fin = certificat.not_valid_after.replace(tzinfo=timezone.utc)
    return debut, fin


@dataclass(frozen=True)
class Certificat:
    """Un certificat X.509 : une autorité atteste que cette clé publique appartient à
    cette identité, pendant une période donnée (RFC 5280).

    Les dates ``valide_du`` et ``valide_au`` sont en heure simulée (naïve, lue comme UTC).
    """

    x509: x509.Certificate = field(repr=False)
    identite: str
    numero_serie: int
    valide_du: datetime
    valide_au: datetime
    emetteur: str

    @classmethod
    def depuis_x509(cls, certificat: x509.Certificate) -> Certificat:
        """Enveloppe un certificat ``cryptography`` (par exemple relu depuis un fichier PEM)."""
        if not isinstance(certificat, x509.Certificate):
            raise ValeurInvalide("Il faut un certificat X.509 (cryptography.x509.Certificate).")
        debut, fin = _dates_validite(certificat)
        return cls(certificat, _nom_commun(certificat.subject), certificat.serial_number,
                   _naif(debut), _naif(fin), _nom_commun(certificat.issuer))

    def cle_publique(self) -> Ed25519PublicKey:
        """La clé publique certifiée (celle du titulaire)."""
        cle = self.x509.public_key()
        if not isinstance(cle, Ed25519PublicKey):
            raise ValeurInvalide("Ce certificat ne porte pas une clé Ed25519.")
        return cle

    def empreinte_cle(self) -> str:
        """Empreinte courte de la clé publique certifiée."""
        return empreinte_cle(self.cle_publique())

    def empreinte(self) -> str:
        """Empreinte SHA-256 du certificat entier, comme l'affiche un navigateur."""
        return _format_empreinte(self.x509.fingerprint(hashes.SHA256()))

    def numero_serie_hex(self) -> str:
        """Le numéro de série en hexadécimal, par groupes de deux (``1A:2B:…``)."""
        taille = max(1, (self.numero_serie.bit_length() + 7) // 8)
        return _format_empreinte(self.numero_serie.to_bytes(taille, "big"))

    def pem(self) -> str:
        """Le certificat au format texte PEM (``-----BEGIN CERTIFICATE-----``)."""
        return self.x509.public_bytes(serialization.Encoding.PEM).decode("ascii")

    def octets(self) -> bytes:
        """Le certificat encodé en DER (ses octets exacts)."""
        return self.x509.public_bytes(serialization.Encoding.DER)

    def est_autorite(self) -> bool:
        """``True`` pour le certificat d'une autorité de certification."""
        try:
            contraintes = self.x509.extensions.get_extension_for_class(x509.BasicConstraints)
        except x509.ExtensionNotFound:
            return False
        return bool(contraintes.value.ca)

    def resume(self) -> str:
        """Une description en français : titulaire, émetteur, validité, empreinte."""
        nature = "Certificat d'autorité" if self.est_autorite() else "Certificat"
        return "\n".join([
            f"{nature} n° {self.numero_serie_hex()}",
            f"  Titulaire : {self.identite}",
            f"  Émis par : {self.emetteur}",
            f"  Valable du {_date_fr(self.valide_du)} au {_date_fr(self.valide_au)} "
            "(heure de la simulation)",
            "  Clé publique : Ed25519, empreinte " + self.empreinte_cle(),
            "  Signature de l'autorité : Ed25519",
        ])

    def __str__(self) -> str:
        return self.resume()

    def __repr__(self) -> str:
        return (f"Certificat(identite={self.identite!r}, emetteur={self.emetteur!r}, "
                f"valide_au={self.valide_au:%d/%m/%Y})")


@dataclass(frozen=True)
class Revocation:
    """Un certificat révoqué : son numéro de série et l'instant (simulé) de la révocation."""

    numero_serie: int
    identite: str
    instant: datetime


class AutoriteCertification:
    """Une autorité de certification (AC) : elle signe les certificats de ses membres.

    Elle possède sa propre paire de clés (tirée de la source) et un certificat racine
    auto-signé. Vérifier un certificat, c'est contrôler (RFC 5280, section 6) : qu'il est
    signé par cette autorité, qu'il n'a pas été révoqué, et qu'on est dans sa période de
    validité à l'heure (simulée) de la vérification.
    """

    def __init__(self, nom: str, source: SourceAleatoire, horloge: Horloge) -> None:
        nom = verifier_texte(nom, "nom").strip()
        if len(nom) > LONGUEUR_MAX_IDENTITE:
            raise ValeurInvalide(
                f"Le nom de l'autorité est trop long ({len(nom)} caractères) : un certificat "
                f"accepte au plus {LONGUEUR_MAX_IDENTITE} caractères (RFC 5280)."
            )
        self.nom = nom
        self.source = _verifier_source(source)
        self.horloge = _verifier_horloge(horloge)
        self._paire = generer_paire_de_cles(self.source)
        self._emis: dict[int, Certificat] = {}
        self._revocations: dict[int, Revocation] = {}
        self.certificat_racine = self._construire(
            nom, self._paire.cle_publique, duree=timedelta(days=3650), autorite=True)

    # -- émission --------------------------------------------------------------------

    def _nouveau_numero(self) -> int:
        """Numéro de série aléatoire, positif, sur au plus 20 octets (RFC 5280, 4.1.2.2)."""
        while True:
            numero = int.from_bytes(self.source.octets(16), "big") >> 1
            if numero and numero not in self._emis:
                return numero

    def _construire(self, identite: str, cle_publique: Ed25519PublicKey, *,
                    duree: timedelta, autorite: bool) -> Certificat:
        debut = _en_utc(self.horloge.maintenant()).replace(microsecond=0)
        sujet = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, identite)])
        emetteur = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, self.nom)])
        constructeur = (
            x509.CertificateBuilder()
            .subject_name(sujet)
            .issuer_name(emetteur)
            .public_key(cle_publique)
            .serial_number(self._nouveau_numero())
            .not_valid_before(debut)
            .not_valid_after(debut + duree)
            .add_extension(x509.BasicConstraints(ca=autorite, path_length=0 if autorite
                                                 else None), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=not autorite, content_commitment=not autorite,
                key_encipherment=False, data_encipherment=False, key_agreement=False,
                key_cert_sign=autorite, crl_sign=autorite, encipher_only=False,
                decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(cle_publique),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                self._paire.cle_publique), critical=False)
        )
        if not autorite:
            constructeur = constructeur.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        # Ed25519 : pas d'algorithme de hachage à choisir (algorithm=None), signature
        # déterministe → certificat identique octet pour octet pour une même graine.
        certificat = Certificat.depuis_x509(constructeur.sign(self._paire.cle_privee, None))
        self._emis[certificat.numero_serie] = certificat
        return certificat

    def emettre(self, identite: str, cle_publique: Ed25519PublicKey | PaireDeCles, *,
                duree_jours: int = 365) -> Certificat:
        """Émet un certificat qui lie ``identite`` à cette clé publique, valable
        ``duree_jours`` jours à partir de maintenant (heure simulée).

        On donne la clé *publique* : la clé privée ne quitte jamais son titulaire.
        """
        identite = verifier_texte(identite, "identite").strip()
        if len(identite) > LONGUEUR_MAX_IDENTITE:
            raise ValeurInvalide(
                f"L'identité est trop longue ({len(identite)} caractères) : un certificat "
                f"accepte au plus {LONGUEUR_MAX_IDENTITE} caractères (RFC 5280)."
            )
        cle = _cle_publique(cle_publique)
        verifier_entier(duree_jours, "duree_jours", minimum=1, maximum=3650)
        return self._construire(identite, cle, duree=timedelta(days=duree_jours),
                                autorite=False)

    # -- révocation ------------------------------------------------------------------

    def revoquer(self, certificat: Certificat) -> None:
        """Révoque (annule) un certificat émis par cette autorité, avant sa date de fin.

        À faire quand la clé privée est perdue ou volée, ou quand la personne quitte
        l'établissement. Révoquer deux fois ne change rien.
        """
        if not isinstance(certificat, Certificat):
            raise ValeurInvalide(
                f"Il faut un certificat à révoquer (reçu : {type(certificat).__name__})."
            )
        emis = self._emis.get(certificat.numero_serie)
        if emis is None or emis.octets() != certificat.octets():
            raise ValeurInvalide(
                f"« {self.nom} » ne peut révoquer que les certificats qu'elle a émis."
            )
        if certificat.numero_serie not in self._revocations:
            self._revocations[certificat.numero_serie] = Revocation(
                certificat.numero_serie, certificat.identite, self.horloge.maintenant())

    def est_revoque(self, certificat: Certificat) -> bool:
        """``True`` si ce certificat figure sur la liste de révocation de l'autorité."""
        return isinstance(certificat, Certificat) and \
            certificat.numero_serie in self._revocations

    def revocations(self) -> list[Revocation]:
        """La liste de révocation (comme une CRL), dans l'ordre des révocations."""
        return list(self._revocations.values())

    def certificats_emis(self) -> list[Certificat]:
        """Tous les certificats émis (le certificat racine en premier)."""
        return list(self._emis.values())

    # -- vérification ----------------------------------------------------------------

    def verifier(self, certificat: Certificat) -> VerificationCertificat:
        """Vérifie un certificat à l'instant simulé, sans rien modifier.

        Contrôles dans l'ordre : émetteur → signature de l'autorité → révocation →
        début de validité → expiration.
        """
        if not isinstance(certificat, Certificat):
            raise ValeurInvalide(
                f"Il faut un certificat à vérifier (reçu : {type(certificat).__name__})."
            )
        cert = certificat.x509
        emetteur = _nom_commun(cert.issuer)
        if cert.issuer != self.certificat_racine.x509.subject:
            return _verification(False, "certificat_autre_autorite",
                                 emetteur=emetteur, autorite=self.nom)
        try:
            self._paire.cle_publique.verify(cert.signature, cert.tbs_certificate_bytes)
        except InvalidSignature:
            return _verification(False, "certificat_signature_invalide", autorite=self.nom)
        revocation = self._revocations.get(cert.serial_number)
        if revocation is not None:
            return _verification(False, "certificat_revoque", autorite=self.nom,
                                 revocation=_date_fr(revocation.instant))
        maintenant = _en_utc(self.horloge.maintenant())
        debut, fin = _dates_validite(cert)
        if maintenant < debut:
            return _verification(False, "certificat_pas_encore_valide",
                                 debut=_date_fr(_naif(debut)))
        if maintenant > fin:
            return _verification(False, "certificat_expire", fin=_date_fr(_naif(fin)))
        return _verification(True, "certificat_valide", autorite=self.nom,
                             identite=_nom_commun(cert.subject), fin=_date_fr(_naif(fin)))

    def authentifier(self, certificat: Certificat, defi: bytes,
                     reponse: bytes) -> VerificationCertificat:
        """Authentification par certificat : le certificat est-il valide, et la réponse au
        défi a-t-elle été signée avec la clé privée qu'il certifie ?

        Le certificat seul est public (n'importe qui peut le copier) : c'est la signature du
        défi qui prouve qu'on *possède* la clé privée.
        """
        verification = self.verifier(certificat)
        if not verification.valide:
            return verification
        if not verifier_signature(certificat, _en_octets(defi, "defi"), reponse):
            return _verification(False, "defi_signature_invalide",
                                 identite=certificat.identite)
        return _verification(True, "authentification_reussie", identite=certificat.identite)

    def __repr__(self) -> str:
        return (f"AutoriteCertification({self.nom!r}, {len(self._emis)} certificat(s) émis, "
                f"{len(self._revocations)} révoqué(s))")


# ---------------------------------------------------------------------------------------
# Signature d'un document (question 16)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentSigne:
    """Un document accompagné de sa signature (et, si on l'a, du certificat du signataire).

    La signature porte sur le ``contenu`` (encodé en UTF-8) : changer un seul caractère du
    contenu rend la signature invalide.
    """

    contenu: str
    signature: bytes = field(repr=False)
    signataire: str
    certificat: Certificat | None = field(default=None, repr=False)

    def avec_contenu(self, nouveau_contenu: str) -> DocumentSigne:
        """Le même document, même signature, mais contenu modifié (pour tester une
        falsification)."""
        return replace(self, contenu=verifier_texte(nouveau_contenu, "nouveau_contenu",
                                                    vide_autorise=True))

    def signature_hex(self) -> str:
        """La signature en hexadécimal (128 chiffres pour 64 octets)."""
        return self.signature.hex()

    def __str__(self) -> str:
        return (f"{self.contenu}\n— signé par {self.signataire} "
                f"(signature {self.signature.hex()[:16]}…)")


def signer_document(contenu: str, signataire: str, paire: PaireDeCles,
                    certificat: Certificat | None = None) -> DocumentSigne:
    """Signe un document avec la clé privée de ``paire``."""
    contenu = verifier_texte(contenu, "contenu", vide_autorise=True)
    signataire = verifier_texte(signataire, "signataire").strip()
    if not isinstance(paire, PaireDeCles):
        raise ValeurInvalide(
            f"Il faut la paire de clés du signataire (generer_paire_de_cles) "
            f"(reçu : {type(paire).__name__})."
        )
    if certificat is not None and not isinstance(certificat, Certificat):
        raise ValeurInvalide(
            f"« certificat » doit être un certificat ou None (reçu : {type(certificat).__name__})."
        )
    return DocumentSigne(contenu, signer(paire, contenu), signataire, certificat)


def verifier_document(doc: DocumentSigne, cle_publique: Ed25519PublicKey | PaireDeCles
                      | Certificat | None = None, *,
                      autorite: AutoriteCertification | None = None) -> VerificationCertificat:
    """Vérifie la signature d'un document.

    La clé publique vient de ``cle_publique`` si on la donne, sinon du certificat joint au
    document. Si une ``autorite`` est donnée, le certificat joint est d'abord vérifié par
    elle (signé par elle, non révoqué, non expiré) et doit appartenir au signataire.
    """
    if not isinstance(doc, DocumentSigne):
        raise ValeurInvalide(
            f"Il faut un document signé (signer_document) (reçu : {type(doc).__name__})."
        )
    if autorite is not None:
        if not isinstance(autorite, AutoriteCertification):
            raise ValeurInvalide("« autorite » doit être une autorité de certification.")
        if doc.certificat is None:
            return _verification(False, "cle_manquante")
        verification = autorite.verifier(doc.certificat)
        if not verification.valide:
            return verification
    if doc.certificat is not None and doc.certificat.identite != doc.signataire:
        return _verification(False, "certificat_autre_titulaire",
                             identite=doc.certificat.identite, signataire=doc.signataire)
    if cle_publique is None:
        if doc.certificat is None:
            return _verification(False, "cle_manquante")
        cle_publique = doc.certificat
    if verifier_signature(cle_publique, doc.contenu, doc.signature):
        return _verification(True, "signature_valide", signataire=doc.signataire)
    return _verification(False, "signature_invalide", signataire=doc.signataire)


# ---------------------------------------------------------------------------------------
# Explications pour les notebooks (question 16)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Explication:
    """Une preuve d'authentification expliquée aux élèves."""

    titre: str
    facteur: str
    definition: str
    dans_l_ent: str

    def texte(self) -> str:
        return (f"{self.titre} — {self.facteur}\n{self.definition}\n"
                f"Dans l'ENT : {self.dans_l_ent}")

    def __str__(self) -> str:
        return self.texte()


#: Les preuves de la question 16, expliquées simplement. Les facteurs d'authentification :
#: ce que l'on sait, ce que l'on possède, ce que l'on est.
EXPLICATIONS: dict[str, Explication] = {
    "mot_de_passe": Explication(
        titre="Mot de passe",
        facteur="ce que l'on sait",
        definition=(
            "Un secret personnel que l'on tape pour prouver son identité. Il ne doit être "
            "ni divulgué, ni réutilisé ailleurs, ni deviné facilement : la CNIL demande au "
            "moins 12 caractères de 4 types (délibération 2022-100), ou 8 caractères de 3 "
            "types si le nombre d'essais est limité. Elle ne recommande plus de le changer "
            "à date fixe, mais dès qu'il a pu être compromis."
        ),
        dans_l_ent=(
            "le SDET impose l'authentification par mot de passe ; le serveur ne le garde "
            "jamais en clair, seulement une empreinte irréversible, et c'est lui qui compare."
        ),
    ),
    "mot_de_passe_usage_unique": Explication(
        titre="Mot de passe à usage unique",
        facteur="ce que l'on possède",
        definition=(
            "Un code de 6 chiffres qui ne sert qu'une fois et ne vaut que 30 secondes. "
            "L'application du téléphone le calcule à partir d'un secret partagé avec le "
            "serveur et de l'heure (méthode TOTP, RFC 6238). Un code volé devient vite inutile."
        ),
        dans_l_ent=(
            "le SDET permet de le proposer ; ajouté au mot de passe, il donne une "
            "authentification à deux facteurs : voler le mot de passe ne suffit plus."
        ),
    ),
    "certificat": Explication(
        titre="Certificat",
        facteur="ce que l'on possède",
        definition=(
            "Un document électronique, signé par une autorité de certification, qui atteste "
            "qu'une clé publique appartient à une personne, un serveur ou une organisation, "
            "pour une durée limitée. Il est public : il ne sert de preuve qu'avec la clé "
            "privée qui lui correspond. L'autorité peut le révoquer avant son expiration."
        ),
        dans_l_ent=(
            "le SDET permet l'authentification par certificat, par exemple pour les "
            "personnels ; le site de l'ENT présente aussi le sien au navigateur (HTTPS)."
        ),
    ),
    "cle_privee": Explication(
        titre="Clé privée",
        facteur="ce que l'on possède",
        definition=(
            "La moitié secrète d'une paire de clés, connue de son seul détenteur. Elle sert "
            "à signer (et, selon l'algorithme, à déchiffrer les messages qui lui sont "
            "destinés). La clé publique associée, elle, peut être donnée à tous : elle "
            "permet de vérifier les signatures."
        ),
        dans_l_ent=(
            "pour se connecter, l'utilisateur signe un défi envoyé par le serveur : il "
            "prouve qu'il possède la clé privée sans jamais l'envoyer."
        ),
    ),
    "signature_numerique": Explication(
        titre="Signature numérique",
        facteur="preuve d'origine et d'intégrité",
        definition=(
            "On calcule l'empreinte du document, puis on la signe avec sa clé privée. "
            "Avec la clé publique, chacun peut vérifier qui a signé (authenticité) et que "
            "rien n'a changé depuis (intégrité) : modifier un seul caractère rend la "
            "signature invalide. Le signataire ne peut pas nier avoir signé."
        ),
        dans_l_ent=(
            "les preuves d'authentification signées par un serveur (assertions SAML "
            "d'ÉduConnect, certificats X.509) reposent sur une signature numérique."
        ),
    ),
    "tls": Explication(
        titre="TLS (le « S » de HTTPS)",
        facteur="protection du canal",
        definition=(
            "Le protocole qui chiffre les échanges entre le navigateur et le serveur et "
            "vérifie, grâce à son certificat, qu'on parle bien au vrai serveur. Il succède "
            "à SSL, abandonné car peu sûr ; le cadenas du navigateur signale une connexion TLS."
        ),
        dans_l_ent=(
            "le mot de passe, les tickets CAS et le cookie de session ne doivent circuler "
            "que dans une connexion HTTPS, sinon ils pourraient être interceptés."
        ),
    ),
}


def expliquer(preuve: str) -> str:
    """L'explication française d'une preuve (clé de :data:`EXPLICATIONS`)."""
    verifier_texte(preuve, "preuve")
    cle = preuve.strip().lower().replace(" ", "_").replace("-", "_")
    if cle not in EXPLICATIONS:
        connues = ", ".join(f"« {c} »" for c in EXPLICATIONS)
        raise ValeurInvalide(f"Preuve inconnue : « {preuve} ». Preuves connues : {connues}.")
    return EXPLICATIONS[cle].texte()


__all__ = [
    "AutoriteCertification", "Certificat", "CHIFFRES_TOTP", "DocumentSigne", "EXPLICATIONS",
    "Explication", "MESSAGES_TOTP", "MESSAGES_VERIFICATION", "PAS_TOTP", "PaireDeCles",
    "Revocation", "TelephoneSimule", "VerificationCertificat", "VerificationTOTP",
    "bits_differents", "cle_publique_pem", "code_totp", "empreinte", "empreinte_cle",
    "expliquer", "generer_paire_de_cles", "nouveau_defi", "nouveau_secret_totp", "pas_totp",
    "repondre_au_defi", "signer", "signer_document", "uri_totp", "verifier_document",
    "verifier_signature", "verifier_totp", "verifier_totp_detail",
]
