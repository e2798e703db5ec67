"""Le parent curieux : changer l'identifiant dans l'adresse pour lire les notes d'un autre
élève.

Décision (et pourquoi) : la vraie parade, le **besoin d'en connaître**, est déjà dans l'ENT
(:mod:`entsim.autorisation`) et aucune règle d'établissement ne peut l'élargir — on ne peut
donc pas « l'éteindre » sur l'ENT lui-même. Pour montrer ce qui se passerait sans elle, la
partie « sans parade » joue un **service mal écrit**, écrit ici et nommé comme tel
(:func:`lecture_sans_besoin_d_en_connaitre`) : il vérifie seulement que le profil peut ouvrir
le service « Notes » (la décision du SSO), puis sert les notes de l'élève nommé dans
l'adresse, sans demander si ce parent a le droit de les voir. C'est la faille la plus
courante des applications web (référence directe non contrôlée : OWASP Top 10 2021,
A01 « Broken Access Control »). Le code de l'ENT n'est pas modifié.

Sources : arrêté du 30 novembre 2006 modifié (ENT), article 4 (les responsables légaux
accèdent à « la vie scolaire des enfants dont ils ont la charge ») ; avis de la CNIL sur les
ENT (document 1 : « un parent d'élève ne peut avoir accès qu'aux seules informations
relatives à la vie scolaire de son enfant ») ; SDET, document 2, service d'autorisation et
traçabilité.
"""

from __future__ import annotations

from entsim.attaques.scenario import FAMILLE_DONNEES, Issue, Risque, Scenario
from entsim.ent import ENT
from entsim.socle.erreurs import AccesRefuse

#: Le poste du parent.
POSTE_PARENT = "Ordinateur de la maison"


def lecture_sans_besoin_d_en_connaitre(ent: ENT, identifiant: str, eleve: str) -> list:
    """Le service **mal écrit** de la partie « sans parade » : il ne contrôle que le profil
    (le service Notes est-il ouvert aux parents ?) et sert les notes de n'importe quel
    élève nommé dans l'adresse. À ne jamais imiter."""
    decision = ent.autorisation.peut_acceder_service(identifiant, "notes")
    if not decision.autorise:
        return []
    return ent.service("notes").donnees_de(eleve)


class ParentCurieux(Scenario):
    """Un parent modifie l'identifiant de l'élève dans l'adresse."""

    code = "parent_curieux"
    titre = "Le parent curieux"
    histoire = ("Karim Bernard consulte les notes de son fils Hugo. L'adresse se termine "
                "par …/notes?eleve=hugo.bernard. Curieux de savoir si Hugo fait mieux que "
                "Léa Martin, il remplace « hugo.bernard » par « lea.martin » dans l'adresse.")
    famille = FAMILLE_DONNEES
    cause = "humaine"
    parade = ("Le besoin d'en connaître, vérifié par le service d'autorisation pour chaque "
              "donnée demandée, pas seulement pour l'entrée dans le service (arrêté ENT du "
              "30 novembre 2006 modifié, art. 4 ; avis de la CNIL sur les ENT : un parent "
              "n'accède qu'aux informations de son enfant), et le refus tracé au journal "
              "(SDET, traçabilité). Cette parade est déjà dans l'ENT : la partie « sans "
              "parade » joue un service mal écrit pour montrer ce qu'elle empêche.")
    sources = ("Arrêté du 30 novembre 2006 modifié (ENT), article 4",
               "CNIL, avis du 27 avril 2006 sur les ENT (document 1)",
               "SDET, document 2, service d'autorisation et traçabilité",
               "OWASP Top 10 2021, A01 « Broken Access Control »")
    indices = ("Cherchez la ligne « Accès refusé » : quel objet est nommé ?",
               "Sans parade, le journal dit-il quel élève a été lu ?")
    risque_avant = Risque(2, 3, "Les notes d'un mineur lues par un tiers.",
                          "Modifier une adresse est à la portée de tous.")
    risque_apres = Risque(2, 1, "Les conséquences d'une réussite ne changent pas.",
                          "Chaque demande est refusée et tracée au nom du parent.")

    parent = "karim.bernard"
    cible = "lea.martin"

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        if not avec_parade:
            lues = lecture_sans_besoin_d_en_connaitre(ent, self.parent, self.cible)
            chiffres = {"notes_lues": len(lues)}
            resume = (f"Le service mal écrit sert {len(lues)} notes de Léa Martin à Karim "
                      "Bernard. Le journal n'en garde qu'un « accès autorisé » au service "
                      "Notes : il ne dit même pas quel élève a été lu.")
            return Issue(bool(lues), resume, chiffres)
        try:
            releve = ent.service("notes").releve(self.parent, self.cible, poste=POSTE_PARENT)
        except AccesRefuse as refus:
            return Issue(False, f"{refus} Le refus est tracé au journal au nom de "
                         "Karim Bernard, avec l'élève visé.", {"notes_lues": 0})
        return Issue(True, f"Relevé servi : {releve.eleve}.",   # pragma: no cover
                     {"notes_lues": len(releve.lignes)})


SCENARIOS = (ParentCurieux,)
