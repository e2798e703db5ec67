"""Corriger une copie : une ligne du carnet pour un fichier rendu.

Le notebook est lu (:mod:`entsim.correction.lecture`), sa fiche et son élève reconnus ;
chaque question est corrigée par la fiche elle-même (:meth:`Question.corriger`), sur la
réponse lue sans rien exécuter quand elle est littérale, sinon sur la valeur calculée par le
code de l'élève, exécuté dans un processus séparé et sous délai
(:mod:`entsim.correction.execution`). Ce qui a été toléré ou n'a pas pu être corrigé est
dit en une phrase (la « raison » du carnet), sans adresse mémoire ni dossier temporaire :
deux corrections du même fichier donnent la même ligne.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from entsim.correction.rendus import FichierRendu, lire_fichier
from entsim.correction.execution import (CelluleAExecuter, Execution, ObjetNonTransmis,
                                         ValeurTropGrosse, executer_cellules)
from entsim.correction.lecture import (ROLES_SANS_REPONSE, NotebookLu, Remarque, ReponseLue,
                                       RenduIllisible, code_de_cellule, lire_reponse,
                                       nom_dans_notebook, nom_depuis_chemin, reconnaitre_fiche)
from entsim.correction.remarques import phrase
from entsim.correction.resultats import RenduCorrige
from entsim.questions.retours import Correction
from entsim.questions.fiches import Fiche
from entsim.questions.types_de_questions.question_ouverte import QuestionOuverte

__all__ = ["corriger_fichier"]

#: Le début des refus de la surveillance (entsim.correction._surveillance), dans les
#: messages d'erreur des réponses calculées.
REFUS = "Refusé par la correction (surveillance du code des élèves)"

_ADRESSE = re.compile(r" at 0x[0-9a-fA-F]+")
_TEMPORAIRE = re.compile(r"[^\s'\"]*entsim-correction-[^\s'\"/\\]+")


def _nettoyer(texte: str) -> str:
    """Retire d'un message ce qui changerait d'une correction à l'autre (adresses, dossiers
    temporaires)."""
    return _TEMPORAIRE.sub("…", _ADRESSE.sub("", texte))


def _invalide(question_id: str, sur: float, message: str) -> Correction:
    return Correction(question_id, 0.0, float(sur), "invalide", message)


def _valeur_executee(lue: ReponseLue, execution: Execution, variable: str
                     ) -> tuple[bool, object, str]:
    """(trouvée, valeur, message d'erreur) de la réponse calculée par la cellule retenue."""
    numero = lue.cellule.numero if lue.cellule is not None else -1
    valeurs = execution.valeurs_par_cellule.get(numero, {})
    if variable in valeurs:
        return True, valeurs[variable], ""
    if numero in execution.erreurs:
        # « StopIteration : » (exception sans message), « … accès interne). » : pas de « .. »
        erreur = _nettoyer(execution.erreurs[numero]).strip().rstrip(" :.")
        return False, None, ("L'exécution de la cellule de réponse a provoqué une erreur : "
                             f"{erreur}.")
    if execution.interruption and numero not in execution.executees:
        if execution.cellule_interrompue == numero:
            return False, None, f"La cellule de réponse n'a pas abouti : {execution.interruption}."
        return False, None, ("La cellule de réponse n'a pas pu être exécutée : "
                             f"{execution.interruption} avant elle.")
    return False, None, ""


def _corriger_reponses(notebook: NotebookLu, la_fiche: Fiche, *, delai_par_cellule: float,
                       delai_total: float
                       ) -> tuple[list[Correction], list[Remarque], bool, dict[str, str]]:
    """Corrige chaque question ; renvoie (corrections, remarques, complet, textes des
    réponses aux questions ouvertes)."""
    lues = {q.id: lire_reponse(notebook, q.id) for q in la_fiche.questions}
    remarques: list[Remarque] = []
    complet = notebook.complet
    a_executer = {qid: lue for qid, lue in lues.items() if lue.nature == "a_executer"}
    execution: Execution | None = None
    if a_executer:
        execution = _executer(notebook, a_executer, delai_par_cellule=delai_par_cellule,
                              delai_total=delai_total)
        if execution.interruption:
            remarques.append(Remarque("execution_interrompue",
                                      f"exécution du code : {execution.interruption}"))
            complet = False
    absentes = [qid for qid, lue in lues.items() if lue.nature == "absente" and lue.cellule is None]
    if absentes:
        remarques.append(Remarque("reponse_introuvable", "cellule de réponse introuvable "
                                  "(supprimée ?) pour " + ", ".join(absentes)
                                  + " : comptée sans réponse"))
        complet = False
    corrections = []
    textes: dict[str, str] = {}
    for question in la_fiche.questions:
        lue = lues[question.id]
        for remarque in lue.remarques:
            if remarque not in remarques:
                remarques.append(remarque)
        if isinstance(question, QuestionOuverte):
            textes[question.id] = _texte_reponse(lue.valeur if lue.nature == "litterale"
                                                 else lue.source)
        if lue.nature == "litterale":
            corrections.append(question.corriger(lue.valeur))
        elif lue.nature in ("syntaxe", "demesuree"):
            corrections.append(_invalide(question.id, question.points, lue.message))
        elif lue.nature == "absente":
            corrections.append(question.corriger(None))
        else:
            assert execution is not None
            trouvee, valeur, message = _valeur_executee(lue, execution, question.variable)
            if isinstance(valeur, ObjetNonTransmis) and valeur.type == "timedelta":
                # une durée (ent.cas.duree_ticket) : corrigée sur son texte « 0:00:10 »,
                # comme le fait la vérification dans la fiche
                corrections.append(question.corriger(valeur.texte))
            elif isinstance(valeur, ObjetNonTransmis):
                corrections.append(_invalide(question.id, question.points, (
                    "La réponse doit être une valeur simple (texte, nombre, liste, "
                    f"dictionnaire, tableau) ; la cellule donne un objet « {valeur.type} ».")))
            elif isinstance(valeur, ValeurTropGrosse):
                corrections.append(_invalide(question.id, question.points,
                                             "La réponse calculée est démesurée : elle n'a "
                                             "pas été corrigée."))
            elif trouvee or not message:
                corrections.append(question.corriger(valeur))
            else:
                corrections.append(_invalide(question.id, question.points, message))
    refusees = [c.question for c in corrections if REFUS in (c.message or "")]
    if refusees:
        remarques.append(Remarque("code_refuse", (
            "code refusé par la surveillance pour " + ", ".join(refusees) + " (fichier hors "
            "de la copie, programme, signal, réseau…) : regardez ces cellules, la copie a "
            "peut-être tenté de tricher")))
    return corrections, remarques, complet, textes


def _executer(notebook: NotebookLu, a_executer: Mapping[str, ReponseLue], *,
              delai_par_cellule: float, delai_total: float) -> Execution:
    """Exécute, dans l'ordre et sous délai, les cellules de code jusqu'à la dernière réponse
    calculée (énoncés, vérifications et indices exceptés)."""
    suivies: dict[int, list[str]] = {}
    for qid, lue in a_executer.items():
        if lue.cellule is not None:
            suivies.setdefault(lue.cellule.numero, []).append(f"reponse_{qid}")
    dernier = max(suivies)
    cellules = []
    for cellule in notebook.cellules:
        if cellule.numero > dernier:
            break
        if cellule.role in ROLES_SANS_REPONSE:
            continue
        if cellule.type == "code" or cellule.numero in suivies:
            cellules.append(CelluleAExecuter(cellule.numero, code_de_cellule(cellule),
                                             tuple(sorted(suivies.get(cellule.numero, ())))))
    noms = sorted({nom for noms_ in suivies.values() for nom in noms_})
    return executer_cellules(cellules, noms, delai_par_cellule=delai_par_cellule,
                             delai_total=delai_total)


def corriger_fichier(fichier: FichierRendu, fiches: Mapping[str, Fiche],
                     attendues: Sequence[str], *, delai_par_cellule: float,
                     delai_total: float) -> tuple[RenduCorrige, dict[str, str]]:
    """La ligne du carnet d'un fichier, et le texte de ses réponses aux questions ouvertes."""
    nom_fichier = nom_depuis_chemin(fichier.relatif, list(fiches))
    base = RenduCorrige(str(fichier.relatif), nom_fichier)
    if fichier.probleme is not None:
        return replace(base, statut=fichier.probleme[0], raison=fichier.probleme[1]), {}
    if not fichier.relatif.name.lower().endswith(".ipynb"):
        return replace(base, statut="pas_un_notebook", raison=(
            f"Ce fichier n'est pas un notebook Jupyter (.ipynb) : « {fichier.relatif.name} » "
            "n'a pas été corrigé.")), {}
    try:
        notebook = lire_fichier(fichier)
    except RenduIllisible as erreur:
        return replace(base, statut=erreur.code, raison=erreur.message), {}
    eleve = nom_dans_notebook(notebook) or nom_fichier
    base = replace(base, eleve=eleve)
    reconnue = reconnaitre_fiche(notebook, {fid: f.ids() for fid, f in fiches.items()})
    remarques = list(notebook.anomalies)
    if reconnue.fiche is None:
        remarques.insert(0, Remarque(reconnue.code, reconnue.raison))
        return replace(base, statut=reconnue.code, raison=_phrase(remarques),
                       remarques=_nettoyees(remarques)), {}
    la_fiche = fiches[reconnue.fiche]
    if reconnue.comment != "metadonnees":
        remarques.append(Remarque("metadonnees_absentes",
                                  "métadonnées de la fiche absentes ou modifiées : fiche "
                                  "reconnue " + ("à la ligne fiche(\"…\")"
                                                 if reconnue.comment == "contenu"
                                                 else "aux noms des réponses")))
    if notebook.version_declaree is not None and notebook.version_declaree != la_fiche.version:
        remarques.append(Remarque("version_differente",
                                  f"version {notebook.version_declaree} de la fiche, corrigée "
                                  f"avec la version {la_fiche.version}"))
    corrections, autres, complet, textes = _corriger_reponses(
        notebook, la_fiche, delai_par_cellule=delai_par_cellule, delai_total=delai_total)
    remarques += autres
    statut = "corrige" if complet else "corrige_partiellement"
    if attendues and la_fiche.id not in attendues:
        statut = "autre_fiche"
        remarques.insert(0, Remarque("autre_fiche", f"ce fichier est la fiche « {la_fiche.id} », "
                                     "pas " + ("la fiche attendue" if len(attendues) == 1
                                               else "une des fiches attendues")
                                     + f" ({', '.join(attendues)}) : il est corrigé comme "
                                     f"fiche « {la_fiche.id} »"))
    if all(c.statut == "vide" for c in corrections):
        remarques.append(Remarque("aucune_reponse", "aucune question n'a de réponse"))
    return replace(base, fiche=la_fiche.id, titre=la_fiche.titre, statut=statut,
                   raison=_phrase(remarques), corrections=tuple(corrections),
                   remarques=_nettoyees(remarques)), textes


def _phrase(remarques: Iterable[str]) -> str:
    """Des remarques réunies en une phrase : « A ; b ; c. »"""
    return _nettoyer(phrase(remarques))


def _nettoyees(remarques: Iterable[Remarque]) -> tuple[Remarque, ...]:
    """Les remarques, chacune avec son code, sans ce qui changerait d'une correction à
    l'autre ; un texte sans code reste sans code (il comptera comme un problème)."""
    return tuple(Remarque(getattr(r, "code", ""), _nettoyer(r)) for r in remarques
                 if r and r.strip())


def _texte_reponse(lue: object) -> str:
    """La réponse d'un élève en texte, pour le professeur (tronquée)."""
    if isinstance(lue, str):
        texte = lue
    elif isinstance(lue, dict):
        texte = "\n".join(f"{k} : {v}" for k, v in lue.items())
    elif isinstance(lue, (list, tuple)):
        texte = "\n".join(str(v) for v in lue)
    elif lue is None:
        texte = ""
    else:
        texte = str(lue)
    texte = texte.strip()
    return texte if len(texte) <= 3000 else texte[:3000] + " […]"
