"""Exercer ses droits sur les données de l'ENT simulé : accès, rectification, effacement,
limitation, opposition (RGPD, art. 15 à 18 et 21), avec le délai légal (art. 12.3).

**Qui peut demander** :

* la personne elle-même — un élève mineur aussi : en France, ce sont en principe ses parents
  qui exercent les droits du mineur, mais la CNIL recommande de l'encourager à les exercer
  lui-même (CNIL, « Recommandation 2 : encourager les mineurs à exercer leurs droits »,
  9 juin 2021, https://www.cnil.fr/fr/recommandation-2-encourager-les-mineurs-exercer-leurs-droits
  — une recommandation, pas une obligation) ;
* pour un élève mineur, ses responsables légaux (même page de la CNIL ; autorité parentale,
  Code civil, art. 371-1) ; un parent qui demande pour un autre élève est refusé, et tracé ;
* **la majorité** : un élève de 18 ans accomplis à la date de la demande (horloge simulée)
  exerce lui-même ses droits (Code civil, art. 414, cité par
  :mod:`entsim.autorisation.majorite`) ; la demande d'un parent pour son enfant majeur est
  refusée sans l'accord de celui-ci (``accord_de_l_eleve=True``), et toujours refusée si
  l'élève majeur a fait opposition à l'accès de ses parents (l'accord, déclaré par le
  parent, ne lève pas une opposition que l'élève a enregistrée lui-même).

**Ce que le lycée peut refuser, et pourquoi** : l'ENT d'un lycée public est un traitement
nécessaire à l'exécution d'une mission d'intérêt public (RGPD, art. 6.1.e ; cadre : arrêté
du 30 novembre 2006 modifié). Donc :

* l'effacement des données de scolarité (notes, absences, cahier de textes, compte…) est
  refusé : il ne s'applique pas quand le traitement est nécessaire à une mission d'intérêt
  public (art. 17.3.b) ; ces données sont de toute façon supprimées de l'ENT trois mois au
  plus après le départ (arrêté ENT, art. 6) ;
* l'opposition au traitement de ces données est refusée : le responsable peut continuer s'il
  démontre des motifs légitimes et impérieux (art. 21.1) — ici, le service public de
  l'éducation ;
* en revanche, les contributions dans les espaces communautaires (forum, blog) ne sont
  gardées que « sauf opposition du contributeur » (arrêté ENT, art. 6) : l'opposition ou
  l'effacement y est accepté et leur contenu retiré ;
* un élève majeur peut aussi s'opposer à ce que ses parents consultent ses données
  (``cible="parents"`` : :meth:`entsim.autorisation.majorite.MajoriteAutorisation.enregistrer_opposition`).

Un refus dit toujours pourquoi et rappelle la réclamation possible auprès de la CNIL
(art. 12.4, art. 77). **Rectification** : la date de naissance, l'adresse électronique, le
nom et le prénom de l'annuaire (la simulation n'a pas d'adresse postale) ; choix de la
simulation : une date de naissance qui ferait passer un élève de mineur à majeur (ou
l'inverse) n'est pas appliquée en ligne (vérification sur pièce justificative), un nom n'a
que des lettres, une date de naissance donne au moins dix ans. **Limitation**
(art. 18) : dans l'un des quatre cas de l'art. 18.1, les données sont « gelées » : plus
d'effacement ni de purge tant qu'elle dure (art. 18.2 : à l'exception de la conservation,
plus de traitement sans consentement) ; simplification assumée : les lectures des personnes
habilitées ne sont pas bloquées par la simulation.
"""

from __future__ import annotations

from entsim.autorisation.habilitations import de

import re
from dataclasses import dataclass, field
from datetime import date

from entsim.ent import ENT
from entsim.etablissement.annuaire import Eleve
from entsim.rgpd.demandes import DROITS, DemandeDroit, registre_des_demandes, verifier_droit
from entsim.rgpd.donnees import services_simules
from entsim.rgpd.export import ExportDonnees, exporter_mes_donnees, verifier_chemin_export
from entsim.rgpd.textes import source
from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.socle.saisie import date_saisie, texte_saisi
from entsim.socle.texte import accorder, cite

