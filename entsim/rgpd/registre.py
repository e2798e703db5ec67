"""Le registre des activités de traitement du lycée simulé (RGPD, art. 30.1), tiré du
catalogue des services.

Le registre comporte, pour chaque traitement, ce qu'exige l'art. 30.1 : a) le nom et les
coordonnées du responsable du traitement et du délégué à la protection des données ; b) les
finalités ; c) les catégories de personnes concernées et de données ; d) les catégories de
destinataires ; e) les transferts hors de l'Union ; f) les délais d'effacement ; g) les
mesures de sécurité (art. 32). On y ajoute la base légale, le sous-traitant (art. 28) et le
lieu d'hébergement, que la CNIL propose aussi dans son modèle de registre.

**Un traitement par finalité, pas un par logiciel.** Le registre décrit des *activités de
traitement* : l'art. 30.1.b parle de « finalités ». Les notes, les absences et le cahier de
textes servent une même finalité (le suivi de la scolarité), la messagerie une autre
(communiquer) : :data:`TRAITEMENTS` regroupe ainsi les services du catalogue en neuf
traitements, plus la journalisation, transversale (la recommandation de la CNIL sur la
journalisation, délibération n° 2021-122, admet une entrée propre quand elle l'est). Un
service ajouté au catalogue sans être rangé devient son propre traitement : rien ne sort du
registre sans qu'on le voie.

Tout est calculé : finalités, catégories et durées de conservation viennent du catalogue
(``data/services.csv``) ; les destinataires, des habilitations (une question à
``ent.autorisation.evaluer`` par profil) ; les mesures de sécurité, des réglages réels de
l'ENT simulé ; le sous-traitant et l'hébergement, de ``data/sous_traitants.csv`` (noms
fictifs). Le responsable est le chef d'établissement de l'annuaire (avis de la CNIL du
27 avril 2006 ; arrêté ENT) ; le DPO est celui de l'académie : un organisme public doit en
désigner un (art. 37.1.a), qui peut être commun à plusieurs organismes (art. 37.3).

:func:`verifier` relit une entrée comme le ferait un contrôleur et dit, en français, ce qui
manque ; :func:`traitement_non_conforme` en fabrique une volontairement fautive (exercice
de la question 10).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from pathlib import Path

from entsim.autorisation.habilitations.ressources import Ressource
from entsim.etablissement.annuaire import Profil
from entsim.etablissement.identifiants import replier
from entsim.rgpd.textes import citer, source
from entsim.socle.donnees import lire_csv
from entsim.socle.donnees import FichierEnregistre
from entsim.socle.erreurs import Introuvable, ValeurInvalide, verifier_texte

#: Les traitements du registre : (code, nom, services du catalogue).
TRAITEMENTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("vie_scolaire", "ENT — vie scolaire et suivi des élèves",
     ("notes", "absences", "emploi_du_temps", "agenda", "cahier_de_textes", "dossier_eleve",
      "orientation", "exercices")),
    ("communication", "Messagerie et information des familles",
     ("messagerie", "informations_familles", "visioconference")),
    ("publication", "Publication et travail collaboratif",
     ("actualites", "pad", "mur_collaboratif", "wiki", "blog", "forum", "pages",
      "espaces_partages")),
    ("documents", "Dépôt et stockage de documents", ("espace_documentaire", "casier")),
    ("annuaire", "Annuaire et comptes de l'ENT", ("annuaire",)),
    ("teleservices", "Téléservices (démarches des familles)", ("teleservices",)),
    ("sondages", "Sondages", ("sondages",)),
    ("cdi", "CDI — recherche documentaire et prêts", ("cdi",)),
    ("gar", "Ressources numériques (GAR)", ("mediacentre",)),
)

#: Catégories de données sensibles (RGPD art. 9.1) et relatives aux infractions (art. 10).
CATEGORIES_SENSIBLES: dict[str, str] = {
    "origines": "origine raciale ou ethnique", "opinions": "opinions politiques",
    "convictions": "convictions religieuses ou philosophiques",
    "syndicat": "appartenance syndicale", "genetique": "données génétiques",
    "biometrie": "données biométriques", "sante": "santé",
    "vie_sexuelle": "vie ou orientation sexuelle", "infractions": "infractions (art. 10)",
}

_PERSONNES = {Profil.ELEVE: "élèves (mineurs pour la plupart)",
              Profil.PARENT: "responsables légaux", Profil.ENSEIGNANT: "enseignants",
              Profil.PERSONNEL: "personnels", Profil.INVITE: "invités (intervenants extérieurs)"}
_DESTINATAIRES = {Profil.ELEVE: "élèves", Profil.PARENT: "responsables légaux",
                  Profil.ENSEIGNANT: "enseignants", Profil.PERSONNEL: "personnels",
                  Profil.INVITE: "invités"}
#: Durée maximale après le départ pour les données d'un ENT (arrêté ENT, art. 6).
JOURS_MAX_ENT = 90


def adresse_dpd(academie: str) -> str:
    """L'adresse (fictive, domaine réservé ``.example``) du délégué à la protection des
    données de l'académie : « académie de Nantes » → ``dpd@ac-nantes.example``."""
    ville = academie.split(" de ", 1)[-1] if " de " in academie else academie
    ville = replier(ville).replace("'", "-").replace(" ", "-")
    return f"dpd@ac-{ville}.example"


