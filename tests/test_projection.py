"""Le mode projection du cours sans navigateur (issue 15) : la barre de ``commencer()``, le
choix retenu pour la session, les schémas assez grands, le pas à pas qui suit l'étape, la
comparaison par rôle en vrai tableau, les tableaux jamais cassés au milieu d'un mot.

Ce que le navigateur mesure (tailles affichées, débordements) est dans
tests/test_navigateur_projection.py.
"""

from __future__ import annotations

import json
import math
import os
import re

import pytest

from entsim import ENT
from entsim.demonstrations.sso import DemonstrationSSO
from entsim.diagrammes.image import boite, fenetre, largeur_projection, plus_petite_police
from entsim.diagrammes.sso import schema_a_completer, schema_sequence
from entsim.diagrammes.sso.couloirs import COULEUR_COURANTE
from entsim.socle.erreurs import ValeurInvalide
from entsim.widgets import BarreDuCours, MemeActionParRole, commencer
from entsim.widgets import cours
from entsim.widgets.pas_a_pas import HAUTEUR_FENETRE, PasAPas
from entsim.widgets.style import FEUILLE_DE_STYLE


@pytest.fixture(autouse=True)
def preferences(tmp_path, monkeypatch):
    """Chaque test a son propre fichier de préférences (rien ne fuit d'un test à l'autre)."""
    chemin = tmp_path / "preferences.json"
    monkeypatch.setenv(cours.VARIABLE_PREFERENCES, str(chemin))
    return chemin


@pytest.fixture(scope="module")
def resultat():
    return DemonstrationSSO(ENT.demo(cout="rapide")).ouvrir_deux_services()


# -- la barre de commencer() -------------------------------------------------------------

def test_commencer_montre_l_interrupteur_desactive_par_defaut(preferences):
    barre = commencer()
    assert isinstance(barre, BarreDuCours)
    assert barre.interrupteur.description == "Mode projection : désactivé"
    assert "font-size: 22px" not in barre.style.value
    assert "table-layout: auto" in barre.style.value      # tableaux : projection ou non
    assert barre.texte().startswith("Mode projection : désactivé.")
    assert not preferences.exists()          # rien n'est écrit tant qu'on ne choisit rien


def test_le_choix_est_retenu_pour_le_notebook_suivant(preferences):
    premiere = commencer()
    premiere.interrupteur.value = True        # le clic de l'enseignant
    assert premiere.projection and "font-size: 22px" in premiere.style.value
    assert premiere.interrupteur.description == "Mode projection : activé"
    assert json.loads(preferences.read_text(encoding="utf-8")) == {
        "projection": True, "serveur": os.getppid()}
    suivante = commencer()                    # première cellule du notebook suivant
    assert suivante.projection and suivante.interrupteur.value
    assert suivante.style.value == premiere.style.value
    suivante.basculer_projection(False)
    assert not commencer().projection


def test_un_autre_serveur_jupyter_repart_en_affichage_normal(preferences):
    """Le choix vaut pour la session : un JupyterLab relancé (autre processus parent des
    noyaux) ne reprend pas le mode projection d'une séance précédente."""
    preferences.write_text(json.dumps({"projection": True, "serveur": os.getppid() + 1}),
                           encoding="utf-8")
    assert not commencer().projection


def test_un_fichier_de_preferences_illisible_vaut_desactive(preferences):
    preferences.write_text("{pas du json", encoding="utf-8")
    assert not commencer().projection
    preferences.write_text("[1, 2]", encoding="utf-8")
    assert not commencer().projection


def test_le_dossier_d_execution_de_jupyter_par_defaut(monkeypatch, tmp_path):
    monkeypatch.delenv(cours.VARIABLE_PREFERENCES)
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    assert cours.chemin_preferences() == tmp_path / "runtime" / "entsim-preferences.json"
    commencer(projection=True)
    assert cours.projection_active()


def test_le_texte_de_repli_ne_depend_pas_du_mode():
    """nbval compare la sortie enregistrée : la même phrase dans les deux modes."""
    assert commencer(projection=True).texte_de_repli() == commencer(projection=False) \
        .texte_de_repli() == ("Barre du cours (mode projection) : exécutez la cellule "
                              "(Maj + Entrée) pour l'afficher.")


def test_commencer_branche_les_erreurs_en_francais(monkeypatch):
    appels = []
    import entsim.widgets.erreurs as erreurs
    monkeypatch.setattr(erreurs, "installer_erreurs_en_francais",
                        lambda *a, **k: appels.append(1) or True)
    commencer()
    assert appels == [1]


def test_une_valeur_absurde_donne_un_message_francais():
    with pytest.raises(ValeurInvalide, match="True"):
        commencer(projection="oui")
    with pytest.raises(ValeurInvalide, match="True"):
        commencer().basculer_projection(1)


