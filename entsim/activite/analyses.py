"""Analyser l'usage de l'ENT (partie 2 du cours, Q4–Q6) : qui se connecte, quand, à quoi.

Chaque fonction est du pandas pur et rend un ``DataFrame`` aux étiquettes françaises. Elle
marche sur les **deux** journaux, qui ont les mêmes colonnes : une année simulée
(``activite.journal``, voir :func:`entsim.activite.simuler_activite`) et le vrai journal de
l'AAS (``ent.journal.tableau()``). Le profil d'une identité vient de l'annuaire de
l'établissement (:func:`ajouter_profils`) ; une identité absente de l'annuaire (une faute de
frappe à la connexion, une ligne du système) a le profil « Inconnu ».

Un journal bien formé mais sans ligne (une période vide, un profil absent) donne un tableau
vide, pas une erreur ; ce qui n'est pas un journal (pas un ``DataFrame``, colonnes
manquantes, profil inconnu) lève :class:`~entsim.socle.erreurs.ValeurInvalide` avec une phrase
qui dit ce qui est attendu.

Les analyses de la coordination (messages, devoirs, papier) sont dans
:mod:`entsim.activite.coordination`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from entsim.etablissement.annuaire import Profil, profil_depuis
from entsim.etablissement.catalogue import charger_catalogue
from entsim.etablissement.identifiants import replier
from entsim.journal.operations import OPERATIONS
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite, nature

#: Les colonnes du journal de l'AAS (``ent.journal.tableau()``), que le simulateur reprend.
COLONNES_JOURNAL = ("Date", "Opération", "Identité", "Service", "Poste", "Résultat", "Détail",
                    "Objet")
#: Le profil d'une identité absente de l'annuaire.
PROFIL_INCONNU = "Inconnu"
#: L'ordre des profils dans les tableaux et les légendes.
PROFILS = tuple(p.value for p in Profil) + (PROFIL_INCONNU,)
#: Les jours de la semaine (``Timestamp.day_of_week`` : 0 = lundi).
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
#: Le sujet d'une phrase pour chaque profil (et ``None`` : tout le monde).
SUJETS = {"Élève": "les élèves", "Parent": "les parents", "Enseignant": "les enseignants",
          "Personnel": "les personnels", "Invité": "les invités",
          PROFIL_INCONNU: "les identités inconnues", None: "les usagers"}

CONNEXION = OPERATIONS["connexion_reussie"]
TICKET_VALIDE = OPERATIONS["ticket_valide"]

_EXEMPLE = ("activite.journal (une période simulée) ou ent.journal.tableau() (le journal de "
            "l'AAS)")


# -- le journal reçu -------------------------------------------------------------------------
def journal_de(source: object, colonnes=("Date", "Opération", "Identité")) -> pd.DataFrame:
    """Le journal en ``DataFrame``, vérifié : ``source`` est ce tableau, ou une activité
    simulée (son ``journal``), ou l'ENT / son journal (``journal.tableau()``). La colonne
    « Date » est convertie en dates si besoin."""
    tableau = source
    if not isinstance(tableau, pd.DataFrame):
        interne = getattr(source, "journal", None)
        if isinstance(interne, pd.DataFrame):
            tableau = interne                              # une activité simulée
        elif callable(getattr(interne, "tableau", None)):
            tableau = interne.tableau()                    # l'ENT
        elif callable(getattr(source, "tableau", None)) and hasattr(source, "chaine_de"):
            tableau = source.tableau()                     # le journal de l'AAS
    if not isinstance(tableau, pd.DataFrame):
        raise ValeurInvalide(f"L'analyse porte sur un journal en tableau pandas : {_EXEMPLE} "
                             f"(reçu : {nature(source)}).", code="journal_attendu")
    verifier_colonnes(tableau, colonnes, f"le journal tel que le donnent {_EXEMPLE}")
    if "Date" in colonnes and not pd.api.types.is_datetime64_any_dtype(tableau["Date"]):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")       # « format non reconnu » : on refuse
                dates = pd.to_datetime(tableau["Date"])
        except (ValueError, TypeError):
            raise ValeurInvalide("La colonne « Date » du journal doit contenir des dates et "
                                 "heures, comme dans ent.journal.tableau().",
                                 code="dates_invalides") from None
        tableau = tableau.assign(Date=dates)
    return tableau


def verifier_colonnes(tableau: pd.DataFrame, colonnes, attendu: str) -> None:
    """Lève :class:`ValeurInvalide` en nommant les colonnes qui manquent et ce qu'il faut."""
    manquantes = [c for c in colonnes if c not in tableau.columns]
    if manquantes:
        noms = ", ".join(f"« {c} »" for c in manquantes)
        quoi = "la colonne" if len(manquantes) == 1 else "les colonnes"
        raise ValeurInvalide(f"Il manque au tableau {quoi} {noms} : il faut {attendu}.",
                             code="colonnes_manquantes")


