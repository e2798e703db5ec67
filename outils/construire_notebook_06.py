"""Construit notebooks/06_enquete_et_synthese.ipynb (partie 3 : enquête dans le journal, carte
des risques, question 17).

    .venv/bin/python outils/construire_notebook_06.py
    bash outils/executer_notebook.sh notebooks/06_enquete_et_synthese.ipynb
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fiches_notebook import a_vous, code, ecrire_notebook, ignorer_sortie  # noqa: E402
from fiches_notebook import markdown as md  # noqa: E402


def enquete(code_enquete, ligne_eleve, consigne):
    """Une étape d'enquête : la question, la ligne de pandas, la réponse de l'élève vérifiée."""
    return [code(f'print(enquetes["{code_enquete}"].question)'),
            code(ligne_eleve),
            code(f"reponse = None  # ← {consigne}\n"
                 f'enquetes["{code_enquete}"].verifier(reponse)')]


cellules = [
md("""# 06 — Enquête dans le journal, carte des risques et question 17

**Partie 3 du cours — risques et protections.** Le SDET exige que les journaux de l'ENT
permettent « de dater et d'associer une opération à une identité » et « de reconstituer la
chaîne des opérations liées à une identité ». Vous allez :

1. **enquêter** dans le journal d'un trimestre d'ENT simulé, où des incidents ont été
   cachés : une attaque par force brute, un parent trop curieux, un compte prêté, un
   enseignant qui regarde les notes d'une autre classe, une session oubliée au CDI ;
2. placer chaque risque sur une **carte** (gravité × vraisemblance), avant et après les
   mesures ;
3. répondre à la **question 17** : le cahier des charges du ministère (SDET) répond-il aux
   recommandations de la CNIL ?

Chaque étape de l'enquête tient en **une ligne de pandas** ; votre réponse est vérifiée
aussitôt. Les questions notées se posent dans la **fiche à rendre**,
`exercises/partie3_risques.ipynb` : ouvrez-la à côté. Chaque fois que vous lisez « ✍️ **À
vous, dans la fiche** », répondez à la question indiquée dans la fiche."""),
md("""## 1. Le journal d'un trimestre

La cellule suivante simule l'usage de l'ENT d'un lycée de 300 élèves pendant le premier
trimestre de l'année 2025-2026, avec des incidents cachés (quelques secondes)."""),
code("from entsim import ENT\nfrom entsim.activite import simuler_activite\n"
     "activite = simuler_activite(ENT(2026, taille=300), \"trimestre\", progression=False)\n"
     "print(activite.resume().splitlines()[0])"),
code("journal = activite.journal\njournal.head(5)"),
code("from entsim.attaques.enquete_journal import (qui_a_ouvert, tout_ce_qu_a_fait, "
     "rafales_d_echecs,\n    sessions_simultanees, sessions_reprises, acces_refuses)\n"
     "from entsim.attaques.enquetes import enquetes\nenquetes = enquetes(activite)"),
md("""## 2. Une attaque par force brute

Un attaquant essaie des mots de passe, très vite, sur un même compte. Cherchez une
**rafale d'échecs de connexion** :"""),
code("rafales_d_echecs(journal)"),
a_vous("partie3_risques", "q17e",
       aide="La fiche simule le même trimestre : cherchez dans la colonne « Identité » du "
            "tableau ci-dessus."),
*enquete("force_brute_poste", "rafales_d_echecs(journal)[\"Postes\"]",
         "le poste d'où vient l'attaque, entre guillemets"),
md("""**À remarquer.** Après 5 échecs, le compte est **bloqué** 15 minutes (un réglage de l'ENT) :
l'attaquant doit attendre avant d'essayer à nouveau. Et chaque tentative est **tracée** :
c'est ce que le SDET demande (« le nombre d'échecs successifs de saisie du mot de passe
DEVRAIT être tracé »)."""),
a_vous("partie3_risques", "q17d"),
md("""## 3. « Qui a ouvert les notes de cet élève ? »

Un parent s'inquiète : quelqu'un d'autre que lui a-t-il regardé les notes de son fils, la
semaine du 6 octobre ? La fonction `qui_a_ouvert` liste tous ceux qui ont ouvert (ou essayé
d'ouvrir) ses notes cette semaine-là :"""),
*enquete("qui_a_ouvert",
         'qui_a_ouvert(journal, "Théo Dupont", du="2025-10-06", au="2025-10-12")',
         "l'identité de celui qui a essayé sans en avoir le droit, entre guillemets"),
