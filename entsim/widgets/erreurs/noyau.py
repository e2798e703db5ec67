"""Brancher l'explication française sur le noyau IPython du cours.

Deux crochets d'IPython, ceux que sa documentation prévoit (``InteractiveShell``, API) :

- ``set_custom_exc((BaseException,), gestionnaire)`` : IPython appelle le gestionnaire pour
  toute exception levée en exécutant une cellule (``run_code``) **et** pour une erreur de
  syntaxe trouvée en lisant la cellule (``run_cell`` : ``ast_parse`` est protégé par
  ``except self.custom_exceptions``, IPython 8 et 9) ;
- ``showsyntaxerror`` : les rares erreurs de syntaxe trouvées plus tard, à la compilation
  (``return`` hors d'une fonction), passent par cette méthode, remplacée sur l'instance.

Le gestionnaire affiche l'encadré français (``display_data`` : HTML et texte), puis envoie
quand même une sortie d'erreur (``error``) d'une ligne, le message d'origine de Python : la
cellule reste en erreur pour Jupyter (« Tout exécuter » s'arrête), pour nbval (qui ne voit une
erreur que par ce message) et pour la correction. S'il échoue lui-même, l'affichage normal
d'IPython reprend : jamais d'erreur cachée.
"""

from __future__ import annotations

import builtins
import sys
import types

from IPython.display import display

from entsim.widgets.erreurs.explication import expliquer
from entsim.widgets.erreurs.rendu import en_html

#: Marque posée sur le noyau quand l'explication française est branchée.
_MARQUE = "_entsim_erreurs_en_francais"


def installer_erreurs_en_francais(ip=None) -> bool:
    """Les erreurs de Python expliquées en français dans ce noyau (sans effet hors IPython).

    Renvoie ``True`` si l'explication est branchée (ou l'était déjà), ``False`` hors d'IPython
    (script, terminal Python). Appelée par la première cellule de chaque notebook.
    """
    if ip is None:
        from IPython import get_ipython

        ip = get_ipython()
    if ip is None or not hasattr(ip, "set_custom_exc"):
        return False
    ip.set_custom_exc((BaseException,), _gestionnaire)
    if not getattr(ip, _MARQUE, False):
        ip.showsyntaxerror = types.MethodType(_montrer_erreur_de_syntaxe, ip)
        setattr(ip, _MARQUE, True)
    return True


def desinstaller_erreurs_en_francais(ip=None) -> bool:
    """Revient aux messages d'origine de Python (pour le professeur qui les préfère)."""
    if ip is None:
        from IPython import get_ipython

        ip = get_ipython()
    if ip is None or not getattr(ip, _MARQUE, False):
        return False
    ip.set_custom_exc((), None)
    del ip.showsyntaxerror                      # la méthode de la classe reprend sa place
    setattr(ip, _MARQUE, False)
    return True


def erreurs_en_francais_installees(ip) -> bool:
    return bool(ip is not None and getattr(ip, _MARQUE, False))


def _gestionnaire(shell, etype, valeur, tb, tb_offset=None):
    """Appelé par IPython (``CustomTB``) ; ce qu'il renvoie n'est pas affiché par IPython."""
    try:
        _afficher(shell, etype, valeur, tb)
    except Exception:  # l'explication a échoué : l'affichage d'origine, jamais rien
        type(shell).showtraceback(shell, (etype, valeur, tb), tb_offset=tb_offset)
    return None


def _montrer_erreur_de_syntaxe(shell, filename=None, running_compiled_code=False):
    etype, valeur, tb = shell._get_exc_info()
    if filename and isinstance(valeur, SyntaxError):
        try:
            valeur.filename = filename
        except AttributeError:
            pass
    try:
        _afficher(shell, etype, valeur, tb)
    except Exception:
        type(shell).showsyntaxerror(shell, filename, running_compiled_code)


def _afficher(shell, etype, valeur, tb) -> None:
    try:
        shell._get_exc_info((etype, valeur, tb))  # sys.last_… : %tb et %debug marchent encore
    except Exception:
        pass
    if valeur.__traceback__ is None and tb is not None:
        valeur = valeur.with_traceback(tb)
    noms = [n for n in getattr(shell, "user_ns", {}) if isinstance(n, str)
            and not n.startswith("_")] + dir(builtins)
    explication = expliquer(valeur, noms, _noms_de_cellules(shell))
    display({"text/plain": explication.texte, "text/html": en_html(explication)}, raw=True)
    sys.stdout.flush()
    shell._showtraceback(etype, valeur, [explication.message_original])


def _noms_de_cellules(shell):
    """« [5] » pour le fichier d'une autre cellule, exécutée en 5e (le numéro affiché à sa
    gauche) ; « » pour la cellule en cours, la dernière mise en cache par IPython (l'encadré
    s'affiche sous elle ; nbval, qui exécute sans historique, numérote toutes les cellules 1)."""
    correspondance = getattr(getattr(shell, "compile", None), "_filename_map", {}) or {}
    en_cours = next(reversed(correspondance), None) if correspondance else None

    def nom_de_cellule(fichier: str) -> str | None:
        if fichier == en_cours:
            return ""
        numero = correspondance.get(fichier)
        if numero is not None:
            return f"[{numero}]"
        if not correspondance and ("ipykernel_" in fichier or fichier.startswith("<ipython-")):
            return ""                            # IPython sans table des cellules
        return "" if fichier.startswith("<") and fichier.endswith(">") else None

    return nom_de_cellule
