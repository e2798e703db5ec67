"""Le corrigé hors de l'édition des élèves (issue 14, § 2).

On écrit l'édition des élèves (``python -m entsim.questions edition-eleves``) dans un dossier
temporaire, puis un Python à part, dont les chemins d'import sont l'édition et les
bibliothèques du .venv mais **pas** le dépôt, joue l'élève : le corrigé ne s'importe pas,
chaque question refuse de donner sa réponse modèle avec une erreur française, la vérification
dit « juste » ou « pas encore » sans points ni détail, et aucun fichier de l'édition ne
contient une réponse acceptée en clair.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
from collections.abc import Mapping
from pathlib import Path

import pytest

from entsim.questions import fiche as fiche_publique
from entsim.questions.edition import ecrire_edition_eleves
from entsim.questions.lettres import LETTRES
from entsim.questions.mots_cles import MotsCles
from entsim.questions.publication import enonces_a_jour
from entsim.questions.types_de_questions import (QCM, Classement, CodeAModifier, MiseEnOrdre,
                                                 Numerique, QuestionOuverte, ReponseCourte,
                                                 TableauACompleter)
from entsim_corrige import fiche_corrigee, fiches_disponibles

RACINE = Path(__file__).resolve().parent.parent
ERREUR_CORRIGE = "Le corrigé n'est pas dans le cours des élèves"


def _mauvaise(q) -> object:
    """Une réponse fausse, de la forme attendue, tirée de la réponse modèle."""
    bonne = q.exemple_de_reponse()
    if isinstance(q, QCM):
        autres = [l for l in LETTRES[:len(q.choix)] if l not in q.bonnes]
        return [autres[0]] if q.multiple else autres[0]
    if isinstance(q, Classement):
        premier, categorie = next(iter(bonne.items()))
        rang = LETTRES.index(categorie) if q.lettres else q.categories.index(categorie)
        autre = q.categories[(rang + 1) % len(q.categories)]
        return {**bonne, premier: LETTRES[q.categories.index(autre)] if q.lettres else autre}
    if isinstance(q, MiseEnOrdre):
        return [bonne[1], bonne[0], *bonne[2:]]
    if isinstance(q, Numerique):
        return float(q.valeur) + q.tolerance + 1
    if isinstance(q, TableauACompleter):
        premiere = next(iter(bonne))
        valeur = bonne[premiere]
        if isinstance(valeur, Mapping):
            colonne = next(iter(valeur))
            return {**bonne, premiere: {**valeur, colonne: valeur[colonne] + 1}}
        return {**bonne, premiere: valeur + 1}
    if isinstance(q, CodeAModifier):
        return "SUCCES"
    return None


def _fermee(q) -> bool:
    if isinstance(q, TableauACompleter):
        return not any(isinstance(v, MotsCles) or isinstance(v, (tuple, list))
                       for cases in q.attendu.values() for v in cases.values())
    return isinstance(q, (QCM, Classement, MiseEnOrdre, Numerique, CodeAModifier))


def _questions():
    return [(fid, q) for fid in fiches_disponibles() for q in fiche_corrigee(fid).questions]


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    return ecrire_edition_eleves(tmp_path_factory.mktemp("distribution") / "edition")


def _eleve(edition: Path, script: str, donnees: object = None) -> dict:
    """Exécute ``script`` dans un Python qui ne voit que l'édition et les bibliothèques
    (``-S`` : sans le fichier .pth de l'installation du dépôt) ; rend son JSON."""
    chemins = [str(edition), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    entree = json.dumps({"donnees": donnees, "chemins": chemins})
    prologue = ("import sys, json\nENTREE = json.loads(sys.stdin.read())\n"
                "sys.path[:] = ENTREE['chemins'] + [p for p in sys.path if 'site-packages' "
                "not in p and p not in ('', '.')]\nDONNEES = ENTREE['donnees']\n")
    resultat = subprocess.run([sys.executable, "-S", "-c", prologue + script], input=entree,
                              capture_output=True, text=True, cwd=edition.parent, timeout=300,
                              env={"PATH": "/usr/bin:/bin", "PYTHONWARNINGS": "error",
                                   "LANG": "C.UTF-8"})
    assert resultat.returncode == 0, resultat.stderr[-3000:]
    return json.loads(resultat.stdout.strip().splitlines()[-1])


def test_le_corrige_ne_s_importe_pas_dans_l_edition(edition):
    sortie = _eleve(edition, """
import entsim
try:
    import entsim_corrige
    corrige = "importé"
except ModuleNotFoundError:
    corrige = "absent"
print(json.dumps({"entsim": entsim.__file__, "corrige": corrige}))
""")
    assert Path(sortie["entsim"]).is_relative_to(edition)
    assert sortie["corrige"] == "absent"
    assert not (edition / "entsim_corrige").exists()
    assert not (edition / "solutions").exists() and not (edition / "tests").exists()


def test_aucune_question_ne_donne_son_corrige_dans_l_edition(edition):
    sortie = _eleve(edition, """
from entsim.questions import fiche, fiches_disponibles
from entsim.socle.erreurs import ErreurENT
refus, fuites = 0, []
for fid in fiches_disponibles():
    f = fiche(fid)
    essais = [("reponses_modeles", f.reponses_modeles)]
    for q in f.questions:
        essais += [(q.id + ".exemple_de_reponse", q.exemple_de_reponse),
                   (q.id + ".attendu", lambda q=q: q.attendu),
                   (q.id + ".bonnes", lambda q=q: q.bonnes),
                   (q.id + ".exemple", lambda q=q: q.exemple)]
    for nom, essai in essais:
        try:
            essai()
            fuites.append(nom)
        except ErreurENT as erreur:
            refus += "Le corrigé n'est pas dans le cours des élèves" in str(erreur)
print(json.dumps({"fiches": fiches_disponibles(), "refus": refus, "fuites": fuites}))
""")
    questions = _questions()
    assert sortie["fiches"] == fiches_disponibles()
    assert sortie["fuites"] == []
    assert sortie["refus"] == len(fiches_disponibles()) + 4 * len(questions)


def test_verifier_dit_juste_ou_pas_encore_sans_points_ni_detail(edition):
    essais = []
    for fid, q in _questions():
        if not _fermee(q):
            continue
        mauvaise = _mauvaise(q)
        assert not q.corriger(mauvaise).juste, (fid, q.id)   # vraiment fausse pour le corrigé
        essais.append([fid, q.id, repr(q.exemple_de_reponse()), repr(mauvaise)])
    assert len(essais) >= 35
    sortie = _eleve(edition, """
import ast
from entsim.questions import fiche
resultats = []
for fid, qid, bonne, mauvaise in DONNEES:
    f = fiche(fid)
    for genre, reponse in (("bonne", bonne), ("mauvaise", mauvaise)):
        c = f.verifier(qid, ast.literal_eval(reponse))
        resultats.append([fid, qid, genre, c.statut, c.texte(), list(c.details), c.points])
print(json.dumps(resultats))
""", essais)
    for fid, qid, genre, statut, texte, details, points in sortie:
        assert statut == ("juste" if genre == "bonne" else "faux"), (fid, qid, genre, texte)
        assert details == [] and points == 0, (fid, qid, texte)
        assert "point" not in texte and "élément" not in texte and "case" not in texte, texte
        assert texte.splitlines()[0] in (f"✓ Juste — question {qid}.",
                                         f"✗ Pas encore juste — question {qid}.")


def _textes_interdits() -> list[tuple[str, str]]:
    """(où, texte) : chaque réponse acceptée, écrite comme un élève ou un corrigé l'écrirait."""
    interdits = []
    for fid, q in _questions():
        ou = f"{fid} {q.id}"
        bonne = q.exemple_de_reponse()
        if _fermee(q):
            for forme in (repr(bonne), json.dumps(bonne, ensure_ascii=False)):
                interdits.append((ou, f"{q.variable} = {forme}"))
        if isinstance(q, QCM) and len(q.bonnes) > 1:
            interdits.append((ou, json.dumps(list(q.bonnes))))
        if isinstance(q, (Classement, MiseEnOrdre)):
            lettres = "".join(bonne.values()) if isinstance(bonne, dict) else "".join(bonne)
            if all(len(l) == 1 for l in (bonne.values() if isinstance(bonne, dict) else bonne)):
                interdits.append((ou, json.dumps(lettres)))
                interdits.append((ou, json.dumps(list(lettres))))
        if isinstance(q, Numerique) and q.unite:
            interdits.append((ou, f"{q.variable} = \"{q.exemple_de_reponse()} {q.unite}\""))
        if isinstance(q, (ReponseCourte, QuestionOuverte)) and not (
                isinstance(q, QuestionOuverte) and q.forme == "tableau"):
            # (un tableau libre noté à la main, comme q2 « les services que vous utilisez »,
            # n'a pas de bonne réponse : le cours en montre un exemple de forme)
            modeles = bonne.values() if isinstance(bonne, dict) else [bonne]
            interdits += [(ou, m.strip()[:80]) for m in modeles
                          if isinstance(m, str) and len(m.strip()) >= 30]
        groupes = getattr(q, "groupes", ()) or getattr(q, "reperes", ())
        for g in groupes:
            if len(g.variantes) >= 2:
                interdits.append((ou, ", ".join(json.dumps(v, ensure_ascii=False)
                                                for v in g.variantes[:2])))
    return interdits


def test_aucun_fichier_de_l_edition_ne_contient_une_reponse_acceptee(edition):
    interdits = _textes_interdits()
    assert len(interdits) > 150
    trouves = []
    for chemin in sorted(p for p in edition.rglob("*") if p.is_file()):
        try:
            texte = chemin.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if chemin.suffix == ".ipynb" and "### BEGIN SOLUTION" in texte:   # un corrigé
            trouves.append((str(chemin.relative_to(edition)), "région de solution"))
        trouves += [(str(chemin.relative_to(edition)), ou, t) for ou, t in interdits
                    if t in texte or json.dumps(t, ensure_ascii=False)[1:-1] in texte]
    assert trouves == []
    assert not list(edition.rglob("solutions")) and not list(edition.rglob("*corrige*"))


def test_le_correcteur_sans_corrige_le_dit_en_francais(edition, tmp_path):
    (tmp_path / "rendus").mkdir()
    sortie = _eleve(edition, """
import io, contextlib
from entsim.correction import main
erreur = io.StringIO()
with contextlib.redirect_stderr(erreur), contextlib.redirect_stdout(io.StringIO()):
    code = main([DONNEES])
print(json.dumps({"code": code, "erreur": erreur.getvalue()}))
""", str(tmp_path / "rendus"))
    assert sortie["code"] != 0
    assert "La correction a besoin du corrigé (édition enseignant)" in sortie["erreur"]


def test_la_fiche_du_professeur_est_la_fiche_publique_a_jour():
    """Les notebooks affichent la même chose dans les deux éditions : ``fiche()`` rend la
    fiche publique, et son énoncé est à jour par rapport au corrigé."""
    assert enonces_a_jour() == []
    f = fiche_publique("partie1")
    with pytest.raises(AttributeError, match=ERREUR_CORRIGE):
        f.question("q1a").exemple_de_reponse()
    corrige = fiche_corrigee("partie1")
    assert [q.consigne() for q in f.questions] == [q.consigne() for q in corrige.questions]
    assert [q.indices for q in f.questions] == [q.indices for q in corrige.questions]


# -- la fiche des élèves, dans le dépôt (rapide) ----------------------------------------------

def test_un_nombre_a_tolerance_est_juste_dans_toute_la_tolerance():
    from entsim.questions.publication import question_publique
    from entsim.questions.publique import QuestionPublique

    cle = Numerique(id="q99", enonce="Combien ?", valeur=12.5, tolerance=0.5, unite="bits")
    donnees = question_publique("essai", cle)
    assert "12.5" not in json.dumps(donnees["verification"])
    q = QuestionPublique(id="q99", enonce="Combien ?", type_de_question="Numerique",
                         texte_consigne="", texte_amorce="", structure=donnees["structure"],
                         verification=donnees["verification"])
    for reponse in (12.5, "12,1 bits", 12.9, "13"):
        assert q.corriger(reponse).statut == "juste", reponse
    for reponse in (11.8, "13,2", 125):
        assert q.corriger(reponse).statut == "faux", reponse
    assert q.corriger("douze").statut == "invalide"


def test_une_definition_n_est_controlee_que_sur_sa_forme():
    f = fiche_publique("partie1")
    liste = f.corriger_question("q1c", "portail services élèves")
    assert liste.statut == "manuel" and liste.points == 0 and liste.formatif
    assert any("Rédigez une phrase" in d for d in liste.details)
    enonce = f.question("q1c").enonce
    recopie = f.corriger_question("q1c", enonce)
    assert any("recopie la consigne" in d for d in recopie.details)
    phrase = f.corriger_question("q1c", "C'est un site où je retrouve mes cours et mes notes "
                                        "avec un seul mot de passe.")
    assert phrase.details == () and phrase.texte() == (
        "✎ À corriger par le professeur — question q1c.\n"
        "Réponse enregistrée : votre professeur la corrigera.")


def test_le_widget_de_classement_marche_avec_la_fiche_des_eleves():
    from entsim.widgets import ExerciceClassement

    question = fiche_publique("partie1").question("q1a")
    exercice = ExerciceClassement(question)
    bonne = fiche_corrigee("partie1").question("q1a").exemple_de_reponse()
    for liste, lettre in zip(exercice.choix, bonne.values()):
        liste.value = LETTRES.index(lettre)
    assert exercice.verifier().statut == "juste"
    assert exercice.annonce.value.startswith("✓ Juste : vérification sans note")
    exercice.choix[0].value = (exercice.choix[0].value + 1) % len(question.categories)
    c = exercice.verifier()
    assert c.statut == "faux" and c.details == () and "élément" not in c.texte()


def test_le_bilan_des_eleves_compte_sans_noter():
    f = fiche_publique("partie1")
    bonne = fiche_corrigee("partie1").question("q1e").exemple_de_reponse()
    bilan = f.bilan({"reponse_q1e": bonne, "reponse_q1d": "A", "reponse_q1c": "Un site."})
    premiere = bilan.texte().splitlines()[0]
    assert premiere.startswith("Fiche partie1 : 1 réponse juste sur 5 vérifiables par la fiche")
    assert "1 réponse rédigée pour votre professeur" in premiere
    assert "point" not in bilan.texte()


def test_l_edition_ne_copie_que_les_notebooks_et_jamais_la_classification(tmp_path):
    """Revue (session 4) : une image, une archive ou un CSV laissés dans notebooks/ par une
    exécution du professeur partaient avec l'édition ; la classification de la question 8
    (la réponse de q8b) est dans le corrigé, pas dans le paquet ni dans data/."""
    laisse = RACINE / "notebooks" / "essai_du_professeur.csv"
    laisse.write_text("élève;note\nLéa;12\n", encoding="utf-8")
    try:
        edition = ecrire_edition_eleves(tmp_path / "edition")
    finally:
        laisse.unlink()
    assert not (edition / "notebooks" / "essai_du_professeur.csv").exists()
    assert sorted(p.suffix for p in (edition / "notebooks").iterdir()) == \
        [".ipynb"] * len(list((edition / "notebooks").iterdir()))
    assert list((edition / "exercises").glob("*.ipynb"))
    assert not list(edition.rglob("classification*"))
