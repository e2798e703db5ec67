"""Scénarios « compte prêté » et « initié curieux » : ce que le journal en montre, et la
détection qui les fait remonter.

La détection elle-même est écrite **une seule fois**, dans :mod:`entsim.attaques.enquete_journal`
(l'enquête de la partie 3) : :func:`sessions_simultanees` (la même identité active sur deux
postes en même temps) et :func:`acces_refuses` (les refus de l'autorisation, par profil).
Ce module y ajoute :func:`acces_hors_perimetre`, qui rend les **sessions** contenant ces
refus (de la « Connexion réussie » à la déconnexion) : exactement les lignes d'un incident
« initié curieux » planté par le simulateur d'activité (``Incident.numeros``).

Choix faits (et pourquoi) :

* **compte prêté** — la parade retenue est le **code à usage unique** (SDET, document 2 :
  le service « PEUT proposer » des mots de passe à usage unique) : l'ami a le mot de passe,
  pas le téléphone de Léa ; sa connexion s'arrête au code, et le journal garde ce refus.
  Sans elle, la détection des sessions simultanées est le filet : elle trouve l'épisode
  dans le journal (une alerte pour le référent). Reste la sensibilisation : la charte de
  l'ENT interdit de prêter son compte, et Léa pourrait lire son code à l'ami ;
* **initié curieux** — le besoin d'en connaître (arrêté ENT du 30 novembre 2006 modifié,
  art. 4) refuse déjà la lecture dans les deux parties : aucune note ne fuit, et on ne
  l'affaiblit pas pour la démonstration. Ce qui change avec la parade, c'est que quelqu'un
  **regarde** : la revue quotidienne des refus (:func:`acces_hors_perimetre`) alerte le chef
  d'établissement le jour même. L'attaque « réussit » quand l'initié reste inaperçu.
"""

from __future__ import annotations

import pandas as pd

from entsim.attaques.deux_facteurs import connexion_a_deux_facteurs, equiper_d_un_telephone
from entsim.attaques.enquete_journal import (DECONNEXION, CONNEXION, acces_refuses,
                                             lignes_de_sessions_simultanees,
                                             sessions_simultanees)
from entsim.attaques.scenario import FAMILLE_DONNEES, Issue, Risque, Scenario
from entsim.ent import ENT, MOTS_DE_PASSE_DEMO
from entsim.etablissement.annuaire import Eleve, Enseignant
from entsim.etablissement.generation import PERSONAS
from entsim.socle.erreurs import ErreurENT
from entsim.socle.texte import accorder

__all__ = ["ComptePrete", "InitieCurieux", "SCENARIOS", "acces_hors_perimetre",
           "lignes_de_sessions_simultanees", "sessions_simultanees"]

POSTE_CDI = "Poste du CDI"
POSTE_AMI = "Téléphone"


def acces_hors_perimetre(tableau: object, profil: object = "Enseignant", *,
                         etablissement: object = None) -> pd.DataFrame:
    """Les sessions où une personne du ``profil`` donné s'est vu refuser un accès (lire les
    notes d'une classe où elle n'enseigne pas…) : de sa « Connexion réussie » jusqu'à sa
    déconnexion, sur le même poste (index « N° » du journal).

    ``tableau`` : le journal d'une activité simulée (ou l'activité elle-même, qui connaît
    les profils) ou ``ent.journal.tableau()`` avec ``etablissement=ent.etablissement``.
    Les refus viennent d':func:`~entsim.attaques.enquete_journal.acces_refuses`."""
    refus = acces_refuses(tableau, profil, etablissement=etablissement)
    journal = getattr(tableau, "journal", tableau)
    morceaux = []
    for (qui, poste), lignes in refus.groupby(["Identité", "Poste"], observed=True):
        siennes = journal[(journal["Identité"] == qui) & (journal["Poste"] == poste)]
        premier, dernier = lignes.index.min(), lignes.index.max()
        connexions = siennes.index[(siennes["Opération"] == CONNEXION)
                                   & (siennes.index <= premier)]
        debut = connexions.max() if len(connexions) else premier
        sorties = siennes[(siennes["Opération"] == DECONNEXION) & (siennes.index > dernier)]
        if len(sorties):
            fin_date = sorties["Date"].iloc[0]
            fin = siennes.index[siennes["Date"] <= fin_date].max()
        else:
            jour = siennes.loc[premier, "Date"].normalize()
            fin = siennes.index[siennes["Date"] < jour + pd.Timedelta(days=1)].max()
        morceaux.append(siennes.loc[debut:fin])
    if not morceaux:
        return journal.iloc[0:0]
    resultat = pd.concat(morceaux)
    return resultat[~resultat.index.duplicated()].sort_index()


