"""La signature numérique d'un document (question 16 du cours).

On signe le contenu avec sa clé privée ; avec la clé publique (ou le certificat joint),
chacun vérifie qui a signé (authenticité) et que rien n'a changé depuis (intégrité) :
modifier un seul caractère rend la signature invalide. Une autorité de certification peut en
plus se porter garante du certificat du signataire.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from entsim.authentification.preuves.autorite import AutoriteCertification
from entsim.authentification.preuves.certificats import (
    Certificat,
    VerificationCertificat,
    _verification,
)
from entsim.authentification.preuves.cles import PaireDeCles, signer, verifier_signature
from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.texte import nature


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
            f"(reçu : {nature(paire)})."
        )
    if certificat is not None and not isinstance(certificat, Certificat):
        raise ValeurInvalide(
            f"« certificat » doit être un certificat ou None (reçu : {nature(certificat)})."
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
            f"Il faut un document signé (signer_document) (reçu : {nature(doc)})."
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


__all__ = ["DocumentSigne", "signer_document", "verifier_document"]
