"""Les avantages et les limites de l'ENT pour chaque acteur (question 5 du cours).

Données : ``data/avantages_limites.csv``. La réponse de référence est le tableau corrigé de
la question 5 de la ressource CERTA 2013 (lignes ``corrige_2013``) :

- Direction : communication plus efficace ; économie de papier (moins d'impressions) ;
- Parents : meilleur suivi des enfants (résultats, absences) et communication rapide avec
  les intervenants ;
- Enseignants : travail collaboratif, meilleure communication, suivi plus précis des élèves
  (travaux complémentaires adaptés) ;
- Élèves : travail collaboratif, meilleur suivi de la formation ;
- Collège : meilleure liaison avec le lycée, préparation à l'entrée en seconde.

Le corrigé de 2013 ne donne que des avantages ; les limites viennent d'autres sources,
citées sur chaque ligne (colonne ``source``) :

- page du ministère (2022) : réduire « les incidences de la fracture numérique » ; risques
  d'intégrité (un virus fait perdre ses données à l'établissement, ce qui altère son
  fonctionnement) ; plateforme éditée par une entreprise commerciale privée ;
- droit à la déconnexion : Code du travail, art. L2242-17 (loi n° 2016-1088 du 8 août 2016,
  art. 55, en vigueur le 1er janvier 2017). Il vise les **salariés** et ne s'applique pas
  tel quel aux agents publics comme les enseignants (CFDT Bretagne, 30 septembre 2022) ;
  des académies ont adopté des chartes du droit à la déconnexion, sans obligation nationale
  (SPELC). On l'écrit ainsi : une limite vécue, un droit des salariés, pas une règle qui
  s'imposerait à l'établissement ;
- témoignages de presse (20 Minutes 2018 et 2023, France Info 2023 et 2024, Café
  pédagogique 2023) pour la surcharge de messages, le travail reporté le soir et le
  sentiment de surveillance des élèves : ce sont des constats rapportés, pas des mesures.

Chaque ligne a un libellé court (3 à 6 mots : l'idée attendue), une phrase d'explication et
des mots-clés (variantes qu'un élève peut écrire, pour la correction automatique : accents
et majuscules ignorés, ``*`` = radical, mots d'une expression dans l'ordre).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from entsim.organisation.acteurs import Acteur, acteur as trouver_acteur, acteurs
from entsim.organisation.lecture import (DonneesInvalides, booleen, lignes, minuscule_initiale,
                                         mots_cles, obligatoire)
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

FICHIER_AVANTAGES = "avantages_limites.csv"

#: Les deux natures d'une ligne.
AVANTAGE = "avantage"
LIMITE = "limite"
NATURES = (AVANTAGE, LIMITE)

_COLONNES = ("code", "acteur", "nature", "libelle", "idee", "explication", "mots_cles",
             "corrige_2013", "source")


@dataclass(frozen=True)
class AvantageOuLimite:
    """Un avantage ou une limite de l'ENT pour un acteur.

    ``acteur`` : le code de l'acteur (voir :func:`~entsim.organisation.acteurs.acteur`) ;
    ``nature`` : ``"avantage"`` ou ``"limite"`` ; ``libelle`` : 3 à 6 mots ; ``idee`` :
    complète « Il manque l'idée … » ; ``mots_cles`` : variantes acceptées ;
    ``corrige_2013`` : ligne du tableau corrigé de 2013 (la réponse de référence).
    """

    code: str
    acteur: str
    nature: str
    libelle: str
    idee: str
    explication: str
    mots_cles: tuple[str, ...]
    corrige_2013: bool
    source: str

    @property
    def est_avantage(self) -> bool:
        return self.nature == AVANTAGE

    def __str__(self) -> str:
        return f"{self.libelle} : {minuscule_initiale(self.explication)}"


def _ligne_depuis(rang: int, v: dict[str, str], codes_acteurs: set[str]) -> AvantageOuLimite:
    nom = FICHIER_AVANTAGES
    if v["acteur"] not in codes_acteurs:
        raise DonneesInvalides(nom, rang, f"acteur « {v['acteur']} » absent de acteurs.csv.")
    if v["nature"] not in NATURES:
        raise DonneesInvalides(nom, rang, "la colonne « nature » vaut « avantage » ou "
                               "« limite ».")
    libelle = obligatoire(v["libelle"], nom, rang, "libelle")
    if not 2 <= len(libelle.split()) <= 6:
        raise DonneesInvalides(nom, rang, f"le libellé « {libelle} » doit faire de 2 à 6 "
                               "mots.")
    return AvantageOuLimite(code=obligatoire(v["code"], nom, rang, "code"), acteur=v["acteur"],
                            nature=v["nature"], libelle=libelle,
                            idee=obligatoire(v["idee"], nom, rang, "idee"),
                            explication=obligatoire(v["explication"], nom, rang, "explication"),
                            mots_cles=mots_cles(v["mots_cles"], nom, rang),
                            corrige_2013=booleen(v["corrige_2013"], nom, rang, "corrige_2013"),
                            source=obligatoire(v["source"], nom, rang, "source"))


@lru_cache(maxsize=1)
def _toutes() -> tuple[AvantageOuLimite, ...]:
    codes_acteurs = {a.code for a in acteurs()}
    resultat, vus = [], set()
    for rang, valeurs in lignes(FICHIER_AVANTAGES, _COLONNES):
        une = _ligne_depuis(rang, valeurs, codes_acteurs)
        if une.code in vus:
            raise DonneesInvalides(FICHIER_AVANTAGES, rang, f"code « {une.code} » en double.")
        vus.add(une.code)
        resultat.append(une)
    ordre = {a.code: i for i, a in enumerate(acteurs())}
    # Par acteur (ordre de acteurs.csv), les avantages avant les limites, puis l'ordre du fichier.
    return tuple(sorted(resultat, key=lambda l: (ordre[l.acteur], NATURES.index(l.nature))))


def avantages_et_limites(acteur: object = None, *,
                         nature: str | None = None) -> tuple[AvantageOuLimite, ...]:
    """Les avantages et limites de l'ENT, pour tous les acteurs ou pour l'un d'eux (code,
    nom ou :class:`~entsim.organisation.acteurs.Acteur`) ; ``nature="avantage"`` ou
    ``"limite"`` pour n'en garder qu'une sorte.

    Rangés par acteur (ordre de :func:`~entsim.organisation.acteurs.acteurs`), les avantages
    avant les limites."""
    lignes_ = _toutes()
    if acteur is not None:
        code = trouver_acteur(acteur).code
        lignes_ = tuple(l for l in lignes_ if l.acteur == code)
    if nature is not None:
        if nature not in NATURES:
            raise ValeurInvalide(f"« nature » vaut « avantage » ou « limite » (reçu : "
                                 f"{cite(nature)}).")
        lignes_ = tuple(l for l in lignes_ if l.nature == nature)
    return lignes_


def acteurs_avec_avantages() -> tuple[Acteur, ...]:
    """Les acteurs qui ont au moins une ligne d'avantage ou de limite, dans l'ordre."""
    codes = {l.acteur for l in _toutes()}
    return tuple(a for a in acteurs() if a.code in codes)


def _liste(lignes_: tuple[AvantageOuLimite, ...], detaille: bool) -> str:
    if not lignes_:
        return ""
    if detaille:
        return "\n".join(f"• {l}" for l in lignes_)
    textes = [lignes_[0].libelle] + [minuscule_initiale(l.libelle) for l in lignes_[1:]]
    return " ; ".join(textes) + "."


def tableau_avantages_limites(*, corrige_2013: bool = False, detaille: bool = False):
    """Le tableau de la question 5 : une ligne par acteur, colonnes « Acteur »,
    « Avantages », « Limites » (textes en français).

    ``corrige_2013=True`` : seulement les lignes du corrigé de 2013 (la réponse de
    référence : des avantages, pas de limites). ``detaille=True`` : chaque idée suivie de
    son explication, une par ligne (« • … »)."""
    from entsim.socle.tableaux import tableau

    for nom, valeur in (("corrige_2013", corrige_2013), ("detaille", detaille)):
        if not isinstance(valeur, bool):
            raise ValeurInvalide(f"« {nom} » vaut True ou False (reçu : {cite(valeur)}).")
    lignes_tableau = []
    for un in acteurs_avec_avantages():
        siennes = tuple(l for l in avantages_et_limites(un.code)
                        if l.corrige_2013 or not corrige_2013)
        if not siennes:
            continue
        avantages = tuple(l for l in siennes if l.est_avantage)
        limites = tuple(l for l in siennes if not l.est_avantage)
        lignes_tableau.append((un.nom_court, _liste(avantages, detaille),
                               _liste(limites, detaille)))
    return tableau(lignes_tableau, ("Acteur", "Avantages", "Limites"))
