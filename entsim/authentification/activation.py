"""La création des comptes ENT et leur première connexion (activation).

* Chaque personne de l'annuaire reçoit un compte « à activer » et un code d'activation
  temporaire (:data:`~entsim.authentification.comptes.DUREE_CODE_ACTIVATION`), remis sur papier ; seule
  l'empreinte SHA-256 du code est gardée.
* CNIL, avis du 27 avril 2006 sur les ENT (document 1 du cours) : l'information des
  utilisateurs sur leurs droits « doit être prévue sur la page d'accueil du portail ENT et
  lors de la phase de création d'un compte ENT » → la première connexion
  (:meth:`ActivationComptes.activer`) exige l'acceptation de la charte *et* la lecture de
  l'information sur les droits, avec le choix d'un mot de passe conforme à la politique
  (:mod:`entsim.authentification.mots_de_passe.politique`).
* L'arrêté ENT de 2006 demande de supprimer les comptes au plus tard 3 mois après le départ
  de l'utilisateur (:meth:`ActivationComptes.supprimer_compte`).

Un mauvais code d'activation compte comme un échec pour le blocage
(:mod:`entsim.authentification.verrouillage`). :class:`ActivationComptes` est une partie de
:class:`entsim.authentification.service.Authentification` (classe mère).
"""

from __future__ import annotations

import hmac
from datetime import datetime

from entsim.authentification.etat import EtatAuthentification
from entsim.etablissement.annuaire import Etablissement
from entsim.authentification.comptes import (ALPHABET_CODE_ACTIVATION, LONGUEUR_CODE_ACTIVATION,
                                             Compte, EtatCompte, Probleme, ResultatActivation,
                                             _empreinte_code, _resultat)
from entsim.socle.erreurs import Introuvable, ValeurInvalide, verifier_texte
from entsim.socle.texte import cite


