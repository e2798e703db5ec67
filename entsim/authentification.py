"""Le service d'identification/authentification de l'AAS : comptes, mots de passe, blocage,
activation, code à usage unique et connexion par clé.

Ce que disent les textes, et où c'est appliqué :

* SDET, document 2, « Les moyens d'authentification » : « Le service d'identification/
  authentification DOIT proposer une authentification par mot de passe » ; il « PEUT proposer
  d'autres moyens d'authentification tels que les certificats et les mots de passe à usage
  unique » → :meth:`Authentification.verifier_mot_de_passe`,
  :meth:`~Authentification.verifier_otp`, :meth:`~Authentification.verifier_reponse_defi`.
* SDET, « Mots de passe » : jamais stockés en clair, empreinte irréversible, comparaison
  faite par le service AAS (:mod:`entsim.hachage`) ; politique de mot de passe (dureté,
  renouvellement, pas de réutilisation, pas d'attribut de l'utilisateur —
  :mod:`entsim.politique_mdp`) ; « Le nombre d'échecs successifs de saisie du mot de passe
  DEVRAIT être tracé » → chaque échec est journalisé avec son rang (« échec n° 3 »).
* SDET, « Traçabilité des opérations AAS » : chaque opération est datée (horloge simulée) et
  reliée à une identité dans le :class:`~entsim.journal.Journal` ; jamais le mot de passe.
* CNIL, délibération 2022-100, cas n° 2 « mot de passe et restriction d'accès au compte » :
  après plusieurs échecs, blocage temporaire du compte (:class:`Verrouillage`, comme les ENT
  réels : 5 échecs → 15 minutes) ou temporisation croissante (:class:`RetardCroissant`).
* CNIL, avis du 27 avril 2006 sur les ENT (document 1 du cours) : l'information des
  utilisateurs sur leurs droits « doit être prévue sur la page d'accueil du portail ENT et
  lors de la phase de création d'un compte ENT » → la première connexion
  (:meth:`Authentification.activer`) exige l'acceptation de la charte *et* la lecture de
  l'information sur les droits.

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

Les autres preuves (:mod:`entsim.preuves`) : code TOTP (RFC 6238) qui ne peut pas resservir,
et connexion par clé : le service envoie un défi aléatoire, l'utilisateur le signe avec sa
clé privée, le service vérifie la signature avec la clé publique du certificat enregistré
(émis et vérifié par l'autorité de certification). Un défi ne sert qu'une fois, quel que soit
le résultat, et expire vite.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import ClassVar, TypeVar

from .texte import accorder
from .aleatoire import SourceAleatoire
from .annuaire import Etablissement, Personne
from .erreurs import Introuvable, ValeurInvalide, verifier_texte
from .hachage import (
    LONGUEUR_MAX_MOT_DE_PASSE,
    GestionnaireEmpreintes,
    verifier_cout,
    verifier_mot_de_passe_saisi,
    verifier_schema,
)
from .horloge import Horloge
from .journal import Journal
from .politique_mdp import PolitiqueMotDePasse
from .preuves import (
    MESSAGES_TOTP,
    AutoriteCertification,
    Certificat,
    nouveau_defi,
    nouveau_secret_totp,
    verifier_signature,
    verifier_totp_detail,
)

# ---------------------------------------------------------------------------------------
# Constantes
# ---------------------------------------------------------------------------------------

#: Méthodes d'authentification (libellés affichés).
METHODE_MOT_DE_PASSE = "mot de passe"
METHODE_OTP = "code à usage unique"
METHODE_CERTIFICAT = "certificat"

#: Durée de validité d'un code d'activation (choix de la simulation : le temps de distribuer
#: les codes en classe et de faire la première connexion ; un code temporaire doit vivre peu).
DUREE_CODE_ACTIVATION = timedelta(days=7)

#: Durée de validité d'un défi de connexion par clé (le temps de le signer).
DUREE_DEFI = timedelta(minutes=2)

#: Nombre d'anciennes empreintes conservées pour interdire la réutilisation (SDET :
#: « Interdiction de réutiliser des mots de passe précédents »).
TAILLE_HISTORIQUE = 10

#: Longueur d'un code d'activation, et son alphabet : sans les caractères qu'on confond sur
#: une feuille imprimée (0/O, 1/I/l…). 31 symboles, 8 caractères ≈ 39,6 bits.
LONGUEUR_CODE_ACTIVATION = 8
ALPHABET_CODE_ACTIVATION = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

#: Messages par code stable (le libellé, en français, est séparé du code).
MESSAGES: dict[str, str] = {
    "ok": "Authentification réussie ({methode}).",
    "identifiants_invalides": "Identifiant ou mot de passe incorrect.",
    "identifiants_invalides_otp": "Identifiant ou code à usage unique incorrect.",
    "identifiants_invalides_certificat": "Authentification par certificat refusée.",
    "compte_bloque": ("Compte temporairement bloqué après {echecs} échecs successifs : "
                      "réessayez après {fin}."),
    "tentative_trop_rapprochee": ("Trop d'échecs successifs ({echecs}) : patientez jusqu'à "
                                  "{fin} avant de réessayer."),
    "compte_non_active": ("Ce compte n'est pas encore activé : faites d'abord la première "
                          "connexion avec votre code d'activation."),
    "mot_de_passe_expire": ("Mot de passe correct, mais il a expiré : choisissez-en un "
                            "nouveau pour continuer."),
    "saisie_invalide": "Saisie invalide : vérifiez l'identifiant et le secret saisis.",
    "mot_de_passe_trop_long": (f"Le mot de passe saisi est trop long "
                               f"({LONGUEUR_MAX_MOT_DE_PASSE} caractères au plus)."),
    "otp_deja_utilise": MESSAGES_TOTP["otp_deja_utilise"],
    "defi_absent": ("Aucun défi en cours pour ce compte : demandez un nouveau défi (un défi "
                    "ne sert qu'une fois)."),
    "defi_expire": ("Le défi a expiré (il ne vaut que {duree}) : demandez-en un nouveau."),
    "signature_invalide": ("Authentification par certificat refusée : la réponse au défi n'a "
                           "pas été signée avec la clé privée du certificat enregistré."),
    "certificat_invalide": "Certificat refusé par l'autorité de certification.",
    # Activation, changement de mot de passe
    "activation_ok": ("Compte activé : vous pouvez maintenant vous connecter avec votre "
                      "identifiant et votre nouveau mot de passe."),
    "activation_refusee": "Activation refusée :",
    "code_activation_invalide": ("Identifiant ou code d'activation incorrect (ou compte déjà "
                                 "activé)."),
    "code_activation_expire": ("Ce code d'activation a expiré le {fin} : demandez-en un "
                               "nouveau à l'administrateur de l'ENT."),
    "charte_non_acceptee": "Vous devez accepter la charte d'utilisation de l'ENT.",
    "information_non_lue": ("Vous devez lire l'information sur vos droits (loi Informatique "
                            "et Libertés, RGPD) avant d'utiliser l'ENT."),
    "mot_de_passe_invalide": "Le nouveau mot de passe doit être un texte non vide.",
    "changement_ok": "Mot de passe changé.",
    "changement_refuse": "Changement de mot de passe refusé :",
    "ancien_mot_de_passe_incorrect": "Identifiant ou ancien mot de passe incorrect.",
    "mot_de_passe_defini": "Mot de passe défini par l'administrateur.",
    # Certificats
    "certificat_enregistre": "Certificat enregistré pour « {identifiant} ».",
    "certificat_autre_identite": ("Ce certificat a été émis pour « {titulaire} », et non pour "
                                  "« {identifiant} » : il ne peut pas servir à ce compte."),
}


def _heure(instant: datetime) -> str:
    """« 08:20 », ou « 08:20:30 » quand les secondes comptent (temporisation courte)."""
    return f"{instant:%H:%M:%S}" if instant.second else f"{instant:%H:%M}"


def _duree_fr(duree: timedelta) -> str:
    secondes = int(duree.total_seconds())
    if secondes % 3600 == 0 and secondes >= 3600:
        return f"{secondes // 3600} h"
    if secondes % 60 == 0 and secondes >= 60:
        return f"{secondes // 60} min"
    return f"{secondes} s"


# ---------------------------------------------------------------------------------------
# Restriction d'accès après des échecs (CNIL 2022-100, cas n° 2)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verrouillage:
    """Blocage temporaire du compte après ``seuil`` échecs successifs.

    Comme les ENT réels (Open ENT NG) : 5 échecs → compte bloqué 15 minutes. À la fin du
    blocage, le compteur d'échecs repart de zéro. Pendant le blocage, toute tentative est
    refusée (même avec le bon mot de passe), sans même être vérifiée.
    """

    seuil: int = 5
    duree: timedelta = timedelta(minutes=15)

    code_refus: ClassVar[str] = "compte_bloque"
    reinitialise_a_la_fin: ClassVar[bool] = True

    def __post_init__(self) -> None:
        if isinstance(self.seuil, bool) or not isinstance(self.seuil, int) or self.seuil < 1:
            raise ValeurInvalide("Le seuil de blocage doit être un nombre entier d'échecs "
                                 f"au moins égal à 1 (reçu : {self.seuil!r}).")
        if not isinstance(self.duree, timedelta) or self.duree <= timedelta(0):
            raise ValeurInvalide("La durée de blocage doit être une durée positive "
                                 "(timedelta), par exemple timedelta(minutes=15).")

    def restriction(self, echecs: int) -> timedelta | None:
        """Durée de blocage imposée après ``echecs`` échecs successifs (``None`` : aucune)."""
        return self.duree if echecs >= self.seuil else None

    def decrire(self) -> str:
        return (f"Blocage du compte pendant {_duree_fr(self.duree)} après {self.seuil} "
                "échecs successifs.")


@dataclass(frozen=True)
class RetardCroissant:
    """Temporisation croissante : après ``essais_libres`` échecs, chaque nouvel échec impose
    d'attendre avant l'essai suivant, et l'attente double à chaque fois (jusqu'à
    ``delai_max``). Les tentatives faites avant la fin de l'attente sont refusées sans être
    vérifiées. Le compteur ne revient à zéro qu'après une connexion réussie.

    Avec les valeurs par défaut : 3 essais libres, puis 30 s, 1 min, 2 min, 4 min… (au plus
    1 h) — quelques essais par heure au lieu de milliers par seconde.
    """

    essais_libres: int = 3
    premier_delai: timedelta = timedelta(seconds=30)
    facteur: float = 2.0
    delai_max: timedelta = timedelta(hours=1)

    code_refus: ClassVar[str] = "tentative_trop_rapprochee"
    reinitialise_a_la_fin: ClassVar[bool] = False

    def __post_init__(self) -> None:
        if isinstance(self.essais_libres, bool) or not isinstance(self.essais_libres, int) \
                or self.essais_libres < 0:
            raise ValeurInvalide("Le nombre d'essais libres doit être un entier positif ou nul.")
        for nom in ("premier_delai", "delai_max"):
            valeur = getattr(self, nom)
            if not isinstance(valeur, timedelta) or valeur <= timedelta(0):
                raise ValeurInvalide(f"« {nom} » doit être une durée positive (timedelta).")
        if isinstance(self.facteur, bool) or not isinstance(self.facteur, (int, float)) \
                or self.facteur < 1:
            raise ValeurInvalide("Le facteur de croissance doit être un nombre au moins égal "
                                 "à 1.")

    def restriction(self, echecs: int) -> timedelta | None:
        if echecs < max(self.essais_libres, 1):
            return None
        rang = echecs - max(self.essais_libres, 1)
        if rang > 64:
            return self.delai_max
        return min(self.premier_delai * (self.facteur ** rang), self.delai_max)

    def decrire(self) -> str:
        return (f"Temporisation après {self.essais_libres} échecs : "
                f"{_duree_fr(self.premier_delai)}, puis × {self.facteur:g} à chaque échec "
                f"(au plus {_duree_fr(self.delai_max)}).")


# ---------------------------------------------------------------------------------------
# Comptes
# ---------------------------------------------------------------------------------------



def _echecs(nombre: int) -> str:
    """« 0 échec », « 1 échec », « 3 échecs »."""
    return accorder(nombre, "échec")

class EtatCompte(str, Enum):
    """L'état d'un compte ENT."""

    A_ACTIVER = "à activer"
    ACTIF = "actif"
    BLOQUE = "bloqué"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class EmpreinteAncienne:
    """Une empreinte d'un ancien mot de passe (pour interdire sa réutilisation)."""

    schema: str
    valeur: str = field(repr=False)
    jusqu_au: datetime


