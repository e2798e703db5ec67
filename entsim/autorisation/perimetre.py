"""Le besoin d'en connaître appliqué à une demande : l'étape 4 de la décision.

Même habilité, on n'accède qu'aux données de son périmètre : ses propres données, celles de
ses enfants, de ses classes, de tout l'établissement pour les personnels dans leurs
fonctions, rien pour un invité (arrêté du 30 novembre 2006 modifié, article 4 ; avis de la
CNIL, document 1). La messagerie suit sa matrice (qui écrit à qui) et la boîte de chacun
reste privée (secret des correspondances). Les rôles et les phrases viennent de
:mod:`entsim.autorisation.besoin_d_en_connaitre`.

Deux règles de plus :

* les données personnelles de **toute une classe** (notes, absences, dossiers, portfolios :
  ``Ressource(code, classe=…)`` pour un service de
  :data:`~entsim.autorisation.habilitations.ressources.SERVICES_PAR_ELEVE`) ne sont jamais
  pour un élève ni pour un parent, quelles que soient ses actions : ils voient les leurs
  (et les moyennes de la classe, calculées par le service) ;
* un parent ne voit plus les données de son enfant **majeur** qui a fait opposition
  (:mod:`entsim.autorisation.majorite`), la majorité jugée à la date de la demande.

Seuls les rôles qui permettent l'action (étape 3) servent ici : un rôle sans droit sur la
donnée n'ouvre jamais de périmètre.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from entsim.autorisation.besoin_d_en_connaitre import (HABILITATIONS, ROLES, ROLES_ETABLISSEMENT,
                                                       ROLES_FAMILLE, groupe_nominal,
                                                       raison_classe_reservee,
                                                       raison_dans_perimetre,
                                                       raison_hors_perimetre)
from entsim.autorisation.habilitations.actions import Action, liste_actions
from entsim.autorisation.habilitations.ressources import (PARTIE_MESSAGE, SERVICES_PAR_CLASSE,
                                                          SERVICES_PAR_ELEVE,
                                                          SERVICES_PERSONNELS, Ressource)
from entsim.autorisation.majorite import opposition_active, raison_opposition
from entsim.autorisation.usages import LIBELLES_USAGE
from entsim.etablissement.annuaire import Eleve, Etablissement, Personne

if TYPE_CHECKING:  # pragma: no cover
    from entsim.autorisation.messagerie import ReglesMessagerie

__all__ = ["PerimetreAutorisation"]


class PerimetreAutorisation:
    """Le périmètre de chaque rôle, pour :class:`entsim.autorisation.service.Autorisation`
    (qui fournit l'établissement, la messagerie, ``nom_service()`` et ``_usage()``)."""

    etablissement: Etablissement
    messagerie: ReglesMessagerie

    def _perimetre(self, personne: Personne, action: Action, ressource: Ressource,
                   roles: list[str], *, le: date) -> tuple[bool, str, str]:
        """Le besoin d'en connaître : (autorisé, code, raison) ; ``roles`` : les seuls rôles
        qui permettent l'action, ``le`` : la date de la demande (majorité)."""
        e = self.etablissement
        ident = personne.identifiant
        code = ressource.service
        gn = groupe_nominal(code, f"le service « {self.nom_service(code)} »")
        verbe = "ne voit que" if action is Action.LIRE else "ne peut agir que sur"
        inconnue = self._forme_inconnue(action, ressource, gn)
        if inconnue is not None:
            return False, "hors_perimetre", inconnue
        # Messagerie : l'envoi suit la matrice ; la boîte reste privée.
        if code == "messagerie" and ressource.partie == PARTIE_MESSAGE \
                and ressource.proprietaire is not None and action is Action.ECRIRE:
            verdict = self.messagerie.verdict(personne, e.personne(ressource.proprietaire))
            return verdict.autorise, verdict.code, verdict.raison
        if code in SERVICES_PERSONNELS and ressource.proprietaire is not None:
            if ressource.proprietaire == ident:
                return True, "autorise", "C'est son propre espace : chacun accède à ses " \
                                         "messages et à ses documents."
            if code == "messagerie":
                return False, "hors_perimetre", (
                    "Personne ne lit les messages privés d'un autre utilisateur, pas même le "
                    "chef d'établissement (secret des correspondances).")
            return False, "hors_perimetre", (
                f"Seul son propriétaire accède à cet espace personnel ({gn}).")
        if ressource.eleve is not None:
            eleve = e.personne(ressource.eleve)
            for role in roles:
                if self._voit_eleve(role, personne, eleve, le):  # type: ignore[arg-type]
                    return True, "autorise", raison_dans_perimetre(role, eleve.nom_complet, False)
            if "parent" in roles and e.est_responsable_de(ident, eleve.identifiant):
                return False, "hors_perimetre", raison_opposition(eleve)  # type: ignore[arg-type]
            return False, "hors_perimetre", raison_hors_perimetre(roles, gn, verbe, False)
        if ressource.classe is not None:
            if code in SERVICES_PAR_ELEVE:   # les données personnelles de toute une classe
                famille = [r for r in roles if r in ROLES_FAMILLE]
                roles = [r for r in roles if r not in ROLES_FAMILLE]
                if not roles:
                    return False, "hors_perimetre", raison_classe_reservee(
                        (famille or ["eleve"])[0], code)
            for role in roles:
                if self._voit_classe(role, personne, ressource.classe):
                    return True, "autorise", raison_dans_perimetre(role, ressource.classe, True)
            return False, "hors_perimetre", raison_hors_perimetre(roles, gn, verbe, True)
        if ressource.proprietaire is not None:
            if code in SERVICES_PAR_ELEVE:
                return False, "hors_perimetre", (
                    f"Ces données concernent un élève (eleve=…) ou une classe (classe=…), pas un "
                    f"propriétaire : rien à ouvrir ainsi ({gn}).")
            if ressource.proprietaire == ident or any(r in ROLES_ETABLISSEMENT for r in roles):
                return True, "autorise", "Cette donnée le concerne ou relève de ses fonctions."
            return False, "hors_perimetre", f"{ROLES[roles[0]][0]} {verbe} {gn} le concernant."
        table = HABILITATIONS.get(code)
        if table is not None and roles and roles[0] in table:
            return True, "autorise", (f"{ROLES[roles[0]][0]} peut "
                                      f"{liste_actions(table[roles[0]])} {gn}.")
        usage = self._usage(personne.profil, code)
        precision = (f"(usage : {LIBELLES_USAGE[usage]})" if usage is not None
                     else "par cette règle")
        return True, "autorise", (f"Le service « {self.nom_service(code)} » est ouvert au "
                                  f"profil {personne.profil.value} {precision}.")

    def _forme_inconnue(self, action: Action, ressource: Ressource, gn: str) -> str | None:
        """Pourquoi cette ressource n'est pas une donnée que son service connaît (ou None) :
        un sujet qu'un service ne connaît pas n'ouvre rien, comme une partie inconnue (SDET :
        une ressource est « un service applicatif, une partie de service » ; avis de la
        CNIL : « les seules informations le concernant »). Sans cette règle, les messages
        d'un élève nommé par ``eleve=`` au lieu de ``proprietaire=`` étaient ouverts à ses
        enseignants (issue 10, attaque, section 1.1)."""
        code, partie = ressource.service, ressource.partie
        if code in SERVICES_PERSONNELS:
            prive = ("Personne ne lit les messages privés d'un autre utilisateur, pas même le "
                     "chef d'établissement (secret des correspondances)"
                     if code == "messagerie" else
                     f"Seul son propriétaire accède à cet espace personnel ({gn})")
            if ressource.eleve is not None or ressource.classe is not None:
                return (f"{prive} : il se désigne par son propriétaire (proprietaire=…), "
                        f"jamais par un élève ni par une classe.")
            if code == "messagerie" and partie == PARTIE_MESSAGE:
                if action is not Action.ECRIRE or ressource.proprietaire is None:
                    return (f"{prive} : la partie « {PARTIE_MESSAGE} » désigne seulement "
                            f"l'envoi d'un message à un destinataire (écrire).")
            elif partie is not None:
                return f"{prive} : une partie inconnue n'ouvre rien."
            return None
        if code in SERVICES_PAR_ELEVE:
            if partie is not None and action is not Action.LIRE and ressource.eleve is None:
                return ("Un justificatif concerne une absence d'un élève nommé (eleve=…) : il "
                        "ne s'écrit ni pour toute une classe ni sans élève.")
            return None
        if code in SERVICES_PAR_CLASSE:
            if ressource.eleve is not None:
                return (f"{gn[:1].upper() + gn[1:]} ne concerne pas un élève mais une classe "
                        f"(classe=…) : rien à ouvrir ainsi.")
            if ressource.proprietaire is not None and code != "emploi_du_temps":
                return (f"{gn[:1].upper() + gn[1:]} ne concerne pas un propriétaire mais une classe "
                        f"(classe=…) : rien à ouvrir ainsi.")
            return None
        if ressource.sujet is not None:
            return (f"Le service « {self.nom_service(code)} » ne concerne pas les données d'un "
                    f"élève, d'une classe ni d'un propriétaire : rien à ouvrir ainsi.")
        return None

    def _voit_eleve(self, role: str, personne: Personne, eleve: Eleve, le: date) -> bool:
        e = self.etablissement
        if role in ("eleve", "eleve_majeur"):
            return personne.identifiant == eleve.identifiant
        if role == "parent":
            return (e.est_responsable_de(personne.identifiant, eleve.identifiant)
                    and not opposition_active(eleve, le))
        if role == "enseignant":
            return e.enseigne_a(personne.identifiant, eleve.classe)
        if role == "professeur_principal":
            return self._est_pp(personne.identifiant, eleve.classe)
        return role in ROLES_ETABLISSEMENT

    def _voit_classe(self, role: str, personne: Personne, classe: str) -> bool:
        e = self.etablissement
        if role in ("eleve", "eleve_majeur"):
            return isinstance(personne, Eleve) and personne.classe == classe
        if role == "parent":
            return classe in e.classes_de(personne.identifiant)
        if role == "enseignant":
            return e.enseigne_a(personne.identifiant, classe)
        if role == "professeur_principal":
            return self._est_pp(personne.identifiant, classe)
        return role in ROLES_ETABLISSEMENT

    def _est_pp(self, identifiant: str, classe: str) -> bool:
        c = self.etablissement.classes.get(classe)
        return c is not None and c.professeur_principal == identifiant
