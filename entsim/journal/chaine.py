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
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from datetime import datetime

from entsim.journal.conservation import (CONSERVATION_MINIMALE_MOIS,
                                         CONSERVATION_PAR_DEFAUT_MOIS, ResultatPurge, mois_avant)
from entsim.journal.integrite import (EMPREINTE_INITIALE, OPERATION_PURGE, JournalAltere,
                                      Sceau, VerificationJournal, codage_canonique, lire_sceaux,
                                      verifier_chaine)
from entsim.journal.notaire import Notaire
from entsim.journal.operations import OPERATIONS, RESULTATS
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.horloge import Horloge
from entsim.socle.texte import cite


@dataclass(frozen=True, slots=True)
class EntreeJournal:
    """Une ligne du journal : qui, quoi, quand, où, avec quel résultat."""

    numero: int
    instant: datetime
    operation: str
    identite: str | None
    service: str | None
    poste: str | None
    resultat: str
    detail: str
    objet: str | None
    empreinte_precedente: str
    empreinte: str

    @property
    def libelle(self) -> str:
        """Le libellé français de l'opération."""
        return OPERATIONS.get(self.operation, self.operation)

    def contenu(self) -> str:
        """Le texte haché : tous les champs sauf l'empreinte elle-même, en JSON canonique
        (codage injectif, voir :func:`~entsim.journal.integrite.codage_canonique`). Une heure
        falsifiée qui n'est pas une date est marquée comme telle."""
        instant = (self.instant.isoformat() if isinstance(self.instant, datetime)
                   else ["pas une date", self.instant])
        return codage_canonique((self.numero, instant, self.operation, self.identite,
                                 self.service, self.poste, self.resultat, self.detail,
                                 self.objet, self.empreinte_precedente))

    def empreinte_calculee(self) -> str:
        # JSON en ASCII : un demi-codet isolé (refusé à la saisie, voir entsim.socle.saisie)
        # s'écrit \udXXX et ne fait jamais échouer le journal.
        return hashlib.sha256(self.contenu().encode("ascii")).hexdigest()

    def en_ligne(self) -> dict[str, object]:
        """La ligne telle qu'elle s'affiche dans un tableau (colonnes en français)."""
        return {
            "N°": self.numero,
            "Date": self.instant,
            "Opération": self.libelle,
            "Identité": self.identite or "",
            "Service": self.service or "",
            "Poste": self.poste or "",
            "Résultat": RESULTATS.get(self.resultat, self.resultat),
            "Détail": self.detail,
            "Objet": self.objet or "",
        }


def _empreinte_juste(entree: EntreeJournal) -> bool:
    return entree.empreinte_calculee() == entree.empreinte


def _plus_recent_purgeable(instant: datetime) -> datetime:
    """La ligne la plus récente qu'une purge faite à ``instant`` peut effacer (six mois)."""
    return mois_avant(instant, CONSERVATION_MINIMALE_MOIS)


