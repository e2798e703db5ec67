#!/usr/bin/env bash
# Installe entsim (si besoin) puis lance toute la suite de tests :
# tests unitaires, puis les notebooks exécutés et comparés par nbval.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installer.sh cours,tests

# Graphviz « système » : facultatif pour les élèves (entsim a un Graphviz intégré en
# WebAssembly), mais la suite teste les deux chemins ; on l'installe si on est administrateur.
if ! command -v dot >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "→ Installation de Graphviz (paquet système)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null
  else
    echo "(Graphviz système absent : le test du chemin « dot » sera ignoré hors CI.)"
  fi
fi

echo "→ Tests"
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
