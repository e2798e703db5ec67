"""La restriction d'accès après des échecs d'authentification : blocage temporaire du
compte ou temporisation croissante.

* CNIL, délibération 2022-100, cas n° 2 « mot de passe et restriction d'accès au compte » :
  après plusieurs échecs, blocage temporaire du compte (:class:`Verrouillage`, comme les ENT
  réels : 5 échecs → 15 minutes) ou temporisation croissante (:class:`RetardCroissant`).
* SDET, document 2, « Mots de passe » : « Le nombre d'échecs successifs de saisie du mot de
  passe DEVRAIT être tracé » → chaque échec est journalisé avec son rang (« échec n° 3 »,
  :meth:`RestrictionAcces._echec`).

Limite assumée (comme dans les ENT réels) : seul un compte existant peut être bloqué, et le
message de blocage le révèle. Un compte bloqué est refusé sans calcul d'empreinte.

Les deux politiques partagent un petit protocole informel : ``restriction(echecs)`` (durée
imposée, ou ``None``), ``decrire()``, ``code_refus`` et ``reinitialise_a_la_fin``.
:class:`RestrictionAcces` est la partie de :class:`entsim.authentification.service.Authentification`
(classe mère) qui les applique aux comptes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import ClassVar

from entsim.authentification.etat import EtatAuthentification
from entsim.authentification.comptes import (
    MESSAGES,
    METHODE_MOT_DE_PASSE,
    Compte,
    EtatCompte,
    ResultatAuthentification,
)
from entsim.socle.erreurs import ValeurInvalide


def _heure(instant: datetime) -> str:
    """« 08:20 », ou « 08:20:30 » quand les secondes comptent (temporisation courte)."""
    return f"{instant:%H:%M:%S}" if instant.second else f"{instant:%H:%M}"


def _duree_fr(duree: timedelta) -> str:
    """« 30 s », « 15 min », « 1 h » : une durée de blocage écrite pour l'utilisateur."""
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
        # plafonner en secondes avant de fabriquer la durée : 30 s × 2**52 dépasse déjà la
        # plus grande durée (timedelta) possible
        if rang > 64:
            return self.delai_max
        try:
            secondes = self.premier_delai.total_seconds() * float(self.facteur) ** rang
        except OverflowError:
            return self.delai_max
        return min(timedelta(seconds=min(secondes, self.delai_max.total_seconds())),
                   self.delai_max)

    def decrire(self) -> str:
        return (f"Temporisation après {self.essais_libres} échecs : "
                f"{_duree_fr(self.premier_delai)}, puis × {self.facteur:g} à chaque échec "
                f"(au plus {_duree_fr(self.delai_max)}).")


# ---------------------------------------------------------------------------------------
# Application aux comptes (partie du service d'authentification)
# ---------------------------------------------------------------------------------------


class RestrictionAcces(EtatAuthentification):
    """Compter les échecs, bloquer, refuser pendant le blocage, débloquer."""

    def debloquer(self, identifiant: str) -> None:
        """Débloque un compte avant la fin du blocage (action de l'administrateur)."""
        compte = self.compte(identifiant)
        if compte.etat is EtatCompte.BLOQUE:
            self._lever_blocage(compte, "Débloqué par l'administrateur.",
                                par_administrateur=True)

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

    def _refus_si_bloque(self, compte: Compte | None, poste: str | None, operation: str):
        """Le refus (tracé) d'une opération sur un compte bloqué, ou ``None`` s'il ne l'est
        pas (un blocage échu est levé au passage)."""
        if compte is None:
            return None
        self._actualiser_blocage(compte)
        if compte.etat is not EtatCompte.BLOQUE:
            return None
        return self._refus_blocage(compte, METHODE_MOT_DE_PASSE, poste, None, operation)
