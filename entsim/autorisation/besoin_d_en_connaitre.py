"""Le besoin d'en connaître : rôles, habilitations intégrées et phrases qui les expliquent.

Arrêté du 30 novembre 2006 modifié (ENT), article 4 : les destinataires des données le sont
« dans le cadre de leurs attributions et dans les limites du besoin d'en connaître » — les
élèves pour « leurs informations personnelles et la vie scolaire », les responsables pour
« la vie scolaire des enfants dont ils ont la charge », les enseignants pour « la scolarité
de leurs élèves », les autres personnels pour « leurs fonctions dans l'établissement », les
intervenants extérieurs pour les seules activités auxquelles ils participent.

Avis de la CNIL sur les ENT (document 1) : « chaque titulaire d'un compte ENT ne [peut]
accéder qu'aux seules informations le concernant (exemple : un parent d'élève ne peut avoir
accès qu'aux seules informations relatives à la vie scolaire de son enfant telles les notes,
les absences, le cahier de textes de la classe) ».

Ce module tient la table intégrée (:data:`HABILITATIONS` : donnée → rôle → actions), celle
des parties de service (:data:`HABILITATIONS_PARTIES`, par exemple la justification des
absences), les rôles d'une personne (:func:`roles_de` ; le rôle ``eleve_majeur`` s'y ajoute
à la date de la demande, :mod:`entsim.autorisation.majorite`) et les phrases françaises qui
expliquent chaque décision (refus d'une action, donnée hors mission, accès dans ou hors du
périmètre, données de toute une classe réservées aux personnels). Le
service :class:`entsim.autorisation.service.Autorisation` s'en sert ; ces noms restent importables
depuis :mod:`entsim.autorisation.service`.
"""

from __future__ import annotations

from collections.abc import Callable

from entsim.etablissement.annuaire import Fonction, Personne, Profil
from entsim.autorisation.habilitations.ressources import (PARTIE_MESSAGE, SERVICES_PAR_CLASSE,
                                                          SERVICES_PAR_ELEVE,
                                                          SERVICES_PERSONNELS)
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import cite
from entsim.autorisation.habilitations.actions import (TOUTES_LES_ACTIONS, Action, liste_actions,
                                                       replier_cle)

# Abréviations de la table : L = lire, E = écrire, M = modifier ; _TOUT = les quatre actions.
_L = frozenset({Action.LIRE})
_LE = frozenset({Action.LIRE, Action.ECRIRE})
_LEM = frozenset({Action.LIRE, Action.ECRIRE, Action.MODIFIER})
_LM = frozenset({Action.LIRE, Action.MODIFIER})
_TOUT = TOUTES_LES_ACTIONS

#: Groupe nominal de chaque donnée de la vie scolaire, pour les phrases d'explication.
_GN: dict[str, str] = {
    "notes": "les notes", "absences": "les absences", "dossier_eleve": "le dossier scolaire",
    "orientation": "le dossier d'orientation", "cahier_de_textes": "le cahier de textes",
    "emploi_du_temps": "l'emploi du temps", "messagerie": "les messages",
    "espace_documentaire": "les documents personnels", "casier": "le casier",
    "cdi": "le catalogue du CDI",
}
#: Le même, « de tous » (pour dire qu'un rôle n'a pas à connaître ces données).
_GN_TOUS: dict[str, str] = {
    "notes": "les notes des élèves", "absences": "les absences des élèves",
    "dossier_eleve": "le dossier des élèves", "orientation": "l'orientation des élèves",
    "cahier_de_textes": "le cahier de textes des classes",
    "emploi_du_temps": "l'emploi du temps des classes", "cdi": "le catalogue du CDI",
}


# ======================================================================================
# Rôles et habilitations intégrées (arrêté ENT, art. 4 ; avis de la CNIL)
# ======================================================================================

