"""Fiche de la partie 3 du cours, authentification et SSO (questions 13 à 16).

Sources :

- ressource CERTA (2013), questions 13 (« authentification, autorisation, SSO »),
  14 (« un service de propagation de l'identité »), 15 (schéma du processus de connexion)
  et 16 (preuves d'authentification : mot de passe, mot de passe à usage unique,
  certificat, clé privée, signature numérique, SSL/TLS), avec les réponses du corrigé ;
- document 2 (SDET, recommandations AAS) : la cinématique d'accès en 8 étapes
  (:data:`entsim.sso.parcours.TITRES_SDET`), « un authentifiant généralement connu ou possédé
  uniquement par la personne », mots de passe « stockés de manière chiffrée et
  irréversible » ;
- protocole CAS 3.0 (Apereo) : cookie TGC, ticket de service ``ST-`` valable une seule fois
  et peu de temps (10 s par défaut chez Apereo : :data:`entsim.sso.serveur.DUREE_TICKET_PAR_DEFAUT`),
  code d'échec ``INVALID_TICKET`` (section 2.5.3) ;
- CNIL, délibération n° 2022-100 : 80 bits pour un mot de passe seul, 50 bits avec
  restriction d'accès, 13 bits pour le code de déverrouillage d'un matériel détenu
  (:class:`entsim.authentification.mots_de_passe.cnil.Cas`) ; stockage par une fonction lente et salée (scrypt,
  Argon2), MD5 n'étant pas acceptable.

:func:`entsim.banque.partie3_authentification.essayer_ticket` (``essayer_ticket(ent,
attente)``, dans le cours des élèves) rejoue en une ligne l'émission et la validation d'un
ticket de service pour la question 16.
"""

from __future__ import annotations

from entsim.authentification.mots_de_passe.cnil import Cas
from entsim.sso.parcours import TITRES_SDET
from entsim.diagrammes.sso.a_completer import ETIQUETTES, LETTRES, noms_des_fleches
from entsim.questions.fiches import Fiche
from entsim.questions.mots_cles import MotsCles
from entsim.questions.types_de_questions import (QCM, Classement, CodeAModifier, MiseEnOrdre,
                                                 Numerique, ReponseCourte, TableauACompleter)
from entsim.sso.serveur import DUREE_TICKET_PAR_DEFAUT

Q13A = ReponseCourte(
    id="q13a", titre="Question 13 — L'authentification", points=2,
    enonce="Donnez une définition de l'**authentification**.",
    groupes=(
        MotsCles("de vérifier (contrôler, prouver)",
                 ("verifi*", "control*", "prouv*", "preuve*", "confirm*", "s assurer",
                  "certifi*", "reconnai*", "reconnu*", "valid*")),
        MotsCles("de l'identité de la personne (elle est bien qui elle dit être)",
                 ("identite", "identites", "qui il est", "qui elle est", "qui on est",
                  "qui l on est", "qui nous sommes", "qui vous etes", "qui je suis",
                  "qui il pretend", "qui elle pretend", "qui il dit", "qui elle dit",
                  "celle qu elle", "celui qu il", "est bien", "est bien la personne",
                  "l utilisateur est bien", "la bonne personne")),
        # Idée facultative : une définition juste sans elle a tous les points ; elle en
        # rapporte une partie si elle est seule.
        MotsCles("d'un accès aux ressources qui n'est donné qu'ensuite",
                 ("acces", "acceder", "entrer", "ressource*", "service*", "donnees",
                  "se connecter", "connexion", "ouvrir une session"),
                 poids=0.5, facultative=True),
    ),
    exemple=("L'authentification est l'opération qui consiste à vérifier l'identité d'une "
             "personne (ou d'un ordinateur) avant de lui donner accès à des ressources."),
    indices=(
        "Authentifier, c'est répondre à la question « êtes-vous bien qui vous dites être ? ».",
        "Deux idées suffisent : vérifier, l'identité ; vous pouvez ajouter « avant de "
        "donner accès ».",
    ),
)

