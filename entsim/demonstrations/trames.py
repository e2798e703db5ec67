"""Les octets qui passent réellement sur le Wi-Fi : messages HTTP/1.1, requête DNS, TLS 1.3.

Fabriqués pour :func:`entsim.demonstrations.capture.capturer_connexion` à partir des échanges
de la simulation (:class:`entsim.sso.navigateur.Echange`) :

* requêtes et réponses HTTP/1.1 en texte (en-têtes ``Cookie``, ``Set-Cookie``,
  ``Location``) ;
* requête DNS de type A (RFC 1035, section 4.1) ;
* ClientHello et ServerHello TLS 1.3 simplifiés (RFC 8446, sections 4.1 et 4.2 ; extension
  SNI, RFC 6066, section 3), envoyés en clair ;
* enregistrements chiffrés AES-128-GCM (RFC 8446, sections 5.1 à 5.3 : au plus 2^14 octets
  de contenu, en-tête de 5 octets en données associées, nonce = IV XOR numéro
  d'enregistrement).
"""

from __future__ import annotations

import struct
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from entsim.sso.navigateur import Echange
from entsim.sso.tickets import NOM_COOKIE_TGC

__all__ = ["SURCOUT_TLS", "TAILLE_MAX_ENREGISTREMENT"]

#: Taille maximale du contenu d'un enregistrement TLS (2^14 octets, RFC 8446, section 5.1) :
#: un message plus long est découpé en plusieurs enregistrements.
TAILLE_MAX_ENREGISTREMENT = 2 ** 14

#: Surcoût d'un enregistrement TLS 1.3 chiffré : 5 octets d'en-tête, 1 octet de type de
#: contenu, 16 octets d'étiquette d'authentification AES-GCM (RFC 8446, section 5.2).
SURCOUT_TLS = 5 + 1 + 16

_TYPE_APPLICATION = 0x17
TYPE_POIGNEE = 0x16


def requete_http(e: Echange, hote: str, corps: str | None) -> bytes:
    morceaux = urlsplit(e.url)
    cible = morceaux.path + (f"?{morceaux.query}" if morceaux.query else "")
    lignes = [f"{e.methode} {cible} HTTP/1.1", f"Host: {hote}",
              "User-Agent: Mozilla/5.0 (navigateur du poste)"]
    if e.cookies_envoyes:
        lignes.append("Cookie: " + "; ".join(e.cookies_envoyes))
    if corps is not None:
        lignes += ["Content-Type: application/x-www-form-urlencoded",
                   f"Content-Length: {len(corps.encode('utf-8'))}"]
    texte = "\r\n".join(lignes) + "\r\n\r\n" + (corps or "")
    return texte.encode("utf-8")


def reponse_http(e: Echange, chiffre: bool) -> bytes:
    lignes = [f"HTTP/1.1 {e.statut} {RAISONS.get(e.statut, '')}".rstrip()]
    if e.location:
        lignes.append(f"Location: {e.location}")
    attributs = "; Path=/; HttpOnly" + ("; Secure" if chiffre else "")
    for cookie in e.cookies_poses:
        nom = cookie.split("=", 1)[0]
        chemin = "/cas" if nom == NOM_COOKIE_TGC else "/"
        lignes.append(f"Set-Cookie: {cookie}{attributs.replace('Path=/', f'Path={chemin}')}")
    for nom in e.cookies_effaces:
        lignes.append(f"Set-Cookie: {nom}=; Max-Age=0")
    corps = ""
    if e.statut == 200:
        corps = f"<!DOCTYPE html><html lang=\"fr\"><title>ENT</title><p>{e.description}</p></html>"
        lignes += ["Content-Type: text/html; charset=utf-8",
                   f"Content-Length: {len(corps.encode('utf-8'))}"]
    return ("\r\n".join(lignes) + "\r\n\r\n" + corps).encode("utf-8")


RAISONS = {200: "OK", 302: "Found", 403: "Forbidden"}


def requete_dns(nom: str, identifiant: int) -> bytes:
    """Une requête DNS de type A (RFC 1035, section 4.1), en clair sur le réseau."""
    entete = struct.pack("!HHHHHH", identifiant, 0x0100, 1, 0, 0, 0)
    question = b"".join(bytes([len(p)]) + p.encode("ascii") for p in nom.split(".")) + b"\0"
    return entete + question + struct.pack("!HH", 1, 1)


def client_hello(nom: str, alea: bytes) -> bytes:
    """Un ClientHello TLS 1.3 simplifié : l'extension « server_name » (SNI, RFC 6066,
    section 3) y porte le nom du serveur, en clair ; « supported_versions » annonce TLS 1.3
    (RFC 8446, section 4.2.1)."""
    nom_octets = nom.encode("ascii")
    sni_liste = struct.pack("!BH", 0, len(nom_octets)) + nom_octets
    sni = struct.pack("!HHH", 0x0000, len(sni_liste) + 2, len(sni_liste)) + sni_liste
    versions = struct.pack("!HHB", 0x002B, 3, 2) + b"\x03\x04"
    extensions = sni + versions
    corps = (b"\x03\x03" + alea + b"\x00" + struct.pack("!H", 2) + b"\x13\x01" + b"\x01\x00"
             + struct.pack("!H", len(extensions)) + extensions)
    poignee = b"\x01" + len(corps).to_bytes(3, "big") + corps
    return struct.pack("!BHH", TYPE_POIGNEE, 0x0301, len(poignee)) + poignee


def server_hello(alea: bytes) -> bytes:
    """Un ServerHello TLS 1.3 simplifié (RFC 8446, section 4.1.3) : version et suite
    choisies, en clair."""
    versions = struct.pack("!HH", 0x002B, 2) + b"\x03\x04"
    corps = (b"\x03\x03" + alea + b"\x00" + b"\x13\x01" + b"\x00"
             + struct.pack("!H", len(versions)) + versions)
    poignee = b"\x02" + len(corps).to_bytes(3, "big") + corps
    return struct.pack("!BHH", TYPE_POIGNEE, 0x0303, len(poignee)) + poignee


class CanalTLS:
    """Un sens d'une connexion TLS 1.3 : clé, IV et numéro d'enregistrement (RFC 8446,
    sections 5.2 et 5.3)."""

    def __init__(self, cle: bytes, iv: bytes) -> None:
        self._aead = AESGCM(cle)
        self._iv = iv
        self._numero = 0

    def chiffrer(self, contenu: bytes, type_contenu: int = _TYPE_APPLICATION) -> bytes:
        texte = contenu + bytes([type_contenu])            # TLSInnerPlaintext
        longueur = len(texte) + 16                          # + étiquette AES-GCM
        entete = struct.pack("!BHH", _TYPE_APPLICATION, 0x0303, longueur)
        nonce = bytes(a ^ b for a, b in zip(self._iv, self._numero.to_bytes(12, "big")))
        self._numero += 1
        return entete + self._aead.encrypt(nonce, texte, entete)


def fragments(octets: bytes) -> list[bytes]:
    """Découpe un message en morceaux d'au plus 2^14 octets, un par enregistrement TLS
    (RFC 8446, section 5.1)."""
    return [octets[i:i + TAILLE_MAX_ENREGISTREMENT]
            for i in range(0, max(len(octets), 1), TAILLE_MAX_ENREGISTREMENT)]

