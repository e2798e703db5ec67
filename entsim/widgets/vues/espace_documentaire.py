"""Vue « Espace documentaire » : « Mes documents » et « Partagés avec moi », dossiers,
dépôt d'un fichier (simulé), création de dossier, partage en lecture, contribution ou
gestion. Noms de fichiers et de dossiers affichés échappés. Chaque affichage est une seule
lecture du service (:meth:`~entsim.services.espace_documentaire.EspaceDocumentaire.parcourir`,
une décision tracée) ; « Remonter » revient au dossier d'où l'on est venu, sans sonder les
dossiers qu'on ne peut pas lire."""

from __future__ import annotations

import ipywidgets as widgets

from entsim.services._communication import date_fr
from entsim.services.espace_documentaire import Droit
from entsim.socle.texte import accorder
from entsim.widgets.vues._contexte import ContexteVue, decrire_valeur
from entsim.widgets.vues._communication import VueService

ONGLETS = {"mes_documents": "Mes documents", "partages": "Partagés avec moi"}


class VueEspaceDocumentaire(VueService):
    """L'espace documentaire de la personne connectée."""

    def __init__(self, contexte: ContexteVue, code: str = "espace_documentaire") -> None:
        super().__init__(contexte, code)
        self.onglet = "mes_documents"
        self.dossier: int | None = None
        self._pile: list[int | None] = []     # les dossiers traversés pour arriver ici
        self.ou = ONGLETS[self.onglet]
        self.choix_onglet = widgets.ToggleButtons(
            options=[(libelle, cle) for cle, libelle in ONGLETS.items()],
            style={"button_width": "auto"})
        self.choix_onglet.observe(lambda ch: self.afficher(ch["new"]), names="value")
        self.choix_element = widgets.Dropdown(description="Élément :",
                                              style={"description_width": "initial"})
        self.nom_fichier = self._champ("Nom du fichier :", placeholder="devoir.pdf")
        self.taille_ko = widgets.BoundedIntText(value=100, min=0, max=100 * 1024,
                                                description="Taille (Ko) :",
                                                style={"description_width": "initial"})
        self.nom_dossier = self._champ("Nom du dossier :")
        self.avec = self._champ("Partager avec :",
                                placeholder="identifiant, classe (TSTMG1) ou profil")
        self.droit = widgets.Dropdown(options=[("lecture", "lire"),
                                               ("contribution", "contribuer"),
                                               ("gestion", "gerer")],
                                      description="Droit :",
                                      style={"description_width": "initial"})
        self.vue = widgets.VBox([
            self.entete, self.choix_onglet, self.contenu, self.choix_element,
            widgets.HBox([self._bouton("Ouvrir", self._ouvrir_selection),
                          self._bouton("Remonter", lambda: self.remonter())]),
            widgets.HTML(self._html("<h4 style='margin:0.3em 0;'>Déposer un fichier ici"
                                    "</h4>")),
            self.nom_fichier, self.taille_ko, self._bouton("Déposer", lambda: self.deposer()),
            self.nom_dossier, self._bouton("Créer le dossier", lambda: self.creer_dossier()),
            widgets.HTML(self._html("<h4 style='margin:0.3em 0;'>Partager l'élément choisi"
                                    "</h4>")),
            self.avec, self.droit, self._bouton("Partager", lambda: self.partager()),
            self.annonce])
        self.rafraichir()

    # -- affichage -------------------------------------------------------------------------
    def _parcourir(self):
        return self.service.parcourir(self.identifiant, self.dossier,
                                      partages_recus=self.onglet == "partages")

    def rafraichir(self) -> None:
        moi = self.identifiant
        self._lignes = []
        vue = self._lire(self._parcourir)     # une seule lecture : éléments, droits, partages
        ou = self.ou = vue.chemin if vue is not None else ONGLETS[self.onglet]
        self._titre("Espace documentaire", f"{self.nom_de(moi)} — {ou}")
        self._lignes.insert(0, f"{self.nom_de(moi)} — {ou}")
        if vue is None:
            self.choix_element.options = []
            return
        elements = [vu.element for vu in vue.elements]
        lignes = []
        for vu in vue.elements:
            el, droit = vu.element, vu.droit
            genre = "Dossier" if el.est_dossier else el.fichier.libelle_type
            taille = "" if el.est_dossier else el.fichier.taille_lisible
            # Seuls ceux qui gèrent un élément voient avec qui il est partagé.
            partages = ("; ".join(f"{qui} ({d})" for qui, d in vu.partages) or "—"
                        if vu.partages is not None else "(visible par qui le gère)")
            proprietaire = self.nom_de(el.proprietaire)
            self._lignes.append(
                f"• {el.nom} — {genre}{', ' + taille if taille else ''} — propriétaire : "
                f"{proprietaire} — votre droit : {droit.libelle if droit else 'aucun'} — "
                f"partagé avec : {partages}")
            lignes.append((el.nom, genre, taille, proprietaire, date_fr(el.date),
                           droit.libelle if droit else "aucun", partages))
        if not elements:
            self._lignes.append("Ce dossier est vide." if self.dossier is not None else
                                "Rien ici pour l'instant.")
        self.contenu.value = self._html(self._tableau(
            ["Nom", "Type", "Taille", "Propriétaire", "Date", "Votre droit", "Partagé avec"],
            lignes, accorder(len(elements), "élément")))
        self._options(self.choix_element, [(el.nom, el.numero) for el in elements])

    # -- navigation ------------------------------------------------------------------------
    def afficher(self, onglet: str) -> str:
        """« mes_documents » ou « partages » (partagés avec moi)."""
        if not isinstance(onglet, str) or onglet not in ONGLETS:
            return self._annoncer(f"⚠ Onglet inconnu : {decrire_valeur(onglet)} (possibles : "
                                  "« mes_documents », « partages »).")
        if self.choix_onglet.value != onglet:
            self.choix_onglet.value = onglet         # relance afficher()
            return self.annonce.value
        self.onglet, self.dossier, self._pile = onglet, None, []
        self.rafraichir()
        return self._annoncer(f"{ONGLETS[onglet]} : "
                              f"{accorder(len(self.choix_element.options), 'élément')}.")

    def _ouvrir_selection(self) -> str:
        if self.choix_element.value is None:
            return self._annoncer("⚠ Choisissez d'abord un élément.")
        return self.ouvrir(self.choix_element.value)

    def ouvrir(self, numero: int) -> str:
        """Entre dans un dossier, ou ouvre (télécharge) un fichier."""
        s = self.service

        def ouverture():
            element = s.element(self.identifiant, numero)      # lecture tracée, droit exigé
            if element.est_dossier:
                self._pile.append(self.dossier)
                self.dossier = numero
            return element

        def phrase(element) -> str:    # après le rafraîchissement : le contenu est affiché
            if element.est_dossier:
                return (f"Dossier « {element.nom} » ouvert : "
                        f"{accorder(len(self.choix_element.options), 'élément')}.")
            return (f"Fichier « {element.nom} » ouvert ({element.fichier.libelle_type}, "
                    f"{element.fichier.taille_lisible}).")
        return self._tenter(ouverture, phrase)

    def remonter(self) -> str:
        """Revient au dossier d'où l'on est venu (ou à la racine de l'onglet)."""
        if self.dossier is None:
            return self._annoncer(f"Vous êtes déjà à la racine de « {ONGLETS[self.onglet]} ».")
        self.dossier = self._pile.pop() if self._pile else None
        self.rafraichir()
        return self._annoncer(f"Retour à : {self.ou}.")

    # -- actions ---------------------------------------------------------------------------
    def deposer(self, nom: str | None = None, taille_ko: int | None = None,
                type_mime: str | None = None) -> str:
        """Dépose un fichier simulé dans le dossier affiché (ou à la racine de « Mes
        documents »)."""
        nom = self.nom_fichier.value if nom is None else nom
        taille_ko = self.taille_ko.value if taille_ko is None else taille_ko
        dossier = self.dossier

        def depot():
            taille = taille_ko * 1024 if isinstance(taille_ko, int) and \
                not isinstance(taille_ko, bool) else taille_ko
            element = self.service.deposer(self.identifiant, nom, taille, type_mime, dossier)
            self.nom_fichier.value = ""
            return element
        return self._tenter(depot, lambda el: (
            f"Fichier « {el.nom} » déposé : {self.service.chemin(self.identifiant, el.numero)} "
            f"({el.fichier.taille_lisible})."))

    def creer_dossier(self, nom: str | None = None) -> str:
        """Crée un dossier là où l'on est."""
        nom = self.nom_dossier.value if nom is None else nom
        dossier = self.dossier

        def creation():
            element = self.service.creer_dossier(self.identifiant, nom, dossier)
            self.nom_dossier.value = ""
            return element
        return self._tenter(creation, lambda el: f"Dossier « {el.nom} » créé.")

    def partager(self, numero: int | None = None, avec: str | None = None,
                 droit: str | None = None) -> str:
        """Partage un élément avec une personne, une classe ou un profil."""
        numero = self.choix_element.value if numero is None else numero
        if numero is None:
            return self._annoncer("⚠ Choisissez d'abord l'élément à partager.")
        avec = self.avec.value if avec is None else avec
        droit = self.droit.value if droit is None else droit

        def partage():
            element = self.service.partager(self.identifiant, numero, avec, droit)
            self.avec.value = ""
            return element
        return self._tenter(partage, lambda el: (
            f"« {el.nom} » partagé avec "
            f"{self.service.libelle_beneficiaire(self.service.cle_beneficiaire(avec))} en "
            f"{Droit.depuis(droit).libelle}."))


VUE = VueEspaceDocumentaire
