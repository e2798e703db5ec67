"""``simuler_activite`` : l'usage de l'ENT par tout l'établissement sur une période.

Étapes (chacune vectorisée, aucune boucle par événement) : la population et ses cibles
autorisées (:mod:`~entsim.activite.population`), les évaluations et les devoirs
(:mod:`~entsim.activite.scolarite`), les sessions par groupe de rythme
(:mod:`~entsim.activite.sessions`, :mod:`~entsim.activite.rythmes`), les incidents plantés
(:mod:`~entsim.activite.incidents`), les lignes (:mod:`~entsim.activite.lignes`), puis un seul
tri par date et un ``DataFrame`` aux colonnes catégorielles
(:mod:`~entsim.activite.tableaux`).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import TYPE_CHECKING

import numpy as np

from entsim.activite.calendrier import ANNEE_LIVREE, CalendrierScolaire, zone_de
from entsim.activite.incidents import planter_incidents
from entsim.activite.lignes import Operations, construire_lignes, operations_au_hasard
from entsim.activite.population import construire_population
from entsim.activite.resultat import ActiviteSimulee
from entsim.activite.rythmes import (GROUPES, PIC_FIN_DE_TRIMESTRE, PIC_LENDEMAIN_PUBLICATION,
                                     PIC_PUBLICATION_NOTES, PIC_VEILLE_EVALUATION)
from entsim.activite.scolarite import (attacher, jours_fin_de_trimestre, tirer_devoirs,
                                       tirer_evaluations)
from entsim.activite.sessions import (concatener, facteurs_activite, services_des_sessions,
                                      tirer_sessions, types_de_jour)
from entsim.activite.tableaux import assembler
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

if TYPE_CHECKING:  # pragma: no cover
    from entsim.ent import ENT

__all__ = ["simuler_activite", "graine_activite"]

#: Au-delà de ce nombre de « personnes × jours », la simulation prend quelques secondes :
#: une barre de progression s'affiche (environ deux mois d'un grand lycée).
SEUIL_PROGRESSION = 300_000


def graine_activite(graine: int, debut: date, fin: date) -> int:
    """La graine numpy de la simulation, dérivée de celle de l'ENT et de la période (hachage
    stable : même ENT, même période → même activité)."""
    texte = f"{graine}/activite/{debut.isoformat()}/{fin.isoformat()}".encode()
    return int.from_bytes(hashlib.sha256(texte).digest()[:8], "big")


class _Etapes:
    """Une barre de progression tqdm (version notebook dans Jupyter) ou rien."""

    def __init__(self, active: bool, total: int) -> None:
        self.barre = None
        if active:
            from tqdm.auto import tqdm
            self.barre = tqdm(total=total, desc="Simulation de l'activité", unit=" étape",
                              bar_format="{desc} : {percentage:3.0f} % {bar} "
                                         "{n_fmt} étapes sur {total_fmt} ({elapsed}) {postfix}")

    def __call__(self, texte: str) -> None:
        if self.barre is not None:
            self.barre.set_postfix_str(texte)
            self.barre.update(1)

    def fermer(self) -> None:
        if self.barre is not None:
            self.barre.close()


def simuler_activite(ent: "ENT", periode: object = "annee", *, incidents: bool = True,
                     progression: bool | None = None, zone: str | None = None,
                     annee: str = ANNEE_LIVREE) -> ActiviteSimulee:
    """Simule l'usage de l'ENT par tout l'établissement sur une période de l'année 2025-2026
    (``"annee"``, ``"trimestre"``, ``"semaine"`` ou un couple de dates) et renvoie une
    :class:`~entsim.activite.resultat.ActiviteSimulee` (journal aux colonnes de l'AAS,
    messages, devoirs, évaluations, incidents plantés).

    ``zone`` : la zone de vacances (par défaut celle de l'académie de l'établissement) ;
    ``progression`` : ``None`` → une barre seulement si la simulation est longue, ``False`` →
    jamais. Même ENT (même graine), même période → même résultat. Le journal de l'ENT
    n'est pas modifié."""
    from entsim.ent import ENT

    if not isinstance(ent, ENT):
        raise ValeurInvalide(f"Il faut un ENT, par exemple ENT.demo() ou ENT(2026, 2000) "
                             f"(reçu : {cite(ent)}).")
    if not isinstance(incidents, bool):
        raise ValeurInvalide("« incidents » vaut True ou False.")
    if progression is not None and not isinstance(progression, bool):
        raise ValeurInvalide("« progression » vaut None, True ou False.")
    zone = _zone_par_defaut(ent.etablissement.academie) if zone is None else zone
    calendrier = CalendrierScolaire(zone, annee)
    debut, fin = calendrier.periode(periode)
    nombre_de_jours = (fin - debut).days + 1
    taille = len(ent.etablissement.personnes) * nombre_de_jours
    etapes = _Etapes(progression if progression is not None else taille > SEUIL_PROGRESSION,
                     total=7)
    try:
        return _simuler(ent, calendrier, debut, fin, nombre_de_jours, incidents, etapes)
    finally:
        etapes.fermer()


