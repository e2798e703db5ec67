"""Le résultat d'une correction : statuts des fichiers rendus, lignes du carnet, carnet.

Des valeurs, sans rien lire ni écrire : :class:`RenduCorrige` (une ligne du carnet : un
fichier rendu, son élève, sa fiche, ses corrections) et :class:`Carnet` (le résultat de la
correction d'un dossier), avec les statuts d'un fichier rendu (:data:`STATUTS_FICHIER`), les
noms des fichiers produits, et les lignes et le résumé du carnet en texte (virgule décimale,
comme dans un tableur réglé en français). Les fichiers eux-mêmes sont écrits par
:mod:`entsim.correction.rapports` et :mod:`entsim.correction.notes`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from entsim.correction.remarques import PROBLEME, REMARQUE, est_probleme, phrase
from entsim.questions.retours import Correction
from entsim.socle.erreurs import Introuvable

__all__ = ["STATUTS_FICHIER", "STATUTS_FICHIER_PLURIEL", "STATUTS_CORRIGES",
           "DOSSIER_SORTIE_DEFAUT", "NOM_CARNET", "NOM_SYNTHESE", "NOM_NOTES_MANUELLES",
           "NOM_RETOURS", "RenduCorrige", "Carnet", "nombre", "colonne_question",
           "points_colonne", "entete_carnet", "lignes_carnet", "resume_court", "resume"]

#: Statut d'un fichier rendu (code stable) → libellé du carnet.
STATUTS_FICHIER: dict[str, str] = {
    "corrige": "corrigé",
    "corrige_partiellement": "corrigé partiellement",
    "autre_fiche": "autre fiche",
    "fiche_inconnue": "fiche inconnue",
    "fiche_non_reconnue": "fiche non reconnue",
    "vide": "vide",
    "illisible": "illisible",
    "pas_un_notebook": "pas un notebook",
    "trop_volumineux": "trop volumineux",
    "erreur_correcteur": "erreur du correcteur",
}
#: Les mêmes libellés au pluriel (résumé de la commande).
STATUTS_FICHIER_PLURIEL: dict[str, str] = {
    "corrige": "corrigés",
    "corrige_partiellement": "corrigés partiellement",
    "autre_fiche": "d'une autre fiche",
    "fiche_inconnue": "d'une fiche inconnue",
    "fiche_non_reconnue": "de fiche non reconnue",
    "vide": "vides",
    "illisible": "illisibles",
    "pas_un_notebook": "qui ne sont pas des notebooks",
    "trop_volumineux": "trop volumineux",
    "erreur_correcteur": "en erreur du correcteur",
}
#: Statuts des fichiers dont les réponses ont été corrigées.
STATUTS_CORRIGES = ("corrige", "corrige_partiellement", "autre_fiche")

#: Nom du dossier de sortie par défaut, créé dans le dossier des rendus.
DOSSIER_SORTIE_DEFAUT = "correction"
NOM_CARNET = "carnet.csv"
NOM_SYNTHESE = "synthese.html"
NOM_NOTES_MANUELLES = "notes_manuelles.csv"
NOM_RETOURS = "retours"


# ---------------------------------------------------------------------------------------
# Valeurs
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RenduCorrige:
    """Une ligne du carnet : un fichier rendu, son élève, sa fiche, ses corrections.

    ``statut`` : code de :data:`STATUTS_FICHIER` ; ``raison`` : en français, pourquoi le
    fichier n'est pas (ou pas entièrement) corrigé, et ce qui a été toléré ; ``total`` et
    ``sur`` : ``None`` si rien n'a été corrigé ; ``a_noter`` : questions ouvertes sans note
    manuelle pour l'instant ; ``compte_dans_la_moyenne`` : faux pour les autres copies
    d'un élève qui a rendu plusieurs fois la même fiche (sa meilleure copie compte seule) ;
    ``remarques`` : ce que dit la raison, remarque par remarque, chacune avec son code
    (problème ou simple remarque : :mod:`entsim.correction.remarques`).
    """

    fichier: str
    eleve: str
    fiche: str | None = None
    titre: str = ""
    statut: str = "corrige"
    raison: str = ""
    corrections: tuple[Correction, ...] = ()
    total: float | None = None
    sur: float | None = None
    a_noter: tuple[str, ...] = ()
    commentaires: tuple[tuple[str, str], ...] = ()
    compte_dans_la_moyenne: bool = True
    remarques: tuple[str, ...] = ()     # des entsim.correction.lecture.Remarque (code, texte)

    @property
    def problemes(self) -> tuple[str, ...]:
        """Les remarques qui sont des problèmes à vérifier."""
        return tuple(r for r in self.remarques if est_probleme(r))

    @property
    def remarques_sans_suite(self) -> tuple[str, ...]:
        """Les remarques sans conséquence (rien à faire)."""
        return tuple(r for r in self.remarques if not est_probleme(r))

    @property
    def categorie(self) -> str:
        """« problème » (fichier non entièrement corrigé, ou problème à vérifier),
        « remarque » (seulement des remarques sans conséquence) ou « » (rien à dire).
        Une raison sans remarque codée compte comme un problème."""
        if self.statut != "corrige" or self.problemes:
            return PROBLEME
        if self.remarques:
            return REMARQUE
        return PROBLEME if self.raison else ""

    @property
    def raison_a_verifier(self) -> str:
        """Ce qu'il faut vérifier, en une phrase : les problèmes seuls (sinon la raison)."""
        return phrase(self.problemes) if self.problemes else self.raison

    @property
    def libelle_statut(self) -> str:
        """Le statut en toutes lettres (« corrigé partiellement »)."""
        return STATUTS_FICHIER.get(self.statut, self.statut)

    @property
    def corrige(self) -> bool:
        """Vrai si les réponses de ce fichier ont été corrigées."""
        return self.statut in STATUTS_CORRIGES

    def correction(self, qid: str) -> Correction | None:
        """La correction de la question ``qid``, ou ``None``."""
        return next((c for c in self.corrections if c.question == qid), None)

    def commentaire(self, qid: str) -> str:
        """Le commentaire du professeur sur ``qid`` (texte vide s'il n'y en a pas)."""
        return dict(self.commentaires).get(qid, "")


