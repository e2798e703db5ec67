"""L'objet ENT relie tout : même graine → même simulation ; un scénario scripté laisse
dans le journal chaque opération AAS, dans l'ordre."""

from datetime import timedelta

import pytest

from entsim import ENT, MOTS_DE_PASSE_DEMO
from entsim.socle.erreurs import ErreurENT
from entsim.etablissement.generation import PERSONAS

LEA = PERSONAS["eleve"].identifiant
MDP_LEA = MOTS_DE_PASSE_DEMO["eleve"]


@pytest.fixture(scope="module")
def ent_rapide():
    return ENT.demo(cout="rapide")


def scenario(ent: ENT) -> None:
    ent.connexion(LEA, "mauvais-mot-de-passe", poste="Poste du CDI")
    ent.connexion(LEA, MDP_LEA, poste="Poste du CDI")
    ent.ouvrir("cahier_de_textes", poste="Poste du CDI")
    ent.avancer(minutes=5)
    ent.ouvrir("messagerie", poste="Poste du CDI")
    ent.ouvrir("notes", poste="Poste du CDI")
    ent.deconnexion(poste="Poste du CDI")


def test_meme_graine_meme_simulation():
    a, b = ENT.demo(cout="rapide"), ENT.demo(cout="rapide")
    scenario(a)
    scenario(b)
    assert a.journal.tableau().equals(b.journal.tableau())
    assert [t.ticket for t in a.cas.tickets()] == [t.ticket for t in b.cas.tickets()]
    assert a.codes_activation == b.codes_activation


def test_scenario_scripte_journal_complet_et_ordonne():
    ent = ENT.demo(cout="rapide")
    debut = ent.journal.dernier_numero()
    scenario(ent)
    lignes = [(e.operation, e.service or "") for e in ent.journal.depuis(debut)]
    assert lignes == [
        ("connexion_echouee", ""),
        ("connexion_reussie", ""),
        ("tgt_cree", ""),
        ("acces_autorise", "cahier_de_textes"),
        ("ticket_emis", "cahier_de_textes"),
        ("ticket_valide", "cahier_de_textes"),
        ("acces_autorise", "messagerie"),
        ("ticket_emis", "messagerie"),
        ("ticket_valide", "messagerie"),
        ("acces_autorise", "notes"),
        ("ticket_emis", "notes"),
        ("ticket_valide", "notes"),
        ("deconnexion", ""),
        ("deconnexion_propagee", "cahier_de_textes"),
        ("deconnexion_propagee", "messagerie"),
        ("deconnexion_propagee", "notes"),
    ]
    # chaque ligne est datée et reliée à l'identité, sur le poste utilisé
    for e in ent.journal.depuis(debut):
        assert e.identite == LEA and e.poste == "Poste du CDI"
    assert ent.journal.verifier().intact


def test_sso_sans_ressaisie_et_deconnexion_propagee(ent_rapide):
    ent = ent_rapide
    assert ent.connexion(LEA, MDP_LEA, poste="Téléphone").ok
    premier = ent.ouvrir("cahier_de_textes", poste="Téléphone")
    second = ent.ouvrir("messagerie", poste="Téléphone")
    assert premier.ok and second.ok
    # le second service a reçu l'identité par un ticket, sans nouveau mot de passe
    assert second.validation.utilisateur == LEA
    assert second.validation.attributs["profil"] == "Élève"
    fin = ent.deconnexion(poste="Téléphone")
    assert fin.ok
    assert set(fin.services_notifies) == {"cahier_de_textes", "messagerie"}
    for code, ticket in (("cahier_de_textes", premier.ticket), ("messagerie", second.ticket)):
        avis = ent.cas.service(code).avis_recus()[-1]
        assert avis.session_index == ticket and avis.session_fermee
    assert ent.cas.tgt_de(ent.navigateur("Téléphone")) is None


def test_un_parent_ne_voit_pas_les_notes_d_une_autre_famille(ent_rapide):
    from entsim.autorisation.service import Action, Ressource

    karim = PERSONAS["autre_parent"].identifiant
    hugo = PERSONAS["autre_eleve"].identifiant
    sophie = PERSONAS["mere"].identifiant
    assert ent_rapide.autorisation.decider(sophie, Action.LIRE, Ressource.notes_de(LEA)).autorise
    refus = ent_rapide.autorisation.decider(karim, Action.LIRE, Ressource.notes_de(LEA))
    assert not refus.autorise and "enfant" in refus.raison
    assert ent_rapide.autorisation.decider(karim, Action.LIRE, Ressource.notes_de(hugo)).autorise


def test_attributs_propages(ent_rapide):
    sophie = ent_rapide.attributs(PERSONAS["mere"].identifiant)
    assert sophie["profil"] == "Parent" and LEA in sophie["enfants"]
    durand = ent_rapide.attributs(PERSONAS["professeur_principal"].identifiant)
    assert "TSTMG1" in durand["classes"]


def test_aucun_mot_de_passe_en_clair_dans_l_ent_de_demo(ent_rapide):
    assert not ent_rapide.authentification.mots_de_passe_en_clair_stockes()
    empreintes = " ".join(str(v) for v in ent_rapide.authentification.empreintes().values.ravel())
    for mot_de_passe in MOTS_DE_PASSE_DEMO.values():
        assert mot_de_passe not in empreintes


def test_expiration_du_ticket_et_de_la_session(ent_rapide):
    ent = ENT.demo(cout="rapide")
    ent.connexion(LEA, MDP_LEA)
    ent.avancer(heures=2, minutes=1)
    acces = ent.ouvrir("messagerie")
    assert not acces.ok            # plus de 2 h d'inactivité : nouvelle authentification
    assert ent.journal.filtrer(operation="tgt_expire")


def test_erreurs_en_francais():
    with pytest.raises(ErreurENT, match="graine"):
        ENT("abc")
    ent = ENT.demo(cout="rapide")
    with pytest.raises(ErreurENT, match="Service inconnu"):
        ent.ouvrir("messagrie")
    with pytest.raises(ErreurENT):
        ent.deconnexion(poste="Ordinateur inconnu")


def test_grand_lycee():
    ent = ENT(7, 2000, cout="rapide")
    assert len(ent.etablissement.eleves()) == 2000
    assert len(ent.codes_activation) == len(ent.etablissement.personnes)
    assert timedelta(seconds=10) == ent.cas.duree_ticket
