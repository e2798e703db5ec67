"""Tests de propriétés : entrées hostiles (issue 10, section 5, troisième point).

Ce qu'un élève touche depuis une cellule ou un bouton — les méthodes publiques de chaque
service simulé, celles de l'objet ``ENT``, l'horloge, les lectures du journal, les fiches
(``verifier``, ``indice``) et les actions des vues du portail (pilotées par
:class:`entsim.widgets.vues.ContexteVue`, comme dans ``test_vues_robustesse.py``) — reçoit,
tirées par hypothesis, des valeurs hostiles : textes avec demi-codets isolés, caractères de
contrôle ou de sens d'écriture, nombres démesurés ou négatifs, NaN et infinis, mauvais types,
``None``, dates au bout du calendrier, octets, listes imbriquées. Les autres arguments sont
plausibles (vrais identifiants, vraies classes, vrais numéros) pour atteindre le cœur des
opérations.

Propriétés :

* jamais d'autre exception que les erreurs françaises d'entsim (:class:`ErreurENT`) ; une
  vue ne lève jamais rien et ne cache aucune erreur interne (``vue.erreur_interne``) ;
* un message d'erreur est court (la valeur reçue est citée, coupée) et ne contient aucun
  caractère invisible ou dangereux (il s'affiche tel quel) ;
* après un refus, les données du service n'ont pas changé, et le journal n'a reçu que des
  décisions d'accès (un refus est tracé, rien d'autre) ;
* le journal reste lisible et sa chaîne intacte.

Le nombre de cas joués s'affiche en fin de suite (``tests/proprietes.py``) ; pour une
campagne plus longue : ``ENTSIM_PROPRIETES=10`` (voir le README, section des mainteneurs).
"""

from __future__ import annotations

import functools
import inspect
import pkgutil
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import entsim.widgets.vues as paquet_vues
from entsim import ENT
from entsim.etablissement.generation import PERSONAS
from entsim_corrige import fiche_corrigee as fiche, fiches_disponibles
from entsim.services import classe_du_service
from entsim.socle.caracteres import caractere_interdit
from entsim.socle.erreurs import ErreurENT
from entsim.socle.horloge import Horloge
from entsim.widgets.vues import ContexteVue, actions_de_vue, classe_de_vue

from proprietes import compter, etat_des_donnees, exemples

pytestmark = pytest.mark.lent

P = {role: personne.identifiant for role, personne in PERSONAS.items()}
SIG = "Management, sciences de gestion et numérique, enseignement spécifique SIG"

# -- les valeurs hostiles ------------------------------------------------------------------

#: Textes piégés : demi-codets isolés, sens d'écriture, invisibles, contrôles, HTML, chemins,
#: chiffres non ASCII, dates au bout du calendrier, textes démesurés.
TEXTES_PIEGES = (
    "", " ", "\n", "\t", "Sortie\udfff", "\ud800", "\u202eexe.fdp", "a\u2067b", "a\u200bb",
    "\ufeffTitre", "x\x85", "\x1b[2J", "\x00", "<script>alert(1)</script>", "../../etc/passwd",
    "CON", "١٠", "１０", "1_0", "nan", "inf", "-1", "1e400", "31/12/9999", "00/00/0000",
    "29/02/2027", "a\u2028b", "\U0001F600", "x" * 100_000, "é" * 6000,
)
#: Nombres démesurés, négatifs, NaN, infinis, booléens.
NOMBRES_PIEGES = (0, -1, 10 ** 400, -10 ** 400, 10 ** 5000, 2 ** 63, float("nan"),
                  float("inf"), float("-inf"), -0.0, 1e308, 5e-324, True, False)
#: Mauvais types, dates extrêmes, objets quelconques.
AUTRES_PIEGES = (
    None, b"octets", bytearray(b"x"), [], [[[]]], [None], {}, {"a": 1}, set(), object(),
    (1, 2), date.max, date.min, datetime.max, datetime.min, datetime(9999, 12, 31, 23, 59),
    timedelta.max, time(23, 59), complex(1, 1), Decimal("NaN"), Fraction(1, 3), range(3), print,
)
_CATEGORIES = ("Lu", "Ll", "Nd", "No", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Mn", "Po",
               "Sm", "So")

