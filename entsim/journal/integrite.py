"""Intégrité du journal : ce que prouve une chaîne d'empreintes, et ce qu'il lui faut en plus.

**Ce que demandent les textes.** Le SDET (CERTA 2013, document 2, « Traçabilité des opérations
AAS ») exige des journaux « exploitables » qui permettent « à tout moment » de dater une
opération, de l'associer à une identité et de reconstituer la chaîne des opérations d'une
identité ; il ne dit pas comment les protéger. La CNIL, dans sa recommandation relative à la
journalisation (délibération n° 2021-122 du 14 octobre 2021, publiée au JO du 30 octobre
2021), *recommande* — ce n'est pas une obligation — de conserver les journaux de six mois à
un an, et de les garder à part du système qu'ils surveillent.

**Pourquoi une chaîne d'empreintes seule ne prouve rien contre celui qui l'écrit.** Chaque
ligne porte l'empreinte SHA-256 de son contenu et de l'empreinte de la ligne précédente.
Modifier, supprimer ou insérer une ligne *sans rien recalculer* casse un lien : la chaîne le
montre. Mais SHA-256 est public, sans secret : celui qui peut écrire le journal (un
administrateur, un intrus qui a pris sa place) peut aussi

* supprimer les dernières lignes : la chaîne qui reste est intacte (aucun lien ne pointe
  vers une ligne future) ;
* modifier une ligne puis recalculer toutes les empreintes qui suivent (et renuméroter) :
  il obtient une chaîne parfaitement cohérente, mais fausse.

Une chaîne qui se vérifie prouve seulement qu'elle est cohérente avec elle-même. Pour
qu'elle prouve quelque chose, il faut une information **que l'auteur du journal ne peut pas
refaire** :

1. un **sceau conservé ailleurs** (:class:`Sceau`) : le numéro d'une ligne et son empreinte,
   notés à un instant donné et gardés hors de portée de l'auteur (imprimés, envoyés au
   délégué à la protection des données, publiés). L'empreinte de la ligne n résume toutes les
   lignes 1 à n : toute modification de ce début, même recalculée, et toute troncature
   sous la ligne n se voient. Les lignes ajoutées ensuite ne sont pas couvertes, mais ne
   déclenchent pas non plus de fausse alerte : c'est un point de contrôle ;
2. une **chaîne à clé** (HMAC-SHA256, RFC 2104) dont la clé est détenue par un tiers, le
   :class:`~entsim.journal.notaire.Notaire` (le DPO, ou un service d'horodatage comme ceux
   de la RFC 3161) : sans la clé, impossible de recalculer la chaîne, et le notaire
   n'authentifie que la ligne suivante de la chaîne qu'il tient (il ne ré-authentifie pas
   une chaîne réécrite), datée par sa propre horloge. Elle ne révèle pas
   seule une troncature de la fin : il lui faut encore des sceaux, que le notaire signe et
   garde dans son registre.

**Purge.** La durée de conservation impose d'effacer les lignes anciennes ; la purge laisse
un point de départ (l'ancre : numéro et empreinte de la dernière ligne effacée) et une ligne
« purge » chaînée qui le mentionne, pour que le journal restant se vérifie encore.
"""

from __future__ import annotations

import json
import re
from json.encoder import c_make_encoder, encode_basestring_ascii
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.socle.texte import accorder, cite, nature

if TYPE_CHECKING:  # annotations seulement : le journal importe ce module, pas l'inverse
    from entsim.journal.chaine import EntreeJournal

#: Empreinte « précédente » de la toute première entrée.
EMPREINTE_INITIALE = "0" * 64

#: Opération journalisée par une purge (voir :meth:`Journal.purger`).
OPERATION_PURGE = "journal_purge"

#: Au-delà, le message d'une vérification résume au lieu d'énumérer.
ANOMALIES_AFFICHEES = 5

_EMPREINTE = re.compile(r"[0-9a-f]{64}")