def adresse_etablissement(ent) -> str:
    """L'adresse (fictive) du secrétariat de direction : ``ce.<UAI>@ac-<ville>.example``."""
    etab = ent.etablissement
    return f"ce.{etab.uai.lower()}@{adresse_dpd(etab.academie).split('@', 1)[1]}"


def responsable(ent) -> str:
    """Le responsable du traitement : le chef d'établissement de l'annuaire, avec contact."""
    etab = ent.etablissement
    chef = etab.chef_etablissement()
    return (f"{chef.nom_complet}, chef d'établissement, {etab.nom} ({etab.commune}, "
            f"UAI {etab.uai}) — {adresse_etablissement(ent)}")


def delegue(ent) -> str:
    """Le délégué à la protection des données (DPO) de l'académie, avec contact."""
    academie = ent.etablissement.academie
    return (f"Délégué à la protection des données de l'{academie} — "
            f"{adresse_dpd(academie)}")


@dataclass(frozen=True)
class EntreeRegistre:
    """Une activité de traitement (RGPD, art. 30.1)."""

    code: str
    nom: str
    responsable: str
    dpo: str
    finalites: tuple[str, ...]
    base_legale: str
    personnes: tuple[str, ...]
    categories: tuple[str, ...]          # codes (``data/categories_donnees.csv`` ou sensibles)
    libelles_categories: tuple[str, ...]
    destinataires: tuple[str, ...]
    conservation: str
    conservation_jours: int | None       # None : aucune durée (illimitée ou non dite)
    securite: tuple[str, ...]
    sous_traitants: tuple[str, ...]
    hebergement: str
    transferts_hors_ue: str
    services: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default=())

    def ligne(self) -> dict[str, str]:
        """La ligne du tableau (colonnes françaises)."""
        return {
            "Traitement": self.nom, "Code": self.code,
            "Responsable du traitement": self.responsable,
            "Délégué à la protection des données": self.dpo,
            "Finalités": " ; ".join(f.rstrip(". ") for f in self.finalites) or "—",
            "Base légale": self.base_legale or "—",
            "Personnes concernées": ", ".join(self.personnes) or "—",
            "Catégories de données": ", ".join(self.libelles_categories) or "—",
            "Destinataires": ", ".join(self.destinataires) or "—",
            "Durée de conservation": self.conservation or "—",
            "Mesures de sécurité": " ; ".join(self.securite) or "—",
            "Sous-traitants": ", ".join(self.sous_traitants) or "—",
            "Hébergement": self.hebergement or "—",
            "Transferts hors UE": self.transferts_hors_ue or "—",
            "Services": ", ".join(self.services) or "—",
        }

    def texte(self) -> str:
        return "\n".join([f"{self.nom} ({self.code})"]
                         + [f"  {cle} : {val}" for cle, val in self.ligne().items()
                            if cle not in ("Traitement", "Code")])


