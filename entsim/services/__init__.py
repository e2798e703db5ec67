"""Les services de l'ENT simulé, avec leurs données (messages, devoirs, notes, absences…).

Chaque module de ce paquet simule un service du catalogue : ses données de démonstration
(tirées de la graine de l'ENT, donc identiques à chaque exécution), ses opérations (lire,
écrire…) toujours soumises au service d'autorisation (besoin d'en connaître) et journalisées
quand il le faut. Aucune dépendance à Jupyter : les vues (widgets) sont dans
:mod:`entsim.widgets.vues`.

Protocole d'un service (informel) :

* une classe construite avec l'ENT : ``Classe(ent)`` ; elle peuple ses données de
  démonstration à la création, avec ``ent.aleatoire.nouveau_generateur("service:<code>")`` ;
* un attribut ``code`` égal au code du catalogue ;
* des méthodes dont le premier argument est l'identifiant de la personne qui agit
  (``cahier.devoirs_visibles("lea.martin")``) : elles vérifient l'autorisation
  (``ent.autorisation``) et lèvent :class:`entsim.socle.erreurs.AccesRefuse` (message français)
  en cas de refus.

Découverte : le service de code ``x`` est simulé par le module ``entsim.services.x``, qui
expose sa classe sous le nom ``SERVICE`` ; ``ent.service(code)`` crée le service à la
première demande et le garde.

Questions du cours : Q1–Q3 (les services et leurs usages), Q8–Q10 (qui voit quelles données).
Peut importer : l'AAS (en pratique l'autorisation), :mod:`entsim.journal`,
:mod:`entsim.etablissement`, :mod:`entsim.socle` ; jamais :mod:`entsim.ent` à l'exécution (le
service reçoit l'objet ENT à sa création ; l'import sous ``TYPE_CHECKING`` ne sert qu'aux
annotations), ni les widgets.
"""

from __future__ import annotations

import importlib
import importlib.util


def classe_du_service(code: str):
    """La classe qui simule le service ``code``, ou ``None`` s'il n'a pas de simulation propre."""
    nom = f"{__name__}.{code}"
    if importlib.util.find_spec(nom) is None:
        return None
    return getattr(importlib.import_module(nom), "SERVICE", None)
