"""Fiche de la partie 3c du cours : les risques de l'ENT, les parades, l'enquête dans le
journal, la carte des risques et la question 17.

Source : ressource CERTA (2013), troisième partie (« Quels sont les risques liés à la mise en
place d'un ENT ? Quelles sont les solutions pour s'en prémunir ? ») et question 17 (« le
cahier des charges réalisé par le ministère répond-il aux recommandations définies par la
CNIL concernant la protection des données personnelles ? ») ; page du ministère (2022) : deux
familles de risques, intégrité du système et données personnelles.

Les réponses attendues sont tirées du laboratoire d'attaques (:mod:`entsim.attaques`) : les
familles des scénarios, l'adresse lue par :func:`~entsim.attaques.hameconnage.lire_adresse`,
le rythme permis par le blocage de l'ENT, les incidents plantés dans le trimestre simulé de
la fiche (:func:`~entsim.attaques.enquetes.enquetes`), la carte des risques et les points
attendus de la question 17 (:data:`~entsim_corrige.q17.POINTS_ATTENDUS`) — jamais recopiées.
"""

from __future__ import annotations

from functools import lru_cache

from entsim.attaques import scenarios
from entsim.attaques.hameconnage import lire_adresse
from entsim_corrige.q17 import POINTS_ATTENDUS
from entsim.attaques.risques import tableau_des_risques
from entsim.attaques.scenario import FAMILLES
from entsim.attaques.seuils import debit_avec_restriction
from entsim.authentification.verrouillage import Verrouillage
from entsim.questions.fiches import Fiche
from entsim.questions.mots_cles import MotsCles
from entsim.questions.types_de_questions import (QCM, Classement, Numerique, ReponseCourte)

_SCENARIOS = scenarios()

#: Les attaques à ranger dans les deux familles de risques (mêlées : jamais par famille).
ATTAQUES_FAMILLES = ("rancongiciel", "devinette_en_ligne", "hameconnage", "journal_falsifie",
                     "parent_curieux", "vol_de_base")

Q17A = Classement(
    id="q17a", titre="Question 17 — Deux familles de risques", points=2,
    enonce=("La page du ministère (2022) distingue deux familles de risques : l'**intégrité "
            "du système** (le système ou ses données sont détruits, altérés) et la "
            "**sécurité des données personnelles** (quelqu'un lit ce qu'il ne devrait pas). "
            "Rangez chaque attaque du laboratoire (notebook 05) dans sa famille."),
    categories=FAMILLES,
    attendu={_SCENARIOS[code].titre: _SCENARIOS[code].famille for code in ATTAQUES_FAMILLES},
    indices=("Une attaque qui rend des données illisibles ou efface des preuves touche "
             "l'intégrité ; une attaque qui permet de lire les données de quelqu'un touche "
             "ses données personnelles.",),
)

#: La parade de chaque attaque, en quelques mots (les parades détaillées : ``s.parade``).
PARADES = {
    "devinette_en_ligne": "Bloquer le compte quelques minutes après plusieurs échecs",
    "vol_de_base": "Stocker les mots de passe en empreintes salées et lentes (Argon2)",
    "hameconnage": "Demander un code à usage unique en plus du mot de passe",
    "session_oubliee_cdi": "Se déconnecter, et fermer la session après une inactivité",
    "rejeu_de_ticket": "Un ticket valable une seule fois, quelques secondes",
    "journal_falsifie": "Un sceau du journal gardé par un tiers",
    "rancongiciel": "Des sauvegardes régulières gardées hors ligne",
}
_ORDRE_Q17B = ("journal_falsifie", "devinette_en_ligne", "rancongiciel", "hameconnage",
               "rejeu_de_ticket", "vol_de_base", "session_oubliee_cdi")

