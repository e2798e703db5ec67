"""Détecteur de données sensibles dans un texte libre (forum, blog, messages, motifs d'absence).

**Ce que dit le texte.** Le RGPD (règlement (UE) 2016/679) interdit en principe, art. 9.1, le
traitement des données « qui révèle[nt] l'origine raciale ou ethnique, les opinions
politiques, les convictions religieuses ou philosophiques ou l'appartenance syndicale, ainsi
que le traitement des données génétiques, des données biométriques aux fins d'identifier une
personne physique de manière unique, des données concernant la santé ou des données
concernant la vie sexuelle ou l'orientation sexuelle d'une personne physique » (exceptions :
art. 9.2). L'art. 10 encadre les données « relatives aux condamnations pénales et aux
infractions » (traitement seulement sous le contrôle de l'autorité publique, ou autorisé par
le droit de l'Union ou d'un État membre). Les données de santé (art. 4.15, considérant 35)
couvrent « toute information concernant, par exemple, une maladie, un handicap, un risque de
maladie, les antécédents médicaux, un traitement clinique » et les informations recueillies
lors de soins : un rendez-vous chez l'orthophoniste en est une.

**Ce que fait le détecteur.** Des motifs (mots, racines, tournures) par catégorie, écrits pour
le français d'un lycée. Une donnée sensible est une information *sur une personne* : « ma fille
est diabétique », pas « le cours de SVT sur la santé ». D'où trois règles :

* des tournures qui rattachent le thème à une personne (« je suis… », « il est… », « sa
  religion », « s'est fait arrêter », « chez l'orthophoniste ») plutôt que des mots-thèmes
  seuls (« santé », « religion », « grève », « syndicat » ne suffisent pas) ;
* la **négation** : un motif précédé, dans la même proposition, de « pas », « jamais »,
  « aucun », « ni », « sans » ou « non » (jusqu'à trois mots avant, ou dans le motif même :
  « n'est pas malade ») n'est pas signalé. Choix assumé : « il n'est pas malade » ne révèle
  aucune maladie ; « il n'est **plus** malade » en révèle une passée, et reste signalé ;
* le **thème de cours** : dans une proposition qui parle d'un cours, d'un chapitre, d'un
  exposé, d'un débat, d'un film, d'un roman… (« Exposé sur l'histoire des empreintes
  digitales »), le motif désigne un sujet d'étude, pas une personne : il n'est pas signalé.

Le lexique (motifs, mots de négation, de thème, de chose) et ses choix documentés sont dans
:mod:`entsim.rgpd.lexique_sensibles` : racines et variantes (« dyslex\\w* », féminin,
pluriel), première et troisième personne, possessifs (« mon fils », « sa mère »), style SMS
(« jsuis », « rdv », « GAV »). Un motif marqué ``(?#niee)`` n'est pas écarté par la négation
(« je ne crois pas en Dieu » révèle une conviction).

Un détecteur par mots-clés se trompe : il est *mesuré* sur un jeu de phrases étiquetées,
``data/phrases_sensibles.csv`` (voir ``benchmarks/bench_sensibles.py`` et
:func:`evaluer`). Un tiers des 369 premières lignes (« test ») n'a jamais servi à régler les
motifs, mais a été écrit en même temps qu'eux : le score y est optimiste. Une ancienne partie
« controle » (48 phrases écrites après un premier gel des motifs) y avait montré un rappel de
0,42 (précision 0,81) : les motifs collaient à leurs propres phrases. Le lexique a alors été
élargi par catégorie ; ces 48 phrases sont devenues « apprentissage », avec 180 phrases
nouvelles (tournures variées, négatifs difficiles). Une mesure honnête demande des phrases
écrites par quelqu'un d'autre, jamais lues pendant le réglage.
Il signale ce qu'un humain doit relire ; il ne décide pas à sa place, et son silence ne
prouve pas qu'un texte est sans donnée sensible.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from typing import TYPE_CHECKING

from entsim.rgpd.lexique_sensibles import CHOSES, MOTIFS_BRUTS, NEGATIONS, THEMES
from entsim.services.absences import MOTIFS
from entsim.socle.donnees import lire_csv
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.tableaux import tableau
from entsim.socle.texte import nature

if TYPE_CHECKING:  # annotations seulement
    from entsim.ent import ENT

#: Les catégories : code stable → (libellé français, article du RGPD).
CATEGORIES: dict[str, tuple[str, str]] = {
    "origine": ("Origine raciale ou ethnique", "art. 9.1"),
    "opinions_politiques": ("Opinions politiques", "art. 9.1"),
    "convictions": ("Convictions religieuses ou philosophiques", "art. 9.1"),
    "syndicat": ("Appartenance syndicale", "art. 9.1"),
    "genetique_biometrique": ("Données génétiques ou biométriques (identification unique)",
                              "art. 9.1"),
    "sante": ("Santé", "art. 9.1"),
    "vie_sexuelle": ("Vie sexuelle ou orientation sexuelle", "art. 9.1"),
    "penal": ("Condamnations pénales et infractions", "art. 10"),
}

#: Longueur maximale d'un texte analysé (au-delà : refus clair plutôt qu'une attente).
TEXTE_MAX = 100_000


@dataclass(frozen=True)
class Signalement:
    """Un passage qui peut contenir une donnée sensible."""

    categorie: str        # code de CATEGORIES
    libelle: str          # « Santé »
    article: str          # « art. 9.1 » ou « art. 10 »
    extrait: str          # le passage trouvé, tel qu'il est écrit
    debut: int            # position du passage dans le texte (indices Python)
    fin: int

    def __str__(self) -> str:
        return f"{self.libelle} (RGPD, {self.article}) : « {self.extrait} »"

    def __repr__(self) -> str:      # affiché dans une liste, dans un notebook : en français
        return str(self)


# -- normalisation ------------------------------------------------------------------------
_REMPLACEMENTS = {"’": "'", "ʼ": "'", "‘": "'", "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae",
                  "\u00a0": " ", "\u202f": " ", "–": "-", "‑": "-"}


def _replier(texte: str) -> tuple[str, list[int]]:
    """Le texte en minuscules sans accents, et pour chaque caractère replié sa position dans
    le texte d'origine (pour rendre l'extrait tel qu'il est écrit)."""
    morceaux: list[str] = []
    positions: list[int] = []
    for i, car in enumerate(texte):
        rempli = _REMPLACEMENTS.get(car)
        if rempli is None:
            rempli = "".join(c for c in unicodedata.normalize("NFD", car)
                             if not unicodedata.combining(c)).lower()
        for c in rempli:
            morceaux.append(c)
            positions.append(i)
    return "".join(morceaux), positions


