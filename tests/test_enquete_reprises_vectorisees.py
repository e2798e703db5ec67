"""``sessions_reprises`` (notebook 06, « une session oubliée au CDI ») calcule la dernière
connexion de chaque identité sur chaque poste de façon vectorisée (issue 17 : la cellule
prenait 0,5 s sur le trimestre simulé). Propriété : même tableau que la boucle ligne par
ligne d'avant, ici réécrite comme référence, sur des journaux tirés au hasard (dates
égales, plusieurs postes, colonnes catégorielles ou textes)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from proprietes import compter, exemples

from entsim.attaques.enquete_journal import CONNEXION, sessions_reprises
from entsim.journal.operations import OPERATIONS

pytestmark = pytest.mark.lent

EMIS = OPERATIONS["ticket_emis"]
DETAILS = ["Ticket émis grâce à la session SSO (sans nouvelle saisie).", "Mot de passe vérifié.",
           ""]
COLONNES = ["Date", "Opération", "Identité", "Service", "Poste", "Résultat", "Détail", "Objet"]


def _reference(journal: pd.DataFrame, duree: pd.Timedelta) -> list[tuple]:
    lignes = journal[(journal["Opération"] == CONNEXION)
                     | journal["Détail"].astype(str).str.contains("grâce à la session SSO",
                                                                 regex=False)]
    lignes = lignes.sort_values("Date", kind="stable")
    derniere, vues, reprises = {}, set(), []
    for operation, qui, poste, quand in zip(lignes["Opération"].astype(str),
                                           lignes["Identité"].astype(str),
                                           lignes["Poste"].astype(str), lignes["Date"]):
        cle = (qui, poste)
        if operation == CONNEXION:
            derniere[cle] = quand
        elif cle in derniere and quand - derniere[cle] > duree \
                and (qui, poste, derniere[cle]) not in vues:
            vues.add((qui, poste, derniere[cle]))
            reprises.append((qui, poste, derniere[cle], quand,
                             round((quand - derniere[cle]).total_seconds() / 60)))
    return reprises


ligne = st.tuples(st.integers(0, 300), st.sampled_from([CONNEXION, EMIS]),
                  st.sampled_from(["lea.martin", "theo.dupont"]),
                  st.sampled_from(["Poste du CDI", "Téléphone"]), st.sampled_from(DETAILS))


@settings(max_examples=exemples(80), deadline=None)
@given(st.lists(ligne, max_size=40), st.booleans())
def test_les_sessions_reprises_sont_celles_de_la_boucle_ligne_par_ligne(lignes, categoriel):
    compter("sessions reprises")
    debut = pd.Timestamp("2025-10-06 08:00")
    journal = pd.DataFrame(
        [(debut + pd.Timedelta(minutes=m), op, qui, "", poste, "Succès", detail, "")
         for m, op, qui, poste, detail in lignes], columns=COLONNES)
    if categoriel:
        journal = journal.astype({c: "category" for c in COLONNES[1:]})
    resultat = sessions_reprises(journal, "20min")
    attendu = _reference(journal, pd.Timedelta("20min"))
    assert list(resultat.itertuples(index=False, name=None)) == attendu
    assert list(resultat.index) == list(range(1, len(attendu) + 1))
