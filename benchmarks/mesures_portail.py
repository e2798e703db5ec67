"""Le temps de chaque action du portail et des widgets, pilotés sans navigateur (par leurs
rappels, comme dans tests/test_portail.py et tests/test_widgets_*.py) : le rappel Python
seulement, pas le trajet jusqu'au navigateur ni son dessin.

Actions mesurées, sur ``ENT.demo()`` (coût de hachage normal : la connexion hache un mot de
passe exprès) : connexion par le bouton, ouverture de chaque tuile de chaque personnage de la
démo, chaque bouton et chaque liste de choix de la vue de chaque service (un clic ou un
autre choix), changement de rôle par la liste « Voir en tant que », mode projection,
coulisses, déconnexion ; les exercices (classement, tableau : « Vérifier », « Indice ») ; le
questionnaire d'entretien (« Enregistrer la réponse », « Nouvelle réponse ») ; les
explorateurs du notebook de démarrage.

    .venv/bin/python benchmarks/mesures_portail.py
(Mesure du temps réel : c'est un banc d'essai, pas la simulation, qui lit l'horloge.)
"""

from __future__ import annotations

import hashlib
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import ipywidgets as widgets

from entsim import ENT, MOTS_DE_PASSE_DEMO
from entsim.etablissement.generation import PERSONAS

#: Les actions qui vérifient un mot de passe (connexion, changement de rôle) : budget à part.
CONNEXION = "connexion"
#: Les vérifications qui hachent la réponse de l'élève exprès (PBKDF2, lent contre la force
#: brute : entsim.questions.empreintes) : même budget que la connexion (issue 17 : < 150 ms).
VERIFICATION_HACHEE = "vérification hachée"
RAISON_HACHAGE = ("la vérification formative hache la réponse exprès (PBKDF2, 400 000 tours, "
                  "entsim.questions.empreintes) : lente contre la force brute, comme la "
                  "connexion ; budget de la connexion (< 150 ms)")
#: Les listes de choix d'une vue de service (on y choisit une autre option).
LISTES = (widgets.Dropdown, widgets.ToggleButtons, widgets.RadioButtons, widgets.Select)


class _CompteurPBKDF2:
    """Tient lieu de ``hashlib`` dans :mod:`entsim.questions.empreintes` pendant la mesure :
    compte les appels à ``pbkdf2_hmac`` (le reste passe tel quel). Une action qui en fait au
    moins un hache exprès ; elle est classée d'après ce qu'elle fait, pas d'après son nom."""

    def __init__(self) -> None:
        self.appels = 0

    def __getattr__(self, nom: str):
        return getattr(hashlib, nom)

    def pbkdf2_hmac(self, *arguments, **options):
        self.appels += 1
        return hashlib.pbkdf2_hmac(*arguments, **options)


COMPTEUR = _CompteurPBKDF2()
#: Les actions qui ont appelé PBKDF2 pendant une mesure.
HACHEES: set[str] = set()


def _chrono(temps: dict[str, list[float]], nom: str, action) -> None:
    avant = COMPTEUR.appels
    debut = time.perf_counter()
    action()
    temps[nom].append(time.perf_counter() - debut)
    if COMPTEUR.appels > avant:
        HACHEES.add(nom)


def _commandes(racine) -> list:
    """Les boutons et listes de choix sous un widget (parcours de l'arbre des enfants)."""
    trouves, pile = [], [racine]
    while pile:
        w = pile.pop()
        if isinstance(w, widgets.Button) or isinstance(w, LISTES):
            trouves.append(w)
        pile.extend(reversed(getattr(w, "children", ()) or ()))
    return trouves


def _actionner(w) -> None:
    if isinstance(w, widgets.Button):
        w.click()
        return
    autres = [v for _, v in getattr(w, "_options_full", ()) if v != w.value] \
        if hasattr(w, "_options_full") else []
    if autres:
        w.value = autres[0]


def _nom_commande(w) -> str:
    texte = getattr(w, "description", "") or getattr(w, "tooltip", "") or type(w).__name__
    return " ".join(str(texte).split())[:40]


def _ouvrir_et_actionner(portail, temps, role: str) -> None:
    for code, tuile in list(portail.tuiles.items()):
        _chrono(temps, f"ouvrir « {code} » ({role})", tuile.click)
        vue = portail.vue_service
        if vue is None:
            continue
        for w in _commandes(vue.vue):
            _chrono(temps, f"{code} : « {_nom_commande(w)} » ({role})", lambda w=w: _actionner(w))


def _tour_du_portail(ent, temps) -> None:
    from entsim.widgets.portail import Portail

    portail = Portail(ent)
    try:
        eleve = PERSONAS["eleve"].identifiant
        portail.accueil.identifiant.value = eleve
        portail.accueil.mot_de_passe.value = MOTS_DE_PASSE_DEMO["eleve"]
        _chrono(temps, f"{CONNEXION} : bouton « Se connecter »",
                portail.accueil.bouton_connexion.click)
        assert portail.identifiant == eleve, "la connexion de la démo a échoué"
        _ouvrir_et_actionner(portail, temps, "eleve")
        for valeur in (True, False):
            _chrono(temps, "mode projection", lambda v=valeur: setattr(
                portail.bouton_projection, "value", v))
            _chrono(temps, "coulisses", lambda v=not valeur: setattr(
                portail.bouton_coulisses, "value", v))
        for role in portail.personas:
            if role == "eleve" or role not in MOTS_DE_PASSE_DEMO:
                continue
            _chrono(temps, f"{CONNEXION} : changer de rôle → {role}",
                    lambda r=role: setattr(portail.choix_role, "value", r))
            if portail.identifiant == PERSONAS[role].identifiant:
                _ouvrir_et_actionner(portail, temps, role)
        _chrono(temps, "déconnexion", portail.bouton_deconnexion.click)
    finally:
        portail.fermer()


