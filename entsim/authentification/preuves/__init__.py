"""Les autres preuves d'authentification : mot de passe à usage unique, clés, certificats,
signatures numériques.

SDET, document 2, « Les moyens d'authentification » : « Le service d'identification/
authentification DOIT proposer une authentification par mot de passe. […] PEUT proposer
d'autres moyens d'authentification tels que les certificats et les mots de passe à usage
unique ». Le même document range le certificat X.509 parmi les « preuves signées par un
serveur d'authentification ». La question 16 du cours demande d'expliquer ces preuves (mot
de passe, mot de passe à usage unique, certificat, clé privée, signature numérique, TLS) :
ce sous-paquet les fait *fonctionner* pour de vrai, avec des algorithmes réels.

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

Un module par sorte de preuve :

- :mod:`~entsim.authentification.preuves.commun` : outils partagés (heure UTC, octets,
  empreintes SHA-256 : :func:`empreinte`, :func:`bits_differents`) ;
- :mod:`~entsim.authentification.preuves.totp` : le code à usage unique et le téléphone
  simulé ;
- :mod:`~entsim.authentification.preuves.certificats` : le certificat X.509 et le résultat
  d'une vérification ;
- :mod:`~entsim.authentification.preuves.cles` : paires de clés, signature, défi ;
- :mod:`~entsim.authentification.preuves.autorite` : l'autorité de certification (émettre,
  révoquer, vérifier, authentifier par certificat) ;
- :mod:`~entsim.authentification.preuves.documents` : la signature d'un document ;
- :mod:`~entsim.authentification.preuves.explications` : ces preuves expliquées aux élèves.

Tous les noms restent importables depuis ``entsim.authentification.preuves``.

Question du cours : Q16 (preuves d'authentification).
Peut importer : :mod:`entsim.socle` (et ``pyotp``, ``cryptography``) — rien d'autre de
l'authentification : le service branche ces preuves sur les comptes
(:mod:`entsim.authentification.autres_preuves`).
"""

from entsim.authentification.preuves.autorite import AutoriteCertification, Revocation
from entsim.authentification.preuves.certificats import (  # noqa: F401 — réexportés
    LONGUEUR_MAX_IDENTITE,
    MESSAGES_VERIFICATION,
    Certificat,
    VerificationCertificat,
)
from entsim.authentification.preuves.cles import (
    PaireDeCles,
    cle_publique_pem,
    empreinte_cle,
    generer_paire_de_cles,
    nouveau_defi,
    repondre_au_defi,
    signer,
    verifier_signature,
)
from entsim.authentification.preuves.commun import (  # noqa: F401 — réexportés
    Donnees,
    bits_differents,
    empreinte,
)
from entsim.authentification.preuves.documents import (
    DocumentSigne,
    signer_document,
    verifier_document,
)
from entsim.authentification.preuves.explications import EXPLICATIONS, Explication, expliquer
from entsim.authentification.preuves.totp import (  # noqa: F401 — réexportés
    CHIFFRES_TOTP,
    MESSAGES_TOTP,
    OCTETS_SECRET_MINIMUM,
    OCTETS_SECRET_TOTP,
    PAS_TOTP,
    TelephoneSimule,
    VerificationTOTP,
    code_totp,
    nouveau_secret_totp,
    pas_totp,
    uri_totp,
    verifier_totp,
    verifier_totp_detail,
)

__all__ = [
    "AutoriteCertification", "Certificat", "CHIFFRES_TOTP", "DocumentSigne", "EXPLICATIONS",
    "Explication", "MESSAGES_TOTP", "MESSAGES_VERIFICATION", "PAS_TOTP", "PaireDeCles",
    "Revocation", "TelephoneSimule", "VerificationCertificat", "VerificationTOTP",
    "bits_differents", "cle_publique_pem", "code_totp", "empreinte", "empreinte_cle",
    "expliquer", "generer_paire_de_cles", "nouveau_defi", "nouveau_secret_totp", "pas_totp",
    "repondre_au_defi", "signer", "signer_document", "uri_totp", "verifier_document",
    "verifier_signature", "verifier_totp", "verifier_totp_detail",
]
