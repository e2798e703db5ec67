"""Tout ce que l'ENT simulé détient sur une personne, et l'oubli dans ses services.

Deux sources :

* **les services simulés** (notes, absences, messagerie, forum…) : chacun dit ce qu'il
  détient par son crochet :meth:`~entsim.services._base.ServiceDeBase.donnees_de` et
  l'oublie par :meth:`~entsim.services._base.ServiceDeBase.effacer_donnees_de` (règles
  propres à chaque service, écrites dans sa docstring) ;
* **hors des services** : l'annuaire (identité, classe, liens familiaux, opposition d'un
  élève majeur — :mod:`entsim.autorisation.majorite`), le compte (service
  d'authentification : état, dates ; le mot de passe n'est jamais communiqué — seule son
  empreinte est conservée), les sessions SSO ouvertes, les lignes du journal à son nom.

:func:`effacer_donnees_de` n'agit que sur les services : le compte, la fiche de l'annuaire et
les lignes du journal suivent leurs propres règles (suppression du compte trois mois après
le départ — arrêté ENT du 30 novembre 2006 modifié, art. 6 ; lignes du journal gardées six
mois à un an — CNIL, délibération n° 2021-122), appliquées par la purge
(:mod:`entsim.rgpd.conservation`).
"""

from __future__ import annotations

from entsim.ent import ENT
from entsim.etablissement.annuaire import Eleve, Enseignant, Invite, Parent, Personnel
from entsim.journal.operations import RESULTATS
from entsim.services import classe_du_service
from entsim.services._donnees import DonneePersonnelle, verifier_motif
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite

__all__ = ["services_simules", "donnees_de", "donnees_hors_services", "effacer_donnees_de",
           "MOT_DE_PASSE"]

#: Ce que l'export dit du mot de passe : l'ENT ne le connaît pas (empreinte seule).
MOT_DE_PASSE = "empreinte conservée, jamais communiquée"


def services_simules(ent: ENT) -> list:
    """Chaque service du catalogue qui a une simulation détaillée (``ent.service(code)``),
    dans l'ordre du catalogue."""
    return [ent.service(s.code) for s in ent.catalogue if classe_du_service(s.code) is not None]


def _identifiant(identifiant: object) -> str:
    if not isinstance(identifiant, str) or not identifiant.strip():
        raise ValeurInvalide(f"Donnez l'identifiant d'une personne, par exemple "
                             f"« lea.martin » (reçu : {cite(identifiant)}).",
                             code="identifiant_invalide")
    return identifiant.strip()


def _annuaire(ent: ENT, identifiant: str) -> list[DonneePersonnelle]:
    e = ent.etablissement
    if not e.existe(identifiant):
        return []
    p = e.personne(identifiant)
    ref = f"annuaire:{identifiant}"

    def d(categorie: str, libelle: str, valeur) -> DonneePersonnelle:
        return DonneePersonnelle("annuaire", categorie, libelle, valeur, identifiant, None, ref)

    donnees = [d("identite", "Identifiant ENT", p.identifiant), d("identite", "Nom", p.nom),
               d("identite", "Prénom", p.prenom), d("identite", "Profil", p.profil.value)]
    if p.fonctions:
        donnees.append(d("identite", "Fonctions",
                         ", ".join(sorted(f.value for f in p.fonctions))))
    if p.date_naissance is not None:
        donnees.append(d("identite", "Date de naissance", p.date_naissance))
    if p.courriel:
        donnees.append(d("coordonnees", "Adresse électronique", p.courriel))
    if isinstance(p, Eleve):
        donnees.append(d("vie_scolaire", "Classe", p.classe))
        for r in p.responsables:
            lien = getattr(e.personne(r), "lien", "Responsable légal") if e.existe(r) else \
                "Responsable légal"
            donnees.append(d("situation_familiale", f"Responsable légal ({lien})",
                             e.personne(r).nom_complet if e.existe(r) else r))
        le = ent.horloge.maintenant().date()
        if p.est_majeur(le) or p.opposition_parents:
            donnees.append(d("situation_familiale", "Opposition à l'accès des parents "
                             "(élève majeur)", "oui" if p.opposition_parents else "non"))
    elif isinstance(p, Parent):
        donnees.append(d("situation_familiale", "Lien avec l'élève", p.lien))
        for enfant in p.enfants:
            donnees.append(d("situation_familiale", "Enfant suivi",
                             e.personne(enfant).nom_complet if e.existe(enfant) else enfant))
    elif isinstance(p, Enseignant):
        for classe, discipline in p.enseignements:
            donnees.append(d("vie_scolaire", "Enseignement", f"{discipline} — {classe}"))
    elif isinstance(p, Personnel) and p.service:
        donnees.append(d("vie_scolaire", "Service", p.service))
    elif isinstance(p, Invite) and p.organisme:
        donnees.append(d("vie_scolaire", "Organisme", p.organisme))
    return donnees


