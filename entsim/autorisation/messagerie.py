"""La matrice de messagerie : qui peut écrire à qui dans l'ENT.

Dans un ENT réel (Open ENT NG / Edifice, module « communication »), on ne peut pas écrire à
n'importe qui : des *règles de communication* relient les groupes de l'établissement
(élèves d'une classe, parents d'une classe, enseignants, personnels). Les règles par défaut
d'Edifice (``initDefaultCommunicationRules``) relient, par exemple, les élèves d'une classe à
leurs enseignants et aux personnels, les parents aux enseignants et aux personnels, et ne
relient pas les élèves entre eux. L'établissement peut ensuite ouvrir ou fermer des liens.

Ce module reproduit cette matrice, avec des réglages (:class:`OptionsMessagerie`) prudents
par défaut :

* un parent écrit aux enseignants de ses enfants, à tous les personnels (vie scolaire,
  direction, secrétariat…) et à ses enfants ;
* un élève reçoit surtout : il peut écrire à ses enseignants, à la vie scolaire et à ses
  responsables légaux, mais pas aux autres élèves (réglage désactivé par défaut : risque de
  harcèlement, et aucun besoin pédagogique n'impose ce lien) ;
* un enseignant écrit à ses élèves, à leurs parents, aux autres enseignants, aux personnels
  et aux invités (partenaires d'un projet) ; le professeur documentaliste, qui n'a pas de
  classe, écrit à tous les élèves et à tous les parents (le CDI sert toutes les classes) ;
* un personnel écrit à tout l'établissement ;
* un invité écrit aux enseignants et à la direction, jamais directement aux élèves ni aux
  familles.

Fondement : arrêté du 30 novembre 2006 modifié (ENT), article 4 — chacun n'est destinataire
des données « dans le cadre de [ses] attributions et dans les limites du besoin d'en
connaître » ; un message est une donnée personnelle de l'expéditeur comme du destinataire.

Le module ne dépend que de l'annuaire ; :class:`entsim.autorisation.service.Autorisation` l'utilise
pour ses décisions (``peut_ecrire_a``, ``destinataires_possibles``, ``matrice_messagerie``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from entsim.etablissement.annuaire import Eleve, Enseignant, Etablissement, Fonction, Parent, Personne, Profil
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

#: Fonctions de « vie scolaire » (ce sont les personnels auxquels un élève peut écrire).
FONCTIONS_VIE_SCOLAIRE = frozenset({Fonction.CPE, Fonction.VIE_SCOLAIRE})

#: Fonctions de direction (les personnels auxquels un invité peut écrire).
FONCTIONS_DIRECTION = frozenset({Fonction.CHEF_ETABLISSEMENT, Fonction.ADJOINT})

#: Libellés des profils dans la matrice (lignes : expéditeurs, colonnes : destinataires).
ORDRE_PROFILS = (Profil.ELEVE, Profil.PARENT, Profil.ENSEIGNANT, Profil.PERSONNEL, Profil.INVITE)


@dataclass(frozen=True)
class OptionsMessagerie:
    """Réglages de la messagerie de l'établissement (prudents par défaut).

    Chaque réglage ouvre ou ferme un lien de la matrice ; l'administrateur local de l'ENT
    les choisit avec la direction.
    """

    #: Un élève peut écrire aux enseignants de sa classe.
    eleves_peuvent_ecrire_aux_enseignants: bool = True
    #: Un élève peut écrire à la vie scolaire (CPE, assistants d'éducation).
    eleves_peuvent_ecrire_a_la_vie_scolaire: bool = True
    #: Un élève peut écrire aux élèves de sa classe (fermé par défaut).
    eleves_peuvent_ecrire_aux_eleves: bool = False
    #: Un élève peut écrire à ses responsables légaux.
    eleves_peuvent_ecrire_a_leurs_parents: bool = True
    #: Un parent peut écrire aux autres parents de la classe de son enfant (fermé par défaut).
    parents_peuvent_ecrire_aux_parents: bool = False
    #: Un invité peut écrire aux enseignants et à la direction.
    invites_peuvent_ecrire: bool = True

    def __post_init__(self) -> None:
        for champ in fields(self):
            valeur = getattr(self, champ.name)
            if not isinstance(valeur, bool):
                raise ValeurInvalide(
                    f"Le réglage « {champ.name} » doit valoir True ou False (reçu : "
                    f"{cite(valeur)}).")

    @classmethod
    def reglages(cls) -> list[str]:
        """Les noms des réglages, pour un widget ou un message d'erreur."""
        return [champ.name for champ in fields(cls)]