Q17B = Classement(
    id="q17b", titre="Question 17 — À chaque attaque sa parade", points=3,
    enonce=("Associez chaque attaque à la **parade** qui la déjoue dans le laboratoire "
            "(chaque parade sert une fois)."),
    categories=tuple(sorted(PARADES.values())),
    attendu={_SCENARIOS[code].titre: PARADES[code] for code in _ORDRE_Q17B},
    indices=("Relisez la ligne « Parade » de chaque comparaison (`s.comparer()`).",),
)

_ADRESSES = ("https://educonnect.education.gouv.fr.connexion-securisee.example/",
             "https://educonnect.education.gouv.fr/",
             "https://education-gouv-fr.example/educonnect/",
             "https://www.education.gouv.fr/",
             "https://educonnect.education.gouv.fr.example/")

Q17C = QCM(
    id="q17c", titre="Question 17 — Lire une adresse", points=1.5,
    enonce=("Un courriel vous invite à vous reconnecter à EduConnect. Parmi ces adresses, "
            "lesquelles appartiennent vraiment au domaine **education.gouv.fr** du "
            "ministère ? (Lisez le nom d'hôte de droite à gauche : `lire_adresse(…)` vous "
            "aide.)"),
    choix=_ADRESSES,
    bonnes=tuple(chr(ord("A") + i) for i, adresse in enumerate(_ADRESSES)
                 if lire_adresse(adresse).appartient_a("education.gouv.fr")),
    multiple=True,
    explications={
        "A": "le domaine est « connexion-securisee.example » : tout ce qui est à gauche est "
             "choisi librement par le propriétaire de ce domaine.",
        "C": "« education-gouv-fr » n'est pas « education.gouv.fr » : un tiret n'est pas un "
             "point.",
        "E": "le domaine est « fr.example » : « education.gouv » n'est qu'un préfixe.",
    },
    indices=("Le domaine, c'est la fin du nom d'hôte, juste avant le premier « / » : lisez "
             "de droite à gauche.",),
)

_PAR_HEURE = round(debit_avec_restriction(Verrouillage()) * 3600)

Q17D = Numerique(
    id="q17d", titre="Question 17 — Un attaquant freiné", points=1,
    enonce=("L'ENT simulé bloque un compte 15 minutes après 5 échecs de connexion (un "
            "réglage du logiciel de l'ENT, comme dans les ENT courants : la CNIL recommande "
            "un blocage ou une temporisation, sans fixer ces chiffres). **Combien "
            "d'essais par heure**, au plus, un attaquant peut-il faire sur un compte ?"),
    valeur=_PAR_HEURE, unite="essais par heure", unite_dans_consigne=False,
    explication="5 essais, puis 15 minutes d'attente : 4 fois par heure.",
    indices=("Dans une heure, combien de fois peut-on attendre 15 minutes ?",),
)


@lru_cache(maxsize=1)
def _enquetes():
    """Les réponses de l'enquête : celles du trimestre simulé de la fiche (ENT de 300 élèves,
    graine 2026), calculées depuis les incidents plantés."""
    from entsim.activite import simuler_activite
    from entsim.attaques.enquetes import enquetes
    from entsim.ent import ENT

    return enquetes(simuler_activite(ENT(2026, taille=300), "trimestre", progression=False))


_ENQUETES = _enquetes()

_ATTAQUE = str(_ENQUETES["force_brute_compte"].attendu)
_LEURRES = tuple(sorted({str(e.attendu) for code, e in _ENQUETES.items()
                         if code in ("compte_prete_compte", "initie_curieux_identite",
                                     "parent_curieux_identite", "session_oubliee_compte")}
                        - {_ATTAQUE}))[:3]
_CHOIX_Q17E = tuple(sorted((_ATTAQUE, *_LEURRES)))

Q17E = QCM(
    id="q17e", titre="Question 17 — Enquête : le compte attaqué", points=1,
    enonce=("Dans le journal du trimestre simulé de la fiche, une rafale d'échecs de "
            "connexion trahit une attaque par force brute. **Quel compte** a été attaqué ?"),
    choix=_CHOIX_Q17E,
    bonnes=chr(ord("A") + _CHOIX_Q17E.index(_ATTAQUE)),
    indices=("`rafales_d_echecs(journal)`, colonne « Identité ».",),
)

