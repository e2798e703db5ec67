"""Notes et résultats des évaluations : évaluations par classe et discipline, notes sur 20,
moyennes (pondérées par les coefficients), moyennes de classe.

Qui fait quoi (``entsim.autorisation.service.HABILITATIONS`` ; arrêté ENT du 30 novembre 2006, art.
4 ; avis de la CNIL sur les ENT) : l'enseignant saisit les notes de sa discipline dans les
classes où il enseigne ; l'élève consulte les siennes ; un parent celles de ses propres
enfants ; le professeur principal, la direction et le CPE consultent pour le suivi et les
conseils de classe. Chaque consultation et chaque saisie est tracée au journal. Le tableau
des notes de toute une classe n'est jamais pour un élève ni pour un parent (ils ont leur
relevé, avec les moyennes de la classe) ; dans une discipline, il est à son enseignant, au
professeur principal, au CPE et à la direction. Une discipline se reconnaît à son nom
exact (:meth:`Notes._verifier_discipline`) : en première générale, le professeur
d'« Histoire-géographie » n'agit pas sur HGGSP.

Conventions (celles des logiciels de vie scolaire) : une note est un nombre de 0 à 20 — la
virgule décimale française est acceptée (« 12,5 »), en chiffres ASCII seulement
(:func:`entsim.socle.saisie.decimal_saisi` : ni « 1_0 », ni « ١٠ », ni « １０ ») — ou une
mention : « Abs » (absent, la note ne compte pas) ou « Disp » (dispensé). La moyenne d'une
discipline est pondérée par les coefficients des évaluations ; la moyenne générale est la
moyenne des moyennes des disciplines ; la moyenne de la classe est la moyenne des moyennes de
ses élèves.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from entsim.autorisation.service import Action, Ressource, roles_de
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.saisie import decimal_saisi, texte_saisi
from entsim.socle.texte import extrait
from entsim.etablissement.generation import CLASSE_DEMO, RENTREE, SECONDE_DEMO
from entsim.etablissement.identifiants import replier
from entsim.services._vie_eleve import ServiceVieEleve, cite, date_courte, lire_date, nombre_fr
from entsim.services._donnees import DonneePersonnelle, verifier_motif
from entsim.autorisation.habilitations.ressources import de
from entsim.services.emploi_du_temps import lundi_de

#: Mentions acceptées à la place d'une note (clé : saisie repliée, sans accents).
MENTIONS: dict[str, str] = {"abs": "Abs", "absent": "Abs", "absente": "Abs",
                            "disp": "Disp", "dispense": "Disp", "dispensee": "Disp"}
LIBELLES_MENTIONS = {"Abs": "absent (ne compte pas dans la moyenne)",
                     "Disp": "dispensé (ne compte pas dans la moyenne)"}
#: Longueurs maximales du titre d'une évaluation et du nom d'une discipline saisis.
TITRE_EVALUATION_MAX = 120
DISCIPLINE_MAX = 100

#: Évaluations de rentrée par discipline : (titre, coefficient).
EVALUATIONS_DE_RENTREE: dict[str, tuple[tuple[str, float], ...]] = {
    "Management, sciences de gestion et numérique, enseignement spécifique SIG": (
        ("Évaluation diagnostique : le système d'information", 1),
        ("Questionnaire : vocabulaire du numérique", 0.5)),
    "Droit et économie": (("Évaluation diagnostique de droit", 1),),
    "Mathématiques": (("Test de positionnement", 1), ("Interrogation : pourcentages", 0.5)),
    "Philosophie": (("Dissertation d'essai : « Qu'est-ce qu'être libre ? »", 1),),
    "Anglais (LVA)": (("Compréhension orale de rentrée", 1),),
    "Espagnol (LVB)": (("Expression écrite : me presento", 1),),
    "Histoire-géographie et EMC": (("Questions de cours : la guerre froide", 1),),
}


_SUR_VINGT = re.compile(r"\s*(.+?)\s*/\s*20\s*", re.ASCII)


def lire_note(valeur: object) -> tuple[float | None, str]:
    """(valeur, mention) à partir d'une saisie : 15, 12.5, « 12,5 », « 14/20 », « Abs »,
    « Disp ». Lève :class:`ValeurInvalide` (message en français) sinon."""
    if isinstance(valeur, bool):
        raise ValeurInvalide("Une note est un nombre entre 0 et 20, pas vrai ou faux.",
                             code="note_illisible")
    if isinstance(valeur, int) and not 0 <= valeur <= 20:
        raise ValeurInvalide(f"Une note est comprise entre 0 et 20 (reçu : {extrait(valeur)}).",
                             code="note_hors_bareme")
    if isinstance(valeur, (int, float)):
        nombre: float | None = float(valeur)
    elif isinstance(valeur, str):
        texte = replier(valeur.strip()).rstrip(".")
        if texte in MENTIONS:
            return None, MENTIONS[texte]
        sur_vingt = _SUR_VINGT.fullmatch(valeur)          # « 14/20 », « 14 / 20 »
        nombre = decimal_saisi(sur_vingt.group(1) if sur_vingt else valeur)
        if nombre is None:
            raise ValeurInvalide(
                f"Note illisible : {cite(valeur)}. Écrivez un nombre entre 0 et 20 en chiffres "
                f"(par exemple 12,5 ou 14/20), ou « Abs » (absent) ou « Disp » (dispensé).",
                code="note_illisible")
    else:
        raise ValeurInvalide(f"Une note est un nombre entre 0 et 20 (reçu : {cite(valeur)}).",
                             code="note_illisible")
    if not 0 <= nombre <= 20:                    # NaN compris : aucune comparaison ne tient
        raise ValeurInvalide(f"Une note est comprise entre 0 et 20 (reçu : "
                             f"{nombre_fr(nombre) if math.isfinite(nombre) else cite(valeur)}).",
                             code="note_hors_bareme")
    return round(nombre, 2), ""


@dataclass
class Evaluation:
    """Un devoir, une interrogation… notés sur 20, avec un coefficient."""

    numero: int
    classe: str
    discipline: str
    enseignant: str | None
    date: date
    titre: str
    coefficient: float = 1.0


@dataclass(frozen=True)
class Note:
    """La note d'un élève à une évaluation (ou une mention « Abs » / « Disp »)."""

    evaluation: int
    eleve: str
    valeur: float | None
    mention: str = ""
    saisie_par: str | None = None
    saisie_le: datetime | None = None

    @property
    def texte(self) -> str:
        return self.mention or nombre_fr(self.valeur or 0)


