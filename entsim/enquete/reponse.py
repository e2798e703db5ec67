"""Une réponse au questionnaire, vérifiée dès sa création.

Une :class:`Reponse` est une valeur (classe de données figée) : elle n'existe que si toutes
ses questions sont valides. Chaque problème est nommé en français, avec l'intitulé de la
question (« La question « Avantages » est vide : … ») ; s'il y en a plusieurs, une seule
erreur (:class:`ReponseInvalide`) les énumère tous, pour qu'on corrige tout d'un coup.
Les textes passent par :func:`entsim.socle.saisie.texte_saisi` (longueurs maximales du
questionnaire, aucun caractère invisible ni de contrôle), la date par
:func:`entsim.socle.saisie.date_saisie`.

L'identifiant d'une réponse est stable : groupe, code de l'acteur et numéro
(« TSTMG1 G3-parent-002 ») ; deux fichiers qui contiennent la même réponse sont fusionnés
sans la compter deux fois (:mod:`entsim.enquete.fusion`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from entsim.enquete.acteurs import Acteur, acteur_depuis
from entsim.enquete.questionnaire import (AFFIRMATIONS, ENTRETIEN, JAMAIS, NIVEAUX_ACCORD,
                                          NUMERO_MAX, Question, questionnaire)
from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.socle.saisie import date_saisie, texte_saisi
from entsim.socle.texte import accorder, cite, ecrire_nombre, nature

__all__ = ["Reponse", "ReponseInvalide"]


class ReponseInvalide(ValeurInvalide):
    """Une réponse refusée : ``problemes`` (phrases) et ``questions`` (codes des questions
    fautives, pour les signaler dans le formulaire)."""

    def __init__(self, problemes: list[tuple[str, str]]) -> None:
        self.problemes = tuple(p for _, p in problemes)
        self.questions = tuple(dict.fromkeys(q for q, _ in problemes))
        if len(problemes) == 1:
            message = f"Réponse non enregistrée. {self.problemes[0]}"
        else:
            message = (f"Réponse non enregistrée : {accorder(len(problemes), 'problème')}.\n"
                       + "\n".join(f"- {p}" for p in self.problemes))
        super().__init__(message, code="reponse_invalide")


def _choix(valeur: object, question: Question, problemes: list) -> tuple[str, ...]:
    """Des choix parmi les options de la question (dans l'ordre des options, sans doublon)."""
    if valeur is None:
        valeur = ()
    elif isinstance(valeur, str):
        valeur = (valeur,)
    if not isinstance(valeur, (list, tuple, set, frozenset)):
        problemes.append((question.code, f"La question « {question.intitule} » attend une "
                                         f"liste de choix (reçu : {nature(valeur)})."))
        return ()
    inconnus = [v for v in valeur if v not in question.options]
    if inconnus:
        problemes.append((question.code, f"La question « {question.intitule} » : "
                                         f"{cite(inconnus[0])} n'est pas un choix proposé "
                                         "pour cet acteur."))
    return tuple(o for o in question.options if o in valeur)


def _unique(valeur: object, question: Question, problemes: list) -> str:
    if valeur is None or (isinstance(valeur, str) and not valeur.strip()):
        problemes.append((question.code, f"La question « {question.intitule} » est vide : "
                                         "choisissez une réponse."))
        return ""
    if valeur not in question.options:
        problemes.append((question.code, f"La question « {question.intitule} » : {cite(valeur)} "
                                         "n'est pas un choix proposé ("
                                         + ", ".join(question.options) + ")."))
        return ""
    return str(valeur)


def _texte(valeur: object, question: Question, problemes: list, *, multiligne: bool) -> str:
    if question.obligatoire and (valeur is None or (isinstance(valeur, str)
                                                    and not valeur.strip())):
        consigne = ("remplissez-la" if question.partie == ENTRETIEN
                    else "notez ce que la personne a répondu")
        problemes.append((question.code, f"La question « {question.intitule} » est vide : "
                                         f"{consigne}."))
        return ""
    if valeur is None:
        return ""
    try:
        return texte_saisi(valeur, question.intitule, maximum=question.maximum,
                           multiligne=multiligne, vide_autorise=not question.obligatoire)
    except ErreurENT as erreur:
        if erreur.code == "texte_trop_long":
            message = (f"La réponse à la question « {question.intitule} » est trop longue : "
                       f"{ecrire_nombre(len(valeur.strip()))} caractères pour "
                       f"{ecrire_nombre(question.maximum)} au plus.")
        else:
            message = f"La question {erreur}"
        problemes.append((question.code, message))
        return ""


def _niveau(valeur: object) -> str | None:
    if isinstance(valeur, int) and not isinstance(valeur, bool) and 1 <= valeur <= 5:
        return NIVEAUX_ACCORD[valeur - 1]
    return valeur if valeur in NIVEAUX_ACCORD else None


def _accords(valeur: object, question: Question, problemes: list) -> Mapping[str, str]:
    if not isinstance(valeur, Mapping):
        problemes.append((question.code, f"La question « {question.intitule} » attend un avis "
                                         "par affirmation (un dictionnaire)."))
        return MappingProxyType({})
    inconnues = [c for c in valeur if c not in AFFIRMATIONS]
    if inconnues:
        problemes.append((question.code, f"La question « {question.intitule} » : "
                                         f"{cite(inconnues[0])} n'est pas une affirmation du "
                                         "questionnaire (" + ", ".join(AFFIRMATIONS) + ")."))
    resultat = {}
    for code, texte in AFFIRMATIONS.items():
        niveau = _niveau(valeur.get(code))
        if valeur.get(code) is None:
            problemes.append((question.code, f"La question « {question.intitule} » est vide "
                                             f"pour « {texte} » : notez l'avis de la personne."))
        elif niveau is None:
            problemes.append((question.code, f"La question « {question.intitule} » : "
                                             f"{cite(valeur.get(code))} n'est pas un niveau de "
                                             "l'échelle (de 1 à 5, ou « " + NIVEAUX_ACCORD[0]
                                             + " » … « " + NIVEAUX_ACCORD[-1] + " »)."))
        else:
            resultat[code] = niveau
    return MappingProxyType(resultat)


@dataclass(frozen=True)
class Reponse:
    """La réponse d'un acteur au questionnaire (voir :mod:`entsim.enquete.questionnaire`).

    ``accords`` : affirmation (code de :data:`AFFIRMATIONS`) → niveau d'accord (libellé, ou
    nombre de 1 à 5 à la création). ``date`` : une ``date`` ou « jj/mm/aaaa ». Les choix
    multiples se donnent en liste ; ils sont gardés dans l'ordre du questionnaire.
    """

    groupe: str
    enqueteurs: str
    date: date
    acteur: Acteur
    numero: int
    consentement: bool
    fonctionnalites: tuple[str, ...]
    frequence: str
    accords: Mapping[str, str] = field(hash=False)
    evolutions: str
    avantages: str
    limites: str
    fonctionnalites_autres: str = ""
    moments: tuple[str, ...] = ()
    avantages_themes: tuple[str, ...] = ()
    limites_themes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        problemes: list[tuple[str, str]] = []
        try:
            acteur = acteur_depuis(self.acteur)
        except ErreurENT as erreur:
            raise ReponseInvalide([("acteur", f"La question « Acteur interviewé » : {erreur}")]
                                  ) from None
        q = questionnaire(acteur)
        valeurs: dict[str, object] = {"acteur": acteur}
        for code in ("groupe", "enqueteurs", "fonctionnalites_autres"):
            valeurs[code] = _texte(getattr(self, code), q.question(code), problemes,
                                   multiligne=False)
        for code in ("evolutions", "avantages", "limites"):
            valeurs[code] = _texte(getattr(self, code), q.question(code), problemes,
                                   multiligne=True)
        try:
            valeurs["date"] = date_saisie(self.date, "Date de l'entretien")
        except ErreurENT as erreur:
            problemes.append(("date", f"La question {erreur}"))
        numero = self.numero
        if isinstance(numero, bool) or not isinstance(numero, int) or not 1 <= numero <= NUMERO_MAX:
            problemes.append(("numero", f"Le numéro de la réponse doit être un nombre entier "
                                        f"de 1 à {NUMERO_MAX} (reçu : {cite(numero)})."))
        if not isinstance(self.consentement, bool):
            problemes.append(("consentement", "La question « Accord pour utiliser les réponses "
                                              "en classe » vaut True (la personne est "
                                              "d'accord) ou False ; « oui » ou « non » dans le fichier (reçu : "
                                              f"{cite(self.consentement)})."))
        elif self.consentement is not True:
            problemes.append(("consentement", "La question « Accord pour utiliser les réponses "
                                              "en classe » : sans l'accord de la personne "
                                              "interviewée, sa réponse n'est pas enregistrée."))
        valeurs["frequence"] = _unique(self.frequence, q.question("frequence"), problemes)
        for code in ("fonctionnalites", "moments", "avantages_themes", "limites_themes"):
            valeurs[code] = _choix(getattr(self, code), q.question(code), problemes)
        if (not valeurs["fonctionnalites"] and not valeurs["fonctionnalites_autres"]
                and valeurs["frequence"] not in ("", JAMAIS)):
            problemes.append(("fonctionnalites", "La question « Fonctionnalités utilisées » "
                                                 "est vide : cochez au moins un service ou "
                                                 "décrivez-le dans « Autre fonctionnalité » "
                                                 "(ou choisissez la fréquence « Jamais »)."))
        valeurs["accords"] = _accords(self.accords, q.question("accords"), problemes)
        if problemes:
            raise ReponseInvalide(problemes)
        for code, valeur in valeurs.items():
            object.__setattr__(self, code, valeur)

    @property
    def identifiant(self) -> str:
        """« groupe-acteur-numéro » : stable, le même dans tous les fichiers."""
        return f"{self.groupe}-{self.acteur.code}-{self.numero:03d}"

    def resume(self) -> str:
        """Une ligne qui décrit la réponse (liste des réponses du formulaire)."""
        services = accorder(len(self.fonctionnalites), "fonctionnalité cochée",
                            "fonctionnalités cochées")
        return (f"{self.identifiant} : {self.acteur.libelle}, entretien du "
                f"{self.date:%d/%m/%Y} ; {services} ; {self.frequence.lower()}.")

    def __eq__(self, autre: object) -> bool:
        if not isinstance(autre, Reponse):
            return NotImplemented
        return all(dict(v) == dict(getattr(autre, k)) if k == "accords"
                   else v == getattr(autre, k) for k, v in self._champs().items())

    def __hash__(self) -> int:
        return hash((self.identifiant, self.date, self.avantages, self.limites))

    def _champs(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}