#: Rôle → (sujet d'une phrase, libellé court).
ROLES: dict[str, tuple[str, str]] = {
    "eleve": ("Un élève", "Élève"),
    "eleve_majeur": ("Un élève majeur", "Élève majeur"),
    "parent": ("Un parent", "Parent"),
    "enseignant": ("Un enseignant", "Enseignant"),
    "professeur_principal": ("Le professeur principal", "Professeur principal"),
    "direction": ("Le chef d'établissement (ou son adjoint)", "Direction"),
    "cpe": ("Le CPE", "CPE"),
    "vie_scolaire": ("La vie scolaire (assistant d'éducation)", "Vie scolaire"),
    "secretariat": ("Le secrétariat", "Secrétariat"),
    "gestionnaire": ("Le gestionnaire (intendance)", "Gestionnaire"),
    "documentaliste": ("Le professeur documentaliste", "Documentaliste"),
    "administrateur_local": ("L'administrateur local de l'ENT", "Administrateur local"),
    "referent_numerique": ("Le référent numérique (RUPN)", "Référent numérique"),
    "personnel": ("Un membre du personnel", "Personnel"),
    "invite": ("Un invité (intervenant extérieur)", "Invité"),
}

#: Rôles tenus du profil (les autres viennent d'une fonction).
ROLES_DE_PROFIL = frozenset({"eleve", "parent", "enseignant", "personnel", "invite"})

#: Rôles dont le périmètre est tout l'établissement (« leurs fonctions dans l'école ou
#: l'établissement », arrêté ENT, art. 4).
ROLES_ETABLISSEMENT = frozenset({"direction", "cpe", "vie_scolaire", "secretariat",
                                 "gestionnaire", "documentaliste", "administrateur_local",
                                 "referent_numerique", "personnel"})

_ROLE_DE_FONCTION: dict[Fonction, str] = {
    Fonction.CHEF_ETABLISSEMENT: "direction",
    Fonction.ADJOINT: "direction",
    Fonction.PROFESSEUR_PRINCIPAL: "professeur_principal",
    Fonction.ADMINISTRATEUR_LOCAL: "administrateur_local",
    Fonction.CPE: "cpe",
    Fonction.VIE_SCOLAIRE: "vie_scolaire",
    Fonction.GESTIONNAIRE: "gestionnaire",
    Fonction.DOCUMENTALISTE: "documentaliste",
    Fonction.SECRETARIAT: "secretariat",
    Fonction.PARTENAIRE: "invite",
    Fonction.REFERENT_NUMERIQUE: "referent_numerique",
}

_ROLE_DE_SERVICE: dict[str, str] = {
    "direction": "direction", "vie_scolaire": "vie_scolaire", "intendance": "gestionnaire",
    "gestion": "gestionnaire", "secretariat": "secretariat", "cdi": "documentaliste",
}