md("""Ce parent a-t-il essayé sur d'autres élèves ? Tous les refus d'accès des parents :"""),
code("acces_refuses(activite, \"Parent\")"),
a_vous("partie3_risques", "q17f", aide="Comptez les lignes du tableau ci-dessus."),
md("""## 4. Un compte prêté

Un élève a prêté son identifiant et son mot de passe à un ami : le journal montre alors la
**même identité connectée sur deux postes en même temps**."""),
*enquete("compte_prete_compte", "sessions_simultanees(journal)",
         'le compte prêté, entre guillemets'),
md("""## 5. Un initié curieux

Un enseignant essaie de lire les notes d'élèves d'une classe qui n'est pas la sienne. Le
besoin d'en connaître l'en empêche, et chaque refus est tracé :"""),
*enquete("initie_curieux_identite", "acces_refuses(activite, \"Enseignant\")",
         'l\'identité de l\'enseignant, entre guillemets'),

md("""## 6. Une session oubliée au CDI

Une élève s'est connectée sur un poste du CDI et est partie sans se déconnecter : plus tard,
quelqu'un a ouvert des services **sous son identité**, sans nouvelle connexion (le ticket
est « émis grâce à la session SSO »). Cherchez, au « Poste du CDI », un ticket émis longtemps
après la dernière connexion (la fonction `sessions_reprises` le fait) :"""),
*enquete("session_oubliee_compte", "sessions_reprises(journal)", "le compte, entre guillemets"),
md("""## 7. Toute la chaîne d'une identité

Le SDET demande de pouvoir **reconstituer la chaîne des opérations** d'une identité. Voici
celle de l'enseignant curieux, le jour des faits :"""),
code("initie = enquetes[\"initie_curieux_identite\"].attendu\n"
     "tout_ce_qu_a_fait(journal, initie).tail(12)"),
md("""## 8. La carte des risques

Chaque attaque du laboratoire (notebook 05) est un **risque**, coté comme dans la méthode
d'analyse d'impact de la CNIL : une **gravité** (de 1, négligeable, à 4, maximale) et une
**vraisemblance** (de 1 à 4), **avant** puis **après** les mesures de protection."""),
code("from entsim.attaques.risques import tableau_des_risques, carte_des_risques\n"
     "tableau_des_risques()[[\"Risque\", \"Gravité avant\", \"Vraisemblance avant\", "
     "\"Gravité après\", \"Vraisemblance après\"]]"),
code("carte_des_risques()"),
a_vous("partie3_risques", "q17g"),
md("""## 9. Question 17 — Le SDET répond-il aux recommandations de la CNIL ?

Le corrigé de 2013 répondait « Oui » : les recommandations de la CNIL portent sur la
sécurité de l'accès aux données, le contrôle des accès et la traçabilité, et le SDET y
répond. La grille ci-dessous croise chaque point de l'avis de la CNIL (document 1) avec les
exigences du SDET (document 2) et avec ce que l'on **observe réellement** dans l'ENT simulé
(la dernière colonne est calculée en interrogeant la simulation, pas recopiée) :"""),
code("from entsim.attaques.q17 import grille_q17, elements_q17\nent = ENT.demo()\n"
     "grille_q17(ent)"),
md("""Pour préparer votre conclusion, les **éléments à discuter** (ce que la grille compte, et
les questions à vous poser) ; la conclusion, c'est vous qui l'écrivez :"""),
code("print(elements_q17(ent))"),
a_vous("partie3_risques", "q17h"),
md("""## Et maintenant ?

La **fiche à rendre** `exercises/partie3_risques.ipynb` pose aussi les questions du
laboratoire d'attaques (notebook 05). Vérifiez que chaque question a sa réponse (la cellule
« Bilan » les récapitule), enregistrez (*Ctrl + S*) et déposez la fiche dans le **casier**
de votre professeur sur l'ENT."""),
]

ecrire_notebook(cellules, "06_enquete_et_synthese.ipynb")
