"""Fabrique le jeu de réponses synthétiques de l'enquête : ``data/enquete_ent.csv``.

    .venv/bin/python outils/generer_enquete.py            # réécrit data/enquete_ent.csv
    .venv/bin/python outils/generer_enquete.py --verifier # dit si le fichier livré est à jour

Les réponses sont **inventées** (aucune personne réelle, aucun vrai entretien) mais
vraisemblables : des phrases types par acteur, tirées au hasard avec une graine fixe
(:data:`GRAINE`), donc le même fichier à chaque exécution. Chaque acteur ne coche que des
services que le catalogue ouvre à son profil ; les thèmes suivent le tableau de la
question 5 du cours (parents : notes, absences, messages ; enseignants : cahier de textes,
conseils de classe, travail du soir, trop de messages, droit à la déconnexion ; élèves :
application sur le téléphone, devoirs ; vie scolaire : absences, appels ; gestion :
factures, cantine ; quelques parents éloignés du numérique, décrits avec respect).
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))

from entsim.enquete import (ACTEURS, Reponse, acteur_depuis, enregistrer,  # noqa: E402
                            options_fonctionnalites, themes_du_texte)
from entsim.enquete.questionnaire import FREQUENCES, MOMENTS  # noqa: E402
from entsim.enquete.themes import theme_depuis  # noqa: E402

GRAINE = 2027
FICHIER = RACINE / "data" / "enquete_ent.csv"
PROVENANCE = (f"Données synthétiques générées par outils/generer_enquete.py (graine {GRAINE}) "
              "pour entsim : aucune personne réelle, aucune réponse d'un vrai entretien.")

#: Nombre de réponses par acteur.
EFFECTIFS = {"eleve": 70, "parent": 62, "enseignant": 58, "vie_scolaire": 24, "direction": 14,
             "secretariat": 18, "gestion": 18, "documentaliste": 18, "college": 16,
             "collectivite": 14}

#: Services cochés : (nom du service, probabilité).
SERVICES = {
    "eleve": [("Cahier de textes", .9), ("Notes et résultats des évaluations", .85),
              ("Emploi du temps", .8), ("Messagerie", .5), ("Espace documentaire", .4),
              ("Casier", .35), ("Médiacentre (ressources numériques)", .3),
              ("Exercices et évaluations", .3), ("Pad collaboratif", .15),
              ("Folios (orientation)", .15), ("Catalogue du CDI (e-sidoc)", .1)],
    "parent": [("Notes et résultats des évaluations", .9), ("Absences et retards", .7),
               ("Messagerie", .6), ("Cahier de textes", .45),
               ("Carnet de liaison (informations aux familles)", .5), ("Emploi du temps", .35),
               ("Téléservices (Scolarité services)", .3), ("Actualités", .25), ("Agenda", .1)],
    "enseignant": [("Cahier de textes", .95), ("Notes et résultats des évaluations", .9),
                   ("Absences et retards", .85), ("Messagerie", .85), ("Casier", .35),
                   ("Espace documentaire", .4), ("Exercices et évaluations", .25),
                   ("Médiacentre (ressources numériques)", .3), ("Agenda", .2),
                   ("Classes virtuelles et visioconférence", .1), ("Blog", .08)],
    "vie_scolaire": [("Absences et retards", 1), ("Messagerie", .8),
                     ("Carnet de liaison (informations aux familles)", .6),
                     ("Emploi du temps", .5), ("Dossier élève", .5), ("Actualités", .3),
                     ("Annuaire", .3)],
    "direction": [("Actualités", .8), ("Messagerie", .9), ("Emploi du temps", .5),
                  ("Notes et résultats des évaluations", .5), ("Agenda", .6),
                  ("Sondages", .3), ("Cahier de textes", .3), ("Annuaire", .3)],
    "secretariat": [("Messagerie", .9), ("Dossier élève", .8), ("Annuaire", .6),
                    ("Actualités", .5), ("Carnet de liaison (informations aux familles)", .4),
                    ("Agenda", .3)],
    "gestion": [("Messagerie", .9), ("Actualités", .5), ("Dossier élève", .4),
                ("Carnet de liaison (informations aux familles)", .4), ("Espace documentaire", .3)],
    "documentaliste": [("Catalogue du CDI (e-sidoc)", 1), ("Médiacentre (ressources numériques)", .8),
                       ("Messagerie", .7), ("Blog", .4), ("Cahier de textes", .4),
                       ("Espace documentaire", .5), ("Pages (sites web)", .2)],
    "college": [("Espaces de travail partagés (communautés)", .9), ("Messagerie", .8),
                ("Actualités", .4), ("Classes virtuelles et visioconférence", .4),
                ("Espace documentaire", .4), ("Blog", .2)],
    "collectivite": [("Actualités", .4), ("Pages (sites web)", .3), ("Messagerie", .5),
                     ("Médiacentre (ressources numériques)", .3)],
}

AUTRES = {
    "gestion": ["les factures de cantine et d'internat", "le paiement de la demi-pension",
                "les bons de commande"],
    "collectivite": ["les statistiques d'usage de l'ENT", "la console de déploiement",
                     "le suivi des contrats avec l'éditeur"],
    "direction": ["la préparation des conseils de classe", "les convocations aux réunions"],
    "eleve": ["l'application sur le téléphone"],
    "parent": ["l'application sur le téléphone", "les rendez-vous parents-professeurs"],
}

#: Fréquences (poids dans l'ordre de FREQUENCES) et moments usuels.
FREQUENCE = {
    "eleve": (55, 30, 10, 5, 0), "parent": (25, 35, 20, 12, 3), "enseignant": (80, 18, 2, 0, 0),
    "vie_scolaire": (95, 5, 0, 0, 0), "direction": (85, 15, 0, 0, 0),
    "secretariat": (90, 10, 0, 0, 0), "gestion": (50, 35, 10, 5, 0),
    "documentaliste": (80, 20, 0, 0, 0), "college": (5, 25, 40, 30, 0),
    "collectivite": (10, 20, 30, 40, 0),
}
MOMENT = {
    "eleve": {"Soir": .85, "Week-end": .5, "Midi": .3, "Matin": .3, "Vacances": .15},
    "parent": {"Soir": .85, "Week-end": .4, "Midi": .2, "Matin": .2, "Vacances": .05},
    "enseignant": {"Soir": .8, "Week-end": .6, "Matin": .4, "Midi": .3, "Vacances": .3},
    "vie_scolaire": {"Matin": 1, "Midi": .5},
    "direction": {"Matin": .9, "Midi": .4, "Soir": .4, "Week-end": .15},
    "secretariat": {"Matin": .9, "Midi": .3},
    "gestion": {"Matin": .8, "Midi": .3},
    "documentaliste": {"Matin": .7, "Midi": .7},
    "college": {"Matin": .5, "Midi": .2},
    "collectivite": {"Matin": .7},
}
#: Avis moyen (1 à 5) par affirmation : travail, coordination, échanges, temps, horaires.
ACCORDS = {
    "eleve": (4, 3.6, 3.6, 3.8, 3.2), "parent": (3.4, 3.6, 3.8, 3.5, 2.4),
    "enseignant": (4.4, 3.8, 3.9, 2.9, 4.3), "vie_scolaire": (4.5, 4.2, 4.1, 3.9, 2.6),
    "direction": (4.2, 4.1, 4, 3.4, 3.6), "secretariat": (3.8, 3.6, 3.5, 3.7, 2.2),
    "gestion": (3.6, 3.4, 3.3, 3.8, 2), "documentaliste": (4, 3.8, 3.6, 3.5, 2.8),
    "college": (3.2, 3.8, 3.6, 3.2, 1.8), "collectivite": (3, 3.6, 3.4, 3.2, 1.6),
}

#: Phrases types par acteur (chaque réponse en tire une ou deux).
EVOLUTIONS = {
    "eleve": [
        "Je regarde le cahier de textes tous les soirs au lieu de noter les devoirs dans mon agenda.",
        "On rend certains devoirs dans le casier de l'ENT, plus besoin d'imprimer.",
        "Je pose plus facilement une question à un professeur par la messagerie.",
        "Avec mon groupe on travaille sur le même document en même temps.",
        "Je vois mes notes dès qu'elles sont publiées, avant même le bulletin.",
        "Quand je suis absent je sais tout de suite ce qui a été fait en cours.",
        "J'utilise surtout l'appli sur mon téléphone, dans le bus.",
    ],
    "parent": [
        "Je suis les notes de ma fille au fur et à mesure, je n'attends plus le bulletin.",
        "Je justifie les absences en ligne au lieu d'écrire un mot dans le carnet.",
        "J'écris au professeur principal par la messagerie, il répond en général le lendemain.",
        "Je reçois les informations du lycée directement, sans passer par mon fils.",
        "Les rendez-vous avec les professeurs se prennent sur l'ENT.",
        "Je regarde le cahier de textes pour savoir s'il a du travail le week-end.",
        "Je suis prévenu le jour même quand mon enfant est absent.",
    ],
    "enseignant": [
        "Je remplis le cahier de textes après chaque cours, souvent le soir.",
        "Les notes sont saisies en ligne et les moyennes sont prêtes pour les conseils de classe.",
        "Je communique avec les familles par la messagerie plutôt que par le carnet.",
        "Je dépose les documents du cours dans l'espace de la classe.",
        "L'appel se fait en début d'heure sur l'ENT, la vie scolaire le voit tout de suite.",
        "On prépare les conseils de classe à plusieurs, les appréciations sont saisies avant la réunion.",
        "Je corrige des copies rendues dans le casier, avec la date de dépôt.",
        "On échange davantage entre collègues de l'équipe pédagogique.",
    ],
    "vie_scolaire": [
        "Les absences arrivent directement de l'appel des professeurs, on ne ramasse plus les billets.",
        "Les familles sont prévenues par message dès la première heure.",
        "On passe moins de temps au téléphone pour les appels aux familles, mais on en passe encore.",
        "Les retards et les justificatifs sont suivis au même endroit.",
        "On voit tout de suite quel élève manque dans quelle classe.",
    ],
    "direction": [
        "Les informations aux personnels passent par les actualités plutôt que par les notes papier.",
        "Je suis les conseils de classe et les résultats par classe sur l'ENT.",
        "Les convocations et comptes rendus de réunion sont partagés en ligne.",
        "La communication avec les familles est plus régulière.",
        "Je peux vérifier que les cahiers de textes sont tenus.",
    ],
    "secretariat": [
        "Les dossiers des élèves sont mis à jour en ligne par les familles.",
        "Moins de courriers à envoyer, l'essentiel passe par la messagerie.",
        "Les familles font les démarches d'inscription et de bourses en ligne.",
        "On répond aux questions des parents par écrit, c'est plus facile à suivre.",
    ],
    "gestion": [
        "Les factures de cantine sont envoyées aux familles par l'ENT.",
        "Les informations sur la demi-pension sont publiées en ligne.",
        "On échange avec la vie scolaire pour les repas des sorties.",
        "Les familles nous écrivent plus souvent pour les paiements.",
    ],
    "documentaliste": [
        "Les élèves réservent les livres du CDI en ligne.",
        "Je publie les nouveautés du CDI sur le blog.",
        "Je travaille avec les professeurs sur des séances de recherche documentaire avec le médiacentre.",
        "Les ressources numériques sont accessibles sans nouveau mot de passe grâce au GAR.",
    ],
    "college": [
        "On prépare la liaison troisième-seconde dans un espace partagé avec le lycée.",
        "Les professeurs du collège et du lycée échangent plus facilement.",
        "On organise des visites du lycée pour nos élèves de troisième.",
    ],
    "collectivite": [
        "La région suit le déploiement de l'ENT dans tous les lycées.",
        "On finance l'ENT et les équipements, et on regarde les statistiques d'usage.",
        "Les lycées nous font remonter les besoins en matériel plus vite.",
    ],
}

AVANTAGES = {
    "eleve": [
        "Les devoirs sont toujours disponibles, même quand on est absent.",
        "On voit nos notes tout de suite.",
        "Pratique sur le téléphone, on a tout au même endroit.",
        "On peut travailler en groupe à distance.",
        "On peut écrire aux professeurs facilement.",
        "Plus besoin de recopier les devoirs.",
    ],
    "parent": [
        "Je peux suivre la scolarité de mon enfant de près.",
        "Les informations arrivent plus vite qu'avant.",
        "Je suis prévenu tout de suite en cas d'absence.",
        "Plus de papiers perdus au fond du sac.",
        "On peut écrire aux professeurs sans prendre rendez-vous.",
        "Les démarches se font de chez soi.",
    ],
    "enseignant": [
        "Le cahier de textes est accessible aux élèves absents.",
        "Gain de temps pour les conseils de classe, les moyennes sont calculées.",
        "Moins de photocopies, les documents sont partagés en ligne.",
        "La communication avec les familles est plus rapide.",
        "On peut proposer des exercices adaptés à chaque élève.",
        "Le travail collaboratif avec les collègues est facilité.",
    ],
    "vie_scolaire": [
        "Les absences sont connues tout de suite.",
        "Les familles sont prévenues plus vite.",
        "Moins de papier à ramasser dans les classes.",
        "Un meilleur suivi des élèves souvent absents.",
    ],
    "direction": [
        "Une communication plus rapide avec les équipes et les familles.",
        "Un meilleur suivi des résultats par classe.",
        "Des économies de papier et d'impression.",
        "L'organisation des réunions est plus simple.",
    ],
    "secretariat": [
        "Moins de courriers et de photocopies.",
        "Les familles font leurs démarches de chez elles.",
        "Les informations sont centralisées.",
    ],
    "gestion": [
        "Les factures arrivent plus vite aux familles.",
        "Moins d'impression et d'envois postaux.",
        "Les familles sont mieux informées sur la cantine.",
    ],
    "documentaliste": [
        "Les ressources numériques sont accessibles de chez soi.",
        "Le catalogue du CDI est consultable partout.",
        "On travaille plus facilement avec les professeurs.",
    ],
    "college": [
        "Une meilleure liaison avec le lycée pour nos élèves de troisième.",
        "Les élèves préparent mieux leur entrée en seconde.",
        "On partage des documents avec les collègues du lycée.",
    ],
    "collectivite": [
        "Un outil commun à tous les lycées de la région.",
        "Moins de papier dans les établissements.",
        "Les familles ont accès aux informations à distance.",
    ],
}

LIMITES = {
    "eleve": [
        "Parfois l'appli plante ou la connexion est lente.",
        "On oublie son mot de passe.",
        "On reçoit des notifications tout le temps, même le dimanche.",
        "Les parents voient les notes avant qu'on ait pu leur en parler, ça met la pression.",
        "Certains profs ne mettent pas les devoirs à jour.",
        "Pas tout le monde a un ordinateur pour rendre les devoirs.",
    ],
    "parent": [
        "Je n'ai pas d'ordinateur, seulement un téléphone, c'est difficile de tout lire.",
        "Je ne lis pas bien le français, c'est mon fils qui m'explique les messages. Une traduction aiderait.",
        "Trop de messages, je ne sais plus lesquels sont importants.",
        "J'ai du mal à me connecter, j'oublie toujours mon identifiant.",
        "On voit les notes avant d'en parler avec son enfant.",
        "Moins de contact direct avec les professeurs.",
        "L'application est compliquée, on s'y perd.",
    ],
    "enseignant": [
        "Trop de messages, il faut les trier tous les soirs.",
        "On travaille le soir et le dimanche, le droit à la déconnexion n'est pas respecté.",
        "Des parents écrivent tard et attendent une réponse immédiate.",
        "Le réseau du lycée est lent, l'appel prend du temps en début d'heure.",
        "Il faudrait une vraie formation, l'outil est complexe.",
        "La charge de travail a augmenté avec la saisie en ligne.",
        "Tous les élèves ne sont pas équipés à la maison.",
    ],
    "vie_scolaire": [
        "Quand le réseau tombe en panne, on revient au papier.",
        "Certaines familles ne lisent jamais les messages, il faut quand même téléphoner.",
        "Des professeurs oublient de faire l'appel.",
        "Beaucoup de messages à traiter chaque matin.",
    ],
    "direction": [
        "Trop de messages reçus chaque jour.",
        "Une partie des familles reste éloignée du numérique, il faut garder le papier pour elles.",
        "La dépendance au réseau : une panne bloque tout.",
        "Il faut protéger les données personnelles des élèves.",
    ],
    "secretariat": [
        "Certaines familles n'ont pas d'ordinateur, on les aide au guichet.",
        "Des problèmes de connexion pour les parents qui perdent leurs identifiants.",
        "Beaucoup de messages à trier.",
    ],
    "gestion": [
        "Certaines familles ne consultent pas l'ENT, il faut encore envoyer les factures papier.",
        "Des bugs lors de l'envoi des factures.",
        "On reçoit beaucoup de messages des familles au moment des paiements.",
    ],
    "documentaliste": [
        "Les élèves oublient leurs identifiants.",
        "Le médiacentre est parfois lent.",
        "Il faut former les élèves à la recherche, l'outil ne suffit pas.",
    ],
    "college": [
        "Chaque établissement a son propre ENT, ce n'est pas toujours le même outil.",
        "Les accès invités sont compliqués à obtenir.",
        "On se voit moins, les échanges sont surtout écrits.",
    ],
    "collectivite": [
        "Le coût de l'ENT et des équipements est élevé.",
        "Les usages sont très différents d'un lycée à l'autre.",
        "Il faut garantir la sécurité et les données personnelles.",
        "La fracture numérique de certaines familles.",
    ],
}

#: Parents éloignés du numérique : fréquence faible, peu de services, limites propres.
LIMITES_FRACTURE = [
    "Je n'ai pas d'ordinateur à la maison, seulement un vieux téléphone.",
    "Je ne parle pas bien le français, c'est ma fille qui traduit les messages.",
    "Notre forfait internet est limité, je me connecte rarement.",
    "Je ne suis pas à l'aise avec l'informatique, je préfère parler aux professeurs.",
]
COURTES = ["Pratique.", "Rapide.", "Rien de spécial.", "Ça dépend des jours."]
PRENOMS = ["Inès", "Lucas", "Yanis", "Chloé", "Manon", "Hugo", "Sarah", "Théo", "Lina", "Nathan",
           "Emma", "Adam", "Zoé", "Louis", "Camille", "Rayan", "Jade", "Maël", "Léna", "Noah"]
CLASSES = ["TSTMG1", "TSTMG2", "TSTMG3"]

_SANS_ACCENT = str.maketrans("éèêàç", "eeeac")


def _faute(hasard: random.Random, phrase: str) -> str:
    """Une faute de frappe vraisemblable (accent oublié, minuscule en tête), parfois."""
    tirage = hasard.random()
    if tirage < 0.07:
        mots = phrase.split(" ")
        i = hasard.randrange(len(mots))
        mots[i] = mots[i].translate(_SANS_ACCENT)
        return " ".join(mots)
    if tirage < 0.10:
        return phrase[0].lower() + phrase[1:]
    return phrase


def _phrases(hasard: random.Random, pool: list[str], *, courte: float = 0.0) -> str:
    if hasard.random() < courte:
        return hasard.choice(COURTES)
    nombre = 1 if hasard.random() < 0.55 else 2
    return " ".join(_faute(hasard, p) for p in hasard.sample(pool, min(nombre, len(pool))))


def _jours_d_entretien() -> list[date]:
    """Les jours de classe (lundi à vendredi) du 11 janvier au 5 février 2027."""
    debut = date(2027, 1, 11)
    return [debut + timedelta(days=i) for i in range(26) if (debut + timedelta(days=i)).weekday() < 5]


def _groupes(hasard: random.Random) -> dict[str, list[str]]:
    """Deux groupes (de deux classes différentes) par acteur."""
    groupes: dict[str, list[str]] = {}
    numero = 0
    for acteur in EFFECTIFS:
        groupes[acteur] = []
        for classe in hasard.sample(CLASSES, 2):
            numero += 1
            groupes[acteur].append(f"{classe} G{numero}")
    return groupes


def reponses(graine: int = GRAINE) -> list[Reponse]:
    """Les réponses synthétiques (toujours les mêmes pour une graine donnée)."""
    hasard = random.Random(graine)
    jours = _jours_d_entretien()
    groupes = _groupes(hasard)
    enqueteurs = {g: " et ".join(hasard.sample(PRENOMS, 2))
                  for liste in groupes.values() for g in liste}
    resultat: list[Reponse] = []
    for code, effectif in EFFECTIFS.items():
        acteur = acteur_depuis(code)
        ouverts = set(options_fonctionnalites(acteur))
        for nom, _ in SERVICES[code]:
            assert nom in ouverts, (code, nom)          # services ouverts à ce profil
        numeros = {g: 0 for g in groupes[code]}
        for _ in range(effectif):
            groupe = hasard.choice(groupes[code])
            numeros[groupe] += 1
            eloigne = code == "parent" and hasard.random() < 0.16
            if eloigne:
                frequence = hasard.choice(["Moins souvent", "Moins souvent", "Jamais",
                                           "Une fois par semaine"])
                services = [] if frequence == "Jamais" else [
                    hasard.choice(["Notes et résultats des évaluations", "Absences et retards"])]
                limites = " ".join(hasard.sample(LIMITES_FRACTURE, hasard.choice([1, 2])))
                avantages = hasard.choice(["Quand mon fils me montre, je vois ses notes.",
                                           "Je suis prévenu des absences par message.",
                                           "Pour moi, pas beaucoup d'avantages pour l'instant."])
                moments = [] if frequence == "Jamais" else ["Soir"]
                accords = {c: hasard.choice([1, 2, 2, 3]) for c in
                           ("travail", "coordination", "echanges", "temps", "horaires")}
                evolutions = hasard.choice([
                    "Pas grand-chose a changé pour moi, je passe encore par le carnet.",
                    "Je téléphone toujours à la vie scolaire, c'est plus simple pour moi.",
                    "Mon enfant me montre les messages importants sur son téléphone."])
            else:
                frequence = hasard.choices(FREQUENCES, weights=FREQUENCE[code])[0]
                services = [nom for nom, p in SERVICES[code] if hasard.random() < p]
                if not services:
                    services = [SERVICES[code][0][0]]
                moments = [m for m in MOMENTS if hasard.random() < MOMENT[code].get(m, 0.02)]
                accords = {c: min(5, max(1, round(hasard.gauss(moyenne, 0.9))))
                           for c, moyenne in zip(("travail", "coordination", "echanges",
                                                  "temps", "horaires"), ACCORDS[code])}
                evolutions = _phrases(hasard, EVOLUTIONS[code], courte=0.03)
                avantages = _phrases(hasard, AVANTAGES[code], courte=0.06)
                limites = _phrases(hasard, LIMITES[code], courte=0.0)
            autres = ""
            if code in AUTRES and hasard.random() < 0.3:
                autres = hasard.choice(AUTRES[code])
            coches_a = coches_l = ()
            if hasard.random() < 0.35:     # le groupe a aussi coché des thèmes
                coches_a = tuple(theme_depuis(t).libelle
                                 for t in themes_du_texte(avantages, "avantage"))
                coches_l = tuple(theme_depuis(t).libelle
                                 for t in themes_du_texte(limites, "limite"))
            resultat.append(Reponse(
                groupe=groupe, enqueteurs=enqueteurs[groupe], date=hasard.choice(jours),
                acteur=acteur, numero=numeros[groupe], consentement=True,
                fonctionnalites=services, fonctionnalites_autres=autres, frequence=frequence,
                moments=moments, accords=accords, evolutions=evolutions, avantages=avantages,
                avantages_themes=coches_a, limites=limites, limites_themes=coches_l))
    assert {r.acteur.code for r in resultat} == {a.code for a in ACTEURS}
    return resultat


def main(arguments: list[str]) -> int:
    if "--verifier" in arguments:
        from entsim.enquete import charger

        a_jour = charger(FICHIER) == reponses()
        print("data/enquete_ent.csv est à jour." if a_jour else
              "data/enquete_ent.csv n'est pas à jour : relancez outils/generer_enquete.py.")
        return 0 if a_jour else 1
    liste = reponses()
    enregistrer(liste, FICHIER, commentaires=[PROVENANCE])
    print(f"{len(liste)} réponses écrites dans {FICHIER.relative_to(RACINE)}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
