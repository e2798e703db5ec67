"""La même donnée vue par chaque rôle : :class:`MemeActionParRole`.

Le tableau « qui peut voir quoi ? » d'une même ressource (notes, absences, cahier de textes,
emploi du temps) : la décision du service d'autorisation pour chaque personnage, et le
contenu vu par le premier autorisé (arrêté ENT du 30 novembre 2006, article 4, et avis de la
CNIL : voir :class:`MemeActionParRole`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from entsim.autorisation.service import ROLES, Action, Ressource
from entsim.ent import POSTES
from entsim.etablissement.annuaire import Eleve
from entsim.etablissement.generation import CLASSE_DEMO, PERSONAS
from entsim.socle.erreurs import ErreurENT, Introuvable, ValeurInvalide
from entsim.socle.texte import cite
from entsim.widgets.mise_en_forme import echapper, tableau_html
from entsim.widgets.portail.base import classe_de_vue_du_portail
from entsim.widgets.portail.roles import ROLES_DEMO, libelle_persona, resoudre_role
from entsim.widgets.repli import AvecRepli
from entsim.widgets.style import CLASSE_ENCADRE, CLASSE_PORTAIL, bloc_de_style
from entsim.widgets.vues import ContexteVue

#: Les ressources qu'on peut comparer, par service : genre de cible, fabrique de
#: :class:`Ressource` et action de la vue qui affiche la cible.
_RESSOURCES = {
    "notes": ("eleve", Ressource.notes_de, "choisir_eleve"),
    "absences": ("eleve", Ressource.absences_de, "choisir_eleve"),
    "cahier_de_textes": ("classe", Ressource.cahier_de_textes_de, "choisir_classe"),
    "emploi_du_temps": ("classe", Ressource.emploi_du_temps_de, "choisir"),
}


def personnaliser_raison(raison: str, nom: str) -> str:
    """Remplace le sujet générique d'une raison (« Le CPE y a accès… ») par la personne et
    sa fonction (« Isabelle Moreau (CPE) y a accès… ») : pas d'accord à deviner."""
    for sujet, court in ROLES.values():
        if raison.startswith(sujet + " "):
            return f"{nom} ({court}){raison[len(sujet):]}"
    return raison


@dataclass(frozen=True)
class VueParRole:
    """Ce qu'un personnage peut voir d'une même ressource."""

    role: str
    identifiant: str
    nom: str
    autorise: bool
    raison: str
    contenu: str          # le texte de la vue du service (seulement pour le premier autorisé)
    #: le même contenu tel que la vue l'affiche (tableaux HTML échappés), ``""`` sinon
    contenu_html: str = ""

    @property
    def symbole(self) -> str:
        """✓ / ✗ toujours accompagné d'un mot."""
        return "✓ autorisé" if self.autorise else "✗ refusé"


def _roles_demandes(roles: object) -> list[str]:
    """Les rôles comparés : une liste de rôles, ou un seul rôle écrit en texte."""
    if isinstance(roles, str):
        roles = [roles]
    if not isinstance(roles, (list, tuple)) or not roles:
        raise ValeurInvalide("« roles » est une liste de personnages, par exemple "
                             "[\"eleve\", \"mere\", \"autre_parent\"], ou un seul "
                             "personnage, par exemple \"mere\".", code="roles_invalides")
    resolus: list[str] = []
    for role in roles:
        cle, _identifiant = resoudre_role(role)     # personnage inconnu : message français
        if cle not in resolus:
            resolus.append(cle)
    return resolus