# -- motifs : voir entsim.rgpd.lexique_sensibles ---------------------------------------------
_MOTIFS: dict[str, list[re.Pattern[str]]] = {
    cat: [re.compile(m) for m in motifs] for cat, motifs in MOTIFS_BRUTS.items()}

#: Motifs qui révèlent une conviction même niés (« je ne crois pas en Dieu »).
_NIES = frozenset(m for motifs in _MOTIFS.values() for m in motifs
                  if m.pattern.startswith("(?#niee)"))

_MOTS = re.compile(r"[\w-]+")


_PONCTUATION = ".,;:!?()«»\n\""


def _proposition_avant(replie: str, debut: int) -> str:
    """Le début de la proposition qui précède la position ``debut``."""
    coupure = max(replie.rfind(c, 0, debut) for c in _PONCTUATION)
    return replie[coupure + 1:debut]


def _mots_avant(replie: str, debut: int) -> list[str]:
    return [m.group().split("'")[-1] for m in
            _MOTS.finditer(_proposition_avant(replie, debut).replace("'", " "))]


def _est_ecarte(replie: str, debut: int, fin: int) -> bool:
    """Vrai si le motif trouvé entre ``debut`` et ``fin`` est nié, parle d'un sujet d'étude
    ou d'une chose."""
    mots = _mots_avant(replie, debut)
    dans = _MOTS.findall(replie[debut:fin].replace("'", " "))
    if NEGATIONS.intersection(mots[-3:]) or NEGATIONS.intersection(dans):
        return True
    if THEMES.intersection(mots):
        return True
    return bool(CHOSES.intersection(mots[-3:]))


def _verifier(texte: object) -> str:
    if not isinstance(texte, str):
        raise ValeurInvalide(f"Le détecteur lit un texte (reçu : {nature(texte)}).")
    if len(texte) > TEXTE_MAX:
        raise ValeurInvalide(f"Texte trop long pour le détecteur : {len(texte)} caractères "
                             f"(au plus {TEXTE_MAX:_}).".replace("_", " "))
    return texte


