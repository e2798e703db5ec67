"""Fiche de la partie 1 du cours : « Définir l'espace numérique de travail » (questions 1 à 3).

Source : ressource CERTA « L'ENT, les impacts sur l'organisation du travail et les risques
associés » (2013), première partie :

1. « relever et définir chacun des services proposés par cet outil en précisant leurs
   finalités » ;
2. « pour chacun des services, indiquer ceux que vous utilisez et dans quel contexte » ;
3. « pour les fonctionnalités ou services que vous n'utilisez pas, rechercher une
   exploitation possible au sein de la classe » (exemple du corrigé : le forum).

Les réponses attendues sur les services (familles, finalités, nombre de services par profil)
sont tirées du catalogue livré (:meth:`entsim.etablissement.catalogue.Catalogue.charger`), jamais
recopiées : si le catalogue change, la fiche suit. La définition de l'ENT vient du
document 1 (avis de la CNIL du 27 avril 2006 : « un point d'entrée unique et sécurisé » vers
« un bouquet de services numériques », pour « tous les membres de la communauté
éducative ») et du document 2 (SDET : « n'avoir à s'authentifier qu'une seule fois par
session »). Les cinq profils sont ceux d'Open ENT NG (:class:`entsim.etablissement.annuaire.Profil`).
"""

from __future__ import annotations

from entsim.etablissement.annuaire import Profil
from entsim.etablissement.catalogue import FAMILLES, Catalogue
from entsim.socle.erreurs import ErreurENT
from entsim.questions.fiches import Fiche
from entsim.questions.mots_cles import MotsCles
from entsim.questions.types_de_questions import (QCM, Classement, Numerique, QuestionOuverte,
                                                 ReponseCourte)

_CATALOGUE = Catalogue.charger()

#: Services à ranger dans les cinq familles de la page du ministère (question 1).
SERVICES_FAMILLES = ("messagerie", "forum", "espaces_partages", "mediacentre", "notes",
                     "absences", "cahier_de_textes", "casier")

#: Services dont il faut retrouver la finalité (question 1).
SERVICES_FINALITES = ("messagerie", "notes", "cahier_de_textes", "mediacentre", "casier")


def _nom(code: str) -> str:
    return _CATALOGUE.service(code).nom


def _finalites() -> tuple[str, ...]:
    """Les finalités des services choisis, rangées par ordre alphabétique (pas dans l'ordre
    des services : l'élève doit les associer)."""
    return tuple(sorted(_CATALOGUE.service(c).finalite for c in SERVICES_FINALITES))


def _est_un_service(texte: str) -> bool:
    try:
        _CATALOGUE.service(texte)
    except ErreurENT:
        return False
    return True


_PROFILS = tuple(p.value for p in Profil)

Q1A = Classement(
    id="q1a", titre="Question 1 — Les familles de services", points=2,
    enonce=("La page du ministère range les services de base d'un ENT en **cinq familles**. "
            "Rangez chaque service dans sa famille (utilisez le catalogue : "
            "`ent.catalogue.tableau()`, colonne « Famille »)."),
    categories=tuple(FAMILLES.values()),
    attendu={_nom(c): FAMILLES[_CATALOGUE.service(c).famille] for c in SERVICES_FAMILLES},
    indices=(
        "Cherchez chaque service dans la colonne « Service » du catalogue et lisez sa "
        "colonne « Famille ».",
        "Répondez en une ligne : la lettre de la famille de chaque service, dans l'ordre "
        "de la liste, soit 8 lettres entre guillemets.",
    ),
)

Q1B = Classement(
    id="q1b", titre="Question 1 — La finalité de chaque service", points=2,
    enonce=("La **finalité** d'un service, c'est ce à quoi il sert, son objectif. Associez "
            "chaque service à sa finalité (chaque finalité sert une fois)."),
    categories=_finalites(),
    attendu={_nom(c): _CATALOGUE.service(c).finalite for c in SERVICES_FINALITES},
    indices=(
        "Demandez-vous : qui utilise ce service, et pour quoi faire ?",
        "La colonne « Finalité » de `ent.catalogue.tableau()` donne la réponse pour chaque "
        "service.",
    ),
)

