"""Construit les deux notebooks de la partie 3b (questions 13 à 16), d'environ 45 minutes chacun :

- ``notebooks/04a_authentification.ipynb`` : s'identifier et s'authentifier, l'autorisation
  (et ses conditions d'horaire), le mot de passe (politique, entropie, empreinte stockée), les
  autres preuves (code à usage unique, certificat, signature, TLS), la trace au journal ;
- ``notebooks/04b_sso_cas.ipynb`` : le SSO (CAS, tickets), la propagation de l'identité
  (EduConnect, GAR), le schéma de la connexion (cinématique du SDET, à compléter), ticket
  rejoué, déconnexion unique, inactivité et durée maximale de session.

    .venv/bin/python outils/construire_notebook_04.py
    bash outils/executer_notebook.sh notebooks/04a_authentification.ipynb notebooks/04b_sso_cas.ipynb

Chaque section est une fonction qui rend sa liste de cellules ; :data:`SECTIONS_04B` les
range dans l'ordre. Pour ajouter une section à 04b (par exemple « L'ENT en vrai HTTP »),
passer sa fonction à :func:`cellules_04b` (``sections_en_plus``) : elle est placée avant la
conclusion (:func:`b_suite`), qui reste la dernière.

Les documents bruts (XML SAML et CAS, certificat PEM, paquets captés) sont repliés : dans
l'affichage des résultats (``<details>`` « Pour les curieux », visible même dans un notebook
non approuvé) et, pour les échanges HTTP détaillés, sous un titre « Pour les curieux »
replié (métadonnée ``jp-MarkdownHeadingCollapsed`` de JupyterLab).
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fiches_notebook import a_vous, code, ecrire_notebook, ignorer_sortie  # noqa: E402
from fiches_notebook import markdown as md  # noqa: E402

widget = ignorer_sortie
FICHE = "partie3_authentification"


def fiche(*qids, aide=""):
    """Le renvoi vers la fiche (issue 16, § 2 : chaque question est posée une fois, dans la
    fiche ; le notebook du cours fait explorer)."""
    return a_vous(FICHE, *qids, aide=aide)


def pour_les_curieux(titre, texte):
    """Un titre « Pour les curieux » replié à l'ouverture dans JupyterLab : les cellules qui
    suivent, jusqu'au titre suivant de même niveau, restent cachées tant qu'on ne le déplie
    pas (triangle à gauche du titre)."""
    cellule = md(f"### Pour les curieux : {titre}\n\n{texte}")
    cellule.metadata["jp-MarkdownHeadingCollapsed"] = True
    return cellule


def chargement():
    return [code("from entsim import ENT\nent = ENT.demo()")]


# ======================================================================================
# 04a — S'authentifier
# ======================================================================================

def a_introduction():
    return [md("""# 04a — S'authentifier : prouver qui l'on est

**Partie 3 du cours — questions 13 et 16** (environ 45 minutes). Léa Martin, élève de
terminale STMG, se connecte à l'ENT. Avant de lui ouvrir quoi que ce soit, l'ENT doit savoir
**qui** elle est, puis **ce qu'elle a le droit de faire**.

| Partie | Question |
|---|---|
| 1. S'identifier, s'authentifier | Q13 : l'authentification |
| 2. Ce que l'on a le droit de faire | Q13 : l'autorisation |
| 3. Le mot de passe | politique, robustesse, stockage |
| 4. D'autres preuves | Q16 : code à usage unique, certificat, signature, TLS |
| 5. La trace de tout cela | le journal de l'ENT |

Le notebook suivant, `04b_sso_cas.ipynb`, montre ce qui se passe **après** : le SSO, les
tickets et le schéma de la connexion (questions 13 à 15).

Exécutez les cellules **dans l'ordre** (Maj + Entrée). Les questions se posent dans la
**fiche à rendre**, `exercises/partie3_authentification.ipynb` : ouvrez-la à côté. Chaque
fois que vous lisez « ✍️ **À vous, dans la fiche** », répondez à la question indiquée dans la
fiche.

