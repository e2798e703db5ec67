"""L'état partagé du service d'authentification, déclaré une seule fois pour ses parties.

:class:`~entsim.authentification.service.Authentification` est assemblé de parties (classes
mères), une par responsabilité : :class:`~entsim.authentification.activation.ActivationComptes`
(première connexion), :class:`~entsim.authentification.changement.ChangementMotDePasse`,
:class:`~entsim.authentification.autres_preuves.PreuvesComplementaires` (code à usage unique,
clé) et :class:`~entsim.authentification.verrouillage.RestrictionAcces` (blocage). Chacune lit
l'état que crée le constructeur du service (horloge, journal, comptes…) et appelle des méthodes
des autres : :class:`EtatAuthentification`, leur base commune, le déclare ici pour les
lecteurs et les vérificateurs de types, sans rien définir à l'exécution.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations seulement : ce module n'importe rien à l'exécution
    from entsim.authentification.comptes import Compte, Probleme, ResultatAuthentification
    from entsim.authentification.hachage import GestionnaireEmpreintes
    from entsim.authentification.mots_de_passe.politique import PolitiqueMotDePasse
    from entsim.authentification.preuves import AutoriteCertification
    from entsim.authentification.verrouillage import RetardCroissant, Verrouillage
    from entsim.etablissement.annuaire import Etablissement, Personne
    from entsim.journal.chaine import Journal
    from entsim.socle.aleatoire import SourceAleatoire
    from entsim.socle.horloge import Horloge


class EtatAuthentification:
    """L'état du service d'authentification (créé par le constructeur
    d'``Authentification``) et les méthodes qu'une partie du service appelle chez une autre."""

    horloge: Horloge
    journal: Journal
    source: SourceAleatoire
    etablissement: Etablissement | None
    politique: PolitiqueMotDePasse
    verrouillage: Verrouillage | RetardCroissant | None
    duree_code_activation: timedelta
    _hachage: GestionnaireEmpreintes
    _comptes: dict[str, Compte]

    if TYPE_CHECKING:
        # service.py
        @property
        def autorite(self) -> AutoriteCertification: ...

        def compte(self, identifiant: str) -> Compte: ...

        def _personne(self, identifiant: str) -> Personne | None: ...

        def _probleme(self, code: str, **details: str) -> Probleme: ...

        def _resultat(self, ok: bool, code: str, identifiant: str, methode: str, *,
                      cle_message: str | None = None, bloque_jusqu_a: datetime | None = None,
                      **details: object) -> ResultatAuthentification: ...

        def _journaliser_refus(self, operation: str, ident: str, compte: Compte | None,
                               problemes: list, *, preuve_bonne: bool,
                               poste: str | None) -> None: ...

        def _controle_saisie(self, identifiant: object, secret: object, methode: str,
                             poste: str | None, service: str | None, operation: str,
                             nom_secret: str) -> ResultatAuthentification | None: ...

        def _refus_saisie(self, identifiant: object, methode: str, poste: str | None,
                          service: str | None, operation: str,
                          texte: str) -> ResultatAuthentification: ...

        def _refus_sans_compte(self, ident: str, methode: str, poste: str | None,
                               service: str | None, operation: str,
                               detail: str) -> ResultatAuthentification: ...

        def _succes(self, compte: Compte, operation: str, methode: str, poste: str | None,
                    service: str | None) -> ResultatAuthentification: ...

        def _echec(self, compte: Compte, operation: str, detail: str, *, poste: str | None,
                   service: str | None, methode: str = ...,
                   code: str = ...) -> ResultatAuthentification: ...

        # changement.py
        def _problemes_mot_de_passe(self, mot_de_passe: object, utilisateur: Personne | None,
                                    compte: Compte | None) -> list[Probleme]: ...

        def _poser_mot_de_passe(self, compte: Compte, mot_de_passe: str,
                                maintenant: datetime) -> None: ...

        # verrouillage.py
        def _refus_si_bloque(self, compte: Compte | None, poste: str | None,
                             operation: str) -> ResultatAuthentification | None: ...

        def _refus_blocage(self, compte: Compte, methode: str, poste: str | None,
                           service: str | None, tentative: str
                           ) -> ResultatAuthentification: ...

        def _actualiser_blocage(self, compte: Compte) -> None: ...

        @staticmethod
        def _cle_invalide(methode: str) -> str: ...


__all__ = ["EtatAuthentification"]
