"""Les autres preuves du service d'authentification : code à usage unique (TOTP) et
connexion par clé (certificat et défi signé).

SDET, document 2, « Les moyens d'authentification » : le service d'identification/
authentification « PEUT proposer d'autres moyens d'authentification tels que les
certificats et les mots de passe à usage unique ».

* Code TOTP (RFC 6238, :mod:`entsim.authentification.preuves`) : fenêtre d'un pas de 30 s ; un code accepté
  ne peut pas resservir, ni un code plus ancien.
* Connexion par clé : le service envoie un défi aléatoire, l'utilisateur le signe avec sa
  clé privée, le service vérifie la signature avec la clé publique du certificat enregistré
  (émis et vérifié par l'autorité de certification). Un défi ne sert qu'une fois, quel que
  soit le résultat (comme un ticket CAS), et expire vite (:data:`DUREE_DEFI`).

Les échecs comptent pour le blocage (:mod:`entsim.authentification.verrouillage`) comme ceux du mot de passe.
:class:`PreuvesComplementaires` est une partie de
:class:`entsim.authentification.service.Authentification` (classe mère).
"""

from __future__ import annotations

from datetime import timedelta

from entsim.authentification.etat import EtatAuthentification
from entsim.authentification.comptes import (
    MESSAGES,
    METHODE_CERTIFICAT,
    METHODE_OTP,
    Compte,
    EtatCompte,
    Probleme,
    ResultatAuthentification,
    ResultatOperation,
)
from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.texte import nature
from entsim.authentification.preuves import (Certificat, nouveau_defi, nouveau_secret_totp,
                                             verifier_signature, verifier_totp_detail)
from entsim.authentification.verrouillage import _duree_fr

#: Durée de validité d'un défi de connexion par clé (le temps de le signer).
DUREE_DEFI = timedelta(minutes=2)


