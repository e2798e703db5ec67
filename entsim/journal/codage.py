"""Le contenu haché des lignes du journal, calculé par colonnes (écriture par blocs et
vérification par paquets).

Le texte haché d'une ligne est le JSON canonique de ses champs
(:func:`~entsim.journal.integrite.codage_canonique`) : ``[numero,"instant",operation,
identite,service,poste,resultat,detail,objet,"empreinte précédente"]``. Chaque partie se
code par colonnes : les dates sont écrites chiffre à chiffre dans une matrice d'octets, les
combinaisons distinctes d'opération, identité, service, poste et résultat ne sont codées
qu'une fois, un texte ASCII sans caractère à échapper s'écrit ``"texte"`` sans appel ligne à
ligne. Il ne reste, par ligne, qu'un formatage (:data:`GABARIT`) et un appel à SHA-256. Le
résultat est octet pour octet celui de ``codage_canonique`` (les tests comparent les chaînes
écrites par blocs et ligne à ligne).
"""

from __future__ import annotations

import hashlib
from json.encoder import encode_basestring_ascii

import numpy as np

#: Les champs codés par un dictionnaire (peu de valeurs différentes).
CHAMPS_CODES = ("operation", "identite", "service", "poste", "resultat")


def _json(valeur: str | None) -> bytes:
    return b"null" if valeur is None else encode_basestring_ascii(valeur).encode("ascii")


def json_textes(distinctes: list) -> np.ndarray:
    """Le JSON (comme ``encode_basestring_ascii``) de chaque texte, ``None`` compris :
    vectorisé pour les textes ASCII sans guillemet, barre oblique inverse ni caractère de
    contrôle (qui s'écrivent ``"texte"``), un par un pour les autres."""
    resultat = np.empty(len(distinctes), dtype=object)
    if not distinctes:
        return resultat
    valeurs = np.array(distinctes, dtype=object)
    manquants = np.flatnonzero(valeurs == None)                 # noqa: E711 (par élément)
    valeurs[manquants] = ""
    textes = valeurs.tolist()
    ascii_ = np.fromiter(map(str.isascii, textes), bool, count=len(textes))
    simples = np.flatnonzero(ascii_) if not ascii_.all() else None
    choisis = textes if simples is None else [textes[i] for i in simples.tolist()]
    a_echapper = ~ascii_
    octets = np.array(choisis, dtype="S")
    if len(choisis) and octets.itemsize:
        longueurs = np.fromiter(map(len, choisis), np.int64, count=len(choisis))
        matrice = octets.view(np.uint8).reshape(len(choisis), octets.itemsize)
        dedans = np.arange(octets.itemsize) < longueurs[:, None]
        echapper = (((matrice < 32) | (matrice == 34) | (matrice == 92)) & dedans).any(1)
        echapper |= np.strings.str_len(octets) != longueurs      # NUL final
        sures = np.strings.add(np.strings.add(b'"', octets), b'"').astype(object)
        if simples is None:
            resultat[:] = sures
            a_echapper = echapper
        else:
            resultat[simples] = sures
            a_echapper[simples[echapper]] = True
    elif len(choisis):                                  # que des textes vides
        resultat[simples if simples is not None else slice(None)] = b'""'
    for i in np.flatnonzero(a_echapper).tolist():
        resultat[i] = _json(distinctes[i])
    resultat[manquants] = b"null"
    return resultat


def _json_libres(colonne: np.ndarray) -> list[bytes]:
    """Le JSON de chaque texte d'une colonne libre (textes numpy, ou ``None``)."""
    return json_textes(colonne.tolist()).tolist()


def _chiffres(matrice: np.ndarray, colonne: int, valeurs: np.ndarray, nombre: int) -> None:
    for k in range(nombre - 1, -1, -1):
        matrice[:, colonne + k] = 48 + valeurs % 10
        valeurs = valeurs // 10