def sous_traitants() -> tuple[dict[str, str], ...]:
    """Les lignes de ``data/sous_traitants.csv`` (organismes fictifs)."""
    return lire_csv("sous_traitants.csv")


def mesures_de_securite(ent) -> tuple[str, ...]:
    """Les mesures de sécurité réellement en place dans l'ENT simulé (art. 30.1.g, art. 32)."""
    auth = ent.authentification
    schema = auth.hachage.description
    mesures = [
        f"mots de passe conservés sous forme d'empreintes {schema.algorithme}"
        + (" salées et lentes" if schema.sale and schema.lent else "")
        + ", jamais en clair",
        auth.verrouillage.decrire().rstrip(".").replace("Blocage", "blocage", 1),
        f"échanges chiffrés en HTTPS (TLS) : le serveur d'authentification ({ent.cas.url}) "
        "et les services refusent une adresse en http, cookie de session Secure et HttpOnly",
        "authentification unique (SSO, CAS) : le mot de passe n'est saisi que sur le "
        "serveur d'authentification",
        "habilitations par profil et besoin d'en connaître : chaque accès est décidé et "
        "journalisé",
        "journal d'audit chaîné (SHA-256) et scellé, conservé de six mois à un an "
        "(recommandation de la CNIL)",
    ]
    return tuple(mesures)


def _destinataires(ent, services: tuple[str, ...]) -> list[str]:
    """Les profils à qui l'autorisation ouvre au moins un des services (une personne par
    profil, la première de l'annuaire, interrogée par ``ent.autorisation.evaluer``)."""
    trouves = []
    for profil in Profil:
        personnes = ent.etablissement.par_profil(profil)
        if not personnes:
            continue
        ident = personnes[0].identifiant
        if any(ent.autorisation.evaluer(ident, "lire", Ressource.service_seul(s)).autorise
               for s in services):
            trouves.append(_DESTINATAIRES[profil])
    return trouves


def _entree_de_services(ent, code: str, nom: str, services: tuple[str, ...],
                        externes: dict[str, dict[str, str]]) -> EntreeRegistre:
    cat = ent.catalogue
    fiches = [cat.service(s) for s in services]
    finalites = tuple(dict.fromkeys(f"{f.nom} : {f.finalite}" for f in fiches))
    categories = tuple(dict.fromkeys(c for f in fiches for c in f.categories_donnees))
    personnes = tuple(_PERSONNES[p] for p in Profil
                      if any(f.usage(p) != "aucun" for f in fiches))
    destinataires = _destinataires(ent, services)
    editeur = externes["editeur_ent"]
    sources = ["rgpd-30", "rgpd-6-1-e", "arrete-ent", "arrete-ent-6", "rgpd-28"]
    base = (f"Mission d'intérêt public ({citer('rgpd-6-1-e')}) dans le cadre de "
            f"l'{citer('arrete-ent')}")
    if any(f.via_gar for f in fiches):
        gar, editeurs = externes["gar"], externes["editeurs_ressources"]
        destinataires += [f"{gar['nom']} (ministère de l'Éducation nationale)",
                          f"{editeurs['nom']} : identifiant opaque seulement"]
        base += f" et de l'{citer('arrete-gar')}"
        sources.append("arrete-gar")
    jours = max(f.duree_conservation_jours for f in fiches)
    return EntreeRegistre(
        code=code, nom=nom, responsable=responsable(ent), dpo=delegue(ent),
        finalites=finalites, base_legale=base, personnes=personnes, categories=categories,
        libelles_categories=tuple(cat.libelle_categorie(c) for c in categories),
        destinataires=tuple(destinataires),
        conservation=" ".join(dict.fromkeys(f.duree_conservation for f in fiches)),
        conservation_jours=jours, securite=mesures_de_securite(ent),
        sous_traitants=(f"{editeur['nom']} ({editeur['mission']})",
                        f"{externes['sauvegarde']['nom']} (sous-traitant ultérieur : "
                        "sauvegardes chiffrées)"),
        hebergement=f"{editeur['lieu_hebergement']} ; sauvegardes : "
                    f"{externes['sauvegarde']['lieu_hebergement']} "
                    f"({externes['sauvegarde']['pays']})",
        transferts_hors_ue="Aucun", services=services, sources=tuple(sources))


