import re
from datetime import datetime

import pytest

from entsim.socle.erreurs import ErreurENT
from entsim.socle.horloge import Horloge
from entsim.journal.chaine import Journal


@pytest.fixture
def journal():
    h = Horloge(datetime(2026, 9, 7, 8))
    j = Journal(h)
    j.enregistrer("connexion_echouee", identite="lea.martin", poste="CDI", resultat="echec",
                  detail="Mot de passe incorrect")
    h.avancer(30)
    j.enregistrer("connexion_reussie", identite="lea.martin", poste="CDI")
    j.enregistrer("ticket_emis", identite="lea.martin", service="notes", objet="ST-1")
    h.avancer(2)
    j.enregistrer("connexion_reussie", identite="sophie.martin", poste="Maison")
    j.enregistrer("ticket_valide", identite="lea.martin", service="notes", objet="ST-1")
    return j


def test_chaque_operation_est_datee_et_liee_a_une_identite(journal):
    e = journal[1]
    assert e.numero == 2 and e.identite == "lea.martin"
    assert e.instant == datetime(2026, 9, 7, 8, 0, 30)
    assert e.libelle == "Connexion réussie"


def test_chaine_des_operations_d_une_identite_dans_l_ordre(journal):
    chaine = journal.chaine_de("lea.martin")
    assert [e.operation for e in chaine] == ["connexion_echouee", "connexion_reussie",
                                             "ticket_emis", "ticket_valide"]
    assert journal.chaine_de("inconnu") == []


def test_filtres_et_tableau(journal):
    assert len(journal.filtrer(service="notes")) == 2
    assert len(journal.filtrer(resultat="echec")) == 1
    assert len(journal.filtrer(debut=datetime(2026, 9, 7, 8, 0, 31))) == 2
    assert [e.numero for e in journal.filtrer(operation=["ticket_emis", "ticket_valide"])] == [3, 5]
    t = journal.tableau()
    assert list(t.columns) == ["Date", "Opération", "Identité", "Service", "Poste", "Résultat",
                               "Détail", "Objet"]
    assert t.loc[1, "Résultat"] == "Échec"
    with pytest.raises(ErreurENT):
        journal.filtrer(resultat="raté")


def test_journal_intact(journal):
    v = journal.verifier()
    assert v.intact and "intact" in v.message


def test_ligne_modifiee_detectee(journal):
    journal.falsifier(1, resultat="succes", detail="")
    v = journal.verifier()
    assert not v.intact
    assert [(a.numero, a.nature) for a in v.anomalies] == [(1, "modifiee")]


def test_ligne_supprimee_detectee(journal):
    journal.supprimer(2)
    v = journal.verifier()
    assert [(a.numero, a.nature) for a in v.anomalies] == [(3, "supprimee")]
    assert "n° 2" in v.anomalies[0].message
    # la chaîne de l'identité reflète l'état réel du journal
    assert [e.numero for e in journal.chaine_de("lea.martin")] == [1, 3, 5]


def test_ligne_inseree_detectee(journal):
    journal.inserer_apres(3, "acces_autorise", identite="intrus", service="notes")
    v = journal.verifier()
    assert not v.intact
    assert v.anomalies[0].nature == "inseree"


def test_sceau_detecte_une_fin_reecrite(journal):
    sceau = journal.sceau()
    journal.supprimer(5)          # supprimer la dernière ligne ne casse aucun lien…
    assert journal.verifier().intact
    v = journal.verifier(sceau=sceau)   # … mais le sceau conservé le révèle
    assert not v.intact and v.anomalies[0].nature == "sceau"


def test_operation_inconnue_refusee(journal):
    with pytest.raises(ErreurENT, match="inconnue"):
        journal.enregistrer("piratage")


def test_abonnes_recoivent_les_nouvelles_lignes(journal):
    recues = []
    journal.abonner(recues.append)
    journal.enregistrer("deconnexion", identite="lea.martin")
    assert [e.operation for e in recues] == ["deconnexion"]
    assert [e.numero for e in journal.depuis(5)] == [6]


def test_un_abonne_en_panne_ne_bloque_pas_l_aas(journal):
    def en_panne(entree):
        raise RuntimeError("affichage cassé")

    journal.abonner(en_panne)
    journal.enregistrer("deconnexion", identite="lea.martin")      # aucune exception
    assert journal.dernier_numero() == 6 and journal.erreurs_abonnes
    with pytest.raises(ErreurENT):
        journal.abonner(3)