def codage_canonique(champs: Sequence[object]) -> str:
    """Le texte haché d'une ligne : le JSON canonique (compact, en ASCII) de ses champs typés.

    Le codage est *injectif* (deux lignes différentes ne donnent jamais le même texte) :
    ``None``, ``""``, ``[]`` et ``0`` s'écrivent ``null``, ``""``, ``[]`` et ``0`` ; chaque
    texte est entre guillemets, ses « " » et « \\ » échappés, si bien qu'un « | » ou une
    virgule ne peut pas passer d'un champ à l'autre sans changer l'empreinte. Un champ
    falsifié d'un type inattendu se code aussi (par son type et sa représentation) : la
    vérification le signale comme une ligne modifiée au lieu de planter.
    """
    try:
        return "".join(_CODEUR(champs, 0))
    except (TypeError, ValueError, RecursionError):   # clé de dictionnaire exotique, cycle…
        return "repr:" + json.dumps([f"{type(c).__qualname__}:{c!r}" for c in champs])


def _valeur_inattendue(valeur: object) -> dict[str, str]:
    return {"type": type(valeur).__qualname__, "repr": repr(valeur)}


def _encodeur() -> Callable[[object, int], Iterable[str]]:
    """Le codeur JSON compact (morceaux de texte), construit une seule fois : ``json.dumps``
    avec des options en reconstruit un à chaque appel, six fois plus lent sur le million de
    lignes du banc d'essai (benchmarks/bench_aas.py)."""
    if c_make_encoder is not None:
        return c_make_encoder(None, _valeur_inattendue, encode_basestring_ascii, None, ":",
                              ",", False, False, True)
    codeur = json.JSONEncoder(separators=(",", ":"), default=_valeur_inattendue)
    return lambda valeur, _niveau: codeur.iterencode(valeur)


_CODEUR = _encodeur()


class JournalAltere(ErreurENT):
    """On refuse de sceller ou de purger un journal altéré (on effacerait les preuves)."""

    def __init__(self, message: str, *, code: str = "journal_altere") -> None:
        super().__init__(message, code=code)


@dataclass(frozen=True)
class Sceau:
    """Un point de contrôle : la ligne n° ``numero`` avait l'empreinte ``empreinte``.

    Conservé hors de portée de l'auteur du journal, il atteste tout le début du journal
    (lignes 1 à ``numero``) et reste valable quand le journal grandit. Signé par un notaire
    (``signature``, HMAC-SHA256), il ne peut pas être fabriqué par l'auteur du journal.
    ``instant_ligne`` est l'heure de la ligne scellée : une purge ancrée sur ce sceau n'a
    effacé que des lignes de cet âge ou plus anciennes (voir :func:`verifier_chaine`).
    """

    numero: int                 # 0 : le journal était vide
    empreinte: str
    instant: datetime           # moment du scellement, sur l'horloge simulée
    notaire: str | None = None
    signature: str | None = None
    instant_ligne: datetime | None = None   # heure de la ligne n° ``numero``

    def __post_init__(self) -> None:
        if isinstance(self.numero, bool) or not isinstance(self.numero, int) or self.numero < 0:
            raise ValeurInvalide(f"Le numéro scellé est un numéro de ligne (reçu : "
                                 f"{cite(self.numero)}).")
        if not isinstance(self.empreinte, str) or not _EMPREINTE.fullmatch(self.empreinte):
            raise ValeurInvalide("L'empreinte scellée compte 64 caractères hexadécimaux.")
        if not isinstance(self.instant, datetime) or not (
                self.instant_ligne is None or isinstance(self.instant_ligne, datetime)):
            raise ValeurInvalide("Un sceau est daté (datetime).")

    def contenu(self) -> str:
        """Le texte signé par le notaire."""
        return codage_canonique(("sceau", self.notaire, self.numero, self.empreinte,
                                 self.instant.isoformat(),
                                 self.instant_ligne and self.instant_ligne.isoformat()))

    def __str__(self) -> str:
        texte = (f"Sceau de la ligne n° {self.numero} (empreinte {self.empreinte[:12]}…), "
                 f"posé le {self.instant:%d/%m/%Y à %H:%M:%S}")
        return texte + (f", signé par {self.notaire}" if self.signature else "")


@dataclass(frozen=True)
class Anomalie:
    """Une anomalie trouvée par la vérification du journal."""

    position: int          # rang de la ligne dans le journal tel qu'il est (à partir de 0)
    numero: int | None     # numéro porté par la ligne concernée
    nature: str            # "modifiee", "supprimee", "inseree", "sceau", "purge"
    message: str


