"""Les fiches du cours : les types de questions, les banques de questions, les exercices.

- :mod:`~entsim.questions.types_de_questions` : les types de questions (QCM, réponse courte,
  classement, mise en ordre, numérique, tableau à compléter, code à modifier, question
  ouverte), un module par type, sur la base commune :mod:`~entsim.questions.question` ;
- :mod:`~entsim.questions.retours` (correction, indice), :mod:`~entsim.questions.normalisation`
  (lecture tolérante des réponses), :mod:`~entsim.questions.mots_cles` (idées attendues),
  :mod:`~entsim.questions.lettres` (choix A, B, C…) et :mod:`~entsim.questions.ecriture`
  (nombres et valeurs écrits en français) : ce qui sert à corriger ;
- :mod:`~entsim.questions.fiches` : la fiche qui rassemble les questions et son bilan ;
- :mod:`~entsim.questions.publique` : la fiche des élèves, sans corrigé (énoncés, indices,
  empreintes des réponses justes : :mod:`~entsim.questions.empreintes`), lue dans
  ``enonces/<id>.json`` ; :mod:`~entsim.questions.publication` écrit ces fichiers depuis le
  corrigé ;
- :mod:`~entsim.questions.registre` : :func:`fiche` rend la fiche des élèves d'un
  identifiant ;
- :mod:`~entsim.questions.exercices` : fabrique ``exercises/`` à partir de ``solutions/``
  (commande ``entsim-fiches``, ou ``python -m entsim.questions generer``) ;
  :mod:`~entsim.questions.edition` écrit l'édition des élèves (``edition-eleves DOSSIER``).

Le corrigé (une banque par partie : questions, réponses acceptées, réponses modèles) n'est
pas dans ce paquet : il est dans ``entsim_corrige`` (édition enseignant, à la racine du
dépôt), qui importe les types de questions d'ici.

Dans un notebook : ``from entsim.questions import fiche`` puis ``f = fiche("partie1")``.

Questions du cours : toutes (chaque partie a sa fiche).
Peut importer : les démonstrations, les schémas, :mod:`entsim.ent` et tout ce qui est en
dessous ; jamais les widgets ni la correction, ni (statiquement) le corrigé.
"""

from entsim.questions.fiches import Fiche, ResultatFiche
from entsim.questions.mots_cles import MotsCles
from entsim.questions.normalisation import lire_nombre
from entsim.questions.question import Question
from entsim.questions.publique import CorrigeAbsent, FichePublique
from entsim.questions.registre import fiche, fiches_disponibles
from entsim.questions.retours import STATUTS, SYMBOLES, Correction, Indice
from entsim.questions.types_de_questions import (QCM, Classement, CodeAModifier, MiseEnOrdre,
                                                 Numerique, QuestionOuverte, ReponseCourte,
                                                 TableauACompleter)

__all__ = ["QCM", "STATUTS", "SYMBOLES", "Classement", "CodeAModifier", "CorrigeAbsent",
           "Correction", "Fiche", "FichePublique",
           "Indice", "MiseEnOrdre", "MotsCles", "Numerique", "Question", "QuestionOuverte",
           "ReponseCourte", "ResultatFiche", "TableauACompleter", "fiche", "fiches_disponibles",
           "lire_nombre"]
