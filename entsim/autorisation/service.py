"""Le service d'autorisation : habilitations, conditions et besoin d'en connaître.

SDET, document 2, « Service d'autorisation » : « Les autorisations définissent quels
utilisateurs (caractérisés par un identifiant et un ou plusieurs attributs) peuvent effectuer
des actions sur des ressources, éventuellement sous certaines conditions. Une action sur une
ressource définit une habilitation. Une action peut être une opération de lecture, écriture,
modification ou suppression. Une ressource peut être un service applicatif, une partie de
service, une application, une page Web… Une condition peut être une restriction d'accès au
service applicatif, par exemple en fonction de l'horaire ou de la typologie d'accès. »

Avis de la CNIL sur les ENT (document 1) : « chaque titulaire d'un compte ENT ne [peut]
accéder qu'aux seules informations le concernant (exemple : un parent d'élève ne peut avoir
accès qu'aux seules informations relatives à la vie scolaire de son enfant telles les notes,
les absences, le cahier de textes de la classe) ».

Arrêté du 30 novembre 2006 modifié (ENT), article 4 : les destinataires des données le sont
« dans le cadre de leurs attributions et dans les limites du besoin d'en connaître » — les
élèves pour « leurs informations personnelles et la vie scolaire », les responsables pour
« la vie scolaire des enfants dont ils ont la charge », les enseignants pour « la scolarité
de leurs élèves », les autres personnels pour « leurs fonctions dans l'établissement », les
intervenants extérieurs pour les seules activités auxquelles ils participent.

Algorithme de décision (:meth:`Autorisation.decider`), dans cet ordre :

1. **Vérification** de la demande (personne connue, action connue, ressource existante).
2. **Le refus l'emporte** (*deny-overrides*) : une règle explicite « refuser » qui vise la
   personne, l'action et la ressource, et dont les conditions sont remplies, refuse l'accès
   quoi que disent les autres règles.
3. **Habilitation intégrée**, toujours : le service doit être ouvert au profil dans le
   catalogue (usage « lecture » : lire seulement ; « ecriture » : toutes les actions),
   puis, pour les données de la vie scolaire, la table :data:`HABILITATIONS` (ou, pour une
   partie de service comme ``absences/justificatifs``, :data:`HABILITATIONS_PARTIES`)
   précise les actions de chaque rôle (profil ou fonction). On ne garde que **les rôles qui
   permettent l'action** demandée.
4. **Besoin d'en connaître**, avec ces seuls rôles : on n'accède qu'aux données de son
   périmètre (ses propres données, celles de ses enfants — sauf opposition d'un enfant
   majeur —, de ses classes, de tout l'établissement pour les personnels dans leurs
   fonctions, rien pour un invité ; les données personnelles de toute une classe ne sont
   jamais pour un élève ni pour un parent).
5. **Conditions des règles « autoriser »** : si des règles explicites « autoriser » visent
   la demande, l'une d'elles doit avoir ses conditions remplies (code de la condition
   manquée : ``hors_plage_horaire``, ``hors_etablissement``…).

**Aucune règle de l'établissement n'élargit le besoin d'en connaître**, et voici comment :
une règle « autoriser » n'est jamais une habilitation de plus, seulement une condition de
plus (étape 5, jugée *après* les étapes 3 et 4, qui ne lisent aucune règle) ; elle ne
remplace ni la table intégrée ni le catalogue, et le périmètre n'est jamais calculé avec un
rôle qui n'a pas le droit de faire l'action (un enseignant qui est aussi administrateur
local n'agit sur les notes que de ses classes). Une règle ne peut donc que restreindre : la
garantie demandée par la CNIL (« chaque titulaire d'un compte ENT ne [peut] accéder qu'aux
seules informations le concernant »).

Chaque décision porte un code stable et une phrase en français qui l'explique.

Les valeurs (actions, ressources, conditions, règles, décisions) sont définies dans
:mod:`entsim.autorisation.habilitations`, la table intégrée et ses explications dans
:mod:`entsim.autorisation.besoin_d_en_connaitre`, les usages du catalogue dans
:mod:`entsim.autorisation.usages` ; elles restent importables d'ici. Le besoin d'en
connaître appliqué à une demande (étape 4) est dans :mod:`entsim.autorisation.perimetre`,
les tableaux et explications pour la classe dans :mod:`entsim.autorisation.explications`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from entsim.etablissement.annuaire import Eleve, Etablissement, Fonction, Personne, Profil
from entsim.autorisation.besoin_d_en_connaitre import (  # réexporté
    HABILITATIONS, HABILITATIONS_PARTIES, ROLES, ROLES_DE_PROFIL, ROLES_ETABLISSEMENT,
    groupe_nominal, phrase_action_non_permise, phrase_propre, phrase_sans_droit,
    raison_dans_perimetre, raison_hors_perimetre, roles_de, table_des_droits,
    verifier_partie_de_regle)
from entsim.autorisation.explications import ExplicationsAutorisation
from entsim.autorisation.majorite import MajoriteAutorisation, Opposition, roles_a_la_date
from entsim.autorisation.perimetre import PerimetreAutorisation
from entsim.socle.erreurs import ErreurENT, Introuvable, ValeurInvalide, verifier_texte
from entsim.autorisation.habilitations import (  # réexporté
    ACTIONS_PAR_USAGE, CODES_DECISION, JOURS, LIEUX, PARTIE_MESSAGE, SERVICES_PAR_CLASSE,
    SERVICES_PAR_ELEVE, SERVICES_PERSONNELS, TOUS, TOUTES_LES_ACTIONS, Action, Condition,
    ContexteAcces, Decision, Effet, Lieu, PlageHoraire, Regle, Ressource, de, liste_actions,
    replier_cle)
from entsim.autorisation.usages import (UsagesParDefaut, UsagesServices,  # réexporté
                                        usage_normalise)
from entsim.socle.horloge import Horloge
from entsim.socle.texte import accorder, cite
from entsim.journal.chaine import Journal

if TYPE_CHECKING:  # pragma: no cover
    from entsim.autorisation.messagerie import OptionsMessagerie, ReglesMessagerie

__all__ = [
    "Autorisation", "UsagesParDefaut", "UsagesServices", "usage_normalise",
    # réexportés de entsim.autorisation.habilitations
    "ACTIONS_PAR_USAGE", "CODES_DECISION", "JOURS", "LIEUX", "PARTIE_MESSAGE",
    "SERVICES_PAR_CLASSE", "SERVICES_PAR_ELEVE", "SERVICES_PERSONNELS", "TOUS",
    "TOUTES_LES_ACTIONS", "Action", "Condition", "ContexteAcces", "Decision", "Effet", "Lieu",
    "PlageHoraire", "Regle", "Ressource", "de", "liste_actions", "replier_cle",
    # réexportés de entsim.autorisation.besoin_d_en_connaitre
    "HABILITATIONS", "HABILITATIONS_PARTIES", "ROLES", "ROLES_DE_PROFIL",
    "ROLES_ETABLISSEMENT", "groupe_nominal", "phrase_action_non_permise", "phrase_sans_droit",
    "raison_dans_perimetre", "raison_hors_perimetre", "roles_de", "table_des_droits",
    # réexporté de entsim.autorisation.majorite
    "Opposition",
]


# ======================================================================================
# Le service d'autorisation
# ======================================================================================

def _exiger_ressource(ressource: object) -> None:
    """Une :class:`Ressource`, sinon un message en français qui cite la valeur reçue
    (bornée : :func:`entsim.socle.texte.cite`)."""
    if not isinstance(ressource, Ressource):
        raise ValeurInvalide("La ressource doit être une Ressource, par exemple "
                             "Ressource.notes_de(\"lea.martin\") ou Ressource(\"actualites\") "
                             f"(reçu : {cite(ressource)}).", code="ressource_invalide")


def _sans_effet(permissions: list[Regle]) -> str:
    """La phrase ajoutée à un refus quand une règle « autoriser » visait la demande."""
    if not permissions:
        return ""
    return (f" La règle de l'établissement « {permissions[0].libelle} » n'y change rien : une "
            f"règle peut restreindre un accès, elle ne peut pas élargir le besoin d'en "
            f"connaître.")


class Autorisation(PerimetreAutorisation, ExplicationsAutorisation, MajoriteAutorisation):
    """Le service d'autorisation de l'ENT (SDET, document 2).

    :param etablissement: l'annuaire (personnes, classes, liens).
    :param journal: le journal AAS, où chaque décision est tracée (``acces_autorise`` /
        ``acces_refuse``).
    :param horloge: l'horloge simulée (instant des conditions horaires).
    :param catalogue: le catalogue des services (``catalogue.usage(profil, code)``) ; sans
        catalogue, les usages sont lus dans ``data/services.csv``.
    :param regles: des règles explicites de départ.
    :param options_messagerie: les réglages de la matrice de messagerie.
    """

    def __init__(self, etablissement: Etablissement, journal: Journal, horloge: Horloge, *,
                 catalogue: UsagesServices | None = None,
                 regles: Iterable[Regle] | None = None,
                 options_messagerie: "OptionsMessagerie | None" = None) -> None:
        from entsim.autorisation.messagerie import ReglesMessagerie

        if not isinstance(etablissement, Etablissement):
            raise ValeurInvalide("Il faut un établissement (Etablissement) pour l'autorisation.")
        if not isinstance(journal, Journal):
            raise ValeurInvalide("Il faut un journal (Journal) pour tracer les décisions.")
        if not isinstance(horloge, Horloge):
            raise ValeurInvalide("Il faut l'horloge simulée (Horloge).")
        if catalogue is not None and not callable(getattr(catalogue, "usage", None)):
            raise ValeurInvalide("Le catalogue doit offrir usage(profil, code_service).")
        self.etablissement = etablissement
        self.journal = journal
        self.horloge = horloge
        self.catalogue = catalogue
        self._repli = UsagesParDefaut()
        self._regles: list[Regle] = []
        self.messagerie: ReglesMessagerie = ReglesMessagerie(etablissement, options_messagerie)
        for regle in regles or ():
            self.ajouter_regle(regle)

    # -- règles explicites ---------------------------------------------------------------
    def ajouter_regle(self, regle: Regle) -> Regle:
        """Ajoute une règle explicite (le cycle de vie des autorisations, SDET)."""
        if not isinstance(regle, Regle):
            raise ValeurInvalide("Il faut une règle : Regle(qui=…, actions=…, service=…).")
        if not isinstance(regle.qui, (Profil, Fonction)) and regle.qui != TOUS:
            self.etablissement.personne(regle.qui)  # message clair si inconnu
        regle = self._regle_canonique(regle)
        verifier_partie_de_regle(regle.service, regle.partie, self.nom_service)
        if regle in self._regles:
            raise ValeurInvalide(f"Cette règle existe déjà : « {regle.libelle} ».")
        self._regles.append(regle)
        return regle

    def _regle_canonique(self, regle: Regle) -> Regle:
        if regle.service == "*":
            return regle
        code = self._code_canonique(regle.service)
        self._usage(Profil.ELEVE, code)  # le service doit exister (message clair sinon)
        return regle if code == regle.service else regle.pour_le_service(code)

    def retirer_regle(self, regle: Regle | str) -> Regle:
        """Retire une règle (donnée elle-même ou par son libellé)."""
        if isinstance(regle, Regle):
            regle = self._regle_canonique(regle)
        for existante in self._regles:
            if existante == regle or (isinstance(regle, str) and existante.libelle == regle):
                self._regles.remove(existante)
                return existante
        nom = regle.libelle if isinstance(regle, Regle) else regle
        raise Introuvable(f"Aucune règle {cite(nom)} n'est en place.", code="regle_inconnue")

    def regles(self) -> list[Regle]:
        return list(self._regles)

    @property
    def options_messagerie(self) -> "OptionsMessagerie":
        return self.messagerie.options

    @options_messagerie.setter
    def options_messagerie(self, options: "OptionsMessagerie") -> None:
        from entsim.autorisation.messagerie import ReglesMessagerie

        self.messagerie = ReglesMessagerie(self.etablissement, options)

    # -- outils --------------------------------------------------------------------------
    def _usage(self, profil: Profil, code: str) -> str | None:
        if self.catalogue is not None:
            return usage_normalise(self.catalogue.usage(profil, code))
        return self._repli.usage(profil, code)

    def nom_service(self, code: str) -> str:
        """Le nom lisible d'un service (« Notes et résultats des évaluations »)."""
        if not isinstance(code, str):
            raise ValeurInvalide("Le code d'un service est un texte, par exemple « notes » ou "
                                 f"« cahier_de_textes » (reçu : {cite(code)}).",
                                 code="service_invalide")
        if self.catalogue is not None:
            for acces in ("service", "__getitem__"):
                methode = getattr(self.catalogue, acces, None)
                if callable(methode):
                    try:
                        nom = getattr(methode(code), "nom", None)
                    except (ErreurENT, LookupError, TypeError):
                        nom = None
                    if isinstance(nom, str):
                        return nom
        try:
            return self._repli.nom(code)
        except Introuvable:
            return code

    def decrire(self, ressource: Ressource) -> str:
        """La description de la ressource, avec les noms des personnes."""
        _exiger_ressource(ressource)
        return ressource.decrire(self.etablissement, self.nom_service(ressource.service))

    def contexte_par_defaut(self) -> ContexteAcces:
        """Maintenant (horloge simulée), depuis le réseau de l'établissement."""
        return ContexteAcces(self.horloge.maintenant(), "etablissement")

    def _verifier_ressource(self, ressource: object) -> Ressource:
        _exiger_ressource(ressource)
        code = self._code_canonique(ressource.service)
        if code != ressource.service:
            ressource = replace(ressource, service=code)
        e = self.etablissement
        if ressource.eleve is not None and not isinstance(e.personne(ressource.eleve), Eleve):
            raise ValeurInvalide(f"{cite(ressource.eleve)} n'est pas un élève : « eleve » "
                                 f"attend l'identifiant d'un élève.",
                                 code="ressource_invalide")
        if ressource.classe is not None:
            e.classe(ressource.classe)
        if ressource.proprietaire is not None:
            e.personne(ressource.proprietaire)
        self._usage(Profil.ELEVE, ressource.service)  # service inconnu → message clair
        return ressource

    def _code_canonique(self, code: str) -> str:
        """Le code du service ; le catalogue accepte aussi son nom (« Cahier de textes »)."""
        chercher = getattr(self.catalogue, "service", None)
        if callable(chercher):
            trouve = getattr(chercher(code), "code", None)
            if isinstance(trouve, str):
                return trouve
        return code

    def _verifier_contexte(self, contexte: object) -> ContexteAcces:
        if contexte is None:
            return self.contexte_par_defaut()
        if not isinstance(contexte, ContexteAcces):
            raise ValeurInvalide("Le contexte doit être un ContexteAcces(instant, lieu, poste).")
        return contexte

    # -- le cœur : évaluer sans tracer -----------------------------------------------------
    def evaluer(self, identifiant: str, action: Action | str, ressource: Ressource, *,
                contexte: ContexteAcces | None = None) -> Decision:
        """La décision, *sans* l'écrire au journal (pour les tableaux et les simulations)."""
        personne = self.etablissement.personne(identifiant)
        action = Action.depuis(action)
        ressource = self._verifier_ressource(ressource)
        contexte = self._verifier_contexte(contexte)
        objet = self.decrire(ressource)

        def decision(autorise: bool, code: str, raison: str, regle: str | None = None):
            return Decision(autorise, code, raison, regle, personne.identifiant, action,
                            ressource, objet)

        visees = [r for r in self._regles if r.concerne(personne) and r.couvre(action, ressource)]
        # 2. Le refus l'emporte.
        for regle in visees:
            if regle.effet is Effet.REFUSER and regle.condition_manquee(contexte) is None:
                return decision(False, "regle_refus", f"Règle de l'établissement : "
                                f"{regle.libelle}.", regle.libelle)
        permissions = [r for r in visees if r.effet is Effet.AUTORISER]
        le = contexte.instant.date()
        # 3. Habilitations intégrées (aucune règle n'y entre) : les rôles qui permettent
        #    l'action, et eux seuls.
        refus, roles = self._habilitation(personne, action, ressource, le=le)
        if refus is not None:
            return decision(False, refus[0], refus[1] + _sans_effet(permissions))
        # 4. Besoin d'en connaître, avec ces seuls rôles.
        autorise, code, raison = self._perimetre(personne, action, ressource, roles, le=le)
        if not autorise:
            return decision(False, code, raison + _sans_effet(permissions))
        # 5. Les règles « autoriser » qui visent la demande : des conditions de plus.
        if not permissions:
            return decision(True, code, raison)
        valables = [r for r in permissions if r.condition_manquee(contexte) is None]
        if not valables:
            condition = permissions[0].condition_manquee(contexte)
            return decision(False, condition.code_echec, condition.raison_echec(contexte),
                            permissions[0].libelle)
        regle = valables[0].libelle
        return decision(True, code, f"Règle de l'établissement : {regle}. {raison}", regle)

    def _habilitation(self, personne: Personne, action: Action, ressource: Ressource, *,
                      le: date) -> tuple[tuple[str, str] | None, list[str]]:
        """Habilitations intégrées : (refus ou None, rôles qui permettent l'action) ; la
        table est celle de la partie du service quand elle en a une
        (:data:`HABILITATIONS_PARTIES`), la majorité jugée à la date ``le``."""
        code = ressource.service
        usage = self._usage(personne.profil, code)
        nom = self.nom_service(code)
        roles = roles_a_la_date(personne, le)
        table = table_des_droits(code, ressource.partie)
        if usage is None:
            if code in SERVICES_PAR_ELEVE and roles[0] == "invite":
                return ("profil_non_habilite",
                        "Un invité (intervenant extérieur) n'a accès à aucune donnée "
                        "personnelle des élèves (notes, absences, dossier, orientation)."), []
            if code in SERVICES_PAR_CLASSE and roles[0] == "invite":
                # Arrêté ENT, art. 4 : les intervenants extérieurs, « en ce qui concerne
                # des activités scolaires ou périscolaires auxquelles ils participent ».
                return ("profil_non_habilite",
                        f"Un invité (intervenant extérieur) n'accède qu'aux activités "
                        f"auxquelles il participe (arrêté ENT, art. 4) : le service « {nom} » "
                        f"ne lui est pas ouvert dans cet ENT."), []
            return ("profil_non_habilite",
                    f"Le service « {nom} » n'est pas ouvert au profil "
                    f"{personne.profil.value} dans cet ENT."), []
        if ressource.partie is not None and code in HABILITATIONS \
                and (code, ressource.partie) not in HABILITATIONS_PARTIES:
            return ("hors_perimetre",
                    f"Le service « {nom} » n'a pas de partie {cite(ressource.partie)} : une "
                    f"partie inconnue n'ouvre aucun droit."), []
        plafond = ACTIONS_PAR_USAGE[usage]
        if table is None:  # service sans données de vie scolaire : l'usage du catalogue
            if action in plafond:
                return None, roles
            return ("action_non_permise",
                    f"Le profil {personne.profil.value} peut seulement lire le service "
                    f"« {nom} » : l'action « {action.value} » ne lui est pas permise."), []
        droits = {role: (table.get(role, frozenset()) & plafond if role in ROLES_DE_PROFIL
                         else table.get(role, frozenset())) for role in roles}
        permis = [role for role in roles if action in droits[role]]
        if permis:
            return None, permis
        avec_droits = [role for role in roles if droits[role]]
        if avec_droits:   # le rôle qui a sa propre phrase (un professeur principal est enseignant)
            role = next((r for r in avec_droits if phrase_propre(r, code, ressource.partie)),
                        avec_droits[0])
            return ("action_non_permise",
                    phrase_action_non_permise(role, code, droits[role], action,
                                              ressource.partie)), []
        return ("profil_non_habilite", phrase_sans_droit(roles[0], code)), []

    # -- décisions tracées -----------------------------------------------------------------
    def _tracer(self, decision: Decision, contexte: ContexteAcces | None) -> None:
        self.journal.enregistrer(
            "acces_autorise" if decision.autorise else "acces_refuse",
            identite=decision.identifiant, service=decision.ressource.service,
            poste=contexte.poste if contexte is not None else None,
            resultat="succes" if decision.autorise else "echec",
            detail=decision.raison, objet=f"{decision.objet} ({decision.action.value})")

    def decider(self, identifiant: str, action: Action | str, ressource: Ressource, *,
                contexte: ContexteAcces | None = None) -> Decision:
        """Décide si ``identifiant`` peut faire ``action`` sur ``ressource`` et trace la
        décision au journal (SDET, traçabilité : chaque opération datée et reliée à une
        identité)."""
        decision = self.evaluer(identifiant, action, ressource, contexte=contexte)
        self._tracer(decision, contexte)
        return decision

    def peut_acceder_service(self, identifiant: str, code_service: str, *,
                             contexte: ContexteAcces | None = None,
                             journaliser: bool = True) -> Decision:
        """Le contrôle d'accès à un service, appelé par le serveur SSO avant d'émettre un
        ticket (étape 3 de la cinématique du SDET) ; tracé au journal, sauf
        ``journaliser=False`` (quand l'appelant trace lui-même la décision)."""
        verifier_texte(code_service, "code_service")
        if journaliser:
            return self.decider(identifiant, Action.LIRE, Ressource(code_service),
                                contexte=contexte)
        return self.evaluer(identifiant, Action.LIRE, Ressource(code_service),
                            contexte=contexte)

    # -- messagerie --------------------------------------------------------------------------
    def peut_ecrire_a(self, expediteur: str, destinataire: str, *,
                      contexte: ContexteAcces | None = None,
                      journaliser: bool = False) -> Decision:
        """``expediteur`` peut-il écrire à ``destinataire`` ? Matrice de messagerie, plus
        les règles explicites sur le service « messagerie » (un refus la nuit, par
        exemple). Simple vérification par défaut ; ``journaliser=True`` quand un envoi est
        réellement tenté (la tentative est alors tracée)."""
        self.etablissement.personne(destinataire)
        ressource = Ressource.message_a(destinataire)
        if journaliser:
            return self.decider(expediteur, Action.ECRIRE, ressource, contexte=contexte)
        return self.evaluer(expediteur, Action.ECRIRE, ressource, contexte=contexte)

    def destinataires_possibles(self, identifiant: str, *,
                                contexte: ContexteAcces | None = None) -> list[str]:
        """Les identifiants auxquels cette personne peut écrire (elle-même exclue), triés."""
        self.etablissement.personne(identifiant)
        return sorted(autre for autre in self.etablissement.personnes
                      if autre != identifiant
                      and self.peut_ecrire_a(identifiant, autre, contexte=contexte).autorise)

    def matrice_messagerie(self):
        """La matrice de messagerie profil × profil (``pandas.DataFrame``, en français)."""
        return self.messagerie.matrice()

    def __repr__(self) -> str:
        return (f"Autorisation({self.etablissement.nom!r}, "
                f"{accorder(len(self._regles), 'règle explicite', 'règles explicites')})")
