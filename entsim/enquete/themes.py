"""Les thèmes des avantages et des limites de l'ENT, repérés dans les réponses libres.

Un petit dictionnaire en français : chaque thème a un libellé, une nature (avantage ou
limite) et des **racines** de mots cherchées au début d'un mot, sans tenir compte des
accents ni des majuscules (« messag » trouve « message », « messages », « messagerie »).
Les thèmes viennent du tableau de la question 5 du cours (corrigé CERTA 2013 : suivi des
élèves, travail collaboratif, communication entre intervenants, liaison avec le collège) et
des limites que cite la page du ministère sur l'ENT (fracture numérique, surcharge
d'informations, droit à la déconnexion). Le droit à la déconnexion est une obligation de
négocier pour les employeurs privés (Code du travail, art. L2242-17, 7°) ; dans la fonction
publique, il est reconnu par l'accord relatif à la mise en œuvre du télétravail du
13 juillet 2021 (JORF du 3 avril 2022), que chaque administration décline.

C'est un repérage par mots-clés, volontairement simple pour que les élèves puissent le
refaire à la main : il se trompe parfois (une négation, un mot pris dans un autre sens). Les
élèves le disent dans leur analyse ; les thèmes cochés dans le formulaire s'y ajoutent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from entsim.etablissement.identifiants import replier

__all__ = ["AVANTAGE", "LIMITE", "THEMES", "Theme", "libelles", "theme_depuis", "themes_du_texte"]

AVANTAGE = "avantage"
LIMITE = "limite"


@dataclass(frozen=True)
class Theme:
    """Un thème : code stable, libellé français, nature (avantage ou limite) et racines
    (en minuscules, sans accents) cherchées au début d'un mot."""

    code: str
    libelle: str
    nature: str
    racines: tuple[str, ...]

    def __post_init__(self) -> None:
        motif = "|".join(re.escape(r) for r in self.racines)
        object.__setattr__(self, "_motif", re.compile(rf"(?<![a-z0-9])(?:{motif})"))

    def present_dans(self, texte: str) -> bool:
        """Le texte (déjà replié : :func:`replier_texte`) contient-il une racine du thème ?"""
        return self._motif.search(texte) is not None  # type: ignore[attr-defined]


#: Le dictionnaire des thèmes, avantages puis limites.
THEMES: tuple[Theme, ...] = (
    Theme("suivi_scolarite", "Suivi de la scolarité", AVANTAGE,
          ("suivi", "suivre", "note", "bulletin", "resultat", "moyenne", "progres")),
    Theme("communication_rapide", "Communication plus rapide", AVANTAGE,
          ("rapid", "vite", "immediat", "instantan", "tout de suite", "reactiv", "directement")),
    Theme("economie_papier", "Économie de papier", AVANTAGE,
          ("papier", "photocop", "imprim", "impression", "paperasse")),
    Theme("acces_distance", "Accès à distance, à tout moment", AVANTAGE,
          ("a distance", "partout", "de chez", "a la maison", "a tout moment", "n'importe quand",
           "n'importe ou", "appli", "accessible")),
    Theme("travail_collaboratif", "Travail collaboratif", AVANTAGE,
          ("collabor", "ensemble", "en groupe", "partag", "entraide", "coop", "pad")),
    Theme("organisation_temps", "Organisation et gain de temps", AVANTAGE,
          ("organis", "gain de temps", "gagne du temps", "gagner du temps", "temps gagne",
           "centralis", "au meme endroit", "planifi", "anticip")),
    Theme("devoirs", "Travail à faire toujours disponible", AVANTAGE,
          ("devoir", "cahier de texte", "travail a faire", "consigne", "lecon")),
    Theme("liaison_partenaires", "Liaison avec les partenaires", AVANTAGE,
          ("liaison", "partenaire", "college", "entree en seconde", "passage en seconde")),
    Theme("surcharge_messages", "Surcharge de messages", LIMITE,
          ("trop de message", "surcharge", "notification", "submerg", "croul", "inond",
           "beaucoup de messages", "trier les messages")),
    Theme("deconnexion", "Travail le soir, droit à la déconnexion", LIMITE,
          ("deconnex", "tard", "dimanche", "week-end", "la nuit", "a toute heure",
           "n'importe quelle heure", "charge de travail")),
    Theme("fracture_numerique", "Fracture numérique", LIMITE,
          ("fracture", "ordinateur", "pas d'internet", "sans internet", "forfait", "pas equipe",
           "mal equipe", "peu equipe", "illectron", "langue", "tradu", "qu'un telephone",
           "que le telephone", "qu'un portable")),
    Theme("pannes_connexion", "Pannes et problèmes de connexion", LIMITE,
          ("panne", "bug", "beug", "plante", "lent", "connexion", "reseau", "mot de passe",
           "identifiant", "inaccessible", "maintenance", "wifi", "wi-fi")),
    Theme("prise_en_main", "Outil complexe, manque de formation", LIMITE,
          ("formation", "complique", "complexe", "difficile", "prise en main", "ergonom",
           "intuitif", "perd", "s'y retrouver")),
    Theme("moins_contact", "Moins de contact direct", LIMITE,
          ("moins de contact", "contact direct", "contact humain", "face a face", "de vive voix",
           "parle moins", "se voit moins")),
    Theme("pression_surveillance", "Pression, sentiment de surveillance", LIMITE,
          ("pression", "stress", "surveill", "flique", "angoiss")),
    Theme("donnees_personnelles", "Données personnelles et sécurité", LIMITE,
          ("donnees personnelles", "securite", "confidential", "pirat", "rgpd", "vie privee")),
)

_PAR_CODE = {t.code: t for t in THEMES}
_PAR_LIBELLE = {t.libelle: t for t in THEMES}


def replier_texte(texte: str) -> str:
    """Le texte en minuscules, sans accents, apostrophes typographiques redressées."""
    return replier(texte).replace("’", "'").replace("ʼ", "'")


def libelles(nature: str) -> tuple[str, ...]:
    """Les libellés des thèmes d'une nature (``"avantage"`` ou ``"limite"``), dans l'ordre."""
    return tuple(t.libelle for t in THEMES if t.nature == nature)


def theme_depuis(valeur: str) -> Theme | None:
    """Le thème de ce code ou de ce libellé, ou ``None``."""
    return _PAR_CODE.get(valeur) or _PAR_LIBELLE.get(valeur)


def themes_du_texte(texte: str, nature: str | None = None) -> tuple[str, ...]:
    """Les codes des thèmes (de cette nature, ou tous) dont une racine paraît dans le texte."""
    replie = replier_texte(texte)
    return tuple(t.code for t in THEMES
                 if (nature is None or t.nature == nature) and t.present_dans(replie))
