"""Chaque méthode publique d'un service qui rend une donnée personnelle ou le contenu d'un
autre prend d'abord l'identité de qui demande, passe par l'autorisation (refus en français,
tracé au journal) et respecte l'opposition d'un élève majeur ; l'appel d'un enseignant se
limite à ses cours, ni dans le futur ni avant la rentrée (revue d'attaque, issue 10)."""

from datetime import date

import pytest

from entsim import ENT
from entsim.autorisation.service import Profil, Regle
from entsim.socle.erreurs import AccesRefuse, ErreurENT, ValeurInvalide

LEA, HUGO, MERE = "lea.martin", "hugo.bernard", "sophie.martin"
DURAND, LEGRAND, CPE = "nicolas.durand", "melodie.legrand", "isabelle.moreau"


@pytest.fixture
def ent():
    return ENT.demo(cout="rapide")


def refus_trace(ent, identite: str, appel) -> str:
    """L'appel est refusé (AccesRefuse, phrase française) et le refus est au journal."""
    avant = len(ent.journal.filtrer(identite=identite, operation="acces_refuse"))
    with pytest.raises(AccesRefuse) as erreur:
        appel()
    assert len(ent.journal.filtrer(identite=identite, operation="acces_refuse")) == avant + 1
    return str(erreur.value)


def majeur_en_opposition(ent) -> tuple[str, str]:
    """(élève majeur qui a fait opposition, un de ses parents)."""
    jour = ent.horloge.maintenant().date()
    majeur = next(p.identifiant for p in ent.etablissement.eleves() if p.est_majeur(jour))
    parent = ent.etablissement.responsables_de(majeur)[0].identifiant
    ent.autorisation.enregistrer_opposition(majeur, par=majeur)
    return majeur, parent


def test_une_absence_ne_se_lit_qu_avec_le_droit_de_la_voir(ent):
    ab = ent.service("absences")
    numero = ab.evenements_de(LEA, LEA)[0].numero
    assert ab.evenement(LEA, numero).eleve == LEA
    assert "Accès refusé" in refus_trace(ent, HUGO, lambda: ab.evenement(HUGO, numero))
    majeur, parent = majeur_en_opposition(ent)
    sienne = ab.evenements_de(majeur, majeur)[0].numero
    assert "opposition" in refus_trace(ent, parent, lambda: ab.evenement(parent, sienne))


def test_une_entree_folios_ne_se_lit_qu_avec_le_droit_de_la_voir(ent):
    folios = ent.service("orientation")
    numero = folios.portfolio(LEA, LEA)[0].numero
    assert folios.entree(MERE, numero).eleve == LEA
    refus_trace(ent, HUGO, lambda: folios.entree(HUGO, numero))
    majeur, parent = majeur_en_opposition(ent)
    sienne = folios.portfolio(majeur, majeur)[0].numero
    assert "opposition" in refus_trace(ent, parent, lambda: folios.entree(parent, sienne))


def test_le_forum_de_la_salle_des_professeurs_reste_aux_professeurs(ent):
    f = ent.service("forum")
    sujet = next(s for s in f._sujets if s.categorie == "salle_des_professeurs")
    message = next(m for m in f._messages if m.sujet == sujet.numero)
    assert "Salle des professeurs" in refus_trace(ent, LEA, lambda: f.sujet(LEA, sujet.numero))
    refus_trace(ent, LEA, lambda: f.texte_de(LEA, message.numero))
    refus_trace(ent, LEA, lambda: f.texte_de(LEA, message))       # l'objet non plus
    with pytest.raises(ErreurENT):
        f.texte_de("x", message.numero)
    assert f.sujet(DURAND, sujet.numero).titre == sujet.titre
    assert f.texte_de(DURAND, message.numero) == message.texte


def test_la_messagerie_ne_dit_rien_des_messages_des_autres(ent):
    m = ent.service("messagerie")
    autre = next(x for x in m._messages if not x.concerne(LEA))
    refus_trace(ent, LEA, lambda: m.resume(LEA, autre.numero))
    refus_trace(ent, LEA, lambda: m.est_lu(LEA, autre.numero))
    sien = next(x for x in m._messages if x.concerne(LEA))
    assert sien.objet in m.resume(LEA, sien)
    assert m.non_lus(LEA) >= 0
    # Une règle de l'établissement ferme la messagerie aux personnels : plus de pastille.
    ent.autorisation.ajouter_regle(Regle(Profil.PERSONNEL, "lire", "messagerie",
                                         effet="refuser"))
    refus_trace(ent, "philippe.lefevre", lambda: m.non_lus("philippe.lefevre"))


def test_un_billet_de_classe_reste_a_la_classe(ent):
    blog = ent.service("blog")
    billet = next(b for b in blog._billets if blog._blogs[b.blog].classe == "TSTMG1")
    autre = next(p.identifiant for p in ent.etablissement.eleves() if p.classe != "TSTMG1")
    assert "TSTMG1" in refus_trace(ent, autre, lambda: blog.billet(autre, billet.numero))
    assert blog.billet(LEA, billet.numero).titre == billet.titre


