"""Écrire, vérifier et afficher le journal par blocs de lignes (colonnes numpy).

Le simulateur d'activité produit une année scolaire, une dizaine de millions de lignes : les
écrire une à une (une ligne, un objet Python, une vérification de chaque champ) prendrait des
minutes. Ici, un bloc est vérifié par valeur distincte (une opération inconnue est refusée
avant d'écrire quoi que ce soit), codé en colonnes, puis chaîné : chaque ligne reçoit
l'empreinte SHA-256 du même JSON canonique que si elle avait été écrite seule
(:func:`~entsim.journal.integrite.codage_canonique`), si bien que la chaîne est identique.

**La vérification garde exactement la même garantie.** Chaque ligne est recalculée (SHA-256
de son contenu et de l'empreinte précédente qu'elle porte) et son lien avec la ligne d'avant
est comparé, pour toutes les lignes : c'est la vérification ligne par ligne, faite par
paquets. Aucun résumé par segment (arbre de Merkle) ne remplace une ligne : un tel résumé
ne protégerait que ce qu'il résume, et changerait ce que prouve un sceau. Les lignes qui
échouent (et celles qui portent une valeur hors colonne) sont ensuite examinées une par une
par :func:`~entsim.journal.integrite.verifier_chaine`, qui écrit les mêmes messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from entsim.journal.codage import (CHAMPS_CODES, binaires, chainer, empreintes_recalculees,
                                   json_textes, parties_colonnes)
from entsim.journal.colonnes import CHAMPS_LIBRES, Colonnes, _TEXTE, microsecondes
from entsim.journal.operations import OPERATIONS, RESULTATS
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.horloge import DERNIER_INSTANT, PREMIER_INSTANT, Horloge
from entsim.socle.texte import accorder, cite

#: Lignes traitées à la fois (mémoire des textes intermédiaires bornée).
PAQUET = 500_000


@dataclass
class Bloc:
    """Un bloc de lignes vérifié, rangé en colonnes, prêt à être chaîné."""

    taille: int
    instants: np.ndarray                    # microsecondes
    codes: dict[str, np.ndarray]
    libres: dict[str, np.ndarray]           # colonnes de textes numpy
    json_libres: dict[str, list[bytes]]     # leur JSON, ligne par ligne
    dernier_instant: datetime

    def lignes(self, valeurs: list):
        """Les champs de chaque ligne, de « instant » à « objet » (chemin ligne à ligne)."""
        dates = self.instants.astype("datetime64[us]").tolist()
        textes = np.array(valeurs, dtype=object)
        colonnes = [textes[self.codes[c]].tolist() for c in CHAMPS_CODES]
        colonnes += [self.libres[c].tolist() for c in CHAMPS_LIBRES]
        return zip(dates, *colonnes)

    def ecrire(self, colonnes: Colonnes, numero: int, precedente: str) -> str:
        """Chaîne le bloc à la suite de ``precedente`` et l'ajoute ; renvoie la dernière
        empreinte."""
        chaine = precedente.encode("ascii")
        for debut in range(0, self.taille, PAQUET):
            fin = min(self.taille, debut + PAQUET)
            numeros = np.arange(numero + debut, numero + fin, dtype=np.int64)
            codes = {c: self.codes[c][debut:fin] for c in CHAMPS_CODES}
            parties = parties_colonnes(numeros, self.instants[debut:fin], codes,
                                       colonnes.valeurs, self.json_libres["detail"][debut:fin],
                                       self.json_libres["objet"][debut:fin])
            empreintes = np.array(chainer(parties, chaine), dtype="S64")
            precedentes = np.empty(fin - debut, "S64")
            precedentes[0] = chaine
            precedentes[1:] = empreintes[:-1]
            colonnes.ajouter_bloc(numeros, self.instants[debut:fin], codes,
                                  {c: self.libres[c][debut:fin] for c in CHAMPS_LIBRES},
                                  precedentes, empreintes)
            chaine = bytes(empreintes[-1])
        return chaine.decode("ascii")


def _colonne(nom: str, valeur: object, taille: int) -> np.ndarray:
    """Une colonne d'objets de la bonne longueur (une valeur seule vaut pour toutes)."""
    if valeur is None or isinstance(valeur, str):
        colonne = np.empty(taille, dtype=object)
        colonne[:] = valeur
        return colonne
    if hasattr(valeur, "to_numpy"):                 # série pandas
        valeur = valeur.to_numpy(dtype=object)
    try:
        colonne = np.asarray(valeur, dtype=object)
    except (TypeError, ValueError):
        colonne = None
    if colonne is None or colonne.ndim != 1 or len(colonne) != taille:
        raise ValeurInvalide(f"« {nom} » est une colonne de {accorder(taille, 'valeur')} (une "
                             "par ligne du bloc) ou une seule valeur pour toutes les lignes.")
    return colonne


