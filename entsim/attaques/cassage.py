"""Vol de la base des mots de passe, puis cassage hors ligne avec un dictionnaire.

L'attaquant a copié la table « identifiant → valeur stockée » du service d'authentification
(:meth:`entsim.authentification.service.Authentification.empreintes` : exactement ce qu'on
obtient en volant la base). Hors ligne, rien ne le freine : ni blocage après 5 échecs, ni
journal. Il essaie un **dictionnaire** : la liste des mots de passe courants livrée avec
entsim (``data/mots_de_passe_courants.txt``) et des transformations simples (majuscule
initiale, chiffres, année, « ! », leet), dans l'ordre où les attaquants les essaient.

Ce qui est **joué** et ce qui est **extrapolé** :

* texte en clair : rien à casser, la base se lit ;
* MD5 sans sel : tout le dictionnaire est joué (une empreinte par candidat, comparée d'un
  coup à toutes les empreintes volées : c'est le prix de l'absence de sel) ;
* empreintes salées et lentes (PBKDF2-SHA256 600 000 itérations, Argon2id) : chaque
  candidat doit être recalculé **pour chaque compte** (un sel par compte) ; pour tenir en
  quelques secondes, seuls les premiers candidats sont joués (:data:`CANDIDATS_JOUES`), le
  reste est extrapolé avec la vitesse mesurée. La simulation connaît les mots de passe
  qu'elle a posés : elle sait à quel rang du dictionnaire chacun tomberait, sans jouer les
  heures de calcul. C'est dit dans chaque résultat.

Ce qui tombe dépend seulement du dictionnaire et des mots de passe (déterministe) ; le
temps dépend de la machine (mesuré : attributs ``mesure_*``).

Sources : SDET (CERTA 2013, document 2, « Mots de passe » : jamais en clair, empreinte
irréversible) ; CNIL, délibération n° 2022-100 (fonction salée et lente, scrypt ou Argon2 ;
MD5 non acceptable ; liste de mots de passe interdits) ; vitesses : :mod:`entsim.attaques.mesures`.
bcrypt n'est pas un schéma de l'ENT : il n'est pas joué ici, mais sa vitesse est mesurée
(:func:`entsim.attaques.mesures.mesurer`, coût 5, comme le chiffre publié de hashcat).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from entsim.attaques.mesures import (SCHEMAS_MESURES, VITESSES_GPU, VitesseMesuree,
                                     en_environ, vitesse_lisible)
from entsim.authentification.hachage import SCHEMAS, GestionnaireEmpreintes, verifier_schema
from entsim.authentification.mots_de_passe.courants import liste_courante
from entsim.authentification.mots_de_passe.redaction import fr
from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import accorder, cite

if TYPE_CHECKING:   # pragma: no cover
    import pandas as pd

__all__ = ["ANNEES", "CANDIDATS_JOUES", "CompteCasse", "ResultatCassage", "casser",
           "dictionnaire", "fabriquer_base"]

#: Années ajoutées aux mots du dictionnaire (« Soleil2025 »).
ANNEES = ("2024", "2025", "2026")

#: Lettres remplacées par le « leet » du dictionnaire (« p@ssw0rd »).
_LEET = str.maketrans({"a": "@", "o": "0", "e": "3", "i": "1"})

#: Les transformations, dans l'ordre où elles sont essayées (toutes les entrées avec la
#: première, puis toutes avec la deuxième…).
_REGLES = (
    lambda m: m, str.capitalize, lambda m: m + "1", lambda m: m + "!", lambda m: m + "123",
    lambda m: m.capitalize() + "1", lambda m: m.capitalize() + "!",
    lambda m: m.capitalize() + "123",
    *(r for a in ANNEES for r in ((lambda m, a=a: m + a),
                                  (lambda m, a=a: m.capitalize() + a),
                                  (lambda m, a=a: m.capitalize() + a + "!"))),
    lambda m: m.translate(_LEET), lambda m: m.capitalize().translate(_LEET),
)

#: Candidats joués par compte pour les schémas salés et lents (le reste est extrapolé).
CANDIDATS_JOUES: Mapping[str, int] = {"pbkdf2_sha256": 1, "argon2": 3, "scrypt": 1}


@lru_cache(maxsize=1)
def dictionnaire() -> tuple[str, ...]:
    """Le dictionnaire de l'attaquant : les mots de passe courants (par rang) et leurs
    transformations simples, sans doublon, dans l'ordre d'essai (environ 10 000 candidats)."""
    mots = sorted(liste_courante().rangs, key=liste_courante().rangs.__getitem__)
    vus: dict[str, None] = {}
    for regle in _REGLES:
        for mot in mots:
            vus.setdefault(regle(mot), None)
    return tuple(vus)


@lru_cache(maxsize=1)
def _rangs() -> dict[str, int]:
    return {c: i for i, c in enumerate(dictionnaire(), start=1)}


@dataclass(frozen=True)
class CompteCasse:
    """Ce que l'attaquant obtient pour un compte de la base volée.

    ``rang`` : position du mot de passe dans le dictionnaire (``None`` : absent, il résiste
    au dictionnaire) ; ``essais`` : calculs d'empreinte nécessaires pour l'atteindre ;
    ``joue`` : trouvé pendant les essais réellement joués (sinon extrapolé)."""

    identifiant: str
    trouve: bool
    mot_de_passe: str | None
    rang: int | None
    essais: int
    joue: bool


@dataclass(frozen=True)
class ResultatCassage:
    """Le cassage hors ligne d'une base volée, pour un schéma de stockage."""

    schema: str
    comptes: tuple[CompteCasse, ...]
    taille_dictionnaire: int
    essais_joues: int
    complet: bool
    mesure_secondes: float

    @property
    def trouves(self) -> tuple[CompteCasse, ...]:
        return tuple(c for c in self.comptes if c.trouve)

    @property
    def essais_dictionnaire_complet(self) -> int:
        """Calculs d'empreinte pour tout le dictionnaire (un par candidat sans sel ; un par
        candidat et par compte avec sel)."""
        if self.schema == "clair":
            return 0
        par_candidat = len(self.comptes) if SCHEMAS[self.schema].sale else 1
        return self.taille_dictionnaire * par_candidat

    @property
    def mesure_vitesse(self) -> VitesseMesuree:
        return VitesseMesuree(self.schema, self.essais_joues, self.mesure_secondes)

    def texte(self) -> str:
        """Ce qui tombe, en français (déterministe)."""
        nom = SCHEMAS[self.schema].algorithme
        n = len(self.comptes)
        if self.schema == "clair":
            return (f"{nom} : les {n} mots de passe se lisent directement dans la base volée, "
                    "même les plus solides.")
        tombes = len(self.trouves)
        texte = (f"{nom} : {tombes} mot{'s' if tombes > 1 else ''} de passe sur {n} "
                 f"{'tombent' if tombes > 1 else 'tombe'} avec le dictionnaire de "
                 f"{fr(self.taille_dictionnaire)} candidats")
        if self.complet:
            texte += f" ({fr(self.essais_joues)} calculs d'empreinte, tous joués)."
        else:
            joues = sum(c.joue for c in self.comptes if c.trouve)
            texte += (f" ; {fr(self.essais_joues)} calculs joués sur "
                      f"{fr(self.essais_dictionnaire_complet)} ({joues} trouvé"
                      f"{'s' if joues > 1 else ''} pendant la démonstration, le reste "
                      "extrapolé).")
        return texte

    def mesure_texte(self) -> str:
        """Les temps, mesurés sur cette machine (cellule ``nbval-ignore-output``)."""
        if self.schema == "clair":
            return self.texte()
        vitesse = self.mesure_vitesse.mesure_essais_par_seconde
        texte = (f"{SCHEMAS[self.schema].algorithme} : {vitesse_lisible(vitesse)} mesurés ici ; "
                 f"tout le dictionnaire : {en_environ(self.essais_dictionnaire_complet / vitesse)}"
                 " sur ce PC")
        gpu = VITESSES_GPU.get(self.schema)
        if gpu is not None and gpu.essais_par_seconde:
            texte += (f", {en_environ(self.essais_dictionnaire_complet / gpu.essais_par_seconde)}"
                      " sur une RTX 4090")
        return texte + "."

    def tableau(self) -> "pd.DataFrame":
        """Un compte par ligne : trouvé ou non, rang dans le dictionnaire, essais nécessaires
        (déterministe ; le temps est dans :meth:`mesure_tableau`)."""
        import pandas as pd

        return pd.DataFrame([{
            "Identifiant": c.identifiant,
            "Mot de passe retrouvé": c.mot_de_passe or "—",
            "Rang dans le dictionnaire": c.rang if c.rang is not None else "absent",
            "Calculs nécessaires": c.essais if c.trouve else "—",
            "Comment": ("lu dans la base" if self.schema == "clair" else
                        "résiste au dictionnaire" if not c.trouve else
                        "trouvé (joué)" if c.joue else "trouverait (extrapolé)"),
        } for c in self.comptes])

    def mesure_tableau(self) -> "pd.DataFrame":
        """:meth:`tableau` et le temps pour trouver chaque compte, sur ce PC (mesuré)."""
        table = self.tableau()
        vitesse = self.mesure_vitesse.mesure_essais_par_seconde
        table["Temps sur ce PC"] = [
            ("immédiat" if self.schema == "clair" else en_environ(c.essais / vitesse))
            if c.trouve else "—" for c in self.comptes]
        return table

    def __str__(self) -> str:
        return self.texte()


