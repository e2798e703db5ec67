"""Fiche de la partie 3a du cours : les données personnelles, la CNIL et le RGPD (questions 7
à 12).

Source : ressource CERTA (2013), troisième partie, questions 7 à 12 (rôle de la CNIL ; donnée
à caractère personnel et responsable du traitement ; droits de la loi « Informatique et
Libertés » ; principes de protection ; pourquoi l'ENT doit respecter la loi ; ce que doit
faire le chef d'établissement). Le corrigé de 2013 parle de **déclaration** à la CNIL et
d'**engagement de conformité** : ces formalités ont disparu le 25 mai 2018, quand le
règlement général sur la protection des données (RGPD, règlement (UE) 2016/679) et la loi
Informatique et Libertés modifiée se sont appliqués. La fiche enseigne les deux : ce que
disait le cours, puis ce qui s'applique aujourd'hui.

Textes cités (vérifiés) : RGPD art. 4.1 (donnée à caractère personnel), 4.7 (responsable du
traitement), 4.8 et 28 (sous-traitant), 5 (principes), 6.1.e (mission d'intérêt public), 9
(catégories particulières), 10 (infractions), 12.3 (délai d'un mois, prolongeable de deux
mois), 13 (information), 15 à 18 et 21 (droits), 30 (registre), 33 (notification d'une
violation en 72 heures), 35 (analyse d'impact), 37.1.a (délégué à la protection des données
obligatoire pour une autorité ou un organisme public) ; CNIL, « Les missions de la CNIL »
(informer et protéger, accompagner et conseiller, contrôler et sanctionner, anticiper).
"""

from __future__ import annotations

from entsim_corrige.banque._partie3_donnees_rgpd import (Q8B, Q9E, Q10C)
from entsim.questions.fiches import Fiche
from entsim.questions.mots_cles import MotsCles
from entsim.questions.types_de_questions import (QCM, Classement, Numerique, ReponseCourte)

Q7A = ReponseCourte(
    id="q7a", titre="Question 7 — Qu'est-ce que la CNIL ?", points=2,
    enonce=("En une ou deux phrases, dites ce qu'est la **CNIL** (Commission nationale de "
            "l'informatique et des libertés) et à quoi elle veille."),
    groupes=(
        MotsCles("d'une autorité indépendante (une autorité administrative indépendante)",
                 ("independant*", "autorite", "organisme public", "institution")),
        MotsCles("de la protection des données personnelles et de la vie privée",
                 ("donnees personnelles", "donnees a caractere personnel", "vie privee",
                  "libertes", "donnees", "informatique et libertes", "rgpd")),
        MotsCles("du contrôle du respect de la loi (elle contrôle et peut sanctionner)",
                 ("control*", "sanction*", "veille", "veiller", "respect*", "surveill*",
                  "verifi*", "fait respecter", "faire respecter")),
    ),
    exemple=("La CNIL est une autorité administrative indépendante qui veille à la protection "
             "des données personnelles et de la vie privée : elle informe les personnes de "
             "leurs droits, conseille les organismes, contrôle le respect de la loi "
             "Informatique et Libertés et du RGPD, et peut sanctionner."),
    indices=("Le corrigé de 2013 : « une institution indépendante chargée de veiller au "
             "respect […] de la vie privée et des libertés ».",
             "Trois idées : qui elle est (indépendante), ce qu'elle protège, ce qu'elle fait "
             "(contrôler, sanctionner)."),
)

_MISSIONS = ("Informer les personnes de leurs droits et traiter leurs plaintes",
             "Accompagner et conseiller les organismes (recommandations, guides)",
             "Contrôler les organismes qui traitent des données et les sanctionner",
             "Anticiper les évolutions des technologies (innovation, éthique)",
             "Délivrer à chaque lycée une autorisation avant d'ouvrir son ENT",
             "Voter les lois sur l'informatique",
             "Héberger les données des ENT sur ses serveurs")

