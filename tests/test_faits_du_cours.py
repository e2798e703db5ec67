"""Les faits du cours restent exacts partout où élèves et professeurs les lisent (issue 16).

On relit, phrase par phrase, les cellules (texte et code) des notebooks du cours, des fiches
(``solutions/`` et ``exercises/``), le README, ``docs/*.md`` et tous les textes des banques de
questions (énoncés, explications, indices, retours) ; chaque motif ci-dessous est une
formulation fausse déjà corrigée, qui ne doit pas revenir. Sources des corrections :

- CNIL, délibération n° 2022-100 du 21 juillet 2022 « portant adoption d'une
  **recommandation** relative aux mots de passe » (dispositions sans caractère normatif) :
  « la CNIL recommande », jamais « exige » ; son cas n° 2 demande une restriction d'accès
  (blocage ou temporisation) sans fixer « 5 échecs → 15 minutes », qui est un réglage de
  l'ENT ; le renouvellement périodique n'est plus recommandé, sauf pour les comptes à
  privilèges (administrateurs) ;
- *CAS Protocol 3.0 Specification* (Apereo), section 3.1.1 : il est RECOMMANDÉ qu'un ticket
  de service ne vive pas plus de cinq minutes ; 10 s (ticket), 2 h d'inactivité et 8 h au
  plus (session) sont les réglages par défaut du serveur Apereo CAS, pas des exigences du
  protocole ;
- SDET, document 2 du cours : « Aucune méthode de propagation des preuves
  d'authentification aux services applicatifs de l'ENT n'est imposée » ; le serveur CAS est
  celui de la plateforme ENT (un par projet, académique ou de collectivité), pas celui de
  chaque lycée ;
- programme de terminale STMG depuis la réforme (arrêté du 19 juillet 2019, BOEN spécial
  n° 8 du 25 juillet 2019) : spécialité « management, sciences de gestion et numérique »,
  enseignement spécifique « systèmes d'information de gestion ».
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import nbformat
import pytest

from entsim_corrige import fiche_corrigee as fiche, fiches_disponibles

RACINE = Path(__file__).resolve().parent.parent

#: Une fin de phrase : « . », « ! », « ? » ou « : » suivi d'un blanc et d'une majuscule,
#: d'un guillemet ou d'une mise en gras (« art. 13 » ne coupe donc pas la phrase).
_FIN_DE_PHRASE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÝÉ«*>\-•|])|\n\s*\n|\n\s*[-*|] ")


def _phrases(texte: str) -> list[str]:
    return [" ".join(p.split()) for p in _FIN_DE_PHRASE.split(texte) if p.strip()]


def _a(motif: str, phrase: str) -> bool:
    return re.search(motif, phrase, re.IGNORECASE) is not None


def _cnil_qui_exige(phrase: str, contexte: str = "") -> bool:
    """« la CNIL exige » : la délibération 2022-100 est une recommandation.

    ``contexte`` est la phrase précédente : « Dans sa délibération n° 2022-100, elle mesure…
    Elle exige… » parle de la CNIL sans la nommer dans la seconde phrase."""
    return (_a(r"\bla CNIL\s+(?:exige|impose|oblige)\b|entropie (?:minimale )?exigée", phrase)
            or (_a(r"\bCNIL\b|2022-100", contexte + " " + phrase)
                and _a(r"\belle\s+(?:exige|impose|oblige)\b", phrase)))


def _blocage_attribue_a_la_cnil(phrase: str) -> bool:
    """« 5 échecs → 15 minutes » donné comme un chiffre de la CNIL."""
    return (_a(r"\b5 (?:échecs|essais|mots de passe faux)|cinq échecs", phrase)
            and _a(r"\b15 min", phrase) and _a(r"\bCNIL\b|2022-100", phrase)
            and not _a(r"réglage|pas un chiffre de la CNIL|ne fixe pas", phrase))


def _duree_cas_donnee_comme_protocole(phrase: str) -> bool:
    """10 s / 2 h / 8 h présentés comme des exigences du protocole CAS 3.0."""
    return (_a(r"protocole CAS|CAS 3\.0", phrase)
            and _a(r"\b10 s(?:econdes)?\b|\b[28] h(?:eures)?\b", phrase)
            and not _a(r"Apereo|par défaut|réglage", phrase))


def _specialite_sig(phrase: str) -> bool:
    """« spécialité SIG » : depuis 2020, spécialité MSGN (SIG : enseignement spécifique)."""
    return (_a(r"spécialité\s+(?:«\s*)?(?:SIG\b|systèmes d.information de gestion)", phrase)
            and not _a(r"management, sciences de gestion et numérique|MSGN|2013", phrase))


def _serveur_cas_du_lycee(phrase: str) -> bool:
    """Le serveur CAS appartient à la plateforme ENT, pas à chaque établissement."""
    return _a(r"serveur CAS (?:de l.établissement|du lycée|de chaque (?:lycée|établissement))",
              phrase)


def _sdet_impose_cas(phrase: str) -> bool:
    """Le document 2 n'impose aucune technique de propagation de l'identité."""
    return (_a(r"\b(?:SDET|document 2)\b[^.]{0,80}\b(?:impose|exige)\b[^.]{0,60}\b(?:CAS|SAML)\b",
               phrase)
            and not _a(r"n.impose (?:pas|aucune)|aucune méthode", phrase))


def _renouvellement_sans_exception(phrase: str, suite: str = "") -> bool:
    """La CNIL recommande encore le renouvellement périodique des comptes à privilèges.

    ``suite`` est la phrase suivante, où l'exception peut être dite (« Elle le recommande
    encore pour les comptes à privilèges »)."""
    return (_a(r"\bCNIL\b|2022-100", phrase)
            and _a(r"(?:renouvel\w*|changement)\s+périodique", phrase)
            and _a(r"ne recommande plus|n.est plus (?:recommandé|demandé)|plus de "
                   r"(?:renouvel|changement)", phrase)
            and not _a(r"privil|administrat", phrase + " " + suite))


REGLES = {
    "« la CNIL exige » (2022-100 est une recommandation)": _cnil_qui_exige,
    "« 5 échecs → 15 minutes » attribué à la CNIL": _blocage_attribue_a_la_cnil,
    "10 s / 2 h / 8 h donnés pour exigés par le protocole CAS": _duree_cas_donnee_comme_protocole,
    "« spécialité SIG » sans MSGN": _specialite_sig,
    "serveur CAS propre au lycée": _serveur_cas_du_lycee,
    "le SDET imposerait CAS ou SAML": _sdet_impose_cas,
    "renouvellement périodique sans l'exception des comptes à privilèges":
        _renouvellement_sans_exception,
}


def _textes_des_notebooks() -> list[tuple[str, str]]:
    textes = []
    for dossier in ("notebooks", "solutions", "exercises"):
        for chemin in sorted((RACINE / dossier).glob("*.ipynb")):
            nb = nbformat.read(chemin, as_version=4)
            for i, cellule in enumerate(nb.cells):
                if cellule.cell_type in ("markdown", "code"):
                    textes.append((f"{dossier}/{chemin.name}, cellule {i}", cellule.source))
    return textes


def _textes_markdown() -> list[tuple[str, str]]:
    chemins = [RACINE / "README.md", *sorted((RACINE / "docs").glob("*.md"))]
    return [(str(c.relative_to(RACINE)), c.read_text(encoding="utf-8")) for c in chemins]


def _chaines(objet: object, vus: set[int]) -> list[str]:
    """Toutes les chaînes d'une question (champs, dictionnaires, tuples), récursivement."""
    if isinstance(objet, str):
        return [objet]
    if id(objet) in vus or callable(objet) and not dataclasses.is_dataclass(objet):
        return []
    vus.add(id(objet))
    if isinstance(objet, dict):
        return [s for k, v in objet.items() for x in (k, v) for s in _chaines(x, vus)]
    if isinstance(objet, (list, tuple, set, frozenset)):
        return [s for x in objet for s in _chaines(x, vus)]
    if dataclasses.is_dataclass(objet) and not isinstance(objet, type):
        return [s for f in dataclasses.fields(objet)
                for s in _chaines(getattr(objet, f.name, None), vus)]
    return []


