"""Médiacentre : les ressources numériques des éditeurs, ouvertes par le GAR.

Page du ministère (2022) : l'ENT donne « accès aux ressources numériques (manuels scolaires,
cahiers d'activités, applications pédagogiques avec accès personnalisé) dont la gestion peut
être centralisée par le service du gestionnaire d'accès aux ressources (GAR) » ; arrêté du
18 décembre 2017 (traitement « GAR ») : le GAR ne transmet aux fournisseurs de ressources
que les données strictement nécessaires à l'accès et au fonctionnement de la ressource.

Ce que montre la simulation :

* **pas de nouvelle connexion** : ouvrir une ressource passe par le serveur CAS de l'ENT
  (``ent.ouvrir("mediacentre")``) ; la session SSO du portail suffit (SDET, « Single
  Sign-On ») ;
* **le GAR filtre** : l'éditeur reçoit un identifiant opaque (un pseudonyme, différent pour
  chaque éditeur dans cette simulation, pour que deux éditeurs ne puissent pas croiser leurs
  données), l'établissement (UAI), le profil et, si la ressource en a besoin, le niveau, la
  classe ou les disciplines — jamais le nom, la date de naissance ni le courriel ;
* **l'affectation** : une ressource est attribuée à des profils, des niveaux et des
  disciplines (dans un vrai établissement, par le responsable des affectations, souvent le
  professeur documentaliste) ; les parents n'ont pas de médiacentre (catalogue).

Éditeurs et titres fictifs.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from entsim.etablissement.annuaire import Eleve, Enseignant, Fonction, Profil
from entsim.autorisation.service import Action, Ressource
from entsim.socle.erreurs import Introuvable, verifier_texte
from entsim.socle.texte import cite
from entsim.services._vie_eleve import ServiceVieEleve
from entsim.services.emploi_du_temps import formation_de
from entsim.services._donnees import DonneePersonnelle, verifier_motif

#: Attributs qu'un éditeur peut recevoir du GAR, avec leur libellé.
ATTRIBUTS_GAR: dict[str, str] = {
    "ido": "Identifiant opaque (pseudonyme GAR)",
    "uai": "Établissement (UAI)",
    "profil": "Profil",
    "niveau": "Niveau de formation",
    "classe": "Classe",
    "disciplines": "Disciplines enseignées",
}
#: Les mêmes, dans une phrase.
_EN_MINUSCULES: dict[str, str] = {
    "ido": "un identifiant opaque", "uai": "l'établissement (UAI)", "profil": "le profil",
    "niveau": "le niveau de formation", "classe": "la classe",
    "disciplines": "les disciplines enseignées",
}
_MINIMAL = ("ido", "uai", "profil")
_E, _P, _N = Profil.ELEVE, Profil.PERSONNEL, Profil.ENSEIGNANT
_MSGN = "Management, sciences de gestion et numérique, enseignement spécifique SIG"
_TOUTES = frozenset()


@dataclass(frozen=True)
class RessourceNumerique:
    """Une ressource du médiacentre et ses conditions d'affectation."""

    code: str
    titre: str
    editeur: str
    nature: str
    profils: frozenset[Profil]
    formations: frozenset[str] = _TOUTES     # vide : tous les niveaux
    disciplines: frozenset[str] = _TOUTES    # vide : toutes les disciplines
    attributs: tuple[str, ...] = _MINIMAL    # ce dont l'éditeur a besoin

    @property
    def description(self) -> str:
        return f"{self.titre} ({self.nature}, {self.editeur})"