__all__ = ["ResultatDroit", "exercer", "recevoir", "traiter", "CONTRIBUTIONS",
           "CHAMPS_RECTIFIABLES", "MOTIFS_LIMITATION", "est_limitee"]

#: Les services dont les contributions ne sont gardées que « sauf opposition du
#: contributeur » (arrêté ENT, art. 6) : espaces communautaires et de publication.
CONTRIBUTIONS = ("forum", "blog")
#: Les champs de l'annuaire qu'une demande de rectification peut corriger.
CHAMPS_RECTIFIABLES = {"date_naissance": "date de naissance", "courriel": "adresse électronique",
                       "nom": "nom", "prenom": "prénom"}
#: Les quatre cas de l'art. 18.1 (a à d).
MOTIFS_LIMITATION = {
    "exactitude_contestee": "l'exactitude des données est contestée (art. 18.1.a)",
    "traitement_illicite": "le traitement est illicite et la personne préfère la limitation "
                           "à l'effacement (art. 18.1.b)",
    "droits_en_justice": "les données sont nécessaires à la personne pour un droit en justice "
                         "(art. 18.1.c)",
    "opposition_en_cours": "une opposition est en cours d'examen (art. 18.1.d)",
}
#: Âge minimal vraisemblable d'une date de naissance rectifiée (personne inscrite dans un
#: lycée ou parent d'élève) : choix de la simulation, pas une règle de droit.
AGE_MINIMAL = 10
#: Un nom ou un prénom : des lettres, séparées par une espace, un trait d'union ou une
#: apostrophe (« N'Diaye », « Le Gall-Müller »).
_NOM = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")
_RECLAMATION = (f" Vous pouvez adresser une réclamation à la CNIL "
                f"({source('rgpd-77').reference()}).")


@dataclass(frozen=True)
class ResultatDroit:
    """Le résultat d'une demande : ``ok``, un ``code`` stable, un ``message`` français."""

    ok: bool
    code: str
    message: str
    demande: DemandeDroit
    export: ExportDonnees | None = None
    effaces: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message


def est_limitee(ent: ENT, identifiant: str) -> bool:
    """Le traitement des données de cette personne est-il limité (art. 18) ?"""
    return registre_des_demandes(ent).est_limitee(identifiant)


def _nom(ent: ENT, identifiant: str) -> str:
    e = ent.etablissement
    return e.personne(identifiant).nom_complet if e.existe(identifiant) else identifiant


def recevoir(ent: ENT, demandeur: str, droit: str, concerne: str | None = None,
             **details) -> DemandeDroit:
    """Enregistre une demande (en cours, échéance à un mois) et la trace au journal
    (``demande_droit_recue``) ; :func:`traiter` y répond. Les précisions sont vérifiées
    d'abord : une saisie fausse ne laisse ni demande ni ligne au journal."""
    droit = verifier_droit(droit)
    _verifier_details(ent, droit, details)
    ent.etablissement.personne(demandeur)
    concerne = demandeur if concerne is None else concerne
    ent.etablissement.personne(concerne)
    registre = registre_des_demandes(ent)
    demande = registre.ajouter(DemandeDroit(
        registre.suivant(), droit, demandeur, concerne, ent.horloge.maintenant(),
        tuple(sorted(details.items()))))
    ent.journal.enregistrer(
        "demande_droit_recue", identite=demandeur, resultat="info",
        objet=f"demande n° {demande.numero} ({demande.libelle}) pour "
              f"{_nom(ent, concerne)}",
        detail=f"Réponse due au plus tard le {demande.echeance:%d/%m/%Y} "
               f"({source('rgpd-12-3').reference()}).")
    return demande