#: Habilitations intégrées : donnée → rôle → actions permises (dans le périmètre du rôle).
#: Un rôle absent n'a pas à connaître la donnée. Les actions des rôles tenus du profil sont
#: en outre bornées par l'usage du catalogue (« lecture » → lire seulement).
#:
#: Choix documentés (les textes cités ; rien n'est changé sans un texte qui le dise) :
#:
#: * **L'enseignant et son appel** : il constate (« écrire ») sans modifier. « Tout personnel
#:   responsable d'une activité organisée pendant le temps scolaire signale les élèves
#:   absents » (code de l'éducation, art. L. 131-5, registre d'appel) ; le suivi de
#:   l'assiduité, donc la correction d'un appel erroné, revient au CPE et à la vie scolaire
#:   (circulaire n° 82-482 du 28 octobre 1982 : le CPE a « la responsabilité du contrôle des
#:   effectifs, de l'exactitude et de l'assiduité des élèves » ; missions des CPE, circulaire
#:   n° 2015-139 du 10 août 2015). Qu'un logiciel de vie scolaire laisse l'enseignant corriger
#:   son appel pendant son cours est un réglage du produit, pas une règle des textes.
#: * **Le cahier de textes des autres classes** : un enseignant ne lit que celui des classes
#:   où il enseigne. Le cahier de textes numérique « sera tenu par chaque professeur
#:   concerné et sera à la disposition des personnels de direction et d'inspection »
#:   (circulaire n° 2010-136 du 6 septembre 2010) ; ce n'est pas un document public, son
#:   accès est réservé à une population que définit le chef d'établissement (lecture du
#:   SNES, 2011). Aucun texte ne dit qu'un enseignant a besoin du cahier des classes où il
#:   n'enseigne pas.
#: * **Le CPE et les notes** : il les consulte (pas de saisie). Le conseil de classe
#:   comprend « le conseiller principal d'éducation » (code de l'éducation, art. R. 421-50)
#:   et « examine les résultats scolaires individuels » de chaque élève (art. R. 421-51).
#: * **Le dossier élève** : le secrétariat de scolarité le tient (lire, écrire, modifier :
#:   « leurs fonctions dans l'établissement », arrêté ENT, art. 4) ; l'assistant
#:   d'éducation (rôle ``vie_scolaire``) n'y a pas accès : ses fonctions (surveillance,
#:   appel, suivi de l'assiduité) passent par le service des absences, pas par le dossier.
#: * **Les enseignants et les notes** : un enseignant de la classe consulte le relevé de
#:   chacun de ses élèves, toutes disciplines (membre du conseil de classe, art. R. 421-50
#:   et R. 421-51) ; il ne saisit que dans sa discipline, et le tableau de la classe dans une
#:   discipline (son carnet de notes) est réservé à l'enseignant de cette discipline, au
#:   professeur principal, au CPE et à la direction (contrôle dans
#:   :meth:`entsim.services.notes.Notes.tableau_classe`).
HABILITATIONS: dict[str, dict[str, frozenset[Action]]] = {
    # Notes : les enseignants saisissent ; élève, parents, direction, CPE consultent.
    "notes": {"eleve": _L, "parent": _L, "enseignant": _TOUT, "professeur_principal": _L,
              "direction": _L, "cpe": _L},
    # Absences : l'appel (enseignant), la justification (parent), le suivi (vie scolaire).
    "absences": {"eleve": _L, "parent": _LE, "enseignant": _LE, "professeur_principal": _L,
                 "direction": _L, "cpe": _LEM, "vie_scolaire": _LEM},
    # Cahier de textes : tenu par les enseignants, visé par le chef d'établissement.
    "cahier_de_textes": {"eleve": _L, "parent": _L, "enseignant": _TOUT,
                         "professeur_principal": _L, "direction": _L, "cpe": _L,
                         "vie_scolaire": _L},
    # Emploi du temps : construit par la direction, connu de tous les membres.
    "emploi_du_temps": {"eleve": _L, "parent": _L, "enseignant": _L,
                        "professeur_principal": _L, "direction": _LEM, "cpe": _L,
                        "vie_scolaire": _L, "secretariat": _L, "gestionnaire": _L,
                        "documentaliste": _L, "administrateur_local": _L,
                        "referent_numerique": _L, "personnel": _L},
    # Dossier élève : tenu par le secrétariat de scolarité.
    "dossier_eleve": {"eleve": _L, "parent": _L, "enseignant": _L, "professeur_principal": _L,
                      "direction": _LM, "cpe": _L, "secretariat": _LEM, "gestionnaire": _L},
    # Orientation (Folios) : l'élève écrit, sa famille et ses enseignants suivent.
    "orientation": {"eleve": _TOUT, "parent": _L, "enseignant": _LE,
                    "professeur_principal": _LE, "direction": _L, "cpe": _L},
    # Catalogue du CDI : tenu par le professeur documentaliste, consulté par tous.
    "cdi": {"eleve": _L, "parent": _L, "enseignant": _L, "professeur_principal": _L,
            "direction": _L, "cpe": _L, "vie_scolaire": _L, "secretariat": _L,
            "gestionnaire": _L, "documentaliste": _TOUT, "administrateur_local": _L,
            "referent_numerique": _L, "personnel": _L},
}

#: Habilitations d'une *partie* d'un service (SDET : « une ressource peut être […] une partie
#: de service ») : (donnée, partie) → rôle → actions. Une partie connue remplace la table du
#: service ; une partie inconnue d'un service de cette table n'ouvre aucun droit (refus
#: ``hors_perimetre`` dans :meth:`entsim.autorisation.service.Autorisation.evaluer`).
#:
#: * ``("absences", "justificatifs")`` : la justification d'une absence. Quand un enfant
#:   manque la classe, les personnes qui en sont responsables font connaître sans délai les
#:   motifs de son absence (code de l'éducation, art. L. 131-8) ; le CPE et la vie scolaire
#:   les traitent ; l'enseignant les lit (il constate, il ne justifie pas). L'élève majeur peut
#:   justifier lui-même ses absences (règlements intérieurs des lycées ; voir
#:   :mod:`entsim.autorisation.majorite`).
HABILITATIONS_PARTIES: dict[tuple[str, str], dict[str, frozenset[Action]]] = {
    ("absences", "justificatifs"): {
        "eleve": _L, "eleve_majeur": _LE, "parent": _LE, "enseignant": _L,
        "professeur_principal": _L, "direction": _L, "cpe": _LEM, "vie_scolaire": _LEM},
}