def _zone_par_defaut(academie: str) -> str:
    """La zone de l'académie ; pour une académie d'outre-mer ou de Corse, dont le recteur
    fixe le calendrier scolaire (code de l'éducation, art. D521-6), un message qui dit
    comment choisir une zone de métropole."""
    try:
        return zone_de(academie)
    except ValeurInvalide:
        nom = academie if academie.lower().startswith("académie") \
            else f"académie {cite(academie)}"
        raise ValeurInvalide(
            f"Le calendrier livré est celui de la métropole (zones A, B et C) ; celui de "
            f"l'{nom} est fixé par son recteur (code de l'éducation, art. D521-6) et "
            f"n'est pas livré. Choisissez une zone de métropole, par exemple : "
            f"simuler_activite(ent, \"annee\", zone=\"B\").", code="zone_inconnue") from None


def _simuler(ent: "ENT", calendrier: CalendrierScolaire, debut: date, fin: date,
             nombre_de_jours: int, avec_incidents: bool, etapes: _Etapes) -> ActiviteSimulee:
    graine = graine_activite(ent.graine, debut, fin)
    rng = np.random.default_rng(graine)
    pop = construire_population(ent, datetime.combine(debut, datetime.min.time()), rng)
    etapes("population et autorisations")
    natures = calendrier.codes(debut, nombre_de_jours)
    semaine = (np.arange(nombre_de_jours) + debut.weekday()) % 7
    types = types_de_jour(natures, semaine)
    facteur = facteurs_activite(pop, rng)
    groupe_de = {g: np.flatnonzero(pop.groupes == k).astype(np.int32)
                 for k, g in enumerate(GROUPES)}

    # enseignants d'abord : ils publient notes et devoirs, qui rythment élèves et parents
    fin_trimestre = jours_fin_de_trimestre(calendrier, debut, nombre_de_jours)
    pics_profs = np.where(fin_trimestre, PIC_FIN_DE_TRIMESTRE, 1.0)[None, :]
    tirages = {}
    if len(groupe_de["enseignant"]):
        tirages["enseignant"] = tirer_sessions(pop, groupe_de["enseignant"], types, facteur,
                                               pics_profs, rng)
    profs = tirages.get("enseignant")
    ens_eval, jour_eval = tirer_evaluations(pop, types, rng)
    ens_dev, jour_dev = tirer_devoirs(pop, types, rng)
    if profs is not None:
        evals = attacher(pop, profs, ens_eval, jour_eval, 3, 14, rng)
        devoirs = attacher(pop, profs, ens_dev, jour_dev, -10, -1, rng)
    else:
        evals = devoirs = None
    etapes("enseignants, évaluations et devoirs")

    n_classes = max(len(pop.classes), 1)
    veille = np.ones((n_classes, nombre_de_jours + 1))
    publication = np.ones((n_classes, nombre_de_jours + 2))
    if evals is not None and len(ens_eval):
        classe_eval = np.array([e[1] for e in pop.enseignements])[ens_eval]
        veille[classe_eval, np.maximum(jour_eval - 1, 0)] = PIC_VEILLE_EVALUATION
        ok = evals.session >= 0
        jour_pub = profs.debut[evals.session[ok]] // 86400
        publication[classe_eval[ok], jour_pub + 1] = PIC_LENDEMAIN_PUBLICATION
        publication[classe_eval[ok], jour_pub] = PIC_PUBLICATION_NOTES
    for groupe in GROUPES:
        if groupe == "enseignant" or not len(groupe_de[groupe]):
            continue
        personnes = groupe_de[groupe]
        pics = None
        if groupe in ("eleve", "parent"):
            table = veille if groupe == "eleve" else publication
            classe = pop.classe[personnes]
            pics = np.where(classe[:, None] >= 0,
                            table[np.maximum(classe, 0), :nombre_de_jours], 1.0)
        tirages[groupe] = tirer_sessions(pop, personnes, types, facteur, pics, rng)
    etapes("élèves, parents et personnels")

    # toutes les sessions ; les enseignants en premier (indices des écritures planifiées)
    ordre_groupes = ["enseignant"] + [g for g in GROUPES if g != "enseignant"]
    sessions = concatener([tirages[g] for g in ordre_groupes if g in tirages])
    plantes = planter_incidents(ent, pop, sessions, calendrier, debut, nombre_de_jours, rng) \
        if avec_incidents else None
    garder = plantes.garder if plantes is not None else np.ones(len(sessions), dtype=bool)
    # ordre chronologique des sessions (numéros de TGT croissants)
    ordre = np.lexsort((sessions.personne, sessions.debut))
    ordre = ordre[garder[ordre]]
    nouveau = np.full(len(sessions), -1, dtype=np.int64)
    nouveau[ordre] = np.arange(len(ordre))
    sessions = sessions.garder(ordre)
    etapes("incidents")

    service_session, service_code = services_des_sessions(pop, sessions, rng)
    ops = operations_au_hasard(pop, sessions, service_session, service_code, rng)
    planifie = _ecritures_planifiees(pop, evals, devoirs, nouveau, sessions)
    service_session, service_code, ops = _fusionner(service_session, service_code, ops,
                                                    planifie)
    lignes, lignes_message = construire_lignes(pop, sessions, service_session, service_code,
                                               ops, rng)
    etapes("lignes du journal")
    extra = plantes.lignes(len(sessions), len(service_session), len(lignes)) \
        if plantes is not None else None
    debut_dt = datetime.combine(debut, datetime.min.time())
    paquet = [lignes]
    del lignes
    return assembler(ent, pop, calendrier, debut, fin, graine, debut_dt, paquet.pop(),
                     extra, plantes, sessions, service_session, ops, lignes_message,
                     planifie, etapes)


