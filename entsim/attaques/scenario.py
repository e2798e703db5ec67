"""Le socle commun des scénarios d'attaque : l'histoire, l'attaque jouée sans puis avec sa
parade, ce que le journal en garde, et le risque avant et après.

Un scénario est une classe fille de :class:`Scenario` qui déclare ses textes (``code``,
``titre``, ``histoire``, ``famille``, ``cause``, ``parade``, ``sources``, ``indices``) et son
risque (``risque_avant``, ``risque_apres``), et qui écrit une seule méthode,
:meth:`Scenario._attaquer` : elle reçoit un ENT neuf (même graine à chaque partie) et joue
l'attaque, parade active ou non. La classe mère s'occupe du reste : ENT neuf, lignes du
journal produites pendant la partie, résultat, comparaison des deux issues.

Échelles du risque : celles de la méthode d'analyse d'impact de la CNIL (« PIA, la
méthode » et « PIA, la base de connaissances », édition février 2018, § « Étude des risques
liés à la sécurité des données ») : la **gravité** (ampleur des conséquences pour les
personnes) et la **vraisemblance** (possibilité que le risque se réalise) se cotent chacune
sur quatre niveaux, 1 « Négligeable », 2 « Limitée », 3 « Importante », 4 « Maximale ».

Familles de risques : celles de la page du ministère de 2022 sur l'ENT (document 004 du
cours) : « risques liés à l'intégrité des données » et « risques liés à la sécurité des
données personnelles ».

Déterminisme : un scénario joue sur l'ENT de démonstration (graine fixe, horloge simulée,
secrets tirés de la graine) ; même graine → même résultat. Seules les **vitesses mesurées**
(cassage hors ligne) varient d'une machine à l'autre : elles sont rangées à part, dans
:attr:`ResultatAttaque.mesures`, pour que le notebook marque leurs cellules
``nbval-ignore-output``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Mapping

from entsim.ent import ENT
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.tableaux import tableau
from entsim.socle.texte import cite

if TYPE_CHECKING:
    import pandas as pd

#: Les niveaux des échelles de gravité et de vraisemblance de la CNIL (méthode PIA, 2018).
NIVEAUX: Mapping[int, str] = MappingProxyType({
    1: "négligeable", 2: "limitée", 3: "importante", 4: "maximale"})

#: Les deux familles de risques de la page du ministère sur l'ENT (2022, document 004).
FAMILLE_INTEGRITE = "Intégrité du système"
FAMILLE_DONNEES = "Données personnelles"
FAMILLES = (FAMILLE_INTEGRITE, FAMILLE_DONNEES)

#: Les causes d'un risque : une personne (erreur, malveillance), l'organisation (règle,
#: réglage, procédure), la technique (logiciel, matériel).
CAUSES = ("humaine", "organisationnelle", "technique")

#: Les colonnes de :meth:`Comparaison.tableau`.
COLONNES_COMPARAISON = ("Critère", "Sans parade", "Avec parade")


def _niveau(valeur: object, nom: str) -> int:
    if isinstance(valeur, bool) or not isinstance(valeur, int) or valeur not in NIVEAUX:
        raise ValeurInvalide(f"La {nom} se cote de 1 (négligeable) à 4 (maximale) sur "
                             f"l'échelle de la CNIL (reçu : {cite(valeur)}).")
    return valeur


@dataclass(frozen=True)
class Risque:
    """Un risque coté sur les échelles de la CNIL (méthode PIA) : gravité et vraisemblance
    de 1 à 4, chacune avec sa justification en une ligne."""

    gravite: int
    vraisemblance: int
    justification_gravite: str
    justification_vraisemblance: str

    def __post_init__(self) -> None:
        _niveau(self.gravite, "gravité")
        _niveau(self.vraisemblance, "vraisemblance")
        for nom in ("justification_gravite", "justification_vraisemblance"):
            if not isinstance(getattr(self, nom), str) or not getattr(self, nom).strip():
                raise ValeurInvalide(f"« {nom} » : une phrase en français est attendue.")

    @property
    def libelle_gravite(self) -> str:
        """« importante »…"""
        return NIVEAUX[self.gravite]

    @property
    def libelle_vraisemblance(self) -> str:
        return NIVEAUX[self.vraisemblance]

    def texte(self) -> str:
        """« gravité 3 (importante), vraisemblance 4 (maximale) »."""
        return (f"gravité {self.gravite} ({self.libelle_gravite}), vraisemblance "
                f"{self.vraisemblance} ({self.libelle_vraisemblance})")

    def __str__(self) -> str:
        return self.texte()


@dataclass(frozen=True)
class ResultatAttaque:
    """L'issue d'une partie : l'attaque a-t-elle réussi, que s'est-il passé (``resume``, une
    ou deux phrases françaises), quelles lignes le journal a-t-il gardées (``journal`` :
    extrait de ``ent.journal.tableau()``, index « N° » du journal).

    ``chiffres`` : les nombres de la partie, déterministes (essais, comptes trouvés,
    minutes…). ``mesures`` : les nombres **mesurés sur la machine** (vitesses de cassage),
    qui changent d'une exécution à l'autre — le notebook marque ``nbval-ignore-output`` la
    cellule qui les affiche ; ils sont vides pour les scénarios en ligne."""

    code: str
    avec_parade: bool
    reussie: bool
    resume: str
    journal: "pd.DataFrame"
    parade: str
    risque: Risque
    chiffres: Mapping[str, Any] = field(default_factory=dict)
    mesures: Mapping[str, float] = field(default_factory=dict)

    @property
    def issue(self) -> str:
        """« Attaque réussie » ou « Attaque déjouée »."""
        return "Attaque réussie" if self.reussie else "Attaque déjouée"

    def lignes(self, operation: str | None = None) -> "pd.DataFrame":
        """Les lignes du journal de la partie, toutes ou celles d'une opération (libellé
        français du journal, par exemple « Échec de connexion »)."""
        if operation is None:
            return self.journal
        return self.journal[self.journal["Opération"] == operation]

    def __str__(self) -> str:
        return (f"{self.issue} ({'avec' if self.avec_parade else 'sans'} parade) : "
                f"{self.resume}")


@dataclass(frozen=True)
class Issue:
    """Ce que :meth:`Scenario._attaquer` renvoie : la classe mère y ajoute le journal et le
    risque pour faire un :class:`ResultatAttaque`."""

    reussie: bool
    resume: str
    chiffres: Mapping[str, Any] = field(default_factory=dict)
    mesures: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Comparaison:
    """Les deux issues côte à côte (sans parade, avec parade)."""

    titre: str
    sans: ResultatAttaque
    avec: ResultatAttaque

    def tableau(self) -> "pd.DataFrame":
        """Un ``DataFrame`` de deux colonnes (sans parade, avec parade) : issue, résumé,
        lignes du journal, risque."""
        lignes = [
            ("Issue", self.sans.issue, self.avec.issue),
            ("Ce qui s'est passé", self.sans.resume, self.avec.resume),
            ("Lignes du journal", len(self.sans.journal), len(self.avec.journal)),
            ("Gravité", f"{self.sans.risque.gravite} ({self.sans.risque.libelle_gravite})",
             f"{self.avec.risque.gravite} ({self.avec.risque.libelle_gravite})"),
            ("Vraisemblance",
             f"{self.sans.risque.vraisemblance} ({self.sans.risque.libelle_vraisemblance})",
             f"{self.avec.risque.vraisemblance} ({self.avec.risque.libelle_vraisemblance})"),
        ]
        return tableau(lignes, COLONNES_COMPARAISON).set_index("Critère")

    def texte(self) -> str:
        """Le bilan en français, en quelques lignes."""
        return (f"{self.titre}\n"
                f"– Sans parade : {self.sans.issue.lower()}. {self.sans.resume}\n"
                f"– Avec parade : {self.avec.issue.lower()}. {self.avec.resume}\n"
                f"– Parade : {self.avec.parade}\n"
                f"– Risque : {self.sans.risque.texte()} avant ; "
                f"{self.avec.risque.texte()} après.")

    def __str__(self) -> str:
        return self.texte()


class IndiceScenario(str):
    """Un indice (un texte), affiché avec son rang : « 💡 Indice 1 sur 2 — … »."""

    def __new__(cls, texte: str, rang: int, total: int) -> "IndiceScenario":
        indice = super().__new__(cls, texte)
        indice.rang, indice.total = rang, total
        return indice

    def __repr__(self) -> str:
        if not self.total:
            return str(self)
        return f"💡 Indice {self.rang} sur {self.total} — {self}"


class Scenario:
    """Un scénario d'attaque rejouable. Les classes filles déclarent les attributs de
    classe ci-dessous et écrivent :meth:`_attaquer` (et, au besoin, :meth:`_fabriquer_ent`).

    Utilisation dans un notebook::

        s = scenarios()["devinette_en_ligne"]()
        print(s.histoire)
        sans = s.jouer(avec_parade=False)   # l'attaque réussit
        avec = s.jouer(avec_parade=True)    # elle échoue
        s.comparer().tableau()
        s.reinitialiser()                   # tout recommencer, sans redémarrer le noyau

    Chaque partie joue sur un ENT **neuf** (même graine) : les deux issues ne dépendent pas
    de l'ordre dans lequel on les joue. L'ENT de la dernière partie reste dans ``self.ent``
    pour l'explorer (``s.ent.journal.tableau()``…).
    """

    #: code stable (snake_case), clé du registre ``entsim.attaques.scenarios()``
    code: ClassVar[str] = ""
    titre: ClassVar[str] = ""
    #: l'histoire, en quelques phrases, pour les élèves
    histoire: ClassVar[str] = ""
    famille: ClassVar[str] = ""
    cause: ClassVar[str] = ""
    #: la contre-mesure, en français, avec sa source
    parade: ClassVar[str] = ""
    #: les textes cités (CNIL, SDET, spécification CAS…)
    sources: ClassVar[tuple[str, ...]] = ()
    #: les indices, montrés un à un par :meth:`indice`
    indices: ClassVar[tuple[str, ...]] = ()
    risque_avant: ClassVar[Risque]
    risque_apres: ClassVar[Risque]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.code:              # classe intermédiaire abstraite
            return
        manquants = [nom for nom in ("titre", "histoire", "famille", "cause", "parade")
                     if not getattr(cls, nom)]
        if manquants or not cls.sources:
            raise TypeError(f"Scénario {cls.code} incomplet : {manquants or ['sources']}.")
        if cls.famille not in FAMILLES:
            raise TypeError(f"Scénario {cls.code} : famille inconnue {cls.famille!r}.")
        if cls.cause not in CAUSES:
            raise TypeError(f"Scénario {cls.code} : cause inconnue {cls.cause!r}.")
        for nom in ("risque_avant", "risque_apres"):
            if not isinstance(getattr(cls, nom, None), Risque):
                raise TypeError(f"Scénario {cls.code} : {nom} manquant.")

    def __init__(self, graine: int = 2026) -> None:
        if isinstance(graine, bool) or not isinstance(graine, int):
            raise ValeurInvalide("La graine d'un scénario est un nombre entier "
                                 f"(reçu : {cite(graine)}).")
        self.graine = graine
        #: les indices déjà montrés : ils restent visibles après :meth:`reinitialiser`
        self.indices_montres: list[str] = []
        self.reinitialiser()

    # -- à écrire dans les classes filles -----------------------------------------------
    def _fabriquer_ent(self, avec_parade: bool) -> ENT:
        """L'ENT neuf d'une partie : par défaut l'ENT de démonstration (graine du scénario,
        empreintes au coût « rapide » pour que chaque partie dure moins d'une seconde)."""
        return ENT.demo(self.graine, cout="rapide")

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        """Joue l'attaque sur ``ent`` (parade activée ou non) et dit comment elle finit."""
        raise NotImplementedError

    # -- ce que les élèves appellent ----------------------------------------------------
    def reinitialiser(self) -> None:
        """Remet le scénario à zéro (un ENT neuf, même graine ; résultats oubliés), sans
        redémarrer le noyau. Les indices déjà montrés restent visibles."""
        self.ent: ENT = self._fabriquer_ent(False)
        self.resultats: dict[bool, ResultatAttaque] = {}

    def jouer(self, avec_parade: bool = False) -> ResultatAttaque:
        """Joue l'attaque sur un ENT neuf, sans (``False``) ou avec (``True``) la parade."""
        if not isinstance(avec_parade, bool):
            raise ValeurInvalide("« avec_parade » vaut True (parade activée) ou False "
                                 f"(reçu : {cite(avec_parade)}).")
        ent = self._fabriquer_ent(avec_parade)
        debut = ent.journal.dernier_numero()
        issue = self._attaquer(ent, avec_parade)
        journal = ent.journal.tableau(ent.journal.depuis(debut))
        self.ent = ent
        resultat = ResultatAttaque(
            self.code, avec_parade, issue.reussie, issue.resume, journal, self.parade,
            self.risque_apres if avec_parade else self.risque_avant,
            MappingProxyType(dict(issue.chiffres)), MappingProxyType(dict(issue.mesures)))
        self.resultats[avec_parade] = resultat
        return resultat

    def comparer(self) -> Comparaison:
        """Les deux issues côte à côte (les parties pas encore jouées le sont)."""
        for avec in (False, True):
            if avec not in self.resultats:
                self.jouer(avec)
        return Comparaison(self.titre, self.resultats[False], self.resultats[True])

    def indice(self) -> "IndiceScenario":
        """L'indice suivant (le dernier est répété une fois tous montrés) ; affiché dans un
        notebook « 💡 Indice 1 sur 2 — … », et sa sortie reste dans le fichier."""
        if not self.indices:
            return IndiceScenario("Pas d'indice pour ce scénario.", 0, 0)
        rang = min(len(self.indices_montres), len(self.indices) - 1)
        texte = self.indices[rang]
        if len(self.indices_montres) < len(self.indices):
            self.indices_montres.append(texte)
        return IndiceScenario(texte, rang + 1, len(self.indices))

    def fiche(self) -> "pd.DataFrame":
        """La fiche du scénario : histoire, famille, cause, parade, risques, sources."""
        lignes = [("Titre", self.titre), ("Histoire", self.histoire),
                  ("Famille de risques", self.famille), ("Cause", self.cause),
                  ("Parade", self.parade),
                  ("Risque avant", f"{self.risque_avant.texte()} — "
                   f"{self.risque_avant.justification_gravite} "
                   f"{self.risque_avant.justification_vraisemblance}"),
                  ("Risque après", f"{self.risque_apres.texte()} — "
                   f"{self.risque_apres.justification_gravite} "
                   f"{self.risque_apres.justification_vraisemblance}"),
                  ("Sources", " ; ".join(self.sources))]
        return tableau(lignes, ("Rubrique", "Contenu")).set_index("Rubrique")

    def __repr__(self) -> str:
        return f"Scénario « {self.titre} » ({self.code}, graine {self.graine})"
