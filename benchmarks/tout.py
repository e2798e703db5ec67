"""Tous les bancs d'essai d'entsim en une commande (issue 17) : un tableau en français, chaque
budget marqué « tenu » ou « manqué » (« — » quand l'issue n'en fixe pas), et un fichier JSON
des chiffres pour comparer deux commits.

    .venv/bin/python benchmarks/tout.py                       # tout, médianes de plusieurs passes
    .venv/bin/python benchmarks/tout.py --rapide              # moins de passes, sans les notebooks
    .venv/bin/python benchmarks/tout.py --seulement import,etablissement --sortie /tmp/r.json
    .venv/bin/python benchmarks/tout.py --seulement notebooks,widgets --notebooks 02,06

Groupes (option ``--seulement``) : import, etablissement, activite, journal, sso, hachage,
notebooks, widgets. Avec ``--seulement``, le JSON existant est **complété** : les mesures
refaites remplacent celles de même clé, les autres gardent leurs chiffres (et leur date) ;
``--notebooks 02,06`` ne mesure que ces notebooks (et le plancher). Chaque chiffre est la médiane de plusieurs passes. Les mesures lourdes
(année simulée, journal d'un million de lignes, import) tournent dans des processus neufs.
Le code des mesures est celui des autres scripts de ce dossier (bench_*.py, mesures_*.py) et
du laboratoire d'attaques (:func:`entsim.attaques.mesures.mesurer`).
(Mesure du temps réel : c'est un banc d'essai, pas la simulation, qui lit l'horloge.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
import tomllib
from pathlib import Path

DOSSIER = Path(__file__).resolve().parent
RACINE = DOSSIER.parent
sys.path.insert(0, str(DOSSIER))

from seance import COLONNES, SANS, commit, fusionner, tableau  # noqa: E402

GROUPES = ("import", "etablissement", "activite", "journal", "sso", "hachage", "notebooks",
           "widgets")
#: Sans objet en mode rapide (plusieurs minutes).
LENTS = ("notebooks",)
TENU, MANQUE = "tenu", "manqué"
#: Noms d'import des dépendances dont le nom de paquet diffère.
NOMS_IMPORT = {"libpass": "passlib", "argon2-cffi": "argon2", "ipython": "IPython"}
DEUX_GO = 2e9


def fr(valeur: float, decimales: int = 0) -> str:
    """« 1 234 567 », « 2,5 » (espace fine insécable, virgule)."""
    return f"{valeur:,.{decimales}f}".replace(",", "\u202f").replace(".", ",")


class Releve:
    """Les mesures d'une séance : une ligne par chiffre, avec son budget et son verdict."""

    def __init__(self) -> None:
        self.lignes: list[dict[str, object]] = []

    def ajouter(self, groupe: str, cle: str, mesure: str, valeur: float | None, unite: str,
                texte: str, *, budget: str | None = None, seuil: float | None = None,
                sens: str = "<=", verdict: str | None = None, serie=None,
                note: str = "") -> None:
        if verdict is None:
            if seuil is None or valeur is None:
                verdict = SANS if budget is None else MANQUE
            else:
                tenu = {"<=": valeur <= seuil, "<": valeur < seuil, ">=": valeur >= seuil}[sens]
                verdict = TENU if tenu else MANQUE
        self.lignes.append({
            "groupe": groupe, "cle": cle, "mesure": mesure,
            "valeur": None if valeur is None or math.isinf(valeur) else valeur,
            "unite": unite, "texte": texte, "budget": budget,
            "seuil": None if seuil is None else {"sens": sens, "valeur": seuil},
            "verdict": verdict, "passes": list(serie) if serie is not None else None,
            "note": note})


def _mediane(serie) -> float:
    return statistics.median(serie)


def _python(code: str) -> str:
    """Exécute ``code`` dans un interpréteur neuf (celui-ci), depuis la racine du dépôt."""
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True, cwd=RACINE).stdout


