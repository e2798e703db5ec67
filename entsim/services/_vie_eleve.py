"""Outils communs aux services de la vie de l'élève (cahier de textes, notes, absences,
emploi du temps, médiacentre, CDI, orientation).

Ce module n'est pas un service du catalogue : il regroupe ce que ces services partagent —
le contrôle d'accès (chaque lecture et chaque écriture passe par
``ent.autorisation.decider``, donc est tracée au journal, SDET « Traçabilité » ; le socle
commun est :class:`entsim.services._base.ServiceDeBase`), la phrase « Accès refusé : … »,
l'écriture des nombres et des dates à la française, et la lecture des dates saisies par un
élève.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime, time

from entsim.autorisation.service import Action, Ressource
from entsim.socle.erreurs import AccesRefuse, ValeurInvalide
from entsim.socle.saisie import date_saisie, verifier_poste
from entsim.socle.texte import cite
from entsim.services._base import ServiceDeBase

JOURS_SEMAINE = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre")


#: Premiers mots d'une raison qui prennent une minuscule après « Accès refusé : » (un nom
#: propre, lui, garde sa majuscule).
_MOTS_COMMUNS = frozenset({"un", "une", "le", "la", "les", "l", "personne", "seul", "seule",
                           "ce", "cette", "ces", "aucun", "aucune", "accès", "règle", "chaque",
                           "il", "elle", "vous", "votre", "son", "sa", "ses"})


def phrase_de_refus(raison: str) -> str:
    """« Accès refusé : un parent ne voit que… » à partir de la raison d'une décision."""
    raison = raison.strip()
    premier = re.split(r"[ '’]", raison, maxsplit=1)[0]
    if premier.lower() in _MOTS_COMMUNS:
        raison = raison[0].lower() + raison[1:]
    return f"Accès refusé : {raison}"


def nombre_fr(valeur: float, decimales: int = 2) -> str:
    """Un nombre à la française, sans zéros inutiles : 15 → « 15 », 12.75 → « 12,75 »."""
    texte = f"{round(valeur, decimales):.{decimales}f}".rstrip("0").rstrip(".")
    return texte.replace(".", ",")


def date_fr(jour: date | datetime, *, avec_jour: bool = True) -> str:
    """« lundi 7 septembre 2026 » (ou « 7 septembre 2026 »)."""
    texte = f"{'1er' if jour.day == 1 else jour.day} {MOIS[jour.month - 1]} {jour.year}"
    return f"{JOURS_SEMAINE[jour.weekday()]} {texte}" if avec_jour else texte


def date_courte(jour: date | datetime) -> str:
    """« lun. 07/09 »."""
    return f"{JOURS_SEMAINE[jour.weekday()][:3]}. {jour:%d/%m}"


def heure_fr(t: time | datetime) -> str:
    """« 8 h », « 10 h 30 »."""
    return f"{t.hour} h" if t.minute == 0 else f"{t.hour} h {t.minute:02d}"


#: Nombre maximal d'objets passés à une mise en forme (séances, créneaux).
_OBJETS_MAX = 10_000

_MOTIF_HEURE = re.compile(r"^\s*(\d{1,2})\s*(?:h|:)\s*(\d{2})?\s*$",
                          re.IGNORECASE | re.ASCII)


def lire_date(valeur: object, nom: str) -> date:
    """Une date donnée comme ``date(2026, 9, 14)`` ou comme texte « 14/09/2026 » (chiffres
    ASCII), dans les bornes du temps simulé (:func:`entsim.socle.saisie.date_saisie`)."""
    return date_saisie(valeur, nom)


