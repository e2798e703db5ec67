"""Le portail de l'ENT : la page d'accueil, les tuiles des services, le changement de rôle,
le mode projection et les coulisses.

Tout passe par les vrais services AAS de l'ENT simulé (SDET, document 2) :

* la connexion appelle le serveur CAS (:meth:`entsim.sso.serveur.ServeurCAS.connexion`), qui fait
  vérifier le mot de passe par le service d'authentification : échecs comptés et
  journalisés, blocage après 5 échecs, même message pour un identifiant inconnu et un mot de
  passe faux — avec une limite assumée, comme dans les ENT réels : seul un compte existant
  peut être bloqué, et le message de blocage révèle donc que le compte existe (un
  identifiant inconnu reçoit toujours « Identifiant ou mot de passe incorrect. ») ;
* l'horloge de l'ENT simulé n'avance pas toute seule : quand un compte est bloqué, la page
  d'accueil propose « Attendre la fin du blocage (horloge simulée) »
  (:meth:`Portail.attendre_fin_du_blocage`), qui avance l'horloge jusqu'à la fin du blocage ;
* un clic sur une tuile ouvre le service par le SSO (:meth:`entsim.sso.serveur.ServeurCAS.ouvrir_service`) :
  redirection vers le serveur CAS, décision du service d'autorisation, ticket de service
  émis puis validé par le service, sans nouvelle saisie du mot de passe (CAS 3.0, sections
  2.1 à 2.5) ; le médiacentre (ressources du GAR) s'ouvre de même, sans nouvelle connexion ;
* la déconnexion est propagée à chaque service ouvert (CAS 3.0, section 2.3.3 ; SDET :
  « propagation de la déconnexion auprès de l'ensemble des services applicatifs ») ;
* la première connexion demande le code d'activation, l'acceptation de la charte, la
  lecture de l'information sur les droits (avis de la CNIL, 2006 : « sur la page d'accueil du
  portail ENT et lors de la phase de création d'un compte ») et le choix d'un mot de passe
  conforme à la politique (tous les manquements listés ensemble).

Chaque effet est aussi écrit en toutes lettres dans une zone d'annonce (``role="status"``,
lue par les lecteurs d'écran) ; la couleur n'est jamais le seul signal (symboles ✓ ✗ ▶ et
mots) ; tout texte venu d'un utilisateur est échappé, jamais interprété comme du HTML.

Dans un notebook::

    from entsim import ENT
    from entsim.widgets.portail import Portail
    Portail(ENT.demo())
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import ipywidgets as widgets

from entsim.etablissement.annuaire import Eleve, Parent
from entsim.authentification.service import EtatCompte
from entsim.autorisation.service import ROLES, Action, Ressource
from ..ent import MOTS_DE_PASSE_DEMO, POSTES
from entsim.socle.erreurs import ErreurENT, Introuvable, ValeurInvalide
from entsim.etablissement.generation import CLASSE_DEMO, PERSONAS
from entsim.etablissement.identifiants import replier
from ..services._vie_eleve import accorder
from entsim.sso.serveur import (
    IDENTIFICATION_DEMANDEE,
    REAUTHENTIFICATION_DEMANDEE,
    SESSION_EXISTANTE,
)
from .accueil import PageAccueil, bandeau
from .coulisses import PanneauCoulisses
from .mise_en_forme import echapper, tableau_html
from .style import (
    CLASSE_ANNONCE,
    CLASSE_ENCADRE,
    CLASSE_MENU,
    CLASSE_PORTAIL,
    CLASSE_PROJECTION,
    CLASSE_TUILE,
    CLASSE_TUILE_ACTIVE,
    CLASSE_VUE_AUTONOME,
    bloc_de_style,
    taille_texte,
)
from .vues import ContexteVue, classe_de_vue
from .vues.fiche import VueFiche

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

#: Autres façons de nommer un rôle dans :meth:`Portail.changer_de_role`.
ALIAS_ROLES: dict[str, str] = {
    "lea": "eleve", "parent": "mere", "mere_de_lea": "mere", "sophie": "mere",
    "autre_famille": "autre_parent", "enseignant": "professeur_principal",
    "professeur": "professeur_principal", "prof": "professeur_principal",
    "direction": "proviseur", "chef_d_etablissement": "proviseur",
}

MESSAGE_BIENVENUE = ("Bienvenue sur l'ENT. Connectez-vous avec votre identifiant et votre mot "
                     "de passe ; l'information sur vos droits est à côté du formulaire.")


#: Bouton qui fait avancer l'horloge simulée jusqu'à la fin d'un blocage.
LIBELLE_ATTENTE = "Attendre la fin du blocage (horloge simulée)"

#: Note pour l'enseignant, sous un message de blocage (limite assumée, comme les ENT réels).
NOTE_BLOCAGE = ("Note pour l'enseignant : ce message révèle que le compte existe (un "
                "identifiant inconnu n'est jamais bloqué et reçoit toujours « Identifiant ou "
                "mot de passe incorrect. ») ; les ENT réels ont la même limite, acceptée pour "
                "protéger les comptes contre les essais répétés.")


def que(nom: str) -> str:
    """« que Sophie Martin », « qu'Isabelle Moreau » (élision devant une voyelle)."""
    return ("qu'" if replier(nom[:1]).lower() in "aeiouy" and nom[:1] else "que ") + nom


