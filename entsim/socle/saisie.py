"""Les saisies d'une cellule ou d'un formulaire, vérifiées avant d'être gardées.

Une opération d'un service simulé se fait entièrement et se trace au journal, ou ne change
rien. Ce qu'une personne saisit (un titre, un message, une date…) est donc vérifié *avant*
que rien ne soit gardé : une saisie refusée lève :class:`entsim.socle.erreurs.ValeurInvalide`
avec une phrase française qui nomme le problème et cite au plus le début de la valeur
(:func:`entsim.socle.texte.cite`).

* :func:`texte_saisi` : un texte — du bon type, non vide, pas trop long (chaque service
  nomme ses longueurs maximales en constantes), sans caractère invisible ni dangereux
  (:mod:`entsim.socle.caracteres` : demi-codets isolés, contrôles, sens d'écriture,
  caractères sans largeur…) ; le retour à la ligne et la tabulation ne sont permis que dans
  un texte de plusieurs lignes (``multiligne=True`` : message, billet, description) ;
* :func:`date_saisie` : une date (``date(2026, 9, 14)`` ou « 14/09/2026 », en chiffres
  ASCII) comprise dans le temps de la simulation (:data:`entsim.socle.horloge.PREMIER_INSTANT`
  à :data:`entsim.socle.horloge.DERNIER_INSTANT`) ;
* :func:`instant_saisi` : une date et heure (``datetime``) dans les mêmes bornes ;
* :func:`verifier_poste` : le nom d'un poste de travail (il est écrit à chaque ligne du
  journal) : un texte court, sans caractère interdit ;
* :func:`sans_demi_codet` : un secret (mot de passe) dont seuls les demi-codets isolés sont
  refusés ;
* :func:`decimal_saisi` : un nombre écrit à la française ou à l'anglaise (« 12,5 »,
  « 12.5 »), en chiffres ASCII seulement. ``float()`` accepterait bien plus : « 1_0 »
  (séparateur de la PEP 515, lu 10), « ١٠ » (chiffres arabes-indiens) ou « １０ » (chiffres
  pleine chasse), « 1e1 », « inf », « nan » — autant de saisies qu'un formulaire de notes
  refuse.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from entsim.socle.caracteres import caractere_interdit
from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.horloge import DERNIER_INSTANT, PREMIER_INSTANT
from entsim.socle.texte import cite, ecrire_nombre

#: « 12 », « 12,5 », « 12.5 », « 12. » : chiffres ASCII, virgule ou point décimal.
_MOTIF_DECIMAL = re.compile(r"\s*(\d+(?:[.,]\d*)?)\s*", re.ASCII)
#: « 14/09/2026 » : chiffres ASCII seulement (``re.ASCII`` : « ١٤/٠٩/٢٠٢٦ » est refusé).
_MOTIF_DATE = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*", re.ASCII)


def verifier_caracteres(texte: str, nom: str, *, multiligne: bool = False) -> str:
    """Refuse (:class:`ValeurInvalide`, code ``caractere_interdit``) un texte qui contient un
    caractère invisible ou dangereux ; renvoie le texte sinon."""
    probleme = caractere_interdit(texte, multiligne=multiligne)
    if probleme is not None:
        position, nature = probleme
        raise ValeurInvalide(f"« {nom} » contient, en position {position}, {nature}. "
                             "Retirez-le.", code="caractere_interdit")
    return texte


def texte_saisi(valeur: object, nom: str, *, maximum: int, multiligne: bool = False,
                vide_autorise: bool = False) -> str:
    """Un texte saisi : un ``str``, non vide (sauf ``vide_autorise``), d'au plus ``maximum``
    caractères une fois les espaces de bord ôtés, sans caractère interdit. Renvoie le texte
    sans ses espaces de bord ; dans un texte de plusieurs lignes, les fins de ligne Windows
    (« \\r\\n ») deviennent de simples retours à la ligne.

    Le texte est gardé tel quel (jamais interprété) : c'est l'affichage qui l'échappe."""
    texte = verifier_texte(valeur, nom, vide_autorise=vide_autorise).strip()
    if len(texte) > maximum:
        raise ValeurInvalide(f"« {nom} » est trop long : {ecrire_nombre(len(texte))} "
                             f"caractères pour {ecrire_nombre(maximum)} au plus.",
                             code="texte_trop_long")
    if multiligne:
        texte = texte.replace("\r\n", "\n")
    return verifier_caracteres(texte, nom, multiligne=multiligne)


