#!/usr/bin/env bash
# Exécute un ou plusieurs notebooks sur place (sorties enregistrées), puis retire l'état des
# widgets (il alourdirait le fichier ; nbval ne le compare pas) et les durées d'exécution.
#   bash outils/executer_notebook.sh notebooks/01_definir_l_ent.ipynb
set -euo pipefail
cd "$(dirname "$0")/.."
for nb in "$@"; do
  .venv/bin/jupyter nbconvert --to notebook --execute --inplace "$nb" 2>&1 \
    | grep -v "WARNING\|without encryption" || true
  .venv/bin/python - "$nb" <<'PYEOF'
import sys
import nbformat
chemin = sys.argv[1]
nb = nbformat.read(chemin, as_version=4)
nb.metadata.pop("widgets", None)
for cellule in nb.cells:
    cellule.metadata.pop("execution", None)
nbformat.write(nb, chemin)
PYEOF
done
