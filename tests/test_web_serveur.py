"""Démarrer et arrêter le serveur web de l'ENT : ``ent.servir()`` / ``ent.arreter()``, port
occupé, option « réseau local » (avertissement, comptes de démonstration, jeton
d'administration), commande ``entsim-serveur``."""

from __future__ import annotations

import socket
import threading

import pytest
import requests

from entsim import ENT
from entsim.web.commande import main
from entsim.web.serveur import AVERTISSEMENT_RESEAU, ServeurIndisponible

from outils_web import MDP_LEA, connecter, demarrer, poster_formulaire, ticket_de


def test_servir_affiche_l_adresse_et_arreter_libere_le_port(capsys):
    ent = ENT.demo()
    serveur = ent.servir(port=0)
    sortie = capsys.readouterr().out
    assert f"Serveur de l'ENT démarré : http://127.0.0.1:{serveur.port}/" in sortie
    assert "ent.arreter()" in sortie
    assert requests.get(serveur.adresse, timeout=10).status_code == 200
    ent.arreter()
    assert not serveur.actif and "arrêté" in repr(serveur)
    with pytest.raises(requests.ConnectionError):
        requests.get(serveur.adresse, timeout=5)
    ent.arreter()  # deux fois : sans effet


def test_le_serveur_partage_l_horloge_et_le_journal_de_l_ent():
    ent, serveur, base = demarrer()
    try:
        avant = len(ent.journal)
        ticket = ticket_de(connecter(requests.Session(),
                                     f"{base}/cas/login?service={base}/notes", base))
        operations = [l.operation for l in ent.journal.entrees()[avant:]]
        assert "tgt_cree" in operations and "ticket_emis" in operations
        assert any(t.ticket == ticket for t in ent.cas.tickets())
        # la même session SSO, vue depuis la cellule
        assert [s.identifiant for s in ent.cas.sessions_sso()] == ["lea.martin"]
    finally:
        ent.arreter()


def test_port_occupe_donne_une_erreur_francaise():
    with socket.socket() as occupe:
        occupe.bind(("127.0.0.1", 0))
        occupe.listen()
        port = occupe.getsockname()[1]
        with pytest.raises(ServeurIndisponible, match="déjà utilisé"):
            ENT.demo().servir(port=port)


@pytest.mark.parametrize("port", [-1, 70000, "8765", True])
def test_port_invalide(port):
    with pytest.raises(Exception, match="port"):
        ENT.demo().servir(port=port)


def test_reseau_local_avertit_cree_les_comptes_et_protege_la_page_enseignant(capsys):
    ent = ENT.demo()
    serveur = ent.servir(port=0, reseau_local=True)
    try:
        sortie = capsys.readouterr().out
        assert AVERTISSEMENT_RESEAU in sortie
        comptes = serveur.contexte.comptes_demo
        # chaque élève (35 : la classe de démonstration est complétée) et chaque personnage
        # du récit (son mot de passe publié ne marche plus)
        assert {e.identifiant for e in ent.etablissement.eleves()} <= set(comptes)
        assert len(serveur.contexte.fiches) == 35
        assert len(set(comptes.values())) == len(comptes)  # un mot de passe par compte
        jeton = serveur.contexte.jeton_admin
        assert jeton in sortie and len(jeton) >= 32
        base = serveur.adresse.rstrip("/")
        assert requests.get(base + "/admin", timeout=10).status_code == 403
        assert requests.get(base + "/admin?jeton=faux", timeout=10).status_code == 403
        page = requests.get(f"{base}/admin?jeton={jeton}", timeout=10)
        identifiant, mdp = sorted(comptes.items())[0]
        assert page.status_code == 200 and mdp in page.text
        # chaque élève se connecte avec son compte de démonstration
        assert ticket_de(connecter(requests.Session(),
                                   f"{base}/cas/login?service={base}/notes", base,
                                   identifiant, mdp)).startswith("ST-")
        # un autre ENT, une autre séance : un autre jeton
        autre = ENT.demo()
        assert autre.servir(port=0, afficher=False).contexte.jeton_admin != jeton
        autre.arreter()
    finally:
        ent.arreter()


