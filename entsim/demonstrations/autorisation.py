"""La question posée au service d'autorisation : qui peut lire quelles données (question 13).

SDET, document 2, service d'autorisation : les services AAS « autorisent ou non l'accès de
l'utilisateur à la ressource » ; la règle suivie est celle du besoin d'en connaître
(:mod:`entsim.autorisation`).
"""

from __future__ import annotations

from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.texte import cite
from entsim.demonstrations.commun import exiger_ent
from entsim.autorisation.service import Action, Ressource

__all__ = ["peut_lire"]


def peut_lire(ent, identifiant: str, donnees: str, de: str) -> None:
    """Affiche la décision du service d'autorisation : ``identifiant`` peut-il lire les
    ``donnees`` (« notes », « absences », « dossier », « messages », « documents »,
    « cahier_de_textes », « emploi_du_temps ») de ``de`` (une personne, ou une classe pour le
    cahier de textes et l'emploi du temps) ?

    >>> peut_lire(ent, "lea.martin", "notes", "hugo.bernard")   # doctest: +SKIP
    ✗ refusé — Un élève ne voit que les notes le concernant.

    La décision n'est pas journalisée (c'est une question, pas un accès) ; SDET, service
    d'autorisation : « autorisent ou non l'accès de l'utilisateur à la ressource ».
    """
    exiger_ent(ent, 'peut_lire(ent, "lea.martin", "notes", "hugo.bernard")')
    verifier_texte(identifiant, "identifiant")
    verifier_texte(donnees, "données")
    verifier_texte(de, "de qui")
    ressources = {
        "notes": Ressource.notes_de, "absences": Ressource.absences_de,
        "dossier": Ressource.dossier_de, "messages": Ressource.messages_de,
        "documents": Ressource.documents_de,
        "cahier_de_textes": Ressource.cahier_de_textes_de,
        "emploi_du_temps": Ressource.emploi_du_temps_de,
    }
    cle = donnees.strip().lower().replace(" ", "_").replace("-", "_")
    if cle not in ressources:
        raise ValeurInvalide(f"Données inconnues : {cite(donnees)}. Choisissez parmi : "
                             + ", ".join(f"« {x} »" for x in ressources) + ".",
                             code="donnees_inconnues")
    print(ent.autorisation.evaluer(identifiant, Action.LIRE, ressources[cle](de.strip())))
