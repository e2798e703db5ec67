"""Génération déterministe d'un lycée réaliste : classes, élèves, familles, enseignants,
personnels et comptes extérieurs.

:func:`generer_etablissement` construit un :class:`~entsim.etablissement.annuaire.Etablissement` à partir
d'une graine : même graine, même lycée (chaque nom, date, lien et identifiant) ; autre
graine, autre lycée. Tout le hasard vient de ``SourceAleatoire(graine)`` (composant
``"annuaire"``), jamais du module ``random`` global.

Deux tailles :

* ``taille="demo"`` : une classe de terminale STMG (« TSTMG1 », spécialité MSGN,
  enseignement spécifique SIG) de :data:`EFFECTIF_DEMO` élèves, leurs responsables légaux,
  les enseignants de la classe, les personnels et deux comptes extérieurs : de quoi tenir
  sur un écran projeté. Les personnages du récit ont des noms FIXES
  (voir :data:`PERSONAS`) : Léa Martin et sa mère Sophie Martin ; Hugo Bernard et ses
  parents Karim Bernard et Émilie Rousseau (« l'autre parent », qui ne doit pas voir les
  notes de Léa) ; la famille Haddad, dont les deux enfants sont au lycée (Inès en TSTMG1,
  Yanis en 2NDE3) ; Nicolas Durand, professeur de management, sciences de gestion et
  numérique (MSGN, enseignement spécifique SIG) et professeur principal de TSTMG1 ;
  Isabelle Moreau, CPE ; Philippe Lefèvre, proviseur ; etc. La seconde 2NDE3 n'y figure que par l'élève utile au récit
  (Yanis) et deux de ses professeurs, dont son professeur principal : elle sert à montrer
  qu'un parent de deux enfants voit deux classes.
* ``taille=<nombre d'élèves>`` (1 à :data:`TAILLE_MAX`) : un lycée général et
  technologique complet, avec les mêmes personnages lorsque la taille le permet.

Sources des règles reproduites :

* enseignements et horaires : arrêtés du 16 juillet 2018 (seconde générale et
  technologique, cycle terminal des voies générale et technologique), repris dans
  ``data/disciplines.csv`` ;
* service d'un professeur : 18 heures hebdomadaires (professeur certifié, décret
  n° 2014-940 du 20 août 2014) ;
* profils et fonctions : ceux d'Open ENT NG, voir :mod:`entsim.etablissement.annuaire` ;
* âge : un élève « à l'heure » entre en seconde l'année de ses 15 ans (rentrée 2026 :
  né en 2011), en première à 16 ans, en terminale à 17 ans.

Simplifications assumées (et dites aux élèves si besoin) : chaque classe de la voie
générale suit une combinaison de spécialités (dans la réalité les groupes de spécialité
mêlent plusieurs classes) ; une classe a un seul professeur principal (en terminale il y
en a souvent deux) ; les établissements sont fictifs (``data/etablissements.csv``).

Le sous-paquet, du plus simple au plus composé :

- :mod:`~entsim.etablissement.generation.recit` : les personnages fixes du récit
  (:data:`PERSONAS`) et les classes de démonstration ;
- :mod:`~entsim.etablissement.generation.donnees_livrees` : prénoms, noms, établissements et
  grilles horaires livrés dans ``data/``, lus une fois ;
- :mod:`~entsim.etablissement.generation.plan` : le plan du lycée (formations, effectifs,
  classes et leurs enseignements) ;
- :mod:`~entsim.etablissement.generation.personnes` : les personnes tirées au hasard (personnels,
  élèves et leurs familles, invités) ;
- :mod:`~entsim.etablissement.generation.enseignants` : les services des enseignants
  (enseignements de chaque classe, professeurs principaux, documentalistes) ;
- :mod:`~entsim.etablissement.generation.lycee` : l'assemblage, :func:`generer_etablissement`.

Questions du cours : Q4 (les acteurs de l'ENT : qui a un compte, avec quel profil).
Peut importer : :mod:`entsim.etablissement.annuaire`, :mod:`entsim.etablissement.identifiants`
et :mod:`entsim.socle`.
"""

