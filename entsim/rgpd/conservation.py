"""La conservation sur l'horloge simulée : départs, purge des comptes et des données, purge du
journal, et le rapport de ce qui a été purgé.

**Les règles appliquées, et leur source.**

* Arrêté du 30 novembre 2006 modifié par l'arrêté du 13 octobre 2017 (ENT), art. 6, dans
  l'enseignement scolaire : les données d'un compte ENT « sont supprimées de l'ENT dans un
  délai de trois mois dès lors que la personne concernée n'a plus vocation à détenir un
  compte » (Légifrance, version en vigueur depuis le 22 octobre 2017,
  https://www.legifrance.gouv.fr/affichTexteArticle.do?idArticle=LEGIARTI000035856977&cidTexte=LEGITEXT000006054889).
  C'est une **obligation** ; trois mois est un maximum, l'établissement peut effacer plus tôt.
  La simulation note le départ (:func:`enregistrer_depart`) ; :func:`purger` efface ceux dont
  le délai est atteint (compte, fiche de l'annuaire, données de chaque service) et annonce
  les échéances à venir (:func:`echeancier`).
* Même article : « Les contributions personnelles laissées dans les espaces communautaires et
  espaces de stockage d'informations personnelles ou de publication ne pourront, sauf
  opposition du contributeur lors de la fermeture de son compte ENT, être conservées par
  l'établissement qu'à des fins informatives, pédagogiques ou scientifiques » (dans les
  conditions de l'article 36 de la loi du 6 janvier 1978, selon le texte cité). La purge
  les garde donc sans le nom de leur auteur (« Ancien élève » : règles de chaque service,
  :meth:`~entsim.services._base.ServiceDeBase.effacer_donnees_de`), et retire aussi leur
  contenu pour qui s'y est opposé (``oppositions=``).
* Les lignes du journal : la CNIL **recommande** (délibération n° 2021-122 du 14 octobre 2021,
  recommandation relative à la journalisation) de les conserver de six mois à un an ; la purge
  appelle :meth:`entsim.journal.chaine.Journal.purger` (un an par défaut, jamais moins de six
  mois). Les lignes qui nomment une personne partie ne sont pas effacées une à une : elles
  tracent la sécurité de l'ENT (qui a fait quoi, y compris la suppression de son compte) et
  effacer une ligne au milieu casserait la chaîne ; elles partent avec la purge du journal,
  au plus tard un an après. Le journal restant se vérifie : un sceau est pris avant et après
  la purge (``RapportPurge.sceau_avant``, ``sceau_apres``) et confronté au journal.

La purge est faite au nom du responsable du traitement, le chef d'établissement (``par=``
par défaut). Elle vérifie d'abord le journal : on ne purge pas un journal altéré (ce serait
effacer les preuves) ; sinon rien ne change.
"""

from __future__ import annotations

from entsim.autorisation.habilitations import de

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from entsim.ent import ENT
from entsim.etablissement.annuaire import Eleve, Parent, Personne
from entsim.journal.conservation import CONSERVATION_PAR_DEFAUT_MOIS, ResultatPurge, mois_avant
from entsim.journal.integrite import JournalAltere, Sceau, VerificationJournal
from entsim.rgpd.donnees import effacer_donnees_de
from entsim.rgpd.textes import source
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.tableaux import tableau
from entsim.socle.texte import accorder, cite

__all__ = ["DELAI_SUPPRESSION_MOIS", "ResultatDepart", "LignePurge", "RapportPurge",
           "enregistrer_depart", "echeance", "echeancier", "purger"]

#: Délai maximal de suppression après le départ (arrêté ENT, art. 6), en mois du calendrier.
DELAI_SUPPRESSION_MOIS = 3

_REGLE_COMPTES = "Suppression dans les trois mois après le départ"
_REGLE_DONNEES = "Données effacées"
_REGLE_CONTRIBUTIONS = ("Données effacées ; contributions laissées aux autres gardées sans le "
                        "nom de leur auteur")
_REGLE_OPPOSITION = "Données effacées ; contributions retirées (opposition du contributeur)"

#: Services où une personne laisse des contributions aux autres (messages envoyés, sujets et
#: réponses du forum, billets et commentaires, articles, événements partagés, commentaires
#: Folios) : gardées anonymes, ou retirées sur opposition (règles de chaque service).
SERVICES_CONTRIBUTIFS = frozenset({"messagerie", "forum", "blog", "actualites", "agenda",
                                   "orientation"})