def _dependances() -> list[str]:
    """Les noms d'import des dépendances déclarées dans pyproject.toml."""
    with open(RACINE / "pyproject.toml", "rb") as f:
        paquets = tomllib.load(f)["project"]["dependencies"]
    noms = []
    for paquet in paquets:
        nom = paquet.split(">")[0].split("=")[0].split("<")[0].strip()
        noms.append(NOMS_IMPORT.get(nom, nom.replace("-", "_")))
    return noms


# -- les groupes de mesures ------------------------------------------------------------------
def mesurer_import(releve: Releve, passes: int) -> None:
    deps = ", ".join(_dependances())
    chrono = "import time; t = time.perf_counter(); {}; print(time.perf_counter() - t)"
    seul, dependances, ajoute, avec_ent = [], [], [], []
    for _ in range(passes):
        sortie = _python(f"import time; t = time.perf_counter(); import {deps}; "
                         "u = time.perf_counter(); from entsim import ENT; "
                         "v = time.perf_counter(); print(u - t, v - u)").split()
        avec_ent.append((float(sortie[0]) + float(sortie[1])) / float(sortie[0]))
        seul.append(float(_python(chrono.format("import entsim"))))
        dependances.append(float(_python(chrono.format(f"import {deps}"))))
        sortie = _python(f"import time; t = time.perf_counter(); import {deps}; "
                         "u = time.perf_counter(); import entsim; v = time.perf_counter(); "
                         "print(u - t, v - u)").split()
        ajoute.append((float(sortie[0]) + float(sortie[1])) / float(sortie[0]))
    s, d = _mediane(seul), _mediane(dependances)
    releve.ajouter("import", "import_entsim_s", "import entsim (processus neuf)", s, "s",
                   f"{fr(s, 3)} s", serie=seul)
    releve.ajouter("import", "import_dependances_s",
                   "import de ses dépendances (processus neuf)", d, "s", f"{fr(d, 3)} s",
                   serie=dependances, note=deps)
    releve.ajouter("import", "import_rapport", "import entsim / import des dépendances",
                   s / d, "×", f"{fr(s / d, 2)} ×", budget="≤ 1,15 ×", seuil=1.15,
                   serie=[a / b for a, b in zip(seul, dependances)])
    r = _mediane(ajoute)
    releve.ajouter("import", "import_ajoute_rapport",
                   "(dépendances puis entsim) / dépendances, même processus", r, "×",
                   f"{fr(r, 2)} ×", budget="≤ 1,15 ×", seuil=1.15, serie=ajoute,
                   note="l'ENT se charge à la première utilisation (entsim/__init__.py)")
    r = _mediane(avec_ent)
    releve.ajouter("import", "import_ent_ajoute_rapport",
                   "(dépendances puis from entsim import ENT) / dépendances, même processus",
                   r, "×", f"{fr(r, 2)} ×", serie=avec_ent,
                   note="pour information : le coût de l'ENT, payé à sa première utilisation")


def mesurer_etablissement(releve: Releve, passes: int) -> None:
    from bench_etablissement import durees

    temps, lycee = durees(2000, passes)
    m = _mediane(temps)
    releve.ajouter("etablissement", "generation_2000_s",
                   f"génération d'un lycée de 2 000 élèves ({fr(len(lycee.eleves()))} élèves)",
                   m, "s", f"{fr(m, 3)} s", serie=temps)


def mesurer_activite(releve: Releve, passes: int) -> None:
    from bench_activite import en_sous_processus

    series = [en_sous_processus("lycee-2000") for _ in range(passes)]
    lignes = _mediane([s["lignes"] for s in series])
    secondes = [s["secondes"] for s in series]
    debits = [s["lignes"] / s["secondes"] for s in series]
    pics = [s["pic_mo"] * 2**20 for s in series]          # ru_maxrss : Mio → octets
    releve.ajouter("activite", "activite_lignes", "activité, lycée de 2 000 élèves, 2025-2026 : "
                   "lignes", lignes, "lignes", f"{fr(lignes)} lignes", budget="≥ 10 000 000",
                   seuil=10_000_000, sens=">=", serie=[s["lignes"] for s in series])
    m = _mediane(secondes)
    releve.ajouter("activite", "activite_s", "activité : durée de simulation", m, "s",
                   f"{fr(m, 1)} s", budget="≤ 20 s", seuil=20, serie=secondes)
    m = _mediane(debits)
    releve.ajouter("activite", "activite_lignes_par_s", "activité : débit", m, "lignes/s",
                   f"{fr(m)} lignes/s", serie=debits)
    m = _mediane(pics)
    releve.ajouter("activite", "activite_pic_octets",
                   "activité : mémoire au plus haut (tout le processus)", m, "octets",
                   f"{fr(m / 1e6)} Mo", budget="≤ 2 Go", seuil=DEUX_GO, serie=pics)


