"""L'enquête dans le journal (partie 3) : de petites fonctions pandas, une ou deux lignes
chacune pour un élève, qui retrouvent dans le journal de l'AAS ce qui s'est passé.

Elles marchent sur les **deux** journaux, qui ont les mêmes colonnes : une période simulée
avec ses incidents plantés (``activite = simuler_activite(ENT(2026, 300), "trimestre")``,
voir :func:`entsim.activite.simuler_activite`) et le vrai journal de l'AAS
(``ent.journal.tableau()``). Chaque tableau rendu garde l'index « N° » du journal : on peut
toujours revenir aux lignes d'origine.

* :func:`qui_a_ouvert` — « qui a ouvert les notes de cet élève la semaine dernière ? » ;
* :func:`tout_ce_qu_a_fait` — la chaîne des opérations d'une identité (SDET, document 2,
  « Traçabilité des opérations AAS » : « reconstituer la chaîne des opérations AAS liées à
  une identité ») ;
* :func:`rafales_d_echecs` — les rafales d'échecs de connexion (force brute, ou
  pulvérisation quand on regroupe par poste) ;
* :func:`sessions_simultanees` — la même identité connectée sur deux postes en même temps
  (compte prêté) ;
* :func:`acces_refuses` — les refus de l'autorisation, d'un profil (parent curieux,
  personnel qui consulte hors de son périmètre).

Le SDET dit seulement que les journaux « DOIVENT être exploitables » et permettre « de dater
et d'associer une opération AAS à une identité » : ces fonctions montrent ce que cela
permet. Les exercices vérifiés (:class:`~entsim.attaques.enquetes.Enquete`) sont dans
:mod:`entsim.attaques.enquetes`.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import numpy as np
import pandas as pd

from entsim.activite.analyses import COLONNES_JOURNAL, ajouter_profils, journal_de, \
    libelle_profil, profils_de
from entsim.etablissement.identifiants import replier
from entsim.journal.operations import OPERATIONS
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite, nature

__all__ = ["qui_a_ouvert", "tout_ce_qu_a_fait", "rafales_d_echecs", "sessions_simultanees",
           "sessions_reprises",
           "lignes_de_sessions_simultanees", "acces_refuses", "COLONNES_QUI_A_OUVERT",
           "OPERATIONS_ECHEC", "periode"]

ACCES = OPERATIONS["acces_autorise"]
REFUS = OPERATIONS["acces_refuse"]
CONNEXION = OPERATIONS["connexion_reussie"]
DECONNEXION = OPERATIONS["deconnexion"]
#: Les opérations qui comptent comme un échec de connexion dans une rafale.
OPERATIONS_ECHEC = (OPERATIONS["connexion_echouee"], OPERATIONS["connexion_refusee_blocage"])
BLOQUE = OPERATIONS["compte_bloque"]

#: Les colonnes rendues par :func:`qui_a_ouvert` (index « N° »).
COLONNES_QUI_A_OUVERT = ["Date", "Identité", "Poste", "Opération", "Résultat", "Objet"]

#: Comment le journal nomme les données d'un élève, par service (les décisions de
#: l'autorisation : :meth:`entsim.autorisation.habilitations.ressources.Ressource.decrire`).
_OBJETS = {"notes": "notes", "absences": "absences", "dossier_eleve": "dossier",
           "orientation": "Folios (orientation)", "cahier_de_textes": "cahier de textes",
           "emploi_du_temps": "emploi du temps", "messagerie": "messages privés",
           "espace_documentaire": "documents personnels", "casier": "casier"}


# -- petites vérifications -------------------------------------------------------------------
def _journal(tableau: object) -> pd.DataFrame:
    return journal_de(tableau, COLONNES_JOURNAL)


#: Une date écrite à la française : jour/mois/année (« 06/10/2025 », « 6/10/2025 8:00 »).
_DATE_FRANCAISE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2})[:h](\d{2}))?$")


def _instant(valeur: object, nom: str, *, fin: bool = False) -> pd.Timestamp | None:
    """Une borne de période : une date (« 2025-10-06 », « 06/10/2025 » lue jour/mois/année
    comme en France, ``date``) ou une date et heure. Une date seule en fin de période compte
    toute la journée. Une date impossible, vide ou avec un fuseau horaire (le journal est en
    heure locale, sans fuseau) est refusée en citant ce qui a été tapé."""
    if valeur is None:
        return None
    recu = valeur
    jour_seul = isinstance(valeur, date) and not isinstance(valeur, datetime)
    if isinstance(valeur, str):
        texte = valeur.strip()
        francaise = _DATE_FRANCAISE.match(texte)
        jour_seul = len(texte) == 10 or (francaise is not None and francaise[4] is None)
        try:
            if francaise:
                j, m, a, h, mi = francaise.groups()
                valeur = pd.Timestamp(int(a), int(m), int(j), int(h or 0), int(mi or 0))
            else:
                valeur = pd.Timestamp(texte) if texte else None
        except ValueError:
            valeur = None
    if isinstance(valeur, (date, datetime, pd.Timestamp)) and not isinstance(valeur, bool) \
            and not pd.isna(valeur):
        instant = pd.Timestamp(valeur)
        if instant.tzinfo is not None:
            raise ValeurInvalide(f"« {nom} » : le journal est à l'heure du lycée, sans fuseau "
                                 f"horaire ; écrivez la date sans « +02:00 » (reçu : "
                                 f"{cite(recu)}).", code="date_invalide")
        if jour_seul and fin:
            instant = instant.normalize() + pd.Timedelta(days=1) - pd.Timedelta(seconds=1)
        return instant
    raise ValeurInvalide(f"« {nom} » est une date, par exemple \"2025-10-06\", \"06/10/2025\" "
                         f"ou datetime(2025, 10, 6, 8, 0) (reçu : {cite(recu)}).",
                         code="date_invalide")


def periode(tableau: pd.DataFrame, du: object = None, au: object = None) -> pd.DataFrame:
    """Les lignes entre ``du`` et ``au`` (bornes comprises ; une date seule pour ``au``
    compte toute la journée)."""
    debut, fin = _instant(du, "du"), _instant(au, "au", fin=True)
    if debut is not None and fin is not None and fin < debut:
        raise ValeurInvalide(f"La période finit ({fin:%d/%m/%Y %H:%M}) avant de commencer "
                             f"({debut:%d/%m/%Y %H:%M}) : échangez « du » et « au ».",
                             code="periode_inversee")
    garder = np.ones(len(tableau), dtype=bool)
    dates = tableau["Date"]
    if debut is not None:
        garder &= (dates >= debut).to_numpy()
    if fin is not None:
        garder &= (dates <= fin).to_numpy()
    return tableau[garder]


def _texte(valeur: object, nom: str, exemple: str) -> str:
    if not isinstance(valeur, str) or not valeur.strip():
        raise ValeurInvalide(f"« {nom} » est un texte, par exemple {exemple} (reçu : "
                             f"{nature(valeur)}).", code="texte_attendu")
    return valeur.strip()


def _duree(valeur: object, nom: str) -> pd.Timedelta:
    """Une durée avec son unité (« 10min », « 1h », ``timedelta``) ; un nombre seul est
    refusé : pandas le lirait en nanosecondes."""
    duree = None
    if not isinstance(valeur, (bool, int, float)):
        try:
            duree = pd.Timedelta(valeur)
        except (ValueError, TypeError):
            duree = None
    if duree is None or pd.isna(duree) or duree <= pd.Timedelta(0):
        raise ValeurInvalide(f"« {nom} » est une durée positive avec son unité, par exemple "
                             f"\"10min\" ou \"1h\" (reçu : {cite(valeur)}).",
                             code="duree_invalide")
    return duree


def _cle(nom: str) -> str:
    """« Léa Martin », « lea.martin2 » → « leamartin » : pour rapprocher un identifiant
    ``prenom.nom`` du nom écrit dans la colonne « Objet »."""
    return "".join(c for c in replier(nom) if c.isalpha() or c == "-")


def _categories(colonne: pd.Series) -> list[str]:
    if isinstance(colonne.dtype, pd.CategoricalDtype):
        return [str(c) for c in colonne.cat.categories]
    return [str(c) for c in colonne.dropna().unique()]


# -- qui a ouvert ------------------------------------------------------------------------------
def qui_a_ouvert(tableau: object, eleve: str, service: str = "notes", du: object = None,
                 au: object = None, *, refus: bool = True) -> pd.DataFrame:
    """Qui a ouvert (ou tenté d'ouvrir, si ``refus``) les données d'un élève dans un
    service : une ligne par lecture, avec la date, l'identité, le poste et le résultat.

    ``eleve`` : son nom (« Léa Martin ») ou son identifiant (« lea.martin ») — la colonne
    « Objet » du journal le nomme par son nom complet (« notes de Léa Martin (lire) ») ;
    deux homonymes y sont indiscernables. ``du`` / ``au`` : la période (dates comprises).

    >>> qui_a_ouvert(activite.journal, "Théo Dupont", du="2025-10-06", au="2025-10-12")
    """
    journal = _journal(tableau)
    eleve = _texte(eleve, "eleve", "\"Léa Martin\" ou \"lea.martin\"")
    service = _texte(service, "service", "\"notes\"")
    if service not in _OBJETS:
        raise ValeurInvalide(f"Service sans données d'élève : {cite(service)}. Services "
                             f"possibles : {', '.join(_OBJETS)}.", code="service_inconnu")
    prefixe = _OBJETS[service] + " "
    cle = _cle(eleve.rstrip("0123456789") if "." in eleve else eleve)
    objets = [o for o in _categories(journal["Objet"])
              if o.startswith(prefixe) and o.endswith(")")
              and _cle(o[len(prefixe):].rsplit(" (", 1)[0].removeprefix("de ")
                       .removeprefix("d'")) == cle]
    operations = [ACCES, REFUS] if refus else [ACCES]
    lignes = journal[journal["Objet"].isin(objets) & journal["Opération"].isin(operations)
                     & (journal["Service"] == service)]
    lignes = periode(lignes, du, au)
    return lignes[COLONNES_QUI_A_OUVERT]


# -- tout ce qu'a fait -------------------------------------------------------------------------
def tout_ce_qu_a_fait(tableau: object, identite: str, du: object = None,
                      au: object = None) -> pd.DataFrame:
    """Toutes les lignes d'une identité, dans l'ordre (la chaîne de ses opérations, comme
    ``ent.journal.chaine_de(identite)``), éventuellement sur une période."""
    journal = _journal(tableau)
    identite = _texte(identite, "identite", "\"lea.martin\"")
    lignes = journal[journal["Identité"] == identite]
    return periode(lignes, du, au)


# -- rafales d'échecs --------------------------------------------------------------------------
def rafales_d_echecs(tableau: object, seuil: int = 5, fenetre: object = "10min", *,
                     par: str = "Identité") -> pd.DataFrame:
    """Les rafales d'échecs de connexion : au moins ``seuil`` lignes « Échec de connexion »
    ou « Connexion refusée (compte bloqué) » d'une même identité (``par="Identité"`` :
    force brute sur un compte) ou d'un même poste (``par="Poste"`` : pulvérisation, un mot
    de passe essayé sur beaucoup de comptes) en moins de ``fenetre``.

    Une ligne par rafale : qui (ou d'où), début, fin, nombre de tentatives, comptes visés,
    postes, et si le compte a été bloqué. Une faute de frappe isolée n'est pas une rafale.
    """
    journal = _journal(tableau)
    if isinstance(seuil, bool) or not isinstance(seuil, (int, np.integer)) or seuil < 2:
        raise ValeurInvalide(f"« seuil » est un nombre entier au moins égal à 2 (reçu : "
                             f"{cite(seuil)}).", code="seuil_invalide")
    duree = _duree(fenetre, "fenetre")
    if par not in ("Identité", "Poste"):
        raise ValeurInvalide(f"« par » vaut \"Identité\" ou \"Poste\" (reçu : {cite(par)}).",
                             code="regroupement_invalide")
    echecs = journal[journal["Opération"].isin(OPERATIONS_ECHEC)]
    colonnes = [par, "Début", "Fin", "Tentatives", "Comptes visés", "Postes",
                "Compte bloqué"]
    rafales = []
    if len(echecs):
        bloques = journal.loc[journal["Opération"] == BLOQUE, ["Date", "Identité"]]
        cles = echecs[par].astype(str).to_numpy()
        dates = echecs["Date"].to_numpy()
        ordre = np.lexsort((dates, cles))
        cles, dates = cles[ordre], dates[ordre]
        # une rafale : des échecs de la même clé à moins de « fenetre » l'un de l'autre
        nouvelle = np.ones(len(cles), dtype=bool)
        nouvelle[1:] = (cles[1:] != cles[:-1]) | (np.diff(dates) > duree.to_timedelta64())
        groupe = np.cumsum(nouvelle) - 1
        taille = np.bincount(groupe)
        for g in np.flatnonzero(taille >= seuil):
            rang = np.flatnonzero(groupe == g)
            dans = echecs.iloc[ordre[rang]]
            # au moins « seuil » échecs dans une même fenêtre glissante
            t = dans["Date"].to_numpy()
            if not np.any(t[seuil - 1:] - t[:len(t) - seuil + 1] <= duree.to_timedelta64()):
                continue
            comptes = sorted(set(dans["Identité"].astype(str)))
            postes = sorted(set(dans["Poste"].astype(str)))
            debut, fin = pd.Timestamp(t.min()), pd.Timestamp(t.max())
            bloque = bloques[(bloques["Identité"].astype(str).isin(comptes))
                             & (bloques["Date"] >= debut) & (bloques["Date"] <= fin)]
            rafales.append((cles[rang[0]], debut, fin, len(dans), " ; ".join(comptes),
                            " ; ".join(postes), "oui" if len(bloque) else "non"))
    resultat = pd.DataFrame(rafales, columns=colonnes)
    resultat = resultat.sort_values("Début", kind="stable").reset_index(drop=True)
    resultat.index = pd.RangeIndex(1, len(resultat) + 1, name="Rafale")
    return resultat


# -- sessions simultanées ----------------------------------------------------------------------
def sessions_simultanees(tableau: object, ecart: object = "20min") -> pd.DataFrame:
    """La même identité active sur deux postes en même temps (compte prêté) : une ligne
    « Connexion réussie » sur un poste pendant qu'une session ouverte sur un autre poste
    moins de ``ecart`` plus tôt sert encore (une ligne de cet autre poste **après** la
    nouvelle connexion, sans « Déconnexion » entre les deux).

    Une ligne par épisode : l'identité, les deux postes, les deux connexions, l'écart en
    secondes et la dernière ligne vue sur le premier poste. Se connecter au lycée puis à
    la maison le soir n'est pas un épisode : la première session ne sert plus."""
    journal = _journal(tableau)
    duree = _duree(ecart, "ecart").to_timedelta64()
    colonnes = ["Identité", "Premier poste", "Première connexion", "Second poste",
                "Seconde connexion", "Écart (s)", "Dernière ligne du premier poste"]
    connexions = journal[journal["Opération"] == CONNEXION]
    ident = connexions["Identité"].astype(str).to_numpy()
    dates = connexions["Date"].to_numpy()
    postes = connexions["Poste"].astype(str).to_numpy()
    ordre = np.lexsort((dates, ident))
    ident, dates, postes = ident[ordre], dates[ordre], postes[ordre]
    candidats = np.flatnonzero((ident[1:] == ident[:-1]) & (postes[1:] != postes[:-1])
                               & (dates[1:] - dates[:-1] <= duree))
    episodes = []
    for k in candidats:
        qui, poste_a, t_a, poste_b, t_b = ident[k], postes[k], dates[k], postes[k + 1], \
            dates[k + 1]
        siennes = journal[(journal["Identité"] == qui) & (journal["Date"] >= t_a)
                          & (journal["Date"] <= t_b + duree)]
        sur_a = siennes[siennes["Poste"] == poste_a]
        fin_a = sur_a.loc[sur_a["Opération"] == DECONNEXION, "Date"]
        fin_a = fin_a.min() if len(fin_a) else None
        apres = sur_a[(sur_a["Date"] > t_b) & (sur_a["Opération"] != DECONNEXION)]
        if fin_a is not None:
            apres = apres[apres["Date"] <= fin_a] if fin_a > t_b else apres.iloc[0:0]
        if len(apres):
            episodes.append((qui, poste_a, pd.Timestamp(t_a), poste_b, pd.Timestamp(t_b),
                             int((t_b - t_a) / np.timedelta64(1, "s")),
                             pd.Timestamp(apres["Date"].max())))
    resultat = pd.DataFrame(episodes, columns=colonnes)
    resultat.index = pd.RangeIndex(1, len(resultat) + 1, name="Épisode")
    return resultat


def sessions_reprises(tableau: object, apres: object = "20min") -> pd.DataFrame:
    """Une session SSO qui resservait **longtemps après** la connexion, sur le même poste, sans
    nouvelle « Connexion réussie » (une session oubliée sur un poste partagé) : les tickets
    « émis grâce à la session SSO » plus de ``apres`` après la dernière connexion de cette
    identité sur ce poste. Une ligne par session reprise : l'identité, le poste, la
    connexion, la reprise et l'écart en minutes.

    L'ENT simulé ferme une session SSO après 2 h d'inactivité (réglage par défaut d'Apereo
    CAS) : entre-temps, quiconque s'assied devant le poste agit sous l'identité de celui qui
    est parti sans se déconnecter. Seule la déconnexion (ou un délai d'inactivité court)
    l'empêche ; le journal, lui, le montre."""
    journal = _journal(tableau)
    duree = _duree(apres, "apres")
    colonnes = ["Identité", "Poste", "Connexion", "Reprise", "Écart (min)"]
    detail = journal["Détail"]
    if isinstance(detail.dtype, pd.CategoricalDtype):    # chaque texte cherché une seule fois
        textes = detail.cat.categories.astype(str)
        par_sso = detail.isin(detail.cat.categories[textes.str.contains(
            "grâce à la session SSO", regex=False)])
    else:
        par_sso = detail.astype(str).str.contains("grâce à la session SSO", regex=False)
    lignes = journal[(journal["Opération"] == CONNEXION) | par_sso]
    lignes = lignes.sort_values("Date", kind="stable")
    # la dernière connexion de la même identité sur le même poste, ligne par ligne (vectorisé)
    qui, poste = lignes["Identité"].astype(str), lignes["Poste"].astype(str)
    connexion = (lignes["Opération"].astype(str) == CONNEXION).to_numpy()
    derniere = lignes["Date"].where(connexion).groupby([qui, poste], sort=False).ffill()
    reprise = ~connexion & derniere.notna().to_numpy() \
        & ((lignes["Date"] - derniere) > duree).to_numpy()
    trouvees = pd.DataFrame({"qui": qui[reprise], "poste": poste[reprise],
                             "connexion": derniere[reprise], "quand": lignes["Date"][reprise]})
    trouvees = trouvees.drop_duplicates(["qui", "poste", "connexion"])   # une par session
    reprises = [(q, p, c, d, round((d - c).total_seconds() / 60))
                for q, p, c, d in trouvees.itertuples(index=False)]
    resultat = pd.DataFrame(reprises, columns=colonnes)
    resultat.index = pd.RangeIndex(1, len(resultat) + 1, name="Session")
    return resultat


def lignes_de_sessions_simultanees(tableau: object, ecart: object = "20min") -> pd.DataFrame:
    """Toutes les lignes des identités trouvées par :func:`sessions_simultanees`, de leur
    première connexion à leur dernière ligne de la journée (index « N° » du journal)."""
    journal = _journal(tableau)
    episodes = sessions_simultanees(journal, ecart)
    morceaux = []
    for _, e in episodes.iterrows():
        jour = e["Première connexion"].normalize()
        lignes = tout_ce_qu_a_fait(journal, e["Identité"], du=e["Première connexion"],
                                   au=jour + pd.Timedelta(days=1) - pd.Timedelta(seconds=1))
        morceaux.append(lignes)
    if not morceaux:
        return journal.iloc[0:0]
    lignes = pd.concat(morceaux)
    return lignes[~lignes.index.duplicated()].sort_index()


# -- accès refusés -----------------------------------------------------------------------------
def acces_refuses(tableau: object, profil: object = None, *, etablissement: object = None,
                  service: str | None = None) -> pd.DataFrame:
    """Les lignes « Accès refusé » (toutes, ou celles d'un profil : « Parent »,
    « Enseignant »…), avec la raison donnée par l'autorisation (« Détail ») et la donnée
    visée (« Objet »). Pour filtrer par profil, il faut l'annuaire : passez l'activité
    simulée elle-même (``acces_refuses(activite, "Parent")``) ou
    ``etablissement=ent.etablissement``."""
    journal = _journal(tableau)
    lignes = journal[journal["Opération"] == REFUS]
    if service is not None:
        lignes = lignes[lignes["Service"] == _texte(service, "service", "\"notes\"")]
    if profil is None:
        return lignes
    libelle = libelle_profil(profil)
    annuaire = etablissement
    if annuaire is None:
        annuaire = getattr(tableau, "profils", None)
        if annuaire is None and hasattr(tableau, "etablissement") \
                and not isinstance(tableau.etablissement, str):
            annuaire = tableau.etablissement
    if annuaire is None:
        raise ValeurInvalide("Pour garder un profil, il faut l'annuaire : passez l'activité "
                             "simulée elle-même (acces_refuses(activite, \"Parent\")) ou "
                             "ajoutez etablissement=ent.etablissement.",
                             code="annuaire_attendu")
    avec = ajouter_profils(lignes, profils_de(annuaire))
    return lignes[(avec["Profil"] == libelle).to_numpy()]

