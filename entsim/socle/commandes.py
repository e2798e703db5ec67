"""Les commandes en ligne d'entsim (``entsim-corriger``, ``entsim-fiches``) parlent français.

:func:`analyseur` construit un :class:`argparse.ArgumentParser` dont l'aide (« utilisation : »,
« options ») et les messages d'erreur sont en français, et qui accepte ``-h``, ``--aide`` et
``--help`` : un enseignant n'a pas à deviner l'orthographe de l'option d'aide.
"""

from __future__ import annotations

import argparse
import sys


class _Format(argparse.HelpFormatter):
    """La mise en page d'argparse, avec « utilisation : » au lieu de « usage: »."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[override]
        return super().add_usage(usage, actions, groups, prefix="utilisation : ")


class _Analyseur(argparse.ArgumentParser):
    """argparse, avec des messages d'erreur en français."""

    aide_erreur: str = ""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Commande incorrecte : {self.aide_erreur} (aide : {self.prog} "
                         "--aide).\n")
        raise SystemExit(2)


def analyseur(prog: str, description: str, *, usage: str | None = None,
              aide_erreur: str = "vérifiez les arguments et les options"
              ) -> argparse.ArgumentParser:
    """Un analyseur d'arguments en français ; ``aide_erreur`` complète le message d'erreur."""
    resultat = _Analyseur(prog=prog, add_help=False, formatter_class=_Format, usage=usage,
                          description=description)
    resultat.aide_erreur = aide_erreur
    resultat.add_argument("-h", "--aide", "--help", action="help", help="affiche cette aide")
    resultat._positionals.title = "arguments"
    resultat._optionals.title = "options"
    return resultat