def liste_d_objets(valeur: object, attendu: type, description: str) -> list:
    """``valeur`` : une liste d'objets ``attendu`` (ce que rend une lecture du service, par
    exemple les séances de ``seances(…)``) ; sinon :class:`ValeurInvalide` qui dit quoi
    donner (« Donnez les séances rendues par seances(…) »)."""
    try:
        objets = list(itertools.islice(valeur, _OBJETS_MAX + 1))  # type: ignore[call-overload]
    except TypeError:
        objets = None
    if objets is None or isinstance(valeur, (str, bytes)) or len(objets) > _OBJETS_MAX or \
            not all(isinstance(objet, attendu) for objet in objets):
        raise ValeurInvalide(f"Donnez {description} (reçu : {cite(valeur)}).",
                             code="objets_attendus")
    return objets


def lire_heure(valeur: object, nom: str) -> time:
    """Une heure donnée comme ``time(10, 0)`` ou comme texte (« 10h », « 10 h 30 »,
    « 10:30 »)."""
    if isinstance(valeur, time):
        return valeur
    if isinstance(valeur, str):
        trouve = _MOTIF_HEURE.match(valeur.replace(" h ", "h").replace(" h", "h"))
        if trouve:
            heures, minutes = int(trouve.group(1)), int(trouve.group(2) or 0)
            if 0 <= heures < 24 and 0 <= minutes < 60:
                return time(heures, minutes)
    raise ValeurInvalide(f"« {nom} » doit être une heure, par exemple « 10h » ou « 10:30 » "
                         f"(reçu : {cite(valeur)}).", code="heure_invalide")


class ServiceVieEleve(ServiceDeBase):
    """Base des services simulés de la vie de l'élève : le socle commun
    (:class:`ServiceDeBase` : l'ENT, un générateur propre au service ``service:<code>``, le
    contrôle d'accès tracé), les refus formulés « Accès refusé : … » et les refus propres au
    service."""

    def _phrase_de_refus(self, raison: str) -> str:
        return phrase_de_refus(raison)

    def refuser(self, identifiant: str, raison: str, objet: str, *,
                poste: str | None = None, code: str = "regle_du_service") -> AccesRefuse:
        """Un refus propre au service (au-delà du service d'autorisation), tracé lui aussi ;
        renvoie l'erreur à lever."""
        self.etablissement.personne(identifiant)    # inconnu : message clair, rien au journal
        if poste is not None:
            verifier_poste(poste)
        self.journal.enregistrer("acces_refuse", identite=identifiant, service=self.code,
                                 poste=poste, resultat="echec", detail=raison, objet=objet)
        return AccesRefuse(phrase_de_refus(raison), code=code)

    def _nom_absent(self, identifiant: str | None) -> str:
        return "—"

    def classes_visibles(self, identifiant: str, service: str | None = None) -> list[str]:
        """Les classes dont cette personne peut consulter les données de ce service (sans
        trace : c'est la liste proposée à l'écran)."""
        code = service or self.code
        return [c for c in sorted(self.etablissement.classes)
                if self.permis(identifiant, Action.LIRE, Ressource(code, classe=c))]

    def discipline_de_la_classe(self, identifiant: str, classe: str, discipline: str, *,
                                objet: str, poste: str | None = None
                                ) -> tuple[str, str | None]:
        """(libellé exact, enseignant) de ``discipline`` dans ``classe``, d'après l'emploi du
        temps (:meth:`entsim.services.emploi_du_temps.EmploiDuTemps.disciplines_de_la_classe`
        : le nom exact, aux espaces près, jamais son début). Un nom qui n'y est pas enseigné
        (« Histoire-géographie (bidon) ») est refusé, refus tracé (code
        ``discipline_inconnue``)."""
        noms = self.ent.service("emploi_du_temps").disciplines_de_la_classe(classe)
        trouve = noms.get(discipline.strip()) if isinstance(discipline, str) else None
        if trouve is None:
            connues = ", ".join(f"« {l} »" for l in dict.fromkeys(l for l, _ in noms.values()))
            raise self.refuser(identifiant, f"{cite(discipline)} n'est pas une discipline "
                               f"enseignée en {classe} (disciplines de la classe : {connues}).",
                               objet, poste=poste, code="discipline_inconnue")
        return trouve
