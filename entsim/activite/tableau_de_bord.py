"""Les graphiques d'une activité simulée en une ligne : ``annee.carte_horaire("Parent")``.

Une cellule de notebook d'élève tient en une ou deux lignes : ces méthodes appellent les
analyses (:mod:`entsim.activite.analyses`, :mod:`entsim.activite.coordination`) et les
graphiques (:mod:`entsim.activite.graphiques`) avec les données de l'activité elle-même
(journal, profils, calendrier, messages, devoirs). Les mêmes fonctions restent utilisables
directement, par exemple sur le journal de l'AAS.
"""

from __future__ import annotations

from entsim.activite.coordination import HypothesesPapier, PapierEconomise, papier_economise
from entsim.activite.graphiques import (graphique_annee, graphique_carte_horaire,
                                        graphique_devoirs, graphique_messages,
                                        graphique_profils_services)
from entsim.socle.graphiques import Graphique


class TableauDeBord:
    """Les graphiques de l'usage de l'ENT, pour une activité simulée (classe mère de
    :class:`entsim.activite.resultat.ActiviteSimulee`)."""

    def carte_horaire(self, profil: object = None) -> Graphique:
        """Les connexions par heure et par jour de la semaine (d'un profil : ``"Parent"``,
        ``"Élève"``, ``"Enseignant"``, ``"Personnel"``, ``"Invité"`` ; de tous sans profil)."""
        return graphique_carte_horaire(self, profil)

    def courbe_de_l_annee(self) -> Graphique:
        """Les connexions de chaque profil, semaine par semaine, vacances hachurées."""
        return graphique_annee(self)

    def services_par_profil(self) -> Graphique:
        """La part de chaque service dans les ouvertures de chaque profil."""
        return graphique_profils_services(self)

    def messages_entre_profils(self) -> Graphique:
        """Qui écrit à qui : les messages par profil d'expéditeur et de destinataire."""
        return graphique_messages(self.messages)

    def delais_des_devoirs(self) -> Graphique:
        """Combien de jours avant la date prévue le travail à faire est publié."""
        return graphique_devoirs(self.devoirs)

    def papier_economise(self, hypotheses: HypothesesPapier | None = None) -> PapierEconomise:
        """Une estimation des feuilles de papier que l'ENT a remplacées, avec ses hypothèses
        (modifiables : ``HypothesesPapier(...)``)."""
        return papier_economise(self, hypotheses)
