"""Construit le corrigé solutions/partie3_donnees_personnelles.ipynb (questions 7 à 12).

    .venv/bin/python outils/construire_fiche_partie3_donnees_personnelles.py
    bash outils/executer_notebook.sh solutions/partie3_donnees_personnelles.ipynb
    .venv/bin/python -m entsim.questions generer
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fiches_notebook import (COMMENT_REPONDRE, RACINE, code, ecrire, markdown,  # noqa: E402
                             notebook_fiche)

from entsim_corrige import fiche_corrigee as fiche  # noqa: E402

f = fiche("partie3_donnees_personnelles")

plan = [
    markdown(f"""# Fiche — Partie 3a : les données personnelles, la CNIL et le RGPD

Questions 7 à 12 du cours : le rôle de la CNIL, les données personnelles et le responsable du
traitement, les droits des personnes, les principes de protection, pourquoi l'ENT doit
respecter la loi et ce que doit faire le chef d'établissement.

**Attention, la loi a changé depuis le cours de 2013.** Depuis le 25 mai 2018, le règlement
général sur la protection des données (RGPD) s'applique dans toute l'Union européenne, avec
la loi Informatique et Libertés modifiée. Le corrigé de 2013 parlait de *déclaration* à la
CNIL : elle n'existe plus. Répondez avec le droit d'aujourd'hui.

{COMMENT_REPONDRE}

Exécutez d'abord les deux cellules ci-dessous : elles chargent la fiche et l'ENT simulé."""),
    code("from entsim import ENT\nent = ENT.demo()"),
    markdown("## La CNIL"),
    "q7a", "q7b",
    markdown("""## Les données personnelles et les responsabilités

Le **registre des activités de traitement** de l'ENT (RGPD, article 30) décrit chaque
traitement : son responsable, sa finalité, les données, les destinataires, la durée de
conservation, les mesures de sécurité et le prestataire. En voici l'aperçu ; le tableau
complet s'affiche avec `registre(ent).tableau()`, le détail d'un traitement avec
`print(registre(ent).entree("vie_scolaire").texte())`."""),
    code("from entsim.rgpd.registre import registre\nregistre(ent).apercu()"),
    "q8a", "q8b", "q8c",
    markdown("## Les droits des personnes"),
    "q9a", "q9b", "q9c", "q9d", "q9e",
    markdown("## Les principes de protection"),
    "q10a", "q10b", "q10c",
    markdown("## Pourquoi l'ENT doit respecter la loi, et ce que doit faire le chef "
             "d'établissement"),
    "q11", "q12a",
]

ecrire(notebook_fiche(f, plan, complement_professeur=(
    "Les définitions rédigées (7A, 8A, 11) sont notées par mots-clés : leur note est "
    "**provisoire**, relisez-les dans le carnet de correction et ajustez-la si besoin.")),
    RACINE / "solutions" / "partie3_donnees_personnelles.ipynb")
