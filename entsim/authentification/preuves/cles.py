"""Les paires de clés, la signature et la connexion par défi.

Ed25519 (RFC 8032) avec le paquet ``cryptography`` : ce que la clé privée signe, n'importe
qui peut le vérifier avec la clé publique ; une signature Ed25519 est déterministe (même clé
+ même message = même signature). Pour se connecter avec sa clé, l'utilisateur signe un défi
aléatoire envoyé par le serveur : il prouve qu'il possède la clé privée sans jamais l'envoyer
(question 16 du cours : clé privée, signature numérique).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from entsim.authentification.preuves.certificats import Certificat
from entsim.authentification.preuves.commun import (
    Donnees,
    empreinte_courte,
    en_octets,
    verifier_source,
)
from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import nature


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
        f"un certificat (reçu : {nature(cle)})."
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
        f"Il faut une clé privée (paire.cle_privee) pour signer (reçu : {nature(cle)})."
    )


def empreinte_cle(cle_publique: object) -> str:
    """Empreinte courte d'une clé publique : ``AB:CD:…`` (8 octets du SHA-256 de la clé)."""
    return empreinte_courte(_cle_publique(cle_publique))


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
    source = verifier_source(source)
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
    return _cle_privee(cle_privee).sign(en_octets(donnees))


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
        f"(reçu : {nature(signature)})."
    )


def verifier_signature(cle_publique: Ed25519PublicKey | PaireDeCles | Certificat,
                       donnees: Donnees, signature: bytes) -> bool:
    """``True`` si ``signature`` a été faite sur ces données avec la clé privée associée.

    Une signature fausse, ou des données modifiées d'un seul caractère, donnent ``False``
    (jamais d'exception).
    """
    cle = _cle_publique(cle_publique)
    octets = en_octets(donnees)
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
    return verifier_source(source).octets(32)


def repondre_au_defi(cle_privee: Ed25519PrivateKey | PaireDeCles, defi: bytes) -> bytes:
    """Ce que fait le poste de l'utilisateur : signer le défi reçu avec sa clé privée."""
    return signer(cle_privee, defi)


__all__ = [
    "PaireDeCles", "cle_publique_pem", "empreinte_cle", "generer_paire_de_cles", "nouveau_defi",
    "repondre_au_defi", "signer", "verifier_signature",
]