**Les sigles de ce notebook**

- **SDET** : schéma directeur des espaces numériques de travail, le cahier des charges des ENT écrit par le ministère (document 2 du cours).
- **AAS** : authentification, autorisation, SSO — les services du SDET qui contrôlent l'accès à l'ENT.
- **CNIL** : Commission nationale de l'informatique et des libertés.
- **TOTP** : code à usage unique calculé à partir de l'heure (*Time-based One-Time Password*).
- **TLS** : le protocole qui chiffre la connexion (le « S » de HTTPS)."""),
            *chargement()]


def a_identification():
    return [md("""## 1. Question 13 — S'identifier, s'authentifier

**S'identifier**, c'est dire qui l'on est : Léa donne son **identifiant**, `lea.martin`.
N'importe qui peut taper cet identifiant. **S'authentifier**, c'est le **prouver** : Léa
donne aussi son **mot de passe**, un secret qu'elle seule connaît. Le service
d'identification/authentification de l'ENT (SDET) vérifie la preuve. Avec une seule lettre
différente (une minuscule au début), la preuve est refusée :"""),
            code('print(ent.authentification.verifier_mot_de_passe("lea.martin", "Cahier!Vert2026"))\n'
                 'print(ent.authentification.verifier_mot_de_passe("lea.martin", "cahier!Vert2026"))'),
            fiche("q13a")]


def a_autorisation():
    return [md("""## 2. Question 13 — Ce que l'on a le droit de faire : l'autorisation

Une fois l'identité connue, le **service d'autorisation** décide, pour chaque action sur
chaque ressource. Léa est bien authentifiée… mais peut-elle lire les notes d'Hugo, un
camarade de classe ? Et sa mère, Sophie Martin, peut-elle lire celles de Léa ?"""),
            code('from entsim.demonstrations import peut_lire\n'
                 'peut_lire(ent, "lea.martin", "notes", "hugo.bernard")'),
            code('peut_lire(ent, "sophie.martin", "notes", "lea.martin")'),
            md("""### Une condition d'horaire

Le SDET le prévoit : une autorisation peut dépendre de **conditions**, « par exemple en
fonction de l'horaire ou de la typologie d'accès ». Le lycée décide que les élèves consultent
leurs notes de 7 h à 21 h. Une telle règle ne donne aucun droit de plus : elle ajoute une
condition."""),
            code("from datetime import time\n"
                 "from entsim.autorisation.service import Regle, PlageHoraire"),
            code("horaire = PlageHoraire(time(7), time(21))   # de 7 h à 21 h\n"
                 'regle = Regle("élève", "lire", "notes", conditions=horaire)'),
            code("regle = ent.autorisation.ajouter_regle(regle)\nprint(regle.libelle)"),
            code('print(ent.horloge.maintenant().strftime("Il est %H:%M."))\n'
                 'peut_lire(ent, "lea.martin", "notes", "lea.martin")'),
            md("Le soir, à 22 h, la même demande :"),
            code("ent.avancer(heures=14)   # 8 h → 22 h\n"
                 'peut_lire(ent, "lea.martin", "notes", "lea.martin")'),
            md("""Le lendemain matin, le lycée retire la règle (pour la suite du notebook).

À retenir : l'**authentification** vérifie *qui* vous êtes ; l'**autorisation** décide *ce
que vous pouvez faire*, et peut dépendre de l'heure ou du lieu. On s'authentifie une fois ;
l'autorisation est vérifiée à chaque accès."""),
            code("ent.autorisation.retirer_regle(regle)\n"
                 "_ = ent.avancer(heures=10)   # 22 h → 8 h, le lendemain"),
            fiche("q13b")]


