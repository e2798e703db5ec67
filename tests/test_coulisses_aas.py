"""Ce que l'ENT simulé fait en coulisses, montré dans les notebooks 04a et 04b
(entsim.demonstrations.coulisses_aas, entsim.demonstrations.mot_de_passe_invente et le widget
entsim.widgets.mot_de_passe) : tickets réels, empreintes, durée maximale de session,
identifiants opaques du GAR, mot de passe inventé jamais répété."""

from __future__ import annotations

import json
import math

import pytest

from entsim import ENT
from entsim.demonstrations.coulisses_aas import (empreintes_stockees, entropie_ticket,
                                                 identifiants_opaques,
                                                 journee_sans_deconnexion, tickets_reels)
from entsim.demonstrations.mot_de_passe_invente import analyser_mot_de_passe
from entsim.socle.erreurs import ErreurENT
from entsim.sso.tickets import LONGUEUR_ALEA_ST


@pytest.fixture
def ent():
    return ENT.demo()


def test_un_vrai_serveur_tire_des_tickets_differents_a_chaque_fois():
    a, b = (ENT.demo(reproductible=False) for _ in range(2))
    tickets = []
    for e in (a, b):
        e.connexion("lea.martin", "Cahier!Vert2026")
        tickets.append(e.ouvrir("cahier_de_textes").ticket)
    assert tickets[0] != tickets[1]
    # même graine, mode reproductible : la classe entière voit le même ticket
    c, d = ENT.demo(), ENT.demo()
    for e in (c, d):
        e.connexion("lea.martin", "Cahier!Vert2026")
    assert c.ouvrir("cahier_de_textes").ticket == d.ouvrir("cahier_de_textes").ticket


def test_tickets_reels_calcule_l_entropie_et_ne_montre_aucun_ticket_reel():
    texte = tickets_reels().texte()
    bits = LONGUEUR_ALEA_ST * math.log2(62)
    assert f"= {bits:.1f} bits".replace(".", ",") in texte          # 142,9 bits
    assert "les deux tickets sont différents : True" in texte
    assert "Deux ENT de même graine donnent le même : True" in texte
    # deux exécutions : le même texte (nbval compare la sortie du notebook)
    assert tickets_reels().texte() == texte


def test_entropie_ticket_suit_la_longueur_de_la_partie_aleatoire():
    assert entropie_ticket("ST-1-" + "a" * 24) == pytest.approx(24 * math.log2(62))
    assert entropie_ticket("ST-123456-" + "a" * 22) == pytest.approx(22 * math.log2(62))
    with pytest.raises(ErreurENT, match="ticket de service"):
        entropie_ticket("TGT-1-abc")


def test_empreintes_stockees_montre_l_empreinte_jamais_le_mot_de_passe_en_base(ent):
    texte = empreintes_stockees(ent).texte()
    empreinte = ent.authentification.compte("lea.martin").empreinte
    assert empreinte.startswith("$argon2id$") and "Cahier!Vert2026" not in empreinte
    assert empreinte in texte and "« Cahier!Vert2026 »" in texte
    assert "deux empreintes différentes (sel tiré au hasard) : True" in texte
    assert "reconnues à la vérification : True" in texte
    with pytest.raises(ErreurENT, match="pas un compte de démonstration"):
        empreintes_stockees(ent, ("hugo.inconnu",))


def test_une_session_sso_ne_dure_pas_plus_de_huit_heures_meme_utilisee(ent):
    texte = journee_sans_deconnexion(ent).texte()
    assert "durée maximale de session atteinte" in texte
    assert "jusqu'à 16:00 (8 h)" in texte and "À 17:00" in texte
    session = [s for s in ent.cas.sessions_sso(toutes=True) if s.poste == "Téléphone"][-1]
    assert session.motif_fin == "duree_max"
    with pytest.raises(ErreurENT):
        journee_sans_deconnexion(ent, pas_minutes=180)   # plus long que l'inactivité


def test_chaque_editeur_recoit_son_propre_identifiant_opaque(ent):
    resultat = identifiants_opaques(ent)
    texte = resultat.texte()
    assert "Les éditeurs reçoivent des identifiants différents : True" in texte
    recu = ent.service("mediacentre").donnees_recues_par("Éditions Sillage")
    assert recu and all("Martin" not in v and "Léa" not in v for d in recu for v in d.values())
    ido = recu[0]["Identifiant opaque (pseudonyme GAR)"]
    assert ido in texte


MOTS = ["soleil", "Marseille2024!", "Lea2009martin!", "k7#Qm!2vZp9@x",
        "cheval-agrafe-pile-correct-bleu-lune"]


@pytest.mark.parametrize("mot", MOTS)
def test_le_mot_de_passe_invente_n_est_jamais_repete(ent, mot):
    resultat = analyser_mot_de_passe(ent, mot)
    sorties = resultat.texte() + resultat._repr_html_()
    assert mot not in sorties
    # aucun morceau de 5 caractères ou plus du mot de passe (mot courant, prénom…)
    morceaux = {mot[i:i + 5].lower() for i in range(len(mot) - 4)}
    assert not [m for m in morceaux if m in sorties.lower()]


def test_verdicts_du_mot_de_passe_invente(ent):
    faible = analyser_mot_de_passe(ent, "Marseille2024!").texte()
    assert "Politique de l'ENT : refusé" in faible
    assert "un mot de passe courant et une année" in faible
    assert "CNIL, mot de passe seul (80 bits recommandés) : conforme." in faible
    fort = analyser_mot_de_passe(ent, "k7#Qm!2vZp9@x").texte()
    assert "Politique de l'ENT : respectée." in fort and "difficile à deviner" in fort
    with pytest.raises(ErreurENT, match="texte entre guillemets"):
        analyser_mot_de_passe(ent, 1234)


def test_le_widget_vide_le_champ_et_ne_garde_pas_le_mot_de_passe(ent):
    from entsim.widgets.mot_de_passe import EssaiMotDePasse

    essai = EssaiMotDePasse(ent)
    essai.champ.value = "Marseille2024!"
    assert essai.champ.value == ""
    assert "Refusé par la politique de l'ENT" in essai.resume.value
    etat = json.dumps([essai.champ.get_state(), essai.verdict.get_state(),
                       essai.resume.get_state()])
    assert "Marseille2024" not in etat and "Marseille2024" not in str(vars(essai))
    assert "Marseille" not in essai.verdict.value