class Journal:
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
        self._entrees: list[EntreeJournal] = []
        self._par_identite: dict[str, list[int]] = {}
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
        if self._entrees:
            precedente, numero = self._entrees[-1].empreinte, self._entrees[-1].numero + 1
        else:
            ancre = self._ancre
            precedente, numero = ((ancre.empreinte, ancre.numero + 1) if ancre is not None
                                  else (EMPREINTE_INITIALE, 1))
        brouillon = EntreeJournal(numero, self.horloge.maintenant(), operation, identite,
                                  service, poste, resultat, detail, objet, precedente, "")
        entree = replace(brouillon, empreinte=self._calculer(brouillon))
        self._entrees.append(entree)
        if identite is not None and self._index_a_jour:
            self._par_identite.setdefault(identite, []).append(len(self._entrees) - 1)
        for abonne in list(self._abonnes):
            try:
                abonne(entree)
            except Exception as erreur:  # un affichage en panne ne bloque pas l'AAS
                self.erreurs_abonnes.append(f"{getattr(abonne, '__qualname__', abonne)} : "
                                            f"{erreur}")
        return entree

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
    def __len__(self) -> int:
        return len(self._entrees)

    def __iter__(self) -> Iterator[EntreeJournal]:
        return iter(list(self._entrees))

    def __getitem__(self, position: int) -> EntreeJournal:
        return self._entrees[position]

    def entrees(self) -> list[EntreeJournal]:
        return list(self._entrees)

    def depuis(self, numero: int) -> list[EntreeJournal]:
        """Les lignes de numéro strictement supérieur à ``numero`` (« les nouvelles lignes »)."""
        if isinstance(numero, bool) or not isinstance(numero, int):
            raise ValeurInvalide(f"Donnez un numéro de ligne du journal, par exemple 12 (reçu : "
                                 f"{cite(numero)}).")
        return [e for e in self._entrees if e.numero > numero]

    def dernier_numero(self) -> int:
        if self._entrees:
            return self._entrees[-1].numero
        return self._ancre.numero if self._ancre is not None else 0

    def ligne(self, numero: int) -> EntreeJournal:
        """La ligne qui porte le numéro ``numero``."""
        if isinstance(numero, bool) or not isinstance(numero, int):
            raise ValeurInvalide(f"Donnez un numéro de ligne du journal, par exemple 12 (reçu : "
                                 f"{cite(numero)}).")
        return self._entrees[self._position(numero)]

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
        self._par_identite = {}
        for position, entree in enumerate(self._entrees):
            if entree.identite is not None:
                self._par_identite.setdefault(entree.identite, []).append(position)
        self._index_a_jour = True

    def chaine_de(self, identite: str) -> list[EntreeJournal]:
        """La chaîne des opérations d'une identité, dans l'ordre (SDET : « reconstituer la
        chaîne des opérations AAS liées à une identité »)."""
        if not isinstance(identite, str):
            raise ValeurInvalide("L'identité doit être un identifiant (texte), "
                                 "par exemple \"lea.martin\".")
        if not self._index_a_jour:
            self._reindexer()
        return [self._entrees[i] for i in self._par_identite.get(identite, [])]

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
        source = self.chaine_de(identite) if identite is not None else self._entrees
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

        try:
            source = self._entrees if entrees is None else list(entrees)
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
        if self._entrees:
            derniere = self._entrees[-1]
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
        return verifier_chaine(self._entrees, authentique=self._authentique, ancre=self._ancre,
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
        nombre = 0
        while nombre < len(self._entrees) and self._entrees[nombre].instant < avant:
            nombre += 1
        if nombre == 0:
            return ResultatPurge(True, "rien_a_purger", f"Aucune ligne antérieure au "
                                 f"{avant:%d/%m/%Y} : rien à effacer.", 0, self._ancre, None)
        derniere = self._entrees[nombre - 1]
        if self.notaire is not None:
            ancre = self.notaire.sceller(self, derniere.numero)   # refuse un journal altéré
        else:
            verification = self.verifier()
            if not verification.intact:
                raise JournalAltere("On ne purge pas un journal altéré : ce serait effacer "
                                    "les preuves. " + verification.message)
            ancre = Sceau(derniere.numero, derniere.empreinte, maintenant,
                          instant_ligne=derniere.instant)
        premier = self._entrees[0].numero
        del self._entrees[:nombre]
        self._ancre = ancre
        self._index_a_jour = False
        message = (f"Purge : lignes n° {premier} à {derniere.numero} effacées (antérieures au "
                   f"{avant:%d/%m/%Y}, durée de conservation) ; le journal restant part de "
                   f"l'empreinte {ancre.empreinte[:12]}… de la ligne n° {ancre.numero}.")
        entree = self.enregistrer(OPERATION_PURGE, identite=identite, resultat="info",
                                  detail=message, objet=ancre.empreinte)
        return ResultatPurge(True, "purge_effectuee", message, nombre, ancre, entree)

    # -- attaques simulées (pour la leçon) ---------------------------------------------
    def _position(self, numero: int) -> int:
        for position, entree in enumerate(self._entrees):
            if entree.numero == numero:
                return position
        raise Introuvable(f"Aucune ligne n° {numero} dans le journal.")

    def falsifier(self, numero: int, **champs: object) -> EntreeJournal:
        """Simule un attaquant qui modifie une ligne (sans savoir recalculer la chaîne)."""
        permis = {f.name for f in fields(EntreeJournal)} - {"numero", "empreinte"}
        inconnus = set(champs) - permis
        if inconnus:
            raise ValeurInvalide(("Champ inconnu" if len(inconnus) == 1 else "Champs inconnus")
                                 + f" : {', '.join(cite(c) for c in sorted(inconnus))}.")
        position = self._position(numero)
        self._entrees[position] = replace(self._entrees[position], **champs)
        self._index_a_jour = False
        return self._entrees[position]

    def supprimer(self, numero: int) -> EntreeJournal:
        """Simule un attaquant qui efface une ligne pour cacher sa trace."""
        entree = self._entrees.pop(self._position(numero))
        self._index_a_jour = False
        return entree

    def echanger(self, numero: int, autre: int) -> None:
        """Simule un attaquant qui intervertit deux lignes (l'ordre des faits change)."""
        premiere, seconde = self._position(numero), self._position(autre)
        self._entrees[premiere], self._entrees[seconde] = (self._entrees[seconde],
                                                          self._entrees[premiere])
        self._index_a_jour = False

    def recalculer_chaine(self, depuis: int | None = None) -> int:
        """Simule un attaquant qui sait recalculer la chaîne (SHA-256 est public, sans
        secret) : renumérote les lignes et recalcule leurs empreintes depuis la ligne
        ``depuis`` (tout le journal par défaut). Il n'a pas la clé d'un journal à clé.
        Renvoie le nombre de lignes réécrites."""
        debut = 0 if depuis is None else self._position(depuis)
        if debut > 0:
            precedente, numero = self._entrees[debut - 1].empreinte, self._entrees[debut - 1].numero
        elif self._ancre is not None:
            precedente, numero = self._ancre.empreinte, self._ancre.numero
        else:
            precedente, numero = EMPREINTE_INITIALE, 0
        for position in range(debut, len(self._entrees)):
            numero += 1
            brouillon = replace(self._entrees[position], numero=numero,
                                empreinte_precedente=precedente)
            self._entrees[position] = replace(brouillon,
                                              empreinte=brouillon.empreinte_calculee())
            precedente = self._entrees[position].empreinte
        self._index_a_jour = False
        return len(self._entrees) - debut

    def inserer_apres(self, numero: int, operation: str, **champs: object) -> EntreeJournal:
        """Simule un attaquant qui glisse une fausse ligne (correctement hachée) après la
        ligne ``numero``."""
        position = self._position(numero)
        avant = self._entrees[position]
        brouillon = EntreeJournal(
            numero=avant.numero + 1, instant=champs.get("instant", avant.instant),
            operation=operation, identite=champs.get("identite"),
            service=champs.get("service"), poste=champs.get("poste"),
            resultat=str(champs.get("resultat", "succes")), detail=str(champs.get("detail", "")),
            objet=champs.get("objet"), empreinte_precedente=avant.empreinte, empreinte="")
        fausse = replace(brouillon, empreinte=brouillon.empreinte_calculee())
        self._entrees.insert(position + 1, fausse)
        self._index_a_jour = False
        return fausse
