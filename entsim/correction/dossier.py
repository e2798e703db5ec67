"""Corriger un dossier de fiches rendues et écrire les résultats.

:func:`corriger_dossier` trouve les fichiers rendus
(:mod:`~entsim.correction.rendus`), corrige chaque copie
(:mod:`~entsim.correction.copie`, plusieurs à la fois : l'ordre du carnet reste
celui des fichiers), relit et applique les notes manuelles du professeur
(:mod:`entsim.correction.notes`), puis écrit carnet, synthèse, retours et notes manuelles
(:mod:`entsim.correction.rapports`). Une copie ne fait jamais échouer la correction : seul
un problème du professeur (dossier introuvable, notes illisibles, fichier verrouillé) lève
une erreur.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from entsim.correction.copie import corriger_fichier
from entsim.correction.execution import isolement_actif
from entsim.correction.isolement import (AVERTISSEMENT_ADMINISTRATEUR,
                                         AVERTISSEMENT_SURVEILLANCE, SURVEILLANCE,
                                         choisir_isolement, lancee_en_administrateur)
from entsim.correction.rendus import FichierRendu, fichiers_rendus
from entsim.correction.lecture import Remarque, nom_depuis_chemin
from entsim.correction.notes import (COLONNES_NOTES, NoteManuelle, appliquer_notes,
                                     lignes_notes, lire_carnet_precedent,
                                     lire_notes_manuelles, notes_a_confirmer)
from entsim.correction.rapports import (cle_eleve, ecrire_csv, ecrire_fichier, ecrire_retours,
                                        synthese_html)
from entsim.correction.resultats import entete_carnet, lignes_carnet
from entsim.correction.resultats import (DOSSIER_SORTIE_DEFAUT, NOM_CARNET, NOM_NOTES_MANUELLES,
                                         NOM_RETOURS, Carnet, RenduCorrige)
from entsim.questions.fiches import Fiche
from entsim.questions.publication import module_corrige
from entsim.socle.erreurs import ErreurENT, Introuvable
from entsim.socle.texte import cite

__all__ = ["corriger_dossier"]


def corriger_dossier(dossier_rendus: str | os.PathLike, dossier_sortie: str | os.PathLike |
                     None = None, *, delai_par_cellule: float = 10, delai_total: float = 60,
                     fiches: Sequence[str] | None = None, travaux: int | None = None,
                     isolement: str = "auto") -> Carnet:
    """Corrige tous les fichiers rendus de ``dossier_rendus`` et écrit carnet, synthèse,
    retours et notes manuelles dans ``dossier_sortie`` (par défaut
    ``<dossier_rendus>/correction/``).

    ``delai_par_cellule`` / ``delai_total`` (secondes) : limites de temps du code d'un
    élève, quand il faut l'exécuter. ``fiches`` : les fiches attendues (un fichier d'une
    autre fiche reçoit le statut « autre fiche », tout en étant corrigé). ``travaux`` :
    nombre de copies corrigées en même temps (défaut : le nombre de processeurs, 4 au
    plus ; le résultat ne dépend pas de ce nombre). ``isolement`` : ``auto``,
    ``bac-a-sable`` ou ``surveillance`` (:mod:`entsim.correction.isolement`), choisi ici une
    fois et noté dans le carnet. Le carnet et les notes manuelles ne sont écrits que par ce
    processus, une fois tous les processus des élèves arrêtés. Lève
    :class:`ErreurENT` seulement pour un problème du professeur (dossier introuvable,
    notes manuelles illisibles, fichier de sortie verrouillé), jamais pour une copie.
    """
    dossier = Path(dossier_rendus)
    try:
        existe = dossier.is_dir()
    except OSError:                  # chemin impossible (trop long…) : il n'existe pas
        existe = False
    if not existe:
        raise Introuvable(f"Le dossier des rendus {cite(str(dossier))} n'existe pas (ou n'est "
                          "pas un dossier).", code="dossier_introuvable")
    sortie = Path(dossier_sortie) if dossier_sortie is not None else dossier / DOSSIER_SORTIE_DEFAUT
    if sortie.resolve() == dossier.resolve():
        raise ErreurENT("Le dossier des résultats doit être différent du dossier des rendus "
                        "(par défaut : un sous-dossier « correction »).",
                        code="sortie_invalide")
    # Le corrigé (édition enseignant, paquet entsim_corrige) : erreur française s'il manque.
    corrige = module_corrige()
    disponibles = {fid: corrige.fiche_corrigee(fid) for fid in corrige.fiches_disponibles()}
    attendues = tuple(fiches or ())
    for fid in attendues:
        if fid not in disponibles:
            raise Introuvable(f"Fiche attendue inconnue : {cite(fid)} (fiches connues : "
                              f"{', '.join(sorted(disponibles))}).", code="fiche_inconnue")
    notes_existantes = lire_notes_manuelles(sortie / NOM_NOTES_MANUELLES)
    mode = choisir_isolement(isolement)
    def corriger_un(fichier: FichierRendu) -> tuple[RenduCorrige, dict[str, str]]:
        try:
            return corriger_fichier(fichier, disponibles, attendues,
                                    delai_par_cellule=delai_par_cellule,
                                    delai_total=delai_total)
        except Exception as erreur:  # noqa: BLE001 - une copie ne fait jamais tout échouer
            return RenduCorrige(str(fichier.relatif), nom_depuis_chemin(
                fichier.relatif, list(disponibles)), statut="erreur_correcteur", raison=(
                f"Erreur inattendue du correcteur ({type(erreur).__name__}) : ce fichier n'a "
                "pas été corrigé ; signalez-le aux auteurs d'entsim.")), {}

    rendus_trouves = fichiers_rendus(dossier, sortie)
    travaux = travaux or min(4, os.cpu_count() or 1)
    with isolement_actif(mode):
        if travaux > 1 and len(rendus_trouves) > 1:
            # Les copies qui exécutent du code attendent surtout leur processus enfant : on
            # en corrige plusieurs à la fois (en surveillance, leur code s'exécute quand même
            # une copie à la fois) ; l'ordre du carnet reste celui des fichiers.
            with ThreadPoolExecutor(max_workers=travaux) as executeur:
                resultats = list(executeur.map(corriger_un, rendus_trouves))
        else:
            resultats = [corriger_un(f) for f in rendus_trouves]
    rendus: list[RenduCorrige] = []
    reponses_ouvertes: dict[tuple[str, str], str] = {}
    for rendu, textes in resultats:
        rendus.append(rendu)
        for qid, texte in textes.items():
            reponses_ouvertes[(rendu.fichier, qid)] = texte
    automatiques = rendus
    rendus, avertissements = appliquer_notes(automatiques, notes_existantes)
    rendus = _signaler_doublons(rendus)        # après les notes : totaux connus
    a_confirmer = notes_a_confirmer(automatiques, rendus,
                                    lire_carnet_precedent(sortie / NOM_CARNET))
    corrigees = sorted({r.fiche for r in rendus if r.corrige and r.fiche})
    colonnes = tuple((fid, q.id) for fid in corrigees for q in disponibles[fid].questions)
    if mode.mode == SURVEILLANCE:
        avertissements = [*avertissements, AVERTISSEMENT_SURVEILLANCE]
    if lancee_en_administrateur():
        avertissements = [*avertissements, AVERTISSEMENT_ADMINISTRATEUR]
    carnet = Carnet(dossier, sortie, tuple(rendus), colonnes, tuple(avertissements), attendues,
                    tuple(a_confirmer), isolement=mode.mode)
    _ecrire(carnet, notes_existantes, reponses_ouvertes, disponibles)
    return carnet


def _signaler_doublons(rendus: Sequence[RenduCorrige]) -> list[RenduCorrige]:
    """Signale les copies d'un même élève (clé :func:`cle_eleve`) pour une même fiche :
    chacune le dit dans sa raison ; une seule compte dans la moyenne de la classe, la
    meilleure (le professeur choisit laquelle garder dans le carnet)."""
    groupes: dict[tuple[str, str], list[int]] = {}
    for i, rendu in enumerate(rendus):
        if rendu.corrige and rendu.fiche:
            groupes.setdefault((cle_eleve(rendu.eleve), rendu.fiche), []).append(i)
    resultat = list(rendus)
    for (_, fiche_id), indices in groupes.items():
        if len(indices) < 2:
            continue
        gardee = max(indices, key=lambda i: (rendus[i].total or 0, -i))
        for i in indices:
            autres = ", ".join(f"« {rendus[j].fichier} »" for j in indices if j != i)
            remarque = (f"Copie en double : {rendus[i].eleve} a aussi rendu {autres} pour la "
                        f"fiche « {fiche_id} » ; "
                        + ("cette copie, la meilleure, est la seule comptée dans la moyenne"
                           if i == gardee else "cette copie n'est pas comptée dans la "
                           "moyenne de la classe") + " ; gardez la bonne dans le carnet.")
            raison = rendus[i].raison
            resultat[i] = replace(rendus[i], raison=remarque + (" " + raison if raison else ""),
                                  compte_dans_la_moyenne=i == gardee,
                                  remarques=(Remarque("copie_en_double", remarque),
                                             *rendus[i].remarques))
    return resultat


def _ecrire(carnet: Carnet, notes_existantes: Sequence[NoteManuelle],
            reponses: Mapping[tuple, str], fiches: Mapping[str, Fiche]) -> None:
    """Écrit notes manuelles, carnet, synthèse et retours dans le dossier de sortie."""
    sortie = carnet.dossier_sortie
    try:
        sortie.mkdir(parents=True, exist_ok=True)
        (sortie / NOM_RETOURS).mkdir(exist_ok=True)
    except OSError as erreur:
        raise ErreurENT(f"Impossible de créer le dossier de sortie {sortie} "
                        f"({erreur.strerror}).", code="ecriture_impossible") from None
    ecrire_csv(carnet.chemin_notes_manuelles, COLONNES_NOTES,
               lignes_notes(carnet.rendus, notes_existantes, reponses))
    entete = entete_carnet(carnet)
    ecrire_csv(carnet.chemin_carnet, entete,
               [[ligne[c] for c in entete] for ligne in lignes_carnet(carnet)])
    ecrire_fichier(carnet.chemin_synthese, synthese_html(carnet, fiches).encode("utf-8"))
    ecrire_retours(carnet, fiches)
