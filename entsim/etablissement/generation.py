"""Génération déterministe d'un lycée réaliste : classes, élèves, familles, enseignants,
personnels et comptes extérieurs.

:func:`generer_etablissement` construit un :class:`~entsim.etablissement.annuaire.Etablissement` à partir
d'une graine : même graine, même lycée (chaque nom, date, lien et identifiant) ; autre
graine, autre lycée. Tout le hasard vient de ``SourceAleatoire(graine)`` (composant
``"annuaire"``), jamais du module ``random`` global.

Deux tailles :

* ``taille="demo"`` : une classe de terminale STMG (« TSTMG1 », spécialité SIG) de
  :data:`EFFECTIF_DEMO` élèves, leurs responsables légaux, les enseignants de la classe,
  les personnels et deux comptes extérieurs : de quoi tenir sur un écran projeté. Les
  personnages du récit ont des noms FIXES (voir :data:`PERSONAS`) : Léa Martin et sa mère
  Sophie Martin ; Hugo Bernard et ses parents Karim Bernard et Émilie Rousseau (« l'autre
  parent », qui ne doit pas voir les notes de Léa) ; la famille Haddad, dont les deux
  enfants sont au lycée (Inès en TSTMG1, Yanis en 2NDE3) ; Nicolas Durand, professeur de
  management, sciences de gestion et numérique (SIG) et professeur principal de TSTMG1 ;
  Isabelle Moreau, CPE ; Philippe Lefèvre, proviseur ; etc. La seconde 2NDE3 n'y figure
  que par l'élève utile au récit (Yanis) et deux de ses professeurs, dont son professeur
  principal : elle sert à montrer qu'un parent de deux enfants voit deux classes.
* ``taille=<nombre d'élèves>`` (1 à :data:`TAILLE_MAX`) : un lycée général et
  technologique complet, avec les mêmes personnages lorsque la taille le permet.

Sources des règles reproduites :

* enseignements et horaires : arrêtés du 16 juillet 2018 (seconde générale et
  technologique, cycle terminal des voies générale et technologique), repris dans
  ``data/disciplines.csv`` ;
* service d'un professeur : 18 heures hebdomadaires (professeur certifié, décret
  n° 2014-940 du 20 août 2014) ;
* profils et fonctions : ceux d'Open ENT NG, voir :mod:`entsim.etablissement.annuaire` ;
* âge : un élève « à l'heure » entre en seconde l'année de ses 15 ans (rentrée 2026 :
  né en 2011), en première à 16 ans, en terminale à 17 ans.

Simplifications assumées (et dites aux élèves si besoin) : chaque classe de la voie
générale suit une combinaison de spécialités (dans la réalité les groupes de spécialité
mêlent plusieurs classes) ; une classe a un seul professeur principal (en terminale il y
en a souvent deux) ; les établissements sont fictifs (``data/etablissements.csv``).
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate

from entsim.socle import donnees
from entsim.socle.aleatoire import SourceAleatoire
from entsim.etablissement.annuaire import (Classe, Eleve, Enseignant, Etablissement, Fonction, Invite, Parent,
                       Personne, Personnel, Profil)
from entsim.socle.erreurs import ValeurInvalide
from entsim.etablissement.identifiants import GenerateurIdentifiants, forme_identifiant, replier

# --------------------------------------------------------------------------------------
# Constantes
# --------------------------------------------------------------------------------------

GRAINE_PAR_DEFAUT = 2026
#: Valeur de ``taille`` pour la démonstration d'une classe.
TAILLE_DEMO = "demo"
#: Nombre d'élèves maximal d'un lycée généré (les plus grands lycées français en ont ~3 000).
TAILLE_MAX = 3000
#: Date de la rentrée simulée (l'horloge de entsim commence le lundi 7 septembre 2026).
RENTREE = date(2026, 9, 1)
#: Domaine des adresses de messagerie ENT. ``.example`` est réservé par la RFC 2606 :
#: aucune adresse générée ne peut appartenir à une vraie personne.
DOMAINE_ENT = "ent.example"
#: Effectif maximal d'une classe (les lycées tiennent leurs divisions sous 35 élèves).
EFFECTIF_MAX_CLASSE = 35
#: Nombre d'élèves de la classe de démonstration TSTMG1.
EFFECTIF_DEMO = 12
#: Service hebdomadaire d'un professeur certifié (décret n° 2014-940 du 20 août 2014).
SERVICE_ENSEIGNANT = 18.0

#: Répartition des élèves entre les niveaux (moins d'élèves en terminale qu'en seconde :
#: une partie des élèves de seconde poursuit en voie professionnelle ou ailleurs).
PART_SECONDE = 0.36
PART_PREMIERE = 0.33
#: Part de la série STMG parmi les élèves de première et de terminale de ce lycée.
PART_STMG = 0.25
#: Part des familles qui ont plusieurs enfants scolarisés au lycée.
PART_FAMILLES_FRATRIE = 0.10
#: Parmi ces familles, part de celles qui en ont trois (un par niveau).
PART_FRATRIES_DE_TROIS = 0.10
#: Chance qu'un prénom soit tiré dans la même aire linguistique que le nom de famille
#: (sinon il est tiré parmi tous les prénoms de la génération).
PART_PRENOM_MEME_LANGUE: dict[str, float] = {
    "ar": 0.6, "af": 0.5, "tr": 0.6, "pt": 0.35, "es": 0.2, "it": 0.2, "vi": 0.2, "zh": 0.15,
}

CLASSE_DEMO = "TSTMG1"
SECONDE_DEMO = "2NDE3"

# Libellés des enseignements (tels qu'écrits dans data/disciplines.csv)
MATHS = "Mathématiques"
PC = "Physique-chimie"
SVT = "Sciences de la vie et de la Terre"
SES = "Sciences économiques et sociales"
HGGSP = "Histoire-géographie, géopolitique et sciences politiques"
HLP = "Humanités, littérature et philosophie"
LLCER = "Langues, littératures et cultures étrangères (anglais)"
NSI = "Numérique et sciences informatiques"
MSGN_SIG = "Management, sciences de gestion et numérique (SIG)"
#: Ordre des enseignements spécifiques des classes de terminale STMG : TSTMG1 suit SIG.
SPECIFIQUES_STMG: tuple[tuple[str, str], ...] = (
    ("Management, sciences de gestion et numérique (SIG)", "systèmes d'information de gestion"),
    ("Management, sciences de gestion et numérique (mercatique)", "mercatique"),
    ("Management, sciences de gestion et numérique (gestion et finance)", "gestion et finance"),
    ("Management, sciences de gestion et numérique (RHC)",
     "ressources humaines et communication"),
)
#: Combinaisons de trois spécialités des classes de première générale, avec leur poids.
COMBINAISONS_PREMIERE: tuple[tuple[tuple[str, ...], int], ...] = (
    ((MATHS, PC, SVT), 10),
    ((MATHS, PC, SES), 5),
    ((MATHS, SES, HGGSP), 6),
    ((MATHS, PC, NSI), 4),
    ((SES, HGGSP, LLCER), 5),
    ((HLP, HGGSP, LLCER), 3),
    ((SVT, SES, HGGSP), 3),
)
#: Combinaisons de deux spécialités des classes de terminale générale, avec leur poids.
COMBINAISONS_TERMINALE: tuple[tuple[tuple[str, ...], int], ...] = (
    ((MATHS, PC), 10),
    ((PC, SVT), 6),
    ((MATHS, SES), 6),
    ((SES, HGGSP), 6),
    ((MATHS, NSI), 3),
    ((HGGSP, LLCER), 3),
    ((HLP, LLCER), 2),
    ((SVT, SES), 2),
)

# --------------------------------------------------------------------------------------
# Les personnages fixes du récit
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Persona:
    """Un personnage au nom fixe, que les notebooks citent par son identifiant."""

    prenom: str
    nom: str
    date_naissance: date

    @property
    def identifiant(self) -> str:
        """L'identifiant ENT du personnage (``lea.martin``)."""
        return forme_identifiant(self.prenom, self.nom)

    @property
    def nom_complet(self) -> str:
        return f"{self.prenom} {self.nom}"


