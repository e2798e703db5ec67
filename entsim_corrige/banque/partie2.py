"""Fiche de la partie 2 du cours : « Étudier l'impact de l'ENT sur les modes de travail, de
coordination et d'échange entre les différents acteurs » (questions 4 à 6).

Source : ressource CERTA (2013), deuxième partie :

4. « retrouver les acteurs internes et externes à l'établissement, qui sont concernés par la
   mise en place d'un ENT » (corrigé : l'administration — direction, vie scolaire,
   intendance —, les élèves, les enseignants ; les parents, le collège de secteur et
   d'autres partenaires) ;
5. « expliquer rapidement pour chaque acteur, les avantages que procure la mise en place de
   l'ENT » (le tableau du corrigé : direction, parents, enseignants, élèves, collège) ;
6. « réaliser une interview des différents acteurs » sur trois questions (fonctionnalités
   utilisées ; évolutions du travail, de la coordination et des échanges ; avantages et
   limites), avec questionnaire, analyse des résultats et présentation.

La page du ministère (2022) ajoute des acteurs (collectivités, RUPN, délégation académique
au numérique) et une limite : la fracture numérique. Les réponses attendues sont tirées des
données livrées (:mod:`entsim.organisation`, :mod:`entsim.enquete`), jamais recopiées : si
les données changent, la fiche suit.
"""

from __future__ import annotations

from entsim.organisation import (EXTERNE, INTERNE, acteur, avantages_et_limites,
                                 comparaison_coordination, coordination)
from entsim_corrige.banque._partie2_enquete import Q6A, Q6B, Q6C, Q6D, Q6E
from entsim.questions.fiches import Fiche
from entsim.questions.mots_cles import MotsCles
from entsim.questions.types_de_questions import (QCM, Classement, MiseEnOrdre,
                                                 TableauACompleter)

#: Les acteurs à classer (question 4) : ceux du corrigé de 2013 et ceux de la page de 2022.
ACTEURS_Q4 = ("region", "eleves", "enseignants", "parents", "direction", "editeur_ent",
              "college_secteur", "vie_scolaire", "gestion", "drane", "partenaires",
              "documentaliste")      # mêlés : jamais rangés par catégorie

Q4A = Classement(
    id="q4a", titre="Question 4 — Acteurs internes et externes", points=2,
    enonce=("Un ENT concerne de nombreux **acteurs**. Certains travaillent **dans** "
            "l'établissement (acteurs internes), d'autres **en dehors** (acteurs externes), "
            "même s'ils utilisent l'ENT. Classez chaque acteur."),
    categories=(INTERNE, EXTERNE),
    attendu={acteur(code).nom_court: (INTERNE if acteur(code).interne else EXTERNE)
             for code in ACTEURS_Q4},
    indices=(
        "Demandez-vous où la personne travaille chaque jour : dans le lycée, ou ailleurs ?",
        "Les parents ont un compte dans l'ENT, mais ils ne font pas partie de "
        "l'établissement : le corrigé de 2013 les range parmi les acteurs externes.",
    ),
)

#: Les rôles à retrouver (question 4) : des acteurs que la page du ministère (2022) présente.
ACTEURS_ROLES = ("region", "drane", "rupn", "editeur_ent", "college_secteur", "direction")

Q4B = Classement(
    id="q4b", titre="Question 4 — Qui fait quoi ?", points=2,
    enonce=("Associez chaque acteur à son **rôle** dans le projet d'ENT (chaque rôle sert "
            "une fois)."),
    categories=tuple(sorted(acteur(code).role for code in ACTEURS_ROLES)),
    attendu={acteur(code).nom_court: acteur(code).role for code in ACTEURS_ROLES},
    indices=(
        "La page du ministère : la collectivité finance et entretient les équipements ; la "
        "délégation académique forme les personnels ; le référent aide ses collègues.",
        "Le chef d'établissement est responsable du traitement des données de l'ENT ; "
        "l'éditeur de la plateforme la développe et l'héberge pour son compte.",
    ),
)

_CHOIX_COMPTES = ("Les élèves", "Les parents", "La Région", "L'éditeur de l'ENT",
                  "Un intervenant d'une association partenaire, le temps d'un projet",
                  "Les enseignants", "La DRANE")
_AVEC_COMPTE = ("eleves", "parents", None, "editeur_ent", "partenaires", "enseignants",
                "drane")

