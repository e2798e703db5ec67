"""Vue générique : la fiche du service dans le catalogue (pour un service sans simulation
détaillée)."""

from __future__ import annotations

import ipywidgets as widgets

from entsim.widgets.mise_en_forme import echapper, tableau_html
from entsim.widgets.repli import AvecRepli
from entsim.widgets.vues._contexte import ContexteVue


class VueFiche(AvecRepli):
    """Affiche la fiche d'un service : à quoi il sert, pour qui, quelles données, combien de
    temps elles sont conservées."""

    def __init__(self, contexte: ContexteVue, code: str) -> None:
        self.contexte = contexte
        self.service = contexte.ent.catalogue.service(code)
        s = self.service
        lignes = [
            ("Description", s.description),
            ("Finalité", s.finalite),
            ("Votre usage", {"aucun": "aucun accès", "lecture": "lecture",
                             "ecriture": "lecture et écriture"}[s.usage(contexte.personne.profil)]),
            ("Données personnelles traitées",
             ", ".join(contexte.ent.catalogue.libelle_categorie(c) for c in s.categories_donnees)),
            ("Conservation", s.duree_conservation),
            ("Passe par le GAR", "oui" if s.via_gar else "non"),
        ]
        self._lignes = lignes
        self.vue = widgets.VBox([
            widgets.HTML(f"<h3>{echapper(s.nom)}</h3>"),
            widgets.HTML(tableau_html(["Rubrique", "Contenu"], lignes)),
        ])

    def nom_affiche(self) -> str:
        """Ce que montre le widget, pour son texte de repli (notebook non exécuté)."""
        return f"Fiche du service « {self.service.nom} »"

    def texte(self) -> str:
        return "\n".join([self.service.nom] + [f"{t} : {c}" for t, c in self._lignes])
