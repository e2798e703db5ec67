"""La validation des tickets de service par le serveur CAS (``/p3/serviceValidate``).

*CAS Protocol 3.0 Specification* (version 3.0.3, Apereo), sections 2.5 et 2.8 : un service
qui reçoit un ticket le présente au serveur, qui répond par l'identité de l'utilisateur (et
ses attributs) ou par un code d'échec (section 2.5.3). Les vérifications sont une liste
ordonnée de clauses de garde, comme dans django-mama-cas, chacune avec son code CAS ; le
résultat est toujours un objet :class:`~entsim.sso.reponses.Validation`, jamais un tuple ni
``None``.

Un ticket de service ne sert qu'une fois (section 3.1.1 : « Whether or not validation was
successful, CAS MUST then invalidate the ticket ») : c'est la seule modification que fait
une validation, en plus du ménage des sessions SSO expirées (:meth:`SessionsCAS.nettoyer`),
fait avant chaque opération du serveur.

Cas limites :

* un ticket dont la session SSO (TGT) a dépassé sa durée maximale ou son inactivité maximale
  est refusé à la validation même, sans attendre qu'un navigateur revienne : comme le
  serveur de référence Apereo CAS, pour qui un ticket est expiré dès que son TGT l'est
  (classe ``AbstractTicket``, méthode ``isExpired``) ; SDET : « Suite à une période
  d'inactivité ou après une certaine durée, les services AAS DOIVENT demander une nouvelle
  authentification de l'utilisateur » ;
* toute erreur pendant la construction des attributs, quelle qu'elle soit, devient
  ``INTERNAL_ERROR`` (« an internal error occurred during ticket validation », section
  2.5.3), journalisée, et le ticket reste consommé (section 3.1.1) ;
* le ticket et l'adresse reçus ne sont recopiés dans la réponse et le journal qu'après
  :func:`~entsim.sso.reponses.recopie` (XML 1.0 bien formé, longueur bornée).

:class:`ValidationCAS` est une partie de :class:`entsim.sso.serveur.ServeurCAS` (classe mère) : elle
lit le registre des services et les tickets du serveur.
"""

from __future__ import annotations

from types import MappingProxyType

from entsim.sso.etat import EtatServeurCAS
from entsim.sso.reponses import (
    INTERNAL_ERROR,
    INVALID_REQUEST,
    INVALID_SERVICE,
    INVALID_TICKET,
    INVALID_TICKET_SPEC,
    Validation,
    _normaliser_attributs,
    recopie,
)
from entsim.sso.tickets import (LONGUEUR_MAX_TICKET, MOTIF_TICKET_SERVICE, MOTIFS_FIN, PREFIXE_PT,
                                TicketDeService, _duree_lisible)
from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.socle.texte import accorder, cite


