"""L'établissement simulé : ses personnes, ses classes, ses identifiants, son catalogue de services.

- :mod:`~entsim.etablissement.annuaire` : l'annuaire (profils, fonctions, classes, liens
  élève–parents, enseignant × discipline × classe) ;
- :mod:`~entsim.etablissement.identifiants` : les identifiants ``prenom.nom`` et le repliement
  des accents ;
- :mod:`~entsim.etablissement.generation` (sous-paquet) : un lycée généré de façon
  déterministe (démo et lycée de 2 000 élèves) : personnages du récit, plan du lycée,
  comptes, services des enseignants ;
- :mod:`~entsim.etablissement.catalogue` (sous-paquet) : les services de l'ENT, leurs
  finalités et leurs données : documents sources, modèle, lecture du CSV, recherches.

Questions du cours : Q1–Q3 (les services et leurs usages), Q4 (les acteurs).
Peut importer : :mod:`entsim.socle`.
"""
