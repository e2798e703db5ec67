"""Fiche de la partie 2, question 6 : l'enquête auprès des acteurs (questionnaire, analyse).

Séparé de :mod:`entsim_corrige.banque.partie2` pour la taille ; le nom commence par « _ » :
ce n'est pas une fiche à part (:func:`entsim.questions.registre.fiches_disponibles` l'ignore).
Les réponses attendues des questions 6C et 6D sont calculées sur le jeu de réponses livré
(``data/enquete_ent.csv``, :func:`entsim.enquete.charger_exemple`) : si le jeu change, la
fiche suit.
"""

from __future__ import annotations

from entsim.enquete import THEMES, analyser, charger_exemple
from entsim.questions.mots_cles import MotsCles
from entsim.questions.types_de_questions import QCM, Numerique, QuestionOuverte

_ANALYSE = analyser(charger_exemple())
_EFFECTIFS = dict(zip(_ANALYSE.effectifs["Acteur"], _ANALYSE.effectifs["Réponses"]))
_LIMITES = tuple(t.libelle for t in THEMES if t.nature == "limite")
_LIMITE_ENSEIGNANTS = _ANALYSE.plus_cites("limite", "enseignant")[0][0]

Q6A = QuestionOuverte(
    id="q6a", titre="Question 6 — Le questionnaire de votre groupe", points=3,
    enonce=("Votre groupe interroge **un acteur** de l'ENT (un parent, un enseignant, la vie "
            "scolaire…). Rédigez votre questionnaire : au moins **six questions** qui couvrent "
            "les trois questions du cours — les **fonctionnalités** utilisées ; les "
            "**évolutions** de son travail, de la coordination et des échanges avec les "
            "autres acteurs ; les **avantages et les limites** de l'ENT. Commencez par "
            "l'acteur interrogé."),
    exemple=("Acteur interrogé : un professeur principal.\n"
             "1. Quelles fonctionnalités de l'ENT utilisez-vous chaque semaine ?\n"
             "2. À quels moments vous connectez-vous (en classe, le soir, le week-end) ?\n"
             "3. Qu'est-ce que l'ENT a changé dans la préparation des conseils de classe ?\n"
             "4. Comment échangez-vous avec les familles et avec vos collègues, et qu'est-ce "
             "qui a évolué depuis l'ENT ?\n"
             "5. Quels sont pour vous les principaux avantages de l'ENT ?\n"
             "6. Quelles limites ou difficultés rencontrez-vous (messages, charge de travail, "
             "familles sans accès) ?\n"
             "7. Que proposeriez-vous pour améliorer l'usage de l'ENT ?"),
    reperes=(
        MotsCles("de l'acteur interrogé", ("acteur", "parent*", "enseignant*", "professeur*",
                                           "eleve*", "cpe", "vie scolaire", "direction",
                                           "proviseur", "secretariat", "gestion*",
                                           "documentaliste", "college")),
        MotsCles("des fonctionnalités utilisées", ("fonctionnalit*", "service*", "utilis*",
                                                   "outil*", "messagerie", "cahier de textes",
                                                   "notes")),
        MotsCles("des évolutions du travail et de la coordination",
                 ("change*", "evolu*", "avant", "depuis", "coordin*", "organis*",
                  "echang*", "communiqu*", "travail")),
        MotsCles("des avantages et des limites", ("avantage*", "limite*", "inconvenient*",
                                                  "difficult*", "probleme*", "apport*")),
    ),
    mots_min=40,
    indices=("Une question par idée ; des questions ouvertes (« Comment… ? », « Qu'est-ce "
             "qui… ? ») font parler davantage que des questions fermées (oui / non).",
             "Le formulaire du notebook de la partie 2 (la trousse d'entretien) vous donne "
             "un modèle pour chaque acteur."),
)

_CHOIX_Q6B = ("Le rôle de la personne (parent, enseignant, CPE…)",
              "Son nom et son prénom",
              "Les services de l'ENT qu'elle utilise",
              "Son état de santé",
              "Son accord pour que ses réponses soient utilisées en classe",
              "Son adresse et son numéro de téléphone")

