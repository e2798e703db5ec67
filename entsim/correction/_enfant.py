"""Programme du processus enfant de la correction : exécute des cellules d'élève, rien d'autre.

Ce fichier n'est **jamais importé** par entsim : :mod:`entsim.correction.execution` le lance
avec l'interpréteur courant, dans un processus séparé, sous un délai que le processus parent
surveille (il tue l'enfant quand une cellule ou l'ensemble dépasse son délai). Il n'importe
que la bibliothèque standard, pour démarrer vite.

Protocole (tout en JSON, une ligne par message, écrit dans le fichier de résultats dont le
chemin est donné en second argument ; le premier argument est le fichier du travail) :

- travail : ``{"cellules": [{"numero": n, "source": "...", "suivre": ["reponse_q1"]}],
  "noms": ["reponse_q1", ...], "limites": {"memoire": octets, "fichier": octets,
  "processeur": secondes}}`` ;
- messages : ``{"debut": n}`` avant la cellule ``n``, puis ``{"fin": n, "erreur": texte ou
  null, "valeurs": {nom: valeur codée}, "sortie": octets}`` (valeurs des noms ``suivre`` de
  cette cellule) ; à la fin ``{"termine": true, "valeurs": {...}}`` (tous les ``noms``).

Ce que l'élève affiche (``print``, ``display``) passe dans un « puits » qui compte les octets
et n'en garde aucun : une sortie énorme ne coûte ni mémoire ni place dans le carnet. Les
valeurs des variables suivies sont codées en JSON étiqueté (:func:`coder`), borné en taille ;
un objet qui n'est pas une valeur simple est transmis par son type et un extrait de son texte,
jamais par ``pickle`` (le parent ne doit rien exécuter de ce que l'élève a produit).

Isolement : avant tout code d'élève, l'enfant pose ses limites système (:func:`_limiter`) et
le crochet d'audit de :mod:`entsim.correction._surveillance` ; en mode « bac à sable », il
tourne en plus dans bubblewrap (:mod:`entsim.correction.isolement`, docs/ENSEIGNANTS.md § 7).
"""

from __future__ import annotations

import json
import os
import sys

#: Profondeur maximale d'imbrication d'une valeur transmise.
PROFONDEUR_MAX = 40
#: Nombre maximal d'éléments (tous niveaux confondus) d'une valeur transmise.
ELEMENTS_MAX = 20_000
#: Nombre maximal de caractères (tous textes confondus) d'une valeur transmise.
CARACTERES_MAX = 2_000_000
#: Nombre maximal de chiffres d'un entier transmis.
CHIFFRES_MAX = 1_000
#: Longueur maximale d'un message d'erreur transmis.
ERREUR_MAX = 600


class TropGros(Exception):
    """La valeur dépasse les bornes de transmission."""


