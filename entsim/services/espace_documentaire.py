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

Chaque accès est décidé par le service d'autorisation et tracé au journal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from entsim.etablissement.annuaire import Profil, profil_depuis
from entsim.autorisation.service import Action, Ressource, de
from entsim.socle.erreurs import ErreurENT, Introuvable, ValeurInvalide
from entsim.services._communication import ServiceSimule
from entsim.services._fichiers import Fichier, fichier_simule, valider_nom
from entsim.socle.texte import cite, extrait

__all__ = ["Droit", "Element", "EspaceDocumentaire", "Fichier", "fichier_simule",
           "valider_nom"]


class Droit(str, Enum):
    """Les droits de partage, du plus faible au plus fort."""

    LIRE = "lire"
    CONTRIBUER = "contribuer"
    GERER = "gerer"

    @property
    def rang(self) -> int:
        return list(Droit).index(self)

    @property
    def libelle(self) -> str:
        return {"lire": "lecture", "contribuer": "contribution", "gerer": "gestion"}[self.value]

    @classmethod
    def depuis(cls, valeur: object) -> "Droit":
        if isinstance(valeur, Droit):
            return valeur
        cle = valeur.strip().lower().replace("é", "e") if isinstance(valeur, str) else None
        for droit in cls:
            if cle in (droit.value, droit.libelle.replace("é", "e")):
                return droit
        raise ValeurInvalide(f"Droit de partage inconnu : {cite(valeur)} (possibles : « lire », "
                             "« contribuer », « gerer »).", code="droit_inconnu")


