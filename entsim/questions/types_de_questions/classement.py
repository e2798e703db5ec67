"""Le classement (:class:`Classement`) : des éléments à ranger dans des catégories (acteur
interne ou externe, preuve « ce que je sais » / « ce que je possède »…), par un dictionnaire
ou la liste des lettres dans l'ordre des éléments ; le retour cite les éléments mal rangés.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from entsim.questions.ecriture import affiche, nom_type
from entsim.questions.lettres import LETTRES, choix_depuis, liste_lettres
from entsim.questions.normalisation import (cle_element, est_dataframe, est_vide,
                                            normaliser, ReponseInvalide)
from entsim.questions.question import Question
from entsim.questions.retours import Correction
from entsim.socle.erreurs import ValeurInvalide
from entsim.socle.texte import accorder


@dataclass(frozen=True, kw_only=True, repr=False)
class Classement(Question):
    """Des éléments à ranger dans des catégories (``attendu`` : élément → catégorie).

    L'élève répond par un dictionnaire élément → catégorie (la catégorie par son texte ou
    sa lettre), ou catégorie → liste d'éléments, ou une liste de paires. Chaque élément
    bien rangé rapporte la même part des points ; le retour cite les éléments mal rangés
    (sans donner la bonne catégorie : les indices sont là pour ça).
    """

    categories: tuple[str, ...]
    attendu: Mapping[str, str]
    lettres: bool = True

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "categories", tuple(self.categories))
        attendu = dict(self.attendu)
        for element, categorie in attendu.items():
            if categorie not in self.categories:
                raise ValeurInvalide(f"Question {self.id} : catégorie « {categorie} » de "
                                     f"« {element} » absente des catégories.")
        object.__setattr__(self, "attendu", attendu)

    @property
    def elements(self) -> tuple[str, ...]:
        return tuple(self.attendu)

    def consigne(self) -> str:
        if self.lettres:
            categories = liste_lettres(self.categories)
        else:
            categories = "\n".join(f"- {c}" for c in self.categories)
        elements = "\n".join(f"{i}. {e}" for i, e in enumerate(self.attendu, start=1))
        premier = next(iter(self.attendu))
        cle = "1" if max(len(e) for e in self.attendu) > 50 else f'"{premier}"'
        valeur = '"A"' if self.lettres else f'"{self.categories[0]}"'
        exemple = f"{{{cle}: {valeur}, …}}"
        forme = ("la lettre de sa catégorie" if self.lettres else "sa catégorie")
        forme_element = "son numéro ou son texte" if cle == "1" else "son texte ou son numéro"
        n = len(self.attendu)
        if self.lettres:
            lettres = "".join(LETTRES[i % len(self.categories)] for i in range(min(n, 3)))
            return (f"{self.enonce}\n\n**Éléments à classer :**\n\n{elements}\n\n"
                    f"**Catégories :**\n\n{categories}\n\n*Le plus court : la lettre de la "
                    f"catégorie de chaque élément, dans l'ordre des éléments, en une ligne "
                    f"(ici {n} lettres), par exemple `\"{lettres}…\"`. Ou un dictionnaire qui donne, pour "
                    f"chaque élément ({forme_element}), {forme} : `{exemple}` (accents et "
                    "majuscules ne comptent pas).*")
        return (f"{self.enonce}\n\n**Éléments à classer :**\n\n{elements}\n\n"
                f"**Catégories :**\n\n{categories}\n\n*Répondez par un dictionnaire qui "
                f"donne, pour chaque élément ({forme_element}), {forme} : `{exemple}` (accents "
                "et majuscules ne comptent pas).*")

    def exemple_de_reponse(self) -> object:
        longs = max(len(e) for e in self.attendu) > 50    # désignés par leur numéro
        return {(i if longs else e): (LETTRES[self.categories.index(c)] if self.lettres else c)
                for i, (e, c) in enumerate(self.attendu.items(), start=1)}

    def _categorie(self, valeur: object) -> int | None:
        if self.lettres or isinstance(valeur, int):
            try:
                return choix_depuis(valeur, self.categories, "catégorie")
            except ReponseInvalide:
                pass
        if isinstance(valeur, str):
            cle = normaliser(valeur)
            for i, c in enumerate(self.categories):
                if cle == normaliser(c):
                    return i
            correspondances = [i for i, c in enumerate(self.categories)
                               if cle and (cle in normaliser(c) or normaliser(c) in cle)]
            if len(correspondances) == 1:
                return correspondances[0]
        return None

    def _paires(self, reponse: object) -> list[tuple[object, object]]:
        if est_dataframe(reponse):
            lignes = reponse.to_dict("records")  # type: ignore[attr-defined]
            paires = []
            for ligne in lignes:
                valeurs = list(ligne.values())
                if len(valeurs) < 2:
                    raise ReponseInvalide("Le tableau doit avoir deux colonnes : l'élément "
                                           "et sa catégorie.")
                paires.append((valeurs[0], valeurs[1]))
            return paires
        if isinstance(reponse, Mapping):
            paires = []
            for cle, valeur in reponse.items():
                if isinstance(valeur, (list, tuple, set, frozenset)):
                    # catégorie → liste d'éléments
                    for element in valeur:
                        paires.append((element, cle))
                else:
                    paires.append((cle, valeur))
            return paires
        if isinstance(reponse, str):
            return self._paires_texte(reponse)
        if isinstance(reponse, (list, tuple)):
            if reponse and not any(isinstance(e, (list, tuple)) for e in reponse):
                return self._paires_dans_l_ordre(list(reponse))
            paires = []
            for couple in reponse:
                if not isinstance(couple, (list, tuple)) or len(couple) != 2:
                    raise ReponseInvalide("Écrivez un dictionnaire { \"élément\" : "
                                           "\"catégorie\", … } comme dans l'exemple.")
                paires.append((couple[0], couple[1]))
            return paires
        raise ReponseInvalide("Écrivez un dictionnaire { \"élément\" : \"catégorie\", … } "
                               "comme dans l'exemple (reçu : " + nom_type(reponse) + ").")

    def _paires_dans_l_ordre(self, categories: list[object]) -> list[tuple[object, object]]:
        """Une catégorie par élément, dans l'ordre de l'énoncé : ``["B", "B", "A", …]``."""
        n = len(self.attendu)
        if len(categories) != n:
            raise ReponseInvalide(
                f"Votre liste a {accorder(len(categories), 'catégorie', 'catégories')} pour "
                f"{n} éléments : donnez une lettre par élément, dans l'ordre de l'énoncé, ou "
                "un dictionnaire { numéro : \"lettre\", … }.")
        return [(i, c) for i, c in enumerate(categories, start=1)]

    def _paires_texte(self, texte: str) -> list[tuple[object, object]]:
        """« 1B 2B 3A … », « 1-B, 2-B… » (numéro et lettre), ou « B B A … » / « BBA… »
        (une lettre par élément, dans l'ordre ; « ? » pour un élément laissé sans
        catégorie)."""
        n = len(self.attendu)
        numerotees = re.findall(r"(\d+)\s*[-:=.)]?\s*([A-Za-z])(?![A-Za-z])", texte)
        reste = re.sub(r"(\d+)\s*[-:=.)]?\s*([A-Za-z])(?![A-Za-z])", "", texte)
        if numerotees and not re.sub(r"[\s,;/]+", "", reste):
            return [(int(numero), lettre) for numero, lettre in numerotees]
        morceaux = [m for m in re.split(r"[\s,;/]+", texte.strip()) if m]
        # « ? » : un élément laissé sans catégorie (« AB?C???? »), compté comme non classé
        if len(morceaux) == 1 and len(morceaux[0]) == n and all(
                c.isalpha() or c == "?" for c in morceaux[0]):
            morceaux = list(morceaux[0])
        if len(morceaux) == n and all(len(m) == 1 and (m.isalpha() or m == "?")
                                      for m in morceaux):
            return [(i, c) for i, c in self._paires_dans_l_ordre(list(morceaux)) if c != "?"]
        lettres = list(morceaux[0]) if len(morceaux) == 1 else morceaux
        if 0 < len(lettres) <= 2 * n and all(len(m) == 1 and (m.isalpha() or m == "?")
                                             for m in lettres):
            # « DACGFHE » : la forme courte, mais pas le bon nombre de lettres
            raise ReponseInvalide(
                f"Votre réponse a {accorder(len(lettres), 'lettre', 'lettres')} pour {n} "
                "éléments : une lettre par élément, dans l'ordre de l'énoncé (« ? » pour un "
                "élément que vous ne savez pas classer).")
        raise ReponseInvalide("Écrivez un dictionnaire { \"élément\" : \"catégorie\", … } "
                               "comme dans l'exemple, ou la liste des lettres dans l'ordre "
                               "des éléments (par exemple [\"B\", \"A\", …]).")

    def _ranger(self, reponse: object) -> tuple[dict[str, int | None], list[str]]:
        """La réponse lue : élément → numéro de catégorie (None : non reconnue), et les
        éléments inconnus. N'utilise que l'énoncé (éléments, catégories), jamais le corrigé :
        la fiche des élèves s'en sert pour l'empreinte de la réponse."""
        cles = {normaliser(e): e for e in self.attendu}
        ranges: dict[str, int | None] = {}
        inconnus: list[str] = []
        numeros = list(self.attendu)
        for element, categorie in self._paires(reponse):
            if est_vide(element) or est_vide(categorie):
                continue
            if isinstance(element, str) and element.strip().rstrip(".").isdigit():
                element = int(element.strip().rstrip("."))
            if isinstance(element, int) and not isinstance(element, bool):
                if 1 <= element <= len(numeros):     # élément désigné par son numéro
                    element = numeros[element - 1]
                else:
                    inconnus.append(f"n° {element}")
                    continue
            cle = cle_element(element)
            if cle not in cles:
                # tolérance : un élément désigné par un début non ambigu
                proches = [k for k in cles if cle and (k.startswith(cle) or cle.startswith(k))]
                if len(proches) != 1:
                    inconnus.append(affiche(element))
                    continue
                cle = proches[0]
            if isinstance(categorie, (list, tuple, set, dict)):
                raise ReponseInvalide("Chaque élément va dans une seule catégorie.")
            ranges[cles[cle]] = self._categorie(categorie)
        if not ranges and inconnus:
            raise ReponseInvalide("Aucun des éléments de la liste n'a été reconnu : "
                                   "recopiez leurs noms tels qu'ils sont écrits dans l'énoncé.")
        return ranges, inconnus

    def _corriger(self, reponse: object) -> Correction:
        ranges, inconnus = self._ranger(reponse)
        details = []
        justes = 0
        for element, categorie in self.attendu.items():
            if element not in ranges:
                details.append(f"« {element} » n'est pas classé.")
            elif ranges[element] is None:
                details.append(f"« {element} » : catégorie non reconnue (choisissez dans la "
                               "liste).")
            elif self.categories[ranges[element]] == categorie:
                justes += 1
            else:
                details.append(f"« {element} » n'est pas dans la bonne catégorie.")
        details += [f"« {affiche(e)} » ne fait pas partie des éléments à classer."
                    for e in inconnus]
        n = len(self.attendu)
        return self._proportion(justes / n, "Tous les éléments sont bien classés.",
                                f"{accorder(justes, 'élément bien classé', 'éléments bien classés')} sur {n}.",
                                f"Aucun élément bien classé sur {n}.", details)
