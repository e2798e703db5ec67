"""Les attaques en ligne contre la page de connexion : deviner le mot de passe d'un compte
(``devinette_en_ligne``) et essayer un mot de passe courant sur beaucoup de comptes
(``pulverisation``, en anglais *password spraying*).

Sources : CNIL, délibération n° 2022-100 (cas n° 1 et n° 2 ; liste de mots de passe
interdits recommandée par ses questions-réponses du 14 octobre 2022) ; SDET, document 2,
« Mots de passe » (le nombre d'échecs successifs DEVRAIT être tracé ; les dictionnaires
parmi les critères de dureté). Le blocage « 5 échecs → 15 minutes » est un réglage de l'ENT
(:class:`entsim.authentification.verrouillage.Verrouillage`), pas un chiffre de la CNIL.

L'attaquant passe par le vrai formulaire de connexion (``ent.connexion``) depuis son poste
(:data:`POSTE_ATTAQUANT`), au rythme :data:`entsim.attaques.seuils.DEBIT_EN_LIGNE` sur
l'horloge simulée ; un attaquant patient attend la fin de chaque blocage.
"""

from __future__ import annotations

from datetime import timedelta

from entsim.attaques.scenario import FAMILLE_DONNEES, Issue, Risque, Scenario
from entsim.attaques.seuils import DEBIT_EN_LIGNE, phrase_seuils_cnil, temps_pour_epuiser
from entsim.authentification.mots_de_passe.cassage import duree_lisible
from entsim.authentification.mots_de_passe.courants import FICHIER_MOTS_DE_PASSE_COURANTS
from entsim.authentification.mots_de_passe.politique import PolitiqueMotDePasse
from entsim.authentification.verrouillage import RetardCroissant, Verrouillage, _duree_fr
from entsim.ent import ENT
from entsim.etablissement.annuaire import Eleve
from entsim.socle import donnees
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import accorder, cite

#: Le poste d'où l'attaquant envoie ses essais (il figure dans la colonne « Poste » du journal).
POSTE_ATTAQUANT = "Ordinateur inconnu"

#: Durée de l'attaque en ligne sur un compte (une nuit).
DUREE_ATTAQUE = timedelta(hours=8)

#: Le mot de passe faible de la victime (présent dans la liste des mots de passe courants).
MOT_DE_PASSE_FAIBLE = "juliette"

#: Codes de refus d'une restriction d'accès (blocage, temporisation).
_CODES_RESTRICTION = (Verrouillage.code_refus, RetardCroissant.code_refus)


def liste_de_l_attaquant() -> list[str]:
    """La liste que l'attaquant essaie, dans l'ordre (du plus courant au moins courant)."""
    return donnees.lignes(FICHIER_MOTS_DE_PASSE_COURANTS)


def _pas() -> timedelta:
    return timedelta(seconds=1 / DEBIT_EN_LIGNE)


