"""La page d'accueil du portail : connexion, première connexion, information sur les droits.

Avis de la CNIL du 27 avril 2006 sur les ENT (document 1 de la leçon) : chaque responsable
d'établissement doit « informer les utilisateurs des ENT sur leurs droits au regard de la loi
informatique et libertés. Cette information doit être prévue sur la page d'accueil du portail
ENT et lors de la phase de création d'un compte ENT. » La notice est donc toujours visible
sur la page d'accueil, et la première connexion exige de l'avoir lue
(:meth:`entsim.authentification.service.Authentification.activer`, ``information_lue``).

Contenu de la notice (RGPD, article 13 : identité du responsable, coordonnées du délégué à la
protection des données, finalités, destinataires, durée de conservation, droits, réclamation
auprès de la CNIL) ; responsable du traitement : le chef d'établissement (avis CNIL 2006,
leçon CERTA, question 8) ; conservation : arrêté du 30 novembre 2006 modifié, article 6
(suppression au plus tard trois mois après le départ) et recommandation de la CNIL sur la
journalisation (journaux : 6 mois à 1 an) ; droits : accès, rectification, effacement,
limitation, opposition et leurs limites pour une mission d'intérêt public (RGPD, articles 15
à 18 et 21, 17.3.b, 20.3) ; registre des traitements (RGPD, article 30) ; DPO de l'académie
(RGPD, art. 37.1.a). Le texte est celui de :mod:`entsim.rgpd.notice` (une seule source).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from entsim.rgpd.notice import RubriqueNotice, notice_texte, rubriques_du_portail
from entsim.rgpd.registre import adresse_dpd
from entsim.widgets.mise_en_forme import echapper
from entsim.widgets.repli import AvecRepli
from entsim.widgets.style import CLASSE_BANDEAU, CLASSE_ENCADRE

_LARGE = {"description_width": "initial"}


def notice_information(ent) -> tuple[RubriqueNotice, ...]:
    """La notice d'information sur les droits, remplie avec l'établissement de l'ENT : celle
    de :func:`entsim.rgpd.notice.rubriques_du_portail` (RGPD, art. 13 complet), pour que la
    page d'accueil et les outils RGPD affichent le même texte."""
    return rubriques_du_portail(ent)


def notice_html(rubriques: tuple[RubriqueNotice, ...]) -> str:
    """La notice en HTML (chaque texte échappé)."""
    corps = "".join(f'<h4 style="margin:0.5em 0 0.1em 0">{echapper(r.titre)}</h4>'
                    f'<p style="margin:0 0 0.2em 0">{echapper(r.texte)}</p>'
                    for r in rubriques)
    return ('<h3 style="margin:0.2em 0">Information sur vos droits (Informatique et '
            f"Libertés, RGPD)</h3>{corps}")


#: La charte d'utilisation de l'ENT, en résumé (ce que l'utilisateur accepte à la première
#: connexion).
CHARTE_UTILISATION: tuple[str, ...] = (
    "J'utilise l'ENT pour le travail scolaire et la vie de l'établissement.",
    "Mon identifiant et mon mot de passe sont personnels : je ne les communique à personne "
    "et je me déconnecte sur un poste partagé.",
    "Je respecte les autres : pas d'insulte, de moquerie ni de publication de la photo ou "
    "des informations d'une personne sans son accord.",
    "Je sais que mes accès sont enregistrés dans un journal et que les publications "
    "peuvent être modérées.",
    "Je signale à un adulte de l'établissement tout contenu choquant ou tout usage anormal "
    "de mon compte.",
)