Q13B = ReponseCourte(
    id="q13b", titre="Question 13 — L'autorisation", points=2,
    enonce="Donnez une définition de l'**autorisation** (on dit aussi habilitation).",
    groupes=(
        MotsCles("de droits accordés (permissions, habilitations)",
                 ("droit*", "habilit*", "permission*", "privilege*", "permet*", "autoris*",
                  "a le droit", "peut faire", "accord*", "peut", "peuvent", "pouvoir")),
        MotsCles("d'actions sur des ressources (lire, écrire… une ressource, un service)",
                 ("action*", "ressource*", "lire", "ecrire", "modifier", "supprimer",
                  "service*", "donnees", "acces", "acceder", "lecture", "ecriture", "faire",
                  "voir", "consulter", "utiliser")),
        MotsCles("de droits qui dépendent de l'utilisateur (son profil, son rôle, son "
                 "identité)",
                 ("profil*", "role*", "fonction*", "besoin*", "identite", "utilisateur*",
                  "authentifi*", "chaque personne", "selon qui", "eleve", "parent")),
    ),
    exemple=("L'autorisation (ou habilitation) consiste à donner à chaque utilisateur des "
             "droits : quelles actions (lire, écrire, modifier) il peut faire sur quelles "
             "ressources, selon son profil et les besoins de son activité ; elle s'appuie "
             "sur son identité authentifiée."),
    indices=(
        "Une fois que l'ENT sait qui vous êtes, que vous permet-il de faire ?",
        "Pensez au parent qui voit les notes de son enfant mais pas celles des autres : "
        "des droits, sur des ressources, selon le profil.",
    ),
)

Q13C = ReponseCourte(
    id="q13c", titre="Question 13 — Le SSO", points=2,
    enonce="Donnez une définition du **SSO** (*Single Sign-On*, authentification unique).",
    groupes=(
        MotsCles("d'une seule authentification",
                 ("une seule fois", "qu une fois", "qu une seule fois", "une fois",
                  "seule authentification", "authentification unique", "une seule connexion",
                  "connexion unique", "un seul mot de passe", "un seul identifiant",
                  "unique", "single")),
        MotsCles("d'un accès à plusieurs services",
                 ("plusieurs services", "tous les services", "differents services",
                  "autres services", "ensemble des services", "plusieurs applications",
                  "toutes les applications", "differentes applications", "ressources",
                  "services", "applications", "applis", "sites", "tous les sites", "a tout",
                  "tout l ent", "partout")),
        # Idée facultative : « une seule fois » la contient déjà.
        MotsCles("de ne pas ressaisir son mot de passe (l'authentification est propagée)",
                 ("sans ressaisir", "sans retaper", "sans saisir", "sans redonner",
                  "sans se reconnecter", "sans avoir a", "pas besoin", "ne pas ressaisir",
                  "pas a se reconnecter", "pas a ressaisir", "pas a retaper",
                  "eviter*", "propag*", "transmi*", "automatique*", "de nouveau",
                  "a nouveau", "sans s authentifier"),
                 poids=0.5, facultative=True),
    ),
    exemple=("Le SSO est un système qui centralise l'authentification : l'utilisateur "
             "s'authentifie une seule fois et accède ensuite à tous les services auxquels il "
             "a droit, sans ressaisir son mot de passe, car l'information d'authentification "
             "est propagée aux différents services."),
    indices=(
        "Single Sign-On : « une seule ouverture de session ».",
        "Dans l'ENT simulé, Léa ouvre ses notes puis le cahier de textes : combien de fois "
        "tape-t-elle son mot de passe ?",
    ),
)

