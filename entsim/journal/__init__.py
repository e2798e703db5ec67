"""Le journal d'audit : chaque opération de l'AAS datée et rattachée à une identité.

- :mod:`~entsim.journal.chaine` : le journal et ses lignes chaînées (:class:`Journal`,
  :class:`EntreeJournal`), ses vues en tableau, sa vérification ;
- :mod:`~entsim.journal.colonnes` : les lignes rangées en colonnes numpy (pas un objet Python
  par ligne) ; :mod:`~entsim.journal.blocs` : l'écriture par blocs (simulateur d'activité,
  ``enregistrer_bloc``, ``enregistrer_tableau``), la vérification par paquets ;
  :mod:`~entsim.journal.codage` : le texte haché de chaque ligne, calculé par colonnes ;
- :mod:`~entsim.journal.operations` : le catalogue des codes d'opération et de résultat ;
- :mod:`~entsim.journal.integrite` : empreintes et sceaux (point de contrôle d'un préfixe) ;
- :mod:`~entsim.journal.notaire` : la chaîne à clé tenue par un tiers (HMAC-SHA256) ;
- :mod:`~entsim.journal.conservation` : la purge des lignes anciennes (CNIL : 6 mois à 1 an).

Les lignes sont chaînées par une empreinte SHA-256 (une ligne modifiée, supprimée ou insérée
sans recalcul de la suite se voit) ; la chaîne d'opérations d'une identité se reconstitue
(SDET, traçabilité). Contre l'auteur même du journal, qui peut tout recalculer ou en couper
la fin, il faut un sceau conservé ailleurs ou une clé tenue par un tiers, le notaire
(``integrite``, ``notaire``) ; la purge respecte la durée de conservation (``conservation``).

Questions du cours : Q13 (traçabilité de l'AAS), Q10 (sécurité, durée de conservation).
Peut importer : :mod:`entsim.socle`.
"""

from entsim.journal.integrite import Sceau
from entsim.journal.chaine import EntreeJournal, Journal
from entsim.journal.notaire import Notaire

__all__ = ["EntreeJournal", "Journal", "Notaire", "Sceau"]