def _distinctes(nom: str, colonne: np.ndarray, texte_seul: bool = False):
    """Les indices et valeurs distinctes d'une colonne, vérifiées (textes, ou ``None``)."""
    import pandas as pd

    indices, distinctes = pd.factorize(colonne, use_na_sentinel=True)
    for valeur in distinctes:
        if type(valeur) is not str:
            raise ValeurInvalide(f"Le champ « {nom} » d'une ligne du journal est un texte"
                                 + ("" if texte_seul else " (ou rien)")
                                 + f" (reçu : {cite(valeur)}) : le bloc n'est pas écrit.")
    if texte_seul and (indices < 0).any():
        raise ValeurInvalide(f"Le champ « {nom} » d'une ligne du journal est un texte (reçu : "
                             "rien) : le bloc n'est pas écrit.")
    return indices, list(distinctes)


def _textes_directs(nom: str, colonne: np.ndarray, texte_seul: bool) -> np.ndarray:
    """La colonne vérifiée (des textes, ou ``None``) sans chercher ses valeurs distinctes."""
    import pandas as pd

    if pd.api.types.infer_dtype(colonne, skipna=True) not in ("string", "empty"):
        _distinctes(nom, colonne, texte_seul)                  # le message d'erreur
    manquants = pd.isna(colonne)
    if manquants.any():
        if texte_seul:
            _distinctes(nom, colonne, texte_seul)
        colonne = colonne.copy()
        colonne[manquants] = None
    return colonne


def _en_textes(nom: str, valeurs) -> np.ndarray:
    try:
        return np.array(valeurs, dtype=_TEXTE)
    except UnicodeError:
        raise ValeurInvalide(f"Le champ « {nom} » contient un caractère qui n'existe pas "
                             "(demi-codet isolé) : le bloc n'est pas écrit.") from None


def _instants(instants: object, taille: int, horloge: Horloge,
              derniere: int | None) -> np.ndarray:
    if instants is None:
        return np.full(taille, microsecondes(horloge.maintenant()), dtype=np.int64)
    if isinstance(instants, datetime):
        instants = [instants] * taille
    if hasattr(instants, "dt") and getattr(instants.dt, "tz", None) is not None:
        instants = None                             # heure avec fuseau : refusée plus bas
    try:
        dates = np.asarray(instants)
        if dates.dtype == object:
            if any(not isinstance(d, datetime) or d.tzinfo is not None for d in dates):
                raise TypeError
        dates = dates.astype("datetime64[us]")
    except (TypeError, ValueError, OverflowError):
        dates = None
    if dates is None or dates.ndim != 1 or len(dates) != taille or np.isnat(dates).any():
        raise ValeurInvalide(f"« instants » est une colonne de "
                             f"{accorder(taille, 'date et heure', 'dates et heures')} (sans "
                             "fuseau horaire, comme l'horloge simulée), ou une seule date.")
    valeurs = dates.astype(np.int64)
    if (valeurs < microsecondes(PREMIER_INSTANT)).any() or \
            (valeurs > microsecondes(DERNIER_INSTANT)).any():
        raise ValeurInvalide("Les instants du bloc sortent des bornes de l'horloge simulée "
                             f"({PREMIER_INSTANT:%Y} à {DERNIER_INSTANT:%Y}).")
    if (np.diff(valeurs) < 0).any() or (derniere is not None and valeurs[0] < derniere):
        raise ValeurInvalide("Les lignes d'un journal sont écrites dans l'ordre du temps : les "
                             "instants du bloc ne doivent jamais reculer, ni précéder la "
                             "dernière ligne du journal.")
    return valeurs