RESSOURCES: tuple[RessourceNumerique, ...] = (
    RessourceNumerique("msgn-sig-t", "Management, sciences de gestion et numérique – "
                       "Terminale STMG, enseignement spécifique SIG", "Éditions Sillage",
                       "Manuel numérique", frozenset({_E, _N}), frozenset({"TSTMG"}),
                       frozenset({_MSGN}), _MINIMAL + ("niveau", "classe")),
    RessourceNumerique("cas-sig", "Cahier d'activités SIG – études de cas d'organisations",
                       "Atelier numérique scolaire", "Cahier d'activités",
                       frozenset({_E, _N}), frozenset({"TSTMG"}), frozenset({_MSGN}),
                       _MINIMAL + ("niveau", "classe")),
    RessourceNumerique("droit-eco-t", "Droit et économie – Terminale STMG", "Éditions Sillage",
                       "Manuel numérique", frozenset({_E, _N}), frozenset({"TSTMG"}),
                       frozenset({"Droit et économie"}), _MINIMAL + ("niveau",)),
    RessourceNumerique("maths-tt", "Mathématiques – Terminale technologique",
                       "Éditions du Préau", "Manuel numérique", frozenset({_E, _N}),
                       frozenset({"TSTMG", "1STMG"}), frozenset({"Mathématiques"}),
                       _MINIMAL + ("niveau",)),
    RessourceNumerique("maths-2nde", "Mathématiques – Seconde", "Éditions du Préau",
                       "Manuel numérique", frozenset({_E, _N}), frozenset({"2NDE"}),
                       frozenset({"Mathématiques"}), _MINIMAL + ("niveau",)),
    RessourceNumerique("anglais-lycee", "Crossroads – anglais, lycée", "Éditions Boussole",
                       "Manuel numérique", frozenset({_E, _N}), _TOUTES,
                       frozenset({"Anglais (LVA)"}), _MINIMAL + ("niveau",)),
    RessourceNumerique("atlas-hg", "Atlas numérique d'histoire-géographie",
                       "Éditions Boussole", "Atlas", frozenset({_E, _N}), _TOUTES,
                       frozenset({"Histoire-géographie"})),
    RessourceNumerique("dico-fr", "Dictionnaire de la langue française en ligne",
                       "Atelier Lexique", "Dictionnaire", frozenset({_E, _N, _P})),
    RessourceNumerique("dico-bilingue", "Dictionnaires bilingues (anglais, espagnol, "
                       "allemand)", "Atelier Lexique", "Dictionnaire", frozenset({_E, _N, _P})),
    RessourceNumerique("kiosque", "Kiosque de presse en ligne", "Presse Éducation Diffusion",
                       "Presse", frozenset({_E, _N, _P})),
    RessourceNumerique("disciplines-profs", "Banque de sujets et de corrigés pour "
                       "l'enseignant", "Atelier numérique scolaire", "Ressource enseignant",
                       frozenset({_N}), _TOUTES, _TOUTES, _MINIMAL + ("disciplines",)),
)


@dataclass(frozen=True)
class OuvertureGAR:
    """Le résultat de l'ouverture d'une ressource : ce que l'ENT sait de la personne, ce
    que l'éditeur reçoit du GAR, et si une nouvelle connexion a été nécessaire."""

    ok: bool
    code: str
    message: str
    ressource: RessourceNumerique | None = None
    identifiant: str = ""
    nouvelle_connexion: bool = False
    ticket: str | None = None
    connu_de_l_ent: tuple[tuple[str, str], ...] = ()
    transmis_a_l_editeur: tuple[tuple[str, str], ...] = ()

    def comparaison(self) -> list[tuple[str, str, str]]:
        """(donnée, ce que sait l'ENT, ce que reçoit l'éditeur) — côte à côte."""
        transmis = dict(self.transmis_a_l_editeur)
        lignes = [(nom, valeur, transmis.pop(nom, "non transmis (filtré par le GAR)"))
                  for nom, valeur in self.connu_de_l_ent]
        return lignes + [(nom, "calculé par le GAR", valeur) for nom, valeur in transmis.items()]

    def __str__(self) -> str:
        return self.message


