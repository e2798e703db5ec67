"""Un oracle du besoin d'en connaître, écrit d'après les textes et non d'après le code.

Les tests de propriétés (``tests/test_proprietes_autorisation.py``) posent la même question
à cet oracle et au service d'autorisation d'entsim, sur des lycées et des demandes tirés au
hasard : toute différence est soit une fuite du code, soit une erreur de lecture des textes
ici. Ce module n'importe rien de :mod:`entsim.autorisation` : il lit seulement l'annuaire
(qui est élève de quelle classe, qui est responsable de qui, qui enseigne quoi dans quelle
classe, les fonctions) et les usages du catalogue des services (``data/services.csv`` :
quelles applications l'ENT ouvre à chaque profil).

Les textes :

* **arrêté du 30 novembre 2006 modifié** (ENT), article 4 : « Peuvent être destinataires
  [des données], dans le cadre de leurs attributions et dans les limites du besoin d'en
  connaître : les élèves, en ce qui concerne leurs informations personnelles et la vie
  scolaire ; […] les personnes responsables des élèves, en ce qui concerne la vie scolaire
  des enfants dont ils ont la charge ; […] les personnels enseignants, en ce qui concerne les
  informations relatives à la scolarité de leurs élèves ; les personnels autres que les
  personnels enseignants, en ce qui concerne leurs fonctions dans l'école ou
  l'établissement ; les intervenants extérieurs, en ce qui concerne des activités scolaires
  ou périscolaires auxquelles ils participent » — cité ici [ARRÊTÉ] ;
* **avis de la CNIL sur les ENT** (graine 000, document 1) : « chaque titulaire d'un compte
  ENT ne [peut] accéder qu'aux seules informations le concernant (exemple : un parent
  d'élève ne peut avoir accès qu'aux seules informations relatives à la vie scolaire de son
  enfant telles les notes, les absences, le cahier de textes de la classe) » — [CNIL] ;
* **SDET** (graine 000, document 2), service d'autorisation : « Une action sur une ressource
  définit une habilitation […] Une ressource peut être un service applicatif, une partie de
  service […] Une condition peut être une restriction d'accès […] en fonction de l'horaire
  ou de la typologie d'accès » — [SDET] ;
* **ENT réel** (Open ENT NG / Edifice, fiche du projet) : profils Élève, Parent,
  Enseignant, Personnel, Invité et fonctions ; liens élève–responsables ; enseignant ×
  discipline × classe ; matrice de messagerie (« un parent écrit aux enseignants de la
  classe, aux personnels, à la direction ; un élève reçoit surtout ») — [ENT RÉEL] ;
* **élèves majeurs** : code civil, art. 414 (majorité à dix-huit ans accomplis) et 371-1
  (autorité parentale jusqu'à la majorité) ; circulaire n° 74-325 du 13 septembre 1974,
  reprise par les règlements intérieurs des lycées : l'élève majeur peut accomplir lui-même
  les actes qui, pour un mineur, reviennent à ses parents (justifier ses absences), et peut
  s'opposer à ce que sa famille reçoive les informations de sa scolarité — [MAJORITÉ].
  Choix documenté du projet (``entsim/autorisation/majorite.py``) : sans opposition, les
  parents gardent leur accès ; avec, ils ne consultent plus les données personnelles de
  l'élève (notes, absences, dossier, Folios) — l'information de la famille en cas
  d'absentéisme passe alors par le CPE, hors de l'ENT ; la majorité se juge à la date de la
  demande.

Où les textes se taisent, l'oracle suit les choix documentés du projet (docstrings des
services, ``entsim/services/*.py``) ; chacun est écrit dans les tables ci-dessous, avec sa
source, pour que la différence avec le code se discute sur pièces. Les principaux :
l'enseignant agit sur toute la vie scolaire de ses classes mais ne corrige pas son appel et
ne lit pas le cahier de textes des autres classes ; la CPE lit les notes (conseil de
classe) ; le secrétariat tient le dossier élève, l'intendance le lit, l'assistant
d'éducation non ; une famille signale une absence mais ne la constate pas ; le
documentaliste, l'administrateur local et le référent numérique lisent les emplois du
temps ; une vue de toute une classe n'est jamais ouverte à un élève ni à un parent ; une
partie de service inconnue n'ouvre rien.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from entsim.etablissement.annuaire import (Eleve, Enseignant, Etablissement, Fonction, Parent,
                                           Personne, Profil)

LIRE, ECRIRE, MODIFIER, SUPPRIMER = "lire", "écrire", "modifier", "supprimer"
ACTIONS = (LIRE, ECRIRE, MODIFIER, SUPPRIMER)
L = frozenset({LIRE})
LE = frozenset({LIRE, ECRIRE})
LEM = frozenset({LIRE, ECRIRE, MODIFIER})
TOUT = frozenset(ACTIONS)

#: Âge de la majorité (code civil, art. 414 : « La majorité est fixée à dix-huit ans »).
MAJORITE = 18

# -- Les rôles : le profil, plus les fonctions (ENT RÉEL) -----------------------------------
ROLE_DE_FONCTION = {
    Fonction.CHEF_ETABLISSEMENT: "direction", Fonction.ADJOINT: "direction",
    Fonction.PROFESSEUR_PRINCIPAL: "professeur_principal",
    Fonction.CPE: "cpe", Fonction.VIE_SCOLAIRE: "vie_scolaire",
    Fonction.SECRETARIAT: "secretariat", Fonction.GESTIONNAIRE: "gestionnaire",
    Fonction.DOCUMENTALISTE: "documentaliste",
    Fonction.ADMINISTRATEUR_LOCAL: "administrateur_local",
    Fonction.REFERENT_NUMERIQUE: "referent_numerique", Fonction.PARTENAIRE: "partenaire",
}
ROLE_DE_PROFIL = {Profil.ELEVE: "eleve", Profil.PARENT: "parent",
                  Profil.ENSEIGNANT: "enseignant", Profil.PERSONNEL: "personnel",
                  Profil.INVITE: "invite"}

# -- Les périmètres ----------------------------------------------------------------------------
# « soi » : ses propres données (élève) ; « enfants » : celles des enfants dont on a la
# charge (parent) ; « ses_classes » : les élèves et les classes où l'on enseigne ;
# « sa_classe » : la classe dont on est professeur principal ; « tous » : tout
# l'établissement (un personnel, dans ses fonctions).


@dataclass(frozen=True)
class Droit:
    """Ce qu'un rôle peut faire sur les données d'un service, et sur quel périmètre.

    ``par_classe`` : le rôle voit aussi la vue de toute une classe (les notes de toute la
    classe…). Pour des données personnelles, c'est réservé aux personnels qui en ont
    besoin : un élève ou un parent n'a pas à connaître les notes de ses camarades [ARRÊTÉ,
    CNIL : « les seules informations le concernant »]."""

    actions: frozenset[str]
    perimetre: str
    par_classe: bool = False


#: Données personnelles d'un élève (``eleve=…``) et leur vue par classe (``classe=…``).
DONNEES_ELEVE: dict[str, dict[str, Droit]] = {
    # [CNIL] l'élève et sa famille lisent les notes ; [ARRÊTÉ] les enseignants, pour la
    # scolarité de leurs élèves ; direction et CPE pour le suivi et les conseils de classe
    # (code de l'éducation, art. R. 421-50 : le conseil de classe, présidé par le chef
    # d'établissement, comprend les enseignants de la classe et le CPE ; choix documenté :
    # entsim/services/notes.py). Jamais d'écriture hors des enseignants ;
    # l'enseignant crée, corrige et supprime ses évaluations (usage « écriture » du
    # catalogue : toutes les actions).
    "notes": {
        "eleve": Droit(L, "soi"),
        "parent": Droit(L, "enfants"),
        "enseignant": Droit(TOUT, "ses_classes", par_classe=True),
        "professeur_principal": Droit(L, "sa_classe", par_classe=True),
        "direction": Droit(L, "tous", par_classe=True),
        "cpe": Droit(L, "tous", par_classe=True),
    },
    # entsim/services/absences.py : l'enseignant constate à l'appel ; la vie scolaire (CPE,
    # assistants d'éducation) enregistre, corrige et traite (l'enseignant ne corrige pas son
    # appel : choix documenté du projet) ; l'élève consulte les siennes ; la famille
    # consulte, justifie (partie « justificatifs », plus bas) et peut signaler une absence
    # de son enfant — CNIL, délibération n° 2017-199 du 6 juillet 2017 : les ENT
    # permettent « de signaler des absences prévisionnelles » ; catalogue : « les familles,
    # qui peuvent signaler ou justifier une absence ». (Le constat à l'appel, lui, reste à
    # l'enseignant et à la vie scolaire : c'est le service qui le réserve.)
    "absences": {
        "eleve": Droit(L, "soi"),
        "parent": Droit(LE, "enfants"),
        "enseignant": Droit(LE, "ses_classes", par_classe=True),
        "professeur_principal": Droit(L, "sa_classe", par_classe=True),
        "direction": Droit(L, "tous", par_classe=True),
        "cpe": Droit(LEM, "tous", par_classe=True),
        "vie_scolaire": Droit(LEM, "tous", par_classe=True),
    },
    # La fiche administrative (catalogue : « identité, photo, classe, options, responsables
    # légaux et leurs coordonnées », pour « gérer la scolarité de l'élève et pouvoir
    # joindre ses responsables légaux ») : tenue par le secrétariat (scolarité), corrigée
    # par la direction ; lue par l'élève, sa famille, ses enseignants, la CPE et
    # l'intendance (demi-pension, bourses : ses fonctions [ARRÊTÉ]).
    "dossier_eleve": {
        "eleve": Droit(L, "soi"),
        "parent": Droit(L, "enfants"),
        "enseignant": Droit(L, "ses_classes", par_classe=True),
        "professeur_principal": Droit(L, "sa_classe", par_classe=True),
        "direction": Droit(frozenset({LIRE, MODIFIER}), "tous", par_classe=True),
        "cpe": Droit(L, "tous", par_classe=True),
        "secretariat": Droit(LEM, "tous", par_classe=True),
        "gestionnaire": Droit(L, "tous", par_classe=True),
    },
    # entsim/services/orientation.py (Folios) : l'élève écrit dans son portfolio ; ses
    # enseignants et son professeur principal le lisent et le commentent ; sa famille le
    # lit ; direction et CPE le consultent.
    "orientation": {
        "eleve": Droit(TOUT, "soi"),
        "parent": Droit(L, "enfants"),
        "enseignant": Droit(LE, "ses_classes", par_classe=True),
        "professeur_principal": Droit(LE, "sa_classe", par_classe=True),
        "direction": Droit(L, "tous", par_classe=True),
        "cpe": Droit(L, "tous", par_classe=True),
    },
}

#: Partie « justificatifs » des absences : qui justifie (écrit) une absence. Lire suit les
#: absences elles-mêmes. [ARRÊTÉ] la famille, pour la vie scolaire de son enfant ;
#: entsim/services/absences.py : la vie scolaire enregistre aussi un justificatif papier et
#: traite les justificatifs ; un enseignant constate, il ne justifie pas.
JUSTIFICATIFS: dict[str, Droit] = {
    "parent": Droit(frozenset({ECRIRE}), "enfants"),
    "cpe": Droit(frozenset({ECRIRE, MODIFIER}), "tous"),
    "vie_scolaire": Droit(frozenset({ECRIRE, MODIFIER}), "tous"),
}
#: [MAJORITÉ] l'élève majeur justifie lui-même ses absences.
ELEVE_MAJEUR_JUSTIFIE = True

#: Données d'une classe (``classe=…``), qui ne sont pas des données personnelles d'un élève.
DONNEES_CLASSE: dict[str, dict[str, Droit]] = {
    # [CNIL] « le cahier de textes de la classe » pour la famille ; circulaire n° 2010-136
    # du 6 septembre 2010 : document officiel tenu par les enseignants de la classe, visé
    # par le chef d'établissement ; la vie scolaire le lit pour suivre le travail des
    # élèves (études, absences longues). Ce n'est pas une donnée personnelle d'un élève ;
    # un enseignant ne lit pas pour autant celui d'une classe où il n'enseigne pas
    # (« la scolarité de leurs élèves » [ARRÊTÉ] ; choix documenté du projet).
    "cahier_de_textes": {
        "eleve": Droit(L, "soi"),
        "parent": Droit(L, "enfants"),
        "enseignant": Droit(TOUT, "ses_classes"),
        "direction": Droit(L, "tous"),
        "cpe": Droit(L, "tous"),
        "vie_scolaire": Droit(L, "tous"),
    },
    # entsim/services/emploi_du_temps.py : la semaine d'une classe est lue par ses élèves,
    # leurs parents, ses enseignants et les personnels (le documentaliste, l'administrateur
    # local de l'ENT et le référent numérique compris : leurs fonctions portent sur tout
    # l'établissement — page du ministère, 2022 : le RUPN facilite avec le chef
    # d'établissement « la prise en main et l'utilisation des outils ») ; « construite et
    # modifiée par la direction ».
    "emploi_du_temps": {
        "eleve": Droit(L, "soi"),
        "parent": Droit(L, "enfants"),
        "enseignant": Droit(L, "ses_classes"),
        "personnel": Droit(L, "tous"),
        "documentaliste": Droit(L, "tous"),
        "administrateur_local": Droit(L, "tous"),
        "referent_numerique": Droit(L, "tous"),
        "direction": Droit(LEM, "tous"),
    },
}

#: Services dont une ressource a un propriétaire : seul le propriétaire y accède (secret
#: des correspondances, documents personnels, casier) [CNIL : « les seules informations le
#: concernant »]. L'emploi du temps d'un enseignant est à part (plus bas).
PERSONNELS = frozenset({"messagerie", "espace_documentaire", "casier"})

#: Le catalogue du CDI est tenu par le professeur documentaliste (entsim/services/cdi.py).
CDI_ECRIT_PAR = "documentaliste"

#: Partie de la messagerie qui désigne l'envoi d'un message à quelqu'un.
PARTIE_MESSAGE = "message"
PARTIE_JUSTIFICATIFS = "justificatifs"


# -- La demande et les règles de l'établissement ------------------------------------------------

@dataclass(frozen=True)
class Demande:
    """Qui veut faire quoi, sur quelle ressource, quand et d'où."""

    qui: str
    action: str
    service: str
    partie: str | None = None
    eleve: str | None = None
    classe: str | None = None
    proprietaire: str | None = None
    instant: datetime = datetime(2026, 9, 7, 10, 0)
    lieu: str = "etablissement"


