"""Le journal des opérations AAS : daté, relié à une identité, infalsifiable sans trace.

SDET, document 2, « Traçabilité des opérations AAS » : « Les journaux produits DOIVENT être
exploitables. Ils DOIVENT permettre à tout moment : de dater et d'associer une opération AAS
à une identité ; de reconstituer la chaîne des opérations AAS liées à une identité. »
SDET : « Le nombre d'échecs successifs de saisie du mot de passe DEVRAIT être tracé. »

Chaque entrée est chaînée à la précédente par une empreinte SHA-256 (comme les blocs d'une
chaîne) : modifier, supprimer ou insérer une ligne *sans recalculer la suite* casse la chaîne,
et :meth:`Journal.verifier` le détecte. Mais la chaîne seule ne prouve rien contre celui qui
écrit le journal : il peut en supprimer la fin, ou tout recalculer après une modification
(voir :mod:`entsim.journal.integrite`). Il faut en plus un sceau conservé ailleurs
(:meth:`Journal.sceau`, un point de contrôle qui reste valable quand le journal grandit), ou
une chaîne à clé tenue par un tiers (:class:`~entsim.journal.notaire.Notaire`).

La CNIL recommande de conserver les journaux de six mois à un an (délibération n° 2021-122
du 14 octobre 2021) : :meth:`Journal.purger` efface les lignes trop anciennes en laissant un
journal qui se vérifie encore (voir :mod:`entsim.journal.conservation`).

Une année scolaire d'un lycée compte une dizaine de millions de lignes : le journal les range
en colonnes numpy (:mod:`entsim.journal.colonnes`), les reçoit par blocs
(:meth:`Journal.enregistrer_bloc`, :meth:`Journal.enregistrer_tableau` pour une période du
simulateur d'activité) et vérifie toute la chaîne par paquets (:mod:`entsim.journal.blocs`),
avec exactement la même garantie que ligne par ligne.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime

import numpy as np

from entsim.journal.blocs import (arguments_du_tableau, colonnes_du_bloc, suspectes,
                                  tableau_rapide)
from entsim.journal.colonnes import (_HEXA, Colonnes, EntreeJournal, VueLignes,
                                     microsecondes)
from entsim.journal.conservation import (CONSERVATION_MINIMALE_MOIS,
                                         CONSERVATION_PAR_DEFAUT_MOIS, ResultatPurge, mois_avant)
from entsim.journal.falsifications import Falsifications
from entsim.journal.integrite import (EMPREINTE_INITIALE, OPERATION_PURGE, JournalAltere,
                                      Sceau, VerificationJournal, codage_canonique, lire_sceaux,
                                      verifier_chaine)
from entsim.journal.notaire import Notaire
from entsim.journal.operations import OPERATIONS, RESULTATS
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.horloge import Horloge
from entsim.socle.texte import cite


def _empreinte_juste(entree: EntreeJournal) -> bool:
    return entree.empreinte_calculee() == entree.empreinte


def _plus_recent_purgeable(instant: datetime) -> datetime:
    """La ligne la plus récente qu'une purge faite à ``instant`` peut effacer (six mois)."""
    return mois_avant(instant, CONSERVATION_MINIMALE_MOIS)


