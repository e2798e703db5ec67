"""Des codes entiers aux tableaux pandas : un seul tri par date, des colonnes catégorielles
(``pd.Categorical.from_codes`` : chaque texte répété n'existe qu'une fois en mémoire), les
colonnes exactes du journal de l'AAS (``ent.journal.tableau()``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from entsim.activite.calendrier import CalendrierScolaire
from entsim.activite.lignes import Lignes, libelles_operations, libelles_resultats
from entsim.activite.population import PROFILS, Population
from entsim.activite.resultat import ActiviteSimulee, Incident
from entsim.activite.sessions import POSTES

__all__ = ["assembler", "COLONNES_JOURNAL"]

#: Les colonnes du journal de l'AAS (index « N° »).
COLONNES_JOURNAL = ["Date", "Opération", "Identité", "Service", "Poste", "Résultat",
                    "Détail", "Objet"]


def _categorie(codes: np.ndarray, categories: list[str], compacter: bool = False
               ) -> pd.Categorical:
    """Une colonne catégorielle ; ``compacter`` retire les catégories jamais utilisées
    (vectorisé : un ``bincount`` et une renumérotation)."""
    if compacter and len(categories):
        utilise = np.bincount(codes, minlength=len(categories)) > 0
        nouveau = (np.cumsum(utilise) - 1).astype(codes.dtype)
        codes = nouveau[codes]
        categories = np.array(categories, dtype=object)[utilise]
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=object),
                                     validate=False)


def assembler(ent, pop: Population, calendrier: CalendrierScolaire, debut: date, fin: date,
              graine: int, debut_dt: datetime, lignes: Lignes, extra: Lignes | None,
              plantes, sessions, service_session, ops, lignes_message, planifie,
              etapes) -> ActiviteSimulee:
    """Trie toutes les lignes par date et construit :class:`ActiviteSimulee`."""
    n_sessions, n_services = len(sessions), len(service_session)
    n_messages = len(lignes_message)
    if extra is not None and len(extra):
        tout = Lignes.concatener([lignes, extra])
    else:
        tout = lignes
    lignes_message_personne = lignes.personne[lignes_message]
    del lignes
    # un seul tri : (seconde, ordre d'écriture) en une clé entière
    cle = tout.temps << 26
    cle |= tout.ordre
    tri = np.argsort(cle)
    del cle
    etapes("tri par date")
    textes = pop.textes
    postes = list(POSTES) + (plantes.postes if plantes is not None else [])
    base = len(textes)
    decalage = np.array([0, base, base + n_sessions, base + n_sessions + n_services],
                        dtype=np.int64)
    objet = tout.objet[tri] + decalage[tout.type_objet[tri]].astype(np.int32)
    tout.objet = tout.type_objet = None
    categories_objet = (textes.liste + [f"TGT-{i + 1}" for i in range(n_sessions)]
                        + [f"ST-{i + 1}" for i in range(n_services)]
                        + [f"message n° {i + 1}" for i in range(n_messages)])
    colonnes = {"Objet": _categorie(objet, categories_objet, compacter=True)}
    del objet, categories_objet
    dates = tout.temps[tri]
    tout.temps = None
    dates *= 1_000_000_000
    dates += np.datetime64(debut_dt, "ns").astype(np.int64)
    colonnes["Date"] = pd.DatetimeIndex(dates.view("datetime64[ns]"))
    del dates
    for nom, attribut, categories in (
            ("Opération", "operation", libelles_operations()),
            ("Identité", "personne", pop.identites),
            ("Service", "service", [""] + pop.services),
            ("Poste", "poste", postes),
            ("Résultat", "resultat", libelles_resultats()),
            ("Détail", "detail", list(textes.liste))):
        codes = getattr(tout, attribut)[tri]
        if attribut == "service":
            codes += 1
        colonnes[nom] = _categorie(codes, categories, compacter=attribut == "detail")
        if attribut != "personne":
            setattr(tout, attribut, None)
    journal = pd.DataFrame({nom: colonnes.pop(nom) for nom in COLONNES_JOURNAL},
                           index=pd.Index(np.arange(1, len(tri) + 1), name="N°"), copy=False)
    etapes("tableaux")

    # messages : l'heure de leur ligne « Message envoyé »
    position = np.empty(len(tri), dtype=np.int64)
    position[tri] = np.arange(len(tri))
    incident = tout.incident[tri]
    del tout
    m = ops.destinataire >= 0
    qui = lignes_message_personne
    dest = ops.destinataire[m]
    messages = pd.DataFrame({
        "Date": journal["Date"].to_numpy()[position[lignes_message]],
        "Expéditeur": _categorie(qui, pop.identites),
        "Destinataire": _categorie(dest, pop.identites),
        "Profil de l'expéditeur": _categorie(pop.profils[qui], list(PROFILS)),
        "Profil du destinataire": _categorie(pop.profils[dest], list(PROFILS)),
    })
    messages = messages.sort_values("Date", kind="stable").reset_index(drop=True)

    def instant_session(s: int) -> datetime:
        return debut_dt + timedelta(seconds=int(sessions.debut[s]))

    devoirs = _tableau_ecritures(pop, planifie["devoirs"], debut, instant_session,
                                 ["Classe", "Discipline", "Enseignant", "Publié le", "Pour le"])
    evaluations = _tableau_ecritures(pop, planifie["evaluations"], debut, instant_session,
                                     ["Classe", "Discipline", "Enseignant",
                                      "Date de l'évaluation", "Notes publiées le"],
                                     evaluation=True)
    incidents: tuple[Incident, ...] = ()
    if plantes is not None:
        incidents = plantes.incidents(journal, incident)
    return ActiviteSimulee(
        journal=journal, incidents=incidents, messages=messages, devoirs=devoirs,
        evaluations=evaluations, calendrier=calendrier,
        profils=pd.Series([PROFILS[k] for k in pop.profils], index=pd.Index(
            pop.identites, name="Identité"), name="Profil"),
        fonctions=pd.Series(pop.fonctions, index=pd.Index(pop.identites, name="Identité"),
                            name="Fonction"),
        debut=debut, fin=fin, graine=graine, etablissement=ent.etablissement.nom,
        effectifs={code: len(classe.eleves) for code, classe in ent.etablissement.classes.items()})


def _tableau_ecritures(pop: Population, liste, debut: date, instant_session,
                       colonnes: list[str], evaluation: bool = False) -> pd.DataFrame:
    lignes_tableau = []
    for classe, discipline, prof, jour, session in liste:
        publie = instant_session(session)
        le = debut + timedelta(days=jour)
        if evaluation:
            lignes_tableau.append((pop.classes[classe], discipline, pop.identites[prof], le,
                                   publie))
        else:
            lignes_tableau.append((pop.classes[classe], discipline, pop.identites[prof],
                                   publie, le))
    tableau = pd.DataFrame(lignes_tableau, columns=colonnes)
    colonne_date = "Notes publiées le" if evaluation else "Publié le"
    tableau[colonne_date] = pd.to_datetime(tableau[colonne_date]).astype("datetime64[ns]")
    return tableau.sort_values(colonne_date, kind="stable").reset_index(drop=True)
