"""Vue « Casier » : les documents reçus dans son casier (l'enseignant y ramasse les devoirs,
classés par classe), ses propres dépôts (preuve de remise, datée), et le formulaire de dépôt
vers une personne à qui l'on peut écrire. Un élève ne voit jamais les dépôts de ses
camarades."""

from __future__ import annotations

import ipywidgets as widgets

from entsim.autorisation.service import de
from entsim.services._communication import date_fr
from entsim.widgets.vues._contexte import ContexteVue
from entsim.widgets.vues._communication import VueService


class VueCasier(VueService):
    """Le casier de la personne connectée."""

    def __init__(self, contexte: ContexteVue, code: str = "casier") -> None:
        super().__init__(contexte, code)
        self.depots = widgets.HTML()
        possibles = self.service.destinataires_possibles(self.identifiant)
        self.destinataire = widgets.Dropdown(
            options=[(self.libelle_personne(x), x) for x in possibles],
            description="Casier de :", style={"description_width": "initial"},
            layout=widgets.Layout(width="95%"))
        self.nom_fichier = self._champ("Fichier :", placeholder="Fiche_ENT_Nom_Prenom.ipynb")
        self.taille_ko = widgets.BoundedIntText(value=40, min=0, max=100 * 1024,
                                                description="Taille (Ko) :",
                                                style={"description_width": "initial"})
        self.commentaire = self._champ("Commentaire :")
        enfants = [self.entete, self.contenu, self.depots]
        if possibles:
            enfants.append(widgets.VBox([
                widgets.HTML(self._html("<h4 style='margin:0.3em 0;'>Déposer un document"
                                        "</h4><p>Un dépôt est daté et définitif : il ne "
                                        "pourra plus être modifié ni retiré.</p>")),
                self.destinataire, self.nom_fichier, self.taille_ko, self.commentaire,
                self._bouton("Déposer", lambda: self.deposer())]))
        enfants.append(self.annonce)
        self.vue = widgets.VBox(enfants)
        self.rafraichir()

    def rafraichir(self) -> None:
        s = self.service
        moi = self.identifiant
        e = self.ent.etablissement
        self._lignes = []
        self._titre("Casier", f"Casier {de(self.nom_de(moi))}")
        self._lignes.append(f"Casier {de(self.nom_de(moi))}")
        recus = self._lire(lambda: s.depots_recus(moi))
        if recus is None:
            self.depots.value = ""
            return
        lignes = []
        self._lignes.append(f"Documents reçus : {len(recus)}.")
        for d in sorted(recus, key=lambda d: (getattr(e.personne(d.deposant), "classe", ""),
                                               self.nom_de(d.deposant), d.numero)):
            classe = getattr(e.personne(d.deposant), "classe", "") or "—"
            self._lignes.append(f"• {classe} — {self.nom_de(d.deposant)} — {d.fichier.nom} "
                                f"({d.fichier.taille_lisible}) — déposé le {date_fr(d.date)}"
                                + (f" — « {d.commentaire} »" if d.commentaire else ""))
            lignes.append((classe, self.nom_de(d.deposant), d.fichier.nom,
                           d.fichier.taille_lisible, date_fr(d.date), d.commentaire))
        self.contenu.value = self._html(self._tableau(
            ["Classe", "Déposé par", "Fichier", "Taille", "Date de dépôt", "Commentaire"],
            lignes, f"Documents reçus ({len(recus)})"))
        faits = s.mes_depots(moi)
        self._lignes.append(f"Mes dépôts : {len(faits)}.")
        lignes = []
        for d in faits:
            self._lignes.append(f"• {d.fichier.nom} — dans le casier "
                                f"{de(self.nom_de(d.destinataire))} — le {date_fr(d.date)}")
            lignes.append((d.fichier.nom, self.nom_de(d.destinataire), date_fr(d.date),
                           d.commentaire))
        self.depots.value = self._html(self._tableau(
            ["Fichier", "Remis à", "Date de dépôt", "Commentaire"], lignes,
            f"Mes dépôts ({len(faits)}) — preuve de remise"))

    def deposer(self, destinataire: str | None = None, nom: str | None = None,
                taille_ko: int | None = None, commentaire: str | None = None) -> str:
        """Dépose un fichier simulé dans le casier de ``destinataire``."""
        destinataire = self.destinataire.value if destinataire is None else destinataire
        if destinataire is None:
            return self._annoncer("⚠ Choisissez le casier où déposer.")
        nom = self.nom_fichier.value if nom is None else nom
        taille_ko = self.taille_ko.value if taille_ko is None else taille_ko
        commentaire = self.commentaire.value if commentaire is None else commentaire

        def depot():
            taille = taille_ko * 1024 if isinstance(taille_ko, int) and \
                not isinstance(taille_ko, bool) else taille_ko
            fait = self.service.deposer(self.identifiant, destinataire, nom, taille,
                                        commentaire=commentaire)
            self.nom_fichier.value = self.commentaire.value = ""
            return fait
        return self._tenter(depot, lambda d: (
            f"« {d.fichier.nom} » déposé dans le casier {de(self.nom_de(d.destinataire))} le "
            f"{date_fr(d.date)}."))

    def retirer(self, numero: int) -> str:
        """Tente de retirer un dépôt (toujours refusé : un dépôt est définitif)."""
        return self._tenter(lambda: self.service.retirer(self.identifiant, numero),
                            lambda _: "Dépôt retiré.")


VUE = VueCasier
