"""Vue « Messagerie » du portail : boîte de réception, messages envoyés, écrire un message.

La liste des destinataires proposés est celle de la matrice de messagerie
(``ent.autorisation.destinataires_possibles``) ; le champ « autre identifiant » permet
d'essayer d'écrire à quelqu'un d'autre et de lire la raison du refus.
"""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets

from entsim.autorisation.service import de
from entsim.services._communication import date_fr
from entsim.socle.texte import accorder
from entsim.widgets.mise_en_forme import echapper
from entsim.widgets.vues._contexte import ContexteVue, decrire_valeur
from entsim.widgets.vues._communication import VueService, bloc_texte

DOSSIERS = {"reception": "Boîte de réception", "envoyes": "Messages envoyés"}


class VueMessagerie(VueService):
    """La messagerie de la personne connectée."""

    def __init__(self, contexte: ContexteVue, code: str = "messagerie") -> None:
        super().__init__(contexte, code)
        self.dossier = "reception"
        self.ouvert: int | None = None
        self.choix_dossier = widgets.ToggleButtons(
            options=[(libelle, cle) for cle, libelle in DOSSIERS.items()], value="reception",
            style={"button_width": "auto"})
        self.choix_dossier.observe(lambda ch: self.afficher(ch["new"]), names="value")
        self.liste = widgets.Select(options=[], rows=8, layout=widgets.Layout(width="95%"))
        self.bouton_ouvrir = self._bouton("Ouvrir le message", self._ouvrir_selection)
        self.lecture = widgets.HTML()
        possibles = self.service.destinataires_possibles(self.identifiant)
        self.destinataires = widgets.SelectMultiple(
            options=[(self.libelle_personne(x), x) for x in possibles], rows=6,
            description="À :", style={"description_width": "initial"},
            layout=widgets.Layout(width="95%"))
        self.autre = self._champ("Ou un autre identifiant :", placeholder="prenom.nom")
        self.objet = self._champ("Objet :")
        self.corps = self._zone("Message :")
        self.bouton_envoyer = self._bouton("Envoyer", lambda: self.envoyer())
        self.corps_reponse = self._zone("Réponse :")
        self.bouton_repondre = self._bouton("Répondre", lambda: self.repondre())
        formulaire = widgets.VBox([
            widgets.HTML(self._html("<h4 style='margin:0.3em 0;'>Écrire un message</h4>"
                                    f"<p>{len(possibles)} destinataires possibles selon la "
                                    "matrice de messagerie.</p>")),
            self.destinataires, self.autre, self.objet, self.corps, self.bouton_envoyer])
        self.vue = widgets.VBox([
            self.entete, self.choix_dossier, self.contenu, self.liste, self.bouton_ouvrir,
            self.lecture, widgets.HBox([self.corps_reponse, self.bouton_repondre]),
            formulaire, self.annonce])
        self.rafraichir()

    # -- affichage -------------------------------------------------------------------------
    def _messages(self):
        if self.dossier == "envoyes":
            return self.service.messages_envoyes(self.identifiant)
        return self.service.boite_de_reception(self.identifiant)

    def rafraichir(self) -> None:
        s = self.service
        moi = self.identifiant
        self._lignes = []
        non_lus = s.non_lus(moi)
        sous_titre = (f"{self.nom_de(moi)} — {non_lus} message{'s' if non_lus > 1 else ''} "
                      f"non lu{'s' if non_lus > 1 else ''}")
        self._titre(f"Messagerie {de(self.nom_de(moi))}", sous_titre)
        self._lignes.append(sous_titre)
        messages = self._lire(self._messages)
        if messages is None:
            self.liste.options = []
            return
        libelle = DOSSIERS[self.dossier]
        self._lignes.append(f"{libelle} : {accorder(len(messages), 'message')}.")
        lignes_html = []
        for m in messages:
            lu = self.dossier == "envoyes" or s.est_lu(moi, m.numero)
            etat = "lu" if lu else "non lu"
            self._lignes.append(f"• [{etat}] {s.resume(moi, m)}")
            correspondant = (", ".join(self.nom_de(d) for d in m.destinataires[:3])
                             if self.dossier == "envoyes" else self.nom_de(m.expediteur))
            lignes_html.append((etat, date_fr(m.date), correspondant, m.objet))
        colonne = "Destinataires" if self.dossier == "envoyes" else "Expéditeur"
        self.contenu.value = self._html(self._tableau(
            ["État", "Date", colonne, "Objet"], lignes_html, libelle))
        self.liste.options = [(s.resume(moi, m), m.numero) for m in messages]
        if self.ouvert is not None:
            self._afficher_message(self.ouvert)

    def _afficher_message(self, numero: int) -> None:
        s = self.service
        m = s.lire(self.identifiant, numero)
        a = ", ".join(self.nom_de(d) for d in m.destinataires)
        self._lignes += [f"Message ouvert : {m.objet}", f"De : {self.nom_de(m.expediteur)}",
                         f"À : {a}", f"Date : {date_fr(m.date)}", m.corps]
        self.lecture.value = self._html(
            f"<h4 style='margin:0.3em 0;'>{echapper(m.objet)}</h4>"
            f"<p>De : {echapper(self.nom_de(m.expediteur))}<br>À : {echapper(a)}<br>"
            f"Date : {echapper(date_fr(m.date))}</p>{bloc_texte(m.corps)}")

    # -- actions ---------------------------------------------------------------------------
    def afficher(self, dossier: str) -> str:
        """Affiche la boîte de réception (``"reception"``) ou les envoyés (``"envoyes"``)."""
        if not isinstance(dossier, str) or dossier not in DOSSIERS:
            return self._annoncer(f"⚠ Dossier inconnu : {decrire_valeur(dossier)} (possibles : "
                                  "« reception », « envoyes »).")
        self.dossier, self.ouvert = dossier, None
        if self.choix_dossier.value != dossier:
            self.choix_dossier.value = dossier       # relance afficher() par l'observateur
            return self.annonce.value
        self.lecture.value = ""
        self.rafraichir()
        return self._annoncer(f"{DOSSIERS[dossier]} : "
                              f"{accorder(len(self.liste.options), 'message')}.")

    def _ouvrir_selection(self) -> str:
        if self.liste.value is None:
            return self._annoncer("⚠ Choisissez d'abord un message dans la liste.")
        return self.ouvrir(self.liste.value)

    def ouvrir(self, numero: int) -> str:
        """Ouvre un message (il devient « lu »)."""
        def lire():
            message = self.service.lire(self.identifiant, numero)
            self.ouvert = numero
            return message
        return self._tenter(lire, lambda m: f"Message « {m.objet} » "
                                            f"{de(self.nom_de(m.expediteur))} ouvert.")

    def envoyer(self, destinataires: str | Iterable[str] | None = None,
                objet: str | None = None, corps: str | None = None) -> str:
        """Envoie le message du formulaire (ou celui donné en arguments)."""
        if destinataires is None:
            choisis = list(self.destinataires.value)
            if self.autre.value.strip():
                choisis.append(self.autre.value.strip())
            destinataires = choisis
        objet = self.objet.value if objet is None else objet
        corps = self.corps.value if corps is None else corps

        def envoi():
            message = self.service.envoyer(self.identifiant, destinataires, objet, corps)
            self.objet.value = self.corps.value = self.autre.value = ""
            self.destinataires.value = ()
            return message
        return self._tenter(envoi, lambda m: (
            f"Message « {m.objet} » envoyé à "
            f"{', '.join(self.nom_de(d) for d in m.destinataires)}."))

    def repondre(self, corps: str | None = None) -> str:
        """Répond au message ouvert."""
        if self.ouvert is None:
            return self._annoncer("⚠ Ouvrez d'abord le message auquel vous répondez.")
        corps = self.corps_reponse.value if corps is None else corps
        numero = self.ouvert

        def reponse():
            message = self.service.repondre(self.identifiant, numero, corps)
            self.corps_reponse.value = ""
            return message
        return self._tenter(reponse, lambda m: (
            f"Réponse envoyée à {self.nom_de(m.destinataires[0])}."))


VUE = VueMessagerie
