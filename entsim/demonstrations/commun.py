"""Les outils communs des démonstrations : vérifier l'ENT reçu, accorder, écrire une durée.

Les mots de passe des personnages de l'ENT de démonstration sont connus
(:data:`entsim.ent.MOTS_DE_PASSE_DEMO`) : une démonstration peut se passer de les demander.
"""

from __future__ import annotations

from datetime import timedelta

from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.texte import cite, nature
from entsim.ent import ENT, MOTS_DE_PASSE_DEMO
from entsim.etablissement.generation import PERSONAS

__all__ = ["exiger_ent"]


def exiger_ent(ent: object, appel: str) -> None:
    """Vérifie qu'on a bien donné l'ENT simulé (sinon message en français).

    ``appel`` est l'exemple montré à l'élève, par exemple ``"DemonstrationSSO(ent)"``.
    """
    if not isinstance(ent, ENT):
        raise ValeurInvalide(f"Il faut l'ENT simulé en premier argument : {appel}, après "
                             f"ent = ENT.demo() (reçu : {nature(ent)}).", code="ent_attendu")


def _mot_de_passe_demo(identifiant: str) -> str | None:
    for role, persona in PERSONAS.items():
        if persona.identifiant == identifiant and role in MOTS_DE_PASSE_DEMO:
            return MOTS_DE_PASSE_DEMO[role]
    return None


def mot_de_passe_a_utiliser(identifiant: str, mot_de_passe: str | None, classe: str) -> str:
    """Le mot de passe donné, ou à défaut celui du personnage de démonstration ; sinon un
    message qui montre l'appel complet (``classe`` : ``"DemonstrationSSO"``…)."""
    if mot_de_passe is None:
        mot_de_passe = _mot_de_passe_demo(identifiant)
        if mot_de_passe is None:
            raise ValeurInvalide(f"Donnez le mot de passe de {cite(identifiant)} : "
                                 f"{classe}(ent, identifiant, mot_de_passe).")
    verifier_texte(mot_de_passe, "mot de passe")
    return mot_de_passe


def duree_fr(duree: timedelta) -> str:
    secondes = int(duree.total_seconds())
    heures, reste = divmod(secondes, 3600)
    minutes, secondes = divmod(reste, 60)
    morceaux = []
    if heures:
        morceaux.append(f"{heures} h")
    if minutes:
        morceaux.append(f"{minutes} min")
    if secondes or not morceaux:
        morceaux.append(f"{secondes} s")
    return " ".join(morceaux)
