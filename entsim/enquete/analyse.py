"""Analyser les réponses de l'enquête : effectifs, fonctionnalités, fréquences, avis, thèmes.

:func:`analyser` rend un objet :class:`Analyse` dont chaque tableau (pandas) répond à une
partie du questionnaire : combien de réponses par acteur, quelle part de chaque acteur cite
chaque service, à quelle fréquence, quel avis sur chaque affirmation (score moyen de 1 à 5
et part des « d'accord »), et les avantages et limites les plus cités par acteur
(:func:`themes_par_acteur`).

Un thème est « cité » par une réponse si le groupe l'a coché, ou si une racine du
dictionnaire des thèmes (:mod:`entsim.enquete.themes`) paraît dans le texte libre ; chaque
réponse compte au plus une fois par thème. Un exemple de citation accompagne chaque thème :
le premier texte, dans l'ordre des réponses, où il a été repéré.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from entsim.enquete.acteurs import ACTEURS, Acteur, acteur_depuis
from entsim.enquete.questionnaire import AFFIRMATIONS, FREQUENCES, NIVEAUX_ACCORD
from entsim.enquete.reponse import Reponse
from entsim.enquete.themes import AVANTAGE, LIMITE, THEMES, themes_du_texte
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import accorder, cite, extrait

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Analyse", "CITATION_MAX", "analyser", "reponses_verifiees", "themes_de",
           "themes_par_acteur"]

#: Longueur maximale d'un exemple de citation.
CITATION_MAX = 120


def reponses_verifiees(reponses: Iterable[Reponse]) -> list[Reponse]:
    if isinstance(reponses, Reponse):
        reponses = [reponses]
    try:
        liste = list(reponses)
    except TypeError:
        raise ValeurInvalide(f"Donnez une liste de réponses (reçu : {cite(reponses)}).") from None
    if not liste:
        raise ValeurInvalide("Aucune réponse à analyser : chargez d'abord un fichier "
                             "(charger(...) ou charger_exemple()).", code="aucune_reponse")
    for r in liste:
        if not isinstance(r, Reponse):
            raise ValeurInvalide(f"On n'analyse que des réponses (Reponse), pas {cite(r)}.")
    return liste


def _presents(reponses: Sequence[Reponse]) -> list[Acteur]:
    codes = {r.acteur.code for r in reponses}
    return [a for a in ACTEURS if a.code in codes]


def themes_de(reponse: Reponse, nature: str) -> dict[str, bool]:
    """Les thèmes (code → repéré dans le texte ?) d'une réponse, pour une nature
    (``"avantage"`` ou ``"limite"``) : ceux repérés dans le texte et ceux cochés."""
    texte = reponse.avantages if nature == AVANTAGE else reponse.limites
    coches = reponse.avantages_themes if nature == AVANTAGE else reponse.limites_themes
    trouves = {code: True for code in themes_du_texte(texte, nature)}
    for theme in THEMES:
        if theme.libelle in coches:
            trouves.setdefault(theme.code, False)
    return trouves


def _phrase_du_theme(texte: str, code: str) -> str:
    """La première phrase du texte où le thème est repéré (tout le texte sinon)."""
    for phrase in re.split(r"(?<=[.!?…])\s+", texte):
        if code in themes_du_texte(phrase):
            return phrase
    return texte


def themes_par_acteur(reponses: Iterable[Reponse], nature: str = AVANTAGE,
                      acteur: Acteur | str | None = None) -> pd.DataFrame:
    """Les thèmes cités, par acteur, du plus au moins cité : colonnes « Acteur », « Thème »,
    « Réponses », « Part (%) » (des réponses de cet acteur) et « Exemple »."""
    import pandas as pd

    if nature not in (AVANTAGE, LIMITE):
        raise ValeurInvalide("La nature d'un thème est « avantage » ou « limite » "
                             f"(reçu : {cite(nature)}).")
    liste = reponses_verifiees(reponses)
    acteurs = _presents(liste) if acteur is None else [acteur_depuis(acteur)]
    lignes = []
    for a in acteurs:
        siennes = [r for r in liste if r.acteur == a]
        comptes: dict[str, int] = {}
        exemples: dict[str, str] = {}
        for r in siennes:
            texte = r.avantages if nature == AVANTAGE else r.limites
            for code, dans_le_texte in themes_de(r, nature).items():
                comptes[code] = comptes.get(code, 0) + 1
                if dans_le_texte and code not in exemples:
                    exemples[code] = f"« {extrait(_phrase_du_theme(texte, code), CITATION_MAX)} »"
        for theme in sorted((t for t in THEMES if t.code in comptes),
                            key=lambda t: (-comptes[t.code], THEMES.index(t))):
            lignes.append({"Acteur": a.libelle, "Thème": theme.libelle,
                           "Réponses": comptes[theme.code],
                           "Part (%)": round(100 * comptes[theme.code] / len(siennes)),
                           "Exemple": exemples.get(theme.code, "(thème coché)")})
    return _numeroter(pd.DataFrame(lignes, columns=["Acteur", "Thème", "Réponses", "Part (%)",
                                                    "Exemple"]))


def _numeroter(table: "pd.DataFrame") -> "pd.DataFrame":
    """Lignes numérotées à partir de 1 (« N° »), comme tous les tableaux du cours."""
    import pandas as pd

    table.index = pd.RangeIndex(1, len(table) + 1, name="N°")
    return table


@dataclass(frozen=True)
class Analyse:
    """Les tableaux de l'analyse (voir :func:`analyser`)."""

    nombre: int
    effectifs: pd.DataFrame
    fonctionnalites: pd.DataFrame
    frequences: pd.DataFrame
    accords: pd.DataFrame
    avantages: pd.DataFrame
    limites: pd.DataFrame

    def avantages_de(self, acteur: Acteur | str) -> pd.DataFrame:
        """Les avantages cités par un acteur, du plus au moins cité (lignes numérotées 1…)."""
        return self._de(self.avantages, acteur)

    def limites_de(self, acteur: Acteur | str) -> pd.DataFrame:
        """Les limites citées par un acteur, du plus au moins cité (lignes numérotées 1…)."""
        return self._de(self.limites, acteur)

    @staticmethod
    def _de(table: pd.DataFrame, acteur: Acteur | str) -> pd.DataFrame:
        a = acteur_depuis(acteur)
        return _numeroter(table[table["Acteur"] == a.libelle].drop(columns="Acteur").copy())

    def plus_cites(self, nature: str, acteur: Acteur | str) -> list[tuple[str, int]]:
        """Les thèmes d'un acteur, du plus cité au moins cité : ``(libellé, réponses)``."""
        table = self.avantages if nature == AVANTAGE else self.limites
        a = acteur_depuis(acteur)
        lignes = table[table["Acteur"] == a.libelle]
        return list(zip(lignes["Thème"], (int(n) for n in lignes["Réponses"])))

    def texte(self) -> str:
        """Un résumé en français : effectifs, puis pour chaque acteur l'avantage et la
        limite les plus cités."""
        lignes = [f"{accorder(self.nombre, 'réponse analysée', 'réponses analysées')}, "
                  f"{accorder(len(self.effectifs), 'acteur')} :"]
        for acteur, nombre in zip(self.effectifs["Acteur"], self.effectifs["Réponses"]):
            avantages = self.plus_cites(AVANTAGE, acteur)
            limites = self.plus_cites(LIMITE, acteur)
            avantage = (f"avantage le plus cité « {avantages[0][0]} » ({avantages[0][1]})"
                        if avantages else "aucun avantage repéré")
            limite = (f"limite la plus citée « {limites[0][0]} » ({limites[0][1]})"
                      if limites else "aucune limite repérée")
            lignes.append(f"- {acteur} ({accorder(int(nombre), 'réponse')}) : {avantage} ; "
                          f"{limite}.")
        return "\n".join(lignes)

    def __str__(self) -> str:
        return self.texte()