class ComptePrete(Scenario):
    """Léa prête son mot de passe à un ami, qui se connecte pendant qu'elle est au CDI."""

    code = "compte_prete"
    titre = "Un compte prêté à un ami"
    histoire = (
        "Léa a donné son mot de passe à un ami « pour qu'il regarde le cahier de textes ». "
        "À midi, pendant qu'elle est connectée au CDI, l'ami se connecte avec son compte "
        "depuis son téléphone et lit ses notes et ses messages. Pour l'ENT, c'est Léa, deux "
        "fois, en même temps.")
    famille = FAMILLE_DONNEES
    cause = "humaine"
    parade = (
        "Un code à usage unique envoyé au téléphone de Léa (SDET, document 2 : l'AAS « PEUT "
        "proposer » des mots de passe à usage unique) : le mot de passe seul ne suffit plus. "
        "En filet, la détection des sessions simultanées dans le journal (même identité, "
        "deux postes) alerte le référent ; et la charte de l'ENT, rappelée aux élèves, "
        "interdit de prêter son compte.")
    sources = (
        "SDET (CERTA 2013, document 2), « Les moyens d'authentification » : mots de passe à "
        "usage unique possibles ; « Traçabilité des opérations AAS ».",
        "CNIL, avis sur les ENT (document 1) : sensibiliser les utilisateurs à ne pas "
        "divulguer leurs identifiants.",
        "RFC 6238 (TOTP) : un code valable 30 s, utilisable une fois.",
    )
    indices = (
        "Cherchez deux « Connexion réussie » de la même identité sur deux postes, à quelques "
        "minutes d'écart, sans déconnexion entre les deux.",
        "sessions_simultanees(resultat.journal) fait cette recherche.",
        "Qu'est-ce que l'ami n'a pas, même s'il connaît le mot de passe ?",
    )
    risque_avant = Risque(
        2, 3,
        "Limitée : l'ami lit les notes, les messages et les absences d'une élève, qui a "
        "elle-même ouvert la porte.",
        "Importante : prêter son mot de passe est fréquent entre élèves, et rien ne "
        "l'empêche techniquement.")
    risque_apres = Risque(
        2, 1,
        "Limitée : mêmes données en jeu si Léa lit elle-même son code à l'ami.",
        "Négligeable : sans le téléphone de Léa, la connexion s'arrête au code ; un prêt "
        "qui passerait quand même se voit dans le journal.")

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        lea = PERSONAS["eleve"].identifiant
        mot_de_passe = MOTS_DE_PASSE_DEMO["eleve"]
        ent.avancer(heures=12, minutes=5)
        telephone = equiper_d_un_telephone(ent, lea) if avec_parade else None
        code = telephone.code_affiche() if telephone is not None else None
        connexion_a_deux_facteurs(ent, lea, mot_de_passe, code, poste=POSTE_CDI)
        ent.ouvrir("cahier_de_textes", poste=POSTE_CDI)
        ent.avancer(minutes=1)
        # l'ami : il a le mot de passe, pas le téléphone
        ami = connexion_a_deux_facteurs(ent, lea, mot_de_passe, None, poste=POSTE_AMI)
        if ami.ok:
            ent.ouvrir("notes", poste=POSTE_AMI)
            ent.ouvrir("messagerie", poste=POSTE_AMI)
        ent.avancer(30)
        ent.ouvrir("notes", poste=POSTE_CDI)
        if ami.ok:
            ent.deconnexion(poste=POSTE_AMI)
        episodes = sessions_simultanees(ent.journal.tableau())
        chiffres = {"connexion_de_l_ami": bool(ami.ok), "episodes_detectes": len(episodes)}
        if ami.ok:
            return Issue(True, (
                "L'ami se connecte avec le seul mot de passe de Léa et ouvre ses notes et sa "
                "messagerie pendant qu'elle est au CDI. Le journal garde deux sessions de "
                f"{lea} en même temps, sur deux postes : la détection en trouve "
                f"{accorder(len(episodes), 'épisode')}."), chiffres)
        return Issue(False, (
            "Le mot de passe est juste, mais l'ami n'a pas le code à usage unique du "
            "téléphone de Léa : aucune session ne s'ouvre, et le journal garde le code "
            "refusé — le signe qu'un mot de passe circule."), chiffres)