@dataclass(eq=False, repr=False)
class Compte:
    """Un compte du service d'authentification. Aucun champ ne contient le mot de passe,
    sauf si le schéma « clair » (illégal) a été choisi exprès : ``empreinte`` est alors le
    mot de passe lui-même. ``repr`` et ``str`` ne montrent jamais ni empreinte ni secret."""

    identifiant: str
    cree_le: datetime
    etat: EtatCompte = EtatCompte.A_ACTIVER
    #: L'empreinte du mot de passe (``None`` avant l'activation) et son schéma.
    empreinte: str | None = None
    schema: str | None = None
    #: Empreintes des mots de passe précédents, la plus récente d'abord.
    historique: list[EmpreinteAncienne] = field(default_factory=list)
    echecs_consecutifs: int = 0
    bloque_jusqu_a: datetime | None = None
    dernier_changement: datetime | None = None
    derniere_connexion: datetime | None = None
    active_le: datetime | None = None
    charte_acceptee_le: datetime | None = None
    information_lue_le: datetime | None = None
    #: Empreinte SHA-256 du code d'activation (jamais le code lui-même) et sa date de fin.
    code_activation_empreinte: str | None = None
    code_activation_expire_le: datetime | None = None
    #: Secret TOTP partagé avec le téléphone. Il doit être conservé *réversiblement* (le
    #: serveur recalcule les codes avec) : c'est un secret à protéger comme une clé.
    secret_otp: str | None = None
    #: Pas (RFC 6238) du dernier code accepté : un code de ce pas ou plus ancien est refusé.
    dernier_pas_otp: int | None = None
    certificat: Certificat | None = None
    defi_en_cours: bytes | None = None
    defi_expire_le: datetime | None = None

    @property
    def actif(self) -> bool:
        return self.etat is EtatCompte.ACTIF

    @property
    def otp_active(self) -> bool:
        return self.secret_otp is not None

    def __repr__(self) -> str:
        blocage = f", bloqué jusqu'à {self.bloque_jusqu_a:%d/%m/%Y %H:%M:%S}" \
            if self.bloque_jusqu_a else ""
        return (f"Compte({self.identifiant!r}, {self.etat.value}, schéma "
                f"{self.schema or 'aucun'}, {_echecs(self.echecs_consecutifs)}{blocage}, "
                f"code à usage unique : {'oui' if self.otp_active else 'non'}, "
                f"certificat : {'oui' if self.certificat is not None else 'non'})")

    __str__ = __repr__


