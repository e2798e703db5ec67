"""Les retours montrés à l'élève : la correction d'une réponse (:class:`Correction`) et
l'indice (:class:`Indice`), en texte brut et en HTML échappé.

Chaque statut a un libellé et un symbole (✓, ◐, ✗…) : la couleur n'est jamais le seul
signal. Dans un notebook, un retour s'affiche par :func:`entsim.socle.affichage.afficher`
(IPython y est branché par les widgets) ; ailleurs, rien ne s'affiche.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from entsim.questions.ecriture import nombre_fr, points_fr
from entsim.socle.affichage import afficher


#: Les statuts d'une correction et leur libellé français (affiché avec un symbole).
STATUTS: dict[str, str] = {
    "juste": "Juste",
    "partiel": "Partiellement juste",
    "faux": "Pas encore juste",
    "vide": "Pas de réponse",
    "manuel": "À corriger par le professeur",
    "invalide": "Réponse illisible",
}

#: Symbole de chaque statut : le sens ne repose jamais sur la seule couleur.
SYMBOLES: dict[str, str] = {
    "juste": "✓", "partiel": "◐", "faux": "✗", "vide": "○", "manuel": "✎", "invalide": "⚠",
}

_COULEURS: dict[str, tuple[str, str]] = {   # (bordure, fond) : aide visuelle seulement
    "juste": ("#1b7f3b", "#eaf6ee"), "partiel": ("#9a6700", "#fff5db"),
    "faux": ("#b3261e", "#fdecea"), "vide": ("#5f6368", "#f1f3f4"),
    "manuel": ("#1a5fb4", "#e8f0fe"), "invalide": ("#9a3412", "#fff1e6"),
}


#: Ce que lit l'élève à côté d'une note calculée par mots-clés.
MENTION_PROVISOIRE = "note provisoire : le professeur peut l'ajuster"

#: Le « barème » d'une vérification de la fiche des élèves : juste ou pas encore, sans note.
MENTION_FORMATIF = "vérification sans note (votre professeur note la fiche rendue)"


class _AffichageNotebook:
    """Affichage d'un retour (correction, indice) dans un notebook : texte brut et HTML.

    :meth:`Fiche.verifier` et :meth:`Fiche.indice` affichent déjà l'objet qu'ils renvoient :
    on ne le répète pas quand la cellule se termine par l'appel (un affichage suivant,
    par exemple ``c`` seul, le montre)."""

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return {"text/plain": self.texte(), "text/html": self.html()}

    def _ipython_display_(self) -> None:
        if self.__dict__.pop("_deja_affiche", False):
            return
        afficher(self._repr_mimebundle_())


@dataclass(frozen=True)
class Correction(_AffichageNotebook):
    """Le résultat de la correction d'une réponse.

    ``statut`` : ``"juste"``, ``"partiel"``, ``"faux"``, ``"vide"``, ``"manuel"`` (question
    ouverte, notée à la main) ou ``"invalide"`` ; ``message`` : le retour en français pour
    l'élève ; ``details`` : les précisions (idée manquante, élément mal rangé…) ;
    ``pour_le_professeur`` : des repères qui ne sont pas montrés à l'élève ;
    ``provisoire`` : la note vient d'un contrôle par mots-clés (définition rédigée) ; le
    barème l'indique (« note provisoire : le professeur peut l'ajuster ») ;
    ``formatif`` : vérification de la fiche des élèves (« juste » ou « pas encore », sans
    points ni détail par élément : :mod:`entsim.questions.publique`).
    """

    question: str
    points: float
    sur: float
    statut: str
    message: str
    details: tuple[str, ...] = ()
    pour_le_professeur: tuple[str, ...] = ()
    provisoire: bool = False
    formatif: bool = False

    @property
    def juste(self) -> bool:
        """Vrai si la réponse a tous les points."""
        return self.statut == "juste"

    @property
    def libelle(self) -> str:
        """Le statut en toutes lettres, précédé de son symbole (« ✓ Juste »)."""
        return f"{SYMBOLES.get(self.statut, '?')} {STATUTS.get(self.statut, self.statut)}"

    def bareme(self) -> str:
        """« 1,5 / 2 points » ; pour une question ouverte : « note du professeur, sur 3 points »."""
        if self.formatif:
            return MENTION_FORMATIF
        if self.statut == "manuel":
            return f"noté par le professeur, sur {points_fr(self.sur)}"
        bareme = f"{nombre_fr(self.points)} / {points_fr(self.sur)}"
        return f"{bareme} ({MENTION_PROVISOIRE})" if self.provisoire else bareme

    def texte(self) -> str:
        """Le retour en texte brut (déterministe) : ce que voit un lecteur d'écran ou nbval."""
        entete = (f"{self.libelle} — question {self.question}." if self.formatif else
                  f"{self.libelle} — question {self.question} : {self.bareme()}.")
        lignes = [entete, self.message]
        lignes += [f"  • {d}" for d in self.details]
        return "\n".join(lignes)

    def html(self) -> str:
        """Le retour en HTML (textes échappés), avec symbole et mots en plus de la couleur."""
        bordure, fond = _COULEURS.get(self.statut, ("#5f6368", "#f1f3f4"))
        e = html.escape
        details = ""
        if self.details:
            details = "<ul style=\"margin:0.3em 0 0 0\">" + "".join(
                f"<li>{_html_texte(d)}</li>" for d in self.details) + "</ul>"
        return (f'<div class="entsim-correction" role="status" style="border-left:6px solid '
                f'{bordure};background:{fond};padding:0.5em 0.8em;margin:0.4em 0;'
                f'font-size:1.05em;color:#202124">'
                f"<strong>{e(self.libelle)}</strong> — question {e(self.question)}"
                + ("." if self.formatif else f" : {e(self.bareme())}.")
                + f"<br>{_html_texte(self.message)}{details}</div>")

    def __str__(self) -> str:
        return self.texte()


class Indice(_AffichageNotebook, str):
    """Un indice : un texte, affiché joliment dans un notebook (et en texte brut)."""

    question: str = ""
    numero: int = 0
    total: int = 0

    def texte(self) -> str:
        return (f"💡 Indice {self.numero} sur {self.total} — question {self.question} : "
                f"{str(self)}")

    def html(self) -> str:
        return (f'<div class="entsim-indice" role="note" style="border-left:6px solid '
                f'#1a5fb4;background:#e8f0fe;padding:0.5em 0.8em;margin:0.4em 0;'
                f'font-size:1.05em;color:#202124"><strong>💡 Indice {self.numero} sur '
                f'{self.total}</strong> — question {html.escape(self.question)} : '
                f"{_html_texte(str(self))}</div>")


def _html_texte(texte: str) -> str:
    """Texte échappé pour le HTML ; les `extraits de code` sont mis en forme de code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(texte))