# -- les profils -----------------------------------------------------------------------------
def profils_de(annuaire: object) -> pd.Series:
    """Identité → libellé du profil (« Élève », « Parent »…), depuis un établissement, l'ENT,
    une activité simulée (``activite.profils``) ou une telle série."""
    if isinstance(annuaire, pd.Series):
        return annuaire
    profils = getattr(annuaire, "profils", None)
    if isinstance(profils, pd.Series):
        return profils
    personnes = getattr(getattr(annuaire, "etablissement", annuaire), "personnes", None)
    if isinstance(personnes, dict):
        return pd.Series({i: str(getattr(p.profil, "value", p.profil))
                          for i, p in personnes.items()}, dtype=object)
    raise ValeurInvalide("Les profils viennent de l'annuaire : donnez l'établissement "
                         "(ent.etablissement) ou l'activité simulée "
                         f"(reçu : {nature(annuaire)}).", code="annuaire_attendu")


def ajouter_profils(tableau: object, etablissement: object) -> pd.DataFrame:
    """Une copie du journal avec une colonne « Profil » (catégorielle), tirée de l'annuaire ;
    une identité inconnue de l'annuaire, ou vide, a le profil « Inconnu »."""
    tableau = journal_de(tableau, ("Identité",))
    table = profils_de(etablissement)
    libelles = list(PROFILS) + sorted({str(v) for v in table.unique()} - set(PROFILS))
    position = {libelle: i for i, libelle in enumerate(libelles)}
    identites = tableau["Identité"]
    if isinstance(identites.dtype, pd.CategoricalDtype):
        categories = pd.Series(identites.cat.categories.astype(str))
        par_categorie = categories.map(table).map(position).fillna(len(PROFILS) - 1)
        codes_cat = np.append(par_categorie.to_numpy(dtype=np.int64), len(PROFILS) - 1)
        # Le code -1 (identité manquante) désigne le dernier élément : « Inconnu ».
        codes = codes_cat[identites.cat.codes.to_numpy()]
    else:
        codes = (identites.astype(object).map(table).map(position)
                 .fillna(len(PROFILS) - 1).to_numpy(dtype=np.int64))
    profil = pd.Categorical.from_codes(codes, categories=libelles)
    return tableau.assign(Profil=pd.Series(profil, index=tableau.index))


def libelle_profil(profil: object) -> str:
    """« Élève », « Parent »… (ou « Inconnu ») à partir d'un profil ou d'un texte, sans tenir
    compte des accents, des majuscules ni du pluriel (« eleves », « Élèves »)."""
    if isinstance(profil, Profil):
        return profil.value
    if isinstance(profil, str):
        mots = [m[:-1] if m.endswith("s") else m for m in replier(profil).split()]
        if mots == ["inconnu"]:
            return PROFIL_INCONNU
        try:
            return profil_depuis(" ".join(mots)).value
        except ValeurInvalide:
            pass
    possibles = ", ".join(PROFILS[:-1])
    raise ValeurInvalide(f"Profil inconnu : {cite(profil)}. Profils possibles : {possibles} "
                         f"(ou {PROFIL_INCONNU} pour une identité absente de l'annuaire).",
                         code="profil_inconnu")


def _avec_profils(source: object, etablissement: object, tableau: pd.DataFrame) -> pd.DataFrame:
    if "Profil" in tableau.columns:
        return tableau
    if etablissement is None and isinstance(getattr(source, "profils", None), pd.Series):
        etablissement = source.profils                    # une activité simulée
    if etablissement is None and hasattr(source, "etablissement"):
        etablissement = source.etablissement              # l'ENT
    if etablissement is None:
        raise ValeurInvalide("Pour compter par profil, il faut l'annuaire : ajoutez "
                             "etablissement=ent.etablissement (ou passez l'activité simulée "
                             "elle-même).", code="annuaire_attendu")
    return ajouter_profils(tableau, etablissement)


# -- les connexions --------------------------------------------------------------------------
def connexions(tableau: object) -> pd.DataFrame:
    """Les lignes « Connexion réussie » du journal (une par connexion)."""
    journal = journal_de(tableau)
    return journal[journal["Opération"] == CONNEXION]


