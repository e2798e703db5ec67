"""Les élèves majeurs : ce que la majorité change à l'accès de leurs parents.

**Le droit.** « La majorité est fixée à dix-huit ans accomplis ; à cet âge, chacun est
capable d'exercer les droits dont il a la jouissance » (Code civil, art. 414) ; l'autorité
parentale appartient aux parents « jusqu'à la majorité ou l'émancipation de l'enfant »
(art. 371-1). L'information des parents sur la scolarité (« les parents sont tenus
régulièrement informés de l'évolution des acquis scolaires de leurs enfants », code de
l'éducation, art. D. 111-3) ne s'impose donc plus de plein droit quand l'élève est majeur :
c'est lui qui exerce ses droits.

**La pratique des lycées.** La circulaire n° 74-325 du 13 septembre 1974, prise après la loi
du 5 juillet 1974 qui a fixé la majorité à 18 ans, est reprise dans les règlements
intérieurs : « Tout élève majeur qui en exprime le désir peut accomplir personnellement les
actes qui, dans le cas d'élèves mineurs, sont du ressort des seuls parents » ; « il peut
s'opposer à l'envoi à sa famille de la correspondance le concernant (notes,
appréciations…), celle-ci demeure néanmoins informée de toute perturbation dans sa
scolarité (absentéisme, abandon d'études…) ». D'autres règlements l'écrivent dans l'autre
sens : « Sauf prise de position écrite de l'élève majeur, les parents seront normalement
destinataires de toute correspondance le concernant » ; et l'élève majeur « peut justifier
lui-même de ses absences » (Autonome de solidarité laïque, « Un élève est majeur »).
Le texte de 1974 n'a pas été lu à sa source : il est cité tel que les règlements intérieurs
le reprennent. Aucune documentation d'EduConnect ni d'un ENT sur les comptes des élèves
majeurs n'a été trouvée : le modèle suit les textes et les règlements, pas un produit.

**Le modèle d'entsim** (ce qui est simulé) :

1. les parents d'un élève majeur **gardent leur accès** tant qu'il ne s'y oppose pas (la
   pratique : « sauf prise de position écrite ») ;
2. l'élève majeur peut **faire opposition** (:meth:`MajoriteAutorisation.enregistrer_opposition`,
   tracée au journal) : ses parents ne consultent plus ses notes, ses absences, son dossier
   ni son portfolio Folios (les données qui le concernent) ; le cahier de textes et
   l'emploi du temps de sa classe, qui ne sont pas ses données personnelles, restent
   ouverts ; l'information de la famille en cas d'absentéisme, que la circulaire maintient,
   passe par le CPE, hors de l'ENT (non simulée) ; il peut lever son opposition ;
3. l'élève majeur **justifie lui-même ses absences** : le rôle ``eleve_majeur`` (voir
   :data:`entsim.autorisation.besoin_d_en_connaitre.HABILITATIONS_PARTIES`) ;
4. la majorité se juge **à la date de la demande** (horloge simulée), le jour des 18 ans
   accomplis ; un élève mineur ne peut pas faire opposition, et une opposition n'a d'effet
   que pendant la majorité.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from entsim.autorisation.besoin_d_en_connaitre import roles_de
from entsim.etablissement.annuaire import AGE_DE_LA_MAJORITE, Eleve, Etablissement, Personne
from entsim.journal.chaine import Journal
from entsim.autorisation.habilitations.ressources import de
from entsim.socle.erreurs import AccesRefuse, ValeurInvalide
from entsim.socle.horloge import Horloge
from entsim.socle.texte import cite

__all__ = ["Opposition", "MajoriteAutorisation", "roles_a_la_date", "opposition_active",
           "raison_opposition"]


def roles_a_la_date(personne: Personne, le: date) -> list[str]:
    """Les rôles de la personne (:func:`~entsim.autorisation.besoin_d_en_connaitre.roles_de`),
    plus ``"eleve_majeur"`` juste après ``"eleve"`` pour un élève de 18 ans accomplis à la
    date ``le``."""
    roles = roles_de(personne)
    if isinstance(personne, Eleve) and "eleve" in roles and personne.est_majeur(le):
        roles.insert(roles.index("eleve") + 1, "eleve_majeur")
    return roles


def opposition_active(eleve: Eleve, le: date) -> bool:
    """L'élève a fait opposition et il est majeur à la date ``le``."""
    return eleve.opposition_parents and eleve.est_majeur(le)


def raison_opposition(eleve: Eleve) -> str:
    """Pourquoi un parent ne voit plus les données de son enfant majeur."""
    return (f"{eleve.nom_complet} a {AGE_DE_LA_MAJORITE} ans accomplis et a fait opposition "
            f"à ce que ses parents consultent ses données : un élève majeur exerce lui-même "
            f"ses droits (Code civil, art. 414).")