Q1C = ReponseCourte(
    id="q1c", titre="Question 1 — Qu'est-ce qu'un ENT ?", points=2,
    enonce=("En une ou deux phrases, définissez un **espace numérique de travail** (ENT) : "
            "à quoi donne-t-il accès, pour qui, et par où entre-t-on ?"),
    groupes=(
        MotsCles("d'un point d'entrée unique (un seul portail)",
                 ("point d entree unique", "point d entree", "portail", "porte d entree",
                  "acces unique", "seul site", "un seul endroit", "une seule adresse",
                  "guichet unique", "une seule connexion", "un seul identifiant",
                  "un seul mot de passe", "une seule fois", "centralis*", "regroup*",
                  "rassembl*", "reunit", "reunir")),
        MotsCles("d'un ensemble de services numériques",
                 ("services", "bouquet", "outils", "applications", "applis",
                  "fonctionnalites", "ressources",
                  # des services cités un par un comptent aussi
                  "notes", "absences", "emploi du temps", "messagerie", "cahier de textes",
                  "devoirs", "casier", "forum")),
        MotsCles("des membres de la communauté éducative (élèves, parents, enseignants, "
                 "personnels)",
                 ("communaute educative", "eleve*", "parent*", "enseignant*", "professeur*",
                  "prof", "profs", "personnel*", "familles", "utilisateurs")),
        MotsCles("d'un accès sécurisé (identifiant et mot de passe)",
                 ("securis*", "identifiant*", "authentif*", "mot de passe", "mots de passe",
                  "protege*", "connexion", "se connecter", "compte*", "session")),
    ),
    exemple=("Un ENT est un portail web qui offre à tous les membres de la communauté "
             "éducative (élèves, parents, enseignants, personnels) un point d'entrée unique "
             "et sécurisé, avec un identifiant et un mot de passe, vers un bouquet de "
             "services numériques."),
    indices=(
        "Relisez le document 1 (avis de la CNIL) : il décrit l'ENT en une phrase.",
        "Quatre idées sont attendues : un seul point d'entrée, des services, pour qui, et la "
        "sécurité de l'accès.",
    ),
)

Q1D = QCM(
    id="q1d", titre="Question 1 — Les profils de l'ENT", points=1,
    enonce=("Un ENT connaît chaque personne par un **profil**. Quels sont les profils de "
            "l'ENT simulé ? (`ent.etablissement.resume()` ou la carte de l'ENT vous aident.)"),
    choix=("Élève", "Parent", "Enseignant", "Éditeur de manuels", "Personnel", "Invité",
           "Rectorat"),
    bonnes=tuple(chr(ord("A") + i) for i, c in enumerate(
        ("Élève", "Parent", "Enseignant", "Éditeur de manuels", "Personnel", "Invité",
         "Rectorat")) if c in _PROFILS),
    explications={
        "D": "les éditeurs n'ont pas de compte dans l'ENT : leurs ressources sont atteintes "
             "par le médiacentre, via le GAR, qui filtre les données personnelles.",
        "G": "le rectorat n'est pas un profil : ses agents n'utilisent pas l'ENT du lycée "
             "avec un profil à part.",
    },
    indices=("Il y a cinq profils.",
             "Un partenaire du collège de secteur a un compte « Invité ».",),
)

Q1E = QCM(
    id="q1e", titre="Question 1 — Une seule connexion", points=1,
    enonce=("Léa se connecte à l'ENT le matin, puis ouvre la messagerie, ses notes et le "
            "cahier de textes sans fermer son navigateur. Combien de fois saisit-elle son mot "
            "de passe ?"),
    choix=("Aucune fois : l'ENT la reconnaît tout seul.",
           "Une seule fois, à la connexion : les services la reconnaissent ensuite.",
           "Trois fois : une fois par service.",
           "Quatre fois : à la connexion puis dans chaque service."),
    bonnes="B",
    explications={
        "A": "il faut bien s'authentifier une fois : personne n'entre dans l'ENT sans "
             "identifiant ni mot de passe.",
        "C": "c'est justement ce que l'ENT évite : le SDET exige de n'avoir à s'authentifier "
             "qu'une seule fois par session.",
        "D": "c'est justement ce que l'ENT évite : le SDET exige de n'avoir à s'authentifier "
             "qu'une seule fois par session.",
    },
    indices=("Relisez la fin de la définition de l'ENT : « un point d'entrée unique ».",),
)

_NB_PARENT = len(_CATALOGUE.pour_profil(Profil.PARENT))
_NB_ELEVE = len(_CATALOGUE.pour_profil(Profil.ELEVE))

