"""Les schémas du cours, tous construits à partir des données de la simulation (jamais à la
main) : ils changent quand le catalogue ou l'établissement changent."""

from __future__ import annotations

from entsim.etablissement.annuaire import Profil
from entsim.etablissement.catalogue import FAMILLES
from entsim.diagrammes.schema import Schema, apparence, apparence_fleche, digraphe


def carte_ent(ent) -> Schema:
    """La carte de l'ENT : les cinq profils entrent par un point d'entrée unique (portail et
    authentification), qui ouvre les familles de services (page du ministère, 2022).

    Une flèche profil → famille n'existe que si au moins un service de la famille est utilisé
    par ce profil dans le catalogue ; son étiquette donne le nombre de services.
    """
    g = digraphe("carte_ent", sens="LR")
    g.node("portail", "Portail de l'ENT\n(une seule connexion)",
           **apparence("serveur"))
    for profil in Profil:
        g.node(f"p_{profil.name}", profil.value, **apparence("personne"))
        g.edge(f"p_{profil.name}", "portail", **apparence_fleche("requete"))
    familles = ent.catalogue.par_famille()
    for code, libelle in FAMILLES.items():
        services = familles.get(code, [])
        if not services:
            continue
        g.node(f"f_{code}", libelle, **apparence("service"))
        nombre = f"{len(services)} service{'s' if len(services) > 1 else ''}"
        g.edge("portail", f"f_{code}", nombre, **apparence_fleche("reponse"))
    return Schema(g, "Carte de l'ENT : cinq profils, un point d'entrée, des familles de services")
