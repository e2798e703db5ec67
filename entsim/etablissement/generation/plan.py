"""Le plan du lycée : formations, effectifs, classes et enseignements de chaque classe.

Sources : enseignements et horaires des arrêtés du 16 juillet 2018 (seconde générale et
technologique, cycle terminal des voies générale et technologique), repris dans
``data/disciplines.csv`` ; âge : un élève « à l'heure » entre en seconde l'année de ses
15 ans (rentrée 2026 : né en 2011), en première à 16 ans, en terminale à 17 ans.
Simplification assumée : chaque classe de la voie générale suit une combinaison de
spécialités (dans la réalité les groupes de spécialité mêlent plusieurs classes).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date

from entsim.etablissement.generation.donnees_livrees import Enseignement, donnees_livrees
from entsim.etablissement.generation.recit import (CLASSE_DEMO, EFFECTIF_DEMO, EMILIE_ROUSSEAU,
                                                   HUGO_BERNARD, INES_HADDAD, KARIM_BERNARD,
                                                   LEA_MARTIN, MEHDI_HADDAD, NICOLAS_DURAND,
                                                   PERSONAS, SAMIRA_HADDAD, SECONDE_DEMO,
                                                   SOPHIE_MARTIN, YANIS_HADDAD, Persona)

__all__ = ["RENTREE", "EFFECTIF_MAX_CLASSE", "PART_SECONDE", "PART_PREMIERE", "PART_STMG",
           "FORMATIONS", "PART_EN_RETARD", "PART_EN_AVANCE", "SPECIFIQUES_STMG",
           "COMBINAISONS_PREMIERE", "COMBINAISONS_TERMINALE", "PlanClasse", "repartir",
           "plan_du_lycee", "seconde_du_recit", "personas_presents", "libelle_classe"]

#: Date de la rentrée simulée (l'horloge de entsim commence le lundi 7 septembre 2026).
RENTREE = date(2026, 9, 1)
#: Effectif maximal d'une classe (les lycées tiennent leurs divisions sous 35 élèves).
EFFECTIF_MAX_CLASSE = 35

#: Répartition des élèves entre les niveaux (moins d'élèves en terminale qu'en seconde :
#: une partie des élèves de seconde poursuit en voie professionnelle ou ailleurs).
PART_SECONDE = 0.36
PART_PREMIERE = 0.33
#: Part de la série STMG parmi les élèves de première et de terminale de ce lycée.
PART_STMG = 0.25

# Libellés des enseignements (tels qu'écrits dans data/disciplines.csv)
MATHS = "Mathématiques"
PC = "Physique-chimie"
SVT = "Sciences de la vie et de la Terre"
SES = "Sciences économiques et sociales"
HGGSP = "Histoire-géographie, géopolitique et sciences politiques"
HLP = "Humanités, littérature et philosophie"
LLCER = "Langues, littératures et cultures étrangères (anglais)"
NSI = "Numérique et sciences informatiques"
#: La spécialité de terminale STMG « management, sciences de gestion et numérique » (MSGN) ;
#: chaque classe y suit un enseignement spécifique (SIG : systèmes d'information de gestion) —
#: arrêté du 16 juillet 2018 (série STMG). Le libellé nomme la spécialité, puis l'enseignement
#: spécifique, pour qu'on ne prenne pas « SIG » pour le nom de la spécialité.
_MSGN = "Management, sciences de gestion et numérique, enseignement spécifique"
MSGN_SIG = f"{_MSGN} SIG"
#: Ordre des enseignements spécifiques des classes de terminale STMG : TSTMG1 suit SIG.
SPECIFIQUES_STMG: tuple[tuple[str, str], ...] = (
    (MSGN_SIG, "systèmes d'information de gestion"),
    (f"{_MSGN} mercatique", "mercatique"),
    (f"{_MSGN} gestion et finance", "gestion et finance"),
    (f"{_MSGN} RHC", "ressources humaines et communication"),
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
class PlanClasse:
    """Une classe prévue : code, formation, effectif et enseignements suivis."""

    code: str
    formation: str
    effectif: int
    enseignements: list[Enseignement]
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
        list[Enseignement], str]:
    """Les enseignements d'une classe : communs, langue(s) B, spécialités ou enseignement
    spécifique. Renvoie aussi le libellé de l'enseignement spécifique (terminale STMG)."""
    lignes = donnees_livrees().enseignements[formation]
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


def plan_du_lycee(rng: random.Random, nb_eleves: int | None) -> list[PlanClasse]:
    """Les classes du lycée ; ``nb_eleves`` ``None`` : celles de la démonstration."""
    if nb_eleves is None:   # démonstration
        tstmg, specifique = _enseignements_de_classe(rng, "TSTMG", 1)
        seconde = [e for e in donnees_livrees().enseignements["2NDE"]
                   if e.discipline in (MATHS, "Anglais (LVA)")]
        return [PlanClasse(CLASSE_DEMO, "TSTMG", EFFECTIF_DEMO, tstmg, specifique),
                PlanClasse(SECONDE_DEMO, "2NDE", 1, seconde)]
    plan: list[PlanClasse] = []
    for formation, nombre in repartir(nb_eleves).items():
        for rang, effectif in enumerate(_effectifs(nombre), start=1):
            lignes, specifique = _enseignements_de_classe(rng, formation, rang)
            plan.append(PlanClasse(f"{formation}{rang}", formation, effectif,
                                    lignes, specifique))
    return plan


def seconde_du_recit(plan: list[PlanClasse]) -> str:
    """La seconde de Yanis Haddad : :data:`SECONDE_DEMO` si elle existe, sinon la dernière."""
    secondes = [c.code for c in plan if c.formation == "2NDE"]
    return SECONDE_DEMO if SECONDE_DEMO in secondes else secondes[-1]


def personas_presents(plan: list[PlanClasse]) -> list[Persona]:
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


def libelle_classe(plan: PlanClasse) -> str:
    """Le libellé d'une classe : « Terminale STMG 1 – systèmes d'information de gestion »."""
    rang = plan.code[len(plan.formation):]
    libelle = f"{FORMATIONS[plan.formation][2]} {rang}"
    return f"{libelle} – {plan.specifique}" if plan.specifique else libelle