# ---------------------------------------------------------------------------------------
# Résultats
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultatAuthentification:
    """Résultat d'une tentative d'authentification (mot de passe, code, certificat)."""

    ok: bool
    code: str
    message: str
    identifiant: str
    methode: str
    instant: datetime
    #: Fin du blocage ou de la temporisation, si le compte est (ou vient d'être) bloqué.
    bloque_jusqu_a: datetime | None = None

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return ("✓ " if self.ok else "✗ ") + self.message


@dataclass(frozen=True)
class Probleme:
    """Un problème d'une opération refusée : un code stable et son message français."""

    code: str
    message: str


@dataclass(frozen=True)
class ResultatOperation:
    """Résultat d'une opération sur un compte ; tous les problèmes sont signalés ensemble."""

    ok: bool
    code: str
    message: str
    identifiant: str
    instant: datetime
    problemes: tuple[Probleme, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """Les codes de tous les problèmes (vide si l'opération a réussi)."""
        return tuple(p.code for p in self.problemes)

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return ("✓ " if self.ok else "✗ ") + self.message


class ResultatActivation(ResultatOperation):
    """Résultat de la première connexion (:meth:`Authentification.activer`)."""


class ResultatChangement(ResultatOperation):
    """Résultat d'un changement (ou d'une définition) de mot de passe."""


R = TypeVar("R", bound=ResultatOperation)


def _resultat(classe: type[R], identifiant: str, instant: datetime,
              problemes: list[Probleme], *, code_ok: str, code_refus: str,
              **details: str) -> R:
    if not problemes:
        return classe(True, "ok", MESSAGES[code_ok].format(**details), identifiant, instant)
    lignes = "\n".join(f"• {p.message}" for p in problemes)
    return classe(False, code_refus, f"{MESSAGES[code_refus]}\n{lignes}", identifiant, instant,
                  tuple(problemes))


# ---------------------------------------------------------------------------------------
# Le service
# ---------------------------------------------------------------------------------------


class Authentification:
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
    :param schema: le schéma de stockage des nouvelles empreintes (:data:`entsim.hachage.SCHEMAS`).
    :param verrouillage: :class:`Verrouillage` (par défaut : 5 échecs → 15 min),
        :class:`RetardCroissant`, ou ``None`` (aucune restriction : à ne faire que pour
        montrer une attaque par force brute).
    :param cout: ``"normal"`` ou ``"rapide"`` (tests et démonstrations : voir
        :mod:`entsim.hachage`).
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
            raise Introuvable(f"« {identifiant} » n'est pas dans l'annuaire de "
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

    def debloquer(self, identifiant: str) -> None:
        """Débloque un compte avant la fin du blocage (action de l'administrateur)."""
        compte = self.compte(identifiant)
        if compte.etat is EtatCompte.BLOQUE:
            self._lever_blocage(compte, "Débloqué par l'administrateur.",
                                par_administrateur=True)

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

    # -- mots de passe ---------------------------------------------------------------
    def definir_mot_de_passe(self, identifiant: str, mot_de_passe: str, *,
                             contourner_politique: bool = False) -> ResultatChangement:
        """Action de l'administrateur : fixe le mot de passe d'un compte (par exemple pour
        préparer les personnages d'une démonstration). Le compte devient actif.

        ``contourner_politique=True`` permet un mot de passe faible, pour montrer une
        attaque ; l'opération est journalisée comme telle.
        """
        compte = self.compte(identifiant)
        verifier_mot_de_passe_saisi(mot_de_passe)
        maintenant = self.horloge.maintenant()
        problemes: list[Probleme] = []
        if not contourner_politique:
            problemes = self._problemes_mot_de_passe(
                mot_de_passe, self._personne(compte.identifiant), compte)
        if problemes:
            self.journal.enregistrer("mot_de_passe_refuse", identite=compte.identifiant,
                                     resultat="echec",
                                     detail="Défini par l'administrateur ; refus : "
                                            + ", ".join(p.code for p in problemes) + ".")
            return _resultat(ResultatChangement, compte.identifiant, maintenant,
                             problemes, code_ok="mot_de_passe_defini",
                             code_refus="changement_refuse")
        self._poser_mot_de_passe(compte, mot_de_passe, maintenant)
        if compte.etat is EtatCompte.A_ACTIVER:
            compte.etat = EtatCompte.ACTIF
            compte.active_le = maintenant
            compte.code_activation_empreinte = None
            compte.code_activation_expire_le = None
        self.journal.enregistrer(
            "mot_de_passe_change", identite=compte.identifiant,
            detail="Défini par l'administrateur"
                   + (" (politique de mot de passe contournée)" if contourner_politique
                      else "") + f" ; schéma {compte.schema}.")
        return _resultat(ResultatChangement, compte.identifiant, maintenant, [],
                         code_ok="mot_de_passe_defini", code_refus="changement_refuse")

    def changer_mot_de_passe(self, identifiant: str, ancien: str, nouveau: str, *,
                             poste: str | None = None) -> ResultatChangement:
        """L'utilisateur change son mot de passe : l'ancien doit être bon, le nouveau doit
        respecter la politique, y compris la non-réutilisation des précédents (SDET).

        Si l'ancien mot de passe est faux, le nouveau n'est pas comparé aux anciens (sinon
        un attaquant apprendrait si un mot de passe essayé a déjà servi).
        """
        maintenant = self.horloge.maintenant()
        ident = identifiant.strip() if isinstance(identifiant, str) else ""
        compte = self._comptes.get(ident)
        refus = self._refus_si_bloque(compte, poste, "changement de mot de passe")
        if refus is not None:
            return ResultatChangement(False, refus.code, refus.message, ident, maintenant,
                                      (Probleme(refus.code, refus.message),))
        if compte is None or compte.empreinte is None:
            self._hachage.verification_factice()
            ancien_bon = False
        else:
            ancien_bon = self._hachage.verifier(ancien, compte.empreinte, schema=compte.schema)
        problemes: list[Probleme] = []
        if not ancien_bon:
            problemes.append(self._probleme("ancien_mot_de_passe_incorrect"))
        problemes.extend(self._problemes_mot_de_passe(
            nouveau, self._personne(ident) if ancien_bon else None,
            compte if ancien_bon else None))
        if problemes:
            self._journaliser_refus("mot_de_passe_refuse", ident, compte, problemes,
                                    preuve_bonne=ancien_bon, poste=poste)
            return _resultat(ResultatChangement, ident, maintenant, problemes,
                             code_ok="changement_ok", code_refus="changement_refuse")
        assert compte is not None
        self._poser_mot_de_passe(compte, nouveau, maintenant)
        compte.echecs_consecutifs = 0
        self.journal.enregistrer("mot_de_passe_change", identite=ident, poste=poste,
                                 detail=f"Changé par l'utilisateur ; schéma {compte.schema}.")
        return _resultat(ResultatChangement, ident, maintenant, [],
                         code_ok="changement_ok", code_refus="changement_refuse")

    def _problemes_mot_de_passe(self, mot_de_passe: object, utilisateur: Personne | None,
                                compte: Compte | None) -> list[Probleme]:
        """Vérifie un nouveau mot de passe : saisie, puis politique (avec l'historique du
        compte s'il est donné)."""
        if not isinstance(mot_de_passe, str) or not mot_de_passe:
            return [self._probleme("mot_de_passe_invalide")]
        if len(mot_de_passe) > LONGUEUR_MAX_MOT_DE_PASSE:
            return [self._probleme("mot_de_passe_trop_long")]
        if compte is None:
            resultat = self.politique.valider(mot_de_passe, utilisateur)
        else:
            schemas: dict[str, str] = {a.valeur: a.schema for a in compte.historique}
            if compte.empreinte is not None and compte.schema is not None:
                schemas[compte.empreinte] = compte.schema
            historique = ([compte.empreinte] if compte.empreinte is not None else []) + \
                [a.valeur for a in compte.historique]

            def verifier(mdp: str, empreinte: str) -> bool:
                return self._hachage.verifier(mdp, empreinte, schema=schemas.get(empreinte))

            resultat = self.politique.valider(mot_de_passe, utilisateur,
                                              historique=historique, verifier=verifier)
        return [Probleme(e.code, e.message) for e in resultat.echecs]

    def _poser_mot_de_passe(self, compte: Compte, mot_de_passe: str,
                            maintenant: datetime) -> None:
        if compte.empreinte is not None and compte.schema is not None:
            compte.historique.insert(0, EmpreinteAncienne(compte.schema, compte.empreinte,
                                                          maintenant))
            del compte.historique[TAILLE_HISTORIQUE:]
        compte.empreinte = self._hachage.hacher(mot_de_passe)
        compte.schema = self._hachage.schema
        compte.dernier_changement = maintenant

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

    # -- code à usage unique (TOTP) --------------------------------------------------
    def activer_otp(self, identifiant: str) -> str:
        """Associe un code à usage unique (TOTP) au compte et renvoie le secret partagé, à
        enregistrer dans l'application du téléphone (:class:`entsim.preuves.TelephoneSimule`).
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
                                 f"certification (reçu : {type(certificat).__name__}).")
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

    def _est_code_activation(self, compte: Compte, saisie: str) -> bool:
        return (compte.code_activation_empreinte is not None
                and hmac.compare_digest(_empreinte_code(saisie.strip()),
                                        compte.code_activation_empreinte)
                and compte.code_activation_expire_le is not None
                and self.horloge.maintenant() <= compte.code_activation_expire_le)

    def _echec(self, compte: Compte, operation: str, detail: str, *, poste: str | None,
               service: str | None, methode: str = METHODE_MOT_DE_PASSE,
               code: str = "identifiants_invalides") -> ResultatAuthentification:
        """Compte un échec, le journalise avec son rang (SDET : « Le nombre d'échecs
        successifs […] DEVRAIT être tracé »), puis bloque le compte si la politique de
        restriction le demande."""
        compte.echecs_consecutifs += 1
        n = compte.echecs_consecutifs
        self.journal.enregistrer(operation, identite=compte.identifiant, service=service,
                                 poste=poste, resultat="echec",
                                 detail=f"{detail} Échec successif n° {n}.")
        fin: datetime | None = None
        duree = self.verrouillage.restriction(n) if self.verrouillage is not None else None
        if duree is not None:
            fin = self.horloge.maintenant() + duree
            compte.bloque_jusqu_a = fin
            compte.etat = EtatCompte.BLOQUE
            self.journal.enregistrer(
                "compte_bloque", identite=compte.identifiant, service=service, poste=poste,
                resultat="info",
                detail=f"{n} échecs successifs : accès refusé pendant {_duree_fr(duree)}, "
                       f"jusqu'à {_heure(fin)}.")
        resultat = self._resultat(False, code, compte.identifiant, methode,
                                  cle_message=self._cle_invalide(methode)
                                  if code == "identifiants_invalides" else code,
                                  bloque_jusqu_a=fin)
        if fin is not None:
            suite = MESSAGES[self.verrouillage.code_refus].format(  # type: ignore[union-attr]
                echecs=n, fin=_heure(fin))
            resultat = ResultatAuthentification(False, resultat.code,
                                                f"{resultat.message} {suite}",
                                                resultat.identifiant, methode,
                                                resultat.instant, fin)
        return resultat

    def _refus_blocage(self, compte: Compte, methode: str, poste: str | None,
                       service: str | None, tentative: str) -> ResultatAuthentification:
        assert compte.bloque_jusqu_a is not None
        code = self.verrouillage.code_refus if self.verrouillage is not None \
            else Verrouillage.code_refus
        self.journal.enregistrer(
            "connexion_refusee_blocage", identite=compte.identifiant, service=service,
            poste=poste, resultat="echec",
            detail=f"Tentative ({tentative}) pendant le blocage, qui dure jusqu'à "
                   f"{_heure(compte.bloque_jusqu_a)} ; non vérifiée.")
        return self._resultat(False, code, compte.identifiant, methode,
                              bloque_jusqu_a=compte.bloque_jusqu_a,
                              echecs=compte.echecs_consecutifs,
                              fin=_heure(compte.bloque_jusqu_a))

    def _actualiser_blocage(self, compte: Compte) -> None:
        """Lève le blocage dont la durée est écoulée (sur l'horloge simulée).

        Le temps simulé n'avance que sur demande : la levée est constatée (et journalisée)
        à la première opération sur le compte après la fin du blocage ; la ligne du journal
        donne l'heure exacte de cette fin."""
        if compte.etat is EtatCompte.BLOQUE and compte.bloque_jusqu_a is not None \
                and self.horloge.maintenant() >= compte.bloque_jusqu_a:
            self._lever_blocage(compte, f"Fin du blocage à {_heure(compte.bloque_jusqu_a)}.")

    def _lever_blocage(self, compte: Compte, detail: str, *,
                       par_administrateur: bool = False) -> None:
        compte.etat = EtatCompte.ACTIF if compte.empreinte is not None else EtatCompte.A_ACTIVER
        compte.bloque_jusqu_a = None
        reinitialiser = par_administrateur or self.verrouillage is None \
            or self.verrouillage.reinitialise_a_la_fin
        if reinitialiser:
            compte.echecs_consecutifs = 0
        self.journal.enregistrer("compte_debloque", identite=compte.identifiant,
                                 resultat="info",
                                 detail=detail + (" Compteur d'échecs remis à zéro."
                                                  if reinitialiser else
                                                  f" Compteur d'échecs conservé "
                                                  f"({compte.echecs_consecutifs})."))

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

    def _refus_si_bloque(self, compte: Compte | None, poste: str | None, operation: str):
        """Le refus (tracé) d'une opération sur un compte bloqué, ou ``None`` s'il ne l'est
        pas (un blocage échu est levé au passage)."""
        if compte is None:
            return None
        self._actualiser_blocage(compte)
        if compte.etat is not EtatCompte.BLOQUE:
            return None
        return self._refus_blocage(compte, METHODE_MOT_DE_PASSE, poste, None, operation)

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


def _empreinte_code(code: str) -> str:
    """Empreinte SHA-256 d'un code d'activation (espaces et casse ignorés à la saisie)."""
    return hashlib.sha256(code.strip().upper().encode("utf-8")).hexdigest()