@dataclass(frozen=True)
class Carnet:
    """Le résultat de la correction d'un dossier ; les fichiers écrits sont dans
    ``dossier_sortie`` (:attr:`chemin_carnet`, :attr:`chemin_synthese`…).

    ``a_confirmer`` : les notes manuelles nouvelles (absentes de la correction précédente)
    qui changent une note, à confirmer par le professeur. ``isolement`` : le mode qui a
    isolé le code des élèves (``bac-a-sable`` ou ``surveillance``,
    :mod:`entsim.correction.isolement`)."""

    dossier_rendus: Path
    dossier_sortie: Path
    rendus: tuple[RenduCorrige, ...]
    colonnes: tuple[tuple[str, str], ...] = ()
    avertissements: tuple[str, ...] = ()
    fiches_attendues: tuple[str, ...] = ()
    a_confirmer: tuple[str, ...] = ()
    isolement: str = ""

    @property
    def chemin_carnet(self) -> Path:
        return self.dossier_sortie / NOM_CARNET

    @property
    def chemin_synthese(self) -> Path:
        return self.dossier_sortie / NOM_SYNTHESE

    @property
    def chemin_notes_manuelles(self) -> Path:
        return self.dossier_sortie / NOM_NOTES_MANUELLES

    @property
    def dossier_retours(self) -> Path:
        return self.dossier_sortie / NOM_RETOURS

    def rendu(self, fichier: str) -> RenduCorrige:
        """La ligne du fichier ``fichier`` (chemin relatif au dossier des rendus)."""
        for rendu in self.rendus:
            if rendu.fichier == fichier:
                return rendu
        raise Introuvable(f"Aucun fichier rendu « {fichier} » dans ce carnet.")

    def lignes(self) -> list[dict[str, str]]:
        """Les lignes du carnet, comme dans ``carnet.csv`` (textes)."""
        return lignes_carnet(self)

    def tableau(self):
        """Le carnet en tableau pandas (mêmes colonnes que ``carnet.csv``)."""
        import pandas as pd

        return pd.DataFrame(self.lignes())

    def resume(self) -> str:
        """Un résumé en français : combien de fichiers, de chaque statut, où sont les résultats."""
        return resume(self)

    def __str__(self) -> str:
        return self.resume()


# ---------------------------------------------------------------------------------------
# Le carnet en texte
# ---------------------------------------------------------------------------------------

def nombre(valeur: float | None) -> str:
    """« 1,5 », « 2 », « » : un nombre pour le carnet et les pages (virgule décimale)."""
    if valeur is None:
        return ""
    valeur = round(float(valeur), 2)
    if valeur.is_integer():
        return str(int(valeur))
    return f"{valeur:.2f}".rstrip("0").replace(".", ",")


