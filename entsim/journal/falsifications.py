"""Les attaques simulées contre le journal, pour la leçon : modifier, supprimer, intervertir,
insérer une ligne, ou tout recalculer (ce que peut faire celui qui écrit le journal, voir
:mod:`entsim.journal.integrite`). :class:`~entsim.journal.chaine.Journal` les hérite.
"""

from __future__ import annotations

from dataclasses import fields, replace

import numpy as np

from entsim.journal.colonnes import EntreeJournal
from entsim.journal.integrite import EMPREINTE_INITIALE
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite


class Falsifications:
    """Les falsifications d'un journal (méthodes de :class:`~entsim.journal.chaine.Journal`,
    qui fournit ``_position``, ``_lignes``, ``_entrees`` et ``_ancre``)."""

    def falsifier(self, numero: int, **champs: object) -> EntreeJournal:
        """Simule un attaquant qui modifie une ligne (sans savoir recalculer la chaîne)."""
        permis = {f.name for f in fields(EntreeJournal)} - {"numero", "empreinte"}
        inconnus = set(champs) - permis
        if inconnus:
            raise ValeurInvalide(("Champ inconnu" if len(inconnus) == 1 else "Champs inconnus")
                                 + f" : {', '.join(cite(c) for c in sorted(inconnus))}.")
        position = self._position(numero)
        self._entrees[position] = replace(self._lignes.entree(position), **champs)
        return self._lignes.entree(position)

    def supprimer(self, numero: int) -> EntreeJournal:
        """Simule un attaquant qui efface une ligne pour cacher sa trace."""
        return self._entrees.pop(self._position(numero))

    def echanger(self, numero: int, autre: int) -> None:
        """Simule un attaquant qui intervertit deux lignes (l'ordre des faits change)."""
        premiere, seconde = self._position(numero), self._position(autre)
        lignes = self._entrees
        lignes[premiere], lignes[seconde] = lignes[seconde], lignes[premiere]

    def recalculer_chaine(self, depuis: int | None = None) -> int:
        """Simule un attaquant qui sait recalculer la chaîne (SHA-256 est public, sans
        secret) : renumérote les lignes et recalcule leurs empreintes depuis la ligne
        ``depuis`` (tout le journal par défaut). Il n'a pas la clé d'un journal à clé.
        Renvoie le nombre de lignes réécrites."""
        debut = 0 if depuis is None else self._position(depuis)
        lignes = self._entrees
        if debut > 0:
            precedente, numero = lignes[debut - 1].empreinte, lignes[debut - 1].numero
        elif self._ancre is not None:
            precedente, numero = self._ancre.empreinte, self._ancre.numero
        else:
            precedente, numero = EMPREINTE_INITIALE, 0
        for position, ligne in enumerate(self._lignes.entrees(np.arange(debut, len(self))),
                                         start=debut):
            numero += 1
            brouillon = replace(ligne, numero=numero, empreinte_precedente=precedente)
            lignes[position] = replace(brouillon, empreinte=brouillon.empreinte_calculee())
            precedente = lignes[position].empreinte
        return len(self) - debut

    def inserer_apres(self, numero: int, operation: str, **champs: object) -> EntreeJournal:
        """Simule un attaquant qui glisse une fausse ligne (correctement hachée) après la
        ligne ``numero``."""
        position = self._position(numero)
        avant = self._lignes.entree(position)
        brouillon = EntreeJournal(
            numero=avant.numero + 1, instant=champs.get("instant", avant.instant),
            operation=operation, identite=champs.get("identite"),
            service=champs.get("service"), poste=champs.get("poste"),
            resultat=str(champs.get("resultat", "succes")), detail=str(champs.get("detail", "")),
            objet=champs.get("objet"), empreinte_precedente=avant.empreinte, empreinte="")
        fausse = replace(brouillon, empreinte=brouillon.empreinte_calculee())
        self._entrees.insert(position + 1, fausse)
        return fausse
