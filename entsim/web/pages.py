"""Les pages HTML du serveur, en français, lisibles au vidéoprojecteur, sans JavaScript.

Tout texte reçu (paramètre, nom, message de la simulation) passe par :func:`html.escape`
avant d'entrer dans une page : une adresse ``"><script>…`` s'affiche, elle ne s'exécute
pas. Les pages n'ont ni script ni ressource externe ; l'en-tête
``Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; form-action 'self'``
(posé par :mod:`entsim.web.application`) interdit au navigateur d'en exécuter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

STYLE = """
body { font-family: system-ui, sans-serif; font-size: 20px; line-height: 1.5; margin: 0;
       background: #f4f6f8; color: #1b1f24; }
header { background: #1d4e89; color: white; padding: 0.6em 1em; }
header h1 { margin: 0; font-size: 1.3em; }
main { max-width: 46em; margin: 1em auto; background: white; padding: 1em 1.5em;
       border-radius: 8px; }
label { display: block; margin-top: 0.6em; font-weight: bold; }
input[type=text], input[type=password] { font-size: 1em; padding: 0.3em; width: 100%;
       box-sizing: border-box; }
button { font-size: 1em; margin-top: 1em; padding: 0.4em 1.2em; background: #1d4e89;
       color: white; border: 0; border-radius: 6px; }
.erreur { background: #fde8e8; border-left: 6px solid #b00020; padding: 0.5em 1em; }
.succes { background: #e6f4ea; border-left: 6px solid #1e7e34; padding: 0.5em 1em; }
.note { color: #4a5560; font-size: 0.85em; }
details { margin-top: 1em; font-size: 0.8em; }
code { background: #eef1f4; padding: 0 0.2em; word-break: break-all; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; }
td, th { border: 1px solid #c9d1d9; padding: 0.2em 0.5em; text-align: left; }
"""


def e(texte: object) -> str:
    """Le texte échappé pour HTML (guillemets compris)."""
    return escape(str(texte), quote=True)


def page(titre: str, corps: str, *, entete: str = "ENT du lycée — simulation") -> str:
    """Une page complète : en-tête, titre, contenu (déjà en HTML)."""
    return (f'<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(titre)}</title><style>{STYLE}</style></head>"
            f"<body><header><h1>{e(entete)}</h1></header><main>"
            f"<h2>{e(titre)}</h2>{corps}</main></body></html>")


def page_erreur(statut: int, titre: str, message: str, *, code: str | None = None) -> str:
    """Une page d'erreur : ce qui s'est passé, en une phrase, et le code stable s'il y en a
    un (jamais de trace d'exécution)."""
    complement = f'<p class="note">Code : <code>{e(code)}</code></p>' if code else ""
    return page(titre, f'<p class="erreur">{e(message)}</p>{complement}'
                       f'<p class="note">Réponse HTTP {statut}.</p>')


def formulaire_connexion(*, action: str, lt: str, service: str | None, renew: bool,
                         nom_service: str | None, message: str | None,
                         notice: Sequence[tuple[str, str]], identifiant: str = "") -> str:
    """Le formulaire de ``/cas/login`` (*CAS Protocol 3.0 Specification*, section 2.1.3 :
    champs ``username``, ``password`` et ``lt``, et ``service`` s'il a été donné), suivi de
    la notice d'information (RGPD, art. 13 : au moment où les données sont obtenues)."""
    cachés = [f'<input type="hidden" name="lt" value="{e(lt)}">']
    if service is not None:
        cachés.append(f'<input type="hidden" name="service" value="{e(service)}">')
    if renew:
        cachés.append('<input type="hidden" name="renew" value="true">')
    pour = (f"<p>Le service « {e(nom_service)} » vous demande de vous identifier.</p>"
            if nom_service else "<p>Identifiez-vous pour ouvrir une session sur l'ENT.</p>")
    alerte = f'<p class="erreur">{e(message)}</p>' if message else ""
    rubriques = "".join(f"<p><strong>{e(titre)}</strong> : {e(texte)}</p>"
                        for titre, texte in notice)
    corps = (f'{pour}{alerte}<form method="post" action="{e(action)}">'
             f'<label for="username">Identifiant</label>'
             f'<input type="text" id="username" name="username" autocomplete="username" '
             f'value="{e(identifiant)}" required>'
             f'<label for="password">Mot de passe</label>'
             f'<input type="password" id="password" name="password" '
             f'autocomplete="current-password" required>'
             f'{"".join(cachés)}<button type="submit">Se connecter</button></form>'
             f"<details open><summary>Information sur vos données personnelles (RGPD, "
             f"art. 13)</summary>{rubriques}</details>")
    return page("Service d'authentification centrale (CAS)", corps)


def liste(elements: Iterable[str]) -> str:
    """Une liste à puces (éléments déjà échappés)."""
    items = "".join(f"<li>{x}</li>" for x in elements)
    return f"<ul>{items}</ul>" if items else "<p>(rien à afficher)</p>"


def tableau(entetes: Sequence[str], lignes: Iterable[Sequence[object]]) -> str:
    """Un tableau HTML (cellules échappées)."""
    tete = "".join(f"<th>{e(x)}</th>" for x in entetes)
    corps = "".join("<tr>" + "".join(f"<td>{e(x)}</td>" for x in ligne) + "</tr>"
                    for ligne in lignes)
    return f"<table><tr>{tete}</tr>{corps}</table>"
