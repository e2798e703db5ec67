"""Le journal en colonnes, écrit par blocs (issue 17) : la même chaîne d'empreintes que ligne
à ligne, les mêmes falsifications détectées, les mêmes vues."""

from datetime import datetime, timedelta

import numpy as np
import pandas as pd
import pytest

from entsim.journal import blocs
from entsim.journal.chaine import Journal
from entsim.journal.integrite import verifier_chaine
from entsim.journal.notaire import Notaire
from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ErreurENT
from entsim.socle.horloge import Horloge

DEBUT = datetime(2026, 9, 7, 8)

#: Des lignes variées : aucun service, accents, guillemets, barre oblique inverse, tabulation,
#: un instant à la microseconde près, un détail vide, un objet absent.
LIGNES = [
    dict(operation="connexion_echouee", identite="lea.martin", poste="CDI", resultat="echec",
         detail="Mot de passe incorrect", instant=DEBUT),
    dict(operation="connexion_reussie", identite="lea.martin", poste="CDI",
         instant=DEBUT + timedelta(seconds=30)),
    dict(operation="ticket_emis", identite="lea.martin", service="notes", objet="ST-1",
         detail='Ticket « ST-1 » pour "notes"\\', instant=DEBUT + timedelta(seconds=30)),
    dict(operation="connexion_reussie", identite="sophie.martin", poste="Maison\tsalon",
         instant=DEBUT + timedelta(seconds=32, microseconds=250)),
    dict(operation="ticket_valide", identite="lea.martin", service="notes", objet="ST-1",
         resultat="info", detail="é\x00", instant=DEBUT + timedelta(minutes=5)),
    dict(operation="deconnexion", identite=None, service=None, poste=None,
         instant=DEBUT + timedelta(hours=1)),
    dict(operation="acces_autorise", identite="lea.martin", service="messagerie",
         objet='message adressé à « Théo » "vite"\\\n', detail="Accès\x7f autorisé",
         instant=DEBUT + timedelta(hours=1)),
    dict(operation="acces_autorise", identite="lea.martin", service="messagerie", objet="",
         detail="", instant=DEBUT + timedelta(hours=2)),
]


def ligne_a_ligne(lignes=LIGNES, journal=None):
    journal = Journal(Horloge(DEBUT)) if journal is None else journal
    for ligne in lignes:
        champs = dict(ligne)
        journal.horloge.aller_a(champs.pop("instant"))
        journal.enregistrer(champs.pop("operation"), **champs)
    return journal


def colonne(nom, lignes=LIGNES, defaut=None):
    return [ligne.get(nom, defaut) for ligne in lignes]


def arguments(lignes=LIGNES):
    """Les colonnes du bloc, sous plusieurs formes (liste, tableau numpy, série pandas)."""
    return dict(operations=colonne("operation", lignes), identites=colonne("identite", lignes),
                services=colonne("service", lignes),
                postes=np.array(colonne("poste", lignes), dtype=object),
                resultats=pd.Series(colonne("resultat", lignes, "succes")),
                details=colonne("detail", lignes, ""), objets=colonne("objet", lignes),
                instants=colonne("instant", lignes))


def par_bloc(lignes=LIGNES, journal=None):
    journal = Journal(Horloge(DEBUT)) if journal is None else journal
    journal.enregistrer_bloc(**arguments(lignes))
    return journal


def test_un_bloc_donne_exactement_la_chaine_ligne_a_ligne():
    seul, bloc = ligne_a_ligne(), par_bloc()
    assert bloc.entrees() == seul.entrees()
    assert bloc.sceau().empreinte == seul.sceau().empreinte
    assert bloc.verifier().intact and bloc.verifier(seul.sceau()).intact
    assert bloc.horloge.maintenant() == LIGNES[-1]["instant"]    # l'horloge a suivi


def test_blocs_et_lignes_seules_se_melangent_dans_une_seule_chaine():
    melange = ligne_a_ligne(LIGNES[:2])
    assert melange.enregistrer_bloc(**arguments(LIGNES[2:4])) == range(3, 5)
    ligne_a_ligne(LIGNES[4:], melange)
    assert melange.entrees() == ligne_a_ligne().entrees()
    assert melange.verifier().intact


