"""Tests des autres preuves d'authentification : TOTP, clés, certificats, signatures."""

from __future__ import annotations

import base64
import doctest
from datetime import datetime, timedelta, timezone

import pytest
from cryptography import x509

import entsim.authentification.preuves.commun as preuves  # les exemples de la documentation
from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.socle.horloge import Horloge
from entsim.authentification.preuves import (
    EXPLICATIONS,
    AutoriteCertification,
    Certificat,
    DocumentSigne,
    PaireDeCles,
    TelephoneSimule,
    bits_differents,
    code_totp,
    empreinte,
    expliquer,
    generer_paire_de_cles,
    nouveau_defi,
    nouveau_secret_totp,
    repondre_au_defi,
    signer,
    signer_document,
    uri_totp,
    verifier_document,
    verifier_signature,
    verifier_totp,
    verifier_totp_detail,
)

NOM_AC = "Autorité de certification de l'académie"

#: Secret de l'annexe B de la RFC 6238 (SHA-1) : "12345678901234567890" en ASCII.
SECRET_RFC = base64.b32encode(b"12345678901234567890").decode()


def epoque(secondes: int) -> datetime:
    """Instant naïf (lu comme UTC) à tant de secondes du 1er janvier 1970."""
    return datetime(1970, 1, 1) + timedelta(seconds=secondes)


@pytest.fixture
def source() -> SourceAleatoire:
    return SourceAleatoire(2026)


@pytest.fixture
def horloge() -> Horloge:
    return Horloge()


@pytest.fixture
def autorite(source: SourceAleatoire, horloge: Horloge) -> AutoriteCertification:
    return AutoriteCertification(NOM_AC, source, horloge)


def test_exemples_de_la_documentation() -> None:
    resultat = doctest.testmod(preuves)
    assert resultat.failed == 0


# --- Mots de passe à usage unique (RFC 6238) ------------------------------------------


@pytest.mark.parametrize(
    ("secondes", "attendu"),
    [(59, "287082"), (1111111109, "081804"), (1111111111, "050471"),
     (1234567890, "005924"), (2000000000, "279037")],
)
def test_vecteurs_de_test_de_la_rfc_6238(secondes: int, attendu: str) -> None:
    # RFC 6238, annexe B (SHA-1, 8 chiffres) : on garde les 6 derniers chiffres.
    assert code_totp(SECRET_RFC, epoque(secondes)) == attendu


def test_une_date_avec_fuseau_donne_le_meme_code_que_l_heure_utc() -> None:
    paris = timezone(timedelta(hours=1))
    instant = datetime(2005, 3, 18, 2, 58, 29, tzinfo=paris)  # = 1111111109 s en UTC
    assert code_totp(SECRET_RFC, instant) == "081804"


def test_le_secret_fait_160_bits_en_base32(source: SourceAleatoire) -> None:
    secret = nouveau_secret_totp(source)
    assert len(base64.b32decode(secret)) == 20
    assert secret != nouveau_secret_totp(source)


def test_le_code_change_apres_30_secondes_simulees(horloge: Horloge) -> None:
    debut_de_pas = horloge.maintenant()  # 8 h 00 min 00 s : début d'un pas de 30 s
    code = code_totp(SECRET_RFC, debut_de_pas)
    horloge.avancer(29)
    assert code_totp(SECRET_RFC, horloge.maintenant()) == code
    horloge.avancer(1)
    assert code_totp(SECRET_RFC, horloge.maintenant()) != code


def test_la_fenetre_accepte_le_pas_precedent_et_refuse_plus_ancien(horloge: Horloge) -> None:
    code = code_totp(SECRET_RFC, horloge.maintenant())
    assert verifier_totp(SECRET_RFC, code, horloge.maintenant())
    horloge.avancer(30)
    assert verifier_totp(SECRET_RFC, code, horloge.maintenant())
    assert not verifier_totp(SECRET_RFC, code, horloge.maintenant(), fenetre=0)
    horloge.avancer(30)
    assert not verifier_totp(SECRET_RFC, code, horloge.maintenant())
    detail = verifier_totp_detail(SECRET_RFC, code, horloge.maintenant())
    assert detail.code == "otp_incorrect"
    assert "30 secondes" in detail.message