class PageAccueil(AvecRepli):
    """La page d'accueil : formulaire de connexion, première connexion, notice sur les droits.

    Les boutons appellent les fonctions reçues (le portail fait le travail, avec le vrai
    serveur CAS et le vrai service d'authentification) :

    * ``connecter(identifiant, mot_de_passe)`` ;
    * ``activer(identifiant, code, mot_de_passe, confirmation, charte, notice)`` ;
    * ``attendre()`` : quand un compte est bloqué, le bouton « Attendre la fin du blocage
      (horloge simulée) » fait avancer l'horloge simulée (elle n'avance pas toute seule).
    """

    NOM_AFFICHE = "Page d'accueil de l'ENT"

    def __init__(self, ent, *, connecter: Callable[[str, str], object],
                 activer: Callable[..., object],
                 attendre: Callable[[], object] | None = None) -> None:
        self.ent = ent
        self.rubriques = notice_information(ent)
        # -- connexion ---------------------------------------------------------------------
        self.identifiant = widgets.Text(description="Identifiant :", style=_LARGE,
                                        placeholder="prénom.nom")
        self.mot_de_passe = widgets.Password(description="Mot de passe :", style=_LARGE)
        self.bouton_connexion = widgets.Button(description="Se connecter",
                                               button_style="primary",
                                               tooltip="Envoyer l'identifiant et le mot de "
                                                       "passe au serveur d'authentification")
        self.bouton_connexion.on_click(
            lambda _b: connecter(self.identifiant.value, self.mot_de_passe.value))
        self.message_connexion = widgets.HTML()
        self.bouton_attente = widgets.Button(
            description="Attendre la fin du blocage (horloge simulée)",
            tooltip="L'horloge de l'ENT simulé n'avance pas toute seule : ce bouton l'avance "
                    "jusqu'à la fin du blocage du compte",
            layout=widgets.Layout(width="auto", display="none"))
        if attendre is not None:
            self.bouton_attente.on_click(lambda _b: attendre())
        conseil = ("Ne communiquez jamais votre mot de passe, même à un camarade ou à un "
                   "adulte de l'établissement.")
        self.boite_connexion = widgets.VBox([
            widgets.HTML("<h3 style=\"margin:0.2em 0\">Connexion</h3>"),
            self.identifiant, self.mot_de_passe, self.bouton_connexion,
            self.message_connexion, self.bouton_attente,
            widgets.HTML(f"<p><em>{echapper(conseil)}</em></p>"),
        ])
        self.boite_connexion.add_class(CLASSE_ENCADRE)
        # -- première connexion ------------------------------------------------------------
        self.pc_identifiant = widgets.Text(description="Identifiant :", style=_LARGE)
        self.pc_code = widgets.Text(description="Code d'activation :", style=_LARGE,
                                    placeholder="reçu de l'établissement")
        self.pc_mot_de_passe = widgets.Password(description="Nouveau mot de passe :",
                                                style=_LARGE)
        self.pc_confirmation = widgets.Password(description="Confirmation :", style=_LARGE)
        self.pc_charte = widgets.Checkbox(
            description="J'accepte la charte d'utilisation de l'ENT", indent=False,
            value=False)
        self.pc_notice = widgets.Checkbox(
            description="J'ai lu l'information sur mes droits (ci-contre)", indent=False,
            value=False)
        self.pc_bouton = widgets.Button(description="Activer mon compte",
                                        tooltip="Vérifie le code, enregistre votre choix et "
                                                "vous connecte")
        self.pc_bouton.on_click(lambda _b: activer(
            self.pc_identifiant.value, self.pc_code.value, self.pc_mot_de_passe.value,
            confirmation=self.pc_confirmation.value, charte=self.pc_charte.value,
            notice=self.pc_notice.value))
        self.pc_message = widgets.HTML()
        charte = "".join(f"<li>{echapper(r)}</li>" for r in CHARTE_UTILISATION)
        regles = "".join(f"<li>{echapper(a)}</li>"
                         for a in ent.authentification.politique.aides())
        self.boite_premiere = widgets.VBox([
            widgets.HTML("<p>Votre compte n'est pas encore activé ? Saisissez le code "
                         "d'activation reçu de l'établissement, acceptez la charte, lisez "
                         "l'information sur vos droits et choisissez votre mot de passe.</p>"
                         f"<details><summary>Règles du mot de passe</summary><ul>{regles}"
                         "</ul></details>"),
            self.pc_identifiant, self.pc_code, self.pc_mot_de_passe, self.pc_confirmation,
            widgets.HTML(f"<strong>Charte d'utilisation de l'ENT (résumé)</strong><ul>{charte}"
                         "</ul>"),
            self.pc_charte, self.pc_notice, self.pc_bouton, self.pc_message,
        ])
        self.accordeon = widgets.Accordion(children=[self.boite_premiere])
        self.accordeon.set_title(0, "Première connexion (activation du compte)")
        self.accordeon.selected_index = None
        # -- notice ------------------------------------------------------------------------
        self.notice = widgets.HTML(notice_html(self.rubriques))
        boite_notice = widgets.VBox([self.notice], layout=widgets.Layout(
            flex="1 1 28em", min_width="18em"))
        boite_notice.add_class(CLASSE_ENCADRE)
        gauche = widgets.VBox([self.boite_connexion, self.accordeon],
                              layout=widgets.Layout(flex="1 1 24em", min_width="20em"))
        self.vue = widgets.Box([gauche, boite_notice],
                               layout=widgets.Layout(display="flex", flex_flow="row wrap",
                                                     align_items="flex-start", width="100%"))

    @property
    def attente_visible(self) -> bool:
        """Le bouton « Attendre la fin du blocage » est-il affiché ?"""
        return self.bouton_attente.layout.display != "none"

    def montrer_attente(self, visible: bool) -> None:
        """Affiche (compte bloqué) ou masque le bouton qui avance l'horloge simulée."""
        self.bouton_attente.layout.display = None if visible else "none"

    def vider(self) -> None:
        """Efface les secrets saisis (après une tentative, comme un vrai formulaire)."""
        self.mot_de_passe.value = ""
        self.pc_mot_de_passe.value = ""
        self.pc_confirmation.value = ""

    def texte(self) -> str:
        lignes = ["Connexion : identifiant, mot de passe, bouton « Se connecter »."]
        if self.message_connexion.value:
            lignes.append(f"Message : {self._texte_message(self.message_connexion.value)}")
        if self.attente_visible:
            lignes.append(f"Bouton « {self.bouton_attente.description} ».")
        lignes.append("Première connexion (activation du compte) : identifiant, code "
                      "d'activation, nouveau mot de passe, confirmation, charte, information "
                      "sur les droits, bouton « Activer mon compte ».")
        if self.pc_message.value:
            lignes.append(f"Message : {self._texte_message(self.pc_message.value)}")
        lignes.append(notice_texte(self.rubriques))
        return "\n".join(lignes)

    @staticmethod
    def _texte_message(html: str) -> str:
        import html as _html
        import re

        html = re.sub(r"</p>\s*<p", "</p><br><p", html)
        return _html.unescape(re.sub(r"<br\s*/?>", "\n", re.sub(r"<(?!br)[^>]+>", "", html)))


def bandeau(ent, poste: str) -> widgets.HTML:
    """Le bandeau de l'ENT : nom de l'établissement, commune, poste de travail."""
    etab = ent.etablissement
    h = widgets.HTML(
        f"<div style=\"font-size:1.4em;font-weight:bold\">ENT — {echapper(etab.nom)} "
        f"({echapper(etab.commune)})</div>"
        f"<div>Espace numérique de travail · {echapper(etab.academie)} · poste : "
        f"{echapper(poste)}</div>")
    h.add_class(CLASSE_BANDEAU)
    return h


__all__ = ["CHARTE_UTILISATION", "PageAccueil", "RubriqueNotice", "adresse_dpd", "bandeau",
           "notice_html", "notice_information", "notice_texte"]
