"""Les types de questions des fiches, un module par type, écrits comme un professeur les écrit.

- :class:`QCM` — choix unique ou multiple ; l'élève répond par la lettre (``"A"``,
  ``"b"``), le numéro du choix (``1`` pour A) ou le texte du choix ; crédit partiel pour
  un choix multiple ;
- :class:`ReponseCourte` — une définition contrôlée par groupes de mots-clés
  (:class:`~entsim.questions.mots_cles.MotsCles`), avec variantes et synonymes, sans tenir
  compte des accents ni des majuscules ; le retour nomme l'idée qui manque (« Il manque
  l'idée de vérifier l'identité. ») ; une idée écrite à la forme négative ne compte pas,
  une liste de mots-clés sans phrase a au plus la moitié des points, et la note est marquée
  « provisoire » (le professeur relit et ajuste) ;
- :class:`Classement` — des éléments à ranger dans des catégories (acteur interne ou
  externe, preuve « ce que je sais » / « ce que je possède »…), par un dictionnaire ou la
  liste des lettres dans l'ordre des éléments ; le retour cite les éléments mal rangés ;
- :class:`MiseEnOrdre` — remettre des étapes dans l'ordre (les 8 étapes du SDET) ;
- :class:`Numerique` — un nombre, avec tolérance et unité ; accepte « 12,5 », et une
  durée (« 0:00:10 », ``timedelta``) pour une réponse en secondes ;
- :class:`TableauACompleter` — un petit tableau (dictionnaire, liste de lignes ou
  DataFrame pandas) comparé case par case ;
- :class:`CodeAModifier` — l'élève modifie une ligne de code, exécute et observe ; la
  correction porte sur la valeur obtenue ;
- :class:`QuestionOuverte` — réponse rédigée, notée à la main par le professeur (statut
  ``"manuel"``), avec des repères de mots-clés pour le professeur.

Questions du cours : toutes (les fiches de chaque partie sont faites de ces types).
Peut importer : la base :mod:`entsim.questions.question`, les retours, les outils de
normalisation, les mots-clés et les lettres de :mod:`entsim.questions`, et le socle ; jamais
les fiches, le registre ni les banques (les banques importent les types, pas l'inverse).
"""

from entsim.questions.types_de_questions.classement import Classement
from entsim.questions.types_de_questions.code_a_modifier import CodeAModifier
from entsim.questions.types_de_questions.mise_en_ordre import MiseEnOrdre
from entsim.questions.types_de_questions.numerique import Numerique
from entsim.questions.types_de_questions.qcm import QCM
from entsim.questions.types_de_questions.question_ouverte import QuestionOuverte
from entsim.questions.types_de_questions.reponse_courte import ReponseCourte
from entsim.questions.types_de_questions.tableau_a_completer import TableauACompleter

__all__ = ["QCM", "Classement", "CodeAModifier", "MiseEnOrdre", "Numerique", "QuestionOuverte",
           "ReponseCourte", "TableauACompleter"]
