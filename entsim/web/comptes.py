"""Les comptes d'une séance en classe (serveur ouvert au réseau local) et leurs fiches.

Deux règles, en mode réseau local seulement (:func:`preparer_la_classe`) :

1. **Aucun mot de passe publié ne marche sur le réseau.** Les mots de passe des personnages
   du récit (Léa Martin, sa mère, M. Durand, le proviseur…) sont écrits dans le code, les
   notebooks et la documentation (:data:`entsim.ent.MOTS_DE_PASSE_DEMO`) : un élève qui les
   a lus ouvrirait leur session, celle d'un adulte comprise (M. Durand voit toute la classe).
   Chaque compte qui a un mot de passe en reçoit donc un nouveau, tiré par ``secrets``
   (les personnages du récit comme les comptes dont une cellule a fixé le mot de passe).
   L'enseignant les lit sur sa page (``/admin?jeton=…``).
2. **Un compte par élève de la classe.** La classe de démonstration compte 13 élèves, dont
   4 personnages du récit que l'enseignant garde pour ses démonstrations ; pour une classe
   de :data:`COMPTES_PAR_DEFAUT`, des comptes « élève de démonstration » sont ajoutés à la
   classe de Léa (TSTMG1). Les comptes à distribuer ont chacun une fiche à découper
   (``/admin/fiches?jeton=…`` : adresse, identifiant, mot de passe), imprimable sur A4 sans
   JavaScript.

Les mots de passe tirés respectent la politique de l'ENT (12 caractères et plus, quatre
types de caractères) ; ils ne sont conservés que sous forme d'empreinte dans le service
d'authentification, et en clair seulement dans la mémoire du serveur, pour la page de
l'enseignant, le temps de la séance.
"""

from __future__ import annotations

import secrets

from entsim.ent import ENT
from entsim.etablissement.annuaire import Eleve, Profil
from entsim.etablissement.generation import PERSONAS
from entsim.socle.erreurs import ValeurInvalide
from entsim.web.pages import e

#: Nombre de comptes à distribuer par défaut : une classe de lycée (35 élèves au plus).
COMPTES_PAR_DEFAUT = 35
#: Nombre maximal de comptes à distribuer (chaque compte coûte une empreinte Argon2).
COMPTES_MAX = 200
#: Préfixe de l'identifiant des comptes ajoutés (``demo.eleve01``…).
PREFIXE_COMPTE_AJOUTE = "demo.eleve"

_MOTS = ("Cahier", "Stylo", "Trousse", "Compas", "Classeur", "Gomme", "Agenda", "Atlas",
         "Cartable", "Crayon", "Equerre", "Feutre", "Regle", "Tableau", "Carnet", "Globe")
_SYMBOLES = "!#%+=?@"


def mot_de_passe_demo() -> str:
    """Un mot de passe de démonstration tiré par ``secrets`` (deux mots, un nombre, un
    symbole : plus de 12 caractères, quatre types de caractères)."""
    return (f"{secrets.choice(_MOTS)}-{secrets.choice(_MOTS)}"
            f"{secrets.randbelow(90) + 10}{secrets.choice(_SYMBOLES)}")


def verifier_nombre_de_comptes(nombre: object) -> int:
    """Le nombre de comptes demandé, s'il est un entier entre 1 et :data:`COMPTES_MAX`."""
    if isinstance(nombre, bool) or not isinstance(nombre, int) \
            or not 1 <= nombre <= COMPTES_MAX:
        raise ValeurInvalide(f"« comptes » est un nombre entier entre 1 et {COMPTES_MAX} "
                             f"(un compte par élève de la classe).")
    return nombre


def _nouveau_mot_de_passe(ent: ENT, identifiant: str) -> str:
    for _essai in range(20):
        mdp = mot_de_passe_demo()
        if ent.authentification.definir_mot_de_passe(identifiant, mdp).ok:
            return mdp
    raise ValeurInvalide(f"Aucun mot de passe accepté pour « {identifiant} ».")


