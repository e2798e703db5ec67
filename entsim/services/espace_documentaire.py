"""L'espace documentaire : « Mes documents », dossiers et fichiers partagés.

Règles reproduites (application Documents / Espace documentaire d'Open ENT NG / Edifice) :

* **espace personnel** : chacun a « Mes documents », auquel personne d'autre n'accède
  (ressource personnelle du service d'autorisation : ``Ressource.documents_de``) ;
* **partage par ressource**, avec trois droits emboîtés, donnés à une personne, aux élèves
  d'une classe ou à tout un profil :

  - ``lire`` : voir le dossier ou le fichier et l'ouvrir ;
  - ``contribuer`` : en plus, déposer des fichiers et créer des dossiers dans un dossier ;
  - ``gerer`` : en plus, partager, retirer un partage, supprimer.

  Un droit donné sur un dossier vaut pour tout son contenu ; celui qui dépose un fichier en
  reste le propriétaire ;
* **qui peut-on choisir ?** comme dans l'ENT réel, la liste de partage suit la matrice de
  communication : on ne partage qu'avec une personne à qui l'on peut écrire ; seuls les
  enseignants et les personnels partagent avec un groupe (une classe, un profil) ;
* **fichiers simulés** : un dépôt est un nom, une taille et un type ; le nom est vérifié
  (ni chemin — « / », « \\ », « .. » —, ni caractère de contrôle, ni nom vide ou absurde)
  avec une phrase française.

Chaque accès est décidé par le service d'autorisation et tracé au journal, lectures
comprises : l'élément, son chemin, ses partages, le droit qu'on y a ne se lisent qu'avec un
droit sur lui (arrêté du 30 novembre 2006 modifié, article 4 : « dans le cadre de leurs
attributions et dans les limites du besoin d'en connaître ») ; à qui n'en a aucun, le refus
(tracé) ne dit ni le nom, ni le propriétaire, ni la nature de l'élément.
"""

from __future__ import annotations

from datetime import datetime

from entsim.etablissement.annuaire import Profil, profil_depuis
from entsim.autorisation.service import Action, Ressource, de
from entsim.socle.erreurs import ErreurENT, Introuvable, ValeurInvalide
from entsim.services._communication import ServiceSimule
from entsim.services._documents import Droit, Element, ElementVu, VueDossier
from entsim.services._fichiers import Fichier, fichier_simule, valider_nom
from entsim.socle.texte import cite, extrait
from entsim.services._donnees import DonneePersonnelle, numero_suivant, verifier_motif

__all__ = ["Droit", "Element", "ElementVu", "EspaceDocumentaire", "Fichier", "VueDossier",
           "fichier_simule", "valider_nom"]