Q14 = ReponseCourte(
    id="q14", titre="Question 14 — La propagation de l'identité", points=2,
    enonce="Définissez l'expression « **un service de propagation de l'identité** ».",
    groupes=(
        MotsCles("de transmettre (propager)",
                 ("transmet*", "transmis*", "transmission", "propag*", "envo*",
                  "communiqu*", "pass*", "partag*", "fourni*", "donne*")),
        MotsCles("des informations d'identité (identifiant, attributs, preuve "
                 "d'authentification)",
                 ("identite", "identifiant*", "attribut*", "informations", "preuve*",
                  "ticket*", "qui est connecte", "la personne connectee", "nom", "prenom",
                  "classe", "profil")),
        MotsCles("aux services applicatifs",
                 ("service*", "application*", "applicatif*")),
        MotsCles("sans que l'utilisateur ressaisisse ses identifiants",
                 ("sans ressaisir", "sans saisir", "sans retaper", "sans redonner",
                  "transparen*", "automatique*", "pas besoin", "ne pas ressaisir",
                  "eviter*", "de nouveau", "a nouveau", "sans se reconnecter",
                  "sans s authentifier", "une seule fois", "pas a se reconnecter",
                  "pas a ressaisir", "pas a retaper", "pas a s authentifier",
                  "plus a se reconnecter")),
    ),
    exemple=("Les informations concernant l'identité de la personne connectée (identifiant, "
             "attributs, preuve d'authentification) sont transmises automatiquement aux "
             "différents services applicatifs, ce qui évite à l'utilisateur de saisir de "
             "nouveau ses identifiants : c'est le principe du SSO."),
    indices=(
        "« Propager » veut dire transmettre de proche en proche.",
        "Qui transmet quoi à qui ? Le serveur d'authentification, l'identité, les services ; "
        "et qu'est-ce que l'utilisateur n'a plus à faire ?",
    ),
)

#: Les huit étapes de la cinématique d'accès du SDET ; les étapes 5 et 8 ont le même texte
#: dans le SDET (« L'utilisateur accède au service applicatif. ») : on précise lequel.
ETAPES_SDET: tuple[str, ...] = tuple(
    {5: "L'utilisateur accède au service applicatif demandé.",
     8: "L'utilisateur accède au second service applicatif, sans nouvelle saisie."}.get(n, t)
    for n, t in sorted(TITRES_SDET.items()))

Q15A = MiseEnOrdre(
    id="q15a", titre="Question 15 — La cinématique d'accès du SDET", points=2,
    enonce=("Le SDET (document 2) décrit en **8 étapes** l'accès d'un utilisateur à deux "
            "services de l'ENT. Remettez les étapes dans l'ordre."),
    etapes=ETAPES_SDET,
    presentation=(3, 6, 0, 4, 2, 7, 1, 5),
    indices=(
        "Tout commence par l'utilisateur qui veut ouvrir un service ; il doit d'abord "
        "prouver qui il est, et ce n'est qu'ensuite qu'on décide s'il a le droit d'entrer.",
        "Ordre des services AAS : authentification, autorisation, propagation de "
        "l'identité. Le parcours exécuté dans le notebook montre les 8 étapes.",
    ),
)

_IDENTIFIANTS = "L'identifiant et le mot de passe"
_TGC = "Le cookie TGC (la preuve de la session SSO, gardée par le navigateur)"
_ST = "Un ticket de service ST-… (valable une fois, pour un seul service)"
_REPONSE = "La réponse de validation : l'identité et les attributs de l'utilisateur"

