"""Propriétés de l'intégrité du journal (issue 10, section 4), sur des journaux et des
falsifications tirés au hasard :

- un sceau reste valable quand des lignes légitimes s'ajoutent ;
- toute falsification du début scellé (modifier, supprimer, insérer, échanger, tronquer),
  même suivie d'un recalcul complet de la chaîne SHA-256, est détectée par le sceau ;
- dans une chaîne à clé, toute falsification autre qu'une troncature de la fin est détectée
  sans sceau, et la troncature sous un sceau du notaire l'est par son registre.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entsim.journal.chaine import Journal
from entsim.journal.notaire import Notaire
from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.horloge import Horloge
from proprietes import compter, exemples

pytestmark = pytest.mark.lent

OPERATIONS = ("connexion_reussie", "ticket_emis", "ticket_valide", "acces_autorise",
              "deconnexion")


def _journal(taille: int, *, cle: bool) -> Journal:
    horloge = Horloge(datetime(2026, 9, 7, 8))
    notaire = Notaire(SourceAleatoire(2026).derivee("notaire"), horloge) if cle else None
    journal = Journal(horloge, notaire=notaire)
    _ajouter(journal, taille)
    return journal


def _ajouter(journal: Journal, nombre: int) -> None:
    for _ in range(nombre):
        journal.horloge.avancer(7)
        i = journal.dernier_numero()
        journal.enregistrer(OPERATIONS[i % len(OPERATIONS)], identite=f"eleve{i % 3}",
                            detail=f"ligne {i}")          # deux lignes ne sont jamais identiques


NATURES = ("modifier", "supprimer", "inserer", "echanger", "tronquer")


@st.composite
def falsifications(draw, taille: int, natures: tuple[str, ...] = NATURES):
    """Une falsification des lignes 1 à ``taille`` (``taille`` ≥ 2) : (nature, numéro, autre
    numéro). Une ligne insérée l'est *entre* deux de ces lignes."""
    nature = draw(st.sampled_from(natures))
    numero = draw(st.integers(1, taille - 1 if nature == "inserer" else taille))
    autre = draw(st.integers(1, taille).filter(lambda n: n != numero)) \
        if nature == "echanger" else numero
    return nature, min(numero, autre), max(numero, autre)


def _falsifier(journal: Journal, nature: str, numero: int, autre: int) -> int:
    """Applique la falsification ; renvoie le premier numéro de ligne dont le contenu change."""
    if nature == "modifier":
        journal.falsifier(numero, identite="intrus")
    elif nature == "supprimer":
        journal.supprimer(numero)
    elif nature == "inserer":
        journal.inserer_apres(numero, "acces_autorise", identite="intrus", detail="fausse")
        return numero + 1
    elif nature == "echanger":
        journal.echanger(numero, autre)
    else:   # tronquer : toutes les lignes à partir de ``numero``
        for n in range(journal.dernier_numero(), numero - 1, -1):
            journal.supprimer(n)
    return numero


@settings(max_examples=exemples(150))
@given(taille=st.integers(1, 12), ajouts=st.integers(0, 6), donnees=st.data())
def test_un_sceau_reste_valable_quand_le_journal_grandit(taille, ajouts, donnees):
    journal = _journal(taille, cle=donnees.draw(st.booleans()))
    position = donnees.draw(st.integers(1, taille))
    sceau_ligne = journal.ligne(position)
    sceau = journal.sceau() if position == taille else type(journal.sceau())(
        sceau_ligne.numero, sceau_ligne.empreinte, journal.horloge.maintenant())
    _ajouter(journal, ajouts)
    assert journal.verifier(sceau=sceau).intact
    compter("journal : sceau valable après des ajouts")


@settings(max_examples=exemples(400))
@given(taille=st.integers(2, 12), recalcul=st.booleans(), ajouts=st.integers(0, 3),
       donnees=st.data())
def test_le_sceau_voit_toute_falsification_du_debut_scelle(taille, recalcul, ajouts, donnees):
    journal = _journal(taille, cle=False)
    sceau = journal.sceau()                       # atteste les lignes 1 à taille
    _ajouter(journal, ajouts)
    nature, numero, autre = donnees.draw(falsifications(taille))
    premier_change = _falsifier(journal, nature, numero, autre)
    if recalcul:
        journal.recalculer_chaine()               # l'auteur refait toute la chaîne SHA-256
        assert journal.verifier().intact          # la chaîne seule n'y voit rien
    verification = journal.verifier(sceau=sceau)
    assert premier_change <= sceau.numero
    assert not verification.intact, (nature, numero, autre, recalcul)
    compter("journal : falsification du début scellé détectée")


@settings(max_examples=exemples(300))
@given(taille=st.integers(2, 12), donnees=st.data())
def test_chaine_a_cle_voit_tout_sauf_une_fin_coupee_que_voit_le_notaire(taille, donnees):
    journal = _journal(taille, cle=True)
    notaire = journal.notaire
    notaire.sceller(journal)
    nature, numero, autre = donnees.draw(falsifications(taille, NATURES[:-1]))
    _falsifier(journal, nature, numero, autre)
    journal.recalculer_chaine()                   # sans la clé : SHA-256 au lieu du HMAC
    assert not journal.verifier().intact
    journal2 = _journal(taille, cle=True)
    journal2.notaire.sceller(journal2)
    numero = donnees.draw(st.integers(1, taille))
    _falsifier(journal2, "tronquer", numero, numero)
    assert journal2.verifier().intact             # la clé seule ne voit pas une fin coupée…
    assert not journal2.notaire.verifier(journal2).intact   # … le registre du notaire, si
    compter("journal à clé : falsification recalculée détectée")
    compter("journal à clé : troncature vue par le notaire")


@settings(max_examples=exemples(150))
@given(etapes=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 400), st.booleans()),
                       min_size=1, max_size=8),
       cle=st.booleans())
def test_purges_et_ajouts_laissent_un_journal_qui_se_verifie(etapes, cle):
    """Ajouts, avance de l'horloge, sceaux et purges dans n'importe quel ordre : le journal se
    vérifie toujours, avec tous les sceaux posés en chemin (sans fausse alerte)."""
    journal = _journal(1, cle=cle)
    sceaux = []
    for ajouts, jours, purger in etapes:
        _ajouter(journal, ajouts)
        sceaux.append(journal.notaire.sceller(journal) if cle else journal.sceau())
        journal.horloge.avancer(jours=jours)
        if purger:
            resultat = journal.purger()
            assert resultat.ok
    verification = journal.verifier(sceau=sceaux)
    assert verification.intact, verification.message
    if cle:
        assert journal.notaire.verifier(journal).intact
    compter("journal : purges et sceaux sans fausse alerte")
