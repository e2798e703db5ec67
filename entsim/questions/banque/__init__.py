"""Les banques de questions : un module par fiche notée du cours.

Chaque module ``entsim/banque/<id>.py`` définit ``FICHE`` (une
:class:`entsim.questions.questions.Fiche`) ; :func:`entsim.questions.questions.fiche` le retrouve par son
identifiant (``fiche("partie1")``). La fiche corrigée ``solutions/<id>.ipynb`` utilise ces
questions, et ``exercises/<id>.ipynb`` en est tiré par ``python -m entsim.questions.exercices generer``.
Pour ajouter la fiche d'une autre partie : écrire ``entsim/banque/<id>.py`` puis
``solutions/<id>.ipynb`` (voir ``docs/QUESTIONS.md``).
"""