HOSTILES = st.one_of(
    st.sampled_from(TEXTES_PIEGES + NOMBRES_PIEGES + AUTRES_PIEGES),
    st.text(st.characters(categories=_CATEGORIES), max_size=20),
    st.integers(),
    st.floats(),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=3)), max_size=3),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
)

# -- les valeurs plausibles, par nom de paramètre ------------------------------------------

_PERSONNES = [P["eleve"], P["mere"], P["professeur_principal"], P["cpe"], P["documentaliste"],
              P["proviseur"], P["autre_eleve"], P["invite"], P["vie_scolaire"],
              P["gestionnaire"], P["frere"], "melodie.legrand"]
_NUMEROS = [1, 2, 3, 5, 8, 13, 21]
_DATES = [None, date(2026, 9, 14), "14/09/2026", datetime(2026, 9, 10, 10), "01/10/2026"]
_TEXTES = ["Sortie au musée", "Bonjour,\nà lundi", "Devoir n° 2", ""]

PLAUSIBLES: dict[str, list] = {
    "identifiant": _PERSONNES, "eleve": [P["eleve"], P["autre_eleve"], P["frere"]],
    "pour": [P["eleve"], P["professeur_principal"]], "de": [None, P["eleve"], P["cpe"]],
    "enseignant": [P["professeur_principal"], "melodie.legrand"],
    "destinataire": [P["professeur_principal"], P["cpe"], P["eleve"]],
    "destinataires": [P["professeur_principal"], [P["professeur_principal"], P["cpe"]]],
    "avec": [P["eleve"], "TSTMG1", "Enseignant"],
    "classe": ["TSTMG1", "2NDE3", None],
    "discipline": [SIG, "Mathématiques", "Histoire-géographie", None],
    "code": ["classe_tstmg1", "cdi", "entraide_tstmg1", "vie_du_lycee", "msgn-sig-t",
             "kiosque", "notes"],
    "numero": _NUMEROS, "numero_billet": _NUMEROS, "numero_sujet": _NUMEROS,
    "numero_message": _NUMEROS, "numero_dossier": _NUMEROS, "evaluation": _NUMEROS,
    "dossier": [None, 1, 2, "reception", "envoyes"],
    "taille": [0, 1024, 10 ** 6], "taille_ko": [1, 30, 500],
    "type_mime": [None, "application/pdf"],
    "le": _DATES, "du": _DATES, "au": _DATES, "pour_le": _DATES, "a_partir_du": _DATES,
    "debut": [datetime(2026, 9, 10, 10), "10h", time(10), date(2026, 9, 14)],
    "fin": [None, datetime(2026, 9, 10, 11), "11h"],
    "jour": ["2026-10-02", date(2026, 10, 2)], "heure": ["14:30", "14 h"],
    "valeur": ["12,5", 15, "Abs", "14/20"], "coefficient": [1, "0,5", 2],
    "nature": ["absence", "retard"], "minutes": [10, 5], "accepter": [True, False],
    "motif": ["maladie", "Moquerie envers un camarade"],
    "public": [["Élève"], "Parent", None], "categorie": [None, "Réunion", "vie_du_lycee"],
    "etablissement": [False, True], "type": ["Stage", "Livre", "Projet"],
    "auteurs": ["Victor Hugo", ["Claire Vasseur", "Marc Ollier"]], "sujets": ["", "roman"],
    "annee": [None, 2000, "2001"], "exemplaires": [1, 3], "champ": ["tout", "titre"],
    "disponibles_seulement": [False, True], "droit": ["lire", "contribuer", "gerer"],
    "poste": [None, "Poste du CDI", "Téléphone", "Ordinateur de la maison"],
    "action": ["lire", "écrire"], "service": [None, "notes"],
    "beneficiaire": ["utilisateur:lea.martin", "classe:TSTMG1", "profil:ELEVE"],
    "avec_classe": [False, True], "cours": [None, "Mathématiques"], "reponse_a": [None, 1],
    "editeur": ["", "Éditions Sillage"], "portee": ["personnel", "TSTMG1", "etablissement"],
    "affichage": ["travail", "seances"], "onglet": ["mes_documents", "partages"],
    "cible": ["TSTMG1", P["professeur_principal"]],
    "nom": ["devoir.pdf", "Cours", "Exercice.ipynb"], "cote": ["", "R HUG"],
    "texte": _TEXTES, "titre": _TEXTES, "contenu": _TEXTES, "corps": _TEXTES,
    "objet": _TEXTES, "commentaire": _TEXTES, "description": _TEXTES, "remarque": _TEXTES,
    "travail": _TEXTES, "lieu": _TEXTES, "rubrique": ["Informations"],
    "raison": ["Règle du service"],
}


