"""Ce que voit un espion sur le Wi-Fi : le mot de passe en HTTP, des métadonnées en HTTPS."""

from __future__ import annotations

import struct

import pytest

from entsim import ENT, MOTS_DE_PASSE_DEMO
from entsim.demonstrations.capture import IP_SERVEUR, capturer_connexion
from entsim.demonstrations.trames import SURCOUT_TLS
from entsim.socle.erreurs import ValeurInvalide

MDP = MOTS_DE_PASSE_DEMO["eleve"]


@pytest.fixture
def ent() -> ENT:
    return ENT.demo(cout="rapide")


def test_en_http_le_mot_de_passe_passe_en_clair(ent):
    capture = capturer_connexion(ent, "lea.martin", MDP, protocole="http")
    assert capture.contient(MDP) and capture.contient("lea.martin")
    formulaire = next(p for p in capture.paquets if b"password=" in p.octets)
    assert formulaire.lisible and formulaire.protocole == "HTTP"
    assert "password=Cahier%21Vert2026" in formulaire.contenu()
    assert any(MDP in x for x in capture.appris)
    assert any("TGC=TGT-" in x for x in capture.appris)   # le cookie de session aussi


def test_en_https_l_espion_ne_voit_que_des_metadonnees(ent):
    capture = capturer_connexion(ent, "lea.martin", MDP, protocole="https")
    assert not capture.contient(MDP)
    assert not capture.contient("lea.martin")
    assert not capture.contient("password")
    assert not capture.contient("ST-1-")            # ni ticket…
    assert not capture.contient("TGC=")             # … ni cookie
    assert capture.contient("ent.example")          # mais le nom du serveur (DNS, SNI)
    assert all(IP_SERVEUR in p.source or IP_SERVEUR in p.destination
               for p in capture.paquets if p.protocole != "DNS")
    chiffres = [p for p in capture.paquets if not p.lisible]
    assert len(chiffres) >= 9 and all(p.octets[:3] == b"\x17\x03\x03" for p in chiffres)
    for p in chiffres:  # en-tête TLS : la longueur annoncée est celle qui suit
        assert struct.unpack("!H", p.octets[3:5])[0] == len(p.octets) - 5
    assert any("SNI" in p.info for p in capture.paquets)
    assert any("mot de passe" in x for x in capture.cache)


def test_tls_cache_le_contenu_mais_pas_la_taille(ent):
    # deux mots de passe (faux) de longueurs différentes : les formulaires chiffrés ont
    # exactement la même différence de taille (TLS 1.3 sans bourrage : RFC 8446, 5.4)
    courts = capturer_connexion(ent, "lea.martin", "abc", protocole="https")
    longs = capturer_connexion(ent, "lea.martin", "abcdefghij", protocole="https")

    def envoyes(capture):
        return [p.taille for p in capture.paquets
                if p.info == "Données applicatives chiffrées" and p.source.startswith("192.")]

    assert [b - a for a, b in zip(envoyes(courts), envoyes(longs))] == [0, 0, 7]
    assert SURCOUT_TLS == 22


def test_capture_reproductible(ent):
    a = capturer_connexion(ENT.demo(cout="rapide"), "lea.martin", MDP)
    b = capturer_connexion(ENT.demo(cout="rapide"), "lea.martin", MDP)
    assert [p.octets for p in a.paquets] == [p.octets for p in b.paquets]
    assert a.texte() == b.texte()


def test_protocole_inconnu(ent):
    with pytest.raises(ValeurInvalide, match="http"):
        capturer_connexion(ent, "lea.martin", MDP, protocole="ftp")


# -- corrections de la relecture ----------------------------------------------------------

from entsim.demonstrations.capture import GARANTIES_TLS, PROTEGE_PAR_TLS
from entsim.demonstrations.trames import fragments
from entsim.demonstrations.trames import TAILLE_MAX_ENREGISTREMENT


def test_protocole_sans_tenir_compte_des_majuscules(ent):
    capture = capturer_connexion(ent, "lea.martin", MDP, protocole="HTTPS")
    assert capture.protocole == "https" and not capture.contient(MDP)


@pytest.mark.parametrize("ent_donne, identifiant, mot_de_passe, message", [
    ("ent", "a" * 100000, "b", "Identifiant trop long"),
    ("ent", "lea.martin", "b" * 100000, "Mot de passe trop long"),
    (None, "lea.martin", MDP, "ENT.demo()"),
])
def test_entrees_demesurees_ou_absentes(ent, ent_donne, identifiant, mot_de_passe, message):
    with pytest.raises(ValeurInvalide, match=message):
        capturer_connexion(ent if ent_donne == "ent" else None, identifiant, mot_de_passe,
                           protocole="https")


def test_mot_de_passe_le_plus_long_accepte(ent):
    capture = capturer_connexion(ent, "lea.martin", "é" * 1024, protocole="https")
    assert all(p.taille <= TAILLE_MAX_ENREGISTREMENT + 256 for p in capture.paquets)


def test_un_message_long_est_decoupe_en_enregistrements():
    morceaux = fragments(b"x" * 40000)
    assert [len(m) for m in morceaux] == [16384, 16384, 7232]
    assert fragments(b"") == [b""]


def test_l_integrite_n_est_pas_un_secret(ent):
    capture = capturer_connexion(ent, "lea.martin", MDP, protocole="https")
    assert not any("intégrité" in x for x in capture.cache + PROTEGE_PAR_TLS)
    assert any("intégrité" in x for x in capture.garanties)
    assert capture.garanties == GARANTIES_TLS
    assert "Ce que TLS garantit en plus :" in capture.texte()


def test_affichage_resume_d_abord_paquets_replies(ent):
    capture = capturer_connexion(ent, "lea.martin", MDP, protocole="http")
    paquet = capture._repr_mimebundle_()
    texte = paquet["text/plain"]
    assert texte.index("Ce que l'espion apprend") < texte.index("Paquets captés")
    assert "│" not in texte                                  # pas de contenu brut en texte
    assert len(texte.splitlines()) < 30
    html = paquet["text/html"]
    assert html.index("espion apprend") < html.index("<details>")
    assert "<table" in html[html.index("<details>"):]
    assert "│" in str(capture)                              # print(capture) : tout le détail
