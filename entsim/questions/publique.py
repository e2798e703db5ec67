"""La fiche des élèves (:class:`FichePublique`) : l'énoncé, sans le corrigé.

``fiche("partie1")`` rend cette fiche, lue dans ``entsim/questions/enonces/<id>.json``
(fichier généré depuis le corrigé par ``python -m entsim.questions generer`` ; un test
vérifie qu'il est à jour). Elle contient les identifiants, titres, consignes, barèmes,
choix, catégories, éléments, indices et les formes de réponse acceptées, mais aucune
réponse juste : pour une question fermée, seulement les empreintes lentes et salées des
réponses justes (:mod:`entsim.questions.empreintes`) ; pour une définition ou une question
ouverte, rien que des contrôles de forme (une phrase, une longueur, pas la consigne
recopiée).

:meth:`FichePublique.verifier` dit donc « juste » ou « pas encore » (avec l'invitation à
demander un indice), jamais quel élément est faux ni combien de points : la note est celle
du correcteur du professeur (``entsim-corriger``), qui lit le corrigé de l'édition
enseignant (paquet ``entsim_corrige``). Demander le corrigé à la fiche des élèves
(``exemple_de_reponse()``, ``reponses_modeles()``, ``attendu``…) lève
:class:`CorrigeAbsent`, une erreur française. La menace et ses limites sont décrites dans
``docs/ENSEIGNANTS.md``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from entsim.questions.empreintes import canonique, empreinte, lecteur
from entsim.questions.fiches import Fiche
from entsim.questions.normalisation import (ReponseInvalide, est_dataframe, est_vide,
                                            normaliser, verifier_taille, _texte)
from entsim.questions.question import Question
from entsim.questions.retours import Correction
from entsim.questions.types_de_questions.reponse_courte import est_une_phrase
from entsim.socle.erreurs import ErreurENT, Introuvable, ValeurInvalide
from entsim.socle.texte import accorder

#: Le dossier des énoncés publics (un fichier JSON par fiche).
DOSSIER_ENONCES = Path(__file__).resolve().parent / "enonces"

#: Les attributs du corrigé : les demander à la fiche des élèves lève :class:`CorrigeAbsent`.
CHAMPS_DU_CORRIGE = frozenset({
    "attendu", "bonnes", "exemple", "groupes", "reperes", "valeur", "tolerance", "etapes",
    "presentation", "predicat", "modele", "explications", "pieges", "ligne_modifiee",
    "observation", "explication", "cle_valide",
})


class CorrigeAbsent(ErreurENT, AttributeError):
    """Le corrigé a été demandé à la fiche des élèves, qui ne le contient pas."""

    def __init__(self, quoi: str = "") -> None:
        super().__init__(
            "Le corrigé n'est pas dans le cours des élèves : la fiche ne contient que les "
            "énoncés, les indices et, pour vérifier une réponse, des empreintes des réponses "
            "justes" + (f" ({quoi} n'y est pas)" if quoi else "") + ". Répondez, puis "
            "vérifiez avec f.verifier(\"…\", reponse_…) ; votre professeur corrige la fiche "
            "rendue.", code="corrige_absent")


@dataclass(frozen=True, kw_only=True, repr=False)
class QuestionPublique(Question):
    """Une question de la fiche des élèves : l'énoncé, les indices, de quoi vérifier.

    ``type_de_question`` : le nom du type dans le corrigé (« QCM », « Classement »…) ;
    ``texte_consigne`` : la consigne complète (choix, éléments, forme de la réponse) ;
    ``structure`` : ce que l'énoncé montre (choix, catégories, éléments, colonnes…) ;
    ``verification`` : les paramètres de lecture et les empreintes (question fermée), ou
    les contrôles de forme (question rédigée).
    """

    type_de_question: str
    texte_consigne: str
    texte_amorce: str
    structure: Mapping[str, Any] = field(default_factory=dict)
    verification: Mapping[str, Any] = field(default_factory=dict)
    fiche_id: str = ""

    # -- ce que l'énoncé montre -------------------------------------------------------------
    def consigne(self) -> str:
        return self.texte_consigne

    def amorce(self) -> str:
        return self.texte_amorce

    @property
    def fermee(self) -> bool:
        """Vrai si la fiche peut dire « juste » (question fermée, vérifiée par empreinte)."""
        return self.verification.get("mode") == "empreinte"

    def __getattr__(self, nom: str) -> Any:
        if nom.startswith("__") or nom in ("structure", "verification"):
            raise AttributeError(nom)
        if nom in CHAMPS_DU_CORRIGE:
            raise CorrigeAbsent(f"« {nom} »")
        structure = self.__dict__.get("structure", {})
        if nom in structure:
            valeur = structure[nom]
            return tuple(valeur) if isinstance(valeur, list) else valeur
        raise AttributeError(f"La question {self.__dict__.get('id', '?')} n'a pas "
                             f"d'attribut « {nom} ».")

    def exemple_de_reponse(self) -> object:
        raise CorrigeAbsent("la réponse modèle")

    # -- vérification formative -------------------------------------------------------------
    @cached_property
    def _lecteur(self) -> Question:
        return lecteur(self.id, self.verification["parametres"])

    def _formatif(self, statut: str, message: str, details: tuple[str, ...] = ()) -> Correction:
        return Correction(self.id, 0.0, 0.0, statut, message, details, formatif=True)

    def _est_vide(self, reponse: object) -> bool:
        if self.verification.get("parametres", {}).get("type") == "code":
            depart = self.verification["parametres"].get("valeur_de_depart")
            return reponse is Ellipsis or reponse == depart or (
                depart is not None and est_vide(reponse))
        return est_vide(reponse)

    def corriger(self, reponse: object) -> Correction:
        """« Juste », « pas encore », « réponse enregistrée » : jamais de points ni de détail
        par élément. Ne lève jamais d'exception."""
        try:
            verifier_taille(reponse)
            if self._est_vide(reponse):
                depart = self.verification.get("parametres", {}).get("message_depart")
                return self._formatif("vide", depart or self._vide().message)
            if self.fermee:
                return self._par_empreinte(reponse)
            return self._par_la_forme(reponse)
        except (ReponseInvalide, ErreurENT) as erreur:
            return self._formatif("invalide", str(erreur))
        except RecursionError:
            return self._formatif("invalide", "La réponse est trop imbriquée : gardez la "
                                              "forme de l'exemple.")
        except Exception:  # une réponse absurde ne doit jamais faire planter la fiche
            return self._formatif("invalide", "Cette réponse n'a pas la forme attendue : "
                                              "relisez la consigne et l'exemple.")

    def _par_empreinte(self, reponse: object) -> Correction:
        parametres = self.verification["parametres"]
        forme = canonique(self._lecteur, parametres, reponse)
        calcul = empreinte(forme, bytes.fromhex(self.verification["sel"]),
                           int(self.verification["iterations"]))
        if calcul in self.verification["empreintes"]:
            return self._formatif("juste", "Bravo : c'est la bonne réponse.")
        aide = (f" Un indice : f.indice(\"{self.id}\")." if self.indices else "")
        return self._formatif("faux", "Pas encore : relisez la consigne et le cours, puis "
                                      "réessayez." + aide)

    def _par_la_forme(self, reponse: object) -> Correction:
        details: list[str] = []
        if self.verification.get("forme") == "tableau":
            lignes = self.structure.get("lignes") or ()
            if est_dataframe(reponse):
                reponse = reponse.to_dict("records")  # type: ignore[attr-defined]
            if not isinstance(reponse, (Mapping, list, tuple, str)):
                raise ReponseInvalide("Écrivez une ligne de texte ou un dictionnaire, comme "
                                      "dans l'exemple de la consigne.")
            if lignes and isinstance(reponse, Mapping) and len(reponse) < len(lignes):
                manque = len(lignes) - len(reponse)
                details.append(f"Il reste {accorder(manque, 'ligne', 'lignes')} à remplir.")
        else:
            texte = _texte(reponse)
            normalise = normaliser(texte)
            mots = normalise.split()
            if self.verification.get("phrase") and not est_une_phrase(normalise):
                details.append("Rédigez une phrase (avec « le », « de », « pour »…) : une "
                               "liste de mots-clés ne suffit pas.")
            minimum = int(self.verification.get("mots_min") or 0)
            if minimum and len(mots) < minimum:
                details.append(f"Votre réponse est très courte "
                               f"({accorder(len(mots), 'mot', 'mots')}) : développez un peu, "
                               "avec un exemple précis.")
            if len(mots) >= 4 and normalise in normaliser(self.enonce):
                details.append("Votre réponse recopie la consigne : répondez avec vos "
                               "propres mots.")
        return self._formatif("manuel", "Réponse enregistrée : votre professeur la "
                                        "corrigera.", tuple(details))


