"""Le panneau « coulisses » : ce qui se passe derrière le portail, en direct.

À chaque clic de l'élève, le panneau montre les vraies valeurs de la session :

* le cookie TGC que le serveur CAS a posé dans le navigateur du poste (spécification CAS 3.0,
  section 3.6 : il porte le ticket d'octroi, TGT) et la session SSO qu'il désigne ;
* les tickets de service émis depuis ce poste, avec leur état (émis, validé, refusé, expiré,
  détruit — section 3.1 : un ticket ne sert qu'une fois) ;
* les décisions du service d'autorisation (lignes ``acces_autorise`` / ``acces_refuse`` du
  journal : SDET, cinématique d'accès, étape 3) ;
* les nouvelles lignes du journal des opérations AAS depuis l'ouverture du panneau (SDET,
  « Traçabilité des opérations AAS ») et les derniers échanges HTTP du navigateur.

Rien n'est inventé : le panneau s'abonne au journal (:meth:`entsim.journal.chaine.Journal.abonner`)
et lit le serveur CAS (:meth:`entsim.sso.serveur.ServeurCAS.tickets`, ``tgt_de``) et la boîte à
cookies du navigateur. Tout est aussi disponible en texte (:meth:`PanneauCoulisses.texte`).

Une action du portail écrit souvent plusieurs lignes (une déconnexion unique : une par service
prévenu) : pendant :meth:`PanneauCoulisses.en_lot`, le panneau note les lignes sans se
redessiner, puis se redessine une seule fois à la fin de l'action (budget de l'issue 17 :
chaque rappel de widget sous 50 ms).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import ipywidgets as widgets

from entsim.socle.erreurs import ErreurENT
from entsim.journal.chaine import RESULTATS, EntreeJournal
from entsim.socle.texte import accorder
from entsim.sso.tickets import NOM_COOKIE_TGC
from entsim.widgets.mise_en_forme import echapper, tableau_html
from entsim.widgets.repli import AvecRepli
from entsim.widgets.style import CLASSE_COULISSES

#: Opérations du journal qui sont des décisions du service d'autorisation.
OPERATIONS_DECISION = ("acces_autorise", "acces_refuse")

#: Nombre de lignes de journal affichées (le texte, lui, les donne toutes).
LIGNES_AFFICHEES = 40
#: Nombre d'échanges HTTP affichés.
ECHANGES_AFFICHES = 12

#: État d'un ticket → symbole et mot (la couleur n'est jamais le seul signal).
SYMBOLES_ETAT = {
    "émis": "⏳ émis (pas encore présenté)",
    "validé": "✓ validé",
    "refusé": "✗ refusé",
    "expiré": "⌛ expiré sans avoir servi",
    "détruit": "✗ détruit (session fermée)",
}
SYMBOLES_RESULTAT = {"succes": "✓ Succès", "echec": "✗ Échec", "info": "ℹ Information"}


def _heure(instant) -> str:
    return f"{instant:%H:%M:%S}"


class PanneauCoulisses(AvecRepli):
    """Les coulisses d'une session du portail sur un poste (un navigateur).

    :param ent: l'ENT simulé.
    :param navigateur: le navigateur du poste (ses cookies, ses échanges).
    :param visible: le panneau est-il affiché au départ ?
    """

    def __init__(self, ent, navigateur, *, visible: bool = True) -> None:
        self.ent = ent
        self.navigateur = navigateur
        self.debut_journal = ent.journal.dernier_numero()
        self.debut_reseau = ent.cas.reseau.dernier_numero()
        self._tickets_avant = {t.ticket for t in ent.cas.tickets()}
        self.nouvelles: list[EntreeJournal] = []
        self.erreur_interne: Exception | None = None
        self.visible = visible
        #: profondeur des lots en cours (:meth:`en_lot`) ; 0 : on suit chaque ligne
        self._lots = 0
        self.titre = widgets.HTML(
            "<h3 style=\"margin:0.2em 0\">Dans les coulisses (ce que le serveur voit)</h3>"
            "<p style=\"margin:0\">Les vraies valeurs de cette session, mises à jour à chaque "
            "action.</p>")
        self.resume = widgets.Label()
        self.cookie = widgets.HTML()
        self.tickets = widgets.HTML()
        self.decisions = widgets.HTML()
        self.journal = widgets.HTML()
        self.echanges = widgets.HTML()
        self.vue = widgets.VBox([self.titre, self.resume, self.cookie, self.tickets,
                                 self.decisions, self.journal, self.echanges])
        self.vue.add_class(CLASSE_COULISSES)
        self.vue.layout.display = None if visible else "none"
        ent.journal.abonner(self._recevoir)
        self.actualiser()

    # -- abonnement ------------------------------------------------------------------------
    def _recevoir(self, entree: EntreeJournal) -> None:
        """Appelé par le journal à chaque nouvelle ligne : le panneau suit en direct."""
        if entree.numero > self.debut_journal:
            self.nouvelles.append(entree)
        if self.visible and not self._lots:     # dans un lot : dessin à la fin du lot
            self._redessiner()

    def _redessiner(self) -> None:
        try:
            self.actualiser()
        except Exception as erreur:  # l'affichage ne doit jamais bloquer la simulation
            self.erreur_interne = erreur    # pour les développeurs, jamais affichée
            self.resume.value = ("Coulisses : l'affichage n'a pas pu être mis à jour ; le "
                                 "journal continue d'être suivi.")

    @contextmanager
    def en_lot(self) -> Iterator[PanneauCoulisses]:
        """Une action en plusieurs lignes de journal : le panneau les note sans se
        redessiner, puis se redessine une seule fois en sortant du lot le plus extérieur
        (même si l'action a levé une exception), s'il est affiché. Ce dessin a lieu même
        sans nouvelle ligne : une action change aussi les échanges HTTP et les cookies, qui ne
        sont pas des lignes du journal. Les lots s'imbriquent (une action qui en appelle une
        autre) sans dessin supplémentaire."""
        self._lots += 1
        try:
            yield self
        finally:
            self._lots -= 1
            if not self._lots and self.visible:
                self._redessiner()

    def fermer(self) -> None:
        """Se désabonne du journal (le panneau ne suit plus la session)."""
        self.ent.journal.desabonner(self._recevoir)

    def montrer(self, visible: bool) -> str:
        """Affiche ou masque le panneau ; renvoie la phrase qui le dit."""
        self.visible = bool(visible)
        self.vue.layout.display = None if self.visible else "none"
        if self.visible and not self._lots:     # dans un lot : dessin à la fin du lot
            self.actualiser()
        return ("Coulisses affichées : cookie TGC, tickets, décisions et journal de la "
                "session." if self.visible else "Coulisses masquées.")

    # -- lectures (sans rien modifier) -----------------------------------------------------
    def cookie_tgc(self) -> str | None:
        """La valeur du cookie TGC du navigateur (``None`` sans session SSO)."""
        c = self.navigateur.cookie(self.ent.cas.url_login(), NOM_COOKIE_TGC)
        return c.valeur if c is not None else None

    def tickets_de_la_session(self) -> list:
        """Les tickets de service émis depuis ce poste depuis l'ouverture du panneau."""
        return [t for t in self.ent.cas.tickets()
                if t.poste == self.navigateur.nom_poste and t.ticket not in self._tickets_avant]

    def decisions_de_la_session(self) -> list[EntreeJournal]:
        return [e for e in self.nouvelles if e.operation in OPERATIONS_DECISION]

    def echanges_de_la_session(self) -> list:
        return [e for e in self.ent.cas.reseau.depuis(self.debut_reseau)
                if e.poste in (None, self.navigateur.nom_poste)]

    def _nom_service(self, code: str | None) -> str:
        if not code:
            return ""
        try:
            return self.ent.catalogue.service(code).nom
        except ErreurENT:  # un service hors catalogue (exercice) : on garde son code
            return code

    # -- affichage -------------------------------------------------------------------------
    def actualiser(self) -> None:
        """Relit le navigateur, le serveur CAS et le journal, et met l'affichage à jour."""
        tgc = self.cookie_tgc()
        session = self.ent.cas.tgt_de(self.navigateur)
        autres = [c for c in self.navigateur.cookies() if c.nom != NOM_COOKIE_TGC]
        if tgc is None:
            bloc = ("<p><strong>Cookie TGC :</strong> aucun — pas de session SSO sur ce "
                    "poste.</p>")
        else:
            bloc = (f"<p><strong>Cookie TGC</strong> (chemin /cas, Secure, HttpOnly) : "
                    f"<code>{echapper(tgc)}</code></p>")
            if session is not None:
                bloc += (f"<p>Session SSO de <strong>{echapper(session.identifiant)}</strong> "
                         f"— {echapper(session.etat)} ; ouverte à "
                         f"{_heure(session.ouverte_le)} ({echapper(session.methode)}) ; expire "
                         f"après inactivité à {_heure(session.expire_inactivite_le)}, au plus "
                         f"tard à {_heure(session.expire_au_plus_tard_le)}.</p>")
        if autres:
            bloc += ("<p><strong>Cookies de session des services :</strong> "
                     + ", ".join(f"<code>{echapper(c.nom)}={echapper(c.valeur)}</code>"
                                 for c in autres) + "</p>")
        self.cookie.value = bloc
        tickets = self.tickets_de_la_session()
        self.tickets.value = tableau_html(
            ["Ticket", "Service", "Pour", "Émis à", "État", "Comment"],
            [(t.ticket, self._nom_service(t.service), t.identifiant, _heure(t.emis_le),
              SYMBOLES_ETAT.get(t.etat, t.etat) + (f" ({t.code_refus})" if t.code_refus else ""),
              "après saisie du mot de passe" if t.identifiants_presentes
              else "grâce à la session SSO, sans ressaisie") for t in tickets],
            legende=f"Tickets de service émis depuis ce poste ({len(tickets)})") \
            if tickets else "<p><strong>Tickets de service :</strong> aucun pour l'instant.</p>"
        decisions = self.decisions_de_la_session()
        self.decisions.value = tableau_html(
            ["N°", "Heure", "Qui", "Service", "Décision", "Pourquoi"],
            [(e.numero, _heure(e.instant), e.identite or "", self._nom_service(e.service),
              "✓ autorisé" if e.operation == "acces_autorise" else "✗ refusé", e.detail)
             for e in decisions],
            legende=f"Décisions du service d'autorisation ({len(decisions)})") \
            if decisions else ("<p><strong>Décisions d'autorisation :</strong> aucune pour "
                               "l'instant.</p>")
        lignes = self.nouvelles[-LIGNES_AFFICHEES:]
        cachees = len(self.nouvelles) - len(lignes)
        table = tableau_html(
            ["N°", "Heure", "Opération", "Identité", "Service", "Résultat", "Détail", "Objet"],
            [(e.numero, _heure(e.instant), e.libelle, e.identite or "",
              self._nom_service(e.service), SYMBOLES_RESULTAT.get(e.resultat, e.resultat),
              e.detail, e.objet or "") for e in lignes],
            legende=f"Nouvelles lignes du journal ({len(self.nouvelles)})")
        self.journal.value = (
            (f"<p>({accorder(cachees, 'ligne plus ancienne', 'lignes plus anciennes')} : "
             "voir le texte complet.)</p>"
             if cachees else "")
            + (f"<div style=\"max-height:24em;overflow:auto\">{table}</div>" if lignes else
               "<p><strong>Journal :</strong> aucune nouvelle ligne pour l'instant.</p>"))
        echanges = self.echanges_de_la_session()[-ECHANGES_AFFICHES:]
        self.echanges.value = (
            "<details><summary>Derniers échanges HTTP "
            f"({len(echanges)})</summary>"
            + tableau_html(["N°", "De", "Vers", "Requête", "Réponse"],
                           [(e.numero, e.emetteur, e.destinataire, f"{e.methode} {e.url}",
                             e.libelle_statut + (f" → {e.location}" if e.location else ""))
                            for e in echanges])
            + "</details>") if echanges else ""
        self.resume.value = (
            f"Coulisses : cookie TGC {'présent' if tgc else 'absent'}, "
            f"{accorder(len(tickets), 'ticket')}, {accorder(len(decisions), 'décision')}, "
            f"{accorder(len(self.nouvelles), 'nouvelle ligne', 'nouvelles lignes')} de "
            "journal.")

    def texte(self) -> str:
        """Tout le contenu du panneau, en texte brut (lecteurs d'écran, tests)."""
        tgc = self.cookie_tgc()
        lignes = ["Dans les coulisses (ce que le serveur voit)"]
        if tgc is None:
            lignes.append("Cookie TGC : aucun (pas de session SSO sur ce poste).")
        else:
            lignes.append(f"Cookie TGC : {tgc}")
            session = self.ent.cas.tgt_de(self.navigateur)
            if session is not None:
                lignes.append(f"Session SSO de {session.identifiant} : {session.etat}, ouverte "
                              f"à {_heure(session.ouverte_le)}.")
        for c in self.navigateur.cookies():
            if c.nom != NOM_COOKIE_TGC:
                lignes.append(f"Cookie {c.nom} : {c.valeur}")
        tickets = self.tickets_de_la_session()
        lignes.append(f"Tickets de service ({len(tickets)}) :")
        lignes += [f"  {t.ticket} — {self._nom_service(t.service)} — {t.identifiant} — "
                   f"{SYMBOLES_ETAT.get(t.etat, t.etat)}"
                   + (f" ({t.code_refus})" if t.code_refus else "") for t in tickets]
        decisions = self.decisions_de_la_session()
        lignes.append(f"Décisions d'autorisation ({len(decisions)}) :")
        lignes += [f"  n° {e.numero} — {e.identite or ''} — {self._nom_service(e.service)} — "
                   + ("✓ autorisé" if e.operation == "acces_autorise" else "✗ refusé")
                   + f" : {e.detail}" for e in decisions]
        lignes.append(f"Nouvelles lignes du journal ({len(self.nouvelles)}) :")
        lignes += [f"  n° {e.numero} — {_heure(e.instant)} — {e.libelle} — "
                   f"{e.identite or '—'} — {self._nom_service(e.service) or '—'} — "
                   f"{RESULTATS.get(e.resultat, e.resultat)} — {e.detail}"
                   + (f" [{e.objet}]" if e.objet else "") for e in self.nouvelles]
        return "\n".join(lignes)

    NOM_AFFICHE = "Panneau « Dans les coulisses »"
