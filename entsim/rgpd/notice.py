"""La notice d'information du portail (RGPD, art. 13) et sa vérification.

L'art. 13 dit ce que le responsable du traitement fournit à la personne « au moment où les
données sont obtenues » : 13.1.a identité et coordonnées du responsable ; b coordonnées du
délégué à la protection des données ; c finalités et base juridique ; e destinataires ;
f transferts hors de l'Union, le cas échéant ; 13.2.a durée de conservation ; b droits
d'accès, de rectification, d'effacement, de limitation, d'opposition ; d droit d'introduire
une réclamation auprès d'une autorité de contrôle (la CNIL, art. 77) ; e caractère
réglementaire ou contractuel de la fourniture des données et f décision automatisée, le cas
échéant. :data:`ELEMENTS_ARTICLE_13` en fait la liste, avec des mots-clés.

Historique : l'avis de la CNIL du 27 avril 2006 (document 1 du cours de 2013) demandait
d'informer les utilisateurs « sur la page d'accueil du portail ENT et lors de la phase de
création d'un compte ». Une notice de cette époque (:data:`NOTICE_2013`) citait la
déclaration à la CNIL et les seuls droits de la loi de 1978 (accès, rectification,
opposition, art. 38 à 40 dans leur numérotation d'alors) : l'exercice consiste à y repérer
ce que l'art. 13 exige aujourd'hui et qui manque.

:func:`notice_du_portail` est la notice *complète* de l'ENT simulé ; la page d'accueil
(``entsim.widgets.accueil``) l'affiche telle quelle, pour que les deux ne divergent pas.
:func:`verifier_notice` est une recherche de mots-clés (français, sans accents) : elle dit
ce qui est *mentionné*, pas si c'est juste.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from entsim.etablissement.identifiants import replier
from entsim.etablissement.annuaire import Fonction
from entsim.rgpd.registre import adresse_dpd, adresse_etablissement, sous_traitants
from entsim.rgpd.textes import citer
from entsim.socle.erreurs import verifier_texte


@dataclass(frozen=True)
class RubriqueNotice:
    """Une rubrique de la notice d'information (titre et texte)."""

    titre: str
    texte: str


@dataclass(frozen=True)
class ElementArticle13:
    """Un élément que l'art. 13 demande d'indiquer ; ``motif`` : expression rationnelle
    cherchée dans le texte replié (minuscules, sans accents)."""

    code: str
    libelle: str
    article: str
    motif: str
    toujours: bool = True   # False : « le cas échéant »

    def present_dans(self, texte_replie: str) -> bool:
        return re.search(self.motif, texte_replie) is not None


ELEMENTS_ARTICLE_13: tuple[ElementArticle13, ...] = (
    ElementArticle13("responsable", "Identité et coordonnées du responsable du traitement",
                     "art. 13.1.a", r"responsable du traitement|chef d.etablissement"),
    ElementArticle13("dpo", "Coordonnées du délégué à la protection des données (DPO)",
                     "art. 13.1.b", r"delegue a la protection des donnees|\bdpo\b|\bdpd\b"),
    ElementArticle13("finalites", "Finalités du traitement", "art. 13.1.c",
                     r"finalite|a pour (objet|but)|permet(tre)? (aux|de)"),
    ElementArticle13("base_legale", "Base juridique du traitement", "art. 13.1.c",
                     r"base (legale|juridique)|mission d.interet public|art(icle|\.) 6"),
    ElementArticle13("destinataires", "Destinataires des données", "art. 13.1.e",
                     r"destinataire|destinees? (a|aux)"),
    ElementArticle13("transferts", "Transferts hors de l'Union européenne", "art. 13.1.f",
                     r"hors de l.union|transfert", toujours=False),
    ElementArticle13("conservation", "Durée de conservation", "art. 13.2.a",
                     r"conserv|duree"),
    ElementArticle13("acces", "Droit d'accès", "art. 13.2.b",
                     r"droit d.acces|acces (a|aux) (vos|ses|leurs) donnees|acceder a vos"),
    ElementArticle13("rectification", "Droit de rectification", "art. 13.2.b", r"rectifi"),
    ElementArticle13("effacement", "Droit à l'effacement", "art. 13.2.b",
                     r"effacement|droit a l.oubli"),
    ElementArticle13("limitation", "Droit à la limitation du traitement", "art. 13.2.b",
                     r"limitation"),
    ElementArticle13("opposition", "Droit d'opposition", "art. 13.2.b",
                     r"opposition|vous opposer|s.opposer"),
    ElementArticle13("reclamation", "Droit d'introduire une réclamation auprès de la CNIL",
                     "art. 13.2.d",
                     r"(reclamation|plainte)[^.]*cnil|cnil[^.]*(reclamation|plainte)"),
    ElementArticle13("obligation_fournir", "Caractère réglementaire ou contractuel de la "
                     "fourniture des données", "art. 13.2.e",
                     r"obligatoire|facultati|reglementaire", toujours=False),
    ElementArticle13("decision_automatisee", "Existence d'une décision automatisée "
                     "(profilage)", "art. 13.2.f", r"automatisee|profilage", toujours=False),
)

