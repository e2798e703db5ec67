"""Le service d'identification/authentification de l'AAS : comptes, mots de passe, blocage,
activation, code à usage unique et connexion par clé.

Ce que disent les textes, et où c'est appliqué :

* SDET, document 2, « Les moyens d'authentification » : « Le service d'identification/
  authentification DOIT proposer une authentification par mot de passe » ; il « PEUT proposer
  d'autres moyens d'authentification tels que les certificats et les mots de passe à usage
  unique » → :meth:`Authentification.verifier_mot_de_passe`, et dans
  :mod:`entsim.authentification.autres_preuves` : :meth:`~Authentification.verifier_otp`,
  :meth:`~Authentification.verifier_reponse_defi`.
* SDET, « Mots de passe » : jamais stockés en clair, empreinte irréversible, comparaison
  faite par le service AAS (:mod:`entsim.authentification.hachage`) ; politique de mot de passe (dureté,
  renouvellement, pas de réutilisation, pas d'attribut de l'utilisateur —
  :mod:`entsim.authentification.mots_de_passe.politique`) ; « Le nombre d'échecs successifs de saisie du mot de passe
  DEVRAIT être tracé » → chaque échec est journalisé avec son rang (« échec n° 3 »,
  :mod:`entsim.authentification.verrouillage`).
* SDET, « Traçabilité des opérations AAS » : chaque opération est datée (horloge simulée) et
  reliée à une identité dans le :class:`~entsim.journal.chaine.Journal` ; jamais le mot de passe.
* CNIL, délibération 2022-100, cas n° 2 « mot de passe et restriction d'accès au compte » :
  après plusieurs échecs, blocage temporaire du compte (:class:`Verrouillage`, comme les ENT
  réels : 5 échecs → 15 minutes) ou temporisation croissante (:class:`RetardCroissant`) —
  voir :mod:`entsim.authentification.verrouillage`.
* CNIL, avis du 27 avril 2006 sur les ENT (document 1 du cours) : l'information des
  utilisateurs sur leurs droits « doit être prévue sur la page d'accueil du portail ENT et
  lors de la phase de création d'un compte ENT » → la première connexion
  (:meth:`Authentification.activer`, :mod:`entsim.authentification.activation`) exige l'acceptation
  de la charte *et* la lecture de l'information sur les droits.

Choix faits contre l'énumération des comptes (savoir qui a un compte, pour viser ses attaques) :

* même message « Identifiant ou mot de passe incorrect. » (et même code
  ``identifiants_invalides``) pour un identifiant inconnu et pour un mauvais mot de passe ;
  le journal, lui, précise la cause ;
* même temps de réponse : pour un identifiant inconnu (ou un compte pas encore activé, qui n'a
  pas d'empreinte), le service fait quand même une vérification factice de même coût
  (``dummy_verify`` de passlib). Sans cela, une réponse instantanée trahirait un identifiant
  inconnu, puisqu'une vraie vérification Argon2 prend des dizaines de millisecondes. Prix à
  payer : chaque tentative coûte un calcul d'empreinte, même pour un compte inexistant ;
* un compte pas encore activé répond ``compte_non_active`` seulement si l'on a tapé son code
  d'activation comme mot de passe (erreur fréquente, qui prouve qu'on est son titulaire) ;
  sinon, la réponse est celle d'un mauvais mot de passe ;
* limite assumée (comme dans les ENT réels) : seul un compte existant peut être bloqué, et le
  message de blocage le révèle. Un compte bloqué est refusé sans calcul d'empreinte.

Organisation : les comptes, les messages et les résultats sont dans :mod:`entsim.authentification.comptes` ;
la création des comptes et la première connexion dans :mod:`entsim.authentification.activation` ;
le choix et le changement du mot de passe dans :mod:`entsim.authentification.changement` ;
le blocage dans :mod:`entsim.authentification.verrouillage` ; les autres preuves (code TOTP, connexion par
clé) dans :mod:`entsim.authentification.autres_preuves`. Tous les noms qui étaient définis ici
restent importables depuis ``entsim.authentification.service``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from entsim.authentification.activation import ActivationComptes
from entsim.socle.aleatoire import SourceAleatoire
from entsim.etablissement.annuaire import Etablissement, Personne
from entsim.authentification.autres_preuves import PreuvesComplementaires
from entsim.authentification.changement import ChangementMotDePasse
from entsim.authentification.comptes import (DUREE_CODE_ACTIVATION, MESSAGES, METHODE_CERTIFICAT,
                                             METHODE_MOT_DE_PASSE, METHODE_OTP, Compte,
                                             EtatCompte, Probleme, ResultatAuthentification,
                                             _echecs)
from entsim.socle.erreurs import Introuvable, ValeurInvalide, verifier_texte
from entsim.authentification.hachage import (
    LONGUEUR_MAX_MOT_DE_PASSE,
    GestionnaireEmpreintes,
    verifier_cout,
    verifier_schema,
)
from entsim.socle.horloge import Horloge
from entsim.socle.saisie import verifier_poste
from entsim.journal.chaine import Journal
from entsim.authentification.mots_de_passe.politique import PolitiqueMotDePasse
from entsim.authentification.preuves import AutoriteCertification
from entsim.authentification.verrouillage import RestrictionAcces, RetardCroissant, Verrouillage

# ---------------------------------------------------------------------------------------
# Le service
# ---------------------------------------------------------------------------------------


class Authentification(ActivationComptes, ChangementMotDePasse, RestrictionAcces,
                       PreuvesComplementaires):
    """Le service d'identification/authentification de l'AAS (SDET, document 2).

    :param horloge: l'horloge simulée (dates du journal, blocages, expirations).
    :param journal: le journal des opérations AAS.
    :param source: la source de hasard (codes d'activation, secrets TOTP, défis ; sels des
        empreintes en mode reproductible, sinon passlib les tire de l'aléa du système).
    :param etablissement: l'annuaire ; s'il est donné, un compte ne peut être créé que pour
        une personne de l'annuaire, et la politique de mot de passe interdit ses attributs
        (nom, prénom, date de naissance…).
    :param politique: la politique de mot de passe (par défaut, celle de l'ENT :
        :meth:`PolitiqueMotDePasse.ent_par_defaut` avec un blocage, ou
        :meth:`PolitiqueMotDePasse.cnil_mot_de_passe_seul` sans restriction d'accès).
    :param schema: le schéma de stockage des nouvelles empreintes (:data:`entsim.authentification.hachage.SCHEMAS`).
    :param verrouillage: :class:`Verrouillage` (par défaut : 5 échecs → 15 min),
        :class:`RetardCroissant`, ou ``None`` (aucune restriction : à ne faire que pour
        montrer une attaque par force brute).
    :param cout: ``"normal"`` ou ``"rapide"`` (tests et démonstrations : voir
        :mod:`entsim.authentification.hachage`).
    :param autorite: l'autorité de certification qui émet les certificats acceptés (créée
        au besoin : « Autorité de certification de l'académie »).
    """

    def __init__(self, horloge: Horloge, journal: Journal, source: SourceAleatoire, *,
                 etablissement: Etablissement | None = None,
                 politique: PolitiqueMotDePasse | None = None, schema: str = "argon2",
                 verrouillage: Verrouillage | RetardCroissant | None = Verrouillage(),
                 cout: str = "normal", autorite: AutoriteCertification | None = None,
                 duree_code_activation: timedelta = DUREE_CODE_ACTIVATION) -> None:
        if not isinstance(horloge, Horloge):
            raise ValeurInvalide("Il faut l'horloge de la simulation (Horloge).")
        if not isinstance(journal, Journal):
            raise ValeurInvalide("Il faut le journal des opérations (Journal).")
        if not isinstance(source, SourceAleatoire):
            raise ValeurInvalide("Il faut la source de hasard de la simulation "
                                 "(SourceAleatoire).")
        if etablissement is not None and not isinstance(etablissement, Etablissement):
            raise ValeurInvalide("« etablissement » doit être un Etablissement (ou None).")
        if verrouillage is not None and not isinstance(verrouillage,
                                                       (Verrouillage, RetardCroissant)):
            raise ValeurInvalide("« verrouillage » doit être Verrouillage(...), "
                                 "RetardCroissant(...) ou None.")
        if autorite is not None and not isinstance(autorite, AutoriteCertification):
            raise ValeurInvalide("« autorite » doit être une AutoriteCertification (ou None).")
        if not isinstance(duree_code_activation, timedelta) \
                or duree_code_activation <= timedelta(0):
            raise ValeurInvalide("La durée de validité d'un code d'activation doit être une "
                                 "durée positive (timedelta).")
        self.horloge = horloge
        self.journal = journal
        self.source = source
        self.etablissement = etablissement
        if politique is not None and not isinstance(politique, PolitiqueMotDePasse):
            raise ValeurInvalide("« politique » doit être une PolitiqueMotDePasse (ou None).")
        # Par défaut (CNIL 2022-100) : avec une restriction d'accès (blocage, temporisation),
        # cas n° 2 (50 bits) ; sans restriction, cas n° 1 « mot de passe seul » (80 bits).
        if politique is None:
            politique = PolitiqueMotDePasse.ent_par_defaut() if verrouillage is not None \
                else PolitiqueMotDePasse.cnil_mot_de_passe_seul()
        self.politique = politique
        self.verrouillage = verrouillage
        self.duree_code_activation = duree_code_activation
        self._cout = verifier_cout(cout)
        self._hachage = GestionnaireEmpreintes(verifier_schema(schema), cout=self._cout,
                                               source=source)
        self._autorite = autorite
        self._comptes: dict[str, Compte] = {}

    # -- configuration ---------------------------------------------------------------
    @property
    def schema(self) -> str:
        """Le schéma des nouvelles empreintes."""
        return self._hachage.schema

    @property
    def hachage(self) -> GestionnaireEmpreintes:
        return self._hachage

    def choisir_schema(self, nom: str) -> None:
        """Change le schéma des *nouvelles* empreintes. Les anciennes restent valables et
        sont renforcées (recalculées avec le nouveau schéma) à la connexion suivante de
        chaque utilisateur, seul moment où le service connaît le mot de passe."""
        self._hachage = GestionnaireEmpreintes(verifier_schema(nom), cout=self._cout,
                                               source=self.source)

    @property
    def autorite(self) -> AutoriteCertification:
        """L'autorité de certification dont les certificats sont acceptés."""
        if self._autorite is None:
            self._autorite = AutoriteCertification(
                "Autorité de certification de l'académie", self.source, self.horloge)
        return self._autorite

    # -- consultation ----------------------------------------------------------------
    def compte(self, identifiant: str) -> Compte:
        """Le compte d'identifiant donné (message clair s'il n'existe pas)."""
        verifier_texte(identifiant, "identifiant")
        compte = self._comptes.get(identifiant.strip())
        if compte is None:
            raise Introuvable(f"Aucun compte « {identifiant} » dans le service "
                              "d'authentification.")
        self._actualiser_blocage(compte)
        return compte

    def comptes(self) -> list[Compte]:
        return list(self._comptes.values())

    def __contains__(self, identifiant: object) -> bool:
        return isinstance(identifiant, str) and identifiant.strip() in self._comptes

    def __len__(self) -> int:
        return len(self._comptes)

    def empreintes(self, *, avec_schema: bool = False):
        """La table (identifiant, valeur stockée) : exactement ce qu'un attaquant obtient en
        volant la base du service (``pandas.DataFrame``). Les comptes pas encore activés,
        sans mot de passe, n'y figurent pas."""
        import pandas as pd

        lignes = []
        for c in self._comptes.values():
            if c.empreinte is None:
                continue
            ligne = {"Identifiant": c.identifiant, "Empreinte": c.empreinte}
            if avec_schema:
                ligne["Schéma"] = c.schema
            lignes.append(ligne)
        colonnes = ["Identifiant", "Empreinte"] + (["Schéma"] if avec_schema else [])
        return pd.DataFrame(lignes, columns=colonnes)

    def mots_de_passe_en_clair_stockes(self) -> bool:
        """``True`` si au moins un mot de passe (actuel ou ancien) est stocké en clair —
        ce que le SDET interdit (« NE DOIVENT PAS être stockés en clair »)."""
        return any(c.schema == "clair" or any(a.schema == "clair" for a in c.historique)
                   for c in self._comptes.values())

    def tableau(self):
        """Les comptes en un ``pandas.DataFrame`` (sans empreinte ni secret)."""
        import pandas as pd

        for c in self._comptes.values():
            self._actualiser_blocage(c)
        lignes = [{
            "Identifiant": c.identifiant,
            "État": c.etat.value,
            "Échecs successifs": c.echecs_consecutifs,
            "Bloqué jusqu'à": c.bloque_jusqu_a,
            "Schéma": c.schema or "",
            "Activé le": c.active_le,
            "Charte acceptée le": c.charte_acceptee_le,
            "Dernière connexion": c.derniere_connexion,
            "Code à usage unique": "oui" if c.otp_active else "non",
            "Certificat": "oui" if c.certificat is not None else "non",
        } for c in self._comptes.values()]
        return pd.DataFrame(lignes, columns=[
            "Identifiant", "État", "Échecs successifs", "Bloqué jusqu'à", "Schéma",
            "Activé le", "Charte acceptée le", "Dernière connexion", "Code à usage unique",
            "Certificat"]).set_index("Identifiant")

    # -- authentification par mot de passe -------------------------------------------
    def verifier_mot_de_passe(self, identifiant: str, mot_de_passe: str, *,
                              poste: str | None = None,
                              service: str | None = None) -> ResultatAuthentification:
        """Vérifie le couple identifiant / mot de passe (c'est l'AAS qui calcule l'empreinte
        et compare, SDET). Échecs comptés et journalisés ; blocage selon ``verrouillage`` ;
        empreinte renforcée si le schéma a changé."""
        methode = METHODE_MOT_DE_PASSE
        saisie = self._controle_saisie(identifiant, mot_de_passe, methode, poste, service,
                                       "connexion_echouee", "le mot de passe")
        if saisie is not None:
            return saisie
        ident = identifiant.strip()
        compte = self._comptes.get(ident)
        if compte is None:
            self._hachage.verification_factice()
            return self._refus_sans_compte(ident, methode, poste, service, "connexion_echouee",
                                           "Identifiant inconnu.")
        self._actualiser_blocage(compte)
        if compte.etat is EtatCompte.BLOQUE:
            return self._refus_blocage(compte, methode, poste, service, "connexion")
        if compte.empreinte is None:      # compte à activer : pas de mot de passe
            self._hachage.verification_factice()
            if self._est_code_activation(compte, mot_de_passe):
                self.journal.enregistrer(
                    "connexion_echouee", identite=ident, service=service, poste=poste,
                    resultat="echec", detail="Compte pas encore activé (code d'activation "
                                             "saisi comme mot de passe).")
                return self._resultat(False, "compte_non_active", ident, methode)
            return self._echec(compte, "connexion_echouee",
                               "Compte pas encore activé : aucun mot de passe ne convient.",
                               poste=poste, service=service, methode=methode)
        ok, nouvelle = self._hachage.verifier_et_renforcer(mot_de_passe, compte.empreinte,
                                                           schema=compte.schema)
        if not ok:
            return self._echec(compte, "connexion_echouee", "Mot de passe incorrect.",
                               poste=poste, service=service, methode=methode)
        if nouvelle is not None:
            ancien_schema = compte.schema
            compte.empreinte, compte.schema = nouvelle, self._hachage.schema
            self.journal.enregistrer(
                "empreinte_mise_a_jour", identite=ident, service=service, poste=poste,
                detail=f"Empreinte recalculée à la connexion : {ancien_schema} → "
                       f"{compte.schema} ({self._hachage.cout}).")
        if compte.dernier_changement is not None and \
                self.politique.expire(compte.dernier_changement, self.horloge.maintenant()):
            precedents = compte.echecs_consecutifs
            compte.echecs_consecutifs = 0
            self.journal.enregistrer(
                "connexion_echouee", identite=ident, service=service, poste=poste,
                resultat="echec",
                detail="Mot de passe correct mais expiré (dernier changement le "
                       f"{compte.dernier_changement:%d/%m/%Y}) : changement obligatoire"
                       + (f" ; {_echecs(precedents)} précédent{'s' if precedents > 1 else ''} "
                          f"effacé{'s' if precedents > 1 else ''}." if precedents
                          else "."))
            return self._resultat(False, "mot_de_passe_expire", ident, methode)
        return self._succes(compte, "connexion_reussie", methode, poste, service)

    # -- outils internes -------------------------------------------------------------
    def _personne(self, identifiant: str) -> Personne | None:
        if self.etablissement is None:
            return None
        return self.etablissement.personnes.get(identifiant)

    def _probleme(self, code: str, **details: str) -> Probleme:
        return Probleme(code, MESSAGES[code].format(**details))

    def _resultat(self, ok: bool, code: str, identifiant: str, methode: str, *,
                  cle_message: str | None = None, bloque_jusqu_a: datetime | None = None,
                  **details: object) -> ResultatAuthentification:
        message = MESSAGES[cle_message or code].format(methode=methode, **details)
        return ResultatAuthentification(ok, code, message, identifiant, methode,
                                        self.horloge.maintenant(), bloque_jusqu_a)

    @staticmethod
    def _cle_invalide(methode: str) -> str:
        return {METHODE_OTP: "identifiants_invalides_otp",
                METHODE_CERTIFICAT: "identifiants_invalides_certificat"}.get(
                    methode, "identifiants_invalides")

    def _controle_saisie(self, identifiant: object, secret: object, methode: str,
                         poste: str | None, service: str | None, operation: str,
                         nom_secret: str) -> ResultatAuthentification | None:
        if poste is not None:                 # écrits au journal : vérifiés d'abord
            verifier_poste(poste)
        if service is not None:
            verifier_texte(service, "service")
        if not isinstance(identifiant, str) or not identifiant.strip():
            return self._refus_saisie(identifiant, methode, poste, service, operation,
                                      "Saisissez votre identifiant.")
        if not isinstance(secret, str) or not secret:
            return self._refus_saisie(identifiant, methode, poste, service, operation,
                                      f"Saisissez {nom_secret} (un texte).")
        if len(secret) > LONGUEUR_MAX_MOT_DE_PASSE:
            self.journal.enregistrer(operation, identite=identifiant.strip(), service=service,
                                     poste=poste, resultat="echec",
                                     detail=f"Saisie trop longue ({len(secret)} caractères) ; "
                                            "non comptée.")
            return self._resultat(False, "mot_de_passe_trop_long", identifiant.strip(), methode)
        if any("\ud800" <= c <= "\udfff" for c in secret):   # RFC 3629, §3 : pas en UTF-8
            return self._refus_saisie(identifiant, methode, poste, service, operation,
                                      f"{nom_secret.capitalize()} contient un demi-codet "
                                      "isolé : ce n'est pas un caractère, retapez-le.")
        return None

    def _refus_saisie(self, identifiant: object, methode: str, poste: str | None,
                      service: str | None, operation: str,
                      texte: str) -> ResultatAuthentification:
        ident = identifiant.strip() if isinstance(identifiant, str) else ""
        self.journal.enregistrer(operation, identite=ident or None, service=service,
                                 poste=poste, resultat="echec",
                                 detail=f"Saisie invalide : {texte}")
        return ResultatAuthentification(False, "saisie_invalide", texte, ident, methode,
                                        self.horloge.maintenant())

    def _refus_sans_compte(self, ident: str, methode: str, poste: str | None,
                           service: str | None, operation: str,
                           detail: str) -> ResultatAuthentification:
        self.journal.enregistrer(operation, identite=ident, service=service, poste=poste,
                                 resultat="echec", detail=detail)
        return self._resultat(False, "identifiants_invalides", ident, methode,
                              cle_message=self._cle_invalide(methode))

    def _succes(self, compte: Compte, operation: str, methode: str, poste: str | None,
                service: str | None) -> ResultatAuthentification:
        precedents = compte.echecs_consecutifs
        compte.echecs_consecutifs = 0
        compte.derniere_connexion = self.horloge.maintenant()
        self.journal.enregistrer(
            operation, identite=compte.identifiant, service=service, poste=poste,
            detail=f"Authentification par {methode}"
                   + (f" après {_echecs(precedents)} successif"
                      f"{'s' if precedents > 1 else ''}." if precedents else "."))
        return self._resultat(True, "ok", compte.identifiant, methode)

    def _journaliser_refus(self, operation: str, ident: str, compte: Compte | None,
                           problemes: list, *, preuve_bonne: bool, poste: str | None) -> None:
        """Trace un refus d'activation ou de changement : avec une mauvaise preuve (code
        d'activation, ancien mot de passe), c'est un échec qui compte pour le blocage."""
        detail = "Refus : " + ", ".join(p.code for p in problemes) + "."
        if compte is not None and not preuve_bonne:
            self._echec(compte, operation, detail, poste=poste, service=None)
        else:
            self.journal.enregistrer(operation, identite=ident or None, poste=poste,
                                     resultat="echec",
                                     detail=detail if compte is not None
                                     else detail + " Identifiant inconnu.")

    def __repr__(self) -> str:
        actifs = sum(1 for c in self._comptes.values() if c.empreinte is not None)
        total = len(self._comptes)
        return (f"Authentification({total} compte{'s' if total > 1 else ''} dont {actifs} "
                f"activé{'s' if actifs > 1 else ''}, "
                f"schéma {self.schema}, "
                f"{self.verrouillage.decrire() if self.verrouillage else 'aucun blocage'})")
