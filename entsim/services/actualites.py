"""Le fil d'actualités de l'établissement : articles de la direction, de la vie scolaire, du
CDI, de l'intendance…, chacun adressé à un public (des profils).

Règles reproduites :

* **qui publie** : l'usage du catalogue (``data/services.csv``) — enseignants et personnels
  publient (« écriture »), élèves, parents et invités lisent (« lecture ») ; la décision est
  celle du service d'autorisation, tracée au journal ;
* **qui lit quoi** : un article n'est montré qu'aux profils qu'il vise (application
  Actualités d'Open ENT NG : chaque fil est partagé avec des groupes choisis) ; son auteur
  le voit toujours, la direction et l'administrateur local voient tout le fil (ils en
  répondent : le chef d'établissement est responsable du traitement).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from entsim.etablissement.annuaire import Fonction, Profil, profil_depuis
from entsim.autorisation.service import Action
from entsim.socle.erreurs import ValeurInvalide
from entsim.services._communication import ServiceSimule
from entsim.services._donnees import CONTENU_RETIRE, DonneePersonnelle, verifier_motif
from entsim.socle.saisie import texte_saisi

TITRE_MAX = 120
CONTENU_MAX = 4000
RUBRIQUE_MAX = 40

#: Fonctions qui voient tout le fil (elles en répondent).
FONCTIONS_EDITION = frozenset({Fonction.CHEF_ETABLISSEMENT, Fonction.ADJOINT,
                               Fonction.ADMINISTRATEUR_LOCAL})

_TOUS = frozenset(Profil)


@dataclass(frozen=True)
class Article:
    """Un article publié dans le fil d'actualités."""

    numero: int
    titre: str
    contenu: str
    auteur: str
    rubrique: str
    public: frozenset[Profil]
    date: datetime

    @property
    def libelle_public(self) -> str:
        """« élèves, parents » ou « tout l'établissement »."""
        if self.public == _TOUS:
            return "tout l'établissement"
        return ", ".join(p.value for p in Profil if p in self.public)


def _public(valeur: object) -> frozenset[Profil]:
    if isinstance(valeur, (str, Profil)):
        valeur = [valeur]
    try:
        profils = frozenset(profil_depuis(v) for v in valeur)  # type: ignore[union-attr]
    except TypeError:
        raise ValeurInvalide("Le public est une liste de profils, par exemple "
                             "[\"Élève\", \"Parent\"].") from None
    if not profils:
        raise ValeurInvalide("Choisissez au moins un profil à qui adresser l'article.",
                             code="public_vide")
    return profils


