"""La définition ou phrase courte (:class:`ReponseCourte`), contrôlée par groupes de
mots-clés (:class:`~entsim.questions.mots_cles.MotsCles`).

Le retour nomme l'idée qui manque (« Il manque l'idée de vérifier l'identité. ») ; une idée
écrite à la forme négative ne compte pas ; une liste de mots-clés sans phrase a au plus la
moitié des points ; la note est marquée « provisoire » (le professeur relit et ajuste).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from entsim.questions.mots_cles import MotsCles, _groupes
from entsim.questions.normalisation import normaliser, _texte
from entsim.questions.question import Question
from entsim.questions.retours import Correction
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import accorder


#: Petits mots de liaison (articles, prépositions, pronoms, auxiliaires) : une définition
#: rédigée en contient ; une simple liste de mots-clés n'en contient pas.
MOTS_DE_LIAISON = frozenset({
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "a", "au", "aux", "et", "ou",
    "puis", "pour", "par", "avec", "sans", "qui", "que", "qu", "quand", "dans", "sur", "en",
    "son", "sa", "ses", "leur", "leurs", "est", "sont", "on", "il", "elle", "ils", "elles",
    "se", "s", "c", "ce", "ca", "cela", "avant", "apres", "afin", "selon", "lui", "y",
    "chaque", "tout", "tous", "toutes", "ne", "n", "ont", "peut", "permet", "consiste",
})

#: Expressions figées retirées avant de compter les mots de liaison (« mot de passe »).
_EXPRESSIONS_FIGEES = re.compile(r"\b(?:mots? de passe|emploi du temps|cahier de textes|"
                                 r"point d entree|vie scolaire)\b")

#: Une définition rédigée a au moins ce nombre de mots…
MOTS_MIN_PHRASE = 4
#: … et au moins ce nombre de mots de liaison.
LIAISONS_MIN_PHRASE = 2
#: Part maximale de la note pour une liste de mots-clés sans phrase.
PART_MAX_SANS_PHRASE = 0.5

#: Une réponse plus longue que ce multiple de la réponse modèle (et que :data:`MOTS_MAX_MIN`
#: mots) est un texte recopié (un tableau ou un parcours affiché par le cours contient tous
#: les mots-clés) : elle a au plus :data:`PART_MAX_SANS_PHRASE` des points, avec un retour
#: qui le dit, et le professeur la relit.
LONGUEUR_MAX_RELATIVE = 3
#: Nombre de mots toujours permis, quelle que soit la longueur de la réponse modèle.
MOTS_MAX_MIN = 100


def mots_max(exemple: str) -> int:
    """Le nombre de mots au-delà duquel une réponse est plafonnée (texte recopié)."""
    return max(MOTS_MAX_MIN, LONGUEUR_MAX_RELATIVE * len(normaliser(exemple).split()))


def est_une_phrase(texte_normalise: str) -> bool:
    """Vrai si le texte est rédigé (au moins 4 mots, dont 2 petits mots de liaison comme
    « le », « de », « pour », « qui », « est ») et pas une simple liste de mots-clés
    (« portail services élèves mot de passe »)."""
    mots = texte_normalise.split()
    liaisons = [m for m in _EXPRESSIONS_FIGEES.sub(" ", texte_normalise).split()
                if m in MOTS_DE_LIAISON]
    return len(mots) >= MOTS_MIN_PHRASE and len(liaisons) >= LIAISONS_MIN_PHRASE


@dataclass(frozen=True, kw_only=True, repr=False)
class ReponseCourte(Question):
    """Une définition ou une phrase courte, contrôlée par groupes de mots-clés.

    Chaque :class:`MotsCles` est une idée attendue ; la note est la part (pondérée) des
    idées présentes (une idée ``facultative`` ajoute des points sans être exigée). Le
    retour nomme chaque idée manquante. ``exemple`` : une réponse modèle (celle du
    corrigé), qui doit obtenir tous les points.

    Règles simples, qu'un professeur peut expliquer à sa classe :

    - une idée écrite à la forme négative (« ce n'est pas … », « ni … », « ne … pas »,
      trois mots avant l'idée au plus) ne compte pas ;
    - une liste de mots-clés sans phrase (moins de 4 mots, ou moins de 2 petits mots de
      liaison comme « le », « de », « pour ») a au plus la moitié des points ;
    - une réponse plus de trois fois plus longue que la réponse modèle (et de plus de
      100 mots) aussi : c'est un texte recopié (un tableau du cours contient tous les
      mots-clés) ;
    - la note est **provisoire** (``Correction.provisoire``) : le barème affiché le dit, et
      ``pour_le_professeur`` rappelle les idées trouvées, pour que le professeur relise et
      ajuste.
    """

    groupes: tuple[MotsCles, ...]
    exemple: str

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "groupes", _groupes(self.groupes))
        if not any(not g.facultative for g in self.groupes):
            raise ValeurInvalide(f"Question {self.id} : aucune idée attendue.")

    def exemple_de_reponse(self) -> object:
        return self.exemple

    def consigne(self) -> str:
        return (f"{self.enonce}\n\n*Écrivez votre réponse en une ou deux phrases, entre "
                f'triples guillemets : `{self.variable} = """…"""` (les apostrophes et les '
                "retours à la ligne y sont permis). La fiche vérifie seulement la forme de "
                "votre réponse : votre professeur la lit et la note.*")

    def _corriger(self, reponse: object) -> Correction:
        if isinstance(reponse, (list, tuple)) and all(isinstance(r, str) for r in reponse):
            reponse = " ; ".join(reponse)
        texte = normaliser(_texte(reponse))
        presentes = [g for g in self.groupes if g.trouvee_dans(texte, negation=True)]
        niees = [g for g in self.groupes if not any(g is p for p in presentes)
                 and g.trouvee_dans(texte)]
        exigees = [g for g in self.groupes if not g.facultative]
        manquantes = [g for g in exigees if not any(g is p for p in presentes)]
        total = sum(g.poids for g in exigees)
        part = min(1.0, sum(g.poids for g in presentes) / total)
        details = [(f"L'idée {g.idee} n'apparaît qu'à la forme négative (« ne … pas », "
                    "« ni ») : elle ne compte pas." if any(g is n for n in niees)
                    else g.manque()) for g in manquantes]
        phrase = est_une_phrase(texte)
        plafonnee = not phrase and part > PART_MAX_SANS_PHRASE
        if plafonnee:
            part = PART_MAX_SANS_PHRASE
            details.append("Une définition s'écrit en phrase : une liste de mots-clés ne "
                           "suffit pas (note limitée à la moitié des points).")
        nombre_de_mots = len(texte.split())
        trop_longue = nombre_de_mots > mots_max(self.exemple)
        if trop_longue and part > PART_MAX_SANS_PHRASE:
            part, plafonnee = PART_MAX_SANS_PHRASE, True
            details.append(f"Votre réponse est très longue ({nombre_de_mots} mots) : "
                           "répondez avec vos propres mots, en quelques phrases ; un long "
                           "texte recopié ne compte que pour la moitié des points.")
        if part < 1 - 1e-9:
            details += [f"Pour aller plus loin : l'idée {g.idee}." for g in self.groupes
                        if g.facultative and not any(g is p for p in presentes)]
        trouvees = ", ".join(g.idee for g in presentes) or "aucune"
        pour_prof = (f"Note calculée par mots-clés, provisoire : relisez la réponse et "
                     f"ajustez-la si besoin (idées reconnues : {trouvees}"
                     + (" ; réponse sans phrase rédigée" if not phrase else "")
                     + (f" ; réponse très longue ({nombre_de_mots} mots) : texte recopié ?"
                        if trop_longue else "")
                     + (" ; idées écrites à la forme négative : "
                        + ", ".join(g.idee for g in niees) if niees else "") + ").",)
        nb_exigees = sum(1 for g in exigees if any(g is p for p in presentes))
        return self._proportion(
            part, "Très bien : toutes les idées attendues sont présentes.",
            ("Les mots-clés sont là, mais la réponse est un long texte recopié."
             if trop_longue else "Les mots-clés sont là, mais la définition n'est pas "
                                 "rédigée.") if plafonnee
            else f"C'est un bon début : {accorder(nb_exigees, 'idée', 'idées')} sur "
                 f"{len(exigees)}.",
            "Les idées attendues n'apparaissent pas encore dans votre réponse.",
            details, pour_prof, provisoire=True)
