"""Le forum : catégories, sujets et messages, avec modération.

Règles reproduites :

* **accès** : l'usage du catalogue (élèves, enseignants, personnels : écriture ; parents et
  invités : aucun accès), puis les membres de chaque catégorie, comme les partages d'un
  forum d'Open ENT NG : la catégorie d'entraide d'une classe est ouverte à ses élèves, à ses
  enseignants et aux personnels ; « Vie du lycée » à tous les élèves, enseignants et
  personnels ; « Salle des professeurs » aux seuls enseignants et personnels ;
* **modération** : les enseignants de la classe (pour sa catégorie), la CPE et la direction
  (pour « Vie du lycée ») et l'administrateur local de l'ENT (partout) masquent un message
  qui enfreint la charte d'usage ; le motif est obligatoire et tracé au journal (SDET,
  traçabilité) ; un message masqué reste visible de son auteur et des modérateurs, avec le
  motif ;
* le texte d'un message est saisi par un utilisateur : il est gardé tel quel et toujours
  affiché échappé (jamais interprété comme du HTML).

Question 3 du cours (« proposer l'usage d'un service non utilisé, par exemple le forum ») :
le forum de démonstration est petit mais vivant, et poster ne demande qu'une ligne.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from entsim.etablissement.annuaire import Fonction, Profil
from entsim.autorisation.service import Action
from entsim.socle.erreurs import Introuvable, ValeurInvalide
from entsim.services._communication import ServiceSimule
from entsim.socle.saisie import texte_saisi
from entsim.socle.texte import cite, extrait
from entsim.services._donnees import CONTENU_RETIRE, DonneePersonnelle, verifier_motif

TITRE_MAX = 120
TEXTE_MAX = 3000
#: Longueur maximale du motif d'un masquage (modération).
MOTIF_MAX = 200
#: Ce que voient les autres membres à la place d'un message masqué.
TEXTE_MASQUE = "Message masqué par la modération."

_TOUS_SAUF_FAMILLES = frozenset({Profil.ELEVE, Profil.ENSEIGNANT, Profil.PERSONNEL})


@dataclass(frozen=True)
class Categorie:
    """Une catégorie du forum et ses membres."""

    code: str
    titre: str
    description: str
    profils: frozenset[Profil]
    classe: str | None = None
    moderateurs: frozenset[str] = frozenset()
    #: qui modère, en toutes lettres (« enseignants de la classe, administrateur local de l'ENT »)
    moderation: str = "administrateur local de l'ENT"


@dataclass(frozen=True)
class Sujet:
    numero: int
    categorie: str
    titre: str
    auteur: str
    date: datetime


@dataclass
class MessageForum:
    """Un message d'un sujet (entité : la modération peut le masquer)."""

    numero: int
    sujet: int
    auteur: str
    texte: str
    date: datetime
    masque: bool = False
    motif_masquage: str = ""
    moderateur: str | None = None


