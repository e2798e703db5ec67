"""La question ouverte (:class:`QuestionOuverte`) : réponse rédigée (ou petit tableau libre),
notée à la main par le professeur (statut « manuel »), avec des repères de mots-clés montrés
au professeur seulement.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from entsim.questions.ecriture import affiche
from entsim.questions.mots_cles import MotsCles, _groupes
from entsim.questions.normalisation import (est_dataframe, normaliser, ReponseInvalide,
                                            _texte)
from entsim.questions.question import Question
from entsim.questions.retours import Correction
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import accorder


@dataclass(frozen=True, kw_only=True, repr=False)
class QuestionOuverte(Question):
    """Réponse rédigée (ou petit tableau libre), notée à la main par le professeur.

    Statut ``"manuel"`` ; le retour dit à l'élève que le professeur lira sa réponse.
    ``reperes`` : idées (:class:`MotsCles`) que le professeur peut chercher ; elles sont
    signalées dans ``pour_le_professeur``, jamais montrées à l'élève. ``mots_min`` : une
    réponse plus courte reçoit un conseil. ``forme`` : ``"texte"`` ou ``"tableau"``
    (dictionnaire ou liste de lignes). ``cle_valide`` : pour un tableau, une fonction qui
    dit si une ligne est reconnue (par exemple un service du catalogue) ; ``cles_attendues``
    décrit les clés possibles dans le message.
    """

    exemple: object
    reperes: tuple[MotsCles, ...] = ()
    mots_min: int = 0
    forme: str = "texte"
    cle_valide: Callable[[str], bool] | None = None
    cles_attendues: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "reperes", _groupes(self.reperes))
        if self.forme not in ("texte", "tableau"):
            raise ValeurInvalide(f"Question {self.id} : forme « {self.forme} » inconnue.")

    def exemple_de_reponse(self) -> object:
        return self.exemple

    def consigne(self) -> str:
        if self.forme == "tableau":
            return (f"{self.enonce}\n\n*Une ligne suffit : `{self.variable} = \"… : … ; … : "
                    "…\"` (chaque ligne du tableau, puis « ; »), ou un dictionnaire. Cette "
                    "question est notée par votre professeur.*")
        return (f"{self.enonce}\n\n*Écrivez votre réponse entre triples guillemets : "
                f'`{self.variable} = """…"""` (les apostrophes et les retours à la ligne y '
                "sont permis). Cette question est notée par votre professeur.*")

    def _en_texte(self, reponse: object) -> str:
        if self.forme == "tableau" and (isinstance(reponse, (Mapping, list, tuple))
                                        or est_dataframe(reponse)):
            if est_dataframe(reponse):
                reponse = reponse.to_dict("records")  # type: ignore[attr-defined]
            if isinstance(reponse, Mapping):
                paires = list(reponse.items())
            else:
                paires = [(l[0], " ; ".join(map(str, l[1:]))) if isinstance(l, (list, tuple))
                          and l else (l, "") for l in reponse]
            return "\n".join(f"{_texte(k, 'Chaque ligne')} : {_texte(v, 'Chaque case')}"
                             if not isinstance(v, Mapping) else
                             f"{k} : " + " ; ".join(f"{a} = {b}" for a, b in v.items())
                             for k, v in paires)
        if self.forme == "tableau" and not isinstance(reponse, str):
            raise ReponseInvalide("Écrivez un dictionnaire { \"service\" : \"contexte\", … } "
                                   "comme dans l'exemple.")
        return _texte(reponse)

    def _corriger(self, reponse: object) -> Correction:
        texte = self._en_texte(reponse)
        details: list[str] = []
        if self.forme == "tableau" and self.cle_valide is not None and \
                isinstance(reponse, Mapping):
            for cle in reponse:
                if isinstance(cle, str) and not self.cle_valide(cle):
                    details.append(f"« {affiche(cle)} » n'est pas reconnu"
                                   + (f" ({self.cles_attendues})" if self.cles_attendues
                                      else "") + " : vérifiez l'orthographe.")
        nb_mots = len(normaliser(texte).split())
        if self.mots_min and nb_mots < self.mots_min:
            details.append(f"Votre réponse est très courte ({accorder(nb_mots, 'mot', 'mots')}) : développez "
                           "un peu, avec un exemple précis.")
        normalise = normaliser(texte)
        pour_prof = [("présent : " if g.trouvee_dans(normalise) else "absent : ") + g.idee
                     for g in self.reperes]
        return self._correction(0, "manuel", "Réponse enregistrée : votre professeur la lira "
                                             "et la notera.", details, pour_prof)