def mesurer_journal(releve: Releve, passes: int, taille: int = 200_000,
                    grand: int = 10_000_000) -> None:
    sortie = subprocess.run([sys.executable, str(DOSSIER / "mesures_journal.py"), str(taille),
                             str(passes)], check=True, capture_output=True, text=True,
                            cwd=RACINE).stdout
    r = json.loads(sortie.strip().splitlines()[-1])
    m = _mediane(r["ecriture_lignes_par_s"])
    releve.ajouter("journal", "journal_ecriture_lignes_par_s",
                   f"journal : écriture ligne à ligne (enregistrer, {fr(taille)} lignes)", m,
                   "lignes/s", f"{fr(m)} lignes/s", serie=r["ecriture_lignes_par_s"])
    sortie = subprocess.run([sys.executable, str(DOSSIER / "mesures_journal.py"), "blocs",
                             str(grand), str(passes)], check=True, capture_output=True,
                            text=True, cwd=RACINE).stdout
    r = json.loads(sortie.strip().splitlines()[-1])
    dix = f"{fr(grand / 1e6)} M"
    m = _mediane(r["ecriture_lignes_par_s"])
    releve.ajouter("journal", "journal_blocs_lignes_par_s",
                   f"journal : écriture par blocs d'un million (enregistrer_bloc, {dix} lignes)",
                   m, "lignes/s", f"{fr(m)} lignes/s", budget="≥ 1 000 000 lignes/s",
                   seuil=1_000_000, sens=">=", serie=r["ecriture_lignes_par_s"])
    m = _mediane(r["verification_s"])
    releve.ajouter("journal", "journal_verification_10M_s",
                   f"journal : vérification de {dix} lignes (mesurée, pas extrapolée)", m, "s",
                   f"{fr(m, 1)} s", budget="≤ 10 s", seuil=10, serie=r["verification_s"],
                   note="" if r["intacte"] else "chaîne signalée altérée !")
    m = _mediane(r["indexation_s"])
    releve.ajouter("journal", "journal_indexation_s",
                   f"journal : indexation ponctuelle par identité ({dix} lignes)", m, "s",
                   f"{fr(m, 2)} s", serie=r["indexation_s"])
    chaine = [v * 1000 for v in r["chaine_s"]]
    m = _mediane(chaine)
    releve.ajouter("journal", "journal_chaine_ms",
                   f"journal : chaîne d'une identité dans {dix} lignes "
                   f"({r['longueur_chaine']} lignes)", m, "ms", f"{fr(m, 2)} ms",
                   budget="≤ 10 ms", seuil=10, serie=chaine)
    releve.ajouter("journal", "journal_pic_octets",
                   f"journal : mémoire au plus haut ({dix} lignes, tout le processus)",
                   r["pic_octets"], "octets", f"{fr(r['pic_octets'] / 1e6)} Mo")


def _rafale(action, duree: float) -> float:
    """Répète ``action`` pendant ``duree`` secondes (au moins deux fois) : fois par seconde."""
    fois, debut = 0, time.perf_counter()
    while fois < 2 or time.perf_counter() - debut < duree:
        action(fois)
        fois += 1
    return fois / (time.perf_counter() - debut)