def _fonctionnalites(liste: list[Reponse], acteurs: list[Acteur]) -> pd.DataFrame:
    import pandas as pd

    services: dict[str, int] = {}
    for r in liste:
        for s in r.fonctionnalites:
            services[s] = services.get(s, 0) + 1
    ordre = sorted(services, key=lambda s: -services[s])
    table = pd.DataFrame(0.0, index=[a.libelle for a in acteurs], columns=ordre)
    for a in acteurs:
        siennes = [r for r in liste if r.acteur == a]
        for s in ordre:
            table.loc[a.libelle, s] = round(
                100 * sum(s in r.fonctionnalites for r in siennes) / len(siennes), 1)
    table.index.name = "Acteur"
    table.columns.name = "Service"
    return table


def _accords(liste: list[Reponse]) -> pd.DataFrame:
    import pandas as pd

    lignes = []
    for code, texte in AFFIRMATIONS.items():
        niveaux = [NIVEAUX_ACCORD.index(r.accords[code]) + 1 for r in liste]
        ligne: dict[str, object] = {"Affirmation": texte}
        for i, libelle in enumerate(NIVEAUX_ACCORD, start=1):
            ligne[libelle] = sum(n == i for n in niveaux)
        ligne["Score moyen (1 à 5)"] = round(sum(niveaux) / len(niveaux), 2)
        ligne["D'accord (%)"] = round(100 * sum(n >= 4 for n in niveaux) / len(niveaux), 1)
        lignes.append(ligne)
    return pd.DataFrame(lignes).set_index("Affirmation")


def analyser(reponses: Iterable[Reponse]) -> Analyse:
    """Analyse une liste de réponses (un fichier, une fusion, ou le jeu livré)."""
    import pandas as pd

    liste = reponses_verifiees(reponses)
    acteurs = _presents(liste)
    comptes = [sum(r.acteur == a for r in liste) for a in acteurs]
    effectifs = _numeroter(pd.DataFrame({
        "Acteur": [a.libelle for a in acteurs], "Réponses": comptes,
        "Part (%)": [round(100 * n / len(liste)) for n in comptes]}))
    frequences = pd.DataFrame(
        [[sum(r.acteur == a and r.frequence == f for r in liste) for f in FREQUENCES]
         for a in acteurs], index=[a.libelle for a in acteurs], columns=list(FREQUENCES))
    frequences.index.name = "Acteur"
    return Analyse(len(liste), effectifs, _fonctionnalites(liste, acteurs), frequences,
                   _accords(liste), themes_par_acteur(liste, AVANTAGE),
                   themes_par_acteur(liste, LIMITE))
