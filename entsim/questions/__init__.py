"""Les fiches du cours : les types de questions, les banques de questions, les exercices.

- :mod:`~entsim.questions.questions` : les types de questions (QCM, réponse courte,
  classement, mise en ordre, numérique, tableau à compléter, code à modifier, question
  ouverte), leur correction automatique et la fiche qui les rassemble ;
- :mod:`~entsim.questions.banque` : une fiche par partie du cours (questions, indices,
  réponses modèles) ;
- :mod:`~entsim.questions.exercices` : fabrique ``exercises/`` à partir de ``solutions/``
  (commande ``entsim-fiches``).

Dans un notebook : ``from entsim.questions import fiche`` puis ``f = fiche("partie1")``.

Questions du cours : toutes (chaque partie a sa fiche).
Peut importer : les démonstrations, les schémas, :mod:`entsim.ent` et tout ce qui est en
dessous ; jamais les widgets ni la correction.
"""

from entsim.questions.questions import (QCM, Classement, CodeAModifier, Correction, Fiche,
                                        Indice, MiseEnOrdre, MotsCles, Numerique, Question,
                                        QuestionOuverte, ReponseCourte, ResultatFiche,
                                        TableauACompleter, fiche, fiches_disponibles)

__all__ = ["QCM", "Classement", "CodeAModifier", "Correction", "Fiche", "Indice", "MiseEnOrdre",
           "MotsCles", "Numerique", "Question", "QuestionOuverte", "ReponseCourte",
           "ResultatFiche", "TableauACompleter", "fiche", "fiches_disponibles"]