def _qualite(ent: ENT, demande: DemandeDroit) -> tuple[str, str] | None:
    """(code, raison) si le demandeur n'a pas qualité pour agir, sinon ``None``."""
    e = ent.etablissement
    if demande.demandeur == demande.concerne:
        return None
    concerne = e.personne(demande.concerne)
    demandeur = e.personne(demande.demandeur)
    if not e.est_responsable_de(demande.demandeur, demande.concerne):
        return ("non_habilite", f"{demandeur.nom_complet} n'est ni {concerne.nom_complet} ni "
                f"son responsable légal : seule la personne concernée, ou pour un élève "
                f"mineur ses responsables légaux, exerce ses droits.")
    le = ent.horloge.maintenant().date()
    if isinstance(concerne, Eleve) and concerne.est_majeur(le) and concerne.opposition_parents:
        return ("opposition_eleve_majeur", f"{concerne.nom_complet} a 18 ans accomplis et a "
                f"fait opposition à ce que ses parents consultent ses données : ils n'en "
                f"reçoivent pas la copie, même en disant avoir son accord, tant qu'il ne "
                f"lève pas lui-même cette opposition.")
    if isinstance(concerne, Eleve) and concerne.est_majeur(le) and \
            demande.detail("accord_de_l_eleve") is not True:
        return ("eleve_majeur", f"{concerne.nom_complet} a 18 ans accomplis : un élève majeur "
                f"exerce lui-même ses droits (Code civil, art. 414). Ses parents ne peuvent "
                f"le faire pour lui qu'avec son accord.")
    return None


def _refus(code: str, raison: str) -> tuple[bool, str, str]:
    return False, code, raison + _RECLAMATION


def _acces(ent, demande, resultat):
    resultat["export"] = exporter_mes_donnees(ent, demande.concerne, demande.detail("chemin"))
    n = len(resultat["export"].donnees)
    ent.journal.enregistrer("donnees_exportees", identite=demande.demandeur,
                            objet=f"données {de(_nom(ent, demande.concerne))}",
                            detail=f"{n} données communiquées (demande n° {demande.numero}).")
    return True, "acces_accorde", (f"Voici la copie des {n} données que l'ENT détient sur "
                                   f"{_nom(ent, demande.concerne)} "
                                   f"({source('rgpd-15').reference()}).")


def _valeur_rectifiee(ent: ENT, champ: object, valeur: object):
    """La nouvelle valeur, vérifiée ; :class:`ValeurInvalide` sinon (rien n'est changé)."""
    if champ not in CHAMPS_RECTIFIABLES:
        possibles = ", ".join(f"« {c} »" for c in CHAMPS_RECTIFIABLES)
        raise ValeurInvalide(f"Dites quoi corriger : champ={cite(champ)} n'est pas un champ "
                             f"rectifiable (possibles : {possibles}), et valeur=….",
                             code="champ_inconnu")
    if champ == "date_naissance":
        valeur = date_saisie(valeur, "valeur")
        aujourd_hui = ent.horloge.maintenant().date()
        if valeur > aujourd_hui:
            raise ValeurInvalide("Une date de naissance ne peut pas être dans le futur.",
                                 code="date_future")
        if valeur > aujourd_hui.replace(year=aujourd_hui.year - AGE_MINIMAL,
                                        day=min(aujourd_hui.day, 28)):
            raise ValeurInvalide(f"Date de naissance peu vraisemblable ({valeur:%d/%m/%Y}) : "
                                 f"on ne s'inscrit pas au lycée avant {AGE_MINIMAL} ans.",
                                 code="date_invraisemblable")
        return valeur
    if champ == "courriel":
        valeur = texte_saisi(valeur, "valeur", maximum=254)
        if valeur.count("@") != 1 or " " in valeur or not valeur.split("@")[1]:
            raise ValeurInvalide(f"{cite(valeur)} n'est pas une adresse électronique.",
                                 code="courriel_invalide")
        return valeur
    valeur = texte_saisi(valeur, "valeur", maximum=100)
    if not _NOM.fullmatch(valeur):
        raise ValeurInvalide(f"{cite(valeur)} : un {CHAMPS_RECTIFIABLES[champ]} ne contient "
                             f"que des lettres, séparées par une espace, un trait d'union ou "
                             f"une apostrophe.", code="nom_invalide")
    return valeur


