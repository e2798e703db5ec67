#!/usr/bin/env bash
# Installe entsim (si besoin) puis ouvre le cours dans JupyterLab, sur le dossier notebooks/.
# Les arguments sont transmis à JupyterLab (par exemple : --no-browser --port 8890).
#
# Seul l'extra « cours » est installé (JupyterLab et son pack de langue) : pas les outils des
# tests (Playwright, Voilà, nbval…), inutiles aux élèves.
#
# Les noyaux Python du cours communiquent avec JupyterLab par des sockets locales (transport
# IPC), et non par TCP : rien ne circule sur le réseau, même local, et ipykernel n'affiche plus
# son avertissement « Kernel is running over TCP without encryption… ».
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installer.sh cours
echo "→ Ouverture du cours : JupyterLab démarre sur notebooks/ (Ctrl+C pour arrêter)"
# Les sockets d'un noyau sont des fichiers : leur chemin doit être absolu (le noyau tourne
# dans le dossier du notebook, JupyterLab dans celui du dépôt).
noyaux="$(.venv/bin/jupyter --runtime-dir)/entsim-noyaux"
mkdir -p "$noyaux"
options=(--KernelManager.transport=ipc "--KernelManager.ip=$noyaux/noyau")
# JupyterLab refuse de tourner en administrateur sans cette option (machine de test, conteneur).
if [ "$(id -u)" = "0" ]; then options+=(--allow-root); fi
exec .venv/bin/jupyter lab --notebook-dir=notebooks "${options[@]}" "$@"
