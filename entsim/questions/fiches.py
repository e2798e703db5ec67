"""La fiche notée d'une partie du cours (:class:`Fiche`) et son bilan (:class:`ResultatFiche`).

Dans un notebook, :meth:`Fiche.verifier` affiche le retour d'une réponse et
:meth:`Fiche.indice` un indice (par :func:`entsim.socle.affichage.afficher`) ; ces sorties
restent dans le fichier enregistré. La réponse notée est la variable ``reponse_<qid>``
écrite dans la cellule : elle est enregistrée dans le fichier que l'élève rend (l'état d'un
widget, lui, serait perdu). Le format des fiches est décrit dans ``docs/QUESTIONS.md``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

from entsim.questions.ecriture import nom_type, nombre_fr
from entsim.questions.question import Question
from entsim.questions.retours import STATUTS, Correction, Indice
from entsim.questions.types_de_questions.question_ouverte import QuestionOuverte
from entsim.socle.affichage import afficher
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.texte import accorder, cite


@dataclass(frozen=True)
class ResultatFiche:
    """Les corrections de toutes les questions d'une fiche."""

    fiche: str
    corrections: tuple[Correction, ...]
    ouvertes: tuple[str, ...] = ()     # questions notées à la main (QuestionOuverte)

    @property
    def points(self) -> float:
        """Les points obtenus (questions ouvertes non comptées : notées à la main)."""
        return round(sum(c.points for c in self.corrections), 4)

    @property
    def sur(self) -> float:
        """Le total des points de la fiche (questions ouvertes comprises)."""
        return round(sum(c.sur for c in self.corrections), 4)

    @property
    def sur_automatique(self) -> float:
        """Le total des points corrigés automatiquement."""
        return round(sum(c.sur for c in self.corrections
                         if c.statut != "manuel" and c.question not in self.ouvertes), 4)

    def correction(self, qid: str) -> Correction:
        for c in self.corrections:
            if c.question == qid:
                return c
        raise Introuvable(f"Pas de question « {qid} » dans la fiche {self.fiche}.")

    def a_corriger_a_la_main(self) -> list[str]:
        return [c.question for c in self.corrections if c.statut == "manuel"]

    def provisoires(self) -> list[str]:
        """Les questions dont la note, calculée par mots-clés, est provisoire (hors réponses
        vides ou illisibles)."""
        return [c.question for c in self.corrections
                if c.provisoire and c.statut not in ("vide", "invalide")]

    def texte(self) -> str:
        lignes = [f"Fiche {self.fiche} : {nombre_fr(self.points)} / "
                  f"{nombre_fr(self.sur_automatique)} points corrigés automatiquement"
                  + (f" ; questions à corriger à la main : "
                     f"{', '.join(self.a_corriger_a_la_main())}"
                     if self.a_corriger_a_la_main() else "")
                  + (f" ; notes provisoires (définitions notées par mots-clés, le professeur "
                     f"peut les ajuster) : {', '.join(self.provisoires())}"
                     if self.provisoires() else "") + "."]
        lignes += [f"  {c.libelle} — {c.question} : {c.bareme()}" for c in self.corrections]
        return "\n".join(lignes)

    def tableau(self):
        """Les corrections en tableau pandas (une ligne par question)."""
        import pandas as pd

        return pd.DataFrame([{"Question": c.question, "Statut": STATUTS[c.statut],
                              "Points": c.points, "Sur": c.sur, "Retour": c.message}
                             for c in self.corrections])

    def html(self) -> str:
        """Le bilan en HTML (textes échappés)."""
        e = html.escape
        lignes = "".join(
            f"<tr><td>{e(c.question)}</td><td>{e(c.libelle)}</td><td>{e(c.bareme())}</td></tr>"
            for c in self.corrections)
        return (f'<div class="entsim-bilan" role="status"><p><strong>{e(self.texte().splitlines()[0])}'
                f'</strong></p><table><thead><tr><th>Question</th><th>Statut</th><th>Points</th>'
                f"</tr></thead><tbody>{lignes}</tbody></table></div>")

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return {"text/plain": self.texte(), "text/html": self.html()}

    def __str__(self) -> str:
        return self.texte()


