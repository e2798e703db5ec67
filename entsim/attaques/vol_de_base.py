"""Scénario « vol de la base des mots de passe » et laboratoire de cassage hors ligne.

L'histoire : un intrus copie la base du service d'authentification de l'ENT (une sauvegarde
mal rangée, un serveur mal protégé). Hors ligne, il essaie un dictionnaire sur chaque
empreinte (:mod:`entsim.attaques.cassage`), puis se connecte avec un mot de passe retrouvé :
le journal de l'ENT ne voit qu'une « Connexion réussie », comme si c'était le titulaire.

* **sans parade** : l'ENT stocke des empreintes MD5 sans sel et n'impose aucune politique de
  mot de passe (six comptes ont des mots de passe faibles) ;
* **avec parade** : empreintes Argon2id salées (ce que recommande la CNIL, délibération
  n° 2022-100 : fonction salée et lente, scrypt ou Argon2 ; MD5 non acceptable) **et** la
  politique de l'ENT, qui refuse les mots de passe courants (les six personnes ont dû en
  choisir de solides).

Le :meth:`VolDeBase.laboratoire` compare les schémas (clair, MD5, PBKDF2, Argon2) sur les
mêmes mots de passe et donne le temps d'épuiser chaque sorte de mot de passe, sur ce PC
(mesuré) et sur une RTX 4090 (chiffres publiés, :mod:`entsim.attaques.mesures`).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping

from entsim.attaques.cassage import ResultatCassage, casser, casser_tout, dictionnaire, \
    resume_laboratoire
from entsim.attaques.mesures import Mesures, phrases_epuisement, tableau_epuisement
from entsim.attaques.scenario import FAMILLE_DONNEES, Issue, Risque, Scenario
from entsim.authentification.hachage import SCHEMAS
from entsim.authentification.mots_de_passe.redaction import fr
from entsim.ent import ENT, MOTS_DE_PASSE_DEMO
from entsim.etablissement.generation import PERSONAS

if TYPE_CHECKING:   # pragma: no cover
    import pandas as pd

__all__ = ["Laboratoire", "MOTS_DE_PASSE_FAIBLES", "MOTS_DE_PASSE_SOLIDES", "POSTE_ATTAQUANT",
           "VolDeBase", "SCENARIOS"]

#: Les mots de passe faibles de six comptes (tous dans le dictionnaire de l'attaquant).
MOTS_DE_PASSE_FAIBLES = ("azerty", "P@ssw0rd", "chouchou1", "loulou!", "Marseille123",
                         "Soleil2025")

#: Ceux que les mêmes personnes choisissent quand la politique refuse les faibles.
MOTS_DE_PASSE_SOLIDES = ("Girafe!Violette42", "Tambour#Lune-58", "Cerf-Volant:Rouge9",
                         "Nuage+Orage+Vent3", "Pomme@Cannelle81", "Kayak;Riviere-27")

#: Le poste de l'attaquant (bloc d'adresses réservé à la documentation, RFC 5737).
POSTE_ATTAQUANT = "Poste inconnu (adresse 203.0.113.66)"

#: Les personnages dont le mot de passe solide figure aussi dans le laboratoire.
_SOLIDES_DU_LABORATOIRE = ("eleve", "mere", "professeur_principal")


def _comptes_faibles(ent: ENT) -> list[str]:
    """Les six premiers comptes pas encore activés de l'annuaire (même graine, mêmes)."""
    libres = [c.identifiant for c in ent.authentification.comptes() if c.empreinte is None]
    return libres[:len(MOTS_DE_PASSE_FAIBLES)]


def _mots_de_passe_personnages() -> dict[str, str]:
    return {PERSONAS[role].identifiant: mdp for role, mdp in MOTS_DE_PASSE_DEMO.items()}


