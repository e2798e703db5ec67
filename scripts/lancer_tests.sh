#!/usr/bin/env bash
# Installe entsim (si besoin) puis lance toute la suite de tests :
# tests unitaires, puis les notebooks exécutés et comparés par nbval.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installer.sh cours,tests

# Paquets système facultatifs pour les élèves, mais testés par la suite ; installés si on est
# administrateur sur Debian/Ubuntu :
# - graphviz : le programme « dot » (entsim a aussi un Graphviz intégré en WebAssembly, et la
#   suite teste les deux chemins) ;
# - chromium : le portail ouvert dans un vrai navigateur sans écran
#   (tests/test_navigateur_reel.py, piloté par Playwright, qui ne télécharge aucun navigateur) ;
# - bubblewrap : le bac à sable du code des élèves pendant la correction (« bwrap » ;
#   tests/test_correction_hostile*.py le testent sous Linux).
manquants=()
command -v dot >/dev/null 2>&1 || manquants+=(graphviz)
command -v chromium >/dev/null 2>&1 || manquants+=(chromium)
command -v bwrap >/dev/null 2>&1 || manquants+=(bubblewrap)
if [ "${#manquants[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "→ Installation des paquets système : ${manquants[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${manquants[@]}" >/dev/null
  else
    echo "(Absents : ${manquants[*]} ; les tests qui en ont besoin seront ignorés hors CI.)"
  fi
fi

echo "→ Tests"
# Tout avertissement est une erreur, dans pytest comme dans les noyaux des notebooks.
export PYTHONWARNINGS=error
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