def detecter(texte: str) -> list[Signalement]:
    """Les passages du texte qui peuvent contenir une donnée sensible (RGPD art. 9 et 10),
    dans l'ordre du texte, une fois par catégorie et par passage.

    >>> [s.categorie for s in detecter("Ma fille est diabétique.")]
    ['sante']
    >>> detecter("Le cours de SVT porte sur la santé.")
    []
    """
    texte = _verifier(texte)
    replie, positions = _replier(texte)
    trouves: list[Signalement] = []
    for code, motifs in _MOTIFS.items():
        libelle, article = CATEGORIES[code]
        zones: list[tuple[int, int]] = []
        for motif in motifs:
            for m in motif.finditer(replie):
                debut, fin = m.span()
                if fin <= debut or (motif not in _NIES and _est_ecarte(replie, debut, fin)):
                    continue
                if any(debut < f and d < fin for d, f in zones):
                    continue                       # déjà signalé pour cette catégorie
                zones.append((debut, fin))
                d, f = positions[debut], positions[fin - 1] + 1
                trouves.append(Signalement(code, libelle, article, texte[d:f], d, f))
    return sorted(trouves, key=lambda s: (s.debut, s.categorie))


def contient_donnees_sensibles(texte: str) -> bool:
    """Vrai si :func:`detecter` signale au moins un passage."""
    return bool(detecter(texte))


def categories_de(texte: str) -> set[str]:
    """Les codes des catégories signalées dans le texte."""
    return {s.categorie for s in detecter(texte)}


# -- mesure sur le jeu étiqueté -----------------------------------------------------------------
@dataclass(frozen=True)
class Mesure:
    """Précision et rappel d'une catégorie (ou de l'ensemble) sur une partie du jeu."""

    categorie: str          # code, ou « ensemble »
    vrais_positifs: int
    faux_positifs: int
    faux_negatifs: int

    @property
    def precision(self) -> float:
        signales = self.vrais_positifs + self.faux_positifs
        return self.vrais_positifs / signales if signales else 1.0

    @property
    def rappel(self) -> float:
        attendus = self.vrais_positifs + self.faux_negatifs
        return self.vrais_positifs / attendus if attendus else 1.0


@dataclass(frozen=True)
class PhraseEtiquetee:
    texte: str
    categories: frozenset[str]
    contexte: str
    partie: str             # « apprentissage » ou « test »


#: Les parties du jeu étiqueté : « apprentissage » (motifs réglés dessus, dont l'ancienne
#: partie « controle »), « test » (une ligne sur trois des 369 premières, jamais utilisée pour
#: régler, mais écrite en même temps que les premiers motifs).
PARTIES = ("apprentissage", "test", "aveugle")


def jeu_etiquete(partie: str | None = None) -> list[PhraseEtiquetee]:
    """Les phrases de ``data/phrases_sensibles.csv`` (toutes, ou une partie : voir
    :data:`PARTIES`).

    La partie « aveugle » est un fichier à part, ``data/phrases_sensibles_aveugles.csv`` : 200
    phrases écrites par quelqu'un qui n'avait vu ni le détecteur ni le jeu d'apprentissage, et
    jamais utilisées pour régler le détecteur. C'est la seule mesure honnête de sa précision
    et de son rappel sur des formulations nouvelles (la partie « test » a été écrite en même
    temps que les règles : ses chiffres sont optimistes)."""
    if partie is not None and partie not in PARTIES:
        raise ValeurInvalide("La partie du jeu est « apprentissage », « test » ou « aveugle ».")
    if partie == "aveugle":
        return [PhraseEtiquetee(l["texte"], frozenset(c for c in l["categories"].split("|") if c),
                                "", "aveugle")
                for l in lire_csv("phrases_sensibles_aveugles.csv")]
    phrases = [PhraseEtiquetee(l["texte"], frozenset(c for c in l["categories"].split("|") if c),
                               l["contexte"], l["partie"])
               for l in lire_csv("phrases_sensibles.csv")]
    return [p for p in phrases if partie is None or p.partie == partie]


