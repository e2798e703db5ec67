"""Analyser la coordination (partie 2 du cours, Q5) : qui écrit à qui, combien de jours
avant la date les devoirs sont publiés, combien de papier l'ENT remplace.

Du pandas pur, sur les tableaux d'une activité simulée (``activite.messages``,
``activite.devoirs``, ``activite.evaluations``) ou sur l'activité elle-même. Le papier
économisé est une **estimation sous hypothèses** (:class:`HypothesesPapier`, rendues avec le
résultat), jamais présentée comme une mesure.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from entsim.activite.analyses import PROFILS, pourcentage, verifier_colonnes
from entsim.etablissement.annuaire import Profil
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import ecrire_nombre, nature


# -- messages ------------------------------------------------------------------------------
COLONNES_MESSAGES = ("Profil de l'expéditeur", "Profil du destinataire")
COLONNES_DEVOIRS = ("Publié le", "Pour le")


def _donnees(source: object, attribut: str, colonnes: tuple[str, ...],
             exemple: str) -> pd.DataFrame:
    tableau = source if isinstance(source, pd.DataFrame) else getattr(source, attribut, None)
    if not isinstance(tableau, pd.DataFrame):
        raise ValeurInvalide(f"L'analyse porte sur le tableau {exemple} (reçu : "
                             f"{nature(source)}).", code="tableau_attendu")
    verifier_colonnes(tableau, colonnes, f"le tableau {exemple}")
    return tableau


def messages_par_couple(messages: object) -> pd.DataFrame:
    """Le nombre de messages par profil de l'expéditeur (lignes) et profil du destinataire
    (colonnes), sur ``activite.messages`` (ou l'activité elle-même)."""
    messages = _donnees(messages, "messages", COLONNES_MESSAGES, "activite.messages")
    expediteurs = messages[COLONNES_MESSAGES[0]].astype(str).to_numpy()
    destinataires = messages[COLONNES_MESSAGES[1]].astype(str).to_numpy()
    presents = set(expediteurs) | set(destinataires)
    ordre = [p for p in PROFILS if p in presents] + sorted(presents - set(PROFILS))
    comptes = pd.crosstab(expediteurs, destinataires)
    comptes = comptes.reindex(index=ordre, columns=ordre, fill_value=0).astype(np.int64)
    comptes.index.name, comptes.columns.name = COLONNES_MESSAGES
    return comptes


# -- devoirs ------------------------------------------------------------------------------
@dataclass(frozen=True)
class DelaiDevoirs:
    """Combien de jours avant la date prévue les devoirs sont publiés dans le cahier de
    textes : la répartition, la médiane, la part publiée au moins 2 jours avant."""

    delais: pd.Series               # jours d'avance, un par devoir
    distribution: pd.DataFrame      # « Jours d'avance » → « Devoirs »

    @property
    def nombre(self) -> int:
        return int(len(self.delais))

    @property
    def mediane(self) -> float:
        return float(self.delais.median()) if self.nombre else 0.0

    @property
    def part_deux_jours_ou_plus(self) -> float:
        return float((self.delais >= 2).mean()) if self.nombre else 0.0

    def __str__(self) -> str:
        if not self.nombre:
            return "Aucun devoir publié sur la période."
        return (f"{self.nombre} devoirs ; médiane : {nombre_en_jours(self.mediane)} d'avance ; "
                f"publiés au moins 2 jours avant : {pourcentage(self.part_deux_jours_ou_plus)}.")


def nombre_en_jours(jours: float) -> str:
    """« 1 jour », « 3 jours », « 2,5 jours »."""
    return f"{ecrire_nombre(round(jours, 1))} {'jour' if abs(jours) < 2 else 'jours'}"


def delai_de_publication_des_devoirs(devoirs: object) -> DelaiDevoirs:
    """Les jours entre la publication d'un devoir (« Publié le ») et sa date (« Pour le »),
    sur ``activite.devoirs`` (ou l'activité elle-même)."""
    devoirs = _donnees(devoirs, "devoirs", COLONNES_DEVOIRS, "activite.devoirs")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")           # « format non reconnu » : on refuse
            publies = pd.to_datetime(devoirs["Publié le"]).dt.normalize()
            pour = pd.to_datetime(devoirs["Pour le"]).dt.normalize()
    except (ValueError, TypeError):
        raise ValeurInvalide("Les colonnes « Publié le » et « Pour le » doivent contenir des "
                             "dates, comme dans activite.devoirs.",
                             code="dates_invalides") from None
    delais = ((pour - publies).dt.days).astype(np.int64).rename("Jours d'avance")
    if len(delais):
        jours = pd.RangeIndex(min(0, int(delais.min())), int(delais.max()) + 1)
    else:
        jours = pd.RangeIndex(0)
    compte = delais.value_counts().reindex(jours, fill_value=0).astype(np.int64)
    distribution = pd.DataFrame({"Devoirs": compte.to_numpy()},
                                index=pd.Index(jours, name="Jours d'avance"))
    return DelaiDevoirs(delais.reset_index(drop=True), distribution)


# -- papier économisé ----------------------------------------------------------------------
#: Masse d'une feuille A4 de 80 g/m² : 0,210 m × 0,297 m (format A4, norme ISO 216)
#: × 80 g/m² (grammage, norme ISO 536) = 4,99 g, arrondi à 5 g.
GRAMMES_PAR_FEUILLE_A4 = 5.0


@dataclass(frozen=True)
class HypothesesPapier:
    """Les hypothèses du calcul du papier économisé : des **choix de modèle**, pas des
    mesures ; chacune se change (``HypothesesPapier(part_des_devoirs_sur_feuille=0.5)``)."""

    #: Un message à une famille remplace un courrier ou un mot du carnet de liaison.
    feuilles_par_message: float = 1.0
    #: Part des devoirs qui auraient été distribués sur une feuille (une par élève).
    part_des_devoirs_sur_feuille: float = 0.25
    #: À chaque évaluation publiée, un coupon de notes par élève (un quart de feuille).
    feuilles_par_releve: float = 0.25
    #: Élèves par classe, quand l'annuaire n'est pas donné.
    eleves_par_classe: int = 30
    #: Masse d'une feuille (A4, 80 g/m²).
    grammes_par_feuille: float = GRAMMES_PAR_FEUILLE_A4

    def textes(self) -> list[str]:
        return [f"un message à une famille remplace un courrier papier ou un mot du carnet de "
                f"liaison ({ecrire_nombre(self.feuilles_par_message)} feuille)",
                f"{pourcentage(self.part_des_devoirs_sur_feuille)} des devoirs auraient été "
                f"distribués sur une feuille, une par élève",
                f"chaque évaluation publiée aurait donné un relevé papier par élève "
                f"({ecrire_nombre(self.feuilles_par_releve)} feuille)",
                f"une feuille A4 de 80 g/m² pèse {ecrire_nombre(self.grammes_par_feuille)} g"]


@dataclass(frozen=True)
class PapierEconomise:
    """Le papier que l'ENT a remplacé sur la période : une **estimation** qui dépend de
    ``hypotheses`` (rendues avec le résultat), pas une mesure."""

    tableau: pd.DataFrame
    hypotheses: HypothesesPapier
    #: Vrai si l'effectif des classes vient de l'annuaire, faux s'il est supposé
    #: (``hypotheses.eleves_par_classe``).
    effectifs_reels: bool = True

    @property
    def feuilles(self) -> float:
        return float(self.tableau["Feuilles"].sum())

    @property
    def kilogrammes(self) -> float:
        return self.feuilles * self.hypotheses.grammes_par_feuille / 1000

    def __str__(self) -> str:
        return (f"Environ {ecrire_nombre(round(self.feuilles))} feuilles de papier économisées "
                f"({ecrire_nombre(round(self.kilogrammes, 1))} kg, "
                f"{ecrire_nombre(round(self.feuilles / 500, 1))} "
                f"{'ramettes' if self.feuilles / 500 >= 2 else 'ramette'} de 500 feuilles) : "
                f"une estimation, pas une mesure, sous ces "
                f"hypothèses : " + " ; ".join(self._hypotheses()) + ".")

    def _hypotheses(self) -> list[str]:
        textes = self.hypotheses.textes()
        if not self.effectifs_reels:
            textes.append(f"des classes de {self.hypotheses.eleves_par_classe} élèves "
                          f"(l'annuaire n'a pas été donné)")
        return textes


def _effectifs(etablissement: object) -> dict[str, int] | None:
    """Classe → nombre d'élèves, lu dans l'annuaire (``ent.etablissement``) ou donné tel quel
    (``activite.effectifs``) ; ``None`` si on ne le connaît pas."""
    if isinstance(etablissement, dict):
        return etablissement or None
    classes = getattr(etablissement, "classes", None)
    if not isinstance(classes, dict):
        return None
    return {code: len(classe.eleves) for code, classe in classes.items()}


def _eleves_par_classe(classes: pd.Series, effectifs: dict[str, int] | None,
                       defaut: int) -> pd.Series:
    if effectifs is None:
        return pd.Series(defaut, index=classes.index, dtype=float)
    return classes.astype(str).map(lambda c: effectifs.get(c, defaut)).astype(float)


def papier_economise(activite: object, hypotheses: HypothesesPapier | None = None,
                     etablissement: object = None) -> PapierEconomise:
    """Les documents papier que l'ENT a remplacés sur la période simulée (messages aux
    familles, devoirs distribués, relevés de notes), en nombre et en feuilles, sous des
    hypothèses explicites (:class:`HypothesesPapier`, rendues avec le résultat).
    L'effectif des classes vient de l'annuaire (``etablissement=ent.etablissement``) ; sans
    lui, il est supposé (``hypotheses.eleves_par_classe``) et le texte du résultat le dit."""
    if hypotheses is None:
        hypotheses = HypothesesPapier()
    if not isinstance(hypotheses, HypothesesPapier):
        raise ValeurInvalide("Les hypothèses se donnent avec HypothesesPapier(…), par exemple "
                             "HypothesesPapier(feuilles_par_message=2) "
                             f"(reçu : {nature(hypotheses)}).",
                             code="hypotheses_attendues")
    messages = _donnees(activite, "messages", COLONNES_MESSAGES, "activite.messages")
    devoirs = _donnees(activite, "devoirs", ("Classe",) + COLONNES_DEVOIRS, "activite.devoirs")
    evaluations = _donnees(activite, "evaluations", ("Classe",), "activite.evaluations")
    if etablissement is None:   # l'activité simulée connaît l'effectif de ses classes
        etablissement = getattr(activite, "effectifs", None)
    etablissement = getattr(etablissement, "etablissement", etablissement)    # l'ENT
    effectifs = _effectifs(etablissement)
    reels = effectifs is not None
    aux_familles = int((messages[COLONNES_MESSAGES[1]].astype(str) == Profil.PARENT.value).sum())
    h = hypotheses
    eleves_devoirs = _eleves_par_classe(devoirs["Classe"], effectifs, h.eleves_par_classe)
    eleves_evals = _eleves_par_classe(evaluations["Classe"], effectifs, h.eleves_par_classe)
    lignes = [("Messages aux familles", aux_familles, aux_familles * h.feuilles_par_message),
              ("Devoirs distribués sur feuille", len(devoirs),
               float(eleves_devoirs.sum()) * h.part_des_devoirs_sur_feuille),
              ("Relevés de notes", int(eleves_evals.sum()),
               float(eleves_evals.sum()) * h.feuilles_par_releve)]
    tableau = pd.DataFrame(lignes, columns=["Document", "Nombre", "Feuilles"]).set_index("Document")
    return PapierEconomise(tableau, hypotheses, reels)
