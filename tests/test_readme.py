"""L'exemple du README fonctionne tel qu'il est écrit."""

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_exemple_du_readme():
    blocs = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocs, "le README doit contenir un exemple Python"
    espace: dict[str, object] = {}
    exec(compile(blocs[0], "README.md", "exec"), espace)
    ent = espace["ent"]
    operations = [e.operation for e in ent.journal.chaine_de("lea.martin")]
    assert operations[-6:] == ["acces_autorise", "ticket_emis", "ticket_valide",
                               "deconnexion", "deconnexion_propagee", "deconnexion_propagee"]
    assert operations.count("connexion_reussie") == 1     # une seule saisie : SSO


def test_les_deux_commandes_du_readme_existent():
    texte = README.read_text(encoding="utf-8")
    for commande in ("bash scripts/ouvrir_cours.sh", "bash scripts/lancer_tests.sh"):
        assert commande in texte
        assert (README.parent / commande.split()[1]).is_file()
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/lancer_tests.sh" in ci


def test_le_cours_s_ouvre_sans_les_outils_des_tests_ni_avertissement_tcp():
    """Issue 15, § 7 : les élèves n'installent que l'extra « cours » ; les noyaux parlent à
    JupyterLab par IPC (pas d'avertissement « TCP without encryption » dans un cours de
    sécurité) ; pas de fenêtre d'actualités au premier lancement."""
    racine = Path(__file__).resolve().parents[1]
    ouvrir = (racine / "scripts" / "ouvrir_cours.sh").read_text(encoding="utf-8")
    assert "bash scripts/installer.sh cours\n" in ouvrir and "cours,tests" not in ouvrir
    assert "--KernelManager.transport=ipc" in ouvrir and '"--KernelManager.ip=$noyaux/' in ouvrir
    installer = (racine / "scripts" / "installer.sh").read_text(encoding="utf-8")
    assert '"fetchNews": "false"' in installer and '"checkForUpdates": false' in installer