Q6B = QCM(
    id="q6b", titre="Question 6 — Ce qu'on ne demande pas", points=1,
    enonce=("Votre questionnaire recueille des réponses de personnes réelles. Le RGPD "
            "demande de ne collecter que les données **nécessaires** au but poursuivi "
            "(principe de minimisation, article 5). Quelles informations **ne faut-il pas** "
            "demander pour cette enquête ?"),
    choix=_CHOIX_Q6B,
    bonnes=("B", "D", "F"),
    multiple=True,
    explications={
        "A": "le rôle est nécessaire : on compare les réponses des parents, des enseignants…",
        "C": "c'est l'objet même de l'enquête (la première question du cours).",
        "E": "l'accord est indispensable avant d'utiliser les réponses devant la classe.",
    },
    indices=("Pour chaque information, demandez-vous : en ai-je besoin pour répondre aux "
             "trois questions du cours ?",),
)

Q6C = Numerique(
    id="q6c", titre="Question 6 — Combien de parents ?", points=1,
    enonce=("Analysez le jeu de réponses livré avec le cours (la cellule d'analyse du "
            "notebook de la partie 2). **Combien de parents** ont répondu ?"),
    valeur=int(_EFFECTIFS["Parent"]), unite="réponses", unite_dans_consigne=False,
    explication="Lisez la ligne « Parent » du tableau des effectifs.",
    indices=("Le tableau des effectifs a une ligne par acteur, colonne « Réponses ».",),
)

Q6D = QCM(
    id="q6d", titre="Question 6 — La limite la plus citée par les enseignants", points=1,
    enonce=("D'après l'analyse du jeu de réponses livré, quelle **limite** de l'ENT les "
            "**enseignants** citent-ils le plus souvent ?"),
    choix=_LIMITES,
    bonnes=chr(ord("A") + _LIMITES.index(_LIMITE_ENSEIGNANTS)),
    indices=("Le tableau des limites par acteur est rangé du thème le plus cité au moins "
             "cité ; le graphique des avantages et des limites des enseignants le montre "
             "aussi.",),
)

Q6E = QuestionOuverte(
    id="q6e", titre="Question 6 — La synthèse de votre enquête", points=3,
    enonce=("Préparez la conclusion de votre présentation orale. Pour l'acteur de votre "
            "groupe, donnez **deux avantages** et **deux limites** de l'ENT, chacun appuyé "
            "sur un **chiffre** de votre analyse (ou de l'analyse du jeu livré), puis "
            "**une proposition** pour réduire l'une des limites."),
    exemple=("Enseignants (58 réponses). Avantages : la communication est plus rapide avec "
             "les familles et les collègues ; le cahier de textes en ligne fait gagner du "
             "temps. Limites : 33 enseignants sur 58 disent travailler le soir et le "
             "week-end (droit à la déconnexion) ; 14 trouvent l'outil complexe et manquent "
             "de formation. Proposition : une charte de l'établissement qui fixe des "
             "horaires d'envoi des messages, et une formation par le référent numérique."),
    reperes=(
        MotsCles("de deux avantages", ("avantage*", "plus rapide", "suivi", "papier",
                                       "gain de temps", "communication")),
        MotsCles("de deux limites", ("limite*", "inconvenient*", "soir", "deconnexion",
                                     "fracture", "surcharge", "panne*")),
        MotsCles("de chiffres tirés de l'analyse", ("sur", "%", "pour cent", "reponses",
                                                    "majorite", "moitie")),
        MotsCles("d'une proposition", ("propos*", "charte", "formation", "former",
                                       "ameliorer", "il faudrait", "solution*")),
    ),
    mots_min=40,
    indices=("Reprenez les deux premiers thèmes du tableau des avantages et des limites de "
             "votre acteur, avec leur nombre de réponses.",),
)