def _rectification(ent, demande, resultat):
    champ = demande.detail("champ")
    valeur = _valeur_rectifiee(ent, champ, demande.detail("valeur"))
    personne = ent.etablissement.personne(demande.concerne)
    le = ent.horloge.maintenant().date()
    if champ == "date_naissance" and isinstance(personne, Eleve) and \
            personne.est_majeur(le) != (_age(valeur, le) >= 18):
        return _refus("justificatif_requis", (
            f"Cette correction ferait de {personne.nom_complet} "
            f"{'une personne majeure' if _age(valeur, le) >= 18 else 'une personne mineure'} "
            f"— qui exerce ses droits en dépend : le secrétariat la vérifie d'abord sur une "
            f"pièce justificative (acte de naissance, livret de famille) ; rien n'est changé "
            f"en ligne."))
    setattr(personne, champ, valeur)
    registre = registre_des_demandes(ent)
    if registre.limitations.get(demande.concerne, (None, ""))[1] == "exactitude_contestee":
        del registre.limitations[demande.concerne]
    lisible = f"{valeur:%d/%m/%Y}" if isinstance(valeur, date) else valeur
    ent.journal.enregistrer("donnees_rectifiees", identite=demande.demandeur,
                            objet=f"annuaire : {CHAMPS_RECTIFIABLES[champ]} de "
                                  f"{personne.nom_complet}",
                            detail=f"Demande n° {demande.numero} ; ancienne valeur remplacée.")
    return True, "rectification_appliquee", (
        f"Rectification faite ({source('rgpd-16').reference()}) : "
        f"{_avec_article(CHAMPS_RECTIFIABLES[champ])} {de(personne.nom_complet)} est maintenant "
        f"{lisible}.")


def _age(naissance: date, le: date) -> int:
    return le.year - naissance.year - ((le.month, le.day) < (naissance.month, naissance.day))


def _avec_article(groupe: str) -> str:
    """« la date de naissance », « l'adresse électronique », « le nom »."""
    if groupe[:1].lower() in "aeéèêiîoôuh":
        return f"l'{groupe}"
    feminins = ("date", "adresse")
    return f"{'la' if groupe.split()[0] in feminins else 'le'} {groupe}"


def _contributions(ent, demande, resultat, code: str, article: str):
    services = [s for s in services_simules(ent) if s.code in CONTRIBUTIONS]
    resultat["effaces"] = {s.code: n for s in services
                           if (n := s.effacer_donnees_de(demande.concerne, motif="opposition"))}
    total = sum(resultat["effaces"].values())
    ent.journal.enregistrer("donnees_effacees", identite=demande.demandeur,
                            objet=f"contributions {de(_nom(ent, demande.concerne))} "
                                  f"(forum, blog)",
                            detail=f"Demande n° {demande.numero} : {total} contributions "
                                   f"retirées.")
    retirees = (f"{accorder(total, 'contribution')} {de(_nom(ent, demande.concerne))} au forum "
                f"et aux blogs {'est retirée' if total == 1 else 'sont retirées'}" if total else
                f"{_nom(ent, demande.concerne)} n'a rien publié au forum ni aux blogs : il n'y a "
                f"rien à retirer")
    return True, code, (f"Accepté ({article}) : {retirees} ; l'arrêté ENT ne garde les "
                        f"contributions que « sauf opposition du contributeur » "
                        f"({source('arrete-ent-6').reference()}).")