class Mediacentre(ServiceVieEleve):
    """Le service « Médiacentre » et son passage par le GAR."""

    code = "mediacentre"

    def __init__(self, ent) -> None:
        super().__init__(ent)
        self.ressources = {r.code: r for r in RESSOURCES}
        self._cle_gar = ent.aleatoire.derivee("gar").octets(32)
        self._recu: dict[str, list[dict[str, str]]] = {}

    # -- affectation -------------------------------------------------------------------------
    def _affectee(self, identifiant: str, r: RessourceNumerique) -> bool:
        p = self.etablissement.personne(identifiant)
        if p.profil is Profil.ENSEIGNANT and (Fonction.DOCUMENTALISTE in p.fonctions or
                                              Fonction.ADMINISTRATEUR_LOCAL in p.fonctions):
            return True      # responsable des affectations : voit toutes les ressources
        if p.profil not in r.profils:
            return False
        if isinstance(p, Eleve):
            c = self.etablissement.classes.get(p.classe)
            disciplines = list(c.enseignements) if c else []
            formations = {formation_de(p.classe)}
        elif isinstance(p, Enseignant):
            disciplines = [d for _, d in p.enseignements]
            formations = {formation_de(c) for c, _ in p.enseignements}
        else:
            return not r.formations and not r.disciplines
        return ((not r.formations or bool(formations & r.formations)) and
                (not r.disciplines or any(d.startswith(x) for d in disciplines
                                          for x in r.disciplines)))

    def ressources_de(self, identifiant: str, *, poste: str | None = None
                      ) -> list[RessourceNumerique]:
        """Les ressources attribuées à cette personne (son profil, sa classe, ses
        disciplines)."""
        self.exiger(identifiant, Action.LIRE, Ressource("mediacentre"), poste=poste)
        return [r for r in RESSOURCES if self._affectee(identifiant, r)]

    def ressource(self, code: str) -> RessourceNumerique:
        try:
            return self.ressources[code]
        except (KeyError, TypeError):
            exemples = ", ".join(list(self.ressources)[:4])
            raise Introuvable(f"Ressource inconnue : {cite(code)} (exemples : {exemples}).",
                              code="ressource_inconnue") from None

    # -- le GAR ------------------------------------------------------------------------------
    def _identifiant_opaque(self, identifiant: str, editeur: str) -> str:
        """Le pseudonyme de cette personne chez cet éditeur (HMAC-SHA256 d'une clé du GAR :
        impossible à inverser sans la clé, stable d'une visite à l'autre). Privé : seul le
        GAR le calcule, au moment d'ouvrir une ressource (:meth:`ouvrir`) ; personne ne
        l'obtient sur demande pour quelqu'un d'autre."""
        self.etablissement.personne(identifiant)          # inconnu : message clair
        verifier_texte(editeur, "editeur")
        message = f"{identifiant}|{editeur}".encode("utf-8", "surrogatepass")
        return hmac.new(self._cle_gar, message, hashlib.sha256).hexdigest()[:20]

    def connu_de_l_ent(self, identifiant: str, *, poste: str | None = None
                       ) -> list[tuple[str, str]]:
        """Ce que l'ENT sait de soi (annuaire : date de naissance, courriel, parents…), pour
        le comparer à ce que le GAR transmet : à la personne elle-même seulement, si le
        médiacentre lui est ouvert ; lecture tracée, refus tracé sinon."""
        self.exiger(identifiant, Action.LIRE, Ressource("mediacentre"), poste=poste)
        return self._connu_de_l_ent(identifiant)

    def _connu_de_l_ent(self, identifiant: str) -> list[tuple[str, str]]:
        p = self.etablissement.personne(identifiant)
        lignes = [("Identifiant ENT", p.identifiant), ("Nom", p.nom), ("Prénom", p.prenom),
                  ("Date de naissance", f"{p.date_naissance:%d/%m/%Y}"
                   if p.date_naissance else "—"),
                  ("Courriel", p.courriel or "—"), ("Profil", p.profil.value),
                  ("Établissement (UAI)", self.etablissement.uai)]
        if isinstance(p, Eleve):
            c = self.etablissement.classes.get(p.classe)
            lignes += [("Classe", p.classe),
                       ("Niveau de formation", f"{c.niveau} {c.serie}" if c else "—"),
                       ("Responsables légaux", ", ".join(self.nom_de(r) for r in p.responsables))]
        if isinstance(p, Enseignant):
            lignes += [("Disciplines enseignées", ", ".join(dict.fromkeys(
                d for _, d in p.enseignements)) or "—")]
        return lignes

    def _transmis(self, identifiant: str, r: RessourceNumerique) -> list[tuple[str, str]]:
        connu = dict(self._connu_de_l_ent(identifiant))
        valeurs = {"ido": self._identifiant_opaque(identifiant, r.editeur),
                   "uai": connu["Établissement (UAI)"], "profil": connu["Profil"],
                   "niveau": connu.get("Niveau de formation", ""),
                   "classe": connu.get("Classe", ""),
                   "disciplines": connu.get("Disciplines enseignées", "")}
        return [(ATTRIBUTS_GAR[a], valeurs[a]) for a in r.attributs if valeurs[a]]

    def ouvrir(self, identifiant: str, code: str, *, poste: str = "Poste du CDI"
               ) -> OuvertureGAR:
        """Ouvrir une ressource depuis un poste : contrôle d'accès, affectation, passage par
        le serveur CAS (session SSO du poste réutilisée), puis par le GAR (filtrage)."""
        r = self.ressource(code)
        self.exiger(identifiant, Action.LIRE, Ressource("mediacentre", partie=r.code),
                    poste=poste)
        if not self._affectee(identifiant, r):
            raise self.refuser(
                identifiant, f"La ressource « {r.titre} » n'est pas attribuée à "
                f"{self.nom_de(identifiant)} : l'établissement affecte chaque ressource à des "
                f"profils, des niveaux et des disciplines.", f"ressource « {r.titre} »",
                poste=poste, code="ressource_non_affectee")
        session = self.ent.cas.tgt_de(self.ent.navigateur(poste))
        if session is None or session.etat != "active":
            return OuvertureGAR(False, "session_absente",
                                f"Aucune session ENT n'est ouverte sur « {poste} » : "
                                f"connectez-vous d'abord au portail ; ensuite, aucune ressource "
                                f"ne vous redemandera de mot de passe.", r, identifiant)
        if session.identifiant != identifiant:
            return OuvertureGAR(False, "autre_session",
                                f"La session ouverte sur « {poste} » est celle de "
                                f"{self.nom_de(session.identifiant)}, pas celle de "
                                f"{self.nom_de(identifiant)}.", r, identifiant)
        acces = self.ent.ouvrir(self.code, poste=poste)
        if not acces.ok:
            return OuvertureGAR(False, acces.code, acces.message, r, identifiant)
        transmis = self._transmis(identifiant, r)
        self._recu.setdefault(r.editeur, []).append(dict(transmis))
        noms = ", ".join(_EN_MINUSCULES[a] for a in r.attributs)
        self.journal.enregistrer(
            "acces_autorise", identite=identifiant, service=self.code, poste=poste,
            resultat="info", objet=f"ressource « {r.titre} » ({r.editeur})",
            detail=f"GAR : ressource ouverte sans nouvelle connexion ; transmis à l'éditeur : "
                   f"{noms}.")
        via = (f"session SSO du portail réutilisée, ticket {acces.ticket} validé" if acces.sso
               else "session déjà ouverte dans le médiacentre")
        return OuvertureGAR(
            True, "ressource_ouverte",
            f"« {r.titre} » est ouverte sans nouvelle connexion ({via}). L'éditeur "
            f"{r.editeur} ne reçoit que : {noms}.",
            r, identifiant, False, acces.ticket, tuple(self._connu_de_l_ent(identifiant)),
            tuple(transmis))

    def donnees_recues_par(self, editeur: str) -> list[dict[str, str]]:
        """Tout ce qu'un éditeur a reçu du GAR (ce qu'il pourrait stocker) : des
        pseudonymes, jamais de nom."""
        verifier_texte(editeur, "editeur")
        return [dict(d) for d in self._recu.get(editeur, [])]

    # -- crochets RGPD -----------------------------------------------------------------------
    def _transmissions_de(self, identifiant: str):
        """(éditeur, rang, données reçues) des transmissions qui portent l'identifiant opaque
        de cette personne (calculé comme :meth:`_identifiant_opaque`, sans passer par
        l'annuaire : la personne peut en être déjà partie)."""
        for editeur in sorted(self._recu):
            message = f"{identifiant}|{editeur}".encode("utf-8", "surrogatepass")
            ido = hmac.new(self._cle_gar, message, hashlib.sha256).hexdigest()[:20]
            for i, recu in enumerate(self._recu[editeur]):
                if ido in recu.values():
                    yield editeur, i, recu

    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Ce que le GAR a transmis sur la personne à chaque éditeur (catégorie
        « identifiant_opaque ») : l'identifiant opaque n'a pas de nom, mais il reste une
        donnée personnelle (il permet de la reconnaître indirectement)."""
        return [DonneePersonnelle(self.code, "identifiant_opaque",
                                  f"Transmis par le GAR à {editeur}",
                                  "; ".join(f"{k} : {v}" for k, v in recu.items()),
                                  identifiant, None, f"mediacentre:gar:{editeur}:{i}")
                for editeur, i, recu in self._transmissions_de(identifiant)]

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Les transmissions à un éditeur sont oubliées. Dans la réalité, l'éditeur est un
        sous-traitant : à la fin de la prestation, il supprime ou renvoie les données selon
        le choix du responsable du traitement (RGPD, art. 28.3.g)."""
        verifier_motif(motif)
        a_oublier = {(e, i) for e, i, _ in self._transmissions_de(identifiant)}
        for editeur in list(self._recu):
            self._recu[editeur] = [r for i, r in enumerate(self._recu[editeur])
                                   if (editeur, i) not in a_oublier]
        return len(a_oublier)


SERVICE = Mediacentre