def dates_iso(instants: np.ndarray) -> list[bytes]:
    """``datetime.isoformat()`` de chaque instant (microsecondes), vectorisé : les chiffres
    sont écrits directement dans une matrice d'octets (années de 1900 à 2999, celles de
    l'horloge simulée)."""
    secondes = instants // 1_000_000
    jours = secondes // 86_400
    dans_le_jour = secondes - jours * 86_400
    dates = jours.astype("datetime64[D]")
    mois = dates.astype("datetime64[M]")
    matrice = np.empty((len(instants), 19), np.uint8)
    _chiffres(matrice, 0, mois.astype("datetime64[Y]").astype(np.int64) + 1970, 4)
    _chiffres(matrice, 5, mois.astype(np.int64) % 12 + 1, 2)
    _chiffres(matrice, 8, (dates - mois).astype(np.int64) + 1, 2)
    _chiffres(matrice, 11, dans_le_jour // 3600, 2)
    _chiffres(matrice, 14, dans_le_jour // 60 % 60, 2)
    _chiffres(matrice, 17, dans_le_jour % 60, 2)
    matrice[:, [4, 7]] = ord("-")
    matrice[:, 10] = ord("T")
    matrice[:, [13, 16]] = ord(":")
    iso = matrice.view("S19").ravel().tolist()
    for i in np.flatnonzero(instants % 1_000_000).tolist():      # microsecondes
        iso[i] = b"%s.%06d" % (iso[i], int(instants[i]) % 1_000_000)
    return iso


#: Le texte haché d'une ligne, à partir de ses parties déjà codées en JSON : numéro, date,
#: « milieu » (opération, identité, service, poste, résultat), détail, objet, empreinte
#: précédente. Un seul formatage par ligne (plus rapide qu'une suite de concaténations).
GABARIT = b'[%b,"%b%b%b,%b,"%b"]'


def parties_colonnes(numero: np.ndarray, instant: np.ndarray, codes: dict, valeurs: list,
                     details: list[bytes], objets: list[bytes]) -> tuple[list, ...]:
    """Les parties JSON (voir :data:`GABARIT`) de lignes rangées en colonnes, sauf
    l'empreinte précédente : cinq listes d'octets, une valeur par ligne."""
    if len(numero) == 0:
        return ([], [], [], [], [])
    import pandas as pd

    # les champs codés ensemble : une combinaison distincte n'est codée qu'une fois
    cle = np.zeros(len(numero), np.int64)
    for champ in CHAMPS_CODES:
        cle = cle * (len(valeurs) + 1) + codes[champ]
        cle, _ = pd.factorize(cle)
        cle = cle.astype(np.int64)
    premieres = np.unique(cle, return_index=True)[1]
    milieux = np.empty(len(premieres), dtype=object)
    for position in premieres.tolist():
        op, ident, serv, poste, res = (valeurs[codes[c][position]] for c in CHAMPS_CODES)
        milieux[cle[position]] = (b'",' + _json(op) + b"," + _json(ident) + b"," + _json(serv)
                                  + b"," + _json(poste) + b"," + _json(res) + b",")
    return (numero.astype("S20").tolist(), dates_iso(instant), milieux[cle].tolist(), details,
            objets)


def chainer(parties: tuple[list, ...], precedente: bytes) -> list[bytes]:
    """Les empreintes SHA-256 (hexadécimales) successives d'une chaîne : chaque ligne hache
    ses parties et l'empreinte de la précédente. La boucle est séquentielle (chaque
    empreinte dépend de la précédente) : un formatage et un appel à SHA-256 par ligne."""
    sha256, gabarit = hashlib.sha256, GABARIT
    empreintes = []
    ajouter = empreintes.append
    for numero, date, milieu, detail, objet in zip(*parties):
        precedente = sha256(gabarit % (numero, date, milieu, detail, objet, precedente)
                            ).hexdigest().encode()
        ajouter(precedente)
    return empreintes


def empreintes_recalculees(parties: tuple[list, ...], precedentes: list[bytes]) -> np.ndarray:
    """L'empreinte (binaire, 32 octets par ligne) de chaque ligne avec l'empreinte précédente
    qu'elle porte (lignes indépendantes : c'est la vérification)."""
    sha256, gabarit = hashlib.sha256, GABARIT
    empreintes = b"".join([sha256(gabarit % lignes).digest()
                           for lignes in zip(*parties, precedentes)])
    return np.frombuffer(empreintes, np.uint8).reshape(-1, 32)


_NIBBLES = np.full(256, 255, np.uint8)
_NIBBLES[np.frombuffer(b"0123456789abcdef", np.uint8)] = np.arange(16, dtype=np.uint8)


def binaires(hexa: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Les empreintes hexadécimales (``S64``) en binaire (32 octets par ligne), et pour
    chaque ligne si elle est bien de 64 chiffres hexadécimaux (sinon, elle ne peut égaler
    aucune empreinte recalculée)."""
    try:
        texte = np.ascontiguousarray(hexa).tobytes()
        if texte.translate(None, b"0123456789abcdef"):
            raise ValueError                 # autre chose que 64 chiffres hexa par ligne
        octets = np.frombuffer(bytes.fromhex(texte.decode("ascii")), np.uint8)
        return octets.reshape(-1, 32), np.ones(len(hexa), bool)
    except (ValueError, UnicodeError):
        pass
    octets = _NIBBLES[np.ascontiguousarray(hexa).view(np.uint8).reshape(-1, 64)]
    valides = (octets != 255).all(axis=1)
    return (octets[:, 0::2] << 4) | octets[:, 1::2], valides
