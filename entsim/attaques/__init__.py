"""Le laboratoire d'attaques : les risques de l'ENT joués sur la simulation, et leurs parades.

Chaque scénario (cadré par les deux familles de risques de la page du ministère de 2022 —
intégrité du système, données personnelles — et par leurs causes humaines,
organisationnelles ou techniques) raconte une histoire courte, joue l'attaque en direct sur
l'ENT simulé, montre ce que le journal en garde, active la contre-mesure, rejoue l'attaque et
compare les deux issues et le risque (gravité × vraisemblance) avant et après. L'enquête
dans le journal s'appuie sur une période simulée avec des incidents plantés ; la grille de
la question 17 croise l'avis de la CNIL, le SDET et ce qu'on observe dans la simulation.

Rien ici n'attaque autre chose que la simulation.

Questions du cours : 13 à 17 (partie 3, risques et protections).
Peut importer : ``entsim.activite``, ``entsim.rgpd``, ``entsim.demonstrations``,
``entsim.diagrammes``, ``entsim.ent`` et les couches en dessous ; ni les widgets ni Jupyter.
"""

from entsim.attaques import (acces_notes, comptes, en_ligne, fuites, hameconnage,
                              journal_falsifie, rancongiciel, sessions_sso, vol_de_base)
from entsim.attaques.scenario import (CAUSES, FAMILLES, NIVEAUX, Comparaison, ResultatAttaque,
                                      Risque, Scenario)
from entsim.socle.erreurs import Introuvable
from entsim.socle.texte import cite

#: Les modules de scénarios, dans l'ordre du cours ; chacun expose ``SCENARIOS`` (un tuple
#: de classes filles de :class:`Scenario`). Un nouveau module de scénarios s'ajoute ici.
_MODULES = (en_ligne, fuites, hameconnage, sessions_sso, acces_notes, vol_de_base, comptes,
            journal_falsifie, rancongiciel)


def scenarios() -> dict[str, type[Scenario]]:
    """Le registre : code stable → classe du scénario (appelée, elle fabrique un scénario
    neuf : ``scenarios()["pulverisation"](graine=2026)``), dans l'ordre du cours."""
    registre: dict[str, type[Scenario]] = {}
    for module in _MODULES:
        for classe in module.SCENARIOS:
            if classe.code in registre:
                raise RuntimeError(f"Deux scénarios portent le code {classe.code}.")
            registre[classe.code] = classe
    return registre


def scenario(code: str, graine: int = 2026) -> Scenario:
    """Un scénario neuf, par son code (``scenario("hameconnage")``)."""
    registre = scenarios()
    if not isinstance(code, str) or code not in registre:
        raise Introuvable(f"Aucun scénario {cite(code)}. Scénarios : "
                          f"{', '.join(registre)}.")
    return registre[code](graine)


__all__ = ["CAUSES", "FAMILLES", "NIVEAUX", "Comparaison", "ResultatAttaque", "Risque",
           "catalogue",
           "Scenario", "scenario", "scenarios"]


def catalogue():
    """Les attaques du laboratoire, dans l'ordre du cours : un tableau (N°, code, titre,
    famille de risques, cause)."""
    import pandas as pd

    lignes = [(code, classe.titre, classe.famille, classe.cause)
              for code, classe in scenarios().items()]
    tableau = pd.DataFrame(lignes, columns=["Code", "Attaque", "Famille de risques", "Cause"])
    tableau.index = pd.RangeIndex(1, len(tableau) + 1, name="N°")
    return tableau
