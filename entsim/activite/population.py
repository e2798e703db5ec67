"""La population simulée et ce que chacun a le droit de faire : les cibles autorisées.

**Les mêmes décisions que l'AAS, pas une seconde liste de règles.** Une fois par simulation,
pour chaque personne, on énumère les cibles *naturelles* (ses propres notes, celles de ses
enfants, le cahier de textes de ses classes, les destinataires plausibles d'un message…)
et on demande au service d'autorisation de l'ENT (``ent.autorisation.evaluer``, la
méthode qui décide sans écrire au journal) ; on ne garde que les cibles autorisées. Le
« Détail » et l'« Objet » des lignes simulées sont ceux de la décision, écrits comme
l'AAS les écrit (``f"{decision.objet} ({action})"``). Les messages : destinataires acceptés
par ``ent.autorisation.peut_ecrire_a`` (matrice de messagerie).

Le besoin d'en connaître d'un parent dépend de la date (opposition d'un élève devenu
majeur, :mod:`entsim.autorisation.majorite`) : ses cibles sont jugées au début de la
période simulée *et* au présent de l'ENT, et gardées seulement si les deux décisions
autorisent. Limite assumée : les règles explicites de l'établissement qui dépendent de
l'heure ou du lieu ne sont jugées qu'à midi, depuis l'établissement.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from typing import TYPE_CHECKING

import numpy as np

from entsim.autorisation.habilitations import Action, ContexteAcces, Ressource
from entsim.etablissement.annuaire import (Eleve, Enseignant, Fonction, Invite, Parent,
                                           Personne, Personnel, Profil)
from entsim.activite.rythmes import GROUPES, SERVICES

if TYPE_CHECKING:  # pragma: no cover
    from entsim.ent import ENT

__all__ = ["Textes", "Population", "construire_population", "PROFILS", "FONCTIONS"]

#: Les libellés de profil, dans l'ordre des codes.
PROFILS = tuple(p.value for p in Profil)
#: Libellé de la fonction principale d'un personnel (colonne « fonctions »).
FONCTIONS = {"vie_scolaire": "Vie scolaire", "cpe": "CPE", "direction": "Direction",
             "secretariat": "Secrétariat", "gestion": "Gestion",
             "documentaliste": "Documentaliste", "rupn": "Référent numérique"}


class Textes:
    """Un registre de textes répétés (codes entiers → texte), pour les colonnes
    catégorielles : chaque texte n'existe qu'une fois en mémoire."""

    def __init__(self) -> None:
        self._codes: dict[str, int] = {}
        self.liste: list[str] = []

    def code(self, texte: str) -> int:
        code = self._codes.get(texte)
        if code is None:
            code = self._codes[texte] = len(self.liste)
            self.liste.append(texte)
        return code

    def __len__(self) -> int:
        return len(self.liste)


def _fonction(p: Personne) -> str:
    """La fonction principale (clé de :data:`FONCTIONS`) ou ""."""
    f = p.fonctions
    if Fonction.DOCUMENTALISTE in f:
        return "documentaliste"
    if isinstance(p, Personnel):
        for fonction, cle in ((Fonction.CPE, "cpe"), (Fonction.VIE_SCOLAIRE, "vie_scolaire"),
                              (Fonction.CHEF_ETABLISSEMENT, "direction"),
                              (Fonction.ADJOINT, "direction"),
                              (Fonction.SECRETARIAT, "secretariat"),
                              (Fonction.GESTIONNAIRE, "gestion")):
            if fonction in f:
                return cle
        service = p.service.lower()
        if "vie scolaire" in service:
            return "vie_scolaire"
        if "secr" in service:
            return "secretariat"
        if "intendance" in service or "gestion" in service:
            return "gestion"
        return "direction"
    return ""


def _groupe(p: Personne, fonction: str) -> str:
    if isinstance(p, Eleve):
        return "eleve"
    if isinstance(p, Parent):
        return "parent"
    if fonction == "documentaliste":
        return "documentaliste"
    if isinstance(p, Enseignant):
        return "enseignant"
    if isinstance(p, Invite):
        return "invite"
    if fonction in ("cpe", "vie_scolaire"):
        return "vie_scolaire"
    return "bureau"


@dataclass
class Population:
    """Les personnes (indices entiers), leur groupe de rythme et leurs cibles autorisées."""

    identites: list[str]
    profils: np.ndarray                 # code dans PROFILS
    groupes: np.ndarray                 # code dans GROUPES
    fonctions: list[str]                # libellé (FONCTIONS) ou ""
    classe: np.ndarray                  # indice de classe suivie (-1 : aucune)
    classes: list[str]
    services: list[str]                 # codes de service (indice = code entier)
    textes: Textes
    # services ouverts : par personne, liste (codes de service, probabilités)
    services_ouverts: list[tuple[np.ndarray, np.ndarray]]
    detail_acces: dict[tuple[int, int], int]        # (personne, service) → détail
    # cibles tirées au hasard : (personne, service) → indices dans les tableaux de cibles
    debut_cibles: np.ndarray                        # personnes × services
    fin_cibles: np.ndarray
    cible_objet: np.ndarray
    cible_detail: np.ndarray
    cible_destinataire: np.ndarray                  # -1 : pas un message
    # écritures planifiées (devoirs, notes) : clé → (objet, détail)
    ecrire_cahier: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    ecrire_notes: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    enseignements: list[tuple[int, int, str]] = field(default_factory=list)  # prof, classe, disc.
    eleves_de_classe: list[np.ndarray] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    poste_maison: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int16))
    noms: list[str] = field(default_factory=list)               # « Léa Martin »
    noms_services: list[str] = field(default_factory=list)      # « Cahier de textes »

    def __len__(self) -> int:
        return len(self.identites)

    # -- les « Détail » des lignes, en codes (un texte par couple distinct) ----------------
    def personnes_services_detail(self, qui: np.ndarray, service: np.ndarray) -> np.ndarray:
        """Le « Détail » de la décision d'accès au service (une par personne et service)."""
        return self._par_couple(qui, service, lambda i, s: self.textes.liste[
            self.detail_acces[(i, s)]])

    def details_valides(self, qui: np.ndarray, service: np.ndarray) -> np.ndarray:
        return self._par_couple(qui, service, lambda i, s: (
            f"Ticket validé : l'identité de {self.identites[i]} est transmise à "
            f"« {self.noms_services[s]} »."))

    def details_propagees(self, qui: np.ndarray, service: np.ndarray) -> np.ndarray:
        return self._par_couple(qui, service, lambda i, s: (
            f"Demande de déconnexion reçue par « {self.noms_services[s]} » : session de "
            f"{self.identites[i]} ouverte par ce ticket fermée."))

    def details_a(self, destinataires: np.ndarray) -> np.ndarray:
        """« À : Nicolas Durand » (le « Détail » de « Message envoyé »)."""
        uniques, inverse = np.unique(destinataires, return_inverse=True)
        codes = np.array([self.textes.code(f"À : {self.noms[d]}") for d in uniques],
                         dtype=np.int32)
        return codes[inverse] if len(uniques) else np.zeros(0, dtype=np.int32)

    def _par_couple(self, qui: np.ndarray, service: np.ndarray, texte) -> np.ndarray:
        m = len(self.services)
        cle = qui.astype(np.int64) * m + service
        uniques, inverse = np.unique(cle, return_inverse=True)
        codes = np.array([self.textes.code(texte(int(c // m), int(c % m))) for c in uniques],
                         dtype=np.int32)
        return codes[inverse] if len(uniques) else np.zeros(0, dtype=np.int32)


class _Juge:
    """Pose les questions au service d'autorisation (sans rien écrire au journal)."""

    def __init__(self, ent: "ENT", instants: list[datetime]) -> None:
        self.ent = ent
        self.contextes = [ContexteAcces(i, "etablissement") for i in instants]

    def decision(self, identifiant: str, action: Action, ressource: Ressource):
        """La décision au premier instant, ou None si l'une des dates refuse."""
        premiere = None
        for contexte in self.contextes:
            d = self.ent.autorisation.evaluer(identifiant, action, ressource, contexte=contexte)
            if not d.autorise:
                return None
            premiere = premiere or d
        return premiere


def construire_population(ent: "ENT", debut: datetime, rng: np.random.Generator) -> Population:
    """Les personnes de l'établissement, leurs services et leurs cibles autorisées."""
    etab = ent.etablissement
    personnes = list(etab.personnes.values())
    index = {p.identifiant: i for i, p in enumerate(personnes)}
    classes = list(etab.classes)
    index_classe = {c: i for i, c in enumerate(classes)}
    services = [s.code for s in ent.catalogue]
    code_service = {s: i for i, s in enumerate(services)}
    textes = Textes()
    textes.code("")
    midi = datetime.combine(debut.date(), time(12))
    present = max(ent.horloge.maintenant(), midi)
    juge_simple = _Juge(ent, [midi])
    juge_parent = _Juge(ent, [midi, present])

    fonctions = [_fonction(p) for p in personnes]
    groupes = np.array([GROUPES.index(_groupe(p, f)) for p, f in zip(personnes, fonctions)],
                       dtype=np.int8)
    profils = np.array([PROFILS.index(p.profil.value) for p in personnes], dtype=np.int8)
    classe_suivie = np.full(len(personnes), -1, dtype=np.int32)
    for i, p in enumerate(personnes):
        if isinstance(p, Eleve) and p.classe in index_classe:
            classe_suivie[i] = index_classe[p.classe]
        elif isinstance(p, Parent):
            for e in p.enfants:
                c = getattr(etab.personnes.get(e), "classe", None)
                if c in index_classe:
                    classe_suivie[i] = index_classe[c]
                    break
    eleves_de_classe = [np.array([index[e] for e in etab.classes[c].eleves if e in index],
                                 dtype=np.int32) for c in classes]

    # -- services ouverts (décision d'accès au service, une fois par signature de rôles) --
    cache_signature: dict[tuple, tuple[np.ndarray, np.ndarray, dict[int, int]]] = {}
    services_ouverts = []
    detail_acces: dict[tuple[int, int], int] = {}
    for i, p in enumerate(personnes):
        groupe = GROUPES[groupes[i]]
        le = midi.date()
        majeur = isinstance(p, Eleve) and p.est_majeur(le)
        signature = (groupe, p.profil, frozenset(p.fonctions), majeur)
        if signature not in cache_signature:
            codes, poids, details = [], [], {}
            for code, w in SERVICES[groupe].items():
                if code not in code_service or ent.catalogue.usage(p.profil, code) in (None,
                                                                                    "aucun"):
                    continue
                d = juge_simple.decision(p.identifiant, Action.LIRE, Ressource(code))
                if d is None:
                    continue
                codes.append(code_service[code])
                poids.append(w)
                details[code_service[code]] = textes.code(d.raison)
            poids_arr = np.array(poids, dtype=float)
            cache_signature[signature] = (np.array(codes, dtype=np.int16),
                                          poids_arr / poids_arr.sum() if len(poids) else
                                          poids_arr, details)
        codes, probas, details = cache_signature[signature]
        services_ouverts.append((codes, probas))
        for s, d in details.items():
            detail_acces[(i, s)] = d

    # -- cibles (données lues ou écrites, messages) --------------------------------------
    cibles: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
    ecrire_cahier: dict[tuple[int, int], tuple[int, int]] = {}
    ecrire_notes: dict[tuple[int, int], tuple[int, int]] = {}
    enseignements: list[tuple[int, int, str]] = []
    enseignants = [i for i, p in enumerate(personnes) if isinstance(p, Enseignant)]
    cpes = [i for i, f in enumerate(fonctions) if f == "cpe"]
    eleves = [i for i, p in enumerate(personnes) if isinstance(p, Eleve)]

    def ajouter(i: int, ressource: Ressource, action: Action = Action.LIRE, *,
                juge: _Juge = juge_simple, destinataire: int = -1, cle: dict | None = None,
                cle_valeur: tuple | None = None) -> None:
        d = juge.decision(personnes[i].identifiant, action, ressource)
        if d is None or code_service.get(d.ressource.service) is None:
            return
        objet = textes.code(f"{d.objet} ({d.action.value})")
        detail = textes.code(d.raison)
        if cle is not None:
            cle[cle_valeur] = (objet, detail)
            return
        cibles.setdefault((i, code_service[d.ressource.service]), []).append(
            (objet, detail, destinataire))

    def messages(i: int, candidats: list[int], nombre: int) -> None:
        ajouter(i, Ressource.messages_de(personnes[i].identifiant))
        candidats = [c for c in dict.fromkeys(candidats) if c != i]
        if len(candidats) > nombre:
            candidats = [candidats[k] for k in sorted(rng.choice(len(candidats), nombre,
                                                                 replace=False))]
        for c in candidats:
            ajouter(i, Ressource.message_a(personnes[c].identifiant), Action.ECRIRE,
                    destinataire=c)

    def echantillon(liste: list[int], nombre: int) -> list[int]:
        if len(liste) <= nombre:
            return list(liste)
        return [liste[k] for k in sorted(rng.choice(len(liste), nombre, replace=False))]

    for i, p in enumerate(personnes):
        groupe = GROUPES[groupes[i]]
        ident = p.identifiant
        if isinstance(p, Eleve):
            ajouter(i, Ressource.notes_de(ident))
            ajouter(i, Ressource.absences_de(ident))
            if p.classe:
                ajouter(i, Ressource.cahier_de_textes_de(p.classe))
                ajouter(i, Ressource.emploi_du_temps_de(p.classe))
                profs = [index[x.identifiant] for x in etab.enseignants_de(p.classe)]
                messages(i, profs + cpes, 4)
        elif isinstance(p, Parent):
            candidats = list(cpes)
            for e in p.enfants:
                enfant = etab.personnes.get(e)
                if not isinstance(enfant, Eleve):
                    continue
                ajouter(i, Ressource.notes_de(e), juge=juge_parent)
                ajouter(i, Ressource.absences_de(e), juge=juge_parent)
                if enfant.classe:
                    ajouter(i, Ressource.cahier_de_textes_de(enfant.classe), juge=juge_parent)
                    ajouter(i, Ressource.emploi_du_temps_de(enfant.classe), juge=juge_parent)
                    candidats += [index[x.identifiant]
                                  for x in etab.enseignants_de(enfant.classe)]
            messages(i, candidats, 4)
        elif isinstance(p, Enseignant) and groupe == "enseignant":
            eleves_du_prof: list[int] = []
            for code, discipline in p.enseignements:
                if code not in index_classe:
                    continue
                c = index_classe[code]
                enseignements.append((i, c, discipline))
            for code in p.classes:
                if code not in index_classe:
                    continue
                c = index_classe[code]
                ajouter(i, Ressource.cahier_de_textes_de(code))
                ajouter(i, Ressource.cahier_de_textes_de(code), Action.ECRIRE,
                        cle=ecrire_cahier, cle_valeur=(i, c))
                for e in eleves_de_classe[c]:
                    ajouter(i, Ressource.notes_de(personnes[e].identifiant), Action.ECRIRE,
                            cle=ecrire_notes, cle_valeur=(i, int(e)))
                eleves_du_prof += list(eleves_de_classe[c])
            for e in echantillon(eleves_du_prof, 12):
                ajouter(i, Ressource.absences_de(personnes[e].identifiant), Action.ECRIRE)
                ajouter(i, Ressource.notes_de(personnes[e].identifiant))
            parents = [index[r] for e in echantillon(eleves_du_prof, 10)
                       for r in personnes[e].responsables if r in index]
            messages(i, parents + echantillon(eleves_du_prof, 6) + echantillon(enseignants, 4)
                     + cpes, 14)
        elif groupe == "vie_scolaire":
            for e in echantillon(eleves, 120):
                ajouter(i, Ressource.absences_de(personnes[e].identifiant), Action.ECRIRE)
                ajouter(i, Ressource.absences_de(personnes[e].identifiant))
            parents = [index[r] for e in echantillon(eleves, 12)
                       for r in personnes[e].responsables if r in index]
            messages(i, parents + echantillon(enseignants, 6), 14)
        elif groupe == "bureau":
            for e in echantillon(eleves, 40):
                ajouter(i, Ressource.dossier_de(personnes[e].identifiant))
                ajouter(i, Ressource.notes_de(personnes[e].identifiant))
                ajouter(i, Ressource.absences_de(personnes[e].identifiant))
            for code in echantillon(list(range(len(classes))), 8):
                ajouter(i, Ressource.emploi_du_temps_de(classes[code]))
            messages(i, echantillon(enseignants, 10) + cpes, 12)
        else:   # documentaliste, invité
            messages(i, echantillon(enseignants, 6), 4)

    # tableaux des cibles tirées au hasard
    n, m = len(personnes), len(services)
    debut_cibles = np.zeros((n, m), dtype=np.int32)
    fin_cibles = np.zeros((n, m), dtype=np.int32)
    objets, details, destinataires = [], [], []
    for (i, s), liste in cibles.items():
        debut_cibles[i, s] = len(objets)
        for objet, detail, dest in liste:
            objets.append(objet)
            details.append(detail)
            destinataires.append(dest)
        fin_cibles[i, s] = len(objets)
    return Population(
        identites=[p.identifiant for p in personnes], profils=profils, groupes=groupes,
        fonctions=[FONCTIONS.get(f, "") for f in fonctions], classe=classe_suivie,
        classes=classes, services=services, textes=textes,
        services_ouverts=services_ouverts, detail_acces=detail_acces,
        debut_cibles=debut_cibles, fin_cibles=fin_cibles,
        cible_objet=np.array(objets, dtype=np.int32),
        cible_detail=np.array(details, dtype=np.int32),
        cible_destinataire=np.array(destinataires, dtype=np.int32),
        ecrire_cahier=ecrire_cahier, ecrire_notes=ecrire_notes, enseignements=enseignements,
        eleves_de_classe=eleves_de_classe, index=index,
        poste_maison=np.where(rng.random(n) < 0.55, 1, 2).astype(np.int16),
        noms=[p.nom_complet for p in personnes],
        noms_services=[ent.catalogue.service(c).nom for c in services])
