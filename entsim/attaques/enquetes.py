"""Les exercices de l'enquête dans le journal : une question en français, la réponse
attendue **calculée à partir des incidents plantés** (jamais écrite d'avance) et
``verifier(reponse)``, qui dit en français si la réponse de l'élève (un texte, un nombre ou
le tableau pandas qu'il a obtenu) est juste.

::

    activite = simuler_activite(ENT(2026, 300), "trimestre")
    exercices = enquetes(activite)
    print(exercices["force_brute_compte"].question)
    exercices["force_brute_compte"].verifier(rafales_d_echecs(activite.journal))

Les incidents (:class:`entsim.activite.Incident`) connaissent exactement leurs lignes
(``numeros``) : c'est la référence des réponses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from numbers import Integral

import pandas as pd

from entsim.activite.resultat import Incident
from entsim.autorisation.habilitations.ressources import de
from entsim.etablissement.identifiants import replier
from entsim.journal.operations import OPERATIONS
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import accorder, cite, nature

__all__ = ["Enquete", "Verification", "enquetes", "NATURES_REPONSE"]

#: Ce qu'une réponse peut être : un texte (identité, poste, classe), un nombre de lignes,
#: ou les lignes elles-mêmes.
NATURES_REPONSE = ("identite", "poste", "classe", "nombre", "lignes")
_COLONNE = {"identite": "Identité", "poste": "Poste", "classe": None}
#: Une autre colonne acceptée : celle que nomment les indices (« Postes » d'une rafale).
_AUTRE_COLONNE = {"poste": "Postes"}
_NOM = {"identite": "identité", "poste": "poste", "classe": "classe"}


@dataclass(frozen=True)
class Verification:
    """Le verdict sur une réponse : ``juste``, un code stable (``juste``, ``faux``,
    ``incomplet``, ``format``) et un message en français."""

    juste: bool
    code: str
    message: str

    def __bool__(self) -> bool:
        return self.juste

    def __str__(self) -> str:
        return self.message

    __repr__ = __str__


@dataclass(frozen=True)
class Enquete:
    """Une question d'enquête sur le journal, avec sa réponse attendue.

    :param code: code stable (``force_brute_compte``…).
    :param question: la question posée à l'élève.
    :param attendu: la réponse (un texte, un nombre, ou l'ensemble des « N° » des lignes).
    :param nature: ``identite``, ``poste``, ``classe``, ``nombre`` ou ``lignes``.
    :param indice: une piste (la fonction ou le filtre pandas à essayer).
    :param explication: ce que montre le journal, affiché quand la réponse est juste.
    """

    code: str
    question: str
    attendu: object
    nature: str
    indice: str
    explication: str

    def __post_init__(self) -> None:
        if self.nature not in NATURES_REPONSE:
            raise ValeurInvalide(f"Nature de réponse inconnue : {cite(self.nature)}.")

    def __str__(self) -> str:
        return f"{self.question}\nIndice : {self.indice}"

    def verifier(self, reponse: object) -> Verification:
        """Compare la réponse de l'élève à la réponse calculée sur les incidents."""
        if self.nature == "lignes":
            return self._lignes(reponse)
        if self.nature == "nombre":
            return self._nombre(reponse)
        return self._texte(reponse)

    # -- les trois sortes de réponse -------------------------------------------------------
    def _juste(self, detail: str) -> Verification:
        return Verification(True, "juste", f"Juste : {detail} {self.explication}")

    def _faux(self, detail: str, code: str = "faux") -> Verification:
        return Verification(False, code, f"Pas encore : {detail} Indice : {self.indice}")

    def _texte(self, reponse: object) -> Verification:
        nom = _NOM[self.nature]
        colonne = _COLONNE[self.nature]
        if isinstance(reponse, pd.DataFrame):
            if colonne is not None and colonne not in reponse.columns:
                colonne = _AUTRE_COLONNE.get(self.nature)
            if colonne is None or colonne not in reponse.columns:
                attendue = _COLONNE[self.nature] or nom
                return self._faux(f"votre tableau n'a pas de colonne « {attendue} » ; "
                                  f"écrivez la réponse entre guillemets.", "format")
            reponse = reponse[colonne]
        if isinstance(reponse, pd.Series):
            valeurs = sorted({str(v) for v in reponse.dropna()})
            if not valeurs:
                return self._faux("votre tableau est vide : élargissez le filtre.",
                                  "incomplet")
            if len(valeurs) != 1:
                return self._faux(f"votre tableau contient {accorder(len(valeurs), nom)} "
                                  f"différente{'s' if len(valeurs) > 1 else ''} : filtrez-le "
                                  f"jusqu'à n'en garder qu'une.", "incomplet")
            reponse = valeurs[0]
        if not isinstance(reponse, str):
            return self._faux(f"la réponse est un texte entre guillemets (reçu : "
                              f"{nature(reponse)}).", "format")
        if _replie(reponse) == _replie(str(self.attendu)):
            return self._juste(f"c'est bien {cite(str(self.attendu))}.")
        return self._faux(f"{cite(reponse)} n'est pas la bonne {nom}.")

    def _nombre(self, reponse: object) -> Verification:
        if isinstance(reponse, (pd.DataFrame, pd.Series)):
            reponse = len(reponse)
        if isinstance(reponse, bool) or not isinstance(reponse, Integral):
            return self._faux(f"la réponse est un nombre entier, ou le tableau des lignes "
                              f"(reçu : {nature(reponse)}).", "format")
        reponse = int(reponse)
        if reponse == self.attendu:
            return self._juste(f"{accorder(reponse, 'ligne')}.")
        sens = "c'est trop" if reponse > self.attendu else "ce n'est pas assez"
        return self._faux(f"{reponse}, {sens}.")

    def _lignes(self, reponse: object) -> Verification:
        if not isinstance(reponse, (pd.DataFrame, pd.Series)):
            return self._faux(f"la réponse est le tableau des lignes, filtré dans le journal "
                              f"(reçu : {nature(reponse)}).", "format")
        # après reset_index(), les numéros du journal sont dans la colonne « N° »
        index = reponse["N°"] if isinstance(reponse, pd.DataFrame) and "N°" in reponse.columns \
            else reponse.index
        if not all(isinstance(n, Integral) and not isinstance(n, bool) for n in index):
            return self._faux("les lignes se reconnaissent à leur « N° » du journal (des "
                              "nombres entiers) : filtrez le journal sans changer son index.",
                              "format")
        numeros = {int(n) for n in index}
        attendu = set(self.attendu)
        manque, trop = attendu - numeros, numeros - attendu
        if not manque and not trop:
            return self._juste(f"les {len(attendu)} lignes de l'incident, et elles seules.")
        morceaux = []
        if manque:
            morceaux.append(f"il manque {accorder(len(manque), 'ligne')}")
        if trop:
            morceaux.append(f"{accorder(len(trop), 'ligne')} en trop "
                            f"(par exemple la n° {min(trop)})")
        return self._faux(" et ".join(morceaux) + ".", "incomplet")


def _replie(texte: str) -> str:
    return " ".join(replier(texte).replace("’", "'").split())


def _jour(instant) -> str:
    return f"{instant:%d/%m/%Y}"


def _lundi(instant):
    return instant.date() - timedelta(days=instant.weekday())


# -- les exercices, tirés des incidents ------------------------------------------------------
def enquetes(activite: object) -> dict[str, Enquete]:
    """Les exercices d'enquête d'une activité simulée avec incidents
    (``simuler_activite(ent, "trimestre", incidents=True)``), par code."""
    incidents = getattr(activite, "incidents", None)
    journal = getattr(activite, "journal", None)
    if not isinstance(journal, pd.DataFrame) or not isinstance(incidents, tuple):
        raise ValeurInvalide(f"Il faut une activité simulée : simuler_activite(ent, "
                             f"\"trimestre\", incidents=True) (reçu : {nature(activite)}).",
                             code="activite_attendue")
    par_code: dict[str, Incident] = {i.code: i for i in incidents}
    if not par_code:
        raise ValeurInvalide("Cette activité n'a aucun incident planté : simulez-la avec "
                             "incidents=True.", code="sans_incident")
    resultat: dict[str, Enquete] = {}

    def ajouter(*args) -> None:
        enquete = Enquete(*args)
        resultat[enquete.code] = enquete

    i = par_code.get("force_brute")
    if i is not None:
        jour = _jour(i.debut)
        ajouter("force_brute_compte", "Une nuit, un compte a subi une attaque par force brute "
                "(une rafale d'échecs de connexion). Quel compte ?", i.identite, "identite",
                "rafales_d_echecs(activite.journal) ; la colonne « Identité ».",
                i.description)
        ajouter("force_brute_poste", f"D'où venait l'attaque du {jour} ? Donnez le poste.",
                i.poste, "poste", "rafales_d_echecs(activite.journal) ; la colonne "
                "« Postes ».", "Une adresse du bloc 203.0.113.0/24 : réservée à la "
                "documentation (RFC 5737), elle ne désigne aucun vrai poste.")
        ajouter("force_brute_lignes", f"Combien de lignes le journal garde-t-il de cette "
                f"attaque (de la première tentative à la dernière) ?", len(i.numeros),
                "nombre", f"tout_ce_qu_a_fait(activite.journal, \"{i.identite}\", "
                f"du=…, au=…) avec le début et la fin de la rafale.", i.description)
    i = par_code.get("parent_curieux")
    if i is not None:
        lignes = journal.loc[list(i.numeros)]
        refus = lignes[lignes["Opération"] == OPERATIONS["acces_refuse"]]
        victime = str(refus["Objet"].iloc[0]).rsplit(" (", 1)[0] if len(refus) else ""
        nom = victime.removeprefix("notes de ").removeprefix("notes d'")
        lundi = _lundi(i.debut)
        ajouter("parent_curieux_identite", "Un parent a tenté de lire les notes d'élèves qui "
                "ne sont pas ses enfants. Qui ?", i.identite, "identite",
                "acces_refuses(activite, \"Parent\") ; la colonne « Identité ».",
                i.description)
        ajouter("parent_curieux_refus", "Combien de lignes « Accès refusé » ce parent a-t-il "
                "laissées dans le journal ?", len(refus), "nombre",
                "acces_refuses(activite, \"Parent\"), puis len(…).", i.description)
        if nom:
            ajouter("qui_a_ouvert", f"Qui a tenté d'ouvrir les notes {de(nom)} la semaine du "
                    f"{lundi:%d/%m/%Y} sans en avoir le droit ?", i.identite, "identite",
                    f"qui_a_ouvert(activite.journal, \"{nom}\", du=\"{lundi:%Y-%m-%d}\", "
                    f"au=\"{lundi + timedelta(days=6):%Y-%m-%d}\") ; gardez le résultat "
                    f"« Échec ».", f"Les autres lignes sont légitimes : l'élève, ses "
                    f"parents et ses enseignants. {i.description}")
    i = par_code.get("compte_prete")
    if i is not None:
        ajouter("compte_prete_compte", "Un élève a prêté son compte : la même identité est "
                "connectée sur deux postes en même temps. Quel compte ?", i.identite,
                "identite", "sessions_simultanees(activite.journal).", i.description)
        ajouter("compte_prete_lignes", f"Retrouvez toutes les lignes de ce compte le "
                f"{_jour(i.debut)} (le tableau pandas, pas seulement leur nombre).",
                frozenset(i.numeros), "lignes",
                f"tout_ce_qu_a_fait(activite.journal, \"{i.identite}\", "
                f"du=\"{i.debut:%Y-%m-%d}\", au=\"{i.debut:%Y-%m-%d}\").", i.description)
    i = par_code.get("initie_curieux")
    if i is not None:
        ajouter("initie_curieux_identite", "Un enseignant a cherché à lire les notes d'élèves "
                "d'une classe où il n'enseigne pas. Qui ?", i.identite, "identite",
                "acces_refuses(activite, \"Enseignant\").", i.description)
        ajouter("initie_curieux_classe", "Quelle classe était visée ?",
                i.cible or "", "classe", "les élèves nommés dans la colonne « Objet » : "
                "cherchez leur classe dans l'annuaire (ent.etablissement).", i.description)
    i = par_code.get("session_oubliee_cdi")
    if i is not None:
        ajouter("session_oubliee_compte", "Au CDI, une session laissée ouverte a servi à "
                "quelqu'un d'autre : des services ouverts sans nouvelle « Connexion "
                "réussie ». Quel compte ?", i.identite, "identite",
                "sessions_reprises(activite.journal) : les tickets « émis grâce à la session "
                "SSO » longtemps après la connexion ; tout_ce_qu_a_fait(…) pour vérifier.",
                i.description)
    return resultat
