"""entsim — simulation pédagogique d'un Espace Numérique de Travail (ENT)."""

__version__ = "0.1.0"

#: Chargés à la première utilisation (``from entsim import ENT``), pas par ``import entsim`` :
#: l'ENT tire une centaine de modules (issue 17 : « import heavy parts lazily »).
_PARESSEUX = {"ENT": "entsim.ent", "MOTS_DE_PASSE_DEMO": "entsim.ent"}


def __getattr__(nom: str):
    if nom in _PARESSEUX:
        from importlib import import_module

        valeur = getattr(import_module(_PARESSEUX[nom]), nom)
        globals()[nom] = valeur
        return valeur
    raise AttributeError(f"module 'entsim' has no attribute {nom!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_PARESSEUX})


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
