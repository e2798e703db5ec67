"""Le noyau du cours fonctionne par sockets locales (transport IPC), comme le lance
scripts/ouvrir_cours.sh : il exécute du code, sans l'avertissement « TCP without
encryption » qu'ipykernel affiche pour un noyau en TCP."""

from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(sys.platform == "win32", reason="le transport IPC de ZeroMQ n'existe pas sous Windows")
def test_un_noyau_ipc_execute_du_code_sans_avertissement(tmp_path):
    from jupyter_client.manager import KernelManager

    journal = tmp_path / "noyau.log"
    # le chemin des sockets doit être absolu : le noyau tourne dans le dossier du notebook,
    # JupyterLab dans celui du dépôt (un chemin relatif ne désignerait pas le même fichier)
    km = KernelManager(kernel_name="python3", transport="ipc", ip=str(tmp_path / "noyau"))
    with open(journal, "wb") as sortie:
        km.start_kernel(cwd=str(tmp_path), stdout=sortie, stderr=sortie)
        client = km.client()
        try:
            client.start_channels()
            client.wait_for_ready(timeout=60)
            messages = []
            reponse = client.execute_interactive("print(6 * 7)", timeout=60,
                                                 output_hook=messages.append)
        finally:
            client.stop_channels()
            km.shutdown_kernel(now=True)
    assert reponse["content"]["status"] == "ok"
    assert any(m["content"].get("text", "").strip() == "42" for m in messages)
    assert km.transport == "ipc"
    assert "without encryption" not in journal.read_text(encoding="utf-8", errors="replace")