def verifier_partie_de_regle(service: str, partie: str | None,
                             nom_service: Callable[[str], str]) -> None:
    """Une règle sur une partie inconnue ne viserait jamais rien : un refus écrit
    « Justificatifs » laisserait tout passer (issue 10, attaque, section 4). Pour un service
    dont l'autorisation connaît les parties (:data:`HABILITATIONS_PARTIES`, la partie
    « message » de la messagerie), la partie doit en être une, écrite exactement ; les
    autres applications jugent leurs parties elles-mêmes (les ressources du Médiacentre).
    Lève :class:`~entsim.socle.erreurs.ValeurInvalide` (code ``partie_inconnue``)."""
    if partie is None:
        return
    connues = set(HABILITATIONS_PARTIES) | {("messagerie", PARTIE_MESSAGE)}
    if service == "*":
        noms = sorted({p for _, p in connues})
    elif service in set(HABILITATIONS) | SERVICES_PAR_ELEVE | SERVICES_PAR_CLASSE \
            | SERVICES_PERSONNELS:
        noms = sorted(p for code, p in connues if code == service)
    else:
        return
    if partie in noms:
        return
    ou = ("ce service n'a pas de partie" if not noms else
          "parties connues : " + ", ".join(f"« {n} »" for n in noms))
    cible = "tous les services" if service == "*" else f"le service « {nom_service(service)} »"
    raise ValeurInvalide(f"Partie inconnue {cite(partie)} pour {cible} ({ou}) : une règle sur "
                         f"une partie inconnue ne viserait rien.", code="partie_inconnue")


def table_des_droits(code: str, partie: str | None) -> dict[str, frozenset[Action]] | None:
    """La table rôle → actions qui juge une demande sur ce service (et cette partie)."""
    if partie is not None and (code, partie) in HABILITATIONS_PARTIES:
        return HABILITATIONS_PARTIES[(code, partie)]
    return HABILITATIONS.get(code)


#: Refus « n'a pas à connaître » propres à un rôle et à une donnée.
_PHRASES_SANS_DROIT: dict[tuple[str, str], str] = {
    ("gestionnaire", "notes"): "Le gestionnaire (intendance) n'a pas à connaître les notes "
                               "des élèves : ce n'est pas nécessaire à sa mission.",
}

#: Refus d'une action précise (le rôle a d'autres actions sur la donnée).
_PHRASES_ACTION: dict[tuple[str, str], str] = {
    ("eleve", "notes"): "Un élève consulte ses notes ; seuls ses enseignants les saisissent "
                        "ou les modifient.",
    ("parent", "notes"): "Un parent consulte les notes de son enfant ; seuls les enseignants "
                         "les saisissent ou les modifient.",
    ("direction", "notes"): "Le chef d'établissement consulte les notes (conseils de classe, "
                            "bulletins) ; seuls les enseignants les saisissent.",
    ("cpe", "notes"): "Le CPE consulte les notes pour le suivi des élèves et les conseils de "
                      "classe ; seuls les enseignants les saisissent.",
    ("parent", "absences"): "Un parent peut consulter et justifier les absences de son "
                            "enfant, pas les modifier ni les supprimer.",
    ("eleve", "absences"): "Un élève consulte ses absences ; c'est sa famille qui les "
                           "justifie et la vie scolaire qui les traite.",
}

#: Refus d'une action sur une partie d'un service (rôle, donnée, partie).
_PHRASES_ACTION_PARTIE: dict[tuple[str, str, str], str] = {
    ("enseignant", "absences", "justificatifs"):
        "Un enseignant constate les absences (l'appel) ; la justification vient de la "
        "famille et elle est traitée par la vie scolaire.",
    ("eleve", "absences", "justificatifs"):
        "Un élève consulte ses absences ; c'est sa famille qui les justifie et la vie "
        "scolaire qui les traite (un élève majeur peut les justifier lui-même).",
}