@dataclass(frozen=True)
class Laboratoire:
    """Les mêmes mots de passe stockés avec chaque schéma, puis cassés."""

    resultats: Mapping[str, ResultatCassage]

    @property
    def mesures(self) -> Mesures:
        """Les vitesses mesurées pendant le cassage (changent d'une exécution à l'autre)."""
        return Mesures(MappingProxyType({s: r.mesure_vitesse for s, r in self.resultats.items()}))

    def texte(self) -> str:
        """Ce qui tombe selon le stockage (déterministe)."""
        return resume_laboratoire(self.resultats)

    def tableau(self) -> "pd.DataFrame":
        """Un schéma par ligne : comptes retrouvés, calculs (déterministe)."""
        import pandas as pd

        return pd.DataFrame([{
            "Stockage": SCHEMAS[s].algorithme,
            "Verdict": SCHEMAS[s].verdict,
            "Comptes retrouvés": f"{len(r.trouves)} sur {len(r.comptes)}",
            "Calculs pour tout le dictionnaire": r.essais_dictionnaire_complet,
            "Calculs joués": r.essais_joues,
        } for s, r in self.resultats.items()])

    def mesure_texte(self) -> str:
        """Vitesses mesurées et temps du dictionnaire complet (``nbval-ignore-output``)."""
        return "\n".join(r.mesure_texte() for r in self.resultats.values())

    def mesure_tableau_epuisement(self) -> "pd.DataFrame":
        """Temps pour épuiser chaque sorte de mot de passe, ce PC et RTX 4090 (mesuré)."""
        return tableau_epuisement(self.mesures)

    def mesure_phrases(self) -> tuple[str, ...]:
        return phrases_epuisement(self.mesures)

    def __str__(self) -> str:
        return self.texte()