@dataclass
class Element:
    """Un dossier ou un fichier de l'espace documentaire."""

    numero: int
    nom: str
    proprietaire: str
    date: datetime
    dossier: int | None = None               # dossier parent (None : à la racine)
    fichier: Fichier | None = None           # None : c'est un dossier
    partages: dict[str, Droit] = field(default_factory=dict)

    @property
    def est_dossier(self) -> bool:
        return self.fichier is None


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
        element = Element(len(self._elements) + 1, nom, auteur, instant, parent, fichier,
                          dict(partages or {}))
        self._elements[element.numero] = element
        return element

    # -- droits --------------------------------------------------------------------------
    def element(self, numero: int) -> Element:
        try:
            return self._elements[numero]
        except (KeyError, TypeError):
            raise Introuvable(f"Aucun document ni dossier n° {extrait(numero)}.",
                              code="document_inconnu") from None

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

    def droit_de(self, identifiant: str, numero: int) -> Droit | None:
        """Le droit de cette personne sur un élément (propriétaire ou propriétaire d'un
        dossier qui le contient : gérer ; sinon le plus fort des partages), sans tracer."""
        meilleur: Droit | None = None
        for el in self._ancetres(self.element(numero)):
            if el.proprietaire == identifiant:
                return Droit.GERER
            for beneficiaire, droit in el.partages.items():
                if self._vise(beneficiaire, identifiant) and \
                        (meilleur is None or droit.rang > meilleur.rang):
                    meilleur = droit
        return meilleur

    def _exiger_sur(self, identifiant: str, action: Action, element: Element,
                minimum: Droit) -> None:
        """Son propre espace : décision du service d'autorisation ; l'espace d'un autre :
        accès au service, puis le droit de partage."""
        if element.proprietaire == identifiant:
            self._exiger(identifiant, action, Ressource.documents_de(identifiant))
            return
        droit = self.droit_de(identifiant, element.numero)
        sorte = "dossier" if element.est_dossier else "document"
        objet = f"{sorte} « {element.nom} » {de(self.nom_de(element.proprietaire))}"
        if droit is not None and droit.rang >= minimum.rang:
            verdict = (True, "autorise", f"Partagé avec cette personne (droit : "
                                         f"{droit.libelle}).")
        elif droit is None:
            verdict = (False, "hors_perimetre",
                       f"{self.nom_de(element.proprietaire)} n'a pas partagé ce {sorte} avec "
                       "vous : seul son propriétaire y accède.")
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

    def partages(self, numero: int) -> list[tuple[str, str]]:
        """Les partages d'un élément : (à qui, droit), en toutes lettres."""
        return [(self.libelle_beneficiaire(b), d.libelle)
                for b, d in self.element(numero).partages.items()]

    def chemin(self, numero: int, pour: str | None = None) -> str:
        """« Mes documents / SIG — Documents / Fiche.ipynb » pour son propriétaire (``pour``),
        « Partagé par Nicolas Durand / SIG — Documents / … » pour un autre, « Mes documents
        de Nicolas Durand / … » sans ``pour``."""
        chaine = self._ancetres(self.element(numero))
        proprietaire = chaine[-1].proprietaire
        if pour is None:
            racine = f"Mes documents {de(self.nom_de(proprietaire))}"
        elif pour == proprietaire:
            racine = "Mes documents"
        else:
            racine = f"Partagé par {self.nom_de(proprietaire)}"
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
            if el.proprietaire == identifiant or self.droit_de(identifiant, el.numero) is None:
                continue
            parent = el.dossier
            if parent is None or self.droit_de(identifiant, parent) is None:
                trouves.append(el)
        return self._trier(trouves)

    def contenu(self, identifiant: str, numero_dossier: int) -> list[Element]:
        """Le contenu d'un dossier (droit de lecture au moins)."""
        dossier = self.element(numero_dossier)
        if not dossier.est_dossier:
            raise ValeurInvalide(f"« {dossier.nom} » est un fichier, pas un dossier.")
        self._exiger_sur(identifiant, Action.LIRE, dossier, Droit.LIRE)
        return self._trier(el for el in self._elements.values() if el.dossier == numero_dossier)

    def ouvrir(self, identifiant: str, numero: int) -> Element:
        """Ouvre (télécharge) un fichier : droit de lecture au moins."""
        element = self.element(numero)
        self._exiger_sur(identifiant, Action.LIRE, element, Droit.LIRE)
        return element

    @staticmethod
    def _trier(elements) -> list[Element]:
        return sorted(elements, key=lambda el: (not el.est_dossier, el.nom.lower(), el.numero))

    # -- écriture ----------------------------------------------------------------------------
    def _cible(self, identifiant: str, dossier: int | None) -> int | None:
        if dossier is None:
            self._exiger(identifiant, Action.ECRIRE, Ressource.documents_de(identifiant))
            return None
        parent = self.element(dossier)
        if not parent.est_dossier:
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
                     f"{self.chemin(element.numero)} ({fichier.taille_lisible})")
        return element

    def creer_dossier(self, identifiant: str, nom: str, dossier: int | None = None) -> Element:
        """Crée un dossier dans « Mes documents » ou dans un dossier partagé (contribution)."""
        nom = valider_nom(nom, "dossier")
        cible = self._cible(identifiant, dossier)
        element = self._creer(identifiant, nom, None, cible, self.maintenant())
        self._tracer("document_depose", identifiant, f"dossier « {nom} »",
                     self.chemin(element.numero))
        return element

    def cle_beneficiaire(self, avec: object) -> str:
        """La clé d'un bénéficiaire : ``utilisateur:<id>``, ``classe:<code>``, ``profil:<P>``."""
        if not isinstance(avec, str) or not avec.strip():
            raise ValeurInvalide("Avec qui partager ? Un identifiant (\"lea.martin\"), une "
                                 "classe (\"TSTMG1\") ou un profil (\"Enseignant\").")
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
        élèves d'une classe ou un profil, en « lire », « contribuer » ou « gerer »."""
        element = self.element(numero)
        droit = Droit.depuis(droit)
        if element.fichier is not None and droit is Droit.CONTRIBUER:
            raise ValeurInvalide("On contribue à un dossier, pas à un fichier : partagez le "
                                 "dossier, ou choisissez « lire » ou « gerer ».")
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
        element = self.element(numero)
        self._exiger_sur(identifiant, Action.MODIFIER, element, Droit.GERER)
        cle = self.cle_beneficiaire(avec)
        if cle not in element.partages:
            raise Introuvable(f"« {element.nom} » n'est pas partagé avec "
                              f"{self.libelle_beneficiaire(cle)}.", code="partage_inconnu")
        del element.partages[cle]
        self._tracer("partage_modifie", identifiant, f"« {element.nom} »",
                     f"Partage retiré : {self.libelle_beneficiaire(cle)}")
        return element


SERVICE = EspaceDocumentaire
