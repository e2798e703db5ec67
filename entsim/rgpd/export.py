"""« Mes données » : la copie de tout ce que l'ENT détient sur une personne (droit d'accès).

RGPD, art. 15 : la personne concernée obtient la confirmation que des données la concernant
sont traitées, une copie de ces données et les informations sur le traitement (finalités,
destinataires, durée de conservation, droits, réclamation auprès de la CNIL) ; art. 12.3 :
une demande faite par voie électronique reçoit une réponse sous une forme électronique
d'usage courant — ici, une archive ZIP de fichiers CSV et un « LISEZMOI » en français.

**Ce que contient l'export** (règle écrite une fois, vérifiée par
``tests/test_rgpd_export.py`` contre un inventaire indépendant des données de chaque
service) : chaque donnée dont la personne est l'objet ou l'auteur (les crochets
:meth:`~entsim.services._base.ServiceDeBase.donnees_de` de chaque service, l'annuaire, le
compte, les sessions, les lignes du journal à son nom). Les messages qu'elle a envoyés et
reçus y sont entiers : le nom d'une autre personne n'y paraît que comme expéditeur,
destinataire ou auteur d'une donnée (colonne « Source »), comme dans sa propre boîte. N'y
paraissent jamais les notes, les absences, les fichiers d'un autre élève, ni les messages
échangés entre d'autres personnes. Le mot de passe n'y est pas : l'ENT n'en garde qu'une
empreinte, qu'il ne communique pas.

La portabilité (art. 20) ne s'applique pas à un traitement nécessaire à une mission
d'intérêt public (art. 20.3) : l'export est une copie lisible (art. 15.3), pas un transfert
vers un autre ENT.

Octets reproductibles : même ENT, même horloge → même archive (dates des fichiers du ZIP
prises sur l'horloge simulée, ordre fixe).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from entsim.ent import ENT
from entsim.rgpd.donnees import donnees_de
from entsim.rgpd.registre import delegue, responsable
from entsim.rgpd.textes import source
from entsim.services._donnees import DonneePersonnelle
from entsim.socle.donnees import FichierEnregistre
from entsim.socle.erreurs import ErreurENT, ValeurInvalide
from entsim.socle.tableaux import tableau
from entsim.socle.texte import cite

__all__ = ["ExportDonnees", "exporter_mes_donnees", "verifier_chemin_export", "COLONNES"]

COLONNES = ["Service", "Catégorie", "Donnée", "Valeur", "Source", "Date"]
#: Premiers caractères qu'un tableur prendrait pour une formule (injection CSV, OWASP
#: « CSV Injection ») : la cellule est alors précédée d'une apostrophe.
_FORMULES = ("=", "+", "-", "@", "\t", "\r")


def verifier_chemin_export(chemin: object) -> Path:
    """Le chemin d'un export, vérifié avant d'écrire quoi que ce soit : une archive
    « .zip », ou un dossier (nom sans extension, créé au besoin) ; le dossier qui le
    contient existe ; on n'écrase pas un fichier par un dossier. :class:`ValeurInvalide`
    sinon."""
    if not isinstance(chemin, (str, Path)) or not str(chemin).strip():
        raise ValeurInvalide(f"Donnez un chemin de fichier, par exemple "
                             f"« mes_donnees.zip » (reçu : {cite(chemin)}).",
                             code="chemin_invalide")
    chemin = Path(chemin)
    suffixe = chemin.suffix.lower()
    if suffixe not in ("", ".zip"):
        raise ValeurInvalide(f"L'export s'écrit dans une archive « .zip » ou dans un dossier "
                             f"(nom sans extension), pas dans un fichier « {suffixe} » : "
                             f"par exemple « mes_donnees.zip ».", code="extension_invalide")
    if not chemin.parent.is_dir():
        raise ValeurInvalide(f"Le dossier « {chemin.parent} » n'existe pas : choisissez un "
                             f"chemin dans un dossier existant, par exemple « mes_donnees.zip "
                             f"».", code="dossier_absent")
    if suffixe == "" and chemin.exists() and not chemin.is_dir():
        raise ValeurInvalide(f"« {chemin.name} » est déjà un fichier : l'export en dossier ne "
                             f"l'écrase pas ; choisissez un autre nom, ou « "
                             f"{chemin.name}.zip ».", code="chemin_occupe")
    if suffixe == ".zip" and chemin.is_dir():
        raise ValeurInvalide(f"« {chemin.name} » est un dossier : choisissez un autre nom "
                             f"d'archive.", code="chemin_occupe")
    return chemin


def _texte(valeur) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, datetime):
        return f"{valeur:%d/%m/%Y %H:%M}"
    if isinstance(valeur, date):
        return f"{valeur:%d/%m/%Y}"
    if isinstance(valeur, float):
        return f"{valeur:g}".replace(".", ",")
    return str(valeur)


def _cellule(valeur) -> str:
    texte = _texte(valeur)
    return "'" + texte if texte.startswith(_FORMULES) else texte


@dataclass(frozen=True)
class ExportDonnees:
    """L'export « Mes données » d'une personne, à une date de l'horloge simulée."""

    identifiant: str
    nom: str
    le: datetime
    donnees: tuple[DonneePersonnelle, ...]
    noms_services: tuple[tuple[str, str], ...]      # (code, nom lisible)
    noms: tuple[tuple[str, str], ...]               # (identifiant, nom) des sources
    responsable: str
    delegue: str

    # -- lecture ------------------------------------------------------------------------
    def _nom_service(self, code: str) -> str:
        return dict(self.noms_services).get(code, code)

    def _source(self, d: DonneePersonnelle) -> str:
        if d.source is None:
            return "l'ENT"
        if d.source == self.identifiant:
            return f"{self.nom} (vous)"
        return dict(self.noms).get(d.source, d.source)

    def lignes(self, service: str | None = None) -> list[list[str]]:
        return [[self._nom_service(d.service), d.libelle_categorie, d.libelle,
                 _texte(d.valeur), self._source(d), _texte(d.le)]
                for d in self.donnees if service is None or d.service == service]

    def tableau(self) -> pd.DataFrame:
        """Une ligne par donnée : service, catégorie, donnée, valeur, source, date. Les
        retours à la ligne d'un message deviennent des espaces (pandas les afficherait
        « \\n ») ; les fichiers de :meth:`exporter` gardent le texte entier."""
        return tableau([[" ".join(str(x).split()) for x in ligne] for ligne in self.lignes()],
                       COLONNES)

    def services(self) -> list[str]:
        """Les codes des services qui détiennent au moins une donnée, dans l'ordre."""
        return list(dict.fromkeys(d.service for d in self.donnees))

    def texte(self) -> str:
        """Le résumé lisible : combien de données, par service."""
        lignes = [f"Mes données — {self.nom} ({self.identifiant}), export du "
                  f"{self.le:%d/%m/%Y à %H:%M} : {len(self.donnees)} données."]
        for code in self.services():
            n = sum(1 for d in self.donnees if d.service == code)
            lignes.append(f"- {self._nom_service(code)} : {n}")
        return "\n".join(lignes)

    def __str__(self) -> str:
        return self.texte()

    # -- fichiers ------------------------------------------------------------------------
    def _fichiers(self) -> list[tuple[str, bytes]]:
        fichiers = []
        for rang, code in enumerate(self.services(), start=1):
            tampon = io.StringIO()
            ecrivain = csv.writer(tampon, delimiter=";", lineterminator="\r\n")
            ecrivain.writerow(COLONNES[1:])
            for ligne in self.lignes(code):
                ecrivain.writerow([_cellule(x) for x in ligne[1:]])
            fichiers.append((f"{rang:02d}_{code}.csv",
                             ("\ufeff" + tampon.getvalue()).encode("utf-8")))
        return [("LISEZMOI.txt", self.lisezmoi().encode("utf-8"))] + fichiers

    def lisezmoi(self) -> str:
        """Le LISEZMOI de l'archive : ce que contient chaque fichier, les droits, les
        contacts."""
        lignes = [
            f"Mes données dans l'ENT — {self.nom} ({self.identifiant})",
            f"Export du {self.le:%d/%m/%Y à %H:%M} (droit d'accès, "
            f"{source('rgpd-15').reference()}).", "",
            "Fichiers (CSV, UTF-8, séparateur « ; », à ouvrir avec un tableur) :"]
        for rang, code in enumerate(self.services(), start=1):
            n = sum(1 for d in self.donnees if d.service == code)
            categories = ", ".join(dict.fromkeys(d.libelle_categorie for d in self.donnees
                                                 if d.service == code))
            lignes.append(f"- {rang:02d}_{code}.csv : {self._nom_service(code)} — {n} "
                          f"donnée{'s' if n > 1 else ''} ({categories}).")
        lignes += [
            "", "Colonnes : catégorie, donnée, valeur, source (qui l'a créée ; « l'ENT » : "
            "donnée produite par le système), date.",
            "Les messages envoyés et reçus sont donnés entiers ; le nom d'une autre personne "
            "n'y paraît que comme expéditeur, destinataire ou source. Le mot de passe n'est "
            "pas communiqué : l'ENT n'en garde qu'une empreinte.", "",
            f"Responsable du traitement : {self.responsable}.",
            f"Délégué à la protection des données : {self.delegue}.", "",
            "Vos droits : accès (RGPD, art. 15), rectification (art. 16), effacement "
            "(art. 17), limitation (art. 18), opposition (art. 21). Réponse au plus tard "
            "dans un mois, prolongeable de deux mois si la demande est complexe (art. 12.3). "
            "L'ENT d'un lycée public est un traitement nécessaire à une mission d'intérêt "
            "public (art. 6.1.e) : l'effacement des données de scolarité peut être refusé "
            "(art. 17.3.b) et la portabilité ne s'applique pas (art. 20.3).",
            "Vous pouvez adresser une réclamation à la CNIL (art. 77) : www.cnil.fr.", ""]
        return "\n".join(lignes)

    def exporter(self, chemin: str | Path) -> FichierEnregistre:
        """Écrit l'export : une archive ZIP si ``chemin`` finit par « .zip », sinon un
        dossier (créé au besoin, dans un dossier existant) ; renvoie le chemin. Mêmes données → mêmes octets."""
        chemin = verifier_chemin_export(chemin)
        fichiers = self._fichiers()
        try:
            self._ecrire(chemin, fichiers)
        except OSError as erreur:
            raise ValeurInvalide(f"Impossible d'écrire l'export dans « {chemin} » "
                                 f"({erreur.strerror or erreur}).",
                                 code="ecriture_impossible") from None
        return FichierEnregistre(chemin)

    def _ecrire(self, chemin: Path, fichiers: list[tuple[str, bytes]]) -> None:
        if chemin.suffix.lower() == ".zip":
            horodatage = (max(self.le.year, 1980), self.le.month, self.le.day,
                          self.le.hour, self.le.minute, self.le.second)
            with zipfile.ZipFile(chemin, "w", zipfile.ZIP_DEFLATED) as archive:
                for nom, octets in fichiers:
                    info = zipfile.ZipInfo(f"mes_donnees_{self.identifiant}/{nom}", horodatage)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    archive.writestr(info, octets)
        else:
            chemin.mkdir(exist_ok=True)
            for nom, octets in fichiers:
                (chemin / nom).write_bytes(octets)


