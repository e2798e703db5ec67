"""Stockage des mots de passe : empreintes salées et lentes… et contre-exemples à ne pas suivre.

Ce que disent les textes :

* SDET, document 2, « Mots de passe » : « Les mots de passe NE DOIVENT PAS être stockés en
  clair. Les mots de passe DEVRAIENT être stockés de manière chiffrée et irréversible,
  éventuellement sous forme d'empreintes numériques. Lors de la vérification du couple
  « identifiant / mot de passe », le chiffrement et la comparaison avec la valeur stockée du
  mot de passe DOIVENT être effectués par le service AAS. »
* CNIL, délibération n° 2022-100 du 21 juillet 2022 (recommandation « mots de passe »),
  « Modalités de conservation » : le mot de passe est transformé par une fonction
  non réversible et sûre, avec un sel, et cette fonction doit être lente (pour freiner une
  attaque par force brute sur une base volée) ; la CNIL cite scrypt et Argon2, et juge que
  MD5 n'est pas acceptable.

Les empreintes sont calculées par passlib (fork maintenu ``libpass``), avec un
``CryptContext`` : chaque empreinte décrit elle-même son algorithme et ses paramètres
(``$argon2id$v=19$m=19456,t=2,p=1$<sel>$<empreinte>``), ce qui permet de changer
d'algorithme sans rien casser : les anciennes empreintes sont reconnues, vérifiées, puis
*renforcées* (recalculées avec le nouvel algorithme) à la connexion suivante — le seul moment
où le service connaît le mot de passe (``CryptContext.verify_and_update`` de passlib).

Schémas disponibles (noms de la simulation, en français) :

* ``"argon2"`` — Argon2id, recommandé par la CNIL et l'OWASP. Paramètres retenus : le
  minimum de l'OWASP (*Password Storage Cheat Sheet*) m = 19 Mio, t = 2, p = 1, environ
  30 ms par empreinte sur un ordinateur portable : assez pour une simulation qui hache une
  poignée de comptes, et nettement moins que le défaut de passlib (m = 64 Mio, t = 3,
  p = 4), inutilement coûteux ici.
* ``"scrypt"`` — scrypt (implémentation de la bibliothèque standard, ``hashlib.scrypt``),
  cité par la CNIL ; paramètres OWASP : N = 2¹⁷, r = 8, p = 1 (128 Mio, ≈ 0,4 s).
* ``"pbkdf2_sha256"`` — PBKDF2-HMAC-SHA256 salé, 600 000 itérations (OWASP 2023).
* bcrypt n'est pas un schéma de l'ENT simulé (la CNIL cite scrypt et Argon2) ; sa vitesse
  est mesurée dans le laboratoire de cassage (:mod:`entsim.attaques.mesures`, coût 5).
* Contre-exemples **volontairement faibles**, pour la leçon (base volée, cassage) :
  ``"clair"`` (aucune transformation — illégal au regard du SDET), ``"md5_sans_sel"``,
  ``"sha1_sans_sel"``, ``"sha256_sans_sel"`` (empreintes rapides et sans sel : deux
  personnes qui ont le même mot de passe ont la même empreinte, et une carte graphique en
  teste des milliards par seconde). Ils n'émettent aucun avertissement Python (un
  avertissement sur la sortie d'erreur casserait les notebooks) : l'avertissement est dans
  leur description (:data:`SCHEMAS`, :func:`tableau_schemas`).

Coût « rapide » : ``GestionnaireEmpreintes(schema, cout="rapide")`` garde le même algorithme
mais avec des paramètres minimaux (Argon2id m = 64 Kio, t = 1 ; scrypt N = 2⁴ ; PBKDF2 1 000
itérations). Réservé aux tests et aux notebooks qui montrent le *mécanisme* (sel, format,
renforcement) sans attendre : ces empreintes ne protègent presque plus rien contre le
cassage. Une empreinte « rapide » est renforcée à la connexion suivante si le service revient
au coût normal.

Sels : tirés par passlib de l'aléa du système (``os.urandom``). Si l'on donne une
``source`` en mode ``reproductible`` (notebooks), les sels viennent de la graine : mêmes
empreintes d'une exécution à l'autre, ce que nbval peut comparer. Un sel n'est pas un secret
(il est écrit dans l'empreinte) : il doit seulement être différent pour chaque empreinte.

La comparaison est faite par passlib en temps constant (``passlib.utils.consteq``) pour les
empreintes « à l'ancienne » (MD5, SHA…, texte en clair) ; Argon2 et scrypt recalculent
l'empreinte et la comparent de même.
"""