def a_mot_de_passe():
    return [md("""## 3. Le mot de passe

Le SDET impose le mot de passe (« DOIT être proposé ») et une **politique de dureté** : une
longueur et des types de caractères minimaux, pas de mot de passe courant, ni son nom ou sa
date de naissance, pas de réutilisation. Voici celle de l'ENT simulé :"""),
            code("from entsim.demonstrations.mot_de_passe_invente import politique_de_l_ent\n"
                 "politique_de_l_ent(ent)"),
            md("""> **Une mise à jour du corrigé de 2013.** Il conseillait de renouveler « régulièrement »
> son mot de passe : ce n'est plus la recommandation. Dans sa délibération n° 2022-100, la
> CNIL **recommande** (ce n'est pas une obligation) de ne plus imposer de changement
> périodique pour les comptes ordinaires, comme ceux des élèves : on change son mot de passe
> **s'il a pu être compromis**. Elle le conseille encore pour les comptes à privilèges (les
> administrateurs), à une fréquence raisonnable. La longueur recommandée dépend de la
> protection du site : sans blocage, 80 bits (par exemple 12 caractères de 4 types) ; avec un
> blocage après plusieurs échecs, comme l'ENT, 50 bits (8 caractères de 3 types). Le blocage
> « 5 échecs → 15 minutes » de l'ENT simulé est un **réglage de l'ENT** (comme dans les
> logiciels d'ENT courants), pas un chiffre de la CNIL.

### À vous : inventez un mot de passe

Tapez un mot de passe **inventé** (jamais un vrai !) dans le champ, puis Entrée. Il est
jugé comme s'il était celui de Léa : la politique de l'ENT, son **entropie** (le calcul de la
CNIL) et une **estimation réaliste** (ce qu'essaie d'abord un attaquant). Il n'est ni gardé,
ni affiché, ni enregistré dans le notebook : le champ se vide aussitôt. Essayez-en plusieurs."""),
            widget("from entsim.widgets.mot_de_passe import EssaiMotDePasse\n"
                   "EssaiMotDePasse(ent)"),
            md("""Le même jugement pour un exemple connu de toute la classe, « Marseille2024! » :
conforme au calcul de la CNIL, et pourtant vite deviné."""),
            code("from entsim.demonstrations.mot_de_passe_invente import analyser_mot_de_passe\n"
                 'analyser_mot_de_passe(ent, "Marseille2024!")'),
            md("""### Ce que la base des comptes garde

Le SDET : les mots de passe « NE DOIVENT PAS être stockés en clair », mais « de manière
chiffrée et irréversible ». L'ENT ne garde qu'une **empreinte** (Argon2, une fonction lente
et salée, comme le recommande la CNIL). Pour deux comptes de démonstration, dont on connaît le
mot de passe, le voici à côté de ce que la base garde vraiment :"""),
            code("from entsim.demonstrations.coulisses_aas import empreintes_stockees\n"
                 "empreintes_stockees(ent)"),
            fiche("q16e", "q16f")]


