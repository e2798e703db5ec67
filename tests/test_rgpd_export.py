"""« Mes données » (RGPD, art. 15) : l'export d'un élève contient tout ce que la simulation
détient sur lui, et rien sur les autres — comparé à un inventaire INDÉPENDANT qui fouille les
données internes de chaque service simulé (sans passer par les crochets ``donnees_de``)."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import zipfile
from enum import Enum

import pytest

from entsim import ENT
from entsim.ent import MOTS_DE_PASSE_DEMO
from entsim.rgpd.donnees import services_simules
from entsim.rgpd.export import exporter_mes_donnees
from entsim.services import classe_du_service
from entsim.services._base import ServiceDeBase

LEA, HUGO, INES, PROF = "lea.martin", "hugo.bernard", "ines.haddad", "nicolas.durand"

#: Où un service range chaque sorte d'objet (la référence « service:sorte:numéro » de
#: l'export → l'attribut interne que fouille l'inventaire).
RANGEMENTS = {
    "messagerie": {"message": {"_messages"}}, "notes": {"note": {"_notes"},
                                                                "evaluation": {"_evaluations"}},
    "absences": {"evenement": {"_evenements"}},
    "forum": {"sujet": {"_sujets"}, "message": {"_messages"}, "categorie": {"_categories"}},
    "blog": {"billet": {"_billets"}, "commentaire": {"_commentaires"}, "blog": {"_blogs"}},
    "casier": {"depot": {"_depots"}}, "espace_documentaire": {"element": {"_elements"}},
    "orientation": {"entree": {"_entrees"}}, "agenda": {"evenement": {"_evenements"}},
    "actualites": {"article": {"_articles"}}, "cahier_de_textes": {"seance": {"_seances"}},
    "emploi_du_temps": {"creneau": {"_creneaux"}}, "mediacentre": {"gar": {"_recu"}},
    "cdi": {},
}


def _mentionne(objet, cles: tuple[str, ...], profondeur: int = 0) -> bool:
    """L'objet (ou ce qu'il contient) porte-t-il l'identifiant ou le nom complet ?"""
    if profondeur > 6 or objet is None or isinstance(objet, (bool, int, float, Enum)):
        return False
    if isinstance(objet, str):
        return any(c in objet for c in cles)
    if dataclasses.is_dataclass(objet):
        return any(_mentionne(getattr(objet, f.name), cles, profondeur + 1)
                   for f in dataclasses.fields(objet))
    if isinstance(objet, dict):
        return any(_mentionne(k, cles, profondeur + 1) or _mentionne(v, cles, profondeur + 1)
                   for k, v in objet.items())
    if isinstance(objet, (list, tuple, set, frozenset)):
        return any(_mentionne(x, cles, profondeur + 1) for x in objet)
    return False


def _numero(cle, valeur) -> str:
    if hasattr(valeur, "numero"):
        return str(valeur.numero)
    if isinstance(valeur, tuple) and len(valeur) == 2:        # _lus : (identifiant, numéro)
        return str(valeur[1])
    if isinstance(cle, tuple):                                # _notes : (élève, évaluation)
        return str(cle[1])
    return str(cle)


def inventaire(service, cles: tuple[str, ...]) -> set[tuple[str, str]]:
    """(attribut, numéro) de chaque objet rangé dans le service qui mentionne la personne."""
    trouves = set()
    for nom, valeur in vars(service).items():
        if not nom.startswith("_") or nom in ("_hasard", "_cle_gar"):
            continue
        if isinstance(valeur, dict):
            paires = list(valeur.items())
        elif isinstance(valeur, (list, set)):
            paires = [(None, x) for x in valeur]
        else:
            continue
        for cle, objet in paires:
            if _mentionne(cle, cles) or _mentionne(objet, cles):
                trouves.add((nom, _numero(cle, objet)))
    return trouves


def references(export, service: str) -> set[tuple[str, str]]:
    """(attribut, numéro) que désignent les données de l'export pour ce service."""
    refs = set()
    for d in export.donnees:
        if d.service != service:
            continue
        _, sorte, numero, *_ = d.reference.split(":")
        if (service, d.categorie) == ("messagerie", "donnees_connexion"):
            refs.add(("_lus", numero))                # l'accusé de lecture
            continue
        for attribut in RANGEMENTS[service][sorte]:
            refs.add((attribut, numero))
    return refs


def pseudonyme(mediacentre, identifiant: str, editeur: str) -> str:
    """L'identifiant opaque recalculé comme le GAR (HMAC-SHA256 de sa clé)."""
    message = f"{identifiant}|{editeur}".encode()
    return hmac.new(mediacentre._cle_gar, message, hashlib.sha256).hexdigest()[:20]


@pytest.fixture(scope="module")
def ent_actif():
    """ENT.demo() après une semaine d'activité entre plusieurs élèves."""
    ent = ENT.demo()
    m = ent.service("messagerie")
    envoi = m.envoyer(LEA, [PROF], "Exposé", "On se retrouve au CDI pour l'exposé ?")
    m.lire(PROF, envoi.numero)
    reponse = m.repondre(PROF, envoi.numero, "D'accord, à 13 h.")
    m.lire(LEA, reponse.numero)
    m.envoyer(INES, [PROF], "Sport", "Tu as ta tenue pour jeudi ?")
    notes = ent.service("notes")
    discipline = notes.disciplines_enseignees(PROF, "TSTMG1")[0]
    ev = notes.creer_evaluation(PROF, "TSTMG1", discipline, "Interrogation sur le SSO")
    for eleve, note in ((LEA, 15), (HUGO, 9.5), (INES, "Abs")):
        notes.saisir_note(PROF, eleve, ev.numero, note)
    ent.service("absences").signaler(PROF, HUGO, "retard", minutes=10)
    forum = ent.service("forum")
    sujet = forum.creer_sujet(HUGO, "entraide_tstmg1", "Question 14", "Le TGT, c'est quoi ?")
    forum.repondre(LEA, sujet.numero, "Le ticket de la session SSO.")
    ent.service("casier").deposer(LEA, PROF, "Devoir_SIG_Lea.pdf", 120_000)
    docs = ent.service("espace_documentaire")
    fiche = docs.deposer(LEA, "Fiche_revision.odt", 20_000)
    docs.partager(LEA, fiche.numero, PROF, "lire")
    ent.service("orientation").ajouter(INES, INES, "Stage", "Immersion chez un expert-comptable")
    ent.connexion(LEA, MOTS_DE_PASSE_DEMO["eleve"])
    assert ent.service("mediacentre").ouvrir(LEA, "dico-fr").ok
    return ent


