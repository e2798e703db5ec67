"""Banc d'essai des services AAS : cycles SSO par seconde (émission + validation d'un ticket
de service) et temps de reconstitution de la chaîne d'une identité dans un journal d'un
million de lignes.

    .venv/bin/python benchmarks/bench_aas.py

Affiche des chiffres ; n'échoue jamais (les cibles de vitesse ne sont pas des tests).
"""

from __future__ import annotations

import gc
import resource
import time

from entsim import ENT, MOTS_DE_PASSE_DEMO
from entsim.etablissement.generation import PERSONAS
from entsim.journal.chaine import Journal


def mesurer_cycles_sso(nombre: int = 20_000) -> float:
    """La durée (s) de ``nombre`` cycles SSO : émission puis validation d'un ticket."""
    ent = ENT.demo(cout="rapide")
    lea = PERSONAS["eleve"].identifiant
    navigateur = ent.navigateur("Poste du CDI")
    ent.cas.connexion(navigateur, lea, MOTS_DE_PASSE_DEMO["eleve"])
    service = ent.cas.service("cahier_de_textes")
    debut = time.perf_counter()
    for _ in range(nombre):
        acces = ent.cas.acceder(navigateur, "cahier_de_textes")
        validation = ent.cas.valider(acces.ticket, service.url)
        assert validation.ok
    return time.perf_counter() - debut


def cycles_sso(nombre: int = 20_000) -> None:
    duree = mesurer_cycles_sso(nombre)
    print(f"SSO : {nombre} cycles (émission + validation d'un ticket) en {duree:.2f} s "
          f"→ {nombre / duree:,.0f} cycles par seconde".replace(",", " "))


#: Les opérations écrites, tour à tour, dans le grand journal.
OPERATIONS = ("connexion_reussie", "tgt_cree", "ticket_emis", "ticket_valide",
              "acces_autorise", "deconnexion")


def remplir_journal(taille: int = 1_000_000, identites: int = 2_000) -> tuple[Journal, float]:
    """Un journal de ``taille`` lignes écrites une à une (``enregistrer``) et la durée (s)."""
    ent = ENT.demo(cout="rapide")
    journal = Journal(ent.horloge)
    debut = time.perf_counter()
    for i in range(taille):
        if i % 50 == 0:
            ent.horloge.avancer(1)
        journal.enregistrer(OPERATIONS[i % len(OPERATIONS)], identite=f"eleve{i % identites}",
                            service="notes", poste="Poste du CDI", objet=f"ST-{i}")
    return journal, time.perf_counter() - debut


def chaine_dans_un_grand_journal(taille: int = 1_000_000, identites: int = 2_000) -> None:
    journal, remplissage = remplir_journal(taille, identites)
    pic = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024   # Linux : en kio
    gc.collect()     # on mesure la requête, pas un ramasse-miettes déclenché par hasard
    debut = time.perf_counter()
    chaine = journal.chaine_de("eleve42")
    reconstitution = time.perf_counter() - debut
    debut = time.perf_counter()
    verification = journal.verifier()
    duree_verification = time.perf_counter() - debut
    print(f"Journal : {taille:,} lignes écrites en {remplissage:.1f} s "
          f"(mémoire du processus au plus haut : {pic / 2**20:,.0f} Mio)".replace(",", " "))
    print(f"Chaîne de « eleve42 » : {len(chaine)} opérations reconstituées en "
          f"{reconstitution * 1000:.2f} ms")
    print(f"Vérification de toute la chaîne d'empreintes : {duree_verification:.1f} s "
          f"({'intacte' if verification.intact else 'altérée'})")


if __name__ == "__main__":
    cycles_sso()
    chaine_dans_un_grand_journal()
