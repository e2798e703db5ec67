"""Se connecter avec deux preuves : le mot de passe (ce que l'on sait) puis le code à usage
unique du téléphone (ce que l'on possède).

L'ENT simulé ne fait pas lui-même de connexion à deux facteurs (son formulaire CAS ne
demande que le mot de passe) ; cette fonction l'assemble **sans rien réécrire** : le
service d'authentification vérifie le mot de passe
(:meth:`~entsim.authentification.service.Authentification.verifier_mot_de_passe`), puis le
code TOTP (:meth:`~entsim.authentification.autres_preuves.PreuvesComplementaires.verifier_otp`,
RFC 6238, un code ne sert qu'une fois et ne vaut qu'un pas de 30 s, plus un pas de
tolérance) ; seul le succès des deux ouvre la session SSO
(:meth:`entsim.sso.connexion.ConnexionCAS.ouvrir_session`).

SDET, document 2, « Les moyens d'authentification » : le service « PEUT proposer d'autres
moyens d'authentification tels que les certificats et les mots de passe à usage unique ».

Ce que le journal montre alors : un mot de passe juste (« Connexion réussie », l'étape du
mot de passe) suivi d'un code refusé et d'aucune session ouverte — le signe qu'un mot de
passe a fui.
"""

from __future__ import annotations

from entsim.authentification.preuves import TelephoneSimule
from entsim.ent import ENT


def equiper_d_un_telephone(ent: ENT, identifiant: str) -> TelephoneSimule:
    """Active le code à usage unique du compte et renvoie le téléphone qui l'affiche."""
    secret = ent.authentification.activer_otp(identifiant)
    return TelephoneSimule(identifiant, secret, ent.horloge)


def connexion_a_deux_facteurs(ent: ENT, identifiant: str, mot_de_passe: str,
                              code: str | None, *, poste: str):
    """Mot de passe, puis code à usage unique si le compte en a un ; la session SSO ne
    s'ouvre que si tout est bon. Renvoie le résultat de la dernière étape (``.ok``,
    ``.code``, ``.message``)."""
    premier = ent.authentification.verifier_mot_de_passe(identifiant, mot_de_passe,
                                                         poste=poste)
    if not premier.ok:
        return premier
    preuve = premier
    if ent.authentification.compte(identifiant).otp_active:
        second = ent.authentification.verifier_otp(identifiant, code or "000000",
                                                   poste=poste)
        if not second.ok:
            return second
        preuve = second
    return ent.cas.ouvrir_session(ent.navigateur(poste), preuve)


__all__ = ["connexion_a_deux_facteurs", "equiper_d_un_telephone"]