def a_preuves():
    return [md("""## 4. Question 16 — D'autres preuves d'authentification

Le SDET impose le **mot de passe** et permet d'autres preuves : **mot de passe à usage
unique**, **certificat** (avec sa **clé privée**). Une preuve repose sur ce que l'on
**sait** (un mot de passe), ce que l'on **possède** (un téléphone, une carte à puce) ou ce
que l'on **est** (une empreinte digitale). En combiner deux, c'est l'**authentification à
plusieurs facteurs**. On les essaie toutes, puis la **signature numérique** et **TLS** (le
corrigé de 2013 parlait de « SSL » : SSL, trop fragile, est abandonné depuis 2015)."""),
            code("from entsim.demonstrations import DemonstrationPreuves\n"
                 "preuves = DemonstrationPreuves(ent)"),
            md("### Le mot de passe (ce que l'on *sait*)"),
            code("preuves.mot_de_passe()"),
            md("""### Le code à usage unique (ce que l'on *possède*)

L'application du téléphone et le serveur partagent un secret ; chacun calcule le code à
partir de ce secret et de l'heure (méthode TOTP). Le code change toutes les 30 secondes.
Le bouton **Attendre 10 s** du téléphone fait avancer l'horloge de la simulation."""),
            code("preuves.code_a_usage_unique()"),
            widget("from entsim.widgets.telephone import TelephoneWidget\n"
                   "TelephoneWidget(preuves.telephone)"),
            md("""### Le certificat et la clé privée

L'autorité de certification de l'académie signe un **certificat** qui lie la **clé
publique** de Léa à son identité. Pour se connecter, son poste **signe un défi** envoyé par
le serveur avec la **clé privée**, qui ne quitte jamais le poste. (Le certificat lui-même,
au format PEM, est replié « Pour les curieux ».)"""),
            code("preuves.certificat_et_cle()"),
            md("""### La signature numérique

Léa signe un document avec sa clé privée. Quelqu'un change **un seul caractère** (« 15 h »
devient « 17 h ») : la signature ne correspond plus. La cellule suivante remplace le « 5 »
par `"0"` (« 10 h »). **À vous :** essayez un autre chiffre, par exemple `"9"` pour
« 19 h »."""),
            code("preuves.signer_puis_modifier()"),
            code('preuves.signer_puis_modifier(remplacement="0")'),
            fiche("q16a"),
            md("""### TLS : ce que voit un espion sur le Wi-Fi du CDI

Un élève malveillant écoute le Wi-Fi du CDI pendant que Léa se connecte. D'abord si l'ENT
était servi **sans chiffrement** (HTTP), puis en **HTTPS** (TLS 1.3). Les paquets captés
sont repliés « Pour les curieux ».

L'espion y lit un **ticket** `ST-1-ze6Y…` : vos voisins voient exactement le même. Ce n'est
pas qu'un ticket se devine : dans ce cours, le hasard de la simulation vient d'une
**graine**, pour que toute la classe voie la même chose ; un vrai serveur tire ses tickets
au hasard (module `secrets`), et le notebook `04b` le montre."""),
            code("from entsim.demonstrations import capturer_connexion\n"
                 'capturer_connexion(ent, "lea.martin", "Cahier!Vert2026", protocole="http")'),
            code('capturer_connexion(ent, "lea.martin", "Cahier!Vert2026", protocole="https")'),
            md("""TLS chiffre le contenu (identifiant, mot de passe, adresses des pages, tickets, cookies)
et prouve au navigateur qu'il parle au vrai serveur (certificat). Mais il **ne cache pas les
métadonnées** : l'espion voit toujours *à quel serveur* Léa se connecte, *quand*, et
*combien* d'octets sont échangés."""),
            fiche("q16b")]


def a_journal():
    return [md("""## 5. La trace de tout cela : le journal

Le SDET demande que chaque opération des services AAS soit **datée et rattachée à une
identité**, et qu'on puisse **reconstituer la chaîne des opérations** d'une identité. Voici
celle de Léa depuis le début du notebook :"""),
            code('chaine = ent.journal.chaine_de("lea.martin")\n'
                 "ent.journal.tableau(chaine)"),
            md("""Chaque ligne du journal contient l'empreinte de la précédente : une ligne modifiée ou
effacée casse la chaîne. La vérification :"""),
            code("print(ent.journal.verifier())"),
            md("""## Et maintenant ?

Ouvrez `04b_sso_cas.ipynb` : Léa, authentifiée, ouvre plusieurs services **sans retaper son
mot de passe** (le SSO).""")]


SECTIONS_04A = [a_introduction, a_identification, a_autorisation, a_mot_de_passe, a_preuves,
                a_journal]


# ======================================================================================
# 04b — Le SSO et le serveur CAS
# ======================================================================================