Q17F = Numerique(
    id="q17f", titre="Question 17 — Enquête : le parent curieux", points=1,
    enonce=("Un parent a essayé de lire les notes d'élèves qui ne sont pas ses enfants. "
            "**Combien** de lignes « Accès refusé » a-t-il laissées dans le journal ?"),
    valeur=int(_ENQUETES["parent_curieux_refus"].attendu), unite="lignes",
    unite_dans_consigne=False,
    explication="Comptez les lignes de `acces_refuses(activite, \"Parent\")`.",
    indices=("`len(acces_refuses(activite, \"Parent\"))`.",),
)

_RISQUES = tableau_des_risques()
_MAX_APRES = _RISQUES["Vraisemblance après"].max()
_RESTANT = _RISQUES.loc[_RISQUES["Vraisemblance après"] == _MAX_APRES, "Risque"]
assert len(_RESTANT) == 1, "la question 17G suppose un seul risque le plus vraisemblable"
_CHOIX_Q17G = ("Deviner un mot de passe en ligne", "Journal falsifié", "Rançongiciel",
               "Parent curieux", "Vol de la base des mots de passe")
assert _RESTANT.iloc[0] in _CHOIX_Q17G

Q17G = QCM(
    id="q17g", titre="Question 17 — La carte des risques", points=1,
    enonce=("Sur la carte des risques, **après** les mesures, quel risque reste le plus "
            "**vraisemblable** ?"),
    choix=_CHOIX_Q17G,
    bonnes=chr(ord("A") + _CHOIX_Q17G.index(_RESTANT.iloc[0])),
    indices=("Regardez les carrés pleins (après les mesures) : lequel est le plus à droite ?",),
)

#: Les idées exigées dans la conclusion (les autres points attendus rapportent en plus).
IDEES_EXIGEES = ("acces_limite", "stockage", "tracabilite", "nuance")

#: Chaque point attendu, écrit pour compléter « Il manque l'idée … ».
IDEES = {
    "acces_limite": "d'un accès limité aux informations qui vous concernent (autorisation, "
                    "besoin d'en connaître)",
    "authentification": "de l'authentification obligatoire (identifiant et mot de passe)",
    "stockage": "des mots de passe jamais stockés en clair (empreintes irréversibles)",
    "tracabilite": "de la traçabilité des opérations (le journal)",
    "hors_sdet": "de ce que le SDET ne traite pas (sensibilisation et information des "
                 "utilisateurs, à la charge du chef d'établissement)",
    "renouvellement": "du renouvellement périodique, qui n'est plus recommandé depuis 2022 (sauf "
                      "comptes à privilèges)",
    "entropie": "de la robustesse mesurée en bits (80 bits seul, 50 bits avec blocage)",
    "rgpd": "du RGPD (registre des traitements, délégué à la protection des données)",
    "conservation": "de la durée de conservation des journaux (six mois à un an)",
    "nuance": "d'une réponse nuancée (oui pour la sécurité des accès, en partie pour le "
              "reste)",
}
assert set(IDEES) == {point.code for point in POINTS_ATTENDUS}

