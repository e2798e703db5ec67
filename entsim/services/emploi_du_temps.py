"""Emploi du temps : la semaine type de chaque classe et de chaque enseignant.

La grille est construite une fois, de façon déterministe (graine de l'ENT), à partir des
enseignements de chaque classe (annuaire : discipline → enseignant) et des horaires
hebdomadaires officiels de ``data/disciplines.csv`` (arrêtés du 16 juillet 2018) :

* du lundi au vendredi, créneaux d'une heure de 8 h à 17 h ; pause de midi de 12 h à 13 h ;
  le mercredi après-midi est libre (usage courant des lycées) ;
* les demi-heures des grilles officielles sont arrondies à l'heure supérieure, et un
  enseignement d'une demi-heure assuré par le même professeur qu'un autre lui est joint
  (« Histoire-géographie et EMC ») — dans un vrai lycée, ces demi-heures donnent des
  semaines A et B ;
* un enseignant n'est jamais dans deux classes à la fois ; l'EPS se fait au gymnase, les
  enseignements du numérique en salle informatique, les sciences en laboratoire.

Données de l'emploi du temps : arrêté du 21 mars 2018 portant création du traitement
« Emploi du temps » (cité par la page du ministère, 2022). Droits : connu de tous les
membres de l'établissement, construit et modifié par la direction (voir
``entsim.autorisation.service.HABILITATIONS``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from entsim.socle import donnees
from entsim.autorisation.service import Action, Ressource
from entsim.etablissement.annuaire import Eleve
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite
from entsim.services._donnees import DonneePersonnelle, verifier_motif
from entsim.services._vie_eleve import JOURS_SEMAINE, ServiceVieEleve, heure_fr, liste_d_objets

#: Heures de début des créneaux d'une heure (la pause de midi, 12 h – 13 h, est libre).
HEURES_MATIN = (8, 9, 10, 11)
HEURES_APRES_MIDI = (13, 14, 15, 16)
HEURES = HEURES_MATIN + (12,) + HEURES_APRES_MIDI
JOURS_DE_COURS = (0, 1, 2, 3, 4)
#: Mercredi après-midi libre.
DEMI_JOURNEES_LIBRES = frozenset({(2, "apres_midi")})

_SALLES_SPECIALES = {
    "Éducation physique et sportive": "Gymnase",
    "Management, sciences de gestion et numérique, enseignement spécifique SIG":
        "Salle informatique C204",
    "Sciences de gestion et numérique": "Salle informatique C204",
    "Numérique et sciences informatiques": "Salle informatique C206",
    "Sciences numériques et technologie": "Salle informatique C206",
    "Physique-chimie": "Laboratoire de physique S12",
    "Sciences de la vie et de la Terre": "Laboratoire de SVT S15",
}
#: Salles que plusieurs classes peuvent occuper en même temps (plusieurs terrains).
_SALLES_PARTAGEES = frozenset({"Gymnase"})
#: Formations (préfixes des codes de classe), du plus long au plus court.
_FORMATIONS = ("1STMG", "TSTMG", "2NDE", "1G", "TG")


@dataclass(frozen=True)
class Creneau:
    """Une heure de cours de la semaine type."""

    jour: int                 # 0 = lundi … 4 = vendredi
    debut: time
    fin: time
    classe: str
    discipline: str
    enseignant: str | None
    salle: str

    @property
    def nom_jour(self) -> str:
        return JOURS_SEMAINE[self.jour]

    @property
    def horaire(self) -> str:
        return f"{heure_fr(self.debut)} – {heure_fr(self.fin)}"

    def le(self, lundi: date) -> datetime:
        """L'instant de ce cours dans la semaine qui commence le lundi donné."""
        return datetime.combine(lundi + timedelta(days=self.jour), self.debut)


def formation_de(code_classe: str) -> str | None:
    """La formation d'une classe d'après son code (« TSTMG1 » → « TSTMG »)."""
    for formation in _FORMATIONS:
        if code_classe.startswith(formation) and code_classe[len(formation):].isdigit():
            return formation
    return None