Q15B = Classement(
    id="q15b", titre="Question 15 — Ce qui circule à chaque échange", points=2,
    enonce=("Dans l'ENT simulé (un serveur CAS), pour chaque échange du parcours, indiquez "
            "**ce qui circule**. Le parcours affiché ci-dessus vous aide."),
    categories=(_IDENTIFIANTS, _TGC, _ST, _REPONSE),
    attendu={
        "Étape 2 : le navigateur envoie le formulaire de connexion au serveur CAS":
            _IDENTIFIANTS,
        "Étape 4 : le serveur CAS renvoie le navigateur vers le service demandé": _ST,
        "Étape 4 : le service demande au serveur CAS si le ticket est valable": _ST,
        "Étape 4 : le serveur CAS répond au service": _REPONSE,
        "Étape 6 : le navigateur revient sur le serveur CAS pour un second service": _TGC,
    },
    indices=(
        "Le mot de passe ne circule qu'une fois : à l'étape 2.",
        "Le navigateur garde le cookie TGC et le présente au serveur CAS ; le ticket ST "
        "passe du serveur CAS au service (par le navigateur), puis le service le fait "
        "valider.",
    ),
)

#: Question 15, le schéma fait par l'élève : la lettre de l'étiquette de chaque flèche du
#: schéma vierge (:func:`entsim.diagrammes.schema_a_completer`), flèche 1 à 8, dans l'ordre
#: des 8 étapes du SDET (document 2) : 1 demande d'accès, 2 identification et
#: authentification, 3 autorisation, 4 propagation de l'identité, 5 accès au service,
#: 6 demande d'un autre service, 7 identité transmise sans nouvelle saisie, 8 accès.
_SCHEMA_Q15C = "DACGFHEB"

Q15C = Classement(
    id="q15c", titre="Question 15 — Le schéma de la connexion, à compléter", points=2,
    enonce=("Représentez le processus de connexion sous la forme d'un schéma : le schéma "
            "vierge, affiché par `schema_a_completer()`, a **8 flèches numérotées** entre le "
            "navigateur de Léa, les trois services AAS du SDET et deux services de l'ENT. "
            "Donnez à chaque flèche (les éléments) son étiquette (les catégories) ; un « ? » "
            "laisse une flèche sans étiquette. `schema_a_completer(reponse_q15c)` dessine "
            "votre schéma."),
    categories=ETIQUETTES,
    attendu={fleche: ETIQUETTES[LETTRES.index(lettre)]
             for fleche, lettre in zip(noms_des_fleches(), _SCHEMA_Q15C)},
    indices=(
        "Suivez Léa : elle demande d'abord le cahier de textes (flèche 1), puis doit prouver "
        "qui elle est (flèche 2) ; on décide ensuite si elle a le droit d'entrer.",
        "Les flèches 6 à 8 refont le chemin pour la messagerie, mais sans passer par "
        "l'identification : c'est le SSO.",
    ),
)

_SAIS, _POSSEDE, _SUIS = "Ce que je sais", "Ce que je possède", "Ce que je suis"

Q16A = Classement(
    id="q16a", titre="Question 16 — Les preuves d'authentification", points=2,
    enonce=("Une preuve d'authentification repose sur ce que l'utilisateur **sait**, ce "
            "qu'il **possède** ou ce qu'il **est**. Classez chaque preuve."),
    categories=(_SAIS, _POSSEDE, _SUIS),
    attendu={
        "Mot de passe": _SAIS,
        "Code à usage unique affiché par une application du téléphone": _POSSEDE,
        "Certificat et clé privée enregistrés sur une carte à puce": _POSSEDE,
        "Code PIN qui déverrouille la carte à puce": _SAIS,
        "Empreinte digitale": _SUIS,
    },
    indices=(
        "Un code à usage unique change toutes les 30 secondes : ce qui compte, c'est "
        "l'objet qui le produit.",
        "Un secret qu'on retient : « je sais » ; un objet qu'on a sur soi : « je possède » ; "
        "une caractéristique du corps : « je suis ».",
    ),
)

