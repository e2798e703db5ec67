"""Des sessions aux lignes du journal, vectorisé : chaque session donne ses lignes dans
l'ordre où l'AAS les écrit (voir un vrai parcours : ``ent.parcours("lea.martin")`` puis
``ent.journal.tableau()``) :

1. (parfois) « Échec de connexion » — une faute de frappe —, puis « Connexion réussie » ;
2. « Session SSO ouverte (TGT) » ;
3. pour chaque service ouvert, les trois lignes du CAS : « Accès autorisé » (le service),
   « Ticket de service émis », « Ticket de service validé » ; puis les opérations sur les
   données (« Accès autorisé » avec l'objet exact de la décision), et pour un message
   « Accès autorisé » (« message adressé à … (écrire) ») suivi de « Message envoyé » ;
4. (souvent) « Déconnexion », puis « Déconnexion propagée au service » pour chaque service.

Les textes du « Détail » reprennent ceux de l'AAS et ses constantes (durée de vie des
tickets, inactivité du TGT : :mod:`entsim.sso.tickets`). Écart assumé : les identifiants de
tickets sont courts (``TGT-12``, ``ST-40``, numérotés dans l'ordre) et le « Détail » de
« Ticket de service validé » ou de « Déconnexion propagée » ne répète pas l'identifiant du
ticket (il est dans la colonne « Objet ») : des millions de textes tous différents
coûteraient la mémoire et le temps que le simulateur doit tenir.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from entsim.activite.population import Population
from entsim.activite.rythmes import ENVOI_DE_MESSAGE, GROUPES
from entsim.activite.sessions import Sessions
from entsim.journal.operations import OPERATIONS, RESULTATS
from entsim.sso.tickets import (DUREE_MAX_PAR_DEFAUT, DUREE_TICKET_PAR_DEFAUT,
                                INACTIVITE_MAX_PAR_DEFAUT, MOTIFS_FIN, _duree_lisible)
from entsim.socle.texte import accorder

__all__ = ["Lignes", "OPERATIONS_SIMULEES", "RESULTATS_SIMULES", "construire_lignes",
           "OBJET_TEXTE", "OBJET_TGT", "OBJET_ST", "OBJET_MESSAGE"]

#: Les opérations que le simulateur écrit (codes stables de :data:`OPERATIONS`).
OPERATIONS_SIMULEES = ("connexion_echouee", "connexion_reussie", "tgt_cree", "acces_autorise",
                       "ticket_emis", "ticket_valide", "message_envoye", "deconnexion",
                       "deconnexion_propagee", "acces_refuse", "compte_bloque",
                       "connexion_refusee_blocage")
(ECHEC, CONNEXION, TGT, ACCES, EMIS, VALIDE, MESSAGE, DECONNEXION, PROPAGEE, REFUS,
 BLOQUE, REFUS_BLOCAGE) = range(len(OPERATIONS_SIMULEES))
RESULTATS_SIMULES = ("succes", "echec", "info")
SUCCES, R_ECHEC, INFO = range(3)
OBJET_TEXTE, OBJET_TGT, OBJET_ST, OBJET_MESSAGE = range(4)

#: Le « Détail » d'une session SSO ouverte, avec les constantes du serveur CAS.
DETAIL_TGT = (f"Session SSO ouverte (mot de passe) ; cookie TGC posé. Expire après "
              f"{_duree_lisible(INACTIVITE_MAX_PAR_DEFAUT)} d'inactivité, au plus tard dans "
              f"{_duree_lisible(DUREE_MAX_PAR_DEFAUT)}.")
_VALABLE = f" Valable {_duree_lisible(DUREE_TICKET_PAR_DEFAUT)}, une seule fois."
DETAIL_EMIS_APRES_SAISIE = "Ticket émis juste après la saisie des identifiants." + _VALABLE
DETAIL_EMIS_SSO = ("Ticket émis grâce à la session SSO, sans ressaisie des identifiants."
                   + _VALABLE)
DETAIL_ECHEC_1 = "Mot de passe incorrect. Échec successif n° 1."
DETAIL_CONNEXION = "Authentification par mot de passe."
DETAIL_CONNEXION_APRES_ECHEC = "Authentification par mot de passe après 1 échec successif."


def detail_deconnexion(tickets: int) -> str:
    return (f"Session SSO fermée : {MOTIFS_FIN['deconnexion']} ; "
            f"{accorder(tickets, 'ticket détruit', 'tickets détruits')}.")


@dataclass
class Lignes:
    """Des lignes de journal en codes entiers (une valeur par ligne dans chaque tableau)."""

    temps: np.ndarray        # int64, secondes depuis minuit du premier jour
    operation: np.ndarray    # int8, indice dans OPERATIONS_SIMULEES
    personne: np.ndarray     # int32
    service: np.ndarray      # int16, -1 : aucun
    poste: np.ndarray        # int16, indice dans les postes
    resultat: np.ndarray     # int8
    detail: np.ndarray       # int32, code dans pop.textes
    objet: np.ndarray        # int32
    type_objet: np.ndarray   # int8 : texte, TGT, ST, message
    incident: np.ndarray     # int16, -1 : activité normale
    ordre: np.ndarray        # int32 : départage des lignes de la même seconde

    def __len__(self) -> int:
        return len(self.temps)

    @classmethod
    def vide(cls, n: int) -> "Lignes":
        types = {"temps": np.int64, "operation": np.int8, "personne": np.int32,
                 "service": np.int16, "poste": np.int16, "resultat": np.int8,
                 "detail": np.int32, "objet": np.int32, "type_objet": np.int8,
                 "incident": np.int16, "ordre": np.int32}
        lignes = cls(**{nom: np.zeros(n, dtype=t) for nom, t in types.items()})
        lignes.service[:] = -1
        lignes.incident[:] = -1
        return lignes

    @classmethod
    def concatener(cls, liste: list["Lignes"]) -> "Lignes":
        return cls(**{f.name: np.concatenate([getattr(x, f.name) for x in liste])
                      for f in fields(cls)})

    def prendre(self, indices: np.ndarray) -> "Lignes":
        return Lignes(**{f.name: getattr(self, f.name)[indices] for f in fields(self)})


@dataclass
class Operations:
    """Les opérations sur les données, une par ligne « Accès autorisé » de données."""

    rang: np.ndarray          # indice du service ouvert (ligne de ``services``)
    objet: np.ndarray
    detail: np.ndarray
    destinataire: np.ndarray  # -1 : pas un message


def operations_au_hasard(pop: Population, sessions: Sessions, service_session: np.ndarray,
                         service_code: np.ndarray, rng: np.random.Generator) -> Operations:
    """Les lectures (et messages) tirées parmi les cibles autorisées de chaque personne."""
    qui = sessions.personne[service_session]
    debut = pop.debut_cibles[qui, service_code]
    fin = pop.fin_cibles[qui, service_code]
    taille = fin - debut
    messagerie = np.array([s == "messagerie" for s in pop.services])[service_code]
    nombre = np.where(taille > 0, 1 + rng.binomial(2, 0.3, len(qui)), 0)
    # messagerie : la boîte (première cible), puis parfois un message
    envoi = np.array([ENVOI_DE_MESSAGE[g] for g in GROUPES])[pop.groupes[qui]]
    envoi = messagerie & (taille > 1) & (rng.random(len(qui)) < envoi)
    nombre = np.where(messagerie & (taille > 0), 1 + envoi, nombre)
    rang = np.repeat(np.arange(len(qui)), nombre)
    position = np.arange(len(rang)) - np.repeat(np.cumsum(nombre) - nombre, nombre)
    d, t = debut[rang], taille[rang]
    choix = d + (rng.random(len(rang)) * t).astype(np.int64)
    m = messagerie[rang]
    choix = np.where(m & (position == 0), d, choix)                          # la boîte
    choix = np.where(m & (position == 1), d + 1 + (rng.random(len(rang)) * np.maximum(
        t - 1, 1)).astype(np.int64), choix)                                 # un message
    return Operations(rang, pop.cible_objet[choix], pop.cible_detail[choix],
                      pop.cible_destinataire[choix])


def construire_lignes(pop: Population, sessions: Sessions, service_session: np.ndarray,
                      service_code: np.ndarray, ops: Operations,
                      rng: np.random.Generator) -> tuple[Lignes, np.ndarray]:
    """Toutes les lignes des sessions, dans l'ordre de chaque session. Renvoie aussi, pour
    chaque message envoyé, l'indice de sa ligne « Message envoyé »."""
    S, R = len(sessions), len(service_session)
    textes = pop.textes
    # lignes par opération : 1 (accès) ou 2 (message : accès + « Message envoyé »)
    est_message = ops.destinataire >= 0
    lignes_op = 1 + est_message.astype(np.int64)
    ops_par_rang = np.bincount(ops.rang, weights=lignes_op, minlength=R).astype(np.int64)
    lignes_rang = 3 + ops_par_rang
    services_par_session = np.bincount(service_session, minlength=S).astype(np.int64)
    faute = sessions.faute.astype(np.int64)
    deco = sessions.deconnexion.astype(np.int64)
    lignes_session = faute + 2 + np.bincount(service_session, weights=lignes_rang,
                                             minlength=S).astype(np.int64) \
        + deco * (1 + services_par_session)
    N = int(lignes_session.sum())
    L = Lignes.vide(N)
    debut_session = np.cumsum(lignes_session) - lignes_session
    session_de_ligne = np.repeat(np.arange(S, dtype=np.int32), lignes_session)
    L.personne[:] = sessions.personne[session_de_ligne]
    L.poste[:] = sessions.poste[session_de_ligne]
    gaps = np.zeros(N, dtype=np.float32)

    # 1. échec éventuel, connexion, TGT
    f = np.flatnonzero(sessions.faute)
    L.operation[debut_session[f]] = ECHEC
    L.resultat[debut_session[f]] = R_ECHEC
    L.detail[debut_session[f]] = textes.code(DETAIL_ECHEC_1)
    c = debut_session + faute
    L.operation[c] = CONNEXION
    L.detail[c] = np.where(sessions.faute, textes.code(DETAIL_CONNEXION_APRES_ECHEC),
                           textes.code(DETAIL_CONNEXION))
    gaps[c] = np.where(sessions.faute, rng.integers(5, 25, S), 0)
    L.operation[c + 1] = TGT
    L.detail[c + 1] = textes.code(DETAIL_TGT)
    L.type_objet[c + 1] = OBJET_TGT
    L.objet[c + 1] = np.arange(S)

    # 2. services ouverts : accès, ticket émis, ticket validé
    cumul = np.cumsum(lignes_rang) - lignes_rang
    premier_rang = np.cumsum(services_par_session) - services_par_session
    rang_dans_session = np.arange(R) - premier_rang[service_session]
    debut_rang = c[service_session] + 2 + cumul - cumul[premier_rang[service_session]]
    cle_acces = pop.personnes_services_detail(sessions.personne[service_session], service_code)
    for k, (op, res) in enumerate(((ACCES, SUCCES), (EMIS, SUCCES), (VALIDE, SUCCES))):
        L.operation[debut_rang + k] = op
        L.service[debut_rang + k] = service_code
    L.detail[debut_rang] = cle_acces
    gaps[debut_rang] = np.where(rang_dans_session == 0, rng.integers(1, 8, R),
                                rng.integers(10, 150, R))
    L.detail[debut_rang + 1] = np.where(rang_dans_session == 0,
                                        textes.code(DETAIL_EMIS_APRES_SAISIE),
                                        textes.code(DETAIL_EMIS_SSO))
    L.type_objet[debut_rang + 1] = OBJET_ST
    L.objet[debut_rang + 1] = np.arange(R)
    L.type_objet[debut_rang + 2] = OBJET_ST
    L.objet[debut_rang + 2] = np.arange(R)
    L.detail[debut_rang + 2] = pop.details_valides(sessions.personne[service_session],
                                                   service_code)
    gaps[debut_rang + 2] = rng.integers(0, 2, R)

    # 3. opérations sur les données
    cumul_op = np.cumsum(lignes_op) - lignes_op
    premier_op = np.searchsorted(ops.rang, np.arange(R))       # ops triées par rang
    debut_op = debut_rang[ops.rang] + 3 + cumul_op - cumul_op[premier_op[ops.rang]]
    L.operation[debut_op] = ACCES
    L.service[debut_op] = service_code[ops.rang]
    L.objet[debut_op] = ops.objet
    L.detail[debut_op] = ops.detail
    gaps[debut_op] = rng.integers(4, 100, len(debut_op))
    m = np.flatnonzero(est_message)
    lignes_message = debut_op[m] + 1
    gaps[debut_op[m]] = rng.integers(30, 200, len(m))
    L.operation[lignes_message] = MESSAGE
    L.service[lignes_message] = service_code[ops.rang[m]]
    L.type_objet[lignes_message] = OBJET_MESSAGE
    L.objet[lignes_message] = np.arange(len(m))
    L.detail[lignes_message] = pop.details_a(ops.destinataire[m])

    # 4. déconnexion et déconnexion propagée
    d = np.flatnonzero(sessions.deconnexion)
    ligne_deco = debut_session[d] + lignes_session[d] - 1 - services_par_session[d]
    L.operation[ligne_deco] = DECONNEXION
    L.type_objet[ligne_deco] = OBJET_TGT
    L.objet[ligne_deco] = d
    L.detail[ligne_deco] = [textes.code(detail_deconnexion(int(k)))
                            for k in services_par_session[d]] if len(d) < 50 else \
        _details_deconnexion(textes, services_par_session[d])
    gaps[ligne_deco] = rng.integers(10, 120, len(d))
    r = np.flatnonzero(sessions.deconnexion[service_session])
    lignes_prop = (debut_session + lignes_session - services_par_session)[service_session[r]] \
        + rang_dans_session[r]
    L.operation[lignes_prop] = PROPAGEE
    L.service[lignes_prop] = service_code[r]
    L.type_objet[lignes_prop] = OBJET_ST
    L.objet[lignes_prop] = r
    L.detail[lignes_prop] = pop.details_propagees(sessions.personne[service_session[r]],
                                                  service_code[r])

    # 5. l'heure de chaque ligne : cumul des pauses, une session dure au plus 18 minutes
    total = np.bincount(session_de_ligne, weights=gaps, minlength=S)
    echelle = np.minimum(1.0, 1080.0 / np.maximum(total, 1.0)).astype(np.float32)
    gaps *= echelle[session_de_ligne]
    secondes = np.floor(gaps, out=gaps).astype(np.int32)
    del gaps
    cumul_g = np.cumsum(secondes, dtype=np.int64)
    depart = cumul_g[debut_session] - secondes[debut_session]
    del secondes
    cumul_g -= depart[session_de_ligne]
    cumul_g += sessions.debut[session_de_ligne]
    L.temps = cumul_g
    L.ordre[:] = np.arange(N, dtype=np.int32)
    return L, lignes_message


def _details_deconnexion(textes, nombres: np.ndarray) -> np.ndarray:
    codes = {int(k): textes.code(detail_deconnexion(int(k))) for k in np.unique(nombres)}
    table = np.zeros(max(codes) + 1, dtype=np.int32)
    for k, v in codes.items():
        table[k] = v
    return table[nombres]


def libelles_operations() -> list[str]:
    return [OPERATIONS[o] for o in OPERATIONS_SIMULEES]


def libelles_resultats() -> list[str]:
    return [RESULTATS[r] for r in RESULTATS_SIMULES]