#: Complément de périmètre, pour les phrases « … ne voit que les notes <complément>. »
_PERIMETRE_ELEVE: dict[str, str] = {
    "enseignant": "des élèves des classes où il enseigne",
    "professeur_principal": "des élèves de la classe dont il est professeur principal",
    "parent": "de ses propres enfants",
    "eleve": "le concernant",
    "eleve_majeur": "le concernant",
}
_PERIMETRE_CLASSE: dict[str, str] = {
    "enseignant": "des classes où il enseigne",
    "professeur_principal": "de la classe dont il est professeur principal",
    "parent": "de la classe de ses enfants",
    "eleve": "de sa propre classe",
    "eleve_majeur": "de sa propre classe",
}

#: Les données personnelles de toute une classe (notes, absences, dossiers, portfolios :
#: ``Ressource(code, classe=…)``) sont réservées aux personnels qui en ont besoin ; un élève
#: et ses parents voient les siennes et, pour les notes, les moyennes de la classe (des
#: agrégats). Arrêté ENT, art. 4 : les élèves accèdent à « leurs informations
#: personnelles », les responsables à « la vie scolaire des enfants dont ils ont la
#: charge » ; avis de la CNIL (document 1) : « chaque titulaire d'un compte ENT ne [peut]
#: accéder qu'aux seules informations le concernant ».
ROLES_FAMILLE = frozenset({"eleve", "eleve_majeur", "parent"})
_SES_DONNEES: dict[tuple[str, str], str] = {
    ("eleve", "notes"): "ses propres notes et les moyennes de sa classe",
    ("parent", "notes"): "les notes de ses propres enfants et les moyennes de leur classe",
    ("eleve", "absences"): "ses propres absences",
    ("parent", "absences"): "les absences de ses propres enfants",
    ("eleve", "dossier_eleve"): "son propre dossier",
    ("parent", "dossier_eleve"): "le dossier de ses propres enfants",
    ("eleve", "orientation"): "son propre portfolio Folios",
    ("parent", "orientation"): "le portfolio Folios de ses propres enfants",
}
_RESERVE_A: dict[str, str] = {
    "notes": "les notes de toute la classe sont réservées à ses enseignants, à son professeur "
             "principal, au CPE et à la direction",
    "absences": "les absences de toute la classe sont réservées à ses enseignants, à la vie "
                "scolaire (CPE, assistants d'éducation) et à la direction",
    "dossier_eleve": "les dossiers de toute la classe sont réservés aux personnels qui les "
                     "tiennent ou en ont besoin pour leurs fonctions",
    "orientation": "les portfolios de toute la classe sont réservés à ses enseignants, au CPE "
                   "et à la direction",
}


def raison_classe_reservee(role: str, code: str) -> str:
    """Pourquoi un élève ou un parent ne voit pas les données personnelles de toute une
    classe (« Un élève ne voit que ses propres notes et les moyennes de sa classe : … »)."""
    famille = "parent" if role == "parent" else "eleve"
    ses = _SES_DONNEES.get((famille, code), "les données le concernant")
    reserve = _RESERVE_A.get(code, "celles de toute la classe sont réservées aux personnels "
                                   "qui en ont besoin")
    return (f"{ROLES[famille][0]} ne voit que {ses} : {reserve} (besoin d'en connaître, "
            f"arrêté ENT, art. 4).")


def roles_de(personne: Personne) -> list[str]:
    """Les rôles d'une personne : ceux de ses fonctions d'abord, puis celui de son profil
    (un personnel CPE a le rôle ``"cpe"`` ; un professeur principal a les rôles
    ``"professeur_principal"`` et ``"enseignant"`` ; un invité n'a que le rôle ``"invite"``).
    """
    roles: list[str] = []
    for fonction in sorted(personne.fonctions, key=lambda f: f.name):
        role = _ROLE_DE_FONCTION.get(fonction)
        if role and role not in roles:
            roles.append(role)
    profil_role = {Profil.ELEVE: "eleve", Profil.PARENT: "parent",
                   Profil.ENSEIGNANT: "enseignant", Profil.INVITE: "invite"}.get(personne.profil)
    if profil_role is not None:
        if profil_role not in roles:
            roles.append(profil_role)
    elif not roles:  # un personnel sans fonction : d'après son service, sinon « personnel »
        service = replier_cle(getattr(personne, "service", "") or "")
        roles.append(_ROLE_DE_SERVICE.get(service, "personnel"))
    if "invite" in roles:  # un invité, même partenaire, reste un invité
        roles = ["invite"]
    return roles


