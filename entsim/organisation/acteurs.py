"""Les acteurs concernés par l'ENT d'un lycée (question 4 du cours) : qui ils sont, s'ils
sont internes ou externes à l'établissement, ce qu'ils font avec l'ENT ou pour lui, et leur
profil de compte.

Données : ``data/acteurs.csv``. Sources (colonne ``source`` de chaque acteur) :

- le corrigé de la question 4 de la ressource CERTA 2013 : acteurs internes
  « l'administration (direction, vie scolaire, intendance…), les élèves, les enseignants » ;
  acteurs externes « les parents et d'autres partenaires comme les collèges du secteur » ;
- la page du ministère de l'Éducation nationale (2022) : usagers (élèves et responsables
  légaux) reçus par EduConnect, GAR, référent pour les usages pédagogiques numériques (RUPN),
  délégation académique au numérique éducatif (DANE), collectivités de rattachement (dont le
  rôle a été renforcé par la loi de refondation de l'École de 2013 : financement et
  maintenance des matériels et réseaux), plateforme « éditée par une entreprise commerciale
  privée » ;
- Code de l'éducation, art. L214-6 : la région a la charge des lycées, dont « l'acquisition
  et la maintenance des infrastructures et des équipements, dont les matériels informatiques
  et les logiciels […], nécessaires à l'enseignement et aux échanges entre les membres de la
  communauté éducative » ;
- décret n° 2019-1200 du 20 novembre 2019 (services régionaux des régions académiques, en
  vigueur le 1er janvier 2020) : la DANE de 2022 est aujourd'hui une délégation *régionale*
  académique au numérique éducatif, la DRANE (nom employé par exemple par la DRANE de
  Versailles, région académique Île-de-France) ;
- RGPD, art. 28 : l'éditeur qui héberge et exploite l'ENT pour le compte du responsable du
  traitement est un sous-traitant ; arrêté du 18 décembre 2017 : le GAR ne transmet aux
  éditeurs de ressources que les données strictement nécessaires.

Choix faits ici (et expliqués à l'élève) :

- les parents sont **externes**, comme dans le corrigé de 2013 : ils ne travaillent pas dans
  l'établissement ; la note de l'acteur rappelle qu'ils sont pourtant usagers, avec un compte ;
- EduConnect et le GAR ne sont **pas des acteurs** : ce sont des services nationaux du
  ministère (l'acteur est le ministère, qui les fournit). :func:`acteur` le dit en français
  à qui les cherche (:data:`SERVICES_NON_ACTEURS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from entsim.organisation.lecture import (DonneesInvalides, booleen, cle, lignes, mots_cles,
                                         obligatoire)
from entsim.socle.erreurs import Introuvable, verifier_texte
from entsim.socle.texte import cite

FICHIER_ACTEURS = "acteurs.csv"

#: Les familles d'acteurs, dans l'ordre où on les présente.
FAMILLES = ("Usagers", "Équipe éducative", "Administration", "Pilotage et financement",
            "Prestataires", "Partenaires")

#: Les profils de compte d'un ENT (mêmes textes que ``entsim.etablissement.annuaire.Profil``).
PROFILS = ("Élève", "Parent", "Enseignant", "Personnel", "Invité")

#: Les deux positions d'un acteur par rapport à l'établissement (question 4).
INTERNE = "Interne à l'établissement"
EXTERNE = "Externe à l'établissement"

#: Ce qu'on prend parfois pour un acteur et qui est un service : nom → explication.
SERVICES_NON_ACTEURS = {
    "EduConnect": (
        "EduConnect n'est pas un acteur : c'est le service national d'identité du ministère "
        "de l'Éducation nationale, par lequel élèves et parents se connectent à l'ENT. "
        "L'acteur est le ministère, qui le fournit (code « ministere »)."),
    "GAR": (
        "Le GAR (gestionnaire d'accès aux ressources) n'est pas un acteur : c'est un service "
        "du ministère qui ouvre aux élèves les ressources des éditeurs en ne leur transmettant "
        "que les données nécessaires. Les acteurs sont le ministère (code « ministere ») et "
        "les éditeurs de ressources (code « editeurs_ressources »)."),
}

_COLONNES = ("code", "nom", "interne", "famille", "role", "profil_ent", "note", "mots_cles",
             "corrige_2013", "source")


@dataclass(frozen=True)
class Acteur:
    """Un acteur concerné par l'ENT.

    ``interne`` : dans l'établissement (``True``) ou hors de lui ; ``profil_ent`` : le profil
    de son compte ENT s'il en a un (« Élève », « Parent », « Enseignant », « Personnel »,
    « Invité »), sinon ``None`` ; ``mots_cles`` : les façons de le nommer (variantes, ``*`` =
    radical) ; ``corrige_2013`` : nommé dans le corrigé de la question 4 de 2013.
    """

    code: str
    nom: str
    interne: bool
    famille: str
    role: str
    profil_ent: str | None
    source: str
    note: str = ""
    mots_cles: tuple[str, ...] = ()
    corrige_2013: bool = False

    @property
    def position(self) -> str:
        """« Interne à l'établissement » ou « Externe à l'établissement »."""
        return INTERNE if self.interne else EXTERNE

    @property
    def nom_court(self) -> str:
        """Le nom sans sa précision entre parenthèses : « Vie scolaire »."""
        return self.nom.split(" (")[0]

    def __str__(self) -> str:
        return self.nom


def _acteur_depuis(rang: int, v: dict[str, str]) -> Acteur:
    nom = FICHIER_ACTEURS
    famille = obligatoire(v["famille"], nom, rang, "famille")
    if famille not in FAMILLES:
        raise DonneesInvalides(nom, rang, f"famille « {famille} » inconnue (attendu : "
                               + ", ".join(FAMILLES) + ").")
    profil = v["profil_ent"] or None
    if profil is not None and profil not in PROFILS:
        raise DonneesInvalides(nom, rang, f"profil « {profil} » inconnu (attendu : "
                               + ", ".join(PROFILS) + " ou vide).")
    return Acteur(code=obligatoire(v["code"], nom, rang, "code"),
                  nom=obligatoire(v["nom"], nom, rang, "nom"),
                  interne=booleen(v["interne"], nom, rang, "interne"),
                  famille=famille,
                  role=obligatoire(v["role"], nom, rang, "role"),
                  profil_ent=profil,
                  source=obligatoire(v["source"], nom, rang, "source"),
                  note=v["note"],
                  mots_cles=mots_cles(v["mots_cles"], nom, rang),
                  corrige_2013=booleen(v["corrige_2013"], nom, rang, "corrige_2013"))


@lru_cache(maxsize=1)
def acteurs() -> tuple[Acteur, ...]:
    """Tous les acteurs, dans l'ordre du fichier (par famille)."""
    resultat = []
    vus: set[str] = set()
    for rang, valeurs in lignes(FICHIER_ACTEURS, _COLONNES):
        un = _acteur_depuis(rang, valeurs)
        if un.code in vus:
            raise DonneesInvalides(FICHIER_ACTEURS, rang, f"code « {un.code} » en double.")
        vus.add(un.code)
        resultat.append(un)
    return tuple(resultat)