@dataclass(frozen=True)
class Opposition:
    """Le résultat d'une opposition enregistrée (ou levée) par un élève majeur."""

    ok: bool
    code: str
    message: str
    eleve: str
    active: bool


class MajoriteAutorisation:
    """L'opposition d'un élève majeur, pour :class:`entsim.autorisation.service.Autorisation`
    (qui fournit l'établissement, le journal et l'horloge)."""

    etablissement: Etablissement
    journal: Journal
    horloge: Horloge

    def enregistrer_opposition(self, eleve: str, *, par: str | None = None,
                               opposition: bool = True) -> Opposition:
        """L'élève majeur ``eleve`` fait opposition à ce que ses parents consultent ses
        données (``opposition=False`` : il la lève) ; ``par`` : qui l'enregistre.

        Qui peut agir : l'élève majeur lui-même (c'est lui qui exerce ses droits, Code civil,
        art. 414 ; les règlements intérieurs parlent de sa « prise de position écrite »), ou
        la direction (chef d'établissement, adjoint) qui enregistre sa demande écrite — dans
        un lycée, l'élève l'écrit au chef d'établissement. Personne d'autre : ni un parent
        (l'opposition vise justement son accès), ni un enseignant, ni un camarade. Chaque
        tentative est tracée au journal au nom de qui agit (``opposition_enregistree`` /
        ``opposition_levee``, ou ``acces_refuse``).

        Lève :class:`~entsim.socle.erreurs.ValeurInvalide` (message en français) si ``par``
        manque, si la personne n'est pas un élève ou si elle est mineure à la date simulée ;
        :class:`~entsim.socle.erreurs.AccesRefuse` si ``par`` n'a pas qualité pour agir."""
        if par is None:
            raise ValeurInvalide("Dites qui enregistre l'opposition : par=« identifiant » "
                                 "(l'élève majeur lui-même, ou le chef d'établissement qui "
                                 "enregistre sa demande écrite).", code="acteur_manquant")
        acteur = self.etablissement.personne(par)
        if not isinstance(opposition, bool):
            raise ValeurInvalide("« opposition » vaut True (faire opposition) ou False (la "
                                 f"lever) (reçu : {cite(opposition)}).")
        personne = self.etablissement.personne(eleve)
        if not isinstance(personne, Eleve):
            raise ValeurInvalide(f"{cite(eleve)} n'est pas un élève : seul un élève majeur peut "
                                 f"faire opposition à l'accès de ses parents.",
                                 code="pas_un_eleve")
        objet = f"accès des parents {de(personne.nom_complet)}"
        if acteur.identifiant != personne.identifiant and "direction" not in roles_de(acteur):
            raison = (f"Seul l'élève majeur lui-même fait ou lève son opposition ; le chef "
                      f"d'établissement (ou son adjoint) peut enregistrer sa demande écrite. "
                      f"{acteur.nom_complet} ne peut pas le faire pour "
                      f"{personne.nom_complet}.")
            self.journal.enregistrer("acces_refuse", identite=acteur.identifiant,
                                     resultat="echec", detail=raison, objet=objet)
            raise AccesRefuse(raison, code="non_habilite")
        aujourd_hui = self.horloge.maintenant().date()
        if not personne.est_majeur(aujourd_hui):
            age = personne.age(aujourd_hui)
            quel_age = (f"a {age} ans" if age is not None
                        else "n'a pas de date de naissance connue")
            raise ValeurInvalide(
                f"{personne.nom_complet} {quel_age} : seul un élève majeur ({AGE_DE_LA_MAJORITE}"
                f" ans accomplis, Code civil, art. 414) peut faire opposition ; jusqu'à sa "
                f"majorité, ses parents exercent l'autorité parentale (art. 371-1) et suivent "
                f"sa scolarité.", code="eleve_mineur")
        personne.opposition_parents = opposition
        if opposition:
            code = "opposition_enregistree"
            message = (f"Opposition enregistrée : les parents {de(personne.nom_complet)} ne "
                       f"consultent plus ses notes, ses absences, son dossier ni son "
                       f"portfolio Folios.")
        else:
            code = "opposition_levee"
            message = (f"Opposition levée : les parents {de(personne.nom_complet)} "
                       f"consultent de nouveau sa scolarité.")
        if acteur.identifiant != personne.identifiant:
            message += (f" Enregistré par {acteur.nom_complet}, à la demande écrite de "
                        f"l'élève.")
        self.journal.enregistrer(code, identite=acteur.identifiant, resultat="succes",
                                 detail=message, objet=objet)
        return Opposition(True, code, message, personne.identifiant, opposition)