LEA_MARTIN = Persona("Léa", "Martin", date(2009, 3, 14))
SOPHIE_MARTIN = Persona("Sophie", "Martin", date(1981, 6, 2))
HUGO_BERNARD = Persona("Hugo", "Bernard", date(2009, 1, 27))
KARIM_BERNARD = Persona("Karim", "Bernard", date(1977, 9, 18))
EMILIE_ROUSSEAU = Persona("Émilie", "Rousseau", date(1982, 4, 9))
INES_HADDAD = Persona("Inès", "Haddad", date(2009, 7, 3))
YANIS_HADDAD = Persona("Yanis", "Haddad", date(2011, 2, 21))
SAMIRA_HADDAD = Persona("Samira", "Haddad", date(1979, 12, 1))
MEHDI_HADDAD = Persona("Mehdi", "Haddad", date(1976, 5, 30))
NICOLAS_DURAND = Persona("Nicolas", "Durand", date(1978, 10, 12))
ISABELLE_MOREAU = Persona("Isabelle", "Moreau", date(1974, 2, 17))
PHILIPPE_LEFEVRE = Persona("Philippe", "Lefèvre", date(1968, 8, 23))
CAROLINE_FAURE = Persona("Caroline", "Faure", date(1976, 11, 4))
STEPHANE_GARNIER = Persona("Stéphane", "Garnier", date(1971, 3, 29))
CLAIRE_FONTAINE = Persona("Claire", "Fontaine", date(1985, 1, 16))
SANDRINE_ROBERT = Persona("Sandrine", "Robert", date(1972, 7, 8))
THOMAS_LAMBERT = Persona("Thomas", "Lambert", date(2001, 5, 19))
JULIEN_ROUX = Persona("Julien", "Roux", date(1983, 9, 2))
MARC_GIRARD = Persona("Marc", "Girard", date(1975, 12, 11))

#: Les personnages par rôle dans le récit (identifiants : ``PERSONAS["eleve"].identifiant``).
PERSONAS: dict[str, Persona] = {
    "eleve": LEA_MARTIN,                          # élève de TSTMG1
    "mere": SOPHIE_MARTIN,                        # sa mère, seule responsable légale
    "autre_eleve": HUGO_BERNARD,                  # élève de TSTMG1
    "autre_parent": KARIM_BERNARD,                # père d'Hugo : ne doit rien voir de Léa
    "autre_mere": EMILIE_ROUSSEAU,                # mère d'Hugo (nom différent de son fils)
    "eleve_fratrie": INES_HADDAD,                 # élève de TSTMG1…
    "frere": YANIS_HADDAD,                        # … et son frère en seconde (2NDE3)
    "mere_fratrie": SAMIRA_HADDAD,                # responsables des deux enfants
    "pere_fratrie": MEHDI_HADDAD,
    "professeur_principal": NICOLAS_DURAND,       # MSGN-SIG, professeur principal de TSTMG1
    "cpe": ISABELLE_MOREAU,
    "proviseur": PHILIPPE_LEFEVRE,                # chef d'établissement
    "adjoint": CAROLINE_FAURE,                    # proviseure adjointe
    "gestionnaire": STEPHANE_GARNIER,             # intendance
    "documentaliste": CLAIRE_FONTAINE,            # CDI, administratrice locale et RUPN
    "secretariat": SANDRINE_ROBERT,
    "vie_scolaire": THOMAS_LAMBERT,               # assistant d'éducation
    "partenaire": JULIEN_ROUX,                    # collège de secteur (Invité)
    "invite": MARC_GIRARD,                        # intervenant extérieur (Invité)
}

