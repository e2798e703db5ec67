"""La section « L'ENT en vrai HTTP » du notebook du SSO (issue 18, § 6) : des cellules
nbformat, que le notebook 04b ajoute à sa fin.

    from section_ent_http import cellules
    nb.cells += cellules()              # le notebook a déjà « ent = ENT.demo() »

Ce que font les cellules : démarrer le serveur sur le même ENT (``ent.servir()``, port fixe
8765 : sorties identiques d'une exécution à l'autre), dire quoi regarder dans les outils de
développement (F12), se connecter comme Léa depuis un navigateur piloté par la cellule (de
vraies requêtes HTTP), ouvrir un second service sans mot de passe, rejouer un ticket déjà
utilisé, se déconnecter et voir chaque service prévenu, lire le journal, puis arrêter le
serveur (``ent.arreter()``) : nbval exécute tout, serveur compris.

    .venv/bin/python outils/section_ent_http.py /tmp/essai.ipynb   # un notebook d'essai
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat as nbf

INTRODUCTION = """## L'ENT en vrai : le serveur CAS dans votre navigateur

Jusqu'ici, les échanges entre le navigateur, le serveur CAS et les services étaient simulés
dans des objets Python. La cellule suivante sert **le même ENT** (même lycée, même horloge,
même journal) sur un vrai serveur web : ouvrez l'adresse affichée dans votre navigateur,
connectez-vous comme Léa Martin (identifiant `lea.martin`, mot de passe `Cahier!Vert2026`)
et regardez ce qui circule.

> Si JupyterLab tourne sur un serveur distant (et non sur votre ordinateur), ouvrez plutôt
> l'adresse de JupyterLab suivie de `/proxy/8765/` (par exemple
> `https://jupyter.lycee.example/user/lea/proxy/8765/`) : le serveur de l'ENT est alors
> joint à travers JupyterLab (extension `jupyter-server-proxy`)."""

F12 = """### Ce qu'il faut regarder (touche F12 : outils de développement)

* **Onglet Réseau** (cochez « Conserver le journal ») : la page du cahier de textes répond
  `302` et renvoie vers `/cas/login?service=…` ; le formulaire envoyé (`POST /cas/login`)
  répond `303` vers `/cahier-de-textes?ticket=ST-…` : le **ticket de service** passe dans la
  barre d'adresse. La validation du ticket n'apparaît pas : le service la demande au serveur
  CAS **de serveur à serveur**, sans passer par le navigateur.
* **Onglet Application → Cookies** : le cookie `TGC` (la session SSO) n'est envoyé qu'au
  serveur CAS (chemin `/cas`) ; il est `HttpOnly` (aucun script de la page ne peut le lire)
  et `SameSite=Lax`. Il n'est pas `Secure` ici, car ce serveur de classe parle HTTP : un vrai
  ENT, tout en HTTPS, le marque `Secure`. Chaque service a son propre cookie de session
  (`session_notes`, `session_cahier_de_textes`…).
* Ouvrez ensuite un **second service** (les notes) : aucun mot de passe demandé, le cookie
  `TGC` suffit pour obtenir un nouveau ticket.

Les cellules ci-dessous font la même visite avec un navigateur piloté depuis Python : chaque
ligne est une vraie requête HTTP, avec les cookies envoyés et posés."""

REJEU = """### Rejouer un ticket déjà utilisé

Un ticket de service ne sert qu'**une fois** (spécification CAS 3.0, section 3.1.1). Coller
dans la barre d'adresse l'adresse qui contenait le premier ticket ne rouvre rien : le serveur
CAS répond `INVALID_TICKET`."""

DECONNEXION = """### Se déconnecter : chaque service est prévenu

`/cas/logout` détruit la session SSO et efface le cookie `TGC` ; le serveur CAS envoie alors
à chaque service ouvert une demande de déconnexion (`samlp:LogoutRequest`, en `POST`, de
serveur à serveur). Rouvrir les notes redemande le mot de passe."""

FIN = """Le journal de l'ENT a tout noté, comme pour les connexions simulées. Avant de quitter,
arrêtez le serveur (il s'arrête aussi quand le noyau redémarre)."""


def _md(texte: str) -> nbf.NotebookNode:
    return nbf.v4.new_markdown_cell(texte)


def _code(source: str) -> nbf.NotebookNode:
    return nbf.v4.new_code_cell(source)


def cellules(*, creer_ent: bool = False) -> list[nbf.NotebookNode]:
    """Les cellules de la section, dans l'ordre. ``creer_ent=True`` ajoute d'abord
    ``ent = ENT.demo()`` (pour un notebook qui n'a pas encore d'ENT)."""
    debut = [_code("from entsim import ENT\n\nent = ENT.demo()")] if creer_ent else []
    return debut + [
        _md(INTRODUCTION),
        _code("serveur = ent.servir()"),
        _md(F12),
        _code('navigateur = serveur.navigateur()\nnavigateur.ouvrir("cahier-de-textes")'),
        _code('connexion = navigateur.connecter("lea.martin", "Cahier!Vert2026")\nconnexion'),
        _code('navigateur.ouvrir("notes")'),
        _md(REJEU),
        _code("adresse_avec_ticket = connexion.passages[0].location\n"
              "print(adresse_avec_ticket)\n"
              "navigateur.ouvrir(adresse_avec_ticket)"),
        _md(DECONNEXION),
        _code('navigateur.ouvrir("cas/logout")'),
        _code('navigateur.ouvrir("notes")'),
        _md(FIN),
        _code("ent.journal.tableau(ent.journal.entrees()[-8:])"),
        _code("navigateur.fermer()\nent.arreter()"),
    ]


def notebook_essai() -> nbf.NotebookNode:
    """Un notebook qui ne contient que cette section (avec son ENT)."""
    nb = nbf.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = cellules(creer_ent=True)
    return nb


if __name__ == "__main__":
    cible = Path(sys.argv[1] if len(sys.argv) > 1 else "section_ent_http.ipynb")
    nbf.write(notebook_essai(), cible)
    print(f"Notebook d'essai écrit : {cible}")
