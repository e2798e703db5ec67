"""Les attaques contre la session SSO : la session oubliée sur le poste partagé du CDI et
le vol ou le rejeu d'un ticket de service.

Sources : SDET, document 2 (« Suite à une période d'inactivité ou après une certaine durée,
les services AAS DOIVENT demander une nouvelle authentification » ; propagation de la
déconnexion à chaque service) ; spécification CAS 3.0 (section 3.1.1 : un ticket de service
ne vaut que pour une tentative de validation et doit expirer vite — Apereo CAS : 10 s par
défaut ; section 2.3 : ``/logout`` ; la déconnexion unique) ; Apereo CAS, valeurs par
défaut de la session SSO : 2 h sans activité, 8 h au plus (des réglages du serveur, pas des
exigences du protocole).

Réglage de l'inactivité : dans la simulation, c'est un réglage **du serveur CAS**
(``ent.cas.inactivite_max``), le même pour tous les postes ; la simulation ne sait pas régler
une durée plus courte pour les seuls postes partagés.
"""

from __future__ import annotations

from datetime import timedelta

from entsim.attaques.scenario import FAMILLE_DONNEES, Issue, Risque, Scenario
from entsim.demonstrations.sso import POSTE_ESPION, DemonstrationSSO
from entsim.ent import ENT, MOTS_DE_PASSE_DEMO
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

#: Le poste partagé du scénario.
POSTE_CDI = "Poste du CDI"

#: Le temps entre le départ de Léa et l'arrivée de l'élève suivant (minutes).
MINUTES_AVANT_L_ELEVE_SUIVANT = 20

#: L'inactivité maximale choisie pour la parade (plus courte que les 2 h d'Apereo).
INACTIVITE_COURTE = timedelta(minutes=10)


class SessionOublieeCDI(Scenario):
    """Une session laissée ouverte sur le poste partagé du CDI.

    :param parade: ``"inactivite"`` (session SSO de 10 min sans activité au lieu de 2 h) ou
        ``"deconnexion"`` (Léa se déconnecte : déconnexion unique)."""

    code = "session_oubliee_cdi"
    titre = "Une session oubliée au CDI"
    histoire = ("Léa Martin consulte ses notes sur l'ordinateur du CDI, puis part en cours "
                "sans se déconnecter. Vingt minutes plus tard, Hugo s'assoit au même poste "
                "et ouvre la messagerie et les notes : l'ENT le prend pour Léa.")
    famille = FAMILLE_DONNEES
    cause = "humaine"
    parade = ("Se déconnecter : la déconnexion détruit la session SSO (TGT) et prévient "
              "chaque service ouvert (SDET, propagation de la déconnexion ; CAS 3.0, "
              "déconnexion unique). Et, pour les oublis, une inactivité maximale courte sur "
              "le serveur CAS (ici 10 minutes au lieu des 2 h d'Apereo CAS ; SDET : nouvelle "
              "authentification après une période d'inactivité).")
    sources = ("SDET, document 2, « Single Sign-On » et inactivité",
               "Spécification CAS 3.0, section 2.3 (/logout) et déconnexion unique",
               "Apereo CAS : 2 h d'inactivité, 8 h au plus (valeurs par défaut)")
    indices = ("Quelle identité le journal donne-t-il aux ouvertures de 08:20 ?",
               "Que dit la ligne « Session SSO expirée » ?")
    risque_avant = Risque(2, 4, "Un camarade lit les notes et les messages, peut écrire au "
                          "nom de Léa.", "Les oublis de déconnexion sont quotidiens sur un "
                          "poste partagé.")
    risque_apres = Risque(2, 2, "Les conséquences d'un oubli ne changent pas.",
                          "Seul un élève arrivé dans les 10 minutes profite encore d'un oubli.")

    def __init__(self, graine: int = 2026, *, parade: str = "inactivite") -> None:
        if parade not in ("inactivite", "deconnexion"):
            raise ValeurInvalide("La parade est « inactivite » ou « deconnexion » (reçu : "
                                 f"{cite(parade)}).")
        self.choix_parade = parade
        super().__init__(graine)

    def _fabriquer_ent(self, avec_parade: bool) -> ENT:
        ent = ENT.demo(self.graine, cout="rapide")
        if avec_parade and self.choix_parade == "inactivite":
            ent.cas.inactivite_max = INACTIVITE_COURTE
        return ent

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        ent.connexion("lea.martin", MOTS_DE_PASSE_DEMO["eleve"], poste=POSTE_CDI)
        ent.ouvrir("notes", poste=POSTE_CDI)
        if avec_parade and self.choix_parade == "deconnexion":
            ent.deconnexion(poste=POSTE_CDI)
        ent.avancer(minutes=MINUTES_AVANT_L_ELEVE_SUIVANT)
        ouvertures = {s: ent.ouvrir(s, poste=POSTE_CDI) for s in ("messagerie", "notes")}
        usurpes = [s for s, r in ouvertures.items() if r.ok and r.identifiant == "lea.martin"]
        chiffres = {"services_ouverts_comme_lea": tuple(usurpes),
                    "inactivite_max_minutes": ent.cas.inactivite_max.total_seconds() / 60,
                    "minutes_avant_l_eleve_suivant": MINUTES_AVANT_L_ELEVE_SUIVANT}
        if usurpes:
            resume = (f"{MINUTES_AVANT_L_ELEVE_SUIVANT} minutes plus tard, Hugo ouvre "
                      f"{' et '.join(usurpes)} comme Léa, sans rien taper : la session SSO "
                      "de Léa était encore valable.")
        else:
            cause = ("Léa s'était déconnectée : la session et les services ouverts avaient "
                     "été fermés." if self.choix_parade == "deconnexion" else
                     f"la session de Léa a expiré après "
                     f"{int(INACTIVITE_COURTE.total_seconds() // 60)} minutes sans activité "
                     "et les services ouverts ont été prévenus.")
            resume = (f"{MINUTES_AVANT_L_ELEVE_SUIVANT} minutes plus tard, l'ENT demande à "
                      f"Hugo de s'identifier : {cause} Limite : arrivé avant la fin du délai, "
                      "il aurait encore trouvé la session ouverte — seule la déconnexion "
                      "protège vraiment." if self.choix_parade == "inactivite" else
                      f"{MINUTES_AVANT_L_ELEVE_SUIVANT} minutes plus tard, l'ENT demande à "
                      f"Hugo de s'identifier : {cause}")
        return Issue(bool(usurpes), resume, chiffres)