def test_chaque_service_simule_a_ses_crochets():
    ent = ENT.demo()
    codes = [s.code for s in ent.catalogue if classe_du_service(s.code) is not None]
    assert sorted(codes) == sorted(RANGEMENTS)
    for service in services_simules(ent):
        assert type(service).donnees_de is not ServiceDeBase.donnees_de, service.code
        assert type(service).effacer_donnees_de is not ServiceDeBase.effacer_donnees_de


@pytest.mark.parametrize("eleve", [LEA, HUGO, INES])
def test_l_export_contient_tout_et_rien_d_autre(ent_actif, eleve):
    ent = ent_actif
    personne = ent.etablissement.personne(eleve)
    export = exporter_mes_donnees(ent, eleve)
    for service in services_simules(ent):
        cles = (eleve, personne.nom_complet)
        if service.code == "mediacentre":     # le GAR ne transmet qu'un pseudonyme
            cles += tuple(pseudonyme(service, eleve, editeur) for editeur in service._recu)
        attendu = inventaire(service, cles)
        obtenu = references(export, service.code)
        assert attendu - obtenu == set(), f"{service.code} : données oubliées"
        assert obtenu - attendu == set(), f"{service.code} : données d'autres personnes"
    # chaque donnée concerne l'élève ; le journal : ses lignes, toutes ses lignes
    assert {d.concerne for d in export.donnees} == {eleve}
    lignes = {f"journal:{l.numero}" for l in ent.journal.chaine_de(eleve)}
    assert {d.reference for d in export.donnees if d.service == "journal"} == lignes


def test_jamais_les_notes_absences_fichiers_ou_messages_des_autres(ent_actif):
    export = exporter_mes_donnees(ent_actif, LEA)
    texte = "\n".join(" | ".join(l) for l in export.lignes())
    assert "9,5" not in texte                          # la note de Hugo
    assert "Tu as ta tenue" not in texte               # un message entre Inès et M. Durand
    assert "expert-comptable" not in texte             # le Folios d'Inès
    assert "Exercice_rentree_" not in texte            # les devoirs des autres
    assert all(d.concerne == LEA for d in export.donnees)
    # ce que Léa a reçu et envoyé y est, ses notes et son dépôt aussi
    assert "D'accord, à 13 h." in texte and "On se retrouve au CDI" in texte
    assert "Devoir_SIG_Lea.pdf" in texte
    assert any(d.libelle.startswith("Note — Interrogation sur le SSO") and d.valeur == "15"
               for d in export.donnees)
    assert any(d.categorie == "identifiant_opaque" for d in export.donnees)


def test_le_mot_de_passe_n_est_jamais_communique(ent_actif):
    export = exporter_mes_donnees(ent_actif, LEA)
    texte = "\n".join(" | ".join(l) for l in export.lignes())
    compte = ent_actif.authentification.compte(LEA)
    assert MOTS_DE_PASSE_DEMO["eleve"] not in texte and compte.empreinte not in texte
    assert "empreinte conservée, jamais communiquée" in texte


def test_archive_zip_reproductible_et_lisible(tmp_path):
    chemins = []
    for i in range(2):
        ent = ENT.demo()
        ent.service("messagerie").envoyer(LEA, [PROF], "Exposé", "=SOMME(A1:A3) au CDI ?")
        chemin = tmp_path / f"export{i}.zip"
        exporter_mes_donnees(ent, LEA, chemin)
        chemins.append(chemin)
    assert chemins[0].read_bytes() == chemins[1].read_bytes()
    with zipfile.ZipFile(chemins[0]) as archive:
        noms = archive.namelist()
        lisezmoi = archive.read(noms[0]).decode("utf-8")
        messagerie = archive.read(next(n for n in noms if n.endswith("_messagerie.csv")))
    assert noms[0].endswith("LISEZMOI.txt") and len(noms) > 5
    assert "Délégué à la protection des données" in lisezmoi and "CNIL" in lisezmoi
    assert "art. 17.3.b" in lisezmoi and "_messagerie.csv" in lisezmoi
    texte = messagerie.decode("utf-8")
    assert texte.startswith("\ufeffCatégorie;Donnée;Valeur;Source;Date")
    assert "=SOMME" in texte and ";'=SOMME" not in texte   # dans « De : … », pas en tête


def test_dossier_et_texte(tmp_path):
    ent = ENT.demo()
    export = exporter_mes_donnees(ent, LEA, tmp_path / "mes_donnees")
    assert (tmp_path / "mes_donnees" / "LISEZMOI.txt").exists()
    assert export.texte().startswith("Mes données — Léa Martin (lea.martin)")
    tableau = export.tableau()
    assert list(tableau.columns) == ["Service", "Catégorie", "Donnée", "Valeur", "Source", "Date"]
    assert tableau.index[0] == 1
    assert "Léa Martin (vous)" in set(tableau["Source"])
