"""Le tableau à compléter (:class:`TableauACompleter`) : un petit tableau (dictionnaire,
liste de lignes ou DataFrame pandas) comparé case par case ; une case attend un nombre, un
texte, des variantes ou des mots-clés (:class:`~entsim.questions.mots_cles.MotsCles`).

Une case rédigée qui aligne des mots-clés au lieu de répondre pour sa ligne (au moins trois
mots-clés attendus du tableau, sans phrase ou valables pour toutes les lignes) compte pour
moitié : la règle de :class:`~entsim.questions.types_de_questions.reponse_courte.ReponseCourte`
(une liste de mots-clés sans phrase a au plus la moitié des points), case par case.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from entsim.questions.ecriture import affiche, nom_type
from entsim.questions.mots_cles import MotsCles, motif_variante
from entsim.questions.normalisation import (cle_element, est_dataframe, est_vide,
                                            _lire_nombre, normaliser, ReponseInvalide,
                                            _texte)
from entsim.questions.question import Question
from entsim.questions.types_de_questions.reponse_courte import (PART_MAX_SANS_PHRASE,
                                                                 est_une_phrase)
from entsim.questions.retours import Correction
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import accorder


#: Une case rédigée qui contient au moins ce nombre de mots-clés attendus du tableau…
MOTS_CLES_LISTE = 3


def _mots_cles_de_la_case(texte: str, groupes: list[MotsCles]) -> tuple[int, int]:
    """(nombre de mots-clés différents du tableau trouvés dans la case, nombre de lignes
    dont l'idée attendue y est trouvée)."""
    trouves = {v for g in groupes for v, m in zip(g.variantes, g.__dict__["_motifs"])
               if m.search(texte)}
    return len(trouves), sum(1 for g in groupes if g.trouvee_dans(texte))


def _cellule_correspond(attendu: object, valeur: object) -> bool:
    """Compare une case : nombre (tolérance 1e-9), texte ou variantes (mots-clés)."""
    if isinstance(attendu, MotsCles):
        return attendu.trouvee_dans(normaliser(_texte(valeur)))
    if isinstance(attendu, (int, float)) and not isinstance(attendu, bool):
        try:
            return math.isclose(_lire_nombre(valeur), float(attendu), abs_tol=1e-9)
        except ReponseInvalide:
            return False
    if isinstance(attendu, str):
        attendu = (attendu,)
    if isinstance(attendu, (tuple, list)):
        texte = normaliser(_texte(valeur))
        return any(motif_variante(v).search(texte) or normaliser(v) == texte
                   for v in attendu)
    if callable(attendu):
        return bool(attendu(valeur))
    return attendu == valeur


@dataclass(frozen=True, kw_only=True, repr=False)
class TableauACompleter(Question):
    """Un petit tableau à compléter. ``colonnes`` : les en-têtes, la première désigne la
    ligne (elle est donnée à l'élève) ; ``attendu`` : première colonne → {colonne : valeur
    attendue}. Une valeur attendue est un nombre (comparé numériquement), un texte ou un
    tuple de variantes (comparés comme des mots-clés), ou un :class:`MotsCles`.

    L'élève répond par un dictionnaire ``{ligne : valeur}`` (une seule colonne à remplir)
    ou ``{ligne : {colonne : valeur}}``, une liste de lignes (listes ou dictionnaires), ou
    un DataFrame pandas. Chaque case juste rapporte la même part des points.
    """

    colonnes: tuple[str, ...]
    attendu: Mapping[str, Mapping[str, object]]
    modele: Mapping[str, Mapping[str, object]] | None = None
    alias_lignes: Mapping[str, str] = field(default_factory=dict)

    #: Au-delà de cette longueur, les lignes sont désignées par leur numéro dans l'exemple.
    LONGUEUR_LIBELLE_COURT = 40

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "colonnes", tuple(self.colonnes))
        if len(self.colonnes) < 2:
            raise ValeurInvalide(f"Question {self.id} : il faut au moins deux colonnes.")
        for ligne, cases in self.attendu.items():
            for colonne in cases:
                if colonne not in self.colonnes[1:]:
                    raise ValeurInvalide(f"Question {self.id} : colonne « {colonne} » inconnue "
                                         f"(ligne « {ligne} »).")

    @property
    def lignes(self) -> tuple[str, ...]:
        """Les libellés des lignes (première colonne, donnée à l'élève)."""
        return tuple(self.attendu)

    @property
    def a_remplir(self) -> tuple[str, ...]:
        return self.colonnes[1:]

    @property
    def _numerotees(self) -> bool:
        """Vrai si les lignes ont de longs libellés : l'élève les désigne par leur numéro."""
        return max(len(l) for l in self.attendu) > self.LONGUEUR_LIBELLE_COURT

    def consigne(self) -> str:
        numeros = self._numerotees
        entete = "| " + ("N° | " if numeros else "") + " | ".join(self.colonnes) + " |"
        separation = "|" + "---|" * (len(self.colonnes) + numeros)
        lignes = ["| " + (f"{i} | " if numeros else "") + ligne + " |"
                  + " … |" * len(self.a_remplir)
                  for i, ligne in enumerate(self.attendu, start=1)]
        premier = "1" if numeros else f'"{next(iter(self.attendu))}"'
        if len(self.a_remplir) == 1:
            exemple = f"{{{premier}: …, …}}"
        else:
            exemple = (f"{{{premier}: {{" + ", ".join(f'"{c}": …' for c in self.a_remplir)
                       + "}, …}")
        designation = ("chaque ligne désignée par son numéro (ou son texte)" if numeros
                       else "une entrée par ligne du tableau")
        return "\n".join([self.enonce, "", entete, separation, *lignes, "",
                          f"*Répondez par un dictionnaire, {designation} : `{exemple}`.*"])

    def exemple_de_reponse(self) -> object:
        source = self.modele if self.modele is not None else self.attendu
        numeros = self._numerotees
        resultat: dict[object, object] = {}
        for rang, (ligne, cases) in enumerate(source.items(), start=1):
            valeurs = {}
            for colonne, valeur in cases.items():
                if isinstance(valeur, MotsCles):
                    valeur = valeur.variantes[0].replace("*", "")
                elif isinstance(valeur, (tuple, list)):
                    valeur = valeur[0]
                valeurs[colonne] = valeur
            resultat[rang if numeros else ligne] = valeurs[self.a_remplir[0]] \
                if len(self.a_remplir) == 1 else valeurs
        return resultat

    def _ligne(self, nom: object) -> str:
        """La ligne (libellé normalisé) désignée par un numéro (1 = la première), son
        libellé, un alias (``alias_lignes``) ou un début de libellé sans ambiguïté."""
        libelles = [normaliser(l) for l in self.attendu]
        if isinstance(nom, str) and nom.strip().rstrip(".").isdigit():
            nom = int(nom.strip().rstrip("."))
        if isinstance(nom, float) and nom.is_integer():
            nom = int(nom)
        if isinstance(nom, int) and not isinstance(nom, bool):
            if 1 <= nom <= len(libelles):
                return libelles[nom - 1]
            return f"n° {nom}"
        cle = cle_element(nom)
        if cle in libelles:
            return cle
        alias = {normaliser(a): normaliser(l) for a, l in self.alias_lignes.items()}
        if cle in alias:
            return alias[cle]
        proches = [l for l in libelles if cle and l.startswith(cle)]
        return proches[0] if len(proches) == 1 else cle

    def _lignes(self, reponse: object) -> dict[str, dict[str, object]]:
        """La réponse ramenée à {ligne normalisée : {colonne : valeur}}."""
        lignes: dict[str, dict[str, object]] = {}

        def ajouter(nom: object, cases: object) -> None:
            cle = self._ligne(nom)
            if isinstance(cases, Mapping):
                valeurs = {}
                for colonne, valeur in cases.items():
                    nom_colonne = self._colonne(colonne)
                    if nom_colonne:
                        valeurs[nom_colonne] = valeur
                lignes[cle] = valeurs
            elif isinstance(cases, (list, tuple)):
                lignes[cle] = dict(zip(self.a_remplir, cases))
            else:
                lignes[cle] = {self.a_remplir[0]: cases}

        if est_dataframe(reponse):
            reponse = reponse.to_dict("records")  # type: ignore[attr-defined]
        if isinstance(reponse, Mapping):
            for nom, cases in reponse.items():
                ajouter(nom, cases)
        elif isinstance(reponse, (list, tuple)):
            for ligne in reponse:
                if isinstance(ligne, Mapping):
                    copie = dict(ligne)
                    premiere = next((k for k in copie if self._colonne(k) == self.colonnes[0]),
                                    None)
                    if premiere is None:
                        raise ReponseInvalide(f"Chaque ligne doit avoir la colonne "
                                               f"« {self.colonnes[0]} ».")
                    ajouter(copie.pop(premiere), copie)
                elif isinstance(ligne, (list, tuple)) and len(ligne) >= 2:
                    ajouter(ligne[0], list(ligne[1:]))
                else:
                    raise ReponseInvalide("Chaque ligne du tableau s'écrit comme une liste "
                                           "[\"ligne\", valeur…] ou un dictionnaire.")
        else:
            raise ReponseInvalide("Écrivez le tableau comme un dictionnaire { \"ligne\" : "
                                   "valeur, … } (reçu : " + nom_type(reponse) + ").")
        return lignes

    def _colonne(self, nom: object) -> str | None:
        if not isinstance(nom, str):
            return None
        cle = normaliser(nom)
        for c in self.colonnes:
            if cle == normaliser(c):
                return c
        return None

    def _liste_de_mots_cles(self, colonne: str, valeur: object) -> bool:
        """Vrai si une case rédigée aligne des mots-clés au lieu de répondre pour sa ligne :
        au moins :data:`MOTS_CLES_LISTE` mots-clés attendus du tableau, et soit sans phrase
        (la règle de :class:`~entsim.questions.types_de_questions.reponse_courte.ReponseCourte`,
        :func:`~entsim.questions.types_de_questions.reponse_courte.est_une_phrase`), soit
        avec l'idée attendue de chaque ligne de la colonne (elle vaudrait pour tous les
        acteurs : ce n'est plus une réponse pour celui-ci). « Moins de papier » ou « trop de
        messages le soir », quelques mots propres à la ligne, n'en sont pas."""
        groupes = [cases[colonne] for cases in self.attendu.values()
                   if isinstance(cases.get(colonne), MotsCles)]
        texte = normaliser(_texte(valeur))
        nombre, lignes = _mots_cles_de_la_case(texte, groupes)
        if nombre < MOTS_CLES_LISTE:
            return False
        return not est_une_phrase(texte) or (len(groupes) >= MOTS_CLES_LISTE
                                             and lignes == len(groupes))

    def _corriger(self, reponse: object) -> Correction:
        lignes = self._lignes(reponse)
        details, justes, total, listes = [], 0.0, 0, 0
        for ligne, cases in self.attendu.items():
            donnees = lignes.get(normaliser(ligne))
            for colonne, attendu in cases.items():
                total += 1
                if donnees is None:
                    continue
                valeur = donnees.get(colonne)
                if est_vide(valeur):
                    details.append(f"Ligne « {ligne} », colonne « {colonne} » : case vide.")
                elif _cellule_correspond(attendu, valeur):
                    if isinstance(attendu, MotsCles) and self._liste_de_mots_cles(colonne,
                                                                                  valeur):
                        listes += 1
                        justes += PART_MAX_SANS_PHRASE
                        details.append(f"Ligne « {ligne} », colonne « {colonne} » : une liste "
                                       "de mots-clés qui vaudrait pour d'autres lignes ne "
                                       "suffit pas ; répondez pour cette ligne, en quelques "
                                       "mots (case comptée pour moitié).")
                    else:
                        justes += 1
                else:
                    details.append(f"Ligne « {ligne} », colonne « {colonne} » : à revoir "
                                   f"(« {affiche(valeur)} »).")
            if donnees is None:
                details.append(f"Ligne « {ligne} » absente de votre tableau.")
        # Des cases rédigées, jugées par mots-clés : comme pour une définition, la note est
        # provisoire (le professeur relit et ajuste).
        redigees = any(isinstance(attendu, MotsCles) for cases in self.attendu.values()
                       for attendu in cases.values())
        entieres = int(justes - listes * PART_MAX_SANS_PHRASE)
        partiel = f"{accorder(entieres, 'case juste', 'cases justes')} sur {total}" + (
            (f" ; 1 case qui aligne des mots-clés sans répondre pour sa ligne, comptée pour "
             "moitié." if listes == 1 else
             f" ; {listes} cases qui alignent des mots-clés sans répondre pour leur ligne, "
             "comptées pour moitié.") if listes else ".")
        return self._proportion(justes / total, "Tableau entièrement juste.", partiel,
                                f"Aucune case juste sur {total}.", details,
                                pour_le_professeur=(
                                    ("Cases rédigées notées par mots-clés, note provisoire : "
                                     "relisez-les et ajustez si besoin."
                                     + (f" Comptées pour moitié (liste de mots-clés) : "
                                        f"{accorder(listes, 'case', 'cases')}."
                                        if listes else ""),) if redigees else ()),
                                provisoire=redigees)