ORGANISME_INVITE = "Intervenant extérieur (prévention des risques numériques)"

# --------------------------------------------------------------------------------------
# Données livrées (lues une fois)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Urne:
    """Un tirage pondéré rapide (cumuls précalculés)."""

    valeurs: tuple[str, ...]
    cumuls: tuple[float, ...]

    @classmethod
    def de(cls, paires: Sequence[tuple[str, float]]) -> _Urne:
        return cls(tuple(v for v, _ in paires), tuple(accumulate(p for _, p in paires)))

    def tirer(self, rng: random.Random) -> str:
        return self.valeurs[bisect_right(self.cumuls, rng.random() * self.cumuls[-1])]


@dataclass(frozen=True)
class _Enseignement:
    """Une ligne de ``data/disciplines.csv``."""

    formation: str
    discipline: str
    heures: float
    corps: str
    lot: str
    groupe: str
    frequence: float


@dataclass(frozen=True)
class _Donnees:
    cohortes: tuple[tuple[int, int, str], ...]
    prenoms: dict[tuple[str, str], _Urne]                 # (sexe, cohorte)
    prenoms_langue: dict[tuple[str, str, str], _Urne]     # (sexe, cohorte, langue)
    noms: _Urne
    langue_nom: dict[str, str]
    etablissements: tuple[dict[str, str], ...]
    enseignements: dict[str, tuple[_Enseignement, ...]]   # formation → lignes
    corps: tuple[str, ...]                                # dans l'ordre du fichier


@lru_cache(maxsize=1)
def _donnees() -> _Donnees:
    par_pool: dict[tuple[str, str], list[tuple[str, float]]] = {}
    par_langue: dict[tuple[str, str, str], list[tuple[str, float]]] = {}
    cohortes: set[str] = set()
    for ligne in donnees.lire_csv("prenoms.csv"):
        paire = (ligne["prenom"], float(ligne["poids"]))
        par_pool.setdefault((ligne["sexe"], ligne["cohorte"]), []).append(paire)
        par_langue.setdefault((ligne["sexe"], ligne["cohorte"], ligne["langue"]), []).append(paire)
        cohortes.add(ligne["cohorte"])
    lignes_noms = donnees.lire_csv("noms.csv")
    enseignements: dict[str, list[_Enseignement]] = {}
    corps: list[str] = []
    for ligne in donnees.lire_csv("disciplines.csv"):
        e = _Enseignement(ligne["formation"], ligne["discipline"], float(ligne["heures"]),
                          ligne["corps"], ligne["lot"], ligne["groupe"],
                          float(ligne["frequence"] or 1))
        enseignements.setdefault(e.formation, []).append(e)
        if e.corps not in corps:
            corps.append(e.corps)
    bornes = tuple(sorted((int(c[:4]), int(c[5:]), c) for c in cohortes))
    return _Donnees(
        cohortes=bornes,
        prenoms={k: _Urne.de(v) for k, v in par_pool.items()},
        prenoms_langue={k: _Urne.de(v) for k, v in par_langue.items()},
        noms=_Urne.de([(l["nom"], float(l["poids"])) for l in lignes_noms]),
        langue_nom={l["nom"]: l["langue"] for l in lignes_noms},
        etablissements=donnees.lire_csv("etablissements.csv"),
        enseignements={k: tuple(v) for k, v in enseignements.items()},
        corps=tuple(corps),
    )


def cle_uai(chiffres: str) -> str:
    """La lettre-clé d'un code UAI (Répertoire national des établissements) : le nombre
    formé des 7 chiffres, modulo 23, dans l'alphabet privé de I, O et Q.

    >>> cle_uai("0304127")
    'Y'
    """
    if not (isinstance(chiffres, str) and len(chiffres) == 7 and chiffres.isdigit()):
        raise ValeurInvalide("Un code UAI commence par 7 chiffres, par exemple \"0304127\".")
    return "ABCDEFGHJKLMNPRSTUVWXYZ"[int(chiffres) % 23]


# --------------------------------------------------------------------------------------
# Plan du lycée
# --------------------------------------------------------------------------------------

#: formation (aussi préfixe du code de classe) → (niveau, série, début du libellé, année de
#: naissance d'un élève « à l'heure »)
FORMATIONS: dict[str, tuple[str, str, str, int]] = {
    "2NDE": ("Seconde", "Générale et technologique", "Seconde", RENTREE.year - 15),
    "1G": ("Première", "Générale", "Première générale", RENTREE.year - 16),
    "1STMG": ("Première", "STMG", "Première STMG", RENTREE.year - 16),
    "TG": ("Terminale", "Générale", "Terminale générale", RENTREE.year - 17),
    "TSTMG": ("Terminale", "STMG", "Terminale STMG", RENTREE.year - 17),
}
#: Part des élèves en retard d'un an (redoublement), plus forte en série technologique.
PART_EN_RETARD = {"2NDE": 0.10, "1G": 0.08, "TG": 0.08, "1STMG": 0.20, "TSTMG": 0.22}
#: Part des élèves en avance d'un an.
PART_EN_AVANCE = 0.02


@dataclass
class _PlanClasse:
    code: str
    formation: str
    effectif: int
    enseignements: list[_Enseignement]
    specifique: str = ""

    @property
    def niveau(self) -> str:
        return FORMATIONS[self.formation][0]