class MemeActionParRole(AvecRepli):
    """Une même ressource (les notes de Léa, le cahier de textes de TSTMG1…) et, pour chaque
    rôle, la décision du service d'autorisation (avec sa raison). Le contenu n'est montré
    qu'une fois : celui que voit le premier personnage autorisé.

    Arrêté ENT du 30 novembre 2006, article 4, et avis de la CNIL (document 1) : « un parent
    d'élève ne peut avoir accès qu'aux seules informations relatives à la vie scolaire de son
    enfant ». La décision vient de :meth:`entsim.autorisation.service.Autorisation.evaluer` (sans
    écriture au journal : c'est une comparaison) ; le contenu vient de la vue du service,
    construite pour le premier personnage autorisé (ses lectures sont, elles, réelles et
    tracées comme dans le service).

    :param service: ``"notes"``, ``"absences"``, ``"cahier_de_textes"`` ou
        ``"emploi_du_temps"``.
    :param cible: l'élève (identifiant) ou la classe (code) concerné ; par défaut Léa Martin
        ou sa classe.
    :param roles: les personnages comparés (clés de ``PERSONAS``, alias comme ``"parent"``,
        ou identifiants) ; un seul personnage peut s'écrire en texte.
    """

    def __init__(self, ent, service: str = "notes", cible: str | None = None, *,
                 roles: Sequence[str] | str = ROLES_DEMO, poste: str = POSTES[0]) -> None:
        if not hasattr(ent, "catalogue") or not hasattr(ent, "autorisation"):
            raise ValeurInvalide("La comparaison porte sur un ENT simulé : écrivez "
                                 "MemeActionParRole(ENT.demo(), \"notes\").")
        possibles = ", ".join(f"« {c} »" for c in _RESSOURCES)
        if not isinstance(service, str):
            raise ValeurInvalide(f"La comparaison par rôle porte sur {possibles}.",
                                 code="service_non_comparable")
        code = ent.catalogue.service(service).code
        if code not in _RESSOURCES:
            raise ValeurInvalide(f"La comparaison par rôle porte sur {possibles} (reçu : "
                                 f"« {service} »).", code="service_non_comparable")
        genre, fabrique, methode = _RESSOURCES[code]
        if cible is None:
            cible = PERSONAS["eleve"].identifiant if genre == "eleve" else CLASSE_DEMO
        if not isinstance(cible, str):
            raise ValeurInvalide("La cible est l'identifiant d'un élève (« lea.martin ») ou "
                                 "le code d'une classe (« TSTMG1 »).", code="cible_invalide")
        if genre == "eleve":
            if not isinstance(ent.etablissement.personne(cible), Eleve):
                raise ValeurInvalide(f"{cite(cible)} n'est pas un élève : la comparaison des "
                                     f"{ent.catalogue.service(code).nom.lower()} porte sur "
                                     "un élève.", code="cible_invalide")
        elif cible not in ent.etablissement.classes:
            raise Introuvable(f"Classe inconnue : {cite(cible)}.")
        roles_compares = _roles_demandes(roles)
        self.ent, self.code, self.cible, self.poste = ent, code, cible, poste
        self.ressource = fabrique(cible)
        self._methode = methode
        self.lignes: list[VueParRole] = []
        for role in roles_compares:
            montrer = not any(l.autorise for l in self.lignes)
            self.lignes.append(self._voir(role, avec_contenu=montrer))
        nom_service = ent.catalogue.service(code).nom
        self.objet = ent.autorisation.decrire(self.ressource)
        self.titre = f"« {nom_service} » — {self.objet} : qui peut voir quoi ?"
        premier = next((l for l in self.lignes if l.autorise), None)
        self.contenu = premier.contenu if premier is not None else ""
        #: le contenu tel que le service l'affiche (vrais tableaux, pas un texte brut)
        self.contenu_html = premier.contenu_html if premier is not None else ""
        self.vu_par = (ent.etablissement.personne(premier.identifiant).nom_complet
                       if premier is not None else None)
        blocs = [bloc_de_style(), widgets.HTML(f"<h3>{echapper(self.titre)}</h3>")]
        blocs.append(widgets.HTML(tableau_html(
            ["Personnage", "Décision", "Pourquoi"],
            [(l.nom, l.symbole, l.raison) for l in self.lignes],
            legende="La décision du service d'autorisation pour chaque rôle")))
        if premier is not None:
            case = widgets.HTML(
                f"<h4 style=\"margin:0.2em 0\">{echapper(self._titre_contenu())}</h4>"
                + self.contenu_html)
            case.add_class(CLASSE_ENCADRE)
            blocs.append(case)
        self.vue = widgets.VBox(blocs)
        self.vue.add_class(CLASSE_PORTAIL)

    def _titre_contenu(self) -> str:
        return (f"Ce que montre le service à {self.vu_par} (chaque personnage autorisé "
                "voit ces données dans la limite de ses droits) :")

    def _voir(self, role: str, *, avec_contenu: bool) -> VueParRole:
        identifiant = PERSONAS[role].identifiant
        nom = libelle_persona(self.ent, role)
        personne = self.ent.etablissement.personne(identifiant).nom_complet
        decision = self.ent.autorisation.evaluer(identifiant, Action.LIRE, self.ressource)
        raison = personnaliser_raison(decision.raison, personne)
        if not decision.autorise or not avec_contenu:
            return VueParRole(role, identifiant, nom, decision.autorise, raison, "")
        try:
            vue = classe_de_vue_du_portail(self.code)(
                ContexteVue(self.ent, identifiant, poste=self.poste), self.code)
            choisir = getattr(vue, self._methode, None)
            if callable(choisir):
                choisir(self.cible)
            contenu = vue.texte()
            contenu_html = getattr(getattr(vue, "contenu", None), "value", "")
        except ErreurENT as erreur:
            contenu = f"⚠ {erreur}"
            contenu_html = ""
        if not isinstance(contenu_html, str) or not contenu_html:
            contenu_html = "".join(f"<p>{echapper(ligne)}</p>" for ligne in contenu.splitlines())
        return VueParRole(role, identifiant, nom, True, raison, contenu, contenu_html)

    def texte(self) -> str:
        lignes = [self.titre]
        lignes += [f"{l.nom} : {l.symbole} — {l.raison}" for l in self.lignes]
        if self.vu_par is not None:
            lignes.append(self._titre_contenu())
            lignes += [f"    {rang}" for rang in self.contenu.splitlines()]
        else:
            lignes.append("Aucun des personnages comparés n'y a accès.")
        return "\n".join(lignes)

    def nom_affiche(self) -> str:
        """Ce que montre le widget, pour son texte de repli (notebook non exécuté)."""
        return (f"Comparaison par rôle (« {self.ent.catalogue.service(self.code).nom} », "
                f"{self.objet})")


__all__ = ["MemeActionParRole", "VueParRole", "personnaliser_raison"]