class DevinetteEnLigne(Scenario):
    """Deviner le mot de passe d'un compte en essayant la liste des mots de passe courants.

    :param parade: ``"blocage"`` (5 échecs → 15 min, réglage par défaut de l'ENT) ou
        ``"retard"`` (temporisation croissante)."""

    code = "devinette_en_ligne"
    titre = "Deviner un mot de passe en ligne"
    histoire = ("Un soir, quelqu'un veut lire les messages de Hugo Bernard. Il connaît son "
                "identifiant (prénom.nom, comme tous les élèves) et essaie, depuis chez lui, "
                "les mots de passe les plus courants sur la page de connexion de l'ENT. "
                f"Hugo a choisi le prénom de sa sœur, « {MOT_DE_PASSE_FAIBLE} », il y a "
                "longtemps, avant la politique de mots de passe actuelle.")
    famille = FAMILLE_DONNEES
    cause = "technique"
    parade = ("Restreindre l'accès au compte après des échecs : blocage temporaire (ici "
              "5 échecs → 15 minutes, un réglage de l'ENT) ou temporisation croissante "
              "(CNIL, délibération 2022-100, cas n° 2), et tracer chaque échec (SDET, "
              "« Mots de passe »). Le blocage ralentit l'attaque mais ne la rend pas "
              "impossible : il faut aussi refuser les mots de passe courants.")
    sources = ("CNIL, délibération n° 2022-100 du 21 juillet 2022, cas n° 1 et n° 2",
               "SDET, document 2, « Mots de passe » (échecs successifs tracés)",
               "Réglage d'un ENT réel (Open ENT NG) : 5 échecs → 15 minutes")
    indices = ("Regardez la colonne « Opération » du journal : combien d'échecs de suite ?",
               "Comparez les heures de la première et de la dernière ligne, avec et sans "
               "blocage.",
               "Au rythme du blocage, combien d'heures pour essayer toute la liste ?")
    risque_avant = Risque(3, 4, "Messages, notes et absences d'un mineur lus et usurpés.",
                          "Une liste de mots courants et quelques secondes suffisent.")
    risque_apres = Risque(3, 2, "Les conséquences d'une réussite ne changent pas.",
                          "Quelques essais par heure : une nuit ne suffit plus, un mot de passe "
                          "hors de la liste devient hors d'atteinte.")

    victime = "hugo.bernard"

    def __init__(self, graine: int = 2026, *, parade: str = "blocage") -> None:
        if parade not in ("blocage", "retard"):
            raise ValeurInvalide(f"La parade est « blocage » ou « retard » (reçu : "
                                 f"{cite(parade)}).")
        self.choix_parade = parade
        super().__init__(graine)

    def _fabriquer_ent(self, avec_parade: bool) -> ENT:
        ent = ENT.demo(self.graine, cout="rapide")
        ent.authentification.definir_mot_de_passe(self.victime, MOT_DE_PASSE_FAIBLE,
                                                  contourner_politique=True)
        if not avec_parade:
            ent.authentification.verrouillage = None
        elif self.choix_parade == "retard":
            ent.authentification.verrouillage = RetardCroissant()
        return ent

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        liste = liste_de_l_attaquant()
        debut = ent.horloge.maintenant()
        fin = debut + DUREE_ATTAQUE
        essais = blocages = 0
        trouve = None
        rang = 0
        while rang < len(liste) and ent.horloge.maintenant() < fin:
            mot = liste[rang]
            resultat = ent.connexion(self.victime, mot, poste=POSTE_ATTAQUANT)
            if resultat.code in _CODES_RESTRICTION:       # bloqué : il attend la fin
                blocages += 1
                compte = ent.authentification.compte(self.victime)
                attente = (compte.bloque_jusqu_a or ent.horloge.maintenant()) \
                    - ent.horloge.maintenant()
                ent.avancer(max(attente.total_seconds(), 0) + 1)
                continue
            essais += 1
            if resultat.ok:
                trouve = mot
                break
            rang += 1
            ent.avancer(_pas().total_seconds())
        duree = ent.horloge.maintenant() - debut
        rang_victime = liste.index(MOT_DE_PASSE_FAIBLE) + 1
        restriction = ent.authentification.verrouillage
        total = temps_pour_epuiser(rang_victime, restriction)
        chiffres = {"essais": essais, "blocages": blocages, "trouve": trouve is not None,
                    "rang_du_mot_de_passe": rang_victime,
                    "duree_attaque_minutes": round(duree.total_seconds() / 60, 1),
                    "duree_pour_le_trouver_heures": round(total.total_seconds() / 3600, 1),
                    "explication_seuils": phrase_seuils_cnil(restriction)}
        if trouve is not None:
            resume = (f"Mot de passe trouvé au bout de {accorder(essais, 'essai')} "
                      f"({_duree_fr(timedelta(seconds=round(duree.total_seconds())))}) : "
                      f"« {trouve} » est au rang {rang_victime} de la liste. L'attaquant "
                      "est connecté comme Hugo.")
        else:
            resume = (f"En {_duree_fr(DUREE_ATTAQUE)}, seulement {accorder(essais, 'essai')} "
                      f"({accorder(blocages, 'blocage')} à attendre) : mot de passe non "
                      f"trouvé. Mais au rang {rang_victime} de la liste, il tomberait en "
                      f"{duree_lisible(total.total_seconds())} environ : le blocage ralentit, seule "
                      "une politique qui refuse les "
                      "mots de passe courants met le compte hors d'atteinte.")
        return Issue(trouve is not None, resume, chiffres)


# ---------------------------------------------------------------------------------------
# Pulvérisation : un mot de passe courant essayé sur beaucoup de comptes
# ---------------------------------------------------------------------------------------

#: Les mots de passe que l'attaquant « pulvérise » (les plus courants de la liste, dans
#: la forme qu'acceptait l'ancienne politique de 4 caractères).
MOTS_PULVERISES = ("123456", "azerty", "soleil")

#: Combien d'élèves de la classe activent leur compte pendant le scénario.
NOMBRE_ELEVES = 12

#: Les élèves (rang dans la liste triée) qui choisissent un mot de passe courant.
CHOIX_FAIBLES = {1: "soleil", 4: "azerty", 7: "123456"}


def pulverisation_visible(journal, poste: str = POSTE_ATTAQUANT) -> int:
    """Le nombre de comptes différents qui ont un échec de connexion depuis ``poste`` : le
    signe d'une pulvérisation dans le journal (un poste, beaucoup d'identités)."""
    echecs = journal[(journal["Opération"] == "Échec de connexion")
                     & (journal["Poste"] == poste)]
    return int(echecs["Identité"].nunique())