def moyenne_ponderee(paires: list[tuple[float, float]]) -> float | None:
    """Moyenne des (valeur, coefficient) ; None s'il n'y a rien à moyenner."""
    total = sum(c for _, c in paires)
    return None if not total else sum(v * c for v, c in paires) / total


def _moyenne(valeurs: list[float | None]) -> float | None:
    gardees = [v for v in valeurs if v is not None]
    return sum(gardees) / len(gardees) if gardees else None


def texte_moyenne(valeur: float | None) -> str:
    return "—" if valeur is None else nombre_fr(valeur)


@dataclass(frozen=True)
class LigneReleve:
    discipline: str
    enseignant: str
    notes: tuple[tuple[Evaluation, Note | None], ...]
    moyenne: float | None
    moyenne_classe: float | None


@dataclass(frozen=True)
class Releve:
    """Le relevé de notes d'un élève, tel que le voient l'élève et sa famille."""

    eleve: str
    nom: str
    classe: str
    lignes: tuple[LigneReleve, ...]
    moyenne_generale: float | None
    moyenne_generale_classe: float | None

    def note(self, titre: str) -> Note | None:
        """La note de l'évaluation de ce titre (None si aucune)."""
        for ligne in self.lignes:
            for evaluation, note in ligne.notes:
                if evaluation.titre == titre:
                    return note
        return None

    def en_texte(self) -> str:
        lignes = [f"Relevé de notes {de(self.nom)} ({self.classe})"]
        for l in self.lignes:
            notes = ", ".join(f"{e.titre} (coef. {nombre_fr(e.coefficient)}, "
                              f"{date_courte(e.date)}) : {n.texte if n else 'non notée'}"
                              for e, n in l.notes)
            lignes.append(f"{l.discipline} — {l.enseignant} — moyenne "
                          f"{texte_moyenne(l.moyenne)} (classe : "
                          f"{texte_moyenne(l.moyenne_classe)}) — {notes}")
        lignes.append(f"Moyenne générale : {texte_moyenne(self.moyenne_generale)} "
                      f"(classe : {texte_moyenne(self.moyenne_generale_classe)})")
        return "\n".join(lignes)


@dataclass(frozen=True)
class TableauNotes:
    """Les notes d'une classe dans une discipline (vue de l'enseignant)."""

    classe: str
    discipline: str
    evaluations: tuple[Evaluation, ...]
    eleves: tuple[tuple[str, str], ...]                # (identifiant, nom)
    notes: dict = field(default_factory=dict)          # (eleve, numero) → Note
    moyennes: dict = field(default_factory=dict)       # eleve → moyenne ou None

    def lignes(self) -> list[list[str]]:
        return [[nom] + [self.notes[(ident, e.numero)].texte
                         if (ident, e.numero) in self.notes else "—"
                         for e in self.evaluations] + [texte_moyenne(self.moyennes.get(ident))]
                for ident, nom in self.eleves]


