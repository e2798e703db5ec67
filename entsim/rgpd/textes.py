"""Les textes de loi cités par les outils RGPD : une petite table de sources vérifiées.

Chaque :class:`Source` porte un code stable (``"rgpd-30"``), le texte (RGPD, loi
Informatique et Libertés, arrêté ENT, CNIL), l'article précis, le titre de l'article, une
adresse où le lire et un résumé d'une ligne en français. Sa ``nature`` dit ce qu'elle est :

* ``"obligation"`` — ce que le responsable du traitement **doit** faire (article du RGPD, de
  la loi ou de l'arrêté) ;
* ``"droit"`` — un droit de la personne concernée ;
* ``"définition"`` — le sens d'un mot du règlement ;
* ``"recommandation"`` — ce que la CNIL **recommande** (pas une obligation : s'en écarter
  demande une justification) ;
* ``"historique"`` — un texte du cours de 2013, à enseigner comme de l'histoire.

Vérifié sur les textes eux-mêmes : RGPD — règlement (UE) 2016/679
du 27 avril 2016, texte français sur EUR-Lex (articles 4, 5, 6, 9, 10, 12 à 18, 20, 21, 28,
30, 32 à 35, 37, 77 ; considérant 26) ; loi n° 78-17 du 6 janvier 1978 modifiée
(Légifrance) ; arrêté du 13 octobre 2017 modifiant l'arrêté du 30 novembre 2006 relatif aux
ENT (JORF du 21 octobre 2017, texte n° 29, après la délibération de la CNIL n° 2017-199 du
6 juillet 2017) ; délibération CNIL n° 2006-104 du 27 avril 2006 (document 1 du cours de
2013) ; recommandation CNIL sur la journalisation, délibération n° 2021-122 du
14 octobre 2021 (durée de six mois à un an) ; pages de la CNIL sur la portabilité, les
plaintes et l'anonymisation.

Usage ::

    from entsim.rgpd.textes import citer, source
    source("rgpd-30").citation()     # 'RGPD, art. 30.1 (« Registre des activités de traitement »)'
    citer("rgpd-6-1-e", "arrete-ent") # 'RGPD, art. 6.1.e ; arrêté du 30 novembre 2006 modifié (ENT)'
"""

from __future__ import annotations

from dataclasses import dataclass

from entsim.socle.erreurs import Introuvable, verifier_texte

#: Adresse du texte français du RGPD sur EUR-Lex (un seul texte pour tous ses articles).
URL_RGPD = "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32016R0679"
#: Loi n° 78-17 du 6 janvier 1978 modifiée, dite « Informatique et Libertés » (Légifrance).
URL_LOI_IL = "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000886460"
#: Arrêté du 13 octobre 2017 modifiant l'arrêté ENT du 30 novembre 2006 (Légifrance, ELI).
URL_ARRETE_ENT_2017 = "https://www.legifrance.gouv.fr/eli/arrete/2017/10/13/MENN1722182A/jo/texte"

NATURES = ("obligation", "droit", "définition", "recommandation", "historique")


@dataclass(frozen=True)
class Source:
    """Une source juridique citée par entsim."""

    code: str
    texte: str
    article: str
    titre: str
    url: str
    resume: str
    nature: str

    def citation(self) -> str:
        """La référence courte : ``RGPD, art. 30.1 (« Registre des activités de traitement »)``."""
        ref = f"{self.texte}, {self.article}" if self.article else self.texte
        return f"{ref} (« {self.titre} »)" if self.titre else ref

    def reference(self) -> str:
        """La référence sans le titre : ``RGPD, art. 30.1``."""
        return f"{self.texte}, {self.article}" if self.article else self.texte

    def __str__(self) -> str:
        return self.citation()


def _s(code, texte, article, titre, url, resume, nature) -> Source:
    assert nature in NATURES, nature
    return Source(code, texte, article, titre, url, resume, nature)


