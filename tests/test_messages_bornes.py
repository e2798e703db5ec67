"""Les messages d'erreur citent la valeur reçue par ``entsim.socle.texte.cite`` (issue 10,
section 2) : au plus 60 caractères puis « … », un caractère invisible montré par son numéro
(« ⟨U+202E⟩ »), un entier démesuré décrit (« un nombre de 5 001 chiffres ») — jamais la
valeur entière ni sa représentation Python (``{valeur!r}`` répète 1 Mo de texte, laisse
passer un forçage droite-à-gauche et lève ValueError au-delà de 4 300 chiffres).

Un cas par sorte de message : autorisation (règles, conditions, ressource, réglages de la
messagerie, usages du catalogue), serveur CAS (services, validation, parcours, échanges,
étapes affichées), correction d'un dossier de rendus, génération des fiches d'exercices.
"""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from entsim import ENT
from entsim.autorisation.habilitations.regles import Regle
from entsim.autorisation.habilitations.conditions import ContexteAcces, Lieu, PlageHoraire
from entsim.autorisation.messagerie import OptionsMessagerie
from entsim.autorisation.usages import UsagesParDefaut, usage_normalise
from entsim.correction.dossier import corriger_dossier
from entsim.etablissement.annuaire import Profil
from entsim.questions.exercices import generer_exercices, lire_notebook, verifier_format
from entsim.socle.erreurs import ErreurENT
from entsim.sso.applications import ServiceApplicatif
from entsim.sso.navigateur import Navigateur
from entsim.sso.parcours import parcours_acces

MEGA = "x" * 1_000_000                  # 1 Mo de texte
RLO = "ab\u202ecd"                      # forçage droite-à-gauche
ENORME = 10 ** 5000                     # au-delà de ce que Python écrit en base 10
SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions"


@pytest.fixture(scope="module")
def ent():
    return ENT.demo(cout="rapide")


def _notebook(meta):
    notebook = lire_notebook(SOLUTIONS / "partie1.ipynb")
    notebook.cells[3].metadata["entsim"] = meta
    return notebook


def _parcours(ent):
    return parcours_acces(ent.cas, Navigateur("Poste du CDI"), "lea.martin", "faux",
                          "notes", "messagerie")


#: Sorte de message → (valeurs hostiles, appel qui doit lever une erreur française).
TEXTE, NOMBRE = (MEGA, RLO), (ENORME,)
CAS = {
    "règle introuvable": (TEXTE, lambda ent, v: ent.autorisation.retirer_regle(v)),
    "ressource": (TEXTE, lambda ent, v: ent.autorisation.evaluer("lea.martin", "lire", v)),
    "qui d'une règle": (NOMBRE, lambda ent, v: Regle(qui=v, actions="lire", service="notes")),
    "condition": (TEXTE, lambda ent, v: Regle("tous", "lire", "notes", conditions=[v])),
    "effet": (TEXTE, lambda ent, v: Regle("tous", "lire", "notes", effet=v)),
    "libellé": (TEXTE, lambda ent, v: Regle("tous", "lire", "notes", libelle=v)),
    "lieu": (TEXTE, lambda ent, v: Lieu(v)),
    "lieu du contexte": (TEXTE, lambda ent, v: ContexteAcces(ent.horloge.maintenant(), v)),
    "heure": (TEXTE, lambda ent, v: PlageHoraire(v, time(8))),
    "jour": (TEXTE, lambda ent, v: PlageHoraire(time(7), time(8), jours=[v])),
    "réglage de messagerie": (TEXTE, lambda ent, v: OptionsMessagerie(
        eleves_peuvent_ecrire_aux_eleves=v)),
    "service inconnu (sans catalogue)": (TEXTE, lambda ent, v: UsagesParDefaut().usage(
        Profil.ELEVE, v)),
    "usage du catalogue": (TEXTE, lambda ent, v: usage_normalise(v)),
    "code d'un service CAS": (TEXTE, lambda ent, v: ServiceApplicatif(v + "-", "Nom",
                                                                      "https://a.example/x")),
    "adresse d'un service CAS": (TEXTE, lambda ent, v: ServiceApplicatif("essai", "Nom", v)),
    "ticket qui n'est pas un texte": (NOMBRE, lambda ent, v: ent.cas.valider(v, "https://x")),
    "étape d'un parcours": (TEXTE, lambda ent, v: _parcours(ent).etape(v)),
    "canal d'un échange": (TEXTE, lambda ent, v: ent.cas.reseau.noter(
        canal=v, emetteur="a", destinataire="b", methode="GET", url="u", statut=200)),
    "dossier des rendus": (TEXTE, lambda ent, v: corriger_dossier(v)),
    "fiche attendue": (TEXTE, lambda ent, v: corriger_dossier(SOLUTIONS, fiches=[v])),
    "rôle d'une cellule": (TEXTE, lambda ent, v: verifier_format(
        _notebook({"question": "q1a", "role": v}), "essai")),
    "question d'une cellule": (TEXTE, lambda ent, v: verifier_format(
        _notebook({"question": v, "role": "enonce"}), "essai")),
    "dossier des solutions": (TEXTE, lambda ent, v: generer_exercices(v, v)),
}