@dataclass(frozen=True)
class BilanPublic:
    """Le bilan de la fiche des élèves : combien de réponses justes, à relire, vides."""

    fiche: str
    corrections: tuple[Correction, ...]
    fermees: tuple[str, ...] = ()       # les questions vérifiables par empreinte

    def _compte(self, *statuts: str) -> int:
        return sum(1 for c in self.corrections if c.statut in statuts)

    def texte(self) -> str:
        fermees = self._compte("juste", "faux", "invalide") + sum(
            1 for c in self.corrections if c.statut == "vide" and c.question in self.fermees)
        lignes = [f"Fiche {self.fiche} : {accorder(self._compte('juste'), 'réponse juste', 'réponses justes')} "
                  f"sur {fermees} vérifiables par la fiche ; "
                  f"{accorder(self._compte('manuel'), 'réponse rédigée', 'réponses rédigées')} "
                  f"pour votre professeur ; {accorder(self._compte('vide'), 'question', 'questions')} "
                  "sans réponse. La note est donnée par votre professeur."]
        lignes += [f"  {c.libelle} — {c.question}" for c in self.corrections]
        return "\n".join(lignes)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        import html

        lignes = "".join(f"<li>{html.escape(l.strip())}</li>" for l in self.texte().splitlines()[1:])
        return {"text/plain": self.texte(),
                "text/html": f'<div class="entsim-bilan" role="status"><p><strong>'
                             f'{html.escape(self.texte().splitlines()[0])}</strong></p>'
                             f"<ul>{lignes}</ul></div>"}

    def __str__(self) -> str:
        return self.texte()


