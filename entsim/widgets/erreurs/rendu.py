"""L'explication d'une erreur mise en page : un encadré HTML et le même texte en clair.

L'encadré tient en quelques lignes : un titre (précédé de ⚠, la couleur n'est jamais le seul
signal), une ou deux phrases, la ligne concernée avec l'endroit souligné, puis, replié sous
« Détails pour le professeur », le message d'origine de Python et la pile d'appels (l'élève
n'a pas à les lire, le professeur en a besoin). Tailles en ``em`` : le mode projection, qui
agrandit le texte de la page, agrandit aussi l'encadré. Tout texte venu de Python ou de
l'élève est échappé (``html.escape``).
"""

from __future__ import annotations

import html

from entsim.widgets.erreurs.commun import Explication

#: Classe CSS de l'encadré (les tests du navigateur et le mode projection la cherchent).
CLASSE_ERREUR = "entsim-erreur"


def en_html(explication: Explication) -> str:
    e = html.escape
    morceaux = [
        f'<div class="{CLASSE_ERREUR}" role="alert" style="border-left: 0.3em solid #d55e00; '
        'background: #fff7ed; color: #1f2937; padding: 0.5em 0.9em; margin: 0.3em 0; '
        'line-height: 1.45;">',
        f'<p style="margin: 0 0 0.3em 0; font-size: 1.1em;"><strong>⚠ {e(explication.titre)}'
        '</strong></p>',
    ]
    morceaux += [f'<p style="margin: 0.2em 0;">{e(phrase)}</p>' for phrase in explication.phrases]
    if explication.ligne is not None:
        ou = explication.ou() or "Ligne concernée"
        morceaux.append(f'<p style="margin: 0.4em 0 0.1em 0;">{e(ou)} :</p>')
        morceaux.append('<pre style="margin: 0; padding: 0.3em 0.6em; background: #ffffff; '
                        'border: 1px solid #d1d5db; white-space: pre-wrap;">'
                        f'{_ligne_soulignee(explication)}</pre>')
    details = [f"Message de Python : {explication.message_original}"]
    if explication.details:
        details += ["", "Pile d'appels (de la cellule vers l'erreur) :"]
        details += [f"  {cadre}" for cadre in explication.details]
    morceaux.append(
        '<details style="margin-top: 0.4em; font-size: 0.85em; color: #4b5563;">'
        "<summary>Détails pour le professeur (message d'origine de Python, en anglais)"
        '</summary><pre style="white-space: pre-wrap; margin: 0.2em 0;">'
        f'{e(chr(10).join(details))}</pre></details>')
    morceaux.append("</div>")
    return "".join(morceaux)


def _ligne_soulignee(explication: Explication) -> str:
    """La ligne, l'endroit fautif souligné (balise ``<u>``, pas seulement de la couleur)."""
    ligne = explication.ligne or ""
    if explication.debut is None:
        return html.escape(ligne)
    debut = explication.debut - 1
    fin = max(debut + 1, (explication.fin or explication.debut + 1) - 1)
    avant, milieu, apres = ligne[:debut], ligne[debut:fin], ligne[fin:]
    if not milieu:                                   # fin de ligne : on marque l'endroit
        milieu = " "
    return (html.escape(avant) + '<u style="text-decoration-color: #d55e00; '
            'text-decoration-thickness: 0.15em; background: #fde2cc;">'
            + html.escape(milieu) + "</u>" + html.escape(apres))
