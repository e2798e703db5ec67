"""Vue « Forum » : catégories, sujets, messages ; répondre, ouvrir un sujet ; pour les
modérateurs, masquer un message avec un motif.

Poster est fait pour être facile (question 3 du cours : proposer l'usage du forum) : une
catégorie, un sujet, une zone de texte, un bouton. Les textes des membres sont affichés
échappés : un ``<script>`` se lit, il ne s'exécute pas.
"""

from __future__ import annotations

import ipywidgets as widgets

from entsim.autorisation.service import de
from entsim.socle.erreurs import ErreurENT
from entsim.services._communication import date_fr
from entsim.socle.texte import accorder
from entsim.widgets.mise_en_forme import echapper
from entsim.widgets.vues._contexte import ContexteVue
from entsim.widgets.vues._communication import PREFIXE_IMPOSSIBLE, VueService, bloc_texte


class VueForum(VueService):
    """Le forum, vu par la personne connectée."""

    def __init__(self, contexte: ContexteVue, code: str = "forum") -> None:
        super().__init__(contexte, code)
        self.code_categorie: str | None = None
        self.sujet_ouvert: int | None = None
        #: la dernière lecture d'une catégorie (code, sujets et messages), réutilisée par
        #: l'affichage qui suit : une action, une seule ligne de journal par ressource lue
        self._fil_lu: tuple[str, list] | None = None
        self._titres: dict[int, str] = {}
        self._refus_initial: str | None = None
        self.choix_categorie = widgets.Dropdown(description="Catégorie :",
                                                style={"description_width": "initial"})
        self.choix_sujet = widgets.Select(rows=5, layout=widgets.Layout(width="95%"))
        self.fil = widgets.HTML()
        self.reponse = self._zone("Votre réponse :")
        self.titre_sujet = self._champ("Titre du nouveau sujet :")
        self.texte_sujet = self._zone("Premier message :")
        self.numero_a_masquer = widgets.BoundedIntText(description="Message n° :", min=1,
                                                       max=10_000,
                                                       style={"description_width": "initial"})
        self.motif = self._champ("Motif (charte) :")
        self.moderation = widgets.VBox([
            widgets.HTML(self._html("<h4 style='margin:0.3em 0;'>Modération</h4>")),
            self.numero_a_masquer, self.motif,
            self._bouton("Masquer le message", lambda: self.masquer())])
        lues = self._lire(lambda: self.service.categories(self.identifiant))
        if lues is None:
            self._refus_initial = self._lignes[-1]
        categories = lues or []
        self._options(self.choix_categorie, [(c.titre, c.code) for c in categories])
        self.choix_categorie.observe(lambda ch: self.choisir_categorie(ch["new"]),
                                     names="value")
        self.vue = widgets.VBox([
            self.entete, self.choix_categorie, self.contenu, self.choix_sujet,
            self._bouton("Lire le sujet", self._ouvrir_selection), self.fil,
            self.reponse, self._bouton("Répondre", lambda: self.repondre()),
            widgets.HTML(self._html("<h4 style='margin:0.3em 0;'>Ouvrir un sujet</h4>")),
            self.titre_sujet, self.texte_sujet,
            self._bouton("Publier le sujet", lambda: self.nouveau_sujet()),
            self.moderation, self.annonce])
        if categories:
            self.code_categorie = categories[0].code
        self.rafraichir()

    # -- affichage -------------------------------------------------------------------------
    def rafraichir(self) -> None:
        s = self.service
        moi = self.identifiant
        self._lignes = []
        self._titre("Forum", f"Connecté : {self.nom_de(moi)}")
        self._lignes.append(f"Connecté : {self.nom_de(moi)}")
        if self.code_categorie is None:
            if self._refus_initial is not None:
                self._lignes.append(self._refus_initial)
                self.contenu.value = self._html(f"<p>{echapper(self._refus_initial)}</p>")
            else:
                self._lignes.append("Aucune catégorie ouverte pour vous.")
            self.moderation.layout.display = "none"
            return
        cat = s.categorie(self.code_categorie)
        deja_lu, self._fil_lu = self._fil_lu, None
        if deja_lu is not None and deja_lu[0] == cat.code:
            fil = deja_lu[1]
        else:
            fil = self._lire(lambda: s.lire_categorie(moi, cat.code))
            if fil is None:
                return
        sujets = [sujet for sujet, _messages in fil]
        self._titres = {sujet.numero: sujet.titre for sujet in sujets}
        messages = {sujet.numero: liste for sujet, liste in fil}
        moderateur = s.est_moderateur(moi, cat.code)
        self.moderation.layout.display = None if moderateur else "none"
        self._lignes.append(f"Catégorie « {cat.titre} » — {cat.description}")
        if moderateur:
            self._lignes.append("Vous modérez cette catégorie.")
        self._lignes.append(f"{accorder(len(sujets), 'sujet')} :")
        lignes = []
        for sujet in sujets:
            nb = len(messages[sujet.numero])
            self._lignes.append(f"• {sujet.titre} — par {self.nom_de(sujet.auteur)}, "
                                f"{date_fr(sujet.date)} — {accorder(nb, 'message')}")
            lignes.append((sujet.titre, self.nom_de(sujet.auteur), date_fr(sujet.date), nb))
        self.contenu.value = self._html(self._tableau(
            ["Sujet", "Auteur", "Ouvert le", "Messages"], lignes, cat.titre))
        self.choix_sujet.options = [(sujet.titre, sujet.numero) for sujet in sujets]
        self.fil.value = ""
        if self.sujet_ouvert in messages:
            sujet = next(x for x in sujets if x.numero == self.sujet_ouvert)
            self._afficher_fil(sujet, messages[self.sujet_ouvert])

    def _afficher_fil(self, sujet, messages: list) -> None:
        """Le fil d'un sujet déjà lu (lecture tracée de sa catégorie)."""
        s = self.service
        self._lignes.append(f"Sujet ouvert : {sujet.titre}")
        html = [f"<h4 style='margin:0.3em 0;'>{echapper(sujet.titre)}</h4>"]
        for m in messages:
            entete = f"n° {m.numero} — {self.nom_de(m.auteur)}, {date_fr(m.date)}"
            texte = s.texte_de(self.identifiant, m)
            self._lignes.append(f"  [{entete}] {texte}")
            html.append(f"<p style='margin:0.4em 0 0 0;font-weight:bold;'>{echapper(entete)}"
                        f"</p>{bloc_texte(texte)}")
        self.fil.value = self._html("".join(html))

    # -- actions ---------------------------------------------------------------------------
    def choisir_categorie(self, code: str) -> str:
        """Affiche les sujets d'une catégorie."""
        try:
            cat = self.service.categorie(code)
        except ErreurENT as erreur:
            return self._annoncer(PREFIXE_IMPOSSIBLE + str(erreur))
        if self.choix_categorie.value != code and \
                code in [c for _, c in self.choix_categorie.options]:
            self.choix_categorie.value = code       # relance choisir_categorie()
            return self.annonce.value
        self.code_categorie, self.sujet_ouvert = code, None
        return self._tenter(lambda: self._lire_categorie(code),
                            lambda fil: f"Catégorie « {cat.titre} » : "
                                        f"{accorder(len(fil), 'sujet')}.")

    def _lire_categorie(self, code: str) -> list:
        """Lit une catégorie (une ligne de journal) et garde la lecture pour l'affichage."""
        fil = self.service.lire_categorie(self.identifiant, code)
        self._fil_lu = (code, fil)
        return fil

    def _titre_du_sujet(self, numero: int) -> str:
        """Le titre d'un sujet de la catégorie affichée (sans nouvelle lecture au journal)."""
        return self._titres.get(numero, "")

    def _ouvrir_selection(self) -> str:
        if self.choix_sujet.value is None:
            return self._annoncer("⚠ Choisissez d'abord un sujet dans la liste.")
        return self.ouvrir_sujet(self.choix_sujet.value)

    def ouvrir_sujet(self, numero: int) -> str:
        """Affiche les messages d'un sujet."""
        def ouverture():
            sujet, fil = self.service.lire_sujet(self.identifiant, numero)   # une lecture
            self._fil_lu = (sujet.categorie, fil)
            self.sujet_ouvert = numero
            self.code_categorie = sujet.categorie
            return next(liste for s, liste in fil if s.numero == numero)
        return self._tenter(ouverture, lambda messages: (
            f"Sujet « {self._titre_du_sujet(numero)} » : "
            f"{accorder(len(messages), 'message')}."))

    def repondre(self, texte: str | None = None) -> str:
        """Répond dans le sujet ouvert."""
        if self.sujet_ouvert is None:
            return self._annoncer("⚠ Ouvrez d'abord un sujet pour y répondre.")
        texte = self.reponse.value if texte is None else texte
        numero = self.sujet_ouvert

        def reponse():
            message = self.service.repondre(self.identifiant, numero, texte)
            self.reponse.value = ""
            return message
        return self._tenter(reponse, lambda m: (
            f"Réponse publiée dans « {self._titre_du_sujet(numero)} » "
            f"(message n° {m.numero})."))

    def nouveau_sujet(self, titre: str | None = None, texte: str | None = None,
                      categorie: str | None = None) -> str:
        """Ouvre un sujet dans la catégorie affichée (ou ``categorie``)."""
        code = categorie or self.code_categorie
        if code is None:
            return self._annoncer("⚠ Aucune catégorie n'est ouverte pour vous.")
        titre = self.titre_sujet.value if titre is None else titre
        texte = self.texte_sujet.value if texte is None else texte

        def creation():
            sujet = self.service.creer_sujet(self.identifiant, code, titre, texte)
            self.code_categorie, self.sujet_ouvert = code, sujet.numero
            self.titre_sujet.value = self.texte_sujet.value = ""
            return sujet
        return self._tenter(creation, lambda sujet: (
            f"Sujet « {sujet.titre} » publié dans « {self.service.categorie(code).titre} »."))

    def masquer(self, numero: int | None = None, motif: str | None = None) -> str:
        """Masque un message (modérateurs) ; le motif est journalisé."""
        numero = self.numero_a_masquer.value if numero is None else numero
        motif = self.motif.value if motif is None else motif

        def masquage():
            message = self.service.masquer(self.identifiant, numero, motif)
            self.motif.value = ""
            return message
        return self._tenter(masquage, lambda m: (
            f"Message n° {m.numero} {de(self.nom_de(m.auteur))} masqué ; motif : "
            f"{m.motif_masquage}"))


VUE = VueForum
