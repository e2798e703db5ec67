"""Une classe entière sur le serveur web de l'ENT (issue 18) : 35 élèves, chacun dans son
navigateur (client HTTP avec ses cookies), se connectent par le formulaire et ouvrent 5
services en même temps, 20 tours de suite (connexion, 5 services, déconnexion) ; le script
affiche le nombre d'erreurs, les tickets émis et validés, la vérification du journal et le
95ᵉ centile du temps de réponse.

    .venv/bin/python benchmarks/bench_web.py                  # 35 × 5 × 20
    .venv/bin/python benchmarks/bench_web.py --clients 10 --tours 3

Sur 127.0.0.1 : le serveur dans ce processus, les 35 navigateurs dans un autre (comme des
ordinateurs distincts, ils ne prennent pas le processeur du serveur) ; coût de hachage
« rapide » (le même algorithme, moins d'itérations : on mesure le serveur web, pas argon2).
(Mesure du temps réel : c'est un banc d'essai, pas la simulation, qui lit l'horloge.)
"""

from __future__ import annotations

import argparse
import asyncio
import html
import re
import multiprocessing
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import httpx

from entsim import ENT
from entsim.web.comptes import preparer_la_classe

SERVICES = ("cahier-de-textes", "notes", "messagerie", "agenda", "emploi-du-temps")


@dataclass
class Bilan:
    durees: list[float] = field(default_factory=list)
    erreurs: list[str] = field(default_factory=list)
    tickets_vus: list[str] = field(default_factory=list)


async def _requete(client: httpx.AsyncClient, bilan: Bilan, methode: str, url: str,
                   attendu: int, **options) -> httpx.Response | None:
    debut = time.perf_counter()
    try:
        reponse = await client.request(methode, url, **options)
    except httpx.HTTPError as erreur:
        bilan.erreurs.append(f"{methode} {url} : {type(erreur).__name__}")
        return None
    bilan.durees.append(time.perf_counter() - debut)
    if reponse.status_code != attendu:
        bilan.erreurs.append(f"{methode} {url} : {reponse.status_code} au lieu de {attendu}")
        return None
    return reponse


async def _eleve(base: str, identifiant: str, mot_de_passe: str, tours: int,
                 services: tuple[str, ...], bilan: Bilan) -> None:
    async with httpx.AsyncClient(timeout=60.0) as client:
        for _tour in range(tours):
            for rang, chemin in enumerate(services):
                r = await _requete(client, bilan, "GET", f"{base}/{chemin}", 302)
                if r is None:
                    return
                if rang == 0:  # formulaire, puis identifiants
                    r = await _requete(client, bilan, "GET", r.headers["location"], 200)
                    if r is None:
                        return
                    lt = html.unescape(re.search(r'name="lt" value="([^"]+)"', r.text)[1])
                    r = await _requete(client, bilan, "POST", f"{base}/cas/login", 303, data={
                        "username": identifiant, "password": mot_de_passe, "lt": lt,
                        "service": f"{base}/{chemin}"})
                else:  # session SSO : ticket sans mot de passe
                    r = await _requete(client, bilan, "GET", r.headers["location"], 302)
                if r is None:
                    return
                retour = r.headers["location"]
                bilan.tickets_vus.append(parse_qs(urlsplit(retour).query)["ticket"][0])
                r = await _requete(client, bilan, "GET", retour, 303)
                if r is None:
                    return
                r = await _requete(client, bilan, "GET", f"{base}/{chemin}", 200)
                if r is None or "Bonjour" not in r.text:
                    bilan.erreurs.append(f"page {chemin} sans session")
                    return
            r = await _requete(client, bilan, "GET", f"{base}/cas/logout", 200)
            if r is None or r.text.count("demande reçue") != len(services):
                prevenus = r.text.split("Services prévenus", 1)[-1][:400] if r else ""
                bilan.erreurs.append(f"déconnexion unique incomplète : {prevenus}")
                return


def _classe(base: str, comptes: list[tuple[str, str]], tours: int,
            services: tuple[str, ...]) -> Bilan:
    """Les navigateurs de la classe (dans un processus à part : ils ne prennent pas le
    processeur du serveur pendant qu'il répond)."""
    bilan = Bilan()

    async def classe() -> None:
        await asyncio.gather(*(_eleve(base, i, m, tours, services, bilan) for i, m in comptes))

    asyncio.run(classe())
    return bilan


def jouer_charge(clients: int = 35, tours: int = 20,
                 services: tuple[str, ...] = SERVICES) -> dict[str, object]:
    """Joue la charge et rend le bilan (nombres, p95 en millisecondes). Le serveur tourne
    dans ce processus (on y lit les tickets et le journal), les clients dans un autre."""
    ent = ENT(2026, max(clients, 35), cout="rapide")
    mots_de_passe, fiches = preparer_la_classe(ent, clients)
    comptes = [(identifiant, mots_de_passe[identifiant]) for identifiant in fiches]
    if len(comptes) < clients:
        raise SystemExit(f"Seulement {len(comptes)} comptes d'élèves pour {clients} clients.")
    serveur = ent.servir(port=0, afficher=False)
    base = serveur.adresse.rstrip("/")
    debut = time.perf_counter()
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            bilan = pool.submit(_classe, base, comptes, tours, services).result()
    finally:
        duree = time.perf_counter() - debut
        ent.arreter()
    etats = [t.etat for t in ent.cas.tickets()]
    durees = sorted(bilan.durees)
    p95 = statistics.quantiles(durees, n=20)[-1] * 1000 if len(durees) >= 20 else float("nan")
    return {
        "clients": clients, "tours": tours, "services": len(services),
        "requetes": len(durees), "erreurs": len(bilan.erreurs),
        "premieres_erreurs": bilan.erreurs[:5],
        "tickets_emis": len(etats), "tickets_valides": etats.count("validé"),
        "tickets_distincts_vus": len(set(bilan.tickets_vus)),
        "tickets_attendus": clients * tours * len(services),
        "journal_verifie": ent.journal.verifier().intact,
        "erreurs_serveur": serveur.contexte.erreurs_serveur,
        "derniere_erreur": serveur.contexte.derniere_erreur,
        "echecs_internes": serveur.contexte.echecs_internes,
        "p95_ms": p95, "mediane_ms": statistics.median(durees) * 1000 if durees else 0,
        "duree_s": duree,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Une classe sur le serveur web de l'ENT.")
    parser.add_argument("--clients", type=int, default=35)
    parser.add_argument("--tours", type=int, default=20)
    options = parser.parse_args()
    b = jouer_charge(options.clients, options.tours)
    print(f"{b['clients']} élèves × {b['services']} services × {b['tours']} tours : "
          f"{b['requetes']} requêtes en {b['duree_s']:.1f} s")
    print(f"Erreurs : {b['erreurs']} (pages 500 : {b['erreurs_serveur']} ; requêtes de "
          f"serveur à serveur échouées : {len(b['echecs_internes'])})")
    for erreur in [*b["premieres_erreurs"], *b["echecs_internes"][:5]]:  # type: ignore[misc]
        print(f"  {erreur}")
    print(f"Tickets : {b['tickets_emis']} émis, {b['tickets_valides']} validés une fois, "
          f"{b['tickets_attendus']} attendus")
    print(f"Journal vérifié : {'oui' if b['journal_verifie'] else 'NON'}")
    print(f"Temps de réponse : médiane {b['mediane_ms']:.1f} ms, 95ᵉ centile "
          f"{b['p95_ms']:.1f} ms")


if __name__ == "__main__":
    main()
