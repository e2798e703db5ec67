"""Le portail de l'ENT (widgets) : accueil, connexion réelle par le serveur CAS, tuiles,
coulisses, changement de rôle, mode projection, échos texte et échappement."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from entsim import ENT, MOTS_DE_PASSE_DEMO
from entsim.socle.erreurs import ValeurInvalide
from entsim.etablissement.generation import PERSONAS
from entsim.sso.tickets import NOM_COOKIE_TGC
from entsim.sso.reponses import SESSION_EXISTANTE
from entsim.widgets.accueil import adresse_dpd
from entsim.widgets.portail import MemeActionParRole, Portail, resoudre_role
from entsim.widgets.style import CLASSE_PROJECTION

LEA = PERSONAS["eleve"].identifiant
SOPHIE = PERSONAS["mere"].identifiant
KARIM = PERSONAS["autre_parent"].identifiant


@pytest.fixture
def ent():
    return ENT.demo(cout="rapide")


@pytest.fixture
def portail(ent):
    p = Portail(ent)
    yield p
    p.fermer()


def connecter_lea(portail: Portail) -> str:
    return portail.se_connecter(LEA, MOTS_DE_PASSE_DEMO["eleve"])


def operations_depuis(ent, numero: int) -> list[str]:
    return [e.operation for e in ent.journal.depuis(numero)]


# -- page d'accueil ------------------------------------------------------------------------
def test_accueil_formulaire_et_notice_sur_les_droits(ent, portail):
    assert portail.page_courante == "accueil"
    assert portail.page.children == (portail.accueil.vue,)
    assert isinstance(portail.accueil.mot_de_passe, widgets.Password)
    assert portail.accueil.bouton_connexion.description == "Se connecter"
    texte = portail.texte()
    for attendu in ("Responsable du traitement", "Le chef d'établissement (Philippe Lefèvre",
                    "Finalités", "Destinataires", "Durée de conservation",
                    "trois mois", "droit d'accès", "droit de rectification",
                    "droit d'opposition", "Comment exercer vos droits",
                    "délégué à la protection des données de l'académie de Nantes",
                    "dpd@ac-nantes.example", "CNIL"):
        assert attendu in texte, attendu
    # la notice est sur la page (HTML), pas seulement dans le texte
    assert "Responsable du traitement" in portail.accueil.notice.value
    assert adresse_dpd("académie de Nantes") == "dpd@ac-nantes.example"


def test_echec_de_connexion_meme_message_pour_inconnu_et_mauvais_mot_de_passe(ent, portail):
    debut = ent.journal.dernier_numero()
    mauvais = portail.se_connecter(LEA, "pas-le-bon")
    inconnu = portail.se_connecter("personne.inconnue", "pas-le-bon")
    assert mauvais == inconnu == "✗ Identifiant ou mot de passe incorrect."
    assert portail.page_courante == "accueil"
    assert portail.accueil.mot_de_passe.value == ""          # le secret est effacé
    assert "incorrect" in portail.accueil.message_connexion.value
    assert operations_depuis(ent, debut).count("connexion_echouee") == 2


def test_blocage_apres_cinq_echecs_par_le_vrai_service(ent, portail):
    for _ in range(5):
        portail.se_connecter(LEA, "pas-le-bon")
    message = connecter_lea(portail)          # même le bon mot de passe est refusé
    assert "bloqué" in message
    assert portail.identifiant is None
    assert ent.journal.filtrer(identite=LEA, operation="compte_bloque")


def test_identifiant_vide(portail):
    assert portail.se_connecter("  ", "x") == "✗ Saisissez votre identifiant (prénom.nom)."


# -- après connexion : tuiles ----------------------------------------------------------------
def test_connexion_ouvre_le_portail_avec_les_tuiles_du_profil(ent, portail):
    debut = ent.journal.dernier_numero()
    message = connecter_lea(portail)
    assert message.startswith("✓ Connexion réussie : bienvenue, Léa Martin (Élève).")
    assert portail.page_courante == "portail"
    assert "connexion_reussie" in operations_depuis(ent, debut)
    assert "tgt_cree" in operations_depuis(ent, debut)
    attendus = {s.code for s in ent.catalogue.pour_profil("Élève")}
    assert set(portail.tuiles) == attendus
    assert all(isinstance(t, widgets.Button) and t.description for t in portail.tuiles.values())
    assert "Léa Martin" in portail.entete.value and "Élève" in portail.entete.value
    assert "TSTMG1" in portail.entete.value
    assert "Médiacentre (ressources numériques) — via le GAR" in portail.texte()
    # un parent n'a pas les mêmes tuiles
    portail.se_deconnecter()
    portail.se_connecter(SOPHIE, MOTS_DE_PASSE_DEMO["mere"])
    assert set(portail.tuiles) == {s.code for s in ent.catalogue.pour_profil("Parent")}
    assert "forum" not in portail.tuiles and "forum" in attendus


def test_les_boutons_font_la_meme_chose_que_les_methodes(ent, portail):
    portail.accueil.identifiant.value = LEA
    portail.accueil.mot_de_passe.value = MOTS_DE_PASSE_DEMO["eleve"]
    portail.accueil.bouton_connexion.click()
    assert portail.identifiant == LEA
    portail.tuiles["notes"].click()
    assert portail.code_ouvert == "notes"
    # le service ouvert est signalé par un symbole et un mot, pas seulement une couleur
    assert portail.tuiles["notes"].description.startswith("▶ ")
    assert "(ouvert)" in portail.tuiles["notes"].description
    portail.bouton_deconnexion.click()
    assert portail.identifiant is None and portail.page_courante == "accueil"


def test_ouvrir_un_service_par_le_sso_sans_nouvelle_saisie(ent, portail):
    connecter_lea(portail)
    debut = ent.journal.dernier_numero()
    message = portail.ouvrir("notes")
    resultat = portail.dernier_resultat
    assert resultat.ok and resultat.sso
    assert resultat.validation is not None and resultat.validation.ok
    assert resultat.ticket in message and "sans retaper le mot de passe" in message
    assert "coulisses" in message             # les détails techniques y sont
    ops = operations_depuis(ent, debut)
    assert "connexion_reussie" not in ops
    assert ops[:3] == ["acces_autorise", "ticket_emis", "ticket_valide"]
    assert "Relevé de notes de Léa Martin" in portail.vue_service.texte()
    # deuxième ouverture : la session du service suffit, aucun nouveau ticket
    nb_tickets = len(ent.cas.tickets())
    deuxieme = portail.ouvrir("notes")
    assert portail.dernier_resultat.code == SESSION_EXISTANTE
    assert len(ent.cas.tickets()) == nb_tickets
    assert "accès direct" in deuxieme


def test_mediacentre_s_ouvre_sans_nouvelle_connexion(ent, portail):
    connecter_lea(portail)
    debut = ent.journal.dernier_numero()
    message = portail.ouvrir("mediacentre")
    assert portail.dernier_resultat.ok and portail.dernier_resultat.sso
    assert "connexion_reussie" not in operations_depuis(ent, debut)
    assert "sans retaper le mot de passe" in message
    assert "GAR" in message and "aucune nouvelle connexion" in message


def test_service_inconnu_phrase_francaise(portail):
    connecter_lea(portail)
    assert portail.ouvrir("pronote").startswith("⚠ ")


def test_ouvrir_sans_etre_connecte(portail):
    assert portail.ouvrir("notes").startswith("Connectez-vous d'abord")


# -- coulisses -----------------------------------------------------------------------------
def test_coulisses_montrent_les_vraies_valeurs_de_la_session(ent, portail):
    debut = ent.journal.dernier_numero()
    connecter_lea(portail)
    portail.ouvrir("notes")
    portail.ouvrir("cahier_de_textes")
    texte = portail.coulisses.texte()
    nav = ent.navigateur("Poste du CDI")
    tgc = nav.cookie(ent.cas.url_login(), NOM_COOKIE_TGC).valeur
    assert tgc.startswith("TGT-") and f"Cookie TGC : {tgc}" in texte
    assert tgc in portail.coulisses.cookie.value             # affiché, pas seulement en texte
    tickets = [t for t in ent.cas.tickets() if t.poste == "Poste du CDI"]
    assert len(tickets) == 2 and {t.service for t in tickets} == {"notes", "cahier_de_textes"}
    for t in tickets:
        assert t.ticket in texte and t.ticket in portail.coulisses.tickets.value
        assert f"{t.ticket} — " in texte and "✓ validé" in texte
    nouvelles = ent.journal.depuis(debut)
    assert nouvelles
    for entree in nouvelles:
        assert f"n° {entree.numero} — " in texte
    autorisations = [e for e in nouvelles if e.operation == "acces_autorise"]
    assert autorisations and "✓ autorisé" in portail.coulisses.decisions.value
    assert "Décisions d'autorisation" in texte


def test_coulisses_suivent_en_direct_et_se_masquent(ent, portail):
    connecter_lea(portail)
    portail.ouvrir("notes")
    # une action faite hors du portail (dans une cellule) apparaît aussi : abonnement au journal
    ent.ouvrir("messagerie", poste="Poste du CDI")
    dernier = ent.cas.tickets()[-1]
    assert dernier.service == "messagerie"
    assert dernier.ticket in portail.coulisses.tickets.value
    assert portail.montrer_coulisses(False) == "Coulisses masquées."
    assert portail.coulisses.vue.layout.display == "none"
    assert "Dans les coulisses" not in portail.texte()
    portail.ouvrir("cahier_de_textes")                 # suivi même quand le panneau est masqué
    portail.bouton_coulisses.value = True
    assert portail.bouton_coulisses.description == "Coulisses : affichées"
    assert ent.cas.tickets()[-1].ticket in portail.coulisses.tickets.value


# -- déconnexion ---------------------------------------------------------------------------
def test_deconnexion_propagee_et_resumee(ent, portail):
    connecter_lea(portail)
    portail.ouvrir("notes")
    portail.ouvrir("messagerie")
    message = portail.se_deconnecter()
    assert message.startswith("✓ Déconnexion de Léa Martin : session SSO fermée")
    assert "2 services prévenus (déconnexion unique)" in message
    assert "« Notes et résultats des évaluations »" in message and "« Messagerie »" in message
    assert portail.page_courante == "accueil"
    nav = ent.navigateur("Poste du CDI")
    assert nav.cookie(ent.cas.url_login(), NOM_COOKIE_TGC) is None
    assert ent.cas.service("notes").avis_recus() and ent.cas.service("messagerie").avis_recus()
    assert "Cookie TGC : aucun" in portail.coulisses.texte()


def test_session_deja_ouverte_sur_le_poste(ent):
    ent.connexion(LEA, MOTS_DE_PASSE_DEMO["eleve"])
    p = Portail(ent)
    assert p.page_courante == "portail" and p.identifiant == LEA
    assert "déjà ouverte" in p.historique[-1]
    p.fermer()


# -- première connexion --------------------------------------------------------------------
def _compte_a_activer(ent) -> str:
    personas = {p.identifiant for p in PERSONAS.values()}
    return next(i for i in ent.codes_activation
                if i not in personas and ent.etablissement.personne(i).profil.value == "Élève")


def test_premiere_connexion_liste_tous_les_problemes(ent, portail):
    ident = _compte_a_activer(ent)
    message = portail.premiere_connexion(ident, "MAUVAIS1", "azerty", charte=False,
                                         notice=False)
    codes = set(portail.dernier_resultat.codes)
    assert {"code_activation_invalide", "charte_non_acceptee", "information_non_lue"} <= codes
    assert len(codes) >= 5                     # les règles du mot de passe aussi
    assert message.startswith("✗ Activation refusée :")
    assert message.count("\n• ") == len(portail.dernier_resultat.problemes)
    assert "charte" in message and "droits" in message
    assert portail.identifiant is None
    assert portail.accueil.pc_mot_de_passe.value == ""


def test_premiere_connexion_confirmation_differente(ent, portail):
    ident = _compte_a_activer(ent)
    message = portail.premiere_connexion(ident, ent.codes_activation[ident], "Orage!Violet2027",
                                         confirmation="Orage!Violet2028")
    assert "différents" in message and portail.identifiant is None
    assert not ent.authentification.compte(ident).actif


def test_premiere_connexion_reussie_puis_connexion(ent, portail):
    ident = _compte_a_activer(ent)
    debut = ent.journal.dernier_numero()
    message = portail.premiere_connexion(ident, ent.codes_activation[ident], "Orage!Violet2027",
                                         confirmation="Orage!Violet2027")
    assert message.startswith("✓ Compte activé")
    assert "Connexion réussie" in message
    assert portail.identifiant == ident and portail.page_courante == "portail"
    ops = operations_depuis(ent, debut)
    assert ops.index("charte_acceptee") < ops.index("activation_reussie") \
        < ops.index("connexion_reussie")


def test_premiere_connexion_par_le_formulaire(ent, portail):
    ident = _compte_a_activer(ent)
    a = portail.accueil
    a.pc_identifiant.value = ident
    a.pc_code.value = ent.codes_activation[ident]
    a.pc_mot_de_passe.value = a.pc_confirmation.value = "Orage!Violet2027"
    a.pc_bouton.click()                        # charte et notice non cochées
    assert portail.identifiant is None
    assert "charte" in a.pc_message.value
    a.pc_mot_de_passe.value = a.pc_confirmation.value = "Orage!Violet2027"
    a.pc_charte.value = a.pc_notice.value = True
    a.pc_bouton.click()
    assert portail.identifiant == ident


# -- changement de rôle --------------------------------------------------------------------
def test_changer_de_role_meme_service_vues_differentes(ent, portail):
    connecter_lea(portail)
    portail.ouvrir("notes")
    assert "Relevé de notes de Léa Martin" in portail.vue_service.texte()
    debut = ent.journal.dernier_numero()
    message = portail.changer_de_role("mere")
    assert portail.identifiant == SOPHIE and portail.code_ouvert == "notes"
    assert "Vous voyez maintenant l'ENT en tant que Sophie Martin" in message
    ops = operations_depuis(ent, debut)
    assert ops.index("deconnexion") < ops.index("connexion_reussie") < ops.index("ticket_valide")
    assert "Léa Martin" in portail.vue_service.texte()
    assert portail.choix_role.value == "mere"
    # un autre parent ne voit jamais les données d'une autre famille
    portail.changer_de_role("autre_parent")
    assert portail.identifiant == KARIM
    vu = portail.vue_service.texte()
    assert "Hugo Bernard" in vu and "Léa" not in vu and "Martin" not in vu
    assert "Léa" not in portail.texte().split("Service ouvert :", 1)[1].split(
        "Dans les coulisses", 1)[0]


def test_changer_de_role_par_la_liste(ent, portail):
    connecter_lea(portail)
    portail.ouvrir("cahier_de_textes")
    portail.choix_role.value = "professeur_principal"
    assert portail.identifiant == PERSONAS["professeur_principal"].identifiant
    assert portail.code_ouvert == "cahier_de_textes"
    assert portail.vue_service is not None


def test_changer_de_role_refus_en_francais(ent, portail):
    connecter_lea(portail)
    portail.ouvrir("forum")                    # les parents n'utilisent pas le forum
    message = portail.changer_de_role("parent")
    assert portail.identifiant == SOPHIE
    assert "✗ Accès refusé à « Forum » pour Sophie Martin" in message
    assert portail.vue_service is None
    assert "acces_refuse" in [e.operation for e in ent.journal.depuis(0)]


def test_changer_de_role_inconnu(portail):
    assert portail.changer_de_role("pirate").startswith("⚠ Personnage inconnu : « pirate »")
    assert resoudre_role("Direction") == ("proviseur", "philippe.lefevre")
    assert resoudre_role("sophie.martin") == ("mere", SOPHIE)


def test_meme_ressource_vue_par_chaque_role(ent):
    comparaison = MemeActionParRole(ent, "notes")
    par_role = {v.role: v for v in comparaison.lignes}
    assert [r for r, v in par_role.items() if not v.autorise] == ["autre_parent"]
    karim = par_role["autre_parent"]
    assert karim.contenu == "" and karim.symbole == "✗ refusé"
    # le contenu n'est montré qu'une fois : celui du premier personnage autorisé (Léa)
    assert "Léa Martin" in par_role["eleve"].contenu and par_role["mere"].contenu == ""
    assert comparaison.contenu == par_role["eleve"].contenu
    # chaque rôle a sa raison, et elle s'affiche avec un mot, pas seulement un symbole
    assert len({v.raison for v in comparaison.lignes}) == len(comparaison.lignes)
    texte = comparaison.texte()
    assert "Karim Bernard — parent d'une autre famille (de Hugo Bernard) : ✗ refusé" in texte
    assert "✓ autorisé" in texte
    classe = MemeActionParRole(ent, "cahier_de_textes", "TSTMG1")
    assert all(v.autorise for v in classe.lignes)  # Hugo, fils de Karim, est en TSTMG1


# -- projection, échos, échappement -----------------------------------------------------------
def test_mode_projection_un_interrupteur(ent, portail):
    connecter_lea(portail)
    portail.ouvrir("notes")
    avant = portail.vue_service
    message = portail.basculer_projection(True)
    assert message.startswith("Mode projection activé")
    assert CLASSE_PROJECTION in portail.vue._dom_classes
    assert portail.bouton_projection.value is True
    assert portail.bouton_projection.description == "Mode projection : activé"
    assert portail.vue_service is not avant           # vue reconstruite, plus grande
    assert "Mode projection : activé" in portail.texte()
    portail.bouton_projection.value = False           # le bouton fait la même chose
    assert CLASSE_PROJECTION not in portail.vue._dom_classes
    assert portail.historique[-1].startswith("Mode projection désactivé")


def test_chaque_effet_est_annonce_en_texte(portail):
    connecter_lea(portail)
    portail.ouvrir("notes")
    assert 'role="status"' in portail.annonce.value
    assert "Notes et résultats des évaluations" in portail.annonce.value
    assert portail.historique[-1] in portail.texte()


def test_le_texte_saisi_n_est_jamais_interprete(portail):
    piege = "<img src=x onerror=alert(1)>"
    portail.changer_de_role(piege)
    assert "<img" not in portail.annonce.value and "&lt;img" in portail.annonce.value
    portail._annonce_de_vue("<script>alert('x')</script>")
    assert "<script>" not in portail.annonce.value
    portail.se_connecter(piege, "x")
    assert "<img" not in portail.accueil.message_connexion.value


def test_projection_valeur_invalide(portail):
    with pytest.raises(ValeurInvalide, match="True"):
        portail.basculer_projection("oui")


def test_changer_de_role_vers_un_compte_bloque_revient_a_l_accueil(ent, portail):
    connecter_lea(portail)
    for _ in range(5):
        ent.authentification.verifier_mot_de_passe(SOPHIE, "pas-le-bon")
    message = portail.changer_de_role("mere")
    assert "Déconnexion de Léa Martin" in message and "bloqué" in message
    assert portail.identifiant is None and portail.page_courante == "accueil"
    assert portail.page.children == (portail.accueil.vue,)
    assert portail.choix_role.value == ""


# -- blocage : l'horloge simulée n'avance pas toute seule ------------------------------------
def test_compte_bloque_bouton_pour_attendre_la_fin_du_blocage(ent, portail):
    assert not portail.accueil.attente_visible
    for _ in range(5):
        message = portail.se_connecter(LEA, "pas-le-bon")
    assert "réessayez après 08:15" in message
    assert "« Attendre la fin du blocage (horloge simulée) »" in message
    assert portail.accueil.attente_visible
    assert portail.accueil.bouton_attente.description == \
        "Attendre la fin du blocage (horloge simulée)"
    # la note pour l'enseignant dit honnêtement que le blocage révèle le compte
    assert "révèle que le compte existe" in portail.accueil.message_connexion.value
    assert "Attendre la fin du blocage" in portail.texte()
    assert connecter_lea(portail).startswith("✗")          # toujours bloqué à 08:00
    debut = ent.journal.dernier_numero()
    portail.accueil.bouton_attente.click()                 # le bouton fait la même chose
    assert portail.historique[-1] == (
        "⏩ Horloge simulée avancée de 08:00 à 08:15 : le blocage du compte « lea.martin » est "
        "terminé, vous pouvez réessayer de vous connecter.")
    assert f"{ent.horloge.maintenant():%H:%M}" == "08:15"
    assert "compte_debloque" in operations_depuis(ent, debut)
    assert not portail.accueil.attente_visible
    assert connecter_lea(portail).startswith("✓ Connexion réussie")


def test_attendre_sans_blocage_ne_change_pas_l_horloge(ent, portail):
    avant = ent.horloge.maintenant()
    assert portail.attendre_fin_du_blocage() == ("Aucun compte n'est bloqué sur ce poste : il "
                                                 "n'y a rien à attendre.")
    assert ent.horloge.maintenant() == avant


def test_identifiant_inconnu_jamais_bloque(portail):
    for _ in range(7):
        message = portail.se_connecter("personne.inconnue", "x")
    assert message == "✗ Identifiant ou mot de passe incorrect."
    assert not portail.accueil.attente_visible


# -- messages simples et français correct ------------------------------------------------------
def test_message_de_connexion_simple_details_dans_les_coulisses(portail):
    message = connecter_lea(portail)
    assert message == ("✓ Connexion réussie : bienvenue, Léa Martin (Élève). Vos services "
                       "s'ouvriront sans retaper le mot de passe.")
    assert "TGC" in portail.coulisses.texte()              # la technique est dans les coulisses


def test_elision_et_fonction_neutre(ent, portail):
    connecter_lea(portail)
    message = portail.changer_de_role("cpe")
    assert "en tant qu'Isabelle Moreau" in message and "en tant que Isabelle" not in message
    comparaison = MemeActionParRole(ent, "notes", roles=["cpe"])
    assert "Isabelle Moreau (CPE) y a accès" in comparaison.texte()
    assert "Le CPE" not in comparaison.texte()


def test_coulisses_accordent_les_nombres(ent, portail):
    assert "0 ticket, 0 décision" in portail.coulisses.resume.value
    connecter_lea(portail)
    portail.ouvrir("notes")
    resume = portail.coulisses.resume.value
    assert "1 ticket," in resume and "(s)" not in resume
    portail.ouvrir("messagerie")
    assert "2 tickets" in portail.coulisses.resume.value
    assert "(s)" not in portail.se_deconnecter()


def test_vue_en_defaut_phrase_francaise_sans_nom_d_exception(ent, portail, monkeypatch):
    import entsim.widgets.portail.base as module

    class VueCassee:
        def __init__(self, contexte, code):
            raise KeyError("cle_interne")

    monkeypatch.setattr(module, "classe_de_vue", lambda code: VueCassee)
    connecter_lea(portail)
    message = portail.ouvrir("notes")
    assert "La vue détaillée n'a pas pu s'afficher ; voici la fiche du service." in message
    assert "KeyError" not in message and "cle_interne" not in message
    assert isinstance(portail.erreur_vue, KeyError)        # gardée pour les développeurs


def test_coulisses_en_defaut_phrase_francaise(ent, portail, monkeypatch):
    def casse():
        raise RuntimeError("interne")

    monkeypatch.setattr(portail.coulisses, "actualiser", casse)
    ent.journal.enregistrer("deconnexion", identite=LEA, resultat="info", detail="essai")
    resume = portail.coulisses.resume.value
    assert resume.startswith("Coulisses : l'affichage n'a pas pu être mis à jour")
    assert "RuntimeError" not in resume and "interne" not in resume


# -- la même ressource vue par chaque rôle ----------------------------------------------------
@pytest.mark.parametrize("service, cible, attendu", [
    ("notes", "lea.martin", "Relevé de notes de Léa Martin (TSTMG1)"),
    ("absences", "lea.martin", "Absences de Léa Martin"),
    ("cahier_de_textes", "TSTMG1", "Travail à faire en TSTMG1"),
    ("emploi_du_temps", "TSTMG1", "Semaine type de la classe TSTMG1"),
])
def test_meme_action_par_role_pour_les_quatre_services(ent, service, cible, attendu):
    comparaison = MemeActionParRole(ent, service, cible)
    texte = comparaison.texte()
    assert attendu in texte
    assert texte.count(attendu) == 1                       # le contenu n'est montré qu'une fois
    lignes = texte.splitlines()
    assert lignes[0].endswith(": qui peut voir quoi ?")
    assert "vu par chaque rôle" not in texte
    # une ligne par rôle, avec le symbole, le mot et la raison
    for ligne, vue in zip(lignes[1:], comparaison.lignes):
        assert ligne == f"{vue.nom} : {vue.symbole} — {vue.raison}"
    assert len(lignes) < 1 + len(comparaison.lignes) + 60


def test_meme_action_par_role_arguments_invalides(ent):
    with pytest.raises(ValeurInvalide, match="Personnage inconnu : « zz »"):
        MemeActionParRole(ent, "notes", roles=["zz"])
    seul = MemeActionParRole(ent, "notes", roles="mere")   # un seul rôle, en texte
    assert [v.role for v in seul.lignes] == ["mere"]
    with pytest.raises(ValeurInvalide, match="liste de personnages"):
        MemeActionParRole(ent, "notes", roles=[])
    with pytest.raises(ValeurInvalide, match="porte sur"):
        MemeActionParRole(ent, "forum")
    with pytest.raises(ValeurInvalide, match="n'est pas un élève"):
        MemeActionParRole(ent, "notes", "sophie.martin")


def test_portail_arguments_invalides(ent):
    with pytest.raises(ValeurInvalide, match="« coulisses » vaut True"):
        Portail(ent, coulisses="x")
    with pytest.raises(ValeurInvalide, match="« projection » vaut True"):
        Portail(ent, projection=1)