def test_le_gar_ne_calcule_pas_un_pseudonyme_sur_demande(ent):
    m = ent.service("mediacentre")
    assert not hasattr(m, "identifiant_opaque")
    lignes = dict(m.connu_de_l_ent(LEA))
    assert lignes["Date de naissance"] == "14/03/2009"
    assert ent.journal.filtrer(identite=LEA, service="mediacentre", operation="acces_autorise")
    refus_trace(ent, MERE, lambda: m.connu_de_l_ent(MERE))    # pas de médiacentre


@pytest.mark.parametrize("qui", [DURAND, MERE])
def test_emploi_du_temps_d_un_eleve_qui_n_en_est_pas_un(ent, qui):
    edt = ent.service("emploi_du_temps")
    with pytest.raises(ValeurInvalide) as erreur:
        edt.semaine_de(LEA, eleve=qui)
    assert "n'est pas un élève" in str(erreur.value)


def test_un_enseignant_ne_fait_l_appel_que_dans_ses_cours_passes(ent):
    ab = ent.service("absences")
    avant = len(ab._evenements)
    with pytest.raises(ErreurENT) as erreur:
        ab.signaler(LEGRAND, LEA, le="01/01/2999", debut="3h", cours="Philosophie")
    assert "Philosophie" in str(erreur.value) or "futur" in str(erreur.value)
    assert "n'enseigne pas" in refus_trace(ent, LEGRAND, lambda: ab.signaler(
        LEGRAND, LEA, le="07/09/2026", debut="8h", cours="Philosophie"))
    with pytest.raises(ValeurInvalide, match="futur"):
        ab.signaler(LEGRAND, LEA, le="08/09/2026", debut="10h", cours="Mathématiques")
    with pytest.raises(ValeurInvalide, match="rentrée"):
        ab.signaler(LEGRAND, LEA, le="15/06/2026", debut="10h", cours="Mathématiques")
    assert len(ab._evenements) == avant
    ev = ab.signaler(LEGRAND, LEA, le="07/09/2026", debut="8h", cours="Mathématiques")
    assert ev.cours == "Mathématiques"
    # La vie scolaire enregistre pour tout cours (absence signalée par téléphone…).
    assert ab.signaler(CPE, LEA, le="07/09/2026", debut="8h", cours="Philosophie").cours \
        == "Philosophie"
    assert date(2026, 9, 7) == ent.horloge.maintenant().date()


# -- messages (section 7 de la revue) ---------------------------------------------------------

def test_un_numero_de_message_n_est_ni_un_booleen_ni_un_blanc(ent):
    f, m = ent.service("forum"), ent.service("messagerie")
    for appel in (lambda: f.retablir(DURAND, True), lambda: m.lire(LEA, True),
                  lambda: m.lire(LEA, "    ")):
        with pytest.raises(ValeurInvalide) as erreur:
            appel()
        assert "nombre entier" in str(erreur.value) and "True" not in str(erreur.value)
        assert "n°    ." not in str(erreur.value)


def test_des_octets_ne_sont_pas_des_destinataires(ent):
    m = ent.service("messagerie")
    avant = len(m._messages)
    with pytest.raises(ValeurInvalide) as erreur:
        m.envoyer(LEA, b"ab", "Objet", "Bonjour")
    assert "97" not in str(erreur.value) and "« nicolas.durand »" in str(erreur.value)
    assert len(m._messages) == avant


def test_les_droits_de_partage_s_ecrivent_avec_leurs_accents(ent):
    d = ent.service("espace_documentaire")
    with pytest.raises(ValeurInvalide) as erreur:
        d.partager(DURAND, d.mes_documents(DURAND)[0].numero, LEA, "tout")
    assert "« gérer »" in str(erreur.value) and "gerer" not in str(erreur.value)
    assert d.partager(DURAND, d.mes_documents(DURAND)[0].numero, LEA, "gérer")


@pytest.mark.parametrize("appel", [
    lambda ent: ent.service("absences").signaler(CPE, LEA, debut="midi"),
    lambda ent: ent.service("absences").signaler(CPE, LEA, "congé"),
    lambda ent: ent.service("casier").deposer(LEA, 3, "devoir.pdf", 10),
    lambda ent: ent.service("espace_documentaire").partager(DURAND, 1, "  "),
    lambda ent: ent.service("cdi").rechercher(LEA, "x", champ="isbn"),
    lambda ent: ent.service("espace_documentaire").deposer(LEA, 3, 10),
])
def test_pas_de_guillemets_droits_dans_les_messages(ent, appel):
    with pytest.raises(ErreurENT) as erreur:
        appel(ent)
    assert '"' not in str(erreur.value) and "«" in str(erreur.value)
