"""Le style commun des graphiques du cours (matplotlib) : lisibles au vidéoprojecteur, en
français, avec des couleurs que distinguent aussi les élèves daltoniens.

Palette : celle d'Okabe et Ito (« Color Universal Design », 2008), conçue pour rester
distincte pour les trois formes courantes de daltonisme ; elle est aussi le cycle de
couleurs par défaut conseillé par la documentation de matplotlib pour l'accessibilité. On
ne compte jamais sur la couleur seule : chaque série a aussi son libellé (légende) et, sur
les courbes, son style de trait (:data:`TRAITS`).

Nombres à la française (:func:`nombre_fr`) : espace fine insécable entre les milliers,
virgule décimale (« 12 345 », « 2,5 »). Les images exportées (:func:`enregistrer_png`) ne
portent ni date ni version de logiciel : même graphique → même fichier.
"""

from __future__ import annotations

from pathlib import Path

from entsim.socle.donnees import FichierEnregistre

#: Okabe & Ito (2008) : noir exclu (réservé au texte), dans l'ordre conseillé.
PALETTE: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
                            "#D55E00", "#F0E442", "#000000")

#: Styles de trait, dans le même ordre que la palette (la couleur n'est jamais seule).
TRAITS: tuple[str, ...] = ("-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1)),
                           (0, (1, 1)), "-")

#: Carte de couleurs séquentielle perçue uniformément et lisible par les daltoniens
#: (matplotlib, « cividis » : Nuñez, Anderton et Renslow, PLOS ONE, 2018).
CARTE_SEQUENTIELLE = "cividis"

#: Tailles de police pour la projection en classe.
TAILLE_TITRE = 16
TAILLE_TEXTE = 13

_ESPACE_FINE = "\u202f"


def nombre_fr(valeur: float, decimales: int = 0) -> str:
    """``12345.6`` → « 12 346 » ; ``nombre_fr(2.5, 1)`` → « 2,5 » (espace fine, virgule)."""
    texte = f"{valeur:,.{decimales}f}"
    return texte.replace(",", _ESPACE_FINE).replace(".", ",")


def style_du_cours() -> dict[str, object]:
    """Les réglages ``rcParams`` du cours (à passer à ``matplotlib.rc_context``)."""
    from cycler import cycler

    return {
        "axes.prop_cycle": cycler(color=PALETTE[:7]),
        "axes.titlesize": TAILLE_TITRE,
        "axes.labelsize": TAILLE_TEXTE,
        "xtick.labelsize": TAILLE_TEXTE - 1,
        "ytick.labelsize": TAILLE_TEXTE - 1,
        "legend.fontsize": TAILLE_TEXTE - 1,
        "figure.dpi": 100,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.formatter.use_locale": False,
        "svg.hashsalt": "entsim",
    }


def nouvelle_figure(largeur: float = 10, hauteur: float = 5.5):
    """Une figure et ses axes au style du cours (sans rien afficher) : ``fig, ax``.

    La figure est créée sans ``pyplot`` (aucune fenêtre, aucun état global) : le notebook
    l'affiche parce qu'elle est la valeur de la cellule, les tests la ferment d'eux-mêmes.
    """
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(style_du_cours()):
        figure = Figure(figsize=(largeur, hauteur), layout="constrained")
        axes = figure.add_subplot()
    return figure, axes


def formater_axe_milliers(axe) -> None:
    """Graduations d'un axe en nombres à la française (« 12 345 »)."""
    from matplotlib.ticker import FuncFormatter

    axe.set_major_formatter(FuncFormatter(lambda valeur, _pos: nombre_fr(valeur)))


def enregistrer_png(figure, chemin: str | Path, *, dpi: int = 150) -> Path:
    """Enregistre la figure en PNG, sans métadonnées variables (même figure → même fichier)."""
    chemin = Path(chemin)
    figure.savefig(chemin, format="png", dpi=dpi, metadata={"Software": None})
    return chemin


def png_base64(figure, *, dpi: int = 100) -> str:
    """La figure en PNG codé en base64 (pour un paquet MIME ``image/png``)."""
    import base64
    import io

    tampon = io.BytesIO()
    figure.savefig(tampon, format="png", dpi=dpi, metadata={"Software": None})
    return base64.b64encode(tampon.getvalue()).decode("ascii")


class ImageEnregistree(FichierEnregistre):
    """Le chemin d'une image enregistrée (un texte), affiché en français avec sa taille."""

    NATURE = "Image enregistrée"


class Graphique:
    """Un graphique du cours : la figure, son titre et **une phrase qui dit ce qu'il montre**
    (calculée sur les données, jamais écrite d'avance).

    Dans un notebook, il s'affiche en deux sorties : l'image (PNG ; son texte de repli est
    « Graphique : <titre> ») puis la phrase. nbval compare les textes, pas les images :
    les sorties restent identiques d'une exécution à l'autre. Hors notebook (tests,
    scripts), rien ne s'affiche ; ``str(graphique)`` donne le titre et la phrase.
    """

    def __init__(self, figure, titre: str, phrase: str) -> None:
        self.figure = figure
        self.titre = titre
        self.phrase = phrase

    def texte(self) -> str:
        return f"Graphique : {self.titre}\n{self.phrase}"

    def __str__(self) -> str:
        return self.texte()

    def __repr__(self) -> str:
        return self.texte()

    def enregistrer_png(self, chemin: str | Path, *, dpi: int = 150) -> "ImageEnregistree":
        """Exporte l'image en PNG (pour un diaporama) et renvoie son chemin (qui s'affiche
        en français : « Image enregistrée : … »)."""
        return ImageEnregistree(enregistrer_png(self.figure, chemin, dpi=dpi))

    def _ipython_display_(self) -> None:
        from entsim.socle.affichage import afficher

        afficher({"image/png": png_base64(self.figure),
                  "text/plain": f"Graphique : {self.titre}"})
        afficher({"text/plain": self.phrase, "text/markdown": self.phrase})
