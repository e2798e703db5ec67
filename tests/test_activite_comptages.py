"""Le comptage par catégories des analyses de l'activité (``usage_des_services``) : compté
sur les codes des catégories (un ``bincount``), il donne exactement le tableau de
``pd.crosstab`` sur les textes, ligne par ligne, que le code utilisait avant (issue 17 :
notebook 02, graphique « Quels services pour quel profil ? »)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from proprietes import compter, exemples

from entsim.activite.analyses import _compter_par_categories

pytestmark = pytest.mark.lent

PROFILS = ["Élève", "Parent", "Enseignant", "Personnel", "Invité"]
SERVICES = ["notes", "cahier_de_textes", "messagerie", "absences", "cdi", "actualites"]
NOMS = {"notes": "Notes", "cahier_de_textes": "Cahier de textes", "messagerie": "Messagerie",
        "absences": "Messagerie"}          # deux codes, un même nom : additionnés


def _a_la_main(profils: pd.Series, services: pd.Series) -> pd.DataFrame:
    noms = services.astype(str).map(lambda code: NOMS.get(code, code))
    return pd.crosstab(profils.astype(str).to_numpy(), noms.to_numpy())


@settings(max_examples=exemples(60), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PROFILS), st.sampled_from(SERVICES + [None])),
                max_size=60),
       st.booleans())
def test_le_comptage_par_codes_egale_le_tableau_croise_des_textes(couples, categoriel):
    compter("comptage par catégories")
    profils = pd.Series([p for p, _ in couples], dtype="category" if categoriel else object)
    services = pd.Series([s for _, s in couples],
                         dtype=pd.CategoricalDtype(SERVICES) if categoriel else object)
    compte = _compter_par_categories(profils, services, lambda code: NOMS.get(code, code))
    gardes = services.notna().to_numpy()
    attendu = _a_la_main(profils[gardes], services[gardes])
    if attendu.empty:
        assert compte.empty
    else:
        pd.testing.assert_frame_equal(compte, attendu, check_names=False, check_dtype=False)


def test_les_services_d_une_annee_simulee_sont_comptes_comme_avant():
    from entsim import ENT
    from entsim.activite import simuler_activite
    from entsim.activite.analyses import usage_des_services

    activite = simuler_activite(ENT.demo(), "semaine", progression=False)
    usage = usage_des_services(activite)
    assert usage.index.name == "Profil" and usage.columns.name == "Service"
    assert list(usage.sum(axis=0)) == sorted(usage.sum(axis=0), reverse=True)
    ouvertures = activite.journal[activite.journal["Opération"] == "Ticket de service validé"]
    assert usage.to_numpy().sum() == len(ouvertures)
