"""Construit notebooks/03_donnees_personnelles_rgpd.ipynb (partie 3a, questions 7 à 12).

    .venv/bin/python outils/construire_notebook_03.py
    bash outils/executer_notebook.sh notebooks/03_donnees_personnelles_rgpd.ipynb
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fiches_notebook import a_vous, code, ecrire_notebook  # noqa: E402
from fiches_notebook import markdown as md  # noqa: E402


def fiche(*qids, aide=""):
    return a_vous("partie3_donnees_personnelles", *qids, aide=aide)


cellules = [
md("""# 03 — Les données personnelles dans l'ENT : la CNIL et le RGPD

**Partie 3 du cours — questions 7 à 12.** L'ENT rassemble les notes, les absences, les
messages, les devoirs de centaines d'élèves, souvent mineurs : ce sont des **données
personnelles**. Vous allez :

1. dire ce qu'est la **CNIL** et ce qu'elle fait (question 7) ;
2. reconnaître une donnée personnelle, une donnée sensible, et savoir **qui est
   responsable** (question 8) ;
3. **exercer les droits** d'une famille sur les données de l'ENT simulé (question 9) ;
4. appliquer les **principes** de protection : finalité, minimisation, conservation,
   sécurité (question 10) ;
5. comprendre pourquoi l'ENT doit respecter la loi, et ce que le chef d'établissement doit
   faire **aujourd'hui** (questions 11 et 12).

Ce notebook vous fait **explorer** ; les questions se posent dans la **fiche à rendre**,
`exercises/partie3_donnees_personnelles.ipynb` : ouvrez-la à côté. Chaque fois que vous
lisez « ✍️ **À vous, dans la fiche** », répondez à la question indiquée dans la fiche.

### La loi a changé depuis le cours de 2013

Le cours d'origine (2013) s'appuie sur la loi **Informatique et Libertés** de 1978. Depuis le
**25 mai 2018**, le **règlement général sur la protection des données** (RGPD, règlement
européen 2016/679) s'applique dans toute l'Union européenne, avec la loi Informatique et
Libertés modifiée. Ce notebook montre, pour chaque question, ce que disait le corrigé de 2013
**et** ce qui s'applique aujourd'hui.

