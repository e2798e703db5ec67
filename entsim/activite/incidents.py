"""Les incidents plantés pour l'enquête de la partie 3 : où et quand, c'est la graine qui
le décide ; ils sont rendus avec les données (:class:`~entsim.activite.resultat.Incident`)
pour que les exercices vérifient les réponses.

* ``force_brute`` — une rafale de tentatives sur un compte depuis un poste inconnu (adresse
  du bloc 203.0.113.0/24, réservé à la documentation par la RFC 5737) ; le blocage de l'ENT
  se voit : la politique réelle (:class:`entsim.authentification.verrouillage.Verrouillage`,
  5 échecs → 15 min : un réglage de l'ENT, la CNIL — délibération 2022-100, cas n° 2 —
  recommandant un blocage ou une temporisation sans en fixer les chiffres) et ses textes
  sont réutilisés.
* ``parent_curieux`` — un parent tente de lire les notes d'élèves qui ne sont pas ses
  enfants ; ``initie_curieux`` — un enseignant, celles d'élèves d'une classe où il n'enseigne
  pas. Les refus sont les vrais : ``ent.autorisation.evaluer`` (raison dans « Détail »).
* ``compte_prete`` — deux sessions du même élève, en même temps, sur deux postes.
* ``session_oubliee_cdi`` — un élève quitte le poste du CDI sans se déconnecter ; plus de
  20 minutes après, des services sont ouverts sous son identité sur ce poste sans nouvelle
  « Connexion réussie » (la session SSO vit encore : 2 h d'inactivité au plus,
  :data:`entsim.sso.tickets.INACTIVITE_MAX_PAR_DEFAUT`).

Toutes les lignes d'un incident portent l'identité du compte concerné, entre son début et
sa fin ; l'activité normale de ce compte ce jour-là est retirée : ``numeros`` est donc
exactement l'ensemble des lignes de cette identité entre ``debut`` et ``fin``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np

from entsim.activite.lignes import (ACCES, BLOQUE, CONNEXION, DECONNEXION, DETAIL_CONNEXION,
                                    DETAIL_EMIS_APRES_SAISIE, DETAIL_EMIS_SSO, DETAIL_TGT,
                                    ECHEC, EMIS, INFO, PROPAGEE, R_ECHEC, REFUS,
                                    REFUS_BLOCAGE, TGT, VALIDE, Lignes, detail_deconnexion)
from entsim.activite.resultat import Incident
from entsim.activite.sessions import CDI, POSTES, SALLE_DES_PROFS, TELEPHONE
from entsim.authentification.verrouillage import Verrouillage, _duree_fr, _heure
from entsim.autorisation.habilitations import Action, ContexteAcces, Ressource, de
from entsim.socle.texte import accorder
from entsim.etablissement.annuaire import Eleve, Enseignant, Parent
from entsim.sso.tickets import INACTIVITE_MAX_PAR_DEFAUT

__all__ = ["planter_incidents", "Plantes", "LIBELLES", "REUTILISATION_MIN"]

LIBELLES = {"force_brute": "Attaque par force brute",
            "parent_curieux": "Parent qui consulte les notes d'autres élèves",
            "compte_prete": "Compte prêté (deux postes en même temps)",
            "initie_curieux": "Enseignant qui consulte les notes d'une autre classe",
            "session_oubliee_cdi": "Session oubliée sur un poste du CDI"}
#: Délai au-delà duquel une reprise de session sans connexion est suspecte.
REUTILISATION_MIN = timedelta(minutes=20)


class _Incident:
    """Les lignes d'un incident, en attente des numéros de TGT et de ST."""

    def __init__(self, code: str, personne: int, poste: int, cible: str | None,
                 compteurs: dict[str, int]) -> None:
        self.code, self.personne, self.poste, self.cible = code, personne, poste, cible
        self.description = ""
        self.lignes: list[tuple] = []   # (temps, op, service, poste, résultat, détail, objet)
        self.compteurs = compteurs      # tickets des incidents, numérotés à la suite

    def ticket(self, sorte: str) -> tuple[str, int]:
        self.compteurs[sorte] += 1
        return (sorte, self.compteurs[sorte])
        self.lignes: list[tuple] = []   # (temps, op, service, poste, résultat, détail, objet)

    def ajouter(self, temps, op, detail="", *, service=-1, poste=None, resultat=0,
                objet="") -> None:
        self.lignes.append((int(temps), op, service, self.poste if poste is None else poste,
                            resultat, detail, objet))


