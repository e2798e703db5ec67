"""La connexion au portail : formulaire, blocage et horloge simulée, première connexion,
déconnexion unique.

* la connexion appelle le serveur CAS (:meth:`entsim.sso.serveur.ServeurCAS.connexion`), qui
  fait vérifier le mot de passe par le service d'authentification : échecs comptés et
  journalisés, blocage après 5 échecs, même message pour un identifiant inconnu et un mot de
  passe faux — avec une limite assumée, comme dans les ENT réels : seul un compte existant
  peut être bloqué, et le message de blocage révèle donc que le compte existe
  (:data:`NOTE_BLOCAGE`) ;
* l'horloge de l'ENT simulé n'avance pas toute seule : quand un compte est bloqué, la page
  d'accueil propose :data:`LIBELLE_ATTENTE` (:meth:`Connexion.attendre_fin_du_blocage`), qui
  avance l'horloge jusqu'à la fin du blocage ;
* la première connexion demande le code d'activation, l'acceptation de la charte, la lecture
  de l'information sur les droits (avis de la CNIL, 2006 : « sur la page d'accueil du portail
  ENT et lors de la phase de création d'un compte ») et le choix d'un mot de passe conforme à
  la politique (tous les manquements listés ensemble) ;
* la déconnexion est propagée à chaque service ouvert (CAS 3.0, section 2.3.3 ; SDET :
  « propagation de la déconnexion auprès de l'ensemble des services applicatifs »).
"""

from __future__ import annotations

from entsim.authentification.service import EtatCompte
from entsim.socle.erreurs import ErreurENT
from entsim.socle.texte import accorder
from entsim.widgets.accueil import PageAccueil
from entsim.widgets.mise_en_forme import echapper
from entsim.widgets.portail.base import BaseDuPortail, action_du_portail, texte_html

MESSAGE_BIENVENUE = ("Bienvenue sur l'ENT. Connectez-vous avec votre identifiant et votre mot "
                     "de passe ; l'information sur vos droits est à côté du formulaire.")


#: Bouton qui fait avancer l'horloge simulée jusqu'à la fin d'un blocage.
LIBELLE_ATTENTE = "Attendre la fin du blocage (horloge simulée)"

#: Note pour l'enseignant, sous un message de blocage (limite assumée, comme les ENT réels).
NOTE_BLOCAGE = ("Note pour l'enseignant : ce message révèle que le compte existe (un "
                "identifiant inconnu n'est jamais bloqué et reçoit toujours « Identifiant ou "
                "mot de passe incorrect. ») ; les ENT réels ont la même limite, acceptée pour "
                "protéger les comptes contre les essais répétés.")


