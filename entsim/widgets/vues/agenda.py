"""Vue « Agenda » : les événements à venir que la personne connectée a à connaître
(établissement, ses classes, son agenda personnel) et, si son profil écrit dans l'agenda, un
formulaire d'ajout où l'on ne propose que les agendas permis."""

from __future__ import annotations

import re
from datetime import date, datetime, time

import ipywidgets as widgets

from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import accorder
from entsim.socle.texte import cite
from entsim.widgets.vues._contexte import ContexteVue
from entsim.widgets.vues._communication import PREFIXE_IMPOSSIBLE, VueService


def _dans(portee: str) -> str:
    """« dans votre agenda personnel », « dans l'agenda de la classe TSTMG1 »…"""
    if portee == "personnel":
        return "dans votre agenda personnel"
    if portee == "etablissement":
        return "dans l'agenda de l'établissement"
    return f"dans l'agenda de la classe {portee}"


def _libelle_portee(portee: str) -> str:
    if portee == "personnel":
        return "Mon agenda personnel"
    if portee == "etablissement":
        return "Agenda de l'établissement"
    return f"Agenda de la classe {portee}"


class VueAgenda(VueService):
    """L'agenda de la personne connectée."""

    def __init__(self, contexte: ContexteVue, code: str = "agenda") -> None:
        super().__init__(contexte, code)
        portees = self.service.portees_possibles(self.identifiant)
        enfants = [self.entete, self.contenu]
        self.titre_evenement = self._champ("Titre :")
        debut = self.ent.horloge.maintenant().date()
        self.jour = widgets.DatePicker(description="Jour :", value=debut,
                                       style={"description_width": "initial"})
        self.heure = self._champ("Heure (hh:mm) :", value="14:00")
        self.lieu = self._champ("Lieu :")
        self.portee = widgets.Dropdown(options=[(_libelle_portee(p), p) for p in portees],
                                       description="Dans :",
                                       style={"description_width": "initial"})
        if portees:
            enfants.append(widgets.VBox([
                widgets.HTML(self._html("<h4 style='margin:0.3em 0;'>Ajouter un "
                                        "événement</h4>")),
                self.titre_evenement, self.jour, self.heure, self.lieu, self.portee,
                self._bouton("Ajouter", lambda: self.ajouter())]))
        enfants.append(self.annonce)
        self.vue = widgets.VBox(enfants)
        self.rafraichir()

    def rafraichir(self) -> None:
        self._lignes = []
        personne = self.contexte.personne
        sous_titre = f"Événements à venir pour {personne.nom_complet}"
        self._titre("Agenda", sous_titre)
        self._lignes.append(sous_titre)
        evenements = self._lire(lambda: self.service.a_venir(self.identifiant))
        if evenements is None:
            return
        lignes = []
        for ev in evenements:
            lieu = f" — {ev.lieu}" if ev.lieu else ""
            genre = ev.portee if ev.categorie == ev.portee else f"{ev.portee} · {ev.categorie}"
            self._lignes.append(f"• {ev.quand} — {ev.titre} [{genre}]{lieu}")
            lignes.append((ev.quand, ev.titre, ev.portee, ev.categorie, ev.lieu))
        if not evenements:
            self._lignes.append("Aucun événement à venir.")
        self.contenu.value = self._html(self._tableau(
            ["Quand", "Événement", "Agenda", "Catégorie", "Lieu"], lignes,
            f"{accorder(len(evenements), 'événement')} à venir"))

    def ajouter(self, titre: str | None = None, jour: date | str | None = None,
                heure: str | None = None, portee: str | None = None,
                lieu: str | None = None) -> str:
        """Ajoute l'événement du formulaire (ou celui donné en arguments) ; ``portee`` vaut
        « personnel », un code de classe ou « etablissement »."""
        titre = self.titre_evenement.value if titre is None else titre
        jour = self.jour.value if jour is None else jour
        heure = self.heure.value if heure is None else heure
        portee = (self.portee.value or "personnel") if portee is None else portee
        lieu = self.lieu.value if lieu is None else lieu
        try:
            debut = self._instant(jour, heure)
        except ValeurInvalide as erreur:
            return self._annoncer(PREFIXE_IMPOSSIBLE + str(erreur))
        classe = None if portee in ("personnel", "etablissement") else portee

        def ajout():
            evenement = self.service.ajouter(self.identifiant, titre, debut, lieu=lieu,
                                             classe=classe,
                                             etablissement=portee == "etablissement")
            self.titre_evenement.value = self.lieu.value = ""
            return evenement
        return self._tenter(ajout, lambda ev: (
            f"Événement « {ev.titre} » ajouté {_dans(portee)} : {ev.quand}."))

    @staticmethod
    def _instant(jour: date | str | None, heure: str) -> datetime:
        if isinstance(jour, str):
            try:
                jour = date.fromisoformat(jour.strip())
            except ValueError:
                raise ValeurInvalide(f"Date illisible : {cite(jour)} (attendu : AAAA-MM-JJ, par "
                                     "exemple 2026-10-02).") from None
        if not isinstance(jour, date):
            raise ValeurInvalide("Choisissez le jour de l'événement.")
        lu = re.fullmatch(r"\s*(\d{1,2})\s*[h:]\s*(\d{2})?\s*", heure, re.ASCII) \
            if isinstance(heure, str) else None
        if lu is None or int(lu.group(1)) > 23 or int(lu.group(2) or 0) > 59:
            raise ValeurInvalide(f"Heure illisible : {cite(heure)} (attendu : 14:30, 14 h 30 "
                                 "ou 14 h).")
        return datetime.combine(jour, time(int(lu.group(1)), int(lu.group(2) or 0)))


VUE = VueAgenda
