"""Scénario « journal falsifié » : un initié efface du journal les lignes d'un accès.

Le gestionnaire du lycée, qui administre aussi le serveur de l'ENT, tente un soir d'ouvrir
les notes ; l'autorisation refuse et le journal le trace. Le lendemain matin, il supprime ces
lignes du journal (:meth:`entsim.journal.chaine.Journal.supprimer`).

* **sans parade** : le journal est une chaîne SHA-256 sans clé et personne n'a gardé de
  sceau ailleurs. Supprimer des lignes casse la chaîne… mais SHA-256 est public : l'initié
  recalcule toutes les empreintes qui suivent (:meth:`~entsim.journal.chaine.Journal.recalculer_chaine`)
  et la vérification dit « Journal intact ». L'accès a disparu ;
* **avec parade** : la chaîne est à clé (HMAC-SHA256, RFC 2104) et la clé est chez un tiers,
  le délégué à la protection des données (:class:`entsim.journal.notaire.Notaire`), qui
  scelle le journal chaque soir et garde ses sceaux. Sans la clé, l'initié ne peut pas
  recalculer la chaîne ; le notaire confronte le journal à ses sceaux : la suppression se
  voit.

Sources : SDET (CERTA 2013, document 2, « Traçabilité des opérations AAS » : reconstituer la
chaîne des opérations d'une identité) ; CNIL, délibération n° 2021-122 (recommandation
journalisation : conserver les traces à part du système qu'elles surveillent) ; voir
:mod:`entsim.journal.integrite`.
"""

from __future__ import annotations

from entsim.attaques.scenario import FAMILLE_INTEGRITE, Issue, Risque, Scenario
from entsim.ent import ENT, MOTS_DE_PASSE_DEMO
from entsim.etablissement.generation import PERSONAS
from entsim.socle.texte import accorder

__all__ = ["JournalFalsifie", "SCENARIOS"]

#: Le poste d'où l'initié tente l'accès (le soir, chez lui).
POSTE_INITIE = "Ordinateur de la maison"


class JournalFalsifie(Scenario):
    """Des lignes supprimées du journal pour cacher un accès."""

    code = "journal_falsifie"
    titre = "Un journal falsifié pour cacher un accès"
    histoire = (
        "Le gestionnaire du lycée administre aussi le serveur de l'ENT. Un soir, il tente "
        "d'ouvrir les notes des élèves : l'ENT refuse, et le journal le note. Le lendemain "
        "matin, il efface ces lignes du journal. Le journal pourra-t-il encore servir de "
        "preuve ?")
    famille = FAMILLE_INTEGRITE
    cause = "humaine"
    parade = (
        "Une chaîne à clé (HMAC-SHA256) dont la clé est détenue par un tiers — le délégué à la "
        "protection des données — qui scelle le journal chaque soir et garde ses sceaux hors "
        "de portée de l'administrateur (CNIL, délibération n° 2021-122 : journaux conservés à "
        "part du système surveillé ; SDET, traçabilité des opérations AAS).")
    sources = (
        "SDET (CERTA 2013, document 2), « Traçabilité des opérations AAS » : dater chaque "
        "opération, l'associer à une identité, reconstituer la chaîne d'une identité.",
        "CNIL, délibération n° 2021-122 du 14 octobre 2021 (journalisation) : conserver les "
        "traces de six mois à un an, à part du système qu'elles surveillent.",
        "RFC 2104 (HMAC) ; RFC 3161 (horodatage par un tiers).",
    )
    indices = (
        "Vérifiez le journal avant et après la suppression : que dit la vérification ?",
        "SHA-256 n'a pas de secret : qui peut recalculer les empreintes ?",
        "Un sceau (numéro et empreinte d'une ligne) gardé par quelqu'un d'autre ne se "
        "recalcule pas.",
    )
    risque_avant = Risque(
        3, 3,
        "Importante : sans journal fiable, un accès indu aux données des élèves ne peut plus "
        "être prouvé ni sanctionné.",
        "Importante : un administrateur a les droits d'écrire le journal et SHA-256 se "
        "recalcule en une fraction de seconde.")
    risque_apres = Risque(
        3, 1,
        "Importante : la tentative a bien eu lieu ; seule sa trace est protégée.",
        "Négligeable : sans la clé du délégué, toute suppression contredit ses sceaux et se "
        "voit à la vérification.")

    def _fabriquer_ent(self, avec_parade: bool) -> ENT:
        return ENT.demo(self.graine, cout="rapide", journal_a_cle=avec_parade)

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        journal = ent.journal
        # la journée normale : Léa consulte son cahier de textes
        eleve = PERSONAS["eleve"].identifiant
        ent.avancer(heures=10)
        ent.connexion(eleve, MOTS_DE_PASSE_DEMO["eleve"])
        ent.ouvrir("cahier_de_textes")
        ent.deconnexion()
        # le soir, l'initié tente d'ouvrir les notes (refus tracé)
        initie = PERSONAS["gestionnaire"].identifiant
        ent.avancer(heures=12)
        premier = journal.dernier_numero() + 1
        ent.connexion(initie, MOTS_DE_PASSE_DEMO["gestionnaire"], poste=POSTE_INITIE)
        ent.ouvrir("notes", poste=POSTE_INITIE)
        ent.deconnexion(poste=POSTE_INITIE)
        dernier = journal.dernier_numero()
        traces = journal.tableau([journal.ligne(n) for n in range(premier, dernier + 1)])
        self.lignes_cachees = traces
        # minuit : le notaire (s'il y en a un) scelle la journée
        ent.avancer(heures=1)
        if ent.notaire is not None:
            ent.notaire.sceller(journal)
        # le lendemain matin, Léa revient ; puis l'initié efface ses lignes
        ent.avancer(heures=8)
        ent.connexion(eleve, MOTS_DE_PASSE_DEMO["eleve"])
        ent.deconnexion()
        for numero in range(dernier, premier - 1, -1):
            journal.supprimer(numero)
        brute = journal.verifier() if ent.notaire is None else ent.notaire.verifier(journal)
        reecrites = journal.recalculer_chaine(premier - 1 if premier > 1 else None)
        verification = (journal.verifier() if ent.notaire is None
                        else ent.notaire.verifier(journal))
        self.verification = verification
        chiffres = {"lignes_supprimees": len(traces), "lignes_reecrites": reecrites,
                    "alerte_avant_recalcul": not brute.intact,
                    "journal_intact_apres_recalcul": verification.intact,
                    "anomalies": len(verification.anomalies)}
        supprimees = accorder(len(traces), "ligne supprimée", "lignes supprimées")
        if verification.intact:
            return Issue(True, (
                f"{supprimees} (la tentative de {initie} sur les notes). La chaîne, cassée "
                f"juste après la suppression, est recalculée ({accorder(reecrites, 'ligne réécrite', 'lignes réécrites')}) : "
                "la vérification dit « Journal intact ». Sans sceau gardé ailleurs, rien ne "
                "trahit la suppression."), chiffres)
        return Issue(False, (
            f"{supprimees} puis chaîne recalculée sans la clé du délégué : la vérification "
            f"par le notaire relève {accorder(len(verification.anomalies), 'anomalie')} "
            "(empreintes qui ne sont pas les siennes, sceau de minuit contredit). La "
            "suppression est découverte."), chiffres)


SCENARIOS = (JournalFalsifie,)