from entsim.etablissement.generation.donnees_livrees import cle_uai
from entsim.etablissement.generation.personnes import (DOMAINE_ENT, PART_FAMILLES_FRATRIE,
                                                     PART_FRATRIES_DE_TROIS,
                                                     PART_PRENOM_MEME_LANGUE)
from entsim.etablissement.generation.enseignants import SERVICE_ENSEIGNANT
from entsim.etablissement.generation.lycee import (GRAINE_PAR_DEFAUT, TAILLE_DEMO, TAILLE_MAX,
                                                   generer_etablissement)
from entsim.etablissement.generation.plan import (COMBINAISONS_PREMIERE, COMBINAISONS_TERMINALE,
                                                  EFFECTIF_MAX_CLASSE, FORMATIONS, HGGSP, HLP,
                                                  LLCER, MATHS, MSGN_SIG, NSI, PART_EN_AVANCE,
                                                  PART_EN_RETARD, PART_PREMIERE, PART_SECONDE,
                                                  PART_STMG, PC, RENTREE, SES,
                                                  SPECIFIQUES_STMG, SVT, repartir)
from entsim.etablissement.generation.recit import (CAROLINE_FAURE, CLAIRE_FONTAINE, CLASSE_DEMO,
                                                   EFFECTIF_DEMO, EMILIE_ROUSSEAU, HUGO_BERNARD,
                                                   INES_HADDAD, ISABELLE_MOREAU, JULIEN_ROUX,
                                                   KARIM_BERNARD, LEA_MARTIN, MARC_GIRARD,
                                                   MEHDI_HADDAD, NICOLAS_DURAND,
                                                   ORGANISME_INVITE, PERSONAS, PHILIPPE_LEFEVRE,
                                                   SAMIRA_HADDAD, SANDRINE_ROBERT, SECONDE_DEMO,
                                                   SOPHIE_MARTIN, STEPHANE_GARNIER,
                                                   THOMAS_LAMBERT, YANIS_HADDAD, Persona)

__all__ = [
    # lycee
    "GRAINE_PAR_DEFAUT", "TAILLE_DEMO", "TAILLE_MAX", "generer_etablissement",
    # récit
    "Persona", "PERSONAS", "ORGANISME_INVITE", "CLASSE_DEMO", "SECONDE_DEMO", "EFFECTIF_DEMO",
    "LEA_MARTIN", "SOPHIE_MARTIN", "HUGO_BERNARD", "KARIM_BERNARD", "EMILIE_ROUSSEAU",
    "INES_HADDAD", "YANIS_HADDAD", "SAMIRA_HADDAD", "MEHDI_HADDAD", "NICOLAS_DURAND",
    "ISABELLE_MOREAU", "PHILIPPE_LEFEVRE", "CAROLINE_FAURE", "STEPHANE_GARNIER",
    "CLAIRE_FONTAINE", "SANDRINE_ROBERT", "THOMAS_LAMBERT", "JULIEN_ROUX", "MARC_GIRARD",
    # plan du lycée
    "RENTREE", "EFFECTIF_MAX_CLASSE", "PART_SECONDE", "PART_PREMIERE", "PART_STMG",
    "FORMATIONS", "PART_EN_RETARD", "PART_EN_AVANCE", "MATHS", "PC", "SVT", "SES", "HGGSP",
    "HLP", "LLCER", "NSI", "MSGN_SIG", "SPECIFIQUES_STMG", "COMBINAISONS_PREMIERE",
    "COMBINAISONS_TERMINALE", "repartir",
    # comptes et services
    "DOMAINE_ENT", "PART_FAMILLES_FRATRIE", "PART_FRATRIES_DE_TROIS", "PART_PRENOM_MEME_LANGUE",
    "SERVICE_ENSEIGNANT", "cle_uai",
]