class ValidationCAS(EtatServeurCAS):
    """``/p3/serviceValidate`` : la validation d'un ticket présenté par un service."""

    # -- /p3/serviceValidate (sections 2.5 et 2.8) ---------------------------------------
    def valider(self, ticket: str | None, service_url: str | None, *,
                renew: bool = False) -> Validation:
        """Valide un ticket de service présenté par un service (``/p3/serviceValidate``).

        Les sessions SSO expirées sont d'abord fermées (:meth:`SessionsCAS.nettoyer`) : leurs
        tickets sont détruits. Puis les vérifications, dans l'ordre (comme django-mama-cas),
        chacune avec son code CAS (section 2.5.3) :

        1. paramètres ``ticket`` et ``service`` présents — sinon ``INVALID_REQUEST`` ;
        2. format : commence par ``ST-``, caractères de la section 3.7 — sinon
           ``INVALID_TICKET_SPEC`` (un ticket de proxy ``PT-`` n'est pas accepté ici,
           section 2.5) ;
        3. ticket connu, et sa session SSO encore ouverte (ni déconnexion, ni durée maximale,
           ni inactivité dépassées) — sinon ``INVALID_TICKET`` ;
        4. pas encore présenté — sinon ``INVALID_TICKET`` ;
        5. pas expiré — sinon ``INVALID_TICKET`` ;
        6. présenté par le service pour lequel il a été émis (et service enregistré) —
           sinon ``INVALID_SERVICE`` ; ``service`` est l'adresse (URL) du service, telle
           qu'enregistrée : section 2.5.1, « the identifier of the service for which the
           ticket was issued, as discussed in Section 2.2.1 », où ``service`` est « the URL
           of the application ». La spécification ne prévoit aucune normalisation : la
           comparaison est exacte, et le code interne d'un service (``"notes"``) n'est pas
           son adresse ;
        7. si ``renew`` : ticket émis juste après la saisie des identifiants — sinon
           ``INVALID_TICKET`` ;
        8. attributs d'identité construits — sinon ``INTERNAL_ERROR``, quelle que soit
           l'erreur.

        Toute tentative qui atteint un ticket existant le **consomme**, quel que soit le
        résultat (section 3.1.1 : « Whether or not validation was successful, CAS MUST
        then invalidate the ticket »). C'est la seule modification : rien d'autre ne change.
        Une requête incomplète ou mal formée n'atteint aucun ticket (comme le serveur
        Apereo, qui répond ``INVALID_REQUEST`` avant de chercher le ticket).
        """
        for nom, valeur in (("ticket", ticket), ("service", service_url)):
            if valeur is not None and not isinstance(valeur, str):
                raise ValeurInvalide(f"« {nom} » doit être un texte (reçu : {cite(valeur)}).")
        self._verifier_booleens(renew=renew)
        self.nettoyer()  # sessions SSO expirées fermées, leurs tickets détruits
        maintenant = self.horloge.maintenant()
        etapes: list[str] = []
        # par l'adresse seulement, comparée telle quelle (section 2.5.1, voir l'étape 6)
        presentateur = next((s for s in self._services.values() if s.url == service_url), None)
        code_presentateur = presentateur.code if presentateur is not None else None
        # ce qui peut être recopié de la requête (XML bien formé, longueur bornée)
        lu = recopie(ticket) if ticket else ""
        adresse = recopie(service_url) if service_url else ""

        def refus(code: str, message: str, t: TicketDeService | None) -> Validation:
            etapes.append(f"Refus : {code}")
            if t is not None and t.resultat is None:
                t.resultat, t.code_refus = "refusé", code
            self.journal.enregistrer(
                "ticket_refuse", identite=t.identifiant if t else None,
                service=code_presentateur or (t.code_service if t else None),
                poste=t.poste if t else None, resultat="echec", objet=lu or None,
                detail=f"{code} : {message}")
            return Validation(ok=False, ticket=ticket, service=service_url, code=code,
                              message=message, instant=maintenant, etapes=tuple(etapes))

        # 1. paramètres présents
        if not ticket or not service_url:
            manquants = [n for n, v in (("ticket", ticket), ("service", service_url)) if not v]
            return refus(INVALID_REQUEST,
                         "Requête incomplète : "
                         + accorder(len(manquants), "paramètre obligatoire manquant",
                                    "paramètres obligatoires manquants")[2:] + " : "
                         + ", ".join(f"« {m} »" for m in manquants) + ".", None)
        etapes.append("Paramètres « ticket » et « service » présents")
        # 2. format
        if ticket.startswith(PREFIXE_PT):
            return refus(INVALID_TICKET_SPEC,
                         f"« {lu} » est un ticket de proxy (PT-) : /p3/serviceValidate "
                         "ne valide que les tickets de service (ST-).", None)
        if not MOTIF_TICKET_SERVICE.fullmatch(ticket) or len(ticket) > LONGUEUR_MAX_TICKET:
            return refus(INVALID_TICKET_SPEC,
                         f"« {lu} » n'est pas un ticket de service : il doit commencer "
                         "par « ST- » et ne contenir que des lettres sans accent, des "
                         "chiffres et des tirets.", None)
        etapes.append("Format correct (« ST- », lettres, chiffres, tirets)")
        # 3. ticket connu
        t = self._tickets.get(ticket)
        if t is None:
            return refus(INVALID_TICKET, f"Ticket {lu} inconnu : ce serveur ne l'a "
                                         "jamais émis.", None)
        deja_presente = t.presente_le
        if deja_presente is None:
            t.presente_le = maintenant  # consommé : une seule tentative (3.1.1)
        fin_tgt = self._tgts[t.tgt].motif_fin
        # un ticket déjà périmé quand sa session a expiré est dit « expiré » (étape 5)
        perime_avant = (t.detruit_le is not None and t.detruit_le > t.expire_le
                        and fin_tgt in ("inactivite", "duree_max"))
        if t.detruit_le is not None and deja_presente is None and not perime_avant:
            motif = MOTIFS_FIN.get(fin_tgt or "")
            return refus(INVALID_TICKET, f"Ticket {lu} détruit : la session SSO qui "
                                         "l'avait émis a été fermée"
                                         + (f" ({motif})." if motif else "."), t)
        etapes.append("Ticket connu")
        # 4. pas encore présenté
        if deja_presente is not None:
            return refus(INVALID_TICKET,
                         f"Ticket {lu} déjà présenté à {deja_presente:%H:%M:%S} : un "
                         "ticket de service ne sert qu'une fois, même si la première "
                         "tentative a échoué.", t)
        etapes.append("Première présentation du ticket")
        # 5. pas expiré
        if maintenant > t.expire_le:
            return refus(INVALID_TICKET,
                         f"Ticket {lu} expiré : émis à {t.emis_le:%H:%M:%S}, il n'était "
                         f"valable que {_duree_lisible(self.duree_ticket)}.", t)
        etapes.append(f"Ticket encore valable (émis à {t.emis_le:%H:%M:%S})")
        # 6. bon service
        if presentateur is None and service_url in self._services:
            return refus(INVALID_SERVICE,
                         f"« {adresse} » est le code du service « "
                         f"{self._services[service_url].nom} », pas son adresse : le paramètre "
                         f"« service » est l'adresse du service "
                         f"({self._services[service_url].url}, spécification CAS 3.0, "
                         f"section 2.5.1) ; le ticket {lu} est désormais invalidé.", t)
        if presentateur is None:
            return refus(INVALID_SERVICE,
                         f"Le service {adresse} n'est pas enregistré auprès du serveur "
                         f"CAS ; le ticket {lu} est désormais invalidé.", t)
        if presentateur.url != t.service:
            return refus(INVALID_SERVICE,
                         f"Ticket {lu} émis pour « {self._nom_service(t)} » mais "
                         f"présenté par « {presentateur.nom} » : il est désormais invalidé.",
                         t)
        etapes.append(f"Présenté par le bon service (« {presentateur.nom} »)")
        # 7. renew
        if renew and not t.identifiants_presentes:
            return refus(INVALID_TICKET,
                         f"Ticket {lu} émis grâce à la session SSO, sans saisie des "
                         "identifiants : refusé, car le service exige une authentification "
                         "récente (renew).", t)
        if renew:
            etapes.append("« renew » satisfait : identifiants saisis juste avant")
        # 8. attributs d'identité (propagation de l'identité, SDET) : toute erreur, et pas
        # seulement celles d'entsim, devient INTERNAL_ERROR (section 2.5.3)
        try:
            attributs = _normaliser_attributs(
                self.attributs(t.identifiant) if self.attributs is not None else {})
        except ErreurENT as erreur:
            return refus(INTERNAL_ERROR, "Erreur interne pendant la validation : "
                                         + recopie(str(erreur)), t)
        except Exception as erreur:  # noqa: BLE001 — une erreur du service d'identité
            return refus(INTERNAL_ERROR,
                         "Erreur interne pendant la validation : les attributs d'identité de "
                         f"{t.identifiant} n'ont pas pu être construits (erreur "
                         f"{type(erreur).__name__} du service de propagation de "
                         "l'identité).", t)
        tgt = self._tgts[t.tgt]
        t.resultat = "validé"
        etapes.append(f"Identité transmise : {t.identifiant}"
                      + (f" et {accorder(len(attributs), 'attribut')}" if attributs else ""))
        message = (f"Ticket {ticket} validé : l'identité de {t.identifiant} est transmise à "
                   f"« {presentateur.nom} ».")
        self.journal.enregistrer("ticket_valide", identite=t.identifiant,
                                 service=presentateur.code, poste=t.poste, objet=ticket,
                                 detail=message)
        return Validation(ok=True, ticket=ticket, service=service_url, code=None,
                          message=message, utilisateur=t.identifiant,
                          attributs=MappingProxyType(attributs),
                          authentifie_le=tgt.authentifie_le,
                          nouvelle_connexion=t.identifiants_presentes, instant=maintenant,
                          etapes=tuple(etapes))

    def _nom_service(self, t: TicketDeService) -> str:
        service = self._services.get(t.code_service)
        return service.nom if service is not None else t.code_service