def acteurs_internes() -> tuple[Acteur, ...]:
    """Les acteurs internes à l'établissement."""
    return tuple(a for a in acteurs() if a.interne)


def acteurs_externes() -> tuple[Acteur, ...]:
    """Les acteurs externes à l'établissement (dont les parents, usagers avec un compte)."""
    return tuple(a for a in acteurs() if not a.interne)


def _designe(variante: str, recherche: str) -> bool:
    """Vrai si ``recherche`` (déjà passée par :func:`cle`) est la variante, mot pour mot ;
    un mot de la variante terminé par ``*`` est un radical (« proviseur* » →
    « proviseure »)."""
    mots = variante.split()
    cherches = recherche.split()
    if len(mots) != len(cherches):
        return False
    for mot, cherche in zip(mots, cherches):
        radical = cle(mot.rstrip("*"))
        if not (cherche.startswith(radical) if mot.endswith("*") else cherche == radical):
            return False
    return True


def acteur(code_ou_nom: object) -> Acteur:
    """L'acteur désigné par son code (``"vie_scolaire"``), son nom (« Vie scolaire (CPE,
    assistants d'éducation) »), son nom court (« Vie scolaire ») ou un sigle ou un mot qui le
    désigne sans ambiguïté (« CPE », « proviseur »), sans tenir compte des accents ni des
    majuscules. Un acteur déjà trouvé est rendu tel quel.

    Lève :class:`~entsim.socle.erreurs.Introuvable` (message en français) si aucun acteur ne
    correspond — avec une explication pour EduConnect et le GAR, qui sont des services."""
    if isinstance(code_ou_nom, Acteur):
        return code_ou_nom
    texte = verifier_texte(code_ou_nom, "acteur")
    recherche = cle(texte)
    for nom_service, explication in SERVICES_NON_ACTEURS.items():
        if recherche == cle(nom_service):
            raise Introuvable(explication, code="service_pas_acteur")
    for un in acteurs():
        if recherche in (cle(un.code), cle(un.nom), cle(un.nom_court)):
            return un
    exacts = [un for un in acteurs() if any(_designe(v, recherche) for v in un.mots_cles)]
    if len(exacts) == 1:
        return exacts[0]
    codes = ", ".join(f"« {a.code} »" for a in acteurs())
    raise Introuvable(f"Aucun acteur ne s'appelle {cite(texte)}. Acteurs connus (par leur "
                      f"code) : {codes}.", code="acteur_inconnu")


def tableau_acteurs():
    """Les acteurs dans un tableau pandas aux colonnes françaises (une ligne par acteur,
    numérotée à partir de 1)."""
    from entsim.socle.tableaux import tableau

    colonnes = ("Acteur", "Position", "Famille", "Rôle avec l'ENT", "Profil ENT", "Remarque",
                "Source")
    return tableau([(a.nom, "interne" if a.interne else "externe", a.famille, a.role,
                     a.profil_ent or "aucun compte", a.note, a.source) for a in acteurs()],
                   colonnes)