def fabriquer_base(mots_de_passe: Mapping[str, str], schema: str,
                   source: SourceAleatoire | None = None) -> dict[str, str]:
    """Une base « identifiant → valeur stockée » calculée avec le module de stockage de
    l'ENT (:class:`GestionnaireEmpreintes`, coût normal), pour comparer les schémas sur les
    mêmes mots de passe. ``source`` en mode reproductible : sels tirés de la graine."""
    gestionnaire = GestionnaireEmpreintes(verifier_schema(schema), source=source)
    return {ident: gestionnaire.hacher(mdp) for ident, mdp in mots_de_passe.items()}


def casser(base: Mapping[str, str], schema: str, *,
           verite: Mapping[str, str] | None = None,
           candidats_joues: int | None = None) -> ResultatCassage:
    """Joue l'attaque par dictionnaire sur une base volée (``identifiant → valeur
    stockée``) stockée avec ``schema``.

    Sans sel, tout le dictionnaire est joué. Avec sel, ``candidats_joues`` candidats par
    compte (par défaut :data:`CANDIDATS_JOUES`) ; ``verite`` (les mots de passe que la
    simulation a posés) permet de dire à quel rang les autres tomberaient."""
    schema = verifier_schema(schema)
    if not isinstance(base, Mapping) or not base:
        raise ValeurInvalide("La base volée est un dictionnaire identifiant → empreinte, "
                             f"non vide (reçu : {cite(base)}).")
    rangs, candidats = _rangs(), dictionnaire()
    if schema == "clair":
        comptes = tuple(CompteCasse(i, True, v, rangs.get(v), 0, True) for i, v in base.items())
        return ResultatCassage(schema, comptes, len(candidats), 0, True, 0.0)
    gestionnaire = GestionnaireEmpreintes(schema)
    debut = time.perf_counter()
    if not SCHEMAS[schema].sale:
        cibles: dict[str, list[str]] = {}
        for ident, valeur in base.items():
            cibles.setdefault(valeur, []).append(ident)
        trouves: dict[str, tuple[str, int]] = {}
        for rang, candidat in enumerate(candidats, start=1):
            for ident in cibles.get(gestionnaire.hacher(candidat), ()):
                trouves[ident] = (candidat, rang)
        secondes = time.perf_counter() - debut
        comptes = tuple(CompteCasse(i, i in trouves, trouves.get(i, (None,))[0],
                                    trouves[i][1] if i in trouves else None,
                                    trouves[i][1] if i in trouves else 0, True) for i in base)
        return ResultatCassage(schema, comptes, len(candidats), len(candidats), True, secondes)
    joues = CANDIDATS_JOUES.get(schema, 1) if candidats_joues is None else candidats_joues
    if isinstance(joues, bool) or not isinstance(joues, int) or not 1 <= joues <= len(candidats):
        raise ValeurInvalide(f"« candidats_joues » est un entier entre 1 et {len(candidats)} "
                             f"(reçu : {cite(candidats_joues)}).")
    idents = list(base)
    trouves = {}
    essais = 0
    for rang, candidat in enumerate(candidats[:joues], start=1):
        for position, ident in enumerate(idents, start=1):
            if ident in trouves:
                continue
            essais += 1
            if gestionnaire.verifier(candidat, base[ident], schema=schema):
                trouves[ident] = (candidat, rang)
    secondes = time.perf_counter() - debut
    comptes = []
    for position, ident in enumerate(idents, start=1):
        if ident in trouves:
            candidat, rang = trouves[ident]
            comptes.append(CompteCasse(ident, True, candidat, rang,
                                       (rang - 1) * len(idents) + position, True))
            continue
        rang = rangs.get((verite or {}).get(ident, ""))
        if rang is not None:
            comptes.append(CompteCasse(ident, True, verite[ident], rang,        # type: ignore
                                       (rang - 1) * len(idents) + position, False))
        else:
            comptes.append(CompteCasse(ident, False, None, None, 0, False))
    return ResultatCassage(schema, tuple(comptes), len(candidats), essais, False, secondes)


def casser_tout(mots_de_passe: Mapping[str, str], source: SourceAleatoire | None = None,
                schemas: Sequence[str] = SCHEMAS_MESURES) -> dict[str, ResultatCassage]:
    """Les mêmes mots de passe stockés avec chaque schéma, puis cassés : le laboratoire."""
    return {s: casser(fabriquer_base(mots_de_passe, s, source), s, verite=mots_de_passe)
            for s in schemas}


def resume_laboratoire(resultats: Mapping[str, ResultatCassage]) -> str:
    """Une phrase par schéma (déterministe) et la leçon."""
    lignes = [r.texte() for r in resultats.values()]
    faibles = {c.identifiant for r in resultats.values() for c in r.trouves
               if r.schema != "clair"}
    lignes.append(f"Les {accorder(len(faibles), 'mot de passe faible', 'mots de passe faibles')} "
                  "tombent quel que soit le stockage, plus ou moins vite : une empreinte lente "
                  "freine l'attaquant, seul un mot de passe absent des dictionnaires lui résiste.")
    return "\n".join(lignes)
