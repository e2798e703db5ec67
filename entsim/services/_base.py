"""Le socle commun de tous les services simulés (vie de l'élève, communication).

Ce module n'est pas un service du catalogue. :class:`ServiceDeBase` rassemble ce que
partagent :class:`entsim.services._vie_eleve.ServiceVieEleve` et
:class:`entsim.services._communication.ServiceSimule` :

* l'ENT et ce qu'un service y lit (annuaire, horloge simulée, service d'autorisation,
  journal), le code du service et son nom dans le catalogue ;
* un générateur de données propre au service, ``ent.aleatoire.nouveau_generateur(
  "service:<code>")`` : le même lycée donne toujours les mêmes données de démonstration ;
* le nom lisible d'une personne (« Nicolas Durand ») ;
* le contrôle d'accès : :meth:`ServiceDeBase.exiger` demande la décision au service
  d'autorisation, qui la trace au journal (SDET, traçabilité : « chaque opération datée et
  reliée à une identité »), et lève :class:`entsim.socle.erreurs.AccesRefuse` avec la raison
  française en cas de refus ; :meth:`ServiceDeBase.permis` pose la même question sans
  trace (pour choisir quoi proposer à l'écran) ;
* les crochets RGPD : :meth:`ServiceDeBase.donnees_de` (tout ce que le service détient sur
  une personne : droit d'accès, RGPD art. 15) et :meth:`ServiceDeBase.effacer_donnees_de`
  (l'oublier : départ — arrêté ENT du 30 novembre 2006 modifié, art. 6 —, effacement,
  art. 17, ou opposition, art. 21), écrits par chaque service sur ses propres données
  (:mod:`entsim.services._donnees`).
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, ClassVar

from entsim.autorisation.service import Action, ContexteAcces, Decision, Ressource
from entsim.services._donnees import DonneePersonnelle, libelle_anonyme, verifier_motif
from entsim.socle.erreurs import AccesRefuse, verifier_texte
from entsim.socle.saisie import verifier_poste

if TYPE_CHECKING:  # pragma: no cover
    from entsim.ent import ENT

#: Postes de travail situés hors de l'établissement (voir ``entsim.ent.POSTES``) : une
#: demande qui en vient a la « typologie d'accès » extérieure (SDET, conditions d'accès).
POSTES_EXTERIEURS = frozenset({"Ordinateur de la maison", "Téléphone"})


def _identifiant_verifie(methode):
    """Enveloppe un crochet RGPD : ``identifiant`` doit être un texte non vide."""
    from functools import wraps

    @wraps(methode)
    def enveloppe(self, identifiant, *args, **options):
        verifier_texte(identifiant, "identifiant")
        return methode(self, identifiant, *args, **options)

    return enveloppe


class ServiceDeBase:
    """Base d'un service simulé : l'ENT, le générateur du service, le contrôle d'accès tracé.

    :param ent: l'ENT (annuaire, horloge, hasard, catalogue, autorisation, journal).

    Deux crochets permettent à une famille de services de garder ses propres phrases :
    :meth:`_phrase_de_refus` (le message de :class:`AccesRefuse`, par défaut la raison de la
    décision telle quelle) et :meth:`_nom_absent` (ce que :meth:`nom_de` rend pour une
    personne absente de l'annuaire, par défaut son identifiant).
    """

    #: Le code du service dans le catalogue (« notes », « messagerie »…).
    code: ClassVar[str] = ""

    def __init__(self, ent: ENT) -> None:
        self.ent = ent
        self.etablissement = ent.etablissement
        self.horloge = ent.horloge
        self.autorisation = ent.autorisation
        self.journal = ent.journal

    # -- identité du service -------------------------------------------------------------
    @property
    def nom(self) -> str:
        """Le nom du service dans le catalogue (« Messagerie »)."""
        return self.ent.catalogue.service(self.code).nom

    def _generateur(self, suffixe: str = "") -> random.Random:
        """Un générateur neuf nommé ``service:<code>`` (ou ``service:<code>:<suffixe>``),
        toujours dans le même état pour la même graine de l'ENT."""
        nom = f"service:{self.code}" + (f":{suffixe}" if suffixe else "")
        return self.ent.aleatoire.nouveau_generateur(nom)

    # -- personnes -------------------------------------------------------------------------
    def nom_de(self, identifiant: str | None) -> str:
        """« Nicolas Durand » ; pour une personne absente de l'annuaire, :meth:`_nom_absent`."""
        if identifiant is not None and self.etablissement.existe(identifiant):
            return self.etablissement.personne(identifiant).nom_complet
        return self._nom_absent(identifiant)

    def _nom_absent(self, identifiant: str | None) -> str:
        """Ce qu'on affiche pour une personne qui n'est pas (ou plus) dans l'annuaire."""
        return identifiant  # type: ignore[return-value]

    # -- contrôle d'accès ------------------------------------------------------------------
    def _contexte(self, poste: str | None) -> ContexteAcces:
        """Maintenant (horloge simulée), depuis l'établissement ou l'extérieur selon le poste."""
        if poste is not None:
            verifier_poste(poste)
        lieu = "exterieur" if poste in POSTES_EXTERIEURS else "etablissement"
        return ContexteAcces(self.horloge.maintenant(), lieu, poste)

    def _phrase_de_refus(self, raison: str) -> str:
        """Le message de l'erreur levée en cas de refus, à partir de la raison de la décision."""
        return raison

    def exiger(self, identifiant: str, action: Action | str, ressource: Ressource, *,
               poste: str | None = None) -> Decision:
        """Demande l'autorisation (tracée au journal) ; lève :class:`AccesRefuse` si refus."""
        decision = self.autorisation.decider(identifiant, action, ressource,
                                             contexte=self._contexte(poste))
        if not decision.autorise:
            raise AccesRefuse(self._phrase_de_refus(decision.raison), code=decision.code,
                              decision=decision)
        return decision

    def permis(self, identifiant: str, action: Action | str, ressource: Ressource, *,
               poste: str | None = None) -> bool:
        """La même question sans trace (pour choisir quoi proposer dans une liste)."""
        return self.autorisation.evaluer(identifiant, action, ressource,
                                         contexte=self._contexte(poste)).autorise

    def _exiger_discret(self, identifiant: str, action: Action | str, ressource: Ressource, *,
                        poste: str | None = None) -> None:
        """Pour mettre en forme une donnée déjà lue par une lecture tracée (une ligne d'une
        liste affichée) : permis, rien de plus au journal ; refusé, le refus est tracé et
        :class:`AccesRefuse` levée, comme :meth:`exiger`."""
        if not self.permis(identifiant, action, ressource, poste=poste):
            self.exiger(identifiant, action, ressource, poste=poste)

    # -- crochets RGPD ---------------------------------------------------------------------
    def __init_subclass__(cls, **options) -> None:
        """Chaque service écrit ses propres crochets RGPD ; l'identifiant y est vérifié une
        fois pour toutes, ici (un texte : jamais une liste, un nombre ou ``None``, qui
        donneraient une erreur Python brute au milieu de la recherche)."""
        super().__init_subclass__(**options)
        for nom in ("donnees_de", "effacer_donnees_de"):
            if nom in cls.__dict__:
                setattr(cls, nom, _identifiant_verifie(cls.__dict__[nom]))

    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Tout ce que ce service détient sur la personne ``identifiant`` : les données qui la
        concernent et ses contributions (RGPD, art. 15 : droit d'accès). Aucune autorisation
        n'est demandée ni tracée : c'est l'outil du responsable du traitement, appelé par
        :mod:`entsim.rgpd` qui trace la demande. Chaque service l'écrit sur ses données."""
        raise NotImplementedError(f"Le service {self.code} ne sait pas dire ce qu'il détient.")

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Efface ou anonymise ce que ce service détient sur ``identifiant`` ; renvoie le
        nombre de données effacées ou anonymisées. ``motif`` : un code de
        :data:`entsim.services._donnees.MOTIFS_EFFACEMENT` (``"depart"``, ``"effacement"``,
        ``"opposition"``). Rien n'est écrit au journal ici : l'appelant (:mod:`entsim.rgpd`)
        trace une ligne, au nom de qui a décidé. Après l'appel, :meth:`donnees_de` ne rend
        plus rien pour ``identifiant``."""
        verifier_motif(motif)
        raise NotImplementedError(f"Le service {self.code} ne sait pas effacer.")

    def _anonyme(self, identifiant: str) -> str:
        """Ce qui remplace ``identifiant`` dans les données des autres (« Ancien élève »)."""
        return libelle_anonyme(self.etablissement, identifiant)
