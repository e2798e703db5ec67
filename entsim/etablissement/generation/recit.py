"""Les personnages fixes du récit et les classes de démonstration.

Les notebooks citent ces personnages par leur identifiant (``lea.martin``) : leurs noms et
dates de naissance ne sont jamais tirés au hasard. Léa Martin et sa mère Sophie Martin ;
Hugo Bernard et ses parents Karim Bernard et Émilie Rousseau (« l'autre parent », qui ne
doit pas voir les notes de Léa) ; la famille Haddad, dont les deux enfants sont au lycée
(Inès en :data:`CLASSE_DEMO`, Yanis en :data:`SECONDE_DEMO`) ; Nicolas Durand, professeur
principal de TSTMG1 ; les personnels (proviseur, CPE…) et deux comptes extérieurs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from entsim.etablissement.identifiants import forme_identifiant

__all__ = ["CLASSE_DEMO", "SECONDE_DEMO", "EFFECTIF_DEMO", "Persona", "PERSONAS",
           "ORGANISME_INVITE"]

#: La classe du récit (terminale STMG, spécialité « management, sciences de gestion et
#: numérique », enseignement spécifique SIG), seule classe complète de la démo.
CLASSE_DEMO = "TSTMG1"
#: La seconde de Yanis Haddad (le frère d'Inès), réduite à lui dans la démonstration.
SECONDE_DEMO = "2NDE3"

#: Nombre d'élèves de la classe de démonstration TSTMG1.
EFFECTIF_DEMO = 12


@dataclass(frozen=True)
class Persona:
    """Un personnage au nom fixe, que les notebooks citent par son identifiant."""

    prenom: str
    nom: str
    date_naissance: date

    @property
    def identifiant(self) -> str:
        """L'identifiant ENT du personnage (``lea.martin``)."""
        return forme_identifiant(self.prenom, self.nom)

    @property
    def nom_complet(self) -> str:
        return f"{self.prenom} {self.nom}"


LEA_MARTIN = Persona("Léa", "Martin", date(2009, 3, 14))
SOPHIE_MARTIN = Persona("Sophie", "Martin", date(1981, 6, 2))
HUGO_BERNARD = Persona("Hugo", "Bernard", date(2009, 1, 27))
KARIM_BERNARD = Persona("Karim", "Bernard", date(1977, 9, 18))
EMILIE_ROUSSEAU = Persona("Émilie", "Rousseau", date(1982, 4, 9))
INES_HADDAD = Persona("Inès", "Haddad", date(2009, 7, 3))
YANIS_HADDAD = Persona("Yanis", "Haddad", date(2011, 2, 21))
SAMIRA_HADDAD = Persona("Samira", "Haddad", date(1979, 12, 1))
MEHDI_HADDAD = Persona("Mehdi", "Haddad", date(1976, 5, 30))
NICOLAS_DURAND = Persona("Nicolas", "Durand", date(1978, 10, 12))
ISABELLE_MOREAU = Persona("Isabelle", "Moreau", date(1974, 2, 17))
PHILIPPE_LEFEVRE = Persona("Philippe", "Lefèvre", date(1968, 8, 23))
CAROLINE_FAURE = Persona("Caroline", "Faure", date(1976, 11, 4))
STEPHANE_GARNIER = Persona("Stéphane", "Garnier", date(1971, 3, 29))
CLAIRE_FONTAINE = Persona("Claire", "Fontaine", date(1985, 1, 16))
SANDRINE_ROBERT = Persona("Sandrine", "Robert", date(1972, 7, 8))
THOMAS_LAMBERT = Persona("Thomas", "Lambert", date(2001, 5, 19))
JULIEN_ROUX = Persona("Julien", "Roux", date(1983, 9, 2))
MARC_GIRARD = Persona("Marc", "Girard", date(1975, 12, 11))

#: Les personnages par rôle dans le récit (identifiants : ``PERSONAS["eleve"].identifiant``).
PERSONAS: dict[str, Persona] = {
    "eleve": LEA_MARTIN,                          # élève de TSTMG1
    "mere": SOPHIE_MARTIN,                        # sa mère, seule responsable légale
    "autre_eleve": HUGO_BERNARD,                  # élève de TSTMG1
    "autre_parent": KARIM_BERNARD,                # père d'Hugo : ne doit rien voir de Léa
    "autre_mere": EMILIE_ROUSSEAU,                # mère d'Hugo (nom différent de son fils)
    "eleve_fratrie": INES_HADDAD,                 # élève de TSTMG1…
    "frere": YANIS_HADDAD,                        # … et son frère en seconde (2NDE3)
    "mere_fratrie": SAMIRA_HADDAD,                # responsables des deux enfants
    "pere_fratrie": MEHDI_HADDAD,
    "professeur_principal": NICOLAS_DURAND,       # MSGN-SIG, professeur principal de TSTMG1
    "cpe": ISABELLE_MOREAU,
    "proviseur": PHILIPPE_LEFEVRE,                # chef d'établissement
    "adjoint": CAROLINE_FAURE,                    # proviseure adjointe
    "gestionnaire": STEPHANE_GARNIER,             # intendance
    "documentaliste": CLAIRE_FONTAINE,            # CDI, administratrice locale et RUPN
    "secretariat": SANDRINE_ROBERT,
    "vie_scolaire": THOMAS_LAMBERT,               # assistant d'éducation
    "partenaire": JULIEN_ROUX,                    # collège de secteur (Invité)
    "invite": MARC_GIRARD,                        # intervenant extérieur (Invité)
}

ORGANISME_INVITE = "Intervenant extérieur (prévention des risques numériques)"
