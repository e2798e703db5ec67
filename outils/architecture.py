"""Les deux schémas de docs/ARCHITECTURE.md, tirés du code lui-même (jamais dessinés à la main).

- :func:`schema_paquets` : les sous-paquets d'entsim rangés par couche, avec leurs
  dépendances réelles (le graphe des imports, lu par grimp, la bibliothèque d'import-linter ;
  les imports sous ``if TYPE_CHECKING:`` ne comptent pas, comme dans le contrat) ;
- :func:`schema_connexion` : le chemin d'une connexion à travers les sous-paquets, relevé
  pendant une vraie exécution (connexion de Léa, ouverture du cahier de textes, lecture de ses
  devoirs, déconnexion) : chaque flèche est le premier appel d'un sous-paquet vers un autre,
  numérotée dans l'ordre où il s'est produit.

Usage (depuis la racine du dépôt) : ``.venv/bin/python outils/architecture.py`` écrit
``docs/architecture_paquets.svg`` et ``docs/architecture_connexion.svg`` et met à jour, dans
docs/ARCHITECTURE.md, le tableau des dépendances et la description textuelle des deux
schémas (tests/test_architecture.py vérifie qu'ils y sont à jour).
"""

from __future__ import annotations

import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent

#: Les couches, de haut en bas, comme dans le contrat import-linter de pyproject.toml.
COUCHES: list[tuple[str, list[str]]] = [
    ("Interface (Jupyter)", ["widgets"]),
    ("Correction et compatibilité", ["correction", "banque"]),
    ("Fiches du cours", ["questions"]),
    ("Laboratoire d'attaques", ["attaques"]),
    ("L'ENT servi en vrai HTTP", ["web"]),
    ("Démonstrations, schémas, activité, enquête, RGPD", ["demonstrations", "diagrammes", "activite", "enquete", "rgpd"]),
    ("L'ENT qui relie tout", ["ent"]),
    ("Services simulés", ["services"]),
    ("AAS du SDET (indépendants entre eux)", ["authentification", "autorisation", "sso"]),
    ("Journal, établissement et organisation", ["journal", "etablissement", "organisation"]),
    ("Socle", ["socle"]),
]

#: Ce que chaque sous-paquet enseigne (libellé du schéma).
ROLES = {
    "widgets": "portail, pas à pas, explorateurs",
    "correction": "copies rendues → carnet de notes",
    "banque": "ancien chemin des fiches",
    "questions": "types de questions, fiches (Q1–Q17)",
    "demonstrations": "SSO et preuves en direct (Q13–Q16)",
    "diagrammes": "Graphviz, schémas de connexion (Q15)",
    "activite": "une année d'usage simulée (Q4–Q6)",
    "enquete": "questionnaire et entretiens (Q6)",
    "organisation": "acteurs, avantages, coordination (Q4–Q5)",
    "rgpd": "registre, droits, conservation (Q7–Q12)",
    "attaques": "attaques et parades, enquête, risques (Q13–Q17)",
    "web": "CAS et services en vrai HTTP (Q13–Q15)",
    "ent": "l'objet ENT : horloge, graine, câblage",
    "services": "messagerie, notes, cahier de textes…",
    "authentification": "mots de passe, CNIL, preuves (Q13, Q16, Q17)",
    "autorisation": "besoin d'en connaître (Q8–Q10, Q13)",
    "sso": "CAS 3.0 : TGT, ST, SLO (Q13–Q15)",
    "journal": "traces chaînées (SDET)",
    "etablissement": "annuaire, catalogue (Q1–Q4)",
    "socle": "erreurs, horloge, hasard, textes",
}


def _paquet(module: str) -> str | None:
    """``entsim.sso.tickets`` → ``sso`` ; ``entsim`` lui-même → ``None``."""
    morceaux = module.split(".")
    return morceaux[1] if len(morceaux) > 1 and morceaux[0] == "entsim" else None


def dependances() -> set[tuple[str, str]]:
    """Les couples (paquet qui importe, paquet importé) du graphe réel des imports."""
    import grimp

    graphe = grimp.build_graph("entsim", exclude_type_checking_imports=True, cache_dir=None)
    couples = set()
    for module in graphe.modules:
        source = _paquet(module)
        for importe in graphe.find_modules_directly_imported_by(module):
            cible = _paquet(importe)
            if source and cible and source != cible:
                couples.add((source, cible))
    return couples