def connexions_du_profil(tableau: object, profil: object = None,
                         etablissement: object = None) -> pd.DataFrame:
    """Les connexions, de tout le monde (``profil=None``) ou d'un profil (« Parent »…)."""
    libelle = None if profil is None else libelle_profil(profil)
    lignes = connexions(tableau)
    if libelle is None:
        return lignes
    lignes = _avec_profils(tableau, etablissement, lignes)
    return lignes[lignes["Profil"] == libelle]


def carte_horaire(tableau: object, profil: object = None,
                  etablissement: object = None) -> pd.DataFrame:
    """Le nombre de connexions par heure (lignes 0 à 23, « Heure ») et par jour de la
    semaine (colonnes lundi … dimanche, « Jour »)."""
    lignes = connexions_du_profil(tableau, profil, etablissement)
    dates = lignes["Date"]
    cases = (dates.dt.hour.to_numpy(dtype=np.int64) * 7
             + dates.dt.day_of_week.to_numpy(dtype=np.int64))
    comptes = np.bincount(cases, minlength=24 * 7).reshape(24, 7)
    return pd.DataFrame(comptes, index=pd.RangeIndex(24, name="Heure"),
                        columns=pd.Index(JOURS, name="Jour"))


@dataclass(frozen=True)
class Creneau:
    """Les ``largeur`` heures consécutives (de ``debut`` h à ``fin`` h) qui réunissent le
    plus de connexions, et leur part (entre 0 et 1)."""

    debut: int
    fin: int
    connexions: int
    total: int

    @property
    def part(self) -> float:
        return self.connexions / self.total if self.total else 0.0

    def texte(self) -> str:
        return f"entre {self.debut} h et {self.fin} h"