def test_arguments_absurdes(journal):
    with pytest.raises(ErreurENT):
        journal.depuis(None)
    with pytest.raises(ErreurENT):
        journal.tableau([1])
    with pytest.raises(ErreurENT):
        journal.verifier(3)


# -- Intégrité : sceaux (points de contrôle), chaîne à clé, purge (issue 10, section 4) ------
from datetime import timedelta  # noqa: E402

from entsim.socle.aleatoire import SourceAleatoire  # noqa: E402


def _ajouter(journal, nombre, identite="lea.martin"):
    for _ in range(nombre):
        journal.horloge.avancer(60)
        journal.enregistrer("connexion_reussie", identite=identite, poste="CDI")


def test_sceau_reste_valide_quand_le_journal_grandit(journal):
    # défaut : le sceau était comparé à la dernière ligne → fausse alerte au premier ajout
    sceau = journal.sceau()
    _ajouter(journal, 3)
    v = journal.verifier(sceau=sceau)
    assert v.intact, v.message
    assert "sceau" in v.message          # le message dit que le sceau a été contrôlé
    assert journal.verifier(sceau=str(sceau.empreinte)).intact   # ancien sceau : un texte


def test_troncature_passe_la_chaine_seule_mais_pas_un_sceau_pose_avant(journal):
    sceau = journal.sceau()                # ligne n° 5
    _ajouter(journal, 2)                   # n° 6 et 7, légitimes
    for numero in (7, 6, 5):               # l'auteur du journal efface la fin
        journal.supprimer(numero)
    seule = journal.verifier()
    assert seule.intact                    # la chaîne seule ne peut pas le voir…
    assert "fin" in seule.message          # … et le dit au lieu de se prétendre une preuve
    v = journal.verifier(sceau=sceau)      # le sceau conservé ailleurs, si
    assert not v.intact
    assert [a.nature for a in v.anomalies] == ["sceau"]
    assert "n° 5" in v.message and "tronqu" in v.message


def test_troncature_au_dessus_du_sceau_n_est_pas_couverte(journal):
    sceau = journal.sceau()                # ligne n° 5 : le sceau atteste le début, pas la suite
    _ajouter(journal, 2)
    journal.supprimer(7)
    assert journal.verifier(sceau=sceau).intact


def test_modification_recalculee_passe_la_chaine_seule_mais_pas_un_sceau(journal):
    sceau = journal.sceau()
    _ajouter(journal, 2)
    journal.falsifier(2, identite="intrus")
    journal.recalculer_chaine(2)           # SHA-256 est public : l'auteur refait la chaîne
    assert journal.verifier().intact
    v = journal.verifier(sceau=sceau)
    assert not v.intact and v.anomalies[0].nature == "sceau"
    assert "n° 5" in v.message
    assert journal.verifier(sceau=journal.sceau()).intact   # un sceau posé après ne voit rien


def test_suppression_renumerotee_detectee_par_le_sceau(journal):
    sceau = journal.sceau()
    _ajouter(journal, 1)
    journal.supprimer(2)
    journal.recalculer_chaine()            # renumérote 1 à 5 : plus aucun trou
    assert journal.verifier().intact
    assert not journal.verifier(sceau=sceau).intact


def test_sceau_absurde_refuse(journal):
    with pytest.raises(ErreurENT, match="sceau"):
        journal.verifier(sceau="pas une empreinte")
    with pytest.raises(ErreurENT):
        journal.verifier(sceau=[3])


def _notaire(graine=2026, reproductible=True, horloge=None):
    from entsim.journal.notaire import Notaire

    return Notaire(SourceAleatoire(graine, reproductible=reproductible).derivee("notaire"),
                   horloge or Horloge(datetime(2026, 9, 7, 8)))


def _journal_a_cle(notaire):
    j = Journal(notaire.horloge, notaire=notaire)
    j.enregistrer("connexion_echouee", identite="lea.martin", resultat="echec")
    _ajouter(j, 4)
    return j


def test_chaine_a_cle_detecte_une_modification_recalculee():
    j = _journal_a_cle(_notaire())
    assert j.verifier().intact
    j.falsifier(2, identite="intrus")
    j.recalculer_chaine(2)                 # l'auteur n'a pas la clé : son SHA-256 ne suffit pas
    v = j.verifier()
    assert not v.intact
    assert v.anomalies[0].nature == "modifiee" and v.anomalies[0].numero == 2


