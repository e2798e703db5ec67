"""Outils communs aux preuves d'authentification : l'heure simulée lue comme de l'heure UTC,
les données mises en octets, le contrôle de la source de hasard et de l'horloge, et les
empreintes SHA-256 (:func:`empreinte`, :func:`bits_differents`, empreinte courte d'une clé
publique).

Une empreinte (fonction de hachage SHA-256, FIPS 180-4) est la base des signatures
numériques : c'est elle que l'on signe (question 16 du cours).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import Union

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.horloge import Horloge
from entsim.socle.texte import nature

Donnees = Union[bytes, str]


def en_utc(instant: object, nom: str = "instant") -> datetime:
    """Convertit un instant simulé en date UTC avec fuseau (une date naïve *est* de l'UTC)."""
    if not isinstance(instant, datetime):
        raise ValeurInvalide(
            f"« {nom} » doit être une date et heure (datetime), par exemple "
            f"horloge.maintenant() (reçu : {nature(instant)})."
        )
    if instant.tzinfo is None:
        return instant.replace(tzinfo=timezone.utc)
    return instant.astimezone(timezone.utc)


def naif(instant_utc: datetime) -> datetime:
    """L'inverse de :func:`en_utc` : une date UTC ramenée à l'heure naïve de l'horloge."""
    return instant_utc.astimezone(timezone.utc).replace(tzinfo=None)


def en_octets(donnees: object, nom: str = "données") -> bytes:
    """Un texte est encodé en UTF-8 ; des octets restent tels quels ; le reste est refusé."""
    if isinstance(donnees, str):
        return donnees.encode("utf-8")
    if isinstance(donnees, (bytes, bytearray)):
        return bytes(donnees)
    raise ValeurInvalide(
        f"« {nom} » doit être un texte entre guillemets ou des octets (bytes) "
        f"(reçu : {nature(donnees)})."
    )


def verifier_source(source: object) -> SourceAleatoire:
    if not isinstance(source, SourceAleatoire):
        raise ValeurInvalide(
            "Il faut une source de hasard (SourceAleatoire), par exemple ent.aleatoire "
            f"(reçu : {nature(source)})."
        )
    return source


def verifier_horloge(horloge: object) -> Horloge:
    if not isinstance(horloge, Horloge):
        raise ValeurInvalide(
            "Il faut l'horloge de la simulation (Horloge), par exemple ent.horloge "
            f"(reçu : {nature(horloge)})."
        )
    return horloge


def format_empreinte(octets: bytes) -> str:
    """Écrit des octets comme les navigateurs affichent une empreinte : ``AB:CD:EF:…``."""
    return ":".join(f"{o:02X}" for o in octets)


def date_fr(instant: datetime) -> str:
    return instant.strftime("%d/%m/%Y à %H:%M")


def _octets_bruts(cle: Ed25519PublicKey) -> bytes:
    return cle.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def empreinte_courte(cle: Ed25519PublicKey) -> str:
    """Empreinte courte d'une clé publique Ed25519 : ``AB:CD:…`` (8 octets de son SHA-256)."""
    return format_empreinte(hashlib.sha256(_octets_bruts(cle)).digest()[:8])


def empreinte(texte: Donnees) -> str:
    """L'empreinte SHA-256 (64 chiffres hexadécimaux) d'un texte ou d'octets.

    Une fonction de hachage donne une empreinte de taille fixe ; changer une seule lettre
    change complètement l'empreinte (effet « avalanche »), et on ne peut pas remonter de
    l'empreinte au texte. C'est sur l'empreinte qu'on appuie les signatures numériques.

    >>> empreinte("ENT")[:16]
    '1f635e128bede643'
    """
    return hashlib.sha256(en_octets(texte, "texte")).hexdigest()


def bits_differents(texte_a: Donnees, texte_b: Donnees) -> int:
    """Combien des 256 bits des empreintes SHA-256 de deux textes diffèrent.

    Pour deux textes qui ne diffèrent que d'une lettre, on trouve environ la moitié (≈ 128) :
    l'empreinte n'a « rien à voir » avec la précédente.
    """
    a = int(empreinte(texte_a), 16)
    b = int(empreinte(texte_b), 16)
    return bin(a ^ b).count("1")


__all__ = ["Donnees", "bits_differents", "empreinte"]