@dataclass(frozen=True)
class VerificationJournal:
    """Résultat de :meth:`Journal.verifier`."""

    intact: bool
    anomalies: tuple[Anomalie, ...]
    nb_entrees: int
    remarques: tuple[str, ...] = ()     # ce que la vérification ne peut pas prouver
    nb_sceaux: int = 0                  # sceaux conservés confrontés au journal

    @property
    def message(self) -> str:
        if self.intact:
            if self.nb_entrees == 0:
                texte = "Journal intact : il ne contient aucune ligne."
            elif self.nb_entrees == 1:
                texte = "Journal intact : son unique ligne est correctement chaînée."
            else:
                texte = (f"Journal intact : les {self.nb_entrees} lignes sont correctement "
                         "chaînées.")
            if self.nb_sceaux:
                texte += (" " + accorder(self.nb_sceaux, "sceau conservé concorde",
                                         "sceaux conservés concordent") + " avec le journal.")
            return " ".join((texte, *self.remarques))
        affichees = self.anomalies[:ANOMALIES_AFFICHEES]
        nombre = accorder(len(self.anomalies), "anomalie détectée", "anomalies détectées")
        texte = f"Journal altéré : {nombre}. " + " ".join(a.message for a in affichees)
        reste = len(self.anomalies) - len(affichees)
        return texte + (f" … et {accorder(reste, 'autre')}." if reste else "")

    def __str__(self) -> str:
        return self.message


def lire_sceaux(sceau: object) -> list[Sceau | str]:
    """Les sceaux donnés à :meth:`Journal.verifier` : aucun, un seul, ou une liste."""
    if sceau is None:
        return []
    sceaux = list(sceau) if isinstance(sceau, (list, tuple)) else [sceau]
    for s in sceaux:
        if isinstance(s, str) and _EMPREINTE.fullmatch(s):
            continue
        if not isinstance(s, Sceau):
            raise ValeurInvalide("Le sceau est celui que vous avez conservé, obtenu avec "
                                 "journal.sceau() ou notaire.sceller(journal) (ou une ancienne "
                                 "empreinte de 64 caractères hexadécimaux) ; reçu : "
                                 f"{nature(s)}.")
    return sceaux


def verifier_chaine(entrees: Sequence[EntreeJournal], *,
                    authentique: Callable[[EntreeJournal], bool], ancre: Sceau | None,
                    sceaux: Sequence[Sceau | str] = (), notaire: str | None = None,
                    signature_valide: Callable[[Sceau], bool] | None = None,
                    plus_recent_purgeable: Callable[[datetime], datetime] | None = None,
                    suspectes: Iterable[int] | None = None) -> VerificationJournal:
    """Vérifie la chaîne (depuis l'ancre laissée par une purge), puis chaque sceau conservé.

    ``authentique`` dit si l'empreinte d'une ligne est la bonne (SHA-256 recalculé, ou HMAC
    contrôlé par le ``notaire`` du journal, dont on donne le nom : il ne *donne* pas
    l'empreinte d'une ligne quelconque) ; ``signature_valide`` (ce notaire) contrôle l'ancre
    laissée par une purge et les sceaux qu'il a signés ; ``plus_recent_purgeable(instant)``
    est l'heure de la ligne la plus récente qu'une purge faite à ``instant`` peut effacer
    (CNIL : six mois plus tôt, voir :mod:`entsim.journal.conservation`).

    ``suspectes`` (positions croissantes) : les seules lignes à examiner, quand toutes les
    autres ont déjà été recalculées et trouvées intactes et bien chaînées, par paquets
    (:func:`entsim.journal.blocs.suspectes`) ; chacune est jugée comme dans la boucle
    complète, d'après la ligne qui la précède.
    """
    anomalies: list[Anomalie] = []
    depart = ancre.empreinte if ancre is not None else EMPREINTE_INITIALE
    numero_depart = ancre.numero + 1 if ancre is not None else 1
    precedente, numero_attendu = depart, numero_depart
    examinees = (enumerate(entrees) if suspectes is None
                 else ((int(p), entrees[int(p)]) for p in suspectes))
    for position, entree in examinees:
        if suspectes is not None:
            if position == 0:
                precedente, numero_attendu = depart, numero_depart
            else:
                avant = entrees[position - 1]
                precedente, numero_attendu = avant.empreinte, avant.numero + 1
        if not authentique(entree):
            anomalies.append(Anomalie(position, entree.numero, "modifiee",
                                      f"La ligne n° {entree.numero} a été modifiée."))
        elif entree.empreinte_precedente != precedente:
            if entree.numero > numero_attendu:
                manquantes = (f"n° {numero_attendu}" if entree.numero == numero_attendu + 1
                              else f"n° {numero_attendu} à {entree.numero - 1}")
                anomalies.append(Anomalie(position, entree.numero, "supprimee",
                                          ("Ligne supprimée" if entree.numero ==
                                           numero_attendu + 1 else "Lignes supprimées")
                                          + f" avant la n° {entree.numero} ({manquantes})."))
            else:
                anomalies.append(Anomalie(position, entree.numero, "inseree",
                                          f"Ligne insérée ou déplacée en position "
                                          f"{position + 1} (elle porte le n° "
                                          f"{entree.numero})."))
        precedente = entree.empreinte
        numero_attendu = entree.numero + 1
    if ancre is not None:
        anomalies += _verifier_ancre(entrees, ancre, signature_valide, plus_recent_purgeable)
    remarques: list[str] = []
    if sceaux:
        anomalies += _confronter(entrees, ancre, sceaux, signature_valide, notaire, remarques)
    elif notaire is not None:
        remarques.append("Sans sceau conservé ailleurs, cela ne prouve pas qu'aucune ligne n'a "
                         "été supprimée à la fin du journal.")
    else:
        remarques.append("Sans sceau conservé ailleurs, cela ne prouve pas qu'aucune ligne n'a "
                         "été supprimée à la fin du journal, ni que son auteur n'a pas "
                         "recalculé toute la chaîne après une modification.")
    return VerificationJournal(not anomalies, tuple(anomalies), len(entrees),
                               tuple(remarques), len(sceaux))