Q4C = QCM(
    id="q4c", titre="Question 4 — Qui a un compte dans l'ENT ?", points=1,
    enonce=("Tous les acteurs ne se connectent pas à l'ENT du lycée. Lesquels y ont un "
            "**compte** (un profil : Élève, Parent, Enseignant, Personnel ou Invité) ?"),
    choix=_CHOIX_COMPTES,
    bonnes=tuple(chr(ord("A") + i) for i, code in enumerate(_AVEC_COMPTE)
                 if code is not None and acteur(code).profil_ent is not None),
    multiple=True,
    explications={
        "C": "la Région finance et entretient l'ENT, mais ses agents n'ont pas de compte "
             "dans l'ENT du lycée.",
        "D": "l'éditeur héberge et exploite la plateforme pour le compte de l'établissement : "
             "il n'est pas un usager, il n'a pas de profil dans l'annuaire du lycée.",
        "G": "la délégation académique forme les personnels ; elle n'a pas de compte dans "
             "l'ENT du lycée.",
    },
    indices=("Regardez la colonne « Profil ENT » du tableau des acteurs.",),
)


def _mots_cles(code: str, nature: str) -> MotsCles:
    """Tous les avantages (ou toutes les limites) connus d'un acteur : un seul suffit."""
    lignes = avantages_et_limites(code, nature=nature)
    exemples = " ; ".join(ligne.libelle.lower() for ligne in lignes[:2])
    variantes = tuple(dict.fromkeys(v for ligne in lignes for v in ligne.mots_cles))
    genre = "d'un avantage" if nature == "avantage" else "d'une limite"
    return MotsCles(f"{genre} pour cet acteur (par exemple : {exemples})", variantes)


def _exemple(code: str, nature: str) -> str:
    """La réponse modèle d'une case : la première ligne de l'acteur, avec son explication."""
    ligne = avantages_et_limites(code, nature=nature)[0]
    return f"{ligne.libelle} : {ligne.explication[0].lower()}{ligne.explication[1:]}"


#: Les acteurs du tableau de 2013 (question 5), dans l'ordre du corrigé.
ACTEURS_Q5 = ("direction", "parents", "enseignants", "eleves", "college_secteur")
#: Les acteurs dont on demande une limite (question 5, complément de 2022).
ACTEURS_LIMITES = ("direction", "parents", "enseignants", "eleves")

Q5A = TableauACompleter(
    id="q5a", titre="Question 5 — Un avantage pour chaque acteur", points=2.5,
    enonce=("Complétez le tableau du cours : pour chaque acteur, **un avantage** que lui "
            "procure l'ENT, en quelques mots."),
    colonnes=("Acteur", "Avantage"),
    attendu={acteur(code).nom_court: {"Avantage": _mots_cles(code, "avantage")}
             for code in ACTEURS_Q5},
    modele={acteur(code).nom_court: {"Avantage": _exemple(code, "avantage")}
            for code in ACTEURS_Q5},
    indices=(
        "Pensez à ce que chacun faisait avant sur papier ou par téléphone.",
        "Le collège de secteur : que se passe-t-il pour ses élèves de troisième l'année "
        "suivante ?",
    ),
)

Q5B = TableauACompleter(
    id="q5b", titre="Question 5 — Une limite pour chaque acteur", points=2,
    enonce=("L'ENT a aussi des **limites**. Pour chaque acteur, donnez-en une, en quelques "
            "mots (la page du ministère en cite une : la fracture numérique)."),
    colonnes=("Acteur", "Limite"),
    attendu={acteur(code).nom_court: {"Limite": _mots_cles(code, "limite")}
             for code in ACTEURS_LIMITES},
    modele={acteur(code).nom_court: {"Limite": _exemple(code, "limite")}
            for code in ACTEURS_LIMITES},
    indices=(
        "Toutes les familles ont-elles un ordinateur et une connexion ? Que se passe-t-il "
        "quand le réseau tombe en panne ?",
        "Un enseignant qui reçoit des messages le soir et le week-end : quel droit est en "
        "jeu ?",
    ),
)

