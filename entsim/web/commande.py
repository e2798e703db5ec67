"""La commande ``entsim-serveur`` : l'enseignant sert l'ENT de démonstration en HTTP.

    entsim-serveur                      # http://127.0.0.1:8765/, cet ordinateur seulement
    entsim-serveur --port 9000
    entsim-serveur --reseau-local       # toute la classe : avertissement, comptes, jeton
    entsim-serveur --reseau-local --comptes 28   # 28 comptes d'élèves (35 par défaut)

Ctrl+C arrête le serveur. Avec ``--reseau-local``, la console affiche l'adresse pour la
classe, celle de la page de l'enseignant (``/admin?jeton=…``, avec les mots de passe de
démonstration) et celle des fiches à imprimer (``/admin/fiches?jeton=…``, une par élève) :
ne pas projeter cette console.
"""

from __future__ import annotations

import argparse
import signal
import threading

from entsim.ent import ENT
from entsim.socle.erreurs import ErreurENT
from entsim.web.comptes import COMPTES_PAR_DEFAUT
from entsim.web.serveur import PORT_PAR_DEFAUT, demarrer, presenter


def analyser(arguments: list[str] | None = None) -> argparse.Namespace:
    parseur = argparse.ArgumentParser(
        prog="entsim-serveur",
        description="Sert l'ENT simulé en vrai HTTP (serveur CAS et services).")
    parseur.add_argument("--port", type=int, default=PORT_PAR_DEFAUT,
                         help=f"port TCP (par défaut {PORT_PAR_DEFAUT} ; 0 : un port libre)")
    parseur.add_argument("--reseau-local", action="store_true",
                         help="ouvrir le serveur au réseau local (classe) ; sinon 127.0.0.1")
    parseur.add_argument("--comptes", type=int, default=None,
                         help=f"avec --reseau-local : nombre de comptes d'élèves à distribuer "
                              f"(par défaut {COMPTES_PAR_DEFAUT})")
    parseur.add_argument("--graine", type=int, default=2026,
                         help="graine de l'ENT de démonstration (par défaut 2026)")
    return parseur.parse_args(arguments)


def main(arguments: list[str] | None = None, *, arret: threading.Event | None = None) -> int:
    """Démarre le serveur et attend Ctrl+C (ou ``arret``, pour les tests)."""
    options = analyser(arguments)
    try:
        ent = ENT.demo(options.graine, reproductible=False)
        serveur = demarrer(ent, port=options.port, reseau_local=options.reseau_local,
                           comptes=options.comptes, journaliser=True)
    except ErreurENT as erreur:
        # le conseil vise la console, pas une cellule de notebook
        print("Erreur : " + str(erreur).replace("ent.servir(port=0)",
                                                 "entsim-serveur --port 0"))
        return 1
    print(presenter(serveur).replace("ent.arreter() (ou redémarrage du noyau)", "Ctrl+C"),
          flush=True)
    arret = arret or threading.Event()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, lambda *_: arret.set())
        signal.signal(signal.SIGTERM, lambda *_: arret.set())
    while not arret.wait(0.5):
        if not serveur.actif:
            break
    serveur.arreter()
    print("Serveur arrêté.", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