from __future__ import annotations

from dataclasses import dataclass

from passlib.context import CryptContext

from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite, nature

#: Longueur maximale acceptée pour un mot de passe (au-delà : saisie absurde, ou tentative de
#: ralentir le serveur avec un texte énorme). L'OWASP demande d'accepter au moins 64
#: caractères ; passlib refuse au-delà de 4 096.
LONGUEUR_MAX_MOT_DE_PASSE = 1024

#: Les deux niveaux de coût (voir le docstring du module).
COUTS = ("normal", "rapide")


@dataclass(frozen=True)
class DescriptionSchema:
    """Ce qu'il faut savoir d'un schéma de stockage, en français."""

    nom: str               # nom dans la simulation ("argon2", "md5_sans_sel"…)
    algorithme: str        # nom usuel de l'algorithme
    nom_passlib: str       # nom du gestionnaire passlib
    sale: bool             # un sel aléatoire par empreinte ?
    lent: bool             # fonction volontairement coûteuse ?
    sur: bool             # acceptable pour protéger de vrais mots de passe ?
    verdict: str           # verdict de sécurité, une phrase
    statut_cnil: str       # position de la CNIL (délibération 2022-100) ou du SDET
    description: str       # explication pour l'élève

    def __str__(self) -> str:
        return f"{self.algorithme} — {self.verdict} {self.description} ({self.statut_cnil})"


#: Les schémas de la simulation, du plus sûr au pire.
SCHEMAS: dict[str, DescriptionSchema] = {
    "argon2": DescriptionSchema(
        "argon2", "Argon2id", "argon2", True, True, True,
        "Sûr : salé, lent et gourmand en mémoire.",
        "Recommandé par la CNIL (délibération 2022-100).",
        "Gagnant de la compétition Password Hashing Competition (2015). Chaque calcul "
        "demande beaucoup de mémoire, ce qui ruine l'avantage des cartes graphiques."),
    "scrypt": DescriptionSchema(
        "scrypt", "scrypt", "scrypt", True, True, True,
        "Sûr : salé, lent et gourmand en mémoire.",
        "Recommandé par la CNIL (délibération 2022-100).",
        "Fonction conçue pour coûter cher en mémoire, comme Argon2."),
    "pbkdf2_sha256": DescriptionSchema(
        "pbkdf2_sha256", "PBKDF2-HMAC-SHA256", "pbkdf2_sha256", True, True, True,
        "Acceptable : salé et lent (600 000 itérations), mais peu gourmand en mémoire.",
        "Conforme si le nombre d'itérations est élevé (fonction salée et lente).",
        "SHA-256 répété des centaines de milliers de fois avec un sel : chaque essai "
        "d'un attaquant coûte autant de calculs."),
    "sha256_sans_sel": DescriptionSchema(
        "sha256_sans_sel", "SHA-256 sans sel", "hex_sha256", False, False, False,
        "⚠ Dangereux : rapide et sans sel.",
        "Non conforme : la CNIL demande une fonction salée et lente.",
        "Irréversible mais bien trop rapide (environ 22 milliards d'essais par seconde sur "
        "une carte graphique) ; deux mots de passe identiques ont la même empreinte."),
    "sha1_sans_sel": DescriptionSchema(
        "sha1_sans_sel", "SHA-1 sans sel", "hex_sha1", False, False, False,
        "⚠ Dangereux : rapide, sans sel, algorithme cassé.",
        "Non conforme : fonction obsolète, ni salée ni lente.",
        "SHA-1 est cassé depuis 2017 (collisions) ; sans sel, les tables précalculées "
        "retrouvent aussitôt les mots de passe courants."),
    "md5_sans_sel": DescriptionSchema(
        "md5_sans_sel", "MD5 sans sel", "hex_md5", False, False, False,
        "⚠ Dangereux : rapide, sans sel, algorithme cassé.",
        "Non acceptable selon la CNIL (MD5 est explicitement exclu).",
        "Environ 164 milliards d'essais par seconde sur une carte graphique : un mot de "
        "passe de 8 caractères tombe en moins d'une journée."),
    "clair": DescriptionSchema(
        "clair", "Texte en clair", "plaintext", False, False, False,
        "⛔ Interdit : le mot de passe est stocké tel quel.",
        "Illégal : le SDET dit « Les mots de passe NE DOIVENT PAS être stockés en clair ».",
        "Quiconque lit la base (administrateur, sauvegarde, pirate) lit tous les mots de "
        "passe, qui servent souvent aussi ailleurs. À n'utiliser que pour la leçon."),
}

