"""Ce que voit un espion sur le Wi-Fi : le mot de passe en HTTP, des métadonnées en HTTPS."""

from __future__ import annotations

import struct

import pytest

from entsim import ENT, MOTS_DE_PASSE_DEMO
from entsim.capture import IP_SERVEUR, SURCOUT_TLS, capturer_connexion
from entsim.erreurs import ValeurInvalide

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
