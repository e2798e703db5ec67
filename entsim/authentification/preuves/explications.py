"""Les preuves d'authentification expliquées aux élèves (question 16 du cours).

Mot de passe, mot de passe à usage unique, certificat, clé privée, signature numérique et
TLS, rangés selon les facteurs d'authentification : ce que l'on sait, ce que l'on possède,
ce que l'on est. Sources : SDET, document 2, « Les moyens d'authentification » ; CNIL,
délibération n° 2022-100 (mot de passe).
"""

from __future__ import annotations

from dataclasses import dataclass

from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.texte import cite


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
        raise ValeurInvalide(f"Preuve inconnue : {cite(preuve)}. Preuves connues : {connues}.")
    return EXPLICATIONS[cle].texte()


__all__ = ["EXPLICATIONS", "Explication", "expliquer"]