def _entree_journalisation(ent, modele: EntreeRegistre) -> EntreeRegistre:
    rec = source("cnil-journalisation")
    return replace(
        modele, code="journalisation", nom="Journalisation des accès (traces de connexion)",
        finalites=("Assurer la sécurité de l'ENT : retrouver qui a accédé à quoi, détecter "
                   "et instruire un incident ou un usage abusif",),
        personnes=tuple(_PERSONNES.values()), categories=("identite", "donnees_connexion"),
        libelles_categories=tuple(ent.catalogue.libelle_categorie(c)
                                  for c in ("identite", "donnees_connexion")),
        destinataires=("administrateur de l'ENT et direction, en cas d'incident",),
        conservation=f"Six mois à un an ({rec.reference()}, recommandation)",
        conservation_jours=365, services=(),
        sources=modele.sources + ("cnil-journalisation", "rgpd-32"))


class Registre:
    """Le registre des activités de traitement du lycée (RGPD, art. 30.1)."""

    def __init__(self, entrees: tuple[EntreeRegistre, ...], etablissement: str) -> None:
        self.entrees = entrees
        self.etablissement = etablissement

    def __iter__(self):
        return iter(self.entrees)

    def __len__(self) -> int:
        return len(self.entrees)

    def entree(self, code: str) -> EntreeRegistre:
        """L'entrée ``code`` (``"vie_scolaire"``, ``"gar"``…), ou :class:`Introuvable`."""
        verifier_texte(code, "code")
        for e in self.entrees:
            if e.code == code:
                return e
        raise Introuvable(f"Aucun traitement de code « {code} » dans le registre. Codes : "
                          + ", ".join(e.code for e in self.entrees) + ".")

    def tableau(self):
        """Le registre en DataFrame : une ligne par traitement, numérotée à partir de 1."""
        import pandas as pd

        df = pd.DataFrame([e.ligne() for e in self.entrees])
        df.index = range(1, len(df) + 1)
        return df

    #: Les colonnes de l'aperçu : lisible projeté, le détail est dans ``entree(code).texte()``.
    COLONNES_APERCU = ("Traitement", "Personnes concernées", "Destinataires", "Hébergement")

    def apercu(self):
        """Le registre en quatre colonnes courtes (traitement, personnes, destinataires,
        hébergement), numéroté à partir de 1 : lisible vidéoprojeté ; le détail d'un
        traitement : ``entree(code).texte()``, le tout : :meth:`tableau`."""
        return self.tableau()[list(self.COLONNES_APERCU)]

    def texte(self) -> str:
        titre = (f"Registre des activités de traitement — {self.etablissement} "
                 f"({source('rgpd-30').reference()})")
        return "\n\n".join([titre] + [f"{i}. {e.texte()}"
                                      for i, e in enumerate(self.entrees, start=1)])

    def exporter(self, chemin: str | Path) -> FichierEnregistre:
        """Écrit le registre : ``.csv`` (UTF-8 avec BOM, séparateur « ; », pour Excel en
        français), ``.md`` (Markdown) ou ``.html``, dans un dossier existant. Rend le chemin
        écrit ; un chemin impossible donne une :class:`ValeurInvalide` (rien n'est écrit)."""
        if not isinstance(chemin, (str, Path)) or not str(chemin).strip():
            raise ValeurInvalide("Donnez un nom de fichier, par exemple "
                                 "registre.exporter(\"registre.csv\").", code="chemin_invalide")
        chemin = Path(chemin)
        if chemin.is_dir():
            raise ValeurInvalide(f"« {chemin} » est un dossier : donnez un nom de fichier, par "
                                 f"exemple « registre.csv ».", code="chemin_occupe")
        if not chemin.parent.is_dir():
            raise ValeurInvalide(f"Le dossier « {chemin.parent} » n'existe pas : choisissez un "
                                 f"fichier dans un dossier existant.", code="dossier_absent")
        try:
            return self._exporter(chemin)
        except OSError as erreur:
            raise ValeurInvalide(f"Impossible d'écrire « {chemin} » "
                                 f"({erreur.strerror or erreur}).",
                                 code="ecriture_impossible") from None

    def _exporter(self, chemin: Path) -> FichierEnregistre:
        suffixe = chemin.suffix.lower()
        df = self.tableau()
        if suffixe == ".csv":
            tampon = io.StringIO()
            ecrivain = csv.writer(tampon, delimiter=";", lineterminator="\r\n")
            ecrivain.writerow(["N°", *df.columns])
            for numero, ligne in df.iterrows():
                ecrivain.writerow([numero, *[_cellule_sure(v) for v in ligne]])
            chemin.write_text(tampon.getvalue(), encoding="utf-8-sig")
        elif suffixe == ".md":
            def md(v: object) -> str:
                return str(v).replace("|", "\\|").replace("\n", " ")
            lignes = [f"# Registre des activités de traitement — {self.etablissement}", "",
                      "| N° | " + " | ".join(df.columns) + " |",
                      "|---" * (len(df.columns) + 1) + "|"]
            lignes += ["| " + " | ".join([str(n), *map(md, ligne)]) + " |"
                       for n, ligne in df.iterrows()]
            chemin.write_text("\n".join(lignes) + "\n", encoding="utf-8")
        elif suffixe in (".html", ".htm"):
            chemin.write_text(df.to_html(index_names=False), encoding="utf-8")
        else:
            raise ValeurInvalide(f"Format d'export inconnu « {suffixe or chemin.name} » : "
                                 "choisissez un nom finissant par .csv, .md ou .html.")
        return FichierEnregistre(chemin)

    def _repr_html_(self) -> str:
        return self.tableau().to_html()

    def __repr__(self) -> str:
        return f"<Registre de {self.etablissement} : {len(self)} traitements>"


