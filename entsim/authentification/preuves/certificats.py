"""Le certificat X.509 et le résultat de sa vérification.

Un certificat est un document public : une autorité de certification y atteste qu'une clé
publique appartient à une identité, pendant une période donnée (RFC 5280). Ce sont de vrais
certificats X.509 v3 (paquet ``cryptography``), portant une clé Ed25519. SDET, document 2 :
le certificat X.509 fait partie des « preuves signées par un serveur d'authentification ».
L'autorité qui les émet, les révoque et les vérifie est dans
:mod:`entsim.authentification.preuves.autorite`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.x509.oid import NameOID

from entsim.authentification.preuves.commun import (
    date_fr,
    empreinte_courte,
    format_empreinte,
    naif,
)
from entsim.socle.erreurs import ValeurInvalide

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


def nom_commun(nom: x509.Name) -> str:
    attributs = nom.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(attributs[0].value) if attributs else nom.rfc4514_string()


def dates_validite(certificat: x509.Certificate) -> tuple[datetime, datetime]:
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
        debut, fin = dates_validite(certificat)
        return cls(certificat, nom_commun(certificat.subject), certificat.serial_number,
                   naif(debut), naif(fin), nom_commun(certificat.issuer))

    def cle_publique(self) -> Ed25519PublicKey:
        """La clé publique certifiée (celle du titulaire)."""
        cle = self.x509.public_key()
        if not isinstance(cle, Ed25519PublicKey):
            raise ValeurInvalide("Ce certificat ne porte pas une clé Ed25519.")
        return cle

    def empreinte_cle(self) -> str:
        """Empreinte courte de la clé publique certifiée."""
        return empreinte_courte(self.cle_publique())

    def empreinte(self) -> str:
        """Empreinte SHA-256 du certificat entier, comme l'affiche un navigateur."""
        return format_empreinte(self.x509.fingerprint(hashes.SHA256()))

    def numero_serie_hex(self) -> str:
        """Le numéro de série en hexadécimal, par groupes de deux (``1A:2B:…``)."""
        taille = max(1, (self.numero_serie.bit_length() + 7) // 8)
        return format_empreinte(self.numero_serie.to_bytes(taille, "big"))

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
            f"  Valable du {date_fr(self.valide_du)} au {date_fr(self.valide_au)} "
            "(heure de la simulation)",
            "  Clé publique : Ed25519, empreinte " + self.empreinte_cle(),
            "  Signature de l'autorité : Ed25519",
        ])

    def __str__(self) -> str:
        return self.resume()

    def __repr__(self) -> str:
        return (f"Certificat(identite={self.identite!r}, emetteur={self.emetteur!r}, "
                f"valide_au={self.valide_au:%d/%m/%Y})")


__all__ = ["Certificat", "LONGUEUR_MAX_IDENTITE", "MESSAGES_VERIFICATION",
           "VerificationCertificat"]