class Journal(Falsifications):
    """Journal chaîné des opérations AAS, sur l'horloge simulée.

    Avec ``notaire``, la chaîne est à clé : chaque empreinte est un HMAC-SHA256 calculé par
    le notaire, avec une clé que l'auteur du journal n'a pas (voir
    :mod:`entsim.journal.notaire`) ; sans, c'est une chaîne SHA-256 que tout le monde peut
    recalculer.
    """

    def __init__(self, horloge: Horloge | None = None, *,
                 notaire: Notaire | None = None) -> None:
        if notaire is not None and not isinstance(notaire, Notaire):
            raise ValeurInvalide("Le notaire d'un journal à clé se crée avec "
                                 "Notaire(ent.aleatoire.derivee(\"notaire\"), ent.horloge).")
        if notaire is not None and horloge is not None and horloge is not notaire.horloge:
            raise ValeurInvalide("Le notaire date les lignes qu'il authentifie sur son horloge : "
                                 "donnez au journal la même, Journal(notaire.horloge, "
                                 "notaire=notaire).")
        self.horloge = horloge or (notaire.horloge if notaire is not None else Horloge())
        self._notaire = notaire
        # le notaire calcule l'empreinte d'une nouvelle ligne et contrôle les anciennes
        self._calculer = (EntreeJournal.empreinte_calculee if notaire is None
                          else notaire.authentifier)
        self._authentique = (_empreinte_juste if notaire is None else notaire.authentique)
        self._ancre: Sceau | None = None
        self._lignes = Colonnes()
        self._fin: tuple[int, str] | None = None     # numéro et empreinte de la dernière
        self._ordre = np.zeros(0, np.int64)           # index par identité (voir _reindexer)
        self._ordre_codes = np.zeros(0, np.int32)
        self._indexees = 0
        self._index_a_jour = True
        self._abonnes: list = []
        self.erreurs_abonnes: list[str] = []

    # -- écriture ---------------------------------------------------------------
    def enregistrer(self, operation: str, *, identite: str | None = None,
                    service: str | None = None, poste: str | None = None,
                    resultat: str = "succes", detail: str = "",
                    objet: str | None = None) -> EntreeJournal:
        """Ajoute une opération, datée par l'horloge simulée, et la renvoie. Chaque champ est
        vérifié *avant* d'écrire : une ligne invalide n'est pas gardée."""
        if not isinstance(operation, str) or operation not in OPERATIONS:
            raise ValeurInvalide(f"Opération de journal inconnue : {cite(operation)}.")
        if not isinstance(resultat, str) or resultat not in RESULTATS:
            raise ValeurInvalide(f"Résultat de journal inconnu : {cite(resultat)} (attendu : "
                                 "« succes », « echec » ou « info »).")
        for nom, valeur in (("identite", identite), ("service", service), ("poste", poste),
                            ("detail", detail), ("objet", objet)):
            if not isinstance(valeur, str) and (valeur is not None or nom == "detail"):
                raise ValeurInvalide(f"Le champ « {nom} » d'une ligne du journal est un texte"
                                     + (" (ou rien)" if nom != "detail" else "")
                                     + f" (reçu : {cite(valeur)}) : la ligne n'est pas écrite.")
        numero, precedente = self._suite()
        brouillon = EntreeJournal(numero, self.horloge.maintenant(), operation, identite,
                                  service, poste, resultat, detail, objet, precedente, "")
        entree = replace(brouillon, empreinte=self._calculer(brouillon))
        self._lignes.ajouter(entree)
        self._fin = (numero, entree.empreinte)
        self._prevenir([entree])
        return entree

    def _suite(self) -> tuple[int, str]:
        """Le numéro de la prochaine ligne et l'empreinte qu'elle chaîne."""
        if self._fin is None:
            if len(self._lignes):
                derniere = self._lignes.entree(-1)
                self._fin = (derniere.numero, derniere.empreinte)
            elif self._ancre is not None:
                self._fin = (self._ancre.numero, self._ancre.empreinte)
            else:
                self._fin = (0, EMPREINTE_INITIALE)
        return self._fin[0] + 1, self._fin[1]

    def _prevenir(self, entrees: list[EntreeJournal]) -> None:
        for entree in entrees:
            for abonne in list(self._abonnes):
                try:
                    abonne(entree)
                except Exception as erreur:  # un affichage en panne ne bloque pas l'AAS
                    self.erreurs_abonnes.append(f"{getattr(abonne, '__qualname__', abonne)} "
                                                f": {erreur}")

    def enregistrer_bloc(self, operations, *, identites=None, services=None, postes=None,
                         resultats="succes", details="", objets=None, instants=None) -> range:
        """Ajoute un bloc de lignes d'un coup (le simulateur d'activité, un banc d'essai) et
        renvoie leurs numéros. Chaque argument est une colonne (liste, tableau numpy, série
        pandas) de même longueur que ``operations``, ou une seule valeur pour toutes les
        lignes ; ``instants`` (par défaut : l'heure simulée actuelle) ne recule jamais, et
        l'horloge avance jusqu'au dernier. Tout le bloc est vérifié avant d'écrire. La chaîne
        d'empreintes est exactement celle qu'auraient donnée les mêmes lignes écrites une à
        une avec :meth:`enregistrer`."""
        numero, precedente = self._suite()
        derniere = None
        if len(self._lignes) and self._lignes.uid[len(self._lignes) - 1] not in \
                self._lignes.exotiques:
            derniere = int(self._lignes.instant[len(self._lignes) - 1])
        bloc = colonnes_du_bloc(self._lignes, self.horloge, operations, identites, services,
                                postes, resultats, details, objets, instants, derniere)
        if bloc.taille == 0:
            return range(numero, numero)
        if self._notaire is not None or not _HEXA.fullmatch(precedente):
            # chaîne à clé (le notaire authentifie chaque ligne), ou chaîne déjà falsifiée
            # à la fin : ligne par ligne
            entrees = []
            for champs in bloc.lignes(self._lignes.valeurs):
                if champs[0] > self.horloge.maintenant():    # le notaire date sur l'horloge
                    self.horloge.aller_a(champs[0])
                brouillon = EntreeJournal(numero, *champs, precedente, "")
                entree = replace(brouillon, empreinte=self._calculer(brouillon))
                self._lignes.ajouter(entree)
                entrees.append(entree)
                numero, precedente = numero + 1, entree.empreinte
            self._fin = (numero - 1, precedente)
        else:
            debut = len(self._lignes)
            empreinte = bloc.ecrire(self._lignes, numero, precedente)
            self._fin = (numero + bloc.taille - 1, empreinte)
            entrees = (self._lignes.entrees(np.arange(debut, len(self._lignes)))
                       if self._abonnes else [])
        if bloc.dernier_instant > self.horloge.maintenant():
            self.horloge.aller_a(bloc.dernier_instant)
        self._prevenir(entrees)
        return range(self._fin[0] - bloc.taille + 1, self._fin[0] + 1)

    def enregistrer_tableau(self, tableau) -> range:
        """Écrit un journal en tableau (colonnes de :meth:`tableau`, libellés français) à la
        suite de celui-ci, par :meth:`enregistrer_bloc` : une période du simulateur
        d'activité (``activite.journal``) devient un journal chaîné et vérifiable."""
        return self.enregistrer_bloc(**arguments_du_tableau(tableau))

    def abonner(self, rappel) -> None:
        """Appelle ``rappel(entree)`` à chaque nouvelle ligne (panneau « coulisses »). Si un
        abonné échoue, l'opération journalisée n'en souffre pas : l'erreur est notée dans
        :attr:`erreurs_abonnes`."""
        if not callable(rappel):
            raise ValeurInvalide("Il faut une fonction à appeler à chaque nouvelle ligne du "
                                 "journal.")
        self._abonnes.append(rappel)

    def desabonner(self, rappel) -> None:
        if rappel in self._abonnes:
            self._abonnes.remove(rappel)

    # -- lecture ----------------------------------------------------------------
    @property
    def _entrees(self) -> VueLignes:
        """Les lignes vues comme une liste (pour les attaques simulées des tests)."""
        return VueLignes(self._lignes, self._modifie)

    def _modifie(self) -> None:
        self._fin = None
        self._index_a_jour = False

    def __len__(self) -> int:
        return len(self._lignes)

    def __iter__(self) -> Iterator[EntreeJournal]:
        return iter(self._lignes.entrees())

    def __getitem__(self, position: int) -> EntreeJournal:
        return self._entrees[position]

    def entrees(self) -> list[EntreeJournal]:
        return self._lignes.entrees()

    def depuis(self, numero: int) -> list[EntreeJournal]:
        """Les lignes de numéro strictement supérieur à ``numero`` (« les nouvelles lignes »)."""
        if isinstance(numero, bool) or not isinstance(numero, int):
            raise ValeurInvalide(f"Donnez un numéro de ligne du journal, par exemple 12 (reçu : "
                                 f"{cite(numero)}).")
        if self._lignes.exotiques:
            return [e for e in self._lignes.entrees() if e.numero > numero]
        return self._lignes.entrees(np.flatnonzero(self._lignes.numero[:len(self)] > numero))

    def dernier_numero(self) -> int:
        return self._suite()[0] - 1

    def ligne(self, numero: int) -> EntreeJournal:
        """La ligne qui porte le numéro ``numero``."""
        if isinstance(numero, bool) or not isinstance(numero, int):
            raise ValeurInvalide(f"Donnez un numéro de ligne du journal, par exemple 12 (reçu : "
                                 f"{cite(numero)}).")
        return self._lignes.entree(self._position(numero))

    @property
    def notaire(self) -> Notaire | None:
        """Le tiers qui calcule les empreintes d'une chaîne à clé (``None`` : chaîne SHA-256).
        Fixé à la création : on ne retire pas la clé d'un journal après coup."""
        return self._notaire

    @property
    def ancre(self) -> Sceau | None:
        """Le point de départ laissé par la dernière purge (``None`` si aucune purge)."""
        return self._ancre

    def _reindexer(self) -> None:
        """L'index par identité : les positions des lignes triées par identité (tri stable,
        donc dans l'ordre du journal pour chaque identité). Les lignes écrites ensuite sont
        cherchées à part, jusqu'au prochain index."""
        codes = self._lignes.codes["identite"][:len(self)]
        self._ordre = np.argsort(codes, kind="stable")
        self._ordre_codes = codes[self._ordre]
        self._indexees = len(self)
        self._index_a_jour = True

    def chaine_de(self, identite: str) -> list[EntreeJournal]:
        """La chaîne des opérations d'une identité, dans l'ordre (SDET : « reconstituer la
        chaîne des opérations AAS liées à une identité »)."""
        if not isinstance(identite, str):
            raise ValeurInvalide("L'identité doit être un identifiant (texte), "
                                 "par exemple \"lea.martin\".")
        return self._lignes.entrees(self._positions_de(identite))

    def _positions_de(self, identite: str) -> np.ndarray:
        if not self._index_a_jour or len(self) - self._indexees > 100_000:
            self._reindexer()
        code = self._lignes.index_valeurs.get(identite)
        if code is None:
            return np.zeros(0, np.int64)
        debut, fin = np.searchsorted(self._ordre_codes,
                                     np.array([code, code + 1], dtype=self._ordre_codes.dtype))
        recentes = np.flatnonzero(self._lignes.codes["identite"][self._indexees:len(self)]
                                  == code) + self._indexees
        return np.concatenate([self._ordre[debut:fin], recentes])

    def filtrer(self, *, identite: str | None = None, service: str | None = None,
                operation: str | Iterable[str] | None = None, resultat: str | None = None,
                poste: str | None = None, debut: datetime | None = None,
                fin: datetime | None = None) -> list[EntreeJournal]:
        """Les lignes qui correspondent à tous les critères donnés (période : début inclus,
        fin exclue)."""
        if resultat is not None and (not isinstance(resultat, str) or resultat not in RESULTATS):
            raise ValeurInvalide("Le résultat doit être \"succes\", \"echec\" ou \"info\".")
        for nom, borne in (("debut", debut), ("fin", fin)):
            if borne is not None and not isinstance(borne, datetime):
                raise ValeurInvalide(f"« {nom} » est une date et heure, par exemple "
                                     "datetime(2026, 9, 7, 8, 0).")
        try:
            operations = {operation} if isinstance(operation, str) else (
                set(operation) if operation is not None else None)
        except TypeError:
            raise ValeurInvalide("« operation » est un code d'opération (\"connexion_reussie\") "
                                 "ou une liste de codes.") from None
        source = self.chaine_de(identite) if identite is not None else self._lignes.entrees()
        return [e for e in source
                if (service is None or e.service == service)
                and (operations is None or e.operation in operations)
                and (resultat is None or e.resultat == resultat)
                and (poste is None or e.poste == poste)
                and (debut is None or e.instant >= debut)
                and (fin is None or e.instant < fin)]

    def tableau(self, entrees: Iterable[EntreeJournal] | None = None):
        """Un ``pandas.DataFrame`` des lignes (toutes, ou celles données), colonnes en français."""
        import pandas as pd

        if entrees is None and not self._lignes.exotiques:
            return tableau_rapide(self._lignes)
        try:
            source = self._lignes.entrees() if entrees is None else list(entrees)
        except TypeError:                          # journal.tableau(0) : pas une liste
            source = [entrees]
        if any(not isinstance(e, EntreeJournal) for e in source):
            raise ValeurInvalide("Le tableau du journal se construit avec des lignes du journal, "
                                 "par exemple journal.tableau(journal.chaine_de(\"lea.martin\")).")
        lignes = [e.en_ligne() for e in source]
        colonnes = ["N°", "Date", "Opération", "Identité", "Service", "Poste", "Résultat",
                    "Détail", "Objet"]
        return pd.DataFrame(lignes, columns=colonnes).set_index("N°")

    # -- intégrité --------------------------------------------------------------
    def sceau(self) -> Sceau:
        """Un point de contrôle (numéro et empreinte de la dernière ligne), à conserver
        ailleurs : imprimé, envoyé au DPO… Il atteste tout le début du journal et reste
        valable quand des lignes s'ajoutent. Pour un sceau signé, gardé par un tiers :
        ``notaire.sceller(journal)``."""
        if len(self._lignes):
            derniere = self._lignes.entree(-1)
            return Sceau(derniere.numero, derniere.empreinte, self.horloge.maintenant(),
                         instant_ligne=derniere.instant)
        if self._ancre is not None:
            return Sceau(self._ancre.numero, self._ancre.empreinte, self.horloge.maintenant())
        return Sceau(0, EMPREINTE_INITIALE, self.horloge.maintenant())

    def verifier(self, sceau: Sceau | str | list | tuple | None = None) -> VerificationJournal:
        """Vérifie la chaîne d'empreintes et signale chaque ligne modifiée, supprimée ou
        insérée sans recalcul de la suite. Avec ``sceau`` (un sceau conservé, ou une liste),
        vérifie aussi que le début du journal qu'il atteste n'a pas été réécrit ni tronqué,
        même si la chaîne a été recalculée ; les lignes ajoutées depuis sont acceptées.

        Sans sceau, une fin supprimée (ou, dans une chaîne sans clé, une chaîne entièrement
        recalculée) ne peut pas se voir : le message le rappelle."""
        sceaux = lire_sceaux(sceau)
        notaire = self.notaire
        rapide = self._notaire is None
        return verifier_chaine(self._entrees if rapide else self._lignes.entrees(),
                               suspectes=suspectes(self._lignes) if rapide else None,
                               authentique=self._authentique, ancre=self._ancre,
                               sceaux=sceaux, notaire=notaire.nom if notaire else None,
                               signature_valide=notaire.signature_valide if notaire else None,
                               plus_recent_purgeable=_plus_recent_purgeable)

    # -- conservation -------------------------------------------------------------
    def purger(self, avant: datetime | None = None, *,
               identite: str | None = None) -> ResultatPurge:
        """Efface les lignes antérieures à ``avant`` (par défaut : plus d'un an), jamais
        celles de moins de six mois (CNIL, délibération n° 2021-122 : six mois à un an).

        Le journal restant se vérifie encore : il part de l'ancre (numéro et empreinte de la
        dernière ligne effacée, signée par le notaire d'une chaîne à clé), et une ligne
        « purge » chaînée la mentionne. On ne purge pas un journal altéré : ce serait
        effacer les preuves. Sinon rien ne change."""
        if identite is not None and not isinstance(identite, str):
            raise ValeurInvalide("L'identité de qui ordonne la purge est un identifiant (texte), "
                                 "par exemple \"proviseur\".")
        maintenant = self.horloge.maintenant()
        limite = mois_avant(maintenant, CONSERVATION_MINIMALE_MOIS)
        if avant is None:
            avant = mois_avant(maintenant, CONSERVATION_PAR_DEFAUT_MOIS)
        if not isinstance(avant, datetime):
            raise ValeurInvalide("« avant » est une date et heure (datetime), par exemple "
                                 "datetime(2026, 1, 1) : les lignes antérieures seront effacées.")
        if avant > limite:
            raise ValeurInvalide(f"La CNIL recommande de conserver les journaux au moins six "
                                 f"mois : seules les lignes antérieures au {limite:%d/%m/%Y} "
                                 f"peuvent être effacées (demandé : avant le {avant:%d/%m/%Y}).")
        nombre = self._nombre_avant(avant)
        if nombre == 0:
            return ResultatPurge(True, "rien_a_purger", f"Aucune ligne antérieure au "
                                 f"{avant:%d/%m/%Y} : rien à effacer.", 0, self._ancre, None)
        derniere = self._lignes.entree(nombre - 1)
        if self.notaire is not None:
            ancre = self.notaire.sceller(self, derniere.numero)   # refuse un journal altéré
        else:
            verification = self.verifier()
            if not verification.intact:
                raise JournalAltere("On ne purge pas un journal altéré : ce serait effacer "
                                    "les preuves. " + verification.message)
            ancre = Sceau(derniere.numero, derniere.empreinte, maintenant,
                          instant_ligne=derniere.instant)
        premier = self._lignes.entree(0).numero
        self._lignes.supprimer_debut(nombre)
        self._ancre = ancre
        self._modifie()
        message = (f"Purge : lignes n° {premier} à {derniere.numero} effacées (antérieures au "
                   f"{avant:%d/%m/%Y}, durée de conservation) ; le journal restant part de "
                   f"l'empreinte {ancre.empreinte[:12]}… de la ligne n° {ancre.numero}.")
        entree = self.enregistrer(OPERATION_PURGE, identite=identite, resultat="info",
                                  detail=message, objet=ancre.empreinte)
        return ResultatPurge(True, "purge_effectuee", message, nombre, ancre, entree)

    def _nombre_avant(self, avant: datetime) -> int:
        """Le nombre de lignes du début du journal antérieures à ``avant``."""
        n = len(self)
        if avant.tzinfo is not None or self._lignes.exotiques:
            nombre = 0
            while nombre < n and self._lignes.entree(nombre).instant < avant:
                nombre += 1
            return nombre
        anterieures = self._lignes.instant[:n] < microsecondes(avant)
        return n if anterieures.all() else int(np.argmin(anterieures))

    # -- attaques simulées (pour la leçon) ---------------------------------------------
    def _position(self, numero: int) -> int:
        position = self._lignes.position_de(numero)
        if position is None:
            raise Introuvable(f"Aucune ligne n° {numero} dans le journal.")
        return position