def _compte(ent: ENT, identifiant: str) -> list[DonneePersonnelle]:
    auth = ent.authentification
    if identifiant not in auth:
        return []
    c = auth.compte(identifiant)
    ref = f"authentification:{identifiant}"

    def d(libelle: str, valeur, categorie: str = "compte") -> DonneePersonnelle:
        return DonneePersonnelle("authentification", categorie, libelle, valeur, identifiant,
                                 None, ref)

    donnees = [d("État du compte", str(c.etat)), d("Compte créé le", c.cree_le),
               d("Mot de passe", MOT_DE_PASSE if c.empreinte else "pas encore choisi")]
    for libelle, valeur in (("Compte activé le", c.active_le),
                            ("Charte acceptée le", c.charte_acceptee_le),
                            ("Information sur les droits lue le", c.information_lue_le),
                            ("Dernier changement du mot de passe", c.dernier_changement),
                            ("Bloqué jusqu'au", c.bloque_jusqu_a)):
        if valeur is not None:
            donnees.append(d(libelle, valeur))
    if c.derniere_connexion is not None:
        donnees.append(d("Dernière connexion", c.derniere_connexion, "donnees_connexion"))
    if c.echecs_consecutifs:
        donnees.append(d("Échecs de connexion consécutifs", c.echecs_consecutifs,
                         "donnees_connexion"))
    if c.secret_otp is not None:
        donnees.append(d("Code à usage unique (téléphone)", "activé — secret jamais communiqué"))
    if c.certificat is not None:
        donnees.append(d("Certificat", "enregistré"))
    return donnees


def _sessions(ent: ENT, identifiant: str) -> list[DonneePersonnelle]:
    return [DonneePersonnelle(
        "sso", "donnees_connexion", f"Session SSO ouverte ({s.poste})",
        f"ouverte le {s.ouverte_le:%d/%m/%Y à %H:%M} ; {s.etat}" +
        (f" ; services : {', '.join(s.services)}" if s.services else ""),
        identifiant, None, f"sso:{s.tgt}", s.ouverte_le)
        for s in ent.cas.sessions_sso() if s.identifiant == identifiant]


def _journal(ent: ENT, identifiant: str) -> list[DonneePersonnelle]:
    donnees = []
    for ligne in ent.journal.chaine_de(identifiant):
        morceaux = [ligne.service or "", ligne.poste or "",
                    RESULTATS.get(ligne.resultat, ligne.resultat), ligne.objet or "",
                    ligne.detail]
        donnees.append(DonneePersonnelle(
            "journal", "donnees_connexion", ligne.libelle,
            " — ".join(m for m in morceaux if m), identifiant, None,
            f"journal:{ligne.numero}", ligne.instant))
    return donnees


def donnees_hors_services(ent: ENT, identifiant: str, *,
                          journal: bool = True) -> list[DonneePersonnelle]:
    """L'annuaire, le compte, les sessions SSO ouvertes et (``journal=True``) les lignes du
    journal dont l'identité est ``identifiant``."""
    identifiant = _identifiant(identifiant)
    donnees = _annuaire(ent, identifiant) + _compte(ent, identifiant) + \
        _sessions(ent, identifiant)
    return donnees + (_journal(ent, identifiant) if journal else [])


def donnees_de(ent: ENT, identifiant: str, *, hors_services: bool = True,
               journal: bool = True) -> list[DonneePersonnelle]:
    """Tout ce que l'ENT détient sur ``identifiant`` : chaque service simulé, puis (sauf
    ``hors_services=False``) l'annuaire, le compte, les sessions SSO et le journal. Aucune
    ligne n'est écrite au journal (c'est l'outil du responsable du traitement ; la demande
    d'accès, elle, est tracée par :func:`entsim.rgpd.droits.exercer`)."""
    identifiant = _identifiant(identifiant)
    donnees = [d for s in services_simules(ent) for d in s.donnees_de(identifiant)]
    if hors_services:
        donnees += donnees_hors_services(ent, identifiant, journal=journal)
    return donnees


def effacer_donnees_de(ent: ENT, identifiant: str, *, motif: str) -> dict[str, int]:
    """Efface ou anonymise, dans chaque service simulé, ce qu'il détient sur
    ``identifiant`` ; renvoie, par code de service, le nombre de données touchées (les
    services sans rien à effacer n'y figurent pas). N'écrit rien au journal : l'appelant
    trace l'opération au nom de qui l'a décidée. Ne touche ni au compte, ni à l'annuaire,
    ni au journal (voir la docstring du module)."""
    identifiant = _identifiant(identifiant)
    verifier_motif(motif)
    bilan = {s.code: s.effacer_donnees_de(identifiant, motif=motif)
             for s in services_simules(ent)}
    return {code: n for code, n in bilan.items() if n}

