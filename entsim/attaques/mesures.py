"""Les vitesses de cassage : **mesurées** sur l'ordinateur qui exécute le notebook, et
**extrapolées** à une carte graphique de joueur avec des chiffres publiés.

Ce module est la seule partie du laboratoire d'attaques qui lit l'horloge réelle de la
machine (``time.perf_counter``) : une vitesse se mesure. Tout ce qui en dépend est rangé
dans des objets :class:`Mesures` / :class:`VitesseMesuree` (attributs ``mesure_*``), pour
que le notebook isole leurs cellules (``nbval-ignore-output``) ; le reste du laboratoire
est déterministe.

**Mesure.** Pour chaque schéma de stockage, une courte rafale calibrée (0,3 s par défaut,
au moins deux essais) : l'attaquant essaie des mots de passe contre une empreinte volée,
avec les mêmes fonctions que l'ENT (:class:`entsim.authentification.hachage.GestionnaireEmpreintes`,
paramètres « normaux » : Argon2id m = 19 Mio, t = 2 ; PBKDF2-SHA256 600 000 itérations).
C'est un seul cœur, en Python : un vrai logiciel de cassage (hashcat, John the Ripper) va
bien plus vite sur le même processeur. Les chiffres mesurés sont donc une borne basse de ce
que peut un attaquant.

**Extrapolation** (:data:`VITESSES_GPU`) : hashcat 6.2.6 sur une Nvidia GeForce RTX 4090,
chiffres publiés par Sam Croley (« Chick3nman », octobre 2022), repris dans
:data:`entsim.authentification.mots_de_passe.cassage.VITESSES_RTX_4090` :

* MD5 (mode 0) : 164 milliards d'essais par seconde ;
* PBKDF2-HMAC-SHA256 (mode 10900) : 8,9 millions par seconde **à 999 itérations**. L'ENT en
  fait 600 000 ; chaque essai répète HMAC-SHA256 autant de fois (RFC 8018, § 5.2, « iteration
  count »), donc on divise par 600 000 / 999 ≈ 600 : environ 14 800 essais par seconde.
  C'est une règle de trois, indiquée comme telle ;
* bcrypt (mode 3200) : 184 000 par seconde **au coût 5** (2⁵ tours). bcrypt n'est pas
  disponible dans l'environnement d'entsim (le paquet ``bcrypt`` n'est pas installé, voir
  :mod:`entsim.authentification.hachage`) : il n'est ni mesuré ni joué ici, seulement
  extrapolé ;
* Argon2 : **aucun chiffre** dans ce banc d'essai — hashcat 6.2.6 ne sait pas casser
  Argon2 (le mode 34000 n'apparaît qu'avec hashcat 7.0.0, en 2025). On ne l'invente pas :
  le tableau dit « pas de chiffre publié ». Argon2 est conçu pour que la mémoire exigée
  par chaque essai (19 Mio ici) freine les cartes graphiques.

Seuils comparés : CNIL, délibération n° 2022-100 (80 bits pour un mot de passe seul,
50 bits avec restriction d'accès, 13 bits pour un code de déverrouillage), voir
:mod:`entsim.authentification.mots_de_passe.cnil`. La CNIL recommande de conserver les mots
de passe avec une fonction salée et lente (elle cite scrypt et Argon2) et juge MD5 non
acceptable.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping

from entsim.authentification.hachage import SCHEMAS, GestionnaireEmpreintes, verifier_schema
from entsim.authentification.mots_de_passe.cassage import VITESSES_RTX_4090, duree_lisible
from entsim.authentification.mots_de_passe.cnil import Cas, exemples_deliberation
from entsim.authentification.mots_de_passe.entropie import entropie_combinatoire
from entsim.authentification.mots_de_passe.redaction import fr
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

if TYPE_CHECKING:   # pragma: no cover
    import pandas as pd

__all__ = ["DUREE_RAFALE", "ITERATIONS_PBKDF2_ENT", "SCHEMAS_MESURES", "SorteMotDePasse",
           "Mesures", "SCHEMAS_VITESSE", "COUT_BCRYPT", "VitesseGPU", "VitesseMesuree", "VITESSES_GPU", "en_environ",
           "mesurer", "mesurer_schema", "phrases_epuisement", "sortes_de_mots_de_passe",
           "tableau_epuisement", "vitesse_lisible"]

#: Durée d'une rafale de mesure, en secondes (réelles).
DUREE_RAFALE = 0.3

#: Nombre d'itérations PBKDF2 de l'ENT (:mod:`entsim.authentification.hachage`, OWASP 2023).
ITERATIONS_PBKDF2_ENT = 600_000

#: Les schémas du laboratoire de cassage, du pire au meilleur (ceux de l'ENT).
SCHEMAS_MESURES = ("clair", "md5_sans_sel", "pbkdf2_sha256", "argon2")

#: bcrypt n'est pas un schéma de l'ENT (:mod:`entsim.authentification.hachage`) : sa vitesse
#: est mesurée à part, avec passlib (paquet ``bcrypt``), au coût 5 — le coût des chiffres
#: publiés pour hashcat (mode 3200), pour comparer ce PC et la carte graphique à coût égal.
COUT_BCRYPT = 5

#: Les schémas dont :func:`mesurer` mesure la vitesse (ceux du laboratoire, plus bcrypt).
SCHEMAS_VITESSE = (*SCHEMAS_MESURES, "bcrypt")


def _schema_mesurable(schema: object) -> str:
    if schema == "bcrypt":
        return "bcrypt"
    return verifier_schema(schema)


def _algorithme(schema: str) -> str:
    return f"bcrypt (coût {COUT_BCRYPT})" if schema == "bcrypt" else SCHEMAS[schema].algorithme

#: Mot de passe de l'empreinte cible des mesures (jamais trouvé : on mesure des échecs).
_CIBLE = "Rafale-de-mesure-7!"


@dataclass(frozen=True)
class VitesseGPU:
    """La vitesse d'une RTX 4090 pour un schéma (``None`` : aucun chiffre publié ; infinie
    pour le texte en clair, qui n'a rien à calculer)."""

    schema: str
    libelle: str
    essais_par_seconde: float | None
    source: str


