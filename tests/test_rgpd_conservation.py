"""Conservation sur l'horloge simulée : départs, purge des comptes et des données (arrêté ENT
du 30 novembre 2006 modifié, art. 6), purge du journal (CNIL, délibération n° 2021-122) et
journal toujours vérifiable (entsim.rgpd.conservation)."""

from __future__ import annotations

import enum
import random
from dataclasses import fields, is_dataclass
from datetime import date, datetime, timedelta

import pytest

from entsim import ENT
from entsim.ent import MOTS_DE_PASSE_DEMO
from entsim.etablissement.generation import PERSONAS
from entsim.journal.integrite import JournalAltere
from entsim.rgpd.conservation import (echeance, echeancier, enregistrer_depart, purger)
from entsim.rgpd.donnees import donnees_de, services_simules
from entsim.services._donnees import est_anonyme
from entsim.socle.erreurs import ErreurENT, ValeurInvalide

INES = PERSONAS["eleve_fratrie"].identifiant          # une sœur : le frère reste au lycée
LEA = PERSONAS["eleve"].identifiant                   # enfant unique : sa mère part avec elle
SOPHIE = PERSONAS["mere"].identifiant


def _ent(**options) -> ENT:
    ent = ENT.demo(**options)
    services_simules(ent)                 # chaque service peuple ses données de démonstration
    return ent


def _activite(ent: ENT, eleve: str) -> tuple[int, int]:
    """L'élève écrit à son professeur principal et ouvre un sujet sur le forum de sa classe."""
    p = ent.etablissement.personne(eleve)
    pp = ent.etablissement.classe(p.classe).professeur_principal
    message = ent.service("messagerie").envoyer(eleve, [pp], "Exposé",
                                                "Je vous envoie mon plan d'exposé.")
    sujet = ent.service("forum").creer_sujet(eleve, f"entraide_{p.classe.lower()}",
                                             "Question 13", "Je ne comprends pas le SSO.")
    return message.numero, sujet.numero


#: Les distributions des rôles de démonstration (``acteurs``) ne servent qu'à peupler les
#: données à la création du service : ce ne sont pas des données détenues sur la personne.
_HORS_DONNEES = {"ent", "etablissement", "horloge", "autorisation", "journal", "_hasard",
                 "acteurs"}


def _textes(objet, vus=None):
    """Tous les textes que contient l'état d'un service (dictionnaires, listes, entités)."""
    vus = set() if vus is None else vus
    if id(objet) in vus or callable(objet):
        return
    vus.add(id(objet))
    if isinstance(objet, str):
        yield objet
    elif isinstance(objet, (int, float, date, datetime, enum.Enum, type(None), random.Random)):
        return
    elif isinstance(objet, dict):
        for cle, valeur in objet.items():
            yield from _textes(cle, vus)
            yield from _textes(valeur, vus)
    elif isinstance(objet, (list, tuple, set, frozenset)):
        for valeur in objet:
            yield from _textes(valeur, vus)
    else:
        if hasattr(objet, "__dict__"):
            attributs = vars(objet)
        elif is_dataclass(objet):
            attributs = {f.name: getattr(objet, f.name) for f in fields(objet)}
        else:
            attributs = {s: getattr(objet, s, None) for s in getattr(objet, "__slots__", ())}
        for nom, valeur in attributs.items():
            if nom not in _HORS_DONNEES:
                yield from _textes(valeur, vus)


# -- départs --------------------------------------------------------------------------------
def test_un_depart_est_note_trace_et_emmene_les_responsables_sans_autre_enfant():
    ent = _ent()
    resultat = enregistrer_depart(ent, LEA)
    assert resultat.ok and resultat.personnes == (LEA, SOPHIE)
    assert resultat.echeance == echeance(ent.horloge.maintenant().date())
    assert "Sophie Martin" in resultat.message and "au plus tard le" in resultat.message
    lignes = ent.journal.filtrer(operation="depart_enregistre")
    assert [l.objet for l in lignes] == [LEA, SOPHIE]
    assert all(l.identite == ent.etablissement.chef_etablissement().identifiant
               for l in lignes)
    # Inès a un frère au lycée : ses parents gardent leur compte
    parents = ent.etablissement.personne(INES).responsables
    assert enregistrer_depart(ent, INES).personnes == (INES,)
    assert all(ent.etablissement.personne(p).date_depart is None for p in parents)
    with pytest.raises(ValeurInvalide) as erreur:
        enregistrer_depart(ent, INES)
    assert erreur.value.code == "depart_deja_note" and "déjà noté" in str(erreur.value)