def test_la_feuille_de_projection_agrandit_toutes_les_sorties():
    feuille = cours.FEUILLE_PROJECTION
    for selecteur in (".widget-html-content", ".widget-label", "button", "textarea",
                      "select", ".jp-RenderedHTMLCommon", "img.entsim-schema-image"):
        assert selecteur in feuille
    tailles = [int(t) for t in re.findall(r"font-size: (\d+)px", feuille)]
    assert tailles and min(tailles) >= 18


# -- schémas ---------------------------------------------------------------------------------

def test_un_schema_en_projection_a_des_etiquettes_d_au_moins_18_px(resultat):
    schema = schema_sequence(resultat.parcours)
    svg = schema.svg()
    police = plus_petite_police(svg)
    largeur = largeur_projection(svg)
    assert police == 14.0                       # étiquettes des flèches (texte visible)
    assert police * largeur / boite(svg)[2] >= 18
    html = schema._repr_html_()
    assert f"--entsim-largeur-projection:{largeur}px" in html
    assert 'class="entsim-schema-image"' in html


def test_les_etiquettes_transparentes_ne_comptent_pas():
    svg = ('<svg width="100pt" height="50pt" viewBox="0.00 0.00 100.00 50.00">'
           '<text font-size="8.00" fill="#fffffe">caché</text>'
           '<text font-size="12.00" fill="#1a1a1a">vu</text></svg>')
    assert plus_petite_police(svg) == 12.0
    assert largeur_projection(svg) == 155            # 100 × 18,5 / 12, arrondi au-dessus
    assert boite(fenetre(svg, 10, 30)) == (0.0, 10.0, 100.0, 20.0)


# -- pas à pas -------------------------------------------------------------------------------

def _ordonnees_courantes(svg: str) -> list[float]:
    decalage = float(re.search(r'<g id="graph0"[^>]*translate\([-\d.]+ ([-\d.]+)\)',
                               svg).group(1))
    return [decalage + float(y) for y in re.findall(
        r'<(?:text|ellipse)\b[^>]*?\b(?:y|cy)="([-\d.]+)"[^>]*?(?:fill|stroke)="'
        + COULEUR_COURANTE.lower() + '"', svg.lower())]


def test_le_pas_a_pas_montre_l_etape_courante_sous_les_boutons(resultat):
    """Issue 15 : l'étape courante était de 870 à 1 400 px sous les boutons. Le widget montre
    maintenant, juste sous les boutons, les en-têtes puis une bande qui contient l'étape."""
    w = PasAPas(resultat.parcours)
    assert w.vue.children.index(w.dessin) == 2           # style, boutons, puis le dessin
    for numero in range(1, w.total + 1):
        w.aller_a(numero)
        entete, bande = w.fenetre_etape()
        _x, haut, _l, hauteur = boite(bande)
        assert boite(entete)[1] == 0 and boite(entete)[3] < 160   # noms sur 3 lignes
        # assez basse pour tenir sous les boutons à 1400×900 en projection (étape 7 : deux
        # flèches sur deux étiquettes de plusieurs lignes)
        assert hauteur * largeur_projection(w.svg()) / boite(w.svg())[2] <= 620
        ordonnees = _ordonnees_courantes(w.schema().svg())
        assert ordonnees and all(haut <= y <= haut + hauteur for y in ordonnees), numero
        assert 'class="entsim-schema-image entsim-etape-courante"' in w.dessin.value
        # les deux morceaux ont la même largeur en projection (même échelle)
        assert len(set(re.findall(r"--entsim-largeur-projection:(\d+)px",
                                  w.dessin.value.split("<details>")[0]))) == 1


# -- tableaux ----------------------------------------------------------------------------

def test_la_comparaison_par_role_est_un_vrai_tableau():
    comparaison = MemeActionParRole(ENT.demo(cout="rapide"), "notes")
    html = comparaison.vue.children[-1].value
    assert "<pre" not in html                    # plus de texte brut en police à chasse fixe
    assert "<table" in html and "Notes sur 20" in html
    assert "Relevé de notes de Léa Martin" in comparaison.texte()


def test_les_tableaux_ne_cassent_jamais_un_mot():
    """« Évalu/ation », « lea./martin » : ni ``overflow-wrap: anywhere`` ni
    ``word-break: break-all`` dans les tableaux et le code du portail."""
    assert "anywhere" not in FEUILLE_DE_STYLE and "break-all" not in FEUILLE_DE_STYLE
    assert "overflow-x: auto" in FEUILLE_DE_STYLE
    assert "max-height: 82vh" not in FEUILLE_DE_STYLE     # les tuiles ne défilent plus