Q16B = QCM(
    id="q16b", titre="Question 16 — TLS (le « S » de HTTPS)", points=1,
    enonce=("Le protocole **TLS** (successeur de SSL, cité dans le cours) protège la "
            "connexion entre le navigateur et l'ENT. À quoi sert-il ?"),
    choix=("À chiffrer les échanges, pour que personne sur le réseau ne lise le mot de "
           "passe ou les notes.",
           "À prouver au navigateur qu'il parle bien au vrai serveur de l'ENT, grâce au "
           "certificat du serveur.",
           "À stocker les mots de passe dans la base de données de l'ENT.",
           "À remplacer le mot de passe de l'élève."),
    bonnes=("A", "B"),
    explications={
        "C": "le stockage des mots de passe se fait par des empreintes (hachage), pas par "
             "TLS, qui protège les données pendant leur transport.",
        "D": "TLS protège le transport ; l'élève doit toujours prouver son identité.",
    },
    indices=("Deux réponses sont justes.",
             "Le cadenas du navigateur : échanges chiffrés, et serveur identifié par son "
             "certificat."),
)

_DUREE_TICKET = int(DUREE_TICKET_PAR_DEFAUT.total_seconds())



Q16C = CodeAModifier(
    id="q16c", titre="Question 16 — Modifier une ligne : un ticket trop vieux", points=1,
    enonce=("Dans la cellule ci-dessous, `essayer_ticket(ent, attente)` rejoue la vie d'un "
            "ticket de service : Léa ouvre ses notes, le serveur CAS émet un ticket, et le "
            "service le présente au serveur CAS après `attente` secondes. La cellule affiche "
            "la réponse du serveur CAS. Modifiez la ligne `attente = 2` pour que la "
            "validation **échoue**, exécutez la cellule, et lisez le code d'erreur CAS "
            "affiché. Vous pouvez réessayer autant de fois que vous voulez."),
    ligne_de_depart="attente = 2",
    ligne_modifiee="attente = 30",
    exemple="INVALID_TICKET",
    predicat=lambda valeur: valeur == "INVALID_TICKET",
    valeur_de_depart=None,
    message_depart=("La validation n'a pas encore échoué : avec cette attente, elle a "
                    "réussi, car le ticket était encore valable (le serveur CAS n'a renvoyé "
                    "aucun code d'erreur). Attendez plus longtemps : modifiez la ligne "
                    "`attente = …`, puis exécutez de nouveau la cellule."),
    observation=(f"Dans l'ENT simulé, un ticket de service ne sert qu'une fois et ne vit que "
                 f"{_DUREE_TICKET} secondes (le réglage par défaut du serveur Apereo CAS ; le "
                 "protocole CAS 3.0 recommande seulement une durée courte, 5 minutes au plus, "
                 "section 3.1.1) : passé ce délai, le serveur CAS répond INVALID_TICKET "
                 "(section 2.5.3). Un ticket volé dans une adresse est ainsi vite "
                 "inutilisable."),
    indices=("Avec `attente = 2`, la validation réussit : la réponse ne contient pas de code "
             "d'erreur. Essayez une attente plus longue.",
             "La durée de vie d'un ticket se compte en secondes : essayez une attente de "
             "30 secondes."),
)

Q16D = Numerique(
    id="q16d", titre="Question 16 — La durée de vie d'un ticket", points=1,
    enonce=("D'après vos essais, combien de temps un ticket de service reste-t-il valable "
            "dans l'ENT simulé ? Autrement dit : quelle est la plus longue attente pour "
            "laquelle la validation réussit encore ?"),
    valeur=_DUREE_TICKET, unite="secondes",
    pieges={_DUREE_TICKET + 1: (f"Avec une attente de {_DUREE_TICKET + 1} secondes, la "
                                "validation échoue déjà : cherchez la plus longue attente "
                                "pour laquelle elle réussit encore.")},
    indices=("Reprenez la cellule de la question précédente avec plusieurs attentes : quelle "
             "est la plus longue attente pour laquelle la validation réussit encore ?",
             "`print(ent.cas.duree_ticket)` affiche la durée de vie d'un ticket (heures:"
             "minutes:secondes) ; vous pouvez répondre en secondes ou recopier cette durée "
             "entre guillemets."),
)