def _cellule_sure(valeur: object) -> str:
    """Neutralise une cellule qui commencerait par ``= + - @`` (injection de formule)."""
    texte = str(valeur)
    return "'" + texte if texte[:1] in ("=", "+", "-", "@") else texte


def registre(ent) -> Registre:
    """Le registre des activités de traitement du lycée simulé, tiré du catalogue."""
    externes = {ligne["code"]: ligne for ligne in sous_traitants()}
    ranges = {s for _c, _n, services in TRAITEMENTS for s in services}
    groupes = [(c, n, tuple(s for s in services if s in ent.catalogue))
               for c, n, services in TRAITEMENTS]
    groupes += [(s.code, s.nom, (s.code,)) for s in ent.catalogue if s.code not in ranges]
    entrees = [_entree_de_services(ent, c, n, services, externes)
               for c, n, services in groupes if services]
    entrees.append(_entree_journalisation(ent, entrees[0]))
    return Registre(tuple(entrees), ent.etablissement.nom)


def traitement_non_conforme(ent=None) -> EntreeRegistre:
    """Un traitement volontairement non conforme, pour l'exercice de repérage (Q10) : un
    « sondage bien-être » qui garde des données de santé sans limite, sans finalité, sans
    base légale, ouvert à tous et hébergé hors de l'Union sans garanties."""
    resp = responsable(ent) if ent is not None else "Le chef d'établissement"
    return EntreeRegistre(
        code="sondage_bien_etre", nom="Sondage « bien-être » des élèves",
        responsable=resp, dpo="", finalites=(), base_legale="",
        personnes=("élèves",),
        categories=("identite", "sante", "reponses_questionnaires"),
        libelles_categories=("Identité", "Santé (traitements, suivi psychologique)",
                             "Réponses à des questionnaires"),
        destinataires=("tous les utilisateurs de l'ENT",),
        conservation="Illimitée", conservation_jours=None, securite=(),
        sous_traitants=("un formulaire en ligne gratuit",),
        hebergement="Serveurs du formulaire, hors de l'Union européenne",
        transferts_hors_ue="Oui, sans garanties", services=("sondages",), sources=())


