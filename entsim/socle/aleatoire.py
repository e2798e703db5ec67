"""La source de hasard de la simulation, possédée par l'objet ENT (comme ``Model(seed=…)``
dans Mesa).

Deux usages bien séparés :

* le hasard de *simulation* (noms, dates de naissance, activité) vient toujours de la
  graine : même graine, même établissement, mêmes sorties de notebook ;
* les *secrets* (valeurs de tickets, codes d'activation, sels) viennent du module
  ``secrets`` (aléa cryptographique) — sauf en mode ``reproductible``, utilisé par les
  notebooks pour que nbval compare des sorties identiques d'une exécution à l'autre.
"""

from __future__ import annotations

import hashlib
import random
import secrets
import string

from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

#: Alphabet des jetons : A-Z a-z 0-9, compatible avec les tickets CAS (spécification CAS 3.0,
#: section 3.7 : « characters from the set {A-Z, a-z, 0-9, and the hyphen character -} »).
ALPHABET_JETON = string.ascii_letters + string.digits


class SourceAleatoire:
    """Hasard dérivé d'une graine, et jetons secrets (réels ou reproductibles)."""

    def __init__(self, graine: int = 2026, *, reproductible: bool = True,
                 flux: str = "jetons") -> None:
        if isinstance(graine, bool) or not isinstance(graine, int):
            raise ValeurInvalide(f"La graine doit être un nombre entier (reçu : {cite(graine)}).")
        self.graine = graine
        self.reproductible = reproductible
        self.flux = flux
        self._generateurs: dict[str, random.Random] = {}
        self._jetons = random.Random(f"{graine}:{flux}")

    def derivee(self, nom: str) -> "SourceAleatoire":
        """Une source pour un composant (``"cas"``, ``"authentification"``, ``"autorite"``…) :
        même graine et même mode, mais sa propre suite de jetons et d'octets. Ainsi, créer un
        composant de plus ne change pas les tickets tirés par un autre (les sorties des
        notebooks restent identiques)."""
        return SourceAleatoire(self.graine, reproductible=self.reproductible,
                               flux=f"jetons:{nom}")

    def generateur(self, nom: str) -> random.Random:
        """Un générateur indépendant pour un composant (``"annuaire"``, ``"activite"``…).

        Dérivé de la graine *et* du nom : l'ordre d'appel des composants ne change pas ce
        que chacun tire. Le même nom renvoie le même générateur (il continue sa suite).
        """
        if nom not in self._generateurs:
            self._generateurs[nom] = random.Random(f"{self.graine}:{nom}")
        return self._generateurs[nom]

    def nouveau_generateur(self, nom: str) -> random.Random:
        """Un générateur neuf, toujours dans le même état initial pour ce nom."""
        return random.Random(f"{self.graine}:{nom}")

    def jeton(self, nb_caracteres: int = 32) -> str:
        """Un jeton de ``nb_caracteres`` pris dans A-Z a-z 0-9 (≈ 5,95 bits par caractère).

        32 caractères ≈ 190 bits, au-delà des 128 bits recommandés pour un ticket.
        """
        if nb_caracteres < 1:
            raise ValeurInvalide("Un jeton a au moins un caractère.")
        tirer = self._jetons.choice if self.reproductible else secrets.choice
        return "".join(tirer(ALPHABET_JETON) for _ in range(nb_caracteres))

    def octets(self, nombre: int) -> bytes:
        """Des octets secrets (sels, clés) ; reproductibles en mode ``reproductible``."""
        if self.reproductible:
            return bytes(self._jetons.getrandbits(8) for _ in range(nombre))
        return secrets.token_bytes(nombre)

    def chiffres(self, nombre: int) -> str:
        """Un code de ``nombre`` chiffres (codes d'activation, code de déverrouillage)."""
        tirer = self._jetons.choice if self.reproductible else secrets.choice
        return "".join(tirer(string.digits) for _ in range(nombre))

    def empreinte_graine(self) -> str:
        """Une courte empreinte de la graine, pour afficher « quelle simulation » on regarde."""
        return hashlib.sha256(str(self.graine).encode()).hexdigest()[:8]