def echeance(depart: date) -> date:
    """La date limite de suppression : trois mois du calendrier après ``depart`` (du 30
    novembre on va au 28 ou 29 février)."""
    rang = depart.year * 12 + depart.month - 1 + DELAI_SUPPRESSION_MOIS
    annee, mois = divmod(rang, 12)
    return depart.replace(year=annee, month=mois + 1,
                          day=min(depart.day, calendar.monthrange(annee, mois + 1)[1]))


def _date(ent: ENT, le: object, nom: str = "le") -> date:
    aujourd_hui = ent.horloge.maintenant().date()
    if le is None:
        return aujourd_hui
    if isinstance(le, datetime):
        le = le.date()
    if not isinstance(le, date):
        raise ValeurInvalide(f"« {nom} » est une date, par exemple date(2026, 7, 4) "
                             f"(reçu : {cite(le)}).")
    return le


def _decideur(ent: ENT, par: str | None) -> str:
    if par is None:
        return ent.etablissement.chef_etablissement().identifiant
    if not ent.etablissement.existe(par):
        raise ValeurInvalide(f"Qui décide ? {cite(par)} n'est pas dans l'annuaire.")
    return par


# -- départs ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ResultatDepart:
    """Résultat de :func:`enregistrer_depart`."""

    ok: bool
    code: str                        # « depart_enregistre »
    message: str
    personnes: tuple[str, ...]       # l'élève (ou la personne), puis ses responsables partis
    le: date
    echeance: date                   # date limite de suppression (arrêté ENT, art. 6)

    def __str__(self) -> str:
        return self.message


def enregistrer_depart(ent: ENT, identifiant: str, *, le: date | None = None,
                       par: str | None = None,
                       avec_responsables: bool = True) -> ResultatDepart:
    """Note qu'une personne quitte l'établissement (par défaut aujourd'hui, sur l'horloge
    simulée, jamais une date future : la purge compterait ses trois mois d'un départ qui
    n'a pas eu lieu) et le trace au journal. Un élève qui part emmène ses responsables légaux qui
    n'ont plus d'enfant dans l'établissement (``avec_responsables=True``) : eux non plus
    n'ont « plus vocation à détenir un compte » (arrêté ENT, art. 6)."""
    le = _date(ent, le)
    if le > ent.horloge.maintenant().date():
        raise ValeurInvalide(f"Un départ se note quand il a eu lieu, pas à une date future "
                             f"({le:%d/%m/%Y}) : avancez l'horloge simulée, par exemple "
                             f"ent.avancer(jours=30).", code="date_future")
    decideur = _decideur(ent, par)
    annuaire = ent.etablissement
    personne = annuaire.personne(identifiant)
    if not isinstance(avec_responsables, bool):
        raise ValeurInvalide("« avec_responsables » vaut True ou False.")
    annuaire.depart(identifiant, le)
    partis = [personne]
    if avec_responsables and isinstance(personne, Eleve):
        for responsable in annuaire.responsables_de(identifiant):
            restants = [e for e in annuaire.enfants_de(responsable.identifiant)
                        if e.date_depart is None]
            if not restants and responsable.date_depart is None:
                annuaire.depart(responsable.identifiant, le)
                partis.append(responsable)
    limite = echeance(le)
    for p in partis:
        ent.journal.enregistrer(
            "depart_enregistre", identite=decideur, objet=p.identifiant, resultat="info",
            detail=f"Départ {de(p.nom_complet)} ({p.profil.value}) le {le:%d/%m/%Y} : compte "
                   f"et données à supprimer au plus tard le {limite:%d/%m/%Y} (arrêté ENT, "
                   f"art. 6).")
    noms = ", ".join(p.nom_complet for p in partis[1:])
    message = (f"Départ {de(personne.nom_complet)} noté le {le:%d/%m/%Y}"
               + (f", avec {noms} (plus d'enfant dans l'établissement)" if noms else "")
               + f" : suppression au plus tard le {limite:%d/%m/%Y}.")
    return ResultatDepart(True, "depart_enregistre", message,
                          tuple(p.identifiant for p in partis), le, limite)