Q1F = Numerique(
    id="q1f", titre="Question 1 — Modifier une ligne : les services d'un parent", points=1,
    enonce=("Dans la cellule d'exploration ci-dessus, remplacez `\"Élève\"` par "
            "`\"Parent\"` et exécutez-la. **Combien de services un parent utilise-t-il ?**"),
    valeur=_NB_PARENT, unite="services", unite_dans_consigne=False,
    explication=(f"Un élève en utilise {_NB_ELEVE} : avez-vous bien changé le profil et "
                 "réexécuté la cellule ?"),
    pieges={_NB_PARENT - 1: ("Il en manque un : comptez toutes les lignes du tableau. Elles "
                             "sont numérotées à partir de 1 : le numéro de la dernière ligne "
                             "est le nombre de services.")},
    indices=("Le tableau a une ligne par service ; les lignes sont numérotées à partir de 1, "
             "dans la colonne « N° ».",
             "La ligne `len(ent.catalogue.pour_profil(\"Parent\"))` compte les services pour "
             "vous."),
)

Q2 = QuestionOuverte(
    id="q2", titre="Question 2 — Les services que vous utilisez", points=3,
    enonce=("Pour chaque service de l'ENT que **vous** utilisez, indiquez dans quel "
            "**contexte** (quand, pour quoi faire, avec qui). Écrivez un petit tableau : "
            "`{\"Service\" : \"contexte\", …}` ; au moins trois services."),
    forme="tableau",
    cle_valide=_est_un_service,
    cles_attendues="le nom d'un service du catalogue, par exemple « Messagerie »",
    exemple={
        "Cahier de textes": "Le soir, pour vérifier le travail à faire pour le lendemain.",
        "Notes et résultats des évaluations": "Après un contrôle, pour voir ma note et "
                                              "l'appréciation du professeur.",
        "Messagerie": "Pour demander une précision sur un devoir à mon professeur de SIG.",
        "Emploi du temps": "Le matin, pour voir si un cours est annulé ou déplacé.",
    },
    reperes=(
        MotsCles("d'un moment précis (quand)", ("matin", "soir", "week end", "avant",
                                               "apres", "pendant", "chaque", "quand",
                                               "lorsque", "semaine", "vacances")),
        MotsCles("d'un but (pour quoi faire)", ("pour", "afin")),
        MotsCles("d'autres acteurs (avec qui)", ("professeur*", "enseignant*", "parent*",
                                                "classe", "groupe", "camarade*",
                                                "vie scolaire", "cpe")),
    ),
    mots_min=12,
    indices=("Pensez à votre semaine : le soir, le matin, après un contrôle, pendant un "
             "projet…",
             "Recopiez le nom du service tel qu'il est écrit dans le catalogue."),
)

Q3 = QuestionOuverte(
    id="q3", titre="Question 3 — Un service à exploiter", points=3,
    enonce=("Choisissez un service que la classe **n'utilise pas** (par exemple le forum, le "
            "wiki, le pad collaboratif ou les sondages) et proposez une situation précise où "
            "il serait utile à la classe : qui l'utilise, pour quoi faire, et ce qu'il "
            "apporte."),
    exemple=("Le forum n'est pas utilisé par la classe. Pendant les révisions du bac, le "
             "professeur de SIG pourrait ouvrir un forum « Révisions » : chaque élève y pose "
             "ses questions sur le cours, les autres élèves y répondent et le professeur "
             "corrige si besoin. Les échanges restent écrits et consultables par toute la "
             "classe, même le soir, ce qui développe l'entraide."),
    reperes=(
        MotsCles("d'un service nommé", ("forum", "wiki", "pad", "mur", "sondage*", "blog",
                                        "pages", "agenda", "visioconference", "classe virtuelle",
                                        "espace* partage*", "espace documentaire",
                                        "exercices")),
        MotsCles("d'une situation de classe précise",
                 ("revision*", "bac", "projet*", "expose*", "devoir*", "sortie", "stage",
                  "debat*", "cours", "controle*", "tp")),
        MotsCles("des acteurs qui l'utilisent", ("eleve*", "professeur*", "enseignant*",
                                                 "classe", "groupe*", "parent*")),
        MotsCles("de ce que le service apporte",
                 ("entraide", "echang*", "collabor*", "partag*", "questions", "aide*",
                  "a distance", "differe*", "garder une trace", "tout le monde", "ensemble")),
    ),
    mots_min=25,
    indices=("Regardez la finalité du service dans le catalogue : qu'est-ce qu'il permet ?",
             "Une bonne proposition dit qui, quoi, quand, et ce que cela change pour la "
             "classe."),
)

FICHE = Fiche(
    id="partie1",
    titre="Partie 1 — Définir l'espace numérique de travail (questions 1 à 3)",
    questions=(Q1A, Q1B, Q1C, Q1D, Q1E, Q1F, Q2, Q3),
)