class PuitsBorne:
    """Remplace ``sys.stdout``/``sys.stderr`` : compte ce qui est écrit, n'en garde rien."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self) -> None:
        self.total = 0

    def write(self, texte: object) -> int:
        try:
            n = len(texte)  # type: ignore[arg-type]
        except TypeError:
            n = 0
        self.total += n
        return n

    def writelines(self, lignes: object) -> None:
        for ligne in lignes:  # type: ignore[union-attr]
            self.write(ligne)

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError("pas de descripteur de fichier")

    def readable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True


def coder(valeur: object) -> object:
    """Code une valeur en JSON étiqueté, borné (voir le module appelant pour le décodage)."""
    compteur = {"elements": 0, "caracteres": 0}
    try:
        return _coder(valeur, 0, compteur)
    except TropGros:
        return ["trop_gros", type(valeur).__name__]
    except RecursionError:
        return ["trop_gros", type(valeur).__name__]


def _coder(valeur: object, profondeur: int, compteur: dict[str, int]) -> object:
    if profondeur > PROFONDEUR_MAX:
        raise TropGros
    compteur["elements"] += 1
    if compteur["elements"] > ELEMENTS_MAX:
        raise TropGros
    if valeur is None:
        return ["none"]
    if isinstance(valeur, bool):
        return ["bool", bool(valeur)]
    if isinstance(valeur, int):
        try:
            texte = str(int(valeur))
        except ValueError:  # plus de chiffres que la limite de conversion de Python
            raise TropGros from None
        if len(texte) > CHIFFRES_MAX:
            raise TropGros
        return ["int", texte]
    if isinstance(valeur, float):
        return ["float", repr(float(valeur))]
    if isinstance(valeur, str):
        compteur["caracteres"] += len(valeur)
        if compteur["caracteres"] > CARACTERES_MAX:
            raise TropGros
        return ["str", str(valeur)]
    if isinstance(valeur, (list, tuple, set, frozenset)):
        if len(valeur) > ELEMENTS_MAX:
            raise TropGros
        etiquette = ("list" if isinstance(valeur, list) else "tuple" if isinstance(valeur, tuple)
                     else "set" if isinstance(valeur, set) else "frozenset")
        return [etiquette, [_coder(v, profondeur + 1, compteur) for v in list(valeur)]]
    if isinstance(valeur, dict):
        if len(valeur) > ELEMENTS_MAX:
            raise TropGros
        return ["dict", [[_coder(k, profondeur + 1, compteur), _coder(v, profondeur + 1, compteur)]
                         for k, v in list(valeur.items())]]
    if type(valeur).__name__ == "DataFrame" and type(valeur).__module__.startswith("pandas"):
        return _coder_tableau(valeur, profondeur, compteur)
    try:
        texte = str(valeur)
    except BaseException:  # noqa: BLE001 - un __str__ d'élève peut tout lever
        texte = ""
    return ["objet", type(valeur).__name__, texte[:500]]


def _coder_tableau(tableau: object, profondeur: int, compteur: dict[str, int]) -> object:
    """Un DataFrame pandas : colonnes et lignes (valeurs simples), bornées."""
    try:
        forme = tableau.shape  # type: ignore[attr-defined]
        if forme[0] * max(1, forme[1]) > ELEMENTS_MAX:
            raise TropGros
        colonnes = [c if isinstance(c, (str, int, float)) else str(c)
                    for c in list(tableau.columns)]  # type: ignore[attr-defined]
        lignes = [list(ligne) for ligne in
                  tableau.itertuples(index=False, name=None)]  # type: ignore[attr-defined]
    except TropGros:
        raise
    except Exception:  # noqa: BLE001
        return ["objet", "DataFrame", ""]
    return ["dataframe", _coder(colonnes, profondeur + 1, compteur),
            _coder(lignes, profondeur + 1, compteur)]


def _afficher(*objets: object, **_options: object) -> None:
    """Remplace ``display`` d'IPython : le texte part dans le puits."""
    for objet in objets:
        try:
            print(repr(objet))
        except BaseException:  # noqa: BLE001
            pass


def _decrire_erreur(erreur: BaseException) -> str:
    try:
        texte = f"{type(erreur).__name__} : {erreur}"
    except BaseException:  # noqa: BLE001
        texte = type(erreur).__name__
    return texte[:ERREUR_MAX]