Q7B = QCM(
    id="q7b", titre="Question 7 — Les missions de la CNIL aujourd'hui", points=2,
    enonce=("Parmi ces actions, lesquelles sont des **missions de la CNIL** aujourd'hui ?"),
    choix=_MISSIONS, bonnes=("A", "B", "C", "D"), multiple=True,
    explications={
        "E": "depuis le RGPD (25 mai 2018), il n'y a plus ni déclaration ni autorisation "
             "préalable pour un ENT : le responsable du traitement tient un registre et doit "
             "pouvoir démontrer qu'il respecte le règlement.",
        "F": "les lois sont votées par le Parlement ; la CNIL donne des avis sur les projets "
             "de textes.",
        "G": "la CNIL n'héberge pas les données : c'est le prestataire de l'ENT (un "
             "sous-traitant) qui les héberge pour le compte du chef d'établissement.",
    },
    indices=("La CNIL présente quatre missions : informer et protéger, accompagner et "
             "conseiller, contrôler et sanctionner, anticiper.",),
)

Q8A = ReponseCourte(
    id="q8a", titre="Question 8 — Une donnée à caractère personnel", points=2,
    enonce=("Définissez une **donnée à caractère personnel** (on dit aussi « donnée "
            "personnelle »)."),
    groupes=(
        MotsCles("d'une information sur une personne physique",
                 ("information*", "donnee*", "renseignement*")),
        MotsCles("d'une personne identifiée ou identifiable",
                 ("identifi*", "reconna*", "retrouver qui")),
        MotsCles("d'une identification directe ou indirecte",
                 ("directement", "indirectement", "direct*", "indirect*", "nom",
                  "numero", "recoup*", "croisement", "combin*")),
    ),
    exemple=("C'est toute information se rapportant à une "
             "personne physique identifiée ou identifiable, directement (son nom) ou "
             "indirectement (un identifiant, un numéro, ou plusieurs informations croisées)."),
    indices=("Le RGPD, article 4 : « toute information se rapportant à une personne physique "
             "identifiée ou identifiable ».",),
)

_ROLES = ("Responsable du traitement", "Sous-traitant", "Délégué à la protection des données",
          "Personne concernée")

Q8C = Classement(
    id="q8c", titre="Question 8 — Qui est responsable ?", points=2,
    enonce=("Le RGPD distingue plusieurs **rôles**. Associez chaque acteur de l'ENT du lycée "
            "à son rôle."),
    categories=_ROLES,
    attendu={      # éléments dans un autre ordre que les catégories
        "Une élève dont les notes sont dans l'ENT": "Personne concernée",
        "Le chef d'établissement (le proviseur)": "Responsable du traitement",
        "Le délégué à la protection des données (DPD) de l'académie":
            "Délégué à la protection des données",
        "L'entreprise qui développe et héberge l'ENT": "Sous-traitant",
    },
    indices=("Le corrigé de 2013 : « le chef d'établissement est le seul responsable du "
             "traitement ».",
             "Le sous-traitant traite les données « pour le compte » du responsable, avec un "
             "contrat (RGPD, article 28)."),
)

_DROITS = ("Droit d'accès (article 15)", "Droit de rectification (article 16)",
           "Droit à l'effacement (article 17)", "Droit à la limitation (article 18)",
           "Droit d'opposition (article 21)")

Q9A = Classement(
    id="q9a", titre="Question 9 — Quel droit exercer ?", points=2.5,
    enonce=("Pour chaque situation, quel **droit** la personne exerce-t-elle ?"),
    categories=_DROITS,
    attendu={      # éléments dans un autre ordre que les catégories
        "Un ancien élève demande que les photos qu'il a publiées sur le blog du lycée soient "
        "supprimées.": "Droit à l'effacement (article 17)",
        "Une élève ne veut plus que son nom apparaisse dans l'annuaire du forum ouvert aux "
        "autres établissements.": "Droit d'opposition (article 21)",
        "Mme Martin veut savoir quelles données l'ENT conserve sur sa fille mineure, et en "
        "recevoir une copie.": "Droit d'accès (article 15)",
        "Un parent conteste l'exactitude d'une absence ; il demande qu'on ne l'utilise plus "
        "le temps de la vérifier.": "Droit à la limitation (article 18)",
        "L'adresse de la famille Haddad est fausse dans l'annuaire de l'ENT.":
            "Droit de rectification (article 16)",
    },
    indices=("Accès : savoir et obtenir une copie ; rectification : corriger ; effacement : "
             "supprimer ; limitation : geler le temps d'une vérification ; opposition : "
             "refuser un usage.",),
)

