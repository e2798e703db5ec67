"""Les demandes d'exercice des droits et leurs délais sur l'horloge simulée.

**Le délai** (RGPD, art. 12.3, obligation du responsable du traitement) : il informe la
personne des mesures prises « dans les meilleurs délais et en tout état de cause dans un délai
d'un mois à compter de la réception de la demande » ; « au besoin, ce délai peut être prolongé
de deux mois, compte tenu de la complexité et du nombre de demandes », à condition d'informer
la personne « de cette prolongation et des motifs du report dans un délai d'un mois ». S'il
ne donne pas suite, il dit pourquoi dans le même mois, et que la personne peut réclamer
auprès de la CNIL (art. 12.4, art. 77). Texte lu sur EUR-Lex (voir :mod:`entsim.rgpd.textes`).

Ce module garde le registre des demandes d'un ENT (:func:`registre_des_demandes`), leur
échéance, leur prolongation (:func:`prolonger`) et le tableau des demandes
(:func:`demandes_en_cours`, colonne « En retard » sur l'horloge simulée). Le traitement
lui-même (qui peut demander, ce qui est accepté ou refusé) est dans :mod:`entsim.rgpd.droits`.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field, replace
from datetime import datetime

import pandas as pd

from entsim.ent import ENT
from entsim.journal.conservation import mois_avant
from entsim.rgpd.textes import source
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.saisie import texte_saisi
from entsim.socle.tableaux import tableau
from entsim.socle.texte import cite, extrait

__all__ = ["DROITS", "DemandeDroit", "RegistreDemandes", "registre_des_demandes",
           "demandes_en_cours", "prolonger", "mois_apres", "STATUTS"]

#: Les droits qu'on peut exercer : code → (libellé, code de la source dans entsim.rgpd.textes).
DROITS: dict[str, tuple[str, str]] = {
    "acces": ("droit d'accès", "rgpd-15"),
    "rectification": ("droit de rectification", "rgpd-16"),
    "effacement": ("droit à l'effacement", "rgpd-17"),
    "limitation": ("droit à la limitation du traitement", "rgpd-18"),
    "opposition": ("droit d'opposition", "rgpd-21-1"),
}
STATUTS = {"en_cours": "en cours", "traitee": "traitée", "refusee": "refusée"}
MOTIF_PROLONGATION_MAX = 300


def mois_apres(instant: datetime, mois: int) -> datetime:
    """Le même jour (ou le dernier du mois) ``mois`` mois plus tard."""
    return mois_avant(instant, -mois)


def verifier_droit(droit: object) -> str:
    if isinstance(droit, str) and droit.strip().lower() in DROITS:
        return droit.strip().lower()
    raise ValeurInvalide(f"Droit inconnu : {cite(droit)} (possibles : "
                         f"{', '.join(f'« {d} »' for d in DROITS)}).", code="droit_inconnu")


@dataclass(frozen=True)
class DemandeDroit:
    """Une demande d'exercice d'un droit, datée sur l'horloge simulée."""

    numero: int
    droit: str
    demandeur: str
    concerne: str
    recue_le: datetime
    details: tuple[tuple[str, object], ...] = ()
    statut: str = "en_cours"
    prolongee_le: datetime | None = None
    motif_prolongation: str = ""
    reponse_le: datetime | None = None
    code: str = ""
    message: str = ""

    @property
    def libelle(self) -> str:
        return DROITS[self.droit][0]

    @property
    def echeance(self) -> datetime:
        """Un mois après la réception ; trois si le délai a été prolongé (art. 12.3)."""
        return mois_apres(self.recue_le, 3 if self.prolongee_le else 1)

    def en_retard(self, maintenant: datetime) -> bool:
        """Sans réponse après l'échéance (une réponse tardive reste « en retard »)."""
        fin = self.reponse_le or maintenant
        return fin > self.echeance

    def detail(self, nom: str, defaut=None):
        return dict(self.details).get(nom, defaut)