def colonnes_du_bloc(colonnes: Colonnes, horloge: Horloge, operations, identites, services,
                     postes, resultats, details, objets, instants,
                     derniere: int | None) -> Bloc:
    """Vérifie tout le bloc (rien n'est écrit s'il y a une erreur) et le code en colonnes."""
    if isinstance(operations, str) or not hasattr(operations, "__len__"):
        raise ValeurInvalide("« operations » est une colonne de codes d'opération, un par "
                             "ligne du bloc, par exemple [\"connexion_reussie\", \"tgt_cree\"].")
    taille = len(operations)
    brutes = {"operation": operations, "identite": identites, "service": services,
              "poste": postes, "resultat": resultats, "detail": details, "objet": objets}
    factorisees, directs = {}, {}
    for champ, valeur in brutes.items():
        colonne = _colonne(champ, valeur, taille)
        texte_seul = champ in ("operation", "resultat", "detail")
        if champ == "objet":       # souvent tous différents : vérifié sans factoriser
            directs[champ] = _textes_directs(champ, colonne, texte_seul)
        else:
            factorisees[champ] = _distinctes(champ, colonne, texte_seul=texte_seul)
    for valeur in factorisees["operation"][1]:
        if valeur not in OPERATIONS:
            raise ValeurInvalide(f"Opération de journal inconnue : {cite(valeur)}.")
    for valeur in factorisees["resultat"][1]:
        if valeur not in RESULTATS:
            raise ValeurInvalide(f"Résultat de journal inconnu : {cite(valeur)} (attendu : "
                                 "« succes », « echec » ou « info »).")
    valeurs_instants = _instants(instants, taille, horloge, derniere)
    libres, json_libres = {}, {}
    for champ in CHAMPS_LIBRES:
        if champ in directs:
            libres[champ] = _en_textes(champ, directs[champ])
            json_libres[champ] = json_textes(directs[champ].tolist()).tolist()
            continue
        indices, distinctes = factorisees[champ]
        libres[champ] = _en_textes(champ, distinctes + [None])[indices]
        json_libres[champ] = np.append(json_textes(distinctes), np.array(
            [b"null"], dtype=object))[indices].tolist()
    codes = {}
    for champ in CHAMPS_CODES:
        indices, distinctes = factorisees[champ]
        table = np.array([colonnes.code(v) for v in distinctes] + [0], dtype=np.int32)
        codes[champ] = table[indices]
    dernier = (valeurs_instants[-1:].astype("datetime64[us]").tolist() or [None])[0]
    return Bloc(taille, valeurs_instants, codes, libres, json_libres, dernier)


