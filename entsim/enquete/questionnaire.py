"""Le questionnaire d'entretien, par acteur, bâti sur les trois questions du cours.

Question 6 du cours : interviewer chaque acteur pour savoir « quelles sont les
fonctionnalités utilisées », « quelles évolutions sont constatées sur leur mode de travail,
de coordination et d'échange avec les autres acteurs » et « quels sont les avantages et les
limites liés à l'usage d'un ENT ». Le questionnaire a quatre parties : l'entretien (groupe,
enquêteurs, date, acteur, accord de la personne), les fonctionnalités (services du
catalogue ouverts au profil de l'acteur, « Autre », fréquence et moments d'usage), les
évolutions (échelle d'accord à cinq niveaux sur quelques affirmations, puis texte libre),
les avantages et les limites (texte libre, thèmes à cocher si l'on veut).

Aucun nom de la personne interviewée n'est demandé, seulement son rôle : c'est la
minimisation des données du RGPD (règlement (UE) 2016/679, art. 5, 1, c : des données
« adéquates, pertinentes et limitées à ce qui est nécessaire au regard des finalités pour
lesquelles elles sont traitées »). L'accord de la personne pour que ses réponses servent en
classe est demandé et doit être donné : sans lui, la réponse n'est pas enregistrée (choix
du kit, pour un travail de classe ; ce n'est pas une règle générale du RGPD).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from entsim.enquete.acteurs import ACTEURS, Acteur, acteur_depuis
from entsim.enquete.themes import AVANTAGE, LIMITE, libelles
from entsim.etablissement.catalogue import Catalogue
from entsim.socle.erreurs import Introuvable

__all__ = ["AFFIRMATIONS", "AVERTISSEMENT_RGPD", "ENQUETEURS_MAX", "FREQUENCES", "GROUPE_MAX",
           "AUTRE_MAX", "JAMAIS", "MOMENTS", "NIVEAUX_ACCORD", "NUMERO_MAX", "Question",
           "Questionnaire", "SEPARATEUR_CHOIX", "TEXTE_MAX", "options_fonctionnalites",
           "questionnaire"]

#: Longueurs maximales (en caractères) des réponses écrites.
GROUPE_MAX = 40
ENQUETEURS_MAX = 120
AUTRE_MAX = 200
TEXTE_MAX = 2000
#: Numéro de réponse le plus grand dans un groupe, pour un acteur.
NUMERO_MAX = 9999

#: Séparateur des choix multiples dans le fichier CSV : aucun choix proposé ne le contient
#: (vérifié à la construction du questionnaire et par les tests).
SEPARATEUR_CHOIX = " | "

JAMAIS = "Jamais"
FREQUENCES: tuple[str, ...] = ("Tous les jours", "Plusieurs fois par semaine",
                               "Une fois par semaine", "Moins souvent", JAMAIS)
MOMENTS: tuple[str, ...] = ("Matin", "Midi", "Soir", "Week-end", "Vacances")

#: Échelle d'accord à cinq niveaux (échelle de Likert), du désaccord à l'accord.
NIVEAUX_ACCORD: tuple[str, ...] = ("Pas du tout d'accord", "Plutôt pas d'accord",
                                   "Ni d'accord ni pas d'accord", "Plutôt d'accord",
                                   "Tout à fait d'accord")

#: Les affirmations de la partie « évolutions » : code stable → texte lu à la personne.
AFFIRMATIONS: dict[str, str] = {
    "travail": "L'ENT a changé ma façon de travailler.",
    "coordination": "Je me coordonne plus facilement avec les autres acteurs.",
    "echanges": "J'échange plus souvent avec les autres acteurs qu'avant l'ENT.",
    "temps": "L'ENT me fait gagner du temps.",
    "horaires": "L'ENT me fait travailler en dehors des heures habituelles (soir, week-end).",
}

AVERTISSEMENT_RGPD = (
    "Aucun nom de la personne interviewée n'est demandé : on note seulement son rôle "
    "(« Parent », « Enseignant »…). C'est la minimisation des données du RGPD (article 5) : "
    "ne garder que ce qui est nécessaire. N'écrivez dans les réponses ni nom, ni détail qui "
    "permettrait de reconnaître la personne. Ses réponses ne sont enregistrées que si elle "
    "accepte qu'elles servent en classe.")

#: Natures de questions (ce que le formulaire montre).
NATURES = ("texte", "texte_long", "date", "choix_unique", "choix_multiple", "accord", "echelle")


@dataclass(frozen=True)
class Question:
    """Une question : le champ de la réponse (``code``), son intitulé, sa nature, ses choix,
    si elle est obligatoire, sa longueur maximale (texte) et une aide pour l'enquêteur."""

    code: str
    intitule: str
    nature: str
    partie: str
    options: tuple[str, ...] = ()
    obligatoire: bool = True
    maximum: int = 0
    aide: str = ""


ENTRETIEN = "L'entretien"
FONCTIONNALITES = "1. Fonctionnalités utilisées"
EVOLUTIONS = "2. Évolutions du travail, de la coordination et des échanges"
AVANTAGES_LIMITES = "3. Avantages et limites"


