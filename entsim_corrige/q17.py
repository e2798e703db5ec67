"""Question 17 : les points qu'une conclusion d'élève devrait contenir (corrigé).

Retirés de :mod:`entsim.attaques.q17` (le cours des élèves) : ces mots-clés sont des réponses
acceptées de la question 17h. La grille et la conclusion calculées sur l'ENT simulé restent
dans :mod:`entsim.attaques.q17`. La conclusion calculée (:func:`conclusion_q17`), qui répond
entièrement à q17h, est ici aussi : le cours n'en montre que les éléments à discuter.
Sources : voir ce module (CNIL 2006-104, 2021-122, 2022-100 ; RGPD art. 13, 30, 37).
"""

from __future__ import annotations

from dataclasses import dataclass

from entsim.etablissement.identifiants import replier
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import nature

__all__ = ["POINTS_ATTENDUS", "PointAttendu", "conclusion_q17", "points_presents"]


@dataclass(frozen=True)
class PointAttendu:
    """Un point qu'une bonne conclusion contient ; ``mots_cles`` (repliés : sans accents,
    en minuscules) : il suffit d'un seul pour que le point soit compté présent."""

    code: str
    libelle: str
    mots_cles: tuple[str, ...]


POINTS_ATTENDUS: tuple[PointAttendu, ...] = (
    PointAttendu("acces_limite", "Chaque titulaire n'accède qu'à ses informations : le "
                 "service d'autorisation du SDET (habilitations, besoin d'en connaître) y "
                 "répond.", ("autorisation", "habilitation", "besoin d'en connaitre",
                             "ses propres", "son enfant", "ses enfants", "le concernant")),
    PointAttendu("authentification", "Identification et authentification obligatoires, par "
                 "mot de passe au moins (autres preuves possibles).",
                 ("authentification", "authentifi", "identifiant et mot de passe")),
    PointAttendu("stockage", "Mots de passe jamais stockés en clair : empreintes "
                 "irréversibles (aujourd'hui : fonction lente et salée).",
                 ("en clair", "empreinte", "hach", "irreversible", "argon2", "chiffre")),
    PointAttendu("tracabilite", "Traçabilité : chaque opération datée et liée à une "
                 "identité, chaîne d'une identité reconstituable.",
                 ("tracabilite", "journal", "trace")),
    PointAttendu("hors_sdet", "La sensibilisation des utilisateurs et leur information sur "
                 "leurs droits ne sont pas dans le SDET : elles relèvent du chef "
                 "d'établissement.", ("sensibilis", "information des", "informer",
                                      "chef d'etablissement", "hors du sdet",
                                      "ne traite pas", "pas dans le sdet")),
    PointAttendu("renouvellement", "Mise à jour 2022-100 : le renouvellement périodique "
                 "n'est plus recommandé (sauf comptes à privilèges).",
                 ("renouvellement", "periodique", "2022-100")),
    PointAttendu("entropie", "Mise à jour 2022-100 : robustesse en bits (80 bits seul, "
                 "50 bits avec blocage).", ("80 bits", "50 bits", "entropie", "blocage")),
    PointAttendu("rgpd", "RGPD : registre des traitements, DPO, information (art. 13) ; la "
                 "déclaration de 2006 n'existe plus.", ("rgpd", "registre", "dpo",
                                                        "delegue a la protection")),
    PointAttendu("conservation", "Durée de conservation des journaux : six mois à un an "
                 "(CNIL, 2021).", ("six mois", "6 mois", "un an", "conservation")),
    PointAttendu("nuance", "Une réponse nuancée : oui pour la sécurité des accès, en partie "
                 "pour le reste.", ("en partie", "partiellement", "oui, mais", "oui mais",
                                   "nuanc", "pas entierement", "pas tout")),
)


def points_presents(texte: object) -> list[str]:
    """Les codes des :data:`POINTS_ATTENDUS` qu'une conclusion contient (mots-clés)."""
    if not isinstance(texte, str):
        raise ValeurInvalide(f"La conclusion est un texte (reçu : {nature(texte)}).",
                             code="texte_attendu")
    replie = replier(texte).replace("’", "'")
    return [p.code for p in POINTS_ATTENDUS if any(m in replie for m in p.mots_cles)]


def conclusion_q17(ent) -> str:
    """La conclusion raisonnée, mise à jour (2022-100, RGPD), avec les comptes de la grille :
    une réponse complète à q17h (tous les points attendus), à projeter **après** le dépôt des
    fiches. Sortie du cours des élèves (:mod:`entsim.attaques.q17` n'en donne que les
    éléments à discuter, :func:`~entsim.attaques.q17.elements_q17`) : issue 16, § 2."""
    from entsim.attaques.q17 import grille_q17

    grille = grille_q17(ent)
    compte = grille["Verdict"].value_counts()
    politique = ent.authentification.politique
    renouvellement = bool(politique.ages_maximaux())
    bloque = ent.authentification.verrouillage is not None
    seuil = 50 if bloque else 80
    return "\n\n".join([
        f"Oui pour la sécurité des accès, en partie pour le reste. Sur {len(grille)} points "
        f"de la grille, le SDET répond à {compte.get('Répond', 0)}, en partie à "
        f"{compte.get('Répond en partie', 0)} ; {compte.get('Hors du SDET', 0)} sont hors "
        f"de son champ.",
        "Ce que le SDET couvre : l'autorisation garantit que chacun n'accède qu'aux "
        "informations le concernant (un parent est refusé sur les notes d'un autre élève, "
        "et le refus est tracé) ; l'authentification par mot de passe, les empreintes "
        "irréversibles, le SSO avec nouvelle authentification après inactivité, la "
        "déconnexion propagée et la traçabilité répondent à l'exigence de sécurité du "
        "dispositif.",
        "Ce qu'il ne couvre pas : la sensibilisation des utilisateurs (ne pas divulguer "
        "son identifiant) et leur information sur leurs droits, sur la page d'accueil et à "
        "la création du compte, relèvent du chef d'établissement, responsable du "
        "traitement — la simulation les montre (charte et information exigées à "
        "l'activation, notice du portail), mais pas parce que le SDET les demande.",
        f"Ce que la réponse « Oui » de 2013 oublie aujourd'hui : la CNIL (délibération "
        f"n° 2022-100) mesure la robustesse en bits — 80 bits pour un mot de passe seul, "
        f"50 bits avec blocage ou temporisation (ici : {seuil} bits, "
        f"{'blocage actif' if bloque else 'sans blocage'}) — et ne recommande plus le "
        f"renouvellement périodique, sauf pour les comptes à privilèges (ici : "
        f"{'renouvellement imposé' if renouvellement else 'aucun renouvellement imposé'}) ; "
        f"la « fréquence de renouvellement » du SDET est donc datée. Elle recommande des "
        f"empreintes salées et lentes (scrypt, Argon2 ; MD5 est inacceptable). Les journaux "
        f"se conservent de six mois à un an (recommandation n° 2021-122). Depuis le RGPD "
        f"(25 mai 2018), la déclaration et l'engagement de conformité ont disparu : le chef "
        f"d'établissement tient un registre des traitements (art. 30), s'appuie sur le DPO "
        f"de l'académie (art. 37) et informe les personnes (art. 13).",
    ])
