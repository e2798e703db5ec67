"""Les schémas de la connexion sont tirés d'exécutions réelles : leurs flèches suivent le
journal et les échanges de l'exécution dont ils sont tirés (entsim.diagrammes.sso)."""

from __future__ import annotations

import re

import pytest

from entsim import ENT
from entsim.demonstrations.sso import DemonstrationSSO
from entsim.diagrammes.sso.cinematique import OPERATIONS_DESSINEES
from entsim.diagrammes.sso import (abreger, abreger_texte, fleches_parcours, messages_sequence,
                                   schema_deconnexion, schema_parcours, schema_sequence,
                                   schema_sso_second_acces, url_courte)
from entsim.socle.erreurs import ValeurInvalide
from entsim.sso.navigateur import CANAL_DIRECT

TICKET = re.compile(r"ST-\d+-[A-Za-z0-9]+…")


@pytest.fixture
def ent() -> ENT:
    return ENT.demo(cout="rapide")


@pytest.fixture
def execution(ent):
    demo = DemonstrationSSO(ent)
    return demo, demo.ouvrir_deux_services()


def test_abreviations_lisibles_et_distinctes():
    assert abreger("ST-1-ze6YCnaZTpJdlpmewrzmlWmX") == "ST-1-ze6Y…"
    assert abreger("TGT-12-u0Cr7Btd2GPhsOGiyzVPZ192zMok74NA") == "TGT-12-u0Cr…"
    assert abreger("court") == "court"
    assert abreger_texte("cookie TGC=TGT-1-u0Cr7Btd2GPhsO posé") == "cookie TGC=TGT-1-u0Cr… posé"
    assert url_courte("https://ent.example/cas/p3/serviceValidate?service=https%3A%2F%2F"
                      "ent.example%2Fnotes&ticket=ST-3-abcdefghijkl") == \
        "/cas/p3/serviceValidate?service=/notes&ticket=ST-3-abcd…"


def test_les_fleches_du_parcours_suivent_le_journal_dans_l_ordre(execution):
    _demo, resultat = execution
    schema = schema_parcours(resultat.parcours)
    lignes = [x for x in resultat.entrees if x.operation in OPERATIONS_DESSINEES]
    # chaque ligne du journal dessinée est une flèche, dans le même ordre
    dessinees = [f.entree for _n, f in fleches_parcours(resultat.parcours) if f.entree]
    assert dessinees == lignes
    # les tickets émis puis validés apparaissent dans les étiquettes, dans le même ordre
    tickets_journal = [abreger(x.objet) for x in resultat.entrees
                       if x.operation in ("ticket_emis", "ticket_valide")]
    tickets_schema = [t for a in schema.aretes() for t in TICKET.findall(a.etiquette)]
    assert tickets_schema == tickets_journal and len(tickets_journal) == 4
    # les étapes se suivent, de 1 à 8, chaque flèche commençant par son numéro d'étape
    numeros = [int(a.etiquette.split(".")[0]) for a in schema.aretes()]
    assert numeros == sorted(numeros) and set(numeros) == set(range(1, 9))


def test_le_cookie_tgc_du_schema_est_celui_de_la_session(execution):
    demo, resultat = execution
    tgt = demo.ent.cas.tgt_de(demo.navigateur).tgt
    textes = " ".join(a.etiquette for a in schema_parcours(resultat.parcours).aretes())
    assert f"TGC={abreger(tgt)}" in textes
    assert "aucun mot de passe demandé" in textes   # étape 7 : le SSO


def test_l_etape_courante_est_mise_en_evidence(execution):
    _demo, resultat = execution
    schema = schema_parcours(resultat.parcours, 4)
    marquees = [a.etiquette for a in schema.aretes() if a.etiquette.startswith("▶")]
    assert marquees and all(e.startswith("▶ 4.") for e in marquees)
    assert schema.titre.endswith("étape 4 sur 8")
    # la disposition (les nœuds) ne change pas d'une étape à l'autre
    assert schema.noeuds().keys() == schema_parcours(resultat.parcours, 7).noeuds().keys()
    with pytest.raises(ValeurInvalide, match="de 1 à 8"):
        schema_parcours(resultat.parcours, 9)