def _cle(texte: str) -> str:
    return "_".join(replier(texte).replace("-", " ").replace("'", " ").split())


def _texte_html(phrase: str) -> str:
    """Une phrase (éventuellement sur plusieurs lignes) en HTML échappé."""
    return "<br>".join(echapper(ligne) for ligne in phrase.split("\n"))


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
    raise ValeurInvalide(f"Personnage inconnu : « {brut} ». Choisissez un rôle ({possibles}) "
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


class Portail:
    """Le portail de l'ENT dans un notebook (ou une page Voilà).

    :param ent: l'ENT simulé (``ENT.demo()``).
    :param poste: le poste de travail (son navigateur garde le cookie TGC).
    :param coulisses: afficher le panneau « coulisses » dès le départ.
    :param projection: démarrer en mode projection.

    Les méthodes sont celles qu'appellent les boutons (les tests les appellent directement) ;
    chacune rend la phrase française qui décrit son effet.
    """

    def __init__(self, ent, *, poste: str = POSTES[0], coulisses: bool = True,
                 projection: bool = False) -> None:
        if not hasattr(ent, "cas") or not hasattr(ent, "catalogue"):
            raise ValeurInvalide("Le portail s'ouvre sur un ENT simulé : écrivez "
                                 "Portail(ENT.demo()).")
        for nom, valeur in (("coulisses", coulisses), ("projection", projection)):
            if not isinstance(valeur, bool):
                raise ValeurInvalide(f"« {nom} » vaut True (affiché) ou False (masqué) : "
                                     f"par exemple Portail(ent, {nom}=False).")
        if not isinstance(poste, str) or not poste.strip():
            raise ValeurInvalide("« poste » est le nom d'un poste de travail, par exemple "
                                 f"« {POSTES[0]} ».")
        self.ent = ent
        self.poste = poste
        self.navigateur = ent.navigateur(poste)
        self.identifiant: str | None = None
        self.code_ouvert: str | None = None
        self.vue_service = None
        self.erreur_vue: Exception | None = None
        self.dernier_resultat = None
        self.projection = False
        self.historique: list[str] = []
        #: (identifiant, fin du blocage) du dernier compte bloqué vu sur ce poste
        self.blocage: tuple[str, object] | None = None
        self._en_synchro = False
        # -- widgets communs ---------------------------------------------------------------
        self.style = bloc_de_style()
        self.bandeau = bandeau(ent, poste)
        self.annonce = widgets.HTML()
        self.annonce.add_class(CLASSE_ANNONCE)
        self.personas = [r for r in ROLES_DEMO if PERSONAS[r].identifiant in
                         ent.etablissement.personnes]
        self.choix_role = widgets.Dropdown(
            options=[("— choisir un personnage —", "")]
            + [(libelle_persona(ent, r), r) for r in self.personas],
            value="", description="Voir en tant que :",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto", min_width="24em"))
        self.choix_role.observe(self._role_choisi, names="value")
        self.bouton_projection = widgets.ToggleButton(
            value=False, description="Mode projection : désactivé",
            tooltip="Texte agrandi et fort contraste, pour projeter en classe",
            layout=widgets.Layout(width="auto"))
        self.bouton_projection.observe(self._projection_choisie, names="value")
        self.bouton_coulisses = widgets.ToggleButton(
            value=coulisses, description="Coulisses : " + ("affichées" if coulisses
                                                           else "masquées"),
            tooltip="Montrer le cookie TGC, les tickets, les décisions et le journal",
            layout=widgets.Layout(width="auto"))
        self.bouton_coulisses.observe(self._coulisses_choisies, names="value")
        self.barre = widgets.Box(
            [self.choix_role, self.bouton_projection, self.bouton_coulisses],
            layout=widgets.Layout(display="flex", flex_flow="row wrap", align_items="center",
                                  margin="0.3em 0"))
        # -- page d'accueil ----------------------------------------------------------------
        self.accueil = PageAccueil(ent, connecter=self.se_connecter,
                                   activer=self.premiere_connexion,
                                   attendre=self.attendre_fin_du_blocage)
        # -- page du portail (après connexion) ---------------------------------------------
        self.entete = widgets.HTML()
        self.bouton_deconnexion = widgets.Button(
            description="Se déconnecter",
            tooltip="Ferme la session SSO et prévient chaque service ouvert")
        self.bouton_deconnexion.on_click(lambda _b: self.se_deconnecter())
        self.menu = widgets.VBox([], layout=widgets.Layout(width="19em", min_width="15em",
                                                           flex="0 0 auto"))
        self.menu.add_class(CLASSE_MENU)
        self.zone_service = widgets.VBox([], layout=widgets.Layout(flex="1 1 30em",
                                                                   min_width="0"))
        self.zone_service.add_class(CLASSE_ENCADRE)
        ligne_entete = widgets.Box(
            [self.entete, self.bouton_deconnexion],
            layout=widgets.Layout(display="flex", flex_flow="row wrap",
                                  justify_content="space-between", align_items="center"))
        self.page_portail = widgets.VBox([
            ligne_entete,
            widgets.Box([self.menu, self.zone_service],
                        layout=widgets.Layout(display="flex", flex_flow="row",
                                              align_items="flex-start", width="100%"))])
        self.tuiles: dict[str, widgets.Button] = {}
        # -- coulisses et assemblage -------------------------------------------------------
        self.coulisses = PanneauCoulisses(ent, self.navigateur, visible=coulisses)
        self.page = widgets.VBox([self.accueil.vue])
        self.vue = widgets.VBox([self.style, self.bandeau, self.barre, self.annonce, self.page,
                                 self.coulisses.vue],
                                layout=widgets.Layout(width="100%"))
        self.vue.add_class(CLASSE_PORTAIL)
        session = ent.cas.tgt_de(self.navigateur)
        if session is not None and session.etat == "active":
            self._entrer(session.identifiant)
            self._annoncer(f"Une session SSO est déjà ouverte sur ce poste pour "
                           f"{self._nom(session.identifiant)} : le portail s'ouvre sans "
                           "nouvelle saisie du mot de passe.")
        else:
            self._afficher_accueil()
            self._annoncer(MESSAGE_BIENVENUE)
        if projection:
            self.basculer_projection(True)

    # ======================================================================================
    # Connexion, première connexion, déconnexion
    # ======================================================================================
    def se_connecter(self, identifiant: str, mot_de_passe: str) -> str:
        """Envoie le formulaire de connexion au serveur CAS (le vrai service
        d'authentification vérifie le mot de passe, compte les échecs et journalise)."""
        if not isinstance(identifiant, str) or not identifiant.strip():
            return self._echec_connexion("Saisissez votre identifiant (prénom.nom).")
        if not isinstance(mot_de_passe, str):
            return self._echec_connexion("Saisissez votre mot de passe.")
        try:
            resultat = self.ent.cas.connexion(self.navigateur, identifiant.strip(),
                                              mot_de_passe)
        except ErreurENT as erreur:
            return self._echec_connexion(str(erreur))
        self.dernier_resultat = resultat
        if not resultat.ok:
            return self._echec_connexion(resultat.message,
                                         blocage=self._fin_de_blocage(identifiant.strip()))
        self.accueil.identifiant.value = ""
        self.accueil.message_connexion.value = ""
        self.accueil.vider()
        self._montrer_attente(None)
        self._entrer(resultat.identifiant)
        p = self.ent.etablissement.personne(resultat.identifiant)
        # Les détails techniques (cookie TGC, session SSO) sont dans les coulisses.
        return self._annoncer(
            f"✓ Connexion réussie : bienvenue, {p.nom_complet} ({p.profil.value}). Vos "
            "services s'ouvriront sans retaper le mot de passe.")

    def _fin_de_blocage(self, identifiant: str):
        """(identifiant, fin) si ce compte est bloqué en ce moment, sinon ``None``."""
        auth = self.ent.authentification
        if identifiant not in auth:
            return None
        compte = auth.compte(identifiant)
        if compte.etat is EtatCompte.BLOQUE and compte.bloque_jusqu_a is not None:
            return compte.identifiant, compte.bloque_jusqu_a
        return None

    def _montrer_attente(self, blocage) -> None:
        self.blocage = blocage
        self.accueil.montrer_attente(blocage is not None)

    def _echec_connexion(self, message: str, *, blocage=None) -> str:
        self.accueil.vider()
        phrase = f"✗ {message}"
        note = ""
        if blocage is not None:
            phrase += (f"\nL'horloge de l'ENT simulé n'avance pas toute seule : cliquez sur "
                       f"« {LIBELLE_ATTENTE} » pour l'avancer jusqu'à "
                       f"{blocage[1]:%H:%M}, puis reconnectez-vous.")
            note = f'<p style="margin:0.2em 0"><em>{echapper(NOTE_BLOCAGE)}</em></p>'
        self._montrer_attente(blocage)
        self.accueil.message_connexion.value = (f'<p role="alert"><strong>'
                                                f"{_texte_html(phrase)}</strong></p>{note}")
        return self._annoncer(phrase)

    def attendre_fin_du_blocage(self) -> str:
        """Avance l'horloge simulée jusqu'à la fin du blocage du compte bloqué sur ce poste
        (dans un vrai ENT, on attendrait ; ici le temps n'avance que sur demande)."""
        if self.blocage is None:
            return self._annoncer("Aucun compte n'est bloqué sur ce poste : il n'y a rien à "
                                  "attendre.")
        identifiant, fin = self.blocage
        avant = self.ent.horloge.maintenant()
        if fin > avant:
            self.ent.horloge.aller_a(fin)
        self.ent.authentification.compte(identifiant)    # constate (et trace) la levée
        self._montrer_attente(None)
        self.accueil.message_connexion.value = ""
        return self._annoncer(
            f"⏩ Horloge simulée avancée de {avant:%H:%M} à "
            f"{self.ent.horloge.maintenant():%H:%M} : le blocage du compte « {identifiant} » "
            "est terminé, vous pouvez réessayer de vous connecter.")

    def premiere_connexion(self, identifiant: str, code: str, mot_de_passe: str, *,
                           charte: bool = True, notice: bool = True,
                           confirmation: str | None = None) -> str:
        """Première connexion : code d'activation, charte, information sur les droits, choix
        du mot de passe (tous les problèmes listés ensemble) ; en cas de succès, connexion
        par le serveur CAS avec le nouveau mot de passe."""
        zone = self.accueil.pc_message
        if confirmation is not None and confirmation != mot_de_passe:
            phrase = ("✗ Activation refusée :\n• Les deux mots de passe saisis sont "
                      "différents : retapez le même mot de passe dans « Confirmation ».")
            self.accueil.vider()
            zone.value = f'<p role="alert">{_texte_html(phrase)}</p>'
            return self._annoncer(phrase)
        try:
            resultat = self.ent.authentification.activer(
                identifiant, code, mot_de_passe, charte_acceptee=charte,
                information_lue=notice, poste=self.poste)
        except ErreurENT as erreur:
            resultat = None
            phrase = f"✗ {erreur}"
        self.dernier_resultat = resultat if resultat is not None else self.dernier_resultat
        self.accueil.vider()
        if resultat is None or not resultat.ok:
            if resultat is not None:
                phrase = f"✗ {resultat.message}"
            zone.value = f'<p role="alert">{_texte_html(phrase)}</p>'
            return self._annoncer(phrase)
        zone.value = ""
        for champ in (self.accueil.pc_identifiant, self.accueil.pc_code):
            champ.value = ""
        self.accueil.pc_charte.value = self.accueil.pc_notice.value = False
        activation = f"✓ {resultat.message}"
        suite = self.se_connecter(resultat.identifiant, mot_de_passe)
        return self._annoncer(f"{activation}\n{suite}")

    def se_deconnecter(self) -> str:
        """Déconnexion unique : session SSO fermée, cookie TGC effacé, chaque service ouvert
        prévenu ; retour à la page d'accueil."""
        if self.identifiant is None:
            return self._annoncer("Personne n'est connecté sur ce poste.")
        resume = self._deconnexion_sso()
        self._afficher_accueil()
        return self._annoncer(resume)

    def _deconnexion_sso(self) -> str:
        nom = self._nom(self.identifiant)
        resultat = self.ent.cas.deconnexion(self.navigateur)
        self.dernier_resultat = resultat
        self.identifiant = None
        self.code_ouvert = None
        self.vue_service = None
        if not resultat.ok:
            return f"{nom} : {resultat.message}"
        services = [self.ent.catalogue.service(c).nom for c in resultat.services_notifies]
        prevenus = ((accorder(len(services), "service prévenu") + " (déconnexion unique) : "
                     + ", ".join(f"« {s} »" for s in services)) if services else
                    "aucun service n'avait de session ouverte")
        return (f"✓ Déconnexion de {nom} : session SSO fermée, cookie TGC effacé ; "
                f"{prevenus}.")

    # ======================================================================================
    # Les services
    # ======================================================================================
    def ouvrir(self, code: str) -> str:
        """Ouvre un service par le SSO : ticket émis par le serveur CAS puis validé par le
        service, sans nouvelle saisie du mot de passe ; affiche ensuite la vue du service."""
        if self.identifiant is None:
            return self._annoncer("Connectez-vous d'abord : les services s'ouvrent après la "
                                  "connexion.")
        try:
            service = self.ent.catalogue.service(code)
        except ErreurENT as erreur:
            return self._annoncer(f"⚠ {erreur}")
        resultat = self.ent.cas.ouvrir_service(self.navigateur, service.code)
        self.dernier_resultat = resultat
        self.code_ouvert = service.code
        self._marquer_tuile()
        if not resultat.ok and resultat.code in (IDENTIFICATION_DEMANDEE,
                                                 REAUTHENTIFICATION_DEMANDEE):
            nom = self._nom(self.identifiant)
            self.identifiant = self.code_ouvert = self.vue_service = None
            self._afficher_accueil()
            return self._annoncer(f"{resultat.message} La session SSO de {nom} n'est plus "
                                  "valable : reconnectez-vous.")
        if not resultat.ok:
            raison = resultat.raison or resultat.message
            phrase = (f"✗ Accès refusé à « {service.nom} » pour "
                      f"{self._nom(self.identifiant)} : {raison}")
            self.vue_service = None
            self.zone_service.children = [
                widgets.HTML(f"<h3>{echapper(service.nom)}</h3>"
                             f'<p role="alert"><strong>{_texte_html(phrase)}</strong></p>')]
            return self._annoncer(phrase)
        if resultat.code == SESSION_EXISTANTE:
            acces = (f"« {service.nom} » : une session est déjà ouverte dans ce service, "
                     f"accès direct (pas de nouveau ticket ; session ouverte par "
                     f"{resultat.ticket}).")
        else:
            acces = (f"« {service.nom} » ouvert sans retaper le mot de passe (ticket "
                     f"{resultat.ticket} : détails dans les coulisses).")
        if service.via_gar:
            acces += (" Ressources fournies par le GAR : aucune nouvelle connexion, et les "
                      "éditeurs ne reçoivent que les données strictement nécessaires.")
        return self._annoncer(self._montrer_service(service, acces))

    def _contexte(self) -> ContexteVue:
        return ContexteVue(self.ent, self.identifiant or "", poste=self.poste,
                           projection=self.projection, annoncer=self._annonce_de_vue)

    def _montrer_service(self, service, acces: str) -> str:
        """Construit la vue du service (vue dédiée, sinon sa fiche du catalogue) ; rend la
        phrase d'accès, complétée si la vue dédiée a dû être remplacée par la fiche."""
        self.erreur_vue = None
        try:
            vue = classe_de_vue(service.code)(self._contexte(), service.code)
        except Exception as erreur:  # une vue en défaut ne doit pas bloquer la classe
            self.erreur_vue = erreur
            vue = VueFiche(self._contexte(), service.code)
            acces += (" (La vue détaillée n'a pas pu s'afficher ; voici la fiche du "
                      "service.)")
        self.vue_service = vue
        if isinstance(vue, VueFiche):       # la fiche ne s'agrandit pas : le portail le fait
            self.zone_service.remove_class(CLASSE_VUE_AUTONOME)
        else:
            self.zone_service.add_class(CLASSE_VUE_AUTONOME)
        self.zone_service.children = [vue.vue]
        return acces

    def _annonce_de_vue(self, phrase: str) -> None:
        """Écho des actions faites dans la vue d'un service."""
        self._annoncer(phrase)

    # ======================================================================================
    # Changer de rôle
    # ======================================================================================
    def changer_de_role(self, role_ou_identifiant: str) -> str:
        """Déconnecte la personne connectée puis connecte le personnage choisi (avec son mot
        de passe de démonstration, par le vrai serveur CAS, sur le même navigateur) et
        rouvre le même service s'il y a droit — sinon affiche le refus."""
        try:
            role, identifiant = resoudre_role(role_ou_identifiant)
        except ErreurENT as erreur:
            return self._annoncer(f"⚠ {erreur}")
        mot_de_passe = MOTS_DE_PASSE_DEMO.get(role)
        if mot_de_passe is None:
            return self._annoncer(f"⚠ {self._nom(identifiant)} n'a pas de mot de passe de "
                                  "démonstration.")
        code = self.code_ouvert
        phrases = []
        if self.identifiant is not None:
            phrases.append(self._deconnexion_sso())
        connexion = self.se_connecter(identifiant, mot_de_passe)
        if self.identifiant != identifiant:      # compte bloqué, mot de passe changé…
            self._afficher_accueil()
            return self._annoncer("\n".join(phrases + [connexion]))
        phrases.append(f"Vous voyez maintenant l'ENT en tant "
                       f"{que(libelle_persona(self.ent, role))}.")
        if code is not None:
            phrases.append(self.ouvrir(code))
        return self._annoncer("\n".join(phrases))

    def _role_choisi(self, changement) -> None:
        if self._en_synchro or not changement["new"]:
            return
        self.changer_de_role(changement["new"])

    def _synchroniser_role(self) -> None:
        """Met la liste « Voir en tant que » sur le personnage connecté (ou sur rien)."""
        valeur = ""
        for role in self.personas:
            if PERSONAS[role].identifiant == self.identifiant:
                valeur = role
        with self._synchro():
            self.choix_role.value = valeur

    # ======================================================================================
    # Mode projection, coulisses
    # ======================================================================================
    def basculer_projection(self, active: bool) -> str:
        """Mode projection (texte agrandi, fort contraste) : un seul interrupteur."""
        if not isinstance(active, bool):
            raise ValeurInvalide("Le mode projection s'active avec True et se désactive avec "
                                 "False.")
        self.projection = active
        with self._synchro():
            self.bouton_projection.value = active
        self.bouton_projection.description = ("Mode projection : activé" if active
                                              else "Mode projection : désactivé")
        if active:
            self.vue.add_class(CLASSE_PROJECTION)
        else:
            self.vue.remove_class(CLASSE_PROJECTION)
        if self.vue_service is not None and self.code_ouvert is not None:
            # les vues lisent « projection » à leur construction : on la reconstruit
            self._montrer_service(self.ent.catalogue.service(self.code_ouvert), "")
        return self._annoncer("Mode projection activé : texte agrandi, fort contraste."
                              if active else "Mode projection désactivé : affichage normal.")

    def _projection_choisie(self, changement) -> None:
        if not self._en_synchro:
            self.basculer_projection(bool(changement["new"]))

    def montrer_coulisses(self, visible: bool) -> str:
        """Affiche ou masque le panneau « coulisses »."""
        if not isinstance(visible, bool):
            raise ValeurInvalide("Les coulisses s'affichent avec True et se masquent avec "
                                 "False.")
        with self._synchro():
            self.bouton_coulisses.value = visible
        self.bouton_coulisses.description = ("Coulisses : affichées" if visible
                                             else "Coulisses : masquées")
        return self._annoncer(self.coulisses.montrer(visible))

    def _coulisses_choisies(self, changement) -> None:
        if not self._en_synchro:
            self.montrer_coulisses(bool(changement["new"]))

    @contextmanager
    def _synchro(self) -> Iterator[None]:
        """Change un widget sans relancer son observateur."""
        avant, self._en_synchro = self._en_synchro, True
        try:
            yield
        finally:
            self._en_synchro = avant

    # ======================================================================================
    # Affichage
    # ======================================================================================
    def _nom(self, identifiant: str | None) -> str:
        if identifiant is None:
            return "personne"
        try:
            return self.ent.etablissement.personne(identifiant).nom_complet
        except ErreurENT:
            return identifiant

    def _annoncer(self, phrase: str) -> str:
        """Écrit l'effet d'une action en toutes lettres (zone lue par les lecteurs d'écran)."""
        self.historique.append(phrase)
        self.annonce.value = (f'<div role="status" aria-live="polite" style="font-size:'
                              f'{taille_texte(self.projection)}">{_texte_html(phrase)}</div>')
        return phrase

    def _afficher_accueil(self) -> None:
        self.tuiles = {}
        self.menu.children = []
        self.zone_service.children = []
        self.page.children = [self.accueil.vue]
        self._synchroniser_role()

    def _entrer(self, identifiant: str) -> None:
        """Affiche le portail de la personne connectée : en-tête et tuiles de son profil."""
        self.identifiant = identifiant
        self.code_ouvert = None
        self.vue_service = None
        p = self.ent.etablissement.personne(identifiant)
        details = [p.profil.value]
        if p.fonctions:
            details.append(", ".join(sorted(f.value for f in p.fonctions)))
        if isinstance(p, Eleve):
            details.append(f"classe {p.classe}")
        elif isinstance(p, Parent) and p.enfants:
            details.append("responsable de " + ", ".join(
                self.ent.etablissement.personne(e).nom_complet for e in p.enfants))
        self.entete.value = (f'<div style="font-size:1.2em"><strong>{echapper(p.nom_complet)}'
                             f"</strong> — {echapper(' · '.join(details))}</div>")
        self._construire_tuiles(p.profil)
        services = self.ent.catalogue.pour_profil(p.profil)
        self.zone_service.children = [widgets.HTML(
            f"<h3>Bienvenue, {echapper(p.prenom)}</h3><p>Choisissez un service dans la liste "
            f"(profil {echapper(p.profil.value)} : {len(services)} services). Il s'ouvrira "
            "sans nouvelle saisie de votre mot de passe : c'est l'authentification unique "
            "(SSO).</p>")]
        self.page.children = [self.page_portail]
        self._synchroniser_role()

    def _construire_tuiles(self, profil) -> None:
        autorises = {s.code for s in self.ent.catalogue.pour_profil(profil)}
        enfants: list[widgets.Widget] = []
        self.tuiles = {}
        for services in self.ent.catalogue.par_famille().values():
            visibles = [s for s in services if s.code in autorises]
            if not visibles:
                continue
            enfants.append(widgets.HTML(
                f'<h4 style="margin:0.5em 0 0.1em 0">'
                f"{echapper(visibles[0].libelle_famille)}</h4>"))
            for s in visibles:
                usage = {"lecture": "consultation", "ecriture": "consultation et écriture"}.get(
                    s.usage(profil), "")
                tuile = widgets.Button(
                    description=s.nom + (" — via le GAR" if s.via_gar else ""),
                    tooltip=f"{s.description} (usage : {usage})",
                    layout=widgets.Layout(width="100%"))
                tuile.add_class(CLASSE_TUILE)
                tuile.on_click(lambda _b, code=s.code: self.ouvrir(code))
                self.tuiles[s.code] = tuile
                enfants.append(tuile)
        self.menu.children = [widgets.HTML("<h3 style=\"margin:0.2em 0\">Mes services</h3>")] \
            + enfants

    def _marquer_tuile(self) -> None:
        """La tuile du service ouvert : un symbole ▶, du gras et une couleur (jamais la
        couleur seule)."""
        for code, tuile in self.tuiles.items():
            nom = self.ent.catalogue.service(code)
            texte = nom.nom + (" — via le GAR" if nom.via_gar else "")
            if code == self.code_ouvert:
                tuile.description = f"▶ {texte} (ouvert)"
                tuile.button_style = "primary"
                tuile.add_class(CLASSE_TUILE_ACTIVE)
            else:
                tuile.description = texte
                tuile.button_style = ""
                tuile.remove_class(CLASSE_TUILE_ACTIVE)

    @property
    def page_courante(self) -> str:
        """``"accueil"`` ou ``"portail"``."""
        return "portail" if self.identifiant is not None else "accueil"

    def texte(self) -> str:
        """Ce que montre le portail, en texte brut (lecteurs d'écran, tests)."""
        etab = self.ent.etablissement
        lignes = [f"ENT — {etab.nom} ({etab.commune}) — poste : {self.poste}",
                  "Mode projection : " + ("activé" if self.projection else "désactivé")]
        if self.historique:
            lignes.append(f"Annonce : {self.historique[-1]}")
        if self.identifiant is None:
            lignes.append("Page d'accueil")
            lignes.append(self.accueil.texte())
        else:
            lignes.append(f"Personne connectée : {html.unescape(_sans_balises(self.entete.value))}")
            lignes.append("Mes services :")
            profil = etab.personne(self.identifiant).profil
            autorises = {s.code for s in self.ent.catalogue.pour_profil(profil)}
            for services in self.ent.catalogue.par_famille().values():
                visibles = [s for s in services if s.code in autorises]
                if visibles:
                    lignes.append(f"  {visibles[0].libelle_famille} : "
                                  + ", ".join(self.tuiles[s.code].description
                                              for s in visibles))
            if self.vue_service is not None:
                nom = self.ent.catalogue.service(self.code_ouvert).nom
                lignes.append(f"Service ouvert : {nom}")
                lignes.append(self.vue_service.texte())
            elif self.code_ouvert is not None and self.historique:
                lignes.append(self.historique[-1])
        if self.coulisses.visible:
            lignes.append(self.coulisses.texte())
        return "\n".join(lignes)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.vue)

    def fermer(self) -> None:
        """Détache le panneau « coulisses » du journal (le portail ne suit plus la session)."""
        self.coulisses.fermer()


def _sans_balises(texte: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", texte)


# ==========================================================================================
# La même donnée vue par chaque rôle
# ==========================================================================================

#: Les ressources qu'on peut comparer, par service : genre de cible, fabrique de
#: :class:`Ressource` et action de la vue qui affiche la cible.
_RESSOURCES = {
    "notes": ("eleve", Ressource.notes_de, "choisir_eleve"),
    "absences": ("eleve", Ressource.absences_de, "choisir_eleve"),
    "cahier_de_textes": ("classe", Ressource.cahier_de_textes_de, "choisir_classe"),
    "emploi_du_temps": ("classe", Ressource.emploi_du_temps_de, "choisir"),
}


def personnaliser_raison(raison: str, nom: str) -> str:
    """Remplace le sujet générique d'une raison (« Le CPE y a accès… ») par la personne et
    sa fonction (« Isabelle Moreau (CPE) y a accès… ») : pas d'accord à deviner."""
    for sujet, court in ROLES.values():
        if raison.startswith(sujet + " "):
            return f"{nom} ({court}){raison[len(sujet):]}"
    return raison


@dataclass(frozen=True)
class VueParRole:
    """Ce qu'un personnage peut voir d'une même ressource."""

    role: str
    identifiant: str
    nom: str
    autorise: bool
    raison: str
    contenu: str          # le texte de la vue du service (seulement pour le premier autorisé)

    @property
    def symbole(self) -> str:
        """✓ / ✗ toujours accompagné d'un mot."""
        return "✓ autorisé" if self.autorise else "✗ refusé"


def _roles_demandes(roles: object) -> list[str]:
    """Les rôles comparés : une liste de rôles, ou un seul rôle écrit en texte."""
    if isinstance(roles, str):
        roles = [roles]
    if not isinstance(roles, (list, tuple)) or not roles:
        raise ValeurInvalide("« roles » est une liste de personnages, par exemple "
                             "[\"eleve\", \"mere\", \"autre_parent\"], ou un seul "
                             "personnage, par exemple \"mere\".", code="roles_invalides")
    resolus: list[str] = []
    for role in roles:
        cle, _identifiant = resoudre_role(role)     # personnage inconnu : message français
        if cle not in resolus:
            resolus.append(cle)
    return resolus


class MemeActionParRole:
    """Une même ressource (les notes de Léa, le cahier de textes de TSTMG1…) et, pour chaque
    rôle, la décision du service d'autorisation (avec sa raison). Le contenu n'est montré
    qu'une fois : celui que voit le premier personnage autorisé.

    Arrêté ENT du 30 novembre 2006, article 4, et avis de la CNIL (document 1) : « un parent
    d'élève ne peut avoir accès qu'aux seules informations relatives à la vie scolaire de son
    enfant ». La décision vient de :meth:`entsim.autorisation.service.Autorisation.evaluer` (sans
    écriture au journal : c'est une comparaison) ; le contenu vient de la vue du service,
    construite pour le premier personnage autorisé (ses lectures sont, elles, réelles et
    tracées comme dans le service).

    :param service: ``"notes"``, ``"absences"``, ``"cahier_de_textes"`` ou
        ``"emploi_du_temps"``.
    :param cible: l'élève (identifiant) ou la classe (code) concerné ; par défaut Léa Martin
        ou sa classe.
    :param roles: les personnages comparés (clés de ``PERSONAS``, alias comme ``"parent"``,
        ou identifiants) ; un seul personnage peut s'écrire en texte.
    """

    def __init__(self, ent, service: str = "notes", cible: str | None = None, *,
                 roles: Sequence[str] | str = ROLES_DEMO, poste: str = POSTES[0]) -> None:
        if not hasattr(ent, "catalogue") or not hasattr(ent, "autorisation"):
            raise ValeurInvalide("La comparaison porte sur un ENT simulé : écrivez "
                                 "MemeActionParRole(ENT.demo(), \"notes\").")
        possibles = ", ".join(f"« {c} »" for c in _RESSOURCES)
        if not isinstance(service, str):
            raise ValeurInvalide(f"La comparaison par rôle porte sur {possibles}.",
                                 code="service_non_comparable")
        code = ent.catalogue.service(service).code
        if code not in _RESSOURCES:
            raise ValeurInvalide(f"La comparaison par rôle porte sur {possibles} (reçu : "
                                 f"« {service} »).", code="service_non_comparable")
        genre, fabrique, methode = _RESSOURCES[code]
        if cible is None:
            cible = PERSONAS["eleve"].identifiant if genre == "eleve" else CLASSE_DEMO
        if not isinstance(cible, str):
            raise ValeurInvalide("La cible est l'identifiant d'un élève (« lea.martin ») ou "
                                 "le code d'une classe (« TSTMG1 »).", code="cible_invalide")
        if genre == "eleve":
            if not isinstance(ent.etablissement.personne(cible), Eleve):
                raise ValeurInvalide(f"« {cible} » n'est pas un élève : la comparaison des "
                                     f"{ent.catalogue.service(code).nom.lower()} porte sur "
                                     "un élève.", code="cible_invalide")
        elif cible not in ent.etablissement.classes:
            raise Introuvable(f"Classe inconnue : « {cible} ».")
        roles_compares = _roles_demandes(roles)
        self.ent, self.code, self.cible, self.poste = ent, code, cible, poste
        self.ressource = fabrique(cible)
        self._methode = methode
        self.lignes: list[VueParRole] = []
        for role in roles_compares:
            montrer = not any(l.autorise for l in self.lignes)
            self.lignes.append(self._voir(role, avec_contenu=montrer))
        nom_service = ent.catalogue.service(code).nom
        self.objet = ent.autorisation.decrire(self.ressource)
        self.titre = f"« {nom_service} » — {self.objet} : qui peut voir quoi ?"
        premier = next((l for l in self.lignes if l.autorise), None)
        self.contenu = premier.contenu if premier is not None else ""
        self.vu_par = (ent.etablissement.personne(premier.identifiant).nom_complet
                       if premier is not None else None)
        blocs = [widgets.HTML(f"<h3>{echapper(self.titre)}</h3>")]
        blocs.append(widgets.HTML(tableau_html(
            ["Personnage", "Décision", "Pourquoi"],
            [(l.nom, l.symbole, l.raison) for l in self.lignes],
            legende="La décision du service d'autorisation pour chaque rôle")))
        if premier is not None:
            case = widgets.HTML(
                f"<h4 style=\"margin:0.2em 0\">{echapper(self._titre_contenu())}</h4>"
                f'<pre style="white-space:pre-wrap;margin:0.3em 0;max-height:24em;'
                f'overflow:auto">{echapper(self.contenu)}</pre>')
            case.add_class(CLASSE_ENCADRE)
            blocs.append(case)
        self.vue = widgets.VBox(blocs)
        self.vue.add_class(CLASSE_PORTAIL)

    def _titre_contenu(self) -> str:
        return (f"Ce que montre le service à {self.vu_par} (chaque personnage autorisé "
                "voit ces données dans la limite de ses droits) :")

    def _voir(self, role: str, *, avec_contenu: bool) -> VueParRole:
        identifiant = PERSONAS[role].identifiant
        nom = libelle_persona(self.ent, role)
        personne = self.ent.etablissement.personne(identifiant).nom_complet
        decision = self.ent.autorisation.evaluer(identifiant, Action.LIRE, self.ressource)
        raison = personnaliser_raison(decision.raison, personne)
        if not decision.autorise or not avec_contenu:
            return VueParRole(role, identifiant, nom, decision.autorise, raison, "")
        try:
            vue = classe_de_vue(self.code)(
                ContexteVue(self.ent, identifiant, poste=self.poste), self.code)
            choisir = getattr(vue, self._methode, None)
            if callable(choisir):
                choisir(self.cible)
            contenu = vue.texte()
        except ErreurENT as erreur:
            contenu = f"⚠ {erreur}"
        return VueParRole(role, identifiant, nom, True, raison, contenu)

    def texte(self) -> str:
        lignes = [self.titre]
        lignes += [f"{l.nom} : {l.symbole} — {l.raison}" for l in self.lignes]
        if self.vu_par is not None:
            lignes.append(self._titre_contenu())
            lignes += [f"    {rang}" for rang in self.contenu.splitlines()]
        else:
            lignes.append("Aucun des personnages comparés n'y a accès.")
        return "\n".join(lignes)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.vue)


__all__ = ["ALIAS_ROLES", "DESCRIPTIONS_ROLES", "LIBELLE_ATTENTE", "MemeActionParRole",
           "NOTE_BLOCAGE", "Portail", "ROLES_DEMO", "VueParRole", "libelle_persona",
           "personnaliser_raison", "que", "resoudre_role"]