class PreuvesComplementaires(EtatAuthentification):
    """Code à usage unique et connexion par clé, à côté du mot de passe."""

    # -- code à usage unique (TOTP) --------------------------------------------------
    def activer_otp(self, identifiant: str) -> str:
        """Associe un code à usage unique (TOTP) au compte et renvoie le secret partagé, à
        enregistrer dans l'application du téléphone (:class:`entsim.authentification.preuves.TelephoneSimule`).
        """
        compte = self.compte(identifiant)
        if compte.empreinte is None:
            raise ValeurInvalide(f"Le compte « {compte.identifiant} » n'est pas encore activé : "
                                 "activez-le avant d'ajouter un code à usage unique.")
        compte.secret_otp = nouveau_secret_totp(self.source)
        compte.dernier_pas_otp = None
        self.journal.enregistrer("activation_otp", identite=compte.identifiant,
                                     detail="Secret TOTP partagé avec le téléphone.")
        return compte.secret_otp

    def verifier_otp(self, identifiant: str, code: str, *, poste: str | None = None,
                     service: str | None = None) -> ResultatAuthentification:
        """Vérifie un code à usage unique (RFC 6238, fenêtre d'un pas de 30 s). Un code
        accepté ne peut pas resservir (ni un code plus ancien)."""
        methode = METHODE_OTP
        saisie = self._controle_saisie(identifiant, code, methode, poste, service,
                                       "otp_echoue", "le code")
        if saisie is not None:
            return saisie
        ident = identifiant.strip()
        compte = self._comptes.get(ident)
        if compte is None:
            return self._refus_sans_compte(ident, methode, poste, service, "otp_echoue",
                                           "Identifiant inconnu.")
        self._actualiser_blocage(compte)
        if compte.etat is EtatCompte.BLOQUE:
            return self._refus_blocage(compte, methode, poste, service, "code à usage unique")
        if compte.secret_otp is None or compte.empreinte is None:
            return self._echec(compte, "otp_echoue",
                               "Aucun code à usage unique n'est associé à ce compte.",
                               poste=poste, service=service, methode=methode)
        verification = verifier_totp_detail(compte.secret_otp, code, self.horloge.maintenant(),
                                            fenetre=1,
                                            dernier_pas_utilise=compte.dernier_pas_otp)
        if verification.valide:
            compte.dernier_pas_otp = verification.pas
            return self._succes(compte, "otp_reussi", methode, poste, service)
        if verification.code == "otp_format_invalide":
            self.journal.enregistrer("otp_echoue", identite=ident, service=service,
                                     poste=poste, resultat="echec",
                                     detail="Code mal formé (pas 6 chiffres) ; non compté.")
            return ResultatAuthentification(False, "saisie_invalide", verification.message,
                                            ident, methode, self.horloge.maintenant())
        if verification.code == "otp_deja_utilise":
            return self._echec(compte, "otp_echoue", "Code déjà utilisé (tentative de rejeu).",
                               poste=poste, service=service, methode=methode,
                               code="otp_deja_utilise")
        return self._echec(compte, "otp_echoue", "Code incorrect ou trop ancien.",
                           poste=poste, service=service, methode=methode)

    # -- connexion par clé (certificat + défi signé) ---------------------------------
    def enregistrer_certificat(self, identifiant: str,
                               certificat: Certificat) -> ResultatOperation:
        """Enregistre le certificat d'un utilisateur : il doit être émis pour cette identité
        et valide selon l'autorité de certification (signature, révocation, dates)."""
        compte = self.compte(identifiant)
        if not isinstance(certificat, Certificat):
            raise ValeurInvalide("Il faut un certificat (Certificat), émis par l'autorité de "
                                 f"certification (reçu : {nature(certificat)}).")
        maintenant = self.horloge.maintenant()
        probleme: Probleme | None = None
        if certificat.identite != compte.identifiant:
            probleme = self._probleme("certificat_autre_identite",
                                      titulaire=certificat.identite,
                                      identifiant=compte.identifiant)
        else:
            verification = self.autorite.verifier(certificat)
            if not verification.valide:
                probleme = Probleme(verification.code, verification.message)
        if probleme is not None:
            self.journal.enregistrer("enregistrement_certificat",
                                         identite=compte.identifiant, resultat="echec",
                                         detail=f"Certificat refusé : {probleme.code}.")
            return ResultatOperation(False, probleme.code, probleme.message,
                                     compte.identifiant, maintenant, (probleme,))
        compte.certificat = certificat
        compte.defi_en_cours = None
        self.journal.enregistrer("enregistrement_certificat", identite=compte.identifiant,
                                     detail=f"Certificat n° {certificat.numero_serie_hex()} "
                                            f"émis par {certificat.emetteur}.")
        return ResultatOperation(True, "ok", MESSAGES["certificat_enregistre"].format(
            identifiant=compte.identifiant), compte.identifiant, maintenant)

    def defi(self, identifiant: str) -> bytes:
        """Un défi aléatoire (32 octets) à signer avec la clé privée, valable
        :data:`DUREE_DEFI` et une seule fois. Un identifiant inconnu ou sans certificat
        reçoit aussi un défi (qui ne sera jamais accepté), pour ne rien révéler."""
        ident = verifier_texte(identifiant, "identifiant").strip()
        defi = nouveau_defi(self.source)
        compte = self._comptes.get(ident)
        if compte is not None and compte.certificat is not None:
            compte.defi_en_cours = defi
            compte.defi_expire_le = self.horloge.maintenant() + DUREE_DEFI
        return defi

    def verifier_reponse_defi(self, identifiant: str, signature: bytes, *,
                              poste: str | None = None,
                              service: str | None = None) -> ResultatAuthentification:
        """Vérifie la réponse au défi : signature du défi par la clé privée qui correspond à
        la clé publique du certificat enregistré, certificat toujours valide. Le défi est
        consommé quel que soit le résultat (comme un ticket CAS)."""
        methode = METHODE_CERTIFICAT
        maintenant = self.horloge.maintenant()
        if not isinstance(identifiant, str) or not identifiant.strip():
            return self._refus_saisie(identifiant, methode, poste, service, "certificat_echoue",
                                      "Saisissez votre identifiant.")
        if not isinstance(signature, (bytes, bytearray, str)):
            return self._refus_saisie(identifiant, methode, poste, service, "certificat_echoue",
                                      "La réponse au défi doit être la signature renvoyée par "
                                      "signer() (des octets).")
        ident = identifiant.strip()
        compte = self._comptes.get(ident)
        if compte is None:
            return self._refus_sans_compte(ident, methode, poste, service, "certificat_echoue",
                                           "Identifiant inconnu.")
        self._actualiser_blocage(compte)
        if compte.etat is EtatCompte.BLOQUE:
            return self._refus_blocage(compte, methode, poste, service, "certificat")
        defi, expire_le = compte.defi_en_cours, compte.defi_expire_le
        compte.defi_en_cours, compte.defi_expire_le = None, None
        if compte.certificat is None or compte.empreinte is None:
            return self._refus_journalise(compte, methode, poste, service,
                                          "identifiants_invalides_certificat",
                                          "Aucun certificat enregistré pour ce compte.")
        if defi is None:
            return self._refus_journalise(compte, methode, poste, service, "defi_absent",
                                          "Aucun défi en cours (déjà utilisé ou jamais "
                                          "demandé) : rejeu refusé.")
        if expire_le is not None and maintenant > expire_le:
            return self._refus_journalise(compte, methode, poste, service, "defi_expire",
                                          "Défi expiré.", duree=_duree_fr(DUREE_DEFI))
        verification = self.autorite.verifier(compte.certificat)
        if not verification.valide:
            self.journal.enregistrer("certificat_echoue", identite=ident, service=service,
                                     poste=poste, resultat="echec",
                                     detail=f"Certificat refusé : {verification.code}.")
            return ResultatAuthentification(False, "certificat_invalide", verification.message,
                                            ident, methode, maintenant)
        if not verifier_signature(compte.certificat, defi, signature):
            return self._echec(compte, "certificat_echoue",
                               "Signature du défi invalide (mauvaise clé privée).",
                               poste=poste, service=service, methode=methode,
                               code="signature_invalide")
        return self._succes(compte, "certificat_reussi", methode, poste, service)

    def _refus_journalise(self, compte: Compte, methode: str, poste: str | None,
                          service: str | None, code: str, detail: str,
                          **details: str) -> ResultatAuthentification:
        """Refus journalisé mais non compté comme un essai (rien n'a été deviné)."""
        self.journal.enregistrer("certificat_echoue", identite=compte.identifiant,
                                 service=service, poste=poste, resultat="echec",
                                 detail=detail + " Non compté.")
        code_resultat = "identifiants_invalides" if code.startswith("identifiants") else code
        return self._resultat(False, code_resultat, compte.identifiant, methode,
                              cle_message=code, **details)