_PBKDF2 = VITESSES_RTX_4090["pbkdf2_sha256"].essais_par_seconde
#: Vitesses d'une RTX 4090 (hashcat 6.2.6, Chick3nman, 2022) pour les schémas du laboratoire.
VITESSES_GPU: Mapping[str, VitesseGPU] = MappingProxyType({
    "clair": VitesseGPU("clair", "Texte en clair", math.inf,
                        "Rien à casser : la base volée se lit telle quelle."),
    "md5_sans_sel": VitesseGPU(
        "md5_sans_sel", "MD5 sans sel", VITESSES_RTX_4090["md5"].essais_par_seconde,
        "hashcat 6.2.6, RTX 4090, mode 0 (MD5) : 164 milliards d'essais par seconde."),
    "pbkdf2_sha256": VitesseGPU(
        "pbkdf2_sha256", "PBKDF2-SHA256 (600 000 itérations)",
        _PBKDF2 * 999 / ITERATIONS_PBKDF2_ENT,
        "hashcat 6.2.6, RTX 4090, mode 10900 : 8,9 millions d'essais par seconde à 999 "
        "itérations, divisés par 600 000 / 999 (règle de trois : chaque itération coûte "
        "autant)."),
    "bcrypt": VitesseGPU(
        "bcrypt", "bcrypt (coût 5)", VITESSES_RTX_4090["bcrypt"].essais_par_seconde,
        "hashcat 6.2.6, RTX 4090, mode 3200 : 184 000 essais par seconde au coût 5 (ce PC "
        "est mesuré au même coût)."),
    "argon2": VitesseGPU(
        "argon2", "Argon2id (19 Mio, t = 2)", None,
        "Pas de chiffre publié : hashcat 6.2.6 ne casse pas Argon2 (ajouté dans hashcat "
        "7.0.0, 2025). Argon2 exige beaucoup de mémoire par essai, ce qui freine les "
        "cartes graphiques."),
})


@dataclass(frozen=True)
class VitesseMesuree:
    """Une rafale mesurée sur cette machine : ``mesure_essais`` essais en
    ``mesure_secondes`` secondes. Pour ``"clair"``, rien à calculer : vitesse infinie."""

    schema: str
    mesure_essais: int
    mesure_secondes: float

    @property
    def mesure_essais_par_seconde(self) -> float:
        if self.schema == "clair" or self.mesure_secondes <= 0:
            return math.inf
        return self.mesure_essais / self.mesure_secondes

    def texte(self) -> str:
        if self.schema == "clair":
            return f"{SCHEMAS['clair'].algorithme} : rien à calculer, la base se lit."
        return (f"{_algorithme(self.schema)} : {fr(self.mesure_essais)} essais en "
                f"{fr(self.mesure_secondes, 2)} s, soit {vitesse_lisible(self.mesure_essais_par_seconde)}"
                " sur ce processeur (un cœur, Python).")

    def __str__(self) -> str:
        return self.texte()


