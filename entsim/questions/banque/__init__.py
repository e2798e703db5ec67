"""Les banques de questions : un module par fiche notée du cours.

Chaque module ``entsim/questions/banque/<id>.py`` définit ``FICHE`` (une
:class:`entsim.questions.fiches.Fiche`) ; :func:`entsim.questions.registre.fiche` le
retrouve par son identifiant (``fiche("partie1")``). Une banque importe les types de
questions (:mod:`entsim.questions.types_de_questions`),
:class:`~entsim.questions.mots_cles.MotsCles` et :class:`~entsim.questions.fiches.Fiche`,
jamais le registre (qui importe les banques). La fiche corrigée ``solutions/<id>.ipynb``
utilise ces questions, et ``exercises/<id>.ipynb`` en est tiré par
``python -m entsim.questions.exercices generer``.
Pour ajouter la fiche d'une autre partie : écrire ``entsim/questions/banque/<id>.py`` puis
``solutions/<id>.ipynb`` (voir ``docs/QUESTIONS.md``).
"""
