"""entsim — simulation pédagogique d'un Espace Numérique de Travail (ENT)."""

__version__ = "0.1.0"

from .ent import ENT, MOTS_DE_PASSE_DEMO  # noqa: E402


def _dans_un_notebook() -> bool:
    import sys

    ipython = sys.modules.get("IPython")
    return ipython is not None and getattr(ipython, "get_ipython", lambda: None)() is not None


if _dans_un_notebook():  # textes des tableaux en entier (finalités, descriptions…)
    from entsim.socle.tableaux import regler_affichage_pandas

    regler_affichage_pandas()

__all__ = ["ENT", "MOTS_DE_PASSE_DEMO", "__version__"]