#: Les trois situations de la délibération CNIL n° 2022-100, en clair (l'élève de
#: terminale ne connaît pas le vocabulaire de la délibération).
SITUATIONS_CNIL: dict[Cas, str] = {
    Cas.MOT_DE_PASSE_SEUL: "Mot de passe seul, sans autre protection",
    Cas.AVEC_RESTRICTION: "Mot de passe + blocage du compte après plusieurs échecs",
    Cas.CODE_DEVERROUILLAGE: ("Code PIN d'un appareil que l'on possède (4 chiffres, bloqué "
                              "après 3 échecs)"),
}

Q16E = TableauACompleter(
    id="q16e", titre="Question 16 — Les seuils de la CNIL", points=1.5,
    enonce=("La **CNIL** (Commission nationale de l'informatique et des libertés) veille à la "
            "protection des données personnelles. Dans sa délibération n° 2022-100 sur les "
            "mots de passe, elle mesure la force d'un mot de passe par son **entropie**, en "
            "bits : chaque bit de plus double le nombre d'essais qu'un attaquant doit faire "
            "pour le deviner. Cette délibération est une **recommandation** : la CNIL "
            "recommande une entropie minimale d'autant plus forte que l'attaquant peut faire "
            "d'essais :\n\n"
            "- un **mot de passe seul** : rien n'arrête un attaquant qui essaie des millions "
            "de mots de passe ;\n"
            "- un mot de passe avec **blocage du compte** (ou une attente imposée) après "
            "plusieurs échecs : l'attaquant ne peut faire que quelques essais ;\n"
            "- le **code PIN** d'un appareil que l'on a sur soi (carte à puce, téléphone) : "
            "il faut d'abord voler l'appareil, et il se bloque après 3 échecs.\n\n"
            "Complétez le tableau : l'entropie minimale, en bits, de chaque situation."),
    colonnes=("Situation", "Entropie minimale (bits)"),
    attendu={SITUATIONS_CNIL[cas]: {"Entropie minimale (bits)": cas.seuil} for cas in Cas},
    alias_lignes={cas.court: SITUATIONS_CNIL[cas] for cas in Cas},
    indices=("Plus l'attaquant peut essayer de mots de passe, plus l'entropie recommandée "
             "est forte : le mot de passe seul demande le plus.",
             "`from entsim.authentification import tableau_exemples_cnil` puis "
             "`tableau_exemples_cnil()` affiche les exemples de la délibération."),
)

Q16F = QCM(
    id="q16f", titre="Question 16 — Conserver les mots de passe", points=1,
    enonce=("Le SDET interdit de stocker les mots de passe en clair. D'après le SDET et la "
            "CNIL, comment l'ENT doit-il les conserver ?"),
    choix=("En clair, pour pouvoir les renvoyer à l'élève qui les a oubliés.",
           "Sous forme d'empreinte MD5.",
           "Sous forme d'empreinte Argon2 (ou scrypt) salée : une fonction lente et "
           "irréversible.",
           "Chiffrés avec une clé gardée sur le même serveur."),
    bonnes="C",
    explications={
        "A": "le SDET l'interdit : les mots de passe NE DOIVENT PAS être stockés en clair.",
        "B": "MD5 est bien irréversible mais beaucoup trop rapide (164 milliards d'essais "
             "par seconde sur une carte graphique) : la CNIL ne l'accepte pas.",
        "D": "un chiffrement est réversible : qui vole la base et la clé lit tous les mots "
             "de passe. Le SDET demande un stockage irréversible.",
    },
    indices=("Le SDET demande un stockage « chiffré et irréversible ».",
             "La CNIL recommande une fonction lente et salée."),
)

FICHE = Fiche(
    id="partie3_authentification",
    titre="Partie 3 — Authentification, autorisation et SSO (questions 13 à 16)",
    questions=(Q13A, Q13B, Q13C, Q14, Q15A, Q15B, Q15C, Q16A, Q16B, Q16C, Q16D, Q16E, Q16F),
)