def lundi_de(jour: date | datetime) -> date:
    jour = jour.date() if isinstance(jour, datetime) else jour
    return jour - timedelta(days=jour.weekday())


def _heures_officielles() -> dict[tuple[str, str], float]:
    return {(l["formation"], l["discipline"]): float(l["heures"])
            for l in donnees.lire_csv("disciplines.csv")}


class EmploiDuTemps(ServiceVieEleve):
    """Le service « Emploi du temps » : semaine type par classe et par enseignant."""

    code = "emploi_du_temps"

    def __init__(self, ent) -> None:
        super().__init__(ent)
        self._creneaux: list[Creneau] = []
        self.non_places: list[tuple[str, str, int]] = []   # (classe, discipline, heures)
        self._construire()

    # -- construction déterministe -----------------------------------------------------------
    def _regroupements(self, classe: str) -> list[list]:
        """[libellé, enseignant, heures, disciplines de l'annuaire réunies] pour une classe."""
        c = self.etablissement.classe(classe)
        heures = _heures_officielles()
        formation = formation_de(classe)
        lignes: list[list] = []
        for discipline, prof in c.enseignements.items():
            h = heures.get((formation, discipline), 1.0) if formation else 1.0
            if h == 0.5:   # demi-heure : jointe à un autre enseignement du même professeur
                voisin = next((l for l in lignes if l[1] == prof), None)
                if voisin is not None:
                    voisin[0] += " et EMC" if discipline == "Enseignement moral et civique" \
                        else f" et {discipline}"
                    voisin[2] += h
                    voisin[3].append(discipline)
                    continue
            lignes.append([discipline, prof, h, [discipline]])
        return lignes

    def enseignements_hebdomadaires(self, classe: str) -> list[tuple[str, str | None, int]]:
        """(libellé, enseignant, heures entières par semaine) pour une classe."""
        return [(libelle, prof, math.ceil(h))
                for libelle, prof, h, _ in self._regroupements(classe)]

    def disciplines_de_la_classe(self, classe: str) -> dict[str, tuple[str, str | None]]:
        """Chaque nom de discipline reconnu dans la classe → (libellé de l'emploi du temps,
        enseignant) : le libellé lui-même (« Histoire-géographie et EMC ») et chaque
        discipline de l'annuaire qu'il réunit (« Histoire-géographie », « Enseignement moral
        et civique »). Les noms se comparent exactement, jamais par leur début : en première
        générale, « Histoire-géographie » n'est pas « Histoire-géographie, géopolitique et
        sciences politiques » (HGGSP), enseignée par un autre professeur."""
        noms: dict[str, tuple[str, str | None]] = {}
        for libelle, prof, _, disciplines in self._regroupements(classe):
            for nom in (libelle, *disciplines):
                noms.setdefault(nom, (libelle, prof))
        return noms

    @staticmethod
    def _blocs(heures: int, discipline: str) -> list[int]:
        if discipline.startswith("Éducation physique"):
            return [2] * (heures // 2) + [1] * (heures % 2)
        if heures >= 4:
            return [2] * (heures // 2) + [1] * (heures % 2)
        return [1] * heures

    def _construire(self) -> None:
        occupe_classe: set[tuple[str, int, int]] = set()
        occupe_prof: set[tuple[str, int, int]] = set()
        occupe_salle: set[tuple[str, int, int]] = set()
        for classe in sorted(self.etablissement.classes):
            rng = self._generateur(classe)
            salle_classe = f"Salle {rng.choice('ABD')}{rng.randint(1, 3)}{rng.randint(1, 20):02d}"
            jours_de: dict[str, set[int]] = {}
            for libelle, prof, heures in self.enseignements_hebdomadaires(classe):
                salle_speciale = next((s for d, s in _SALLES_SPECIALES.items()
                                       if libelle.startswith(d)), None)
                blocs = self._blocs(heures, libelle)
                while blocs:
                    taille = blocs.pop(0)
                    candidats = self._places_libres(classe, prof, taille, occupe_classe,
                                                    occupe_prof, jours_de.get(libelle, set()))
                    if not candidats:
                        if taille > 1:      # pas de place pour 2 h d'affilée : 2 × 1 h
                            blocs[:0] = [1] * taille
                        else:
                            self.non_places.append((classe, libelle, taille))
                        continue
                    jour, heure = rng.choice(candidats)
                    jours_de.setdefault(libelle, set()).add(jour)
                    for h in range(heure, heure + taille):
                        salle = salle_speciale or salle_classe
                        if (salle, jour, h) in occupe_salle:
                            salle = salle_classe
                        if salle not in _SALLES_PARTAGEES:
                            occupe_salle.add((salle, jour, h))
                        occupe_classe.add((classe, jour, h))
                        if prof:
                            occupe_prof.add((prof, jour, h))
                        self._creneaux.append(Creneau(jour, time(h), time(h + 1), classe,
                                                      libelle, prof, salle))
        self._creneaux.sort(key=lambda c: (c.classe, c.jour, c.debut))

    @staticmethod
    def _places_libres(classe: str, prof: str | None, taille: int,
                       occupe_classe: set, occupe_prof: set, jours_deja: set[int]
                       ) -> list[tuple[int, int]]:
        def libre(jour: int, heure: int) -> bool:
            return (classe, jour, heure) not in occupe_classe and (
                prof is None or (prof, jour, heure) not in occupe_prof)

        places: list[tuple[int, int]] = []
        for jour in JOURS_DE_COURS:
            for nom, heures in (("matin", HEURES_MATIN), ("apres_midi", HEURES_APRES_MIDI)):
                if (jour, nom) in DEMI_JOURNEES_LIBRES:
                    continue
                for i in range(len(heures) - taille + 1):
                    if all(libre(jour, heures[i + k]) for k in range(taille)):
                        places.append((jour, heures[i]))
        nouvelles = [p for p in places if p[0] not in jours_deja]
        return nouvelles or places

    # -- consultation (contrôlée) ----------------------------------------------------------
    def semaine_de_classe(self, identifiant: str, classe: str, *,
                          poste: str | None = None) -> list[Creneau]:
        """La semaine type d'une classe (élèves de la classe, leurs parents, ses
        enseignants, les personnels)."""
        self.exiger(identifiant, Action.LIRE, Ressource.emploi_du_temps_de(classe), poste=poste)
        return [c for c in self._creneaux if c.classe == classe]

    def semaine_de_enseignant(self, identifiant: str, enseignant: str, *,
                              poste: str | None = None) -> list[Creneau]:
        """La semaine d'un enseignant (lui-même, et les personnels de l'établissement)."""
        self.exiger(identifiant, Action.LIRE,
                    Ressource("emploi_du_temps", proprietaire=enseignant), poste=poste)
        return sorted((c for c in self._creneaux if c.enseignant == enseignant),
                      key=lambda c: (c.jour, c.debut))

    def semaine_de(self, identifiant: str, *, poste: str | None = None,
                   eleve: str | None = None) -> list[Creneau]:
        """La semaine « par défaut » d'une personne : sa classe (élève), la classe de l'enfant
        choisi (parent), ses cours (enseignant)."""
        personne = self.etablissement.personne(identifiant)
        if eleve is not None:
            enfant = self.etablissement.personne(eleve)
            if not isinstance(enfant, Eleve):
                raise ValeurInvalide(f"{cite(eleve)} n'est pas un élève : « eleve » désigne "
                                     f"un élève, par exemple « lea.martin ».",
                                     code="pas_un_eleve")
            return self.semaine_de_classe(identifiant, enfant.classe, poste=poste)
        if getattr(personne, "classe", ""):
            return self.semaine_de_classe(identifiant, personne.classe, poste=poste)
        if getattr(personne, "enseignements", None):
            return self.semaine_de_enseignant(identifiant, identifiant, poste=poste)
        raise ValeurInvalide("Précisez une classe : semaine_de_classe(identifiant, \"TSTMG1\").")

    # -- pour les autres services (aucune donnée n'est montrée) -----------------------------
    def _cours_entre(self, classe: str, discipline: str | None, debut: date, fin: date
                     ) -> list[tuple[datetime, Creneau]]:
        """Les cours d'une classe (d'une discipline) entre deux dates incluses, dans l'ordre
        — sert au cahier de textes, aux notes et aux absences pour dater leurs données."""
        resultat: list[tuple[datetime, Creneau]] = []
        lundi = lundi_de(debut)
        while lundi <= fin:
            for c in self._creneaux:    # le libellé exact (jamais son début : HGGSP)
                if c.classe == classe and (discipline is None or c.discipline == discipline):
                    instant = c.le(lundi)
                    if debut <= instant.date() <= fin:
                        resultat.append((instant, c))
            lundi += timedelta(days=7)
        return sorted(resultat, key=lambda paire: paire[0])

    # -- présentation ----------------------------------------------------------------------
    @staticmethod
    def grille(creneaux: Iterable[Creneau], *, avec_classe: bool = False
               ) -> tuple[list[str], list[list[str]]]:
        """(en-têtes, lignes) : une ligne par heure de 8 h à 17 h, une colonne par jour."""
        creneaux = liste_d_objets(creneaux, Creneau, "les créneaux rendus par semaine_de(…)")
        par_case = {(c.jour, c.debut.hour): c for c in creneaux}
        entetes = ["Heure"] + [JOURS_SEMAINE[j].capitalize() for j in JOURS_DE_COURS]
        lignes = []
        for h in HEURES:
            ligne = [f"{h} h – {h + 1} h"]
            for j in JOURS_DE_COURS:
                c = par_case.get((j, h))
                if c is None:
                    ligne.append("Pause déjeuner" if h == 12 else "—")
                else:
                    qui = c.classe if avec_classe else ""
                    ligne.append(" · ".join(x for x in (c.discipline, qui, c.salle) if x))
            lignes.append(ligne)
        return entetes, lignes

    def en_texte(self, creneaux: Iterable[Creneau]) -> str:
        """La semaine, jour par jour, lisible par un lecteur d'écran."""
        lignes = []
        creneaux = sorted(liste_d_objets(creneaux, Creneau, "les créneaux rendus par "
                                         "semaine_de(…)"), key=lambda c: (c.jour, c.debut))
        for j in JOURS_DE_COURS:
            du_jour = [c for c in creneaux if c.jour == j]
            lignes.append(f"{JOURS_SEMAINE[j].capitalize()} :"
                          + ("" if du_jour else " pas de cours."))
            for c in du_jour:
                lignes.append(f"  {c.horaire} : {c.discipline} ({c.classe}), "
                              f"{self.nom_de(c.enseignant)}, {c.salle}")
        return "\n".join(lignes)

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Un enseignant : ses heures de cours (catégorie « emploi_du_temps »). Un élève :
        rien — l'emploi du temps de sa classe n'est pas une donnée personnelle (voir
        :mod:`entsim.autorisation.majorite`) ; sa classe est dans l'annuaire."""
        return [DonneePersonnelle(
            self.code, "emploi_du_temps", "Heure de cours",
            f"{c.nom_jour} {c.horaire} — {c.classe} — {c.discipline} — {c.salle}",
            identifiant, None, f"emploi_du_temps:creneau:{c.jour}:{c.debut:%H%M}:{c.classe}")
            for c in self._creneaux if c.enseignant == identifiant]

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Les heures de cours restent (ce sont celles des classes) ; le nom de l'enseignant
        en est retiré."""
        verifier_motif(motif)
        compte = 0
        for i, c in enumerate(self._creneaux):
            if c.enseignant == identifiant:
                self._creneaux[i] = replace(c, enseignant=None)
                compte += 1
        return compte


SERVICE = EmploiDuTemps
