"""L'objet qui relie tout : un ENT simulé possède l'horloge, la graine, l'établissement, le
catalogue des services, le journal et les services AAS (authentification, SSO, autorisation).

Comme ``Model(seed=…)`` dans Mesa : un seul objet possède le temps et le hasard, les autres
composants les reçoivent. Même graine, même horloge de départ → mêmes sorties.

Dans un notebook, une ligne suffit::

    from entsim import ENT
    ent = ENT.demo()
"""

from __future__ import annotations

import importlib
from datetime import datetime

from entsim.socle.aleatoire import SourceAleatoire
from entsim.etablissement.annuaire import Eleve, Enseignant, Etablissement, Parent
from entsim.sso.applications import ServiceApplicatif
from entsim.authentification.service import Authentification
from entsim.autorisation.majorite import opposition_active
from entsim.autorisation.service import Autorisation
from entsim.etablissement.catalogue import Catalogue
from entsim.socle.erreurs import Introuvable, ValeurInvalide, verifier_texte
from entsim.socle.saisie import verifier_poste
from entsim.socle.texte import cite
from entsim.etablissement.generation import DOMAINE_ENT, PERSONAS, generer_etablissement
from entsim.socle.horloge import DEBUT_PAR_DEFAUT, Horloge
from entsim.journal.chaine import Journal
from entsim.journal.notaire import Notaire
from entsim.sso.navigateur import Navigateur
from entsim.authentification.preuves import AutoriteCertification
from entsim.sso.serveur import ResultatAcces, ServeurCAS
from entsim.sso.reponses import ResultatConnexion, ResultatDeconnexion

#: Adresse du portail simulé (domaine réservé ``.example`` : aucune adresse réelle).
URL_ENT = f"https://{DOMAINE_ENT}"

#: Mots de passe des personnages du récit dans l'ENT de démonstration (ils respectent la
#: politique de l'ENT). Les autres comptes sont « à activer » avec leur code d'activation.
MOTS_DE_PASSE_DEMO: dict[str, str] = {
    "eleve": "Cahier!Vert2026",
    "mere": "Jardin-Lilas-83",
    "autre_eleve": "Velo&Montagne7",
    "autre_parent": "Olivier#Sud55",
    "autre_mere": "Piano*Rouge19",
    "eleve_fratrie": "Etoile+Bleue24",
    "frere": "Fusee.Orange11",
    "mere_fratrie": "Cannelle=Miel6",
    "pere_fratrie": "Phare&Ocean71",
    "professeur_principal": "Tableau:SIG-2026",
    "cpe": "Boussole~Nord8",
    "proviseur": "Direction/Lycee31",
    "adjoint": "Agenda;Mauve42",
    "gestionnaire": "Budget|Clair90",
    "documentaliste": "Livres@CDI2026",
    "secretariat": "Courrier%Bleu5",
    "vie_scolaire": "Appel!Matin730",
    "partenaire": "College>Lycee3",
    "invite": "Atelier?Web64",
}

#: Le module du serveur web (couche au-dessus de l'ENT), chargé par :meth:`ENT.servir`.
MODULE_SERVEUR_WEB = "entsim.web.serveur"

#: Les postes de travail habituels (chacun est un navigateur avec ses cookies).
POSTES = ("Poste du CDI", "Ordinateur de la maison", "Téléphone")


