"""Les fichiers produits par la correction : carnet CSV, synthèse HTML, retours aux élèves.

Tout est déterministe (deux corrections du même dossier donnent des fichiers identiques,
octet pour octet) : lignes triées par fichier, aucune date, diagrammes matplotlib en SVG
avec ``svg.hashsalt`` fixé et ``metadata={"Date": None}`` (sans quoi matplotlib écrit la
date et des identifiants aléatoires). Les pages HTML sont autonomes : styles et diagrammes
intégrés, aucune ressource externe ni accès au réseau ; tout texte venant d'une copie est
échappé (:func:`html.escape`).

Les lignes et le résumé du carnet (:func:`lignes_carnet`, :func:`resume`, :func:`nombre`…)
sont dans :mod:`entsim.correction.resultats` ; ils restent importables d'ici.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from entsim.correction.isolement import AVERTISSEMENT_ADMINISTRATEUR, AVERTISSEMENT_SURVEILLANCE
from entsim.correction.remarques import PROBLEME, phrase
from entsim.correction.resultats import Carnet, RenduCorrige, nombre, points_colonne, resume_court
from entsim.correction.resultats import phrase_isolement
from entsim.socle.erreurs import ErreurENT
from entsim.etablissement.identifiants import replier
from entsim.questions.retours import STATUTS, SYMBOLES
from entsim.questions.fiches import Fiche

__all__ = ["SEL_SVG", "ecrire_fichier", "ecrire_csv", "taux_de_reussite", "diagramme_svg",
           "synthese_html", "cle_eleve", "retours_par_eleve", "ecrire_retours"]

#: Graine des identifiants internes des SVG de matplotlib (rend la sortie reproductible).
SEL_SVG = "entsim-correction"


# ---------------------------------------------------------------------------------------
# Écriture
# ---------------------------------------------------------------------------------------

def ecrire_fichier(chemin: Path, contenu: bytes) -> None:
    """Écrit un fichier d'un coup (fichier temporaire puis remplacement) ; message clair si
    le fichier est ouvert dans un autre logiciel."""
    temporaire = chemin.with_name(f".{chemin.name}.tmp")
    try:
        temporaire.write_bytes(contenu)
        os.replace(temporaire, chemin)
    except OSError as erreur:
        try:
            temporaire.unlink()
        except OSError:
            pass
        raise ErreurENT(f"Impossible d'écrire {chemin} ({erreur.strerror}) : le fichier est "
                        "peut-être ouvert dans un tableur ; fermez-le puis relancez la "
                        "correction.", code="ecriture_impossible") from None


def ecrire_csv(chemin: Path, entete: Sequence[str], lignes: Iterable[Sequence[str]]) -> None:
    """Écrit un CSV pour tableur réglé en français : « ; », UTF-8 avec BOM, fins de ligne CRLF."""
    tampon = io.StringIO(newline="")
    ecrivain = csv.writer(tampon, delimiter=";", lineterminator="\r\n")
    ecrivain.writerow(entete)
    ecrivain.writerows(lignes)
    ecrire_fichier(chemin, tampon.getvalue().encode("utf-8-sig"))


# ---------------------------------------------------------------------------------------
# HTML commun
# ---------------------------------------------------------------------------------------

_STYLE = """
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;max-width:68em;margin:1.5em auto;
padding:0 1em;color:#202124;line-height:1.45}
h1{font-size:1.6em}h2{font-size:1.3em;margin-top:1.8em;border-bottom:2px solid #dadce0}
h3{font-size:1.1em;margin-bottom:.3em}
table{border-collapse:collapse;margin:.6em 0;font-size:.95em}
th,td{border:1px solid #bdc1c6;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f1f3f4}td.nombre{text-align:right;white-space:nowrap}
.remarque{color:#5f6368}.statut-juste{color:#1b7f3b}.statut-faux{color:#b3261e}
.statut-partiel{color:#9a6700}.statut-invalide{color:#9a3412}.statut-vide{color:#5f6368}
.statut-manuel{color:#1a5fb4}
section.question{border-left:6px solid #dadce0;padding:.2em .8em;margin:.8em 0}
figure{margin:1em 0}figcaption{font-weight:bold}
.defilement{max-width:100%;overflow-x:auto}.defilement table{margin:0}
th[title]{text-decoration:underline dotted;cursor:help}
details.remarques{margin-top:1.8em}details.remarques>summary{font-size:1.3em;
font-weight:bold;cursor:pointer}
"""


#: Les avertissements du carnet qui portent sur l'isolement du code des élèves.
AVERTISSEMENTS_ISOLEMENT = (AVERTISSEMENT_SURVEILLANCE, AVERTISSEMENT_ADMINISTRATEUR)


def _page(titre: str, corps: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(titre)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
            f"{corps}\n</body>\n</html>\n")


def _tableau(entete: Sequence[str], lignes: Iterable[Sequence[str]],
             nombres: Sequence[int] = (), titres: Mapping[int, str] | None = None) -> str:
    """Un tableau HTML ; les cases sont échappées ; ``nombres`` : colonnes alignées à droite ;
    ``titres`` : infobulle (attribut ``title``) des en-têtes de colonnes courts."""
    e = html.escape
    titres = titres or {}
    tete = "".join(f"<th scope=\"col\" title=\"{e(titres[i])}\">{e(t)}</th>" if titres.get(i)
                   else f"<th scope=\"col\">{e(t)}</th>" for i, t in enumerate(entete))
    corps = "".join(
        "<tr>" + "".join(f"<td class=\"nombre\">{e(c)}</td>" if i in nombres else
                         f"<td>{e(c)}</td>" for i, c in enumerate(ligne)) + "</tr>\n"
        for ligne in lignes)
    return f"<table>\n<thead><tr>{tete}</tr></thead>\n<tbody>\n{corps}</tbody>\n</table>\n"


def _defilant(tableau: str, description: str) -> str:
    """Le tableau dans un cadre qui défile horizontalement s'il est plus large que la page
    (la page ne déborde jamais) ; le cadre se parcourt au clavier (``tabindex``)."""
    return (f"<div class=\"defilement\" role=\"region\" tabindex=\"0\" "
            f"aria-label=\"{html.escape(description)}\">\n{tableau}</div>\n")


# ---------------------------------------------------------------------------------------
# Synthèse
# ---------------------------------------------------------------------------------------

def taux_de_reussite(rendus: Sequence[RenduCorrige], qid: str) -> float | None:
    """La part moyenne des points obtenus à ``qid`` (0 à 1), ou ``None`` tant qu'une
    réponse à cette question attend sa note manuelle (ou s'il n'y a aucune copie)."""
    corrections = [c for r in rendus if (c := r.correction(qid)) is not None and c.sur > 0]
    if not corrections or any(c.statut == "manuel" for c in corrections):
        return None
    parts = [c.points / c.sur for c in corrections]
    return sum(parts) / len(parts)


def diagramme_svg(etiquettes: Sequence[str], taux: Sequence[float | None], titre: str) -> str:
    """Un diagramme en barres horizontales du taux de réussite (en %), en SVG intégrable.

    Rendu par matplotlib sans pyplot (aucun état global, aucune fenêtre), avec une graine
    d'identifiants fixe et sans date : le texte SVG est le même à chaque exécution.
    """
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    n = max(1, len(etiquettes))
    with matplotlib.rc_context({"svg.hashsalt": SEL_SVG, "svg.fonttype": "path",
                                "font.family": "DejaVu Sans", "font.size": 10}):
        figure = Figure(figsize=(7.5, 0.9 + 0.38 * n))
        FigureCanvasSVG(figure)
        axes = figure.add_subplot(1, 1, 1)
        positions = list(range(len(etiquettes)))[::-1]
        valeurs = [100 * t if t is not None else 0 for t in taux]
        axes.barh(positions, valeurs, color="#1a5fb4", height=0.6)
        for position, t in zip(positions, taux):
            texte = "notes manuelles en attente" if t is None else f"{nombre(round(100 * t))} %"
            x = 1 if t is None else min(100 * t + 1, 88)
            axes.text(x, position, texte, va="center", fontsize=9,
                      color="#202124" if t is None or 100 * t + 1 <= 88 else "white")
        axes.set_yticks(positions, labels=list(etiquettes))
        axes.set_xlim(0, 100)
        axes.set_xlabel("taux de réussite (part des points obtenus, en %)")
        axes.set_title(titre, fontsize=11)
        axes.spines[["top", "right"]].set_visible(False)
        figure.tight_layout()
        tampon = io.StringIO()
        figure.savefig(tampon, format="svg", metadata={"Date": None})
    svg = tampon.getvalue()
    debut = svg.find("<svg")
    return svg[debut:] if debut >= 0 else svg


def synthese_html(carnet: Carnet, fiches: Mapping[str, Fiche]) -> str:
    """La page ``synthese.html`` : récapitulatif, ce qui est à vérifier (copies à problème,
    notes manuelles signalées ou à confirmer), les remarques sans conséquence (repliées),
    une section par fiche (taux de réussite par question en diagramme et en tableau, notes
    des élèves)."""
    e = html.escape
    nom_dossier = carnet.dossier_rendus.resolve().name or str(carnet.dossier_rendus)
    morceaux = [f"<h1>Synthèse de la correction — dossier « {e(nom_dossier)} »</h1>"]
    morceaux.append("<p>" + e(resume_court(carnet)) + "</p>")
    if carnet.isolement:
        morceaux.append("<p>" + e(phrase_isolement(carnet.isolement)) + "</p>")
    morceaux.append(_a_verifier(carnet))
    for fiche_id in sorted({f for f, _ in carnet.colonnes}):
        la_fiche = fiches[fiche_id]
        rendus = [r for r in carnet.rendus if r.corrige and r.fiche == fiche_id]
        morceaux.append(_section_fiche(la_fiche, rendus))
    if not carnet.colonnes:
        morceaux.append("<p>Aucune fiche n'a pu être corrigée.</p>")
    return _page(f"Synthèse de la correction — {nom_dossier}", "\n".join(morceaux))


def _a_verifier(carnet: Carnet) -> str:
    """La section « À vérifier » (les problèmes, d'abord), puis « Remarques (rien à faire) »,
    repliée : ce que la correction a toléré sans rien perdre."""
    e = html.escape
    problemes = [r for r in carnet.rendus if r.categorie == PROBLEME]
    morceaux = ["<h2 id=\"a-verifier\">À vérifier</h2>"]
    if not (problemes or carnet.avertissements or carnet.a_confirmer):
        morceaux.append("<p>Rien à vérifier : toutes les copies ont été lues et corrigées "
                        "entièrement.</p>")
    if problemes:
        n = len(problemes)
        morceaux.append(f"<h3>Copies à vérifier ({n})</h3>")
        morceaux.append(_defilant(_tableau(
            ["Fichier", "Élève", "Statut", "À vérifier"],
            [[r.fichier, r.eleve, r.libelle_statut, r.raison_a_verifier] for r in problemes]),
            "Copies à vérifier"))
    # l'isolement du code des élèves a son titre : ce n'est pas une note manuelle
    isolement = [a for a in carnet.avertissements if a in AVERTISSEMENTS_ISOLEMENT]
    notes = [a for a in carnet.avertissements if a not in AVERTISSEMENTS_ISOLEMENT]
    for titre, liste in (("Isolement du code des élèves", isolement),
                         ("Notes manuelles : avertissements", notes)):
        if liste:
            morceaux.append(f"<h3>{titre}</h3><ul>" + "".join(
                f"<li>Attention : {e(a)}.</li>" for a in liste) + "</ul>")
    if carnet.a_confirmer:
        morceaux.append("<h3>Notes manuelles nouvelles : à confirmer</h3><p>Ces notes "
                        "manuelles n'étaient pas comptées à la correction précédente et "
                        "changent une note : vérifiez que vous les avez bien saisies.</p><ul>"
                        + "".join(f"<li>{e(a)}</li>" for a in carnet.a_confirmer) + "</ul>")
    remarques = [r for r in carnet.rendus if r.remarques_sans_suite]
    if remarques:
        n = len(remarques)
        morceaux.append(
            "<details class=\"remarques\"><summary>Remarques (rien à faire) : "
            f"{n} copie{'s' if n > 1 else ''}</summary>\n<p>Ce que la correction a toléré "
            "sans rien perdre (ancien format, cellules copiées ou changées en texte…) : "
            "rien à faire. Une copie qui a aussi un problème figure en plus dans « À "
            "vérifier ».</p>\n"
            + _defilant(_tableau(["Fichier", "Élève", "Remarques"],
                                 [[r.fichier, r.eleve, phrase(r.remarques_sans_suite)]
                                  for r in remarques]), "Remarques sans conséquence")
            + "</details>")
    return "\n".join(morceaux)


def _section_fiche(la_fiche: Fiche, rendus: Sequence[RenduCorrige]) -> str:
    e = html.escape
    morceaux = [f"<h2>Fiche {e(la_fiche.id)} — {e(la_fiche.titre)}</h2>"]
    comptes_une_fois = [r for r in rendus if r.compte_dans_la_moyenne]
    notes = [r.total for r in comptes_une_fois if r.total is not None]
    n = len(rendus)
    doubles = n - len(comptes_une_fois)
    moyenne = sum(notes) / len(notes) if notes else None
    a_noter = sum(len(r.a_noter) for r in rendus)
    morceaux.append(
        f"<p>{n} copie{'s' if n > 1 else ''} corrigée{'s' if n > 1 else ''} ; moyenne "
        f"{e(nombre(moyenne))} / {e(nombre(la_fiche.points))}"
        + (f" (sans les {a_noter} réponses ouvertes qui restent à noter à la main)"
           if a_noter else "")
        + (f" ; {doubles} copie{'s' if doubles > 1 else ''} en double non comptée"
           f"{'s' if doubles > 1 else ''} (un élève ne compte qu'une fois, avec sa "
           "meilleure copie)" if doubles else "") + ".</p>")
    taux = [taux_de_reussite(comptes_une_fois, q.id) for q in la_fiche.questions]
    etiquettes = [q.id for q in la_fiche.questions]
    svg = diagramme_svg(etiquettes, taux, f"Fiche {la_fiche.id} : réussite par question")
    morceaux.append(f"<figure role=\"img\" aria-label=\"Taux de réussite de chaque question "
                    f"de la fiche {e(la_fiche.id)} (détail dans le tableau ci-dessous)\">"
                    f"<figcaption>Taux de réussite par question</figcaption>\n{svg}</figure>")
    lignes = []
    for question, t in zip(la_fiche.questions, taux):
        comptes = {s: 0 for s in STATUTS}
        for r in rendus:
            c = r.correction(question.id)
            if c is not None:
                comptes[c.statut] = comptes.get(c.statut, 0) + 1
        repartition = ", ".join(f"{SYMBOLES[s]} {STATUTS[s].lower()} : {k}"
                                for s, k in comptes.items() if k)
        lignes.append([question.id, question.titre or "", nombre(question.points),
                       "notes manuelles en attente" if t is None
                       else f"{nombre(round(100 * t))} %",
                       repartition])
    morceaux.append(_defilant(_tableau(["Question", "Titre", "Barème", "Réussite",
                                        "Répartition"], lignes, nombres=(2, 3)),
                              f"Réussite par question, fiche {la_fiche.id}"))
    entete = ["Élève", "Fichier"] + [q.id for q in la_fiche.questions] + ["Total", "Sur",
                                                                          "Statut"]
    titres = {2 + i: q.titre or f"Question {q.id}" for i, q in enumerate(la_fiche.questions)}
    lignes = []
    for r in rendus:
        lignes.append([r.eleve, r.fichier] + [points_colonne(r.correction(q.id)) or
                                              ("à noter" if q.id in r.a_noter else "")
                                              for q in la_fiche.questions]
                      + [nombre(r.total), nombre(r.sur), r.libelle_statut])
    morceaux.append("<h3>Notes des élèves</h3>")
    morceaux.append(_defilant(_tableau(entete, lignes,
                                       nombres=tuple(range(2, 4 + len(la_fiche.questions))),
                                       titres=titres),
                              f"Notes des élèves, fiche {la_fiche.id}"))
    return "\n".join(morceaux)


# ---------------------------------------------------------------------------------------
# Retours aux élèves
# ---------------------------------------------------------------------------------------

def cle_eleve(nom: str) -> str:
    """La clé qui regroupe les fichiers d'un même élève : mots repliés, triés
    (« MARTIN Léa » et « Léa Martin » donnent la même clé ``lea_martin``)."""
    mots = re.findall(r"[a-z0-9]+", replier(nom))
    return "_".join(sorted(mots))[:80].strip("_") or "eleve_sans_nom"


def _retour_rendu(rendu: RenduCorrige, fiches: Mapping[str, Fiche]) -> str:
    e = html.escape
    la_fiche = fiches.get(rendu.fiche or "")
    titre = la_fiche.titre if la_fiche is not None else "Fichier rendu"
    morceaux = [f"<h2>{e(titre)}</h2>", f"<p>Fichier rendu : « {e(rendu.fichier)} ».</p>"]
    if not rendu.corrige:
        morceaux.append(f"<p><strong>Ce fichier n'a pas pu être corrigé</strong> "
                        f"({e(rendu.libelle_statut)}) : {e(rendu.raison)} Vérifiez-le avec "
                        "votre professeur et rendez-le à nouveau si besoin.</p>")
        return "\n".join(morceaux)
    note = f"Note : {nombre(rendu.total)} / {nombre(rendu.sur)}"
    if len(rendu.a_noter) > 1:
        note += (f" (les réponses aux questions {', '.join(rendu.a_noter)} seront notées "
                 "par votre professeur)")
    elif rendu.a_noter:
        note += f" (la réponse à la question {rendu.a_noter[0]} sera notée par votre professeur)"
    morceaux.append(f"<p><strong>{e(note)}.</strong></p>")
    if rendu.raison:
        morceaux.append(f"<p class=\"remarque\">Remarques sur votre fichier : "
                        f"{e(rendu.raison)}</p>")
    for c in rendu.corrections:
        question = la_fiche.question(c.question) if la_fiche is not None else None
        intitule = (question.titre if question is not None and question.titre
                    else f"Question {c.question}")
        morceaux.append(f"<section class=\"question\"><h3 class=\"statut-{e(c.statut)}\">"
                        f"{e(c.libelle)} — {e(intitule)} ({e(c.question)}) : "
                        f"{e(c.bareme())}</h3>")
        morceaux.append(f"<p>{e(c.message)}</p>")
        if c.details:
            morceaux.append("<ul>" + "".join(f"<li>{e(d)}</li>" for d in c.details) + "</ul>")
        commentaire = rendu.commentaire(c.question)
        if commentaire:
            morceaux.append(f"<p><strong>Commentaire de votre professeur :</strong> "
                            f"{e(commentaire)}</p>")
        if question is not None and question.indices and c.statut in (
                "faux", "partiel", "vide", "invalide"):
            morceaux.append("<details open><summary>Indices pour retravailler la question"
                            "</summary><ol>" + "".join(f"<li>{_code_en_ligne(e(i))}</li>"
                                                        for i in question.indices)
                            + "</ol></details>")
        morceaux.append("</section>")
    return "\n".join(morceaux)


def _code_en_ligne(texte_echappe: str) -> str:
    """Le code entre accents graves d'un indice (`ent.catalogue.tableau()`, écriture
    Markdown des énoncés) en ``<code>`` au lieu d'accents graves affichés tels quels."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", texte_echappe)


def retours_par_eleve(carnet: Carnet) -> dict[str, list[RenduCorrige]]:
    """Les fichiers rendus regroupés par élève (clé :func:`cle_eleve`), dans l'ordre."""
    groupes: dict[str, list[RenduCorrige]] = {}
    for rendu in carnet.rendus:
        groupes.setdefault(cle_eleve(rendu.eleve), []).append(rendu)
    return dict(sorted(groupes.items()))


def ecrire_retours(carnet: Carnet, fiches: Mapping[str, Fiche]) -> list[Path]:
    """Écrit ``retours/<élève>.html`` pour chaque élève ; retire les retours d'une correction
    précédente qui ne correspondent plus à aucun élève."""
    dossier = carnet.dossier_retours
    ecrits = []
    for cle, rendus in retours_par_eleve(carnet).items():
        nom = rendus[0].eleve
        corps = [f"<h1>Retour de correction — {html.escape(nom)}</h1>"]
        corps += [_retour_rendu(r, fiches) for r in rendus]
        chemin = dossier / f"{cle}.html"
        ecrire_fichier(chemin, _page(f"Retour de correction — {nom}", "\n".join(corps))
                       .encode("utf-8"))
        ecrits.append(chemin)
    for ancien in sorted(dossier.glob("*.html")):
        if ancien not in ecrits:
            try:
                ancien.unlink()
            except OSError:
                pass
    return ecrits