#: Une notice d'ENT « à l'ancienne » (loi de 1978 avant le RGPD), texte de l'exercice.
#: Le numéro de récépissé est fictif.
NOTICE_2013 = (
    "Informatique et Libertés. L'espace numérique de travail du lycée a pour objet de "
    "mettre à disposition des élèves, des parents et des personnels des services "
    "numériques (cahier de textes, notes, absences, messagerie). Le responsable du "
    "traitement est le chef d'établissement. Les informations recueillies sont destinées "
    "à l'équipe éducative du lycée. Ce traitement a fait l'objet d'un engagement de "
    "conformité auprès de la CNIL (récépissé n° 1234567, fictif). Conformément à la loi "
    "n° 78-17 du 6 janvier 1978 relative à l'informatique, aux fichiers et aux libertés, "
    "vous bénéficiez d'un droit d'accès et de rectification aux informations qui vous "
    "concernent (articles 39 et 40), que vous pouvez exercer en vous adressant au "
    "secrétariat du lycée. Vous pouvez également, pour des motifs légitimes, vous opposer "
    "au traitement des données vous concernant (article 38)."
)


def rubriques_du_portail(ent) -> tuple[RubriqueNotice, ...]:
    """La notice d'information de l'ENT simulé, rubrique par rubrique (art. 13 complet)."""
    etab = ent.etablissement
    categories = sorted({ent.catalogue.libelle_categorie(c)
                         for s in ent.catalogue for c in s.categories_donnees})
    editeur = next(l for l in sous_traitants() if l["code"] == "editeur_ent")
    chefs = etab.avec_fonction(Fonction.CHEF_ETABLISSEMENT)
    chef = f"{chefs[0].nom_complet}, " if chefs else ""
    return (
        RubriqueNotice(
            "Responsable du traitement",
            f"Le chef d'établissement ({chef}{etab.nom}, {etab.commune}, UAI {etab.uai}) — "
            f"{adresse_etablissement(ent)}. Le traitement est inscrit au registre des "
            f"activités de traitement du lycée ({citer('rgpd-30')})."),
        RubriqueNotice(
            "Délégué à la protection des données",
            f"Le délégué à la protection des données de l'{etab.academie} : "
            f"{adresse_dpd(etab.academie)} (obligatoire pour un organisme public, "
            f"{citer('rgpd-37-1-a')})."),
        RubriqueNotice(
            "Finalités",
            "Offrir aux élèves, aux parents, aux enseignants et aux personnels un point "
            "d'entrée unique et sécurisé vers des services numériques : contenus "
            "pédagogiques et éducatifs, vie scolaire (cahier de textes, notes, absences, "
            "emploi du temps), communication entre les membres de la communauté éducative, "
            "informations administratives et sur le fonctionnement de l'établissement "
            "(arrêté du 30 novembre 2006 modifié)."),
        RubriqueNotice(
            "Base légale",
            f"Mission d'intérêt public ({citer('rgpd-6-1-e')}), dans le cadre de "
            f"l'{citer('arrete-ent')}."),
        RubriqueNotice(
            "Données traitées",
            ", ".join(categories) + ". Aucune donnée sensible (origines, opinions "
            "politiques, philosophiques ou religieuses, appartenance syndicale, santé, vie "
            "sexuelle) n'est collectée. La fiche de chaque service précise ses données."),
        RubriqueNotice(
            "Destinataires",
            "Chaque utilisateur ne voit que ce que son rôle exige : un élève, sa propre "
            "scolarité ; un parent, celle de ses enfants ; un enseignant, ses classes ; les "
            "personnels, ce que leurs fonctions demandent. Les administrateurs de l'ENT y "
            "accèdent pour la maintenance. Les éditeurs de ressources numériques ne "
            "reçoivent, par le GAR, que les données strictement nécessaires (arrêté du "
            f"18 décembre 2017). L'ENT est hébergé par {editeur['nom']}, sous-traitant du "
            f"lycée ({citer('rgpd-28')}), dans un centre de données en "
            f"{editeur['pays']} : aucun transfert hors de l'Union européenne."),
        RubriqueNotice(
            "Durée de conservation",
            "Les données sont mises à jour à chaque rentrée et supprimées de l'ENT au plus "
            "tard trois mois après que la personne n'a plus vocation à avoir un compte "
            "(arrêté du 30 novembre 2006 modifié, article 6). Les traces de connexion sont "
            "gardées de 6 mois à 1 an (recommandation de la CNIL sur la journalisation)."),
        RubriqueNotice(
            "Vos droits",
            "Vous disposez d'un droit d'accès à vos données, d'un droit de rectification des "
            "données inexactes, d'un droit à l'effacement, d'un droit à la limitation du "
            "traitement et d'un droit d'opposition pour des raisons tenant à votre "
            "situation particulière (RGPD, articles 15, 16, 17, 18 et 21). "
            "L'ENT relevant d'une mission d'intérêt public, l'effacement ne s'applique pas "
            f"aux données nécessaires à cette mission ({citer('rgpd-17-3-b')}), "
            "l'établissement peut poursuivre le traitement s'il démontre des motifs "
            f"légitimes et impérieux ({citer('rgpd-21-1')}) et le droit à la portabilité "
            f"ne s'applique pas ({citer('rgpd-20-3')}). Aucune décision entièrement "
            "automatisée n'est prise à partir de ces données."),
        RubriqueNotice(
            "Comment exercer vos droits",
            "Adressez-vous au chef d'établissement (secrétariat du lycée, ou messagerie de "
            f"l'ENT) ou au délégué à la protection des données de l'{etab.academie} : "
            f"{adresse_dpd(etab.academie)}. "
            f"Réponse dans un délai d'un mois ({citer('rgpd-12-3')}). Si vous estimez que "
            "vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la "
            f"CNIL (www.cnil.fr ; {citer('rgpd-77')})."),
    )


