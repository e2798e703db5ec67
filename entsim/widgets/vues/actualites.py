"""Vue « Actualités » : le fil des articles adressés à la personne connectée ; pour les
profils qui publient (enseignants, personnels), un formulaire de publication avec le choix
des profils destinataires."""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets

from entsim.etablissement.annuaire import Profil
from entsim.services._communication import date_fr
from entsim.widgets.mise_en_forme import echapper
from entsim.widgets.vues._contexte import ContexteVue
from entsim.widgets.vues._communication import VueService, bloc_texte


class VueActualites(VueService):
    """Le fil d'actualités de l'établissement."""

    def __init__(self, contexte: ContexteVue, code: str = "actualites") -> None:
        super().__init__(contexte, code)
        self.peut_publier = self.service.peut(self.identifiant)
        enfants = [self.entete, self.contenu]
        self.titre_article = self._champ("Titre :")
        self.texte_article = self._zone("Article :")
        self.cases = {p: widgets.Checkbox(value=p in (Profil.ELEVE, Profil.PARENT),
                                          description=p.value, indent=False)
                      for p in Profil}
        if self.peut_publier:
            enfants.append(widgets.VBox([
                widgets.HTML(self._html("<h4 style='margin:0.3em 0;'>Publier un article</h4>")),
                self.titre_article, self.texte_article,
                widgets.HTML(self._html("Adressé aux profils :")),
                widgets.HBox(list(self.cases.values())),
                self._bouton("Publier", lambda: self.publier())]))
        enfants.append(self.annonce)
        self.vue = widgets.VBox(enfants)
        self.rafraichir()

    def rafraichir(self) -> None:
        s = self.service
        self._lignes = []
        personne = self.contexte.personne
        sous_titre = (f"Articles adressés à {personne.nom_complet} "
                      f"(profil {personne.profil.value})")
        self._titre("Actualités de l'établissement", sous_titre)
        self._lignes.append(sous_titre)
        articles = self._lire(lambda: s.articles_visibles(self.identifiant))
        if articles is None:
            return
        if not articles:
            self._lignes.append("Aucun article pour vous.")
            self.contenu.value = self._html("<p>Aucun article pour vous.</p>")
        html = []
        for art in articles:
            entete = (f"{art.rubrique} — {date_fr(art.date)} — par {self.nom_de(art.auteur)} "
                      f"— pour : {art.libelle_public}")
            self._lignes += [f"• {art.titre}", f"  {entete}", f"  {art.contenu}"]
            html.append(f"<h4 style='margin:0.5em 0 0.1em 0;'>{echapper(art.titre)}</h4>"
                        f"<p style='margin:0;font-style:italic;'>{echapper(entete)}</p>"
                        f"{bloc_texte(art.contenu)}")
        if articles:
            self.contenu.value = self._html("".join(html))
        if self.peut_publier:
            self._lignes.append("Vous pouvez publier un article.")

    def publier(self, titre: str | None = None, contenu: str | None = None,
                public: Iterable[Profil | str] | None = None) -> str:
        """Publie l'article du formulaire (ou celui donné en arguments)."""
        titre = self.titre_article.value if titre is None else titre
        contenu = self.texte_article.value if contenu is None else contenu
        if public is None:
            public = [p for p, case in self.cases.items() if case.value]

        def publication():
            article = self.service.publier(self.identifiant, titre, contenu, public)
            self.titre_article.value = self.texte_article.value = ""
            return article
        return self._tenter(publication, lambda art: (
            f"Article « {art.titre} » publié pour : {art.libelle_public}."))


VUE = VueActualites
