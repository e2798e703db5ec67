"""Un mot de passe inventé par l'élève, jugé sans jamais être répété (notebook 04a).

:func:`analyser_mot_de_passe` applique au mot de passe que l'élève a tapé ce que l'ENT
simulé sait déjà faire : la politique de mots de passe de l'ENT (SDET, document 2 : « Le mot
de passe DOIT respecter une politique de dureté »), l'entropie théorique (calcul de la CNIL),
l'estimation réaliste (ce qu'essaie un attaquant) et les verdicts de la délibération CNIL
n° 2022-100 (une recommandation : 80 bits pour un mot de passe seul, 50 avec blocage).

**Le mot de passe n'est ni gardé ni répété** : le résultat ne contient aucun morceau du mot
de passe (les messages qui en citeraient un extrait — mot courant, prénom — sont remplacés
par une phrase qui dit seulement la nature du problème) ; le widget
:class:`entsim.widgets.mot_de_passe.EssaiMotDePasse` efface le champ aussitôt analysé.
"""

from __future__ import annotations

import math

from entsim.authentification.mots_de_passe.cnil import Cas, verdict_cnil
from entsim.authentification.mots_de_passe.entropie import entropie_theorique
from entsim.authentification.mots_de_passe.estimation import analyse_realiste
from entsim.demonstrations.commun import exiger_ent
from entsim.demonstrations.resultats import ResultatDemonstration
from entsim.ent import ENT
from entsim.etablissement.generation import PERSONAS
from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.texte import nature

__all__ = ["MESSAGES_SANS_EXTRAIT", "analyser_mot_de_passe", "politique_de_l_ent"]

#: Les échecs de la politique dont le message cite un extrait du mot de passe, dits sans
#: l'extrait (les autres messages ne citent que des longueurs et des types de caractères).
MESSAGES_SANS_EXTRAIT: dict[str, str] = {
    "mdp_trop_courant": ("Il repose sur un mot de passe de la liste des plus utilisés, que les "
                         "attaquants essaient en premier (même avec des majuscules, des "
                         "chiffres ou des symboles ajoutés)."),
    "mdp_contient_prenom": "Il contient le prénom de la personne.",
    "mdp_contient_nom": "Il contient le nom de la personne.",
    "mdp_contient_date_naissance": "Il contient la date de naissance de la personne.",
    "mdp_contient_identifiant": "Il contient l'identifiant ou l'adresse électronique de la "
                                "personne.",
}

#: Les faiblesses que repère l'estimation réaliste, sans citer le morceau concerné.
_FAIBLESSES = {"mot de passe courant": "un mot de passe courant",
               "information personnelle": "une information personnelle",
               "année": "une année", "date": "une date",
               "suite du clavier": "une suite du clavier",
               "répétition": "un caractère répété"}

#: Longueur au-delà de laquelle l'analyse n'est pas faite (la politique refuse déjà).
LONGUEUR_MAX = 200


def _bits(bits: float) -> str:
    return f"{math.floor(bits + 0.5)} bits"


def analyser_mot_de_passe(ent: ENT, mot_de_passe: str, identifiant: str | None = None
                          ) -> ResultatDemonstration:
    """Juge ``mot_de_passe`` comme s'il était celui de ``identifiant`` (Léa Martin par
    défaut) : politique de l'ENT, entropie théorique et réaliste, verdicts de la CNIL. Le
    résultat ne contient aucun morceau du mot de passe."""
    exiger_ent(ent, "analyser_mot_de_passe(ent, mot_de_passe)")
    if not isinstance(mot_de_passe, str):
        raise ValeurInvalide(f"Le mot de passe est un texte entre guillemets (reçu : "
                             f"{nature(mot_de_passe)}).", code="mdp_invalide")
    if identifiant is None:
        identifiant = PERSONAS["eleve"].identifiant
    verifier_texte(identifiant, "identifiant")
    personne = ent.etablissement.personne(identifiant)
    if not mot_de_passe:
        return ResultatDemonstration(titre="Votre mot de passe", code="mdp_vide",
                                     constat="Tapez un mot de passe dans le champ.")
    if len(mot_de_passe) > LONGUEUR_MAX:
        return ResultatDemonstration(
            titre="Votre mot de passe", code="mdp_trop_long",
            constat=f"Mot de passe de plus de {LONGUEUR_MAX} caractères : il n'est pas "
                    "analysé. Choisissez-en un plus court.")
    politique = ent.authentification.politique.valider(mot_de_passe, personne)
    trop_long = [e for e in politique.echecs if e.code == "mdp_trop_long"]
    if trop_long:   # la politique ne l'analyse pas : l'entropie non plus (sinon contradiction)
        return ResultatDemonstration(titre="Votre mot de passe", code="mdp_trop_long",
                                     constat=trop_long[0].message)
    lignes = []
    if politique.ok:
        lignes.append("Politique de l'ENT : respectée.")
    else:
        raisons = [MESSAGES_SANS_EXTRAIT.get(e.code, e.message) for e in politique.echecs]
        lignes.append("Politique de l'ENT : refusé — " + " ".join(raisons))
    theorie = entropie_theorique(mot_de_passe)
    analyse = analyse_realiste(mot_de_passe, personne)
    faiblesses = list(dict.fromkeys(_FAIBLESSES[m.nature] for m in analyse.morceaux
                                    if m.nature in _FAIBLESSES))
    lignes.append(f"Entropie théorique (le calcul de la CNIL : longueur et types de "
                  f"caractères) : {_bits(theorie)}.")
    realiste = (f"Estimation réaliste (ce qu'essaie un attaquant) : {_bits(analyse.bits)}")
    if faiblesses:
        liste = (faiblesses[0] if len(faiblesses) == 1 else
                 ", ".join(faiblesses[:-1]) + " et " + faiblesses[-1])
        realiste += f" — il contient {liste}, que les attaquants essaient en premier"
    lignes.append(realiste + ".")
    for cas in (Cas.MOT_DE_PASSE_SEUL, Cas.AVEC_RESTRICTION):
        verdict = verdict_cnil(mot_de_passe, cas)
        lignes.append(f"CNIL, {cas.court.lower()} ({cas.seuil} bits recommandés) : "
                      + ("conforme." if verdict.conforme else "non conforme."))
    if not politique.ok:
        constat = "Refusé par la politique de l'ENT : lisez pourquoi ci-dessous."
    elif analyse.bits < Cas.AVEC_RESTRICTION.seuil:
        constat = ("Accepté par l'ENT, mais facile à deviner : allongez-le (une phrase de passe "
                   "de plusieurs mots se retient bien) et évitez mots courants et dates.")
    else:
        constat = "Accepté par l'ENT, et difficile à deviner."
    return ResultatDemonstration(
        titre="Votre mot de passe (analysé, puis oublié)", code="mdp_analyse",
        constat=constat,
        lignes=tuple(lignes))


def politique_de_l_ent(ent: ENT) -> ResultatDemonstration:
    """La politique de mots de passe de l'ENT, une règle par puce (SDET, document 2 : « une
    politique de dureté »). Affichée en liste HTML : les lignes se replient entre les mots,
    jamais au milieu d'un mot comme un texte imprimé à largeur fixe."""
    exiger_ent(ent, "politique_de_l_ent(ent)")
    return ResultatDemonstration(
        titre="La politique de mots de passe de l'ENT", code="politique_mot_de_passe",
        constat="Un nouveau mot de passe n'est accepté que s'il respecte chacune de ces règles.",
        lignes=tuple(ent.authentification.politique.aides()))
