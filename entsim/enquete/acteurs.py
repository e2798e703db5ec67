"""Les acteurs qu'un groupe d'élèves peut interviewer (question 6 : « chaque groupe aura un
acteur à interviewer »).

La liste reprend les acteurs de la question 4 que l'on peut rencontrer au lycée ou joindre
facilement : élèves, parents, enseignants, vie scolaire (CPE), direction, secrétariat,
gestion (intendance), professeur documentaliste, collège de secteur et collectivité
territoriale (la région, pour un lycée : Code de l'éducation, art. L214-6). Elle est tenue
ici, courte et sans simulation, pour que l'enquête ne dépende pas du modèle des acteurs de
:mod:`entsim.organisation`.

Chaque acteur porte le profil ENT qu'il a dans l'annuaire (Open ENT NG : Élève, Parent,
Enseignant, Personnel, Invité) : le questionnaire ne lui propose que les services ouverts
à ce profil dans le catalogue. Le professeur documentaliste a le profil Enseignant ; le
collège de secteur est un partenaire invité (espaces partagés, liaison troisième–seconde) ;
la collectivité n'a pas de compte dans l'ENT de l'établissement (elle le finance et en suit
le déploiement) : on lui propose tous les services.
"""

from __future__ import annotations

from dataclasses import dataclass

from entsim.etablissement.annuaire import Profil
from entsim.etablissement.identifiants import replier
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

__all__ = ["ACTEURS", "Acteur", "acteur_depuis"]


@dataclass(frozen=True)
class Acteur:
    """Un acteur interviewé : un code stable (ASCII), son libellé et son profil ENT
    (``None`` s'il n'a pas de compte dans l'ENT de l'établissement)."""

    code: str
    libelle: str
    profil: Profil | None

    def __str__(self) -> str:
        return self.libelle


#: Les acteurs de l'enquête, dans l'ordre où les montrent le formulaire et les graphiques.
ACTEURS: tuple[Acteur, ...] = (
    Acteur("eleve", "Élève", Profil.ELEVE),
    Acteur("parent", "Parent", Profil.PARENT),
    Acteur("enseignant", "Enseignant", Profil.ENSEIGNANT),
    Acteur("vie_scolaire", "Vie scolaire (CPE)", Profil.PERSONNEL),
    Acteur("direction", "Direction", Profil.PERSONNEL),
    Acteur("secretariat", "Secrétariat", Profil.PERSONNEL),
    Acteur("gestion", "Gestion (intendance)", Profil.PERSONNEL),
    Acteur("documentaliste", "Professeur documentaliste", Profil.ENSEIGNANT),
    Acteur("college", "Collège de secteur", Profil.INVITE),
    Acteur("collectivite", "Collectivité (région)", None),
)

_PAR_CLE: dict[str, Acteur] = {}
for _acteur in ACTEURS:
    for _cle in (_acteur.code, _acteur.libelle):
        _PAR_CLE[" ".join(replier(_cle).replace("_", " ").split())] = _acteur


def acteur_depuis(valeur: object) -> Acteur:
    """Un :class:`Acteur` à partir de lui-même, de son code (``"vie_scolaire"``) ou de son
    libellé (« Vie scolaire (CPE) »), sans tenir compte des accents ni des majuscules ;
    sinon :class:`ValeurInvalide` qui donne la liste des acteurs."""
    if isinstance(valeur, Acteur):
        return valeur
    if isinstance(valeur, str):
        trouve = _PAR_CLE.get(" ".join(replier(valeur).replace("_", " ").split()))
        if trouve is not None:
            return trouve
    possibles = ", ".join(f"« {a.libelle} »" for a in ACTEURS)
    raise ValeurInvalide(f"Acteur inconnu : {cite(valeur)}. Acteurs possibles : {possibles}.",
                         code="acteur_inconnu")