def test_une_tuile_du_bas_allonge_la_colonne_des_tuiles():
    """Le service ouvert reste collé en haut de l'écran : après une tuile de la moitié basse,
    la colonne des tuiles s'allonge (le service a la place d'y rester en entier)."""
    from entsim import MOTS_DE_PASSE_DEMO
    from entsim.widgets import Portail
    from entsim.widgets.style import CLASSE_MENU_BAS, CLASSE_ZONE_SERVICE

    portail = Portail(ENT.demo(cout="rapide"))
    portail.se_connecter("lea.martin", MOTS_DE_PASSE_DEMO["eleve"])
    codes = list(portail.tuiles)
    assert CLASSE_ZONE_SERVICE in portail.zone_service._dom_classes
    portail.ouvrir(codes[-1])
    assert CLASSE_MENU_BAS in portail.menu._dom_classes
    portail.ouvrir(codes[0])
    assert CLASSE_MENU_BAS not in portail.menu._dom_classes


def _abscisses_courantes(svg: str) -> list[float]:
    """Les abscisses des formes de l'étape courante (flèches, points, cadres des étiquettes),
    sans le repère de la marge."""
    decalage = float(re.search(r'<g id="graph0"[^>]*translate\(([-\d.]+) ', svg).group(1))
    xs = []
    for bloc in re.findall(r'<g id="[^"]*" class="(?:node|edge)">(.*?)</g>', svg, re.S):
        if COULEUR_COURANTE.lower() not in bloc.lower() or "<title>repere_" in bloc:
            continue
        for points in re.findall(r'points="([^"]+)"', bloc):
            xs += [decalage + float(p.split(",")[0]) for p in points.split()]
    return xs


def test_le_pas_a_pas_montre_l_etape_courante_en_entier_en_largeur(resultat):
    """Une flèche venue d'un couloir lointain (étape 5 : du « Service applicatif ») était
    au-delà du bord droit en projection (schéma de 1 721 px de large). La bande est recadrée
    en largeur sur l'étape courante, et le dessin du pas à pas est serré : à la taille du
    mode projection (étiquettes de 18,5 px), chaque étape tient dans 1 000 px."""
    w = PasAPas(resultat.parcours)
    for numero in range(1, w.total + 1):
        w.aller_a(numero)
        entete, bande = w.fenetre_etape()
        gauche, _y, largeur, _h = boite(bande)
        assert boite(entete)[0] == gauche and boite(entete)[2] == largeur  # même cadrage
        xs = _abscisses_courantes(w.svg())
        assert xs and gauche <= min(xs) and max(xs) <= gauche + largeur, numero
        affichee = largeur * largeur_projection(w.svg()) / boite(w.svg())[2]
        assert affichee <= 1000, (numero, affichee)
        largeurs = re.findall(r"--entsim-largeur-projection:(\d+)px",
                              w.dessin.value.split("<details>")[0])
        assert [int(x) for x in largeurs] == [math.ceil(affichee)] * 2


def test_le_schema_a_completer_se_lit_sans_projection_et_en_projection():
    """q15c : les étiquettes des flèches faisaient 10 à 11 px à 1400×900 (14 pt, dessin de
    1 297 unités réduit à la colonne), sur 3 ou 4 lignes. Elles sont en 20 pt sur un dessin
    serré : au moins 15 px dans une colonne de 964 px, 18,5 px en projection."""
    svg = schema_a_completer("DACG?HBE").svg()
    tailles = [float(t) for t in re.findall(
        r'<text[^>]*font-size="([\d.]+)" fill="#1a1a1a">[1-8]\. ', svg)]
    assert len(tailles) >= 8 and min(tailles) >= 20
    assert min(tailles) * 964 / boite(svg)[2] >= 15
    assert plus_petite_police(svg) >= 18                  # en-têtes, repères compris
    assert largeur_projection(svg) <= 1300
    assert not re.search(r">\s*:", svg)                 # aucune ligne ne commence par « : »


def test_le_portail_suit_l_interrupteur_du_cours(preferences):
    """Un seul mode projection : la barre de commencer() et le bouton d'un portail changent
    le même mode, retenu pour la session ; un portail créé ensuite le suit."""
    from entsim.widgets import Portail
    from entsim.widgets.style import CLASSE_PROJECTION

    ent = ENT.demo(cout="rapide")
    barre = commencer()
    portail = Portail(ent)
    assert not portail.projection
    barre.interrupteur.value = True                      # clic sur la barre du cours
    assert portail.projection and portail.bouton_projection.value
    assert CLASSE_PROJECTION in portail.vue._dom_classes
    assert Portail(ent, poste="Téléphone").projection    # un portail créé ensuite
    portail.bouton_projection.value = False              # clic sur le bouton du portail
    assert not barre.projection and not barre.interrupteur.value
    assert "font-size: 22px" not in barre.style.value
    assert json.loads(preferences.read_text(encoding="utf-8"))["projection"] is False
    assert not Portail(ent, poste="Téléphone").projection
    # un portail démarré explicitement en projection ne change pas le mode du cours
    assert Portail(ent, poste="Téléphone", projection=True).projection
    assert not barre.projection
