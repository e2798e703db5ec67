"""entsim — simulation pédagogique d'un Espace Numérique de Travail (ENT)."""

__version__ = "0.1.0"

from .ent import ENT, MOTS_DE_PASSE_DEMO  # noqa: E402

__all__ = ["ENT", "MOTS_DE_PASSE_DEMO", "__version__"]