def echeancier(ent: ENT, le: date | None = None):
    """Les personnes parties : date de départ, échéance de suppression, état (« à purger »
    si l'échéance est atteinte à la date ``le``, sinon le nombre de jours restants)."""
    le = _date(ent, le)
    lignes = []
    for p in sorted(ent.etablissement.partis(), key=lambda p: (p.date_depart, p.identifiant)):
        limite = echeance(p.date_depart)
        etat = "à purger" if limite <= le else \
            f"dans {accorder((limite - le).days, 'jour')}"
        lignes.append((p.identifiant, p.nom_complet, p.profil.value, p.date_depart, limite,
                       etat))
    return tableau(lignes, ["Identifiant", "Nom", "Profil", "Départ",
                            "Suppression au plus tard le", "État"])


# -- purge ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class LignePurge:
    """Une ligne du rapport de purge : ce qui a été effacé, de qui, selon quelle règle."""

    element: str          # « Compte ENT », « Fiche de l'annuaire », « Notes », « Journal »…
    concerne: str         # identifiant (ou « — » pour le journal)
    nombre: int
    regle: str
    source: str


@dataclass(frozen=True)
class RapportPurge:
    """Ce que :func:`purger` a effacé, la règle et sa source, et l'état du journal après."""

    le: date
    lignes: tuple[LignePurge, ...]
    personnes: tuple[str, ...]              # personnes purgées
    a_venir: tuple[tuple[str, date], ...]   # (identifiant, échéance) des départs plus récents
    journal: ResultatPurge
    sceau_avant: Sceau
    sceau_apres: Sceau
    verification: VerificationJournal
    decideur: str = ""
    services: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.verification.intact

    @property
    def code(self) -> str:
        return "purge_effectuee" if (self.personnes or self.journal.nb_effacees) else \
            "rien_a_purger"

    @property
    def message(self) -> str:
        morceaux = [f"Purge du {self.le:%d/%m/%Y} : "
                    + (accorder(len(self.personnes), "personne partie effacée",
                                "personnes parties effacées") if self.personnes
                       else "aucune personne dont le délai de trois mois est atteint"),
                    accorder(self.journal.nb_effacees, "ligne du journal effacée",
                             "lignes du journal effacées")]
        if self.a_venir:
            morceaux.append(accorder(len(self.a_venir), "départ plus récent à purger plus tard",
                                     "départs plus récents à purger plus tard"))
        return " ; ".join(morceaux) + ". " + self.verification.message

    def tableau(self):
        """Le rapport en tableau : élément, personne, nombre, règle, source."""
        return tableau([(l.element, l.concerne, l.nombre, l.regle, l.source)
                        for l in self.lignes],
                       ["Élément purgé", "Concerne", "Nombre", "Règle", "Source"])

    def texte(self) -> str:
        lignes = [self.message]
        lignes += [f"- {l.element} ({l.concerne}) : {l.nombre} — {l.regle} ({l.source})"
                   for l in self.lignes]
        lignes += [f"- À purger plus tard : {ident}, au plus tard le {d:%d/%m/%Y}"
                   for ident, d in self.a_venir]
        return "\n".join(lignes)

    def __str__(self) -> str:
        return self.message


def _verifier_journal(ent: ENT) -> VerificationJournal:
    return ent.notaire.verifier(ent.journal) if ent.notaire is not None \
        else ent.journal.verifier()


def _sceller(ent: ENT) -> Sceau:
    return ent.notaire.sceller(ent.journal) if ent.notaire is not None else ent.journal.sceau()


def _purger_personne(ent: ENT, personne: Personne, decideur: str,
                     motif: str) -> tuple[list[LignePurge], dict[str, int]]:
    ident = personne.identifiant
    art6 = source("arrete-ent-6").reference()
    contributions = _REGLE_OPPOSITION if motif == "opposition" else _REGLE_CONTRIBUTIONS
    # services d'abord : le libellé anonyme (« Ancien élève ») vient du profil de l'annuaire
    bilan = effacer_donnees_de(ent, ident, motif=motif)
    lignes = [LignePurge(ent.catalogue.service(code).nom, ident, n,
                         contributions if code in SERVICES_CONTRIBUTIFS else _REGLE_DONNEES,
                         art6)
              for code, n in bilan.items()]
    ent.cas.nettoyer()       # sessions SSO expirées (huit heures au plus) : fermées
    if ident in ent.authentification:
        ent.authentification.supprimer_compte(ident)
        lignes.append(LignePurge("Compte ENT (identifiant, empreinte du mot de passe)", ident,
                                 1, _REGLE_COMPTES, art6))
    ent.etablissement.retirer(ident)
    ent.journal.enregistrer("fiche_annuaire_supprimee", identite=decideur, objet=ident,
                            resultat="info",
                            detail=f"Fiche de l'annuaire supprimée (parti le "
                                   f"{personne.date_depart:%d/%m/%Y}, arrêté ENT, art. 6).")
    lignes.append(LignePurge("Fiche de l'annuaire (identité, classe, liens)", ident, 1,
                             _REGLE_COMPTES, art6))
    total = sum(bilan.values())
    ent.journal.enregistrer(
        "donnees_purgees", identite=decideur, objet=ident, resultat="info",
        detail=f"Purge ({personne.profil.value}, parti le {personne.date_depart:%d/%m/%Y}) : "
               f"{accorder(total, 'donnée effacée ou anonymisée', 'données effacées ou anonymisées')}"
               f" dans {accorder(len(bilan), 'service')}, compte et fiche de l'annuaire "
               f"supprimés.")
    return lignes, bilan


