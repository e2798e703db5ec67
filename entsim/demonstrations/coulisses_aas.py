"""Ce que l'ENT simulé fait déjà en coulisses, montré en une ligne (notebooks 04a et 04b).

- :func:`tickets_reels` : les tickets des notebooks viennent de la graine (toute la classe voit
  les mêmes) ; un vrai serveur les tire du module ``secrets`` — entropie calculée à partir du
  format des tickets, et deux tirages réels comparés ;
- :func:`empreintes_stockees` : ce que la base des comptes garde d'un mot de passe (SDET :
  « stockés de manière chiffrée et irréversible ») ;
- :func:`journee_sans_deconnexion` : la durée maximale d'une session SSO (8 h, réglage par
  défaut d'Apereo CAS), jouée sur l'horloge simulée ;
- :func:`identifiants_opaques` : l'identifiant opaque que le GAR transmet à chaque éditeur.

Sources : spécification CAS 3.0 (Apereo), section 3.1.1 (« Service tickets MUST contain
adequate secure random data so that a ticket is not guessable ») et 3.7 (caractères des
tickets) ; SDET, document 2 (stockage irréversible ; « après une certaine durée, les services
AAS DOIVENT demander une nouvelle authentification ») ; arrêté du 18 décembre 2017 (GAR :
seules les données nécessaires sont transmises aux fournisseurs de ressources).
"""

from __future__ import annotations

import math

from entsim.demonstrations.commun import _mot_de_passe_demo, exiger_ent
from entsim.demonstrations.resultats import ResultatDemonstration
from entsim.demonstrations.sso import LIBELLES_ATTRIBUTS
from entsim.ent import ENT, MOTS_DE_PASSE_DEMO
from entsim.etablissement.generation import PERSONAS
from entsim.socle.aleatoire import ALPHABET_JETON
from entsim.socle.erreurs import ErreurENT, ValeurInvalide, verifier_texte
from entsim.socle.texte import accorder, cite
from entsim.sso.tickets import MOTIFS_FIN, PREFIXE_ST

__all__ = ["attributs_transmis", "empreintes_stockees", "entropie_ticket", "identifiants_opaques",
           "journee_sans_deconnexion", "tickets_reels"]

_ELEVE = PERSONAS["eleve"].identifiant
_MDP_ELEVE = MOTS_DE_PASSE_DEMO["eleve"]


