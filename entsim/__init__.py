"""entsim — simulation pédagogique d'un Espace Numérique de Travail (ENT)."""

__version__ = "0.1.0"

from entsim.ent import ENT, MOTS_DE_PASSE_DEMO  # noqa: E402


def _dans_un_notebook() -> bool:
    import sys

    ipython = sys.modules.get("IPython")
    return ipython is not None and getattr(ipython, "get_ipython", lambda: None)() is not None


if _dans_un_notebook():  # textes des tableaux en entier ; retours des fiches affichés
    from entsim.socle.tableaux import regler_affichage_pandas
    from entsim.widgets.affichage import brancher_ipython

    regler_affichage_pandas()
    brancher_ipython()

__all__ = ["ENT", "MOTS_DE_PASSE_DEMO", "__version__"]
