"""La politique de mot de passe de l'ENT : des règles enfichables, toutes vérifiées ensemble.

Source : SDET, document 2 (seed 000), « Authentification » : « Une politique de mot de passe
adaptée aux utilisateurs DOIT être définie pour un ENT. Elle PEUT différer selon le type
d'utilisateurs. » Chaque critère du SDET est une règle (comme les validateurs de Django) :
des ``codes`` stables, ``valider(mot_de_passe, utilisateur, contexte) -> list[Echec]`` et
``aide() -> str``. :class:`PolitiqueMotDePasse` vérifie toutes les règles et rapporte
**tous** les échecs ensemble (l'élève corrige tout d'un coup). Les libellés français sont
rangés à part dans :data:`MESSAGES`.

Point d'entrée : le code est rangé dans le sous-paquet
:mod:`entsim.authentification.mots_de_passe`
(``regles``, ``attributs``, ``politique``, ``echecs``, ``caracteres``, ``courants``) ; ce
module en réexporte les noms, importables d'ici comme avant.
"""

from entsim.authentification.mots_de_passe.attributs import AttributsUtilisateur, formes_date
from entsim.authentification.mots_de_passe.caracteres import (  # noqa: F401 — réexportés
    ORDRE_TYPES,
    SUBSTITUTIONS_LEET,
    TypeCaractere,
    longueur,
    replier,
    type_du_caractere,
    types_de_caracteres,
    variantes_leet,
)
from entsim.authentification.mots_de_passe.courants import (  # noqa: F401 — réexportés
    FICHIER_MOTS_DE_PASSE_COURANTS,
    ListeCourante,
    base_courante,
    liste_courante,
)
from entsim.authentification.mots_de_passe.echecs import (
    MESSAGES,
    ContexteValidation,
    Echec,
    Regle,
    ResultatPolitique,
    message,
)
from entsim.authentification.mots_de_passe.politique import (
    PolitiqueMotDePasse,
    politique_par_defaut,
)
from entsim.authentification.mots_de_passe.regles import (
    AgeMaximal,
    EntropieMinimale,
    LongueurMaximale,
    LongueurMinimale,
    MotDePasseCourant,
    NonReutilisation,
    TypesDeCaracteres,
)

__all__ = [
    "AgeMaximal", "AttributsUtilisateur", "ContexteValidation", "Echec", "EntropieMinimale",
    "ListeCourante", "LongueurMaximale", "LongueurMinimale", "MESSAGES", "MotDePasseCourant",
    "NonReutilisation", "PolitiqueMotDePasse", "Regle", "ResultatPolitique", "TypeCaractere",
    "TypesDeCaracteres", "base_courante", "formes_date", "liste_courante", "longueur", "message",
    "politique_par_defaut", "replier", "type_du_caractere", "types_de_caracteres",
    "variantes_leet",
]
