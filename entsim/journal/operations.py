"""Le catalogue des lignes du journal : codes d'opération et de résultat, avec leur libellé
français. Les codes sont stables (les tests, les notebooks et les filtres les citent) ; seul
le libellé s'affiche. SDET, document 2, « Traçabilité des opérations AAS » : chaque opération
de l'AAS (identification, authentification, SSO, autorisation) est journalisée.
"""

from __future__ import annotations

from entsim.journal.integrite import OPERATION_PURGE

#: Les opérations connues, avec leur libellé français (les codes sont stables).
OPERATIONS: dict[str, str] = {
    # Identification / authentification
    "connexion_reussie": "Connexion réussie",
    "connexion_echouee": "Échec de connexion",
    "compte_bloque": "Compte bloqué",
    "compte_debloque": "Compte débloqué",
    "connexion_refusee_blocage": "Connexion refusée (compte bloqué)",
    "compte_cree": "Compte créé",
    "compte_supprime": "Compte supprimé",
    "activation_reussie": "Activation du compte",
    "activation_echouee": "Échec d'activation",
    "charte_acceptee": "Charte et information sur les droits acceptées",
    "mot_de_passe_change": "Mot de passe changé",
    "mot_de_passe_refuse": "Nouveau mot de passe refusé",
    "empreinte_mise_a_jour": "Empreinte du mot de passe renforcée",
    "renouvellement_code_activation": "Nouveau code d'activation",
    "activation_otp": "Activation du code à usage unique",
    "enregistrement_certificat": "Enregistrement d'un certificat",
    "otp_reussi": "Code à usage unique accepté",
    "otp_echoue": "Code à usage unique refusé",
    "certificat_reussi": "Authentification par certificat réussie",
    "certificat_echoue": "Authentification par certificat refusée",
    # SSO (CAS)
    "tgt_cree": "Session SSO ouverte (TGT)",
    "tgt_expire": "Session SSO expirée",
    "reauthentification_demandee": "Nouvelle authentification demandée",
    "ticket_emis": "Ticket de service émis",
    "ticket_valide": "Ticket de service validé",
    "ticket_refuse": "Ticket de service refusé",
    "passerelle_sans_session": "Accès sans connexion (gateway)",
    "deconnexion": "Déconnexion",
    "deconnexion_propagee": "Déconnexion propagée au service",
    # Autorisation
    "acces_autorise": "Accès autorisé",
    "acces_refuse": "Accès refusé",
    "opposition_enregistree": "Opposition d'un élève majeur à l'accès de ses parents",
    "opposition_levee": "Opposition d'un élève majeur levée",
    # Services de communication et de collaboration
    "message_envoye": "Message envoyé",
    "publication_ajoutee": "Publication ajoutée",
    "publication_masquee": "Publication masquée (modération)",
    "publication_retablie": "Publication rétablie (modération)",
    "document_depose": "Document déposé",
    "partage_modifie": "Partage modifié",
    "depot_casier": "Dépôt dans un casier",
    # Stockage des fichiers : rançongiciel simulé et sauvegardes (entsim.attaques.rancongiciel)
    "document_chiffre": "Document rendu illisible (chiffré)",
    "sauvegarde_effectuee": "Sauvegarde effectuée",
    "sauvegarde_restauree": "Sauvegarde restaurée",
    # Droits des personnes (RGPD, art. 12 à 21 : entsim.rgpd.droits)
    "demande_droit_recue": "Demande d'exercice d'un droit reçue (RGPD)",
    "demande_droit_traitee": "Demande d'exercice d'un droit traitée (RGPD)",
    "demande_droit_refusee": "Demande d'exercice d'un droit refusée (RGPD)",
    "demande_droit_prolongee": "Délai de réponse à une demande prolongé (RGPD, art. 12.3)",
    "donnees_exportees": "Données personnelles communiquées (droit d'accès)",
    "donnees_rectifiees": "Données personnelles rectifiées",
    "donnees_effacees": "Données personnelles effacées ou anonymisées",
    "traitement_limite": "Traitement des données limité (RGPD, art. 18)",
    # Conservation (arrêté ENT du 30 novembre 2006 modifié, art. 6 : entsim.rgpd.conservation)
    "depart_enregistre": "Départ de l'établissement enregistré",
    "donnees_purgees": "Données d'une personne partie purgées (durée de conservation)",
    "fiche_annuaire_supprimee": "Fiche de l'annuaire supprimée",
    # Le journal lui-même
    OPERATION_PURGE: "Purge du journal (durée de conservation)",
}

#: Les résultats possibles d'une opération, avec leur libellé.
RESULTATS: dict[str, str] = {"succes": "Succès", "echec": "Échec", "info": "Information"}
