"""Le journal des opérations AAS : daté, relié à une identité, infalsifiable sans trace.

SDET, document 2, « Traçabilité des opérations AAS » : « Les journaux produits DOIVENT être
exploitables. Ils DOIVENT permettre à tout moment : de dater et d'associer une opération AAS
à une identité ; de reconstituer la chaîne des opérations AAS liées à une identité. »
SDET : « Le nombre d'échecs successifs de saisie du mot de passe DEVRAIT être tracé. »

Chaque entrée est chaînée à la précédente par une empreinte SHA-256 (comme les blocs d'une
chaîne) : modifier, supprimer ou insérer une ligne casse la chaîne, et :meth:`Journal.verifier`
le détecte. Conserver à part la dernière empreinte (:meth:`Journal.sceau`) protège aussi
contre un attaquant qui recalculerait toute la fin de la chaîne.

La CNIL recommande de conserver les journaux de 6 mois à 1 an
(recommandation « journalisation », 2021).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from datetime import datetime

from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.socle.horloge import Horloge

#: Empreinte « précédente » de la toute première entrée.
EMPREINTE_INITIALE = "0" * 64

#: Les opérations connues, avec leur libellé français (les codes sont stables).
OPERATIONS: dict[str, str] = {
    # Identification / authentification
    "connexion_reussie": "Connexion réussie",
    "connexion_echouee": "Échec de connexion",
    "compte_bloque": "Compte bloqué",
    "compte_debloque": "Compte débloqué",
    "connexion_refusee_blocage": "Connexion refusée (compte bloqué)",
    "compte_cree": "Compte créé",
    "compte_supprime": "Compte supprimé",
    "activation_reussie": "Activation du compte",
    "activation_echouee": "Échec d'activation",
    "charte_acceptee": "Charte et information sur les droits acceptées",
    "mot_de_passe_change": "Mot de passe changé",
    "mot_de_passe_refuse": "Nouveau mot de passe refusé",
    "empreinte_mise_a_jour": "Empreinte du mot de passe renforcée",
    "renouvellement_code_activation": "Nouveau code d'activation",
    "activation_otp": "Activation du code à usage unique",
    "enregistrement_certificat": "Enregistrement d'un certificat",
    "otp_reussi": "Code à usage unique accepté",
    "otp_echoue": "Code à usage unique refusé",
    "certificat_reussi": "Authentification par certificat réussie",
    "certificat_echoue": "Authentification par certificat refusée",
    # SSO (CAS)
    "tgt_cree": "Session SSO ouverte (TGT)",
    "tgt_expire": "Session SSO expirée",
    "reauthentification_demandee": "Nouvelle authentification demandée",
    "ticket_emis": "Ticket de service émis",
    "ticket_valide": "Ticket de service validé",
    "ticket_refuse": "Ticket de service refusé",
    "passerelle_sans_session": "Accès sans connexion (gateway)",
    "deconnexion": "Déconnexion",
    "deconnexion_propagee": "Déconnexion propagée au service",
    # Autorisation
    "acces_autorise": "Accès autorisé",
    "acces_refuse": "Accès refusé",
    # Services de communication et de collaboration
    "message_envoye": "Message envoyé",
    "publication_ajoutee": "Publication ajoutée",
    "publication_masquee": "Publication masquée (modération)",
    "publication_retablie": "Publication rétablie (modération)",
    "document_depose": "Document déposé",
    "partage_modifie": "Partage modifié",
    "depot_casier": "Dépôt dans un casier",
}

#: Les résultats possibles d'une opération, avec leur libellé.
RESULTATS: dict[str, str] = {"succes": "Succès", "echec": "Échec", "info": "Information"}


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
        """Le texte haché : tous les champs sauf l'empreinte elle-même."""
        return "|".join((
            str(self.numero), self.instant.isoformat(), self.operation, self.identite or "",
            self.service or "", self.poste or "", self.resultat, self.detail, self.objet or "",
            self.empreinte_precedente,
        ))

    def empreinte_calculee(self) -> str:
        return hashlib.sha256(self.contenu().encode("utf-8")).hexdigest()

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


@dataclass(frozen=True)
class Anomalie:
    """Une anomalie trouvée par la vérification du journal."""

    position: int          # rang de la ligne dans le journal tel qu'il est (à partir de 0)
    numero: int | None     # numéro porté par la ligne concernée
    nature: str            # "modifiee", "supprimee", "inseree", "sceau"
    message: str


@dataclass(frozen=True)
class VerificationJournal:
    """Résultat de :meth:`Journal.verifier`."""

    intact: bool
    anomalies: tuple[Anomalie, ...]
    nb_entrees: int

    @property
    def message(self) -> str:
        if self.intact:
            return f"Journal intact : les {self.nb_entrees} lignes sont correctement chaînées."
        return (f"Journal altéré : {len(self.anomalies)} anomalie(s) détectée(s). "
                + " ".join(a.message for a in self.anomalies))

    def __str__(self) -> str:
        return self.message