def creneau_principal(carte: pd.DataFrame, largeur: int = 3) -> Creneau:
    """Le créneau de ``largeur`` heures le plus chargé d'une :func:`carte_horaire`."""
    par_heure = carte.sum(axis=1).to_numpy()
    fenetres = np.convolve(par_heure, np.ones(largeur, dtype=np.int64), mode="valid")
    egales = np.flatnonzero(fenetres == fenetres.max())
    debut = int(egales[len(egales) // 2])              # ex aequo : celui du milieu
    return Creneau(debut, debut + largeur, int(fenetres[debut]), int(par_heure.sum()))


def part_entre(tableau: object, debut: int, fin: int, profil: object = None,
               etablissement: object = None) -> float:
    """La part (0 à 1) des connexions ouvertes de ``debut`` h (incluse) à ``fin`` h
    (exclue) ; 0 s'il n'y a aucune connexion."""
    carte = carte_horaire(tableau, profil, etablissement)
    total = int(carte.to_numpy().sum())
    return int(carte.loc[debut:fin - 1].to_numpy().sum()) / total if total else 0.0


def part_du_soir(tableau: object, profil: object = None, etablissement: object = None) -> float:
    """La part des connexions du soir, de 18 h à 22 h (voir :func:`part_entre`)."""
    return part_entre(tableau, 18, 22, profil, etablissement)


# -- l'année, semaine par semaine ------------------------------------------------------------
def _vacances(calendrier: object) -> list[tuple[str, pd.Timestamp, pd.Timestamp]]:
    """Les vacances du calendrier : (nom, premier jour, dernier jour inclus)."""
    resultat = []
    for nom, debut, fin in calendrier.vacances():
        debut, fin = pd.Timestamp(debut).normalize(), pd.Timestamp(fin).normalize()
        if hasattr(calendrier, "est_vacances") and not calendrier.est_vacances(fin.date()):
            fin -= pd.Timedelta(days=1)                   # fin = jour de la reprise
        resultat.append((str(nom), debut, fin))
    return resultat


def vacances_de_la_semaine(lundi: pd.Timestamp, vacances) -> str:
    """Le nom des vacances qui couvrent au moins trois jours du lundi au vendredi, ou ""."""
    for nom, debut, fin in vacances:
        jours = pd.date_range(lundi, lundi + pd.Timedelta(days=4))
        if ((jours >= debut) & (jours <= fin)).sum() >= 3:
            return nom
    return ""


def par_semaine(tableau: object, etablissement: object = None,
                calendrier: object = None) -> pd.DataFrame:
    """Le nombre de connexions par semaine (lignes : « Semaine du » lundi, toutes les
    semaines de la période, même vides) et par profil (colonnes). Avec le calendrier
    scolaire (celui de l'activité simulée s'il n'est pas donné), une dernière colonne
    « Vacances » nomme les semaines de vacances."""
    if calendrier is None:
        calendrier = getattr(tableau, "calendrier", None)
    lignes = _avec_profils(tableau, etablissement, connexions(tableau))
    semaines = lignes["Date"].dt.normalize() - pd.to_timedelta(lignes["Date"].dt.day_of_week, "D")
    comptes = pd.crosstab(semaines.to_numpy(), lignes["Profil"].to_numpy())
    presents = [p for p in lignes["Profil"].cat.categories if p in comptes.columns]
    if len(lignes):
        toutes = pd.date_range(semaines.min(), semaines.max(), freq="7D")
        comptes = comptes.reindex(index=toutes, columns=presents, fill_value=0)
    else:
        comptes = pd.DataFrame(index=pd.DatetimeIndex([]), columns=presents, dtype=np.int64)
    comptes.index.name, comptes.columns.name = "Semaine du", "Profil"
    comptes = comptes.astype(np.int64)
    if calendrier is not None:
        vacances = _vacances(calendrier)
        comptes["Vacances"] = [vacances_de_la_semaine(lundi, vacances) for lundi in comptes.index]
    return comptes


# -- les services ----------------------------------------------------------------------------
def pourcentage(part: float) -> str:
    """0.413 → « 41 % » (espace fine insécable avant le signe)."""
    return f"{round(100 * part)}\u202f%"


def _noms_des_services(catalogue: object) -> dict[str, str]:
    if catalogue is None:
        catalogue = charger_catalogue()
    return {code: catalogue.service(code).nom for code in catalogue.codes()}


def _compter_par_categories(lignes_: pd.Series, colonnes: pd.Series, nommer) -> pd.DataFrame:
    """Le tableau croisé de ``pd.crosstab`` (lignes et colonnes triées, seules les valeurs
    présentes), compté sur les codes des catégories (un ``bincount``) au lieu de textes
    objet ligne par ligne ; ``nommer`` renomme chaque catégorie de colonne (une fois par
    catégorie, pas par ligne) ; deux catégories de même nom sont additionnées."""
    lignes_ = lignes_.astype("category") if not isinstance(lignes_.dtype, pd.CategoricalDtype) \
        else lignes_
    colonnes = colonnes.astype("category") \
        if not isinstance(colonnes.dtype, pd.CategoricalDtype) else colonnes
    noms_lignes = [str(c) for c in lignes_.cat.categories]
    noms_colonnes = [nommer(str(c)) for c in colonnes.cat.categories]
    codes_l = lignes_.cat.codes.to_numpy().astype(np.int64)
    codes_c = colonnes.cat.codes.to_numpy().astype(np.int64)
    valides = (codes_l >= 0) & (codes_c >= 0)
    if not valides.any():                       # rien à compter : le tableau vide de crosstab
        return pd.crosstab(np.array([], dtype=object), np.array([], dtype=object))
    largeur = max(len(noms_colonnes), 1)
    comptes = np.bincount(codes_l[valides] * largeur + codes_c[valides],
                          minlength=len(noms_lignes) * largeur
                          ).reshape(len(noms_lignes), largeur)[:, :len(noms_colonnes)]
    tableau = pd.DataFrame(comptes, index=noms_lignes, columns=noms_colonnes)
    tableau = tableau.T.groupby(level=0, sort=True).sum().T      # mêmes noms : additionnés
    tableau = tableau.groupby(level=0, sort=True).sum()
    tableau = tableau.loc[tableau.sum(axis=1) > 0, tableau.sum(axis=0) > 0]
    tableau.index.name = tableau.columns.name = None
    return tableau


def usage_des_services(tableau: object, etablissement: object = None,
                       catalogue: object = None) -> pd.DataFrame:
    """Le nombre d'ouvertures de chaque service (« Ticket de service validé ») par profil :
    lignes « Profil », colonnes « Service » (nom français du catalogue), les services les
    plus ouverts d'abord."""
    journal = journal_de(tableau, ("Date", "Opération", "Identité", "Service"))
    lignes = journal[journal["Opération"] == TICKET_VALIDE]
    lignes = _avec_profils(tableau, etablissement, lignes)
    noms = _noms_des_services(getattr(catalogue, "catalogue", catalogue))
    comptes = _compter_par_categories(lignes["Profil"], lignes["Service"],
                                      lambda code: noms.get(code, code))
    presents = [p for p in lignes["Profil"].cat.categories if p in comptes.index]
    ordre = comptes.sum(axis=0).sort_values(ascending=False, kind="stable").index
    comptes = comptes.reindex(index=presents, columns=ordre, fill_value=0).astype(np.int64)
    comptes.index.name, comptes.columns.name = "Profil", "Service"
    return comptes

