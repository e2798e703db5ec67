"""Ce que rend le simulateur : l'activité simulée (journal, messages, devoirs, évaluations,
calendrier, profils) et les incidents plantés."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from entsim.activite.calendrier import CalendrierScolaire
from entsim.activite.tableau_de_bord import TableauDeBord
from entsim.socle.texte import accorder

__all__ = ["Incident", "ActiviteSimulee", "COLONNES_INCIDENTS"]

COLONNES_INCIDENTS = ["Incident", "Identité", "Début", "Fin", "Poste", "Description"]


@dataclass(frozen=True)
class Incident:
    """Un incident planté dans l'activité simulée, pour l'enquête de la partie 3.

    :param code: code stable (``force_brute``, ``parent_curieux``, ``compte_prete``,
        ``initie_curieux``, ``session_oubliee_cdi``).
    :param libelle: son nom en français.
    :param identite: le compte concerné (celui dont l'identité apparaît dans les lignes).
    :param debut: la première ligne de l'incident ; ``fin`` : la dernière.
    :param poste: le poste d'où il vient (le premier, s'il y en a deux).
    :param description: ce qui s'est passé et ce qui le montre dans le journal.
    :param numeros: les « N° » de toutes les lignes du journal qui en font partie, et
        d'elles seules.
    :param cible: l'élève, la classe ou le compte visé, s'il y en a un.
    """

    code: str
    libelle: str
    identite: str
    debut: datetime
    fin: datetime
    poste: str
    description: str
    numeros: tuple[int, ...]
    cible: str | None = None

    def __str__(self) -> str:
        return (f"{self.libelle} — {self.identite}, le {self.debut:%d/%m/%Y} de "
                f"{self.debut:%H:%M} à {self.fin:%H:%M} ({accorder(len(self.numeros), 'ligne')})")


@dataclass
class ActiviteSimulee(TableauDeBord):
    """L'usage de l'ENT simulé sur une période (voir :func:`simuler_activite`).

    ``journal`` a les colonnes du journal de l'AAS (``ent.journal.tableau()``) : toute
    analyse marche sur les deux. Les graphiques s'obtiennent en une ligne
    (``annee.carte_horaire("Parent")``, voir :class:`~entsim.activite.tableau_de_bord.TableauDeBord`) ;
    ``effectifs`` donne le nombre d'élèves de chaque classe (pour l'estimation du papier
    économisé)."""

    journal: pd.DataFrame
    incidents: tuple[Incident, ...]
    messages: pd.DataFrame
    devoirs: pd.DataFrame
    evaluations: pd.DataFrame
    calendrier: CalendrierScolaire
    profils: pd.Series
    fonctions: pd.Series
    debut: date
    fin: date
    graine: int
    etablissement: str = ""
    effectifs: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.journal)

    def tableau_incidents(self) -> pd.DataFrame:
        """Les incidents plantés, un par ligne, en français."""
        lignes = [(i.libelle, i.identite, i.debut, i.fin, i.poste, i.description)
                  for i in self.incidents]
        return pd.DataFrame(lignes, columns=COLONNES_INCIDENTS)

    def _periode(self) -> str:
        return f"du {self.debut:%d/%m/%Y} au {self.fin:%d/%m/%Y}"

    def resume(self) -> str:
        """Un résumé en français : période, établissement, lignes, connexions par profil,
        incidents plantés."""
        j = self.journal
        connexions = j.loc[j["Opération"] == "Connexion réussie", "Identité"]
        par_profil = self.profils.reindex(connexions.astype(str)).value_counts()
        lignes = [f"Activité simulée — {self.etablissement or 'l’établissement'}, "
                  f"{self._periode()} (zone {self.calendrier.zone}) : "
                  f"{_nombre(len(j))} lignes de journal, "
                  f"{_nombre(len(connexions))} connexions, "
                  f"{_nombre(len(self.messages))} messages, "
                  f"{_nombre(len(self.devoirs))} travaux à faire publiés, "
                  f"{_nombre(len(self.evaluations))} évaluations."]
        lignes.append("Connexions par profil : " + " ; ".join(
            f"{profil} : {_nombre(int(par_profil.get(profil, 0)))}"
            for profil in ("Élève", "Parent", "Enseignant", "Personnel", "Invité")) + ".")
        if self.incidents:
            lignes.append(f"{accorder(len(self.incidents), 'incident planté', 'incidents plantés')} : "
                          + " ; ".join(f"{i.libelle} ({i.identite}, le "
                                       f"{i.debut:%d/%m/%Y})" for i in self.incidents) + ".")
        else:
            lignes.append("Aucun incident planté.")
        return "\n".join(lignes)

    def __repr__(self) -> str:
        return (f"ActiviteSimulee({self.etablissement or 'établissement'}, {self._periode()}, "
                f"{_nombre(len(self.journal))} lignes, "
                f"{accorder(len(self.incidents), 'incident')}, graine {self.graine})")

    __str__ = __repr__


def _nombre(n: int) -> str:
    """12345 → « 12 345 » (espace fine insécable, comme les graphiques)."""
    return f"{n:,}".replace(",", "\u202f")