def decimal_saisi(texte: str) -> float | None:
    """Le nombre écrit dans ``texte`` (« 12,5 » → 12.5), ou ``None`` s'il ne s'écrit pas
    seulement en chiffres ASCII avec une virgule ou un point décimal."""
    trouve = _MOTIF_DECIMAL.fullmatch(texte)
    return None if trouve is None else float(trouve.group(1).replace(",", "."))


#: Longueur maximale du nom d'un poste de travail.
POSTE_MAX = 80


def verifier_poste(poste: object) -> str:
    """Le nom d'un poste de travail (« Poste du CDI ») : un texte d'au plus
    :data:`POSTE_MAX` caractères, sans caractère invisible ni dangereux (il est écrit au
    journal et montré dans les coulisses) ; sinon :class:`ValeurInvalide`."""
    nom = verifier_texte(poste, "poste")
    if len(nom) > POSTE_MAX:
        raise ValeurInvalide(f"Le nom du poste est trop long : {ecrire_nombre(len(nom))} caractères pour "
                             f"{POSTE_MAX} au plus.", code="texte_trop_long")
    return verifier_caracteres(nom, "poste")


def sans_demi_codet(texte: str, nom: str) -> str:
    """Refuse (:class:`ValeurInvalide`) un texte qui contient un demi-codet isolé : il ne
    s'écrit pas en UTF-8 (RFC 3629, §3), un navigateur ne peut donc pas l'envoyer. Pour un
    secret (mot de passe, code) dont tous les autres caractères sont permis."""
    for position, caractere in enumerate(texte, start=1):
        if "\ud800" <= caractere <= "\udfff":
            raise ValeurInvalide(f"« {nom} » contient, en position {position}, un demi-codet "
                                 f"isolé (U+{ord(caractere):04X}) : ce n'est pas un caractère. "
                                 "Retapez-le.", code="caractere_interdit")
    return texte


def _borner(jour: date, nom: str, valeur: object) -> None:
    if not PREMIER_INSTANT.date() <= jour <= DERNIER_INSTANT.date():
        raise ValeurInvalide(f"« {nom} » doit être une date entre le "
                             f"{PREMIER_INSTANT:%d/%m/%Y} et le {DERNIER_INSTANT:%d/%m/%Y} "
                             f"(reçu : {cite(valeur)}).", code="date_hors_limites")


def date_saisie(valeur: object, nom: str) -> date:
    """Une date donnée comme ``date(2026, 9, 14)`` (ou un ``datetime``) ou comme texte
    « 14/09/2026 » (chiffres ASCII), dans les bornes du temps simulé."""
    jour: date | None = None
    if isinstance(valeur, datetime):
        jour = valeur.date()
    elif isinstance(valeur, date):
        jour = valeur
    elif isinstance(valeur, str):
        trouve = _MOTIF_DATE.fullmatch(valeur)
        if trouve:
            numero_jour, mois, annee = (int(x) for x in trouve.groups())
            try:
                jour = date(annee, mois, numero_jour)
            except ValueError:
                jour = None
    if jour is None:
        raise ValeurInvalide(f"« {nom} » doit être une date écrite jj/mm/aaaa, par exemple "
                             f"14/09/2026 (reçu : {cite(valeur)}).",
                             code="date_invalide")
    _borner(jour, nom, valeur if not isinstance(valeur, date) else jour)
    return jour


def instant_saisi(valeur: object, nom: str, *, exemple: str = "datetime(2026, 10, 2, 14, 0)"
                  ) -> datetime:
    """Une date et heure (``datetime``), dans les bornes du temps simulé."""
    if not isinstance(valeur, datetime):
        raise ValeurInvalide(f"« {nom} » doit être une date et heure, par exemple {exemple} "
                             f"(reçu : {cite(valeur)}).", code="date_invalide")
    _borner(valeur.date(), nom, valeur)
    if valeur > DERNIER_INSTANT:
        raise ValeurInvalide(f"« {nom} » doit être au plus tard le "
                             f"{DERNIER_INSTANT:%d/%m/%Y à %H:%M}.", code="date_hors_limites")
    return valeur


__all__ = ["POSTE_MAX", "date_saisie", "decimal_saisi", "instant_saisi", "sans_demi_codet",
           "texte_saisi", "verifier_caracteres", "verifier_poste"]
