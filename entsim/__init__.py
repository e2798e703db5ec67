"""entsim — simulation pédagogique d'un Espace Numérique de Travail (ENT)."""

__version__ = "0.1.0"