class RejeuDeTicket(Scenario):
    """Un ticket de service volé : présenté avant Léa, ou rejoué après."""

    code = "rejeu_de_ticket"
    titre = "Voler ou rejouer un ticket de service"
    histoire = ("Quand Léa ouvre un service, le serveur CAS renvoie son navigateur vers le "
                "service avec un ticket dans l'adresse (…?ticket=ST-…). Un espion assis à "
                "côté, sur le même réseau, veut s'en servir pour entrer dans le cahier de "
                "textes comme Léa.")
    famille = FAMILLE_DONNEES
    cause = "technique"
    parade = ("Un ticket de service ne vaut que pour une seule tentative de validation, pour "
              "un seul service, et expire vite (spécification CAS 3.0, section 3.1.1 ; "
              "Apereo CAS : 10 s) ; l'adresse ne circule qu'en HTTPS (CAS 3.0, section 3.6 : "
              "cookie sécurisé) : l'espion ne peut que relire l'historique, trop tard.")
    sources = ("Spécification CAS 3.0, sections 3.1.1 et 3.6",
               "Apereo CAS : durée de vie d'un ticket de service, 10 s par défaut",
               "SDET, document 2, cinématique d'accès")
    indices = ("Combien de fois un ticket de service peut-il être validé ?",
               "Qui présente le ticket en premier dans chaque partie ?")
    risque_avant = Risque(2, 3, "L'espion entre dans un service au nom de Léa.",
                          "Sur un réseau non chiffré, l'adresse se lit au passage.")
    risque_apres = Risque(2, 1, "Les conséquences d'une réussite ne changent pas.",
                          "Un ticket déjà présenté ou vieux de 10 s ne vaut plus rien.")

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        service = ent.cas.service("cahier_de_textes")
        espion = ent.navigateur(POSTE_ESPION)
        if not avec_parade:
            # réseau non chiffré : l'espion lit l'adresse de redirection et la présente
            # AVANT le navigateur de Léa
            lea = ent.navigateur(POSTE_CDI)
            ent.connexion("lea.martin", MOTS_DE_PASSE_DEMO["eleve"], poste=POSTE_CDI)
            emis = ent.cas.acceder(lea, "cahier_de_textes")
            vole = service.recevoir_ticket(espion, emis.ticket)
            legitime = service.recevoir_ticket(lea, emis.ticket)
            chiffres = {"ticket": emis.ticket, "espion_accepte": vole.ok,
                        "lea_refusee": not legitime.ok}
            resume = (f"L'espion présente le ticket {emis.ticket} avant Léa : accepté, il "
                      f"entre dans le cahier de textes comme {vole.identifiant}. Le "
                      "navigateur de Léa, arrivé second, est refusé (INVALID_TICKET).")
            return Issue(vole.ok, resume, chiffres)
        demo = DemonstrationSSO(ent, poste=POSTE_CDI)
        demo.ouvrir_deux_services(bref=True)
        ent.avancer(minutes=5)
        rejeu = demo.rejouer_ticket()
        chiffres = {"ticket": rejeu.ticket, "espion_accepte": rejeu.validation.ok,
                    "code_cas": rejeu.validation.code or ""}
        return Issue(rejeu.validation.ok, f"Cinq minutes plus tard, l'espion relit le ticket "
                     f"dans l'historique du poste et le présente. {rejeu.constat}", chiffres)


SCENARIOS = (SessionOublieeCDI, RejeuDeTicket)