Q5C = QCM(
    id="q5c", titre="Question 5 — La fracture numérique", points=1,
    enonce=("La page du ministère demande au chef d'établissement de « réduire les "
            "incidences de la **fracture numérique** ». De quoi s'agit-il ?"),
    choix=("Une panne du réseau qui coupe l'ENT pendant plusieurs jours.",
           "L'inégalité d'accès au numérique : des familles sans ordinateur, sans connexion "
           "ou peu à l'aise avec les outils numériques.",
           "Le piratage d'un compte par un attaquant.",
           "La séparation entre l'ENT et le logiciel de vie scolaire."),
    bonnes="B",
    explications={
        "A": "une panne est une autre limite (la dépendance au réseau) ; la fracture "
             "numérique concerne les personnes.",
        "C": "le piratage est un risque de sécurité (partie 3 du cours), pas la fracture "
             "numérique.",
        "D": "il ne s'agit pas de logiciels mais de personnes qui n'ont pas le même accès au "
             "numérique.",
    },
    indices=("« Fracture » : une séparation entre deux groupes de personnes.",),
)

Q5D = QCM(
    id="q5d", titre="Question 5 — Quand les parents se connectent-ils ?", points=1,
    enonce=("Observez la **carte horaire** des connexions des parents sur l'année simulée. "
            "À quel moment se connectent-ils le plus ?"),
    choix=("Le matin, entre 8 h et 10 h.", "À midi.", "L'après-midi, pendant les cours.",
           "Le soir, entre 19 h et 22 h.", "La nuit, après minuit."),
    bonnes="D",
    explications={
        "A": "le matin, c'est la vie scolaire qui est la plus active (les absences).",
        "C": "pendant les cours, ce sont plutôt les personnels qui travaillent sur l'ENT.",
    },
    indices=("Cherchez la case la plus foncée de la carte horaire des parents.",),
)

Q5E = QCM(
    id="q5e", titre="Question 5 — L'ENT pendant les vacances", points=1,
    enonce=("Sur la courbe de l'année, que devient l'usage de l'ENT pendant les **vacances "
            "scolaires** ?"),
    choix=("Il augmente : les élèves ont plus de temps.",
           "Il ne change pas.",
           "Il s'effondre : presque personne ne se connecte.",
           "Il n'y a plus que les parents qui se connectent."),
    bonnes="C",
    explications={
        "A": "regardez les bandes grisées de la courbe : les connexions chutent.",
        "D": "les parents aussi se connectent beaucoup moins : il n'y a ni notes ni absences "
             "nouvelles.",
    },
    indices=("Les bandes grisées de la courbe de l'année sont les vacances.",),
)

_COMPARAISON = comparaison_coordination()
_ACTIONS_AVANT = {e.action for e in coordination(False)}
_ACTIONS_ENT = {e.action for e in coordination(True)}
# quatre étapes de chaque circuit, mêlées dans un ordre fixe sans motif (jamais rangées par
# catégorie, ni en alternance)
_AVANT = [e.action for e in coordination(False)]
_AVEC = [e.action for e in coordination(True)]
_ETAPES_Q5F = [_AVEC[0], _AVANT[0], _AVANT[1], _AVEC[1], _AVANT[2], _AVEC[2], _AVEC[3],
               _AVANT[3]]

Q5F = Classement(
    id="q5f", titre="Question 5 — Prévenir une famille d'une absence", points=2,
    enonce=("Une élève est absente en première heure. Rangez chaque étape : a-t-elle lieu "
            "**avant l'ENT** (papier et téléphone) ou **avec l'ENT** ?"),
    categories=("Avant l'ENT", "Avec l'ENT"),
    attendu={action: ("Avant l'ENT" if action in _ACTIONS_AVANT else "Avec l'ENT")
             for action in _ETAPES_Q5F
             if (action in _ACTIONS_AVANT) != (action in _ACTIONS_ENT)},
    indices=("Avant l'ENT, l'information circule sur papier et par téléphone ; avec l'ENT, "
             "elle est saisie une fois et tout le monde la voit.",),
)

_ETAPES_ENT = tuple(e.action for e in coordination(True))

Q5G = MiseEnOrdre(
    id="q5g", titre="Question 5 — Avec l'ENT, dans l'ordre", points=1,
    enonce=("Remettez dans l'ordre les étapes du traitement d'une absence **avec l'ENT**."),
    etapes=_ETAPES_ENT,
    # un mélange sans motif (l'ordre inverse, « EDCBA », se devinait sans rien lire)
    presentation=(2, 4, 0, 3, 1),
    indices=("Tout commence en classe, par l'appel.",),
)

FICHE = Fiche(
    id="partie2",
    titre="Partie 2 — L'ENT, le travail et la coordination des acteurs (questions 4 à 6)",
    questions=(Q4A, Q4B, Q4C, Q5A, Q5B, Q5C, Q5D, Q5E, Q5F, Q5G, Q6A, Q6B, Q6C, Q6D, Q6E),
)