@dataclass(frozen=True)
class FichePublique(Fiche):
    """La fiche des élèves : mêmes questions, mêmes consignes et indices que le corrigé ;
    la vérification dit « juste » ou « pas encore », sans note."""

    def corriger(self, reponses: Mapping[str, object] | None) -> BilanPublic:  # type: ignore[override]
        if not isinstance(reponses, Mapping):
            reponses = {}
        return BilanPublic(self.id, tuple(q.corriger(reponses.get(q.id))
                                          for q in self.questions),
                           tuple(q.id for q in self.questions if getattr(q, "fermee", False)))

    def reponses_modeles(self) -> dict[str, object]:
        raise CorrigeAbsent("les réponses modèles")

    def __getattr__(self, nom: str) -> Any:
        if nom in ("reponses_acceptees", "corrige", "banque"):
            raise CorrigeAbsent(f"« {nom} »")
        raise AttributeError(nom)


def charger(identifiant: str, dossier: Path = DOSSIER_ENONCES) -> FichePublique:
    """La fiche des élèves lue dans ``enonces/<identifiant>.json``."""
    chemin = dossier / f"{identifiant}.json"
    try:
        donnees = json.loads(chemin.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise Introuvable(f"Énoncé de la fiche « {identifiant} » introuvable : lancez "
                          "« python -m entsim.questions generer ».", code="fiche_inconnue") from None
    except ValueError:
        raise ValeurInvalide(f"Énoncé de la fiche « {identifiant} » illisible : lancez "
                             "« python -m entsim.questions generer ».") from None
    questions = tuple(QuestionPublique(
        id=q["id"], titre=q["titre"], enonce=q["enonce"], points=q["points"],
        indices=tuple(q["indices"]), type_de_question=q["type"],
        texte_consigne=q["consigne"], texte_amorce=q["amorce"],
        structure=q.get("structure", {}), verification=q["verification"],
        fiche_id=donnees["id"]) for q in donnees["questions"])
    return FichePublique(donnees["id"], donnees["titre"], questions, donnees.get("version", 1))


def identifiants(dossier: Path = DOSSIER_ENONCES) -> list[str]:
    """Les fiches dont l'énoncé public est livré."""
    return sorted(p.stem for p in dossier.glob("*.json")) if dossier.is_dir() else []