def _tour_des_exercices(temps) -> None:
    from entsim.questions import fiche
    from entsim.widgets.exercices import ExerciceClassement, ExerciceTableau
    from entsim_corrige import fiche_corrigee   # les bonnes réponses (édition enseignant)

    q1a = fiche("partie1").question("q1a")       # la fiche des élèves : vérification par empreinte
    exercice = ExerciceClassement(q1a)
    _chrono(temps, "classement : « Vérifier » (vide)", exercice.bouton_verifier.click)
    attendu = dict(fiche_corrigee("partie1").question("q1a").attendu)
    for element, liste in zip(q1a.elements, exercice.choix):
        liste.value = q1a.categories.index(attendu[element])
    _chrono(temps, "classement : « Vérifier » (rempli)", exercice.bouton_verifier.click)
    _chrono(temps, "classement : « Indice »", exercice.bouton_indice.click)
    q16e = fiche("partie3_authentification").question("q16e")
    tableau = ExerciceTableau(q16e)
    for ligne, cases in fiche_corrigee("partie3_authentification").question("q16e").attendu.items():
        tableau.case(ligne).value = str(cases["Entropie minimale (bits)"])
    _chrono(temps, "tableau : « Vérifier »", tableau.bouton_verifier.click)
    _chrono(temps, "tableau : « Indice »", tableau.bouton_indice.click)


def _tour_du_questionnaire(temps) -> None:
    from entsim.widgets import Questionnaire

    with tempfile.TemporaryDirectory(prefix="entsim-bench-") as dossier:
        formulaire = Questionnaire(Path(dossier) / "enquete.csv", acteur="Vie scolaire (CPE)")
        for nom, valeur in dict(groupe="TSTMG2 G4", enqueteurs="Jade et Noah",
                                date="18/01/2027", avantages="Je vois les absences.",
                                limites="Trop de messages le soir.",
                                evolutions="On prévient les familles plus vite.").items():
            getattr(formulaire, nom).value = valeur
        formulaire.consentement.value = True
        formulaire.frequence.value = "Tous les jours"
        for liste in formulaire.accords.values():
            liste.value = "Plutôt d'accord"
        _chrono(temps, "questionnaire : « Enregistrer la réponse »",
                formulaire.bouton_enregistrer.click)
        _chrono(temps, "questionnaire : « Nouvelle réponse »", formulaire.bouton_nouvelle.click)


def _tour_des_explorateurs(ent, temps) -> None:
    from entsim.widgets import ExplorateurClasses, ExplorateurServices

    services = ExplorateurServices(ent)
    _chrono(temps, "explorateur des services : profil Parent",
            lambda: setattr(services.choix, "value", "Parent"))
    classes = ExplorateurClasses(ent)
    _chrono(temps, "explorateur des classes : TSTMG1",
            lambda: setattr(classes.choix, "value", "TSTMG1"))


def mesurer_actions(repetitions: int = 3) -> dict[str, list[float]]:
    """Les durées (s) de chaque action, une par tour ; chaque tour sur un portail neuf."""
    from entsim.questions import empreintes

    ent = ENT.demo()
    temps: dict[str, list[float]] = defaultdict(list)
    empreintes.hashlib = COMPTEUR
    try:
        for _ in range(repetitions):
            _tour_du_portail(ent, temps)
            _tour_des_exercices(temps)
            _tour_du_questionnaire(temps)
            _tour_des_explorateurs(ent, temps)
    finally:
        empreintes.hashlib = hashlib
    return dict(temps)


def categorie(nom: str) -> str:
    """« connexion » (mot de passe haché), « vérification hachée » (réponse hachée par
    PBKDF2) ou « action » (budget < 50 ms)."""
    if nom.startswith(CONNEXION):
        return CONNEXION
    return VERIFICATION_HACHEE if nom in HACHEES else "action"


def resumer(temps: dict[str, list[float]]) -> dict[str, object]:
    """Médiane de chaque action ; la pire des connexions et la pire des autres actions."""
    medianes = {nom: statistics.median(serie) for nom, serie in temps.items()}
    connexions = {n: v for n, v in medianes.items() if categorie(n) == CONNEXION}
    hachees = {n: v for n, v in medianes.items() if categorie(n) == VERIFICATION_HACHEE}
    autres = {n: v for n, v in medianes.items() if categorie(n) == "action"}
    pire = max(autres, key=autres.get)
    pire_connexion = max(connexions, key=connexions.get)
    pire_hachee = max(hachees, key=hachees.get) if hachees else None
    return {"actions": len(medianes), "medianes_s": medianes,
            "pire_action": pire, "pire_action_s": autres[pire],
            "pire_connexion": pire_connexion, "pire_connexion_s": connexions[pire_connexion],
            "verifications_hachees": sorted(hachees),
            "pire_verification": pire_hachee,
            "pire_verification_s": hachees[pire_hachee] if hachees else None,
            "connexion_bouton_s": medianes[f"{CONNEXION} : bouton « Se connecter »"]}


if __name__ == "__main__":
    resume = resumer(mesurer_actions(1))
    for nom, duree in sorted(resume["medianes_s"].items(), key=lambda x: -x[1])[:25]:
        print(f"{duree * 1000:8.1f} ms  {nom}  [{categorie(nom)}]")
    print(f"{resume['actions']} actions mesurées.")
