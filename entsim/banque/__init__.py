"""Ancien emplacement des banques de questions, gardé pour les fiches déjà distribuées.

Les fiches rendues avant la réorganisation importent encore
``entsim.banque.partie3_authentification`` (pour :func:`essayer_ticket`, l'outil de la
question 16, qui y est resté). Les banques elles-mêmes (le corrigé) ne sont plus dans le
paquet ``entsim`` : elles sont dans ``entsim_corrige/banque/`` (édition enseignant).
"""