def _effacement(ent, demande, resultat):
    if est_limitee(ent, demande.concerne):
        return _refus("donnees_limitees", "Le traitement de ces données est limité (art. 18) : "
                      "elles sont conservées telles quelles tant que la limitation dure.")
    if demande.detail("service") in CONTRIBUTIONS:
        return _contributions(ent, demande, resultat, "effacement_contributions",
                              source("rgpd-17").reference())
    return _refus("effacement_refuse_mission_publique",
                  f"Refusé : l'ENT du lycée est nécessaire à une mission d'intérêt public "
                  f"({source('rgpd-6-1-e').reference()}) ; le droit à l'effacement ne "
                  f"s'applique pas dans ce cas ({source('rgpd-17-3-b').reference()}). Les "
                  f"notes, les absences et le compte seront supprimés de l'ENT au plus tard "
                  f"trois mois après le départ de l'établissement "
                  f"({source('arrete-ent-6').reference()}). Les contributions au forum ou au "
                  f"blog, elles, peuvent être retirées (service=\"forum\" ou \"blog\").")


def _opposition(ent, demande, resultat):
    if demande.detail("cible") == "parents":
        opposition = ent.autorisation.enregistrer_opposition(demande.concerne,
                                                             par=demande.demandeur)
        return True, opposition.code, opposition.message
    if demande.detail("service") in CONTRIBUTIONS:
        return _contributions(ent, demande, resultat, "opposition_acceptee",
                              source("rgpd-21-1").reference())
    return _refus("opposition_refusee_motifs_imperieux",
                  f"Refusé : l'ENT est un traitement nécessaire à une mission d'intérêt public "
                  f"({source('rgpd-6-1-e').reference()}) ; le lycée peut le poursuivre pour "
                  f"des motifs légitimes et impérieux ({source('rgpd-21-1').reference()}) — "
                  f"informer l'élève et sa famille de la scolarité, suivre l'assiduité. "
                  f"L'opposition est acceptée pour les contributions au forum ou au blog "
                  f"(service=\"forum\" ou \"blog\") ; un élève majeur peut aussi s'opposer à "
                  f"ce que ses parents consultent ses données (cible=\"parents\").")


def _limitation(ent, demande, resultat):
    motif = _motif_limitation(demande.detail("motif"))
    registre_des_demandes(ent).limitations[demande.concerne] = (ent.horloge.maintenant(), motif)
    ent.journal.enregistrer("traitement_limite", identite=demande.demandeur,
                            objet=f"données {de(_nom(ent, demande.concerne))}",
                            detail=f"Demande n° {demande.numero} : {MOTIFS_LIMITATION[motif]}.")
    return True, "limitation_appliquee", (
        f"Limitation appliquée ({source('rgpd-18').reference()}) : "
        f"{MOTIFS_LIMITATION[motif]}. Les données {de(_nom(ent, demande.concerne))} sont "
        f"conservées sans autre traitement : ni effacement ni purge tant que la limitation "
        f"dure (dans la simulation, les lectures des personnes habilitées restent possibles).")


_TRAITEMENTS = {"acces": _acces, "rectification": _rectification, "effacement": _effacement,
                "limitation": _limitation, "opposition": _opposition}


def traiter(ent: ENT, numero: int) -> ResultatDroit:
    """Répond à une demande en cours : qualité du demandeur, puis règle du droit. Tracé au
    journal (``demande_droit_traitee`` ou ``demande_droit_refusee``) au nom du demandeur.
    Les précisions ont été vérifiées à la réception ; un refus venu d'une règle (l'opposition
    d'un élève mineur à l'accès de ses parents…) devient une réponse négative motivée."""
    registre = registre_des_demandes(ent)
    demande = registre.demande(numero)
    if demande.statut != "en_cours":
        raise ValeurInvalide(f"La demande n° {numero} a déjà reçu sa réponse.",
                             code="demande_close")
    resultat: dict = {}
    refus = _qualite(ent, demande)
    if refus is not None:
        ok, code, message = _refus(*refus)
    else:
        try:
            ok, code, message = _TRAITEMENTS[demande.droit](ent, demande, resultat)
        except ErreurENT as erreur:         # opposition d'un mineur, acteur non habilité…
            ok, code, message = _refus(getattr(erreur, "code", None) or "refus", str(erreur))
    demande = registre.mettre_a_jour(demande, statut="traitee" if ok else "refusee",
                                     reponse_le=ent.horloge.maintenant(), code=code,
                                     message=message)
    ent.journal.enregistrer("demande_droit_traitee" if ok else "demande_droit_refusee",
                            identite=demande.demandeur, resultat="succes" if ok else "echec",
                            objet=f"demande n° {demande.numero} ({demande.libelle}) pour "
                                  f"{_nom(ent, demande.concerne)}",
                            detail=message)
    return ResultatDroit(ok, code, message, demande, resultat.get("export"),
                         resultat.get("effaces", {}))


