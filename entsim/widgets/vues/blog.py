"""Vue « Blog » : les blogs que la personne connectée peut lire, leurs billets et leurs
commentaires ; publier (contributeurs du blog) et commenter (profils qui écrivent dans le
service). Billets et commentaires sont affichés échappés."""

from __future__ import annotations

import ipywidgets as widgets

from entsim.autorisation.service import de
from entsim.socle.erreurs import ErreurENT
from entsim.services._communication import date_fr
from entsim.socle.texte import accorder
from entsim.widgets.mise_en_forme import echapper
from entsim.widgets.vues._contexte import ContexteVue
from entsim.widgets.vues._communication import PREFIXE_IMPOSSIBLE, VueService, bloc_texte


class VueBlog(VueService):
    """Les blogs, vus par la personne connectée."""

    def __init__(self, contexte: ContexteVue, code: str = "blog") -> None:
        super().__init__(contexte, code)
        blogs = self._lire(lambda: self.service.blogs(self.identifiant)) or []
        self.code_blog: str | None = blogs[0].code if blogs else None
        self.choix_blog = widgets.Dropdown(options=[(b.titre, b.code) for b in blogs],
                                           description="Blog :",
                                           style={"description_width": "initial"})
        self.choix_blog.observe(lambda ch: self.choisir_blog(ch["new"]), names="value")
        self.billet_a_commenter = widgets.Dropdown(description="Billet :",
                                                   style={"description_width": "initial"})
        self.commentaire = self._zone("Votre commentaire :")
        self.zone_commentaire = widgets.VBox([
            self.billet_a_commenter, self.commentaire,
            self._bouton("Commenter", lambda: self.commenter())])
        self.titre_billet = self._champ("Titre du billet :")
        self.texte_billet = self._zone("Billet :")
        self.zone_publication = widgets.VBox([
            widgets.HTML(self._html("<h4 style='margin:0.3em 0;'>Publier un billet</h4>")),
            self.titre_billet, self.texte_billet,
            self._bouton("Publier", lambda: self.publier())])
        self.vue = widgets.VBox([self.entete, self.choix_blog, self.contenu,
                                 self.zone_commentaire, self.zone_publication, self.annonce])
        self.rafraichir()

    def rafraichir(self) -> None:
        s = self.service
        moi = self.identifiant
        self._lignes = []
        self._titre("Blogs", f"Connecté : {self.nom_de(moi)}")
        self._lignes.append(f"Connecté : {self.nom_de(moi)}")
        peut_commenter = s.peut(moi)
        self.zone_commentaire.layout.display = None if peut_commenter else "none"
        self.zone_publication.layout.display = "none"
        if self.code_blog is None:
            if self._lire(lambda: s.blogs(moi)) is not None:
                self._lignes.append("Aucun blog ne vous est ouvert.")
            return
        blog = s.blog(self.code_blog)
        billets = self._lire(lambda: s.billets(moi, blog.code))
        if billets is None:
            return
        publier = s.peut_publier(moi, blog.code)
        self.zone_publication.layout.display = None if publier else "none"
        self._lignes.append(f"Blog « {blog.titre} » — {blog.description}")
        self._lignes.append(("Vous pouvez publier des billets et commenter." if publier else
                             "Vous pouvez commenter les billets." if peut_commenter else
                             "Vous pouvez lire ce blog (sans commenter)."))
        html = []
        for b in billets:
            entete = f"par {self.nom_de(b.auteur)}, {date_fr(b.date)}"
            self._lignes += [f"• {b.titre} — {entete}", f"  {b.contenu}"]
            html.append(f"<h4 style='margin:0.6em 0 0.1em 0;'>{echapper(b.titre)}</h4>"
                        f"<p style='margin:0;font-style:italic;'>{echapper(entete)}</p>"
                        f"{bloc_texte(b.contenu)}")
            commentaires = s.commentaires(moi, b.numero)
            for c in commentaires:
                qui = f"{self.nom_de(c.auteur)}, {date_fr(c.date)}"
                self._lignes.append(f"    Commentaire {de(qui)} : {c.texte}")
                html.append(f"<div style='margin-left:2em;'><strong>Commentaire "
                            f"{echapper(de(qui))} :</strong>{bloc_texte(c.texte)}</div>")
        self.contenu.value = self._html("".join(html) or "<p>Aucun billet.</p>")
        self._options(self.billet_a_commenter, [(b.titre, b.numero) for b in billets])

    def choisir_blog(self, code: str) -> str:
        """Affiche un autre blog."""
        try:
            blog = self.service.blog(code)
        except ErreurENT as erreur:
            return self._annoncer(PREFIXE_IMPOSSIBLE + str(erreur))
        if self.choix_blog.value != code and code in [c for _, c in self.choix_blog.options]:
            self.choix_blog.value = code            # relance choisir_blog()
            return self.annonce.value
        self.code_blog = code
        return self._tenter(lambda: self.service.billets(self.identifiant, code),
                            lambda billets: f"Blog « {blog.titre} » : "
                                            f"{accorder(len(billets), 'billet')}.")

    def publier(self, titre: str | None = None, contenu: str | None = None) -> str:
        """Publie un billet dans le blog affiché."""
        if self.code_blog is None:
            return self._annoncer("⚠ Aucun blog n'est ouvert.")
        titre = self.titre_billet.value if titre is None else titre
        contenu = self.texte_billet.value if contenu is None else contenu
        code = self.code_blog

        def publication():
            billet = self.service.publier(self.identifiant, code, titre, contenu)
            self.titre_billet.value = self.texte_billet.value = ""
            return billet
        return self._tenter(publication, lambda b: (
            f"Billet « {b.titre} » publié dans « {self.service.blog(code).titre} »."))

    def commenter(self, numero: int | None = None, texte: str | None = None) -> str:
        """Commente un billet (celui choisi dans la liste, ou ``numero``)."""
        numero = self.billet_a_commenter.value if numero is None else numero
        if numero is None:
            return self._annoncer("⚠ Choisissez d'abord le billet à commenter.")
        texte = self.commentaire.value if texte is None else texte

        def commentaire():
            fait = self.service.commenter(self.identifiant, numero, texte)
            self.commentaire.value = ""
            return fait
        return self._tenter(commentaire, lambda c: (
            f"Commentaire publié sous « {self.service.billet(self.identifiant, numero).titre} »."))


VUE = VueBlog