#: Les façons d'écrire chaque point dans une conclusion (règles de
#: :class:`~entsim.questions.mots_cles.MotsCles` : mots entiers, ``*`` = radical, accents
#: ignorés). Pas les mots-clés « en sous-chaîne » de ``POINTS_ATTENDUS`` : « habilitation »
#: n'y reconnaîtrait pas « habilitations », ni « empreinte » « empreintes » ; et « en clair »
#: récompenserait « les mots de passe sont en clair » tandis que la bonne idée, « jamais
#: stockés en clair », serait écartée comme négative. Le SDET (document 2) écrit « stockés
#: de manière chiffrée et irréversible » : « chiffr* » n'est accepté qu'après « stock… » ou
#: « passe » (« chiffres » seul, ce sont aussi des caractères).
VARIANTES = {
    "acces_limite": ("autoris*", "habilit*", "besoin d en connaitre", "besoin de connaitre",
                     "ses propres", "son enfant", "ses enfants", "le concern*",
                     "les concern*", "la concern*", "controle* des acces", "droits d acces"),
    "authentification": ("authentifi*", "identifiant et mot* de passe"),
    "stockage": ("empreinte*", "hach*", "irreversible*", "argon2", "scrypt", "bcrypt",
                 "pbkdf2", "sel", "sales", "jamais stocke* en clair",
                 "pas stocke* en clair", "stock* chiffr*", "passe* chiffr*"),
    "tracabilite": ("tracabilite*", "journal", "journaux", "trace*", "historique*",
                    "reconstitu*"),
    "hors_sdet": ("sensibilis*", "information des", "informer", "chef d etablissement",
                  "hors du sdet", "ne traite pas", "pas dans le sdet"),
    "renouvellement": ("renouvel*", "periodique*"),
    "entropie": ("80 bits", "50 bits", "entropie", "bits", "blocage"),
    "rgpd": ("rgpd", "registre*", "dpo", "dpd", "delegue a la protection",
             "reglement general"),
    "conservation": ("six mois", "6 mois", "un an", "1 an", "douze mois", "conserv*"),
    "nuance": ("en partie", "partiellement", "oui mais", "nuanc*", "pas entierement",
               "pas totalement", "pas tout a fait", "pas completement", "pas tout"),
}
assert set(VARIANTES) == set(IDEES)

Q17H = ReponseCourte(
    id="q17h", titre="Question 17 — Le SDET répond-il aux recommandations de la CNIL ?",
    points=4,
    enonce=("Rédigez une **conclusion argumentée** : le SDET (document 2) répond-il aux "
            "recommandations de la CNIL (document 1) ? Appuyez-vous sur la grille de la "
            "question 17 (ce que vous avez observé dans la simulation), puis dites ce qui a "
            "changé depuis 2013 (délibération de la CNIL de 2022 sur les mots de passe, "
            "RGPD)."),
    groupes=tuple(MotsCles(IDEES[point.code], VARIANTES[point.code],
                           facultative=point.code not in IDEES_EXIGEES)
                  for point in POINTS_ATTENDUS),
    exemple=("Oui pour la sécurité des accès, en partie pour le reste. Le SDET exige "
             "l'authentification par mot de passe et l'autorisation : chacun n'accède qu'aux "
             "informations le concernant (besoin d'en connaître), un parent est refusé sur "
             "les notes d'un autre élève. Les mots de passe ne sont jamais stockés en clair : "
             "empreintes irréversibles (aujourd'hui Argon2). La traçabilité : chaque "
             "opération est dans le journal. Mais la sensibilisation et l'information des "
             "utilisateurs ne sont pas dans le SDET, c'est au chef d'établissement de s'en "
             "charger. Depuis, la délibération 2022-100 de la CNIL mesure la robustesse en "
             "bits (80 bits seul, 50 bits avec blocage) et ne recommande plus le "
             "renouvellement périodique, sauf pour les comptes à privilèges "
             "(administrateurs) ; le RGPD impose le registre des traitements et un "
             "DPO, et les journaux se conservent de six mois à un an."),
    indices=("Commencez par répondre : oui, non, ou en partie ? Puis donnez des preuves tirées "
             "de la grille.",
             "Quatre idées sont attendues au moins : l'accès limité à ses propres "
             "informations, le stockage des mots de passe, la traçabilité, et une réponse "
             "nuancée."),
)

FICHE = Fiche(
    id="partie3_risques",
    titre="Partie 3c — Les risques de l'ENT, les parades et la question 17",
    questions=(Q17A, Q17B, Q17C, Q17D, Q17E, Q17F, Q17G, Q17H),
)
