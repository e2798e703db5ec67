"""Catalogue du CDI : recherche documentaire (titres, auteurs, sujets, disponibilité).

Le catalogue est tenu par le professeur documentaliste, qui ajoute les notices ; tous les
membres de l'établissement le consultent (catalogue des services, « Catalogue du CDI
(e-sidoc) » ; page du ministère, 2022 : « catalogue CDI » parmi les services
d'accompagnement de la vie de l'élève). La recherche ne tient compte ni des accents ni des
majuscules (« economie » trouve « Économie ») : :func:`entsim.etablissement.identifiants.replier`.

Notices de démonstration : des classiques du domaine public et des documentaires fictifs
(auteurs et éditeurs inventés) ; cote Dewey simplifiée.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from entsim.autorisation.service import Action, Ressource
from entsim.socle.erreurs import Introuvable, ValeurInvalide, verifier_entier
from entsim.socle.saisie import texte_saisi
from entsim.socle.texte import extrait
from entsim.etablissement.identifiants import replier
from entsim.services._vie_eleve import ServiceVieEleve, cite, date_fr
from entsim.services._donnees import DonneePersonnelle, verifier_motif

TYPES = ("Livre", "Roman", "Bande dessinée", "Revue", "DVD", "Manuel")
CHAMPS = {"tout": "tous les champs", "titre": "le titre", "auteur": "l'auteur",
          "sujet": "les sujets"}

#: Longueurs maximales (caractères) des champs d'une notice et d'une recherche, et nombre
#: maximal d'auteurs et de sujets d'une notice.
TITRE_MAX = 200
AUTEUR_MAX = 100
EDITEUR_MAX = 100
SUJET_MAX = 60
COTE_MAX = 20
RECHERCHE_MAX = 200
AUTEURS_MAX = 20
SUJETS_MAX = 20

#: (titre, auteurs, éditeur, année, type, sujets, cote, exemplaires)
NOTICES_DE_DEMONSTRATION: tuple[tuple, ...] = (
    ("Les Misérables", ("Victor Hugo",), "Éditions du Domaine public", 1862, "Roman",
     ("littérature française", "XIXe siècle", "justice sociale"), "R HUG", 2),
    ("Au Bonheur des Dames", ("Émile Zola",), "Éditions du Domaine public", 1883, "Roman",
     ("littérature française", "commerce", "grands magasins"), "R ZOL", 2),
    ("Bel-Ami", ("Guy de Maupassant",), "Éditions du Domaine public", 1885, "Roman",
     ("littérature française", "presse", "ambition"), "R MAU", 1),
    ("Candide", ("Voltaire",), "Éditions du Domaine public", 1759, "Roman",
     ("philosophie", "Lumières", "conte philosophique"), "R VOL", 3),
    ("Protéger ses données personnelles", ("Claire Vasseur",), "Éditions Boussole", 2024,
     "Livre", ("données personnelles", "RGPD", "CNIL", "numérique"), "342.08 VAS", 2),
    ("L'identité numérique expliquée aux lycéens", ("Marc Ollier", "Nadia Benali"),
     "Éditions du Préau", 2023, "Livre", ("identité numérique", "réseaux sociaux",
                                          "numérique"), "302.23 OLL", 1),
    ("Cybersécurité : les bons réflexes", ("Julie Tran",), "Atelier numérique scolaire", 2025,
     "Livre", ("sécurité informatique", "mots de passe", "numérique"), "005.8 TRA", 2),
    ("Systèmes d'information de gestion : comprendre l'entreprise numérique",
     ("Paul Ferrand",), "Éditions Sillage", 2022, "Livre",
     ("système d'information", "gestion", "management"), "658.4 FER", 1),
    ("Le management des organisations", ("Sonia Marchal",), "Éditions Sillage", 2021,
     "Livre", ("management", "organisation", "gestion"), "658 MAR", 2),
    ("Droit et économie : fiches de révision", ("Hélène Caron",), "Éditions du Préau", 2024,
     "Manuel", ("droit", "économie", "révision", "baccalauréat"), "340 CAR", 3),
    ("Économie : les grandes questions", ("Bruno Delorme",), "Éditions Boussole", 2020,
     "Livre", ("économie", "croissance", "inégalités"), "330 DEL", 1),
    ("Les métiers du numérique", ("Collectif",), "Éditions du Campus", 2025, "Livre",
     ("orientation", "métiers", "numérique"), "331.7 MET", 2),
    ("Après le bac STMG : études et débouchés", ("Collectif",), "Éditions du Campus", 2026,
     "Livre", ("orientation", "études supérieures", "STMG"), "378 APR", 3),
    ("Le réseau des réseaux : une histoire d'Internet", ("Léon Fabre",),
     "Éditions Boussole", 2019, "Bande dessinée", ("Internet", "histoire", "numérique"),
     "BD FAB", 1),
    ("Science & Lycée, n° 112 : l'intelligence artificielle", ("Collectif",),
     "Presse Éducation Diffusion", 2026, "Revue", ("intelligence artificielle",
                                                   "numérique", "sciences"), "P SCI", 1),
    ("Dans la tête d'un pirate informatique (documentaire)", ("Inès Morel",),
     "Films du Lycée", 2023, "DVD", ("sécurité informatique", "cybercriminalité"), "DVD MOR",
     1),
)


@dataclass
class Notice:
    """Une notice du catalogue (une entité : ses exemplaires peuvent être empruntés)."""

    numero: int
    titre: str
    auteurs: tuple[str, ...]
    editeur: str
    annee: int | None
    type: str
    sujets: tuple[str, ...]
    cote: str
    exemplaires: int
    retours_prevus: tuple[date, ...] = ()     # un par exemplaire emprunté

    @property
    def disponibles(self) -> int:
        return self.exemplaires - len(self.retours_prevus)

    @property
    def disponibilite(self) -> str:
        if self.disponibles > 0:
            return f"disponible ({self.disponibles} sur {self.exemplaires})"
        return f"empruntée, retour prévu le {date_fr(min(self.retours_prevus), avec_jour=False)}"

    def cle(self, champ: str) -> str:
        textes = {"titre": [self.titre], "auteur": list(self.auteurs),
                  "sujet": list(self.sujets)}
        if champ == "tout":
            textes["autres"] = [self.editeur, self.type, self.cote]
            return replier(" | ".join(t for liste in textes.values() for t in liste))
        return replier(" | ".join(textes[champ]))

    def en_texte(self) -> str:
        edition = ", ".join(str(x) for x in (self.editeur, self.annee) if x) or "éditeur inconnu"
        sujets = ", ".join(self.sujets) or "—"
        return (f"{self.titre} — {', '.join(self.auteurs)} — {edition} — {self.type} — "
                f"cote {self.cote} — sujets : {sujets} — {self.disponibilite}")


class CatalogueCDI(ServiceVieEleve):
    """Le service « Catalogue du CDI »."""

    code = "cdi"

    def __init__(self, ent) -> None:
        super().__init__(ent)
        self._notices: dict[int, Notice] = {}
        rng = self._generateur()
        aujourd_hui = self.horloge.maintenant().date()
        for titre, auteurs, editeur, annee, type_, sujets, cote, nb in NOTICES_DE_DEMONSTRATION:
            empruntes = sum(1 for _ in range(nb) if rng.random() < 0.35)
            retours = tuple(sorted(aujourd_hui + timedelta(days=rng.randint(2, 20))
                                   for _ in range(empruntes)))
            self._ajouter(titre, auteurs, editeur, annee, type_, sujets, cote, nb, retours)

    def _ajouter(self, titre: str, auteurs: tuple[str, ...], editeur: str, annee: int | None,
                 type_: str, sujets: tuple[str, ...], cote: str, exemplaires: int,
                 retours: tuple[date, ...] = ()) -> Notice:
        notice = Notice(len(self._notices) + 1, titre, tuple(auteurs), editeur, annee, type_,
                        tuple(sujets), cote, exemplaires, retours)
        self._notices[notice.numero] = notice
        return notice

    # -- consultation ------------------------------------------------------------------------
    def rechercher(self, identifiant: str, texte: str = "", *, champ: str = "tout",
                   disponibles_seulement: bool = False,
                   poste: str | None = None) -> list[Notice]:
        """Les notices dont ``champ`` contient tous les mots de ``texte`` (sans tenir compte
        des accents ni des majuscules), triées par titre ; un texte vide donne tout."""
        texte_saisi(texte, "texte", maximum=RECHERCHE_MAX, vide_autorise=True)
        if not isinstance(champ, str) or champ not in CHAMPS:
            raise ValeurInvalide(f"« champ » vaut « tout », « titre », « auteur » ou "
                                 f"« sujet » (reçu : {cite(champ)}).", code="champ_inconnu")
        self.exiger(identifiant, Action.LIRE, Ressource("cdi"), poste=poste)
        mots = replier(texte).split()
        trouvees = [n for n in self._notices.values()
                    if all(m in n.cle(champ) for m in mots)
                    and (not disponibles_seulement or n.disponibles > 0)]
        return sorted(trouvees, key=lambda n: replier(n.titre))

    def notice(self, identifiant: str, numero: int, *, poste: str | None = None) -> Notice:
        self.exiger(identifiant, Action.LIRE, Ressource("cdi"), poste=poste)
        try:
            return self._notices[numero]
        except (KeyError, TypeError):
            raise Introuvable(f"Aucune notice n° {extrait(numero)} dans le catalogue.",
                              code="notice_inconnue") from None

    # -- catalogage (professeur documentaliste) ----------------------------------------------
    def ajouter_notice(self, identifiant: str, titre: str, auteurs: str | list[str], *,
                       editeur: str = "", annee: int | None = None, type: str = "Livre",
                       sujets: str | list[str] = (), cote: str = "",
                       exemplaires: int = 1, poste: str | None = None) -> Notice:
        """Le professeur documentaliste catalogue un document. ``auteurs`` et ``sujets``
        s'écrivent en liste ou en texte séparé par des virgules."""
        titre = texte_saisi(titre, "titre", maximum=TITRE_MAX)
        auteurs_t = _liste(auteurs, "auteurs", vide_autorise=False, maximum=AUTEUR_MAX,
                           nombre_max=AUTEURS_MAX)
        sujets_t = _liste(sujets, "sujets", vide_autorise=True, maximum=SUJET_MAX,
                          nombre_max=SUJETS_MAX)
        editeur = texte_saisi(editeur, "editeur", maximum=EDITEUR_MAX, vide_autorise=True)
        cote = texte_saisi(cote, "cote", maximum=COTE_MAX, vide_autorise=True)
        if not isinstance(type, str) or type not in TYPES:
            raise ValeurInvalide(f"Type de document inconnu : {cite(type)} (types possibles : "
                                 f"{', '.join(TYPES)}).", code="type_inconnu")
        annee_max = self.horloge.maintenant().year
        if annee is not None:
            verifier_entier(annee, "annee", minimum=1450, maximum=annee_max)
        verifier_entier(exemplaires, "exemplaires", minimum=1, maximum=100)
        self.exiger(identifiant, Action.ECRIRE, Ressource("cdi"), poste=poste)
        cote = cote or (replier(auteurs_t[0]).split() or ["???"])[-1][:3].upper()
        return self._ajouter(titre, auteurs_t, editeur, annee, type, sujets_t, cote,
                             exemplaires)

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Rien : le catalogue simulé ne garde pas qui a emprunté un exemplaire (seulement
        les dates de retour prévues) ni qui a catalogué une notice. Un vrai logiciel de CDI
        garde les prêts (catégorie « prets_cdi » du catalogue) : ils seraient listés ici."""
        return []

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Rien à effacer (voir :meth:`donnees_de`)."""
        verifier_motif(motif)
        return 0


def _liste(valeur: object, nom: str, *, vide_autorise: bool, maximum: int,
           nombre_max: int) -> tuple[str, ...]:
    """Une liste d'auteurs ou de sujets, écrite en liste ou en texte séparé par des virgules ;
    chaque élément est un texte saisi (:func:`entsim.socle.saisie.texte_saisi`)."""
    if isinstance(valeur, str):
        brut: list[object] = valeur.split(",", nombre_max)
    elif isinstance(valeur, (list, tuple)):
        brut = list(valeur)
    else:
        raise ValeurInvalide(f"« {nom} » s'écrit en texte (\"a, b\") ou en liste "
                             f"([\"a\", \"b\"]) (reçu : {cite(valeur)}).")
    if len(brut) > nombre_max:
        raise ValeurInvalide(f"Trop de {nom} : {nombre_max} au plus.",
                             code="liste_trop_longue")
    elements = [e for e in (texte_saisi(v, nom, maximum=maximum, vide_autorise=True)
                            for v in brut) if e]
    if not elements and not vide_autorise:
        raise ValeurInvalide(f"« {nom} » ne peut pas être vide.")
    return tuple(elements)


SERVICE = CatalogueCDI
