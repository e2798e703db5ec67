"""Les mots de passe : la politique de l'ENT (SDET) et leur robustesse selon la CNIL.

- :mod:`~entsim.authentification.mots_de_passe.caracteres` : les quatre types de caractères,
  la longueur, le repli (sans majuscules, accents ni leet) ;
- :mod:`~entsim.authentification.mots_de_passe.courants` : la liste des mots de passe
  courants (``data/mots_de_passe_courants.txt``) ;
- :mod:`~entsim.authentification.mots_de_passe.echecs` : codes stables, libellés, échecs et
  résultats, protocole d'une règle ;
- :mod:`~entsim.authentification.mots_de_passe.entropie` : l'entropie théorique (calcul de la
  CNIL) et l'arrondi au bit ;
- :mod:`~entsim.authentification.mots_de_passe.attributs` : les attributs de l'utilisateur
  (prénom, nom, identifiant, date de naissance) et la règle qui les interdit ;
- :mod:`~entsim.authentification.mots_de_passe.regles` : les autres règles de la politique,
  une par critère du SDET (et l'entropie minimale de la CNIL) ;
- :mod:`~entsim.authentification.mots_de_passe.politique` : la politique (toutes les règles
  ensemble) et les politiques toutes faites ;
- :mod:`~entsim.authentification.mots_de_passe.estimation` : l'estimation réaliste (ce que
  fait un attaquant) ;
- :mod:`~entsim.authentification.mots_de_passe.cassage` : le temps de cassage (hashcat sur
  une RTX 4090) ;
- :mod:`~entsim.authentification.mots_de_passe.cnil` : les trois cas de la délibération
  n° 2022-100 et les verdicts ;
- :mod:`~entsim.authentification.mots_de_passe.redaction` : nombres et énumérations en
  français.

Questions du cours : Q13 (authentification par mot de passe), Q17 (le SDET et la CNIL).
Peut importer : :mod:`entsim.etablissement` (les personnes de l'annuaire), :mod:`entsim.socle`
— rien d'autre de l'authentification (le service applique la politique, pas l'inverse).
"""

from entsim.authentification.mots_de_passe.cnil import Cas, verdict_cnil
from entsim.authentification.mots_de_passe.entropie import entropie_theorique
from entsim.authentification.mots_de_passe.estimation import estimation_realiste
from entsim.authentification.mots_de_passe.politique import (
    PolitiqueMotDePasse,
    politique_par_defaut,
)

__all__ = ["Cas", "PolitiqueMotDePasse", "entropie_theorique", "estimation_realiste",
           "politique_par_defaut", "verdict_cnil"]
