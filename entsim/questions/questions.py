"""Ancien emplacement des questions et des fiches, gardé pour les importations existantes.

``from entsim.questions.questions import QCM, fiche…`` continue de marcher ; le code est
désormais rangé par responsabilité :

- :mod:`~entsim.questions.retours` : la correction d'une réponse et l'indice (statuts,
  symboles, texte brut et HTML) ;
- :mod:`~entsim.questions.normalisation` : la lecture tolérante des réponses (vide, taille,
  accents, nombres à la française) ;
- :mod:`~entsim.questions.mots_cles` : les idées attendues (:class:`MotsCles`) ;
- :mod:`~entsim.questions.question` : la base commune des questions ;
- :mod:`~entsim.questions.types_de_questions` : un module par type de question ;
- :mod:`~entsim.questions.fiches` : la fiche et son bilan ;
- :mod:`~entsim.questions.registre` : :func:`fiche` et :func:`fiches_disponibles`.

Aucun module du paquet n'importe celui-ci (il importe le registre, donc les banques).
"""

from entsim.questions.fiches import Fiche, ResultatFiche
from entsim.questions.mots_cles import MOTS_NEGATIFS, PORTEE_NEGATION, MotsCles
from entsim.questions.normalisation import (ELEMENTS_MAX, LONGUEUR_MAX_REPONSE, PROFONDEUR_MAX,
                                            lire_nombre)
from entsim.questions.question import AMORCE, Question
from entsim.questions.registre import fiche, fiches_disponibles
from entsim.questions.retours import MENTION_PROVISOIRE, STATUTS, SYMBOLES, Correction, Indice
from entsim.questions.types_de_questions import (QCM, Classement, CodeAModifier, MiseEnOrdre,
                                                 Numerique, QuestionOuverte, ReponseCourte,
                                                 TableauACompleter)
from entsim.questions.types_de_questions.reponse_courte import (LIAISONS_MIN_PHRASE,
                                                                MOTS_DE_LIAISON,
                                                                MOTS_MIN_PHRASE,
                                                                PART_MAX_SANS_PHRASE,
                                                                est_une_phrase)

__all__ = ["AMORCE", "ELEMENTS_MAX", "LIAISONS_MIN_PHRASE", "LONGUEUR_MAX_REPONSE",
           "MENTION_PROVISOIRE", "MOTS_DE_LIAISON", "MOTS_MIN_PHRASE", "MOTS_NEGATIFS",
           "PART_MAX_SANS_PHRASE", "PORTEE_NEGATION", "PROFONDEUR_MAX", "QCM", "STATUTS",
           "SYMBOLES", "Classement", "CodeAModifier", "Correction", "Fiche", "Indice",
           "MiseEnOrdre", "MotsCles", "Numerique", "Question", "QuestionOuverte",
           "ReponseCourte", "ResultatFiche", "TableauACompleter", "est_une_phrase", "fiche",
           "fiches_disponibles", "lire_nombre"]