class Journal:
    """Journal chaîné des opérations AAS, sur l'horloge simulée."""

    def __init__(self, horloge: Horloge | None = None) -> None:
        self.horloge = horloge or Horloge()
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
        """Ajoute une opération, datée par l'horloge simulée, et la renvoie."""
        if operation not in OPERATIONS:
            raise ValeurInvalide(f"Opération de journal inconnue : « {operation} ».")
        if resultat not in RESULTATS:
            raise ValeurInvalide(f"Résultat de journal inconnu : « {resultat} ».")
        precedente = self._entrees[-1].empreinte if self._entrees else EMPREINTE_INITIALE
        numero = self._entrees[-1].numero + 1 if self._entrees else 1
        brouillon = EntreeJournal(numero, self.horloge.maintenant(), operation, identite,
                                  service, poste, resultat, detail, objet, precedente, "")
        entree = replace(brouillon, empreinte=brouillon.empreinte_calculee())
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
                                 f"{numero!r}).")
        return [e for e in self._entrees if e.numero > numero]

    def dernier_numero(self) -> int:
        return self._entrees[-1].numero if self._entrees else 0

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
        if resultat is not None and resultat not in RESULTATS:
            raise ValeurInvalide("Le résultat doit être \"succes\", \"echec\" ou \"info\".")
        operations = {operation} if isinstance(operation, str) else (
            set(operation) if operation is not None else None)
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

        source = self._entrees if entrees is None else list(entrees)
        if any(not isinstance(e, EntreeJournal) for e in source):
            raise ValeurInvalide("Le tableau du journal se construit avec des lignes du journal, "
                                 "par exemple journal.tableau(journal.chaine_de(\"lea.martin\")).")
        lignes = [e.en_ligne() for e in source]
        colonnes = ["N°", "Date", "Opération", "Identité", "Service", "Poste", "Résultat",
                    "Détail", "Objet"]
        return pd.DataFrame(lignes, columns=colonnes).set_index("N°")

    # -- intégrité --------------------------------------------------------------
    def sceau(self) -> str:
        """L'empreinte de la dernière ligne : à conserver ailleurs (imprimée, envoyée au DPO…)."""
        return self._entrees[-1].empreinte if self._entrees else EMPREINTE_INITIALE

    def verifier(self, sceau: str | None = None) -> VerificationJournal:
        """Vérifie la chaîne d'empreintes et signale chaque ligne modifiée, supprimée ou
        insérée. Si ``sceau`` est donné, vérifie aussi que la fin du journal n'a pas été
        réécrite depuis."""
        if sceau is not None and not isinstance(sceau, str):
            raise ValeurInvalide("Le sceau est l'empreinte conservée (un texte), obtenue avec "
                                 "journal.sceau().")
        anomalies: list[Anomalie] = []
        precedente = EMPREINTE_INITIALE
        numero_attendu = 1
        for position, entree in enumerate(self._entrees):
            if entree.empreinte_calculee() != entree.empreinte:
                anomalies.append(Anomalie(position, entree.numero, "modifiee",
                                          f"La ligne n° {entree.numero} a été modifiée."))
            elif entree.empreinte_precedente != precedente:
                if entree.numero > numero_attendu:
                    manquantes = (f"n° {numero_attendu}" if entree.numero == numero_attendu + 1
                                  else f"n° {numero_attendu} à {entree.numero - 1}")
                    anomalies.append(Anomalie(position, entree.numero, "supprimee",
                                              f"Ligne(s) supprimée(s) avant la n° {entree.numero}"
                                              f" ({manquantes})."))
                else:
                    anomalies.append(Anomalie(position, entree.numero, "inseree",
                                              f"Ligne insérée ou déplacée en position "
                                              f"{position + 1} (elle porte le n° "
                                              f"{entree.numero})."))
            precedente = entree.empreinte
            numero_attendu = entree.numero + 1
        if sceau is not None and sceau != self.sceau():
            anomalies.append(Anomalie(len(self._entrees), None, "sceau",
                                      "La dernière empreinte ne correspond pas au sceau conservé :"
                                      " la fin du journal a été réécrite ou tronquée."))
        return VerificationJournal(not anomalies, tuple(anomalies), len(self._entrees))

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
            raise ValeurInvalide(f"Champ(s) inconnu(s) : {', '.join(sorted(inconnus))}.")
        position = self._position(numero)
        self._entrees[position] = replace(self._entrees[position], **champs)
        self._index_a_jour = False
        return self._entrees[position]

    def supprimer(self, numero: int) -> EntreeJournal:
        """Simule un attaquant qui efface une ligne pour cacher sa trace."""
        entree = self._entrees.pop(self._position(numero))
        self._index_a_jour = False
        return entree

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