@dataclass(frozen=True)
class Mesures:
    """Les vitesses mesurées sur cette machine, par schéma (ce qui change d'une exécution à
    l'autre : le notebook marque ``nbval-ignore-output`` la cellule qui les affiche)."""

    mesure_vitesses: Mapping[str, VitesseMesuree]

    def essais_par_seconde(self, schema: str) -> float:
        return self.mesure_vitesses[_schema_mesurable(schema)].mesure_essais_par_seconde

    def __contains__(self, schema: object) -> bool:
        return schema in self.mesure_vitesses

    def texte(self) -> str:
        return "\n".join(v.texte() for v in self.mesure_vitesses.values())

    def __str__(self) -> str:
        return self.texte()


def mesurer_schema(schema: str, duree: float = DUREE_RAFALE) -> VitesseMesuree:
    """Une rafale d'essais contre une empreinte du schéma, pendant ``duree`` secondes (au
    moins deux essais). Schémas salés : une vérification par essai ; schémas sans sel :
    un calcul d'empreinte par essai (comparé ensuite à toutes les empreintes volées)."""
    schema = _schema_mesurable(schema)
    if isinstance(duree, bool) or not isinstance(duree, (int, float)) or not 0 < duree <= 5:
        raise ValeurInvalide(f"La durée d'une rafale est un nombre de secondes entre 0 et 5 "
                             f"(reçu : {cite(duree)}).")
    if schema == "clair":
        return VitesseMesuree("clair", 0, 0.0)
    if schema == "bcrypt":
        return _mesurer_bcrypt(duree)
    gestionnaire = GestionnaireEmpreintes(schema)
    empreinte = gestionnaire.hacher(_CIBLE)
    sale = SCHEMAS[schema].sale
    essais, debut = 0, time.perf_counter()
    ecoule = 0.0
    while essais < 2 or ecoule < duree:
        candidat = f"essai{essais}"
        if sale:
            gestionnaire.verifier(candidat, empreinte, schema=schema)
        else:
            _ = gestionnaire.hacher(candidat) == empreinte
        essais += 1
        ecoule = time.perf_counter() - debut
    return VitesseMesuree(schema, essais, ecoule)


def _mesurer_bcrypt(duree: float) -> VitesseMesuree:
    """Une rafale de vérifications bcrypt (coût 5, passlib) contre une empreinte cible."""
    from passlib.hash import bcrypt

    empreinte = bcrypt.using(rounds=COUT_BCRYPT).hash(_CIBLE)
    essais, debut = 0, time.perf_counter()
    ecoule = 0.0
    while essais < 2 or ecoule < duree:
        bcrypt.verify(f"essai{essais}", empreinte)
        essais += 1
        ecoule = time.perf_counter() - debut
    return VitesseMesuree("bcrypt", essais, ecoule)


def mesurer(schemas: Iterable[str] = SCHEMAS_VITESSE, duree: float = DUREE_RAFALE) -> Mesures:
    """Mesure chaque schéma par une rafale de ``duree`` secondes (0,3 s par défaut)."""
    if isinstance(schemas, str):
        schemas = (schemas,)
    return Mesures(MappingProxyType({s: mesurer_schema(s, duree) for s in schemas}))


# -- lecture des durées -----------------------------------------------------------------
def vitesse_lisible(essais_par_seconde: float) -> str:
    """« 62 essais par seconde », « 2,4 millions d'essais par seconde »."""
    if math.isinf(essais_par_seconde):
        return "sans limite (rien à calculer)"
    for facteur, nom in ((1e9, "milliards"), (1e6, "millions")):
        if essais_par_seconde >= facteur:
            valeur = essais_par_seconde / facteur
            texte = (fr(valeur, 1) if valeur < 10 else fr(round(valeur))).removesuffix(",0")
            return f"{texte} {nom} d'essais par seconde"
    if essais_par_seconde < 10:
        return f"{fr(essais_par_seconde, 1).removesuffix(',0')} essais par seconde"
    return f"{fr(round(essais_par_seconde))} essais par seconde"


def en_environ(secondes: float) -> str:
    """Une durée dans une phrase : « en environ 3 heures », « en moins d'une seconde »,
    « en plus que l'âge de l'Univers (13,8 milliards d'années) »."""
    texte = duree_lisible(secondes)
    if texte.startswith(("moins", "plus")):
        return f"en {texte}"
    return f"en environ {texte}"