def test_chaine_a_cle_ne_detecte_pas_seule_une_troncature():
    notaire = _notaire()
    j = _journal_a_cle(notaire)
    sceau = notaire.sceller(j)
    j.supprimer(5)
    assert j.verifier().intact             # même avec la clé : il faut un sceau gardé ailleurs
    v = notaire.verifier(j)                # le notaire garde ses sceaux dans son registre
    assert not v.intact and "tronqu" in v.message
    assert notaire.sceaux() == (sceau,)


def test_sceau_signe_contrefait_refuse():
    from dataclasses import replace

    notaire = _notaire()
    j = _journal_a_cle(notaire)
    vrai = notaire.sceller(j)
    faux = replace(vrai, empreinte="0" * 64)       # signature recopiée sur une autre empreinte
    assert not notaire.signature_valide(faux)
    v = notaire.verifier(j, sceaux=[faux])
    assert not v.intact and "signature" in v.message
    assert notaire.verifier(j).intact
    assert "cle" not in repr(notaire).lower() and repr(notaire).startswith("Notaire(")


def test_notaire_refuse_de_sceller_un_journal_altere():
    notaire = _notaire()
    j = _journal_a_cle(notaire)
    j.falsifier(3, detail="effacé")
    with pytest.raises(ErreurENT, match="altéré"):
        notaire.sceller(j)
    assert notaire.sceaux() == ()


def test_cle_et_sceaux_reproductibles_avec_la_graine_secrets_sinon():
    a, b = _journal_a_cle(_notaire()), _journal_a_cle(_notaire())
    assert a.sceau().empreinte == b.sceau().empreinte           # même graine : mêmes empreintes
    assert _notaire().sceller(a).signature == _notaire().sceller(b).signature
    c = _journal_a_cle(_notaire(graine=7))
    assert c.sceau().empreinte != a.sceau().empreinte
    d, e = _journal_a_cle(_notaire(reproductible=False)), _journal_a_cle(_notaire(reproductible=False))
    assert d.sceau().empreinte != e.sceau().empreinte            # vraies clés secrètes


def _journal_sur_deux_ans(notaire=None):
    h = notaire.horloge if notaire else Horloge(datetime(2026, 9, 7, 8))
    j = Journal(h, notaire=notaire) if notaire else Journal(h)
    for _ in range(24):                    # une connexion par mois pendant deux ans
        j.enregistrer("connexion_reussie", identite="lea.martin", poste="CDI")
        h.avancer(jours=30)
    return j


def test_purge_laisse_un_journal_verifiable():
    j = _journal_sur_deux_ans()
    sceau_recent = j.ligne(20)
    sceau = j.sceau()
    avant = j.horloge.maintenant() - timedelta(days=365)
    resultat = j.purger(avant=avant)
    assert resultat.ok and resultat.nb_effacees > 0
    assert all(e.instant >= avant for e in j if e.operation != "journal_purge")
    purge = j[-1]
    assert purge.operation == "journal_purge" and purge.objet == resultat.ancre.empreinte
    assert purge.libelle.startswith("Purge du journal")
    v = j.verifier(sceau=sceau)
    assert v.intact, v.message
    assert sceau_recent.numero == 20 and j.ligne(20) == sceau_recent
    assert j.chaine_de("lea.martin")[0].numero == resultat.ancre.numero + 1


def test_sceau_d_une_ligne_purgee_n_est_pas_une_fausse_alerte():
    j = _journal_sur_deux_ans()
    ancien = j.sceau()                     # posé alors que la ligne n° 24 existe
    j.enregistrer("deconnexion", identite="lea.martin")
    j.horloge.avancer(jours=400)
    j.purger()
    v = j.verifier(sceau=ancien)
    assert v.intact, v.message
    assert any("purge" in r for r in v.remarques)


def test_purge_refusee_pour_des_lignes_de_moins_de_six_mois():
    j = _journal_sur_deux_ans()
    avant = list(j)
    with pytest.raises(ErreurENT, match="six mois"):
        j.purger(avant=j.horloge.maintenant() - timedelta(days=30))
    assert list(j) == avant                # rien n'a changé
    with pytest.raises(ErreurENT):
        j.purger(avant="01/01/2027")


