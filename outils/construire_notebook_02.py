"""Construit notebooks/02_travail_et_coordination.ipynb (partie 2 du cours, questions 4 à 6).

Le notebook est reconstruit par ce script :  .venv/bin/python outils/construire_notebook_02.py
puis exécuté : bash outils/executer_notebook.sh notebooks/02_travail_et_coordination.ipynb
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fiches_notebook import a_vous, code, ecrire_notebook, ignorer_sortie  # noqa: E402
from fiches_notebook import markdown as md  # noqa: E402


widget = ignorer_sortie


cellules = [
md("""# 02 — L'ENT, le travail et la coordination des acteurs

**Partie 2 du cours — questions 4 à 6.** L'ENT ne sert pas qu'à consulter des notes : il
change la façon dont les acteurs de l'établissement **travaillent**, se **coordonnent** et
**échangent**. Vous allez :

1. retrouver les **acteurs** internes et externes concernés par l'ENT (question 4) ;
2. dire, pour chacun, les **avantages** et les **limites** de l'ENT (question 5) ;
3. observer l'usage de l'ENT sur **toute une année** dans un lycée simulé de 400 élèves
   (celui de la fiche) : qui se connecte, quand, pour quoi faire ;
4. comparer une tâche de coordination **avant** et **avec** l'ENT ;
5. préparer une **enquête** auprès d'un acteur et analyser des réponses (question 6).

Ce notebook vous fait **explorer** ; les questions se posent dans la **fiche à rendre**,
`exercises/partie2.ipynb` : ouvrez-la à côté. Chaque fois que vous lisez « ✍️ **À vous,
dans la fiche** », répondez à la question indiquée dans la fiche."""),
md("""## 1. Question 4 — Les acteurs de l'ENT

Un ENT concerne bien plus de monde que les élèves et leurs professeurs. Le corrigé du cours
(2013) cite l'administration (direction, vie scolaire, intendance), les élèves, les
enseignants, les parents, le collège de secteur et des partenaires ; la page du ministère
(2022) ajoute la **collectivité** (la Région pour un lycée), qui finance les équipements et
l'ENT, le **référent pour les usages pédagogiques numériques** (RUPN) et la délégation
académique au numérique éducatif (DANE, devenue **DRANE** à l'échelle de la région
académique). Le tableau ci-dessous les présente, avec le profil de leur compte quand ils en
ont un."""),
code("from entsim.organisation import tableau_acteurs\ntableau_acteurs()[[\"Acteur\", \"Famille\", \"Profil ENT\"]]"),
md("""Un acteur **interne** travaille dans l'établissement ; un acteur **externe** agit de
l'extérieur, même s'il a un compte dans l'ENT."""),
a_vous("partie2", "q4a", "q4b", "q4c",
       aide="Répondez avant d'afficher le tableau complet ci-dessous : il sert ensuite à "
            "vérifier et à comprendre."),
md("""Le tableau complet, avec la position (interne ou externe) et le rôle de chacun, et une
remarque quand le classement mérite une explication (les parents, par exemple) :"""),
code("tableau_acteurs()"),
md("""## 2. Question 5 — Avantages et limites pour chaque acteur

Le corrigé de 2013 ne donnait que des **avantages** (communication plus efficace, économie de
papier, meilleur suivi des enfants, travail collaboratif…). La page du ministère de 2022 en
nomme une **limite** : la **fracture numérique** — toutes les familles n'ont pas un
ordinateur, une bonne connexion, ni l'aisance pour s'en servir. On en connaît d'autres :
trop de messages, des messages le soir et le week-end, la dépendance au réseau."""),
a_vous("partie2", "q5a", "q5b", "q5c",
       aide="La suite de ce notebook (l'année simulée, la coordination, l'enquête) vous "
            "donne des exemples : vous pourrez compléter vos tableaux ensuite."),