class EspaceDocumentaire(ServiceSimule):
    """Les espaces documentaires de l'établissement."""

    code = "espace_documentaire"

    def _peupler(self) -> None:
        self._elements: dict[int, Element] = {}
        a = self.acteurs
        h = self._hasard

        def ko(mini: int, maxi: int) -> int:
            return h.randint(mini, maxi) * 1024

        def dossier(auteur, nom, parent=None, jours=5, **partages):
            return self._creer(auteur, nom, None, parent, self._passe(jours, jours + 2),
                               partages) if auteur else None

        def fichier(auteur, nom, taille, parent=None, jours=3, **partages):
            if auteur:
                self._creer(auteur, nom, fichier_simule(nom, taille), parent,
                            self._passe(jours, jours + 2), partages)

        pp, classe = a.professeur_principal, a.classe
        if pp and classe:
            sig = dossier(pp, f"SIG — Documents de la {classe}", jours=6,
                          **{f"classe:{classe}": Droit.LIRE})
            fichier(pp, "Programme_SIG_terminale.pdf", ko(300, 500), sig.numero)
            fichier(pp, "Fiche_seance_ENT.ipynb", ko(30, 60), sig.numero)
            fichier(pp, "Doc1_avis_CNIL_ENT.pdf", ko(150, 250), sig.numero)
            fichier(pp, "Progression_annuelle.ods", ko(20, 40))
            groupe = [x for x in (a.eleve_fratrie, a.autre_eleve) if x]
            if groupe:
                projet = dossier(pp, "Projet SIG — groupe 1", jours=4,
                                 **{f"utilisateur:{x}": Droit.CONTRIBUER for x in groupe})
                fichier(groupe[0], "Plan_du_diaporama.odp", ko(80, 200), projet.numero, 1)
        if a.eleve:
            cours = dossier(a.eleve, "Cours", jours=4)
            fichier(a.eleve, "Notes_SIG_chapitre1.odt", ko(15, 40), cours.numero, 1)
            fichier(a.eleve, "CV_stage.odt", ko(20, 60), jours=6)
        if a.parent:
            fichier(a.parent, "Attestation_assurance_scolaire.pdf", ko(90, 200), jours=6)
        if a.proviseur:
            fichier(a.proviseur, "Projet_etablissement_2026.pdf", ko(600, 1500), jours=8,
                    **{f"profil:{Profil.ENSEIGNANT.name}": Droit.LIRE,
                       f"profil:{Profil.PERSONNEL.name}": Droit.LIRE})
        if a.cpe:
            vs = dossier(a.cpe, "Vie scolaire — protocoles", jours=7,
                         **({f"utilisateur:{a.vie_scolaire}": Droit.GERER}
                            if a.vie_scolaire else {}))
            fichier(a.cpe, "Protocole_elections_delegues.pdf", ko(100, 200), vs.numero)
        if a.invite:
            inter = dossier(a.invite, "Intervention risques numériques", jours=3,
                            **({f"utilisateur:{pp}": Droit.LIRE} if pp else {}))
            fichier(a.invite, "Diaporama_prevention.pdf", ko(2000, 4000), inter.numero, 2)

    def _creer(self, auteur: str, nom: str, fichier: Fichier | None, parent: int | None,
               instant: datetime, partages: dict[str, Droit] | None = None) -> Element:
        element = Element(numero_suivant(self._elements), nom, auteur, instant, parent, fichier,
                          dict(partages or {}))
        self._elements[element.numero] = element
        return element

    # -- droits --------------------------------------------------------------------------
    def _element(self, numero: int) -> Element:
        try:
            return self._elements[numero]
        except (KeyError, TypeError):
            raise Introuvable(f"Aucun document ni dossier n° {extrait(numero)}.",
                              code="document_inconnu") from None

    def element(self, identifiant: str, numero: int) -> Element:
        """Un document ou un dossier, pour qui a le droit de le lire (son propriétaire, ou
        une personne, une classe, un profil avec qui il est partagé) ; refus tracé sinon."""
        element = self._element(numero)
        self._exiger_sur(identifiant, Action.LIRE, element, Droit.LIRE)
        return element

    def _ancetres(self, element: Element) -> list[Element]:
        chaine = [element]
        while chaine[-1].dossier is not None:
            chaine.append(self._elements[chaine[-1].dossier])
        return chaine

    def _vise(self, beneficiaire: str, identifiant: str) -> bool:
        sorte, _, valeur = beneficiaire.partition(":")
        personne = self.personne(identifiant)
        if sorte == "utilisateur":
            return valeur == identifiant
        if sorte == "classe":
            return getattr(personne, "classe", None) == valeur
        return sorte == "profil" and personne.profil.name == valeur

    def _droit(self, identifiant: str, element: Element) -> Droit | None:
        """Le droit de cette personne sur un élément (propriétaire ou propriétaire d'un
        dossier qui le contient : gérer ; sinon le plus fort des partages), sans tracer."""
        meilleur: Droit | None = None
        for el in self._ancetres(element):
            if el.proprietaire == identifiant:
                return Droit.GERER
            for beneficiaire, droit in el.partages.items():
                if self._vise(beneficiaire, identifiant) and \
                        (meilleur is None or droit.rang > meilleur.rang):
                    meilleur = droit
        return meilleur

    def droit_de(self, identifiant: str, numero: int) -> Droit:
        """Le droit qu'a cette personne sur un élément (lecture, contribution, gestion).
        Qui n'y a aucun droit essuie un refus tracé : il n'apprend rien de l'élément."""
        element = self._element(numero)
        self._exiger_sur(identifiant, Action.LIRE, element, Droit.LIRE)
        return self._droit(identifiant, element)  # type: ignore[return-value]

    def _exiger_visible(self, identifiant: str, action: Action, element: Element) -> None:
        """Avant une erreur de saisie qui nommerait l'élément (« … est un fichier ») : qui
        n'y a aucun droit reçoit le refus tracé, sans le nom ; les autres, rien de tracé."""
        if self._droit(identifiant, element) is None:
            self._exiger_sur(identifiant, action, element, Droit.LIRE)

    def _exiger_sur(self, identifiant: str, action: Action, element: Element,
                minimum: Droit) -> None:
        """Son propre espace : décision du service d'autorisation ; l'espace d'un autre :
        accès au service, puis le droit de partage."""
        if element.proprietaire == identifiant:
            self._exiger(identifiant, action, Ressource.documents_de(identifiant))
            return
        droit = self._droit(identifiant, element)
        sorte = "dossier" if element.est_dossier else "document"
        objet = f"{sorte} « {element.nom} » {de(self.nom_de(element.proprietaire))}"
        if droit is None:       # ni nom, ni propriétaire, ni nature : rien de l'élément
            objet = f"élément n° {element.numero} de l'espace documentaire"
            verdict = (False, "hors_perimetre",
                       "Cet élément (document ou dossier) n'a pas été partagé avec vous : "
                       "seuls son propriétaire et les personnes avec qui il est partagé y "
                       "accèdent.")
        elif droit.rang >= minimum.rang:
            verdict = (True, "autorise", f"Partagé avec cette personne (droit : "
                                         f"{droit.libelle}).")
        else:
            verdict = (False, "action_non_permise",
                       f"Ce {sorte} est partagé avec vous en {droit.libelle} seulement ; il "
                       f"faut le droit de {minimum.libelle}.")
        self._exiger_droit(identifiant, action, objet, verdict)

    def libelle_beneficiaire(self, beneficiaire: str) -> str:
        """« Léa Martin », « élèves de TSTMG1 », « profil Enseignant » à partir d'une clé de
        partage (:meth:`cle_beneficiaire`)."""
        sorte, _, valeur = beneficiaire.partition(":") if isinstance(beneficiaire, str) \
            else ("", "", "")
        if sorte == "utilisateur":
            return self.nom_de(valeur)
        if sorte == "classe":
            return f"élèves de {valeur}"
        if sorte == "profil" and valeur in Profil.__members__:
            return f"profil {Profil[valeur].value}"
        raise ValeurInvalide(f"Clé de partage inconnue : {cite(beneficiaire)} (formes : "
                             "« utilisateur:lea.martin », « classe:TSTMG1 », « profil:ELEVE »).",
                             code="beneficiaire_inconnu")

    def partages(self, identifiant: str, numero: int) -> list[tuple[str, str]]:
        """Les partages d'un élément : (à qui, droit), en toutes lettres — pour qui le gère
        (son propriétaire, ou qui a reçu le droit de gestion) : seul lui modifie les partages,
        seul lui a besoin de les connaître (choix du simulateur, déjà celui de la vue) ; refus
        tracé pour les autres."""
        element = self._element(numero)
        self._exiger_sur(identifiant, Action.LIRE, element, Droit.GERER)
        return self._partages_lisibles(element)

    def _partages_lisibles(self, element: Element) -> list[tuple[str, str]]:
        return [(self.libelle_beneficiaire(b), d.libelle) for b, d in element.partages.items()]

    def chemin(self, identifiant: str, numero: int) -> str:
        """« Mes documents / SIG — Documents / Fiche.ipynb » pour son propriétaire,
        « Partagé par Nicolas Durand / SIG — Documents / … » pour une personne avec qui le
        dossier est partagé. Seuls les dossiers qu'elle peut lire y figurent : un fichier
        partagé seul ne dit pas le nom du dossier où il est rangé. Refus tracé pour qui n'a
        aucun droit sur l'élément."""
        element = self._element(numero)
        self._exiger_sur(identifiant, Action.LIRE, element, Droit.LIRE)
        return self._chemin_vu(identifiant, element)

    def _chemin_vu(self, identifiant: str, element: Element) -> str:
        chaine = self._ancetres(element)
        # Un droit vaut pour tout le contenu : les éléments lisibles forment le début de la
        # chaîne (de l'élément vers la racine).
        visibles = [el for el in chaine if self._droit(identifiant, el) is not None]
        haut = visibles[-1]
        if haut.proprietaire != identifiant:
            racine = f"Partagé par {self.nom_de(haut.proprietaire)}"
        elif len(visibles) == len(chaine):
            racine = "Mes documents"
        else:            # son fichier, rangé chez un autre qui ne lui partage plus le dossier
            racine = "Dossier non partagé avec vous"
        return " / ".join([racine] + [el.nom for el in reversed(visibles)])

    def _chemin_complet(self, element: Element) -> str:
        """« Mes documents de Nicolas Durand / … » : le chemin entier, pour le journal."""
        chaine = self._ancetres(element)
        racine = f"Mes documents {de(self.nom_de(chaine[-1].proprietaire))}"
        return " / ".join([racine] + [el.nom for el in reversed(chaine)])

    # -- lecture -----------------------------------------------------------------------------
    def mes_documents(self, identifiant: str) -> list[Element]:
        """La racine de « Mes documents » : dossiers d'abord, puis fichiers, par nom."""
        self._exiger(identifiant, Action.LIRE, Ressource.documents_de(identifiant))
        return self._trier(el for el in self._elements.values()
                           if el.proprietaire == identifiant and el.dossier is None)

    def partages_avec_moi(self, identifiant: str) -> list[Element]:
        """Les éléments que d'autres ont partagés avec cette personne (les plus hauts : le
        contenu d'un dossier partagé s'ouvre depuis le dossier)."""
        self._exiger_droit(identifiant, Action.LIRE, "documents partagés avec moi")
        trouves = []
        for el in self._elements.values():
            if el.proprietaire == identifiant or self._droit(identifiant, el) is None:
                continue
            parent = el.dossier
            if parent is None or self._droit(identifiant, self._elements[parent]) is None:
                trouves.append(el)
        return self._trier(trouves)

    def contenu(self, identifiant: str, numero_dossier: int) -> list[Element]:
        """Le contenu d'un dossier (droit de lecture au moins)."""
        dossier = self._element(numero_dossier)
        if not dossier.est_dossier:
            self._exiger_visible(identifiant, Action.LIRE, dossier)
            raise ValeurInvalide(f"« {dossier.nom} » est un fichier, pas un dossier.")
        self._exiger_sur(identifiant, Action.LIRE, dossier, Droit.LIRE)
        return self._trier(el for el in self._elements.values() if el.dossier == numero_dossier)

    def ouvrir(self, identifiant: str, numero: int) -> Element:
        """Ouvre (télécharge) un fichier : droit de lecture au moins."""
        element = self._element(numero)
        self._exiger_sur(identifiant, Action.LIRE, element, Droit.LIRE)
        return element

    def parcourir(self, identifiant: str, dossier: int | None = None, *,
                  partages_recus: bool = False) -> VueDossier:
        """Ce qu'affiche la vue, en une seule décision tracée : « Mes documents » (par
        défaut), « Partagés avec moi » (``partages_recus=True``) ou le contenu d'un
        ``dossier``, avec le droit de la personne sur chaque élément et, pour ceux qu'elle
        gère, leurs partages."""
        if dossier is not None:
            elements = self.contenu(identifiant, dossier)
            chemin = self._chemin_vu(identifiant, self._element(dossier))
        elif partages_recus:
            elements, chemin = self.partages_avec_moi(identifiant), "Partagés avec moi"
        else:
            elements, chemin = self.mes_documents(identifiant), "Mes documents"
        vus = []
        for el in elements:
            droit = self._droit(identifiant, el)
            vus.append(ElementVu(el, droit, tuple(self._partages_lisibles(el))  # type: ignore[arg-type]
                                 if droit is Droit.GERER else None))
        return VueDossier(chemin, tuple(vus))

    @staticmethod
    def _trier(elements) -> list[Element]:
        return sorted(elements, key=lambda el: (not el.est_dossier, el.nom.lower(), el.numero))

    # -- écriture ----------------------------------------------------------------------------
    def _cible(self, identifiant: str, dossier: int | None) -> int | None:
        if dossier is None:
            self._exiger(identifiant, Action.ECRIRE, Ressource.documents_de(identifiant))
            return None
        parent = self._element(dossier)
        if not parent.est_dossier:
            self._exiger_visible(identifiant, Action.ECRIRE, parent)
            raise ValeurInvalide(f"« {parent.nom} » est un fichier : on ne dépose que dans un "
                                 "dossier.")
        self._exiger_sur(identifiant, Action.ECRIRE, parent, Droit.CONTRIBUER)
        return dossier

    def deposer(self, identifiant: str, nom: str, taille: int, type_mime: str | None = None,
                dossier: int | None = None) -> Element:
        """Dépose un fichier (simulé) dans « Mes documents » ou dans un dossier où l'on a le
        droit de contribuer."""
        fichier = fichier_simule(nom, taille, type_mime)
        cible = self._cible(identifiant, dossier)
        element = self._creer(identifiant, fichier.nom, fichier, cible, self.maintenant())
        self._tracer("document_depose", identifiant, f"document « {fichier.nom} »",
                     f"{self._chemin_complet(element)} ({fichier.taille_lisible})")
        return element

    def creer_dossier(self, identifiant: str, nom: str, dossier: int | None = None) -> Element:
        """Crée un dossier dans « Mes documents » ou dans un dossier partagé (contribution)."""
        nom = valider_nom(nom, "dossier")
        cible = self._cible(identifiant, dossier)
        element = self._creer(identifiant, nom, None, cible, self.maintenant())
        self._tracer("document_depose", identifiant, f"dossier « {nom} »",
                     self._chemin_complet(element))
        return element

    def cle_beneficiaire(self, avec: object) -> str:
        """La clé d'un bénéficiaire : ``utilisateur:<id>``, ``classe:<code>``, ``profil:<P>``."""
        if not isinstance(avec, str) or not avec.strip():
            raise ValeurInvalide("Avec qui partager ? Un identifiant (« lea.martin »), une "
                                 "classe (« TSTMG1 ») ou un profil (« Enseignant »).")
        avec = avec.strip()
        if self.etablissement.existe(avec):
            return f"utilisateur:{avec}"
        if avec in self.etablissement.classes:
            return f"classe:{avec}"
        try:
            return f"profil:{profil_depuis(avec).name}"
        except ErreurENT:
            raise Introuvable(f"{cite(avec)} n'est ni un identifiant, ni une classe, ni un "
                              "profil de l'établissement.", code="beneficiaire_inconnu") \
                from None

    def _refus_beneficiaire(self, partageur: str, cle: str) -> str | None:
        """Pourquoi ce partage n'est pas possible (matrice de communication), ou None."""
        sorte, _, valeur = cle.partition(":")
        if sorte == "utilisateur":
            decision = self.ent.autorisation.peut_ecrire_a(partageur, valeur)
            if decision.autorise:
                return None
            return ("On ne partage qu'avec les personnes à qui l'on peut écrire (matrice de "
                    f"communication). {decision.raison}")
        if self.profil_de(partageur) not in (Profil.ENSEIGNANT, Profil.PERSONNEL):
            return ("Seuls les enseignants et les personnels partagent avec un groupe entier "
                    "(une classe, un profil).")
        return None

    def partager(self, identifiant: str, numero: int, avec: str,
                 droit: Droit | str = Droit.LIRE) -> Element:
        """Partage un dossier ou un fichier (droit de gestion requis) avec une personne, les
        élèves d'une classe ou un profil, en « lire », « contribuer » ou « gérer »."""
        element = self._element(numero)
        droit = Droit.depuis(droit)
        if element.fichier is not None and droit is Droit.CONTRIBUER:
            self._exiger_visible(identifiant, Action.MODIFIER, element)
            raise ValeurInvalide("On contribue à un dossier, pas à un fichier : partagez le "
                                 "dossier, ou choisissez « lire » ou « gérer ».")
        self._exiger_sur(identifiant, Action.MODIFIER, element, Droit.GERER)
        cle = self.cle_beneficiaire(avec)
        refus = self._refus_beneficiaire(identifiant, cle)
        if refus is not None:
            self._exiger_droit(identifiant, Action.MODIFIER, f"partage de « {element.nom} »",
                               (False, "communication_non_autorisee", refus))
        element.partages[cle] = droit
        self._tracer("partage_modifie", identifiant, f"« {element.nom} »",
                     f"Partagé avec {self.libelle_beneficiaire(cle)} ({droit.libelle})")
        return element

    def retirer_partage(self, identifiant: str, numero: int, avec: str) -> Element:
        """Retire le partage d'un élément avec une personne, une classe ou un profil."""
        element = self._element(numero)
        self._exiger_sur(identifiant, Action.MODIFIER, element, Droit.GERER)
        cle = self.cle_beneficiaire(avec)
        if cle not in element.partages:
            raise Introuvable(f"« {element.nom} » n'est pas partagé avec "
                              f"{self.libelle_beneficiaire(cle)}.", code="partage_inconnu")
        del element.partages[cle]
        self._tracer("partage_modifie", identifiant, f"« {element.nom} »",
                     f"Partage retiré : {self.libelle_beneficiaire(cle)}")
        return element

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Les dossiers et fichiers dont la personne est propriétaire (catégorie
        « documents ») avec leur chemin et leurs partages, et les partages qui la nomment
        (« utilisateur:… ») sur les éléments des autres — pas ce qu'elle voit par sa classe
        ou son profil, qui n'est pas une donnée sur elle."""
        donnees = []
        cle = f"utilisateur:{identifiant}"
        for el in sorted(self._elements.values(), key=lambda e: e.numero):
            ref = f"espace_documentaire:element:{el.numero}"
            if el.proprietaire == identifiant:
                sorte = "Dossier" if el.est_dossier else "Fichier"
                valeur = self._chemin_complet(el)
                if el.fichier is not None:
                    valeur += f" ({el.fichier.taille_lisible})"
                if el.partages:
                    valeur += " — partagé avec : " + ", ".join(
                        f"{self.libelle_beneficiaire(b)} ({d.libelle})"
                        for b, d in el.partages.items())
                donnees.append(DonneePersonnelle(self.code, "documents", f"{sorte} personnel",
                                                 valeur, identifiant, identifiant, ref, el.date))
            elif cle in el.partages:
                donnees.append(DonneePersonnelle(
                    self.code, "documents", f"Partage reçu de {self.nom_de(el.proprietaire)}",
                    f"{el.nom} ({el.partages[cle].libelle})", identifiant, el.proprietaire,
                    ref, el.date))
        return donnees

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Les éléments de la personne sont supprimés (espace personnel : arrêté ENT du
        30 novembre 2006 modifié, art. 6) ; un fichier qu'un autre avait déposé dans l'un
        de ses dossiers partagés reste à son propriétaire, remonté à la racine de son
        espace ; les partages qui la nomment sont retirés."""
        verifier_motif(motif)
        cle = f"utilisateur:{identifiant}"
        supprimes = {n for n, el in self._elements.items() if el.proprietaire == identifiant}
        compte = len(supprimes)
        for n in supprimes:
            del self._elements[n]
        for el in self._elements.values():
            if el.dossier in supprimes or (el.dossier is not None
                                           and el.dossier not in self._elements):
                el.dossier = None
            if cle in el.partages:
                del el.partages[cle]
                compte += 1
        return compte

SERVICE = EspaceDocumentaire