def mesurer_sso(releve: Releve, passes: int, duree: float) -> None:
    from bench_aas import mesurer_cycles_sso

    from entsim import ENT, MOTS_DE_PASSE_DEMO
    from entsim.authentification.hachage import SCHEMAS
    from entsim.etablissement.generation import PERSONAS

    nombre = 5_000
    cycles = [nombre / mesurer_cycles_sso(nombre) for _ in range(passes)]
    m = _mediane(cycles)
    releve.ajouter("sso", "sso_cycles_par_s", "SSO : cycles émission + validation d'un ticket",
                   m, "cycles/s", f"{fr(m)} cycles/s", serie=cycles)
    lea, mot_de_passe = PERSONAS["eleve"].identifiant, MOTS_DE_PASSE_DEMO["eleve"]
    for schema in SCHEMAS:
        ent = ENT.demo(schema=schema)
        navigateur = ent.navigateur("Poste du CDI")

        def connexion(_i: int) -> None:
            assert ent.cas.connexion(navigateur, lea, mot_de_passe).ok
            ent.cas.deconnexion(navigateur)

        serie = [_rafale(connexion, duree) for _ in range(passes)]
        m = _mediane(serie)
        releve.ajouter("sso", f"connexions_par_s_{schema}",
                       f"connexions (CAS) par seconde, schéma {schema}", m, "connexions/s",
                       f"{fr(m, 1 if m < 100 else 0)} /s", serie=serie,
                       note="connexion puis déconnexion, coût normal")


def mesurer_hachage(releve: Releve, passes: int, duree: float) -> None:
    from entsim.attaques.mesures import SCHEMAS_VITESSE, mesurer
    from entsim.authentification.hachage import SCHEMAS, GestionnaireEmpreintes

    for schema in SCHEMAS:
        gestionnaire = GestionnaireEmpreintes(schema)
        serie = [_rafale(lambda i: gestionnaire.hacher(f"mot-de-passe-{i}"), duree)
                 for _ in range(passes)]
        m = _mediane(serie)
        releve.ajouter("hachage", f"hachage_par_s_{schema}",
                       f"hachage d'un mot de passe, schéma {schema}", m, "empreintes/s",
                       f"{fr(m, 1 if m < 100 else 0)} /s", serie=serie, note="coût normal")
    series = [mesurer(SCHEMAS_VITESSE, duree) for _ in range(passes)]
    for schema in SCHEMAS_VITESSE:
        serie = [s.essais_par_seconde(schema) for s in series]
        m = _mediane(serie)
        texte = "sans limite (rien à calculer)" if math.isinf(m) else \
            f"{fr(m, 1 if m < 100 else 0)} essais/s"
        releve.ajouter("hachage", f"cassage_essais_par_s_{schema}",
                       f"cassage par dictionnaire, schéma {schema} (labo d'attaques)", m,
                       "essais/s", texte, serie=[None if math.isinf(v) else v for v in serie])


#: Ce que le profil cellule par cellule (nbclient) a trouvé dans les notebooks lents.
NOTES_NOTEBOOKS = {
    "02_travail_et_coordination": (
        "le cours simule désormais l'année du lycée de 400 élèves de la fiche (≈ 2,6 M lignes, "
        "≈ 1,2 s ; celle de 2 000 élèves reste mesurée dans le groupe « activite ») ; le "
        "reste : 9 graphiques matplotlib (≈ 0,1 à 0,3 s chacun pour le dessin PNG, plus "
        "≈ 0,3 s d'import de matplotlib.figure au premier) et les widgets"),
    "05_attaques_et_protections": (
        "lenteur voulue, dite dans le notebook : le laboratoire de cassage et la base volée "
        "calculent de vraies empreintes PBKDF2 (600 000 itérations) et Argon2 (≈ 80 % du "
        "temps des cellules) ; la lenteur est la protection enseignée"),
    "06_enquete_et_synthese": (
        "le trimestre simulé (300 élèves, le même que la fiche : ≈ 0,7 s, dont ≈ 0,5 s pour "
        "les autorisations de la population), la carte des risques (import de "
        "matplotlib.figure et dessin), ENT.demo() au coût normal pour la grille de la "
        "question 17 ; sessions_reprises vectorisée (0,5 s → 0,06 s)"),
}