def _exposant(n: int) -> str:
    """« 43 » écrit en exposant (« ⁴³ ») : 10⁴³ se lit comme en cours de mathématiques."""
    return str(n).translate(str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻"))


def entropie_ticket(ticket: str) -> float:
    """L'entropie, en bits, de la partie aléatoire d'un ticket ``ST-numéro-hasard`` : chaque
    caractère est tiré parmi les 62 de A-Z a-z 0-9 (:data:`ALPHABET_JETON`), soit
    longueur × log2(62). Le préfixe et le numéro d'ordre ne sont pas secrets."""
    if not isinstance(ticket, str) or not ticket.startswith(PREFIXE_ST) \
            or ticket.count("-") < 2:
        raise ValeurInvalide(f"Il faut un ticket de service « ST-numéro-… » (reçu : "
                             f"{cite(ticket)}).", code="ticket_attendu")
    hasard = ticket.rsplit("-", 1)[1]
    return len(hasard) * math.log2(len(ALPHABET_JETON))


def _premier_ticket(ent: ENT) -> str:
    poste = "Poste du CDI"
    connexion = ent.connexion(_ELEVE, _MDP_ELEVE, poste=poste)
    acces = ent.ouvrir("cahier_de_textes", poste=poste)
    if not connexion.ok or acces.ticket is None:  # pragma: no cover - ENT de démonstration
        raise ErreurENT("La démonstration n'a pas pu obtenir de ticket.",
                        code="demonstration_pas_prete")
    return acces.ticket


def tickets_reels(graine: int = 2026) -> ResultatDemonstration:
    """Compare les tickets du cours (tirés de la graine) à ceux d'un vrai serveur (tirés du
    module ``secrets``) : deux ENT de démonstration de même graine donnent le même premier
    ticket ; deux ENT ``reproductible=False`` en donnent deux différents. Le résultat ne
    montre aucun ticket réel (il change à chaque exécution) : seulement l'entropie, calculée
    à partir du format, et les comparaisons."""
    if isinstance(graine, bool) or not isinstance(graine, int):
        raise ValeurInvalide(f"La graine est un nombre entier (reçu : {cite(graine)}).")
    cours = [_premier_ticket(ENT.demo(graine)) for _ in range(2)]
    reels = [_premier_ticket(ENT.demo(graine, reproductible=False)) for _ in range(2)]
    hasard = len(reels[0].rsplit("-", 1)[1])
    bits = entropie_ticket(reels[0])
    essais = round(math.log10(2) * bits)
    lignes = (
        f"Dans le cours (mode reproductible), chaque ticket est tiré de la graine {graine} : "
        f"toute la classe voit le même premier ticket, {cours[0]}. Deux ENT de même graine "
        f"donnent le même : {cours[0] == cours[1]}.",
        f"Un vrai serveur CAS (reproductible=False) tire la partie aléatoire du module "
        f"secrets : {hasard} caractères parmi {len(ALPHABET_JETON)} (A-Z, a-z, 0-9), soit "
        f"{hasard} × log2({len(ALPHABET_JETON)}) = {f'{bits:.1f}'.replace('.', ',')} bits.",
        f"Pour deviner un ticket, il faudrait en moyenne de l'ordre de 10{_exposant(essais)} "
        "essais ; "
        "et il ne vit que quelques secondes, pour une seule validation.",
        f"Deux vrais serveurs (deux élèves voisins) : les deux tickets sont différents : "
        f"{reels[0] != reels[1]}.",
    )
    return ResultatDemonstration(
        titre="Des tickets impossibles à deviner", code="tickets_reels",
        constat="Les tickets du notebook viennent de la graine, pour que tout le monde voie "
                "les mêmes ; un vrai serveur les tire au hasard, et personne ne peut les "
                "deviner.",
        lignes=lignes)


def empreintes_stockees(ent: ENT, identifiants: tuple[str, ...] = (
        _ELEVE, PERSONAS["mere"].identifiant)) -> ResultatDemonstration:
    """Pour des comptes de démonstration, le mot de passe (connu seulement parce que c'est
    une démonstration) à côté de ce que la base des comptes garde : l'empreinte salée, avec
    ses paramètres. Puis le même mot de passe haché deux fois : deux empreintes différentes
    (le sel), toutes deux reconnues à la vérification."""
    exiger_ent(ent, "empreintes_stockees(ent)")
    if isinstance(identifiants, str):
        identifiants = (identifiants,)
    lignes = []
    connus = {}
    for identifiant in identifiants:
        verifier_texte(identifiant, "identifiant")
        connus[identifiant] = _mot_de_passe_demo(identifiant)
        if connus[identifiant] is None:
            raise ValeurInvalide(f"{cite(identifiant)} n'est pas un compte de démonstration "
                                 "dont le mot de passe est connu (par exemple "
                                 f"« {_ELEVE} »).", code="compte_inconnu")
        compte = ent.authentification.compte(identifiant)
        lignes.append(f"{identifiant} — mot de passe « {connus[identifiant]} » → la base "
                      f"garde seulement : {compte.empreinte}")
    gestion = ent.authentification.hachage
    mdp = connus[identifiants[0]]
    e1, e2 = gestion.hacher(mdp), gestion.hacher(mdp)
    lignes.append(f"Le même mot de passe haché deux fois donne deux empreintes différentes "
                  f"(sel tiré au hasard) : {e1 != e2} ; les deux sont reconnues à la "
                  f"vérification : {gestion.verifier(mdp, e1) and gestion.verifier(mdp, e2)}.")
    if e1.startswith("$argon2"):
        lignes.append("Se lit dans l'empreinte : $argon2id (la fonction), m= (la mémoire, en "
                      "Kio), t= (le nombre de passes), p= (le parallélisme), puis le sel et le "
                      "résultat, en base 64.")
    lignes.append("Rien ne permet de revenir au mot de passe : le serveur recalcule l'empreinte "
                  "de ce qui est saisi et compare.")
    return ResultatDemonstration(
        titre="Ce que la base des comptes garde", code="empreintes_stockees",
        constat="Aucun mot de passe en clair : seulement une empreinte salée, lente à calculer "
                "(SDET : stockage « chiffré et irréversible » ; la CNIL recommande une "
                "fonction comme Argon2 ou scrypt).",
        lignes=tuple(lignes))


def journee_sans_deconnexion(ent: ENT, *, poste: str = "Téléphone",
                             pas_minutes: int = 60) -> ResultatDemonstration:
    """Léa se connecte depuis ``poste`` puis ouvre un service toutes les ``pas_minutes``
    minutes, sans jamais rester inactive 2 h : la session SSO expire quand même, 8 h après
    son ouverture (durée maximale, réglage par défaut d'Apereo CAS : :attr:`ent.cas.duree_max`).
    Le serveur CAS demande alors une nouvelle authentification (SDET)."""
    exiger_ent(ent, "journee_sans_deconnexion(ent)")
    if isinstance(pas_minutes, bool) or not isinstance(pas_minutes, int) or \
            not 1 <= pas_minutes < ent.cas.inactivite_max.total_seconds() / 60:
        raise ValeurInvalide("« pas_minutes » est un nombre entier de minutes, plus court que "
                             "le délai d'inactivité (par exemple 60).")
    connexion = ent.connexion(_ELEVE, _MDP_ELEVE, poste=poste)
    if not connexion.ok:  # pragma: no cover - ENT de démonstration
        raise ErreurENT(connexion.message, code="demonstration_pas_prete")
    debut = ent.horloge.maintenant()
    services = ("notes", "cahier_de_textes", "messagerie")
    ouvertures = 0
    limite = ent.cas.duree_max + ent.cas.inactivite_max   # garde-fou
    while ent.horloge.maintenant() - debut <= limite:
        ent.avancer(minutes=pas_minutes)
        # /login?service=… avec le cookie TGC : le serveur CAS utilise la session SSO
        # (un service qui a déjà sa propre session ne le contacterait pas)
        code = services[ouvertures % len(services)]
        acces = ent.cas.acceder(ent.navigateur(poste), code)
        if acces.ticket is None:
            break
        ent.cas.valider(acces.ticket, ent.cas.service(code).url)
        ouvertures += 1
    fin = ent.horloge.maintenant()
    session = next((s for s in reversed(ent.cas.sessions_sso(toutes=True))
                    if s.poste == poste), None)
    motif = MOTIFS_FIN.get(session.motif_fin or "", "—") if session else "—"
    heures = int(ent.cas.duree_max.total_seconds() // 3600)
    lignes = (
        f"Connexion à {debut:%H:%M} ; un service demandé au serveur CAS toutes les "
        f"{pas_minutes} minutes, sans mot de passe : "
        f"{accorder(ouvertures, 'ticket émis', 'tickets émis')}.",
        f"À {fin:%H:%M}, le serveur CAS redemande le mot de passe : {motif}. Ouverte à "
        f"{debut:%H:%M}, la session ne valait que jusqu'à "
        f"{debut + ent.cas.duree_max:%H:%M} ({heures} h), même avec de l'activité.",
        "8 h et 2 h sont des réglages par défaut du serveur Apereo CAS, repris par l'ENT "
        "simulé ; le protocole CAS ne les impose pas, le SDET demande seulement une nouvelle "
        "authentification « après une certaine durée ».",
    )
    return ResultatDemonstration(
        titre=f"Une journée sans se déconnecter ({poste})", code="duree_max",
        constat=f"Même utilisée sans arrêt, une session SSO ne dure pas plus de {heures} h.",
        lignes=lignes)


def identifiants_opaques(ent: ENT, identifiant: str = _ELEVE, *,
                         ressources: tuple[str, ...] = ("msgn-sig-t", "atlas-hg"),
                         poste: str = "Poste du CDI") -> ResultatDemonstration:
    """Ouvre des ressources de deux éditeurs par le GAR (médiacentre) et montre l'identifiant
    opaque que chaque éditeur reçoit : différent d'un éditeur à l'autre, jamais le nom. Se
    connecte d'abord si aucune session n'est ouverte sur le poste."""
    exiger_ent(ent, "identifiants_opaques(ent)")
    verifier_texte(identifiant, "identifiant")
    session = ent.cas.tgt_de(ent.navigateur(poste))
    if session is None or session.etat != "active" or session.identifiant != identifiant:
        mdp = _mot_de_passe_demo(identifiant)
        if mdp is None:
            raise ValeurInvalide(f"Connectez d'abord {cite(identifiant)} sur « {poste} ».",
                                 code="session_absente")
        ent.connexion(identifiant, mdp, poste=poste)
    mediacentre = ent.service("mediacentre")
    lignes = []
    opaques = {}
    for code in ressources:
        ouverture = mediacentre.ouvrir(identifiant, code, poste=poste)
        if not ouverture.ok:
            raise ErreurENT(ouverture.message, code=ouverture.code)
        recu = dict(ouverture.transmis_a_l_editeur)
        ido = next(v for k, v in recu.items() if k.startswith("Identifiant opaque"))
        opaques[ouverture.ressource.editeur] = ido
        autres = ", ".join(f"{k.lower()} : {v}" for k, v in recu.items()
                           if not k.startswith("Identifiant opaque"))
        lignes.append(f"{ouverture.ressource.editeur} (« {ouverture.ressource.titre} ») reçoit "
                      f"l'identifiant opaque {ido} ; et aussi {autres}.")
    differents = len(set(opaques.values())) == len(opaques)
    lignes.append(f"Les éditeurs reçoivent des identifiants différents : {differents} ; aucun "
                  f"ne reçoit le nom, la date de naissance ni le courriel de {identifiant}.")
    return ResultatDemonstration(
        titre="Ce que les éditeurs reçoivent du GAR", code="identifiants_opaques",
        constat="Ressources ouvertes sans nouvelle connexion ; chaque éditeur ne connaît "
                "l'élève que par un pseudonyme qui lui est propre : deux éditeurs ne peuvent "
                "pas croiser leurs données.",
        lignes=tuple(lignes))


def attributs_transmis(ent: ENT, *identifiants: str):
    """Les attributs d'identité que le serveur CAS transmet aux services (SDET, « Service de
    propagation des informations d'identité »), pour une ou plusieurs personnes : un tableau
    (``pandas.DataFrame``) en français, une colonne par personne, une ligne par attribut ; les
    noms techniques (``prenom``, ``etablissement``) ne restent que dans la réponse XML."""
    import pandas as pd

    exiger_ent(ent, "attributs_transmis(ent, \"sophie.martin\")")
    if not identifiants:
        raise ValeurInvalide("Donnez au moins un identifiant, par exemple "
                             "attributs_transmis(ent, \"sophie.martin\").")
    colonnes: dict[str, dict[str, str]] = {}
    for identifiant in identifiants:
        verifier_texte(identifiant, "identifiant")
        personne = ent.etablissement.personne(identifiant)
        colonnes[f"{personne.nom_complet} ({personne.profil.value})"] = {
            LIBELLES_ATTRIBUTS.get(nom, nom.capitalize()):
                valeur if isinstance(valeur, str) else ", ".join(valeur) or "(aucune)"
            for nom, valeur in ent.attributs(identifiant).items()}
    tableau = pd.DataFrame(colonnes).fillna("—")
    tableau.index.name = "Attribut"
    return tableau