def test_debut_efface_sans_purge_journalisee_detecte():
    j = _journal_sur_deux_ans()
    j.supprimer(1)
    j.supprimer(2)
    assert not j.verifier().intact         # ce n'était pas une purge : la chaîne le voit


def test_fausse_purge_detectee_dans_une_chaine_a_cle():
    from dataclasses import replace

    notaire = _notaire()
    j = _journal_sur_deux_ans(notaire)
    j.horloge.avancer(jours=60)
    resultat = j.purger()
    assert j.verifier().intact
    # l'auteur du journal efface deux lignes de plus et fabrique un nouveau point de départ
    effacees = [j.supprimer(j[0].numero), j.supprimer(j[0].numero)]
    j._ancre = replace(resultat.ancre, numero=effacees[-1].numero,
                       empreinte=effacees[-1].empreinte)
    v = j.verifier()
    assert not v.intact and {a.nature for a in v.anomalies} == {"purge"}


def test_purge_refusee_sur_un_journal_altere():
    j = _journal_sur_deux_ans()
    j.falsifier(2, identite="intrus")
    taille = len(j)
    with pytest.raises(ErreurENT, match="altéré"):
        j.purger()
    assert len(j) == taille


def test_message_accorde(journal):
    vide = Journal(Horloge()).verifier()
    assert vide.intact and "(s)" not in vide.message
    journal.falsifier(1, detail="")
    assert "1 anomalie détectée" in journal.verifier().message


def test_six_mois_du_calendrier_et_rien_a_purger():
    from entsim.journal.conservation import mois_avant

    assert mois_avant(datetime(2027, 8, 31, 9), 6) == datetime(2027, 2, 28, 9)
    assert mois_avant(datetime(2028, 8, 31), 6) == datetime(2028, 2, 29)
    assert mois_avant(datetime(2027, 3, 15), 12) == datetime(2026, 3, 15)
    j = _journal_sur_deux_ans()
    taille = len(j)
    limite = mois_avant(j.horloge.maintenant(), 6)
    assert j.purger(avant=limite).ok                        # la borne elle-même est permise
    r = j.purger(avant=datetime(2020, 1, 1))
    assert r.ok and r.code == "rien_a_purger" and r.nb_effacees == 0 and "rien" in r.message
    assert len(j) < taille and j.verifier().intact


# -- Revue d'attaque de l'issue 10, section 2 : intégrité du journal -------------------------
def _reecrire_avec_le_notaire(j, numero, **champs):
    """L'attaque de la revue : l'auteur réécrit une ligne, puis fait ré-authentifier par le
    notaire toute la suite de la chaîne."""
    from dataclasses import replace

    entrees = j._entrees
    position = numero - entrees[0].numero
    entrees[position] = replace(entrees[position], **champs)
    precedente = entrees[position - 1].empreinte
    for k in range(position, len(entrees)):
        brouillon = replace(entrees[k], empreinte_precedente=precedente, empreinte="")
        entrees[k] = replace(brouillon, empreinte=j.notaire.authentifier(brouillon))
        precedente = entrees[k].empreinte


def test_notaire_refuse_de_reauthentifier_une_chaine_reecrite():
    notaire = _notaire()
    j = _journal_a_cle(notaire)
    sceau = notaire.sceller(j)
    with pytest.raises(ErreurENT, match="notaire") as refus:
        _reecrire_avec_le_notaire(j, 2, identite="lea.martin", detail="falsifié")
    assert "n° 6" in str(refus.value)              # il n'authentifie que la ligne suivante
    assert not j.verifier().intact                 # la ligne réécrite garde un HMAC faux
    with pytest.raises(ErreurENT, match="altéré"):
        notaire.sceller(j)                         # et il ne scelle pas la contrefaçon
    assert notaire.sceaux() == (sceau,)            # son registre reste digne de confiance
    with pytest.raises(ErreurENT, match="notaire"):
        notaire.authentifier(j[-1].contenu())      # un texte quelconque n'est pas une ligne


