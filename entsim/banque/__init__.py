"""Ancien emplacement des banques de questions, gardé pour les fiches déjà distribuées.

Les fiches rendues avant la réorganisation en sous-paquets importent encore
``entsim.banque.partie3_authentification`` ; les banques sont désormais dans
:mod:`entsim.questions.banque`.
"""