def exporter_mes_donnees(ent: ENT, identifiant: str,
                         chemin: str | Path | None = None) -> ExportDonnees:
    """L'export « Mes données » de ``identifiant`` (et, avec ``chemin``, son écriture : ZIP
    ou dossier). Ne vérifie pas qui demande : c'est :func:`entsim.rgpd.droits.exercer`
    (droit ``"acces"``) qui contrôle le demandeur, trace la demande et appelle cet outil."""
    donnees = donnees_de(ent, identifiant)
    e = ent.etablissement
    identifiant = identifiant.strip()
    nom = e.personne(identifiant).nom_complet if e.existe(identifiant) else identifiant
    sources = sorted({d.source for d in donnees if d.source})
    noms = tuple((s, e.personne(s).nom_complet if e.existe(s) else s) for s in sources)
    codes = dict.fromkeys(d.service for d in donnees)
    noms_services = []
    for code in codes:
        try:
            noms_services.append((code, ent.catalogue.service(code).nom))
        except ErreurENT:       # compte, SSO, journal : pas dans le catalogue
            noms_services.append((code, _HORS_CATALOGUE.get(code, code)))
    export = ExportDonnees(identifiant, nom, ent.horloge.maintenant(), tuple(donnees),
                           tuple(noms_services), noms, responsable(ent), delegue(ent))
    if chemin is not None:
        export.exporter(chemin)
    return export


_HORS_CATALOGUE = {"annuaire": "Annuaire (identité)", "authentification": "Compte ENT",
                   "sso": "Sessions de connexion (SSO)", "journal": "Journal des opérations"}
