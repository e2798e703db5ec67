"""Le serveur ouvert à la classe (vague 4, WEB2) : comptes et fiches, mots de passe publiés,
mandataire, connexions lentes, redirection « / » final.

Chaque test échouait avant le correctif de :mod:`entsim.web` qu'il accompagne.
"""

from __future__ import annotations

import re
import socket
import threading
import time

import pytest
import requests

from entsim import ENT
from entsim.ent import MOTS_DE_PASSE_DEMO
from entsim.etablissement.generation import PERSONAS
from entsim.socle.erreurs import ValeurInvalide
from entsim.web.commande import main
from outils_web import connecter, poster_formulaire, ticket_de


@pytest.fixture(scope="module")
def classe():
    """Un ENT servi à la classe (réseau local), 30 comptes d'élèves."""
    ent = ENT.demo()
    serveur = ent.servir(port=0, reseau_local=True, comptes=30, afficher=False)
    yield ent, serveur, serveur.adresse.rstrip("/")
    ent.arreter()


def _fiches(texte: str) -> list[tuple[str, str, str]]:
    """(adresse, identifiant, mot de passe) de chaque fiche de la page imprimable."""
    valeurs = re.findall(r'<span class="valeur">([^<]*)</span>', texte)
    return [tuple(valeurs[i:i + 3]) for i in range(0, len(valeurs), 3)]


def test_fiches_a_imprimer_une_par_compte_et_chacune_ouvre_une_session(classe):
    ent, serveur, base = classe
    jeton = serveur.contexte.jeton_admin
    assert requests.get(f"{base}/admin/fiches", timeout=10).status_code == 403
    page = requests.get(f"{base}/admin/fiches?jeton={jeton}", timeout=10)
    assert page.status_code == 200 and '<html lang="fr">' in page.text
    assert "<script" not in page.text and "@page { size: A4" in page.text
    assert "Identifiant :" in page.text and "Mot de passe :" in page.text
    fiches = _fiches(page.text)
    assert len(fiches) == 30
    assert len({f[1] for f in fiches}) == 30 and len({f[2] for f in fiches}) == 30
    personnages = {p.identifiant for p in PERSONAS.values()}
    assert not personnages & {f[1] for f in fiches}   # Léa, Hugo… restent à l'enseignant
    assert all(f[0] == serveur.contexte.adresse_classe for f in fiches)
    # la page de l'enseignant mène aux fiches
    admin = requests.get(f"{base}/admin?jeton={jeton}", timeout=10).text
    assert f'href="admin/fiches?jeton={jeton}"' in admin
    # un compte ajouté (la classe de démonstration n'a que 13 élèves) ouvre chaque service
    _adresse, identifiant, mdp = next(f for f in fiches if f[1].startswith("demo.eleve"))
    session = requests.Session()
    redirection = connecter(session, f"{base}/cas/login?service={base}/notes", base,
                            identifiant, mdp)
    assert ticket_de(redirection).startswith("ST-")
    for chemin in ("/notes", "/cahier-de-textes", "/messagerie"):
        assert session.get(base + chemin, timeout=10).status_code == 200
    assert serveur.contexte.erreurs_serveur == 0
    assert ent.etablissement.personne(identifiant).classe == \
        ent.etablissement.personne(PERSONAS["eleve"].identifiant).classe


def test_aucun_mot_de_passe_publie_ne_marche_sur_le_reseau(classe):
    ent, serveur, base = classe
    comptes = serveur.contexte.comptes_demo
    for role, publie in MOTS_DE_PASSE_DEMO.items():
        identifiant = PERSONAS[role].identifiant
        session = requests.Session()
        refus = connecter(session, f"{base}/cas/login?service={base}/notes", base,
                          identifiant, publie)
        assert refus.status_code == 401 and "location" not in refus.headers, role
        assert comptes[identifiant] != publie
    # le nouveau mot de passe de M. Durand, lu sur la page de l'enseignant, marche
    durand = PERSONAS["professeur_principal"].identifiant
    admin = requests.get(f"{base}/admin?jeton={serveur.contexte.jeton_admin}",
                         timeout=10).text
    assert comptes[durand] in admin
    assert ticket_de(connecter(requests.Session(), f"{base}/cas/login?service={base}/notes",
                               base, durand, comptes[durand])).startswith("ST-")


def test_console_dit_ou_sont_les_fiches_et_accepte_comptes(capsys):
    arret = threading.Event()
    codes: list[int] = []
    fil = threading.Thread(target=lambda: codes.append(
        main(["--port", "0", "--reseau-local", "--comptes", "3"], arret=arret)))
    fil.start()
    sortie = ""
    try:
        for _ in range(600):
            sortie += capsys.readouterr().out
            if "fiches" in sortie:
                break
            time.sleep(0.05)
    finally:
        arret.set()
        fil.join(20)
    sortie += capsys.readouterr().out
    assert codes == [0]
    assert "3 comptes d'élèves prêts : fiches à imprimer" in sortie
    assert re.search(r"http://127\.0\.0\.1:\d+/admin/fiches\?jeton=\S{32}", sortie)
    assert "Léa Martin, M. Durand" in sortie


