"""Fiche de la partie 3a : les questions tirées des outils RGPD de la simulation.

Séparé de :mod:`entsim_corrige.banque.partie3_donnees_personnelles` pour la taille ; le nom
commence par « _ » : ce n'est pas une fiche à part. Les réponses attendues viennent des
données et des outils (:mod:`entsim_corrige.classification`, :mod:`entsim.rgpd.notice`,
:mod:`entsim.rgpd.registre`), jamais recopiées.
"""

from __future__ import annotations

from entsim_corrige.classification import CLASSES, exemples_a_classer
from entsim.rgpd.notice import ELEMENTS_ARTICLE_13, NOTICE_2013, verifier_notice
from entsim.questions.types_de_questions import QCM, Classement

Q8B = Classement(
    id="q8b", titre="Question 8 — Classer les données de l'ENT", points=3,
    enonce=("Les données de l'ENT ne se ressemblent pas. Rangez chacune dans sa catégorie : "
            "**directement identifiante** (elle nomme la personne), **indirectement "
            "identifiante** (on peut retrouver la personne en la croisant avec d'autres "
            "informations), **pseudonyme** (un code remplace le nom, mais quelqu'un garde la "
            "correspondance), **anonyme** (plus personne ne peut retrouver la personne), "
            "**sensible** (une catégorie particulière de l'article 9 du RGPD)."),
    categories=CLASSES,
    # dans l'ordre alphabétique : jamais rangés par catégorie (ce serait donner la réponse)
    attendu={e.donnee: e.classe for e in sorted(exemples_a_classer(), key=lambda e: e.donnee)},
    indices=("Pseudonyme ou anonyme ? Demandez-vous si quelqu'un, quelque part, peut encore "
             "faire le lien avec la personne : si oui, c'est pseudonyme.",
             "Une donnée de santé ou qui révèle une religion est « sensible », même si elle "
             "n'est pas signée de son nom complet."),
)

_ELEMENTS = tuple(e for e in ELEMENTS_ARTICLE_13 if e.toujours)
_MANQUANTS = {e.code for e in verifier_notice(NOTICE_2013).manquants}

Q9E = QCM(
    id="q9e", titre="Question 9 — Une notice d'information de 2013", points=2,
    enonce=("Voici la notice d'information qu'affichait un ENT avant le RGPD :\n\n"
            f"> {NOTICE_2013}\n\n"
            "L'article 13 du RGPD dit ce que doit contenir l'information des personnes. "
            "Quels éléments **manquent** à cette notice ?"),
    choix=tuple(f"{e.libelle} ({e.article})" for e in _ELEMENTS),
    bonnes=tuple(chr(ord("A") + i) for i, e in enumerate(_ELEMENTS) if e.code in _MANQUANTS),
    multiple=True,
    indices=("Relisez la notice phrase par phrase et cochez ce que vous y trouvez : le "
             "responsable ? les finalités ? les destinataires ? combien de temps ? quels "
             "droits ? à qui se plaindre ?",
             "La loi de 1978 citait l'accès, la rectification et l'opposition ; le RGPD "
             "ajoute d'autres droits et d'autres informations."),
)

_CONSTATS = (
    ("Il n'a pas de finalité déterminée.", True),
    ("Il collecte des données de santé, une catégorie particulière (article 9).", True),
    ("Les données sont conservées sans limite de durée.", True),
    ("Ses réponses sont visibles de tous les utilisateurs de l'ENT.", True),
    ("Il est hébergé hors de l'Union européenne sans garanties.", True),
    ("Il concerne les élèves du lycée.", False),
    ("Il a été mis en place sans déclaration préalable à la CNIL.", False),
)

Q10C = QCM(
    id="q10c", titre="Question 10 — Repérer un traitement non conforme", points=2,
    enonce=("Un professeur a ouvert, sur un formulaire en ligne gratuit, un **sondage "
            "« bien-être »** des élèves : nom, classe, suivi psychologique, traitements "
            "médicaux. Les réponses sont visibles de tous les utilisateurs de l'ENT, "
            "conservées sans limite, sur des serveurs hors de l'Union européenne ; aucune "
            "finalité n'est écrite. Le registre des traitements (`verifier(...)`) en relève "
            "les défauts. Quels reproches sont **fondés** ?"),
    choix=tuple(texte for texte, _ in _CONSTATS),
    bonnes=tuple(chr(ord("A") + i) for i, (_, fonde) in enumerate(_CONSTATS) if fonde),
    multiple=True,
    explications={
        "F": "concerner des élèves n'est pas un défaut : l'ENT entier les concerne. C'est ce "
             "qu'on fait de leurs données qui compte.",
        "G": "depuis le 25 mai 2018, il n'y a plus de déclaration préalable : ce n'est donc "
             "pas un reproche. Le traitement devait en revanche figurer au registre.",
    },
    indices=("Reprenez les principes de l'article 5 : finalité, minimisation, conservation, "
             "confidentialité ; et l'article 9 sur les données sensibles.",),
)