def b_introduction():
    return [md("""# 04b — Une connexion pour tout l'ENT : le SSO et le serveur CAS

**Partie 3 du cours — questions 13 à 15** (environ 45 minutes). Léa Martin s'est
authentifiée (notebook `04a`). Elle ouvre maintenant plusieurs services de l'ENT :

| Partie | Question |
|---|---|
| 1. Une connexion, deux services | Q13 : le SSO |
| 2. Ce que le service reçoit | Q14 : la propagation de l'identité |
| 3. Le schéma de la connexion | Q15 : les 8 étapes du SDET, à compléter |
| 4. Le SSO en coulisses | tickets, rejeu, déconnexion, durée des sessions |
| 5. L'ENT en vrai | le serveur CAS dans votre navigateur (vraies requêtes HTTP) |

Exécutez les cellules **dans l'ordre** (Maj + Entrée).

**Les sigles de ce notebook**

- **SDET** : schéma directeur des espaces numériques de travail (document 2 du cours) ; **AAS** : ses services d'authentification, d'autorisation et de SSO.
- **SSO** (*Single Sign-On*) : l'authentification unique.
- **CAS** (*Central Authentication Service*) : le serveur d'authentification centrale des ENT ; c'est lui qui demande le mot de passe.
- **TGT** (*Ticket-Granting Ticket*) : la session SSO gardée par le serveur CAS ; **TGC** (*Ticket-Granting Cookie*) : le cookie qui la désigne, dans le navigateur.
- **ST** (*Service Ticket*) : un ticket de service `ST-…`, valable une seule fois, pour un seul service, quelques secondes.
- **SAML** : un autre protocole d'authentification unique, celui d'EduConnect et du GAR.
- **GAR** : le gestionnaire d'accès aux ressources (manuels numériques des éditeurs)."""),
            *chargement()]


def b_sso():
    return [md("""## 1. Question 13 — Une connexion, deux services : le SSO en action

Léa ouvre le **cahier de textes** (elle doit se connecter), puis la **messagerie**. La
démonstration fait réellement les 8 étapes avec le serveur d'authentification de l'ENT (un
serveur **CAS**, comme dans les vrais ENT)."""),
            code("from entsim.demonstrations import DemonstrationSSO\ndemo = DemonstrationSSO(ent)"),
            code("resultat = demo.ouvrir_deux_services()\nresultat"),
            md("""Léa n'a saisi son mot de passe **qu'une fois** : c'est le **SSO** (authentification
unique). Le serveur CAS a déposé dans son navigateur un cookie, le **TGC**, qui prouve
qu'elle est déjà authentifiée ; chaque service reçoit un **ticket** (`ST-…`) à usage unique.

> **Dans les vrais ENT.** Le serveur CAS n'appartient pas au lycée : c'est celui de la
> plateforme ENT, une par projet d'ENT (une académie ou une collectivité, pour tous ses
> établissements). Les élèves et les parents y arrivent par **EduConnect**, le service
> d'identité national de l'Éducation nationale, qui a remplacé de 2020 à 2022 leurs comptes
> académiques : un seul compte, qui suit l'élève d'un établissement à l'autre, et les parents
> peuvent aussi se connecter avec **FranceConnect**. Les personnels, eux, utilisent leurs
> identifiants académiques. Le serveur CAS de l'ENT fait confiance à EduConnect, qui a
> vérifié le mot de passe (un échange **SAML**), puis ouvre la session SSO. Ici, pour voir
> tous les échanges, Léa se connecte directement au serveur CAS de l'ENT.

### Des tickets que toute la classe voit… mais que personne ne devine

Vos voisins voient exactement les mêmes tickets que vous (`ST-1-ze6Y…`) : dans ce cours, le
hasard de la simulation vient d'une **graine**, pour que tout le monde voie la même chose.
Un vrai serveur tire ses tickets du module `secrets` (un hasard imprévisible). Comparons :"""),
            code("from entsim.demonstrations.coulisses_aas import tickets_reels\ntickets_reels()"),
            fiche("q13c")]