_R = "RGPD"
_ENT = "arrêté du 30 novembre 2006 modifié (ENT)"
_LISTE: tuple[Source, ...] = (
    # -- définitions ------------------------------------------------------------------------
    _s("rgpd-4-1", _R, "art. 4.1", "Définitions : données à caractère personnel", URL_RGPD,
       "Toute information se rapportant à une personne physique identifiée ou identifiable, "
       "directement ou indirectement (nom, numéro d'identification, identifiant en ligne…).",
       "définition"),
    _s("rgpd-4-2", _R, "art. 4.2", "Définitions : traitement", URL_RGPD,
       "Toute opération sur des données personnelles : collecte, enregistrement, "
       "conservation, consultation, communication, effacement…", "définition"),
    _s("rgpd-4-5", _R, "art. 4.5", "Définitions : pseudonymisation", URL_RGPD,
       "Des données qu'on ne peut plus attribuer à une personne sans informations "
       "supplémentaires conservées séparément : elles restent des données personnelles.",
       "définition"),
    _s("rgpd-4-7", _R, "art. 4.7", "Définitions : responsable du traitement", URL_RGPD,
       "Celui qui détermine les finalités et les moyens du traitement.", "définition"),
    _s("rgpd-4-8", _R, "art. 4.8", "Définitions : sous-traitant", URL_RGPD,
       "Celui qui traite des données personnelles pour le compte du responsable du "
       "traitement.", "définition"),
    _s("rgpd-cons-26", _R, "considérant 26", "Données pseudonymisées et anonymes", URL_RGPD,
       "Des données pseudonymisées restent personnelles ; le règlement ne s'applique pas aux "
       "données anonymes, dont la personne n'est plus identifiable par des moyens "
       "raisonnables.", "définition"),
    # -- principes et base légale -----------------------------------------------------------
    _s("rgpd-5-1", _R, "art. 5.1", "Principes relatifs au traitement des données", URL_RGPD,
       "Licéité, loyauté, transparence ; finalités déterminées ; minimisation ; exactitude ; "
       "conservation limitée ; intégrité et confidentialité.", "obligation"),
    _s("rgpd-5-1-b", _R, "art. 5.1.b", "Limitation des finalités", URL_RGPD,
       "Les données sont collectées pour des finalités déterminées, explicites et "
       "légitimes.", "obligation"),
    _s("rgpd-5-1-c", _R, "art. 5.1.c", "Minimisation des données", URL_RGPD,
       "Seules les données adéquates, pertinentes et limitées à ce qui est nécessaire.",
       "obligation"),
    _s("rgpd-5-1-e", _R, "art. 5.1.e", "Limitation de la conservation", URL_RGPD,
       "Les données ne sont pas gardées plus longtemps que nécessaire au regard des "
       "finalités.", "obligation"),
    _s("rgpd-5-1-f", _R, "art. 5.1.f", "Intégrité et confidentialité", URL_RGPD,
       "Une sécurité appropriée : protection contre le traitement non autorisé, la perte, "
       "la destruction.", "obligation"),
    _s("rgpd-6-1-e", _R, "art. 6.1.e", "Licéité : mission d'intérêt public", URL_RGPD,
       "Le traitement est licite s'il est nécessaire à l'exécution d'une mission d'intérêt "
       "public ; c'est la base légale de l'ENT d'un lycée public.", "obligation"),
    _s("rgpd-9-1", _R, "art. 9.1", "Catégories particulières de données (données sensibles)",
       URL_RGPD,
       "Interdiction de traiter, sauf exceptions, les données révélant l'origine raciale ou "
       "ethnique, les opinions politiques, les convictions religieuses ou philosophiques, "
       "l'appartenance syndicale, les données génétiques, biométriques, de santé, sur la vie "
       "ou l'orientation sexuelle.", "obligation"),
    _s("rgpd-10", _R, "art. 10", "Données relatives aux condamnations pénales et aux "
       "infractions", URL_RGPD,
       "Ces données ne peuvent être traitées que sous le contrôle de l'autorité publique ou "
       "si la loi l'autorise.", "obligation"),
    # -- transparence et droits -------------------------------------------------------------
    _s("rgpd-12-3", _R, "art. 12.3", "Délai de réponse aux demandes", URL_RGPD,
       "Réponse dans les meilleurs délais et au plus tard dans un mois ; prolongeable de "
       "deux mois si la demande est complexe ou s'il y en a beaucoup, en le disant à la "
       "personne dans le premier mois.", "obligation"),
    _s("rgpd-13", _R, "art. 13", "Informations à fournir lorsque les données sont "
       "collectées auprès de la personne", URL_RGPD,
       "Au moment de la collecte : identité et coordonnées du responsable, coordonnées du "
       "DPO, finalités et base juridique, destinataires, transferts hors UE, durée de "
       "conservation, droits, droit de réclamation auprès d'une autorité de contrôle.",
       "obligation"),
    _s("rgpd-15", _R, "art. 15", "Droit d'accès de la personne concernée", URL_RGPD,
       "Obtenir la confirmation que des données sont traitées, une copie de ces données et "
       "les informations sur le traitement.", "droit"),
    _s("rgpd-16", _R, "art. 16", "Droit de rectification", URL_RGPD,
       "Faire corriger les données inexactes et compléter les données incomplètes.", "droit"),
    _s("rgpd-17", _R, "art. 17", "Droit à l'effacement (« droit à l'oubli »)", URL_RGPD,
       "Obtenir l'effacement dans les cas prévus (données plus nécessaires, opposition "
       "fondée, traitement illicite…).", "droit"),
    _s("rgpd-17-3-b", _R, "art. 17.3.b", "Droit à l'effacement : exceptions", URL_RGPD,
       "L'effacement ne s'applique pas quand le traitement est nécessaire à une obligation "
       "légale ou à l'exécution d'une mission d'intérêt public.", "droit"),
    _s("rgpd-18", _R, "art. 18", "Droit à la limitation du traitement", URL_RGPD,
       "Geler l'utilisation des données (conservées mais plus utilisées) le temps de "
       "vérifier leur exactitude ou une opposition, notamment.", "droit"),
    _s("rgpd-20-3", _R, "art. 20.3", "Droit à la portabilité : exception", URL_RGPD,
       "La portabilité ne s'applique pas à un traitement nécessaire à l'exécution d'une "
       "mission d'intérêt public (elle vise le consentement et le contrat).", "droit"),
    _s("rgpd-21-1", _R, "art. 21.1", "Droit d'opposition", URL_RGPD,
       "S'opposer, pour des raisons tenant à sa situation particulière, à un traitement "
       "fondé sur l'art. 6.1.e ou f ; le responsable peut continuer s'il démontre des "
       "motifs légitimes et impérieux.", "droit"),
    _s("rgpd-77", _R, "art. 77", "Droit d'introduire une réclamation auprès d'une autorité "
       "de contrôle", URL_RGPD,
       "Toute personne peut réclamer auprès d'une autorité de contrôle (en France, la "
       "CNIL).", "droit"),
    # -- obligations du responsable ---------------------------------------------------------
    _s("rgpd-28", _R, "art. 28", "Sous-traitant", URL_RGPD,
       "Le responsable ne fait appel qu'à un sous-traitant présentant des garanties "
       "suffisantes, lié par un contrat qui fixe l'objet, la durée, la nature, la finalité "
       "du traitement et ses obligations.", "obligation"),
    _s("rgpd-30", _R, "art. 30.1", "Registre des activités de traitement", URL_RGPD,
       "Le responsable tient un registre : responsable et DPO, finalités, catégories de "
       "personnes et de données, destinataires, transferts, délais d'effacement, mesures de "
       "sécurité.", "obligation"),
    _s("rgpd-32", _R, "art. 32", "Sécurité du traitement", URL_RGPD,
       "Des mesures techniques et organisationnelles adaptées au risque (pseudonymisation, "
       "chiffrement, confidentialité, disponibilité, tests réguliers…).", "obligation"),
    _s("rgpd-33", _R, "art. 33", "Notification à l'autorité de contrôle d'une violation de "
       "données", URL_RGPD,
       "Une violation de données est notifiée à la CNIL dans les meilleurs délais et, si "
       "possible, 72 heures au plus tard après en avoir pris connaissance.", "obligation"),
    _s("rgpd-34", _R, "art. 34", "Communication à la personne concernée d'une violation de "
       "données", URL_RGPD,
       "Si la violation présente un risque élevé pour les personnes, elles en sont "
       "informées dans les meilleurs délais.", "obligation"),
    _s("rgpd-35", _R, "art. 35", "Analyse d'impact relative à la protection des données",
       URL_RGPD,
       "Avant un traitement susceptible d'engendrer un risque élevé, le responsable en "
       "analyse l'impact (AIPD).", "obligation"),
    _s("rgpd-37-1-a", _R, "art. 37.1.a", "Désignation du délégué à la protection des "
       "données", URL_RGPD,
       "Un DPO est obligatoire quand le traitement est effectué par une autorité ou un "
       "organisme public ; un seul DPO peut servir plusieurs organismes publics (art. 37.3).",
       "obligation"),
    _s("rgpd-44", _R, "art. 44", "Transferts vers des pays tiers : principe général",
       URL_RGPD,
       "Un transfert hors de l'Union n'a lieu que dans les conditions du chapitre V "
       "(décision d'adéquation, garanties appropriées…).", "obligation"),
    # -- droit français -----------------------------------------------------------------------
    _s("loi-il", "loi Informatique et Libertés (n° 78-17 du 6 janvier 1978 modifiée)", "",
       "", URL_LOI_IL,
       "La loi française, modifiée pour s'accorder au RGPD applicable depuis le 25 mai 2018 ; "
       "elle institue la CNIL, autorité administrative indépendante.", "obligation"),
    _s("arrete-ent", _ENT, "", "Traitement de données à caractère personnel relatif aux espaces "
       "numériques de travail (ENT)", URL_ARRETE_ENT_2017,
       "Le cadre des ENT : finalités, catégories de données, destinataires et conservation ; "
       "le chef d'établissement est le responsable du traitement.", "obligation"),
    _s("arrete-ent-6", _ENT, "art. 6", "Conservation des données", URL_ARRETE_ENT_2017,
       "Données mises à jour à chaque rentrée ; supprimées de l'ENT au plus tard trois mois "
       "après que la personne n'a plus vocation à avoir un compte.", "obligation"),
    _s("arrete-gar", "arrêté du 18 décembre 2017 (GAR)", "", "Gestionnaire d'accès aux "
       "ressources (GAR)", "",
       "Les fournisseurs de ressources ne reçoivent que les données strictement "
       "nécessaires.", "obligation"),
    # -- CNIL -------------------------------------------------------------------------------------
    _s("cnil-2006-104", "CNIL, délibération n° 2006-104 du 27 avril 2006", "",
       "Avis sur le projet d'arrêté relatif aux ENT", "",
       "Document 1 du cours de 2013 : le chef d'établissement, responsable du traitement, "
       "adressait à la CNIL un « engagement de conformité » — formalité supprimée depuis le "
       "RGPD (registre, DPO, AIPD à la place).", "historique"),
    _s("cnil-2017-199", "CNIL, délibération n° 2017-199 du 6 juillet 2017", "",
       "Avis sur le projet d'arrêté modifiant l'arrêté ENT", "",
       "Avis rendu avant l'arrêté du 13 octobre 2017 qui a modifié l'arrêté ENT.",
       "historique"),
    _s("cnil-journalisation", "CNIL, délibération n° 2021-122 du 14 octobre 2021", "",
       "Recommandation relative à la journalisation",
       "https://www.cnil.fr/fr/la-cnil-publie-une-recommandation-relative-aux-mesures-de-"
       "journalisation",
       "La CNIL recommande de conserver les journaux (traces) de six mois à un an, séparés "
       "du système principal.", "recommandation"),
    _s("cnil-portabilite", "CNIL", "page « Professionnels : comment répondre à une "
       "demande de droit à la portabilité ? »", "",
       "https://www.cnil.fr/fr/professionnels-comment-repondre-une-demande-de-droit-la-"
       "portabilite",
       "La portabilité ne vaut que pour les traitements fondés sur le consentement ou le "
       "contrat.", "droit"),
    _s("cnil-plainte", "CNIL", "page « Adresser une plainte à la CNIL »", "",
       "https://www.cnil.fr/adresser-une-plainte",
       "Exercer d'abord ses droits auprès de l'organisme, qui répond sous un mois ; puis "
       "saisir la CNIL si la réponse manque ou ne convient pas.", "droit"),
    _s("cnil-anonymisation", "CNIL", "page « L'anonymisation de données personnelles »", "", "https://www.cnil.fr/fr/lanonymisation-de-donnees-personnelles",
       "L'anonymisation rend toute identification impossible, de façon irréversible ; la "
       "pseudonymisation remplace les identifiants directs par un alias, elle est "
       "réversible et les données restent personnelles.", "définition"),
)

