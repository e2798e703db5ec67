"""Entropie d'un mot de passe et verdicts de la CNIL (délibération n° 2022-100).

Source : CNIL, délibération n° 2022-100 du 21 juillet 2022 portant adoption d'une
recommandation relative aux mots de passe et autres secrets partagés (JORF du 16 octobre
2022 ; elle abroge la délibération n° 2017-012). La CNIL y mesure la robustesse en
**entropie** (en bits : la « quantité de hasard ») et distingue trois cas : mot de passe seul
(80 bits), mot de passe et restriction d'accès au compte (50 bits), code de déverrouillage
(13 bits).

Deux mesures sont proposées, et leur écart est le cœur de la leçon :

* :func:`entropie_theorique` : le calcul de la CNIL, qui suppose des caractères tirés au
  hasard ;
* :func:`estimation_realiste` : ce que coûte vraiment le mot de passe à un attaquant, qui
  essaie d'abord les listes de mots de passe courants, les dates, les suites du clavier.

Vitesses de cassage (:data:`VITESSES_RTX_4090`) : hashcat 6.2.6 sur une seule carte graphique
Nvidia GeForce RTX 4090 (mesures publiées par Sam Croley, « Chick3nman », en octobre 2022).

Point d'entrée : le code est rangé dans le sous-paquet
:mod:`entsim.authentification.mots_de_passe`
(``entropie`` : entropie théorique ; ``estimation`` : estimation réaliste ; ``cnil`` : les
trois cas et les verdicts ; ``cassage`` : temps de cassage) ; ce module en réexporte les noms,
importables d'ici comme avant.
"""

from entsim.authentification.mots_de_passe.attributs import AttributsUtilisateur  # noqa: F401
from entsim.authentification.mots_de_passe.caracteres import (  # noqa: F401 — réexportés
    ORDRE_TYPES,
    TypeCaractere,
    replier,
    type_du_caractere,
    types_de_caracteres,
    variantes_leet,
)
from entsim.authentification.mots_de_passe.cassage import (
    AGE_UNIVERS_ANS,
    VITESSES_RTX_4090,
    TempsDeCassage,
    VitesseCassage,
    duree_lisible,
    temps_de_cassage,
)
from entsim.authentification.mots_de_passe.cnil import (
    Cas,
    ExempleCNIL,
    VerdictCNIL,
    exemples_deliberation,
    tableau_exemples_cnil,
    tableau_verdicts,
    verdict_cnil,
    verdicts_cnil,
)
from entsim.authentification.mots_de_passe.courants import (  # noqa: F401 — réexportés
    ListeCourante,
    liste_courante,
)
from entsim.authentification.mots_de_passe.entropie import (
    TAILLE_DICTIONNAIRE_DICEWARE,
    TAILLES_ALPHABETS_CNIL,
    bits_arrondis,
    entropie_caracteres,
    entropie_combinatoire,
    entropie_phrase_de_passe,
    entropie_theorique,
    mots_de_phrase,
    taille_alphabet,
)
from entsim.authentification.mots_de_passe.estimation import (
    LONGUEUR_ANALYSE_MAX,
    SUITES_CLAVIER,
    EstimationRealiste,
    Morceau,
    analyse_realiste,
    estimation_realiste,
)

__all__ = [
    "AGE_UNIVERS_ANS", "Cas", "EstimationRealiste", "ExempleCNIL", "LONGUEUR_ANALYSE_MAX",
    "Morceau", "SUITES_CLAVIER", "TAILLES_ALPHABETS_CNIL", "TAILLE_DICTIONNAIRE_DICEWARE",
    "TempsDeCassage", "VITESSES_RTX_4090", "VerdictCNIL", "VitesseCassage", "analyse_realiste",
    "bits_arrondis", "duree_lisible", "entropie_caracteres", "entropie_combinatoire",
    "entropie_phrase_de_passe", "entropie_theorique", "estimation_realiste",
    "exemples_deliberation", "mots_de_phrase", "tableau_exemples_cnil", "tableau_verdicts",
    "taille_alphabet", "temps_de_cassage", "verdict_cnil", "verdicts_cnil",
]