def _verifier_ancre(entrees: Sequence[EntreeJournal], ancre: Sceau,
                    signature_valide: Callable[[Sceau], bool] | None,
                    plus_recent_purgeable: Callable[[datetime], datetime] | None,
                    ) -> list[Anomalie]:
    """Le point de départ laissé par une purge doit être mentionné par une ligne « purge »
    chaînée (et signé par le notaire, dans une chaîne à clé), et les lignes effacées
    devaient avoir plus de six mois à l'heure de la purge (CNIL, délibération n° 2021-122 :
    conservation de six mois à un an). Dans une chaîne à clé, l'heure de la ligne scellée
    (signée dans le sceau) et celle de la ligne « purge » sont fixées par le notaire : on ne
    peut pas faire passer l'effacement de lignes récentes pour une purge."""
    anomalies = []
    purges = [e for e in entrees if e.operation == OPERATION_PURGE and e.objet == ancre.empreinte]
    if not purges:
        anomalies.append(Anomalie(0, ancre.numero, "purge",
                                  f"Le début du journal (jusqu'à la ligne n° {ancre.numero}) a "
                                  "disparu sans qu'aucune purge ne soit journalisée."))
    elif plus_recent_purgeable is not None and isinstance(purges[0].instant, datetime):
        limite = plus_recent_purgeable(purges[0].instant)
        if ancre.instant_ligne is None and signature_valide is not None:
            anomalies.append(Anomalie(0, ancre.numero, "purge",
                                      "Le point de départ laissé par la purge ne dit pas l'heure "
                                      f"de la ligne n° {ancre.numero} : rien ne prouve que les "
                                      "lignes effacées avaient plus de six mois."))
        elif ancre.instant_ligne is not None and ancre.instant_ligne > limite:
            anomalies.append(Anomalie(0, ancre.numero, "purge",
                                      f"Fausse purge : les lignes effacées jusqu'à la n° "
                                      f"{ancre.numero} (du {ancre.instant_ligne:%d/%m/%Y à %H:%M}) "
                                      f"avaient moins de six mois le {purges[0].instant:%d/%m/%Y}, "
                                      "jour de la purge ; la CNIL recommande de conserver les "
                                      "journaux au moins six mois."))
    if signature_valide is not None and not signature_valide(ancre):
        anomalies.append(Anomalie(0, ancre.numero, "purge",
                                  "Le point de départ laissé par la purge n'est pas signé par le "
                                  "notaire : il a été fabriqué pour cacher des lignes effacées."))
    return anomalies