#: Paramètres passlib par schéma et par coût (voir le docstring du module pour les sources).
_PARAMETRES: dict[str, dict[str, dict[str, object]]] = {
    "normal": {
        "argon2": {"type": "ID", "memory_cost": 19456, "rounds": 2, "parallelism": 1},
        "scrypt": {"rounds": 17, "block_size": 8, "parallelism": 1},
        "pbkdf2_sha256": {"rounds": 600_000},
    },
    "rapide": {
        "argon2": {"type": "ID", "memory_cost": 64, "rounds": 1, "parallelism": 1},
        "scrypt": {"rounds": 4, "block_size": 8, "parallelism": 1},
        "pbkdf2_sha256": {"rounds": 1_000},
    },
}

#: Ordre de reconnaissance : les formats qui s'annoncent (« $argon2id$… ») d'abord, puis les
#: empreintes hexadécimales (32, 40 ou 64 caractères), et le texte en clair en dernier, car
#: n'importe quelle chaîne « ressemble » à un mot de passe en clair.
_ORDRE_RECONNAISSANCE = ("argon2", "scrypt", "pbkdf2_sha256", "sha256_sans_sel",
                         "sha1_sans_sel", "md5_sans_sel", "clair")

#: Les paramètres de coût qu'on compare pour décider si une empreinte est trop faible.
_ATTRIBUTS_DE_COUT = ("rounds", "memory_cost", "block_size")


def verifier_schema(nom: object) -> str:
    """Vérifie un nom de schéma et le renvoie ; message clair sinon."""
    if not isinstance(nom, str) or nom not in SCHEMAS:
        connus = ", ".join(f"\"{n}\"" for n in SCHEMAS)
        raise ValeurInvalide(f"Schéma de stockage inconnu : {cite(nom)}. Schémas possibles : "
                             f"{connus}.", code="schema_inconnu")
    return nom


def verifier_cout(cout: object) -> str:
    if not isinstance(cout, str) or cout not in COUTS:
        raise ValeurInvalide(f"Coût inconnu : {cite(cout)}. Coûts possibles : \"normal\" "
                             "(par défaut) ou \"rapide\" (tests et démonstrations).",
                             code="cout_inconnu")
    return cout  # type: ignore[return-value]


def verifier_mot_de_passe_saisi(mot_de_passe: object, nom: str = "mot de passe") -> str:
    """Vérifie qu'un mot de passe est un texte non vide de longueur raisonnable."""
    if not isinstance(mot_de_passe, str):
        raise ValeurInvalide(f"Le {nom} doit être un texte entre guillemets (reçu : "
                             f"{nature(mot_de_passe)}).", code="saisie_invalide")
    if not mot_de_passe:
        raise ValeurInvalide(f"Le {nom} ne peut pas être vide.", code="saisie_invalide")
    if len(mot_de_passe) > LONGUEUR_MAX_MOT_DE_PASSE:
        raise ValeurInvalide(f"Le {nom} est trop long ({len(mot_de_passe)} caractères ; "
                             f"{LONGUEUR_MAX_MOT_DE_PASSE} au plus).",
                             code="mot_de_passe_trop_long")
    return mot_de_passe