md("""## 3. Une année d'ENT dans un lycée de 400 élèves

Pour voir comment l'ENT change le travail de chacun, rien ne vaut les **traces** : chaque
connexion, chaque service ouvert, chaque message laisse une ligne dans le **journal** de
l'ENT (vous l'étudierez en partie 3). La cellule suivante **simule** l'usage de l'ENT d'un
lycée de 400 élèves (le même que dans la fiche) pendant toute l'année scolaire 2025-2026 (du
1er septembre au début de juillet, avec les vacances de la zone du lycée) : plus de deux
millions et demi de lignes, en quelques secondes. Pour un lycée de 2 000 élèves
(`ENT(2026, taille=2000)`), il y en aurait plus de dix millions, avec les mêmes rythmes. Les
lectures et les messages simulés respectent les règles d'accès de
l'ENT (un parent ne lit que les notes de ses enfants…).

*Les rythmes sont un **modèle** : ils s'inspirent des usages décrits par les
établissements, ce ne sont pas des mesures d'un vrai lycée.*"""),
code("from entsim import ENT\nfrom entsim.activite import simuler_activite\nlycee = ENT(2026, taille=400)"),
widget("annee = simuler_activite(lycee, \"annee\")"),
code("print(annee.resume())"),
md("""Le journal simulé a **les mêmes colonnes** que le journal de l'ENT : date, opération,
identité, service, poste, résultat, détail, objet. Voici ses premières lignes, sans les
colonnes « Détail » et « Objet », qui contiennent des phrases entières (`annee.journal.head(7)`
les montre toutes) :"""),
code('annee.journal.head(7).drop(columns=["Détail", "Objet"])'),
md("""### Qui se connecte, et quand ?

La **carte horaire** compte les connexions par heure (en lignes) et par jour de la semaine
(en colonnes) : plus la case est claire, plus il y a de connexions. Commençons par les
parents."""),
code('annee.carte_horaire("Parent")'),
md("""Comparez avec les élèves, les enseignants et les personnels (vie scolaire, direction,
secrétariat, gestion). Changez le profil dans la ligne ci-dessous : `"Élève"`,
`"Enseignant"`, `"Personnel"`."""),
code('annee.carte_horaire("Enseignant")'),
md("""**À observer.** Les enseignants travaillent sur l'ENT après les cours, le soir et…
le dimanche soir : c'est là que le **droit à la déconnexion** se pose. La vie scolaire,
elle, est active le matin (l'appel, les absences, les appels aux familles)."""),
md("""### L'année, semaine par semaine

La courbe suivante compte les connexions de chaque profil, semaine après semaine ; les
bandes hachurées sont les **vacances scolaires**."""),
code("annee.courbe_de_l_annee()"),
md("""### Quels services pour quel profil ?"""),
code("annee.services_par_profil()"),
md("""### La coordination : qui écrit à qui ?

La messagerie de l'ENT relie les acteurs selon une **matrice** fixée par l'établissement
(un élève n'écrit pas à n'importe qui). Voici les messages de l'année, par profil de
l'expéditeur (en lignes) et du destinataire (en colonnes) :"""),
code("annee.messages_entre_profils()"),
md("""### Le travail à faire publié à l'avance

Dans le **cahier de textes** en ligne, les enseignants publient le travail à faire avant
la date prévue : élèves et parents peuvent s'organiser. Combien de jours à l'avance ?"""),
code("annee.delais_des_devoirs()"),
md("""### Du papier en moins

Chaque message aux familles, chaque devoir publié en ligne, chaque relevé de notes consulté
sur l'ENT remplace, peut-être, une feuille imprimée. C'est une **estimation** : elle repose
sur des hypothèses, affichées avec le résultat — changez-les pour voir."""),
code("print(annee.papier_economise())"),
a_vous("partie2", "q5d", "q5e",
       aide="Appuyez-vous sur la carte horaire des parents et sur la courbe de l'année "
            "ci-dessus (la fiche simule la même année, dans le même lycée de 400 élèves)."),
md("""## 4. Une tâche de coordination, avant et avec l'ENT

Une élève est absente en première heure. Il faut que sa famille le sache, et que l'absence
soit justifiée. Comment fait-on **avant l'ENT** (papier et téléphone), et **avec l'ENT** ?"""),
a_vous("partie2", "q5f", "q5g",
       aide="Répondez d'abord, puis comparez avec le tableau ci-dessous."),