def exercer(ent: ENT, demandeur: str, droit: str, concerne: str | None = None,
            **details) -> ResultatDroit:
    """Une demande reçue et traitée tout de suite : ``exercer(ent, "lea.martin", "acces")``,
    ``exercer(ent, "sophie.martin", "rectification", "lea.martin", champ="date_naissance",
    valeur="14/03/2009")``, ``exercer(ent, "lea.martin", "opposition", service="forum")``.
    ``details`` : ``chemin`` (accès : écrire l'export), ``champ``/``valeur``
    (rectification), ``service`` (effacement, opposition : « forum », « blog »), ``cible``
    (« parents »), ``motif`` (limitation), ``accord_de_l_eleve`` (parent d'un élève majeur).
    Voir la docstring du module pour les règles."""
    demande = recevoir(ent, demandeur, droit, concerne, **details)
    return traiter(ent, demande.numero)


_DETAILS = {"acces": {"chemin"}, "rectification": {"champ", "valeur"},
            "effacement": {"service"}, "limitation": {"motif"},
            "opposition": {"service", "cible"}}


def _verifier_details(ent: ENT, droit: str, details: dict) -> None:
    """Les précisions de la demande, vérifiées AVANT de l'enregistrer : une saisie fausse ne
    laisse ni demande ni ligne au journal."""
    permis = _DETAILS[droit] | {"accord_de_l_eleve"}
    inconnus = sorted(set(details) - permis)
    if inconnus:
        raise ValeurInvalide(f"Précision inconnue pour le {DROITS[droit][0]} : "
                             f"{', '.join(inconnus)} (possibles : "
                             f"{', '.join(sorted(permis))}).", code="precision_inconnue")
    accord = details.get("accord_de_l_eleve", False)
    if not isinstance(accord, bool):
        raise ValeurInvalide(f"« accord_de_l_eleve » vaut True ou False (reçu : {cite(accord)}).",
                             code="accord_invalide")
    if "chemin" in details:
        verifier_chemin_export(details["chemin"])
    if "service" in details:
        codes = [s.code for s in ent.catalogue]
        if details["service"] not in codes:
            raise ValeurInvalide(f"Service inconnu : {cite(details['service'])} (possibles : "
                                 f"{', '.join(codes)}).", code="service_inconnu")
    if "cible" in details and details["cible"] != "parents":
        raise ValeurInvalide(f"cible={cite(details['cible'])} : la seule cible possible est "
                             f"« parents » (un élève majeur s'oppose à ce que ses parents "
                             f"consultent ses données).", code="cible_inconnue")
    if droit == "rectification":
        _valeur_rectifiee(ent, details.get("champ"), details.get("valeur"))
    if droit == "limitation":
        _motif_limitation(details.get("motif"))


def _motif_limitation(motif: object) -> str:
    if motif not in MOTIFS_LIMITATION:
        possibles = ", ".join(f"« {m} »" for m in MOTIFS_LIMITATION)
        raise ValeurInvalide(f"Dites pourquoi limiter : motif={cite(motif)} n'est pas un cas "
                             f"de l'art. 18.1 (possibles : {possibles}).",
                             code="motif_limitation_inconnu")
    return motif  # type: ignore[return-value]