def _textes_des_banques() -> list[tuple[str, str]]:
    textes = []
    for identifiant in fiches_disponibles():
        for question in fiche(identifiant).questions:
            for texte in _chaines(question, set()):
                textes.append((f"banque {identifiant}, {question.id}", texte))
    return textes


def _infractions(textes: list[tuple[str, str]]) -> list[str]:
    trouvees = []
    for lieu, texte in textes:
        phrases = _phrases(texte)
        for rang, phrase in enumerate(phrases):
            precedente = phrases[rang - 1] if rang else ""
            suivante = phrases[rang + 1] if rang + 1 < len(phrases) else ""
            for nom, regle in REGLES.items():
                if regle is _cnil_qui_exige:
                    fautive = regle(phrase, precedente)
                elif regle is _renouvellement_sans_exception:
                    fautive = regle(phrase, suivante)
                else:
                    fautive = regle(phrase)
                if fautive:
                    trouvees.append(f"{lieu} — {nom} : {phrase[:200]}")
    return trouvees


@pytest.mark.parametrize("source", ["notebooks et fiches", "README et docs", "banques"])
def test_aucune_formulation_corrigee_ne_revient(source):
    textes = {"notebooks et fiches": _textes_des_notebooks,
              "README et docs": _textes_markdown,
              "banques": _textes_des_banques}[source]()
    assert textes, "rien à relire : le test ne trouve plus les fichiers du cours"
    assert _infractions(textes) == []


