"""Démonstrations des preuves d'authentification, une ligne chacune (question 16).

::

    preuves = DemonstrationPreuves(ent)
    preuves.mot_de_passe()             # ce que l'on sait : l'empreinte est comparée
    preuves.code_a_usage_unique()      # ce que l'on possède : TOTP (RFC 6238)
    preuves.certificat_et_cle()        # défi signé avec la clé privée (X.509, Ed25519)
    preuves.signer_puis_modifier()     # un caractère changé : la signature ne vaut plus

Chaque méthode fait réellement l'opération avec le service d'authentification de l'ENT
(:mod:`entsim.authentification`) et rend un résultat
(:class:`~entsim.demonstrations.resultats.ResultatDemonstration`). Sources : SDET, document 2
(« Les moyens d'authentification ») ; CNIL, délibération n° 2022-100 (mots de passe).
"""

from __future__ import annotations

from entsim.authentification.preuves import (PAS_TOTP, TelephoneSimule, bits_differents,
                                             empreinte, generer_paire_de_cles, repondre_au_defi,
                                             signer_document, verifier_document)
from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.saisie import texte_saisi, verifier_caracteres
from entsim.socle.texte import cite
from entsim.demonstrations.commun import mot_de_passe_a_utiliser, exiger_ent
from entsim.demonstrations.resultats import ResultatDemonstration, ResultatSignature

__all__ = ["ATTENTE_MAX_SECONDES", "DemonstrationPreuves"]

#: Attente la plus longue de la démonstration du code à usage unique (une heure).
ATTENTE_MAX_SECONDES = 3600
#: Longueur maximale du document signé dans la démonstration.
DOCUMENT_MAX = 2000