def _confronter(entrees: Sequence[EntreeJournal], ancre: Sceau | None,
                sceaux: Sequence[Sceau | str], signature_valide: Callable[[Sceau], bool] | None,
                notaire: str | None, remarques: list[str]) -> list[Anomalie]:
    """Confronte chaque sceau conservé au journal tel qu'il est."""
    anomalies = []
    par_numero: dict[int, tuple[int, EntreeJournal]] = {}
    for position, entree in enumerate(entrees):
        par_numero.setdefault(entree.numero, (position, entree))
    dernier = entrees[-1].numero if entrees else (ancre.numero if ancre else 0)
    for sceau in sceaux:
        if isinstance(sceau, str):
            sceau = _sceau_d_une_empreinte(sceau, entrees, ancre)
            if sceau is None:
                anomalies.append(Anomalie(len(entrees), None, "sceau",
                                          "Aucune ligne du journal ne porte l'empreinte conservée "
                                          "(le sceau) : la fin du journal a été tronquée, ou une "
                                          "ligne a été modifiée puis la chaîne recalculée."))
                continue
        if sceau.signature is not None:
            if signature_valide is None or sceau.notaire != notaire:
                remarques.append(f"La signature du sceau de la ligne n° {sceau.numero} n'est "
                                 f"vérifiable que par {sceau.notaire} : notaire.verifier(journal).")
            elif not signature_valide(sceau):
                anomalies.append(Anomalie(len(entrees), sceau.numero, "sceau",
                                          f"Le sceau de la ligne n° {sceau.numero} porte une "
                                          f"signature invalide : il n'a pas été posé par "
                                          f"{notaire}."))
                continue
        message = _ecart(sceau, par_numero, ancre, dernier, remarques)
        if message:
            position = par_numero.get(sceau.numero, (len(entrees), None))[0]
            anomalies.append(Anomalie(position, sceau.numero, "sceau", message))
    return anomalies


def _sceau_d_une_empreinte(empreinte: str, entrees: Sequence[EntreeJournal],
                           ancre: Sceau | None) -> Sceau | None:
    """Un ancien sceau (une empreinte seule) : la ligne qui la porte, s'il y en a une."""
    if empreinte == EMPREINTE_INITIALE:
        return Sceau(0, empreinte, datetime.min)
    if ancre is not None and ancre.empreinte == empreinte:
        return Sceau(ancre.numero, empreinte, ancre.instant)
    for entree in entrees:
        if entree.empreinte == empreinte:
            return Sceau(entree.numero, empreinte, entree.instant)
    return None


def _ecart(sceau: Sceau, par_numero: dict[int, tuple[int, EntreeJournal]], ancre: Sceau | None,
           dernier: int, remarques: list[str]) -> str | None:
    """Ce qui sépare le journal du sceau (``None`` s'ils concordent)."""
    n = sceau.numero
    if n == 0:
        return None if sceau.empreinte == EMPREINTE_INITIALE else \
            "Le sceau du journal vide porte une empreinte inconnue."
    if ancre is not None and n <= ancre.numero:
        if n == ancre.numero:
            return None if sceau.empreinte == ancre.empreinte else (
                f"La ligne n° {n}, effacée par la purge, ne correspond pas au sceau conservé : "
                "le début du journal avait été réécrit avant la purge.")
        remarques.append(f"Le sceau de la ligne n° {n} porte sur des lignes effacées par la "
                         f"purge (durée de conservation) ; le point de départ de la purge "
                         f"(ligne n° {ancre.numero}) a été vérifié à sa place.")
        return None
    if n > dernier:
        return (f"Le sceau conservé atteste la ligne n° {n}, mais le journal s'arrête à la "
                f"ligne n° {dernier} : sa fin a été supprimée (journal tronqué).")
    trouvee = par_numero.get(n)
    if trouvee is None:
        return f"La ligne n° {n}, attestée par le sceau conservé, a disparu du journal."
    if trouvee[1].empreinte != sceau.empreinte:
        return (f"La ligne n° {n} ne correspond plus au sceau conservé : le début du journal "
                f"(jusqu'à la ligne n° {n}) a été modifié depuis, puis la chaîne recalculée.")
    return None
