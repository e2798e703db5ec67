"""Les outils RGPD de l'ENT simulé : la loi appliquée aux données de l'établissement.

Le registre des activités de traitement (RGPD, art. 30) tiré du catalogue des services ;
l'exercice des droits sur les données simulées — accès (art. 15 : « Mes données »),
rectification (16), effacement (17), limitation (18), opposition (21) — journalisé avec son
délai légal (un mois, art. 12.3) ; la conservation sur l'horloge simulée (purge des comptes
et des lignes de journal, journal toujours vérifiable) ; la classification des données ; un
détecteur de données sensibles (art. 9 et 10) mesuré sur un jeu étiqueté ; la matrice
« qui accède à quoi » ; la notice d'information (art. 13).

Le cours de 2013 parlait de déclaration à la CNIL et d'« engagement de conformité » : depuis
le 25 mai 2018, le RGPD (règlement 2016/679) et la loi Informatique et Libertés modifiée
s'appliquent. Chaque règle cite sa source.

Questions du cours : 7 à 12.
Peut importer : ``entsim.ent`` et les couches en dessous ; ni les widgets ni Jupyter.
"""
