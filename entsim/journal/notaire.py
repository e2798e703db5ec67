"""Le notaire du journal : un tiers qui détient la clé que l'auteur du journal n'a pas.

Une chaîne SHA-256 se recalcule par quiconque peut écrire le journal (voir
:mod:`entsim.journal.integrite`). Le notaire joue le rôle d'un tiers de confiance, tenu à
l'écart du journal : dans un établissement, le délégué à la protection des données (DPO,
RGPD art. 37, mutualisé au niveau de l'académie) ou un service d'horodatage externe, qui
atteste qu'une empreinte existait à un instant donné (RFC 3161, « Time-Stamp Protocol »).

Il rend deux services, tous deux par HMAC-SHA256 (RFC 2104) avec sa clé secrète :

* **chaîne à clé** : ``Journal(horloge, notaire=notaire)`` fait calculer l'empreinte de
  chaque ligne par le notaire ; sans la clé, l'auteur du journal ne peut plus recalculer la
  chaîne après une modification ;
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
from typing import TYPE_CHECKING

from entsim.journal.integrite import (EMPREINTE_INITIALE, Anomalie, JournalAltere, Sceau,
                                      VerificationJournal, lire_sceaux)
from entsim.socle.aleatoire import SourceAleatoire
from entsim.socle.erreurs import ValeurInvalide, verifier_texte
from entsim.socle.horloge import Horloge
from entsim.socle.texte import accorder

if TYPE_CHECKING:  # annotations seulement : le journal importe ce module, pas l'inverse
    from entsim.journal.chaine import Journal

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

    def __repr__(self) -> str:
        return f"Notaire(« {self.nom} », {accorder(len(self._registre), 'sceau', 'sceaux')})"

    # -- chaîne à clé ---------------------------------------------------------------
    def authentifier(self, contenu: str) -> str:
        """L'empreinte à clé (HMAC-SHA256) du contenu d'une ligne du journal."""
        return self._hmac("ligne|" + contenu)

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
            sceau = Sceau(entree.numero, entree.empreinte, self.horloge.maintenant(), self.nom)
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
                             f"(reçu : {type(journal).__name__}).")