@lru_cache(maxsize=None)
def options_fonctionnalites(acteur: Acteur) -> tuple[str, ...]:
    """Les noms des services que l'acteur peut cocher : ceux que le catalogue ouvre à son
    profil ENT (lecture ou écriture), ou tous s'il n'a pas de profil (la collectivité)."""
    catalogue = Catalogue.charger()
    services = list(catalogue) if acteur.profil is None else catalogue.pour_profil(acteur.profil)
    return tuple(s.nom for s in services)


@dataclass(frozen=True)
class Questionnaire:
    """Le questionnaire d'un acteur : ses questions, dans l'ordre de l'entretien."""

    acteur: Acteur
    questions: tuple[Question, ...]

    def question(self, code: str) -> Question:
        """La question de ce code (``"avantages"``…)."""
        for q in self.questions:
            if q.code == code:
                return q
        raise Introuvable(f"Le questionnaire n'a pas de question « {code} ».",
                          code="question_inconnue")

    def texte(self) -> str:
        """Le questionnaire en texte, à imprimer ou à lire à l'écran."""
        lignes = [f"Questionnaire — {self.acteur.libelle}", AVERTISSEMENT_RGPD]
        partie = None
        for q in self.questions:
            if q.partie != partie:
                partie = q.partie
                lignes += ["", partie]
            marque = "" if q.obligatoire else " (facultatif)"
            lignes.append(f"- {q.intitule}{marque}" + (f" : {q.aide}" if q.aide else ""))
            if q.nature == "echelle":
                lignes += [f"    • {texte}" for texte in AFFIRMATIONS.values()]
                lignes.append("    (" + " / ".join(NIVEAUX_ACCORD) + ")")
            elif q.options and q.code != "acteur":
                lignes.append("    " + " ; ".join(q.options))
        return "\n".join(lignes)

    def __str__(self) -> str:
        return self.texte()


@lru_cache(maxsize=None)
def _questionnaire(acteur: Acteur) -> Questionnaire:
    services = options_fonctionnalites(acteur)
    questions = (
        Question("groupe", "Groupe", "texte", ENTRETIEN, maximum=GROUPE_MAX,
                 aide="le nom de votre groupe, par exemple « TSTMG1 groupe 3 »"),
        Question("enqueteurs", "Enquêteurs", "texte", ENTRETIEN, maximum=ENQUETEURS_MAX,
                 aide="les prénoms des élèves qui mènent l'entretien"),
        Question("date", "Date de l'entretien", "date", ENTRETIEN, aide="jj/mm/aaaa"),
        Question("acteur", "Acteur interviewé", "choix_unique", ENTRETIEN,
                 options=tuple(a.libelle for a in ACTEURS),
                 aide="son rôle seulement, jamais son nom"),
        Question("consentement", "Accord pour utiliser les réponses en classe", "accord",
                 ENTRETIEN, aide="la personne accepte que ses réponses servent en classe"),
        Question("fonctionnalites", "Fonctionnalités utilisées", "choix_multiple",
                 FONCTIONNALITES, options=services,
                 aide="les services de l'ENT que la personne utilise"),
        Question("fonctionnalites_autres", "Autre fonctionnalité", "texte", FONCTIONNALITES,
                 obligatoire=False, maximum=AUTRE_MAX, aide="un usage qui n'est pas dans la liste"),
        Question("frequence", "Fréquence d'utilisation", "choix_unique", FONCTIONNALITES,
                 options=FREQUENCES),
        Question("moments", "Moments d'utilisation", "choix_multiple", FONCTIONNALITES,
                 options=MOMENTS, obligatoire=False),
        Question("accords", "Évolutions : degré d'accord", "echelle", EVOLUTIONS,
                 options=NIVEAUX_ACCORD,
                 aide="lire chaque affirmation et noter l'avis de la personne"),
        Question("evolutions", "Évolutions du travail, de la coordination et des échanges",
                 "texte_long", EVOLUTIONS, maximum=TEXTE_MAX,
                 aide="qu'est-ce qui a changé dans son travail et ses échanges avec les "
                      "autres acteurs ?"),
        Question("avantages", "Avantages", "texte_long", AVANTAGES_LIMITES, maximum=TEXTE_MAX,
                 aide="ce que l'ENT lui apporte"),
        Question("avantages_themes", "Avantages : thèmes", "choix_multiple", AVANTAGES_LIMITES,
                 options=libelles(AVANTAGE), obligatoire=False),
        Question("limites", "Limites", "texte_long", AVANTAGES_LIMITES, maximum=TEXTE_MAX,
                 aide="ce qui la gêne ou lui manque"),
        Question("limites_themes", "Limites : thèmes", "choix_multiple", AVANTAGES_LIMITES,
                 options=libelles(LIMITE), obligatoire=False),
    )
    for q in questions:
        for option in q.options:
            if SEPARATEUR_CHOIX.strip() in option:   # garde-fou du format CSV
                raise AssertionError(f"Le choix « {option} » contient le séparateur.")
    return Questionnaire(acteur, questions)


def questionnaire(acteur: Acteur | str) -> Questionnaire:
    """Le questionnaire d'un acteur (« Parent », ``"vie_scolaire"``…)."""
    return _questionnaire(acteur_depuis(acteur))