def evaluer(phrases: Iterable[PhraseEtiquetee]) -> dict[str, Mesure]:
    """Précision et rappel par catégorie et pour l'« ensemble » (micro-moyenne : chaque
    couple phrase × catégorie compte une fois)."""
    comptes = {code: [0, 0, 0] for code in CATEGORIES}
    for phrase in phrases:
        trouvees = categories_de(phrase.texte)
        for code in CATEGORIES:
            attendu, vu = code in phrase.categories, code in trouvees
            if attendu and vu:
                comptes[code][0] += 1
            elif vu:
                comptes[code][1] += 1
            elif attendu:
                comptes[code][2] += 1
    mesures = {code: Mesure(code, *c) for code, c in comptes.items()}
    mesures["ensemble"] = Mesure("ensemble", *(sum(c[i] for c in comptes.values())
                                               for i in range(3)))
    return mesures


# -- les données de l'ENT simulé ---------------------------------------------------------------
#: Motifs d'absence qui sont en eux-mêmes une information de santé (RGPD, considérant 35 :
#: « toute information concernant, par exemple, une maladie » ; informations recueillies lors
#: de soins) : codes de :data:`entsim.services.absences.MOTIFS`.
MOTIFS_DE_SANTE = frozenset({"maladie", "rendez_vous_medical"})

COLONNES_SCAN = ["Service", "Élément", "Auteur", "Concerne", "Catégorie", "Article", "Extrait"]


def _textes_de_l_ent(ent: ENT):
    """(service, élément, auteur, concerne, texte) pour chaque texte libre des services où
    l'on écrit : motifs d'absence et remarques, messagerie, forum, blog."""
    absences = ent.service("absences")
    for ev in sorted(absences._evenements.values(), key=lambda e: e.numero):
        if ev.remarque:
            yield ("Absences et retards", f"Remarque ({ev.nature} n° {ev.numero})",
                   ev.saisi_par, ev.eleve, ev.remarque)
        if ev.justification is not None and ev.justification.commentaire:
            yield ("Absences et retards", f"Justification ({ev.nature} n° {ev.numero})",
                   ev.justification.par, ev.eleve, ev.justification.commentaire)
    for m in ent.service("messagerie")._messages:
        yield ("Messagerie", f"Message n° {m.numero}", m.expediteur, "",
               f"{m.objet}\n{m.corps}")
    forum = ent.service("forum")
    for sujet in forum._sujets:
        yield ("Forum", f"Sujet n° {sujet.numero} (titre)", sujet.auteur, "", sujet.titre)
    for m in forum._messages:
        yield ("Forum", f"Message n° {m.numero} du sujet n° {m.sujet}", m.auteur, "", m.texte)
    blog = ent.service("blog")
    for billet in blog._billets:
        yield ("Blog", f"Billet n° {billet.numero}", billet.auteur, "",
               f"{billet.titre}\n{billet.contenu}")
    for c in blog._commentaires:
        yield ("Blog", f"Commentaire n° {c.numero} du billet n° {c.billet}", c.auteur, "",
               c.texte)


def scanner(ent: ENT):
    """Les passages des services simulés qui peuvent contenir une donnée sensible (RGPD
    art. 9 et 10) : motifs d'absence (un motif « Maladie » ou « Rendez-vous médical » est une
    donnée de santé), remarques à l'appel, messages, forum, blog. Un ``DataFrame`` (une ligne
    par passage signalé), à relire par un humain.

    C'est l'outil du responsable du traitement, qui lit les données sans passer par les
    droits d'accès : il n'écrit rien au journal et ne modifie rien."""
    lignes = []
    absences = ent.service("absences")
    sante = CATEGORIES["sante"]
    for ev in sorted(absences._evenements.values(), key=lambda e: e.numero):
        j = ev.justification
        if j is not None and j.motif in MOTIFS_DE_SANTE:
            lignes.append(("Absences et retards", f"Motif ({ev.nature} n° {ev.numero})", j.par,
                           ev.eleve, sante[0], sante[1], f"Motif : {MOTIFS[j.motif]}"))
    for service, element, auteur, concerne, texte in _textes_de_l_ent(ent):
        for sig in detecter(texte):
            lignes.append((service, element, auteur, concerne, sig.libelle, sig.article,
                           sig.extrait))
    return tableau(lignes, COLONNES_SCAN)
