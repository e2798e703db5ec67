"""Construit le corrigé solutions/partie2.ipynb (questions 4 à 6) à partir de sa banque.

    .venv/bin/python outils/construire_fiche_partie2.py
    bash outils/executer_notebook.sh solutions/partie2.ipynb
    .venv/bin/python -m entsim.questions generer      # → exercises/partie2.ipynb
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fiches_notebook import (COMMENT_REPONDRE, RACINE, code, ecrire, markdown,  # noqa: E402
                             notebook_fiche)

from entsim_corrige import fiche_corrigee as fiche  # noqa: E402

f = fiche("partie2")

plan = [
    markdown(f"""# Fiche — Partie 2 : l'ENT, le travail et la coordination des acteurs

Questions 4 à 6 du cours : les acteurs internes et externes de l'ENT, les avantages et les
limites pour chacun, l'usage de l'ENT sur une année, une tâche de coordination avant et avec
l'ENT, et l'enquête auprès d'un acteur.

{COMMENT_REPONDRE}

Exécutez d'abord la cellule ci-dessous : elle charge la fiche."""),
    markdown("""## Les acteurs de l'ENT

Le tableau des acteurs, rangés par famille, avec le profil de leur compte dans l'ENT quand
ils en ont un."""),
    code("from entsim.organisation import tableau_acteurs\ntableau_acteurs()[[\"Acteur\", \"Famille\", \"Profil ENT\"]]"),
    "q4a", "q4b", "q4c",
    markdown("""## Avantages et limites

Le corrigé de 2013 donnait un tableau des avantages de l'ENT pour chaque acteur ; la page du
ministère de 2022 ajoute une limite, la **fracture numérique**. Répondez avec vos mots."""),
    "q5a", "q5b", "q5c",
    markdown("""## Une année d'ENT, en graphiques

La cellule suivante simule l'usage de l'ENT d'un lycée de 400 élèves pendant l'année
scolaire 2025-2026 (quelques secondes), puis affiche la carte horaire des connexions des
parents et la courbe de l'année (les bandes hachurées sont les vacances)."""),
    code("from entsim import ENT\nfrom entsim.activite import simuler_activite\n"
         "annee = simuler_activite(ENT(2026, taille=400), \"annee\", progression=False)"),
    code('annee.carte_horaire("Parent")'),
    code("annee.courbe_de_l_annee()"),
    "q5d", "q5e",
    markdown("""## Prévenir une famille d'une absence

Une élève est absente en première heure : il faut que sa famille le sache et que l'absence
soit justifiée. Comparez le circuit **avant l'ENT** (papier et téléphone) et **avec
l'ENT**."""),
    "q5f", "q5g",
    markdown("""## L'enquête auprès des acteurs (question 6)

Le cours vous demande d'interviewer un acteur de l'ENT sur trois questions : les
fonctionnalités qu'il utilise ; les évolutions de son travail, de sa coordination et de ses
échanges ; les avantages et les limites de l'ENT."""),
    "q6a", "q6b",
    markdown("""La cellule suivante analyse le **jeu de réponses d'exemple** livré avec le cours
(réponses synthétiques : aucune personne réelle)."""),
    code("from entsim.enquete import analyser, charger_exemple\n"
         "analyse = analyser(charger_exemple())\nanalyse.effectifs"),
    code('analyse.limites_de("Enseignant")'),
    "q6c", "q6d", "q6e",
]

ecrire(notebook_fiche(f, plan, complement_professeur=(
    "Les cases rédigées des tableaux 5A et 5B sont notées par mots-clés : leur note est "
    "**provisoire**, relisez-les dans le carnet de correction et ajustez-la si besoin. "
    "Les questions 6A et 6E (le questionnaire du groupe, la synthèse de l'enquête) sont "
    "notées par vous : le carnet de correction affiche les repères trouvés dans la réponse.")),
    RACINE / "solutions" / "partie2.ipynb")
