import sys
from pathlib import Path

import nbformat as nbf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fiches_notebook import avec_commencer  # noqa: E402
nb = nbf.v4.new_notebook()
md = nbf.v4.new_markdown_cell
code = nbf.v4.new_code_cell
def ignore(src):
    c = code(src); c.metadata["tags"] = ["nbval-ignore-output"]; return c
def erreur(src):
    """Une cellule qui montre une erreur exprès (nbval et nbconvert l'attendent)."""
    c = code(src); c.metadata["tags"] = ["raises-exception"]; return c
# Section « Et si je me trompe ? » (issue 16, § 2) : les erreurs de Python expliquées en
# français par entsim.widgets.erreurs, branché par la première cellule, commencer().
ERREURS = [
md("""### Et si je me trompe ?

Une faute de frappe, une parenthèse oubliée : Python s'arrête et affiche un message. Dans ce
cours, ce message est **expliqué en français** dans un encadré ⚠ : ce qui ne va pas, comment
corriger, et la ligne concernée (l'endroit fautif est souligné). La ligne rouge en dessous est
le message d'origine de Python, en anglais : vous n'avez pas besoin de la lire (votre
professeur, lui, s'en sert ; l'encadré la garde aussi sous « Détails pour le professeur »).

La cellule ci-dessous contient une faute exprès : `nombre_eleve` au lieu de `nombre_eleves`.
Exécutez-la et lisez l'encadré."""),
erreur('print("Feuilles à imprimer :", nombre_eleve)'),
md("""Corrigez la cellule (ajoutez le **s**) et exécutez-la de nouveau : le message disparaît.
Rien n'est cassé ! Une autre faute fréquente, la parenthèse oubliée :"""),
erreur('print("Bonjour !"'),
md("""Quand l'encadré dit qu'un nom « n'est pas défini » alors qu'il l'est plus haut, c'est
souvent qu'une cellule n'a pas été exécutée : exécutez les cellules dans l'ordre (ou *Noyau →
Redémarrer le noyau et exécuter toutes les cellules*)."""),
]
cells = [
md("""# 00 — Démarrer avec entsim

**entsim** simule l'**Espace Numérique de Travail (ENT)** d'un lycée : le portail par lequel
élèves, parents, enseignants et personnels accèdent, avec **une seule connexion**, à la
messagerie, au cahier de textes, aux notes, aux absences, aux ressources numériques…

Ce cours accompagne une séquence de terminale STMG, spécialité « management, sciences de
gestion et numérique » (MSGN), enseignement spécifique « systèmes d'information de gestion »
(SIG) : *« L'ENT, les impacts sur l'organisation du travail et les risques associés »*.
Question de gestion : **les évolutions technologiques sont-elles exemptes de risques pour
l'organisation ?**

| Partie | Ce que vous allez faire |
|---|---|
| 1. Définir l'ENT (questions 1 à 3) | vous connecter à l'ENT simulé, recenser ses services et leurs finalités |
| 2. L'impact sur le travail (questions 4 à 6) | repérer les acteurs, les avantages pour chacun, mener une enquête |
| 3. Les risques et les protections (questions 7 à 17) | la CNIL et le RGPD, l'authentification, l'autorisation, le SSO, les attaques et leurs parades |

Dans ce premier notebook, on apprend à se servir d'un notebook et on fait connaissance avec
le lycée simulé et les services de son ENT."""),
# première cellule de code de chaque notebook : mode projection et erreurs en français
code("from entsim.widgets import commencer\ncommencer()"),
md("""## 1. Un notebook, comment ça marche ?

Un notebook est une suite de **cellules** :

- les cellules de **texte** (comme celle-ci) expliquent ;
- les cellules de **code** (sur fond gris, avec `[ ]:` à gauche) demandent quelque chose à
  l'ordinateur.

Pour exécuter une cellule : cliquez dedans puis appuyez sur **Maj + Entrée**
(ou sur le bouton ▶). Le résultat s'affiche juste en dessous. Pendant le calcul, on voit
`[*]` à gauche ; ensuite un numéro.

**Exécutez les cellules dans l'ordre, de haut en bas.** Si quelque chose semble bloqué :
menu *Noyau → Redémarrer le noyau et exécuter toutes les cellules*. (Les menus sont en
français si JupyterLab a été lancé par `scripts/ouvrir_cours.sh` ; sinon : *Settings →
Language → Français*.)

Essayez avec la cellule ci-dessous : elle affiche un message."""),
code('print("Bonjour ! Mon notebook fonctionne.")'),
md("""Une cellule de code peut aussi calculer. Modifiez le nombre d'élèves ci-dessous, puis
exécutez à nouveau la cellule (Maj + Entrée) : c'est ainsi que vous « modifierez une ligne
et observerez » dans les exercices."""),
code('nombre_eleves = 35\nprint("Une circulaire imprimée pour chaque élève :", nombre_eleves, "feuilles. Publiée sur l\'ENT : 0 feuille.")'),
*ERREURS,
md("""Pensez à **enregistrer** régulièrement votre travail : *Ctrl + S*."""),
md("""## 2. Ouvrir l'ENT simulé

La ligne ci-dessous crée l'ENT de démonstration : un lycée, une classe de terminale STMG,
les familles, les enseignants et les personnels. La simulation a sa propre **horloge** (elle
n'avance que quand on le lui demande) et une **graine** : avec la même graine, tout le monde
obtient exactement le même lycée."""),
code("from entsim import ENT\nent = ENT.demo()"),
code("ent"),
md("""## 3. Le lycée et ses acteurs

Un ENT connaît chaque personne par un **profil** : Élève, Parent (responsable légal),
Enseignant, Personnel (direction, vie scolaire, intendance, CDI, secrétariat) ou Invité
(partenaires extérieurs). Certaines personnes ont en plus une **fonction** : chef
d'établissement, professeur principal, administrateur local…"""),
code("ent.etablissement.resume()"),
md("Les classes du lycée simulé :"),
code("ent.etablissement.tableau_classes()"),
md("""Les élèves, avec leur identifiant de connexion (sur le modèle `prénom.nom`, sans
accents, avec un numéro en cas d'homonyme) :"""),
code("ent.etablissement.tableau_eleves()"),
md("""Chaque élève est relié à un ou deux **responsables légaux** ; c'est ce lien qui permettra
plus tard à un parent de voir les notes de *son* enfant, et seulement les siennes."""),
code("ent.etablissement.tableau_liens_familiaux()"),
md("""Le personnel de l'établissement et les comptes extérieurs (collège de secteur, invité) :"""),
code('ent.etablissement.tableau_personnes(profils=["Personnel", "Invité"])'),
md("""### Un widget pour explorer

Un **widget** est un petit élément interactif (liste déroulante, bouton, case à cocher…).
Choisissez une classe dans la liste : les élèves, leurs responsables et l'équipe
pédagogique s'affichent. La phrase sous la liste résume ce qui est affiché."""),
ignore("from entsim.widgets import ExplorateurClasses\nExplorateurClasses(ent)"),
md("""## 4. Les services de l'ENT

Le **catalogue** recense les services de l'ENT. Le tableau ci-dessous donne, pour chacun,
sa famille et sa **finalité** (à quoi il sert) : vous en aurez besoin pour la question 1.
Le catalogue complet (`ent.catalogue.tableau()`) dit aussi quels profils utilisent chaque
service, quelles **données personnelles** il traite et combien de temps elles sont
conservées."""),
code('ent.catalogue.tableau()[["Service", "Famille", "Finalité"]]'),
md("""La page du ministère (2022) range ces services en cinq familles. Le schéma ci-dessous est
construit à partir du catalogue : chaque profil entre par un **point d'entrée unique**."""),
ignore("from entsim.diagrammes import carte_ent\ncarte_ent(ent)"),
md("""Choisissez un profil dans la liste : le widget affiche les services qu'il utilise, et
s'il peut seulement les **lire** ou aussi y **écrire**."""),
ignore("from entsim.widgets import ExplorateurServices\nExplorateurServices(ent)"),
md("""Sans widget, on obtient la même information avec une ligne de code. Changez `"Parent"`
en `"Élève"` ou `"Enseignant"` et exécutez de nouveau :"""),
code('ent.catalogue.tableau(profil="Parent")[["Service", "Usage"]]'),
md("""## 5. Et ensuite ?

Vous savez exécuter une cellule, modifier une ligne et utiliser un widget. Dans les
notebooks suivants, vous vous connecterez à l'ENT, vous regarderez ce qui se passe en
coulisses (tickets, journal, autorisations) et vous jouerez tour à tour le rôle d'un
élève, d'un parent, d'un enseignant… et d'un attaquant.

*Pour l'enseignant qui projette :* l'interrupteur « Mode projection » de la première
cellule agrandit les widgets, les tableaux et les schémas de tous les notebooks ouverts ;
le menu *Affichage → Mode présentation* agrandit en plus le code."""),
]
nb.cells = avec_commencer(cells)
nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
nb.metadata["language_info"] = {"name": "python"}
nbf.write(nb, "/work/main/notebooks/00_demarrage.ipynb")
