"""Exercer ses droits (RGPD, art. 12.3, 15 à 18, 21) sur l'ENT simulé : qui peut demander,
ce qui est accepté ou refusé et pourquoi, délais sur l'horloge simulée, majorité ; et
l'effacement par les crochets des services (tout est oublié, rien d'autre ne l'est)."""

from __future__ import annotations

from datetime import date

import pytest

from entsim import ENT
from entsim.rgpd.demandes import demandes_en_cours, prolonger, registre_des_demandes
from entsim.rgpd.donnees import donnees_de, effacer_donnees_de, services_simules
from entsim.rgpd.droits import exercer, est_limitee, recevoir, traiter
from entsim.services._donnees import ANONYMES, CONTENU_RETIRE
from entsim.socle.erreurs import ValeurInvalide

LEA, MERE, HUGO, PERE_HUGO, PROF = ("lea.martin", "sophie.martin", "hugo.bernard",
                                    "karim.bernard", "nicolas.durand")


def _operations(ent, depuis: int) -> list[str]:
    return [l.operation for l in ent.journal.depuis(depuis)]


@pytest.fixture
def ent():
    return ENT.demo()


def test_acces_par_la_personne_et_par_son_parent(ent):
    n = ent.journal.dernier_numero()
    r = exercer(ent, MERE, "acces", LEA)
    assert r.ok and r.code == "acces_accorde" and r.export is not None
    assert "Léa Martin" in r.message and "art. 15" in r.message
    assert _operations(ent, n) == ["demande_droit_recue", "donnees_exportees",
                                       "demande_droit_traitee"]
    assert exercer(ent, LEA, "acces").ok          # un mineur exerce aussi ses droits (CNIL)


def test_parent_d_un_autre_eleve_refuse_et_trace(ent):
    n = ent.journal.dernier_numero()
    r = exercer(ent, MERE, "acces", HUGO)
    assert not r.ok and r.code == "non_habilite" and r.export is None
    assert "responsable légal" in r.message and "CNIL" in r.message
    lignes = ent.journal.depuis(n)
    assert [l.operation for l in lignes] == ["demande_droit_recue", "demande_droit_refusee"]
    assert lignes[-1].identite == MERE and lignes[-1].resultat == "echec"


def test_majorite_l_eleve_exerce_lui_meme_ses_droits(ent):
    naissance = ent.etablissement.personne(LEA).date_naissance
    assert exercer(ent, MERE, "acces", LEA).ok                  # mineure : la mère peut
    ent.avancer(jours=(date(naissance.year + 18, naissance.month, naissance.day)
                       - ent.horloge.maintenant().date()).days)
    r = exercer(ent, MERE, "acces", LEA)
    assert not r.ok and r.code == "eleve_majeur" and "Code civil, art. 414" in r.message
    assert exercer(ent, MERE, "acces", LEA, accord_de_l_eleve=True).ok
    assert exercer(ent, LEA, "acces").ok
    # majeure, elle peut s'opposer à l'accès de ses parents
    r = exercer(ent, LEA, "opposition", cible="parents")
    assert r.ok and r.code == "opposition_enregistree"


def test_effacement_des_notes_refuse_avec_la_raison(ent):
    avant = ent.service("notes").donnees_de(LEA)
    r = exercer(ent, MERE, "effacement", LEA)
    assert not r.ok and r.code == "effacement_refuse_mission_publique"
    assert "art. 17.3.b" in r.message and "art. 6.1.e" in r.message
    assert "trois mois" in r.message and "CNIL" in r.message
    assert ent.service("notes").donnees_de(LEA) == avant


def test_opposition_refusee_pour_la_scolarite_acceptee_pour_le_forum(ent):
    r = exercer(ent, LEA, "opposition")
    assert not r.ok and r.code == "opposition_refusee_motifs_imperieux"
    assert "motifs légitimes et impérieux" in r.message and "art. 21.1" in r.message
    forum = ent.service("forum")
    sujet = forum.creer_sujet(LEA, "entraide_tstmg1", "Question 9", "Mon texte à retirer")
    r = exercer(ent, LEA, "opposition", service="forum")
    assert r.ok and r.code == "opposition_acceptee" and r.effaces == {"forum": 2}
    assert forum.donnees_de(LEA) == []
    message = next(m for m in forum._messages if m.sujet == sujet.numero)
    assert message.texte == CONTENU_RETIRE and message.auteur in ANONYMES


def test_rectification_appliquee_et_saisie_fausse_sans_trace(ent):
    r = exercer(ent, MERE, "rectification", LEA, champ="date_naissance", valeur="14/05/2009")
    assert r.ok and ent.etablissement.personne(LEA).date_naissance == date(2009, 5, 14)
    assert "14/05/2009" in r.message
    n, demandes = ent.journal.dernier_numero(), len(registre_des_demandes(ent).demandes)
    with pytest.raises(ValeurInvalide, match="champ"):
        exercer(ent, LEA, "rectification", champ="note", valeur=20)
    with pytest.raises(ValeurInvalide, match="futur"):
        exercer(ent, LEA, "rectification", champ="date_naissance", valeur="01/01/2030")
    assert ent.journal.dernier_numero() == n
    assert len(registre_des_demandes(ent).demandes) == demandes