def test_comptes_sans_reseau_local_ou_hors_bornes_refuses():
    ent = ENT.demo()
    with pytest.raises(ValeurInvalide, match="reseau_local=True"):
        ent.servir(port=0, comptes=10, afficher=False)
    with pytest.raises(ValeurInvalide, match="entre 1 et"):
        ent.servir(port=0, reseau_local=True, comptes=0, afficher=False)
    assert getattr(ent, "_serveur_web", None) is None


@pytest.fixture
def serveur():
    ent = ENT.demo()
    yield ent.servir(port=0, afficher=False)
    ent.arreter()


def test_base_de_mandataire_inventee_ne_sert_qu_a_sa_propre_requete(serveur):
    """Un client de la machine elle-même envoyait ``Host: pirate.example`` et
    ``X-Forwarded-Prefix: /proxy/<port du serveur>`` : la base
    ``http://pirate.example/proxy/<port>`` devenait une adresse de retour permise, et le
    navigateur d'un autre y était renvoyé avec un ticket."""
    base = serveur.adresse.rstrip("/")
    pirate = f"http://pirate.example/proxy/{serveur.port}"
    requests.get(f"{base}/", timeout=10, headers={
        "Host": "pirate.example", "X-Forwarded-Prefix": f"/proxy/{serveur.port}"})
    victime = requests.Session()
    connecter(victime, f"{base}/cas/login?service={base}/notes", base)
    reponse = victime.get(f"{base}/cas/login?service={pirate}/notes",
                          allow_redirects=False, timeout=10)
    assert reponse.status_code == 403 and "location" not in reponse.headers


def test_navigateur_derriere_le_mandataire_ouvre_encore_un_service(serveur):
    """La base du mandataire vaut pour chacune de ses requêtes : connexion, ticket, retour
    au service et validation de serveur à serveur marchent encore."""
    base = serveur.adresse.rstrip("/")
    prefixe = f"/user/lea/proxy/{serveur.port}"
    publique = f"https://jupyter.lycee.example{prefixe}"
    session = requests.Session()
    session.headers.update({"Host": "jupyter.lycee.example", "X-Forwarded-Prefix": prefixe,
                            "X-Forwarded-Proto": "https"})
    formulaire = session.get(f"{base}/cas/login?service={publique}/notes", timeout=10)
    assert formulaire.status_code == 200
    redirection = poster_formulaire(session, formulaire.text, base, "lea.martin",
                                    MOTS_DE_PASSE_DEMO["eleve"])
    assert redirection.headers["location"].startswith(f"{publique}/notes?ticket=ST-")
    ticket = ticket_de(redirection)
    retour = session.get(f"{base}/notes?ticket={ticket}", allow_redirects=False, timeout=10)
    assert retour.status_code == 303 and retour.headers["location"] == f"{publique}/notes"
    assert "session_notes" in retour.cookies
    assert publique not in serveur.contexte.adresses.bases


def test_pas_de_redirection_construite_avec_l_en_tete_host(serveur):
    """``/admin/`` répondait 307 vers ``http://<Host reçu>/admin`` (``redirect_slashes`` de
    Starlette) : une adresse avec « / » final est maintenant une adresse inconnue (404)."""
    base = serveur.adresse.rstrip("/")
    for chemin in ("/admin/", "/notes/", "/cas/login/"):
        reponse = requests.get(base + chemin, headers={"Host": "pirate.example"},
                               allow_redirects=False, timeout=10)
        assert reponse.status_code == 404 and "location" not in reponse.headers
        assert "Page introuvable" in reponse.text


def _connexions_muettes(port: int, combien: int) -> list[socket.socket]:
    return [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(combien)]


def test_connexions_muettes_fermees_et_nombre_de_connexions_borne():
    """Une connexion ouverte qui n'envoie pas ses en-têtes restait ouverte indéfiniment, et
    rien ne bornait leur nombre (300 connexions à moitié ouvertes tenaient)."""
    ent = ENT.demo()
    serveur = ent.servir(port=0, afficher=False)
    serveur.arreter()
    from entsim.web.serveur import demarrer
    serveur = demarrer(ent, port=0, connexions_max=4, delai_entetes=0.5)
    try:
        muettes = _connexions_muettes(serveur.port, 4)
        # au-delà de 4 connexions : 503 (limit_concurrency)
        trop = requests.get(serveur.adresse, timeout=10)
        assert trop.status_code == 503
        # après le délai de réception des en-têtes, le serveur a fermé les connexions muettes
        for prise in muettes:
            prise.settimeout(5)
            assert prise.recv(1) == b""
            prise.close()
        assert requests.get(serveur.adresse, timeout=10).status_code == 200
    finally:
        serveur.arreter()