def _ajouter_eleve(ent: ENT, numero: int, modele: Eleve) -> str:
    etab = ent.etablissement
    identifiant = f"{PREFIXE_COMPTE_AJOUTE}{numero:02d}"
    etab.ajouter(Eleve(identifiant, "Élève", f"de démonstration {numero:02d}", Profil.ELEVE,
                       date_naissance=modele.date_naissance, classe=modele.classe))
    if modele.classe in etab.classes:
        etab.classes[modele.classe].eleves.append(identifiant)
    ent.authentification.creer_compte(identifiant)
    return identifiant


def preparer_la_classe(ent: ENT, nombre: int = COMPTES_PAR_DEFAUT
                       ) -> tuple[dict[str, str], list[str]]:
    """Prépare les comptes d'une séance sur le réseau local.

    Rend ``(mots de passe, comptes à distribuer)`` : le nouveau mot de passe de chaque compte
    qui en avait un (personnages du récit compris) et des comptes ajoutés ; la liste des
    ``nombre`` identifiants d'élèves à distribuer (hors personnages du récit)."""
    nombre = verifier_nombre_de_comptes(nombre)
    aas = ent.authentification
    mots_de_passe = {c.identifiant: _nouveau_mot_de_passe(ent, c.identifiant)
                     for c in aas.comptes() if c.empreinte is not None}
    personnages = {p.identifiant for p in PERSONAS.values()}
    eleves = ent.etablissement.eleves()
    a_distribuer = sorted(p.identifiant for p in eleves if p.identifiant not in personnages
                          and p.date_depart is None and p.identifiant in aas)[:nombre]
    modele = next((p for p in eleves if p.identifiant == PERSONAS["eleve"].identifiant),
                  eleves[0] if eleves else None)
    numero = 0
    while len(a_distribuer) < nombre and modele is not None:
        numero += 1
        if ent.etablissement.existe(f"{PREFIXE_COMPTE_AJOUTE}{numero:02d}"):
            continue
        a_distribuer.append(_ajouter_eleve(ent, numero, modele))
    for identifiant in a_distribuer:
        if identifiant not in mots_de_passe:
            mots_de_passe[identifiant] = _nouveau_mot_de_passe(ent, identifiant)
    return mots_de_passe, a_distribuer


STYLE_FICHES = """
@page { size: A4; margin: 12mm; }
body { font-family: system-ui, sans-serif; font-size: 14pt; margin: 0; color: black; }
h1 { font-size: 16pt; margin: 0 0 4mm 0; }
.consigne { font-size: 11pt; margin: 0 0 4mm 0; }
.fiches { display: grid; grid-template-columns: 1fr 1fr; gap: 0; }
.fiche { border: 1px dashed #555; padding: 4mm 5mm; break-inside: avoid;
         page-break-inside: avoid; }
.fiche p { margin: 1mm 0; }
.fiche .titre { font-weight: bold; font-size: 12pt; }
.valeur { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 15pt;
          font-weight: bold; word-break: break-all; }
@media screen { body { margin: 1em; } }
@media print { .consigne { display: none; } }
"""


def page_fiches(titre_etablissement: str, adresse: str,
                comptes: list[tuple[str, str]]) -> str:
    """La page des fiches à découper : une fiche par compte (adresse, identifiant, mot de
    passe), deux par ligne, sur A4 (``@page``), sans script."""
    fiches = "".join(
        f'<div class="fiche"><p class="titre">ENT du lycée — séance de simulation</p>'
        f'<p>Adresse : <span class="valeur">{e(adresse)}</span></p>'
        f'<p>Identifiant : <span class="valeur">{e(identifiant)}</span></p>'
        f'<p>Mot de passe : <span class="valeur">{e(mdp)}</span></p></div>'
        for identifiant, mdp in comptes)
    return (f'<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
            f"<title>Fiches de connexion — {e(titre_etablissement)}</title>"
            f"<style>{STYLE_FICHES}</style></head><body>"
            f"<h1>Fiches de connexion — {e(titre_etablissement)} ({len(comptes)} comptes)</h1>"
            f'<p class="consigne">Imprimez cette page (Ctrl+P), découpez les fiches et '
            f"donnez-en une à chaque élève. Comptes de démonstration, valables pour cette "
            f"séance seulement : n'y mettez aucun vrai mot de passe.</p>"
            f'<div class="fiches">{fiches}</div></body></html>')