def b_propagation():
    return [md("""## 2. Question 14 — Ce que le service reçoit : la propagation de l'identité

Le cahier de textes n'a **jamais vu** le mot de passe de Léa. Il a envoyé le ticket au
serveur CAS, qui lui a répondu *qui* est connecté, avec ses **attributs** (profil, classe…).
C'est le **service de propagation de l'identité** du SDET (la réponse XML du serveur est
repliée « Pour les curieux ») :"""),
            code("demo.propagation()"),
            md("Les attributs transmis dépendent de la personne : ceux d'un parent et ceux d'un "
               "enseignant, côte à côte (« — » : attribut absent)."),
            code("from entsim.demonstrations.coulisses_aas import attributs_transmis\n"
                 'attributs_transmis(ent, "sophie.martin", "nicolas.durand")'),
            md("""### Les manuels numériques : le GAR

Les ressources des éditeurs (manuels numériques, applications) passent par le **GAR** : l'élève
les ouvre depuis l'ENT **sans nouvelle connexion**, et l'éditeur ne reçoit que le **minimum**
de données personnelles. Léa ouvre deux ressources de deux éditeurs :"""),
            code("from entsim.demonstrations.coulisses_aas import identifiants_opaques\n"
                 "identifiants_opaques(ent)"),
            md("""Le SDET n'impose aucune technique pour propager l'identité (document 2 : « Aucune
méthode de propagation des preuves d'authentification aux services applicatifs de l'ENT n'est
imposée ») : les plateformes ENT utilisent **CAS** entre le portail et ses services, tandis
qu'EduConnect et le GAR utilisent **SAML**."""),
            fiche("q14", aide="La fiche affiche aussi les attributs que reçoit un service.")]


def b_schema():
    return [md("""## 3. Question 15 — Le schéma de la connexion

Le SDET décrit l'accès en **8 étapes**. Le schéma ci-dessous est tracé à partir de la
connexion que Léa vient de faire : les tickets et le cookie sont les vrais.

*Pour le professeur qui projette :* les boutons **Suivant ▶** et **◀ Précédent** avancent
d'une étape ; l'étape en cours est en bleu, épaisse, marquée ▶. Le texte de l'étape est
aussi écrit sous le schéma."""),
            widget("from entsim.widgets.pas_a_pas import PasAPas\nPasAPas(resultat.parcours)"),
            fiche("q15a", "q15b", "q15c",
                  aide="À vous de **représenter** la connexion : la fiche affiche le même "
                       "schéma, **vierge** (8 flèches numérotées, sans étiquette) ; vous "
                       "écrivez une lettre par flèche et la fiche dessine **votre** schéma, "
                       "autant de fois que vous voulez. Le schéma pas à pas ci-dessus (et le "
                       "texte écrit sous chaque étape) vous aide."),
            pour_les_curieux("les échanges HTTP de la connexion", """Le même parcours vu comme des
**échanges** entre le navigateur, les services et le serveur CAS, de haut en bas : la demande
(flèche pleine) et sa réponse (en tirets). **GET** demande une page, **POST** envoie un
formulaire (l'identifiant et le mot de passe), et la réponse **302** est une redirection
(« allez plutôt à cette adresse »), que le navigateur suit tout seul."""),
            widget("from entsim.diagrammes import schema_sequence\n"
                   "schema_sequence(resultat.parcours)")]


