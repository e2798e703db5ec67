"""Scénario « rançongiciel » : les documents de l'ENT chiffrés, et ce que les sauvegardes
permettent de récupérer.

Un jeudi à 14 h, un rançongiciel, entré par une pièce jointe ouverte sur un poste
d'administration, atteint le serveur de fichiers de l'ENT : il rend illisible chaque
document de l'espace documentaire et des casiers. Le chiffrement est **simulé** : l'ENT ne
stocke aucun octet (:mod:`entsim.services._fichiers`), le rançongiciel renomme chaque
fichier (« .verrouille ») et son type devient « illisible » ; aucune vraie cryptographie.

Le rançongiciel et les sauvegardes agissent **sous** l'application, sur le stockage du
serveur : ils ne passent pas par les règles d'accès du service (c'est ce qui les rend
dangereux) ; le journal garde une ligne par document réécrit (surveillance des fichiers du
serveur), par sauvegarde et par restauration.

* **sans parade** : la seule copie est sur le même serveur, chiffrée avec le reste : rien ne
  se restaure ;
* **avec parade** : une sauvegarde **quotidienne** à 22 h, gardée hors ligne (hors de portée
  du rançongiciel), et une sauvegarde hebdomadaire en début de semaine. On restaure celle de la
  veille : seuls les documents déposés depuis sont perdus.

Sources : page du ministère sur l'ENT (2022, document 004 du cours) : risque d'atteinte à
l'intégrité (« un virus détruit des données ») ; RGPD, art. 32.1 c) : « des moyens permettant
de rétablir la disponibilité des données à caractère personnel et l'accès à celles-ci dans
des délais appropriés en cas d'incident physique ou technique » ; ANSSI et CNIL
(sensibilisation aux rançongiciels) : sauvegardes régulières, dont une copie déconnectée.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from entsim.attaques.scenario import FAMILLE_INTEGRITE, Issue, Risque, Scenario
from entsim.ent import ENT
from entsim.etablissement.generation import PERSONAS
from entsim.socle.texte import accorder

__all__ = ["Rancongiciel", "Sauvegarde", "SCENARIOS", "EXTENSION"]

#: Ce que le rançongiciel ajoute au nom de chaque fichier.
EXTENSION = ".verrouille"
TYPE_ILLISIBLE = ("application/octet-stream", "Fichier chiffré (illisible)")
POSTE_SERVEUR = "Serveur de fichiers de l'ENT"

#: Les dépôts de la semaine : (jour après lundi, heure, qui (rôle), où, nom, taille en Ko).
_DEPOTS = (
    (0, 10, "eleve", "documents", "Fiche_lecture_Candide.odt", 24),
    (0, 17, "autre_eleve", "casier", "Devoir_SIG_1_Bernard.ipynb", 40),
    (1, 11, "professeur_principal", "documents", "Corrige_devoir_1.pdf", 180),
    (1, 18, "eleve", "casier", "Devoir_SIG_1_Martin.ipynb", 38),
    (2, 9, "eleve_fratrie", "documents", "Expose_RGPD.odp", 520),
    (2, 16, "professeur_principal", "documents", "Sujet_bac_blanc.pdf", 240),
    (3, 8, "eleve", "documents", "Rapport_de_stage_v3.odt", 96),
    (3, 11, "autre_eleve", "casier", "Devoir_SIG_2_Bernard.ipynb", 44),
)
#: L'attaque : jeudi (3 jours après lundi) à 14 h.
_ATTAQUE = (3, 14)


@dataclass(frozen=True)
class Sauvegarde:
    """Une copie des documents, datée, gardée hors ligne (ou non)."""

    instant: datetime
    nature: str            # « quotidienne », « hebdomadaire »
    elements: dict
    depots: list

    @property
    def documents(self) -> set[tuple[str, int]]:
        return _documents(self.elements, self.depots)


def _documents(elements: dict, depots: list) -> set[tuple[str, int]]:
    return ({("espace_documentaire", n) for n, e in elements.items() if e.fichier is not None}
            | {("casier", d.numero) for d in depots})


class Rancongiciel(Scenario):
    """Un rançongiciel chiffre les documents ; les sauvegardes les rendent."""

    code = "rancongiciel"
    titre = "Un rançongiciel chiffre les documents de l'ENT"
    histoire = (
        "Jeudi, 14 h : un rançongiciel, entré par une pièce jointe ouverte sur un poste "
        "d'administration, atteint le serveur de fichiers de l'ENT. Tous les documents de "
        "l'espace documentaire et des casiers deviennent illisibles ; un message réclame une "
        "rançon. Que peut-on récupérer, et que perd-on ?")
    famille = FAMILLE_INTEGRITE
    cause = "humaine"
    parade = (
        "Des sauvegardes régulières gardées hors ligne (quotidienne à 22 h, hebdomadaire le "
        "dimanche), hors de portée d'un rançongiciel, et une restauration testée : RGPD, "
        "art. 32.1 c) (rétablir la disponibilité des données après un incident) ; ANSSI et "
        "CNIL : sauvegardes régulières dont une copie déconnectée. On perd ce qui a été "
        "déposé depuis la dernière sauvegarde.")
    sources = (
        "Page du ministère sur l'ENT (2022, document 004) : risques d'atteinte à l'intégrité "
        "(un virus détruit des données).",
        "RGPD, art. 32.1 c) : moyens de rétablir la disponibilité des données et l'accès à "
        "celles-ci dans des délais appropriés.",
        "ANSSI et ministère de la Justice, « Attaques par rançongiciels, tous concernés » "
        "(2020) : sauvegardes régulières, dont une hors ligne.",
    )
    indices = (
        "Comptez les lignes « Document rendu illisible (chiffré) » du journal.",
        "Quelle est la dernière sauvegarde avant jeudi 14 h ? Qu'a-t-on déposé depuis ?",
    )
    risque_avant = Risque(
        3, 3,
        "Importante : devoirs, rapports, sujets perdus pour tout l'établissement.",
        "Importante : une pièce jointe piégée suffit, et rien n'est sauvegardé ailleurs.")
    risque_apres = Risque(
        2, 3,
        "Limitée : on ne perd que les documents déposés depuis la dernière sauvegarde.",
        "Importante : la vraisemblance ne change pas, seules les conséquences diminuent.")

    def _fabriquer_ent(self, avec_parade: bool) -> ENT:
        return ENT.demo(self.graine, cout="rapide")

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        espace, casier = ent.service("espace_documentaire"), ent.service("casier")
        lundi = ent.horloge.maintenant().replace(hour=0, minute=0, second=0)
        destinataire = PERSONAS["professeur_principal"].identifiant
        sauvegardes: list[Sauvegarde] = []
        if avec_parade:     # la sauvegarde hebdomadaire, en début de semaine
            sauvegardes.append(self._sauvegarder(ent, "hebdomadaire"))
        evenements = [(lundi + timedelta(days=j, hours=h), "depot", (qui, ou, nom, ko))
                      for j, h, qui, ou, nom, ko in _DEPOTS]
        if avec_parade:
            evenements += [(lundi + timedelta(days=j, hours=22), "sauvegarde", None)
                           for j in range(_ATTAQUE[0])]
        attaque = lundi + timedelta(days=_ATTAQUE[0], hours=_ATTAQUE[1])
        for instant, sorte, detail in sorted(evenements, key=lambda e: e[0]):
            if instant >= attaque:
                break
            ent.horloge.avancer((instant - ent.horloge.maintenant()).total_seconds())
            if sorte == "sauvegarde":
                sauvegardes.append(self._sauvegarder(ent, "quotidienne"))
                continue
            qui, ou, nom, ko = detail
            ident = PERSONAS[qui].identifiant
            if ou == "casier":
                casier.deposer(ident, destinataire, nom, ko * 1024)
            else:
                espace.deposer(ident, nom, ko * 1024)
        ent.horloge.avancer((attaque - ent.horloge.maintenant()).total_seconds())
        avant = _documents(espace._elements, casier._depots)
        chiffres_docs = self._chiffrer(ent)
        self.sauvegardes = tuple(sauvegardes)
        chiffres = {"documents": len(avant), "chiffres": chiffres_docs,
                    "sauvegardes": len(sauvegardes)}
        if not sauvegardes:
            chiffres.update(restaures=0, perdus=len(avant))
            return Issue(True, (
                f"{accorder(chiffres_docs, 'document rendu illisible', 'documents rendus illisibles')}"
                " ; la seule copie était sur le même serveur, chiffrée elle aussi : rien ne se "
                f"restaure, les {len(avant)} documents sont perdus (ou il faut payer, sans "
                "garantie)."), chiffres)
        derniere = sauvegardes[-1]
        ent.avancer(heures=2)
        espace._elements = copy.deepcopy(derniere.elements)
        casier._depots = copy.deepcopy(derniere.depots)
        perdus = avant - derniere.documents
        ent.journal.enregistrer(
            "sauvegarde_restauree", identite=PERSONAS["gestionnaire"].identifiant,
            poste=POSTE_SERVEUR, resultat="info",
            detail=(f"Sauvegarde {derniere.nature} du {derniere.instant:%d/%m/%Y à %H:%M} "
                    f"restaurée : {accorder(len(derniere.documents), 'document')} ; "
                    f"{accorder(len(perdus), 'document perdu', 'documents perdus')} (déposés "
                    "depuis)."))
        hebdo = sauvegardes[0]
        chiffres.update(restaures=len(derniere.documents), perdus=len(perdus),
                        perdus_avec_seule_hebdomadaire=len(avant - hebdo.documents))
        return Issue(False, (
            f"{accorder(chiffres_docs, 'document rendu illisible', 'documents rendus illisibles')}"
            f", puis la sauvegarde {derniere.nature} du {derniere.instant:%d/%m à %H h} est "
            f"restaurée : {len(derniere.documents)} documents retrouvés, "
            f"{accorder(len(perdus), 'document perdu', 'documents perdus')} (déposés jeudi "
            f"matin, après la sauvegarde). Avec la seule sauvegarde hebdomadaire, on en aurait "
            f"perdu {len(avant - hebdo.documents)}."), chiffres)

    def _sauvegarder(self, ent: ENT, nature: str) -> Sauvegarde:
        espace, casier = ent.service("espace_documentaire"), ent.service("casier")
        copie = Sauvegarde(ent.horloge.maintenant(), nature, copy.deepcopy(espace._elements),
                           copy.deepcopy(casier._depots))
        ent.journal.enregistrer(
            "sauvegarde_effectuee", poste=POSTE_SERVEUR, resultat="info",
            detail=(f"Sauvegarde {nature} hors ligne : "
                    f"{accorder(len(copie.documents), 'document')}."))
        return copie

    def _chiffrer(self, ent: ENT) -> int:
        """Rend chaque document illisible (simulation : nouveau nom, type illisible)."""
        espace, casier = ent.service("espace_documentaire"), ent.service("casier")
        nombre = 0
        for element in espace._elements.values():
            if element.fichier is not None:
                element.nom += EXTENSION
                element.fichier = replace(element.fichier, nom=element.nom,
                                          type_mime=TYPE_ILLISIBLE[0],
                                          libelle_type=TYPE_ILLISIBLE[1])
                nombre += 1
                self._tracer(ent, f"espace documentaire : « {element.nom} »")
        for position, depot in enumerate(casier._depots):
            fichier = replace(depot.fichier, nom=depot.fichier.nom + EXTENSION,
                              type_mime=TYPE_ILLISIBLE[0], libelle_type=TYPE_ILLISIBLE[1])
            casier._depots[position] = replace(depot, fichier=fichier)
            nombre += 1
            self._tracer(ent, f"casier : « {fichier.nom} »")
        return nombre

    @staticmethod
    def _tracer(ent: ENT, objet: str) -> None:
        ent.journal.enregistrer("document_chiffre", poste=POSTE_SERVEUR, resultat="echec",
                                detail="Contenu réécrit par un processus inconnu : le "
                                       "fichier ne s'ouvre plus.", objet=objet)


SCENARIOS = (Rancongiciel,)
