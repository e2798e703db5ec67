"""Le laboratoire d'attaques : les risques de l'ENT joués sur la simulation, et leurs parades.

Chaque scénario (cadré par les deux familles de risques de la page du ministère de 2022 —
intégrité du système, données personnelles — et par leurs causes humaines,
organisationnelles ou techniques) raconte une histoire courte, joue l'attaque en direct sur
l'ENT simulé, montre ce que le journal en garde, active la contre-mesure, rejoue l'attaque et
compare les deux issues et le risque (gravité × vraisemblance) avant et après. L'enquête
dans le journal s'appuie sur une période simulée avec des incidents plantés ; la grille de
la question 17 croise l'avis de la CNIL, le SDET et ce qu'on observe dans la simulation.

Rien ici n'attaque autre chose que la simulation.

Questions du cours : 13 à 17 (partie 3, risques et protections).
Peut importer : ``entsim.activite``, ``entsim.rgpd``, ``entsim.demonstrations``,
``entsim.diagrammes``, ``entsim.ent`` et les couches en dessous ; ni les widgets ni Jupyter.
"""
