"""Les erreurs de Python expliquées en français dans le noyau du cours (issue 16, § 2).

Un élève qui tape mal une ligne recevait le message anglais de Python (``SyntaxError``,
``NameError``…). ``installer_erreurs_en_francais()``, appelée par la première cellule de
chaque notebook (``commencer()``), branche sur le noyau IPython une explication française des
erreurs courantes : un titre, une ou deux phrases simples, la ligne concernée, et, repliés
pour le professeur, le message d'origine et la pile d'appels. ``import entsim`` la branche
aussi dans un notebook (:func:`entsim.widgets.affichage.brancher_ipython`) : les fiches, dont
la première cellule importe ``fiche``, en profitent sans ``commencer()``.

Pourquoi pas la bibliothèque ``friendly-traceback`` (qui traduit les erreurs en français) :
sa dernière version (0.7.61, novembre 2022) ne déclare que Python 3.6 à 3.10, son suivi
« Fix failing tests for Python 3.12 » (friendly-traceback/friendly-traceback, ticket 237,
2024) est toujours ouvert, et le cours doit tourner sur Python 3.10 à 3.13 (conda-forge
installe la plus récente) ; ses explications, longues et générales, ne connaissent pas non
plus les noms du cours. On écrit donc un gestionnaire IPython pour les cas courants.

- :mod:`~entsim.widgets.erreurs.syntaxe` et :mod:`~entsim.widgets.erreurs.execution` : le
  texte français de chaque cas ;
- :mod:`~entsim.widgets.erreurs.explication` : ``expliquer(erreur)``, fonction pure ;
- :mod:`~entsim.widgets.erreurs.rendu` : l'encadré HTML ;
- :mod:`~entsim.widgets.erreurs.noyau` : le branchement sur IPython.

Questions du cours : aucune en propre ; sert tous les notebooks (démarrage : section 1).
Peut importer : IPython et les couches en dessous (``entsim.socle``).
"""

from __future__ import annotations

from entsim.widgets.erreurs.commun import Explication
from entsim.widgets.erreurs.explication import expliquer
from entsim.widgets.erreurs.noyau import (
    desinstaller_erreurs_en_francais,
    erreurs_en_francais_installees,
    installer_erreurs_en_francais,
)

__all__ = ["Explication", "desinstaller_erreurs_en_francais", "erreurs_en_francais_installees",
           "expliquer", "installer_erreurs_en_francais"]