def reduction_transitive(couples: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Les flèches qui ne se déduisent pas d'un chemin plus long (graphe sans cycle)."""
    suivants: dict[str, set[str]] = {}
    for source, cible in couples:
        suivants.setdefault(source, set()).add(cible)

    def atteignables(depart: str) -> set[str]:
        vus, pile = set(), list(suivants.get(depart, ()))
        while pile:
            noeud = pile.pop()
            if noeud not in vus:
                vus.add(noeud)
                pile.extend(suivants.get(noeud, ()))
        return vus

    return {(a, b) for a, b in couples
            if not any(b in atteignables(c) for c in suivants[a] if c != b)}


def _nature(paquet: str) -> str:
    if paquet in ("authentification", "autorisation", "sso"):
        return "serveur"
    if paquet in ("journal", "etablissement", "organisation", "socle"):
        return "donnees"
    if paquet in ("widgets", "notebook"):
        return "navigateur"
    return "service" if paquet in ("services", "ent") else "personne"


def _nom(paquet: str) -> str:
    return "entsim.ent" if paquet == "ent" else f"entsim.{paquet}"


def _couches(g, paquets: set[str], *, roles: bool) -> None:
    """Un cadre par couche (de haut en bas), ne contenant que les paquets donnés."""
    from entsim.diagrammes.schema import apparence

    for rang, (titre, membres) in enumerate(COUCHES, start=1):
        presents = [p for p in membres if p in paquets]
        if not presents:
            continue
        with g.subgraph(name=f"cluster_{rang}") as couche:
            couche.attr(label=f"{rang}. {titre}", style="rounded,dashed", color="#7F8C8D",
                        fontsize="16", labeljust="l", rank="same")
            for paquet in presents:
                libelle = f"{_nom(paquet)}\n{ROLES[paquet]}" if roles else _nom(paquet)
                couche.node(paquet, libelle, fontsize="15", **apparence(_nature(paquet)))


def schema_paquets():
    """Les sous-paquets par couche et leurs dépendances, sans les flèches qui se déduisent
    d'un chemin plus long (la liste complète est dans :func:`tableau_dependances`)."""
    from entsim.diagrammes.schema import Schema, apparence_fleche, digraphe

    g = digraphe("architecture", sens="TB")
    g.attr(newrank="true", nodesep="0.35", ranksep="0.45")
    ordre = [p for _, paquets in COUCHES for p in paquets]
    _couches(g, set(ordre), roles=True)
    g.node("legende", "Boîte jaune en relief : un service de l'AAS du SDET\\l"
                      "Cylindre : données et outils de base\\l"
                      "Une flèche : « importe » (jamais vers le haut)\\l",
           shape="note", style="filled", fillcolor="#FFFFFF", color="#7F8C8D", fontsize="14")
    for source, cible in sorted(reduction_transitive(dependances()),
                                key=lambda c: (ordre.index(c[0]), ordre.index(c[1]))):
        g.edge(source, cible, **apparence_fleche("requete"))
    return Schema(g, "Les sous-paquets d'entsim par couche : une flèche va de celui qui importe "
                     "vers celui qu'il utilise (toujours vers le bas ; les flèches qui se "
                     "déduisent d'un chemin plus long sont omises)")


def tableau_dependances() -> str:
    """Le tableau Markdown complet : pour chaque sous-paquet, ceux qu'il importe directement."""
    ordre = [p for _, paquets in COUCHES for p in paquets]
    couples = dependances()
    lignes = ["| Sous-paquet | importe directement |", "|---|---|"]
    for paquet in ordre:
        importes = sorted((c for a, c in couples if a == paquet), key=ordre.index)
        lignes.append(f"| `{_nom(paquet)}` | "
                      + (", ".join(f"`{_nom(c)}`" for c in importes) or "(rien d'entsim)")
                      + " |")
    return "\n".join(lignes)


def _trace_connexion() -> list[tuple[str, str, str]]:
    """Joue une connexion et relève, dans l'ordre, le premier appel d'un paquet vers un autre.

    Chaque appel est ``(paquet appelant, paquet appelé, « fonction() »)``.
    """
    from entsim import ENT, MOTS_DE_PASSE_DEMO

    ent = ENT.demo(cout="rapide")
    appels: list[tuple[str, str, str]] = []
    vus: set[tuple[str, str, str]] = set()

    def observer(cadre, evenement, _arg):
        if evenement != "call":
            return
        appele = _paquet(cadre.f_globals.get("__name__", ""))
        appelant_cadre = cadre.f_back
        confiee = False
        # une fonction de câblage (lambda écrite dans entsim/ent.py) : l'appelant réel est
        # celui qui l'a appelée (par exemple le serveur CAS qui fait vérifier un mot de passe)
        if appelant_cadre is not None and appelant_cadre.f_code.co_name == "<lambda>" \
                and appelant_cadre.f_globals.get("__name__") == "entsim.ent":
            appelant_cadre, confiee = appelant_cadre.f_back, True
        appelant = _paquet(appelant_cadre.f_globals.get("__name__", "")) \
            if appelant_cadre is not None else None
        if appelant_cadre is not None and appelant_cadre.f_globals.get("__name__") == __name__:
            appelant = "notebook"
        if appelant is None or appele is None or appelant == appele or appele == "socle":
            return
        nom = cadre.f_code.co_name
        # lambdas de câblage, constructeurs et méthodes spéciales : on garde l'appel suivant
        # lectures de l'annuaire et écritures du journal : la première suffit
        cle = (appelant, appele, "" if appele in ("etablissement", "journal") else nom)
        if nom.startswith("<") or nom.startswith("__") or cle in vus:
            return
        vus.add(cle)
        appels.append((appelant, appele, nom + ("() (confiée par l'ENT)" if confiee else "()")))

    sys.setprofile(observer)
    try:
        ent.connexion("lea.martin", MOTS_DE_PASSE_DEMO["eleve"], poste="Poste du CDI")
        ent.ouvrir("cahier_de_textes", poste="Poste du CDI")
        ent.service("cahier_de_textes").travail_a_faire("lea.martin", "TSTMG1")
        ent.deconnexion(poste="Poste du CDI")
    finally:
        sys.setprofile(None)
    return appels


def _couche(paquet: str) -> int:
    return next(rang for rang, (_, paquets) in enumerate(COUCHES) if paquet in paquets)


def schema_connexion():
    """Le chemin d'une connexion réelle à travers les sous-paquets.

    Les trois services de l'AAS ne s'importent pas entre eux : l'objet ENT, en les créant,
    confie au serveur CAS des fonctions qui appellent l'authentification et l'autorisation
    (flèches « confiée par l'ENT »). Un appel vers une couche plus haute n'est pas un import
    non plus : c'est une méthode de l'objet ENT, reçu à la création (dessiné en tirets,
    marqué « rappel »).
    """
    from entsim.diagrammes.schema import Schema, apparence, apparence_fleche, digraphe

    appels = _trace_connexion()
    g = digraphe("connexion_par_paquet", sens="TB")
    g.attr(newrank="true", nodesep="0.5", ranksep="0.8")
    g.node("notebook", "Cellule du notebook", **apparence("personne"))
    _couches(g, {p for a, b, _ in appels for p in (a, b)} - {"notebook"}, roles=False)
    g.node("legende", "Trait plein : appel direct (le paquet importe l'autre)\\l"
                      "Tirets : fonction confiée par l'ENT au serveur CAS,\\l"
                      "ou rappel vers l'objet ENT (aucun import)\\l",
           shape="note", style="filled", fillcolor="#FFFFFF", color="#7F8C8D", fontsize="14")
    for numero, (source, cible, fonction) in enumerate(appels, start=1):
        if source != "notebook" and _couche(cible) < _couche(source):
            g.edge(source, cible, f"{numero}. {fonction} (rappel)", **apparence_fleche("reponse"))
        elif "confiée par l'ENT" in fonction:
            g.edge(source, cible, f"{numero}. {fonction}", **apparence_fleche("reponse"))
        else:
            g.edge(source, cible, f"{numero}. {fonction}", **apparence_fleche("requete"))
    return Schema(g, "Une connexion, une ouverture de service, une lecture, une déconnexion : "
                     "le premier appel de chaque sous-paquet vers un autre")


DOC = RACINE / "docs" / "ARCHITECTURE.md"


def remplacer_entre(texte: str, debut: str, contenu: str) -> str:
    """Remplace ce qui suit la ligne ``<!-- début : … -->`` jusqu'à ``<!-- fin -->``."""
    avant, _, reste = texte.partition(debut)
    if not reste:
        raise SystemExit(f"Repère « {debut} » absent de docs/ARCHITECTURE.md")
    _, _, apres = reste.partition("<!-- fin -->")
    return f"{avant}{debut}\n{contenu}\n<!-- fin -->{apres}"


REPERE_TABLEAU = "<!-- début : tableau produit par outils/architecture.py -->"
REPERE_DESCRIPTIONS = "<!-- début : descriptions produites par outils/architecture.py -->"


def descriptions(schemas) -> str:
    return "\n\n".join(f"```text\n{schema}\n```" for schema in schemas)


def main() -> int:
    sys.path.insert(0, str(RACINE))
    schemas = {"paquets": schema_paquets(), "connexion": schema_connexion()}
    for nom, schema in schemas.items():
        schema.enregistrer(RACINE / "docs" / f"architecture_{nom}.svg")
    texte = DOC.read_text(encoding="utf-8")
    texte = remplacer_entre(texte, REPERE_TABLEAU, tableau_dependances())
    texte = remplacer_entre(texte, REPERE_DESCRIPTIONS, descriptions(schemas.values()))
    DOC.write_text(texte, encoding="utf-8")
    print("docs/architecture_paquets.svg, docs/architecture_connexion.svg et "
          "docs/ARCHITECTURE.md sont à jour.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
