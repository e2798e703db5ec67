"""Le notaire du journal : un tiers qui détient la clé que l'auteur du journal n'a pas.

Une chaîne SHA-256 se recalcule par quiconque peut écrire le journal (voir
:mod:`entsim.journal.integrite`). Le notaire joue le rôle d'un tiers de confiance, tenu à
l'écart du journal : dans un établissement, le délégué à la protection des données (DPO,
RGPD art. 37, mutualisé au niveau de l'académie) ou un service d'horodatage externe, qui
atteste qu'une empreinte existait à un instant donné (RFC 3161, « Time-Stamp Protocol »).

Il rend deux services, tous deux par HMAC-SHA256 (RFC 2104) avec sa clé secrète :

* **chaîne à clé** : ``Journal(horloge, notaire=notaire)`` fait calculer l'empreinte de
  chaque ligne par le notaire ; sans la clé, l'auteur du journal ne peut plus recalculer la
  chaîne après une modification. Le notaire tient son propre état de la chaîne (numéro et
  empreinte de la dernière ligne qu'il a authentifiée) et n'authentifie que la ligne
  *suivante*, datée par sa propre horloge : comme un service d'horodatage RFC 3161, c'est le
  tiers qui décide de ce qu'il atteste et à quelle heure (§ 2.4.2 : le champ ``genTime`` est
  l'heure de l'autorité, pas celle du demandeur). Sans cette règle, l'auteur du journal
  réécrirait une ligne puis ferait ré-authentifier toute la suite : une chaîne « à clé »
  parfaitement cohérente, mais fausse, que le notaire scellerait ensuite. Ré-authentifier une
  ligne ancienne, une chaîne réécrite ou une seconde chaîne est donc refusé ;
* **sceaux signés** : :meth:`Notaire.sceller` note le numéro et l'empreinte de la dernière
  ligne, les signe et les garde dans son registre ; :meth:`Notaire.verifier` confronte le
  journal à tout ce registre. Une troncature sous un sceau, ou un début réécrit, se voit.

Limites, à dire aux élèves : avec un HMAC, seul le détenteur de la clé vérifie une signature
(c'est lui qu'on interroge) ; un service d'horodatage RFC 3161 signe avec une clé *privée*,
et tout le monde vérifie avec sa clé publique. En Python, rien n'empêche de lire un attribut :
ici la clé est « ailleurs » par convention ; dans un vrai ENT, elle est sur un autre serveur
ou dans un boîtier matériel (HSM). Enfin, un notaire atteste ce qu'on lui montre : il refuse
de sceller un journal qui ne concorde pas avec ses sceaux précédents, mais il ne peut rien
pour ce qui a été écrit de faux avant son premier sceau.

La clé vient de :meth:`SourceAleatoire.octets` : tirée de la graine en mode reproductible
(mêmes empreintes et sceaux d'une exécution à l'autre, pour les notebooks), du module
``secrets`` sinon. Dans un ENT : ``Notaire(ent.aleatoire.derivee("notaire"), ent.horloge)``.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from entsim.journal.integrite import (EMPREINTE_INITIALE, Anomalie, JournalAltere, Sceau,
                                      VerificationJournal, lire_sceaux)
from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.horloge import Horloge
from entsim.socle.texte import accorder, cite, nature

if TYPE_CHECKING:  # annotations seulement : le journal importe ce module, pas l'inverse
    from entsim.journal.chaine import EntreeJournal, Journal

#: Taille de la clé HMAC, en octets (256 bits, la taille d'une empreinte SHA-256).
TAILLE_CLE = 32


class Notaire:
    """Détient la clé HMAC, signe les sceaux du journal et garde leur registre."""

    def __init__(self, source: SourceAleatoire, horloge: Horloge, *,
                 nom: str = "le délégué à la protection des données") -> None:
        if not isinstance(source, SourceAleatoire):
            raise ValeurInvalide("Le notaire tire sa clé d'une source de hasard : donnez par "
                                 "exemple ent.aleatoire.derivee(\"notaire\").")
        if not isinstance(horloge, Horloge):
            raise ValeurInvalide("Le notaire date ses sceaux sur l'horloge simulée : donnez "
                                 "par exemple ent.horloge.")
        self.nom = verifier_texte(nom, "nom")
        self.horloge = horloge
        self._cle = source.octets(TAILLE_CLE)
        self._registre: list[Sceau] = []
        # l'état de la chaîne qu'il tient : la dernière ligne qu'il a authentifiée
        self._dernier_numero = 0
        self._derniere_empreinte = EMPREINTE_INITIALE

    def __repr__(self) -> str:
        return f"Notaire(« {self.nom} », {accorder(len(self._registre), 'sceau', 'sceaux')})"

    # -- chaîne à clé ---------------------------------------------------------------
    def authentifier(self, ligne: EntreeJournal) -> str:
        """L'empreinte à clé (HMAC-SHA256) de la ligne *suivante* de la chaîne qu'il tient.

        Il n'authentifie que la ligne n° (dernière + 1), chaînée à l'empreinte de la dernière
        ligne qu'il a authentifiée, et datée de l'heure de sa propre horloge (RFC 3161 : le
        tiers décide de ce qu'il horodate). Tout le reste est refusé (:class:`JournalAltere`) :
        réécrire une ligne puis faire ré-authentifier la suite, ouvrir une seconde chaîne,
        antidater une ligne. Les heures des lignes d'une chaîne à clé sont donc celles du
        notaire : il peut dater ce qu'il scelle (voir :meth:`sceller`)."""
        if not all(hasattr(ligne, nom) for nom in ("numero", "instant", "empreinte_precedente",
                                                   "contenu")):
            raise ValeurInvalide("Le notaire authentifie une ligne du journal, que le journal "
                                 "lui présente lui-même (journal.enregistrer(…)), pas un texte "
                                 f"quelconque (reçu : {cite(ligne)}).")
        attendu = self._dernier_numero + 1
        if ligne.numero != attendu or ligne.empreinte_precedente != self._derniere_empreinte:
            raise JournalAltere(f"Le notaire n'authentifie que la ligne suivante de la chaîne "
                                f"qu'il tient : la ligne n° {attendu}, chaînée à la ligne "
                                f"n° {self._dernier_numero} qu'il a authentifiée (reçu : ligne "
                                f"n° {cite(ligne.numero)}). Il refuse de ré-authentifier une "
                                "ligne ancienne ou une chaîne réécrite.",
                                code="notaire_hors_sequence")
        maintenant = self.horloge.maintenant()
        if ligne.instant != maintenant:
            heure = "%d/%m/%Y à %H:%M:%S"
            recue = (ligne.instant.strftime(heure) if isinstance(ligne.instant, datetime)
                     else cite(ligne.instant))
            raise JournalAltere(f"Le notaire date lui-même ce qu'il authentifie : la ligne doit "
                                f"porter l'heure de son horloge, le {maintenant.strftime(heure)} "
                                f"(reçue : le {recue}).", code="notaire_heure")
        empreinte = self._hmac("ligne|" + ligne.contenu())
        self._dernier_numero, self._derniere_empreinte = ligne.numero, empreinte
        return empreinte

    def authentique(self, ligne: EntreeJournal) -> bool:
        """Vrai si l'empreinte de la ligne est bien le HMAC du notaire. Le notaire *contrôle*
        une empreinte, il ne la donne pas : sinon on lui ferait recalculer la chaîne."""
        empreinte = getattr(ligne, "empreinte", None)
        return isinstance(empreinte, str) and hmac.compare_digest(
            empreinte.encode("utf-8", "surrogatepass"),
            self._hmac("ligne|" + ligne.contenu()).encode("ascii"))

    def _hmac(self, texte: str) -> str:
        # « surrogatepass » : un texte hostile (surrogat isolé) ne fait pas échouer le calcul,
        # et deux textes différents gardent deux encodages différents.
        return hmac.new(self._cle, texte.encode("utf-8", "surrogatepass"),
                        hashlib.sha256).hexdigest()

    # -- sceaux ---------------------------------------------------------------------
    def sceller(self, journal: Journal, numero: int | None = None) -> Sceau:
        """Signe un point de contrôle (la dernière ligne, ou la ligne ``numero``) et le garde
        dans le registre. Refuse si le journal ne concorde pas avec les sceaux précédents."""
        _exiger_un_journal(journal)
        verification = self.verifier(journal)
        if not verification.intact:
            raise JournalAltere("Le notaire refuse de sceller un journal altéré. "
                                + verification.message)
        if numero is None and len(journal) == 0:
            sceau = Sceau(0, EMPREINTE_INITIALE, self.horloge.maintenant(), self.nom)
        else:
            entree = journal[-1] if numero is None else journal.ligne(numero)
            # heure de la ligne : fixée par le notaire dans une chaîne à clé (authentifier)
            sceau = Sceau(entree.numero, entree.empreinte, self.horloge.maintenant(), self.nom,
                          instant_ligne=entree.instant)
        sceau = replace(sceau, signature=self._hmac(sceau.contenu()))
        self._registre.append(sceau)
        return sceau

    def signature_valide(self, sceau: Sceau) -> bool:
        """Vrai si ce sceau a bien été signé avec la clé du notaire."""
        if not isinstance(sceau, Sceau) or not isinstance(sceau.signature, str):
            return False
        return hmac.compare_digest(sceau.signature, self._hmac(sceau.contenu()))

    def sceaux(self) -> tuple[Sceau, ...]:
        """Le registre des sceaux posés, du plus ancien au plus récent."""
        return tuple(self._registre)

    def verifier(self, journal: Journal, sceaux: object = None) -> VerificationJournal:
        """Confronte le journal à tous les sceaux du registre (ou à ceux donnés), après
        avoir contrôlé leur signature."""
        _exiger_un_journal(journal)
        donnes = self.sceaux() if sceaux is None else lire_sceaux(sceaux)
        faux = [s for s in donnes if isinstance(s, Sceau) and not self.signature_valide(s)]
        # signatures déjà contrôlées ici : le journal ne confronte que numéros et empreintes
        resultat = journal.verifier(sceau=[replace(s, notaire=None, signature=None)
                                           if isinstance(s, Sceau) else s
                                           for s in donnes if s not in faux])
        anomalies = resultat.anomalies + tuple(
            Anomalie(len(journal), s.numero, "sceau",
                     f"Le sceau de la ligne n° {s.numero} porte une signature invalide : il n'a "
                     f"pas été posé par {self.nom}.") for s in faux)
        return replace(resultat, intact=not anomalies, anomalies=anomalies,
                       nb_sceaux=len(donnes))


def _exiger_un_journal(journal: object) -> None:
    # le notaire ne peut pas importer Journal (le journal l'importe) : on reconnaît ses méthodes
    if not all(callable(getattr(journal, nom, None)) for nom in ("verifier", "ligne", "sceau")):
        raise ValeurInvalide("Le notaire scelle et vérifie un journal, par exemple ent.journal "
                             f"(reçu : {nature(journal)}).")
