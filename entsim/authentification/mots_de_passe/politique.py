"""La politique de mot de passe : une liste de règles, toutes vérifiées ensemble.

:class:`PolitiqueMotDePasse` vérifie toutes les règles et rapporte **tous** les échecs
ensemble (l'élève corrige tout d'un coup) ; elle propose aussi les politiques toutes faites
de l'ENT simulé (SDET, document 2, et CNIL, délibération n° 2022-100, cas n° 1 et n° 2). Les
règles sont dans :mod:`entsim.authentification.mots_de_passe.regles`, les libellés des échecs
dans :data:`entsim.authentification.mots_de_passe.echecs.MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from entsim.authentification.mots_de_passe.attributs import AttributsUtilisateur
from entsim.authentification.mots_de_passe.echecs import (
    ContexteValidation,
    Echec,
    Regle,
    ResultatPolitique,
)
from entsim.authentification.mots_de_passe.regles import (
    AgeMaximal,
    EntropieMinimale,
    LongueurMaximale,
    LongueurMinimale,
    MotDePasseCourant,
    NonReutilisation,
    TypesDeCaracteres,
)
from entsim.etablissement.annuaire import Personne
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import nature


class PolitiqueMotDePasse:
    """Une politique = une liste de règles, vérifiées toutes ensemble.

    >>> politique = PolitiqueMotDePasse([LongueurMinimale(12), MotDePasseCourant()])
    >>> politique.valider("Soleil2024").codes
    ('mdp_trop_court', 'mdp_trop_courant')
    """

    def __init__(self, regles: Sequence[Regle]) -> None:
        if isinstance(regles, (str, bytes)) or not isinstance(regles, Iterable):
            raise ValeurInvalide("Une politique se construit avec une liste de règles, par "
                                 "exemple PolitiqueMotDePasse([LongueurMinimale(12)]).")
        regles = tuple(regles)
        for regle in regles:
            if isinstance(regle, type):
                raise ValeurInvalide(f"« {regle.__name__} » est une règle à créer : écrivez "
                                     f"{regle.__name__}() avec des parenthèses.")
            if not (callable(getattr(regle, "valider", None))
                    and callable(getattr(regle, "aide", None))):
                raise ValeurInvalide(f"{regle!r} n'est pas une règle de mot de passe (il lui "
                                     "faut les méthodes « valider » et « aide »).")
        self.regles: tuple[Regle, ...] = regles

    def valider(self, mot_de_passe: str, utilisateur: Personne | None = None, *,
                historique: Sequence[str] = (),
                verifier: Callable[[str, str], bool] | None = None) -> ResultatPolitique:
        """Vérifie toutes les règles et renvoie **tous** les échecs (ou aucun).

        ``historique`` : empreintes des mots de passe précédents, la plus récente d'abord ;
        ``verifier(clair, empreinte)`` : la comparaison fournie par l'authentification.
        Les règles bloquantes (:class:`LongueurMaximale`) passent d'abord : si elles échouent,
        on s'arrête là.
        """
        if not isinstance(mot_de_passe, str):
            raise ValeurInvalide("Le mot de passe doit être un texte entre guillemets, par "
                                 f"exemple \"Ma phrase secrète !\" (reçu : "
                                 f"{nature(mot_de_passe)}).")
        if utilisateur is not None and not hasattr(utilisateur, "identifiant"):
            raise ValeurInvalide("« utilisateur » doit être une personne de l'annuaire (reçu : "
                                 f"{nature(utilisateur)}).")
        if isinstance(historique, str) or not all(isinstance(h, str) for h in historique):
            raise ValeurInvalide("« historique » doit être une liste d'empreintes (des textes), "
                                 "la plus récente d'abord.")
        if verifier is not None and not callable(verifier):
            raise ValeurInvalide("« verifier » doit être une fonction verifier(clair, empreinte).")
        contexte = ContexteValidation(tuple(historique), verifier)
        bloquantes = [r for r in self.regles if getattr(r, "bloquante", False)]
        autres = [r for r in self.regles if not getattr(r, "bloquante", False)]
        echecs: list[Echec] = []
        for regle in bloquantes:
            echecs += regle.valider(mot_de_passe, utilisateur, contexte)
        if echecs:
            return ResultatPolitique(tuple(echecs))
        for regle in autres:
            echecs += regle.valider(mot_de_passe, utilisateur, contexte)
        return ResultatPolitique(tuple(echecs))

    def aides(self) -> list[str]:
        """Le texte d'aide de chaque règle, en français (pour le formulaire de changement)."""
        return [regle.aide() for regle in self.regles]

    def codes(self) -> tuple[str, ...]:
        """Tous les codes d'échec que cette politique peut produire."""
        return tuple(c for r in self.regles for c in getattr(r, "codes", ()))

    def ages_maximaux(self) -> list[AgeMaximal]:
        return [r for r in self.regles if isinstance(r, AgeMaximal)]

    def echeance(self, dernier_changement: datetime) -> datetime | None:
        """Quand le mot de passe expire (``None`` sans renouvellement imposé)."""
        ages = self.ages_maximaux()
        return min(a.echeance(dernier_changement) for a in ages) if ages else None

    def expire(self, dernier_changement: datetime, maintenant: datetime) -> bool:
        """Le mot de passe a-t-il dépassé l'âge maximal (règle :class:`AgeMaximal`) ?
        Toujours ``False`` sans telle règle (recommandation de la CNIL)."""
        for nom, valeur in (("dernier_changement", dernier_changement),
                            ("maintenant", maintenant)):
            if not isinstance(valeur, datetime):
                raise ValeurInvalide(f"« {nom} » doit être une date et heure (datetime).")
        return any(a.expire(dernier_changement, maintenant) for a in self.ages_maximaux())

    def echec_expiration(self) -> Echec | None:
        """L'échec « mot de passe expiré » à afficher, ou ``None`` sans renouvellement imposé."""
        ages = self.ages_maximaux()
        return min(ages, key=lambda a: a.jours).echec_expiration() if ages else None

    def __repr__(self) -> str:
        return f"PolitiqueMotDePasse([{', '.join(map(repr, self.regles))}])"

    # -- politiques toutes faites --------------------------------------------------------------
    @classmethod
    def ent_par_defaut(cls) -> PolitiqueMotDePasse:
        """La politique d'un ENT qui bloque le compte après des échecs (CNIL 2022-100, cas n° 2 :
        « mot de passe et restriction d'accès au compte », 50 bits, exemple : au moins
        8 caractères de 3 des 4 types), complétée par les critères du SDET : liste de mots de
        passe courants, attributs de l'utilisateur, pas de réutilisation des 5 derniers. Pas de
        renouvellement périodique imposé (la CNIL ne le recommande plus pour les comptes
        ordinaires, seulement pour les comptes à privilèges). Le blocage lui-même (5 échecs →
        15 minutes, un réglage de l'ENT comme sur un ENT réel, pas un chiffre de la CNIL)
        relève de l'authentification, pas de la politique."""
        return cls([LongueurMaximale(128), LongueurMinimale(8), TypesDeCaracteres(3, 4),
                    MotDePasseCourant(), AttributsUtilisateur(), NonReutilisation(5)])

    @classmethod
    def cnil_mot_de_passe_seul(cls) -> PolitiqueMotDePasse:
        """CNIL 2022-100, cas n° 1 « mot de passe seul » : au moins 80 bits d'entropie (12
        caractères des 4 types, 14 caractères sans caractère spécial, ou phrase de 7 mots),
        plus les critères du SDET (liste, attributs, non-réutilisation)."""
        return cls([LongueurMaximale(128), EntropieMinimale(80), MotDePasseCourant(),
                    AttributsUtilisateur(), NonReutilisation(5)])

    @classmethod
    def permissive(cls) -> PolitiqueMotDePasse:
        """Une politique laxiste « d'avant » (4 caractères suffisent), pour montrer en cours ce
        qu'une vraie politique empêche. À ne jamais utiliser comme politique réelle."""
        return cls([LongueurMaximale(128), LongueurMinimale(4)])


def politique_par_defaut() -> PolitiqueMotDePasse:
    """La politique par défaut de l'ENT simulé (:meth:`PolitiqueMotDePasse.ent_par_defaut`)."""
    return PolitiqueMotDePasse.ent_par_defaut()


__all__ = ["PolitiqueMotDePasse", "politique_par_defaut"]
