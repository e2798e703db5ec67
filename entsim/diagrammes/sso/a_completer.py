"""Le schéma de la connexion à compléter par l'élève (question 15 : « représenter sous la
forme d'un schéma le processus de connexion »).

SDET, document 2 du cours, « Principes de fonctionnement » : la cinématique d'accès en
8 étapes (:data:`entsim.sso.parcours.TITRES_SDET`). :func:`schema_a_completer` dessine les
mêmes couloirs que :func:`~entsim.diagrammes.sso.cinematique.schema_parcours` — le navigateur,
les trois services AAS du SDET (identification/authentification, autorisation, propagation de
l'identité) et deux services applicatifs — avec **huit flèches numérotées et vides** ;
l'élève donne à chaque flèche une étiquette (une lettre de :data:`ETIQUETTES`), et le même
appel dessine son schéma : ``schema_a_completer("AB…")``.

Ce module ne contient que le dessin et les étiquettes, dans l'ordre où l'énoncé les montre ;
**quelle étiquette va sur quelle flèche** n'est écrit que dans la banque de la fiche
(question ``q15c``), qui la note comme un :class:`~entsim.questions.types_de_questions.Classement`
(une lettre par flèche, ``"ABCD…"``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from entsim.diagrammes.schema import Schema
from entsim.diagrammes.sso.couloirs import Ligne, dessiner_couloirs
from entsim.diagrammes.sso.textes import _lignes
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

__all__ = ["COULOIRS", "ETIQUETTES", "FLECHES", "LETTRES", "VIDE", "lire_reponse",
           "liste_des_etiquettes", "noms_des_fleches", "schema_a_completer"]

#: Les couloirs du schéma, de gauche à droite : (libellé, nature du nœud).
COULOIRS: tuple[tuple[str, str], ...] = (
    ("Navigateur\nde Léa", "navigateur"),
    ("Identification /\nauthentification", "serveur"),
    ("Autorisation", "serveur"),
    ("Propagation\nde l'identité", "serveur"),
    ("Cahier de textes\n(1er service)", "service"),
    ("Messagerie\n(2e service)", "service"),
)

#: Les huit flèches du schéma vierge, dans l'ordre de leur numéro : (couloir de départ,
#: couloir d'arrivée, nature du trait) — indices dans :data:`COULOIRS`.
FLECHES: tuple[tuple[int, int, str], ...] = (
    (0, 4, "requete"),
    (0, 1, "requete"),
    (1, 2, "requete"),
    (3, 4, "reponse"),
    (4, 0, "reponse"),
    (0, 5, "requete"),
    (3, 5, "reponse"),
    (5, 0, "reponse"),
)

#: Les étiquettes à placer, dans l'ordre de l'énoncé (lettre A = la première). Chacune
#: résume une étape du SDET ; elles sont mélangées.
ETIQUETTES: tuple[str, ...] = (
    "Identification et authentification : identifiant et mot de passe",
    "Accès au second service",
    "Décision : accès autorisé ou non",
    "Demande d'un service, sans être authentifié",
    "Identité transmise au second service, sans nouvelle saisie (SSO)",
    "Accès au service demandé",
    "Identité propagée au service : ticket validé, attributs",
    "Demande d'un autre service, dans la même session",
)

LETTRES = "ABCDEFGH"
#: Ce qu'on écrit pour une flèche qu'on ne sait pas encore étiqueter.
VIDE = "?"


#: Police des étiquettes des flèches (points) et longueur de leurs lignes (caractères, par
#: couloir traversé) : 20 pt sur un dessin serré, lisibles dans la page (environ 16 px dans
#: une colonne de 964 px, au lieu de 10 à 11 px) et en projection (18,5 px ; issue 15).
TAILLE_TEXTE = 20
LARGEUR_TEXTE = 20


def _couper(texte: str, de: int, vers: int) -> str:
    """L'étiquette coupée en lignes comme le fera le dessin serré (au plus 40 caractères,
    :data:`LARGEUR_TEXTE` par couloir traversé), sans jamais commencer une ligne par « : »
    (l'espace qui précède les deux-points reste sur la ligne du mot). Les retours à la ligne
    ne se voient pas dans la description textuelle du schéma (mêmes mots)."""
    largeur = min(40, LARGEUR_TEXTE * max(1, abs(de - vers)))
    return _lignes(texte.replace(" :", "\u00a0:"), largeur).replace("\u00a0:", " :")


def _nom_fleche(numero: int) -> str:
    de, vers, _ = FLECHES[numero - 1]
    nom = lambda i: COULOIRS[i][0].replace("\n", " ")  # noqa: E731
    return f"Flèche {numero} ({nom(de)} → {nom(vers)})"


def noms_des_fleches() -> tuple[str, ...]:
    """« Flèche 1 (Navigateur de Léa → Cahier de textes (1er service)) »… : les éléments
    que la question ``q15c`` fait classer."""
    return tuple(_nom_fleche(n) for n in range(1, len(FLECHES) + 1))


def _lettre(valeur: object, numero: int) -> str | None:
    if valeur is None:
        return None
    if not isinstance(valeur, str) or len(valeur.strip()) != 1:
        raise ValeurInvalide(f"Flèche {numero} : écrivez une seule lettre, de A à H, ou « ? » "
                             f"(reçu : {cite(valeur)}).", code="etiquette_invalide")
    lettre = valeur.strip().upper()
    if lettre in (VIDE, ".", "_"):
        return None
    if lettre not in LETTRES:
        raise ValeurInvalide(f"Flèche {numero} : la lettre {cite(valeur)} n'est pas une "
                             "étiquette ; choisissez de A à H (ou « ? » pour la laisser vide).",
                             code="etiquette_invalide")
    return lettre


def lire_reponse(reponse: object = None) -> tuple[str | None, ...]:
    """La lettre choisie pour chaque flèche (``None`` : pas encore d'étiquette).

    Formes acceptées : ``None`` ou ``""`` (schéma vierge) ; un texte d'une lettre par flèche,
    dans l'ordre des flèches, « ? » pour une flèche laissée vide (``"AB?C"``, ``"A B C …"``,
    ``"A, B, C"``) ; une liste de lettres ; un dictionnaire ``{numéro de flèche: "lettre"}``.
    """
    n = len(FLECHES)
    if reponse is None:
        return (None,) * n
    if isinstance(reponse, str):
        morceaux = [m for m in re.split(r"[\s,;/\-]+", reponse.strip()) if m]
        if len(morceaux) == 1:
            morceaux = list(morceaux[0])
        reponse = morceaux
    if isinstance(reponse, Mapping):
        lettres: list[str | None] = [None] * n
        for cle, valeur in reponse.items():
            if isinstance(cle, str) and cle.strip().isdigit():   # {"1": "D"}, comme la fiche
                cle = int(cle.strip())
            if isinstance(cle, bool) or not isinstance(cle, int) or not 1 <= cle <= n:
                raise ValeurInvalide(f"Les flèches sont numérotées de 1 à {n} (reçu : "
                                     f"{cite(cle)}).", code="fleche_inconnue")
            lettres[cle - 1] = _lettre(valeur, cle)
        return tuple(lettres)
    if isinstance(reponse, (list, tuple)):
        if len(reponse) > n:
            raise ValeurInvalide(f"Le schéma n'a que {n} flèches : donnez au plus {n} lettres, "
                                 f"une par flèche (reçu : {len(reponse)}).",
                                 code="trop_de_lettres")
        lettres = [_lettre(v, i) for i, v in enumerate(reponse, start=1)]
        return tuple(lettres + [None] * (n - len(lettres)))
    raise ValeurInvalide("Donnez une lettre par flèche, dans l'ordre des flèches, entre "
                         f"guillemets : par exemple \"AB??????\" (reçu : {cite(reponse)}).",
                         code="reponse_invalide")


def schema_a_completer(reponse: object = None) -> Schema:
    """Le schéma de la connexion, flèches numérotées : vierge (``reponse`` absente, chaque
    flèche marquée « ? »), ou complété avec les étiquettes choisies par l'élève
    (:func:`lire_reponse` dit les formes acceptées). Le dessin ne dit pas si c'est juste :
    c'est la vérification de la fiche qui le dit."""
    lettres = lire_reponse(reponse)
    lignes = []
    for numero, ((de, vers, nature), lettre) in enumerate(zip(FLECHES, lettres), start=1):
        if lettre is None:
            texte = f"{numero}. {VIDE}"
        else:
            texte = _couper(f"{numero}. ({lettre}) {ETIQUETTES[LETTRES.index(lettre)]}",
                            de, vers)
        lignes.append(Ligne(de, vers, texte, nature, repere=f"Flèche {numero}"))
    g = dessiner_couloirs("schema_a_completer", list(COULOIRS), lignes, largeur_texte=LARGEUR_TEXTE,
                          taille_texte=TAILLE_TEXTE, serre=True,
                          bandeaux=[(1, 3, "Services AAS (serveur CAS)")])
    remplies = sum(lettre is not None for lettre in lettres)
    if remplies == 0:
        titre = "La connexion à l'ENT : schéma à compléter (8 flèches)"
    else:
        titre = f"La connexion à l'ENT : votre schéma ({remplies} flèche" \
                f"{'s' if remplies > 1 else ''} sur 8 étiquetée{'s' if remplies > 1 else ''})"
    return Schema(g, titre)


def liste_des_etiquettes() -> str:
    """Les étiquettes, une par ligne, précédées de leur lettre (pour l'énoncé)."""
    return "\n".join(f"- **{l}.** {e}" for l, e in zip(LETTRES, ETIQUETTES))