class InitieCurieux(Scenario):
    """Un enseignant tente de lire les notes d'élèves d'une classe où il n'enseigne pas."""

    code = "initie_curieux"
    titre = "Un initié curieux : des notes hors de son périmètre"
    histoire = (
        "Un enseignant de terminale veut voir les notes d'un élève de seconde, le frère "
        "d'un de ses élèves. Il n'enseigne pas dans cette classe : l'ENT refuse (besoin d'en "
        "connaître) et le note au journal. Mais si personne ne lit le journal, il peut "
        "réessayer autrement sans que personne ne le sache.")
    famille = FAMILLE_DONNEES
    cause = "humaine"
    parade = (
        "La revue quotidienne des refus d'accès dans le journal (acces_hors_perimetre) avec "
        "une alerte au chef d'établissement, responsable du traitement : l'initié est repéré "
        "le jour même. Le besoin d'en connaître (arrêté ENT du 30 novembre 2006 modifié, "
        "art. 4) refuse déjà la lecture dans les deux cas.")
    sources = (
        "Arrêté du 30 novembre 2006 modifié (ENT), art. 4 : accès « dans les limites du "
        "besoin d'en connaître ».",
        "SDET (CERTA 2013, document 2), « Traçabilité des opérations AAS » : journaux "
        "exploitables, opérations associées à une identité.",
        "CNIL, délibération n° 2021-122 (journalisation) : analyser les traces pour détecter "
        "les usages anormaux.",
    )
    indices = (
        "Filtrez les lignes « Accès refusé » : qui, quand, quel élève ?",
        "acces_hors_perimetre(resultat.journal, \"Enseignant\", "
        "etablissement=s.ent.etablissement) rend toute sa session.",
    )
    risque_avant = Risque(
        2, 3,
        "Limitée : la lecture est refusée, mais l'intention n'est pas connue et l'initié "
        "peut chercher un autre chemin (session oubliée, compte prêté).",
        "Importante : les refus dorment dans le journal, personne ne les lit.")
    risque_apres = Risque(
        2, 1,
        "Limitée : aucune note n'a fui ; la tentative est traitée par la direction.",
        "Négligeable : la revue des refus l'alerte le jour même.")

    def _fabriquer_ent(self, avec_parade: bool) -> ENT:
        ent = ENT.demo(self.graine, cout="rapide")
        ident, _ = _initie_et_cible(ent)
        ent.authentification.definir_mot_de_passe(ident, MOT_DE_PASSE_INITIE)
        return ent

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        initie, cible = _initie_et_cible(ent)
        ent.avancer(heures=12, minutes=7)
        poste = "Salle des professeurs"
        ent.connexion(initie, MOT_DE_PASSE_INITIE, poste=poste)
        ent.ouvrir("notes", poste=poste)
        notes = ent.service("notes")
        refusees = 0
        for _ in range(2):
            ent.avancer(25)
            try:
                notes.releve(initie, cible, poste=poste)
            except ErreurENT:
                refusees += 1
        ent.avancer(30)
        ent.deconnexion(poste=poste)
        session = acces_hors_perimetre(ent.journal.tableau(), "Enseignant",
                                       etablissement=ent.etablissement)
        chiffres = {"lectures_refusees": refusees, "lignes_de_la_session": len(session),
                    "alerte": avec_parade}
        self.session_reperee = session
        if not avec_parade:
            return Issue(True, (
                f"{accorder(refusees, 'lecture refusée', 'lectures refusées')} par le besoin "
                "d'en connaître et tracées au journal… où personne ne les lit : l'initié "
                "reste inaperçu et peut réessayer autrement."), chiffres)
        return Issue(False, (
            f"{accorder(refusees, 'lecture refusée', 'lectures refusées')}, et la revue du soir "
            f"remonte sa session ({accorder(len(session), 'ligne')}, de la connexion à la "
            "déconnexion) : le chef d'établissement est alerté le jour même."), chiffres)


#: Mot de passe de l'enseignant curieux (il respecte la politique de l'ENT).
MOT_DE_PASSE_INITIE = "Craie&Tableau-Vert31"


def _initie_et_cible(ent: ENT) -> tuple[str, str]:
    """Un enseignant et un élève d'une classe où il n'enseigne pas (le premier trouvé)."""
    etab = ent.etablissement
    for p in etab.personnes.values():
        if isinstance(p, Enseignant):
            for classe, c in etab.classes.items():
                eleves = [e for e in c.eleves if isinstance(etab.personne(e), Eleve)]
                if classe not in p.classes and eleves:
                    return p.identifiant, eleves[0]
    raise ErreurENT("Cet établissement n'a pas d'enseignant à qui une classe échappe.")


SCENARIOS = (ComptePrete, InitieCurieux)