def _ecritures_planifiees(pop, evals, devoirs, nouveau, sessions) -> dict:
    """Les écritures des enseignants (notes des évaluations, travail à faire) rattachées à
    leurs sessions gardées : (session, service, objets, détails) et les tables."""
    code = {s: i for i, s in enumerate(pop.services)}
    res = {"session": [], "service": [], "objets": [], "details": [],
           "evaluations": [], "devoirs": []}
    if evals is None:
        return res
    for nature, plan in (("evaluations", evals), ("devoirs", devoirs)):
        service = code["notes" if nature == "evaluations" else "cahier_de_textes"]
        for k in range(len(plan.enseignement)):
            s = plan.session[k]
            if s < 0 or nouveau[s] < 0:
                continue
            prof, classe, discipline = pop.enseignements[plan.enseignement[k]]
            if (prof, service) not in pop.detail_acces:
                continue
            if nature == "evaluations":
                paires = [pop.ecrire_notes[(prof, int(e))]
                          for e in pop.eleves_de_classe[classe]
                          if (prof, int(e)) in pop.ecrire_notes]
            else:
                paires = [pop.ecrire_cahier[(prof, classe)]] \
                    if (prof, classe) in pop.ecrire_cahier else []
            if not paires:
                continue
            s = int(nouveau[s])
            res["session"].append(s)
            res["service"].append(service)
            res["objets"].append([o for o, _ in paires])
            res["details"].append([d for _, d in paires])
            res[nature].append((classe, discipline, prof, int(plan.jour[k]), s))
    return res


def _fusionner(service_session, service_code, ops: Operations, planifie: dict):
    """Ajoute les services ouverts pour les écritures planifiées (après les services tirés
    au hasard de la même session) et renumérote les opérations."""
    R = len(service_session)
    n = len(planifie["session"])
    if n == 0:
        return service_session, service_code, ops
    tailles = np.array([len(o) for o in planifie["objets"]], dtype=np.int64)
    sess = np.concatenate([service_session, np.array(planifie["session"], dtype=np.int64)])
    code = np.concatenate([service_code, np.array(planifie["service"], dtype=np.int16)])
    ordre = np.argsort(sess, kind="stable")
    inverse = np.empty_like(ordre)
    inverse[ordre] = np.arange(len(ordre))
    rang = np.concatenate([ops.rang, np.repeat(np.arange(R, R + n), tailles)])
    objet = np.concatenate([ops.objet, np.concatenate(planifie["objets"]).astype(np.int32)])
    detail = np.concatenate([ops.detail, np.concatenate(planifie["details"]).astype(np.int32)])
    dest = np.concatenate([ops.destinataire, np.full(int(tailles.sum()), -1, dtype=np.int32)])
    rang = inverse[rang]
    tri = np.argsort(rang, kind="stable")
    return sess[ordre], code[ordre], Operations(rang[tri], objet[tri], detail[tri], dest[tri])