class VolDeBase(Scenario):
    """La base des mots de passe volée, cassée hors ligne avec un dictionnaire."""

    code = "vol_de_base"
    titre = "Vol de la base des mots de passe et cassage hors ligne"
    histoire = (
        "Un intrus a copié la base du service d'authentification de l'ENT : pour chaque "
        "compte, l'identifiant et ce qui est stocké à la place du mot de passe. Chez lui, "
        "sans blocage ni journal pour le freiner, il essaie des milliers de mots de passe "
        "courants (« azerty », « Soleil2025 »…) contre chaque empreinte. Puis il se connecte "
        "à l'ENT avec un mot de passe retrouvé : pour le journal, c'est le titulaire.")
    famille = FAMILLE_DONNEES
    cause = "technique"
    parade = (
        "Stocker les mots de passe avec une fonction salée et lente (Argon2id ; la CNIL "
        "recommande scrypt ou Argon2 et juge MD5 non acceptable — délibération n° 2022-100) "
        "et refuser les mots de passe courants par la politique de l'ENT (liste de mots de "
        "passe interdits, CNIL ; « dictionnaires » parmi les critères de dureté, SDET).")
    sources = (
        "SDET (CERTA 2013, document 2), « Mots de passe » : jamais stockés en clair, "
        "empreinte irréversible calculée par l'AAS.",
        "CNIL, délibération n° 2022-100 du 21 juillet 2022 : conservation par une fonction "
        "salée et lente (scrypt, Argon2), MD5 non acceptable ; seuils de 80 et 50 bits.",
        "hashcat 6.2.6 sur une RTX 4090 (Sam Croley, « Chick3nman », 2022) : MD5 164 milliards "
        "d'essais par seconde, PBKDF2-SHA256 (999 itérations) 8,9 millions, bcrypt (coût 5) "
        "184 000.",
    )
    indices = (
        "Regardez la colonne « Empreinte » de la base volée : deux comptes qui ont le même "
        "mot de passe ont-ils la même valeur ?",
        "Avec un sel, l'attaquant doit recalculer chaque essai pour chaque compte.",
        "Même avec Argon2, « azerty » tombe au troisième essai : il faut aussi refuser les "
        "mots de passe courants.",
    )
    risque_avant = Risque(
        3, 4,
        "Importante : l'intrus ouvre les notes et les messages des comptes retrouvés, et "
        "essaie ces mots de passe sur d'autres sites où ils servent aussi.",
        "Maximale : une fois la base volée, les mots de passe faibles stockés en MD5 tombent "
        "en moins d'une seconde, sans aucune trace dans le journal.")
    risque_apres = Risque(
        3, 1,
        "Importante : la fuite de la base reste une violation de données à notifier "
        "(RGPD, art. 33).",
        "Négligeable : aucun mot de passe n'est dans le dictionnaire, et Argon2 rend "
        "l'épuisement de 8 caractères hors de portée (des millions d'années sur ce PC).")

    def _fabriquer_ent(self, avec_parade: bool) -> ENT:
        if avec_parade:
            return ENT.demo(self.graine)          # Argon2id, coût normal (celui de l'ENT)
        return ENT.demo(self.graine, schema="md5_sans_sel")

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        verite = _mots_de_passe_personnages()
        auth = ent.authentification
        refuses = 0
        for ident, faible, solide in zip(_comptes_faibles(ent), MOTS_DE_PASSE_FAIBLES,
                                         MOTS_DE_PASSE_SOLIDES):
            if avec_parade:
                if not auth.definir_mot_de_passe(ident, faible).ok:
                    refuses += 1                  # la politique refuse : « mot de passe courant »
                    faible = solide
                    auth.definir_mot_de_passe(ident, solide)
            else:
                auth.definir_mot_de_passe(ident, faible, contourner_politique=True)
            verite[ident] = faible
        volee = auth.empreintes(avec_schema=True)
        base = dict(zip(volee["Identifiant"], volee["Empreinte"]))
        resultat = casser(base, auth.schema, verite=verite)
        self.cassage = resultat
        chiffres = {"comptes_voles": len(base), "comptes_retrouves": len(resultat.trouves),
                    "dictionnaire": len(dictionnaire()), "calculs_joues": resultat.essais_joues,
                    "mots_de_passe_refuses": refuses}
        mesures = {"mesure_secondes": resultat.mesure_secondes,
                   "mesure_essais_par_seconde":
                       resultat.mesure_vitesse.mesure_essais_par_seconde}
        nom = SCHEMAS[auth.schema].algorithme
        if not resultat.trouves:
            return Issue(False, (
                f"Base volée ({nom}, {len(base)} comptes) : la politique de l'ENT a refusé "
                f"{refuses} mots de passe courants, et aucun mot de passe n'est dans le "
                f"dictionnaire de {fr(len(dictionnaire()))} candidats ; chaque essai coûte un "
                f"calcul Argon2 par compte ({fr(resultat.essais_joues)} joués, "
                f"{fr(resultat.essais_dictionnaire_complet)} pour tout le dictionnaire). "
                "L'intrus ne retrouve rien et ne peut pas se connecter."), chiffres, mesures)
        victime = resultat.trouves[0]
        connexion = ent.connexion(victime.identifiant, victime.mot_de_passe or "",
                                  poste=POSTE_ATTAQUANT)
        if connexion.ok:
            ent.ouvrir("messagerie", poste=POSTE_ATTAQUANT)
        chiffres["connexion_intrus"] = bool(connexion.ok)
        return Issue(True, (
            f"Base volée ({nom}, {len(base)} comptes) : {len(resultat.trouves)} mots de passe "
            f"retrouvés avec le dictionnaire ({fr(resultat.essais_joues)} calculs d'empreinte, "
            f"une seule fois pour tous les comptes : pas de sel). L'intrus se connecte comme "
            f"{victime.identifiant} depuis un poste inconnu : le journal n'y voit qu'une "
            "« Connexion réussie »."), chiffres, mesures)

    def laboratoire(self) -> Laboratoire:
        """Les mêmes neuf mots de passe (six faibles, trois solides) stockés en clair, en
        MD5, en PBKDF2-SHA256 et en Argon2id, puis cassés (quelques secondes : les schémas
        lents ne jouent que les premiers candidats, le reste est extrapolé)."""
        ent = ENT.demo(self.graine, cout="rapide")
        mots = dict(zip(_comptes_faibles(ent), MOTS_DE_PASSE_FAIBLES))
        personnages = _mots_de_passe_personnages()
        for role in _SOLIDES_DU_LABORATOIRE:
            ident = PERSONAS[role].identifiant
            mots[ident] = personnages[ident]
        return Laboratoire(MappingProxyType(
            casser_tout(mots, ent.aleatoire.derivee("laboratoire_cassage"))))


SCENARIOS = (VolDeBase,)
