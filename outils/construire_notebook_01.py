"""Construit notebooks/01_definir_l_ent.ipynb (partie 1 du cours, questions 1 à 3).

Le notebook est la source qu'on corrige à la main ensuite si besoin ; ce script sert à le
reconstruire proprement :  .venv/bin/python outils/construire_notebook_01.py
puis l'exécuter : .venv/bin/jupyter nbconvert --to notebook --execute --inplace <notebook>
"""
import sys
from pathlib import Path

import nbformat as nbf

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fiches_notebook import a_vous, avec_commencer  # noqa: E402

nb = nbf.v4.new_notebook()
md = nbf.v4.new_markdown_cell


def code(source, *tags):
    cellule = nbf.v4.new_code_cell(source)
    if tags:
        cellule.metadata["tags"] = list(tags)
    return cellule


def widget(source):
    return code(source, "nbval-ignore-output")


cellules = [
md("""# 01 — Définir l'espace numérique de travail

**Partie 1 du cours — questions 1 à 3.** Vous allez :

1. vous **connecter** à l'ENT simulé, comme sur l'ENT du lycée ;
2. faire l'**inventaire** de ses services et de leurs **finalités** (question 1) ;
3. dire lesquels **vous** utilisez, et dans quel contexte (question 2) ;
4. proposer une utilisation d'un service que la classe n'utilise pas, par exemple le
   **forum** (question 3).

Ce notebook vous fait **explorer** l'ENT ; les questions se posent dans la **fiche à
rendre**, `exercises/partie1.ipynb` : ouvrez-la à côté. Chaque fois que vous lisez
« ✍️ **À vous, dans la fiche** », répondez à la question indiquée dans la fiche."""),
code("from entsim import ENT\nent = ENT.demo()"),
md("""## 1. Se connecter à l'ENT

Voici la page d'accueil de l'ENT du lycée Jean-Moulin. Connectez-vous en tant que
**Léa Martin**, élève de terminale STMG :

- identifiant : `lea.martin`
- mot de passe : `Cahier!Vert2026`

Lisez aussi l'encadré **« Information sur vos droits »** : le chef d'établissement doit
informer chaque utilisateur de ses droits (RGPD, article 13), et la CNIL, dans son avis de
2006 sur les ENT, a rappelé que cette information doit figurer sur la page d'accueil du
portail. Le panneau **« Dans les coulisses »** montre ce que le serveur voit pendant que
vous cliquez (vous l'étudierez en partie 3).

*Attention :* après 5 mots de passe faux, le compte est bloqué 15 minutes. Ces chiffres sont
un réglage de l'ENT simulé, comme dans les logiciels d'ENT courants, pas une règle de la
CNIL : elle recommande seulement de bloquer ou de ralentir les essais après plusieurs
échecs. L'horloge de la simulation n'avance pas toute seule : le bouton « Attendre la fin du
blocage » la fait avancer."""),
code("from entsim.widgets.portail import Portail\nportail = Portail(ent)", ),
widget("portail"),
md("""*Sans souris (ou pour le professeur qui projette)*, la même connexion s'écrit en une
ligne ; le portail affiché ci-dessus se met à jour :"""),
code('print(portail.se_connecter("lea.martin", "Cahier!Vert2026"))'),
md("""Un mauvais mot de passe est refusé, avec un message qui ne dit pas si c'est
l'identifiant ou le mot de passe qui est faux (pour ne rien apprendre à un pirate) :"""),
code('print(Portail(ent, coulisses=False).se_connecter("lea.martin", "soleil"))'),
md("""## 2. Question 1 — L'inventaire des services et de leurs finalités

Une fois connectée, Léa voit des **tuiles** : une par service qu'un élève peut utiliser,
rangées par famille. Cliquez sur quelques tuiles du portail ci-dessus pour ouvrir les
services (cahier de textes, notes, emploi du temps, forum…).

Le **catalogue** de l'ENT donne, pour chaque service, sa **finalité** (à quoi il sert) :
c'est aussi ce que la loi demande de préciser pour chaque traitement de données
personnelles."""),
code('ent.catalogue.tableau(profil="Élève")[["Service", "Famille", "Usage", "Finalité"]]'),
a_vous("partie1", "q1a", "q1b", "q1c",
       aide="Le tableau ci-dessus (colonnes « Famille » et « Finalité ») et le portail "
            "vous aident ; la fiche affiche aussi le catalogue."),
md("""### Le même ENT, un portail différent pour chaque profil

Un parent, un enseignant ou un membre de la vie scolaire ne voient pas les mêmes tuiles que
Léa. Changez de rôle avec la liste **« Voir en tant que »** du portail, ou en une ligne :"""),
code('print(portail.changer_de_role("mere"))'),
code('ent.catalogue.tableau(profil="Parent")[["Service", "Usage"]]'),
md("""Mieux : la **même donnée** (les notes de Léa) vue par chaque rôle. Sa mère les voit ;
le père d'un autre élève, non ; la conseillère principale d'éducation (CPE) et le
professeur principal, oui, pour leur mission."""),
code("from entsim.widgets.portail import MemeActionParRole\ncomparaison = MemeActionParRole(ent, \"notes\")"),
widget("comparaison"),
code("print(comparaison.texte())"),
md("""## 3. Question 2 — Les services que vous utilisez

Vous avez vu les tuiles de Léa, puis celles des autres profils. Et **vous** : quels
services de l'ENT du lycée utilisez-vous, quand, pour quoi faire, avec qui ? Il n'y a pas
une seule bonne réponse : votre professeur lira la vôtre."""),
a_vous("partie1", "q2"),
md("""## 4. Question 3 — Un service que la classe n'utilise pas : le forum

Dans le portail, Léa ouvre le **forum** : la catégorie « Entraide SIG TSTMG1 » compte déjà
quelques sujets. (Si vous avez changé de rôle plus haut, revenez d'abord à Léa.)"""),
code('print(portail.changer_de_role("eleve"))'),
code('print(portail.ouvrir("forum"))'),
md("""Quelques idées d'utilisation de services peu utilisés, pour vous lancer :

| Service | Une situation de classe |
|---|---|
| Forum | Une catégorie « Révisions du bac » où les élèves posent leurs questions et se répondent, le professeur validant les réponses. |
| Wiki | Un lexique de SIG écrit à plusieurs (authentification, SSO, RGPD…), enrichi au fil de l'année. |
| Pad collaboratif | La préparation à plusieurs de l'interview d'un acteur de l'ENT (question 6). |
| Sondages | Un questionnaire aux élèves de seconde sur leur usage de l'ENT, analysé en classe. |

Ces idées ne sont que des exemples : la fiche vous demande une situation **de votre
classe**."""),
a_vous("partie1", "q3"),
md("""## 5. Et maintenant ?

- Pour rendre votre travail : dans la fiche `exercises/partie1.ipynb`, vérifiez que chaque
  question a sa réponse (la cellule « Bilan » les récapitule), enregistrez (*Ctrl + S*) et
  déposez-la dans le **casier** de votre professeur sur l'ENT.
- Avant de fermer, déconnectez-vous : chaque service ouvert est prévenu (vous verrez
  comment en partie 3)."""),
code("print(portail.se_deconnecter())"),
]

nb.cells = avec_commencer(cellules)
nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                             "name": "python3"}
nb.metadata["language_info"] = {"name": "python"}
nbf.write(nb, "notebooks/01_definir_l_ent.ipynb")