md("""La comparaison, étape par étape (les délais sont des **ordres de grandeur**, pas des
mesures) :"""),
code("from entsim.organisation import comparaison_coordination\ncomparaison = comparaison_coordination()\ncomparaison"),
widget("from entsim.diagrammes import schema_coordination\nschema_coordination()"),
code("print(schema_coordination())"),
md("""**À retenir.** Avec l'ENT, l'information est saisie **une fois**, par celui qui la
constate, et chacun la voit aussitôt : moins d'étapes, moins d'acteurs, un délai qui passe
de jours à heures. Mais la famille doit pouvoir lire l'avis : pour celle qui n'a pas
d'accès au numérique, le téléphone reste indispensable (la fracture numérique)."""),
md("""## 5. Question 6 — Enquêter auprès des acteurs

Le cours vous demande d'**interviewer** un acteur de l'ENT (un groupe par acteur) sur trois
questions :

1. Quelles **fonctionnalités** utilise-t-il ?
2. Quelles **évolutions** constate-t-il dans son travail, sa coordination et ses échanges
   avec les autres acteurs ?
3. Quels sont pour lui les **avantages** et les **limites** de l'ENT ?

### Le questionnaire

Le formulaire ci-dessous propose un questionnaire pour chaque acteur. Choisissez l'acteur
de votre groupe, saisissez les réponses de la personne interrogée, puis **Enregistrez** :
chaque réponse s'ajoute au fichier `enquete_groupe.csv` (il se rouvre dans un tableur).
**Aucun nom n'est demandé** : on ne collecte que ce qui sert l'enquête (le RGPD appelle cela
la *minimisation* des données)."""),
widget('from entsim.widgets import Questionnaire\nQuestionnaire("enquete_groupe.csv")'),
md("""Pour mettre en commun les fichiers de tous les groupes, le professeur les **fusionne** :
`fusionner(["groupe1.csv", "groupe2.csv", …])` (une réponse présente deux fois n'est comptée
qu'une fois, un fichier abîmé est signalé sans bloquer les autres).

### Analyser les réponses

Le cours fournit un jeu de **réponses d'exemple** (synthétiques : aucune personne réelle)
pour s'entraîner à l'analyse avant d'avoir les vôtres."""),
code("from entsim.enquete import analyser, charger_exemple\nreponses = charger_exemple()\nanalyse = analyser(reponses)\nprint(analyse)"),
code("analyse.effectifs"),
md("""Les **avantages** et les **limites** les plus cités par un acteur, avec une citation
pour chacun :"""),
code('analyse.limites_de("Enseignant")'),
code('from entsim.enquete import graphique_avantages_limites\ngraphique = graphique_avantages_limites(reponses, "Enseignant")\ngraphique'),
md("""Pour votre diaporama, le graphique s'enregistre en image PNG :"""),
code('graphique.enregistrer_png("avantages_limites_enseignants.png")'),
md("""Les fonctionnalités utilisées par chaque acteur :"""),
code("from entsim.enquete import graphique_fonctionnalites\ngraphique_fonctionnalites(reponses)"),
md("""### La présentation orale

Votre professeur évaluera la présentation de votre enquête avec cette grille (vous pouvez
vous en servir pour la préparer) :"""),
code("from entsim.enquete import grille\ngrille()"),
a_vous("partie2", "q6a", "q6b", "q6c", "q6d", "q6e",
       aide="Pour compter les parents et trouver la limite la plus citée, la fiche refait "
            "l'analyse du jeu de réponses d'exemple (les mêmes tableaux qu'ici)."),
md("""## 6. Et maintenant ?

Dans la fiche `exercises/partie2.ipynb`, vérifiez que chaque question a sa réponse (la
cellule « Bilan » les récapitule), enregistrez (*Ctrl + S*) et déposez-la dans le
**casier** de votre professeur sur l'ENT. La partie 3 du cours étudie les
**risques** de l'ENT : les données personnelles que ce journal contient, et comment on les
protège."""),
]

ecrire_notebook(cellules, "02_travail_et_coordination.ipynb")