# ======================================================================================
# Phrases d'explication
# ======================================================================================

def groupe_nominal(code: str, defaut: str) -> str:
    """« les notes », « le cahier de textes »… ; ``defaut`` pour un service sans données de
    vie scolaire."""
    return _GN.get(code, defaut)


def phrase_propre(role: str, code: str, partie: str | None = None) -> bool:
    """Ce rôle a-t-il une phrase écrite pour lui (plutôt que la phrase générale) ?"""
    return (role, code, partie or "") in _PHRASES_ACTION_PARTIE or (role, code) in _PHRASES_ACTION


def phrase_action_non_permise(role: str, code: str, actions: frozenset[Action],
                              action: Action, partie: str | None = None) -> str:
    """Refus d'une action précise à un rôle qui a d'autres actions (``actions``) sur la
    donnée (ou sur cette ``partie`` du service) : « Un parent peut consulter et justifier
    les absences… »."""
    phrase = _PHRASES_ACTION_PARTIE.get((role, code, partie or "")) \
        or _PHRASES_ACTION.get((role, code))
    if phrase is None:
        phrase = (f"{ROLES[role][0]} peut seulement {liste_actions(actions)} "
                  f"{_GN[code]} : l'action « {action.value} » ne lui est pas permise.")
    return phrase


def phrase_sans_droit(role: str, code: str) -> str:
    """Refus d'une donnée que le rôle n'a pas à connaître (aucune action sur elle)."""
    return _PHRASES_SANS_DROIT.get((role, code)) or (
        f"{ROLES[role][0]} n'a pas à connaître {_GN_TOUS.get(code, _GN[code])} : ce "
        f"n'est pas nécessaire à sa mission (besoin d'en connaître).")


def raison_dans_perimetre(role: str, sujet: str, par_classe: bool) -> str:
    """Pourquoi ce rôle voit les données de cet élève (ou de cette classe, ``par_classe``)."""
    if role == "eleve":
        return ("C'est sa propre classe : un élève a accès à la vie scolaire de sa classe."
                if par_classe else
                "Ce sont ses propres données : un élève a accès aux informations le "
                "concernant.")
    if role == "parent":
        lien = (f"La classe {sujet} est celle de son enfant" if par_classe
                else f"{sujet} est son enfant")
        return (f"{lien} : un parent a accès à la vie scolaire de ses enfants "
                "(avis de la CNIL).")
    if role == "enseignant":
        lien = (f"Cette personne enseigne en {sujet}" if par_classe
                else f"{sujet} est son élève")
        return (f"{lien} : un enseignant a accès à la scolarité de ses élèves "
                "(arrêté ENT, art. 4).")
    if role == "professeur_principal":
        return ("Cette personne est professeur principal de la classe : elle suit la "
                "scolarité de ses élèves (arrêté ENT, art. 4).")
    return (f"{ROLES[role][0]} y a accès pour tout l'établissement, dans le cadre de ses "
            f"fonctions (arrêté ENT, art. 4).")


def raison_hors_perimetre(roles: list[str], gn: str, verbe: str, par_classe: bool) -> str:
    """Pourquoi ces rôles ne voient pas ces données : le périmètre le plus large qu'ils ont
    (« Un parent ne voit que les notes de ses propres enfants. »)."""
    table = _PERIMETRE_CLASSE if par_classe else _PERIMETRE_ELEVE
    for role in table:  # du périmètre le plus large au plus étroit
        if role in roles:
            return f"{ROLES[role][0]} {verbe} {gn} {table[role]}."
    return f"{ROLES[roles[0]][0]} n'a pas à connaître {gn} de cette personne."