class DemonstrationPreuves:
    """Les preuves d'authentification de la question 16, chacune pour de vrai.

    * mot de passe (SDET : « DOIT proposer ») : le service d'authentification compare
      l'empreinte ;
    * code à usage unique (TOTP, RFC 6238) : l'application du téléphone et le serveur
      calculent le même code à partir d'un secret partagé et de l'heure simulée ;
    * certificat et clé privée (X.509, Ed25519) : le serveur envoie un défi, le poste le
      signe avec la clé privée, le serveur vérifie avec la clé publique du certificat ;
    * signature numérique d'un document : changer un seul caractère fait échouer la
      vérification.

    Note sur le corrigé de 2013 : il recommandait de renouveler « régulièrement » le mot de
    passe ; la CNIL ne le recommande plus (délibération n° 2022-100 : le changer seulement
    en cas de compromission). Et « SSL » s'appelle aujourd'hui TLS.
    """

    def __init__(self, ent, identifiant: str = "lea.martin",
                 mot_de_passe: str | None = None) -> None:
        exiger_ent(ent, "DemonstrationPreuves(ent)")
        verifier_texte(identifiant, "identifiant")
        self.ent = ent
        self.identifiant = identifiant
        self._mot_de_passe = mot_de_passe_a_utiliser(identifiant, mot_de_passe,
                                                      "DemonstrationPreuves")
        self.telephone = None
        self.paire = None
        self.certificat = None

    def _reperes(self) -> int:
        return self.ent.journal.dernier_numero()

    # -- mot de passe -----------------------------------------------------------------------
    def mot_de_passe(self, essai: str = "cahier!vert2026") -> ResultatDemonstration:
        """Un essai avec un mot de passe faux (``essai``), puis le bon : c'est le service
        d'authentification qui compare (SDET), à partir d'une empreinte irréversible."""
        verifier_texte(essai, "essai", vide_autorise=True)
        depuis = self._reperes()
        authn = self.ent.authentification
        faux = authn.verifier_mot_de_passe(self.identifiant, essai, poste="Poste du CDI")
        bon = authn.verifier_mot_de_passe(self.identifiant, self._mot_de_passe,
                                          poste="Poste du CDI")
        schema = authn.compte(self.identifiant).schema
        lignes = (f"Essai « {essai} » : {faux.message}",
                  f"Bon mot de passe : {bon.message}",
                  f"Le serveur ne garde pas le mot de passe, seulement son empreinte "
                  f"({schema}) : il recalcule l'empreinte de ce qui est saisi et compare.",
                  "Preuve fondée sur ce que l'on sait : quiconque l'apprend (regard par-dessus "
                  "l'épaule, réseau non chiffré, site piégé) peut se faire passer pour vous.")
        return ResultatDemonstration(
            titre="Preuve 1 : le mot de passe", code=bon.code,
            constat="Le mot de passe prouve l'identité… tant qu'il reste secret.",
            lignes=lignes, entrees=tuple(self.ent.journal.depuis(depuis)))

    # -- code à usage unique --------------------------------------------------------------
    def code_a_usage_unique(self, attente_secondes: int = 60) -> ResultatDemonstration:
        """Active le code à usage unique, lit le code sur le téléphone simulé et le saisit :
        accepté ; le même code saisi de nouveau : refusé (rejeu) ; un code lu puis saisi
        ``attente_secondes`` plus tard : refusé (trop ancien)."""
        if isinstance(attente_secondes, bool) or not isinstance(attente_secondes, int) \
                or not 0 <= attente_secondes <= ATTENTE_MAX_SECONDES:
            raise ValeurInvalide("L'attente est un nombre entier de secondes, de 0 à "
                                 f"{ATTENTE_MAX_SECONDES} (une heure), par exemple 60 "
                                 f"(reçu : {cite(attente_secondes)}).")
        depuis = self._reperes()
        authn = self.ent.authentification
        secret = authn.activer_otp(self.identifiant)
        self.telephone = TelephoneSimule(self.identifiant, secret, self.ent.horloge)
        code = self.telephone.code_affiche()
        accepte = authn.verifier_otp(self.identifiant, code, poste="Poste du CDI")
        rejeu = authn.verifier_otp(self.identifiant, code, poste="Poste du CDI")
        self.ent.horloge.avancer(PAS_TOTP)           # on attend le code suivant
        ancien = self.telephone.code_affiche()
        heure_lecture = self.ent.horloge.maintenant()
        self.ent.horloge.avancer(attente_secondes)
        tardif = authn.verifier_otp(self.identifiant, ancien, poste="Poste du CDI")
        lignes = (f"Le téléphone affiche {code[:3]} {code[3:]} ; saisi tout de suite : "
                  f"{accepte.message}",
                  f"Le même code saisi une seconde fois : {rejeu.message}",
                  f"Code {ancien[:3]} {ancien[3:]} lu à {heure_lecture:%H:%M:%S}, saisi "
                  f"{attente_secondes} s plus tard : {tardif.message}",
                  "Preuve fondée sur ce que l'on possède (le téléphone, qui garde le secret "
                  "partagé) : voler le mot de passe ne suffit plus.")
        return ResultatDemonstration(
            titre="Preuve 2 : le code à usage unique (TOTP)", code=accepte.code,
            constat=f"Un code ne sert qu'une fois et ne vaut que {PAS_TOTP} s (avec une "
                    "tolérance d'un pas pour le décalage des horloges).",
            lignes=lignes, entrees=tuple(self.ent.journal.depuis(depuis)))

    # -- certificat et clé privée ---------------------------------------------------------
    def certificat_et_cle(self) -> ResultatDemonstration:
        """L'autorité de l'académie certifie la clé publique de l'élève ; pour se connecter,
        le poste signe un défi avec la clé privée. Un voleur qui a copié le certificat (il
        est public) mais pas la clé privée est refusé."""
        depuis = self._reperes()
        authn = self.ent.authentification
        source = self.ent.aleatoire.derivee(f"preuves:{self.identifiant}")
        self.paire = generer_paire_de_cles(source)
        self.certificat = self.ent.autorite.emettre(self.identifiant, self.paire)
        authn.enregistrer_certificat(self.identifiant, self.certificat)
        defi = authn.defi(self.identifiant)
        reussi = authn.verifier_reponse_defi(self.identifiant,
                                             repondre_au_defi(self.paire, defi),
                                             poste="Poste du CDI")
        voleur = generer_paire_de_cles(source)       # une autre clé privée
        defi2 = authn.defi(self.identifiant)
        refuse = authn.verifier_reponse_defi(self.identifiant, repondre_au_defi(voleur, defi2),
                                             poste="Ordinateur du voleur")
        lignes = (*self.certificat.resume().splitlines(),
                  f"Défi envoyé par le serveur : {defi.hex()[:16]}… (32 octets, neuf à chaque "
                  "connexion)",
                  f"Réponse signée avec la clé privée de {self.identifiant} : {reussi.message}",
                  f"Réponse signée avec une autre clé (certificat copié) : {refuse.message}")
        return ResultatDemonstration(
            titre="Preuve 3 : certificat et clé privée", code=reussi.code,
            constat="Le certificat est public ; seule la clé privée, jamais envoyée, prouve "
                    "l'identité.", lignes=lignes,
            documents_replies=(("Le certificat (format PEM)", self.certificat.pem()),),
            entrees=tuple(self.ent.journal.depuis(depuis)))

    # -- signature d'un document ----------------------------------------------------------
    def signer_puis_modifier(self, document: str = "Autorisation de sortie : Léa Martin "
                                                   "peut quitter le lycée à 15 h le 12 mars.",
                             position: int | None = None,
                             remplacement: str | None = None) -> ResultatSignature:
        """Signe ``document`` avec la clé privée, puis change **un seul caractère** (le
        caractère n° ``position``, en comptant à partir de 1, remplacé par ``remplacement``) :
        la signature ne correspond plus. Les empreintes SHA-256 des deux textes n'ont
        presque plus rien en commun (effet avalanche). Par défaut : le dernier chiffre du
        premier nombre (« 15 h » devient « 17 h »)."""
        document = texte_saisi(document, "document", maximum=DOCUMENT_MAX, multiligne=True)
        if position is None:   # par défaut : le dernier chiffre du premier nombre (15 h → 17 h)
            indice = next((i for i, c in enumerate(document) if c.isdigit()), 0)
            while indice + 1 < len(document) and document[indice + 1].isdigit():
                indice += 1
            position = indice + 1
        if isinstance(position, bool) or not isinstance(position, int) \
                or not 1 <= position <= len(document):
            raise ValeurInvalide(f"La position est un numéro de caractère de 1 à "
                                 f"{len(document)}, en comptant à partir de 1 "
                                 f"(reçu : {cite(position)}).")
        position -= 1                  # indice Python (à partir de 0)
        ancien = document[position]
        if remplacement is None:
            remplacement = str((int(ancien) + 2) % 10) if ancien in "0123456789" else (
                "X" if ancien != "X" else "Y")
        if not isinstance(remplacement, str) or len(remplacement) != 1 \
                or remplacement == ancien:
            raise ValeurInvalide("Le remplacement est un seul caractère, différent de celui "
                                 f"qu'il remplace ({cite(ancien)}).")
        verifier_caracteres(remplacement, "remplacement")
        if self.paire is None:
            self.paire = generer_paire_de_cles(
                self.ent.aleatoire.derivee(f"preuves:{self.identifiant}"))
        signe = signer_document(document, self.identifiant, self.paire, self.certificat)
        modifie = signe.avec_contenu(document[:position] + remplacement
                                     + document[position + 1:])
        ok = verifier_document(signe, self.paire)
        ko = verifier_document(modifie, self.paire)
        bits = bits_differents(signe.contenu, modifie.contenu)
        lignes = (f"Document signé : « {signe.contenu} »",
                  f"Document modifié : « {modifie.contenu} » (caractère n° {position + 1} : "
                  f"« {ancien} » → « {remplacement} »)",
                  f"Empreinte SHA-256 de l'original : {empreinte(signe.contenu)}",
                  f"Empreinte SHA-256 du modifié :    {empreinte(modifie.contenu)}",
                  f"{bits} bits sur 256 diffèrent (environ la moitié) pour un seul caractère "
                  "changé.",
                  f"Vérification de l'original : {ok.message}",
                  f"Vérification du modifié : {ko.message}")
        return ResultatSignature(
            titre="Preuve 4 : la signature numérique", code=ko.code,
            constat="Un seul caractère changé, et la signature ne correspond plus : "
                    "l'intégrité et l'origine du document sont prouvées.",
            lignes=lignes, original=signe, modifie=modifie, verification_originale=ok,
            verification_modifiee=ko, bits_differents=bits,
            documents=(("Signature Ed25519 (64 octets, en hexadécimal)",
                        signe.signature_hex()),))