Q9B = Numerique(
    id="q9b", titre="Question 9 — Le délai de réponse", points=1,
    enonce=("Mme Martin envoie sa demande d'accès au lycée. En principe, dans quel délai, "
            "**en mois**, le responsable du traitement doit-il lui répondre ?"),
    valeur=1, unite="mois", unite_dans_consigne=False,
    explication="RGPD, article 12.3 : « dans les meilleurs délais et en tout état de cause "
                "dans un délai d'un mois », prolongeable de deux mois si la demande est "
                "complexe (la personne en est informée dans le premier mois).",
    pieges={3: "Trois mois, c'est le délai maximal une fois la prolongation de deux mois "
               "ajoutée, pas le délai normal."},
    indices=("RGPD, article 12, paragraphe 3.",),
)

Q9C = QCM(
    id="q9c", titre="Question 9 — Un élève majeur", points=1,
    enonce=("Lucas a **18 ans** et il est en terminale. Qui exerce ses droits (accès, "
            "rectification…) sur les données de l'ENT qui le concernent ?"),
    choix=("Ses parents, tant qu'il est au lycée.",
           "Lucas lui-même : il est majeur.",
           "Le professeur principal.",
           "Personne : un élève n'a pas de droits sur ses données scolaires."),
    bonnes="B",
    explications={
        "A": "à 18 ans, Lucas est majeur (Code civil, article 414) : il exerce lui-même ses "
             "droits ; il peut même s'opposer à ce que ses parents consultent ses données.",
        "D": "toute personne concernée a des droits sur ses données, élève compris.",
    },
    indices=("Pour un élève mineur, ce sont ses responsables légaux qui exercent ses droits. "
             "Et à 18 ans ?",),
)

_DONNEES_Q9D = ("Le nom et le prénom de l'élève",
                "Une information sur la santé de l'élève",
                "La religion de la famille",
                "La note de l'élève en SIG",
                "Les opinions politiques d'un enseignant",
                "L'adresse électronique d'un parent")

Q9D = QCM(
    id="q9d", titre="Question 9 — Les données sensibles", points=1.5,
    enonce=("Le RGPD (article 9) interdit en principe de traiter certaines **catégories "
            "particulières** de données, dites « sensibles ». Lesquelles, parmi celles-ci ?"),
    choix=_DONNEES_Q9D, bonnes=("B", "C", "E"), multiple=True,
    explications={
        "A": "le nom est une donnée personnelle, pas une donnée sensible.",
        "D": "une note est une donnée personnelle de la scolarité, nécessaire à la mission du "
             "lycée ; elle n'est pas une donnée sensible au sens de l'article 9.",
        "F": "une adresse électronique est une donnée personnelle ordinaire.",
    },
    indices=("Article 9 : origine raciale ou ethnique, opinions politiques, convictions "
             "religieuses ou philosophiques, appartenance syndicale, données génétiques, "
             "biométriques, de santé, vie sexuelle ou orientation sexuelle.",),
)

_PRINCIPES = ("Limitation des finalités", "Minimisation des données",
              "Limitation de la conservation", "Intégrité et confidentialité (sécurité)",
              "Exactitude")

Q10A = Classement(
    id="q10a", titre="Question 10 — Les principes de protection", points=2.5,
    enonce=("L'article 5 du RGPD pose les **principes** de tout traitement de données "
            "personnelles. Associez chaque exemple tiré de l'ENT au principe qu'il applique."),
    categories=_PRINCIPES,
    attendu={      # éléments dans un autre ordre que les catégories
        "Le compte d'un élève parti est supprimé dans les trois mois.":
            "Limitation de la conservation",
        "Chaque rentrée, les familles vérifient et corrigent leurs coordonnées.": "Exactitude",
        "Les notes servent au suivi de la scolarité, pas à un classement publié des élèves.":
            "Limitation des finalités",
        "Les mots de passe sont conservés sous forme d'empreinte Argon2 et l'ENT est en "
        "HTTPS.": "Intégrité et confidentialité (sécurité)",
        "Le formulaire d'inscription à l'ENT ne demande pas la profession des parents.":
            "Minimisation des données",
    },
    indices=("Finalité : pour quoi faire ? Minimisation : seulement ce qui est nécessaire. "
             "Conservation : combien de temps ?",),
)