@dataclass(frozen=True)
class Plage:
    """[SDET] une condition d'horaire : de ``debut`` à ``fin`` (exclue), ces jours-là
    (0 = lundi) ; une plage peut passer minuit."""

    debut: time
    fin: time
    jours: tuple[int, ...] = tuple(range(7))

    def satisfaite(self, d: Demande) -> bool:
        if d.instant.weekday() not in self.jours:
            return False
        t = d.instant.time()
        if self.debut < self.fin:
            return self.debut <= t < self.fin
        return t >= self.debut or t < self.fin


@dataclass(frozen=True)
class Depuis:
    """[SDET] une condition de « typologie d'accès » : depuis l'établissement ou
    l'extérieur."""

    lieu: str

    def satisfaite(self, d: Demande) -> bool:
        return d.lieu == self.lieu


@dataclass(frozen=True)
class RegleEtablissement:
    """Une règle de l'établissement : « autoriser » (une habilitation sous conditions) ou
    « refuser ». ``qui`` : ``"tous"``, un :class:`Profil`, une :class:`Fonction` ou un
    identifiant."""

    qui: object
    actions: frozenset[str]
    service: str
    partie: str | None = None
    conditions: tuple = ()
    refuser: bool = False

    def vise(self, p: Personne, d: Demande) -> bool:
        qui_ok = (self.qui == "tous" or self.qui is p.profil or self.qui in p.fonctions
                  or self.qui == p.identifiant)
        return (qui_ok and d.action in self.actions and self.service in ("*", d.service)
                and (self.partie is None or self.partie == d.partie))

    def remplie(self, d: Demande) -> bool:
        return all(c.satisfaite(d) for c in self.conditions)