def b_coulisses():
    return [md("""## 4. Le SSO en coulisses

### Les tickets

Chaque ticket de service ne vaut que pour **un** service, **une** validation, et quelques
secondes : 10 s dans l'ENT simulé, le réglage par défaut du serveur **Apereo CAS**. Le
protocole CAS 3.0 ne fixe pas cette durée : il recommande seulement qu'elle ne dépasse pas
5 minutes."""),
            code("demo.inspecter_tickets()"),
            fiche("q16c", "q16d", aide="Dans la fiche, vous faites vous-même vieillir un ticket "
                                        "en modifiant une ligne."),
            md("""### Rejouer un ticket volé

L'adresse `…/cahier-de-textes?ticket=ST-…` reste dans l'historique du poste du CDI. Un autre
élève la recopie et l'ouvre sur son ordinateur. Que répond le serveur CAS ?"""),
            code("demo.rejouer_ticket()"),
            md("""### Se déconnecter

Sur un ordinateur partagé, **se déconnecter** est indispensable. Le serveur CAS détruit la
session SSO **et prévient chaque service** où Léa avait une session ouverte (déconnexion
unique), en citant le ticket qui l'avait ouverte. La demande SAML envoyée à chaque service
est repliée « Pour les curieux »."""),
            code("fin = demo.se_deconnecter()\nfin"),
            widget("from entsim.diagrammes import schema_deconnexion\n"
                   "schema_deconnexion(fin.deconnexion)"),
            md("""### Rester connecté toute la journée ?

Le SDET demande une nouvelle authentification « suite à une période d'inactivité ou après
une certaine durée ». Sur son téléphone, Léa se connecte à 8 h et utilise l'ENT toutes les
heures, sans jamais se déconnecter :"""),
            code("from entsim.demonstrations.coulisses_aas import journee_sans_deconnexion\n"
                 "journee_sans_deconnexion(ent)"),
            md("""### Oublier de se déconnecter : l'inactivité

Le soir, à 18 h 30, Léa se connecte depuis l'ordinateur de la maison, puis laisse l'onglet
ouvert…"""),
            code("ent.avancer(heures=1, minutes=30)   # 17 h → 18 h 30\n"
                 'maison = DemonstrationSSO(ent, poste="Ordinateur de la maison")'),
            code("maison.ouvrir_deux_services(bref=True)"),
            code("maison.laisser_inactif(heures=1, minutes=30)"),
            md("""Une heure et demie plus tard, les notes s'ouvrent encore sans mot de passe. **À vous :**
la limite est de 2 heures sans activité (et de 8 heures au plus après la connexion). Ce sont
les réglages par défaut du serveur Apereo CAS, repris par l'ENT simulé : le protocole CAS
n'impose pas ces durées. Exécutez la cellule suivante, puis changez la durée (par exemple
`heures=1, minutes=59`) et observez. Si la session a déjà expiré, la démonstration
reconnecte d'abord Léa (elle l'écrit) : on peut relancer la cellule autant de fois qu'on
veut."""),
            code("maison.laisser_inactif(heures=2, minutes=1)")]


def b_suite():
    """La conclusion : toujours la dernière section du notebook."""
    return [md("""## Et maintenant ?

Vous avez vu fonctionner les trois services AAS du SDET : **authentification**,
**autorisation**, **propagation de l'identité** (SSO), ainsi que la déconnexion propagée et
les limites de durée des sessions.

La **question 17** vous demande si ce cahier des charges (le SDET) répond aux
recommandations de la CNIL sur la protection des données personnelles. Reprenez ce que vous
avez observé dans `04a` et `04b` : mots de passe jamais stockés en clair, traçabilité de
chaque opération dans le journal, accès limité selon le profil, connexion chiffrée… et
comparez avec les recommandations actuelles de la CNIL (délibération n° 2022-100 sur les
mots de passe, RGPD).""")]


SECTIONS_04B = [b_introduction, b_sso, b_propagation, b_schema, b_coulisses]


def cellules_04a():
    return [c for section in SECTIONS_04A for c in section()]


def cellules_04b(sections_en_plus=()):
    """Les cellules de 04b ; ``sections_en_plus`` (fonctions qui rendent des cellules) sont
    placées après les sections du cours et avant la conclusion."""
    sections = [*SECTIONS_04B, *sections_en_plus, b_suite]
    return [c for section in sections for c in section()]


def b_ent_http():
    """« L'ENT en vrai » (issue 18, § 6), écrite par :mod:`section_ent_http` : le même ENT
    servi en HTTP sur le port 8765, démarré puis arrêté dans le notebook."""
    from section_ent_http import cellules
    return cellules()


if __name__ == "__main__":
    ecrire_notebook(cellules_04a(), "04a_authentification.ipynb")
    ecrire_notebook(cellules_04b(sections_en_plus=[b_ent_http]), "04b_sso_cas.ipynb")
