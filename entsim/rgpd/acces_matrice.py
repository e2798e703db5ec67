"""Qui accède à quoi ? La matrice des accès, calculée par le service d'autorisation, et
l'hébergement des données (questions du chef d'établissement, page ministérielle de 2022 :
« qui accède aux données qui circulent via l'ENT ? », « où les données personnelles des
utilisateurs sont-elles hébergées ? »).

Rien n'est recopié : pour chaque rôle, :func:`matrice_des_acces` choisit une personne
représentative du lycée simulé (un élève, l'un de ses responsables légaux, un enseignant de
sa classe qui n'enseigne pas dans l'autre, le professeur principal, la CPE…) et pose à
``ent.autorisation.evaluer`` (sans rien écrire au journal) la question « peut-elle lire,
peut-elle écrire ? » sur des données de plus en plus éloignées d'elle : les siennes (ou
celles de son enfant), celles d'un camarade de la même classe, celles d'un élève d'une
autre classe. Le périmètre est le plus large qui reste autorisé.

Une personne peut cumuler des fonctions (dans le lycée de démonstration, la professeure
documentaliste est aussi administratrice locale) : la matrice montre alors ce que permet
l'ensemble de ses rôles, comme l'autorisation le décide. Colonne « Personne » : qui a été
interrogé.
"""

from __future__ import annotations

from entsim.autorisation.habilitations.actions import Action
from entsim.autorisation.habilitations.ressources import Ressource
from entsim.etablissement.annuaire import Fonction
from entsim.rgpd.registre import sous_traitants
from entsim.rgpd.textes import citer
from entsim.socle.erreurs import Introuvable
from entsim.socle.texte import accorder

#: Catégorie de données → (service du catalogue qui la porte, sujet de la ressource).
#: Sujet : « eleve » (données d'un élève), « classe », « proprietaire » (données
#: personnelles d'un compte), « service » (ce que le service montre à qui l'ouvre).
CATEGORIES_RESSOURCES: dict[str, tuple[str, str]] = {
    "evaluations": ("notes", "eleve"),
    "absences_retards": ("absences", "eleve"),
    "situation_familiale": ("dossier_eleve", "eleve"),
    "orientation": ("orientation", "eleve"),
    "emploi_du_temps": ("emploi_du_temps", "classe"),
    "vie_scolaire": ("cahier_de_textes", "classe"),
    "correspondances": ("messagerie", "proprietaire"),
    "documents": ("espace_documentaire", "proprietaire"),
    "identite": ("annuaire", "service"),
    "contenus_publies": ("forum", "service"),
    "reponses_questionnaires": ("sondages", "service"),
    "prets_cdi": ("cdi", "service"),
    "identifiant_opaque": ("mediacentre", "service"),
}

ROLES = ("élève", "parent", "enseignant", "professeur principal", "CPE", "direction",
         "secrétariat", "gestionnaire", "documentaliste", "invité")

PROPRES, ENFANTS, CLASSES, TOUT = ("ses propres données", "ses enfants", "ses classes",
                                   "tout l'établissement")
VIA_SERVICE = "ce que le service lui montre"


def personnes_representatives(ent) -> dict[str, str]:
    """Rôle → identifiant de la personne interrogée (prise dans l'annuaire simulé)."""
    etab = ent.etablissement
    eleve = next(e for e in etab.eleves()
                 if e.responsables and len(etab.classe(e.classe).eleves) >= 2)
    classe = etab.classe(eleve.classe)
    autre = next((c for c in etab.classes.values() if c.code != classe.code), None)
    enseignant = next(
        (t for t in etab.enseignants() if classe.code in t.classes and not t.fonctions
         and (autre is None or autre.code not in t.classes)),
        next(t for t in etab.enseignants() if classe.code in t.classes))
    roles = {"élève": eleve.identifiant, "parent": eleve.responsables[0],
             "enseignant": enseignant.identifiant}
    if classe.professeur_principal:
        roles["professeur principal"] = classe.professeur_principal
    for role, fonction in (("CPE", Fonction.CPE), ("direction", Fonction.CHEF_ETABLISSEMENT),
                           ("secrétariat", Fonction.SECRETARIAT),
                           ("gestionnaire", Fonction.GESTIONNAIRE),
                           ("documentaliste", Fonction.DOCUMENTALISTE)):
        avec = etab.avec_fonction(fonction)
        if avec:
            roles[role] = avec[0].identifiant
    if etab.invites():
        roles["invité"] = etab.invites()[0].identifiant
    return roles