def mesurer_notebooks(releve: Releve, passes: int, prefixes: list[str] | None = None) -> None:
    from mesures_notebooks import mesurer_notebooks as executer_tous

    r = executer_tous(passes, prefixes)
    base = _mediane(r["plancher_s"])
    releve.ajouter("notebooks", "notebooks_plancher_s",
                   "plancher : noyau + import entsim, pandas, matplotlib, ipywidgets + ENT.demo()",
                   base, "s", f"{fr(base, 2)} s", serie=r["plancher_s"])
    for nom, n in r["notebooks"].items():
        if n["rapport"] is None:
            releve.ajouter("notebooks", f"notebook_{nom}", f"notebook {nom} / plancher", None,
                           "×", "s'arrête sur une erreur", budget="≤ 1,5 ×", verdict=MANQUE,
                           note=f"erreur à l'exécution : {n['erreur']}")
            continue
        releve.ajouter("notebooks", f"notebook_{nom}",
                       f"notebook {nom} ({fr(_mediane(n['secondes']), 1)} s) / plancher",
                       n["rapport"], "×", f"{fr(n['rapport'], 2)} ×", budget="≤ 1,5 ×",
                       seuil=1.5, serie=n["secondes"], note=NOTES_NOTEBOOKS.get(nom, ""))


def mesurer_widgets(releve: Releve, passes: int) -> None:
    from mesures_portail import RAISON_HACHAGE, categorie, mesurer_actions, resumer

    r = resumer(mesurer_actions(passes))
    ms = {n: v * 1000 for n, v in r["medianes_s"].items()}
    nombre = sum(categorie(n) == "action" for n in ms)
    releve.ajouter("widgets", "widget_pire_action_ms",
                   f"pire action sans hachage voulu ({nombre} actions) : {r['pire_action']}",
                   r["pire_action_s"] * 1000, "ms", f"{fr(r['pire_action_s'] * 1000, 1)} ms",
                   budget="< 50 ms", seuil=50, sens="<")
    plus_de_50 = sorted(n for n, v in ms.items() if v >= 50 and categorie(n) == "action")
    releve.lignes[-1]["note"] = "au-delà de 50 ms : " + "; ".join(plus_de_50) if plus_de_50 \
        else ""
    releve.lignes[-1]["details_ms"] = ms
    releve.lignes[-1]["categories"] = {n: categorie(n) for n in ms}
    if r["pire_verification"] is not None:
        v = r["pire_verification_s"] * 1000
        releve.ajouter("widgets", "widget_pire_verification_hachee_ms",
                       f"pire vérification d'exercice (réponse hachée exprès) : "
                       f"{r['pire_verification']}", v, "ms", f"{fr(v, 1)} ms",
                       budget="< 150 ms", seuil=150, sens="<",
                       note=f"{RAISON_HACHAGE} ; actions concernées : "
                            + "; ".join(r["verifications_hachees"]))
    v = r["connexion_bouton_s"] * 1000
    releve.ajouter("widgets", "widget_connexion_ms", "portail : connexion (bouton, Argon2)", v,
                   "ms", f"{fr(v, 1)} ms", budget="< 150 ms", seuil=150, sens="<")
    v = r["pire_connexion_s"] * 1000
    releve.ajouter("widgets", "widget_pire_connexion_ms",
                   "pire connexion du portail : "
                   + r["pire_connexion"].removeprefix("connexion : "), v, "ms",
                   f"{fr(v, 1)} ms", budget="< 150 ms", seuil=150, sens="<",
                   note="un changement de rôle déconnecte puis connecte (mot de passe haché)")