class Connexion(BaseDuPortail):
    """La partie « connexion » du portail : ce qu'appellent les boutons de la page d'accueil
    (:class:`entsim.widgets.accueil.PageAccueil`) et le bouton « Se déconnecter »."""

    accueil: PageAccueil
    #: (identifiant, fin du blocage) du dernier compte bloqué vu sur ce poste
    blocage: tuple[str, object] | None

    @action_du_portail
    def se_connecter(self, identifiant: str, mot_de_passe: str) -> str:
        """Envoie le formulaire de connexion au serveur CAS (le vrai service
        d'authentification vérifie le mot de passe, compte les échecs et journalise)."""
        if not isinstance(identifiant, str) or not identifiant.strip():
            return self._echec_connexion("Saisissez votre identifiant (prénom.nom).")
        if not isinstance(mot_de_passe, str):
            return self._echec_connexion("Saisissez votre mot de passe.")
        try:
            resultat = self.ent.cas.connexion(self.navigateur, identifiant.strip(),
                                              mot_de_passe)
        except ErreurENT as erreur:
            return self._echec_connexion(str(erreur))
        self.dernier_resultat = resultat
        if not resultat.ok:
            return self._echec_connexion(resultat.message,
                                         blocage=self._fin_de_blocage(identifiant.strip()))
        self.accueil.identifiant.value = ""
        self.accueil.message_connexion.value = ""
        self.accueil.vider()
        self._montrer_attente(None)
        self._entrer(resultat.identifiant)
        p = self.ent.etablissement.personne(resultat.identifiant)
        # Les détails techniques (cookie TGC, session SSO) sont dans les coulisses.
        return self._annoncer(
            f"✓ Connexion réussie : bienvenue, {p.nom_complet} ({p.profil.value}). Vos "
            "services s'ouvriront sans retaper le mot de passe.")

    def _fin_de_blocage(self, identifiant: str):
        """(identifiant, fin) si ce compte est bloqué en ce moment, sinon ``None``."""
        auth = self.ent.authentification
        if identifiant not in auth:
            return None
        compte = auth.compte(identifiant)
        if compte.etat is EtatCompte.BLOQUE and compte.bloque_jusqu_a is not None:
            return compte.identifiant, compte.bloque_jusqu_a
        return None

    def _montrer_attente(self, blocage) -> None:
        self.blocage = blocage
        self.accueil.montrer_attente(blocage is not None)

    def _echec_connexion(self, message: str, *, blocage=None) -> str:
        self.accueil.vider()
        phrase = f"✗ {message}"
        note = ""
        if blocage is not None:
            phrase += (f"\nL'horloge de l'ENT simulé n'avance pas toute seule : cliquez sur "
                       f"« {LIBELLE_ATTENTE} » pour l'avancer jusqu'à "
                       f"{blocage[1]:%H:%M}, puis reconnectez-vous.")
            note = f'<p style="margin:0.2em 0"><em>{echapper(NOTE_BLOCAGE)}</em></p>'
        self._montrer_attente(blocage)
        self.accueil.message_connexion.value = (f'<p role="alert"><strong>'
                                                f"{texte_html(phrase)}</strong></p>{note}")
        return self._annoncer(phrase)

    @action_du_portail
    def attendre_fin_du_blocage(self) -> str:
        """Avance l'horloge simulée jusqu'à la fin du blocage du compte bloqué sur ce poste
        (dans un vrai ENT, on attendrait ; ici le temps n'avance que sur demande)."""
        if self.blocage is None:
            return self._annoncer("Aucun compte n'est bloqué sur ce poste : il n'y a rien à "
                                  "attendre.")
        identifiant, fin = self.blocage
        avant = self.ent.horloge.maintenant()
        if fin > avant:
            self.ent.horloge.aller_a(fin)
        self.ent.authentification.compte(identifiant)    # constate (et trace) la levée
        self._montrer_attente(None)
        self.accueil.message_connexion.value = ""
        return self._annoncer(
            f"⏩ Horloge simulée avancée de {avant:%H:%M} à "
            f"{self.ent.horloge.maintenant():%H:%M} : le blocage du compte « {identifiant} » "
            "est terminé, vous pouvez réessayer de vous connecter.")

    @action_du_portail
    def premiere_connexion(self, identifiant: str, code: str, mot_de_passe: str, *,
                           charte: bool = True, notice: bool = True,
                           confirmation: str | None = None) -> str:
        """Première connexion : code d'activation, charte, information sur les droits, choix
        du mot de passe (tous les problèmes listés ensemble) ; en cas de succès, connexion
        par le serveur CAS avec le nouveau mot de passe."""
        zone = self.accueil.pc_message
        if confirmation is not None and confirmation != mot_de_passe:
            phrase = ("✗ Activation refusée :\n• Les deux mots de passe saisis sont "
                      "différents : retapez le même mot de passe dans « Confirmation ».")
            self.accueil.vider()
            zone.value = f'<p role="alert">{texte_html(phrase)}</p>'
            return self._annoncer(phrase)
        try:
            resultat = self.ent.authentification.activer(
                identifiant, code, mot_de_passe, charte_acceptee=charte,
                information_lue=notice, poste=self.poste)
        except ErreurENT as erreur:
            resultat = None
            phrase = f"✗ {erreur}"
        self.dernier_resultat = resultat if resultat is not None else self.dernier_resultat
        self.accueil.vider()
        if resultat is None or not resultat.ok:
            if resultat is not None:
                phrase = f"✗ {resultat.message}"
            zone.value = f'<p role="alert">{texte_html(phrase)}</p>'
            return self._annoncer(phrase)
        zone.value = ""
        for champ in (self.accueil.pc_identifiant, self.accueil.pc_code):
            champ.value = ""
        self.accueil.pc_charte.value = self.accueil.pc_notice.value = False
        activation = f"✓ {resultat.message}"
        suite = self.se_connecter(resultat.identifiant, mot_de_passe)
        return self._annoncer(f"{activation}\n{suite}")

    @action_du_portail
    def se_deconnecter(self) -> str:
        """Déconnexion unique : session SSO fermée, cookie TGC effacé, chaque service ouvert
        prévenu ; retour à la page d'accueil."""
        if self.identifiant is None:
            return self._annoncer("Personne n'est connecté sur ce poste.")
        resume = self._deconnexion_sso()
        self._afficher_accueil()
        return self._annoncer(resume)

    def _deconnexion_sso(self) -> str:
        nom = self._nom(self.identifiant)
        resultat = self.ent.cas.deconnexion(self.navigateur)
        self.dernier_resultat = resultat
        self.identifiant = None
        self.code_ouvert = None
        self.vue_service = None
        if not resultat.ok:
            return f"{nom} : {resultat.message}"
        services = [self.ent.catalogue.service(c).nom for c in resultat.services_notifies]
        prevenus = ((accorder(len(services), "service prévenu") + " (déconnexion unique) : "
                     + ", ".join(f"« {s} »" for s in services)) if services else
                    "aucun service n'avait de session ouverte")
        return (f"✓ Déconnexion de {nom} : session SSO fermée, cookie TGC effacé ; "
                f"{prevenus}.")


__all__ = ["LIBELLE_ATTENTE", "MESSAGE_BIENVENUE", "NOTE_BLOCAGE", "Connexion"]
