from datetime import datetime

import pytest

from entsim.socle.erreurs import ErreurENT
from entsim.socle.horloge import Horloge
from entsim.journal.journal import Journal


@pytest.fixture
def journal():
    h = Horloge(datetime(2026, 9, 7, 8))
    j = Journal(h)
    j.enregistrer("connexion_echouee", identite="lea.martin", poste="CDI", resultat="echec",
                  detail="Mot de passe incorrect")
    h.avancer(30)
    j.enregistrer("connexion_reussie", identite="lea.martin", poste="CDI")
    j.enregistrer("ticket_emis", identite="lea.martin", service="notes", objet="ST-1")
    h.avancer(2)
    j.enregistrer("connexion_reussie", identite="sophie.martin", poste="Maison")
    j.enregistrer("ticket_valide", identite="lea.martin", service="notes", objet="ST-1")
    return j


def test_chaque_operation_est_datee_et_liee_a_une_identite(journal):
    e = journal[1]
    assert e.numero == 2 and e.identite == "lea.martin"
    assert e.instant == datetime(2026, 9, 7, 8, 0, 30)
    assert e.libelle == "Connexion réussie"


def test_chaine_des_operations_d_une_identite_dans_l_ordre(journal):
    chaine = journal.chaine_de("lea.martin")
    assert [e.operation for e in chaine] == ["connexion_echouee", "connexion_reussie",
                                             "ticket_emis", "ticket_valide"]
    assert journal.chaine_de("inconnu") == []


def test_filtres_et_tableau(journal):
    assert len(journal.filtrer(service="notes")) == 2
    assert len(journal.filtrer(resultat="echec")) == 1
    assert len(journal.filtrer(debut=datetime(2026, 9, 7, 8, 0, 31))) == 2
    assert [e.numero for e in journal.filtrer(operation=["ticket_emis", "ticket_valide"])] == [3, 5]
    t = journal.tableau()
    assert list(t.columns) == ["Date", "Opération", "Identité", "Service", "Poste", "Résultat",
                               "Détail", "Objet"]
    assert t.loc[1, "Résultat"] == "Échec"
    with pytest.raises(ErreurENT):
        journal.filtrer(resultat="raté")


def test_journal_intact(journal):
    v = journal.verifier()
    assert v.intact and "intact" in v.message


def test_ligne_modifiee_detectee(journal):
    journal.falsifier(1, resultat="succes", detail="")
    v = journal.verifier()
    assert not v.intact
    assert [(a.numero, a.nature) for a in v.anomalies] == [(1, "modifiee")]


def test_ligne_supprimee_detectee(journal):
    journal.supprimer(2)
    v = journal.verifier()
    assert [(a.numero, a.nature) for a in v.anomalies] == [(3, "supprimee")]
    assert "n° 2" in v.anomalies[0].message
    # la chaîne de l'identité reflète l'état réel du journal
    assert [e.numero for e in journal.chaine_de("lea.martin")] == [1, 3, 5]


def test_ligne_inseree_detectee(journal):
    journal.inserer_apres(3, "acces_autorise", identite="intrus", service="notes")
    v = journal.verifier()
    assert not v.intact
    assert v.anomalies[0].nature == "inseree"


def test_sceau_detecte_une_fin_reecrite(journal):
    sceau = journal.sceau()
    journal.supprimer(5)          # supprimer la dernière ligne ne casse aucun lien…
    assert journal.verifier().intact
    v = journal.verifier(sceau=sceau)   # … mais le sceau conservé le révèle
    assert not v.intact and v.anomalies[0].nature == "sceau"


def test_operation_inconnue_refusee(journal):
    with pytest.raises(ErreurENT, match="inconnue"):
        journal.enregistrer("piratage")


def test_abonnes_recoivent_les_nouvelles_lignes(journal):
    recues = []
    journal.abonner(recues.append)
    journal.enregistrer("deconnexion", identite="lea.martin")
    assert [e.operation for e in recues] == ["deconnexion"]
    assert [e.numero for e in journal.depuis(5)] == [6]


def test_un_abonne_en_panne_ne_bloque_pas_l_aas(journal):
    def en_panne(entree):
        raise RuntimeError("affichage cassé")

    journal.abonner(en_panne)
    journal.enregistrer("deconnexion", identite="lea.martin")      # aucune exception
    assert journal.dernier_numero() == 6 and journal.erreurs_abonnes
    with pytest.raises(ErreurENT):
        journal.abonner(3)


def test_arguments_absurdes(journal):
    with pytest.raises(ErreurENT):
        journal.depuis(None)
    with pytest.raises(ErreurENT):
        journal.tableau([1])
    with pytest.raises(ErreurENT):
        journal.verifier(3)