| Le corrigé de 2013 disait… | Aujourd'hui (RGPD) |
|---|---|
| Le chef d'établissement **déclare** l'ENT à la CNIL et envoie un **engagement de conformité**. | Plus de déclaration : il tient un **registre des traitements** (art. 30) et doit pouvoir démontrer qu'il respecte le règlement. |
| Droits : information, opposition, accès, rectification. | S'y ajoutent l'**effacement** (art. 17), la **limitation** (art. 18), la portabilité (art. 20, sauf pour une mission d'intérêt public), et le droit de se plaindre à la CNIL (art. 77). |
| Une autorisation de la CNIL pour les traitements à risque. | Une **analyse d'impact** (art. 35) menée par le responsable, le **délégué à la protection des données** (art. 37) consulté. |
| — | Une violation de données est **notifiée à la CNIL en 72 heures** (art. 33), et aux personnes si le risque est élevé (art. 34). |"""),
code('from entsim import ENT\nent = ENT.demo()'),
md("""## 1. Question 7 — La CNIL

Le corrigé de 2013 : la CNIL est « une institution indépendante chargée de veiller au respect
de l'identité humaine, de la vie privée et des libertés dans un monde numérique ». C'est
toujours vrai : c'est une **autorité administrative indépendante**. Elle se présente
aujourd'hui par **quatre missions** : informer et protéger les droits des personnes,
accompagner et conseiller les organismes, contrôler et sanctionner, anticiper les
évolutions du numérique. Les textes que ce notebook cite sont rassemblés ici :"""),
code('from entsim.rgpd.textes import tableau_sources\ntableau_sources()[["Texte", "Article", "Titre", "Nature"]]'),
md("""Remarquez la colonne **Nature** : une *obligation* (le responsable doit…) n'est pas une
*recommandation* de la CNIL (conseillée, pas imposée), et l'*historique* n'est plus en
vigueur."""),
fiche("q7a", "q7b", aide="Les quatre missions ci-dessus vous aident."),
md("""## 2. Question 8 — Les données personnelles et les responsabilités

Une **donnée à caractère personnel** est « toute information se rapportant à une personne
physique identifiée ou identifiable » (RGPD, article 4). *Identifiable* : on peut retrouver
la personne, directement (son nom) ou indirectement (un numéro, ou plusieurs informations
croisées)."""),
fiche("q8a", "q8b"),
md("""### Qui est responsable ?

Le corrigé de 2013 le disait déjà : le **chef d'établissement** est le **responsable du
traitement**. L'entreprise qui développe et héberge l'ENT est un **sous-traitant** : elle
traite les données *pour son compte*, avec un contrat (art. 28). Un lycée public, organisme
public, doit avoir un **délégué à la protection des données** (DPD, ou DPO en anglais ;
art. 37) : c'est celui de l'académie. Le **registre des traitements** de l'ENT les nomme,
pour chaque traitement (ici en aperçu ; le tableau complet, quinze colonnes, s'affiche avec
`registre_ent.tableau()`) :"""),
code("from entsim.rgpd.registre import registre\nregistre_ent = registre(ent)\nregistre_ent.apercu()"),
code('print(registre_ent.entree("vie_scolaire").texte())'),
md("""Le registre s'exporte pour le chef d'établissement (tableur, page web) :"""),
code('registre_ent.exporter("registre_des_traitements.csv")'),
fiche("q8c", aide="Le registre ci-dessus nomme le responsable et le sous-traitant de chaque "
                  "traitement."),
md("""### Qui accède à quoi, et où sont les données ?

La page du ministère (2022) demande au chef d'établissement : *qui accède aux données qui
circulent via l'ENT ? où sont-elles hébergées ?* La **matrice des accès** ci-dessous est
**calculée** en posant la question au service d'autorisation de l'ENT simulé pour une personne
de chaque rôle (elle n'est pas recopiée d'un document) :"""),
code("from entsim.rgpd.acces_matrice import matrice_des_acces, hebergement\nmatrice_des_acces(ent)"),
code("hebergement(ent)"),
md("""## 3. Question 9 — Les droits des personnes

Chaque personne a des **droits** sur ses données : être informée (art. 13), y accéder
(art. 15), les faire rectifier (16), effacer (17), limiter (18), s'opposer à un usage (21).
Le responsable répond **dans un délai d'un mois** (art. 12.3), prolongeable de deux mois si
la demande est complexe. Pour un élève mineur, ce sont ses **responsables légaux** qui
exercent ses droits ; à **18 ans**, l'élève les exerce lui-même.

### Le droit d'accès : « Mes données »

Sophie Martin demande au lycée une copie de tout ce que l'ENT détient sur sa fille Léa (17
ans). La demande est enregistrée au journal, avec sa date limite de réponse :"""),
code('from entsim.rgpd.droits import exercer\nreponse = exercer(ent, "sophie.martin", "acces", "lea.martin")\nprint(reponse.message)'),
code("reponse.export.tableau().head(15)"),
md("""L'export contient **toutes** les données de Léa que la simulation détient — et **rien** sur
un autre élève (c'est vérifié par les tests d'entsim). Il s'enregistre dans un fichier ZIP
(un tableau par service et une notice en français) :"""),
code('reponse.export.exporter("mes_donnees_lea_martin.zip")'),
md("""### Des demandes refusées, et pourquoi

Un parent ne peut pas demander les données d'un élève qui n'est pas son enfant :"""),
code('print(exercer(ent, "karim.bernard", "acces", "lea.martin").message)'),
md("""Effacer les notes ? L'ENT d'un lycée public sert une **mission d'intérêt public** : le
droit à l'effacement ne s'applique pas (art. 17.3.b). Mais les données seront supprimées au
plus tard trois mois après le départ de l'élève :"""),
code('print(exercer(ent, "sophie.martin", "effacement", "lea.martin").message)'),
md("""Hugo ne veut plus que ses messages restent au forum ? Accepté : l'arrêté sur les ENT ne
garde les contributions que « sauf opposition du contributeur »."""),
code('print(exercer(ent, "hugo.bernard", "opposition", service="forum").message)'),
md("""Les demandes en cours, avec leur date limite sur l'horloge de la simulation :"""),
code("from entsim.rgpd.demandes import demandes_en_cours\ndemandes_en_cours(ent, toutes=True)"),
fiche("q9a", "q9b", "q9c", aide="Les demandes ci-dessus et le rappel des droits au début "
                                 "de cette section vous aident."),
md("""### La notice d'information

La CNIL demandait déjà en 2006 (document 1) que l'information des utilisateurs figure « sur la
page d'accueil du portail ENT ». L'article 13 du RGPD en fixe le contenu. Voici la notice du
portail simulé, vérifiée point par point :"""),
code("from entsim.rgpd.notice import notice_du_portail, verifier_notice, NOTICE_2013\nprint(verifier_notice(notice_du_portail(ent)).texte())"),
md("""Et une notice **d'avant le RGPD**, comme en affichaient les ENT en 2013 :"""),
code("print(NOTICE_2013)"),
fiche("q9e", aide="La fiche recopie cette notice de 2013. Répondez, puis exécutez la cellule "
                  "suivante : elle vérifie la notice point par point."),