@dataclass
class RegistreDemandes:
    """Les demandes reçues par un ENT et les limitations en cours (art. 18)."""

    demandes: dict[int, DemandeDroit] = field(default_factory=dict)
    #: identifiant → (depuis, motif) : traitement limité (art. 18).
    limitations: dict[str, tuple[datetime, str]] = field(default_factory=dict)

    def ajouter(self, demande: DemandeDroit) -> DemandeDroit:
        self.demandes[demande.numero] = demande
        return demande

    def suivant(self) -> int:
        return max(self.demandes, default=0) + 1

    def demande(self, numero: object) -> DemandeDroit:
        if isinstance(numero, bool) or not isinstance(numero, int) or \
                numero not in self.demandes:
            raise Introuvable(f"Aucune demande n° {extrait(numero)}.", code="demande_inconnue")
        return self.demandes[numero]

    def mettre_a_jour(self, demande: DemandeDroit, **champs) -> DemandeDroit:
        demande = replace(demande, **champs)
        self.demandes[demande.numero] = demande
        return demande

    def est_limitee(self, identifiant: str) -> bool:
        return identifiant in self.limitations


_REGISTRES: "weakref.WeakKeyDictionary[ENT, RegistreDemandes]" = weakref.WeakKeyDictionary()


def registre_des_demandes(ent: ENT) -> RegistreDemandes:
    """Le registre des demandes de cet ENT (créé vide à la première demande)."""
    if not isinstance(ent, ENT):
        raise ValeurInvalide("Donnez l'ENT : registre_des_demandes(ent).")
    if ent not in _REGISTRES:
        _REGISTRES[ent] = RegistreDemandes()
    return _REGISTRES[ent]


def prolonger(ent: ENT, numero: int, motif: str, *, par: str) -> DemandeDroit:
    """Prolonge de deux mois le délai d'une demande en cours (art. 12.3) : possible pendant
    le premier mois seulement, avec un motif (complexité, nombre de demandes) qui est dit à
    la personne ; tracé au journal (``demande_droit_prolongee``)."""
    registre = registre_des_demandes(ent)
    demande = registre.demande(numero)
    motif = texte_saisi(motif, "motif", maximum=MOTIF_PROLONGATION_MAX)
    ent.etablissement.personne(par)
    maintenant = ent.horloge.maintenant()
    if demande.statut != "en_cours":
        raise ValeurInvalide(f"La demande n° {numero} est déjà {STATUTS[demande.statut]} : "
                             "rien à prolonger.", code="demande_close")
    if demande.prolongee_le is not None:
        raise ValeurInvalide(f"Le délai de la demande n° {numero} a déjà été prolongé : "
                             "trois mois au plus (RGPD, art. 12.3).", code="deja_prolongee")
    if maintenant > mois_apres(demande.recue_le, 1):
        raise ValeurInvalide(
            f"Trop tard : la prolongation et ses motifs doivent être dits à la personne dans "
            f"le mois qui suit la demande ({source('rgpd-12-3').reference()}) ; la demande "
            f"n° {numero} est du {demande.recue_le:%d/%m/%Y}.", code="prolongation_tardive")
    demande = registre.mettre_a_jour(demande, prolongee_le=maintenant,
                                     motif_prolongation=motif)
    ent.journal.enregistrer(
        "demande_droit_prolongee", identite=par, resultat="info",
        objet=f"demande n° {numero} ({demande.libelle})",
        detail=f"Délai porté au {demande.echeance:%d/%m/%Y} ; motif dit à la personne : "
               f"{motif}")
    return demande


COLONNES = ["Demande", "Droit", "Demandeur", "Pour", "Reçue le", "Échéance", "Prolongée",
            "Statut", "En retard", "Jours restants"]


def demandes_en_cours(ent: ENT, *, toutes: bool = False) -> pd.DataFrame:
    """Le tableau des demandes en cours (toutes avec ``toutes=True``), avec l'échéance
    légale et la colonne « En retard » calculée sur l'horloge simulée."""
    maintenant = ent.horloge.maintenant()
    e = ent.etablissement

    def nom(identifiant: str) -> str:
        return e.personne(identifiant).nom_complet if e.existe(identifiant) else identifiant

    lignes = []
    for d in sorted(registre_des_demandes(ent).demandes.values(), key=lambda d: d.numero):
        if not toutes and d.statut != "en_cours":
            continue
        restants = (d.echeance.date() - maintenant.date()).days
        lignes.append([d.numero, d.libelle, nom(d.demandeur), nom(d.concerne),
                       d.recue_le.date(), d.echeance.date(),
                       "oui" if d.prolongee_le else "non", STATUTS[d.statut],
                       "oui" if d.en_retard(maintenant) else "non",
                       restants if d.statut == "en_cours" else ""])
    return tableau(lignes, COLONNES)