@dataclass(frozen=True)
class Verdict:
    autorise: bool
    motif: str

    def __bool__(self) -> bool:
        return self.autorise


# -- L'oracle ----------------------------------------------------------------------------------

@dataclass
class Oracle:
    """Le besoin d'en connaître d'un établissement.

    :param etablissement: l'annuaire.
    :param usage: ``usage(profil, code)`` → ``"aucun"``, ``"lecture"`` ou ``"ecriture"``
        (le catalogue des services : quelles applications l'ENT ouvre à chaque profil).
    :param regles: les règles de l'établissement.
    :param oppositions: les élèves majeurs qui se sont opposés à ce que leur famille reçoive
        les informations de leur scolarité [MAJORITÉ].
    """

    etablissement: Etablissement
    usage: Callable[[Profil, str], str]
    regles: tuple[RegleEtablissement, ...] = ()
    oppositions: frozenset[str] = frozenset()
    _pp: dict[str, set[str]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for classe in self.etablissement.classes.values():
            if classe.professeur_principal:
                self._pp.setdefault(classe.professeur_principal, set()).add(classe.code)

    # -- qui est qui -----------------------------------------------------------------------
    def roles(self, p: Personne) -> set[str]:
        return {ROLE_DE_PROFIL[p.profil]} | {ROLE_DE_FONCTION[f] for f in p.fonctions}

    def majeur(self, eleve: str, le: date) -> bool:
        e = self.etablissement.personnes.get(eleve)
        return isinstance(e, Eleve) and e.age(le) is not None and e.age(le) >= MAJORITE

    def opposition(self, eleve: str, le: date) -> bool:
        """[MAJORITÉ] l'élève, majeur à cette date, s'est opposé à ce que sa famille consulte
        ses données (annuaire : ``Eleve.opposition_parents``, ou la liste ``oppositions``).
        Une opposition n'a d'effet que pendant la majorité."""
        e = self.etablissement.personnes.get(eleve)
        opposee = eleve in self.oppositions or getattr(e, "opposition_parents", False)
        return bool(opposee) and self.majeur(eleve, le)

    def classe_de(self, eleve: str) -> str | None:
        e = self.etablissement.personnes.get(eleve)
        return e.classe if isinstance(e, Eleve) else None

    def classes_de(self, p: Personne, perimetre: str) -> set[str]:
        """Les classes du périmètre (``"tous"`` : toutes)."""
        if perimetre == "tous":
            return set(self.etablissement.classes)
        if perimetre == "soi":
            return {p.classe} if isinstance(p, Eleve) else set()
        if perimetre == "enfants":
            return {self.classe_de(e) for e in getattr(p, "enfants", ())} - {None}
        if perimetre == "ses_classes":
            return set(p.classes) if isinstance(p, Enseignant) else set()
        if perimetre == "sa_classe":
            return set(self._pp.get(p.identifiant, ()))
        raise AssertionError(perimetre)

    def eleve_dans(self, p: Personne, perimetre: str, eleve: str, d: Demande) -> bool:
        """L'élève est-il dans le périmètre de cette personne ?"""
        if perimetre == "soi":
            return p.identifiant == eleve
        if perimetre == "enfants":
            # [ARRÊTÉ] « les enfants dont ils ont la charge » ; [MAJORITÉ] sauf opposition
            # d'un élève majeur.
            return isinstance(p, Parent) and eleve in p.enfants \
                and not self.opposition(eleve, d.instant.date())
        return self.classe_de(eleve) in self.classes_de(p, perimetre)

    # -- la décision -------------------------------------------------------------------------
    def decide(self, d: Demande) -> Verdict:
        p = self.etablissement.personne(d.qui)
        # [SDET] « le refus l'emporte » : une règle « refuser » dont les conditions sont
        # remplies refuse, quoi que disent les autres.
        visees = [r for r in self.regles if r.vise(p, d)]
        if any(r.refuser and r.remplie(d) for r in visees):
            return Verdict(False, "règle de refus de l'établissement")
        # Une règle « autoriser » est une habilitation *sous conditions* : pour ce qu'elle
        # vise, il faut qu'une de ses conditions soit remplie. Elle n'élargit jamais le
        # besoin d'en connaître (fiche du projet : « an authorisation rule must never widen
        # need-to-know ») : le droit intégré doit aussi l'accorder.
        autoriser = [r for r in visees if not r.refuser]
        if autoriser and not any(r.remplie(d) for r in autoriser):
            return Verdict(False, "condition d'une règle de l'établissement non remplie")
        return self.besoin_d_en_connaitre(p, d)

    def besoin_d_en_connaitre(self, p: Personne, d: Demande) -> Verdict:
        """Le droit intégré, sans règle de l'établissement."""
        if self._majeur_justifie(p, d):
            # [MAJORITÉ] l'acte que le catalogue réserve aux parents d'un mineur.
            return Verdict(True, "élève majeur : il justifie lui-même ses absences")
        usage = self.usage(p.profil, d.service)
        # Le catalogue : l'ENT n'ouvre pas l'application à ce profil, ou seulement en lecture.
        if usage == "aucun":
            return Verdict(False, "application non ouverte à ce profil (catalogue)")
        if usage == "lecture" and d.action != LIRE:
            return Verdict(False, "application en lecture seule pour ce profil (catalogue)")
        roles = self.roles(p)
        s = d.service
        if s in DONNEES_ELEVE:
            return self._donnees_eleve(p, roles, d)
        if s in DONNEES_CLASSE:
            return self._donnees_classe(p, roles, d)
        if s in PERSONNELS:
            return self._personnel(p, d)
        if d.eleve is not None or d.classe is not None or d.proprietaire is not None:
            # Corrigé (issue 10, attaque, 1.1) : l'oracle ouvrait ici l'application quel que
            # soit le sujet nommé (« les sondages de lea.martin »). Un service qui n'a pas de
            # données d'un élève, d'une classe ni d'un propriétaire n'en ouvre pas : un sujet
            # inconnu n'ouvre rien, comme une partie inconnue [SDET ; CNIL : « les seules
            # informations le concernant »].
            return Verdict(False, "ressource inconnue : pas de données d'un élève, d'une "
                                  "classe ni d'un propriétaire dans ce service")
        if s == "cdi" and d.partie is not None:
            # [SDET] le catalogue du CDI n'a pas de partie : une partie inconnue n'ouvre rien
            # (les autres applications jugent leurs parties elles-mêmes, par exemple les
            # ressources du Médiacentre, attribuées par l'établissement).
            return Verdict(False, f"partie « {d.partie} » inconnue")
        if s == "cdi" and d.action != LIRE:
            return Verdict(CDI_ECRIT_PAR in roles, "catalogue du CDI tenu par le documentaliste")
        return Verdict(True, "application ouverte à ce profil (catalogue)")

    def _sans_sujet(self, roles: set[str], table: dict[str, Droit], d: Demande) -> Verdict:
        """L'application elle-même : ouverte à qui y a un droit, pour une action qu'il a."""
        ok = any(d.action in table[r].actions for r in roles if r in table)
        return Verdict(ok, "application" + ("" if ok else " : aucun droit dans ce service"))

    def _donnees_eleve(self, p: Personne, roles: set[str], d: Demande) -> Verdict:
        table = DONNEES_ELEVE[d.service]
        if d.proprietaire is not None:
            return Verdict(False, "pas de propriétaire pour ces données")
        if d.service == "absences" and d.partie == PARTIE_JUSTIFICATIFS and d.action != LIRE:
            return self._justificatifs(p, roles, d)
        if d.partie is not None and not (d.service == "absences"
                                          and d.partie == PARTIE_JUSTIFICATIFS):
            # [SDET] « une partie de service » : une partie inconnue n'ouvre rien de plus.
            return Verdict(False, f"partie « {d.partie} » inconnue")
        if d.eleve is None and d.classe is None:
            if d.service == "absences" and self._sans_sujet(roles, JUSTIFICATIFS, d):
                return Verdict(True, "application : justifier des absences")
            return self._sans_sujet(roles, table, d)
        for role in roles & table.keys():
            droit = table[role]
            if d.action not in droit.actions:
                continue
            if d.eleve is not None and self.eleve_dans(p, droit.perimetre, d.eleve, d):
                return Verdict(True, f"{role} : {droit.perimetre}")
            if d.classe is not None and droit.par_classe \
                    and d.classe in self.classes_de(p, droit.perimetre):
                return Verdict(True, f"{role} : classe {droit.perimetre}")
        return Verdict(False, "hors du besoin d'en connaître")

    def _majeur_justifie(self, p: Personne, d: Demande) -> bool:
        return (ELEVE_MAJEUR_JUSTIFIE and d.service == "absences"
                and d.partie == PARTIE_JUSTIFICATIFS and d.action == ECRIRE
                and d.proprietaire is None and d.classe is None
                and p.identifiant == d.eleve and self.majeur(d.eleve, d.instant.date()))

    def _justificatifs(self, p: Personne, roles: set[str], d: Demande) -> Verdict:
        if d.eleve is None:
            return Verdict(False, "un justificatif concerne un élève")
        for role in roles & JUSTIFICATIFS.keys():
            droit = JUSTIFICATIFS[role]
            if d.action in droit.actions and self.eleve_dans(p, droit.perimetre, d.eleve, d):
                return Verdict(True, f"{role} justifie")
        return Verdict(False, "ne justifie pas les absences de cet élève")

    def _donnees_classe(self, p: Personne, roles: set[str], d: Demande) -> Verdict:
        table = DONNEES_CLASSE[d.service]
        if d.partie is not None or d.eleve is not None:
            return Verdict(False, "ressource inconnue")
        if d.proprietaire is not None:
            # L'emploi du temps d'un enseignant : lui-même (lire) et ceux qui voient celui de
            # tout l'établissement — entsim/services/emploi_du_temps.py.
            if d.service != "emploi_du_temps":
                return Verdict(False, "pas de propriétaire pour ces données")
            soi = d.action == LIRE and p.identifiant == d.proprietaire
            tous = any(d.action in table[r].actions and table[r].perimetre == "tous"
                       for r in roles & table.keys())
            return Verdict(soi or tous, "emploi du temps d'un enseignant")
        if d.classe is None:
            return self._sans_sujet(roles, table, d)
        for role in roles & table.keys():
            droit = table[role]
            if d.action in droit.actions and d.classe in self.classes_de(p, droit.perimetre):
                return Verdict(True, f"{role} : {droit.perimetre}")
        return Verdict(False, "hors du besoin d'en connaître")

    def _personnel(self, p: Personne, d: Demande) -> Verdict:
        if d.service == "messagerie" and d.partie == PARTIE_MESSAGE:
            if d.action != ECRIRE or d.proprietaire is None:
                return Verdict(False, "on écrit un message, on ne fait rien d'autre")
            ok, pourquoi = self.peut_ecrire(p, self.etablissement.personne(d.proprietaire))
            return Verdict(ok, pourquoi)
        if d.partie is not None or d.eleve is not None or d.classe is not None:
            return Verdict(False, "ressource inconnue")
        if d.proprietaire is None:
            return Verdict(True, "application ouverte à ce profil (catalogue)")
        return Verdict(d.proprietaire == p.identifiant, "seul le propriétaire y accède")

    # -- la matrice de messagerie [ENT RÉEL] -------------------------------------------------
    def peut_ecrire(self, exp: Personne, dest: Personne) -> tuple[bool, str]:
        """Qui écrit à qui, réglages par défaut : un élève reçoit surtout (il écrit à ses
        responsables, à ses enseignants et à la vie scolaire) ; un parent écrit à ses
        enfants, aux enseignants de ses enfants et aux personnels ; un enseignant aux élèves
        et aux parents de ses classes et à tous les adultes de l'établissement ; un
        personnel à tous ; un invité aux enseignants et à la direction."""
        e = self.etablissement
        a, b = exp.profil, dest.profil
        if exp.identifiant == dest.identifiant:
            # Choix documenté du projet (entsim/autorisation/messagerie.py) : s'écrire à
            # soi-même (brouillon, pense-bête) ne communique rien à personne.
            return True, "à soi-même"
        if a is Profil.PERSONNEL:
            return True, "un personnel écrit à tous"
        if a is Profil.ELEVE:
            if b is Profil.PARENT:
                return exp.identifiant in dest.enfants, "ses responsables légaux"
            if b is Profil.ENSEIGNANT:
                return exp.classe in dest.classes, "ses enseignants"
            if b is Profil.PERSONNEL:
                return bool({"cpe", "vie_scolaire"} & self.roles(dest)), "la vie scolaire"
            return False, "un élève n'écrit ni aux élèves ni aux invités"
        if a is Profil.PARENT:
            if b is Profil.ELEVE:
                return dest.identifiant in exp.enfants, "ses enfants"
            if b is Profil.ENSEIGNANT:
                return bool(set(e.classes_de(exp.identifiant)) & set(dest.classes)), \
                    "les enseignants de ses enfants"
            if b is Profil.PERSONNEL:
                return True, "les personnels"
            return False, "un parent n'écrit ni aux autres parents ni aux invités"
        if a is Profil.ENSEIGNANT:
            # Le professeur documentaliste travaille avec toutes les classes (CDI).
            classes = set(e.classes) if "documentaliste" in self.roles(exp) else set(exp.classes)
            if b is Profil.ELEVE:
                return dest.classe in classes, "les élèves de ses classes"
            if b is Profil.PARENT:
                return bool(set(e.classes_de(dest.identifiant)) & classes), \
                    "les parents de ses élèves"
            return True, "les adultes de l'établissement"
        if a is Profil.INVITE:
            if b is Profil.ENSEIGNANT:
                return True, "les enseignants"
            if b is Profil.PERSONNEL:
                return "direction" in self.roles(dest), "la direction"
            return False, "un invité n'écrit ni aux élèves ni aux parents"
        raise AssertionError(a)


def oracle_de(etablissement: Etablissement, catalogue, regles: Iterable[RegleEtablissement] = (),
              oppositions: Iterable[str] = ()) -> Oracle:
    """L'oracle d'un établissement, avec les usages de son catalogue."""
    return Oracle(etablissement, lambda profil, code: catalogue.usage(profil, code),
                  tuple(regles), frozenset(oppositions))