class Plantes:
    """Les incidents plantés : sessions normales à retirer, lignes à ajouter, et les
    :class:`Incident` une fois le journal trié."""

    def __init__(self, pop, garder: np.ndarray, postes: list[str], liste: list[_Incident],
                 debut: date) -> None:
        self.pop, self.garder, self.postes, self.liste = pop, garder, postes, liste
        self.debut = datetime.combine(debut, datetime.min.time())

    def lignes(self, n_sessions: int, n_services: int, n_lignes: int) -> Lignes:
        textes = self.pop.textes
        base = {"TGT": n_sessions, "ST": n_services}
        rangees = []
        for k, inc in enumerate(self.liste):
            for temps, op, service, poste, resultat, detail, objet in inc.lignes:
                if isinstance(objet, tuple):          # un ticket : numéroté après les autres
                    objet = f"{objet[0]}-{base[objet[0]] + objet[1]}"
                rangees.append((temps, op, inc.personne, service, poste, resultat,
                                textes.code(detail), textes.code(objet), k))
        L = Lignes.vide(len(rangees))
        if rangees:
            colonnes = list(zip(*rangees))
            for nom, valeurs in zip(("temps", "operation", "personne", "service", "poste",
                                     "resultat", "detail", "objet", "incident"), colonnes):
                getattr(L, nom)[:] = valeurs
        L.ordre[:] = n_lignes + np.arange(len(rangees), dtype=np.int32)
        return L

    def incidents(self, journal, numero_incident: np.ndarray) -> tuple[Incident, ...]:
        resultat = []
        postes = list(POSTES) + self.postes
        for k, inc in enumerate(self.liste):
            positions = np.flatnonzero(numero_incident == k)
            dates = journal["Date"].to_numpy()[positions]
            resultat.append(Incident(
                inc.code, LIBELLES[inc.code], self.pop.identites[inc.personne],
                _en_datetime(dates.min()), _en_datetime(dates.max()), postes[inc.poste],
                inc.description, tuple(int(p) + 1 for p in positions), inc.cible))
        return tuple(resultat)


def _en_datetime(valeur) -> datetime:
    import pandas as pd
    return pd.Timestamp(valeur).to_pydatetime()


def _session(inc: _Incident, pop, t: int, services: list[tuple[int, list[tuple]]], *,
             deconnexion: bool, poste: int | None = None, connexion: bool = True) -> int:
    """Les lignes d'une session (comme :mod:`entsim.activite.lignes`) ; ``services`` :
    (code du service, [(op, objet, détail, résultat)…]). Renvoie l'instant de la fin."""
    tgt = None
    if connexion:
        tgt = inc.ticket("TGT")
        inc.ajouter(t, CONNEXION, DETAIL_CONNEXION, poste=poste)
        inc.ajouter(t, TGT, DETAIL_TGT, poste=poste, objet=tgt)
    tickets = []
    for j, (service, operations) in enumerate(services):
        st = inc.ticket("ST")
        tickets.append(st)
        t += 3 if j == 0 and connexion else 45
        inc.ajouter(t, ACCES, pop.textes.liste[pop.detail_acces[(inc.personne, service)]],
                    service=service, poste=poste)
        inc.ajouter(t, EMIS, DETAIL_EMIS_APRES_SAISIE if j == 0 and connexion
                    else DETAIL_EMIS_SSO, service=service, poste=poste, objet=st)
        inc.ajouter(t, VALIDE, f"Ticket validé : l'identité de {pop.identites[inc.personne]} "
                    f"est transmise à « {pop.noms_services[service]} ».", service=service,
                    poste=poste, objet=st)
        for op, objet, detail, resultat in operations:
            t += 25
            inc.ajouter(t, op, detail, service=service, poste=poste, resultat=resultat,
                        objet=objet)
    if deconnexion and tgt is not None:
        t += 30
        inc.ajouter(t, DECONNEXION, detail_deconnexion(len(services)), poste=poste,
                    objet=tgt)
        for (service, _), st in zip(services, tickets):
            inc.ajouter(t, PROPAGEE, f"Demande de déconnexion reçue par « "
                        f"{pop.noms_services[service]} » : session de "
                        f"{pop.identites[inc.personne]} ouverte par ce ticket fermée.",
                        service=service, poste=poste, objet=st)
    return t


