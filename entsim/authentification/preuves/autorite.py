"""L'autorité de certification (AC) simulée : elle émet, révoque et vérifie les certificats.

« Autorité de certification de l'académie » : une paire de clés Ed25519 et un certificat
racine auto-signé. Vérifier un certificat, c'est contrôler (RFC 5280, section 6) qu'il est
signé par cette autorité, qu'il n'a pas été révoqué et qu'on est dans sa période de validité
(heure simulée). L'authentification par certificat ajoute la signature d'un défi avec la clé
privée certifiée (SDET, document 2 : le service « PEUT proposer d'autres moyens
d'authentification tels que les certificats »).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from entsim.authentification.preuves.certificats import (
    LONGUEUR_MAX_IDENTITE,
    Certificat,
    VerificationCertificat,
    dates_validite,
    nom_commun,
    _verification,
)
from entsim.authentification.preuves.cles import (
    PaireDeCles,
    _cle_publique,
    generer_paire_de_cles,
    verifier_signature,
)
from entsim.authentification.preuves.commun import (
    date_fr,
    en_octets,
    en_utc,
    naif,
    verifier_horloge,
    verifier_source,
)
from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ValeurInvalide, verifier_entier, verifier_texte
from entsim.socle.texte import accorder, nature
from entsim.socle.horloge import Horloge


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
        self.source = verifier_source(source)
        self.horloge = verifier_horloge(horloge)
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
        debut = en_utc(self.horloge.maintenant()).replace(microsecond=0)
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
                f"Il faut un certificat à révoquer (reçu : {nature(certificat)})."
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
                f"Il faut un certificat à vérifier (reçu : {nature(certificat)})."
            )
        cert = certificat.x509
        emetteur = nom_commun(cert.issuer)
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
                                 revocation=date_fr(revocation.instant))
        maintenant = en_utc(self.horloge.maintenant())
        debut, fin = dates_validite(cert)
        if maintenant < debut:
            return _verification(False, "certificat_pas_encore_valide",
                                 debut=date_fr(naif(debut)))
        if maintenant > fin:
            return _verification(False, "certificat_expire", fin=date_fr(naif(fin)))
        return _verification(True, "certificat_valide", autorite=self.nom,
                             identite=nom_commun(cert.subject), fin=date_fr(naif(fin)))

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
        if not verifier_signature(certificat, en_octets(defi, "defi"), reponse):
            return _verification(False, "defi_signature_invalide",
                                 identite=certificat.identite)
        return _verification(True, "authentification_reussie", identite=certificat.identite)

    def __repr__(self) -> str:
        return (f"AutoriteCertification({self.nom!r}, "
                f"{accorder(len(self._emis), 'certificat émis', 'certificats émis')}, "
                f"{accorder(len(self._revocations), 'révoqué')})")


__all__ = ["AutoriteCertification", "Revocation"]