class Pulverisation(Scenario):
    """Un mot de passe courant essayé sur tous les comptes d'une classe."""

    code = "pulverisation"
    titre = "La pulvérisation de mots de passe"
    histoire = ("À la rentrée, les élèves de terminale activent leur compte ENT. Un "
                "attaquant qui a la liste de la classe (les identifiants sont prénom.nom) "
                f"essaie {accorder(len(MOTS_PULVERISES), 'mot de passe courant', 'mots de passe courants')} "
                "sur chaque compte : jamais plus de trois essais par compte, le blocage "
                "(5 échecs) ne se déclenche pas.")
    famille = FAMILLE_DONNEES
    cause = "organisationnelle"
    parade = ("Une politique qui refuse les mots de passe courants à leur création (liste "
              "noire : CNIL, questions-réponses sur la délibération 2022-100 ; SDET, "
              "« dictionnaires » parmi les critères de dureté). Le blocage par compte ne "
              "suffit pas ; le journal montre l'attaque (un poste, beaucoup d'identités en "
              "échec) : une surveillance peut alors bloquer ce poste — la simulation n'a "
              "pas de limite globale de débit, elle ne fait que la rendre visible.")
    sources = ("CNIL, délibération n° 2022-100 et questions-réponses du 14 octobre 2022 "
               "(liste de mots de passe interdits)",
               "SDET, document 2, « Mots de passe » (dureté, dictionnaires, échecs tracés)")
    indices = ("Comptez les identités différentes en échec depuis le même poste.",
               "Le blocage compte les échecs par compte : combien d'échecs par compte ici ?")
    risque_avant = Risque(3, 4, "Plusieurs comptes d'élèves usurpés d'un coup.",
                          "Quelques essais par compte, aucun blocage déclenché.")
    risque_apres = Risque(3, 1, "Les conséquences d'une réussite ne changent pas.",
                          "Aucun compte n'a de mot de passe de la liste : les essais "
                          "échouent tous.")

    def _fabriquer_ent(self, avec_parade: bool) -> ENT:
        ent = ENT.demo(self.graine, cout="rapide")
        if not avec_parade:       # l'ancienne politique : 4 caractères suffisent
            ent.authentification.politique = PolitiqueMotDePasse.permissive()
        return ent

    def eleves(self, ent: ENT) -> list[str]:
        """Les élèves de la classe qui activent leur compte (pas les personnages)."""
        a_activer = sorted(i for i in ent.codes_activation
                           if ent.authentification.compte(i).empreinte is None)
        eleves = [i for i in a_activer
                  if isinstance(ent.etablissement.personne(i), Eleve)]
        return eleves[:NOMBRE_ELEVES]

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        eleves = self.eleves(ent)
        refuses = 0
        for rang, eleve in enumerate(eleves):
            solide = f"Classeur-{rang + 7}-Tilleul!"
            choix = CHOIX_FAIBLES.get(rang, solide)
            activation = ent.authentification.activer(
                eleve, ent.codes_activation[eleve], choix, charte_acceptee=True,
                information_lue=True, poste="Poste du CDI")
            if not activation.ok:         # mot de passe courant refusé : il en choisit un autre
                refuses += 1
                ent.authentification.activer(eleve, ent.codes_activation[eleve], solide,
                                             charte_acceptee=True, information_lue=True,
                                             poste="Poste du CDI")
        ent.avancer(heures=12)
        debut = ent.journal.dernier_numero()
        pris: list[str] = []
        for mot in MOTS_PULVERISES:
            for eleve in eleves:
                if eleve in pris:
                    continue
                if ent.connexion(eleve, mot, poste=POSTE_ATTAQUANT).ok:
                    pris.append(eleve)
                    ent.deconnexion(poste=POSTE_ATTAQUANT)
                ent.avancer(_pas().total_seconds())
        attaque = ent.journal.tableau(ent.journal.depuis(debut))
        bloques = sum(1 for e in ent.journal.depuis(debut) if e.operation == "compte_bloque")
        visibles = pulverisation_visible(attaque)
        chiffres = {"comptes_vises": len(eleves), "essais": len(eleves) * len(MOTS_PULVERISES),
                    "comptes_pris": tuple(pris), "comptes_bloques": bloques,
                    "mots_de_passe_refuses_a_l_activation": refuses,
                    "identites_en_echec_depuis_le_poste": visibles}
        if pris:
            resume = (f"{accorder(len(pris), 'compte pris', 'comptes pris')} sur "
                      f"{len(eleves)} ({', '.join(pris)}), {accorder(bloques, 'blocage')} : "
                      "le blocage compte les échecs par compte, il ne voit rien. Le journal, "
                      f"lui, montre {visibles} identités en échec depuis « {POSTE_ATTAQUANT} ».")
        else:
            resume = (f"Aucun compte pris : à l'activation, la politique a refusé "
                      f"{accorder(refuses, 'mot de passe courant', 'mots de passe courants')}, "
                      f"les élèves en ont choisi d'autres. Le journal montre quand même "
                      f"l'attaque : {visibles} identités en échec depuis « {POSTE_ATTAQUANT} ».")
        return Issue(bool(pris), resume, chiffres)


SCENARIOS = (DevinetteEnLigne, Pulverisation)