# -- épuiser un espace de mots de passe --------------------------------------------------
@dataclass(frozen=True)
class SorteMotDePasse:
    """Une sorte de mot de passe, son entropie (calcul de la CNIL) et d'où vient l'exemple."""

    libelle: str
    bits: float
    origine: str = ""

    @property
    def cas_cnil(self) -> str:
        """Le cas le plus exigeant de la délibération n° 2022-100 que cette sorte satisfait."""
        for cas in Cas:
            if round(self.bits) >= cas.seuil:
                return f"cas n° {cas.value} ({cas.court.lower()}, ≥ {cas.seuil} bits)"
        return "aucun (moins de 13 bits)"


def sortes_de_mots_de_passe() -> tuple[SorteMotDePasse, ...]:
    """Les exemples de la délibération n° 2022-100 (recalculés par
    :func:`~entsim.authentification.mots_de_passe.cnil.exemples_deliberation`) et un code PIN
    de 6 chiffres."""
    exemples = {(e.cas, e.description[:2]): e for e in exemples_deliberation()}
    huit = exemples[(Cas.AVEC_RESTRICTION, "8 ")]
    douze = exemples[(Cas.MOT_DE_PASSE_SEUL, "12")]
    phrase = exemples[(Cas.MOT_DE_PASSE_SEUL, "Ph")]
    return (
        SorteMotDePasse("Code PIN de 6 chiffres", entropie_combinatoire(6, ["chiffres"]),
                        "code de carte ou de téléphone"),
        SorteMotDePasse("8 caractères, 3 des 4 types", huit.bits, "exemple de la CNIL, cas n° 2"),
        SorteMotDePasse("12 caractères des 4 types", douze.bits, "exemple de la CNIL, cas n° 1"),
        SorteMotDePasse("Phrase de passe de 7 mots", phrase.bits,
                        "exemple de la CNIL, cas n° 1"),
    )


def _duree(bits: float, vitesse: float | None) -> str:
    if vitesse is None:
        return "pas de chiffre publié"
    if math.isinf(vitesse):
        return "immédiat (la base se lit)"
    return duree_lisible(2.0 ** bits / vitesse)


def tableau_epuisement(mesures: Mesures, schemas: Iterable[str] = SCHEMAS_VITESSE
                       ) -> "pd.DataFrame":
    """Le temps pour essayer **toutes** les possibilités (pire cas ; en moyenne, la moitié),
    une ligne par sorte de mot de passe et par stockage, sur ce processeur (vitesse mesurée)
    et sur une RTX 4090 (chiffres publiés). Cinq colonnes, lisibles au vidéoprojecteur.
    Dépend des mesures : cellule ``nbval-ignore-output``."""
    import pandas as pd

    schemas = tuple(schemas)
    lignes = []
    for sorte in sortes_de_mots_de_passe():
        for schema in schemas:
            cpu = mesures.essais_par_seconde(schema) if schema in mesures else None
            lignes.append({
                "Mot de passe": sorte.libelle,
                "Bits": round(sorte.bits),
                "Stockage": VITESSES_GPU[schema].libelle if schema in VITESSES_GPU else schema,
                "Sur ce PC": _duree(sorte.bits, cpu) if cpu is not None else "non mesuré ici",
                "Sur une RTX 4090": _duree(sorte.bits, VITESSES_GPU[schema].essais_par_seconde),
            })
    tableau = pd.DataFrame(lignes)
    tableau.index = pd.RangeIndex(1, len(tableau) + 1, name="N°")
    return tableau


def phrases_epuisement(mesures: Mesures) -> tuple[str, ...]:
    """Une phrase par sorte de mot de passe : MD5 sur une RTX 4090 contre Argon2 sur ce PC,
    et ce qu'en dit la CNIL. Dépend des mesures."""
    md5 = VITESSES_GPU["md5_sans_sel"].essais_par_seconde or 1.0
    phrases = []
    for sorte in sortes_de_mots_de_passe():
        texte = (f"{sorte.libelle} (≈ {fr(sorte.bits)} bits) : stocké en MD5 sans sel, une "
                 f"RTX 4090 essaie toutes les possibilités {en_environ(2.0 ** sorte.bits / md5)}")
        if "argon2" in mesures:
            texte += (f" ; stocké avec Argon2, ce PC y mettrait "
                      f"{duree_lisible(2.0 ** sorte.bits / mesures.essais_par_seconde('argon2'))}")
        phrases.append(texte + f". Seuil atteint : {sorte.cas_cnil}.")
    return tuple(phrases)