def repartir(nb_eleves: int) -> dict[str, int]:
    """Nombre d'élèves par formation (``2NDE``, ``1G``, ``1STMG``, ``TG``, ``TSTMG``).

    La terminale STMG reçoit au moins trois élèves dès qu'il y a une terminale, pour que la
    classe du récit (TSTMG1) existe dans presque tous les lycées générés.
    """
    seconde = round(nb_eleves * PART_SECONDE)
    premiere = round(nb_eleves * PART_PREMIERE)
    terminale = nb_eleves - seconde - premiere
    t_stmg = round(terminale * PART_STMG)
    if terminale:
        t_stmg = max(t_stmg, min(terminale, 3))
    p_stmg = round(premiere * PART_STMG)
    return {"2NDE": seconde, "1G": premiere - p_stmg, "1STMG": p_stmg,
            "TG": terminale - t_stmg, "TSTMG": t_stmg}


def _effectifs(nombre: int) -> list[int]:
    """Des classes d'au plus 35 élèves, d'effectifs égaux à un élève près."""
    if nombre <= 0:
        return []
    nb_classes = math.ceil(nombre / EFFECTIF_MAX_CLASSE)
    base, reste = divmod(nombre, nb_classes)
    return [base + (1 if i < reste else 0) for i in range(nb_classes)]


def _enseignements_de_classe(rng: random.Random, formation: str, rang: int) -> tuple[
        list[_Enseignement], str]:
    """Les enseignements d'une classe : communs, langue(s) B, spécialités ou enseignement
    spécifique. Renvoie aussi le libellé de l'enseignement spécifique (terminale STMG)."""
    lignes = _donnees().enseignements[formation]
    choisies = [e for e in lignes if e.groupe == "commun"]
    for e in lignes:
        if e.groupe == "lvb" and (e.frequence >= 1 or rng.random() < e.frequence):
            choisies.append(e)
    specifique = ""
    if formation in ("1G", "TG"):
        combinaisons = COMBINAISONS_PREMIERE if formation == "1G" else COMBINAISONS_TERMINALE
        combinaison = rng.choices([c for c, _ in combinaisons],
                                  weights=[p for _, p in combinaisons])[0]
        choisies += [e for e in lignes if e.groupe == "specialite" and e.discipline in combinaison]
    elif formation == "TSTMG":
        discipline, specifique = SPECIFIQUES_STMG[(rang - 1) % len(SPECIFIQUES_STMG)]
        choisies += [e for e in lignes if e.discipline == discipline]
    ordre = {e.discipline: i for i, e in enumerate(lignes)}
    choisies.sort(key=lambda e: ordre[e.discipline])
    return choisies, specifique


def _plan(rng: random.Random, nb_eleves: int | None) -> list[_PlanClasse]:
    if nb_eleves is None:   # démonstration
        tstmg, specifique = _enseignements_de_classe(rng, "TSTMG", 1)
        seconde = [e for e in _donnees().enseignements["2NDE"]
                   if e.discipline in (MATHS, "Anglais (LVA)")]
        return [_PlanClasse(CLASSE_DEMO, "TSTMG", EFFECTIF_DEMO, tstmg, specifique),
                _PlanClasse(SECONDE_DEMO, "2NDE", 1, seconde)]
    plan: list[_PlanClasse] = []
    for formation, nombre in repartir(nb_eleves).items():
        for rang, effectif in enumerate(_effectifs(nombre), start=1):
            lignes, specifique = _enseignements_de_classe(rng, formation, rang)
            plan.append(_PlanClasse(f"{formation}{rang}", formation, effectif,
                                    lignes, specifique))
    return plan


def _seconde_du_recit(plan: list[_PlanClasse]) -> str:
    secondes = [c.code for c in plan if c.formation == "2NDE"]
    return SECONDE_DEMO if SECONDE_DEMO in secondes else secondes[-1]


def _personas_presents(plan: list[_PlanClasse]) -> list[Persona]:
    """Les personnages du récit qui auront un compte dans ce lycée (dans l'ordre de
    :data:`PERSONAS`) : les personnels et invités toujours, les familles et Nicolas
    Durand quand la classe TSTMG1 existe et compte assez d'élèves."""
    effectif = next((c.effectif for c in plan if c.code == CLASSE_DEMO), 0)
    absents: set[Persona] = set()
    if effectif < 1:
        absents |= {LEA_MARTIN, SOPHIE_MARTIN, NICOLAS_DURAND}
    if effectif < 2:
        absents |= {HUGO_BERNARD, KARIM_BERNARD, EMILIE_ROUSSEAU}
    if effectif < 3:
        absents |= {INES_HADDAD, SAMIRA_HADDAD, MEHDI_HADDAD}
    if effectif < 3 or not any(c.formation == "2NDE" for c in plan):
        absents.add(YANIS_HADDAD)
    return [p for p in PERSONAS.values() if p not in absents]


def _libelle(plan: _PlanClasse) -> str:
    rang = plan.code[len(plan.formation):]
    libelle = f"{FORMATIONS[plan.formation][2]} {rang}"
    return f"{libelle} – {plan.specifique}" if plan.specifique else libelle


# --------------------------------------------------------------------------------------
# La fabrique
# --------------------------------------------------------------------------------------


@dataclass
class _Place:
    """Une place d'élève dans une classe, en attente d'une famille."""

    classe: str
    formation: str


@dataclass
class _Lot:
    """Les enseignements d'une classe confiés à un même professeur."""

    classe: str
    corps: str
    cle: str
    disciplines: list[str]
    heures: float


@dataclass
class _Service:
    lots: list[_Lot] = field(default_factory=list)

    @property
    def heures(self) -> float:
        return sum(l.heures for l in self.lots)