def test_diagramme_de_sequence_fidele_aux_echanges(ent, execution):
    _demo, resultat = execution
    echanges = ent.cas.reseau.echanges()
    schema = schema_sequence(echanges)
    aretes, noeuds = schema.aretes(), schema.noeuds()
    messages = messages_sequence(echanges)
    assert len(aretes) == 2 * len(echanges) == len(messages)
    for arete, message in zip(aretes, messages):
        assert noeuds[arete.source] == message.emetteur
        assert noeuds[arete.cible] == message.destinataire
        assert arete.etiquette.startswith(f"{message.numero}. ")
    # chaque requête précède sa réponse ; la validation du ticket est imbriquée entre
    # l'arrivée du navigateur avec ?ticket= et la réponse du service
    for e in echanges:
        requete = next(m.numero for m in messages if m.echange is e and not m.reponse)
        reponse = next(m.numero for m in messages if m.echange is e and m.reponse)
        assert requete < reponse
    validation = next(e for e in echanges if e.canal == CANAL_DIRECT)
    retour = next(e for e in echanges if "?ticket=" in e.url and e.emetteur == "Poste du CDI")
    numero = {(id(m.echange), m.reponse): m.numero for m in messages}
    assert numero[(id(retour), False)] < numero[(id(validation), False)] \
        < numero[(id(validation), True)] < numero[(id(retour), True)]
    # les tickets des adresses figurent dans les étiquettes, dans l'ordre des échanges
    tickets_echanges = list(dict.fromkeys(
        abreger(t) for e in echanges for t in re.findall(r"ST-\d+-[A-Za-z0-9]+",
                                                         f"{e.location or ''} {e.url}")))
    tickets_schema = list(dict.fromkeys(t for a in aretes for t in TICKET.findall(a.etiquette)))
    assert tickets_schema == tickets_echanges


def test_second_acces_sans_mot_de_passe(execution):
    _demo, resultat = execution
    schema = schema_sso_second_acces(resultat.parcours)
    texte = schema.description()
    assert "cookie TGC=" in texte and "identifiant et mot de passe" not in texte
    assert "« Messagerie »" in schema.titre


def test_la_deconnexion_atteint_chaque_service(ent, execution):
    demo, _resultat = execution
    depuis = ent.journal.dernier_numero()
    resultat = ent.cas.deconnexion(demo.navigateur)
    schema = schema_deconnexion(resultat)
    noeuds = schema.noeuds()
    propagees = [x for x in ent.journal.depuis(depuis) if x.operation == "deconnexion_propagee"]
    eventail = [a for a in schema.aretes() if noeuds[a.source] == "Serveur CAS"]
    assert len(eventail) == len(propagees) == 2
    for arete, ligne in zip(eventail, propagees):
        assert noeuds[arete.cible] == ent.cas.service(ligne.service).nom
        assert f"SessionIndex = {abreger(ligne.objet)}" in arete.etiquette
    assert "cookie TGC effacé" in schema.aretes()[0].etiquette


def test_les_schemas_se_dessinent_sans_graphviz_installe(execution):
    _demo, resultat = execution
    svg = schema_parcours(resultat.parcours, 2).svg(moteur="wasm")
    assert svg.lstrip().startswith("<?xml") or "<svg" in svg
    assert 'role="img"' in svg and "Étape 2" in svg
    html = schema_sequence(resultat.parcours)._repr_html_()
    assert '<img src="data:image/svg+xml;base64,' in html and "<svg" not in html
    assert "Description textuelle du schéma" in html


def test_entrees_invalides(execution):
    with pytest.raises(ValeurInvalide):
        schema_parcours("parcours")
    with pytest.raises(ValeurInvalide):
        schema_sequence([1, 2])
    with pytest.raises(ValeurInvalide):
        schema_sequence([])
    with pytest.raises(ValeurInvalide):
        schema_deconnexion(None)


def test_titres_accordes(execution):
    demo, resultat = execution
    sequence = schema_sequence(resultat.parcours)
    assert sequence.titre == ("Diagramme de séquence : 9 échanges, soit 18 flèches "
                              "(9 requêtes et 9 réponses) — Poste du CDI")
    assert len(sequence.aretes()) == 18
    fin = demo.se_deconnecter()
    assert schema_deconnexion(fin.deconnexion).titre == (
        "Déconnexion unique de lea.martin : 2 services prévenus")
