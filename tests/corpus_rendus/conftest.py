"""Le corpus de copies rendues n'est pas une suite de notebooks à exécuter : nbval l'ignore.

Ces fichiers (dont des notebooks volontairement abîmés) sont lus par
``tests/test_correction.py`` ; ``fabriquer.py`` les régénère.
"""

collect_ignore = ["rendus", "fabriquer.py"]