class ActivationComptes(EtatAuthentification):
    """Créer, activer (première connexion) et supprimer les comptes."""

    # -- création et suppression -----------------------------------------------------
    def creer_compte(self, identifiant: str) -> str:
        """Crée un compte « à activer » et renvoie son code d'activation temporaire.

        Le code n'est pas conservé : seule son empreinte SHA-256 l'est (un code aléatoire de
        ~40 bits qui expire vite n'a pas besoin d'une fonction lente). C'est la seule fois
        qu'on peut le lire : il est remis à l'utilisateur (sur papier, en classe).
        """
        identifiant = self._identifiant_nouveau(identifiant)
        return self._creer(identifiant)

    def creer_comptes(self, etablissement: Etablissement | None = None) -> dict[str, str]:
        """Crée les comptes de toutes les personnes de l'annuaire qui n'en ont pas encore,
        et renvoie ``{identifiant: code d'activation}``.

        Rapide même pour un gros lycée (aucune empreinte lente n'est calculée : un compte à
        activer n'a pas encore de mot de passe). Si le service n'avait pas d'annuaire, celui-ci
        devient le sien.
        """
        etablissement = etablissement if etablissement is not None else self.etablissement
        if not isinstance(etablissement, Etablissement):
            raise ValeurInvalide("Il faut un établissement (son annuaire) pour créer les "
                                 "comptes.")
        if self.etablissement is None:
            self.etablissement = etablissement
        return {ident: self._creer(ident) for ident in etablissement.personnes
                if ident not in self._comptes}

    def _identifiant_nouveau(self, identifiant: object) -> str:
        identifiant = verifier_texte(identifiant, "identifiant").strip()
        if any(c.isspace() for c in identifiant):
            raise ValeurInvalide(f"Un identifiant ne contient pas d'espace (reçu : "
                                 f"« {identifiant} »).")
        if identifiant in self._comptes:
            raise ValeurInvalide(f"Le compte « {identifiant} » existe déjà.",
                                 code="compte_existant")
        if self.etablissement is not None and not self.etablissement.existe(identifiant):
            raise Introuvable(f"{cite(identifiant)} n'est pas dans l'annuaire de "
                              f"{self.etablissement.nom} : créez d'abord la personne.")
        return identifiant

    def _creer(self, identifiant: str) -> str:
        maintenant = self.horloge.maintenant()
        code = self._nouveau_code_activation()
        compte = Compte(identifiant, maintenant)
        self._poser_code_activation(compte, code, maintenant)
        self._comptes[identifiant] = compte
        self.journal.enregistrer(
            "compte_cree", identite=identifiant, resultat="succes",
            detail=f"Compte à activer ; code d'activation valable jusqu'au "
                   f"{compte.code_activation_expire_le:%d/%m/%Y à %H:%M}.")
        return code

    def _nouveau_code_activation(self) -> str:
        """Un code tiré de la source (secret), sans biais : tirage avec rejet."""
        alphabet = ALPHABET_CODE_ACTIVATION
        limite = 256 - 256 % len(alphabet)
        caracteres: list[str] = []
        while len(caracteres) < LONGUEUR_CODE_ACTIVATION:
            for octet in self.source.octets(LONGUEUR_CODE_ACTIVATION):
                if octet < limite and len(caracteres) < LONGUEUR_CODE_ACTIVATION:
                    caracteres.append(alphabet[octet % len(alphabet)])
        return "".join(caracteres)

    def _poser_code_activation(self, compte: Compte, code: str, maintenant: datetime) -> None:
        compte.code_activation_empreinte = _empreinte_code(code)
        compte.code_activation_expire_le = maintenant + self.duree_code_activation

    def renouveler_code_activation(self, identifiant: str) -> str:
        """Donne un nouveau code d'activation à un compte pas encore activé (l'ancien ne
        vaut plus rien). Action de l'administrateur de l'ENT."""
        compte = self.compte(identifiant)
        if compte.empreinte is not None:
            raise ValeurInvalide(f"Le compte « {compte.identifiant} » est déjà activé : pour "
                                 "un oubli de mot de passe, utilisez definir_mot_de_passe().")
        code = self._nouveau_code_activation()
        self._poser_code_activation(compte, code, self.horloge.maintenant())
        self.journal.enregistrer(
            "renouvellement_code_activation", identite=compte.identifiant,
            detail=f"Nouveau code valable jusqu'au "
                   f"{compte.code_activation_expire_le:%d/%m/%Y à %H:%M}.")
        return code

    def supprimer_compte(self, identifiant: str) -> None:
        """Supprime un compte (l'arrêté ENT de 2006 demande de supprimer les comptes au plus
        tard 3 mois après le départ de l'utilisateur)."""
        compte = self.compte(identifiant)
        del self._comptes[compte.identifiant]
        self.journal.enregistrer("compte_supprime", identite=compte.identifiant,
                                 detail="Compte et empreintes supprimés.")

    # -- première connexion ----------------------------------------------------------
    def activer(self, identifiant: str, code_activation: str, nouveau_mot_de_passe: str, *,
                charte_acceptee: bool, information_lue: bool,
                poste: str | None = None) -> ResultatActivation:
        """Première connexion : code d'activation, charte, information sur les droits et
        choix du mot de passe. Tous les problèmes sont signalés ensemble.

        La politique de mot de passe ne tient compte des attributs de l'utilisateur (nom,
        prénom…) que si le code d'activation est bon, pour ne rien révéler sur un compte à
        qui ne le possède pas.
        """
        maintenant = self.horloge.maintenant()
        problemes: list[Probleme] = []
        ident = identifiant.strip() if isinstance(identifiant, str) else ""
        compte = self._comptes.get(ident)
        refus = self._refus_si_bloque(compte, poste, "activation")
        if refus is not None:
            return ResultatActivation(False, refus.code, refus.message, ident, maintenant,
                                      (Probleme(refus.code, refus.message),))
        code_bon = (compte is not None and compte.empreinte is None
                    and compte.code_activation_empreinte is not None
                    and isinstance(code_activation, str)
                    and hmac.compare_digest(_empreinte_code(code_activation.strip()),
                                            compte.code_activation_empreinte))
        if not code_bon:
            problemes.append(self._probleme("code_activation_invalide"))
        elif maintenant > compte.code_activation_expire_le:  # type: ignore[operator]
            problemes.append(self._probleme(
                "code_activation_expire",
                fin=f"{compte.code_activation_expire_le:%d/%m/%Y à %H:%M}"))
        if charte_acceptee is not True:
            problemes.append(self._probleme("charte_non_acceptee"))
        if information_lue is not True:
            problemes.append(self._probleme("information_non_lue"))
        utilisateur = self._personne(ident) if code_bon else None
        problemes.extend(self._problemes_mot_de_passe(nouveau_mot_de_passe, utilisateur,
                                                      compte if code_bon else None))
        if problemes:
            self._journaliser_refus("activation_echouee", ident, compte, problemes,
                                    preuve_bonne=code_bon, poste=poste)
            return _resultat(ResultatActivation, ident, maintenant, problemes,
                             code_ok="activation_ok", code_refus="activation_refusee")
        assert compte is not None
        self._poser_mot_de_passe(compte, nouveau_mot_de_passe, maintenant)
        compte.etat = EtatCompte.ACTIF
        compte.active_le = maintenant
        compte.charte_acceptee_le = maintenant
        compte.information_lue_le = maintenant
        compte.code_activation_empreinte = None
        compte.code_activation_expire_le = None
        compte.echecs_consecutifs = 0
        self.journal.enregistrer("charte_acceptee", identite=ident, poste=poste,
                                 detail="Charte d'utilisation acceptée et information sur "
                                        "les droits (Informatique et Libertés) lue.")
        self.journal.enregistrer("activation_reussie", identite=ident, poste=poste,
                                 detail=f"Mot de passe choisi (stocké avec le schéma "
                                        f"{compte.schema}).")
        return _resultat(ResultatActivation, ident, maintenant, [],
                         code_ok="activation_ok", code_refus="activation_refusee")

    def _est_code_activation(self, compte: Compte, saisie: str) -> bool:
        return (compte.code_activation_empreinte is not None
                and hmac.compare_digest(_empreinte_code(saisie.strip()),
                                        compte.code_activation_empreinte)
                and compte.code_activation_expire_le is not None
                and self.horloge.maintenant() <= compte.code_activation_expire_le)
