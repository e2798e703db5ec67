"""Construit le corrigé solutions/partie3_risques.ipynb (partie 3c et question 17).

    .venv/bin/python outils/construire_fiche_partie3_risques.py
    bash outils/executer_notebook.sh solutions/partie3_risques.ipynb
    .venv/bin/python -m entsim.questions generer
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fiches_notebook import (COMMENT_REPONDRE, RACINE, code, ecrire, markdown,  # noqa: E402
                             notebook_fiche)

from entsim_corrige import fiche_corrigee as fiche  # noqa: E402

f = fiche("partie3_risques")

plan = [
    markdown(f"""# Fiche — Partie 3c : les risques de l'ENT, les parades et la question 17

Les attaques du laboratoire (notebook 05), l'enquête dans le journal et la carte des risques
(notebook 06), et la question 17 du cours : le cahier des charges du ministère (SDET)
répond-il aux recommandations de la CNIL ?

{COMMENT_REPONDRE}

Exécutez d'abord la cellule ci-dessous : elle charge la fiche."""),
    markdown("""## Les attaques et leurs parades

Les attaques du laboratoire, avec leur famille de risques et leur cause :"""),
    code("from entsim.attaques import catalogue, scenario\ncatalogue()[[\"Attaque\", \"Cause\"]]"),
    "q17a", "q17b",
    markdown("""## Lire une adresse

Une fausse page de connexion se reconnaît à son **adresse** : le domaine est la fin du nom
d'hôte, lue de droite à gauche."""),
    code("from entsim.attaques.hameconnage import lire_adresse\n"
         "lire_adresse(\"https://educonnect.education.gouv.fr.connexion-securisee.example/\")"),
    "q17c", "q17d",
    markdown("""## Enquête dans le journal

La cellule suivante simule un trimestre d'ENT dans un lycée de 300 élèves, avec des
incidents cachés (quelques secondes) ; les fonctions d'enquête du notebook 06 sont
chargées."""),
    code("from entsim import ENT\nfrom entsim.activite import simuler_activite\n"
         "activite = simuler_activite(ENT(2026, taille=300), \"trimestre\", progression=False)\n"
         "journal = activite.journal"),
    code("from entsim.attaques.enquete_journal import rafales_d_echecs, acces_refuses\n"
         "rafales_d_echecs(journal)[[\"Tentatives\", \"Compte bloqué\"]]"),
    "q17e", "q17f",
    markdown("""## La carte des risques"""),
    code("from entsim.attaques.risques import carte_des_risques\ncarte_des_risques()"),
    "q17g",
    markdown("""## Question 17 — Le SDET répond-il aux recommandations de la CNIL ?

La grille croise les points de l'avis de la CNIL (document 1), les exigences du SDET
(document 2) et ce que l'on observe dans l'ENT simulé :"""),
    code("from entsim.attaques.q17 import grille_q17\ngrille_q17(ENT.demo())"),
    "q17h",
]

ecrire(notebook_fiche(f, plan, complement_professeur=(
    "La conclusion de la question 17 (17H) est notée par mots-clés sur les points attendus "
    "(`entsim_corrige.q17.POINTS_ATTENDUS`) : sa note est **provisoire**, relisez-la dans le "
    "carnet de correction et ajustez-la si besoin.")),
    RACINE / "solutions" / "partie3_risques.ipynb")