def _differentes(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Compare deux colonnes ``S64`` ligne à ligne (par mots de 8 octets, plus vite)."""
    return (np.ascontiguousarray(a).view(np.uint64).reshape(-1, 8)
            != np.ascontiguousarray(b).view(np.uint64).reshape(-1, 8)).any(axis=1)


def _suspectes_entre(colonnes: Colonnes, debut: int, fin: int) -> np.ndarray:
    """Les lignes ``debut`` à ``fin`` (``debut`` > 0) dont l'empreinte recalculée ou le lien
    avec la précédente ne concorde pas."""
    precedentes = colonnes.precedente[debut:fin]
    calculees = empreintes_recalculees(colonnes.parties(debut, fin), precedentes.tolist())
    gardees, valides = binaires(colonnes.empreinte[debut:fin])
    mauvaises = (calculees != gardees).any(axis=1) | ~valides
    mauvaises |= _differentes(precedentes, colonnes.empreinte[debut - 1:fin - 1])
    return np.flatnonzero(mauvaises) + debut


_EN_COURS: Colonnes | None = None       # les colonnes lues par les processus de vérification


def _paquet(bornes: tuple[int, int]) -> np.ndarray:
    return _suspectes_entre(_EN_COURS, *bornes)


def _en_parallele(colonnes: Colonnes, paquets: list[tuple[int, int]]) -> list[np.ndarray]:
    """Les paquets vérifiés par deux processus (copies du journal par ``fork``, sans
    transfert des colonnes), sur un grand journal et une machine à plusieurs cœurs ;
    sinon ici même."""
    global _EN_COURS
    import multiprocessing
    import os

    if (len(colonnes) < PARALLELE_A_PARTIR or (os.cpu_count() or 1) < 2
            or "fork" not in multiprocessing.get_all_start_methods()):
        return [_suspectes_entre(colonnes, *bornes) for bornes in paquets]
    _EN_COURS = colonnes
    try:
        with multiprocessing.get_context("fork").Pool(2) as groupe:
            return groupe.map(_paquet, paquets, chunksize=1)
    finally:
        _EN_COURS = None


#: Au-delà de ce nombre de lignes, la vérification se partage entre deux processus.
PARALLELE_A_PARTIR = 2_000_000


def suspectes(colonnes: Colonnes) -> np.ndarray:
    """Les positions des lignes à examiner une par une : celles dont l'empreinte recalculée
    ou le lien avec la précédente ne concorde pas, et celles qui portent une valeur hors
    colonne (ainsi que leur suivante). Toutes les autres sont intactes et bien chaînées.
    La première ligne (liée à l'ancre ou au début) est toujours examinée une par une."""
    n = len(colonnes)
    trouvees = [np.zeros(1, np.int64)] if n else []
    paquets = [(max(debut, 1), min(n, debut + PAQUET)) for debut in range(0, n, PAQUET)]
    trouvees += _en_parallele(colonnes, [p for p in paquets if p[0] < p[1]])
    exotiques = colonnes.positions_exotiques()
    trouvees += [exotiques, exotiques + 1]
    if not trouvees:
        return np.zeros(0, np.int64)
    positions = np.unique(np.concatenate(trouvees))
    return positions[positions < n]


def tableau_rapide(colonnes: Colonnes):
    """Le ``DataFrame`` de tout le journal (sans valeur hors colonne), colonne par colonne :
    le même que celui qu'on obtient ligne par ligne."""
    import pandas as pd

    n = len(colonnes)
    valeurs = colonnes.valeurs
    affichees = np.array(["" if v is None else v for v in valeurs], dtype=object)
    operations = np.array([OPERATIONS.get(v, v) for v in valeurs], dtype=object)
    resultats = np.array([RESULTATS.get(v, v) for v in valeurs], dtype=object)
    libres = {c: colonnes.libres[c][:n].astype(object) for c in CHAMPS_LIBRES}
    libres["objet"][libres["objet"] == None] = ""   # noqa: E711 (comparaison élément par élément)
    donnees = {
        "N°": colonnes.numero[:n].copy(),
        "Date": colonnes.instant[:n].astype("datetime64[us]"),
        "Opération": operations[colonnes.codes["operation"][:n]],
        "Identité": affichees[colonnes.codes["identite"][:n]],
        "Service": affichees[colonnes.codes["service"][:n]],
        "Poste": affichees[colonnes.codes["poste"][:n]],
        "Résultat": resultats[colonnes.codes["resultat"][:n]],
        "Détail": libres["detail"],
        "Objet": libres["objet"],
    }
    return pd.DataFrame(donnees).set_index("N°")


#: Les colonnes d'un journal en tableau (``journal.tableau()``, ``activite.journal``).
COLONNES_TABLEAU = ("Date", "Opération", "Identité", "Service", "Poste", "Résultat", "Détail",
                    "Objet")


def arguments_du_tableau(tableau) -> dict[str, object]:
    """Les colonnes d'un journal en tableau (libellés français, ``""`` pour « aucun »), prêtes
    pour :meth:`~entsim.journal.chaine.Journal.enregistrer_bloc` : le simulateur d'activité
    écrit ainsi une période simulée dans un vrai journal chaîné."""
    import pandas as pd

    if not isinstance(tableau, pd.DataFrame) or any(c not in tableau.columns
                                                    for c in COLONNES_TABLEAU):
        raise ValeurInvalide("Il faut un journal en tableau pandas, avec les colonnes de "
                             "ent.journal.tableau() (" + ", ".join(COLONNES_TABLEAU) + ") : "
                             "par exemple activite.journal.", code="journal_attendu")

    def colonne(nom: str, libelles: dict | None = None, vide_est_aucun: bool = False):
        serie = tableau[nom]
        if libelles is not None:
            codes = {libelle: code for code, libelle in libelles.items()}
            inconnus = set(pd.unique(serie)) - set(codes) - set(libelles)
            if inconnus:
                raise ValeurInvalide(f"Colonne « {nom} » : valeur inconnue "
                                     f"{cite(sorted(map(str, inconnus))[0])}.")
            serie = serie.map(lambda v: codes.get(v, v))   # catégories : une fois par valeur
        valeurs = serie.to_numpy(dtype=object)
        if vide_est_aucun:
            valeurs[valeurs == ""] = None
        return valeurs

    dates = tableau["Date"]
    if not pd.api.types.is_datetime64_dtype(dates):
        raise ValeurInvalide("La colonne « Date » du journal doit contenir des dates et heures, "
                             "comme dans ent.journal.tableau().", code="journal_attendu")
    return dict(operations=colonne("Opération", OPERATIONS),
                identites=colonne("Identité", vide_est_aucun=True),
                services=colonne("Service", vide_est_aucun=True),
                postes=colonne("Poste", vide_est_aucun=True),
                resultats=colonne("Résultat", RESULTATS), details=colonne("Détail"),
                objets=colonne("Objet", vide_est_aucun=True),
                instants=dates.to_numpy().astype("datetime64[us]"))
