#!/usr/bin/env bash
# Prépare l'environnement de entsim dans .venv (à la racine du dépôt).
# Utilisé par scripts/ouvrir_cours.sh et scripts/lancer_tests.sh ; on ne l'appelle pas directement.
#   $1 : les « extras » à installer (cours, tests ou cours,tests)
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-cours}"
PY="${PYTHON:-python3}"

est_root() { [ "$(id -u)" = "0" ]; }
a_apt() { command -v apt-get >/dev/null 2>&1; }
apt_a_jour=0
apt_installer() {
  # Paquets système Debian/Ubuntu, seulement si on est administrateur (root) : sinon on s'en passe.
  if est_root && a_apt; then
    if [ "$apt_a_jour" = 0 ]; then apt-get update -qq; apt_a_jour=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    return 1
  fi
}

if ! command -v "$PY" >/dev/null 2>&1; then
  echo "Python 3.10 ou plus récent est nécessaire (commande « $PY » introuvable)." >&2
  exit 1
fi
"$PY" - <<'PYEOF' || { echo "entsim demande Python 3.10 ou plus récent." >&2; exit 1; }
import sys
sys.exit(0 if sys.version_info >= (3, 10) else 1)
PYEOF

if [ ! -x .venv/bin/python ]; then
  echo "→ Création de l'environnement Python .venv"
  if ! "$PY" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    # Debian/Ubuntu livrent venv à part (paquet python3-venv).
    ver=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_installer "python${ver}-venv" || apt_installer python3-venv || {
      echo "Impossible de créer l'environnement : installez le paquet python3-venv." >&2; exit 1; }
    "$PY" -m venv .venv
  fi
fi

echo "→ Installation de entsim et de ses dépendances ($extras)"
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[${extras}]"

# JupyterLab en français par défaut (le pack de langue est installé avec l'extra « cours »),
# sans la fenêtre « Actualités de Jupyter » au premier lancement (elle interroge un site web et
# ses boutons s'affichent mal en français) ni la recherche de mises à jour.
if .venv/bin/python -c "import jupyterlab" 2>/dev/null; then
  reglages=".venv/share/jupyter/lab/settings"
  mkdir -p "$reglages"
  cat > "$reglages/overrides.json" <<'JSON'
{
  "@jupyterlab/translation-extension:plugin": { "locale": "fr_FR" },
  "@jupyterlab/apputils-extension:notification": { "fetchNews": "false", "checkForUpdates": false }
}
JSON
fi