@dataclass(frozen=True)
class Fiche:
    """Une fiche notée d'une partie du cours : ``id`` (``"partie1"``), titre, questions."""

    id: str
    titre: str
    questions: tuple[Question, ...]
    version: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "questions", tuple(self.questions))
        ids = [q.id for q in self.questions]
        doublons = sorted({i for i in ids if ids.count(i) > 1})
        if doublons:
            raise ValeurInvalide(f"Fiche {self.id} : questions en double : "
                                 f"{', '.join(doublons)}.")

    @property
    def points(self) -> float:
        return round(sum(q.points for q in self.questions), 4)

    def ids(self) -> list[str]:
        return [q.id for q in self.questions]

    def question(self, qid: str) -> Question:
        """La question de cet identifiant (``"q13a"``) ; erreur française sinon."""
        for q in self.questions:
            if q.id == qid:
                return q
        raise Introuvable(f"La fiche « {self.titre} » n'a pas de question {cite(qid)} "
                          f"(questions : {', '.join(self.ids())}).", code="question_inconnue")

    def corriger_question(self, qid: str, reponse: object) -> Correction:
        """La correction d'une réponse, sans rien afficher."""
        return self.question(qid).corriger(reponse)

    def est_juste(self, qid: str, reponse: object) -> bool:
        """Vrai si la réponse a tous les points (sert aux tests cachés, style nbgrader)."""
        return self.corriger_question(qid, reponse).juste

    def verifier(self, qid: str, reponse: object) -> Correction:
        """Corrige et affiche le retour dans le notebook ; renvoie la :class:`Correction`."""
        correction = self.corriger_question(qid, reponse)
        if afficher(correction._repr_mimebundle_()):
            correction.__dict__["_deja_affiche"] = True
        return correction

    def indice(self, qid: str, numero: int = 1) -> Indice:
        """Affiche l'indice ``numero`` (1 = le plus discret) de la question et le renvoie."""
        question = self.question(qid)
        if not question.indices:
            texte = "Pas d'indice pour cette question : relisez l'énoncé et le cours."
            total = 0
        else:
            if isinstance(numero, bool) or not isinstance(numero, int) or not \
                    1 <= numero <= len(question.indices):
                raise ValeurInvalide(f"La question {qid} a "
                                     f"{accorder(len(question.indices), 'indice', 'indices')} : "
                                     f"choisissez un numéro de 1 à {len(question.indices)}.")
            texte, total = question.indices[numero - 1], len(question.indices)
        indice = Indice(texte)
        indice.question, indice.numero, indice.total = qid, numero, total
        if afficher(indice._repr_mimebundle_()):
            indice.__dict__["_deja_affiche"] = True
        return indice

    def corriger(self, reponses: Mapping[str, object] | None) -> ResultatFiche:
        """Corrige toutes les questions ; une réponse absente compte comme vide."""
        if not isinstance(reponses, Mapping):
            reponses = {}
        return ResultatFiche(self.id, tuple(q.corriger(reponses.get(q.id))
                                            for q in self.questions),
                             tuple(q.id for q in self.questions
                                   if isinstance(q, QuestionOuverte)))

    def bilan(self, espace: Mapping[str, object]) -> ResultatFiche:
        """Le bilan de la fiche à partir des variables ``reponse_<qid>`` d'un espace de noms :
        dans un notebook, ``f.bilan(globals())``."""
        if not isinstance(espace, Mapping):
            raise ValeurInvalide(f"Écrivez f.bilan(globals()) : le bilan lit vos variables "
                                 f"reponse_… (reçu : {nom_type(espace)}).",
                                 code="bilan_sans_globals")
        return self.corriger({q.id: espace.get(q.variable) for q in self.questions})

    def reponses_modeles(self) -> dict[str, object]:
        """Les réponses du corrigé (qui obtiennent tous les points)."""
        return {q.id: q.exemple_de_reponse() for q in self.questions}

    def __repr__(self) -> str:
        return f"Fiche({self.id!r}, « {self.titre} », {len(self.questions)} questions)"