# -- séance, tableau, JSON : voir seance.py ---------------------------------------------
def analyser(arguments: list[str] | None = None) -> argparse.Namespace:
    parseur = argparse.ArgumentParser(
        description="Lance tous les bancs d'essai d'entsim, affiche un tableau et écrit un JSON.")
    parseur.add_argument("--rapide", action="store_true",
                         help="moins de passes, rafales plus courtes, sans les notebooks")
    parseur.add_argument("--sortie", type=Path, default=DOSSIER / "resultats.json",
                         help="fichier JSON écrit (défaut : benchmarks/resultats.json)")
    parseur.add_argument("--seulement", default="",
                         help=f"groupes séparés par des virgules, parmi : {', '.join(GROUPES)} "
                              "(le JSON existant est complété, pas remplacé)")
    parseur.add_argument("--notebooks", default="",
                         help="début des noms des notebooks à mesurer, séparés par des virgules "
                              "(par exemple 02,06 ; défaut : tous)")
    options = parseur.parse_args(arguments)
    options.notebooks = [n.strip() for n in options.notebooks.split(",") if n.strip()] or None
    demandes = [g.strip() for g in options.seulement.split(",") if g.strip()]
    inconnus = [g for g in demandes if g not in GROUPES]
    if inconnus:
        parseur.error(f"groupe inconnu : {', '.join(inconnus)} (groupes : {', '.join(GROUPES)})")
    options.groupes = demandes or [g for g in GROUPES if not (options.rapide and g in LENTS)]
    options.partiel = bool(demandes) or options.notebooks is not None
    return options


def main(arguments: list[str] | None = None) -> int:
    options = analyser(arguments)
    passes, lourdes, duree = (2, 1, 0.2) if options.rapide else (5, 3, 0.5)
    fonctions = {
        "import": lambda r: mesurer_import(r, passes),
        "etablissement": lambda r: mesurer_etablissement(r, passes),
        "activite": lambda r: mesurer_activite(r, lourdes),
        "journal": lambda r: mesurer_journal(r, lourdes),
        "sso": lambda r: mesurer_sso(r, passes, duree),
        "hachage": lambda r: mesurer_hachage(r, passes, duree),
        "notebooks": lambda r: mesurer_notebooks(r, lourdes, options.notebooks),
        "widgets": lambda r: mesurer_widgets(r, lourdes),
    }
    releve, durees = Releve(), {}
    charge_debut = os.getloadavg()
    for groupe in options.groupes:
        print(f"… {groupe}", file=sys.stderr, flush=True)
        debut = time.perf_counter()
        fonctions[groupe](releve)
        durees[groupe] = time.perf_counter() - debut
    charge_fin = os.getloadavg()
    date = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    for ligne in releve.lignes:
        ligne["date"] = date
    print(tableau(releve.lignes))
    notes = [(l["mesure"], l["note"]) for l in releve.lignes if l["note"]]
    if notes:
        print("\nNotes :")
        for mesure, note in notes:
            print(f"- {mesure} : {note}")
    manques = [l["mesure"] for l in releve.lignes if l["verdict"] == MANQUE]
    print(f"\n{len(releve.lignes)} mesures ; budgets tenus : "
          f"{sum(l['verdict'] == TENU for l in releve.lignes)}, manqués : {len(manques)}. "
          f"Charge de la machine (1 min) : {fr(charge_debut[0], 2)} au début, "
          f"{fr(charge_fin[0], 2)} à la fin, {os.cpu_count()} cœurs.")
    resultats = {
        "date": date,
        **commit(),
        "machine": {"coeurs": os.cpu_count(), "python": platform.python_version(),
                    "plateforme": platform.platform(), "processeur": platform.machine(),
                    "charge_1min": {"debut": charge_debut[0], "fin": charge_fin[0]}},
        "mode": "rapide" if options.rapide else "complet",
        "passes": {"legeres": passes, "lourdes": lourdes, "rafale_s": duree},
        "groupes": options.groupes,
        "durees_groupes_s": durees,
        "colonnes": list(COLONNES),
        "budgets": {l["cle"]: {"budget": l["budget"], "seuil": l["seuil"],
                               "verdict": l["verdict"]}
                    for l in releve.lignes if l["budget"] is not None},
        "mesures": releve.lignes,
    }
    if options.partiel and options.sortie.exists():
        resultats = fusionner(json.loads(options.sortie.read_text(encoding="utf-8")), resultats)
        print(f"Séance partielle ({', '.join(options.groupes)}) : les autres chiffres de "
              f"{options.sortie.name} sont gardés.")
    options.sortie.parent.mkdir(parents=True, exist_ok=True)
    options.sortie.write_text(json.dumps(resultats, ensure_ascii=False, indent=1) + "\n",
                              encoding="utf-8")
    print(f"Chiffres écrits dans {options.sortie}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