def _date_dans(rng: random.Random, annee: int) -> date:
    debut = date(annee, 1, 1)
    return debut + timedelta(days=rng.randrange((date(annee + 1, 1, 1) - debut).days))


def _annee(rng: random.Random, bas: float, haut: float, mode: float) -> int:
    return round(rng.triangular(bas, haut, mode))


class _Fabrique:
    """Construit un établissement pas à pas ; chaque tirage vient de ``rng``."""

    def __init__(self, rng: random.Random, nb_eleves: int | None) -> None:
        self.rng = rng
        self.nb_eleves = nb_eleves
        self.d = _donnees()
        self.ids = GenerateurIdentifiants()
        self.personnels: list[Personnel] = []
        self.enseignants: list[Enseignant] = []
        self.eleves: list[Eleve] = []
        self.parents: list[Parent] = []
        self.invites: list[Invite] = []
        #: identifiants retenus d'avance pour les personnages du récit : un homonyme tiré
        #: au hasard (un parent nommé Nicolas Durand…) reçoit alors « nicolas.durand2 ».
        self._reserves: dict[Persona, str] = {}

    def reserver_personas(self, personas: Sequence[Persona]) -> None:
        for persona in personas:
            self._reserves[persona] = self.ids.generer(persona.prenom, persona.nom)

    def _identifiant(self, prenom: str, nom: str, persona: Persona | None) -> str:
        if persona is not None:
            return self._reserves.pop(persona)
        return self.ids.generer(prenom, nom)

    # -- noms ----------------------------------------------------------------------
    def _cohorte(self, annee: int) -> str:
        for debut, fin, nom in self.d.cohortes:
            if debut <= annee <= fin:
                return nom
        return min(self.d.cohortes, key=lambda c: min(abs(annee - c[0]), abs(annee - c[1])))[2]

    def _prenom(self, sexe: str, annee: int, nom: str, exclus: Sequence[str] = ()) -> str:
        cohorte = self._cohorte(annee)
        langue = self.d.langue_nom.get(nom.split("-")[0], "fr")
        urne = self.d.prenoms[(sexe, cohorte)]
        part = PART_PRENOM_MEME_LANGUE.get(langue, 0.0)
        propre = self.d.prenoms_langue.get((sexe, cohorte, langue))
        if propre is not None and self.rng.random() < part:
            urne = propre
        prenom = urne.tirer(self.rng)
        for _ in range(20):                # deux enfants d'une famille n'ont pas le même prénom
            if prenom not in exclus:
                break
            prenom = urne.tirer(self.rng)
        return prenom

    def _nom(self, autre_que: str = "") -> str:
        nom = self.d.noms.tirer(self.rng)
        while nom == autre_que:
            nom = self.d.noms.tirer(self.rng)
        return nom

    def _courriel(self, identifiant: str) -> str:
        return f"{identifiant}@{DOMAINE_ENT}"

    # -- comptes -------------------------------------------------------------------
    def _personnel(self, prenom: str, nom: str, naissance: date, service: str,
                   *fonctions: Fonction, persona: Persona | None = None) -> Personnel:
        ident = self._identifiant(prenom, nom, persona)
        p = Personnel(ident, prenom, nom, Profil.PERSONNEL, set(fonctions), naissance,
                      self._courriel(ident), service=service)
        self.personnels.append(p)
        return p

    def _personnel_tire(self, bas: int, haut: int, mode: int, service: str,
                        *fonctions: Fonction, part_femmes: float = 0.6) -> Personnel:
        annee = _annee(self.rng, bas, haut, mode)
        sexe = "F" if self.rng.random() < part_femmes else "M"
        nom = self._nom()
        return self._personnel(self._prenom(sexe, annee, nom), nom,
                               _date_dans(self.rng, annee), service, *fonctions)

    def _persona_personnel(self, persona: Persona, service: str,
                           *fonctions: Fonction) -> Personnel:
        return self._personnel(persona.prenom, persona.nom, persona.date_naissance, service,
                               *fonctions, persona=persona)

    def construire_personnels(self) -> None:
        """Direction, intendance, secrétariat, vie scolaire, dimensionnés au lycée."""
        n = self.nb_eleves or 0
        self._persona_personnel(PHILIPPE_LEFEVRE, "Direction", Fonction.CHEF_ETABLISSEMENT)
        self._persona_personnel(CAROLINE_FAURE, "Direction", Fonction.ADJOINT)
        if n >= 1200:
            self._personnel_tire(1965, 1988, 1975, "Direction", Fonction.ADJOINT)
        self._persona_personnel(STEPHANE_GARNIER, "Intendance", Fonction.GESTIONNAIRE)
        self._persona_personnel(SANDRINE_ROBERT, "Secrétariat", Fonction.SECRETARIAT)
        for _ in range(n // 800):
            self._personnel_tire(1962, 1998, 1978, "Secrétariat", Fonction.SECRETARIAT,
                                 part_femmes=0.85)
        self._persona_personnel(ISABELLE_MOREAU, "Vie scolaire", Fonction.CPE)
        for _ in range(max(1, round(n / 500)) - 1):
            self._personnel_tire(1968, 1996, 1982, "Vie scolaire", Fonction.CPE,
                                 part_femmes=0.7)
        self._persona_personnel(THOMAS_LAMBERT, "Vie scolaire", Fonction.VIE_SCOLAIRE)
        for _ in range(max(1, round(n / 120)) - 1):
            self._personnel_tire(1996, 2006, 2001, "Vie scolaire", Fonction.VIE_SCOLAIRE,
                                 part_femmes=0.55)

    # -- élèves et familles --------------------------------------------------------
    def _naissance_eleve(self, formation: str) -> date:
        annee = FORMATIONS[formation][3]
        tirage = self.rng.random()
        if tirage < PART_EN_RETARD[formation]:
            annee -= 1
        elif tirage > 1 - PART_EN_AVANCE:
            annee += 1
        return _date_dans(self.rng, annee)

    def _eleve(self, prenom: str, nom: str, naissance: date, place: _Place,
               persona: Persona | None = None) -> Eleve:
        ident = self._identifiant(prenom, nom, persona)
        e = Eleve(ident, prenom, nom, Profil.ELEVE, set(), naissance, self._courriel(ident),
                  classe=place.classe)
        self.eleves.append(e)
        return e

    def _parent(self, prenom: str, nom: str, naissance: date, lien: str,
                enfants: list[Eleve], persona: Persona | None = None) -> Parent:
        ident = self._identifiant(prenom, nom, persona)
        p = Parent(ident, prenom, nom, Profil.PARENT, set(), naissance, self._courriel(ident),
                   enfants=[e.identifiant for e in enfants], lien=lien)
        for e in enfants:
            e.responsables.append(ident)
        self.parents.append(p)
        return p

    def _parent_tire(self, sexe: str, nom: str, annee: int, lien: str,
                     enfants: list[Eleve]) -> Parent:
        return self._parent(self._prenom(sexe, annee, nom), nom, _date_dans(self.rng, annee),
                            lien, enfants)

    def _famille(self, places: list[_Place]) -> None:
        """Une famille tirée au hasard : ses enfants (aux places données) et ses
        responsables légaux (un ou deux, parents ou tuteur)."""
        rng = self.rng
        nom_pere = self._nom()
        tirage = rng.random()
        nom_mere = nom_pere
        if 0.50 <= tirage < 0.74 or 0.83 <= tirage < 0.92:
            nom_mere = self._nom(autre_que=nom_pere)      # la mère garde son propre nom
        nom_enfants = nom_pere
        if 0.70 <= tirage < 0.74:       # double nom (loi du 4 mars 2002, appliquée en 2005)
            nom_enfants = f"{nom_pere}-{nom_mere}"
        enfants: list[Eleve] = []
        for place in places:
            naissance = self._naissance_eleve(place.formation)
            sexe = "F" if rng.random() < 0.5 else "M"
            prenom = self._prenom(sexe, naissance.year, nom_enfants,
                                  exclus=[e.prenom for e in enfants])
            enfants.append(self._eleve(prenom, nom_enfants, naissance, place))
        aine = min(e.date_naissance.year for e in enfants)  # type: ignore[union-attr]
        mere = aine - _annee(rng, 19, 45, 30)
        pere = aine - _annee(rng, 21, 55, 33)
        if tirage < 0.74:                                   # deux parents
            self._parent_tire("F", nom_mere, mere, "Mère", enfants)
            self._parent_tire("M", nom_pere, pere, "Père", enfants)
        elif tirage < 0.75:                                 # deux mères
            self._parent_tire("F", nom_pere, mere, "Mère", enfants)
            self._parent_tire("F", self._nom(autre_que=nom_pere), aine - _annee(rng, 21, 50, 32),
                              "Mère", enfants)
        elif tirage < 0.92:                                 # mère seule responsable
            self._parent_tire("F", nom_mere, mere, "Mère", enfants)
        elif tirage < 0.97:                                 # père seul responsable
            self._parent_tire("M", nom_pere, pere, "Père", enfants)
        else:                                               # tuteur ou tutrice
            sexe = "F" if rng.random() < 0.6 else "M"
            nom = nom_pere if rng.random() < 0.5 else self._nom(autre_que=nom_pere)
            self._parent_tire(sexe, nom, aine - _annee(rng, 25, 68, 45),
                              "Tutrice" if sexe == "F" else "Tuteur", enfants)

    def construire_eleves(self, plan: list[_PlanClasse]) -> None:
        places: dict[str, list[_Place]] = {}
        for c in plan:
            places.setdefault(c.niveau, []).extend(
                _Place(c.code, c.formation) for _ in range(c.effectif))
        self._familles_du_recit(plan, places)
        for liste in places.values():
            self.rng.shuffle(liste)
        restantes = sum(len(l) for l in places.values())
        nb_familles = restantes / (1 + PART_FAMILLES_FRATRIE * (1 + PART_FRATRIES_DE_TROIS))
        for _ in range(round(nb_familles * PART_FAMILLES_FRATRIE)):
            niveaux = [n for n, l in places.items() if l]
            if len(niveaux) < 2:
                break
            taille = 3 if len(niveaux) >= 3 and self.rng.random() < PART_FRATRIES_DE_TROIS else 2
            self._famille([places[n].pop() for n in self.rng.sample(niveaux, taille)])
        for liste in places.values():
            while liste:
                self._famille([liste.pop()])

    def _prendre(self, places: dict[str, list[_Place]], code: str) -> _Place:
        for liste in places.values():
            for i, place in enumerate(liste):
                if place.classe == code:
                    return liste.pop(i)
        raise AssertionError(f"plus de place libre en {code}")  # exclu par _personas_presents

    def _eleve_persona(self, persona: Persona, place: _Place) -> Eleve:
        return self._eleve(persona.prenom, persona.nom, persona.date_naissance, place, persona)

    def _parent_persona(self, persona: Persona, lien: str, enfants: list[Eleve]) -> Parent:
        return self._parent(persona.prenom, persona.nom, persona.date_naissance, lien, enfants,
                            persona)

    def _familles_du_recit(self, plan: list[_PlanClasse],
                           places: dict[str, list[_Place]]) -> None:
        """Léa Martin, Hugo Bernard et la fratrie Haddad, si leurs classes existent."""
        presents = _personas_presents(plan)
        if LEA_MARTIN not in presents:
            return
        lea = self._eleve_persona(LEA_MARTIN, self._prendre(places, CLASSE_DEMO))
        self._parent_persona(SOPHIE_MARTIN, "Mère", [lea])
        if HUGO_BERNARD not in presents:
            return
        hugo = self._eleve_persona(HUGO_BERNARD, self._prendre(places, CLASSE_DEMO))
        self._parent_persona(EMILIE_ROUSSEAU, "Mère", [hugo])
        self._parent_persona(KARIM_BERNARD, "Père", [hugo])
        if INES_HADDAD not in presents:
            return
        fratrie = [self._eleve_persona(INES_HADDAD, self._prendre(places, CLASSE_DEMO))]
        if YANIS_HADDAD in presents:
            fratrie.append(self._eleve_persona(YANIS_HADDAD,
                                               self._prendre(places, _seconde_du_recit(plan))))
        self._parent_persona(SAMIRA_HADDAD, "Mère", fratrie)
        self._parent_persona(MEHDI_HADDAD, "Père", fratrie)

    # -- enseignants ---------------------------------------------------------------
    def construire_enseignants(self, plan: list[_PlanClasse],
                               classes: dict[str, Classe]) -> None:
        """Répartit les enseignements de chaque classe entre des professeurs de la bonne
        discipline, chacun au plus à :data:`SERVICE_ENSEIGNANT` heures par semaine."""
        lots_par_corps: dict[str, list[_Lot]] = {c: [] for c in self.d.corps}
        rang_lot: dict[tuple[str, str], int] = {}
        rang_classe = {code: i for i, code in enumerate(classes)}
        for c in plan:
            lots: dict[tuple[str, str], _Lot] = {}
            for e in c.enseignements:
                rang_lot.setdefault((e.corps, e.lot), len(rang_lot))
                lot = lots.setdefault((e.corps, e.lot), _Lot(c.code, e.corps, e.lot, [], 0.0))
                lot.disciplines.append(e.discipline)
                lot.heures += e.heures
            for lot in lots.values():
                lots_par_corps[lot.corps].append(lot)
        heures: dict[tuple[str, str], float] = {}          # (identifiant, classe) → heures
        for corps, lots in lots_par_corps.items():
            if not lots:
                continue
            # Un professeur enseigne de préférence la même chose dans plusieurs classes :
            # lots regroupés par nature, classes mélangées ; le lot SIG de TSTMG1 en tête
            # (il revient à Nicolas Durand).
            self.rng.shuffle(lots)
            lots.sort(key=lambda l: (not (l.classe == CLASSE_DEMO and MSGN_SIG in l.disciplines),
                                     rang_lot[(l.corps, l.cle)]))
            services: list[_Service] = []
            for lot in lots:        # premier service où le lot tient, jamais deux lots
                for service in services:   # d'une même classe pour un même professeur
                    if (service.heures + lot.heures <= SERVICE_ENSEIGNANT
                            and all(l.classe != lot.classe for l in service.lots)):
                        service.lots.append(lot)
                        break
                else:
                    services.append(_Service([lot]))
            for rang, service in enumerate(services):
                durand = (rang == 0 and service.lots[0].classe == CLASSE_DEMO
                          and MSGN_SIG in service.lots[0].disciplines)
                prof = self._enseignant(NICOLAS_DURAND if durand else None)
                service.lots.sort(key=lambda l: rang_classe[l.classe])
                for lot in service.lots:
                    for discipline in lot.disciplines:
                        prof.enseignements.append((lot.classe, discipline))
                        if discipline not in prof.disciplines:
                            prof.disciplines.append(discipline)
                        classes[lot.classe].enseignements[discipline] = prof.identifiant
                    cle = (prof.identifiant, lot.classe)
                    heures[cle] = heures.get(cle, 0.0) + lot.heures
        # ordre d'affichage des enseignements d'une classe : celui des grilles horaires
        for c in plan:
            ordre = [e.discipline for e in c.enseignements]
            classe = classes[c.code]
            classe.enseignements = {d: classe.enseignements[d] for d in ordre}
        self._professeurs_principaux(classes, heures)
        self._documentalistes()

    def _enseignant(self, persona: Persona | None) -> Enseignant:
        if persona is not None:
            prenom, nom, naissance = persona.prenom, persona.nom, persona.date_naissance
        else:
            annee = _annee(self.rng, 1962, 2001, 1980)
            nom = self._nom()
            prenom = self._prenom("F" if self.rng.random() < 0.6 else "M", annee, nom)
            naissance = _date_dans(self.rng, annee)
        ident = self._identifiant(prenom, nom, persona)
        prof = Enseignant(ident, prenom, nom, Profil.ENSEIGNANT, set(), naissance,
                          self._courriel(ident))
        self.enseignants.append(prof)
        return prof

    def _professeurs_principaux(self, classes: dict[str, Classe],
                                heures: dict[tuple[str, str], float]) -> None:
        """Un professeur principal par classe, choisi parmi ceux qui y enseignent le plus ;
        un professeur n'est principal que d'une classe tant que c'est possible."""
        deja: set[str] = set()
        index = {p.identifiant: p for p in self.enseignants}
        ordre = sorted(classes, key=lambda code: code != CLASSE_DEMO)
        for code in ordre:
            classe = classes[code]
            profs = list(dict.fromkeys(classe.enseignements.values()))
            if code == CLASSE_DEMO and NICOLAS_DURAND.identifiant in profs:
                choix = NICOLAS_DURAND.identifiant
            else:
                libres = [p for p in profs if p not in deja and heures[(p, code)] >= 2]
                libres = libres or [p for p in profs if p not in deja] or profs
                choix = self.rng.choices(libres, weights=[heures[(p, code)] for p in libres])[0]
            classe.professeur_principal = choix
            deja.add(choix)
            index[choix].fonctions.add(Fonction.PROFESSEUR_PRINCIPAL)

    def _documentalistes(self) -> None:
        """Professeurs documentalistes (profil Enseignant, sans classe) ; la première est
        aussi administratrice locale de l'ENT et référente numérique (RUPN)."""
        nombre = max(1, math.ceil((self.nb_eleves or 0) / 1200))
        for rang in range(nombre):
            prof = self._enseignant(CLAIRE_FONTAINE if rang == 0 else None)
            prof.disciplines.append("Documentation")
            prof.fonctions.add(Fonction.DOCUMENTALISTE)
            if rang == 0:
                prof.fonctions.update({Fonction.ADMINISTRATEUR_LOCAL,
                                       Fonction.REFERENT_NUMERIQUE})

    # -- comptes extérieurs --------------------------------------------------------
    def construire_invites(self, college: str) -> None:
        for persona, organisme, fonctions in (
                (JULIEN_ROUX, f"{college} (collège de secteur)", {Fonction.PARTENAIRE}),
                (MARC_GIRARD, ORGANISME_INVITE, set())):
            ident = self._identifiant(persona.prenom, persona.nom, persona)
            self.invites.append(Invite(ident, persona.prenom, persona.nom, Profil.INVITE,
                                       set(fonctions), persona.date_naissance,
                                       self._courriel(ident), organisme=organisme))

    # -- assemblage ----------------------------------------------------------------
    def construire(self, graine: int) -> Etablissement:
        identite = self.rng.choice(self.d.etablissements)
        plan = _plan(self.rng, self.nb_eleves)
        classes = {c.code: Classe(c.code, _libelle(c), c.niveau, FORMATIONS[c.formation][1])
                   for c in plan}
        self.reserver_personas(_personas_presents(plan))
        self.construire_personnels()
        self.construire_eleves(plan)
        self.construire_enseignants(plan, classes)
        self.construire_invites(identite["college_secteur"])

        cle = {e.identifiant: (replier(e.nom), replier(e.prenom), e.identifiant)
               for e in self.eleves}
        for e in sorted(self.eleves, key=lambda e: cle[e.identifiant]):
            classes[e.classe].eleves.append(e.identifiant)
        rang_eleve = {ident: rang for rang, ident in
                      enumerate(e for c in classes.values() for e in c.eleves)}
        eleves = sorted(self.eleves, key=lambda e: rang_eleve[e.identifiant])
        parents = sorted(self.parents, key=lambda p: min(rang_eleve[e] for e in p.enfants))

        etab = Etablissement(identite["nom"], identite["uai"], identite["commune"],
                             identite["academie"], graine=graine)
        personnes: list[Personne] = [*self.personnels, *self.enseignants, *eleves, *parents,
                                     *self.invites]
        for personne in personnes:
            etab.ajouter(personne)
        etab.classes = classes
        return etab


# --------------------------------------------------------------------------------------
# Point d'entrée
# --------------------------------------------------------------------------------------


def _nb_eleves(taille: object) -> int | None:
    """``None`` pour la démonstration, sinon le nombre d'élèves vérifié."""
    if isinstance(taille, str):
        if replier(taille.strip()) == TAILLE_DEMO:
            return None
        raise ValeurInvalide(
            f"Taille inconnue : « {taille} ». Écrivez \"demo\" pour la classe de "
            f"démonstration, ou un nombre d'élèves entre 1 et {TAILLE_MAX}, par exemple 800."
        )
    if isinstance(taille, bool) or not isinstance(taille, int):
        raise ValeurInvalide(
            f"La taille doit être \"demo\" ou un nombre entier d'élèves, par exemple 800 "
            f"(reçu : {taille!r})."
        )
    if not 1 <= taille <= TAILLE_MAX:
        raise ValeurInvalide(
            f"Un lycée généré compte entre 1 et {TAILLE_MAX} élèves (reçu : {taille})."
        )
    return taille


def generer_etablissement(graine: int = GRAINE_PAR_DEFAUT, taille: int | str = TAILLE_DEMO,
                          *, source: SourceAleatoire | None = None) -> Etablissement:
    """Un lycée réaliste et reproductible.

    :param graine: la graine du hasard ; même graine, même lycée.
    :param taille: ``"demo"`` (la classe TSTMG1 du récit) ou un nombre d'élèves (1 à 3 000).
    :param source: la source de hasard de l'ENT ; si elle est donnée, c'est sa graine qui
        compte (``graine`` doit alors être omise ou égale). Le tirage utilise toujours un
        générateur « annuaire » neuf : régénérer le lycée d'un même ENT (réinitialisation
        d'un scénario) redonne exactement le même lycée.

    >>> lycee = generer_etablissement()
    >>> lycee.personne("lea.martin").classe
    'TSTMG1'
    """
    if source is None:
        source = SourceAleatoire(graine)
    elif not isinstance(source, SourceAleatoire):
        raise ValeurInvalide("« source » doit être la SourceAleatoire de l'ENT.")
    elif graine != GRAINE_PAR_DEFAUT and graine != source.graine:
        raise ValeurInvalide(
            f"Deux graines différentes ont été données ({graine} et celle de la source, "
            f"{source.graine}) : donnez l'une ou l'autre."
        )
    nb_eleves = _nb_eleves(taille)
    rng = source.nouveau_generateur("annuaire")
    return _Fabrique(rng, nb_eleves).construire(source.graine)
