#!/usr/bin/env bash
# Installe entsim (si besoin) puis ouvre le cours dans JupyterLab, sur le dossier notebooks/.
# Les arguments sont transmis à JupyterLab (par exemple : --no-browser --port 8890).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installer.sh cours,tests
echo "→ Ouverture du cours : JupyterLab démarre sur notebooks/ (Ctrl+C pour arrêter)"
options=()
# JupyterLab refuse de tourner en administrateur sans cette option (machine de test, conteneur).
if [ "$(id -u)" = "0" ]; then options+=(--allow-root); fi
exec .venv/bin/jupyter lab --notebook-dir=notebooks "${options[@]}" "$@"