class ENT:
    """Un ENT simulé, prêt à l'emploi.

    :param graine: la graine du hasard (même graine → même établissement, mêmes tickets en
        mode reproductible).
    :param taille: ``"demo"`` (une classe, lisible au vidéoprojecteur) ou un nombre d'élèves.
    :param reproductible: ``True`` (par défaut, pour les notebooks) : les valeurs secrètes
        (tickets, codes) sont tirées de la graine ; ``False`` : elles viennent du module
        ``secrets``, comme dans un vrai serveur.
    :param journal_a_cle: ``True`` : le journal est une chaîne à clé tenue par un notaire
        (le DPO, :class:`~entsim.journal.notaire.Notaire`, disponible dans ``ent.notaire``) ;
        une purge y laisse un point de départ signé. ``False`` (par défaut) : chaîne SHA-256
        sans clé, ``ent.notaire`` vaut ``None``.
    """

    def __init__(self, graine: int = 2026, taille: int | str = "demo", *,
                 debut: datetime = DEBUT_PAR_DEFAUT, reproductible: bool = True,
                 etablissement: Etablissement | None = None, schema: str = "argon2",
                 cout: str = "normal", journal_a_cle: bool = False) -> None:
        if isinstance(graine, bool) or not isinstance(graine, int):
            raise ValeurInvalide(f"La graine doit être un nombre entier (reçu : {cite(graine)}).")
        self.graine = graine
        self.horloge = Horloge(debut)
        self.aleatoire = SourceAleatoire(graine, reproductible=reproductible)
        self.etablissement = etablissement if etablissement is not None else \
            generer_etablissement(graine, taille, source=self.aleatoire)
        self.catalogue = Catalogue.charger()
        if not isinstance(journal_a_cle, bool):
            raise ValeurInvalide("« journal_a_cle » vaut True (journal tenu avec un notaire) "
                                 "ou False.")
        self.notaire = (Notaire(self.aleatoire.derivee("notaire"), self.horloge)
                        if journal_a_cle else None)
        self.journal = Journal(self.horloge, notaire=self.notaire)
        # Les services AAS du SDET : identification/authentification, autorisation,
        # propagation de l'identité (SSO). Chacun a sa propre suite de secrets.
        self.autorite = AutoriteCertification("Autorité de certification de l'académie",
                                              self.aleatoire.derivee("autorite"), self.horloge)
        self.authentification = Authentification(
            self.horloge, self.journal, self.aleatoire.derivee("authentification"),
            etablissement=self.etablissement, autorite=self.autorite, schema=schema, cout=cout)
        self.codes_activation: dict[str, str] = self.authentification.creer_comptes()
        self.autorisation = Autorisation(self.etablissement, self.journal, self.horloge,
                                         catalogue=self.catalogue)
        self.cas = ServeurCAS(
            self.horloge, self.journal, self.aleatoire.derivee("cas"),
            verifier_identifiants=lambda identifiant, mot_de_passe, poste:
                self.authentification.verifier_mot_de_passe(identifiant, mot_de_passe,
                                                            poste=poste),
            attributs=self.attributs,
            # le serveur CAS journalise lui-même la décision (il connaît le poste)
            autoriser=lambda identifiant, service:
                self.autorisation.peut_acceder_service(identifiant, service, journaliser=False),
            url=f"{URL_ENT}/cas")
        for service in self.catalogue:
            self.cas.enregistrer(ServiceApplicatif(
                service.code, service.nom, f"{URL_ENT}/{service.code.replace('_', '-')}"))
        self.navigateurs: dict[str, Navigateur] = {}
        self._services: dict[str, object] = {}

    @classmethod
    def demo(cls, graine: int = 2026, **options) -> "ENT":
        """L'ENT de démonstration : une classe de terminale STMG, ses familles, ses
        enseignants et les personnels du lycée. Les personnages du récit (Léa Martin, sa mère
        Sophie, M. Durand…) ont déjà activé leur compte : voir :data:`MOTS_DE_PASSE_DEMO`."""
        permises = {"debut", "reproductible", "etablissement", "schema", "cout",
                    "journal_a_cle"}
        inconnues = sorted(set(options) - permises)
        if inconnues:
            raise ValeurInvalide(f"Option inconnue : {', '.join(inconnues)}. Options possibles : "
                                 f"{', '.join(sorted(permises))}.")
        ent = cls(graine, "demo", **options)
        for role, mot_de_passe in MOTS_DE_PASSE_DEMO.items():
            identifiant = PERSONAS[role].identifiant
            ent.authentification.definir_mot_de_passe(identifiant, mot_de_passe)
        return ent

    # -- les services et leurs données -----------------------------------------------------
    def service(self, code: str):
        """Le service simulé (ses données et ses opérations), créé à la première demande :
        ``ent.service("notes")``, ``ent.service("cahier_de_textes")``…"""
        from entsim.services import classe_du_service

        code = self.catalogue.service(code).code
        if code not in self._services:
            classe = classe_du_service(code)
            if classe is None:
                raise Introuvable(f"Le service « {self.catalogue.service(code).nom} » n'a pas "
                                  "de simulation détaillée : sa fiche est dans le catalogue.")
            self._services[code] = classe(self)
        return self._services[code]

    # -- postes de travail et connexion ---------------------------------------------------
    def navigateur(self, poste: str = POSTES[0]) -> Navigateur:
        """Le navigateur d'un poste de travail (créé à la première demande) : « Poste du
        CDI », « Ordinateur de la maison », « Téléphone »… Chacun a ses propres cookies."""
        verifier_poste(poste)
        if poste not in self.navigateurs:
            self.navigateurs[poste] = Navigateur(poste)
        return self.navigateurs[poste]

    def connexion(self, identifiant: str, mot_de_passe: str, *,
                  poste: str = POSTES[0]) -> ResultatConnexion:
        """Se connecter à l'ENT (serveur CAS) depuis un poste : une session SSO s'ouvre."""
        return self.cas.connexion(self.navigateur(poste), identifiant, mot_de_passe)

    def ouvrir(self, service: str, *, poste: str = POSTES[0]) -> ResultatAcces:
        """Ouvrir un service depuis un poste : sans nouvelle saisie si une session SSO est
        ouverte sur ce poste (ticket de service émis puis validé)."""
        code = self.catalogue.service(service).code
        return self.cas.ouvrir_service(self.navigateur(poste), code)

    def deconnexion(self, *, poste: str = POSTES[0]) -> ResultatDeconnexion:
        """Se déconnecter : la session SSO est détruite et chaque service ouvert est prévenu."""
        verifier_poste(poste)
        if poste not in self.navigateurs:
            raise Introuvable(f"Aucun navigateur ouvert sur {cite(poste)}.")
        return self.cas.deconnexion(self.navigateurs[poste])

    def parcours(self, identifiant: str, premier_service: str = "cahier_de_textes",
                 second_service: str = "messagerie", *, mot_de_passe: str | None = None,
                 poste: str = POSTES[0]):
        """Joue la cinématique d'accès du SDET en 8 étapes (connexion, premier service, second
        service sans nouvelle saisie) et renvoie le parcours étape par étape. Sans
        ``mot_de_passe``, celui du personnage de la démonstration est utilisé."""
        from entsim.sso.parcours import parcours_acces

        verifier_texte(identifiant, "identifiant")
        if mot_de_passe is None:
            roles = {p.identifiant: r for r, p in PERSONAS.items()}
            if identifiant not in roles or roles[identifiant] not in MOTS_DE_PASSE_DEMO:
                raise ValeurInvalide(f"Donnez le mot de passe de {cite(identifiant)} : "
                                     "mot_de_passe=\"…\".")
            mot_de_passe = MOTS_DE_PASSE_DEMO[roles[identifiant]]
        return parcours_acces(self.cas, self.navigateur(poste), identifiant, mot_de_passe,
                              self.catalogue.service(premier_service).code,
                              self.catalogue.service(second_service).code)

    def avancer(self, secondes: float = 0, *, minutes: float = 0, heures: float = 0,
                jours: float = 0) -> datetime:
        """Fait avancer l'horloge simulée (les tickets et les sessions peuvent expirer)."""
        return self.horloge.avancer(secondes, minutes=minutes, heures=heures, jours=jours)

    # -- raccourcis pour les notebooks ---------------------------------------------------
    def attributs(self, identifiant: str) -> dict[str, str | list[str]]:
        """Les attributs d'identité transmis aux services (propagation de l'identité) :
        profil, fonctions, classes, enfants… (SDET, « Service de propagation des
        informations d'identité »).

        Besoin d'en connaître : les attributs d'un parent (« enfants », « classes »), transmis
        à tous les services, omettent l'enfant majeur qui a fait opposition à l'accès de ses
        parents, et sa classe — il exerce lui-même ses droits (Code civil, art. 414 ; voir
        :mod:`entsim.autorisation.majorite`). Ils le citent de nouveau si l'opposition est
        levée."""
        p = self.etablissement.personne(identifiant)
        attributs: dict[str, str | list[str]] = {
            "profil": p.profil.value,
            "nom": p.nom,
            "prenom": p.prenom,
            "fonctions": sorted(f.value for f in p.fonctions),
            "etablissement": self.etablissement.uai,
        }
        if isinstance(p, Eleve):
            attributs["classe"] = p.classe
        elif isinstance(p, Parent):
            le = self.horloge.maintenant().date()
            suivis = [e for e in (self.etablissement.personne(i) for i in p.enfants)
                      if not (isinstance(e, Eleve) and opposition_active(e, le))]
            attributs["enfants"] = [e.identifiant for e in suivis]
            attributs["classes"] = sorted({e.classe for e in suivis
                                           if isinstance(e, Eleve) and e.classe})
        elif isinstance(p, Enseignant):
            attributs["classes"] = p.classes
            attributs["disciplines"] = list(p.disciplines)
        return attributs

    # -- le même ENT en vrai HTTP (entsim.web) --------------------------------------------
    def servir(self, port: int = 8765, *, reseau_local: bool = False,
               comptes: int | None = None, afficher: bool = True):
        """Sert cet ENT en vrai HTTP (serveur CAS et services) et rend la main tout de suite :
        même établissement, même horloge, même journal. Par défaut sur 127.0.0.1 seulement ;
        ``reseau_local=True`` ouvre le serveur à la classe (avertissement, ``comptes`` comptes
        d'élèves — 35 par défaut — avec leurs fiches à imprimer, nouveaux mots de passe pour
        les personnages du récit, jeton d'administration). Voir :mod:`entsim.web`.
        S'arrête avec le noyau ou par :meth:`arreter`.

        Le serveur web est une couche *au-dessus* de l'ENT (il l'utilise) : l'ENT ne
        l'importe pas, il le charge par son nom au premier appel (``importlib``), comme un
        greffon ; ``import entsim`` ne charge donc ni Starlette ni uvicorn."""
        serveur_web = importlib.import_module(MODULE_SERVEUR_WEB)
        if getattr(self, "_serveur_web", None) is not None and self._serveur_web.actif:
            self._serveur_web.arreter()
        self._serveur_web = serveur_web.demarrer(self, port=port, reseau_local=reseau_local,
                                                 comptes=comptes)
        if afficher:
            print(serveur_web.presenter(self._serveur_web))
        return self._serveur_web

    def arreter(self) -> None:
        """Arrête le serveur web lancé par :meth:`servir` (sans effet s'il n'y en a pas)."""
        serveur = getattr(self, "_serveur_web", None)
        if serveur is not None:
            serveur.arreter()
            self._serveur_web = None

    def __repr__(self) -> str:
        e = self.etablissement
        return (f"ENT de {e.nom} ({e.commune}) — graine {self.graine}, "
                f"{len(e.eleves())} élèves, {len(self.catalogue)} services, "
                f"{self.horloge.maintenant():%d/%m/%Y %H:%M}")
