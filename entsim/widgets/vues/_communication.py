"""Base commune des vues des services de communication et de collaboration.

Ce que chaque vue garantit (brief du portail) :

* **écho texte** : chaque action écrit une phrase française dans un ``Label`` (lu par les
  lecteurs d'écran) et l'envoie à ``contexte.annoncer`` ; une réussite commence par « ✓ »,
  un refus par « ✗ Refusé : », une saisie impossible par « ⚠ » — un symbole *et* des mots,
  la couleur n'est jamais le seul signal ;
* **texte saisi échappé** : tout ce qu'un utilisateur a écrit (message, billet, nom de
  fichier…) passe par :func:`entsim.widgets.mise_en_forme.echapper` ; un ``<script>`` s'affiche
  tel quel, il n'est jamais exécuté ;
* **refus lisibles** : une erreur de l'ENT (:class:`entsim.socle.erreurs.ErreurENT`) devient une
  phrase, jamais une trace d'exception ;
* **projection** : avec ``contexte.projection``, le texte est plus grand ;
* ``texte()`` rend en texte brut ce que la vue montre (tests, lecteurs d'écran).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import ipywidgets as widgets

from entsim.socle.erreurs import AccesRefuse, ErreurENT
from entsim.widgets.mise_en_forme import echapper, tableau_html
from entsim.widgets.repli import AvecRepli
from entsim.widgets.vues._contexte import ActionsSures, ContexteVue

R = TypeVar("R")

#: Ce qu'on écrit devant une annonce, selon son issue (symbole et mots).
PREFIXE_SUCCES = "✓ "
PREFIXE_REFUS = "✗ Refusé : "
PREFIXE_IMPOSSIBLE = "⚠ Impossible : "


def bloc_texte(texte: str) -> str:
    """Un texte saisi par un utilisateur, échappé, retours à la ligne conservés."""
    return f'<div style="white-space:pre-wrap;margin:0.2em 0 0.6em 0;">{echapper(texte)}</div>'


class VueService(ActionsSures, AvecRepli):
    """Squelette d'une vue : en-tête, contenu, formulaire éventuel, annonce. Chaque action
    publique d'une vue est rendue sûre (:class:`entsim.widgets.vues.ActionsSures`) : une
    valeur absurde donne une phrase « ⚠ », jamais une exception."""

    def __init__(self, contexte: ContexteVue, code: str) -> None:
        self.contexte = contexte
        self.code = code
        self.ent = contexte.ent
        self.identifiant = contexte.identifiant
        self.service = contexte.ent.service(code)
        self.nom = self.service.nom
        taille = "1.4em" if contexte.projection else "1em"
        self._taille = taille
        self.annonce = widgets.Label(value="", style={"font_size": taille})
        self.entete = widgets.HTML()
        self.contenu = widgets.HTML()
        self._lignes: list[str] = []

    # -- mise en forme ---------------------------------------------------------------------
    def _html(self, corps: str) -> str:
        return (f'<div style="font-size:{self._taille};line-height:1.45;">{corps}</div>')

    def _style(self) -> dict[str, str]:
        """Style des boutons et étiquettes (plus grands en projection)."""
        return {"font_size": self._taille}

    def _bouton(self, libelle: str, action: Callable[[], object], *,
                infobulle: str = "") -> widgets.Button:
        bouton = widgets.Button(description=libelle, tooltip=infobulle or libelle,
                                style=self._style(),
                                layout=widgets.Layout(width="auto"))
        bouton.on_click(lambda _bouton: action())
        return bouton

    def _champ(self, description: str, **options) -> widgets.Text:
        return widgets.Text(description=description,
                            style={"description_width": "initial", **self._style()},
                            layout=widgets.Layout(width="95%"), **options)

    def _zone(self, description: str, **options) -> widgets.Textarea:
        return widgets.Textarea(description=description,
                                style={"description_width": "initial", **self._style()},
                                layout=widgets.Layout(width="95%", height="6em"), **options)

    @staticmethod
    def _options(liste: widgets.Dropdown, options: list[tuple[str, object]]) -> None:
        """Change les choix d'une liste déroulante en gardant le choix courant s'il existe
        encore, sinon le premier (une liste déroulante n'est jamais vide de choix)."""
        courant = liste.value
        liste.options = options
        valeurs = [v for _, v in options]
        if valeurs:
            liste.value = courant if courant in valeurs else valeurs[0]

    def _tableau(self, entetes: Sequence[str], lignes: Iterable[Sequence[object]],
                 legende: str | None = None) -> str:
        return tableau_html(entetes, list(lignes), legende)

    def _titre(self, titre: str, sous_titre: str = "") -> None:
        """L'en-tête de la vue (titre du service, puis qui regarde)."""
        html = f"<h3 style='margin:0.2em 0;'>{echapper(titre)}</h3>"
        if sous_titre:
            html += f"<p style='margin:0.2em 0;'>{echapper(sous_titre)}</p>"
        self.entete.value = self._html(html)

    # -- annonces et actions ---------------------------------------------------------------
    def _annoncer(self, phrase: str) -> str:
        self.annonce.value = phrase
        self.contexte.annoncer(phrase)
        return phrase

    def _annoncer_probleme(self, phrase: str) -> str:
        return self._annoncer(phrase)

    def _tenter(self, action: Callable[[], R], succes: Callable[[R], str]) -> str:
        """Exécute une action du service ; annonce le succès, le refus ou l'erreur de saisie,
        en français, et rafraîchit la vue."""
        try:
            resultat = action()
        except AccesRefuse as erreur:
            return self._annoncer(PREFIXE_REFUS + str(erreur))
        except ErreurENT as erreur:
            return self._annoncer(PREFIXE_IMPOSSIBLE + str(erreur))
        self.rafraichir()
        return self._annoncer(PREFIXE_SUCCES + succes(resultat))

    def _lire(self, lecture: Callable[[], R]) -> R | None:
        """Une lecture pour l'affichage ; un refus devient une phrase de la vue (contenu et
        texte) et la lecture renvoie ``None``."""
        try:
            return lecture()
        except AccesRefuse as erreur:
            phrase = PREFIXE_REFUS + str(erreur)
        except ErreurENT as erreur:
            phrase = PREFIXE_IMPOSSIBLE + str(erreur)
        self._lignes.append(phrase)
        self.contenu.value = self._html(f"<p>{echapper(phrase)}</p>")
        return None

    def nom_de(self, identifiant: str) -> str:
        return self.service.nom_de(identifiant)

    def libelle_personne(self, identifiant: str) -> str:
        """« Nicolas Durand (Enseignant — Professeur principal) »."""
        p = self.ent.etablissement.personne(identifiant)
        fonctions = sorted(f.value for f in p.fonctions)
        return f"{p.nom_complet} ({p.profil.value}" + \
            (f" — {', '.join(fonctions)})" if fonctions else ")")

    # -- à définir par chaque vue ----------------------------------------------------------
    def rafraichir(self) -> None:  # pragma: no cover - chaque vue le définit
        raise NotImplementedError

    def texte(self) -> str:
        """Ce que la vue montre, en texte brut (l'annonce en dernier)."""
        lignes = [self.nom] + self._lignes
        if self.annonce.value:
            lignes.append(self.annonce.value)
        return "\n".join(lignes)

    def nom_affiche(self) -> str:
        """Ce que montre le widget, pour son texte de repli (notebook non exécuté)."""
        return f"Service « {self.nom} »"