def colonne_question(fiche_id: str, qid: str) -> str:
    """Le titre de colonne d'une question dans le carnet : « partie1 q1a »."""
    return f"{fiche_id} {qid}"


def entete_carnet(carnet: Carnet) -> list[str]:
    """Les colonnes de ``carnet.csv``."""
    return (["fichier", "élève", "fiche"]
            + [colonne_question(f, q) for f, q in carnet.colonnes]
            + ["total", "sur", "à noter à la main", "statut", "raison", "catégorie"])


def points_colonne(correction: Correction | None) -> str:
    """Les points d'une question dans le carnet (case vide tant qu'elle attend sa note manuelle)."""
    if correction is None or correction.statut == "manuel":
        return ""
    return nombre(correction.points)


def lignes_carnet(carnet: Carnet) -> list[dict[str, str]]:
    """Les lignes de ``carnet.csv`` (une par fichier rendu), textes prêts à écrire."""
    lignes = []
    for rendu in carnet.rendus:
        ligne = {"fichier": rendu.fichier, "élève": rendu.eleve, "fiche": rendu.fiche or ""}
        for fiche_id, qid in carnet.colonnes:
            ligne[colonne_question(fiche_id, qid)] = (
                points_colonne(rendu.correction(qid)) if rendu.fiche == fiche_id else "")
        ligne.update({"total": nombre(rendu.total), "sur": nombre(rendu.sur),
                      "à noter à la main": ", ".join(rendu.a_noter),
                      "statut": rendu.libelle_statut, "raison": rendu.raison,
                      "catégorie": rendu.categorie})
        lignes.append(ligne)
    return lignes


def resume(carnet: Carnet) -> str:
    """Le compte rendu de la commande, en français."""
    n = len(carnet.rendus)
    if n == 0:
        return (f"Aucun fichier rendu dans « {carnet.dossier_rendus} ». Résultats (vides) "
                f"dans {carnet.dossier_sortie}.")
    a_noter = sum(len(r.a_noter) for r in carnet.rendus)
    lignes = [resume_court(carnet)]
    if any(not r.corrige for r in carnet.rendus):
        lignes.append("Fichiers non corrigés : voir la colonne « raison » du carnet.")
    a_verifier = sum(1 for r in carnet.rendus if r.categorie == PROBLEME)
    if a_verifier:
        lignes.append(f"À vérifier : {a_verifier} fichier{'s' if a_verifier > 1 else ''} "
                      "(« problème » dans la colonne « catégorie » du carnet).")
    if a_noter:
        lignes.append(f"{a_noter} réponse{'s' if a_noter > 1 else ''} ouverte"
                      f"{'s' if a_noter > 1 else ''} à noter à la main dans "
                      f"{carnet.chemin_notes_manuelles} (colonnes « note » et « commentaire »), "
                      "puis relancez la même commande.")
    if carnet.isolement:
        lignes.append(phrase_isolement(carnet.isolement))
    lignes += [f"Carnet de notes : {carnet.chemin_carnet}",
               f"Synthèse : {carnet.chemin_synthese}",
               f"Retours aux élèves : {carnet.dossier_retours}"]
    for avertissement in carnet.avertissements:
        lignes.append(f"Attention : {avertissement}.")
    if carnet.a_confirmer:
        lignes.append(f"Notes manuelles nouvelles à confirmer (elles changent une note ; "
                      f"vérifiez que vous les avez bien saisies dans {NOM_NOTES_MANUELLES}) :")
        lignes += [f"  - {ligne}" for ligne in carnet.a_confirmer]
    return "\n".join(lignes)


def phrase_isolement(mode: str) -> str:
    """« Code des élèves exécuté en mode … » (la phrase du résumé et de la synthèse)."""
    from entsim.correction.isolement import DESCRIPTIONS

    return f"Code des élèves exécuté en mode {DESCRIPTIONS.get(mode, mode)}."


def resume_court(carnet: Carnet) -> str:
    """Une phrase : nombre de fichiers par statut."""
    n = len(carnet.rendus)
    comptes = [(code, sum(1 for r in carnet.rendus if r.statut == code))
               for code in STATUTS_FICHIER]
    detail = ", ".join(f"{c} {STATUTS_FICHIER_PLURIEL[code] if c > 1 else STATUTS_FICHIER[code]}"
                       for code, c in comptes if c)
    return (f"{n} fichier{'s' if n > 1 else ''} rendu{'s' if n > 1 else ''}"
            + (f" : {detail}." if detail else "."))