def test_commande_entsim_serveur(capsys):
    arret = threading.Event()
    fil = threading.Thread(target=lambda: main(["--port", "0"], arret=arret))
    fil.start()
    lu = ""
    try:
        for _ in range(400):
            lu += capsys.readouterr().out
            if "démarré" in lu:
                break
            arret.wait(0.05)
        adresse = lu.split("démarré : ")[1].split()[0]
        assert requests.get(adresse + "cas/login", timeout=10).status_code == 200
    finally:
        arret.set()
        fil.join(20)
    assert not fil.is_alive()
    assert "Serveur arrêté." in lu + capsys.readouterr().out


def test_import_entsim_ne_charge_pas_le_serveur_web():
    import subprocess
    import sys

    fini = subprocess.run([sys.executable, "-W", "error", "-c",
                           "import sys, entsim; print(sorted(m for m in ('starlette', "
                           "'uvicorn', 'entsim.web') if m in sys.modules))"],
                          capture_output=True, text=True, timeout=120)
    assert fini.returncode == 0, fini.stderr
    assert fini.stdout.strip() == "[]"


def test_la_deconnexion_unique_est_journalisee_session_fermee():
    """Le journal de l'ENT dit que la session du service web a été fermée (et non « aucune
    session ouverte ») : le service web note sa session dans la simulation."""
    ent, _serveur, base = demarrer()
    try:
        session = requests.Session()
        retour = connecter(session, f"{base}/cas/login?service={base}/notes", base)
        ticket = ticket_de(retour)
        session.get(retour.headers["location"], timeout=10)
        avant = len(ent.journal)
        session.get(base + "/cas/logout", timeout=10)
        propagees = [l for l in ent.journal.entrees()[avant:]
                     if l.operation == "deconnexion_propagee"]
        assert len(propagees) == 1 and propagees[0].service == "notes"
        assert f"session de lea.martin ouverte par le ticket {ticket} fermée" \
            in propagees[0].detail
    finally:
        ent.arreter()


def test_service_avec_gateway_et_renew():
    """``/notes?gateway=true`` sans session SSO : retour au service sans ticket, page
    publique, sans formulaire (section 2.1.1) ; ``/notes?renew=true`` avec une session :
    le mot de passe est redemandé, et le ticket obtenu est validé avec ``renew``."""
    ent, _serveur, base = demarrer()
    try:
        session = requests.Session()
        page = session.get(base + "/notes?gateway=true", timeout=10)
        assert page.status_code == 200 and "Vous n'êtes pas connecté(e)" in page.text
        assert [r.status_code for r in page.history] == [302, 302]
        assert 'name="password"' not in page.text
        connecter(session, f"{base}/cas/login?service={base}/agenda", base)
        formulaire = session.get(base + "/notes?renew=true", timeout=10)
        assert 'name="password"' in formulaire.text and 'name="renew"' in formulaire.text
        retour = poster_formulaire(session, formulaire.text, base, "lea.martin", MDP_LEA)
        fin = session.get(retour.headers["location"], timeout=10)
        assert fin.status_code == 200 and "Bonjour Léa Martin" in fin.text
        validations = [l for l in ent.journal.entrees() if l.operation == "ticket_valide"]
        assert validations[-1].service == "notes"
    finally:
        ent.arreter()


def test_session_sso_expiree_ferme_aussi_la_session_du_service_web():
    """Une session SSO qui expire (2 h sans utilisation) est fermée par le serveur CAS sans
    requête HTTP vers les services : la page du service le voit quand même et redemande
    l'identification (SDET : nouvelle authentification après une période d'inactivité)."""
    ent, _serveur, base = demarrer()
    try:
        session = requests.Session()
        retour = connecter(session, f"{base}/cas/login?service={base}/notes", base)
        session.get(retour.headers["location"], timeout=10)
        assert "Bonjour" in session.get(base + "/notes", timeout=10).text
        ent.avancer(heures=2, minutes=1)
        apres = session.get(base + "/notes", allow_redirects=False, timeout=10)
        assert apres.status_code == 302 and "/cas/login?service=" in apres.headers["location"]
    finally:
        ent.arreter()
