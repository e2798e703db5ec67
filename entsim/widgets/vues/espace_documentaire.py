"""Vue « Espace documentaire » : « Mes documents » et « Partagés avec moi », dossiers,
dépôt d'un fichier (simulé), création de dossier, partage en lecture, contribution ou
gestion. Noms de fichiers et de dossiers affichés échappés."""

from __future__ import annotations

import ipywidgets as widgets

from entsim.services._communication import date_fr
from entsim.services.espace_documentaire import Droit
from entsim.services._vie_eleve import accorder
from entsim.widgets.vues._contexte import ContexteVue, decrire_valeur
from entsim.widgets.vues._communication import VueService

ONGLETS = {"mes_documents": "Mes documents", "partages": "Partagés avec moi"}


class VueEspaceDocumentaire(VueService):
    """L'espace documentaire de la personne connectée."""

    def __init__(self, contexte: ContexteVue, code: str = "espace_documentaire") -> None:
        super().__init__(contexte, code)
        self.onglet = "mes_documents"
        self.dossier: int | None = None
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
    def _elements(self):
        s, moi = self.service, self.identifiant
        if self.dossier is not None:
            return s.contenu(moi, self.dossier)
        if self.onglet == "partages":
            return s.partages_avec_moi(moi)
        return s.mes_documents(moi)

    def rafraichir(self) -> None:
        s = self.service
        moi = self.identifiant
        self._lignes = []
        ou = ONGLETS[self.onglet] if self.dossier is None else s.chemin(self.dossier, moi)
        self._titre("Espace documentaire", f"{self.nom_de(moi)} — {ou}")
        self._lignes.append(f"{self.nom_de(moi)} — {ou}")
        elements = self._lire(self._elements)
        if elements is None:
            self.choix_element.options = []
            return
        lignes = []
        for el in elements:
            droit = s.droit_de(moi, el.numero)
            genre = "Dossier" if el.est_dossier else el.fichier.libelle_type
            taille = "" if el.est_dossier else el.fichier.taille_lisible
            # Seuls ceux qui gèrent un élément voient avec qui il est partagé.
            partages = ("; ".join(f"{qui} ({d})" for qui, d in s.partages(el.numero)) or "—"
                        if droit is Droit.GERER else "(visible par qui le gère)")
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
        self.onglet, self.dossier = onglet, None
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
            element = s.element(numero)
            if element.est_dossier:
                contenu = s.contenu(self.identifiant, numero)
                self.dossier = numero
                return (f"Dossier « {element.nom} » ouvert : "
                        f"{accorder(len(contenu), 'élément')}.")
            s.ouvrir(self.identifiant, numero)
            return (f"Fichier « {element.nom} » ouvert ({element.fichier.libelle_type}, "
                    f"{element.fichier.taille_lisible}).")
        return self._tenter(ouverture, lambda phrase: phrase)

    def remonter(self) -> str:
        """Revient au dossier parent (ou à la racine de l'onglet)."""
        if self.dossier is None:
            return self._annoncer(f"Vous êtes déjà à la racine de « {ONGLETS[self.onglet]} ».")
        parent = self.service.element(self.dossier).dossier
        accessible = parent is not None and \
            self.service.droit_de(self.identifiant, parent) is not None
        self.dossier = parent if accessible else None
        self.rafraichir()
        ou = self.service.chemin(self.dossier, self.identifiant) if self.dossier \
            else ONGLETS[self.onglet]
        return self._annoncer(f"Retour à : {ou}.")

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
            f"Fichier « {el.nom} » déposé : {self.service.chemin(el.numero, self.identifiant)} "
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
