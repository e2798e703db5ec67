"""Les choix désignés par une lettre (A, B, C…), comme sur une feuille d'exercices : la
liste affichée dans la consigne, et la lecture de la réponse de l'élève, qui peut donner la
lettre (``"b"``, ``"B)"``), le numéro du choix (``1`` pour A) ou son texte.

Sert au QCM, au classement (catégories) et à la mise en ordre (étapes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from entsim.questions.ecriture import _affiche, _nom_type
from entsim.questions.normalisation import _normaliser, _ReponseInvalide


_LETTRES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _liste_lettres(elements: Sequence[str]) -> str:
    return "\n".join(f"- **{_LETTRES[i]}.** {e}" for i, e in enumerate(elements))


def _choix_depuis(reponse: object, choix: Sequence[str], quoi: str = "choix") -> int:
    """L'indice (0…) désigné par une lettre, un numéro (1 = A) ou le texte d'un choix."""
    if isinstance(reponse, bool):
        raise _ReponseInvalide(f"Répondez par une lettre (\"A\", \"B\"…), pas par "
                               f"{'True' if reponse else 'False'}.")
    if isinstance(reponse, int):
        if 1 <= reponse <= len(choix):
            return reponse - 1
        raise _ReponseInvalide(f"Le {quoi} n° {reponse} n'existe pas : les numéros vont de 1 "
                               f"à {len(choix)} (ou les lettres A à {_LETTRES[len(choix) - 1]}).")
    if isinstance(reponse, float) and reponse.is_integer():
        return _choix_depuis(int(reponse), choix, quoi)
    if not isinstance(reponse, str):
        raise _ReponseInvalide(f"Chaque {quoi} s'écrit avec sa lettre entre guillemets, par "
                               f"exemple \"B\" (reçu : {_nom_type(reponse)}).")
    brut = reponse.strip().rstrip(".)").strip()
    if len(brut) == 1 and brut.upper() in _LETTRES[: len(choix)]:
        return _LETTRES.index(brut.upper())
    if brut.isdigit():
        return _choix_depuis(int(brut), choix, quoi)
    cle = _normaliser(brut)
    for i, texte in enumerate(choix):
        if cle and cle == _normaliser(texte):
            return i
    m = re.fullmatch(r"([A-Za-z])\s*[.)\-:]\s*(.+)", brut)
    if m and m.group(1).upper() in _LETTRES[: len(choix)]:
        return _LETTRES.index(m.group(1).upper())
    raise _ReponseInvalide(f"« {_affiche(brut)} » ne correspond à aucun {quoi} : répondez "
                           f"par une lettre de A à {_LETTRES[len(choix) - 1]}.")