def test_l_echeance_est_trois_mois_du_calendrier():
    assert echeance(date(2026, 7, 4)) == date(2026, 10, 4)
    assert echeance(date(2026, 11, 30)) == date(2027, 2, 28)


def test_avant_trois_mois_la_personne_partie_garde_tout():
    ent = _ent()
    enregistrer_depart(ent, INES)
    ent.avancer(jours=60)
    rapport = purger(ent)
    assert rapport.personnes == () and rapport.code == "rien_a_purger"
    assert [i for i, _ in rapport.a_venir] == [INES]
    assert "aucune personne dont le délai de trois mois est atteint" in rapport.message
    assert ent.etablissement.existe(INES)
    assert ent.connexion(INES, MOTS_DE_PASSE_DEMO["eleve_fratrie"]).ok
    assert echeancier(ent)["État"].tolist() == ["dans 31 jours"]


# -- la purge : plus rien n'est accessible ----------------------------------------------------------
def _lectures(ent: ENT, lecteur: str, eleve_classe: str) -> list[object]:
    """Ce que lisent l'ancien professeur, un parent, le CPE, la direction (refus compris)."""
    vus: list[object] = []

    def lire(fonction, *args):
        try:
            vus.append(fonction(lecteur, *args))
        except ErreurENT as refus:        # accès refusé : rien n'est lu
            vus.append(str(refus))

    notes, absences = ent.service("notes"), ent.service("absences")
    for discipline in ent.etablissement.classe(eleve_classe).enseignements:
        lire(notes.tableau_classe, eleve_classe, discipline)
    lire(absences.evenements_de_la_classe, eleve_classe)
    lire(ent.service("cahier_de_textes").seances, eleve_classe)
    messagerie = ent.service("messagerie")
    lire(messagerie.boite_de_reception)
    lire(messagerie.messages_envoyes)
    forum = ent.service("forum")
    lire(lambda l: [(c.code, forum.lire_categorie(l, c.code)) for c in forum.categories(l)])
    blog = ent.service("blog")
    lire(lambda l: [(b.code, blog.billets(l, b.code)) for b in blog.blogs(l)])
    lire(ent.service("agenda").evenements_visibles)
    lire(ent.service("actualites").articles_visibles)
    lire(ent.service("casier").depots_recus)
    return vus


def test_apres_le_delai_aucune_donnee_de_l_eleve_partie_n_est_accessible():
    ent = _ent()
    ines = ent.etablissement.personne(INES)
    nom, classe, parent = ines.nom_complet, ines.classe, ines.responsables[0]
    numero_message, numero_sujet = _activite(ent, INES)
    assert donnees_de(ent, INES, journal=False)
    enregistrer_depart(ent, INES)
    ent.avancer(jours=92)
    rapport = purger(ent)

    assert rapport.personnes == (INES,) and rapport.ok
    assert {l.element for l in rapport.lignes} >= {
        "Compte ENT (identifiant, empreinte du mot de passe)",
        "Fiche de l'annuaire (identité, classe, liens)", "Notes et résultats des évaluations"}
    assert all("arrêté du 30 novembre 2006" in l.source for l in rapport.lignes)
    # chaque service, l'annuaire, le compte : plus rien
    for service in services_simules(ent):
        assert service.donnees_de(INES) == [], service.code
        assert not [t for t in _textes(service) if INES in t or nom in t], service.code
    assert donnees_de(ent, INES, journal=False) == []
    assert not ent.etablissement.existe(INES) and INES not in ent.authentification
    assert INES not in ent.etablissement.classe(classe).eleves
    assert INES not in ent.etablissement.personne(parent).enfants
    connexion = ent.connexion(INES, MOTS_DE_PASSE_DEMO["eleve_fratrie"])
    assert not connexion.ok
    # ce que lisent l'ancien professeur principal, sa mère, le CPE et la direction
    lecteurs = [ent.etablissement.classe(classe).professeur_principal, parent,
                PERSONAS["cpe"].identifiant, PERSONAS["proviseur"].identifiant]
    for lecteur in lecteurs:
        lu = repr(_lectures(ent, lecteur, classe))
        assert INES not in lu and nom not in lu, lecteur
    # ses contributions restent, sans son nom (arrêté ENT, art. 6)
    sujet = ent.service("forum").sujet(lecteurs[0], numero_sujet)
    assert est_anonyme(sujet.auteur)
    # le journal restant se vérifie, avec les sceaux pris avant et après
    assert ent.journal.verifier([rapport.sceau_avant, rapport.sceau_apres]).intact
    assert "sceaux conservés concordent" in rapport.message


