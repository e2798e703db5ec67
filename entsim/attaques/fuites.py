"""Le bourrage d'identifiants (*credential stuffing*) : des couples courriel / mot de passe
volés sur un autre site, rejoués sur la page de connexion de l'ENT.

La « fuite » est un petit fichier fictif, ``data/fuite_autre_site.csv`` (aucune vraie fuite,
aucun vrai compte) : certaines personnes de l'ENT de démonstration y ont réutilisé leur mot
de passe de l'ENT. L'attaquant déduit l'identifiant de l'ENT (prénom.nom) de l'adresse de
courriel.

Parades : un mot de passe différent pour chaque site (CNIL, fiches « mots de passe » : ne
jamais réutiliser un mot de passe) et un second facteur (code à usage unique : SDET,
document 2, « Les moyens d'authentification » ; :mod:`entsim.attaques.deux_facteurs`) : avec
le code, le mot de passe volé seul ne suffit plus.
"""

from __future__ import annotations

from entsim.attaques.deux_facteurs import connexion_a_deux_facteurs, equiper_d_un_telephone
from entsim.attaques.en_ligne import POSTE_ATTAQUANT
from entsim.attaques.scenario import FAMILLE_DONNEES, Issue, Risque, Scenario
from entsim.authentification.comptes import METHODE_MOT_DE_PASSE
from entsim.ent import ENT
from entsim.socle import donnees
from entsim.socle.texte import accorder

#: Le fichier de la fuite fictive (dans ``data/``).
FICHIER_FUITE = "fuite_autre_site.csv"


def lire_fuite() -> list[tuple[str, str]]:
    """Les couples (identifiant de l'ENT deviné, mot de passe) tirés de la fuite."""
    return [(ligne["courriel"].split("@")[0], ligne["mot_de_passe"])
            for ligne in donnees.lire_csv(FICHIER_FUITE)]


class BourrageIdentifiants(Scenario):
    """Des mots de passe volés ailleurs, rejoués sur l'ENT."""

    code = "bourrage_identifiants"
    titre = "Des mots de passe volés ailleurs (bourrage d'identifiants)"
    histoire = ("Un site de jeux en ligne s'est fait voler sa base : les adresses de "
                "courriel et les mots de passe de ses joueurs circulent. Un attaquant "
                "remarque des adresses en prénom.nom, comme les identifiants de l'ENT, et "
                "rejoue chaque couple sur la page de connexion de l'ENT. Hugo et son père ont "
                "utilisé le même mot de passe sur les deux sites.")
    famille = FAMILLE_DONNEES
    cause = "humaine"
    parade = ("Un mot de passe différent pour chaque site (CNIL : ne jamais réutiliser un "
              "mot de passe), et un second facteur : le code à usage unique du téléphone "
              "(SDET, document 2, « Les moyens d'authentification » ; RFC 6238). Avec le "
              "code, le mot de passe volé seul ne suffit plus.")
    sources = ("SDET, document 2, « Les moyens d'authentification » (mots de passe à usage "
               "unique)", "RFC 6238 (TOTP)",
               "CNIL, délibération n° 2022-100 et conseils « mots de passe » (pas de "
               "réutilisation)")
    indices = ("Cherchez dans le journal les « Connexion réussie » depuis un poste inconnu.",
               "Avec le code à usage unique : un mot de passe juste suivi d'un code refusé, "
               "qu'est-ce que cela prouve ?")
    risque_avant = Risque(3, 3, "Comptes d'un élève et d'un parent usurpés (notes, "
                          "messages, absences).",
                          "Les fuites sont fréquentes et la réutilisation aussi.")
    risque_apres = Risque(3, 1, "Les conséquences d'une réussite ne changent pas.",
                          "Il faudrait aussi voler le téléphone de la victime.")

    comptes_proteges = ("hugo.bernard", "karim.bernard")

    def _fabriquer_ent(self, avec_parade: bool) -> ENT:
        ent = ENT.demo(self.graine, cout="rapide")
        if avec_parade:
            self.telephones = {i: equiper_d_un_telephone(ent, i)
                               for i in self.comptes_proteges}
        return ent

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        fuite = lire_fuite()
        pris, mot_de_passe_juste = [], []
        for identifiant, mot_de_passe in fuite:
            resultat = connexion_a_deux_facteurs(ent, identifiant, mot_de_passe, None,
                                                 poste=POSTE_ATTAQUANT)
            if resultat.ok:
                pris.append(identifiant)
                ent.deconnexion(poste=POSTE_ATTAQUANT)
            elif resultat.methode != METHODE_MOT_DE_PASSE:    # le code a été refusé
                mot_de_passe_juste.append(identifiant)
            ent.avancer(1)
        chiffres = {"couples_rejoues": len(fuite), "comptes_pris": tuple(pris),
                    "mot_de_passe_juste_mais_code_refuse": tuple(mot_de_passe_juste)}
        if pris:
            resume = (f"{accorder(len(fuite), 'couple rejoué', 'couples rejoués')}, "
                      f"{accorder(len(pris), 'compte pris', 'comptes pris')} "
                      f"({', '.join(pris)}) : leur mot de passe de l'ENT était le même que "
                      "sur le site piraté.")
        else:
            resume = (f"{accorder(len(fuite), 'couple rejoué', 'couples rejoués')}, aucun "
                      f"compte pris. Pour {', '.join(mot_de_passe_juste)}, le mot de passe "
                      "était juste, mais sans le code du téléphone aucune session ne s'est "
                      "ouverte ; le journal le montre : il faut changer ce mot de passe.")
        return Issue(bool(pris), resume, chiffres)


SCENARIOS = (BourrageIdentifiants,)
