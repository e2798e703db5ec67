"""Pourquoi 50 bits suffisent avec un blocage et pourquoi il en faut 80 sans (CNIL,
délibération n° 2022-100, cas n° 1 et n° 2) : le temps moyen pour trouver un mot de passe
de N bits selon le rythme que l'attaquant peut tenir.

* CNIL, délibération n° 2022-100 du 21 juillet 2022 (recommandation relative aux mots de
  passe) : cas n° 1 « mot de passe seul », 80 bits au moins ; cas n° 2 « mot de passe et
  restriction d'accès au compte » (blocage temporaire, temporisation…), 50 bits au moins.
  Ce sont des recommandations, pas des obligations.
* Le blocage « 5 échecs → 15 minutes » est un **réglage de l'ENT** (comme Open ENT NG), lu
  ici sur ``ent.authentification.verrouillage`` ; ce n'est pas un chiffre de la CNIL.
* Rythme « sans aucune limite » : hashcat 6.2.6 sur une carte RTX 4090, MD5 (164 milliards
  d'essais par seconde, :data:`entsim.authentification.mots_de_passe.cassage.VITESSES_RTX_4090`) :
  ce que permet une base d'empreintes volée, ou de nombreuses machines.
* Rythme « en ligne sans blocage » : :data:`DEBIT_EN_LIGNE`, une hypothèse de la simulation
  (un attaquant seul, une requête toutes les 100 ms), pas une mesure.

En moyenne, on trouve un mot de passe tiré au hasard parmi 2^N après 2^(N−1) essais (la
moitié des possibilités).
"""

from __future__ import annotations

from datetime import timedelta

from entsim.authentification.mots_de_passe.cassage import (VITESSES_RTX_4090, VitesseCassage,
                                                           duree_lisible, temps_de_cassage)
from entsim.authentification.mots_de_passe.redaction import fr
from entsim.authentification.verrouillage import RetardCroissant, Verrouillage
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.tableaux import tableau

#: Essais par seconde d'un attaquant seul contre la page de connexion, sans blocage
#: (hypothèse de la simulation : une requête toutes les 100 ms).
DEBIT_EN_LIGNE = 10.0

#: Les seuils de la délibération n° 2022-100 montrés dans le tableau (bits).
SEUILS_MONTRES = (50, 80)


def debit_avec_restriction(restriction: Verrouillage | RetardCroissant | None) -> float:
    """Le rythme moyen (essais par seconde) qu'une restriction d'accès laisse à un
    attaquant patient : ``seuil`` essais par durée de blocage ; pour une temporisation
    croissante, un essai par délai maximal (le régime établi) ; sans restriction,
    :data:`DEBIT_EN_LIGNE`."""
    if restriction is None:
        return DEBIT_EN_LIGNE
    if isinstance(restriction, Verrouillage):
        return restriction.seuil / restriction.duree.total_seconds()
    if isinstance(restriction, RetardCroissant):
        return 1 / restriction.delai_max.total_seconds()
    raise ValeurInvalide("La restriction est Verrouillage(...), RetardCroissant(...) ou None.")


def temps_moyen(bits: float, essais_par_seconde: float) -> str:
    """Le temps moyen (la moitié des 2^bits possibilités) en français courant."""
    return duree_lisible(temps_de_cassage(bits, essais_par_seconde).secondes_en_moyenne)


def _rythme(essais_par_seconde: float) -> str:
    if essais_par_seconde >= 1e6:
        return str(VitesseCassage("", 0, essais_par_seconde, "")).removeprefix(" : ")
    if essais_par_seconde >= 1:
        return f"{fr(essais_par_seconde)} essais par seconde"
    par_heure = essais_par_seconde * 3600
    return f"{fr(par_heure, 1).removesuffix(',0')} essais par heure"


def _rythmes(restriction: Verrouillage | RetardCroissant | None) -> list[tuple[str, float]]:
    if restriction is None:
        restriction = Verrouillage()
    gpu = VITESSES_RTX_4090["md5"].essais_par_seconde
    return [
        (f"Avec restriction ({restriction.decrire()[:-1].lower()})",
         debit_avec_restriction(restriction)),
        (f"En ligne sans restriction ({_rythme(DEBIT_EN_LIGNE)})", DEBIT_EN_LIGNE),
        (f"Sans aucune limite (base volée, MD5 sur une RTX 4090 : {_rythme(gpu)})", gpu),
    ]


def tableau_seuils_cnil(restriction: Verrouillage | RetardCroissant | None = None):
    """Le temps moyen pour trouver un mot de passe de 50 et de 80 bits selon le rythme de
    l'attaquant (``DataFrame``). ``restriction`` : celle de l'ENT
    (``ent.authentification.verrouillage`` ; par défaut 5 échecs → 15 min)."""
    lignes = [[nom] + [temps_moyen(bits, debit) for bits in SEUILS_MONTRES]
              for nom, debit in _rythmes(restriction)]
    colonnes = ["Rythme de l'attaquant"] + [f"{bits} bits" for bits in SEUILS_MONTRES]
    return tableau(lignes, colonnes)


def phrase_seuils_cnil(restriction: Verrouillage | RetardCroissant | None = None) -> str:
    """Pourquoi 50 bits avec blocage, 80 sans : une explication calculée."""
    (_, r), _, (_, gpu) = _rythmes(restriction)
    # le nombre d'essais par heure du réglage de l'ENT n'est pas écrit : c'est la question 17d
    # de la fiche partie3_risques (revue de la session 4)
    renvoi = " (combien au juste ? c'est la question 17d de la fiche)" if restriction is None \
        else ""
    return ("Avec une restriction d'accès, l'attaquant ne peut faire que quelques essais "
            f"par heure{renvoi} : "
            f"trouver un mot de passe de 50 bits lui prendrait en moyenne {temps_moyen(50, r)}, "
            "d'où le seuil de 50 bits du cas n° 2 de la délibération CNIL 2022-100. Sans "
            "restriction, rien ne borne son rythme (plusieurs machines, ou la base "
            f"d'empreintes volée) : à {_rythme(gpu)}, 50 bits tombent en "
            f"{temps_moyen(50, gpu)} en moyenne, alors que 80 bits tiennent "
            f"{temps_moyen(80, gpu)} — d'où le seuil de 80 bits du cas n° 1 « mot de passe "
            "seul ».")


def temps_pour_epuiser(nombre_essais: int, restriction: Verrouillage | RetardCroissant | None,
                       debit: float = DEBIT_EN_LIGNE) -> timedelta:
    """Le temps simulé pour faire ``nombre_essais`` essais contre un compte, avec un
    attaquant patient qui attend la fin de chaque blocage."""
    if restriction is None or nombre_essais <= 0:
        return timedelta(seconds=max(nombre_essais, 0) / debit)
    if isinstance(restriction, Verrouillage):
        blocages = (nombre_essais - 1) // restriction.seuil
        return blocages * restriction.duree + timedelta(seconds=nombre_essais / debit)
    attente = sum((restriction.restriction(n) or timedelta(0) for n in range(1, nombre_essais)),
                  timedelta(0))
    return attente + timedelta(seconds=nombre_essais / debit)


__all__ = ["DEBIT_EN_LIGNE", "SEUILS_MONTRES", "debit_avec_restriction", "phrase_seuils_cnil",
           "tableau_seuils_cnil", "temps_moyen", "temps_pour_epuiser"]
