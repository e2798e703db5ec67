"""Les erreurs de Python expliquées en français dans un VRAI noyau Jupyter (issue 16, § 2).

Un noyau ipykernel est lancé (jupyter_client, comme JupyterLab et nbclient le font) ; on y
exécute la ligne d'installation puis des cellules fautives, et on lit ce que l'élève
verrait : l'encadré français (``display_data``), et la sortie d'erreur d'une ligne qui garde
la cellule en erreur (sans elle, ni « Tout exécuter », ni nbval, ni la correction ne
verraient l'erreur).
"""

from __future__ import annotations

import pytest

INSTALLER = ("from entsim.widgets.erreurs import installer_erreurs_en_francais\n"
             "installer_erreurs_en_francais()")


@pytest.fixture(scope="module")
def noyau():
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name="python3")
    km.start_kernel()
    client = km.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=90)
        yield client
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)


def executer(client, code: str) -> dict:
    """Exécute une cellule ; renvoie le statut, les encadrés (texte, HTML) et les erreurs."""
    messages = []
    reponse = client.execute_interactive(code, timeout=90, output_hook=messages.append)
    affichages = [m["content"]["data"] for m in messages
                  if m["msg_type"] in ("display_data", "execute_result")]
    erreurs = [m["content"] for m in messages if m["msg_type"] == "error"]
    flux = "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream")
    return {"statut": reponse["content"]["status"], "affichages": affichages,
            "erreurs": erreurs, "flux": flux, "reponse": reponse["content"]}


@pytest.fixture(scope="module")
def installe(noyau):
    resultat = executer(noyau, INSTALLER)
    assert resultat["statut"] == "ok"
    assert resultat["affichages"][-1]["text/plain"] == "True"
    return noyau


def encadre(resultat: dict) -> tuple[str, str]:
    """(texte, HTML) du seul encadré français affiché par la cellule."""
    encadres = [a for a in resultat["affichages"] if "entsim-erreur" in a.get("text/html", "")]
    assert len(encadres) == 1, resultat
    return encadres[0]["text/plain"], encadres[0]["text/html"]


def test_erreur_de_syntaxe_expliquee_en_francais(installe):
    resultat = executer(installe, 'reponse_q1 = "ENT"\nprint("Bonjour"')
    texte, html = encadre(resultat)
    assert "Une parenthèse ouverte n'est jamais fermée" in texte
    assert "Ajoutez « ) »" in texte
    assert 'print("Bonjour"' in texte                 # la ligne concernée
    assert "Ligne 2 :" in texte                       # de cette cellule, sous laquelle il s'affiche
    assert "Détails pour le professeur" in html and "<details" in html
    # la cellule reste en erreur, et le message d'origine de Python tient en une ligne
    assert resultat["statut"] == "error"
    assert [e["ename"] for e in resultat["erreurs"]] == ["SyntaxError"]
    assert resultat["erreurs"][0]["traceback"] == ["SyntaxError: '(' was never closed"]


def test_nom_inconnu_propose_le_nom_proche(installe):
    executer(installe, 'reponse_q1a = "le portail"')
    resultat = executer(installe, "print(reponse_q1)")
    texte, _ = encadre(resultat)
    assert "Le nom « reponse_q1 » n'est pas défini" in texte
    assert "Vouliez-vous écrire « reponse_q1a » ?" in texte
    assert "exécutez d'abord la cellule qui le définit" in texte
    assert resultat["statut"] == "error"
    assert resultat["erreurs"][0]["ename"] == "NameError"


def test_texte_plus_nombre(installe):
    resultat = executer(installe, 'nombre = 35\nprint("Élèves : " + nombre)')
    texte, html = encadre(resultat)
    assert "On ne peut pas ajouter un texte et un nombre" in texte
    assert "str(nombre)" in texte
    assert "Ligne 2 :" in texte
    assert "<u " in html                               # l'endroit fautif souligné
    assert resultat["erreurs"][0]["ename"] == "TypeError"


@pytest.mark.parametrize(("cellule", "attendu", "nom"), [
    ("if True:\nprint(1)", "Décalage de ligne (indentation) incorrect", "IndentationError"),
    ("if 3 = 3:\n    pass", "« = » à la place de « == »", "SyntaxError"),
    ('x = "abc', "Un texte n'est pas refermé par un guillemet", "SyntaxError"),
    ("notes = {'maths': 12}\nnotes['français']", "Cette clé n'existe pas", "KeyError"),
    ("[1, 2, 3][3]", "Cette position n'existe pas", "IndexError"),
    ("1 / 0", "Division par zéro", "ZeroDivisionError"),
    ("int('2,5')", "Ce texte n'est pas un nombre", "ValueError"),
    ("import entsimm", "Le module « entsimm » est introuvable", "ModuleNotFoundError"),
    ("from entsim import EN", "« EN » n'existe pas dans « entsim »", "ImportError"),
    ("'abc'.majuscule()", "« .majuscule » n'existe pas ici", "AttributeError"),
    ("f = None\nf()", "None n'est pas une fonction", "TypeError"),
    ("def f(a):\n    return a\nf(1, 2)", "Mauvais arguments pour « f() »", "TypeError"),
    ("return 3", "Instruction hors d'une fonction", "SyntaxError"),
    ("%tmie 1 + 1", "Commande de Jupyter (%) mal écrite", "UsageError"),
])
def test_erreurs_courantes(installe, cellule, attendu, nom):
    resultat = executer(installe, cellule)
    texte, _ = encadre(resultat)
    assert attendu in texte
    assert "get_ipython" not in texte                  # jamais le code réécrit par IPython
    assert resultat["statut"] == "error"
    assert [e["ename"] for e in resultat["erreurs"]] == [nom]