class Forum(ServiceSimule):
    """Le forum de l'établissement."""

    code = "forum"

    def _peupler(self) -> None:
        self._categories: dict[str, Categorie] = {}
        self._sujets: list[Sujet] = []
        self._messages: list[MessageForum] = []
        e = self.etablissement
        a = self.acteurs
        admins = {p.identifiant for p in e.avec_fonction(Fonction.ADMINISTRATEUR_LOCAL)}
        direction = {p.identifiant for f in (Fonction.CHEF_ETABLISSEMENT, Fonction.ADJOINT,
                                             Fonction.CPE) for p in e.avec_fonction(f)}
        if a.classe:
            profs = {p.identifiant for p in e.enseignants_de(a.classe)}
            sig = e.classes[a.classe].serie == "STMG"
            self._categories[f"entraide_{a.classe.lower()}"] = Categorie(
                f"entraide_{a.classe.lower()}",
                f"Entraide SIG {a.classe}" if sig else f"Entraide {a.classe}",
                "Questions et réponses entre élèves de la classe, avec leurs professeurs.",
                _TOUS_SAUF_FAMILLES, a.classe, frozenset(profs | admins),
                "enseignants de la classe, administrateur local de l'ENT")
        self._categories["vie_du_lycee"] = Categorie(
            "vie_du_lycee", "Vie du lycée",
            "Projets, clubs, foyer, conseil de la vie lycéenne : tout ce qui fait vivre le "
            "lycée.", _TOUS_SAUF_FAMILLES, None, frozenset(direction | admins),
            "CPE, direction, administrateur local de l'ENT")
        self._categories["salle_des_professeurs"] = Categorie(
            "salle_des_professeurs", "Salle des professeurs",
            "Échanges entre enseignants et personnels.",
            frozenset({Profil.ENSEIGNANT, Profil.PERSONNEL}), None, frozenset(admins))
        eleves = sorted(x for x in (e.classes[a.classe].eleves if a.classe else [])
                        if x != a.eleve)
        h = self._hasard
        plume = (lambda: h.choice(eleves)) if eleves else (lambda: None)
        entraide = f"entraide_{a.classe.lower()}" if a.classe else None
        fils = [
            (entraide, a.autre_eleve, "Authentification ou autorisation ?", 4, [
                (a.autre_eleve, "Je mélange authentification et autorisation pour la question "
                                "13. Quelqu'un peut m'expliquer ?"),
                (a.eleve_fratrie, "L'authentification vérifie qui tu es (ton mot de passe), "
                                  "l'autorisation décide ce que tu as le droit de faire une "
                                  "fois connecté."),
                (a.professeur_principal, "Exactement. Pensez au parent qui ne voit que les "
                                         "notes de son enfant : c'est l'autorisation."),
            ]),
            (entraide, plume(), "Le schéma du SSO pour la question 15", 2, [
                (None, "On doit dessiner les 8 étapes du SDET ou seulement le ticket ?"),
                (a.professeur_principal, "Les 8 étapes : le notebook du cours les anime une "
                                         "par une, servez-vous-en."),
            ]),
            ("vie_du_lycee", plume(), "Idées pour le foyer des lycéens", 5, [
                (None, "Un baby-foot et des jeux de société au foyer, qui est pour ?"),
                (plume(), "Et un coin calme pour réviser !"),
                (a.cpe, "Les délégués pourront porter vos idées au conseil de la vie "
                        "lycéenne (CVL)."),
            ]),
            ("vie_du_lycee", plume(), "Club théâtre : qui est partant ?", 3, [
                (None, "Le club reprend le jeudi à 13 h en salle polyvalente."),
                (plume(), "Ceux qui s'inscrivent au théâtre sont ridicules."),
            ]),
            ("salle_des_professeurs", a.documentaliste, "Usages de l'ENT : retours "
             "d'expérience", 6, [
                (a.documentaliste, "Quels services de l'ENT utilisez-vous avec vos classes ? "
                                   "Le forum et le blog restent peu utilisés."),
                (a.autre_professeur, "Le casier pour ramasser les devoirs, et le cahier de "
                                     "textes bien sûr."),
            ]),
        ]
        for code, auteur, titre, jours, posts in fils:
            if code not in self._categories or not auteur:
                continue
            instant = self._passe(jours, jours)
            sujet = Sujet(len(self._sujets) + 1, code, titre, auteur, instant)
            self._sujets.append(sujet)
            for ecrivain, texte in posts:
                ecrivain = ecrivain or auteur
                self._messages.append(MessageForum(len(self._messages) + 1, sujet.numero,
                                                   ecrivain, texte, instant))
                instant += timedelta(minutes=h.randint(10, 90))
        moqueur = next((m for m in self._messages if m.texte.startswith("Ceux qui")), None)
        if moqueur is not None and a.cpe:
            moqueur.masque, moqueur.moderateur = True, a.cpe
            moqueur.motif_masquage = ("Message moqueur envers des camarades (charte d'usage "
                                      "de l'ENT).")

    # -- outils --------------------------------------------------------------------------
    def categorie(self, code: str) -> Categorie:
        try:
            return self._categories[code]
        except (KeyError, TypeError):
            raise Introuvable(f"Catégorie de forum inconnue : {cite(code)} (possibles : "
                              f"{', '.join(self._categories)}).",
                              code="categorie_inconnue") from None

    def _sujet(self, numero: int) -> Sujet:
        if not isinstance(numero, bool):
            for sujet in self._sujets:
                if sujet.numero == numero:
                    return sujet
        raise Introuvable(f"Aucun sujet n° {extrait(numero)} dans le forum.",
                          code="sujet_inconnu")

    def sujet(self, identifiant: str, numero: int) -> Sujet:
        """Un sujet (titre, auteur, catégorie), pour les membres de sa catégorie ; lecture
        tracée, refus tracé sinon (« Salle des professeurs » : ni élève ni parent)."""
        sujet = self._sujet(numero)
        self._exiger_membre(identifiant, Action.LIRE, self.categorie(sujet.categorie))
        return sujet

    def _message(self, numero: int) -> MessageForum:
        if isinstance(numero, bool) or not isinstance(numero, int):   # ni True, ni « 3 »
            recu = "vrai ou faux, pas un nombre" if isinstance(numero, bool) else cite(numero)
            raise ValeurInvalide(f"Le numéro d'un message est un nombre entier, par exemple "
                                 f"3 (reçu : {recu}).", code="numero_invalide")
        for message in self._messages:
            if message.numero == numero:
                return message
        raise Introuvable(f"Aucun message n° {extrait(numero)} dans le forum.",
                          code="message_inconnu")

    def est_membre(self, identifiant: str, categorie: Categorie | str) -> bool:
        """Cette personne est-elle membre de la catégorie (donnée par son code ou l'objet) ?"""
        categorie = categorie if isinstance(categorie, Categorie) else self.categorie(categorie)
        personne = self.personne(identifiant)
        if personne.profil not in categorie.profils:
            return False
        if categorie.classe is None or personne.profil is Profil.PERSONNEL:
            return True
        return categorie.classe in self.etablissement.classes_de(identifiant)

    def est_moderateur(self, identifiant: str, code: str) -> bool:
        return isinstance(identifiant, str) and identifiant in self.categorie(code).moderateurs

    def _verdict_membre(self, identifiant: str, cat: Categorie) -> tuple[bool, str, str]:
        if self.est_membre(identifiant, cat):
            return True, "autorise", f"Cette personne est membre de la catégorie « {cat.titre} »."
        public = ", ".join(p.value.lower() + "s" for p in Profil if p in cat.profils)
        cible = f"la classe {cat.classe}" if cat.classe else "l'établissement"
        return False, "hors_perimetre", (f"La catégorie « {cat.titre} » est réservée aux "
                                         f"membres de {cible} ({public}).")

    def _exiger_membre(self, identifiant: str, action: Action, cat: Categorie) -> None:
        self._exiger_droit(identifiant, action, f"forum « {cat.titre} »",
                           self._verdict_membre(identifiant, cat))

    # -- lecture -----------------------------------------------------------------------------
    def categories(self, identifiant: str) -> list[Categorie]:
        """Les catégories dont cette personne est membre."""
        self._exiger_droit(identifiant, Action.LIRE, "forum")
        return [c for c in self._categories.values() if self.est_membre(identifiant, c)]

    def sujets(self, identifiant: str, code: str) -> list[Sujet]:
        """Les sujets d'une catégorie, le plus récemment actif en premier."""
        cat = self.categorie(code)
        self._exiger_membre(identifiant, Action.LIRE, cat)
        return self._sujets_de(code)

    def lire_categorie(self, identifiant: str, code: str) -> list[tuple[Sujet,
                                                                       list[MessageForum]]]:
        """Les sujets d'une catégorie avec leurs messages, en une seule lecture tracée (une
        ligne de journal pour une page affichée, SDET « Traçabilité des opérations AAS »)."""
        cat = self.categorie(code)
        self._exiger_membre(identifiant, Action.LIRE, cat)
        return [(s, [m for m in self._messages if m.sujet == s.numero])
                for s in self._sujets_de(code)]

    def lire_sujet(self, identifiant: str, numero_sujet: int
                   ) -> tuple[Sujet, list[tuple[Sujet, list[MessageForum]]]]:
        """Le sujet et la catégorie qui le contient (comme :meth:`lire_categorie`), en une
        seule lecture tracée : ce qu'affiche la vue quand on ouvre un sujet."""
        sujet = self._sujet(numero_sujet)
        return sujet, self.lire_categorie(identifiant, sujet.categorie)

    def _sujets_de(self, code: str) -> list[Sujet]:
        dernier = {s.numero: max((m.date for m in self._messages if m.sujet == s.numero),
                                 default=s.date) for s in self._sujets}
        return sorted((s for s in self._sujets if s.categorie == code),
                      key=lambda s: (dernier[s.numero], s.numero), reverse=True)

    def messages(self, identifiant: str, numero_sujet: int) -> list[MessageForum]:
        """Les messages d'un sujet, dans l'ordre (les masqués y sont : voir :meth:`texte_de`)."""
        sujet = self._sujet(numero_sujet)
        self._exiger_membre(identifiant, Action.LIRE, self.categorie(sujet.categorie))
        return [m for m in self._messages if m.sujet == numero_sujet]

    def texte_de(self, identifiant: str, message: MessageForum) -> str:
        """Ce que cette personne lit à la place du message : son texte, ou la mention de la
        modération (avec le motif pour l'auteur et les modérateurs). ``message`` : le message
        ou son numéro (lecture tracée) ; le message déjà lu (objet d'une lecture tracée) est
        mis en forme sans nouvelle ligne au journal. Qui n'est pas membre de la catégorie
        essuie un refus tracé."""
        deja_lu = isinstance(message, MessageForum)
        message = message if deja_lu else self._message(message)
        code = self._sujet(message.sujet).categorie
        cat = self.categorie(code)
        if not deja_lu or not self.est_membre(identifiant, cat):
            self._exiger_membre(identifiant, Action.LIRE, cat)
        if not message.masque:
            return message.texte
        if identifiant == message.auteur or self.est_moderateur(identifiant, code):
            return (f"[Masqué — motif : {message.motif_masquage}] {message.texte}")
        return TEXTE_MASQUE

    # -- écriture ----------------------------------------------------------------------------
    def creer_sujet(self, identifiant: str, code: str, titre: str, texte: str) -> Sujet:
        """Ouvre un sujet dans une catégorie, avec son premier message."""
        cat = self.categorie(code)
        titre = texte_saisi(titre, "titre", maximum=TITRE_MAX)
        texte = texte_saisi(texte, "message", maximum=TEXTE_MAX, multiligne=True)
        self._exiger_membre(identifiant, Action.ECRIRE, cat)
        sujet = Sujet(len(self._sujets) + 1, code, titre, identifiant, self.maintenant())
        self._sujets.append(sujet)
        self._messages.append(MessageForum(len(self._messages) + 1, sujet.numero, identifiant,
                                           texte, sujet.date))
        self._tracer("publication_ajoutee", identifiant, f"sujet « {titre} »",
                     f"Catégorie « {cat.titre} »")
        return sujet

    def repondre(self, identifiant: str, numero_sujet: int, texte: str) -> MessageForum:
        """Répond dans un sujet."""
        sujet = self._sujet(numero_sujet)
        cat = self.categorie(sujet.categorie)
        texte = texte_saisi(texte, "message", maximum=TEXTE_MAX, multiligne=True)
        self._exiger_membre(identifiant, Action.ECRIRE, cat)
        message = MessageForum(len(self._messages) + 1, numero_sujet, identifiant, texte,
                               self.maintenant())
        self._messages.append(message)
        self._tracer("publication_ajoutee", identifiant, f"message n° {message.numero}",
                     f"Sujet « {sujet.titre} »")
        return message

    def _exiger_moderation(self, identifiant: str, message: MessageForum) -> Categorie:
        cat = self.categorie(self._sujet(message.sujet).categorie)
        if self.est_moderateur(identifiant, cat.code):
            verdict = (True, "autorise", f"Cette personne modère la catégorie « {cat.titre} ».")
        else:
            verdict = (False, "action_non_permise",
                       f"Dans « {cat.titre} », seuls les modérateurs ({cat.moderation}) "
                       "masquent ou rétablissent un message.")
        self._exiger_droit(identifiant, Action.MODIFIER, f"message n° {message.numero} du "
                           f"forum", verdict)
        return cat

    def masquer(self, identifiant: str, numero_message: int, motif: str) -> MessageForum:
        """Masque un message contraire à la charte ; le motif est obligatoire et journalisé."""
        message = self._message(numero_message)
        motif = texte_saisi(motif, "motif", maximum=MOTIF_MAX)
        self._exiger_moderation(identifiant, message)
        if message.masque:
            raise ValeurInvalide(f"Le message n° {numero_message} est déjà masqué.",
                                 code="deja_masque")
        message.masque, message.motif_masquage, message.moderateur = True, motif, identifiant
        self._tracer("publication_masquee", identifiant, f"message n° {numero_message}",
                     f"Motif : {motif}")
        return message

    def retablir(self, identifiant: str, numero_message: int) -> MessageForum:
        """Rend visible un message masqué (erreur de modération)."""
        message = self._message(numero_message)
        self._exiger_moderation(identifiant, message)
        if not message.masque:
            raise ValeurInvalide(f"Le message n° {numero_message} n'est pas masqué.",
                                 code="non_masque")
        message.masque, message.motif_masquage, message.moderateur = False, "", None
        self._tracer("publication_retablie", identifiant, f"message n° {numero_message}")
        return message

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Les sujets ouverts et les messages écrits par la personne (catégorie
        « contenus_publies »), avec, pour un message masqué, le motif de la modération (une
        décision qui la concerne) ; pour un modérateur, les masquages qu'il a décidés et les
        catégories qu'il modère. Les messages des autres dans les mêmes sujets ne sont pas
        ses données."""
        donnees = []
        for sujet in self._sujets:
            if sujet.auteur == identifiant:
                donnees.append(DonneePersonnelle(
                    self.code, "contenus_publies", "Sujet ouvert dans le forum",
                    sujet.titre, identifiant, identifiant, f"forum:sujet:{sujet.numero}",
                    sujet.date))
        for m in self._messages:
            ref = f"forum:message:{m.numero}"
            titre = self._sujet(m.sujet).titre
            if m.auteur == identifiant:
                valeur = m.texte + (f" [masqué par la modération — motif : "
                                    f"{m.motif_masquage}]" if m.masque else "")
                donnees.append(DonneePersonnelle(
                    self.code, "contenus_publies", f"Message du forum — « {titre} »",
                    valeur, identifiant, identifiant, ref, m.date))
            if m.moderateur == identifiant:
                donnees.append(DonneePersonnelle(
                    self.code, "contenus_publies", f"Masquage décidé — « {titre} »",
                    m.motif_masquage, identifiant, identifiant, ref, None))
        for cat in self._categories.values():
            if identifiant in cat.moderateurs:
                donnees.append(DonneePersonnelle(
                    self.code, "vie_scolaire", "Modérateur d'une catégorie du forum",
                    cat.titre, identifiant, None, f"forum:categorie:{cat.code}", None))
        return donnees

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Les contributions restent dans le forum, signées « Ancien élève » (« Ancien
        enseignant »…) : l'arrêté ENT du 30 novembre 2006 modifié (art. 6) permet de les
        conserver « à des fins informatives, pédagogiques ou scientifiques sauf opposition
        du contributeur » ; avec le motif ``opposition``, leur texte (et le titre des sujets
        ouverts) est retiré. Rien n'est supprimé de la liste : les autres réponses d'un sujet
        gardent leur place. Un modérateur perd ce rôle ; ses masquages restent, anonymes."""
        motif = verifier_motif(motif)
        anonyme = self._anonyme(identifiant)
        retirer = motif == "opposition"
        compte = 0
        for i, sujet in enumerate(self._sujets):
            if sujet.auteur == identifiant:
                self._sujets[i] = replace(sujet, auteur=anonyme,
                                          titre=CONTENU_RETIRE if retirer else sujet.titre)
                compte += 1
        for m in self._messages:
            if m.auteur == identifiant:
                m.auteur = anonyme
                if retirer:
                    m.texte = CONTENU_RETIRE
                compte += 1
            if m.moderateur == identifiant:
                m.moderateur = anonyme
                compte += 1
        for code, cat in list(self._categories.items()):
            if identifiant in cat.moderateurs:
                self._categories[code] = replace(cat, moderateurs=cat.moderateurs - {identifiant})
                compte += 1
        return compte


SERVICE = Forum