def _lecture(ent, pop, qui: int, ressource: Ressource, contexte) -> tuple | None:
    """Une ligne d'accès (autorisé ou refusé) : la vraie décision de l'autorisation."""
    d = ent.autorisation.evaluer(pop.identites[qui], Action.LIRE, ressource, contexte=contexte)
    return (ACCES if d.autorise else REFUS, f"{d.objet} ({d.action.value})", d.raison,
            0 if d.autorise else R_ECHEC)


# ======================================================================================
# Où et quand : la graine décide
# ======================================================================================

def _moment(rng, jours: np.ndarray, heures: tuple[int, int]) -> int:
    """Un instant (secondes depuis le premier jour) : un jour parmi ``jours``, une heure
    dans [heures[0], heures[1][, entre h:00 et h:15."""
    jour = int(jours[rng.integers(0, len(jours))])
    return (jour * 86400 + int(rng.integers(*heures)) * 3600
            + int(rng.integers(0, 15)) * 60 + int(rng.integers(0, 60)))


def planter_incidents(ent, pop, sessions, calendrier, debut: date, nombre_de_jours: int,
                      rng: np.random.Generator) -> Plantes:
    """Choisit (graine) qui, où et quand pour chaque incident, prépare ses lignes et
    retire l'activité normale du compte concerné ce jour-là."""
    natures = calendrier.codes(debut, nombre_de_jours)
    cours = np.flatnonzero(natures == 0)
    tous = np.arange(nombre_de_jours)
    if len(cours) == 0:
        cours = tous
    etab = ent.etablissement
    personnes = [etab.personnes[i] for i in pop.identites]
    compteurs = {"TGT": 0, "ST": 0}
    code = {s: i for i, s in enumerate(pop.services)}
    notes, cahier, messagerie = code.get("notes"), code.get("cahier_de_textes"), \
        code.get("messagerie")
    eleves = [i for i, p in enumerate(personnes) if isinstance(p, Eleve)
              and (i, cahier) in pop.detail_acces and (i, notes) in pop.detail_acces]
    liste: list[_Incident] = []
    postes: list[str] = []
    retirer: list[tuple[int, int]] = []          # (personne, jour)
    debut_dt = datetime.combine(debut, datetime.min.time())

    def contexte(t: int, lieu: str = "exterieur"):
        return ContexteAcces(debut_dt + timedelta(seconds=t), lieu)

    def jour_de(t: int) -> int:
        return t // 86400

    # -- force brute -------------------------------------------------------------------
    if eleves:
        cible = eleves[int(rng.integers(0, len(eleves)))]
        postes.append(f"Poste inconnu (adresse 203.0.113.{int(rng.integers(1, 255))})")
        inc = _Incident("force_brute", cible, len(POSTES) + len(postes) - 1,
                        pop.identites[cible], compteurs)
        t = _moment(rng, tous, (1, 5))
        politique = Verrouillage()
        tentatives = int(rng.integers(30, 201))
        duree = int(rng.integers(120, 360))
        pas = np.sort(rng.integers(0, duree, tentatives))
        fin_blocage = None
        for k in range(tentatives):
            instant = t + int(pas[k])
            if k < politique.seuil:
                inc.ajouter(instant, ECHEC, f"Mot de passe incorrect. Échec successif n° "
                            f"{k + 1}.", resultat=R_ECHEC)
                if k + 1 == politique.seuil:
                    fin_blocage = debut_dt + timedelta(seconds=instant) + politique.duree
                    inc.ajouter(instant, BLOQUE, f"{politique.seuil} échecs successifs : "
                                f"accès refusé pendant {_duree_fr(politique.duree)}, jusqu'à "
                                f"{_heure(fin_blocage)}.", resultat=INFO)
            else:
                inc.ajouter(instant, REFUS_BLOCAGE, f"Tentative (connexion) pendant le "
                            f"blocage, qui dure jusqu'à {_heure(fin_blocage)} ; non vérifiée.",
                            resultat=R_ECHEC)
        inc.description = (
            f"{tentatives} tentatives de connexion en {duree // 60} min sur le compte "
            f"{de(pop.noms[cible])}, depuis un poste inconnu : {politique.seuil} lignes "
            f"« Échec de connexion » puis « Compte bloqué » et {tentatives - politique.seuil} "
            f"« Connexion refusée (compte bloqué) » ({politique.decrire()[:-1].lower()}).")
        liste.append(inc)
        retirer.append((cible, jour_de(t)))

    # -- parent curieux ----------------------------------------------------------------
    parents = [i for i, p in enumerate(personnes) if isinstance(p, Parent) and p.enfants
               and (i, notes) in pop.detail_acces]
    if parents and len(eleves) > 1:
        qui = parents[int(rng.integers(0, len(parents)))]
        t = _moment(rng, cours, (19, 22))
        ctx = contexte(t)
        enfant = next((e for e in personnes[qui].enfants if e in pop.index), None)
        classe = getattr(etab.personnes.get(enfant), "classe", "")
        voisins = [e for e in (etab.classes[classe].eleves if classe in etab.classes else [])
                   if e not in personnes[qui].enfants] or \
            [pop.identites[e] for e in eleves if pop.identites[e] not in personnes[qui].enfants]
        choisis = [voisins[k] for k in rng.choice(len(voisins), min(len(voisins),
                                                                    int(rng.integers(3, 7))),
                                                  replace=False)]
        ops = [_lecture(ent, pop, qui, Ressource.notes_de(enfant), ctx)] if enfant else []
        ops += [_lecture(ent, pop, qui, Ressource.notes_de(e), ctx) for e in choisis]
        ops = [o for o in ops if o[0] == ACCES] + [o for o in ops if o[0] == REFUS]
        inc = _Incident("parent_curieux", qui, int(pop.poste_maison[qui]), classe or None,
                        compteurs)
        _session(inc, pop, t, [(notes, ops)], deconnexion=True)
        refus = sum(1 for o in ops if o[0] == REFUS)
        inc.description = (
            f"{pop.noms[qui]} (profil Parent) ouvre les notes puis tente de lire celles "
            f"{de(accorder(refus, 'élève'))} qui ne sont pas ses enfants : "
            f"{accorder(refus, 'ligne')} « Accès refusé » (service notes), avec la raison "
            f"donnée par l'autorisation.")
        liste.append(inc)
        retirer.append((qui, jour_de(t)))

    # -- compte prêté ------------------------------------------------------------------
    if eleves:
        qui = eleves[int(rng.integers(0, len(eleves)))]
        t = _moment(rng, cours, (12, 13))
        inc = _Incident("compte_prete", qui, CDI, None, compteurs)
        lire = [_lecture(ent, pop, qui, Ressource.notes_de(pop.identites[qui]),
                         contexte(t, "etablissement"))]
        _session(inc, pop, t, [(cahier, []), (notes, lire)], deconnexion=False, poste=CDI)
        t2 = t + int(rng.integers(20, 60))
        fin = _session(inc, pop, t2, [(notes, lire)], deconnexion=True, poste=TELEPHONE)
        inc.description = (
            f"Le compte {de(pop.noms[qui])} a deux sessions ouvertes en même temps : au "
            f"« Poste du CDI » et sur un « Téléphone », deux « Connexion réussie » à "
            f"{(t2 - t)} s d'écart (fin à {_heure(debut_dt + timedelta(seconds=fin))}).")
        liste.append(inc)
        retirer.append((qui, jour_de(t)))

    # -- initié curieux ----------------------------------------------------------------
    candidats = []
    for i, p in enumerate(personnes):
        if isinstance(p, Enseignant) and (i, notes) in pop.detail_acces:
            autres = [c for c in etab.classes if c not in p.classes and etab.classes[c].eleves]
            if autres:
                candidats.append((i, autres))
    if candidats:
        qui, autres = candidats[int(rng.integers(0, len(candidats)))]
        classe = autres[int(rng.integers(0, len(autres)))]
        t = _moment(rng, cours, (12, 14))
        ctx = contexte(t, "etablissement")
        eleves_classe = etab.classes[classe].eleves
        choisis = [eleves_classe[k] for k in rng.choice(
            len(eleves_classe), min(len(eleves_classe), int(rng.integers(3, 9))),
            replace=False)]
        ops = [_lecture(ent, pop, qui, Ressource.notes_de(e), ctx) for e in choisis]
        ops = [o for o in ops if o[0] == REFUS]
        if ops:
            inc = _Incident("initie_curieux", qui, SALLE_DES_PROFS, classe, compteurs)
            _session(inc, pop, t, [(notes, ops)], deconnexion=True)
            inc.description = (
                f"{pop.noms[qui]} (profil Enseignant) tente de lire les notes d'élèves de "
                f"{classe}, une classe qui n'est pas la sienne "
                f"({accorder(len(ops), 'élève visé', 'élèves visés')}) : "
                f"{accorder(len(ops), 'ligne')} « Accès refusé » (service notes), "
                f"{'tracée' if len(ops) == 1 else 'tracées'} par l'autorisation.")
            liste.append(inc)
            retirer.append((qui, jour_de(t)))

    # -- session oubliée au CDI ----------------------------------------------------------
    if eleves and messagerie is not None:
        candidats_cdi = [e for e in eleves if (e, messagerie) in pop.detail_acces]
        qui = candidats_cdi[int(rng.integers(0, len(candidats_cdi)))] if candidats_cdi \
            else None
        if qui is not None:
            t = _moment(rng, cours, (10, 15))
            inc = _Incident("session_oubliee_cdi", qui, CDI, pop.identites[qui], compteurs)
            ctx = contexte(t, "etablissement")
            fin = _session(inc, pop, t, [(cahier, [_lecture(
                ent, pop, qui, Ressource.cahier_de_textes_de(personnes[qui].classe), ctx)])],
                deconnexion=False)
            ecart = int(rng.integers(REUTILISATION_MIN.seconds + 300,
                                     min(INACTIVITE_MAX_PAR_DEFAUT.seconds - 600, 95 * 60)))
            boite = _lecture(ent, pop, qui, Ressource.messages_de(pop.identites[qui]), ctx)
            reprise = _session(inc, pop, fin + ecart, [(messagerie, [boite]),
                                                       (notes, [_lecture(
                                                           ent, pop, qui, Ressource.notes_de(
                                                               pop.identites[qui]), ctx)])],
                               deconnexion=False, connexion=False)
            inc.description = (
                f"{pop.noms[qui]} se connecte au « Poste du CDI » et part sans se déconnecter "
                f"(aucune ligne « Déconnexion ») ; {ecart // 60} min plus tard, la messagerie "
                f"et les notes sont ouvertes sous son identité sur ce poste sans nouvelle "
                f"« Connexion réussie » : tickets « émis grâce à la session SSO » "
                f"(fin à {_heure(debut_dt + timedelta(seconds=reprise))}).")
            liste.append(inc)
            retirer.append((qui, jour_de(t)))

    garder = np.ones(len(sessions), dtype=bool)
    jour_session = sessions.debut // 86400
    for qui, jour in retirer:
        garder &= ~((sessions.personne == qui) & (jour_session == jour))
    return Plantes(pop, garder, postes, liste, debut)