def test_notaire_refuse_une_ligne_deja_authentifiee_ou_antidatee():
    from dataclasses import replace

    notaire = _notaire()
    j = _journal_a_cle(notaire)
    derniere = replace(j[-1], empreinte="")
    with pytest.raises(ErreurENT, match="n° 6"):
        notaire.authentifier(derniere)             # la ligne n° 5 une seconde fois
    suivante = replace(derniere, numero=6, empreinte_precedente=j[-1].empreinte,
                       instant=datetime(2026, 1, 1))
    with pytest.raises(ErreurENT, match="heure"):
        notaire.authentifier(suivante)             # le notaire date lui-même (RFC 3161)
    autre = Journal(notaire.horloge, notaire=notaire)
    with pytest.raises(ErreurENT, match="notaire"):
        autre.enregistrer("connexion_reussie", identite="lea.martin")   # une seconde chaîne
    assert len(autre) == 0
    j.enregistrer("deconnexion", identite="lea.martin")                 # la suite légitime
    assert j.verifier().intact and notaire.verifier(j).intact


def test_fausse_purge_de_lignes_recentes_detectee():
    notaire = _notaire()
    j = _journal_a_cle(notaire)
    _ajouter(j, 10)
    ancre = notaire.sceller(j, 14)                 # un vrai sceau… de lignes d'il y a minutes
    for numero in range(1, 15):
        j.supprimer(numero)
    j._ancre = ancre
    j.enregistrer("journal_purge", objet=ancre.empreinte)
    for v in (j.verifier(), notaire.verifier(j)):
        assert not v.intact
        assert [a.nature for a in v.anomalies] == ["purge"]
        assert "six mois" in v.message and "n° 14" in v.message


def test_fausse_purge_de_lignes_recentes_detectee_sans_cle():
    j = _journal_sur_deux_ans()
    ancre = j.sceau()                              # la dernière ligne, écrite à l'instant
    effacees = len(j)
    for numero in range(1, effacees + 1):
        j.supprimer(numero)
    j._ancre = ancre
    j.enregistrer("journal_purge", objet=ancre.empreinte)
    v = j.verifier()
    assert not v.intact and "six mois" in v.message


@pytest.mark.parametrize("champs", [{"detail": None}, {"instant": "hier"}, {"identite": 5},
                                    {"resultat": 7}, {"objet": ["a"]}, {"service": {"a"}},
                                    {"empreinte_precedente": None}])
@pytest.mark.parametrize("cle", [False, True])
def test_champ_falsifie_d_un_autre_type_signale_sans_planter(journal, champs, cle):
    if cle:
        notaire = _notaire()
        journal = _journal_a_cle(notaire)
    journal.falsifier(3, **champs)
    v = journal.verifier()
    assert not v.intact and v.anomalies[0].numero == 3
    assert "n° 3" in v.message
    assert not journal.verifier(sceau=journal.sceau()).intact


@pytest.mark.parametrize("champs", [{"identite": []}, {"service": 3}, {"poste": b"CDI"},
                                    {"detail": None}, {"objet": 1}, {"operation": []},
                                    {"resultat": ["succes"]}])
def test_enregistrer_refuse_un_champ_invalide_sans_rien_garder(journal, champs):
    avant = journal.entrees()
    operation = champs.pop("operation", "connexion_reussie")
    with pytest.raises(ErreurENT) as refus:
        journal.enregistrer(operation, **champs)
    message = str(refus.value)
    assert "journal" in message
    assert not re.search(r"\b(list|NoneType|int|bytes)\b", message)   # pas de type Python
    assert journal.entrees() == avant and journal.verifier().intact
    assert journal.chaine_de("lea.martin") == [e for e in avant if e.identite == "lea.martin"]


def test_codage_des_empreintes_injectif(journal):
    sceau = journal.sceau()
    journal.falsifier(1, objet="")                 # None devient "" : même empreinte avant
    assert not journal.verifier().intact
    assert not journal.verifier(sceau=sceau).intact
    j = Journal(Horloge(datetime(2026, 9, 7, 8)))
    j.enregistrer("acces_refuse", identite="lea.martin", detail="a|b", objet="c")
    j.enregistrer("deconnexion", identite="lea.martin")
    j.falsifier(1, detail="a", objet="b|c")        # un « | » passé d'un champ à l'autre
    assert not j.verifier().intact
    valeurs = [None, "", [], 0, "0", "None"]
    empreintes = {replace_champ(journal[1], objet=v).empreinte_calculee() for v in valeurs}
    assert len(empreintes) == len(valeurs)


def replace_champ(entree, **champs):
    from dataclasses import replace

    return replace(entree, **champs)
