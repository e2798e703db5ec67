"""Les tuiles des services du profil connecté, et l'ouverture d'un service par le SSO.

Un clic sur une tuile ouvre le service par le SSO
(:meth:`entsim.sso.serveur.ServeurCAS.ouvrir_service`) : redirection vers le serveur CAS,
décision du service d'autorisation, ticket de service émis puis validé par le service, sans
nouvelle saisie du mot de passe (CAS 3.0, sections 2.1 à 2.5) ; le médiacentre (ressources du
GAR) s'ouvre de même, sans nouvelle connexion. Seuls les services du profil connecté ont une
tuile, rangés par famille comme dans le catalogue de l'ENT ; la tuile du service ouvert porte
un symbole ▶ et du gras, jamais la couleur seule.
"""

from __future__ import annotations

import ipywidgets as widgets

from entsim.etablissement.annuaire import Eleve, Parent
from entsim.socle.erreurs import ErreurENT
from entsim.sso.reponses import (IDENTIFICATION_DEMANDEE, REAUTHENTIFICATION_DEMANDEE,
                                 SESSION_EXISTANTE)
from entsim.widgets.accueil import PageAccueil
from entsim.widgets.mise_en_forme import echapper
from entsim.widgets.portail.base import (BaseDuPortail, action_du_portail,
                                        classe_de_vue_du_portail, texte_html)
from entsim.widgets.style import (CLASSE_MENU_BAS, CLASSE_TUILE, CLASSE_TUILE_ACTIVE,
                                  CLASSE_VUE_AUTONOME)
from entsim.widgets.vues import ContexteVue
from entsim.widgets.vues.fiche import VueFiche


class Tuiles(BaseDuPortail):
    """La partie « services » du portail : la page de la personne connectée (en-tête,
    tuiles de son profil) et la zone où s'affiche la vue du service ouvert."""

    accueil: PageAccueil
    #: la page affichée : la page d'accueil ou la page du portail
    page: widgets.VBox
    page_portail: widgets.VBox
    entete: widgets.HTML
    menu: widgets.VBox
    zone_service: widgets.VBox
    tuiles: dict[str, widgets.Button]
    #: l'erreur d'une vue dédiée remplacée par la fiche du service (pour les développeurs)
    erreur_vue: Exception | None

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
        couleur seule). Si elle est dans la moitié basse de la liste, la colonne des tuiles
        s'allonge d'un espace vide (classe :data:`CLASSE_MENU_BAS`) : le service ouvert,
        collé en haut de l'écran, a la place d'y rester en entier à côté de la tuile."""
        codes = list(self.tuiles)
        if self.code_ouvert in codes and codes.index(self.code_ouvert) >= len(codes) / 2:
            self.menu.add_class(CLASSE_MENU_BAS)
        else:
            self.menu.remove_class(CLASSE_MENU_BAS)
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

    @action_du_portail
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
                             f'<p role="alert"><strong>{texte_html(phrase)}</strong></p>')]
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
            vue = classe_de_vue_du_portail(service.code)(self._contexte(), service.code)
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


__all__ = ["Tuiles"]