code("verifier_notice(NOTICE_2013).tableau()"),
md("""### Les données « sensibles »

L'article 9 du RGPD interdit en principe de traiter les **catégories particulières** de
données : origine raciale ou ethnique, opinions politiques, convictions religieuses ou
philosophiques, appartenance syndicale, données génétiques ou biométriques, santé, vie
sexuelle ou orientation sexuelle ; l'article 10 encadre les données d'infractions. Le
corrigé de 2013 le disait déjà (« il est interdit de collecter… »). Pourtant, elles se
glissent dans les textes libres : un motif d'absence, un message, un billet de blog. Le
**détecteur** d'entsim les cherche avec des mots-clés :"""),
code("from entsim.rgpd.sensibles import detecter, scanner\n"
     "detecter(\"Mon fils a une crise d'asthme, il ne viendra pas ce matin.\")"),
md("""Un simple détecteur de mots se trompe : il peut signaler une phrase anodine (« le cours de
SVT sur la santé ») ou manquer une formulation nouvelle. Il aide la vie scolaire à relire,
il ne décide pas. Voici ce qu'il trouve dans les services de l'ENT simulé :"""),
code("scanner(ent)"),
fiche("q9d"),
md("""## 4. Question 10 — Les principes de protection

L'article 5 du RGPD pose les principes de tout traitement : une **finalité** déterminée, la
**minimisation** (seulement les données nécessaires), l'**exactitude**, une **durée de
conservation** limitée, la **sécurité** (intégrité et confidentialité). Le registre montre
comment l'ENT les applique ; plus bas, un traitement qui ne les respecte pas."""),
md("""### La durée de conservation, sur l'horloge de la simulation

L'arrêté qui encadre les ENT (article 6) : les données d'une personne sont supprimées de l'ENT
**dans un délai de trois mois** dès qu'elle n'a plus vocation à détenir un compte. Les
journaux de connexion, eux, se gardent de six mois à un an (recommandation de la CNIL).
Inès Haddad quitte le lycée ; le départ est enregistré :"""),
code('from entsim.rgpd.conservation import enregistrer_depart, echeancier, purger\nprint(enregistrer_depart(ent, "ines.haddad").message)'),
code("echeancier(ent)"),
md("""Trois mois plus tard (l'horloge de la simulation avance de 95 jours), la **purge** efface
ses données : ses notes, ses absences, son compte, sa fiche dans l'annuaire. Ce qu'elle a
écrit pour les autres (messages, forum) reste, signé « Ancien élève ». Le journal, lui, doit
**rester vérifiable** après la purge :"""),
code("ent.avancer(jours=95)\nrapport = purger(ent)\nprint(rapport.texte())"),
md("""Et plus aucun service ne connaît Inès : sa connexion est refusée."""),
code('print(ent.connexion("ines.haddad", "Etoile+Bleue24").message)'),
md("""### Un traitement qui ne respecte pas les principes"""),
code("from entsim.rgpd.registre import traitement_non_conforme, verifier\nfor constat in verifier(traitement_non_conforme(ent)):\n    print(\"•\", constat)"),
fiche("q10a", "q10b", "q10c", aide="L'échéancier, la purge et les constats ci-dessus vous "
                                    "aident."),
md("""## 5. Questions 11 et 12 — Pourquoi respecter la loi, et ce que doit faire le chef d'établissement

L'ENT traite des données personnelles, souvent de mineurs : notes, absences, messages,
publications sur les blogs et les forums. Le chef d'établissement, responsable du
traitement, doit **aujourd'hui** : tenir le **registre** (art. 30) ; s'appuyer sur le
**délégué à la protection des données** de l'académie (art. 37) ; **informer** les
utilisateurs (art. 13, la notice ci-dessus) ; encadrer l'éditeur par un **contrat de
sous-traitance** (art. 28) ; mener une **analyse d'impact** si le traitement présente un
risque élevé (art. 35) ; **notifier** une violation de données à la CNIL dans les 72 heures
(art. 33) ; et garantir la **sécurité** (art. 32) — ce qu'étudie la suite de la partie 3."""),
fiche("q11", "q12a"),
md("""## Et maintenant ?

Dans la fiche `exercises/partie3_donnees_personnelles.ipynb`, vérifiez que chaque question a
sa réponse (la cellule « Bilan » les récapitule), enregistrez (*Ctrl + S*) et déposez-la dans
le **casier** de votre professeur sur l'ENT."""),
]

ecrire_notebook(cellules, "03_donnees_personnelles_rgpd.ipynb")