def test_limitation_gele_l_effacement(ent):
    r = exercer(ent, LEA, "limitation", motif="exactitude_contestee")
    assert r.ok and est_limitee(ent, LEA) and "art. 18" in r.message
    r = exercer(ent, LEA, "effacement", service="forum")
    assert not r.ok and r.code == "donnees_limitees"
    exercer(ent, LEA, "rectification", champ="courriel", valeur="lea.m@exemple.example")
    assert not est_limitee(ent, LEA)                # l'exactitude vérifiée lève le gel


def test_delais_retard_et_prolongation(ent):
    d1 = recevoir(ent, LEA, "acces")
    d2 = recevoir(ent, MERE, "acces", LEA)
    assert d1.echeance.date() == date(2026, 10, 7)
    ent.avancer(jours=20)
    d2 = prolonger(ent, d2.numero, "Demande complexe : plusieurs services", par="philippe.lefevre")
    assert d2.echeance.date() == date(2026, 12, 7)
    ent.avancer(jours=15)
    tableau = demandes_en_cours(ent)
    assert list(tableau["En retard"]) == ["oui", "non"]
    with pytest.raises(ValeurInvalide, match="dans le mois"):
        prolonger(ent, d1.numero, "Trop tard", par="philippe.lefevre")
    assert traiter(ent, d1.numero).ok
    assert len(demandes_en_cours(ent)) == 1
    assert demandes_en_cours(ent, toutes=True).loc[1, "En retard"] == "oui"


def test_droit_ou_precision_inconnus(ent):
    with pytest.raises(ValeurInvalide, match="Droit inconnu"):
        exercer(ent, LEA, "portabilite")
    with pytest.raises(ValeurInvalide, match="Précision inconnue"):
        exercer(ent, LEA, "acces", champ="nom")


@pytest.mark.parametrize("motif", ["depart", "effacement"])
def test_effacer_oublie_tout_dans_chaque_service(ent, motif):
    ent.service("messagerie").envoyer(LEA, [PROF], "Exposé", "Texte de Léa")
    ent.service("casier").deposer(LEA, PROF, "Devoir.pdf", 1000)
    hugo_avant = [d.reference for s in services_simules(ent) for d in s.donnees_de(HUGO)]
    bilan = effacer_donnees_de(ent, LEA, motif=motif)
    assert bilan and all(n > 0 for n in bilan.values())
    assert donnees_de(ent, LEA, hors_services=False) == []
    hugo = [d for s in services_simules(ent) for d in s.donnees_de(HUGO)]
    assert [d.reference for d in hugo] == hugo_avant              # rien d'autre n'est effacé
    assert not any("Léa Martin" in str(d.valeur) for d in hugo)   # elle y est « Ancien élève »
    # le message reste dans la boîte de M. Durand, signé « Ancien élève »
    recus = ent.service("messagerie").boite_de_reception(PROF)
    assert any(m.expediteur == "Ancien élève" and m.corps == "Texte de Léa" for m in recus)
    # un nouvel objet ne reprend jamais un numéro encore porté
    numeros = [e.numero for e in ent.service("absences")._evenements.values()]
    ev = ent.service("absences").signaler(PROF, HUGO, "retard", minutes=5)
    assert ev.numero not in numeros


def test_motif_d_effacement_inconnu(ent):
    with pytest.raises(ValeurInvalide, match="Motif d'effacement inconnu"):
        ent.service("notes").effacer_donnees_de(LEA, motif="parce que")


def test_un_mineur_ne_peut_pas_s_opposer_a_l_acces_de_ses_parents(ent):
    r = exercer(ent, LEA, "opposition", cible="parents")
    assert not r.ok and r.code == "eleve_mineur" and "art. 414" in r.message
    assert r.demande.statut == "refusee"
    assert ent.journal.entrees()[-1].operation == "demande_droit_refusee"


def test_messages_accordes_et_elides():
    """« l'adresse électronique » (pas « la adresse »), et pas de « (0) » quand il n'y a rien
    à retirer."""
    from entsim import ENT
    from entsim.rgpd.droits import exercer

    ent = ENT.demo()
    message = exercer(ent, "sophie.martin", "rectification", "lea.martin", champ="courriel",
                      valeur="lea.m@exemple.example").message
    assert "l'adresse électronique de Léa Martin" in message and "la adresse" not in message
    message = exercer(ent, "lea.martin", "opposition", service="forum").message
    assert "(0)" not in message and "rien à retirer" in message
