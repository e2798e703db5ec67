"""L'hameçonnage : une fausse page de connexion « EduConnect » recueille un mot de passe.

Lire une adresse : le **domaine enregistrable** (celui qu'une personne ou un organisme a
acheté) est le suffixe public (``fr``, ``gouv.fr``, ``com``…) plus **une** étiquette à sa
gauche ; tout ce qui est à gauche, l'acheteur l'écrit comme il veut. Dans
``https://educonnect.education.gouv.fr.connexion-securisee.example/``, le domaine
enregistrable est ``connexion-securisee.example`` : ``educonnect.education.gouv.fr`` n'y est
qu'un décor. Suffixes publics : extrait de la *Public Suffix List* (publicsuffix.org,
section « fr » : ``fr``, ``asso.fr``, ``com.fr``, ``gouv.fr``, ``nom.fr``, ``prd.fr``,
``tm.fr``), plus les domaines de premier niveau réservés aux exemples (RFC 2606 :
``example``, ``test``, ``invalid``, ``localhost``). Un extrait, pas la liste complète : assez
pour les adresses du cours.

Parade : le code à usage unique (SDET, document 2, « Les moyens d'authentification » ;
RFC 6238) — volé avec le mot de passe, il ne vaut qu'un pas de 30 s (plus un de tolérance) et
une seule fois ; l'attaquant qui l'essaie plus tard est refusé. Limite honnête : un
attaquant qui relaie la saisie **en temps réel** vers le vrai site passerait ; seules les
preuves liées au site (clé, certificat : :mod:`entsim.authentification.preuves`) y résistent.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from entsim.attaques.deux_facteurs import connexion_a_deux_facteurs, equiper_d_un_telephone
from entsim.attaques.en_ligne import POSTE_ATTAQUANT
from entsim.attaques.scenario import FAMILLE_DONNEES, Issue, Risque, Scenario
from entsim.ent import ENT, MOTS_DE_PASSE_DEMO
from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.texte import cite

#: Extrait de la Public Suffix List (section « fr » et quelques génériques) et domaines
#: réservés (RFC 2606).
SUFFIXES_PUBLICS = frozenset({
    "fr", "asso.fr", "com.fr", "gouv.fr", "nom.fr", "prd.fr", "tm.fr",
    "com", "org", "net", "eu", "example", "test", "invalid", "localhost",
})

#: La vraie adresse d'EduConnect, et celle de la fausse page du scénario (domaine réservé).
ADRESSE_EDUCONNECT = "https://educonnect.education.gouv.fr/"
ADRESSE_PIEGE = "https://educonnect.education.gouv.fr.connexion-securisee.example/"

#: Délai entre la saisie sur la fausse page et l'essai de l'attaquant (secondes).
DELAI_ATTAQUANT = 300


@dataclass(frozen=True)
class LectureAdresse:
    """Une adresse lue comme il faut : le nom d'hôte, son suffixe public, le domaine
    enregistrable (celui qui compte) et une phrase.

    ``utilisateur`` : ce qui précède un « @ » dans l'adresse (un nom d'utilisateur, jamais le
    site : ``https://educonnect.education.gouv.fr@evil.example/`` mène chez
    ``evil.example``). ``ip`` : le nom d'hôte est une adresse IP (pas de domaine).
    ``autre_ecriture`` : pour un nom international, son autre forme (Unicode ↔ punycode
    « xn--… », RFC 3492)."""

    adresse: str
    hote: str
    suffixe_public: str
    domaine_enregistrable: str
    utilisateur: str = ""
    ip: bool = False
    autre_ecriture: str = ""

    def appartient_a(self, domaine: str) -> bool:
        """L'adresse est-elle chez ``domaine`` (ou un de ses sous-domaines) ?"""
        return not self.ip and self.domaine_enregistrable == domaine.lower().strip(".")

    def __repr__(self) -> str:       # affichée dans un notebook : la phrase, en français
        return self.phrase()

    def phrase(self) -> str:
        if self.ip:
            texte = (f"Le nom d'hôte est une adresse IP (« {self.hote} ») : aucun nom de "
                     f"domaine, rien ne dit à qui appartient la page ; un site officiel "
                     f"s'annonce par son nom, jamais par une adresse IP.")
        else:
            decor = self.hote[: -len(self.domaine_enregistrable)].rstrip(".")
            suite = (f" ; « {decor} », à gauche, est choisi librement par son propriétaire"
                     if decor else "")
            texte = (f"Le nom d'hôte est « {self.hote} » : lu de droite à gauche, le suffixe "
                     f"public est « {self.suffixe_public} », donc la page appartient au "
                     f"domaine « {self.domaine_enregistrable} »{suite}.")
        if self.utilisateur:
            texte += (f" Avant le « @ », « {self.utilisateur} » n'est qu'un nom d'utilisateur "
                      f"transmis au site : le navigateur va chez « {self.hote} ».")
        if self.autre_ecriture:
            texte += (f" Attention : ce nom contient des lettres accentuées ou non latines "
                      f"(il s'écrit aussi « {self.autre_ecriture} ») ; il peut imiter un autre "
                      f"nom lettre pour lettre.")
        return texte


def _autre_ecriture(hote: str) -> str:
    """L'autre forme d'un nom international (Unicode ↔ punycode), ou "" pour un nom ASCII."""
    try:
        if not hote.isascii():
            return hote.encode("idna").decode("ascii")
        if any(e.startswith("xn--") for e in hote.split(".")):
            return hote.encode("ascii").decode("idna")
    except UnicodeError:
        return hote if not hote.isascii() else ""
    return ""


