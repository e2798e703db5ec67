"""Choisir et changer un mot de passe : par l'utilisateur (l'ancien, puis le nouveau) ou par
l'administrateur, toujours contrôlé par la politique de mot de passe.

* SDET, document 2, « Mots de passe » : jamais stockés en clair (seule l'empreinte est
  gardée, :mod:`entsim.authentification.hachage`) ; politique de mot de passe (dureté,
  pas de réutilisation des précédents ni d'attribut de l'utilisateur —
  :mod:`entsim.authentification.mots_de_passe.politique`). Les anciennes empreintes sont gardées
  (:data:`~entsim.authentification.comptes.TAILLE_HISTORIQUE`) pour refuser une réutilisation.
* Un mauvais ancien mot de passe compte comme un échec pour le blocage
  (:mod:`entsim.authentification.verrouillage`), et le nouveau n'est alors pas comparé aux
  anciens.

:class:`ChangementMotDePasse` est une partie de
:class:`entsim.authentification.service.Authentification` (classe mère).
"""

from __future__ import annotations

from datetime import datetime

from entsim.authentification.etat import EtatAuthentification
from entsim.authentification.comptes import (TAILLE_HISTORIQUE, Compte, EmpreinteAncienne,
                                             EtatCompte, Probleme, ResultatChangement, _resultat)
from entsim.authentification.hachage import LONGUEUR_MAX_MOT_DE_PASSE, verifier_mot_de_passe_saisi
from entsim.etablissement.annuaire import Personne


class ChangementMotDePasse(EtatAuthentification):
    """Définir (administrateur) et changer (utilisateur) le mot de passe d'un compte."""

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


__all__ = ["ChangementMotDePasse"]