class Notes(ServiceVieEleve):
    """Le service « Notes et résultats des évaluations »."""

    code = "notes"

    def __init__(self, ent) -> None:
        super().__init__(ent)
        self._evaluations: dict[int, Evaluation] = {}
        self._notes: dict[tuple[str, int], Note] = {}
        self._peupler()

    # -- données de démonstration ----------------------------------------------------------
    def _peupler(self) -> None:
        maintenant = self.horloge.maintenant()
        rentree = max(RENTREE, lundi_de(maintenant) - timedelta(days=7))
        edt = self.ent.service("emploi_du_temps")
        for classe in (CLASSE_DEMO, SECONDE_DEMO):
            if classe not in self.etablissement.classes:
                continue
            rng = self._generateur(classe)
            eleves = sorted(self.etablissement.classe(classe).eleves)
            niveau = {e: min(17.5, max(5.0, rng.gauss(11.5, 2.8))) for e in eleves}
            cours = edt._cours_entre(classe, None, rentree, maintenant.date() - timedelta(1))
            disciplines = list(dict.fromkeys(c.discipline for _, c in cours))
            for discipline in disciplines:
                jours = sorted({i.date() for i, c in cours if c.discipline == discipline})
                banque = EVALUATIONS_DE_RENTREE.get(discipline, ())
                if discipline.startswith("Éducation physique") or not jours:
                    continue
                if not banque:
                    banque = (("Évaluation diagnostique", 1),)
                for k, (titre, coefficient) in enumerate(banque[:len(jours)]):
                    prof = next(c.enseignant for _, c in cours if c.discipline == discipline)
                    ev = self._ajouter_evaluation(classe, discipline, prof, jours[k], titre,
                                                  coefficient)
                    difficulte = rng.gauss(0, 1.5)
                    for e in eleves:
                        tirage = rng.random()
                        if tirage < 0.05:
                            valeur, mention = None, "Abs"
                        elif tirage < 0.07:
                            valeur, mention = None, "Disp"
                        else:
                            brut = niveau[e] - difficulte + rng.gauss(0, 2.2)
                            valeur, mention = min(20.0, max(0.0, round(brut * 2) / 2)), ""
                        saisie = datetime.combine(ev.date, maintenant.time())
                        self._notes[(e, ev.numero)] = Note(ev.numero, e, valeur, mention, prof,
                                                           saisie)

    def _ajouter_evaluation(self, classe: str, discipline: str, prof: str | None, jour: date,
                            titre: str, coefficient: float) -> Evaluation:
        ev = Evaluation(len(self._evaluations) + 1, classe, discipline, prof, jour, titre,
                        float(coefficient))
        self._evaluations[ev.numero] = ev
        return ev

    # -- calculs (sans contrôle : privés) ------------------------------------------------------
    def _evaluations_de(self, classe: str, discipline: str | None = None) -> list[Evaluation]:
        return sorted((e for e in self._evaluations.values() if e.classe == classe
                       and (discipline is None or e.discipline == discipline)),
                      key=lambda e: (e.date, e.numero))

    def _moyenne_eleve(self, eleve: str, evaluations: list[Evaluation]) -> float | None:
        paires = [(n.valeur, e.coefficient) for e in evaluations
                  if (n := self._notes.get((eleve, e.numero))) is not None and n.valeur is not None]
        return moyenne_ponderee(paires)

    def _disciplines(self, classe: str) -> list[str]:
        return list(dict.fromkeys(e.discipline for e in self._evaluations_de(classe)))

    def _generale(self, eleve: str, classe: str) -> float | None:
        return _moyenne([self._moyenne_eleve(eleve, self._evaluations_de(classe, d))
                         for d in self._disciplines(classe)])

    # -- consultation ------------------------------------------------------------------------
    def releve(self, identifiant: str, eleve: str, *, poste: str | None = None) -> Releve:
        """Le relevé de notes d'un élève (l'élève lui-même, ses parents, ses enseignants, la
        direction, le CPE)."""
        self.exiger(identifiant, Action.LIRE, Ressource.notes_de(eleve), poste=poste)
        p = self.etablissement.personne(eleve)
        classe = p.classe  # type: ignore[attr-defined]
        camarades = self.etablissement.classe(classe).eleves
        lignes = []
        for discipline in self._disciplines(classe):
            evaluations = self._evaluations_de(classe, discipline)
            lignes.append(LigneReleve(
                discipline, self.nom_de(evaluations[0].enseignant),
                tuple((e, self._notes.get((eleve, e.numero))) for e in evaluations),
                self._moyenne_eleve(eleve, evaluations),
                _moyenne([self._moyenne_eleve(c, evaluations) for c in camarades])))
        return Releve(eleve, p.nom_complet, classe, tuple(lignes), self._generale(eleve, classe),
                      _moyenne([self._generale(c, classe) for c in camarades]))

    def tableau_classe(self, identifiant: str, classe: str, discipline: str, *,
                       poste: str | None = None) -> TableauNotes:
        """Les notes d'une classe dans une discipline : son enseignant dans la classe, le
        professeur principal, la direction, le CPE. Jamais un élève ni un parent : ils voient
        leurs notes et les moyennes de la classe dans le relevé (besoin d'en connaître)."""
        texte_saisi(discipline, "discipline", maximum=DISCIPLINE_MAX)
        self.exiger(identifiant, Action.LIRE, Ressource("notes", classe=classe), poste=poste)
        objet = f"notes de {classe} ({discipline})"
        discipline, prof = self.discipline_de_la_classe(identifiant, classe, discipline,
                                                        objet=objet, poste=poste)
        if prof != identifiant and not self._toutes_les_disciplines(identifiant, classe):
            raise self.refuser(
                identifiant, f"{self.nom_de(identifiant)} n'enseigne pas « {discipline} » en "
                f"{classe} : un enseignant consulte le tableau des notes de sa discipline ; le "
                f"relevé de chacun de ses élèves, toutes disciplines, lui reste ouvert (conseil "
                f"de classe).", objet, poste=poste, code="discipline_non_enseignee")
        evaluations = self._evaluations_de(classe, discipline)
        eleves = tuple((e.identifiant, e.nom_complet) for e in sorted(
            self.etablissement.eleves_de(classe), key=lambda x: (x.nom, x.prenom)))
        notes = {(e, ev.numero): self._notes[(e, ev.numero)] for e, _ in eleves
                 for ev in evaluations if (e, ev.numero) in self._notes}
        moyennes = {e: self._moyenne_eleve(e, evaluations) for e, _ in eleves}
        return TableauNotes(classe, discipline, tuple(evaluations), eleves, notes, moyennes)

    def disciplines_enseignees(self, identifiant: str, classe: str) -> list[str]:
        """Les disciplines que cette personne enseigne dans cette classe."""
        return [d for d, prof in self.etablissement.classe(classe).enseignements.items()
                if prof == identifiant]

    # -- saisie ------------------------------------------------------------------------------
    def _verifier_discipline(self, identifiant: str, classe: str, discipline: str,
                             poste: str | None) -> str:
        """Le libellé exact de la discipline dans la classe (celui de l'emploi du temps et
        du relevé : « Histoire-géographie » devient « Histoire-géographie et EMC ») ; refus
        tracé si ce n'est pas une discipline de la classe ou si cette personne ne
        l'enseigne pas. Les noms se comparent exactement : le professeur
        d'histoire-géographie n'agit pas sur HGGSP."""
        objet = f"notes de {classe} ({discipline})"
        libelle, prof = self.discipline_de_la_classe(identifiant, classe, discipline,
                                                     objet=objet, poste=poste)
        if prof != identifiant:
            raise self.refuser(
                identifiant, f"{self.nom_de(identifiant)} n'enseigne pas « {libelle} » en "
                f"{classe} : un enseignant saisit seulement les notes de sa discipline, dans "
                f"les classes où il enseigne.", objet, poste=poste,
                code="discipline_non_enseignee")
        return libelle

    def _toutes_les_disciplines(self, identifiant: str, classe: str) -> bool:
        """Le professeur principal de la classe, la direction et le CPE consultent le tableau
        de chaque discipline (``HABILITATIONS["notes"]`` : ils suivent toute la classe et
        préparent le conseil de classe, code de l'éducation, art. R. 421-50 et R. 421-51)."""
        if self.etablissement.classe(classe).professeur_principal == identifiant:
            return True
        return bool({"direction", "cpe"} & set(roles_de(self.etablissement.personne(identifiant))))

    def creer_evaluation(self, identifiant: str, classe: str, discipline: str, titre: str, *,
                         coefficient: float | str = 1, le: date | str | None = None,
                         poste: str | None = None) -> Evaluation:
        """Un enseignant crée une évaluation (devoir, interrogation…) dans sa discipline."""
        titre = texte_saisi(titre, "titre", maximum=TITRE_EVALUATION_MAX)
        texte_saisi(discipline, "discipline", maximum=DISCIPLINE_MAX)
        if isinstance(coefficient, str):
            lu = decimal_saisi(coefficient)
            if lu is None:
                raise ValeurInvalide(f"Le coefficient doit être un nombre, par exemple 2 ou "
                                     f"0,5 (reçu : {cite(coefficient)}).",
                                     code="coefficient_invalide")
            coefficient = lu
        if isinstance(coefficient, bool) or not isinstance(coefficient, (int, float)) \
                or not 0 < coefficient <= 10:
            raise ValeurInvalide(f"Le coefficient est un nombre strictement positif, au plus "
                                 f"10 (reçu : {cite(coefficient)}).", code="coefficient_invalide")
        self.exiger(identifiant, Action.ECRIRE, Ressource("notes", classe=classe), poste=poste)
        discipline = self._verifier_discipline(identifiant, classe, discipline, poste)
        jour = lire_date(le, "le") if le is not None else self.horloge.maintenant().date()
        return self._ajouter_evaluation(classe, discipline, identifiant, jour, titre,
                                        float(coefficient))

    def evaluation(self, numero: int) -> Evaluation:
        try:
            return self._evaluations[numero]
        except (KeyError, TypeError):
            raise Introuvable(f"Aucune évaluation n° {extrait(numero)}.",
                              code="evaluation_inconnue") from None

    def saisir_note(self, identifiant: str, eleve: str, evaluation: int, valeur: object, *,
                    poste: str | None = None) -> Note:
        """Un enseignant saisit (ou corrige) la note d'un élève à une évaluation."""
        ev = self.evaluation(evaluation)
        nombre, mention = lire_note(valeur)
        p = self.etablissement.personne(eleve)
        if getattr(p, "classe", None) != ev.classe:
            raise ValeurInvalide(f"{p.nom_complet} n'est pas élève de {ev.classe} : pas de note "
                                 f"à l'évaluation « {ev.titre} ».", code="eleve_hors_classe")
        action = Action.MODIFIER if (eleve, ev.numero) in self._notes else Action.ECRIRE
        self.exiger(identifiant, action, Ressource.notes_de(eleve), poste=poste)
        self._verifier_discipline(identifiant, ev.classe, ev.discipline, poste)
        note = Note(ev.numero, eleve, nombre, mention, identifiant, self.horloge.maintenant())
        self._notes[(eleve, ev.numero)] = note
        return note

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Les notes d'un élève (catégorie « evaluations », source : l'enseignant qui l'a
        saisie) ; pour un enseignant, les évaluations qu'il a créées. Les moyennes de la
        classe ne sont pas des données de l'élève : elles se recalculent (données agrégées)."""
        donnees = []
        for (eleve, numero), note in sorted(self._notes.items(), key=lambda x: x[0][1]):
            if eleve == identifiant:
                ev = self._evaluations[numero]
                donnees.append(DonneePersonnelle(
                    self.code, "evaluations", f"Note — {ev.titre} ({ev.discipline})",
                    note.texte, eleve, note.saisie_par, f"notes:note:{numero}:{eleve}",
                    note.saisie_le))
        for ev in self._evaluations.values():
            if ev.enseignant == identifiant:
                donnees.append(DonneePersonnelle(
                    self.code, "evaluations", f"Évaluation créée — {ev.classe}, {ev.discipline}",
                    ev.titre, identifiant, identifiant, f"notes:evaluation:{ev.numero}", ev.date))
        return donnees

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Un élève : ses notes sont supprimées (arrêté ENT du 30 novembre 2006 modifié,
        art. 6 : suppression dans les trois mois après le départ ; une demande d'effacement
        des notes d'un élève présent est refusée en amont, :mod:`entsim.rgpd`). Un
        enseignant : les évaluations et les notes restent (ce sont les données des élèves),
        son identifiant en est retiré."""
        verifier_motif(motif)
        compte = 0
        for cle in [c for c in self._notes if c[0] == identifiant]:
            del self._notes[cle]
            compte += 1
        for cle, note in list(self._notes.items()):
            if note.saisie_par == identifiant:
                self._notes[cle] = replace(note, saisie_par=None)
        for ev in self._evaluations.values():
            if ev.enseignant == identifiant:
                ev.enseignant = None
                compte += 1
        return compte


SERVICE = Notes