def lire_adresse(adresse: str) -> LectureAdresse:
    """Lit une adresse ``https://…`` comme un navigateur : à qui appartient vraiment la page ?

    Comme la norme *URL* du WHATWG (celle des navigateurs) : « \\ » vaut « / » dans une
    adresse http(s), ce qui précède le dernier « @ » de l'autorité est un nom d'utilisateur,
    « %2e » dans le nom d'hôte est un point, les majuscules et le point final ne comptent
    pas."""
    verifier_texte(adresse, "adresse")
    texte = adresse.strip()
    if texte.lower().startswith(("http:", "https:")):
        texte = texte.replace("\\", "/")
    try:
        morceaux = urlsplit(texte)
        hote = morceaux.hostname or ""
    except ValueError:
        raise ValeurInvalide(f"Adresse mal formée : {cite(adresse)}.") from None
    utilisateur = unquote(morceaux.netloc.rpartition("@")[0]) if "@" in morceaux.netloc else ""
    hote = unquote(hote).lower().rstrip(".")
    try:
        ipaddress.ip_address(hote)
    except ValueError:
        pass
    else:
        return LectureAdresse(adresse, hote, "", hote, utilisateur, ip=True)
    etiquettes = hote.split(".") if hote else []
    if len(etiquettes) < 2:
        raise ValeurInvalide(f"Adresse sans nom de domaine lisible : {cite(adresse)}.")
    suffixe = next((".".join(etiquettes[i:]) for i in range(1, len(etiquettes))
                    if ".".join(etiquettes[i:]) in SUFFIXES_PUBLICS), etiquettes[-1])
    n = len(suffixe.split("."))
    return LectureAdresse(adresse, hote, suffixe, ".".join(etiquettes[-n - 1:]), utilisateur,
                          autre_ecriture=_autre_ecriture(hote))


class Hameconnage(Scenario):
    """Une fausse page EduConnect recueille le mot de passe d'un parent."""

    code = "hameconnage"
    titre = "Une fausse page de connexion (hameçonnage)"
    histoire = ("Sophie Martin reçoit un courriel : « Votre compte EduConnect va être "
                "suspendu, reconnectez-vous ». Le lien mène à une page qui ressemble trait "
                f"pour trait à EduConnect, à l'adresse {ADRESSE_PIEGE}. Elle y tape son "
                "identifiant et son mot de passe (et, si elle en a un, le code affiché par "
                "son téléphone). Cinq minutes plus tard, l'attaquant s'en sert sur l'ENT.")
    famille = FAMILLE_DONNEES
    cause = "humaine"
    parade = ("Lire l'adresse avant de taper son mot de passe (le domaine enregistrable, "
              "juste avant le suffixe public), et un code à usage unique : volé avec le mot "
              "de passe, il a expiré quand l'attaquant l'essaie (SDET, document 2, « Les "
              "moyens d'authentification » ; RFC 6238). Limite : un relais en temps réel "
              "passerait ; seules une clé ou un certificat liés au vrai site y résistent.")
    sources = ("SDET, document 2, « Les moyens d'authentification »", "RFC 6238 (TOTP)",
               "Public Suffix List (publicsuffix.org), section « fr »",
               "RFC 2606 (domaines réservés aux exemples)")
    indices = ("Lisez l'adresse de droite à gauche, jusqu'au suffixe public.",
               "Combien de secondes vaut un code à usage unique ?")
    risque_avant = Risque(3, 3, "Compte d'un parent usurpé : notes, absences et messages de "
                          "son enfant.", "Les campagnes d'hameçonnage visant les familles "
                          "sont fréquentes.")
    risque_apres = Risque(3, 2, "Les conséquences d'une réussite ne changent pas.",
                          "Le code volé expire : il faudrait un relais en temps réel.")

    victime = "sophie.martin"

    def _fabriquer_ent(self, avec_parade: bool) -> ENT:
        ent = ENT.demo(self.graine, cout="rapide")
        self.telephone = equiper_d_un_telephone(ent, self.victime) if avec_parade else None
        return ent

    def _attaquer(self, ent: ENT, avec_parade: bool) -> Issue:
        mot_de_passe = MOTS_DE_PASSE_DEMO["mere"]
        code_vole = self.telephone.code_affiche() if self.telephone is not None else None
        lecture = lire_adresse(ADRESSE_PIEGE)
        ent.avancer(DELAI_ATTAQUANT)
        resultat = connexion_a_deux_facteurs(ent, self.victime, mot_de_passe, code_vole,
                                             poste=POSTE_ATTAQUANT)
        if resultat.ok:
            ent.deconnexion(poste=POSTE_ATTAQUANT)
        chiffres = {"domaine_enregistrable_du_piege": lecture.domaine_enregistrable,
                    "domaine_enregistrable_d_educonnect":
                        lire_adresse(ADRESSE_EDUCONNECT).domaine_enregistrable,
                    "lecture_de_l_adresse": lecture.phrase(),
                    "code_vole": code_vole or "", "delai_secondes": DELAI_ATTAQUANT}
        if resultat.ok:
            resume = (f"Cinq minutes plus tard, l'attaquant se connecte comme Sophie Martin "
                      f"avec le mot de passe recueilli par la fausse page "
                      f"({lecture.domaine_enregistrable}).")
        else:
            resume = (f"Le mot de passe volé est juste, mais le code recueilli "
                      f"({code_vole}) a expiré cinq minutes plus tard : "
                      f"{resultat.message} Aucune session ne s'ouvre.")
        return Issue(resultat.ok, resume, chiffres)


SCENARIOS = (Hameconnage,)
