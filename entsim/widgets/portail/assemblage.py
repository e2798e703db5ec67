"""Le portail assemblé : :class:`Portail` réunit ses parties et crée ses widgets.

Les parties (chacune dans son module) : la connexion et la première connexion
(:mod:`~entsim.widgets.portail.connexion`), les tuiles et l'ouverture d'un service par le SSO
(:mod:`~entsim.widgets.portail.tuiles`), la barre « Voir en tant que », projection, coulisses
(:mod:`~entsim.widgets.portail.barre`). Ce module les assemble dans une seule vue : bandeau,
barre, zone d'annonce, page (accueil ou portail) et panneau des coulisses ; il rend aussi
tout ce que montre le portail en texte brut (:meth:`Portail.texte`, lecteurs d'écran et
tests).
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from entsim.ent import POSTES
from entsim.socle.erreurs import ValeurInvalide
from entsim.widgets.accueil import PageAccueil, bandeau
from entsim.widgets.coulisses import PanneauCoulisses
from entsim.widgets.cours import projection_active, suivre_projection
from entsim.widgets.portail.barre import Barre
from entsim.widgets.portail.base import sans_balises
from entsim.widgets.portail.connexion import MESSAGE_BIENVENUE, Connexion
from entsim.widgets.portail.tuiles import Tuiles
from entsim.widgets.repli import AvecRepli
from entsim.widgets.style import (
    CLASSE_ANNONCE,
    CLASSE_ENCADRE,
    CLASSE_MENU,
    CLASSE_PORTAIL,
    CLASSE_ZONE_SERVICE,
    bloc_de_style,
)


class Portail(Connexion, Tuiles, Barre, AvecRepli):
    """Le portail de l'ENT dans un notebook (ou une page Voilà).

    :param ent: l'ENT simulé (``ENT.demo()``).
    :param poste: le poste de travail (son navigateur garde le cookie TGC).
    :param coulisses: afficher le panneau « coulisses » dès le départ.
    :param projection: ``None`` (par défaut) : suivre le mode projection du cours
        (:func:`entsim.widgets.commencer`, retenu pour la session) ; ``True``/``False`` :
        démarrer ce portail ainsi, sans changer le mode du cours. Ensuite, le bouton du
        portail et la barre du cours changent le même mode.

    Les méthodes sont celles qu'appellent les boutons (les tests les appellent directement) ;
    chacune rend la phrase française qui décrit son effet.
    """

    def __init__(self, ent, *, poste: str = POSTES[0], coulisses: bool = True,
                 projection: bool | None = None) -> None:
        if not hasattr(ent, "cas") or not hasattr(ent, "catalogue"):
            raise ValeurInvalide("Le portail s'ouvre sur un ENT simulé : écrivez "
                                 "Portail(ENT.demo()).")
        for nom, valeur in (("coulisses", coulisses), ("projection", projection)):
            if not isinstance(valeur, bool) and not (nom == "projection" and valeur is None):
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
        self._construire_barre(coulisses=coulisses)
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
        self.zone_service.add_class(CLASSE_ZONE_SERVICE)
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
            self._annoncer(MESSAGE_BIENVENUE)
        suivre_projection(self._suivre_projection)
        if projection is None:
            projection = projection_active()
        if projection:
            self._suivre_projection(True)

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
            lignes.append(f"Personne connectée : {html.unescape(sans_balises(self.entete.value))}")
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

    NOM_AFFICHE = "Portail de l'ENT"

    def fermer(self) -> None:
        """Détache le panneau « coulisses » du journal (le portail ne suit plus la session)."""
        self.coulisses.fermer()


__all__ = ["Portail"]