class GestionnaireEmpreintes:
    """Calcule et vérifie les empreintes de mots de passe (le « chiffrement irréversible »
    du SDET), avec un schéma par défaut pour les nouvelles empreintes.

    >>> g = GestionnaireEmpreintes("md5_sans_sel")
    >>> g.hacher("azerty")
    'ab4f63f9ac65152575886860dde480a1'
    >>> g.verifier("azerty", g.hacher("azerty"))
    True
    """

    #: Taille des sels tirés de la source (16 octets = 128 bits, comme passlib).
    OCTETS_SEL = 16

    def __init__(self, schema: str = "argon2", *, cout: str = "normal",
                 source: SourceAleatoire | None = None) -> None:
        self.schema = verifier_schema(schema)
        self.cout = verifier_cout(cout)
        if source is not None and not isinstance(source, SourceAleatoire):
            raise ValeurInvalide("« source » doit être la source de hasard de la simulation "
                                 "(SourceAleatoire) ou None.")
        self.source = source
        reglages: dict[str, object] = {}
        for nom, valeurs in _PARAMETRES[self.cout].items():
            for cle, valeur in valeurs.items():
                reglages[f"{SCHEMAS[nom].nom_passlib}__{cle}"] = valeur
        noms = [SCHEMAS[n].nom_passlib for n in _ORDRE_RECONNAISSANCE]
        defaut = SCHEMAS[self.schema].nom_passlib
        self._contexte = CryptContext(
            schemes=noms, default=defaut,
            deprecated=[n for n in noms if n != defaut], **reglages)
        # Un contexte par schéma, pour vérifier une empreinte dont on connaît le schéma
        # (le texte en clair « 5f4dcc3b… » ressemble à une empreinte MD5 : voir verifier()).
        self._seuls = {
            nom: CryptContext(schemes=[SCHEMAS[nom].nom_passlib],
                              **{k: v for k, v in reglages.items()
                                 if k.startswith(SCHEMAS[nom].nom_passlib + "__")})
            for nom in SCHEMAS
        }

    # -- calcul --------------------------------------------------------------------------
    def hacher(self, mot_de_passe: str) -> str:
        """L'empreinte à stocker pour ce mot de passe, avec le schéma courant (un sel neuf
        à chaque appel pour les schémas salés)."""
        verifier_mot_de_passe_saisi(mot_de_passe)
        if self.source is not None and self.source.reproductible and SCHEMAS[self.schema].sale:
            gestionnaire = self._contexte.handler()
            sel = self.source.octets(self.OCTETS_SEL)
            return gestionnaire.using(salt=sel).hash(mot_de_passe)
        return self._contexte.hash(mot_de_passe)

    def verifier(self, mot_de_passe: str, empreinte: str, *, schema: str | None = None) -> bool:
        """``True`` si le mot de passe correspond à l'empreinte stockée.

        ``schema`` (facultatif) : le schéma avec lequel l'empreinte a été calculée, s'il est
        connu. Sans lui, le schéma est reconnu d'après le format de l'empreinte — ce qui est
        ambigu pour un mot de passe stocké *en clair* qui ressemblerait à une empreinte
        hexadécimale : c'est pourquoi le service d'authentification mémorise le schéma de
        chaque compte. Une saisie invalide (pas un texte, trop long) ne correspond à rien.
        """
        if not isinstance(mot_de_passe, str) or not mot_de_passe \
                or len(mot_de_passe) > LONGUEUR_MAX_MOT_DE_PASSE or not isinstance(empreinte, str):
            return False
        contexte = self._contexte if schema is None else self._seuls[verifier_schema(schema)]
        try:
            return bool(contexte.verify(mot_de_passe, empreinte))
        except ValueError:      # empreinte illisible (format inconnu ou abîmé)
            return False

    def verification_factice(self) -> bool:
        """Fait le même travail qu'une vraie vérification, sans compte, et renvoie
        ``False`` : utilisée quand l'identifiant est inconnu, pour que le temps de réponse
        ne révèle pas quels comptes existent (``CryptContext.dummy_verify`` de passlib)."""
        return bool(self._contexte.dummy_verify())

    # -- renforcement --------------------------------------------------------------------
    def schema_de(self, empreinte: str) -> str:
        """Le schéma reconnu d'après le format de l'empreinte (``"clair"`` en dernier recours)."""
        if not isinstance(empreinte, str):
            raise ValeurInvalide("L'empreinte doit être un texte.")
        nom_passlib = self._contexte.identify(empreinte)
        for nom, description in SCHEMAS.items():
            if description.nom_passlib == nom_passlib:
                return nom
        return "clair"  # pragma: no cover - plaintext reconnaît toute chaîne

    def est_en_clair(self, empreinte: str, *, schema: str | None = None) -> bool:
        """``True`` si la valeur stockée est le mot de passe lui-même."""
        return (schema or self.schema_de(empreinte)) == "clair"

    def doit_etre_renforcee(self, empreinte: str, *, schema: str | None = None) -> bool:
        """``True`` si l'empreinte n'a pas été calculée avec le schéma courant, ou l'a été
        avec des paramètres plus faibles (moins d'itérations, moins de mémoire). Une empreinte
        plus forte que la configuration n'est jamais « affaiblie »."""
        schema = verifier_schema(schema) if schema is not None else self.schema_de(empreinte)
        if schema != self.schema:
            return True
        if not self._seuls[schema].needs_update(empreinte):
            return False
        gestionnaire = self._seuls[schema].handler()
        try:
            stockee = gestionnaire.from_string(empreinte)
        except ValueError:
            return True
        if getattr(stockee, "type", None) != getattr(gestionnaire, "type", None):
            return True     # Argon2i ou Argon2d au lieu d'Argon2id
        return any(getattr(stockee, a, 0) < getattr(gestionnaire, f"default_{a}",
                                                    getattr(gestionnaire, a, 0))
                   for a in _ATTRIBUTS_DE_COUT if hasattr(stockee, a))

    def verifier_et_renforcer(self, mot_de_passe: str, empreinte: str, *,
                              schema: str | None = None) -> tuple[bool, str | None]:
        """Vérifie le mot de passe puis, s'il est bon et que l'empreinte est faible ou d'un
        ancien schéma, renvoie une nouvelle empreinte à stocker à sa place.

        Même contrat que ``CryptContext.verify_and_update`` de passlib : ``(False, None)``
        mot de passe faux ; ``(True, None)`` bon, rien à changer ; ``(True, nouvelle)``
        bon, remplacez l'empreinte. C'est à la connexion qu'on peut renforcer : c'est le seul
        moment où le service connaît le mot de passe.
        """
        if not self.verifier(mot_de_passe, empreinte, schema=schema):
            return False, None
        if self.doit_etre_renforcee(empreinte, schema=schema):
            return True, self.hacher(mot_de_passe)
        return True, None

    @property
    def description(self) -> DescriptionSchema:
        return SCHEMAS[self.schema]

    def __repr__(self) -> str:
        return f"GestionnaireEmpreintes(schema={self.schema!r}, cout={self.cout!r})"