def test_erreur_dans_une_fonction_d_une_autre_cellule(installe):
    definition = executer(installe, "def moyenne(notes):\n    return sum(notes) / len(notes)")
    assert definition["statut"] == "ok"
    resultat = executer(installe, "moyenne([])")
    texte, html = encadre(resultat)
    assert "Division par zéro" in texte
    # la ligne fautive est dans la cellule qui définit la fonction : on dit laquelle
    assert "Ligne 2 de la cellule [" in texte and "return sum(notes) / len(notes)" in texte
    assert "Cette cellule, ligne 1 : moyenne([])" in html


def test_erreur_de_l_ent_courte_sans_pile(installe):
    resultat = executer(installe, "from entsim.etablissement.annuaire import profil_depuis\n"
                                  "profil_depuis('Pirate')")
    texte, html = encadre(resultat)
    assert "L'ENT simulé refuse cette demande" in texte
    assert "Pile d'appels" not in html                 # message déjà en français : court
    assert resultat["statut"] == "error"


def test_apres_une_erreur_le_noyau_continue(installe):
    executer(installe, "print(pas_defini)")
    resultat = executer(installe, "print(6 * 7)")
    assert resultat["statut"] == "ok" and resultat["flux"].strip() == "42"
    assert executer(installe, INSTALLER)["statut"] == "ok"          # installer deux fois
    assert len(encadre(executer(installe, "1 / 0"))) == 2          # un seul encadré


def test_le_professeur_retrouve_la_pile_d_origine_avec_tb(installe):
    executer(installe, "def f():\n    return pas_defini\nf()")
    resultat = executer(installe, "%tb")
    pile = "\n".join(resultat["erreurs"][0]["traceback"])
    assert "Traceback" in pile and "pas_defini" in pile and "NameError" in pile


def test_le_professeur_peut_revenir_aux_messages_d_origine(noyau):
    executer(noyau, INSTALLER)
    retour = executer(noyau, "from entsim.widgets.erreurs import "
                             "desinstaller_erreurs_en_francais\n"
                             "desinstaller_erreurs_en_francais()")
    assert retour["affichages"][-1]["text/plain"] == "True"
    resultat = executer(noyau, "print(pas_defini)")
    assert not any("entsim-erreur" in a.get("text/html", "") for a in resultat["affichages"])
    assert "NameError" in "\n".join(resultat["erreurs"][0]["traceback"])
    executer(noyau, INSTALLER)


def test_un_notebook_execute_par_nbclient_montre_les_erreurs_en_francais(tmp_path):
    """Comme un notebook du cours : commencer() en première cellule, puis des erreurs."""
    import nbformat
    from nbclient import NotebookClient

    def cellule(source, *tags):
        c = nbformat.v4.new_code_cell(source)
        c.metadata["tags"] = list(tags)
        return c

    nb = nbformat.v4.new_notebook()
    nb.cells = [cellule("from entsim.widgets import commencer\ncommencer()"),
                cellule("nombre_eleves = 35"),
                cellule('print("Feuilles :", nombre_eleve)', "raises-exception"),
                cellule('print("Bonjour !"', "raises-exception"),
                cellule("print('fin')")]
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    _, _, nom, syntaxe, fin = nb.cells
    assert "Vouliez-vous écrire « nombre_eleves » ?" in nom.outputs[0]["data"]["text/plain"]
    assert nom.outputs[-1]["output_type"] == "error" and nom.outputs[-1]["ename"] == "NameError"
    assert "Une parenthèse ouverte n'est jamais fermée" in syntaxe.outputs[0]["data"]["text/plain"]
    assert "entsim-erreur" in syntaxe.outputs[0]["data"]["text/html"]
    assert syntaxe.outputs[-1]["ename"] == "SyntaxError"
    assert fin.outputs[0]["text"] == "fin\n"


def test_une_fiche_sans_commencer_explique_aussi_les_erreurs(tmp_path):
    """Les fiches (exercises/) commencent par ``from entsim.questions import fiche`` : importer
    entsim dans un notebook suffit (entsim.widgets.affichage) ; l'élève qui exécute la cellule
    de vérification avant sa cellule de réponse lit ce qu'il doit faire."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('from entsim.questions import fiche\n'
                                          'f = fiche("partie1")'),
                nbformat.v4.new_code_cell('f.verifier("q1e", reponse_q1e)'),
                nbformat.v4.new_code_cell('reponse_q1e = "B'),
                nbformat.v4.new_code_cell('reponse_q1e = "B"\nf.verifier("q1e", reponse_q1e)')]
    for c in nb.cells[1:3]:
        c.metadata["tags"] = ["raises-exception"]
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    _, avant, guillemet, juste = nb.cells
    texte = avant.outputs[0]["data"]["text/plain"]
    assert "Le nom « reponse_q1e » n'est pas défini" in texte
    assert "exécutez d'abord la cellule qui le définit" in texte
    assert "Un texte n'est pas refermé par un guillemet" in guillemet.outputs[0]["data"]["text/plain"]
    assert not any(o["output_type"] == "error" for o in juste.outputs)
