"""Le journal d'audit : chaque opération de l'AAS datée et rattachée à une identité.

Les lignes sont chaînées par une empreinte SHA-256 (une ligne modifiée, supprimée ou insérée
se voit) ; la chaîne d'opérations d'une identité se reconstitue (SDET, traçabilité).

Questions du cours : Q13 (traçabilité de l'AAS), Q10 (sécurité, durée de conservation).
Peut importer : :mod:`entsim.socle`.
"""

from entsim.journal.journal import EntreeJournal, Journal

__all__ = ["EntreeJournal", "Journal"]
