"""Construit notebooks/05_attaques_et_protections.ipynb (partie 3 : le laboratoire d'attaques).

    .venv/bin/python outils/construire_notebook_05.py
    bash outils/executer_notebook.sh notebooks/05_attaques_et_protections.ipynb
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fiches_notebook import code, ecrire_notebook, ignorer_sortie  # noqa: E402
from fiches_notebook import markdown as md  # noqa: E402


mesure = ignorer_sortie


def scenario(numero, code_scenario, titre, texte, variable="s", journal=6):
    """Une attaque du laboratoire : l'histoire, les deux issues côte à côte, le journal."""
    return [
        md(f"## {numero}. {titre}\n\n{texte}"),
        code(f'{variable} = scenario("{code_scenario}")\nprint({variable}.histoire)'),
        code(f"print({variable}.comparer().texte())"),
        md("Ce que le **journal** de l'ENT a gardé de l'attaque (sans parade) :"),
        code(f"{variable}.resultats[False].journal.tail({journal})"),
    ]


cellules = [
md("""# 05 — Attaques et protections

**Partie 3 du cours — les risques de l'ENT et les solutions pour s'en prémunir.** La page du
ministère (2022) distingue deux familles de risques : ceux qui touchent l'**intégrité du
système** (un virus détruit des données, l'établissement ne fonctionne plus) et ceux qui
touchent la **sécurité des données personnelles**. Leurs causes sont **humaines** (un mot de
passe prêté), **organisationnelles** (aucune sauvegarde) ou **techniques** (des mots de passe
mal stockés).

Chaque attaque de ce laboratoire se joue **deux fois** sur l'ENT simulé : sans protection,
puis avec la **parade**. On compare les deux issues, on lit ce que le journal en a gardé, et
le **risque** (gravité × vraisemblance, de 1 à 4) avant et après.

> Tout se passe dans la simulation : rien ici n'attaque un vrai site, un vrai compte ou un
> vrai réseau. Attaquer un système sans autorisation est un délit (Code pénal, art. 323-1).

Pour chaque attaque : `s.comparer()` joue les deux parties ; `s.indice()` donne un indice (il
reste affiché) ; `s.reinitialiser()` remet l'ENT de l'attaque à zéro, sans redémarrer le
notebook."""),
code("from entsim.attaques import scenario, catalogue\ncatalogue()"),
*scenario(1, "devinette_en_ligne", "Deviner un mot de passe en ligne", """Un attaquant essaie,
sur la page de connexion, les mots de passe les plus courants. Sans limite, il finit par
trouver ; avec le **blocage** du compte après 5 échecs (un réglage de l'ENT), il n'a plus que
quelques essais par heure."""),
md("""### Pourquoi 50 bits suffisent avec blocage, et 80 sans

La CNIL (délibération 2022-100) recommande **80 bits** d'entropie pour un mot de passe seul, mais
**50 bits** quand l'accès est restreint (blocage, temporisation) : l'attaquant ne peut plus
essayer des milliards de mots de passe."""),
code("from entsim.attaques.seuils import phrase_seuils_cnil, tableau_seuils_cnil\n"
     "print(phrase_seuils_cnil())"),
code("tableau_seuils_cnil()"),
*scenario(2, "pulverisation", "La pulvérisation de mots de passe", """Au lieu de viser un
compte, l'attaquant essaie **un** mot de passe courant sur **tous** les comptes : chaque
compte ne voit qu'un échec, le blocage ne se déclenche jamais."""),
*scenario(3, "bourrage_identifiants", "Des mots de passe volés ailleurs", """Un site de jeux a
été piraté ; ses identifiants circulent. Certains parents utilisent le même mot de passe
partout : l'attaquant les essaie sur l'ENT (le *bourrage d'identifiants*)."""),
*scenario(4, "hameconnage", "Une fausse page de connexion", """Un courriel imite EduConnect
et envoie vers une fausse page. Tout est dans l'**adresse** : on la lit de droite à
gauche."""),
code("from entsim.attaques.hameconnage import lire_adresse\n"
     "lire_adresse(\"https://educonnect.education.gouv.fr.connexion-securisee.example/\")"),
code("lire_adresse(\"https://educonnect.education.gouv.fr/\")"),
*scenario(5, "session_oubliee_cdi", "Une session oubliée au CDI", """Léa consulte ses notes
sur un poste du CDI et part… sans se déconnecter. Hugo s'assied à sa place."""),
code("s.indice()"),
*scenario(6, "parent_curieux", "Le parent curieux", """Un parent remarque l'identifiant de
sa fille dans l'adresse de la page des notes et le remplace par celui d'une camarade."""),
*scenario(7, "rejeu_de_ticket", "Voler ou rejouer un ticket de service", """Sur le Wi-Fi du
CDI, un espion capture un ticket de service (ST-…) et essaie de s'en servir."""),
*scenario(8, "vol_de_base", "Le vol de la base des mots de passe", """Un attaquant a copié
la base des comptes de l'ENT. Hors ligne, rien ne le freine : ni blocage, ni journal. Tout
dépend de la façon dont les mots de passe sont **stockés**."""),
md("""### Le laboratoire de cassage

Les mêmes 9 mots de passe (6 faibles, 3 solides), stockés de quatre façons : en clair, en
MD5 sans sel, en PBKDF2 et en Argon2 (salés et lents ; la CNIL recommande scrypt ou Argon2).
L'attaquant essaie un dictionnaire de mots de passe courants. La cellule met plusieurs
secondes, et c'est voulu : elle calcule de vraies empreintes PBKDF2 et Argon2, conçues pour
être lentes. Cette lenteur, qui ne gêne pas une connexion, est justement ce qui freine
l'attaquant :"""),
code("labo = s.laboratoire()\nprint(labo.texte())"),
md("""Combien d'essais par seconde ? Les vitesses sont **mesurées sur votre ordinateur**, à
l'instant (elles changent d'une machine à l'autre), puis comparées à celles d'une carte
graphique de joueur (RTX 4090, chiffres publiés pour le logiciel hashcat) :"""),
mesure("print(labo.mesures)"),
mesure("labo.mesure_tableau_epuisement()"),
*scenario(9, "compte_prete", "Un compte prêté à un ami", """Léa prête son identifiant et son
mot de passe à un ami « juste pour voir un devoir »."""),
*scenario(10, "initie_curieux", "Un initié curieux", """Un enseignant veut voir les notes
d'une classe qui n'est pas la sienne."""),
*scenario(11, "journal_falsifie", "Un journal falsifié", """Quelqu'un qui a accès au serveur
efface les lignes du journal qui montrent ce qu'il a fait."""),
*scenario(12, "rancongiciel", "Un rançongiciel", """Un virus chiffre tous les documents de
l'espace documentaire et réclame une rançon."""),
md("""## Et maintenant ?

Le notebook suivant (`06_enquete_et_synthese.ipynb`) part du journal d'un trimestre où des
attaques ont été cachées : à vous de les retrouver, puis de placer chaque risque sur une
carte et de répondre à la question 17."""),
]

ecrire_notebook(cellules, "05_attaques_et_protections.ipynb")
