"""Les banques de questions du corrigé : un module par fiche notée du cours.

Chaque module ``entsim_corrige/banque/<id>.py`` définit ``FICHE`` (une
:class:`entsim.questions.fiches.Fiche`) avec les réponses acceptées ;
:func:`entsim_corrige.fiche_corrigee` le retrouve par son identifiant. Une banque importe les
types de questions (:mod:`entsim.questions.types_de_questions`),
:class:`~entsim.questions.mots_cles.MotsCles` et :class:`~entsim.questions.fiches.Fiche`.
La fiche corrigée ``solutions/<id>.ipynb`` utilise ces questions ; ``exercises/<id>.ipynb``
et l'énoncé public ``entsim/questions/enonces/<id>.json`` en sont tirés par
``python -m entsim.questions generer``. Pour ajouter une fiche : écrire
``entsim_corrige/banque/<id>.py`` puis ``solutions/<id>.ipynb`` (voir ``docs/QUESTIONS.md``).
"""