def purger(ent: ENT, le: date | None = None, *, par: str | None = None,
           oppositions: Iterable[str] = (), journal: bool = True) -> RapportPurge:
    """Applique les durées de conservation à la date ``le`` (par défaut aujourd'hui sur
    l'horloge simulée, jamais une date future) et rend le rapport de ce qui a été purgé.

    * chaque personne partie depuis trois mois au moins (arrêté ENT, art. 6) : ses données
      dans chaque service (contributions gardées sans son nom, ou retirées si elle figure
      dans ``oppositions``), son compte, sa fiche de l'annuaire ;
    * avec ``journal=True``, les lignes du journal de plus d'un an avant ``le`` (CNIL,
      délibération n° 2021-122 : six mois à un an).

    Un sceau est pris avant et après ; le rapport donne la vérification du journal restant."""
    maintenant = ent.horloge.maintenant()
    le = _date(ent, le)
    if le > maintenant.date():
        raise ValeurInvalide(f"On ne purge pas à une date future ({le:%d/%m/%Y}) : avancez "
                             f"l'horloge simulée, par exemple ent.avancer(jours=92).",
                             code="date_future")
    decideur = _decideur(ent, par)
    if isinstance(oppositions, str):
        oppositions = [oppositions]
    try:
        opposants = set(oppositions)
    except TypeError:
        raise ValeurInvalide("« oppositions » est une liste d'identifiants.") from None
    if not isinstance(journal, bool):
        raise ValeurInvalide("« journal » vaut True (purger aussi le journal) ou False.")
    avant = _verifier_journal(ent)
    if not avant.intact:
        raise JournalAltere("On ne purge pas un journal altéré : ce serait effacer les "
                            "preuves. " + avant.message)
    sceau_avant = _sceller(ent)
    echus = [p for p in ent.etablissement.partis() if echeance(p.date_depart) <= le]
    echus.sort(key=lambda p: (p.date_depart, p.identifiant))
    # les élèves avant leurs responsables (leur fiche cite encore les liens)
    echus.sort(key=lambda p: isinstance(p, Parent))
    lignes: list[LignePurge] = []
    services: dict[str, dict[str, int]] = {}
    for personne in echus:
        motif = "opposition" if personne.identifiant in opposants else "depart"
        faites, bilan = _purger_personne(ent, personne, decideur, motif)
        lignes += faites
        services[personne.identifiant] = bilan
    limite = mois_avant(datetime.combine(le, time()), CONSERVATION_PAR_DEFAUT_MOIS)
    if journal:
        resultat = ent.journal.purger(limite, identite=decideur)
    else:
        resultat = ResultatPurge(True, "rien_a_purger", "Journal non purgé (journal=False).",
                                 0, ent.journal.ancre, None)
    if resultat.nb_effacees:
        lignes.append(LignePurge("Lignes du journal", "—", resultat.nb_effacees,
                                 f"Conservation d'un an au plus (lignes antérieures au "
                                 f"{limite:%d/%m/%Y})",
                                 source("cnil-journalisation").reference()))
    sceau_apres = _sceller(ent)
    verification = (ent.notaire.verifier(ent.journal) if ent.notaire is not None
                    else ent.journal.verifier([sceau_avant, sceau_apres]))
    a_venir = tuple((p.identifiant, echeance(p.date_depart))
                    for p in sorted(ent.etablissement.partis(),
                                    key=lambda p: (p.date_depart, p.identifiant)))
    return RapportPurge(le, tuple(lignes), tuple(p.identifiant for p in echus), a_venir,
                        resultat, sceau_avant, sceau_apres, verification, decideur, services)
