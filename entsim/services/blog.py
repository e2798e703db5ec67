"""Les blogs : le blog d'une classe, le blog du CDI ; billets et commentaires.

Règles reproduites (application Blog d'Open ENT NG : chaque blog est partagé avec des droits
de lecture, de commentaire ou de contribution) :

* **lire** : l'usage du catalogue (élèves, enseignants, personnels : écriture ; parents et
  invités : lecture), puis le public du blog — le blog d'une classe est lu par ses élèves,
  leurs parents, ses enseignants et les personnels ; le blog du CDI par tout
  l'établissement, invités compris ;
* **publier un billet** : les seuls contributeurs du blog (les enseignants de la classe ; le
  professeur documentaliste pour le CDI) ;
* **commenter** : tout lecteur dont le profil peut écrire dans le service (un parent ou un
  invité lit sans commenter : usage « lecture » du catalogue).

Billets et commentaires sont des textes saisis : gardés tels quels, toujours affichés
échappés.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from entsim.etablissement.annuaire import Fonction, Profil
from entsim.autorisation.service import Action
from entsim.socle.erreurs import Introuvable
from entsim.services._communication import ServiceSimule
from entsim.socle.saisie import texte_saisi
from entsim.socle.texte import cite, extrait
from entsim.services._donnees import CONTENU_RETIRE, DonneePersonnelle, verifier_motif

TITRE_MAX = 120
CONTENU_MAX = 5000
COMMENTAIRE_MAX = 1000


@dataclass(frozen=True)
class Blog:
    code: str
    titre: str
    description: str
    contributeurs: frozenset[str]
    classe: str | None = None        # blog d'une classe (sinon : tout l'établissement)
    libelle_contributeurs: str = ""


@dataclass(frozen=True)
class Billet:
    numero: int
    blog: str
    titre: str
    contenu: str
    auteur: str
    date: datetime


@dataclass(frozen=True)
class Commentaire:
    numero: int
    billet: int
    auteur: str
    texte: str
    date: datetime


class Blogs(ServiceSimule):
    """Les blogs de l'établissement."""

    code = "blog"

    def _peupler(self) -> None:
        self._blogs: dict[str, Blog] = {}
        self._billets: list[Billet] = []
        self._commentaires: list[Commentaire] = []
        e = self.etablissement
        a = self.acteurs
        if a.classe:
            profs = frozenset(p.identifiant for p in e.enseignants_de(a.classe))
            self._blogs[f"classe_{a.classe.lower()}"] = Blog(
                f"classe_{a.classe.lower()}", f"{a.classe} — notre année",
                "L'année de la classe : projets, sorties, travaux d'élèves.", profs, a.classe,
                "les enseignants de la classe")
        docs = frozenset(p.identifiant for p in e.avec_fonction(Fonction.DOCUMENTALISTE))
        self._blogs["cdi"] = Blog("cdi", "Au CDI — lire, chercher, s'informer",
                                  "Nouveautés, sélections de lecture et éducation aux médias.",
                                  docs, None, "le professeur documentaliste")
        h = self._hasard
        eleves = sorted(x for x in (e.classes[a.classe].eleves if a.classe else [])
                        if x not in (a.eleve, a.eleve_fratrie))
        lecteur = (lambda: h.choice(eleves)) if eleves else (lambda: None)
        classe = f"classe_{a.classe.lower()}" if a.classe else None
        graines = [
            (classe, a.professeur_principal, f"Bienvenue sur le blog de la {a.classe}", 6,
             "Ce blog racontera notre année : projets en SIG, sorties, travaux d'élèves. Les "
             "commentaires sont ouverts aux élèves de la classe ; restez courtois, la charte "
             "d'usage de l'ENT s'applique ici aussi.",
             [(lecteur(), "Super idée, on pourra y mettre les photos de la sortie ?")]),
            (classe, a.professeur_principal, "Préparer la visite d'entreprise", 2,
             "Chaque groupe prépare trois questions sur le système d'information de "
             "l'entreprise : qui saisit les données, qui y accède, comment elles sont "
             "protégées.",
             [(a.eleve_fratrie, "Notre groupe demandera comment ils gèrent les mots de "
                                "passe."), (lecteur(), "Et qui est responsable des données ?")]),
            ("cdi", a.documentaliste, "Sélection de rentrée", 5,
             "Dix romans et trois bandes dessinées à découvrir au CDI, à réserver depuis le "
             "catalogue e-sidoc.", []),
            ("cdi", a.documentaliste, "Vérifier une information en ligne", 1,
             "Qui parle ? Quand ? Quelles sources ? Trois réflexes à garder avant de partager "
             "une information sur les réseaux sociaux.",
             [(a.autre_professeur, "Merci, je m'en servirai en classe.")]),
        ]
        for code, auteur, titre, jours, contenu, commentaires in graines:
            if code not in self._blogs or not auteur:
                continue
            instant = self._passe(jours, jours)
            billet = Billet(len(self._billets) + 1, code, titre, contenu, auteur, instant)
            self._billets.append(billet)
            for ecrivain, texte in commentaires:
                if ecrivain:
                    instant += timedelta(minutes=h.randint(30, 240))
                    self._commentaires.append(Commentaire(len(self._commentaires) + 1,
                                                          billet.numero, ecrivain, texte,
                                                          instant))

    # -- outils --------------------------------------------------------------------------
    def blog(self, code: str) -> Blog:
        try:
            return self._blogs[code]
        except (KeyError, TypeError):
            raise Introuvable(f"Blog inconnu : {cite(code)} (possibles : "
                              f"{', '.join(self._blogs)}).", code="blog_inconnu") from None

    def _billet(self, numero: int) -> Billet:
        if not isinstance(numero, bool):
            for billet in self._billets:
                if billet.numero == numero:
                    return billet
        raise Introuvable(f"Aucun billet n° {extrait(numero)}.", code="billet_inconnu")

    def billet(self, identifiant: str, numero: int) -> Billet:
        """Un billet, pour les lecteurs de son blog (le blog d'une classe : sa classe, ses
        familles, ses enseignants, les personnels) ; lecture tracée, refus tracé sinon."""
        billet = self._billet(numero)
        blog = self.blog(billet.blog)
        self._exiger_droit(identifiant, Action.LIRE, f"billet « {billet.titre} »",
                           self._verdict_lecture(identifiant, blog))
        return billet

    def est_lecteur(self, identifiant: str, blog: Blog | str) -> bool:
        """Cette personne lit-elle ce blog (donné par son code ou l'objet) ?"""
        blog = blog if isinstance(blog, Blog) else self.blog(blog)
        personne = self.personne(identifiant)
        if blog.classe is None or personne.profil is Profil.PERSONNEL:
            return True
        return blog.classe in self.etablissement.classes_de(identifiant)

    def peut_publier(self, identifiant: str, code: str) -> bool:
        return isinstance(identifiant, str) and identifiant in self.blog(code).contributeurs \
            and self.peut(identifiant)

    def _verdict_lecture(self, identifiant: str, blog: Blog) -> tuple[bool, str, str]:
        if self.est_lecteur(identifiant, blog):
            return True, "autorise", f"Le blog « {blog.titre} » est partagé avec cette personne."
        return False, "hors_perimetre", (f"Le blog « {blog.titre} » n'est partagé qu'avec la "
                                         f"classe {blog.classe}, ses familles, ses enseignants "
                                         "et les personnels.")

    # -- lecture -----------------------------------------------------------------------------
    def blogs(self, identifiant: str) -> list[Blog]:
        """Les blogs que cette personne peut lire."""
        self._exiger_droit(identifiant, Action.LIRE, "blogs")
        return [b for b in self._blogs.values() if self.est_lecteur(identifiant, b)]

    def billets(self, identifiant: str, code: str) -> list[Billet]:
        """Les billets d'un blog, du plus récent au plus ancien."""
        blog = self.blog(code)
        self._exiger_droit(identifiant, Action.LIRE, f"blog « {blog.titre} »",
                           self._verdict_lecture(identifiant, blog))
        return sorted((b for b in self._billets if b.blog == code),
                      key=lambda b: (b.date, b.numero), reverse=True)

    def commentaires(self, identifiant: str, numero_billet: int) -> list[Commentaire]:
        """Les commentaires d'un billet, dans l'ordre."""
        billet = self._billet(numero_billet)
        blog = self.blog(billet.blog)
        self._exiger_droit(identifiant, Action.LIRE, f"commentaires du billet « {billet.titre} »",
                           self._verdict_lecture(identifiant, blog))
        return [c for c in self._commentaires if c.billet == numero_billet]

    # -- écriture ----------------------------------------------------------------------------
    def publier(self, identifiant: str, code: str, titre: str, contenu: str) -> Billet:
        """Publie un billet (réservé aux contributeurs du blog)."""
        blog = self.blog(code)
        titre = texte_saisi(titre, "titre", maximum=TITRE_MAX)
        contenu = texte_saisi(contenu, "contenu", maximum=CONTENU_MAX, multiligne=True)
        if isinstance(identifiant, str) and identifiant in blog.contributeurs:
            verdict = (True, "autorise", f"Cette personne contribue au blog « {blog.titre} ».")
        else:
            verdict = (False, "action_non_permise",
                       f"Seuls les contributeurs du blog « {blog.titre} » "
                       f"({blog.libelle_contributeurs}) y publient des billets ; les autres "
                       "lecteurs peuvent commenter si leur profil le permet.")
        self._exiger_droit(identifiant, Action.ECRIRE, f"blog « {blog.titre} »", verdict)
        billet = Billet(len(self._billets) + 1, code, titre, contenu, identifiant,
                        self.maintenant())
        self._billets.append(billet)
        self._tracer("publication_ajoutee", identifiant, f"billet « {titre} »",
                     f"Blog « {blog.titre} »")
        return billet

    def commenter(self, identifiant: str, numero_billet: int, texte: str) -> Commentaire:
        """Commente un billet (lecteurs dont le profil peut écrire dans le service)."""
        billet = self._billet(numero_billet)
        blog = self.blog(billet.blog)
        texte = texte_saisi(texte, "commentaire", maximum=COMMENTAIRE_MAX, multiligne=True)
        self._exiger_droit(identifiant, Action.ECRIRE, f"billet « {billet.titre} »",
                           self._verdict_lecture(identifiant, blog))
        commentaire = Commentaire(len(self._commentaires) + 1, numero_billet, identifiant,
                                  texte, self.maintenant())
        self._commentaires.append(commentaire)
        self._tracer("publication_ajoutee", identifiant, f"commentaire n° {commentaire.numero}",
                     f"Billet « {billet.titre} »")
        return commentaire

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Les billets et les commentaires écrits par la personne (catégorie
        « contenus_publies ») et les blogs auxquels elle contribue."""
        donnees = []
        for b in self._billets:
            if b.auteur == identifiant:
                donnees.append(DonneePersonnelle(
                    self.code, "contenus_publies", f"Billet de blog — « {b.titre} »",
                    b.contenu, identifiant, identifiant, f"blog:billet:{b.numero}", b.date))
        for c in self._commentaires:
            if c.auteur == identifiant:
                titre = self._billet(c.billet).titre
                donnees.append(DonneePersonnelle(
                    self.code, "contenus_publies", f"Commentaire — « {titre} »", c.texte,
                    identifiant, identifiant, f"blog:commentaire:{c.numero}", c.date))
        for blog in self._blogs.values():
            if identifiant in blog.contributeurs:
                donnees.append(DonneePersonnelle(
                    self.code, "vie_scolaire", "Contributeur d'un blog", blog.titre,
                    identifiant, None, f"blog:blog:{blog.code}", None))
        return donnees

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Comme le forum : billets et commentaires restent, signés « Ancien élève »
        (« Ancien enseignant »…) — arrêté ENT du 30 novembre 2006 modifié, art. 6,
        contributions conservables « sauf opposition du contributeur » ; motif
        ``opposition`` : leur texte est retiré. La personne n'est plus contributrice."""
        motif = verifier_motif(motif)
        anonyme = self._anonyme(identifiant)
        retirer = motif == "opposition"
        compte = 0
        for i, b in enumerate(self._billets):
            if b.auteur == identifiant:
                self._billets[i] = replace(b, auteur=anonyme,
                                           contenu=CONTENU_RETIRE if retirer else b.contenu)
                compte += 1
        for i, c in enumerate(self._commentaires):
            if c.auteur == identifiant:
                self._commentaires[i] = replace(c, auteur=anonyme,
                                                texte=CONTENU_RETIRE if retirer else c.texte)
                compte += 1
        for code, blog in list(self._blogs.items()):
            if identifiant in blog.contributeurs:
                self._blogs[code] = replace(blog, contributeurs=blog.contributeurs - {identifiant})
                compte += 1
        return compte


SERVICE = Blogs