def _sujets(ent, roles: dict[str, str]):
    """Les élèves et classes témoins : le sien, un camarade, un élève d'une autre classe."""
    etab = ent.etablissement
    eleve = etab.personne(roles["élève"])
    camarade = next(e for e in etab.classe(eleve.classe).eleves if e != eleve.identifiant)
    autre_classe = next((c for c in etab.classes.values()
                         if c.code != eleve.classe and c.eleves), None)
    return eleve, camarade, autre_classe


def _permis(ent, ident: str, ressource: Ressource) -> tuple[bool, bool]:
    evaluer = ent.autorisation.evaluer
    lire = evaluer(ident, Action.LIRE, ressource).autorise
    ecrire = any(evaluer(ident, a, ressource).autorise for a in (Action.ECRIRE, Action.MODIFIER))
    return lire, ecrire


def _perimetres(ent, role: str, ident: str, service: str, sujet: str, temoins):
    """(périmètre de lecture, périmètre d'écriture) : le plus large autorisé, ou None."""
    eleve, camarade, autre_classe = temoins
    if sujet == "service":
        lire, ecrire = _permis(ent, ident, Ressource(service))
        return (VIA_SERVICE if lire else None), (VIA_SERVICE if ecrire else None)
    if sujet == "proprietaire":
        etapes = [(PROPRES, Ressource(service, proprietaire=ident)),
                  (TOUT, Ressource(service, proprietaire=eleve.identifiant
                                   if ident != eleve.identifiant else camarade))]
    else:
        proche = PROPRES if role == "élève" else ENFANTS if role == "parent" else CLASSES
        if sujet == "eleve":
            etapes = [(proche, Ressource(service, eleve=eleve.identifiant)),
                      (CLASSES if role in ("élève", "parent") else proche,
                       Ressource(service, eleve=camarade))]
            if autre_classe is not None:
                etapes.append((TOUT, Ressource(service, eleve=autre_classe.eleves[0])))
        else:
            etapes = [(proche if role != "élève" else "sa classe",
                       Ressource(service, classe=eleve.classe))]
            if autre_classe is not None:
                etapes.append((TOUT, Ressource(service, classe=autre_classe.code)))
    lecture = ecriture = None
    for perimetre, ressource in etapes:
        lire, ecrire = _permis(ent, ident, ressource)
        lecture = perimetre if lire else lecture
        ecriture = perimetre if ecrire else ecriture
    return lecture, ecriture


def _cellule(lecture: str | None, ecriture: str | None) -> str:
    if ecriture and ecriture == lecture:
        return f"écriture ({ecriture})"
    if ecriture:
        return f"lecture ({lecture}), écriture ({ecriture})" if lecture else \
            f"écriture ({ecriture})"
    return f"lecture ({lecture})" if lecture else "—"


def matrice_des_acces(ent):
    """DataFrame rôle × catégorie de données : « lecture (périmètre) », « écriture
    (périmètre) » ou « — », calculé par ``ent.autorisation.evaluer`` (rien n'est journalisé)."""
    import pandas as pd

    roles = personnes_representatives(ent)
    temoins = _sujets(ent, roles)
    categories = [c for c in CATEGORIES_RESSOURCES
                  if CATEGORIES_RESSOURCES[c][0] in ent.catalogue]
    lignes = []
    for role in ROLES:
        if role not in roles:
            continue
        ident = roles[role]
        ligne = {"Rôle": role,
                 "Personne": ent.etablissement.personne(ident).nom_complet}
        for code in categories:
            service, sujet = CATEGORIES_RESSOURCES[code]
            ligne[ent.catalogue.libelle_categorie(code)] = _cellule(
                *_perimetres(ent, role, ident, service, sujet, temoins))
        lignes.append(ligne)
    df = pd.DataFrame(lignes).set_index("Rôle")
    df.attrs["services"] = {ent.catalogue.libelle_categorie(c): CATEGORIES_RESSOURCES[c][0]
                            for c in categories}
    return df


