"""Erreurs de entsim : chaque erreur porte une phrase en français, lisible par un élève.

Une fonction qu'un élève peut appeler depuis une cellule vérifie ses arguments et lève
une sous-classe de :class:`ErreurENT` ; jamais un ``KeyError`` ou un ``TypeError`` brut.
"""

from __future__ import annotations

from entsim.socle.texte import cite, extrait, nature


class ErreurENT(Exception):
    """Base de toutes les erreurs de entsim ; ``str(erreur)`` est une phrase en français."""

    def __init__(self, message: str, *, code: str = "erreur") -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:  # affichage propre si l'erreur est affichée dans un notebook
        import html

        return f"<p><strong>⚠ Erreur :</strong> {html.escape(self.message)}</p>"


class ValeurInvalide(ErreurENT, ValueError):
    """Un argument a une valeur absurde (vide, négative, d'un mauvais type…)."""

    def __init__(self, message: str, *, code: str = "valeur_invalide") -> None:
        super().__init__(message, code=code)


class Introuvable(ErreurENT, LookupError):
    """Ce qu'on cherche (une personne, une classe, un service…) n'existe pas."""

    def __init__(self, message: str, *, code: str = "introuvable") -> None:
        super().__init__(message, code=code)


class AccesRefuse(ErreurENT, PermissionError):
    """Le service d'autorisation a refusé l'action ; le message dit pourquoi, en français."""

    def __init__(self, message: str, *, code: str = "acces_refuse", decision=None) -> None:
        super().__init__(message, code=code)
        self.decision = decision


def verifier_texte(valeur: object, nom: str, *, vide_autorise: bool = False) -> str:
    """Vérifie qu'un argument est un texte (et non vide), sinon lève :class:`ValeurInvalide`."""
    if not isinstance(valeur, str):
        raise ValeurInvalide(
            f"« {nom} » doit être un texte, écrit entre guillemets dans la cellule "
            f"(reçu : {nature(valeur)})."
        )
    if not vide_autorise and not valeur.strip():
        raise ValeurInvalide(f"« {nom} » ne peut pas être vide.")
    return valeur


def verifier_entier(valeur: object, nom: str, *, minimum: int | None = None,
                    maximum: int | None = None) -> int:
    """Vérifie qu'un argument est un nombre entier dans les bornes données."""
    if isinstance(valeur, bool) or not isinstance(valeur, int):
        raise ValeurInvalide(
            f"« {nom} » doit être un nombre entier, par exemple 3 (reçu : {cite(valeur)})."
        )
    if minimum is not None and valeur < minimum:
        raise ValeurInvalide(f"« {nom} » doit valoir au moins {minimum} (reçu : "
                             f"{extrait(valeur)}).")
    if maximum is not None and valeur > maximum:
        raise ValeurInvalide(f"« {nom} » doit valoir au plus {maximum} (reçu : "
                             f"{extrait(valeur)}).")
    return valeur