def test_un_code_deja_utilise_est_refuse(horloge: Horloge) -> None:
    code = code_totp(SECRET_RFC, horloge.maintenant())
    premier = verifier_totp_detail(SECRET_RFC, code, horloge.maintenant())
    assert premier.valide and premier.code == "otp_accepte"
    second = verifier_totp_detail(SECRET_RFC, code, horloge.maintenant(),
                                  dernier_pas_utilise=premier.pas)
    assert not second
    assert second.code == "otp_deja_utilise"
    horloge.avancer(30)
    suivant = code_totp(SECRET_RFC, horloge.maintenant())
    assert verifier_totp_detail(SECRET_RFC, suivant, horloge.maintenant(),
                                dernier_pas_utilise=premier.pas).valide


@pytest.mark.parametrize("saisie", ["12345", "1234567", "abcdef", "", "12 34 5"])
def test_un_code_mal_forme_est_refuse_avec_un_message(saisie: str, horloge: Horloge) -> None:
    assert verifier_totp(SECRET_RFC, saisie, horloge.maintenant()) is False
    detail = verifier_totp_detail(SECRET_RFC, saisie, horloge.maintenant())
    assert detail.code == "otp_format_invalide"
    assert "6 chiffres" in detail.message


def test_le_code_tape_avec_un_espace_comme_a_l_ecran_est_accepte(horloge: Horloge) -> None:
    code = code_totp(SECRET_RFC, horloge.maintenant())
    assert verifier_totp(SECRET_RFC, f"{code[:3]} {code[3:]}", horloge.maintenant())


def test_un_code_ecrit_comme_un_nombre_donne_une_erreur_en_francais(horloge: Horloge) -> None:
    with pytest.raises(ValeurInvalide, match="zéros"):
        verifier_totp(SECRET_RFC, 81804, horloge.maintenant())  # type: ignore[arg-type]


@pytest.mark.parametrize("secret", ["pas du base32 !", "ABCDEFGH", 12])
def test_un_secret_invalide_donne_une_erreur_en_francais(secret: object,
                                                        horloge: Horloge) -> None:
    with pytest.raises(ErreurENT):
        code_totp(secret, horloge.maintenant())  # type: ignore[arg-type]


def test_l_uri_otpauth_contient_le_secret_et_l_emetteur() -> None:
    uri = uri_totp(SECRET_RFC, "lea.martin")
    assert uri.startswith("otpauth://totp/")
    assert f"secret={SECRET_RFC}" in uri
    assert "issuer=ENT%20du%20lyc%C3%A9e" in uri
    assert "lea.martin" in uri
    with pytest.raises(ValeurInvalide):
        uri_totp(SECRET_RFC, "")


def test_le_telephone_suit_l_horloge_simulee(horloge: Horloge) -> None:
    telephone = TelephoneSimule("Léa Martin", SECRET_RFC, horloge)
    assert telephone.code_affiche() == code_totp(SECRET_RFC, horloge.maintenant())
    assert telephone.secondes_restantes() == 30
    horloge.avancer(12)
    assert telephone.secondes_restantes() == 18
    code = telephone.code_affiche()
    assert verifier_totp(SECRET_RFC, code, horloge.maintenant())
    horloge.avancer(18)
    assert telephone.code_affiche() != code
    assert telephone.secondes_restantes() == 30
    assert "Léa Martin" in str(telephone)


# --- Clés et signatures ----------------------------------------------------------------


