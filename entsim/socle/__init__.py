"""Le socle : ce dont toute la simulation a besoin, sans rien savoir de l'ENT.

- :mod:`~entsim.socle.erreurs` : les erreurs d'entsim, dont le texte est une phrase française ;
- :mod:`~entsim.socle.horloge` : l'horloge simulée (rien ne lit l'heure réelle) ;
- :mod:`~entsim.socle.aleatoire` : le hasard tiré de la graine (ou de ``secrets``) ;
- :mod:`~entsim.socle.texte` : accords en nombre, citations à la française (courtes, sans
  caractère invisible) ;
- :mod:`~entsim.socle.caracteres` : les caractères qu'un texte saisi ne garde pas (demi-codets
  isolés, contrôles, sens d'écriture, invisibles), nommés en français ;
- :mod:`~entsim.socle.saisie` : les saisies vérifiées avant d'être gardées (textes et leurs
  longueurs maximales, dates dans les bornes de la simulation, nombres en chiffres ASCII) ;
- :mod:`~entsim.socle.tableaux` : les tableaux pandas que lisent les élèves ;
- :mod:`~entsim.socle.donnees` : les fichiers livrés dans ``data/`` ;
- :mod:`~entsim.socle.affichage` : le crochet d'affichage des retours des fiches (IPython y est
  branché par les widgets, jamais importé ici).

Questions du cours : aucune en propre ; tout le reste s'appuie dessus.
Peut importer : la bibliothèque standard et pandas seulement (couche la plus basse).
"""