def notice_texte(rubriques: tuple[RubriqueNotice, ...]) -> str:
    """La notice en texte : un titre puis « Titre : texte » par rubrique."""
    return "\n".join(["Information sur vos droits (Informatique et Libertés, RGPD)"]
                     + [f"{r.titre} : {r.texte}" for r in rubriques])


def notice_du_portail(ent) -> str:
    """Le texte de la notice d'information du portail de l'ENT simulé."""
    return notice_texte(rubriques_du_portail(ent))


@dataclass(frozen=True)
class VerificationNotice:
    """Ce que :func:`verifier_notice` a trouvé dans une notice."""

    presents: tuple[ElementArticle13, ...]
    manquants: tuple[ElementArticle13, ...]

    @property
    def complete(self) -> bool:
        """Tous les éléments toujours exigés sont mentionnés."""
        return not any(e.toujours for e in self.manquants)

    def codes_presents(self) -> set[str]:
        return {e.code for e in self.presents}

    def codes_manquants(self) -> set[str]:
        return {e.code for e in self.manquants}

    def tableau(self):
        """DataFrame : Élément, Article, Mentionné (oui / non / non, le cas échéant)."""
        import pandas as pd

        presents = self.codes_presents()
        lignes = [{"Élément": e.libelle, "Article": f"RGPD, {e.article}",
                   "Mentionné": "oui" if e.code in presents
                   else ("non" if e.toujours else "non (le cas échéant)")}
                  for e in ELEMENTS_ARTICLE_13]
        df = pd.DataFrame(lignes)
        df.index = range(1, len(df) + 1)
        return df

    def texte(self) -> str:
        exiges = [e for e in self.manquants if e.toujours]
        if not exiges:
            return "La notice mentionne tous les éléments exigés par l'article 13 du RGPD."
        return ("Il manque à cette notice : "
                + " ; ".join(f"{e.libelle[0].lower()}{e.libelle[1:]} ({e.article})"
                             for e in exiges) + ".")


def verifier_notice(texte: str) -> VerificationNotice:
    """Les éléments de l'art. 13 que ``texte`` mentionne et ceux qui manquent (mots-clés)."""
    verifier_texte(texte, "texte")
    replie = replier(texte).replace("’", "'")
    presents = tuple(e for e in ELEMENTS_ARTICLE_13 if e.present_dans(replie))
    manquants = tuple(e for e in ELEMENTS_ARTICLE_13 if e not in presents)
    return VerificationNotice(presents, manquants)


__all__ = ["ELEMENTS_ARTICLE_13", "ElementArticle13", "NOTICE_2013", "RubriqueNotice",
           "VerificationNotice", "notice_du_portail", "notice_texte", "rubriques_du_portail",
           "verifier_notice"]