def test_une_valeur_seule_vaut_pour_tout_le_bloc():
    j = Journal(Horloge(DEBUT))
    j.enregistrer_bloc(["ticket_emis"] * 3, identites="lea.martin", services="notes",
                       objets=["ST-1", "ST-2", "ST-3"])
    assert [(e.identite, e.service, e.objet, e.instant) for e in j] == [
        ("lea.martin", "notes", f"ST-{k}", DEBUT) for k in (1, 2, 3)]
    assert [e.numero for e in j.chaine_de("lea.martin")] == [1, 2, 3]


@pytest.mark.parametrize("attaque", ["modifier", "supprimer", "inserer", "echanger",
                                     "recalculer", "heure_pas_une_date"])
def test_falsifications_detectees_comme_dans_un_journal_ecrit_ligne_a_ligne(attaque):
    messages = []
    for journal in (ligne_a_ligne(), par_bloc()):
        sceau = journal.sceau()
        if attaque == "modifier":
            journal.falsifier(3, detail="Rien à signaler.")
        elif attaque == "supprimer":
            journal.supprimer(2)
        elif attaque == "inserer":
            journal.inserer_apres(2, "connexion_reussie", identite="intrus")
        elif attaque == "echanger":
            journal.echanger(2, 4)
        elif attaque == "recalculer":
            journal.falsifier(2, identite="intrus")
            journal.recalculer_chaine(2)
        else:
            journal.falsifier(4, instant="hier soir")
        resultat = journal.verifier(sceau)
        assert not resultat.intact
        # la vérification par paquets dit exactement ce que dit la boucle ligne par ligne
        reference = verifier_chaine(journal.entrees(), authentique=lambda e: e.empreinte ==
                                    e.empreinte_calculee(), ancre=None, sceaux=[sceau])
        assert resultat == reference
        messages.append(resultat.message)
    assert messages[0] == messages[1]


def test_verification_partagee_entre_deux_processus_identique(monkeypatch):
    j = Journal(Horloge(DEBUT))
    n = 3_000
    j.enregistrer_bloc(np.array(["ticket_emis", "ticket_valide"], dtype=object)[np.arange(n) % 2],
                       identites=[f"eleve{k % 7}" for k in range(n)],
                       objets=[f"ST-{k}" for k in range(n)])
    j.falsifier(1_234, detail="Rien à signaler.")
    j.supprimer(2_500)
    attendu = j.verifier()
    monkeypatch.setattr(blocs, "PAQUET", 700)
    monkeypatch.setattr(blocs, "PARALLELE_A_PARTIR", 1_000)
    obtenu = j.verifier()
    assert obtenu == attendu and not obtenu.intact
    assert [a.numero for a in obtenu.anomalies] == [1_234, 2_501]


def test_un_bloc_invalide_n_ecrit_rien():
    j = ligne_a_ligne(LIGNES[:2])
    essais = [
        (dict(operations=["connexion_reussie", "pirater"]), "pirater"),
        (dict(operations=["connexion_reussie"], resultats="gagne"), "gagne"),
        (dict(operations=["connexion_reussie"] * 2, identites=["lea.martin"]), "2 valeurs"),
        (dict(operations=["connexion_reussie"], identites=[42]), "42"),
        (dict(operations=["connexion_reussie"], details=[None]), "détail"),
        (dict(operations="connexion_reussie"), "colonne"),
        (dict(operations=["connexion_reussie"], instants=[DEBUT]), "ordre du temps"),
        (dict(operations=["connexion_reussie"] * 2,
              instants=[DEBUT + timedelta(hours=2), DEBUT + timedelta(hours=1)]),
         "ordre du temps"),
        (dict(operations=["connexion_reussie"], instants=["demain"]), "1 date et heure (sans"),
        (dict(operations=["connexion_reussie"], objets=["billet \ud800"]), "demi-codet"),
        (dict(operations=["connexion_reussie"], details=["Sortie\udfff"]), "demi-codet"),
    ]
    for arguments, extrait in essais:
        with pytest.raises(ErreurENT) as erreur:
            j.enregistrer_bloc(**arguments)
        assert extrait in str(erreur.value).replace("« detail »", "« détail »"), arguments
        assert len(j) == 2 and j.verifier().intact