Q10B = Numerique(
    id="q10b", titre="Question 10 — Supprimer le compte d'un élève parti", points=1,
    enonce=("Un élève quitte le lycée. D'après l'arrêté qui encadre les ENT, dans quel délai "
            "maximal, **en mois**, son compte doit-il être supprimé ? (Le registre des "
            "traitements et la colonne « Conservation » du catalogue vous aident.)"),
    valeur=3, unite="mois", unite_dans_consigne=False,
    explication="Arrêté du 30 novembre 2006 modifié (ENT), article 6 : les données sont "
                "supprimées dans un délai de trois mois dès que la personne n'a plus "
                "vocation à détenir un compte.",
    indices=("Cherchez « trois mois » dans la colonne « Conservation » du catalogue.",),
)

Q11 = ReponseCourte(
    id="q11", titre="Question 11 — Pourquoi l'ENT doit respecter la loi", points=2,
    enonce=("Expliquez pourquoi la mise en place d'un ENT doit respecter la loi Informatique "
            "et Libertés et le RGPD."),
    groupes=(
        MotsCles("des données personnelles traitées par l'ENT",
                 ("donnees personnelles", "donnees a caractere personnel", "donnees",
                  "informations personnelles")),
        MotsCles("d'exemples de services qui les utilisent (notes, absences, messagerie…)",
                 ("note*", "absence*", "messag*", "dossier*", "blog*", "forum*",
                  "cahier de textes", "photo*")),
        MotsCles("des droits des personnes à protéger (des mineurs, souvent)",
                 ("droit*", "mineur*", "enfant*", "eleve*", "vie privee", "proteg*",
                  "protection")),
    ),
    exemple=("L'ENT traite des données personnelles : les notes, les absences, les messages, "
             "le dossier des élèves, et ce que les utilisateurs publient sur les blogs et les "
             "forums. Ces données concernent souvent des mineurs ; la loi oblige donc le "
             "lycée à protéger leur vie privée et à respecter leurs droits."),
    indices=("Le corrigé de 2013 : « certains outils (notes, messagerie, suivi des absences, "
             "dossier élève…) nécessitent l'utilisation de données à caractère personnel ».",),
)

_OBLIGATIONS = (
    "Tenir le registre des activités de traitement (article 30)",
    "Désigner un délégué à la protection des données (pour un lycée public, celui de "
    "l'académie)",
    "Informer les utilisateurs : la notice de la page d'accueil (article 13)",
    "Envoyer à la CNIL une déclaration de l'ENT et un engagement de conformité",
    "Notifier à la CNIL une violation de données dans les 72 heures (article 33)",
    "Obtenir l'autorisation de la CNIL avant d'ouvrir l'ENT",
    "Encadrer l'éditeur de l'ENT par un contrat de sous-traitance (article 28)",
)

Q12A = QCM(
    id="q12a", titre="Question 12 — Ce que le chef d'établissement doit faire aujourd'hui",
    points=2.5,
    enonce=("En 2013, le corrigé disait : le chef d'établissement « devra faire parvenir à la "
            "CNIL une déclaration […] : un engagement de conformité ». Le RGPD a changé "
            "cela. Que doit-il faire **aujourd'hui** ?"),
    choix=_OBLIGATIONS, bonnes=("A", "B", "C", "E", "G"), multiple=True,
    explications={
        "D": "la déclaration et l'engagement de conformité ont disparu le 25 mai 2018 : le "
             "registre (article 30) les remplace, et le responsable doit pouvoir démontrer "
             "qu'il respecte le règlement.",
        "F": "il n'y a plus d'autorisation préalable de la CNIL pour un ENT.",
    },
    indices=("Tout ce qui est « préalable » (déclarer, demander une autorisation) a disparu "
             "en 2018 ; le responsable est désormais lui-même comptable de sa conformité.",),
)

FICHE = Fiche(
    id="partie3_donnees_personnelles",
    titre="Partie 3a — Les données personnelles, la CNIL et le RGPD (questions 7 à 12)",
    questions=(Q7A, Q7B, Q8A, Q8B, Q8C, Q9A, Q9B, Q9C, Q9D, Q9E, Q10A, Q10B, Q10C, Q11,
               Q12A),
)