def _objets_du_service(service, nom: str) -> list:
    """Les valeurs plausibles d'un paramètre qui attend un objet du service."""
    donnees = {"message": ("_messages",), "blog": ("_blogs",), "categorie": ("_categories",),
               "seances": ("_seances",), "creneaux": ("_creneaux",)}
    objets: list = []
    for attribut in donnees.get(nom, ()):
        valeur = getattr(service, attribut, None)
        if isinstance(valeur, dict):
            objets += list(valeur.values())[:3]
        elif isinstance(valeur, list):
            objets += valeur[:3] if nom not in ("seances", "creneaux") else [valeur[:4]]
    return objets


def _plausibles(nom: str, service=None) -> list:
    objets = _objets_du_service(service, nom) if service is not None else []
    return objets + PLAUSIBLES.get(nom, []) or _TEXTES


def _parametres(fonction) -> list[inspect.Parameter]:
    return [p for p in inspect.signature(fonction).parameters.values()
            if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def _arguments(data, fonction, plausibles) -> dict:
    """Des arguments nommés pour ``fonction`` : un ou deux hostiles, les autres tirés de
    ``plausibles(nom)`` ; un paramètre facultatif garde parfois sa valeur par défaut."""
    parametres = _parametres(fonction)
    noms = [p.name for p in parametres]
    hostiles = data.draw(st.sets(st.sampled_from(noms), max_size=2)) if noms else set()
    arguments = {}
    for p in parametres:
        if p.name not in hostiles and p.default is not p.empty and data.draw(st.booleans()):
            continue
        arguments[p.name] = data.draw(HOSTILES if p.name in hostiles
                                      else st.sampled_from(plausibles(p.name)))
    return arguments


# -- les propriétés ----------------------------------------------------------------------

def verifier_message(erreur: ErreurENT) -> None:
    """Un message d'erreur : une phrase courte, sans caractère invisible ni dangereux."""
    message = str(erreur)
    assert isinstance(message, str) and message.strip(), repr(erreur)
    assert len(message) <= 1200, message[:300]
    assert caractere_interdit(message, multiligne=True) is None, ascii(message[:300])


def _lignes_depuis(ent, nombre: int) -> list:
    nouvelles = ent.journal.entrees()[nombre:]
    for ligne in nouvelles:          # le journal ne plante jamais sur ce qu'il a reçu
        assert ligne.empreinte_calculee() == ligne.empreinte
    return nouvelles


_ENTS: dict[str, ENT] = {}


def ent_de(nom: str) -> ENT:
    """Un ENT par test (créé une fois : les exemples s'y succèdent)."""
    if nom not in _ENTS:
        _ENTS[nom] = ENT.demo(cout="rapide")
    return _ENTS[nom]


@pytest.fixture(scope="module", autouse=True)
def journaux_intacts():
    """À la fin du module, la chaîne de chaque journal est intacte."""
    yield
    for nom, ent in _ENTS.items():
        assert ent.journal.verifier().intact, nom
    _ENTS.clear()


# -- 1. les méthodes publiques de chaque service simulé -------------------------------------

CODES_SERVICES = ("absences", "actualites", "agenda", "blog", "cahier_de_textes", "casier",
                  "cdi", "emploi_du_temps", "espace_documentaire", "forum", "mediacentre",
                  "messagerie", "notes", "orientation")
#: La tuyauterie du contrôle d'accès (demander une décision, fabriquer un refus tracé avec
#: la description de l'objet que lui donne le service) : testée par les tests de
#: l'autorisation, pas une action d'élève.
PLOMBERIE = frozenset({"exiger", "permis", "refuser", "discipline_de_la_classe"})


def methodes_publiques(service) -> list[str]:
    return sorted(nom for nom, valeur in inspect.getmembers(type(service), inspect.isfunction)
                  if not nom.startswith("_") and nom not in PLOMBERIE)


@pytest.mark.parametrize("code", CODES_SERVICES)
@settings(max_examples=exemples(300))
@given(data=st.data())
def test_services_jamais_d_exception_brute_et_rien_ne_change_apres_un_refus(code, data):
    ent = ent_de("services")
    service = classe_du_service(code)(ent)   # données neuves à chaque exemple
    nom = data.draw(st.sampled_from(methodes_publiques(service)), label="méthode")
    arguments = _arguments(data, getattr(service, nom),
                           lambda parametre: _plausibles(parametre, service))
    avant, lignes = etat_des_donnees(service), len(ent.journal)
    try:
        getattr(service, nom)(**arguments)
    except ErreurENT as erreur:
        verifier_message(erreur)
        assert etat_des_donnees(service) == avant, (nom, "données changées malgré le refus")
        nouvelles = _lignes_depuis(ent, lignes)
        assert all(l.operation in ("acces_autorise", "acces_refuse") for l in nouvelles), \
            [l.operation for l in nouvelles]
    else:
        _lignes_depuis(ent, lignes)
    compter(f"entrées hostiles : service {code}")


# -- 2. les actions des vues du portail ---------------------------------------------------

CODES_VUES = sorted(m.name for m in pkgutil.iter_modules(paquet_vues.__path__)
                    if not m.name.startswith("_") and m.name != "fiche")
ROLES = ("eleve", "mere", "professeur_principal", "cpe", "documentaliste", "proviseur",
         "invite")
_VUES: dict[tuple[str, str], object] = {}


def vue_de(code: str, role: str):
    cle = (code, role)
    if cle not in _VUES:
        ent = ent_de("vues")
        _VUES[cle] = classe_de_vue(code)(ContexteVue(ent, P[role]), code)
    return _VUES[cle]


@pytest.mark.parametrize("code", CODES_VUES)
@settings(max_examples=exemples(120))
@given(data=st.data())
def test_vues_une_phrase_francaise_jamais_une_exception(code, data):
    role = data.draw(st.sampled_from(ROLES), label="rôle")
    vue = vue_de(code, role)
    nom = data.draw(st.sampled_from(actions_de_vue(type(vue))), label="action")
    methode = getattr(vue, nom)
    parametres = [p for p in inspect.signature(methode).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    nombre = data.draw(st.integers(0, len(parametres) + 1), label="nombre d'arguments")
    arguments = [data.draw(HOSTILES if data.draw(st.booleans())
                           else st.sampled_from(_plausibles(p.name)))
                 for p in parametres[:nombre]]
    arguments += [data.draw(HOSTILES)] * (nombre - len(arguments))
    avant, lignes = etat_des_donnees(vue.service), len(vue.ent.journal)
    vue.erreur_interne = None
    phrase = methode(*arguments)              # aucune exception, quelle qu'elle soit
    assert isinstance(phrase, str) and phrase.strip(), (nom, phrase)
    assert vue.erreur_interne is None, (nom, repr(vue.erreur_interne))
    assert len(phrase) <= 1500 and "Traceback" not in phrase, phrase[:300]
    assert caractere_interdit(phrase, multiligne=True) is None, ascii(phrase[:300])
    if phrase.startswith(("⚠", "✗", "Accès refusé")):
        assert etat_des_donnees(vue.service) == avant, (nom, phrase)
    _lignes_depuis(vue.ent, lignes)
    assert vue.texte()
    compter(f"entrées hostiles : vue {code}")


# -- 3. l'objet ENT, l'horloge, le journal, les fiches -------------------------------------

_METHODES_ENT = ("connexion", "ouvrir", "deconnexion", "navigateur", "service", "avancer",
                 "attributs", "parcours")
_PLAUSIBLES_ENT = {
    "identifiant": _PERSONNES, "mot_de_passe": ["Cahier!Vert2026", "faux", None],
    "poste": ["Poste du CDI", "Téléphone"], "service": ["notes", "cahier_de_textes", "blog"],
    "code": ["notes", "messagerie", "cdi"], "premier_service": ["cahier_de_textes"],
    "second_service": ["messagerie"], "secondes": [0, 5, 3600], "minutes": [0, 10],
    "heures": [0, 1], "jours": [0, 1],
}


@settings(max_examples=exemples(400))
@given(data=st.data())
def test_ent_jamais_d_exception_brute(data):
    ent = ent_de("ent")
    nom = data.draw(st.sampled_from(_METHODES_ENT), label="méthode")
    methode = getattr(ent, nom)
    arguments = _arguments(data, methode, lambda parametre: _PLAUSIBLES_ENT.get(parametre,
                                                                                _TEXTES))
    avant, lignes = ent.horloge.maintenant(), len(ent.journal)
    try:
        methode(**arguments)
    except ErreurENT as erreur:
        verifier_message(erreur)
        assert ent.horloge.maintenant() == avant
    _lignes_depuis(ent, lignes)
    compter("entrées hostiles : objet ENT")


@settings(max_examples=exemples(300))
@given(methode=st.sampled_from(("avancer", "avancer_de", "aller_a")),
       valeurs=st.lists(st.one_of(HOSTILES, st.sampled_from(
           [5, 60.5, timedelta(hours=2), datetime(2027, 1, 1)])), min_size=1, max_size=4))
def test_horloge_jamais_d_exception_brute_et_ne_recule_jamais(methode, valeurs):
    horloge = Horloge()
    avant = horloge.maintenant()
    try:
        if methode == "avancer":
            horloge.avancer(*valeurs[:1], **dict(zip(("minutes", "heures", "jours"),
                                                     valeurs[1:])))
        else:
            getattr(horloge, methode)(valeurs[0])
    except ErreurENT as erreur:
        verifier_message(erreur)
        assert horloge.maintenant() == avant
    assert horloge.maintenant() >= avant
    compter("entrées hostiles : horloge")


_LECTURES_JOURNAL = ("tableau", "filtrer", "chaine_de", "depuis", "verifier")


@settings(max_examples=exemples(300))
@given(data=st.data())
def test_lectures_du_journal_jamais_d_exception_brute_et_sans_effet(data):
    ent = ent_de("journal")
    if len(ent.journal) < 100:
        ent.connexion(P["eleve"], "Cahier!Vert2026")
        ent.service("notes").releve(P["eleve"], P["eleve"])
    journal = ent.journal
    nom = data.draw(st.sampled_from(_LECTURES_JOURNAL), label="lecture")
    methode = getattr(journal, nom)
    arguments = {p.name: data.draw(st.one_of(HOSTILES, st.sampled_from(
        [P["eleve"], "notes", "acces_autorise", "succes", 3, datetime(2026, 9, 7)])))
        for p in _parametres(methode) if p.default is p.empty or data.draw(st.booleans())}
    avant, fin = len(journal), journal.entrees()[-1]
    try:
        methode(**arguments)
    except ErreurENT as erreur:
        verifier_message(erreur)
    assert len(journal) == avant and journal.entrees()[-1] == fin
    compter("entrées hostiles : lectures du journal")


@settings(max_examples=exemples(400))
@given(data=st.data())
def test_fiches_verifier_et_indice_jamais_d_exception_brute(data):
    f = fiche(data.draw(st.sampled_from(sorted(fiches_disponibles())), label="fiche"))
    qid = data.draw(st.one_of(st.sampled_from(f.ids()), HOSTILES), label="question")
    try:
        if data.draw(st.booleans(), label="indice"):
            f.indice(qid, data.draw(st.one_of(st.integers(1, 3), HOSTILES)))
        else:
            correction = f.verifier(qid, data.draw(HOSTILES, label="réponse"))
            assert correction.statut in ("vide", "invalide", "faux", "partiel", "juste",
                                         "manuel")
            verifier_message(ErreurENT(correction.message))
    except ErreurENT as erreur:
        verifier_message(erreur)
    compter("entrées hostiles : fiches")


# -- 4. les autres fonctions des notebooks : annuaire, catalogue, portail, démonstrations ----

def _fonctions_des_notebooks(ent, portail, sso, preuves) -> dict:
    """Ce que les notebooks du cours font appeler depuis une cellule (relevé dans
    ``notebooks/`` et ``exercises/``), par nom lisible."""
    from entsim.banque.partie3_authentification import essayer_ticket
    from entsim.demonstrations import capturer_connexion, peut_lire

    return {
        "annuaire : rechercher": ent.etablissement.rechercher,
        "annuaire : personne": ent.etablissement.personne,
        "annuaire : classe": ent.etablissement.classe,
        "annuaire : tableau des personnes": ent.etablissement.tableau_personnes,
        "annuaire : tableau des élèves": ent.etablissement.tableau_eleves,
        "catalogue : service": ent.catalogue.service,
        "authentification : vérifier un mot de passe":
            ent.authentification.verifier_mot_de_passe,
        "autorisation : tableau des droits": ent.autorisation.tableau_droits,
        "portail : se connecter": portail.se_connecter,
        "portail : changer de rôle": portail.changer_de_role,
        "portail : ouvrir": portail.ouvrir,
        "portail : première connexion": portail.premiere_connexion,
        "portail : projection": portail.basculer_projection,
        "portail : coulisses": portail.montrer_coulisses,
        "démonstration SSO : inactivité": sso.laisser_inactif,
        "démonstration SSO : rejeu": sso.rejouer_ticket,
        "démonstration preuves : mot de passe": preuves.mot_de_passe,
        "démonstration preuves : code à usage unique": preuves.code_a_usage_unique,
        "démonstration preuves : signature": preuves.signer_puis_modifier,
        "capture Wi-Fi": functools.partial(capturer_connexion, ent),
        "peut_lire": functools.partial(peut_lire, ent),
        "essayer_ticket": functools.partial(essayer_ticket, ent),
    }


_PLAUSIBLES_NOTEBOOKS = {
    "texte": ["martin", "Durand"], "identifiant": _PERSONNES, "code": ["notes", "ABCD-1234"],
    "mot_de_passe": ["Cahier!Vert2026", "faux"], "role_ou_identifiant": ["eleve", "mere"],
    "profils": [None, ["Élève"]], "le": [None, date(2026, 9, 7)], "active": [True, False],
    "visible": [True, False], "heures": [2, 0], "minutes": [1, 30], "service": ["notes"],
    "ticket": [None, "ST-1-abc"], "essai": ["cahier!vert2026"], "attente_secondes": [60, 30],
    "document": ["Autorisation de sortie"], "position": [None, 3], "remplacement": [None, "X"],
    "donnees": ["notes", "absences"], "de": [P["eleve"]], "attente": [2, 11],
    "protocole": ["https", "http"], "poste": ["Poste du CDI"], "identifiants": [None],
    "ressources": [None], "actions": ["lire"], "confirmation": [None],
}


@pytest.fixture(scope="module")
def notebooks():
    from entsim.demonstrations import DemonstrationPreuves, DemonstrationSSO
    from entsim.widgets.portail import Portail

    ent = ent_de("notebooks")
    portail = Portail(ent)
    return ent, _fonctions_des_notebooks(ent, portail, DemonstrationSSO(ent),
                                         DemonstrationPreuves(ent))


@settings(max_examples=exemples(600))
@given(data=st.data())
def test_fonctions_des_notebooks_jamais_d_exception_brute(notebooks, data):
    ent, fonctions = notebooks
    nom = data.draw(st.sampled_from(sorted(fonctions)), label="fonction")
    fonction = fonctions[nom]
    arguments = _arguments(data, fonction, lambda parametre: _PLAUSIBLES_NOTEBOOKS.get(
        parametre, _TEXTES))
    lignes = len(ent.journal)
    try:
        resultat = fonction(**arguments)
    except ErreurENT as erreur:
        verifier_message(erreur)
    else:
        if isinstance(resultat, str):
            assert caractere_interdit(resultat, multiligne=True) is None, ascii(resultat[:300])
    _lignes_depuis(ent, lignes)
    compter("entrées hostiles : fonctions des notebooks")