#: Toutes les sources, par code.
SOURCES: dict[str, Source] = {s.code: s for s in _LISTE}


def source(code: str) -> Source:
    """La source de code ``code`` (``"rgpd-30"``) ; :class:`Introuvable` en français sinon."""
    verifier_texte(code, "code")
    try:
        return SOURCES[code]
    except KeyError:
        proches = ", ".join(c for c in SOURCES if c.split("-")[0] == code.split("-")[0])
        raise Introuvable(f"Aucune source de code « {code} »."
                          + (f" Codes voisins : {proches}." if proches else "")) from None


def citer(*codes: str, titres: bool = False) -> str:
    """Les références des sources, séparées par « ; » (avec leur titre si ``titres``)."""
    return " ; ".join(source(c).citation() if titres else source(c).reference() for c in codes)


def tableau_sources(nature: str | None = None):
    """Les sources en DataFrame (colonnes françaises, numérotées à partir de 1)."""
    import pandas as pd

    lignes = [s for s in _LISTE if nature is None or s.nature == nature]
    df = pd.DataFrame(
        [{"Code": s.code, "Texte": s.texte, "Article": s.article, "Titre": s.titre,
          "Nature": s.nature, "Résumé": s.resume, "Adresse": s.url} for s in lignes])
    df.index = range(1, len(df) + 1)
    return df


__all__ = ["NATURES", "SOURCES", "Source", "URL_ARRETE_ENT_2017", "URL_LOI_IL", "URL_RGPD",
           "citer", "source", "tableau_sources"]
