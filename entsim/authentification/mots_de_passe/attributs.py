"""Les attributs de l'utilisateur dans son mot de passe : prénom, nom, identifiant, date de
naissance, et la règle qui les interdit.

SDET, document 2 : « Interdiction d'utiliser un mot de passe contenant des attributs de
l'utilisateur ». La CNIL (délibération n° 2022-100) rappelle que les mots de passe « fondés
sur des informations publiques » sont les premiers essayés : l'estimation réaliste
(:mod:`entsim.authentification.mots_de_passe.estimation`) cherche les mêmes formes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from entsim.authentification.mots_de_passe.caracteres import replier_caractere_a_caractere, variantes_leet
from entsim.authentification.mots_de_passe.echecs import ContexteValidation, Echec, message
from entsim.etablissement.annuaire import Personne
from entsim.socle.erreurs import verifier_entier


_MOIS = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
         "octobre", "novembre", "decembre")
_SEPARATEURS = re.compile(r"[\s\-_./',:;]+")


def formes_date(jour: date) -> tuple[str, ...]:
    """Les façons courantes d'écrire une date de naissance dans un mot de passe (sans
    séparateurs) : « 14032008 », « 140308 », « 20080314 », « 2008 », « 1403 », « 14mars »…"""
    j, m, a = jour.day, jour.month, jour.year
    aa = f"{a % 100:02d}"
    formes = [f"{j:02d}{m:02d}{a}", f"{j:02d}{m:02d}{aa}", f"{a}{m:02d}{j:02d}", f"{j}{m}{a}",
              f"{j}{m}{aa}", f"{a}", f"{j:02d}{m:02d}", f"{j}{_MOIS[m - 1]}",
              f"{_MOIS[m - 1]}{a}", f"{j:02d}{_MOIS[m - 1]}"]
    return tuple(dict.fromkeys(formes))


@dataclass(frozen=True)
class AttributsUtilisateur:
    """SDET, « Interdiction d'utiliser un mot de passe contenant des attributs de l'utilisateur ».

    Cherche dans le mot de passe (sans tenir compte des majuscules, des accents ni du leet) :
    le prénom, le nom et les parties de l'identifiant ou de l'adresse électronique d'au moins
    ``longueur_min`` caractères, écrits à l'endroit ou à l'envers, ainsi que leur début
    (``longueur_extrait`` caractères au moins : « maxi » pour Maximilien) ; la date de
    naissance sous ses formes courantes (« 14/03/2008 », « 140308 », « 2008 », « 14mars »…).
    La CNIL (délibération 2022-100) rappelle que les mots de passe « fondés sur des
    informations publiques » (date de naissance, prénoms…) sont les premiers essayés.
    """

    longueur_min: int = 3
    longueur_extrait: int = 4
    codes: ClassVar[tuple[str, ...]] = ("mdp_contient_prenom", "mdp_contient_nom",
                                        "mdp_contient_date_naissance", "mdp_contient_identifiant")

    def __post_init__(self) -> None:
        verifier_entier(self.longueur_min, "longueur_min", minimum=2)
        verifier_entier(self.longueur_extrait, "longueur_extrait", minimum=self.longueur_min)

    def attributs(self, utilisateur: Personne) -> list[tuple[str, tuple[str, ...]]]:
        """``(code, formes cherchées)`` pour chaque attribut connu de l'utilisateur."""
        resultat: list[tuple[str, tuple[str, ...]]] = []
        for code, valeurs in (
                ("mdp_contient_prenom", [getattr(utilisateur, "prenom", "")]),
                ("mdp_contient_nom", [getattr(utilisateur, "nom", "")]),
                ("mdp_contient_identifiant", [getattr(utilisateur, "identifiant", ""),
                                              str(getattr(utilisateur, "courriel", "") or "")
                                              .split("@")[0]])):
            formes: list[str] = []
            for valeur in valeurs:
                if isinstance(valeur, str) and valeur.strip():
                    formes += self._formes_texte(valeur)
            if formes:
                resultat.append((code, tuple(dict.fromkeys(formes))))
        naissance = getattr(utilisateur, "date_naissance", None)
        if isinstance(naissance, date):
            resultat.append(("mdp_contient_date_naissance", formes_date(naissance)))
        return resultat

    def _formes_texte(self, valeur: str) -> list[str]:
        replie = replier_caractere_a_caractere(valeur)
        morceaux = [m for m in _SEPARATEURS.split(replie) if m]
        entiers = morceaux + ["".join(morceaux)] if len(morceaux) > 1 else morceaux
        formes: list[str] = []
        for mot in entiers:
            if len(mot) < self.longueur_min:
                continue
            formes.append(mot)
            if len(mot) >= self.longueur_extrait:      # « nitram » ; pas « ael » (Léa)
                formes.append(mot[::-1])
            formes += [mot[:k] for k in range(len(mot) - 1, self.longueur_extrait - 1, -1)]
        return sorted(dict.fromkeys(formes), key=len, reverse=True)

    def valider(self, mot_de_passe: str, utilisateur: Personne | None = None,
                contexte: ContexteValidation = ContexteValidation()) -> list[Echec]:
        if utilisateur is None:
            return []
        replie = replier_caractere_a_caractere(mot_de_passe)
        textes = (replie, *variantes_leet(replie))
        compact = _SEPARATEURS.sub("", replie)     # « 14/03/2008 » → « 14032008 »
        echecs: list[Echec] = []
        deja: set[str] = set()          # l'identifiant « lea.martin » répète prénom et nom
        for code, formes in self.attributs(utilisateur):
            cibles = (compact, replie) if code == "mdp_contient_date_naissance" else textes
            extrait = next((f for f in formes
                            if f not in deja and any(f in t for t in cibles)), None)
            deja.update(formes)
            if extrait is not None:
                echecs.append(Echec(code, message(code, extrait=extrait)))
        return echecs

    def aide(self) -> str:
        return ("Votre mot de passe ne doit contenir ni votre prénom, ni votre nom, ni votre "
                "identifiant, ni votre date de naissance (même à l'envers ou en partie).")


__all__ = ["AttributsUtilisateur", "formes_date"]
