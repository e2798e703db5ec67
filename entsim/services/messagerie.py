"""La messagerie interne de l'ENT : boîte de réception, messages envoyés, écrire un message.

Règles reproduites :

* **matrice de messagerie** (Open ENT NG / Edifice ; :mod:`entsim.autorisation.messagerie`) : on
  n'écrit qu'aux personnes que la matrice de l'établissement ouvre à son profil — un parent
  écrit aux enseignants de la classe de son enfant, aux personnels et à la direction ; un
  élève reçoit surtout. La liste des destinataires proposés vient de
  ``ent.autorisation.destinataires_possibles`` et chaque envoi est décidé (et tracé) par
  ``ent.autorisation.peut_ecrire_a`` ;
* **secret des correspondances** : personne ne lit la boîte d'un autre, pas même le chef
  d'établissement (avis de la CNIL sur les ENT : « chaque titulaire d'un compte ENT ne
  [peut] accéder qu'aux seules informations le concernant ») ;
* **traçabilité** (SDET) : chaque lecture de boîte et chaque envoi sont au journal, sans le
  contenu du message (le journal n'a pas besoin du texte privé).

Le corps d'un message est un texte saisi par un utilisateur : il est gardé tel quel et
toujours affiché échappé (jamais interprété comme du HTML).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from entsim.autorisation.service import Action, Ressource, de
from entsim.socle.erreurs import AccesRefuse, ErreurENT, Introuvable, ValeurInvalide
from entsim.services._communication import ServiceSimule, date_fr
from entsim.socle.saisie import texte_saisi
from entsim.services._vie_eleve import cite
from entsim.socle.texte import extrait
from entsim.services._donnees import (CONTENU_RETIRE, DonneePersonnelle, est_anonyme,
                                      verifier_motif)

#: Longueurs maximales (caractères) d'un objet et d'un corps de message.
OBJET_MAX = 150
CORPS_MAX = 5000
#: Nombre maximal de destinataires d'un envoi (une classe et ses familles tiennent dedans).
DESTINATAIRES_MAX = 100


@dataclass(frozen=True)
class Message:
    """Un message envoyé (il ne change plus une fois parti)."""

    numero: int
    expediteur: str
    destinataires: tuple[str, ...]
    objet: str
    corps: str
    date: datetime
    reponse_a: int | None = None

    def concerne(self, identifiant: str) -> bool:
        return identifiant == self.expediteur or identifiant in self.destinataires


class Messagerie(ServiceSimule):
    """La messagerie de l'ENT, avec des messages de démonstration."""

    code = "messagerie"

    def _peupler(self) -> None:
        self._messages: list[Message] = []
        self._lus: set[tuple[str, int]] = set()
        a = self.acteurs
        e = self.etablissement
        classe = a.classe
        eleves = sorted(e.classes[classe].eleves) if classe else []
        parents_classe = sorted({p.identifiant for x in eleves for p in e.responsables_de(x)})
        enseignants = sorted(p.identifiant for p in e.enseignants())
        prenom = e.personne(a.eleve).prenom if a.eleve else "mon enfant"
        seeds: list[tuple[str | None, list[str | None], str, str, int | None]] = [
            (a.proviseur, enseignants, "Pré-rentrée : conseil pédagogique",
             "Bonjour à toutes et à tous,\nLe conseil pédagogique se réunira le jeudi de la "
             "deuxième semaine à 17 h en salle polyvalente. Ordre du jour : projet "
             "d'établissement, usages de l'ENT.\nBonne rentrée,\nLa direction", 8),
            (a.gestionnaire, parents_classe, "Demi-pension : inscriptions et tarifs",
             "Madame, Monsieur,\nLes inscriptions à la demi-pension sont ouvertes jusqu'au "
             "18 septembre. Les tarifs et le formulaire sont dans les actualités de l'ENT.\n"
             "Le service de gestion", 6),
            (a.professeur_principal, eleves, "Projet SIG : documents de rentrée",
             "Bonjour à tous,\nVous trouverez dans l'espace documentaire le dossier « SIG — "
             "Documents de la classe » : le programme de l'année et la fiche de la première "
             "séance sur l'ENT. Lisez-la avant lundi.\nM. Durand", 4),
            (a.cpe, parents_classe, "Élections des délégués et réunion de rentrée",
             "Madame, Monsieur,\nLes élections des délégués de classe auront lieu avant la fin "
             "du mois. Une réunion parents-professeurs est prévue fin septembre : la date "
             "figure dans l'agenda de l'ENT.\nLa conseillère principale d'éducation", 3),
            (a.parent, [a.professeur_principal], f"Absence de {prenom} jeudi matin",
             f"Bonjour Monsieur,\n{prenom} aura un rendez-vous médical jeudi matin et "
             "manquera le cours de 10 h. Pouvez-vous me dire ce qu'il faudra rattraper ?\n"
             "Bien cordialement", 2),
            (a.professeur_principal, [a.parent], f"RE : Absence de {prenom} jeudi matin",
             "Bonjour Madame,\nMerci de nous avoir prévenus. Le travail à faire sera dans le "
             "cahier de textes ; pensez aussi à faire justifier l'absence auprès de la vie "
             "scolaire.\nCordialement,\nM. Durand", None),
            (a.eleve, [a.professeur_principal], "Question sur la fiche ENT",
             "Bonjour Monsieur, pour la question 3, on peut choisir un service que personne "
             "n'utilise dans la classe, comme le forum ?\nMerci", 1),
            (a.vie_scolaire, [a.autre_eleve], "Carnet de correspondance",
             "Bonjour, ton carnet de correspondance a été retrouvé en salle B12. Tu peux "
             "passer le récupérer au bureau de la vie scolaire.", 1),
            (a.documentaliste, eleves, "Le CDI est ouvert",
             "Bonjour,\nLe CDI vous accueille de 8 h à 17 h 30. Le catalogue e-sidoc et les "
             "ressources du médiacentre sont accessibles depuis l'ENT.\nMme Fontaine", 3),
            (a.partenaire, [a.proviseur], "Liaison collège-lycée",
             "Monsieur le Proviseur,\nJe vous propose une réunion de liaison avec les "
             "professeurs principaux de seconde en octobre.\nBien cordialement", 5),
            (a.proviseur, [a.partenaire], "RE : Liaison collège-lycée",
             "Bonjour,\nVolontiers : Mme Faure, proviseure adjointe, vous proposera une "
             "date.\nCordialement", None),
            (a.invite, [a.professeur_principal], "Intervention sur les risques numériques",
             "Bonjour,\nJe confirme mon intervention auprès de votre classe sur les risques "
             "numériques. Le diaporama est dans l'espace documentaire.\nMarc Girard", 2),
        ]
        # jours = None : réponse au message précédent, quelques heures plus tard.
        brouillons: list[tuple[datetime, str, tuple[str, ...], str, str, int | None]] = []
        for exp, dests, objet, corps, jours in seeds:
            dests = [d for d in dests if d and d != exp]
            if not exp or not dests:
                continue
            autorises = tuple(d for d in dests
                              if self.ent.autorisation.peut_ecrire_a(exp, d).autorise)
            if not autorises:
                continue
            if jours is None and brouillons:
                origine = len(brouillons) - 1
                instant = brouillons[origine][0] + timedelta(
                    minutes=self._hasard.randint(45, 600))
                brouillons.append((instant, exp, autorises, objet, corps, origine))
            elif jours is not None:
                brouillons.append((self._passe(jours, jours), exp, autorises, objet, corps,
                                   None))
        ordre = sorted(range(len(brouillons)), key=lambda i: brouillons[i][0])
        numeros: dict[int, int] = {}
        for i in ordre:
            instant, exp, dests, objet, corps, origine = brouillons[i]
            numeros[i] = self._numero()
            self._messages.append(Message(numeros[i], exp, dests, objet, corps, instant,
                                          None if origine is None else numeros[origine]))
        # Les messages de plus de trois jours ont déjà été lus.
        limite = self.ent.horloge.debut - timedelta(days=3)
        for message in self._messages:
            if message.date < limite:
                self._lus.update((dest, message.numero) for dest in message.destinataires)

    # -- lecture -----------------------------------------------------------------------------
    def boite_de_reception(self, identifiant: str, de: str | None = None) -> list[Message]:
        """Les messages reçus par ``de`` (par défaut : la personne elle-même), du plus récent
        au plus ancien. Lire la boîte d'un autre est refusé (secret des correspondances)."""
        proprietaire = de or identifiant
        self._exiger(identifiant, Action.LIRE, Ressource.messages_de(proprietaire))
        return sorted((m for m in self._messages if proprietaire in m.destinataires),
                      key=lambda m: m.numero, reverse=True)

    def messages_envoyes(self, identifiant: str, de: str | None = None) -> list[Message]:
        """Les messages envoyés par ``de`` (par défaut : la personne elle-même)."""
        proprietaire = de or identifiant
        self._exiger(identifiant, Action.LIRE, Ressource.messages_de(proprietaire))
        return sorted((m for m in self._messages if m.expediteur == proprietaire),
                      key=lambda m: m.numero, reverse=True)

    def _message(self, numero: int) -> Message:
        if isinstance(numero, bool) or not isinstance(numero, int):   # ni True, ni « 3 »
            recu = "vrai ou faux, pas un nombre" if isinstance(numero, bool) else cite(numero)
            raise ValeurInvalide(f"Le numéro d'un message est un nombre entier, par exemple "
                                 f"3 (reçu : {recu}).", code="numero_invalide")
        for message in self._messages:
            if message.numero == numero:
                return message
        raise Introuvable(f"Aucun message n° {extrait(numero)}.", code="message_inconnu")

    def lire(self, identifiant: str, numero: int) -> Message:
        """Ouvre un message (il devient « lu ») ; seuls son expéditeur et ses destinataires
        le peuvent."""
        message = self._message(numero)
        proprietaire = identifiant if message.concerne(identifiant) else message.expediteur
        self._exiger(identifiant, Action.LIRE, Ressource.messages_de(proprietaire))
        if identifiant in message.destinataires:
            self._lus.add((identifiant, numero))
        return message

    def _exiger_correspondant(self, identifiant: str, message: Message) -> None:
        """Seuls l'expéditeur et les destinataires d'un message en apprennent quelque chose
        (secret des correspondances) : sans trace s'ils le peuvent, refus tracé sinon."""
        proprietaire = identifiant if message.concerne(identifiant) else message.expediteur
        self._exiger_discret(identifiant, Action.LIRE, Ressource.messages_de(proprietaire))

    def est_lu(self, identifiant: str, numero: int) -> bool:
        """Ce message a-t-il été lu par cette personne ? Seulement pour son expéditeur et ses
        destinataires (refus tracé pour les autres)."""
        message = self._message(numero)
        self._exiger_correspondant(identifiant, message)
        return (identifiant, message.numero) in self._lus

    def _est_lu(self, identifiant: str, numero: int) -> bool:
        """Sans contrôle, pour le code du service (faux pour une valeur absurde)."""
        return isinstance(identifiant, str) and isinstance(numero, int) and \
            (identifiant, numero) in self._lus

    def non_lus(self, identifiant: str) -> int:
        """Le nombre de messages reçus non lus (pastille du portail), pour qui peut lire sa
        propre boîte : sans nouvelle trace (la boîte affichée à côté est une lecture tracée),
        refus tracé sinon."""
        self._exiger_discret(identifiant, Action.LIRE, Ressource.messages_de(identifiant))
        return sum(1 for m in self._messages
                   if identifiant in m.destinataires and (identifiant, m.numero) not in self._lus)

    def destinataires_possibles(self, identifiant: str) -> list[str]:
        """Les personnes auxquelles on peut écrire (matrice de messagerie)."""
        return self.ent.autorisation.destinataires_possibles(identifiant)

    # -- écriture ----------------------------------------------------------------------------
    def envoyer(self, identifiant: str, destinataires: str | Iterable[str], objet: str,
                corps: str, *, reponse_a: int | None = None) -> Message:
        """Envoie un message. Chaque destinataire est soumis à la matrice de messagerie ; si
        l'un d'eux est refusé, rien n'est envoyé et la raison est donnée en français."""
        if isinstance(destinataires, str):
            destinataires = [destinataires]
        if isinstance(destinataires, (bytes, bytearray)):    # des octets se lisent en nombres
            raise ValeurInvalide("Les destinataires sont un identifiant (« nicolas.durand ») "
                                 "ou une liste d'identifiants, pas des octets.")
        try:
            liste = list(dict.fromkeys(destinataires))
        except TypeError:
            raise ValeurInvalide("Les destinataires sont un identifiant (« nicolas.durand ») "
                                 "ou une liste d'identifiants.") from None
        if not liste:
            raise ValeurInvalide("Choisissez au moins un destinataire.",
                                 code="sans_destinataire")
        if len(liste) > DESTINATAIRES_MAX:
            raise ValeurInvalide(f"Trop de destinataires : {len(liste)} pour "
                                 f"{DESTINATAIRES_MAX} au plus.")
        objet = texte_saisi(objet, "objet", maximum=OBJET_MAX)
        corps = texte_saisi(corps, "message", maximum=CORPS_MAX, multiligne=True)
        self._verifier_reponse_a(identifiant, reponse_a)
        for dest in liste:
            if not isinstance(dest, str):
                raise ValeurInvalide(f"Un destinataire est un identifiant comme "
                                     f"« nicolas.durand » (reçu : {cite(dest)}).")
            self.etablissement.personne(dest)   # inconnu → message clair
        for dest in liste:
            decision = self.ent.autorisation.peut_ecrire_a(identifiant, dest, journaliser=True)
            if not decision.autorise:
                raise AccesRefuse(decision.raison, code=decision.code, decision=decision)
        message = Message(self._numero(), identifiant, tuple(liste), objet, corps,
                          self.maintenant(), reponse_a)
        self._messages.append(message)
        noms = ", ".join(self.nom_de(d) for d in liste[:5]) + ("…" if len(liste) > 5 else "")
        self._tracer("message_envoye", identifiant, f"message n° {message.numero}",
                     f"À : {noms}")
        return message

    def _verifier_reponse_a(self, identifiant: str, reponse_a: object) -> None:
        """``reponse_a`` : ``None`` ou le numéro d'un message que cette personne a reçu ou
        envoyé (jamais un nombre quelconque, un NaN ni un objet)."""
        if reponse_a is None:
            return
        if isinstance(reponse_a, bool) or not isinstance(reponse_a, int):
            raise ValeurInvalide(f"« reponse_a » est le numéro d'un message, par exemple 3 "
                                 f"(reçu : {cite(reponse_a)}).", code="reponse_invalide")
        if not any(m.numero == reponse_a and m.concerne(identifiant) for m in self._messages):
            raise Introuvable(f"Aucun message n° {extrait(reponse_a)} parmi les vôtres : on ne "
                              "répond qu'à un message reçu ou envoyé.", code="message_inconnu")

    def repondre(self, identifiant: str, numero: int, corps: str) -> Message:
        """Répond à l'expéditeur d'un message reçu (« RE : objet »). Une réponse refusée
        (texte vide, matrice de messagerie…) ne change rien : le message d'origine ne devient
        pas « lu » pour autant."""
        corps = texte_saisi(corps, "message", maximum=CORPS_MAX, multiligne=True)
        deja_lu = self._est_lu(identifiant, numero)
        origine = self.lire(identifiant, numero)
        objet = origine.objet if origine.objet.startswith("RE : ") else f"RE : {origine.objet}"
        try:
            return self.envoyer(identifiant, [origine.expediteur], objet[:OBJET_MAX], corps,
                                reponse_a=numero)
        except ErreurENT:
            if not deja_lu:
                self._lus.discard((identifiant, numero))
            raise

    # -- affichage ---------------------------------------------------------------------------
    def resume(self, identifiant: str, message: Message | int) -> str:
        """Une ligne : date, correspondant, objet (texte brut, à échapper pour le HTML), vue
        par ``identifiant``. ``message`` : le message ou son numéro ; seuls son expéditeur et
        ses destinataires l'obtiennent (refus tracé pour les autres)."""
        message = message if isinstance(message, Message) else self._message(message)
        self._exiger_correspondant(identifiant, message)
        pour = identifiant
        if message.expediteur == pour:
            autres = ", ".join(self.nom_de(d) for d in message.destinataires[:3])
            if len(message.destinataires) > 3:
                autres += f" et {len(message.destinataires) - 3} autres"
            qui = f"à {autres}"
        else:
            qui = de(self.nom_de(message.expediteur))
        return f"{date_fr(message.date)} — {qui} — {message.objet}"

    # -- crochets RGPD -----------------------------------------------------------------------
    def donnees_de(self, identifiant: str) -> list[DonneePersonnelle]:
        """Les messages que la personne a envoyés ou reçus (catégorie « correspondances »),
        tels que sa boîte les lui montre : expéditeur, destinataires, objet, texte ; et
        l'accusé de lecture de chaque message reçu lu (« donnees_connexion »).

        Règle de l'export (droit d'accès, RGPD art. 15) : la personne reçoit les messages
        qu'elle a envoyés et reçus, entiers — le nom d'un autre n'y paraît que comme
        expéditeur ou destinataire, comme dans sa boîte ; jamais un message échangé entre
        d'autres personnes (secret des correspondances)."""
        donnees = []
        for m in sorted(self._messages, key=lambda m: m.numero):
            if not m.concerne(identifiant):
                continue
            envoye = m.expediteur == identifiant
            a = ", ".join(self.nom_de(d) for d in m.destinataires)
            valeur = (f"De : {self.nom_de(m.expediteur)}. À : {a}. Objet : « {m.objet} ». "
                      f"{m.corps}")
            ref = f"messagerie:message:{m.numero}"
            donnees.append(DonneePersonnelle(
                self.code, "correspondances", "Message envoyé" if envoye else "Message reçu",
                valeur, identifiant, m.expediteur, ref, m.date))
            if (identifiant, m.numero) in self._lus:
                donnees.append(DonneePersonnelle(
                    self.code, "donnees_connexion", f"Accusé de lecture — « {m.objet} »",
                    "lu", identifiant, None, ref, m.date))
        return donnees

    def effacer_donnees_de(self, identifiant: str, *, motif: str) -> int:
        """Un message appartient à tous ses correspondants : l'effacer pour l'un le
        retirerait de la boîte des autres. L'identifiant de la personne est donc remplacé
        par « Ancien élève » (« Ancien enseignant »…) comme expéditeur ou destinataire, et le
        message reste dans la boîte de ses autres correspondants ; un message qui n'a plus
        aucun correspondant présent est supprimé ; les accusés de lecture de la personne le
        sont aussi. Motif ``opposition`` : le texte des messages qu'elle a envoyés est
        retiré aussi (arrêté ENT du 30 novembre 2006 modifié, art. 6 : « sauf opposition du
        contributeur »). Le texte écrit par les autres n'est pas réécrit : un prénom cité
        dans un message reste (limite assumée de la simulation)."""
        motif = verifier_motif(motif)
        anonyme = self._anonyme(identifiant)
        compte = len([c for c in self._lus if c[0] == identifiant])
        self._lus = {c for c in self._lus if c[0] != identifiant}
        gardes = []
        for m in self._messages:
            if m.concerne(identifiant):
                compte += 1
                retire = motif == "opposition" and m.expediteur == identifiant
                m = replace(m, expediteur=anonyme if m.expediteur == identifiant
                            else m.expediteur,
                            destinataires=tuple(anonyme if d == identifiant else d
                                                for d in m.destinataires),
                            corps=CONTENU_RETIRE if retire else m.corps)
                if all(est_anonyme(x) for x in (m.expediteur, *m.destinataires)):
                    continue
            gardes.append(m)
        self._messages = gardes
        return compte


SERVICE = Messagerie
