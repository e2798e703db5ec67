"""Les choix désignés par une lettre (A, B, C…), comme sur une feuille d'exercices : la
liste affichée dans la consigne, et la lecture de la réponse de l'élève, qui peut donner la
lettre (``"b"``, ``"B)"``), le numéro du choix (``1`` pour A) ou son texte.

Sert au QCM, au classement (catégories) et à la mise en ordre (étapes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from entsim.questions.ecriture import affiche, nom_type
from entsim.questions.normalisation import normaliser, ReponseInvalide


LETTRES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def liste_lettres(elements: Sequence[str]) -> str:
    return "\n".join(f"- **{LETTRES[i]}.** {e}" for i, e in enumerate(elements))


def choix_depuis(reponse: object, choix: Sequence[str], quoi: str = "choix") -> int:
    """L'indice (0…) désigné par une lettre, un numéro (1 = A) ou le texte d'un choix."""
    if isinstance(reponse, bool):
        raise ReponseInvalide(f"Répondez par une lettre (\"A\", \"B\"…), pas par "
                               f"{'True' if reponse else 'False'}.")
    if isinstance(reponse, int):
        if 1 <= reponse <= len(choix):
            return reponse - 1
        raise ReponseInvalide(f"Le {quoi} n° {reponse} n'existe pas : les numéros vont de 1 "
                               f"à {len(choix)} (ou les lettres A à {LETTRES[len(choix) - 1]}).")
    if isinstance(reponse, float) and reponse.is_integer():
        return choix_depuis(int(reponse), choix, quoi)
    if not isinstance(reponse, str):
        raise ReponseInvalide(f"Chaque {quoi} s'écrit avec sa lettre entre guillemets, par "
                               f"exemple \"B\" (reçu : {nom_type(reponse)}).")
    brut = reponse.strip().rstrip(".)").strip()
    if len(brut) == 1 and brut.upper() in LETTRES[: len(choix)]:
        return LETTRES.index(brut.upper())
    if brut.isdigit():
        return choix_depuis(int(brut), choix, quoi)
    cle = normaliser(brut)
    for i, texte in enumerate(choix):
        if cle and cle == normaliser(texte):
            return i
    m = re.fullmatch(r"([A-Za-z])\s*[.)\-:]\s*(.+)", brut)
    if m and m.group(1).upper() in LETTRES[: len(choix)]:
        return LETTRES.index(m.group(1).upper())
    raise ReponseInvalide(f"« {affiche(brut)} » ne correspond à aucun {quoi} : répondez "
                           f"par une lettre de A à {LETTRES[len(choix) - 1]}.")
