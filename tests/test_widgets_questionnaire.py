"""Le formulaire d'entretien (question 6), piloté sans navigateur : on remplit les champs,
on clique, on lit le message et le fichier."""

from __future__ import annotations

import pytest

from entsim.enquete import charger, enregistrer
from entsim.widgets import Questionnaire


def remplir(formulaire: Questionnaire, **changements) -> None:
    valeurs = dict(groupe="TSTMG2 G4", enqueteurs="Jade et Noah", date="18/01/2027",
                   avantages="Je vois les absences tout de suite.",
                   limites="Trop de messages le soir.",
                   evolutions="On prévient les familles plus vite.")
    valeurs.update(changements)
    for nom, valeur in valeurs.items():
        getattr(formulaire, nom).value = valeur
    formulaire.consentement.value = True
    formulaire.fonctionnalites["Absences et retards"].value = True
    formulaire.frequence.value = "Tous les jours"
    formulaire.moments["Matin"].value = True
    for liste in formulaire.accords.values():
        liste.value = "Plutôt d'accord"


def test_enregistrer_puis_relire(tmp_path):
    fichier = tmp_path / "enquete_groupe.csv"
    formulaire = Questionnaire(fichier, acteur="Vie scolaire (CPE)")
    assert "Aucune réponse enregistrée" in formulaire.liste.value
    remplir(formulaire)
    formulaire.bouton_enregistrer.click()
    assert "Réponse « TSTMG2 G4-vie_scolaire-001 » enregistrée" in formulaire.texte()
    assert formulaire.avantages.value == "" and formulaire.groupe.value == "TSTMG2 G4"
    remplir(formulaire, avantages="Moins de papier.")
    formulaire.bouton_enregistrer.click()
    reponses = charger(fichier)
    assert [r.identifiant for r in reponses] == ["TSTMG2 G4-vie_scolaire-001",
                                                 "TSTMG2 G4-vie_scolaire-002"]
    assert reponses[1].avantages == "Moins de papier."
    relu = Questionnaire(fichier)
    assert "Fichier « enquete_groupe.csv » : 2 réponses enregistrées." in relu.texte()
    assert "TSTMG2 G4-vie_scolaire-002 : Vie scolaire (CPE)" in relu.liste.value


def test_une_reponse_refusee_ne_perd_rien(tmp_path):
    fichier = tmp_path / "g.csv"
    formulaire = Questionnaire(fichier, acteur="vie_scolaire")
    remplir(formulaire, avantages="  ", date="31/02/2027")
    formulaire.bouton_enregistrer.click()
    texte = formulaire.texte()
    assert "Réponse non enregistrée : 2 problèmes. Vos saisies sont gardées" in texte
    assert "La question « Avantages » est vide : notez ce que la personne a répondu." in texte
    assert "(reçu : « 31/02/2027 »)" in formulaire.message.value
    assert formulaire.limites.value == "Trop de messages le soir."
    assert formulaire.fonctionnalites["Absences et retards"].value is True
    assert not fichier.exists()


def test_la_liste_des_services_suit_l_acteur(tmp_path):
    formulaire = Questionnaire(tmp_path / "g.csv")
    assert "Choisissez d'abord l'acteur" in formulaire.boite_fonctionnalites.children[0].value
    formulaire.bouton_enregistrer.click()
    assert "« Acteur interviewé » est vide" in formulaire.texte()
    formulaire.acteur.value = "eleve"
    assert "Médiacentre (ressources numériques)" in formulaire.fonctionnalites
    formulaire.fonctionnalites["Messagerie"].value = True
    formulaire.acteur.value = "parent"
    assert "Médiacentre (ressources numériques)" not in formulaire.fonctionnalites
    assert formulaire.fonctionnalites["Messagerie"].value is True


def test_nouvelle_reponse_vide_le_formulaire(tmp_path):
    formulaire = Questionnaire(tmp_path / "g.csv", acteur="Parent")
    remplir(formulaire)
    formulaire.bouton_nouvelle.click()
    assert formulaire.avantages.value == formulaire.limites.value == ""
    assert formulaire.frequence.value is None and formulaire.consentement.value is False
    assert not any(c.value for c in formulaire.fonctionnalites.values())
    assert "Formulaire vidé" in formulaire.texte()


@pytest.mark.parametrize("contenu", [b"nom;prenom\nMartin;L\xc3\xa9a\n", b"\xe9t\xe9\n"])
def test_un_fichier_abime_n_est_jamais_reecrit(tmp_path, contenu):
    fichier = tmp_path / "abime.csv"
    fichier.write_bytes(contenu)
    formulaire = Questionnaire(fichier, acteur="Vie scolaire (CPE)")
    assert "Le fichier « abime.csv » est abîmé" in formulaire.texte()
    remplir(formulaire)
    formulaire.bouton_enregistrer.click()
    assert "Rien n'est écrit" in formulaire.texte()
    assert fichier.read_bytes() == contenu
    assert formulaire.avantages.value == "Je vois les absences tout de suite."


def test_le_texte_saisi_est_echappe(tmp_path):
    fichier = tmp_path / "g.csv"
    formulaire = Questionnaire(fichier, acteur="Vie scolaire (CPE)")
    remplir(formulaire, groupe="<b>G1</b>")
    formulaire.bouton_enregistrer.click()
    assert "<b>G1</b>" not in formulaire.liste.value and "&lt;b&gt;G1" in formulaire.liste.value
    enregistrer(charger(fichier), fichier)       # le fichier écrit par le formulaire se relit


def test_le_formulaire_non_execute_ne_montre_pas_de_code_python(tmp_path):
    """Notebook ouvert sans avoir été exécuté : le texte de repli est une phrase française,
    pas « VBox(children=(HTML(value=… »."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.display import display
    from IPython.utils.capture import capture_output

    shell = InteractiveShell.instance()
    try:
        with capture_output() as sortie:
            display(Questionnaire(tmp_path / "enquete_groupe.csv"))
    finally:
        InteractiveShell.clear_instance()
        del shell
    (donnees,) = [o.data for o in sortie.outputs]
    assert "application/vnd.jupyter.widget-view+json" in donnees
    assert "VBox" not in donnees["text/plain"]
    assert "exécutez la cellule" in donnees["text/plain"]
    assert "enquete_groupe.csv" in donnees["text/plain"]


def test_les_boutons_montrent_leur_texte_en_entier(tmp_path):
    """Un bouton ipywidgets fait 148 px par défaut : « Enregistrer la réponse » y devenait
    « Enregistrer la r… ». Les boutons prennent la largeur de leur texte."""
    formulaire = Questionnaire(tmp_path / "enquete_groupe.csv")
    for bouton in (formulaire.bouton_enregistrer, formulaire.bouton_nouvelle):
        assert bouton.layout.width == "auto"