def _limiter(limites: dict) -> None:
    """Limites système (Linux, macOS) posées avant tout code d'élève ; ignorées ailleurs.

    Limite douce **et** dure (l'élève ne peut pas la relever) : espace d'adresses
    ``RLIMIT_AS`` (un ``mmap`` compte, contrairement à ``RLIMIT_DATA``), taille d'un fichier
    écrit, temps processeur, pas de fichier « core » et, en bac à sable seulement, nombre de
    processus (``RLIMIT_NPROC`` : depuis Linux 5.14, compté par espace de noms utilisateur,
    donc par copie ; hors bac à sable il compterait tous les processus de l'enseignant).
    Référence : setrlimit(2), getrlimit(2) (pages de manuel Linux). Elles sont posées ici,
    dans l'enfant, plutôt que par ``preexec_fn`` : le parent corrige plusieurs copies à la
    fois (fils d'exécution), et ``preexec_fn`` n'est pas sûr en présence de fils.
    """
    try:
        import resource
    except ImportError:  # Windows
        return
    for nom, cle in (("RLIMIT_AS", "memoire"), ("RLIMIT_FSIZE", "fichier"),
                     ("RLIMIT_CPU", "processeur"), ("RLIMIT_CORE", "core"),
                     ("RLIMIT_NPROC", "processus")):
        valeur = limites.get(cle)
        ressource = getattr(resource, nom, None)
        if not isinstance(valeur, int) or ressource is None:
            continue
        try:
            _, dur = resource.getrlimit(ressource)
            if dur != resource.RLIM_INFINITY:
                valeur = min(valeur, dur)
            # Temps processeur : SIGXCPU à la limite douce, arrêt net une seconde après.
            nouvelle_dure = valeur + 1 if nom == "RLIMIT_CPU" and valeur + 1 <= (
                dur if dur != resource.RLIM_INFINITY else valeur + 1) else valeur
            resource.setrlimit(ressource, (valeur, nouvelle_dure))
        except (ValueError, OSError):
            pass


def main(arguments: list[str]) -> int:
    chemin_travail, chemin_resultats = arguments[0], arguments[1]
    # Le dossier de ce programme (entsim/correction/) ne doit pas masquer des modules : « import
    # notes » dans une cellule ne doit pas trouver entsim/correction/notes.py.
    ici = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != ici]
    with open(chemin_travail, encoding="utf-8") as fichier:
        travail = json.load(fichier)
    noms: list[str] = list(travail["noms"])
    resultats = open(chemin_resultats, "a", encoding="utf-8")  # noqa: SIM115
    _limiter(travail.get("limites", {}))
    surveillance = travail.get("surveillance")
    if isinstance(surveillance, dict):
        # Le module de surveillance est à côté de ce programme (qui n'est pas un paquet) ;
        # il est chargé avant que ce dossier ne quitte sys.path.
        sys.path.insert(0, ici)
        import _surveillance  # type: ignore[import-not-found]

        sys.path.remove(ici)
        del sys.modules["_surveillance"]
        _surveillance.poser(surveillance.get("ecriture", ""), surveillance.get("lecture", ()),
                            travail.get("limites", {}).get("memoire") or 2 * 1024 ** 3,
                            surveillance.get("caches", ()))
        # Plus aucune référence au module : depuis une cellule, ``sys._getframe().f_back``
        # est le cadre de cette fonction, et ses variables locales seraient lisibles.
        del _surveillance

    def ecrire(message: dict) -> None:
        resultats.write(json.dumps(message, ensure_ascii=True) + "\n")
        resultats.flush()

    puits = PuitsBorne()
    sys.stdout = puits  # type: ignore[assignment]
    sys.stderr = puits  # type: ignore[assignment]
    espace: dict[str, object] = {"__name__": "__main__", "display": _afficher}
    for cellule in travail["cellules"]:
        numero = cellule["numero"]
        ecrire({"debut": numero})
        erreur = None
        try:
            code = compile(cellule["source"], f"<cellule {numero}>", "exec")
            exec(code, espace)  # noqa: S102 - c'est le but : sous délai, processus séparé
        except BaseException as exc:  # noqa: BLE001 - SystemExit, KeyboardInterrupt compris
            erreur = _decrire_erreur(exc)
        valeurs = {nom: coder(espace[nom]) for nom in cellule.get("suivre", ()) if nom in espace}
        ecrire({"fin": numero, "erreur": erreur, "valeurs": valeurs, "sortie": puits.total})
    ecrire({"termine": True, "valeurs": {nom: coder(espace[nom]) for nom in noms if nom in espace}})
    resultats.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