@dataclass(frozen=True)
class VerdictMessagerie:
    """Ce que dit la matrice pour un couple expéditeur → destinataire."""

    autorise: bool
    code: str          # "autorise" ou "communication_non_autorisee"
    raison: str


@dataclass(frozen=True)
class _Lien:
    """Une case de la matrice : sa portée (texte) et le test sur deux personnes ;
    ``portee_de`` donne, s'il y a lieu, la portée propre à un expéditeur (celle du professeur
    documentaliste), dite dans le motif d'une décision à la place de la portée générale."""

    portee: str
    test: Callable[[Personne, Personne], bool]
    refus: str
    portee_de: Callable[[Personne], str | None] = lambda personne: None


def _est_vie_scolaire(p: Personne) -> bool:
    return bool(p.fonctions & FONCTIONS_VIE_SCOLAIRE) or \
        "vie scolaire" in str(getattr(p, "service", "")).lower()


def _est_direction(p: Personne) -> bool:
    return bool(p.fonctions & FONCTIONS_DIRECTION) or \
        str(getattr(p, "service", "")).lower() == "direction"


class ReglesMessagerie:
    """La matrice de communication d'un établissement, selon ses réglages."""

    def __init__(self, etablissement: Etablissement,
                 options: OptionsMessagerie | None = None) -> None:
        if not isinstance(etablissement, Etablissement):
            raise ValeurInvalide("Il faut un établissement (Etablissement) pour la messagerie.")
        if options is not None and not isinstance(options, OptionsMessagerie):
            raise ValeurInvalide("Les réglages de messagerie doivent être un "
                                 "OptionsMessagerie(…), par exemple "
                                 "OptionsMessagerie(eleves_peuvent_ecrire_aux_eleves=True).")
        self.etablissement = etablissement
        self.options = options or OptionsMessagerie()

    # -- liens élémentaires ------------------------------------------------------------
    def _classes_enseignees(self, p: Personne) -> set[str]:
        return set(p.classes) if isinstance(p, Enseignant) else set()

    def _enseigne_a_l_eleve(self, prof: Personne, eleve: Personne) -> bool:
        return isinstance(eleve, Eleve) and eleve.classe in self._classes_enseignees(prof)

    def _enseigne_a_un_enfant(self, prof: Personne, parent: Personne) -> bool:
        if not isinstance(parent, Parent):
            return False
        return any(self._enseigne_a_l_eleve(prof, enfant)
                   for enfant in self.etablissement.enfants_de(parent.identifiant))

    def _tout_l_etablissement(self, prof: Personne) -> bool:
        """Le professeur documentaliste sert tous les élèves (CDI) : sa portée est
        l'établissement entier, même s'il n'a aucune classe.

        Source de la mission : circulaire n° 2017-051 du 28 mars 2017 (missions des
        professeurs documentalistes, BOEN n° 13 du 30 mars 2017) — « Ils forment tous les
        élèves à l'information documentation ». En faire un lien de messagerie vers tous les
        élèves et leurs parents est un *choix du simulateur* (un réglage possible de l'ENT),
        pas une obligation de ce texte."""
        return Fonction.DOCUMENTALISTE in prof.fonctions

    def _portee_cdi(self, tous: str, sinon: str) -> Callable[[Personne], str | None]:
        """La portée dite à un enseignant : « tous les élèves de l'établissement (professeur
        documentaliste : …) » pour le professeur documentaliste, ``sinon`` pour un autre."""
        return lambda prof: (f"{tous} de l'établissement (professeur documentaliste : le CDI "
                             "sert toutes les classes)" if self._tout_l_etablissement(prof)
                             else sinon)

    def _meme_classe(self, a: Personne, b: Personne) -> bool:
        return isinstance(a, Eleve) and isinstance(b, Eleve) and bool(a.classe) \
            and a.classe == b.classe

    def _parents_meme_classe(self, a: Personne, b: Personne) -> bool:
        return bool(set(self.etablissement.classes_de(a.identifiant))
                    & set(self.etablissement.classes_de(b.identifiant)))

    # -- la matrice --------------------------------------------------------------------
    def _lien(self, exp: Profil, dest: Profil) -> _Lien | None:
        """La case (expéditeur, destinataire) de la matrice, ou None si le lien est fermé."""
        o = self.options
        e = self.etablissement
        if exp is Profil.PERSONNEL:
            return _Lien("tous", lambda a, b: True, "")
        if exp is Profil.ELEVE:
            if dest is Profil.ELEVE and o.eleves_peuvent_ecrire_aux_eleves:
                return _Lien("élèves de sa classe", self._meme_classe,
                             "Un élève ne peut écrire qu'aux élèves de sa propre classe.")
            if dest is Profil.PARENT and o.eleves_peuvent_ecrire_a_leurs_parents:
                return _Lien("ses responsables légaux",
                             lambda a, b: e.est_responsable_de(b.identifiant, a.identifiant),
                             "Un élève ne peut écrire qu'à ses propres responsables légaux.")
            if dest is Profil.ENSEIGNANT and o.eleves_peuvent_ecrire_aux_enseignants:
                return _Lien("ses enseignants", lambda a, b: self._enseigne_a_l_eleve(b, a),
                             "Un élève ne peut écrire qu'aux enseignants de sa classe.")
            if dest is Profil.PERSONNEL and o.eleves_peuvent_ecrire_a_la_vie_scolaire:
                return _Lien("vie scolaire (CPE, assistants d'éducation)",
                             lambda a, b: _est_vie_scolaire(b),
                             "Parmi les personnels, un élève ne peut écrire qu'à la vie "
                             "scolaire (CPE, assistants d'éducation).")
            return None
        if exp is Profil.PARENT:
            if dest is Profil.ELEVE:
                return _Lien("ses enfants",
                             lambda a, b: e.est_responsable_de(a.identifiant, b.identifiant),
                             "Un parent ne peut écrire, parmi les élèves, qu'à ses propres "
                             "enfants.")
            if dest is Profil.PARENT and o.parents_peuvent_ecrire_aux_parents:
                return _Lien("parents de la classe de son enfant", self._parents_meme_classe,
                             "Un parent ne peut écrire qu'aux parents de la classe de son "
                             "enfant.")
            if dest is Profil.ENSEIGNANT:
                return _Lien("enseignants de ses enfants",
                             lambda a, b: self._enseigne_a_un_enfant(b, a),
                             "Un parent ne peut écrire qu'aux enseignants de la classe de son "
                             "enfant.")
            if dest is Profil.PERSONNEL:
                return _Lien("tous les personnels (direction, vie scolaire, secrétariat…)",
                             lambda a, b: True, "")
            return None
        if exp is Profil.ENSEIGNANT:
            if dest is Profil.ELEVE:
                return _Lien("élèves de ses classes (tous, pour le professeur documentaliste)",
                             lambda a, b: self._tout_l_etablissement(a)
                             or self._enseigne_a_l_eleve(a, b),
                             "Un enseignant ne peut écrire qu'aux élèves des classes où il "
                             "enseigne.", self._portee_cdi("tous les élèves",
                                                           "élèves de ses classes"))
            if dest is Profil.PARENT:
                return _Lien("parents de ses élèves (tous, pour le professeur documentaliste)",
                             lambda a, b: self._tout_l_etablissement(a)
                             or self._enseigne_a_un_enfant(a, b),
                             "Un enseignant ne peut écrire qu'aux parents des élèves des "
                             "classes où il enseigne.",
                             self._portee_cdi("tous les parents d'élèves",
                                              "parents de ses élèves"))
            return _Lien("tous", lambda a, b: True, "")
        if exp is Profil.INVITE:
            if not o.invites_peuvent_ecrire:
                return None
            if dest is Profil.ENSEIGNANT:
                return _Lien("tous", lambda a, b: True, "")
            if dest is Profil.PERSONNEL:
                return _Lien("direction (chef d'établissement, adjoint)",
                             lambda a, b: _est_direction(b),
                             "Parmi les personnels, un invité ne peut écrire qu'à la "
                             "direction.")
            return None
        return None  # pragma: no cover - tous les profils sont traités

    def _refus_lien_ferme(self, exp: Profil, dest: Profil) -> str:
        o = self.options
        if exp is Profil.ELEVE and dest is Profil.ELEVE:
            return ("Un élève ne peut pas écrire à un autre élève : l'établissement n'a pas "
                    "ouvert ce lien (réglage « eleves_peuvent_ecrire_aux_eleves »).")
        if exp is Profil.ELEVE and dest is Profil.ENSEIGNANT:
            return ("Dans cet établissement, un élève ne peut pas écrire aux enseignants "
                    "(réglage « eleves_peuvent_ecrire_aux_enseignants »).")
        if exp is Profil.ELEVE and dest is Profil.PERSONNEL:
            return ("Dans cet établissement, un élève ne peut pas écrire aux personnels "
                    "(réglage « eleves_peuvent_ecrire_a_la_vie_scolaire »).")
        if exp is Profil.ELEVE and dest is Profil.PARENT:
            return ("Dans cet établissement, un élève ne peut pas écrire aux parents "
                    "(réglage « eleves_peuvent_ecrire_a_leurs_parents »).")
        if exp is Profil.PARENT and dest is Profil.PARENT:
            return ("Un parent ne peut pas écrire aux autres parents : l'établissement n'a pas "
                    "ouvert ce lien (réglage « parents_peuvent_ecrire_aux_parents »).")
        if exp is Profil.INVITE and dest in (Profil.ELEVE, Profil.PARENT):
            return ("Un invité (intervenant extérieur) ne peut pas écrire directement aux "
                    "élèves ni aux familles : il passe par les enseignants ou la direction.")
        if exp is Profil.INVITE:
            if not o.invites_peuvent_ecrire:
                return ("Dans cet établissement, les invités ne peuvent pas écrire "
                        "(réglage « invites_peuvent_ecrire »).")
            return "Un invité ne peut pas écrire à un autre invité."
        return (f"La matrice de messagerie ne permet pas à un profil « {exp.value} » "
                f"d'écrire à un profil « {dest.value} ».")

    # -- décisions ---------------------------------------------------------------------
    def verdict(self, expediteur: Personne, destinataire: Personne) -> VerdictMessagerie:
        """Ce que dit la matrice pour ``expediteur`` → ``destinataire`` (personnes déjà
        trouvées dans l'annuaire)."""
        if expediteur.identifiant == destinataire.identifiant:
            return VerdictMessagerie(True, "autorise",
                                     "Chacun peut s'envoyer un message à lui-même "
                                     "(brouillon, pense-bête).")
        lien = self._lien(expediteur.profil, destinataire.profil)
        if lien is None:
            return VerdictMessagerie(False, "communication_non_autorisee",
                                     self._refus_lien_ferme(expediteur.profil,
                                                            destinataire.profil))
        if lien.test(expediteur, destinataire):
            portee = lien.portee_de(expediteur) or lien.portee
            return VerdictMessagerie(True, "autorise",
                                     f"La matrice de messagerie permet à un profil "
                                     f"« {expediteur.profil.value} » d'écrire à : "
                                     f"{portee}.")
        return VerdictMessagerie(False, "communication_non_autorisee",
                                 f"{lien.refus} {destinataire.nom_complet} n'en fait pas "
                                 f"partie.")

    def portee(self, expediteur: Profil, destinataire: Profil) -> str | None:
        """Le texte d'une case de la matrice (« ses enseignants »…), ou None si fermée."""
        lien = self._lien(expediteur, destinataire)
        return None if lien is None else lien.portee

    def matrice(self):
        """La matrice profil × profil, en ``pandas.DataFrame`` : ✓ ou ✗ suivi de la portée
        en toutes lettres (la couleur n'est jamais le seul signal)."""
        import pandas as pd

        lignes = {}
        for exp in ORDRE_PROFILS:
            ligne = {}
            for dest in ORDRE_PROFILS:
                portee = self.portee(exp, dest)
                ligne[dest.value] = f"✓ {portee}" if portee else "✗ non"
            lignes[exp.value] = ligne
        tableau = pd.DataFrame.from_dict(lignes, orient="index")
        tableau.index.name = "Expéditeur ↓ / destinataire →"
        return tableau