#: Chaque règle, sur des phrases qu'elle doit signaler (True) ou laisser passer (False).
EXEMPLES = [
    (_cnil_qui_exige, "Elle exige une entropie minimale (délibération n° 2022-100).", True),
    (_cnil_qui_exige, "Lisez l'encadré : la CNIL exige qu'il figure sur la page d'accueil.", True),
    (_cnil_qui_exige, "Plus l'attaquant peut essayer, plus l'entropie exigée est forte.", True),
    (_cnil_qui_exige, "La CNIL recommande une entropie minimale d'autant plus forte.", False),
    (_cnil_qui_exige, "Le SDET exige l'authentification par mot de passe.", False),
    (_duree_cas_donnee_comme_protocole,
     "Un ticket ne vit que 10 secondes (protocole CAS 3.0, section 2.5.3).", True),
    (_duree_cas_donnee_comme_protocole,
     "Sessions limitées à 2 h d'inactivité et 8 h au total (protocole CAS 3.0).", True),
    (_duree_cas_donnee_comme_protocole,
     "Un ticket vit 10 s (réglage par défaut d'Apereo CAS ; le protocole CAS 3.0 recommande "
     "5 minutes au plus).", False),
    (_duree_cas_donnee_comme_protocole, "Le bouton « Attendre 10 s » fait avancer le temps.",
     False),
    (_specialite_sig, "Ce cours accompagne la séquence de terminale STMG (spécialité SIG).",
     True),
    (_specialite_sig, "Terminale STMG, spécialité « management, sciences de gestion et "
     "numérique » (MSGN), enseignement spécifique « systèmes d'information de gestion ».",
     False),
    (_specialite_sig, "Un lexique de SIG écrit à plusieurs.", False),
    (_blocage_attribue_a_la_cnil,
     "CNIL : mots de passe de 80 bits, blocage après 5 échecs pendant 15 minutes.", True),
    (_blocage_attribue_a_la_cnil, "Blocage après 5 échecs pendant 15 minutes : un réglage de "
     "l'ENT, pas un chiffre de la CNIL.", False),
    (_serveur_cas_du_lycee, "Le serveur CAS de l'établissement fait confiance à EduConnect.",
     True),
    (_serveur_cas_du_lycee, "Le serveur CAS de la plateforme ENT fait confiance à EduConnect.",
     False),
    (_sdet_impose_cas, "Le SDET impose le protocole CAS entre le portail et les services.", True),
    (_sdet_impose_cas, "Le SDET n'impose aucune technique : les ENT utilisent CAS.", False),
    (_renouvellement_sans_exception, "Depuis sa délibération n° 2022-100, la CNIL ne "
     "recommande plus de changement périodique imposé.", True),
    (_renouvellement_sans_exception, "La CNIL ne recommande plus de renouvellement périodique, "
     "sauf pour les comptes à privilèges (administrateurs).", False),
]


@pytest.mark.parametrize(("regle", "phrase", "attendu"), EXEMPLES)
def test_chaque_regle_vise_juste(regle, phrase, attendu):
    assert regle(phrase) is attendu


def test_elle_exige_apres_une_phrase_sur_la_cnil():
    assert _cnil_qui_exige("Elle exige une entropie minimale.",
                           "Dans sa délibération n° 2022-100, elle mesure la force en bits.")
    assert not _cnil_qui_exige("Elle exige une entropie minimale.",
                               "Le SDET décrit l'accès en 8 étapes.")


def test_l_exception_des_comptes_a_privileges_peut_suivre():
    phrase = "La CNIL ne recommande plus de changement périodique imposé."
    assert not _renouvellement_sans_exception(
        phrase, "Elle le recommande encore pour les comptes à privilèges (administrateurs).")
    assert _renouvellement_sans_exception(phrase, "On change son mot de passe s'il fuit.")