def tableau_schemas():
    """Un ``pandas.DataFrame`` des schémas : algorithme, sel, lenteur, verdict, position de
    la CNIL, et les paramètres retenus par la simulation."""
    import pandas as pd

    lignes = []
    for nom, d in SCHEMAS.items():
        parametres = _PARAMETRES["normal"].get(nom, {})
        lignes.append({
            "Schéma": nom,
            "Algorithme": d.algorithme,
            "Salé": "oui" if d.sale else "non",
            "Lent": "oui" if d.lent else "non",
            "Sûr": "oui" if d.sur else "non",
            "Verdict": d.verdict,
            "CNIL / SDET": d.statut_cnil,
            "Paramètres": _decrire_parametres(nom, parametres),
        })
    return pd.DataFrame(lignes).set_index("Schéma")


def _decrire_parametres(nom: str, parametres: dict[str, object]) -> str:
    if nom == "argon2":
        return (f"m = {int(parametres['memory_cost']) // 1024} Mio, t = {parametres['rounds']}, "
                f"p = {parametres['parallelism']}")
    if nom == "scrypt":
        return (f"N = 2^{parametres['rounds']}, r = {parametres['block_size']}, "
                f"p = {parametres['parallelism']}")
    if nom == "pbkdf2_sha256":
        return f"{int(parametres['rounds']):,} itérations".replace(",", "\u202f")
    return "aucun"