def test_vues_identiques_a_celles_du_journal_ecrit_ligne_a_ligne():
    seul, bloc = ligne_a_ligne(), par_bloc()
    pd.testing.assert_frame_equal(bloc.tableau(), seul.tableau(seul.entrees()))
    pd.testing.assert_frame_equal(bloc.tableau(), bloc.tableau(bloc.entrees()))
    assert bloc.chaine_de("lea.martin") == seul.chaine_de("lea.martin")
    assert bloc.filtrer(service="notes") == seul.filtrer(service="notes")
    assert bloc.depuis(4) == seul.depuis(4) and bloc.ligne(5) == seul.ligne(5)


def test_journal_a_cle_par_bloc_meme_chaine_que_ligne_a_ligne():
    journaux = []
    for ecrire in (ligne_a_ligne, par_bloc):
        notaire = Notaire(SourceAleatoire(7).derivee("notaire"), Horloge(DEBUT))
        journaux.append(ecrire(journal=Journal(notaire.horloge, notaire=notaire)))
    assert journaux[0].entrees() == journaux[1].entrees()
    assert journaux[1].verifier().intact


def test_les_abonnes_voient_chaque_ligne_d_un_bloc():
    j = Journal(Horloge(DEBUT))
    vues = []
    j.abonner(lambda e: vues.append(e.numero))
    par_bloc(journal=j)
    assert vues == list(range(1, len(LIGNES) + 1))


def test_purge_d_un_journal_ecrit_par_blocs():
    j = Journal(Horloge(DEBUT))
    instants = [DEBUT + timedelta(days=k) for k in range(400)]
    j.enregistrer_bloc(["connexion_reussie"] * 400, identites="lea.martin", instants=instants)
    resultat = j.purger()
    assert resultat.ok and resultat.nb_effacees == 34       # plus d'un an avant le 400e jour
    assert j.verifier().intact and len(j) == 400 - 34 + 1


def test_dates_avant_1970_et_microsecondes_dans_un_bloc():
    depart = datetime(1969, 12, 31, 23, 59, 58, 999_999)
    lignes = [dict(LIGNES[0], instant=depart + timedelta(microseconds=k)) for k in (0, 1, 2)]
    seul = ligne_a_ligne(lignes, Journal(Horloge(depart)))
    bloc = par_bloc(lignes, Journal(Horloge(depart)))
    assert bloc.entrees() == seul.entrees() and bloc.verifier().intact
    assert [e.instant.isoformat() for e in bloc] == ["1969-12-31T23:59:58.999999",
                                                      "1969-12-31T23:59:59",
                                                      "1969-12-31T23:59:59.000001"]


def test_une_periode_simulee_s_ecrit_dans_un_journal_chaine():
    from entsim import ENT
    from entsim.activite import simuler_activite

    activite = simuler_activite(ENT(2026, taille=60), "semaine", progression=False)
    simulee = activite.journal
    j = Journal(Horloge(simulee["Date"].iloc[0].to_pydatetime()))
    numeros = j.enregistrer_tableau(simulee)
    assert numeros == range(1, len(simulee) + 1) and j.verifier().intact
    relu = j.tableau()
    for nom in ("Opération", "Identité", "Service", "Poste", "Résultat", "Détail", "Objet"):
        assert relu[nom].tolist() == simulee[nom].astype(str).tolist(), nom
    assert (relu["Date"].to_numpy() == simulee["Date"].to_numpy()).all()
    lea = simulee["Identité"].iloc[0]
    assert [e.numero for e in j.chaine_de(lea)] == \
        (simulee.index[simulee["Identité"] == lea] - simulee.index[0] + 1).tolist()
    with pytest.raises(ErreurENT, match="colonnes"):
        j.enregistrer_tableau(simulee.drop(columns=["Objet"]))