def acces(ent, role: str, categorie: str) -> str:
    """Une cellule de la matrice, pour un rôle et un code de catégorie (``"evaluations"``)."""
    if categorie not in CATEGORIES_RESSOURCES:
        raise Introuvable(f"Catégorie inconnue « {categorie} » : choisissez parmi "
                          + ", ".join(CATEGORIES_RESSOURCES) + ".")
    roles = personnes_representatives(ent)
    if role not in roles:
        raise Introuvable(f"Rôle inconnu « {role} » : choisissez parmi "
                          + ", ".join(roles) + ".")
    service, sujet = CATEGORIES_RESSOURCES[categorie]
    return _cellule(*_perimetres(ent, role, roles[role], service, sujet,
                                 _sujets(ent, roles)))


def hebergement(ent):
    """Où sont les données et qui les traite : réponses à la liste de questions du chef
    d'établissement (cybersécurité de l'éditeur, qui accède, où c'est hébergé, mineurs :
    autorité parentale, Code civil, art. 371-1 ; majorité à 18 ans, art. 414),
    en DataFrame (Question, Réponse, Source)."""
    import pandas as pd

    from entsim.rgpd.registre import mesures_de_securite

    externes = {ligne["code"]: ligne for ligne in sous_traitants()}
    editeur, sauvegarde = externes["editeur_ent"], externes["sauvegarde"]
    eleves = ent.etablissement.eleves()
    le = ent.horloge.maintenant().date()
    mineurs = sum(1 for e in eleves if e.date_naissance is not None and not e.est_majeur(le))
    lignes = [
        ("Qui est le sous-traitant (éditeur et hébergeur) ?",
         f"{editeur['nom']} : {editeur['mission']} {editeur['contrat']}", citer("rgpd-28")),
        ("Où les données sont-elles hébergées ?",
         f"{editeur['lieu_hebergement']} ({editeur['pays']}) ; copie des sauvegardes : "
         f"{sauvegarde['nom']}, {sauvegarde['lieu_hebergement']} ({sauvegarde['pays']}).",
         citer("rgpd-30") + ".e"),
        ("Des données quittent-elles l'Union européenne ?",
         "Non : aucun transfert hors de l'Union (sinon, il faudrait une décision "
         "d'adéquation ou des garanties appropriées).", citer("rgpd-44")),
        ("Quelles mesures de cybersécurité ?", " ; ".join(mesures_de_securite(ent)) + ".",
         citer("rgpd-32")),
        ("Qui accède aux données ?",
         "Chacun selon son rôle et le besoin d'en connaître : voir matrice_des_acces(ent) ; "
         "les éditeurs de ressources ne reçoivent par le GAR qu'un identifiant opaque.",
         citer("rgpd-5-1-f", "arrete-gar")),
        ("Les élèves mineurs ?",
         f"{accorder(mineurs, 'élève')} sur {len(eleves)} "
         f"{'sont mineurs' if mineurs > 1 else 'est mineur'} à la date simulée "
         f"({le:%d/%m/%Y}) : leurs responsables légaux exercent leurs droits ; à 18 ans, "
         "l'élève les exerce lui-même.", "Code civil, art. 371-1 et 414"),
    ]
    df = pd.DataFrame(lignes, columns=["Question", "Réponse", "Source"])
    df.index = range(1, len(df) + 1)
    return df


__all__ = ["CATEGORIES_RESSOURCES", "ROLES", "acces", "hebergement", "matrice_des_acces",
           "personnes_representatives"]
