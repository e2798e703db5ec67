"""Question 17 : « Le SDET répond-il aux recommandations de la CNIL ? »

La grille croise les points de l'avis de la CNIL sur les ENT (délibération n° 2006-104 du
27 avril 2006, document 1 du cours de 2013) avec les exigences du SDET (document 2 :
recommandations pour l'Authentification-Autorisation-SSO) et avec **ce qu'on observe dans
la simulation** : chaque case « Observé » est calculée sur l'ENT reçu (politique de mots de
passe, schéma d'empreintes, blocage, durées du serveur CAS, décision de l'autorisation pour
un parent sur un autre élève, vérification du journal, notice du portail, registre) — rien
n'y est écrit d'avance.

:func:`elements_q17` donne les éléments à discuter (verdicts comptés, questions à se poser),
pas la conclusion : c'est la question q17h de la fiche, que l'élève rédige (issue 16, § 2).
La conclusion du professeur (``entsim_corrige.q17.conclusion_q17``, édition enseignant) met à
jour la réponse « Oui » du cours de 2013 : délibération CNIL
n° 2022-100 sur les mots de passe (plus de renouvellement périodique imposé, sauf comptes à
privilèges ; seuils de 80 et 50 bits), recommandation n° 2021-122 sur la journalisation
(six mois à un an), RGPD (registre art. 30, DPO art. 37, information art. 13 ; plus de
déclaration ni d'engagement de conformité). Les points qu'une conclusion d'élève devrait
contenir, avec leurs mots-clés, sont dans le corrigé (``entsim_corrige/q17.py``, édition
enseignant) : ils ne sont pas dans le cours des élèves.
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd

from entsim.authentification.comptes import MESSAGES as MESSAGES_COMPTES
from entsim.authentification.comptes import EtatCompte
from entsim.autorisation.habilitations.actions import Action
from entsim.autorisation.habilitations.ressources import Ressource
from entsim.journal.conservation import CONSERVATION_MINIMALE_MOIS, \
    CONSERVATION_PAR_DEFAUT_MOIS
from entsim.journal.operations import OPERATIONS
from entsim.rgpd.notice import notice_du_portail, verifier_notice
from entsim.rgpd.registre import delegue, registre
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import accorder, nature

__all__ = ["grille_q17", "elements_q17", "COLONNES_Q17", "VERDICTS"]

COLONNES_Q17 = ["Point de la CNIL", "Exigence du SDET", "Observé dans la simulation",
                "Verdict"]
#: Les verdicts possibles, du plus favorable au moins favorable.
VERDICTS = ("Répond", "Répond en partie", "Hors du SDET")


# -- les observations, calculées sur l'ENT ------------------------------------------------------
def _duree(d: timedelta) -> str:
    secondes = int(d.total_seconds())
    if secondes % 3600 == 0:
        return accorder(secondes // 3600, "heure")
    if secondes % 60 == 0:
        return accorder(secondes // 60, "minute")
    return accorder(secondes, "seconde")


def _parent_et_autre_eleve(ent):
    etab = ent.etablissement
    for parent in etab.parents():
        enfants = [e for e in parent.enfants if etab.existe(e)]
        autres = [e.identifiant for e in etab.eleves() if e.identifiant not in parent.enfants]
        if enfants and autres:
            return parent, enfants[0], autres[0]
    return None, None, None


def _acces(ent) -> str:
    parent, enfant, autre = _parent_et_autre_eleve(ent)
    if parent is None:
        return "Aucun parent dans l'annuaire : rien à observer."
    a = ent.autorisation.evaluer(parent.identifiant, Action.LIRE, Ressource.notes_de(autre))
    b = ent.autorisation.evaluer(parent.identifiant, Action.LIRE, Ressource.notes_de(enfant))
    return (f"{parent.nom_complet} (Parent) → {a.objet} : "
            f"{'autorisé' if a.autorise else 'refusé'} (« {a.raison} ») ; → {b.objet} : "
            f"{'autorisé' if b.autorise else 'refusé'}.")


def _stockage(ent) -> str:
    auth = ent.authentification
    d = auth.hachage.description
    clair = auth.mots_de_passe_en_clair_stockes()
    return (f"Empreintes {d.algorithme} ({'salées' if d.sale else 'sans sel'}, "
            f"{'lentes' if d.lent else 'rapides'}) ; mot de passe en clair stocké : "
            f"{'oui' if clair else 'non'}. {d.statut_cnil}")


def _politique(ent) -> str:
    auth = ent.authentification
    p = auth.politique
    ages = p.ages_maximaux()
    renouvellement = (f"renouvellement imposé tous les {ages[0].jours} jours" if ages
                      else "aucun renouvellement périodique imposé")
    return f"Règles : {' ; '.join(a.rstrip('.') for a in p.aides())} ; {renouvellement}."


def _echecs(ent) -> str:
    v = ent.authentification.verrouillage
    echecs = sum(1 for e in ent.journal if e.operation == "connexion_echouee")
    regle = v.decrire() if v is not None else "Aucun blocage ni temporisation."
    libelle = f"« {OPERATIONS['connexion_echouee']} »"
    if echecs == 0:
        return (f"{regle} Aucune ligne {libelle} pour l'instant ; chaque échec y est noté "
                f"avec son numéro (« Échec successif n° … »).")
    return (f"{regle} Le journal compte {accorder(echecs, 'ligne')} {libelle}, chacune "
            f"avec le numéro de l'échec.")


def _sso(ent) -> str:
    cas = ent.cas
    return (f"Serveur CAS ({cas.url}) : {accorder(len(cas.services()), 'service enregistré', 'services enregistrés')} ; "
            f"ticket de service valable {_duree(cas.duree_ticket)}, une seule fois ; "
            f"nouvelle authentification après {_duree(cas.inactivite_max)} d'inactivité "
            f"et au plus tard après {_duree(cas.duree_max)} (réglages par défaut d'Apereo "
            f"CAS, pas des exigences du protocole).")


def _deconnexion(ent) -> str:
    return ("La déconnexion détruit la session SSO (TGT) et ses tickets, puis envoie une "
            "demande de déconnexion à chaque service ouvert dans la session, parmi les "
            f"{len(ent.cas.services())} services enregistrés (une ligne « "
            f"{OPERATIONS['deconnexion_propagee']} » par service).")


def _tracabilite(ent) -> str:
    verification = ent.journal.verifier()
    cle = "chaîne à clé tenue par un notaire" if ent.notaire is not None \
        else "chaîne d'empreintes SHA-256 sans clé (un sceau gardé ailleurs est nécessaire)"
    liees = sum(1 for e in ent.journal if e.identite)
    return (f"{accorder(len(ent.journal), 'ligne')} datée{'s' if len(ent.journal) > 1 else ''}"
            f", dont {liees} liée{'s' if liees > 1 else ''} à une identité ; {cle}. "
            f"{verification.message} Conservation : "
            f"{CONSERVATION_MINIMALE_MOIS} mois au moins, {CONSERVATION_PAR_DEFAUT_MOIS} mois "
            f"par défaut.")


def _comptes_actifs(ent) -> int:
    return sum(1 for c in ent.authentification.comptes() if c.etat is EtatCompte.ACTIF)


def _sensibilisation(ent) -> str:
    comptes = ent.authentification.comptes()
    chartes = sum(1 for c in comptes if c.charte_acceptee_le is not None)
    return (f"L'activation d'un compte est refusée sans la charte (« "
            f"{MESSAGES_COMPTES['charte_non_acceptee']} ») ; charte acceptée à l'activation "
            f"pour {chartes} des {_comptes_actifs(ent)} comptes actifs (les comptes du récit "
            f"sont activés d'avance). Une charte n'est pas une formation.")


def _information(ent) -> str:
    verification = verifier_notice(notice_du_portail(ent))
    return (f"Notice du portail : {verification.texte()} À la création du compte : "
            f"l'activation est refusée sans cette lecture (« "
            f"{MESSAGES_COMPTES['information_non_lue']} »).")


def _responsable(ent) -> str:
    chef = ent.etablissement.chef_etablissement()
    return (f"Responsable du traitement : {chef.nom_complet}. Registre des traitements : "
            f"{accorder(len(registre(ent)), 'traitement')}. {delegue(ent)}.")


def grille_q17(ent) -> pd.DataFrame:
    """La grille de la question 17 : une ligne par point de la CNIL (ou exigence du SDET),
    avec ce que la simulation montre, calculé sur ``ent``, et un verdict."""
    from entsim.ent import ENT

    if not isinstance(ent, ENT):
        raise ValeurInvalide(f"Il faut un ENT, par exemple ENT.demo() (reçu : "
                             f"{nature(ent)}).", code="ent_attendu")
    lignes = [
        ("Chaque titulaire d'un compte n'accède qu'aux informations le concernant (un "
         "parent : la vie scolaire de son enfant).",
         "Service d'autorisation : habilitations (action × ressource), conditions ; "
         "l'accès DOIT être contrôlé par les services AAS.", _acces(ent), "Répond"),
        ("Mesures de sécurité du dispositif (accès aux données personnelles, contrôle "
         "des accès par mot de passe ou certificat).",
         "Authentification par mot de passe (DOIT), autres preuves (PEUT) ; mots de passe "
         "jamais stockés en clair, empreintes irréversibles, comparaison par l'AAS.",
         _stockage(ent), "Répond"),
        ("Sécurité du dispositif : robustesse des mots de passe.",
         "Politique de mots de passe (DOIT) : dureté, renouvellement, non-réutilisation, "
         "pas d'attribut de l'utilisateur.", _politique(ent), "Répond en partie"),
        ("Sécurité du dispositif : échecs de connexion.",
         "Le nombre d'échecs successifs DEVRAIT être tracé.", _echecs(ent), "Répond"),
        ("Sécurité d'un point d'entrée unique.",
         "SSO (DOIT) ; nouvelle authentification après inactivité ou une durée maximale.",
         _sso(ent), "Répond"),
        ("Sécurité d'un point d'entrée unique : fin de session.",
         "Propagation de la déconnexion à tous les services (DOIT), preuves détruites "
         "(DEVRAIT).", _deconnexion(ent), "Répond"),
        ("Traçabilité des connexions (réponse du cours de 2013).",
         "Traçabilité des opérations AAS (DOIT) : dater, associer à une identité, "
         "reconstituer la chaîne d'une identité.", _tracabilite(ent), "Répond en partie"),
        ("Sensibiliser les utilisateurs aux mesures élémentaires de sécurité "
         "(non-divulgation de l'identifiant).", "Rien : le SDET est un cahier des charges "
         "technique.", _sensibilisation(ent), "Hors du SDET"),
        ("Informer les utilisateurs de leurs droits, sur la page d'accueil du portail et à "
         "la création du compte.", "Rien : le SDET ne traite pas de l'information des "
         "personnes.", _information(ent), "Hors du SDET"),
        ("Le chef d'établissement, responsable du traitement, déclare l'ENT à la CNIL "
         "(engagement de conformité, 2006).", "Rien : obligation du responsable, pas du "
         "cahier des charges.", _responsable(ent), "Hors du SDET"),
    ]
    tableau = pd.DataFrame(lignes, columns=COLONNES_Q17)
    tableau.index = pd.RangeIndex(1, len(tableau) + 1, name="N°")
    return tableau


def elements_q17(ent) -> str:
    """Les éléments à discuter pour la conclusion de la question 17 : les verdicts de la
    grille, comptés sur ``ent``, et les questions à se poser — pas la conclusion elle-même,
    que l'élève rédige dans la fiche (question q17h). La conclusion du professeur, à projeter
    après le dépôt des fiches, est dans le corrigé (``entsim_corrige.q17.conclusion_q17``)."""
    grille = grille_q17(ent)
    lignes = {verdict: [str(n) for n in grille.index[grille["Verdict"] == verdict]]
              for verdict in VERDICTS}

    def _numeros(verdict: str) -> str:
        return (f"{accorder(len(lignes[verdict]), 'ligne')} ({', '.join(lignes[verdict])})"
                if lignes[verdict] else "aucune ligne")

    return "\n".join([
        f"La grille compte {len(grille)} points. Le SDET y répond : "
        f"{_numeros('Répond')} ; sa réponse est incomplète : "
        f"{_numeros('Répond en partie')} ; hors de son champ : {_numeros('Hors du SDET')}.",
        "",
        "Questions à vous poser pour rédiger votre conclusion :",
        "1. Votre réponse à la question : oui, non, ou entre les deux ? Appuyez-la sur les "
        "verdicts de la grille.",
        "2. Pour deux ou trois lignes où le SDET répond : quelle exigence répond à quel point "
        "de la CNIL ? Quelle preuve la colonne « Observé dans la simulation » en donne-t-elle ?",
        "3. Pour les lignes où sa réponse est incomplète : qu'est-ce qui manque, ou qu'est-ce "
        "qui a vieilli depuis 2013 ?",
        "4. Pour les lignes hors de son champ : qui, au lycée, doit s'en occuper ?",
        "5. Qu'est-ce qui a changé depuis 2013 : la délibération de la CNIL de 2022 sur les "
        "mots de passe, et le règlement européen de 2018 sur les données personnelles ?",
    ])