def verifier(entree: EntreeRegistre) -> list[str]:
    """Ce qu'un contrôle trouverait à redire à une entrée du registre, en français (liste
    vide : rien à signaler). Chaque constat cite l'article qui le fonde."""
    if not isinstance(entree, EntreeRegistre):
        raise ValeurInvalide("verifier() attend une entrée du registre (EntreeRegistre), "
                             "par exemple registre(ent).entree(\"vie_scolaire\").")
    constats = []
    if not entree.responsable.strip():
        constats.append(f"Responsable du traitement absent ({citer('rgpd-30')}.a).")
    if not entree.dpo.strip():
        constats.append("Coordonnées du délégué à la protection des données absentes : un "
                        f"organisme public doit en désigner un ({citer('rgpd-37-1-a')}, "
                        f"{citer('rgpd-30')}.a).")
    if not entree.finalites:
        constats.append("Finalité absente : des données ne se collectent que pour un but "
                        f"déterminé, explicite et légitime ({citer('rgpd-5-1-b')} ; "
                        f"{citer('rgpd-30')}.b).")
    if not entree.base_legale.strip():
        constats.append(f"Aucune base légale : un traitement n'est licite que s'il repose "
                        f"sur l'un des cas de l'art. 6.1 (pour l'ENT : "
                        f"{citer('rgpd-6-1-e')}).")
    sensibles = [CATEGORIES_SENSIBLES[c] for c in entree.categories
                 if c in CATEGORIES_SENSIBLES]
    if sensibles:
        constats.append(f"Données sensibles ({', '.join(sensibles)}) : leur traitement est "
                        f"interdit sauf exception ({citer('rgpd-9-1')}, {citer('rgpd-10')}) "
                        "— l'ENT n'en a pas besoin.")
    if entree.conservation_jours is None:
        constats.append(f"Durée de conservation absente ou illimitée "
                        f"(« {entree.conservation or 'non dite'} ») : les données ne se "
                        f"gardent pas plus longtemps que nécessaire ({citer('rgpd-5-1-e')} ; "
                        f"{citer('rgpd-30')}.f).")
    elif entree.code != "journalisation" and entree.conservation_jours > JOURS_MAX_ENT:
        constats.append(f"Durée de conservation trop longue ({entree.conservation_jours} "
                        f"jours) : l'{citer('arrete-ent-6')} impose la suppression au plus "
                        f"tard trois mois après le départ.")
    if not entree.destinataires:
        constats.append(f"Destinataires non indiqués ({citer('rgpd-30')}.d).")
    elif any("tous les utilisateurs" in d for d in entree.destinataires):
        constats.append("Destinataires trop larges (« tous les utilisateurs ») : chacun ne "
                        "doit voir que ce dont il a besoin (besoin d'en connaître ; "
                        f"{citer('rgpd-5-1-f')}).")
    if not entree.securite:
        constats.append(f"Aucune mesure de sécurité décrite ({citer('rgpd-32')} ; "
                        f"{citer('rgpd-30')}.g).")
    transfert = replier(entree.transferts_hors_ue)
    if transfert not in ("aucun", "") and "garanties appropriees" not in transfert \
            or "sans garantie" in transfert:
        constats.append(f"Transfert hors de l'Union sans garanties : interdit hors des cas "
                        f"du chapitre V ({citer('rgpd-44')} ; {citer('rgpd-30')}.e).")
    return constats


__all__ = ["CATEGORIES_SENSIBLES", "EntreeRegistre", "JOURS_MAX_ENT", "Registre", "TRAITEMENTS",
           "adresse_dpd", "adresse_etablissement", "delegue", "mesures_de_securite",
           "registre", "responsable", "sous_traitants", "traitement_non_conforme", "verifier"]