class Actualites(ServiceSimule):
    """Le fil d'actualités, avec les articles de la rentrée."""

    code = "actualites"

    def _peupler(self) -> None:
        self._articles: list[Article] = []
        a = self.acteurs
        E, P, N, S, I = (Profil.ELEVE, Profil.PARENT, Profil.ENSEIGNANT, Profil.PERSONNEL,
                         Profil.INVITE)
        graines = [
            (a.proviseur, "Direction", "Bonne rentrée 2026 !",
             "L'équipe de direction souhaite une excellente année à tous. Les emplois du "
             "temps définitifs sont en ligne dans l'ENT ; les manuels numériques sont "
             "accessibles depuis le médiacentre.", _TOUS, 7),
            (a.documentaliste, "Vie numérique", "Activez votre compte ENT",
             "Élèves et parents : activez votre compte avec le code remis à la rentrée, ou "
             "connectez-vous avec EduConnect. Choisissez un mot de passe long, que vous "
             "n'utilisez nulle part ailleurs, et ne le communiquez à personne.", {E, P}, 6),
            (a.gestionnaire, "Intendance", "Restauration scolaire : inscriptions et tarifs",
             "Les inscriptions à la demi-pension sont ouvertes jusqu'au 18 septembre. Le "
             "règlement et la grille des tarifs sont disponibles au service de gestion.",
             {P, S}, 5),
            (a.cpe, "Vie scolaire", "Élections des délégués de classe",
             "Les élections des délégués se tiendront avant la fin du mois. Les candidats "
             "déposent leur profession de foi auprès de la vie scolaire.", {E, P, N}, 4),
            (a.documentaliste, "CDI", "Le CDI rouvre ses portes",
             "Le CDI accueille les élèves de 8 h à 17 h 30. Nouveautés : un rayon de "
             "romans graphiques et une sélection sur l'éducation aux médias.", {E, N, S}, 3),
            (a.adjoint, "Direction", "Réunion parents-professeurs",
             "Une réunion parents-professeurs est organisée pour chaque classe fin "
             "septembre. La date et l'heure figurent dans l'agenda de l'ENT.", {P, N}, 2),
            (a.proviseur, "Direction", "Intervention sur les risques numériques",
             "Un intervenant extérieur animera des ateliers de prévention des risques "
             "numériques auprès des classes de terminale. Les enseignants concernés "
             "recevront le programme par la messagerie.", {E, N, I}, 1),
        ]
        for auteur, rubrique, titre, contenu, public, jours in graines:
            if auteur:
                self._articles.append(Article(self._numero(), titre, contenu, auteur,
                                              rubrique, frozenset(public),
                                              self._passe(jours, jours)))
        self._articles.sort(key=lambda art: art.date)

    def _voit(self, identifiant: str, article: Article) -> bool:
        personne = self.personne(identifiant)
        return (personne.profil in article.public or article.auteur == identifiant
                or bool(personne.fonctions & FONCTIONS_EDITION))

    def articles_visibles(self, identifiant: str) -> list[Article]:
        """Les articles adressés à cette personne, du plus récent au plus ancien."""
        self._exiger_droit(identifiant, Action.LIRE, "fil d'actualités")
        return sorted((art for art in self._articles if self._voit(identifiant, art)),
                      key=lambda art: (art.date, art.numero), reverse=True)

    def publier(self, identifiant: str, titre: str, contenu: str,
                public: Iterable[Profil | str] | Profil | str = _TOUS,
                rubrique: str = "Informations") -> Article:
        """Publie un article pour les profils ``public`` (refusé aux profils qui ne font que
        lire le fil : élèves, parents, invités)."""
        titre = texte_saisi(titre, "titre", maximum=TITRE_MAX)
        contenu = texte_saisi(contenu, "contenu", maximum=CONTENU_MAX, multiligne=True)
        rubrique = texte_saisi(rubrique, "rubrique", maximum=RUBRIQUE_MAX)
        profils = _public(public)
        self._exiger_droit(identifiant, Action.ECRIRE, "fil d'actualités")
        article = Article(self._numero(), titre, contenu, identifiant, rubrique, profils,
                          self.maintenant())
        self._articles.append(article)
        self._tracer("publication_ajoutee", identifiant, f"article « {titre} »",
                     f"Public : {article.libelle_public}")
        return article

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Les articles publiés par la personne (catégorie « contenus_publies »)."""
        return [DonneePersonnelle(self.code, "contenus_publies",
                                  f"Article publié — « {a.titre} » ({a.rubrique})", a.contenu,
                                  identifiant, identifiant, f"actualites:article:{a.numero}",
                                  a.date)
                for a in self._articles if a.auteur == identifiant]

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Un article reste dans le fil, signé « Ancien membre du personnel »… : c'est une
        contribution dans un espace de publication, conservable « à des fins informatives
        […] sauf opposition du contributeur » (arrêté ENT du 30 novembre 2006 modifié,
        art. 6) ; motif ``opposition`` : son texte est retiré."""
        motif = verifier_motif(motif)
        anonyme = self._anonyme(identifiant)
        compte = 0
        for i, a in enumerate(self._articles):
            if a.auteur == identifiant:
                self._articles[i] = replace(a, auteur=anonyme, contenu=CONTENU_RETIRE
                                            if motif == "opposition" else a.contenu)
                compte += 1
        return compte


SERVICE = Actualites