def verifier_citation(message: str, valeur: object, *, borne: int = 60,
                      citee: bool = True) -> None:
    """Borné (``borne`` caractères de la valeur au plus), sans la valeur entière, sans
    caractère invisible brut, sans guillemets de Python autour de la valeur ; ``citee`` : la
    valeur y figure (un forçage droite-à-gauche montré par son numéro)."""
    assert isinstance(message, str) and len(message) < 700, len(message)
    assert "x" * (borne + 1) not in message
    assert "\u202e" not in message
    assert "'x" not in message and "'ab" not in message
    if valeur == RLO and citee:
        assert "⟨U+202E⟩" in message, message
    if valeur is ENORME:
        assert "5\u202f001 chiffres" in message, message


@pytest.mark.parametrize("sorte", sorted(CAS))
def test_un_message_cite_la_valeur_recue_bornee(ent, sorte):
    valeurs, appel = CAS[sorte]
    for valeur in valeurs:
        with pytest.raises(ErreurENT) as erreur:
            appel(ent, valeur)
        verifier_citation(str(erreur.value), valeur)


def test_le_libelle_automatique_d_une_regle_est_borne():
    """Avant : une partie (ou un service) de 1 Mo passait telle quelle dans le libellé de
    la règle, repris dans chaque motif de décision qui la cite."""
    for valeur in TEXTE:
        verifier_citation(Regle("tous", "lire", "notes", partie=valeur).libelle, valeur)


def test_le_parcours_d_acces_borne_l_identifiant_saisi(ent):
    """Avant : l'étape 2 du parcours recopiait l'identifiant saisi en entier."""
    for valeur in TEXTE:
        parcours = parcours_acces(ent.cas, Navigateur("Poste du CDI"), valeur, "faux",
                                  "notes", "messagerie")
        verifier_citation(parcours.etape(2).detail, valeur)


@pytest.mark.parametrize("etape", ["connexion", "accès", "validation"])
def test_les_phrases_du_serveur_cas_sont_bornees(ent, etape):
    """Avant : l'identifiant saisi, l'adresse demandée étaient recopiés en entier dans les
    étapes que la démonstration affiche ; un ticket ou un service avec un forçage
    droite-à-gauche l'était tel quel dans le message (recopie, bornée à 120 caractères pour
    garder lisible une adresse de service)."""
    navigateur = Navigateur("Poste de la salle 12")
    for valeur in TEXTE:
        if etape == "connexion":
            resultat = ent.cas.connexion(navigateur, valeur, "faux")
            phrases = list(resultat.etapes)
        elif etape == "accès":
            resultat = ent.cas.acceder(navigateur, valeur)
            phrases = [*resultat.etapes, resultat.message]
        else:
            resultat = ent.cas.valider(valeur, "https://ent.example/cahier-de-textes")
            phrases = [*resultat.etapes, resultat.message]
        for phrase in phrases:
            verifier_citation(phrase, valeur, borne=120, citee=False)
        verifier_citation(phrases[0] if etape == "connexion" else resultat.message, valeur,
                          borne=120)
