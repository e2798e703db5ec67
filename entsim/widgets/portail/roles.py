"""Les personnages du récit qu'on peut incarner dans le portail (« Voir en tant que »).

Un personnage se désigne par son rôle dans le récit (clé de
``entsim.etablissement.generation.PERSONAS`` : ``"mere"``), par un alias (``"parent"``,
``"direction"``…) ou par son identifiant (``"sophie.martin"``) ; :func:`resoudre_role` ramène
ces trois écritures au même personnage, et :func:`libelle_persona` dit qui il est et ce qu'il
représente (élève, parent de…, enseignant, vie scolaire, direction).
"""

from __future__ import annotations

from entsim.etablissement.annuaire import Eleve, Parent
from entsim.etablissement.generation import PERSONAS
from entsim.etablissement.identifiants import replier
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

#: Les personnages proposés dans « Voir en tant que » (clés de ``entsim.etablissement.generation.PERSONAS``) :
#: la même action vue par l'élève, sa mère, un autre parent, l'enseignant, la vie scolaire et
#: la direction.
ROLES_DEMO: tuple[str, ...] = ("eleve", "mere", "autre_parent", "professeur_principal", "cpe",
                               "proviseur")

#: Ce que chaque personnage représente (affiché après son nom).
DESCRIPTIONS_ROLES: dict[str, str] = {
    "eleve": "élève",
    "mere": "parent",
    "autre_parent": "parent d'une autre famille",
    "professeur_principal": "enseignant, professeur principal",
    "cpe": "vie scolaire (CPE)",
    "proviseur": "direction (chef d'établissement)",
    "autre_eleve": "élève",
    "autre_mere": "parent d'une autre famille",
    "eleve_fratrie": "élève",
    "frere": "élève de seconde",
    "mere_fratrie": "parent de deux enfants",
    "pere_fratrie": "parent de deux enfants",
    "adjoint": "direction (adjointe)",
    "gestionnaire": "intendance",
    "documentaliste": "professeure documentaliste",
    "secretariat": "secrétariat",
    "vie_scolaire": "vie scolaire (assistant d'éducation)",
    "partenaire": "partenaire (collège de secteur)",
    "invite": "invité",
}

#: Autres façons de nommer un rôle dans :meth:`entsim.widgets.portail.Portail.changer_de_role`.
ALIAS_ROLES: dict[str, str] = {
    "lea": "eleve", "parent": "mere", "mere_de_lea": "mere", "sophie": "mere",
    "autre_famille": "autre_parent", "enseignant": "professeur_principal",
    "professeur": "professeur_principal", "prof": "professeur_principal",
    "direction": "proviseur", "chef_d_etablissement": "proviseur",
}


def que(nom: str) -> str:
    """« que Sophie Martin », « qu'Isabelle Moreau » (élision devant une voyelle)."""
    return ("qu'" if replier(nom[:1]).lower() in "aeiouy" and nom[:1] else "que ") + nom


def _cle(texte: str) -> str:
    return "_".join(replier(texte).replace("-", " ").replace("'", " ").split())


def resoudre_role(role_ou_identifiant: str) -> tuple[str, str]:
    """(rôle du récit, identifiant) à partir d'un rôle (``"mere"``, ``"parent"``,
    ``"direction"``…) ou de l'identifiant d'un personnage (``"sophie.martin"``).

    Lève :class:`entsim.socle.erreurs.ValeurInvalide` (message français) sinon.
    """
    if not isinstance(role_ou_identifiant, str) or not role_ou_identifiant.strip():
        raise ValeurInvalide("Choisissez un personnage, par exemple \"mere\" ou "
                             "\"sophie.martin\".")
    brut = role_ou_identifiant.strip()
    cle = _cle(brut)
    cle = ALIAS_ROLES.get(cle, cle)
    if cle in PERSONAS:
        return cle, PERSONAS[cle].identifiant
    for role, persona in PERSONAS.items():
        if persona.identifiant == brut.lower():
            return role, persona.identifiant
    possibles = ", ".join(f"« {r} »" for r in ROLES_DEMO)
    raise ValeurInvalide(f"Personnage inconnu : {cite(brut)}. Choisissez un rôle ({possibles}) "
                         "ou l'identifiant d'un personnage du récit (par exemple "
                         "« sophie.martin »).", code="personnage_inconnu")


def libelle_persona(ent, role: str) -> str:
    """« Sophie Martin — parent (de Léa Martin) » : le nom, ce qu'il représente, et pour un
    parent ou un élève, de qui il s'agit."""
    etab = ent.etablissement
    p = etab.personne(PERSONAS[role].identifiant)
    precision = ""
    if isinstance(p, Parent) and p.enfants:
        precision = " (de " + ", ".join(etab.personne(e).nom_complet for e in p.enfants) + ")"
    elif isinstance(p, Eleve):
        precision = f" ({p.classe})"
    return f"{p.nom_complet} — {DESCRIPTIONS_ROLES.get(role, role)}{precision}"


__all__ = ["ALIAS_ROLES", "DESCRIPTIONS_ROLES", "ROLES_DEMO", "libelle_persona", "que",
           "resoudre_role"]