def test_signer_puis_verifier(source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    signature = signer(paire.cle_privee, "Je suis bien Léa.")
    assert len(signature) == 64
    assert verifier_signature(paire.cle_publique, "Je suis bien Léa.", signature)
    assert verifier_signature(paire.cle_publique, "Je suis bien Léa.".encode(), signature)


def test_un_caractere_modifie_fait_echouer_la_verification(source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    signature = signer(paire.cle_privee, "Note de Léa : 12/20")
    assert not verifier_signature(paire.cle_publique, "Note de Léa : 18/20", signature)


def test_la_cle_d_un_autre_ne_verifie_pas(source: SourceAleatoire) -> None:
    lea, tom = generer_paire_de_cles(source), generer_paire_de_cles(source)
    signature = signer(lea.cle_privee, "message")
    assert not verifier_signature(tom.cle_publique, "message", signature)


def test_une_signature_abimee_donne_faux_sans_exception(source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    assert not verifier_signature(paire.cle_publique, "message", b"\x00" * 64)
    assert not verifier_signature(paire.cle_publique, "message", b"trop court")
    assert not verifier_signature(paire.cle_publique, "message", "pas de l'hexadécimal")


def test_mauvais_types_donnent_des_erreurs_en_francais(source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    with pytest.raises(ValeurInvalide, match="clé privée"):
        signer(paire.cle_publique, "message")  # type: ignore[arg-type]
    with pytest.raises(ValeurInvalide, match="texte"):
        signer(paire.cle_privee, 42)  # type: ignore[arg-type]
    with pytest.raises(ValeurInvalide, match="clé publique"):
        verifier_signature("ma clé", "message", b"")  # type: ignore[arg-type]


def test_la_signature_ed25519_est_deterministe(source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    assert signer(paire, "texte") == signer(paire, "texte")


def test_mode_reproductible_memes_cles_pour_la_meme_graine() -> None:
    a = generer_paire_de_cles(SourceAleatoire(7))
    b = generer_paire_de_cles(SourceAleatoire(7))
    c = generer_paire_de_cles(SourceAleatoire(8))
    assert a.empreinte() == b.empreinte() != c.empreinte()
    assert signer(a, "x") == signer(b, "x")


def test_mode_non_reproductible_cles_differentes() -> None:
    a = generer_paire_de_cles(SourceAleatoire(7, reproductible=False))
    b = generer_paire_de_cles(SourceAleatoire(7, reproductible=False))
    assert a.empreinte() != b.empreinte()


def test_la_paire_ne_montre_pas_sa_cle_privee(source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    assert repr(paire) == f"PaireDeCles(empreinte={paire.empreinte()!r})"
    assert "BEGIN PUBLIC KEY" in paire.cle_publique_pem()


def test_l_empreinte_change_completement_pour_une_lettre() -> None:
    assert len(empreinte("Bonjour")) == 64
    assert empreinte("Bonjour") == empreinte("Bonjour")
    assert empreinte("Bonjour") != empreinte("BonjouR")
    assert 80 < bits_differents("Bonjour", "BonjouR") < 176


# --- Certificats ------------------------------------------------------------------------


def test_un_certificat_emis_par_l_autorite_est_valide(
        autorite: AutoriteCertification, source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    certificat = autorite.emettre("Léa Martin", paire.cle_publique)
    verification = autorite.verifier(certificat)
    assert verification.valide and verification.code == "certificat_valide"
    assert "Léa Martin" in verification.message
    assert certificat.identite == "Léa Martin"
    assert certificat.emetteur == NOM_AC
    assert certificat.valide_du == datetime(2026, 9, 7, 8, 0)
    assert certificat.valide_au == datetime(2027, 9, 7, 8, 0)
    assert certificat.x509.serial_number == certificat.numero_serie > 0
    assert certificat.empreinte_cle() == paire.empreinte()
    assert x509.load_pem_x509_certificate(certificat.pem().encode()) == certificat.x509


def test_le_resume_est_en_francais(autorite: AutoriteCertification,
                                   source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    resume = autorite.emettre("Léa Martin", paire).resume()
    assert "Titulaire : Léa Martin" in resume
    assert f"Émis par : {NOM_AC}" in resume
    assert "Valable du 07/09/2026 à 08:00 au 07/09/2027 à 08:00" in resume
    assert paire.empreinte() in resume


def test_un_certificat_expire_est_refuse(autorite: AutoriteCertification,
                                         source: SourceAleatoire, horloge: Horloge) -> None:
    certificat = autorite.emettre("Léa Martin", generer_paire_de_cles(source), duree_jours=30)
    horloge.avancer(jours=30)
    assert autorite.verifier(certificat).valide  # dernier instant de validité
    horloge.avancer(1)
    verification = autorite.verifier(certificat)
    assert not verification
    assert verification.code == "certificat_expire"
    assert "a expiré le 07/10/2026" in verification.message


def test_un_certificat_d_une_autre_autorite_est_refuse(
        autorite: AutoriteCertification, horloge: Horloge) -> None:
    pirate = AutoriteCertification("Autorité pirate", SourceAleatoire(666), horloge)
    certificat = pirate.emettre("Léa Martin", generer_paire_de_cles(SourceAleatoire(1)))
    verification = autorite.verifier(certificat)
    assert verification.code == "certificat_autre_autorite"
    assert "Autorité pirate" in verification.message


def test_une_fausse_autorite_du_meme_nom_est_detectee(
        autorite: AutoriteCertification, horloge: Horloge) -> None:
    imposteur = AutoriteCertification(NOM_AC, SourceAleatoire(666), horloge)
    certificat = imposteur.emettre("Léa Martin", generer_paire_de_cles(SourceAleatoire(1)))
    verification = autorite.verifier(certificat)
    assert verification.code == "certificat_signature_invalide"
    assert "falsifié" in verification.message


def test_un_certificat_revoque_est_refuse(autorite: AutoriteCertification,
                                          source: SourceAleatoire) -> None:
    certificat = autorite.emettre("Léa Martin", generer_paire_de_cles(source))
    autre = autorite.emettre("Tom Petit", generer_paire_de_cles(source))
    autorite.revoquer(certificat)
    autorite.revoquer(certificat)  # révoquer deux fois ne change rien
    verification = autorite.verifier(certificat)
    assert verification.code == "certificat_revoque"
    assert "révoqué" in verification.message
    assert autorite.verifier(autre).valide
    assert [r.identite for r in autorite.revocations()] == ["Léa Martin"]


def test_on_ne_revoque_que_ses_propres_certificats(autorite: AutoriteCertification,
                                                   horloge: Horloge) -> None:
    autre = AutoriteCertification("Autre AC", SourceAleatoire(3), horloge)
    certificat = autre.emettre("Tom Petit", generer_paire_de_cles(SourceAleatoire(4)))
    with pytest.raises(ValeurInvalide, match="qu'elle a émis"):
        autorite.revoquer(certificat)


def test_un_certificat_pas_encore_valide_est_refuse(source: SourceAleatoire) -> None:
    horloge_future = Horloge(datetime(2027, 1, 1))
    emettrice = AutoriteCertification(NOM_AC, SourceAleatoire(5), horloge_future)
    certificat = emettrice.emettre("Léa Martin", generer_paire_de_cles(source))
    # Même autorité (même graine) mais horloge de vérification plus tôt.
    verificatrice = AutoriteCertification(NOM_AC, SourceAleatoire(5), Horloge())
    assert verificatrice.verifier(certificat).code == "certificat_pas_encore_valide"


@pytest.mark.parametrize("identite", ["", "   ", 42, "x" * 65])
def test_une_identite_invalide_est_refusee(identite: object, autorite: AutoriteCertification,
                                           source: SourceAleatoire) -> None:
    with pytest.raises(ValeurInvalide):
        autorite.emettre(identite, generer_paire_de_cles(source))  # type: ignore[arg-type]


def test_le_certificat_racine_est_celui_d_une_autorite(autorite: AutoriteCertification) -> None:
    racine = autorite.certificat_racine
    assert racine.est_autorite()
    assert racine.identite == racine.emetteur == NOM_AC
    assert autorite.verifier(racine).valide
    assert "Certificat d'autorité" in racine.resume()


def test_memes_certificats_octet_pour_octet_pour_la_meme_graine() -> None:
    def scenario() -> Certificat:
        source = SourceAleatoire(2026)
        autorite = AutoriteCertification(NOM_AC, source, Horloge())
        return autorite.emettre("Léa Martin", generer_paire_de_cles(source))

    premier, second = scenario(), scenario()
    assert premier.octets() == second.octets()
    assert premier.empreinte() == second.empreinte()


def test_authentification_par_defi(autorite: AutoriteCertification,
                                   source: SourceAleatoire) -> None:
    lea, voleur = generer_paire_de_cles(source), generer_paire_de_cles(source)
    certificat = autorite.emettre("Léa Martin", lea)
    defi = nouveau_defi(source)
    assert len(defi) == 32 and defi != nouveau_defi(source)
    reussite = autorite.authentifier(certificat, defi, repondre_au_defi(lea, defi))
    assert reussite.code == "authentification_reussie"
    # Le voleur a copié le certificat (public), mais pas la clé privée de Léa.
    echec = autorite.authentifier(certificat, defi, repondre_au_defi(voleur, defi))
    assert echec.code == "defi_signature_invalide"
    # Une ancienne réponse ne vaut pas pour un nouveau défi (pas de rejeu).
    assert not autorite.authentifier(certificat, nouveau_defi(source),
                                     repondre_au_defi(lea, defi))


# --- Document signé (question 16) ------------------------------------------------------


def test_document_signe_puis_modifie(autorite: AutoriteCertification,
                                     source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    certificat = autorite.emettre("M. Durand", paire)
    doc = signer_document("Bulletin de Léa : moyenne 12,5/20", "M. Durand", paire, certificat)
    assert isinstance(doc, DocumentSigne)
    ok = verifier_document(doc, autorite=autorite)
    assert ok.valide and ok.code == "signature_valide"
    assert verifier_document(doc, paire.cle_publique).valide
    falsifie = doc.avec_contenu("Bulletin de Léa : moyenne 18,5/20")
    verification = verifier_document(falsifie)
    assert verification.code == "signature_invalide"
    assert "modifié" in verification.message


def test_document_sans_cle_ni_certificat(source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    doc = signer_document("Convocation", "Mme Leroy", paire)
    assert verifier_document(doc).code == "cle_manquante"
    assert verifier_document(doc, paire).valide


def test_document_avec_le_certificat_de_quelqu_un_d_autre(
        autorite: AutoriteCertification, source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    certificat_de_tom = autorite.emettre("Tom Petit", paire)
    doc = signer_document("Autorisation de sortie", "Mme Leroy", paire, certificat_de_tom)
    assert verifier_document(doc).code == "certificat_autre_titulaire"


def test_document_dont_le_certificat_est_revoque(autorite: AutoriteCertification,
                                                 source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    certificat = autorite.emettre("M. Durand", paire)
    doc = signer_document("Bulletin", "M. Durand", paire, certificat)
    autorite.revoquer(certificat)
    assert verifier_document(doc, autorite=autorite).code == "certificat_revoque"


def test_signer_document_verifie_ses_arguments(source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    with pytest.raises(ValeurInvalide):
        signer_document("texte", "", paire)
    with pytest.raises(ValeurInvalide):
        signer_document(b"octets", "Léa", paire)  # type: ignore[arg-type]
    with pytest.raises(ValeurInvalide):
        signer_document("texte", "Léa", paire.cle_privee)  # type: ignore[arg-type]


# --- Explications ------------------------------------------------------------------------


def test_une_explication_par_preuve_de_la_question_16() -> None:
    assert set(EXPLICATIONS) == {"mot_de_passe", "mot_de_passe_usage_unique", "certificat",
                                 "cle_privee", "signature_numerique", "tls"}
    assert "30 secondes" in expliquer("mot de passe usage unique")
    assert "SSL" in expliquer("TLS")
    with pytest.raises(ValeurInvalide, match="Preuves connues"):
        expliquer("empreinte digitale")


def test_les_objets_s_affichent_en_francais(autorite: AutoriteCertification,
                                            source: SourceAleatoire) -> None:
    paire = generer_paire_de_cles(source)
    certificat = autorite.emettre("Léa Martin", paire)
    assert str(autorite.verifier(certificat)).startswith("✓ Certificat valide")
    assert isinstance(paire, PaireDeCles)
    assert "Léa Martin" in repr(certificat)
