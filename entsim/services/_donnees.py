"""Ce qu'un service simulé détient sur une personne : la donnée personnelle et ses outils.

Ce module n'est pas un service du catalogue. Il donne aux crochets RGPD de chaque service
(:meth:`entsim.services._base.ServiceDeBase.donnees_de` et
:meth:`~entsim.services._base.ServiceDeBase.effacer_donnees_de`) leur vocabulaire commun :

* :class:`DonneePersonnelle` : une donnée, figée — le service qui la détient, sa catégorie
  (un code de ``data/categories_donnees.csv``), un libellé français, sa valeur, la personne
  qu'elle concerne, qui l'a créée, une référence stable de l'objet et sa date ;
* :data:`MOTIFS_EFFACEMENT` : pourquoi l'on efface (départ de la personne, demande
  d'effacement, opposition) — le motif change ce que deviennent les contributions ;
* :func:`libelle_anonyme` : ce qui remplace l'identifiant d'une personne effacée dans les
  données des autres (« Ancien élève ») ;
* :func:`numero_suivant` : le numéro d'un nouvel objet (le plus grand + 1) — un service qui
  efface des objets ne doit jamais redonner un numéro encore porté par un autre.

Les sources des règles d'effacement sont citées dans chaque service. La règle générale :
l'arrêté du 30 novembre 2006 modifié par l'arrêté du 13 octobre 2017 (ENT), article 6 — les
données sont supprimées de l'ENT dans les trois mois après que la personne « n'a plus vocation
à détenir un compte » ; les contributions dans les espaces communautaires et de publication
peuvent être conservées « à des fins informatives, pédagogiques ou scientifiques sauf
opposition du contributeur » (texte cité tel que ``data/services.csv`` le reprend).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable

from entsim.etablissement.annuaire import Profil
from entsim.etablissement.catalogue.lecture import categories_livrees
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

__all__ = ["DonneePersonnelle", "MOTIFS_EFFACEMENT", "ANONYMES", "libelle_anonyme",
           "est_anonyme", "verifier_motif", "numero_suivant", "CATEGORIES_HORS_CATALOGUE"]

#: Catégories des données tenues hors des services (compte, session SSO) qui ne sont pas
#: dans ``data/categories_donnees.csv`` : un compte n'est ni une « identité » ni une trace.
CATEGORIES_HORS_CATALOGUE: dict[str, str] = {
    "compte": "Compte ENT (état, dates, empreinte du mot de passe)",
}

#: Pourquoi l'on efface les données d'une personne (code → libellé français).
#:
#: * ``depart`` : la personne n'a plus vocation à détenir un compte ; suppression dans les
#:   trois mois (arrêté ENT du 30 novembre 2006 modifié, art. 6) ; ses contributions dans
#:   les espaces communautaires (forum, blog) sont gardées, anonymisées (même article) ;
#: * ``effacement`` : une demande d'effacement acceptée (RGPD, art. 17) — mêmes effets ;
#: * ``opposition`` : le contributeur s'oppose à la conservation de ses contributions
#:   (art. 6 de l'arrêté : « sauf opposition du contributeur » ; RGPD, art. 21) : leur
#:   contenu est retiré aussi.
MOTIFS_EFFACEMENT: dict[str, str] = {
    "depart": "départ de l'établissement (arrêté ENT, art. 6)",
    "effacement": "demande d'effacement acceptée (RGPD, art. 17)",
    "opposition": "opposition du contributeur (arrêté ENT, art. 6 ; RGPD, art. 21)",
}

_ANONYMES_PAR_PROFIL = {
    Profil.ELEVE: "Ancien élève",
    Profil.PARENT: "Ancien responsable légal",
    Profil.ENSEIGNANT: "Ancien enseignant",
    Profil.PERSONNEL: "Ancien membre du personnel",
    Profil.INVITE: "Ancien invité",
}
ANONYME_INCONNU = "Ancien membre de l'établissement"
#: Tous les libellés qui remplacent un identifiant effacé (ce ne sont pas des identifiants).
ANONYMES = frozenset({*_ANONYMES_PAR_PROFIL.values(), ANONYME_INCONNU})

#: Ce qui remplace le texte d'une contribution retirée (motif ``opposition``).
CONTENU_RETIRE = "[Contenu retiré à la demande de son auteur]"


def libelle_anonyme(etablissement, identifiant: str) -> str:
    """« Ancien élève », « Ancien enseignant »… selon le profil de la personne (encore dans
    l'annuaire au moment de l'effacement), sinon « Ancien membre de l'établissement »."""
    if etablissement.existe(identifiant):
        return _ANONYMES_PAR_PROFIL.get(etablissement.personne(identifiant).profil,
                                        ANONYME_INCONNU)
    return ANONYME_INCONNU


def est_anonyme(valeur: object) -> bool:
    """Vrai pour un libellé d'anonymisation (« Ancien élève ») ou une valeur vide."""
    return valeur is None or valeur == "" or valeur in ANONYMES


def verifier_motif(motif: object) -> str:
    """Le code du motif, vérifié ; :class:`ValeurInvalide` (phrase française) sinon."""
    if not isinstance(motif, str) or motif not in MOTIFS_EFFACEMENT:
        possibles = ", ".join(f"« {m} »" for m in MOTIFS_EFFACEMENT)
        raise ValeurInvalide(f"Motif d'effacement inconnu : {cite(motif)} (possibles : "
                             f"{possibles}).", code="motif_inconnu")
    return motif


def numero_suivant(numeros: Iterable[int]) -> int:
    """Le plus grand numéro + 1 (1 s'il n'y en a pas) : après un effacement, jamais un
    numéro déjà porté (``len(…) + 1`` en redonnerait un)."""
    return max(numeros, default=0) + 1


Valeur = str | int | float | date | datetime | None


@dataclass(frozen=True)
class DonneePersonnelle:
    """Une donnée personnelle qu'un service détient sur une personne.

    :param service: le code du service qui la détient (« notes », « messagerie »…) ; hors
        des services : « annuaire », « authentification », « sso », « journal ».
    :param categorie: un code de ``data/categories_donnees.csv`` (« evaluations »,
        « correspondances »…) ou de :data:`CATEGORIES_HORS_CATALOGUE` (« compte »).
    :param libelle: ce qu'est la donnée, en français (« Note — Test de positionnement
        (Mathématiques) »).
    :param valeur: sa valeur (texte, nombre, date) ; jamais un mot de passe ni une empreinte.
    :param concerne: l'identifiant de la personne que la donnée concerne.
    :param source: l'identifiant de qui l'a créée (un enseignant, un parent, la personne
        elle-même), ou ``None`` pour l'ENT lui-même (donnée calculée ou générée).
    :param reference: une référence stable de l'objet qui la porte
        (« messagerie:message:12 ») : deux données du même objet la partagent.
    :param le: quand la donnée a été créée (ou ``None``).
    """

    service: str
    categorie: str
    libelle: str
    valeur: Valeur
    concerne: str
    source: str | None = None
    reference: str = ""
    le: date | datetime | None = None

    def __post_init__(self) -> None:
        if self.categorie not in categories_livrees() and \
                self.categorie not in CATEGORIES_HORS_CATALOGUE:
            raise ValeurInvalide(f"Catégorie de données inconnue : {cite(self.categorie)}.",
                                 code="categorie_inconnue")

    @property
    def libelle_categorie(self) -> str:
        """Le libellé français de la catégorie (« Évaluations »)."""
        return categories_livrees().get(self.categorie) or \
            CATEGORIES_HORS_CATALOGUE[self.categorie]