def test_opposition_du_contributeur_son_texte_est_retire():
    ent = _ent()
    _, numero_sujet = _activite(ent, INES)
    enregistrer_depart(ent, INES)
    ent.avancer(jours=92)
    purger(ent, oppositions=[INES])
    prof = PERSONAS["professeur_principal"].identifiant
    textes = [m.texte for m in ent.service("forum").messages(prof, numero_sujet)]
    assert "Je ne comprends pas le SSO." not in textes


# -- le journal : purge, sceaux, notaire ---------------------------------------------------------
@pytest.mark.parametrize("journal_a_cle", [False, True])
def test_la_purge_du_journal_laisse_un_journal_verifiable(journal_a_cle):
    ent = _ent(journal_a_cle=journal_a_cle)
    enregistrer_depart(ent, LEA)
    premier_sceau = ent.journal.sceau()
    ent.avancer(jours=92)
    purger(ent)
    assert ent.journal.chaine_de(LEA)          # traces de sécurité gardées un an au plus
    ent.avancer(jours=400)
    ent.connexion(PERSONAS["cpe"].identifiant, MOTS_DE_PASSE_DEMO["cpe"])
    rapport = purger(ent)
    assert rapport.journal.nb_effacees > 0 and rapport.ok
    assert [l.element for l in rapport.lignes] == ["Lignes du journal"]
    assert "délibération n° 2021-122" in rapport.lignes[0].source
    assert ent.journal.chaine_de(LEA) == []
    verification = ent.journal.verifier([premier_sceau, rapport.sceau_avant,
                                         rapport.sceau_apres])
    assert verification.intact, verification.message
    if journal_a_cle:
        assert ent.notaire.verifier(ent.journal).intact
        assert ent.journal.ancre.signature is not None


def test_on_ne_purge_pas_un_journal_altere_et_rien_ne_change():
    ent = _ent()
    enregistrer_depart(ent, INES)
    ent.avancer(jours=92)
    ent.journal.falsifier(3, detail="ligne réécrite")
    with pytest.raises(JournalAltere) as erreur:
        purger(ent)
    assert "journal altéré" in str(erreur.value)
    assert ent.etablissement.existe(INES) and INES in ent.authentification
    assert ent.service("notes").donnees_de(INES)


def test_pas_de_purge_a_une_date_future():
    ent = _ent()
    with pytest.raises(ValeurInvalide) as erreur:
        purger(ent, ent.horloge.maintenant().date() + timedelta(days=1))
    assert erreur.value.code == "date_future" and "ent.avancer" in str(erreur.value)
    with pytest.raises(ValeurInvalide):
        purger(ent, "hier")


def test_ent_a_journal_a_cle_sur_demande():
    assert ENT.demo().notaire is None
    ent = ENT.demo(journal_a_cle=True)
    assert ent.notaire is not None and ent.journal.notaire is ent.notaire
    assert ent.notaire.verifier(ent.journal).intact
    with pytest.raises(ValeurInvalide):
        ENT(journal_a_cle="oui")


# -- l'annuaire ----------------------------------------------------------------------------------
def test_retirer_une_personne_de_l_annuaire_efface_ses_liens():
    ent = ENT.demo()
    annuaire = ent.etablissement
    eleve = annuaire.personne(LEA)
    annuaire.retirer(LEA)
    assert not annuaire.existe(LEA)
    assert LEA not in annuaire.classe(eleve.classe).eleves
    assert LEA not in annuaire.personne(SOPHIE).enfants
    prof = annuaire.classe(eleve.classe).professeur_principal
    annuaire.retirer(prof)
    assert annuaire.classe(eleve.classe).professeur_principal is None
    assert prof not in annuaire.classe(eleve.classe).enseignements.values()
    assert [p.identifiant for p in annuaire.enseignants_de(eleve.classe)]
    with pytest.raises(ValeurInvalide):
        annuaire.depart(SOPHIE, "demain")
