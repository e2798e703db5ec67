"""Le casier : remettre un document à une personne précise (un devoir au professeur).

Règles reproduites (application Casier d'Open ENT NG ; fiche du catalogue : « l'envoi est
horodaté et ne peut plus être modifié ni supprimé ») :

* **déposer** : l'usage du catalogue (élèves, enseignants, personnels : écriture ; parents et
  invités : aucun casier), puis la matrice de communication — on ne dépose que dans le
  casier d'une personne à qui l'on peut écrire (un élève dans celui de ses enseignants ou de
  la vie scolaire) ;
* **lire** : le propriétaire du casier voit tous les dépôts reçus ; chaque déposant ne voit
  que ses propres dépôts — un camarade ne voit rien des autres (ressource personnelle
  ``casier`` du service d'autorisation) ;
* **preuve de dépôt** : un dépôt est daté par l'horloge et définitif ; toute tentative de le
  retirer est refusée et tracée.

C'est là que l'enseignant ramasse les fiches de la séance (fichiers ``.ipynb``) avant de les
corriger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from entsim.autorisation.service import Action, Ressource, de
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.saisie import texte_saisi
from entsim.socle.texte import extrait
from entsim.etablissement.identifiants import replier
from entsim.services._communication import ServiceSimule
from entsim.services._fichiers import Fichier, fichier_simule
from entsim.services._donnees import DonneePersonnelle, numero_suivant, verifier_motif

#: Longueur maximale du commentaire joint à un dépôt.
COMMENTAIRE_MAX = 300


def fragment_de_nom(texte: str, maximum: int = 40) -> str:
    """Un morceau de nom de fichier tiré d'un nom de personne (« Martin_Lea ») : accents
    repliés, espaces changés en « _ », apostrophes ôtées ; tout autre caractère qui n'est ni
    une lettre ou un chiffre ASCII, ni « - », devient « _ » — un nom de l'annuaire ne fait
    jamais échouer le service (ni « / », ni « < », ni « : » dans un nom de fichier)."""
    nom = replier(texte).replace(" ", "_").replace("'", "")
    nom = "_".join(part.capitalize() for part in nom.split("_"))
    return re.sub(r"[^A-Za-z0-9_-]", "_", nom)[:maximum] or "Eleve"


@dataclass(frozen=True)
class Depot:
    """Un document déposé dans le casier de ``destinataire`` (définitif)."""

    numero: int
    destinataire: str
    deposant: str
    fichier: Fichier
    date: datetime
    commentaire: str = ""


class Casier(ServiceSimule):
    """Les casiers de l'établissement."""

    code = "casier"

    def _peupler(self) -> None:
        self._depots: list[Depot] = []
        e = self.etablissement
        a = self.acteurs
        h = self._hasard
        graines: list[tuple[str, str, str, int, str]] = []
        if a.classe and a.professeur_principal:
            autres = sorted(x for x in e.classes[a.classe].eleves if x != a.eleve)
            for eleve in sorted(h.sample(autres, min(5, len(autres)))):
                p = e.personne(eleve)
                nom = fragment_de_nom(f"{p.nom}_{p.prenom}")
                graines.append((eleve, a.professeur_principal, f"Exercice_rentree_{nom}.ipynb",
                                h.randint(20, 60) * 1024, "Exercice de rentrée en SIG"))
        if a.autre_eleve and a.cpe:
            graines.append((a.autre_eleve, a.cpe, "Profession_de_foi_delegue.pdf",
                            h.randint(60, 150) * 1024, "Ma candidature aux élections des "
                                                       "délégués"))
        brouillons = []
        for deposant, destinataire, nom, taille, commentaire in graines:
            if self.ent.autorisation.peut_ecrire_a(deposant, destinataire).autorise:
                brouillons.append((self._passe(1, 3), deposant, destinataire, nom, taille,
                                   commentaire))
        for instant, deposant, destinataire, nom, taille, commentaire in sorted(brouillons):
            self._depots.append(Depot(numero_suivant(d.numero for d in self._depots), destinataire, deposant,
                                      fichier_simule(nom, taille), instant, commentaire))

    # -- outils --------------------------------------------------------------------------
    def a_un_casier(self, identifiant: str) -> bool:
        """Le service casier est-il ouvert au profil de cette personne ?"""
        return self.ent.catalogue.usage(self.profil_de(identifiant), self.code) != "aucun"

    def destinataires_possibles(self, identifiant: str) -> list[str]:
        """Les personnes dans le casier desquelles on peut déposer (matrice de
        communication, et le destinataire doit avoir un casier)."""
        if not self.peut(identifiant):
            return []
        return [x for x in self.ent.autorisation.destinataires_possibles(identifiant)
                if self.a_un_casier(x)]

    def _verdict_depot(self, identifiant: str, destinataire: str) -> tuple[bool, str, str]:
        if not self.a_un_casier(destinataire):
            profil = self.profil_de(destinataire).value
            return False, "profil_non_habilite", (f"{self.nom_de(destinataire)} n'a pas de "
                                                  f"casier : le service n'est pas ouvert au "
                                                  f"profil {profil}.")
        decision = self.ent.autorisation.peut_ecrire_a(identifiant, destinataire)
        if not decision.autorise:
            return False, decision.code, ("On ne dépose que dans le casier d'une personne à "
                                          f"qui l'on peut écrire. {decision.raison}")
        return True, "autorise", (f"Dépôt possible dans le casier de "
                                  f"{self.nom_de(destinataire)} (matrice de communication).")

    # -- écriture ----------------------------------------------------------------------------
    def deposer(self, identifiant: str, destinataire: str, nom: str, taille: int,
                type_mime: str | None = None, commentaire: str = "") -> Depot:
        """Dépose un fichier (simulé) dans le casier de ``destinataire`` ; le dépôt est
        horodaté et définitif."""
        fichier = fichier_simule(nom, taille, type_mime)
        if not isinstance(destinataire, str):
            raise ValeurInvalide("Le destinataire est un identifiant, par exemple "
                                 "« nicolas.durand ».")
        self.personne(destinataire)                  # inconnu → message clair
        if destinataire == identifiant:
            raise ValeurInvalide("On ne dépose pas dans son propre casier : rangez le fichier "
                                 "dans « Mes documents ».", code="propre_casier")
        commentaire = texte_saisi(commentaire, "commentaire", maximum=COMMENTAIRE_MAX,
                                  vide_autorise=True)
        self._exiger_droit(identifiant, Action.ECRIRE,
                           f"casier {de(self.nom_de(destinataire))}",
                           self._verdict_depot(identifiant, destinataire))
        depot = Depot(numero_suivant(d.numero for d in self._depots), destinataire, identifiant, fichier,
                      self.maintenant(), commentaire)
        self._depots.append(depot)
        self._tracer("depot_casier", identifiant, f"dépôt n° {depot.numero} « {fichier.nom} »",
                     f"Casier {de(self.nom_de(destinataire))} ({fichier.taille_lisible})")
        return depot

    def retirer(self, identifiant: str, numero: int) -> None:
        """Toujours refusé : un dépôt est définitif (preuve de remise à une date). Le refus
        ne nomme le fichier qu'à son déposant et au propriétaire du casier (besoin d'en
        connaître : un camarade n'apprend rien du dépôt d'un autre)."""
        depot = self._depot(numero)
        if identifiant in (depot.deposant, depot.destinataire):
            verdict = ("action_non_permise", f"Le dépôt « {depot.fichier.nom} » est horodaté "
                       "et définitif : il ne peut plus être modifié ni supprimé.")
        else:
            verdict = ("hors_perimetre", "Ce dépôt n'est pas le vôtre : seuls son auteur et le "
                       "propriétaire du casier le voient.")
        self._exiger_droit(identifiant, Action.SUPPRIMER, f"dépôt n° {extrait(numero)}",
                           (False, *verdict))

    # -- lecture -----------------------------------------------------------------------------
    def _depot(self, numero: int) -> Depot:
        for depot in self._depots:
            if depot.numero == numero:
                return depot
        raise Introuvable(f"Aucun dépôt n° {extrait(numero)}.", code="depot_inconnu")

    def depots_recus(self, identifiant: str, de: str | None = None) -> list[Depot]:
        """Le contenu du casier de ``de`` (par défaut : le sien), du plus récent au plus
        ancien ; seul son propriétaire l'ouvre."""
        proprietaire = de or identifiant
        self._exiger(identifiant, Action.LIRE, Ressource("casier", proprietaire=proprietaire))
        return sorted((d for d in self._depots if d.destinataire == proprietaire),
                      key=lambda d: d.numero, reverse=True)

    def mes_depots(self, identifiant: str) -> list[Depot]:
        """Les dépôts faits par cette personne (sa preuve de remise)."""
        self._exiger_droit(identifiant, Action.LIRE, "mes dépôts")
        return sorted((d for d in self._depots if d.deposant == identifiant),
                      key=lambda d: d.numero, reverse=True)

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Les documents déposés dans le casier de la personne et ceux qu'elle a déposés
        dans le casier d'un autre (catégorie « documents ») : nom, taille, date, commentaire ;
        la source est le déposant."""
        donnees = []
        for d in sorted(self._depots, key=lambda d: d.numero):
            if identifiant not in (d.deposant, d.destinataire):
                continue
            if d.deposant == identifiant:
                libelle = f"Document déposé dans le casier de {self.nom_de(d.destinataire)}"
            else:
                libelle = f"Document reçu de {self.nom_de(d.deposant)}"
            valeur = f"{d.fichier.nom} ({d.fichier.taille_lisible})" + (
                f" — « {d.commentaire} »" if d.commentaire else "")
            donnees.append(DonneePersonnelle(self.code, "documents", libelle, valeur,
                                             identifiant, d.deposant, f"casier:depot:{d.numero}",
                                             d.date))
        return donnees

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Les dépôts reçus par la personne (son casier) et ceux qu'elle a faits sont
        supprimés, quel que soit le motif : un devoir remis est le document de son auteur —
        son nom figure souvent dans le nom du fichier — et l'arrêté ENT du 30 novembre 2006
        modifié (art. 6) veut les données supprimées de l'ENT après le départ. Le casier
        n'est pas un espace communautaire : rien n'y est gardé « à des fins informatives »."""
        verifier_motif(motif)
        avant = len(self._depots)
        self._depots = [d for d in self._depots
                        if identifiant not in (d.deposant, d.destinataire)]
        return avant - len(self._depots)


SERVICE = Casier
