"""La barre du portail : « Voir en tant que » (changer de rôle), le mode projection et les
coulisses.

Changer de rôle ne contourne rien : la personne connectée est déconnectée (déconnexion
unique), puis le personnage choisi se connecte avec son mot de passe de démonstration par le
vrai serveur CAS, sur le même navigateur, et le même service est rouvert s'il y a droit —
sinon le refus du service d'autorisation s'affiche. Le bouton « Mode projection » est le même
interrupteur que celui de la barre du cours (``commencer()``, :mod:`entsim.widgets.cours`) :
il agrandit le texte de tout le cours et, dans le portail, renforce le contraste. Les
coulisses montrent le cookie TGC, les tickets, les décisions et le journal
(:class:`entsim.widgets.coulisses.PanneauCoulisses`).
"""

from __future__ import annotations

import ipywidgets as widgets

from entsim.ent import MOTS_DE_PASSE_DEMO
from entsim.etablissement.generation import PERSONAS
from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.widgets.coulisses import PanneauCoulisses
from entsim.widgets.cours import choisir_projection
from entsim.widgets.portail.base import BaseDuPortail, action_du_portail
from entsim.widgets.portail.roles import ROLES_DEMO, libelle_persona, que, resoudre_role
from entsim.widgets.style import CLASSE_PROJECTION


class Barre(BaseDuPortail):
    """La partie « réglages » du portail : la liste des personnages et les deux
    interrupteurs (projection, coulisses), avec ce qu'ils déclenchent."""

    vue: widgets.VBox
    coulisses: PanneauCoulisses
    #: les personnages de :data:`ROLES_DEMO` présents dans l'établissement
    personas: list[str]
    choix_role: widgets.Dropdown
    bouton_projection: widgets.ToggleButton
    bouton_coulisses: widgets.ToggleButton
    barre: widgets.Box

    def _construire_barre(self, *, coulisses: bool) -> None:
        """Crée la liste « Voir en tant que » et les deux interrupteurs."""
        self.personas = [r for r in ROLES_DEMO if PERSONAS[r].identifiant in
                         self.ent.etablissement.personnes]
        self.choix_role = widgets.Dropdown(
            options=[("— choisir un personnage —", "")]
            + [(libelle_persona(self.ent, r), r) for r in self.personas],
            value="", description="Voir en tant que :",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto", min_width="24em"))
        self.choix_role.observe(self._role_choisi, names="value")
        self.bouton_projection = widgets.ToggleButton(
            value=False, description="Mode projection : désactivé",
            tooltip="Le mode projection de tout le cours (le même que la barre de "
                    "commencer()) ; ici, en plus, fort contraste",
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

    # -- changer de rôle ------------------------------------------------------------------
    @action_du_portail
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

    # -- mode projection, coulisses --------------------------------------------------------
    def basculer_projection(self, active: bool) -> str:
        """Le mode projection du cours (texte agrandi ; ici, en plus, fort contraste) : un
        seul interrupteur. Ce bouton et la barre de ``commencer()`` changent le même mode
        (:func:`entsim.widgets.cours.choisir_projection`) : tous les portails et toutes
        les barres du noyau le suivent."""
        if not isinstance(active, bool):
            raise ValeurInvalide("Le mode projection s'active avec True et se désactive avec "
                                 "False.")
        choisir_projection(active)
        if self.projection != active:         # pas abonné (ne devrait pas arriver)
            self._suivre_projection(active)
        return self.historique[-1]

    @action_du_portail
    def _suivre_projection(self, active: bool) -> str:
        """Applique le mode projection à ce portail (appelé à chaque choix du cours)."""
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

    @action_du_portail
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


__all__ = ["Barre"]
